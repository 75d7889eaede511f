"""Running many files: in this process, in a pool with per-file timeouts, or on a Dask cluster.

Whatever runs them, results come back in discovery order and every file gets
one: a file that hangs past the timeout or kills its worker becomes an error
for that file, never a stuck or lost batch.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from linter import forked
from linter.cache import ResultCache, open_cache
from linter.config import Config
from linter.discover import discover
from linter.engine import FileResult, failed_result, internal_error, lint_file, prepare
from linter.extract import preload
from linter.extract.sniff import read_by_a_library
from linter.forked import run_forked

DEFAULT_TIMEOUT = 300.0  # seconds per file in a pool; a real draft takes well under one
CHUNK = 32  # most files per message to a worker
SMALL_BATCH = 8  # text files run in process up to this many (a pre-commit hook's usual load)
CHUNK_BYTES = 4 << 20  # and most bytes: big files travel alone, well inside one timeout
# pebble's threads poll every 0.1 s by default, and closing a pool waits for a poll:
# 0.1 s of every batch. Its polls are cheap; poll faster.
_POLL_SECONDS = 0.01


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch."""

    jobs: int | None = None  # None: every core
    timeout: float | None = None
    cache_dir: str | None = None
    executor: str = "local"  # local | dask
    scheduler: str | None = None
    ship_bytes: bool = False

    @property
    def workers(self) -> int:
        """How many worker processes: `jobs`, or every core."""
        return self.jobs or os.cpu_count() or 1


def run(paths: Iterable[str], config: Config, options: BatchOptions = BatchOptions(),
        shown_as: dict[str, str] | None = None) -> Iterator[FileResult]:
    """Yield a result for every discovered file, in discovery order."""
    files = list(discover(paths))
    todo = [(f, (shown_as or {}).get(f) or f) for f in files]
    # Each file is looked up where it is linted, by the bytes that are linted: a
    # result can never be handed to another file, nor outlive a change made meanwhile.
    cache = open_cache(options.cache_dir, config) if options.cache_dir else None
    yield from _execute(todo, config, options, cache)


def _execute(todo: list[tuple[str, str]], config: Config, options: BatchOptions,
             cache: ResultCache | None) -> Iterator[FileResult]:
    if options.executor == "dask":
        from linter.dask_executor import run_on_dask

        yield from run_on_dask(todo, config, options.scheduler, options.ship_bytes, options.workers, cache)
        return
    # Loaded here, once: every check's lists merged into one automaton, built once, which
    # a child or a pool's workers forked from here inherit.
    prepare(config)
    if _in_process(todo, options):
        for path, name in todo:
            yield lint_file(path, config, name, cache)
    elif _in_a_child(todo, options):
        preload([path for path, _ in todo])
        yield from run_forked(todo, config, options.timeout or DEFAULT_TIMEOUT, cache)
    else:
        yield from _pool(todo, config, options, cache)


def _in_process(todo: list[tuple[str, str]], options: BatchOptions) -> bool:
    """Run here, where nothing can stop a file that hangs, only when that is safe or asked for.

    Asked for: `jobs=1` without a timeout. Otherwise files run where the time limit can
    stop them (a child or a pool) — on one core too — except a few text files (up to
    SMALL_BATCH of them), which our own reader handles and no parser can hang.
    """
    if options.timeout is not None:
        return False
    if options.jobs == 1:
        return True
    return options.workers > 1 and len(todo) <= SMALL_BATCH and not _may_hang(todo)


def _in_a_child(todo: list[tuple[str, str]], options: BatchOptions) -> bool:
    """Whether the files run one after another in a forked child rather than in a pool.

    A pool pays for itself only when there is work to share between its workers: a few
    small files (a pre-commit hook's commit), a single file or one worker have none.
    """
    if not forked.available():
        return False
    few = len(todo) <= SMALL_BATCH and sum(_size(path) for path, _ in todo) <= CHUNK_BYTES
    return few or len(todo) == 1 or options.workers == 1


def _may_hang(todo: list[tuple[str, str]]) -> bool:
    """Whether a file is PDF or zip inside, whatever its name.

    A crafted one can hang its parser, so it needs a worker that can be stopped;
    text is read by our own code, which cannot hang.
    """
    for path, _ in todo:
        try:
            with open(path, "rb") as fh:
                if read_by_a_library(fh.read(1024)):
                    return True
        except OSError:
            continue  # reported as unreadable when it is read
    return False


def _pool(todo: list[tuple[str, str]], config: Config, options: BatchOptions,
          cache: ResultCache | None) -> Iterator[FileResult]:
    """Run the files in a pool, in small chunks: one message per chunk, not per file.

    A chunk that times out or kills its worker is run again file by file, so only
    the culprit fails.
    """
    import pebble.common
    from pebble import ProcessPool

    if hasattr(pebble.common, "CONSTS"):
        pebble.common.CONSTS.sleep_unit = _POLL_SECONDS
    timeout = options.timeout or DEFAULT_TIMEOUT
    preload([path for path, _ in todo])
    chunks = chunked(todo, options.workers)
    pool = ProcessPool(max_workers=max(1, min(options.workers, len(chunks))), initializer=_worker_signals)
    try:
        # pebble kills a worker that overruns the time limit and starts a new one.
        outcomes = pool.map(lint_chunk, chunks, [config] * len(chunks), [cache] * len(chunks),
                            timeout=timeout).result()
        for chunk in chunks:
            results, problem = _next(lambda: next(outcomes), timeout)
            if results is not None:
                yield from results
            elif len(chunk) == 1:
                path, name = chunk[0]
                yield failed_result(path, config, name, problem)
            else:
                yield from _one_by_one(pool, chunk, config, timeout, cache)
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM) or abandoned: end the workers now, not after the queue.
        pool.stop()
        raise
    finally:
        pool.close()
        pool.join()


def _worker_signals() -> None:
    """Workers leave interrupts to the parent, which ends them; SIGTERM ends a worker outright."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def chunked(todo: list[tuple[str, str]], jobs: int) -> list[list[tuple[str, str]]]:
    """Split the batch into chunks that shrink towards its end (guided scheduling).

    Each chunk is a quarter of what is left per worker, within CHUNK files and
    CHUNK_BYTES: few messages while there is much to do, and single files at the
    end so no worker sits idle while another finishes a big chunk.
    """
    sizes = [_size(path) for path, _ in todo]
    chunks, at = [], 0
    while at < len(todo):
        want = max(1, min(CHUNK, (len(todo) - at) // (4 * jobs)))
        chunk, size = [], 0
        while at < len(todo) and len(chunk) < want:
            size += sizes[at]
            if chunk and size > CHUNK_BYTES:
                break
            chunk.append(todo[at])
            at += 1
        chunks.append(chunk)
    return chunks


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # reported when it is read


def _one_by_one(pool, chunk: list[tuple[str, str]], config: Config, timeout: float,
                cache: ResultCache | None) -> Iterator[FileResult]:
    """Rerun a failed chunk a file at a time, each waited for before the next is sent.

    Sent all at once, a file queued behind the culprit in the same worker died with it now
    and then, and a healthy file was reported unchecked.
    """
    for path, name in chunk:
        future = pool.schedule(lint_chunk, args=([(path, name)], config, cache), timeout=timeout)
        results, problem = _next(future.result, timeout)
        yield from results if results is not None else [failed_result(path, config, name, problem)]


def _next(take, timeout: float) -> tuple[list[FileResult] | None, str]:
    """The chunk's results `take()` waits for, or None and why the chunk failed."""
    from concurrent.futures import TimeoutError as Timeout

    from pebble import ProcessExpired

    try:
        return take(), ""
    except Timeout:
        return None, forked.timed_out(timeout)
    except ProcessExpired as exc:
        return None, forked.died(exc.exitcode)
    except Exception as exc:  # anything else a worker raised: that file fails, the batch goes on
        return None, internal_error(exc)


def lint_chunk(chunk: list[tuple[str, str]], config: Config, cache: ResultCache | None = None) -> list[FileResult]:
    """Lint a few files in one worker call."""
    return [lint_file(path, config, name, cache) for path, name in chunk]

