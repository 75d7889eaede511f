"""Word and Excel 97-2003 files from Apache POI's test data: read, or refused in words that say why."""

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from reports import findings

from linter.extract import ExtractError, extract

POI = Path(__file__).parent / "data" / "poi"


def test_a_word_document_with_embedded_workbooks_is_read_as_word():
    """Its embedded objects hold Workbook streams; the container's own stream is WordDocument."""
    document = extract(str(POI / "word_with_embeded.doc"))
    assert document.format == "doc" and any(s.text.strip() for s in document.segments)
    assert any("Excel 工作簿" in a for a in document.attachments)
    assert any("Word 文档" in a for a in document.attachments)
    assert {f["check"] for f in findings(POI / "word_with_embeded.doc")} >= {"hidden/embedded"}


@pytest.mark.parametrize("name, said", [
    ("Word6.doc", "Word 6.0/95"),
    ("Bug51944.doc", "Word 6.0/95"),  # Word 95's version number under another writer's signature: was "damaged"
    ("word2.doc", "Word 1.x/2.0"),  # no OLE container at all: was "content does not match the extension"
    ("PasswordProtected.doc", "已加密"),
    ("fuzzed-not-a-stream.doc", "已损坏"),
])
def test_files_that_cannot_be_read_say_why(name, said):
    with pytest.raises(ExtractError, match=said):
        extract(str(POI / name))


def test_a_number_format_without_its_code_is_no_reason_to_give_up():
    document = extract(str(POI / "12561-1.xls"))
    assert len([s for s in document.segments if s.location.sheet]) > 100


def test_a_workbook_whose_container_xlrd_refuses_is_read_through_olefile():
    document = extract(str(POI / "45290.xls"))
    assert [s.text for s in document.segments[:2]] == ["Auction Date", "Type"]


def test_one_huge_shared_string_in_every_cell_is_refused_at_once(tmp_path):
    """A few kilobytes zipped, gigabytes of text once each cell is read: refused, not left to time out."""
    path = tmp_path / "bomb.xlsx"
    openpyxl.Workbook().save(path)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts["xl/sharedStrings.xml"] = (f'<sst xmlns="{main}"><si><t>{"公" * 1_000_000}</t></si></sst>').encode()
    cells = "".join(f'<c r="A{r}" t="s"><v>0</v></c>' for r in range(1, 71))
    parts["xl/worksheets/sheet1.xml"] = (f'<worksheet xmlns="{main}"><sheetData><row r="1">{cells}</row>'
                                         "</sheetData></worksheet>").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ExtractError, match="疑似炸弹"):
        extract(str(path))


def test_a_sheet_formatted_to_its_last_row_and_column_reads_its_four_cells_only(monkeypatch):
    """65,536 rows of 256 formatted blanks: read cell by cell, this took minutes."""
    import xlrd.sheet

    visited = []
    cell = xlrd.sheet.Sheet.cell
    monkeypatch.setattr(xlrd.sheet.Sheet, "cell", lambda self, r, c: visited.append((r, c)) or cell(self, r, c))
    document = extract(str(POI / "51535.xls"))
    corners = [(s.location.row, s.location.col, s.text) for s in document.segments if s.location.sheet == "Sheet1"]
    assert corners == [(1, 1, "Top Left Cell"), (1, 256, "Top Right Cell"), (65536, 1, "Bottom Left Cell"),
                       (65536, 256, "Bottom Right Cell")]
    assert len(visited) == 4


def test_an_excel_3_workbook_is_read_as_the_workbook_it_is():
    """A BIFF3 stream with no OLE container around it: was refused as 'binary content, not a text file'."""
    document = extract(str(POI / "testEXCEL_3.xls"))
    assert (document.format, document.warnings) == ("xls", ())
    texts = [s.text for s in document.segments if s.location.sheet == "Sheet 1"]
    assert texts[:2] == ["Table C-13--Lemons: Utilization of production, by State, 1977/78 to date", "Season"]
    assert len(texts) > 100


def test_a_file_dropped_into_a_document_is_named_with_the_path_it_came_from():
    """A Package object keeps the file's name and where it lay on the drafter's computer (C:\\Users\\…)."""
    document = extract(str(POI / "tika-3388.docx"))
    assert document.attachments == ("word/embeddings/oleObject1.bin（嵌入文件“約翰的測試文件🖖.msg”，原路径 "
                                    "C:\\Users\\ross\\AppData\\Local\\Microsoft\\Windows\\INetCache\\Content.Word\\"
                                    "約翰的測試文件🖖.msg）",)
    embedded = [f for f in findings(POI / "tika-3388.docx") if f["check"] == "hidden/embedded"]
    assert len(embedded) == 1 and "約翰的測試文件" in embedded[0]["message"]
    assert "\\Users\\r***\\" in embedded[0]["message"] and "ross" not in json.dumps(embedded)  # the drafter's account


def test_a_file_dropped_into_a_workbook_is_named_too():
    document = extract(str(POI / "WithEmbeded.xlsx"))
    assert document.attachments == ("嵌入对象：oleObject1.bin（嵌入文件“c.xls.zip”，原路径 "
                                    "C:\\DOCUME~1\\Nick\\Desktop\\CXLS~1.ZIP）、Microsoft_Office_Excel_97-2003_Worksheet1.xls",)
