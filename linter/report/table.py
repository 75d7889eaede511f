"""--format table: findings grouped by file, located in words, for a person at a terminal.

Columns 级别 · 位置 · 检查 · 说明: the message already quotes the (masked) match, so it is
not printed twice; a dim line beneath gives the masked context. Findings of one check
with one message on one line or paragraph are one row with a count (15 placeholders in
a line are one row, not 15). Check ids and places never wrap, so an id can be copied
into --ignore; only the message column wraps. The width is the terminal's, else
$COLUMNS, else 100 when piped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from linter.engine import FileResult
from linter.model import Finding
from linter.report import summary
from linter.report.words import SEVERITY_WORDS, describe

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
PIPED_WIDTH = 100
_CONTEXT = 60  # characters of context shown beneath a message


@dataclass(frozen=True)
class Row:
    """One line of the table: a finding, and how many like it share its line or paragraph."""

    finding: Finding
    count: int = 1


def render(results: Sequence[FileResult], out: TextIO, quiet: bool = False) -> None:
    """Write a table per file with findings, errors or warnings, then the summary.

    `quiet` keeps only files with an error-level finding or that could not be read.
    """
    console = Console(file=out, highlight=False, width=_width(out), soft_wrap=False)
    for result in results:
        if quiet and not _has_errors(result):
            continue
        if result.findings or result.warnings or result.status == "error":
            _file(console, result)
    console.print(_summary_line(results))


def _width(out: TextIO) -> int | None:
    if out.isatty():
        return None  # rich asks the terminal
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else PIPED_WIDTH


def _has_errors(result: FileResult) -> bool:
    return result.status == "error" or any(f.severity == "error" for f in result.findings)


def grouped(findings: Sequence[Finding]) -> list[Row]:
    """Findings of one check and message on one line, paragraph or cell, as one row each."""
    rows: dict[tuple, Row] = {}
    for finding in findings:
        where = replace(finding.location, column=None)
        key = (finding.check, finding.severity, finding.message, where)
        if key in rows:
            rows[key] = replace(rows[key], count=rows[key].count + 1)
        else:
            rows[key] = Row(finding)
    return list(rows.values())


def _file(console: Console, result: FileResult) -> None:
    console.print(Text(result.path, style="bold underline"))
    for warning in result.warnings:
        console.print(Text(f"  注意：{warning}", style="dim"))
    if not result.findings:
        return
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold", expand=False)
    table.add_column("级别", no_wrap=True)
    table.add_column("位置", no_wrap=True)
    table.add_column("检查", no_wrap=True)
    table.add_column("说明", overflow="fold", ratio=1)
    for row in grouped(result.findings):
        f = row.finding
        table.add_row(Text(SEVERITY_WORDS[f.severity], style=_STYLES[f.severity]),
                      describe(f.location), f.check, _explained(row))
    console.print(table)
    console.print()


def _explained(row: Row) -> Text:
    f = row.finding
    text = Text(f.message if not f.match or f.match in f.message else f"“{f.match}”{f.message}")
    if row.count > 1:
        text.append(f"（{_where_word(f)}共 {row.count} 处）", style="bold")
    context = _one_line(f.context)
    if context and context != f.match:
        text.append("\n")
        text.append(context, style="dim")
    return text


def _where_word(finding: Finding) -> str:
    location = finding.location
    if location.line is not None:
        return "本行"
    return "本单元格" if location.row is not None else "本段"


def _one_line(context: str) -> str:
    flat = " ".join(context.split())
    return flat if len(flat) <= _CONTEXT else flat[:_CONTEXT - 1] + "…"


def _summary_line(results: Sequence[FileResult]) -> Text:
    counts = summary(results)
    unchecked = sum(r.status == "error" for r in results)
    by = counts["by_severity"]
    checked = counts["files"] - unchecked  # a file that could not be read was not checked
    if counts["findings"]:
        line = (f"已检查 {checked} 个文件，发现 {counts['findings']} 个问题"
                f"（错误 {by['error']}，警告 {by['warning']}，提示 {by['info']}）")
    else:
        line = f"已检查 {checked} 个文件，未发现问题"
    if unchecked:
        line += f"；{unchecked} 个文件未能检查（原因见上）"
    return Text(line, style="bold red" if unchecked or by["error"] else "bold")
