"""pii/plate: vehicle plates in a personal context (车主, 车牌号, a list of names)."""

from __future__ import annotations

from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_CONTEXT = ("车牌", "号牌", "车主", "车辆", "驾驶")
_REACH = 16


class PlateCheck(PatternCheck):
    """Find licence plates where a person's vehicle is meant."""

    id = "pii/plate"
    severity = "warning"
    description = "机动车号牌（在车主、车牌号等个人语境或人员名单中）"
    advice = "遮盖车牌号的后几位（如 浙A·1****），与事项无关的直接删除。"
    pattern = lazy.re_pattern(
        f"[{_PROVINCES}][A-HJ-NP-Z][·•・ ]?(?=[A-HJ-NP-Z0-9]*[0-9])[A-HJ-NP-Z0-9]{{5,6}}(?![A-Za-z0-9])")
    # Searched around the letter after the province, found among a text's few Latin capitals at
    # memory speed: the province characters (新, 云, 青…) are common words, tried at each.
    # A match starts one character before the letter and, with what its look-ahead reads, ends
    # at most nine after it.
    anchor = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    anchor_reach = 8

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """A person's plate when the words before it or its table say so."""
        before = candidate.before(_REACH)
        table = document.tables.of(candidate.segment)
        listed = table is not None and table.lists_people()
        if not (listed or any(w in before for w in _CONTEXT)):
            return None
        return "发现机动车号牌：与个人关联时属于个人信息，公开前请删除或遮盖"
