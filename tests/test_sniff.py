"""A file is read as what its bytes are, or rejected with a clear message."""

import shutil

import pytest
from builders import PdfPage, docx, pdf

from linter.extract import ExtractError, extract


@pytest.fixture
def real_docx(tmp_path):
    return docx(tmp_path / "real.docx", lambda d: d.add_paragraph("正文内容"))


@pytest.fixture
def real_pdf(tmp_path):
    return pdf(tmp_path / "real.pdf", [PdfPage(lines=["正文内容"])])


@pytest.mark.parametrize("source, name, fmt", [
    ("real_docx", "misnamed.pdf", "docx"),
    ("real_pdf", "misnamed.docx", "pdf"),
    ("real_docx", "misnamed.txt", "docx"),
])
def test_misnamed_file_is_read_by_content_with_a_warning(request, tmp_path, source, name, fmt):
    path = tmp_path / name
    shutil.copy(request.getfixturevalue(source), path)
    doc = extract(str(path))
    assert doc.format == fmt
    assert "正文内容" in [s.text for s in doc.segments]
    assert any("按内容读取" in w for w in doc.warnings)


@pytest.mark.parametrize("name, data, message", [
    ("report.pdf", b"<html>404 Not Found</html>", "内容不是 PDF"),
    ("report.docx", "纯文本".encode(), "内容不是 DOCX"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "损坏"),
    ("slides.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "不支持的格式"),
    ("old.wps", b"anything", "WPS"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100, "加密"),
    ("legacy.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版"),
    ("empty.docx", b"", "为空"),
    ("data.xyz", b"abc", "不支持的文件类型"),
])
def test_bad_inputs_give_one_line_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExtractError, match=message) as caught:
        extract(str(path))
    assert "\n" not in str(caught.value)


def test_an_empty_text_file_is_checked_with_a_warning(cli_json, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("\n  \n", encoding="utf-8")
    code, report = cli_json("empty.txt", "blank.md")
    assert code == 0 and [f["status"] for f in report["files"]] == ["ok", "ok"]
    assert [(f["check"], f["severity"]) for f in report["findings"]] == [("extract/no-text", "warning")] * 2


def test_a_presentation_named_docx_is_rejected(tmp_path):
    import zipfile

    path = tmp_path / "slides.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("ppt/presentation.xml", "<presentation/>")
    with pytest.raises(ExtractError, match="不是 Word 文档"):
        extract(str(path))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ExtractError, match="不存在"):
        extract(str(tmp_path / "nope.txt"))
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ExtractError, match="文件夹"):
        extract(str(tmp_path / "dir.txt"))


def test_the_package_opened_to_tell_the_format_is_read_once_and_only_for_its_own_bytes(tmp_path):
    """Telling a .docx from an .xlsx opens the zip; its reader takes that package, once, and
    never one opened on another file's bytes (its format and text would be that file's)."""
    from linter.extract import extract_bytes
    from linter.extract.ooxml import opened
    from linter.extract.sniff import sniff

    first = docx(tmp_path / "first.docx", lambda d: d.add_paragraph("第一份")).read_bytes()
    second = docx(tmp_path / "second.docx", lambda d: d.add_paragraph("第二份")).read_bytes()

    def body(package) -> str:
        return "".join(package.xml("word/document.xml").itertext())

    assert sniff("first.docx", first)[0] == "docx"
    package = opened(first)
    assert body(package) == "第一份"
    assert opened(first) is not package  # handed over once: a second reader opens its own
    sniff("first.docx", first)
    assert body(opened(second)) == "第二份"  # not the package sniffed on the first file's bytes
    sniff("first.docx", first)
    texts = [[s.text for s in extract_bytes(name, data).segments if s.location.part == "body"]
             for name, data in (("second.docx", second), ("first.docx", first))]
    assert texts == [["第二份"], ["第一份"]]
