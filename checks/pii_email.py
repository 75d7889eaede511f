"""pii/email: personal mailboxes; institutional domains (gov.cn…) are not reported.

Many offices publish a mailbox on a free-mail domain (163.com, qq.com). Such an address is
not reported where the text says whose it is: a public-mailbox word just before it (监督邮箱,
投稿邮箱…), or the office a reader is asked to contact in the same sentence (请与××市人民政府
办公室联系（地址…，电话…，电子邮箱…）), with no contact person named in between.
"""

from __future__ import annotations

from checks.pii_common import last_of, words
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

_REACH = 16  # characters before the address where a public-mailbox word counts
_SENTENCE = 120  # characters back to the office the sentence asks readers to contact
# 请与××办公室联系 / 请联系××局 / 联系单位：××中心 — the contact is an office, not a person.
_OFFICE_CONTACT = lazy.regex_pattern(
    r"(?:请与|请联系|联系单位|联系部门|咨询单位)[:：]?[^，。；,;！？]{0,30}?"
    r"(?:办公室|办公厅|委员会|人民政府|政府|局|厅|委|中心|处|科|所|院|站|办)")
# Words that bring a person in between: the mailbox may be theirs.
_PERSON = lazy.regex_pattern(r"联系人|先生|女士|同志|经办人|负责人|[。！？]")


class EmailCheck(PatternCheck):
    """Find e-mail addresses outside institutional domains."""

    id = "pii/email"
    severity = "warning"
    description = "个人电子邮箱（政府机关等机构域名的邮箱、写明为单位或公共邮箱的不报告）"
    advice = "个人邮箱请删除或改用单位公务邮箱。"
    # Bounded, ASCII-only parts: linear on a 5 MB line of Chinese text.
    pattern = lazy.regex_pattern(
        r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@"
        r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?){1,6}")

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Personal unless the domain is institutional or the text says the mailbox is an office's."""
        domain = candidate.text.rsplit("@", 1)[1].lower()
        top = domain.rsplit(".", 1)[-1]
        if not (top.isalpha() and len(top) >= 2):
            return None  # no top-level domain is a digit or one letter: 9@AJ.D is a garbled font's text
        if "." not in domain or any(domain == d or domain.endswith("." + d)
                                    for d in words("pii-institutional-domains.txt")):
            return None
        if last_of(candidate.before(_REACH), "pii-email-public.txt") or _offices(candidate.before(_SENTENCE)):
            return None
        return "发现个人电子邮箱：属于个人信息，公开前请删除或改用单位公共邮箱"


def _offices(before: str) -> bool:
    """The sentence asks readers to contact an office, and names nobody between it and the address."""
    contacts = list(_OFFICE_CONTACT.finditer(before))
    return bool(contacts) and _PERSON.search(before, contacts[-1].end()) is None
