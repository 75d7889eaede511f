r"""Rich Text Format (.rtf): every part a drafter's editor may have saved.

Body, tables, headers and footers, footnotes, comments, text boxes, hidden (\v) text,
tracked deletions and the document information. A single pass over the control words:
each group carries its destination (where its text goes) and character state (hidden,
deleted, Unicode skip count, font). Chinese text comes as \uN escapes or as \'hh bytes
in the font's code page (GBK for charset 134).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from linter import lazy
from linter.extract.cell_edges import grid_columns
from linter.extract.errors import ExtractError
from linter.extract.shown_text import ShownText
from linter.model import Document, Location, Segment

_TOKEN = lazy.re_pattern(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")
_PARTS = {"header": "header", "headerl": "header", "headerr": "header", "headerf": "header",
          "footer": "footer", "footerl": "footer", "footerr": "footer", "footerf": "footer",
          "footnote": "footnote", "annotation": "comment", "shptxt": "textbox"}
_INFO = {"title": "title", "subject": "subject", "author": "creator", "operator": "lastModifiedBy",
         "keywords": "keywords", "doccomm": "description", "company": "Company", "manager": "Manager",
         "category": "category"}
_SKIP = frozenset(
    "fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl generator xmlnstbl pict "
    "objdata themedata colorschememapping datastore latentstyles pgdsctbl bkmkstart bkmkend atrfstart "
    "atrfend atnref atndate atntime atnparent atnid nonshppict blipuid mmathPr fldtype panose falt "
    "template docvar listtext pntext pntxta pntxtb sp sn sv".split())
_CHARSETS = {0: "cp1252", 128: "cp932", 129: "cp949", 134: "gb18030", 136: "cp950", 161: "cp1253",
             162: "cp1254", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874"}
_SYMBOLS = {b"~": " ", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}", b"|": "", b":": ""}
_BREAKS = {"line": "\n", "tab": " ", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’",
           "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " "}
MAX_DEPTH = 1000  # groups nested deeper than any editor writes: a hostile file


@dataclass
class _State:
    """What a group inherits: where its text goes and how it is shown."""

    dest: str | None = "body"  # a part, "info:<key>", "author", "font", or None to skip
    hidden: bool = False
    deleted: bool = False
    uc: int = 1
    font: int | None = None


class _Reader:
    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.metadata: dict[str, str] = {}
        self.revisions: dict[str, int] = {}
        self.codepage = "cp1252"
        self.objects = 0  # embedded objects (\objdata): their content is not read, so they are named
        self.fonts: dict[int, str] = {}
        self.body = ShownText()
        self.paragraph = 0
        self.in_table = False
        self.row, self.col = 0, 0
        self.author: str | None = None
        self.cellx: list[int] = []  # right edges of the current row's cells (twips)
        self.table_cells: list[tuple[int, int]] = []  # (segment index, left edge) of the open table
        self.skip = 0  # fallback characters still to drop after a \uN

    def read(self, data: bytes) -> None:
        stack: list[tuple[_State, ShownText | None]] = []
        state, sink = _State(), None  # no sink of its own: the body's current paragraph
        pending = bytearray()  # \'hh bytes, decoded together (a GBK character is two of them)
        position, size = 0, len(data)
        while position < size:
            match = _TOKEN.match(data, position)
            if match is None:
                position += 1
                continue
            position = match.end()
            word, number, hexbyte, symbol, brace, text = match.groups()
            if hexbyte is not None:
                if self.skip:
                    self.skip -= 1
                else:
                    pending.append(int(hexbyte, 16))
                continue
            if pending:
                self._put(state, sink, self._decode(bytes(pending), state))
                pending.clear()
            if brace == b"{":
                if len(stack) >= MAX_DEPTH:
                    raise ExtractError("RTF 分组嵌套过深，疑似恶意文件 (nesting too deep)")
                stack.append((state, sink))
                state = replace(state)
            elif brace == b"}":
                self._close(state, sink, stack)
                if not stack:
                    break
                state, sink = stack.pop()
            elif word is not None:
                word = word.decode("ascii")
                if word == "bin" and number:
                    position += max(int(number), 0)  # raw binary data: never text
                    continue
                state, sink = self._control(word, number, state, sink, stack)
            elif symbol is not None:
                if symbol == b"*" and stack and state.dest is not None:
                    state.dest = "optional"  # an optional destination: kept only if we know its word
                elif state.dest is not None:
                    self._put(state, sink, _SYMBOLS.get(symbol, ""))
            elif text is not None and state.dest is not None:
                chars = text.decode("latin-1")
                if self.skip:
                    dropped = min(self.skip, len(chars))
                    chars, self.skip = chars[dropped:], self.skip - dropped
                self._put(state, sink, chars)
        if pending:
            self._put(state, sink, self._decode(bytes(pending), state))
        self._paragraph_end()
        self._table_end()

    def _decode(self, raw: bytes, state: _State) -> str:
        codepage = self.fonts.get(state.font, self.codepage) if state.font is not None else self.codepage
        return raw.decode(codepage, errors="replace")

    def _put(self, state: _State, sink: ShownText | None, text: str) -> None:
        if not text or state.dest in (None, "optional", "font", "info"):
            return
        (sink or self.body).add(text, hidden=state.hidden, deleted=state.deleted)

    def _control(self, word: str, number: bytes | None, state: _State, sink, stack):
        value = int(number) if number else None
        if state.dest == "optional":
            state.dest = None  # \* followed by a word we do not read below: skip the group
            if word in _PARTS or word in ("atnauthor", "shptxt", "shpinst"):
                state.dest = "body"
        if word in _SKIP:
            state.dest = None
            self.objects += word == "objdata"
        elif word in _PARTS:
            state.dest, sink = _PARTS[word], ShownText()
            if word == "annotation":
                state.hidden = state.deleted = False
        elif word == "atnauthor":
            state.dest, sink = "author", ShownText()
        elif word == "fldinst":  # a field's instruction (HYPERLINK "mailto:…"): in the file, never shown
            state.dest, sink = "field-code", ShownText()
            state.hidden = state.deleted = False
        elif word == "info":
            state.dest = "info"
        elif state.dest == "info" and word in _INFO:
            state.dest, sink = f"info:{_INFO[word]}", ShownText()
        elif word == "fonttbl":
            state.dest = "font"
        elif state.dest is None:
            return state, sink
        elif word in ("par", "sect"):
            self._paragraph_end(sink)
        elif word == "cell" or word == "nestcell":
            self._cell_end(sink) if word == "cell" else self._put(state, sink, "\n")
        elif word == "row":
            self.row, self.col = self.row + 1, 0
        elif word == "trowd":
            self.cellx = []
        elif word == "cellx" and value is not None:
            self.cellx.append(value)
        elif word == "intbl":
            self.in_table = True
        elif word == "pard":
            self.in_table = False
        elif word in _BREAKS:
            self._put(state, sink, _BREAKS[word])
        elif word == "u" and value is not None:
            self._put(state, sink, chr(value % 65536) if -32768 <= value < 65536 else "")
            self.skip = state.uc
        else:
            self._format(word, value, state)
        return state, sink

    def _format(self, word: str, value: int | None, state: _State) -> None:
        if word == "v":
            state.hidden = value != 0
        elif word == "deleted":
            state.deleted = value != 0
        elif word == "revised" and value != 0:
            self.revisions["inserted"] = self.revisions.get("inserted", 0) + 1
        elif word == "plain":
            state.hidden = state.deleted = False
        elif word == "uc" and value is not None:
            state.uc = max(0, min(value, 10))
        elif word == "ansicpg" and value:
            self.codepage = f"cp{value}" if value != 936 else "gb18030"
        elif word == "f" and value is not None:
            state.font = value
        elif word == "fcharset" and value is not None and state.font is not None and state.dest == "font":
            self.fonts[state.font] = _CHARSETS.get(value, self.codepage)

    def _close(self, state: _State, sink: ShownText | None, stack) -> None:
        """A group ends: a part's text becomes its segment when the group that opened it closes."""
        outer = stack[-1] if stack else (None, None)
        if sink is None or sink is outer[1]:
            return
        text = "".join(sink.shown + sink.hidden + sink.deleted).strip()
        if state.dest == "author":
            self.author = text or None
        elif state.dest == "field-code" and text:
            self.segments.append(Segment(text, Location(part="metadata", paragraph=self.paragraph + 1,
                                                        detail="field-code")))
        elif state.dest and state.dest.startswith("info:") and text:
            key = state.dest[5:]
            self.metadata[key] = f"{self.metadata[key]}、{text}" if key in self.metadata else text
        elif text and state.dest in ("header", "footer", "footnote", "comment", "textbox"):
            detail = self.author if state.dest == "comment" else None
            segment = Segment(text, Location(part=state.dest, paragraph=self.paragraph or None, detail=detail))
            # Each section (and its left, right and first pages) repeats the same header: read it once.
            if state.dest not in ("header", "footer") or all(
                    (s.text, s.location.part) != (text, state.dest) for s in self.segments):
                self.segments.append(segment)

    def _paragraph_end(self, sink: ShownText | None = None) -> None:
        if sink is not None:
            sink.shown.append("\n")
            return
        if self.in_table:
            self._put_newline()
            return
        if self.row:  # the table has ended
            self.row, self.col = 0, 0
            self._table_end()
        self.paragraph += 1
        self._emit(Location(paragraph=self.paragraph))

    def _put_newline(self) -> None:
        self.body.shown.append("\n")

    def _cell_end(self, sink: ShownText | None) -> None:
        if sink is not None:
            sink.shown.append(" ")
            return
        self.col += 1
        self.paragraph += 1
        left = self.cellx[self.col - 2] if 2 <= self.col <= len(self.cellx) + 1 else 0
        first = len(self.segments)
        self._emit(Location(part="table", paragraph=self.paragraph, row=self.row + 1, col=self.col))
        self.table_cells += [(k, left) for k in range(first, len(self.segments))]

    def _table_end(self) -> None:
        r"""Number the table's cells by grid column: a merged cell (\cellx further right) spans several.

        RTF counts cells per row; a label merged across three columns is one cell, so the
        values after it would stand two columns left of the same values in other rows.
        """
        column = grid_columns([0, *(left for _, left in self.table_cells)])
        for k, left in self.table_cells:
            segment = self.segments[k]
            self.segments[k] = Segment(segment.text, segment.location._replace(col=column(left)), segment.line_starts)
        self.table_cells = []

    def _emit(self, location: Location) -> None:
        self.segments += self.body.segments(location, self.revisions)
        self.body = ShownText()


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an .rtf file's bytes into a Document."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ExtractError("不是 RTF 文档（缺少 {\\rtf 开头）(not an .rtf)")
    reader = _Reader()
    reader.read(data)
    metadata = reader.metadata
    segments = reader.segments + [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    attachments = tuple(f"第{n}个嵌入对象" for n in range(1, reader.objects + 1))
    return Document(path=path, format="rtf", segments=tuple(segments), metadata=metadata,
                    revisions=reader.revisions, attachments=attachments)
