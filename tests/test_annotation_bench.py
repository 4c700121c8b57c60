"""bench/annotation_quality.py --sets: the held-out figures that docs/annotation-sets.md
gives, from one command (no Django, no database)."""

import importlib.util
import subprocess
import sys
from collections import Counter
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


def _sets_doc():
    spec = importlib.util.spec_from_file_location(
        "annotation_sets_doc", BENCH.parent / "annotation_sets_doc.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOC = """\
| Corpus | Stories | Gold | Precision | Recall | Before these rules |
| --- | --- | --- | --- | --- | --- |
| `tests/data/annotation_holdout/` (written apart) | 6 | 159 | 0.987 | 0.987 | 0.88 / 0.90 |
| `tests/data/annotation_holdout2/` (later) | 8 | 167 | 0.976 | 0.976 | as written |
| `tests/data/annotation_holdout3/` (gone) | 8 | 169 | 0.994 | 1.000 | as written |

| Sets | Rules at the session's start | As they came | Now |
| --- | --- | --- | --- |
| 1 to 2 | 1 / 1 / 1 (0.500 / 0.500) | 2 / 2 / 2 (0.500 / 0.500) | 3 / 3 / 3 (0.500 / 0.500) |
| 2 to 3 | 1 / 1 / 1 (0.500 / 0.500) | 2 / 2 / 2 (0.500 / 0.500) | 3 / 3 / 3 (0.500 / 0.500) |

## Set by set

| 1 to 2 | 1 / 1 / 1 (0.500 / 0.500) | the same | 3 / 3 / 3 (0.500 / 0.500) |
| `tests/data/annotation_holdout2/` (later) | 8 | 167 | 0.976 | 0.976 | as written |
"""


def test_the_sets_doc_takes_each_sets_figures_and_each_batchs_now():
    """Each set's precision and recall and each batch's last column come from the run;
    what a set the run lacks, the figures as the sets came and the sections of each
    session say are kept as written."""
    figures = {
        1: Counter(right=99, wrong=1, missed=1),
        2: Counter(right=1_900, wrong=100, missed=0),
    }
    text, changes = _sets_doc().refreshed(DOC, figures)
    lines = text.split("\n")
    assert lines[2] == (
        "| `tests/data/annotation_holdout/` (written apart) | 6 | 159 | 0.990 | 0.990 | "
        "0.88 / 0.90 |"
    )
    assert lines[3] == (
        "| `tests/data/annotation_holdout2/` (later) | 8 | 167 | 0.950 | 1.000 | as written |"
    )
    assert lines[4] == DOC.split("\n")[4]  # set 3 was not run
    assert lines[8] == (
        "| 1 to 2 | 1 / 1 / 1 (0.500 / 0.500) | 2 / 2 / 2 (0.500 / 0.500) | "
        "1,999 / 101 / 1 (0.952 / 1.000) |"
    )
    assert lines[9] == DOC.split("\n")[9]  # a batch with a set not run
    assert lines[11:] == DOC.split("\n")[11:]  # the sections of each session
    assert len(changes) == 3


def test_the_sets_doc_changes_nothing_when_the_figures_are_those_written():
    figures = {
        1: Counter(right=987, wrong=13, missed=13),
        2: Counter(right=976, wrong=24, missed=24),
    }
    once, _ = _sets_doc().refreshed(DOC, figures)
    again, changes = _sets_doc().refreshed(once, figures)
    assert again == once
    assert changes == []
