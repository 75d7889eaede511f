"""proof/*: proofreading — brackets and doubled words, with look-alikes that must not fire."""

import pytest

from linter.check import CheckContext
from linter.model import Document, Location, Segment
from linter.registry import load_checks


def _run(check_id, *lines):
    document = Document(path="x.txt", format="txt", segments=tuple(
        Segment(t, Location(line=i)) for i, t in enumerate(lines, 1)))
    return [f.match for f in load_checks()[check_id]().run(document, CheckContext())]


@pytest.mark.parametrize("lines, matches", [
    (["金政办秘〔2023]61号"], ["]"]),                                  # the wrong mate
    (["请参阅《关于加强管理的通知，并遵照执行。"], ["《"]),                 # never closed
    (["根据《》的规定办理。"], ["《》"]),                                   # empty
    (["他说：“要抓紧落实。"], ["“"]),
    (["本项工作）由办公室负责。"], ["）"]),                                 # a stray closer
    (["关于印发《中华人民共和国", "政府信息公开条例》的通知"], []),          # a title wrapped over two lines
    (["（一）认真落实“三个一”要求（试行）"], []),
    (["1) 第一项", "a）第二项"], []),                                        # list markers
    (["依据（国发〔2019〕5号)执行"], []),                                    # widths mixed: a pair all the same
    (["第一行（未完", "第二行", "第三行）"], ["（", "）"]),                  # a bracket does not wait three lines
    (["依据《 　》和【】办理（ ）"], ["《 　》", "【】", "（ ）"]),            # empty, spaces inside or not
    (["见《》》"], ["《》", "》"]),
])
def test_brackets(lines, matches):
    assert _run("proof/bracket", *lines) == matches


def test_a_bracket_opened_in_the_body_is_not_closed_by_a_table_cell_but_metadata_is_passed_over():
    document = Document(path="x.docx", format="docx", segments=(
        Segment("关于印发《管理", Location(part="body", paragraph=1)),
        Segment("办法》", Location(part="table", row=1, col=1)),
        Segment("请阅《通知", Location(part="body", paragraph=2)),
        Segment("题目", Location(part="metadata")),
        Segment("》全文", Location(part="body", paragraph=3)),
    ))
    found = [(f.match, f.location.part) for f in load_checks()["proof/bracket"]().run(document, CheckContext())]
    assert found == [("《", "body"), ("》", "table")]


@pytest.mark.parametrize("check_id, lines", [
    ("proof/bracket", ["请参阅《关于加强管理的通知，并遵照执行。", "依据《 》办理", "本项工作）由办公室负责。"]),
    ("proof/punctuation", ["推进政务公开,是贯彻落实的要求", "全年共1,000件", "教育（普通高中、技工教育)、高等教育"]),
])
def test_a_text_with_characters_beyond_the_bmp_is_checked_alike(check_id, lines):
    """Such text has no byte planes (a character is two UTF-16 units): it takes the slower way, to the same end."""
    assert _run(check_id, *lines) == _run(check_id, *(line + "𠀀" for line in lines)) != []


def test_empty_pairs_are_what_their_expression_finds():
    """Empty pairs are read off the list of brackets, as two in a row with only spaces between."""
    import random
    import re

    from checks.proof_bracket import _CHARS, _empty_pairs

    expression = re.compile(r"《\s*》|〔\s*〕|【\s*】|（\s*）")
    rng = random.Random(37)
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice("《》〔〕【】（）()“” \u3000\t文1") for _ in range(rng.randint(0, 16)))
        brackets = [n for n, char in enumerate(text) if char in _CHARS]
        expected = [m.span() for m in expression.finditer(text)]
        assert list(_empty_pairs(text, brackets)) == expected, text
        found += len(expected)
    assert found > 400


@pytest.mark.parametrize("line, matches", [
    ("加强政务公开工作，进一步进一步提高水平。", ["进一步进一步"]),
    ("每期《人民政府政府公报》印刷3000份。", ["政府政府"]),
    ("这是是我们的责任。", ["是是"]),
    ("工作的的成效明显。", ["的的"]),
    ("的的确确要常常检查，人人有责，天天坚持。", []),              # doublings the language makes
    ("研究研究再说，认认真真落实，一一对应。", []),
    ("负责采购、调拨、供应应急物资。", []),                        # 供应|应急: two words meet
    ("所得税税额由教育部部长签署。", []),                          # a word ends where the next begins
    ("推进小微企业创业创新工作。", []),                            # 业创业创 is no word doubled
    ("哈哈哈", []),
    ("推进一步推进一步推动", []),                                  # doubled four characters apart: no word
    ("要进一步进一步改进", ["进一步进一步"]),
])
def test_repeats(line, matches):
    assert _run("proof/repeat", line) == matches


def test_repeats_in_metadata_and_across_segments():
    # A property's doubling is not proofread; a doubling never joins two segments.
    document = Document(path="x.docx", format="docx", segments=(
        Segment("工作的的成效", Location(part="metadata", detail="title")),
        Segment("政府", Location(paragraph=1)), Segment("政府工作", Location(paragraph=2)),
        Segment("这是是责任", Location(paragraph=3))))
    found = list(load_checks()["proof/repeat"]().run(document, CheckContext()))
    assert [(f.match, f.location.paragraph) for f in found] == [("是是", 3)]


@pytest.mark.parametrize("seed", range(40))
def test_doublings_are_what_the_pattern_finds_everywhere(seed):
    # The scan tries the pattern only where a character recurs 1-4 places on: it must find
    # exactly what trying every position finds — in prose with doublings of every length
    # planted, and in crowded runs of a few characters (a line of dashes, 哈哈哈哈).
    import random

    from checks.proof_repeat import _TWICE, doublings

    rng = random.Random(seed)
    common = "的是在政府信息公开工作年度报告依申请主动办理情况统计数据机关部门单位—，。a1" + "𠀀" * (seed % 5 == 1)
    alphabet = common if seed % 4 else rng.choice(["的", "政府", "ab的—", "进一步推"])
    pieces = []
    for _ in range(rng.randint(0, 3000)):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        pieces.append(word + word[:rng.randint(0, 4)] * rng.randint(1, 2) if rng.random() < 0.2 else word)
    text = "".join(pieces)
    assert [m.span() for m in doublings(text)] == [m.span() for m in _TWICE.finditer(text)]


@pytest.mark.parametrize("line, matches", [
    ("推进政务公开,是贯彻落实的要求,必须坚持。", [","]),          # one finding a paragraph, at the first
    ("专人管、有专人办;将办公场所设在党政办", [";"]),
    ("教育（普通高中、技工教育)、高等教育", [")"]),                # a pair of mixed widths
    ("全年共1,000件，9:30开始，详见http://www.gov.cn:8080。", []),  # numbers and addresses
    ("使用Excel, Word等软件（2016版）。", []),                   # an English phrase
    ("（一）加强领导(试行)，确保落实。", []),                       # half-width pairs are left alone
    ("联系邮箱：gov@example.cn，电话：12345。", []),
])
def test_punctuation(line, matches):
    assert _run("proof/punctuation", line) == matches


def test_the_han_class_for_re_is_regex_han():
    """proof/repeat scans with `re` for speed: its class must hold exactly the Han script."""
    import re

    import regex

    from linter.han import HAN, HAN_FIRST

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert re.findall(f"{HAN}+", every) == regex.findall(r"\p{Han}+", every)
    assert regex.search(r"\p{Han}", every).group() == HAN_FIRST  # proof/repeat skips pairs before it
