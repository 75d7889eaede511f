"""Chinese word segmentation as jieba does it without new-word guessing (HMM off).

The same algorithm over the same dictionary, so that the boundaries are jieba's: every way
the dictionary's words can cover a run of text is a path in a graph, and the path whose
words are likeliest together (the sum of their log frequencies) wins. Text outside runs of
Chinese, letters and digits is cut into single characters and whitespace, as jieba cuts it.
Words unknown to the dictionary stand alone as single characters; runs of single letters
or digits are glued back into one token.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from math import log

Lookup = Callable[[str], "int | None"]  # word -> frequency, 0 for a mere prefix, None if unknown

# jieba's own character classes (jieba.re_han_default, re_skip_default, re_eng).
_RUN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_LATIN = re.compile("[a-zA-Z0-9]")


def cut(text: str, lookup: Lookup, total: int) -> Iterator[str]:
    """The words of `text`, in order, covering it exactly."""
    for block in _RUN.split(text):
        if not block:
            continue
        if _RUN.match(block):
            yield from _cut_run(block, lookup, total)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                yield piece
            else:
                yield from piece


def _cut_run(run: str, lookup: Lookup, total: int) -> Iterator[str]:
    route = _best_route(run, _graph(run, lookup), lookup, total)
    at, letters = 0, ""
    while at < len(run):
        end = route[at] + 1
        word = run[at:end]
        if len(word) == 1 and _LATIN.match(word):
            letters += word
        else:
            if letters:
                yield letters
                letters = ""
            yield word
        at = end
    if letters:
        yield letters


def _graph(run: str, lookup: Lookup) -> list[list[int]]:
    """For each start, the end indexes (inclusive) of the dictionary words starting there."""
    graph = []
    for start in range(len(run)):
        ends, end = [], start
        fragment = run[start]
        freq = lookup(fragment)
        while freq is not None:
            if freq:
                ends.append(end)
            end += 1
            if end >= len(run):
                break
            fragment = run[start:end + 1]
            freq = lookup(fragment)
        graph.append(ends or [start])
    return graph


def _best_route(run: str, graph: list[list[int]], lookup: Lookup, total: int) -> list[int]:
    """The end of the first word of the likeliest path from each start (ties: the longer word)."""
    log_total = log(total)
    score = [0.0] * (len(run) + 1)
    best = [0] * len(run)
    for start in range(len(run) - 1, -1, -1):
        score[start], best[start] = max(
            (log(lookup(run[start:end + 1]) or 1) - log_total + score[end + 1], end) for end in graph[start])
    return best


def suggested_frequency(word: str, lookup: Lookup, total: int) -> int:
    """A frequency that lets `word` stand as one token where it occurs (jieba's suggest_freq, no tuning)."""
    chance = 1.0
    for piece in cut(word, lookup, total):
        chance *= _or(lookup(piece), 1) / total
    return max(int(chance * total) + 1, _or(lookup(word), 1))


def _or(freq: int | None, default: int) -> int:
    """Jieba's FREQ.get(word, default): a mere prefix counts 0, an unknown word the default."""
    return default if freq is None else freq
