
import pytest

from linter.extract import ExtractError, extract

UTF8 = "一、总体情况\n本机关联系电话：010-12345678。\n\n　　二、主动公开情况\n"


@pytest.mark.parametrize("data, encoding", [
    (UTF8.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + UTF8.encode("utf-8"), "utf-8 (BOM)"),
    (UTF8.encode("utf-16"), "utf-16"),
    ("Report 2024\n".encode("utf-16-le") + UTF8.encode("utf-16-le"), None),
    (UTF8.encode("gbk"), "gb18030"),
    (UTF8.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
])
def test_encodings_decode_to_same_lines(tmp_path, data, encoding):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    doc = extract(str(path))
    segments = doc.segments
    if encoding is None:  # UTF-16 without a BOM, led by an English line
        assert doc.metadata["encoding"] == "utf-16-le"
        segments = [s._replace(location=s.location._replace(line=s.location.line - 1))
                    for s in segments[1:]]
    else:
        assert doc.metadata["encoding"] == encoding
    assert [(s.text, s.location.line) for s in segments] == [
        ("一、总体情况", 1), ("本机关联系电话：010-12345678。", 2), ("　　二、主动公开情况", 4)]


def test_columns_are_those_of_the_original_line(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("第一行\n甲乙丙丁联系电话13812345678\n", encoding="utf-8")
    segment = extract(str(path)).segments[1]
    start = segment.text.index("138")
    assert segment.locate(start).line == 2
    assert segment.locate(start).column == 9


def test_markdown_headings_and_tables(tmp_path):
    path = tmp_path / "list.md"
    path.write_text(
        "# 2024年低保对象公示\n\n说明文字。\n\n| 序号 | 姓名 | 身份证号 |\n|---|:---:|---|\n"
        "| 1 | 张三 | 110105199003077653 |\n| 2 |  | 待补充 |\n\n## 二、监督方式\n",
        encoding="utf-8")
    segments = extract(str(path)).segments
    heading = segments[0]
    assert (heading.text, heading.heading_level, heading.location.column) == ("2024年低保对象公示", 1, 3)
    cells = [(s.text, s.location.row, s.location.col) for s in segments if s.location.part == "table"]
    assert cells == [("序号", 1, 1), ("姓名", 1, 2), ("身份证号", 1, 3), ("1", 2, 1),
                     ("张三", 2, 2), ("110105199003077653", 2, 3), ("2", 3, 1), ("待补充", 3, 3)]
    id_cell = next(s for s in segments if s.text == "110105199003077653")
    assert (id_cell.location.line, id_cell.location.column) == (7, 12)
    assert segments[-1].heading_level == 2 and segments[-1].text == "二、监督方式"


def test_pipe_in_plain_text_is_not_a_table(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("甲 | 乙\n普通段落\n", encoding="utf-8")
    assert [s.location.part for s in extract(str(path)).segments] == ["body", "body"]


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
    (b"abc \x80\x81 not text", "编码"),
])
def test_unreadable_text_is_an_error(tmp_path, data, message):
    path = tmp_path / "notes.md"
    path.write_bytes(data)
    with pytest.raises(ExtractError, match=message):
        extract(str(path))
