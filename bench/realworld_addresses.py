"""Sample real addresses from a public address-parsing test set into fixtures/realworld/vectors/.

    python bench/realworld_addresses.py TEST.txt

TEST.txt is `data/test.txt` of the public repository leodotnet/neural-chinese-address-parsing
(the test split of the ACL 2019 Chinese address parsing data: one character or number a
line with its label, addresses separated by blank lines). Each sampled address is kept
with its finest level: `room` (a building, unit, floor or room number: a home address
when it is someone's; a village group, 某村三组, counts here too, as the home of a
rural household), `street` (down to a street number) or `area` (no number: a
district, village or estate, which a disclosure may name).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "vectors" / "addresses.tsv"
SAMPLE = {"room": 240, "street": 160, "area": 160}
_ROOM = {"roomno", "cellno", "houseno", "floorno"}
_STREET = {"roadno", "subroadno"}
_GROUP = re.compile("[0-9一二三四五六七八九十]+组")  # the data labels 某村三组 as no number at all
HEADER = """\
# Real addresses sampled from the test split of leodotnet/neural-chinese-address-parsing
# (data/test.txt), by bench/realworld_addresses.py. level: room (building/unit/floor/room,
# or a village group), street (down to a street number), area (no number).
# address<TAB>level
"""


def addresses(path: Path) -> list[tuple[str, str]]:
    """(address, level) of every address in the file, in order."""
    found = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        tokens = [line.split(" ") for line in block.splitlines() if line.strip()]
        text = "".join(t[0] for t in tokens)
        labels = {t[1][2:] for t in tokens if len(t) > 1 and t[1] != "O"}
        level = "room" if labels & _ROOM or _GROUP.search(text) else "street" if labels & _STREET else "area"
        found.append((text, level))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("test", type=Path)
    args = parser.parse_args()
    every = addresses(args.test)
    rows = []
    for level, count in SAMPLE.items():
        chosen = [a for a, lv in every if lv == level and "\t" not in a]
        step = max(1, len(chosen) // count)
        rows += [(a, level) for a in chosen[::step][:count]]
    OUT.write_text(HEADER + "".join(f"{a}\t{lv}\n" for a, lv in rows), encoding="utf-8")
    print(f"{len(rows)} addresses written to {OUT}")


if __name__ == "__main__":
    main()
