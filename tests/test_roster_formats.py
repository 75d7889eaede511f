"""One roster, every format: the personal-data findings agree with the .docx version's.

The roster's full ID numbers sit in a hidden column; a format whose reader skipped what
the viewer hides would lose two of the findings below.
"""

from pathlib import Path

import pytest
from rosters import (
    pii_findings,
    roster_docx,
    roster_html,
    roster_html_as_xls,
    roster_mht,
    roster_ofd,
    roster_wordml,
    roster_xlsx,
)

# Besides the formats themselves, what office systems hand out under another name: Word 2003
# XML filled from a template as .doc, a single-file web page, an HTML table as .xls.
BUILDERS = {"xlsx": roster_xlsx, "html": roster_html, "ofd": roster_ofd, "wordml": roster_wordml,
            "mht": roster_mht, "html-as-xls": roster_html_as_xls}
# Saved by LibreOffice from the same roster (fixtures/formats/make.py).
SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
SAVED_FORMATS = ["odt", "rtf", "xls", "doc", "wps"]


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    found = pii_findings(roster_docx(tmp_path_factory.mktemp("docx") / "名单.docx"))
    assert ("pii/id-card", "3205**********4317") in found  # only in the hidden column
    assert ("pii/mobile", "139****0246") in found
    return found


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_the_roster_gives_the_findings_of_the_word_roster(tmp_path, fmt, expected):
    path = BUILDERS[fmt](tmp_path / f"名单.{fmt}")
    assert pii_findings(path) == expected


@pytest.mark.parametrize("fmt", SAVED_FORMATS)
def test_the_roster_saved_by_an_office_suite_gives_the_same_findings(fmt, expected):
    assert pii_findings(SAVED / f"名单.{fmt}") == expected
