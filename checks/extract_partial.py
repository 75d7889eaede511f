"""extract/partial: a page mostly covered by an image with little text — partly unchecked."""

from __future__ import annotations

from collections.abc import Iterator

from linter.check import Check, CheckContext
from linter.model import Document, Finding, Location


class PartialTextCheck(Check):
    """Report pages where an image (likely a scanned table) covers most of the page."""

    id = "extract/partial"
    severity = "warning"
    description = "页面大部分为图片、文字很少（可能粘贴了扫描件），图片中的内容未经检查"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per mostly-image page."""
        for page in document.pages_mostly_image:
            message = f"第{page}页大部分是图片、文字很少（可能是粘贴的扫描件），图片内容未经检查，请人工审阅"
            yield self.file_finding(message, location=Location(page=page))
