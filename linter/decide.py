"""The decision layer: which checks run, which findings count, and the exit code.

Checks only detect. Everything that turns detections into a verdict happens
here, in this order: select/ignore, severity overrides, allowlist, `--fail-on`.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass

from linter.config import Config, ConfigError
from linter.masking import digest
from linter.model import SEVERITY_RANK, Finding, evolve
from linter.registry import FAMILIES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNCHECKED, EXIT_INTERRUPTED = 0, 1, 2, 130


def matches(selector: str, check_id: str) -> bool:
    """True when `selector` (an id, or a family such as `pii` / `pii/`) names `check_id`."""
    selector = selector.rstrip("/")
    return check_id == selector or check_id.startswith(selector + "/")


def validate_selectors(config: Config, known_ids: Iterable[str]) -> None:
    """Raise ConfigError for a select/ignore/severity entry naming no check or family."""
    known = set(known_ids)
    families = set(FAMILIES) | {i.split("/", 1)[0] for i in known}
    per_file = tuple(i for ids in config.per_file_ignores.values() for i in ids)
    for key, entries in (("select", config.select), ("ignore", config.ignore),
                         ("severity", tuple(config.severity)), ("per-file-ignores", per_file)):
        for entry in entries:
            name = entry.rstrip("/")
            if name not in known and name not in families:
                near = difflib.get_close_matches(name, sorted(known | families), n=3, cutoff=0.6)
                hint = f"相近的有：{'、'.join(near)}；" if near else ""
                raise ConfigError(f"{key} 中的检查 id 未知：{entry}（{hint}用 disclosure-lint checks 查看全部）")


def is_selected(check_id: str, config: Config) -> bool:
    """Whether a check runs at all under select/ignore."""
    chosen = not config.select or any(matches(s, check_id) for s in config.select)
    return chosen and not any(matches(s, check_id) for s in config.ignore)


def override_severity(finding: Finding, config: Config) -> Finding:
    """Apply the configured severity for the finding's check, if any."""
    wanted = config.severity.get(finding.check)
    return evolve(finding, severity=wanted) if wanted else finding


@dataclass(frozen=True)
class Suppressed:
    """A finding the configuration accepted, and why (shown with --show-suppressed)."""

    finding: Finding
    reason: str


def decide(findings: Iterable[Finding], config: Config, path: str = "",
           inline: dict[int, tuple[str, ...]] | None = None) -> tuple[list[Finding], list[Suppressed]]:
    """Split findings into those reported and those suppressed, each given its fingerprint (and `path`, if any).

    The rules apply in this order: select/ignore, per-file ignores, severity, allow
    terms and patterns, inline comments, baseline.
    """
    ignored_here = per_file_ignores(config, path)
    kept, suppressed = [], []
    findings = list(findings)
    # Asked once per check: a roster's thousands of findings come from a few checks.
    chosen = {check: is_selected(check, config) for check in {f.check for f in findings}}
    selected = [f for f in findings if chosen[f.check]]
    if config.severity:
        selected = [override_severity(f, config) for f in selected]
    inline = inline or {}
    for finding, fingerprint in zip(selected, fingerprints(selected, path), strict=True):
        finding = finding.placed(path or finding.path, fingerprint)
        reason = _suppression(finding, fingerprint, config, ignored_here, inline)
        if reason:
            suppressed.append(Suppressed(finding, reason))
        else:
            kept.append(finding)
    return kept, suppressed


def _suppression(finding: Finding, fingerprint: str, config: Config, ignored_here: tuple[str, ...],
                 inline: dict[int, tuple[str, ...]]) -> str | None:
    if ignored_here and any(matches(s, finding.check) for s in ignored_here):  # mostly none: no generator
        return "per-file-ignores"
    if finding.allowed_by:
        return finding.allowed_by
    line = finding.location.line
    if line is not None and line - 1 in inline:
        ids = inline[line - 1]
        if not ids or any(matches(s, finding.check) for s in ids):
            return "行内忽略注释"
    if fingerprint in config.baseline:
        return "baseline"
    return None


def per_file_ignores(config: Config, path: str) -> tuple[str, ...]:
    """Check ids ignored for `path` by the `per-file-ignores` globs.

    A glob is matched against the path as given and against the path from the
    configuration file's folder (or the working folder), so `check 名单.md` inside
    公示/ is ignored as `check 公示/名单.md` is.
    """
    if not config.per_file_ignores:
        return ()
    forms = {path.replace("\\", "/")}
    base = os.path.dirname(os.path.abspath(config.source)) if config.source else os.getcwd()
    relative = os.path.relpath(os.path.abspath(path), base).replace("\\", "/")
    if not relative.startswith("../"):
        forms.add(relative)
    return tuple(i for glob, ids in config.per_file_ignores.items()
                 if any(fnmatch.fnmatch(f, glob) or fnmatch.fnmatch(f, "*/" + glob) for f in forms) for i in ids)


def fingerprints(findings: Iterable[Finding], path: str) -> list[str]:
    """Stable fingerprints: check, the masked match's digest, path, and occurrence number.

    Nothing in them goes beyond what the report itself shows, so a fingerprint
    beside a masked match gives no hidden digit back (README, "Baselines").
    """
    seen: dict[tuple[str, str], int] = {}  # a plain dict: Counter counts a new key through a Python method
    prints = []
    for f in findings:
        key = (f.check, f.digest)
        seen[key] = occurrence = seen.get(key, 0) + 1
        prints.append(digest(f"{f.check}|{f.digest}|{path}|{occurrence}"))
    return prints


# Where a part stands in a reader's pass through the file: inline text first, then
# notes and comments, then the page furniture and the file's properties.
_PART_RANK = {"footnote": 1, "comment": 2, "header": 3, "footer": 4, "annotation": 5, "metadata": 6}


def reading_order(findings: Iterable[Finding]) -> list[Finding]:
    """Sort findings as a reviewer reads the file (stable: ties keep the checks' order)."""
    def key(finding: Finding) -> tuple[int, ...]:
        loc = finding.location
        return (loc.part == "metadata", loc.page or 0, _PART_RANK.get(loc.part, 0), loc.paragraph or 0, loc.line or 0,
                loc.row or 0, loc.col or 0, loc.column or 0)
    return sorted(findings, key=key)


def exit_code(findings: Iterable[Finding], unchecked_files: int, fail_on: str) -> int:
    """0 clean, 1 findings at or above `fail_on`, 2 when any input went unchecked."""
    if unchecked_files:
        return EXIT_UNCHECKED
    threshold = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    return EXIT_FINDINGS if hit else EXIT_CLEAN
