"""Baselines: accepting today's findings so that only new ones are reported.

The file holds fingerprints (check id, the masked match, path and occurrence
number, hashed), never the matched text itself. Nothing in a fingerprint goes
beyond what the default report shows, so it gives no hidden digit back. Version 1
files hashed the unmasked match, which a brute force over the hidden digits
recovers: they are refused with a request to write the baseline again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from linter.config import ConfigError
from linter.engine import FileResult
from linter.output import atomic_text

SCHEMA_VERSION = 2


def read_baseline(path: str | None) -> frozenset[str] | None:
    """The fingerprints of a baseline file (None when no file is given)."""
    if path is None:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        version = data.get("schema_version")
        fingerprints = frozenset(entry["fingerprint"] for entry in data["findings"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"无法读取基线文件 {path}：{exc}") from None
    if version != SCHEMA_VERSION:
        raise ConfigError(f"基线文件 {path} 是旧版本（版本 {version}）：其指纹由未遮盖的内容算出，可被还原；"
                          "请删除后用 --write-baseline 重新生成")
    return fingerprints


def write_baseline_file(path: str, results: Sequence[FileResult]) -> None:
    """Record every finding of this run (reported or already accepted) as a fingerprint."""
    entries = []
    for result in results:
        every = [*result.findings, *(s.finding for s in result.suppressed if s.reason == "baseline")]
        entries += [{"fingerprint": f.fingerprint, "check": f.check, "path": result.path} for f in every]
    with atomic_text(path) as out:
        out.write(json.dumps({"schema_version": SCHEMA_VERSION, "findings": entries}, ensure_ascii=False, indent=1))
        out.write("\n")
