"""Where a phrase stands: as a label of the document, or inside running text.

The same words are a marking in a header and a mention in a sentence
(内部资料 on a line of its own vs 编印内部资料十二期). These rules read the
normalised text around a hit; which phrases need them is data (wordlists/).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from linter.matching import Hit
from linter.model import Document

_LABEL_PARTS = frozenset({"header", "footer", "textbox"})
_OPEN, _CLOSE = "(（[［【〔<《“\"'‘", ")）]］】〕>》”\"'’"
# Punctuation, brackets, stars and issue numbers (第3期) a label may carry around it.
_DECORATION = re.compile(r"第\d+[期号册]|[()（）\[\]［］【】〔〕<>《》“”\"'‘’:：,，.;；!！?？。、·…★*\-—_|/#\x00]")
_LABEL_REST = 2  # characters a label line may hold besides its phrases
_LABEL_LINE = 60  # a longer segment is running text, not a label line (and is not re-scanned per hit)
_BRACKET_REACH = 10
_BRACKET = re.compile("[" + re.escape("".join(sorted(set(_OPEN + _CLOSE)))) + "]")
_ONLY_OPEN = frozenset(_OPEN) - frozenset(_CLOSE)  # a straight quote both opens and closes: neither counts
_ONLY_CLOSE = frozenset(_CLOSE) - frozenset(_OPEN)
_STAMP_LINES = 1  # a stamp stands on a document's first line, above its title
_ATTRIBUTE = re.compile(r"公开(?:方式|属性|形式|类型)[:：]?$")


def remainder(document: Document, hit: Hit, companions: Iterable[str] = ()) -> str:
    """The hit's segment without the hit, its companion phrases and decoration."""
    piece, start, end = _local(document, hit)
    rest = piece[:start] + "\x00" + piece[end:]
    for phrase in companions:
        rest = rest.replace(phrase, "\x00")
    return _DECORATION.sub("", rest)


def standalone(document: Document, hit: Hit) -> bool:
    """The hit is all its segment holds, apart from punctuation and brackets."""
    return _short(document, hit) and remainder(document, hit) == ""


def _short(document: Document, hit: Hit) -> bool:
    norm = document.normalized
    return len(norm.piece(hit.index)) <= _LABEL_LINE


def as_label(document: Document, hit: Hit, companions: Iterable[str] = (), in_tables: bool = True) -> bool:
    """The hit stands as a label: header/footer/text box, bracketed, or a line or cell of its own.

    `companions` are other label phrases that may share the line (内部资料（注意保存）);
    `in_tables=False` never takes a table cell for a label.
    """
    if hit.segment.location.part in _LABEL_PARTS:
        return True
    piece, start, end = _local(document, hit)
    if _bracketed(piece, start, end):
        return True
    if not _short(document, hit):
        return False
    rest = remainder(document, hit, companions)
    if hit.segment.location.part == "table":
        return in_tables and rest == ""
    return len(rest) <= _LABEL_REST


def as_mark(document: Document, hit: Hit) -> bool:
    """The hit is a mark put on the document, not a heading that uses the same words.

    Page furniture, brackets, a 公开属性 value, or the first line of its own (a stamp).
    Stricter than `as_label`: the phrase is also an ordinary heading (the annual
    report's 不予公开 row), so a line or cell of its own further down is not enough.
    """
    if hit.segment.location.part in _LABEL_PARTS:
        return True
    if hit.index < _STAMP_LINES and hit.segment.location.part == "body" and standalone(document, hit):
        return True
    piece, start, end = _local(document, hit)
    return _bracketed(piece, start, end) or _ATTRIBUTE.search(piece[max(0, start - 12):start]) is not None


def _local(document: Document, hit: Hit) -> tuple[str, int, int]:
    norm = document.normalized
    base = norm.starts[hit.index]
    return norm.piece(hit.index), hit.norm_start - base, hit.norm_end - base


def _bracketed(piece: str, start: int, end: int) -> bool:
    """The nearest bracket before the hit opens, the nearest after it closes: （内部资料）, 【秘密】."""
    before = _BRACKET.findall(piece, max(0, start - _BRACKET_REACH), start)
    if not before or before[-1] not in _ONLY_OPEN:
        return False
    after = _BRACKET.search(piece, end, end + _BRACKET_REACH)
    return after is not None and after.group() in _ONLY_CLOSE
