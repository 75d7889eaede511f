"""Every part of a .docx a reader can recover reaches the checks, each once."""

import zipfile

import pytest
from builders import add_comment, add_field, add_footnote_part, add_hyperlink, add_run, add_textbox, docx, nested_table

from linter.extract import ExtractError, extract


def _parts(doc):
    return [(s.location.part, s.text) for s in doc.segments]


def _find(doc, text):
    return next(s for s in doc.segments if text in s.text)


@pytest.fixture
def report(tmp_path):
    def build(d):
        d.add_heading("一、总体情况", level=1)
        p = d.add_paragraph("本年度共主动公开信息")
        add_run(p, "一千余条", inserted=True)
        add_run(p, "机密★5年", deleted=True)
        add_run(p, "联系人手机13812345678", hidden=True)
        add_comment(d, p, "请核实申请人王小明的电话", author="李审核")
        table = d.add_table(rows=3, cols=3)
        table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "姓名", "身份证号", "备注"
        table.cell(1, 0).text = "张三"
        table.cell(1, 1).text = "110105199003077653"
        merged = table.cell(1, 2).merge(table.cell(2, 2))
        merged.text = "合并单元格"
        nested_table(table.cell(2, 0), [["内表甲", "内表乙"]])
        add_textbox(d.add_paragraph("图示："), "文本框里的内部资料")
        d.sections[0].header.paragraphs[0].text = "秘密★1年"
        d.sections[0].footer.paragraphs[0].text = "第 1 页"
        d.core_properties.author = "赵起草"
        d.core_properties.last_modified_by = "钱修改"

    path = docx(tmp_path / "report.docx", build)
    add_footnote_part(path, "注：数据截至12月31日")
    return extract(str(path))


def test_body_paragraphs_in_order_with_insertions_as_word_shows_them(report):
    body = [s for s in report.segments if s.location.part == "body"]
    assert [s.text for s in body] == ["一、总体情况", "本年度共主动公开信息一千余条", "图示："]
    assert body[0].heading_level == 1
    numbers = [s.location.paragraph for s in body]
    assert numbers[:2] == [1, 2] and numbers[2] > 2  # table cells' paragraphs count in between


def test_tracked_deletion_and_hidden_run_are_separate_segments(report):
    deleted = _find(report, "机密★5年")
    assert (deleted.location.part, deleted.location.detail, deleted.location.paragraph) == (
        "tracked-change", "deleted", 2)
    hidden = _find(report, "13812345678")
    assert (hidden.location.part, hidden.text) == ("hidden-text", "联系人手机13812345678")


def test_every_table_cell_once_with_row_and_col(report):
    cells = [(s.location.row, s.location.col, s.text)
             for s in report.segments if s.location.part == "table"]
    assert (1, 2, "身份证号") in cells
    assert (2, 2, "110105199003077653") in cells
    assert [text for _, _, text in cells].count("合并单元格") == 1


def test_a_cell_spanning_columns_puts_the_cells_after_it_in_their_own_columns(tmp_path):
    def build(d):
        plain = d.add_table(rows=1, cols=3)
        for col, text in enumerate(("甲", "乙", "丙")):
            plain.cell(0, col).text = text
        spanned = d.add_table(rows=2, cols=3)
        spanned.cell(0, 0).merge(spanned.cell(0, 1)).text = "合并两列"
        spanned.cell(0, 2).text = "第三列"
        spanned.cell(1, 2).text = "下行第三列"

    doc = extract(str(docx(tmp_path / "spans.docx", build)))
    cells = [(s.text, s.location.row, s.location.col) for s in doc.segments if s.location.part == "table"]
    assert cells == [("甲", 1, 1), ("乙", 1, 2), ("丙", 1, 3),
                     ("合并两列", 1, 1), ("第三列", 1, 3), ("下行第三列", 2, 3)]


def test_nested_table_cells_are_read(report):
    inner = _find(report, "内表乙")
    assert (inner.location.part, inner.location.row, inner.location.col) == ("table", 1, 2)


def test_headers_footers_footnotes_textboxes(report):
    parts = _parts(report)
    assert ("header", "秘密★1年") in parts
    assert ("footer", "第 1 页") in parts
    assert ("footnote", "注：数据截至12月31日") in parts
    # Word stores a text box twice (mc:Choice and mc:Fallback); it is read once.
    assert parts.count(("textbox", "文本框里的内部资料")) == 1


def test_comment_with_author_and_anchor(report):
    comment = _find(report, "王小明")
    assert comment.location.part == "comment"
    assert comment.location.detail == "李审核"
    assert comment.location.paragraph == 2


def test_core_properties(report):
    assert report.metadata["creator"] == "赵起草"
    assert report.metadata["lastModifiedBy"] == "钱修改"
    author = _find(report, "赵起草")
    assert (author.location.part, author.location.detail) == ("metadata", "creator")


def test_truncated_docx_is_an_error(tmp_path):
    good = docx(tmp_path / "good.docx", lambda d: d.add_paragraph("正文"))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:1500])
    with pytest.raises(ExtractError, match="损坏"):
        extract(str(broken))


def test_zip_without_document_is_not_a_docx(tmp_path):
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(ExtractError, match="不是 Word 文档"):
        extract(str(path))


def test_corrupt_xml_is_an_error(tmp_path):
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ExtractError, match="XML"):
        extract(str(path))


def test_entities_are_never_expanded(tmp_path):
    path = tmp_path / "laughs.docx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>&c;正文</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", bomb)
    try:
        doc = extract(str(path))
    except ExtractError:
        return
    assert "哈哈" not in "".join(s.text for s in doc.segments)


def test_field_instructions_and_link_targets_are_read_and_checked(tmp_path):
    """What a link or field leads to is in the file but never on the page: 联系我们 may mail a person."""
    from reports import findings

    def build(d):
        add_field(d.add_paragraph("如有疑问请"), ' HYPERLINK "mailto:zhangjianguo1990@163.com" ', "联系我们")
        add_hyperlink(d.add_paragraph("详见"), "http://example.com/query?sfz=110105199003077657", "公示结果")
        add_field(d.add_paragraph("日期："), ' DATE \\@ "yyyy年M月d日" \\* MERGEFORMAT ', "2024年3月5日")
        add_field(d.add_paragraph(), ' TOC \\o "1-3" \\h \\z \\u ', "目录")
        add_field(d.add_paragraph(), ' HYPERLINK \\l "_Toc138123456" ', "一、总体情况")
        add_field(d.add_paragraph("第"), " PAGE \\* MERGEFORMAT ", "1")

    path = docx(tmp_path / "links.docx", build)
    codes = [s for s in extract(str(path)).segments if s.location.detail in ("field-code", "link")]
    assert any("zhangjianguo1990@163.com" in s.text and s.location.paragraph == 1 for s in codes)
    assert any(s.text.endswith("sfz=110105199003077657") for s in codes)
    found = [(f["check"], f["location"]["detail"]) for f in findings(path) if f["check"] != "hidden/metadata"]
    assert sorted(found) == [("pii/email", "field-code"), ("pii/id-card", "link")]  # the usual fields stay quiet


def test_a_picture_s_alternative_text_is_read_and_checked(tmp_path):
    """Alt text (title, description) is in the file for screen readers, never on the page."""
    import io

    from PIL import Image
    from reports import findings

    image = io.BytesIO()
    Image.new("L", (20, 20), 255).save(image, "PNG")

    def build(d):
        d.add_paragraph("附件：现场照片")
        d.add_picture(image)
        d.inline_shapes[0]._inline.docPr.set("descr", "申请人身份证照片，号码110105199003077657")

    found = findings(docx(tmp_path / "photo.docx", build), "--select", "pii/id-card")
    assert [(f["location"]["part"], f["location"]["detail"]) for f in found] == [("metadata", "alt")]


def test_a_billion_laughs_is_refused_as_a_bomb_in_words_a_reviewer_reads(tmp_path):
    """libxml2's own words ("Maximum entity amplification factor exceeded") are not the reviewer's."""
    levels = ['<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">'] + [
        f'<!ENTITY a{k} "{f"&a{k - 1};" * 10}">' for k in range(1, 9)]
    bomb = (f'<?xml version="1.0"?><!DOCTYPE d [{"".join(levels)}]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>&a8;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", bomb)
    with pytest.raises(ExtractError, match="疑似 XML 炸弹") as refused:
        extract(str(path))
    assert "amplification" not in str(refused.value)


def _everything_shown(d):
    """Every construct a paragraph's walk meets, none of them hidden."""
    d.add_heading("一、总体情况", level=1)
    p = d.add_paragraph("公开信息\t共计")
    p.add_run("一千条\n其中主动公开")
    add_hyperlink(p, "http://example.gov.cn/", "门户网站")
    add_field(p, 'HYPERLINK "mailto:ban@example.gov.cn"', "联系我们")
    add_comment(d, p, "请核实", author="李审核")
    changed = d.add_paragraph("保留")
    add_run(changed, "新增内容", inserted=True)
    add_run(changed, "删去的话", deleted=True)
    add_textbox(d.add_paragraph("图示："), "文本框里的话")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "姓名", "电话"
    table.cell(1, 0).text = "张三"
    nested_table(table.cell(1, 1), [["内表甲", "内表乙"]])


def test_a_draft_nothing_hides_reads_as_the_general_walk_reads_it(tmp_path, monkeypatch):
    # With nothing able to hide a run, no run's formatting or style is looked up (a roster's
    # cells): the text must be what the walk reads when it weighs every run's formatting.
    path = docx(tmp_path / "shown.docx", _everything_shown)
    quick = extract(str(path))
    monkeypatch.setattr("linter.extract.docx_walk.may_hide_directly", lambda element: True)
    general = extract(str(path))
    assert quick.segments == general.segments and quick.revisions == general.revisions
    texts = [s.text for s in quick.segments]
    assert "公开信息\t共计一千条\n其中主动公开门户网站联系我们" in texts
    assert {"保留新增内容", "删去的话", "文本框里的话", "内表甲"} <= set(texts)
    comment = next(s for s in quick.segments if s.location.part == "comment")
    assert comment.location.paragraph == texts.index("公开信息\t共计一千条\n其中主动公开门户网站联系我们") + 1
