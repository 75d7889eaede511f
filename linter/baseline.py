"""Baselines: accepting today's findings so that only new ones are reported.

The file holds fingerprints (check id, a digest of the unmasked match, path and
occurrence number), never the matched text itself: no personal data is kept.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from linter.config import ConfigError
from linter.engine import FileResult

SCHEMA_VERSION = 1


def read_baseline(path: str | None) -> frozenset[str] | None:
    """The fingerprints of a baseline file (None when no file is given)."""
    if path is None:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return frozenset(entry["fingerprint"] for entry in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"无法读取基线文件 {path}：{exc}") from None


def write_baseline_file(path: str, results: Sequence[FileResult]) -> None:
    """Record every finding of this run (reported or already accepted) as a fingerprint."""
    entries = []
    for result in results:
        every = [*result.findings, *(s.finding for s in result.suppressed if s.reason == "baseline")]
        entries += [{"fingerprint": f.fingerprint, "check": f.check, "path": result.path} for f in every]
    Path(path).write_text(json.dumps({"schema_version": SCHEMA_VERSION, "findings": entries},
                                     ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
