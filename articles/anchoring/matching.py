"""Pure functions for finding entity names in text (stdlib and pyahocorasick, no Django).

``Gazetteer`` finds every entity name or alias in a body with one Aho-Corasick
automaton: Unicode word boundaries, leftmost-longest, never overlapping, and a short
alias shared by several entities resolved by the longer form that appeared earlier.

Every offset is a Python code-point offset, as everywhere in ``articles.text``.
"""

from __future__ import annotations

import gc
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Set
from contextlib import contextmanager
from typing import NamedTuple

import ahocorasick

from articles.anchoring import context, folding, reading, rules, short_forms, variants
from articles.anchoring.english import is_english_word
from articles.anchoring.folding import fold, spelled, typographic
from articles.anchoring.given_names import gender_of_given_name
from articles.anchoring.profiles import (
    _STOPWORDS,
    MONTHS,
    Named,
    Profile,
    _wordset,
    profile,
)
from articles.anchoring.story import Match
from articles.anchoring.variants import _ABBREVIATED, _ABBREVIATIONS

# --- Gazetteer ---------------------------------------------------------------------------


class Entry(NamedTuple):
    """One name or alias of an entity, as the gazetteer is built from."""

    key: object  # the caller's id for the entity (e.g. its pk)
    surface: str  # a name or alias as written, e.g. "Kim Jong Un", "Kim"
    case_sensitive: bool = True  # False: matches in any case
    # False: a form of the name as copy of another style writes it ("St Louis" for "St.
    # Louis"), made by Gazetteer.of
    as_written: bool = True


# Why a suggestion needs a look before it is accepted (Gazetteer.needs_a_look).
SHARED_WORDS = "shared-words"
NO_ALIAS = "no-alias"
DATE_WORD = "date-word"
SHORT_FORM = "short-form"
SPELLED_OTHERWISE = "spelled-otherwise"
IN_A_COMPETITION = "in-a-competition"
# A competition's word after an acronym: "the AFC Champions League", "the EFL Trophy".
_A_COMPETITIONS_WORD_AFTER = re.compile(
    r"\s(?:Champions|Trophy|Cup|League|Championships?|Games|Series|Open|Premier|Super|"
    r"Masters|Awards?|Prize)\b"
)


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

    def __init__(
        self,
        entries: Iterable[Entry],
        profiles: Mapping[object, Profile] | None = None,
        names: Mapping[object, str] | None = None,
    ):
        exact: dict[str, list] = {}  # case-sensitive surface -> keys
        folded: dict[str, list] = {}  # lower-cased case-insensitive surface -> keys
        # Each lower-cased form -> each lower-cased spelling with its accents -> keys,
        # for the forms some name or alias spells with accents.
        spellings: dict[str, dict[str, list]] = {}
        written: set[str] = set()  # the lower-cased spellings of names as written
        spelled_entries = []  # (form, spelling, key) of every entry
        for entry in entries:
            surface = typographic(entry.surface)
            if not surface:
                continue
            form = _lower(surface)
            # (An ASCII name is spelled as its form: the usual case, read at once.)
            spelling = form if entry.surface.isascii() else _lower(spelled(entry.surface))
            spelled_entries.append((form, spelling, entry.key))
            if spelling != form:
                spellings.setdefault(form, {})
            if entry.as_written:
                written.add(spelling)
            keys = (
                exact.setdefault(surface, [])
                if entry.case_sensitive
                else folded.setdefault(form, [])
            )
            if entry.key not in keys:
                keys.append(entry.key)
        for form, spelling, key in spelled_entries:
            if form in spellings:
                keys = spellings[form].setdefault(spelling, [])
                if key not in keys:
                    keys.append(key)
        # Each automaton word maps to (its length, keys, the surface a hit must read as
        # or None for any, and each reading's keys when the form has more than one);
        # the automaton holds these with a shortcut key added (see below).
        values: dict[str, tuple] = {}
        # The automaton holds every form lower-cased and runs over a lower-cased copy of
        # the text, even when every alias is case-sensitive: an upper-case dateline
        # ("RIO DE JANEIRO, Nov 19 -") is then found, and taken if no alias fits its case.
        for form, keys in folded.items():
            values[form] = (len(form), tuple(keys), None, None)
        for surface, keys in exact.items():
            form = _lower(surface)
            value = values.get(form)
            if value is None:
                values[form] = (len(form), tuple(keys), surface, None)
                continue
            # The form has another reading already (rare). Text that reads exactly as
            # this surface also fits the form's case-insensitive aliases, if any, so it
            # goes to their keys too.
            size, first_keys, first, readings = value
            readings = readings or {first: first_keys}
            any_case = readings.get(None, ())
            readings[surface] = (*keys, *(key for key in any_case if key not in keys))
            first = next(reading for reading in readings if reading is not None)
            values[form] = (size, readings[first], first, readings)
        self.profiles = dict(profiles or {})
        # Each entity's name as written and each person's family name, which a story
        # that names them in full calls them by (short_forms.with_family_names, by_surname),
        # and the people of each folded family name.
        self.names = dict(names or {})
        self.family_names = {
            key: family
            for key, name in self.names.items()
            if key in self.profiles and (family := short_forms.surname(self.profiles[key], name))
        }
        self._families: dict[str, tuple] = {}
        for key, family in self.family_names.items():
            folded_family = folding.fold(family)
            self._families[folded_family] = (*self._families.get(folded_family, ()), key)
        # How the forms that have accents in some name or alias are spelled, and by whom:
        # text spelled as one entity's name is that one's where entities spell a form
        # apart by accents alone ("Tāwhiao" the king, "Tawhiao" a man of the family name).
        self._spellings = {
            form: {spelling: tuple(keys) for spelling, keys in by_spelling.items()}
            for form, by_spelling in spellings.items()
        }
        self._written = frozenset(written)
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

    @classmethod
    def of(cls, entities: Iterable[Named]) -> Gazetteer:
        """The gazetteer of ``entities``' names and aliases, with what tells them apart."""
        # Names as a reader sees them, as the text is read (``folding.as_seen``): a
        # combining mark is its letter's accent.
        entities = [
            named._replace(
                name=folding.seen(named.name),
                aliases=tuple(map(folding.seen, named.aliases)),
                description=folding.seen(named.description),
            )
            for named in entities
        ]
        kinds_spelled: dict[str, set[str]] = {}  # each name as written -> its entities' kinds
        for named in entities:
            for name in (named.name, *named.aliases):
                if name:
                    kinds_spelled.setdefault(typographic(name), set()).add(named.kind)

        entries = [
            Entry(named.key, surface, as_written=surface == written)
            for named in entities
            for written in {named.name, *named.aliases}
            if written
            for surface in {written, *variants.written_otherwise(named, written, kinds_spelled)}
        ]
        return cls(
            entries,
            {named.key: profile(named) for named in entities},
            {named.key: named.name for named in entities},
        )

    def keys_named(self, words: str) -> tuple:
        """The key of every entity that has ``words`` as its name or an alias, in any case
        and any typography ("ATLANTA" and "Atlanta" name the city, the club and the team
        that share the word; "Dissa\u00adnayake" with a soft hyphen, as read)."""
        if self._automaton is None:
            return ()
        value = self._automaton.get(_lower(typographic(folding.seen(words))), None)
        if value is None or value[3] is None:
            return ()  # no alias (or a bridge, which is only a way to shorter aliases)
        _, _, _, keys, readings = value
        return _every_reading(keys, readings)

    def keys_sharing(self, words: str) -> tuple:
        """The keys ``words`` may name: those it is a name or an alias of
        (``keys_named``), and the people whose family name it is, which a story that
        names them in full calls them by (``short_forms.by_surname``): "Murillo" names the
        painter whose alias it is and the museum director Elena Murillo."""
        keys = self.keys_named(words)
        family = self._families.get(folding.fold(words), ())
        return keys + tuple(key for key in family if key not in keys)

    def needs_a_look(self, words: str, key, after: str = "") -> str:
        """Why a suggestion of ``key`` on ``words`` should be looked at before anyone
        accepts it, or "" when the words are that entity's name or alias and no other's.
        ``after`` is the text just after the words, as far as it is known (a mention keeps
        32 characters of it).

        On the held-out sets, suggestions whose words name one entity and nothing else are
        right 99 times in 100; the rest, where the rules chose from context, 90 times in
        100 (docs/annotation.md). So only the first may be accepted in bulk: SHARED_WORDS,
        when the words name several entities (``keys_sharing``: a person's family name
        counts) and the story's context chose one;
        NO_ALIAS, when they are none of the entity's names or aliases (a given or family
        name read from the story, or an alias since moved to another entity); DATE_WORD, when they
        are a month's or a day's name too ("May"); SHORT_FORM, when they are one word of a
        place's that is not its own name ("Luz" for the Estádio da Luz, "Danzig" for
        Gdańsk), or one word of an organisation's own name ("Celtic" for Celtic FC): such
        a word is as often part of a longer name we do not know ("the Colégio Militar/Luz
        station", "the Tusker lager") or another's, and on the sets it was right 94 and
        96 times in 100;
        IN_A_COMPETITION, when they are an acronym before a competition's word ("the AFC
        Champions League", "the EFL Trophy"): writers take it for part of the
        competition's name as often as for the body, and on the sets bulk accept took
        such words right once in ten;
        SPELLED_OTHERWISE, when they are one word that spells no name or alias as
        written, read through its accents ("Munoz" for "Muñoz"): a bare word may be an
        English one ("Sale" for Salé).
        """
        keys = self.keys_named(words)
        if key not in keys:
            return NO_ALIAS
        if len(self.keys_sharing(words)) > 1:
            return SHARED_WORDS
        visible = folding.seen(words)
        if " " not in typographic(visible).strip() and (
            _lower(spelled(visible)) not in self._written
        ):
            return SPELLED_OTHERWISE
        if context.is_date_word(words):
            return DATE_WORD
        if words.isupper() and _A_COMPETITIONS_WORD_AFTER.match(after):
            return IN_A_COMPETITION
        known = self.profiles.get(key)
        if (
            known is not None
            # one word: "Hà Nội" with a no-break space is two
            and len(words.split()) == 1
            and not words.isupper()
            and folding.fold(words) not in known.primary_names
            # A place's, or a word of an organisation's own name ("Celtic" for Celtic FC,
            # "Labour", "Palace"): right 96 times in 100 on the sets, where the rest of
            # what bulk accept takes is right 995 times in 1,000.
            and (
                known.kind == "place"
                or (known.kind == "organization" and folding.fold(words) in known.name.split())
            )
        ):
            return SHORT_FORM
        return ""

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
            return _find_seen(self, text)


def _find_seen(gazetteer: Gazetteer, text: str) -> tuple[list[Match], int]:
    """``_find`` over ``text`` as a reader sees it (``folding.as_seen``: no soft hyphens,
    a letter and its combining marks one character), each match's offsets put back into
    ``text`` with the marks of its last letter, and its surface read there."""
    seen, at = folding.as_seen(text)
    if at is None:
        return _find(gazetteer, text)
    matches, undecided = _find(gazetteer, seen)
    placed = []
    for match in matches:
        start, end = at[match.start], at[match.end - 1] + 1
        while end < len(text) and folding.is_mark(text[end]):
            end += 1
        placed.append(Match(start, end, match.key, text[start:end]))
    return placed, undecided


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
        read = _reading(keys, exact, readings, surface)
        # A dateline in capitals reads as any case, here too: "HYDERABAD, India" is no
        # alias "Hyderabad, India", but "HYDERABAD" is "Hyderabad".
        if read is None and gazetteer.profiles:
            read = _reading_in_context(text, start, end, keys, exact, readings)
        if read is not None:
            found.append((start, end, surface, read))
    found.sort(key=lambda hit: (hit[0], -hit[1]))
    return found


def _find(gazetteer: Gazetteer, text: str) -> tuple[list[Match], int]:
    """Leftmost-longest, non-overlapping, word-bounded matches, resolved to one key each.

    One ``iter_long`` pass (leftmost-longest, in C) over a folded copy of the text (lower
    case, one apostrophe, one dash, plain spaces: same length, so offsets carry over)
    does nearly all the work, and its hits that are bounded, fit an alias and are clear
    of the last accepted one are taken as they are. A hit glued to a word ("Kim" in
    "Kimchi"), in the wrong case ("us" for "US"), overlapping the last accepted hit or
    no alias at all (a bridge) may hide shorter hits starting inside it, so only that
    stretch is searched again with ``iter`` over a small slice. Boundaries are read from
    ``text``, case from its typographic fold. The hits are then checked in context and
    resolved to one key each by ``rules.resolve``.
    """
    plain = typographic(text)
    haystack = _lower(plain)
    length = len(text)
    hits: list[tuple[int, int, tuple]] = []
    append = hits.append
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
                surface = plain[start:end]
                if keys is None:
                    found = None  # a bridge: no alias, only a way to shorter hits
                elif exact is None or surface == exact:
                    found = (sole,) if sole is not None else keys
                else:
                    found = _reading(keys, exact, readings, surface)
                if found is None and gazetteer.profiles:
                    found = _reading_in_context(text, start, end, keys, exact, readings)
                if found is not None:
                    append((start, end, found))
                    pos = end
                    continue
        low = max(start, pos)
        # A hit can only start where a word does not continue from the left.
        if low > 0 and _is_word_char(text[low - 1]) and not _NON_WORD.search(text, low, end):
            continue
        for hit_start, hit_end, _, hit_keys in _local_hits(gazetteer, haystack, plain, low, end):
            if hit_start >= pos:
                append((hit_start, hit_end, hit_keys))
                pos = hit_end
    hits = _as_spelled(gazetteer, text, haystack, hits)
    # A name on a sign or a banner in capitals that no alias is written as ("“TALLINN IS
    # NOT FOR SALE”"): the capitalised words beside it are no longer name (see
    # ``context.refusal``); an alias written in capitals ("CARE") is read as ever.
    signs = {
        start
        for start, end, _ in hits
        if context.in_capitals(text, start, end)
        and not _reads_as_written(gazetteer, haystack[start:end], plain[start:end])
    }
    if gazetteer.profiles:
        hits = short_forms.with_family_names(
            text, hits, gazetteer.names, gazetteer.family_names, gazetteer.profiles
        )
    matches, undecided = rules.resolve(text, hits, gazetteer.profiles, signs)
    if gazetteer.profiles:
        is_alias = lambda word: bool(gazetteer.keys_named(word))  # noqa: E731
        matches = short_forms.by_given_name(text, matches, gazetteer.profiles, is_alias, plain)
        matches = short_forms.by_surname(
            text, matches, gazetteer.family_names, gazetteer.profiles, is_alias, plain
        )
        matches = short_forms.by_acronym(text, matches, gazetteer.profiles, is_alias)
    return matches, undecided


def _as_spelled(gazetteer: Gazetteer, text: str, haystack: str, hits: list) -> list:
    """``hits`` as their accents spell them (``_spelled``), each read after the ones
    before it, which it may keep to; a hit that is no name as spelled is dropped."""
    kept: list[tuple] = []
    spellings = gazetteer._spellings
    for index, hit in enumerate(hits):
        start, end, _ = hit
        surface = text[start:end]
        if (
            surface.isascii()
            and surface[:2] not in _ABBREVIATION_OPENINGS
            and haystack[start:end] not in spellings
        ):
            kept.append(hit)  # (the usual case, read at once: no accent on either side)
            continue
        following = hits[index + 1] if index + 1 < len(hits) else None
        spelled_hit = _spelled(gazetteer, text, haystack, hit, kept, following)
        if spelled_hit is not None:
            kept.append(spelled_hit)
    return kept


# Words that say a name of one word is a place: before it ("in Krakow", "near
# Sanliurfa", "to northern Kyushu", "the fishing town of Husavik", "the governor of
# Omnogovi") or after it ("Bartin province"); and what stands between names listed
# together.
_PLACE_WORD_BEFORE = re.compile(
    r"\b(?:(?:in|at|on|from|to|near|outside|across|around|into|via|towards?|between)(?: the)?"
    r"(?: (?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?)?|"
    r"(?:town|city|port|village|region|province|county|district|municipality|state|"
    r"department|prefecture|canton|governorate|emirate|island|governor|mayor|people|"
    r"residents|outskirts) of) $",
    re.IGNORECASE,
)
_PLACE_WORD_AFTER = re.compile(
    r" (?:province|region|county|district|state|city|department|governorate|oblast|"
    r"prefecture|canton|municipality|river|lake|dam|reservoir|island|islands|valley|"
    r"volcano|bay|delta|basin|airport|port)\b"
)
_LISTED = frozenset({" and ", ", ", " or "})
# The lower-case word after a name ("Evian water", "Qarabag fans").
_WORD_AFTER = re.compile(r" ([a-z]+)\b")
# The next name of a list: "Cancun, Tulum and Cozumel", "Malmo, Lund, Helsingborg".
_LISTED_ON = re.compile(f"(?:{'|'.join(map(re.escape, _LISTED))})[A-Z]")
# Words after a place's name that say it is the place: what it does ("Umea could go
# ahead") and its people and things ("Krakow officials", "Cancun hotels").
_A_PLACES_WORDS_AFTER = _wordset(
    """could would will can should must might said says residents officials authorities
    police council councillors mayor hotels streets airport port harbour hospitals
    schools suburbs districts roads prosecutors court courts"""
)
# Words of trade before a name, which make it a brand's: "which owns Evian", "sales of
# Evian and Volvic".
_TRADE_BEFORE = re.compile(
    r"\b(?:owns?|owned|bought|buys|sells?|sold|sales of|makers? of|brands?|bottles? of) $"
)
# What stands before a word inside a sentence: a lower-case word, a comma or a semicolon.
_MID_SENTENCE = re.compile(r"(?:\b[a-z][a-z’'-]*|[,;]) $")
# The openings of a name that Gazetteer.of writes abbreviated ("St Mary" for "Saint
# Mary"); what says such a form is a saint's in a longer name: a possessive or "-in-"
# after it ("St Mary's Hospital", "St Patrick's Day", "St. John's", "St Martin-in-the-
# Fields"). A comma and a place the description does not name after it ("San Jose,
# California") say a name read only through its accents is another.
_ABBREVIATION_OPENINGS = frozenset(word[:2] for word in _ABBREVIATIONS.split("|"))
_SAINTS_AFTER = re.compile(r"['’]|-in-")
_QUALIFIER_AFTER = re.compile(r", ([A-Z][\w-]*(?: [A-Z][\w-]*)*)")
# A date after a dateline's region is no place: "KORHOGO, Cote d'Ivoire, Feb 22".
_DATE_AFTER = re.compile(rf", (?:{'|'.join(month[:3].title() for month in MONTHS)})[a-z]*\.? \d")


def _spelled(
    gazetteer: Gazetteer, text: str, haystack: str, hit: tuple, earlier: list, following=None
):
    """``hit`` with the keys its spelling leaves, or None when it is no name as spelled.

    Where entities spell a form apart by accents alone, text spelled as some of them is
    theirs ("Keïta" is not the Salif Keita who has no "Keïta"; "Mexico" is the country,
    not the state whose alias is "México"), and, when it is written bare, also any
    other the story has named by a longer form ("To Lam ... Lam", with a Carrie Lam).

    Read only through the folding of accents, a name followed by a comma and a place
    its description does not name is another ("San Jose, California"); and a word is a
    name only where its context says so, for a bare word may be an English one ("Sale",
    "Male", "Colon" for Salé, Malé, Colón; "Union" for the club "Unión"): never where
    the story also writes it in lower case; in a dateline, or as an acronym in capitals
    in running text ("CEZ" for ČEZ); for the entities the story named before by this
    word or a longer form ("Cristina Munoz ... Munoz", "BOGOTA ... Bogota has"); a place
    where words say it is one ("in Krakow", "Bartin province"); a body's or a person's
    written with a capital inside a sentence, which no English word has there ("beat
    Qarabag"), unless it is a given name ("Fatima", the Prophet's daughter, is no
    Fátima); a name of the kind of those it is listed with ("Santos and Guaruja",
    "Nestle and Starbucks");
    a person's, or a body's of a person's word, unless it is a given name ("Erdogan
    said", "Orsted shelved" for the firm named after Ørsted; not "Celine"); and any word
    no English dictionary has ("Qarabag beat Kairat", ``english.is_english_word``). A word
    written with accents that a person's name has not is another person's ("Lâm" is not
    Carrie Lam). A form Gazetteer.of abbreviated is no name inside a longer one
    (``_abbreviation_in_another_name``).
    """
    start, end, keys = hit
    form = haystack[start:end]
    surface = text[start:end]
    if surface[:2] in _ABBREVIATION_OPENINGS and _abbreviation_in_another_name(
        gazetteer, text, start, end
    ):
        return None
    by_spelling = gazetteer._spellings.get(form)
    if by_spelling is None and surface.isascii():
        return hit  # (the usual case, read at once: no accent on either side)
    written = _lower(spelled(surface))
    if written in (by_spelling or (form,)):
        # Capitals drop accents: "SAN JOSE" may be San José as well as San Jose.
        if by_spelling is None or len(keys) == 1 or surface.isupper():
            return hit
        named = _named_before(haystack, form, earlier) if written == form else ()
        narrowed = tuple(key for key in keys if key in by_spelling[written] or key in named)
        return (start, end, narrowed) if narrowed else hit
    profiles = gazetteer.profiles
    qualifier = (
        not context.is_dateline(text, start, end)
        and not _DATE_AFTER.match(text, end)
        and _QUALIFIER_AFTER.match(text, end)
    )
    if (
        qualifier
        and not any(
            key in profiles and fold(qualifier.group(1)) in profiles[key].description
            for key in keys
        )
        # A person set beside it is no place that qualifies it: "a spokesman for
        # Aeroports de Montreal, Marc Dorais, said".
        and not (" " in qualifier.group(1) and gender_of_given_name(qualifier.group(1).split()[0]))
        # Nor a name listed after it: "Cancun, Tulum and Cozumel".
        and not _LISTED_ON.match(text, qualifier.end())
    ):
        return None
    # Several words, or words joined by a hyphen ("Hydro-Quebec"), are no English word.
    if " " in surface or "-" in surface.strip("-"):
        return hit
    if written != form:
        # Accents no name of theirs has: a place's or a body's ("İSTANBUL", "Atlético"),
        # not a person's, unless the story wrote the person's longer name with these
        # very accents ("José Rodríguez ... Rodríguez" for a Jose Rodriguez).
        # (Nor long vowels marked, which spell no other name: "Hōshōryū" for Hoshoryu.)
        accented_before = _named_before_as_written(text, surface, earlier)
        macrons_only = written.translate(_MACRONS) == form
        kept = tuple(
            key
            for key in keys
            if key not in profiles
            or profiles[key].kind != "person"
            or key in accented_before
            or macrons_only
        )
        return (start, end, kept) if kept else None
    lowered = surface.lower()
    if re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", text):
        return None
    if surface.isupper() and not context.in_capitals(text, start, end):
        return hit  # a dateline, or an acronym in running text (not a headline)
    named = _named_before(haystack, form, earlier)
    kept = tuple(key for key in keys if key in named)
    if not kept and (
        _PLACE_WORD_BEFORE.search(text, max(0, start - 20), start)
        or _PLACE_WORD_AFTER.match(text, end)
    ):
        kept = tuple(key for key in keys if key in profiles and profiles[key].kind == "place")
    if not kept:
        # A country's name read through its accents is no English word: "Turkiye wants a
        # calm Aegean" is Türkiye.
        kept = tuple(
            key for key in keys if key in profiles and profiles[key].place_type == "country"
        )
    if (
        not kept
        and _MID_SENTENCE.search(text, max(0, start - 30), start)
        and not gender_of_given_name(surface)
    ):
        # A capital no sentence's start explains: a body's or a person's name ("against
        # Qarabag"); a place's may be a thing named after it ("sales of Evian water").
        kept = tuple(key for key in keys if key in profiles and profiles[key].kind != "place")
    if not kept:
        kinds = _kinds_listed_with(text, hit, earlier[-1] if earlier else None, following, profiles)
        kept = tuple(key for key in keys if key in profiles and profiles[key].kind in kinds)
    if (
        not kept
        and not gender_of_given_name(surface)
        and any(key in profiles and profiles[key].kind == "person" for key in keys)
    ):
        # A surname is seldom an English word: "Erdogan said" is Erdoğan, and "Orsted
        # shelved two projects" the firm named after the physicist Ørsted, whose word it
        # is as much; the rules below read which.
        kept = tuple(key for key in keys if key in profiles and profiles[key].kind != "place")
    if not kept and not is_english_word(surface) and not gender_of_given_name(surface):
        # A word no dictionary has is no English word, even at a sentence's start, where
        # a capital says nothing: "Qarabag beat Kairat" is the club Qarabağ, "moved to
        # nearby Gallivare" the town; but inside a sentence a place's name before a
        # common word, or after words of trade, may be a thing named after it ("sales of
        # Evian water", "Danone, which owns Evian"), and a given name is someone's
        # ("Celine, the fashion house", not Céline Dion).
        common = _WORD_AFTER.match(text, end)
        if _MID_SENTENCE.search(text, max(0, start - 30), start) and (
            (
                common
                and common.group(1) not in _STOPWORDS
                and common.group(1) not in _A_PLACES_WORDS_AFTER
            )
            or _TRADE_BEFORE.search(text, max(0, start - 20), start)
        ):
            kept = tuple(key for key in keys if key in profiles and profiles[key].kind != "place")
        else:
            kept = keys
    return (start, end, kept) if kept else None


def _abbreviation_in_another_name(gazetteer: Gazetteer, text: str, start: int, end: int) -> bool:
    """Whether the hit is a form Gazetteer.of abbreviated, no name as written, inside a
    longer name: a saint's ("St Mary's Hospital") or a person's after a given name
    ("Louis St. Laurent" is no Saint Laurent)."""
    if _lower(spelled(text[start:end])) in gazetteer._written:
        return False
    # Only a form that opens with the abbreviation: "Stade Rennais F.C." after "They beat"
    # (a given name, "Beat") is no "St".
    if not _ABBREVIATED.match(typographic(text[start:end])):
        return False
    before = text[max(0, start - 20) : start].split()
    return bool(
        _SAINTS_AFTER.match(text, end)
        or (before and text[start - 1] == " " and gender_of_given_name(before[-1]))
    )


def _named_before(haystack: str, form: str, earlier: list) -> set:
    """The keys of the hits in ``earlier`` that read ``form``, or a longer form with it
    as a word ("to lam" for "lam"), in ``haystack`` (the folded text)."""
    padded = f" {form} "
    named = set()
    for start, end, keys in earlier:
        other = haystack[start:end]
        if other == form or (len(other) > len(form) and padded in f" {other} "):
            named.update(keys)
    return named


# Vowels marked long (Japanese, Māori, Latvian), read as the bare vowels.
_MACRONS = str.maketrans("āēīōūȳ", "aeiouy")


def _named_before_as_written(text: str, surface: str, earlier: list) -> set:
    """The keys of the hits in ``earlier`` whose words as the text writes them, accents
    and all, hold ``surface`` as a word ("José Rodríguez" for "Rodríguez")."""
    word = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    named = set()
    for start, end, keys in earlier:
        if end - start > len(surface) and word.search(text, start, end):
            named.update(keys)
    return named


def _kinds_listed_with(text: str, hit: tuple, before, after, profiles: Mapping) -> set:
    """The kinds the names listed with ``hit`` may be, where only "and", "or" or a comma
    stands between them ("Santos and Guaruja", "Nestle and Starbucks")."""
    start, end, _ = hit
    kinds = set()
    if before is not None and text[before[1] : start] in _LISTED:
        kinds.update(profiles[key].kind for key in before[2] if key in profiles)
    if after is not None and text[end : after[0]] in _LISTED:
        kinds.update(profiles[key].kind for key in after[2] if key in profiles)
    return kinds


def _reads_as_written(gazetteer: Gazetteer, form: str, surface: str) -> bool:
    """Whether ``surface`` (lower-cased ``form``) reads as one of the aliases as written."""
    value = gazetteer._automaton.get(form, None)
    if value is None or value[3] is None:
        return False
    _, exact, _, keys, readings = value
    return _reading(keys, exact, readings, surface) is not None


def _reading_in_context(text: str, start: int, end: int, keys, exact, readings):
    """The keys of a raw hit whose words read as no alias as written, but as one in their
    place: a dateline in capitals reads as any case ("HYDERABAD" is "Hyderabad"), and so
    does a sign or a banner in capitals ("“TALLINN IS NOT FOR SALE”"); and a
    name that starts with a lower-case particle is written with a capital at the start of
    a sentence ("De Vries said" is "de Vries", "Al-Assad" "al-Assad")."""
    if keys is None:
        return None  # a bridge
    if context.is_dateline(text, start, end) or context.in_capitals(text, start, end):
        return _every_reading(keys, readings)
    surface = typographic(text[start:end])
    if surface[:1].isupper() and reading.opens_sentence(text, start):
        return _reading(keys, exact, readings, surface[:1].lower() + surface[1:])
    return None


def _every_reading(keys: tuple | None, readings: dict | None) -> tuple | None:
    """Every key a form's readings go to, for text in capitals that reads as none of them."""
    if readings is None:
        return keys
    found = []
    for group in readings.values():
        found.extend(key for key in group if key not in found)
    return tuple(found)
