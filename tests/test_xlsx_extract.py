"""Excel .xlsx: cells as tables, and everything Excel keeps out of sight, found and located."""

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.comments import Comment
from reports import findings
from rosters import roster_xlsx

from linter.cli import cli
from linter.extract import ExtractError, extract
from linter.model import Location
from linter.report.words import describe

ID = "110105199003077657"


def _book(path, build):
    book = openpyxl.Workbook()
    build(book)
    book.save(path)
    return path


def _where(finding):
    loc = finding["location"]
    return loc["sheet"], loc["row"], loc["col"]


def test_a_sheet_is_a_table_under_its_title_row(tmp_path):
    doc = extract(str(roster_xlsx(tmp_path / "名单.xlsx")))
    title, header = doc.segments[0], doc.segments[1]
    assert (title.text, title.location.part, title.location.row) == ("2024年度临时救助对象公示名单", "body", 1)
    assert (header.text, header.location.part, header.location.row) == ("序号", "table", 2)
    table = doc.tables.all[0]
    assert table.header()[2] == "姓名"
    assert table.column_of(next(s for s in doc.segments if s.text == "张建国")) == "姓名"


def test_cells_are_located_as_excel_names_them(tmp_path):
    found = findings(roster_xlsx(tmp_path / "名单.xlsx"), "--select", "pii/mobile")
    assert [_where(f) for f in found] == [("公示名单", 3, 4)]
    loc = found[0]["location"]
    assert describe(Location(**loc)) == "工作表“公示名单” D3"


def test_hidden_sheet_row_column_and_format_are_reported_and_checked(tmp_path):
    def build(book):
        sheet = book.active
        sheet.title = "名单"
        sheet.append(["姓名", "电话", "备注"])
        sheet.append(["张某", "139****0246", "已核实"])
        sheet.append(["李某", "13812345678", "退回"])
        sheet.append(["赵某", "已遮盖", "身份证" + ID])
        sheet.row_dimensions[3].hidden = True
        sheet.column_dimensions["C"].hidden = True
        sheet["B5"] = "13905710246"
        sheet["B5"].number_format = ";;;"
        secret = book.create_sheet("底稿")
        secret.sheet_state = "veryHidden"
        secret.append(["姓名", "身份证号"])
        secret.append(["钱某", "320506198507124317"])
    found = findings(_book(tmp_path / "名单.xlsx", build))
    hidden = {(f["match"], _where(f)) for f in found if f["check"] == "hidden/hidden-text"}
    assert hidden == {("隐藏的行", ("名单", 3, None)), ("隐藏的列", ("名单", None, 3)),
                      ("格式设为不显示内容的单元格（如 ;;;）", ("名单", 5, 2)),
                      ("深度隐藏的工作表（Excel 界面中无法取消隐藏）", ("底稿", None, None))}
    personal = {(f["check"], _where(f)) for f in found if f["check"].startswith("pii/")}
    assert {("pii/mobile", ("名单", 3, 2)), ("pii/id-card", ("名单", 4, 3)), ("pii/mobile", ("名单", 5, 2)),
            ("pii/id-card", ("底稿", 2, 2))} <= personal


def test_an_id_stored_as_a_number_is_reported_as_a_damaged_id(tmp_path):
    def build(book):
        book.active.append(["姓名", "身份证号"])
        book.active.append(["张某", 1.10105199003077e17])  # what Excel keeps of 110105199003077657
    found = findings(_book(tmp_path / "名单.xlsx", build), "--select", "pii/id-card")
    assert len(found) == 1 and found[0]["match"] == "1101**********7000"
    assert "存为数字" in found[0]["message"]


def test_a_number_is_read_with_every_digit_the_file_holds(tmp_path):
    def build(book):
        book.active.append(["金额", "日期"])
        book.active.append([1234567.5, 45292])
        book.active["B2"].number_format = "yyyy-mm-dd"
    texts = [s.text for s in extract(str(_book(tmp_path / "a.xlsx", build))).segments]
    assert texts[:4] == ["金额", "日期", "1234567.5", "2024-01-01"]


def test_comments_headers_text_and_properties_are_read(tmp_path):
    def build(book):
        sheet = book.active
        sheet.title = "表一"
        sheet["A1"] = "统计表"
        sheet["A1"].comment = Comment("请核对张建国的电话13905710246", "王审核")
        sheet.oddHeader.center.text = "内部资料"
        book.properties.creator = "孙起草"
    found = findings(_book(tmp_path / "a.xlsx", build))
    by_check = {f["check"]: f for f in found}
    assert _where(by_check["hidden/comment"]) == ("表一", 1, 1)
    assert by_check["hidden/comment"]["location"]["detail"] == "王**"
    assert by_check["pii/mobile"]["location"]["part"] == "comment"
    assert by_check["secrecy/restricted"]["location"]["part"] == "header"
    assert by_check["hidden/metadata"]["context"] == "creator=孙**"


def test_threaded_comments_are_read_once(tmp_path):
    path = _book(tmp_path / "a.xlsx", lambda book: book.active.append(["统计表"]))
    parts = {
        "xl/threadedComments/threadedComment1.xml":
            '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
            '<threadedComment ref="A1" personId="{P1}" id="{C1}"><text>电话13905710246</text>'
            '</threadedComment></ThreadedComments>',
        "xl/persons/person.xml":
            '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
            '<person displayName="王审核" id="{P1}"/></personList>',
        "xl/worksheets/_rels/sheet1.xml.rels":
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/10/relationships/'
            'threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>',
    }
    _add_parts(path, parts)
    found = [f for f in findings(path) if f["check"] == "hidden/comment"]
    assert [(f["location"]["detail"], _where(f)) for f in found] == [("王**", ("Sheet", 1, 1))]


def test_pivot_caches_and_macros_are_named_as_not_checked(tmp_path):
    path = _book(tmp_path / "a.xlsx", lambda book: book.active.append(["统计表"]))
    _add_parts(path, {"xl/pivotCache/pivotCacheRecords1.xml": "<pivotCacheRecords/>"})
    assert extract(str(path)).attachments == ("数据透视表缓存（可能保留源数据）：pivotCacheRecords1.xml",)
    assert any(f["check"] == "hidden/embedded" for f in findings(path))


@pytest.mark.parametrize("damage, message", [
    (lambda data: data[: len(data) // 2], "损坏"),
    (lambda data: _without(data, "xl/workbook.xml"), "不是 Excel 工作簿"),
])
def test_a_damaged_workbook_is_one_clear_error(tmp_path, damage, message):
    data = roster_xlsx(tmp_path / "名单.xlsx").read_bytes()
    (tmp_path / "坏.xlsx").write_bytes(damage(data))
    with pytest.raises(ExtractError, match=message):
        extract(str(tmp_path / "坏.xlsx"))


def test_entities_in_a_sheet_are_never_expanded(tmp_path):
    path = _book(tmp_path / "a.xlsx", lambda book: book.active.append(["x"]))
    bomb = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "身份证110105199003077657">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>')
    _add_parts(path, {"xl/worksheets/sheet1.xml": bomb})
    assert ID not in "".join(s.text for s in extract(str(path)).segments)


def test_a_workbook_named_docx_is_read_as_a_workbook(tmp_path):
    data = roster_xlsx(tmp_path / "名单.xlsx").read_bytes()
    (tmp_path / "名单.docx").write_bytes(data)
    doc = extract(str(tmp_path / "名单.docx"))
    assert doc.format == "xlsx" and "按内容读取" in doc.warnings[0]


def _add_parts(path, parts):
    with zipfile.ZipFile(path) as zf:
        items = {name: zf.read(name) for name in zf.namelist()}
    items.update({name: text.encode() for name, text in parts.items()})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items.items():
            zf.writestr(name, data)


def _without(data, part):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            if name != part:
                dst.writestr(name, src.read(name))
    return out.getvalue()


def test_the_json_report_of_a_workbook_keeps_the_contract(tmp_path):
    import jsonschema

    from linter.report import json_report

    schema = json.loads((Path(json_report.__file__).parent / "report.schema.json").read_text("utf-8"))
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(roster_xlsx(tmp_path / "名单.xlsx"))])
    report = json.loads(result.output)
    jsonschema.validate(report, schema)
    assert {f["location"]["sheet"] for f in report["findings"] if f["location"]["part"] != "metadata"} == {"公示名单"}


def test_hidden_rows_are_reported_by_run_not_one_by_one(tmp_path):
    def build(book):
        sheet = book.active
        for r in range(1, 3001):
            sheet.append([f"编号{r}", r])
        for r in range(10, 1010):  # one block
            sheet.row_dimensions[r].hidden = True
        for r in range(1100, 3001, 2):  # and hundreds of single rows
            sheet.row_dimensions[r].hidden = True
    doc = extract(str(_book(tmp_path / "a.xlsx", build)))
    rows = [s for s in doc.concealed if s.location.detail == "hidden-row"]
    assert rows[0].location.row == 10 and rows[0].text.startswith("第10—1009行：编号10")
    assert len(rows) == 21 and rows[-1].text.startswith("另有 932 处隐藏的行")  # 952 runs, 20 shown


def test_hyperlinks_and_formula_strings_are_read_and_checked(tmp_path):
    """A cell shows 联系我们 or 公示结果; the file also holds where it leads and the formula's strings."""
    import openpyxl
    from reports import findings

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["序号", "姓名", "联系", "结果", "合计"])
    sheet.append([1, "张*国", "联系我们", '=HYPERLINK("http://example.com/q?sfz=110105199003077657","公示结果")',
                  "=SUM(A2:A3)"])
    sheet["C2"].hyperlink = "mailto:zhangjianguo1990@163.com"
    book.save(tmp_path / "links.xlsx")
    found = findings(tmp_path / "links.xlsx", "--select", "pii")
    assert sorted((f["check"], f["location"]["detail"], f["location"]["col"]) for f in found) == [
        ("pii/email", "link", None), ("pii/id-card", "formula", 4)]


def test_a_dropdown_list_and_an_input_message_are_read_and_checked(tmp_path):
    """Data validation holds text no cell shows: a dropdown typed into the rule, a prompt seen while editing."""
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation
    from reports import findings

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "登记"
    sheet.append(["序号", "经办人", "备注"])
    sheet.append([1, "", ""])
    people = DataValidation(type="list", formula1='"经办人甲,联系人13912345678"', allow_blank=True)
    people.add("B2:B50")
    hint = DataValidation(type="textLength", operator="lessThan", formula1="50", showInputMessage=True,
                          promptTitle="示例", prompt="如：身份证号110105199003077657")
    hint.add("C2")
    elsewhere = DataValidation(type="list", formula1="=$E$1:$E$3")  # a range: its cells are read as cells
    elsewhere.add("A2")
    for rule in (people, hint, elsewhere):
        sheet.add_data_validation(rule)
    book.save(tmp_path / "rules.xlsx")
    doc = extract(str(tmp_path / "rules.xlsx"))
    rules = [(s.location.row, s.location.col, s.text) for s in doc.segments if s.location.detail == "validation"]
    assert rules == [(2, 2, "经办人甲、联系人13912345678"), (2, 3, "示例\n如：身份证号110105199003077657")]
    found = findings(tmp_path / "rules.xlsx", "--select", "pii")
    assert sorted((f["check"], f["location"]["detail"]) for f in found) == [
        ("pii/id-card", "validation"), ("pii/mobile", "validation")]


@pytest.mark.parametrize("rename", [lambda n: n.replace("/", "\\"), lambda n: n.replace("/", "\\").lower()],
                         ids=["backslashes", "backslashes, lower case"])
def test_part_names_written_the_windows_way_are_found(tmp_path, rename):
    """A writer on Windows names parts xl\\sharedstrings.xml: it was refused as "a zip, not a workbook"."""
    source = roster_xlsx(tmp_path / "名单.xlsx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(buffer, "w") as renamed:
        for info in original.infolist():
            renamed.writestr(rename(info.filename), original.read(info))
    path = tmp_path / "windows.xlsx"
    path.write_bytes(buffer.getvalue())
    assert _personal(path) == _personal(source) != set()


def _personal(path):
    return {(f["check"], f["location"]["sheet"], f["location"]["row"], f["location"]["col"])
            for f in findings(path) if f["check"].startswith("pii/")}


def test_what_a_reader_leaves_to_the_collector_is_collected_after_the_next_file(tmp_path):
    # A reader's objects are set apart from the cycle collector until the next document is
    # read: a cycle made meanwhile must not stay in memory for the rest of a batch.
    import gc
    import weakref

    from linter.extract import cycle_collection_paused

    class Node:
        pass

    with cycle_collection_paused():
        node = Node()
        node.self = node
        alive = weakref.ref(node)
        del node
        made = [(i,) for i in range(100_000)]  # as many objects as a large sheet's cells make
    del made
    assert gc.isenabled()
    path = _book(tmp_path / "名单.xlsx", lambda book: book.active.append(["姓名", "张建国"]))
    extract(str(path))
    gc.collect()
    assert alive() is None


def test_title_rows_are_paragraphs_above_the_header_in_any_order_rows_are_written():
    import random

    from linter.extract.sheets import SheetContent, SheetRef, cell_segments

    rng = random.Random(7)
    for _ in range(300):
        rows = [rng.randint(1, 6) for _ in range(rng.randint(0, 12))]
        content = SheetContent()
        for i, row in enumerate(rows):
            content.add(row, i + 1, f"格{i}")
        counts: dict[int, int] = {}
        header = next((r for r in rows if counts.__setitem__(r, counts.get(r, 0) + 1) or counts[r] == 2), None)
        expected = ["table" if header is None or row >= header else "body" for row in rows]
        assert [s.location.part for s in cell_segments(SheetRef("表", "visible", "x"), content)] == expected
