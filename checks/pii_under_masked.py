"""pii/under-masked: numbers masked in a way that still reveals too much.

Default policy: an ID number shows at most its first 6 and last 4 characters
(so never the birth date); a mobile number at most 3 + 4 digits (138****5678).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck, locate

ID_HEAD, ID_TAIL = 6, 4
PHONE_VISIBLE = 7
_MASK_CHARS = "*＊×"
_HEAD = lazy.regex_pattern(r"(?<![A-Za-z*＊×])(?<![0-9])([0-9]{0,17})$")
_TAIL = lazy.regex_pattern(r"([0-9]{0,17}[Xx]?)(?![0-9A-Za-z*＊×])")


class UnderMaskedCheck(PatternCheck):
    """Find masked ID and phone numbers whose visible part exceeds the policy."""

    id = "pii/under-masked"
    severity = "warning"
    description = "遮盖不充分的号码（身份证号露出出生日期、手机号露出 8 位以上等）"
    advice = "遮盖不足：身份证号至少遮盖出生日期等中间部分（1101**********7657），手机号遮盖中间4位（138****5678）。"
    # Anchored on the mask characters, which are rare; the digits around are added after.
    pattern = lazy.regex_pattern(f"[{_MASK_CHARS}]{{1,17}}")

    def candidates(self, document: Document) -> Iterator[Candidate]:
        """Mask runs widened over the digits on both sides: 1101051990****7657."""
        text = document.joined[0]
        if not any(mask in text for mask in _MASK_CHARS):  # most drafts mask nothing: skip the scan
            return
        for candidate in super().candidates(document):
            head = _HEAD.search(candidate.before(18))
            tail = _TAIL.match(candidate.after(18))
            if head is None or tail is None:
                continue  # a letter or another mask glued on: not a masked number
            yield locate(document, candidate.at - len(head.group(1)), candidate.until + len(tail.group(1)))

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Too much left visible for an ID (18/15 characters) or a mobile (11)."""
        text = candidate.text
        head = len(text) - len(text.lstrip("0123456789"))
        tail = len(text) - len(text.rstrip("0123456789Xx"))
        if len(text) in (15, 18) and text[0] in "123456789" and (head > ID_HEAD or tail > ID_TAIL):
            return f"身份证号遮盖不充分（露出前{head}位、后{tail}位）：应至多露出前{ID_HEAD}位和后{ID_TAIL}位"
        if len(text) == 11 and text[:1] == "1":
            visible = sum(c.isdigit() or c in "Xx" for c in text)  # only here: a roster has 50,000 of them
            if visible > PHONE_VISIBLE:
                return f"手机号遮盖不充分（露出{visible}位）：应至多露出前3位和后4位"
        return None
