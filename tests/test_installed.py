"""The remembered entry points and version: the same answer as importlib.metadata, never a stale one."""

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest

from linter import installed

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A cache folder of its own, and nothing remembered in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    installed._answers.cache_clear()
    yield tmp_path / "cache"
    installed._answers.cache_clear()


def _asked(group):
    return sorted((ep.name, ep.value) for ep in importlib.metadata.entry_points(group=group))


def _ours(group):
    return sorted((ep.name, ep.value) for ep in installed.entry_points(group))


def _forget_and_refuse_to_ask(monkeypatch):
    installed._answers.cache_clear()
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: pytest.fail("asked again"))


def test_the_answer_is_importlibs_then_read_back_without_asking(fresh, monkeypatch):
    expected = _asked(installed.CHECKS_GROUP)
    assert len(expected) >= 30 and _ours(installed.CHECKS_GROUP) == expected
    assert installed.version() == importlib.metadata.version("disclosure-lint")
    [written] = (fresh / "disclosure-lint" / "installed").glob("*.json")
    _forget_and_refuse_to_ask(monkeypatch)
    assert _ours(installed.CHECKS_GROUP) == expected  # from the file
    loaded = {ep.name: ep.load() for ep in installed.entry_points(installed.CHECKS_GROUP)}
    assert loaded["pii/id-card"].id == "pii/id-card"
    assert json.loads(written.read_text("utf-8"))["key"] == installed.fingerprint()


def _distribution(folder: Path, name: str, entry_points: str) -> Path:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return info / "entry_points.txt"


def test_a_plugin_installed_or_edited_afterwards_is_seen_at_once(fresh, tmp_path, monkeypatch):
    before = _ours(installed.CHECKS_GROUP)
    site = tmp_path / "site"
    written = _distribution(site, "extra_checks",
                            "[disclosure_lint.checks]\nsecrecy/test-word = fake_plugins:WordCheck\n")
    monkeypatch.syspath_prepend(str(site))
    installed._answers.cache_clear()
    assert _ours(installed.CHECKS_GROUP) == sorted([*before, ("secrecy/test-word", "fake_plugins:WordCheck")])
    written.write_text("[disclosure_lint.checks]\nsecrecy/test-word2 = fake_plugins:WordCheck\n", encoding="utf-8")
    installed._answers.cache_clear()
    assert ("secrecy/test-word2", "fake_plugins:WordCheck") in _ours(installed.CHECKS_GROUP)
    monkeypatch.syspath_prepend(str(tmp_path / "empty"))  # a folder on the path that does not exist
    installed._answers.cache_clear()
    assert ("secrecy/test-word2", "fake_plugins:WordCheck") in _ours(installed.CHECKS_GROUP)


def test_a_damaged_or_unwritable_cache_costs_time_only(fresh, tmp_path, monkeypatch):
    expected = _ours(installed.CHECKS_GROUP)
    [written] = (fresh / "disclosure-lint" / "installed").glob("*.json")
    written.write_text('{"key": "', encoding="utf-8")
    installed._answers.cache_clear()
    assert _ours(installed.CHECKS_GROUP) == expected
    assert json.loads(written.read_text("utf-8"))["key"] == installed.fingerprint()  # written again
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # a file where the folder would be
    installed._answers.cache_clear()
    assert _ours(installed.CHECKS_GROUP) == expected


def test_an_entry_point_loads_a_module_an_attribute_or_a_nested_one():
    EntryPoint = installed.EntryPoint
    assert EntryPoint("a", "linter.model", "g").load().__name__ == "linter.model"
    assert EntryPoint("a", "linter.model:Finding", "g").load().__name__ == "Finding"
    assert EntryPoint("a", "linter.model : Finding.__init__ [extra]", "g").load().__name__ == "__init__"


def test_a_start_reads_the_checks_without_importlib_metadata(tmp_path):
    """Its import (the e-mail package) and its reading of every distribution cost a start 50 ms."""
    code = ("import sys\nfrom linter.registry import load_checks\nchecks = load_checks()\n"
            "import linter\nprint(len(checks), linter.__version__, 'importlib.metadata' in sys.modules)")
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=120) for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr[-2000:]
    first, second = (run.stdout.split() for run in runs)
    assert first[:2] == second[:2] and int(first[0]) >= 30
    assert (first[2], second[2]) == ("True", "False")  # asked once, then remembered
