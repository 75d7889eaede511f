"""Word 97-2003 and WPS binary files, read without an office suite, from files LibreOffice saved."""

import struct
from pathlib import Path

import pytest
from reports import by_check

from linter.extract import ExtractError, extract

SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


def test_the_saved_report_gives_every_hidden_part_its_word_original_has():
    found = by_check(SAVED / "年度报告.doc")
    assert found["hidden/tracked-change"][0]["context"] == "（内部统计口径，秘密★1年）"
    assert {f["location"]["part"] for f in found["secrecy/marking"]} == {"tracked-change", "header"}
    comment = found["hidden/comment"][0]
    assert (comment["location"]["detail"], comment["location"]["paragraph"]) == ("审**", 3)
    assert found["pii/mobile"][0]["location"]["part"] == "comment"
    assert found["pii/id-card"][0]["location"]["part"] == "hidden-text"
    assert "creator" in found["hidden/metadata"][0]["match"]


def test_tables_are_read_by_cell_and_row():
    doc = extract(str(SAVED / "年度报告.doc"))
    cells = {(s.location.row, s.location.col): s.text for s in doc.segments if s.location.part == "table"}
    assert cells[(1, 2)] == "本年制发件数" and cells[(3, 1)] == "行政规范性文件" and len(cells) == 9
    assert doc.revisions == {"inserted": 1, "deleted": 1}


def test_a_wps_file_is_the_same_format_under_its_own_name():
    doc = extract(str(SAVED / "名单.wps"))
    assert doc.format == "wps"
    assert [s.text for s in doc.segments][:3] == ["2024年度临时救助对象公示名单", "序号", "姓名"]


def test_an_encrypted_document_says_so(tmp_path):
    data = bytearray((SAVED / "名单.doc").read_bytes())
    start = data.find(struct.pack("<H", 0xA5EC), 512)  # the WordDocument stream's first sector
    flags = struct.unpack_from("<H", data, start + 0x0A)[0]
    struct.pack_into("<H", data, start + 0x0A, flags | 0x0100)
    (tmp_path / "加密.doc").write_bytes(bytes(data))
    with pytest.raises(ExtractError, match="加密"):
        extract(str(tmp_path / "加密.doc"))


def test_a_damaged_document_is_one_clear_error(tmp_path):
    data = bytearray((SAVED / "名单.doc").read_bytes())
    start = data.find(struct.pack("<H", 0xA5EC), 512)
    struct.pack_into("<I", data, start + 0x1A2, 0x7FFFFFF0)  # the piece table's offset, far outside
    (tmp_path / "坏.doc").write_bytes(bytes(data))
    with pytest.raises(ExtractError, match="已损坏"):
        extract(str(tmp_path / "坏.doc"))


@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
def test_where_links_lead_is_checked_in_every_saved_format(suffix):
    """LibreOffice saves a Word link as a field (.doc, .rtf) or an xlink (.odt): its address is read."""
    from reports import findings

    saved = Path(__file__).resolve().parent.parent / "fixtures" / "formats" / f"链接.{suffix}"
    found = sorted((f["check"], f["location"]["detail"]) for f in findings(saved, "--select", "pii"))
    detail = "link" if suffix == "odt" else "field-code"
    assert found == [("pii/email", detail), ("pii/id-card", detail)]
