"""--format html: one self-contained page for a reviewer.

A summary at the top, then per document its findings grouped by severity, each
with the matched text highlighted in its context (already masked), and
checkboxes that filter by check family. No external resources.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TextIO

from linter import __version__
from linter.engine import FileResult
from linter.model import SEVERITIES
from linter.report import summary
from linter.report.words import SEVERITY_WORDS, describe

_STYLE = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #ccc}
.summary span{margin-right:1.5em} .filters label{margin-right:1em}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left}
.error .sev{color:#b00020;font-weight:bold} .warning .sev{color:#b26a00} .info .sev{color:#0061a8}
mark{background:#ffe082} .fileerror{color:#b00020} td.sev,th{white-space:nowrap}
"""
_SCRIPT = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('tr[data-family="' + box.value + '"]').forEach(function (row) {
      row.hidden = !box.checked;
    });
  });
});
"""


def render(results: Sequence[FileResult], out: TextIO) -> None:
    """Write the page."""
    counts = summary(results)
    families = sorted({f.check.split("/")[0] for r in results for f in r.findings})
    out.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
              f"<title>disclosure-lint 检查报告</title><style>{_STYLE}</style></head><body>")
    out.write(f"<h1>disclosure-lint 检查报告</h1><p class=\"summary\" id=\"summary\">"
              f"<span>文件 {counts['files']}</span><span>问题 {counts['findings']}</span>"
              + "".join(f"<span>{SEVERITY_WORDS[s]} {counts['by_severity'][s]}</span>" for s in SEVERITIES)
              + f"<span>未能检查 {sum(r.status == 'error' for r in results)}</span></p>")
    out.write("<p class=\"filters\">按类别筛选："
              + "".join(f"<label><input type=\"checkbox\" value=\"{escape(f)}\" checked> {escape(f)}</label>"
                        for f in families) + "</p>")
    for result in results:
        _document(result, out)
    out.write(f"<p><small>disclosure-lint {escape(__version__)}</small></p><script>{_SCRIPT}</script></body></html>\n")


def _document(result: FileResult, out: TextIO) -> None:
    out.write(f"<h2>{escape(result.path)}</h2>")
    if result.status == "error":
        out.write(f"<p class=\"fileerror\">未能检查：{escape(result.error or '')}</p>")
    if not result.findings:
        out.write("<p>未发现问题</p>" if result.status == "ok" else "")
        return
    out.write("<table><tr><th>级别</th><th>位置</th><th>检查</th><th>说明</th><th>上下文</th></tr>")
    for severity in SEVERITIES:
        for f in (f for f in result.findings if f.severity == severity):
            cells = [SEVERITY_WORDS[severity], escape(describe(f.location)), escape(f.check), escape(f.message),
                     _highlight(f.context, f.match)]
            out.write(f"<tr class=\"finding {severity}\" data-family=\"{escape(f.check.split('/')[0])}\">"
                      f"<td class=\"sev\">" + "</td><td>".join(cells) + "</td></tr>")
    out.write("</table>")


def _highlight(context: str, match: str) -> str:
    if match and match in context:
        before, _, after = context.partition(match)
        return f"{escape(before)}<mark>{escape(match)}</mark>{escape(after)}"
    return escape(context) if context else f"<mark>{escape(match)}</mark>" if match else ""
