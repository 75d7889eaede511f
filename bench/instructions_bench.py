"""The whole check and the alternative's extraction alone, counted in CPU instructions, not seconds.

    python bench/instructions_bench.py [--files 5]     (needs valgrind; run whole_bench.py once first)

Wall times on a shared machine move by a third from one run to the next, more than most
changes a session makes; valgrind's callgrind counts the instructions a process executes,
the same from run to run. For the .docx reports and rosters (both sizes) of whole_bench.py, and the two
.xlsx rosters of formats_bench.py (10,000 rows, made here), this counts a child process
that reads the files once and then `reps` times more, for reps 0 and 2: the difference is
the cost of reading them, start-up left out. Prints millions of instructions per file for
our whole check (or .xlsx extraction) and for python-docx's walk (openpyxl read-only), and
the ratio. Several minutes: valgrind runs Python about fifty times slower.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from results import save  # noqa: E402

CHILD = """
import sys
sys.path[:0] = [{root!r}, {bench!r}, {tests!r}]
paths, reps, who = {paths!r}, int(sys.argv[1]), {who!r}
if who == "ours-lint":
    from linter.config import Config
    from linter.engine import lint_file, prepare
    config = Config(); prepare(config)
    run = lambda p: lint_file(p, config)
elif who == "ours-extract":
    from linter.extract import extract
    run = extract
elif who == "python-docx":
    from extract_bench import python_docx_text as run
else:
    import openpyxl
    def run(p):
        book = openpyxl.load_workbook(p, read_only=True, data_only=True)
        [v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row]
        book.close()
for p in paths: run(p)
for _ in range(reps):
    for p in paths: run(p)
"""


def count(paths: list[Path], who: str) -> float:
    """Millions of instructions to read each file once more, start-up and first reading left out."""
    code = CHILD.format(root=str(ROOT), bench=str(HERE), tests=str(ROOT / "tests"),
                        paths=[str(p) for p in paths], who=who)
    totals = []
    # One hash seed for every run: sets and dicts of strings then grow and probe alike, and
    # a count moves by no more than the code does (it moved 3% from run to run without).
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for reps in (0, 2):
        done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                               "-c", code, str(reps)], capture_output=True, text=True, check=True, env=env)
        totals.append(int(re.search(r"Collected : (\d+)", done.stderr).group(1)))
    return (totals[1] - totals[0]) / 2 / len(paths) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5)
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not on PATH (apt-get install valgrind)")
    whole = HERE / "out" / "whole"
    cases = [(kind, sorted(whole.glob(f"{kind}*.docx"))[:args.files], "ours-lint", "python-docx")
             for kind in ("report", "list", "roster")]  # list: the 9-people rosters
    if not all(paths for _, paths, _, _ in cases):
        sys.exit("run bench/whole_bench.py first: it writes the .docx corpus under bench/out/whole/")
    import formats_bench

    formats_bench.OUT.mkdir(exist_ok=True)
    cases += [(f".xlsx {name}", [make(10_000)], "ours-extract", "openpyxl")
              for name, make in (("Excel-shaped", formats_bench.make_xlsx_shared),
                                 ("openpyxl-shaped", formats_bench.make_xlsx_inline))]
    rows = []
    for label, paths, ours, theirs in cases:
        mine, other = count(paths, ours), count(paths, theirs)
        print(f"{label:<24} ours {mine:9.1f} M instructions a file  {theirs} {other:9.1f} M"
              f"  ratio {other / mine:4.2f}x")
        rows.append({"case": label, "ours_minstr": mine, "alternative": theirs, "alternative_minstr": other,
                     "ratio": other / mine})
    print(f"saved to {save('instructions', {'rows': rows})}")


if __name__ == "__main__":
    main()
