"""fields/doc-number: 发文字号 not in the GB/T 9704-2012 form 机关代字〔年份〕序号号."""

from __future__ import annotations

from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck

_PAIRS = {"〔": "〕"}
_OPEN, _CLOSE = "〔\\[【（(［﹝{<", "〕\\]】）)］﹞}>"
_YEAR_PLACEHOLDER = lazy.regex_pattern(r"[xX_＿*]")
# The year and serial may be missing altogether (政发〔〕号, 政发〔2024〕号): a form left blank.
_FORM = lazy.regex_pattern(rf"(?P<open>[{_OPEN}])\s*(?P<year>[0-9０-９xX_＿\\*]{{4,6}})?\s*(?P<close>[{_CLOSE}])"
                      r"\s*(?P<di>第)?\s*(?P<serial>[0-9０-９]*)\s*号")


class DocNumberCheck(PatternCheck):
    """Find document numbers whose brackets, serial or wording break the standard form."""

    id = "fields/doc-number"
    severity = "warning"
    description = "发文字号格式不规范（年份应用六角括号〔〕、括号须配对、序号不编虚位、不加“第”）"
    advice = "文号写成 机关代字〔2024〕12号：年份用六角括号〔〕，序号不加“第”、不编虚位，年份和序号都要填写。"
    personal = False
    # Anchored on the bracket (rare) rather than on the organ's name (any Chinese character).
    pattern = lazy.regex_pattern(r"(?<=\p{Han}\s*)" + _FORM.pattern)

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """Name what is wrong with the number, or accept it."""
        m = _FORM.match(candidate.text)
        if m is None or _YEAR_PLACEHOLDER.search(m["year"] or ""):
            return None  # an unfilled year is fields/placeholder's finding
        if not m["year"] and not m["serial"] and m["open"] in "(（":
            return None  # 市长（）号: a parenthesis left open in prose, not a 文号
        problems = [] if m["year"] else ["年份为空"]
        if not m["serial"]:
            problems.append("缺少序号")
        if m["open"] != "〔" or m["close"] != "〕":
            paired = m["open"] in _PAIRS and _PAIRS[m["open"]] == m["close"] or \
                _OPEN.find(m["open"]) == _CLOSE.find(m["close"])
            problems.append("年份应使用六角括号〔〕" + ("" if paired else "，且括号不配对"))
        if m["di"]:
            problems.append("序号前不加“第”")
        if len(m["serial"]) > 1 and m["serial"][0] in "0０":
            problems.append("序号不编虚位（不以0开头）")
        if not problems:
            return None
        fixed = f"，应为“〔{m['year']}〕{m['serial'].lstrip('0０')}号”" if m["year"] and m["serial"] else ""
        return f"发文字号“{candidate.text}”格式不规范：{'；'.join(problems)}{fixed}（GB/T 9704—2012）"
