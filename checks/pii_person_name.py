"""pii/person-name: names of private individuals, led by context, read from what follows them.

After a context word (申请人, 户主…), in a column headed 姓名, or right before the person's
own data: a surname of the list, one or two more characters, then a mark, a one-character
predicate (于, 在…) or a frequent predicate word (通过, 反映, 已经 — wordlists/
pii-name-followers.txt, derived from jieba's dictionary at build time, so that no
dictionary or tagger is loaded at run time).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from checks.pii_common import anonymised, words
from linter import lazy
from linter.check import CheckContext
from linter.matching import PhraseIndex
from linter.model import Document, Finding, Segment
from linter.patterns import Candidate, PatternCheck, locate
from linter.wordlist import builtin

_NAME_CHARS = lazy.regex_pattern(r"^[\p{Han}·]{2,5}$")
_WINDOW = 8


@lru_cache(maxsize=1)
def _not_names() -> tuple[str, ...]:
    return words("pii-not-names.txt")


@lru_cache(maxsize=1)
def _blockers() -> frozenset[str]:
    return frozenset(words("pii-name-blockers.txt"))


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = words("pii-surnames.txt")
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def looks_like_name(text: str) -> bool:
    """2-4 Chinese characters led by a known surname (or a compound one)."""
    single, compound = _surnames()
    if not _NAME_CHARS.match(text) or anonymised(text):
        return False
    return text[:2] in compound or text[0] in single and len(text) <= 4


# What follows a name in a sentence: punctuation, or a word that starts the predicate.
_PREDICATE = ("于", "在", "的", "等", "和", "与", "及", "因", "为", "是", "已", "对", "向", "将", "从", "自", "以",
              "称", "说", "反映", "提出", "申请", "要求", "同志", "女士", "先生", "家", "户", "之", "住")
_AFTER_NAME = lazy.regex_pattern(r"^(?:[^\p{Han}]|$|" + "|".join(_PREDICATE) + ")")


def name_after(text: str) -> str | None:
    """The person name at the start of `text`.

    The surname list and what follows decide, or three or four transliteration characters
    (约翰森); a start they leave unclear is not read as a name. jieba's tagger, which read such
    starts before, costs a second and 120 MB a process and found hardly more (219 of 251 news
    names after 申请人 against 218).
    """
    if text.startswith(_not_names()):
        return None  # the field the sentence goes on to name: 申请人银行卡号, 姓名索引
    clear = _clear_name(text)
    if clear is False:
        return _transliterated(text)
    return clear


def _transliterated(text: str) -> str | None:
    """A foreign name spelt in transliteration characters (约翰森, 埃雷拉), three or four of them."""
    spelt = _transliteration()
    for length in (3, 4):
        name = text[:length]
        if len(name) == length and all(ch in spelt for ch in name) and (
                _AFTER_NAME.match(text[length:]) or _starts_predicate(text[length:])):
            return name
    return None


@lru_cache(maxsize=1)
def _transliteration() -> frozenset[str]:
    return frozenset(words("pii-transliteration.txt"))


def _starts_predicate(after: str) -> bool:
    """What follows starts a predicate (通过, 已经) or names the person's own data (…李建国身份证号)."""
    return after[:2] in _followers() or after[:3] in _followers() or after.startswith(_own_data_words())


@lru_cache(maxsize=1)
def _own_data_words() -> tuple[str, ...]:
    return words("pii-own-data.txt")


@lru_cache(maxsize=1)
def _followers() -> frozenset[str]:
    return frozenset(words("pii-name-followers.txt"))


def _clear_name(text: str) -> str | None | bool:
    """A name the surname list and the next word settle; None: clearly none; False: unclear."""
    single, compound = _surnames()
    if text[:2] in compound:
        lead = 2
    elif text[:1] in single:
        lead = 1
    else:
        return False
    if text[:lead + 2] in _blockers() or text[:lead + 1] in _blockers():
        return None  # a common word led by a surname character: 满意度, 夏季, 毕业后
    # A mark or a one-character predicate settles it first (陆俨少于…: 少于 is a word too), then a
    # predicate word (李红梅通过…); shorter first each time: 张涛于…, not 张涛于.
    for goes_on in (_AFTER_NAME.match, _starts_predicate):
        for length in (lead + 1, lead + 2):
            name = text[:length]
            if len(name) == length and _NAME_CHARS.match(name) and goes_on(text[length:]):
                return None if anonymised(text[:length + 1]) else name
    return False


@lru_cache(maxsize=1)
def _contexts() -> PhraseIndex:
    return PhraseIndex(builtin("pii-name-context.txt"))


_AFTER_CONTEXT = lazy.regex_pattern(r"(?:[：:，,、 ]|为|是)?(?=\p{Han})")


# What may stand right before such a name: a verb or preposition of payment or contact, punctuation.
_BEFORE_OWNER = "至给向为将由及和与、，,：:（( \x00"
_OWNER_JOINER = "的，,（( "  # between the name and its data: 王小明的银行卡, 李秀兰，身份证号
# A notice's contact people (联系人：宋小琴、林蓉联系电话：0591-…) are the office's, named for their work:
# the phone after them is the office's too. Not so an ID number or a bank card after them.
_CONTACT_DATA = frozenset({"联系电话", "手机号", "电话", "手机", "联系方式", "电子邮箱", "邮箱"})
_WORK_CONTACT = lazy.regex_pattern(r"(?:联系人|联络人|经办人|咨询人)[：:\s]*(?:\p{Han}{2,4}[、，,\s]*){0,3}$")


@lru_cache(maxsize=1)
def _own_data() -> PhraseIndex:
    return PhraseIndex(builtin("pii-own-data.txt"))


def _beside_own_data(document: Document) -> Iterator[tuple[Segment, int, str]]:
    """(segment, start, name) for each name standing right before its owner's data words."""
    for hit in _own_data().hits(document):
        text = hit.segment.text
        end = hit.start - 1 if hit.start and text[hit.start - 1] in _OWNER_JOINER else hit.start
        before = text[max(0, end - 6):end]
        for length in (3, 2, 4):
            name = before[-length:]
            boundary = before[-length - 1:-length] if len(before) > length else "\x00"
            if len(name) == length and boundary in _BEFORE_OWNER and _owner_name(name):
                work = hit.entry.term in _CONTACT_DATA and _WORK_CONTACT.search(text, max(0, end - length - 24),
                                                                               end - length)
                if not work:
                    yield hit.segment, end - length, name
                break


_HAN_RUN = lazy.regex_pattern(r"\p{Han}+")


def _in_file_names(document: Document) -> Iterator[tuple[Segment, int, str]]:
    r"""(segment, start, name) for a name standing alone in an attachment's name or original path.

    王建国.pdf, 2024年名单-张三丰.xlsx, C:\Users\…\王建国\: a file name has no sentence
    around it, so a whole run of Chinese characters that is a name, and nothing else, is one.
    """
    for segment in document.segments_in("metadata"):
        if segment.location.detail == "attachment":
            for run in _HAN_RUN.finditer(segment.text):
                if 2 <= len(run.group()) <= 4 and _owner_name(run.group()):
                    yield segment, run.start(), run.group()


def _owner_name(name: str) -> bool:
    """A name, not a role or a word that starts like one (申请人, 申报人员, 学生)."""
    lead = 2 if name[:2] in _surnames()[1] else 1
    if len(name) == 4 and lead == 1 or not looks_like_name(name):
        return False  # four characters: only after a compound surname (欧阳建国)
    blocked = name[:lead + 1] in _blockers() or name[:lead + 2] in _blockers() or name.startswith(_not_names())
    return not blocked and name not in words("pii-name-context.txt")  # 申请人的身份证: a role


class PersonNameCheck(PatternCheck):
    """Find private individuals' names after context words and in name columns."""

    id = "pii/person-name"
    severity = "warning"
    description = "个人姓名（申请人、投诉人、低保对象、户主等之后，或“姓名”列中），已匿名化的（张某、李某某）不报告"
    advice = "把与具体事项关联的个人姓名改为“张某”或“张*”；依法需要公示的姓名（如任前公示）请在配置中按文件忽略。"

    def prepare(self, context: CheckContext) -> None:
        """The context words' automata, built once per process."""
        _contexts()
        _own_data()

    def candidates(self, document: Document) -> Iterator[Candidate]:
        """Context words (found by an automaton: one pass for all of them) with what follows."""
        text, starts = document.joined
        for hit in _contexts().hits(document):
            end = starts[hit.index] + hit.end
            follow = _AFTER_CONTEXT.match(text, end)
            if follow is not None:
                yield locate(document, end, follow.end())

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Unused: names are located by `run`, which knows where the name itself is."""
        return None

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per name after a context word or beside its owner's data, then per name cell."""
        seen: set[tuple[int, int]] = set()
        for candidate in self.candidates(document):
            after = candidate.after(_WINDOW)
            name = name_after(after)
            if name and not anonymised(after[:len(name) + 1]):
                seen.add((id(candidate.segment), candidate.end))
                yield self._found(context, candidate.segment, candidate.end, name)
        for segment, start, name in _beside_own_data(document):
            if (id(segment), start) not in seen:
                yield self._found(context, segment, start, name)
        for segment, start, name in _in_file_names(document):
            if (id(segment), start) not in seen:
                yield self._found(context, segment, start, name)
        for table in document.tables.all:
            yield from self._column_names(context, table)

    def _column_names(self, context: CheckContext, table) -> Iterator[Finding]:
        columns = [c for c, h in table.header().items() if "姓名" in h or h in words("pii-name-context.txt")]
        for row in table.rows().values():
            for col in columns:
                cell = row.get(col)
                if cell is not None and looks_like_name(cell.text.strip()):
                    start = cell.text.index(cell.text.strip())
                    yield self._found(context, cell, start, cell.text.strip())

    def _found(self, context: CheckContext, segment: Segment, start: int, name: str) -> Finding:
        return self.finding(context, segment, start, start + len(name),
                            "发现个人姓名：与事项关联的姓名属于个人信息，公开前请匿名化（如“张某”）")
