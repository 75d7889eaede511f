"""hidden/metadata: who and what the file's properties name (author, company, reviewers…)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.hidden_common import part_finding
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Location

# Properties that name people, organisations or internal paths; dates and counts are left out.
_KEYS = ("creator", "lastModifiedBy", "people", "Company", "Manager", "Template", "HyperlinkBase",
         "title", "subject", "keywords", "description", "category",
         "Author", "Creator", "Producer", "Subject", "Keywords", "Title")


class MetadataCheck(Check):
    """One finding per file listing its identifying properties, for a reviewer to clear."""

    id = "hidden/metadata"
    severity = "warning"
    description = "文档属性中的作者、最后修改人、单位、审阅人、模板路径等信息"
    advice = "清除文档属性中的作者、单位、模板路径等信息：disclosure-lint clean 会清空这些属性。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield one finding listing the properties, if the file carries any."""
        shown = {k: v for k, v in document.metadata.items() if k in _KEYS or k.startswith("custom:")}
        if shown:
            listing = "；".join(f"{k}={v}" for k, v in shown.items())
            yield part_finding(self, context, Location(part="metadata"),
                               f"文档属性含 {len(shown)} 项信息（{'、'.join(shown)}），发布前请核对或清除",
                               "、".join(shown), listing, limit=1000)
