"""stats/subtotal: 表三's （七）总计 is the sum of its results; each 总计 of 表四 the sum of the four before it."""

from __future__ import annotations

from collections.abc import Iterator

from checks.stats_common import numbers, report_tables, rows_add_up, stated
from linter.check import Check, CheckContext
from linter.model import Document, Finding
from linter.stats.tables import results_of
from linter.stats.template import COLUMNS, REVIEW_GROUPS, REVIEW_RESULTS


class SubtotalCheck(Check):
    """One finding per total cell of 表三 and 表四 that is not the sum of the cells it totals."""

    id = "stats/subtotal"
    severity = "error"
    description = "年度报告表三“（七）总计”不等于（一）至（六）各项之和，或表四的“总计”不等于其前四项之和"
    advice = ("表三（七）总计 = 予以公开 + 部分公开 + 不予公开、无法提供、不予处理、其他处理的各小项；"
              "表四每组总计 = 维持 + 纠正 + 其他 + 尚未审结。")

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding at each total cell that does not add up."""
        tables = report_tables(document, context)
        if tables is None:
            return
        yield from self._applications(tables.applications)
        yield from self._reviews(tables.reviews)

    def _applications(self, table) -> Iterator[Finding]:
        results = () if table is None else results_of(table)
        if table is None or "total" not in table.rows or any(key not in table.rows for key in results):
            return
        for col, name in enumerate(COLUMNS):
            total = table.rows["total"][col]
            parts = numbers([table.rows[key][col] for key in results])
            if parts is None or not stated(total) or sum(parts) == total.number:
                continue
            if col == len(COLUMNS) - 1 and not rows_add_up([table.rows[key] for key in (*results, "total")]):
                continue
            yield Finding(check=self.id, severity=self.severity, location=total.cell.location, match=total.cell.text,
                          message=f"表三“（七）总计”行“{name}”列：应为 {sum(parts)}，实为 {total.number}"
                                  "（（一）至（六）各项之和）")

    def _reviews(self, table) -> Iterator[Finding]:
        if table is None:
            return
        for group in REVIEW_GROUPS:
            values = [table.values[(group, result)] for result in REVIEW_RESULTS]
            found = numbers(values)
            if found is None or not stated(values[-1]) or sum(found[:-1]) == found[-1]:
                continue
            yield Finding(check=self.id, severity=self.severity, location=values[-1].cell.location,
                          match=values[-1].cell.text,
                          message=f"表四“{group}”的总计：应为 {sum(found[:-1])}，实为 {found[-1]}"
                                  "（结果维持、结果纠正、其他结果、尚未审结之和）")
