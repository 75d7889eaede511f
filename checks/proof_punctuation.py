"""proof/punctuation: half-width , ; : ? ! in Chinese text, where GB/T 15834 asks for full width.

Drafts pasted from web pages carry hundreds of half-width commas: one finding per
paragraph, with the count and the first place, never one per comma. A mark counts
when a Chinese character stands on either side of it; numbers (1,000  9:30), URLs,
e-mail addresses and English phrases between Latin letters and digits are left alone.
Parentheses are reported only as a pair of mixed widths (（…)): half-width ones around
Chinese text are common even in published web text, and flagging them drowns the rest.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import lazy
from linter.charclass import CharClass
from linter.check import Check, CheckContext
from linter.model import Document, Finding

_HALF = lazy.regex_pattern(r"(?<=\p{Han})[,;:?!]|[,;:?!](?=\p{Han})")
# Half-width parentheses around Chinese text are common even in published web text: only a
# pair of mixed widths is reported, as the slip it always is (（…) or (…）).
_MIXED = lazy.regex_pattern(r"（[^（）()\n]{0,40}\)|\([^（）()\n]{0,40}）")
_HALF_MARKS = ",;:?!()"
_HALF_CLASS = CharClass(_HALF_MARKS)
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


class PunctuationCheck(Check):
    """Find paragraphs of Chinese text that use half-width punctuation."""

    id = "proof/punctuation"
    severity = "warning"
    description = "中文文本中使用半角标点（, ; : ? !，或全角半角混配的括号），应使用全角（GB/T 15834）；每段报告一次"
    advice = "中文句子中的逗号、分号、冒号、问号、叹号和括号改为全角（，；：？！（））。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield one finding per paragraph holding half-width marks beside Chinese text."""
        text, starts = document.joined
        holding = _HALF_CLASS.parts_holding(text, document.planes, starts)  # the lines with a mark, at once
        for segment in (document.segments[n] for n in sorted(holding)):
            if segment.location.part == "metadata":
                continue
            marks = _marks(segment.text)
            if marks:
                at = marks[0]
                char = segment.text[at]
                message = (f"本段有 {len(marks)} 处半角标点（首处“{char}”应为“{_FULL[char]}”）："
                           "中文文本应使用全角标点（GB/T 15834）")
                yield self.finding(context, segment, at, at + 1, message)


def _marks(text: str) -> list[int]:
    """Where the half-width marks stand, in order: beside Chinese text, or one of a mixed pair."""
    found = [m.start() for m in _HALF.finditer(text) if not _url(text, m.start())]
    # The half-width member of a mixed pair: the opener of (…）, the closer of （…).
    found += [m.start() if m.group()[0] == "(" else m.end() - 1 for m in _MIXED.finditer(text)]
    return sorted(found)


def _url(text: str, at: int) -> bool:
    """The colon of http://: an address, not a sentence."""
    return text[at] == ":" and text[at + 1:at + 3] == "//"
