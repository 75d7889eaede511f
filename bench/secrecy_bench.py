"""Throughput of secrecy/keyword with big wordlists, beside `grep -F -o -f` on the same input.

    python bench/secrecy_bench.py [--text-mb 10]

Generates under bench/out/ a text of realistic Chinese report prose and four
lists: the built-in list only, 20,000 and 100,000 rare terms (like internal
code names: a handful occur in the text), and a stress list of 2,000 common
words that hit on every line. For each: automaton build time, MB/s of the
whole check (normalisation, matching, word-boundary checks, findings), MB/s of
the bare automaton, and MB/s of grep -F -o on the same text and list.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

from checks.secrecy_keyword import KeywordCheck  # noqa: E402
from linter import wordlist  # noqa: E402
from linter.check import CheckContext  # noqa: E402
from linter.extract import extract  # noqa: E402
from linter.lexicon import lexicon  # noqa: E402
from linter.phrase_scan import Automaton  # noqa: E402

OUT = HERE / "out"
def _level1_hanzi() -> list[str]:
    """The 3,755 most common characters (GB 2312 level 1), decoded from their byte range."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


HANZI = _level1_hanzi()


def realistic_text(mb: int, rng: random.Random) -> str:
    """Report-like prose with a realistic vocabulary: Zipf-distributed words of 1-4 characters."""
    vocabulary = ["".join(rng.choices(HANZI, k=rng.choice((1, 2, 2, 2, 3, 4)))) for _ in range(20_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    lines, size = [], 0
    while size < mb * 2**20:
        words = rng.choices(vocabulary, weights, k=rng.randint(20, 120))
        line = "，".join("".join(words[i:i + 4]) for i in range(0, len(words), 4)) + "。"
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def rare_terms(count: int, rng: random.Random) -> list[str]:
    """Code-name-like terms: random character pairs plus a suffix, rarely in any text."""
    suffixes = ("工程", "行动", "计划", "专项", "项目", "系统")
    terms = {"".join(rng.choices(HANZI, k=2)) + rng.choice(suffixes) for _ in range(count * 2)}
    return sorted(terms)[:count]


def common_terms(text: str, count: int) -> list[str]:
    """The most frequent two-character sequences of the text: a worst case."""
    from collections import Counter

    sample = text[:200_000]
    pairs = Counter(sample[i:i + 2] for i in range(len(sample) - 1))
    return [p for p, _ in pairs.most_common(count * 2) if all("\u4e00" <= c <= "\u9fff" for c in p)][:count]


def write_list(name: str, terms: list[str]) -> Path:
    path = OUT / name
    path.write_text("\n".join(terms) + "\n", encoding="utf-8")
    return path


def measure(label: str, text_path: Path, list_path: Path | None, mb: float) -> None:
    wordlist.user_entries.cache_clear()
    paths = (str(list_path),) if list_path else ()
    start = time.perf_counter()
    check = KeywordCheck()
    index = check.index(paths)
    build = time.perf_counter() - start
    context = CheckContext(wordlists=paths)
    whole, found = best(lambda: sum(1 for _ in check.run(extract(str(text_path)), context)),
                        minus=lambda: extract(str(text_path)))
    document = extract(str(text_path))
    bare_automaton = Automaton(index.keys)
    automaton, bare = best(lambda: sum(1 for _ in bare_automaton.find(document.normalized.text)))
    grep = best(lambda: _grep(text_path, list_path))[0] if list_path else None
    grep_text = f"grep -F -o {mb / grep:6.1f} MB/s" if grep else "grep -F -o      -"
    if list_path and not shutil.which("grep"):
        grep_text, grep = "grep missing", None
    ratio = f"ours/grep {grep / whole:4.2f}" if grep else ""
    print(f"{label:<26} build {build:5.2f} s | whole check {mb / whole:6.1f} MB/s ({found} findings) | "
          f"automaton alone {mb / automaton:6.1f} MB/s ({bare} hits) | {grep_text} {ratio}")


def best(run, minus=None, repeat: int = 3) -> tuple[float, object]:
    """Best wall time of `run` over `repeat` tries (less `minus`'s best: set-up not measured)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    overhead = best(minus, repeat=repeat)[0] if minus else 0.0
    return max(min(times) - overhead, 1e-9), result


def _grep(text_path: Path, list_path: Path) -> None:
    subprocess.run(["grep", "-F", "-o", "-f", str(list_path), str(text_path)],
                   stdout=subprocess.DEVNULL, check=False, env={"LC_ALL": "C.UTF-8"})


def measure_family(text_path: Path, mb: float) -> None:
    """All three secrecy checks with the built-in lists, extraction excluded."""
    from checks.secrecy_marking import MarkingCheck
    from checks.secrecy_restricted import RestrictedCheck

    checks = [MarkingCheck(), RestrictedCheck(), KeywordCheck()]
    context = CheckContext()

    def run_all() -> int:
        document = extract(str(text_path))
        return sum(1 for c in checks for _ in c.run(document, context))

    elapsed, found = best(run_all, minus=lambda: extract(str(text_path)))
    print(f"{'secrecy family, built-in':<26} whole family {mb / elapsed:6.1f} MB/s ({found} findings)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-mb", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(11)
    OUT.mkdir(exist_ok=True)
    text = realistic_text(args.text_mb, rng)
    big, huge = rare_terms(20_000, rng), rare_terms(100_000, rng)
    # Plant a few code names, as a real draft would carry a handful.
    lines = text.split("\n")
    for i in range(0, len(lines), max(1, len(lines) // 50)):
        lines[i] += f"推进{big[i % len(big)]}建设。"
    text_path = OUT / "secrecy-text.txt"
    text_path.write_text("\n".join(lines), encoding="utf-8")
    mb = text_path.stat().st_size / 2**20
    print(f"text: {mb:.1f} MB, {len(lines)} lines")
    start = time.perf_counter()
    lexicon()  # opened once per process, on the first Chinese hit to decide
    print(f"word dictionary open (once per process): {time.perf_counter() - start:.2f} s")
    measure_family(text_path, mb)
    measure("built-in list only", text_path, None, mb)
    measure("20,000 rare terms", text_path, write_list("terms-20k.txt", big), mb)
    measure("100,000 rare terms", text_path, write_list("terms-100k.txt", huge), mb)
    measure("2,000 common words", text_path, write_list("terms-common.txt", common_terms(text, 2000)), mb)


if __name__ == "__main__":
    main()
