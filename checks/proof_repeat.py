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

import bisect
import re
from collections.abc import Iterator
from functools import cached_property

from linter import lazy
from linter.charclass import Planes
from linter.check import Check, CheckContext
from linter.han import HAN, HAN_FIRST
from linter.model import Document, Finding
from linter.wordbreak import is_word
from linter.wordlist import builtin_terms

_LONGEST = 4  # characters of a word typed twice
_TWICE = lazy.re_pattern(f"({HAN}{{1,{_LONGEST}}})\\1")
_POSSIBLE = 0x80  # the byte of a place a doubling may start
_CROWDED = 8  # more such places than one in this many characters: a run of one character; scan it all
_SHORT = 3000  # characters below which the expression alone is faster


class RepeatCheck(Check):
    """Find characters and words doubled by accident."""

    id = "proof/repeat"
    severity = "warning"
    description = "误重复的字词（的的、政政务、进一步进一步），不含常常、人人、研究研究等正常叠用"
    advice = "删除重复输入的字词（“的的”“进一步进一步”）。"

    @cached_property
    def _never_doubled(self) -> frozenset[str]:
        return frozenset(builtin_terms("proof-never-doubled.txt"))

    @cached_property
    def _doubles(self) -> frozenset[str]:
        return frozenset(builtin_terms("proof-doubles.txt"))

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per accidental doubling."""
        text, starts = document.joined
        for m in doublings(text, document.planes):
            index = bisect.bisect_right(starts, m.start()) - 1
            segment, base = document.segments[index], starts[index]
            word = m.group(1)
            if segment.location.part != "metadata" and self._accidental(
                    word, segment.text, m.start() - base, m.end() - base):
                yield self.finding(context, segment, m.start() - base, m.end() - base,
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


def doublings(text: str, planes: Planes | None = None) -> Iterator[re.Match]:
    """What `_TWICE.finditer(text)` finds, tried only where a doubling can start.

    A doubling of k characters at i has text[i] == text[i + k] and, for k > 1, also
    text[i + 1] == text[i + k + 1]. The text's low bytes and its high bytes (in UTF-16, its
    `planes`) are each read as one big integer, a byte a character: two characters are equal
    where both integers XOR themselves k bytes on to a zero byte. Bit 7 of each byte is then
    set where it is not zero (adding 0x7F to its low bits carries into bit 7), and kept only
    where every k has a difference: a few big-integer operations for each k, one byte string
    searched for where a doubling may start, instead of a regular expression trying four
    lengths at each of a report's characters. A short text, one with characters beyond the
    BMP (two words each), or one where pairs crowd (a line of dashes) is scanned by the
    expression itself.
    """
    if len(text) >= _SHORT and planes is None:
        planes = Planes.of(text)
    if len(text) < _SHORT or planes is None:
        yield from _TWICE.finditer(text)
        return
    size = len(text)
    bit7 = int.from_bytes(b"\x80" * size, "little")
    low_bits = bit7 - (bit7 >> 7)  # 0x7F in each byte
    low, high = int.from_bytes(planes.low, "little"), int.from_bytes(planes.high, "little")
    kept = bit7
    for k in range(1, _LONGEST + 1):
        shift = 8 * k
        xor = (low ^ (low >> shift)) | (high ^ (high >> shift))
        differs = ((xor & low_bits) + low_bits) | xor  # bit 7 set where the characters k apart differ
        kept &= differs | differs >> 8 if k > 1 else differs  # for k > 1, or the next two do
    possible = (kept ^ bit7).to_bytes(size, "little")  # 0x80 where no k rules a doubling out
    if possible.count(_POSSIBLE) * _CROWDED > size:
        yield from _TWICE.finditer(text)
        return
    end = 0
    at = possible.find(_POSSIBLE)
    while at >= 0:
        # Equal digits and spaces are most pairs, and no Han character comes before HAN_FIRST.
        if at >= end and text[at] >= HAN_FIRST and (m := _TWICE.match(text, at)):
            end = m.end()
            yield m
        at = possible.find(_POSSIBLE, at + 1)


def _aabb(text: str, start: int) -> bool:
    """Text at `start` reads AABB (的的确确, 认认真真): a doubling the language makes."""
    piece = text[start:start + 4]
    return len(piece) == 4 and piece[0] == piece[1] and piece[2] == piece[3]
