"""fields/mixed-year: a title for one year over a body that reports another — last year's draft reused.

The title's year is the first 20NN年 (or 年度) in the first lines that name a report, a
summary or a plan. In the body, only what names the period reported is compared: a
year written 20NN年度, or 20NN年 opening a sentence of what was done (2022年，本机关…;
2022年以来; 2022年全年). A year compared with (与2022年相比, 较2022年度), a range
(2021年至2023年), the next year's plans and dates (2024年3月) are not the period.
Placeholder years in the body (20xx年, 20_年) under a title with a real year are one
finding, with their count and the title's year, so the reviewer knows what to write
(each is also a fields/placeholder error of its own).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from checks.fields_common import PLACEHOLDER_YEAR
from linter import lazy
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment
from linter.profiles import squash

_TITLE_WORDS = lazy.regex_pattern(r"报告|总结|要点|计划|情况|公示|通报")
_TITLE_YEAR = lazy.regex_pattern(r"(?<![0-9])(20[0-9]{2})年")
# 20NN年度 anywhere; 20NN年 opening what was done in it.
_PERIOD = lazy.regex_pattern(r"(?<![0-9０-９])(20[0-9]{2})年(?:度|(?=[，,]|以来|全年|共[计有]?|期间|内[，,]?))")
_PLACEHOLDER = lazy.regex_pattern(PLACEHOLDER_YEAR + "(?=年)")
_COMPARED = lazy.regex_pattern(r"(?:与|比|较|同比|对比|相比|上|去|前|截至|至|到|自|从|和|、|~|～|-|—)\s*$")
_RANGE_AFTER = lazy.regex_pattern(r"^(?:度)?\s*(?:至|到|~|～|-|—|和|与|、|相比|比较)")
_HEAD_LINES = 4


class MixedYearCheck(Check):
    """Find body years that contradict the year the title reports on."""

    id = "fields/mixed-year"
    severity = "warning"
    description = "标题与正文的年份不一致（标题为2023年度，正文写2022年度或20xx年）：疑为沿用往年文稿"
    advice = "核对年份：把正文中沿用的往年年份和未填写的年份改为标题所写的年度。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per body year that is not the title's."""
        body = (s for s in document.segments if s.location.part in ("body", "table") and s.text.strip())
        head = list(itertools.islice(body, _HEAD_LINES))  # the rest is read only under a dated title
        title, year = _title_year(head)
        if year is None:
            return
        # A roster's cells mostly name no year.
        others = [s for s in (*head, *body) if s is not title and "年" in s.text]
        for segment in others:
            yield from self._other_years(context, segment, year)
        # Each placeholder is already a fields/placeholder error: here one finding says which year.
        blanks = [(s, m) for s in others for m in _PLACEHOLDER.finditer(s.text)]
        if blanks:
            segment, m = blanks[0]
            yield self.finding(context, segment, m.start(), m.end(), f"标题为{year}年，正文有 {len(blanks)} 处年份"
                               f"未填写（首处“{m.group()}”）：应为{year}年？请核对并填写")

    def _other_years(self, context: CheckContext, segment: Segment, year: int) -> Iterator[Finding]:
        text = segment.text
        for m in _PERIOD.finditer(text):
            found = int(m[1])
            if found in (year, year + 1) or _COMPARED.search(text[:m.start()]) or _RANGE_AFTER.match(text[m.end():]):
                continue
            yield self.finding(context, segment, m.start(), m.end(),
                               f"标题为{year}年，正文却写“{m.group()}”：疑为沿用往年文稿，请核对年份")


def _title_year(head: list[Segment]) -> tuple[Segment | None, int | None]:
    """The title line and the year it names, from the first lines (a title may wrap over two)."""
    for first, second in itertools.zip_longest(head, head[1:]):
        text = squash(first.text) + (squash(second.text) if second is not None else "")
        m = _TITLE_YEAR.search(squash(first.text))
        if m and _TITLE_WORDS.search(text):
            return first, int(m[1])
    return None, None
