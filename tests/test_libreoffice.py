"""--libreoffice: the .doc, .wps and .xls files the built-in readers refuse, read through LibreOffice, and said so.

The tests with LibreOffice itself need its `soffice` (.ci/run installs Debian's
libreoffice-writer-nogui and libreoffice-calc-nogui); the others put a stand-in program on PATH.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from linter.cache import config_salt
from linter.config import Config, ConfigError, load_config
from linter.extract import ExtractError, extract_bytes
from linter.extract.office_convert import CONVERTED, ConversionError, soffice, to_docx

ROOT = Path(__file__).resolve().parent.parent
WORD6 = ROOT / "tests" / "data" / "poi" / "Word6.doc"
ROSTER_WPS = ROOT / "fixtures" / "formats" / "名单.wps"

needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
# Calc's library beside soffice: Writer alone converts no workbook.
CALC = Path(os.path.realpath(soffice() or "/")).parent / "libsclo.so"
needs_calc = pytest.mark.skipif(soffice() is None or not CALC.exists(), reason="LibreOffice Calc is not installed")


def _stand_in(folder: Path, monkeypatch, script: str) -> None:
    """A program named soffice, alone on PATH, running `script`."""
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(folder))


@needs_soffice
def test_a_word_95_file_the_built_in_reader_refuses_is_read_through_libreoffice(cli_json):
    with pytest.raises(ExtractError, match="--libreoffice"):  # the refusal says what would read it
        extract_bytes(str(WORD6), WORD6.read_bytes())
    document = extract_bytes(str(WORD6), WORD6.read_bytes(), libreoffice=True)
    assert document.format == "doc" and CONVERTED in document.warnings
    assert any("The quick brown fox" in s.text for s in document.segments)
    code, report = cli_json(str(WORD6), "--libreoffice")
    assert report["files"][0]["status"] == "ok" and CONVERTED in report["files"][0]["warnings"]


@needs_soffice
@pytest.mark.parametrize("name", ["testWORKS2000.wps", "testWORKSWordProcessor3.0.wps"])
def test_a_microsoft_works_file_is_read_through_libreoffice(name):
    """Works shares .wps with WPS Office; the built-in reader names it, LibreOffice reads it."""
    path = ROOT / "tests" / "data" / "tika" / name
    document = extract_bytes(str(path), path.read_bytes(), libreoffice=True)
    assert CONVERTED in document.warnings and document.chars > 50


@needs_soffice
def test_a_file_the_built_in_reader_reads_is_not_converted(cli_json):
    # LibreOffice reads this roster's table back as one run-on paragraph: a mobile runs into an ID.
    def personal(*flags):
        _, report = cli_json(str(ROSTER_WPS), "--select", "pii", *flags)
        assert all(CONVERTED not in w for w in report["files"][0]["warnings"])
        return Counter((f["check"], f["match"], f["location"]["part"]) for f in report["findings"])

    built_in = personal()
    assert ("pii/mobile", "139****0246", "table") in built_in
    assert personal("--libreoffice") == built_in


@needs_soffice
@pytest.mark.parametrize("name", ["Bug51944.doc", "word2.doc"])
def test_a_word_95_or_word_2_document_is_read_through_libreoffice(cli_json, name):
    _, report = cli_json(str(WORD6.parent / name), "--libreoffice")
    assert report["files"][0]["status"] == "ok" and CONVERTED in report["files"][0]["warnings"][0]
    assert report["files"][0]["chars"] > 3000


@needs_calc
def test_a_workbook_xlrd_gives_up_on_is_read_through_libreoffice(cli_json):
    """Apache POI's 41139.xls: a defined name xlrd cannot parse ends its whole reading."""
    book = WORD6.parent / "41139.xls"
    with pytest.raises(ExtractError, match="--libreoffice"):
        extract_bytes(str(book), book.read_bytes())
    _, report = cli_json(str(book), "--libreoffice")
    assert report["files"][0]["status"] == "ok"
    assert report["files"][0]["warnings"][0] == ("内置读取器无法读取此文件，已用 LibreOffice 转换为 .xlsx 后读取"
                                                 "（--libreoffice）")
    document = extract_bytes(str(book), book.read_bytes(), libreoffice=True)
    assert ("FRONT SIDE BUS", "xls") in {(s.text, document.format) for s in document.segments if s.location.sheet}


def test_a_failed_conversion_says_both_readers_failed(tmp_path, monkeypatch):
    _stand_in(tmp_path, monkeypatch, "echo 'source file could not be loaded' >&2; exit 3")
    with pytest.raises(ExtractError) as refused:
        extract_bytes(str(WORD6), WORD6.read_bytes(), libreoffice=True)
    assert "Word 6.0/95" in str(refused.value)
    assert str(refused.value).endswith("LibreOffice 也未能转换（退出码 3：source file could not be loaded）")


def test_a_stuck_conversion_is_given_up(tmp_path, monkeypatch):
    _stand_in(tmp_path, monkeypatch, f"exec {shutil.which('sleep')} 30")
    with pytest.raises(ConversionError, match="超过"):
        to_docx(b"not read", timeout=0.5)


def test_the_option_without_libreoffice_is_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on it
    result = cli("check", str(ROSTER_WPS), "--libreoffice")
    assert result.exit_code == 2
    assert "找不到 soffice" in result.stderr and "Traceback" not in result.output


def test_other_formats_are_not_converted(tmp_path, monkeypatch):
    _stand_in(tmp_path, monkeypatch, f"{shutil.which('touch')} {tmp_path}/was-run; exit 1")
    extract_bytes("名单.txt", "联系人：张三".encode(), libreoffice=True)
    extract_bytes(str(ROSTER_WPS), ROSTER_WPS.read_bytes(), libreoffice=True)  # read by the built-in reader
    assert not os.path.exists(tmp_path / "was-run")


def test_the_setting_is_read_from_the_config_file_and_separates_cached_results(tmp_path):
    config_file = tmp_path / ".disclosure-lint.toml"
    config_file.write_text("libreoffice = true\n", encoding="utf-8")
    assert load_config(config_file).libreoffice is True
    assert config_salt(Config(libreoffice=True)) != config_salt(Config())
    config_file.write_text('libreoffice = "yes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="libreoffice"):
        load_config(config_file)


@pytest.mark.skipif(sys.platform != "linux", reason="the converter is tied to its worker on Linux")
def test_a_converter_does_not_outlive_a_worker_killed_for_its_time(tmp_path, monkeypatch):
    pid_file = tmp_path / "converter.pid"
    _stand_in(tmp_path, monkeypatch, f"echo $$ > {pid_file}; exec {shutil.which('sleep')} 60")
    code = "from linter.extract.office_convert import to_docx; to_docx(b'x')"
    worker = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 20
    while not (pid_file.exists() and pid_file.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    converter = int(pid_file.read_text())
    worker.kill()  # as a batch kills a worker past its time limit
    worker.wait()
    while _alive(converter) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(converter), "the converter outlived the worker that started it"


def _alive(pid: int) -> bool:
    """Running: not gone, and not a zombie waiting for whoever adopted it to reap it."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat_line.rsplit(")", 1)[1].split()[0] != "Z"


def test_a_password_protected_file_is_not_handed_to_libreoffice(tmp_path, monkeypatch):
    _stand_in(tmp_path, monkeypatch, f"{shutil.which('touch')} {tmp_path}/was-run; exit 1")
    protected = ROOT / "tests" / "data" / "poi" / "PasswordProtected.doc"
    with pytest.raises(ExtractError, match="已加密"):
        extract_bytes(str(protected), protected.read_bytes(), libreoffice=True)
    assert not os.path.exists(tmp_path / "was-run")


def test_folders_left_by_killed_conversions_are_swept(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    stale, recent = temp / "disclosure-lint-convert-old", temp / "disclosure-lint-convert-new"
    for folder in (stale, recent):
        (folder / "profile").mkdir(parents=True)
    os.utime(stale, (time.time() - 86400, time.time() - 86400))
    _stand_in(tmp_path, monkeypatch, "exit 1")
    with pytest.raises(ConversionError):
        to_docx(b"not read")
    assert not stale.exists() and recent.exists()  # another run's conversion may still be going on
    assert [p.name for p in temp.iterdir()] == ["disclosure-lint-convert-new"]  # its own folder removed
