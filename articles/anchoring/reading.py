"""Reading the words around a hit: the sentence and paragraph it stands in, a title
before it, a kind of place or institution written beside it, and the short phrases the
other rules match with."""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.anchoring.folding import _FIXED_SPACES, fold
from articles.anchoring.profiles import _KINDS_OF_PLACE, _NATURAL_KINDS, _TITLES, _words, _wordset

# The word before a name, by any space: "Ó\u00a0Briain" is as much one name as "Ó Briain".
_PREVIOUS_WORD = re.compile(rf"(\w[\w'’.-]*)[ {_FIXED_SPACES}]$")


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”)]?\s+|[\"“‘'(\n]\s*|\s[-–—]\s)$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` is the first of its sentence or line."""
    return bool(_SENTENCE_OPENING.search(text[max(0, start - 4) : start]))


def _by_length(words: str):
    """``words`` in groups of one length: a look-behind takes one length at a time."""
    lengths = {}
    for word in words.split():
        lengths.setdefault(len(word), []).append(word)
    return lengths.values()


def _not_after(words: str) -> str:
    """A pattern that none of ``words`` (in any case) and a space stand just before."""
    return "".join(rf"(?<!\b(?i:{'|'.join(group)}) )" for group in _by_length(words))


def _just_after(words: str) -> str:
    """A pattern that one of ``words`` (in any case) and a space stand just before."""
    behind = [rf"(?<=\b(?i:{'|'.join(group)}) )" for group in _by_length(words)]
    return "(?:" + "|".join(behind) + ")"


_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s|\n")


def _sentence_bounds(text: str, start: int, end: int, before: int = 0) -> tuple[int, int]:
    """Where the sentence around ``start:end`` begins (or the ``before``-th sentence before
    it) and where it ends."""
    openings = [0]
    for boundary in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        openings.append(boundary.end())
    closing = _SENTENCE_END.search(text, end)
    return openings[max(0, len(openings) - 1 - before)], closing.start() if closing else len(text)


def _title_before(text: str, start: int) -> str | None:
    """The title written just before ``start`` ("Ms", "President"), if any."""
    previous = _PREVIOUS_WORD.search(text[max(0, start - 20) : start])
    if previous and previous.group(1) in _BURMESE_HONORIFICS:
        return previous.group(1).lower()
    word = previous.group(1).lower().rstrip(".") if previous else None
    # A full stop after a word longer than an abbreviation ends a sentence: "He is no
    # relation of the director. Ceban said" has no title.
    if word and previous.group(1).endswith(".") and len(word) > 4:
        return None
    return word if word in _TITLES else None


def _before_titles(text: str, start: int) -> int:
    """Where the titles written just before ``start`` begin ("President Mahamat Idriss
    Déby": the "P"), or ``start`` when there are none."""
    while _title_before(text, start) is not None:
        start -= len(_PREVIOUS_WORD.search(text[max(0, start - 20) : start]).group(0))
    return start


# The Burmese honorifics before a person's name ("U Khin Maung Win", "Daw Aung San Suu
# Kyi"), as written: "u" in a text message or "U Cluj", a club, are no title.
_BURMESE_HONORIFICS = frozenset({"U", "Daw"})


# Words an institution's generic name is made of: "Congress", "the Supreme Court",
# "Parliament", "the National Assembly"; every country has one.
_GENERIC_INSTITUTION = _wordset(
    """congress parliament senate house assembly court supreme constitutional high
    national federal council cabinet government ministry treasury police army navy
    central bank commission electoral tribunal legislature election interior health
    education culture finance foreign justice defence defense environment agriculture
    tourism trade transport energy labour labor of and for affairs"""
)
# A generic institution's name holds one of these: the words above alone are a party's
# or a magazine's ("Labour", "Labor", "Foreign Affairs").
_INSTITUTION_NOUNS = _wordset(
    """congress parliament senate house assembly court council cabinet government ministry
    treasury police army navy bank commission tribunal legislature"""
)


def _generic_institution_name(folded: str) -> bool:
    words = _words(folded)
    return all(word in _GENERIC_INSTITUTION for word in words) and any(
        word in _INSTITUTION_NOUNS for word in words
    )


def _all_of_kind(keys, known: Mapping, kind: str) -> bool:
    """Whether every one of ``keys`` is in ``known`` (their profiles) and of ``kind``."""
    return all(key in known and known[key].kind == kind for key in keys)


def _names(phrase: str, name: str) -> bool:
    """Whether every word of the folded ``name`` is in ``phrase``: "bill and hillary
    clinton" names Bill Clinton."""
    words = set(_words(phrase))
    return all(word in words for word in _words(name))


def _filter(keys: list, keep) -> list:
    """``keys`` that pass ``keep``, or all of them if none does (a cue cannot rule every
    candidate out: then it was about something else)."""
    kept = [key for key in keys if keep(key)]
    return kept or keys


_KIND_BEFORE = re.compile(r"\b([a-z]+) of (?:the )?$")


# What only a river has: "the left bank of the Nitra", "the banks of the Gauja", "the
# mouth of the Kafue", "the valley of the Ebro" ("the central bank of the Philippines" is
# no river's: a river's bank is a side, or banks).
_RIVER_BEFORE = re.compile(
    r"\b(?:(?:left|right|east|west|north|south|far|opposite|other|both|either) bank|banks|"
    r"mouth|estuary|tributary|headwaters|valley|basin|delta) of the $"
)
# After it: "Biobío province", or set beside it, "In Colonia, the department, ...".
_KIND_AFTER = re.compile(r" ([a-z]+)\b|, the ([a-z]+)(?=[,.;])")
# A kind set beside the name with words of its own: "Salto, the citrus city on the
# border", "Rivas, a town of 30,000" (not "the county seat", "the city’s mayor" nor "the
# city and a society", someone or something else).
_KIND_BESIDE = re.compile(
    r", (?:the|a|an) (?:[a-z-]+ ){0,2}?(city|town|village|port|province|region|department|"
    r"county|district|municipality|state|prefecture|governorate|emirate|canton|oblast|island)"
    r"(?=[,.;:]| (?:on|of|in|near|with|that|where|which|whose|"
    r"known|north|south|east|west|about|around|close|at|across|beside|along|off|between)\b)"
    # (Not another place's name after "of" or "with": "In Mexico, the state of Chihuahua
    # reported", where the comma closes an opening phrase.)
    r"(?! (?:of|with) (?:the )?[A-Z])"
)


def _kind_set_beside(text: str, end: int) -> str | None:
    """The kind of place a phrase set beside the name says it is ("Salto, the citrus city
    on the border"), or None."""
    beside = _KIND_BESIDE.match(text, end)
    return _KINDS_OF_PLACE[beside.group(1)] if beside else None


_KIND_ADJECTIVES = {
    "provincial": "province",
    "departmental": "department",
    "regional": "region",
    "cantonal": "canton",
    "prefectural": "prefecture",
    "municipal": "municipality",
}


def _kind_written(text: str, start: int, end: int) -> str | None:
    """The kind of place the story writes with the name at ``start:end``, before it ("the
    department of Colonia") or after it ("Biobío province"), or None."""
    if _RIVER_BEFORE.search(text, max(0, start - 30), start):
        return "river"
    before = _KIND_BEFORE.search(text, max(0, start - 20), start)
    after = _KIND_AFTER.match(text, end)
    # The kind written after the name is its own ("the towns of Antwerp province").
    for word in (after, before):
        kind = word and (word.group(1) or word.group(word.lastindex))
        # Its adjective after the name says the kind as well: "the Córdoba provincial police".
        kind = _KIND_ADJECTIVES.get(kind, kind) if word is after else kind
        plural = word is before and bool(kind) and kind.endswith("s")
        # The plural before "of" too: "the provinces of Nampula and Zambezia".
        if word is before and kind and kind not in _KINDS_OF_PLACE:
            kind = kind[:-3] + "y" if kind.endswith("ies") else kind.removesuffix("s")
        # But "the mountains of Dhofar", "the valleys of O’Higgins" are in the region.
        if plural and _KINDS_OF_PLACE.get(kind) in _NATURAL_KINDS:
            continue
        # "The capital of Peru" is no capital; "the city of Lima" a city.
        if kind in _KINDS_OF_PLACE and kind != "capital":
            return _KINDS_OF_PLACE[kind]
    return None


def _paragraph_start(text: str, start: int, back: int = 0) -> int:
    """Where the paragraph of ``start`` begins, or the ``back``-th one before it."""
    at = start
    for _ in range(back + 1):
        at = text.rfind("\n", 0, at)
        if at < 0:
            return 0
    return at + 1


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_LOWER_WORD = re.compile(r"\b[a-z][\w’'-]*")


# "A" or "an" and up to two lower-case words or a year before a name ("a Volvo", "a
# bronze Garuda", "a 1989 Volvo"), and after it what ends a noun phrase: a stop, or a
# word that no noun phrase ends with ("he", "and", "with", "is"...).
_CORE_FUNCTION_WORDS = (
    r"he|she|it|they|we|i|you|his|her|its|their|that|which|who|and|or|but|with|for|"
    r"from|in|on|at|to|of|by|into|outside|near|is|was|has|had|will|would|can|could|"
    # A preposition ends the noun phrase "a" opens: "a derby between Rapid Vienna and".
    r"between|against|over|under|after|before|during|than|like|about|among|behind"
)
# Prepositions that end a product's or a made thing's phrase ("Ohrid pearls along the
# quay") but not a place's ("loved the Dordogne since the 1970s" is the department).
_FUNCTION_WORDS = rf"(?:{_CORE_FUNCTION_WORDS}|along|across|around|through|beside|since|until)\b"
# Another noun phrase's opening: "a reform the European Union had made a condition" is
# no "a ... European Union", a product of the name.
_DETERMINERS = r"(?:the|this|these|those|a|an)\b"
_ARTICLE_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:a|an|A|An)(?: (?!{_FUNCTION_WORDS}|{_DETERMINERS})(?:[a-z][\w-]*|\d{{4}}))"
    rf"{{0,2}} $"
)
_PHRASE_ENDS = re.compile(rf"(?:[,.;:!?)]|\s{_FUNCTION_WORDS})")


def _product_of(text: str, start: int, end: int) -> bool:
    """Whether an organisation's name at ``start:end`` is the head of a noun phrase that
    "a" opens: one of its products or a thing named after it ("He still drives a Volvo
    he bought", "a bronze Garuda, the mythical eagle"), not the firm, which takes no "a";
    "a Volvo spokesman" and "a Garuda flight" name the firm, as the noun after shows. A
    prize is what it awards: "won a Nobel Prize" names the prize."""
    article = _ARTICLE_BEFORE.search(text, max(0, start - 40), start)
    return bool(
        article
        and _PHRASE_ENDS.match(text, end)
        and fold(text[start:end]).rsplit(" ", 1)[-1] not in _AWARDED
        # A thing a firm does after "a", then the name as the subject of a clause: "a
        # match Ishuri Pay is not sponsoring" is the firm ("a red Volvo had been parked"
        # is a car).
        and not (
            _A_THING_DONE_BEFORE.search(article.group()) and _CLAUSE_VERB_AFTER.match(text, end)
        )
        # Nor a firm a verb lets do something: "a licence allowing Shell to develop".
        and not _LETS_BEFORE.search(article.group())
    )


# A verb that lets or makes its object do something, before a firm's name.
_LETS_BEFORE = re.compile(
    r" (?:allowing|letting|forcing|requiring|asking|urging|enabling|permitting|telling|"
    r"ordering|obliging|persuading) $"
)


# What a firm does or deals in, after "a", before its name opening a clause.
_A_THING_DONE_BEFORE = re.compile(
    r"^(?:a|an|A|An) (?:match|deal|contract|project|event|game|tournament|programme|program|"
    r"scheme|plan|bid|loan|service|product|venture|campaign|move|step|decision|proposal|"
    r"policy|rule|measure|change)(?: that)? $|"
    # Or a clause of saying: "a statement saying Rio had invested".
    r" (?:saying|stating|claiming|showing) $"
)


# What opens a clause's verb phrase after its subject.
_CLAUSE_VERB_AFTER = re.compile(
    r" (?:is|was|has|had|have|will|would|does|did|do|can|could|says|said|sponsors|sponsored|"
    r"makes|made|owns|owned|runs|ran)\b"
)


# What a prize's name ends with: the thing awarded is the prize ("a Nobel Prize").
_AWARDED = _wordset("""prize prizes award awards medal trophy""")
