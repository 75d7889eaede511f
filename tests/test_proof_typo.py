"""proof/typo: misspellings with their correction; correct words that contain them stay quiet."""

import pytest
from click.testing import CliRunner

from linter.check import CheckContext
from linter.cli import cli
from linter.model import Document, Location, Segment
from linter.registry import load_checks


def _run(text, typos=()):
    document = Document(path="x.txt", format="txt", segments=(Segment(text, Location(line=1)),))
    return [(f.match, f.message) for f in load_checks()["proof/typo"]().run(document, CheckContext(typos=typos))]


@pytest.mark.parametrize("text, wrong, right", [
    ("公开监督电话、投拆方式等。", "投拆", "投诉"),
    ("认真布署年度重点工作。", "布署", "部署"),
    ("资金已全部下拔到位。", "下拔", "下拨"),
    ("请于每月5日前报帐。", "报帐", "报账"),
    ("化学成份检测合格。", "成份", "成分"),
    ("大家迫不急待地投入工作。", "迫不急待", "迫不及待"),
    ("望再接再励，取得更大成绩。", "再接再励", "再接再厉"),
])
def test_a_typo_is_reported_with_its_correction(text, wrong, right):
    [(match, message)] = _run(text)
    assert match == wrong
    assert f"应为“{right}”" in message


@pytest.mark.parametrize("text", [
    "全部份额已按期兑付。",          # 全部|份额, not 部份
    "超过份额的部分不予补助。",      # 超过|份额, not 过份
    "各部门认真部署，积极推进。",    # the right forms
    "申报消费税的企业",              # 申报|消费税, not 报消
    "关注消费者权益保护。",          # 关注|消费者, not 注消
    "针对像这样的问题，及时整改。",  # 针对|像, not 对像
    "企业积极参与。",                # 企业|积极, not 业积
    "个人材料已归档。",              # 个人|材料, not 人材
    "将改革政策传导至医院。",        # 传导|至, not 导至
])
def test_correct_text_containing_a_wrong_form_is_quiet(text):
    assert _run(text) == []


def test_user_list_adds_overrides_and_switches_off(tmp_path):
    own = tmp_path / "typos.txt"
    own.write_text("# our office's slips\n政务公升\t政务公开\t形近\n成份\t=\n", encoding="utf-8")
    assert _run("推进政务公升工作，化学成份检测。", (str(own),)) == [
        ("政务公升", "疑似错别字“政务公升”，应为“政务公开”（形近）")]


def test_a_user_list_without_corrections_is_a_usage_error(tmp_path):
    own = tmp_path / "typos.txt"
    own.write_text("政务公升\n", encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("正文。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--typos", str(own), str(draft)])
    assert result.exit_code == 2
    assert "缺少正确写法" in result.output


def test_the_sample_typo_is_found_through_the_cli(tmp_path):
    draft = tmp_path / "summary.txt"
    draft.write_text("八、监督电话、投拆方式等；\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--select", "proof/typo", "--format", "json", str(draft)])
    assert "投拆" in result.output and "投诉" in result.output


def test_config_typos_are_read_relative_to_the_config_file(tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "typos.txt").write_text("政务公升\t政务公开\n", encoding="utf-8")
    (tmp_path / ".disclosure-lint.toml").write_text('typos = ["lists/typos.txt"]\n', encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("推进政务公升工作。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--select", "proof/typo", "--config",
                                      str(tmp_path / ".disclosure-lint.toml"), str(draft)])
    assert "政务公升" in result.output and result.exit_code == 0


def test_deciding_word_boundaries_teaches_nothing_to_the_shared_dictionary():
    # proof/repeat and the name check read jieba's dictionary: what one file's hits taught
    # it would change the findings of the next file in the same process.
    from linter.wordbreak import is_word

    assert [m for m, _ in _run("召开坐谈会，举办讲坐。")] == ["坐谈会", "讲坐"]
    assert not is_word("讲坐") and not is_word("坐谈")
