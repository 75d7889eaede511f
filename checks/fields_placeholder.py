"""fields/placeholder: unfilled template text — 20xx年, XX局, ××市, X项, 【此处填写】, 待补充, TODO.

Not placeholders: X射线, X光, Excel (letters inside words), 李某某 and 张某 (lawful
anonymisation), 3×4 (a product), masked numbers (138****5678), the zeros of 二○○四年.
"""

from __future__ import annotations

from checks.fields_common import PLACEHOLDER_YEAR
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

_X = "[XxＸｘ×]"
_UNITS = "项个名人件次月日年条家户所万元届期批号局市县区镇乡村街处科室部委厅"
# A 文号 with an unfilled year or serial (〔20xx〕xx号, [201*]X号) is one placeholder, not two.
_DOC_NUMBER = (r"[〔\[【［﹝(（]\s*[0-9０-９xXｘＸ×*＊_＿\\]{2,6}\s*[〕\]】］﹞)）]"
               r"\s*第?\s*[0-9０-９xXｘＸ×*＊_＿\\]{0,6}\s*号")
_UNFILLED = lazy.re_pattern(r"[xXｘＸ×*＊_＿]")
_PLACEHOLDERS = (
    _DOC_NUMBER,
    PLACEHOLDER_YEAR,
    # Two or more X / × standing for a name or a number: XX局, ××市, xx个.
    rf"(?<![A-Za-z0-9]){_X}{{2,}}(?![A-Za-z0-9])",
    # One X before a counter or an organ: X项, X月X日, X局.
    rf"(?<![A-Za-z0-9.][ ]?){_X}(?=[{_UNITS}])",
    # ○○市, ○○同志 — but not the zeros of a year or number in Chinese numerals (二○○四年).
    r"(?<![〇○◯零一二三四五六七八九十])[○◯]{2,}(?![〇○◯零一二三四五六七八九十])",
    r"[【\[](?:此处|请在此|请)?(?:填写|输入|插入|补充)[^】\]\n]{0,20}[】\]]",
    r"[（(]\s{0,8}待(?:补充|定|填|完善|核实|确认)\s{0,8}[)）]|待补充|待填写",
    r"(?<![A-Za-z])(?:TBD|TODO|FIXME)(?![A-Za-z])",
    r"(?<![0-9A-Za-z*＊])[*＊]{3,}(?![0-9A-Za-z*＊])",
)


class PlaceholderCheck(PatternCheck):
    """Find template placeholders a drafter forgot to fill in."""

    id = "fields/placeholder"
    severity = "error"
    description = "未填写的模板占位符（20xx年、XX局、××市、X项、【此处填写】、待补充、TODO 等）"
    advice = "把模板占位符换成实际内容（20xx 年写成具体年份，XX 写成具体单位或数字，〔20xx〕xx号 填写实际文号）。"
    personal = False
    pattern = lazy.regex_pattern("|".join(f"(?:{p})" for p in _PLACEHOLDERS))
    # Every placeholder holds one of these, at most ~27 characters from either end.
    anchor = "XxＸｘ×*＊_＿○◯填输插补待TF"
    anchor_reach = 32

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Every match is a placeholder but a filled-in 文号; the pattern carries the exceptions."""
        if _DOC_NUMBER_ONLY.fullmatch(candidate.text):
            if not _UNFILLED.search(candidate.text):
                return None  # 〔2024〕8号: fields/doc-number's to judge
            return f"发文字号“{candidate.text}”未填写完整：模板内容未替换，请填写实际的年份和序号后再发布"
        return f"发现未填写的占位符“{candidate.text}”：模板内容未替换，请填写实际内容后再发布"


_DOC_NUMBER_ONLY = lazy.regex_pattern(_DOC_NUMBER)
