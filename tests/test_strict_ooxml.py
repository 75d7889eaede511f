"""Strict Open XML (ISO/IEC 29500 Strict, Word's and Excel's "Strict Open XML" save): read whole."""

import io
import zipfile
from pathlib import Path

from builders import docx
from reports import findings

from linter.extract import extract

VECTORS = Path(__file__).parent.parent / "fixtures" / "realworld"
TRANSITIONAL_TO_STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
}


def _as_strict(path: Path) -> Path:
    """Rewrite every part of a transitional package into the Strict namespaces, as Word saves them."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            for transitional, strict in TRANSITIONAL_TO_STRICT.items():
                data = data.replace(transitional, strict)
            package.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_strict_draft_is_checked_like_any_other(tmp_path):
    path = _as_strict(docx(tmp_path / "申请.docx", lambda d: d.add_paragraph("申请人身份证号110105199003077657")))
    assert b"purl.oclc.org/ooxml/wordprocessingml" in zipfile.ZipFile(path).read("word/document.xml")
    assert [f["check"] for f in findings(path, "--select", "pii/id-card")] == ["pii/id-card"]


def test_documents_word_and_excel_saved_as_strict_are_read():
    word = extract(str(VECTORS / "docx-vectors" / "strict-format.docx"))
    assert [s.text for s in word.segments if s.location.part == "body"] == ["Test"]
    assert word.metadata["Template"] == "Normal.dotm"  # the extended properties' own Strict namespace
    book = extract(str(VECTORS / "xlsx-vectors" / "strict_iso_paths.xlsx"))
    assert [s.text for s in book.segments if s.location.sheet][:2] == ["Item", "Thickness"]
