"""What a cell's number format says about its value: a date, or a value the format hides.

A date is stored as a day count (45292); read as that count, a date column would be a
column of numbers. A custom format of empty sections (;;;) shows nothing at all — the
value is still in the file — so such cells are reported as hidden.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from linter import lazy

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ones).
_BUILTIN_DATES = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_QUOTED = lazy.re_pattern(r'"[^"]*"|\\.|\[[^\]]*\]')
_DATE_CODE = lazy.re_pattern(r"[ymdhs]|年|月|日", re.IGNORECASE)
_EPOCH = {False: datetime.datetime(1899, 12, 30), True: datetime.datetime(1904, 1, 1)}


@dataclass
class CellStyles:
    """Style index -> is it a date format, does it hide its value."""

    dates: set[int] = field(default_factory=set)
    hiding: set[int] = field(default_factory=set)
    date1904: bool = False

    @classmethod
    def parse(cls, root, date1904: bool = False) -> CellStyles:
        """Read styles.xml's number formats and cell formats (an absent part: no styles)."""
        styles = cls(date1904=date1904)
        if root is None:
            return styles
        codes = {int(f.get("numFmtId", "-1")): f.get("formatCode", "")
                 for f in root.iterfind(f"{{{S}}}numFmts/{{{S}}}numFmt")}
        for index, xf in enumerate(root.iterfind(f"{{{S}}}cellXfs/{{{S}}}xf")):
            fmt = int(xf.get("numFmtId", "0"))
            code = codes.get(fmt)
            if fmt in _BUILTIN_DATES or (code is not None and _is_date(code)):
                styles.dates.add(index)
            if code is not None and code.strip() and not _QUOTED.sub("", code).replace(";", "").strip():
                styles.hiding.add(index)
        return styles

    def date(self, style: str | None, value: str) -> str | None:
        """The date a stored day count stands for, as 2024-01-31 (with the time if it has one)."""
        if style is None or int(style or 0) not in self.dates:
            return None
        try:
            days = float(value)
            moment = _EPOCH[self.date1904] + datetime.timedelta(days=days)
        except (ValueError, OverflowError):
            return None
        if days == int(days):
            return moment.date().isoformat()
        return moment.strftime("%Y-%m-%d %H:%M" if days >= 1 else "%H:%M")

    def conceals(self, style: str | None) -> bool:
        """The cell's format shows nothing of its value (;;;)."""
        return style is not None and style.isdigit() and int(style) in self.hiding


def _is_date(code: str) -> bool:
    section = _QUOTED.sub("", code.split(";", 1)[0])
    return bool(_DATE_CODE.search(section)) and "General" not in section
