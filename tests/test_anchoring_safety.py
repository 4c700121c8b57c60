"""Properties of map_spans over random stories and random copy edits: no span it keeps
ever covers other words, and no span needing review covers words another span holds.

Pure hypothesis tests, no database. Every character of an edited text is tagged with
where it came from (its offset in the old text, or -1 for a character an edit typed), so
"the same words" means the same characters, not lookalikes.

The stories never hold two equal words side by side, nor a sentence twice, and no edit
makes them: in "Kim Kim Kim." less a "Kim ", no one can say which Kim went, and a check
by origin would fault any answer. (A sentence twice is tested in test_anchoring.py.)
Every other word is a filler found once ("w7"), which edits never delete.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.anchoring import Span, map_spans
from articles.anchoring.mapping import CHANGED, CONTEXT_CHARS, LONGER_NAME, REASONS

pytestmark = pytest.mark.text_only

# Names repeat, and some are part of others ("Kim" in "Kim Yo Jong"), so lookalikes abound.
NAMES = ["Kim", "Kim Yo Jong", "Xi", "Putin", "Robin", "David Miliband", "Miliband"]
# Words an edit types: some capitalised, to be joined to a name at its edge.
TYPED = ["also", "new", "quietly", "Yo", "David", "Park", "Lee", "President", "Jong"]
QUOTE = 32  # characters of context a mention stores each side, as Mention.fill_quote
FILLER = re.compile(r"\b[wW]\d+\b")


@st.composite
def stories(draw):
    """A story of one to four paragraphs of one to four sentences, each a filler found
    nowhere else, then names or fillers, a filler after each name."""
    fillers = (f"w{n}" for n in itertools.count())
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        sentences = []
        for _ in range(draw(st.integers(1, 4))):
            words = [next(fillers)]
            for name in draw(st.lists(st.sampled_from([*NAMES, ""]), max_size=4)):
                if name:
                    words.append(name)
                words.append(next(fillers))
            sentence = " ".join(words)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def name_spans(text: str, keep: list[bool]) -> list[Span]:
    """Spans on names (longest first, never overlapping), as stored: quote and context."""
    pattern = "|".join(re.escape(name) for name in sorted(NAMES, key=len, reverse=True))
    spans = []
    for index, match in enumerate(re.finditer(rf"\b(?:{pattern})\b", text)):
        if keep[index % len(keep)]:
            start, end = match.span()
            spans.append(
                Span(
                    start,
                    end,
                    text[start:end],
                    text[max(0, start - QUOTE) : start],
                    text[end : end + QUOTE],
                )
            )
    return spans


class Draft:
    """A text being edited, each character tagged with its origin."""

    def __init__(self, text: str):
        self.chars = list(text)
        self.origins = list(range(len(text)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def put(self, at: int, size: int, new: str) -> None:
        self.chars[at : at + size] = new
        self.origins[at : at + size] = [-1] * len(new)

    def move(self, at: int, size: int, to: int) -> None:
        """Cut [at, at + size) and put it back at ``to`` (an offset after the cut)."""
        chars, origins = self.chars[at : at + size], self.origins[at : at + size]
        del self.chars[at : at + size], self.origins[at : at + size]
        self.chars[to:to] = chars
        self.origins[to:to] = origins


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Each sentence with the space after it, if any (as the stories are written)."""
    return [match.span() for match in re.finditer(r"[^\n.]*\.(?: |(?=\n)|$)", text)]


def edit(draft: Draft, kind: str, pick: int, typed: str) -> None:
    """One copy edit of ``kind`` at the ``pick``-th place it can go."""
    text = draft.text
    if kind in {"replace", "delete", "insert"}:
        words = list(re.finditer(r"\w+", text))
        if kind != "insert":
            # Never a filler; nor a word an edit may type: "David" replaced by "also" and
            # typed again before "Miliband" reads as "also" typed, and is no test.
            words = [
                word
                for word in words
                if not FILLER.fullmatch(word.group()) and word.group() not in TYPED
            ]
        if not words:
            return
        word = words[pick % len(words)]
        before = re.search(r"(\w+)\W*$", text[: word.start()])
        after = re.match(r"\W*(\w+)", text[word.end() :])
        neighbours = {match.group(1) for match in (before, after) if match}
        if kind == "replace":
            if typed not in neighbours | {word.group()}:
                draft.put(word.start(), word.end() - word.start(), typed)
        elif kind == "delete":
            gap = 1 if text[word.end() : word.end() + 1] == " " else 0
            draft.put(word.start(), word.end() - word.start() + gap, "")
        elif typed == word.group():
            return
        elif pick % 2:  # typed right after the word: at a name's end, it may join it
            if not after or after.group(1) != typed:
                draft.put(word.end(), 0, " " + typed)
        elif not before or before.group(1) != typed:
            draft.put(word.start(), 0, typed + " ")
    elif kind == "delete sentence":
        spans = sentence_spans(text)
        if not spans:
            return
        start, end = spans[pick % len(spans)]
        draft.put(start, end - start, "")
    elif kind == "move sentence":
        # A sentence with the space after it, put before another (as an editor would).
        spans = sentence_spans(text)
        movable = [(s, e) for s, e in spans if text[e - 1] == " "]
        if not movable or len(spans) < 2:
            return
        start, end = movable[pick % len(movable)]
        rest = [s for s, _ in spans if s != start]
        to = rest[(pick // len(spans)) % len(rest)]
        draft.move(start, end - start, to if to < start else to - (end - start))
    elif kind in {"swap paragraphs", "delete paragraph"}:
        lines = [match.span() for match in re.finditer(r"[^\n]+", text)]
        if len(lines) < 2:
            return
        first = lines[pick % len(lines)]
        if kind == "delete paragraph":
            # The line and the line break after it (or before it, for the last line).
            start, end = first
            if end < len(text):
                end += 1
            else:
                start -= 1
            draft.put(start, end - start, "")
            return
        others = [line for line in lines if line != first]
        second = others[(pick // len(lines)) % len(others)]
        (a, b), (c, d) = sorted([first, second])
        for items in (draft.chars, draft.origins):
            items[a:d] = items[c:d] + items[b:c] + items[a:b]


KINDS = [
    "replace",
    "delete",
    "insert",
    "move sentence",
    "delete sentence",
    "swap paragraphs",
    "delete paragraph",
]
edits = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 200), st.sampled_from(TYPED)),
    min_size=1,
    max_size=4,
)


def joined_word(text: str, start: int, end: int, after: bool) -> str:
    """The capitalised word joined to text[start:end] by a space or hyphen on one side."""
    if after:
        match = re.match(r"[ -]([A-Z]\w*)", text[end:])
    else:
        match = re.search(r"\b([A-Z]\w*)[ -]$", text[:start])
    return match.group(1) if match else ""


def same_context(old: str, start: int, end: int, new: str, new_start: int, new_end: int) -> bool:
    """True if the CONTEXT_CHARS characters each side of the two places are the same."""
    reach = CONTEXT_CHARS
    return (
        old[max(0, start - reach) : start] == new[max(0, new_start - reach) : new_start]
        and old[end : end + reach] == new[new_end : new_end + reach]
    )


def check_safe(old: str, new: str, origins: list[int], spans: list[Span], results) -> None:
    """Every kept span is on its own old characters, not grown into a longer name; every
    refound span on its quote with its context; every span needing review is inside the
    text, over no other span's words, and over none of the old text outside its own."""
    assert len(results) == len(spans)
    placed = [(r.start, r.end) for r in results if r.start < r.end]
    for span, result in zip(spans, results, strict=True):
        assert 0 <= result.start <= result.end <= len(new)
        here = new[result.start : result.end]
        if result.status == "kept":
            assert here == span.exact
            if origins[result.start : result.end] != list(range(span.start, span.end)):
                # Other characters, but only as lookalikes no text could tell apart
                # ("Kim Kim Kim." less a "Kim "): the same context, as for a refound span.
                assert same_context(old, span.start, span.end, new, result.start, result.end)
            for after in (False, True):
                now = joined_word(new, result.start, result.end, after)
                was = joined_word(old, span.start, span.end, after)
                assert now in {"", was, "President"}, (old, new, span, result)
        elif result.status == "refound":
            assert here == span.exact
            before = span.prefix[-CONTEXT_CHARS:]
            assert new[result.start - len(before) : result.start] == before
            assert new[result.end :].startswith(span.suffix[:CONTEXT_CHARS])
        else:
            assert result.status == "needs_review"
            assert result.reason in {"", *REASONS}
            if result.start == result.end:
                assert not any(a < result.start < b for a, b in placed)
                continue
            others = list(placed)
            others.remove((result.start, result.end))
            assert not any(a < result.end and result.start < b for a, b in others)
            assert "\n" not in here
            own = range(span.start, span.end)
            if result.reason == LONGER_NAME:
                if origins[result.start : result.end] != list(own):
                    # Other characters, but its very quote, asking for a look: a lookalike
                    # no diff can tell from its own words ("David Miliband" deleted with
                    # its paragraph and "David" typed before another "Miliband" read the
                    # same as "David Miliband" kept, the rest deleted).
                    assert here == span.exact
            else:
                assert result.reason in {CHANGED, ""}
                # Typed words, or its own old ones; which space is which is no matter.
                assert all(
                    origin == -1 or origin in own or not char.isalnum()
                    for char, origin in zip(here, origins[result.start : result.end], strict=True)
                )


def stored(text: str, span: Span, result) -> Span:
    """The span as reanchor_mentions stores it after ``result``: a span with its words
    takes its quote from the new text; one needing review keeps its old quote."""
    start, end = result.start, result.end
    if result.status == "needs_review":
        return span._replace(start=start, end=end)
    return Span(
        start, end, text[start:end], text[max(0, start - QUOTE) : start], text[end : end + QUOTE]
    )


def edited(old: str, ops) -> Draft:
    draft = Draft(old)
    for kind, pick, typed in ops:
        edit(draft, kind, pick, typed)
    return draft


@settings(max_examples=400)
@given(stories(), st.lists(st.booleans(), min_size=1, max_size=5), edits)
# Found by this property: the texts read as "David Miliband" kept and the second
# paragraph deleted, as well as the first paragraph deleted and "David" typed.
@example(
    "W0. W1. W2 Kim w3 Kim w4 Kim w5 Kim w6. W7 Kim w8 Kim Yo Jong w9 Kim Yo Jong w10 David"
    " Miliband w11.\nW12. W13. W14 Miliband w15.",
    [True],
    [("insert", 87, "David"), ("delete paragraph", 0, "also")],
)
# And: a sentence reworded and moved up, which the diff did not see move whole, left its
# "w9" (or "w8 also w9") where "Xi" had been replaced; "Xi" was put on those words. And
# "Robin", replaced, was kept on the moved sentence's "Robin", with other words on both
# sides.
@example(
    "W0. W1 Kim w2 Xi w3. W4.\nW5. W6.\nW7 Kim w8 Kim w9. W10. W11. W12.\nW13. W14. W15.",
    [True],
    [
        ("replace", 0, "also"),
        ("replace", 0, "also"),
        ("replace", 1, "also"),
        ("move sentence", 35, "also"),
    ],
)
@example(
    "W0. W1 Kim w2 Robin w3. W4.\nW5. W6.\nW7 Kim w8 Robin w9. W10. W11. W12.\nW13. W14. W15.",
    [True],
    [
        ("replace", 0, "also"),
        ("replace", 0, "also"),
        ("replace", 0, "also"),
        ("move sentence", 35, "also"),
    ],
)
@example(
    "W0. W1 Kim w2 Xi w3. W4.\nW5. W6.\nW7 Kim w8 Kim w9. W10. W11. W12.\nW13. W14. W15.",
    [True],
    [
        ("replace", 0, "also"),
        ("replace", 0, "also"),
        ("replace", 0, "also"),
        ("move sentence", 35, "also"),
    ],
)
def test_property_no_span_is_carried_onto_other_words(old, keep, ops):
    spans = name_spans(old, keep)
    draft = edited(old, ops)

    check_safe(old, draft.text, draft.origins, spans, map_spans(old, draft.text, spans))


@settings(max_examples=300)
@given(stories(), st.lists(st.booleans(), min_size=1, max_size=5), edits)
# Found by this property: the diff paired "w3 Kim w4" with the "Kim" of the restored
# "w6 Kim w7", while "w3 Kim w4" itself came back elsewhere.
@example(
    "W0. W1 Kim w2 Kim w3 Kim w4. W5 Kim Yo Jong w6 Kim w7.",
    [True],
    [("replace", 0, "also"), ("replace", 0, "Jong"), ("delete sentence", 62, "")],
)
# And: back from "W0 Xi w1 also w2." the diff keeps " Xi w" of "W4 Xi w5", its own "Xi"
# being deleted; the same name, with other words around it, asks for a look.
@example(
    "W0 Xi w1 Kim w2.\nW3. W4 Xi w5.",
    [True],
    [
        ("move sentence", 0, "also"),
        ("swap paragraphs", 0, "also"),
        ("delete sentence", 0, "also"),
        ("replace", 1, "also"),
    ],
)
# And: back from "w5 Putin also w6." the diff kept "Putin" on the "Putin" of "w8 Putin
# w9." in a paragraph the revert restored; other words on both sides ask for a look.
@example(
    "W0. W1. W2 Kim w3 Kim w4 Kim w5 Putin w6.\nW7 Kim Yo Jong w8 Putin w9.",
    [True],
    [("replace", 0, "Yo"), ("insert", 9, "also"), ("delete paragraph", 1, "also")],
)
# And: back from "W1 David Miliband w2." (the mention of "Miliband" flagged when "David"
# was typed before it) the diff kept it on the "David Miliband" of "W3 David Miliband
# w4." in the paragraph the revert restored, though "Miliband w2." stands there too.
@example(
    "W0. W1 Miliband w2.\nW3 David Miliband w4.",
    [True],
    [("insert", 1, "David"), ("delete sentence", 0, "also"), ("delete sentence", 1, "also")],
)
def test_property_a_revert_is_as_safe_as_an_edit(old, keep, ops):
    """Edit, then go back to the old text, as reverting to a revision does."""
    spans = name_spans(old, keep)
    draft = edited(old, ops)
    new = draft.text
    forward = map_spans(old, new, spans)
    carried = [stored(new, span, result) for span, result in zip(spans, forward, strict=True)]

    back = map_spans(new, old, carried)

    # Where each old character is in the edited text, for the way back.
    position = {origin: index for index, origin in enumerate(draft.origins) if origin >= 0}
    origins = [position.get(index, -1) for index in range(len(old))]
    check_safe(new, old, origins, carried, back)
    for span, there, result in zip(spans, forward, back, strict=True):
        # A span the edit left alone is back on its own words, or asks for review.
        if there.status == "kept" and result.status in {"kept", "refound"}:
            assert (result.start, result.end) == (span.start, span.end)


@settings(max_examples=200)
@given(stories(), st.lists(st.booleans(), min_size=1, max_size=5))
def test_property_moves_and_swaps_keep_every_mention_of_a_story_without_twins(old, keep):
    """With no sentence twice, a sentence moved or two paragraphs swapped keep them all."""
    blocks = [old[s:e].strip() for s, e in sentence_spans(old)] + old.split("\n")
    if any(old.count(block) != 1 for block in blocks):
        return
    spans = name_spans(old, keep)
    for kind in ("move sentence", "swap paragraphs"):
        for pick in range(3):
            draft = Draft(old)
            edit(draft, kind, pick, "")
            new = draft.text
            results = map_spans(old, new, spans)
            check_safe(old, new, draft.origins, spans, results)
            assert all(result.status == "kept" for result in results), (old, new)
