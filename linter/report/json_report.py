"""--format json: one object, schema_version 1 (report.schema.json beside this file)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from linter import __version__
from linter.engine import FileResult
from linter.report import summary
from linter.report.jsontext import dumps, location_dict

SCHEMA_VERSION = 1
LISTS_SUPPRESSED = True


def to_dict(results: Sequence[FileResult], show_suppressed: bool = False) -> dict:
    """The report as the JSON contract of DESIGN.md describes it (plus `suppressed` when asked)."""
    skeleton, lists = _parts(results, show_suppressed)
    return {key: lists.get(value[1:], value) if isinstance(value, str) and value.startswith("@") else value
            for key, value in skeleton.items()}


def _parts(results: Sequence[FileResult], show_suppressed: bool) -> tuple[dict, dict[str, list]]:
    """The report's skeleton, its long lists standing as "@name", and the lists."""
    lists = {"files": [_file(r) for r in results],
             "findings": [finding_dict(f) for r in results for f in r.findings]}
    skeleton = {"schema_version": SCHEMA_VERSION, "tool": {"name": "disclosure-lint", "version": __version__},
                "files": "@files", "findings": "@findings", "summary": summary(results)}
    if show_suppressed:
        lists["suppressed"] = [{**finding_dict(s.finding), "reason": s.reason} for r in results for s in r.suppressed]
        skeleton["suppressed"] = "@suppressed"
    return skeleton, lists


def _file(result: FileResult) -> dict:
    return {"path": result.path, "format": result.format, "status": result.status,
            "error": result.error, "pages": result.pages, "chars": result.chars,
            "warnings": list(result.warnings)}


def finding_dict(finding) -> dict:
    """One finding as the JSON contract spells it."""
    return {"path": finding.path, "check": finding.check, "severity": finding.severity,
            "message": finding.message, "match": finding.match,
            "location": location_dict(finding.location), "context": finding.context}


def render(results: Sequence[FileResult], out: TextIO, show_suppressed: bool = False) -> None:
    """Write the JSON report."""
    skeleton, lists = _parts(results, show_suppressed)
    out.write(dumps(skeleton, lists) + "\n")
