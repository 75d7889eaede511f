"""The result cache and the masking pass: what they cost and what they save, on the batch corpus.

    python bench/cache_bench.py [--files 1000] [--runs 3]

Uses the drafts of bench/batch_bench.py (generated under bench/out/batch/N/ if missing).
Prints, in one run, the CLI's wall time (median of --runs) for: no cache; a cold cache
(every file checked and stored); a warm cache (every file looked up); a warm cache
after one file in ten changed. In process, the masking pass's share of the checks:
each file checked with masking on and with --no-mask (best of --runs each).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from batch_bench import make_corpus, run_cli  # noqa: E402

from linter.config import Config  # noqa: E402
from linter.engine import prepare, run_checks  # noqa: E402
from linter.extract import extract  # noqa: E402


def cli_runs(files: list[Path], runs: int, jobs: int) -> None:
    folder = str(files[0].parent)
    base = ["--jobs", str(jobs), folder]

    def median(prepare_cache, extra: list[str]) -> tuple[float, float]:
        walls, peaks = [], []
        for _ in range(runs):
            prepare_cache()
            wall, peak = run_cli([*base, *extra])
            walls.append(wall)
            peaks.append(peak)
        return statistics.median(walls), max(peaks)

    cache = Path(tempfile.mkdtemp(prefix="dl-cache-bench-"))
    # One file in ten changed since the cache was filled (a line added to a text, bytes
    # appended to a PDF, which readers ignore): each is a miss, the rest are hits.
    touched = [f for f in files if f.suffix in (".txt", ".pdf")][::5]
    originals = {p: p.read_bytes() for p in touched}

    def restore() -> None:
        for path, data in originals.items():
            path.write_bytes(data)

    def fill_then_change() -> None:
        restore()
        run_cli([*base, "--cache-dir", str(cache)])
        for path, data in originals.items():
            path.write_bytes(data + b"\n")

    try:
        none = median(lambda: None, [])
        cold = median(lambda: shutil.rmtree(cache, ignore_errors=True), ["--cache-dir", str(cache)])
        warm = median(restore, ["--cache-dir", str(cache)])
        some = median(fill_then_change, ["--cache-dir", str(cache)])
    finally:
        restore()
        shutil.rmtree(cache, ignore_errors=True)
    entries = len(files)
    print(f"  --jobs {jobs}: no cache {none[0]:.2f} s ({none[1]:.0f} MB) · cold cache {cold[0]:.2f} s "
          f"({cold[0] / none[0]:.2f}x) · warm {warm[0]:.2f} s ({none[0] / warm[0]:.1f}x faster, "
          f"{entries / warm[0]:.0f} files/s) · warm with {len(touched)} files changed {some[0]:.2f} s")


def masking_share(files: list[Path], runs: int) -> None:
    documents = [extract(str(f)) for f in files]
    masked, plain = Config(), Config(mask=False)
    prepare(masked)

    def best(config: Config) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for document in documents:
                run_checks(document, config)
            times.append(time.perf_counter() - start)
        return min(times)

    on, off = best(masked), best(plain)
    print(f"  checks on {len(files)} files, in process: masked {on:.2f} s, --no-mask {off:.2f} s "
          f"(masking pass {max(on - off, 0) / on:.0%} of the checks)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = make_corpus(args.files)
    megabytes = sum(f.stat().st_size for f in files) / 2**20
    print(f"{len(files)} drafts, {megabytes:.1f} MB")
    for jobs in (1, 2):
        cli_runs(files, args.runs, jobs)
    masking_share(files, args.runs)


if __name__ == "__main__":
    main()
