"""Turning a file's bytes into a `Document`, one module per format.

`extract` sniffs the content first, so a file is read as what it is whatever
its extension says; the format modules are imported only when needed, which
keeps a one-file pre-commit run from loading the PDF stack.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import replace

from linter.extract.errors import ExtractError, unreadable
from linter.extract.sniff import sniff
from linter.model import Document

__all__ = ["ExtractError", "extract", "MAX_FILE_SIZE"]

# Generous: a real draft is a few MB; a file beyond this is refused, not half-read.
MAX_FILE_SIZE = 512 * 1024 * 1024
# Text costs about 15 times its size in memory once split into located lines and
# searched; a text draft is rarely over 1 MB. Beyond this cap it is refused (split it).
MAX_TEXT_SIZE = 16 * 1024 * 1024

_MODULES = {"txt": "text", "md": "text", "docx": "docx", "pdf": "pdf"}


def extract(path: str, max_size: int = MAX_FILE_SIZE) -> Document:
    """Read `path` into a Document, or raise ExtractError with a one-line message."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise ExtractError(unreadable(exc)) from None
    if size == 0:
        raise ExtractError("文件为空 (empty file)")
    if size > max_size:
        raise ExtractError(f"文件过大：{size // 2**20} MB，上限 {max_size // 2**20} MB (file too large)")
    fmt, warnings = sniff(path, head)
    if fmt in ("txt", "md") and size > min(max_size, MAX_TEXT_SIZE):
        limit = min(max_size, MAX_TEXT_SIZE) // 2**20
        raise ExtractError(f"文本文件过大：{size // 2**20} MB，文本上限 {limit} MB，请拆分后再检查 (text too large)")
    module = importlib.import_module(f"linter.extract.{_MODULES[fmt]}")
    document = module.extract(path, fmt)
    if warnings:
        document = replace(document, warnings=(*warnings, *document.warnings))
    return document
