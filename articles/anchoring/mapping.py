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
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from articles.text import sentences

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

    ``status`` is "kept" (its words untouched, where they stand or moved with their whole
    sentence or paragraph; ``new_text[start:end] == exact``), "refound" (edited nearby,
    but the quote was found unambiguously near its old place with matching context;
    ``new_text[start:end] == exact`` too) or "needs_review". A span needing review covers
    no words another span holds: either the words that replaced its own (``reason`` is
    CHANGED), its own words now part of a longer name (LONGER_NAME), or none at all
    (``start == end``, a place between words: its words are gone, and ``reason`` says
    how, or is "" when the span had no place already).
    """

    start: int
    end: int
    status: str
    reason: str = ""


KEPT = "kept"
REFOUND = "refound"
NEEDS_REVIEW = "needs_review"

# Why a span needs review (Mapped.reason); the database stores the same words.
CHANGED = "changed"  # other words stand in its place, and it covers them
LONGER_NAME = "longer_name"  # its words stand, but now as part of a longer name
WORDS_DELETED = "words_deleted"  # its words went; their sentence stays
SENTENCE_DELETED = "sentence_deleted"
PARAGRAPH_DELETED = "paragraph_deleted"
REWRITTEN = "rewritten"  # its sentence or passage was rewritten without its words
MOVED = "moved"  # its sentence moved (twice there, or edited too): where to is unsure
REASONS = (
    CHANGED,
    LONGER_NAME,
    WORDS_DELETED,
    SENTENCE_DELETED,
    PARAGRAPH_DELETED,
    REWRITTEN,
    MOVED,
)

# How many characters of stored context must match next to a re-found quote.
CONTEXT_CHARS = 8
# How far past the search window around its place a quote is looked for, when the text
# there was changed: a revert may bring back a whole paragraph with the name inside it.
REFIND_REACH = 4000
# Tokens for the coarse diff: a word or other character with the whitespace after it
# (few tokens, rarely repeated, so difflib stays fast on long changed stretches).
_COARSE_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# Tokens for the fine diff inside changed coarse tokens: words, whitespace runs, single
# other characters, so punctuation or spacing edited next to a word leaves it equal.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w")
_LETTERS = re.compile(r"[^\W_]+")
_LAST_LETTERS = re.compile(r"(?<![^\W_])[^\W_]+\Z")


class _Opcode(NamedTuple):
    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


class _Move(NamedTuple):
    """A line or sentence found whole and once in each text: old [i1, i2) is new
    [j1, j1 + i2 - i1)."""

    i1: int
    i2: int
    j1: int


def _offsets(pieces: list[str]) -> list[int]:
    """Where each piece of a split text starts, and (last) where the text ends."""
    return list(itertools.accumulate((len(piece) for piece in pieces), initial=0))


def _unique_anchored_matcher(old: list, new: list) -> difflib.SequenceMatcher:
    """A diff of two lists in which only pieces that occur once on each side anchor matches.

    A repeated piece (a second "Kim", a bare "Kim" line, a blank line) could pair with the
    wrong copy: a mention on a replaced "Kim" would then move silently onto another one,
    and untouched pieces around it would be cast as changed. Nor does a piece without a
    word anchor (a space, a comma): in "Kim w3" -> "w3 also", the space would pair first
    and "w3" be cast as replaced by "also", "Kim" by "w3". Such pieces still match next
    to an anchor, where their context says which copy they are.
    """
    old_counts, new_counts = Counter(old), Counter(new)
    loose = {
        piece
        for piece in old_counts.keys() | new_counts.keys()
        if old_counts[piece] > 1
        or new_counts[piece] > 1
        or (isinstance(piece, str) and not (piece[:1].isalnum() or _WORD.search(piece)))
    }
    return difflib.SequenceMatcher(loose.__contains__, old, new, autojunk=False)


def _keys(tokens: list[str], offsets: list[int], base: int, blocked, side: str) -> list:
    """The tokens to diff: each token starting inside a ``blocked`` range (sorted, apart)
    becomes a key that matches nothing, so the diff cannot pair its words with others."""
    if not blocked:
        return tokens
    keys: list = list(tokens)
    at = max(0, bisect.bisect_right(blocked, (base,)) - 1)
    for index in range(len(tokens)):
        pos = base + offsets[index]
        while at < len(blocked) and blocked[at][1] <= pos:
            at += 1
        if at == len(blocked):
            break
        if blocked[at][0] <= pos:
            keys[index] = (side, index)
    return keys


def _token_opcodes(
    old: str,
    new: str,
    old_base: int,
    new_base: int,
    pattern: re.Pattern = _TOKEN,
    blocked: tuple[list, list] | None = None,
) -> list[_Opcode]:
    """Character opcodes for ``old`` -> ``new`` from a diff of their ``pattern`` tokens;
    tokens inside the ``blocked`` (old, new) ranges are never equal."""
    old_tokens = pattern.findall(old)
    new_tokens = pattern.findall(new)
    old_offsets, new_offsets = _offsets(old_tokens), _offsets(new_tokens)
    old_blocked, new_blocked = blocked or ([], [])
    matcher = _unique_anchored_matcher(
        _keys(old_tokens, old_offsets, old_base, old_blocked, "old"),
        _keys(new_tokens, new_offsets, new_base, new_blocked, "new"),
    )
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


def _sentences(text: str, line_start: int, line_end: int, cache: dict) -> list[tuple[int, int]]:
    """The sentences of one line of ``text``, kept in ``cache`` (one for each text)."""
    line = (line_start, line_end)
    if line not in cache:
        cache[line] = sentences(text, line_start, line_end)
    return cache[line]


def _blocks(text: str, stretches: list[tuple[int, int]], cache: dict) -> dict[str, set]:
    """The lines and sentences inside ``stretches`` (whole lines of ``text``) that hold a
    word, by their text."""
    found: dict[str, set[tuple[int, int]]] = {}
    for low, high in stretches:
        line_start = low
        while line_start < high:
            line_end = text.find("\n", line_start, high)
            if line_end == -1:
                line_end = high
            for start, end in [
                (line_start, line_end),
                *_sentences(text, line_start, line_end, cache),
            ]:
                piece = text[start:end]
                if _WORD.search(piece):
                    found.setdefault(piece, set()).add((start, end))
            line_start = line_end + 1
    return found


def _moved_blocks(
    old_text: str,
    new_text: str,
    old_changed: list[tuple[int, int]],
    new_changed: list[tuple[int, int]],
    caches: tuple[dict, dict],
) -> list[_Move]:
    """Lines and sentences of the changed lines that stand whole in both texts, and
    exactly once in each: a paragraph or sentence moved (or left as it was in a line
    edited elsewhere). Its words are the same words, so its mentions go with it.

    Once means once anywhere, even inside a longer line or sentence: a sentence deleted
    here and standing again there as part of another ("Kim left." in "Then Kim left.")
    is no move. A sentence in the text twice is never taken: which copy is which cannot
    be known, so its mentions are flagged rather than guessed.
    """
    if not old_changed or not new_changed:
        return []
    old_blocks = _blocks(old_text, old_changed, caches[0])
    new_blocks = _blocks(new_text, new_changed, caches[1])
    found = []
    for piece, places in old_blocks.items():
        there = new_blocks.get(piece)
        if there is None or len(places) != 1 or len(there) != 1:
            continue
        if old_text.count(piece) != 1 or new_text.count(piece) != 1:
            continue
        ((i1, i2),) = places
        ((j1, _),) = there
        found.append(_Move(i1, i2, j1))
    # A moved line's sentences are found too, inside it: the line is kept, they are not.
    # (Blocks that occur once cannot overlap otherwise.)
    found.sort(key=lambda move: (move.i1, move.i1 - move.i2))
    moves: list[_Move] = []
    for move in found:
        if not moves or moves[-1].i2 <= move.i1:
            moves.append(move)
    return moves


def _diff(
    old_text: str, new_text: str, caches: tuple[dict, dict]
) -> tuple[list[_Opcode], list[_Move]]:
    """The opcodes of diff_opcodes, and the lines and sentences moved whole.

    A block found once in each text that the plain diff does not carry whole onto its copy
    was moved (or its words were paired with lookalikes around it: in two paragraphs
    swapped, a "Kim" of one with the "Kim" of the other). Such blocks are taken out of
    the diff, which is made again without them, until every such block is either carried
    whole or taken out. Blocks the plain diff carries are left in it, so a span reaching
    from one into edited text next to it is still kept.
    """
    old_lines = old_text.splitlines(keepends=True)
    new_lines = new_text.splitlines(keepends=True)
    old_starts, new_starts = _offsets(old_lines), _offsets(new_lines)
    line_ops = _unique_anchored_matcher(old_lines, new_lines).get_opcodes()
    changed = [op for op in line_ops if op[0] != "equal"]
    candidates = _moved_blocks(
        old_text,
        new_text,
        [(old_starts[i1], old_starts[i2]) for _, i1, i2, _, _ in changed if i1 < i2],
        [(new_starts[j1], new_starts[j2]) for _, _, _, j1, j2 in changed if j1 < j2],
        caches,
    )
    moves: list[_Move] = []
    ops = _fine_opcodes(old_text, new_text, line_ops, old_starts, new_starts, moves)
    # Each round takes out at least one more block, so this ends; it rarely takes two.
    while True:
        starts = [op.i1 for op in ops]
        stray = [
            move
            for move in candidates
            if move not in moves and not _carried(old_text, ops, starts, move)
        ]
        if not stray:
            return ops, moves
        moves = sorted(moves + stray)
        ops = _fine_opcodes(old_text, new_text, line_ops, old_starts, new_starts, moves)


def _carried(old_text: str, ops: list[_Opcode], starts: list[int], move: _Move) -> bool:
    """True if the diff carries the words of the block of ``move`` onto its copy: every
    equal op over the block moves it as far as the copy lies, and they hold all its
    word characters (which of two ". " the diff pairs is of no matter)."""
    index = max(0, bisect.bisect_right(starts, move.i1) - 1)
    shift = move.j1 - move.i1
    while index < len(ops) and ops[index].i1 < move.i2:
        op = ops[index]
        if op.i2 > move.i1:
            if op.tag == "equal":
                if op.j1 - op.i1 != shift:
                    return False
            elif _WORD.search(old_text, max(op.i1, move.i1), min(op.i2, move.i2)):
                return False
        index += 1
    return True


def _fine_opcodes(
    old_text: str,
    new_text: str,
    line_ops: list,
    old_starts: list[int],
    new_starts: list[int],
    moves: list[_Move],
) -> list[_Opcode]:
    """Character opcodes from the line opcodes: changed lines diffed by words, changed
    words by words, spaces and punctuation, with the words of ``moves`` paired with
    nothing."""
    blocked = (
        [(move.i1, move.i2) for move in moves],
        sorted((move.j1, move.j1 + move.i2 - move.i1) for move in moves),
    )
    result: list[_Opcode] = []
    for tag, i1, i2, j1, j2 in line_ops:
        a1, a2, b1, b2 = old_starts[i1], old_starts[i2], new_starts[j1], new_starts[j2]
        if tag == "equal":
            pieces = [_Opcode("equal", a1, a2, b1, b2)]
        else:
            pieces = []
            coarse = _token_opcodes(
                old_text[a1:a2], new_text[b1:b2], a1, b1, _COARSE_TOKEN, blocked
            )
            for op in coarse:
                if op.tag == "equal":
                    pieces.append(op)
                else:
                    pieces += _token_opcodes(
                        old_text[op.i1 : op.i2],
                        new_text[op.j1 : op.j2],
                        op.i1,
                        op.j1,
                        _TOKEN,
                        blocked,
                    )
        for piece in pieces:
            if piece.i1 == piece.i2 and piece.j1 == piece.j2:
                continue
            if result and result[-1].tag == piece.tag == "equal":
                last = result[-1]
                result[-1] = _Opcode("equal", last.i1, piece.i2, last.j1, piece.j2)
            else:
                result.append(piece)
    return result


# A sentence of which the diff carries less than this share of its other words next to a
# place is not the sentence that place is in now (see _Diff.alike).
SENTENCES_ALIKE = 0.5
_WORDS = re.compile(r"\w+")
# Words any edit may take out anywhere, which say nothing of words moved in with them.
_FUNCTION_WORDS = frozenset(
    ("a", "an", "the", "of", "and", "or", "but", "in", "on", "at", "to", "for", "by", "with")
    + ("from", "as", "into", "than", "that", "this", "is", "was", "are", "were", "be", "been")
    + ("has", "have", "had", "it", "its", "he", "she", "they", "his", "her", "their", "said")
)
# What ends a sentence, for _Diff.alike: final punctuation and the space after it.
_STOPS = (". ", "? ", "! ", "… ", ".” ", "?” ", "!” ", ".’ ", ".) ")


def _nearest(text: str, start: int, end: int, forward: bool, word_ok, place_ok=None):
    """The nearest word to text[start:end] on one side, within a few words, that
    ``word_ok`` takes (by its text) and ``place_ok`` (by its offset), as (word, offset);
    or None."""
    if forward:
        found = itertools.islice(_WORDS.finditer(text, end, end + 80), 8)
    else:
        found = list(_WORDS.finditer(text, max(0, start - 80), start))[::-1][:8]
        if start > 80 and found and found[-1].start() == start - 80:
            found.pop()  # it may be cut
    for match in found:
        if (word_ok is None or word_ok(match.group())) and (
            place_ok is None or place_ok(match.start())
        ):
            return match.group(), match.start()
    return None


def _sentence_around(text: str, line: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence of ``line`` that [start, end) stands in, found by its final
    punctuation alone, with no rule for "U.S." or "Dr.": a cut too many makes a shorter
    sentence, which is no matter to _Diff.alike, and reading only around the place is
    what keeps it fast (a paragraph may be long)."""
    starts = ((text.rfind(stop, line[0], start), len(stop)) for stop in _STOPS)
    low = max([line[0], *(at + size for at, size in starts if at != -1)])
    ends = (text.find(stop, max(low, end - 1), line[1]) for stop in _STOPS)
    return low, min([line[1], *(found + 1 for found in ends if found != -1)])


def diff_opcodes(old_text: str, new_text: str) -> list[tuple[str, int, int, int, int]]:
    """Character-offset opcodes (as difflib's) turning ``old_text`` into ``new_text``.

    The diff runs on lines first (paragraphs are mostly unique, so this is fast), then on
    words with their trailing whitespace inside changed lines, then on words, whitespace
    and punctuation apart inside changed words. So a re-typed word is "equal", spacing or
    punctuation edited next to a word leaves the word equal, and a changed word is
    replaced whole, never matched letter by letter. Adjacent equal runs are merged. A
    line or sentence that moved whole (see _moved_blocks) is deleted where it was and
    inserted where it is: none of its words is paired with words around it.
    """
    return [tuple(op) for op in _diff(old_text, new_text, ({}, {}))[0]]


class _Diff:
    """Opcodes and moves indexed for mapping old offsets and testing new ranges."""

    def __init__(self, old_text: str, new_text: str):
        self.old_text, self.new_text = old_text, new_text
        self.old_len = len(old_text)
        self.new_len = len(new_text)
        # The sentences of each text's lines, found once for all that reads them.
        self.old_sentences: dict = {}
        self.new_sentences: dict = {}
        ops, self.moves = _diff(old_text, new_text, (self.old_sentences, self.new_sentences))
        self.all_ops = ops
        self.all_new_starts = [op.j1 for op in ops]
        # Only ops that cover old text are needed to map old offsets; inserts sit
        # between them, so a start maps after an insert and an end before it.
        self.ops = [op for op in ops if op.i1 < op.i2]
        self.op_starts = [op.i1 for op in self.ops]
        self.op_ends = [op.i2 for op in self.ops]
        self.move_starts = [move.i1 for move in self.moves]
        # Old text in the new: equal runs and moved blocks (which never overlap).
        self.equal_new = sorted(
            [(op.j1, op.j2) for op in self.ops if op.tag == "equal"]
            + [(move.j1, move.j1 + move.i2 - move.i1) for move in self.moves]
        )
        self.equal_new_starts = [j1 for j1, _ in self.equal_new]
        self.moved_new = sorted((move.j1, move.j1 + move.i2 - move.i1) for move in self.moves)
        self._counts: dict[tuple[str, bool], int] = {}  # see count
        self._same_lines: dict = {}  # whether two lines are the same (see alike)
        self._taken_out: Counter | None = None  # see taken_out

    def _move_at(self, pos: int, as_end: bool = False) -> _Move | None:
        """The move whose block holds old offset ``pos`` (as a start, or as an end)."""
        index = bisect.bisect_right(self.move_starts, pos - 1 if as_end else pos) - 1
        if index < 0:
            return None
        move = self.moves[index]
        inside = move.i1 < pos <= move.i2 if as_end else move.i1 <= pos < move.i2
        return move if inside else None

    def kept(self, start: int, end: int) -> tuple[int, int, bool] | None:
        """The new offsets of old [start, end) if it lies inside one equal run or one
        moved block, and whether the words next to it on both sides are as they were (the
        run goes on past the space and into the word each side: the diff never cuts a
        word, so the whole word is there)."""
        index = bisect.bisect_right(self.op_starts, start) - 1
        if index >= 0:
            op = self.ops[index]
            if op.tag == "equal" and op.i1 <= start and end <= op.i2:
                new_start, new_end = op.j1 + start - op.i1, op.j1 + end - op.i1
                # Equal with the characters around it, as a refound span must be; or in
                # one sentence edited; or else, not beside a word found once in each text
                # that stood elsewhere, and beside one that stood beside it, or itself
                # words found once (with no lookalike to be paired with).
                in_context = start - op.i1 >= min(CONTEXT_CHARS, start) and op.i2 - end >= min(
                    CONTEXT_CHARS, self.old_len - end
                )
                if not in_context and not self.alike(start, end, new_start, new_end):
                    said = self.neighbours(start, end, new_start, new_end)
                    if said != "beside" and (said or not self.once(self.old_text[start:end])):
                        return None
                return new_start, new_end, start - op.i1 >= 2 and op.i2 - end >= 2
        index = bisect.bisect_right(self.move_starts, start) - 1
        if index >= 0:
            move = self.moves[index]
            if move.i1 <= start and end <= move.i2:
                return move.j1 + start - move.i1, move.j1 + end - move.i1, False
        return None

    def neighbours(self, start: int, end: int, new_start: int, new_end: int) -> str:
        """What the nearest words say of old [start, end) kept at new [new_start, new_end).

        On each side: the old place's nearest word the diff carries, and the new place's
        nearest word found in the old text too (words an edit typed are passed over),
        within a few words, whatever the line (an edit may join two paragraphs).
        "elsewhere" if, on a side, the new one is found once in each text and is not the
        old one ("Kim" paired with the "Kim" of "w4 Kim w5", w4 and w5 being words of
        another sentence); "beside" if it is the old one; else "" (no say).
        """
        said = ""
        for forward in (False, True):
            new_word = _nearest(
                self.new_text, new_start, new_end, forward, lambda word: self.count(word, True)
            )
            if new_word is None or not self.count(new_word[0], True) == 1 == self.count(
                new_word[0], False
            ):
                continue
            old_word = _nearest(self.old_text, start, end, forward, None, self.carried)
            if old_word is not None and old_word[0] != new_word[0]:
                return "elsewhere"
            if old_word is not None:
                said = "beside"
        return said

    def count(self, word: str, old: bool) -> int:
        """How often ``word`` stands as a whole word in the old text (or the new): 0, 1,
        or 2 for more. Counted when asked, as few words are."""
        key = (word, old)
        if key not in self._counts:
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
            found = pattern.finditer(self.old_text if old else self.new_text)
            self._counts[key] = sum(1 for _ in itertools.islice(found, 2))
        return self._counts[key]

    def carried(self, pos: int) -> bool:
        """True if old offset ``pos`` is in an equal run."""
        index = bisect.bisect_right(self.op_starts, pos) - 1
        return index >= 0 and self.ops[index].tag == "equal" and pos < self.ops[index].i2

    def once(self, words: str) -> bool:
        """True if ``words`` occur once in the old text and at most once in the new, as
        whole words ("w1" is not in "w11")."""
        return self.count(words, True) == 1 >= self.count(words, False)

    def alike(self, start: int, end: int, new_start: int, new_end: int) -> bool:
        """True if old [start, end) and new [new_start, new_end) stand in one sentence
        edited: the two lines are the same, or the diff carries half or more of the other
        words of the old sentence (those not of the place) into the line of the new place.

        The word diff pairs a word found once in a changed stretch with its lookalike
        there, whatever sentence each is in: a sentence deleted where another, edited and
        moved, now stands would give its "Kim" to the other's. The rest of that sentence
        went; words whose sentence went with them are not the same words. (A sentence
        split or joined to another by an edit keeps its words, and so its names.)
        """
        old, ops = self.old_text, self.ops
        old_line = self._line(old, start, end)
        new_line = self._line(self.new_text, new_start, new_end)
        pair = (old_line, new_line)
        if pair not in self._same_lines:
            self._same_lines[pair] = old[slice(*old_line)] == self.new_text[slice(*new_line)]
        if self._same_lines[pair]:
            return True
        low, high = _sentence_around(old, old_line, start, end)
        own = len(_WORDS.findall(old, start, end))
        others = len(_WORDS.findall(old, low, high)) - own
        if others <= 0:
            return True  # a sentence of nothing but the name says nothing either way
        carried = 0
        index = max(0, bisect.bisect_right(self.op_starts, low) - 1)
        while index < len(ops) and ops[index].i1 < high:
            op = ops[index]
            if op.tag == "equal":
                # The part of the sentence, less the place, this run carries into the new
                # place's line.
                first = max(low, op.i1, op.i1 + new_line[0] - op.j1)
                last = min(high, op.i2, op.i1 + new_line[1] - op.j1)
                for a, b in ((first, min(last, start)), (max(first, end), last)):
                    if a < b:
                        carried += len(_WORDS.findall(old, a, b))
            index += 1
        return carried / others >= SENTENCES_ALIKE

    @staticmethod
    def _line(text: str, start: int, end: int) -> tuple[int, int]:
        line_end = text.find("\n", max(start, end - 1) if end > start else start)
        return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end

    def map_start(self, pos: int) -> int:
        """New offset of old offset ``pos`` taken as a start (after text inserted there)."""
        move = self._move_at(pos)
        if move is not None:
            return move.j1 + pos - move.i1
        index = bisect.bisect_right(self.op_starts, pos) - 1
        if index < 0 or pos >= self.old_len:
            return self.new_len if pos >= self.old_len else 0
        op = self.ops[index]
        return op.j1 + pos - op.i1 if op.tag == "equal" else op.j1

    def map_end(self, pos: int) -> int:
        """New offset of old offset ``pos`` taken as an end (before text inserted there)."""
        if pos <= 0:
            return 0
        move = self._move_at(pos, as_end=True)
        if move is not None:
            return move.j1 + pos - move.i1
        index = bisect.bisect_left(self.op_ends, pos)
        if index >= len(self.ops):
            return self.new_len
        op = self.ops[index]
        return op.j1 + pos - op.i1 if op.tag == "equal" else op.j2

    def unchanged(self, start: int, end: int) -> bool:
        """True if new [start, end) is inside one equal run or moved block, i.e. it was
        old text."""
        index = bisect.bisect_right(self.equal_new_starts, start) - 1
        return index >= 0 and end <= self.equal_new[index][1]

    def new_words(self, start: int, end: int) -> bool:
        """True if new [start, end) holds a word character outside every moved block:
        words written there, not old words moved in."""
        at = start
        index = max(0, bisect.bisect_left(self.moved_new, (start,)) - 1)
        for low, high in self.moved_new[index:]:
            if low >= end:
                break
            if high <= at:
                continue
            if low > at and _WORD.search(self.new_text, at, low):
                return True
            at = max(at, high)
        return at < end and bool(_WORD.search(self.new_text, at, end))

    def taken_out(self, words: Iterable[str], start: int, end: int) -> bool:
        """True if one of ``words`` is a word of the old text that the edit deleted or
        replaced outside old [start, end); function words ("the", "of") do not count, as
        any edit may take them out."""
        if self._taken_out is None:
            self._taken_out = Counter(
                word
                for op in self.ops
                if op.tag != "equal"
                for word in _WORDS.findall(self.old_text, op.i1, op.i2)
                if word.lower() not in _FUNCTION_WORDS
            )
        inside = Counter(_WORDS.findall(self.old_text, start, end))
        return any(self._taken_out[word] > inside[word] for word in words)

    def into_moved(self, start: int, end: int) -> bool:
        """True if new [start, end) overlaps a moved block."""
        index = bisect.bisect_left(self.moved_new, (end,))
        return index > 0 and self.moved_new[index - 1][1] > start

    def changed_near(self, at: int, to: int) -> tuple[int, int]:
        """The new stretch of the changed text touching new [at, to], with [at, to]."""
        low, high = at, to
        index = max(0, bisect.bisect_right(self.all_new_starts, at) - 1)
        while index > 0 and self.all_ops[index - 1].j2 >= at:
            index -= 1
        while index < len(self.all_ops) and self.all_ops[index].j1 <= to:
            op = self.all_ops[index]
            if op.tag != "equal" and op.j2 >= at:
                low, high = min(low, op.j1), max(high, op.j2)
            index += 1
        return max(low, at - REFIND_REACH), min(high, to + REFIND_REACH)

    def survives(self, start: int, end: int) -> bool:
        """True if a word character of old [start, end) is still in the new text."""
        old = self.old_text
        index = max(0, bisect.bisect_right(self.op_starts, start) - 1)
        while index < len(self.ops) and self.ops[index].i1 < end:
            op = self.ops[index]
            if op.tag == "equal" and _WORD.search(old, max(start, op.i1), min(end, op.i2)):
                return True
            index += 1
        index = max(0, bisect.bisect_right(self.move_starts, start) - 1)
        while index < len(self.moves) and self.moves[index].i1 < end:
            move = self.moves[index]
            if _WORD.search(old, max(start, move.i1), min(end, move.i2)):
                return True
            index += 1
        return False

    def gone(self, start: int, end: int) -> str:
        """Why old [start, end) has no words of its own in the new text, in the words of
        REASONS: the smallest of its paragraph, sentence or words that lost every word,
        and whether that went, was rewritten, or moved where it cannot be followed."""
        old, new = self.old_text, self.new_text
        line_start = old.rfind("\n", 0, start) + 1
        line_end = old.find("\n", end)
        line_end = self.old_len if line_end == -1 else line_end
        scope = (start, end, WORDS_DELETED)
        if not self.survives(line_start, line_end):
            scope = (line_start, line_end, PARAGRAPH_DELETED)
        else:
            for low, high in _sentences(old, line_start, line_end, self.old_sentences):
                if low <= start < high or low < end <= high:
                    if not self.survives(low, high):
                        scope = (low, high, SENTENCE_DELETED)
                    break
        low, high, deleted = scope
        if deleted != WORDS_DELETED:
            piece = old[low:high]
            # As many copies as before, or the name with the words around it elsewhere:
            # moved (edited on the way, or next to its twin), to where we cannot follow.
            quoted = old[max(0, start - CONTEXT_CHARS) : end + CONTEXT_CHARS]
            if new.count(piece) >= old.count(piece) or quoted in new:
                return MOVED
        new_low = self.map_start(low)
        new_high = max(new_low, self.map_end(high))
        if not self.new_words(new_low, new_high):
            return deleted
        # Rewritten if words as many as half its own stand in its place; a word or two
        # there were edited beside it ("Kim left. He met" to "She met").
        if deleted != WORDS_DELETED:
            written = len(_WORDS.findall(new, new_low, new_high))
            if written < len(_WORDS.findall(old, low, high)) / 2:
                return deleted
        return REWRITTEN


def _context_matches(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """True if the characters next to text[start:end] repeat the stored context's."""
    before = prefix[-CONTEXT_CHARS:] if prefix else ""
    after = suffix[:CONTEXT_CHARS]
    return text[max(0, start - len(before)) : start] == before and (
        text[end : end + len(after)] == after
    )


def _refind(text: str, diff: _Diff, span: Span, prefix: str, suffix: str, at: int, to: int):
    """The unique occurrence of the quote near new [at, to], if it is a safe re-anchor.

    Near is a window around the place, reaching over the changed text that touches it:
    a revert may bring a deleted paragraph back whole, the name far inside it.
    """
    exact = span.exact
    if not exact:
        return None
    window = 2 * len(exact) + 64
    reach_low, reach_high = diff.changed_near(at, to)
    low, high = max(0, min(at - window, reach_low)), min(len(text), max(to + window, reach_high))
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


# --- Names grown longer --------------------------------------------------------------------

# Characters that join two words of one name: a space of any width, or a hyphen.
_NAME_JOINERS = frozenset(" \u00a0\u2009\u202f-\u2010\u2011")


def _words(words: str) -> frozenset[str]:
    """The words of a list written as words (it reads better than hundreds of quotes)."""
    return frozenset(words.split())


# Lower-case words found inside names (Ludwig van Beethoven, Mohammed bin Salman).
_NAME_PARTICLES = _words("al bin binti da das de del della der di dos du el ibn la le van von")
# Capitalised words that stand before a name without being part of it ("President
# Putin", "Foreign Minister Choe"), as articles.anchoring.profiles reads titles.
_TITLES = _words(
    """Mr Mrs Ms Miss Mx Madam Madame Dr Doctor Prof Professor Sir Dame Lord Lady King Queen
    Prince Princess Emperor Empress Pope President Vice Prime Minister Secretary
    Chancellor Premier Leader Chairman Chairwoman Chair Governor Mayor Senator Sen
    Representative Rep Congressman Congresswoman Ambassador Envoy General Gen Admiral
    Colonel Col Captain Capt Lieutenant Commander Sergeant Judge Justice Cardinal Bishop
    Archbishop Rabbi Imam Sheikh Emir Coach Officer Inspector Detective Director Chief
    Commissioner Deputy Speaker Comrade Marshal Duke Duchess Earl Baron Baroness Councillor
    Councilor Former"""
)
# Capitalised at the start of a sentence only because they start it: "Yesterday Kim
# Jong Un arrived" is no longer name than "Kim Jong Un arrived".
_OPENERS = _words(
    """A An The He She It They We I You His Her Its Their Our My Your This That These Those
    There Here Then But And Or So Yet Still However Meanwhile Now In On At As After Before
    When While If Although Though Since For With By From Some Many Most All Both Each No
    Not What Who Why How Where Yesterday Today Tonight Tomorrow Earlier Later Last Next
    Also Again Already Once Only Even Soon Instead Indeed Finally Separately Previously
    Recently Overnight Officially Reportedly"""
)
# Written after a name without making it another: "Putin Tuesday", "Kim in May".
_DATES = _words(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December"""
)
# The text before a word that makes the word the first of its sentence or line.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”)]?\s+|[\"“‘'(\n]\s*)$")


def _name_word(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word in _NAME_PARTICLES)


def _after(text: str, pos: int) -> str:
    """The word joined to ``pos`` (by a space or hyphen) when it could go on with a name
    that ends there ("Yo" after "Kim" in "Kim Yo Jong"), else "". Only the word is
    returned: "Kim-Lee" and "Kim Lee" go on with the same word."""
    if pos >= len(text) or text[pos] not in _NAME_JOINERS:
        return ""
    word = _LETTERS.match(text, pos + 1)
    if not word or not _name_word(word.group()) or word.group() in _DATES:
        return ""
    return word.group()


def _before(text: str, pos: int) -> str:
    """The word joined to ``pos`` from before when it could begin a name that goes on
    there ("David" before "Miliband"), else "". A title is no part of a name, nor a word
    that opens sentences and opens this one."""
    if pos == 0 or text[pos - 1] not in _NAME_JOINERS:
        return ""
    found = _LAST_LETTERS.search(text, max(0, pos - 64), pos - 1)
    if found is None:
        return ""
    word, start = found.group(), found.start()
    if not _name_word(word) or word in _TITLES:
        return ""
    if word in _OPENERS and _SENTENCE_OPENING.search(text, max(0, start - 4), start):
        return ""
    return word


_WORD_CHARS = re.compile(r"\w+")


def _stood_elsewhere(old: str, start: int, end: int, new: str, new_start: int) -> bool:
    """True if the span's words with the words on both sides of it, as they were
    ("w3 Kim w4"), stand in the new text, but not where the span was carried: the diff
    paired it with a lookalike ("w6 Kim w7") while its own words are elsewhere."""
    line_start = old.rfind("\n", 0, start) + 1
    before = list(_WORD_CHARS.finditer(old, max(line_start, start - 64), start))
    after = _WORD_CHARS.search(old, end, min(len(old), end + 64))
    if not before or after is None or "\n" in old[end : after.start()]:
        return False
    context = old[before[-1].start() : after.end()]
    offset = start - before[-1].start()
    places = [found.start() + offset for found in re.finditer(re.escape(context), new)]
    return bool(places) and new_start not in places


def _word_before(text: str, pos: int, in_line: bool = False) -> str:
    """The word that ends nearest before ``pos`` (within 64 characters, and in its line
    with ``in_line``), or ""."""
    low = max(0, pos - 64)
    if in_line:
        low = max(low, text.rfind("\n", 0, pos) + 1)
    words = list(_WORD_CHARS.finditer(text, low, pos))
    return words[-1].group() if words else ""


def _word_after(text: str, pos: int, in_line: bool = False) -> str:
    """The word that starts nearest after ``pos`` (within 64 characters, and in its line
    with ``in_line``), or ""."""
    high = min(len(text), pos + 64)
    line_end = text.find("\n", pos) if in_line else -1
    word = _WORD_CHARS.search(text, pos, line_end if 0 <= line_end < high else high)
    return word.group() if word else ""


def _other_words_both_sides(
    old: str, start: int, end: int, new: str, new_start: int, new_end: int
) -> bool:
    """True if the words just before and just after the span are both others where the
    diff carried it."""
    return _word_before(old, start) != _word_before(new, new_start) and _word_after(
        old, end
    ) != _word_after(new, new_end)


def _other_words_around(
    old: str, start: int, end: int, new: str, new_start: int, new_end: int
) -> bool:
    """True if the words on a side of the span are others where the diff carried it,
    while another occurrence of its words stands beside its old neighbour on that side:
    "w5 Putin also w6." taken back to the "Putin" of "w8 Putin w9." when "w5 Putin w6."
    is there too is a lookalike, not the same name."""
    before, after = _word_before(old, start), _word_after(old, end)
    both = _other_words_both_sides(old, start, end, new, new_start, new_end)
    # With a name word alike on one side, the other side says it, read within the line:
    # "W1 David Miliband w2." taken back to the "David Miliband" of "W3 David Miliband
    # w4." when "Miliband w2." is there too (the name word beside it is another name's).
    other_before = both or (
        _name_word(after)
        and _word_before(old, start, in_line=True) != _word_before(new, new_start, in_line=True)
    )
    other_after = both or (
        _name_word(before)
        and _word_after(old, end, in_line=True) != _word_after(new, new_end, in_line=True)
    )
    return (other_before or other_after) and any(
        found.start() != new_start
        and (
            (other_before and _word_before(new, found.start()) == before)
            or (other_after and _word_after(new, found.end()) == after)
        )
        for found in re.finditer(rf"(?<!\w){re.escape(old[start:end])}(?!\w)", new)
    )


def _moved_in_beside(diff: _Diff, start: int, end: int, new_start: int, new_end: int) -> bool:
    """True if the words on both sides of where the diff carried the span are others,
    old words the edit took out elsewhere: a lookalike moved in with them ("w2 Robin w3"
    reworded to "w2 also w3" and "w8 Robin w9" moved up beside it), which no diff can
    tell from the span's own words."""
    old, new = diff.old_text, diff.new_text
    if not _other_words_both_sides(old, start, end, new, new_start, new_end):
        return False
    return all(
        diff.taken_out([word], start, end)
        for word in (_word_before(new, new_start), _word_after(new, new_end))
    )


def _grew_longer(old: str, start: int, end: int, new: str, new_start: int, new_end: int) -> bool:
    """True if the words at new [new_start, new_end) are now joined to a name word they
    were not joined to at old [start, end): "about Kim." corrected to "about Kim Yo
    Jong.", "Miliband" to "David Miliband". Those words may name someone else now."""
    after = _after(new, new_end)
    if after and after != _after(old, end):
        return True
    before = _before(new, new_start)
    return bool(before) and before != _before(old, start)


def name_around(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] widened over the name words joined to it on either side
    ("Kim" in "Kim Yo Jong" widens to all three words); titles stay out."""
    while after := _after(text, end):
        end += 1 + len(after)
    while before := _before(text, start):
        start -= 1 + len(before)
    return start, end


# --- Mapping ---------------------------------------------------------------------------------


def _replacement(diff: _Diff, old: tuple[int, int], start: int, end: int, exact: str):
    """new [start, end), spaces around it left out, if it reads as the words put in
    place of ``exact`` at ``old``: a few words, whole, in one paragraph, in a sentence
    alike to the old one, none of them moved in from elsewhere; not a rewritten passage."""
    text = diff.new_text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    words = text[start:end]
    if not _WORD.search(words) or "\n" in words:
        return None
    if len(words.split()) > len(exact.split()) + 3 or len(words) > 2 * len(exact) + 40:
        return None
    # A place that cuts a word in two is no place an edit left (the diff keeps words
    # whole): it is a stale offset over other words.
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return None
    if end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        return None
    if diff.into_moved(start, end) or not diff.alike(*old, start, end):
        return None
    # A word the edit took out elsewhere may be that word moved here with a sentence the
    # diff did not see move whole ("w8" and "w9" of "W7 Kim w8 Kim w9." moved up and
    # reworded): old words of another place, not the ones put in its stead.
    if diff.taken_out(_WORDS.findall(words), *old):
        return None
    return start, end


class _Intervals:
    """Disjoint sorted intervals: the places already holding words of some span."""

    def __init__(self, places: Sequence[tuple[int, int]]):
        self.items: list[tuple[int, int]] = []
        for start, end in sorted(places):
            if self.items and start < self.items[-1][1]:
                self.items[-1] = (self.items[-1][0], max(self.items[-1][1], end))
            else:
                self.items.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.items, (end,))
        return index > 0 and self.items[index - 1][1] > start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.items, (start, end))

    def outside(self, pos: int) -> int:
        """``pos``, or the nearer edge of the interval it is strictly inside."""
        index = bisect.bisect_right(self.items, (pos, float("inf"))) - 1
        if index >= 0:
            low, high = self.items[index]
            if low < pos < high:
                return low if pos - low <= high - pos else high
        return pos


def map_spans(old_text: str, new_text: str, spans: Sequence[Span]) -> list[Mapped]:
    """Carry each span of ``old_text`` into ``new_text``; one result per span, in order.

    A span lying wholly in text the diff leaves equal, or in a line or sentence moved
    whole (and found once in each text), is "kept" at its new offsets; text inserted
    exactly at its edge stays outside it. A span whose words were edited is "refound"
    only if its quote occurs exactly once near its mapped place, that occurrence is not
    some other unchanged old word, and the characters next to it repeat the stored
    prefix/suffix (or the old text's, when none is stored).

    Anything else "needs_review", placed so that it never covers words another span
    holds (see Mapped): on the words that replaced its own, when they are a few whole
    words in one paragraph overlapping no other span, else on no words at all. A kept or
    refound span whose words an edit joined to a longer name ("Kim" to "Kim Yo Jong")
    needs review too, on its own words. Offsets satisfy
    ``0 <= start <= end <= len(new_text)``.
    """
    if old_text == new_text and all(
        0 <= sp.start <= sp.end <= len(old_text) and old_text[sp.start : sp.end] == sp.exact
        for sp in spans
    ):
        return [Mapped(sp.start, sp.end, KEPT) for sp in spans]
    diff = _Diff(old_text, new_text)
    results: list[Mapped] = []
    # Each span's old place, when its words were there (else None: it had lost them).
    places: list[tuple[int, int] | None] = []
    for span in spans:
        start = min(max(span.start, 0), len(old_text))
        end = min(max(span.end, start), len(old_text))
        fits = old_text[start:end] == span.exact
        places.append((start, end) if fits else None)
        if fits:
            kept = diff.kept(start, end)
            if kept is not None:
                moved, neighbours_kept = kept[:2], kept[2]
                if not neighbours_kept and _moved_in_beside(diff, start, end, *moved):
                    results.append(Mapped(moved[0], moved[0], NEEDS_REVIEW, diff.gone(start, end)))
                elif not neighbours_kept and _grew_longer(old_text, start, end, new_text, *moved):
                    results.append(Mapped(*moved, NEEDS_REVIEW, LONGER_NAME))
                elif not neighbours_kept and (
                    _stood_elsewhere(old_text, start, end, new_text, moved[0])
                    or _other_words_around(old_text, start, end, new_text, *moved)
                ):
                    # The diff paired it with a lookalike whose words on both sides are
                    # others ("w3 Kim w4" with the "Kim" of "w6 Kim w7"): no one can say it
                    # is the same name, so it asks for a look, on those words.
                    results.append(Mapped(*moved, NEEDS_REVIEW, CHANGED))
                else:
                    results.append(Mapped(*moved, KEPT))
                continue
        new_start = diff.map_start(start)
        new_end = max(new_start, diff.map_end(end))
        prefix = span.prefix or old_text[max(0, start - CONTEXT_CHARS) : start]
        suffix = span.suffix or old_text[end : end + CONTEXT_CHARS]
        found = _refind(new_text, diff, span, prefix, suffix, new_start, new_end)
        if found is not None:
            # Its old surroundings: the old text's when the span fitted it, else its
            # quote's own context (it had lost its place before this edit).
            if fits:
                was, at = old_text, start
            else:
                was, at = span.prefix + span.exact + span.suffix, len(span.prefix)
            grew = _grew_longer(was, at, at + len(span.exact), new_text, *found)
            results.append(
                Mapped(*found, NEEDS_REVIEW, LONGER_NAME) if grew else Mapped(*found, REFOUND)
            )
            continue
        # A span with no place (its words went in an earlier edit) gets none from the
        # words now around where they were: only its own words, found again, place it.
        place = None
        if start < end:
            place = _replacement(diff, (start, end), new_start, new_end, span.exact)
        if place is not None:
            results.append(Mapped(*place, NEEDS_REVIEW, CHANGED))
        else:
            results.append(Mapped(new_start, new_start, NEEDS_REVIEW, _why_gone(diff, places[-1])))
    return _made_safe(diff, results, places)


def _why_gone(diff: _Diff, place: tuple[int, int] | None) -> str:
    """Why the words at an old place are gone, or "" if the span had none to lose."""
    return diff.gone(*place) if place is not None and place[0] < place[1] else ""


def _made_safe(
    diff: _Diff, results: list[Mapped], places: list[tuple[int, int] | None]
) -> list[Mapped]:
    """``results`` with each span needing review over no words another span holds, and
    each refound span over none a kept span holds.

    Kept spans are their own old words and stay. A refound span overlapping a kept one it
    did not overlap before, or a span needing review overlapping any span, loses its
    place; a span with no place is moved out of any span it would sit inside.
    """
    out = list(results)
    if any(result.status == REFOUND for result in results):
        kept = sorted((r.start, r.end, i) for i, r in enumerate(results) if r.status == KEPT)
        starts = [start for start, _, _ in kept]
        reach = max((end - start for start, end, _ in kept), default=0)
        for index, result in enumerate(results):
            if result.status != REFOUND:
                continue
            low = bisect.bisect_left(starts, result.start - reach)
            high = bisect.bisect_left(starts, result.end)
            for start, end, other in kept[low:high]:
                overlaps = start < result.end and result.start < end
                if overlaps and not _overlapped(places[index], places[other]):
                    out[index] = Mapped(
                        result.start, result.start, NEEDS_REVIEW, _why_gone(diff, places[index])
                    )
                    break
    taken = _Intervals([(r.start, r.end) for r in out if r.status != NEEDS_REVIEW])
    # Spans on their own words (grown into a longer name) before those on words that
    # replaced theirs.
    placed = [i for i, r in enumerate(out) if r.status == NEEDS_REVIEW and r.start < r.end]
    placed.sort(key=lambda i: out[i].reason != LONGER_NAME)
    for index in placed:
        result = out[index]
        if taken.overlaps(result.start, result.end):
            out[index] = Mapped(
                result.start, result.start, NEEDS_REVIEW, _why_gone(diff, places[index])
            )
        else:
            taken.add(result.start, result.end)
    for index, result in enumerate(out):
        if result.status == NEEDS_REVIEW and result.start == result.end:
            place = taken.outside(result.start)
            out[index] = result._replace(start=place, end=place)
    return out


def _overlapped(first: tuple[int, int] | None, second: tuple[int, int] | None) -> bool:
    """True if two old places overlapped (None, no place, overlaps nothing)."""
    return (
        first is not None and second is not None and first[0] < second[1] and second[0] < first[1]
    )


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
