import pytest

from linter.config import Config
from linter.decide import decide, exit_code, is_selected, matches
from linter.masking import digest, mask, mask_numbers
from linter.model import Finding, Location, Segment


@pytest.mark.parametrize("selector, check_id, expected", [
    ("pii", "pii/id-card", True),
    ("pii/", "pii/id-card", True),
    ("pii/id-card", "pii/id-card", True),
    ("pii/id", "pii/id-card", False),
    ("pi", "pii/id-card", False),
])
def test_selector_matching(selector, check_id, expected):
    assert matches(selector, check_id) is expected


def test_select_then_ignore():
    config = Config(select=("pii",), ignore=("pii/email",))
    assert is_selected("pii/id-card", config)
    assert not is_selected("pii/email", config)
    assert not is_selected("secrecy/marking", config)


def _finding(check="pii/x", severity="warning", raw="张三", allowed_by=None):
    return Finding(check=check, severity=severity, message="m", location=Location(),
                   match=mask(raw), digest=digest(mask(raw)), allowed_by=allowed_by)


def test_decide_orders_ignore_severity_allow():
    findings = [_finding(raw="张三"), _finding(raw="李四", allowed_by="allow"), _finding(check="pii/y")]
    config = Config(ignore=("pii/y",), severity={"pii/x": "error"}, allow=("李四",))
    kept, suppressed = decide(findings, config)
    assert [(f.match, f.severity) for f in kept] == [("张*", "error")]
    assert [s.reason for s in suppressed] == ["allow"]


@pytest.mark.parametrize("severities, unchecked, fail_on, code", [
    ([], 0, "error", 0),
    (["warning"], 0, "error", 0),
    (["warning"], 0, "warning", 1),
    (["info"], 0, "warning", 0),
    (["error"], 0, "error", 1),
    ([], 1, "error", 2),
    (["error"], 1, "error", 2),  # an unchecked file outranks findings
])
def test_exit_codes(severities, unchecked, fail_on, code):
    findings = [_finding(severity=s) for s in severities]
    assert exit_code(findings, unchecked, fail_on) == code


@pytest.mark.parametrize("raw, masked", [
    ("110105199003077653", "1101**********7653"),
    ("13812345678", "138****5678"),
    ("张三", "张*"),
    ("欧阳小明", "欧***"),
])
def test_mask_keeps_only_the_ends(raw, masked):
    assert mask(raw) == masked


def test_context_masks_long_numbers_but_not_dates():
    assert mask_numbers("2024年1月1日，电话13812345678") == "2024年1月1日，电话138****5678"


def test_segment_locate_moves_line_and_column():
    segment = Segment("甲乙丙丁戊", Location(line=3, column=5), line_starts=(2,))
    assert (segment.locate(1).line, segment.locate(1).column) == (3, 6)
    assert (segment.locate(3).line, segment.locate(3).column) == (4, 2)


def test_findings_come_in_reading_order():
    from linter.decide import reading_order

    def at(check, **where):
        return Finding(check=check, severity="error", message="m", location=Location(**where))

    findings = [at("b/late", page=2, line=1), at("a/meta", part="metadata"), at("a/x", page=1, line=9),
                at("b/y", page=1, line=3)]
    assert [f.check for f in reading_order(findings)] == ["b/y", "a/x", "b/late", "a/meta"]
