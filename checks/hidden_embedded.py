"""hidden/embedded: embedded objects and attachments, whose content is not checked."""

from __future__ import annotations

from collections.abc import Iterator

from checks.hidden_common import part_finding
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Location


class EmbeddedCheck(Check):
    """One finding per embedded object (OLE, workbook) or PDF file attachment."""

    id = "hidden/embedded"
    severity = "warning"
    description = "嵌入对象或附件（OLE 对象、嵌入的表格、PDF/OFD 附件、数据透视表缓存、宏）：其内容未经检查"
    advice = "检查嵌入的对象（Excel 表格、其他文档）是否含不宜公开的内容；不需要的请删除，需要的请转为图片或正文。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per attachment."""
        for name in document.attachments:
            # Placed as the name's own segment is: the name, in the message, may be a long path.
            yield part_finding(self, context, Location(part="metadata", detail="attachment"),
                               f"文档含嵌入对象或附件“{name}”：其内容未经检查，请单独审核或删除", name, "")
