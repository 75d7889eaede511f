"""Aho-Corasick automata over text, and one shared pass for every phrase list of the process.

An automaton scans the text's UTF-16 bytes: there a character is two bytes, so
offsets divide back to string indexes, and ahocorasick-rs's byte prefilter skips
most of a CJK text (5 to 7 times the speed of its str interface, which maps UTF-8
offsets back to characters). Text with characters beyond the BMP (four bytes)
takes the str interface.

Each wordlist check holds its own list, but scanning a document once per list
costs a full pass each. The lists of the process are merged into one automaton
instead (rebuilt when a list is added, in practice once per process), a document's
text is scanned once, and each list takes its share of the hits.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator, Sequence
from typing import Protocol

import ahocorasick_rs

_UTF16 = "utf-16-le"
# A DFA is the fastest scan but its table grows with the keys: big user lists get an NFA.
_DFA_MAX_CHARS = 20_000


class Automaton:
    """Every occurrence of any of `keys` in a text, overlapping ones included."""

    def __init__(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        kind = ahocorasick_rs.Implementation.DFA if sum(map(len, self._keys)) <= _DFA_MAX_CHARS \
            else ahocorasick_rs.Implementation.ContiguousNFA
        self._bytes = ahocorasick_rs.BytesAhoCorasick(
            [key.encode(_UTF16, "surrogatepass") for key in self._keys],
            matchkind=ahocorasick_rs.MatchKind.Standard, implementation=kind,
        ) if self._keys else None
        self._str = None  # built for the rare text beyond the BMP

    def find(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Yield (key number, start, end) for every occurrence, in string offsets."""
        if self._bytes is None:
            return
        encoded = _utf16(text)
        if encoded is None:
            if self._str is None:
                self._str = ahocorasick_rs.AhoCorasick(self._keys)
            yield from self._str.find_matches_as_indexes(text, overlapping=True)
            return
        for number, start, end in self._bytes.find_matches_as_indexes(encoded, overlapping=True):
            if not start & 1:  # a match across two characters' bytes is not a match
                yield number, start >> 1, end >> 1


def _utf16(text: str) -> bytes | None:
    """The text's UTF-16 bytes, two per character; None when a character needs four."""
    encoded = text.encode(_UTF16, "surrogatepass")
    return encoded if len(encoded) == 2 * len(text) else None


class PhraseSource(Protocol):
    """A phrase list taking part in the shared pass: its keys, numbered by position."""

    keys: Sequence[str]


class Scanned(Protocol):
    """A document's text with a memo of the passes made over it (NormalizedText)."""

    text: str
    scans: dict


class _Union:
    """All registered lists in one automaton; a key shared by lists is reported to each."""

    def __init__(self, members: list[PhraseSource]) -> None:
        self.members = members  # held here so the ids below stay valid
        owners: dict[str, list[tuple[int, int]]] = {}
        for member in members:
            for number, key in enumerate(member.keys):
                owners.setdefault(key, []).append((id(member), number))
        self._owners = list(owners.values())
        self._automaton = Automaton(list(owners))
        self.ids = {id(member) for member in members}

    def scan(self, text: str) -> dict[int, list[tuple[int, int, int]]]:
        """Member id -> its (start, end, key number) occurrences in `text`."""
        found: dict[int, list[tuple[int, int, int]]] = {member_id: [] for member_id in self.ids}
        for number, start, end in self._automaton.find(text):
            for member_id, own in self._owners[number]:
                found[member_id].append((start, end, own))
        return found


_registered: weakref.WeakSet = weakref.WeakSet()
_union: _Union | None = None
# A Dask worker may run files in several threads: lists are added and merged under a lock.
_lock = threading.Lock()


def register(member: PhraseSource) -> None:
    """Let `member` take part in the shared pass (the merged automaton is rebuilt on next use)."""
    global _union
    with _lock:
        _registered.add(member)
        _union = None


def shared_spans(member: PhraseSource, target: Scanned) -> list[tuple[int, int, int]]:
    """The (start, end, key number) occurrences of a registered member's keys in a document's text.

    The first list to ask scans for all of them; the result is kept with the
    document (so it goes when the document goes).
    """
    union = _current(member)
    found = target.scans.get(union)
    if found is None:
        found = target.scans[union] = union.scan(target.text)
    return found[id(member)]


def _current(member: PhraseSource) -> _Union:
    """The merged automaton, rebuilt if `member` is not in it yet."""
    global _union
    union = _union
    if union is not None and id(member) in union.ids:
        return union
    with _lock:
        _registered.add(member)
        if _union is None or id(member) not in _union.ids:
            _union = _Union(list(_registered))
        return _union
