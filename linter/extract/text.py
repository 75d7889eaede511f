"""Plain text and Markdown: encoding detection, lines and columns as in the file.

Each non-blank line is a segment located by its line and column. In Markdown,
ATX headings carry their level and pipe tables become one segment per cell.
"""

from __future__ import annotations

import codecs

from linter import lazy
from linter.extract.errors import ExtractError
from linter.model import Document, Location, Segment

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADING = lazy.re_pattern(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_TABLE_RULE = lazy.re_pattern(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_SPLIT = lazy.re_pattern(r"(?<!\\)\|")
_NEWLINE = lazy.re_pattern(r"\r\n|\r|\n")


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding): BOMs first, then strict UTF-8, then GB18030 (GBK)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding), encoding.replace("-sig", " (BOM)")
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise ExtractError("文件含二进制内容，不是文本文件 (binary content)")
        return _decode(data, encoding), encoding
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ExtractError("无法识别文本编码（既不是 UTF-8 也不是 GBK/GB18030）(unknown encoding)")


def _bomless_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 saved without a BOM by what it decodes to: plain text."""
    sample = data[:4096] if len(data) % 2 == 0 else data[:4096] + b"\x00"
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
        if text and sum(map(_plain, text)) >= 0.95 * len(text):
            return encoding
    return None


def _plain(char: str) -> bool:
    """ASCII text, CJK ideographs and CJK/full-width punctuation."""
    code = ord(char)
    return (0x20 <= code < 0x7F or char in "\t\r\n" or 0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF)


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ExtractError(f"文本编码损坏（{encoding}）(invalid {encoding})") from None


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read a .txt or .md file's bytes into a Document."""
    text, encoding = decode(data)
    if "\x00" in text:
        raise ExtractError("文件含二进制内容，不是文本文件 (binary content)")
    # Only CR/LF end a line, as in an editor; splitlines() would also split on \f, \x1c…
    lines = _NEWLINE.split(text)
    segments = markdown_segments(lines) if fmt == "md" else line_segments(lines)
    return Document(path=path, format=fmt, segments=tuple(segments),
                    metadata={"encoding": encoding})


def line_segments(lines: list[str]) -> list[Segment]:
    """One segment per non-blank line."""
    return [Segment(line, Location(line=n, column=1))
            for n, line in enumerate(lines, 1) if line.strip()]


def markdown_segments(lines: list[str]) -> list[Segment]:
    """Lines as segments, with headings tagged and pipe tables split into cells."""
    segments: list[Segment] = []
    row = 0  # row within the current table; 0 outside a table
    for n, line in enumerate(lines, 1):
        if not line.strip():
            row = 0
            continue
        starts_table = n < len(lines) and "|" in line and _TABLE_RULE.match(lines[n]) is not None
        if row == 0 and starts_table:
            row = 1
        if row and _TABLE_RULE.match(line):
            continue
        if row and "|" in line:
            segments.extend(_cells(line, n, row))
            row += 1
            continue
        row = 0
        segments.append(_line(line, n))
    return segments


def _line(line: str, n: int) -> Segment:
    m = _HEADING.match(line)
    if m is None:
        return Segment(line, Location(line=n, column=1))
    return Segment(m.group(2), Location(line=n, column=m.start(2) + 1), heading_level=len(m.group(1)))


def _cells(line: str, n: int, row: int) -> list[Segment]:
    cells: list[Segment] = []
    bounds = [-1, *(m.start() for m in _CELL_SPLIT.finditer(line)), len(line)]
    col = 0
    for left, right in zip(bounds, bounds[1:], strict=False):
        raw = line[left + 1:right]
        if left == -1 and not raw.strip() or right == len(line) and not raw.strip():
            continue  # the empty edges outside leading/trailing pipes
        col += 1
        text = raw.strip()
        if text:
            column = left + 2 + (len(raw) - len(raw.lstrip()))
            cells.append(Segment(text, Location(part="table", row=row, col=col, line=n, column=column)))
    return cells
