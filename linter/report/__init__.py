"""Renderers: one module per output format; they format, they never decide."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import TextIO

from linter.engine import FileResult
from linter.model import SEVERITIES

RENDERERS = {
    "table": "linter.report.table", "json": "linter.report.json_report", "jsonl": "linter.report.jsonl",
    "sarif": "linter.report.sarif", "github": "linter.report.github", "junit": "linter.report.junit",
    "html": "linter.report.html",
}


def summary(results: Sequence[FileResult]) -> dict:
    """Counts shared by every format: files, findings, findings by severity."""
    by_severity = dict.fromkeys(SEVERITIES, 0)
    for result in results:
        for finding in result.findings:
            by_severity[finding.severity] += 1
    return {"files": len(results), "findings": sum(by_severity.values()),
            "by_severity": by_severity}


def render(fmt: str, results: Iterable[FileResult], out: TextIO, show_suppressed: bool = False,
           quiet: bool = False) -> list[FileResult]:
    """Write `results` to `out` in format `fmt` and return them.

    A streaming format (jsonl) writes each file as it comes; the others need them all.
    Formats that can list suppressed findings (json) do so when asked; the table, when
    `quiet`, shows only the files with errors. Machine formats always hold everything.
    """
    module = importlib.import_module(RENDERERS[fmt])
    if hasattr(module, "stream"):
        return module.stream(results, out)
    done = list(results)
    if show_suppressed and getattr(module, "LISTS_SUPPRESSED", False):
        module.render(done, out, show_suppressed=True)
    elif quiet and fmt == "table":
        module.render(done, out, quiet=True)
    else:
        module.render(done, out)
    return done
