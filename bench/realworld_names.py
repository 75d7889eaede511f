"""Sample person names from a public NER data set into fixtures/realworld/vectors/.

    python bench/realworld_names.py PREDICT.json          # names.tsv: a model's output
    python bench/realworld_names.py --gold DEV.json       # names-gold.tsv: gold labels

PREDICT.json is `tf_version/ner_predict.json` of the public repository
CLUEbenchmark/CLUENER2020: a baseline model's entities on the CLUENER2020 texts (news),
one JSON object a line — what the model found, so a few may be wrong. DEV.json is the
gold-labelled CLUENER2020 dev set as plum-Yin/GlobalPointer_pytorch stores it
(datasets/cluener/dev.json, the objects pretty-printed one after another). In both,
`name` entities of two or three Chinese characters are kept, in order, without
duplicates; forms of address (李总, 小王, 老张) are left out, transliterated foreign
names (温格, 米勒) kept as they came.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

VECTORS = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "vectors"
_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_ADDRESS = re.compile("[总哥姐老小叔婶爷妈某]")
HEADERS = {
    "names.tsv": """\
# Person names (2-3 Chinese characters) from CLUEbenchmark/CLUENER2020, tf_version/ner_predict.json
# (a baseline model's `name` entities on the CLUENER2020 test texts), by bench/realworld_names.py.
# name
""",
    "names-gold.tsv": """\
# Person names (2-3 Chinese characters) with gold labels: the `name` entities of the CLUENER2020
# dev set, as plum-Yin/GlobalPointer_pytorch stores it (datasets/cluener/dev.json), by
# bench/realworld_names.py --gold.
# name
""",
}


def objects(text: str) -> Iterator[dict]:
    """The JSON objects of a file holding them one after another (a line each, or pretty-printed)."""
    decoder, at = json.JSONDecoder(), 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return
        value, at = decoder.raw_decode(text, at)
        yield value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--gold", action="store_true", help="SOURCE is the gold-labelled dev set")
    args = parser.parse_args()
    names = [name for item in objects(args.source.read_text(encoding="utf-8"))
             for name in item.get("label", {}).get("name", {})
             if _NAME.fullmatch(name) and not _ADDRESS.search(name)]
    unique = list(dict.fromkeys(names))
    out = VECTORS / ("names-gold.tsv" if args.gold else "names.tsv")
    out.write_text(HEADERS[out.name] + "".join(f"{n}\n" for n in unique), encoding="utf-8")
    print(f"{len(unique)} names written to {out}")


if __name__ == "__main__":
    main()
