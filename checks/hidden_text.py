"""hidden/hidden-text: text a reader does not see — hidden runs, white text, text of 1pt or less."""

from __future__ import annotations

from collections.abc import Iterator

from checks.hidden_common import part_finding
from linter.check import Check, CheckContext
from linter.model import Document, Finding

_WHY = {"vanish": "隐藏文字", "white": "白色文字", "transparent": "全透明（不可见）的文字",
        "tiny": "极小字号（不大于1磅）的文字", "outside": "页面范围之外的文字", "hidden-sheet": "隐藏的工作表",
        "very-hidden-sheet": "深度隐藏的工作表（Excel 界面中无法取消隐藏）", "hidden-row": "隐藏的行",
        "hidden-column": "隐藏的列", "hidden-format": "格式设为不显示内容的单元格（如 ;;;）",
        "display-none": "网页中不显示的内容（display:none、visibility:hidden、hidden 属性）",
        "hidden-input": "网页表单的隐藏字段（input type=hidden）",
        "earlier-version": "PDF 早先版本中的文字（增量保存时已从页面删除）"}


class HiddenTextCheck(Check):
    """One finding per paragraph holding hidden text, saying how it is hidden."""

    id = "hidden/hidden-text"
    severity = "error"
    description = ("读者看不到的文字（隐藏格式、白色、不大于1磅、PDF 页面外或增量保存前的早先版本中，"
                   "电子表格中隐藏的工作表、行、列）："
                   "仍在文件中，可被复制或检索")
    advice = "删除隐藏文字、白色文字或极小字号的文字：disclosure-lint clean 会删除读者看不到的内容。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per hidden-text segment."""
        concealed = [s for s in document.concealed if s.location.detail != "redacted"]
        for segment in (*document.segments_in("hidden-text"), *concealed):
            if segment.location.part == "hidden-text":
                why = _WHY.get(segment.location.detail or "", "隐藏文字")
                yield part_finding(self, context, segment.location,
                                   f"文档含{why}：读者看不到但仍在文件中，请删除", why, segment.text,
                                   segment=segment)
