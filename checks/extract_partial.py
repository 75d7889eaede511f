"""extract/partial: text that may not all have been read — a pasted scan, a damaged file."""

from __future__ import annotations

from collections.abc import Iterator

from linter.check import Check, CheckContext
from linter.model import Document, Finding, Location


class PartialTextCheck(Check):
    """Report pages mostly covered by an image, and files read only in part after damage."""

    id = "extract/partial"
    severity = "warning"
    description = "部分内容未能读取：页面大部分为图片（可能粘贴了扫描件），或文件损坏、只读出一部分"
    advice = "文件部分内容读不出（损坏的页面或部件）：请从源文件重新导出，确认全部内容可读后再检查。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per mostly-image page, and one per sign of damage."""
        for note in document.damaged:
            message = f"文件已损坏，可能有内容未读出、未经检查：{note}。请用原软件重新导出后再检查"
            yield self.file_finding(message, match=note)
        for page in document.pages_mostly_image:
            message = f"第{page}页大部分是图片、文字很少（可能是粘贴的扫描件），图片内容未经检查，请人工审阅"
            yield self.file_finding(message, location=Location(page=page))
