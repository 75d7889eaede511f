"""pii/mobile: mainland mobile numbers, with +86 (or 0086) and spaced or hyphenated forms."""

from __future__ import annotations

from checks.pii_common import DIGIT, SEP, decimal_fraction
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck


class MobileCheck(PatternCheck):
    """Find 1[3-9]xxxxxxxxx numbers that are not part of a longer digit run."""

    id = "pii/mobile"
    severity = "error"
    description = "手机号码（含 +86、0086、138-1234-5678、138 1234 5678 等写法）"
    advice = "删除个人手机号，或遮盖为 138****5678；需要留联系方式的，改用单位办公电话。"
    pattern = lazy.regex_pattern(
        f"(?<![0-9０-９])(?:(?:[+＋]|00|００)?(?:86|８６){SEP})?[1１][3-9３-９]{DIGIT}"
        f"(?:{SEP}{DIGIT}{{4}}){{2}}(?![0-9０-９])")
    in_number_runs = True
    shortest_run = 11
    across_lines = True

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """A mobile number, unless the digits are another number's decimals (an e-invoice's unit price)."""
        if decimal_fraction(candidate.before(8)):
            return None
        return "发现手机号码：属于个人信息，公开前请删除或遮盖（如 138****5678）"
