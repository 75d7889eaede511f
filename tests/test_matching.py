"""The phrase automata every wordlist check shares: offsets, overlaps and unusual characters."""

from linter.matching import PhraseIndex
from linter.model import Document, Location, Segment
from linter.phrase_scan import Automaton
from linter.wordlist import Entry


def _found(keys, text):
    return sorted((start, end, keys[number]) for number, start, end in Automaton(keys).find(text))


def test_every_occurrence_with_string_offsets_overlaps_included():
    assert _found(["内部资料", "资料", "注意保存"], "本件为内部资料（注意保存）") == [
        (3, 7, "内部资料"), (5, 7, "资料"), (8, 12, "注意保存")]


def test_bytes_across_two_characters_are_not_a_match():
    # UTF-16 bytes of "A李" are 41 00 4E 67; those of 一 (00 4E) sit across the two characters.
    assert _found(["一"], "A李") == []
    assert _found(["一"], "A一") == [(1, 2, "一")]


def test_text_beyond_the_basic_plane_keeps_string_offsets():
    # 𠀀 is one character in the string but four bytes in UTF-16.
    assert _found(["保密"], "𠀀𠀁保密审查") == [(2, 4, "保密")]
    assert _found(["𠀁保"], "𠀀𠀁保密") == [(1, 3, "𠀁保")]


def test_empty_automaton_and_empty_text():
    assert _found([], "保密") == []
    assert _found(["保密"], "") == []


def _doc(*texts):
    return Document(path="x", format="txt",
                    segments=tuple(Segment(t, Location(line=n)) for n, t in enumerate(texts, 1)))


def _hits(index, document):
    return sorted((h.index, h.start, h.end, h.entry.key) for h in index.hits(document))


def test_lists_sharing_one_pass_each_get_their_own_hits():
    restricted = PhraseIndex(Entry(k, k) for k in ("内部资料", "不得外传"))
    residue = PhraseIndex(Entry(k, k) for k in ("一键复制", "资料"))
    document = _doc("内部 资料，不得外传", "点击一键复制全文")
    assert _hits(restricted, document) == [(0, 0, 5, "内部资料"), (0, 6, 10, "不得外传")]
    assert _hits(residue, document) == [(0, 3, 5, "资料"), (1, 2, 6, "一键复制")]
    # A list created after the first pass is merged in and found too.
    later = PhraseIndex(Entry(k, k) for k in ("全文",))
    assert _hits(later, document) == [(1, 6, 8, "全文")]
    assert _hits(restricted, document) == [(0, 0, 5, "内部资料"), (0, 6, 10, "不得外传")]


def test_lists_made_and_scanned_in_several_threads_each_find_their_own():
    from concurrent.futures import ThreadPoolExecutor

    words = ["甲号工程", "乙号工程", "丙号工程", "丁号工程", "戊号工程", "己号工程", "庚号工程", "辛号工程"]

    def work(word):
        index = PhraseIndex([Entry(word, word)])
        return _hits(index, _doc("推进" + "、".join(words) + "建设"))

    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(work, words * 4))
    assert [hits[0][3] for hits in found] == words * 4 and all(len(h) == 1 for h in found)


_ONE_BUILD = """
import sys
sys.path.insert(0, "tests")
from linter import phrase_scan
from linter.config import Config
from linter.engine import lint_data, prepare

builds = []
made = phrase_scan._Union.__init__
phrase_scan._Union.__init__ = lambda self, members: builds.append(len(members)) or made(self, members)
prepare(Config())
text = "上一篇：本文件属于内部资料，不得外传。举报人李红梅反映，已布署整改，联系电话13812345678。"
result = lint_data("a.txt", text.encode(), Config())
print(len(builds), sorted({f.check for f in result.findings}))
"""


def test_every_list_of_the_checks_is_merged_into_one_automaton_built_once():
    """A list made in a check's first run, not in its prepare, had the merged automaton built again."""
    import subprocess
    import sys
    from pathlib import Path

    out = subprocess.run([sys.executable, "-c", _ONE_BUILD], cwd=Path(__file__).resolve().parent.parent,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    builds, checks = out.stdout.split(" ", 1)
    assert builds == "1"
    for check in ("fields/template-residue", "secrecy/restricted", "proof/typo", "pii/person-name"):
        assert check in checks
