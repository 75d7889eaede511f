"""The document model shared by extractors, checks and reporters.

Every type here is immutable (a frozen dataclass, or a named tuple where a file may hold a
million of them): extractors build them once, checks read them, and nothing downstream can
change what an earlier stage produced.
"""

from __future__ import annotations

import bisect
import inspect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from operator import add, attrgetter
from typing import TYPE_CHECKING, NamedTuple

from linter.charclass import CharClass, Planes, ascii_view

if TYPE_CHECKING:
    from linter.normalize import NormalizedText
    from linter.privacy import Source
    from linter.tables import Tables

# What may stand between the digits of one number: a space of any width (the no-break space of
# Word and web pages, the ideographic space 　), a hyphen, a line break, a zero-width character
# (copied from a web page, or put there to slip past a check); a second space after it.
_GAP_CHARS = " \u00a0\u2009\u202f\u3000\u200b\u200c\u200d\u2060\ufeff"
NUMBER_GAP = f"[{_GAP_CHARS}\\-－\n]?[{_GAP_CHARS}]?"
GAP_CHARACTERS = frozenset(_GAP_CHARS + "-－\n")
# The next digit of a number, straight after or past a gap: NUMBER_GAP then a digit, written so
# that a digit is tried first (twice as fast where numbers hold no gaps, the same matches).
DIGIT_STEP = f"(?:[0-9０-９]|[{_GAP_CHARS}\\-－\n][{_GAP_CHARS}]?[0-9０-９])"
# Possessive ({5,}+): a group repeated without it keeps a backtracking entry per digit,
# 600 MB on a 5 MB line of digits.
_NUMBER_RUN = re.compile(f"[0-9０-９]{DIGIT_STEP}{{5,}}+")
_SHORTEST_RUN = 6  # characters: a run holds six digits
_NUMBER_CHARS = CharClass("0123456789０１２３４５６７８９" + "".join(GAP_CHARACTERS))
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# Where a piece of text lives in a file (DESIGN.md, "extract").
PARTS = frozenset({
    "body", "table", "header", "footer", "footnote", "comment", "tracked-change",
    "hidden-text", "textbox", "annotation", "metadata",
})


def evolve(record, **changes):
    """A copy of a frozen, slotted record with `changes`, without dataclasses.replace's dict of every field.

    Findings are copied twice each on their way to the report (a roster yields thousands);
    the record's fields are read in one call and handed to its own __init__, which must
    take every slot, in order (checked once per type). A name that is no field is an error,
    as in dataclasses.replace. (Location and Segment, named tuples, have their own _replace.)
    """
    kind = type(record)
    values_of, index = _FIELDS.get(kind) or _fields_of(kind)
    values = list(values_of(record))
    for name, value in changes.items():
        values[index[name]] = value
    return kind(*values)


_FIELDS: dict[type, tuple[attrgetter, dict[str, int]]] = {}


def _fields_of(kind: type) -> tuple[attrgetter, dict[str, int]]:
    names = kind.__slots__
    if tuple(inspect.signature(kind).parameters) != tuple(names):
        raise TypeError(f"{kind.__name__}.__init__ does not take its slots in order: evolve cannot copy it")
    found = _FIELDS[kind] = (attrgetter(*names), {name: i for i, name in enumerate(names)})
    return found


class Location(NamedTuple):
    """Where a segment or finding is: part of the file plus page/paragraph/cell/line.

    `detail` qualifies the part: "deleted"/"inserted" for tracked changes, the
    author of a comment, the property name for metadata. `sheet` names the
    worksheet of a spreadsheet cell (row and col are then Excel's own numbers).

    A named tuple, immutable like the rest of the model: a roster in Excel has a
    location per cell, and a frozen dataclass costs five times as much to build.
    """

    part: str = "body"
    page: int | None = None
    paragraph: int | None = None
    row: int | None = None
    col: int | None = None
    line: int | None = None
    column: int | None = None
    detail: str | None = None
    sheet: str | None = None


class Segment(NamedTuple):
    """A run of text with its location, the unit checks scan (a named tuple, as Location).

    A segment may span several source lines (a PDF paragraph whose layout-wrapped
    lines were joined). `line_starts` holds the text offsets where each further
    source line begins, so a match can still be reported at its own line.
    """

    text: str
    location: Location
    line_starts: tuple[int, ...] = ()
    heading_level: int | None = None

    def locate(self, offset: int) -> Location:
        """Return the location of the character at `offset` in this segment."""
        loc = self.location
        if loc.line is None:
            return loc
        k = bisect.bisect_right(self.line_starts, offset)
        if k == 0:
            column = None if loc.column is None else loc.column + offset
            return loc._replace(column=column)
        column = None if loc.column is None else offset - self.line_starts[k - 1] + 1
        return loc._replace(line=loc.line + k, column=column)


@dataclass(frozen=True)
class Document:
    """Everything extracted from one file, in reading order.

    `pages_without_text` lists pages that carry content but no text layer (scans),
    `pages_mostly_image` pages where an image covers most of the page and text is
    sparse; `revisions` counts unaccepted tracked changes by kind; `attachments`
    names embedded objects and files whose content is not checked; `concealed`
    holds PDF text a reader does not see (white, tiny, off the page, under an
    opaque box — detail says which); it is also in `segments`, where anyone can
    copy it. `damaged` says, in words for the reviewer, what of a damaged file may
    not have been read (a repaired structure, broken streams, a missing part).
    `error` is set instead of segments when the file could not be read.
    """

    path: str
    format: str
    segments: tuple[Segment, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    pages: int | None = None
    pages_without_text: tuple[int, ...] = ()
    pages_mostly_image: tuple[int, ...] = ()
    revisions: dict[str, int] = field(default_factory=dict)
    attachments: tuple[str, ...] = ()
    concealed: tuple[Segment, ...] = ()
    damaged: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @cached_property
    def chars(self) -> int:
        """Number of characters of text extracted (the joined text but its separators)."""
        return len(self.joined[0]) - len(self.segments) + 1 if self.segments else 0

    @cached_property
    def joined(self) -> tuple[str, list[int]]:
        """The original text of all segments joined by NUL, and each segment's start in it.

        One regex pass over this replaces one per segment (a 10 MB text file has
        200,000 line segments); NUL never occurs in extracted text, so no match
        crosses from one segment into the next.
        """
        texts = [segment.text for segment in self.segments]
        # Each start is the lengths before it, each with its separator: summed in C.
        starts = list(itertools.accumulate(map(add, map(len, texts), itertools.repeat(1)), initial=0))
        starts.pop()
        return "\x00".join(texts), starts

    @cached_property
    def _by_part(self) -> dict[str, list[int]]:
        return _indexes_by_part(self.segments)

    def segments_in(self, *parts: str) -> list[Segment]:
        """The segments of these parts, in document order.

        Checks of a rare part (comments, tracked changes, attachments' names) then never walk
        a document's thousand lines of body.
        """
        found = [index for part in parts for index in self._by_part.get(part, ())]
        if len(parts) > 1:
            found.sort()
        return [self.segments[index] for index in found]

    @cached_property
    def planes(self) -> Planes | None:
        """The joined text's low and high bytes, from which character classes are read at once."""
        return Planes.of(self.joined[0])

    @cached_property
    def ascii(self) -> bytes:
        """The joined text a byte a character, every character beyond ASCII as "?" (`ascii_view`)."""
        return ascii_view(self.joined[0])

    @cached_property
    def number_runs(self) -> list[tuple[int, int]]:
        """Spans of the joined text holding six or more digits (spaces or hyphens between).

        Checks for numbers (IDs, cards, phones) search only these, not all the prose. The
        expression runs only over stretches of six or more digits and gaps, found at once.
        """
        text = self.joined[0]
        return [m.span() for start, end in _NUMBER_CHARS.runs(text, self.planes, _SHORTEST_RUN)
                for m in _NUMBER_RUN.finditer(text, start, end)]

    @cached_property
    def tables(self) -> Tables:
        """The document's tables, regrouped from its cell segments (built on first use)."""
        from linter.tables import Tables

        return Tables(self.segments, self._by_part.get("table", []))

    @cached_property
    def normalized(self) -> NormalizedText:
        """The normalised, joined text every matching check shares (built on first use)."""
        from linter.normalize import NormalizedText

        return NormalizedText.build(self.segments, self.joined, self.planes)


def _indexes_by_part(segments: tuple[Segment, ...]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for index, segment in enumerate(segments):
        found.setdefault(segment.location.part, []).append(index)
    return found


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    """One problem a check found.

    `match` and `context` are already masked when the finding carries personal
    data. `digest` identifies the finding by its check and masked match, for
    baselines and fingerprints: it is derived from what the report shows, never
    from the unmasked value. `source` (where in a segment the match and context
    were cut from) lives only until the engine has masked them: it is never
    stored, pickled to the parent or reported.
    """

    check: str
    severity: str
    message: str
    location: Location
    match: str = ""
    context: str = ""
    digest: str = ""
    path: str = ""
    allowed_by: str | None = None  # the allow-pattern the unmasked match fits, if any
    fingerprint: str = ""  # set by the decision layer, for baselines
    source: Source | None = field(default=None, compare=False, repr=False)

    def __init__(self, check: str, severity: str, message: str, location: Location, match: str = "",
                 context: str = "", digest: str = "", path: str = "", allowed_by: str | None = None,
                 fingerprint: str = "", source: Source | None = None) -> None:
        # The dataclass's own __init__, written out: a frozen dataclass's sets each field through
        # object.__setattr__ by name, twice the cost of the slots' own setters for a roster's
        # thousands of findings. (A test holds it to the fields and defaults declared above.)
        (set_check, set_severity, set_message, set_location, set_match, set_context, set_digest, set_path,
         set_allowed_by, set_fingerprint, set_source) = _FINDING_SETTERS
        set_check(self, check)
        set_severity(self, severity)
        set_message(self, message)
        set_location(self, location)
        set_match(self, match)
        set_context(self, context)
        set_digest(self, digest)
        set_path(self, path)
        set_allowed_by(self, allowed_by)
        set_fingerprint(self, fingerprint)
        set_source(self, source)

    def __reduce__(self):
        # Rebuilt from its fields in one call: the slotted dataclass's own way sets them one by
        # one, twice as slow for the thousands of findings a batch of rosters sends back.
        return Finding, _finding_fields(self)

    # The two copies every finding goes through, written out: `evolve` takes twice as long (its
    # changes gathered into a dict, then laid over a list of every field), for a roster's thousands.
    # A test holds each to keeping every field it is not given.

    def shown(self, match: str, context: str, message: str, location: Location, digest: str,
              allowed_by: str | None) -> Finding:
        """The finding as reports show it: these texts and digest, and no source (the engine's copy)."""
        return Finding(self.check, self.severity, message, location, match, context, digest, self.path,
                       allowed_by, self.fingerprint, None)

    def placed(self, path: str, fingerprint: str) -> Finding:
        """The finding in the file it was found in, with its fingerprint (the decision layer's copy)."""
        return Finding(self.check, self.severity, self.message, self.location, self.match, self.context,
                       self.digest, path, self.allowed_by, fingerprint, self.source)


_finding_fields = _fields_of(Finding)[0]
# Each slot's own descriptor sets it: no lookup by name, and the frozen class's __setattr__
# (which refuses) is never asked.
_FINDING_SETTERS = tuple(getattr(Finding, name).__set__ for name in Finding.__slots__)
