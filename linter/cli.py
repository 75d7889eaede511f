"""The command line: `disclosure-lint check …` and `disclosure-lint checks`."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from linter import __version__, batch, profiles
from linter.baseline import read_baseline, write_baseline_file
from linter.batch import BatchOptions
from linter.cli_errors import help_hint, usage_message
from linter.cli_help import ChineseGroup
from linter.cli_io import (
    config_text,
    explain_text,
    open_output,
    render_suppressed,
    statistics_text,
    stdin_as_file,
    with_progress,
)
from linter.config import ConfigError, _size, load_config, with_overrides
from linter.decide import EXIT_INTERRUPTED, EXIT_UNCHECKED, exit_code, validate_selectors
from linter.discover import discover
from linter.extract.office_convert import soffice
from linter.model import SEVERITIES
from linter.output import OutputError
from linter.registry import RegistryError, load_checks
from linter.report import RENDERERS, render
from linter.wordlist import corrections, user_entries


def _ids(value: str | None) -> tuple[str, ...] | None:
    """Split a comma-separated list of check ids or families."""
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _fail(message: str) -> None:
    click.echo(f"disclosure-lint: {message}", err=True)
    sys.exit(EXIT_UNCHECKED)


@click.group(cls=ChineseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="disclosure-lint", help="显示版本号并退出")
def cli() -> None:
    """政务公开文稿发布前检查：保密审查、必备要素、个人信息。"""


def main() -> None:
    """Console entry point: no traceback for a closed pipe, a failed write, Ctrl-C or SIGTERM.

    An interrupted run exits 130 at once: the pool's workers are ended and temporary
    files removed on the way out, and a report being written is not put in place.
    """
    signal.signal(signal.SIGTERM, _terminated)
    try:
        try:
            code = cli.main(standalone_mode=False, prog_name="disclosure-lint")
        finally:
            sys.stdout.flush()  # here, where a full disk or closed pipe can still be reported
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("disclosure-lint: 已中断 (interrupted)", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.UsageError as exc:
        click.echo(f"disclosure-lint: {usage_message(exc)}\n{help_hint(exc)}", err=True)
        sys.exit(EXIT_UNCHECKED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_UNCHECKED)
    except BrokenPipeError:
        # The reader (head, a pager) went away; the report is incomplete, so not a pass.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_UNCHECKED)
    except OSError as exc:  # standard output could not be written (a full disk, a closed file)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        _fail(f"无法写入标准输出：{exc.strerror or exc}")
    sys.exit(code if isinstance(code, int) else 0)


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt  # unwind as Ctrl-C does: workers ended, temporary files removed


_CHECK_EPILOG = """\b
示例：
  disclosure-lint check 草稿/                         检查文件夹中的全部文稿
  disclosure-lint check 年报.docx --format json -o report.json
  disclosure-lint check 名单.md --select pii,secrecy --fail-on warning

\b
退出码：
  0    没有达到 --fail-on 级别（默认 error）的问题
  1    有达到 --fail-on 级别的问题
  2    有文件未能检查（损坏、加密、超限），或用法、配置错误
  130  被中断（Ctrl-C 或 SIGTERM）
"""


@cli.command(epilog=_CHECK_EPILOG)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="table",
              show_default=True, help="输出格式")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), help="把报告写入文件（默认标准输出）")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="达到此级别的问题使退出码为 1（默认 error）")
@click.option("--exit-zero", is_flag=True, help="只报告：有问题也以 0 退出（未能检查的文件仍为 2）")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="配置文件（默认向上查找 .disclosure-lint.toml 或 pyproject.toml）")
@click.option("--select", help="只运行这些检查（逗号分隔的 id 或类别，如 pii,secrecy/marking）")
@click.option("--ignore", help="不运行这些检查（逗号分隔的 id 或类别）")
@click.option("--wordlist", "wordlists", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="附加敏感词表，可重复")
@click.option("--typos", "typos", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="附加错别字表（每行：错误写法<Tab>正确写法<Tab>说明；正确写法为 = 表示不算错），可重复")
@click.option("--profile", help="文档类型（如 annual-report）")
@click.option("--no-mask", is_flag=True, help="输出中不遮盖个人信息（慎用）")
@click.option("--libreoffice", is_flag=True, default=None,
              help="内置读取器无法读取的 .doc/.wps/.xls（如 Word 6.0/95）用 LibreOffice 转换后读取（需 soffice）")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="并行处理的进程数（默认：全部 CPU 核心）")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="单个文件的处理时限（秒），超时记为无法检查（多文件时默认 300）")
@click.option("--max-file-size", help="单个文件大小上限，如 200MB（默认 512MB），超过记为无法检查")
@click.option("--cache-dir",
              help="缓存目录：未改动的文件不再重复检查（auto：用户缓存目录）")
@click.option("--quiet", "-q", is_flag=True, help="安静模式：不显示进度条，表格只列出有错误的文件和汇总")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="在本机进程池或 Dask 集群上运行")
@click.option("--scheduler", help="Dask 调度器地址（如 tcp://host:8786；不给则启动本地集群）")
@click.option("--ship-bytes", is_flag=True, help="Dask：把文件内容发给工作节点（节点不共享文件系统时）")
@click.option("--baseline", "baseline_file", type=click.Path(exists=True, dir_okay=False),
              help="只报告基线文件中没有的新问题")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False),
              help="把当前全部问题写入基线文件（只存指纹，不存原文）")
@click.option("--show-suppressed", is_flag=True, help="同时列出被忽略的问题及原因")
@click.option("--statistics", is_flag=True, help="在标准错误输出按检查统计问题数")
@click.option("--stdin-name", help="PATH 为 - 时，标准输入内容的文件名（决定格式，如 draft.docx）")
def check(paths, fmt, output, fail_on, exit_zero, config_file, select, ignore, wordlists, typos, profile, no_mask,
          libreoffice, jobs, timeout, max_file_size, cache_dir, quiet, executor, scheduler, ship_bytes,
          baseline_file, write_baseline, show_suppressed, statistics, stdin_name):
    """检查文件或文件夹中的文稿（Word、WPS、Excel、ODF、RTF、PDF、OFD、网页、文本、CSV）；- 读标准输入。"""
    try:
        config = load_config(config_file)
        config = with_overrides(config, select=_ids(select), ignore=_ids(ignore),
                                fail_on=fail_on, wordlists=wordlists, typos=typos, profile=profile,
                                mask=not no_mask, baseline=read_baseline(baseline_file),
                                libreoffice=libreoffice or None,
                                max_file_size=_size(max_file_size, "--max-file-size") if max_file_size else None)
        validate_selectors(config, load_checks())
        if config.libreoffice and soffice() is None:
            raise ConfigError("要求用 LibreOffice 读取 .doc/.wps/.xls（--libreoffice），"
                              "但找不到 soffice：请安装 LibreOffice 或去掉该选项")
        user_entries(config.wordlists)  # a malformed wordlist is a usage error, before any file
        corrections(config.typos)
        known = profiles.load(config.profiles)
        if config.profile is not None and config.profile not in known:
            raise ConfigError(f"未知的文档类型：{config.profile}（可选 {'、'.join(known)}）")
    except (ConfigError, RegistryError) as exc:
        _fail(f"配置错误：{exc}")
    options = BatchOptions(jobs=jobs, timeout=timeout, cache_dir=cache_dir,
                           executor=executor, scheduler=scheduler, ship_bytes=ship_bytes)
    try:
        with stdin_as_file(paths, stdin_name) as (paths, shown_as), open_output(output) as out:
            files = list(discover(paths))
            progress = with_progress(batch.run(files, config, options, shown_as), len(files), quiet)
            results = render(fmt, progress, out, show_suppressed, quiet)
            if show_suppressed and fmt == "table":
                render_suppressed(results, out)
        if not results:
            from linter.extract.sniff import EXTENSIONS

            _fail(f"没有找到可检查的文件（支持 {'、'.join(EXTENSIONS)}）")
        if write_baseline:
            write_baseline_file(write_baseline, results)
    except ConfigError as exc:  # raised lazily, e.g. --executor dask without dask installed
        _fail(f"配置错误：{exc}")
    except OutputError as exc:
        _fail(str(exc))
    if statistics:
        click.echo(statistics_text(results), err=True)
    findings = [f for r in results for f in r.findings]
    unchecked = sum(r.status == "error" for r in results)
    code = exit_code(findings, unchecked, config.fail_on)
    sys.exit(EXIT_UNCHECKED if code == EXIT_UNCHECKED else 0 if exit_zero else code)


@cli.command("checks")
def list_checks() -> None:
    """列出全部检查：id、类别、默认级别、说明。"""
    try:
        registered = load_checks()
    except RegistryError as exc:
        _fail(str(exc))
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("id", "类别", "默认级别", "说明"):
        table.add_column(name)
    for cid, cls in registered.items():
        table.add_row(cid, cls.family(), cls.severity, cls.description)
    Console(width=None if sys.stdout.isatty() else 160).print(table)


@cli.command("clean")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="清理后的文件（不能覆盖原文件）")
@click.option("--redact", is_flag=True, help="同时把检查发现的个人信息原地替换为遮盖后的形式（格式不变）")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="配置文件（--redact 按其中的检查设置查找个人信息）")
def clean_command(source: str, target: str, redact: bool, config_file) -> None:
    """清理 .docx：删除批注、接受全部修订、删除隐藏文字、清空文档属性，其余内容不变。"""
    from linter.extract import ExtractError

    _docx_only(source, target, "清理", "：请在源文件中清理后重新导出 PDF")
    masked = None
    try:
        config = load_config(config_file) if redact else None
        from linter.clean_docx import cleaned
        from linter.output import atomic_binary

        with open(source, "rb") as fh:
            data, removed = cleaned(fh.read())
        if config is not None:  # in memory: a copy is never left cleaned but not redacted
            from linter.review.redact import redact as redacted

            data, masked, left = redacted(source, data, config)
        with atomic_binary(target) as out:
            out.write(data)
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    except ExtractError as exc:
        _fail(f"{source}：{exc}")
    except OutputError as exc:
        _fail(str(exc))
    summary = "，".join(f"{kind} {count} 处" for kind, count in removed.items()) or "没有需要清理的内容"
    click.echo(f"已清理 {source} → {target}：{summary}")
    if masked is not None:
        kinds = "，".join(f"{check} {count} 处" for check, count in sorted(masked.items()))
        if masked or not left:
            click.echo(f"已遮盖个人信息：{kinds}" if masked else "未发现需要遮盖的个人信息")
        if left:
            kinds = "，".join(f"{check} {count} 处" for check, count in sorted(left.items()))
            click.echo(f"未能就地遮盖的个人信息：{kinds}（在文档导入的网页等整份内容或属性中），副本中仍有，请人工处理",
                       err=True)
            sys.exit(1)


@cli.command("annotate")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="加了批注的副本（不能覆盖原文件）")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="配置文件")
@click.option("--select", help="只运行这些检查（逗号分隔的 id 或类别）")
@click.option("--ignore", help="不运行这些检查（逗号分隔的 id 或类别）")
@click.option("--profile", help="文档类型（如 annual-report）")
def annotate_command(source: str, target: str, config_file, select, ignore, profile) -> None:
    """把检查发现写成 Word 批注，存为 .docx 副本（作者 disclosure-lint，原文不变）。"""
    from linter.extract import ExtractError

    _docx_only(source, target, "加批注", "：请对导出 PDF 前的 .docx 运行，或用 check --format html 生成报告")
    try:
        config = with_overrides(load_config(config_file), select=_ids(select), ignore=_ids(ignore), profile=profile)
        validate_selectors(config, load_checks())
        from linter.review.annotate import annotate

        done = annotate(source, target, config)
    except (ConfigError, RegistryError) as exc:
        _fail(f"配置错误：{exc}")
    except ExtractError as exc:
        _fail(f"{source}：{exc}")
    except OutputError as exc:
        _fail(str(exc))
    by = done.by_severity
    click.echo(f"已写入 {target}：{done.total} 条批注（错误 {by['error']}，警告 {by['warning']}，"
               f"提示 {by['info']}），其中 {done.on_text} 条标在原文对应文字上")


def _docx_only(source: str, target: str, action: str, pdf_advice: str) -> None:
    """Refuse to overwrite the input, and any input that is not a .docx, with a line saying why."""
    from linter.extract.sniff import sniff

    if _same_file(source, target):
        _fail("不能覆盖原文件（输出与输入是同一个文件），请用 -o 指定另一个文件")
    with open(source, "rb") as fh:
        fmt, _ = sniff(source, fh.read())
    if fmt != "docx":
        advice = pdf_advice if fmt == "pdf" else "：请直接编辑该文件"
        _fail(f"暂只支持对 .docx 文件{action}（{source} 是 {fmt} 文件）{advice}")


def _same_file(source: str, target: str) -> bool:
    """Whether writing `target` would overwrite `source` (the same path, a link, a hard link)."""
    try:
        return os.path.samefile(source, target)
    except OSError:
        return False  # the target does not exist yet


@cli.command()
@click.argument("check_id")
def explain(check_id: str) -> None:
    """说明一项检查：发现什么、为什么重要、如何修改或忽略。"""
    try:
        registered = load_checks()
    except RegistryError as exc:
        _fail(str(exc))
    if check_id not in registered:
        import difflib

        near = difflib.get_close_matches(check_id, sorted(registered), n=3, cutoff=0.6)
        hint = f"相近的有：{'、'.join(near)}；" if near else ""
        _fail(f"未知的检查：{check_id}（{hint}用 disclosure-lint checks 查看全部）")
    click.echo(explain_text(registered[check_id]))


@cli.command("show-config")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="配置文件")
def show_config(config_file) -> None:
    """显示解析后的配置（来自哪个文件、每一项的取值）。"""
    try:
        config = load_config(config_file)
    except ConfigError as exc:
        _fail(f"配置错误：{exc}")
    click.echo(config_text(config))
