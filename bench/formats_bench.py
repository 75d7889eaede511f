"""Extraction speed of the newer formats against the library a user would reach for, in one run.

    pip install -e '.[test,bench]'
    python bench/formats_bench.py [--rows 50000] [--html-mb 5] [--doc-pages 100]

Generates under bench/out/ (not committed): an .xlsx roster of `rows` rows x 6 columns twice,
in the shape Excel and WPS save (a shared-string table) and as openpyxl saves it (inline
strings, Chinese as character references) and an HTML page of about `html-mb` MB
(paragraphs, headings and tables, as a CMS publishes them). Prints cells/s for our .xlsx
reader and for openpyxl in read-only mode, and MB/s for our HTML reader and for
BeautifulSoup's get_text (lxml parser), with a check that both recovered the same text.
With LibreOffice on PATH, also a .doc of about `doc-pages` pages (paragraphs and tables,
saved by LibreOffice from a generated .docx): MB/s for our reader and for
`soffice --convert-to txt`, the conversion a user would otherwise run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from results import save  # noqa: E402

from linter.extract import extract  # noqa: E402

OUT = HERE / "out"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
PLACES = ("城南路", "解放路", "人民大道", "建设街", "新华路", "中山北路")


def _person(rng: random.Random, n: int) -> list[object]:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return [n, name, f"1101**********{rng.randint(1000, 9999)}", f"139****{rng.randint(1000, 9999)}",
            f"{rng.choice(PLACES)}{rng.randint(1, 300)}号", rng.randint(300, 5000)]


HEADER = ["序号", "姓名", "身份证号", "联系电话", "家庭住址", "补助金额"]


def make_xlsx_inline(rows: int) -> Path:
    """The roster saved by openpyxl, as a web system exports it: inline strings, CJK as character references."""
    import openpyxl

    path = OUT / f"roster-{rows}-openpyxl.xlsx"
    if path.exists():
        return path
    rng = random.Random(3)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(HEADER)
    for n in range(1, rows + 1):
        sheet.append(_person(rng, n))
    book.save(path)
    return path


def make_xlsx_shared(rows: int) -> Path:
    """The roster in the shape Excel and WPS save: a UTF-8 shared-string table, cells r, s, t, row spans."""
    import zipfile
    from xml.sax.saxutils import escape

    path = OUT / f"roster-{rows}-excel.xlsx"
    if path.exists():
        return path
    rng = random.Random(3)
    strings: dict[str, int] = {}
    body = []
    for r, values in enumerate([HEADER, *(_person(rng, n) for n in range(1, rows + 1))], 1):
        cells = []
        for c, value in enumerate(values):
            ref = f"{'ABCDEF'[c]}{r}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}" s="1"><v>{value}</v></c>')
            else:
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" s="2" t="s"><v>{index}</v></c>')
        body.append(f'<row r="{r}" spans="1:6" x14ac:dyDescent="0.25">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="{main}" '
             f'xmlns:r="{rel}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
             f'<dimension ref="A1:F{rows + 1}"/><sheetData>{"".join(body)}</sheetData></worksheet>')
    shared = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        '<sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
        f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{shared}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text.encode("utf-8"))
    return path


def make_html(megabytes: int) -> Path:
    path = OUT / f"page-{megabytes}mb.html"
    if path.exists():
        return path
    rng = random.Random(5)
    parts = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>公示</title></head><body>']
    size = 0
    while size < megabytes * 2**20:
        block = [f"<h2>第{rng.randint(1, 99)}批公示</h2>",
                 "<p>" + "根据有关规定，现将审核结果予以公示，公示期为五个工作日。" * rng.randint(1, 4) + "</p>",
                 "<table><tr><th>序号</th><th>姓名</th><th>住址</th><th>金额</th></tr>"]
        for n in range(1, 21):
            row = _person(rng, n)
            block.append(f"<tr><td>{n}</td><td>{row[1]}</td><td>{row[4]}</td><td>{row[5]}</td></tr>")
        block.append("</table>")
        chunk = "\n".join(block)
        parts.append(chunk)
        size += len(chunk.encode())
    parts.append("</body></html>")
    path.write_text("\n".join(parts), "utf-8")
    return path


def make_doc(pages: int) -> Path:
    import shutil
    import subprocess
    import tempfile

    from docx import Document as WordDocument

    path = OUT / f"report-{pages}p.doc"
    if path.exists():
        return path
    rng = random.Random(9)
    document = WordDocument()
    for page in range(pages):
        document.add_heading(f"第{page + 1}部分 工作情况", level=1)
        for _ in range(6):
            document.add_paragraph("本机关依法依规做好政府信息公开工作，" * rng.randint(3, 6) + "取得了积极成效。")
        table = document.add_table(rows=6, cols=4)
        for r in range(6):
            row = _person(rng, r)
            for c in range(4):
                table.cell(r, c).text = str(row[c])
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "report.docx"
        document.save(source)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                        "doc:MS Word 97", "--outdir", work, str(source)], check=True, capture_output=True)
        shutil.copyfile(Path(work) / "report.doc", path)
    return path


def bench_doc(path: Path) -> dict:
    import subprocess
    import tempfile

    megabytes = path.stat().st_size / 2**20

    def ours():
        return "".join(s.text for s in extract(str(path)).segments if s.location.part in ("body", "table"))

    def theirs():
        with tempfile.TemporaryDirectory() as work:
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                            "txt:Text (encoded):UTF8", "--outdir", work, str(path)], check=True, capture_output=True)
            return (Path(work) / f"{path.stem}.txt").read_text("utf-8-sig")

    mine, our_text = _best(ours)
    other, their_text = _best(theirs, repeat=2)
    return _compare(f".doc {path.name}: {megabytes:.1f} MB", megabytes, "MB/s", [("disclosure-lint", mine)],
             ("soffice --convert-to txt", other), _same_text(our_text, their_text))


def _compare(title: str, amount: float, unit: str, ours: list[tuple[str, float]],
             theirs: tuple[str, float], same: str) -> dict:
    """Print our timings, the alternative's, the ratio and whether both read the same."""
    print(title)
    for name, seconds in [*ours, theirs]:
        print(f"  {name:<36} {seconds:6.2f} s  {amount / seconds:12,.1f} {unit}")
    print(f"  ratio {theirs[1] / ours[0][1]:.1f}x; {same}")
    return {"kind": title.split(" ", 1)[0], "unit": unit.removesuffix("/s"), "amount": amount,
            "ours_s": ours[0][1], "alternative": theirs[0], "alternative_s": theirs[1],
            "ratio": theirs[1] / ours[0][1]}


def _same_text(ours: str, theirs: str) -> str:
    squeeze = str.maketrans("", "", " \n\t\r\x0c")
    return f"same text (whitespace aside): {ours.translate(squeeze) == theirs.translate(squeeze)}"


def _best(run, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def bench_xlsx(path: Path) -> dict:
    import openpyxl

    def ours():
        return [s.text for s in extract(str(path)).segments if s.location.sheet]

    def theirs():
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        values = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                  for v in row if v is not None and str(v).strip()]
        book.close()
        return values

    def reader_only():
        import zipfile

        from linter.extract import cycle_collection_paused
        from linter.extract.xlsx_scan import shared_strings
        from linter.extract.xlsx_sheet import read_sheet
        from linter.extract.xlsx_styles import CellStyles

        with zipfile.ZipFile(path) as zf:
            data = zf.read("xl/worksheets/sheet1.xml")
            table = zf.read("xl/sharedStrings.xml") if "xl/sharedStrings.xml" in zf.namelist() else None
        with cycle_collection_paused():  # as extract reads it
            return read_sheet(data, shared_strings(table) or [] if table else [], CellStyles()).texts

    mine, our_cells = _best(ours)
    bare, _ = _best(reader_only)
    other, their_cells = _best(theirs)
    return _compare(f".xlsx {path.name}: {len(our_cells):,} cells", len(our_cells), "cells/s",
             [("disclosure-lint (located segments)", mine), ("  of which reading the cells", bare)],
             ("openpyxl read-only", other), f"same cell texts: {our_cells == their_cells}")


def bench_html(path: Path) -> dict:
    from bs4 import BeautifulSoup

    data = path.read_bytes()
    megabytes = len(data) / 2**20

    def ours():
        return "".join(s.text for s in extract(str(path)).segments if s.location.part in ("body", "table"))

    def theirs():
        return BeautifulSoup(data, "lxml").get_text()

    mine, our_text = _best(ours)
    other, their_text = _best(theirs)
    return _compare(f".html {path.name}: {megabytes:.1f} MB", megabytes, "MB/s", [("disclosure-lint", mine)],
             ("BeautifulSoup get_text", other), _same_text(our_text, their_text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--html-mb", type=int, default=5)
    parser.add_argument("--doc-pages", type=int, default=100)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rows = [bench_xlsx(make_xlsx_shared(args.rows)), bench_xlsx(make_xlsx_inline(args.rows)),
            bench_html(make_html(args.html_mb))]
    import shutil

    if shutil.which("soffice"):
        rows.append(bench_doc(make_doc(args.doc_pages)))
    else:
        print(".doc: skipped (LibreOffice's soffice is not on PATH)")
    print(f"saved to {save('formats', {'formats': rows})}")


if __name__ == "__main__":
    main()
