"""A normalised view of a document's text for matching, mapped back to the original.

Drafters and PDFs vary widths and spacing (秘 密★１年, ＡＢＣ, zero-width joiners):
matching runs on text with full-width letters and digits folded to ASCII, ASCII
lower-cased, ☆ read as ★ and spaces removed, while findings report the original
text and location. Chinese punctuation (，：（）) is left as it is: folding it
would cost a translation of nearly every line for no match gained.
All segments are joined (with a separator no term contains) so one pass of an
automaton or a regex covers the whole document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from linter.charclass import CharClass, Planes
from linter.model import Segment

SEPARATOR = "\x00"
# Removed before matching: spaces of every width, line breaks, zero-width characters.
_DROPPED = " \t\r\n\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
           "\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"


def _table() -> dict[int, int | None]:
    table: dict[int, int | None] = {ord(c): None for c in _DROPPED}
    for offset in range(10):
        table[0xFF10 + offset] = ord("0") + offset  # full-width digits
    for offset in range(26):
        lower = ord("a") + offset
        table[ord("A") + offset] = table[0xFF21 + offset] = table[0xFF41 + offset] = lower
    table[ord("☆")] = ord("★")
    table[0xFF0A] = ord("*")  # ＊
    table[0xFF0D] = ord("-")  # －
    return table


TABLE = _table()
# Most lines of Chinese prose hold none of these: they skip the (slow) translation.
_NEEDS_FOLDING = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(TABLE)) + "]")
_FOLDED = CharClass(chr(c) for c in TABLE)


def normalize(text: str) -> str:
    """Fold widths and case, drop spaces: the form both terms and text are matched in."""
    return text.translate(TABLE) if _NEEDS_FOLDING.search(text) else text


@dataclass
class NormalizedText:
    """The document's segments, normalised and joined, with the way back to each original."""

    segments: tuple[Segment, ...]
    text: str = ""
    starts: list[int] = field(default_factory=list)
    _maps: dict[int, list[int]] = field(default_factory=dict)
    # Passes over `text` that several checks share (the phrase automaton's), kept by whoever made them.
    scans: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, segments: tuple[Segment, ...], joined: tuple[str, list[int]] | None = None,
              planes: Planes | None = None) -> NormalizedText:
        """Normalise and join `segments`.

        Given their text joined (with each one's start) and its planes, the segments that hold
        anything to fold are found at once, not with a search each; when none does, the
        joined text is the normalised text.
        """
        if joined is None:
            pieces = [normalize(s.text) for s in segments]
        else:
            folded = _FOLDED.parts_holding(joined[0], planes, joined[1])
            if not folded:
                return cls(segments=segments, text=joined[0], starts=list(joined[1]))
            pieces = [s.text.translate(TABLE) if n in folded else s.text for n, s in enumerate(segments)]
        starts, position = [], 0
        for piece in pieces:
            starts.append(position)
            position += len(piece) + 1
        return cls(segments=segments, text=SEPARATOR.join(pieces), starts=starts)

    def segment_at(self, offset: int) -> int:
        """Index of the segment holding normalised offset `offset`."""
        return bisect.bisect_right(self.starts, offset) - 1

    def piece(self, index: int) -> str:
        """The normalised text of segment `index`."""
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index]:end]

    def original_span(self, start: int, end: int) -> tuple[int, int, int]:
        """Map a normalised span (within one segment) to (segment, start, end) in the original."""
        index = self.segment_at(start)
        local_start, local_end = start - self.starts[index], end - self.starts[index]
        original = self.segments[index].text
        if len(original) == len(self.piece(index)):  # nothing dropped: offsets agree
            return index, local_start, local_end
        kept = self._kept(index)
        return index, kept[local_start], kept[local_end - 1] + 1

    def _kept(self, index: int) -> list[int]:
        # Only segments with a hit pay for their offset map.
        if index not in self._maps:
            text = self.segments[index].text
            self._maps[index] = [i for i, c in enumerate(text) if TABLE.get(ord(c), 0) is not None]
        return self._maps[index]
