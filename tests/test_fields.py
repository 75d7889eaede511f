"""fields/*: profiles, placeholders, template leftovers, document numbers and dates."""

import datetime

import pytest

from checks.fields_date import DateCheck
from linter.check import CheckContext
from linter.model import Document, Location, Segment
from linter.registry import load_checks


def _doc(*texts, part="body"):
    return Document(path="x", format="docx",
                    segments=tuple(Segment(t, Location(part=part, paragraph=i)) for i, t in enumerate(texts, 1)))


def _run(check_id, document, context=None, check=None):
    check = check or load_checks()[check_id]()
    return list(check.run(document, context or CheckContext()))


@pytest.mark.parametrize("text, matches", [
    ("20xx年工作要点", ["20xx"]),
    ("201*年政务公开", ["201*"]),
    ("20\\_年度总结", ["20\\_"]),
    ("〔20XX〕xx号", ["〔20XX〕xx号"]),                 # a 文号 left blank is one finding
    ("某府发[201*]X号", ["[201*]X号"]),
    ("某府办发〔2023〕12号，XX局", ["XX"]),           # a filled 文号 is no placeholder
    ("XX局、××市", ["XX", "××"]),
    ("完成X项任务，X月X日前报送", ["X", "X", "X"]),
    ("【此处填写单位名称】", ["【此处填写单位名称】"]),
    ("联系人：（待补充）", ["（待补充）"]),
    ("TODO 补充数据", ["TODO"]),
    ("主办单位：***", ["***"]),
    ("X射线、X光机、Excel、XXL码", []),
    ("李某某、张某", []),
    ("3×4米", []),
    ("138****5678、110105********7657", []),
    ("二〇二三年", []),
    ("200x年度报告、201x 年", ["200x", "201x"]),
    ("an estimated 200x slowdown", []),           # a factor, not a year
])
def test_placeholders(text, matches):
    assert [f.match for f in _run("fields/placeholder", _doc(text))] == matches


def test_placeholders_far_apart_in_a_long_line_are_each_found_once():
    # Only the text around rare characters is searched: each placeholder, with what its
    # look-arounds read, must still be seen whole, and look-alikes still rejected.
    filler = "按照区政府统一部署全面推进政务公开工作" * 10
    parts = ["20xx年", "XX局", "Excel表格", "【此处填写单位名称】", "（        待补充）", "TODOs", "***"]
    line = filler.join(["", *parts, ""])
    assert [f.match for f in _run("fields/placeholder", _doc(line))] == [
        "20xx", "XX", "【此处填写单位名称】", "（        待补充）", "***"]
    # Anchors everywhere (English, tables of x): the whole text is searched, with the same result.
    dense = "fix text " * 20_000 + "XX局"
    assert [f.match for f in _run("fields/placeholder", _doc(dense))] == ["XX"]


@pytest.mark.parametrize("text, problem", [
    ("某府办发[2023]12号", "六角括号"),
    ("某府办发〔2023]12号", "不配对"),
    ("某府办发（2023）12号", "六角括号"),
    ("某府办发〔2023〕第12号", "第"),
    ("某府办发〔2023〕012号", "虚位"),
    ("某府办发〔2023〕12号", None),
    ("某府办发〔20xx〕12号", None),   # an unfilled year is a placeholder, reported there
    ("某府办发【2023】12号", "应为“〔2023〕12号”"),
    ("某府办发[]号", "年份为空；缺少序号"),
    ("某府办发〔2023〕号", "缺少序号"),
    ("请按（）号执行", None),         # a parenthesis in prose
])
def test_doc_numbers(text, problem):
    findings = _run("fields/doc-number", _doc(text))
    if problem is None:
        assert findings == []
    else:
        assert len(findings) == 1 and problem in findings[0].message


TODAY = datetime.date(2024, 6, 1)


@pytest.mark.parametrize("texts, problem", [
    (("正文。", "2023年2月30日"), "不存在"),
    (("正文。", "2024年12月1日"), "晚于今天"),
    (("正文。", "2024年三月1日"), "混用"),
    (("某区2021年度政府信息公开工作年度报告", "正文。", "2024年1月20日"), "不符"),
    (("某区2023年度政府信息公开工作年度报告", "正文。", "2024年1月20日"), None),
    (("正文。", "二〇二四年一月二十日"), None),
    (("会议于2024年12月1日召开。", "正文。"), None),   # a future date in the text is not the 成文日期
])
def test_dates(texts, problem):
    findings = _run("fields/date", _doc(*texts), check=DateCheck(today=TODAY))
    if problem is None:
        assert findings == []
    else:
        assert len(findings) == 1 and problem in findings[0].message


ANNUAL = ["某区2023年政府信息公开工作年度报告", "一、总体情况", "正文。", "（二）主动公开 政府信息情况",
          "3.收到和处理政府信息公开申请情况", "第四部分 政府信息公开行政复议、行政诉讼情况",
          "五、存在的主要问题及改进情况", "其他需要报告的事项"]


def test_complete_annual_report_is_quiet_whatever_the_numbering():
    assert _run("fields/missing-section", _doc(*ANNUAL)) == []


def test_each_missing_section_reported_once_with_its_title():
    doc = _doc(*[t for t in ANNUAL if "申请" not in t and "其他" not in t])
    findings = _run("fields/missing-section", doc)
    assert [f.match for f in findings] == ["三、收到和处理政府信息公开申请情况", "六、其他需要报告的事项"]
    assert "annual-report" in findings[0].message


def test_a_title_over_two_lines_and_published_section_variants():
    title = ("某某县人民政府2023年政府信息公开工作", "年度报告")
    body = [t.replace("五、存在的主要问题及改进情况", "五、存在问题及改进情况") for t in ANNUAL[1:]]
    assert _run("fields/missing-section", _doc(*title, *body)) == []
    missing = _run("fields/missing-section", _doc(*title, "一、总体情况", "正文。"))
    assert len(missing) == 5  # the profile applies: the title was recognised


def test_a_section_heading_a_pdf_table_took_into_its_first_cell():
    cell = Segment("三、收到和处理政府信息公开申请情况（单位：件）本列数据的勾稽关系为：第一项加第二项之和",
                   Location(part="table", row=1, col=1))
    body = [t for t in ANNUAL if "申请" not in t]
    document = Document(path="x", format="pdf", segments=(*_doc(*body).segments, cell))
    assert _run("fields/missing-section", document) == []
    mention = Segment("其中关于收到和处理政府信息公开申请情况的具体说明请见本报告附件二，此处不另列出。",
                      Location(part="table", row=2, col=1))
    document = Document(path="x", format="pdf", segments=(*_doc(*body).segments, mention))
    assert [f.match for f in _run("fields/missing-section", document)] == ["三、收到和处理政府信息公开申请情况"]


def test_no_profile_no_section_findings():
    assert _run("fields/missing-section", _doc("一份普通的会议记录", "正文。")) == []


def test_fields_inline_and_in_table_cells():
    cells = [Segment(t, Location(part="table", row=r, col=c)) for r, c, t in (
        (1, 1, "索引号"), (1, 2, "0001/2024"), (2, 1, "发布机构"), (2, 2, ""), (3, 1, "主题分类"), (3, 2, "综合"))]
    doc = Document(path="x", format="docx", segments=(*cells, Segment("成文日期：", Location(paragraph=9))))
    found = {f.match: f.message for f in _run("fields/missing-field", doc)}
    assert set(found) == {"发布机构", "成文日期：", "文号"}
    assert "为空" in found["发布机构"] and "缺少" in found["文号"]


def test_user_profile_and_profile_flag(cli_json, tmp_path):
    (tmp_path / "my.toml").write_text(
        'name = "meeting"\ndescription = "会议纪要"\ntitles = ["会议纪要$"]\n'
        '[[sections]]\ntitle = "参会人员"\npatterns = ["参会人员"]\n', encoding="utf-8")
    (tmp_path / ".disclosure-lint.toml").write_text('profiles = ["my.toml"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("# 第三次主任办公会议纪要\n\n正文。\n", encoding="utf-8")
    code, report = cli_json("a.md", "--select", "fields/missing-section")
    assert [f["match"] for f in report["findings"]] == ["参会人员"]
    code, report = cli_json("a.md", "--select", "fields/missing-section", "--profile", "annual-report")
    assert len(report["findings"]) == 6


def test_a_profile_title_is_found_where_its_pattern_is():
    """Plain-text titles and detect words are looked for with `in`, other patterns searched only
    in texts holding what their matches hold: what a search of every text would find."""
    import random

    import regex

    from linter.profiles import _found
    rng = random.Random(41)
    sources = ["年度报告", "工作总结$", "^关于", "总结(报告)?", "报.告", "a|b", "索引号", "ab", "\\d年"]
    agreed = 0
    for _ in range(3000):
        texts = ["".join(rng.choice("关于年度报告工作总结索引号ab1 ") for _ in range(rng.randint(0, 9)))
                 for _ in range(rng.randint(0, 4))]
        chosen = tuple(regex.compile(p) for p in rng.sample(sources, rng.randint(1, 3)))
        expected = any(p.search(t) for p in chosen for t in texts)
        assert _found(chosen, texts) == expected, (texts, [p.pattern for p in chosen])
        agreed += expected
    assert 300 < agreed < 2700


@pytest.mark.parametrize("profile_text, message", [
    (None, "未知的文档类型"),
    ('name = "x"\nbogus = 1\n', "未知配置项"),
    ('name = "x"\n[[sections]]\ntitle = "a"\nwhere = "middle"\n', "where"),
    ('name = "x"\n[[sections]]\ntitle = "a"\npatterns = ["(未闭合"]\n', "正则表达式无效"),  # said before any file
])
def test_bad_profiles_are_usage_errors(cli, tmp_path, profile_text, message):
    from linter import profiles

    profiles.load.cache_clear()
    (tmp_path / "a.md").write_text("正文\n", encoding="utf-8")
    args = ["check", "a.md", "--profile", "nonexistent"]
    if profile_text is not None:
        (tmp_path / "p.toml").write_text(profile_text, encoding="utf-8")
        (tmp_path / ".disclosure-lint.toml").write_text('profiles = ["p.toml"]\n', encoding="utf-8")
        args = ["check", "a.md"]
    result = cli(*args)
    assert result.exit_code == 2 and message in result.stderr


def _txt(*lines, fmt="txt"):
    return Document(path=f"x.{fmt}", format=fmt,
                    segments=tuple(Segment(t, Location(line=i)) for i, t in enumerate(lines, 1)))


@pytest.mark.parametrize("lines, matches", [
    (["## 篇3：政务公开总结", "正文。"], ["## 篇3："]),                 # a compilation's numbering
    (["上一篇：关于做好安全生产工作的通知", "下一篇：乡镇工作总结"], ["上一篇：", "下一篇："]),
    (["政务公开工作总结范文第5篇"], ["范文第5篇"]),
    (["2023年政务公开工作总结（通用6篇）"], ["（通用6篇）"]),
    (["[ECMS帝国之家，为帝国cms加油！](#)"], ["ECMS帝国之家", "帝国cms"]),
    (["内容导航"], ["内容导航"]),
    (["本书共分三篇：第一篇介绍背景。", "详见上一篇文章所列事项。"], []),  # prose that says 篇
    (["相关推荐单位名单如下："], []),                                # a sentence, not a page's box
])
def test_web_page_leftovers(lines, matches):
    found = [f.match for f in _run("fields/template-residue", _txt(*lines)) if f.severity == "error"]
    assert found == matches


def test_markdown_in_a_plain_text_draft_is_one_finding_with_the_count():
    lines = ["### 一、工作情况", "> 引用的一段", "正文**加粗**内容，见[链接](#)。", "20\\_年度", "#1 号楼", "- 列表项"]
    [finding] = [f for f in _run("fields/template-residue", _txt(*lines)) if f.severity == "warning"]
    assert finding.match == "###" and "5 处 Markdown" in finding.message
    assert finding.location.line == 1


def test_markdown_is_not_residue_in_a_markdown_file_nor_plain_text_without_it():
    assert _run("fields/template-residue", _txt("### 一、工作情况", fmt="md")) == []
    assert _run("fields/template-residue", _txt("一、工作情况", "#1 号楼", "- 列表项", "a*b*c")) == []


@pytest.mark.parametrize("lines, matches", [
    (["2023年政府信息公开工作年度报告", "2022年，本机关认真贯彻落实条例。"], ["2022年"]),     # last year's text
    (["某区2023年度政务公开工作总结", "现将2021年度工作总结如下。"], ["2021年度"]),
    (["某区2023年度政务公开工作总结", "2023年，我区扎实推进政务公开。", "2024年工作计划如下。",
      "与2022年相比，申请量增长10%。", "2021年至2023年累计公开1200条。", "2024年3月1日"], []),
    (["关于开展2023年安全检查的通知", "较2022年度有所下降。", "2022年度和2023年度数据见附表。"], []),
    (["某区政务公开工作总结", "2022年，本机关认真贯彻落实条例。"], []),               # the title names no year
])
def test_mixed_years(lines, matches):
    assert [f.match for f in _run("fields/mixed-year", _txt(*lines))] == matches


def test_placeholder_years_under_a_dated_title_are_one_finding_naming_the_year():
    lines = ["# 2023年度政务公开总结", "## 20\\_年度政务公开总结", "20xx年，全镇共公开信息X条。"]
    [finding] = _run("fields/mixed-year", _txt(*lines))
    assert finding.match == "20\\_" and "2 处年份未填写" in finding.message and "应为2023年" in finding.message


def test_squash_drops_exactly_the_characters_regex_counts_as_spaces():
    """Headings are compared squashed: split() is used where it removes what \\s removes, for every character."""
    import sys

    import regex

    from linter.profiles import squash

    spaces = regex.compile(r"\s+")
    separators = "\x1c\x1d\x1e\x1f"  # split() takes them for spaces, \s does not: each tried alone
    for code in separators:
        assert squash(f"第{code}部分 ") == spaces.sub("", f"第{code}部分 ") == f"第{code}部分"
    others = [chr(code) for code in range(sys.maxunicode + 1) if chr(code) not in separators]
    for at in range(0, len(others), 4096):
        text = "部".join(others[at:at + 4096])
        assert squash(text) == spaces.sub("", text), hex(at)


def test_every_markdown_mark_holds_one_of_the_characters_a_line_is_first_looked_at_for():
    """A text draft's lines are searched for Markdown only when they hold one of a few characters:
    whatever the expression finds must hold one of them, or a line of marks would go unsearched."""
    import random

    from checks.fields_template_residue import _MARK_CHARS, _MARKDOWN

    rng = random.Random(23)
    pieces = ["#", "##", ">", "[", "]", "(", ")", "(#)", "*", "**", "\\", "_", "|", "-", "---", ":", " ", "\n",
              "文", "a"]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        if _MARKDOWN.search(text):
            found += 1
            assert any(c in text for c in _MARK_CHARS), repr(text)
    assert found > 2000


def test_the_placeholder_anchors_are_found_as_their_character_class_finds_them():
    """The characters every placeholder holds are looked for one by one with str.find, or, where
    they crowd, by their class at once: either way the runs a class expression finds, as many."""
    import itertools
    import random
    import re

    from checks.fields_placeholder import PlaceholderCheck
    from linter.patterns import _anchor_runs

    chars = PlaceholderCheck.anchor
    whole = re.compile(f"[{re.escape(chars)}]+")
    rng = random.Random(29)
    crowded = 0
    for _ in range(3000):
        share = rng.choice((0.01, 0.1, 0.5))
        text = "".join(rng.choice(chars) if rng.random() < share else rng.choice("文字20年-\n") for _ in
                       range(rng.randint(0, 400)))
        most = rng.randint(0, 6)
        expected = [m.span() for m in itertools.islice(whole.finditer(text), most + 1)]
        assert _anchor_runs(text, chars, most) == expected, (text, most)
        crowded += sum(c in chars for c in text) > 4 * (most + 1)
    assert crowded > 300  # the crowded way was taken too


def test_a_check_anchored_on_a_compiled_class_as_checks_were_written_before_finds_the_same():
    """`anchor` was a compiled `[...]+` class before it could be the characters themselves: a
    plugin's check written that way must find what the same check anchored on the characters finds."""
    import re

    from checks.fields_placeholder import PlaceholderCheck
    from linter.model import Document, Location, Segment

    compiled = type("Compiled", (PlaceholderCheck,), {"anchor": re.compile(f"[{re.escape(PlaceholderCheck.anchor)}]+")})
    text = "关于做好20XX年工作的通知。" + "正文内容。" * 300 + "联系人：XXX，电话：XXXXXXX。" + "待补充"
    document = Document(path="x.txt", format="txt", segments=(Segment(text, Location(line=1)),))
    spans = [(c.at, c.until) for c in PlaceholderCheck().candidates(document)]
    assert spans and spans == [(c.at, c.until) for c in compiled().candidates(document)]
