"""A result cache keyed by file content, configuration and version (--cache-dir).

An unchanged file under an unchanged configuration is not extracted again. The
key holds no content: a SHA-256 of the bytes. Entries are pickled results.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from pathlib import Path

from linter import __version__
from linter.config import Config
from linter.engine import FileResult


def cache_folder(value: str) -> str:
    """`auto` is the user's cache folder ($XDG_CACHE_HOME or ~/.cache, then disclosure-lint)."""
    if value != "auto":
        return value
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "disclosure-lint")


class ResultCache:
    """Results stored under `folder`, for one configuration."""

    def __init__(self, folder: str, config: Config) -> None:
        self.folder = Path(cache_folder(folder))
        self.salt = hashlib.sha256(f"{__version__}|{config!r}".encode()).hexdigest()[:16]
        self._keys: dict[str, str | None] = {}

    def _key(self, path: str) -> str | None:
        if path not in self._keys:
            try:
                digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                digest = None  # unreadable: never cached, always reported afresh
            self._keys[path] = None if digest is None else f"{self.salt}-{digest}"
        return self._keys[path]

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, path: str) -> bool:
        """Whether a result for this file's current content is stored."""
        key = self._key(path)
        return key is not None and self._file(key).is_file()

    def get(self, path: str, shown: str) -> FileResult | None:
        """The stored result, reported under `shown`; None when absent or unreadable."""
        key = self._key(path)
        if key is None:
            return None
        try:
            result = pickle.loads(self._file(key).read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            return None
        findings = tuple(replace(f, path=shown) for f in result.findings)
        return replace(result, path=shown, findings=findings)

    def put(self, path: str, result: FileResult) -> None:
        """Store a result; files that could not be read are not stored (they may be fixed)."""
        key = self._key(path)
        if key is None or result.status != "ok":
            return
        target = self._file(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps(result))
        temporary.replace(target)
