"""Annual reports saved by LibreOffice (fixtures/stats/make.py): PDF (merged cells, a table broken
over pages with a row's label cut between them, 表三 and 表四 on one page), .odt, .rtf and .doc
(merged cells as each format writes them; a .doc's wide rows keep their properties in its Data
stream) — each gives exactly the findings of its planted defect."""

import json
from pathlib import Path

import pytest
from annual import EXPECTED
from click.testing import CliRunner

from linter.cli import cli

SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "stats"


@pytest.mark.parametrize("path", sorted(p for p in SAVED.iterdir() if p.suffix in (".pdf", ".odt", ".rtf", ".doc")),
                         ids=lambda p: p.name)
def test_each_exported_report_gives_its_defects_findings(path):
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "stats,fields/report-year", str(path)])
    counts = {}
    for f in json.loads(result.output)["findings"]:
        counts[f["check"]] = counts.get(f["check"], 0) + 1
    assert counts == EXPECTED[path.stem.split("-", 1)[1]]


def test_a_cell_is_located_by_page_row_and_column():
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "stats",
                                      str(SAVED / "年度报告-row-total.pdf")])
    [found] = json.loads(result.output)["findings"]
    location = found["location"]
    assert (location["page"], location["row"], location["col"]) == (1, 12, 10)
    assert found["message"] == ("表三“（三）5.属于三类内部事务信息”行：总计应为 15，实为 16"
                                "（自然人与各类法人或其他组织之和）")
