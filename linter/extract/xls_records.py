"""What xlrd skips in an .xls sheet's records: print headers and footers, text boxes, formulas' strings.

A sheet's records run from its BOF to its EOF; a chart drawn on the sheet brings a BOF
and EOF of its own inside them. The text of a text box (and of a label or button drawn
on the sheet) follows its TXO record in CONTINUE records; a note's text is read by
xlrd already, as the cell's note. A formula's string literals (=HYPERLINK("mailto:…","联系我们"))
never show in its cell: they are read from the formula's parsed tokens.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from xlrd import formula as xlrd_formula

from linter.extract.errors import ExtractError
from linter.extract.ole import open_ole
from linter.extract.xlsx_sheet import print_header_text

_HEADER, _FOOTER, _BOF, _EOF = 0x0014, 0x0015, 0x0809, 0x000A
_OBJ, _TXO, _CONTINUE, _FORMULA = 0x005D, 0x01B6, 0x003C, 0x0006
_NOTE_OBJECT = 0x19  # ftCmo's object type of a cell note


@dataclass
class SheetExtras:
    """By sheet index: (header|footer, text) pairs, and the texts of text boxes."""

    headers: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    boxes: dict[int, list[str]] = field(default_factory=dict)
    formulas: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)  # (row, col, its strings)


def sheet_extras(data: bytes, positions: list[int]) -> SheetExtras:
    """Each sheet's print headers and footers, text boxes and formulas' strings (none when unreadable)."""
    extras = SheetExtras()
    try:
        with open_ole(data) as ole:
            stream = ole.openstream("Workbook").read() if ole.exists("Workbook") else b""
    except (ExtractError, OSError, ValueError, IndexError, struct.error):  # a damaged stream, or no container
        return extras
    for index, at in enumerate(positions):
        records = list(_records(stream, at))
        for k, (kind, body) in enumerate(records):
            if kind in (_HEADER, _FOOTER) and len(body) >= 3:
                text = print_header_text(_unicode_string(body))
                if text:
                    extras.headers.setdefault(index, []).append(("header" if kind == _HEADER else "footer", text))
            elif kind == _FORMULA and len(body) >= 22 and b"\x17" in body[22:]:
                strings = formula_strings(body[22:22 + struct.unpack_from("<H", body, 20)[0]])
                if strings:
                    row, col = struct.unpack_from("<HH", body)
                    text = ",".join(f'"{string}"' for string in strings)
                    extras.formulas.setdefault(index, []).append((row + 1, col + 1, text))
            elif kind == _TXO and _object_type(records, k) != _NOTE_OBJECT:
                text = _box_text(body, records, k + 1).strip()
                if text:
                    extras.boxes.setdefault(index, []).append(text)
    return extras


def _records(stream: bytes, at: int) -> Iterator[tuple[int, bytes]]:
    """A sheet's records from its BOF to its own EOF (a chart's BOF … EOF inside them included)."""
    depth = 0
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        yield kind, stream[at + 4:at + 4 + size]
        at += 4 + size
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                return


def _object_type(records: list[tuple[int, bytes]], k: int) -> int | None:
    """The type of the drawing object a TXO record belongs to: the nearest OBJ record before it."""
    for kind, body in reversed(records[max(0, k - 8):k]):
        if kind == _OBJ and len(body) >= 6:
            return struct.unpack_from("<H", body, 4)[0]  # ftCmo: ft, cb, then the object type
    return None


def _box_text(txo: bytes, records: list[tuple[int, bytes]], start: int) -> str:
    """The characters a TXO announces, from the CONTINUE records from `start` on (each opens with its flag byte)."""
    if len(txo) < 12:
        return ""
    wanted = struct.unpack_from("<H", txo, 10)[0]
    pieces: list[str] = []
    got = 0
    for kind, body in records[start:start + 64]:  # its text fills a few records: 65,535 characters at most
        if kind != _CONTINUE or got >= wanted or not body:
            break
        wide = body[0] & 1
        chars = body[1:].decode("utf-16-le" if wide else "latin-1", errors="replace")
        piece = chars[:wanted - got]
        pieces.append(piece)
        got += len(piece)
    return "".join(pieces).replace("\r\n", "\n").replace("\r", "\n")


def formula_strings(tokens: bytes) -> list[str]:
    """The string constants (ptgStr) of a BIFF8 formula's parsed tokens, walked token by token.

    Each token's size comes from its code (xlrd's table); a token of a size not known here
    ends the walk, so that no byte of a number or a reference is ever read as text.
    """
    strings, at = [], 0
    while at < len(tokens):
        code = tokens[at]
        index = (code & 0x1F) + (32 if code & 0x60 else 0)
        if index == _PTG_STR and at + 3 <= len(tokens):
            count, wide = tokens[at + 1], tokens[at + 2] & 1
            end = at + 3 + count * (2 if wide else 1)
            strings.append(tokens[at + 3:end].decode("utf-16-le" if wide else "latin-1", errors="replace"))
            at = end
        elif index == _PTG_ATTR and at + 4 <= len(tokens):
            choose = tokens[at + 1] & 0x04  # a CHOOSE's jump table follows
            at += 4 + (2 * (struct.unpack_from("<H", tokens, at + 2)[0] + 1) if choose else 0)
        elif _TOKEN_SIZES[index] > 0:
            at += _TOKEN_SIZES[index]
        else:
            break
    return strings


_PTG_STR, _PTG_ATTR = 0x17, 0x19
_TOKEN_SIZES = xlrd_formula.szdict[80]  # BIFF8: each token's size by code, 0 or less where it varies


def _unicode_string(record: bytes) -> str:
    """A BIFF8 XLUnicodeString: a character count, a flag byte, then Latin-1 or UTF-16 characters."""
    if len(record) < 3:  # cut short by the end of the stream
        return ""
    count, flags = struct.unpack_from("<HB", record)
    body = record[3:]
    if flags & 1:
        return body[:2 * count].decode("utf-16-le", errors="replace")
    return body[:count].decode("latin-1")
