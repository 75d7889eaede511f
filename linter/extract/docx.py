"""Word .docx: every part a reader of the file can recover, read from the XML.

The package XML is walked directly with lxml (python-docx's object walk is
several times slower and has no API for tracked changes, hidden runs, text
boxes or comments). Body paragraphs and table cells come in document order;
headers, footers, footnotes, endnotes, comments and properties follow.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from lxml import etree

from linter import lazy
from linter.extract.docx_style import Styles
from linter.extract.docx_walk import BodyWalker, W, heading_levels
from linter.extract.errors import ExtractError
from linter.extract.links import relationship_targets
from linter.extract.ooxml import Package, opened, properties
from linter.model import Document, Location, Segment

_NOTES = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "footnote"))
_HEADER = lazy.re_pattern(r"^word/(header|footer)(\d*)\.xml$")
_EMBEDDED = ("word/embeddings/", "word/activeX/")
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "word/_rels/document.xml.rels"
_TEXT_PARTS = {"header", "footer", "footnotes", "endnotes", "comments"}


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read a .docx file's bytes into a Document."""
    with opened(data) as pkg:
        body = pkg.xml("word/document.xml")
        if body is None:
            raise ExtractError("不是 Word 文档（缺少 word/document.xml）(not a .docx)")
        styles = styles_of(pkg)
        walked = list(walked_parts(pkg, styles, body))
        walker = walked[0][2]  # the body's: comment anchors and revisions are counted there
        segments = [segment for _, _, part in walked for segment in part.segments]
        segments += _comments(pkg, styles, walker.comment_anchors)
        segments += [code for _, root, part in walked for code in _field_codes(root, part)]
        segments += [text for _, root, _ in walked for text in _alt_texts(root)]
        rels = pkg.xml(_RELS)  # the body's relationships: read once for the three that need them
        segments += _link_targets(pkg, rels)
        chunks, unread = _alt_chunks(pkg, body, rels)
        segments += chunks
        damaged = _missing_parts(pkg, body, rels) + unread
        metadata = _properties(pkg)
        attachments = tuple(_embedded(pkg, n) for n in pkg.names if n.startswith(_EMBEDDED) and not n.endswith("/"))
    segments += [Segment(value, Location(part="metadata", detail=key))
                 for key, value in metadata.items()]
    warnings = (_IMPORTED,) if chunks else ()
    return Document(path=path, format="docx", segments=tuple(segments), metadata=metadata,
                    revisions=walker.revisions, attachments=attachments, damaged=damaged, warnings=warnings)


def styles_of(pkg: Package) -> Styles:
    """The package's styles (heading levels, hidden and coloured styles), parsed once per styles.xml."""
    # styles.xml is often the largest part and the same in every draft made from one
    # template; its CRC from the zip directory lets a batch parse it once.
    key = pkg.fingerprint("word/styles.xml")
    if key is None:
        return Styles()
    if key not in _STYLES_CACHE:
        if len(_STYLES_CACHE) >= 64:
            _STYLES_CACHE.clear()
        root = pkg.xml("word/styles.xml")
        _STYLES_CACHE[key] = Styles.parse(root, heading_levels(root))
    return _STYLES_CACHE[key]


_STYLES_CACHE: dict[tuple[int, int], Styles] = {}


def _embedded(pkg: Package, name: str) -> str:
    """An embedded part, and the file it wraps if it is a Package (its name and original path)."""
    if not name.endswith(".bin"):
        return name
    from linter.extract.ole import embedded_file  # olefile: imported for the few files that embed an object

    wrapped = embedded_file(pkg.read(name) or b"")
    return f"{name}（{wrapped}）" if wrapped else name


def walked_parts(pkg: Package, styles: Styles, body) -> Iterator[tuple[str, etree._Element, BodyWalker]]:
    """The body, then headers and footers, then notes: each part's name, root and the walker that read it.

    Tools that edit the file (annotate, redact) walk the parts here too, so they see the
    paragraphs the checks saw.
    """
    walker = BodyWalker("body", styles)
    walker.walk(body.find(f"{{{W}}}body"))
    yield "word/document.xml", body, walker
    parts = sorted((m.group(1), int(m.group(2) or 0), name)
                   for name in pkg.names if (m := _HEADER.match(name)))
    for kind, _, name in parts:
        root = pkg.xml(name)
        if root is not None:
            walker = BodyWalker(kind, styles)
            walker.walk(root)
            yield name, root, walker
    for name, part in _NOTES:
        root = pkg.xml(name)
        if root is None:
            continue
        walker = BodyWalker(part, styles)
        for note in root:
            # Separator "notes" hold only the rule Word draws above the notes.
            if note.get(f"{{{W}}}type") in (None, "normal"):
                walker.walk(note)
        yield name, root, walker


_INSTR, _FIELD, _P = f"{{{W}}}instrText", f"{{{W}}}fldSimple", f"{{{W}}}p"


def _field_codes(root, walker: BodyWalker) -> list[Segment]:
    """Each paragraph's field instructions: in the file, never on the page.

    A HYPERLINK "mailto:…" or an INCLUDETEXT of a file on a server shows only its display text;
    Word often splits an instruction over several runs, so a paragraph's pieces are joined.
    """
    found: dict = {}
    for element in root.iter(_INSTR, _FIELD):
        piece = element.text if element.tag == _INSTR else element.get(f"{{{W}}}instr")
        paragraph = next(element.iterancestors(_P), None)
        found.setdefault(paragraph, []).append(piece or "")
    index = {p: k for k, p in walker.paragraphs.items()}
    part = "metadata" if walker.part in ("body", "comment") else walker.part
    return [Segment("".join(pieces), Location(part=part, paragraph=index.get(p), detail="field-code"))
            for p, pieces in found.items() if "".join(pieces).strip()]


_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _alt_texts(root) -> list[Segment]:
    """The alternative text of each picture and shape (its title and description): never on the page."""
    texts = []
    for element in root.iter(_DOC_PR):
        for name in ("title", "descr"):
            value = (element.get(name) or "").strip()
            if value:
                texts.append(Segment(value, Location(part="metadata", detail="alt")))
    return texts


def _link_targets(pkg: Package, rels) -> list[Segment]:
    """What the document's hyperlinks lead to (linter.extract.links), from every part's relationships.

    `rels` is the body's relationships part, already parsed (None: the package has none).
    """
    names = sorted(n for n in pkg.names if n.startswith("word/_rels/") and n.endswith(".rels"))
    return [Segment(target, Location(part="metadata", detail="link"))
            for name in names for target in relationship_targets(rels if name == _RELS else pkg.xml(name))]


_ALT_CHUNK = f"{{{W}}}altChunk"
_IMPORTED = "正文导入了整个文件的内容（altChunk，如网页），已读出；其中问题的位置按所导入文件的行号或段落给出"


def _alt_chunks(pkg: Package, body, rels) -> tuple[list[Segment], tuple[str, ...]]:
    """The content Word shows where the body imports a whole file (w:altChunk): a web page, an MHT, a .docx, RTF.

    Systems that turn HTML into Word (docx4j, the Open XML SDK) write nothing else: the body
    is empty but for these. Each is read by its own reader; one that cannot be read is said.
    """
    from linter.extract import extract_bytes

    refs = [chunk.get(f"{{{_R}}}id") for chunk in body.iter(_ALT_CHUNK)]
    if not refs:
        return [], ()
    targets = {rel.get("Id"): rel.get("Target", "") for rel in ([] if rels is None else rels)}
    segments, unread = [], []
    for ref in refs:
        target = targets.get(ref, "")
        name = posixpath.normpath(target.lstrip("/") if target.startswith("/") else f"word/{target}")
        data = pkg.read(name) if target else None
        try:
            if data is None:
                raise ExtractError("缺少该部件 (missing part)")
            segments += extract_bytes(name, data).segments
        except ExtractError as exc:
            unread.append(f"正文导入的内容 {name or ref} 未能读出（{exc}）")
    return segments, tuple(unread)


def _comments(pkg: Package, styles: Styles, anchors: dict[str, int]) -> list[Segment]:
    root = pkg.xml("word/comments.xml")
    if root is None:
        return []
    segments: list[Segment] = []
    for comment in root.iterfind(f"{{{W}}}comment"):
        walker = BodyWalker("comment", styles)
        walker.walk(comment)
        text = "\n".join(s.text for s in walker.segments if s.location.part == "comment")
        if text.strip():
            author = comment.get(f"{{{W}}}author") or None
            paragraph = anchors.get(comment.get(f"{{{W}}}id", ""))
            segments.append(Segment(text, Location(part="comment", paragraph=paragraph, detail=author)))
        segments += [s for s in walker.segments if s.location.part != "comment"]
    return segments


def _missing_parts(pkg: Package, body, rels) -> tuple[str, ...]:
    """Parts holding text that the document refers to but the package lacks (a damaged zip).

    Headers, notes and comments are read by name, so a part that is gone would pass
    unnoticed: its text was never checked. `rels`: the body's relationships part, parsed.
    """
    if rels is None:
        refers = any(k.startswith(f"{{{_R}}}") for element in body.iter() for k in element.attrib)
        return (f"缺少关系部件 {_RELS}，页眉、页脚、脚注或批注可能未读出",) if refers else ()
    missing = []
    for rel in rels:
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind in _TEXT_PARTS and rel.get("TargetMode") != "External":
            name = posixpath.normpath(target.lstrip("/") if target.startswith("/") else f"word/{target}")
            if name not in pkg.names:
                missing.append(name)
    return (f"缺少{'、'.join(missing)}，其中的文字未读出",) if missing else ()


def _properties(pkg: Package) -> dict[str, str]:
    found = properties(pkg)
    people = pkg.xml("word/people.xml")
    reviewers = [p.get(f"{{{W15}}}author", "") for p in ([] if people is None else people)]
    if any(reviewers):
        found["people"] = "、".join(r for r in reviewers if r)
    return found
