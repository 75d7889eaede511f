"""The base class every check derives from, and the context checks run in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from linter.masking import mask
from linter.model import Document, Finding, Location, Segment
from linter.privacy import Source, mask_digit_runs

CONTEXT_CHARS = 20


@dataclass(frozen=True)
class CheckContext:
    """Run-wide settings a check may read; checks never read files themselves."""

    mask: bool = True
    profile: str | None = None
    profiles: tuple[str, ...] = ()
    wordlists: tuple[str, ...] = ()
    typos: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    allow_patterns: tuple[str, ...] = ()
    builtin_exemptions: bool = True
    # Set by the engine, which masks every finding's context again once all checks have run, with
    # all the personal data the document holds: `finding` then leaves its context's numbers to it.
    masked_later: bool = False


class Check:
    """A check: a stable id, a default severity, a description and `run`.

    Subclasses set the class attributes and implement `run`, yielding findings
    built with `finding` so masking is applied in one place.
    """

    id: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    description: ClassVar[str] = ""
    # What to change in the draft, and how: `explain` shows it.
    advice: ClassVar[str] = ""
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

        Called once before the first file, and before worker processes are forked, so each
        inherits it instead of loading it again. Phrase lists made here are merged into one
        automaton, built once; a list made later, in `run`, has it built again. A library
        call on one file does not call it: the check loads lazily, if at all.
        """

    def mask_match(self, raw: str) -> str:
        """How this check's personal data is shown when masked (override per kind of data)."""
        return mask(raw)

    def finding(
        self, context: CheckContext, segment: Segment, start: int, end: int, message: str,
        severity: str | None = None,
    ) -> Finding:
        """Build a finding for `segment.text[start:end]`, masked as the run asks.

        The context here masks only this finding's own match and long numbers; the
        engine masks it again once every check has run, with all the personal data
        the document holds (and tells the check so: its long numbers are then left to it).
        """
        text = segment.text
        raw = text[start:end]
        masked = self.mask_match(raw) if self.personal else None
        context_start = max(0, start - CONTEXT_CHARS)
        shown = masked if masked is not None and context.mask else raw
        around = text[context_start:start] + shown + text[end:end + CONTEXT_CHARS]
        if context.mask and not context.masked_later:
            around = mask_digit_runs(around)
        # Positional, in the order of Finding's fields (a roster makes thousands: keywords cost a third
        # more); digest, path and fingerprint are set later.
        return Finding(self.id, severity or self.severity, message, segment.locate(start), shown,
                       around.replace("\n", " "), "", "", allowed_by(context, raw), "",
                       Source(segment, start, end, context_start, masked))

    def file_finding(self, message: str, match: str = "", location: Location | None = None) -> Finding:
        """Build a finding about the file as a whole (or a page of it)."""
        return Finding(
            check=self.id, severity=self.severity, message=message,
            location=location or Location(), match=match,
        )


def allowed_by(context: CheckContext, raw: str) -> str | None:
    """Why the unmasked `raw` is accepted by the configuration, if it is.

    Decided here, where the unmasked text is at hand: nothing later keeps it.
    """
    if raw and raw in context.allow:
        return "allow"
    if not context.allow_patterns:  # most runs set none: no generator for each finding
        return None
    pattern = next((p for p in context.allow_patterns if re.search(p, raw)), None)
    return f"allow-patterns: {pattern}" if pattern is not None else None
