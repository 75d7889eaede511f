"""What every spreadsheet format shares: a sheet's cells as segments, and what the sheet hides.

A sheet is a table under its title: rows above the first row of two or more cells are
paragraphs, that row is the header. Hidden and very-hidden sheets, hidden rows and columns
and cells a format shows nothing of are read like the rest, and listed apart as concealed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from linter.model import Location, Segment

_QUOTE = 12  # cells quoted in the finding about a hidden sheet, row or column
_STATES = {"hidden": "hidden-sheet", "veryHidden": "very-hidden-sheet"}


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
    """What one worksheet holds."""

    cells: list[Cell] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    headers: list[tuple[str, str]] = field(default_factory=list)  # (header|footer, text)


def cell_segments(sheet: SheetRef, content: SheetContent) -> list[Segment]:
    """The sheet's cells, rows above its header row (a title over the table) as paragraphs."""
    header = _header_row(content.cells)
    segments = []
    for cell in content.cells:
        part = "table" if header is None or cell.row >= header else "body"
        segments.append(Segment(cell.text, Location(part=part, row=cell.row, col=cell.col, sheet=sheet.name,
                                                    detail="number" if cell.number else None)))
    return segments


def _header_row(cells: list[Cell]) -> int | None:
    """The first row holding two or more cells: a title merged across the sheet is not a header."""
    counts: dict[int, int] = {}
    for cell in cells:
        counts[cell.row] = counts.get(cell.row, 0) + 1
        if counts[cell.row] == 2:
            return cell.row
    return None


def hidden_segments(sheet: SheetRef, content: SheetContent) -> list[Segment]:
    """One segment per hidden sheet, row, column or format-hidden cell, quoting what it holds."""
    if sheet.state in _STATES:
        return [_quoted(content.cells, Location(part="hidden-text", sheet=sheet.name, detail=_STATES[sheet.state]))]
    found = []
    for row in sorted(content.hidden_rows):
        cells = [c for c in content.cells if c.row == row]
        if cells:
            found.append(_quoted(cells, Location(part="hidden-text", sheet=sheet.name, row=row, detail="hidden-row")))
    for col in sorted(content.hidden_cols & {c.col for c in content.cells}):
        cells = [c for c in content.cells if c.col == col]
        found.append(_quoted(cells, Location(part="hidden-text", sheet=sheet.name, col=col, detail="hidden-column")))
    for cell in content.cells:
        if cell.concealed and cell.row not in content.hidden_rows and cell.col not in content.hidden_cols:
            found.append(Segment(cell.text, Location(part="hidden-text", sheet=sheet.name, row=cell.row,
                                                     col=cell.col, detail="hidden-format")))
    return found


def _quoted(cells: list[Cell], location: Location) -> Segment:
    return Segment(" ".join(c.text for c in cells[:_QUOTE]), location)
