"""Extraction speed and start-up time, against the obvious alternatives, in one run.

    python bench/extract_bench.py [--pages 100] [--docx 200] [--text-mb 10]

Generates its corpus under bench/out/ (not committed): a PDF of realistic Chinese
report pages (some with ruled tables), .docx reports of typical size, and a large
text file in UTF-8 and GBK. Prints pages/s, files/s and MB/s for our extractors
and for pdfplumber's extract_text and python-docx's paragraph/cell walk, with a
check that both recover the same text, then the CLI's start-up time and peak memory.
Needs the test extras (reportlab, python-docx).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from builders import PdfPage, docx, pdf  # noqa: E402
from docx_walk import python_docx_text  # noqa: E402
from results import save  # noqa: E402

from linter.extract import extract  # noqa: E402

OUT = HERE / "out"
PHRASES = ("按照区政府统一部署", "进一步规范政府信息公开工作", "全年主动公开各类信息", "依申请公开办理情况",
           "切实保障人民群众的知情权、参与权和监督权", "深化重点领域信息公开", "加强政策解读和回应关切",
           "完善公开平台建设", "严格落实发布前审查机制", "受理群众来电来信", "共计", "件", "条")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(PHRASES) for _ in range(rng.randint(3, 7))]
    return "，".join(words) + f"{rng.randint(1, 999)}件。"


def paragraph(rng: random.Random) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def report_body(d, rng: random.Random) -> None:
    """A ~10-page report in a python-docx document: three parts of a heading, 25 paragraphs, a table."""
    for k in range(3):
        d.add_heading(f"{'一二三'[k]}、工作情况", level=1)
        for _ in range(25):
            d.add_paragraph(paragraph(rng))
        table = d.add_table(rows=8, cols=4)
        for r in range(8):
            for c in range(4):
                table.cell(r, c).text = f"{r}-{c}项"


def make_corpus(pages: int, files: int, text_mb: int) -> dict[str, object]:
    rng = random.Random(7)
    OUT.mkdir(exist_ok=True)
    pdf_pages = []
    for n in range(pages):
        table = [["项目", "数量", "备注"]] + [[f"第{i}项", str(i * 7), "无"] for i in range(6)] \
            if n % 10 == 9 else None
        pdf_pages.append(PdfPage(lines=[paragraph(rng) for _ in range(4 if table else 8)],
                                 wrap_width=450, table=table))
    pdf_path = pdf(OUT / "report.pdf", pdf_pages)

    docx_paths = [docx(OUT / f"report{i:04d}.docx", lambda d: report_body(d, rng)) for i in range(files)]

    block = "\n".join(paragraph(rng) for _ in range(200)) + "\n"
    text = block * max(1, (text_mb * 2**20) // len(block.encode("utf-8")))
    utf8 = OUT / "big-utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    gbk = OUT / "big-gbk.txt"
    gbk.write_bytes(text.encode("gbk"))
    small = OUT / "small.md"
    small.write_text("# 标题\n\n" + "\n\n".join(paragraph(rng) for _ in range(12)), encoding="utf-8")
    return {"pdf": pdf_path, "docx": docx_paths, "utf8": utf8, "gbk": gbk, "small": small}


def timed(fn, repeat: int = 3) -> float:
    """Best wall time of `repeat` runs (the least disturbed by the rest of the machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def ours_text(path: Path) -> str:
    return "".join(s.text for s in extract(str(path)).segments if s.location.part != "metadata")


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as doc:
        return "".join(page.extract_text() or "" for page in doc.pages)


def same_text(a: str, b: str) -> float:
    """Similarity of the character multisets' order, ignoring whitespace (1.0 = identical)."""
    return SequenceMatcher(None, squash(a), squash(b), autojunk=False).quick_ratio()


def bench_pdf(path: Path, pages: int) -> dict:
    ours = timed(lambda: ours_text(path))
    plumber = timed(lambda: pdfplumber_text(path), repeat=1)
    ratio = same_text(ours_text(path), pdfplumber_text(path))
    print(f"PDF  {pages} pages: ours {pages / ours:7.1f} pages/s | pdfplumber extract_text "
          f"{pages / plumber:6.1f} pages/s | speed-up {plumber / ours:4.1f}x | same characters {ratio:.3f}")
    return figure(".pdf", "pages", pages, ours, "pdfplumber extract_text", plumber)


def bench_docx(paths: list[Path]) -> dict:
    from linter.extract import docx as docx_extractor

    def cold(path: Path) -> str:  # as if every draft came from a different template
        docx_extractor._STYLES_CACHE.clear()
        return ours_text(path)

    ours = timed(lambda: [ours_text(p) for p in paths])
    ours_cold = timed(lambda: [cold(p) for p in paths])
    walk = timed(lambda: [python_docx_text(p) for p in paths])
    ratio = statistics.mean(same_text(ours_text(p), python_docx_text(p)) for p in paths[:20])
    size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
    print(f"DOCX {len(paths)} files (~{size:.0f} KB): ours {len(paths) / ours:6.1f} files/s "
          f"({len(paths) / ours_cold:.1f} with every styles.xml new) | "
          f"python-docx walk {len(paths) / walk:6.1f} files/s | speed-up {walk / ours:4.1f}x | "
          f"same characters {ratio:.3f}")
    return figure(".docx", "files", len(paths), ours, "python-docx walk", walk)


def bench_text(path: Path, label: str) -> dict:
    mb = path.stat().st_size / 2**20
    ours = timed(lambda: extract(str(path)))
    raw = timed(lambda: path.read_bytes().decode("utf-8" if "utf8" in path.name else "gb18030").splitlines())
    print(f"TEXT {label} {mb:.1f} MB: ours {mb / ours:6.1f} MB/s | bare decode+splitlines "
          f"{mb / raw:6.1f} MB/s")
    return figure(f".txt {label.strip()}", "MB", mb, ours, "decode + splitlines", raw)


def figure(kind: str, unit: str, amount: float, ours: float, alternative: str, theirs: float) -> dict:
    """One format's figures, as the summary page plots them."""
    return {"kind": kind, "unit": unit, "amount": amount, "ours_s": ours, "alternative": alternative,
            "alternative_s": theirs, "ratio": theirs / ours}


# Runs the CLI and reports on stderr's last line its own peak RSS (VmHWM, kB) and the
# largest of its worker processes' (a lone .pdf or .docx is read in a worker): ru_maxrss
# of this process would include this (large) benchmark, as it survives exec on Linux.
_MEASURED = ("import re, resource, runpy, sys\n"
             "sys.argv = ['disclosure-lint', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('linter', run_name='__main__')\n"
             "finally:\n    status = open('/proc/self/status').read()\n"
             "    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
             "    print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), workers, file=sys.stderr)\n")


def run_cli(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB: the process plus its largest worker) of `disclosure-lint check ARGS`."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED, "check", *args],
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    own, worker = done.stderr.strip().splitlines()[-1].split()
    return wall, (int(own) + int(worker)) / 1024


def bench_cli(paths: dict[str, object]) -> list[dict]:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - start
    cases = (("5 KB .md", [paths["small"]]), ("one .docx", [paths["docx"][0]]),
             (f"{len(paths['docx'])} .docx", paths["docx"]), ("100-page .pdf", [paths["pdf"]]),
             ("10 MB .txt", [paths["utf8"]]))
    rows = []
    for label, files in cases:
        runs = [run_cli([str(f) for f in files]) for _ in range(3)]
        wall = statistics.median(w for w, _ in runs)
        peak = max(m for _, m in runs)
        print(f"CLI  {label:>14}: {wall:6.2f} s wall, peak RSS {peak:5.0f} MB, the process and its largest "
              f"worker (python -c pass: {bare:.2f} s)")
        rows.append({"case": f"check {label}", "wall_s": wall, "peak_mb": peak})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--docx", type=int, default=200)
    parser.add_argument("--text-mb", type=int, default=10)
    args = parser.parse_args()
    paths = make_corpus(args.pages, args.docx, args.text_mb)
    formats = [bench_pdf(paths["pdf"], args.pages), bench_docx(paths["docx"]),
               bench_text(paths["utf8"], "UTF-8"), bench_text(paths["gbk"], "GBK  ")]
    print(f"saved to {save('extract', {'formats': formats, 'cli': bench_cli(paths)})}")


if __name__ == "__main__":
    main()
