"""The cells and shared strings of an .xlsx read by pattern, where the XML is plain.

A roster of 50,000 rows is 300,000 cells; building a tree node for each is most of the
time an XML parser takes. Excel, WPS and the libraries write <sheetData> in one plain
shape (unprefixed elements, no comments, CDATA or entity declarations), so its rows and
cells are read here with regular expressions. Nothing is skipped silently: every tag
between two cells must be a row's (the row-by-row scan also asks white space between
them), or the scan gives up and the caller reads the part with the XML parser
(xlsx_sheet), which remains the reference.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from linter import lazy
from linter.extract.errors import ExtractError
from linter.extract.sheets import SheetContent, number_text, sheet_column
from linter.extract.xlsx_styles import CellStyles

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MAX_CELLS = 5_000_000  # beyond this a sheet is refused: no real roster is that large

_ROW = lazy.re_pattern(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_ANY_CELL = lazy.re_pattern(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR = lazy.re_pattern(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_V = lazy.re_pattern(r"<v\b[^>]*?(?:/>|>([^<]*)</v>)")
_F = lazy.re_pattern(r"<f\b[^>]*?(?:/>|>([^<]*)</f>)")
_IS = lazy.re_pattern(r"<is\b[^>]*?(?:/>|>(.*?)</is>)", re.S)
_SI_PLAIN = lazy.re_pattern(r'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')
_SI = lazy.re_pattern(r"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.S)
_T = lazy.re_pattern(r"<t\b[^>]*?(?:/>|>([^<]*)</t>)")
_PHONETIC = lazy.re_pattern(r"<rPh\b.*?</rPh>|<rPh\b[^>]*/>", re.S)
_DIGITS = "0123456789"
_XSTRING = lazy.re_pattern(r"_x([0-9A-Fa-f]{4})_")
# A cell as Excel, WPS and the libraries write it: attributes r, s, t in that order, children
# <f>, <v>, <is> in schema order. A shape not foreseen is left between the cells, where only
# row tags may be. Possessive (+): what a part matched
# is never given back (nothing after it could match it), a quarter less work per cell.
_CELL = lazy.re_pattern(
    r'<c r="([A-Z]{1,3}+)(\d++)"(?: s="(\d*+)")?+(?: t="(\w*+)")?+'
    r'(?:/>|>(?:<f\b[^>]*?(?:/>|>([^<]*+)</f>))?+(?:<v>([^<]*+)</v>)?+(?:<is>(.*?)</is>)?+</c>)', re.S)
_GROUPS = 7  # _CELL's groups: a split on it gives the text before a cell, then these
_STRIDE = _GROUPS + 1
_CELL_START = lazy.re_pattern(r"<c[\s/>]")
# Libraries write every CJK character of an inline string as a reference (&#24352;): resolved
# once over the whole sheet, not cell by cell through html.unescape. Split on, as a call
# for each of hundreds of thousands of them cost a quarter of such a sheet's reading.
_CHARREF = lazy.re_pattern(r"&#(x[0-9A-Fa-f]{1,6}+|[0-9]{1,7}+);")
_ROW_TAG = lazy.re_pattern(r"(<row\b([^>]*?)/?>)")
_ROW_ATTR = lazy.re_pattern(r'\s(r|hidden|ht)\s*=\s*"([^"]*)"')
_ZERO_HEIGHT = lazy.re_pattern(r"""\bht\s*=\s*["']0""")


def sheet_data(data: bytes) -> tuple[int, int] | None:
    """Where the content of a plain <sheetData> lies in a worksheet part, or None."""
    start = data.find(b"<sheetData>")
    end = data.rfind(b"</sheetData>")
    if start < 0 or end < start:
        return None
    start += len(b"<sheetData>")
    return (start, end) if _plain(data, start) else None


def _plain(data: bytes, body: int) -> bool:
    """Default namespace SpreadsheetML in UTF-8, with no markup a pattern would misread."""
    head = data[:body]
    declaration = head[:head.find(b"?>")] if head.startswith(b"<?xml") else b""
    return (f'xmlns="{S}"'.encode() in head and b"<!" not in data and data.find(b"<?", body) < 0
            and (b"encoding" not in declaration or b"utf-8" in declaration.lower()))


def scan_cells(text: str, strings: list[str], styles: CellStyles, content: SheetContent) -> bool:
    """Read the rows of a <sheetData>'s content into `content`; False if it is not plain."""
    if "&#" in text:
        text = _resolve_references(text)
    if _scan_tokens(text, strings, styles, content):
        return True
    content.clear_cells()
    content.hidden_rows.clear()
    content.formulas.clear()
    return _scan_rows(text, strings, styles, content)


def _scan_tokens(text: str, strings: list[str], styles: CellStyles, content: SheetContent) -> bool:
    """The cells as Excel, WPS and the libraries write them; False if any part is not so.

    The text is split on its cells in one pass. What lies between them must be row tags
    (and white space, which a parser skips too): a cell of another shape or an element not
    foreseen is left there, and sends the sheet to the slower readers. No cell may have
    swallowed the next into its inline string. Each cell's row is read from its reference;
    the row tags are read only if one may hide its row.
    """
    parts = _CELL.split(text)
    between = "".join(parts[::_STRIDE])
    inline = "".join(filter(None, parts[_GROUPS::_STRIDE]))
    if not _only_row_tags(between) or ("<c" in inline and _CELL_START.search(inline)):
        return False
    if len(parts) // _STRIDE > MAX_CELLS:
        raise ExtractError(f"工作表单元格过多（超过 {MAX_CELLS} 个），请拆分后再检查 (sheet too large)")
    if "hidden" in between or "&" in between or _ZERO_HEIGHT.search(between):
        row = 0
        for _, attrs in _ROW_TAG.findall(between):
            row = _start_row(_row_attributes(attrs), row, content)
    # Each cell's groups and the text after it, taken eight at a time from one iterator.
    items = iter(parts)
    next(items)  # the text before the first cell
    _read_cells(zip(*(items,) * _STRIDE, strict=True), strings, styles, content)
    return True


def _only_row_tags(between: str) -> bool:
    """Every tag in the text between the cells is a row's start or end."""
    return between.count("<") == between.count("<row ") + between.count("<row>") + between.count("</row>")


def _read_cells(cells: Iterable[tuple[str | None, ...]], strings: list[str], styles: CellStyles,
                content: SheetContent) -> None:
    """The cells a split on _CELL gives (its groups, then the text after the cell), into `content`.

    A split gives None for a group that matched nothing (a cell with no <v>).

    This loop runs once per cell (a roster holds hundreds of thousands): a shared string, a
    plain number or a one-run inline string is read in it, without a call. Column letters
    are kept as written and turned into numbers after, in C.
    """
    letters_of: list[str] = []
    add_row, add_col = content.rows.append, letters_of.append
    add_text, add_number = content.texts.append, content.numbers.append
    plain_numbers = not styles.dates  # with date formats, a number may stand for a date
    hiding = bool(styles.hiding)
    count = len(strings)
    row, at = 0, ""
    for letters, digits, style, kind, formula, v, inline, _ in cells:
        if digits != at:  # a row's cells come together: its number is read once
            row, at = int(digits), digits
        if kind == "s" and v and v.isdecimal() and (index := int(v)) < count:
            value, number = strings[index], False
        elif (not kind or kind == "n") and plain_numbers and v and v.isdigit() and v[0] != "0":
            value, number = v, True
        elif kind == "inlineStr" and inline and inline[:3] == "<t>" and inline[-4:] == "</t>" \
                and "<" not in inline[3:-4]:
            value, number = unescape_xstring(_text(inline[3:-4])), False  # one plain run, as libraries write it
        else:
            value, number = _cell_value(kind or "", v or "", inline or "", style or "", strings, styles)
        if formula and '"' in (formula := _text(formula)):
            content.formulas.append((row, sheet_column(letters), formula))
        if value and not value.isspace():
            if hiding and styles.conceals(style or None):
                content.concealed.add(len(content.texts))
            add_row(row)
            add_col(letters)
            add_text(value)
            add_number(number)
    columns = {letters: sheet_column(letters) for letters in set(letters_of)}
    content.cols.extend(map(columns.__getitem__, letters_of))


def _resolve_references(text: str) -> str:
    """The text with each character reference no pattern here could misread (not ASCII) as its character.

    Split in C into text and reference codes; each distinct code is resolved once.
    """
    parts = _CHARREF.split(text)
    codes = parts[1::2]
    characters = {code: _character(code) for code in set(codes)}
    parts[1::2] = map(characters.__getitem__, codes)
    return "".join(parts)


def _character(code: str) -> str:
    number = int(code[1:], 16) if code[0] == "x" else int(code)
    return chr(number) if 0x80 <= number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF else f"&#{code};"


def _row_attributes(attrs: str) -> dict[str, str]:
    """A row tag's attributes as Excel writes them (double quotes, nothing to unescape), else all of them."""
    if "'" in attrs or "&" in attrs:
        return _attributes(attrs)
    return dict(_ROW_ATTR.findall(attrs))


def _scan_rows(text: str, strings: list[str], styles: CellStyles, content: SheetContent) -> bool:
    """Row by row and cell by cell, attributes in any order; False if anything else stands between."""
    end = row = 0
    for found in _ROW.finditer(text):
        if not _blank(text, end, found.start()):
            return False
        end = found.end()
        row = _start_row(_attributes(found.group(1)), row, content)
        if found.group(2) and not _scan_row(found.group(2), row, strings, styles, content):
            return False
    return _blank(text, end, len(text))


def _scan_row(text: str, row: int, strings: list[str], styles: CellStyles, content: SheetContent) -> bool:
    end = col = 0
    for found in _ANY_CELL.finditer(text):
        if not _blank(text, end, found.start()):
            return False
        end = found.end()
        attrs = _attributes(found.group(1))
        ref = attrs.get("r")
        col = (sheet_column(ref.rstrip(_DIGITS)) if ref else 0) or col + 1
        inner = found.group(2) or ""
        v, formula, inline = (_V.search(inner), _F.search(inner), _IS.search(inner))
        value = _cell_value(attrs.get("t", ""), v and v.group(1) or "", inline and inline.group(1) or "",
                            attrs.get("s", ""), strings, styles)
        _add(content, row, col, value, attrs.get("s", ""), formula and formula.group(1) or "", styles)
    return _blank(text, end, len(text))


def _start_row(attrs: dict[str, str], previous: int, content: SheetContent) -> int:
    """A row's number (the one after the previous row if it gives none); a hidden row noted."""
    row = int(attrs.get("r") or previous + 1)
    if attrs.get("hidden") in ("1", "true") or attrs.get("ht") in ("0", "0.0"):
        content.hidden_rows.add(row)
    if len(content.texts) > MAX_CELLS:
        raise ExtractError(f"工作表单元格过多（超过 {MAX_CELLS} 个），请拆分后再检查 (sheet too large)")
    return row


def _cell_value(kind: str, v: str, inline: str, style: str, strings: list[str],
                styles: CellStyles) -> tuple[str, bool]:
    """A cell's text as stored and whether it is a number, from its type, <v> and <is> (as xlsx_sheet)."""
    if kind == "s":
        try:
            return strings[int(v)], False
        except (ValueError, IndexError):
            return "", False
    v = _text(v)
    if kind in ("n", ""):
        date = styles.date(style, v) if styles.dates and style and v else None
        return (date, False) if date else (number_text(v), True)
    if kind == "inlineStr":
        return rich_text(inline), False
    if kind == "b":
        return ("TRUE" if v.strip() == "1" else "FALSE"), False
    if kind == "str":  # a formula's string
        return unescape_xstring(v), False
    return v, False  # e (an error), d (an ISO 8601 date)


def _add(content: SheetContent, row: int, col: int, value: tuple[str, bool], style: str, formula: str,
         styles: CellStyles) -> None:
    """Keep a cell that holds text, and a formula's string literals (=HYPERLINK("mailto:…"))."""
    if formula and '"' in (formula := _text(formula)):
        content.formulas.append((row, col, formula))
    if value[0].strip():
        content.add(row, col, value[0], value[1], bool(styles.hiding) and styles.conceals(style or None))


def shared_strings(data: bytes) -> list[str] | None:
    """The shared-string table of a plain sharedStrings part; None to leave it to the XML parser."""
    start = data.find(b"<sst")
    if start < 0 or f'xmlns="{S}"'.encode() not in data[:data.find(b">", start)] or b"<!" in data:
        return None
    try:
        text = data[data.find(b">", start) + 1:].decode("utf-8")
    except UnicodeDecodeError:
        return None
    plain = _SI_PLAIN.findall(text)  # as Excel writes most tables: one run each, read in C
    if text.count("<") == 4 * len(plain) + 1 and text.rstrip().endswith("</sst>"):
        return [unescape_xstring(_text(item)) for item in plain] if "&" in text or "_x" in text or "\r" in text \
            else plain
    items, end = [], 0
    for found in _SI.finditer(text):
        if not _blank(text, end, found.start()):
            return None
        end = found.end()
        items.append(rich_text(found.group(1) or ""))
    tail = text[end:].strip()
    return items if tail.startswith("</sst>") and not tail[6:].strip() else None


def rich_text(inner: str) -> str:
    """A string item's text: plain or rich runs, not phonetic guides (as xlsx_sheet.rich_text)."""
    if "<rPh" in inner:
        inner = _PHONETIC.sub("", inner)
    return unescape_xstring("".join(_text(t or "") for t in _T.findall(inner)))


def unescape_xstring(text: str) -> str:
    """Characters Excel writes as _xHHHH_ (ECMA-376 ST_Xstring) as Excel shows them.

    Excel escapes control characters so (_x000D_ for a carriage return), but any character
    may be written that way: an ID number as _x0031__x0031_… shows as digits in Excel.
    """
    return _XSTRING.sub(lambda found: chr(int(found.group(1), 16)), text) if "_x" in text else text


def _text(raw: str) -> str:
    """Character data as an XML parser returns it: line ends normalised, references resolved."""
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return html.unescape(raw) if "&" in raw else raw


def _attributes(raw: str) -> dict[str, str]:
    if not raw:
        return {}
    return {name: _text(double or single) for name, double, single in _ATTR.findall(raw)}


def _blank(text: str, start: int, end: int) -> bool:
    return start == end or text[start:end].isspace()

