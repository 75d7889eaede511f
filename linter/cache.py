"""The result cache (--cache-dir): a file's bytes checked once under one configuration.

Each file is looked up once, by a SHA-256 of exactly the bytes that were linted,
its extension (which decides how it is read), the tool's version and code, and
the configuration that shapes findings. An entry holds only what does not depend
on the file's path — masked findings before per-file ignores, baseline and inline
ignores — so a result is never carried to another file or folder, and path-bound
decisions are made afresh each run.

Entries are JSON, validated field by field on load: nothing stored can run code.
They hold what the default report shows (masked matches and contexts), never an
unmasked value; a run with --no-mask neither reads nor writes the cache. The
folder is private to its owner (0700, files 0600). An entry that is unreadable,
truncated, foreign or from another version is a miss; a folder that cannot be
used gives one warning and the run goes on without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from linter import __version__
from linter.config import Config
from linter.engine import Checked
from linter.model import SEVERITIES, Finding, Location
from linter.registry import load_checks
from linter.user_cache import user_cache_folder

FORMAT = "disclosure-lint-cache/2"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# disclosure-lint result cache: safe to delete.\n"
_LOCATION_FIELDS = Location._fields


class CacheUnavailable(Exception):
    """The cache folder cannot be used (not a folder, read-only, full)."""


def cache_folder(value: str) -> str:
    """`auto` is the user's cache folder ($XDG_CACHE_HOME or ~/.cache, then disclosure-lint)."""
    if value != "auto":
        return value
    return user_cache_folder()


def open_cache(folder: str, config: Config) -> ResultCache | None:
    """The cache for this run, or None (with one warning on stderr) when it cannot be used.

    With --no-mask there is no cache: an entry must never hold an unmasked value.
    """
    if not config.mask:
        return None
    cache = ResultCache(cache_folder(folder), config_salt(config))
    try:
        cache.ready()
    except CacheUnavailable as exc:
        print(f"disclosure-lint: 警告：缓存目录不可用，本次不使用缓存：{exc}", file=sys.stderr)
        return None
    return cache


@dataclass(frozen=True)
class ResultCache:
    """Entries under `folder` for one configuration (`salt`); small and picklable for workers."""

    folder: str
    salt: str

    def key(self, path: str, data: bytes) -> str:
        """The entry's name: the bytes linted, how their name says to read them, and the salt."""
        digest = hashlib.sha256()
        digest.update(f"{self.salt}|{os.path.splitext(path)[1].lower()}|".encode())
        digest.update(data)
        return digest.hexdigest()

    def load(self, key: str) -> Checked | None:
        """The stored result under `key`, or None: any problem with an entry is a miss."""
        try:
            with open(self._file(key), "rb") as fh:
                entry = json.loads(fh.read(64 << 20))
            return _checked(entry, key)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None

    def store(self, key: str, checked: Checked) -> None:
        """Store a result (files that could not be read are not: they may be fixed); never raises."""
        if checked.status != "ok":
            return
        entry = {"format": FORMAT, "key": key, "result": _entry(checked)}
        try:
            self._write(self._file(key), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a full or vanished folder: this file is simply checked again next time

    def ready(self) -> None:
        """Create the folder (private to its owner) and prove an entry can be written there."""
        folder = Path(self.folder)
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not folder.is_dir():
                raise CacheUnavailable(f"{self.folder} 不是文件夹")
            if folder.stat().st_uid == os.getuid() and folder.stat().st_mode & 0o077:
                folder.chmod(0o700)  # made by an earlier version, or by hand, readable by others
            tag = folder / "CACHEDIR.TAG"
            if not tag.exists():
                self._write(tag, _TAG.encode())
            else:
                probe = folder / f".probe-{os.getpid()}"
                self._write(probe, b"")
                probe.unlink()
        except FileExistsError:
            raise CacheUnavailable(f"{self.folder} 不是文件夹") from None
        except OSError as exc:
            raise CacheUnavailable(f"{self.folder}（{exc.strerror or exc}）") from None

    def _file(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], f"{key}.json")

    @staticmethod
    def _write(target: str | Path, payload: bytes) -> None:
        """Write atomically, readable by the owner only: a reader sees a whole entry or none."""
        folder = os.path.dirname(target)
        if folder not in _MADE:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            _MADE.add(folder)
        # Unique per process and entry; O_EXCL so a planted file or link is never written through.
        temporary = os.path.join(folder, f".tmp-{os.getpid()}-{os.path.basename(target)}")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)  # left by a process of ours that was killed
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            with os.fdopen(handle, "wb") as fh:
                fh.write(payload)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


_MADE: set[str] = set()  # folders this process made or found, so each is made once


def config_salt(config: Config) -> str:
    """What besides the bytes decides a file's findings: version, code, and the settings that shape them.

    Path-bound settings (per-file ignores, baseline) and the verdict (fail-on,
    severity) are applied after a lookup, so they are left out; wordlists and
    profiles count by content, not by name.
    """
    shaping = {
        "select": config.select, "ignore": config.ignore, "allow": config.allow,
        "allow_patterns": config.allow_patterns, "profile": config.profile,
        "builtin_exemptions": config.builtin_exemptions, "max_file_size": config.max_file_size,
        "libreoffice": config.libreoffice,
        "mask": config.mask, "wordlists": [_file_digest(p) for p in config.wordlists],
        "typos": [_file_digest(p) for p in config.typos],
        "profiles": [_file_digest(p) for p in config.profiles],
    }
    text = json.dumps([FORMAT, __version__, _code_digest(), shaping], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The source of the linter, its checks and wordlists, and every plugin's module.

    A check edited without a new version number (an editable install, a plugin)
    must not be answered from results of the old code.
    """
    import checks
    import linter
    import wordlists

    files = set()
    for package in (linter, checks, wordlists):
        root = Path(package.__file__).parent
        files |= {p for p in root.rglob("*") if p.suffix in (".py", ".txt", ".toml", ".json")}
    for cls in load_checks().values():
        module = sys.modules.get(cls.__module__)
        if module is not None and getattr(module, "__file__", None):
            files.add(Path(module.__file__))
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path).encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _entry(checked: Checked) -> dict:
    return {
        "format": checked.format, "status": checked.status, "pages": checked.pages, "chars": checked.chars,
        "warnings": list(checked.warnings),
        "inline": [[line, list(ids)] for line, ids in checked.inline.items()],
        "findings": [{"check": f.check, "severity": f.severity, "message": f.message, "match": f.match,
                      "context": f.context, "digest": f.digest, "allowed_by": f.allowed_by,
                      "location": f.location._asdict()} for f in checked.findings],
    }


def _checked(entry: dict, key: str) -> Checked | None:
    """A stored entry, if it is exactly what this version writes for this key."""
    if entry.get("format") != FORMAT or entry.get("key") != key:
        return None
    result = entry["result"]
    if result["status"] != "ok" or not _optional(result["format"], str) or not _optional(result["pages"], int):
        return None
    if not isinstance(result["chars"], int) or not _strings(result["warnings"]):
        return None
    inline = {}
    for line, ids in result["inline"]:
        if not isinstance(line, int) or not _strings(ids):
            return None
        inline[line] = tuple(ids)
    findings = [_finding(f) for f in result["findings"]]
    if any(f is None for f in findings):
        return None
    return Checked(format=result["format"], status="ok", error=None, pages=result["pages"], chars=result["chars"],
                   warnings=tuple(result["warnings"]), findings=tuple(findings), inline=inline)


def _finding(data: dict) -> Finding | None:
    texts = ("check", "severity", "message", "match", "context", "digest")
    if not all(isinstance(data[k], str) for k in texts) or data["severity"] not in SEVERITIES:
        return None
    if not _optional(data["allowed_by"], str):
        return None
    location = data["location"]
    if not isinstance(location.get("part"), str) or set(location) != set(_LOCATION_FIELDS) or not all(
            _optional(v, str if k in ("part", "detail", "sheet") else int) for k, v in location.items()):
        return None
    return Finding(check=data["check"], severity=data["severity"], message=data["message"],
                   location=Location(**location), match=data["match"], context=data["context"],
                   digest=data["digest"], allowed_by=data["allowed_by"])


def _optional(value: object, kind: type) -> bool:
    return value is None or (isinstance(value, kind) and not isinstance(value, bool))


def _strings(values: object) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) for v in values)
