"""pii/passport: passports and other certificate numbers, found by their context words."""

from __future__ import annotations

from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

_CONTEXT = ("护照", "通行证", "台胞证", "回乡证", "军官证", "士兵证", "警官证", "居留证", "签证")
_REACH = 12


class PassportCheck(PatternCheck):
    """Find passport / permit numbers that follow their certificate's name."""

    id = "pii/passport"
    severity = "warning"
    description = "护照、港澳台通行证、军官证等证件号码（须紧随证件名称）"
    advice = "删除护照或通行证号码，或只保留后4位。"
    # Anchored on the certificate's name; the number is the `value` group. The number is
    # a run of 7+ digits, so only the text just before digit runs is searched.
    in_number_runs = True
    reach_before = max(map(len, _CONTEXT)) + _REACH + 4
    pattern = lazy.re_pattern(f"(?P<word>{'|'.join(_CONTEXT)})[^\x00]{{0,{_REACH}}}?"
                            r"(?<![A-Za-z0-9])(?P<value>[A-Za-z]{0,2}[0-9]{7,10})(?![A-Za-z0-9])")

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """A certificate number: its certificate's name stands just before it."""
        word = next((w for w in _CONTEXT if w in candidate.before(_REACH + 4)), "证件")
        return f"发现{word}号码：属于个人证件信息，公开前请删除或遮盖"
