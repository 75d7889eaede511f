"""Writing what the linter produces (reports, baselines, cleaned copies) without ever half-writing it.

A file is written beside its target under a temporary name and renamed into
place only when everything was written: a run that fails or is interrupted
leaves the previous report as it was, never an empty or truncated one. Any
failure becomes an OutputError naming the path and the reason in one line.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO


class OutputError(Exception):
    """An output could not be written; the message names the path and why, in one line."""


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "所在文件夹不存在 (no such folder)"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹 (is a directory)"
    if isinstance(exc, PermissionError):
        return "没有写入权限 (permission denied)"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def atomic_binary(path: str) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only once it is whole."""
    target = Path(path)
    try:
        if target.exists() and not target.is_file():
            # A device or a pipe (/dev/stdout, /dev/full): nothing to rename, written in place.
            with open(target, "wb") as fh:
                yield fh
            return
        handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"无法写入 {path}：{_reason(exc)}") from None
    try:
        with os.fdopen(handle, "wb") as fh:
            yield fh
        _keep_mode(temporary, target)
        os.replace(temporary, target)
    except OSError as exc:
        _remove(temporary)
        raise OutputError(f"无法写入 {path}：{_reason(exc)}") from None
    except BaseException:
        _remove(temporary)
        raise


@contextlib.contextmanager
def atomic_text(path: str) -> Iterator[TextIO]:
    """A UTF-8 text file (LF line ends) that replaces `path` only once it is whole."""
    with atomic_binary(path) as raw:
        out = open(raw.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)  # noqa: SIM115
        try:
            yield out
        finally:
            out.flush()


def _keep_mode(temporary: str, target: Path) -> None:
    """What a plain open() would have given: the old file's mode, or 0666 less the umask."""
    if target.exists():
        mode = target.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)
