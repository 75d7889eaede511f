"""pii/landline: fixed-line numbers that belong to a person, not to an office.

A number with an area code is reported only in a personal context — 家庭电话,
住宅电话… just before it, or a phone column of a table that lists names —
and never next to 监督电话, 咨询电话, 办公电话 and the like.
"""

from __future__ import annotations

from checks.pii_common import last_of
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

_REACH = 16


class LandlineCheck(PatternCheck):
    """Find area-code phone numbers in a personal context."""

    id = "pii/landline"
    severity = "warning"
    description = "个人固定电话（家庭电话、住宅电话，或名单表格中的电话），不含监督、咨询、办公等公共电话"
    advice = "个人住宅电话请删除或遮盖；单位办公电话、热线可以公开，确认后加入 allow 或 allow-patterns。"
    pattern = lazy.regex_pattern(
        r"(?<![0-9０-９])[(（]?0[1-9][0-9]{1,2}[)）]?[ \-－—]?[2-9][0-9]{6,7}(?:[-－转][0-9]{1,4})?(?![0-9０-９])")

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Personal by the words before it or by the table column it stands in."""
        before = candidate.before(_REACH)
        personal = last_of(before, "pii-phone-personal.txt")
        public = last_of(before, "pii-phone-public.txt")
        if personal and (not public or public[0] < personal[0]):
            return f"发现个人固定电话（{personal[1]}）：属于个人信息，公开前请删除或遮盖"
        if public is None and _personal_column(document, candidate):
            return "发现名单中的个人电话：属于个人信息，公开前请删除或遮盖"
        return None


def _personal_column(document: Document, candidate: Candidate) -> bool:
    table = document.tables.of(candidate.segment)
    if table is None:
        return False
    return table.lists_people() and "电话" in table.column_of(candidate.segment)
