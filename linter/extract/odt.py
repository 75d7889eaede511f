"""OpenDocument text (.odt): every part LibreOffice or WPS may save a draft with.

Body, tables, headers and footers, comments, notes, tracked changes, hidden text and
sections, text boxes and properties.

content.xml holds the body and, at its top, the text of tracked deletions; styles.xml the
headers and footers of its page styles; meta.xml the properties. Text is hidden by a
character or paragraph style with text:display="none", by a hidden paragraph or text
field, or by a section whose display is none: all read, and reported as hidden.
"""

from __future__ import annotations

from linter.extract.errors import EncryptedError, ExtractError
from linter.extract.links import personal_part
from linter.extract.ooxml import opened
from linter.model import Document, Location, Segment

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}
OFFICE, TEXT, TABLE, STYLE, DRAW, DC, META = (f"{{{uri}}}" for uri in _NS.values())
_PARAGRAPHS = (f"{TEXT}p", f"{TEXT}h")
_MARKERS = frozenset({"bookmark", "bookmark-start", "bookmark-end", "change", "change-end", "soft-page-break",
                      "reference-mark", "reference-mark-start", "reference-mark-end", "alphabetical-index-mark"})
_MAX_REPEAT = 1000  # a repeated empty column or row may claim 16,384 copies
_META_KEYS = {f"{META}initial-creator": "creator", f"{DC}creator": "lastModifiedBy", f"{DC}title": "title",
              f"{DC}subject": "subject", f"{META}keyword": "keywords", f"{DC}description": "description"}
_HEADERS = {"header": "header", "header-left": "header", "header-first": "header",
            "footer": "footer", "footer-left": "footer", "footer-first": "footer"}


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an .odt file's bytes into a Document."""
    with opened(data) as pkg:
        if b"encryption-data" in (pkg.read("META-INF/manifest.xml") or b""):
            raise EncryptedError()  # the parts are ciphertext: read, they would look damaged
        content = pkg.xml("content.xml")
        if content is None:
            raise ExtractError("不是 ODF 文本文档（缺少 content.xml）(not an .odt)")
        styles = pkg.xml("styles.xml")
        hidden = _hidden_styles(content) | _hidden_styles(styles)
        reader = _Reader(hidden)
        body = content.find(f"{OFFICE}body/{OFFICE}text")
        if body is not None:
            reader.walk(body)
        if styles is not None:
            for page in styles.iter(f"{STYLE}master-page"):
                for child in page:
                    kind = _HEADERS.get(child.tag.rsplit("}", 1)[-1]) if isinstance(child.tag, str) else None
                    if kind:
                        _Reader(hidden, part=kind).walk(child, into=reader.segments)
        links = _link_targets(content, styles)
        metadata = _properties(pkg.xml("meta.xml"))
        attachments = tuple(n for n in pkg.names if n.startswith("Object ") and n.endswith("/content.xml"))
    segments = reader.segments + links
    segments += [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    return Document(path=path, format="odt", segments=tuple(segments), metadata=metadata,
                    revisions=reader.revisions, attachments=attachments)


_HREF = "{http://www.w3.org/1999/xlink}href"


def _link_targets(*roots) -> list[Segment]:
    """What the document's links lead to (linter.extract.links): a reader sees only the linked text."""
    found = []
    for root in roots:
        for link in () if root is None else root.iter(f"{TEXT}a"):
            personal = personal_part(link.get(_HREF) or "")
            if personal:
                found.append(Segment(personal, Location(part="metadata", detail="link")))
    return found


def _hidden_styles(root) -> set[str]:
    """Names of styles whose text is not displayed."""
    if root is None:
        return set()
    return {style.get(f"{STYLE}name", "") for style in root.iter(f"{STYLE}style")
            if any(p.get(f"{TEXT}display") == "none" for p in style.iter(f"{STYLE}text-properties"))}


class _Reader:
    """Walks one part's paragraphs, tables and frames into segments."""

    def __init__(self, hidden: set[str], part: str = "body") -> None:
        self.hidden = hidden
        self.part = part
        self.segments: list[Segment] = []
        self.revisions: dict[str, int] = {}
        self.paragraph = 0

    def walk(self, element, hidden: bool = False, cell: tuple[int, int] | None = None, into=None) -> None:
        """Read the block elements under `element` (appending to `into`, else to this reader)."""
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _PARAGRAPHS:
                self._paragraph(child, hidden, cell)
            elif tag == f"{TABLE}table" and cell is None:
                self._table(child, hidden)
            elif tag == f"{TEXT}tracked-changes":
                self._changes(child)
            elif tag == f"{TEXT}section":
                self.walk(child, hidden or child.get(f"{TEXT}display") == "none", cell)
            elif tag and not tag.startswith(OFFICE + "annotation"):
                self.walk(child, hidden, cell)  # lists, list items, nested tables in a cell
        if into is not None:
            into.extend(self.segments)

    def _paragraph(self, element, hidden: bool, cell: tuple[int, int] | None) -> None:
        self.paragraph += 1
        shown: list[str] = []
        concealed: list[str] = []
        self._inline(element, hidden or element.get(f"{TEXT}style-name") in self.hidden, shown, concealed)
        location = self._location(cell)
        text = "".join(shown).strip()
        if text:
            heading = int(element.get(f"{TEXT}outline-level", "1") or 1) if element.tag == f"{TEXT}h" else None
            self.segments.append(Segment(text, location, heading_level=heading))
        text = "".join(concealed).strip()
        if text:
            self.segments.append(Segment(text, location._replace(part="hidden-text", detail="vanish")))

    def _inline(self, element, hidden: bool, shown: list[str], concealed: list[str]) -> None:
        """A paragraph's or span's text, hidden spans into `concealed`; notes, comments and frames apart."""
        target = concealed if hidden else shown
        target.append(element.text or "")
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == f"{TEXT}s":
                count = child.get(f"{TEXT}c", "1")
                target.append(" " * min(int(count) if count.isdigit() else 1, 100))
            elif tag in (f"{TEXT}tab", f"{TEXT}line-break"):
                target.append(" " if tag == f"{TEXT}tab" else "\n")
            elif tag == f"{OFFICE}annotation":
                self._annotation(child)
            elif tag == f"{TEXT}note":
                self._note(child)
            elif tag == f"{DRAW}frame":
                self._frame(child)
            elif tag in (f"{TEXT}hidden-text", f"{TEXT}hidden-paragraph"):
                if child.get(f"{TEXT}is-hidden") != "false":
                    concealed.append(child.get(f"{TEXT}string-value") or child.text or "")
            elif tag == f"{TEXT}change-start":
                self.revisions["inserted"] = self.revisions.get("inserted", 0) + 1
            elif tag.startswith(TEXT) and tag.rsplit("}", 1)[-1] not in _MARKERS:
                self._inline(child, hidden or child.get(f"{TEXT}style-name") in self.hidden, shown, concealed)
            target.append(child.tail or "")

    def _table(self, element, hidden: bool) -> None:
        row = 0
        for table_row in _rows(element):
            rows = _repeat(table_row, f"{TABLE}number-rows-repeated")
            for _ in range(rows):
                row += 1
                col = 0
                for cell in table_row:
                    if cell.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                        continue
                    cols = _repeat(cell, f"{TABLE}number-columns-repeated")
                    for _ in range(cols):
                        col += 1
                        self._cell(cell, hidden, (row, col))
                    col += _count(cell, f"{TABLE}number-columns-repeated") - cols
            row += _count(table_row, f"{TABLE}number-rows-repeated") - rows

    def _cell(self, cell, hidden: bool, where: tuple[int, int]) -> None:
        """A cell's paragraphs as one segment (a nested table's text among them), hidden text apart."""
        start = len(self.segments)
        self.walk(cell, hidden, where)
        read = self.segments[start:]
        shown = [s for s in read if s.location.part == "table"]
        if len(shown) > 1:
            merged = Segment("\n".join(s.text for s in shown), shown[0].location)
            self.segments[start:] = [merged, *(s for s in read if s.location.part != "table")]

    def _changes(self, element) -> None:
        for region in element.iter(f"{TEXT}changed-region"):
            for deletion in region.iter(f"{TEXT}deletion"):
                self.revisions["deleted"] = self.revisions.get("deleted", 0) + 1
                text = "\n".join("".join(p.itertext()) for p in deletion.iter(*_PARAGRAPHS)).strip()
                if text:
                    self.segments.append(Segment(text, Location(part="tracked-change", detail="deleted")))

    def _annotation(self, element) -> None:
        author = (element.findtext(f"{DC}creator") or "").strip() or None
        text = "\n".join("".join(p.itertext()) for p in element.iter(*_PARAGRAPHS)).strip()
        if text:
            self.segments.append(Segment(text, Location(part="comment", paragraph=self.paragraph, detail=author)))

    def _note(self, element) -> None:
        body = element.find(f"{TEXT}note-body")
        text = "" if body is None else "\n".join("".join(p.itertext()) for p in body.iter(*_PARAGRAPHS)).strip()
        if text:
            self.segments.append(Segment(text, Location(part="footnote", paragraph=self.paragraph)))

    def _frame(self, element) -> None:
        for box in element.iter(f"{DRAW}text-box"):
            text = "\n".join("".join(p.itertext()) for p in box.iter(*_PARAGRAPHS)).strip()
            if text:
                self.segments.append(Segment(text, Location(part="textbox", paragraph=self.paragraph)))

    def _location(self, cell: tuple[int, int] | None) -> Location:
        if self.part != "body":
            return Location(part=self.part)
        if cell is not None:
            return Location(part="table", paragraph=self.paragraph, row=cell[0], col=cell[1])
        return Location(paragraph=self.paragraph)


def _rows(table):
    """The table's own rows (in header-rows and row-groups too), not those of a table nested in a cell."""
    for child in table:
        if child.tag == f"{TABLE}table-row":
            yield child
        elif isinstance(child.tag, str) and child.tag.startswith(TABLE) and child.tag != f"{TABLE}table-column":
            yield from _rows(child)


def _count(element, attribute: str) -> int:
    value = element.get(attribute, "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _repeat(element, attribute: str) -> int:
    """How many copies to read: all of a repeated cell holding text (bounded), one of an empty one."""
    has_text = any(t.strip() for t in element.itertext())
    return min(_count(element, attribute), _MAX_REPEAT) if has_text else 1


def _properties(root) -> dict[str, str]:
    found: dict[str, str] = {}
    meta = None if root is None else root.find(f"{OFFICE}meta")
    for element in () if meta is None else meta:
        key = _META_KEYS.get(element.tag) if isinstance(element.tag, str) else None
        value = (element.text or "").strip()
        if key and value:
            found[key] = value
        elif element.tag == f"{META}user-defined" and value and element.get(f"{META}name"):
            found[f"custom:{element.get(f'{META}name')}"] = value
    return found
