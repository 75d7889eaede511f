"""Single-file web pages (.mht, .mhtml): Word's and browsers' "单个文件网页", and office systems' .doc.

A MIME message (RFC 2557) holding the page and what it shows, one part each. The page's
HTML parts are read by the HTML reader, decoded by the charset their part declares; a plain
text part is read as text. Pictures, style sheets and Word's own support files (its file
list, colour map and theme) are not text; any other part (Word keeps embedded objects in
oledata.mso) is named as not checked.
"""

from __future__ import annotations

import codecs
import email
import email.policy
from dataclasses import replace

from linter.extract import html, text
from linter.extract.errors import ExtractError
from linter.model import Document

MAX_PART = 16 * 1024 * 1024  # a page's HTML, as for an .html file: beyond this it is refused, not half-read
# Not text, and nothing a reader has not seen: what a page shows or needs to be drawn.
_SUPPORT = ("image/", "text/css", "text/xml", "application/xml", "application/vnd.ms-officetheme")


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read an MHT file's bytes into a Document."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart():
        raise ExtractError("单个文件网页（MHT）已损坏：不是 MIME 多部分文件 (corrupt .mht)")
    documents, attachments = [], []
    for number, part in enumerate(message.walk()):
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        if kind in ("text/html", "text/plain"):
            documents.append(_read(path, part, kind))
        elif not kind.startswith(_SUPPORT):
            name = part.get_filename() or (part.get("Content-Location") or "").rsplit("/", 1)[-1]
            attachments.append(f"附件：{name or f'第{number}部分'}（{kind}）")
    if not documents:
        raise ExtractError("单个文件网页（MHT）中没有网页或文字部分 (no page in .mht)")
    segments = tuple(s for d in documents for s in d.segments)
    metadata = {k: v for d in documents for k, v in d.metadata.items()}
    damaged = tuple(m for d in documents for m in d.damaged)
    return Document(path=path, format="mht", segments=segments, metadata=metadata, damaged=damaged,
                    attachments=tuple(attachments))


def _read(path: str, part, kind: str) -> Document:
    """One HTML or text part, decoded by the charset it declares (else as the page or text reader would)."""
    payload = part.get_payload(decode=True) or b""
    if len(payload) > MAX_PART:
        raise ExtractError(f"单个文件网页（MHT）中的网页超过 {MAX_PART // 2**20} MB，请拆分后再检查 (too large)")
    charset = part.get_content_charset()
    if charset:
        try:
            # Re-encoded with a BOM: the readers then take the part's own charset over any guess.
            payload = codecs.BOM_UTF8 + payload.decode(html.WIDER.get(charset, charset)).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: the reader sniffs
    reader = html if kind == "text/html" else text
    document = reader.extract(path, "html" if kind == "text/html" else "txt", payload)
    return replace(document, format="mht")
