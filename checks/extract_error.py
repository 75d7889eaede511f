"""extract/error: a file that could not be read is a finding, never a pass."""

from __future__ import annotations

from collections.abc import Iterator

from linter.check import Check, CheckContext
from linter.model import Document, Finding


class ExtractErrorCheck(Check):
    """Report a file the extractor could not read (corrupt, encrypted, unsupported…)."""

    id = "extract/error"
    severity = "error"
    description = "文件无法读取（损坏、加密、格式不支持或为空），内容未经检查"
    advice = ("文件无法读取：确认文件完整、未加密、格式正确（.doc/.wps 请另存为 .docx）"
              "，修复后重新检查；在此之前不得视为已通过。")

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield one finding when the document carries an extraction error."""
        if document.error:
            yield self.file_finding(f"文件未能检查：{document.error}")
