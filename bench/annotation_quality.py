"""How good the annotation is on our own corpus: suggestions against gold, and mentions
carried through copy edits.

Run from the repository root: ``.venv/bin/python bench/annotation_quality.py``. Options:
``--errors`` lists every wrong or missed suggestion and every mis-carried mention;
``--speed`` times the suggestions over every set instead; ``--random N`` also carries
the mentions through N random edits (sentence moves, paragraph swaps, word edits;
``--seed`` picks them); ``--corpus DIR`` measures another
set laid out the same way (gazetteer.json, stories/ and, if it has one, edits.json), such
as the held-out tests/data/annotation_holdout; a set with a second annotator's marking of
its stories (``second/``) is also read against it. ``--sets FIRST-LAST`` measures the
held-out sets of those numbers instead (``annotation_holdout`` is the first), a line each
and their totals, with the two annotators' agreement where a set is marked twice: the
figures docs/annotation-sets.md gives for sets never read for rules, such as ``--sets
208-227``. It needs no Django and no database.

The corpus, its markup and the rules for what counts as right are in tests/corpus.py;
tests/test_annotation_corpus.py keeps the figures from falling.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.anchoring import map_spans  # noqa: E402
from articles.text import sentences  # noqa: E402
from tests import corpus  # noqa: E402

# Outcomes that are never acceptable: a mention left on words that are not its own.
WRONG = (corpus.SILENTLY_WRONG, corpus.ANOTHER_NAME)
# Words a random edit types in.
FILLERS = "also now later officially reportedly quietly again first new local senior".split()  # noqa: SIM905


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def print_suggestions(stories: list[corpus.Story], entities: list[dict], show_errors: bool) -> None:
    """Precision, recall and F1 overall and by kind, traps, and the errors if asked."""
    result = corpus.score(stories, corpus.build_gazetteer(entities))
    tp, fp, fn = result.true_positives, result.false_positives, result.false_negatives
    precision, recall, f1 = corpus.overall(result)
    print("Suggestions")
    print(
        f"  overall: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} "
        f"({sum(tp.values())} right, {sum(fp.values())} false, {sum(fn.values())} missed)"
    )
    for label, tier in (
        ("accepted in bulk", result.in_bulk),
        ("need a look", result.to_look_at),
    ):
        made = tier["right"] + tier["wrong"]
        print(
            f"  {label}: {made} suggestions ({percent(made, sum(tp.values()) + sum(fp.values()))}"
            f"), precision {tier['right'] / made if made else 1:.3f} ({tier['wrong']} false)"
        )
    print(f"  {'kind':<12} {'gold':>5} {'right':>6} {'false':>6} {'missed':>7}  P      R      F1")
    for kind in corpus.GOLD_KINDS:
        p, r, f = corpus.ratios(tp[kind], fp[kind], fn[kind])
        gold = tp[kind] + fn[kind]
        # With nothing found, precision says nothing: show none rather than 1.000.
        p_f = f"{p:.3f}  {r:.3f}  {f:.3f}" if tp[kind] + fp[kind] else f"  -    {r:.3f}    -"
        print(f"  {kind:<12} {gold:>5} {tp[kind]:>6} {fp[kind]:>6} {fn[kind]:>7}  {p_f}")
    print(f"  {'trap kind':<12} {'traps':>5} {'matched':>8}  (each match is a false positive)")
    for kind in corpus.TRAP_KINDS:
        print(f"  {kind:<12} {result.traps[kind]:>5} {result.traps_hit[kind]:>8}")
    print(f"  {corpus.UNMARKED:<12} {'':>5} {fp[corpus.UNMARKED]:>8}  (matches on unmarked text)")
    if show_errors:
        print("  errors (story, offset, surface: expected -> got)")
        for error in result.errors:
            print(
                f"    {error.story} {error.start} {error.surface!r}: "
                f"{error.expected} -> {error.got}  [{error.kind}]"
            )


def print_agreement(
    stories: list[corpus.Story], second: list[corpus.Story], entities: list[dict]
) -> None:
    """How far a second annotator agrees with the gold, and the suggestions read against
    either of the two."""
    agreed = corpus.agreement(stories, second)
    p, r, f = corpus.ratios(agreed.both, agreed.second_only, agreed.first_only)
    print(f"A second annotator ({len(second)} stories)")
    print(
        f"  against the gold: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f} ({agreed.both} "
        f"alike, {agreed.second_only} the second's only, {agreed.first_only} the gold's only)"
    )
    gazetteer = corpus.build_gazetteer(entities)
    p, r, f = corpus.overall(corpus.score(second, gazetteer))
    print(f"  suggestions against the second: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    made, either, both, found = corpus.against_either(stories, second, gazetteer)
    print(
        f"  suggestions either annotator marked so: {either} of {made} ({either / made:.3f}); "
        f"mentions both marked alike that were suggested: {found} of {both} ({found / both:.3f})"
    )


def held_out_set(number: int) -> Path:
    """The directory of held-out set ``number`` (the first has no number in its name)."""
    return corpus.CORPUS.parent / f"annotation_holdout{number if number > 1 else ''}"


def print_sets(first: int, last: int) -> None:
    """Right, wrong and missed suggestions and bulk accept on each held-out set from
    ``first`` to ``last``, their totals, and how far two annotators agree on those of
    them marked twice."""
    total, bulk, agreed = Counter(), Counter(), Counter()
    print(f"  {'set':>4} {'right':>6} {'wrong':>6} {'missed':>6}  P      R      bulk")
    for number in range(first, last + 1):
        directory = held_out_set(number)
        stories = corpus.load_stories(directory / "stories")
        entities = corpus.load_entities(directory / "gazetteer.json")
        result = corpus.score(stories, corpus.build_gazetteer(entities))
        counts = corpus.counts(result)
        p, r, _ = corpus.ratios(counts["right"], counts["wrong"], counts["missed"])
        taken = result.in_bulk["right"] + result.in_bulk["wrong"]
        print(
            f"  {number:>4} {counts['right']:>6} {counts['wrong']:>6} {counts['missed']:>6}  "
            f"{p:.3f}  {r:.3f}  {result.in_bulk['right']}/{taken}"
        )
        total += counts
        bulk += result.in_bulk
        second = corpus.load_second(directory)
        if second:
            both, first_only, second_only = corpus.agreement(stories, second)
            agreed += Counter(sets=1, both=both, first=first_only, second=second_only)
    p, r, f = corpus.ratios(total["right"], total["wrong"], total["missed"])
    taken = bulk["right"] + bulk["wrong"]
    print(
        f"  sets {first}-{last}: {total['right']} right, {total['wrong']} wrong, "
        f"{total['missed']} missed: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}; "
        f"accepted in bulk {bulk['right']} of {taken} right ({percent(bulk['right'], taken)})"
    )
    if agreed:
        p, r, f = corpus.ratios(agreed["both"], agreed["second"], agreed["first"])
        print(
            f"  two annotators, on the {agreed['sets']} of them marked twice: precision "
            f"{p:.3f}, recall {r:.3f}, F1 {f:.3f} ({agreed['both']} alike, "
            f"{agreed['second']} the second's only, {agreed['first']} the gold's only)"
        )


def carry(story: corpus.Story, ops: list[dict]) -> tuple[list[str], list[int]]:
    """Every gold mention's outcome through ``ops``, and which mentions the edit touched."""
    edited = corpus.apply_ops(story, ops)
    mapped = map_spans(story.text, edited.text, corpus.spans_of(story))
    outcomes = [corpus.outcome(story, edited, index, result) for index, result in enumerate(mapped)]
    return outcomes, corpus.touched(story, edited)


def tally(outcomes: list[str], touched: list[int], untouched: Counter, hit: Counter) -> None:
    """Add each outcome to ``untouched`` or ``hit`` (the mentions the edit touched)."""
    touched_set = set(touched)
    for index, outcome in enumerate(outcomes):
        (hit if index in touched_set else untouched)[outcome] += 1


def print_outcomes(label: str, untouched: Counter, hit: Counter) -> None:
    """Counts of outcomes for untouched and touched mentions."""
    print(f"  {label}")
    for name, counts in (("untouched mentions", untouched), ("touched mentions", hit)):
        total = sum(counts.values())
        figures = ", ".join(f"{counts[outcome]} {outcome}" for outcome in corpus.OUTCOMES)
        print(f"    {name} ({total}): {figures}")
    print(
        f"    share of untouched mentions flagged: "
        f"{percent(untouched[corpus.FLAGGED], sum(untouched.values()))}"
        " (touched ones should all be flagged, or kept right on re-typed words; target < 1%)"
    )
    wrong = sum(counts[outcome] for counts in (untouched, hit) for outcome in WRONG)
    print(f"    mentions silently wrong or kept on another entity's name: {wrong} (target 0)")


def print_edits(stories: dict[str, corpus.Story], edits: list[dict], show_errors: bool) -> None:
    """The outcome of every mention through each edit of edits.json."""
    print("Re-anchoring through the edits of edits.json")
    untouched, hit = Counter(), Counter()
    for edit in edits:
        story = stories[edit["story"]]
        outcomes, touched = carry(story, edit["ops"])
        mine_untouched, mine_hit = Counter(), Counter()
        tally(outcomes, touched, mine_untouched, mine_hit)
        untouched += mine_untouched
        hit += mine_hit
        wrong = [
            (index, outcome)
            for index, outcome in enumerate(outcomes)
            if outcome != (corpus.FLAGGED if index in touched else corpus.KEPT_RIGHT)
        ]
        flagged = mine_untouched[corpus.FLAGGED]
        print(
            f"  {edit['story']}: {edit['title']}: {len(outcomes) - len(touched)} untouched "
            f"({flagged} flagged), {len(touched)} touched "
            f"({', '.join(f'{n} {o}' for o, n in mine_hit.items()) or '-'})"
        )
        if show_errors:
            for index, outcome in wrong:
                gold = story.gold[index]
                where = "touched" if index in touched else "untouched"
                print(f"      {story.text[gold.start : gold.end]!r} ({where}): {outcome}")
    print_outcomes("all edits", untouched, hit)


# --- Random edits ------------------------------------------------------------------------


def unique(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` widened until ``text[start:end]`` occurs once in ``text``."""
    while text.count(text[start:end]) > 1:
        start, end = max(0, start - 1), min(len(text), end + 1)
    return start, end


# The kinds of random edit: a word replaced, deleted or typed in; a sentence moved before
# another; two paragraphs swapped.
RANDOM_KINDS = ("word", "sentence", "paragraph")


def random_op(text: str, rng: random.Random, kind: str) -> dict | None:
    """One random copy edit of ``kind`` to ``text``, as an op of edits.json, or None if
    the pick does not fit (too few sentences or paragraphs)."""
    if kind == "word":
        words = list(re.finditer(r"\w+", text))
        word = rng.choice(words)
        start, end = unique(text, word.start(), word.end())
        old = text[start:end]
        at, size = word.start() - start, word.end() - word.start()
        how = rng.choice(["replace", "delete", "insert"])
        if how == "replace":
            new = old[:at] + rng.choice(FILLERS) + old[at + size :]
        elif how == "delete":
            # The word and the space after it, if any, so no double space is left.
            gap = 1 if old[at + size : at + size + 1] == " " else 0
            new = old[:at] + old[at + size + gap :]
        else:
            new = old[:at] + rng.choice(FILLERS) + " " + old[at:]
        return {"replace": old, "with": new}
    if kind == "sentence":
        # A sentence with a space after it moves before the start of another.
        spans = [(s, e) for s, e in sentences(text) if text[e : e + 1] == " "]
        starts = [s for s, _ in sentences(text)]
        if not spans or len(starts) < 2:
            return None
        start, end = rng.choice(spans)
        piece = text[start : end + 1]
        if text.count(piece) != 1:
            return None
        rest = text[:start] + text[end + 1 :]
        targets = [
            s if s < start else s - len(piece) for s in starts if s != start and s != end + 1
        ]
        if not targets:
            return None
        to = rng.choice(targets)
        # The anchor is the start of the target sentence, as long as it must be to be
        # unique.
        high = to + 1
        while rest.count(rest[to:high]) > 1:
            high += 1
        return {"move": piece, "before": rest[to:high]}
    lines = text.split("\n")
    if len(lines) < 2:
        return None
    first, second = rng.sample(range(len(lines)), 2)
    openings = []
    for line in (lines[first], lines[second]):
        size = 1
        while size < len(line) and sum(other.startswith(line[:size]) for other in lines) > 1:
            size += 1
        if sum(other.startswith(line[:size]) for other in lines) > 1:
            return None
        openings.append(line[:size])
    return {"swap": openings}


def print_random(stories: list[corpus.Story], trials: int, seed: int, show: bool) -> None:
    """Outcomes through ``trials`` random edits, each of one to three ops of one kind."""
    rng = random.Random(seed)
    untouched = {kind: Counter() for kind in RANDOM_KINDS}
    hit = {kind: Counter() for kind in RANDOM_KINDS}
    examples = []
    for _ in range(trials):
        story = rng.choice(stories)
        kind = rng.choice(RANDOM_KINDS)
        ops, text = [], story.text
        for _ in range(rng.randint(1, 3)):
            op = random_op(text, rng, kind)
            if op is not None:
                ops.append(op)
                text = corpus.apply_ops(story, ops).text
        outcomes, touched = carry(story, ops)
        tally(outcomes, touched, untouched[kind], hit[kind])
        for index, outcome in enumerate(outcomes):
            if index not in touched and outcome != corpus.KEPT_RIGHT:
                examples.append((story.name, story.gold[index], outcome, ops))
    print(f"Re-anchoring through {trials} random edits (seed {seed})")
    for kind in RANDOM_KINDS:
        print_outcomes(f"{kind} edits", untouched[kind], hit[kind])
    print_outcomes(
        "all random edits", sum(untouched.values(), Counter()), sum(hit.values(), Counter())
    )
    if show:
        print("  untouched mentions not kept right (the first 20)")
        for name, gold, outcome, ops in examples[:20]:
            print(f"    {name} {gold.start} {gold.key}: {outcome} after {ops}")


def print_speed(rounds: int = 5) -> None:
    """How fast suggestions are made, rules and all, over every story of every set in
    tests/data/ (the best of ``rounds`` runs, on one core)."""
    pairs = []
    for directory in sorted(corpus.CORPUS.parent.glob("annotation_*")):
        gazetteer = corpus.build_gazetteer(corpus.load_entities(directory / "gazetteer.json"))
        pairs += [(gazetteer, story.text) for story in corpus.load_stories(directory / "stories")]
    chars = sum(len(text) for _, text in pairs)
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        for gazetteer, text in pairs:
            gazetteer.find(text)
        best = min(best, time.perf_counter() - began)
    print(
        f"Suggestions: {len(pairs)} stories, {chars:,} characters in {best * 1000:.0f} ms "
        f"({chars / best / 1e6:.2f} MB/s, {best / len(pairs) * 1000:.1f} ms a story)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument("--random", type=int, default=0, metavar="N", help="N random edits")
    parser.add_argument("--seed", type=int, default=1, help="seed for --random")
    parser.add_argument(
        "--corpus", type=Path, default=corpus.CORPUS, metavar="DIR", help="the set to measure"
    )
    parser.add_argument(
        "--speed", action="store_true", help="time the suggestions over every set instead"
    )
    parser.add_argument(
        "--sets", metavar="FIRST-LAST", help="the held-out sets of these numbers instead"
    )
    args = parser.parse_args()
    if args.speed:
        print_speed()
        return
    if args.sets:
        bounds = re.fullmatch(r"(\d+)-(\d+)", args.sets)
        if (
            not bounds
            or not 1 <= int(bounds[1]) <= int(bounds[2])
            or not held_out_set(int(bounds[2])).is_dir()
        ):
            parser.error(f"--sets {args.sets}: give the numbers of two held-out sets, as 208-227")
        print_sets(int(bounds[1]), int(bounds[2]))
        return
    stories = corpus.load_stories(args.corpus / "stories")
    entities = corpus.load_entities(args.corpus / "gazetteer.json")
    print_suggestions(stories, entities, args.errors)
    second = corpus.load_second(args.corpus)
    if second:
        print()
        print_agreement(stories, second, entities)
    edits = args.corpus / "edits.json"
    if edits.exists():
        print()
        print_edits({story.name: story for story in stories}, corpus.load_edits(edits), args.errors)
    if args.random:
        print()
        print_random(stories, args.random, args.seed, args.errors)


if __name__ == "__main__":
    main()
