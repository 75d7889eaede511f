"""annotate: a copy of a .docx with each finding as a Word comment anchored on its text."""

import zipfile

import docx as python_docx
import pytest
from builders import PdfPage, add_comment, add_footnote_part, add_textbox, docx, pdf
from click.testing import CliRunner
from lxml import etree
from reports import findings

from linter.cli import cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _draft(path):
    def build(d):
        p = d.add_paragraph("联系人：王小明，手机")
        p.add_run("1390571").bold = True                # the number split over runs of two formats
        p.add_run("0246，请核对。按照统一布署推进工作。")
        add_comment(d, d.add_paragraph("本段数据待核实。"), "请办公室核对", author="审核人")
        table = d.add_table(rows=2, cols=2)
        cells = {(0, 0): "姓名", (0, 1): "身份证号", (1, 0): "张建国", (1, 1): "110105199003077657"}
        for (r, c), value in cells.items():
            table.cell(r, c).text = value
        add_textbox(d.add_paragraph("附："), "内部资料 注意保存")
        d.sections[0].header.paragraphs[0].text = "机密★5年"
    docx(path, build)
    add_footnote_part(path, "经办人电话13812345678")
    return path


def _visible(path):
    d = python_docx.Document(str(path))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return [p.text for p in d.paragraphs], cells, [p.text for p in d.sections[0].header.paragraphs]


def _anchored_text(path):
    """Comment id -> the text between its range start and end in the body (ranges may nest)."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    found, open_ids = {}, set()
    for node in root.iter():
        if node.tag == f"{W}commentRangeStart":
            open_ids.add(int(node.get(f"{W}id")))
            found.setdefault(int(node.get(f"{W}id")), "")
        elif node.tag == f"{W}commentRangeEnd":
            open_ids.discard(int(node.get(f"{W}id")))
        elif node.tag == f"{W}t":
            for cid in open_ids:
                found[cid] += node.text or ""
    return found


@pytest.fixture
def annotated(tmp_path):
    source = _draft(tmp_path / "草稿.docx")
    before = source.read_bytes()
    target = tmp_path / "批注版.docx"
    result = CliRunner().invoke(cli, ["annotate", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert source.read_bytes() == before                        # the input is never changed
    return source, target, result.output


def test_one_comment_per_finding_by_disclosure_lint_and_existing_comments_kept(annotated):
    source, target, output = annotated
    comments = python_docx.Document(str(target)).comments
    ours = [c for c in comments if c.author == "disclosure-lint"]
    assert len(ours) == len(findings(source)) >= 8
    assert [c.author for c in comments if c.author != "disclosure-lint"] == ["审核人"]
    assert f"{len(ours)} 条批注" in output


def test_the_copy_reads_the_same(annotated):
    source, target, _ = annotated
    assert _visible(target) == _visible(source)
    assert findings(target)[0]["check"] == findings(source)[0]["check"]  # the copy still checks


def test_comments_sit_on_the_matched_text_even_across_runs(annotated):
    _, target, _ = annotated
    anchored = _anchored_text(target)
    texts = {c.comment_id: c.text for c in python_docx.Document(str(target)).comments}
    on = {}
    for i, text in anchored.items():
        on.setdefault(texts[i].splitlines()[-1], []).append(text)
    assert "13905710246" in on["（pii/mobile）"]              # one range over both runs
    assert on["（proof/typo）"] == ["布署"]
    assert on["（pii/id-card）"] == ["110105199003077657"]
    assert all("13905710246" not in t and "110105199003077657" not in t for t in texts.values())


def test_findings_outside_the_body_say_where_they_are(annotated):
    _, target, _ = annotated
    texts = [c.text for c in python_docx.Document(str(target)).comments if c.author == "disclosure-lint"]
    assert any(t.startswith("错误［页眉 第1段］") and "机密★5年" in t for t in texts)
    assert any("［脚注" in t and "138****5678" in t for t in texts)
    assert any("secrecy/restricted" in t for t in texts)        # the text box's note, on its paragraph


def test_pdf_and_overwriting_are_refused_with_one_line(tmp_path):
    report = pdf(tmp_path / "报告.pdf", [PdfPage(lines=["正文"])])
    result = CliRunner().invoke(cli, ["annotate", str(report), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "暂只支持对 .docx 文件加批注" in result.output
    source = _draft(tmp_path / "a.docx")
    result = CliRunner().invoke(cli, ["annotate", str(source), "-o", str(source)])
    assert result.exit_code == 2 and "不能覆盖原文件" in result.output
