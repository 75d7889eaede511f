"""proof/repeat: a character or word typed twice by accident — 的的, 政府政府, 进一步进一步.

Chinese doubles many words on purpose (常常, 人人, 天天, 研究研究, 认认真真), so what is
reported is: a function character that is never doubled (的的, 是是, 在在 …, kept as data in
proof-never-doubled.txt), and a dictionary word of two to four characters written twice in a
row (进一步进一步, 政府政府) unless it is a doubling the language uses (proof-doubles.txt).
Two words that meet are not a doubling (供应|应急, 但是|是否, 创业|创新): jieba's dictionary
decides, loaded only when such a pair is met. Other doubled characters are left alone:
所得税税额, 教育部部长, 中华人民共和国国务院 double a character where one word ends and the
next begins, so a slip such as 政政务 is not found either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from linter.check import Check, CheckContext
from linter.han import HAN
from linter.model import Document, Finding
from linter.wordbreak import is_word
from linter.wordlist import builtin

_TWICE = re.compile(f"({HAN}{{1,4}})\\1")


class RepeatCheck(Check):
    """Find characters and words doubled by accident."""

    id = "proof/repeat"
    severity = "warning"
    description = "误重复的字词（的的、政政务、进一步进一步），不含常常、人人、研究研究等正常叠用"
    advice = "删除重复输入的字词（“的的”“进一步进一步”）。"

    @cached_property
    def _never_doubled(self) -> frozenset[str]:
        return frozenset(e.term for e in builtin("proof-never-doubled.txt"))

    @cached_property
    def _doubles(self) -> frozenset[str]:
        return frozenset(e.term for e in builtin("proof-doubles.txt"))

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per accidental doubling."""
        for segment in document.segments:
            if segment.location.part == "metadata":
                continue
            for m in _TWICE.finditer(segment.text):
                word = m.group(1)
                if self._accidental(word, segment.text, m.start(), m.end()):
                    yield self.finding(context, segment, m.start(), m.end(),
                                       f"“{word}”重复：疑为误输入，请删除重复的部分")

    def _accidental(self, word: str, text: str, start: int, end: int) -> bool:
        if len(word) == 1:
            if _aabb(text, start) or text[end:end + 1] == word:
                return False  # 的的确确, 哈哈哈
            before, after = text[start - 1:start], text[end:end + 1]
            # Only characters that never double: any other may end one word and start the next
            # (所得税|税额, 教育部|部长, 共和国|国务院), which no list of words settles.
            return word in self._never_doubled and not (
                before and after and is_word(before + word) and is_word(word + after))  # 供应|应急
        return word not in self._doubles and not _aabb(word, 0) and is_word(word)  # 业创|业创 is no word


def _aabb(text: str, start: int) -> bool:
    """Text at `start` reads AABB (的的确确, 认认真真): a doubling the language makes."""
    piece = text[start:start + 4]
    return len(piece) == 4 and piece[0] == piece[1] and piece[2] == piece[3]
