"""What the personal-data checks share: digits, context words, tables, anonymised forms."""

from __future__ import annotations

import re
from functools import lru_cache

from linter import lazy
from linter.model import DIGIT_STEP, GAP_CHARACTERS, NUMBER_GAP
from linter.wordlist import builtin_terms

DIGIT = "[0-9０-９]"
# What a drafter (or a copy from a web page) may put inside a long number: one or two spaces of
# any width, a hyphen, a line break (a narrow table cell, Word's Shift+Enter, HTML's <br>, two
# paragraphs of a cell), a zero-width character.
SEP = NUMBER_GAP
STEP = DIGIT_STEP  # SEP then a digit, digit first: the next digit of a long number
_ASCII = str.maketrans({**{0xFF10 + i: ord("0") + i for i in range(10)}, ord("Ｘ"): "X", ord("ｘ"): "X",
                        ord("x"): "X", **{ord(c): None for c in GAP_CHARACTERS}})
# Characters that stand for hidden digits or characters in a masked value.
MASK_CHARS = "*＊×xX○●"
_ANONYMISED = lazy.re_pattern("某|[*＊×○●]|[Xx]{2}")
_AFTER_POINT = lazy.re_pattern("[0-9０-９][.．]$")
_LIST_NUMBER = lazy.re_pattern(r"(?:^|\n)[ \t　]*[1-9１-９][0-9０-９]?[.．]$")  # at the start of a line


def digits(text: str) -> str:
    """The number as plain ASCII digits (X for a check digit), separators removed."""
    return text.translate(_ASCII)


@lru_cache(maxsize=32)
def words(name: str) -> tuple[str, ...]:
    """A built-in wordlist as plain terms, longest first."""
    return tuple(sorted(builtin_terms(name), key=len, reverse=True))


@lru_cache(maxsize=32)
def _any_term(name: str) -> re.Pattern:
    """One expression for every term of wordlist `name`."""
    return re.compile("|".join(map(re.escape, words(name))))


def near(text: str, name: str) -> str | None:
    """The first term of wordlist `name` found in `text`, if any."""
    if _any_term(name).search(text) is None:
        return None  # most texts hold none: one search, not a look for each term
    return next((w for w in words(name) if w in text), None)


def last_of(text: str, name: str) -> tuple[int, str] | None:
    """(position, term) of the right-most term of wordlist `name` in `text`."""
    found = [(text.rfind(w), w) for w in words(name) if w in text]
    return max(found) if found else None


def decimal_fraction(before: str) -> bool:
    """Whether digits after `before` are a number's decimals (单价 4197.16981132075), not a number of their own.

    A list number ("1." starting a line) is not a decimal point: "1.13812345678" is item 1.
    """
    return _AFTER_POINT.search(before) is not None and _LIST_NUMBER.search(before) is None


def anonymised(text: str) -> bool:
    """李某某, 张*明, 王××: a name or number already hidden."""
    return _ANONYMISED.search(text) is not None
