"""Tables of a document, regrouped from its cell segments.

Cells of one table are consecutive segments; a new table starts where any
other segment comes between (but for hidden text or a revision inside a cell), or where the row number falls back to an
earlier row. Checks that reason about columns (a column headed 姓名) use this.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from linter.model import Segment


@dataclass
class Table:
    """One table: its cells by (row, col), in reading order; its first row is the header.

    The first row is row 1 in a Word table; in a sheet it is the first below the title.
    """

    cells: dict[tuple[int, int], Segment] = field(default_factory=dict)

    @cached_property
    def first_row(self) -> int:
        """The header's row number (read once the table is whole)."""
        return min((r for r, _ in self.cells), default=1)

    def header(self) -> dict[int, str]:
        """Column number -> header text."""
        return dict(self._header)

    @cached_property
    def _header(self) -> dict[int, str]:
        first = self.first_row
        return {c: s.text.strip() for (r, c), s in self.cells.items() if r == first}

    def lists_people(self) -> bool:
        """A header names a 姓名 column: the table is a list of people."""
        return any("姓名" in h for h in self.header().values())

    def column_of(self, segment: Segment) -> str:
        """The header text of the segment's column."""
        return self._header.get(segment.location.col or 0, "")

    def rows(self) -> dict[int, dict[int, Segment]]:
        """Data rows below the header: row -> col -> cell."""
        rows: dict[int, dict[int, Segment]] = {}
        for (r, c), s in self.cells.items():
            if r > self.first_row:
                rows.setdefault(r, {})[c] = s
        return rows


class Tables:
    """All tables of a document, and which table each cell belongs to."""

    def __init__(self, segments: Sequence[Segment], cells: Iterable[int] | None = None) -> None:
        """The tables of `segments`; `cells` are the indexes of those in the table part, when known.

        Then only the cells, and what stands between two of them, are read: not every line of
        the document's body.
        """
        self.all: list[Table] = []
        self._by_cell: dict[int, Table] = {}
        if cells is None:
            cells = [n for n, segment in enumerate(segments) if segment.location.part == "table"]
        previous_row, after = None, 0
        for index in cells:
            # Hidden text or a revision inside a cell does not end its table; anything else does.
            if any(s.location.row is None for s in segments[after:index]):
                previous_row = None
            after = index + 1
            loc = segments[index].location
            if loc.row is None:
                previous_row = None
                continue
            segment = segments[index]
            if previous_row is None or loc.row < previous_row:
                self.all.append(Table())
            self.all[-1].cells[(loc.row, loc.col or 0)] = segment
            self._by_cell[id(segment)] = self.all[-1]
            previous_row = loc.row

    def of(self, segment: Segment) -> Table | None:
        """The table holding this cell segment, if it is one."""
        return self._by_cell.get(id(segment))
