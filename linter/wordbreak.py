"""Whether a match stands as a word of its own (jieba's word boundaries, read lazily).

A user term 网行 is not in 天网行动 although the characters are: a Chinese hit
counts only when its ends fall on jieba's word boundaries, with the term itself
known to the dictionary so the segmenter cannot split it. The segmenter runs
only on a short window around a hit it must decide, and not at all when the
hit is flanked by punctuation, digits or the segment's ends. Boundaries are
jieba's (linter/segment.py, HMM off) over jieba's dictionary read a block at a
time (linter/lexicon.py): a draft with one hit to decide pays milliseconds, not
the second and 100 MB that loading jieba costs.

Terms are taught to a private overlay of the dictionary, never to the shared
one: proof/repeat reads that dictionary too, and a batch's findings for one
file must not depend on the terms another file taught it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from linter.lexicon import lexicon
from linter.normalize import NormalizedText
from linter.segment import cut, suggested_frequency


class _Words:
    """A dictionary to segment with: the shared one, seen through the terms one document taught it."""

    def __init__(self, taught: dict[str, int]) -> None:
        self._taught = taught
        self._shared = lexicon()
        self.total = self._shared.total + sum(taught.values())

    def lookup(self, word: str) -> int | None:
        found = self._taught.get(word)
        return self._shared.get(word) if found is None else found

    def tokenize(self, text: str) -> Iterable[tuple[int, int]]:
        """(start, end) of each word of `text`."""
        at = 0
        for word in cut(text, self.lookup, self.total):
            yield at, at + len(word)
            at += len(word)


@lru_cache(maxsize=64)
def _taught(terms: frozenset[str]) -> _Words:
    """The shared dictionary, through an overlay that also knows `terms`."""
    shared = lexicon()
    extra: dict[str, int] = {}
    for term in terms:
        if shared.get(term):
            continue
        # As jieba's add_word: a frequency that lets the term stand where it is a word, and no
        # more, and its prefixes known (at 0) so the word graph reaches it.
        extra[term] = suggested_frequency(term, shared.get, shared.total)
        for end in range(1, len(term)):
            if shared.get(term[:end]) is None:
                extra.setdefault(term[:end], 0)
    return _Words(extra)


def is_word(term: str) -> bool:
    """Whether jieba's dictionary knows `term` as a word."""
    return bool(lexicon().get(term))


def tokens(text: str) -> list[str]:
    """The words jieba cuts `text` into (its dictionary, no new-word guessing)."""
    shared = lexicon()
    return list(cut(text, shared.get, shared.total))


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


_WINDOW = 12  # characters of context either side; jieba's choices are local


class WordBreaker:
    """Decides hits in one document's normalised text."""

    def __init__(self, norm: NormalizedText, terms: Iterable[str]) -> None:
        self._norm = norm
        self._terms = frozenset(terms)
        self._words = None
        self._asked: dict[int, int] = {}  # segment -> hits decided there so far
        self._segments: dict[int, set[int]] = {}  # segment -> its token boundaries

    def stands_alone(self, start: int, end: int) -> bool:
        """True when text[start:end] is a whole word (ASCII) or on jieba's word boundaries."""
        text = self._norm.text
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if text[start:end].isascii():
            return not (_ascii_word(before) or _ascii_word(after))
        if not _cjk(before) and not _cjk(after):
            return True
        bounds = self._bounds(start, end)
        return start in bounds and end in bounds

    def _bounds(self, start: int, end: int) -> set[int]:
        if self._words is None:
            self._words = _taught(self._terms)
        index = self._norm.segment_at(start)
        if index in self._segments:
            return self._segments[index]
        self._asked[index] = self._asked.get(index, 0) + 1
        if self._asked[index] < 3:  # a hit or two: a window is cheaper than the segment
            left = max(self._norm.starts[index], start - _WINDOW)
            return _tokenize(self._words, self._norm.text[left:end + _WINDOW], left)
        base = self._norm.starts[index]
        self._segments[index] = _tokenize(self._words, self._norm.piece(index), base)
        return self._segments[index]


def _tokenize(words: _Words, text: str, offset: int) -> set[int]:
    """Token boundaries of `text`, as offsets shifted by `offset`."""
    bounds = {offset, offset + len(text)}
    for token_start, token_end in words.tokenize(text):
        bounds.update((offset + token_start, offset + token_end))
    return bounds
