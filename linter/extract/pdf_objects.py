"""What a PDF page draws but a reader does not see, from its page objects (pdfium).

- text in white, of 1pt or less, or placed outside the page box;
- text covered by an opaque dark box drawn after it — a "redaction" that only
  paints over text anyone can still copy;
- how much of the page images cover (a scan pasted in with a little text).
All of this text is also in the page's text: these are notes on it, not new text.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from linter.extract import pdfium_plain as plain

_WHITE = 240  # every channel at or above: white on a white page
_DARK = 64  # every channel at or below: an opaque box meant to black text out
_TINY = 1.0  # points
_RULE = 2.0  # points: a filled box thinner than this is a line (a table's border), it hides no text
_COVERED = 0.5  # of a text line's height under a dark box: hidden by it
_FORM_DEPTH = 15  # form XObjects nested deeper than this are not walked (a loop in a damaged file)
_RENDER_SCALE = 1.0  # pixels per point when a box is rendered to see it as a reader does
_RENDER_MAX = 2000  # pixels a side at most
_BLACK_SHARE = 0.6  # of a box's rendered middle: black to a reader (a label on it allowed)
_DARK_BYTE = bytes(1 if value <= _DARK else 0 for value in range(256))  # a channel value -> one bit


_TEXT, _PATH, _IMAGE, _FORM = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                               pdfium_c.FPDF_PAGEOBJ_FORM)

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


def _objects(page: int, depth: int = 0, container: int | None = None):
    """(object, its type, how many form XObjects deep it is) for every object the page draws, in drawing order."""
    if container is None:
        owner, count, get = page, plain.count_objects(page), plain.get_object
    else:
        owner, count, get = container, plain.count_form_objects(container), plain.get_form_object
    for index in range(max(count, 0)):
        obj = get(owner, index)
        if not obj:
            continue
        kind = plain.object_type(obj)
        yield obj, kind, depth
        if depth < _FORM_DEPTH and kind == _FORM:
            yield from _objects(page, depth + 1, obj)


def inspect(page, textpage) -> PageNotes:
    """Walk the page's objects once, in drawing order."""
    notes = PageNotes()
    # What a viewer shows: the crop box within the media box, which need not start at 0, 0
    # (a page cropped in an editor, a scan placed by its scanner's coordinates).
    shown = page.get_bbox()
    texts = notes.texts
    get = plain.Reader()
    raw_textpage = plain.address(textpage.raw)
    backgrounds: list[tuple[float, float, float, float]] = []  # coloured fills and images drawn so far
    image_area = 0.0
    forms: list[tuple[float, ...]] = []  # the matrices of the form XObjects the walk is inside, outermost first
    text_objects: list = []  # beside `texts`, to read a few of them once the walk is done
    boxes: list[tuple[int, tuple[float, float, float, float]]] = []  # dark boxes over text, with texts before
    for obj, kind, level in _objects(plain.address(page.raw)):
        notes.objects += 1
        if forms:
            del forms[level:]
        bounds = _placed(get.bounds(obj), forms) if forms else get.bounds(obj)
        if kind == _FORM:
            forms.append(get.matrix(obj))
        elif kind == _TEXT:
            texts.append(bounds)
            text_objects.append(obj)
            why = _concealed_text(get, obj, bounds, shown, forms)
            if why == "white" and any(_overlap(bounds, b) for b in backgrounds):
                why = None  # white on a coloured box or a picture: a reader sees it
            if why:
                notes.note(why, lambda obj=obj: plain.object_text(obj, raw_textpage))
        elif kind == _IMAGE:
            image_area += _area(_clip(bounds, shown))
            backgrounds.append(bounds)
        elif kind == _PATH:
            notes.paths.append(bounds)
            if get.fills_area(obj):
                red, green, blue, alpha = get.fill(obj)
                if alpha > 0 and min(red, green, blue) < _WHITE:  # painted in a colour
                    backgrounds.append(bounds)
                    # An opaque, near-black fill drawn over earlier text: a box to black it out?
                    if (alpha >= 250 and max(red, green, blue) <= _DARK and _box(bounds)
                            and any(_covers(bounds, t) for t in texts)):
                        boxes.append((len(texts), bounds))
    for drawn, box in boxes:
        # A banner repeating the words it covers, a pattern fill or a shape with holes is no
        # black box to a reader.
        if not _repeated_on_top(box, drawn, texts, text_objects, raw_textpage) and _shows_black(page, box):
            notes.note("redacted", lambda box=box: textpage.get_text_bounded(*box).strip())
    notes.image_cover = min(1.0, image_area / max(_area(shown), 1.0))
    return notes


def _placed(bounds, forms: list):
    """An object's bounds on the page.

    pdfium gives those of an object inside a form XObject (a figure, a stamp) in the form's
    own space, which the forms' matrices map onto the page.
    """
    if not forms:
        return bounds
    left, bottom, right, top = bounds
    xs, ys = [], []
    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
        for a, b, c, d, e, f in reversed(forms):
            x, y = a * x + c * y + e, b * x + d * y + f
        xs.append(x)
        ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def _concealed_text(get: plain.Reader, obj, bounds, shown, forms: list) -> str | None:
    left, bottom, right, top = bounds
    if right < shown[0] or left > shown[2] or top < shown[1] or bottom > shown[3]:
        return "outside"
    red, green, blue, alpha = get.fill(obj)
    if alpha and min(red, green, blue) >= _WHITE:
        return "white"
    size = get.font_size(obj)
    if size > 0:
        scale = get.scale(obj)
        for matrix in forms:
            scale *= plain.length_scale(*matrix[:4])
        if size * (scale or 1.0) <= _TINY:
            return "tiny"
    return None


def _repeated_on_top(box, drawn: int, texts: list, objects: list, textpage: int) -> bool:
    """Every word the box covers is written again on it afterwards (white on a black banner)."""
    pairs = list(zip(texts, objects, strict=True))
    covered = [(b, plain.object_text(o, textpage)) for b, o in pairs[:drawn] if _covers(box, b)]
    later = [(b, plain.object_text(o, textpage)) for b, o in pairs[drawn:] if _overlap(box, b)]
    shown = "".join("".join(text.split()) for _, text in later)
    for bounds, text in covered:
        if "".join(text.split()) in shown:
            continue
        # The same words again in the same place: the text layer keeps one copy, the other reads empty.
        if not any(not again.strip() and _same_place(bounds, where) for where, again in later):
            return False
    return bool(covered)


def _same_place(a, b) -> bool:
    return all(abs(p - q) <= 1.0 for p, q in zip(a, b, strict=True))


def _shows_black(page, bounds) -> bool:
    """The box's middle, rendered as a reader sees the page, is mostly black."""
    left, bottom, right, top = bounds
    inset_x, inset_y = (right - left) * 0.1, (top - bottom) * 0.1
    width, height = page.get_size()
    size_x, size_y = max(1, round(width * _RENDER_SCALE)), max(1, round(height * _RENDER_SCALE))
    corners = [_device(page, size_x, size_y, x, y)
               for x in (left + inset_x, right - inset_x) for y in (bottom + inset_y, top - inset_y)]
    x0, y0 = min(x for x, _ in corners), min(y for _, y in corners)
    w = min(max(x for x, _ in corners) - x0, _RENDER_MAX)
    h = min(max(y for _, y in corners) - y0, _RENDER_MAX)
    if w < 1 or h < 1:
        return True  # too small to render: keep the finding
    bitmap = pdfium_c.FPDFBitmap_Create(w, h, 1)
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, w, h, 0xFFFFFFFF)
        pdfium_c.FPDF_RenderPageBitmap(bitmap, page.raw, -x0, -y0, size_x, size_y, 0, pdfium_c.FPDF_ANNOT)
        stride = pdfium_c.FPDFBitmap_GetStride(bitmap)
        pixels = ctypes.string_at(pdfium_c.FPDFBitmap_GetBuffer(bitmap), stride * h)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)
    rows = b"".join(pixels[y * stride:y * stride + w * 4] for y in range(h))
    # A pixel is black when its blue, green and red are all dark: one bit each, ANDed.
    masks = [int.from_bytes(rows[channel::4].translate(_DARK_BYTE), "big") for channel in range(3)]
    return (masks[0] & masks[1] & masks[2]).bit_count() >= _BLACK_SHARE * w * h


def _device(page, size_x: int, size_y: int, x: float, y: float) -> tuple[int, int]:
    device_x, device_y = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, size_x, size_y, 0, x, y,
                               ctypes.byref(device_x), ctypes.byref(device_y))
    return device_x.value, device_y.value


def _box(bounds) -> bool:
    """Thick enough to hide text: office suites draw a table's borders as filled rectangles 1 pt thick."""
    left, bottom, right, top = bounds
    return min(right - left, top - bottom) >= _RULE


def _covers(box, text) -> bool:
    """The box (thick enough: `_box`) blacks out part of the text's line, top to bottom."""
    left, bottom, right, top = box
    wide = min(right, text[2]) - max(left, text[0])
    high = min(top, text[3]) - max(bottom, text[1])
    return wide > 0 and high >= _COVERED * (text[3] - text[1])


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _clip(bounds, shown):
    left, bottom, right, top = bounds
    return max(left, shown[0]), max(bottom, shown[1]), min(right, shown[2]), min(top, shown[3])


def _area(bounds) -> float:
    left, bottom, right, top = bounds
    return max(0.0, right - left) * max(0.0, top - bottom)
