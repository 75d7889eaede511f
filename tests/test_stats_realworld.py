"""The statistics of published annual reports (fixtures/realworld/annual-reports/, sources in SOURCES.tsv).

2019年上海市人民政府办公厅政府信息公开工作年度报告 (published 2020-01-31, the 2019 format with
（六）其他处理 as one row). Its sums hold, as an inspector reads them (an empty cell counts as none):
  一 + 二 = 三（七） + 四: 自然人 821 + 18 = 767 + 72 = 839; 商业企业 35 + 0 = 35 + 0; 总计 859 + 18 = 805 + 72 = 877.
  （七）总计, 自然人: 258 + 3 + (14 + 5 + 3 + 10) + (252 + 44 + 25) + (148 + 5) = 767;
                商业企业: 12 + (1 + 2) + (12 + 3) + (1 + 4) = 35; 法律服务机构 1 + 1 = 2; 其他 1.
  表四: 复议 5 + 2 = 7; 未经复议直接起诉 8 + 1 = 9.
So no arithmetic finding. What the checks do report is true of the published page: 135 cells of 表三
and 表四 were left empty instead of 0 (eleven of them the 总计 of a row that has numbers: 予以公开 should
read 272, for instance), and that is stats/blank-cell's to say.
"""

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli

PUBLISHED = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "annual-reports"


def _findings(path):
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "stats,fields/report-year", str(path)])
    return json.loads(result.output)["findings"]


def test_the_published_sums_hold_and_only_the_empty_cells_are_reported():
    found = _findings(PUBLISHED / "sh-bgt-2019.md")
    assert Counter(f["check"] for f in found) == {"stats/blank-cell": 135}
    messages = {f["message"].split("：")[0] for f in found}
    assert "表三“（一）予以公开”行“总计”列为空" in messages
    assert "表四“行政复议”“结果纠正”为空" in messages


def test_every_published_report_is_read_whole():
    for path in sorted(PUBLISHED.glob("*.md")):
        assert not [f for f in _findings(path) if f["check"] == "stats/unparsed"], path.name
