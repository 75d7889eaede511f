"""hidden/fake-redaction: PDF text painted over with a box — still there for anyone to copy."""

from __future__ import annotations

from collections.abc import Iterator

from checks.hidden_common import part_finding
from linter.check import Check, CheckContext
from linter.model import Document, Finding


class FakeRedactionCheck(Check):
    """One finding per opaque box drawn over text, quoting (masked) what it fails to hide."""

    id = "hidden/fake-redaction"
    severity = "error"
    description = "PDF 中被黑框覆盖但未真正删除的文字（假涂黑）：复制或检索即可看到原文"
    advice = "黑框或白框遮挡的文字仍可复制：请删除原文字本身后再加遮挡，或在源文件中删除后重新导出 PDF。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per covered text."""
        for segment in document.concealed:
            if segment.location.detail == "redacted":
                yield part_finding(self, context, segment.location,
                                   "发现被黑框覆盖但仍可复制的文字：涂黑没有删除原文，请用真正的脱敏工具处理后重新导出",
                                   "被覆盖的文字", segment.text, segment=segment)
