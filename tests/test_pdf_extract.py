"""PDF text, wrapped lines, tables, annotations, scans and broken files."""

import pypdfium2
import pytest
from builders import PdfPage, pdf

from linter.extract import ExtractError, extract

WRAPPED = "根据工作安排，现将有关情况报告如下，联系电话13812345678，请相关单位予以配合并及时反馈意见。"


@pytest.fixture
def notice(tmp_path):
    path = pdf(tmp_path / "notice.pdf", [
        PdfPage(lines=[WRAPPED, "二、工作要求"], wrap_width=300,
                annotation=("此处电话请删除", "王科长")),
        PdfPage(lines=["附件：人员名单"], table=[["姓名", "身份证号"], ["张三", "110105199003077653"]]),
        PdfPage(scan=True),
        PdfPage(),
    ], author="赵起草")
    return extract(str(path))


def test_layout_wrapped_lines_are_joined_into_one_string(notice):
    first = notice.segments[0]
    assert first.text == WRAPPED
    assert (first.location.page, first.location.paragraph, first.location.line) == (1, 1, 1)
    # the number crossed the line break; its location still names its own line
    assert first.locate(first.text.index("5678")).line == 2


def test_paragraph_ends_are_kept(notice):
    assert [s.text for s in notice.segments if s.location.page == 1 and s.location.part == "body"] == [
        WRAPPED, "二、工作要求"]


def test_table_cells_with_row_and_col_not_repeated_in_body(notice):
    page2 = [(s.location.part, s.location.row, s.location.col, s.text)
             for s in notice.segments if s.location.page == 2]
    assert ("table", 2, 2, "110105199003077653") in page2
    assert ("body", None, None, "附件：人员名单") in page2
    assert sum("110105199003077653" in text for *_, text in page2) == 1


def test_annotation_with_author(notice):
    note = next(s for s in notice.segments if s.location.part == "annotation")
    assert (note.text, note.location.page, note.location.detail) == ("此处电话请删除", 1, "王科长")


def test_scanned_page_is_listed_blank_page_is_not(notice):
    assert notice.pages == 4
    assert notice.pages_without_text == (3,)


def test_metadata(notice):
    assert notice.metadata["Author"] == "赵起草"
    assert any(s.location.part == "metadata" and s.text == "赵起草" for s in notice.segments)


def test_encrypted_pdf_is_an_error(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("pw", canPrint=0))
    c.drawString(72, 720, "text")
    c.showPage()
    c.save()
    with pytest.raises(ExtractError, match="加密"):
        extract(str(path))


def test_truncated_pdf_is_an_error_not_a_pass(tmp_path):
    good = pdf(tmp_path / "good.pdf", [PdfPage(lines=["正文"])])
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good.read_bytes()[:200])
    with pytest.raises(ExtractError):
        extract(str(broken))


def test_pdf_without_pages_is_an_error(tmp_path):
    path = tmp_path / "empty.pdf"
    pypdfium2.PdfDocument.new().save(str(path))
    with pytest.raises(ExtractError):  # pdfium refuses it outright; either way never a pass
        extract(str(path))


def test_a_blank_page_is_not_a_scan_but_outlined_text_is(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "pages.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(72, 780, "Page one has text.")
    c.showPage()
    c.line(72, 800, 520, 800)  # page 2: only a rule under an empty header, and a frame
    c.rect(50, 50, 495, 740)
    c.showPage()
    for i in range(80):  # page 3: glyphs drawn as shapes, as "text to outlines" exports do
        c.circle(80 + (i % 20) * 20, 700 - (i // 20) * 20, 4, fill=1)
    c.showPage()
    c.save()
    document = extract(str(path))
    assert document.pages_without_text == (3,)


def test_where_a_link_leads_is_checked_not_the_site_s_own_path(tmp_path):
    """A link's mailto: address and query are in the file, never on the page; its path is the site's."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    from reports import findings

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(tmp_path / "links.pdf"))
    page.setFont("STSong-Light", 12)
    page.drawString(72, 700, "如有疑问请联系我们，详见公示结果和原文。")
    page.linkURL("mailto:zhangjianguo1990@163.com", (72, 695, 200, 712), relative=0)
    page.linkURL("http://example.com/q?sfz=110105199003077657", (200, 695, 300, 712), relative=0)
    page.linkURL("http://www.gov.cn/zhengce/content_13912345678.htm", (300, 695, 400, 712), relative=0)
    page.showPage()
    page.save()
    found = findings(tmp_path / "links.pdf", "--select", "pii")
    assert sorted((f["check"], f["location"]["detail"], f["location"]["page"]) for f in found) == [
        ("pii/email", "link", 1), ("pii/id-card", "link", 1)]


def test_a_filled_form_s_values_are_checked(tmp_path):
    """A form's values show on the page but are not in its text layer: a filled 申请表 passed clean."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    from reports import findings

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for name, values in (("filled", ("110105199003077657", "13912345678")), ("blank", ("", ""))):
        form = canvas.Canvas(str(tmp_path / f"{name}.pdf"))
        form.setFont("STSong-Light", 12)
        form.drawString(72, 700, "身份证号：")
        form.acroForm.textfield(name="sfz", value=values[0], x=150, y=690, width=200, height=20)
        form.drawString(72, 650, "手机：")
        form.acroForm.textfield(name="tel", value=values[1], x=150, y=640, width=200, height=20)
        form.showPage()
        form.save()
    found = findings(tmp_path / "filled.pdf", "--select", "pii")
    assert sorted((f["check"], f["location"]["detail"]) for f in found) == [
        ("pii/id-card", "form-field"), ("pii/mobile", "form-field")]
    assert findings(tmp_path / "blank.pdf", "--select", "pii") == []


def _saved_again(source, target, drop: str = "") -> None:
    """Save `source` incrementally, as an editor does, after removing the text objects holding `drop`."""
    import ctypes
    import io

    import pypdfium2
    import pypdfium2.raw as raw

    document = pypdfium2.PdfDocument(str(source))
    page = document[0]
    textpage = page.get_textpage()
    for obj in list(page.get_objects()) if drop else ():
        size = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        buffer = ctypes.create_string_buffer(size * 2 + 2)
        pointer = ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR))
        raw.FPDFTextObj_GetText(obj.raw, textpage.raw, pointer, size * 2 + 2)
        if drop in buffer.raw.decode("utf-16-le", errors="ignore"):
            page.remove_obj(obj)
    textpage.close()
    page.gen_content()
    out = io.BytesIO()
    document.save(out, flags=raw.FPDF_INCREMENTAL)
    document.close()
    target.write_bytes(out.getvalue())


def test_text_an_incremental_save_removed_is_still_found(tmp_path):
    """Deleting a line in a PDF editor and saving keeps the earlier version in the file."""
    from reports import findings

    lines = ["公示名单", "申请人身份证号110105199003077657", "经审核符合条件。"]
    source = pdf(tmp_path / "v1.pdf", [PdfPage(lines=lines)])
    _saved_again(source, tmp_path / "edited.pdf", drop="1101")
    _saved_again(source, tmp_path / "signed.pdf")  # saved again unchanged, as signing does
    found = {(f["check"], f["location"]["part"], f["location"]["detail"]) for f in findings(tmp_path / "edited.pdf")}
    assert {("hidden/hidden-text", "hidden-text", "earlier-version"),
            ("pii/id-card", "hidden-text", "earlier-version")} <= found
    assert not any(f["location"]["detail"] == "earlier-version" for f in findings(tmp_path / "signed.pdf"))


def test_a_word_hyphenated_across_lines_keeps_its_hyphen_not_a_control_mark(tmp_path):
    """pdfium marks com- / pile with U+FFFE (page text) or U+0002 (a rectangle's): the reader sees a hyphen."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "hyphen.pdf"))
    c.setFont("Times-Roman", 10)
    for n, line in enumerate(["Dynamic languages are more difficult to com-", "pile than statically typed ones."]):
        c.drawString(72, 700 - 12 * n, line)
    c.showPage()
    c.save()
    [body] = [s.text for s in extract(str(tmp_path / "hyphen.pdf")).segments if s.location.part == "body"]
    assert "com-pile" in body and "\ufffe" not in body and "\x02" not in body


def test_a_line_the_final_version_still_shows_is_not_reported_however_it_was_laid_out(tmp_path):
    """Versions are compared as pdfium reads them: the final text passed in may be reflowed, or empty."""
    from linter.extract.pdf_versions import earlier_text

    source = pdf(tmp_path / "v1.pdf", [PdfPage(lines=["公示名单", "经审核符合条件，予以公示。"])])
    _saved_again(source, tmp_path / "signed.pdf")
    assert earlier_text((tmp_path / "signed.pdf").read_bytes(), final="") == []


def test_a_filled_xfa_form_is_read_from_its_data(tmp_path, capfd):
    """The values of an XFA form are in its datasets packet, not on its placeholder page."""
    from builders import xfa_pdf
    from reports import findings

    datasets = ('<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><申请表>'
                "<姓名>王小明</姓名><身份证号>110105199003077657</身份证号><手机>13812345678</手机>"
                "</申请表></xfa:data></xfa:datasets>")
    path = xfa_pdf(tmp_path / "申请表.pdf", datasets)
    values = [s.text for s in extract(str(path)).segments if s.location.detail == "xfa-field"]
    assert values == ["王小明", "110105199003077657", "13812345678"]
    found = sorted(f["check"] for f in findings(path, "--select", "pii"))
    assert found == ["pii/id-card", "pii/mobile"]
    assert "XFA" not in capfd.readouterr().err  # the library's own log line is not shown


def test_xfa_data_that_cannot_be_read_is_said_so(tmp_path):
    from builders import xfa_pdf

    document = extract(str(xfa_pdf(tmp_path / "坏表单.pdf", "<xfa:datasets><unclosed>")))
    assert any("XFA" in note for note in document.damaged)
