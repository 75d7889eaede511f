"""Safe access to the parts of an Office Open XML package.

Sizes are read from the zip directory and the bytes actually inflated are
capped, so a decompression bomb is refused before it fills memory; the XML
parser never resolves entities, loads DTDs or touches the network.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import BinaryIO

from lxml import etree

from linter.extract.errors import ExtractError

# Core, extended and custom properties worth a reviewer's eye; dates are left out.
_CORE_FIELDS = ("title", "subject", "creator", "keywords", "description", "lastModifiedBy",
                "category", "contentStatus")
_APP_FIELDS = ("Company", "Manager", "Template", "HyperlinkBase")
MAX_PART_BYTES = 128 * 1024 * 1024  # far above any real part; bounds what a lying header can cost
MAX_RATIO = 200  # real XML compresses ~10-30x; far beyond that is a bomb

# Entities never resolved, nothing fetched: every XML part a file carries is parsed with it.
XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
    remove_comments=True, remove_pis=True,
)


class Package:
    """An opened .docx (or other OOXML) zip with bounded, parsed part access."""

    def __init__(self, path: str | BinaryIO) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ExtractError("文件已损坏或不完整（ZIP 结构无效）(corrupt or truncated)") from None
        # Part names are case-insensitive (ECMA-376 part 2, 9.1.1.1), and some Windows writers
        # separate them with backslashes (xl\sharedstrings.xml): both are found by their usual name.
        self._stored = {name.replace("\\", "/"): name for name in self._zip.namelist()}
        self._folded = {name.lower(): stored for name, stored in self._stored.items()}
        self.names = list(self._stored)

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        stored = self._stored.get(name) or self._folded.get(name.lower())
        return None if stored is None else self._zip.getinfo(stored)

    def fingerprint(self, name: str) -> tuple[int, int] | None:
        """(CRC-32, size) of part `name` from the zip directory, without reading it."""
        info = self._info(name)
        return None if info is None else (info.CRC, info.file_size)

    def xml(self, name: str) -> etree._Element | None:
        """Parse part `name`, or return None when the package has no such part."""
        data = self.read(name)
        return None if data is None else parse(name, data)

    def read(self, name: str) -> bytes | None:
        """Return the bytes of part `name` (None if absent), refusing bombs."""
        info = self._info(name)
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > 10 * 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            size = info.file_size // 2**20
            raise ExtractError(f"文档部件 {name} 解压后过大（{size} MB），疑似压缩炸弹 (decompression bomb)")
        try:
            with self._zip.open(info) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError,
                ValueError) as exc:  # ValueError: a damaged directory gives negative offsets
            raise ExtractError(f"文件已损坏或不完整（{name}：{exc}）(corrupt or truncated)") from None
        if len(data) > MAX_PART_BYTES:
            raise ExtractError(f"文档部件 {name} 解压后过大，疑似压缩炸弹 (decompression bomb)")
        if _STRICT_MARK in data:
            data = _transitional(data)
        return data


# The package the format sniffer opened, and the bytes it was opened on: what it hands over to
# the reader that comes next. A list, popped whole: a thread never takes another's.
_SNIFFED: list[tuple[bytes, Package]] = []


def hand_over(data: bytes, package: Package) -> None:
    """Keep the package the sniffer opened on `data` for the reader of the same bytes (`opened`)."""
    _SNIFFED[:] = [(data, package)]


def opened(data: bytes) -> Package:
    """The package of a file's bytes: the one the sniffer opened on them, or else a new one.

    Reading a zip's directory is a tenth of reading a short .docx (0.15 ms for its 17 parts);
    the sniffer reads it first to tell a .docx from an .xlsx, and the reader need not again.
    """
    try:
        sniffed, package = _SNIFFED.pop()
    except IndexError:
        sniffed = None
    return package if sniffed is data else Package(io.BytesIO(data))


def parse(name: str, data: bytes) -> etree._Element:
    """Part `name`'s bytes parsed safely; a syntax error is the file's error."""
    try:
        return etree.fromstring(data, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        if "amplification" in exc.msg:  # entities nested to expand a few KB into gigabytes
            raise ExtractError(f"文档内部 XML（{name}）的实体会展开成海量文字，疑似 XML 炸弹，未检查 (XML bomb)") \
                from None
        raise ExtractError(f"文档内部 XML 已损坏（{name}：{exc.msg}）(corrupt XML)") from None


# ISO/IEC 29500 Strict (Word's "Strict Open XML" save) names the same elements in other
# namespaces: read as the transitional ones, a strict document is read whole, not as empty.
_STRICT_MARK = b"purl.oclc.org/ooxml/"
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/spreadsheetml/main": b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    b"http://purl.oclc.org/ooxml/presentationml/main": b"http://schemas.openxmlformats.org/presentationml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/": b"http://schemas.openxmlformats.org/drawingml/2006/",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships":
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties":
        b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    b"http://purl.oclc.org/ooxml/officeDocument/customProperties":
        b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    b"http://purl.oclc.org/ooxml/officeDocument/": b"http://schemas.openxmlformats.org/officeDocument/2006/",
}


def _transitional(data: bytes) -> bytes:
    for strict, transitional in _STRICT.items():  # the longer names first, where one begins another
        data = data.replace(strict, transitional)
    return data


def properties(pkg: Package) -> dict[str, str]:
    """The package's core, extended and custom properties (author, company, title …) that hold text."""
    found: dict[str, str] = {}
    for name, wanted in (("docProps/core.xml", _CORE_FIELDS), ("docProps/app.xml", _APP_FIELDS)):
        root = pkg.xml(name)
        for element in () if root is None else root:
            key = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
            if key in wanted and (element.text or "").strip():
                found[key] = element.text.strip()
    custom = pkg.xml("docProps/custom.xml")
    for prop in () if custom is None else custom:
        value = "".join(prop.itertext()).strip()
        if value and prop.get("name"):
            found[f"custom:{prop.get('name')}"] = value
    return found
