"""pii/bank-card: bank card and account numbers (Luhn and an issuer prefix, or context)."""

from __future__ import annotations

from checks.pii_common import STEP, decimal_fraction, digits
from checks.pii_id_card import id_shaped, valid_id18
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

# Issuer prefixes with the lengths their cards have: UnionPay, Visa, Mastercard, JCB, and the
# Agricultural Bank's 9559 debit cards issued before UnionPay's 62 (9559980210373015416).
_ISSUERS = ((("62",), (16, 17, 18, 19)), (("4",), (16, 19)),
            (("51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27"), (16,)),
            (("35",), (16, 17, 18, 19)), (("9559",), (19,)))
_CONTEXT = lazy.regex_pattern("银行卡|卡号|账号|帐号|开户|账户|帐户|银行")


def issued(number: str) -> bool:
    """The number has an issuer's prefix and one of that issuer's card lengths."""
    return any(len(number) in lengths and number.startswith(prefixes) for prefixes, lengths in _ISSUERS)


def luhn_valid(number: str) -> bool:
    """The Luhn checksum (ISO/IEC 7812) of a number of ASCII digits holds.

    From the right, every second digit is doubled and its digits summed; the total ends in 0.
    """
    if not (number.isascii() and number.isdigit()):
        return False
    values = [int(d) for d in reversed(number)]
    return (sum(values[::2]) + sum(sum(divmod(2 * d, 10)) for d in values[1::2])) % 10 == 0


class BankCardCheck(PatternCheck):
    """Find 16-19 digit card numbers; an 18-digit number that is a valid ID is left to pii/id-card."""

    id = "pii/bank-card"
    severity = "error"
    description = "银行卡号、账号（Luhn 校验加发卡行前缀，或紧邻“银行卡/卡号/账号/开户”）"
    advice = "删除银行卡号，或只保留后4位（如 **** **** **** 1234）。"
    pattern = lazy.regex_pattern(f"(?<![0-9０-９A-Za-z])[1-9１-９]{STEP}{{15,18}}(?![0-9０-９A-Za-z])")
    overlapped = True
    in_number_runs = True
    shortest_run = 16
    across_lines = True

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """A card when Luhn and issuer agree, or when the text says it is one."""
        number = digits(candidate.text)
        if not number.isdigit() or valid_id18(number) or decimal_fraction(candidate.before(8)):
            return None
        # About 10% of ID-shaped archive numbers pass Luhn, and region codes 41-46 look
        # like Visa's 4: without a word saying "card", an ID-shaped number is not one.
        # Cheapest test first: a run of spaced digits yields a candidate at every digit.
        card_like = issued(number) and not id_shaped(number) and luhn_valid(number)
        if not (card_like or _CONTEXT.search(candidate.before(12))):
            return None
        return "发现银行卡号或账号：属于敏感个人信息，公开发布可能造成财产损失，请删除或遮盖"
