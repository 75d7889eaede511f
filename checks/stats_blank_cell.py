"""stats/blank-cell: a cell of 表三 or 表四 that is empty or not a number."""

from __future__ import annotations

from collections.abc import Iterator

from checks.stats_common import cell_name, report_tables
from linter.check import Check, CheckContext
from linter.model import Document, Finding
from linter.stats.tables import Value


class BlankCellCheck(Check):
    """One finding per value cell the arithmetic needs that is empty, or holds -, /, ——, X, xx…"""

    id = "stats/blank-cell"
    severity = "error"
    description = "年度报告表三、表四的统计格为空或不是数字（“-”“/”“——”“X”都不是数字，没有的应填 0）"
    advice = "统计表每一格都填非负整数，没有发生的填 0，不要留空或填“-”“/”“无”。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per cell that is not a number, or one for a table left entirely blank."""
        tables = report_tables(document, context)
        if tables is None:
            return
        table = tables.applications
        if table is not None and table.rows:
            cells = [(key, col, v) for key, values in table.rows.items() for col, v in enumerate(values)]
            yield from self._cells("表三", cells, lambda key, col: cell_name(key, col))
        if tables.reviews is not None:
            cells = [(key, 0, v) for key, v in tables.reviews.values.items()]
            yield from self._cells("表四", cells, lambda key, col: f"表四“{key[0]}”“{key[1]}”")

    def _cells(self, table: str, cells: list[tuple[object, int, Value]], name) -> Iterator[Finding]:
        wrong = [(key, col, v) for key, col, v in cells if v.number is None]
        if wrong and all(v.blank for _, _, v in cells):
            first = cells[0][2]
            yield Finding(check=self.id, severity=self.severity, location=first.cell.location,
                          message=f"{table}没有填写：{len(cells)} 个统计格都是空的，没有发生的事项应填 0")
            return
        for key, col, value in wrong:
            what = "为空" if value.blank else f"不是数字（“{value.cell.text.strip()}”）"
            yield Finding(check=self.id, severity=self.severity, location=value.cell.location,
                          match=value.cell.text.strip(),
                          message=f"{name(key, col)}{what}：统计格应填非负整数，没有的填 0")
