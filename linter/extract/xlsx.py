"""Excel .xlsx: every sheet's cells, and everything Excel keeps out of sight.

Each worksheet is a table (its first row of several cells names the columns), so the
column-aware checks read a roster in Excel as they read it in Word. Hidden and
very-hidden sheets, hidden rows and columns and cells whose format shows nothing are
read like the rest, and also listed in `concealed` so they are reported as hidden.
Comments (old notes and threaded comments), print headers and footers, text boxes,
the strings of formulas, dropdown lists and input messages of data validation, where
links lead and document properties are read; pivot caches, external links, macros and embedded files
are named as not checked.
"""

from __future__ import annotations

import posixpath

from linter.extract.errors import ExtractError
from linter.extract.links import relationship_targets
from linter.extract.ooxml import Package, opened, properties
from linter.extract.sheets import SheetContent, SheetRef, cell_segments, hidden_segments
from linter.extract.xlsx_scan import shared_strings
from linter.extract.xlsx_sheet import S, parse_ref, read_sheet, rich_text
from linter.extract.xlsx_styles import CellStyles
from linter.model import Document, Location, Segment

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TC = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
# Parts that hold data but are not read as text: named so the reviewer knows.
_NOT_READ = {
    "xl/pivotCache/pivotCacheRecords": "数据透视表缓存（可能保留源数据）",
    "xl/externalLinks/": "外部链接的缓存值",
    "xl/vbaProject.bin": "宏代码",
    "xl/embeddings/": "嵌入对象",
    "xl/chartsheets/": "图表工作表",
}


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an .xlsx file's bytes into a Document."""
    with opened(data) as pkg:
        book = pkg.xml("xl/workbook.xml")
        if book is None:
            raise ExtractError("不是 Excel 工作簿（缺少 xl/workbook.xml）(not an .xlsx)")
        date1904 = any(p.get("date1904") in ("1", "true") for p in book.iterfind(f"{{{S}}}workbookPr"))
        styles = CellStyles.parse(pkg.xml("xl/styles.xml"), date1904)
        strings = _shared_strings(pkg)
        segments: list[Segment] = []
        concealed: list[Segment] = []
        damaged: list[str] = []
        for sheet in _sheets(pkg, book):
            raw = pkg.read(sheet.part)
            if raw is None:
                damaged.append(f"缺少工作表“{sheet.name}”的部件 {sheet.part}，其中的单元格未读出")
                continue
            content = read_sheet(raw, strings, styles)
            segments += cell_segments(sheet, content)
            concealed += hidden_segments(sheet, content)
            segments += _sheet_extras(pkg, sheet, content)
        metadata = properties(pkg)
        attachments = _not_read(pkg)
    segments += [Segment(value, Location(part="metadata", detail=key)) for key, value in metadata.items()]
    return Document(path=path, format="xlsx", segments=tuple(segments), metadata=metadata,
                    concealed=tuple(concealed), attachments=attachments, damaged=tuple(damaged))


def _sheets(pkg: Package, book) -> list[SheetRef]:
    targets = _relations(pkg, "xl/workbook.xml")
    sheets = []
    for element in book.iterfind(f"{{{S}}}sheets/{{{S}}}sheet"):
        target = targets.get(element.get(f"{{{_R}}}id", ""))
        if target and target[0] == "worksheet":
            sheets.append(SheetRef(element.get("name", ""), element.get("state", "visible"), target[1]))
    return sheets


def _relations(pkg: Package, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type's last word, target part name)."""
    folder, name = posixpath.split(part)
    rels = pkg.xml(f"{folder}/_rels/{name}.rels")
    found = {}
    for rel in () if rels is None else rels.iterfind(f"{{{_PKG_R}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], posixpath.normpath(target))
    return found


def _shared_strings(pkg: Package) -> list[str]:
    data = pkg.read("xl/sharedStrings.xml")
    if data is None:
        return []
    scanned = shared_strings(data)
    if scanned is not None:
        return scanned
    root = pkg.xml("xl/sharedStrings.xml")
    return [rich_text(si) for si in root.iterfind(f"{{{S}}}si")]


def _sheet_extras(pkg: Package, sheet: SheetRef, content: SheetContent) -> list[Segment]:
    """Comments, print headers and footers, formulas, validation lists, links and text boxes of one sheet."""
    segments = [Segment(text, Location(part=kind, sheet=sheet.name)) for kind, text in content.headers]
    segments += [Segment(formula, Location(part="metadata", row=row, col=col, sheet=sheet.name, detail="formula"))
                 for row, col, formula in content.formulas]
    segments += [Segment(text, Location(part="metadata", row=row, col=col, sheet=sheet.name, detail="validation"))
                 for row, col, text in content.validations]
    segments += _link_targets(pkg, sheet)
    related = _relations(pkg, sheet.part)
    threaded = [target for kind, target in related.values() if kind == "threadedComment"]
    for kind, target in related.values():
        if kind == "comments" and not threaded:  # Excel writes threaded comments twice; read them once
            segments += _notes(pkg, target, sheet)
        elif kind == "threadedComment":
            segments += _threaded(pkg, target, sheet)
        elif kind == "drawing":
            segments += _text_boxes(pkg, target, sheet)
    return segments


def _link_targets(pkg: Package, sheet: SheetRef) -> list[Segment]:
    """What the sheet's hyperlinks lead to (linter.extract.links): a cell shows only its text."""
    folder, name = posixpath.split(sheet.part)
    return [Segment(target, Location(part="metadata", sheet=sheet.name, detail="link"))
            for target in relationship_targets(pkg.xml(f"{folder}/_rels/{name}.rels"))]


def _notes(pkg: Package, part: str, sheet: SheetRef) -> list[Segment]:
    root = pkg.xml(part)
    if root is None:
        return []
    authors = [a.text or "" for a in root.iterfind(f"{{{S}}}authors/{{{S}}}author")]
    segments = []
    for note in root.iterfind(f"{{{S}}}commentList/{{{S}}}comment"):
        text = rich_text(note.find(f"{{{S}}}text")).strip()
        if text:
            index = int(note.get("authorId", "-1"))
            author = authors[index] if 0 <= index < len(authors) else None
            segments.append(Segment(text, _at(note.get("ref", ""), sheet, author)))
    return segments


def _threaded(pkg: Package, part: str, sheet: SheetRef) -> list[Segment]:
    root = pkg.xml(part)
    people = _persons(pkg)
    segments = []
    for comment in () if root is None else root.iterfind(f"{{{_TC}}}threadedComment"):
        text = (comment.findtext(f"{{{_TC}}}text") or "").strip()
        if text:
            author = people.get(comment.get("personId", ""))
            segments.append(Segment(text, _at(comment.get("ref", ""), sheet, author)))
    return segments


def _persons(pkg: Package) -> dict[str, str]:
    for name in pkg.names:
        if name.startswith("xl/persons/") and name.endswith(".xml"):
            root = pkg.xml(name)
            return {p.get("id", ""): p.get("displayName", "") for p in root.iterfind(f"{{{_TC}}}person")}
    return {}


def _at(ref: str, sheet: SheetRef, author: str | None) -> Location:
    row, col = parse_ref(ref)
    return Location(part="comment", row=row, col=col, sheet=sheet.name, detail=author or None)


def _text_boxes(pkg: Package, part: str, sheet: SheetRef) -> list[Segment]:
    root = pkg.xml(part)
    segments = []
    for body in () if root is None else root.iter(f"{{{_A}}}txBody", "{*}txBody"):
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{{{_A}}}t")) for p in body.iter(f"{{{_A}}}p")]
        text = "\n".join(p for p in paragraphs if p.strip())
        if text:
            segments.append(Segment(text, Location(part="textbox", sheet=sheet.name)))
    return segments


def _not_read(pkg: Package) -> tuple[str, ...]:
    found = []
    for prefix, what in _NOT_READ.items():
        parts = [n for n in pkg.names if n.startswith(prefix) and not n.endswith("/") and "/_rels/" not in n]
        if parts:
            found.append(f"{what}：{'、'.join(_named(pkg, p) for p in parts[:3])}"
                         + (f" 等 {len(parts)} 个" if len(parts) > 3 else ""))
    return tuple(found)


def _named(pkg: Package, part: str) -> str:
    """A part by its file name, with the file it wraps if it is a Package object (its name and original path)."""
    if not (part.endswith(".bin") and "/embeddings/" in part):
        return posixpath.basename(part)
    from linter.extract.ole import embedded_file  # olefile: imported for the few files that embed an object

    wrapped = embedded_file(pkg.read(part) or b"")
    return f"{posixpath.basename(part)}（{wrapped}）" if wrapped else posixpath.basename(part)

