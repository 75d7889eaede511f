"""Turning a file's bytes into a `Document`, one module per format.

`extract` sniffs the content first, so a file is read as what it is whatever
its extension says; the format modules are imported only when needed, which
keeps a one-file pre-commit run from loading the PDF stack.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
from dataclasses import replace

from linter.extract.errors import ExtractError, unreadable
from linter.extract.sniff import EXTENSIONS, MARKUP_FORMATS, TEXT_FORMATS, sniff
from linter.model import Document, Location, Segment

__all__ = ["ExtractError", "extract", "extract_bytes", "read_input", "MAX_FILE_SIZE"]

# Generous: a real draft is a few MB; a file beyond this is refused, not half-read.
MAX_FILE_SIZE = 512 * 1024 * 1024
# Text costs about 15 times its size in memory once split into located lines and
# searched; a text draft is rarely over 1 MB. Beyond this cap it is refused (split it).
MAX_TEXT_SIZE = 16 * 1024 * 1024

_MODULES = {"txt": "text", "md": "text", "csv": "csv_table", "docx": "docx", "pdf": "pdf", "xlsx": "xlsx",
            "html": "html", "odt": "odt", "rtf": "rtf", "xls": "xls", "doc": "doc", "wps": "doc", "ofd": "ofd",
            "mht": "mht", "wordml": "wordml"}


def extract(path: str, max_size: int = MAX_FILE_SIZE) -> Document:
    """Read `path` into a Document, or raise ExtractError with a one-line message."""
    return extract_bytes(path, read_input(path, max_size))


def read_input(path: str, max_size: int = MAX_FILE_SIZE) -> bytes:
    """The file's bytes, read once: what is hashed for the cache is exactly what is linted."""
    try:
        size = os.path.getsize(path)
        if size > max_size:
            raise ExtractError(f"文件过大：{_megabytes(size)}，上限 {_megabytes(max_size)} (file too large)")
        with open(path, "rb") as fh:
            data = fh.read(max_size + 1)
    except OSError as exc:
        raise ExtractError(unreadable(exc)) from None
    if len(data) > max_size:  # it grew after the size was read
        raise ExtractError(f"文件过大：超过上限 {_megabytes(max_size)} (file too large)")
    return data


def extract_bytes(path: str, data: bytes, libreoffice: bool = False) -> Document:
    """Extract a file's bytes; `path` names it (its extension is what the file claims to be).

    `libreoffice`: read .doc, .wps and .xls through LibreOffice when the built-in reader refuses
    them (office_convert), as --libreoffice asks.
    """
    if not data and EXTENSIONS.get(os.path.splitext(path)[1].lower()) not in ("txt", "md", "html"):
        raise ExtractError("文件为空 (empty file)")  # an empty text is read, and checked: nothing in it
    fmt, warnings = sniff(path, data)
    if (fmt in TEXT_FORMATS or fmt in MARKUP_FORMATS) and len(data) > MAX_TEXT_SIZE:
        raise ExtractError(f"文本文件过大：{_megabytes(len(data))}，文本上限 {_megabytes(MAX_TEXT_SIZE)}，"
                           "请拆分后再检查 (text too large)")
    if libreoffice and fmt in ("doc", "wps", "xls"):
        from linter.extract.office_convert import read_converted

        document = read_converted(path, fmt, data)
    else:
        with cycle_collection_paused():
            document = importlib.import_module(f"linter.extract.{_MODULES[fmt]}").extract(path, fmt, data)
    if warnings:
        document = replace(document, warnings=(*warnings, *document.warnings))
    if document.attachments:
        # An attachment's name is text the file carries (李红梅身份证.jpg, an ID number as a file
        # name): checked like the rest, and so masked wherever a finding quotes it.
        named = tuple(Segment(name, Location(part="metadata", detail="attachment")) for name in document.attachments)
        document = replace(document, segments=document.segments + named)
    return document


_SET_APART = 50_000  # objects a reader made, beyond which they are kept from the collector's walks
_set_apart = False  # whether the last document's objects were


@contextlib.contextmanager
def cycle_collection_paused():
    """Hold the cycle collector off while a reader builds its document.

    A roster builds a few small tuples per cell. Every few hundred of them the collector
    walks the young ones, and now and then everything alive: a third of the time taken
    to read a large sheet, for no gain, as readers build no reference cycles. Even after,
    the first collection would walk each of them once (a tenth of the time of a sheet of
    300,000 cells): a large document's objects are frozen instead, and freed as usual when
    it is dropped. What is left of them, and any cycle made meanwhile, is handed back and
    collected when the next file is read.
    """
    global _set_apart
    if not gc.isenabled():
        yield
        return
    if _set_apart:
        gc.unfreeze()
        gc.collect()
        _set_apart = False
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > _SET_APART:
            gc.freeze()
            _set_apart = True
        gc.enable()


def preload(paths: list[str]) -> None:
    """Import the readers these files will need, before workers are forked from this process.

    Each worker would import them on its first file; imported here, every worker shares
    them, and a small batch in a pool costs little more than one run in process.
    """
    wanted = {_MODULES.get(EXTENSIONS.get(os.path.splitext(path)[1].lower(), ""), "") for path in paths}
    for module in sorted(m for m in wanted if m):
        importlib.import_module(f"linter.extract.{module}")


def _megabytes(size: int) -> str:
    """A size as a reader says it: 9.8 KB, 3.2 MB, 512 MB."""
    if size < 2**20:
        return f"{size / 2**10:.1f} KB"
    return f"{size / 2**20:.1f} MB" if size < 10 * 2**20 else f"{size // 2**20} MB"
