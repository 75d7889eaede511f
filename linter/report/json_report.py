"""--format json: one object, schema_version 1 (report.schema.json beside this file)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from linter import __version__
from linter.engine import FileResult
from linter.report import summary
from linter.report.jsontext import (
    ENCODER,
    FINDING_KEYS,
    finding_text,
    finding_values,
    location_dict,
    splice,
    value_text,
)

SCHEMA_VERSION = 1
LISTS_SUPPRESSED = True


def to_dict(results: Sequence[FileResult], show_suppressed: bool = False) -> dict:
    """The report as the JSON contract of DESIGN.md describes it (plus `suppressed` when asked)."""
    report = _skeleton(results, show_suppressed)
    report["files"] = [_file(r) for r in results]
    report["findings"] = [finding_dict(f) for r in results for f in r.findings]
    if show_suppressed:
        report["suppressed"] = [{**finding_dict(s.finding), "reason": s.reason} for r in results for s in r.suppressed]
    return report


def render(results: Sequence[FileResult], out: TextIO, show_suppressed: bool = False) -> None:
    """Write the JSON report: to_dict's value, each item of its lists on a line of its own."""
    texts = {"files": [ENCODER.encode(_file(r)) for r in results],
             "findings": [finding_text(f) for r in results for f in r.findings]}
    if show_suppressed:
        texts["suppressed"] = [f'{finding_text(s.finding)[:-1]}, "reason": {value_text(s.reason)}}}'
                               for r in results for s in r.suppressed]
    out.write(splice(_skeleton(results, show_suppressed), texts) + "\n")


def _skeleton(results: Sequence[FileResult], show_suppressed: bool) -> dict:
    """The report with its long lists standing as "@name" (splice puts them in as text)."""
    skeleton = {"schema_version": SCHEMA_VERSION, "tool": {"name": "disclosure-lint", "version": __version__},
                "files": "@files", "findings": "@findings", "summary": summary(results)}
    if show_suppressed:
        skeleton["suppressed"] = "@suppressed"
    return skeleton


def _file(result: FileResult) -> dict:
    return {"path": result.path, "format": result.format, "status": result.status,
            "error": result.error, "pages": result.pages, "chars": result.chars,
            "warnings": list(result.warnings)}


def finding_dict(finding) -> dict:
    """One finding as the JSON contract spells it (finding_text writes the same, as text)."""
    values = dict(zip(FINDING_KEYS, finding_values(finding), strict=True))
    values["location"] = location_dict(finding.location)
    return values
