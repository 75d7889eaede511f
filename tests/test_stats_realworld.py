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

淮安市人民政府2024年政府信息公开工作年度报告, the published PDF as WPS made it: 表三 runs from page
4 onto page 5, its labels wrap inside their cells (（四）无 / 法提供). Every cell is filled and the sums hold:
  自然人 3001 + 34 = 2932 + 103 = 3035; 总计 3119 + 34 = 3050 + 103 = 3153;
  （七）总计 自然人 1288 + 447 + (2 + 30 + 5 + 6 + 7 + 12 + 9 + 105) + (746 + 11 + 1) + (56 + 25 + 0 + 0 + 1)
              + (67 + 6 + 108) = 2932;
  表四 72 + 64 + 178 + 37 = 351; 13 + 4 + 8 + 1 = 26; 12 + 1 + 1 + 6 = 20 (its prose: 诉讼 46 件, 维持 25 件).

宿迁市 2023 and 2024, as a comparison report reproduces them, with labels shortened (2.逾期不缴费):
  2023 自然人 3402 + 91 = 3375 + 118 = 3493, 总计 3511 + 96 = 3486 + 121 = 3607;
  2024 自然人 3440 + 118 = 3440 + 118 = 3558, 总计 3525 + 121 = 3521 + 125 = 3646;
  表四 2023 309 + 17 + 88 + 26 = 440, 2024 88 + 18 + 28 + 36 = 170. No finding in either.
"""

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli
from linter.extract import extract
from linter.profiles import choose, load
from linter.stats.tables import read

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




def test_reports_with_every_cell_filled_give_no_statistics_finding():
    for name in ("ha-szf-2024.pdf", "sq-szf-2023.md", "sq-szf-2024.md"):
        assert _findings(PUBLISHED / name) == [], name


def test_every_published_report_is_read_whole_in_every_format_found():
    reports = sorted(p for p in PUBLISHED.iterdir() if p.suffix in (".md", ".pdf"))
    assert len(reports) >= 4
    for path in reports:
        assert not [f for f in _findings(path) if f["check"] == "stats/unparsed"], path.name
        document = extract(str(path))  # and not silent for want of being taken for a report:
        assert choose(document.segments, load(), None).name == "annual-report", path.name
        tables = read(document)
        assert len(tables.applications.rows) >= 22 and len(tables.reviews.values) == 15, path.name
