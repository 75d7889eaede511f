"""pii/id-card: resident ID numbers (居民身份证号码), validated by GB 11643.

Candidates are found here, with their check digit (GB 11643: ISO 7064 MOD 11-2) and date.
A number whose check digit and date are right but whose region code no list of
divisions knows (a new or abolished one) is still reported.
"""

from __future__ import annotations

import datetime
import time
from functools import lru_cache

from checks.pii_common import SEP, STEP, digits
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

# Province-level codes (the first two digits) of GB/T 2260.
PROVINCES = frozenset("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
                      "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split())
_EDGE_BEFORE = "(?<![0-9０-９A-Za-z])"
_EDGE_AFTER = "(?![0-9０-９A-Za-z])"


def valid_id18(number: str, today: datetime.date | None = None) -> bool:
    """Check digit, a real birth date not in the future, a province that exists."""
    if len(number) != 18 or number[:2] not in PROVINCES:
        return False
    return _valid_id18(number, today or local_today())


# The local date last read, and the span of the clock's seconds it lasts: (date, start, end).
_DAY: list[tuple[datetime.date, float, float]] = [(datetime.date.min, 0.0, 0.0)]


def local_today() -> datetime.date:
    """`datetime.date.today()`, read again only once the clock leaves the day it was read on.

    Reading it costs as much as judging the ID: pii/id-card and pii/bank-card ask for each
    number, thousands in a batch of rosters. A clock set back is a day left too.
    """
    now = time.time()
    today, start, end = _DAY[0]
    if not start <= now < end:
        today = datetime.date.today()
        start = time.mktime(today.timetuple())
        end = time.mktime((today + datetime.timedelta(days=1)).timetuple())
        _DAY[0] = (today, start, end)
    return today


@lru_cache(maxsize=4096)  # pii/bank-card asks again of every ID pii/id-card judged
def _valid_id18(number: str, today: datetime.date) -> bool:
    born = _date(number[6:10], number[10:12], number[12:14])
    if born is None or not datetime.date(1900, 1, 1) <= born <= today:
        return False
    return number[:17].isdigit() and check_digit(number[:17]) == number[-1]


def check_digit(first17: str) -> str:
    """The 18th character of an ID whose first 17 digits are `first17` (ASCII digits).

    GB 11643 weighs the digit at position i (from 0) by 2 ** (17 - i) mod 11 and picks the
    check digit that makes the sum 1 mod 11, X standing for 10. Read in base 13, the digits
    sum to the same weights halved (13 is 2 mod 11): one int() in C instead of a Python loop.
    (python-stdnum computes it so too; importing it cost a process 20-60 ms, for ssl and pydoc.)
    """
    remainder = (1 - 2 * int(first17, 13)) % 11
    return "X" if remainder == 10 else str(remainder)


def id_shaped(number: str) -> bool:
    """18 characters laid out as an ID (a province, a real date), whatever the check digit."""
    if len(number) != 18 or number[:2] not in PROVINCES:
        return False
    born = _date(number[6:10], number[10:12], number[12:14])
    return born is not None and born.year >= 1900


def valid_id15(number: str) -> bool:
    """Old 15-digit numbers: a province that exists and a real date (19YYMMDD)."""
    if len(number) != 15 or number[:2] not in PROVINCES:
        return False
    return _date("19" + number[6:8], number[8:10], number[10:12]) is not None


def _date(year: str, month: str, day: str) -> datetime.date | None:
    """The date the digits spell, if there is one."""
    if not (year.isdigit() and month.isdigit() and day.isdigit()):
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


class IdCardCheck(PatternCheck):
    """Find 18- and 15-digit resident ID numbers, however spaced or wrapped."""

    id = "pii/id-card"
    severity = "error"
    description = "居民身份证号码（校验位、出生日期、地区码均有效，含全角、空格分隔、15位旧号）"
    advice = "把身份证号遮盖为 1101**********7657（保留前4位和后4位），或整列删除；公示名单只保留公示必需的信息。"
    pattern = lazy.regex_pattern(
        f"{_EDGE_BEFORE}[1-9１-９]{STEP}{{16}}{SEP}[0-9０-９XxＸｘ]{_EDGE_AFTER}"
        f"|{_EDGE_BEFORE}[1-9１-９]{STEP}{{14}}{_EDGE_AFTER}")
    overlapped = True
    in_number_runs = True
    shortest_run = 15  # the 15 digits of an old number; a new one has 17 before its check digit
    across_lines = True

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """An ID when it validates; the message says so, and what publishing it means."""
        number = digits(candidate.text)
        if valid_id18(number) or valid_id15(number):
            return "发现居民身份证号码：属于敏感个人信息，公开发布会造成个人信息泄露，请删除或按规定遮盖"
        if _stored_as_number(candidate, number):
            return ("发现被存为数字的身份证号码：电子表格只保留前15位有效数字（显示为 1.10105E+17 之类），"
                    "末几位已失真，但仍含地区码和出生日期，属于个人信息，请删除或遮盖")
        return None


def _stored_as_number(candidate: Candidate, number: str) -> bool:
    """A spreadsheet number cell holding an ID: a double keeps 15-17 digits, so its tail is lost."""
    return candidate.segment.location.detail == "number" and candidate.start == 0 and id_shaped(number)
