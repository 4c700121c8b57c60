"""The annotation corpus: our own wire stories with their gold mentions, the gazetteer they
are matched with, copy edits to carry the mentions through, and the measures of both.

The files are in tests/data/annotation_corpus/:

* ``gazetteer.json``: entities as {"key", "name", "kind", "aliases", "description"}, with
  risky aliases ("May", "Jordan", "Georgia", "US") and distractors no story names.
* ``stories/*.txt``: one paragraph or subhead per line (blank lines are dropped, as the
  reading text has none), marked up inline:

  - ``[[surface|entity-key]]`` or ``[[surface|entity-key|kind]]``: a gold mention (kind
    one of GOLD_KINDS, "plain" when left out). A title is inside the span only when the
    entity has the titled form as an alias ("Senator Santos"); otherwise it stays out
    ("President [[Putin|vladimir-putin|title]]").
  - ``{{surface|kind}}``: a trap (kind one of TRAP_KINDS), text in which no entity may be
    found ("{{Shepherd’s Bush|longer-name}}").
  - ``\\uXXXX``: a character that is hard to see or type (a no-break space, a
    non-breaking hyphen), written as its code.

* ``edits.json``: realistic copy edits, each {"story", "title", "ops", "touches"}, where
  ``touches`` lists the surfaces of the gold mentions the edit changes, deletes or makes
  name someone else (checked against what the ops do). Ops, applied in order to the
  reading text:

  - {"replace": old, "with": new}: ``old`` must occur once; ``new`` may mark gold
    mentions of the words it brings ("[[Kim Yo Jong|kim-yo-jong]]"). What ``old`` and
    ``new`` share at their two ends counts as untouched (so "Kim nodded" -> "Kim Yo Jong
    nodded" only inserts " Yo Jong"; whole words are compared, the end first).
  - {"move": text, "before": anchor} or {"move": text, "after": anchor}: cut ``text``
    and put it back next to ``anchor`` (found after the cut); its words are untouched.
  - {"swap": [first, second]}: exchange the two paragraphs that start with these words;
    their words are untouched.

This module is pure Python (no Django): bench/annotation_quality.py prints the measures
and tests/test_annotation_corpus.py checks the corpus and holds the floors.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from articles.anchoring import NEEDS_REVIEW, Gazetteer, Mapped, Named, Span

CORPUS = Path(__file__).resolve().parent / "data" / "annotation_corpus"

GOLD_KINDS = {
    "plain": "a full name, or a short form only one entity has",
    "shared": "a short form several entities share, named by the last full name before it",
    "context": "a short form several entities share, decided by context, not the last full name",
    "name-alias": "a word that is one entity's name and another's alias (Jordan, Georgia)",
    "title": "a title is the evidence (President Putin, Ms May, Ms Kim)",
    "twin": "one of two entities of the same name, told apart by description or companions",
    "quotes": "apostrophes or quotes written otherwise than in the gazetteer",
    "dash-space": "a dash or no-break space inside the name unlike the gazetteer's",
    "accents": "a name written without the accents or full stops the gazetteer's has, or with "
    "ones it lacks (Sao Paulo, SAO PAULO, Sanliurfa, St Louis for St. Louis, Bogotá for Bogota)",
    "dateline": "an upper-case dateline (SEOUL, RIO DE JANEIRO)",
}
TRAP_KINDS = {
    "month": "May, the month",
    "currency": "US$ before an amount",
    "plural": "a surname naming several people (the Miliband brothers, the Kims)",
    "longer-name": "part of a longer name that is no entity of ours (Shepherd’s Bush)",
    "other-name": "a word naming something we have no entity for (the port of Santos)",
    "undecided": "a name several entities share, with nothing in the article to decide",
}
# Characters of context stored each side of a mention's quote: articles.models.QUOTE_CONTEXT
# (not imported, as that module needs Django).
QUOTE_CONTEXT = 32
# The name given to false matches that fall on no gold mention and no trap.
UNMARKED = "unmarked"

_MARK = re.compile(r"\[\[([^\[\]]*)\]\]|\{\{([^{}]*)\}\}")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
# What an edit's old and new text are compared by: words and single other characters.
_TOKEN = re.compile(r"\w+|\W")


class Gold(NamedTuple):
    """A gold mention: ``text[start:end]`` names the entity ``key``."""

    start: int
    end: int
    key: str
    kind: str


class Trap(NamedTuple):
    """Text in which no entity may be found."""

    start: int
    end: int
    kind: str


class Story(NamedTuple):
    """One story of the corpus, read from stories/<name>.txt."""

    name: str  # the file name without .txt
    text: str  # the reading text, as Article.text holds it
    gold: list[Gold]
    traps: list[Trap]


class CorpusError(ValueError):
    """The corpus files are not as this module describes."""


# --- Reading the files ---------------------------------------------------------------------


def parse(marked: str, where: str = "") -> tuple[str, list[Gold], list[Trap]]:
    """The plain text of ``marked`` (one line of a story, or an edit's new words) and the
    gold mentions and traps marked in it, by code-point offset into the plain text."""
    marked = _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), marked)
    pieces, gold, traps = [], [], []
    length = 0
    last = 0
    for match in _MARK.finditer(marked):
        pieces.append(marked[last : match.start()])
        length += match.start() - last
        last = match.end()
        if match.group(1) is not None:
            parts = match.group(1).split("|")
            if len(parts) == 2:
                parts.append("plain")
            if len(parts) != 3 or not parts[1] or parts[2] not in GOLD_KINDS:
                raise CorpusError(f"{where}: bad gold mention [[{match.group(1)}]]")
            surface, key, kind = parts
            gold.append(Gold(length, length + len(surface), key, kind))
        else:
            surface, _, kind = match.group(2).partition("|")
            if kind not in TRAP_KINDS:
                raise CorpusError(f"{where}: bad trap {{{{{match.group(2)}}}}}")
            traps.append(Trap(length, length + len(surface), kind))
        pieces.append(surface)
        length += len(surface)
    pieces.append(marked[last:])
    text = "".join(pieces)
    for stray in ("[[", "]]", "{{", "}}"):
        if stray in text:
            raise CorpusError(f"{where}: unbalanced {stray!r}")
    return text, gold, traps


def read_story(path: Path) -> Story:
    """One story file as its reading text with its gold mentions and traps."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return make_story(path.stem, [line for line in lines if line])


def make_story(name: str, lines: Sequence[str]) -> Story:
    """The story whose marked-up paragraphs are ``lines``, one per line of its text."""
    text_lines, gold, traps = [], [], []
    offset = 0
    for number, line in enumerate(lines, 1):
        plain, line_gold, line_traps = parse(line, f"{name}, paragraph {number}")
        gold += [g._replace(start=g.start + offset, end=g.end + offset) for g in line_gold]
        traps += [t._replace(start=t.start + offset, end=t.end + offset) for t in line_traps]
        text_lines.append(plain)
        offset += len(plain) + 1
    return Story(name, "\n".join(text_lines), gold, traps)


def load_stories(directory: Path = CORPUS / "stories") -> list[Story]:
    """Every story of the corpus, by file name."""
    return [read_story(path) for path in sorted(directory.glob("*.txt"))]


def load_entities(path: Path = CORPUS / "gazetteer.json") -> list[dict]:
    """The corpus's entities, as written in gazetteer.json."""
    return json.loads(path.read_text(encoding="utf-8"))


def load_edits(path: Path = CORPUS / "edits.json") -> list[dict]:
    """The corpus's copy edits, as written in edits.json."""
    return json.loads(path.read_text(encoding="utf-8"))


def named_entities(entities: Iterable[dict]) -> list[Named]:
    """The corpus's entities as the gazetteer takes them, as articles.suggestions.gazetteer()
    makes them from Entity rows: name, aliases, description and kind."""
    return [
        Named(e["key"], e["name"], tuple(e["aliases"]), e.get("description", ""), e.get("kind", ""))
        for e in entities
    ]


def build_gazetteer(entities: Iterable[dict] | None = None) -> Gazetteer:
    """The gazetteer over the corpus's entities (or ``entities``)."""
    return Gazetteer.of(named_entities(load_entities() if entities is None else entities))


# --- Checking the corpus -------------------------------------------------------------------

# Characters written in several ways: folded to one for unmarked_names().
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def unmarked_names(story: Story, entities: Iterable[dict]) -> list[tuple[int, str]]:
    """Where a name or alias of ``entities`` stands in the story outside every gold mention
    and trap: a mention the author forgot to mark, as (offset, surface).

    Quotes, dashes and spaces are folded; case is not (the verb "may" is no name), except
    that an upper-case passage such as a dateline counts as the name it spells.
    """
    text = story.text.translate(_FOLD)
    marked = [(g.start, g.end) for g in story.gold] + [(t.start, t.end) for t in story.traps]
    found = []
    surfaces = {s.translate(_FOLD) for e in entities for s in {e["name"], *e["aliases"]} if s}
    for match in _any_of(frozenset(surfaces)).finditer(text):
        start, end = match.start(), match.start() + len(match.group(1))
        if not any(s <= start and end <= e for s, e in marked):
            found.append((start, story.text[start:end]))
    return found


@functools.cache
def _any_of(surfaces: frozenset[str]) -> re.Pattern:
    """Any of ``surfaces``, as written or in capitals, as whole words, the longest that
    starts at each offset (a lookahead, so that names overlapping one another are all
    read): one pattern for a whole set, where a pattern per name took a third of a
    second a set."""
    written = {form for surface in surfaces for form in (surface, surface.upper())}
    either = "|".join(re.escape(form) for form in sorted(written, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?=({either})(?!\w))")


# --- Measuring suggestions -----------------------------------------------------------------


class Error(NamedTuple):
    """A wrong or missed suggestion: ``expected`` and ``got`` are entity keys, or "-" for
    nothing; ``kind`` is the gold mention's or trap's kind, or UNMARKED."""

    story: str
    start: int
    surface: str
    expected: str
    got: str
    kind: str


class Score(NamedTuple):
    """Counts by kind (gold kinds, trap kinds and UNMARKED) and the errors behind them."""

    true_positives: Counter
    false_positives: Counter
    false_negatives: Counter
    traps: Counter  # traps of each kind
    traps_hit: Counter  # traps of each kind in which something was found
    errors: list[Error]
    # Suggestions by whether they may be accepted in bulk (Gazetteer.needs_a_look is ""),
    # each counted under "right" or "wrong".
    in_bulk: Counter
    to_look_at: Counter


def _overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    return start < other_end and other_start < end


def score(stories: Iterable[Story], gazetteer: Gazetteer) -> Score:
    """Run the gazetteer over every story and compare what it finds with the gold.

    A match on a gold span with its key is a true positive. A match on a gold span with
    another key is a false positive and leaves the gold mention a false negative. Any
    other match is a false positive too, counted under the kind of the trap or gold
    mention it overlaps (a part of "Democratic People’s Republic of Korea" counts under
    that mention's kind), or as UNMARKED.
    """
    tp, fp, fn, traps, traps_hit = Counter(), Counter(), Counter(), Counter(), Counter()
    in_bulk, to_look_at = Counter(), Counter()
    errors = []
    for story in stories:
        matches = gazetteer.find(story.text)
        gold_at = {(g.start, g.end): g for g in story.gold}
        right = set()
        for match in matches:
            gold = gold_at.get((match.start, match.end))
            after = story.text[match.end : match.end + QUOTE_CONTEXT]
            tier = (
                to_look_at if gazetteer.needs_a_look(match.surface, match.key, after) else in_bulk
            )
            tier["right" if gold is not None and gold.key == match.key else "wrong"] += 1
            if gold is not None and gold.key == match.key:
                tp[gold.kind] += 1
                right.add(gold)
                continue
            trap = next(
                (t for t in story.traps if _overlaps(match.start, match.end, t.start, t.end)),
                None,
            )
            overlapped = gold or next(
                (g for g in story.gold if _overlaps(match.start, match.end, g.start, g.end)),
                None,
            )
            if trap is None and overlapped is not None:
                # Reported with the gold mention it spoils, below.
                fp[overlapped.kind] += 1
                continue
            kind = UNMARKED if trap is None else trap.kind
            fp[kind] += 1
            errors.append(Error(story.name, match.start, match.surface, "-", match.key, kind))
        for gold in story.gold:
            if gold in right:
                continue
            fn[gold.kind] += 1
            found = [
                match.key
                if (match.start, match.end) == (gold.start, gold.end)
                else f"{match.surface!r} as {match.key}"
                for match in matches
                if _overlaps(match.start, match.end, gold.start, gold.end)
            ]
            surface = story.text[gold.start : gold.end]
            errors.append(
                Error(story.name, gold.start, surface, gold.key, ", ".join(found) or "-", gold.kind)
            )
        for trap in story.traps:
            traps[trap.kind] += 1
            if any(_overlaps(m.start, m.end, trap.start, trap.end) for m in matches):
                traps_hit[trap.kind] += 1
    errors.sort(key=lambda error: (error.story, error.start))
    return Score(tp, fp, fn, traps, traps_hit, errors, in_bulk, to_look_at)


def ratios(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (each 1.0 when there is nothing to get wrong)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def counts(result: Score) -> Counter:
    """Right, wrong and missed suggestions over the whole corpus."""
    return Counter(
        right=sum(result.true_positives.values()),
        wrong=sum(result.false_positives.values()),
        missed=sum(result.false_negatives.values()),
    )


def overall(result: Score) -> tuple[float, float, float]:
    """Precision, recall and F1 over the whole corpus."""
    totals = counts(result)
    return ratios(totals["right"], totals["wrong"], totals["missed"])


def score_set(directory: Path) -> Score:
    """The suggestions on the set laid out in ``directory`` (gazetteer.json and
    stories/) against its gold."""
    stories = load_stories(directory / "stories")
    return score(stories, build_gazetteer(load_entities(directory / "gazetteer.json")))


# --- A second annotator ---------------------------------------------------------------------
#
# A set may hold ``second/``: the same stories marked by a second person who saw neither the
# gold nor the rules, with gold mentions only ([[surface|key]]). How far two careful people
# agree is the ceiling any suggester is measured against on copy nobody tuned it on.


def load_second(directory: Path) -> list[Story]:
    """The second annotator's stories of the set in ``directory`` (its ``second/``), or []."""
    return load_stories(directory / "second") if (directory / "second").is_dir() else []


class Agreement(NamedTuple):
    """Mentions (span and entity) marked alike by two annotators, and by one of them only."""

    both: int
    first_only: int
    second_only: int


def _mentions(stories: Iterable[Story]) -> set[tuple[str, int, int, object]]:
    return {(story.name, g.start, g.end, g.key) for story in stories for g in story.gold}


def agreement(first: Sequence[Story], second: Sequence[Story]) -> Agreement:
    """How far two markings of the same stories agree. Raises CorpusError when a story of
    ``second`` is missing from ``first`` or its text differs."""
    texts = {story.name: story.text for story in first}
    for story in second:
        if texts.get(story.name) != story.text:
            raise CorpusError(f"{story.name}: not the text of the first annotator's story")
    named = {story.name for story in second}
    ours = _mentions(story for story in first if story.name in named)
    theirs = _mentions(second)
    return Agreement(len(ours & theirs), len(ours - theirs), len(theirs - ours))


def against_either(
    first: Sequence[Story], second: Sequence[Story], gazetteer: Gazetteer
) -> tuple[int, int, int, int]:
    """The suggestions read against two annotators: (suggestions, those either marked so,
    mentions both marked alike, those of them suggested)."""
    named = {story.name for story in second}
    stories = [story for story in first if story.name in named]
    found = {
        (story.name, m.start, m.end, m.key) for story in stories for m in gazetteer.find(story.text)
    }
    ours, theirs = _mentions(stories), _mentions(second)
    agreed = ours & theirs
    return len(found), len(found & (ours | theirs)), len(agreed), len(found & agreed)


# --- Carrying mentions through edits -------------------------------------------------------

KEPT_RIGHT = "kept right"
FLAGGED = "flagged"
SILENTLY_WRONG = "silently wrong"
ANOTHER_NAME = "kept on another entity's name"
OUTCOMES = (KEPT_RIGHT, FLAGGED, SILENTLY_WRONG, ANOTHER_NAME)


class Edited(NamedTuple):
    """A story after an edit, and the truth about each of its gold mentions.

    ``carried[i]`` is where the words of ``story.gold[i]`` now are, or None when the edit
    changed or deleted them. ``renamed[i]`` is the key of the entity the new text names
    there, when the edit made those untouched words part of another entity's name
    ("Kim" -> "Kim Yo Jong"), else None. ``gold`` lists the mentions the edit's own
    words bring, marked in its "with" text.
    """

    text: str
    carried: list[tuple[int, int] | None]
    renamed: list[str | None]
    gold: list[Gold]


class _Draft:
    """A text being edited, each character tagged with where it came from: its offset in
    the original text, or a negative number for a character an edit brought."""

    def __init__(self, text: str):
        self.chars = list(text)
        self.origins = list(range(len(text)))
        self.fresh = 0
        self.brought: list[tuple[list[int], str, str]] = []  # origins, key, kind
        self._position: dict[int, int] | None = None  # origin -> offset, made when asked

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def find_once(self, needle: str, what: str) -> int:
        text = self.text
        at = text.find(needle)
        if at == -1 or text.find(needle, at + 1) != -1:
            count = "absent" if at == -1 else "there more than once"
            raise CorpusError(f"{what} {needle!r} is {count}")
        return at

    def replace(self, at: int, size: int, marked: str) -> None:
        """Put ``marked`` (plain text with optional gold markup) in place of
        text[at:at + size], keeping the origin of what the two share at their ends."""
        old = "".join(self.chars[at : at + size])
        new, gold, _ = parse(marked, "an edit")
        # Whole words are shared, never a letter of one ("s has w" -> "s w" deletes
        # "has", not the "s" of the name before it). The end first: text is most often
        # inserted before the words it is written against ("Beridze was detained.
        # Beridze said" keeps the second "Beridze").
        old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
        most = min(len(old_tokens), len(new_tokens))
        tail = 0
        while tail < most and old_tokens[-1 - tail] == new_tokens[-1 - tail]:
            tail += 1
        head = 0
        while head < most - tail and old_tokens[head] == new_tokens[head]:
            head += 1
        head = sum(map(len, old_tokens[:head]))
        tail = sum(map(len, old_tokens[len(old_tokens) - tail :]))
        middle = len(new) - head - tail
        origins = (
            self.origins[at : at + head]
            + list(range(self.fresh - 1, self.fresh - 1 - middle, -1))
            + self.origins[at + size - tail : at + size]
        )
        self.fresh -= middle
        for mention in gold:
            self.brought.append((origins[mention.start : mention.end], mention.key, mention.kind))
        self.chars[at : at + size] = new
        self.origins[at : at + size] = origins
        self._position = None

    def move(self, at: int, size: int, to: int) -> None:
        """Cut text[at:at + size] and insert it at ``to`` (an offset after the cut)."""
        chars, origins = self.chars[at : at + size], self.origins[at : at + size]
        del self.chars[at : at + size], self.origins[at : at + size]
        self.chars[to:to] = chars
        self.origins[to:to] = origins
        self._position = None

    def swap(self, first: tuple[int, int], second: tuple[int, int]) -> None:
        """Exchange the passages text[first[0]:first[1]] and text[second[0]:second[1]]."""
        (a, b), (c, d) = sorted([first, second])
        if b > c:
            raise CorpusError("swapped passages overlap")
        for items in (self.chars, self.origins):
            items[a:d] = items[c:d] + items[b:c] + items[a:b]
        self._position = None

    def where(self, run: Sequence[int], edges: bool = True) -> tuple[int, int] | None:
        """The new span of the characters whose origins are ``run``, if they are all
        there and still side by side; with ``edges``, also still the whole word (``run``
        being a stretch of the original text)."""
        if self._position is None:
            self._position = {origin: index for index, origin in enumerate(self.origins)}
        start = self._position.get(run[0]) if run else None
        end = None if start is None else start + len(run)
        if start is None or self.origins[start:end] != list(run):
            return None
        if not edges:
            return start, end
        # A letter typed onto either edge ("Kim" -> "Kimm") changes the word itself.
        if start > 0 and _glued(self.chars[start - 1]) and self.origins[start - 1] != run[0] - 1:
            return None
        if end < len(self.chars) and _glued(self.chars[end]) and self.origins[end] != run[-1] + 1:
            return None
        return start, end


def apply_ops(story: Story, ops: Sequence[dict]) -> Edited:
    """The story after the edit ``ops`` (see this module's docstring), with the truth about
    where each gold mention's words went."""
    draft = _Draft(story.text)
    for op in ops:
        if "replace" in op:
            at = draft.find_once(op["replace"], "replaced text")
            draft.replace(at, len(op["replace"]), op["with"])
        elif "move" in op:
            at = draft.find_once(op["move"], "moved text")
            size = len(op["move"])
            draft.move(at, size, 0)  # out of the way, to find the anchor without it
            anchor = op.get("before", op.get("after"))
            if anchor is None:
                raise CorpusError("a move needs 'before' or 'after'")
            rest = draft.text[size:]
            to = rest.find(anchor)
            if to == -1 or rest.find(anchor, to + 1) != -1:
                raise CorpusError(f"anchor {anchor!r} is absent or there more than once")
            to += len(anchor) if "after" in op else 0
            draft.move(0, size, to)
        elif "swap" in op:
            first, second = (_paragraph(draft.text, opening) for opening in op["swap"])
            draft.swap(first, second)
        else:
            raise CorpusError(f"unknown op {op!r}")
    return _settle(story, draft)


def _glued(char: str) -> bool:
    """True for a character that would join the word next to it."""
    return char.isalnum() or char == "_"


def _paragraph(text: str, opening: str) -> tuple[int, int]:
    """The span of the one paragraph of ``text`` that starts with ``opening``."""
    found = [match.span() for match in re.finditer(r"^.*$", text, re.MULTILINE)]
    found = [(start, end) for start, end in found if text.startswith(opening, start)]
    if len(found) != 1:
        raise CorpusError(f"{len(found)} paragraphs start with {opening!r}, not one")
    return found[0]


def _settle(story: Story, draft: _Draft) -> Edited:
    """The Edited view of a finished draft."""
    brought = []
    for run, key, kind in draft.brought:
        span = draft.where(run, edges=False)
        if span is not None:
            brought.append(Gold(span[0], span[1], key, kind))
    carried, renamed = [], []
    for gold in story.gold:
        span = draft.where(range(gold.start, gold.end))
        carried.append(span)
        name = None
        if span is not None:
            name = next(
                (
                    new.key
                    for new in brought
                    if new.start <= span[0] and span[1] <= new.end and new.key != gold.key
                ),
                None,
            )
        renamed.append(name)
    return Edited(draft.text, carried, renamed, brought)


def touched(story: Story, edited: Edited) -> list[int]:
    """The indexes of the gold mentions whose words the edit changed, deleted or made
    part of another entity's name: the ones that should be flagged."""
    return [
        index
        for index in range(len(story.gold))
        if edited.carried[index] is None or edited.renamed[index] is not None
    ]


def spans_of(story: Story) -> list[Span]:
    """The story's gold mentions as confirmed mention spans with their quote and context,
    as Mention.fill_quote stores them."""
    text = story.text
    return [
        Span(
            g.start,
            g.end,
            text[g.start : g.end],
            text[max(0, g.start - QUOTE_CONTEXT) : g.start],
            text[g.end : g.end + QUOTE_CONTEXT],
        )
        for g in story.gold
    ]


def outcome(story: Story, edited: Edited, index: int, mapped: Mapped) -> str:
    """What happened to gold mention ``index`` when map_spans carried it into the edited
    text: one of OUTCOMES.

    Flagged when map_spans asks for review. Otherwise it is kept right if it sits on its
    own untouched words (or on words the edit brought that name the same entity: a
    re-typed name), kept on another entity's name if it sits on its own words but they
    now name someone else, and silently wrong anywhere else.
    """
    if mapped.status == NEEDS_REVIEW:
        return FLAGGED
    here = (mapped.start, mapped.end)
    if here == edited.carried[index]:
        return KEPT_RIGHT if edited.renamed[index] is None else ANOTHER_NAME
    key = story.gold[index].key
    if any((new.start, new.end) == here and new.key == key for new in edited.gold):
        return KEPT_RIGHT
    return SILENTLY_WRONG
