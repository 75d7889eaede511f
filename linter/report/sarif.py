"""--format sarif: SARIF 2.1.0, rules from the check registry, results with regions or pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from linter import __version__
from linter.engine import FileResult
from linter.registry import load_checks
from linter.report.jsontext import ENCODER, location_dict
from linter.report.words import describe

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def to_dict(results: Sequence[FileResult]) -> dict:
    """The SARIF log as a dictionary."""
    checks = load_checks()
    rules = [{"id": cid, "name": cid.replace("/", "-"), "shortDescription": {"text": cls.description},
              "defaultConfiguration": {"level": _LEVEL[cls.severity]}} for cid, cls in checks.items()]
    index = {cid: i for i, cid in enumerate(checks)}
    return {
        "$schema": SCHEMA, "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "disclosure-lint", "version": __version__, "rules": rules}},
            "invocations": [_invocation(results)],
            "results": [_result(f, index) for r in results for f in r.findings],
        }],
    }


def _invocation(results: Sequence[FileResult]) -> dict:
    failed = [r for r in results if r.status == "error"]
    return {"executionSuccessful": not failed,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": r.error or ""},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": r.path}}}]} for r in failed]}


def _result(finding, index: dict[str, int]) -> dict:
    location = {"artifactLocation": {"uri": finding.path}}
    if finding.location.line is not None:
        region = {"startLine": finding.location.line}
        if finding.location.column is not None:
            region["startColumn"] = finding.location.column
        location["region"] = region
    result = {"ruleId": finding.check, "level": _LEVEL[finding.severity],
              "message": {"text": f"{finding.message}（{describe(finding.location)}）"},
              "locations": [{"physicalLocation": location}],
              "partialFingerprints": {"disclosureLint/v2": finding.fingerprint},
              "properties": {"location": location_dict(finding.location), "match": finding.match}}
    if finding.check in index:
        result["ruleIndex"] = index[finding.check]
    return result


def render(results: Sequence[FileResult], out: TextIO) -> None:
    """Write the SARIF log."""
    # Compact: SARIF is read by code-scanning tools, and a log of 100,000 results is one C call.
    out.write(ENCODER.encode(to_dict(results)) + "\n")
