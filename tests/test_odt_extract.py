"""OpenDocument text: what LibreOffice saves, and the hidden parts it can hold, read and located."""

import zipfile
from pathlib import Path

import pytest
from reports import by_check

from linter.extract import ExtractError, extract

SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def _odt(path, body, styles=""):
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
               f"<office:automatic-styles>{styles}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
    return path


def test_the_saved_report_gives_what_its_word_original_gives():
    found = by_check(SAVED / "年度报告.odt")
    deleted = found["hidden/tracked-change"][0]
    assert deleted["context"] == "（内部统计口径，秘密★1年）"
    assert {f["location"]["part"] for f in found["secrecy/marking"]} == {"tracked-change", "header"}
    assert found["hidden/comment"][0]["location"]["detail"] == "审**"
    assert found["pii/mobile"][0]["location"]["part"] == "comment"
    assert found["pii/id-card"][0]["location"]["part"] == "hidden-text"
    assert "creator" in found["hidden/metadata"][0]["match"]
    doc = extract(str(SAVED / "年度报告.odt"))
    assert [s.text for s in doc.segments if s.heading_level == 1][0] == "一、总体情况"
    assert doc.revisions == {"deleted": 1, "inserted": 1}


def test_hidden_sections_footnotes_text_boxes_and_repeated_cells(tmp_path):
    body = ('<text:section text:name="s" text:display="none"><text:p>内部资料</text:p></text:section>'
            '<text:p>正文<text:note text:note-class="footnote"><text:note-body><text:p>电话13905710246</text:p>'
            '</text:note-body></text:note></text:p>'
            '<text:p><draw:frame><draw:text-box><text:p>秘密★1年</text:p></draw:text-box></draw:frame></text:p>'
            '<table:table><table:table-row><table:table-cell><text:p>姓名</text:p></table:table-cell>'
            '<table:table-cell table:number-columns-repeated="16000"/>'
            '<table:table-cell><text:p>电话</text:p></table:table-cell></table:table-row>'
            '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>'
            '<table:table-row><table:table-cell><text:p>甲</text:p><text:p>乙</text:p></table:table-cell>'
            '</table:table-row></table:table>')
    doc = extract(str(_odt(tmp_path / "a.odt", body)))
    where = {(s.location.part, s.location.row, s.location.col): s.text for s in doc.segments}
    assert where[("hidden-text", None, None)] == "内部资料"
    assert where[("footnote", None, None)] == "电话13905710246"
    assert where[("textbox", None, None)] == "秘密★1年"
    assert where[("table", 1, 16002)] == "电话"
    assert where[("table", 1000002, 1)] == "甲\n乙"


def test_hidden_character_styles_are_hidden_text(tmp_path):
    styles = ('<style:style style:name="T9" style:family="text">'
              '<style:text-properties text:display="none"/></style:style>')
    body = '<text:p>公示<text:span text:style-name="T9">身份证110105199003077657</text:span>完毕</text:p>'
    doc = extract(str(_odt(tmp_path / "a.odt", body, styles)))
    assert [(s.location.part, s.text) for s in doc.segments] == [
        ("body", "公示完毕"), ("hidden-text", "身份证110105199003077657")]


def test_a_package_without_content_is_one_clear_error(tmp_path):
    path = tmp_path / "a.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ExtractError, match="缺少 content.xml"):
        extract(str(path))


def test_where_a_link_leads_is_checked(tmp_path):
    body = ('<text:p>如有疑问请<text:a xmlns:xlink="http://www.w3.org/1999/xlink" '
            'xlink:href="mailto:zhangjianguo1990@163.com">联系我们</text:a></text:p>')
    found = by_check(_odt(tmp_path / "link.odt", body), "--select", "pii")
    assert [f["location"]["detail"] for f in found["pii/email"]] == ["link"]
