"""redact: every personal datum the checks find in a .docx replaced in place by its masked form.

Run after cleaning (comments, revisions and hidden text are gone by then), on the body,
tables, text boxes, headers, footers and notes. The runs holding a datum are cut at its
ends and their text rewritten character for character, so formatting stays and every
other character is unchanged. What was masked is counted by check, never shown.
"""

from __future__ import annotations

import io
from collections import Counter

from lxml import etree

from linter.config import Config
from linter.engine import located
from linter.extract import extract_bytes
from linter.extract.docx_walk import visible_pieces
from linter.extract.ooxml import Package
from linter.privacy import Source
from linter.review.package import rewritten
from linter.review.places import XML_SPACE, Places, w


def redact(name: str, data: bytes, config: Config) -> tuple[bytes, Counter, Counter]:
    """The package `data` with its personal data masked; how many were masked, and how many left, by check.

    A datum is left where no run of the package holds it as the checks read it: in a file
    the body imports whole (w:altChunk), a property value. The caller says so.
    """
    findings = located(extract_bytes(name, data), config, name)
    # A datum has a span; a finding about a whole roster (pii/table) points at a cell with none.
    personal = [(f.check, s) for f, s in findings if s is not None and s.masked is not None and s.end > s.start]
    masked: Counter = Counter()
    left: Counter = Counter()
    with Package(io.BytesIO(data)) as pkg:
        places = Places.read(pkg)
        # Right to left within a segment: a mask of another length cannot shift what is still to come.
        for check, source in sorted(personal, key=lambda p: (id(p[1].segment), -p[1].start)):
            done = False
            for part, paragraphs in places.of(source.segment):
                runs = places.runs(paragraphs, source.start, source.end)
                if runs:
                    _rewrite(runs, source, places)
                    part.changed = done = True
                    masked[check] += 1
            if not done:
                left[check] += 1
        replaced = {name: part.root for name, part in places.parts.items() if part.changed}
        return rewritten(pkg, data, replaced), masked, left


def _rewrite(runs: list[etree._Element], source: Source, places: Places) -> None:
    """Lay the masked text over the runs' text, a character for a character where lengths agree."""
    pieces = [(child, text) for run in runs for r, child, text in visible_pieces(run.getparent(), places.styles)
              if r is run and child.tag == w("t")]
    original = "".join(text for _, text in pieces)
    mask = source.masked or ""
    if len(mask) != len(original):  # the whole mask in the first piece, the rest emptied
        lengths = [len(mask)] + [0] * (len(pieces) - 1)
    else:
        lengths = [len(text) for _, text in pieces]
    at = 0
    for (child, _), length in zip(pieces, lengths, strict=True):
        child.text = mask[at:at + length]
        child.set(XML_SPACE, "preserve")
        at += length
