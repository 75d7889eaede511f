"""Text that every match of a regular expression contains, read off the expression's source.

A wordlist's `re:` entries are each searched over the whole text of every document,
though almost none holds what they look for (本文由…整理, 篇3：). The longest run of plain
characters standing at the top of the expression, outside any group, class or
alternative and not made optional by a quantifier, is in every match: found with the
wordlist's phrases in the pass they share, it tells when the expression need not run.

Only what is surely plain counts: anything else (an escape, a class, a group, a
quantifier, `.`, an anchor) ends a run, and an expression that sets flags (case-insensitive,
verbose) or has an alternative at its top has no such text at all.
"""

from __future__ import annotations

_QUANTIFIERS = "?*+{"
_SPECIAL = "\\[(.^$|)" + _QUANTIFIERS


def required_text(source: str, never: str = "") -> str | None:
    """The longest plain text every match of `source` holds (no character of `never` in it), or None."""
    runs: list[str] = []
    run: list[str] = []
    at = 0
    while at < len(source):
        char = source[at]
        if source.startswith("(?#", at):  # a comment: what follows it applies to what came before
            end = source.find(")", at)
            if end < 0:
                return None
            at = end + 1
            continue
        if char in _QUANTIFIERS:
            if run:
                run.pop()  # the character it applies to may be absent or repeated
            at = _past_quantifier(source, at)
            if at is None:
                return None
        elif char == "|" or char == ")" or source.startswith("(?", at) and not _plain_group(source, at):
            return None  # an alternative at the top, a stray parenthesis, flags
        elif char in _SPECIAL or char in never:
            at = _past_atom(source, at)
            if at is None:
                return None
        else:
            run.append(char)
            at += 1
            continue
        runs.append("".join(run))
        run = []
    runs.append("".join(run))
    return max(runs, key=len) or None


def _plain_group(source: str, at: int) -> bool:
    # (?: (?= (?! (?<= (?<! (?P<name> (?P=name): groups and look-arounds, no flags.
    return source.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<", "(?P="), at)


def _past_quantifier(source: str, at: int) -> int | None:
    """Where the quantifier at `at` (and a lazy ? or possessive + after it) ends.

    None for a brace that may be no quantifier but plain text around something else (a{x|y}).
    """
    if source[at] == "{":
        close = source.find("}", at)
        if close < 0 or any(char in "\\[]()|{" for char in source[at + 1:close]):
            return None
        at = close + 1
    else:
        at += 1
    return at + 1 if source[at:at + 1] in ("?", "+") else at


def _past_atom(source: str, at: int) -> int | None:
    """Where the escape, class, group or single special character at `at` ends (None: unbalanced)."""
    char = source[at]
    if char == "\\":
        return _past_escape(source, at)
    if char == "[":
        return _past_class(source, at)
    if char != "(":
        return at + 1
    depth = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            end = _past_class(source, at)
            if end is None:
                return None
            at = end
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        at += 1
        if depth == 0:
            return at
    return None


def _past_escape(source: str, at: int) -> int:
    r"""Where the escape at `at` ends: two characters, or more for \x00 \u4e00 \p{Han} \N{…} \g<…> \10."""
    kind, at = source[at + 1:at + 2], at + 2
    closing = {"{": "}", "<": ">"}.get(source[at:at + 1])
    if kind and kind in "pPNxgL" and closing:
        end = source.find(closing, at)
        return len(source) if end < 0 else end + 1
    if kind in ("x", "u", "U"):
        return at + {"x": 2, "u": 4, "U": 8}[kind]
    while kind.isdigit() and source[at:at + 1].isdigit():
        at += 1
    return at


def _past_class(source: str, at: int) -> int | None:
    """Where the character class opening at `at` ends ([]…] and [^]…] hold a literal ])."""
    at += 1
    if source[at:at + 1] == "^":
        at += 1
    if source[at:at + 1] == "]":
        at += 1
    while at < len(source):
        if source[at] == "\\":
            at += 2
        elif source[at] == "]":
            return at + 1
        else:
            at += 1
    return None
