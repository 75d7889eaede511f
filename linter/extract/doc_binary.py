"""The structures of a Word 97-2003 binary file ([MS-DOC]) that text extraction needs.

The File Information Block (where everything is), the piece table (which bytes hold
which characters), and the formatting runs read from FKP pages: character runs for
hidden (sprmCFVanish) and revision-marked (sprmCFRMarkDel/Ins) text, paragraph runs for
table cells and row ends (sprmPFInTable, sprmPFTtp). Offsets come from the file, so every
read is bounds-checked by `_u16`/`_u32` (a short read raises, and the reader says the file
is damaged).
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field

MAGIC = 0xA5EC
# Indexes in FibRgFcLcb97 of the (fc, lcb) pairs read here.
PLCF_AND_REF, PLCF_AND_TXT, PLCF_HDD, PLCF_BTE_CHPX, PLCF_BTE_PAPX, CLX, GRP_ATN_OWNERS = 4, 5, 11, 12, 13, 33, 36
# Story lengths in FibRgLw97: main text, footnotes, headers, macros, comments, endnotes, text boxes.
_STORIES = ("text", "footnote", "header", "macro", "comment", "endnote", "textbox", "header-textbox")
_VANISH, _FLD_VANISH, _MARK_DEL, _MARK_INS = 0x083C, 0x0802, 0x0800, 0x0801
_IN_TABLE, _TTP, _INNER_TTP = 0x2416, 0x2417, 0x244C
_DEF_TABLE = 0xD608  # sprmTDefTable: the row's cell edges
_HUGE_PAPX = 0x6646  # sprmPHugePapx: the rest of a paragraph's properties, in the Data stream
HIDDEN, DELETED, INSERTED = 1, 2, 4


class Damaged(Exception):
    """A structure points outside its stream."""


def _u16(data: bytes, at: int) -> int:
    if at < 0 or at + 2 > len(data):
        raise Damaged(at)
    return struct.unpack_from("<H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    if at < 0 or at + 4 > len(data):
        raise Damaged(at)
    return struct.unpack_from("<I", data, at)[0]


@dataclass
class Fib:
    """What the File Information Block says."""

    table_stream: str
    lengths: dict[str, int]
    pairs: list[tuple[int, int]]

    @classmethod
    def parse(cls, wd: bytes) -> Fib:
        """Read the FIB at the start of the WordDocument stream."""
        if _u16(wd, 0) != MAGIC:
            raise Damaged("magic")
        flags = _u16(wd, 0x0A)
        csw = _u16(wd, 0x20)
        at = 0x22 + 2 * csw
        cslw = _u16(wd, at)
        lw = [_u32(wd, at + 2 + 4 * i) for i in range(cslw)]
        at += 2 + 4 * cslw
        count = _u16(wd, at)
        pairs = [(_u32(wd, at + 2 + 8 * i), _u32(wd, at + 6 + 8 * i)) for i in range(count)]
        lengths = {name: lw[3 + i] if 3 + i < len(lw) else 0 for i, name in enumerate(_STORIES)}
        return cls("1Table" if flags & 0x0200 else "0Table", lengths, pairs)

    def blob(self, table: bytes, index: int) -> bytes:
        """The table-stream bytes of pair `index` (empty when the file has none)."""
        if index >= len(self.pairs):
            return b""
        fc, lcb = self.pairs[index]
        if lcb == 0:
            return b""
        if fc + lcb > len(table):
            raise Damaged(index)
        return table[fc:fc + lcb]


@dataclass
class Piece:
    """A run of characters [cp, cp_end) stored from byte `fc`, one byte each when compressed."""

    cp: int
    cp_end: int
    fc: int
    compressed: bool

    def fc_of(self, cp: int) -> int:
        """The byte position of character `cp` of this piece."""
        return self.fc + (cp - self.cp) * (1 if self.compressed else 2)


def pieces(clx: bytes) -> list[Piece]:
    """The piece table from the Clx (property modifiers before it are skipped)."""
    at = 0
    while at < len(clx) and clx[at] == 1:
        at += 3 + _u16(clx, at + 1)
    if at >= len(clx) or clx[at] != 2:
        raise Damaged("clx")
    size = _u32(clx, at + 1)
    plc = clx[at + 5:at + 5 + size]
    count = (len(plc) - 4) // 12
    cps = [_u32(plc, 4 * i) for i in range(count + 1)]
    found = []
    for i in range(count):
        raw = _u32(plc, 4 * (count + 1) + 8 * i + 2)
        compressed = bool(raw & 0x40000000)
        fc = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
        found.append(Piece(cps[i], cps[i + 1], fc, compressed))
    return found


def text_of(wd: bytes, table: list[Piece]) -> str:
    """All the document's characters, in CP order."""
    parts = []
    for piece in table:
        length = max(piece.cp_end - piece.cp, 0)
        if piece.compressed:
            parts.append(wd[piece.fc:piece.fc + length].decode("cp1252", errors="replace"))
        else:
            parts.append(wd[piece.fc:piece.fc + 2 * length].decode("utf-16-le", errors="replace"))
    return "".join(parts)


@dataclass
class Runs:
    """Formatting by byte position: flags of the run holding each fc."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    flags: list[int] = field(default_factory=list)
    edges: list[tuple[int, ...]] = field(default_factory=list)  # a row end's cell edges (twips)

    def at(self, fc: int) -> int:
        """The flags in force at byte `fc` (0 outside every run)."""
        k = self._run(fc)
        return self.flags[k] if k is not None else 0

    def edges_at(self, fc: int) -> tuple[int, ...]:
        """The cell edges a row-end mark at `fc` defines (left edge of each cell, then the right)."""
        k = self._run(fc)
        return self.edges[k] if k is not None and self.edges else ()

    def _run(self, fc: int) -> int | None:
        k = bisect.bisect_right(self.starts, fc) - 1
        return k if k >= 0 and fc < self.ends[k] else None


def character_runs(wd: bytes, plc: bytes) -> Runs:
    """Hidden and revision-marked runs from the CHPX FKP pages."""
    return _runs(wd, plc, _chpx, {_VANISH: HIDDEN, _FLD_VANISH: 0, _MARK_DEL: DELETED, _MARK_INS: INSERTED})


def paragraph_runs(wd: bytes, plc: bytes, data: bytes = b"") -> Runs:
    """Table paragraphs (flag 1) and row ends (flag 2) from the PAPX FKP pages.

    A row end's properties too large for its page (a wide row with merged cells) are in the
    Data stream, where sprmPHugePapx points.
    """
    def grpprl_of(page: bytes, crun: int, k: int) -> bytes:
        grpprl = _papx(page, crun, k)
        return grpprl + _huge(grpprl, data)

    return _runs(wd, plc, grpprl_of, {_IN_TABLE: 1, _TTP: 2, _INNER_TTP: 2}, with_edges=True)


def _huge(grpprl: bytes, data: bytes) -> bytes:
    """The properties sprmPHugePapx points to in the Data stream (none when it is absent)."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        if sprm == _HUGE_PAPX and at + 6 <= len(grpprl):
            offset = _u32(grpprl, at + 2)
            size = _u16(data, offset) if offset + 2 <= len(data) else 0
            return data[offset + 2:offset + 2 + size]
        at += 2 + _operand_size(sprm, grpprl, at + 2)
    return b""


def _runs(wd: bytes, plc: bytes, grpprl_of, wanted: dict[int, int], with_edges: bool = False) -> Runs:
    runs = Runs()
    count = (len(plc) - 4) // 8
    for i in range(count):
        pn = _u32(plc, 4 * (count + 1) + 4 * i) & 0x3FFFFF
        page = wd[pn * 512:pn * 512 + 512]
        if len(page) < 512:
            raise Damaged("fkp")
        crun = page[511]
        for k in range(crun):
            start, end = _u32(page, 4 * k), _u32(page, 4 * (k + 1))
            grpprl = grpprl_of(page, crun, k)
            runs.starts.append(start)
            runs.ends.append(end)
            runs.flags.append(_flags(grpprl, wanted))
            if with_edges:
                runs.edges.append(_cell_edges(grpprl))
    order = sorted(range(len(runs.starts)), key=runs.starts.__getitem__)
    return Runs([runs.starts[i] for i in order], [runs.ends[i] for i in order], [runs.flags[i] for i in order],
                [runs.edges[i] for i in order] if with_edges else [])


def _cell_edges(grpprl: bytes) -> tuple[int, ...]:
    """RgdxaCenter of sprmTDefTable: where each cell of the row starts, and where the last ends."""
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        size = _operand_size(sprm, grpprl, at + 2)
        if sprm == _DEF_TABLE and at + 5 <= len(grpprl):
            cells = grpprl[at + 4]
            return tuple(struct.unpack_from("<h", grpprl, at + 5 + 2 * i)[0] for i in range(cells + 1)
                         if at + 7 + 2 * i <= len(grpprl))
        at += 2 + size
    return ()


def _chpx(page: bytes, crun: int, k: int) -> bytes:
    offset = page[4 * (crun + 1) + k] * 2
    return page[offset + 1:offset + 1 + page[offset]] if offset else b""


def _papx(page: bytes, crun: int, k: int) -> bytes:
    offset = page[4 * (crun + 1) + 13 * k] * 2
    if not offset:
        return b""
    size = page[offset]
    body = page[offset + 2:offset + 2 + 2 * page[offset + 1]] if size == 0 else page[offset + 1:offset + 2 * size]
    return body[2:]  # the paragraph's style index comes first


def _flags(grpprl: bytes, wanted: dict[int, int]) -> int:
    """OR of the wanted flags whose toggle sprm is on (1, or 0x81: the style's value inverted)."""
    flags, at = 0, 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        size = _operand_size(sprm, grpprl, at + 2)
        if sprm in wanted and at + 2 < len(grpprl) and grpprl[at + 2] in (1, 0x81):
            flags |= wanted[sprm]
        at += 2 + size
    return flags


def _operand_size(sprm: int, grpprl: bytes, at: int) -> int:
    spra = sprm >> 13
    if spra == 6:
        if sprm == 0xD608 and at + 2 <= len(grpprl):  # sprmTDefTable: a two-byte length
            return _u16(grpprl, at) + 1
        return (grpprl[at] if at < len(grpprl) else 0) + 1
    return (1, 1, 2, 4, 2, 2, 0, 3)[spra]


def plc_positions(plc: bytes, data_size: int) -> tuple[list[int], list[bytes]]:
    """A PLC's character positions and its data items of `data_size` bytes."""
    count = (len(plc) - 4) // (4 + data_size)
    cps = [_u32(plc, 4 * i) for i in range(count + 1)]
    base = 4 * (count + 1)
    return cps, [plc[base + data_size * i:base + data_size * (i + 1)] for i in range(count)]


def comment_owners(blob: bytes) -> list[str]:
    """The authors' names of the comments (Xst strings: a length, then UTF-16)."""
    names, at = [], 0
    while at + 2 <= len(blob):
        size = _u16(blob, at)
        names.append(blob[at + 2:at + 2 + 2 * size].decode("utf-16-le", errors="replace"))
        at += 2 + 2 * size
    return names
