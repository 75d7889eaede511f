"""Where an OFD page's text stands, as a reader sees the page drawn (GB/T 33190-2016, chapters 8–11).

A graphic object is placed by its Boundary's origin and its CTM (object space → the
Boundary's space); a CompositeObject draws a CompositeGraphicUnit (a resource) the same way,
and a page draws its templates (TemplatePage) with it: the fixed words of a form, or a
document's heading, live there. A text code's advances (DeltaX, where "g 19 1.5875" repeats
one advance 19 times) give its width, so numbers in neighbouring columns keep their gap.

What a reader does not see is marked on each code: white text with no coloured fill or image
behind it, text whose colour is fully transparent (Alpha 0), text outside the page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from linter.extract.errors import ExtractError

OFD = "{http://www.ofdspec.org/2016}"
_TEXT, _COMPOSITE, _PATH, _IMAGE = (f"{OFD}{t}" for t in ("TextObject", "CompositeObject", "PathObject", "ImageObject"))
_CONTAINERS = frozenset(f"{OFD}{t}" for t in ("Content", "Layer", "PageBlock"))
_DEPTH = 8  # composite units drawn within each other; a unit that draws itself stops here
MAX_CODES = 2_000_000  # text codes placed in one file: a unit drawn thousands of times in itself is a bomb
_WIDE = 0x2E80  # from here on, characters (CJK) are about as wide as the font size; others about half

Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: x' = a x + c y + e, y' = b x + d y + f
Box = tuple[float, float, float, float]  # left, top, right, bottom on the page (y grows downwards)
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class Code:
    """One TextCode placed on its page: its first glyph's origin, size and width in millimetres."""

    x: float
    y: float
    size: float
    width: float
    text: str
    white: bool = False
    transparent: bool = False
    outside: bool = False


@dataclass
class Drawn:
    """What a page draws: its text codes, and the boxes filled with colour or an image (backgrounds)."""

    codes: list[Code]
    fills: list[Box]


class Drawing:
    """Draws pages with the document's composite graphic units, counting the codes placed."""

    def __init__(self, units: dict[str, object]) -> None:
        self._units = units
        self.placed = 0

    def page(self, roots: list, area: Box | None) -> Drawn:
        """The codes and fills of a page's content and its templates' (`roots`), visibility marked."""
        drawn = Drawn([], [])
        for root in roots:
            content = root.find(f"{OFD}Content")
            if content is not None:
                self._draw(content, IDENTITY, (), drawn)
        for code in drawn.codes:
            if code.white and _behind(code, drawn.fills):
                code.white = False  # white on a coloured band or a picture is seen
            if area is not None:
                code.outside = not (area[0] - code.size <= code.x <= area[2] and
                                    area[1] - code.size <= code.y <= area[3] + code.size)
        return drawn

    def lines(self, container) -> list[str]:
        """The text a container draws (an annotation's appearance: a stamp, a signature's words), a line each.

        Composite units are drawn as on a page; a code starts a new line where it leaves the
        height of the one before.
        """
        drawn = Drawn([], [])
        self._draw(container, IDENTITY, (), drawn)
        lines: list[str] = []
        previous = None
        for code in drawn.codes:
            if previous is not None and abs(code.y - previous.y) <= previous.size / 2:
                lines[-1] += code.text
            else:
                lines.append(code.text)
            previous = code
        return [line.strip() for line in lines if line.strip()]

    def _draw(self, container, matrix: Matrix, units: tuple[str, ...], drawn: Drawn) -> None:
        """Draw a container's objects; `units` are the composite units being drawn, outermost first."""
        for element in container:
            tag = element.tag
            if tag == _TEXT:
                drawn.codes += self._codes(element, matrix)
            elif tag in _CONTAINERS:
                self._draw(element, matrix, units, drawn)
            elif tag == _COMPOSITE:
                ref = element.get("ResourceID", "").strip()
                unit = self._units.get(ref)
                content = None if unit is None else unit.find(f"{OFD}Content")
                # A unit that draws itself, directly or not, is drawn once; nesting is bounded too.
                if content is not None and ref not in units and len(units) < _DEPTH:
                    self._draw(content, placed(element, matrix), (*units, ref), drawn)
            elif tag == _IMAGE or (tag == _PATH and element.get("Fill") in ("true", "1") and
                                   not _white(element.find(f"{OFD}FillColor"), default=False)):
                box = boundary(element, matrix)
                if box is not None:
                    drawn.fills.append(box)

    def _codes(self, obj, parent: Matrix) -> list[Code]:
        matrix = placed(obj, parent)
        scale = _scale(matrix)
        size = (numbers(obj.get("Size")) or [3.5])[0]
        fill = obj.find(f"{OFD}FillColor")
        white = _white(fill, default=False)
        transparent = obj.get("Alpha", "").strip() == "0" or (fill is not None and fill.get("Alpha", "").strip() == "0")
        found, x, y = [], 0.0, 0.0
        for element in obj.iter(f"{OFD}TextCode"):
            text = element.text or ""
            # A code without X or Y goes on from where the one before it ended.
            x = (numbers(element.get("X")) or [x])[0]
            y = (numbers(element.get("Y")) or [y])[0]
            width = _width(text, size, advances(element.get("DeltaX")))
            if text:
                px, py = apply(matrix, x, y)
                found.append(Code(px, py, size * scale, width * scale, text, white, transparent))
            x += width
        self.placed += len(found)
        if self.placed > MAX_CODES:
            raise ExtractError(f"OFD 文件的文字对象超过 {MAX_CODES} 个，疑似炸弹文件，未检查 (too many text codes)")
        return found


def placed(element, parent: Matrix) -> Matrix:
    """The matrix from an object's own space to the page: its CTM, moved to its Boundary's origin."""
    box = numbers(element.get("Boundary"))
    ctm = numbers(element.get("CTM"))
    own = tuple(ctm) if len(ctm) == 6 else IDENTITY
    left, top = (box[0], box[1]) if len(box) == 4 else (0.0, 0.0)
    a, b, c, d, e, f = own
    return compose(parent, (a, b, c, d, e + left, f + top))


def compose(outer: Matrix, inner: Matrix) -> Matrix:
    """`inner` then `outer`."""
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    """Where the matrix takes point (x, y)."""
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f


def boundary(element, parent: Matrix) -> Box | None:
    """An object's Boundary (in its container's space) as a box on the page."""
    box = numbers(element.get("Boundary"))
    if len(box) != 4:
        return None
    left, top, width, height = box
    corners = [apply(parent, x, y) for x in (left, left + width) for y in (top, top + height)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _scale(matrix: Matrix) -> float:
    """How much the matrix enlarges a length: a font of size 1 drawn with CTM "9 0 0 9 0 0" is 9 mm tall."""
    a, b, c, d, _, _ = matrix
    area = abs(a * d - b * c)
    return math.sqrt(area) if area > 0 else max(abs(a), abs(b), abs(c), abs(d), 0.0)


def numbers(text: str | None) -> list[float]:
    """The numbers of an attribute ("0 0 210 297"), or none when any is malformed."""
    try:
        values = [float(v) for v in (text or "").split()]
    except ValueError:
        return []
    return values if all(math.isfinite(v) for v in values) else []


def advances(text: str | None) -> list[float]:
    """A DeltaX or DeltaY list with its "g N value" runs written out (N is bounded: a file may lie)."""
    tokens, found, i = (text or "").split(), [], 0
    try:
        while i < len(tokens):
            if tokens[i] == "g" and i + 2 < len(tokens):
                found += [float(tokens[i + 2])] * min(int(tokens[i + 1]), 10_000)
                i += 3
            else:
                found.append(float(tokens[i]))
                i += 1
    except ValueError:
        return []
    return found


def _width(text: str, size: float, steps: list[float]) -> float:
    """The code's width: its advances, then its last glyph's own width (estimated from the font size)."""
    given = steps[:max(len(text) - 1, 0)]
    # Only the glyphs no advance covers are estimated: a code of 10,000 digits has 9,999 advances.
    return sum(given) + sum(size if ord(ch) >= _WIDE else 0.55 * size for ch in text[len(given):])


def _white(colour, default: bool) -> bool:
    """Whether a FillColor is white: RGB 255 255 255, grey 255, CMYK 0 0 0 0 (hex "#FF" values too)."""
    if colour is None:
        return default
    values = []
    for token in (colour.get("Value") or "").split():
        try:
            values.append(float(int(token[1:], 16)) if token.startswith("#") else float(token))
        except ValueError:
            return False
    return values in ([255.0] * 3, [255.0], [0.0] * 4)


def _behind(code: Code, fills: list[Box]) -> bool:
    x, y = code.x + min(code.width, code.size) / 2, code.y - code.size / 2
    return any(left <= x <= right and top <= y <= bottom for left, top, right, bottom in fills)
