"""What a PDF page draws but a reader does not see, from its page objects (pdfium).

- text in white, of 1pt or less, or placed outside the page box;
- text covered by an opaque dark box drawn after it — a "redaction" that only
  paints over text anyone can still copy;
- how much of the page images cover (a scan pasted in with a little text).
All of this text is also in the page's text: these are notes on it, not new text.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

_WHITE = 240  # every channel at or above: white on a white page
_DARK = 64  # every channel at or below: an opaque box meant to black text out
_TINY = 1.0  # points
_RULE = 2.0  # points: a filled box thinner than this is a line (a table's border), it hides no text
_COVERED = 0.5  # of a text line's height under a dark box: hidden by it


QUOTED = 20  # concealed objects quoted per page and kind; a page may hold 100,000 of them


@dataclass
class PageNotes:
    """Concealed text of one page, by why it is concealed, and the share of the page under images."""

    concealed: dict[str, list[str]] = field(default_factory=dict)  # why -> texts (the first QUOTED)
    counts: dict[str, int] = field(default_factory=dict)  # why -> how many objects
    image_cover: float = 0.0
    objects: int = 0  # every object the page draws, text included
    paths: list[tuple[float, float, float, float]] = field(default_factory=list)  # bounds, for ruled tables
    texts: list[tuple[float, float, float, float]] = field(default_factory=list)  # bounds, for borderless ones

    def note(self, why: str, text) -> None:
        """Count a concealed object; read its text (`text()`, costly) only for the first few."""
        self.counts[why] = self.counts.get(why, 0) + 1
        if self.counts[why] <= QUOTED:
            found = text()
            if found:
                self.concealed.setdefault(why, []).append(found)


def inspect(page, textpage) -> PageNotes:
    """Walk the page's objects once, in drawing order."""
    notes = PageNotes()
    width, height = page.get_size()
    texts = notes.texts
    backgrounds: list[tuple[float, float, float, float]] = []  # coloured fills and images drawn so far
    image_area = 0.0
    for obj in page.get_objects():
        notes.objects += 1
        kind = pdfium_c.FPDFPageObj_GetType(obj.raw)
        bounds = obj.get_bounds()
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts.append(bounds)
            why = _concealed_text(obj, bounds, width, height)
            if why == "white" and any(_overlap(bounds, b) for b in backgrounds):
                why = None  # white on a coloured box or a picture: a reader sees it
            if why:
                notes.note(why, lambda obj=obj: _text_of(obj, textpage))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            image_area += _area(_clip(bounds, width, height))
            backgrounds.append(bounds)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            notes.paths.append(bounds)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH and _filled(obj):
            backgrounds.append(bounds)
            if _dark(obj) and any(_covers(bounds, t) for t in texts):  # drawn over earlier text
                notes.note("redacted", lambda bounds=bounds: textpage.get_text_bounded(*bounds).strip())
    notes.image_cover = min(1.0, image_area / max(width * height, 1.0))
    return notes


def _concealed_text(obj, bounds, width: float, height: float) -> str | None:
    left, bottom, right, top = bounds
    if right < 0 or left > width or top < 0 or bottom > height:
        return "outside"
    red, green, blue, alpha = _fill(obj)
    if alpha and min(red, green, blue) >= _WHITE:
        return "white"
    size = ctypes.c_float()
    if pdfium_c.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size)):
        matrix = obj.get_matrix()
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
        if 0 < size.value * scale <= _TINY:
            return "tiny"
    return None


def _fill(obj) -> tuple[int, int, int, int]:
    channels = [ctypes.c_uint() for _ in range(4)]
    if not pdfium_c.FPDFPageObj_GetFillColor(obj.raw, *map(ctypes.byref, channels)):
        return 0, 0, 0, 0
    return tuple(c.value for c in channels)  # type: ignore[return-value]


def _filled(obj) -> bool:
    """A path that paints an area in a colour other than white."""
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke)) or not mode.value:
        return False
    red, green, blue, alpha = _fill(obj)
    return alpha > 0 and min(red, green, blue) < _WHITE


def _dark(obj) -> bool:
    """An opaque, near-black fill: the box a drafter draws to black text out."""
    red, green, blue, alpha = _fill(obj)
    return alpha >= 250 and max(red, green, blue) <= _DARK


def _text_of(obj, textpage) -> str:
    size = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[:size - 2].decode("utf-16-le", errors="replace")


def _covers(box, text) -> bool:
    """The box blacks out part of the text's line, top to bottom: a table's rule through a glyph does not.

    Office suites draw a table's borders as filled rectangles 1 pt thick; a box meant to hide
    a name or number covers most of the line's height over some of its width.
    """
    left, bottom, right, top = box
    if min(right - left, top - bottom) < _RULE:
        return False
    wide = min(right, text[2]) - max(left, text[0])
    high = min(top, text[3]) - max(bottom, text[1])
    return wide > 0 and high >= _COVERED * (text[3] - text[1])


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _clip(bounds, width: float, height: float):
    left, bottom, right, top = bounds
    return max(left, 0), max(bottom, 0), min(right, width), min(top, height)


def _area(bounds) -> float:
    left, bottom, right, top = bounds
    return max(0.0, right - left) * max(0.0, top - bottom)
