"""A batch of 1,000 mixed drafts: files/s and MB/s with 1 and 2 workers and on a local Dask cluster.

    python bench/batch_bench.py [--files 1000]

Generates under bench/out/batch/N/ .docx (a report of ~10 pages), .pdf (3–8 pages,
some with a ruled table) and .txt drafts (GBK or UTF-8) with personal data in some.
Prints, in one run: the CLI's wall time, files/s, MB/s and peak RSS of the whole
process tree for --jobs 1, --jobs 2, two --jobs 1 processes on half the files
each (what splitting the batch by hand gives) and --executor dask (the median of --runs
runs each, run in turn, so a slow moment of the machine hits every setting);
and, in process, the time per PDF page and per MB of text split into extraction
and checks (each file's best of --runs, so a slow moment does not tilt the split); and
files/s by batch size (1 to 256 files) with the default settings against --jobs 1.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from builders import PdfPage, docx, pdf  # noqa: E402
from extract_bench import paragraph  # noqa: E402
from pii_corpus import _id18, _mobile, _name  # noqa: E402
from results import save  # noqa: E402

from linter import batch  # noqa: E402
from linter.config import Config  # noqa: E402
from linter.engine import check_document, prepare  # noqa: E402
from linter.extract import extract  # noqa: E402

OUT = HERE / "out" / "batch"


def make_corpus(count: int) -> list[Path]:
    rng = random.Random(3)
    folder = OUT / str(count)  # one folder per corpus size: the CLI is given the folder
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        kind = ("docx", "docx", "pdf", "txt", "txt")[i % 5]
        pii = f"申请人{_name(rng)}，身份证号{_id18(rng)}，手机{_mobile(rng)}。" if i % 7 == 0 else ""
        path = folder / f"draft{i:05d}.{kind}"
        if not path.exists():
            if kind == "docx":
                def build(d, rng=rng, pii=pii):
                    for _ in range(60):
                        d.add_paragraph(paragraph(rng))
                    d.add_paragraph(pii)
                    table = d.add_table(rows=6, cols=3)
                    for r in range(6):
                        for c in range(3):
                            table.cell(r, c).text = f"{r}-{c}"
                docx(path, build)
            elif kind == "pdf":
                pages = [PdfPage(lines=[paragraph(rng) for _ in range(6)], wrap_width=450,
                                 table=[["项目", "数量"], ["甲", "1"], ["乙", "2"]] if p == 0 else None)
                         for p in range(rng.randint(3, 8))]
                pages[-1].lines.append(pii)
                pdf(path, pages)
            else:
                text = "\n".join(paragraph(rng) for _ in range(80)) + "\n" + pii
                path.write_bytes(text.encode("gb18030" if i % 2 else "utf-8"))
        files.append(path)
    return files


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, in MB."""
    total, frontier = 0, [pid]
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                continue
    while frontier:
        current = frontier.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
        except OSError:
            pass
        frontier += children.get(current, [])
    return total / 1024


def run_cli(*commands: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of CLI runs started together, sampling memory while they run."""
    start = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "-m", "linter", "check", *args, "--format", "json",
                                   "--output", os.devnull, "--quiet"]) for args in commands]
    peak = 0.0

    def sample() -> None:
        nonlocal peak
        while any(p.poll() is None for p in processes):
            peak = max(peak, sum(tree_rss_mb(p.pid) for p in processes))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    for process in processes:
        process.wait()
    wall = time.perf_counter() - start  # before joining the sampler, which may be asleep
    sampler.join()
    return wall, peak


def split_time(files: list[Path], runs: int) -> None:
    """Extraction vs checks, in process, per PDF page and per MB of text (each file's best of `runs`)."""
    config = Config()
    start = time.perf_counter()
    prepare(config)
    print(f"  one-time set-up per process (check modules, wordlists, automata): "
          f"{time.perf_counter() - start:.2f} s")
    totals = [0.0, 0.0]
    for kind in ("pdf", "txt", "docx"):
        chosen = [f for f in files if f.suffix == f".{kind}"]
        extracting = checking = 0.0
        pages = 0
        for path in chosen:
            timings = [_extract_and_check(path, config) for _ in range(runs)]
            extracting += min(t[0] for t in timings)
            checking += min(t[1] for t in timings)
            pages += timings[0][2]
        mb = sum(f.stat().st_size for f in chosen) / 2**20
        unit = f"per page {1000 * (extracting + checking) / max(pages, 1):.1f} ms" if kind == "pdf" \
            else f"per MB {(extracting + checking) / max(mb, 1e-9):.2f} s"
        share = checking / max(extracting + checking, 1e-9)
        print(f"  {kind:<4} {len(chosen):4d} files: extraction {extracting:5.2f} s, checks {checking:5.2f} s "
              f"({share:.0%} of the time), {unit}")
        totals[0] += extracting
        totals[1] += checking
    print(f"  all  {len(files):4d} files: extraction {totals[0]:5.2f} s, checks {totals[1]:5.2f} s "
          f"({totals[1] / max(sum(totals), 1e-9):.0%} of the time)")


def _extract_and_check(path: Path, config: Config) -> tuple[float, float, int]:
    """(extraction seconds, checks seconds, pages) for one file, from a fresh read."""
    start = time.perf_counter()
    document = extract(str(path))
    middle = time.perf_counter()
    check_document(document, config, str(path))
    return middle - start, time.perf_counter() - middle, document.pages or 0


def pool_stage(files: list[Path], runs: int) -> None:
    """The batch alone, in this process (start-up, discovery and report excluded): 1 vs 2 workers."""
    paths = [str(f) for f in files]
    list(batch.run(paths[:20], Config(), batch.BatchOptions(jobs=1)))  # imports and set-up, once
    walls = {}
    for jobs in (1, 2):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            results = list(batch.run(paths, Config(), batch.BatchOptions(jobs=jobs)))
            times.append(time.perf_counter() - start)
        walls[jobs] = statistics.median(times)
        assert len(results) == len(paths)
    print(f"  workers alone (in process, no start-up or report): 1 worker {walls[1]:.2f} s, "
          f"2 workers {walls[2]:.2f} s, speed-up {walls[1] / walls[2]:.2f}x")


def sizes_stage(files: list[Path], runs: int) -> list[dict]:
    """Files/s by batch size: the default (a pool unless the batch is small) against --jobs 1."""
    rows = []
    for size in (1, 4, 8, 16, 64, 256):
        if size > len(files):
            break
        paths = [str(f) for f in files[:size]]
        default = statistics.median(run_cli(paths)[0] for _ in range(runs))
        single = statistics.median(run_cli(["--jobs", "1", *paths])[0] for _ in range(runs))
        print(f"  {size:4d} files: default {default:6.2f} s ({size / default:6.1f} files/s), "
              f"--jobs 1 {single:6.2f} s ({size / single:6.1f} files/s), default / --jobs 1 {default / single:4.2f}")
        rows.append({"files": size, "default_s": default, "jobs1_s": single})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = make_corpus(args.files)
    mb = sum(f.stat().st_size for f in files) / 2**20
    print(f"corpus: {len(files)} files, {mb:.1f} MB")
    split_time(files, args.runs)
    pool_stage(files, args.runs)
    sizes = sizes_stage(files, args.runs)
    paths = [str(f) for f in files]
    half = len(paths) // 2
    # The obvious alternative to a pool: split the batch and start two processes.
    folder = str(files[0].parent)
    settings = (("--jobs 1", [["--jobs", "1", folder]]), ("--jobs 2", [["--jobs", "2", folder]]),
                ("two halves, 2 CLIs", [["--jobs", "1", *paths[:half]], ["--jobs", "1", *paths[half:]]]),
                ("--executor dask", [["--executor", "dask", folder]]))
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in settings}
    for _ in range(args.runs):
        for label, commands in settings:
            runs[label].append(run_cli(*commands))
    base = statistics.median(wall for wall, _ in runs["--jobs 1"])
    workers = []
    for label, _ in settings:
        wall = statistics.median(w for w, _ in runs[label])
        peak = max(p for _, p in runs[label])
        spread = ", ".join(f"{w:.2f}" for w, _ in runs[label])
        print(f"  {label:<16} {wall:6.2f} s  {len(files) / wall:6.1f} files/s  {mb / wall:5.2f} MB/s  "
              f"speed-up {base / wall:4.2f}x  peak RSS {peak:5.0f} MB  (runs: {spread} s)")
        workers.append({"setting": label, "wall_s": wall, "files_per_s": len(files) / wall, "peak_mb": peak})
    print(f"saved to {save('batch', {'files': len(files), 'megabytes': mb, 'workers': workers, 'sizes': sizes})}")

if __name__ == "__main__":
    main()
