import pytest

from linter.extract.pdf_layout import Line, join_lines, join_wrapped


def test_full_line_joins_short_line_ends_paragraph():
    lines = [Line("联系电话1381234", right=500, size=12), Line("5678。", right=200, size=12),
             Line("下一段", right=150, size=12)]
    paragraphs = join_lines(lines)
    assert [p.text for p in paragraphs] == ["联系电话13812345678。", "下一段"]
    assert paragraphs[0].line_starts == (11,)
    assert paragraphs[1].first_line == 3


@pytest.mark.parametrize("first, joined", [
    ("到达右边距的一行结束于句号。", False),   # a sentence ended at the margin
    ("到达右边距的一行没有结束", True),
])
def test_sentence_end_at_margin_is_not_a_wrap(first, joined):
    paragraphs = join_lines([Line(first, 500, 12), Line("下一行", 100, 12)])
    assert (len(paragraphs) == 1) is joined


def test_latin_words_keep_a_space_and_geometry_free_fallback():
    paragraphs = join_lines([Line("see the annual", None), Line("report", None)])
    assert paragraphs[0].text == "see the annual report"


def test_blank_line_breaks_paragraph():
    assert len(join_lines([Line("甲乙丙", 500, 12), Line("  "), Line("丁", 100, 12)])) == 2


def test_cell_pieces_rejoin():
    assert join_wrapped(["1101051990", "03077653"]) == "110105199003077653"
