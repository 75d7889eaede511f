"""fields/missing-field: a required `label：value` field is absent or has no value."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checks.fields_common import profile_of
from linter.check import Check, CheckContext
from linter.model import Document, Finding, Segment
from linter.profiles import Field


class MissingFieldCheck(Check):
    """Find each field of the profile as `label：value` or as a label cell beside its value."""

    id = "fields/missing-field"
    severity = "error"
    description = "缺少必填字段或字段为空（如索引号、发布机构、成文日期、文号、主题分类）"
    advice = "补全缺少或空着的字段（如“索引号：”“发布机构：”后的内容）。"

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per required field that is missing or empty."""
        profile = profile_of(document, context)
        if profile is None or document.error:
            return
        for field in profile.fields:
            if field.optional:
                continue
            found = _find(document, field)
            if found is None:
                yield self.file_finding(f"缺少“{field.label}”字段：{profile.description}（{profile.name}）要求填写",
                                        match=field.label)
            elif not found[1]:
                yield self.finding(context, found[0], 0, len(found[0].text.strip()),
                                   f"“{field.label}”字段为空：请填写后再发布")


def _labels(field: Field) -> str:
    return "|".join(regex.escape(label) for label in (field.label, *field.aliases))


def _find(document: Document, field: Field) -> tuple[Segment, str] | None:
    """(segment holding the label, its value) for the first occurrence of the field."""
    inline = regex.compile(rf"(?:^|[\s　])(?:{_labels(field)})\s*[:：]\s*(?P<value>[^\s　]*)")
    cell = regex.compile(rf"^\s*(?:{_labels(field)})\s*[:：]?\s*$")
    for segment in document.segments:
        match = inline.search(segment.text)
        if match:
            return segment, match.group("value").strip()
        if segment.location.part == "table" and cell.match(segment.text):
            table = document.tables.of(segment)
            loc = segment.location
            neighbour = table.cells.get((loc.row, (loc.col or 0) + 1)) if table else None
            return segment, neighbour.text.strip() if neighbour else ""
    return None
