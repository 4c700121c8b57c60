"""Where the choice among entities of one word goes right and wrong: every way
``rules._choose`` decides (each return statement of its steps, ``rules._STEPS``, that
decides), with how often what it chose was the gold mention's entity, another entity,
or no name at all, and how often it left a name out. The profile of what is left of the
accuracy target: a rule that is right 75 times in 100 is where a better one would pay.

Run from the repository root: ``.venv/bin/python bench/annotation_decisions.py`` (every
held-out set), or with ``--corpus DIR`` (repeatable) for some of them, such as
``--corpus tests/data/annotation_holdout80``. ``--examples N`` prints the first N wrong
choices of each way. It needs no Django and no database.
"""

from __future__ import annotations

import argparse
import linecache
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.anchoring import rules  # noqa: E402
from tests import corpus  # noqa: E402

OUTCOMES = ("right", "wrong", "no name", "left out", "left out, no name")


def decisions(story: corpus.Story, gazetteer) -> list[tuple[int, int, object]]:
    """(line of rules.py that decided, start of the name, key chosen or None) for every
    shared name of ``story``, read by tracing the steps of ``_choose`` as the gazetteer
    runs: the return of the step that decided (any but the one that goes on), or of the
    part of a step that decided for it (``rules._STEP_PARTS``)."""
    made = []
    steps = {step.__code__ for step in rules._STEPS}
    parts = {part.__code__ for part in rules._STEP_PARTS}
    decided_in_part = set()  # the hits a part of a step decided, which the step returns

    def in_step(frame, event, value):
        if event == "return" and value is not rules._GO_ON:
            start = frame.f_locals["hit"].start
            if frame.f_code in parts:
                decided_in_part.add(start)
            elif start in decided_in_part:
                decided_in_part.discard(start)
                return in_step
            made.append((frame.f_lineno, start, value))
        return in_step

    def calls(frame, event, value):
        return in_step if frame.f_code in steps or frame.f_code in parts else None

    sys.settrace(calls)
    try:
        gazetteer.find(story.text)
    finally:
        sys.settrace(None)
    return made


def outcome(story: corpus.Story, start: int, key) -> str:
    """What a decision at ``start`` was, against the story's gold."""
    gold = next((g.key for g in story.gold if g.start == start), None)
    if key is None:
        return "left out" if gold is not None else "left out, no name"
    if gold is None:
        return "no name"
    return "right" if gold == key else "wrong"


def where(line: int) -> str:
    """The return statement at ``line`` of rules.py and, when it returns a name it was
    given before ("return place"), the statement that gave it ("place = _story_place(")."""
    path = rules.__file__
    returned = linecache.getline(path, line).strip()
    name = re.match(r"return ([\w.]+)", returned)
    if name:
        given = re.compile(rf"\s*{re.escape(name.group(1))} = ")
        for earlier in range(line - 1, max(0, line - 400), -1):
            if given.match(linecache.getline(path, earlier)):
                return f"{returned}  ({linecache.getline(path, earlier).strip()[:50]})"
    return returned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", type=Path, help="a set's directory")
    parser.add_argument("--examples", type=int, default=0, help="wrong choices to print")
    args = parser.parse_args()
    directories = args.corpus or sorted(corpus.CORPUS.parent.glob("annotation_holdout*"))
    counts: dict[int, Counter] = {}
    examples: dict[int, list[str]] = {}
    for directory in directories:
        gazetteer = corpus.build_gazetteer(corpus.load_entities(directory / "gazetteer.json"))
        for story in corpus.load_stories(directory / "stories"):
            for line, start, key in decisions(story, gazetteer):
                result = outcome(story, start, key)
                counts.setdefault(line, Counter())[result] += 1
                if result in ("wrong", "no name"):
                    context = story.text[max(0, start - 50) : start + 40].replace("\n", " | ")
                    examples.setdefault(line, []).append(f"{key}: …{context}…")
    print(f"{len(directories)} sets; each way _choose decides, by its wrong choices")
    print(
        f"  {'line':>5}  {'right':>5} {'wrong':>5} {'no name':>7} {'left out':>8}  right of chosen"
    )
    total = Counter()
    for line, count in sorted(
        counts.items(), key=lambda item: -item[1]["wrong"] - item[1]["no name"]
    ):
        total += count
        chosen = count["right"] + count["wrong"] + count["no name"]
        share = f"{count['right'] / chosen:.3f}" if chosen else "-"
        left_out = count["left out"] + count["left out, no name"]
        print(
            f"  {line:>5}  {count['right']:>5} {count['wrong']:>5} {count['no name']:>7} "
            f"{left_out:>8}  {share:>6}  {where(line)}"
        )
        for example in examples.get(line, [])[: args.examples]:
            print(f"           {example}")
    chosen = total["right"] + total["wrong"] + total["no name"]
    print(
        f"  all: {total['right']} right, {total['wrong']} wrong, {total['no name']} no name "
        f"({total['right'] / max(chosen, 1):.3f} right), "
        f"{total['left out']} names and {total['left out, no name']} others left out"
    )


if __name__ == "__main__":
    main()
