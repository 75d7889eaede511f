"""Document profiles: what a type of disclosure must contain, as TOML data.

Built-in profiles ship in `linter/builtin_profiles/`; a user's profile files (config
`profiles = ["my.toml"]`) are read after them, and one with the same `name`
replaces the built-in one. A profile is chosen by `--profile NAME`, or else
by the document's title; a document that matches none gets the generic checks.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from linter import lazy
from linter.config import ConfigError
from linter.regex_literal import required_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WHERE = ("heading", "head", "tail", "anywhere")
_PROFILE_KEYS = {"name", "description", "titles", "detect", "sections", "fields"}
_SECTION_KEYS = {"title", "patterns", "where", "optional"}
_FIELD_KEYS = {"label", "aliases", "optional"}


@dataclass(frozen=True)
class Section:
    """A required part: its canonical title, accepted patterns, and where it is looked for."""

    title: str
    patterns: tuple[regex.Pattern, ...]
    where: str = "heading"
    optional: bool = False


@dataclass(frozen=True)
class Field:
    """A required `label：value` field and the other labels it may go by."""

    label: str
    aliases: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Profile:
    """One document type."""

    name: str
    description: str
    titles: tuple[regex.Pattern, ...]
    detect: tuple[regex.Pattern, ...]
    sections: tuple[Section, ...]
    fields: tuple[Field, ...]
    source: str


def parse(data: dict, source: str, builtin: bool = False) -> Profile:
    """Build a profile from its TOML table; raise ConfigError naming what is wrong."""
    _keys(data, _PROFILE_KEYS, source)
    if not isinstance(data.get("name"), str) or not data["name"]:
        raise ConfigError(f"配置方案 {source} 缺少 name")
    sections = []
    for item in data.get("sections", []):
        _keys(item, _SECTION_KEYS, f"{source} [[sections]]")
        where = item.get("where", "heading")
        if where not in WHERE:
            raise ConfigError(f"配置方案 {source} 的 where 无效：{where!r}（可选 {'、'.join(WHERE)}）")
        sections.append(Section(item["title"], _patterns(item.get("patterns", [item["title"]]), source, builtin),
                                where, bool(item.get("optional", False))))
    fields = []
    for item in data.get("fields", []):
        _keys(item, _FIELD_KEYS, f"{source} [[fields]]")
        fields.append(Field(item["label"], tuple(item.get("aliases", ())), bool(item.get("optional", False))))
    titles, detect = (_patterns(data.get(key, []), source, builtin) for key in ("titles", "detect"))
    return Profile(data["name"], data.get("description", data["name"]), titles, detect, tuple(sections),
                   tuple(fields), source)


def _keys(data: dict, allowed: set[str], source: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ConfigError(f"配置方案 {source} 含未知配置项：{', '.join(unknown)}")
    if "title" in allowed and "title" not in data or "label" in allowed and "label" not in data:
        raise ConfigError(f"配置方案 {source} 的条目缺少 {'title' if 'title' in allowed else 'label'}")


def _patterns(items: list[str], source: str, builtin: bool) -> tuple[regex.Pattern, ...]:
    if builtin:  # ours, and tested: compiled when a document needs them
        return tuple(lazy.regex_pattern(p) for p in items)
    try:  # a user's: compiled now, so that a mistake is said before any file is read
        return tuple(regex.compile(p) for p in items)
    except regex.error as exc:
        raise ConfigError(f"配置方案 {source} 中的正则表达式无效：{exc}") from None


def _read(text: str, source: str, builtin: bool = False) -> Profile:
    try:
        return parse(tomllib.loads(text), source, builtin)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"无法读取配置方案 {source}：{exc}") from None
    except (KeyError, TypeError) as exc:
        raise ConfigError(f"配置方案 {source} 格式不正确：{exc}") from None


@lru_cache(maxsize=8)
def load(paths: tuple[str, ...] = ()) -> dict[str, Profile]:
    """Built-in profiles, then the user's files (a same-named one replaces the built-in)."""
    found: dict[str, Profile] = {}
    for item in sorted(resources.files("linter.builtin_profiles").iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            profile = _read(item.read_text(encoding="utf-8"), f"linter/builtin_profiles/{item.name}", builtin=True)
            found[profile.name] = profile
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"无法读取配置方案 {path}：{exc.strerror or exc}") from None
        profile = _read(text, path)
        found[profile.name] = profile
    return found


_SPACES = regex.compile(r"\s+")


def squash(text: str) -> str:
    r"""Text without any whitespace, as titles and headings are compared.

    str.split() drops the same spaces as \s, twice as fast, but for the four information
    separators (U+001C to U+001F), which it takes for spaces and \s does not.
    """
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _SPACES.sub("", text)
    return "".join(text.split())


def with_wrapped(lines: list[str]) -> list[str]:
    """The lines, then each run of two and three of them joined.

    A title or a salutation may run over several lines (…政府信息公开工作 / 年度报告).
    """
    pairs = [a + b for a, b in zip(lines, lines[1:], strict=False)]
    triples = [a + b + c for a, b, c in zip(lines, lines[1:], lines[2:], strict=False)]
    return lines + pairs + triples


def choose(segments, known: dict[str, Profile], name: str | None) -> Profile | None:
    """The profile asked for, or the first whose title (or detect) pattern the document's head matches."""
    if name is not None:
        return known.get(name)
    texts = (s.text for s in segments if s.location.part in ("body", "table") and s.text.strip())
    head = [squash(t) for t in itertools.islice(texts, 10)]  # the head only: never the whole file
    title_lines = with_wrapped(head[:4])
    for profile in known.values():
        if _found(profile.titles, title_lines) or _found(profile.detect, head):
            return profile
    return None


def _found(patterns: tuple[regex.Pattern, ...], texts: list[str]) -> bool:
    """Whether any of the patterns is found in any of the texts.

    Each document's head is read against every profile, and a search costs a microsecond a
    text even where it fails at once: a pattern that is plain text (most titles) is looked
    for with `in`, and any other only in the texts holding what all its matches hold.
    """
    whole = "".join(texts)  # holds each text: what it lacks, no text holds
    for pattern in patterns:
        need = _required(pattern.pattern)
        if need is not None and need not in whole:
            continue
        if need == pattern.pattern:
            found = any(need in text for text in texts)
        else:
            found = any(pattern.search(text) for text in texts if need is None or need in text)
        if found:
            return True
    return False


@lru_cache(maxsize=256)
def _required(source: str) -> str | None:
    return required_text(source)  # profile patterns are compiled with no flags: plain text means itself
