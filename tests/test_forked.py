"""A few files in a forked child: results as in this process, the time limit per file, no pool to start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from builders import PdfPage, docx, pdf
from plugins import install

from linter import batch, forked
from linter.batch import BatchOptions, run
from linter.config import Config
from linter.engine import lint_file

pytestmark = pytest.mark.skipif(not forked.available(), reason="fork() is not available here")
ROOT = Path(__file__).resolve().parent.parent


def _summary(results):
    return [(r.path, r.status, r.error, [(f.check, f.severity, f.match, f.location) for f in r.findings])
            for r in results]


def _drafts(folder: Path) -> list[Path]:
    sentence = "举报人李红梅反映情况，联系电话13812345678，身份证号110101199003071234。"
    return [docx(folder / "a.docx", lambda d: d.add_paragraph(sentence)),
            pdf(folder / "b.pdf", [PdfPage(lines=["关于开展排查工作的通知", sentence])]),
            folder / "c.md"]


def test_a_few_drafts_give_in_a_child_what_they_give_here(tmp_path, monkeypatch):
    paths = _drafts(tmp_path)
    paths[2].write_text("# 名单\n\n联系电话13912345678\n", encoding="utf-8")
    monkeypatch.setattr(batch, "_pool", lambda *args: pytest.fail("a few drafts need no pool"))
    here = [lint_file(str(p), Config()) for p in paths]
    assert sum(len(r.findings) for r in here) >= 5
    assert _summary(run([str(p) for p in paths], Config(), BatchOptions(jobs=2))) == _summary(here)


def test_a_file_that_hangs_or_kills_its_child_fails_alone(tmp_path, monkeypatch):
    install(monkeypatch, "HangingCheck")
    monkeypatch.setattr(batch, "DEFAULT_TIMEOUT", 2)
    monkeypatch.setattr(batch, "_pool", lambda *args: pytest.fail("a few drafts need no pool"))
    names = ["a.pdf", "b-hang.pdf", "c.pdf", "d-die.pdf", "e.pdf"]
    for name in names:
        text = "挂起" if "hang" in name else "进程退出" if "die" in name else "正文"
        pdf(tmp_path / name, [PdfPage(lines=[text])])
    results = list(run([str(tmp_path)], Config(select=("fields/test-hang",)), BatchOptions(jobs=2)))
    assert [Path(r.path).name for r in results] == names  # every file, in order
    assert [r.status for r in results] == ["ok", "error", "ok", "error", "ok"]
    assert "超时（超过 2 秒）" in results[1].error
    assert "异常退出（3）" in results[3].error
    assert all(f.check == "extract/error" for r in results if r.status == "error" for f in r.findings)


def test_a_child_left_behind_is_stopped_and_reaped(tmp_path, monkeypatch):
    """Ctrl-C or a consumer that stops reading ends the generator: its child must not live on."""
    install(monkeypatch, "HangingCheck")
    for name, text in (("a.md", "正文"), ("b.md", "挂起")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    children, fork = [], os.fork
    monkeypatch.setattr(os, "fork", lambda: children.append(fork()) or children[-1])
    todo = [(str(tmp_path / n), n) for n in ("a.md", "b.md")]
    results = forked.run_forked(todo, Config(select=("fields/test-hang",)), 60, None)
    assert next(results).status == "ok"
    results.close()  # the child is reading b.md, which hangs
    assert len(children) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(children[0], os.WNOHANG)  # not running, not even a zombie


def test_one_worker_runs_a_big_batch_in_a_child_under_the_time_limit(tmp_path, monkeypatch):
    install(monkeypatch, "HangingCheck")
    monkeypatch.setattr(batch, "_pool", lambda *args: pytest.fail("one worker needs no pool"))
    for i in range(batch.SMALL_BATCH + 4):
        (tmp_path / f"f{i:02d}.md").write_text("挂起" if i == 3 else "正文", encoding="utf-8")
    results = list(run([str(tmp_path)], Config(select=("fields/test-hang",)), BatchOptions(jobs=1, timeout=2)))
    assert [r.status for r in results].count("ok") == batch.SMALL_BATCH + 3
    assert results[3].status == "error" and "超时" in results[3].error


_SINGLE_DRAFT = """
import sys
from linter.batch import BatchOptions, run
from linter.config import Config

[result] = run([sys.argv[1]], Config(), BatchOptions(jobs=2))
print(result.status, len(result.findings), "pebble" in sys.modules)
"""


def test_a_single_draft_starts_no_pool(tmp_path):
    """The pool's library and threads cost a pre-commit hook more than the draft it checks."""
    path = docx(tmp_path / "a.docx", lambda d: d.add_paragraph("联系电话13812345678"))
    out = subprocess.run([sys.executable, "-c", _SINGLE_DRAFT, str(path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    status, findings, pool = out.stdout.split()
    assert (status, pool) == ("ok", "False") and int(findings) >= 1
