"""Finding many phrases at once: Aho-Corasick automata over normalised text.

Built once per process per wordlist (ahocorasick-rs: about 15 times the scan
speed of pyahocorasick on a 20,000-term list of rare terms, and 0.1 s to build
100,000 terms); one pass over a document's joined, normalised text finds the
entries of every list (see linter.phrase_scan), and hits are mapped back to the
original segment and offsets. Exemption phrases (a hit inside 保密审查制度 is a
mention, not a marking) are found the same way and cover the hits they contain.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import regex

from linter.model import Document, Segment
from linter.normalize import SEPARATOR
from linter.phrase_scan import register, shared_spans
from linter.regex_literal import required_text
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

    @classmethod
    def at(cls, document: Document, norm_start: int, norm_end: int, entry: Entry) -> Hit:
        """The hit for a span of the document's normalised text, located in its segment."""
        norm = document.normalized
        index, start, end = norm.original_span(norm_start, norm_end)
        return cls(entry, norm_start, norm_end, index, norm.segments[index], start, end)


class PhraseIndex:
    """A wordlist's entries by normalised key; the first entry of a key wins."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        first: dict[str, Entry] = {}
        for entry in entries:
            if SEPARATOR not in entry.key:
                first.setdefault(entry.key, entry)
        self._entries = list(first.values())
        self.keys = list(first)
        register(self)

    def document_spans(self, document: Document) -> Iterator[tuple[int, int, Entry]]:
        """(start, end, entry) of every occurrence in the document's normalised text, overlaps included.

        From the one pass all lists share (linter.phrase_scan).
        """
        for start, end, number in shared_spans(self, document.normalized):
            yield start, end, self._entries[number]

    def hits(self, document: Document) -> Iterator[Hit]:
        """Yield every occurrence in the document, mapped back to its segment."""
        for start, end, entry in self.document_spans(document):
            yield Hit.at(document, start, end, entry)


class PhraseList:
    r"""A wordlist's literal phrases (one automaton) and its `re:` entries (regexes), searched together.

    Regex entries run over the normalised text, so they are written for it:
    full-width letters and digits folded, lower case, no spaces. They are compiled
    with `regex`, which skips to a literal the pattern requires anywhere in it (篇 in
    (?<![^\x00])#*篇…): `re` tries every position of a pattern that starts with a look-behind,
    25 times slower.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = list(entries)
        self.literals = PhraseIndex(e for e in entries if not e.term.startswith("re:"))
        self.patterns = [(regex.compile(e.term[3:]), e) for e in entries if e.term.startswith("re:")]
        # The text each expression's matches must hold, looked for in the pass the lists share:
        # an expression runs only over a document holding it (almost none does).
        self._needs = [required_text(pattern.pattern, SEPARATOR) for pattern, _ in self.patterns]
        self._needed = PhraseIndex(Entry(text, text) for text in dict.fromkeys(self._needs) if text)

    def hits(self, document: Document) -> Iterator[Hit]:
        """Every occurrence of every entry, mapped back to its segment."""
        yield from self.literals.hits(document)
        if not self.patterns:
            return
        present = {entry.key for _, _, entry in self._needed.document_spans(document)}
        for (pattern, entry), need in zip(self.patterns, self._needs, strict=True):
            if need is not None and need not in present:
                continue
            for m in pattern.finditer(document.normalized.text):
                yield Hit.at(document, m.start(), m.end(), entry)


class Exemptions:
    """Phrases whose occurrences cover (and so exempt) any hit inside them."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index = PhraseIndex(entries)

    def keep(self, document: Document, hits: list[Hit]) -> list[Hit]:
        """The hits no exemption phrase contains."""
        if not hits:
            return hits
        spans = sorted((s, e) for s, e, _ in self._index.document_spans(document))
        return [h for h in hits if not inside(h, spans)]


def inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    """True when one of the sorted `spans` contains the hit."""
    at = bisect.bisect_right(spans, (hit.norm_start, float("inf")))
    return any(s <= hit.norm_start and hit.norm_end <= e for s, e in spans[max(0, at - 32):at])


def merge_adjacent(hits: list[Hit], gap: int = 3) -> list[Hit]:
    """Join hits a few characters apart in one segment: 内部资料（注意保存） is one label."""
    merged: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.index, h.start)):
        last = merged[-1] if merged else None
        if last is not None and last.index == hit.index and hit.start - last.end <= gap:
            merged[-1] = replace(last, end=max(last.end, hit.end), norm_end=max(last.norm_end, hit.norm_end))
        else:
            merged.append(hit)
    return merged
