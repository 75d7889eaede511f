"""What the CLI reports for a file, as the tests read it: the JSON findings, or them by check."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli


def findings(path: Path, *options: str) -> list[dict]:
    """The JSON report's findings for one file (the run must have checked it: exit 0 or 1)."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", *options, str(path)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["findings"]


def by_check(path: Path, *options: str) -> dict[str, list[dict]]:
    """The findings for one file, grouped by check id."""
    found: dict[str, list[dict]] = {}
    for finding in findings(path, *options):
        found.setdefault(finding["check"], []).append(finding)
    return found
