"""What ``rules.resolve`` finds in a story (``Match``) and has read of it so far
(``_Story``), which the rules that tell entities apart consult: where each entity was
last named, the genders, ages and ties the story gave, and what it said beside each
person's names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from articles.anchoring.profiles import Profile, _stem, _words
from articles.anchoring.reading import _CAPITALISED, _LOWER_WORD, opens_sentence


class Match(NamedTuple):
    """A resolved occurrence of an entity's name; ``surface == text[start:end]``."""

    start: int
    end: int
    key: object
    surface: str


@dataclass
class _Story:
    """What ``resolve`` has read of a story so far, for ``_choose``."""

    text: str
    profiles: Mapping[object, Profile]
    spans: list[tuple[int, int]]  # where every hit is, in order
    keys_at: dict[int, tuple]  # the keys of the hit that starts at each offset
    # Where each entity was last named in each folded form.
    recent: dict[object, dict[str, int]] = field(default_factory=dict)
    learned: dict[object, str] = field(default_factory=dict)  # genders the story gave
    filed_from: object = None  # the place the dateline names
    # What the words beside each person's names said so far (see ``_described``).
    described: dict[object, set[str]] = field(default_factory=dict)
    # Where people not ours, or storms, were named with a surname of ours, and whether
    # each was a person (see ``_strangers``).
    strangers: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    # Who the story says is older than whom: (older, younger) from "his father, Heydar
    # Aliyev" (see ``_tie_stated``).
    older: set[tuple] = field(default_factory=set)
    # Who the story says is the elder or the younger of their family, to a relative it
    # does not name there: "Davide Parodi scored past his younger brother" (see
    # ``_tie_to_someone_unnamed``).
    elder_or_younger: dict[object, str] = field(default_factory=dict)
    # People the story says are dead: "her late father-in-law Walter Ford".
    dead: set = field(default_factory=set)
    chosen: dict[int, object] = field(default_factory=dict)  # the key each hit was given
    # Where each name of places of one name is written with a region that tells them
    # apart (see ``places._qualified_where``), read once a story.
    twins_qualified: dict = field(default_factory=dict)
    _named_words: Counter | None = None
    # How often it names each sport, by its words and with its names too (see
    # ``organisations._sports_named``).
    sports_named: tuple[Counter, Counter] | None = None
    _word_counts: Counter | None = None

    def word_counts(self) -> Counter:
        """How often the story writes each word, in lower case."""
        if self._word_counts is None:
            self._word_counts = Counter(word.lower() for word in _words(self.text))
        return self._word_counts

    def named_words(self) -> Counter:
        """The stems of the capitalised words the story writes, each with how often: its
        names, and the first word of a sentence only if the story never writes it in lower
        case ("City engineers said ... the city’s water": "City" is a common word, and
        "Mexico City" in a description does not meet it)."""
        if self._named_words is None:
            common = set(_LOWER_WORD.findall(self.text))
            self._named_words = Counter(
                _stem(word.group())
                for word in _CAPITALISED.finditer(self.text)
                if word.group().lower() not in common or not opens_sentence(self.text, word.start())
            )
        return self._named_words
