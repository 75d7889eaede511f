"""The proof corpus: errors planted in published sentences are found; the sentences as published stay quiet."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from accuracy import evaluate, negatives_hit, precision_of, published_findings, recall  # noqa: E402


@pytest.fixture(scope="module")
def outcomes():
    return evaluate("proof")


@pytest.mark.parametrize("check, least", [
    ("proof/typo", 80), ("proof/punctuation", 40), ("proof/repeat", 40), ("proof/bracket", 40)])
def test_planted_errors_are_found(outcomes, check, least):
    found, total = recall(outcomes, check)
    assert total >= least
    assert found / total >= 0.97, f"{check}: {found}/{total}"
    right, fired = precision_of(outcomes, check)
    assert right == fired


def test_published_sentences_as_published_stay_quiet(outcomes):
    assert len([o for o in outcomes if not o.row.expected]) >= 300
    assert [o.row.text for o in negatives_hit(outcomes, "warning")] == []


def test_published_text_raises_a_handful_per_million_characters():
    chars, fired = published_findings()
    assert chars > 150_000
    # Three real slips of the originals: a half-width semicolon, a parenthesis pair of mixed widths,
    # half-width colons in a district notice (pingtan-2.txt).
    assert sum(fired.values()) / chars * 1e6 <= 20, dict(fired)
    assert fired["proof/typo"] == 0
