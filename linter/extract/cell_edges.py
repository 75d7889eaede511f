"""Grid columns from where cells start, for formats that count cells per row (RTF, Word 97-2003).

A label merged across three columns is one cell there, so the values after it stand two
columns left of the same values in other rows; numbered by their left edges on the table's
grid, every row's cells line up as Word shows them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

SAME_EDGE = 30  # twips (1.5 pt): cell edges this close are one column's


def grid_columns(lefts: Iterable[int]) -> Callable[[int], int]:
    """A function giving the grid column (from 1) of a cell starting at a left edge among `lefts`."""
    grid: list[int] = []
    for left in sorted(set(lefts)):
        if not grid or left - grid[-1] > SAME_EDGE:  # rows drawn a few twips apart share a column
            grid.append(left)
    return lambda left: bisect.bisect_right(grid, left + SAME_EDGE)
