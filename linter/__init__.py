"""disclosure-lint: an offline linter for draft Chinese government disclosures.

Library use: `lint_path(path, config)` and `lint_bytes(name, data, config)` return a
picklable `FileResult` (see `linter.api`).
"""


def __getattr__(name: str):
    """`__version__`, read when first asked for (and remembered between runs: linter.installed)."""
    if name == "__version__":
        from linter.installed import version

        globals()["__version__"] = found = version()
        return found
    raise AttributeError(f"module 'linter' has no attribute {name!r}")


def lint_path(path, config=None):
    """Extract and check one file (imported lazily: the CLI's start-up stays light)."""
    from linter.api import lint_path as run

    return run(path, config)


def lint_bytes(name, data, config=None):
    """Check one file's bytes, reported under `name`."""
    from linter.api import lint_bytes as run

    return run(name, data, config)
