"""PatternCheck: a check that is a pattern plus a validator, as most PII checks are.

The pattern runs once over the document's joined text; each candidate is
mapped back to its segment and handed to `judge`, which says whether (and why)
it is a finding. Candidates may overlap (`overlapped = True`, with the `regex`
module) so a failed candidate cannot hide a valid one that starts inside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment


@dataclass(frozen=True)
class Candidate:
    """A pattern match, located in its segment, with the segment's text at hand."""

    match: regex.Match
    segment: Segment
    index: int
    start: int
    end: int

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
    personal = True

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Return the finding's message, or None when the candidate is not a finding."""
        raise NotImplementedError

    def candidates(self, document: Document) -> Iterator[Candidate]:
        """Every match of the pattern, mapped back to its segment."""
        text, starts = document.joined
        for m in self.pattern.finditer(text, overlapped=self.overlapped):
            index = bisect.bisect_right(starts, m.start()) - 1
            base = starts[index]
            yield Candidate(m, document.segments[index], index, m.start() - base, m.end() - base)

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield findings for the candidates `judge` accepts, never two that overlap."""
        taken_until = -1
        for candidate in self.candidates(document):
            absolute = candidate.match.start()
            if absolute < taken_until:
                continue
            message = self.judge(document, candidate)
            if message:
                taken_until = candidate.match.end()
                yield self.finding(context, candidate.segment, candidate.start, candidate.end, message)
