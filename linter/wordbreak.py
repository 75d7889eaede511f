"""Whether a match stands as a word of its own (jieba for Chinese, loaded lazily).

A user term 网行 is not in 天网行动 although the characters are: a Chinese hit
counts only when its ends fall on jieba's word boundaries, with the term itself
known to jieba so it is never split by the segmenter's own dictionary.
"""

from __future__ import annotations

import logging
from functools import lru_cache

_WINDOW = 8


def _is_ascii_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=65536)
def _known(term: str) -> None:
    # jieba picks a frequency that lets the term stand where it is a word, and no more.
    _jieba().add_word(term)


def stands_alone(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a whole word (ASCII) or on jieba word boundaries."""
    term = text[start:end]
    if term.isascii():
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        return not (_is_ascii_word_char(before) or _is_ascii_word_char(after))
    _known(term)
    left = max(0, start - _WINDOW)
    window = text[left:end + _WINDOW]
    bounds = {0, len(window)}
    for _, token_start, token_end in _jieba().tokenize(window):
        bounds.update((token_start, token_end))
    return start - left in bounds and end - left in bounds
