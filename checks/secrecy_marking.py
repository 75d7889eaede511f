"""secrecy/marking: classification markings (密级标志) — 秘密★1年, 密级：机密, 绝密 on its own."""

from __future__ import annotations

from collections.abc import Iterator

from checks.secrecy_common import not_exempt
from linter import lazy
from linter.check import Check, CheckContext
from linter.matching import Hit
from linter.model import Document, Finding
from linter.placement import standalone
from linter.profiles import squash
from linter.wordlist import Entry

_LEVEL = "(?:绝密|机密|秘密)"
_PERIOD = r"(?:长期|启用前|\d{1,3}(?:年|个月|月)|[一二三四五六七八九十]{1,3}(?:年|个月))"
# Normalised text: widths folded (☆ → ★), spaces and line breaks removed.
_PATTERNS = (
    ("star", lazy.re_pattern(rf"{_LEVEL}(?:★{_PERIOD}?|\*{_PERIOD})")),
    ("field", lazy.re_pattern(rf"密级[:：]?{_LEVEL}")),
    ("alone", lazy.re_pattern(_LEVEL)),
)


def _cut_from_phrase(document: Document, hit: Hit) -> bool:
    """The level word ends 国家秘密 begun just before it.

    In the segment before (a wrapped line), or the cell above or to the left (a table
    row split across cells).
    """
    before = [document.segments[hit.index - 1].text] if hit.index else []
    table = document.tables.of(hit.segment)
    if table is not None:
        row, col = hit.segment.location.row or 0, hit.segment.location.col or 0
        before += [cell.text for cell in (table.cells.get((row - 1, col)), table.cells.get((row, col - 1))) if cell]
    return any(squash(text).endswith(("国家", "家秘")) for text in before)


class MarkingCheck(Check):
    """Find classification markings, however a drafter or a PDF spaced them."""

    id = "secrecy/marking"
    severity = "error"
    description = "密级标志（绝密/机密/秘密★期限、密级：秘密、单独成行的密级），标有密级的文件严禁公开"
    advice = ("删除密级标志所在的整行（如“秘密★1年”），并确认该文件已依法解密或不属于国家秘密"
              "；未经定密机关确认不得发布。")

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per marking."""
        for hit in not_exempt(document, context, list(self._hits(document))):
            shown = hit.segment.text[hit.start:hit.end]
            yield self.finding(context, hit.segment, hit.start, hit.end,
                               f"发现密级标志“{shown.strip()}”：标有密级的文件属于国家秘密，严禁公开发布")

    def _hits(self, document: Document) -> Iterator[Hit]:
        norm = document.normalized
        if "密" not in norm.text:  # every marking holds it; `in` runs ten times a regex's speed
            return
        taken: set[int] = set()
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(norm.text):
                if m.start() in taken:
                    continue
                hit = Hit.at(document, m.start(), m.end(), Entry(m.group(), m.group(), kind))
                # A bare level word is a marking only when it is all its line holds, and not the
                # end of 属于国家秘密 that a narrow cell or a line break cut off (…国家 / 秘密).
                if kind != "alone" or standalone(document, hit) and not _cut_from_phrase(document, hit):
                    taken.add(m.start())
                    yield hit
