"""Ruled tables of a PDF page, read from its rules and pdfium's text — no layout engine.

Word, WPS and report generators draw table borders as thin paths. Their x and
y positions form a grid; each grid cell's text is what pdfium finds inside it.
This is the "lines" strategy of pdfplumber's table finder, at pdfium's speed.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.extract.pdf_layout import join_wrapped
from linter.model import Location, Segment

RULE = 2.5  # a path thinner than this (in points) is a rule
MIN_LENGTH = 5.0
MERGE = 2.0  # rules closer than this are one


@dataclass(frozen=True)
class Grid:
    """Column edges (left to right) and row edges (top to bottom) of a page's table."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def contains(self, x: float, y: float) -> bool:
        """Whether a point lies inside the table."""
        return self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]


def find_grid(paths: list[tuple[float, float, float, float]]) -> Grid | None:
    """The grid the page's rules draw, if they draw at least one cell."""
    xs = [(left + right) / 2 for left, bottom, right, top in paths
          if right - left <= RULE and top - bottom >= MIN_LENGTH]
    ys = [(bottom + top) / 2 for left, bottom, right, top in paths
          if top - bottom <= RULE and right - left >= MIN_LENGTH]
    xs, ys = _merge(xs), _merge(ys)
    if len(xs) < 2 or len(ys) < 2:
        return None
    return Grid(tuple(xs), tuple(reversed(ys)))


def _merge(values: list[float]) -> list[float]:
    merged: list[float] = []
    for value in sorted(values):
        if not merged or value - merged[-1] > MERGE:
            merged.append(value)
    return merged


def cells(grid: Grid, textpage, number: int) -> list[Segment]:
    """One segment per non-empty cell, rows counted from the top."""
    found = []
    for row, (top, bottom) in enumerate(zip(grid.ys, grid.ys[1:], strict=False), 1):
        for col, (left, right) in enumerate(zip(grid.xs, grid.xs[1:], strict=False), 1):
            text = textpage.get_text_bounded(left, bottom, right, top)
            joined = join_wrapped(text.replace("\r\n", "\n").split("\n"))
            if joined:
                found.append(Segment(joined, Location(part="table", page=number, row=row, col=col)))
    return found
