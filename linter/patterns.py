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
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment

_SLACK = 4
_DENSE = 256  # more than one anchor per this many characters: scan the whole text


@dataclass(frozen=True)
class Candidate:
    """A candidate span: in the joined text (`at`, `until`) and in its segment (`start`, `end`)."""

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
    # Or: every match holds one of these characters (a compiled character class, with + so
    # a run is one match) and lies, with what its look-arounds read, within `anchor_reach`
    # characters of it: only the text around them is searched. A class of rare characters scans several times faster
    # than a pattern led by look-behinds and alternatives.
    anchor: ClassVar[re.Pattern | None] = None
    anchor_reach: ClassVar[int] = 0
    personal = True

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Return the finding's message, or None when the candidate is not a finding."""
        raise NotImplementedError

    def candidates(self, document: Document) -> Iterator[Candidate]:
        """Every match of the pattern (or of its `value` group), mapped back to its segment."""
        text = document.joined[0]
        grouped = "value" in self.pattern.groupindex
        # Slack around a run lets prefixes (+86) and look-arounds see their neighbours.
        options = {"overlapped": True} if self.overlapped else {}  # `re` has no such option
        for start, end in self._windows(document):
            for m in self.pattern.finditer(text, start, end, **options):
                yield locate(document, *(m.span("value") if grouped else m.span()))

    def _windows(self, document: Document) -> list[tuple[int, int]]:
        """The spans of the joined text the pattern is run over."""
        if self.in_number_runs:
            return _merged((max(0, s - self.reach_before), e + _SLACK) for s, e in document.number_runs)
        text = document.joined[0]
        if self.anchor is not None:
            most = len(text) // _DENSE
            anchors = [m.span() for m in itertools.islice(self.anchor.finditer(text), most + 1)]
            if len(anchors) <= most:  # else anchors are everywhere: one pass over the text is cheaper
                reach = self.anchor_reach
                return _merged((max(0, start - reach), end + reach) for start, end in anchors)
        return [(0, len(text))]

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield findings for the candidates `judge` accepts, never two that overlap."""
        taken_until = -1
        for candidate in self.candidates(document):
            if candidate.at < taken_until:
                continue
            message = self.judge(document, candidate)
            if message:
                taken_until = candidate.until
                yield self.finding(context, candidate.segment, candidate.start, candidate.end, message)


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
