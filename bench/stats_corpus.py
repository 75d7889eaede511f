"""Recall and false alarms of the stats/ checks on generated annual reports, every defect, every format.

    python bench/accuracy.py stats [--seeds 40]

Each seed draws consistent statistics (tests/annual.py); each defect kind is planted in
turn (including none) and the report is written in every format the writers know (Word
with the template's merged cells, Markdown, tab-separated text, HTML), then linted
through the whole pipeline. A run is a hit when exactly the expected findings come out;
a planted defect with none of its findings is a miss, any finding a defect does not
explain is a false alarm.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from annual import DEFECTS, EXPECTED, WRITERS
from annual import report as drawn

from linter.config import Config
from linter.engine import lint_file

SELECT = ("stats", "fields/report-year")


def evaluate(seeds: int) -> dict[tuple[str, str], Counter]:
    """(format, defect) -> counts of exact, missed, false alarm and runs."""
    config = Config(select=SELECT)
    results: dict[tuple[str, str], Counter] = {}
    with tempfile.TemporaryDirectory() as work:
        for seed in range(seeds):
            for defect in DEFECTS:
                for fmt, write in WRITERS.items():
                    path = write(drawn(1000 + seed, defect), Path(work) / f"r.{fmt}")
                    fired = Counter(f.check for f in lint_file(str(path), config).findings)
                    expected = Counter(EXPECTED[defect])
                    tally = results.setdefault((fmt, defect), Counter())
                    tally["runs"] += 1
                    tally["exact"] += fired == expected
                    tally["missed"] += bool(expected) and not (fired & expected)
                    tally["false alarms"] += sum((fired - expected).values())
    return results


def report(seeds: int) -> None:
    """Print recall and false alarms by defect and by format."""
    results = evaluate(seeds)
    runs = sum(t["runs"] for t in results.values())
    planted = sum(t["runs"] for (_, d), t in results.items() if d != "none")
    missed = sum(t["missed"] for t in results.values())
    alarms = sum(t["false alarms"] for t in results.values())
    clean = sum(t["false alarms"] for (_, d), t in results.items() if d == "none")
    print(f"stats: {runs} generated reports ({seeds} seeds x {len(DEFECTS)} defect kinds x {len(WRITERS)} formats)")
    print(f"  recall: {planted - missed}/{planted} planted defects found = {(planted - missed) / planted:.1%}")
    print(f"  exact findings: {sum(t['exact'] for t in results.values())}/{runs}")
    print(f"  false alarms: {alarms} in all, {clean} on the consistent reports")
    for defect in DEFECTS:
        row = "  ".join(f"{fmt} {results[(fmt, defect)]['exact']}/{results[(fmt, defect)]['runs']}"
                        for fmt in WRITERS)
        print(f"    {defect:<13} exact: {row}")
