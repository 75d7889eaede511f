"""The wheel carries the code, the checks' entry points and the data files."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return zipfile.ZipFile(next(out.glob("disclosure_lint-*.whl")))


def test_wheel_ships_data_and_checks(wheel):
    names = set(wheel.namelist())
    data_files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "wordlists").glob("*.txt")]
    for name in ["linter/report/report.schema.json", "checks/extract_no_text.py",
                 "linter/extract/pdf.py", "wordlists/__init__.py", *data_files]:
        assert name in names


def test_wheel_registers_builtin_checks_as_entry_points(wheel):
    entry_points = next(n for n in wheel.namelist() if n.endswith("entry_points.txt"))
    text = wheel.read(entry_points).decode()
    assert "[disclosure_lint.checks]" in text
    assert "extract/no-text = checks.extract_no_text:NoTextCheck" in text
    assert "disclosure-lint = linter.cli:main" in text
