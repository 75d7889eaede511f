"""disclosure-lint: an offline linter for draft Chinese government disclosures.

Library use: `lint_path(path, config)` and `lint_bytes(name, data, config)` return a
picklable `FileResult` (see `linter.api`).
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("disclosure-lint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"


def lint_path(path, config=None):
    """Extract and check one file (imported lazily: the CLI's start-up stays light)."""
    from linter.api import lint_path as run

    return run(path, config)


def lint_bytes(name, data, config=None):
    """Check one file's bytes, reported under `name`."""
    from linter.api import lint_bytes as run

    return run(name, data, config)
