"""annotate: a copy of a .docx with each finding as a Word comment on the text it is about.

A finding in the body or a table cell is anchored on its matched text (runs are split
where the match starts and ends); one in a text box, hidden text or a deleted revision
on the body paragraph that holds it; one in a header, footer, footnote, the properties
or the file as a whole on the first paragraph, with where it is in the comment's text
(Word anchors no comments there). Existing comments are kept; ids continue after theirs.
"""

from __future__ import annotations

import datetime
import io
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from linter.config import Config
from linter.engine import located
from linter.extract import extract_bytes, read_input
from linter.extract.ooxml import Package
from linter.model import Finding
from linter.output import atomic_binary
from linter.privacy import Source
from linter.report.words import SEVERITY_WORDS, describe
from linter.review.package import rewritten
from linter.review.places import XML_SPACE, Part, Places, w

AUTHOR, INITIALS = "disclosure-lint", "DL"
DOCUMENT = "word/document.xml"
COMMENTS = "word/comments.xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PKG_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_IN_PLACE = ("body", "table")


@dataclass
class Annotated:
    """What annotate did: comments by severity, and how many sit on their exact text."""

    by_severity: Counter
    on_text: int = 0

    @property
    def total(self) -> int:
        """All comments added."""
        return sum(self.by_severity.values())


def annotate(source: str, target: str, config: Config) -> Annotated:
    """Write `target`: `source` with a comment per finding. Raises ExtractError for a file it cannot read."""
    data = read_input(source, config.max_file_size)
    findings = located(extract_bytes(source, data), config, source)
    done = Annotated(Counter())
    with Package(io.BytesIO(data)) as pkg:
        places = Places.read(pkg)
        body = places.parts[DOCUMENT]
        comments = pkg.xml(COMMENTS)
        new_part = comments is None
        if new_part:
            comments = etree.Element(w("comments"), nsmap={"w": w("")[1:-1]})
        next_id = 1 + max((int(c.get(w("id"))) for c in comments.iterfind(w("comment"))
                           if (c.get(w("id")) or "").lstrip("-").isdigit()), default=-1)
        for finding, where in findings:
            exact = _anchor(places, body, finding, where, str(next_id))
            comments.append(_comment(next_id, finding, exact))
            done.by_severity[finding.severity] += 1
            done.on_text += exact
            next_id += 1
        replaced = {DOCUMENT: body.root, COMMENTS: comments}
        if new_part:
            replaced[_RELS] = _with_relationship(pkg.xml(_RELS))
            replaced[_TYPES] = _with_content_type(pkg.xml(_TYPES))
        copy = rewritten(pkg, data, replaced)
    with atomic_binary(target) as out:
        out.write(copy)
    return done


def _anchor(places: Places, body: Part, finding: Finding, where: Source | None, cid: str) -> bool:
    """Anchor comment `cid`; True when it sits on the matched text itself."""
    in_body = [paragraphs for part, paragraphs in (places.of(where.segment) if where else []) if part is body]
    if in_body and finding.location.part in _IN_PLACE:
        runs = places.runs(in_body[0], where.start, where.end)
        if runs:
            _range(runs[0], runs[-1], cid)
            return True
    if in_body:  # a text box, hidden text, a deleted revision: the body paragraph that holds it
        _around(_outer(in_body[0][0]), cid)
        return False
    _around(_first_paragraph(body.root), cid)
    return False


def _range(first: etree._Element, last: etree._Element, cid: str) -> None:
    first.addprevious(etree.Element(w("commentRangeStart"), {w("id"): cid}))
    end = etree.Element(w("commentRangeEnd"), {w("id"): cid})
    last.addnext(end)
    end.addnext(_reference(cid))


def _around(p: etree._Element, cid: str) -> None:
    props = p.find(w("pPr"))
    start = etree.Element(w("commentRangeStart"), {w("id"): cid})
    if props is not None:
        props.addnext(start)
    else:
        p.insert(0, start)
    p.append(etree.Element(w("commentRangeEnd"), {w("id"): cid}))
    p.append(_reference(cid))


def _reference(cid: str) -> etree._Element:
    run = etree.Element(w("r"))
    etree.SubElement(etree.SubElement(run, w("rPr")), w("rStyle"), {w("val"): "CommentReference"})
    etree.SubElement(run, w("commentReference"), {w("id"): cid})
    return run


def _outer(p: etree._Element) -> etree._Element:
    """The paragraph of the body or a cell that holds `p` (a text box's paragraph sits inside one)."""
    outer, node = p, p.getparent()
    while node is not None:
        if node.tag == w("p"):
            outer = node
        node = node.getparent()
    return outer


def _first_paragraph(root: etree._Element) -> etree._Element:
    body = root.find(w("body"))
    p = next(body.iter(w("p")), None)
    if p is None:  # an empty body: give the comments a paragraph to stand on
        p = etree.Element(w("p"))
        body.insert(0, p)
    return _outer(p)


def _comment(cid: int, finding: Finding, exact: bool) -> etree._Element:
    comment = etree.Element(w("comment"), {w("id"): str(cid), w("author"): AUTHOR, w("initials"): INITIALS,
                                           w("date"): _now()})
    where = "" if exact else f"［{describe(finding.location)}］"
    match = f"“{finding.match}”" if finding.match and finding.match not in finding.message else ""
    for line in (f"{SEVERITY_WORDS[finding.severity]}{where}：{match}{finding.message}", f"（{finding.check}）"):
        p = etree.SubElement(comment, w("p"))
        t = etree.SubElement(etree.SubElement(p, w("r")), w("t"))
        t.text = line
        t.set(XML_SPACE, "preserve")
    return comment


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _with_relationship(rels: etree._Element | None) -> etree._Element:
    rels = rels if rels is not None else etree.Element(f"{{{_PKG_RELS}}}Relationships", nsmap={None: _PKG_RELS})
    taken = {r.get("Id") for r in rels}
    rid = next(f"rIdDL{n}" for n in range(1, 10_000) if f"rIdDL{n}" not in taken)
    etree.SubElement(rels, f"{{{_PKG_RELS}}}Relationship", Id=rid, Type=_COMMENTS_REL, Target="comments.xml")
    return rels


def _with_content_type(types: etree._Element) -> etree._Element:
    etree.SubElement(types, f"{{{_PKG_TYPES}}}Override", PartName="/" + COMMENTS, ContentType=_COMMENTS_TYPE)
    return types
