"""hidden/tracked-change: unaccepted revisions — deleted text is still in the file."""

from __future__ import annotations

from collections.abc import Iterator

from checks.hidden_common import part_finding
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Location


class TrackedChangeCheck(Check):
    """One finding per file with revisions: how many, and the deleted text quoted (masked)."""

    id = "hidden/tracked-change"
    severity = "error"
    description = "未接受的修订（插入、删除）：被删除的文字仍保存在文件中，请接受或拒绝全部修订后再发布"
    advice = "接受或拒绝全部修订后再发布（删除的文字仍在文件中）：disclosure-lint clean 可一并接受全部修订。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield one finding summarising the file's tracked changes."""
        inserted = document.revisions.get("inserted", 0)
        deleted = document.revisions.get("deleted", 0)
        if not inserted and not deleted:
            return
        removed = document.segments_in("tracked-change")
        location = removed[0].location if removed else Location()
        quoted = "；".join(s.text for s in removed)
        message = f"文档有未接受的修订：插入 {inserted} 处，删除 {deleted} 处"
        message += "，删除的文字仍在文件中" if removed else ""
        yield part_finding(self, context, location, message, f"插入{inserted}/删除{deleted}", quoted)
