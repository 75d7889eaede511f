"""The secrecy corpus: every marking and note found, no look-alike blocked."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from accuracy import evaluate, negatives_hit, precision, recall  # noqa: E402


@pytest.fixture(scope="module")
def outcomes():
    return evaluate("secrecy")


def test_corpus_is_big_enough(outcomes):
    positives = sum(bool(o.row.expected) for o in outcomes)
    assert positives >= 80 and len(outcomes) - positives >= 80


@pytest.mark.parametrize("check", ["secrecy/marking", "secrecy/restricted", "secrecy/keyword"])
def test_recall_is_complete(outcomes, check):
    found, total = recall(outcomes, check)
    assert found == total


def test_no_look_alike_is_blocked(outcomes):
    assert [o.row.text for o in negatives_hit(outcomes, "error")] == []
    right, total = precision(outcomes, "error")
    assert right == total
