"""OFD (GB/T 33190-2016), the national fixed-layout format signed official documents come in.

A zip of XML: OFD.xml names the document (DocInfo: title, author, creator …) and its
Document.xml, which lists the pages, templates, resources, annotations, attachments and
signatures. A page's text is in TextObject/TextCode elements placed by position, on the page,
in its templates and in composite objects (ofd_draw); lines are rebuilt from those positions
(a line is the text codes sharing a baseline, left to right). Text a reader does not see
(white, transparent, off the page) is read and reported as hidden; annotations are read with
their author; where click actions lead (a mailto: address, a link's query) is read as for the
other formats; attachments are named as not checked; signatures are noted. A roster laid out
as a table is found from where its text stands, as in a PDF, and read cell by cell.
"""

from __future__ import annotations

import bisect
import posixpath

from linter.extract.errors import ExtractError
from linter.extract.links import personal_part
from linter.extract.ofd_draw import OFD, Box, Code, Drawing, numbers
from linter.extract.ooxml import Package, opened, parse
from linter.extract.pdf_columns import find_columns
from linter.extract.pdf_layout import join_wrapped
from linter.model import Document, Location, Segment

_INFO = {"Title": "title", "Author": "Author", "Subject": "subject", "Abstract": "description",
         "Creator": "Creator", "Keywords": "keywords"}
_LINE_TOLERANCE = 0.5  # of the font size: codes whose baselines differ less share a line
# Suwell's and other early writers name the namespace without its year; ofdrw and the
# standard's readers take both. Read as the standard's own, such a file is read whole.
_UNDATED = (b'"http://www.ofdspec.org"', b"'http://www.ofdspec.org'")


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an .ofd file's bytes into a Document."""
    with opened(data) as package:
        pkg = _Parts(package)
        root = pkg.xml("OFD.xml")
        if root is None:
            raise ExtractError("不是 OFD 文件（缺少 OFD.xml）(not an .ofd)")
        body = root.find(f"{OFD}DocBody")
        doc_root = None if body is None else (body.findtext(f"{OFD}DocRoot") or "").strip()
        if not doc_root:
            raise ExtractError("OFD 文件已损坏（缺少 DocRoot）(corrupt .ofd)")
        doc_name = _resolve("", doc_root)
        document = pkg.xml(doc_name)
        if document is None:
            raise ExtractError(f"OFD 文件已损坏（缺少 {doc_name}）(corrupt .ofd)")
        folder = posixpath.dirname(doc_name)
        common = document.find(f"{OFD}CommonData")
        area = _page_area(None if common is None else common.find(f"{OFD}PageArea/{OFD}PhysicalBox"))
        drawing = Drawing(_units(pkg, common, folder))
        templates = _Templates(pkg, common, folder)
        segments, concealed, damaged, page_ids = [], [], [], {}
        pages = document.findall(f"{OFD}Pages/{OFD}Page")
        for number, page in enumerate(pages, 1):
            page_ids[page.get("ID", "")] = number
            name = _resolve(folder, page.get("BaseLoc", ""))
            content = pkg.xml(name)
            if content is None:
                damaged.append(f"缺少第{number}页的内容 {name}，该页文字未读出")
                continue
            page_area = _page_area(content.find(f"{OFD}Area/{OFD}PhysicalBox")) or area
            drawn = drawing.page([*templates.of(content, damaged), content], page_area)
            page_segments, page_hidden = _page(drawn.codes, number)
            segments += page_segments + _links(content, number)
            concealed += page_hidden
        segments += _links(document, None)  # the document's own actions and its outline's
        segments += _annotations(pkg, document, folder, page_ids, drawing)
        attachments = _attachments(pkg, document, folder)
        metadata = _doc_info(body)
        warnings = _signatures(pkg, body)
    segments += [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    return Document(path=path, format="ofd", segments=tuple(segments), metadata=metadata, pages=len(pages),
                    concealed=tuple(concealed), attachments=attachments, damaged=tuple(damaged),
                    warnings=warnings)


class _Parts:
    """The package's XML parts by the names the document gives them.

    Files written on Windows name parts in another case (BaseLoc "TPLS/…" for Tpls/) or with
    backslashes; their readers find them, and so does this. The undated namespace is read as
    the standard's.
    """

    def __init__(self, package: Package) -> None:
        self._package = package
        self._names = set(package.names)
        self._folded = {name.lower(): name for name in package.names}

    def xml(self, name: str):
        """Part `name` parsed (None when the package has no such part)."""
        stored = name if name in self._names else self._folded.get(name.replace("\\", "/").lower())
        data = None if stored is None else self._package.read(stored)
        if data is None:
            return None
        for undated in _UNDATED:
            if undated in data:
                data = data.replace(undated, undated[:-1] + b"/2016" + undated[-1:])
        return parse(name, data)


def _units(pkg: _Parts, common, folder: str) -> dict[str, object]:
    """The composite graphic units of the document's resource files, by ID."""
    units = {}
    for kind in ("PublicRes", "DocumentRes"):
        for entry in () if common is None else common.findall(f"{OFD}{kind}"):
            res = pkg.xml(_resolve(folder, entry.text or "")) if (entry.text or "").strip() else None
            for unit in () if res is None else res.iter(f"{OFD}CompositeGraphicUnit"):
                units.setdefault(unit.get("ID", "").strip(), unit)
    return units


class _Templates:
    """The document's template pages, parsed when a page first draws one."""

    def __init__(self, pkg: _Parts, common, folder: str) -> None:
        self._pkg = pkg
        self._where = {t.get("ID", "").strip(): _resolve(folder, t.get("BaseLoc", ""))
                       for t in (() if common is None else common.findall(f"{OFD}TemplatePage"))}
        self._parsed: dict[str, object] = {}

    def of(self, content, damaged: list[str]) -> list:
        """The parsed templates a page draws (a missing one noted once as damage)."""
        found = []
        for ref in content.findall(f"{OFD}Template"):
            name = self._where.get(ref.get("TemplateID", "").strip())
            if name is None:
                continue
            if name not in self._parsed:
                self._parsed[name] = self._pkg.xml(name)
                if self._parsed[name] is None:
                    damaged.append(f"缺少模板页 {name}，其中的文字未读出")
            if self._parsed[name] is not None:
                found.append(self._parsed[name])
        return found


def _resolve(folder: str, location: str) -> str:
    """A BaseLoc or FileLoc as a part name: absolute from the package root, else relative to `folder`."""
    location = location.strip()
    return posixpath.normpath(location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location))


def _page_area(box) -> Box | None:
    """The page's box (left, top, right, bottom) from a PhysicalBox element (None when absent or malformed)."""
    values = numbers(None if box is None else box.text)
    return (values[0], values[1], values[0] + values[2], values[1] + values[3]) if len(values) == 4 else None


def _page(codes: list[Code], number: int) -> tuple[list[Segment], list[Segment]]:
    grid = find_columns([_box(c) for c in codes])
    in_table = [c for c in codes if grid is not None and grid.contains(*_centre(c))]
    table_bottom = -grid.ys[-1] if grid is not None else None
    segments, concealed = [], []
    placed = grid is None
    for line_number, line in enumerate(_lines([c for c in codes if c not in in_table]), 1):
        if not placed and line[0].y > table_bottom:
            segments += _cells(grid, in_table, number, concealed)
            placed = True
        text = _joined(line)
        if not text.strip():
            continue
        segments.append(Segment(text, Location(page=number, line=line_number)))
        _conceal(line, Location(part="hidden-text", page=number, line=line_number), concealed)
    if not placed:
        segments += _cells(grid, in_table, number, concealed)
    return segments, concealed


def _box(code: Code) -> tuple[float, float, float, float]:
    """The code's box as the borderless-table finder takes it (y grows upwards)."""
    return code.x, -code.y, code.x + code.width, -(code.y - code.size)


def _centre(code: Code) -> tuple[float, float]:
    left, bottom, right, top = _box(code)
    return (left + min(right, left + code.size)) / 2, (bottom + top) / 2


def _cells(grid, codes: list[Code], number: int, concealed: list[Segment]) -> list[Segment]:
    """The table's codes by cell, rows from the top; each cell's wrapped lines joined."""
    by_cell: dict[tuple[int, int], list[Code]] = {}
    for code in codes:
        x, y = _centre(code)
        col = bisect.bisect_right(grid.xs, x)
        row = sum(1 for edge in grid.ys if edge > y)
        by_cell.setdefault((row, col), []).append(code)
    segments = []
    for (row, col), cell in sorted(by_cell.items()):
        text = join_wrapped([_joined(line) for line in _lines(cell)])
        location = Location(part="table", page=number, row=row, col=col)
        if text:
            segments.append(Segment(text, location))
            _conceal(cell, location._replace(part="hidden-text"), concealed)
    return segments


_HOW = (("white", lambda c: c.white), ("transparent", lambda c: c.transparent), ("outside", lambda c: c.outside))


def _conceal(codes: list[Code], location: Location, concealed: list[Segment]) -> None:
    for why, hidden in _HOW:
        found = [c for c in codes if hidden(c)]
        if found:
            concealed.append(Segment(_joined(found), location._replace(detail=why)))


def _lines(codes: list[Code]) -> list[list[Code]]:
    """Codes grouped by baseline, top to bottom, each line left to right."""
    lines: list[list[Code]] = []
    for code in sorted(codes, key=lambda c: (c.y, c.x)):
        if lines and abs(lines[-1][0].y - code.y) <= _LINE_TOLERANCE * max(code.size, 1.0):
            lines[-1].append(code)
        else:
            lines.append([code])
    return [sorted(line, key=lambda c: c.x) for line in lines]


def _joined(line: list[Code]) -> str:
    """A line's text; a gap wider than two characters between codes is a space (table columns)."""
    pieces, end = [], None
    for code in line:
        if end is not None and code.x - end > 2 * code.size:
            pieces.append(" ")
        pieces.append(code.text)
        end = code.x + code.width
    return "".join(pieces)


def _annotations(pkg: _Parts, document, folder: str, page_ids: dict[str, int], drawing: Drawing) -> list[Segment]:
    index_name = (document.findtext(f"{OFD}Annotations") or "").strip()
    if not index_name:
        return []
    index_name = _resolve(folder, index_name)
    index = pkg.xml(index_name)
    segments = []
    for page in () if index is None else index.iter(f"{OFD}Page"):
        number = page_ids.get(page.get("PageID", ""))
        name = _resolve(posixpath.dirname(index_name), page.findtext(f"{OFD}FileLoc") or "")
        annots = pkg.xml(name)
        segments += [] if annots is None else _links(annots, number)
        for annot in () if annots is None else annots.iter(f"{OFD}Annot"):
            words = [(annot.findtext(f"{OFD}Remark") or "").strip()]
            for appearance in annot.iter(f"{OFD}Appearance"):  # its words, in composite units too (a stamp)
                words += drawing.lines(appearance)
            text = "\n".join(w for w in words if w)
            if text:
                segments.append(Segment(text, Location(part="annotation", page=number,
                                                       detail=(annot.get("Creator") or "").strip() or None)))
    return segments


def _links(root, page: int | None) -> list[Segment]:
    """Where the part's click actions lead (Action/URI): a mailto: address or a query (linter.extract.links)."""
    found = (personal_part(uri.get("URI", "")) for uri in root.iter(f"{OFD}URI"))
    return [Segment(text, Location(part="metadata", page=page, detail="link")) for text in found if text]


def _attachments(pkg: _Parts, document, folder: str) -> tuple[str, ...]:
    name = (document.findtext(f"{OFD}Attachments") or "").strip()
    index = pkg.xml(_resolve(folder, name)) if name else None
    return tuple(f"附件：{a.get('Name') or a.get('ID') or '未命名'}"
                 for a in (() if index is None else index.iter(f"{OFD}Attachment")))


def _doc_info(body) -> dict[str, str]:
    info = None if body is None else body.find(f"{OFD}DocInfo")
    found: dict[str, str] = {}
    for element in () if info is None else info:
        key = _INFO.get(element.tag.replace(OFD, "")) if isinstance(element.tag, str) else None
        value = " ".join(t.strip() for t in element.itertext() if t.strip())
        if key and value:
            found[key] = value
        elif element.tag == f"{OFD}CustomDatas":
            for data in element.iter(f"{OFD}CustomData"):
                if (data.text or "").strip() and data.get("Name"):
                    found[f"custom:{data.get('Name')}"] = data.text.strip()
    return found


def _signatures(pkg: _Parts, body) -> tuple[str, ...]:
    name = "" if body is None else (body.findtext(f"{OFD}Signatures") or "").strip()
    index = pkg.xml(_resolve("", name)) if name else None
    count = 0 if index is None else len(index.findall(f"{OFD}Signature"))
    if not count:
        return ()
    return (f"文件含 {count} 个电子签章：签章后的修改会使签章失效，发现问题需回到签章前的文稿修改",)
