"""The text every match of a wordlist expression holds: never claimed where a match can lack it."""

import random

import pytest
import regex

from linter.regex_literal import required_text
from linter.wordlist import builtin


@pytest.mark.parametrize("source, text", [
    ("更多.{0,12}请访问", "请访问"),
    (r"(?<![^\x00])[\[【(（]?[上下]一篇[】\])）]?[:：]", "一篇"),
    (r"(?<![^\x00])#*篇[0-9一二]+[:：]", "篇"),          # #* may be absent
    (r"https?://[^\s<>]*?(fanwen|wenku)", "http"),      # s? may be absent
    ("[]ab]cd", "cd"),                                   # ] first in a class is plain
    ("ab{2}c", "a"),
    ("a|b", None),                                       # an alternative at the top
    ("(?i)abc", None),                                   # flags change what plain text means
    ("a{x|y}", None),                                    # a brace that may be plain text
    (r"\d+", None),
])
def test_the_required_text_of_an_expression(source, text):
    assert required_text(source) == text


def test_text_never_wanted_ends_a_run():
    assert required_text("ab\x00cde", "\x00") == "cde"


def test_every_expression_of_the_shipped_wordlists_has_one():
    """Each is then run only over the few documents holding that text."""
    sources = [e.term[3:] for name in ("fields-template-residue.txt", "secrecy-restricted.txt")
               for e in builtin(name, tags=None) if e.term.startswith("re:")]
    assert len(sources) >= 10
    assert all(required_text(source, "\x00") for source in sources), sources


def test_every_match_holds_the_required_text():
    pieces = ["a", "b", "篇", "ab", "[ab]", "[^a]", "[]a]", "(ab)", "(?:a|b)", "(?<!a)", "(?=b)", "(?!篇)",
              "?", "*", "+", "{1,2}", "{0}", "??", "|", ".", "^", "$", r"\d", r"\x00", "(?:b篇)?", "[a-c]+",
              r"\p{Han}", r"\u7bc7", "(?P<n>a)", r"\1", "{e<=1}", "(?#c)", r"\.", "(?i:a)", "(?<n>a)", "(?|a|b)"]
    rng = random.Random(43)
    claimed = checked = 0
    for _ in range(8000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        try:
            pattern = regex.compile(source)
        except regex.error:
            continue
        need = required_text(source)
        if need is None:
            continue
        claimed += 1
        for _ in range(5):
            text = "".join(rng.choice("ab篇1\x00") for _ in range(rng.randint(0, 12)))
            for m in pattern.finditer(text, overlapped=True):
                assert need in m.group(), (source, need, text, m.group())
                checked += 1
    assert claimed > 800 and checked > 500
