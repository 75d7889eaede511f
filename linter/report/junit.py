"""--format junit: one testcase per file, one failure per finding (Jenkins, GitLab)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO
from xml.etree import ElementTree as ET

from linter.engine import FileResult
from linter.report.words import describe


def render(results: Sequence[FileResult], out: TextIO) -> None:
    """Write a JUnit XML report."""
    findings = sum(len(r.findings) for r in results)
    errors = sum(r.status == "error" for r in results)
    suites = ET.Element("testsuites", name="disclosure-lint", tests=str(len(results)),
                        failures=str(findings), errors=str(errors))
    suite = ET.SubElement(suites, "testsuite", name="disclosure-lint", tests=str(len(results)),
                          failures=str(findings), errors=str(errors))
    for result in results:
        case = ET.SubElement(suite, "testcase", classname="disclosure-lint", name=result.path)
        if result.status == "error":
            ET.SubElement(case, "error", message=result.error or "", type="extract/error")
        for f in result.findings:
            failure = ET.SubElement(case, "failure", message=f.message, type=f.check)
            failure.text = f"{f.severity} {f.check} {describe(f.location)}: {f.message} {f.match}".strip()
    out.write(ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n")
