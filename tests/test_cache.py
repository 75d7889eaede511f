"""The result cache: one lookup per file by the bytes linted, never a result for another file or path,
JSON entries that cannot run code, nothing in clear, and a broken cache is a miss or a warning."""

import json
import os
import pickle
import stat

import pytest
from builders import PdfPage, docx, pdf

from linter import engine
from linter.batch import BatchOptions, run
from linter.cache import FORMAT, ResultCache, config_salt
from linter.config import Config

ID = "110105199003077657"
CLEAN = "# 工作动态\n\n本周召开例会。\n"


def _run(paths, cache, config=None, jobs=1):
    options = BatchOptions(jobs=jobs, cache_dir=str(cache))
    return {r.path: r for r in run([str(p) for p in paths], config or Config(), options)}


def _checks(result):
    return [f.check for f in result.findings]


@pytest.mark.parametrize("jobs", [1, 2])
def test_identical_files_beside_an_id_file_never_hide_it(tmp_path, jobs):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.md").write_text(CLEAN, encoding="utf-8")
    (folder / "b.md").write_text(CLEAN, encoding="utf-8")
    (folder / "c.md").write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
    for _ in range(2):  # the first run fills the cache, the second reads it
        results = _run([folder], tmp_path / "cache", jobs=jobs)
        assert "pii/id-card" in _checks(results[str(folder / "c.md")])
        assert _checks(results[str(folder / "a.md")]) == _checks(results[str(folder / "b.md")]) == []
    alone = _run([folder / "c.md"], tmp_path / "cache")
    assert "pii/id-card" in _checks(alone[str(folder / "c.md")])


def test_a_mixed_cached_batch_keeps_each_files_own_format_and_findings(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    pdf(folder / "p.pdf", [PdfPage(lines=[f"身份证号{ID}"])])
    docx(folder / "w.docx", lambda d: d.add_paragraph("本周召开例会。"))
    (folder / "t.txt").write_text("\n".join(f"联系电话1381234567{i}" for i in range(5)), encoding="utf-8")
    (folder / "same.md").write_text(CLEAN, encoding="utf-8")
    (folder / "same.txt").write_text(CLEAN, encoding="utf-8")  # same bytes, read another way
    fresh = _run([folder], tmp_path / "unused", Config(), jobs=1)
    for _ in range(2):
        cached = _run([folder], tmp_path / "cache", jobs=2)
        assert {p: (r.format, _checks(r)) for p, r in cached.items()} == \
            {p: (r.format, _checks(r)) for p, r in fresh.items()}
    assert cached[str(folder / "p.pdf")].format == "pdf" and cached[str(folder / "t.txt")].format == "txt"
    assert len(cached[str(folder / "t.txt")].findings) == 5


def test_a_workbooks_findings_are_served_from_the_cache(tmp_path, monkeypatch):
    """Findings located in a sheet (its name is text) were refused on reading, so a workbook was checked every run."""
    from rosters import roster_xlsx

    book = roster_xlsx(tmp_path / "名单.xlsx")
    first = _run([book], tmp_path / "cache")[str(book)]
    assert any(f.location.sheet for f in first.findings)
    monkeypatch.setattr(engine, "extract_bytes", lambda *a: pytest.fail("read again, not served from the cache"))
    assert _run([book], tmp_path / "cache")[str(book)].findings == first.findings


def test_path_bound_decisions_are_made_after_the_lookup(tmp_path):
    for name in ("公示", "内部"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "名单.md").write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
    ignoring = Config(per_file_ignores={"公示/*": ("pii",)})
    for order in (("公示", "内部"), ("内部", "公示")):
        cache = tmp_path / f"cache-{order[0]}"
        for name in order:
            result = _run([tmp_path / name / "名单.md"], cache, ignoring)[str(tmp_path / name / "名单.md")]
            assert ("pii/id-card" in _checks(result)) is (name == "内部")


def test_a_baseline_for_one_folder_does_not_suppress_another(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.md").write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = _run([tmp_path / "a" / "x.md"], cache)[str(tmp_path / "a" / "x.md")]
    baseline = frozenset(f.fingerprint for f in first.findings)
    accepted = _run([tmp_path / "a" / "x.md"], cache, Config(baseline=baseline))[str(tmp_path / "a" / "x.md")]
    other = _run([tmp_path / "b" / "x.md"], cache, Config(baseline=baseline))[str(tmp_path / "b" / "x.md")]
    assert accepted.findings == () and "pii/id-card" in _checks(other)


def test_the_key_is_the_bytes_that_were_linted(tmp_path, monkeypatch):
    path = tmp_path / "x.md"
    path.write_text(CLEAN, encoding="utf-8")
    real = engine.extract_bytes

    def changed_meanwhile(name, data, *options):  # the file is edited while it is being checked
        path.write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
        return real(name, data, *options)

    monkeypatch.setattr(engine, "extract_bytes", changed_meanwhile)
    assert _run([path], tmp_path / "cache")[str(path)].findings == ()  # what was read was clean
    monkeypatch.setattr(engine, "extract_bytes", real)
    assert "pii/id-card" in _checks(_run([path], tmp_path / "cache")[str(path)])


def _entries(cache):
    return [p for p in cache.rglob("*.json")]


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                                   # truncated
    lambda text: "",                                                       # empty
    lambda text: json.dumps({"hello": "world"}),                           # foreign
    lambda text: text.replace(FORMAT, "disclosure-lint-cache/1"),          # another version
    lambda text: text.replace('"check": "pii/id-card"', '"check": 7'),      # wrong types
    lambda text: text.replace('"severity": "error"', '"severity": "fatal"'),
    lambda text: "[" * 100000,                                             # a parser bomb
])
def test_a_damaged_entry_is_a_miss(tmp_path, damage):
    path = tmp_path / "x.md"
    path.write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
    _run([path], tmp_path / "cache")
    (entry,) = _entries(tmp_path / "cache")
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    result = _run([path], tmp_path / "cache")[str(path)]
    assert result.status == "ok" and "pii/id-card" in _checks(result)


class _Payload:
    def __reduce__(self):
        return (open, (os.environ["MARKER"], "w"))


def test_an_entry_planted_in_the_cache_cannot_run_code(tmp_path, monkeypatch):
    path = tmp_path / "x.md"
    path.write_text(CLEAN, encoding="utf-8")
    _run([path], tmp_path / "cache")
    (entry,) = _entries(tmp_path / "cache")
    monkeypatch.setenv("MARKER", str(tmp_path / "ran"))
    entry.write_bytes(pickle.dumps(_Payload()))
    entry.with_suffix(".pickle").write_bytes(pickle.dumps(_Payload()))
    assert _run([path], tmp_path / "cache")[str(path)].status == "ok"
    assert not (tmp_path / "ran").exists()


def test_entries_are_private_and_hold_nothing_the_report_masks(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(f"申请人王小明，身份证号{ID}，家住城南路12号3幢401室\n", encoding="utf-8")
    (tmp_path / "cache").mkdir(mode=0o755)
    os.chmod(tmp_path / "cache", 0o755)
    _run([path], tmp_path / "cache")
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    (entry,) = _entries(tmp_path / "cache")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700
    text = entry.read_text(encoding="utf-8")
    assert "1990030776" not in text and "王小明" not in text and "12号" not in text
    assert (tmp_path / "cache" / "CACHEDIR.TAG").exists()


def test_no_mask_neither_reads_nor_writes_the_cache(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
    result = _run([path], tmp_path / "cache", Config(mask=False))[str(path)]
    assert result.findings[0].match == ID and _entries(tmp_path / "cache") == []


def test_the_salt_follows_wordlist_contents_not_path_bound_settings(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("甲项目\n", encoding="utf-8")
    config = Config(wordlists=(str(words),))
    salt = config_salt(config)
    assert config_salt(Config(wordlists=(str(words),), per_file_ignores={"a/*": ("pii",)},
                              baseline=frozenset({"x"}), fail_on="warning")) == salt
    words.write_text("乙项目\n", encoding="utf-8")
    assert config_salt(config) != salt
    cache = ResultCache(str(tmp_path), salt)
    assert cache.key("a.md", b"x") != cache.key("a.txt", b"x") != cache.key("a.txt", b"y")


@pytest.mark.parametrize("make", ["file", "under-a-file", "full"])
def test_an_unusable_cache_folder_warns_once_and_the_run_goes_on(cli_json, cli, tmp_path, monkeypatch, make):
    (tmp_path / "x.md").write_text(f"申请人身份证号{ID}\n", encoding="utf-8")
    (tmp_path / "y.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "blocker").write_text("not a folder", encoding="utf-8")
    folder = {"file": "blocker", "under-a-file": "blocker/cache", "full": "cache"}[make]
    if make == "full":
        def no_space(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(ResultCache, "_write", staticmethod(no_space))
    result = cli("check", "--format", "json", "--jobs", "1", "--cache-dir", folder, "x.md", "y.md")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.count("缓存目录不可用") == 1
    report = json.loads(result.stdout)
    assert [f["check"] for f in report["findings"]] == ["pii/id-card"]
