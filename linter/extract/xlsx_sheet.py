"""One worksheet of an .xlsx: its cells, hidden rows and columns, print header and footer.

The cells of a plain <sheetData> are read by pattern (xlsx_scan); the rest of the part,
and any sheet the pattern cannot read exactly, by the XML parser, streamed row by row (a
published roster may hold 100,000 rows) and each row dropped once read. Values are read
as stored: a number keeps all the digits the file holds, however Excel would display it.
"""

from __future__ import annotations

import io
import re

from lxml import etree

from linter import lazy
from linter.extract.errors import ExtractError
from linter.extract.sheets import SheetContent, column_number, number_text, sheet_column
from linter.extract.xlsx_scan import MAX_CELLS, scan_cells, sheet_data, unescape_xstring
from linter.extract.xlsx_styles import CellStyles

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REF = lazy.re_pattern(r"([A-Z]{1,3})(\d+)")
# &L &C &R sections, &"font,style", &12 (size), &P &N &D &T &F &A &K colour … of a print header.
_HEADER_CODE = lazy.re_pattern(r'&"[^"]*"|&K[0-9A-Fa-f]{6}|&\d+|&[LCRPNDTZFAGBIUESXY&]')


def parse_ref(ref: str) -> tuple[int | None, int | None]:
    """B3 as (row 3, column 2); (None, None) for anything else."""
    found = _REF.fullmatch(ref)
    return (int(found.group(2)), column_number(found.group(1))) if found else (None, None)


_ROW, _COL, _C, _V, _IS, _T, _F = (f"{{{S}}}{name}" for name in ("row", "col", "c", "v", "is", "t", "f"))
# A data validation: a dropdown's list (typed into the rule, never into a cell) and the input
# and error messages a reader sees only while editing. Excel 2010+ writes rules that refer
# to other sheets in its own namespace.
_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
_VALIDATIONS = (f"{{{S}}}dataValidation", f"{{{_X14}}}dataValidation")
_HEADERS = {f"{{{S}}}{name}Header": "header" for name in ("odd", "even", "first")}
_HEADERS.update({f"{{{S}}}{name}Footer": "footer" for name in ("odd", "even", "first")})


def read_sheet(data: bytes, strings: list[str], styles: CellStyles, scan: bool = True) -> SheetContent:
    """Read a worksheet part's bytes into its content (`scan=False`: by the XML parser alone)."""
    content = SheetContent()
    span = sheet_data(data) if scan else None
    if span and _scanned(memoryview(data)[span[0]:span[1]], strings, styles, content):
        data = data[:span[0]] + data[span[1]:]  # left for the parser: columns, headers, validations
    else:
        content = SheetContent()
    # Only the elements read here raise events: a cell's <c>/<v> are read from their row.
    events = etree.iterparse(io.BytesIO(data), events=("end",), tag=(_ROW, _COL, *_HEADERS, *_VALIDATIONS),
                             resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    row = 0
    try:
        for _, element in events:
            tag = element.tag
            if tag == _ROW:
                row = _read_row(element, row, content, strings, styles)
                element.clear()
                while element.getprevious() is not None:  # rows already read: let them go
                    del element.getparent()[0]
                if len(content.texts) > MAX_CELLS:
                    raise ExtractError(f"工作表单元格过多（超过 {MAX_CELLS} 个），请拆分后再检查 (sheet too large)")
            elif tag == _COL:
                _read_col(element, content)
            elif tag in _VALIDATIONS:
                _read_validation(element, content)
            else:
                _read_header(element, _HEADERS[tag], content)
    except etree.XMLSyntaxError as exc:
        raise ExtractError(f"工作表 XML 已损坏（{exc.msg}）(corrupt XML)") from None
    return content


def _scanned(body: memoryview, strings: list[str], styles: CellStyles, content: SheetContent) -> bool:
    try:
        return scan_cells(str(body, "utf-8"), strings, styles, content)
    except UnicodeDecodeError:
        return False


def _read_col(element, content: SheetContent) -> None:
    if element.get("hidden") in ("1", "true") or element.get("width") in ("0", "0.0"):
        first, last = int(element.get("min", "0")), int(element.get("max", "0"))
        # A hidden range may run to column XFD (16,384): keep it bounded by what holds cells.
        content.hidden_cols.update(range(first, min(last, 16384) + 1))


def _read_row(element, previous: int, content: SheetContent, strings: list[str], styles: CellStyles) -> int:
    row = int(element.get("r") or previous + 1)
    if element.get("hidden") in ("1", "true") or element.get("ht") in ("0", "0.0"):
        content.hidden_rows.add(row)
    col = 0
    for cell in element.iterchildren(_C):
        ref = cell.get("r")
        col = (sheet_column(ref.rstrip("0123456789")) if ref else 0) or col + 1
        text, number = _value(cell, strings, styles)
        if len(cell):  # a formula's string literals never show (=HYPERLINK("mailto:…"))
            formula = cell.findtext(_F)
            if formula and '"' in formula:
                content.formulas.append((row, col, formula))
        if text.strip():
            content.add(row, col, text, number, bool(styles.hiding) and styles.conceals(cell.get("s")))
    return row


def _value(cell, strings: list[str], styles: CellStyles) -> tuple[str, bool]:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return rich_text(cell.find(_IS)), False
    v = cell.findtext(_V)
    if v is None:
        return "", False
    if kind == "s":
        try:
            return strings[int(v)], False
        except (ValueError, IndexError):
            return "", False
    if kind == "b":
        return ("TRUE" if v.strip() == "1" else "FALSE"), False
    if kind == "str":  # a formula's string
        return unescape_xstring(v), False
    if kind in ("e", "d"):  # an error, an ISO 8601 date
        return v, False
    date = styles.date(cell.get("s"), v) if styles.dates else None
    return (date, False) if date else (number_text(v), True)


def rich_text(element) -> str:
    """The text of a string item (<si>, <is>, a comment's <text>): plain or rich runs, not phonetic guides."""
    if element is None:
        return ""
    if len(element) == 1 and element[0].tag == _T:
        return unescape_xstring(element[0].text or "")
    pieces = []
    for child in element:
        tag = child.tag
        if tag == f"{{{S}}}t":
            pieces.append(child.text or "")
        elif tag == f"{{{S}}}r":
            pieces.append(child.findtext(f"{{{S}}}t") or "")
    return unescape_xstring("".join(pieces))


def _read_validation(element, content: SheetContent) -> None:
    """A list typed into the rule (formula1 "张三,李四"), its prompt and error texts.

    A list that refers to a range (=$E$1:$E$9) is left: those cells are read as cells.
    """
    texts = [element.get(name, "") for name in ("promptTitle", "prompt", "errorTitle", "error")]
    for formula in element.iter(f"{{{S}}}formula1", f"{{{_X14}}}formula1"):
        value = "".join(formula.itertext()).strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            texts.append("、".join(item.strip() for item in value[1:-1].split(",")))
    text = "\n".join(t.strip() for t in texts if t and t.strip())
    if text:
        ranges = element.get("sqref") or "".join(element.itertext("{*}sqref"))
        row, col = parse_ref(ranges.split(":")[0].split()[0].replace("$", "")) if ranges.strip() else (None, None)
        content.validations.append((row, col, text))


def _read_header(element, kind: str, content: SheetContent) -> None:
    text = print_header_text(element.text or "")
    if text:
        content.headers.append((kind, text))


def print_header_text(code: str) -> str:
    """A print header's or footer's text without its section and field codes (&L &C &P &"宋体,加粗" …)."""
    return re.sub(r"\s{2,}", " ", _HEADER_CODE.sub(" ", code).strip())
