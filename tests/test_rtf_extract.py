"""RTF: text in any of its encodings, and the parts a reader of the file does not see."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.extract import ExtractError, extract

SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def _gbk(text):
    """Text as WPS and Word write Chinese in RTF: \\'hh bytes of GBK."""
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


def _rtf(tmp_path, body, name="a.rtf"):
    head = r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"
    path = tmp_path / name
    path.write_bytes((head + body + "}").encode("ascii"))
    return path


def _parts(path):
    return [(s.location.part, s.text) for s in extract(str(path)).segments]


def test_gbk_bytes_and_unicode_escapes_decode_to_the_same_text(tmp_path):
    body = rf"\pard {_gbk('政务公开')}\par \uc1\u25919?\u21153?\u20844?\u24320?\par "
    assert _parts(_rtf(tmp_path, body)) == [("body", "政务公开"), ("body", "政务公开")]


def test_hidden_text_comments_footnotes_and_headers(tmp_path):
    body = (rf"{{\header\pard {_gbk('内部资料')}\par}}"
            rf"\pard {_gbk('正文')}{{\v {_gbk('身份证')}110105199003077657}}"
            rf"{{\*\atnauthor {_gbk('王审核')}}}\chatn{{\*\annotation\pard {_gbk('电话')}13905710246}}"
            rf"{{\super\chftn}}{{\footnote\pard {_gbk('注释')}}}\par ")
    doc = extract(str(_rtf(tmp_path, body)))
    found = {(s.location.part, s.location.detail): s.text for s in doc.segments}
    assert found[("header", None)] == "内部资料"
    assert found[("body", None)] == "正文"
    assert found[("hidden-text", "vanish")] == "身份证110105199003077657"
    assert found[("comment", "王审核")] == "电话13905710246"
    assert found[("footnote", None)] == "注释"


def test_binary_data_and_pictures_are_never_read_as_text(tmp_path):
    body = (r"\pard A{\*\shppict{\pict\pngblip 3133393035373130323436}}" + r"{\bin6 " + "ab}cd{" + r"}B\par ")
    assert _parts(_rtf(tmp_path, body)) == [("body", "AB")]


def test_the_saved_roster_tables_are_tables():
    doc = extract(str(SAVED / "名单.rtf"))
    cells = {(s.location.row, s.location.col): s.text for s in doc.segments if s.location.part == "table"}
    assert cells[(1, 2)] == "姓名" and cells[(3, 5)] == "解放路99弄7号302室"
    assert doc.tables.all[0].column_of(next(s for s in doc.segments if s.text == "张建国")) == "姓名"


def test_the_saved_report_gives_its_tracked_deletion_and_hidden_text():
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SAVED / "年度报告.rtf")])
    checks = {f["check"]: f for f in json.loads(result.output)["findings"]}
    assert checks["hidden/tracked-change"]["context"] == "（内部统计口径，秘密★1年）"
    assert checks["pii/id-card"]["location"]["part"] == "hidden-text"
    assert checks["hidden/comment"]["location"]["part"] == "comment"


def test_nesting_bombs_and_files_that_are_not_rtf_are_clear_errors(tmp_path):
    with pytest.raises(ExtractError, match="嵌套过深"):
        extract(str(_rtf(tmp_path, "{" * 5000 + "x" + "}" * 5000)))
    (tmp_path / "b.rtf").write_text("纯文本", "utf-8")
    doc = extract(str(tmp_path / "b.rtf"))  # a text file named .rtf is read as what it is, with a note
    assert doc.format == "txt" and "按内容读取" in doc.warnings[0]


def test_a_field_instruction_is_read_apart_from_what_it_shows(tmp_path):
    """{\\field{\\*\\fldinst HYPERLINK "mailto:…"}{\\fldrslt 联系我们}}: the address is never shown."""
    field = (r'{\field{\*\fldinst HYPERLINK "mailto:zhangjianguo1990@163.com"}'
             rf"{{\fldrslt {_gbk('联系我们')}}}}}")
    parts = _parts(_rtf(tmp_path, rf"\pard {_gbk('如有疑问请')}{field}\par "))
    assert ("body", "如有疑问请联系我们") in parts
    assert ("metadata", 'HYPERLINK "mailto:zhangjianguo1990@163.com"') in parts
