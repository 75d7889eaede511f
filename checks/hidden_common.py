"""What the hidden/* checks share: a finding about a part of the file, quoting its text."""

from __future__ import annotations

from linter.check import Check, CheckContext
from linter.model import Finding, Location, Segment
from linter.privacy import Source, mask_digit_runs

QUOTE = 60  # characters of hidden text quoted in a finding


def part_finding(check: Check, context: CheckContext, location: Location, message: str,
                 match: str, text: str, limit: int = QUOTE, segment: Segment | None = None) -> Finding:
    """A finding whose context quotes hidden text (from the start of `segment`, when it is one).

    Long numbers are masked here; the engine masks every other personal datum.
    """
    quoted = text.replace("\n", " ")[:limit]
    source = Source(segment, 0, 0, 0) if segment is not None else None
    return Finding(check=check.id, severity=check.severity, message=message, location=location,
                   match=match, context=mask_digit_runs(quoted) if context.mask else quoted,
                   source=source)
