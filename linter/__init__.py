"""disclosure-lint: an offline linter for draft Chinese government disclosures."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("disclosure-lint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
