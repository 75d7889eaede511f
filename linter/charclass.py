"""Where the characters of a set stand in a text, found for every character at once.

The expression engine tries a character class at each character of a text: about 8 ns a
character, 0.1 ms for a report, however rare the class. Here a text's UTF-16 code units
are split into two byte strings, their low bytes and their high bytes (`Planes`). A set
spread over at most eight high bytes ("pages": Latin, general punctuation, CJK symbols,
full-width forms…) becomes two 256-byte tables, one bit a page. Each plane is translated
through its table and the two are AND-ed as big integers: a byte is left nonzero exactly
where the character is in the set. That is a handful of passes in C over the text: for a
report of 14,500 characters, 30 µs to tell that it holds none of a set, 55 µs to say where
they stand, where the expression engine takes 100 to 200 µs. For a few ASCII characters,
`ascii_view` gives the text a byte a character, where each is found by memchr.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

_PAGES = 8  # one bit of a byte each
# Past this many characters a text has no planes: they and the integers made of them would
# weigh ten times the text (60 MB for a 5 MB line), and the per-call costs they save are a
# small part of so long a text's check.
_LONGEST = 1_000_000
# The pages of the spaces, digits and letters the checks look for (Latin-1, the Ogham space,
# general punctuation, ☆, CJK symbols, the BOM, full-width forms), with a bit each that every
# class on them shares: a text's high plane is then translated once for all of them.
_COMMON_PAGES = (0x00, 0x16, 0x20, 0x26, 0x30, 0xFE, 0xFF)
_MARKED = bytes([0]) + bytes([1]) * 255  # a mask's nonzero bytes as 1, to search for


@dataclass(frozen=True)
class Planes:
    """A text's UTF-16 code units as two byte strings: a byte a character each."""

    low: bytes
    high: bytes
    _pages: dict[bytes, int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> Planes | None:
        """The planes of `text`; None when a character lies beyond the BMP (two code units) or the text is too long."""
        if len(text) > _LONGEST:
            return None
        data = text.encode("utf-16-le", "surrogatepass")
        if len(data) != 2 * len(text):
            return None
        return cls(data[0::2], data[1::2])

    def pages(self, table: bytes) -> int:
        """The high plane through `table`, as an integer (made once for each table)."""
        found = self._pages.get(table)
        if found is None:
            found = self._pages[table] = int.from_bytes(self.high.translate(table), "little")
        return found


class CharClass:
    """A set of characters of the BMP on at most eight pages, looked for at every character.

    Each question takes the text and its planes. A text without planes (beyond the BMP, or
    too long) is answered by the set as a character class, tried at each character.
    """

    def __init__(self, chars: Iterable[str]) -> None:
        codes = sorted({ord(char) for char in chars})
        pages = sorted({code >> 8 for code in codes})
        if codes and codes[-1] > 0xFFFF or len(pages) > _PAGES:
            raise ValueError(f"a class spans at most {_PAGES} pages of the BMP, not {[hex(p) for p in pages]}")
        numbered = _COMMON_PAGES if set(pages) <= set(_COMMON_PAGES) else pages
        bit = {page: 1 << n for n, page in enumerate(numbered)}
        low = bytearray(256)
        for code in codes:
            low[code & 0xFF] |= bit[code >> 8]
        self._low, self._high = bytes(low), bytes(bit.get(byte, 0) for byte in range(256))
        self._class = "[" + re.escape("".join(map(chr, codes))) + "]"

    def mask(self, planes: Planes) -> bytes:
        """A byte a character of the text: 1 where the character is in the set, 0 elsewhere."""
        return _as_bytes(self._marks(planes), len(planes.low))

    def runs(self, text: str, planes: Planes | None, shortest: int = 1) -> list[tuple[int, int]]:
        """The spans of `shortest` or more characters of the set in a row."""
        if planes is None:
            return [m.span() for m in _expression(f"{self._class}{{{shortest},}}").finditer(text)]
        marks = self._marks(planes)
        if not marks:
            return []  # none in the text (most texts, for a rare set): no bytes to make
        return [m.span() for m in _run_of(shortest).finditer(_as_bytes(marks, len(planes.low)))]

    def positions(self, text: str, planes: Planes | None) -> list[int]:
        """Where each character of the set stands, in order."""
        found, after = [], self._finder(text, planes)
        at = after(0)
        while at >= 0:
            found.append(at)
            at = after(at + 1)
        return found

    def parts_holding(self, text: str, planes: Planes | None, starts: list[int]) -> set[int]:
        """Which parts of the text (beginning at `starts`, in order) hold a character of the set.

        A search for each part that holds one, not for each character found.
        """
        found, after = set(), self._finder(text, planes)
        at = after(0)
        while at >= 0:
            part = bisect.bisect_right(starts, at) - 1
            found.add(part)
            if part + 1 == len(starts):
                break
            at = after(starts[part + 1])
        return found

    def _finder(self, text: str, planes: Planes | None) -> Callable[[int], int]:
        # Where the next character of the set stands from an offset on (-1: nowhere).
        if planes is None:
            expression = _expression(self._class)
            return lambda start: -1 if (m := expression.search(text, start)) is None else m.start()
        marks = self._marks(planes)
        if not marks:
            return lambda start: -1
        mask = _as_bytes(marks, len(planes.low))
        return lambda start: mask.find(1, start)

    def _marks(self, planes: Planes) -> int:
        # A byte a character, nonzero where it is in the set: 0 when the text holds none.
        return int.from_bytes(planes.low.translate(self._low), "little") & planes.pages(self._high)


def ascii_view(text: str) -> bytes:
    """`text` a byte a character, every character beyond ASCII as "?".

    An ASCII character is found there by memchr at memory speed. In the string itself, find
    looks for its byte and stops at every Chinese character that holds that byte (_ is the
    high byte of 当, 得, 必…): 15 µs a report instead of 1.
    """
    return text.encode("ascii", "replace")


def _as_bytes(marks: int, size: int) -> bytes:
    return marks.to_bytes(size, "little").translate(_MARKED)


@functools.lru_cache(maxsize=32)
def _expression(source: str) -> re.Pattern:
    return re.compile(source)


@functools.lru_cache(maxsize=8)
def _run_of(shortest: int) -> re.Pattern:
    # Spelled out, the ones make a literal the expression engine skips to: 1{6,} is tried at every byte.
    return re.compile(b"\x01" * shortest + b"\x01*")
