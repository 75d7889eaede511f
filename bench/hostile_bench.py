"""One batch over every hostile input the tests build: time, exit code and peak RSS.

    python bench/hostile_bench.py

Writes the inputs under bench/out/hostile/ (a 1 GB decompression bomb, XML attacks, broken
PDFs, a page of 100,000 text objects, a 2,000-page file, 5 MB adversarial lines, a line of
200,000 phone numbers, a 60 MB text, mutated fixtures) and runs `disclosure-lint check` on the folder with 2 workers,
sampling the memory of the whole process tree.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import pypdfium2  # noqa: E402
import test_hostile as hostile  # noqa: E402
from batch_bench import tree_rss_mb  # noqa: E402

OUT = HERE / "out" / "hostile"


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    import zipfile

    with zipfile.ZipFile(OUT / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(1024):
                part.write(b" " * 2**20)
    for i, doctype in enumerate(['<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                                 '<!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd">']):
        xml = f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="{hostile.W}"><w:body/></w:document>'
        hostile._docx_with(OUT / f"xxe{i}.docx", xml.encode())
    pdfs = {"loop": hostile._raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                      b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]),
            "bad-xref": hostile._raw_pdf(hostile._page(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"), xref=False),
            "tiny-objects": hostile._raw_pdf(hostile._page(b"".join(
                b"BT /F1 1 Tf %d %d Td (a) Tj ET\n" % (i % 500, i // 500) for i in range(100_000))))}
    for name, data in pdfs.items():
        (OUT / f"{name}.pdf").write_bytes(data)
    long = pypdfium2.PdfDocument.new()
    for _ in range(2000):
        long.new_page(595, 842)
    long.save(str(OUT / "2000-pages.pdf"))
    for i, line in enumerate(hostile.ADVERSARIAL):
        (OUT / f"line{i}.txt").write_text(line, encoding="utf-8")
    # 200,000 phone numbers on one line: each finding's context is masked with its neighbours.
    phones = "，".join(f"联系电话138{i:08d}" for i in range(200_000))
    (OUT / "one-line-of-numbers.txt").write_text(phones, encoding="utf-8")
    text = "各单位要认真做好政务公开工作，联系电话0571-86012345。\n"
    (OUT / "60mb.txt").write_bytes((text * (60 * 2**20 // len(text.encode()))).encode("utf-8"))
    rng = random.Random(1)
    for source in sorted((HERE.parent / "fixtures" / "drafts").glob("*.[dp][od][cf]*")):
        for i in range(100):
            (OUT / f"fuzz-{i:03d}{source.suffix}").write_bytes(hostile._mutate(source.read_bytes(), rng))


def main() -> None:
    build()
    files = len(list(OUT.iterdir()))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "linter", "check", str(OUT), "--format", "json",
                                "--output", str(OUT.parent / "hostile.json"), "--jobs", "2", "--quiet"])
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss_mb(process.pid))
        time.sleep(0.2)
    import json

    report = json.loads((OUT.parent / "hostile.json").read_text("utf-8"))
    errors = sum(f["status"] == "error" for f in report["files"])
    print(f"{files} hostile files: exit {process.returncode}, {time.perf_counter() - start:.1f} s, "
          f"peak RSS of the process tree {peak:.0f} MB, {len(report['files'])} reported ({errors} as errors)")
    for entry in report["files"]:
        if not entry["path"].split("/")[-1].startswith("fuzz-"):
            print(f"  {entry['path'].split('/')[-1]:<18} {entry['status']:<5} {entry['error'] or ''}")


if __name__ == "__main__":
    main()
