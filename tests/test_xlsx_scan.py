""".xlsx cells read by pattern: the same content as the XML parser reads, on every shape.

The pattern reader is a shortcut for speed; the XML parser is the reference. Each sheet here
is read both ways and must come out the same, and a shape the pattern cannot read exactly
must fall back to the parser rather than lose a cell.
"""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from reports import findings

from linter.extract import extract, xlsx, xlsx_sheet
from linter.extract.sheets import Cell
from linter.extract.xlsx_scan import sheet_data
from linter.extract.xlsx_sheet import read_sheet
from linter.extract.xlsx_styles import CellStyles

VECTORS = Path(__file__).parent.parent / "fixtures" / "realworld" / "xlsx-vectors"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRINGS = ["姓名", "身份证号", "张建国"]


def _sheet(body: str, head: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{S}">{head}'
            f"<sheetData>{body}</sheetData></worksheet>").encode()


def _both(data: bytes):
    scanned = read_sheet(data, STRINGS, CellStyles())
    parsed = read_sheet(data, STRINGS, CellStyles(), scan=False)
    assert scanned == parsed
    return scanned


EXCEL_ROW = '<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
SHAPES = {
    "as Excel saves it": (EXCEL_ROW + '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>110105199003077657</v>'
                          "</c></row>",
                          [Cell(1, 1, "姓名"), Cell(1, 2, "身份证号"), Cell(2, 1, "张建国"),
                           Cell(2, 2, "110105199003077657", True)]),
    "attributes in another order, single quotes": (
        "<row r='3'><c t='s' r='C3'><v>2</v></c><c s=\"0\" r=\"D3\" t=\"n\"><v>1.10105199003077E+17</v></c></row>",
        [Cell(3, 3, "张建国"), Cell(3, 4, "110105199003077000", True)]),
    "pretty-printed": ('\n  <row r="1">\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n  </row>\n',
                       [Cell(1, 1, "姓名")]),
    "rows and cells without references": ('<row><c t="s"><v>0</v></c><c t="s"><v>2</v></c></row><row/>'
                                          '<row><c t="inlineStr"><is><t>第三行</t></is></c></row>',
                                          [Cell(1, 1, "姓名"), Cell(1, 2, "张建国"), Cell(3, 1, "第三行")]),
    "references, entities, a carriage return": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>A&amp;B &#24352;&#x5EFA;国\r\n&lt;1&gt;</t></is></c></row>',
        [Cell(1, 1, "A&B 张建国\n<1>")]),
    "references to markup characters, a carriage return, a character beyond the BMP": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&#60;b&#62; &#34;引&#34; &#13;&#x20000;</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t xml:space="preserve"> &#24352; </t></is></c></row>',
        [Cell(1, 1, '<b> "引" \r\U00020000'), Cell(1, 2, " 张 ")]),
    "rich runs and a phonetic guide": (
        '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">建国 </t>'
        "</r><rPh sb=\"0\" eb=\"1\"><t>ちょう</t></rPh><phoneticPr fontId=\"1\"/></is></c></row>",
        [Cell(1, 1, "张建国 ")]),
    "escaped characters": ('<row r="1"><c r="A1" t="inlineStr"><is><t>_x0031__x0031_0105199003077657</t></is></c>'
                           '<c r="B1" t="str"><f>A1</f><v>_x000D_行</v></c></row>',
                           [Cell(1, 1, "110105199003077657"), Cell(1, 2, "\r行")]),
    "types": ('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="d">'
              '<v>2024-01-31T10:00:00</v></c><c r="D1" t="s"><v>99</v></c><c r="E1"/><c r="F1"><v/></c></row>',
              [Cell(1, 1, "TRUE"), Cell(1, 2, "#N/A"), Cell(1, 3, "2024-01-31T10:00:00")]),
    "hidden rows": ('<row r="1" hidden="1"><c r="A1" t="s"><v>2</v></c></row><row r="2" ht="0" customHeight="1">'
                    '<c r="A2" t="s"><v>0</v></c></row>', [Cell(1, 1, "张建国"), Cell(2, 1, "姓名")]),
    "an attribute the pattern does not know, among plain cells": (
        EXCEL_ROW + '<row r="2"><c r="A2" t="s" cm="1"><v>2</v></c><c r="B2" t="s"><v>0</v></c></row>',
        [Cell(1, 1, "姓名"), Cell(1, 2, "身份证号"), Cell(2, 1, "张建国"), Cell(2, 2, "姓名")]),
    "a cell's child the pattern does not know": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is><extLst/></c><c r="B1" t="inlineStr"><is><t>乙</t>'
        "</is></c></row>", [Cell(1, 1, "甲"), Cell(1, 2, "乙")]),
    "numbers with leading zeros and fractions": (
        '<row r="1"><c r="A1"><v>0</v></c><c r="B1"><v>007</v></c><c r="C1"><v>3.50</v></c>'
        '<c r="D1"><v>110105199003077657</v></c></row>',
        [Cell(1, 1, "0", True), Cell(1, 2, "7", True), Cell(1, 3, "3.5", True),
         Cell(1, 4, "110105199003077657", True)]),
    "a plain roster with empty styled cells and a zero": (
        '<row r="1"><c r="A1" s="2"/><c r="B1" t="s"><v>0</v></c><c r="C1"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="n"><v>110105199003077657</v></c><c r="C2" s="1"/></row>',
        [Cell(1, 2, "姓名"), Cell(1, 3, "0", True), Cell(2, 1, "张建国"), Cell(2, 2, "110105199003077657", True)]),
    "a plain roster but for a string index out of range": (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c><c r="C1"><v>5</v></c></row>',
        [Cell(1, 1, "姓名"), Cell(1, 3, "5", True)]),
    "a row's extension list": ('<row r="1"><c r="A1" t="s"><v>0</v></c><extLst><ext uri="x"/></extLst></row>',
                               [Cell(1, 1, "姓名")]),
    "rich runs with a colour and a character set": (
        '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><color rgb="FFFF0000"/><charset val="134"/></rPr>'
        '<t>张建国</t></r></is></c><c r="B1" t="s"><v>1</v></c></row>', [Cell(1, 1, "张建国"), Cell(1, 2, "身份证号")]),
    "an element named c… among the cells": (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><cellNote>张建国</cellNote><c r="B1" t="s"><v>1</v></c></row>',
        [Cell(1, 1, "姓名"), Cell(1, 2, "身份证号")]),
    "a row tag broken over two lines": (
        '<row\n r="1"><c r="A1" t="s"><v>0</v></c></row><row\tr="2" hidden="1"><c r="A2" t="s"><v>2</v></c></row>',
        [Cell(1, 1, "姓名"), Cell(2, 1, "张建国")]),
    "a string that reads like a hidden row": (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ht="0" hidden</t></is></c></row>', [Cell(1, 1, 'ht="0" hidden')]),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_reads_the_same_by_pattern_and_by_parser(shape):
    body, cells = SHAPES[shape]
    assert _both(_sheet(body)).cells == cells


def test_a_formula_holding_a_string_and_a_hidden_row_are_kept():
    body = ('<row r="4" hidden="true"><c r="B4" t="str"><f>HYPERLINK("mailto:zhang@example.com","联系")</f>'
            "<v>联系</v></c><c r=\"C4\"><f>SUM(A1:A3)</f><v>6</v></c></row>")
    content = _both(_sheet(body))
    assert content.formulas == [(4, 2, 'HYPERLINK("mailto:zhang@example.com","联系")')]
    assert content.hidden_rows == {4}


@pytest.mark.parametrize("row", ['<row r="3" ht="0" customHeight="1">', "<row r='3' ht='0.0'>", '<row r="3" ht = "0">',
                                 '<row r="3" hidden="true">', '<row r="3" ht="&#48;">'])
def test_a_hidden_row_however_spelled_is_found_by_pattern_and_parser(row):
    # Rows as Excel writes most of them (a height, no hiding) are not read one by one: these must be.
    body = (EXCEL_ROW + '<row r="2" ht="15.75" customHeight="1"><c r="A2" t="s"><v>2</v></c></row>'
            + row + '<c r="A3" t="s"><v>2</v></c></row>')
    assert _both(_sheet(body)).hidden_rows == {3}


@pytest.mark.parametrize("markup", ["<!-- 注释 -->", "<![CDATA[张建国]]>", "<?pi data?>"])
def test_markup_a_pattern_would_misread_is_left_to_the_parser(markup):
    data = _sheet(f'<row r="1"><c r="A1" t="inlineStr"><is><t>{markup}</t></is></c></row>')
    assert sheet_data(data) is None
    read_sheet(data, STRINGS, CellStyles())  # and the parser reads it without error


def test_a_prefixed_namespace_is_left_to_the_parser():
    data = (f'<x:worksheet xmlns:x="{S}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>2</x:v></x:c>'
            "</x:row></x:sheetData></x:worksheet>").encode()
    assert sheet_data(data) is None
    assert read_sheet(data, STRINGS, CellStyles()).cells == [Cell(1, 1, "张建国")]


def _parser_only(monkeypatch):
    monkeypatch.setattr(xlsx_sheet, "sheet_data", lambda data: None)
    monkeypatch.setattr(xlsx, "shared_strings", lambda data: None)


def test_public_vectors_read_alike_by_pattern_and_by_parser(monkeypatch):
    """Workbooks saved by Excel (Windows, Mac, Online), LibreOffice and libraries: one reading."""
    paths = sorted(VECTORS.glob("*.xlsx"))
    assert len(paths) >= 20
    scanned = sum(sheet_data(zipfile.ZipFile(p).read(n)) is not None for p in paths
                  for n in zipfile.ZipFile(p).namelist() if n.startswith("xl/worksheets/sheet"))
    assert scanned >= 25  # the pattern reader did the reading on most of them
    fast = {p.name: extract(str(p)) for p in paths}
    _parser_only(monkeypatch)
    for path in paths:
        slow = extract(str(path))
        assert (fast[path.name].segments, fast[path.name].concealed) == (slow.segments, slow.concealed), path.name


def test_public_vectors_are_read_by_the_cell_pattern_not_row_by_row(monkeypatch):
    # The row-by-row reader is the slow fallback: the cell pattern's guards must not send
    # sheets as Excel, LibreOffice and the libraries write them there.
    from linter.extract import xlsx_scan

    fallen: list[int] = []
    row_by_row = xlsx_scan._scan_rows
    monkeypatch.setattr(xlsx_scan, "_scan_rows", lambda *args: fallen.append(1) or row_by_row(*args))
    for path in sorted(VECTORS.glob("*.xlsx")):
        extract(str(path))
    assert len(fallen) <= 4  # empty s="", an inline string with a <v>, odd shapes the pattern does not take


def _with_sheet(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "名单.xlsx"
    openpyxl.Workbook().save(path)
    source = zipfile.ZipFile(path).infolist()
    parts = {i.filename: zipfile.ZipFile(path).read(i) for i in source}
    parts["xl/worksheets/sheet1.xml"] = _sheet(body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def test_an_id_number_written_as_escaped_characters_is_found(tmp_path):
    digits = "".join(f"_x{ord(c):04X}_" for c in "110105199003077657")
    path = _with_sheet(tmp_path, f'<row r="1"><c r="A1" t="inlineStr"><is><t>身份证号{digits}</t></is></c></row>')
    assert [f["location"]["col"] for f in findings(path, "--select", "pii/id-card")] == [1]


@pytest.mark.parametrize("items", [
    '<si><t>姓名</t></si><si><t xml:space="preserve"> 张建国 </t></si>',              # plain, as Excel writes
    "<si><t>A&amp;B &#24352;</t></si><si><t>_x0031__x0031_01</t></si><si><t>行\r\n二</t></si>",
    '<si><r><rPr><b/></rPr><t>张</t></r><r><t>建国</t></r></si><si><t>李</t><rPh sb="0"><t>り</t></rPh></si>',
    "<si><t>甲</t></si><si><t/></si>",
])
def test_shared_strings_read_alike_by_pattern_and_by_parser(items):
    from lxml import etree

    from linter.extract.xlsx_scan import shared_strings
    from linter.extract.xlsx_sheet import rich_text

    data = f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{S}" count="2">{items}</sst>'.encode()
    parsed = [rich_text(si) for si in etree.fromstring(data).iterfind(f"{{{S}}}si")]
    assert shared_strings(data) == parsed

