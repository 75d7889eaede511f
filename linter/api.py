"""The library API: lint one file by path or by bytes, from any job system (Spark, Ray, Dask).

Both return a `FileResult`: plain frozen dataclasses, picklable, with the
findings already decided and masked under the given configuration.
"""

from __future__ import annotations

from linter.cache import ResultCache
from linter.config import Config
from linter.engine import FileResult, failed_result, lint_data, lint_file


def lint_path(path: str, config: Config | None = None) -> FileResult:
    """Extract and check the file at `path`."""
    return lint_file(path, config or Config())


def lint_bytes(name: str, data: bytes, config: Config | None = None, cache: ResultCache | None = None) -> FileResult:
    """Check a file's bytes; `name` (its extension) says what it claims to be, and is reported.

    Read from memory: the bytes are never written to a temporary file.
    """
    config = config or Config()
    if len(data) > config.max_file_size:
        limit = config.max_file_size / 2**20
        return failed_result(name, config, name, f"文件过大：上限 {limit:.1f} MB (file too large)")
    return lint_data(name, data, config, name, cache)
