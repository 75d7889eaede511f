"""stats/balance: per column of 表三, 一 + 二 = 三（七）总计 + 四 (the rule in the table's corner)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.stats_common import numbers, report_tables, rows_add_up
from linter.check import Check, CheckContext
from linter.model import Document, Finding
from linter.stats.template import COLUMNS

_TERMS = ("new", "carried", "total", "next")


class BalanceCheck(Check):
    """One finding per column of 表三 where received plus carried over is not handled plus carried forward."""

    id = "stats/balance"
    severity = "error"
    description = "年度报告表三某一列不满足“第一项加第二项之和，等于第三项加第四项之和”"
    advice = ("核对表三每一列：本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理；"
              "差额通常来自漏填的结转数或办理结果。")

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding at the （七）总计 cell of each column that does not balance."""
        tables = report_tables(document, context)
        table = tables.applications if tables else None
        if table is None or any(term not in table.rows for term in _TERMS):
            return
        for col, name in enumerate(COLUMNS):
            values = [table.rows[term][col] for term in _TERMS]
            found = numbers(values)
            if found is None or all(v.blank for v in values):
                continue
            if col == len(COLUMNS) - 1 and not rows_add_up([table.rows[t] for t in _TERMS]):
                continue
            new, carried, total, carried_forward = found
            if new + carried != total + carried_forward:
                handled = total + carried_forward
                message = (f"表三“{name}”列：第一项加第二项为 {new}＋{carried}＝{new + carried}，"
                           f"第三项（七）总计加第四项为 {total}＋{carried_forward}＝{handled}，两者应相等")
                yield Finding(check=self.id, severity=self.severity, location=values[2].cell.location,
                              match=values[2].cell.text, message=message)
