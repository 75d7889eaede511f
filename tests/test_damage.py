"""Damaged files read only in part say so (extract/partial): "ok" keeps meaning "all text read"."""

import io
import re
import zipfile

import pypdfium2
import pytest
from builders import PdfPage, docx, pdf

from linter.config import Config
from linter.engine import lint_file
from linter.extract import extract_bytes

PARTIAL = Config(select=("extract",))


@pytest.fixture
def sound_pdf(tmp_path):
    return pdf(tmp_path / "通知.pdf", [PdfPage(lines=["关于开展安全检查的通知", "联系人王小明，手机13812345678"]),
                                       PdfPage(lines=["第二页正文内容"])]).read_bytes()


def _partial(tmp_path, name: str, data: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    result = lint_file(str(path), PARTIAL)
    assert result.status == "ok"
    return [f.message for f in result.findings if f.check == "extract/partial"]


def _first_stream(data: bytes) -> tuple[int, int]:
    start = data.index(b"stream\n", data.index(b"/Contents")) + 7
    return start, data.index(b"endstream", start)


def test_sound_files_are_not_partial(tmp_path, sound_pdf):
    assert _partial(tmp_path, "a.pdf", sound_pdf) == []
    resaved = io.BytesIO()
    pypdfium2.PdfDocument(sound_pdf).save(resaved)
    assert _partial(tmp_path, "b.pdf", resaved.getvalue()) == []
    blank = pdf(tmp_path / "blank.pdf", [PdfPage(lines=["正文"]), PdfPage()]).read_bytes()
    assert _partial(tmp_path, "c.pdf", blank) == []  # a page left blank on purpose is no damage
    word = docx(tmp_path / "d.docx", lambda d: d.add_paragraph("正文"))
    assert _partial(tmp_path, "d.docx", word.read_bytes()) == []


def test_a_stream_that_no_longer_inflates(tmp_path, sound_pdf):
    data = bytearray(sound_pdf)
    start, end = _first_stream(sound_pdf)
    data[start + 40:end - 10] = b"0" * (end - 50 - start)  # still ASCII85, no longer zlib
    messages = _partial(tmp_path, "x.pdf", bytes(data))
    assert any("数据流损坏" in m for m in messages)


def test_a_cross_reference_table_pdfium_repaired(tmp_path, sound_pdf):
    offset = re.search(rb"startxref\s+(\d+)", sound_pdf)
    data = sound_pdf[:offset.start(1)] + b"17" + sound_pdf[offset.end(1):]
    messages = _partial(tmp_path, "x.pdf", data)
    assert any("交叉引用表" in m for m in messages)


def test_a_page_whose_contents_key_is_damaged(tmp_path, sound_pdf):
    data = sound_pdf.replace(b"/Contents", b"/Contentr", 1)
    assert "第二页正文内容" in "".join(s.text for s in extract_bytes("x.pdf", data).segments)
    messages = _partial(tmp_path, "x.pdf", data)
    assert any("第1页读不出任何内容" in m for m in messages)


def test_text_whose_font_encoding_is_damaged(tmp_path, sound_pdf):
    data = sound_pdf.replace(b"/Encoding /UniGB-UCS2-H", b"/Encodinh /UniGB-UCS2-H")
    messages = _partial(tmp_path, "x.pdf", data)
    assert any("无法正确解码" in m and "1、2" in m for m in messages)


def test_a_docx_missing_a_part_it_refers_to(tmp_path):
    def build(d):
        d.add_paragraph("正文")
        d.sections[0].header.paragraphs[0].text = "机密★5年"

    source = docx(tmp_path / "a.docx", build).read_bytes()
    for dropped in ("word/header1.xml", "word/_rels/document.xml.rels"):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                if info.filename != dropped:
                    zout.writestr(info, zin.read(info))
        messages = _partial(tmp_path, "b.docx", out.getvalue())
        assert any("缺少" in m and dropped in m for m in messages), (dropped, messages)


def test_a_page_with_only_a_rule_is_blank_and_sound(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "rule.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 780, "text")
    c.showPage()
    c.line(72, 800, 520, 800)
    c.showPage()
    c.save()
    assert _partial(tmp_path, "rule.pdf", path.read_bytes()) == []


def test_a_big_sound_stream_is_judged_whole_and_at_once():
    """A stream inflating past 1 MB, then a line end before endstream (an image in an ONLYOFFICE export):
    zlib keeps that byte as unconsumed for ever, and the check looped until the file timed out."""
    import threading
    import zlib

    from linter.extract.pdf_damage import broken_streams

    data = zlib.compress(bytes(3 << 20))
    pdf_bytes = b"%%PDF-1.7\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream\nendobj\n" % (
        len(data), data)
    answer = []
    worker = threading.Thread(target=lambda: answer.append(broken_streams(pdf_bytes)), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert answer == [0]
