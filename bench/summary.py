"""A summary page of the benchmarks' last figures, with plots: bench/out/summary.html.

    python bench/summary.py

Reads what the benchmark scripts saved under bench/out/results/ (run them first:
whole_bench, extract_bench, formats_bench, batch_bench, startup_bench, render_bench)
and draws, each beside its table of figures: the whole check against the alternative by
kind of file; extraction throughput by format; files/s by batch size and by workers;
start-up time and peak memory per case; findings/s by report format. The page is one
self-contained HTML file (the plots are inline SVG). Needs the bench extras (matplotlib).
"""

from __future__ import annotations

import html
import io
import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: the plots only go into the page
import matplotlib.pyplot as plt  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import RESULTS, load  # noqa: E402

PAGE = RESULTS.parent / "summary.html"
OURS, THEIRS = "#2b6cb0", "#a0aec0"


def main() -> None:
    records = load()
    if not records:
        sys.exit(f"no figures under {RESULTS}: run the benchmark scripts first")
    sections = [section(records.get(name)) for name, section in SECTIONS]
    body = "\n".join(s for s in sections if s)
    machines = sorted({r["machine"] for r in records.values()})
    dates = sorted(r["when"] for r in records.values())
    PAGE.write_text(TEMPLATE.format(machines=html.escape("; ".join(machines)), first=dates[0], last=dates[-1],
                                    body=body), encoding="utf-8")
    print(f"wrote {PAGE}")


def ratio_section(title: str) -> Callable[[dict | None], str]:
    """Ours against the alternative per kind of file: the ratio plotted (with its target, if any),
    the throughputs tabled."""
    def draw(record: dict | None) -> str:
        if not record:
            return ""
        rows = (record.get("rows") or record.get("formats") or []) + record.get("mixes", [])  # kinds, then mixes
        fig, ax = plt.subplots(figsize=(7, 0.45 * len(rows) + 1.2))
        kinds = [r["kind"] for r in rows]
        ax.barh(kinds, [r["ratio"] for r in rows], color=OURS)
        targets = [(k, r["target"]) for k, r in zip(kinds, rows, strict=True) if r.get("target")]
        if targets:
            ax.scatter([t for _, t in targets], [k for k, _ in targets], marker="|", s=400, color="#c53030",
                       label="target", zorder=3)
            ax.legend(loc="lower right")
        ax.axvline(1, color="black", linewidth=0.8)
        ax.set_xlabel("times faster than the alternative (1 = as fast)")
        ax.invert_yaxis()
        table = [(r["kind"], f"{r['amount'] / r['ours_s']:,.1f} {r['unit']}/s",
                  f"{r['alternative']}: {r['amount'] / r['alternative_s']:,.1f} {r['unit']}/s", f"{r['ratio']:.1f}x")
                 for r in rows]
        return block(title, record, fig, ("kind", "ours", "alternative", "ratio"), table)
    return draw


def batch_sizes(record: dict | None) -> str:
    if not record or not record.get("sizes"):
        return ""
    rows = record["sizes"]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    sizes = [r["files"] for r in rows]
    ax.plot(sizes, [r["files"] / r["default_s"] for r in rows], "o-", color=OURS, label="default (--jobs: every core)")
    ax.plot(sizes, [r["files"] / r["jobs1_s"] for r in rows], "s--", color=THEIRS, label="--jobs 1")
    ax.set_xscale("log", base=2)
    ax.set_xticks(sizes, [str(n) for n in sizes])
    ax.set_xlabel("files in the batch (whole CLI run)")
    ax.set_ylabel("files/s")
    ax.legend()
    table = [(r["files"], f"{r['default_s']:.2f} s", f"{r['jobs1_s']:.2f} s", f"{r['default_s'] / r['jobs1_s']:.2f}")
             for r in rows]
    return block("Throughput by batch size", record, fig, ("files", "default", "--jobs 1", "default / --jobs 1"), table)


def workers(record: dict | None) -> str:
    if not record or not record.get("workers"):
        return ""
    rows = record["workers"]
    fig, ax = plt.subplots(figsize=(7, 2.8))
    ax.barh([r["setting"] for r in rows], [r["files_per_s"] for r in rows], color=OURS)
    ax.set_xlabel(f"files/s on {record['files']:,} mixed drafts ({record['megabytes']:.0f} MB)")
    ax.invert_yaxis()
    base = rows[0]["wall_s"]
    table = [(r["setting"], f"{r['wall_s']:.2f} s", f"{r['files_per_s']:.1f}", f"{base / r['wall_s']:.2f}x",
              f"{r['peak_mb']:.0f} MB") for r in rows]
    return block("Throughput by workers", record, fig, ("setting", "wall", "files/s", "speed-up", "peak RSS"), table)


def startup(record: dict | None, extract: dict | None = None) -> str:
    cases = [*(record or {}).get("cases", []), *(extract or {}).get("cli", [])]
    if not cases:
        return ""
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 0.4 * len(cases) + 1.2), sharey=True)
    names = [c["case"] for c in cases]
    left.barh(names, [c["wall_s"] for c in cases], color=OURS)
    left.set_xlabel("wall time, s")
    right.barh(names, [c["peak_mb"] for c in cases], color=THEIRS)
    right.set_xlabel("peak RSS, MB")
    left.invert_yaxis()
    table = [(c["case"], f"{c['wall_s']:.2f} s", f"{c['peak_mb']:.0f} MB") for c in cases]
    return block("Start-up and peak memory, whole process", record or extract, fig, ("case", "wall", "peak RSS"), table)


def render(record: dict | None) -> str:
    if not record:
        return ""
    rows = record["formats"]
    fig, ax = plt.subplots(figsize=(7, 0.4 * len(rows) + 1.2))
    ax.barh([r["format"] for r in rows], [r["findings_per_s"] for r in rows], color=OURS)
    ax.axvline(100_000, color="#c53030", linestyle="--", label="100,000/s")
    ax.legend(loc="lower right")
    ax.set_xlabel(f"findings/s ({record['findings']:,} findings)")
    ax.invert_yaxis()
    table = [(r["format"], f"{r['seconds']:.2f} s", f"{r['findings_per_s']:,.0f}") for r in rows]
    return block("Rendering a report", record, fig, ("format", "time", "findings/s"), table)


def block(title: str, record: dict, fig, header: tuple[str, ...], rows: list[tuple]) -> str:
    """A section: title, the plot as inline SVG, the figures as a table."""
    fig.tight_layout()
    svg = io.StringIO()
    fig.savefig(svg, format="svg")
    plt.close(fig)
    cells = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    return (f"<section><h2>{html.escape(title)}</h2><p class=when>{html.escape(record['when'])}, "
            f"bench/{html.escape(record['bench'])}</p>{svg.getvalue().split('?>', 1)[-1]}"
            f"<table><tr>{head}</tr>{cells}</table></section>")


SECTIONS: list[tuple[str, Callable[[dict | None], str]]] = [
    ("whole", ratio_section("Whole check against the alternative's extraction alone")),
    ("extract", ratio_section("Extraction by format (PDF, .docx, text)")),
    ("formats", ratio_section("Extraction by format (.xlsx, .html, .doc)")),
    ("batch", batch_sizes),
    ("batch", workers),
    ("startup", lambda record: startup(record, load().get("extract"))),
    ("render", render),
]

TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>disclosure-lint benchmarks</title>
<style>
body {{ font-family: sans-serif; max-width: 60rem; margin: 2rem auto; color: #1a202c; }}
section {{ margin-bottom: 3rem; }} svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; }}
td, th {{ border-bottom: 1px solid #e2e8f0; padding: .25rem .75rem; text-align: left; }}
.when {{ color: #718096; font-size: .9rem; }}
</style></head><body>
<h1>disclosure-lint benchmarks</h1>
<p>{machines}. Figures from {first} to {last}: each plot is the last run of its script.</p>
{body}
</body></html>
"""


if __name__ == "__main__":
    main()
