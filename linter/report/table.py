"""--format table: findings grouped by file, located in words, then a summary line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from linter.engine import FileResult
from linter.report import summary
from linter.report.words import SEVERITY_WORDS, describe

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(results: Sequence[FileResult], out: TextIO) -> None:
    """Write a table per file with findings, errors or warnings, then the summary."""
    console = Console(file=out, highlight=False,
                      width=None if out.isatty() else 160)
    for result in results:
        if result.findings or result.warnings or result.status == "error":
            _file(console, result)
    console.print(_summary_line(results))


def _file(console: Console, result: FileResult) -> None:
    console.print(Text(result.path, style="bold underline"))
    for warning in result.warnings:
        console.print(Text(f"  注意：{warning}", style="dim"))
    if not result.findings:
        return
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    for name in ("级别", "位置", "检查", "说明", "匹配"):
        table.add_column(name, overflow="fold")
    for f in result.findings:
        table.add_row(Text(SEVERITY_WORDS[f.severity], style=_STYLES[f.severity]),
                      describe(f.location), f.check, f.message, f.match)
    console.print(table)
    console.print()


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
