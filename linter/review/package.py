"""Writing an edited .docx: the parts that changed serialised anew, every other part byte for byte."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from linter.extract.ooxml import Package


def serialise(root: etree._Element) -> bytes:
    """A part as Word writes it: UTF-8, declared standalone."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rewritten(pkg: Package, data: bytes, replaced: dict[str, etree._Element]) -> bytes:
    """The package `data` (read through `pkg`) with the `replaced` parts; parts it lacked are added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        names = set()
        for info in zin.infolist():  # a name twice in a hostile zip: both copies are replaced
            names.add(info.filename)
            root = replaced.get(info.filename)
            zout.writestr(info, serialise(root) if root is not None else pkg.read(info.filename) or b"")
        for name, root in replaced.items():
            if name not in names:
                zout.writestr(name, serialise(root))
    return out.getvalue()
