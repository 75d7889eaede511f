import pytest
from plugins import install

from linter.registry import RegistryError, load_checks


def test_builtin_checks_are_registered_through_entry_points():
    checks = load_checks()
    assert {"extract/error", "extract/no-text"} <= set(checks)
    assert list(checks) == sorted(checks)


def test_third_party_check_loads_like_a_builtin(monkeypatch):
    install(monkeypatch, "WordCheck")
    assert load_checks()["secrecy/test-word"].family() == "secrecy"


@pytest.mark.parametrize("name, message", [
    ("BadIdCheck", "id 格式不正确"),
    ("NotACheck", "不是 Check 的子类"),
    ("Missing", "无法加载"),
])
def test_malformed_plugins_fail_loudly(monkeypatch, name, message):
    install(monkeypatch, name)
    with pytest.raises(RegistryError, match=message):
        load_checks()


def test_duplicate_id_fails(monkeypatch):
    install(monkeypatch, "WordCheck", "WordCheck")
    with pytest.raises(RegistryError, match="重复"):
        load_checks()


def test_checks_command_lists_every_check(cli):
    result = cli("checks")
    assert result.exit_code == 0
    for line in ("extract/error", "extract/no-text"):
        assert line in result.stdout
    assert "error" in result.stdout and "extract" in result.stdout
