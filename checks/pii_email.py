"""pii/email: personal mailboxes; institutional domains (gov.cn…) are not reported."""

from __future__ import annotations

import regex

from checks.pii_common import words
from linter.model import Document
from linter.patterns import Candidate, PatternCheck


class EmailCheck(PatternCheck):
    """Find e-mail addresses outside institutional domains."""

    id = "pii/email"
    severity = "warning"
    description = "个人电子邮箱（政府机关等机构域名的邮箱不报告）"
    advice = "个人邮箱请删除或改用单位公务邮箱。"
    # Bounded, ASCII-only parts: linear on a 5 MB line of Chinese text.
    pattern = regex.compile(
        r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@"
        r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?){1,6}")

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Personal unless the domain is (under) an institutional one."""
        domain = candidate.text.rsplit("@", 1)[1].lower()
        if "." not in domain or any(domain == d or domain.endswith("." + d)
                                    for d in words("pii-institutional-domains.txt")):
            return None
        return "发现个人电子邮箱：属于个人信息，公开前请删除或改用单位公共邮箱"
