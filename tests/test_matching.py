"""The phrase automaton every wordlist check shares: offsets, overlaps and unusual characters."""

from linter.matching import PhraseIndex
from linter.wordlist import Entry


def _index(*keys):
    return PhraseIndex(Entry(k, k) for k in keys)


def _found(index, text):
    return sorted((start, end, entry.key) for start, end, entry in index.spans(text))


def test_every_occurrence_with_string_offsets_overlaps_included():
    index = _index("内部资料", "资料", "注意保存")
    assert _found(index, "本件为内部资料（注意保存）") == [
        (3, 7, "内部资料"), (5, 7, "资料"), (8, 12, "注意保存")]


def test_bytes_across_two_characters_are_not_a_match():
    # UTF-16 bytes of "A李" are 41 00 4E 67; those of 一 (00 4E) sit across the two characters.
    assert _found(_index("一"), "A李") == []
    assert _found(_index("一"), "A一") == [(1, 2, "一")]


def test_text_beyond_the_basic_plane_keeps_string_offsets():
    # 𠀀 is one character in the string but four bytes in UTF-16.
    assert _found(_index("保密"), "𠀀𠀁保密审查") == [(2, 4, "保密")]
    assert _found(_index("𠀁保"), "𠀀𠀁保密") == [(1, 3, "𠀁保")]


def test_empty_index_and_empty_text():
    assert _found(_index(), "保密") == []
    assert _found(_index("保密"), "") == []
