"""Word 97-2003 (.doc) and WPS 文字 (.wps, the same binary format), read without an office suite.

The OLE container (olefile) holds the WordDocument stream; its piece table gives the text
of every story: the body, footnotes, headers and footers, comments, endnotes and text
boxes. Character runs mark hidden text and tracked deletions, paragraph runs mark table
cells and row ends. Field codes are dropped and their results kept, as Word shows them.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator

from linter.extract import doc_binary as binary
from linter.extract.cell_edges import grid_columns
from linter.extract.doc_binary import DELETED, HIDDEN, INSERTED, Damaged, Fib
from linter.extract.errors import TRY_LIBREOFFICE, EncryptedError, ExtractError
from linter.extract.ole import embedded_objects, ole_properties, open_ole
from linter.extract.shown_text import ShownText
from linter.extract.sniff import EARLY_WORD_MAGIC
from linter.model import Document, Location, Segment

_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None)
_REPLACED = {0x0B: "\n", 0x1E: "-", 0xA0: " ", 0x09: " "}
_HEADER_KINDS = ("header", "header", "footer", "footer", "header", "footer")  # per section: even, odd, first


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read a .doc or .wps file's bytes into a Document."""
    try:
        return _extract(path, fmt, data)
    except OSError as exc:  # a stream the directory names is not one (a damaged or crafted file)
        raise ExtractError(f"Word 文档结构已损坏（{exc}）{TRY_LIBREOFFICE} (corrupt .doc)") from None


def _extract(path: str, fmt: str, data: bytes) -> Document:
    if data[:2] in EARLY_WORD_MAGIC:
        raise ExtractError("这是 Word 1.x/2.0（1990 年代初）格式的旧文档，内置读取器无法读取；"
                           "请另存为 .docx，或装有 LibreOffice 时加 --libreoffice 再检查 (Word 1.x/2.0)")
    with open_ole(data) as ole:
        if not ole.exists("WordDocument"):
            if ole.exists("CONTENTS") or ole.exists("MM"):
                raise ExtractError("这是 Microsoft Works 文档（与 WPS 文字同用 .wps 扩展名），内置读取器无法读取；"
                                   "请另存为 .docx，或装有 LibreOffice 时加 --libreoffice 再检查 (Microsoft Works)")
            raise ExtractError("不是 Word 文档（缺少 WordDocument 数据流）(not a .doc)")
        wd = ole.openstream("WordDocument").read()
        _refuse_unreadable(wd)
        try:
            fib = Fib.parse(wd)
        except Damaged:
            raise ExtractError(f"Word 文档结构已损坏（文件信息块无效）{TRY_LIBREOFFICE} (corrupt .doc)") from None
        if not ole.exists(fib.table_stream):
            raise ExtractError(f"Word 文档结构已损坏（缺少 {fib.table_stream} 数据流）{TRY_LIBREOFFICE} (corrupt .doc)")
        table = ole.openstream(fib.table_stream).read()
        data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
        attachments = embedded_objects(ole, "ObjectPool")
    try:
        reader = _Reader(wd, table, fib, data_stream)
        segments = reader.segments()
    except (Damaged, struct.error, IndexError, ValueError):
        raise ExtractError(f"Word 文档结构已损坏（文字或格式表指向文件之外）{TRY_LIBREOFFICE} (corrupt .doc)") from None
    metadata = ole_properties(data)
    segments += [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    return Document(path=path, format=fmt if fmt in ("doc", "wps") else "doc", segments=tuple(segments),
                    metadata=metadata, revisions=reader.revisions, attachments=attachments)


# What an embedded object is, by the streams its storage holds.
def _refuse_unreadable(wd: bytes) -> None:
    """Say what a Word 6.0/95 file or an encrypted one is, rather than call it damaged."""
    if wd[:2] == _WORD6_MAGIC or (len(wd) >= 4 and struct.unpack_from("<H", wd, 2)[0] in _WORD6_VERSIONS):
        raise ExtractError("这是 Word 6.0/95 格式的旧文档，内置读取器无法读取；"
                           "请另存为 .docx，或装有 LibreOffice 时加 --libreoffice 再检查 (Word 6/95)")
    if len(wd) >= 12 and struct.unpack_from("<H", wd, 0x0A)[0] & 0x8100:  # fEncrypted, fObfuscated
        raise EncryptedError()


_WORD6_MAGIC = b"\xdc\xa5"  # wIdent of Word 6.0 and Word 95 (Word 97 and later: 0xA5EC)
# nFib of Word 6.0 (101) to Word 95 (104-105): other writers of that format put their own wIdent.
_WORD6_VERSIONS = frozenset(range(101, 106))



class _Reader:
    def __init__(self, wd: bytes, table: bytes, fib: Fib, data: bytes = b"") -> None:
        self.fib, self.table = fib, table
        self.pieces = binary.pieces(fib.blob(table, binary.CLX))
        self.text = binary.text_of(wd, self.pieces)
        self.chars = binary.character_runs(wd, fib.blob(table, binary.PLCF_BTE_CHPX))
        self.paras = binary.paragraph_runs(wd, fib.blob(table, binary.PLCF_BTE_PAPX), data)
        self.starts = [p.cp for p in self.pieces]
        self.revisions: dict[str, int] = {}
        self._row_cells: list[tuple[int, int]] = []  # (index in the body's segments, cell number)
        self._table_cells: list[tuple[int, int | None, int]] = []  # (index, left edge, cell number)

    def segments(self) -> list[Segment]:
        lengths = self.fib.lengths
        bounds, at = {}, 0
        for story in ("text", "footnote", "header", "macro", "comment", "endnote", "textbox", "header-textbox"):
            bounds[story] = (at, at + lengths[story])
            at += lengths[story]
        found = self._body(*bounds["text"])
        found += self._field_codes(*bounds["text"])
        found += self._lines(*bounds["footnote"], "footnote") + self._lines(*bounds["endnote"], "footnote")
        found += self._headers(*bounds["header"])
        found += self._comments(*bounds["comment"])
        found += self._lines(*bounds["textbox"], "textbox") + self._lines(*bounds["header-textbox"], "textbox")
        return found

    def _flags(self, cp: int, runs: binary.Runs) -> int:
        k = max(0, min(len(self.pieces) - 1, bisect.bisect_right(self.starts, cp) - 1))
        return runs.at(self.pieces[k].fc_of(cp))

    def _visible(self, start: int, end: int) -> Iterator[tuple[int, str]]:
        """(cp, character) of a story as Word shows it: a field's code left out, its result kept."""
        fields: list[bool] = []  # per open field: still in its code (before the separator)
        for cp in range(start, min(end, len(self.text))):
            char = self.text[cp]
            if char == "\x13":
                fields.append(True)
            elif char == "\x14" and fields:
                fields[-1] = False
            elif char == "\x15" and fields:
                fields.pop()
            elif not any(fields):
                yield cp, char

    def _field_codes(self, start: int, end: int) -> list[Segment]:
        """Each field's instruction (HYPERLINK "mailto:…"): in the file, never shown."""
        codes: list[list[str] | None] = []  # per open field: its code so far, None once past its separator
        found = []
        for char in self.text[start:min(end, len(self.text))]:
            if char == "\x13":
                codes.append([])
            elif char in "\x14\x15" and codes:
                code = codes.pop() if char == "\x15" else codes[-1]
                if code is not None and "".join(code).strip():
                    found.append(Segment("".join(code).strip(), Location(part="metadata", detail="field-code")))
                if char == "\x14":
                    codes[-1] = None
            elif codes and codes[-1] is not None:
                codes[-1].append(char)
        return found

    def _body(self, start: int, end: int) -> list[Segment]:
        found: list[Segment] = []
        paragraph, number, row, col = ShownText(), 0, 0, 0
        inserted = False
        for cp, char in self._visible(start, end):
            flags = self._flags(cp, self.chars)
            if flags & INSERTED and not inserted:
                self.revisions["inserted"] = self.revisions.get("inserted", 0) + 1
            inserted = bool(flags & INSERTED)
            if char not in "\r\x0c\x07":
                paragraph.add(_REPLACED.get(ord(char), char).translate(_DROPPED),
                              hidden=bool(flags & HIDDEN), deleted=bool(flags & DELETED))
                continue
            para = self._flags(cp, self.paras)
            if char == "\x07" and para & 2:  # the row's end mark: its cell edges number the row's cells
                row, col = row + 1, 0
                self._place_row(self._edges(cp))
            elif para & 1 and char == "\r":
                paragraph.shown.append("\n")  # a paragraph inside a cell
            else:
                in_cell = bool(para & 1) or char == "\x07"
                col, number = (col + 1 if in_cell else 0), number + 1
                row = row if in_cell else 0
                location = (Location(part="table", paragraph=number, row=row + 1, col=col) if in_cell
                            else Location(paragraph=number))
                emitted = paragraph.segments(location, self.revisions)
                if in_cell:
                    self._row_cells += [(len(found) + k, col) for k in range(len(emitted))]
                elif self._table_cells:
                    self._renumber(found)
                found += emitted
                paragraph = ShownText()
        self._renumber(found)
        return found

    def _edges(self, cp: int) -> tuple[int, ...]:
        k = max(0, min(len(self.pieces) - 1, bisect.bisect_right(self.starts, cp) - 1))
        return self.paras.edges_at(self.pieces[k].fc_of(cp))

    def _place_row(self, edges: tuple[int, ...]) -> None:
        """Remember each cell of the row just ended by its left edge (its cell number when none is given)."""
        for index, cell in self._row_cells:
            left = edges[cell - 1] if 0 < cell <= len(edges) else None
            self._table_cells.append((index, left if left is not None else None, cell))
        self._row_cells = []

    def _renumber(self, found: list[Segment]) -> None:
        """Number the table's cells by grid column: a cell merged across columns spans several.

        Word stores one cell for a label merged across three columns, so the values after it
        would stand two columns left of the same values in other rows.
        """
        cells, self._table_cells = self._table_cells, []
        if not cells or any(left is None for _, left, _ in cells):
            return  # no edges for some row: keep the cells' own numbers
        column = grid_columns(left for _, left, _ in cells)
        for index, left, _ in cells:
            segment = found[index]
            found[index] = Segment(segment.text, segment.location._replace(col=column(left)), segment.line_starts)

    def _plain(self, start: int, end: int) -> str:
        """A story's text as shown: field codes dropped, special characters removed."""
        return "".join("\n" if char in "\r\x07\x0c" else _REPLACED.get(ord(char), char)
                       for _, char in self._visible(start, end)).translate(_DROPPED)

    def _lines(self, start: int, end: int, part: str) -> list[Segment]:
        return [Segment(line.strip(), Location(part=part)) for line in self._plain(start, end).split("\n")
                if line.strip()]

    def _headers(self, start: int, end: int) -> list[Segment]:
        if start == end:
            return []
        cps, _ = binary.plc_positions(self.fib.blob(self.table, binary.PLCF_HDD), 0)
        found: list[Segment] = []
        for k in range(6, len(cps) - 1):  # the first six stories are note separators
            text = self._plain(start + cps[k], start + cps[k + 1]).strip()
            part = _HEADER_KINDS[(k - 6) % 6]
            if text and all((s.text, s.location.part) != (text, part) for s in found):
                found.append(Segment(text, Location(part=part)))
        return found

    def _comments(self, start: int, end: int) -> list[Segment]:
        if start == end:
            return []
        refs, records = binary.plc_positions(self.fib.blob(self.table, binary.PLCF_AND_REF), 30)
        texts, _ = binary.plc_positions(self.fib.blob(self.table, binary.PLCF_AND_TXT), 0)
        owners = binary.comment_owners(self.fib.blob(self.table, binary.GRP_ATN_OWNERS))
        anchors = self._anchors(refs)
        found = []
        for k in range(len(texts) - 1):
            text = self._plain(start + texts[k], start + texts[k + 1]).strip()
            if not text:
                continue
            owner = struct.unpack_from("<H", records[k], 20)[0] if k < len(records) else -1
            author = owners[owner] if 0 <= owner < len(owners) else None
            found.append(Segment(text, Location(part="comment", paragraph=anchors.get(k), detail=author or None)))
        return found

    def _anchors(self, refs: list[int]) -> dict[int, int]:
        """The body paragraph number each comment is anchored in."""
        marks = sorted(refs[:-1])
        anchors, paragraph, k = {}, 1, 0
        for cp, char in enumerate(self.text[:self.fib.lengths["text"]]):
            while k < len(marks) and marks[k] <= cp:
                anchors[k] = paragraph
                k += 1
            if char in "\r\x07":
                paragraph += 1
        return anchors
