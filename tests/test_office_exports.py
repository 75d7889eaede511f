"""What office systems and older suites hand out under a familiar name, read as what it is.

Word 2003 XML filled from a template and named .doc, a web page or a single-file web page
(MHT) named .doc or .xls, Microsoft Works files sharing .wps with WPS Office, compound files
whose stream names are in capitals, an encrypted .odt. Files from Apache Tika's tests are in
tests/data/tika (README.txt there says where each comes from).
"""

from pathlib import Path

import pytest
from reports import by_check
from rosters import wordml

from linter.extract import ExtractError, extract, extract_bytes
from linter.extract.errors import EncryptedError

TIKA = Path(__file__).resolve().parent / "data" / "tika"


def test_word_2003_xml_named_doc_is_read_with_what_it_hides(tmp_path):
    """Comments, tracked changes, hidden runs, headers and properties: as in a .docx."""
    body = ("<w:p><w:r><w:t>关于张建国的公示</w:t></w:r>"
            '<aml:annotation aml:id="1" aml:author="李审核" w:type="Word.Comment"><aml:content>'
            "<w:p><w:r><w:t>电话13905710246核实</w:t></w:r></w:p></aml:content></aml:annotation></w:p>"
            '<w:p><aml:annotation aml:id="2" aml:author="王五" w:type="Word.Deletion"><aml:content>'
            "<w:r><w:delText>身份证号110105199003077657</w:delText></w:r></aml:content></aml:annotation>"
            '<aml:annotation aml:id="3" aml:author="王五" w:type="Word.Insertion"><aml:content>'
            "<w:r><w:t>已核实。</w:t></w:r></aml:content></aml:annotation>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>内部备注：机密</w:t></w:r></w:p>"
            '<w:sectPr><w:hdr w:type="odd"><w:p><w:r><w:t>某县民政局</w:t></w:r></w:p></w:hdr></w:sectPr>')
    path = tmp_path / "公示.doc"
    path.write_text(wordml(body, "<o:Author>孙起草</o:Author>"), encoding="utf-8")
    doc = extract(str(path))
    assert doc.format == "wordml" and "Word 2003 XML" in doc.warnings[0]
    parts = {(s.location.part, s.location.detail): s.text for s in doc.segments}
    assert parts[("body", None)] == "已核实。"
    assert parts[("tracked-change", "deleted")] == "身份证号110105199003077657"
    assert parts[("hidden-text", "vanish")] == "内部备注：机密"
    assert parts[("comment", "李审核")] == "电话13905710246核实"
    assert parts[("header", None)] == "某县民政局"
    assert doc.revisions == {"deleted": 1, "inserted": 1}
    found = by_check(path)
    assert {"hidden/comment", "hidden/tracked-change", "hidden/hidden-text", "hidden/metadata", "pii/id-card",
            "pii/mobile"} <= set(found)
    assert found["hidden/metadata"][0]["context"] == "Author=孙**"


def test_tikas_word_2003_xml_is_read():
    doc = extract(str(TIKA / "testWORDML_tableInsideParagraph.doc"))
    texts = [s.text for s in doc.segments]
    assert "Some Data" in texts and "tic-tac-toe" in texts


def test_a_web_page_word_saved_as_doc_is_read_with_the_properties_it_keeps(tmp_path):
    page = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="gb2312">'
            "<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>张建国</o:Author>"
            "<o:LastAuthor>李红梅</o:LastAuthor></o:DocumentProperties></xml><![endif]--></head>"
            "<body><p>联系电话13905710246</p></body></html>")
    path = tmp_path / "通知.doc"
    path.write_bytes(page.encode("gbk"))
    doc = extract(str(path))
    assert doc.format == "html" and "HTML" in doc.warnings[0]
    assert (doc.metadata["Author"], doc.metadata["LastAuthor"]) == ("张建国", "李红梅")
    found = by_check(path)
    assert [f["match"] for f in found["pii/mobile"]] == ["139****0246"]
    assert "张**" in found["hidden/metadata"][0]["context"]


def test_a_single_file_web_page_names_what_it_embeds(tmp_path):
    html = "<html><body><p>=E5=85=AC=E7=A4=BA</p></body></html>"  # 公示, quoted-printable
    mime = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"utf-8\"\r\n\r\n"
            f"{html}\r\n--b\r\nContent-Location: file:///C:/a.files/oledata.mso\r\n"
            "Content-Transfer-Encoding: base64\r\nContent-Type: application/x-mso\r\n\r\nAAAA\r\n--b--\r\n")
    doc = extract_bytes("页面.mht", mime.encode("ascii"))
    assert [(s.text, s.location.part) for s in doc.segments] == [
        ("公示", "body"), ("附件：oledata.mso（application/x-mso）", "metadata")]  # its name is checked too
    assert doc.attachments == ("附件：oledata.mso（application/x-mso）",)


def test_a_file_named_mht_that_is_no_mime_message_is_a_clear_error():
    with pytest.raises(ExtractError, match="MHT"):
        extract_bytes("页面.mht", b"<html><body>not mime</body></html>")


def test_a_charset_declared_after_a_long_script_in_head_is_the_pages():
    script = "<script>" + "var a = 1;\n" * 600 + "</script>"
    page = f'<html><head>{script}<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
    doc = extract_bytes("a.html", (page + "<body><p>政务公开</p></body></html>").encode("gbk"))
    assert doc.metadata["encoding"] == "gb2312"
    assert [s.text for s in doc.segments if s.location.part == "body"] == ["政务公开"]


@pytest.mark.parametrize("name", ["simple_upper_case.doc", "testEXCEL_WORKBOOK_in_capitals.xls"])
def test_stream_names_in_capitals_are_the_same_streams(name):
    """Compound files name streams case-blind (WORDDOCUMENT, WORKBOOK); these were called damaged."""
    doc = extract(str(TIKA / name))
    assert doc.chars > 0 and not doc.damaged


@pytest.mark.parametrize("name", ["testWORKS2000.wps", "testWORKSWordProcessor3.0.wps"])
def test_a_microsoft_works_file_is_named_not_called_damaged(name):
    with pytest.raises(ExtractError, match="Microsoft Works"):
        extract(str(TIKA / name))


def test_an_encrypted_odt_is_said_to_be_encrypted():
    with pytest.raises(EncryptedError):
        extract(str(TIKA / "testODTEncrypted.odt"))


def _with_alt_chunk(path: Path, name: str, content: bytes) -> Path:
    """A .docx whose body imports a whole file (w:altChunk), as docx4j and the Open XML SDK write HTML into Word."""
    import zipfile

    from builders import docx

    plain = docx(path.with_name("plain.docx"), lambda d: d.add_paragraph("公示如下："))
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", b'<w:altChunk r:id="chunk1"/><w:sectPr', 1)
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="chunk1" Target="/word/' + name.encode()
                                    + b'" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                    b'relationships/aFChunk"/></Relationships>')
            zout.writestr(item, data)
        if content:
            zout.writestr(f"word/{name}", content)
    return path


def test_a_docx_that_imports_a_web_page_is_read_with_it(tmp_path):
    """Its body is one w:altChunk: the roster was reported as having no text at all."""
    page = ("<html><body><table><tr><td>姓名</td><td>身份证号</td></tr>"
            "<tr><td>张建国</td><td>110105199003077657</td></tr>")
    path = _with_alt_chunk(tmp_path / "名单.docx", "afchunk.html", (page + "</table></body></html>").encode())
    doc = extract(str(path))
    assert "110105199003077657" in [s.text for s in doc.segments] and "altChunk" in doc.warnings[0]
    found = by_check(path)
    assert [f["match"] for f in found["pii/id-card"]] == ["1101**********7657"]
    assert "extract/no-text" not in found


def test_an_imported_file_that_is_missing_is_said(tmp_path):
    doc = extract(str(_with_alt_chunk(tmp_path / "a.docx", "afchunk.html", b"")))
    assert doc.damaged and "afchunk.html" in doc.damaged[0]


@pytest.mark.parametrize("name", ["testAltChunkHTML.docx", "testAltChunkMHT.docx"])
def test_tikas_docx_importing_html_and_mht_are_read(name):
    assert "Simple paragraph with a emphasized word." in [s.text for s in extract(str(TIKA / name)).segments]


def test_redact_says_what_it_could_not_mask_in_an_imported_page(tmp_path):
    """The copy would still hold the ID: redact must not say it found nothing, nor exit 0."""
    from click.testing import CliRunner

    from linter.cli import cli

    page = "<html><body><p>申请人身份证号110105199003077657</p></body></html>".encode()
    source = _with_alt_chunk(tmp_path / "a.docx", "afchunk.html", page)
    result = CliRunner().invoke(cli, ["clean", "--redact", str(source), "-o", str(tmp_path / "b.docx")])
    assert result.exit_code == 1
    assert "未能就地遮盖的个人信息：pii/id-card 1 处" in result.stderr and "未发现" not in result.output
    assert "110105199003077657" not in result.output + result.stderr


def test_an_object_embedded_in_an_xls_is_named_as_not_checked():
    """A PDF embedded in a workbook: the file reported no text and nothing else."""
    path = TIKA / "testEXCEL_embeddedPDF_windows.xls"
    assert extract(str(path)).attachments == ("第1个嵌入对象（对象）",)
    assert "hidden/embedded" in by_check(path)


def test_objects_embedded_in_rtf_are_named_as_not_checked():
    data = rb"{\rtf1 {\object\objemb{\*\objclass Excel.Sheet.8}{\*\objdata 01050000020000}{\result x}}}"
    assert extract_bytes("a.rtf", data).attachments == ("第1个嵌入对象",)


def test_separated_text_named_xls_is_read_as_a_table(tmp_path):
    """Systems export "Excel" as tab-separated text under .xls: read as the table it is, not refused."""
    path = tmp_path / "名单.xls"
    path.write_bytes("姓名\t身份证号\n张建国\t110105199003077657\n".encode("gbk"))
    doc = extract(str(path))
    assert doc.format == "csv" and "CSV" in doc.warnings[0]
    assert [f["match"] for f in by_check(path)["pii/id-card"]] == ["1101**********7657"]
