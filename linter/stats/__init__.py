"""The statistics tables of an annual disclosure report: found, read, and shared by the stats/ checks.

Several checks read the same tables of the same document; `annual_tables` reads them once
per document (the last few documents are remembered, by identity).
"""

from __future__ import annotations

from linter.model import Document
from linter.stats.tables import AnnualTables, read

_RECENT: list[tuple[Document, AnnualTables]] = []
_KEEP = 4


def annual_tables(document: Document) -> AnnualTables:
    """表三 and 表四 of the report, read on first use."""
    for seen, tables in _RECENT:
        if seen is document:
            return tables
    tables = read(document)
    _RECENT.append((document, tables))
    del _RECENT[:-_KEEP]
    return tables
