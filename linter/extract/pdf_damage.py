"""Signs that pdfium read a damaged PDF only in part, so that "ok" keeps meaning "all text read".

pdfium is forgiving: it rebuilds a broken cross-reference table and draws what
it can of a content stream that no longer inflates, without a word. Text lost
that way would pass as checked. Two signs are looked for: a cross-reference
table pdfium had to repair, and compressed streams that no longer inflate
whole (zlib checks every byte against its Adler-32). With either, pages that
came out empty are named too.
"""

from __future__ import annotations

import base64
import re
import zlib

import pypdfium2.raw as pdfium_c

# A stream's dictionary, then its data up to endstream; the dictionary is searched for its filter.
_STREAM = re.compile(rb"<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>|<[0-9A-Fa-f\s]*>)*)>>\s*stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_FLATE = {b"FlateDecode", b"Fl"}
# Text encodings a Flate stream may be wrapped in (reportlab writes ASCII85 around it).
_TEXT_FILTERS = {b"ASCII85Decode": "a85", b"A85": "a85", b"ASCIIHexDecode": "hex", b"AHx": "hex"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_BUDGET = 256 << 20  # inflated bytes checked at most: a bomb is not inflated to the end
_CHUNK = 1 << 20


def repaired(pdf) -> bool:
    """Whether pdfium had to rebuild the cross-reference table to open the file."""
    return not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(pdf.raw)


def broken_streams(data: bytes) -> int:
    """How many Flate-compressed streams no longer inflate whole (encrypted files are not judged)."""
    if b"/Encrypt" in data:
        return 0  # their streams are ciphertext until decrypted
    broken, budget = 0, _BUDGET
    for match in _STREAM.finditer(data):
        found = _FILTER.search(match.group(1))
        names = _NAME.findall(found.group(1)) if found else []
        if not any(n in _FLATE for n in names):
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        compressed = _unwrapped(data[start:end], names) if end >= 0 else None
        if compressed is None:
            broken += names[0] in _FLATE or names[0] in _TEXT_FILTERS
            continue
        whole, budget = _inflates(compressed, budget)
        broken += not whole
        if budget <= 0:
            break
    return broken


def _unwrapped(chunk: bytes, names: list[bytes]) -> bytes | None:
    """The Flate data inside the text filters before it; None when they do not decode (or are unknown)."""
    for name in names:
        if name in _FLATE:
            return chunk
        kind = _TEXT_FILTERS.get(name)
        try:
            if kind == "a85":
                end = chunk.find(b"~>")
                chunk = base64.a85decode(chunk[:end] if end >= 0 else chunk, ignorechars=b" \t\r\n\x0c")
            elif kind == "hex":
                end = chunk.find(b">")
                digits = re.sub(rb"\s", b"", chunk[:end] if end >= 0 else chunk)
                chunk = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
            else:
                return None
        except ValueError:
            return None
    return None


def _inflates(chunk: bytes, budget: int) -> tuple[bool, int]:
    """Whether the chunk is one complete zlib stream (trailing line ends allowed), and the budget left."""
    inflater = zlib.decompressobj()
    try:
        pending = chunk
        while pending and budget > 0:
            budget -= len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
        if budget <= 0:
            return True, budget  # not judged: too big to inflate here
        inflater.flush()
    except zlib.error:
        return False, budget
    return inflater.eof, budget


def garbled(text: str) -> bool:
    """Text whose font lost its mapping to Unicode: control characters where words should be.

    pdfium gives the raw character codes when a font's encoding or ToUnicode map is
    missing or damaged; checks cannot read such text, so it was not checked.
    """
    if len(text) < 10:
        return False
    bad = len(_CONTROL.findall(text))
    return bad >= 3 and bad >= 0.05 * len(text)


def damage_notes(pdf, data: bytes, empty_pages: list[int], garbled_pages: list[int]) -> tuple[str, ...]:
    """What may be missing from a damaged file, in words for the reviewer (none for a sound file)."""
    notes = []
    if garbled_pages:
        notes.append("第" + "、".join(map(str, garbled_pages)) + "页的文字无法正确解码（字体编码缺失或损坏）")
    if repaired(pdf):
        notes.append("PDF 的交叉引用表已损坏，按修复后的结构读取")
    broken = broken_streams(data)
    if broken:
        notes.append(f"PDF 有 {broken} 个压缩数据流损坏，无法完整读取")
    if len(notes) > len(garbled_pages[:1]) and empty_pages:
        notes.append("第" + "、".join(map(str, empty_pages)) + "页读不出任何内容")
    return tuple(notes)
