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

from linter import lazy

# A stream's dictionary, then its data up to endstream; the dictionary is searched for its filter.
_STREAM = lazy.re_pattern(rb"<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>|<[0-9A-Fa-f\s]*>)*)>>\s*stream(?:\r\n|\n|\r)")
_FILTER = lazy.re_pattern(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = lazy.re_pattern(rb"/([A-Za-z0-9]+)")
_FLATE = {b"FlateDecode", b"Fl"}
# Text encodings a Flate stream may be wrapped in (reportlab writes ASCII85 around it).
_TEXT_FILTERS = {b"ASCII85Decode": "a85", b"A85": "a85", b"ASCIIHexDecode": "hex", b"AHx": "hex"}
# Control characters, and the accented Latin letters raw CJK codes turn into when read as a
# single-byte encoding: a few in a page is a foreign name, a tenth of it is mojibake.
_ODD = lazy.re_pattern("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a1-\u00a6\u00a8-\u00af\u00b2-\u00b6\u00b8-\u00bf"
                  "\u00c0-\u024f\u02c0-\u02ff\u2020\u2021\u2030\u2039\u203a\ufffd]")
_OBJECT = lazy.re_pattern(rb"(?<![0-9])([0-9]+)\s+[0-9]+\s+obj\b")
_PAGE = lazy.re_pattern(rb"/Type\s*/Page(?![A-Za-z])")
_CONTENTS = lazy.re_pattern(rb"/Contents\s*(?:([0-9]+)\s+[0-9]+\s+R|\[)")
# Operators that put something on a page: text, images and forms, painted paths, shadings.
_DRAWS = lazy.re_pattern(rb"(?:^|(?<=[\s\])>]))(?:T[jJ]|Do|sh|[fFbBS]\*?|['\"])(?=[\s\[(<]|$)")
_KEYED_REFERENCE = lazy.re_pattern(rb"/(?!Parent\b|Resources\b|Thumb\b|Metadata\b)[A-Za-z0-9]+\s+([0-9]+)\s+[0-9]+\s+R")
_TYPED = lazy.re_pattern(rb"/(?:Type|Subtype)\b")
_REFERENCE = lazy.re_pattern(rb"(?<![0-9])([0-9]+)\s+[0-9]+\s+R(?![A-Za-z])")
_SELF_STANDING = lazy.re_pattern(rb"/Type\s*/(?:XRef|ObjStm)\b")
_STREAM_START = lazy.re_pattern(rb"stream(?:\r\n|\n|\r)")
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
        # Until the stream's end: past it, zlib keeps a trailing byte as unconsumed and inflates
        # nothing more from it, for ever (a 3 MB ONLYOFFICE image stream hung here).
        while pending and budget > 0 and not inflater.eof:
            budget -= len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
        if budget <= 0:
            return True, budget  # not judged: too big to inflate here
        inflater.flush()
    except zlib.error:
        return False, budget
    return inflater.eof, budget


def garbled(text: str) -> bool:
    """Text whose font lost its mapping to Unicode: control characters and stray Latin letters.

    pdfium gives the raw character codes when a font's encoding or ToUnicode map is
    missing or damaged; checks cannot read such text, so it was not checked.
    """
    if len(text) < 10:
        return False
    odd = len(_ODD.findall(text))
    return odd >= 3 and odd >= 0.1 * len(text)


def pages_drawing_something(data: bytes) -> int | None:
    """How many page objects in the file have a content stream that draws (or no longer decodes).

    Read from the file's own bytes, beside what pdfium made of them: a page whose
    stream pdfium could not use (its filter's name damaged, say) comes out empty
    while its bytes are still there. None when the pages are out of sight (in
    compressed object streams) and cannot be counted.
    """
    objects = {int(m.group(1)): m.end() for m in _OBJECT.finditer(data)}
    counted = 0
    for page in _PAGE.finditer(data):
        start = data.rfind(b" obj", 0, page.start())
        end = data.find(b"endobj", page.end())
        body = data[start:end if end >= 0 else len(data)]
        contents = _CONTENTS.search(body)
        if contents is not None and contents.group(1) is None:  # an array of streams: taken as drawing
            counted += 1
            continue
        # A stream under a damaged key (/Contentr 9 0 R) is still the page's content.
        targets = [int(contents.group(1))] if contents else [int(n) for n in _KEYED_REFERENCE.findall(body)]
        counted += any(_draws(data, objects.get(target)) for target in targets)
    return counted if objects else None


def _draws(data: bytes, at: int | None) -> bool:
    """Whether the object at `at` is a content stream that draws, or one that no longer decodes."""
    stream = _STREAM_START.search(data, at, at + 4096) if at is not None else None
    if stream is None or _TYPED.search(data, at, stream.start()):
        return False  # not a stream, or an image, font or metadata stream
    decoded = _decoded(data[at:stream.start()], data[stream.end():data.find(b"endstream", stream.end())])
    return decoded is None or _DRAWS.search(decoded) is not None


def _decoded(dictionary: bytes, raw: bytes) -> bytes | None:
    """A content stream's operators, through the filters its dictionary names (even under a damaged key)."""
    names = [n for n in _NAME.findall(dictionary) if n in _FLATE or n in _TEXT_FILTERS]
    if not names:
        return raw
    compressed = _unwrapped(raw, names)
    if compressed is None:
        return None
    try:
        return zlib.decompressobj().decompress(compressed, 16 << 20)
    except zlib.error:
        return None


def orphan_streams(data: bytes) -> int:
    """Streams nothing refers to: in a sound file every content, font or image stream is used.

    A damaged key or reference (/Contents 13 0 R become /Contentr, or 12 0 R) leaves
    the page empty and its stream orphaned. Cross-reference and object streams are
    found through the trailer, not by reference, and are left out.
    """
    referenced = {int(m.group(1)) for m in _REFERENCE.finditer(data)}
    orphans = 0
    for match in _OBJECT.finditer(data):
        end = data.find(b"endobj", match.end())
        head = data[match.end():end if end >= 0 else len(data)][:4096]
        if _STREAM_START.search(head) and not _SELF_STANDING.search(head) \
                and int(match.group(1)) not in referenced:
            orphans += 1
    return orphans


def damage_notes(pdf, data: bytes, blank_pages: list[int], garbled_pages: list[int]) -> tuple[str, ...]:
    """What may be missing from a damaged file, in words for the reviewer (none for a sound file).

    `blank_pages` came out of pdfium with nothing on them: a blank page is no
    damage by itself, only when the file's bytes hold a drawing for it.
    """
    notes = []
    if garbled_pages:
        notes.append("第" + "、".join(map(str, garbled_pages)) + "页的文字无法正确解码（字体编码缺失或损坏）")
    if repaired(pdf):
        notes.append("PDF 的交叉引用表已损坏，按修复后的结构读取")
    broken = broken_streams(data)
    if broken:
        notes.append(f"PDF 有 {broken} 个压缩数据流损坏，无法完整读取")
    if blank_pages:
        drawing, shown = pages_drawing_something(data), len(pdf) - len(blank_pages)
        where = "第" + "、".join(map(str, blank_pages)) + "页读不出任何内容"
        if drawing is not None and drawing > shown:
            notes.append(f"{where}，而文件中有 {drawing - shown} 页的内容")
        elif orphan_streams(data):
            notes.append(f"{where}，而文件中有无法对应到页面的内容")
        elif repaired(pdf) or broken:
            notes.append(where)
    return tuple(notes)
