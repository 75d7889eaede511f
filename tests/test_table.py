"""The terminal table a reviewer reads: golden output at 80 and 120 columns, rows grouped, ids whole."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from linter.cli import cli

GOLDEN = Path(__file__).parent / "data" / "golden"
DRAFT = ("XX街道2024年上半年政务公开工作总结\n"
         "今年以来，街道按照统一布署推进政务公开，全年公开X项，其中公文类X个，计划类X个。\n"
         "联系人手机13957112345，请及时核对。\n"
         "根据某府办发[2023]12号文件精神，现将有关情况报告如下,请审阅。\n")


def _table(tmp_path, columns, *flags):
    draft = tmp_path / "总结.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", *flags, "总结.txt"], env={"COLUMNS": str(columns)},
                                catch_exceptions=False)
    return result.output


@pytest.mark.parametrize("columns", [80, 120])
def test_table_matches_the_golden_file(tmp_path, monkeypatch, columns):
    monkeypatch.chdir(tmp_path)
    output = _table(tmp_path, columns)
    golden = GOLDEN / f"table-{columns}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_every_line_fits_and_check_ids_are_never_split(tmp_path, monkeypatch, columns):
    monkeypatch.chdir(tmp_path)
    output = _table(tmp_path, columns)
    assert all(cell_len(line) <= columns for line in output.splitlines())
    for check in ("fields/placeholder", "proof/typo", "pii/mobile", "fields/doc-number", "proof/punctuation"):
        assert check in output


def test_placeholders_on_one_line_are_one_row_with_the_count(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = _table(tmp_path, 120)
    assert output.count("发现未填写的占位符“X”") == 1
    assert "本行共 3 处" in output


def test_the_match_is_shown_once_and_masked_with_its_context(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    output = _table(tmp_path, 120)
    assert "13957112345" not in output
    assert output.count("139****2345") == 2  # in the message, and in the context line beneath
    assert "联系人手机139****2345，请及时核对。" in output


def test_quiet_lists_only_files_with_errors(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("根据统一部署，推进政务公开工作,请审阅。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "-q", "总结.txt", "clean.txt"]
                                if (tmp_path / "总结.txt").write_text(DRAFT, encoding="utf-8") else [])
    assert "总结.txt" in result.output and "clean.txt" not in result.output
    assert "已检查 2 个文件" in result.output


class _Terminal(__import__("io").StringIO):
    def isatty(self):
        return True


def test_colours_only_on_a_terminal_and_never_with_no_color(tmp_path, monkeypatch):
    from linter.config import Config
    from linter.engine import lint_file
    from linter.report.table import render

    draft = tmp_path / "总结.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    results = [lint_file(str(draft), Config())]
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = _Terminal()
    render(results, terminal)
    assert "\x1b[1;31m错误\x1b[0m" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    render(results, plain)
    assert "\x1b[" not in plain.getvalue() and "错误" in plain.getvalue()


def test_a_wrapped_line_never_opens_with_closing_punctuation():
    from linter.report.table import _wrap

    message = "本段有 1 处半角标点（首处“,”应为“，”）：中文文本应使用全角标点（GB/T 15834），请审阅。"
    for width in range(12, 60):
        lines = _wrap(message, width)
        assert "".join(lines).replace(" ", "") == message.replace(" ", ""), width
        assert not [line for line in lines[1:] if line[:1] in "，。、；：）”"], width
        assert not [line for line in lines[:-1] if line[-1:] in "（“"], width


def test_a_text_that_fits_is_laid_out_as_the_wrapping_loop_lays_it_out():
    """A short text skips the loop when it fits: on any mix of scripts, spaces, emoji and joiners
    (whose width is not the sum of their pieces'), both give the same lines."""
    import random

    from linter.report.table import _wrap

    pieces = ["申", "请", "人", "，", "。", "（", "）", "“", "a", "word", " ", "  ", "　", "138****5678", "😀",
              "👨\u200d👩", "❤\ufe0f", "\t", "Ａ"]
    rng = random.Random(19)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        width = rng.randint(1, 70)
        through_the_loop = _wrap(text + "\n", width)[:-1]  # a line break always takes the loop
        assert _wrap(text, width) == through_the_loop, (text, width)
