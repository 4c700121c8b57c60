"""Benchmark for articles.anchoring: gazetteer build, matching throughput, map_spans.

Run from the repository root: ``.venv/bin/python bench/annotation.py``. It needs no
Django and no database. Figures go to docs/performance.md; tests never time anything.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.anchoring import Entry, Gazetteer, Span, map_spans  # noqa: E402

ALIASES = 100_000
TEXT_MB = 10
SYLLABLES = "ka lo mi ra ten vor shi an del bru nak ol pe zu tar gin fe mo".split()  # noqa: SIM905
WORDS = (  # noqa: SIM905
    "the a of to and in said on for was with that at by from his her after before "
    "government minister talks visit summit border train city week officials "
    "meeting statement year people country president leader spokesman"
).split()


def name(rng: random.Random) -> str:
    """A synthetic capitalised name of one to three words."""
    parts = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        for _ in range(rng.randint(1, 3))
    ]
    return " ".join(parts)


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def bench_gazetteer(insensitive_every: int) -> None:
    """Build and match; every ``insensitive_every``-th alias is case-insensitive (0: none)."""
    rng = random.Random(1)
    surfaces = {name(rng) for _ in range(ALIASES * 2)}
    surfaces = sorted(surfaces)[:ALIASES]
    rng.shuffle(surfaces)
    entries = [
        Entry(i % 60_000, s, case_sensitive=not insensitive_every or i % insensitive_every != 0)
        for i, s in enumerate(surfaces)
    ]
    gazetteer, build = timed(Gazetteer, entries)
    share = (
        f"1 in {insensitive_every} case-insensitive" if insensitive_every else "all case-sensitive"
    )
    print(f"gazetteer build, {len(entries):,} aliases ({share}): {build:.2f} s")

    chunks, size = [], 0
    while size < TEXT_MB * 1_000_000:
        words = [rng.choice(WORDS) for _ in range(12)]
        words[0] = words[0].capitalize()
        words[rng.randrange(12)] = rng.choice(surfaces)
        chunk = " ".join(words) + ". "
        chunks.append(chunk)
        size += len(chunk)
    text = "".join(chunks)
    megabytes = len(text.encode()) / 1e6
    runs = []
    for _ in range(5):
        (matches, ambiguous), seconds = timed(gazetteer.find_with_stats, text)
        runs.append(seconds)
    best = min(runs)
    print(
        f"matching {megabytes:.1f} MB ({share}): best of 5 {best:.2f} s = "
        f"{megabytes / best:.1f} MB/s ({len(matches):,} matches, {ambiguous:,} ambiguous)"
    )

    # The raw automaton passes, for comparison: iter_long (leftmost-longest, the one
    # pass find makes) and iter (every hit, which find runs only over small slices).
    # With all aliases case-sensitive the automaton runs over the text as it is.
    if insensitive_every:
        return
    automaton = gazetteer._automaton
    for method in ("iter_long", "iter"):
        started = time.perf_counter()
        hits = sum(1 for _ in getattr(automaton, method)(text))
        seconds = time.perf_counter() - started
        print(f"  raw automaton.{method}: {megabytes / seconds:.1f} MB/s ({hits:,} hits)")


def bench_map_spans() -> None:
    rng = random.Random(2)
    names = ["Kim Jong Un", "Kim", "Xi Jinping", "Xi", "Vladimir Putin", "Putin"]
    words, mentions = [], []
    for index in range(10_000):
        if index % 10 == 5:
            words.append(rng.choice(names))
            mentions.append(index)
        else:
            words.append(rng.choice(WORDS))
    paragraphs = [" ".join(words[i : i + 100]) + "." for i in range(0, len(words), 100)]
    old = "\n\n".join(paragraphs)
    # Word offsets, found by scanning (names may be several words long).
    spans, offsets, pos = [], [], 0
    for word in words:
        pos = old.index(word, pos)
        offsets.append((pos, word))
        pos += len(word)
    for index in mentions:
        start, word = offsets[index]
        spans.append(Span(start, start + len(word), word, old[max(0, start - 32) : start]))
    new = old
    for position in sorted(rng.sample(range(len(old)), 100), reverse=True):
        kind = rng.choice(["insert", "delete", "replace"])
        if kind == "insert":
            new = new[:position] + " new words " + new[position:]
        elif kind == "delete":
            new = new[:position] + new[position + 6 :]
        else:
            new = new[:position] + "edited" + new[position + 6 :]
    runs = []
    for _ in range(5):
        results, seconds = timed(map_spans, old, new, spans)
        runs.append(seconds)
    statuses = {s: sum(r.status == s for r in results) for s in ("kept", "refound")}
    review = len(results) - sum(statuses.values())
    print(
        f"map_spans, {len(words):,} words, {len(spans):,} mentions, 100 edits: "
        f"median {statistics.median(runs) * 1000:.1f} ms "
        f"({statuses['kept']} kept, {statuses['refound']} refound, {review} needs_review)"
    )


if __name__ == "__main__":
    bench_gazetteer(insensitive_every=0)
    bench_gazetteer(insensitive_every=100)
    bench_map_spans()
