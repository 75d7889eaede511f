"""What a reviewer reads from the command line itself: usage errors and help in Chinese, with examples."""

import subprocess
import sys

import pytest


def _run(*args):
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True)


@pytest.mark.parametrize("args, said", [
    (["chek", "a.txt"], "没有子命令“chek”；是不是要用 check"),
    (["check", "--selec", "pii", "a.txt"], "没有选项 --selec；是不是要用 --select"),
    (["check"], "缺少参数 PATHS"),
    (["check", "--format", "xml", "a.txt"], "--format 不能取“xml”（可选：github、html、json"),
    (["check", "--jobs", "0", "a.txt"], "--jobs 的取值无效"),
    (["check", "a.txt", "--select"], "选项 --select 需要一个值"),
    (["check", "--typos", "没有这个文件.txt", "a.txt"], "文件或文件夹不存在：没有这个文件.txt"),
])
def test_usage_errors_are_one_chinese_line_and_exit_2(args, said):
    result = _run(*args)
    assert result.returncode == 2
    first, hint = result.stderr.strip().splitlines()
    assert said in first and "--help" in hint
    assert "Error" not in result.stderr and "Usage" not in result.stderr and "Try" not in result.stderr


def test_check_help_has_examples_and_the_exit_codes_in_chinese():
    result = _run("check", "--help")
    assert result.returncode == 0
    out = result.stdout
    assert "用法：" in out and "选项" in out and "显示本帮助并退出" in out
    assert out.count("disclosure-lint check ") >= 3
    for code, meaning in (("0", "没有达到"), ("1", "有达到"), ("2", "未能检查"), ("130", "中断")):
        assert any(line.split()[:1] == [code] and meaning in line for line in out.splitlines())
    assert "Usage" not in out and "Show this message" not in out


def test_top_level_help_lists_the_commands_in_chinese_and_v_gives_the_version():
    out = _run("--help").stdout
    assert "子命令" in out and "check" in out and "Commands" not in out
    assert _run("-V").stdout.startswith("disclosure-lint")


def test_explain_gives_advice_for_that_check():
    from linter.registry import load_checks

    builtin = {cid: cls for cid, cls in load_checks().items() if cls.__module__.startswith("checks.")}
    assert all(cls.advice for cls in builtin.values()), [c for c, cls in builtin.items() if not cls.advice]
    assert len({cls.advice for cls in builtin.values()}) == len(builtin)  # each its own
    mobile = _run("explain", "pii/mobile").stdout
    assert "138****5678" in mobile and "clean" not in mobile.split("如何处理：")[1].split("\n")[0]
    assert "〔2024〕12号" in _run("explain", "fields/doc-number").stdout
    assert "删除密级标志" in _run("explain", "secrecy/marking").stdout


def test_explain_an_unknown_id_names_the_closest():
    result = _run("explain", "pii/phone")
    assert result.returncode == 2 and "未知的检查：pii/phone" in result.stderr
    result = _run("explain", "pii/mobil")
    assert "相近的有：pii/mobile" in result.stderr


def test_every_family_says_why_it_matters():
    from linter.cli_io import _WHY
    from linter.registry import load_checks

    assert {cid.split("/")[0] for cid in load_checks()} <= set(_WHY)
