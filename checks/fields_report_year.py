"""fields/report-year: an annual report's title, statistics period and date must name the same year."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from checks.stats_common import annual_report
from linter import lazy
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment

_TITLE_YEAR = lazy.re_pattern(r"(20\d\d)\s*年(?:度)?.{0,30}?(?:年度报告|工作报告)")
# 统计期限自2023年1月1日起至2023年12月31日止; the second year may be left out (…到12月31日止).
_PERIOD = lazy.re_pattern(r"统计(?:期限|时限|时间)[^0-9]{0,6}(20\d\d)\s*年\s*1\s*月\s*1\s*日[^0-9]{0,6}"
                     r"(?:(20\d\d)\s*年\s*)?12\s*月\s*31\s*日")
_DATE = lazy.re_pattern(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CLOSING = 6  # the date is among the last paragraphs (above or below the signing body)


class ReportYearCheck(Check):
    """Title year N: the statistics period is year N, the report is dated in year N+1."""

    id = "fields/report-year"
    severity = "error"
    description = "年度报告标题的年份、统计期限和落款日期不一致（如标题为2023年度，统计期限写成2022年）"
    advice = "报告年度为 N 年时：统计期限为 N 年1月1日至12月31日，落款日期在 N+1 年（年度报告于次年1月31日前公布）。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding at the period or the date that does not match the title's year."""
        if not annual_report(document, context):
            return
        # A sheet's lines below its table are cells: the title and the date may be cells too.
        body = [s for s in document.segments if s.location.part in ("body", "table") and s.text.strip()]
        title = next(((s, m) for s in body[:5] if (m := _TITLE_YEAR.search(_plain(s.text)))), None)
        if title is None:
            return
        year = int(title[1].group(1))
        for segment in body:
            period = _PERIOD.search(_plain(segment.text))
            years = {int(y) for y in period.groups() if y} if period else set()
            if period and years != {year}:
                yield self._finding(segment, period.group(0),
                                    f"统计期限为{'、'.join(map(str, sorted(years)))}年，与标题的{year}年度不一致")
                break
        for segment in reversed(body[-_CLOSING:]):
            date = _DATE.fullmatch(_plain(segment.text).strip(" 　"))
            if date:
                if int(date.group(1)) != year + 1:
                    message = f"落款日期为{date.group(1)}年，{year}年度的报告应在{year + 1}年落款（次年1月31日前公布）"
                    yield self._finding(segment, date.group(0), message)
                break

    def _finding(self, segment: Segment, match: str, message: str) -> Finding:
        return Finding(check=self.id, severity=self.severity, location=segment.location, match=match,
                       message=message)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
