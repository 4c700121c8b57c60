"""bench/annotation_quality.py --sets: the held-out figures that docs/annotation-sets.md
gives, from one command (no Django, no database)."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests import corpus

pytestmark = pytest.mark.text_only

BENCH = Path(__file__).resolve().parent.parent / "bench" / "annotation_quality.py"


def run_bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCH), *args], capture_output=True, text=True, check=False
    )


def test_sets_prints_a_line_a_set_and_totals_that_add_them_up():
    printed = run_bench("--sets", "224-225")
    assert printed.returncode == 0, printed.stderr
    rows = {}
    for line in printed.stdout.splitlines():
        words = line.split()
        if words and words[0] in ("224", "225"):
            rows[int(words[0])] = tuple(int(word) for word in words[1:4])
    assert sorted(rows) == [224, 225]
    for number, (right, wrong, missed) in rows.items():
        directory = corpus.CORPUS.parent / f"annotation_holdout{number}"
        result = corpus.score(
            corpus.load_stories(directory / "stories"),
            corpus.build_gazetteer(corpus.load_entities(directory / "gazetteer.json")),
        )
        assert right == sum(result.true_positives.values())
        assert wrong == sum(result.false_positives.values())
        assert missed == sum(result.false_negatives.values())
    right, wrong, missed = (sum(row[column] for row in rows.values()) for column in range(3))
    assert f"sets 224-225: {right} right, {wrong} wrong, {missed} missed" in printed.stdout
    # Both sets are marked twice: the agreement of the two annotators is given.
    assert "two annotators, on the 2 of them marked twice" in printed.stdout


@pytest.mark.parametrize("bad", ["224", "225-224", "0-3", "1-99999", "a-b"])
def test_sets_refuses_numbers_that_are_not_a_range_of_sets(bad):
    printed = run_bench("--sets", bad)
    assert printed.returncode == 2
    assert "give the numbers of two held-out sets" in printed.stderr
    assert printed.stdout == ""
