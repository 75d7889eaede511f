"""secrecy/restricted: restricted-distribution notes — 内部资料（注意保存）, 不得外传, 此件不公开."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from checks.secrecy_common import not_exempt, prepare_exemptions
from linter.check import Check, CheckContext
from linter.matching import PhraseList, merge_adjacent
from linter.model import Document, Finding
from linter.placement import as_label, as_mark
from linter.wordlist import Entry, builtin

WORDLIST = "secrecy-restricted.txt"
SCOPES = ("anywhere", "label", "marked")


class RestrictedCheck(Check):
    """Find notes that restrict a document's distribution; label-only phrases count as labels."""

    id = "secrecy/restricted"
    severity = "error"
    description = "限制传阅标注（内部资料、不得外传、此件不公开、仅供…参阅等），此类文件不得公开发布"
    advice = "删除“内部资料”“不得外传”等限制传阅标注；若材料确属内部材料，应撤下不予公开。"

    @cached_property
    def _entries(self) -> tuple[Entry, ...]:
        return builtin(WORDLIST, SCOPES)

    @cached_property
    def _phrases(self) -> PhraseList:
        return PhraseList(self._entries)

    @cached_property
    def _companions(self) -> tuple[str, ...]:
        # Longest first, so 此件不予公开 is removed before 不予公开.
        keys = (e.key for e in self._entries if not e.term.startswith("re:"))
        return tuple(sorted(keys, key=len, reverse=True))

    def prepare(self, context: CheckContext) -> None:
        """The phrases' automaton and the exemptions', built with the other lists' (one merged build)."""
        self._phrases  # noqa: B018
        prepare_exemptions(context)

    def run(self, document: Document, context: CheckContext) -> Iterator[Finding]:
        """Yield a finding per restricted-distribution note."""
        companions = self._companions
        hits = [h for h in self._phrases.hits(document) if h.entry.tag == "anywhere"
                or h.entry.tag == "label" and as_label(document, h, companions)
                or h.entry.tag == "marked" and as_mark(document, h)]
        for hit in merge_adjacent(not_exempt(document, context, hits)):
            shown = hit.segment.text[hit.start:hit.end].strip()
            yield self.finding(context, hit.segment, hit.start, hit.end,
                               f"发现限制传阅标注“{shown}”：标注为内部或不得外传的材料不得公开发布")
