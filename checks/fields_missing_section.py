"""fields/missing-section: a section the document's profile requires is not there."""

from __future__ import annotations

from collections.abc import Iterator

from checks.fields_common import profile_of, region
from linter.check import Check, CheckContext
from linter.model import Document, Finding


class MissingSectionCheck(Check):
    """Report each required section (or element) of the profile that no paragraph matches."""

    id = "fields/missing-section"
    severity = "error"
    description = "缺少文档类型要求的部分（如年度报告的“三、收到和处理政府信息公开申请情况”、公文的成文日期）"
    advice = "按文档类型补全缺少的部分（如年度报告的“四、政府信息公开行政复议、行政诉讼情况”），没有内容的写明“无”。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield one finding per missing section; `match` is its canonical title."""
        profile = profile_of(document, context)
        if profile is None or document.error:
            return
        regions: dict[str, list[str]] = {}  # a profile has many sections and only a few regions
        for section in profile.sections:
            if section.optional:
                continue
            if section.where not in regions:
                regions[section.where] = region(document, section.where)
            texts = regions[section.where]
            if not any(p.search(t) for p in section.patterns for t in texts):
                yield self.file_finding(
                    f"缺少“{section.title}”部分：{profile.description}（{profile.name}）要求包含此部分",
                    match=section.title)
