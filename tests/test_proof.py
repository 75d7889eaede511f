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
])
def test_brackets(lines, matches):
    assert _run("proof/bracket", *lines) == matches


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
])
def test_repeats(line, matches):
    assert _run("proof/repeat", line) == matches


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

    from linter.han import HAN

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert re.findall(f"{HAN}+", every) == regex.findall(r"\p{Han}+", every)
