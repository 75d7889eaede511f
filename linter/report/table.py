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
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TextIO

from rich.cells import cell_len

from linter.engine import FileResult
from linter.model import Finding
from linter.report import summary
from linter.report.words import SEVERITY_WORDS, describe

# Laid out here rather than by a table library: a batch of 8,000 findings took 4 s to draw.
_ANSI = {"error": "1;31", "warning": "33", "info": "36", "dim": "2", "header": "1", "path": "1;4", "failed": "1;31"}
_HEADERS = ("级别", "位置", "检查", "说明")
_GAP = 2  # spaces between columns
_NARROWEST = 20  # the message column never narrower than this, whatever the terminal
_TOKENS = re.compile(r"[A-Za-z0-9_./:@#%+\-*?=&~<>\[\]\\$^|]+|\s+|.")
_NO_START = frozenset("，。、；：！？）】」』”’》〕,.;:!?)")
_NO_END = frozenset("（【「『“‘《〔(")
PIPED_WIDTH = 100
_CONTEXT = 60  # characters of context shown beneath a message
_JOINERS = frozenset("\u200d\ufe0f")


@dataclass(frozen=True)
class Row:
    """One line of the table: a finding, and how many like it share its line or paragraph."""

    finding: Finding
    count: int = 1


def render(results: Sequence[FileResult], out: TextIO, quiet: bool = False) -> None:
    """Write a table per file with findings, errors or warnings, then the summary.

    `quiet` keeps only files with an error-level finding or that could not be read.
    """
    paint = _painter(out)
    width = _width(out)
    lines: list[str] = []
    for result in results:
        if quiet and not _has_errors(result):
            continue
        if result.findings or result.warnings or result.status == "error":
            lines += _file(result, width, paint)
    lines.append(_summary_line(results, paint))
    out.write("\n".join(lines) + "\n")


def _width(out: TextIO) -> int:
    if out.isatty():
        return shutil.get_terminal_size((PIPED_WIDTH, 24)).columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else PIPED_WIDTH


def _painter(out: TextIO):
    """ANSI styles on a terminal (unless NO_COLOR is set); plain text anywhere else."""
    if not out.isatty() or os.environ.get("NO_COLOR"):
        return lambda text, style: text
    return lambda text, style: f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if text else text


def _has_errors(result: FileResult) -> bool:
    return result.status == "error" or any(f.severity == "error" for f in result.findings)


def grouped(findings: Sequence[Finding]) -> list[Row]:
    """Findings of one check and message on one line, paragraph or cell, as one row each."""
    rows: dict[tuple, Row] = {}
    for finding in findings:
        where = finding.location._replace(column=None)
        key = (finding.check, finding.severity, finding.message, where)
        if key in rows:
            rows[key] = replace(rows[key], count=rows[key].count + 1)
        else:
            rows[key] = Row(finding)
    return list(rows.values())


def _file(result: FileResult, width: int, paint) -> list[str]:
    lines = [paint(result.path, "path")]
    lines += [paint(f"  注意：{warning}", "dim") for warning in result.warnings]
    if not result.findings:
        return lines
    rows = [(SEVERITY_WORDS[row.finding.severity], describe(row.finding.location), row.finding.check, row)
            for row in grouped(result.findings)]
    widths = [max(cell_len(header), *(cell_len(row[k]) for row in rows)) for k, header in enumerate(_HEADERS[:3])]
    room = max(width - sum(widths) - _GAP * 3, _NARROWEST)
    lines.append(paint(_joined(_HEADERS[:3], widths, _HEADERS[3]), "header"))
    for level, place, check, row in rows:
        message, context = _explained(row)
        wrapped = _wrap(message, room)
        lead = _joined((paint(_pad(level, widths[0]), row.finding.severity), place, check), widths, "", padded=True)
        lines.append(lead + wrapped[0])
        indent = " " * (sum(widths) + _GAP * 3)
        lines += [indent + piece for piece in wrapped[1:]]
        lines += [indent + paint(piece, "dim") for piece in (_wrap(context, room) if context else ())]
    lines.append("")
    return lines


def _joined(cells, widths: list[int], last: str, padded: bool = False) -> str:
    """The fixed columns, each padded to its width, then the last column's text."""
    parts = [cell if padded and k == 0 else _pad(cell, widths[k]) for k, cell in enumerate(cells)]
    return (" " * _GAP).join([*parts, last])


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


@lru_cache(maxsize=4096)  # a batch repeats its messages thousands of times
def _wrap(text: str, width: int) -> tuple[str, ...]:
    """Lines of at most `width` cells: Chinese breaks between any two characters, Latin words stay whole."""
    if "\n" not in text and not _JOINERS.intersection(text) and _characters_cells(text) <= width:
        # It fits as it is (as most contexts do): what the loop below gives, measured at once. A
        # joiner or variation selector makes a string's width no longer the sum of its pieces'.
        return (text.rstrip(),)
    lines = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for token in _TOKENS.findall(paragraph):
            size = _cells(token)
            if used + size > width and line.strip():
                if token.isspace():  # break at the space
                    lines.append(line.rstrip())
                    line, used = "", 0
                    continue
                # 。，）” never open a line, （“《 never close one: such characters move down together.
                carried = ""
                while len(line) > 1 and len(carried) < 6 and line[-1] != " " and (
                        line[-1] in _NO_END or (carried + token)[0] in _NO_START):
                    line, carried = line[:-1], line[-1] + carried
                lines.append(line.rstrip())
                line, used = carried, cell_len(carried)
            while size > width:  # a word wider than the column: cut it
                cut = _fit(token, width - used)
                lines.append(line + token[:cut])
                token, line, used = token[cut:], "", 0
                size = cell_len(token)
            line += token
            used += size
        lines.append(line.rstrip())
    return tuple(lines) or ("",)


_TOKEN_CELLS: dict[str, int] = {}


def _cells(token: str) -> int:
    """Terminal cells of a token (mostly one Chinese character), remembered.

    Wrapping measures every character of every message.
    """
    size = _TOKEN_CELLS.get(token)
    if size is None:
        size = cell_len(token)
        if len(_TOKEN_CELLS) < 65536:
            _TOKEN_CELLS[token] = size
    return size


def _characters_cells(text: str) -> int:
    """Terminal cells of a text without joiners: the sum of its characters', each measured once."""
    try:
        return sum(map(_TOKEN_CELLS.__getitem__, text))
    except KeyError:  # a character not met yet
        return sum(map(_cells, text))


def _fit(token: str, width: int) -> int:
    """How many characters of `token` fit in `width` cells (at least one)."""
    used = 0
    for k, char in enumerate(token):
        used += cell_len(char)
        if used > width:
            return max(k, 1)
    return len(token)


def _explained(row: Row) -> tuple[str, str]:
    """The message (the masked match quoted once, the count of like findings) and the context line."""
    f = row.finding
    text = f.message if not f.match or f.match in f.message else f"“{f.match}”{f.message}"
    if row.count > 1:
        text += f"（{_where_word(f)}共 {row.count} 处）"
    context = _one_line(f.context)
    return text, (context if context and context != f.match else "")


def _where_word(finding: Finding) -> str:
    location = finding.location
    if location.line is not None:
        return "本行"
    return "本单元格" if location.row is not None else "本段"


def _one_line(context: str) -> str:
    flat = " ".join(context.split())
    return flat if len(flat) <= _CONTEXT else flat[:_CONTEXT - 1] + "…"


def _summary_line(results: Sequence[FileResult], paint) -> str:
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
    return paint(line, "failed" if unchecked or by["error"] else "header")
