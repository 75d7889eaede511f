"""Where each benchmark leaves its figures for the summary page (bench/summary.py).

Each script saves one JSON file under bench/out/results/, named after it, holding the
run's date, the machine and its figures; running it again replaces them.
"""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "out" / "results"


def save(name: str, figures: dict) -> Path:
    """Keep a benchmark's figures (plain JSON values) as bench/out/results/NAME.json."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    record = {"bench": name, "when": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(), **figures}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load() -> dict[str, dict]:
    """Every saved benchmark's figures, by name."""
    if not RESULTS.is_dir():
        return {}
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(RESULTS.glob("*.json"))}


def machine() -> str:
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
