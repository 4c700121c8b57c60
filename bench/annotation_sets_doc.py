"""Refresh the figures docs/annotation-sets.md gives for every held-out set: each set's
precision and recall in its table "Every set's figures", and the last column ("Now") of
the batch table below it, from a run of every held-out set.

Run from the repository root: ``.venv/bin/python bench/annotation_sets_doc.py`` prints
what would change; ``--write`` writes it. A row whose set is not in tests/data/, the
figures as each set came, the sections of each session ("Set by set") and every other
line are left as they are. It needs no Django and no database (about a minute on two
cores).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.annotation_quality import held_out_set  # noqa: E402
from tests import corpus  # noqa: E402

DOC = Path(__file__).resolve().parent.parent / "docs" / "annotation-sets.md"

# A set's row: its directory, stories, gold, precision, recall and what follows.
_SET_ROW = re.compile(
    r"^(\| `tests/data/annotation_holdout(\d*)/` .*?\| \d+ \| \d+ \| )"
    r"\d\.\d{3} \| \d\.\d{3}( \|.*)$"
)
# A batch's row: its first and last sets, two columns kept, the one refreshed.
_BATCH_ROW = re.compile(r"^\| (\d+) to (\d+) \| (.*?) \| (.*?) \| .*? \|$")
_BATCH_TABLE = "| Sets | Rules at the session's start | As they came | Now |"
_SECTIONS = "## Set by set"


def set_figures(number: int) -> Counter:
    """Right, wrong and missed suggestions on held-out set ``number``."""
    return corpus.counts(corpus.score_set(held_out_set(number)))


def _ratios(figures: Counter) -> tuple[float, float]:
    precision, recall, _ = corpus.ratios(figures["right"], figures["wrong"], figures["missed"])
    return precision, recall


def _batch_cell(figures: Counter) -> str:
    precision, recall = _ratios(figures)
    return (
        f"{figures['right']:,} / {figures['wrong']:,} / {figures['missed']:,} "
        f"({precision:.3f} / {recall:.3f})"
    )


def refreshed(markdown: str, figures: dict[int, Counter]) -> tuple[str, list[str]]:
    """``markdown`` with each set's precision and recall and each batch's last column
    set from ``figures`` (by set number), up to the sections of each session, and a line
    for each row changed. Rows of sets ``figures`` lacks are kept as written."""
    lines = markdown.split("\n")
    changes = []
    in_batches = False
    for index, line in enumerate(lines):
        if line.startswith(_SECTIONS):
            break
        in_batches = in_batches or line.startswith(_BATCH_TABLE)
        row = _SET_ROW.match(line)
        batch = _BATCH_ROW.match(line) if in_batches else None
        if row and int(row[2] or 1) in figures:
            precision, recall = _ratios(figures[int(row[2] or 1)])
            new = f"{row[1]}{precision:.3f} | {recall:.3f}{row[3]}"
        elif batch and all(n in figures for n in range(int(batch[1]), int(batch[2]) + 1)):
            total = sum((figures[n] for n in range(int(batch[1]), int(batch[2]) + 1)), Counter())
            new = f"| {batch[1]} to {batch[2]} | {batch[3]} | {batch[4]} | {_batch_cell(total)} |"
        else:
            continue
        if new != line:
            lines[index] = new
            changes.append(f"- {line}\n+ {new}")
    return "\n".join(lines), changes


def held_out_numbers() -> list[int]:
    """The numbers of every held-out set in tests/data/ (the first has none in its name)."""
    names = (path.name for path in corpus.CORPUS.parent.glob("annotation_holdout*"))
    return sorted(int(name.removeprefix("annotation_holdout") or 1) for name in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the refreshed figures")
    args = parser.parse_args()
    numbers = held_out_numbers()
    with ProcessPoolExecutor() as pool:
        figures = dict(zip(numbers, pool.map(set_figures, numbers, chunksize=8), strict=True))
    text, changes = refreshed(DOC.read_text(encoding="utf-8"), figures)
    print("\n".join(changes) if changes else "No figure has changed.")
    if args.write and changes:
        DOC.write_text(text, encoding="utf-8")
        print(f"{len(changes)} rows written to {DOC.relative_to(Path.cwd())}")


if __name__ == "__main__":
    main()
