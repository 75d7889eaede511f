"""--format github: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from linter.engine import FileResult
from linter.report.words import describe

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], out: TextIO) -> None:
    """Write `::error file=…,line=…,title=…::message` lines."""
    for result in results:
        if result.status == "error":
            out.write(f"::error file={_property(result.path)},title=disclosure-lint::{_data(result.error or '')}\n")
        for f in result.findings:
            where = [f"file={_property(f.path)}"]
            if f.location.line is not None:
                where.append(f"line={f.location.line}")
                if f.location.column is not None:
                    where.append(f"col={f.location.column}")
            where.append(f"title={_property(f.check)}")
            text = f"{f.message}（{describe(f.location)}）" + (f" {f.match}" if f.match else "")
            out.write(f"::{_LEVEL[f.severity]} {','.join(where)}::{_data(text)}\n")
