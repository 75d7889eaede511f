"""--format jsonl: one JSON object per finding, one per line, written as each file finishes.

Lines of `"type": "finding"` carry the same keys as the JSON report's findings; a file
that could not be read gives a `"type": "file-error"` line; the last line is the summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from linter.engine import FileResult
from linter.report import summary
from linter.report.jsontext import ENCODER, finding_text


def stream(results: Iterable[FileResult], out: TextIO) -> list[FileResult]:
    """Write each file's lines as soon as it is done; return every result."""
    done = []
    for result in results:
        if result.status == "error":
            _line(out, {"type": "file-error", "path": result.path, "error": result.error})
        out.writelines(f'{{"type": "finding", {finding_text(finding)[1:]}\n' for finding in result.findings)
        out.flush()
        done.append(result)
    _line(out, {"type": "summary", **summary(done)})
    return done


def _line(out: TextIO, data: dict) -> None:
    out.write(ENCODER.encode(data) + "\n")
