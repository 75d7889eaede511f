"""stats/unparsed: an annual report whose statistics tables could not be read says so, once."""

from __future__ import annotations

from collections.abc import Iterator

from checks.stats_common import report_tables
from linter.check import Check, CheckContext
from linter.model import Document, Finding

_SHOWN = 3  # missing rows named in the message


class UnparsedCheck(Check):
    """A warning when 表三 or 表四 is not found, or 表三 lacks rows of the template."""

    id = "stats/unparsed"
    severity = "warning"
    description = "年度报告的统计表（表三、表四）未能识别或缺少行，其数字未经核对"
    advice = ("按国办公开办函〔2021〕30号的模板填写统计表：保留表格原有的行和列，不要把表格改成图片，"
              "也不要合并或删除行。")

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield at most one warning per table that could not be read whole."""
        tables = report_tables(document, context)
        if tables is None:
            return
        table = tables.applications
        if table is None:
            yield self.file_finding("未能识别表三（收到和处理政府信息公开申请情况）：找不到“本年新收政府信息公开申请"
                                    "数量”一行，表中数字未经核对", match="表三")
        elif table.missing:
            shown = "、".join(f"“{label}”" for label in table.missing[:_SHOWN])
            more = f"等 {len(table.missing)} 行" if len(table.missing) > _SHOWN else ""
            yield self.file_finding(f"表三缺少{shown}{more}：这些行的数字未经核对", match="表三")
        if tables.reviews is None:
            yield self.file_finding("未能识别表四（行政复议、行政诉讼情况）：找不到“结果维持”表头下的 15 个统计格，"
                                    "表中数字未经核对", match="表四")
