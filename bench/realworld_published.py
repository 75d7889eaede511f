"""Extract published State Council documents from a public crawl into fixtures/realworld/published/.

    python bench/realworld_published.py DUMP.sql

DUMP.sql is `db/ge_policy_raw20190217.sql` of the public repository ZhouYNF/platform-1
(a 2019 crawl of gov.cn's policy library: one SQL row per document, its HTML body in
`content`). Each document becomes one UTF-8 .txt file, one paragraph (or table row,
cells separated by tabs) a line, named by its row id; SOURCES.tsv names the repository,
path, row, original address, title and document number of each. Official documents
are not covered by copyright (Copyright Law of the PRC, art. 5).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import lxml.html

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "published"
REPOSITORY, PATH = "ZhouYNF/platform-1", "db/ge_policy_raw20190217.sql"
_ROW = re.compile(r"values \((\d+), '([^']*)', '[^']*', '([^']*)', '([^']*)', '([^']*)', '([^']*)', "
                  r"(?:null|'[^']*'), '[^']*', '[^']*', (?:null|'[^']*'), '(.*?)', (?:null|'[^']*'), '[^']*', ", re.S)
_BLOCKS = {"p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"}


def paragraphs(html: str) -> list[str]:
    """The document's text, a line per paragraph or table row (cells joined by tabs)."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines: list[str] = []
    _walk(root, lines)
    return [re.sub(r"[ \u3000\xa0]+$", "", line.strip("\r")) for line in lines if line.strip()]


def _walk(element, lines: list[str]) -> None:
    """A leaf block is a line; a row whose cells hold no blocks is a line of cells; else go down."""
    holds_blocks = any(child.tag in _BLOCKS for child in element.iterdescendants())
    if element.tag == "tr" and not any(c.tag in ("p", "div", "table") for c in element.iterdescendants()):
        lines.append("\t".join(c.text_content().strip() for c in element if c.tag in ("td", "th")))
    elif element.tag in _BLOCKS and not holds_blocks:
        lines.extend(element.text_content().split("\n"))
    else:
        if element.text and element.text.strip() and element.tag in _BLOCKS:
            lines.append(element.text)
        for child in element:
            _walk(child, lines)
            if child.tail and child.tail.strip() and element.tag in _BLOCKS:
                lines.append(child.tail)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path)
    args = parser.parse_args()
    text = args.dump.read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    sources = ["file\trepository\tpath\trow\taddress\ttitle\tnumber"]
    for match in _ROW.finditer(text):
        row, address, _, title, _, number, html = match.groups()
        # "&sp;" is a typo for a space in some of the crawled pages, not text of the document.
        lines = [line.replace("&sp;", " ").rstrip() for line in paragraphs(html.replace("\\'", "'"))]
        if sum(map(len, lines)) < 200:
            continue
        name = f"gov-{int(row):03d}.txt"
        (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        sources.append("\t".join([name, REPOSITORY, PATH, row, address, title, number]))
    (OUT / "SOURCES.tsv").write_text("\n".join(sources) + "\n", encoding="utf-8")
    print(f"{len(sources) - 1} documents written to {OUT}")


if __name__ == "__main__":
    main()
