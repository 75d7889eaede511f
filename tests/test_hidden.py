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


# --- what a reader sees: white on dark is visible, hidden through a style is hidden ----------------

def _shade(element, fill: str, holder: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = element.get_or_add_tcPr() if holder == "tcPr" else element.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _white(run) -> None:
    from docx.shared import RGBColor

    run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _filled_textbox(paragraph, text: str, fill: str) -> None:
    from lxml import etree

    xml = ('<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><wps:wsp>'
           f'<wps:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></wps:spPr>'
           '<wps:txbx><w:txbxContent><w:p><w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr>'
           f'<w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing>')
    paragraph.add_run()._r.append(etree.fromstring(xml))


@pytest.fixture
def shown_and_hidden(tmp_path):
    def build(d):
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_COLOR_INDEX

        table = d.add_table(rows=2, cols=1)
        header = table.cell(0, 0)
        header.text = ""
        _white(header.paragraphs[0].add_run("表头白字"))
        _shade(header._tc, "1F4E79", "tcPr")  # dark blue header row
        table.cell(1, 0).text = "数据"
        shaded = d.add_paragraph()
        _white(shaded.add_run("段落底纹白字"))
        _shade(shaded._p, "000000", "pPr")
        marked = d.add_paragraph()
        dark = marked.add_run("黑色突出显示白字")
        _white(dark)
        dark.font.highlight_color = WD_COLOR_INDEX.BLACK
        light = marked.add_run("黄色突出显示白字")
        _white(light)
        light.font.highlight_color = WD_COLOR_INDEX.YELLOW
        _filled_textbox(d.add_paragraph("文本框："), "深色文本框白字", "203864")
        _white(d.add_paragraph().add_run("白底白字"))
        secret = d.styles.add_style("隐藏字符", WD_STYLE_TYPE.CHARACTER)
        secret.font.hidden = True
        d.add_paragraph("正文").add_run("字符样式隐藏", style="隐藏字符")
        base = d.styles.add_style("隐藏段落", WD_STYLE_TYPE.PARAGRAPH)
        base.font.hidden = True
        derived = d.styles.add_style("派生隐藏段落", WD_STYLE_TYPE.PARAGRAPH)
        derived.base_style = base
        d.add_paragraph("段落样式隐藏", style="派生隐藏段落")
        shown = d.add_paragraph("", style="隐藏段落").add_run("直接取消隐藏")
        shown.font.hidden = False

    return docx(tmp_path / "draft.docx", build)


VISIBLE_WHITE = {"表头白字", "段落底纹白字", "黑色突出显示白字", "深色文本框白字", "直接取消隐藏"}
HIDDEN_TEXT = {"黄色突出显示白字", "白底白字", "字符样式隐藏", "段落样式隐藏"}


def test_white_on_dark_is_visible_and_styles_can_hide(shown_and_hidden):
    segments = extract(str(shown_and_hidden)).segments
    hidden = {s.text for s in segments if s.location.part == "hidden-text"}
    visible = "".join(s.text for s in segments if s.location.part in VISIBLE_PARTS)
    assert hidden == HIDDEN_TEXT
    assert all(text in visible for text in VISIBLE_WHITE)
    found = _by_check(lint_file(str(shown_and_hidden), HIDDEN))
    assert sorted(f.context for f in found["hidden/hidden-text"]) == sorted(HIDDEN_TEXT)


def test_clean_keeps_white_on_dark_and_removes_style_hidden_text(cli, shown_and_hidden, tmp_path):
    out = tmp_path / "clean.docx"
    assert cli("clean", shown_and_hidden, "-o", out).exit_code == 0
    text = "".join(s.text for s in extract(str(out)).segments)
    assert all(t in text for t in VISIBLE_WHITE)
    assert not any(t in text for t in HIDDEN_TEXT)
    assert _visible(out) == _visible(shown_and_hidden)


def test_the_default_paragraph_style_may_have_any_id(tmp_path):
    """Chinese Word names the Normal style "a": what it sets applies to paragraphs that name no style."""
    def build(d):
        d.add_paragraph("正文可见")

    path = docx(tmp_path / "a.docx", build)
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    styles = styles.replace('<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:rPr><w:vanish/></w:rPr>', 1)
    styles = styles.replace('w:styleId="Normal"', 'w:styleId="a"')
    styles = styles.replace('<w:basedOn w:val="Normal"/>', '<w:basedOn w:val="a"/>')
    parts["word/styles.xml"] = styles.encode("utf-8")
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    hidden = [s.text for s in extract(str(path)).segments if s.location.part == "hidden-text"]
    assert hidden == ["正文可见"]


def test_table_rules_drawn_as_thin_black_boxes_hide_nothing(tmp_path):
    """Office suites draw a table's borders as filled rectangles 1 pt thick; one through a glyph is not a redaction."""
    path = tmp_path / "rules.pdf"
    c = _canvas(path)
    c.drawString(72, 700, "支出合计")
    c.drawString(72, 650, "申请人手机13812345678")
    c.setFillColorRGB(0, 0, 0)
    c.rect(60, 699.6, 400, 0.9, stroke=0, fill=1)  # a rule through the first line's glyphs
    c.rect(130, 646, 80, 16, stroke=0, fill=1)  # a real black box over the number
    c.showPage()
    c.save()
    found = _by_check(lint_file(str(path), Config(select=("hidden",))))
    [redaction] = found["hidden/fake-redaction"]
    assert "支出" not in redaction.context and "138" in redaction.context  # the box, not the rule


def _canvas(path):
    from builders import FONT
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path))
    c.setFont(FONT, 12)
    return c


def _redactions(path) -> list[str]:
    return [f.context for f in _by_check(lint_file(str(path), HIDDEN)).get("hidden/fake-redaction", [])]


def test_a_figure_is_placed_where_its_form_puts_it_not_where_its_own_coordinates_say(tmp_path):
    """A chart drawn as a form XObject: its black bar is on the figure, not on the text at its raw coordinates."""
    path = tmp_path / "figure.pdf"
    c = _canvas(path)
    c.drawString(72, 700, "申请人手机13812345678")
    c.beginForm("chart")
    c.rect(130, 696, 80, 16, stroke=0, fill=1)  # in the form's space: over the line above
    c.endForm()
    c.saveState()
    c.translate(300, 300)
    c.scale(0.4, 0.4)
    c.doForm("chart")  # placed small, far from the text
    c.restoreState()
    c.drawString(72, 400, "申请人手机13912345678")
    c.saveState()
    c.translate(0, -300)
    c.doForm("chart")  # this one lands on the second line
    c.restoreState()
    c.showPage()
    c.save()
    [context] = _redactions(path)
    assert "139" in context and "138" not in context


def test_a_banner_repeating_the_words_it_covers_is_not_a_redaction(tmp_path):
    """White words on a black banner, drawn over the same words: a reader reads them all."""
    path = tmp_path / "banner.pdf"
    c = _canvas(path)
    for y, words in ((700, "专项资金使用情况公示"), (600, "申请人手机13812345678")):
        c.setFillColorRGB(0, 0, 0)
        c.drawString(72, y, words)
        c.rect(66, y - 6, 260, 24, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.drawString(72, y, words if y == 700 else "已删除")  # the second box says less than it hides
    c.showPage()
    c.save()
    [context] = _redactions(path)
    assert "138" in context and "专项" not in context


def test_a_black_frame_around_words_hides_nothing(tmp_path):
    """A filled path with a hole (a border drawn as one shape) covers the words' box, not the words."""
    path = tmp_path / "frame.pdf"
    c = _canvas(path)
    c.drawString(72, 700, "申请人手机13812345678")
    c.drawString(72, 600, "申请人手机13912345678")
    c.rect(130, 596, 80, 16, stroke=0, fill=1)  # a real box, for contrast
    frame = c.beginPath()
    frame.rect(60, 690, 280, 32)
    frame.rect(64, 694, 272, 24)
    c.drawPath(frame, stroke=0, fill=1, fillMode=0)  # even-odd: the inner rectangle is a hole
    c.showPage()
    c.save()
    [context] = _redactions(path)
    assert "139" in context and "138" not in context


def _with_boxes(path, media=None, crop=None):
    document = pypdfium2.PdfDocument(str(path))
    page = document[0]
    if media:
        page.set_mediabox(*media)
    if crop:
        page.set_cropbox(*crop)
    document.save(str(path))
    document.close()
    return path


def test_a_page_whose_box_does_not_start_at_zero_shows_its_text(tmp_path):
    """A page placed at 100, 100 (a scanner's or an editor's coordinates): its lines are on it, not off it."""
    c = _canvas(tmp_path / "shifted.pdf")
    c.drawString(172, 850, "公示期间如有异议，请向区民政局反映。")
    c.showPage()
    c.save()
    path = _with_boxes(tmp_path / "shifted.pdf", media=(100, 100, 712, 892))
    assert [s.text for s in extract(str(path)).concealed] == []


def test_text_a_crop_box_cuts_away_is_off_the_page(tmp_path):
    """Cropping a page in an editor hides the rest of it from the reader, but not from the file."""
    c = _canvas(tmp_path / "cropped.pdf")
    c.drawString(72, 700, "公示名单")
    c.drawString(72, 100, "申请人身份证号110105199003077657")
    c.showPage()
    c.save()
    path = _with_boxes(tmp_path / "cropped.pdf", crop=(0, 400, 612, 792))
    [hidden] = extract(str(path)).concealed
    assert hidden.location.detail == "outside" and "1101" in hidden.text


def _style_hides(kind, setting):
    """A draft whose only hiding is one style's: the body's runs carry no formatting of their own."""
    def build(d):
        from docx.enum.style import WD_STYLE_TYPE

        style = d.styles.add_style("藏", WD_STYLE_TYPE.CHARACTER if kind == "character" else WD_STYLE_TYPE.PARAGRAPH)
        setting(style.font)
        d.add_paragraph("正文可见")
        if kind == "character":
            d.add_paragraph("前文").add_run("样式藏字", style="藏")
        else:
            d.add_paragraph("样式藏字", style="藏")
    return build


def _hidden_font(font):
    font.hidden = True


def _white_font(font):
    from docx.shared import RGBColor

    font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _tiny_font(font):
    from docx.shared import Pt

    font.size = Pt(1)


@pytest.mark.parametrize("kind", ["character", "paragraph"])
@pytest.mark.parametrize("setting", [_hidden_font, _white_font, _tiny_font])
def test_a_style_alone_hides_text_in_an_otherwise_plain_draft(tmp_path, kind, setting):
    """Nothing in the body hints at hiding: the walk must still resolve each run through its styles."""
    path = docx(tmp_path / "styled.docx", _style_hides(kind, setting))
    hidden = [s.text for s in extract(str(path)).segments if s.location.part == "hidden-text"]
    assert hidden == ["样式藏字"]


def test_a_header_hides_text_when_the_body_hides_none(tmp_path):
    def build(d):
        d.add_paragraph("正文可见")
        d.sections[0].header.paragraphs[0].add_run("页眉藏字").font.hidden = True

    hidden = [s for s in extract(str(docx(tmp_path / "header.docx", build))).segments
              if s.location.part == "hidden-text"]
    assert [s.text for s in hidden] == ["页眉藏字"]


def test_the_segments_of_some_parts_come_in_document_order():
    """Checks of rare parts (comments, tracked changes) read them from an index, not by walking the body."""
    from linter.model import Document, Location, Segment

    parts = ["body", "comment", "body", "annotation", "comment", "metadata", "body"]
    segments = tuple(Segment(f"{n}", Location(part=part, paragraph=n)) for n, part in enumerate(parts))
    document = Document(path="x.docx", format="docx", segments=segments)
    assert [s.text for s in document.segments_in("comment", "annotation")] == ["1", "3", "4"]
    assert [s.text for s in document.segments_in("annotation", "comment")] == ["1", "3", "4"]
    assert [s.text for s in document.segments_in("tracked-change")] == []
    assert [s.text for s in document.segments_in("body")] == ["0", "2", "6"]


def test_cells_make_one_table_until_something_else_stands_between_them():
    """Hidden text inside a cell keeps its table whole; a paragraph between cells, or a row
    number falling back, starts another. Read from the index of parts, as from every segment."""
    from linter.model import Document, Location, Segment
    from linter.tables import Tables

    def cell(text, row, col=1, part="table"):
        return Segment(text, Location(part=part, row=row, col=col))

    segments = (Segment("标题", Location(paragraph=1)), cell("姓名", 1), cell("张三", 2),
                cell("隐", 2, part="hidden-text"), cell("李四", 3), Segment("说明", Location(paragraph=2)),
                cell("序号", 1), cell("1", 2), cell("项目", 1), cell("2", 2))
    document = Document(path="x.docx", format="docx", segments=segments)
    for tables in (document.tables, Tables(segments)):
        assert [[s.text for s in t.cells.values()] for t in tables.all] == [
            ["姓名", "张三", "李四"], ["序号", "1"], ["项目", "2"]]
        assert tables.of(segments[0]) is None and tables.of(segments[4]) is tables.all[0]
