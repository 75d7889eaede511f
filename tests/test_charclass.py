"""Character classes read off a text's byte planes: exactly what testing each character finds."""

import random
import re

import pytest

from linter.charclass import CharClass, Planes
from linter.model import _NUMBER_RUN, GAP_CHARACTERS, Document, Location, Segment
from linter.normalize import TABLE, NormalizedText

# Characters in and beside the classes: the same low byte on another page (〰 U+3030 and 0),
# the same page (， beside ０), a NUL as segments are joined with, a lone surrogate.
ALPHABET = ("0123456789０１２３４５６７８９ \u00a0\u2009\u202f\u3000\u200b\u200c\u200d\u2060\ufeff-－\n"
            "〰，文一AaＡａ☆★＊\x00\ud800\u1680\u3030\u2030\uff30")


def _texts(seed: int, count: int = 3000, alphabet: str = ALPHABET):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))


@pytest.mark.parametrize("chars", ["0123456789０１２３４５６７８９" + "".join(GAP_CHARACTERS),
                                   "".join(chr(c) for c in TABLE), "〰文", "A"])
def test_a_class_marks_exactly_its_characters(chars):
    kind = CharClass(chars)
    for text in _texts(1):
        planes = Planes.of(text)
        assert planes is not None
        assert list(kind.mask(planes)) == [int(c in chars) for c in text], text
        expected = [m.span() for m in re.finditer(f"[{re.escape(chars)}]{{3,}}", text)]
        assert kind.runs(text, planes, 3) == expected, text
        # A text without planes (beyond the BMP, or too long) is answered by the class as an expression.
        assert kind.runs(text, None, 3) == expected, text
        assert kind.positions(text, planes) == kind.positions(text, None) == [
            n for n, c in enumerate(text) if c in chars], text


def test_parts_holding_a_character_of_the_class():
    kind = CharClass("0１")
    rng = random.Random(2)
    for _ in range(2000):
        parts = ["".join(rng.choice("0１文a") for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 6))]
        text = "\x00".join(parts)
        starts = [sum(len(p) + 1 for p in parts[:n]) for n in range(len(parts))]
        expected = {n for n, part in enumerate(parts) if "0" in part or "１" in part}
        assert kind.parts_holding(text, Planes.of(text), starts) == expected, parts
        assert kind.parts_holding(text, None, starts) == expected, parts


def test_text_beyond_the_bmp_or_too_long_has_no_planes_and_a_class_stays_within_eight_pages():
    assert Planes.of("文𠀀") is None and Planes.of("文\ud800") is not None
    assert Planes.of("1" * 1_000_000) is not None and Planes.of("1" * 1_000_001) is None  # 10x the text in memory
    with pytest.raises(ValueError):
        CharClass("".join(chr(page << 8) for page in range(9)))
    with pytest.raises(ValueError):
        CharClass("𠀀")


def test_number_runs_are_what_the_expression_finds_in_the_whole_text():
    for text in _texts(3):
        document = Document(path="x.txt", format="txt", segments=(Segment(text, Location(line=1)),))
        assert document.number_runs == [m.span() for m in _NUMBER_RUN.finditer(text)], text


def test_the_normalised_text_is_the_same_whether_the_segments_to_fold_are_found_at_once_or_each():
    rng = random.Random(4)
    unfolded = 0
    for _ in range(1000):
        alphabet = ALPHABET if rng.random() < 0.5 else "文一〰，0-。"  # nothing to fold: the joined text serves
        segments = tuple(Segment(text, Location(line=n)) for n, text in enumerate(_texts(rng.random(), 3, alphabet)))
        document = Document(path="x.txt", format="txt", segments=segments)
        each = NormalizedText.build(segments)
        assert (document.normalized.text, document.normalized.starts) == (each.text, each.starts)
        unfolded += document.normalized.text is document.joined[0]
    assert unfolded > 300
