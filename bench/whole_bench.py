"""The whole check against the obvious alternative's text extraction alone, by kind of file.

    python bench/whole_bench.py [--runs 3]

What a user waits for is the whole check (read, extract, every check, decide); the obvious
alternative is a library that only gets the text out. For each kind of file users have,
in one run on this machine, this prints our whole check in process (best of --runs
passes over the set) against pdfplumber's extract_text or python-docx's paragraph-and-cell
walk (best of two passes, taken in turn with ours), and the ratio; beside it, in brackets,
the same ratio for the text alone read through the parser we build on (pdfium, lxml): the
most a whole check could reach.
For the .docx batches it also times the CLI as a pipeline runs it (default --jobs, start-up
included) against the same walk.

- PDF written by a generator in a CID font it does not embed (STSong-Light, the default of
  the Java and Python PDF libraries many government systems use);
- PDF exported by an office suite with embedded subset fonts (the LibreOffice exports
  committed under fixtures/, as Word and WPS export);
- scanned pages with an invisible text layer (what OCR software gives);
- .docx reports of about ten pages; .docx publicity rosters of 9 people, each person's name, ID
  number, mobile and address in its own cell (38 findings a file, as the batch the speed issue
  measured: 240 rosters, 8,204 findings); and denser rosters of 34 people (~138 findings a file).

Beside the kinds, the mix: every PDF of the three kinds together, and every .docx together
(what a batch of a user's drafts holds is some of each).

Generates its corpus under bench/out/whole/ (not committed). Needs the test extras.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from builders import FONT, PdfPage, docx, pdf  # noqa: E402
from docx_walk import python_docx_text  # noqa: E402
from extract_bench import paragraph, pdfplumber_text, report_body  # noqa: E402
from pii_corpus import _id18, _mobile, _name  # noqa: E402
from results import save  # noqa: E402

from linter.config import Config  # noqa: E402
from linter.engine import lint_file, prepare  # noqa: E402

OUT = HERE / "out" / "whole"


def generator_pdfs(rng: random.Random) -> list[Path]:
    """Four 25-page reports set in a non-embedded CID font, a ruled table every tenth page."""
    paths = []
    for k in range(4):
        table = [["项目", "数量"], *[[f"第{i}项", str(i * 7)] for i in range(6)]]
        pages = [PdfPage(lines=[paragraph(rng) for _ in range(4 if n % 10 == 9 else 8)], wrap_width=450,
                         table=table if n % 10 == 9 else None) for n in range(25)]
        paths.append(pdf(OUT / f"generator{k}.pdf", pages))
    return paths


def office_pdfs() -> list[Path]:
    """LibreOffice exports committed with the tests: rosters, prose, annual reports with their tables."""
    return sorted((ROOT / "fixtures" / "realworld" / "office").glob("*.pdf")) + \
        sorted((ROOT / "fixtures" / "stats").glob("*.pdf"))


def scanned_pdfs(rng: random.Random) -> list[Path]:
    """Three 10-page scans (a greyscale page image) with the recognised text drawn invisibly over them."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    noise = Image.effect_noise((1240, 1754), 40).point(lambda v: 200 + v // 5)  # an A4 page at 150 dpi
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=60)
    paths = []
    for k in range(3):
        path = OUT / f"scan{k}.pdf"
        c = canvas.Canvas(str(path))
        for _ in range(10):
            buffer.seek(0)
            c.drawImage(ImageReader(buffer), 0, 0, width=595, height=842)
            text = c.beginText(72, 780)
            text.setTextRenderMode(3)  # invisible, as OCR layers are
            text.setFont(FONT, 12)
            for _ in range(30):
                text.textLine(paragraph(rng)[:36])
            c.drawText(text)
            c.showPage()
        c.save()
        paths.append(path)
    return paths


def report_docx(rng: random.Random, count: int = 60) -> list[Path]:
    """About ten pages each, as extract_bench writes them."""
    return [docx(OUT / f"report{i:03d}.docx", lambda d: report_body(d, rng)) for i in range(count)]


def roster_docx(rng: random.Random, count: int = 60, people: int = 34, name: str = "roster") -> list[Path]:
    """Publicity rosters of `people` people: name, ID number, mobile, address, each in its own cell."""
    def build(d):
        d.add_paragraph("2024年度临时救助对象公示名单")
        table = d.add_table(rows=people + 1, cols=5)
        for c, title in enumerate(("序号", "姓名", "身份证号", "联系电话", "家庭住址")):
            table.cell(0, c).text = title
        for r in range(1, people + 1):
            row = (str(r), _name(rng), _id18(rng), _mobile(rng), f"城南路{rng.randint(1, 99)}号{rng.randint(1, 9)}幢"
                   f"{rng.randint(1, 4)}单元{rng.randint(101, 1802)}室")
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    return [docx(OUT / f"{name}{i:03d}.docx", build) for i in range(count)]


def pdfium_text(path: Path) -> str:
    """What any reader built on pdfium pays at least: each page and its text loaded, the text read."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "".join(texts)
    finally:
        document.close()


def lxml_text(path: Path) -> str:
    """What any reader built on lxml pays at least: the body part unzipped, parsed, its text joined."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as package:
        return "".join(etree.fromstring(package.read("word/document.xml")).itertext())


def best(run: Callable[[], object], runs: int) -> float:
    """Best wall time of `runs` runs: the one least disturbed by the rest of the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def interleaved(ours: Callable[[], object], theirs: Callable[[], object], runs: int) -> tuple[float, float]:
    """Best wall times of `runs` runs of ours and two of theirs, alternating (theirs is the slow one)."""
    mine, other = [], []
    for k in range(max(runs, 2)):
        mine.append(best(ours, 1))
        if k < 2:
            other.append(best(theirs, 1))
    return min(mine), min(other)


def compare(label: str, paths: list[Path], unit: str, amount: float, alternative: tuple[str, Callable],
            runs: int, target: float, floor: Callable) -> dict:
    """Our whole check, the alternative, and the floor: the text alone through the parser we build on.

    The alternative's time over the floor's is the most any whole check built on that parser
    could reach, were its layout, checks and report free.
    """
    config = Config()
    results = [lint_file(str(p), config) for p in paths]
    assert all(r.status == "ok" for r in results), [r.error for r in results if r.status != "ok"]
    name, extract_text = alternative
    # Taken in turn, ours then theirs, so that a slow minute of the machine slows both sides.
    ours, theirs = interleaved(lambda: [lint_file(str(p), config) for p in paths],
                               lambda: [extract_text(p) for p in paths], runs)
    least = best(lambda: [floor(p) for p in paths], runs)
    findings = sum(len(r.findings) for r in results)
    print(f"{label:<44} {len(paths):3d} files {amount:5.0f} {unit:<5}  whole check {amount / ours:7.1f} {unit}/s"
          f"  {name} {amount / theirs:7.1f} {unit}/s  ratio {theirs / ours:5.1f}x  ({findings} findings)"
          f"  [{floor.__name__} alone {theirs / least:5.1f}x]")
    return {"kind": label, "files": len(paths), "unit": unit, "amount": amount, "ours_s": ours,
            "alternative": name, "alternative_s": theirs, "ratio": theirs / ours, "findings": findings,
            "target": target, "floor": floor.__name__, "floor_s": least, "floor_ratio": theirs / least}


def pages(paths: list[Path]) -> int:
    import pypdfium2

    total = 0
    for path in paths:
        document = pypdfium2.PdfDocument(str(path))
        total += len(document)
        document.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    corpora = {
        "PDF, generator, CID font not embedded": generator_pdfs(rng),
        "PDF, office suite, embedded subset fonts": office_pdfs(),
        "PDF, scanned pages with a text layer": scanned_pdfs(rng),
    }
    # Made in this order, so that the corpus of earlier runs is made again the same.
    reports, rosters = report_docx(rng), roster_docx(rng)
    documents = {".docx reports (~10 pages)": reports,
                 ".docx rosters, 9 people (as the issue's batch)": roster_docx(rng, people=9, name="list"),
                 ".docx rosters, 34 people (dense)": rosters}
    prepare(Config())
    # The targets users were promised: 10x pdfplumber on PDFs, 3x python-docx on .docx.
    plumber = ("pdfplumber extract_text", pdfplumber_text)
    rows = [compare(label, paths, "pages", pages(paths), plumber, args.runs, 10, pdfium_text)
            for label, paths in corpora.items()]
    walk = ("python-docx walk", python_docx_text)
    rows += [compare(label, paths, "files", len(paths), walk, args.runs, 3, lxml_text)
             for label, paths in documents.items()]
    mixes = [mixed("PDF, all three kinds", rows[:len(corpora)]), mixed(".docx, all three kinds", rows[len(corpora):])]
    cli = [whole_cli(label, paths, rows, args.runs) for label, paths in documents.items()]
    print(f"saved to {save('whole', {'rows': rows, 'mixes': mixes, 'cli': cli})}")


def mixed(label: str, rows: list[dict]) -> dict:
    """The kinds' files as one batch: the time of each side summed over the kinds, measured above."""
    ours, theirs = sum(r["ours_s"] for r in rows), sum(r["alternative_s"] for r in rows)
    amount, unit = sum(r["amount"] for r in rows), rows[0]["unit"]
    print(f"{label + ' together':<44} {amount:5.0f} {unit:<5}  whole check {amount / ours:7.1f} {unit}/s"
          f"  {rows[0]['alternative']} {amount / theirs:7.1f} {unit}/s  ratio {theirs / ours:5.1f}x"
          f"  (target {rows[0]['target']}x)")
    return {"kind": label, "unit": unit, "amount": amount, "ours_s": ours, "alternative": rows[0]["alternative"],
            "alternative_s": theirs, "ratio": theirs / ours, "target": rows[0]["target"]}


def whole_cli(label: str, paths: list[Path], rows: list[dict], runs: int) -> dict:
    """The CLI on the batch as a user runs it (default --jobs: every core), start-up included.

    Beside the in-process figures above (one core): what a pipeline waits for on this machine,
    against python-docx's walk run the same way, a process of its own that imports nothing of
    ours (the issue measured it so). Each is timed in turn with the other.
    """
    files = list(map(str, paths))
    ours_command = [sys.executable, "-m", "linter", "check", "--format", "json", *files]
    walk_command = [sys.executable, str(HERE / "docx_walk.py"), *files]

    def run(command: list[str]) -> None:
        done = subprocess.run(command, capture_output=True, check=False)
        assert done.returncode in (0, 1), done.stderr.decode(errors="replace")  # findings, or none

    ours, theirs = interleaved(lambda: run(ours_command), lambda: run(walk_command), runs)
    in_process = next(row["alternative_s"] for row in rows if row["kind"] == label)
    cores = os.cpu_count() or 1
    print(f"{label:<44} the CLI, default --jobs ({cores} cores), start-up included: {ours:5.2f} s"
          f"  python-docx walk, start-up included: {theirs:5.2f} s  ratio {theirs / ours:4.1f}x"
          f"  (the walk in process {in_process:5.2f} s)")
    return {"kind": label, "files": len(paths), "cores": cores, "ours_s": ours, "alternative_s": theirs,
            "ratio": theirs / ours, "alternative_in_process_s": in_process}


if __name__ == "__main__":
    main()
