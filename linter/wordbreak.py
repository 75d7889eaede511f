"""Whether a match stands as a word of its own (jieba for Chinese, loaded lazily).

A user term 网行 is not in 天网行动 although the characters are: a Chinese hit
counts only when its ends fall on jieba's word boundaries, with the term itself
known to jieba so the segmenter's own dictionary cannot split it. jieba runs
only on a short window around a hit it must decide, and not at all when the
hit is flanked by punctuation, digits or the segment's ends.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

from linter.normalize import NormalizedText


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=65536)
def _known(term: str) -> None:
    # jieba picks a frequency that lets the term stand where it is a word, and no more.
    _jieba().add_word(term)


def is_word(term: str) -> bool:
    """Whether jieba's dictionary knows `term` as a word (loads jieba on first use)."""
    return bool(_jieba().dt.FREQ.get(term))


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _ascii_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


_WINDOW = 12  # characters of context either side; jieba's choices are local


class WordBreaker:
    """Decides hits in one document's normalised text."""

    def __init__(self, norm: NormalizedText, terms: Iterable[str]) -> None:
        self._norm = norm
        self._terms = set(terms)
        self._loaded = False
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
        if not self._loaded:
            for term in self._terms:
                _known(term)
            self._loaded = True
        index = self._norm.segment_at(start)
        if index in self._segments:
            return self._segments[index]
        self._asked[index] = self._asked.get(index, 0) + 1
        if self._asked[index] < 3:  # a hit or two: a window is cheaper than the segment
            left = max(self._norm.starts[index], start - _WINDOW)
            return _tokenize(self._norm.text[left:end + _WINDOW], left)
        base = self._norm.starts[index]
        self._segments[index] = _tokenize(self._norm.piece(index), base)
        return self._segments[index]


def _tokenize(text: str, offset: int) -> set[int]:
    """Token boundaries of `text`, as offsets shifted by `offset`."""
    bounds = {offset, offset + len(text)}
    # HMM off: new-word guessing is slow and only glues unknown characters together.
    for _, token_start, token_end in _jieba().tokenize(text, HMM=False):
        bounds.update((offset + token_start, offset + token_end))
    return bounds
