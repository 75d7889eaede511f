"""What the stats/* checks share: the report's tables (only for annual reports) and how to name a cell."""

from __future__ import annotations

from checks.fields_common import profile_of
from linter.check import CheckContext
from linter.model import Document
from linter.stats import annual_tables
from linter.stats.tables import AnnualTables, Value
from linter.stats.template import BY_KEY, COLUMNS

ANNUAL_REPORT = "annual-report"


def annual_report(document: Document, context: CheckContext) -> bool:
    """The document was read and is an annual report: the only documents these checks speak of."""
    if document.error:
        return False
    profile = profile_of(document, context)
    return profile is not None and profile.name == ANNUAL_REPORT


def report_tables(document: Document, context: CheckContext) -> AnnualTables | None:
    """The statistics tables, when the document is an annual report (None for any other document)."""
    return annual_tables(document) if annual_report(document, context) else None


def row_name(key: str) -> str:
    """表三“（三）1.属于国家秘密”行"""
    return f"表三“{BY_KEY[key].label}”行"


def cell_name(key: str, col: int) -> str:
    """表三“一、本年新收政府信息公开申请数量”行“自然人”列"""
    return f"{row_name(key)}“{COLUMNS[col]}”列"


def numbers(values: list[Value]) -> list[int] | None:
    """The values as an inspector adds them (empty or "-" as 0), or None when one is a placeholder.

    stats/blank-cell reports the empty cells themselves.
    """
    found = [v.as_counted for v in values]
    return None if any(n is None for n in found) else found  # type: ignore[return-value]


def stated(value: Value) -> bool:
    """The cell states a number: a sum is checked against it (an empty total is blank-cell's to report)."""
    return value.number is not None


def rows_add_up(values_by_row: list[list[Value]]) -> bool:
    """Each row's 总计 is the sum of its other cells: only then is a check down the 总计 column news.

    A row whose own 总计 is wrong is reported by stats/row-total; the 总计 column it spoils
    would report the same mistake a second time.
    """
    for values in values_by_row:
        found = numbers(values)
        if found is None or not stated(values[-1]) or sum(found[:-1]) != found[-1]:
            return False
    return True
