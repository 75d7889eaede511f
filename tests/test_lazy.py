"""Patterns compiled on first use behave as compiled ones, and every shipped one compiles."""

import importlib
import pickle
import re
from pathlib import Path

import pytest
import regex

from linter import lazy, profiles
from linter.lazy import LazyPattern

ROOT = Path(__file__).resolve().parent.parent
MODULES = [f"{package}.{p.stem}" for package in ("checks", "linter.stats", "linter.extract")
           for p in (ROOT / package.replace(".", "/")).glob("*.py") if p.stem != "__init__"]


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source = r"(?P<y>\d{4})年(?P<m>\d{1,2})月"
    for make, compile in ((lazy.regex_pattern, regex.compile), (lazy.re_pattern, re.compile)):
        pattern, compiled = make(source), compile(source)
        assert "_compiled" not in vars(pattern)  # nothing compiled until used
        text = "2024年3月至2025年12月"
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert pattern.search(text)["m"] == "3" and pattern.sub("X", text) == compiled.sub("X", text)
        assert (pattern.groupindex, pattern.flags, pattern.pattern) == (
            compiled.groupindex, compiled.flags, compiled.pattern)
    overlapped = lazy.regex_pattern(r"\d\d").findall("1234", overlapped=True)
    assert overlapped == ["12", "23", "34"]
    assert pickle.loads(pickle.dumps(lazy.regex_pattern("a+"))).fullmatch("aaa")


def test_an_invalid_pattern_fails_when_used():
    pattern = lazy.re_pattern("(")
    with pytest.raises(re.error):
        pattern.search("(")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_pattern_of_the_checks_compiles(module):
    """A pattern compiled late must not fail late: each one shipped is compiled here."""
    found = _lazy_patterns(importlib.import_module(module))
    for pattern in found:
        pattern.flags  # noqa: B018 - compiles it, or raises


def test_every_pattern_of_the_shipped_profiles_compiles():
    profiles.load.cache_clear()
    shipped = profiles.load()
    patterns = [p for profile in shipped.values()
                for p in (*profile.titles, *profile.detect, *(q for s in profile.sections for q in s.patterns))]
    assert len(patterns) > 20 and all(isinstance(p, LazyPattern) for p in patterns)
    for pattern in patterns:
        pattern.flags  # noqa: B018


def _lazy_patterns(module) -> list[LazyPattern]:
    found, seen = [], set()

    def walk(value, depth=0):
        if id(value) in seen or depth > 4:
            return
        seen.add(id(value))
        if isinstance(value, LazyPattern):
            found.append(value)
        elif isinstance(value, tuple | list | set | frozenset):
            for item in value:
                walk(item, depth + 1)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, depth + 1)
        elif isinstance(value, type) and value.__module__ == module.__name__:
            for item in vars(value).values():
                walk(item, depth + 1)

    for value in vars(module).values():
        walk(value)
    return found
