"""Shared fixtures: a CLI runner and cache resets so tests cannot leak into each other."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from linter import cache, engine, registry
from linter.cli import cli as main


@pytest.fixture(autouse=True)
def _fresh_caches():
    _clear()
    yield
    _clear()


def _clear():
    registry.load_checks.cache_clear()
    engine._active_checks.cache_clear()
    engine._unselected_personal_checks.cache_clear()
    cache._code_digest.cache_clear()


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run the CLI in `tmp_path` (so no config above the repo is picked up)."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run


@pytest.fixture
def cli_json(cli):
    """Run `check --format json` and return (exit code, parsed report)."""

    def run(*args: str):
        result = cli("check", "--format", "json", *args)
        return result.exit_code, json.loads(result.stdout)

    return run
