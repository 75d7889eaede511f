"""Usage errors in Chinese: click's own messages are English, and reviewers read Chinese.

The English original is kept in parentheses where it says more than the translation (a
value's own complaint), so nothing click knows is lost.
"""

from __future__ import annotations

import difflib
import re

import click

_NO_COMMAND = re.compile(r"No such command '(.+?)'")
_NEEDS_VALUE = re.compile(r"Option '(.+?)' requires an? (?:argument|\d+ arguments)")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((.+)\)")
_NOT_EXIST = re.compile(r"(?:File|Path|Directory) '(.+?)' does not exist")
_VALUE = re.compile(r"'(.*?)' is not")


def usage_message(exc: click.UsageError) -> str:
    """One Chinese line for a usage error."""
    if isinstance(exc, click.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, exc.possibilities or (), n=2, cutoff=0.6)
        hint = f"；是不是要用 {'、'.join(close)}？" if close else ""
        return f"没有选项 {exc.option_name}{hint}"
    if isinstance(exc, click.MissingParameter):
        kind_name = exc.param_type or (exc.param.param_type_name if exc.param else "")
        kind = "参数" if kind_name == "argument" else "选项"
        name = exc.param_hint or (exc.param.human_readable_name if exc.param else "")
        if isinstance(name, list | tuple):
            name = " / ".join(name)
        return f"缺少{kind} {name}".rstrip()
    if isinstance(exc, click.BadParameter):
        return _bad_value(exc)
    message = exc.format_message()
    if m := _NO_COMMAND.search(message):
        return _unknown_command(m[1], exc.ctx)
    if m := _NEEDS_VALUE.search(message):
        return f"选项 {m[1]} 需要一个值"
    if m := _EXTRA.search(message):
        return f"多余的参数：{m[1]}（一次只给一个子命令；路径中有空格请加引号）"
    return f"用法错误（{message}）"


def _bad_value(exc: click.BadParameter) -> str:
    hint = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else "")
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    hint = str(hint).replace("'", "")
    message = exc.format_message()
    if m := _NOT_EXIST.search(message):
        return f"{hint}：文件或文件夹不存在：{m[1]}"
    if exc.param is not None and isinstance(exc.param.type, click.Choice):
        value = m[1] if (m := _VALUE.search(exc.message)) else ""
        return f"{hint} 不能取“{value}”（可选：{'、'.join(map(str, exc.param.type.choices))}）"
    return f"{hint} 的取值无效（{exc.message}）"


def _unknown_command(name: str, ctx: click.Context | None) -> str:
    commands = sorted(ctx.command.list_commands(ctx)) if ctx and isinstance(ctx.command, click.Group) else []
    close = difflib.get_close_matches(name, commands, n=2, cutoff=0.5)
    if close:
        return f"没有子命令“{name}”；是不是要用 {'、'.join(close)}？"
    listed = f"（可用：{'、'.join(commands)}）" if commands else ""
    return f"没有子命令“{name}”{listed}；检查文件请用 disclosure-lint check {name}"


def help_hint(exc: click.UsageError) -> str:
    """Where to read the usage of the command that was misused."""
    path = exc.ctx.command_path if exc.ctx else "disclosure-lint"
    return f"用 {path} --help 查看用法"
