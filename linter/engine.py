"""Running the pipeline: discover → extract → checks → decide, file by file.

`lint_file` is the unit of work: it never raises, whatever the file holds, so
one bad input can never stop a batch. Its result is plain picklable data, so
it can run in a worker process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from linter.check import Check, CheckContext
from linter.config import Config
from linter.decide import Suppressed, decide, is_selected, reading_order
from linter.extract import ExtractError, extract
from linter.extract.sniff import EXTENSIONS
from linter.model import Document, Finding, Location
from linter.registry import load_checks


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: its status and its (decided) findings."""

    path: str
    format: str | None
    status: str  # "ok" | "error"
    error: str | None
    pages: int | None
    chars: int
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...] = ()


@lru_cache(maxsize=8)
def _active_checks(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Check, ...]:
    # Built once per process: checks may hold compiled patterns or automata.
    config = Config(select=select, ignore=ignore)
    return tuple(cls() for cid, cls in load_checks().items() if is_selected(cid, config))


def lint_file(path: str, config: Config, shown_as: str | None = None) -> FileResult:
    """Extract and check one file; errors become the file's status and findings.

    `shown_as` is the path reported (standard input is read from a temporary copy).
    """
    try:
        document = extract(path, config.max_file_size)
    except ExtractError as exc:
        return failed_result(path, config, shown_as or path, str(exc))
    except Exception as exc:  # an extractor bug must not end the batch or pass the file
        return failed_result(path, config, shown_as or path, internal_error(exc))
    return check_document(document, config, shown_as or path)


def internal_error(exc: Exception) -> str:
    """The one-line message for an unexpected exception while reading a file."""
    return f"读取时出现内部错误 (internal error: {type(exc).__name__}: {exc})"


def failed_result(path: str, config: Config, shown: str, message: str) -> FileResult:
    """The result for a file that could not be read: an error status and an extract/error finding."""
    return check_document(Document(path=path, format=_format_of(path), error=message), config, shown)


def context_of(config: Config) -> CheckContext:
    """What the checks may know of the run's configuration."""
    return CheckContext(mask=config.mask, profile=config.profile, profiles=config.profiles,
                        wordlists=config.wordlists, allow=config.allow, allow_patterns=config.allow_patterns,
                        builtin_exemptions=config.builtin_exemptions)


def prepare(config: Config) -> None:
    """Build the selected checks and let them load their models (before a pool forks)."""
    context = context_of(config)
    for check in _active_checks(config.select, config.ignore):
        check.prepare(context)


def check_document(document: Document, config: Config, shown: str) -> FileResult:
    """Run the selected checks on an extracted (or failed) document and decide its findings."""
    context = context_of(config)
    findings, crashed = _run_checks(document, context, _active_checks(config.select, config.ignore))
    error = document.error or crashed
    findings = reading_order(replace(f, path=shown) for f in findings)
    kept, suppressed = decide(findings, config, shown, inline_ignores(document))
    return FileResult(
        path=shown, format=document.format, status="error" if error else "ok", error=error,
        pages=document.pages, chars=document.chars, warnings=document.warnings,
        findings=tuple(kept), suppressed=tuple(suppressed),
    )


_INLINE = re.compile(r"<!--\s*disclosure-lint:\s*ignore\b([^>]*?)-->")


def inline_ignores(document: Document) -> dict[int, tuple[str, ...]]:
    """Lines of a .md/.txt holding `<!-- disclosure-lint: ignore ID… -->`: line -> ids (none: all)."""
    if document.format not in ("md", "txt"):
        return {}
    found = {}
    for segment in document.segments:
        m = _INLINE.search(segment.text) if "disclosure-lint" in segment.text else None
        if m and segment.location.line is not None:
            found[segment.location.line] = tuple(i for i in re.split(r"[\s,]+", m.group(1)) if i)
    return found


def _run_checks(document: Document, context: CheckContext, checks: Iterable[Check]):
    findings: list[Finding] = []
    crashed = None
    for check in checks:
        try:
            findings.extend(check.run(document, context))
        except Exception as exc:  # reported against this file and check; the batch goes on
            crashed = f"检查 {check.id} 运行出错 ({type(exc).__name__}: {exc})"
            findings.append(Finding(check=check.id, severity="error", message=crashed,
                                    location=Location()))
    return findings, crashed


def _format_of(path: str) -> str | None:
    """The format the extension claims, for files that could not be read."""
    ext = os.path.splitext(path)[1].lower()
    return EXTENSIONS.get(ext, ext.lstrip(".") or None)
