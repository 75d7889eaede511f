"""The base class every check derives from, and the context checks run in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from linter.masking import digest, mask, mask_numbers
from linter.model import Document, Finding, Location, Segment

CONTEXT_CHARS = 20


@dataclass(frozen=True)
class CheckContext:
    """Run-wide settings a check may read; checks never read files themselves."""

    mask: bool = True
    profile: str | None = None
    profiles: tuple[str, ...] = ()
    wordlists: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    allow_patterns: tuple[str, ...] = ()
    builtin_exemptions: bool = True


class Check:
    """A check: a stable id, a default severity, a description and `run`.

    Subclasses set the class attributes and implement `run`, yielding findings
    built with `finding` so masking is applied in one place.
    """

    id: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    description: ClassVar[str] = ""
    # Findings of this check carry personal data: mask match and context.
    personal: ClassVar[bool] = False

    @classmethod
    def family(cls) -> str:
        """Return the family part of the id (`pii` for `pii/id-card`)."""
        return cls.id.split("/", 1)[0]

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield the findings of this check in `document`."""
        raise NotImplementedError

    def prepare(self, context: CheckContext) -> None:
        """Load what the check will need (models, automata) ahead of a batch.

        Called once before worker processes are forked, so each inherits it instead of
        loading it again; a one-file run never calls it and loads lazily, if at all.
        """

    def mask_match(self, raw: str) -> str:
        """How this check's personal data is shown when masked (override per kind of data)."""
        return mask(raw)

    def finding(
        self, context: CheckContext, segment: Segment, start: int, end: int, message: str,
        severity: str | None = None,
    ) -> Finding:
        """Build a finding for `segment.text[start:end]`, masked as the run asks."""
        text = segment.text
        raw = text[start:end]
        before = text[max(0, start - CONTEXT_CHARS):start]
        after = text[end:end + CONTEXT_CHARS]
        shown = self.mask_match(raw) if self.personal and context.mask else raw
        around = before + shown + after
        if context.mask:
            around = mask_numbers(around)
        # The decision layer drops it; only here is the unmasked text at hand to test.
        allowed_by = next((p for p in context.allow_patterns if re.search(p, raw)), None)
        return Finding(
            check=self.id, severity=severity or self.severity, message=message,
            location=segment.locate(start), match=shown, context=around.replace("\n", " "),
            digest=digest(raw), allowed_by=allowed_by,
        )

    def file_finding(self, message: str, match: str = "", location: Location | None = None) -> Finding:
        """Build a finding about the file as a whole (or a page of it)."""
        return Finding(
            check=self.id, severity=self.severity, message=message,
            location=location or Location(), match=match, digest=digest(match),
        )

