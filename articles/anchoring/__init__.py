"""Finding entity names in text (matching) and keeping mention spans on their words
through edits (mapping): pure functions, no Django, each rule with the reason for it."""

from articles.anchoring.mapping import (
    KEPT,
    NEEDS_REVIEW,
    REFOUND,
    Mapped,
    Span,
    diff_opcodes,
    map_spans,
    resolve_quote,
)
from articles.anchoring.matching import (
    DATE_WORD,
    IN_A_COMPETITION,
    NO_ALIAS,
    SHARED_WORDS,
    SHORT_FORM,
    SPELLED_OTHERWISE,
    Entry,
    Gazetteer,
    Match,
    collector_paused,
)
from articles.anchoring.profiles import Named

__all__ = [
    "DATE_WORD",
    "IN_A_COMPETITION",
    "KEPT",
    "NO_ALIAS",
    "NEEDS_REVIEW",
    "REFOUND",
    "SHARED_WORDS",
    "SHORT_FORM",
    "SPELLED_OTHERWISE",
    "Entry",
    "Gazetteer",
    "Mapped",
    "Match",
    "Named",
    "Span",
    "collector_paused",
    "diff_opcodes",
    "map_spans",
    "resolve_quote",
]
