"""fields/template-residue: leftovers of a copied web template (本文原地址, 一键复制全文…)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from linter.check import Check, CheckContext
from linter.matching import PhraseList, merge_adjacent
from linter.model import Document, Finding
from linter.wordlist import builtin

WORDLIST = "fields-template-residue.txt"


class TemplateResidueCheck(Check):
    """Find phrases and links that only a page copied from a template site carries."""

    id = "fields/template-residue"
    severity = "error"
    description = "从范文网站复制的残留内容（本文原地址、一键复制全文、保存为WORD、网友投稿、范文网站链接等）"

    @cached_property
    def _phrases(self) -> PhraseList:
        return PhraseList(builtin(WORDLIST))

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per leftover."""
        for hit in merge_adjacent(list(self._phrases.hits(document)), gap=0):
            shown = hit.segment.text[hit.start:hit.end]
            yield self.finding(context, hit.segment, hit.start, hit.end,
                               f"发现模板网站残留内容“{shown}”：请删除从网上复制的无关内容")
