"""Excel 97-2003 (.xls, BIFF8; WPS 表格 saves .et in it too), read with xlrd.

Read as an .xlsx is: every sheet a table under its title, hidden and very-hidden sheets,
hidden rows and columns and ;;;-formatted cells read and reported, cell notes with their
author, print headers and footers (read from the sheet's records: xlrd skips them),
document properties from the OLE property sets.
"""

from __future__ import annotations

import datetime
import struct

import olefile
import xlrd
from xlrd.compdoc import CompDocError

from linter.extract.errors import EncryptedError, ExtractError
from linter.extract.ole import embedded_objects, ole_properties, open_ole
from linter.extract.sheets import Cell, SheetContent, SheetRef, cell_segments, hidden_segments, number_text
from linter.extract.xlsx_sheet import print_header_text
from linter.model import Document, Location, Segment

_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an .xls file's bytes into a Document."""
    try:
        book = _open(data)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedError() from None
        raise ExtractError(f"Excel 97-2003 工作簿已损坏（{exc}）(corrupt .xls)") from None
    except Exception as exc:  # noqa: BLE001 — xlrd meets a damaged file with any of a dozen exception types
        raise ExtractError(f"Excel 97-2003 工作簿已损坏（{type(exc).__name__}）(corrupt .xls)") from None
    segments: list[Segment] = []
    concealed: list[Segment] = []
    headers = _print_headers(data, book._sh_abs_posn)  # noqa: SLF001 — where each sheet's records start
    for index, sheet in enumerate(book.sheets()):
        ref = SheetRef(sheet.name, _STATES.get(sheet.visibility, "visible"), "")
        content = _content(book, sheet)
        content.headers = headers.get(index, [])
        segments += cell_segments(ref, content)
        concealed += hidden_segments(ref, content)
        segments += [Segment(text, Location(part=kind, sheet=sheet.name)) for kind, text in content.headers]
        segments += [Segment(note.text.strip(), Location(part="comment", row=r + 1, col=c + 1, sheet=sheet.name,
                                                          detail=(note.author or "").strip() or None))
                     for (r, c), note in sorted(sheet.cell_note_map.items()) if note.text.strip()]
    metadata = ole_properties(data)
    segments += [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    return Document(path=path, format="xls", segments=tuple(segments), metadata=metadata,
                    concealed=tuple(concealed), attachments=_embedded(data))


def _embedded(data: bytes) -> tuple[str, ...]:
    """Objects embedded in the workbook (a PDF, a document): named as not checked."""
    try:
        with open_ole(data) as ole:
            return embedded_objects(ole, "")
    except (ExtractError, OSError):
        return ()  # the cells were read by xlrd; a container olefile refuses holds nothing more we can name


def _content(book, sheet) -> SheetContent:
    content = SheetContent()
    content.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    content.hidden_cols = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            text, number = _value(book, cell)
            if text.strip():
                content.cells.append(Cell(r + 1, c + 1, text, number, _hides(book, sheet, r, c)))
    return content


def _open(data: bytes):
    """The workbook; if xlrd's reader of the container refuses it, its Workbook stream read by olefile."""
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=_Quiet())
    except CompDocError:
        # xlrd's own container reader is stricter than Excel: a sound workbook may fail there.
        stream = _workbook_stream(data)
        if not stream:
            raise
        return xlrd.open_workbook(file_contents=stream, formatting_info=True, logfile=_Quiet())


def _workbook_stream(data: bytes) -> bytes:
    try:
        with open_ole(data) as ole:
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            return ole.openstream(name).read() if name else b""
    except (ExtractError, OSError, olefile.OleFileError):
        return b""


_HEADER, _FOOTER, _EOF = 0x0014, 0x0015, 0x000A


def _print_headers(data: bytes, positions: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Each sheet's print header and footer texts, by sheet index (empty when the records cannot be read)."""
    try:
        with open_ole(data) as ole:
            stream = ole.openstream("Workbook").read() if ole.exists("Workbook") else b""
    except (ExtractError, OSError, olefile.OleFileError):
        return {}
    found: dict[int, list[tuple[str, str]]] = {}
    for index, at in enumerate(positions):
        while at + 4 <= len(stream):
            kind, size = struct.unpack_from("<HH", stream, at)
            if kind == _EOF:
                break
            if kind in (_HEADER, _FOOTER) and size >= 3:
                text = print_header_text(_unicode_string(stream[at + 4:at + 4 + size]))
                if text:
                    found.setdefault(index, []).append(("header" if kind == _HEADER else "footer", text))
            at += 4 + size
    return found


def _unicode_string(record: bytes) -> str:
    """A BIFF8 XLUnicodeString: a character count, a flag byte, then Latin-1 or UTF-16 characters."""
    if len(record) < 3:  # cut short by the end of the stream
        return ""
    count, flags = struct.unpack_from("<HB", record)
    body = record[3:]
    if flags & 1:
        return body[:2 * count].decode("utf-16-le", errors="replace")
    return body[:count].decode("latin-1")


def _value(book, cell) -> tuple[str, bool]:
    kind = cell.ctype
    if kind == xlrd.XL_CELL_TEXT:
        return cell.value, False
    if kind == xlrd.XL_CELL_NUMBER:
        return number_text(repr(cell.value)), True
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return number_text(repr(cell.value)), True
        whole_day = moment.time() == datetime.time()
        return moment.date().isoformat() if whole_day else moment.isoformat(" ", "minutes"), False
    if kind == xlrd.XL_CELL_BOOLEAN:
        return ("TRUE" if cell.value else "FALSE"), False
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR"), False
    return "", False


def _hides(book, sheet, r: int, c: int) -> bool:
    """The cell's number format shows nothing of it (;;;, or only quoted text)."""
    try:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        code = book.format_map[xf.format_key].format_str
    except (IndexError, KeyError):
        return False
    if not code:  # a format record without its code
        return False
    stripped = "".join(part for i, part in enumerate(code.split('"')) if i % 2 == 0)
    return bool(code.strip()) and not stripped.replace(";", "").strip()


class _Quiet:
    """xlrd writes warnings about odd records to a log file: they are not the reviewer's concern."""

    def write(self, text: str) -> None:
        """Drop the warning."""
