"""Cleaning a .docx for publishing: comments, tracked changes, hidden runs, properties.

Works on the package XML and copies every other part byte for byte, so text,
styles, tables, images and numbering stay as they were. Tracked changes are
accepted (insertions kept, deletions dropped); runs a reader cannot see (hidden,
white, 1pt or less) are removed; comment parts are emptied rather than removed,
so relationships and content types stay valid. Embedded objects are kept: they
show in the document, and removing them would change what it shows.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from lxml import etree

from linter.extract.docx import styles_of
from linter.extract.docx_style import Styles, hidden_reason
from linter.extract.docx_walk import W
from linter.extract.ooxml import Package
from linter.review.package import rewritten

_BODY_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_COMMENT_PARTS = ("word/comments.xml", "word/commentsExtended.xml", "word/commentsIds.xml",
                  "word/commentsExtensible.xml", "word/people.xml")
_PROPERTY_PARTS = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")
# Properties that name people, organisations or paths (hidden/metadata lists the same).
_BLANKED = {"creator", "lastModifiedBy", "title", "subject", "keywords", "description", "category",
            "Company", "Manager", "Template", "HyperlinkBase", "lpwstr"}
_MARKERS = ("commentRangeStart", "commentRangeEnd")
_CHANGE_RECORDS = ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                   "tblGridChange", "numberingChange")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def cleaned(data: bytes) -> tuple[bytes, Counter]:
    """The package `data` cleaned, and what was removed, by kind."""
    removed: Counter = Counter()
    with Package(io.BytesIO(data)) as pkg:
        styles = styles_of(pkg)
        replaced = {}
        for name in pkg.names:
            if _BODY_PART.match(name):
                replaced[name] = _clean_body(pkg.xml(name), styles, removed)
            elif name in _COMMENT_PARTS:
                replaced[name] = _emptied(pkg.xml(name), removed, name)
            elif name in _PROPERTY_PARTS:
                replaced[name] = _blank_properties(pkg.xml(name), removed)
        return rewritten(pkg, data, replaced), removed


def _clean_body(root, styles: Styles, removed: Counter):
    for tag in _MARKERS:
        for node in root.iter(_w(tag)):
            _drop(node)
    for reference in list(root.iter(_w("commentReference"))):
        run = reference.getparent()
        _drop(reference)
        if run.tag == _w("r") and all(c.tag == _w("rPr") for c in run):
            _drop(run)
    for tag in ("del", "moveFrom"):
        for node in list(root.iter(_w(tag))):
            removed["修订（删除）"] += 1
            _drop(node)
    for tag in ("ins", "moveTo"):
        for node in list(root.iter(_w(tag))):
            removed["修订（插入）"] += 1
            _unwrap(node)
    for tag in _CHANGE_RECORDS:
        for node in list(root.iter(_w(tag))):
            removed["修订（格式）"] += 1
            _drop(node)
    for run in list(root.iter(_w("r"))):
        if hidden_reason(run, styles):  # hidden, white on light, or 1pt: nothing a reader sees
            removed["隐藏文字"] += 1
            _drop(run)
    return root


def _emptied(root, removed: Counter, name: str):
    if name == "word/comments.xml":
        removed["批注"] += len(root)
    for child in list(root):
        root.remove(child)
    return root


def _blank_properties(root, removed: Counter):
    for node in root.iter():
        local = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if local in _BLANKED and (node.text or "").strip():
            removed["文档属性"] += 1
            node.text = ""
    return root


def _drop(node) -> None:
    parent = node.getparent()
    if parent is not None:
        parent.remove(node)


def _unwrap(node) -> None:
    parent = node.getparent()
    index = parent.index(node)
    for offset, child in enumerate(list(node)):
        parent.insert(index + offset, child)
    parent.remove(node)
