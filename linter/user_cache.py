"""The user's cache folder, where the linter keeps what it may rebuild at any time."""

from __future__ import annotations

import os


def user_cache_folder() -> str:
    """$XDG_CACHE_HOME/disclosure-lint, else ~/.cache/disclosure-lint."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "disclosure-lint")
