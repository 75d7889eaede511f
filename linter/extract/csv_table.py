"""CSV: a table exported from a spreadsheet — every field a table cell, the first row its header.

Decoded as a .txt is (UTF-8 with or without BOM, UTF-16, GBK). The delimiter is a comma,
or a tab or semicolon when the first line holds more of those; quoted fields may hold
delimiters and line breaks. A cell is located by row and column, and by the line it
starts on, so a roster in CSV is read as the same roster in Word is.
"""

from __future__ import annotations

import csv
import io

from linter.extract.errors import ExtractError
from linter.extract.text import decode
from linter.model import Document, Location, Segment

_DELIMITERS = (",", "\t", ";")


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read a .csv file's bytes into a Document of table cells."""
    text, encoding = decode(data)
    if "\x00" in text:
        raise ExtractError("文件含二进制内容，不是 CSV 文本文件 (binary content)")
    first = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first.count)
    segments = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row, fields in enumerate(reader, 1):
            line = reader.line_num - sum(field.count("\n") for field in fields)
            for col, field in enumerate(fields, 1):
                if field.strip():
                    segments.append(Segment(field.strip(), Location(part="table", row=row, col=col, line=line)))
    except csv.Error as exc:
        raise ExtractError(f"CSV 格式错误（第{reader.line_num}行：{exc}）(malformed CSV)") from None
    return Document(path=path, format=fmt, segments=tuple(segments), metadata={"encoding": encoding})
