"""extract/no-text: pages or files that carry no extractable text.

A scanned page can hold an ID number or a classification marking no check can
see; it must be reported so a reviewer reads it, never passed as clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from linter.check import Check, CheckContext
from linter.model import Document, Finding, Location


class NoTextCheck(Check):
    """Report image-only pages (scans) and files without any text."""

    id = "extract/no-text"
    severity = "error"
    description = "页面或文件没有可提取的文字（如扫描件），无法自动检查，需人工审阅"
    advice = "该页或文件没有可读文字（扫描件或文字转成了曲线）：请人工逐页审读，或提供带文字层的版本后重新检查。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per page without text, or one for a file without any."""
        if document.error:
            return
        for page in document.pages_without_text:
            yield self.file_finding(
                f"第{page}页没有文字层（可能是扫描件或图片），无法自动检查，请人工审阅或先做文字识别",
                location=Location(page=page))
        if not document.pages_without_text and not any(
            s.text.strip() for s in document.segments if s.location.part != "metadata"
        ):
            if document.format in ("txt", "md", "csv", "html"):  # nothing there to miss: it is all text
                what = "网页" if document.format == "html" else "文本文件"
                yield replace(self.file_finding(f"{what}是空的（没有任何文字），请确认是否上传了正确的文件"),
                              severity="warning")
            else:
                yield self.file_finding("文件中没有可提取的文字，无法自动检查，请人工审阅")
