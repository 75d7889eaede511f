"""Published PDFs as WPS and ONLYOFFICE export them (fixtures/realworld/published-pdf/, sources in SOURCES.tsv).

Four district budgets of 上海市普陀区 (2023–2025, 16–35 pages of tables each) and 淮安市's 2024 annual
report. What is reported on them is true of the published files, all at warning level: half-width
colons in Chinese text (上年:25.77万元), document numbers with 【】 for 〔〕 (沪府规【2016】168号), the
producing software in the properties. Found wrong on them before, and pinned here: the cover's 32 pt
title run on into the 15 pt line under it (…单位预算 / 预算单位：… read as 预算预算, doubled), a
table's 1 pt border through a glyph taken for a black box over text, and a quotation closing across
a page break taken for two unpaired quotes (the page number "- 2 -" between them).
"""

import json
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli
from linter.extract import extract

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "realworld"
BUDGETS = sorted((ROOT / "published-pdf").glob("*.pdf"))
PUBLISHED = [*BUDGETS, ROOT / "annual-reports" / "ha-szf-2024.pdf"]
TRUE_OF_THE_FILES = {"proof/punctuation", "fields/doc-number", "hidden/metadata"}


def _report(paths):
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", "1", *map(str, paths)])
    return json.loads(result.output)


def test_published_pdfs_are_read_whole_and_raise_no_false_alarm():
    assert len(BUDGETS) == 4
    report = _report(PUBLISHED)
    assert [f["status"] for f in report["files"]] == ["ok"] * len(PUBLISHED)
    found = Counter(f["check"] for f in report["findings"])
    assert set(found) <= TRUE_OF_THE_FILES, found
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    assert found["proof/punctuation"] >= 10 and found["fields/doc-number"] == 6  # the true ones are still found


def test_a_cover_title_stays_a_paragraph_of_its_own():
    document = extract(str(BUDGETS[0]))
    first = [s.text for s in document.segments if s.location.page == 1 and s.location.part == "body"][:2]
    assert first == ["上海市普陀区社会福利院2024年单位预算", "预算单位：上海市普陀区社会福利院"]
