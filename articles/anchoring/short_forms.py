"""The short forms a story calls its entities by: a given name after the full name, a
surname (``by_surname``), an acronym defined in the text (``by_acronym``), family names
shared by namesakes."""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.anchoring.context import refusal
from articles.anchoring.folding import fold, spelled, typographic
from articles.anchoring.people import (
    _AGE_BEFORE,
    _PERSON_AFTER,
    _SENIOR_OR_JUNIOR_AFTER,
    _by_age,
    _fits_the_word_before,
    _gender_written,
    _pronoun_after,
    _the_one_the_title_fits,
)
from articles.anchoring.profiles import (
    Profile,
    _may_be_family,
    _wordset,
    family_name_first,
    is_wordlike,
)
from articles.anchoring.reading import _title_before
from articles.anchoring.story import Match


def _occurrences(plain: str, word: str):
    """Where ``word`` stands in ``plain`` as a word of its own (not glued to a letter, an
    apostrophe or a hyphen before it, nor to a letter or "-x" after it), as (start, end)."""
    start = plain.find(word)
    while start != -1:
        end = start + len(word)
        before = plain[start - 1] if start else " "
        after = plain[end : end + 2]
        if not (before.isalnum() or before in "_'-") and not (
            after[:1].isalnum() or after[:1] == "_" or (after[:1] == "-" and after[1:2].isalnum())
        ):
            yield start, end
        start = plain.find(word, end)


def by_given_name(
    text: str, matches: list, profiles: Mapping[object, Profile], is_alias, plain: str = ""
) -> list:
    """``matches`` with each person's given name alone added where it names them: after
    their name in full or in part in the story ("Jermaine August ... until Jermaine
    decided"), which is how stories tell relatives apart ("Hubert and Jan van Eyck ...
    Hubert died in 1426") and how many cultures call people ("Dr Khamphone said").

    Left out: a given name that ``is_alias`` (a word -> bool) says is a name or an alias in
    the gazetteer (the gazetteer resolves it, or it is someone else's); one that two
    people named in the story share; one that the story also writes as part of another
    name ("Jermaine Blackwood", "Arena Roberto Durán"), where it could be either; and an
    occurrence before the person is first named, or that the context refuses (a month, a
    plural: ``refusal``). ``plain`` is ``typographic(text)``, if the caller has it.
    """
    first_named: dict[str, tuple[int, object]] = {}  # given name -> (first start, key)
    shared = set()
    for match in matches:
        person = profiles.get(match.key)
        for given in person.given if person else ():
            seen = first_named.get(given)
            if seen is None:
                first_named[given] = (match.start, match.key)
            elif seen[1] != match.key:
                shared.add(given)
    if not first_named:
        return matches
    plain = plain or typographic(text)
    taken = [(match.start, match.end) for match in matches]
    added = []
    # Longest first: "Luz Dary" before "Luz", which is then inside it.
    for given in sorted(first_named, key=len, reverse=True):
        first, key = first_named[given]
        if given in shared or is_alias(given):
            continue
        found = []
        for start, end in _occurrences(plain, given):
            if any(start < high and end > low for low, high in taken):
                continue  # inside a name already found: the person's own, or another's
            reason = refusal(text, start, end)
            if reason in ("longer name", "after a name"):
                found = []  # part of a name not ours: the word names someone else too
                break
            if reason is None and start > first:
                found.append(Match(start, end, key, text[start:end]))
        added.extend(found)
        taken.extend((match.start, match.end) for match in found)
    if not added:
        return matches
    return sorted([*matches, *added], key=lambda match: match.start)


# An acronym a story defines in brackets after a name: "(NDMA)", "(MSF)", "(PRI)".
_ACRONYM_DEFINED = re.compile(r" \(([A-Z][A-Z&]{1,7})\)")
# Words of a name its acronym may leave out: "Ministry of Health" is "MOH" or "MH".
_ACRONYM_SKIPS = _wordset("""of and the for de del la le des du di da y et und für""")


def by_acronym(text: str, matches: list, profiles: Mapping, is_alias) -> list:
    """``matches`` with an acronym the story defines after a name of ours added where it
    stands, the definition too: "the National Drought Management Authority (NDMA) ...
    NDMA officials said" (a gazetteer seldom lists every body's acronym). Only one made
    of the name's initials in order (the first word's first), and none that ``is_alias``
    says is a name or alias of the gazetteer, which resolves it; not for a person."""
    defined: dict[str, tuple[int, object]] = {}  # acronym -> (where defined, key)
    for match in matches:
        known = profiles.get(match.key)
        bracket = _ACRONYM_DEFINED.match(text, match.end)
        if known is None or known.kind == "person" or bracket is None:
            continue
        acronym = bracket.group(1)
        if (
            acronym not in defined
            and not is_alias(acronym)
            and _initials_of(acronym, match.surface)
        ):
            defined[acronym] = (bracket.start(1), match.key)
    if not defined:
        return matches
    taken = [(match.start, match.end) for match in matches]
    added = []
    for acronym, (first, key) in defined.items():
        for start, end in _occurrences(text, acronym):
            if start >= first and not any(start < high and end > low for low, high in taken):
                added.append(Match(start, end, key, acronym))
    if not added:
        return matches
    return sorted([*matches, *added], key=lambda match: match.start)


def _initials_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``name``'s words in order, the first
    word's first, words such as "of" and "the" left out or not ("NDMA" for "National
    Drought Management Authority", "MSF" for "Médecins Sans Frontières")."""
    words = [word for word in re.split(r"[\s-]+", typographic(name)) if word]
    letters = acronym.replace("&", "").upper()
    if not words or not letters or words[0][0].upper() != letters[0]:
        return False
    at = 0
    for word in words:
        if at < len(letters) and word[0].upper() == letters[at]:
            at += 1
        elif word.lower() not in _ACRONYM_SKIPS:
            return False
    return at == len(letters)


# Words after a surname that are no part of it: "Lamar Pickett Jr.".
_NAME_SUFFIX_WORDS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def surname(profile: Profile, name: str) -> str | None:
    """The family name a person's ``name`` ends with, as written ("Raman" for Anjali
    Raman, "Pickett" for Lamar Pickett Jr.), or begins with in Chinese and Korean order
    ("Lin" for Lin Chia-hung: ``family_name_first``), or None: for a name of one word,
    or a last word that is no name (an initial, a title)."""
    words = [w for w in typographic(name).split() if w.lower() not in _NAME_SUFFIX_WORDS]
    if profile.kind != "person" or len(words) < 2:
        return None
    if family_name_first(words, profile.description):
        return words[0]
    if not _may_be_family(words[-1]):
        return None
    # A family name with a particle is the particle and the name: "van Wyk" for André
    # van Wyk, "de la Cruz" (copy capitalises the particle after a title or at a
    # sentence's start: ``by_surname`` reads "Van Wyk" too).
    first = len(words) - 1
    while first > 1 and words[first - 1].islower():
        first -= 1
    return " ".join(words[first:])


def _named_in_full(family: str, written: str) -> bool:
    """Whether ``written`` (typographic) is a name of more than ``family`` that holds it:
    "Lin Chia-hung", "Anjali Raman", not "Raman" alone."""
    return written != family and f" {family} " in f" {written} "


def with_family_names(
    text: str, hits: list, names: Mapping, families: Mapping, profiles: Mapping
) -> list:
    """``hits`` (start, end, keys) with, on a word that is only people's alias, the people
    the story named in full before whose family name it is (``families``: key -> family
    name, ``names``: key -> name as written): "Kairat Abenov ... Abenov, who skated in
    pairs" may be the coach named in full as well as the dancer Timur Abenov, whose alias
    the word is. Which of them it is is then read as for any name people share
    (``resolve``: a title, a pronoun, the description's words, the one named in full
    last). A word with accents the person's name has not is not theirs: "Tāwhiao" is the
    king, not Hemi Tawhiao (as ``matching._spelled`` reads a name)."""
    named_in_full: dict[str, tuple] = {}  # folded family name -> keys, in order
    extended = []
    for start, end, keys in hits:
        surface = text[start:end]
        written = typographic(surface)
        others = tuple(key for key in named_in_full.get(written.lower(), ()) if key not in keys)
        if others and not surface.isascii():
            accented = spelled(surface).lower()
            others = tuple(key for key in others if accented in spelled(names[key]).lower())
        if others and all(key in profiles and profiles[key].kind == "person" for key in keys):
            keys = keys + others
        extended.append((start, end, keys))
        family = families.get(keys[0]) if len(keys) == 1 else None
        if family and _named_in_full(family, written):
            known = named_in_full.get(family.lower(), ())
            named_in_full[family.lower()] = known if keys[0] in known else (*known, keys[0])
    return extended


def by_surname(
    text: str, matches: list, families: Mapping, profiles: Mapping, is_alias, plain=""
) -> list:
    """``matches`` with each person's family name alone added where it names them, when
    the gazetteer does not have it as an alias: after their name in full in the story
    ("Anjali Raman ... Raman said"), which is how news copy names a person the second
    time. An entity is often entered by its full name only.

    ``families`` maps each person's key to their family name (``surname``); ``is_alias``
    (a word -> bool) says
    whether a word is a name or an alias of the gazetteer. Of two people named in the
    story who share a family name ("Matthias Kühn ... Dagmar Kühn ... Kühn said"), the
    one a gendered title or the pronoun after it says ("Ms Kühn"; ``_surname_holder``),
    or else the one named in full last before it (as for a shared alias).
    Left out as ``by_given_name`` leaves a given name out: a word that is a name or
    alias of the gazetteer, part of another name in the story, or that the context
    refuses; but a title before another entity's alias may say it is the person
    (``_namesakes_family_name``)."""
    named_in_full: dict[str, list[tuple[int, object]]] = {}  # surname -> (end, key) of each
    for match in matches:
        family = families.get(match.key)
        if family and _named_in_full(family, typographic(match.surface)):
            named_in_full.setdefault(family, []).append((match.end, match.key))
    if not named_in_full:
        return matches
    plain = plain or typographic(text)
    taken = [(match.start, match.end) for match in matches]
    people = [
        (m.start, m.end) for m in matches if m.key in profiles and profiles[m.key].kind == "person"
    ]
    added = []
    replaced = {}  # start -> the person a title says, over another entity's alias there
    for family, named in named_in_full.items():
        if is_alias(family):
            replaced.update(_namesakes_family_name(text, matches, family, named, profiles))
            continue
        found = []
        written = {family, family[0].upper() + family[1:]}  # "van Wyk", "Van Wyk"
        occurrences = sorted(at for form in written for at in _occurrences(plain, form))
        for start, end in occurrences:
            if any(start < high and end > low for low, high in taken):
                continue  # inside a name already found
            reason = refusal(text, start, end)
            if reason in ("longer name", "after a name"):
                found = []  # the word is part of a name not ours: someone else's too
                break
            before = [(at, key) for at, key in named if at <= start]
            if reason is not None or not before:
                continue
            # A family name that is also a word ("Young", "May") names the person only
            # where a title stands before it ("Ms May") or what only a person does
            # follows ("Young said", "May, who"): "Young voters", "a May election",
            # "their son, Hunter," are words or someone else.
            if (
                is_wordlike(family)
                and _title_before(text, start) is None
                and not _PERSON_AFTER.match(text, end)
            ):
                continue
            # A person's name takes no "the": "the Kayapó would wait", "the veteran
            # Kayapó chief" are a people of the name (not "the elder Walsh").
            if _THE_AND_A_WORD_BEFORE.search(text, max(0, start - 30), start):
                continue
            pronoun = _pronoun_after(text, start, end, people, taken)
            key = _surname_holder(text, start, end, before, profiles, pronoun)
            if key is not None:
                found.append(Match(start, end, key, text[start:end]))
        added.extend(found)
    if replaced:
        matches = [
            match._replace(key=replaced[match.start]) if match.start in replaced else match
            for match in matches
        ]
    if not added:
        return matches
    return sorted([*matches, *added], key=lambda match: match.start)


def _namesakes_family_name(text: str, matches: list, family: str, named: list, profiles):
    """Where ``family``, another entity's name or alias, names a person the story named
    in full (``named``, as (end, key)) instead, as {start: that person's key}: after a
    title only a person takes, over a firm or a place ("Johanna Merck ... Ms Merck
    said", not Merck the firm); over another person, after a gendered title that only
    the one named in full may take (``_fitting``: "Ms Calvino" after Giovanna Calvino,
    not Italo), where the choice before (``with_family_names`` and ``resolve``) took the
    other."""
    folded = fold(family)
    found = {}
    for match in matches:
        other = profiles.get(match.key)
        if other is None or fold(match.surface) != folded:
            continue
        before = [(at, key) for at, key in named if at <= match.start and key != match.key]
        if not before:
            continue
        holder = _surname_holder(text, match.start, match.end, before, profiles)
        if other.kind != "person":
            if _title_before(text, match.start) in _PERSONAL_TITLES:
                found[match.start] = holder
        else:
            gender = _gender_written(text, match.start, None)
            genders = {match.key: other.gender, holder: profiles[holder].gender}
            if gender and _fitting([match.key, holder], gender, genders.get) == [holder]:
                found[match.start] = holder
    return found


_THE_AND_A_WORD_BEFORE = re.compile(r"\b[Tt]he (?!(?:elder|younger|late) $)(?:[a-z][\w-]* )?$")


# Titles that only a person takes.
_PERSONAL_TITLES = _wordset("""mr mrs ms miss mx dr prof professor""")


def _surname_holder(text: str, start: int, end: int, named: list, profiles: Mapping, pronoun=None):
    """Of the people named in full before ``start`` (as (end, key)) whose family name
    stands there, the one it is: the only one, the only one a gendered title before it
    or the ``pronoun`` that refers back to it may name (``_fitting``: "Kim, who inherited
    power after his father's death" is not Kim Yo Jong, whose description makes her a
    woman), the one "elder" or "senior" says by the ages their descriptions give, or
    else of those the one named last."""
    keys = list(dict.fromkeys(key for _, key in named))
    gender = _gender_written(text, start, pronoun)
    if gender:
        keys = _fitting(keys, gender, lambda key: profiles[key].gender) or keys
    if len(keys) == 1:
        return keys[0]
    # "The elder Banda", "Banda senior said" after the father and the son were named in
    # full: the one their descriptions make older.
    age = _AGE_BEFORE.search(text, max(0, start - 10), start) or _SENIOR_OR_JUNIOR_AFTER.match(
        text, end
    )
    if age is not None:
        elder_or_younger = _by_age(keys, profiles, age.group(1).lower())
        if elder_or_younger is not None:
            return elder_or_younger
    # A title of office before it that one of them holds and no other: "Finance Minister
    # Kovács" after the prime minister of the name (as ``rules`` reads it of an alias).
    title = _title_before(text, start)
    if title is not None and all(key in profiles for key in keys):
        fitting = [key for key in keys if _fits_the_word_before(text, start, title, profiles[key])]
        one = _the_one_the_title_fits(text, start, title, fitting, keys, profiles)
        if one is not None:
            return one
    return max((at, key) for at, key in named if key in keys)[1]


def _fitting(keys: list, gender: str, gender_of) -> list:
    """The ``keys`` a title or a pronoun of ``gender`` may name (``gender_of`` says each
    one's, or None): of a woman's, the women when any is known, else those not known to
    be men; of a man's, those not known to be women. A man's title decides nothing over
    a person whose gender nothing says, as most people in the news are men and a
    description seldom says a man is one ("Tan Wei Ming ... Tan Wee Meng ... Mr Tan");
    a woman's does ("Anjali Sharma ... Bhajan Lal Sharma ... Ms Sharma")."""
    if gender == "female":
        women = [key for key in keys if gender_of(key) == "female"]
        return women or [key for key in keys if gender_of(key) != "male"]
    return [key for key in keys if gender_of(key) != "female"]
