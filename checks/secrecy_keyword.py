"""secrecy/keyword: sensitive terms from the built-in list and the user's wordlists.

Built with an Aho-Corasick automaton once per process, so a 100,000-term list
of internal code names costs one pass over the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.secrecy_common import not_exempt, prepare_exemptions
from linter.check import Check, CheckContext
from linter.matching import Hit, PhraseIndex
from linter.model import Document, Finding
from linter.wordbreak import WordBreaker
from linter.wordlist import builtin, user_entries

WORDLIST = "secrecy-keywords.txt"


class KeywordCheck(Check):
    """Find wordlist terms that stand as words of their own (or anywhere, for `*term*`)."""

    id = "secrecy/keyword"
    severity = "error"
    description = "敏感词（内置词表和用户词表，如内部项目代号），级别可按词条设置"
    advice = "核实该词（如内部项目代号）能否公开：不能公开的请删除或改写；确可公开的，在配置中加入 allow = ['该词']。"

    def __init__(self) -> None:
        self._indexes: dict[tuple[str, ...], PhraseIndex] = {}

    def index(self, wordlists: tuple[str, ...]) -> PhraseIndex:
        """The automaton for these user wordlists plus the built-in list, built once."""
        if wordlists not in self._indexes:
            # The user's entries come first: their severity wins for a shared term.
            self._indexes[wordlists] = PhraseIndex((*user_entries(wordlists), *builtin(WORDLIST)))
        return self._indexes[wordlists]

    def prepare(self, context: CheckContext) -> None:
        """The automata of the user's lists and of the exemptions."""
        self.index(context.wordlists)
        prepare_exemptions(context)

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per term occurrence."""
        hits = list(self.index(context.wordlists).hits(document))
        words = WordBreaker(document.normalized, {h.entry.key for h in hits if not h.entry.substring})
        hits = [h for h in hits if h.entry.substring or words.stands_alone(h.norm_start, h.norm_end)]
        for hit in not_exempt(document, context, hits):
            yield self.finding(context, hit.segment, hit.start, hit.end, _message(hit),
                               severity=hit.entry.tag or self.severity)


def _message(hit: Hit) -> str:
    why = f"：{hit.entry.note}" if hit.entry.note else ""
    return f"命中敏感词“{hit.entry.term}”（{hit.entry.source}）{why}，请确认能否公开"
