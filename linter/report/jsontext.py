"""JSON text for big reports: one item of each long list per line, written in one piece.

`json.dump(..., indent=2)` runs the pure-Python encoder and hands the stream one small
string at a time (half a million writes for 8,000 findings). Here every item is encoded by
the C encoder on its own line: the text is still one valid JSON value, a person can still
read it (a finding a line), and it is written at once.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from operator import attrgetter

from linter.model import Location

_LOCATION_FIELDS = Location._fields
ENCODER = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps builds one a call
# A finding and its location as ENCODER writes their dicts, with a hole for each value.
_LOCATION_TEXT = "{" + ", ".join(f'"{name}": %s' for name in _LOCATION_FIELDS) + "}"
FINDING_KEYS = ("path", "check", "severity", "message", "match", "location", "context")
_FINDING_TEXT = "{" + ", ".join(f'"{key}": %s' for key in FINDING_KEYS) + "}"
finding_values = attrgetter(*FINDING_KEYS)  # each key is the name of the finding's field


def location_dict(location: Location) -> dict:
    """A location's fields as a dict (Location._asdict is slower)."""
    return dict(zip(_LOCATION_FIELDS, location, strict=True))


def value_text(value: object) -> str:
    """One value as ENCODER writes it: strings and whole numbers straight, anything else through it."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    return int.__repr__(value) if kind is int else ENCODER.encode(value)


def location_text(location: Location) -> str:
    """ENCODER.encode(location_dict(location)), four times as fast.

    What value_text does with a string, a number and None is written out for each field (most
    are None): a call for each of nine values cost a third of a finding's text. A field added
    to Location fails here, at the unpacking, until it is written out too.
    """
    part, page, paragraph, row, col, line, column, detail, sheet = location
    vt, string = value_text, encode_basestring
    return _LOCATION_TEXT % (
        string(part) if type(part) is str else vt(part),
        "null" if page is None else vt(page), "null" if paragraph is None else vt(paragraph),
        "null" if row is None else vt(row), "null" if col is None else vt(col),
        "null" if line is None else vt(line), "null" if column is None else vt(column),
        "null" if detail is None else vt(detail), "null" if sheet is None else vt(sheet))


def finding_text(finding) -> str:
    """A finding as the JSON contract spells it, exactly as ENCODER would write its dict.

    Filled in field by field with the encoder's own string function: a batch of rosters
    writes tens of thousands, and the dict and the encoder's walk over it cost three times as much.
    Its texts are strings: encoded at once, without a call to value_text for each.
    """
    path, check, severity, message, match, location, context = finding_values(finding)
    vt, string = value_text, encode_basestring
    return _FINDING_TEXT % (
        string(path) if type(path) is str else vt(path), string(check) if type(check) is str else vt(check),
        string(severity) if type(severity) is str else vt(severity),
        string(message) if type(message) is str else vt(message),
        string(match) if type(match) is str else vt(match), location_text(location),
        string(context) if type(context) is str else vt(context))


def splice(value: object, texts: dict[str, list[str]]) -> str:
    """`value` as JSON, where each string `"@name"` it holds stands for the JSON texts `texts[name]`."""
    text = ENCODER.encode(value)
    for name, items in texts.items():
        body = ",\n  ".join(items)
        text = text.replace(json.dumps(f"@{name}"), f"[\n  {body}\n]" if items else "[]", 1)
    return text
