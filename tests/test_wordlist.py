"""Shipped wordlists: the quick reading of their terms agrees with the full one, for every list."""

from pathlib import Path

import pytest

from linter.wordlist import builtin, builtin_terms

SHIPPED = sorted(p.name for p in (Path(__file__).resolve().parent.parent / "wordlists").glob("*.txt"))


@pytest.mark.parametrize("name", SHIPPED)
def test_terms_read_alone_are_the_entries_terms(name):
    terms = builtin_terms(name)
    assert terms == tuple(entry.term for entry in builtin(name, None))
    assert terms and all(term and term == term.strip() for term in terms)


def test_stars_patterns_columns_and_comments_are_read_as_the_entries_read_them(monkeypatch):
    from linter import wordlist

    text = "# 注释\n\n*内部*\terror\t说明\n re:20[0-9]{2}* \n  词条 \t\t\n尾星*\n"
    monkeypatch.setattr(wordlist, "_builtin_text", lambda name: text)
    builtin.cache_clear(), builtin_terms.cache_clear()
    try:
        assert builtin_terms("made-up.txt") == ("内部", "re:20[0-9]{2}*", "词条", "尾星")
        assert builtin_terms("made-up.txt") == tuple(e.term for e in builtin("made-up.txt", None))
    finally:
        builtin.cache_clear(), builtin_terms.cache_clear()
