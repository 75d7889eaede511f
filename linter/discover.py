"""Expanding the paths a user gives into the files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from linter.extract.sniff import EXTENSIONS, UNSUPPORTED


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Yield files to check: named files as given, folders walked in sorted order.

    In folders, drafts we can read and Office formats we cannot (.doc, .wps…)
    are both yielded, the latter so they are reported rather than silently
    skipped; other files, hidden folders and Word lock files (~$x.docx) are not.
    A named path that does not exist is yielded too, to be reported as an error.
    """
    wanted = set(EXTENSIONS) | set(UNSUPPORTED)
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(("~$", ".")):
                    continue
                if os.path.splitext(name)[1].lower() in wanted:
                    yield os.path.join(root, name)
