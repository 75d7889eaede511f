"""A few files checked one after another in a forked child, each under the time limit.

A pre-commit hook checks one or two drafts. Read in this process, a crafted PDF or zip
could hang its parser with nothing to stop it; a pool stops it, but starting one
(its library, its threads, its workers) cost more than the draft itself. A child forked
from this process, with the checks already loaded, costs a few milliseconds: it reads
the files in order and sends each result back as it is done; a file that overruns
the time limit or kills the child becomes that file's error, and a new child goes on
with the files after it.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import time
from collections.abc import Iterator

from linter.cache import ResultCache
from linter.config import Config
from linter.engine import FileResult, failed_result, internal_error, lint_file

_HEADER = struct.Struct("<Q")  # the length of the pickled result that follows


def available() -> bool:
    """Whether this platform can fork (not Windows)."""
    return hasattr(os, "fork")


def died(code: int) -> str:
    """The error of a file whose reader ended its process (a signal as a negative code)."""
    return f"读取时进程异常退出（{code}），内容未经检查 (worker died)"


def timed_out(timeout: float) -> str:
    """The error of a file still being read when its time ran out."""
    return f"处理超时（超过 {timeout:g} 秒），内容未经检查 (timeout)"


def run_forked(todo: list[tuple[str, str]], config: Config, timeout: float,
               cache: ResultCache | None) -> Iterator[FileResult]:
    """Yield a result for each (path, shown) in order, read in a child process."""
    at = 0
    while at < len(todo):
        rest = todo[at:]
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; its results are what the tests check
            os.close(reading)
            _child(rest, config, cache, writing)
        os.close(writing)
        child = _Child(pid)
        try:
            for path, name in rest:
                at += 1
                result, problem = _receive(reading, child, timeout)
                if result is None:
                    yield failed_result(path, config, name, problem)
                    break
                yield result
        finally:
            os.close(reading)
            child.end()


def _child(todo: list[tuple[str, str]], config: Config, cache: ResultCache | None, writing: int) -> None:
    """Check the files, send each result, and leave without running the parent's exit handlers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the child
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    code = 0
    try:
        for path, name in todo:
            try:
                result = lint_file(path, config, name, cache)
            except Exception as exc:  # the file fails, the files after it go on
                result = failed_result(path, config, name, internal_error(exc))
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(writing, _HEADER.pack(len(payload)) + payload)
    except BaseException:  # the parent gone (a broken pipe): nobody to tell
        code = 1
    finally:
        os._exit(code)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class _Child:
    """The forked process, reaped exactly once: a reaped pid may already be another process's."""

    def __init__(self, pid: int) -> None:
        self.pid, self.code = pid, None

    def exit_code(self) -> int:
        """How the child ended (waiting for it): its exit status, or minus the signal that ended it."""
        if self.code is None:
            self.code = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self.code

    def end(self) -> None:
        """Stop the child if it still runs, and reap it."""
        if self.code is None:
            os.kill(self.pid, signal.SIGKILL)  # not reaped yet: the pid is still ours
            self.exit_code()


def _receive(fd: int, child: _Child, timeout: float) -> tuple[FileResult | None, str]:
    """The child's next result, or None and why it will not come."""
    deadline = time.monotonic() + timeout
    try:
        (size,) = _HEADER.unpack(_read(fd, _HEADER.size, deadline))
        return pickle.loads(_read(fd, size, deadline)), ""
    except TimeoutError:
        return None, timed_out(timeout)
    except EOFError:
        return None, died(child.exit_code())


def _read(fd: int, size: int, deadline: float) -> bytes:
    """Exactly `size` bytes; TimeoutError when the deadline passes first, EOFError when the child ends."""
    parts, got = [], 0
    while got < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError
        part = os.read(fd, size - got)
        if not part:
            raise EOFError
        parts.append(part)
        got += len(part)
    return b"".join(parts)
