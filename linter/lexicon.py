"""jieba's word-frequency dictionary, read a block at a time instead of whole.

Loading the whole dictionary (349,000 words, and every prefix of them) costs jieba about
a second and 100 MB — more than the rest of a check of one draft. Deciding a few word
boundaries needs the words that start with the few characters around a hit. So the
dictionary jieba ships is copied once, sorted and indexed by first character, into the
user's cache folder; a process then reads only the blocks of the characters it meets.
Where no cache folder can be written, the copy is made in memory (slower, still without
importing jieba).

A word's entry holds its frequency; a prefix of a word that is not a word itself holds 0,
as in jieba's own prefix dictionary (the segmenter needs to know a longer word may follow).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from linter.user_cache import user_cache_folder

_FORMAT = 2  # bump when the cache file's layout changes


class Lexicon:
    """Frequencies of words (and 0 for mere prefixes), by blocks of one first character."""

    def __init__(self, total: int, blocks: dict[str, tuple[int, int]], read) -> None:
        self.total = total
        self._blocks = blocks
        self._read = read  # (start, end) -> the block's text
        self._loaded: dict[str, dict[str, int]] = {}

    def get(self, word: str) -> int | None:
        """The word's frequency, 0 for a prefix of a longer word only, None when unknown."""
        if not word:
            return None
        block = self._loaded.get(word[0])
        if block is None:
            block = self._loaded[word[0]] = self._block(word[0])
        return block.get(word)

    def _block(self, first: str) -> dict[str, int]:
        span = self._blocks.get(first)
        if span is None:
            return {}
        entries: dict[str, int] = {}
        for line in self._read(*span).splitlines():
            word, freq = line.rsplit(" ", 1)
            entries[word] = int(freq)
            for end in range(1, len(word)):
                entries.setdefault(word[:end], 0)
        return entries


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The dictionary jieba ships (loaded lazily, block by block)."""
    source = _source()
    cached = _cache_path(source)
    if cached is not None and not cached.exists():
        _write(source, cached)
    if cached is not None and cached.exists():
        try:
            return _open(cached)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged copy: read the source instead, this once
    return _in_memory(source)


def _source() -> Path:
    """Jieba's dict.txt, found without importing jieba (its import alone costs 0.1 s)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _cache_path(source: Path) -> Path | None:
    stat = source.stat()
    key = hashlib.sha256(f"{_FORMAT}:{source}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    folder = Path(user_cache_folder()) / "lexicon"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / f"jieba-{key}.txt"


def _sorted_entries(source: Path) -> tuple[int, dict[str, int]]:
    """Word -> frequency as jieba reads its file (a word listed twice: the last line wins, both count)."""
    total, words = 0, {}
    for line in source.read_text("utf-8").splitlines():
        parts = line.strip().split(" ")
        if len(parts) >= 2 and parts[0]:
            freq = int(parts[1])
            words[parts[0]] = freq
            total += freq
    return total, dict(sorted(words.items()))


def _layout(total: int, words: dict[str, int]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The body (one `word freq` a line, sorted, UTF-8) and each first character's byte span in it."""
    lines, blocks, at = [], {}, 0
    for word, freq in words.items():
        line = f"{word} {freq}\n".encode()
        start, end = blocks.get(word[0], (at, at))
        blocks[word[0]] = (start, end + len(line))
        lines.append(line)
        at += len(line)
    return b"".join(lines), blocks


def _write(source: Path, target: Path) -> None:
    total, words = _sorted_entries(source)
    body, blocks = _layout(total, words)
    header = json.dumps({"total": total, "blocks": blocks}, ensure_ascii=False).encode()
    try:  # written whole under another name, then renamed: a concurrent reader never sees half
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(header + b"\n" + body)
        os.replace(temporary, target)
    except OSError:
        pass


def _open(path: Path) -> Lexicon:
    with path.open("rb") as handle:
        head = json.loads(handle.readline())
        body = handle.read()  # 4 MB of bytes, decoded a block at a time
    blocks = {first: (start, end) for first, (start, end) in head["blocks"].items()}
    return Lexicon(head["total"], blocks, lambda start, end: body[start:end].decode())


def _in_memory(source: Path) -> Lexicon:
    total, words = _sorted_entries(source)
    body, blocks = _layout(total, words)
    return Lexicon(total, blocks, lambda start, end: body[start:end].decode())
