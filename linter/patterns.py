"""PatternCheck: a check that is a pattern plus a validator, as most PII checks are.

The pattern runs once over the document's joined text; each candidate is
mapped back to its segment and handed to `judge`, which says whether (and why)
it is a finding. A named group `value` narrows the finding to part of the
match (the number after its context word). Candidates may overlap
(`overlapped = True`, with the `regex` module) so a failed candidate cannot
hide a valid one that starts inside it.

`pattern` may be compiled with `re` or with `regex`: `re` scans a pattern that
starts with a character class (车牌 [京津沪…], 路|街…) about three times as fast;
`regex` is needed for overlapped matching and Unicode properties (Han), and is
the faster one for a pattern holding a literal it can skip to (the @ of e-mail).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar, NamedTuple

import regex

from linter.charclass import ascii_view
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment

_SLACK = 4
_DENSE = 256  # more than one anchor per this many characters: scan the whole text


class Candidate(NamedTuple):
    """A candidate span: in the joined text (`at`, `until`) and in its segment (`start`, `end`).

    A named tuple: every number run of a roster makes one for each number check.
    """

    segment: Segment
    start: int
    end: int
    at: int
    until: int

    @property
    def text(self) -> str:
        """The matched text as it stands in the file."""
        return self.segment.text[self.start:self.end]

    def before(self, chars: int) -> str:
        """Up to `chars` characters of the segment before the match."""
        return self.segment.text[max(0, self.start - chars):self.start]

    def after(self, chars: int) -> str:
        """Up to `chars` characters of the segment after the match."""
        return self.segment.text[self.end:self.end + chars]


class PatternCheck(Check):
    """A check defined by `pattern` and `judge(document, candidate) -> message or None`."""

    pattern: ClassVar[regex.Pattern]
    overlapped: ClassVar[bool] = False
    # The pattern only ever matches around a run of six or more digits: search those runs only,
    # from `reach_before` characters before each (a context word the pattern starts with).
    in_number_runs: ClassVar[bool] = False
    reach_before: ClassVar[int] = _SLACK
    # And only runs this long: the fewest characters a run holding a match has (its digits and the
    # gaps between them). A roster's ID and card checks then skip its mobile numbers.
    shortest_run: ClassVar[int] = 6
    # Or: every match holds one of these characters and lies, with what its look-arounds read,
    # within `anchor_reach` characters of it: only the text around them is searched. Rare
    # characters are found several times faster than a pattern led by look-behinds and alternatives.
    # (A compiled `[...]+` class, as checks written before set it, is searched as it is.)
    anchor: ClassVar[str | re.Pattern] = ""
    anchor_reach: ClassVar[int] = 0
    # Text copied out of a PDF keeps its line breaks, and a number at the end of a line runs on
    # into the next: the digits ending one line and those starting the next are judged as one.
    across_lines: ClassVar[bool] = False
    personal = True

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Return the finding's message, or None when the candidate is not a finding."""
        raise NotImplementedError

    def candidates(self, document: Document) -> Iterator[Candidate]:
        """Every match of the pattern (or of its `value` group), mapped back to its segment."""
        text = document.joined[0]
        windows = self._windows(document)
        if not windows:
            return  # and the pattern, compiled when first used, is not compiled for nothing
        grouped = "value" in self.pattern.groupindex
        # Slack around a run lets prefixes (+86) and look-arounds see their neighbours.
        options = {"overlapped": True} if self.overlapped else {}  # `re` has no such option
        for start, end in windows:
            for m in self.pattern.finditer(text, start, end, **options):
                yield locate(document, *(m.span("value") if grouped else m.span()))

    def _windows(self, document: Document) -> list[tuple[int, int]]:
        """The spans of the joined text the pattern is run over."""
        if self.in_number_runs:
            reach, shortest = self.reach_before, self.shortest_run
            return _shared(document, ("windows", reach, shortest), lambda: _merged(
                (s - reach if s > reach else 0, e + _SLACK) for s, e in document.number_runs if e - s >= shortest))
        text = document.joined[0]
        if self.anchor:
            most = len(text) // _DENSE
            anchors = _anchor_runs(text, self.anchor, most, lambda: document.ascii)
            if len(anchors) <= most:  # else anchors are everywhere: one pass over the text is cheaper
                reach = self.anchor_reach
                return _merged((max(0, start - reach), end + reach) for start, end in anchors)
        return [(0, len(text))]

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield findings for the candidates `judge` accepts, never two that overlap."""
        taken_until = -1
        taken: dict[int, list[tuple[int, int]]] = {}
        for candidate in self.candidates(document):
            if candidate.at < taken_until:
                continue
            message = self.judge(document, candidate)
            if message:
                taken_until = candidate.until
                if self.across_lines:
                    taken.setdefault(id(candidate.segment), []).append((candidate.start, candidate.end))
                yield self.finding(context, candidate.segment, candidate.start, candidate.end, message)
        if self.across_lines:
            yield from self._broken_numbers(document, context, taken)

    def _broken_numbers(self, document: Document, context: CheckContext,
                        taken: dict[int, list[tuple[int, int]]]) -> Iterator[Finding]:
        """A number a line break cut in two: a finding on each line's piece, judged whole."""
        options = {"overlapped": True} if self.overlapped else {}
        breaks = _shared(document, "breaks", lambda: list(_line_breaks(document)))
        for first, second, (tail, seam), (lead, head) in breaks:
            grouped = "value" in self.pattern.groupindex
            # The pieces, with what a judge reads around them (a card word before, a digit after).
            cut = max(0, tail - _CONTEXT)
            whole = first.text[cut:seam] + second.text[lead:head + _SLACK]
            joint = seam - cut
            for m in self.pattern.finditer(whole, **options):
                start, end = m.span("value") if grouped else m.span()
                if not start < joint < end:
                    continue
                pieces = ((first, cut + start, seam), (second, lead, lead + end - joint))
                if any(_overlaps(taken.get(id(seg), ()), a, b) for seg, a, b in pieces):
                    break
                message = self.judge(document, Candidate(Segment(whole, first.location), start, end, start, end))
                if message:
                    for (segment, a, b), where in zip(pieces, ("前", "后"), strict=True):
                        yield self.finding(context, segment, a, b,
                                           f"{message}（号码被换行分成两段，本行是{where}段）")
                    break


# A number's piece is at most this long (an ID with separators); a longer run of digits is no
# number a line break cut, and reading only this far keeps a line of a million digits cheap.
_PIECE = 40
_CONTEXT = 16  # what a judge reads before a number (卡号, 身份证号码为)
_HEAD = re.compile(r"[0-9０-９][0-9０-９ \-－]*")
_RUN = frozenset("0123456789０１２３４５６７８９ -－")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ENDS = _RUN | {chr(code) for code in range(0x3001) if chr(code).isspace()}  # what a number's line may end in


# What several checks derive alike from the last document they read: made once for all of them.
# The pair is read once into a local: a thread checking another document may replace it, never mix them.
_SHARED: list[tuple[Callable, dict]] = [(lambda: None, {})]


def _shared(document: Document, key, make: Callable[[], list]) -> list:
    """`make()` for `document`, made at the first check that asks (kept for the last document only)."""
    owner, found = _SHARED[0]
    if owner() is not document:
        found = {}
        _SHARED[0] = (weakref.ref(document), found)
    if key not in found:
        found[key] = make()
    return found[key]


def _line_breaks(document: Document) -> Iterator[tuple[Segment, Segment, tuple[int, int], tuple[int, int]]]:
    """Lines of one part, one right after the other, the first ending in digits, the next starting with one.

    Yields (first, second, (start, end) of the first's digits, (start, end) of the second's).
    """
    segments = document.segments
    # Most lines end in no digit (nor a space after one): nothing more to look at.
    for index in [n for n, segment in enumerate(segments[:-1]) if segment.text[-1:] in _ENDS]:
        first, second = segments[index], segments[index + 1]
        tail = _tail(first.text)
        if tail is None:
            continue
        here, there = first.location, second.location
        # The next line, or the same source line cut by a break (an HTML <br>).
        last = None if here.line is None else here.line + len(first.line_starts)
        if (last is None or there.line not in (last, last + 1)
                or (here.part, here.page, here.row, here.col) != (there.part, there.page, there.row, there.col)):
            continue
        lead = len(second.text) - len(second.text.lstrip())
        head = _HEAD.match(second.text, lead, lead + _PIECE + 1)
        if head and head.end() - lead <= _PIECE:
            yield first, second, tail, (lead, head.end())


def _tail(text: str) -> tuple[int, int] | None:
    """(start, end) of the digits ending `text`, unless there are none or more than a number has."""
    end = len(text.rstrip())
    start = end
    while start > 0 and text[start - 1] in _RUN:
        start -= 1
        if end - start > _PIECE:
            return None
    while start < end and text[start] not in _DIGITS:
        start += 1  # the separators before the first digit belong to the text, not the number
    return (start, end) if start < end and text[end - 1] in _DIGITS else None


def _anchor_runs(text: str, anchor: str | re.Pattern, most: int,
                 ascii_of: Callable[[], bytes] | None = None) -> list[tuple[int, int]]:
    """The runs of the anchor's characters in `text`, in order, up to one more than `most`.

    (One more is enough to tell there are too many.) Characters given as a string are each
    looked for with find, skipping in C to where they stand: a character class, tried by the
    expression engine at each character, took a report's text 0.3 ms. Where they crowd, that one
    pass is cheaper than a call for each, and is made instead, as it is for an anchor given as a
    compiled class. `ascii_of` gives the text's `ascii_view` (a document's, made once for every check).
    """
    if isinstance(anchor, str):
        found = _positions(text, anchor, 4 * (most + 1), ascii_of or (lambda: ascii_view(text)))
        if found is not None:
            runs: list[tuple[int, int]] = []
            for at in sorted(found):
                if runs and runs[-1][1] == at:
                    runs[-1] = (runs[-1][0], at + 1)
                else:
                    runs.append((at, at + 1))
            return runs[:most + 1]
        anchor = _anchor_class(anchor)
    return [m.span() for m in itertools.islice(anchor.finditer(text), most + 1)]


def _positions(text: str, chars: str, limit: int, ascii_of: Callable[[], bytes]) -> list[int] | None:
    """Where each of `chars` stands in `text`, unordered; None past `limit` of them."""
    found: list[int] = []
    view = ascii_of() if any(_in_view(char) for char in chars) else b""
    for char in chars:
        where, needle = (view, ord(char)) if _in_view(char) else (text, char)
        at = where.find(needle)
        while at >= 0:
            found.append(at)
            if len(found) > limit:
                return None
            at = where.find(needle, at + 1)
    return found


def _in_view(char: str) -> bool:
    return char < "\x80" and char != "?"  # ? is also what the view holds for every other character


@functools.lru_cache(maxsize=8)
def _anchor_class(chars: str) -> re.Pattern:
    return re.compile(f"[{re.escape(chars)}]+")


def _overlaps(spans, start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _merged(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping windows (in order) joined: a match across the seam is found once, not lost."""
    merged: list[tuple[int, int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def locate(document: Document, at: int, until: int) -> Candidate:
    """The candidate for span [at, until) of the document's joined text."""
    starts = document.joined[1]
    index = bisect.bisect_right(starts, at) - 1
    base = starts[index]
    return Candidate(document.segments[index], at - base, until - base, at, until)
