"""Hiding a document's personal data in every text a finding carries.

A check masks its own match, but a finding shows more than its match: a context
window with a name beside a masked ID, a number cut at the window's edge, a
comment author in the location, a property value in a message. After the checks
have run, the engine gathers what of the document is personal — every span a
personal check found (selected or not), the people its properties and comment
authors name — and hides it, with every run of seven or more digits, in each
finding's match, context, message and location detail.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from operator import ne
from typing import NamedTuple

import ahocorasick_rs

from linter.masking import mask
from linter.model import DIGIT_STEP, Document, Finding, Location, Segment

# Seven digits or more, spaces or hyphens between: phone, ID, card or account numbers.
# Dates and statistics rarely run this long; when they do, a context may show them masked.
_DIGIT_RUN = re.compile(f"[0-9０-９]{DIGIT_STEP}{{6,}}+[Xx]?")
_DIGIT = re.compile(r"[0-9０-９]")
_STARS = re.compile(r"\*+")
_DIGITS_OR_X = frozenset("0123456789０１２３４５６７８９Xx")  # what a run holds beside its separators
# Document properties that name people: their values are personal data.
PERSON_PROPERTIES = frozenset({"creator", "lastModifiedBy", "people", "Manager", "Author", "author",
                               "initial-creator", "LastAuthor", "Creator"})
# Parts whose location detail names a person (a comment's or annotation's author).
_AUTHORED_PARTS = frozenset({"comment", "annotation"})
_NAMING_PARTS = _AUTHORED_PARTS | {"metadata"}  # parts whose location detail is masked as free text
_NAMES_SPLIT = re.compile(r"[、，,;；/\s]+")  # a property may list several people
# The drafter's account in the path an embedded file came from (C:\Users\张三\Desktop\…).
_ACCOUNT = re.compile(r"\\(?:Users|Documents and Settings)\\([^\\]+)\\", re.IGNORECASE)
_SHARED_ACCOUNTS = frozenset({"Public", "Default", "All Users", "Administrator", "admin", "user", "User"})
_FEW_SPANS = 8  # a segment's personal spans looked through one by one, not indexed by position
_MARGIN = 40  # characters of a segment looked at beyond a context window, for cut numbers


class Source(NamedTuple):
    """Where a finding's match and context were cut from.

    The match is `segment.text[start:end]`, the context starts at `context_start`;
    `masked` is the match as its check masks it (set for personal data only). A named
    tuple, as Segment: every finding of a roster's thousands makes one.
    """

    segment: Segment
    start: int
    end: int
    context_start: int
    masked: str | None = None


def mask_digit_runs(text: str) -> str:
    """Hide the middle digits of every run of seven or more, keeping its length and separators."""
    if not _DIGIT.search(text):
        return text
    return _DIGIT_RUN.sub(lambda m: _mask_run(m.group()), text)


def _mask_run(run: str) -> str:
    positions = [i for i, c in enumerate(run) if c in _DIGITS_OR_X]
    shown = mask("0" * len(positions))  # how many of its ends a number of this length keeps
    head = len(shown) - len(shown.lstrip("0"))
    tail = len(shown) - len(shown.rstrip("0"))
    hidden = set(positions[head:len(positions) - tail])
    return "".join("*" if i in hidden else c for i, c in enumerate(run))


def overlay(text: str, spans: Iterable[tuple[int, int, str]], offset: int = 0) -> str:
    """`text` with each span's masked form laid over it: every character a mask hides stays hidden.

    A span is (start, end, masked) with `text` starting at `offset`: a window cut from a segment
    takes the segment's spans as they are, and what of them lies outside the window is left out.
    """
    spans = spans if isinstance(spans, list) else list(spans)
    if len(spans) == 1 and (whole := _covered(text, spans[0], offset)) is not None:
        return whole  # a roster's cell: one mask over all of it
    hidden = []  # the stretches of `text` shown as stars
    for start, end, masked in spans:
        start, end = start - offset, end - offset
        if len(masked) != end - start:  # a mask that changes length hides the whole span
            hidden.append((start, end))
        elif (first := masked.find("*")) >= 0:
            last = masked.rfind("*") + 1
            if masked.count("*", first, last) == last - first:  # one stretch, as masks mostly are
                hidden.append((start + first, start + last))
            else:
                hidden += [(start + m.start(), start + m.end()) for m in _STARS.finditer(masked, first, last)]
    if not hidden:
        return text
    hidden.sort()
    pieces, shown_from, length = [], 0, len(text)
    for start, end in hidden:
        end = end if end < length else length
        if end > shown_from:
            start = start if start > shown_from else shown_from
            pieces += (text[shown_from:start], "*" * (end - start))
            shown_from = end
    pieces.append(text[shown_from:])
    return "".join(pieces)


def _covered(text: str, span: tuple[int, int, str], offset: int) -> str | None:
    """The span's mask, where it covers all of `text` and differs from it in its stars alone.

    Laid over the text stretch by stretch, it would give the same: the text where the mask shows
    it, stars where the mask has them (the text holds no star of its own). Else None.
    """
    start, end, masked = span
    if start != offset or end - start != len(text) or len(masked) != len(text) or "*" in text:
        return None
    return masked if sum(map(ne, text, masked)) == masked.count("*") else None


class Redactor:
    """Masks findings with what the document's personal checks found in it."""

    def __init__(self, document: Document, personal: Sequence[Finding]) -> None:
        spans: dict[int, list[tuple[int, int, str]]] = {}
        for finding in personal:
            source = finding.source
            if source is None or source.end <= source.start:
                continue
            masked = source.masked or mask(source.segment.text[source.start:source.end])
            spans.setdefault(id(source.segment), []).append((source.start, source.end, masked))
        self._near = {key: _Spans(found) for key, found in spans.items()}
        self._names = _people(document, personal)
        self._automaton = None
        # Free texts masked so far, and what they showed: a check's message recurs in each of its
        # findings, and a roster cell's masked match reads as the window its context was cut from.
        self._shown: dict[str, str] = {}

    def masked(self, finding: Finding) -> tuple[str, str, str, Location]:
        """The finding's texts, match, context, message and location, with personal data masked."""
        source = finding.source
        match, context = finding.match, finding.context
        match_done = context_done = False  # cut from the segment's masked text: nothing left to mask
        if source is not None:
            context, context_done = self._window(source.segment, source.context_start, len(context)), True
            if source.masked is not None:
                match = source.masked
            elif match == source.segment.text[source.start:source.end]:
                match, match_done = self._window(source.segment, source.start, len(match)), True
        location = finding.location
        detail = location.detail
        if detail and location.part in _NAMING_PARTS:
            detail = self.text(detail)
        sheet = self.text(location.sheet) if location.sheet else location.sheet  # a sheet named after a person
        if (detail, sheet) != (location.detail, location.sheet):
            location = location._replace(detail=detail, sheet=sheet)
        return (match if match_done else self._remembered(match), context if context_done else self.text(context),
                self._remembered(finding.message), location)

    def text(self, text: str) -> str:
        """Free text (a message, a quoted comment): known personal strings and long numbers masked."""
        return mask_digit_runs(self._known(text))

    def _known(self, text: str) -> str:
        """`text` with the document's known personal strings masked."""
        if self._names and text:
            if self._automaton is None:
                # Leftmost-longest: a roster's thousands of values, one pass per text. Built for
                # one document and asked about its few contexts: the automaton quickest to build
                # (left to itself, the library builds a DFA for under a hundred values: 4x slower
                # to build, no faster on a context).
                self._automaton = ahocorasick_rs.AhoCorasick(
                    self._names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                    implementation=ahocorasick_rs.Implementation.NoncontiguousNFA)
            hits = self._automaton.find_matches_as_indexes(text)
            if hits:
                text = overlay(text, ((s, e, mask(text[s:e])) for _, s, e in hits))
        return text

    def _remembered(self, text: str) -> str:
        """`self.text(text)`, masked once for each text of the document however often it recurs."""
        shown = self._shown.get(text)
        if shown is None:
            shown = self._shown[text] = self.text(text)
        return shown

    def _window(self, segment: Segment, start: int, length: int) -> str:
        """`length` characters of the segment's masked text from `start`.

        Everything is masked over the window and a margin around it, then cut: a number
        or a name the window's edge cuts is masked as a whole, never as the piece shown.
        """
        end = start + length
        low = start - _MARGIN if start > _MARGIN else 0
        high = end + _MARGIN  # a slice stops at the segment's end
        near = self._near.get(id(segment))
        spans = near.between(low, high) if near else ()
        # Digit runs first: two numbers side by side are one run, masked as one, before the
        # known values among them are masked one by one. (Masking those only adds stars: no
        # run of seven digits is left to mask after.)
        laid = overlay(segment.text[low:high], spans, low)
        around = self._known(mask_digit_runs(laid))
        if around is laid:
            # Both maskings gave it back as it was, so `text` would too: a personal match that
            # reads the same (a roster cell's mask, the window being the cell) is not masked again.
            self._shown[laid] = laid
        return around[start - low:end - low].replace("\n", " ")


class _Spans:
    """A segment's personal spans, found by position: a window looks at those near it only.

    Looking at all of them for each window cost a line holding thousands of phone numbers
    time growing with the square of their count (8,000 of them: 4 s).
    """

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        # A few spans (a roster's cell holds one) are looked through: sorting and indexing them
        # for each of a roster's thousands of cells cost more than every look.
        self._spans = spans if len(spans) <= _FEW_SPANS else sorted(spans)
        self._starts = None if len(spans) <= _FEW_SPANS else [start for start, _, _ in self._spans]
        self._longest = 0 if self._starts is None else max(end - start for start, end, _ in self._spans)

    def between(self, low: int, high: int) -> list[tuple[int, int, str]]:
        """The spans reaching into [low, high) (overlay takes them in any order)."""
        if self._starts is None:
            return [span for span in self._spans if span[1] > low and span[0] < high]
        first = bisect.bisect_left(self._starts, low - self._longest)
        last = bisect.bisect_left(self._starts, high, first)
        return [span for span in self._spans[first:last] if span[1] > low]


def _people(document: Document, personal: Sequence[Finding]) -> list[str]:
    """Personal strings to mask wherever they appear.

    The names the file's properties and comment authors carry, and every personal match.
    """
    names = {name for k, v in document.metadata.items() if k in PERSON_PROPERTIES for name in _NAMES_SPLIT.split(v)}
    names |= {s.location.detail for s in document.segments_in(*_AUTHORED_PARTS) if s.location.detail}
    names |= {m.group(1) for a in document.attachments for m in _ACCOUNT.finditer(a)} - _SHARED_ACCOUNTS
    for finding in personal:
        source = finding.source
        if source is not None and source.end > source.start:
            names.add(source.segment.text[source.start:source.end])
    return sorted(n for n in names if len(n) >= 2)
