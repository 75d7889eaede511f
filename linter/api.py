"""The library API: lint one file by path or by bytes, from any job system (Spark, Ray, Dask).

Both return a `FileResult`: plain frozen dataclasses, picklable, with the
findings already decided and masked under the given configuration.
"""

from __future__ import annotations

import os
import tempfile

from linter.cache import ResultCache
from linter.config import Config
from linter.engine import FileResult, lint_file


def lint_path(path: str, config: Config | None = None) -> FileResult:
    """Extract and check the file at `path`."""
    return lint_file(path, config or Config())


def lint_bytes(name: str, data: bytes, config: Config | None = None, cache: ResultCache | None = None) -> FileResult:
    """Check a file's bytes; `name` (its extension) says what it claims to be, and is reported."""
    suffix = os.path.splitext(name)[1] or ".txt"
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        return lint_file(path, config or Config(), name, cache)
