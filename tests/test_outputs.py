"""Outputs that cannot be written, interrupted runs, and `clean` targets: one line and exit 2 (or 130),
never a traceback, never a truncated previous report, never a destroyed input."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from builders import docx

from linter.extract.ooxml import Package

TESTS = Path(__file__).resolve().parent
FINDING = "申请人身份证号110105199003077657\n"


@pytest.fixture
def draft(tmp_path):
    (tmp_path / "x.md").write_text(FINDING, encoding="utf-8")
    return tmp_path / "x.md"


def _one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and all(w in lines[0] for w in words), result.stderr


def test_report_into_a_missing_folder(cli, draft):
    _one_line_error(cli("check", draft, "-o", "nowhere/report.json"), "nowhere/report.json", "不存在")


def test_report_onto_a_full_device(cli, draft):
    _one_line_error(cli("check", draft, "--format", "json", "-o", "/dev/full"), "/dev/full")


def test_baseline_into_a_missing_folder(cli, draft):
    _one_line_error(cli("check", draft, "--write-baseline", "nowhere/b.json"), "nowhere/b.json")


def test_clean_into_a_missing_folder(cli, tmp_path):
    source = docx(tmp_path / "a.docx", lambda d: d.add_paragraph("正文"))
    _one_line_error(cli("clean", source, "-o", tmp_path / "nowhere" / "b.docx"), "nowhere")


def test_standard_output_that_cannot_be_written(draft):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "linter", "check", "--format", "json", str(draft)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "标准输出" in done.stderr


def test_a_report_replaces_the_old_one_only_when_whole(cli, draft, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("上一次的报告", encoding="utf-8")
    result = cli("check", draft, "--format", "json", "-o", report, "--config", "missing.toml")
    assert result.exit_code == 2 and report.read_text(encoding="utf-8") == "上一次的报告"
    assert cli("check", draft, "--format", "json", "-o", report).exit_code == 1
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["findings"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left
    assert report.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_clean_refuses_a_hard_link_or_a_symlink_of_its_input(cli, tmp_path):
    source = docx(tmp_path / "a.docx", lambda d: d.add_paragraph("正文"))
    before = source.read_bytes()
    os.link(source, tmp_path / "hard.docx")
    os.symlink(source, tmp_path / "soft.docx")
    for target in ("hard.docx", "soft.docx"):
        result = cli("clean", source, "-o", tmp_path / target)
        assert result.exit_code == 2 and "同一个文件" in result.stderr
    assert source.read_bytes() == before


def test_a_failed_clean_leaves_the_previous_output(cli, tmp_path):
    source = docx(tmp_path / "a.docx", lambda d: d.add_paragraph("正文"))
    broken = tmp_path / "broken.docx"
    with Package(str(source)) as pkg:
        import zipfile

        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
            for info in zin.infolist():
                data = b"<w:document" if info.filename == "word/document.xml" else pkg.read(info.filename)
                zout.writestr(info, data)
    (tmp_path / "out.docx").write_bytes(b"previous")
    result = cli("clean", broken, "-o", tmp_path / "out.docx")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert (tmp_path / "out.docx").read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "broken.docx", "out.docx"]


# --- interrupted runs -----------------------------------------------------------------------

_LAUNCH = f"""
import sys
sys.path.insert(0, {str(TESTS)!r})
from importlib.metadata import EntryPoint
from linter import registry
real = registry.entry_points
hang = EntryPoint(name="HangingCheck", value="fake_plugins:HangingCheck", group=registry.ENTRY_POINT_GROUP)
registry.entry_points = lambda group: [*real(group=group), hang]
from linter.cli import main
sys.argv[0] = "disclosure-lint"
main()
"""


@pytest.mark.parametrize("how", ["SIGTERM", "Ctrl-C"])
def test_an_interrupted_batch_ends_at_once_and_leaves_nothing(tmp_path, how):
    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(8):  # each hangs its worker for a minute
        (folder / f"{i}.md").write_text("挂起\n", encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    report = tmp_path / "report.json"
    report.write_text("上一次的报告", encoding="utf-8")
    (tmp_path / "stdin.md").write_text("挂起\n", encoding="utf-8")
    with open(tmp_path / "stdin.md", "rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, "check", "--jobs", "2", "--format", "json", "-o", str(report),
             "-", "--stdin-name", "来自标准输入.md", str(folder)],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "TMPDIR": str(scratch)}, start_new_session=True)
    time.sleep(3)
    assert len(_group(process.pid)) >= 3  # the CLI and its two workers are at work
    start = time.monotonic()
    if how == "SIGTERM":
        process.send_signal(signal.SIGTERM)
    else:
        os.killpg(process.pid, signal.SIGINT)  # a terminal interrupts the whole group
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and time.monotonic() - start < 1.5
    assert "Traceback" not in err and "已中断" in err and "Aborted" not in err
    time.sleep(0.3)
    assert _group(process.pid) == []  # no worker left behind
    assert list(scratch.iterdir()) == []  # the copy of standard input is gone
    assert report.read_text(encoding="utf-8") == "上一次的报告"


def _group(pgid: int) -> list[int]:
    """Live processes of a process group (from /proc: field 5 of stat is the group)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members
