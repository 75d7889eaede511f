"""--format json: one object, schema_version 1 (report.schema.json beside this file)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import TextIO

from linter import __version__
from linter.engine import FileResult
from linter.report import summary

SCHEMA_VERSION = 1
LISTS_SUPPRESSED = True


def to_dict(results: Sequence[FileResult], show_suppressed: bool = False) -> dict:
    """The report as the JSON contract of DESIGN.md describes it (plus `suppressed` when asked)."""
    report = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "disclosure-lint", "version": __version__},
        "files": [_file(r) for r in results],
        "findings": [finding_dict(f) for r in results for f in r.findings],
        "summary": summary(results),
    }
    if show_suppressed:
        report["suppressed"] = [{**finding_dict(s.finding), "reason": s.reason} for r in results for s in r.suppressed]
    return report


def _file(result: FileResult) -> dict:
    return {"path": result.path, "format": result.format, "status": result.status,
            "error": result.error, "pages": result.pages, "chars": result.chars,
            "warnings": list(result.warnings)}


def finding_dict(finding) -> dict:
    """One finding as the JSON contract spells it."""
    return {"path": finding.path, "check": finding.check, "severity": finding.severity,
            "message": finding.message, "match": finding.match,
            "location": asdict(finding.location), "context": finding.context}


def render(results: Sequence[FileResult], out: TextIO, show_suppressed: bool = False) -> None:
    """Write the JSON report."""
    json.dump(to_dict(results, show_suppressed), out, ensure_ascii=False, indent=2)
    out.write("\n")
