"""OFD (GB/T 33190): pages rebuilt into lines from positions, and the parts a reader does not see."""


import pytest
from builders import OfdText, ofd, ofd_raw
from reports import by_check

from linter.extract import ExtractError, extract


def test_a_marking_on_the_second_page_is_found_on_that_page(tmp_path):
    pages = [[OfdText(20, 30, "关于做好汛期安全工作的通知")], [OfdText(20, 20, "机密★5年"), OfdText(20, 40, "正文")]]
    found = by_check(ofd(tmp_path / "通知.ofd", pages))
    [marking] = found["secrecy/marking"]
    assert (marking["location"]["page"], marking["location"]["line"]) == (2, 1)


def test_lines_are_rebuilt_from_positions_in_reading_order(tmp_path):
    page = [OfdText(40, 50, "公开政府信息"), OfdText(20, 50, "本机关全年"), OfdText(20, 30, "一、总体情况"),
            OfdText(150, 50.3, "共计120条")]
    doc = extract(str(ofd(tmp_path / "a.ofd", [page])))
    assert [s.text for s in doc.segments] == ["一、总体情况", "本机关全年公开政府信息 共计120条"]
    assert doc.pages == 1


def test_white_text_annotations_attachments_author_and_signatures(tmp_path):
    page = [OfdText(20, 30, "公示"), OfdText(20, 60, "身份证110105199003077657", white=True)]
    path = ofd(tmp_path / "a.ofd", [page], author="孙起草", annotation=(1, "王审核", "电话13905710246"),
               attachment="原始名单.xlsx", signed=True)
    found = by_check(path)
    assert found["hidden/hidden-text"][0]["location"]["page"] == 1
    assert found["pii/id-card"][0]["location"]["page"] == 1
    comment = found["hidden/comment"][0]
    assert (comment["location"]["part"], comment["location"]["detail"], comment["location"]["page"]) == (
        "annotation", "王**", 1)
    assert found["pii/mobile"][0]["location"]["part"] == "annotation"
    assert found["hidden/embedded"][0]["match"] == "附件：原始名单.xlsx"
    assert found["hidden/metadata"][0]["context"] == "Author=孙**"
    assert "电子签章" in extract(str(path)).warnings[0]


def test_a_package_without_its_document_is_one_clear_error(tmp_path):
    import zipfile

    path = tmp_path / "a.ofd"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody>'
                               "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    with pytest.raises(ExtractError, match="Doc_0/Document.xml"):
        extract(str(path))


def test_a_roster_laid_out_as_a_table_is_read_by_cell(tmp_path):
    from rosters import roster_ofd

    doc = extract(str(roster_ofd(tmp_path / "名单.ofd")))
    cells = {(s.location.row, s.location.col): s.text for s in doc.segments if s.location.part == "table"}
    assert cells[(1, 2)] == "姓名" and cells[(3, 5)] == "解放路99弄7号302室" and cells[(2, 6)] == "110105199003077657"
    assert doc.tables.all[0].column_of(next(s for s in doc.segments if s.text == "张建国")) == "姓名"
    assert [(s.location.row, s.location.col, s.location.detail) for s in doc.concealed][1] == (2, 6, "white")


def test_where_a_link_leads_is_read_and_checked(tmp_path):
    """The page shows 联系我们 and 公示结果; the click actions behind them mail a person, carry an ID."""
    pages = [[OfdText(20, 30, "联系我们")], [OfdText(20, 30, "公示结果")]]
    mailed = by_check(ofd(tmp_path / "a.ofd", pages, link=(1, "mailto:zhangjianguo1990@163.com")))
    queried = by_check(ofd(tmp_path / "b.ofd", pages, link=(2, "http://example.com/gs?sfz=110105199003077657")))
    assert [(f["location"]["page"], f["location"]["detail"]) for f in mailed["pii/email"]] == [(1, "link")]
    assert [(f["location"]["page"], f["location"]["detail"]) for f in queried["pii/id-card"]] == [(2, "link")]
    site = extract(str(ofd(tmp_path / "c.ofd", pages, link=(1, "http://www.example.gov.cn/art/13912345678.html"))))
    assert not [s for s in site.segments if s.location.detail == "link"]  # a site's path stays unread


def _text(code: str, x: float, y: float, size: float = 4, extra: str = "", inner: str = "", delta: str = "") -> str:
    """A TextObject at (x, y) mm drawing `code` (DeltaX `delta`), with attributes `extra` and children `inner`."""
    advances = f' DeltaX="{delta}"' if delta else ""
    return (f'<ofd:TextObject ID="9" Boundary="{x} {y} 150 10" Font="1" Size="{size}"{extra}>{inner}'
            f'<ofd:TextCode X="0" Y="{size}"{advances}>{code}</ofd:TextCode></ofd:TextObject>')


def _layer(*objects: str) -> str:
    return f'<ofd:Content><ofd:Layer ID="1">{"".join(objects)}</ofd:Layer></ofd:Content>'


def test_the_undated_namespace_of_early_writers_is_read(tmp_path):
    path = ofd_raw(tmp_path / "a.ofd", _layer(_text("机密★1年", 20, 20)), namespace="http://www.ofdspec.org")
    found = by_check(path)
    assert found["secrecy/marking"][0]["location"]["page"] == 1
    assert "extract/error" not in found


def test_text_in_a_template_page_is_read_with_the_page(tmp_path):
    """An e-invoice's or a red-headed document's fixed words live in the template the page draws."""
    template = ("Page", '<ofd:Content><ofd:Layer ID="2">' + _text("开票人：", 20, 100) + "</ofd:Layer></ofd:Content>")
    page = '<ofd:Template TemplateID="7" ZOrder="Background"/>' + _layer(_text("李红梅", 40, 100))
    doc = extract(str(ofd_raw(tmp_path / "a.ofd", page, common='<ofd:TemplatePage ID="7" BaseLoc="Tpls/T0.xml"/>',
                              parts={"Tpls/T0.xml": template})))
    assert [s.text for s in doc.segments if s.location.part == "body"] == ["开票人：李红梅"]


def test_a_part_named_in_another_case_or_with_backslashes_is_found(tmp_path):
    """Written on Windows: BaseLoc says TPLS\\T0.xml, the zip holds Tpls/T0.xml; Windows readers find it."""
    template = ("Page", '<ofd:Content><ofd:Layer ID="2">' + _text("开票人：", 20, 100) + "</ofd:Layer></ofd:Content>")
    page = '<ofd:Template TemplateID="7"/>' + _layer(_text("李红梅", 40, 100))
    doc = extract(str(ofd_raw(tmp_path / "a.ofd", page, common='<ofd:TemplatePage ID="7" BaseLoc="TPLS\\T0.xml"/>',
                              parts={"Tpls/T0.xml": template})))
    assert [s.text for s in doc.segments] == ["开票人：李红梅"] and not doc.damaged


def test_a_missing_template_is_said_not_skipped(tmp_path):
    page = '<ofd:Template TemplateID="7"/>' + _layer(_text("正文", 20, 20))
    doc = extract(str(ofd_raw(tmp_path / "a.ofd", page, common='<ofd:TemplatePage ID="7" BaseLoc="Tpls/T0.xml"/>')))
    assert doc.damaged and "Tpls/T0.xml" in doc.damaged[0]


def test_text_drawn_by_a_composite_object_is_read_where_its_matrix_puts_it(tmp_path):
    """A PDF converted to OFD: every line a CompositeGraphicUnit, scaled by CTMs of object and unit."""
    unit = ('<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="50" Width="600" Height="850"><ofd:Content>'
            + _text("身份证号110105199003077657", 0, 0, size=1, extra=' CTM="9 0 0 9 0 0"')
            + "</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>")
    page = _layer(_text("公示名单", 20, 10),
                  '<ofd:CompositeObject ID="3" CTM="0.3528 0 0 0.3528 0 0" Boundary="20 40 200 20" ResourceID="50"/>')
    path = ofd_raw(tmp_path / "a.ofd", page, common="<ofd:DocumentRes>Res.xml</ofd:DocumentRes>",
                   parts={"Res.xml": ("Res", unit)})
    doc = extract(str(path))
    assert [s.text for s in doc.segments if s.location.part == "body"] == ["公示名单", "身份证号110105199003077657"]
    assert by_check(path)["pii/id-card"][0]["location"]["line"] == 2


def test_a_stamp_annotation_drawn_by_a_composite_unit_is_read(tmp_path):
    """An annotation's appearance may draw its words through a composite unit, as a page does."""
    unit = ('<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="50" Width="60" Height="20"><ofd:Content>'
            + _text("审核人王小明", 0, 5) + _text("13912346578", 0, 12)
            + "</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>")
    annotations = '<ofd:Page PageID="100"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page>'
    stamp = ('<ofd:Annot ID="5" Type="Stamp" Creator="办公室"><ofd:Appearance Boundary="20 200 60 20">'
             '<ofd:CompositeObject ID="6" Boundary="0 0 60 20" ResourceID="50"/></ofd:Appearance></ofd:Annot>')
    resources = "<ofd:DocumentRes>Res.xml</ofd:DocumentRes>"
    path = ofd_raw(tmp_path / "a.ofd", _layer(_text("通知", 20, 20)), common=resources,
                   parts={"Res.xml": ("Res", unit), "Annots/Annotations.xml": ("Annotations", annotations),
                          "Annots/Page_0/Annotation.xml": ("PageAnnot", stamp)},
                   after_pages="<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>")
    notes = [s for s in extract(str(path)).segments if s.location.part == "annotation"]
    assert [(s.text, s.location.page, s.location.detail) for s in notes] == [("审核人王小明\n13912346578", 1, "办公室")]
    assert by_check(path)["pii/mobile"][0]["location"]["part"] == "annotation"


def test_a_unit_that_draws_itself_ends(tmp_path):
    unit = ('<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="50" Width="10" Height="10"><ofd:Content>'
            + _text("循环", 0, 0) + '<ofd:CompositeObject ID="4" Boundary="0 0 10 10" ResourceID="50"/>'
            + "</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>")
    page = _layer('<ofd:CompositeObject ID="3" Boundary="20 40 10 10" ResourceID="50"/>')
    doc = extract(str(ofd_raw(tmp_path / "a.ofd", page, common="<ofd:DocumentRes>Res.xml</ofd:DocumentRes>",
                              parts={"Res.xml": ("Res", unit)})))
    assert doc.segments[0].text == "循环"


def test_advances_keep_neighbouring_numbers_apart(tmp_path):
    """An e-invoice's unit price and amount: their DeltaX say where each ends, so they are not one number."""
    page = _layer(_text("4197.16981132075", 100, 50, size=3.175, delta="g 15 1.5875"),
                  _text("4197.17", 140, 50, size=3.175, delta="g 6 1.5875"))
    path = ofd_raw(tmp_path / "a.ofd", page)
    assert [s.text for s in extract(str(path)).segments] == ["4197.16981132075 4197.17"]
    assert not [f for fs in by_check(path).values() for f in fs if f["check"].startswith("pii/")]


@pytest.mark.parametrize(("objects", "hidden"), [
    ((_text("内部电话13905710246", 20, 20, inner='<ofd:FillColor Value="255 255 255"/>'),), ["white"]),
    ((_text("内部电话13905710246", 20, 20, inner='<ofd:FillColor Value="0 0 0" Alpha="0"/>'),), ["transparent"]),
    # White on a coloured band (a red-headed document's banner) is seen: not hidden.
    (('<ofd:PathObject ID="5" Boundary="10 15 190 12" Fill="true"><ofd:FillColor Value="200 0 0"/>'
      "<ofd:AbbreviatedData>M 0 0 L 190 0 L 190 12 L 0 12 C</ofd:AbbreviatedData></ofd:PathObject>",
      _text("内部电话13905710246", 20, 18, inner='<ofd:FillColor Value="255 255 255"/>')), []),
    (('<ofd:PathObject ID="5" Boundary="10 15 190 12" Fill="true"><ofd:FillColor Value="255 255 255"/>'
      "<ofd:AbbreviatedData>M 0 0 L 190 0 L 190 12 L 0 12 C</ofd:AbbreviatedData></ofd:PathObject>",
      _text("内部电话13905710246", 20, 18, inner='<ofd:FillColor Value="255 255 255"/>')), ["white"]),
])
def test_what_a_reader_does_not_see_is_hidden_text(tmp_path, objects, hidden):
    doc = extract(str(ofd_raw(tmp_path / "a.ofd", _layer(*objects))))
    assert [s.location.detail for s in doc.concealed] == hidden
    assert doc.segments[0].text == "内部电话13905710246"
