"""Finding and reading the configuration file.

`[tool.disclosure-lint]` in the nearest `pyproject.toml`, or a
`.disclosure-lint.toml`, found by walking up from the working directory;
`--config FILE` overrides the search. Unknown keys are an error, never ignored:
a misspelt `ignroe` silently doing nothing is how a gate leaks.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from linter.model import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = ".disclosure-lint.toml"
TABLE = "disclosure-lint"


class ConfigError(Exception):
    """The configuration (file or flags) is invalid."""


@dataclass(frozen=True)
class Config:
    """The resolved settings of one run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    wordlists: tuple[str, ...] = ()
    typos: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    allow_patterns: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    profile: str | None = None
    profiles: tuple[str, ...] = ()
    builtin_exemptions: bool = True
    max_file_size: int = 512 * 2**20
    libreoffice: bool = False  # read .doc/.wps/.xls through LibreOffice (--libreoffice)
    mask: bool = True
    source: str | None = None
    baseline: frozenset[str] = frozenset()  # fingerprints accepted by --baseline


_KEYS = {f.name.replace("_", "-") for f in fields(Config)} - {"mask", "source", "baseline"}


def find_config_file(start: Path) -> Path | None:
    """Return the nearest config file at or above `start`, if any."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and TABLE in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read the config at `path`, or the one found from `start` (default: cwd)."""
    if path is None:
        path = find_config_file((start or Path.cwd()).resolve())
        if path is None:
            return Config()
    if not path.is_file():
        raise ConfigError(f"配置文件不存在：{path}")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get(TABLE, {})
    return _from_table(data, path)


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc}") from exc


def _from_table(data: dict, path: Path) -> Config:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"配置文件 {path} 含未知配置项：{', '.join(unknown)}")
    base = path.parent
    values = {
        "select": _strings(data, "select", path),
        "ignore": _strings(data, "ignore", path),
        "allow": _strings(data, "allow", path),
        "allow_patterns": _patterns(_strings(data, "allow-patterns", path), path),
        "per_file_ignores": _per_file(data.get("per-file-ignores", {}), path),
        # Wordlist paths are relative to the file that names them, not the cwd.
        "wordlists": tuple(str(base / p) for p in _strings(data, "wordlists", path)),
        "typos": tuple(str(base / p) for p in _strings(data, "typos", path)),
        "severity": _severity_table(data.get("severity", {}), path),
        "fail_on": _severity(data.get("fail-on", "error"), f"{path}: fail-on"),
        "profile": data.get("profile"),
        "profiles": tuple(str(base / p) for p in _strings(data, "profiles", path)),
        "builtin_exemptions": _boolean(data, "builtin-exemptions", path),
        "libreoffice": _boolean(data, "libreoffice", path, default=False),
        "max_file_size": _size(data.get("max-file-size", "512MB"), path),
        "source": str(path),
    }
    return Config(**values)


def _strings(data: dict, key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"配置文件 {path} 中 {key} 应为字符串列表")
    return tuple(value)


def _patterns(values: tuple[str, ...], path: Path) -> tuple[str, ...]:
    for value in values:
        try:
            re.compile(value)
        except re.error as exc:
            raise ConfigError(f"配置文件 {path} 中 allow-patterns 的正则表达式无效：{value!r}（{exc}）") from None
    return values


def _per_file(value: object, path: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f"配置文件 {path} 中 per-file-ignores 应为表：{{\"文件模式\" = [检查 id]}}")
    return {glob: _strings({"ids": ids}, "ids", path) for glob, ids in value.items()}


def _size(value: object, path: object) -> int:
    """A size such as 200MB, 512KB or a number of bytes."""
    text = str(value).strip().upper().removesuffix("B")
    factor = {"K": 2**10, "M": 2**20, "G": 2**30}.get(text[-1:], 1)
    digits = text[:-1] if text[-1:] in "KMG" else text
    if not digits.isdigit() or int(digits) == 0:
        raise ConfigError(f"{path}：文件大小上限无效：{value!r}（如 200MB）")
    return int(digits) * factor


def _boolean(data: dict, key: str, path: Path, default: bool = True) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"配置文件 {path} 中 {key} 应为 true 或 false")
    return value


def _severity_table(value: object, path: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"配置文件 {path} 中 severity 应为表：{{检查 id = 级别}}")
    return {k: _severity(v, f"{path}: severity.{k}") for k, v in value.items()}


def _severity(value: object, where: str) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where} 的级别无效：{value!r}（可选 error、warning、info）")
    return str(value)


def with_overrides(config: Config, **flags: object) -> Config:
    """Apply command-line flags on top of the file's settings (None = not given)."""
    given = {k: v for k, v in flags.items() if v not in (None, ())}
    for lists in ("wordlists", "typos"):  # the command line adds to the file's lists
        if lists in given:
            given[lists] = getattr(config, lists) + tuple(given[lists])
    return replace(config, **given)
