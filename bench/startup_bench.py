"""One draft, whole process: wall time and peak memory of `disclosure-lint check` as a pre-commit hook pays it.

    python bench/startup_bench.py [--runs 5] [--installed]

Writes small drafts under bench/out/startup/ (a plain .txt, a .txt and a .docx with a
name in a sentence — 举报人李红梅通过… —, a .txt with a suspected misspelling and a doubled
phrase, whose word boundaries must be settled, a one-page PDF, a Markdown roster) and runs
the CLI on each, median of --runs, with the peak RSS the kernel reports. Beside them, in
the same run: a bare Python start, and loading what these drafts used to load — jieba's
dictionary (the word boundaries), and with it the part-of-speech tagger (the name check).

--installed times the package as a user has it (`pip install .`, in a venv of its own under
bench/out/startup/venv, made once): a development install (`pip install -e`) loads an
import hook at every start that no user pays.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from builders import PdfPage, docx, pdf  # noqa: E402
from results import save  # noqa: E402

OUT = HERE / "out" / "startup"
SENTENCE = "举报人李红梅通过12345热线反映小区噪声问题，已转交属地街道办理。"


def drafts() -> dict[str, Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    made = {"plain .txt": OUT / "plain.txt", "name .txt": OUT / "name.txt", "name .docx": OUT / "name.docx",
            "misspelling .txt": OUT / "typo.txt", "one-page .pdf": OUT / "page.pdf",
            "roster .md": OUT / "roster.md"}
    made["plain .txt"].write_text("本机关依法做好政府信息公开工作，全年主动公开政府信息126条。\n", "utf-8")
    made["name .txt"].write_text(SENTENCE + "\n", "utf-8")
    made["misspelling .txt"].write_text("各单位要认真布署安全生产工作，会议研究了研究了下一步安排。\n", "utf-8")
    docx(made["name .docx"], lambda d: d.add_paragraph(SENTENCE))
    pdf(made["one-page .pdf"], [PdfPage(lines=["关于开展汛期安全隐患排查工作的通知", SENTENCE])])
    made["roster .md"].write_text("| 姓名 | 联系电话 |\n|---|---|\n| 张建国 | 139****0246 |\n", "utf-8")
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--installed", action="store_true", help="time a non-editable install in its own venv")
    args = parser.parse_args()
    python = _installed() if args.installed else sys.executable
    cases = {name: [python, "-m", "linter", "check", str(path)] for name, path in drafts().items()}
    cases["python start"] = [python, "-c", "pass"]
    cases["jieba dictionary"] = [sys.executable, "-c", "import jieba; jieba.initialize(); jieba.lcut('布署')"]
    cases["jieba dictionary + tagger"] = [sys.executable, "-c",
                                          "import jieba, jieba.posseg; jieba.initialize(); jieba.posseg.lcut('李红梅')"]
    print(f"{'case':<28}{'wall (median)':>15}{'peak RSS':>12}")
    rows = []
    for name, command in cases.items():  # each in its own process: the peak is the case's own
        wall, peak = _isolated(command, args.runs)
        print(f"{name:<28}{wall:>13.2f} s{peak:>9.0f} MB")
        rows.append({"case": name, "wall_s": wall, "peak_mb": peak})
    print(f"saved to {save('startup', {'cases': rows, 'installed': args.installed})}")


def _installed() -> str:
    """The python of a venv holding the project as `pip install .` leaves it (made again each run)."""
    venv = OUT / "venv"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", str(HERE.parent)],
                   check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", str(HERE.parent)], check=True)  # its dependencies
    return python


def _isolated(command: list[str], runs: int) -> tuple[float, float]:
    """Measure in a fresh interpreter so RUSAGE_CHILDREN holds this case's peak only."""
    code = ("import resource, statistics, subprocess, sys, time\n"
            f"command, runs = {command!r}, {runs}\n"
            "times = []\n"
            "for _ in range(runs):\n"
            "    start = time.perf_counter(); subprocess.run(command, capture_output=True)\n"
            "    times.append(time.perf_counter() - start)\n"
            "print(statistics.median(times), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n")
    # An installed package has its bytecode cached: a machine set to write none (PYTHONDONTWRITEBYTECODE)
    # would time compiling every module at every start, which no user pays.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # From OUT: run from the repository, `-m linter` would import its sources, not the installed package.
    subprocess.run(command, capture_output=True, env=env, cwd=OUT)  # the first start writes the cache
    wall, peak = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                env=env, cwd=OUT).stdout.split()
    return float(wall), float(peak)


if __name__ == "__main__":
    main()
