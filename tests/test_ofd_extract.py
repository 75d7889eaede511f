"""OFD (GB/T 33190): pages rebuilt into lines from positions, and the parts a reader does not see."""


import pytest
from builders import OfdText, ofd
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
