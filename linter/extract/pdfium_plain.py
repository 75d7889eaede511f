"""pdfium's calls a page walk makes thousands of times, taking and giving plain addresses.

pypdfium2 declares each pointer argument with its own type, so every call checks and
converts each argument: 3.5 µs for an object's bounds, against 1.4 µs for the same
function declared with untyped pointers. The same functions, at the same addresses,
are declared here from pypdfium2's own declarations with every pointer made untyped;
handles are plain integers, out-parameters are filled in place and read in one unpack.
"""

from __future__ import annotations

import codecs
import ctypes
import math
import struct

import pypdfium2.raw as pdfium_c


def _plain(function):
    """`function` (a pypdfium2 binding) declared anew with untyped pointers for its typed ones."""
    def untyped(kind):
        return ctypes.c_void_p if kind is not None and issubclass(kind, ctypes._Pointer) else kind
    prototype = ctypes.CFUNCTYPE(untyped(function.restype), *map(untyped, function.argtypes))
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


count_objects = _plain(pdfium_c.FPDFPage_CountObjects)
get_object = _plain(pdfium_c.FPDFPage_GetObject)
count_form_objects = _plain(pdfium_c.FPDFFormObj_CountObjects)
get_form_object = _plain(pdfium_c.FPDFFormObj_GetObject)
object_type = _plain(pdfium_c.FPDFPageObj_GetType)
_bounds = _plain(pdfium_c.FPDFPageObj_GetBounds)
_fill = _plain(pdfium_c.FPDFPageObj_GetFillColor)
_draw_mode = _plain(pdfium_c.FPDFPath_GetDrawMode)
_font_size = _plain(pdfium_c.FPDFTextObj_GetFontSize)
_matrix = _plain(pdfium_c.FPDFPageObj_GetMatrix)
_object_text = _plain(pdfium_c.FPDFTextObj_GetText)
_char_box = _plain(pdfium_c.FPDFText_GetCharBox)
char_font_size = _plain(pdfium_c.FPDFText_GetFontSize)
_bounded_text = _plain(pdfium_c.FPDFText_GetBoundedText)

_utf16 = codecs.utf_16_le_decode
_FLOATS4, _UINTS4, _DOUBLES4, _FLOATS6 = (struct.Struct(f).unpack_from for f in ("4f", "4I", "4d", "6f"))


def address(handle) -> int:
    """A pypdfium2 handle (`page.raw`, `textpage.raw`) as the plain address these functions take."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class Reader:
    """Out-parameters made once, reused by every call: an object per call would cost more than pdfium."""

    def __init__(self) -> None:
        self._floats = (ctypes.c_float * 6)()
        self._uints = (ctypes.c_uint * 4)()
        self._ints = (ctypes.c_int * 2)()
        self._doubles = (ctypes.c_double * 4)()
        self._float_at = _addresses(self._floats, 4, 6)
        self._uint_at = _addresses(self._uints, 4, 4)
        self._int_at = _addresses(self._ints, 4, 2)
        self._double_at = _addresses(self._doubles, 8, 4)

    def bounds(self, obj: int) -> tuple[float, float, float, float]:
        """left, bottom, right, top of a page object, in its container's space."""
        if not _bounds(obj, *self._float_at[:4]):
            return 0.0, 0.0, 0.0, 0.0
        return _FLOATS4(self._floats)

    def fill(self, obj: int) -> tuple[int, int, int, int]:
        """red, green, blue, alpha of an object's fill colour (all 0 when it has none)."""
        if not _fill(obj, *self._uint_at):
            return 0, 0, 0, 0
        return _UINTS4(self._uints)

    def fills_area(self, obj: int) -> bool:
        """A path filled (not only stroked)."""
        return bool(_draw_mode(obj, *self._int_at) and self._ints[0])

    def font_size(self, obj: int) -> float:
        """A text object's font size before its matrix scales it (0 when pdfium gives none)."""
        return self._floats[0] if _font_size(obj, self._float_at[0]) else 0.0

    def matrix(self, obj: int) -> tuple[float, ...]:
        """a, b, c, d, e, f of an object's matrix (identity when pdfium gives none)."""
        if not _matrix(obj, self._float_at[0]):
            return 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
        return _FLOATS6(self._floats)

    def scale(self, obj: int) -> float:
        """How much an object's matrix scales an area, as a length (1.0 when pdfium gives none)."""
        if not _matrix(obj, self._float_at[0]):
            return 1.0
        return length_scale(*_FLOATS4(self._floats))

    def char_box(self, textpage: int, index: int) -> tuple[float, float, float, float] | None:
        """left, bottom, right, top of a character of a text page (None when pdfium gives none)."""
        if not _char_box(textpage, index, *self._double_at):
            return None
        left, right, bottom, top = _DOUBLES4(self._doubles)
        return left, bottom, right, top


def length_scale(a: float, b: float, c: float, d: float) -> float:
    """How much a matrix (a b c d, the translation aside) scales lengths: the root of its area scale."""
    return math.sqrt(abs(a * d - b * c))


def _addresses(array, size: int, count: int) -> tuple[int, ...]:
    start = ctypes.addressof(array)
    return tuple(start + size * i for i in range(count))


def object_text(obj: int, textpage: int) -> str:
    """The text a text object draws, as the text page reads it."""
    size = _object_text(obj, textpage, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    _object_text(obj, textpage, buffer, size)
    return buffer.raw[:size - 2].decode("utf-16-le", errors="replace")


class BoundedText:
    """The text pdfium finds in a rectangle of one text page, one call per rectangle.

    pdfium scans every character of the page for each call; asking first for the length
    and then for the text (as pypdfium2's helper does) scans twice. A buffer as long as
    the page's text, line breaks included, holds any rectangle's. The text is decoded
    straight from the buffer (copying it out first through ctypes cost a table's cell 2 µs).
    """

    def __init__(self, textpage, chars: int) -> None:
        self._textpage = textpage
        self._raw = address(textpage.raw)
        self._size = 2 * max(chars, 0) + 16
        self._buffer = (ctypes.c_ushort * self._size)()
        self._bytes = memoryview(self._buffer).cast("B")

    def __call__(self, left: float, bottom: float, right: float, top: float) -> str:
        """The text inside the rectangle, as pdfium lays it out (lines broken by CR LF)."""
        written = _bounded_text(self._raw, left, top, right, bottom, self._buffer, self._size)
        if written >= self._size - 1:  # filled to the end: read it pypdfium2's way, whole
            return self._textpage.get_text_bounded(left, bottom, right, top)
        if written <= 0:
            return ""
        return _utf16(self._bytes[:2 * written], "ignore")[0].rstrip("\x00")
