"""Whether a match stands as a word of its own (jieba for Chinese, loaded lazily).

A user term 网行 is not in 天网行动 although the characters are: a Chinese hit
counts only when its ends fall on jieba's word boundaries, with the term itself
known to jieba so the segmenter's own dictionary cannot split it. jieba runs
only on a short window around a hit it must decide, and not at all when the
hit is flanked by punctuation, digits or the segment's ends.

Terms are taught to a private overlay of jieba's dictionary, never to the shared
one: the name check and proof/repeat read that dictionary too, and a batch's
findings for one file must not depend on the terms another file taught it.
"""

from __future__ import annotations

import logging
from collections import ChainMap
from collections.abc import Iterable
from functools import lru_cache

from linter.normalize import NormalizedText


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=64)
def _taught(terms: frozenset[str]):
    """A tokenizer reading the shared dictionary through an overlay that also knows `terms`."""
    jieba = _jieba()
    shared = jieba.dt
    extra: dict[str, int] = {}
    for term in terms:
        if shared.FREQ.get(term):
            continue
        # As jieba's add_word: a frequency that lets the term stand where it is a word, and no
        # more, and its prefixes known (at 0) so the word graph reaches it.
        extra[term] = shared.suggest_freq(term, False)
        for end in range(1, len(term)):
            if term[:end] not in shared.FREQ:
                extra.setdefault(term[:end], 0)
    if not extra:
        return shared
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = ChainMap(extra, shared.FREQ)
    tokenizer.total = shared.total + sum(extra.values())
    tokenizer.initialized = True
    return tokenizer


def is_word(term: str) -> bool:
    """Whether jieba's dictionary knows `term` as a word (loads jieba on first use)."""
    return bool(_jieba().dt.FREQ.get(term))


def tokens(text: str) -> list[str]:
    """The words jieba cuts `text` into (its shared dictionary, no new-word guessing)."""
    return [word for word, _, _ in _jieba().dt.tokenize(text, HMM=False)]


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
        self._tokenizer = None
        self._asked: dict[int, int] = {}  # segment -> hits decided there so far
        self._segments: dict[int, set[int]] = {}  # segment -> its token boundaries

    def stands_alone(self, start: int, end: int) -> bool:
        """True when text[start:end] is a whole word (ASCII) or on jieba word boundaries."""
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
        if self._tokenizer is None:
            self._tokenizer = _taught(self._terms)
        index = self._norm.segment_at(start)
        if index in self._segments:
            return self._segments[index]
        self._asked[index] = self._asked.get(index, 0) + 1
        if self._asked[index] < 3:  # a hit or two: a window is cheaper than the segment
            left = max(self._norm.starts[index], start - _WINDOW)
            return _tokenize(self._tokenizer, self._norm.text[left:end + _WINDOW], left)
        base = self._norm.starts[index]
        self._segments[index] = _tokenize(self._tokenizer, self._norm.piece(index), base)
        return self._segments[index]


def _tokenize(tokenizer, text: str, offset: int) -> set[int]:
    """Token boundaries of `text`, as offsets shifted by `offset`."""
    bounds = {offset, offset + len(text)}
    # HMM off: new-word guessing is slow and only glues unknown characters together.
    for _, token_start, token_end in tokenizer.tokenize(text, HMM=False):
        bounds.update((offset + token_start, offset + token_end))
    return bounds
