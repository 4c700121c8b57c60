"""Pure functions for keeping mention spans anchored through an edit of the text.

``map_spans`` carries mention spans from an old text to a new one through the diff, and
``resolve_quote`` finds a quote (exact text plus context) in a text. No Django here.

Every offset is a Python code-point offset, as everywhere in ``articles.text``.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

# --- Mapping spans through an edit --------------------------------------------------------


class Span(NamedTuple):
    """A stored mention: its offsets in the old text, its quote and the quote's context."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


class Mapped(NamedTuple):
    """Where a span went in the new text.

    ``status`` is "kept" (its words untouched; ``new_text[start:end] == exact``),
    "refound" (edited nearby, but the quote was found unambiguously near its old place
    with matching context; ``new_text[start:end] == exact`` too) or "needs_review"
    (``start``/``end`` are the best mapped guess, possibly empty).
    """

    start: int
    end: int
    status: str


KEPT = "kept"
REFOUND = "refound"
NEEDS_REVIEW = "needs_review"

# How many characters of stored context must match next to a re-found quote.
CONTEXT_CHARS = 8
# Tokens for the coarse diff: a word or other character with the whitespace after it
# (few tokens, rarely repeated, so difflib stays fast on long changed stretches).
_COARSE_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# Tokens for the fine diff inside changed coarse tokens: words, whitespace runs, single
# other characters, so punctuation or spacing edited next to a word leaves it equal.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


class _Opcode(NamedTuple):
    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def _offsets(pieces: list[str]) -> list[int]:
    """Where each piece of a split text starts, and (last) where the text ends."""
    return list(itertools.accumulate((len(piece) for piece in pieces), initial=0))


def _unique_anchored_matcher(old: list[str], new: list[str]) -> difflib.SequenceMatcher:
    """A diff of two lists in which only pieces that occur once on each side anchor matches.

    A repeated piece (a second "Kim", a bare "Kim" line, a blank line) could pair with the
    wrong copy: a mention on a replaced "Kim" would then move silently onto another one,
    and untouched pieces around it would be cast as changed. Repeated pieces still match
    next to an anchor, where their context says which copy they are.
    """
    old_counts, new_counts = Counter(old), Counter(new)
    repeated = {
        piece
        for piece in old_counts.keys() | new_counts.keys()
        if old_counts[piece] > 1 or new_counts[piece] > 1
    }
    return difflib.SequenceMatcher(repeated.__contains__, old, new, autojunk=False)


def _token_opcodes(
    old: str, new: str, old_base: int, new_base: int, pattern: re.Pattern = _TOKEN
) -> list[_Opcode]:
    """Character opcodes for ``old`` -> ``new`` from a diff of their ``pattern`` tokens."""
    old_tokens = pattern.findall(old)
    new_tokens = pattern.findall(new)
    old_offsets, new_offsets = _offsets(old_tokens), _offsets(new_tokens)
    matcher = _unique_anchored_matcher(old_tokens, new_tokens)
    return [
        _Opcode(
            tag,
            old_base + old_offsets[i1],
            old_base + old_offsets[i2],
            new_base + new_offsets[j1],
            new_base + new_offsets[j2],
        )
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def diff_opcodes(old_text: str, new_text: str) -> list[tuple[str, int, int, int, int]]:
    """Character-offset opcodes (as difflib's) turning ``old_text`` into ``new_text``.

    The diff runs on lines first (paragraphs are mostly unique, so this is fast), then on
    words with their trailing whitespace inside changed lines, then on words, whitespace
    and punctuation apart inside changed words. So a re-typed word is "equal", spacing or
    punctuation edited next to a word leaves the word equal, and a changed word is
    replaced whole, never matched letter by letter. Adjacent equal runs are merged.
    """
    old_lines = old_text.splitlines(keepends=True)
    new_lines = new_text.splitlines(keepends=True)
    old_starts, new_starts = _offsets(old_lines), _offsets(new_lines)
    matcher = _unique_anchored_matcher(old_lines, new_lines)
    result: list[_Opcode] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a1, a2, b1, b2 = old_starts[i1], old_starts[i2], new_starts[j1], new_starts[j2]
        if tag == "equal":
            pieces = [_Opcode("equal", a1, a2, b1, b2)]
        else:
            pieces = []
            coarse = _token_opcodes(old_text[a1:a2], new_text[b1:b2], a1, b1, _COARSE_TOKEN)
            for op in coarse:
                if op.tag == "equal":
                    pieces.append(op)
                else:
                    pieces += _token_opcodes(
                        old_text[op.i1 : op.i2], new_text[op.j1 : op.j2], op.i1, op.j1
                    )
        for piece in pieces:
            if piece.i1 == piece.i2 and piece.j1 == piece.j2:
                continue
            if result and result[-1].tag == piece.tag == "equal":
                last = result[-1]
                result[-1] = _Opcode("equal", last.i1, piece.i2, last.j1, piece.j2)
            else:
                result.append(piece)
    return [tuple(op) for op in result]


class _Diff:
    """Opcodes indexed for mapping old offsets and testing new ranges."""

    def __init__(self, old_text: str, new_text: str):
        self.old_len = len(old_text)
        self.new_len = len(new_text)
        # Only ops that cover old text are needed to map old offsets; inserts sit
        # between them, so a start maps after an insert and an end before it.
        self.ops = [_Opcode(*op) for op in diff_opcodes(old_text, new_text) if op[1] < op[2]]
        self.op_starts = [op.i1 for op in self.ops]
        self.op_ends = [op.i2 for op in self.ops]
        self.equal_new = [(op.j1, op.j2) for op in self.ops if op.tag == "equal"]
        self.equal_new_starts = [j1 for j1, _ in self.equal_new]

    def kept(self, start: int, end: int) -> tuple[int, int] | None:
        """The new offsets of old [start, end) if it lies inside one equal run."""
        index = bisect.bisect_right(self.op_starts, start) - 1
        if index < 0:
            return None
        op = self.ops[index]
        if op.tag == "equal" and op.i1 <= start and end <= op.i2:
            return op.j1 + start - op.i1, op.j1 + end - op.i1
        return None

    def map_start(self, pos: int) -> int:
        """New offset of old offset ``pos`` taken as a start (after text inserted there)."""
        index = bisect.bisect_right(self.op_starts, pos) - 1
        if index < 0 or pos >= self.old_len:
            return self.new_len if pos >= self.old_len else 0
        op = self.ops[index]
        return op.j1 + pos - op.i1 if op.tag == "equal" else op.j1

    def map_end(self, pos: int) -> int:
        """New offset of old offset ``pos`` taken as an end (before text inserted there)."""
        if pos <= 0:
            return 0
        index = bisect.bisect_left(self.op_ends, pos)
        if index >= len(self.ops):
            return self.new_len
        op = self.ops[index]
        return op.j1 + pos - op.i1 if op.tag == "equal" else op.j2

    def unchanged(self, start: int, end: int) -> bool:
        """True if new [start, end) is inside one equal run, i.e. it was old text."""
        index = bisect.bisect_right(self.equal_new_starts, start) - 1
        return index >= 0 and end <= self.equal_new[index][1]


def _context_matches(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """True if the characters next to text[start:end] repeat the stored context's."""
    before = prefix[-CONTEXT_CHARS:] if prefix else ""
    after = suffix[:CONTEXT_CHARS]
    return text[max(0, start - len(before)) : start] == before and (
        text[end : end + len(after)] == after
    )


def _refind(text: str, diff: _Diff, span: Span, prefix: str, suffix: str, at: int, to: int):
    """The unique occurrence of the quote near new [at, to), if it is a safe re-anchor."""
    exact = span.exact
    if not exact:
        return None
    window = 2 * len(exact) + 64
    low, high = max(0, at - window), min(len(text), to + window)
    found = text.find(exact, low, high)
    if found == -1 or text.find(exact, found + 1, high) != -1:
        return None
    end = found + len(exact)
    # A quote made only of old, unchanged text is another old word that looks the same
    # (the "Robin" corrected to "Elisa" must not jump to the next "Robin").
    if diff.unchanged(found, end):
        return None
    if not _context_matches(text, found, end, prefix, suffix):
        return None
    return found, end


def _clamp(span: Span, length: int) -> tuple[int, int]:
    """The span's offsets clamped into ``[0, length]`` with start <= end."""
    start = min(max(span.start, 0), length)
    return start, min(max(span.end, start), length)


def map_spans(old_text: str, new_text: str, spans: Sequence[Span]) -> list[Mapped]:
    """Carry each span of ``old_text`` into ``new_text``; one result per span, in order.

    A span lying wholly in text the diff leaves equal is "kept" at its moved offsets;
    text inserted exactly at its edge stays outside it. A span whose words were edited
    is "refound" only if its quote occurs exactly once within a window around its mapped
    place, that occurrence is not some other unchanged old word, and the characters next
    to it repeat the stored prefix/suffix (or the old text's, when none is stored);
    otherwise it is "needs_review" at its mapped place. Offsets satisfy
    ``0 <= start <= end <= len(new_text)``.
    """
    if old_text == new_text:
        return [
            Mapped(sp.start, sp.end, KEPT)
            if 0 <= sp.start <= sp.end <= len(old_text) and old_text[sp.start : sp.end] == sp.exact
            else Mapped(*_clamp(sp, len(new_text)), NEEDS_REVIEW)
            for sp in spans
        ]
    diff = _Diff(old_text, new_text)
    results = []
    for span in spans:
        start = min(max(span.start, 0), len(old_text))
        end = min(max(span.end, start), len(old_text))
        if old_text[start:end] == span.exact:
            moved = diff.kept(start, end)
            if moved is not None:
                results.append(Mapped(moved[0], moved[1], KEPT))
                continue
        new_start = diff.map_start(start)
        new_end = max(new_start, diff.map_end(end))
        prefix = span.prefix or old_text[max(0, start - CONTEXT_CHARS) : start]
        suffix = span.suffix or old_text[end : end + CONTEXT_CHARS]
        found = _refind(new_text, diff, span, prefix, suffix, new_start, new_end)
        if found is not None:
            results.append(Mapped(found[0], found[1], REFOUND))
        else:
            results.append(Mapped(new_start, new_end, NEEDS_REVIEW))
    return results


# --- Resolving a quote -------------------------------------------------------------------


def _common_suffix(first: str, second: str) -> int:
    """How many trailing characters ``first`` and ``second`` share."""
    count = 0
    for a, b in zip(reversed(first), reversed(second), strict=False):
        if a != b:
            break
        count += 1
    return count


def _common_prefix(first: str, second: str) -> int:
    """How many leading characters ``first`` and ``second`` share."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def resolve_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", near: int | None = None
) -> tuple[int, int] | None:
    """Where the quote ``exact`` is in ``text``, as (start, end), or None.

    An occurrence qualifies only if the text next to it repeats the part of
    ``prefix``/``suffix`` adjacent to it (up to CONTEXT_CHARS characters each side), even
    when it is the only one: a quote taken before an edit must not land on the same words
    elsewhere. Of several qualifying, the one sharing the most context wins. A tie is
    broken by distance to ``near`` when given; otherwise (or if still tied) the quote is
    ambiguous and None is returned. None too if ``exact`` is absent.
    """
    if not exact:
        return None
    starts = []
    found = text.find(exact)
    while found != -1:
        starts.append(found)
        found = text.find(exact, found + 1)
    if not starts:
        return None
    size = len(exact)
    need_before = min(len(prefix), CONTEXT_CHARS)
    need_after = min(len(suffix), CONTEXT_CHARS)
    scored = []
    for start in starts:
        before = _common_suffix(prefix, text[max(0, start - len(prefix)) : start])
        after = _common_prefix(suffix, text[start + size : start + size + len(suffix)])
        if before >= need_before and after >= need_after:
            scored.append((before + after, start))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    winners = [start for score, start in scored if score == best]
    if len(winners) > 1 and near is not None:
        closest = min(abs(start - near) for start in winners)
        winners = [start for start in winners if abs(start - near) == closest]
    if len(winners) != 1:
        return None
    return winners[0], winners[0] + size
