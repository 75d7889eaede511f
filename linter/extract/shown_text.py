"""A paragraph's text split by how it shows — as seen, hidden, deleted in a tracked change.

The readers of formats that mark runs one by one (RTF, Word 97-2003) collect each paragraph
or cell this way and end it as up to three segments at one location.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter import lazy
from linter.model import Location, Segment

_BLANK_LINES = lazy.re_pattern(r"\n{2,}")


@dataclass
class ShownText:
    """Pieces of one paragraph by how they show."""

    shown: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def add(self, text: str, hidden: bool = False, deleted: bool = False) -> None:
        """Add a piece: a deletion is a deletion whether or not it is also hidden."""
        (self.deleted if deleted else self.hidden if hidden else self.shown).append(text)

    def segments(self, location: Location, revisions: dict[str, int]) -> list[Segment]:
        """The paragraph as segments at `location`, hidden text and deletions in their own parts.

        Each deletion is counted in `revisions`.
        """
        found = []
        for pieces, part, detail in ((self.shown, location.part, None), (self.hidden, "hidden-text", "vanish"),
                                     (self.deleted, "tracked-change", "deleted")):
            text = _BLANK_LINES.sub("\n", "".join(pieces)).strip()
            if text:
                found.append(Segment(text, location._replace(part=part, detail=detail)))
                if part == "tracked-change":
                    revisions["deleted"] = revisions.get("deleted", 0) + 1
        return found
