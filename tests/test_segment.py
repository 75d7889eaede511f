"""Word boundaries without loading jieba: the same words as jieba cuts, from its dictionary read in blocks."""

import logging
import subprocess
import sys
from collections import ChainMap
from pathlib import Path

import pytest

from linter import lexicon as lexicon_module
from linter.lexicon import lexicon
from linter.segment import suggested_frequency
from linter.wordbreak import _taught, is_word, tokens

PUBLISHED = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "published"


@pytest.fixture(scope="module")
def jieba_dt():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


def test_every_line_of_the_published_documents_is_cut_as_jieba_cuts_it(jieba_dt):
    lines = [line for path in sorted(PUBLISHED.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(lines) > 3000
    differ = [line for line in lines if tokens(line) != [w for w, _, _ in jieba_dt.tokenize(line, HMM=False)]]
    assert differ == []


def test_mixed_scripts_spaces_and_rare_characters_are_cut_as_jieba_cuts_them(jieba_dt):
    for text in ("依据GB/T 9704-2012排版，共 12 页。", "AT&T和c#、C++ 3.14%", "\r\n\t　㐀䶵鿖é",
                 "abc123中文def", "", "研究研究再研究"):
        assert tokens(text) == [w for w, _, _ in jieba_dt.tokenize(text, HMM=False)], text


def test_the_dictionary_answers_as_jiebas_does(jieba_dt):
    for word in ("部署", "布署", "研", "中华人民共和国", "中华人民共", "zzzz", "AT&T"):
        assert lexicon().get(word) == jieba_dt.FREQ.get(word), word
    assert lexicon().total == jieba_dt.total
    assert is_word("部署") and not is_word("讲坐") and not is_word("中华人民共")


def test_a_taught_term_cuts_as_it_did_with_jiebas_own_overlay(jieba_dt):
    import jieba

    terms = frozenset({"网行", "坐谈会", "讲坐", "天网行"})
    extra = {}
    for term in terms:  # how the overlay was built on jieba itself
        if not jieba_dt.FREQ.get(term):
            extra[term] = jieba_dt.suggest_freq(term, False)
            for end in range(1, len(term)):
                if term[:end] not in jieba_dt.FREQ:
                    extra.setdefault(term[:end], 0)
    reference = jieba.Tokenizer()
    reference.FREQ = ChainMap(extra, jieba_dt.FREQ)
    reference.total = jieba_dt.total + sum(extra.values())
    reference.initialized = True
    words = _taught(terms)
    for text in ("天网行动取得成效", "召开坐谈会，举办讲坐。", "网行天下"):
        ours = [text[a:b] for a, b in words.tokenize(text)]
        assert ours == [w for w, _, _ in reference.tokenize(text, HMM=False)], text
    for term in terms:
        assert suggested_frequency(term, lexicon().get, lexicon().total) == jieba_dt.suggest_freq(term, False)


def _fresh(monkeypatch, cache_home):
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    lexicon.cache_clear()


def test_the_sorted_copy_is_made_once_and_reused(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    try:
        total = lexicon().total
        copies = list((tmp_path / "disclosure-lint" / "lexicon").glob("jieba-*.txt"))
        assert len(copies) == 1
        made = copies[0].stat().st_mtime_ns
        lexicon.cache_clear()
        assert lexicon().total == total and copies[0].stat().st_mtime_ns == made
    finally:
        lexicon.cache_clear()


def test_a_damaged_copy_or_an_unwritable_cache_folder_still_gives_the_dictionary(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    try:
        expected = (lexicon().total, lexicon().get("部署"))
        for copy in (tmp_path / "disclosure-lint" / "lexicon").glob("jieba-*.txt"):
            copy.write_bytes(b"\x00garbage")
        lexicon.cache_clear()
        assert (lexicon().total, lexicon().get("部署")) == expected
        blocked = tmp_path / "a-file"
        blocked.write_text("not a folder")
        _fresh(monkeypatch, blocked)
        assert lexicon_module._cache_path(lexicon_module._source()) is None
        assert (lexicon().total, lexicon().get("部署")) == expected
    finally:
        lexicon.cache_clear()


def test_a_draft_with_a_misspelling_is_decided_without_importing_jieba(tmp_path):
    (tmp_path / "a.txt").write_text("各单位要认真布署安全生产工作，会议研究了研究了下一步安排。\n", encoding="utf-8")
    code = ("import sys\nfrom linter.cli import cli\n"
            "try:\n    cli(['check', '--select', 'proof', 'a.txt'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jieba',) if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "布署" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"
