"""Annual disclosure reports in the national template, consistent or with one planted defect.

`report(seed, defect)` draws consistent statistics (every rule of 表三 and 表四 holds) and
plants at most one defect; writers lay the report out as a drafter would in Word (the
template's merged cells), Markdown, a tab-separated .txt, an HTML page or an Excel sheet.
`EXPECTED[defect]` is what the stats/* checks must report for it: (check, count).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from linter.stats.template import COLUMNS, RESULTS, REVIEW_GROUPS, REVIEW_RESULTS
from linter.stats.template import ROWS as ALL_ROWS

ROWS = tuple(row for row in ALL_ROWS if row.key != "other")  # the 2021 format: （六） in three items

YEAR = 2024
DEFECTS = ("none", "row-total", "balance", "subtotal", "blank", "dash", "review", "period-year", "closing-year")
EXPECTED = {
    "none": {},
    "row-total": {"stats/row-total": 1},
    "balance": {"stats/balance": 2},  # the column changed, and the 总计 column with it
    "subtotal": {"stats/subtotal": 2},
    "blank": {"stats/blank-cell": 1},
    "dash": {"stats/blank-cell": 1},
    "review": {"stats/subtotal": 1},
    "period-year": {"fields/report-year": 1},
    "closing-year": {"fields/report-year": 1},
}
_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_GROUP_LABELS = {"deny": "（三）不予公开", "unable": "（四）无法提供", "refuse": "（五）不予处理",
                 "other": "（六）其他处理"}


@dataclass
class Report:
    """A report's statistics as cell texts: 表三 rows by key (seven cells), 表四's fifteen cells."""

    applications: dict[str, list[str]] = field(default_factory=dict)
    reviews: list[str] = field(default_factory=list)
    period_year: int = YEAR
    closing_year: int = YEAR + 1


def report(seed: int, defect: str = "none") -> Report:
    """A consistent report, then the defect planted."""
    rng = random.Random(seed)
    counts = {row.key: [rng.choice((0, 0, 0, 1, 2, 5, 11)) for _ in range(6)] for row in ROWS
              if row.key not in ("new", "carried", "total", "next")}
    total = [sum(values[c] for values in counts.values()) for c in range(6)]
    carried = [rng.randint(0, 2) for _ in range(6)]
    carried_forward = [rng.randint(0, 3) for _ in range(6)]
    new = [t + f - c for t, f, c in zip(total, carried_forward, carried, strict=True)]
    carried = [c - min(n, 0) for c, n in zip(carried, new, strict=True)]  # keep every count non-negative
    new = [max(n, 0) for n in new]
    rows = {"new": new, "carried": carried, **counts, "total": total, "next": carried_forward}
    table = {key: [str(v) for v in values] + [str(sum(values))] for key, values in rows.items()}
    reviews = []
    for _ in REVIEW_GROUPS:
        parts = [rng.randint(0, 3) for _ in range(4)]
        reviews += [str(p) for p in parts] + [str(sum(parts))]
    made = Report({row.key: table[row.key] for row in ROWS}, reviews)
    _plant(made, defect, rng)
    return made


def _plant(made: Report, defect: str, rng: random.Random) -> None:
    table = made.applications
    col = rng.randrange(6)
    if defect == "row-total":
        key = rng.choice([row.key for row in ROWS])
        table[key][6] = str(int(table[key][6]) + 1)
    elif defect == "balance":
        for c in (col, 6):
            table["next"][c] = str(int(table["next"][c]) + 1)
    elif defect == "subtotal":
        key = rng.choice(["open", "deny-3", "unable-2", "refuse-4", "other-1"])
        for c in (col, 6):
            table[key][c] = str(int(table[key][c]) + 1)
    elif defect in ("blank", "dash"):
        # A cell holding 0: the sums still hold (an inspector counts it as none); only its form is wrong.
        key, col = rng.choice([(k, c) for k in RESULTS for c in range(6) if table[k][c] == "0"])
        table[key][col] = "" if defect == "blank" else "-"
    elif defect == "review":
        made.reviews[4] = str(int(made.reviews[4]) + 1)
    elif defect == "period-year":
        made.period_year = YEAR - 1
    elif defect == "closing-year":
        made.closing_year = YEAR


def _label_cells(key: str) -> list[str]:
    """The three label cells of a 表三 row, as the template merges them (empty where merged)."""
    label = next(row.label for row in ROWS if row.key == key)
    if key in ("new", "carried", "next"):
        return [label, "", ""]
    group = key.split("-")[0]
    if group in _GROUP_LABELS:
        first = key.endswith("-1")
        item = label.split("）", 1)[1]
        return ["三、本年度办理结果" if key == "deny-1" else "", _GROUP_LABELS[group] if first else "", item]
    return ["三、本年度办理结果" if key == "open" else "", label, ""]


def _prose(made: Report) -> tuple[list[str], list[str], list[str]]:
    """The paragraphs before 表三, between 表三 and 表四, and after 表四."""
    before = [f"某某区人民政府办公室{YEAR}年政府信息公开工作年度报告",
              f"本报告中所列数据的统计期限自{made.period_year}年1月1日起至{made.period_year}年12月31日止。",
              "一、总体情况", "本机关依法做好政府信息公开工作。",
              "二、主动公开政府信息情况", "主动公开情况见下表。",
              "三、收到和处理政府信息公开申请情况"]
    between = ["四、政府信息公开行政复议、行政诉讼情况"]
    after = ["五、存在的主要问题及改进情况", "部分栏目更新不够及时。", "六、其他需要报告的事项", "无。",
             "某某区人民政府办公室", f"{made.closing_year}年1月20日"]
    return before, between, after


def application_rows(made: Report) -> list[list[str]]:
    """表三 as a grid of ten columns: three header rows, then the data rows."""
    header = [[_CORNER, "", "", "申请人情况", "", "", "", "", "", ""],
              ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
              ["", "", "", "", *COLUMNS[1:6], ""]]
    return header + [_label_cells(row.key) + made.applications[row.key] for row in ROWS]


def review_rows(made: Report) -> list[list[str]]:
    """表四 as a grid of fifteen columns."""
    return [["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
            [*REVIEW_RESULTS, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            ["", "", "", "", "", *REVIEW_RESULTS, *REVIEW_RESULTS],
            made.reviews]


def write_docx(made: Report, path: Path) -> Path:
    """The report in Word, 表三 and 表四 with the template's merged cells."""
    from docx import Document as WordDocument

    before, between, after = _prose(made)
    document = WordDocument()
    for text in before:
        document.add_paragraph(text)
    _word_table(document, application_rows(made), _application_merges())
    for text in between:
        document.add_paragraph(text)
    _word_table(document, review_rows(made), _REVIEW_MERGES)
    for text in after:
        document.add_paragraph(text)
    document.save(path)
    return path


_REVIEW_MERGES = [((0, 0), (0, 4)), ((0, 5), (0, 14)), ((1, 5), (1, 9)), ((1, 10), (1, 14)),
                  *(((1, c), (2, c)) for c in range(5))]


def _application_merges() -> list[tuple[tuple[int, int], tuple[int, int]]]:
    merges = [((0, 0), (2, 2)), ((0, 3), (0, 9)), ((1, 3), (2, 3)), ((1, 4), (1, 8)), ((1, 9), (2, 9))]
    first = 3
    keys = [row.key for row in ROWS]
    for key in ("new", "carried", "next"):
        r = first + keys.index(key)
        merges.append(((r, 0), (r, 2)))
    start, end = first + keys.index("open"), first + keys.index("total")
    merges.append(((start, 0), (end, 0)))
    for key in ("open", "partial", "total"):
        r = first + keys.index(key)
        merges.append(((r, 1), (r, 2)))
    for group in ("deny", "unable", "refuse", "other"):
        rows = [first + i for i, k in enumerate(keys) if k.startswith(group + "-")]
        merges.append(((rows[0], 1), (rows[-1], 1)))
    return merges


def _word_table(document, grid: list[list[str]], merges) -> None:
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    for (r1, c1), (r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    for r, values in enumerate(grid):
        for c, text in enumerate(values):
            if text:
                table.cell(r, c).text = text


def write_markdown(made: Report, path: Path) -> Path:
    """The report in Markdown: pipe tables, merged cells left empty."""
    before, between, after = _prose(made)

    def table(grid):
        lines = ["| " + " | ".join(grid[0]) + " |", "|" + "---|" * len(grid[0])]
        return lines + ["| " + " | ".join(row) + " |" for row in grid[1:]]

    lines = [f"# {before[0]}", *before[1:], "", *table(application_rows(made)), "", *between, "",
             *table(review_rows(made)), "", *after]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_text(made: Report, path: Path, encoding: str = "utf-8") -> Path:
    """The report as a .txt, table rows as tab-separated lines (as copied out of Word)."""
    before, between, after = _prose(made)
    rows = ["\t".join(row) for row in application_rows(made)]
    reviews = ["\t".join(row) for row in review_rows(made)]
    path.write_bytes("\n".join([*before, *rows, *between, *reviews, *after]).encode(encoding))
    return path


def write_html(made: Report, path: Path) -> Path:
    """The report as a web page, tables as <table> with empty cells where the template merges."""
    before, between, after = _prose(made)

    def table(grid):
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in grid)
        return f"<table>{body}</table>"

    page = ["<html><head><meta charset='utf-8'></head><body>", *(f"<p>{t}</p>" for t in before),
            table(application_rows(made)), *(f"<p>{t}</p>" for t in between), table(review_rows(made)),
            *(f"<p>{t}</p>" for t in after), "</body></html>"]
    path.write_text("\n".join(page), encoding="utf-8")
    return path


def write_xlsx(made: Report, path: Path) -> Path:
    """The report as one sheet: the prose a cell a line, the tables with merged cells, numbers as numbers."""
    import openpyxl

    before, between, after = _prose(made)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "年度报告"

    def table(grid, merges):
        top = sheet.max_row + 1
        for row in grid:
            sheet.append([int(v) if v.isdigit() else (v or None) for v in row])
        for (r1, c1), (r2, c2) in merges:
            sheet.merge_cells(start_row=top + r1, start_column=c1 + 1, end_row=top + r2, end_column=c2 + 1)

    for text in before:
        sheet.append([text])
    table(application_rows(made), _application_merges())
    for text in between:
        sheet.append([text])
    table(review_rows(made), _REVIEW_MERGES)
    for text in after:
        sheet.append([text])
    book.save(path)
    return path


WRITERS = {"docx": write_docx, "md": write_markdown, "txt": write_text, "html": write_html, "xlsx": write_xlsx}
