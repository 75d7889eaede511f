"""Running the same per-file function on a Dask distributed cluster (pip install 'disclosure-lint[dask]').

Files go as paths when the workers share the file system, or as bytes
(--ship-bytes) when they do not. Without a scheduler address a local cluster
is started. Files travel in chunks (as in the local pool: a task per file costs
the scheduler more than a small draft costs to check), a bounded number at a
time, so shipped bytes never pile up in memory. A chunk the cluster fails on
(a worker killed by a file) is run again file by file, so only that file fails.
Results come back in the order the files were given.
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Iterator

from linter.batch import chunked, lint_chunk
from linter.cache import ResultCache
from linter.config import Config, ConfigError
from linter.engine import FileResult, failed_result
from linter.extract.errors import unreadable

_IN_FLIGHT_PER_THREAD = 4  # chunks submitted ahead of the results being read


def run_on_dask(todo: list[tuple[str, str]], config: Config, scheduler: str | None,
                ship_bytes: bool, workers: int = 2, cache: ResultCache | None = None) -> Iterator[FileResult]:
    """Yield results for `todo` (path, shown name) computed on the cluster.

    A local cluster (no `scheduler`) gets `workers` single-threaded worker processes.
    The cache is used on a local cluster only: a remote worker does not share the folder.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--executor dask 需要安装 dask：pip install 'disclosure-lint[dask]'") from None
    # Our own local cluster's workers log connection chatter with tracebacks while it shuts
    # down (a heartbeat racing the closing scheduler); a file's failure comes back as its result.
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None, silence_logs=logging.CRITICAL)
    client = Client(scheduler or cluster)
    try:
        yield from _run(client, todo, config, ship_bytes, None if scheduler else cache)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(client, todo: list[tuple[str, str]], config: Config, ship_bytes: bool,
         cache: ResultCache | None = None) -> Iterator[FileResult]:
    threads = max(1, sum(client.nthreads().values()))
    chunks = iter(chunked(todo, threads))
    pending: deque = deque()

    def submit(chunk: list[tuple[str, str]]) -> None:
        pending.append((chunk, _submit(client, chunk, config, ship_bytes, cache)))

    for chunk in itertools.islice(chunks, threads * _IN_FLIGHT_PER_THREAD):
        submit(chunk)
    while pending:
        chunk, future = pending.popleft()
        yield from _collect(client, chunk, future, config, ship_bytes, cache)
        following = next(chunks, None)
        if following is not None:
            submit(following)


def _submit(client, chunk: list[tuple[str, str]], config: Config, ship_bytes: bool, cache: ResultCache | None):
    if ship_bytes:
        return client.submit(lint_shipped, [_payload(path, name) for path, name in chunk], config, cache, pure=False)
    return client.submit(lint_chunk, chunk, config, cache, pure=False)


def _collect(client, chunk: list[tuple[str, str]], future, config: Config, ship_bytes: bool,
             cache: ResultCache | None) -> list[FileResult]:
    """A chunk's results; when the cluster failed it, each file's own (a lone file's failure is its error)."""
    try:
        return future.result()
    except Exception as exc:  # a killed worker, a lost connection: never the whole batch
        if len(chunk) == 1:
            path, name = chunk[0]
            return [failed_result(path, config, name, f"在集群上处理失败 ({type(exc).__name__}: {exc})")]
    retries = [([item], _submit(client, [item], config, ship_bytes, cache)) for item in chunk]
    return [result for one, retry in retries for result in _collect(client, one, retry, config, ship_bytes, cache)]


def lint_shipped(payloads: list[tuple[str, str, bytes | None, str | None]], config: Config,
                 cache: ResultCache | None = None) -> list[FileResult]:
    """Lint files sent as bytes (on a worker); one the sender could not read is its error."""
    from linter.api import lint_bytes

    return [lint_bytes(name, data, config, cache) if data is not None else failed_result(path, config, name, error)
            for path, name, data, error in payloads]


def _payload(path: str, name: str) -> tuple[str, str, bytes | None, str | None]:
    try:
        with open(path, "rb") as fh:
            return path, name, fh.read(), None
    except OSError as exc:
        return path, name, None, unreadable(exc)
