"""CSV: a roster exported from a spreadsheet is read as the same roster in Word is."""

import json

import pytest
from builders import docx
from click.testing import CliRunner

from linter.cli import cli
from linter.extract import extract

ROSTER = [
    ["序号", "姓名", "身份证号", "联系电话", "家庭住址"],
    ["1", "张建国", "110105199003077657", "13905710246", "城南路18号3幢2单元501室"],
    ["2", "李秀兰", "320506198507124317", "13812345678", "解放路99弄7号302室"],
    ["3", "王*", "3301**********1234", "139****8888", "某街道"],
]


def _pii(path):
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "pii", str(path)])
    return sorted((f["check"], f["match"]) for f in json.loads(result.output)["findings"])


def _docx(path):
    def build(d):
        table = d.add_table(rows=len(ROSTER), cols=len(ROSTER[0]))
        for r, values in enumerate(ROSTER):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
    return docx(path, build)


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ","), ("gbk", ","), ("utf-8", "\t")])
def test_a_csv_roster_gives_the_findings_of_the_same_roster_in_word(tmp_path, encoding, delimiter):
    csv_path = tmp_path / "名单.csv"
    csv_path.write_bytes("\r\n".join(delimiter.join(row) for row in ROSTER).encode(encoding))
    expected = _pii(_docx(tmp_path / "名单.docx"))
    assert ("pii/id-card", "1101**********7657") in expected
    assert _pii(csv_path) == expected


def test_cells_are_located_by_row_column_and_line_and_quoted_fields_kept_whole(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('姓名,备注\n张建国,"住址：城南路18号，\n3幢2单元501室"\n李秀兰,无\n', encoding="utf-8")
    cells = [(s.text, s.location.row, s.location.col, s.location.line) for s in extract(str(path)).segments]
    assert cells == [("姓名", 1, 1, 1), ("备注", 1, 2, 1), ("张建国", 2, 1, 2),
                     ("住址：城南路18号，\n3幢2单元501室", 2, 2, 2), ("李秀兰", 3, 1, 4), ("无", 3, 2, 4)]


def test_a_binary_file_named_csv_is_one_clear_error(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2 and "未能检查" in result.output and "Traceback" not in result.output
