"""python-docx's paragraph-and-cell walk: the obvious alternative for .docx text.

    python bench/docx_walk.py FILE.docx …

Run as a script, it walks each file in a process that imports python-docx and nothing of ours:
what a pipeline built on python-docx waits for, start-up included.
"""

from __future__ import annotations

import sys
from pathlib import Path


def python_docx_text(path: Path | str) -> str:
    import docx as python_docx

    d = python_docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "".join(parts)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        python_docx_text(name)
