"""The work-summary profile: a 工作总结 has what was done, what fell short and what comes next."""

import json

import pytest
from click.testing import CliRunner

from linter.cli import cli

PARTS = {
    "done": "一、工作开展情况及成效\n（一）加强组织领导。调整了领导小组，明确专人负责。",
    "problems": "二、存在的问题\n一是政策解读形式较为单一；二是个别栏目更新不够及时。",
    "next": "三、下一步工作打算\n一是丰富解读形式；二是加强栏目巡查。",
}
SIGNATURE = "某某区市场监督管理局\n2024年12月20日"


def _summary(tmp_path, title="某某区市场监督管理局2024年政务公开工作总结", leave_out=(), name="总结.txt"):
    body = [title, "2024年，我局认真落实政务公开各项要求，现将全年工作总结如下："]
    body += [text for key, text in PARTS.items() if key not in leave_out]
    path = tmp_path / name
    path.write_text("\n".join([*body, SIGNATURE]) + "\n", encoding="utf-8")
    return path


def _missing(path, *options):
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "fields/missing-section",
                                      *options, str(path)])
    return [f["match"] for f in json.loads(result.output)["findings"]]


def test_a_complete_summary_is_quiet(tmp_path):
    assert _missing(_summary(tmp_path)) == []


@pytest.mark.parametrize("left_out, title", [("problems", "二、存在的问题"), ("next", "三、下一步工作打算"),
                                             ("done", "一、工作开展情况")])
def test_each_missing_part_is_named(tmp_path, left_out, title):
    assert _missing(_summary(tmp_path, leave_out=(left_out,))) == [title]


@pytest.mark.parametrize("title", ["2024年政务公开工作总结", "某某镇2024年上半年政务信息公开工作总结",
                                   "某某局2024年政务公开工作总结及2025年工作计划"])
def test_titles_as_bodies_write_them_select_the_profile(tmp_path, title):
    assert _missing(_summary(tmp_path, title=title, leave_out=("problems",))) == ["二、存在的问题"]


@pytest.mark.parametrize("heading", ["二、存在的不足", "二、问题和不足", "二、存在的主要问题"])
def test_the_parts_are_recognised_however_they_are_named(tmp_path, heading):
    path = _summary(tmp_path)
    path.write_text(path.read_text("utf-8").replace("二、存在的问题", heading), "utf-8")
    assert _missing(path) == []


def test_other_documents_are_not_summaries(tmp_path):
    path = _summary(tmp_path, title="关于开展政务公开工作总结评估的通知", leave_out=("problems", "next"))
    assert "二、存在的问题" not in _missing(path)
