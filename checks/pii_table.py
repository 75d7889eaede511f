"""pii/table: a list of people with their ID numbers, phones, addresses or cards.

The classic 公示 leak: a table whose header names 姓名 beside 身份证号 (or
联系电话, 住址, 银行卡号) and whose rows hold those values unmasked. One
finding for the table, in addition to the findings on its cells.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.pii_common import MASK_CHARS, words
from linter.check import Check, CheckContext
from linter.model import Document, Finding
from linter.tables import Table


class PersonalTableCheck(Check):
    """Find tables listing people together with their identifying data."""

    id = "pii/table"
    severity = "error"
    description = "含“姓名”及身份证号、联系电话、住址、银行卡号等列且数据未遮盖的名单表格"
    advice = "公示名单中的身份证号、电话、住址等列请整列删除或逐项遮盖，只保留公示所需的姓名（必要时也要遮盖）。"
    personal = True

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield one finding per table that lists people with unmasked data."""
        for table in document.tables.all:
            exposed = _exposed_columns(table)
            if exposed:
                cell = next(s for (r, c), s in sorted(table.cells.items()) if r == table.first_row)
                columns = "、".join(exposed)
                yield self.finding(context, cell, 0, 0,
                                   f"名单表格同时列出姓名和{columns}且未遮盖：公示名单不得公开完整个人信息，"
                                   "请删除这些列或按规定遮盖")


def _exposed_columns(table: Table) -> list[str]:
    header = table.header()
    if not table.lists_people():
        return []
    sensitive = {c: h for c, h in header.items() if any(w in h for w in words("pii-sensitive-columns.txt"))}
    exposed = []
    rows = table.rows().values()  # once: each sensitive column is read from them
    for col, title in sensitive.items():
        values = [row[col].text for row in rows if col in row]
        if any(v.strip() and not any(m in v for m in MASK_CHARS) for v in values):
            exposed.append(title)
    return exposed
