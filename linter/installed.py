"""What is installed — the checks' entry points and this package's version — remembered between runs.

Asking importlib.metadata cost every start 50 ms, a tenth of checking a short draft: its
import pulls in the e-mail package, and finding entry points reads every installed
distribution. Its answer changes only when something is installed, removed or edited, so
it is kept in the user cache folder under a fingerprint of everything it reads: each
folder on sys.path, in order, with the distributions in it and the size and time of
their entry_points.txt. An install, an uninstall, a reinstall or an edited entry_points.txt
changes the fingerprint, and importlib.metadata is asked afresh. A cache folder that
cannot be written costs the time, nothing else.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from linter.user_cache import user_cache_folder

CHECKS_GROUP = "disclosure_lint.checks"
DISTRIBUTION = "disclosure-lint"
_FORMAT = 1
_UNKNOWN = "0+unknown"  # running from a source tree that was never installed


@dataclass(frozen=True)
class EntryPoint:
    """A named object to load, written `module:attribute` as entry points are."""

    name: str
    value: str
    group: str

    def load(self):
        """Import the module and return the attribute (the module itself without one)."""
        module, _, attributes = self.value.split("[", 1)[0].partition(":")
        found = importlib.import_module(module.strip())
        for attribute in attributes.strip().split(".") if attributes.strip() else ():
            found = getattr(found, attribute)
        return found


def entry_points(group: str) -> list[EntryPoint]:
    """The entry points of `group` (the checks' group is remembered; another is asked for each time)."""
    pairs = _answers()["checks"] if group == CHECKS_GROUP else _entry_point_pairs(group)
    return [EntryPoint(name, value, group) for name, value in pairs]


def version() -> str:
    """The installed version of disclosure-lint, or 0+unknown in a source tree never installed."""
    return _answers()["version"]


@lru_cache(maxsize=1)
def _answers() -> dict:
    key = fingerprint()
    path = _cache_file()
    remembered = _read(path, key)
    if remembered is None:
        remembered = {"checks": _entry_point_pairs(CHECKS_GROUP), "version": _asked_version()}
        _write(path, key, remembered)
    return remembered


def fingerprint() -> str:
    """A digest of what importlib.metadata reads to answer: it changes whenever an answer may."""
    parts = [f"{_FORMAT}", sys.version, sys.prefix]
    for entry in sys.path:
        parts.append(f"path {entry}")
        try:
            with os.scandir(entry or ".") as found:
                infos = sorted(e.name for e in found if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # a zip file, or a folder that is gone
            parts.append(_stamp(entry or "."))
            continue
        for name in infos:
            parts.append(f"{name} {_stamp(os.path.join(entry or '.', name, 'entry_points.txt'))}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _stamp(path: str) -> str:
    try:
        stat = os.stat(path)
    except OSError:
        return "-"
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _entry_point_pairs(group: str) -> list[list[str]]:
    from importlib.metadata import entry_points as asked

    return [[ep.name, ep.value] for ep in asked(group=group)]


def _asked_version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as asked

    try:
        return asked(DISTRIBUTION)
    except PackageNotFoundError:
        return _UNKNOWN


def _cache_file() -> Path:
    """One file per Python environment, rewritten when its fingerprint changes."""
    environment = hashlib.sha256(f"{sys.prefix}\n{sys.executable}".encode("utf-8", "surrogateescape"))
    return Path(user_cache_folder()) / "installed" / f"{environment.hexdigest()[:16]}.json"


def _read(path: Path, key: str) -> dict | None:
    try:
        remembered = json.loads(path.read_text("utf-8"))
        if remembered["key"] != key:
            return None
        checks = [[str(name), str(value)] for name, value in remembered["checks"]]
        return {"checks": checks, "version": str(remembered["version"])}
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or damaged: asked afresh and written again


def _write(path: Path, key: str, answers: dict) -> None:
    import tempfile  # only when written: its import costs a start 3 ms

    try:  # written whole under another name, then renamed: a concurrent reader never sees half
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"key": key, **answers}, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        pass
