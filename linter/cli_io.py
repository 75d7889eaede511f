"""The CLI's plumbing: output files, standard input, and the small texts it prints."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TextIO

from linter.check import Check
from linter.config import Config
from linter.engine import FileResult
from linter.output import atomic_text
from linter.report.words import SEVERITY_WORDS, describe

_WHY = {
    "secrecy": "标有密级或限制传阅的材料一经公开即构成泄密，必须在发布前发现。",
    "pii": "公开个人信息违反《个人信息保护法》和政府信息公开的有关规定，是最常见的公开事故。",
    "fields": "缺项、占位符和格式错误说明文稿尚未定稿，发布后有损公信力。",
    "hidden": "批注、修订、隐藏文字和文档属性会随文件一起发布，读者可以看到或恢复。",
    "extract": "无法读取的内容没有经过检查，不能当作没有问题。",
    "proof": "错别字、重复和不配对的标点说明文稿未经校对，发布后有损机关公信力。",
    "stats": "年度报告统计表的勾稽关系错误、空格和数据不一致是年报检查中最常通报的问题，发布后难以更正。",
}


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Standard output, or the file --output names (replaced only once the report is whole)."""
    if path is None:
        yield sys.stdout
        return
    with atomic_text(path) as out:
        yield out


@contextlib.contextmanager
def stdin_as_file(paths: Sequence[str], name: str | None) -> Iterator[tuple[list[str], dict[str, str]]]:
    """Replace `-` by a temporary copy of standard input's bytes, named like --stdin-name.

    Yields the paths to read and, for the copy, the name to report (--stdin-name, or -).
    """
    if "-" not in paths:
        yield list(paths), {}
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / (Path(name).name if name else "stdin.txt")
        copy.write_bytes(sys.stdin.buffer.read())
        yield [str(copy) if p == "-" else p for p in paths], {str(copy): name or "-"}


def render_suppressed(results: Sequence[FileResult], out: TextIO) -> None:
    """List what was suppressed and why (table format, --show-suppressed)."""
    rows = [(r.path, s) for r in results for s in r.suppressed]
    out.write(f"\n已忽略 {len(rows)} 个问题：\n")
    for path, s in rows:
        f = s.finding
        out.write(f"  {path} {describe(f.location)} {f.check} {f.match} — {s.reason}\n")


def statistics_text(results: Sequence[FileResult]) -> str:
    """Counts per check, most frequent first (--statistics)."""
    counts = Counter((f.check, f.severity) for r in results for f in r.findings)
    lines = [f"{n:6d}  {check:<26} {SEVERITY_WORDS[severity]}" for (check, severity), n in counts.most_common()]
    return "\n".join(lines) or "没有发现问题"


def explain_text(cls: type[Check]) -> str:
    """What a check finds, why it matters, how to fix or suppress it."""
    family = cls.family()
    return "\n".join([
        f"{cls.id}（默认级别：{SEVERITY_WORDS[cls.severity]}）",
        "",
        f"发现什么：{cls.description}",
        f"为什么重要：{_WHY.get(family, '')}",
        f"如何处理：{cls.advice or '按说明修改文稿后重新检查。'}",
        "如何忽略：",
        f"  单次运行：--ignore {cls.id}",
        f"  配置文件：ignore = [\"{cls.id}\"]，或 per-file-ignores = {{\"公示/*.docx\" = [\"{cls.id}\"]}}",
        "  已确认的问题：--write-baseline baseline.json，之后用 --baseline baseline.json 只看新问题",
        f"  .md/.txt 中单行：在前一行写 <!-- disclosure-lint: ignore {cls.id} -->",
        "  词语：allow = [\"…\"] 或 allow-patterns = [\"正则\"]",
    ])


def config_text(config: Config) -> str:
    """The resolved configuration as TOML-like lines, with where it came from."""
    lines = [f"# 配置来源：{config.source or '默认配置（未找到配置文件）'}"]
    for item in fields(Config):
        if item.name in ("source", "baseline", "mask"):
            continue
        value, key = getattr(config, item.name), item.name.replace("_", "-")
        if value is None:  # TOML has no null: an unset value is shown as a comment, so the output reads back
            lines.append(f"# {key} = \"…\"  （未设置）")
            continue
        lines.append(f"{key} = {_toml(value)}")
    return "\n".join(lines)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return f"\"{value}\""
    if isinstance(value, dict):
        return "{" + ", ".join(f"\"{k}\" = {_toml(v)}" for k, v in value.items()) + "}"
    return "[" + ", ".join(_toml(v) for v in value) + "]"




def with_progress(results: Iterator[FileResult], total: int, quiet: bool) -> Iterator[FileResult]:
    """A progress bar on standard error while results come, when a person is watching."""
    if quiet or total <= 3 or not sys.stderr.isatty():
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # noqa: D102
            return Text(f"{task.speed or 0:.1f} 个/秒")

    columns = (TextColumn("检查中"), BarColumn(), MofNCompleteColumn(), Rate(), TimeRemainingColumn())
    with Progress(*columns, transient=True, console=None) as progress:
        task = progress.add_task("check", total=total)
        for result in results:
            progress.advance(task)
            yield result
