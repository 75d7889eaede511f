"""The pre-commit hook, for real: a throwaway repository refuses a draft with an ID number."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(repo, *args, check=True):
    env = {**os.environ, "XDG_CACHE_HOME": str(Path(repo) / ".cache-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check,
                          timeout=300)


def test_hook_definition_is_what_the_readme_promises():
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
    assert hook["id"] == "disclosure-lint" and hook["types"] == ["file"]
    assert hook["entry"].startswith("disclosure-lint check")


def test_the_hook_takes_every_format_the_linter_reads():
    import re

    from linter.extract.sniff import EXTENSIONS

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
    files = re.compile(hook["files"])
    assert [ext for ext in EXTENSIONS if not files.search(f"草稿{ext.upper()}")] == []
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"`files: {hook['files']}`" in readme


def test_commit_with_an_id_number_is_refused_and_a_clean_draft_accepted(tmp_path):
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
    # repo: local runs this checkout's installed linter, with the hook's own file selection.
    entry = hook["entry"].replace("disclosure-lint", f"{sys.executable} -m linter", 1)
    local = {**hook, "language": "system", "entry": entry}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    _git(tmp_path, "init", "-q")
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    precommit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*precommit, "install"], cwd=tmp_path, check=True, capture_output=True, timeout=300)
    _git(tmp_path, "add", ".pre-commit-config.yaml")
    _git(tmp_path, "commit", "-q", "-m", "config")

    (tmp_path / "公示.md").write_text("| 姓名 | 身份证号 |\n|---|---|\n| 张建国 | 110105199003077657 |\n", "utf-8")
    _git(tmp_path, "add", "公示.md")
    refused = _git(tmp_path, "commit", "-m", "draft", check=False)
    assert refused.returncode != 0
    assert "pii/id-card" in refused.stdout + refused.stderr
    assert "110105199003077657" not in refused.stdout + refused.stderr

    (tmp_path / "公示.md").write_text("| 姓名 | 身份证号 |\n|---|---|\n| 张* | 110105********7657 |\n", "utf-8")
    _git(tmp_path, "add", "公示.md")
    assert _git(tmp_path, "commit", "-q", "-m", "masked", check=False).returncode == 0


def _readme_snippet() -> dict:
    """The .pre-commit-config.yaml the README prints, parsed as a user would paste it."""
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## For a pre-commit hook", 1)[1]
    block = section.split("```yaml", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def test_the_readme_snippet_works_as_printed(tmp_path):
    """The snippet, with its repo pointed at a local clone of this repository, installs and gates a commit."""
    config = _readme_snippet()
    [entry] = config["repos"]
    upstream = tmp_path / "upstream"
    _git(tmp_path, "clone", "-q", str(ROOT), str(upstream))
    if not _git(upstream, "tag", "-l", entry["rev"]).stdout.strip():
        _git(upstream, "tag", entry["rev"])  # a clone without tags: the release the snippet names
    entry["repo"] = str(upstream)
    content = tmp_path / "content"
    content.mkdir()
    _git(content, "init", "-q")
    (content / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    (content / "公示.md").write_text("| 姓名 | 身份证号 |\n|---|---|\n| 张建国 | 110105199003077657 |\n", "utf-8")
    _git(content, "add", ".")
    # A fresh pre-commit home (the hook's environment is built from the clone, as for a user), but
    # pip's own download cache kept: the linter's dependencies are the ones the suite installed.
    pip_cache = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "XDG_CACHE_HOME": str(tmp_path / "cache-home"), "PIP_CACHE_DIR": pip_cache}
    run = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=content, env=env,
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "pii/id-card" in run.stdout and "110105199003077657" not in run.stdout
