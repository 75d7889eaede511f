"""The decision layer: which checks run, which findings count, and the exit code.

Checks only detect. Everything that turns detections into a verdict happens
here, in this order: select/ignore, severity overrides, allowlist, `--fail-on`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from linter.config import Config, ConfigError
from linter.masking import digest
from linter.model import SEVERITY_RANK, Finding
from linter.registry import FAMILIES

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNCHECKED = 0, 1, 2


def matches(selector: str, check_id: str) -> bool:
    """True when `selector` (an id, or a family such as `pii` / `pii/`) names `check_id`."""
    selector = selector.rstrip("/")
    return check_id == selector or check_id.startswith(selector + "/")


def validate_selectors(config: Config, known_ids: Iterable[str]) -> None:
    """Raise ConfigError for a select/ignore/severity entry naming no check or family."""
    known = set(known_ids)
    families = set(FAMILIES) | {i.split("/", 1)[0] for i in known}
    for key, entries in (("select", config.select), ("ignore", config.ignore),
                         ("severity", tuple(config.severity))):
        for entry in entries:
            name = entry.rstrip("/")
            if name not in known and name not in families:
                raise ConfigError(f"{key} 中的检查 id 未知：{entry}（用 disclosure-lint checks 查看全部）")


def is_selected(check_id: str, config: Config) -> bool:
    """Whether a check runs at all under select/ignore."""
    chosen = not config.select or any(matches(s, check_id) for s in config.select)
    return chosen and not any(matches(s, check_id) for s in config.ignore)


def override_severity(finding: Finding, config: Config) -> Finding:
    """Apply the configured severity for the finding's check, if any."""
    wanted = config.severity.get(finding.check)
    return replace(finding, severity=wanted) if wanted else finding


def allowed_digests(config: Config) -> frozenset[str]:
    """Fingerprints of the `allow` terms, compared with each finding's unmasked match."""
    return frozenset(digest(term) for term in config.allow)


def decide(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """Return the findings that survive the configuration, in their original order."""
    allowed = allowed_digests(config)
    kept = (f for f in findings if is_selected(f.check, config))
    kept = (override_severity(f, config) for f in kept)
    return [f for f in kept if f.digest not in allowed or not f.match]


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
