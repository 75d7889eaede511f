"""proof/typo: known misspellings and non-standard word forms — 投拆 for 投诉, 布署 for 部署.

The list is data (wordlists/proof-typos.txt: wrong, right, note), and users add entries or
switch one off with their own lists (`--typos FILE`, config `typos = [...]`): the user's
entry for a form wins. A hit counts only where the wrong form stands on word boundaries
(全部份额 is 全部|份额, not 部份), and not inside a phrase the lists mark correct (`=`).
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.check import Check, CheckContext
from linter.matching import Hit, PhraseIndex, inside
from linter.model import Document, Finding
from linter.wordbreak import WordBreaker
from linter.wordlist import builtin, corrections

WORDLIST = "proof-typos.txt"
CORRECT = "="  # the right column of a phrase that is correct as written


class TypoCheck(Check):
    """Find wrong forms of the typo lists that stand as words, with their correction."""

    id = "proof/typo"
    severity = "warning"
    description = "错别字和不规范词形（投拆→投诉、布署→部署、成份→成分），词表可由用户增补或关闭词条"
    advice = "按提示改正错别字；如确为专有名词或本单位用法，在错别字表中写“原词<Tab>=”关闭该词条。"

    def __init__(self) -> None:
        self._indexes: dict[tuple[str, ...], PhraseIndex] = {}

    def index(self, typos: tuple[str, ...]) -> PhraseIndex:
        """The automaton of the user's lists and the built-in one; the user's entry for a form wins."""
        if typos not in self._indexes:
            self._indexes[typos] = PhraseIndex((*corrections(typos), *builtin(WORDLIST, None)))
        return self._indexes[typos]

    def prepare(self, context: CheckContext) -> None:
        """Build the automaton ahead of a batch."""
        self.index(context.typos)

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per wrong form."""
        hits = [h for h in self.index(context.typos).hits(document) if h.segment.location.part != "metadata"]
        correct = sorted((h.norm_start, h.norm_end) for h in hits if h.entry.tag == CORRECT)
        wrong = [h for h in hits if h.entry.tag != CORRECT and not inside(h, correct)]
        # Taught no more than jieba would guess: a wrong form glued into a real word (讲坐等 is
        # 讲|坐等) is missed rather than a correct phrase flagged (传导至 is 传导|至, not 导至).
        words = WordBreaker(document.normalized, {h.entry.key for h in wrong})
        for hit in wrong:
            if words.stands_alone(hit.norm_start, hit.norm_end):
                yield self.finding(context, hit.segment, hit.start, hit.end, _message(hit))


def _message(hit: Hit) -> str:
    shown = hit.segment.text[hit.start:hit.end]
    why = f"（{hit.entry.note}）" if hit.entry.note else ""
    return f"疑似错别字“{shown}”，应为“{hit.entry.tag}”{why}"
