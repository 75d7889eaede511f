"""hidden/comment: reviewers' comments (.docx) and annotations (.pdf) travel with the file."""

from __future__ import annotations

from collections.abc import Iterator

from checks.hidden_common import part_finding
from linter.check import Check, CheckContext
from linter.model import Document, Finding


class CommentCheck(Check):
    """One finding per comment or annotation, with its author; the text is quoted masked."""

    id = "hidden/comment"
    severity = "error"
    description = ("文档中的批注（Word、WPS、ODF、RTF、Excel）、注释（PDF、OFD）或网页源代码中的注释："
                   "发布后任何人都能看到，请删除")
    advice = "删除全部批注后再发布：disclosure-lint clean 原文.docx -o 发布版.docx。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per comment."""
        for segment in document.segments_in("comment", "annotation"):
            if document.format == "html":
                yield part_finding(self, context, segment.location,
                                   "网页源代码含注释（<!-- … -->）：页面上不显示，但查看源代码即可看到，发布前请删除",
                                   "HTML 注释", segment.text, segment=segment)
            else:
                author = segment.location.detail or "未署名"
                yield part_finding(self, context, segment.location,
                                   f"文档含{author}的批注，发布前请删除批注", author, segment.text,
                                   segment=segment)
