"""Damaged files of every newer format: a clear error or what could be read, never a crash."""

import random
from pathlib import Path

import pytest
from builders import OfdText, ofd
from rosters import roster_html, roster_xlsx

from linter.extract import ExtractError, extract

SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    folder = tmp_path_factory.mktemp("originals")
    files = [roster_xlsx(folder / "名单.xlsx"), roster_html(folder / "名单.html"),
             ofd(folder / "通知.ofd", [[OfdText(20, 30, "机密★5年")]])]
    return files + sorted(p for p in SAVED.iterdir() if p.suffix != ".py")


def _damaged(data: bytes, rng: random.Random):
    for cut in (0.1, 0.5, 0.9):
        yield "truncated", data[: int(len(data) * cut)]
    for _ in range(12):
        spoiled = bytearray(data)
        for _ in range(8):
            spoiled[rng.randrange(len(spoiled))] = rng.randrange(256)
        yield "spoiled", bytes(spoiled)


def test_every_damaged_copy_reads_or_fails_with_one_line(tmp_path, originals):
    rng = random.Random(15)
    for original in originals:
        for how, data in _damaged(original.read_bytes(), rng):
            copy = tmp_path / original.name
            copy.write_bytes(data)
            try:
                extract(str(copy))
            except ExtractError as exc:
                assert "\n" not in str(exc) and str(exc), (original.name, how)
