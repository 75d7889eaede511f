"""Sample person names from a public NER data set's output into fixtures/realworld/vectors/names.tsv.

    python bench/realworld_names.py PREDICT.json

PREDICT.json is `tf_version/ner_predict.json` of the public repository
CLUEbenchmark/CLUENER2020: a baseline model's entities on the CLUENER2020 test texts
(news), one JSON object a line. Its `name` entities of two or three Chinese characters
are kept, in order, without duplicates; forms of address (李总, 小王, 老张) are left out.
They are what the model found, not gold labels: a few may be wrong, and transliterated
foreign names (温格, 米勒) are kept as they came.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "vectors" / "names.tsv"
_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_ADDRESS = re.compile("[总哥姐老小叔婶爷妈某]")
HEADER = """\
# Person names (2-3 Chinese characters) from CLUEbenchmark/CLUENER2020, tf_version/ner_predict.json
# (a baseline model's `name` entities on the CLUENER2020 test texts), by bench/realworld_names.py.
# name
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("predictions", type=Path)
    args = parser.parse_args()
    names = []
    for line in args.predictions.read_text(encoding="utf-8").splitlines():
        for name in json.loads(line).get("label", {}).get("name", {}):
            if _NAME.fullmatch(name) and not _ADDRESS.search(name):
                names.append(name)
    unique = list(dict.fromkeys(names))
    OUT.write_text(HEADER + "".join(f"{n}\n" for n in unique), encoding="utf-8")
    print(f"{len(unique)} names written to {OUT}")


if __name__ == "__main__":
    main()
