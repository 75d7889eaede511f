"""Precision and recall of a check family on its labeled corpus under fixtures/.

    python bench/accuracy.py secrecy

Each corpus row is placed where the row says (a docx header, a table cell, a
tracked deletion, a wrapped PDF line, a GBK text file…), written as a real
file, and run through the whole pipeline, so what is measured is what a user
gets. Needs the test extras (python-docx, reportlab).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from builders import PdfPage, add_comment, add_run, add_textbox, docx, pdf  # noqa: E402

from linter.config import Config  # noqa: E402
from linter.engine import lint_file  # noqa: E402

FILLER = ("为进一步做好相关工作，现将有关事项通知如下。", "请各单位认真贯彻落实，确保各项工作取得实效。")
CORPORA = {
    "secrecy": (ROOT / "fixtures/secrecy/corpus.tsv", [ROOT / "fixtures/secrecy/codenames.list"]),
    "pii": (ROOT / "fixtures/pii/corpus.tsv", []),
    "fields": (ROOT / "fixtures/fields/corpus.tsv", []),
    "proof": (ROOT / "fixtures/proof/corpus.tsv", []),
}
GENERATORS = {"pii": "pii_corpus", "fields": "fields_corpus", "proof": "proof_corpus"}
# Not the annual-report excerpts: the page archive that stores them folded full-width
# punctuation to ASCII (，→, （→( ：→: as NFKC does, while 。、“” stay), which is the
# archive's doing, not the office's.
PUBLISHED = ROOT / "fixtures/realworld/published"


@dataclass(frozen=True)
class Row:
    """One labeled example: the checks that must fire (none: a look-alike) and where it goes.

    For the `roster` and `name-column` placements the text is a table row, cells split by |.
    """

    expected: frozenset[str]
    placement: str
    text: str
    line: int


@dataclass
class Outcome:
    """Per-row results: which checks fired at which severity."""

    row: Row
    fired: Counter = field(default_factory=Counter)  # (check, severity) -> count


def read_corpus(path: Path) -> list[Row]:
    """Parse a corpus file (expected<TAB>placement<TAB>text)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        expected, placement, text = line.split("\t", 2)
        rows.append(Row(parse_expected(expected), placement, text.replace("\\n", "\n"), number))
    return rows


def parse_expected(field_: str) -> frozenset[str]:
    """`-` for a look-alike, else check ids joined by +."""
    return frozenset() if field_ == "-" else frozenset(field_.split("+"))


def _docx_builder(row: Row):
    def build(d):
        place, text = row.placement, row.text
        if place == "first-line":
            d.add_paragraph(text)
        d.add_paragraph(FILLER[0])
        if place == "body":
            d.add_paragraph(text)
        if place in ("header", "footer"):
            part = d.sections[0].header if place == "header" else d.sections[0].footer
            part.paragraphs[0].text = text
        if place == "table":
            table = d.add_table(rows=2, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "项目", "说明"
            table.cell(1, 0).text, table.cell(1, 1).text = "第一项", text
        if place in ("roster", "name-column"):
            header, *rows = [r.split("|") for r in text.split("\n")]
            table = d.add_table(rows=1 + len(rows), cols=len(header))
            for r, values in enumerate([header, *rows]):
                for c, value in enumerate(values):
                    table.cell(r, c).text = value
        if place == "comment":
            add_comment(d, d.paragraphs[-1], text)
        if place == "deleted":
            add_run(d.add_paragraph(FILLER[1]), text, deleted=True)
        if place == "textbox":
            add_textbox(d.add_paragraph("附："), text)
        d.add_paragraph(FILLER[1])
    return build


def write(row: Row, folder: Path) -> Path:
    """Write the row as a file of the kind its placement names."""
    base = folder / f"row{row.line}"
    if row.placement == "pdf":
        return pdf(base.with_suffix(".pdf"), [PdfPage(lines=[FILLER[0], row.text, FILLER[1]], wrap_width=300)])
    if row.placement == "txt":
        path = base.with_suffix(".txt")
        path.write_bytes("\r\n".join([FILLER[0], row.text, FILLER[1]]).encode("gb18030"))
        return path
    if row.placement == "md":
        path = base.with_suffix(".md")
        path.write_text(f"{FILLER[0]}\n\n{row.text}\n\n{FILLER[1]}\n", encoding="utf-8")
        return path
    return docx(base.with_suffix(".docx"), _docx_builder(row))


def corpus_rows(family: str) -> list[Row]:
    """The hand-written rows, plus generated ones where the family has a generator."""
    rows = read_corpus(CORPORA[family][0])
    if family in GENERATORS:
        rows += importlib.import_module(GENERATORS[family]).generated_rows()
    return rows


def evaluate(family: str) -> list[Outcome]:
    """Run the pipeline on every row of the family's corpus."""
    _, wordlists = CORPORA[family]
    # fields/missing-*: a row is a phrase, not a document (2023年政务公开工作总结 as the only line
    # would be a summary without its parts); whole documents are evaluated apart, by profile.
    config = Config(select=(family,), ignore=("fields/missing-section", "fields/missing-field"),
                    wordlists=tuple(str(p) for p in wordlists))
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in corpus_rows(family):
            result = lint_file(str(write(row, Path(tmp))), config)
            if result.status != "ok":
                raise RuntimeError(f"row {row.line}: {result.error}")
            outcomes.append(Outcome(row, Counter((f.check, f.severity) for f in result.findings)))
    return outcomes


def recall(outcomes: list[Outcome], check: str) -> tuple[int, int]:
    """(positives of `check` found, positives of `check`)."""
    rows = [o for o in outcomes if check in o.row.expected]
    return sum(any(c == check for c, _ in o.fired) for o in rows), len(rows)


def precision(outcomes: list[Outcome], severity: str | None = None) -> tuple[int, int]:
    """(findings naming their row's expected check, all findings), optionally at one severity."""
    right = total = 0
    for o in outcomes:
        for (check, sev), count in o.fired.items():
            if severity is None or sev == severity:
                total += count
                right += count if check in o.row.expected else 0
    return right, total


def negatives_hit(outcomes: list[Outcome], severity: str) -> list[Outcome]:
    """Look-alike rows on which something fired at `severity`."""
    return [o for o in outcomes if not o.row.expected and any(s == severity for _, s in o.fired)]


def precision_of(outcomes: list[Outcome], check: str) -> tuple[int, int]:
    """(findings of `check` on rows expecting it, all findings of `check`)."""
    right = total = 0
    for o in outcomes:
        count = sum(n for (c, _), n in o.fired.items() if c == check)
        total += count
        right += count if check in o.row.expected else 0
    return right, total


def report(family: str, outcomes: list[Outcome]) -> None:
    """Print recall and precision per check, overall precision, and every miss or false alarm."""
    positives = [o for o in outcomes if o.row.expected]
    print(f"{family} corpus: {len(positives)} positives, {len(outcomes) - len(positives)} look-alikes")
    for check in sorted({c for o in positives for c in o.row.expected}):
        found, total = recall(outcomes, check)
        right, fired = precision_of(outcomes, check)
        print(f"  {check:<22} recall {found:>3}/{total:<3} = {found / total:6.1%}   "
              f"precision {right:>3}/{fired:<3} = {right / max(fired, 1):6.1%}")
    for severity in ("error", None):
        right, total = precision(outcomes, severity)
        label = f"{severity}-level" if severity else "all"
        print(f"  precision ({label} findings) {right}/{total} = {right / max(total, 1):.1%}")
    for severity in ("error", "warning"):
        print(f"  look-alikes with a {severity}: {len(negatives_hit(outcomes, severity))}")
    for o in outcomes:
        missed = o.row.expected - {c for c, _ in o.fired}
        wrong = {k: v for k, v in o.fired.items() if k[0] not in o.row.expected}
        if missed or wrong:
            print(f"    line {o.row.line} [{o.row.placement}] {o.row.text!r}: "
                  f"expected {'+'.join(sorted(o.row.expected)) or '-'}, fired {dict(o.fired) or 'nothing'}")


def main() -> None:
    """Evaluate the named family and print the figures."""
    parser = argparse.ArgumentParser(description="Precision/recall on a labeled corpus")
    parser.add_argument("family", choices=sorted(CORPORA) + ["realworld", "stats"])
    parser.add_argument("--seeds", type=int, default=40, help="stats: reports drawn per defect kind and format")
    args = parser.parse_args()
    if args.family == "stats":
        import stats_corpus

        stats_corpus.report(args.seeds)
        return
    if args.family == "realworld":
        import realworld

        realworld.report()
        return
    report(args.family, evaluate(args.family))
    if args.family == "fields":
        from fields_corpus import report_profiles

        report_profiles()
    if args.family == "proof":
        report_published()


def published_findings(family: str = "proof") -> tuple[int, Counter]:
    """(characters, findings per check) of the family on the published documents nobody here wrote."""
    config = Config(select=(family,))
    chars, fired = 0, Counter()
    for path in sorted(PUBLISHED.glob("*.txt")):
        chars += len(path.read_text(encoding="utf-8"))
        fired.update(f.check for f in lint_file(str(path), config).findings)
    return chars, fired


def report_published() -> None:
    """Findings per million characters of published text, per check."""
    chars, fired = published_findings()
    print(f"published text: {chars:,} characters, {sum(fired.values())} proof findings "
          f"= {sum(fired.values()) / chars * 1e6:.1f} per million")
    for check, count in sorted(fired.items()):
        print(f"  {check:<22} {count:>3} = {count / chars * 1e6:5.1f} per million")


if __name__ == "__main__":
    main()
