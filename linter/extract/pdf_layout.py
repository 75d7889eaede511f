"""Joining PDF text lines that the page layout wrapped.

A PDF stores lines, not paragraphs: "联系电话1381234" at the end of one line and
"5678" at the start of the next are one number to a reader and must be one
string to the checks. A line is taken as wrapped when it runs to the right
margin of the page and does not end a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from linter import lazy

# A page number alone on the page's first or last line: - 2 -, — 2 —, 第 2 页 (共 6 页), 2/6.
# Official documents set it at the outer margin, where it would pass for a wrapped line.
_PAGE_NUMBER = lazy.re_pattern(
    r"\s*(?:[-—－–~]\s*\d{1,4}\s*[-—－–~]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*")
_SIZE_RATIO = 1.3  # a font this much larger or smaller: another paragraph (a title, a note)
_SENTENCE_END = frozenset("。！？；：…”’」』）)!?;:")


class Line(NamedTuple):
    """One layout line: its text, right edge, the width of its last character and its font size.

    `right` is None when the backend could not place the line; the joiner then
    judges by the line's length alone. A named tuple: a page makes one per line.
    """

    text: str
    right: float | None = None
    size: float | None = None
    font: float | None = None  # the font size of its last character, in points


@dataclass(frozen=True)
class Paragraph:
    """Joined text, the page line it starts on, and where each further line starts."""

    text: str
    first_line: int
    line_starts: tuple[int, ...]


def join_lines(lines: list[Line]) -> list[Paragraph]:
    """Group the lines of one page into paragraphs, leaving out a page number at the top or bottom."""
    lines = _without_page_number(lines)
    margin = max((ln.right for ln in lines if ln.right is not None), default=None)
    longest = max((len(ln.text.strip()) for ln in lines), default=0)
    paragraphs: list[Paragraph] = []
    text, first, starts, prev = "", 0, [], None
    for number, line in enumerate(lines, 1):
        piece = line.text.strip()
        if not piece:
            prev = None
            continue
        if prev is not None and text and _wraps(prev, margin, longest) and _same_size(prev, line):
            sep = _separator(text, piece)
            starts.append(len(text) + len(sep))
            text += sep + piece
        else:
            if text:
                paragraphs.append(Paragraph(text, first, tuple(starts)))
            text, first, starts = piece, number, []
        prev = line
    if text:
        paragraphs.append(Paragraph(text, first, tuple(starts)))
    return paragraphs


def _without_page_number(lines: list[Line]) -> list[Line]:
    """The lines with a page-number line blanked, so that it neither joins nor parts paragraphs.

    Blanked rather than removed: the other lines keep their numbers on the page.
    """
    shown = [i for i, line in enumerate(lines) if line.text.strip()]
    ends = {shown[0], shown[-1]} if shown else set()
    return [Line("") if i in ends and _PAGE_NUMBER.fullmatch(line.text) else line for i, line in enumerate(lines)]


def _wraps(line: Line, margin: float | None, longest: int) -> bool:
    stripped = line.text.strip()
    if stripped[-1] in _SENTENCE_END:
        return False
    if line.right is not None and margin is not None:
        tolerance = 1.5 * (line.size or 10.0)
        return margin - line.right <= tolerance
    return len(stripped) >= 0.9 * longest


def _same_size(line: Line, following: Line) -> bool:
    """Set in about the same size: a cover's title in 32 pt does not run on into the 15 pt line under it.

    On a page of few lines the longest (the title) is the right margin, so reaching the margin
    alone does not say a line wraps.
    """
    if line.font is None or following.font is None or min(line.font, following.font) <= 0:
        return True
    return max(line.font, following.font) / min(line.font, following.font) <= _SIZE_RATIO


def join_wrapped(pieces: list[str]) -> str:
    """Join pieces of one wrapped run of text (a table cell's lines)."""
    text = ""
    for piece in (p.strip() for p in pieces):
        if piece:
            text = text + _separator(text, piece) + piece if text else piece
    return text


def _separator(before: str, after: str) -> str:
    """Chinese text and numbers wrap without a space; Latin words with one."""
    return " " if _latin(before[-1]) and _latin(after[0]) else ""


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()
