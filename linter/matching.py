"""Finding many phrases at once: an Aho-Corasick automaton over normalised text.

Built once per process per wordlist; one pass over a document's joined,
normalised text finds every entry, and hits are mapped back to the original
segment and offsets. Exemption phrases (a hit inside 保密审查制度 is a mention,
not a marking) are found the same way and cover the hits they contain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from linter.model import Document, Segment
from linter.normalize import SEPARATOR
from linter.wordlist import Entry


@dataclass(frozen=True)
class Hit:
    """A match: where it is in the normalised text, in its segment, and what matched."""

    entry: Entry
    norm_start: int
    norm_end: int
    index: int  # segment index in the document
    segment: Segment
    start: int  # original offsets within segment.text
    end: int


class PhraseIndex:
    """An automaton over entries' normalised keys; the first entry of a key wins."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for entry in entries:
            if SEPARATOR not in entry.key and entry.key not in self._automaton:
                self._automaton.add_word(entry.key, entry)
                self.size += 1
        if self.size:
            self._automaton.make_automaton()

    def spans(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Yield (start, end, entry) for every occurrence in normalised `text`."""
        if not self.size:
            return
        for last, entry in self._automaton.iter(text):
            yield last - len(entry.key) + 1, last + 1, entry

    def hits(self, document: Document) -> Iterator[Hit]:
        """Yield every occurrence in the document, mapped back to its segment."""
        norm = document.normalized
        for start, end, entry in self.spans(norm.text):
            index, o_start, o_end = norm.original_span(start, end)
            yield Hit(entry, start, end, index, norm.segments[index], o_start, o_end)


class Exemptions:
    """Phrases whose occurrences cover (and so exempt) any hit inside them."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index = PhraseIndex(entries)

    def covering(self, document: Document) -> list[tuple[int, int]]:
        """Normalised spans of every exemption phrase in the document."""
        return [(s, e) for s, e, _ in self._index.spans(document.normalized.text)]


def exempt(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """True when an exemption span contains the hit."""
    return any(s <= hit.norm_start and hit.norm_end <= e for s, e in spans)
