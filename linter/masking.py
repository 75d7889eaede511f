"""Masking of personal data: applied when a finding is built, never in a reporter."""

from __future__ import annotations

import hashlib
import re

# Digit runs this long are phone, ID or card numbers, never years or dates;
# they are masked in any finding's context, whatever the check.
_LONG_NUMBER = re.compile(r"[0-9０-９]{11,}[Xx]?")


def mask(text: str) -> str:
    """Hide the middle of `text`, keeping just enough of its ends to find it again.

    An 18-digit ID keeps 4 + 4 characters (1101**********7653), a mobile number
    3 + 4 (138****5678), a two- or three-character name its surname (张**).
    """
    n = len(text)
    if n >= 15:
        head, tail = 4, 4
    elif n >= 11:
        head, tail = 3, 4
    elif n >= 7:
        head, tail = 2, 2
    else:
        head, tail = 1, 0
    return text[:head] + "*" * (n - head - tail) + text[n - tail:] if n else text


def mask_numbers(text: str) -> str:
    """Mask every long digit run in `text` (the context around any finding)."""
    return _LONG_NUMBER.sub(lambda m: mask(m.group()), text)


def digest(text: str) -> str:
    """Return a stable fingerprint of the unmasked text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
