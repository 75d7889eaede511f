"""Borderless tables of a PDF page: columns read from where the text stands, not from rules.

A roster laid out as a table without ruling lines — the commonest published leak —
has no grid to find. Its columns are still there: the header row's pieces of text
start at the columns' left edges, and every row below keeps to them, wrapping long
values (an ID number in a narrow cell) onto further lines of the same column. The
text objects' boxes, which pdfium already gives, are grouped into visual lines and
pieces; a run of lines whose pieces keep to the header's columns becomes a `Grid`,
read cell by cell as a ruled table is.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.extract.pdf_grid import Grid

Box = tuple[float, float, float, float]  # left, bottom, right, top
_MIN_ROWS = 2  # data rows, besides the header, for a table: aligned content over two rows at least


@dataclass
class _Line:
    top: float
    bottom: float
    pieces: list[tuple[float, float]]  # (left, right) of each run of text, left to right

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def find_columns(boxes: list[Box]) -> Grid | None:
    """The grid of the first borderless table among the text boxes of a page, if any."""
    lines = _visual_lines(boxes)
    for i, header in enumerate(lines):
        if len(header.pieces) >= 2:
            grid = _table_from(header, lines[i + 1:])
            if grid is not None:
                return grid
    return None


def _visual_lines(boxes: list[Box]) -> list[_Line]:
    """Boxes grouped into lines by height on the page, top to bottom; near boxes joined into pieces."""
    lines: list[_Line] = []
    for left, bottom, right, top in sorted(boxes, key=lambda b: -b[3]):
        middle = (top + bottom) / 2
        line = lines[-1] if lines and lines[-1].bottom <= middle <= lines[-1].top else None
        if line is None:
            lines.append(_Line(top, bottom, [(left, right)]))
        else:
            line.top, line.bottom = max(line.top, top), min(line.bottom, bottom)
            line.pieces.append((left, right))
    for line in lines:
        line.pieces = _joined(sorted(line.pieces), gap=line.height)
    return lines


def _joined(pieces: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Pieces closer than `gap` (about a character) are one run of text."""
    joined: list[tuple[float, float]] = []
    for left, right in pieces:
        if joined and left - joined[-1][1] < gap:
            joined[-1] = (joined[-1][0], max(right, joined[-1][1]))
        else:
            joined.append((left, right))
    return joined


def _table_from(header: _Line, below: list[_Line]) -> Grid | None:
    """The table the header line heads: the lines below that keep to its columns."""
    starts = [left for left, _ in header.pieces]
    tolerance = header.height / 2
    rows = [header]  # the first line of each row
    last = header
    for line in below:
        if line.top < last.bottom - 2.5 * line.height or not _keeps_to(line, starts, tolerance):
            break  # a wide gap, or text across the columns: the table has ended
        if abs(line.pieces[0][0] - starts[0]) <= tolerance:
            rows.append(line)  # something in the first column: a new row
        last = line
    full_rows = [r for r in rows[1:] if len(r.pieces) >= 2]
    if len(full_rows) < _MIN_ROWS:
        return None
    right = max(r for line in [header, *below] if line.top >= last.bottom for _, r in line.pieces)
    xs = (starts[0] - tolerance, *(s - tolerance for s in starts[1:]), right + tolerance)
    ys = (header.top + tolerance, *(r.top + tolerance / 2 for r in rows[1:]), last.bottom - tolerance)
    return Grid(xs, ys)


def _keeps_to(line: _Line, starts: list[float], tolerance: float) -> bool:
    """Every piece starts at a column's left edge, or lies within one column."""
    edges = [*starts[1:], float("inf")]
    for left, right in line.pieces:
        column = max((k for k, s in enumerate(starts) if left >= s - tolerance), default=None)
        if column is None or right > edges[column] + tolerance:
            return False
    return True
