"""Ruled tables of a PDF page, read from its rules and pdfium's text — no layout engine.

Word, WPS and report generators draw table borders as thin paths. Their x and
y positions form a grid; each grid cell's text is what pdfium finds inside it.
This is the "lines" strategy of pdfplumber's table finder, at pdfium's speed.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.extract import pdfium_plain as plain
from linter.extract.pdf_layout import join_wrapped
from linter.model import Location, Segment

RULE = 2.5  # a path thinner than this (in points) is a rule
MIN_LENGTH = 5.0
MERGE = 2.0  # rules closer than this are one
# pdfium marks a hyphen ending a line inside a word (com- / pile) with a control character, one
# in the page's text and another in a rectangle's: it is the hyphen the reader sees.
SOFT_HYPHEN_RANGE = "\ufffe"
SOFT_HYPHEN_BOUNDED = "\x02"


@dataclass(frozen=True)
class Grid:
    """Column edges (left to right) and row edges (top to bottom) of a page's table."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    # The rules themselves, when the grid was drawn: (x, bottom, top) and (y, left, right).
    # A cell whose right or lower rule is missing is merged with its neighbour.
    vertical: tuple[tuple[float, float, float], ...] = ()
    horizontal: tuple[tuple[float, float, float], ...] = ()

    def contains(self, x: float, y: float) -> bool:
        """Whether a point lies inside the table."""
        return self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]


def find_grids(paths: list[tuple[float, float, float, float]]) -> list[Grid]:
    """The tables the page's rules draw, top to bottom, each with at least one cell.

    Two tables on one page (表三 ending above 表四) are told apart by the band between
    them that no vertical rule crosses; read as one grid, each would be cut into the
    other's columns.
    """
    vertical = [((left + right) / 2, bottom, top) for left, bottom, right, top in paths
                if right - left <= RULE and top - bottom >= MIN_LENGTH]
    horizontal = [((bottom + top) / 2, left, right) for left, bottom, right, top in paths
                  if top - bottom <= RULE and right - left >= MIN_LENGTH]
    ys = list(reversed(_merge([h[0] for h in horizontal])))
    grids, group = [], ys[:1]
    for upper, lower in zip(ys, ys[1:], strict=False):
        middle = (upper + lower) / 2
        if any(bottom - MERGE <= middle <= top + MERGE for _, bottom, top in vertical):
            group.append(lower)
        else:
            grids.append(_grid(group, vertical, horizontal))
            group = [lower]
    grids.append(_grid(group, vertical, horizontal))
    return [grid for grid in grids if grid is not None]


def find_grid(paths: list[tuple[float, float, float, float]]) -> Grid | None:
    """The first table the page's rules draw, if they draw one."""
    grids = find_grids(paths)
    return grids[0] if grids else None


def _grid(ys: list[float], vertical, horizontal) -> Grid | None:
    if len(ys) < 2:
        return None
    top, bottom = ys[0] + MERGE, ys[-1] - MERGE
    inside = tuple(v for v in vertical if bottom <= (v[1] + v[2]) / 2 <= top)
    xs = _merge([v[0] for v in inside])
    if len(xs) < 2:
        return None
    rules = tuple(h for h in horizontal if bottom <= h[0] <= top)
    return Grid(tuple(xs), tuple(ys), inside, rules)


def _merge(values: list[float]) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > MERGE:
            merged.append(value)
    return merged


def cells(grid: Grid, textpage, number: int) -> list[Segment]:
    """One segment per non-empty cell, rows counted from the top; a merged cell read whole at its first."""
    found = []
    covered: set[tuple[int, int]] = set()
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    # The rules along each column edge and each row edge, gathered once: a table of 500 cells
    # asks about its edges thousands of times.
    down = [_along(grid.vertical, x) for x in grid.xs]
    across = [_along(grid.horizontal, y) for y in grid.ys]
    read = plain.BoundedText(textpage, textpage.count_chars())
    for row in range(rows):
        for col in range(cols):
            if (row, col) in covered:
                continue
            last_col, last_row = _span(grid, row, col, down, across)
            if last_col != col or last_row != row:  # a cell of its own is never come back to
                covered.update((r, c) for r in range(row, last_row + 1) for c in range(col, last_col + 1))
            text = read(grid.xs[col], grid.ys[last_row + 1], grid.xs[last_col + 1], grid.ys[row])
            if not text:
                continue
            text = text.replace(SOFT_HYPHEN_BOUNDED, "-")
            # Most cells hold one line: nothing to join.
            joined = join_wrapped(text.replace("\r\n", "\n").split("\n")) if "\n" in text else text.strip()
            if joined:
                found.append(Segment(joined, Location(part="table", page=number, row=row + 1, col=col + 1)))
    return found


def _along(rules: tuple[tuple[float, float, float], ...], at: float) -> list[tuple[float, float]]:
    """The stretches (low, high) that rules lying at `at` (within MERGE) cover."""
    return [(low - MERGE, high + MERGE) for position, low, high in rules if abs(position - at) <= MERGE]


def _span(grid: Grid, row: int, col: int, down: list, across: list) -> tuple[int, int]:
    """The last column and row of the cell starting at (row, col): as far as no rule divides it."""
    if not grid.vertical:
        return col, row  # a grid found from where text stands: no rules to tell merges by
    rows, cols = len(grid.ys) - 1, len(grid.xs) - 1
    middle_y = (grid.ys[row] + grid.ys[row + 1]) / 2
    last_col = col
    while last_col + 1 < cols and not _ruled(down[last_col + 1], middle_y):
        last_col += 1
    middle_x = (grid.xs[col] + grid.xs[last_col + 1]) / 2
    last_row = row
    while last_row + 1 < rows and not _ruled(across[last_row + 1], middle_x):
        last_row += 1
    return last_col, last_row


def _ruled(stretches: list[tuple[float, float]], point: float) -> bool:
    """A rule at this edge reaches over `point`."""
    for low, high in stretches:  # a loop, not any(): asked for every cell of every table
        if low <= point <= high:
            return True
    return False
