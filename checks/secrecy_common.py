"""What the secrecy checks share: the built-in exemptions plus the user's `allow` terms."""

from __future__ import annotations

from functools import lru_cache

from linter.check import CheckContext
from linter.matching import Exemptions, Hit
from linter.model import Document
from linter.normalize import normalize
from linter.wordlist import Entry, builtin

EXEMPT_LIST = "secrecy-exempt.txt"


@lru_cache(maxsize=8)
def _exemptions(use_builtin: bool, allow: tuple[str, ...]) -> Exemptions:
    entries = list(builtin(EXEMPT_LIST)) if use_builtin else []
    entries += [Entry(term, normalize(term), source="allow") for term in allow]
    return Exemptions(entries)


def prepare_exemptions(context: CheckContext) -> None:
    """Build the exemptions' automaton with the other lists', before the first document is scanned."""
    _exemptions(context.builtin_exemptions, context.allow)


def not_exempt(document: Document, context: CheckContext, hits: list[Hit]) -> list[Hit]:
    """Drop hits inside an exemption phrase."""
    return _exemptions(context.builtin_exemptions, context.allow).keep(document, hits)

