"""Deciding a file's format from its bytes rather than trusting its extension."""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib

from linter import lazy
from linter.extract.errors import EncryptedError, ExtractError

EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".csv": "csv", ".docx": "docx", ".pdf": "pdf",
              ".xlsx": "xlsx", ".xlsm": "xlsx", ".html": "html", ".htm": "html", ".shtml": "html",
              ".xhtml": "html", ".odt": "odt", ".rtf": "rtf",
              ".xls": "xls", ".et": "xls", ".doc": "doc", ".wps": "wps", ".ofd": "ofd",
              ".mht": "mht", ".mhtml": "mht"}
TEXT_FORMATS = frozenset({"txt", "md", "csv"})
# Office formats a drafter may hand in that we cannot read: reported, never skipped.
UNSUPPORTED = {
    ".docm": "启用宏的 Word 文档 (.docm)", ".dot": "Word 模板 (.dot)", ".dotx": "Word 模板 (.dotx)",
    ".ppt": "PowerPoint 97-2003 (.ppt)", ".pptx": "PowerPoint (.pptx)", ".dps": "WPS 演示 (.dps)",
    ".wpt": "WPS 模板 (.wpt)",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Word for Windows 1.x and 2.0 (wIdent 0xA59B, 0xA5DB): a bare stream, before OLE containers.
EARLY_WORD_MAGIC = (b"\x9b\xa5", b"\xdb\xa5")
# Password-protected .docx files are OLE containers holding this stream.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK, _BOOK, _WORD = ("\x00".join(name).encode("ascii") + b"\x00\x00\x00"
                           for name in ("Workbook", "Book", "WordDocument"))
_NAMES = {"txt": "文本", "md": "Markdown", "csv": "CSV", "docx": "DOCX", "pdf": "PDF", "xlsx": "Excel",
          "html": "HTML", "odt": "ODF 文本", "rtf": "RTF", "xls": "Excel 97-2003", "doc": "Word 97-2003",
          "wps": "WPS 文字", "ofd": "OFD", "mht": "单个文件网页（MHT）", "wordml": "Word 2003 XML"}
# Formats that are text with markup: decoded and size-capped like .txt, sniffed by their opening tags.
MARKUP_FORMATS = frozenset({"html"})
_HTML_START = lazy.re_pattern(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)[\s>]",
                         re.IGNORECASE | re.DOTALL)
# What office systems save under .doc, .wps or .xls without being one: a web page ("Word 网页格式",
# an Excel table exported as HTML), a single-file web page (MHT) and Word 2003 XML, which
# systems fill from a template (FreeMarker and the like) and hand out as .doc.
_BINARY_OFFICE = frozenset({"doc", "wps", "xls"})
_MIME = lazy.re_pattern(rb"^(?:\xef\xbb\xbf)?(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?"
                   rb"content-type:\s*multipart/", re.IGNORECASE)
_WORDML = b"http://schemas.microsoft.com/office/word/2003/wordml"


def sniff(path: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """Return (format, warnings) for the file's bytes (all of them, or its head), or raise ExtractError."""
    ext = os.path.splitext(path)[1].lower()
    claimed = EXTENSIONS.get(ext)
    if claimed is None and ext in UNSUPPORTED:
        raise ExtractError(
            f"不支持的格式：{UNSUPPORTED[ext]}，请另存为 .docx、.xlsx 或 .pdf 后再检查 (unsupported format)")
    actual = _content_format(data, claimed)
    if claimed is None:
        raise ExtractError(f"不支持的文件类型：{ext or '无扩展名'} (unsupported file type)")
    if actual == claimed or {actual, claimed} <= TEXT_FORMATS:
        return claimed, ()
    if claimed == "xls" and actual == "txt":  # a system's "Excel" export that is tab- or comma-separated text
        actual = "csv"
    if actual not in TEXT_FORMATS or claimed in TEXT_FORMATS or claimed == "rtf" or actual == "csv":
        # RTF is text too; an .xls of separated text is a table
        note = f"扩展名为 {ext}，但内容是 {_NAMES[actual]}，已按内容读取 (read by content)"
        return actual, (note,)
    raise ExtractError(
        f"扩展名为 {ext}，但内容不是 {_NAMES[claimed]}（文件损坏或扩展名错误）(content does not match extension)")


def read_by_a_library(head: bytes) -> bool:
    """PDF or zip (docx) content, whatever the name: parsed by pdfium or lxml, not by us."""
    return _is_pdf(head) or _is_zip(head)


def _is_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def _is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def _biff_stream(data: bytes) -> bool:
    """An Excel 2.x-4.0 workbook: no OLE container, the BIFF stream itself, opening with its BOF record."""
    if len(data) < 8:
        return False
    kind, size = struct.unpack_from("<HH", data)
    return kind in (0x0009, 0x0209, 0x0409, 0x0809) and 4 <= size <= 20


def _content_format(data: bytes, claimed: str | None) -> str:
    if _is_pdf(data):
        return "pdf"
    if _is_zip(data):
        return _zip_format(data, claimed)
    if data.startswith(_OLE):
        return _ole_format(data, claimed)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if claimed == "xls" and _biff_stream(data):
        return "xls"
    if claimed in ("doc", "wps") and data[:2] in EARLY_WORD_MAGIC:
        return claimed  # Word 1.x/2.0: the reader says what it is (linter.extract.doc)
    head = data[:4096]
    if claimed in ("mht", *_BINARY_OFFICE) and _MIME.match(head):
        return "mht"
    if claimed in _BINARY_OFFICE and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and _WORDML in head:
        return "wordml"
    if claimed == "html" or (claimed in ("txt", *_BINARY_OFFICE) and _HTML_START.match(head)):
        return "html"
    return claimed if claimed in ("md", "csv", "mht") else "txt"


def _ole_format(data: bytes, claimed: str | None) -> str:
    """Which Office binary an OLE2 container holds, by its streams' names (UTF-16 in its directory)."""
    if _ENCRYPTED_PACKAGE in data:
        raise EncryptedError()
    book, word = _WORKBOOK in data or _BOOK in data, _WORD in data
    if book == word:
        # Both: one embeds the other (a Word report with an Excel table pasted in, kept in its
        # ObjectPool). Neither: names are case-blind in a compound file (WORDDOCUMENT, workbook).
        # The container's own streams, at its root, say what it is.
        names = _root_names(data)
        book, word = bool(names & {"workbook", "book"}), "worddocument" in names
        if not (book or word) and claimed in ("doc", "wps") and names & _WORKS:
            return claimed  # Microsoft Works (its files are .wps too): the .doc reader says so
    if word:
        return "wps" if claimed == "wps" else "doc"
    if book:
        return "xls"
    if claimed in ("xls", "doc", "wps"):
        raise ExtractError("文件已损坏或不完整（找不到文档或工作簿数据流）(corrupt or truncated)")
    raise ExtractError("这是 PowerPoint 等其他旧版 Office 二进制文件，不是可检查的文稿 (unsupported binary format)")


# The root streams of Microsoft Works word processor files: CONTENTS (Works 2000 and later),
# MM and MN0 (Works 3 and 4).
_WORKS = frozenset({"contents", "mm", "mn0"})


def _root_names(data: bytes) -> set[str]:
    """The names of the streams at the container's root (not inside an embedded object), lower case."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            return {entry[0].lower() for entry in ole.listdir() if len(entry) == 1}
    except (OSError, ValueError, IndexError, TypeError, struct.error):
        return set()


def _zip_format(data: bytes, claimed: str | None) -> str:
    from linter.extract.ooxml import Package, hand_over

    try:
        package = Package(io.BytesIO(data))
        names = set(package.names)  # some Windows writers use backslashes: the package gives them as slashes
        names |= {name.lower() for name in names if name.lower().startswith(("word/", "xl/"))}
        mimetype = (package.read("mimetype") or b"")[:100] if "mimetype" in names else b""
    except (ExtractError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        raise ExtractError("文件已损坏或不完整（ZIP 结构无效）(corrupt or truncated)") from None
    hand_over(data, package)  # every reader of a zip opens it as a package: not read twice
    if mimetype.strip() == b"application/vnd.oasis.opendocument.text":
        return "odt"
    if "OFD.xml" in names:
        return "ofd"
    if "word/document.xml" in names:  # in any case: part names are case-insensitive (ECMA-376 part 2)
        return "docx"
    if any(name.startswith("xl/") for name in names):  # the workbook part missing is the extractor's to say
        return "xlsx"
    office = "[Content_Types].xml" in names or "mimetype" in names
    kind = "PowerPoint 或 ODF 表格、演示等其他 Office 文档" if office else "ZIP 压缩包"
    expected = "Excel 工作簿 (not an .xlsx)" if claimed == "xlsx" else "Word 文档 (not a .docx)"
    raise ExtractError(f"这是{kind}，不是 {expected}")
