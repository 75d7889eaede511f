"""What of a link's address may hold personal data, in every format that has links.

A reader sees the linked text (联系我们, 公示结果); the address behind it is in the file. A
mailto:/tel: address is a person's contact; an address's query may carry identifiers
(?sfz=…&tel=…). The rest of an address (host, path) is the site's, and stays unread: paths
hold article numbers that look like phone numbers.
"""

from __future__ import annotations


def personal_part(address: str) -> str | None:
    """The mailto:/tel: address or the query of a link, if it has one."""
    address = address.strip()
    if address.lower().startswith(("mailto:", "tel:")):
        return address.split(":", 1)[1] or None
    return address.split("?", 1)[1] or None if "?" in address else None


def relationship_targets(rels) -> list[str]:
    """The personal part of each hyperlink in an OOXML relationships part (None: no part)."""
    found = []
    for rel in () if rels is None else rels:
        if rel.get("Type", "").endswith("/hyperlink"):
            personal = personal_part(rel.get("Target", ""))
            if personal:
                found.append(personal)
    return found
