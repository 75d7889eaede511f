"""The statistics tables of an annual report, checked in every format a report is drafted in."""


import pytest
from annual import DEFECTS, EXPECTED, WRITERS, report
from reports import findings

SELECT = "stats,fields/report-year"


def _findings(path, *options):
    return findings(path, "--select", SELECT, *options)


def _counts(findings):
    counts = {}
    for f in findings:
        counts[f["check"]] = counts.get(f["check"], 0) + 1
    return counts


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("defect", DEFECTS)
def test_each_defect_gives_exactly_its_findings(tmp_path, fmt, defect):
    path = WRITERS[fmt](report(7, defect), tmp_path / f"年度报告.{fmt}")
    assert _counts(_findings(path)) == EXPECTED[defect]


def test_a_wrong_total_names_table_row_column_and_both_numbers(tmp_path):
    made = report(7)
    made.applications["new"][0] = str(int(made.applications["new"][0]) + 2)
    made.applications["new"][6] = str(int(made.applications["new"][6]) + 2)
    [first, total] = _findings(WRITERS["docx"](made, tmp_path / "a.docx"))
    assert first["check"] == "stats/balance" and first["message"].startswith("表三“自然人”列：第一项加第二项为")
    assert first["location"]["part"] == "table" and first["location"]["col"] == 4  # the （七）总计 cell
    new, carried, handled, carried_forward = (int(made.applications[k][0]) for k in ("new", "carried", "total", "next"))
    assert f"{new}＋{carried}＝{new + carried}" in first["message"]
    assert f"{handled}＋{carried_forward}＝{handled + carried_forward}" in first["message"]
    assert total["message"].startswith("表三“总计”列")


def test_a_blank_cell_is_pointed_at(tmp_path):
    from linter.stats.template import BY_KEY, COLUMNS, ROWS

    made = report(7)
    key, col = next((k, c) for k in ("deny-5", "deny-2", "refuse-3") for c in range(6)
                    if made.applications[k][c] == "0")
    made.applications[key][col] = ""
    [found] = _findings(WRITERS["docx"](made, tmp_path / "a.docx"))
    assert found["message"].startswith(f"表三“{BY_KEY[key].label}”行“{COLUMNS[col]}”列为空")
    # Three header rows above the template's rows (the 2021 format: no single （六） row); three label columns.
    row = 3 + 1 + [r.key for r in ROWS if r.key != "other"].index(key)
    assert (found["location"]["row"], found["location"]["col"]) == (row, 4 + col)


def test_an_empty_cell_counts_as_none_in_the_sums(tmp_path):
    made = report(7)
    key, col = next((k, c) for k in ("open", "deny-1", "unable-1") for c in range(6)
                    if made.applications[k][c] != "0")
    made.applications[key][col] = ""  # a count left out: its row and column no longer add up
    counts = _counts(_findings(WRITERS["md"](made, tmp_path / "a.md")))
    assert counts["stats/blank-cell"] == 1 and counts["stats/row-total"] == 1 and counts["stats/subtotal"] == 1


def test_a_template_left_blank_is_one_finding(tmp_path):
    made = report(7)
    for values in made.applications.values():
        values[:] = [""] * 7
    found = _findings(WRITERS["md"](made, tmp_path / "a.md"))
    assert [(f["check"], f["message"][:10]) for f in found] == [("stats/blank-cell", "表三没有填写：175")]


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_both_tables_left_blank_are_two_findings_not_a_table_not_found(tmp_path, fmt):
    # The template as handed out: 表四's value row is there but holds no text at all.
    made = report(7)
    for values in made.applications.values():
        values[:] = [""] * 7
    made.reviews[:] = [""] * 15
    found = _findings(WRITERS[fmt](made, tmp_path / f"a.{fmt}"))
    assert [(f["check"], f["message"][:10]) for f in found] == [
        ("stats/blank-cell", "表三没有填写：175"), ("stats/blank-cell", "表四没有填写：15 ")]


def test_tables_that_cannot_be_read_are_said_once(tmp_path):
    made = report(7)
    path = WRITERS["txt"](made, tmp_path / "a.txt")
    text = path.read_text("utf-8").replace("\t", "  ")  # columns aligned with spaces: no cells to read
    path.write_text(text, "utf-8")
    found = _findings(path)
    assert [(f["check"], f["match"]) for f in found] == [("stats/unparsed", "表三"), ("stats/unparsed", "表四")]


def test_other_documents_are_left_alone(tmp_path):
    made = report(7, "balance")
    path = WRITERS["md"](made, tmp_path / "a.md")
    path.write_text(path.read_text("utf-8").replace("年度报告", "工作总结"), "utf-8")
    assert _findings(path) == []
    assert _counts(_findings(path, "--profile", "annual-report")) == {"stats/balance": 2}


def test_full_width_digits_and_gbk_text_are_read(tmp_path):
    made = report(7)
    made.applications["open"] = [str(v).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
                                 for v in made.applications["open"]]
    path = WRITERS["txt"](made, tmp_path / "a.txt")
    path.write_bytes(path.read_text("utf-8").encode("gbk"))
    assert _findings(path) == []


@pytest.mark.parametrize("sentence, found", [
    ("本年度报告中所列数据统计期限从2023年1月1日到12月31日止。", 1),
    ("本报告所列数据的统计时限为2024年1月1日至2024年12月31日。", 0),
    ("统计期限自2024年1月1日起至2023年12月31日止。", 1),
])
def test_the_statistics_period_however_it_is_worded(tmp_path, sentence, found):
    path = WRITERS["md"](report(7), tmp_path / "a.md")
    text = path.read_text("utf-8")
    start = text.index("本报告中所列数据")
    path.write_text(text[:start] + sentence + text[text.index("\n", start):], "utf-8")
    assert _counts(_findings(path)).get("fields/report-year", 0) == found
