"""What every spreadsheet format shares: a sheet's cells as segments, and what the sheet hides.

A sheet is a table under its title: rows above the first row of two or more cells are
paragraphs, that row is the header. Hidden and very-hidden sheets, hidden rows and columns
and cells a format shows nothing of are read like the rest, and listed apart as concealed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import repeat
from typing import NamedTuple

from linter.extract.errors import ExtractError
from linter.model import Location, Segment

MAX_CHARACTERS = 64_000_000  # in one sheet's cells; a roster of a million cells holds a tenth of it
_QUOTE = 12  # cells quoted in the finding about a hidden sheet, row or column
_SHOWN_RUNS = 20  # runs of hidden rows reported one by one; the rest as one finding
_STATES = {"hidden": "hidden-sheet", "veryHidden": "very-hidden-sheet"}
_NUMBER_DETAIL = {True: "number", False: None}
_new_tuple = tuple.__new__


@dataclass(frozen=True)
class SheetRef:
    """A sheet as the workbook lists it."""

    name: str
    state: str
    part: str


class Cell(NamedTuple):
    """A cell's text as stored, where it is, and whether it stores a number (a tuple: sheets hold millions)."""

    row: int
    col: int
    text: str
    number: bool = False
    concealed: bool = False  # a format (;;;) shows nothing of it


@dataclass
class SheetContent:
    """What one worksheet holds.

    Its cells are kept column by column (row numbers, column numbers, texts, whether each
    stores a number): a reader appends to four lists, and the segments are built from
    them without a tuple per cell in between (a roster may hold a million cells).
    """

    rows: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    numbers: list[bool] = field(default_factory=list)
    concealed: set[int] = field(default_factory=set)  # indices of cells a format (;;;) shows nothing of
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    headers: list[tuple[str, str]] = field(default_factory=list)  # (header|footer, text)
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, text) holding a string
    validations: list[tuple[int | None, int | None, str]] = field(default_factory=list)  # (row, col, list/prompt)

    def add(self, row: int, col: int, text: str, number: bool = False, concealed: bool = False) -> None:
        """Keep one cell."""
        if concealed:
            self.concealed.add(len(self.texts))
        self.rows.append(row)
        self.cols.append(col)
        self.texts.append(text)
        self.numbers.append(number)

    @property
    def cells(self) -> list[Cell]:
        """The cells one by one, in the order read."""
        hidden = self.concealed
        return [Cell(row, col, text, number, i in hidden)
                for i, (row, col, text, number) in enumerate(zip(self.rows, self.cols, self.texts, self.numbers,
                                                                  strict=True))]

    def clear_cells(self) -> None:
        """Forget the cells read so far (a reader giving up to read the part another way)."""
        for column in (self.rows, self.cols, self.texts, self.numbers, self.concealed):
            column.clear()


def cell_segments(sheet: SheetRef, content: SheetContent) -> list[Segment]:
    """The sheet's cells, rows above its header row (a title over the table) as paragraphs."""
    rows, texts = content.rows, content.texts
    characters = sum(map(len, texts))
    if characters > MAX_CHARACTERS:
        # One shared string of a megabyte in every cell: a few kilobytes zipped, gigabytes to check.
        raise ExtractError(f"工作表“{sheet.name}”的单元格共有 {characters // 1_000_000} 百万字，远超正常名单，"
                           "疑似炸弹文件，未检查 (expands too far)")
    parts = _parts(rows, _header_row(rows))
    details = map(_NUMBER_DETAIL.__getitem__, content.numbers)
    # Built by map and zip, with no Python frame per cell: a sheet may hold a million cells,
    # and the tuples are exactly what Location(...) and Segment(...) would build.
    locations = map(_new_tuple, repeat(Location), zip(parts, repeat(None), repeat(None), rows, content.cols,
                                                      repeat(None), repeat(None), details, repeat(sheet.name)))
    return list(map(_new_tuple, repeat(Segment), zip(texts, locations, repeat(()), repeat(None))))


def _parts(rows: list[int], header: int | None) -> list[str]:
    """Each cell's part: "body" above the header row, "table" from it on."""
    title = 0
    while title < len(rows) and header is not None and rows[title] < header:
        title += 1
    if title == len(rows) or min(rows[title:]) >= (header or 0):  # as rows are written: the title first
        return ["body"] * title + ["table"] * (len(rows) - title)
    return ["table" if row >= header else "body" for row in rows]


def _header_row(rows: list[int]) -> int | None:
    """The first row holding two or more cells: a title merged across the sheet is not a header."""
    counts: dict[int, int] = {}
    for row in rows:
        counts[row] = counts.get(row, 0) + 1
        if counts[row] == 2:
            return row
    return None


def hidden_segments(sheet: SheetRef, content: SheetContent) -> list[Segment]:
    """One segment per hidden sheet, row, column or format-hidden cell, quoting what it holds."""
    if sheet.state in _STATES:
        return [_quoted(content.cells, Location(part="hidden-text", sheet=sheet.name, detail=_STATES[sheet.state]))]
    if not (content.hidden_rows or content.hidden_cols or content.concealed):
        return []  # most sheets hide nothing: no pass over their cells in Python
    every = content.cells
    found = []
    # Grouped once: a sheet may hide thousands of rows, each looked up among a million cells.
    in_rows: dict[int, list[Cell]] = {}
    in_cols: dict[int, list[Cell]] = {}
    for cell in every:
        if cell.row in content.hidden_rows:
            in_rows.setdefault(cell.row, []).append(cell)
        if cell.col in content.hidden_cols:
            in_cols.setdefault(cell.col, []).append(cell)
    runs = _runs(in_rows)  # rows hidden together are one finding, not thousands
    for first, last, cells in runs[:_SHOWN_RUNS]:
        where = f"第{first}—{last}行：" if last > first else ""
        found.append(_quoted(cells, Location(part="hidden-text", sheet=sheet.name, row=first, detail="hidden-row"),
                             where))
    if len(runs) > _SHOWN_RUNS:
        rest = runs[_SHOWN_RUNS:]
        found.append(_quoted([c for _, _, cells in rest for c in cells[:1]],
                             Location(part="hidden-text", sheet=sheet.name, row=rest[0][0], detail="hidden-row"),
                             f"另有 {len(rest)} 处隐藏的行（第{rest[0][0]}行起）："))
    for col, cells in sorted(in_cols.items()):
        found.append(_quoted(cells, Location(part="hidden-text", sheet=sheet.name, col=col, detail="hidden-column")))
    for cell in every:
        if cell.concealed and cell.row not in content.hidden_rows and cell.col not in content.hidden_cols:
            found.append(Segment(cell.text, Location(part="hidden-text", sheet=sheet.name, row=cell.row,
                                                     col=cell.col, detail="hidden-format")))
    return found


def _runs(by_row: dict[int, list[Cell]]) -> list[tuple[int, int, list[Cell]]]:
    """Consecutive rows merged: (first row, last row, their cells)."""
    runs: list[tuple[int, int, list[Cell]]] = []
    for row, cells in sorted(by_row.items()):
        if runs and row == runs[-1][1] + 1:
            runs[-1][2].extend(cells)
            runs[-1] = (runs[-1][0], row, runs[-1][2])
        else:
            runs.append((row, row, list(cells)))
    return runs


def _quoted(cells: list[Cell], location: Location, lead: str = "") -> Segment:
    return Segment(lead + " ".join(c.text for c in cells[:_QUOTE]), location)


def column_number(letters: str) -> int:
    """A, B … Z, AA … as 1, 2 … 26, 27 …"""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


@functools.lru_cache(maxsize=4096)
def sheet_column(letters: str) -> int:
    """A cell reference's letters as a column number; 0 for anything that is not letters."""
    return column_number(letters) if letters.isalpha() and letters.isupper() else 0


def number_text(value: str) -> str:
    """A stored number as digits: 1.10105199001011E+17 is 110105199001011000, as the file holds it."""
    if value.isdigit() and (len(value) == 1 or value[0] != "0"):
        return value
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    if number == number.to_integral_value() and abs(number) < Decimal(10) ** 30:
        return str(int(number))
    return format(number.normalize(), "f") if abs(number) >= Decimal("1e-6") else str(number)
