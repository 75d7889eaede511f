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


def test_a_page_number_at_the_top_or_bottom_neither_joins_nor_parts_paragraphs():
    # Official documents set "- 1 -" at the outer margin, where it looks like a wrapped line.
    lines = [Line("- 1 -", 500, 12), Line("××市人民政府", 300, 12), Line("正文到右边距", 500, 12),
             Line("- 2 -", 500, 12)]
    paragraphs = join_lines(lines)
    assert [p.text for p in paragraphs] == ["××市人民政府", "正文到右边距"]
    assert [p.first_line for p in paragraphs] == [2, 3]  # lines keep their numbers on the page
    for other in ("第 3 页 共 6 页", "3/6", "— 3 —"):
        assert [p.text for p in join_lines([Line("标题", 100, 12), Line(other, 500, 12)])] == ["标题"]


def test_a_dash_number_inside_the_page_is_text():
    lines = [Line("第一段到此结束。", 500, 12), Line("- 1 -", 60, 12), Line("结尾", 100, 12)]
    assert [p.text for p in join_lines(lines)] == ["第一段到此结束。", "- 1 -", "结尾"]


def test_a_title_in_a_larger_size_does_not_run_on_into_the_line_under_it():
    # A cover page: the title is the longest line, so it stands at "the margin" by itself.
    lines = [Line("××区社会福利院2024年单位预算", 725, 32.6, 32.6), Line("预算单位：××区社会福利院", 545, 15.0, 15.0)]
    assert [p.text for p in join_lines(lines)] == ["××区社会福利院2024年单位预算", "预算单位：××区社会福利院"]
    wrapped = [Line("正文一行写到右边距138", 500, 6, 12), Line("接着下一行", 100, 12.5, 12)]  # a digit is narrow
    assert [p.text for p in join_lines(wrapped)] == ["正文一行写到右边距138接着下一行"]
