"""Pure functions for finding entity names in text and keeping mention spans anchored.

Two jobs, both without Django (stdlib and pyahocorasick only):

* ``Gazetteer`` finds every entity name or alias in a body with one Aho-Corasick
  automaton: Unicode word boundaries, leftmost-longest, never overlapping, and a short
  alias shared by several entities resolved by the longer form that appeared earlier.
* ``map_spans`` carries mention spans from an old body to a new one through the diff,
  and ``resolve_quote`` finds a quote (exact text plus context) in a body.

Every offset is a Python code-point offset, as everywhere in ``articles.text``.
"""

from __future__ import annotations

import bisect
import difflib
import gc
import itertools
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence, Set
from contextlib import contextmanager
from typing import NamedTuple

import ahocorasick

# --- Gazetteer ---------------------------------------------------------------------------


class Entry(NamedTuple):
    """One name or alias of an entity, as the gazetteer is built from."""

    key: object  # the caller's id for the entity (e.g. its pk)
    surface: str  # a name or alias as written, e.g. "Kim Jong Un", "Kim"
    case_sensitive: bool = True  # False: matches in any case


class Match(NamedTuple):
    """A resolved occurrence of an entity's name; ``surface == text[start:end]``."""

    start: int
    end: int
    key: object
    surface: str


def _is_word_char(char: str) -> bool:
    """True for a character that would glue a match to a longer word: a letter, digit or
    underscore, or a combining mark (an accent written apart, an Indic vowel sign), which
    belongs to the letter before it."""
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


def _lower_char(char: str) -> str:
    """Lower-case one character when that keeps it one character (final sigma folded)."""
    lowered = char.lower()
    if len(lowered) != 1:
        return char
    return "σ" if lowered == "ς" else lowered


def _lower(text: str) -> str:
    """Lower-case ``text`` keeping its length, so offsets into it are offsets into text.

    ``str.lower`` is used when it keeps the length (the usual case, fast); otherwise each
    character is lowered on its own, and a character whose lower case is longer (such as
    "İ") is kept as it is: a case-insensitive alias then matches it only as written.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(map(_lower_char, text))
    return lowered.replace("ς", "σ")


class Gazetteer:
    """All names and aliases in one automaton.

    Build it once (it costs one to two seconds per 100,000 aliases) and call ``find``
    per body. When some alias is case-insensitive, the automaton holds every alias
    lower-cased and runs over a lower-cased copy of the text (same length, so offsets
    carry over); a raw hit then counts only if the text there reads exactly as a
    case-sensitive alias of that form, or if the form has a case-insensitive alias.
    Either way matching is one pass over the text, with case and word boundaries
    checked in Python only for raw hits.
    """

    def __init__(self, entries: Iterable[Entry]):
        exact: dict[str, list] = {}  # case-sensitive surface -> keys
        folded: dict[str, list] = {}  # lower-cased case-insensitive surface -> keys
        for entry in entries:
            if not entry.surface:
                continue
            if entry.case_sensitive:
                keys = exact.setdefault(entry.surface, [])
            else:
                keys = folded.setdefault(_lower(entry.surface), [])
            if entry.key not in keys:
                keys.append(entry.key)
        # Each automaton word maps to (its length, keys, the surface a hit must read as
        # or None for any, and each reading's keys when the form has more than one);
        # the automaton holds these with a shortcut key added (see below).
        values: dict[str, tuple] = {}
        if not folded:
            # The automaton holds the surfaces as written and runs over the text as it
            # is, which saves lower-casing it.
            for surface, keys in exact.items():
                values[surface] = (len(surface), tuple(keys), None, None)
        else:
            for form, keys in folded.items():
                values[form] = (len(form), tuple(keys), None, None)
            for surface, keys in exact.items():
                form = _lower(surface)
                value = values.get(form)
                if value is None:
                    values[form] = (len(form), tuple(keys), surface, None)
                    continue
                # The form has another reading already (rare). Text that reads exactly
                # as this surface also fits the form's case-insensitive aliases, if any,
                # so it goes to their keys too.
                size, first_keys, first, readings = value
                readings = readings or {first: first_keys}
                any_case = readings.get(None, ())
                readings[surface] = (*keys, *(key for key in any_case if key not in keys))
                first = next(reading for reading in readings if reading is not None)
                values[form] = (size, readings[first], first, readings)
        self._fold = bool(folded)
        self._longest = max(map(len, values), default=0)
        shared = set()
        for _, keys, _, readings in values.values():
            for group in readings.values() if readings else [keys]:
                if len(group) > 1:
                    shared.update(group)
        self._shared = frozenset(shared)
        self._automaton = None
        if values:
            self._automaton = ahocorasick.Automaton()
            for word, (size, keys, exact, readings) in values.items():
                # The one key a hit reading ``exact`` (or anything, if None) goes to
                # without further thought, or None when the hit needs resolving.
                sole = keys[0] if len(keys) == 1 and keys[0] not in shared else None
                self._automaton.add_word(word, (size, exact, sole, keys, readings))
            for bridge in _bridges(values.keys()):
                self._automaton.add_word(bridge, (len(bridge), None, None, None, None))
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """The resolved, non-overlapping matches in ``text``, in order."""
        return self.find_with_stats(text)[0]

    def find_with_stats(self, text: str) -> tuple[list[Match], int]:
        """The resolved matches in ``text`` and how many ambiguous occurrences were left out.

        A match is never glued to a word character (letter, digit, underscore) on either
        side; an apostrophe after it is fine ("Kim’s"). Where candidates overlap, the
        leftmost wins, then the longest. An occurrence of a surface shared by several keys
        goes to the key whose longer surface (one containing it, such as the full name)
        was matched most recently before it; with no such clue it is left out and counted.
        """
        if self._automaton is None:
            return [], 0
        with collector_paused():
            return _find(self, text)


_pause_lock = threading.Lock()
_pausing = 0  # how many threads are inside collector_paused()
_resume_collector = False  # whether the collector was on when the first of them came in


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while matches are made.

    A long text gives a hundred thousand small match tuples and no reference cycles, so
    the collector would only walk them, and everything else the process holds, again
    and again (a quarter of the matching time). Threads may overlap: the first one in
    pauses the collector and the last one out resumes it, if it was on to begin with.
    """
    global _pausing, _resume_collector
    with _pause_lock:
        if _pausing == 0:
            _resume_collector = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausing -= 1
            if _pausing == 0 and _resume_collector:
                gc.enable()


# A character that is not a word character: a match may start right after one.
_NON_WORD = re.compile(r"\W")
# ASCII characters that are not word characters: the usual ones around a name, tested
# with one set lookup before the general test.
_ASCII_NON_WORD = frozenset(chr(code) for code in range(128) if not _is_word_char(chr(code)))


def _bridges(words: Set[str]) -> set[str]:
    """The prefixes of ``words`` that end with another word starting after a non-word
    character, such as "Mr Kim Jong" for "Jong" when "Mr Kim Jong Un" is a word.

    ``iter_long`` (pyahocorasick 2.3) reports a word only if it lies on the path it
    walks, or one failure link away and not at the end of the text: it misses "Jong" in
    "Mr Kim Jong said" when "Kim Jong Il" is a word too, and at the end of "Mr Kim Jong".
    Added as words, these prefixes are reported instead; they are no alias, so the
    stretch they cover is searched again. Only words glued to a word character on their
    left, which never match, are still left to the failure links.
    """
    bridges = set()
    shortest = min(map(len, words), default=1)
    for word in words:
        if word.isalnum():
            continue
        for boundary in _NON_WORD.finditer(word):
            start = boundary.end()
            for end in range(start + shortest, len(word)):
                if word[start:end] in words:
                    bridges.add(word[:end])
    return bridges - words


def _reading(keys: tuple | None, exact: str | None, readings: dict | None, surface: str):
    """The keys of a raw hit whose text reads ``surface`` (None if no alias fits it),
    from the parts of its automaton value (see ``Gazetteer.__init__``)."""
    if exact is None or surface == exact:
        return keys
    return None if readings is None else readings.get(surface, readings.get(None))


def _local_hits(gazetteer: Gazetteer, haystack: str, text: str, low: int, high: int):
    """All word-bounded hits that fit an alias and start in ``[low, high)``, by start
    then longest first, as (start, end, surface, keys)."""
    length = len(text)
    window = haystack[low : high + gazetteer._longest]
    found = []
    for end_index, (size, exact, _, keys, readings) in gazetteer._automaton.iter(window):
        start = low + end_index + 1 - size
        end = start + size
        if start >= high or (start > 0 and _is_word_char(text[start - 1])):
            continue
        if end < length and _is_word_char(text[end]):
            continue
        surface = text[start:end]
        keys = _reading(keys, exact, readings, surface)
        if keys is not None:
            found.append((start, end, surface, keys))
    found.sort(key=lambda hit: (hit[0], -hit[1]))
    return found


def _find(gazetteer: Gazetteer, text: str) -> tuple[list[Match], int]:
    """Leftmost-longest, non-overlapping, word-bounded matches, resolved to one key each.

    One ``iter_long`` pass (leftmost-longest, in C) does nearly all the work, and its
    hits that are bounded, fit an alias and are clear of the last accepted one are taken
    as they are. A hit glued to a word ("Kim" in "Kimchi"), in the wrong case ("us" for
    "US"), overlapping the last accepted hit or no alias at all (a bridge) may hide
    shorter hits starting inside it, so only that stretch is searched again with
    ``iter`` over a small slice. Boundaries and case are always read from ``text``.
    Each hit is resolved as it is accepted (see ``Gazetteer.find_with_stats``).
    """
    haystack = _lower(text) if gazetteer._fold else text
    length = len(text)
    shared = gazetteer._shared
    matches: list[Match] = []
    append = matches.append
    new_match = tuple.__new__  # Match(...) without the NamedTuple call overhead (hot path)
    # For each key in ``shared`` (keys sharing a surface with another key: only their
    # matches can be clues), the end offset of the latest match of each lower-cased surface.
    seen: dict[object, dict[str, int]] = {}
    ambiguous = 0

    def take(start: int, end: int, surface: str, keys: tuple) -> None:
        nonlocal ambiguous
        if len(keys) == 1:
            key = keys[0]
        else:
            key = _clue(keys, _lower(surface), seen)
            if key is None:
                ambiguous += 1
                return
        if key in shared:
            seen.setdefault(key, {})[_lower(surface)] = end
        append(new_match(Match, (start, end, key, surface)))

    pos = 0  # end of the last accepted hit
    for end_index, (size, exact, sole, keys, readings) in gazetteer._automaton.iter_long(haystack):
        end = end_index + 1
        if end <= pos:
            continue
        start = end - size
        # (The checks are written out here: this loop is the hot path.)
        if start >= pos:
            before = text[start - 1] if start else " "
            after = text[end] if end < length else " "
            if (before in _ASCII_NON_WORD and after in _ASCII_NON_WORD) or not (
                _is_word_char(before) or _is_word_char(after)
            ):
                surface = text[start:end]
                if exact is None or surface == exact:
                    if sole is not None:
                        append(new_match(Match, (start, end, sole, surface)))
                        pos = end
                        continue
                else:
                    keys = _reading(keys, exact, readings, surface)
                if keys is not None:
                    take(start, end, surface, keys)
                    pos = end
                    continue
        low = max(start, pos)
        # A hit can only start where a word does not continue from the left.
        if low > 0 and _is_word_char(text[low - 1]) and not _NON_WORD.search(text, low, end):
            continue
        for hit in _local_hits(gazetteer, haystack, text, low, end):
            if hit[0] >= pos:
                take(*hit)
                pos = hit[1]
    return matches, ambiguous


def _clue(keys: tuple, folded: str, seen: dict[object, dict[str, int]]) -> object | None:
    """The key whose longer form of ``folded`` was matched most recently, if any
    (``seen`` holds lower-cased forms, as ``folded`` is)."""
    best_key, best_end = None, -1
    for key in keys:
        for longer, end in seen.get(key, {}).items():
            if len(longer) > len(folded) and folded in longer and end > best_end:
                best_key, best_end = key, end
    return best_key


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
