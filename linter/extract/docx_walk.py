"""Walking WordprocessingML: paragraphs, runs, tables, text boxes, revisions.

One `BodyWalker` walks one part (the body, a header, a comment…). Visible text
(including unaccepted insertions, as Word shows it) becomes the paragraph's
segment; deleted and hidden runs become their own segments in the same place,
so checks see every character the file carries, each once.
"""

from __future__ import annotations

import re

from lxml import etree

from linter import lazy
from linter.extract.docx_style import Styles, child_named, hidden_reason, may_hide_directly, paragraph_style
from linter.model import Location, Segment

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, R, TBL, TR, TC, T = _w("p"), _w("r"), _w("tbl"), _w("tr"), _w("tc"), _w("t")
VAL = _w("val")
PPR, OUTLINE, TCPR, GRID_SPAN = _w("pPr"), _w("outlineLvl"), _w("tcPr"), _w("gridSpan")
TXBX = _w("txbxContent")
RPR, COMMENT_REFERENCE = _w("rPr"), _w("commentReference")
_COMMENT_ANCHORS = (_w("commentRangeStart"), COMMENT_REFERENCE)
FALLBACK = f"{{{MC}}}Fallback"
_TEXT_TAGS = {T: None, _w("delText"): None, _w("instrText"): "skip", _w("tab"): "\t",
              _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-", _w("softHyphen"): ""}
_OTHER = object()  # a run's child that is no text
# Containers whose children are read as if they stood in the parent.
_TRANSPARENT = {_w("hyperlink"), _w("smartTag"), _w("customXml"), _w("fldSimple"),
                _w("sdtContent"), _w("sdt"), _w("bdo"), _w("dir"), f"{{{MC}}}AlternateContent",
                f"{{{MC}}}Choice"}
_REVISION = {_w("ins"): "inserted", _w("moveTo"): "inserted",
             _w("del"): "deleted", _w("moveFrom"): "deleted"}
# Whether any cell of a table spans columns (the rows and cells BodyWalker._table reads).
_SPANS = etree.XPath("boolean(w:tr/w:tc/w:tcPr/w:gridSpan)", namespaces={"w": W})
_HEADING_NAME = lazy.re_pattern(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def heading_levels(styles: etree._Element | None) -> dict[str, int]:
    """Map paragraph style ids to heading levels (1-based) from styles.xml."""
    levels: dict[str, int] = {}
    for style in () if styles is None else styles.iterfind(_w("style")):
        name = style.find(_w("name"))
        m = _HEADING_NAME.match(name.get(VAL, "") if name is not None else "")
        outline = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        if m:
            levels[style.get(_w("styleId"), "")] = int(m.group(1))
        elif outline is not None and outline.get(VAL, "").isdigit() and int(outline.get(VAL)) < 9:
            levels[style.get(_w("styleId"), "")] = int(outline.get(VAL)) + 1
    return levels


class _Runs:
    """Text of one paragraph, split by how Word treats it.

    A plain slotted class: one is made per paragraph (per table cell in a roster), and a
    dataclass's default factories cost more than the paragraph's own walk.
    """

    __slots__ = ("paragraph", "props", "visible", "deleted", "hidden", "boxes", "_styles", "_inherited")

    def __init__(self, paragraph: etree._Element, styles: Styles) -> None:
        self.paragraph = paragraph
        self.props: etree._Element | None = None  # its pPr, met among its children
        self.visible: list[str] = []
        self.deleted: list[str] = []
        self.hidden: dict[str, list[str]] = {}  # why hidden -> text
        self.boxes: list[etree._Element] = []
        self._styles = styles
        self._inherited: dict[str, etree._Element] | None = None

    def inherited(self) -> dict[str, etree._Element]:
        """What its runs get from its style (Styles.inherited): looked up at the first run that may be hidden.

        Where nothing can hide a run (most drafts) it is never needed.
        """
        if self._inherited is None:
            self._inherited = self._styles.inherited(self.paragraph)
        return self._inherited


class BodyWalker:
    """Collect the segments of one part, numbering its paragraphs in order."""

    def __init__(self, part: str, styles: Styles) -> None:
        self.part = part
        self.styles = styles
        self.segments: list[Segment] = []
        self.paragraph = 0
        self.paragraphs: dict[int, etree._Element] = {}  # index -> w:p, for tools that edit the file
        self.comment_anchors: dict[str, int] = {}
        self.revisions: dict[str, int] = {}  # tracked runs by kind (inserted / deleted)
        self._all_shown = False  # nothing in the styles or the container can hide a run

    def walk(self, container: etree._Element | None) -> None:
        """Walk block content (body, cell, header…), one segment per paragraph."""
        self._all_shown = container is not None and not (self.styles.may_hide or may_hide_directly(container))
        self._blocks(container, None, None, self.part)

    def _blocks(self, container, cell, found: list | None, part: str) -> None:
        """Read block children in order: each paragraph a segment of `part`, or a cell's (index, text).

        In a table cell (`found` given) the paragraphs are gathered for the cell's one segment.

        Appending as they are read keeps paragraphs, tables and text boxes in document order
        without a generator to resume at each paragraph (a roster has one per cell).
        """
        for child in () if container is None else container:
            tag = child.tag  # lxml builds the string anew at each access
            if tag == P:
                index, level, text = self._paragraph(child, cell)
                if found is not None:
                    found.append((index, text))
                elif text.strip():
                    self.segments.append(Segment(text, Location(part=part, paragraph=index), heading_level=level))
            elif tag == TBL:
                self._table(child)
            elif tag in _TRANSPARENT or tag in _REVISION:
                self._blocks(child, cell, found, part)

    def _paragraph(self, p, cell) -> tuple[int, int | None, str]:
        self.paragraph += 1
        index = self.paragraph
        self.paragraphs[index] = p
        runs = _Runs(p, self.styles)
        self._inline(p, runs, None, index)
        if runs.deleted or runs.hidden:
            self._concealed(runs, index, cell)
        for box in runs.boxes:
            self._textbox(box)
        return index, self._level(runs.props), "".join(runs.visible)

    def _concealed(self, runs: _Runs, index: int, cell) -> None:
        row, col = cell or (None, None)
        extras = [("tracked-change", runs.deleted, "deleted")]
        extras += [("hidden-text", pieces, why) for why, pieces in runs.hidden.items()]
        for part, pieces, detail in extras:
            text = "".join(pieces)
            if text.strip():
                self.segments.append(Segment(text, Location(
                    part=part, paragraph=index, row=row, col=col, detail=detail)))

    def _inline(self, element, runs: _Runs, revision: str | None, index: int) -> None:
        # Children taken as a list (`element[:]`, built in C): iterating an element makes an
        # iterator object, which costs more than the few children a paragraph or a run has.
        for child in element[:]:
            tag = child.tag
            if tag == R:
                self._run(child, runs, revision)
            elif tag == PPR:
                if element is runs.paragraph and runs.props is None:
                    runs.props = child  # the paragraph's own, as child_named would find it
            elif tag in _REVISION:
                kind = _REVISION[tag]
                self.revisions[kind] = self.revisions.get(kind, 0) + 1
                self._inline(child, runs, kind, index)
            elif tag in _TRANSPARENT:
                self._inline(child, runs, revision, index)
            elif tag in _COMMENT_ANCHORS:
                self.comment_anchors.setdefault(child.get(_w("id"), ""), index)

    def _run(self, run, runs: _Runs, revision: str | None) -> None:
        why = None if self._all_shown else hidden_reason(run, self.styles, runs.paragraph, runs.inherited())
        if revision == "deleted":
            target = runs.deleted
        elif why:
            target = runs.hidden.setdefault(why, [])
        else:
            target = runs.visible
        for child in run[:]:
            tag = child.tag
            fixed = _TEXT_TAGS.get(tag, _OTHER)
            if fixed is None:
                target.append(child.text or "")
            elif fixed is not _OTHER:
                if fixed != "skip":
                    target.append(fixed)
            elif tag == RPR or tag == COMMENT_REFERENCE:
                continue
            else:
                # Drawings and VML shapes may hold text boxes.
                runs.boxes.extend(_textboxes(child))

    def _table(self, tbl) -> None:
        part = "table" if self.part == "body" else self.part
        spans = _SPANS(tbl)  # most tables merge no columns: no cell's properties then need reading
        for row, tr in enumerate(tbl.iterchildren(TR), 1):  # iterchildren filters in C; iterfind parses a path
            col = 0
            for tc in tr.iterchildren(TC):
                col += 1
                start = col
                if spans:
                    col += _grid_span(tc) - 1
                found: list[tuple[int, str]] = []
                self._blocks(tc[:], (row, start), found, part)  # a list: cheaper than an iterator (_inline)
                text = found[0][1] if len(found) == 1 else "\n".join([t for _, t in found])
                # A vertically merged continuation cell repeats nothing; skip it when empty.
                if text.strip():
                    self.segments.append(Segment(text, Location(part, None, found[0][0], row, start)))

    def _textbox(self, box) -> None:
        self._blocks(box, None, None, "textbox")

    def _level(self, props) -> int | None:
        """The heading level of a paragraph with properties `props` (its pPr): its outline level, or its style's."""
        if props is None:
            return None
        outline = child_named(props, OUTLINE)
        if outline is not None and outline.get(VAL, "").isdigit() and int(outline.get(VAL)) < 9:
            return int(outline.get(VAL)) + 1
        style_id = paragraph_style(props)
        return None if style_id is None else self.styles.levels.get(style_id)


def visible_pieces(p, styles: Styles) -> list[tuple[etree._Element, etree._Element, str]]:
    """(run, child, text) of what a reader sees of paragraph `p`, in order, as BodyWalker reads it.

    Deleted revisions, hidden runs and field codes are left out; a tab or break is its one character.
    """
    pieces: list[tuple[etree._Element, etree._Element, str]] = []

    def inline(element, deleted: bool) -> None:
        for child in element:
            if child.tag == R:
                if deleted or hidden_reason(child, styles):
                    continue
                for part in child:
                    fixed = _TEXT_TAGS.get(part.tag, "skip")
                    if fixed != "skip" and part.tag != _w("delText"):
                        pieces.append((child, part, (part.text or "") if fixed is None else fixed))
            elif child.tag in _REVISION:
                inline(child, deleted or _REVISION[child.tag] == "deleted")
            elif child.tag in _TRANSPARENT:
                inline(child, deleted)

    inline(p, False)
    return pieces


def _grid_span(tc) -> int:
    props = child_named(tc, TCPR)
    span = child_named(props, GRID_SPAN) if props is not None else None
    value = span.get(VAL, "1") if span is not None else "1"
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _textboxes(element):
    """Yield the text boxes drawn in `element`.

    mc:Fallback repeats the mc:Choice drawing for older readers, so it is
    skipped; a box nested in a box is found when its parent box is walked.
    """
    for child in element:
        if child.tag == TXBX:
            yield child
        elif child.tag != FALLBACK:
            yield from _textboxes(child)
