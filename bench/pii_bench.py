"""Personal-data checks: throughput, and precision/recall beside jionlp, in one run.

    python bench/pii_bench.py [--text-mb 10]

1. MB/s of every check (all families, names on), of all pii/* checks, and of
   those without the name detector, on a report-like text with some personal
   data in it, extraction excluded, on one core.
2. On the labeled corpus (bench/accuracy.py), row-level precision and recall of
   pii/id-card and pii/mobile beside jionlp's extract_id_card and
   extract_phone_number, and jionlp's MB/s on the same text. jionlp is a
   dev-only comparison (pip install jionlp), never a dependency.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from accuracy import corpus_rows, evaluate  # noqa: E402
from pii_corpus import _id18, _mobile, _name  # noqa: E402
from secrecy_bench import best, realistic_text  # noqa: E402

from linter.check import CheckContext  # noqa: E402
from linter.extract import extract  # noqa: E402
from linter.registry import load_checks  # noqa: E402

OUT = HERE / "out"
_MOBILE = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")


def text_with_pii(mb: int) -> Path:
    """Report prose where about one line in twenty names a person, an ID and a phone."""
    rng = random.Random(5)
    lines = realistic_text(mb, rng).split("\n")
    for i in range(0, len(lines), 20):
        lines[i] += f"申请人{_name(rng)}，身份证号{_id18(rng)}，手机{_mobile(rng)}。"
    path = OUT / "pii-text.txt"
    OUT.mkdir(exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def throughput(path: Path) -> None:
    mb = path.stat().st_size / 2**20
    planted = path.read_text(encoding="utf-8").count("申请人")
    print(f"planted: {planted} lines with a name, an ID number and a mobile number "
          f"({3 * planted} findings expected with names, {2 * planted} without)")
    every = {cid: cls() for cid, cls in load_checks().items()}
    checks = {cid: c for cid, c in every.items() if cid.startswith("pii/")}
    for label, chosen in (("every check, all families", list(every.values())),
                          ("all pii checks", list(checks.values())),
                          ("without pii/person-name", [c for cid, c in checks.items() if cid != "pii/person-name"])):
        def run(chosen=chosen) -> int:
            document = extract(str(path))
            return sum(1 for c in chosen for _ in c.run(document, CheckContext()))

        run()  # jieba and the wordlists load once per process; not part of the rate
        elapsed, found = best(run, minus=lambda: extract(str(path)))
        print(f"ours  {label:<26} {mb / elapsed:6.1f} MB/s ({found} findings on {mb:.1f} MB)")
    try:
        import jionlp
    except ImportError:
        print("jionlp not installed (pip install jionlp): comparison skipped")
        return
    text = path.read_text(encoding="utf-8")
    for name, extractor in (("extract_id_card", jionlp.extract_id_card),
                            ("extract_phone_number", jionlp.extract_phone_number)):
        elapsed, found = best(lambda extractor=extractor: len(extractor(text)), repeat=1)
        print(f"jionlp {name:<23} {mb / elapsed:6.1f} MB/s ({found} hits)")


def side_by_side() -> None:
    outcomes = {o.row.line: o for o in evaluate("pii")}
    rows = corpus_rows("pii")
    try:
        import jionlp
    except ImportError:
        jionlp = None
    print("row-level on the corpus      ours P / R            jionlp P / R")
    for check in ("pii/id-card", "pii/mobile"):
        ours = [(check in r.expected, any(c == check for c, _ in outcomes[r.line].fired)) for r in rows]
        line = f"{check:<20} {_pr(ours)}"
        if jionlp is not None:
            theirs = [(check in r.expected, _jionlp_hit(jionlp, check, r.text)) for r in rows]
            line += f"   {_pr(theirs)}"
        print(line)


def _jionlp_hit(jionlp, check: str, text: str) -> bool:
    if check == "pii/id-card":
        return bool(jionlp.extract_id_card(text))
    phones = jionlp.extract_phone_number(text)
    return any(_MOBILE.match(re.sub(r"[\s\-]", "", p)) for p in phones)


def _pr(pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(e and f for e, f in pairs)
    fp = sum(f and not e for e, f in pairs)
    fn = sum(e and not f for e, f in pairs)
    return f"{tp / max(tp + fp, 1):6.1%} / {tp / max(tp + fn, 1):6.1%} (fp {fp}, fn {fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-mb", type=int, default=10)
    args = parser.parse_args()
    start = time.perf_counter()
    throughput(text_with_pii(args.text_mb))
    side_by_side()
    print(f"(bench ran {time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
