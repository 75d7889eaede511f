"""OLE2 compound files (the container of .doc, .wps, .xls, .et): what they hold, and their properties."""

from __future__ import annotations

import io
import struct

import olefile

from linter.extract.errors import ExtractError

# SummaryInformation / DocumentSummaryInformation fields worth a reviewer's eye, under the
# names .docx properties have, so hidden/metadata reports them alike.
_FIELDS = {"author": "creator", "last_saved_by": "lastModifiedBy", "title": "title", "subject": "subject",
           "keywords": "keywords", "comments": "description", "company": "Company", "manager": "Manager",
           "category": "category", "template": "Template"}
_CODEPAGES = {65001: "utf-8", 936: "gb18030", 1200: "utf-16-le", 950: "cp950", 1252: "cp1252"}
_DEFAULT_TEMPLATES = {"Normal.dotm", "Normal.dot", "Normal.wpt", "Normal"}


def open_ole(data: bytes) -> olefile.OleFileIO:
    """The compound file, or a clear error when its structure is broken."""
    try:
        return olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise ExtractError(f"文件已损坏或不完整（OLE 结构无效：{exc}）(corrupt or truncated)") from None


def ole_properties(data: bytes) -> dict[str, str]:
    """Author, last saved by, title, company … from the property sets (empty when unreadable)."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            meta = ole.get_metadata()
    except Exception:  # noqa: BLE001 — properties are a bonus; a broken set must not lose the text
        return {}
    codepage = _CODEPAGES.get((meta.codepage or 0) & 0xFFFF, "gb18030")
    found = {}
    for name, key in _FIELDS.items():
        value = getattr(meta, name, None)
        if isinstance(value, bytes):
            value = value.decode(codepage, errors="replace")
        value = (value or "").strip("\x00 \t\r\n") if isinstance(value, str) else ""
        if value and not (key == "Template" and value in _DEFAULT_TEMPLATES):
            found[key] = value
    return found


_EMBEDDED_KINDS = (("workbook", "Excel 工作簿"), ("book", "Excel 工作簿"), ("worddocument", "Word 文档"),
                   ("package", "Office 文档"), ("\x01ole10native", "文件"), ("contents", "对象"))


def embedded_objects(ole, pool: str) -> tuple[str, ...]:
    """The objects embedded in the file: their content is not checked, so they are named, by order and kind.

    Word keeps them as storages in its ObjectPool (`pool` "ObjectPool"); Excel as storages at
    the root named MBD… (`pool` ""). A storage's name is a number: never shown.
    """
    storages: dict[str, set[str]] = {}
    for entry in ole.listdir():
        if pool and len(entry) >= 3 and entry[0] == pool:
            storages.setdefault(entry[1], set()).add(entry[2].lower())
        elif not pool and len(entry) >= 2 and entry[0].upper().startswith("MBD"):
            storages.setdefault(entry[0], set()).add(entry[1].lower())
    found = []
    for number, (storage, streams) in enumerate(storages.items(), 1):
        kind = next((what for stream, what in _EMBEDDED_KINDS if stream in streams), "对象")
        if _NATIVE.lower() in streams:
            kind = _packaged(ole, [pool, storage, _NATIVE] if pool else [storage, _NATIVE]) or kind
        found.append(f"第{number}个嵌入对象（{kind}）")
    return tuple(found)


_NATIVE = "\x01Ole10Native"  # the stream of a Package object: a file dropped into the document, as it was


def embedded_file(data: bytes) -> str | None:
    """What an embedded part (word/embeddings/oleObject1.bin) wraps, if it is a Package: the file's name and path."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return _packaged(ole, [_NATIVE]) if ole.exists(_NATIVE) else None
    except (OSError, ValueError, IndexError, struct.error):
        return None


def _packaged(ole, path: list[str]) -> str | None:
    r"""嵌入文件“名单.xlsx”，原路径 C:\Users\…: the label and source path a Package's native stream opens with.

    The path is where the file lay on the drafter's computer: it may name them (C:\Users\张三).
    """
    try:
        head = ole.openstream(path).read(4096)
    except (OSError, ValueError, IndexError, struct.error):
        return None
    fields = head[6:].split(b"\x00", 2)  # after its size (4 bytes) and flags (2): label, then path
    if len(head) < 8 or struct.unpack_from("<H", head, 4)[0] != 2 or len(fields) < 3 or not fields[0]:
        return None  # other objects keep their own native data there, no file name
    label, source = (_ansi(field) for field in fields[:2])
    if not (label.isprintable() and source.isprintable()):
        return None
    return f"嵌入文件“{label}”" + (f"，原路径 {source}" if source and source != label else "")


def _ansi(raw: bytes) -> str:
    """A name in the drafter's code page (GBK on a Chinese Windows), or UTF-8 where it is valid."""
    try:
        return raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace").strip()
