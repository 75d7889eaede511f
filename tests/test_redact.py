"""clean --redact: personal data masked in place, formatting and every other character kept."""

import zipfile

import docx as python_docx
from builders import add_footnote_part, add_textbox, docx
from click.testing import CliRunner
from reports import findings

from linter.cli import cli


def _draft(path):
    def build(d):
        p = d.add_paragraph("联系人手机")
        p.add_run("1390571").bold = True                     # a number over runs of two formats
        p.add_run("0246，请核对。")
        table = d.add_table(rows=2, cols=3)
        rows = [("姓名", "身份证号", "住址"), ("张建国", "110105199003077657", "城南路18号3幢2单元501室")]
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
        add_textbox(d.add_paragraph("附："), "经办人手机13812345678")
        d.sections[0].header.paragraphs[0].text = "咨询电话：0571-87654321"
    docx(path, build)
    add_footnote_part(path, "申请人身份证号320506198507124317")
    return path


def _texts(path):
    d = python_docx.Document(str(path))
    body = [p.text for p in d.paragraphs]
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    notes = zipfile.ZipFile(path).read("word/footnotes.xml").decode()
    return body, cells, notes


def _redacted(tmp_path):
    source = _draft(tmp_path / "名单.docx")
    target = tmp_path / "名单-遮盖.docx"
    result = CliRunner().invoke(cli, ["clean", "--redact", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return source, target, result.output


def test_a_recheck_of_the_redacted_copy_has_no_personal_data_error(tmp_path):
    source, target, _ = _redacted(tmp_path)
    before, after = findings(source), findings(target)
    assert any(f["check"].startswith("pii/") and f["severity"] == "error" for f in before)
    assert [f for f in after if f["check"].startswith("pii/") and f["severity"] == "error"] == []


def test_only_the_data_changes_and_formatting_stays(tmp_path):
    source, target, _ = _redacted(tmp_path)
    body, cells, notes = _texts(target)
    assert body[0] == "联系人手机139****0246，请核对。"
    assert cells[3:5] == ["张**", "1101**********7657"]
    assert "3205**********4317" in notes and "320506198507124317" not in notes
    for old, new in zip(_texts(source)[0] + _texts(source)[1], body + cells, strict=True):
        assert len(old) == len(new)
        assert all(a == b or b == "*" for a, b in zip(old, new, strict=True))  # nothing else changed
    runs = python_docx.Document(str(target)).paragraphs[0].runs
    assert any(r.bold and "*" in r.text for r in runs) and any(not r.bold and "0246" in r.text for r in runs)


def test_the_printout_counts_by_kind_and_shows_no_value(tmp_path):
    _, _, output = _redacted(tmp_path)
    assert "已遮盖个人信息" in output and "pii/id-card 2 处" in output
    for value in ("13905710246", "110105199003077657", "13812345678", "张建国", "1390571"):
        assert value not in output


def test_the_office_phone_in_the_header_is_left_alone(tmp_path):
    _, target, _ = _redacted(tmp_path)
    assert python_docx.Document(str(target)).sections[0].header.paragraphs[0].text == "咨询电话：0571-87654321"
