"""The fields corpus: placeholders found, look-alikes quiet, missing sections named exactly."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from accuracy import evaluate, negatives_hit, recall  # noqa: E402
from fields_corpus import evaluate_profiles  # noqa: E402


@pytest.fixture(scope="module")
def outcomes():
    return evaluate("fields")


def test_placeholder_corpus(outcomes):
    positives = [o for o in outcomes if "fields/placeholder" in o.row.expected]
    negatives = [o for o in outcomes if not o.row.expected]
    assert len(positives) >= 100 and len(negatives) >= 100
    found, total = recall(outcomes, "fields/placeholder")
    assert found / total >= 0.98
    assert recall(outcomes, "fields/template-residue")[0] == recall(outcomes, "fields/template-residue")[1]
    assert [o.row.text for o in negatives_hit(outcomes, "error")] == []
    assert [o.row.text for o in negatives_hit(outcomes, "warning")] == []


def test_every_missing_part_reported_once_and_complete_documents_quiet():
    results = evaluate_profiles()
    assert len(results) >= 30
    for name, missing, reported in results:
        assert sorted(reported) == sorted(missing), name
