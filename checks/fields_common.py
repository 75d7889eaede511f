"""What the fields checks share: the chosen profile and headings read without their numbering."""

from __future__ import annotations

from linter import lazy
from linter.check import CheckContext
from linter.model import Document, Segment
from linter.profiles import Profile, choose, load, squash, with_wrapped

# 一、 （一） (1) 1. 1.2 第一部分 第二章 — numbering a heading may carry, in any width.
_NUMBERING = lazy.regex_pattern(
    r"^(?:第[一二三四五六七八九十]+(?:部分|章|节)|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?"
    r"|\d+(?:[.．]\d+)*[.、．]?)")
_HEADING_CHARS = 30
_CLAUSE_END = lazy.regex_pattern(r"[（(，,。；;：:]")
_REGION = 8  # paragraphs that count as the head or the tail of a document
TEXT_PARTS = ("body", "table")
# An unfilled year: 20xx 20XX 201x 201* 20__, Markdown's escaped 20\_ and 201\*, 20x年.
# 200x before an English word is a factor (a 200x slowdown), not a year.
PLACEHOLDER_YEAR = (r"(?<![0-9A-Za-z])20(?:[0-9]\\?[xX*＊_＿](?![ ][A-Za-z])"
                    r"|\\?[xX*＊_＿]\\?[xX*＊_＿]|\\?[xX_＿](?=年))(?![0-9A-Za-z])")


# The last answer: every fields/* and stats/* check asks it of the same document in turn,
# and choosing reads the document's opening lines against every profile.
_LAST: list[tuple[Document, tuple, Profile | None]] = []


def profile_of(document: Document, context: CheckContext) -> Profile | None:
    """The profile this run asks for, or the one the document's title matches."""
    asked = (context.profile, context.profiles)
    if _LAST and _LAST[0][0] is document and _LAST[0][1] == asked:
        return _LAST[0][2]
    chosen = choose(document.segments, load(context.profiles), context.profile)
    _LAST[:] = [(document, asked, chosen)]
    return chosen


def heading_text(segment: Segment) -> str | None:
    """A heading-like segment's text without numbering, spaces and end punctuation.

    Heading-like: a heading style, or a line short enough to be one (drafts often
    type headings as plain paragraphs), or the numbered start of a table cell. None for
    running text.
    """
    squashed = squash(segment.text)
    text = _NUMBERING.sub("", squashed).rstrip("：:。.")
    if segment.heading_level is not None or len(text) <= _HEADING_CHARS:
        return text
    if segment.location.part == "table" and _NUMBERING.match(squashed):
        # A PDF table's frame may take in the numbered heading above it: the cell starts with it.
        return _CLAUSE_END.split(text, 1)[0][:_HEADING_CHARS]
    return None


def region(document: Document, where: str) -> list[str]:
    """Squashed texts of the paragraphs a section may be found in."""
    body = [s for s in document.segments if s.location.part in TEXT_PARTS and s.text.strip()]
    if where == "heading":
        return [t for t in map(heading_text, body) if t]
    texts = [squash(s.text) for s in body]
    if where == "head":
        return with_wrapped(texts[:_REGION])
    if where == "tail":
        return texts[-_REGION:]
    return texts
