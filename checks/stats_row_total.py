"""stats/row-total: in 表三, each row's 总计 is the sum of its six applicant columns."""

from __future__ import annotations

from collections.abc import Iterator

from checks.stats_common import numbers, report_tables, row_name, stated
from linter.check import Check, CheckContext
from linter.model import Document, Finding


class RowTotalCheck(Check):
    """One finding per row of 表三 whose 总计 is not 自然人 plus the five kinds of 法人或其他组织."""

    id = "stats/row-total"
    severity = "error"
    description = "年度报告表三某一行的“总计”不等于自然人与各类法人或其他组织之和"
    advice = "逐行核对表三：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding at each 总计 cell that does not add up."""
        tables = report_tables(document, context)
        table = tables.applications if tables else None
        for key, values in ({} if table is None else table.rows).items():
            found = numbers(values)
            if found is None or not stated(values[-1]) or sum(found[:-1]) == found[-1]:
                continue
            yield Finding(check=self.id, severity=self.severity, location=values[-1].cell.location,
                          message=f"{row_name(key)}：总计应为 {sum(found[:-1])}，实为 {found[-1]}"
                                  "（自然人与各类法人或其他组织之和）",
                          match=values[-1].cell.text)
