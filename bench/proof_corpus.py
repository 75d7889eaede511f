"""Errors planted in published sentences, for the proof/* checks (seeded, so every run is the same).

`generated_rows()` takes lines of the published State Council documents under
fixtures/realworld/published/ and plants one error of a known kind in each: a typo
from wordlists/proof-typos.txt where its right form occurs in the line, a full-width
comma between Chinese characters made half-width, a word or a 的 typed twice, a
closing bracket lost or given the wrong mate. The same lines, unchanged, are the
look-alikes: what was published must stay quiet.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from accuracy import Row

from linter.wordbreak import is_word, tokens
from linter.wordlist import builtin

SEED = 18
PUBLISHED = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "published"
PLACES = ("body", "txt", "table", "md")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_COMMA = re.compile(r"(?<=[\u4e00-\u9fff])，(?=[\u4e00-\u9fff])")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,3}")


def published_lines() -> list[str]:
    """Prose lines of the published set: no table rows, 20 to 300 characters, mostly Chinese."""
    lines = []
    for path in sorted(PUBLISHED.glob("gov-*.txt")):  # the State Council's (pingtan-*: notices with slips)
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if "\t" not in line and 20 <= len(line) <= 300 and len(_HAN.findall(line)) > len(line) * 0.6:
                lines.append(line)
    return lines


def _typos(lines: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """One line per typo entry whose right form occurs in the published text, the right form made wrong."""
    rows = []
    for entry in builtin("proof-typos.txt", None):
        if entry.tag == "=":
            continue
        # Only where the right form is a word of the line: 形成分工 holds no 成分 to misspell.
        holding = [line for line in lines if entry.tag in line and entry.tag in tokens(line)]
        if holding:
            line = rng.choice(holding)
            at = tokens(line).index(entry.tag)
            words = tokens(line)
            rows.append(("proof/typo", "".join(words[:at]) + entry.term + "".join(words[at + 1:])))
    return rows


def _punctuation(lines: list[str], rng: random.Random, count: int) -> list[tuple[str, str]]:
    rows = []
    for line in rng.sample([line for line in lines if _COMMA.search(line)], count):
        spots = list(_COMMA.finditer(line))
        at = rng.choice(spots).start()
        rows.append(("proof/punctuation", line[:at] + "," + line[at + 1:]))
    return rows


def _repeats(lines: list[str], rng: random.Random, count: int) -> list[tuple[str, str]]:
    rows = []
    for line in rng.sample(lines, count * 3):
        words = [m for m in _WORD.finditer(line) if is_word(m.group())]
        if not words or len(rows) >= count:
            continue
        m = rng.choice(words)
        rows.append(("proof/repeat", line[:m.end()] + m.group() + line[m.end():]))
    for line in rng.sample([line for line in lines if "的" in line], count // 2):
        at = line.index("的")
        rows.append(("proof/repeat", line[:at] + "的" + line[at:]))
    return rows


def _brackets(lines: list[str], rng: random.Random, count: int) -> list[tuple[str, str]]:
    rows = []
    titled = [line for line in lines if re.search(r"《[^》]+》", line)]
    for line in rng.sample(titled, min(count, len(titled))):
        at = line.index("》")
        rows.append(("proof/bracket", line[:at] + line[at + 1:]))
    numbered = [line for line in lines if "〕" in line]
    for line in rng.sample(numbered, min(count // 2, len(numbered))):
        rows.append(("proof/bracket", line.replace("〕", "]", 1)))
    return rows


def generated_rows() -> list[Row]:
    """About 200 typos, 40 of each other kind of error, and 300 published lines unchanged."""
    rng = random.Random(SEED)
    lines = published_lines()
    planted = _typos(lines, rng) + _punctuation(lines, rng, 40) + _repeats(lines, rng, 40) + _brackets(lines, rng, 40)
    rows = [(frozenset({check}), text) for check, text in planted]
    rows += [(frozenset(), line) for line in rng.sample(lines, 300)]
    return [Row(expected, PLACES[i % len(PLACES)], text, 30_000 + i) for i, (expected, text) in enumerate(rows)]
