"""fields/template-residue: leftovers of a copied web template (本文原地址, 上一篇, 篇3：, Markdown in a .txt).

Phrases and links are data (wordlists/fields-template-residue.txt), one finding each. A
plain-text draft copied from a web page also keeps the page's Markdown (### headings,
> quotes, [text](#) links, a backslash before _ or *): that is one finding per file, with the count,
at the first mark — a reviewer deletes them all at once, not one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from linter import lazy
from linter.check import Check, CheckContext
from linter.matching import PhraseList, merge_adjacent
from linter.model import Document, Finding, Segment
from linter.wordlist import builtin

WORDLIST = "fields-template-residue.txt"
# Marks a typist would not make in a plain-text draft; a lone - or * list bullet is left
# alone (people type those), and so is a # not followed by a space (#1, #标签).
_MARKDOWN = lazy.re_pattern(
    r"^\s{0,3}#{1,6}\s+\S"              # ### 标题
    r"|^\s{0,3}>\s?\S"                   # > 引用
    r"|\[[^\]\n]{1,200}\]\([^)\s]*\)"    # [链接](#)
    r"|\*\*[^*\n]{1,200}\*\*"           # **加粗**
    r"|\\[_*#\[\]`>-]"                   # 20\_, 201\* — the escapes of a Markdown export
    r"|^\s*\|?\s*:?-{3,}:?\s*\|"         # |---|---| 表格分隔行
)
_MARK_CHARS = "#>[*\\|"  # every mark holds one of these: a line holding none is not searched


class TemplateResidueCheck(Check):
    """Find phrases and links that only a page copied from a template site carries."""

    id = "fields/template-residue"
    severity = "error"
    description = ("从范文网站复制的残留内容（本文原地址、上一篇/下一篇、篇N：、范文网站链接、"
                   "纯文本中的 Markdown 标记等）")
    advice = "删除从网上复制的无关内容（原文地址、网站名称、上一篇/下一篇、篇N：、Markdown 符号等）。"

    @cached_property
    def _phrases(self) -> PhraseList:
        return PhraseList(builtin(WORDLIST))

    def prepare(self, context: CheckContext) -> None:
        """The phrases' automaton, built with the other lists' (one merged build)."""
        self._phrases  # noqa: B018

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per leftover, and one for all the Markdown of a plain-text draft."""
        for hit in merge_adjacent(list(self._phrases.hits(document)), gap=0):
            shown = hit.segment.text[hit.start:hit.end]
            yield self.finding(context, hit.segment, hit.start, hit.end,
                               f"发现模板网站残留内容“{shown}”：请删除从网上复制的无关内容")
        if document.format == "txt":
            yield from self._markdown(document, context)

    def _markdown(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        # The expression tries each of its forms at every character (a third of a text draft's
        # checks); a character looked for with `in` is skipped over at once, in the whole text first.
        if not any(c in document.joined[0] for c in _MARK_CHARS):
            return
        marks = [(segment, m) for segment in document.segments
                 if segment.location.part != "metadata" and any(c in segment.text for c in _MARK_CHARS)
                 for m in _MARKDOWN.finditer(segment.text)]
        if not marks:
            return
        segment, first = marks[0]
        start, end = _mark_span(segment, first)
        yield self.finding(context, segment, start, end,
                           f"纯文本文稿中有 {len(marks)} 处 Markdown 标记（首处“{segment.text[start:end]}”）："
                           "从网页复制的格式残留，请删除", severity="warning")


def _mark_span(segment: Segment, m: re.Match) -> tuple[int, int]:
    """The mark itself, not the text it formats: the ### of a heading, the > of a quote."""
    text = m.group()
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    if stripped[:1] in "#>":
        width = len(stripped) - len(stripped.lstrip("#>"))
        return m.start() + lead, m.start() + lead + width
    return m.start(), m.end()
