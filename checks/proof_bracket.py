"""proof/bracket: brackets and quotes left open, closed by the wrong mate, or empty.

〔20xx], 《 without 》, empty 《》, “ without ”, （ without ）— within a paragraph, where
official text always closes what it opens. A title or heading wrapped over two lines
(《中华人民共和国…/…条例》) may close on the next line. Full- and half-width forms of the
same bracket close each other, and a number or letter before a closing bracket at the
start of a line is a list marker (1) or a）, not a stray bracket.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from linter import lazy
from linter.charclass import CharClass
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment

# Each opener and what closes it; quotes that are the same character both ways are left out.
_PAIRS = {"（": "）)", "(": ")）", "《": "》", "〈": "〉", "〔": "〕", "【": "】", "[": "]］", "［": "］]",
          "“": "”", "‘": "’", "「": "」", "『": "』", "{": "}"}
_CLOSERS = {c for cs in _PAIRS.values() for c in cs}
_LIST_MARKER = lazy.re_pattern(r"^\s*[0-9A-Za-z一二三四五六七八九十]{1,3}[)）]")
_CHARS = "".join(_PAIRS) + "".join(sorted(_CLOSERS))
_BRACKETS = CharClass(_CHARS)
_EMPTY = {"《": "》", "〔": "〕", "【": "】", "（": "）"}  # the pairs reported when empty
_WHICH = {"《": "书名号", "〔": "六角括号", "【": "方头括号", "“": "引号", "‘": "引号", "「": "引号", "『": "引号"}


@dataclass
class _Open:
    """Openers not yet closed: in the segment being read, and carried from the one before."""

    here: list[int] = field(default_factory=list)
    carried: list[tuple[Segment, int]] = field(default_factory=list)


class BracketCheck(Check):
    """Find brackets and quotes that are not closed, closed by the wrong mate, or empty."""

    id = "proof/bracket"
    severity = "warning"
    description = "括号、书名号、引号不配对或为空（〔20xx]、《 未闭合、空《》、“ 未闭合、（ 未闭合）"
    advice = "补全或改正括号和引号（〔2024〕、《…》、“…”成对出现），删除空的书名号。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per unpaired or empty bracket."""
        found = _brackets(document)
        if not found:
            return  # no bracket or quote anywhere (a roster): nothing to pair, segment by segment
        carried: list[tuple[Segment, int]] = []
        part = None
        for index, segment in enumerate(document.segments):
            where = segment.location.part
            if where == "metadata":
                continue
            brackets = found.get(index)
            if where != part or brackets is None:
                if carried:
                    yield from self._unclosed(context, carried)  # nothing further can close them
                carried, part = [], where
                if brackets is None:
                    continue
            opened = _Open(carried=carried)
            for start, end, message in _problems(segment, brackets, opened):
                yield self.finding(context, segment, start, end, message)
            if opened.carried:
                yield from self._unclosed(context, opened.carried)  # two lines are as far as a title wraps
            carried = [(segment, at) for at in opened.here]
        yield from self._unclosed(context, carried)

    def _unclosed(self, context: CheckContext, openers: list[tuple[Segment, int]]) -> Iterator[Finding]:
        for segment, at in openers:
            opener = segment.text[at]
            yield self.finding(context, segment, at, at + 1, f"“{opener}”没有闭合：请补全对应的{_name(opener)}")


def _brackets(document: Document) -> dict[int, list[int]]:
    """Segment index -> where in it each bracket or quote stands, found in the whole text at once."""
    text, starts = document.joined
    found: dict[int, list[int]] = {}
    for at in _BRACKETS.positions(text, document.planes):
        index = bisect.bisect_right(starts, at) - 1
        found.setdefault(index, []).append(at - starts[index])
    return found


def _problems(segment: Segment, brackets: list[int], opened: _Open) -> Iterator[tuple[int, int, str]]:
    """Empty pairs and wrong or stray closers of one segment; `opened` keeps what stays open."""
    text = segment.text
    for start, end in _empty_pairs(text, brackets):
        yield start, end, f"空的{_name(text[start])}“{text[start:end]}”：请填写或删除"
    marker = _LIST_MARKER.match(text)
    for at in brackets:
        char = text[at]
        if char in _PAIRS:
            opened.here.append(at)
        elif opened.here and char in _PAIRS[text[opened.here[-1]]]:
            opened.here.pop()
        elif not opened.here and opened.carried and char in _PAIRS[_char(opened.carried[-1])]:
            opened.carried.pop()  # closes what the line before opened
        elif marker is not None and at == marker.end() - 1:
            continue  # 1) or 一）: a list marker
        elif opened.here:
            opener = text[opened.here.pop()]
            yield at, at + 1, f"{_name(opener)}“{opener}”与“{char}”不配对：请改为成对的{_name(opener)}"
        else:
            yield at, at + 1, f"“{char}”没有对应的开括号或前引号：请补全或删除"


def _empty_pairs(text: str, brackets: list[int]) -> Iterator[tuple[int, int]]:
    """Spans of 《》, 〔 〕, 【】 and （） with nothing but spaces inside.

    Such a pair is two brackets in a row, as `brackets` lists them (a space is no bracket).
    """
    for start, end in zip(brackets, brackets[1:], strict=False):
        closer = _EMPTY.get(text[start])
        if closer is not None and text[end] == closer and (end == start + 1 or text[start + 1:end].isspace()):
            yield start, end + 1


def _char(opener: tuple[Segment, int]) -> str:
    segment, at = opener
    return segment.text[at]


def _name(bracket: str) -> str:
    return _WHICH.get(bracket, "括号")
