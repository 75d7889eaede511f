"""Batches: parallel results identical to serial, timeouts, dead workers, size caps, cache, API, Dask."""

import json
import time

import pytest
from builders import PdfPage, pdf
from plugins import install

import linter
from linter.batch import BatchOptions, run
from linter.config import Config


@pytest.fixture
def folder(tmp_path):
    for i in range(6):
        (tmp_path / f"d{i}.md").write_text(f"# 第{i}份\n\n联系电话1381234567{i}\n", encoding="utf-8")
    return tmp_path


def _summary(results):
    return [(r.path, r.status, [(f.check, f.match) for f in r.findings]) for r in results]


def test_pool_gives_the_same_results_in_the_same_order(folder):
    serial = list(run([str(folder)], Config(), BatchOptions(jobs=1)))
    parallel = list(run([str(folder)], Config(), BatchOptions(jobs=2)))
    assert _summary(serial) == _summary(parallel) and len(serial) == 6


def test_a_hanging_file_times_out_and_a_dead_worker_fails_only_its_file(folder, monkeypatch):
    install(monkeypatch, "HangingCheck")
    (folder / "hang.md").write_text("挂起\n", encoding="utf-8")
    (folder / "die.md").write_text("进程退出\n", encoding="utf-8")
    start = time.monotonic()
    results = {r.path.rsplit("/", 1)[-1]: r for r in run([str(folder)], Config(), BatchOptions(jobs=2, timeout=3))}
    assert time.monotonic() - start < 40
    assert results["hang.md"].status == "error" and "超时" in results["hang.md"].error
    # pebble can see the worker die before it records that the task started, and then
    # reports the task as timed out: either way the file is an error, never a pass.
    assert results["die.md"].status == "error" and ("进程" in results["die.md"].error
                                                    or "超时" in results["die.md"].error)
    assert sum(r.status == "ok" for r in results.values()) == 6


def test_oversize_file_is_an_error_not_a_pass(cli_json, tmp_path):
    (tmp_path / "big.txt").write_text("正文" * 5000, encoding="utf-8")
    code, report = cli_json("big.txt", "--max-file-size", "10KB")
    assert code == 2 and "过大" in report["files"][0]["error"]
    assert cli_json("big.txt", "--max-file-size", "1MB")[0] == 0


def test_cache_reuses_unchanged_files(folder, tmp_path):
    cache = str(tmp_path / "cache")
    first = list(run([str(folder)], Config(), BatchOptions(jobs=1, cache_dir=cache)))
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 6
    (folder / "d0.md").write_text("# 改过了\n", encoding="utf-8")
    second = list(run([str(folder)], Config(), BatchOptions(jobs=1, cache_dir=cache)))
    assert _summary(second)[1:] == _summary(first)[1:] and second[0].findings == ()
    other = list(run([str(folder)], Config(select=("fields",)), BatchOptions(jobs=1, cache_dir=cache)))
    assert all(r.findings == () for r in other)  # another configuration is another key


def test_library_api_returns_picklable_reports(folder):
    import pickle

    by_path = linter.lint_path(str(folder / "d1.md"))
    by_bytes = linter.lint_bytes("上报/d1.md", (folder / "d1.md").read_bytes(), Config(select=("pii",)))
    assert [f.check for f in by_path.findings] == [f.check for f in by_bytes.findings] == ["pii/mobile"]
    assert by_bytes.path == "上报/d1.md" and by_bytes.findings[0].path == "上报/d1.md"
    assert pickle.loads(pickle.dumps(by_bytes)) == by_bytes


def test_a_finding_comes_back_from_a_worker_with_every_field():
    import dataclasses
    import pickle

    from linter.model import Finding, Location, Segment
    from linter.privacy import Source

    segment = Segment("联系电话13912345678", Location(paragraph=3))
    values = {f.name: f"{f.name}值" for f in dataclasses.fields(Finding)}
    values.update(location=Location(part="table", row=2, col=4, detail="甲"), allowed_by=None,
                  source=Source(segment, 4, 15, 0, "139****5678"))
    finding = Finding(**values)
    back = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert {name: getattr(back, name) for name in values} == values


def test_a_finding_is_built_with_the_fields_and_defaults_it_declares():
    """Finding's __init__ is written out for speed: it takes exactly the declared fields, in order,
    with their defaults, so a field added to the class and not to it fails here, not in a report."""
    import dataclasses
    import inspect

    from linter.model import Finding, Location

    parameters = list(inspect.signature(Finding).parameters.values())
    declared = dataclasses.fields(Finding)
    assert [p.name for p in parameters] == [f.name for f in declared]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in declared]
    finding = Finding("pii/mobile", "error", "发现手机号", Location(line=2), match="139****6578")
    assert dataclasses.replace(finding, path="a.md") == Finding(
        check="pii/mobile", severity="error", message="发现手机号", location=Location(line=2),
        match="139****6578", path="a.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.match = "13912346578"  # type: ignore[misc]


def test_a_finding_copied_with_changes_keeps_every_other_field_and_refuses_unknown_ones():
    """evolve copies a finding through its __init__ (quicker than dataclasses.replace): the copy must
    equal replace's, source included, the original stay as it was, and a misspelt field fail loudly."""
    import dataclasses

    from linter.model import Finding, Location, evolve

    finding = Finding("pii/mobile", "error", "发现手机号", Location(line=2), match="139****6578",
                      context="电话139****6578", digest="ab", allowed_by="allow", source=("segment", 0, 11))
    copy = evolve(finding, match="139****0000", path="a.md", fingerprint="cd")
    assert copy == dataclasses.replace(finding, match="139****0000", path="a.md", fingerprint="cd")
    assert (copy.source, copy.allowed_by, copy.context) == (("segment", 0, 11), "allow", "电话139****6578")
    assert finding.match == "139****6578" and finding.path == ""
    with pytest.raises(KeyError):
        evolve(finding, mach="139****0000")

    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived:
        kept: str
        made: str = dataclasses.field(init=False, default="")

    with pytest.raises(TypeError):  # its __init__ cannot rebuild it: refused, not copied wrong
        evolve(Derived("x"), kept="y")


def test_the_engine_and_decision_copies_of_a_finding_keep_every_field_they_are_not_given():
    """`shown` and `placed`, written out for speed, must set what they are given and keep every
    other field: a field added to Finding and not passed on here fails this test, not a report."""
    import dataclasses

    from linter.model import Finding, Location

    values = {f.name: f"{f.name}-value" for f in dataclasses.fields(Finding)}
    values["location"] = Location(line=3)
    finding = Finding(**values)
    shown = finding.shown("m", "c", "msg", Location(line=4), "d", "a")
    placed = finding.placed("p", "f")
    assert dataclasses.replace(finding, match="m", context="c", message="msg", location=Location(line=4),
                               digest="d", allowed_by="a", source=None) == shown and shown.source is None
    assert dataclasses.replace(finding, path="p", fingerprint="f") == placed and placed.source == "source-value"
    assert finding == Finding(**values)  # the original as it was


def test_dask_local_cluster_gives_the_same_report(cli_json, folder, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.chdir(folder)
    _, local = cli_json(".", "--jobs", "1")
    code, on_dask = cli_json(".", "--executor", "dask")
    assert on_dask == local and code == 1
    _, shipped = cli_json(".", "--executor", "dask", "--ship-bytes")
    assert shipped == local


def test_json_report_is_complete_for_a_parallel_folder(cli, tmp_path):
    for i in range(40):
        (tmp_path / f"f{i:03d}.txt").write_text("正文\n" if i % 2 else "手机13812345678\n", encoding="utf-8")
    result = cli("check", ".", "--format", "json", "--jobs", "2")
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 40 and report["summary"]["findings"] == 20


class _FakeCluster:
    """A client that runs tasks here; a task holding die.md fails as a killed worker would."""

    def __init__(self):
        self.tasks, self.in_flight, self.most_in_flight = [], 0, 0

    def nthreads(self):
        return {"w1": 1, "w2": 1}

    def submit(self, func, payload, config, cache=None, pure=True):
        from concurrent.futures import Future

        self.tasks.append(len(payload))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        future = Future()
        if any("die.md" in str(item) for item in payload):
            future.set_exception(RuntimeError("worker killed"))
        else:
            future.set_result(func(payload, config, cache))
        cluster = self

        class Tracked:
            def result(self):
                cluster.in_flight -= 1
                return future.result()

        return Tracked()


@pytest.mark.parametrize("ship_bytes", [False, True])
def test_dask_chunks_keep_order_bound_memory_and_fail_only_the_bad_file(tmp_path, ship_bytes):
    from linter.dask_executor import _run

    todo = []
    for i in range(300):
        name = "die.md" if i == 150 else f"f{i:03d}.md"
        (tmp_path / name).write_text("手机13812345678\n" if i % 3 == 0 else "正文\n", encoding="utf-8")
        todo.append((str(tmp_path / name), name))
    todo.append((str(tmp_path / "missing.md"), "missing.md"))
    client = _FakeCluster()
    results = list(_run(client, todo, Config(), ship_bytes))
    assert [r.path for r in results] == [name for _, name in todo]
    failed = {r.path: r.error for r in results if r.status == "error"}
    assert set(failed) == {"die.md", "missing.md"} and "集群" in failed["die.md"]
    assert all(len(r.findings) == (i % 3 == 0) for i, r in enumerate(results[:150]))
    assert max(client.tasks) > 1 and len(client.tasks) < 120  # chunks, not a task per file
    from linter.batch import CHUNK

    assert client.most_in_flight <= 2 * 4 + CHUNK  # a window of chunks, plus one failed chunk's files


def test_one_core_without_jobs_still_limits_each_files_time(cli, folder, monkeypatch):
    from linter import batch

    install(monkeypatch, "HangingCheck")
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    monkeypatch.setattr(batch, "DEFAULT_TIMEOUT", 3)
    (folder / "hang.md").write_text("挂起\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    result = cli("check", ".", "--format", "json", "--select", "fields/test-hang")
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}
    assert result.exit_code == 2 and "超时" in files["hang.md"]["error"]
    assert sum(f["status"] == "ok" for f in files.values()) == 6


def test_a_single_pdf_gets_the_time_limit_and_a_single_text_file_stays_here(tmp_path, monkeypatch):
    from linter import batch

    install(monkeypatch, "HangingCheck")
    monkeypatch.setattr(batch, "DEFAULT_TIMEOUT", 3)
    hanging = pdf(tmp_path / "hang.pdf", [PdfPage(lines=["挂起"])])
    [result] = run([str(hanging)], Config(select=("fields/test-hang",)), BatchOptions(jobs=2))
    assert result.status == "error" and "超时" in result.error
    (tmp_path / "draft.md").write_text("正文\n", encoding="utf-8")
    monkeypatch.setattr(batch, "_pool", lambda *args: pytest.fail("a text file needs no worker"))
    [result] = run([str(tmp_path / "draft.md")], Config(), BatchOptions(jobs=2))
    assert result.status == "ok"


def test_big_batch_runs_in_chunks_and_still_isolates_a_bad_file(tmp_path, monkeypatch):
    from linter import batch

    install(monkeypatch, "HangingCheck")
    monkeypatch.setattr(batch, "CHUNK", 4)
    for i in range(40):
        (tmp_path / f"f{i:02d}.md").write_text("正文\n", encoding="utf-8")
    (tmp_path / "f05-hang.md").write_text("挂起\n", encoding="utf-8")
    (tmp_path / "f20-die.md").write_text("进程退出\n", encoding="utf-8")
    results = list(run([str(tmp_path)], Config(), BatchOptions(jobs=2, timeout=3)))
    failed = {r.path.rsplit("/", 1)[-1]: r.error for r in results if r.status == "error"}
    assert set(failed) == {"f05-hang.md", "f20-die.md"}, failed
    assert len(results) == 42


_IMPORTS_DURING_POOL = """
import os, sys
sys.path.insert(0, "tests")
from importlib.metadata import EntryPoint
from linter import registry
from linter.batch import BatchOptions, run
from linter.config import Config

real = registry.entry_points
hanging = EntryPoint(name="h", value="fake_plugins:HangingCheck", group=registry.ENTRY_POINT_GROUP)
registry.entry_points = lambda group: [*real(group=group), hanging]
first_fork = []
os.register_at_fork(before=lambda: first_fork or first_fork.append(set(sys.modules)))
results = list(run([sys.argv[1]], Config(), BatchOptions(jobs=2, timeout=2)))
print(sorted(r.status for r in results), sorted(set(sys.modules) - first_fork[0]))
"""


def test_the_parent_imports_nothing_while_its_workers_may_fork(tmp_path):
    """A worker started again after a timeout is forked from a thread while the main thread
    goes on: had the main thread been importing a module then, that module's lock stays
    held in the new worker, which hangs on its first import of it, and the healthy file it
    took times out (seen after a hanging file: its neighbour reported unchecked)."""
    import subprocess
    import sys
    from pathlib import Path

    for name, text in (("a.md", "正文\n"), ("b-hang.md", "挂起\n"), ("c.md", "正文\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", _IMPORTS_DURING_POOL, str(tmp_path)], cwd=root,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "['error', 'ok', 'ok'] []"


def test_chunks_shrink_towards_the_end_and_keep_every_file_in_order(tmp_path, monkeypatch):
    from linter import batch

    todo = []
    for i in range(1000):
        path = tmp_path / f"f{i:04d}.txt"
        path.write_bytes(b"x" * (3000 if i != 10 else 3 << 20))
        todo.append((str(path), str(path)))
    monkeypatch.setattr(batch, "CHUNK_BYTES", 1 << 20)
    chunks = batch.chunked(todo, jobs=2)
    assert [item for chunk in chunks for item in chunk] == todo
    sizes = [len(c) for c in chunks]
    assert max(sizes) == batch.CHUNK and sizes[-8:] == [1] * 8
    assert len(chunks) < 100  # not a message per file
    assert [todo[10]] in chunks  # a file bigger than CHUNK_BYTES travels alone
    assert batch.chunked(todo[:5], jobs=2) == [[item] for item in todo[:5]]


def test_auto_cache_folder_is_the_users(monkeypatch, tmp_path):
    from linter.cache import cache_folder

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder("auto") == str(tmp_path / "disclosure-lint")
    assert cache_folder("here") == "here"


def test_a_few_text_files_run_in_process_and_a_docx_among_them_in_the_pool(tmp_path, monkeypatch):
    from linter import batch

    for i in range(batch.SMALL_BATCH):
        (tmp_path / f"d{i}.txt").write_text("正文\n", encoding="utf-8")
    monkeypatch.setattr(batch, "_pool", lambda *args: pytest.fail("a few text files need no worker"))
    assert len(list(run([str(tmp_path)], Config(), BatchOptions(jobs=2)))) == batch.SMALL_BATCH
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04 not really")
    used = []
    monkeypatch.setattr(batch, "_pool", lambda todo, *args: used.append(len(todo)) or iter(()))
    list(run([str(tmp_path)], Config(), BatchOptions(jobs=2)))
    assert used == [batch.SMALL_BATCH + 1]  # a zip may hang its parser: the time limit needs a worker
