"""fields/date: dates that do not exist, and a 成文日期 in the future, in mixed form, or off the report year."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import NamedTuple

from linter import lazy
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment
from linter.patterns import locate

_CN = "〇零一二三四五六七八九"
_DIGIT = {c: max(0, i - 1) for i, c in enumerate(_CN)}  # 〇 and 零 are both 0
_Y = "[0-9０-９]{4}|[〇零一二三四五六七八九]{4}"
_MD = (r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
       r"\s*(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日")
_DATE = lazy.re_pattern(rf"(?P<y>{_Y})\s*年\s*{_MD}")
# Searched from 年 (a literal the engine skips to) with the year looked up before it:
# a pattern starting with a character class is tried at every character of the text.
_MONTH_DAY = lazy.re_pattern(rf"年\s*{_MD}")
_YEAR_BEFORE = lazy.re_pattern(rf"(?P<y>{_Y})\s*$")
_YEAR_REACH = 24
_LABELLED = lazy.re_pattern(r"(?:成文日期|印发日期|发布日期)\s*[:：]\s*$")
_REPORT_YEAR = lazy.re_pattern(r"(?P<y>[0-9]{4})\s*年度?.{0,20}年度报告|(?P<y2>[0-9]{4})\s*年度")
_TAIL = 6


class _Date(NamedTuple):
    start: int
    end: int
    text: str
    y: str
    m: str
    d: str


def _dates(text: str) -> Iterator[_Date]:
    """Every 2023年5月6日 (any numerals, any spacing) in `text`, left to right."""
    for md in _MONTH_DAY.finditer(text):
        year = _YEAR_BEFORE.search(text, max(0, md.start() - _YEAR_REACH), md.start())
        if year is not None:
            start = year.start()
            yield _Date(start, md.end(), text[start:md.end()], year["y"], md["m"], md["d"])


def _number(text: str) -> int:
    """An Arabic or Chinese numeral (二〇二三, 十二, 二十五) as an int."""
    text = text.translate({0xFF10 + i: ord("0") + i for i in range(10)})
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _DIGIT for c in text):  # a year, digit by digit
        return int("".join(str(_DIGIT[c]) for c in text))
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _DIGIT.get(text, 0)
    return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[units] if units else 0)


def _mixed(date: _Date) -> bool:
    kinds = {part[0].isdigit() or part[0] in "０１２３４５６７８９" for part in (date.y, date.m, date.d)}
    return len(kinds) > 1


class DateCheck(Check):
    """Check every date is real, and the 成文日期 (signing date) for future, mixed form and year."""

    id = "fields/date"
    severity = "warning"
    description = "日期不存在（2月30日）、成文日期晚于今天或写法混用、年度与成文日期年份不符"
    advice = "核对日期：不存在的日期要改正，成文日期统一用阿拉伯数字（2024年3月1日），且与报告年度相符。"

    def __init__(self, today: datetime.date | None = None) -> None:
        self.today = today

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per impossible date, then the 成文日期's problems."""
        dates = list(_dates(document.joined[0]))  # one pass over the whole text
        if not dates:
            return
        signing = {id(s) for s in _signing_segments(document)}
        report_year = _report_year(document)
        for date in dates:
            where = locate(document, date.start, date.end)
            message = self._judge(date, id(where.segment) in signing, report_year)
            if message:
                yield self.finding(context, where.segment, where.start, where.end, message)

    def _judge(self, m: _Date, is_signing: bool, report_year: int | None) -> str | None:
        try:
            date = datetime.date(_number(m.y), _number(m.m), _number(m.d))
        except ValueError:
            return f"日期“{m.text}”不存在，请核对"
        if not is_signing:
            return None
        if date > (self.today or datetime.date.today()):
            return f"成文日期“{m.text}”晚于今天，请核对"
        if _mixed(m):
            return f"成文日期“{m.text}”混用阿拉伯数字和汉字，应统一用阿拉伯数字（GB/T 9704—2012）"
        if report_year is not None and date.year not in (report_year, report_year + 1):
            return f"成文日期“{m.text}”与报告年度（{report_year}年度）不符，请核对"
        return None


def _signing_segments(document: Document) -> list[Segment]:
    """Segments holding the 成文日期: a labelled one, or a date alone on a line near the end."""
    body = [s for s in document.segments if s.location.part == "body" and s.text.strip()]
    found = [s for s in body if _LABELLED.search(s.text[:s.text.find("日期") + 4] if "日期" in s.text else "")]
    found += [s for s in body[-_TAIL:] if _DATE.fullmatch(s.text.strip())]
    return found


def _report_year(document: Document) -> int | None:
    head = [s.text for s in document.segments if s.location.part == "body" and s.text.strip()][:3]
    for text in head:
        m = _REPORT_YEAR.search(text)
        if m:
            return int(m["y"] or m["y2"])
    return None
