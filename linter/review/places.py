"""Where a finding's text is in a .docx's XML: the paragraphs of a segment, the runs of a span.

The parts are walked with the extractor's own BodyWalker, so a segment here has the same
location and text as the one the checks saw; its paragraphs are recorded as they are
walked. A span of a segment's text is turned into whole runs by splitting the runs at
its two ends (a run is cut into two with the same formatting), so a comment can be
anchored on exactly the matched text and a redaction can rewrite it in place.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from linter.extract.docx import styles_of, walked_parts
from linter.extract.docx_style import Styles
from linter.extract.docx_walk import BodyWalker, P, W, visible_pieces
from linter.extract.ooxml import Package
from linter.model import Location, Segment

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element."""
    return f"{{{W}}}{tag}"


@dataclass
class Part:
    """One XML part of the package, parsed once, edited in place, written back by the caller."""

    name: str
    root: etree._Element
    changed: bool = False


@dataclass
class Places:
    """The editable parts of a .docx and, for each (location, text), the paragraphs it came from."""

    styles: Styles
    parts: dict[str, Part] = field(default_factory=dict)
    paragraphs: dict[tuple[Location, str], list[tuple[Part, list[etree._Element]]]] = field(default_factory=dict)

    @classmethod
    def read(cls, pkg: Package) -> Places:
        """Walk the body, headers, footers and notes as the extractor does, recording paragraphs."""
        places = cls(styles_of(pkg))
        for name, root, walker in walked_parts(pkg, places.styles, pkg.xml("word/document.xml")):
            part = places.parts[name] = Part(name, root)
            for segment in walker.segments:
                found = places._segment_paragraphs(walker, segment)
                if found:
                    places.paragraphs.setdefault((segment.location, segment.text), []).append((part, found))
        return places

    @staticmethod
    def _segment_paragraphs(walker: BodyWalker, segment: Segment) -> list[etree._Element]:
        first = walker.paragraphs.get(segment.location.paragraph or 0)
        if first is None:
            return []
        if segment.location.row is None:
            return [first]
        cell = first.getparent()
        while cell is not None and cell.tag != w("tc"):
            cell = cell.getparent()
        return [p for p in cell.iter(P) if _own_cell(p, cell)] if cell is not None else [first]

    def of(self, segment: Segment) -> list[tuple[Part, list[etree._Element]]]:
        """Every place a segment's text stands (two headers may hold the same line)."""
        return self.paragraphs.get((segment.location, segment.text), [])

    def runs(self, paragraphs: list[etree._Element], start: int, end: int) -> list[etree._Element]:
        """The runs that hold exactly text[start:end] of these paragraphs (joined by line breaks)."""
        chosen: list[etree._Element] = []
        offset = 0
        for p in paragraphs:
            length = sum(len(t) for _, _, t in visible_pieces(p, self.styles))
            low, high = max(start, offset), min(end, offset + length)
            if low < high:
                _cut(p, low - offset, self.styles)
                _cut(p, high - offset, self.styles)
                chosen += _runs_within(p, low - offset, high - offset, self.styles)
            offset += length + 1  # the "\n" between a cell's paragraphs
        return chosen


def _own_cell(p: etree._Element, cell: etree._Element) -> bool:
    """A paragraph of this cell, not of a table nested in it."""
    parent = p.getparent()
    while parent is not None and parent is not cell:
        if parent.tag == w("tc"):
            return False
        parent = parent.getparent()
    return True


def _cut(p: etree._Element, at: int, styles: Styles) -> None:
    """Split the run that holds offset `at` of p's visible text, so a run starts there."""
    offset = 0
    for run, child, text in visible_pieces(p, styles):
        if at == offset:
            if child is not _first_content(run):
                _split(run, child, 0)
            return
        if offset < at < offset + len(text):
            _split(run, child, at - offset)
            return
        offset += len(text)


def _first_content(run: etree._Element) -> etree._Element | None:
    return next((c for c in run if c.tag != w("rPr")), None)


def _split(run: etree._Element, child: etree._Element, k: int) -> None:
    """Cut `run` before character k of `child`: the tail goes to a new run with the same formatting."""
    tail = etree.Element(w("r"), attrib=dict(run.attrib))
    props = run.find(w("rPr"))
    if props is not None:
        tail.append(copy.deepcopy(props))
    moving = list(child.itersiblings())
    if k > 0:
        rest = copy.deepcopy(child)
        rest.text, child.text = child.text[k:], child.text[:k]
        for node in (rest, child):
            node.set(XML_SPACE, "preserve")
        tail.append(rest)
    else:
        moving.insert(0, child)
    for node in moving:
        tail.append(node)  # lxml moves the node
    run.addnext(tail)


def _runs_within(p: etree._Element, start: int, end: int, styles: Styles) -> list[etree._Element]:
    chosen: list[etree._Element] = []
    offset = 0
    for run, _, text in visible_pieces(p, styles):
        if start <= offset and offset + len(text) <= end and text and run not in chosen:
            chosen.append(run)
        offset += len(text)
    return chosen
