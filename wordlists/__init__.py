"""Wordlists the built-in checks use: plain UTF-8 text, one entry a line."""
