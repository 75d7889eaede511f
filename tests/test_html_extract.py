"""HTML pages: the text a visitor reads with its structure, and everything the page hides."""

import json

import pytest
from click.testing import CliRunner
from reports import by_check
from rosters import roster_html

from linter.cli import cli
from linter.extract import extract

MOBILE = "13905710246"
ID = "110105199003077657"


def _page(tmp_path, body, head="", encoding="utf-8", name="page.html"):
    page = f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}">{head}</head>\n<body>\n{body}\n</body></html>\n'
    path = tmp_path / name
    path.write_bytes(page.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "gb2312"])
def test_the_page_is_decoded_by_its_own_charset(tmp_path, encoding):
    doc = extract(str(roster_html(tmp_path / "名单.html", encoding)))
    assert doc.metadata["encoding"] == encoding
    assert "临时救助对象公示名单" in doc.segments[0].text


def test_a_page_declaring_the_wrong_charset_is_still_read(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes('<html><head><meta charset="utf-8"></head><body><p>公开工作</p></body></html>'.encode("gbk"))
    assert [s.text for s in extract(str(path)).segments] == ["公开工作"]


def test_structure_paragraphs_headings_and_table_cells(tmp_path):
    path = _page(tmp_path, "<h2>一、总体情况</h2>\n<p>本机关依法\n  公开政府信息。<br>第二行</p>\n"
                           "<table><tr><th colspan=2>姓名</th><th>电话</th></tr>\n<tr><td>甲</td><td>乙</td>"
                           "<td><p>首行</p><p>次行</p></td></tr></table>")
    segments = extract(str(path)).segments
    heading, paragraph, second = segments[:3]
    assert (heading.text, heading.heading_level, heading.location.line) == ("一、总体情况", 2, 4)
    assert (paragraph.text, paragraph.location.line) == ("本机关依法公开政府信息。", 5)
    assert second.text == "第二行"
    cells = {(s.location.row, s.location.col): s.text for s in segments if s.location.part == "table"}
    assert cells == {(1, 1): "姓名", (1, 3): "电话", (2, 1): "甲", (2, 2): "乙", (2, 3): "首行\n次行"}


def test_hidden_elements_are_reported_at_their_line_and_checked(tmp_path):
    body = (f'<p>公示</p>\n<div style="display:none">电话{MOBILE}</div>\n'
            f'<p style="visibility: hidden">身份证{ID}</p>\n<span hidden>内部资料</span>\n'
            f'<div class="fold">秘密</div>\n<input type="hidden" name="u" value="{MOBILE}">')
    found = by_check(_page(tmp_path, body, head="<style>.fold { display: none }</style>"))
    hidden = [(f["location"]["line"], f["location"]["detail"]) for f in found["hidden/hidden-text"]]
    assert hidden == [(5, "display-none"), (6, "display-none"), (7, "display-none"), (8, "display-none"),
                      (9, "hidden-input")]
    assert [f["location"]["line"] for f in found["pii/mobile"]] == [5, 9]
    assert [f["location"]["line"] for f in found["pii/id-card"]] == [6]
    assert found["secrecy/restricted"][0]["location"]["line"] == 7


def test_comments_with_content_are_reported_and_template_labels_are_not(tmp_path):
    body = f"<!-- 头部 -->\n<p>公示</p>\n<!-- 旧版名单 李秀兰 {ID} -->\n<!--[if lt IE 9]><script></script><![endif]-->"
    found = by_check(_page(tmp_path, body))
    assert [(f["location"]["line"], f["match"]) for f in found["hidden/comment"]] == [(6, "HTML 注释")]
    assert "3205" not in found["hidden/comment"][0]["context"] and "1101" in found["hidden/comment"][0]["context"]
    assert found["pii/id-card"][0]["location"]["part"] == "comment"


def test_script_strings_alt_text_and_links_are_checked(tmp_path):
    body = (f'<script>var contact = "联系人 {MOBILE}"; var n = 3;</script>\n'
            f'<img src="x.png" alt="身份证 {ID}">\n<a href="mailto:zhang.san@example.com">来信</a>')
    found = by_check(_page(tmp_path, body))
    assert found["pii/mobile"][0]["location"]["detail"] == "script"
    assert found["pii/id-card"][0]["location"]["detail"] == "alt"
    assert found["pii/email"][0]["location"]["detail"] == "href"


def test_a_link_address_carrying_personal_data_is_checked(tmp_path):
    body = (f'<p>详见<a href="/gs/query.jsp?name=x&amp;sfz={ID}">公示结果</a>，'
            '<a href="/art/2023/3/15/art_1229123456_59012345.html?from=index">原文</a></p>')
    found = by_check(_page(tmp_path, body))
    assert [f["location"]["detail"] for f in found["pii/id-card"]] == ["link"]
    assert set(found) <= {"pii/id-card", "hidden/metadata"}  # an article's own numbers stay quiet


def test_meta_author_is_a_property_and_keywords_are_not(tmp_path):
    head = '<meta name="author" content="孙起草"><meta name="keywords" content="公示,救助">'
    found = by_check(_page(tmp_path, "<p>公示</p>", head=head))
    assert found["hidden/metadata"][0]["context"] == "Author=孙**"


def test_a_txt_holding_a_page_is_read_as_html_and_an_empty_page_is_checked(tmp_path):
    path = _page(tmp_path, '<div style="display:none">秘密</div>', name="导出.txt")
    doc = extract(str(path))
    assert doc.format == "html" and "按内容读取" in doc.warnings[0]
    (tmp_path / "空.html").write_bytes(b"")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path / "空.html")])
    assert result.exit_code == 0 and json.loads(result.output)["files"][0]["status"] == "ok"


def test_a_page_nested_too_deep_is_read_as_text_and_said_so(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + f"电话{MOBILE}" + "</div>" * 5000 + "</body></html>")
    found = by_check(path)
    assert "pii/mobile" in found and "extract/partial" in found
