"""What the hidden/* checks share: a finding about a part of the file, its text masked."""

from __future__ import annotations

from linter.check import Check, CheckContext
from linter.masking import digest, mask_numbers
from linter.model import Finding, Location

QUOTE = 60  # characters of hidden text quoted in a finding


def part_finding(check: Check, context: CheckContext, location: Location, message: str,
                 match: str, text: str, limit: int = QUOTE) -> Finding:
    """A finding whose context quotes hidden text, with long numbers masked unless asked."""
    quoted = text.replace("\n", " ")[:limit]
    return Finding(check=check.id, severity=check.severity, message=message, location=location,
                   match=match, context=mask_numbers(quoted) if context.mask else quoted,
                   digest=digest(match + text))
