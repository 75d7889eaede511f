"""Excel 97-2003: the same sheet reading as .xlsx, on workbooks saved by LibreOffice."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.extract import ExtractError, extract

SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def _where(f):
    return f["location"]["sheet"], f["location"]["row"], f["location"]["col"]


def test_everything_the_workbook_hides_is_reported_and_checked():
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SAVED / "隐藏.xls")])
    found = json.loads(result.output)["findings"]
    hidden = {(f["match"], _where(f)) for f in found if f["check"] == "hidden/hidden-text"}
    assert hidden == {("隐藏的行", ("统计", 3, None)), ("格式设为不显示内容的单元格（如 ;;;）", ("统计", 5, 3)),
                      ("隐藏的工作表", ("底稿", None, None))}  # LibreOffice saves "very hidden" as hidden
    personal = {(f["check"], _where(f)) for f in found if f["check"].startswith("pii/") and f["check"] != "pii/table"}
    assert personal == {("pii/mobile", ("统计", 3, 2)), ("pii/mobile", ("统计", 5, 3)), ("pii/mobile", ("统计", 1, 1)),
                        ("pii/id-card", ("统计", 4, 2)), ("pii/id-card", ("底稿", 2, 2)),
                        ("pii/mobile", ("统计", None, None))}  # the print header, read from the sheet's records
    header = next(f for f in found if f["location"]["part"] == "header")
    assert header["check"] == "pii/mobile" and header["match"] == "138****4680"
    assert [_where(f) for f in found if f["check"] == "hidden/comment"] == [("统计", 1, 1)]
    damaged = next(f for f in found if f["check"] == "pii/id-card" and _where(f) == ("统计", 4, 2))
    assert "存为数字" in damaged["message"]


def test_a_sheet_is_a_table_under_its_title_row():
    doc = extract(str(SAVED / "名单.xls"))
    assert doc.segments[0].location.part == "body"
    assert doc.tables.all[0].header()[2] == "姓名"


def test_a_truncated_workbook_is_one_clear_error(tmp_path):
    data = (SAVED / "名单.xls").read_bytes()
    (tmp_path / "坏.xls").write_bytes(data[: len(data) // 2])
    with pytest.raises(ExtractError, match="损坏"):
        extract(str(tmp_path / "坏.xls"))


def test_a_text_box_over_the_sheet_is_read_and_checked():
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SAVED / "文本框.xls")])
    found = json.loads(result.output)["findings"]
    boxed = [f for f in found if f["location"]["part"] == "textbox"]
    assert [(f["check"], f["location"]["sheet"], f["match"]) for f in boxed] == [("pii/mobile", "公示", "139****0246")]
    assert boxed[0]["context"].startswith("备注：王某手机")


def test_where_a_link_leads_is_read_and_checked():
    """The cell shows 公示结果; the address behind it carries an ID in its query."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SAVED / "文本框.xls")])
    linked = [f for f in json.loads(result.output)["findings"] if f["location"]["detail"] == "link"]
    found = [(f["check"], _where(f), f["match"]) for f in linked]
    assert found == [("pii/id-card", ("公示", 3, 1), "1101**********7657")]


def test_a_formulas_strings_are_read_and_checked():
    """=HYPERLINK("mailto:…?subject=138…","联系我们"): the cell shows 联系我们; the formula holds the rest."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SAVED / "文本框.xls")])
    found = {(f["check"], _where(f)) for f in json.loads(result.output)["findings"]
             if f["location"]["detail"] == "formula"}
    assert found == {("pii/email", ("公示", 4, 1)), ("pii/mobile", ("公示", 4, 1))}


def test_a_formulas_tokens_are_walked_not_searched():
    from linter.extract.xls_records import formula_strings

    number = b"\x1e\x39\x30"  # ptgInt 12345: its bytes are no text
    text = b"\x17\x03\x00abc"  # ptgStr, one byte a character
    wide = b"\x17\x02\x01" + "联系".encode("utf-16-le")
    space = b"\x19\x40\x00\x00"  # ptgAttr: a space before the next token
    choose = b"\x19\x04\x01\x00" + b"\x00\x00" * 2  # ptgAttr CHOOSE with its jump table
    assert formula_strings(number + text + space + wide + choose + text) == ["abc", "联系", "abc"]
    assert formula_strings(text + b"\x18\x17\x03\x00xyz") == ["abc"]  # an unsized token ends the walk
