"""Reading 表三 and 表四 of an annual report into numbers by row and column.

表三 is found by its first data row (本年新收…) and read to its last (结转下年度…): in each
row the last seven cells are the values (自然人 … 总计), and the label is the last non-empty
cell before them — merged label cells leave the group (（三）不予公开) in an earlier row,
which is remembered. 表四 is the first row after a 结果维持 header holding fifteen values.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from linter import lazy
from linter.model import Document, Location
from linter.stats.grid import Cell, Row, rows_of
from linter.stats.template import (
    BY_KEY,
    COLUMNS,
    GROUPS,
    RESULTS,
    RESULTS_2019,
    REVIEW_GROUPS,
    REVIEW_RESULTS,
    ROWS,
)

_CN = "一二三四五六七八九十"
_NUMBERING = lazy.re_pattern(rf"^\s*(?:[{_CN}]+[、.．]|[（(][{_CN}]+[)）]|\d+\s*[.．、]|第[{_CN}]+[项条])\s*")
_ASIDE = lazy.re_pattern(r"[（(][^（()）]*[)）]")
_NOISE = lazy.re_pattern(r"[\s“”\"'‘’「」『』《》:：,，、.．。;；]")
_NONE = frozenset({"-", "－", "—", "——", "–", "/", "／", "无", "\\"})  # written for "none"
_HAN = lazy.re_pattern(r"[\u4e00-\u9fff]")
_GROUP = lazy.re_pattern(r"^\s*[（(]([一二三四五六七])[)）]\s*(.*)$")


class Value(NamedTuple):
    """A value cell: its number (None when it is not a non-negative integer) and its cell."""

    number: int | None
    cell: Cell

    @property
    def blank(self) -> bool:
        """The cell is empty."""
        return not self.cell.text.strip()

    @property
    def as_counted(self) -> int | None:
        """The number an inspector adds up: an empty cell or a dash counts as none, a placeholder as unknown."""
        if self.number is not None:
            return self.number
        return 0 if self.blank or self.cell.text.strip() in _NONE else None


@dataclass
class ApplicationTable:
    """表三: values by row key, each a list in COLUMNS order; which template rows were not found."""

    rows: dict[str, list[Value]] = field(default_factory=dict)
    labels: dict[str, Cell] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


@dataclass
class ReviewTable:
    """表四: the fifteen values, by (group, result)."""

    values: dict[tuple[str, str], Value] = field(default_factory=dict)


@dataclass
class AnnualTables:
    """What could be read of a report's statistics tables."""

    applications: ApplicationTable | None = None
    reviews: ReviewTable | None = None


@lru_cache(maxsize=4096)  # a report's tables repeat their few values (0, 1, 12) hundreds of times
def number(text: str) -> int | None:
    """A non-negative integer written in the cell (full-width digits and thousands commas too)."""
    squeezed = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "").strip()
    return int(squeezed) if squeezed.isdigit() and squeezed.isascii() else None


@lru_cache(maxsize=4096)
def normalised(label: str) -> str:
    """A row label without its numbering, remarks in brackets, quotes, punctuation and spaces."""
    text = unicodedata.normalize("NFKC", label).replace("(", "（").replace(")", "）")
    text = _NUMBERING.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _NUMBERING.sub("", text)
    return _NOISE.sub("", _ASIDE.sub("", text))


@lru_cache(maxsize=1)
def _items() -> dict[str, str]:
    """Each row's label as `normalised` reads it: made at the first annual report's table, not at import."""
    return {row.key: normalised(row.label) for row in ROWS}


def read(document: Document) -> AnnualTables:
    """The statistics tables of the report, as far as they can be read."""
    rows = rows_of(document)
    return AnnualTables(_applications(rows), _reviews(rows))


def _applications(rows: list[Row]) -> ApplicationTable | None:
    start = next((i for i, row in enumerate(rows) if any("本年新收" in c.text for c in row.cells.values())), None)
    if start is None:
        return None
    table = ApplicationTable()
    widths: dict[int, int] = {}
    group = None
    # A table split over two pages continues in the next table: read on to the last row.
    for index, row in enumerate(rows[start:], start):
        if row.table not in widths:  # once a table: a roster of 100,000 rows may follow
            widths[row.table] = _width(rows, index)
        width = widths[row.table]
        labels = [row.cells[c] for c in sorted(row.cells) if c <= width - len(COLUMNS) and row.cells[c].text]
        for cell in labels:
            found = _GROUP.match(unicodedata.normalize("NFKC", cell.text).replace("(", "（").replace(")", "）"))
            if found:
                group = normalised(found.group(2)) or group
        if not labels:
            continue
        key = _row_key(normalised(labels[-1].text), group)
        if key is None or key in table.rows:
            continue
        fallback = labels[-1].location
        values = [row.at(col, fallback) for col in range(width - len(COLUMNS) + 1, width + 1)]
        table.rows[key] = [Value(number(c.text), c) for c in values]
        table.labels[key] = labels[-1]
        if key == "next":
            break
    table.missing = [row.label for row in ROWS if row.key not in table.rows and row.key not in _optional_in(table)]
    return table


def _optional_in(table: ApplicationTable) -> tuple[str, ...]:
    """Rows the table need not have: the other format's way of writing （六）其他处理."""
    return ("other-1", "other-2", "other-3") if "other" in table.rows else ("other",)


def results_of(table: ApplicationTable) -> tuple[str, ...]:
    """The result rows （七）总计 adds up, in the format the table is in."""
    return RESULTS_2019 if "other" in table.rows else RESULTS


def _width(rows: list[Row], start: int, before: int = 3, until: str = "结转下年度") -> int:
    """The number of columns of the table block around `start`: its widest row, the header included.

    The block is a few rows above `start` (the header, where 总计 heads the last column) down to
    the row naming `until`: a sheet may hold 表三 and 表四 one under the other, of other widths.
    """
    table = rows[start].table
    widest = 0
    for index, row in enumerate(rows[max(0, start - before):], max(0, start - before)):
        if row.table != table:
            if index > start:
                break
            continue
        widest = max(widest, max(row.cells, default=0))
        if any(until in cell.text for cell in row.cells.values()):
            break
    return widest


def _row_key(label: str, group: str | None) -> str | None:
    for row in ROWS:
        if row.group is not None:
            if label == row.phrase and group is not None and row.group in group:
                return row.key
        elif row.phrase in label or any(alias in label for alias in row.aliases):
            return row.key
    if label == "总计":
        return "total"
    # A label cut where its row breaks across pages (5.属于三 | 类内部事务信息): the start of one row's.
    starting = [key for key, item in _items().items() if len(label) >= 3 and item.startswith(label)]
    return starting[0] if len(starting) == 1 else None


def _reviews(rows: list[Row]) -> ReviewTable | None:
    header = next((i for i, row in enumerate(rows) if any("结果维持" in c.text for c in row.cells.values())), None)
    if header is None:
        return None
    block = [row for row in rows[max(0, header - 1):header + 3] if row.table == rows[header].table]
    width = max((max(row.cells, default=0) for row in block), default=0)
    if width < 15:
        return None
    columns = range(width - 14, width + 1)
    last = rows[header]
    for row in rows[header + 1:header + 4]:
        if row.table != rows[header].table:
            break
        texts = [row.cells[c].text for c in columns if c in row.cells and row.cells[c].text]
        if texts and all(not _HAN.search(text) for text in texts):  # numbers (or dashes), not the header
            fallback = next(iter(row.cells.values())).location
            return _review_table(lambda col, row=row, fallback=fallback: row.at(col, fallback), columns)
        last = row
    # The header and nothing under it, in its table or right after (the template's empty row holds no
    # text to read): 表四 left blank, said so by stats/blank-cell rather than as a table not found.
    after = rows.index(last) + 1
    if after < len(rows) and (rows[after].table == last.table or _numbers_only(rows[after])):
        return None
    place = next(iter(last.cells.values())).location
    return _review_table(lambda col: Cell("", place), columns)


def _review_table(cell_at, columns: range) -> ReviewTable:
    table = ReviewTable()
    for k, col in enumerate(columns):
        cell = cell_at(col)
        table.values[(REVIEW_GROUPS[k // 5], REVIEW_RESULTS[k % 5])] = Value(number(cell.text), cell)
    return table


def _numbers_only(row: Row) -> bool:
    texts = [c.text for c in row.cells.values() if c.text.strip()]
    return bool(texts) and not any(_HAN.search(t) for t in texts)


def place(value: Value) -> Location:
    """Where a finding about a value cell points."""
    return value.cell.location


__all__ = ["AnnualTables", "ApplicationTable", "BY_KEY", "COLUMNS", "GROUPS", "ReviewTable", "Value", "read"]
