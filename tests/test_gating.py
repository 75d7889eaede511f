"""Fitting the places the linter runs: every output format parsed back, exit codes, acceptance."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from builders import docx

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.schema.json").read_text("utf-8"))
LIST = "# 公示\n\n| 姓名 | 身份证号 |\n|---|---|\n| 张建国 | 110105199003077657 |\n\n联系电话13812345678\n"


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "list.md").write_text(LIST, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 broken")
    return tmp_path


def test_jsonl_streams_one_finding_a_line(cli, drafts):
    result = cli("check", "list.md", "bad.docx", "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {line["type"] for line in lines[:-1]} == {"finding", "file-error"}
    assert lines[-1]["type"] == "summary" and lines[-1]["files"] == 2
    assert "13812345678" not in result.stdout and result.exit_code == 2


def test_sarif_is_valid_sarif_2_1_0(cli, drafts):
    result = cli("check", "list.md", "bad.docx", "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"pii/id-card", "secrecy/marking"} <= ids
    first = next(r for r in run["results"] if r["ruleId"] == "pii/id-card")
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_results_say_what_the_json_report_says(cli, drafts):
    """Two files with findings at the same places: each result keeps its own file, place and match."""
    (drafts / "copy.md").write_text(LIST, encoding="utf-8")
    sarif = json.loads(cli("check", "list.md", "copy.md", "--format", "sarif").stdout)["runs"][0]
    report = json.loads(cli("check", "list.md", "copy.md", "--format", "json").stdout)
    said = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
             r["properties"]["location"], r["properties"]["match"]) for r in sarif["results"]]
    assert said == [(f["path"], f["check"], f["location"], f["match"]) for f in report["findings"]]
    assert {uri for uri, *_ in said} == {"list.md", "copy.md"} and len(said) >= 6
    rules = sarif["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in sarif["results"])


def test_github_annotations(cli, drafts):
    lines = cli("check", "list.md", "--format", "github").stdout.splitlines()
    pattern = re.compile(r"^::(error|warning|notice) file=list\.md,line=\d+(,col=\d+)?,title=[a-z]+/[a-z-]+::.+$")
    assert lines and all(pattern.match(line) for line in lines)


def test_junit_one_case_per_file_one_failure_per_finding(cli, drafts):
    result = cli("check", "list.md", "ok.txt", "bad.docx", "--format", "junit")
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == ["list.md", "ok.txt", "bad.docx"]
    assert sum(len(c.findall("failure")) for c in cases) == int(root.get("failures")) > 0
    assert cases[1].find("failure") is None and cases[2].find("error") is not None


class _Rows(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.filters, self.marks = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-family" in attrs:
            self.rows.append(attrs["data-family"])
        if tag == "input":
            self.filters.append(attrs["value"])
        self.marks += tag == "mark"


def test_html_is_one_self_contained_page(cli, drafts):
    page = cli("check", "list.md", "--format", "html").stdout
    parsed = _Rows()
    parsed.feed(page)
    assert parsed.rows and set(parsed.filters) == set(parsed.rows) and parsed.marks >= 1
    assert "13812345678" not in page and "<link" not in page and "src=" not in page


def test_output_file_and_exit_zero(cli, drafts):
    result = cli("check", "list.md", "--format", "json", "--output", "r.json", "--exit-zero")
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads((drafts / "r.json").read_text("utf-8"))["summary"]["findings"] > 0
    assert cli("check", "bad.docx", "--exit-zero").exit_code == 2  # unchecked is never hidden


def test_stdin_bytes_with_a_name(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from linter.cli import cli as main

    path = docx(tmp_path / "d.docx", lambda d: d.add_paragraph("秘密★1年"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "-", "--stdin-name", "draft.docx", "--format", "json"],
                                input=path.read_bytes())
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "draft.docx" and report["files"][0]["format"] == "docx"
    assert "secrecy/marking" in [f["check"] for f in report["findings"]]


def test_explain_and_show_config(cli, tmp_path):
    text = cli("explain", "pii/id-card").stdout
    assert "发现什么" in text and "如何忽略" in text and "--ignore pii/id-card" in text
    assert cli("explain", "pii/nothing").exit_code == 2
    (tmp_path / ".disclosure-lint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    shown = cli("show-config").stdout
    assert ".disclosure-lint.toml" in shown and 'fail-on = "warning"' in shown


def test_statistics_on_stderr(cli, drafts):
    result = cli("check", "list.md", "--statistics")
    assert re.search(r"\d+\s+pii/id-card", result.stderr)


def test_baseline_accepts_known_findings_only(cli_json, drafts):
    code, _ = cli_json("list.md", "--write-baseline", "base.json")
    stored = (drafts / "base.json").read_text("utf-8")
    assert "110105199003077657" not in stored and "13812345678" not in stored
    code, report = cli_json("list.md", "--baseline", "base.json")
    assert (code, report["findings"]) == (0, [])
    (drafts / "list.md").write_text(LIST + "\n另一手机13912345678\n", encoding="utf-8")
    code, report = cli_json("list.md", "--baseline", "base.json")
    assert [f["match"] for f in report["findings"]] == ["139****5678"] and code == 1


def test_a_baseline_of_the_old_reversible_kind_is_refused_with_what_to_do(cli, drafts):
    old = {"schema_version": 1, "findings": [{"fingerprint": "ab", "check": "pii/id-card"}]}
    (drafts / "old.json").write_text(json.dumps(old), encoding="utf-8")
    result = cli("check", "list.md", "--baseline", "old.json")
    assert result.exit_code == 2 and "--write-baseline" in result.stderr and "Traceback" not in result.output


def test_allow_patterns_per_file_ignores_inline_and_show_suppressed(cli, drafts):
    (drafts / ".disclosure-lint.toml").write_text(
        'allow-patterns = ["^110105"]\nper-file-ignores = { "list.md" = ["pii/person-name"] }\n', encoding="utf-8")
    text = LIST.replace("联系电话", "<!-- disclosure-lint: ignore pii/mobile -->\n联系电话")
    (drafts / "list.md").write_text(text, encoding="utf-8")
    result = cli("check", "list.md", "--show-suppressed")
    reported, suppressed = result.stdout.split("已忽略")
    for check in ("pii/id-card", "pii/person-name", "pii/mobile"):
        assert check not in reported and check in suppressed
    for reason in ("allow-patterns", "per-file-ignores", "行内忽略注释"):
        assert reason in suppressed
    assert "pii/table" in reported


def test_small_text_draft_loads_neither_jieba_nor_pdfplumber(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.md").write_text("# 通知\n\n" + "各单位要认真做好政务公开工作。\n" * 150, encoding="utf-8")
    code = ("import sys\nfrom linter.cli import cli\n"
            "try:\n    cli(['check', 'a.md'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jieba', 'pdfplumber', 'pypdfium2') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_show_suppressed_in_json(cli, drafts):
    from importlib import resources

    (drafts / ".disclosure-lint.toml").write_text('allow-patterns = ["^110105"]\n', encoding="utf-8")
    report = json.loads(cli("check", "list.md", "--format", "json", "--show-suppressed").stdout)
    schema = json.loads(resources.files("linter.report").joinpath("report.schema.json").read_text("utf-8"))
    jsonschema.validate(report, schema)
    reasons = [(s["check"], s["reason"].split(":")[0]) for s in report["suppressed"]]
    assert reasons == [("pii/id-card", "allow-patterns")]
    assert "110105199003077657" not in json.dumps(report, ensure_ascii=False)


def test_an_unknown_id_in_an_inline_ignore_is_a_note_not_silence(tmp_path):
    from click.testing import CliRunner

    from linter.cli import cli

    draft = tmp_path / "a.md"
    draft.write_text("<!-- disclosure-lint: ignore pii/mobil -->\n电话13905710246\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(draft)])
    report = __import__("json").loads(result.output)
    assert [f["check"] for f in report["findings"]] == ["pii/mobile"]          # nothing was ignored
    assert any("未知的检查 id：pii/mobil" in w and "pii/mobile" in w for w in report["files"][0]["warnings"])


@pytest.mark.parametrize("text", ["", "申请人张建国", 'a "quoted" \\ back\\slash', "tab\tnew\nline\r\x00\x1f\x7f",
                                  "\u2028\u2029 emoji 😀 \ud800 lone", "ＡＢＣ　全角"])
def test_a_finding_is_written_as_the_json_encoder_writes_its_dict(text):
    """The JSON and JSONL reports fill each finding's text in by hand, for speed: byte for byte what
    the encoder writes of the finding's dict, whatever its strings hold and its location carries."""
    from linter.model import Finding, Location
    from linter.report.json_report import finding_dict
    from linter.report.jsontext import ENCODER, finding_text

    locations = (Location(), Location(part="table", page=2, row=10**20, col=-1, detail=text, sheet=text),
                 Location(line=True, column=1.5))  # a third-party check's odd values go through the encoder
    for location in locations:
        finding = Finding(check=text or "x/y", severity="error", message=text, location=location, match=text,
                          context=text * 3, path=text)
        assert finding_text(finding) == ENCODER.encode(finding_dict(finding))
        assert json.loads(finding_text(finding))["context"] == text * 3
