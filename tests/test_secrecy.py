"""secrecy/*: markings, restricted notes and wordlist terms — and the mentions that must stay quiet."""

import pytest

from linter.check import CheckContext
from linter.model import Document, Location, Segment
from linter.registry import load_checks
from linter.wordlist import user_entries


def _run(check_id, *segments, context=None):
    doc = Document(path="x", format="docx", segments=tuple(segments))
    check = load_checks()[check_id]()
    return list(check.run(doc, context or CheckContext()))


def _body(text, part="body"):
    return Segment(text, Location(part=part, paragraph=1))


@pytest.mark.parametrize("text, part, match", [
    ("秘密★1年", "header", "秘密★1年"),
    ("本件为机 密 ★ ５ 年，注意保管", "body", "机 密 ★ ５ 年"),
    ("绝密☆长期", "body", "绝密☆长期"),
    ("秘密★\n6个月", "body", "秘密★\n6个月"),
    ("密级：机密", "body", "密级：机密"),
    ("【绝密】", "body", "绝密"),
    ("秘密", "footer", "秘密"),
])
def test_marking_found_with_original_text(text, part, match):
    findings = _run("secrecy/marking", _body(text, part))
    assert [f.match for f in findings] == [match]
    assert findings[0].severity == "error" and "严禁公开" in findings[0].message


@pytest.mark.parametrize("text", [
    "保守国家秘密", "揭开成功的秘密", "机密文件管理规定", "本文件无密级", "★★★★★", "秘书科",
    "保密期限届满后依法解密", "密级标识规范",
])
def test_marking_look_alikes_stay_quiet(text):
    assert _run("secrecy/marking", _body(text)) == []


@pytest.mark.parametrize("text, part, fires", [
    ("内部资料（注意保存）", "body", True),
    ("内部资料", "header", True),
    ("本材料不得外传。", "body", True),
    ("以下内容仅供领导参阅", "body", True),
    ("（不予公开）", "body", True),
    ("本年度共编印内部资料12期。", "body", False),
    ("不予公开", "table", False),     # the annual report's statistics heading
    ("内部资料", "table", True),      # a cell that is only the label
    ("其中不予公开5件。", "body", False),
    ("涉及国家秘密的依法不予公开", "body", False),
    ("（此件公开发布）", "body", False),
    ("加强内部管理", "body", False),
])
def test_restricted_by_placement(text, part, fires):
    assert bool(_run("secrecy/restricted", _body(text, part))) is fires


def test_adjacent_label_phrases_are_one_finding():
    findings = _run("secrecy/restricted", _body("内部资料　注意保存"))
    assert [f.match for f in findings] == ["内部资料　注意保存"]


def test_exemptions_can_be_switched_off_and_extended():
    line = _body("内部资料管理")  # a mention, by the built-in exemptions
    assert _run("secrecy/restricted", line) == []
    assert _run("secrecy/restricted", line, context=CheckContext(builtin_exemptions=False))
    kept = _body("内部资料汇编目录")
    assert _run("secrecy/restricted", _body("内部资料")) != []
    assert _run("secrecy/marking", _body("机密★1年示例"), context=CheckContext(allow=("机密★1年示例",))) == []
    assert _run("secrecy/restricted", kept) == []


@pytest.fixture
def wordlist(tmp_path):
    path = tmp_path / "codes.txt"
    path.write_bytes("# 项目代号\n\n天网工程\n蓝盾行动\twarning\t内部代号\n*北斗*\nproject-x\n".encode("gbk"))
    user_entries.cache_clear()
    return str(path)


@pytest.mark.parametrize("text, expected", [
    ("推进天网工程建设", [("天网工程", "error")]),
    ("部署蓝盾行动", [("蓝盾行动", "warning")]),
    ("北斗七星导航", [("北斗", "error")]),                 # *term*: inside a word too
    ("天网工程天网工程", [("天网工程", "error")] * 2),
    ("PROJECT-X 上线", [("PROJECT-X", "error")]),
    ("myproject-x2", []),                                   # ASCII term inside a longer word
    ("天网恢恢疏而不漏", []),
    ("蓝盾保安公司", []),
])
def test_user_wordlist_terms(wordlist, text, expected):
    findings = _run("secrecy/keyword", _body(text), context=CheckContext(wordlists=(wordlist,)))
    assert [(f.match, f.severity) for f in findings] == expected


def test_term_inside_another_word_is_not_a_hit(tmp_path):
    path = tmp_path / "codes.txt"
    path.write_text("网行\n", encoding="utf-8")
    user_entries.cache_clear()
    context = CheckContext(wordlists=(str(path),))
    assert _run("secrecy/keyword", _body("天网行动"), context=context) == []
    assert _run("secrecy/keyword", _body("代号：网行"), context=context) != []


def test_builtin_keywords_are_warnings():
    findings = _run("secrecy/keyword", _body("会上传达了涉密文件精神"))
    assert [(f.match, f.severity) for f in findings] == [("涉密文件", "warning")]


def test_bad_wordlist_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text("正文\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("代号\tfatal\n", encoding="utf-8")
    user_entries.cache_clear()
    result = cli("check", "a.txt", "--wordlist", "bad.txt")
    assert result.exit_code == 2 and "第1行" in result.stderr


def test_wordlist_from_cli_and_config_end_to_end(cli_json, tmp_path):
    (tmp_path / "draft.md").write_text("# 通知\n\n继续推进天网工程和星河专项。\n", encoding="utf-8")
    (tmp_path / "a.list").write_text("天网工程\n", encoding="utf-8")
    (tmp_path / "b.list").write_text("星河专项\tinfo\n", encoding="utf-8")
    (tmp_path / ".disclosure-lint.toml").write_text('wordlists = ["b.list"]\n', encoding="utf-8")
    user_entries.cache_clear()
    code, report = cli_json("draft.md", "--wordlist", "a.list")
    found = [(f["match"], f["severity"], f["location"]["line"]) for f in report["findings"]]
    assert sorted(found) == [("天网工程", "error", 3), ("星河专项", "info", 3)]
    assert code == 1


def test_a_level_word_cut_from_its_label_phrase_is_no_marking():
    """属于国家秘密 split by a PDF table into …国家秘 / 秘密, across rows or cells, or by a line break."""
    def cells(*texts):
        return [Segment(t, Location(part="table", row=r, col=c)) for (r, c), t in texts]

    below = cells(((1, 1), "项目"), ((1, 2), "件数"), ((2, 1), "1.属于国家秘"), ((2, 2), "0"), ((3, 1), "秘密"))
    beside = cells(((1, 1), "1.属于国家"), ((1, 2), "秘密"))
    lines = [_body("1.属于国家"), _body("秘密")]
    for segments in (below, beside, lines):
        assert _run("secrecy/marking", *segments) == []
    assert _run("secrecy/marking", _body("附件"), _body("秘密"))  # a bare level word alone still is
