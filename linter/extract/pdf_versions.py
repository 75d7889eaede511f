"""Earlier versions of a PDF saved incrementally: text an editor removed but the file still holds.

An incremental save appends the changes and keeps every earlier version whole in the file:
a line deleted in an editor, or a name "redacted" by editing the page, is still there for
anyone who cuts the file at an earlier %%EOF. Each earlier version (the most recent few) is
read as the PDF it was, and text it shows that the final version does not is reported.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from linter import lazy
from linter.extract.pdf_grid import SOFT_HYPHEN_RANGE
from linter.model import Location, Segment

_EOF = lazy.re_pattern(rb"%%EOF")
# Earlier versions read, the most recent first: each costs a reading of the file, and a signed
# file holds one a signature (unchanged text: nothing to report).
_VERSIONS = 2
_SPACES = lazy.re_pattern(r"\s+")


def earlier_text(data: bytes, final: str) -> list[Segment]:
    """Lines an earlier version shows that the final text (`final`, all pages) does not, each once."""
    ends = [m.end() for m in _EOF.finditer(data)]
    shown = _SPACES.sub("", final)
    found: dict[str, Segment] = {}
    for end in reversed(ends[:-1][-_VERSIONS:]):
        for number, line in _lines(data[:end]):
            key = _SPACES.sub("", line)
            if key and key not in shown and key not in found:
                found[key] = Segment(line, Location(part="hidden-text", page=number, detail="earlier-version"))
    if found:
        # The final version read as the earlier ones were: a line the layout pass joined,
        # split or read as table cells is the same line, not one taken out.
        raw = _SPACES.sub("", "".join(line for _, line in _lines(data)))
        found = {key: segment for key, segment in found.items() if key not in raw}
    return list(found.values())


def _lines(data: bytes) -> list[tuple[int, str]]:
    """(page, line) of a version's text.

    Nothing when the cut is no PDF of its own (the first section of a linearised file).
    """
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return []
    lines = []
    try:
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace(SOFT_HYPHEN_RANGE, "-")
            lines += [(number, line.strip()) for line in text.splitlines() if line.strip()]
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        pass
    finally:
        pdf.close()
    return lines
