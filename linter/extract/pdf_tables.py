"""Table cells of a PDF page, through pdfplumber's layout analysis.

Opened lazily: most pages of most drafts draw no table, and importing and
parsing with pdfplumber costs far more than pdfium's text path.
"""

from __future__ import annotations

from linter.extract.pdf_layout import Line, join_wrapped
from linter.model import Location, Segment


class TableReader:
    """Reads the tables of chosen pages of one PDF, opening it on first use."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._pdf = None

    def __enter__(self) -> TableReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def read(self, number: int, warnings: list[str]) -> tuple[list[Line], list[Segment]] | None:
        """Return (lines outside tables, cell segments), or None when the page has no table."""
        try:
            page = self._open().pages[number - 1]
            found = page.find_tables()
            if not found:
                return None
            boxes = [t.bbox for t in found]
            outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
            lines = [_line(d) for d in outside.extract_text_lines()]
            cells = [seg for table in found for seg in _cells(table, number)]
            return lines, cells
        except Exception as exc:  # pdfplumber fails on PDFs pdfium reads fine: keep the text
            warnings.append(f"第{number}页的表格结构无法解析，已按正文读取（{type(exc).__name__}）")
            return None

    def _open(self):
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(self.path)
        return self._pdf


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _line(found: dict) -> Line:
    chars = found.get("chars") or []
    size = chars[-1]["x1"] - chars[-1]["x0"] if chars else None
    return Line(found["text"], found["x1"], size)


def _cells(table, number: int) -> list[Segment]:
    segments = []
    # A narrow column wraps long numbers inside the cell: rejoin them.
    for row, cells in enumerate(table.extract(), 1):
        for col, text in enumerate(cells, 1):
            # Merged cells come back as None after their first cell: read once.
            if text and text.strip():
                location = Location(part="table", page=number, row=row, col=col)
                segments.append(Segment(join_wrapped(text.split("\n")), location))
    return segments
