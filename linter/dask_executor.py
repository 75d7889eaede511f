"""Running the same per-file function on a Dask distributed cluster (pip install 'disclosure-lint[dask]').

Files go as paths when the workers share the file system, or as bytes
(--ship-bytes) when they do not. Without a scheduler address a local cluster
is started. Results come back in the order the files were given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from linter.config import Config, ConfigError
from linter.engine import FileResult, lint_file


def run_on_dask(todo: list[tuple[str, str]], config: Config, scheduler: str | None,
                ship_bytes: bool, workers: int = 2) -> Iterator[FileResult]:
    """Yield results for `todo` (path, shown name) computed on the cluster.

    A local cluster (no `scheduler`) gets `workers` single-threaded worker processes.
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
        if ship_bytes:
            from linter.api import lint_bytes

            payloads = [(name, _read(path)) for path, name in todo]
            futures = client.map(lint_bytes, [n for n, _ in payloads], [d for _, d in payloads],
                                 [config] * len(todo), pure=False)
        else:
            futures = client.map(lint_file, [p for p, _ in todo], [config] * len(todo),
                                 [n for _, n in todo], pure=False)
        for future in futures:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return b""  # reported as an empty (unreadable) file by the worker
