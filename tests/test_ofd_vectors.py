"""OFD files nobody here wrote (ofdrw's test files: Suwell's writers, OFD R&W): read as their readers show them.

Sources and licence: fixtures/realworld/ofd-vectors/SOURCES.tsv.
"""

from pathlib import Path

from reports import by_check

from linter.extract import extract

VECTORS = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "ofd-vectors"


def _body(name: str) -> list[str]:
    return [s.text for s in extract(str(VECTORS / name)).segments if s.location.part in ("body", "table")]


def test_files_in_the_undated_namespace_are_read_not_refused():
    """Both files were refused as damaged ("缺少 DocRoot"): their parts name http://www.ofdspec.org."""
    assert _body("namespace_no_std.ofd") == ["你好呀，OFD Reader&Writer！"]
    assert "上海市税务局" in _body("发票监制章-数科.ofd")  # the page part alone is undated here


def test_an_e_invoice_is_read_with_its_template_and_its_numbers_apart():
    body = _body("发票示例-reader.ofd")
    # The form's own words are in the template page: they were missing.
    assert body[0] == "电子发票（增值税专用发票）发票号码：24112000000048542163"
    assert "开票人：于俪" in body
    # Unit price and amount were run together as 4197.169811320754197.17.
    assert any("4197.16981132075 4197.17 6% 251.83" in text for text in body)


def test_an_e_invoice_gives_its_personal_data_and_no_false_phone():
    found = by_check(VECTORS / "发票示例-reader.ofd")
    assert "pii/mobile" not in found  # 单价 4197.16981132075: its decimals were taken for a phone (169****2075)
    [off_page] = found["hidden/hidden-text"]  # the drawer's name once more, below the page's edge
    assert off_page["location"]["detail"] == "outside"
    found = by_check(VECTORS / "发票示例-converter.ofd")
    assert [f["match"] for f in found["pii/mobile"]] == ["133****2520"]  # the seller's phone
    assert [f["match"] for f in found["pii/bank-card"]] == ["6255**********8711"]


def test_white_text_on_a_coloured_square_is_not_hidden():
    assert _body("page1.ofd") == ["1"]
    assert "hidden/hidden-text" not in by_check(VECTORS / "page1.ofd")


def test_a_document_processing_form_is_read_whole():
    found = by_check(VECTORS / "signout.ofd")
    assert _body("signout.ofd")[0] == "XX市政府文件处理"
    assert [f["match"] for f in found["fields/placeholder"]] == ["XX"]
    assert found["hidden/comment"][0]["location"]["part"] == "annotation"
