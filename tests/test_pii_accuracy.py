"""The personal-data corpus: precision and recall per kind, held to the issue's thresholds."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from accuracy import evaluate, negatives_hit, precision_of, recall  # noqa: E402

STRICT = ("pii/id-card", "pii/bank-card", "pii/mobile")  # ≥ 0.97 precision, ≥ 0.98 recall
LOOSE = ("pii/address", "pii/person-name")                # ≥ 0.90 / 0.90


@pytest.fixture(scope="module")
def outcomes():
    return evaluate("pii")


def test_corpus_is_big_enough(outcomes):
    positives = sum(bool(o.row.expected) for o in outcomes)
    assert positives >= 300 and len(outcomes) - positives >= 300


@pytest.mark.parametrize("check, min_precision, min_recall",
                         [(c, 0.97, 0.98) for c in STRICT] + [(c, 0.90, 0.90) for c in LOOSE])
def test_thresholds(outcomes, check, min_precision, min_recall):
    found, total = recall(outcomes, check)
    right, fired = precision_of(outcomes, check)
    assert found / total >= min_recall
    assert right / fired >= min_precision


def test_look_alikes_are_not_errors(outcomes):
    assert [o.row.text for o in negatives_hit(outcomes, "error")] == []
