"""Excel 97-2003 (.xls, BIFF8; WPS 表格 saves .et in it too), read with xlrd.

Read as an .xlsx is: every sheet a table under its title, hidden and very-hidden sheets,
hidden rows and columns and ;;;-formatted cells read and reported, cell notes with their
author, print headers and footers and text boxes (read from the sheet's records: xlrd skips them),
where hyperlinks lead, document properties from the OLE property sets.
"""

from __future__ import annotations

import datetime
import struct

import xlrd
from xlrd.compdoc import CompDocError

from linter.extract.errors import TRY_LIBREOFFICE, EncryptedError, ExtractError
from linter.extract.links import personal_part
from linter.extract.ole import embedded_objects, ole_properties, open_ole
from linter.extract.sheets import SheetContent, SheetRef, cell_segments, hidden_segments, number_text
from linter.extract.xls_records import sheet_extras
from linter.model import Document, Location, Segment

_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}
_HOLDING_VALUES = frozenset({xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE, xlrd.XL_CELL_BOOLEAN,
                             xlrd.XL_CELL_ERROR})


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an .xls file's bytes into a Document."""
    try:
        book = _open(data)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedError() from None
        raise ExtractError(f"Excel 97-2003 工作簿已损坏（{exc}）{TRY_LIBREOFFICE} (corrupt .xls)") from None
    except Exception as exc:  # noqa: BLE001 — xlrd meets a damaged file with any of a dozen exception types
        raise ExtractError(
            f"Excel 97-2003 工作簿已损坏（{type(exc).__name__}）{TRY_LIBREOFFICE} (corrupt .xls)") from None
    segments: list[Segment] = []
    concealed: list[Segment] = []
    extras = sheet_extras(data, book._sh_abs_posn)  # noqa: SLF001 — where each sheet's records start
    for index, sheet in enumerate(book.sheets()):
        ref = SheetRef(sheet.name, _STATES.get(sheet.visibility, "visible"), "")
        content = _content(book, sheet)
        content.headers = extras.headers.get(index, [])
        segments += cell_segments(ref, content)
        concealed += hidden_segments(ref, content)
        segments += [Segment(text, Location(part=kind, sheet=sheet.name)) for kind, text in content.headers]
        segments += [Segment(text, Location(part="textbox", sheet=sheet.name)) for text in extras.boxes.get(index, [])]
        segments += _link_targets(sheet)
        segments += [Segment(text, Location(part="metadata", row=row, col=col, sheet=sheet.name, detail="formula"))
                     for row, col, text in extras.formulas.get(index, [])]
        segments += [Segment(note.text.strip(), Location(part="comment", row=r + 1, col=c + 1, sheet=sheet.name,
                                                          detail=(note.author or "").strip() or None))
                     for (r, c), note in sorted(sheet.cell_note_map.items()) if note.text.strip()]
    metadata = ole_properties(data)
    segments += [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    return Document(path=path, format="xls", segments=tuple(segments), metadata=metadata,
                    concealed=tuple(concealed), attachments=_embedded(data))


def _link_targets(sheet) -> list[Segment]:
    """What the sheet's hyperlinks lead to (linter.extract.links): a cell shows only its text."""
    found = [(link, personal_part(link.url_or_path or "")) for link in sheet.hyperlink_list]
    return [Segment(text, Location(part="metadata", row=link.frowx + 1, col=link.fcolx + 1, sheet=sheet.name,
                                   detail="link")) for link, text in found if text]


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
        kinds = sheet.row_types(r)
        if kinds.count(xlrd.XL_CELL_EMPTY) + kinds.count(xlrd.XL_CELL_BLANK) == len(kinds):
            continue  # formatted but empty: a sheet may span all 65,536 rows and 256 columns so
        for c, kind in enumerate(kinds):
            if kind in _HOLDING_VALUES:
                text, number = _value(book, sheet.cell(r, c))
                if text.strip():
                    content.add(r + 1, c + 1, text, number, _hides(book, sheet, r, c))
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
    except (ExtractError, OSError, ValueError, IndexError, struct.error):  # a damaged stream, or no container
        return b""


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
