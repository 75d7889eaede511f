"""HTML pages (.html, .htm): visible text with its structure, and what a visitor does not see.

The encoding is the BOM's, else the page's own <meta charset> (GB2312/GBK pages are read
as GB18030, their superset), else sniffed as for .txt. lxml's HTML parser reads the page
as a browser would repair it; it never fetches anything. <meta> author, keywords and
description are document properties.
"""

from __future__ import annotations

import codecs
import html
import re

from lxml import etree

from linter import lazy
from linter.extract.errors import ExtractError
from linter.extract.html_walk import HiddenRules, PageWalker
from linter.extract.text import decode
from linter.model import Document, Location, Segment

_CHARSET = lazy.re_pattern(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_XML_DECLARATION = lazy.re_pattern(r"^\s*<\?xml[^>]*>")
_TAG = lazy.re_pattern(r"<!--|-->|<[^>]*>")  # a comment's words are kept
_SPACE = lazy.re_pattern(r"\s+")
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252"}
_BODY = lazy.re_pattern(rb"<body[\s>]", re.IGNORECASE)
_HEAD_LIMIT = 64 * 1024  # a <meta charset> after a long script in <head> is still the page's
# <meta> author is reported as a property; keywords and description are public by design (every
# page has them for search engines), so they are read and checked but not listed as properties.
_META = {"author": "Author", "keywords": "meta:keywords", "description": "meta:description"}
_OFFICE_PROPERTY = lazy.re_pattern(r"<o:(Author|LastAuthor|Company|Manager|Title|Subject)>([^<]*)</o:\1>")
# lxml's plain HTML parser: lxml.html's element classes cost a lookup per element.
_PARSER = etree.HTMLParser(remove_comments=False, remove_pis=True, no_network=True, default_doctype=False)


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an HTML page's bytes into a Document."""
    text, encoding = decode_page(data)
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares its encoding
    if not text.strip():
        return Document(path=path, format="html", metadata={"encoding": encoding})
    try:
        root = etree.fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(f"无法解析网页（{exc}）(unparsable HTML)") from None
    if root is None or any(error.level_name == "FATAL" for error in _PARSER.error_log):
        # The parser stops at a fatal error (tags nested beyond 256 levels) and drops the
        # rest of the page; read it all as text instead, and say so.
        return Document(path=path, format="html", segments=tuple(_flat(text)), metadata={"encoding": encoding},
                        damaged=("网页结构损坏或嵌套过深，无法按结构解析，已去掉标签按纯文本逐行检查",))
    rules = HiddenRules.parse("\n".join(style.text or "" for style in root.iter("style")))
    walker = PageWalker(rules)
    head = root.find("head")
    title = None if head is None else head.find("title")
    if title is not None and (title.text or "").strip():
        walker.segments.append(Segment(title.text.strip(), Location(line=title.sourceline, detail="title")))
    for element in _comments_before_body(root):
        walker.walk(element)
    body = root.find("body")
    walker.walk(root if body is None else body)
    metadata = _metadata(root)
    segments = walker.finish()
    segments += [Segment(value, Location(part="metadata", detail=key)) for key, value in metadata.items()]
    return Document(path=path, format="html", segments=tuple(segments),
                    metadata={"encoding": encoding, **metadata})


def decode_page(data: bytes) -> tuple[str, str]:
    """(text, encoding): the BOM, the page's declared charset, or sniffing."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    body = _BODY.search(data, 0, _HEAD_LIMIT)
    declared = _CHARSET.search(data, 0, max(body.start(), 4096) if body else _HEAD_LIMIT)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(WIDER.get(name, name)), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: sniff instead
    return decode(data)


def _flat(text: str) -> list[Segment]:
    """Every line of the page with its tags taken out (a tag over several lines keeps its line breaks)."""
    bare = _TAG.sub(lambda m: "\n" * m.group().count("\n") or " ", text)
    return [Segment(stripped, Location(line=n)) for n, line in enumerate(bare.split("\n"), 1)
            if (stripped := _SPACE.sub(" ", html.unescape(line)).strip())]


def _comments_before_body(root):
    """Comments in <head> (and before it): a template's notes often sit there."""
    head = root.find("head")
    return [] if head is None else [child for child in head if child.tag is etree.Comment]


def _metadata(root) -> dict[str, str]:
    found = {}
    for meta in root.iter("meta"):
        key = _META.get((meta.get("name") or "").strip().lower())
        value = (meta.get("content") or "").strip()
        if key and value:
            found[key] = value
    for comment in root.iter(etree.Comment):
        # A page Word saved keeps the document's properties in an IE switch (<!--[if gte mso 9]><xml>).
        if "DocumentProperties" in (comment.text or ""):
            found.update((key, html.unescape(value).strip()) for key, value in _OFFICE_PROPERTY.findall(comment.text)
                         if value.strip())
    return found
