"""Wordlists: plain text, one entry a line, loaded once per process.

Format: `term`, or `term<TAB>tag<TAB>note`, where the tag is a severity in
keyword lists (a scope in some built-in lists); `#` starts a comment line;
blank lines are ignored; UTF-8 (with or without BOM) or GBK. A term written
with a leading or trailing `*` may match inside a longer word; otherwise a
Chinese term must stand as a word of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from linter.config import ConfigError
from linter.extract.errors import ExtractError
from linter.extract.text import decode
from linter.model import SEVERITIES
from linter.normalize import normalize


@dataclass(frozen=True)
class Entry:
    """One wordlist line: the term as written, its matching form, tag and note."""

    term: str
    key: str
    tag: str | None = None
    note: str = ""
    substring: bool = False
    source: str = ""


def parse(text: str, source: str, tags: tuple[str, ...] | None = SEVERITIES) -> tuple[Entry, ...]:
    """Parse wordlist text; raise ConfigError naming the line of a malformed entry.

    `tags` are the second column's allowed values; None lets it hold any text (a correction).
    """
    entries = []
    for number, line in _entry_lines(text):
        fields = [f.strip() for f in line.split("\t")]
        term, tag = fields[0], (fields[1] if len(fields) > 1 and fields[1] else None)
        if tag is not None and tags is not None and tag not in tags:
            raise ConfigError(f"词表 {source} 第{number}行的第二列无效：{tag!r}（可选 {'、'.join(tags)}）")
        # `*term*` marks a substring match; a `re:` entry is a regex and keeps its stars.
        regex_entry = term.startswith("re:")
        substring = not regex_entry and (term.startswith("*") or term.endswith("*"))
        term = term if regex_entry else term.strip("*")
        key = normalize(term)
        if not key:
            raise ConfigError(f"词表 {source} 第{number}行没有词条")
        note = fields[2] if len(fields) > 2 else ""
        entries.append(Entry(term, key, tag, note, substring, f"{source}:{number}"))
    return tuple(entries)


def read(path: str, tags: tuple[str, ...] | None = SEVERITIES) -> tuple[Entry, ...]:
    """Read a user wordlist file (UTF-8 or GBK)."""
    try:
        data = Path(path).read_bytes()
        text, _ = decode(data)
    except OSError as exc:
        raise ConfigError(f"无法读取词表 {path}：{exc.strerror or exc}") from None
    except ExtractError as exc:
        raise ConfigError(f"无法读取词表 {path}：{exc}") from None
    return parse(text, path, tags)


@lru_cache(maxsize=8)
def user_entries(paths: tuple[str, ...], tags: tuple[str, ...] | None = SEVERITIES) -> tuple[Entry, ...]:
    """All entries of the user's wordlists, read once per process."""
    return tuple(entry for path in paths for entry in read(path, tags))


@lru_cache(maxsize=32)
def builtin(name: str, tags: tuple[str, ...] | None = SEVERITIES) -> tuple[Entry, ...]:
    """Entries of a wordlist shipped in the `wordlists` package."""
    return parse(_builtin_text(name), f"wordlists/{name}", tags)


@lru_cache(maxsize=32)
def builtin_terms(name: str) -> tuple[str, ...]:
    """The terms alone of a shipped wordlist, as `builtin` reads them, for a set of words.

    The name lists hold 7,000 lines: an Entry a line cost a draft naming someone 80 ms,
    a sixth of its whole check. (A test holds every shipped list to `builtin`'s reading.)
    """
    return tuple(_term(line) for _, line in _entry_lines(_builtin_text(name)))


def _entry_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of each line holding an entry: not blank, not a # comment."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _term(line: str) -> str:
    term = line.split("\t", 1)[0].strip()
    return term if term.startswith("re:") else term.strip("*")


def _builtin_text(name: str) -> str:
    return resources.files("wordlists").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def corrections(paths: tuple[str, ...]) -> tuple[Entry, ...]:
    """Entries of the user's typo lists (`wrong<TAB>right<TAB>note`), each with its correction."""
    entries = user_entries(paths, None)
    for entry in entries:
        if not entry.tag:
            raise ConfigError(f"错别字表 {entry.source} 缺少正确写法（第二列；= 表示这样写不算错）")
    return entries
