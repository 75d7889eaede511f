"""The one exception extractors raise for a file they cannot read."""


class ExtractError(Exception):
    """A file could not be read; the message is one line, shown to the user as is."""
