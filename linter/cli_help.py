"""Help screens in Chinese: click writes its headings (Usage, Options, Commands) in English."""

from __future__ import annotations

import click


class _Chinese:
    """Headings and the help option's own line in Chinese; everything else is click's."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示本帮助并退出"
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [row for param in self.get_params(ctx)
                if isinstance(param, click.Option) and (row := param.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        rows = [(name, command.get_short_help_str(formatter.width - 6 - len(name)))
                for name, command in commands if command is not None and not command.hidden]
        if rows:
            with formatter.section("子命令"):
                formatter.write_dl(rows)


class ChineseCommand(_Chinese, click.Command):
    """A command whose help screen is in Chinese."""


class ChineseGroup(_Chinese, click.Group):
    """A group whose help screen, and its commands', are in Chinese."""

    command_class = ChineseCommand
