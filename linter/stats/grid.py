"""Table rows as the statistics reader needs them, whatever format the report came in.

A row is its cells by column, each with the location a finding will point at. Rows come
from the document's tables (Word, ODF, RTF, PDF, Markdown, spreadsheets, web pages: cells
keep their grid column, so an empty cell is a gap) and from text lines split on tabs or
pipes (a report pasted into a .txt, or a page saved as text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from linter import lazy
from linter.model import Document, Location, Segment

_SPLIT = lazy.re_pattern(r"\t| ?[|｜] ?")


class Cell(NamedTuple):
    """A cell's text and where it is (a named tuple: a report's tables hold thousands)."""

    text: str
    location: Location


@dataclass
class Row:
    """One table row: cells by column (1-based), the table it belongs to, and its width."""

    cells: dict[int, Cell]
    table: int

    def at(self, col: int, fallback: Location) -> Cell:
        """The cell in column `col`, or an empty one located in that column of this row."""
        cell = self.cells.get(col)
        if cell is not None:
            return cell
        anchor = next(iter(self.cells.values())).location if self.cells else fallback
        return Cell("", anchor._replace(col=col, line=anchor.line, column=None))


def rows_of(document: Document) -> list[Row]:
    """Every table row of the document, in reading order, tables numbered from 1."""
    rows: list[Row] = []
    table, last_row, last_table = 0, None, None
    in_text_table = False  # the previous segment was a delimited line
    tables = document.tables
    for segment in document.segments:
        loc = segment.location
        if loc.part == "table" and loc.row is not None:
            owner = tables.of(segment)
            if owner is not last_table:
                table, last_table, last_row = table + 1, owner, None
            if loc.row != last_row:
                rows.append(Row({}, table))
                last_row = loc.row
            rows[-1].cells[loc.col or 1] = Cell(segment.text.strip(), loc)
            in_text_table = False
        elif loc.part == "body":
            split = _split(segment)
            if split is not None:
                if not in_text_table:
                    table, last_table = table + 1, None
                rows.append(Row(split, table))
            in_text_table = split is not None
    return rows


def _split(segment: Segment) -> dict[int, Cell] | None:
    """A delimited line as cells (a trailing pipe is the table's edge, not a cell)."""
    if not _SPLIT.search(segment.text):
        return None
    text = segment.text.strip(" \u3000\r\n")  # tabs are the cells' edges: an empty last cell is one
    if "\t" not in text and text.count("|") + text.count("｜") < 1:
        return None
    parts = _SPLIT.split(text)
    if parts and parts[-1].strip() == "" and text.endswith(("|", "｜")):
        parts = parts[:-1]
    if len(parts) < 2:
        return None
    loc = segment.location
    return {col: Cell(part.strip(), loc._replace(row=None, col=col)) for col, part in enumerate(parts, 1)}
