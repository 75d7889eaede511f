"""Word 2003 XML (WordprocessingML 2003): what systems fill from a template and hand out as .doc.

One XML file, not a package: properties, styles, the body in sections (wx:sect), headers and
footers in each section's properties, footnotes inside their runs, comments and tracked
changes as aml:annotation. Its elements are those of .docx under another namespace: read in
that one, the body is walked by the .docx walker (docx_walk), so hidden runs, tracked changes,
tables and text boxes are read exactly as in a .docx.
"""

from __future__ import annotations

from lxml import etree

from linter.extract.docx_style import Styles
from linter.extract.docx_walk import BodyWalker, P, W, heading_levels
from linter.extract.errors import ExtractError
from linter.extract.ooxml import parse
from linter.model import Document, Location, Segment

_W2003 = b"http://schemas.microsoft.com/office/word/2003/wordml"
_WX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_AML = "{http://schemas.microsoft.com/aml/2001/core}"
_O = "{urn:schemas-microsoft-com:office:office}"
_TYPE = f"{{{W}}}type"
_REVISIONS = {"Word.Insertion": "ins", "Word.Deletion": "del"}
# Properties as the other readers name them (privacy.PERSON_PROPERTIES knows the people among them).
_PROPERTIES = {"Author": "Author", "LastAuthor": "LastAuthor", "Title": "title", "Subject": "subject",
               "Keywords": "keywords", "Description": "description", "Company": "Company", "Manager": "Manager",
               "Category": "category"}


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read a Word 2003 XML file's bytes into a Document."""
    root = parse("Word 2003 XML", data.replace(_W2003, W.encode()))
    if root.tag != f"{{{W}}}wordDocument":
        raise ExtractError("不是 Word 2003 XML 文档（缺少 w:wordDocument）(not Word XML)")
    _unwrap_sections(root)
    _mark_revisions(root)
    style_root = root.find(f"{{{W}}}styles")
    styles = Styles.parse(style_root, heading_levels(style_root))
    body = root.find(f"{{{W}}}body")
    walker = BodyWalker("body", styles)
    walker.walk(body)
    segments = list(walker.segments)
    for part, tags in (("header", ("hdr",)), ("footer", ("ftr",)), ("footnote", ("footnote", "endnote"))):
        for element in () if body is None else body.iter(*(f"{{{W}}}{t}" for t in tags)):
            notes = BodyWalker(part, styles)
            notes.walk(element)
            segments += notes.segments
    segments += _comments(body, styles, walker)
    metadata = _properties(root)
    segments += [Segment(value, Location(part="metadata", detail=key)) for key, value in metadata.items()]
    return Document(path=path, format="wordml", segments=tuple(segments), metadata=metadata,
                    revisions=walker.revisions)


def _unwrap_sections(root) -> None:
    """Sections and sub-sections hold the body's paragraphs: stand their children in their place."""
    for section in reversed(list(root.iter(f"{_WX}sect", f"{_WX}sub-section"))):
        parent = section.getparent()
        index = parent.index(section)
        parent[index:index + 1] = list(section)


def _mark_revisions(root) -> None:
    """An insertion or deletion (aml:annotation) as the w:ins or w:del .docx writes, holding its runs."""
    for annotation in list(root.iter(f"{_AML}annotation")):
        kind = _REVISIONS.get(annotation.get(_TYPE, ""))
        content = annotation.find(f"{_AML}content")
        if kind is None or content is None:
            continue
        revision = etree.Element(f"{{{W}}}{kind}")
        revision.extend(list(content))
        annotation.getparent().replace(annotation, revision)


def _comments(body, styles: Styles, walker: BodyWalker) -> list[Segment]:
    """Each comment (aml:annotation of type Word.Comment) with its author, at the paragraph it is in."""
    index = {element: k for k, element in walker.paragraphs.items()}
    segments: list[Segment] = []
    for annotation in () if body is None else body.iter(f"{_AML}annotation"):
        if annotation.get(_TYPE) != "Word.Comment":
            continue
        notes = BodyWalker("comment", styles)
        notes.walk(annotation.find(f"{_AML}content"))
        text = "\n".join(s.text for s in notes.segments if s.location.part == "comment")
        if text.strip():
            anchor = next(annotation.iterancestors(P), None)
            author = annotation.get(f"{_AML}author") or None
            segments.append(Segment(text, Location(part="comment", paragraph=index.get(anchor), detail=author)))
        segments += [s for s in notes.segments if s.location.part != "comment"]
    return segments


def _properties(root) -> dict[str, str]:
    """The document's properties (o:DocumentProperties) and custom properties that hold text."""
    found: dict[str, str] = {}
    props = root.find(f"{_O}DocumentProperties")
    for element in () if props is None else props:
        key = _PROPERTIES.get(etree.QName(element).localname) if isinstance(element.tag, str) else None
        if key and (element.text or "").strip():
            found[key] = element.text.strip()
    custom = root.find(f"{_O}CustomDocumentProperties")
    for element in () if custom is None else custom:
        if isinstance(element.tag, str) and (element.text or "").strip():
            found[f"custom:{etree.QName(element).localname}"] = element.text.strip()
    return found
