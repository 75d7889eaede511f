"""End to end through the CLI: located findings, exit codes, config, masking, bad files."""

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest
from builders import PdfPage, add_comment, add_run, docx, pdf
from plugins import install

SCHEMA = json.loads(resources.files("linter.report").joinpath("report.schema.json").read_text("utf-8"))


@pytest.fixture
def drafts(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()

    def build(d):
        d.add_paragraph("第一段正文。")
        p = d.add_paragraph("经办人电话13812345678")
        add_run(p, "内部资料", deleted=True)
        add_comment(d, p, "此处为内部资料，请删除", author="李审核")
        table = d.add_table(rows=2, cols=2)
        table.cell(1, 1).text = "内部资料"
        d.sections[0].header.paragraphs[0].text = "内部资料"

    docx(folder / "report.docx", build)
    pdf(folder / "scan.pdf", [PdfPage(lines=["正文"]), PdfPage(scan=True)])
    (folder / "summary.txt").write_bytes("工作总结\n全年受理申请12件。\n".encode("gbk"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (folder / "notes.png").write_bytes(b"\x89PNG")  # not a draft: not picked up from a folder
    return folder


def test_mixed_folder_reports_every_file_and_exits_2(cli_json, drafts):
    code, report = cli_json(drafts)
    jsonschema.validate(report, SCHEMA)
    assert code == 2
    status = {f["path"].rsplit("/", 1)[-1]: f["status"] for f in report["files"]}
    assert status == {"broken.docx": "error", "old.doc": "error", "report.docx": "ok",
                      "scan.pdf": "ok", "summary.txt": "ok"}
    errors = {f["path"].rsplit("/", 1)[-1]: f["error"] for f in report["files"] if f["error"]}
    assert "损坏" in errors["broken.docx"] and "损坏" in errors["old.doc"]
    found = {(f["check"], f["path"].rsplit("/", 1)[-1], f["location"]["page"]) for f in report["findings"]}
    assert ("extract/no-text", "scan.pdf", 2) in found
    assert ("extract/error", "broken.docx", None) in found
    assert report["summary"]["files"] == 5


def test_table_locates_findings_in_words(cli, drafts, monkeypatch):
    install(monkeypatch, "WordCheck")
    result = cli("check", drafts / "report.docx", "--select", "secrecy/test-word")
    assert result.exit_code == 0  # warnings only, fail-on error
    out = result.stdout
    for words in ("页眉", "批注(李**)", "修订(已删除)", "表格第2行第2列", "secrecy/test-word"):
        assert words in out
    assert "已检查 1 个文件，发现 4 个问题（错误 0，警告 4，提示 0）" in out


def test_clean_file_exits_0(cli, tmp_path):
    (tmp_path / "ok.md").write_text("# 标题\n正文。\n", encoding="utf-8")
    result = cli("check", "ok.md")
    assert result.exit_code == 0
    assert "未发现问题" in result.stdout


def test_findings_exit_1_and_fail_on(cli, drafts, monkeypatch):
    install(monkeypatch, "WordCheck")
    target = drafts / "report.docx"
    assert cli("check", target, "--select", "secrecy/test-word").exit_code == 0
    assert cli("check", target, "--select", "secrecy/test-word", "--fail-on", "warning").exit_code == 1
    assert cli("check", drafts / "scan.pdf").exit_code == 1


def test_select_and_ignore(cli_json, drafts):
    code, report = cli_json(drafts / "scan.pdf", "--select", "extract", "--ignore", "extract/no-text")
    assert (code, report["findings"]) == (0, [])
    code, report = cli_json(drafts / "scan.pdf", "--select", "extract")
    assert code == 1 and report["findings"][0]["check"] == "extract/no-text"


@pytest.mark.parametrize("args, message", [
    (["--select", "pii/no-such-check"], "未知"),
    (["--ignore", "nonsense"], "未知"),
    (["--config", "missing.toml"], "配置文件不存在"),
])
def test_usage_and_config_errors_exit_2(cli, drafts, args, message):
    result = cli("check", drafts / "summary.txt", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_config_found_walking_up_and_applied(cli, tmp_path, drafts, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.disclosure-lint]\nseverity = { "extract/no-text" = "warning" }\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    assert cli("check", drafts / "scan.pdf").exit_code == 0
    (sub / ".disclosure-lint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    # the nearest file wins: no severity override there, so the scan is an error again
    assert cli("check", drafts / "scan.pdf").exit_code == 1
    (sub / ".disclosure-lint.toml").write_text('ignroe = ["extract"]\n', encoding="utf-8")
    result = cli("check", drafts / "scan.pdf")
    assert result.exit_code == 2 and "ignroe" in result.stderr


def test_allow_terms_are_never_reported(cli_json, tmp_path, drafts, monkeypatch):
    install(monkeypatch, "WordCheck")
    (tmp_path / ".disclosure-lint.toml").write_text('allow = ["内部资料"]\n', encoding="utf-8")
    code, report = cli_json(drafts / "report.docx", "--select", "secrecy")
    assert report["findings"] == []  # the test check and the built-in restricted check alike


def test_personal_data_is_masked_unless_asked(cli, drafts, monkeypatch):
    install(monkeypatch, "MobileLikeCheck")
    for fmt in ("table", "json"):
        out = cli("check", drafts / "report.docx", "--format", fmt).stdout
        assert "13812345678" not in out
        assert "138****5678" in out
    out = cli("check", drafts / "report.docx", "--format", "json", "--no-mask").stdout
    assert "13812345678" in out


def test_crashing_check_fails_the_file_not_the_batch(cli_json, tmp_path, monkeypatch):
    install(monkeypatch, "CrashingCheck")
    (tmp_path / "a.txt").write_text("这里会崩溃，申请人手机13812345678\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("正常\n", encoding="utf-8")
    code, report = cli_json("a.txt", "b.txt")
    assert code == 2
    assert [f["status"] for f in report["files"]] == ["error", "ok"]
    assert "fields/test-crash" in report["files"][0]["error"]
    assert "13812345678" not in json.dumps(report, ensure_ascii=False)  # the exception quoted it


def test_missing_path_is_an_error_for_that_file_only(cli_json, tmp_path):
    (tmp_path / "b.txt").write_text("正文\n", encoding="utf-8")
    code, report = cli_json("missing.docx", "b.txt")
    assert code == 2
    assert [f["path"] for f in report["files"]] == ["missing.docx", "b.txt"]  # paths as given
    assert "不存在" in report["files"][0]["error"]


def test_folder_without_drafts_exits_2(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("check", "empty")
    assert result.exit_code == 2 and "没有找到" in result.stderr


def test_parallel_run_gives_identical_report(cli_json, drafts):
    _, one = cli_json(drafts, "--jobs", "1")
    _, two = cli_json(drafts, "--jobs", "2")
    assert one == two


def test_python_dash_m_runs_the_cli(tmp_path):
    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "linter", "check", "a.txt"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "未发现问题" in done.stdout
    assert "Traceback" not in done.stderr


def test_what_the_cli_says_is_exact(cli, tmp_path, monkeypatch):
    """Small things a reviewer reads: counts, sizes, suggestions, the version, an honest clean message."""
    (tmp_path / "b.txt").write_text("正文\n", encoding="utf-8")
    summary = cli("check", "missing.docx", "b.txt").stdout
    assert "已检查 1 个文件" in summary and "1 个文件未能检查" in summary
    (tmp_path / "big.txt").write_text("正文" * 2000, encoding="utf-8")
    report = json.loads(cli("check", "big.txt", "--format", "json", "--max-file-size", "1KB").stdout)
    assert "11.7 KB" in report["files"][0]["error"] and "1.0 KB" in report["files"][0]["error"]
    unknown = cli("check", "b.txt", "--select", "pii/phone")
    assert unknown.exit_code == 2 and "pii/mobile" in unknown.stderr
    assert "disclosure-lint" in cli("-V").stdout
    cleaned = cli("clean", "b.txt", "-o", "c.txt")
    assert cleaned.exit_code == 2 and "txt" in cleaned.stderr and "PDF" not in cleaned.stderr


def test_show_config_output_reads_back_as_a_config(cli, tmp_path):
    (tmp_path / ".disclosure-lint.toml").write_text('ignore = ["pii/plate"]\n', encoding="utf-8")
    shown = cli("show-config").stdout
    (tmp_path / "again.toml").write_text(shown, encoding="utf-8")
    again = cli("show-config", "--config", "again.toml")
    assert again.exit_code == 0 and 'ignore = ["pii/plate"]' in again.stdout


def test_per_file_ignores_whatever_folder_the_path_is_typed_from(cli_json, tmp_path, monkeypatch):
    (tmp_path / ".disclosure-lint.toml").write_text('per-file-ignores = {"公示/*.md" = ["pii"]}\n', encoding="utf-8")
    (tmp_path / "公示").mkdir()
    (tmp_path / "公示" / "名单.md").write_text("申请人手机13812345678\n", encoding="utf-8")
    assert cli_json("公示/名单.md")[1]["findings"] == []
    monkeypatch.chdir(tmp_path / "公示")
    assert cli_json("名单.md")[1]["findings"] == []
    assert cli_json(str(tmp_path / "公示" / "名单.md"))[1]["findings"] == []
