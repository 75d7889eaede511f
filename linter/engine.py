"""Running the pipeline: discover → extract → checks → decide, file by file.

`lint_file` is the unit of work: it never raises, whatever the file holds, so
one bad input can never stop a batch. Its result is plain picklable data, so
it can run in a worker process.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.check import Check, CheckContext
from linter.config import Config
from linter.decide import Suppressed, decide, is_selected, reading_order
from linter.extract import ExtractError, extract_bytes, read_input
from linter.extract.sniff import EXTENSIONS
from linter.masking import digest, mask
from linter.model import Document, Finding, Location
from linter.privacy import Redactor, Source, mask_digit_runs
from linter.registry import load_checks

if TYPE_CHECKING:
    from linter.cache import ResultCache


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


@dataclass(frozen=True)
class Checked:
    """What checking a file's bytes gave, before anything that depends on its path.

    This is what the result cache stores: findings already masked, not yet
    decided (per-file ignores, baseline and inline ignores come after), with
    the document's inline ignore comments by line.
    """

    format: str | None
    status: str
    error: str | None
    pages: int | None
    chars: int
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...]
    inline: dict[int, tuple[str, ...]]


@lru_cache(maxsize=8)
def _active_checks(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Check, ...]:
    # Built once per process: checks may hold compiled patterns or automata.
    config = Config(select=select, ignore=ignore)
    return tuple(cls() for cid, cls in load_checks().items() if is_selected(cid, config))


@lru_cache(maxsize=8)
def _unselected_personal_checks(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Check, ...]:
    # Run only to learn what to mask: a context shows personal data whichever check is on.
    config = Config(select=select, ignore=ignore)
    return tuple(cls() for cid, cls in load_checks().items() if cls.personal and not is_selected(cid, config))


def lint_file(path: str, config: Config, shown_as: str | None = None, cache: ResultCache | None = None) -> FileResult:
    """Read, extract and check one file; errors become the file's status and findings.

    `shown_as` is the path reported (standard input is read from a temporary copy).
    With a cache, the file's bytes are read once, looked up, and checked only on a miss.
    """
    try:
        data = read_input(path, config.max_file_size)
    except ExtractError as exc:
        return failed_result(path, config, shown_as or path, str(exc))
    return lint_data(path, data, config, shown_as, cache)


def lint_data(path: str, data: bytes, config: Config, shown_as: str | None = None,
              cache: ResultCache | None = None) -> FileResult:
    """Check a file's bytes (`path` names it: its extension says what it claims to be)."""
    shown = shown_as or path
    try:
        key = cache.key(path, data) if cache is not None else ""
        checked = cache.load(key) if cache is not None else None
        if checked is None:
            checked = run_checks(extract_bytes(path, data, config.libreoffice), config)
            if cache is not None:
                cache.store(key, checked)
    except ExtractError as exc:
        return failed_result(path, config, shown, str(exc))
    except Exception as exc:  # an extractor bug must not end the batch or pass the file
        return failed_result(path, config, shown, internal_error(exc))
    return decided(checked, config, shown)


def internal_error(exc: Exception) -> str:
    """The one-line message for an unexpected exception while reading a file."""
    return f"读取时出现内部错误 (internal error: {type(exc).__name__}: {exc})"


def failed_result(path: str, config: Config, shown: str, message: str) -> FileResult:
    """The result for a file that could not be read: an error status and an extract/error finding.

    The message may quote what a parser choked on: long numbers in it are masked.
    """
    message = mask_digit_runs(message) if config.mask else message
    return check_document(Document(path=path, format=_format_of(path), error=message), config, shown)


def context_of(config: Config) -> CheckContext:
    """What the checks may know of the run's configuration (and that `_masked` masks their findings again)."""
    return CheckContext(mask=config.mask, profile=config.profile, profiles=config.profiles,
                        wordlists=config.wordlists, typos=config.typos, allow=config.allow,
                        allow_patterns=config.allow_patterns,
                        builtin_exemptions=config.builtin_exemptions, masked_later=True)


def prepare(config: Config) -> None:
    """Build the selected checks and let them load their models (before a pool forks).

    A failed file is then checked once, here: the parent checks the files its workers
    could not, and it must import nothing while a pool runs. A worker replacing one that
    died is forked from a pool thread; a module the main thread was importing at that
    moment stays locked in the new worker, which hangs on it.
    """
    context = context_of(config)
    for check in _active_checks(config.select, config.ignore):
        check.prepare(context)
    failed_result("", config, "", "")


def check_document(document: Document, config: Config, shown: str) -> FileResult:
    """Run the selected checks on an extracted (or failed) document and decide its findings."""
    return decided(run_checks(document, config), config, shown)


def run_checks(document: Document, config: Config) -> Checked:
    """The selected checks' findings on a document, masked: everything that does not depend on its path."""
    return _checked(document, config)[0]


def located(document: Document, config: Config, shown: str) -> list[tuple[Finding, Source | None]]:
    """The decided findings of a document, each with where its match is in its segment.

    For tools that edit the file (annotate, redact): the finding is masked as reported,
    the source keeps the unmasked offsets, and neither is ever printed together.
    """
    checked, raw = _checked(document, config)
    sources: dict[tuple, list[Source | None]] = {}
    for shown_finding, finding in zip(checked.findings, raw, strict=True):
        sources.setdefault(_pairing(shown_finding), []).append(finding.source)
    return [(f, sources[_pairing(f)].pop(0)) for f in decided(checked, config, shown).findings]


def _checked(document: Document, config: Config) -> tuple[Checked, list[Finding]]:
    """The masked result, and the checks' own findings in the same order (with their sources)."""
    context = context_of(config)
    raw, crash = _run_checks(document, context, _active_checks(config.select, config.ignore))
    findings = list(_masked(document, raw, config, context))
    # The file's error is the crash finding's message, masked with it: an exception may quote the text.
    error = document.error or (findings[crash].message if crash is not None else None)
    inline, notes = unknown_ids(inline_ignores(document), config.mask)
    checked = Checked(format=document.format, status="error" if error else "ok", error=error,
                      pages=document.pages, chars=document.chars, warnings=document.warnings + notes,
                      findings=tuple(findings), inline=inline)
    return checked, raw


def _pairing(finding: Finding) -> tuple:
    # Findings alike in all these are the same text at the same place: either source will do.
    return finding.check, finding.location, finding.message, finding.digest


def decided(checked: Checked, config: Config, shown: str) -> FileResult:
    """Apply what depends on the path (per-file ignores, baseline, inline ignores) to a file's findings."""
    kept, suppressed = decide(reading_order(checked.findings), config, shown, checked.inline)
    return FileResult(
        path=shown, format=checked.format, status=checked.status, error=checked.error,
        pages=checked.pages, chars=checked.chars, warnings=checked.warnings,
        findings=tuple(kept), suppressed=tuple(suppressed),
    )


def _masked(document: Document, findings: list[Finding], config: Config, context: CheckContext) -> Iterable[Finding]:
    """Each finding with every personal datum of the document masked in its texts.

    Also sets what needs the unmasked or masked match once, here: whether an `allow`
    term accepts it, and its digest, taken from the masked match whatever --no-mask says.
    """
    if not findings:
        return  # nothing to mask: the document's personal strings are not gathered
    personal = [f for f in findings if f.source is not None and f.source.masked is not None]
    if config.mask:
        extra, _ = _run_checks(document, context, _unselected_personal_checks(config.select, config.ignore))
        personal += [f for f in extra if f.source is not None and f.source.masked is not None]
    redactor = Redactor(document, personal)
    for finding in findings:
        masked = redactor.masked(finding)  # match, context, message, location
        allowed = finding.allowed_by or ("allow" if finding.source is None and finding.match in config.allow
                                          else None)
        shown = masked if config.mask else (finding.match, finding.context, finding.message, finding.location)
        yield finding.shown(*shown, digest(f"{finding.check}|{masked[0]}"), allowed)


_INLINE = re.compile(r"<!--\s*disclosure-lint:\s*ignore\b([^>]*?)-->")


def inline_ignores(document: Document) -> dict[int, tuple[str, ...]]:
    """Lines of a .md/.txt holding `<!-- disclosure-lint: ignore ID… -->`: line -> ids (none: all)."""
    if document.format not in ("md", "txt") or "disclosure-lint" not in document.joined[0]:
        return {}
    found = {}
    for segment in document.segments:
        m = _INLINE.search(segment.text) if "disclosure-lint" in segment.text else None
        if m and segment.location.line is not None:
            found[segment.location.line] = tuple(i for i in re.split(r"[\s,]+", m.group(1)) if i)
    return found


UNKNOWN = "?"  # what an unknown id in an inline ignore is kept as: it matches no check, and is no value


@lru_cache(maxsize=1)
def _known_ids() -> frozenset[str]:
    known = set(load_checks())
    return frozenset(known | {cid.split("/", 1)[0] for cid in known})


Inline = dict[int, tuple[str, ...]]  # line of an ignore comment -> the ids it names (none: all)


def unknown_ids(inline: Inline, masked: bool = True) -> tuple[Inline, tuple[str, ...]]:
    """The inline ignores with unknown ids replaced by UNKNOWN, and a note for each such id.

    A typo ignores nothing, and says so. What was typed may be anything (a number, a
    name): the cache stores only the replaced form, and the note shows it masked.
    """
    known, notes, kept = _known_ids(), [], {}
    for line, ids in sorted(inline.items()):
        kept[line] = tuple(cid if cid.rstrip("/") in known else UNKNOWN for cid in ids)
        for cid in (c for c in ids if c.rstrip("/") not in known):
            near = difflib.get_close_matches(cid, sorted(known), n=2, cutoff=0.6)
            hint = f"，相近的有：{'、'.join(near)}" if near else ""
            shown = (mask_digit_runs(cid) if cid.isascii() else mask(cid)) if masked else cid
            notes.append(f"第{line}行的忽略注释含未知的检查 id：{shown}（它不会忽略任何问题{hint}）")
    return kept, tuple(notes)


def _run_checks(document: Document, context: CheckContext,
                checks: Iterable[Check]) -> tuple[list[Finding], int | None]:
    """Every finding of `checks`, and the index of the last crash among them (None: no check crashed)."""
    findings: list[Finding] = []
    crash = None
    for check in checks:
        try:
            findings.extend(check.run(document, context))
        except Exception as exc:  # reported against this file and check; the batch goes on
            crash = len(findings)
            findings.append(Finding(check=check.id, severity="error", location=Location(),
                                    message=f"检查 {check.id} 运行出错 ({type(exc).__name__}: {exc})"))
    return findings, crash


def _format_of(path: str) -> str | None:
    """The format the extension claims, for files that could not be read."""
    ext = os.path.splitext(path)[1].lower()
    return EXTENSIONS.get(ext, ext.lstrip(".") or None)
