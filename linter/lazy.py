"""Patterns compiled when first used, not when their module is imported.

Every check module compiled its patterns at import: a process checking one short draft
compiled 200 of them (0.14 s, a fifth of its run) and used fewer than half. A lazy
pattern keeps its source (`pattern`, which patterns built from it read at import) and
compiles on the first use of anything else; it then holds the compiled pattern's
methods and groups as its own attributes, so that a call costs what it costs on a
compiled pattern.
An invalid pattern still fails the tests that use it, not a user's run: they are ours.
"""

from __future__ import annotations

import re as _re
from collections.abc import Callable
from typing import Any

import regex as _regex

# Looked up on every match (groupindex too, by each pattern check's search): copied onto the lazy
# pattern once it is compiled.
_COPIED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
           "groupindex", "groups", "flags")


class LazyPattern:
    """A compiled pattern's stand-in that compiles on first use."""

    def __init__(self, compile: Callable[..., Any], pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._source = (compile, flags)

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance does not hold yet: anything before the first use,
        # and the rarely read attributes after it.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compile, flags = self._source
            compiled = self.__dict__["_compiled"] = compile(self.pattern, flags)
            for copied in _COPIED:
                if hasattr(compiled, copied):
                    self.__dict__[copied] = getattr(compiled, copied)
        return getattr(compiled, name)

    def __reduce__(self):
        return LazyPattern, (self._source[0], self.pattern, self._source[1])

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def regex_pattern(pattern: str, flags: int = 0) -> _regex.Pattern:
    """`regex.compile`, when first used."""
    return LazyPattern(_regex.compile, pattern, flags)  # type: ignore[return-value]


def re_pattern(pattern: str, flags: int = 0) -> _re.Pattern:
    """`re.compile`, when first used."""
    return LazyPattern(_re.compile, pattern, flags)  # type: ignore[return-value]
