"""Pure functions over an article's reading text: blocks, sentences, snippets, and the
reading of plain-text wire stories for import.

The reading text (Article.text) has one block a reader reads per line: a paragraph, a
subheading, a quote's paragraph or a list item, with no markup. Every offset here is a
Python code-point offset into that string, so mention spans stored in the database can be
used directly.

This module imports nothing from Django (it must stay fast to test and easy to reuse).
"""

from __future__ import annotations

import re
from typing import NamedTuple

SUBHEAD_MARKER = "## "
ELLIPSIS = "…"
# Control characters that XML 1.0 cannot carry at all (all but tab, newline and carriage
# return), so no feed or sitemap could hold a name or headline with one. Word processors
# paste some of them (a soft line break is \x0b).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Characters that may close a quotation or parenthesis after a sentence's final
# punctuation; they belong to the sentence they close.
_CLOSERS = "”’\"')]»›"
# Characters that may open the next sentence before its first word.
_OPENERS = "“‘\"'([«‹¿¡"
_QUOTE_CLOSERS = "”’\"'»›"

# A candidate sentence end: final punctuation, any closing quotes/brackets, then the
# whitespace that must follow it. A bare newline (no punctuation) is a hard break too,
# because a paragraph never continues onto the next line.
_BREAK = re.compile(
    r"(?P<punct>[.?!…]+)(?P<close>[" + re.escape(_CLOSERS) + r"]*)(?P<ws>\s+)|(?P<nl>\n)"
)
_WORD = re.compile(r"[^\W\d_]+")
# Dotted abbreviations such as U.S., U.K., U.N., D.C., e.g., i.e., a.m., Ph.D (the
# final period is not part of the token).
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")

# The word lists are written as split strings because they read better than hundreds of
# quoted items.
# Abbreviations that are always followed by more of the same sentence (a name, a number).
_NEVER_FINAL = frozenset(
    """Mr Mrs Ms Mx Messrs Mmes Dr Prof Gen Lt Col Capt Sgt Cpl Pvt Maj Adm Cmdr Brig
    Gov Sen Sens Rep Reps Rev Hon Pres Supt Det Insp Fr Mt Ft vs cf approx""".split()  # noqa: SIM905
)
# Abbreviations that can also end a sentence ("shares of Acme Inc. The company...").
# After these (and after dotted abbreviations and single-letter initials) a sentence
# ends only when the next word is one of _SENTENCE_STARTERS.
_MAYBE_FINAL = frozenset(
    """St Jr Sr No Nos Inc Ltd Corp Co Bros Ave Blvd Rd p pp para fig Fig vol Vol ch
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()  # noqa: SIM905
)
# Words that commonly open a sentence but rarely follow "U.S." or "Inc." inside one.
_SENTENCE_STARTERS = frozenset(
    """A An The He She It They We I You His Her Its Their Our My Your This That These Those
    There Here Then But And Or So Yet Still However Meanwhile Now In On At As After Before
    When While If Although Though Since For With By From Some Many Most All Both Each No
    Not What Who Why How Where""".split()  # noqa: SIM905
)


class Block(NamedTuple):
    """One line's text of a reading text; callers slice ``text[start:end]``."""

    start: int  # offset of the first character that is not whitespace
    end: int  # exclusive; trailing whitespace is excluded


class Snippet(NamedTuple):
    """A mention in its sentence: ``before + exact + after`` reads as the sentence."""

    before: str
    exact: str
    after: str


class Annotation(NamedTuple):
    """A span of the reading text to make a link (or a <mark> when ``href`` is None)."""

    start: int
    end: int
    href: str | None = None
    css_class: str = ""
    title: str = ""


# --- Blocks -----------------------------------------------------------------------------


def _line_block(body: str, line_start: int, line_end: int) -> Block | None:
    """The block for the line body[line_start:line_end], or None if it has no text."""
    line = body[line_start:line_end]
    start = line_start + len(line) - len(line.lstrip())
    end = line_start + len(line.rstrip())
    if start >= end:
        return None
    return Block(start, end)


def blocks(body: str) -> list[Block]:
    """Split a reading text into its blocks (lines), in order.

    Each non-empty line is one block. Leading and trailing whitespace is outside
    ``[start, end)``. Blank lines give no block.
    """
    result = []
    pos = 0
    length = len(body)
    while pos <= length:
        newline = body.find("\n", pos)
        if newline == -1:
            newline = length
        block = _line_block(body, pos, newline)
        if block is not None:
            result.append(block)
        pos = newline + 1
    return result


def _block_at(body: str, pos: int) -> Block | None:
    """The block whose text contains offset ``pos``, found without scanning the body."""
    if not 0 <= pos < len(body):
        return None
    line_start = body.rfind("\n", 0, pos) + 1
    line_end = body.find("\n", pos)
    if line_end == -1:
        line_end = len(body)
    block = _line_block(body, line_start, line_end)
    if block is None or not block.start <= pos < block.end:
        return None
    return block


# --- Sentences --------------------------------------------------------------------------


def _is_sentence_end(text: str, match: re.Match[str], start: int, end: int) -> bool:
    """Decide whether a _BREAK candidate (punctuation + whitespace) ends a sentence."""
    if "\n" in match.group("ws"):
        return True
    following = match.end()
    while following < end and text[following] in _OPENERS:
        following += 1
    if following >= end:
        return True
    # A sentence never starts lowercase: “Why?” he asked. / e.g. apples / etc. and more
    if text[following].islower():
        return False
    # "?", "!", "…" and a period inside closing quotes end a sentence before a capital.
    if match.group("punct") != "." or match.group("close"):
        return True

    token_start = match.start()
    while token_start > start and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start : match.start()].lstrip(_OPENERS)
    if token in _NEVER_FINAL:
        return False
    is_initial = len(token) == 1 and token.isalpha()
    if not (is_initial or token in _MAYBE_FINAL or _DOTTED.fullmatch(token)):
        return True

    word = _WORD.match(text, following, end)
    if word is None:
        # "No. 10", "Jan. 5": a number after the abbreviation continues the sentence.
        return False
    next_is_initial = len(word.group()) == 1 and text.startswith(".", word.end())
    if next_is_initial:
        # "J. R. R. Tolkien": a chain of initials, not "Plan B. A new plan..."
        return False
    return word.group() in _SENTENCE_STARTERS


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` (absolute offsets into ``text``) in text[start:end].

    Whitespace between sentences is in no span; every other character of the range is in
    exactly one span. The rules, in order, for punctuation followed by whitespace:

    - A newline always ends a sentence (a paragraph is one line).
    - Closing quotes and brackets after the final punctuation belong to the sentence:
      ‘He said, “We will go.” Then they left.’ is two sentences.
    - Nothing ends before a lowercase word (“Why?” he asked; e.g. apples; etc. and more).
      The next sentence starts with a capital, a digit or an opening quote/bracket.
    - ".", "?", "!", "…" and runs such as "?!" or "..." end a sentence otherwise, except a
      single "." (with no closing quote after it) in these cases:
      - titles and the like never end one: Mr., Mrs., Dr., Gen., Sen., Rev., vs. ...;
      - dotted abbreviations (U.S., U.K., U.N., e.g., i.e., a.m.), single-letter initials
        (George W. Bush) and abbreviations such as St., Jr., No., Inc., Co., Jan.
        end one only when the next word is a common sentence starter ("He", "The",
        "But", "A", ...): "The U.S. Army said" is one sentence, "He moved to the U.S.
        He stayed." is two. "J. R. R. Tolkien" (an initial after an initial) and
        "No. 10" (a number after the abbreviation) never break.
    - Decimals and versions ("3.5 percent", "$1.2 billion", "v2.0") never break because
      no whitespace follows their period.
    """
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _BREAK.finditer(text, start, end):
        if match.group("nl") is not None:
            cut = match.start()
        elif _is_sentence_end(text, match, start, end):
            cut = match.end("close")
        else:
            continue
        _add_span(text, sentence_start, cut, spans)
        sentence_start = match.end()
    _add_span(text, sentence_start, end, spans)
    return spans


def sentence_span(body: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence(s) of ``body`` containing ``[start, end)``.

    Sentences are found within the block that contains ``start``; a span crossing several
    sentences gets all of them. The result always contains ``[start, end)``. When
    ``start`` is outside every block (a blank line) or the span lies only
    in whitespace between sentences, ``(start, end)`` is returned unchanged.
    """
    block = _block_at(body, start)
    if block is None:
        return (start, end)
    # An empty span is treated as covering the character at ``start``.
    probe_end = max(end, start + 1)
    hits = [
        (s, e) for s, e in sentences(body, block.start, block.end) if s < probe_end and e > start
    ]
    if not hits:
        return (start, end)
    return (min(hits[0][0], start), max(hits[-1][1], end))


# --- Snippets ---------------------------------------------------------------------------


def _keep_tail(text: str, room: int) -> str:
    """The end of ``text`` in at most ``room`` characters, "…" included, cut between words."""
    if len(text) <= room:
        return text
    keep = max(room - len(ELLIPSIS), 0)
    cut = len(text) - keep
    piece = text[cut:]
    if keep and not text[cut - 1].isspace() and not piece[0].isspace():
        # The cut fell inside a word: drop the partial word.
        spaces = [i for i, ch in enumerate(piece) if ch.isspace()]
        piece = piece[spaces[0] :] if spaces else ""
    return ELLIPSIS + piece.lstrip()


def _keep_head(text: str, room: int) -> str:
    """The start of ``text`` in at most ``room`` characters, "…" included, cut between words."""
    if len(text) <= room:
        return text
    keep = max(room - len(ELLIPSIS), 0)
    piece = text[:keep]
    if keep and not text[keep].isspace() and not piece[-1].isspace():
        spaces = [i for i, ch in enumerate(piece) if ch.isspace()]
        piece = piece[: spaces[-1]] if spaces else ""
    return piece.rstrip() + ELLIPSIS


def snippet(body: str, start: int, end: int, max_chars: int = 320) -> Snippet:
    """The sentence around ``body[start:end]``, split into before / exact / after.

    If the sentence is longer than ``max_chars``, ``before`` and ``after`` are trimmed at
    word boundaries, sharing the room left by ``exact`` roughly evenly (a short side gives
    its unused room to the other), and each cut is marked with "…". ``exact`` is never
    trimmed, so a mention longer than ``max_chars`` gives a longer snippet.
    """
    sentence_start, sentence_end = sentence_span(body, start, end)
    before = body[sentence_start:start]
    exact = body[start:end]
    after = body[end:sentence_end]
    room = max_chars - len(exact)
    if len(before) + len(after) <= room:
        return Snippet(before, exact, after)
    half = max(room, 0) // 2
    if len(before) <= half:
        before_room = len(before)
    elif len(after) <= max(room, 0) - half:
        before_room = max(room, 0) - len(after)
    else:
        before_room = half
    after_room = max(room, 0) - before_room
    return Snippet(_keep_tail(before, before_room), exact, _keep_head(after, after_room))


# --- Imports ----------------------------------------------------------------------------


def _normalise(raw: str) -> list[str]:
    """Lines of an imported file: BOM removed, any line ending, outer whitespace removed."""
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in raw.split("\n")]


def looks_like_headline(line: str) -> bool:
    """Whether a line could be a headline (or a subhead): short and not sentence-like.

    True for a non-empty line of at most 120 characters and 20 words that does not start
    with "## " and does not end with ".", "…", ",", ";" or ":" (closing quotes/brackets
    after that punctuation are looked through). Ending with "?" or "!" is fine.
    """
    text = line.strip()
    if not text or text.startswith(SUBHEAD_MARKER):
        return False
    if len(text) > 120 or len(text.split()) > 20:
        return False
    core = text.rstrip(_CLOSERS)
    return not core or core[-1] not in ".…,;:"


def _is_subhead_candidate(line: str) -> bool:
    # Unlike a headline, a subhead ends in no sentence punctuation at all.
    return looks_like_headline(line) and line[-1] not in ".!?…" + _QUOTE_CLOSERS


def parse_story(raw: str) -> tuple[str | None, str]:
    """Split an imported plain-text wire story into ``(headline, body)``.

    Line endings are normalised, a BOM is removed and each line is stripped of surrounding
    whitespace. The first non-empty line is the headline if it ``looks_like_headline`` and
    another non-empty line follows; otherwise the headline is None. The body keeps one
    paragraph per line with blank lines dropped; lines already starting with "## " stay
    subheads, and a short line with no final punctuation or closing quote becomes a
    subhead ("## " + line) when the lines on both sides of it are ordinary paragraphs.
    Text (curly quotes included) is otherwise kept exactly.
    """
    lines = [line for line in _normalise(raw) if line]
    headline = None
    if len(lines) >= 2 and looks_like_headline(lines[0]):
        headline, lines = lines[0], lines[1:]

    def is_paragraph(line: str) -> bool:
        return not line.startswith(SUBHEAD_MARKER) and not _is_subhead_candidate(line)

    body = []
    for i, line in enumerate(lines):
        if (
            0 < i < len(lines) - 1
            and _is_subhead_candidate(line)
            and is_paragraph(lines[i - 1])
            and is_paragraph(lines[i + 1])
        ):
            line = SUBHEAD_MARKER + line
        body.append(line)
    return headline, "\n".join(body)
