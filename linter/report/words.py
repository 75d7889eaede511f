"""Chinese words for severities and locations, shared by human-facing renderers."""

from __future__ import annotations

from functools import lru_cache

from linter.model import Location

SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}

_PART_WORDS = {
    "header": "页眉", "footer": "页脚", "footnote": "脚注", "comment": "批注",
    "hidden-text": "隐藏文字", "textbox": "文本框", "annotation": "注释", "metadata": "文档属性",
}
_PAGE_WORDS = {"script": "网页脚本", "comment-label": "HTML 注释", "field-code": "域代码", "link": "超链接地址",
               "alt": "图片的替代文字", "formula": "公式",
               "validation": "数据验证（下拉列表或提示）", "attachment": "附件或嵌入对象的名称"}
_REVISION_WORDS = {"deleted": "修订(已删除)", "inserted": "修订(已插入)"}


@lru_cache(maxsize=4096)  # a batch repeats places: 全文, the same cells, the same metadata
def describe(location: Location) -> str:
    """Say where a finding is, as a reviewer would: 第3页 表格第2行第3列, 工作表“名单” B3 …"""
    if location.sheet is not None:
        return _in_sheet(location)
    words = []
    if location.page is not None:
        words.append(f"第{location.page}页")
    words.append(_part(location))
    if location.row is not None and location.part != "table":
        words.append(f"表格第{location.row}行第{location.col}列")
    if location.line is not None:
        column = f"第{location.column}列" if location.column is not None else ""
        words.append(f"第{location.line}行{column}")
    elif location.paragraph is not None and location.row is None:
        words.append(f"第{location.paragraph}段")
    return " ".join(w for w in words if w) or "全文"


def _part(location: Location) -> str:
    part, detail = location.part, location.detail
    if part == "table":
        return f"表格第{location.row}行第{location.col}列" if location.row is not None else "表格"
    if part == "tracked-change":
        return _REVISION_WORDS.get(detail or "", "修订")
    if part in ("comment", "annotation") and detail:
        return f"{_PART_WORDS[part]}({detail})"
    if part == "metadata" and detail in _PAGE_WORDS:
        return _PAGE_WORDS[detail]
    if part == "metadata" and detail:
        return f"文档属性({detail})"
    return _PART_WORDS.get(part, "")


def _in_sheet(location: Location) -> str:
    """A spreadsheet's place as Excel names it: 工作表“名单” 批注(张三) B3."""
    part = "" if location.part in ("table", "body") else _part(location)
    row, col = location.row, location.col
    if row is not None and col is not None:
        cell = f"{column_letters(col)}{row}"
    else:
        cell = f"第{row}行" if row is not None else (f"{column_letters(col)}列" if col is not None else "")
    return " ".join(w for w in (f"工作表“{location.sheet}”", part, cell) if w)


def column_letters(number: int) -> str:
    """Spreadsheet column names: 1, 2 … 27 as A, B … AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
