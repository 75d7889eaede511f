"""hidden/*: what the file carries that the reviewer does not see — and `clean` removing it."""

import zipfile

import pypdfium2
import pytest
from builders import PdfPage, add_comment, add_run, docx, pdf

from linter.config import Config
from linter.engine import lint_file
from linter.extract import extract

HIDDEN = Config(select=("hidden",))
VISIBLE_PARTS = ("body", "table", "header", "footer", "footnote", "textbox")


def _people(path, *authors):
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
           + "".join(f'<w15:person w15:author="{a}"/>' for a in authors) + "</w15:people>")
    _add(path, "word/people.xml", xml.encode())


def _add(path, name, data):
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(name, data)


@pytest.fixture
def draft(tmp_path):
    def build(d):
        d.add_paragraph("第一段正文。")
        p = d.add_paragraph("本年度共受理申请")
        add_run(p, "二十一件", inserted=True)
        add_run(p, "（机密★5年）", deleted=True)
        add_run(p, "申请人手机13812345678", hidden=True)
        white = p.add_run("白色的字")
        white.font.color.rgb = __import__("docx").shared.RGBColor(0xFF, 0xFF, 0xFF)
        tiny = p.add_run("极小的字")
        tiny.font.size = __import__("docx").shared.Pt(1)
        add_comment(d, p, "核对申请人电话13812345678", author="李审核")
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "项目", "数量"
        d.sections[0].header.paragraphs[0].text = "某某局"
        d.core_properties.author = "赵起草"
        d.core_properties.last_modified_by = "钱修改"

    path = docx(tmp_path / "draft.docx", build)
    _people(path, "李审核", "王科长")
    _add(path, "word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0 embedded workbook")
    return path


def _by_check(result):
    found = {}
    for f in result.findings:
        found.setdefault(f.check, []).append(f)
    return found


def test_every_hidden_kind_is_reported(draft):
    found = _by_check(lint_file(str(draft), HIDDEN))
    assert [f.match for f in found["hidden/comment"]] == ["李**"]  # an author is a person: masked
    assert "13812345678" not in found["hidden/comment"][0].context  # masked
    assert "138****5678" in found["hidden/comment"][0].context
    tracked = found["hidden/tracked-change"][0]
    assert "插入 1 处，删除 1 处" in tracked.message and "机密★5年" in tracked.context
    kinds = sorted(f.match for f in found["hidden/hidden-text"])
    assert kinds == sorted(["隐藏文字", "白色文字", "极小字号（不大于1磅）的文字"])
    metadata = found["hidden/metadata"][0]
    assert "creator=赵**" in metadata.context and "李**、王**" in metadata.context
    assert not {"赵起草", "李审核", "王科长"} & set(metadata.context.replace("=", "、").replace("；", "、").split("、"))
    assert [f.match for f in found["hidden/embedded"]] == ["word/embeddings/oleObject1.bin"]


def test_pdf_annotation_and_attachment(tmp_path):
    path = pdf(tmp_path / "a.pdf", [PdfPage(lines=["正文"], annotation=("请删除此段", "周审核"))])
    doc = pypdfium2.PdfDocument(str(path))
    doc.new_attachment("名单.xlsx").set_data(b"PK fake workbook")
    doc.save(str(tmp_path / "b.pdf"))
    found = _by_check(lint_file(str(tmp_path / "b.pdf"), HIDDEN))
    assert found["hidden/comment"][0].location.page == 1
    assert [f.match for f in found["hidden/embedded"]] == ["名单.xlsx"]


def _visible(path):
    return [(s.location.part, s.text) for s in extract(str(path)).segments if s.location.part in VISIBLE_PARTS]


def test_clean_removes_what_is_hidden_and_keeps_what_is_shown(cli, draft, tmp_path):
    out = tmp_path / "clean.docx"
    result = cli("clean", draft, "-o", out)
    assert result.exit_code == 0 and "批注 1 处" in result.stdout
    assert _visible(out) == _visible(draft)
    assert "二十一件" in "".join(t for _, t in _visible(out))  # insertion accepted
    found = _by_check(lint_file(str(out), HIDDEN))
    assert set(found) == {"hidden/embedded"}  # the embedded object shows in the document: kept
    with zipfile.ZipFile(draft) as before, zipfile.ZipFile(out) as after:
        for name in ("word/styles.xml", "word/numbering.xml", "word/settings.xml"):
            if name in before.namelist():
                assert before.read(name) == after.read(name)
        assert sorted(before.namelist()) == sorted(after.namelist())


def test_clean_on_the_bundled_fixture(cli, tmp_path):
    from pathlib import Path

    source = next(Path(__file__).resolve().parent.parent.joinpath("fixtures/drafts").glob("*.docx"))
    out = tmp_path / "clean.docx"
    assert cli("clean", source, "-o", out).exit_code == 0
    assert _visible(out) == _visible(source)
    assert not _by_check(lint_file(str(out), HIDDEN))


def test_clean_refuses_to_overwrite_and_to_clean_pdf(cli, draft, tmp_path):
    result = cli("clean", draft, "-o", draft)
    assert result.exit_code == 2 and "不能覆盖" in result.stderr
    path = pdf(tmp_path / "a.pdf", [PdfPage(lines=["正文"])])
    result = cli("clean", path, "-o", tmp_path / "b.pdf")
    assert result.exit_code == 2 and "暂只支持" in result.stderr


def test_pdf_concealed_text_and_mostly_image_page(tmp_path):
    from builders import concealing_pdf

    result = lint_file(str(concealing_pdf(tmp_path / "c.pdf")), Config(select=("hidden", "extract")))
    found = _by_check(result)
    redaction = found["hidden/fake-redaction"]
    assert len(redaction) == 1 and "手机" in redaction[0].context  # the box covers the number, not the name
    assert "13812345678" not in redaction[0].context
    kinds = sorted(f.match for f in found["hidden/hidden-text"])
    assert kinds == sorted(["白色文字", "极小字号（不大于1磅）的文字", "页面范围之外的文字"])  # not the banner
    assert [f.location.page for f in found["extract/partial"]] == [2]


def test_concealed_pdf_text_is_not_checked_twice(tmp_path):
    from builders import concealing_pdf

    result = lint_file(str(concealing_pdf(tmp_path / "c.pdf")), Config(select=("pii/mobile",)))
    assert len(result.findings) == 1
