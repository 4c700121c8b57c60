"""Telling people of one name apart: titles and the offices they fit, genders from
titles and pronouns, ages and family ties the story states, careers, the dead, who was
introduced and who speaks."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from articles.anchoring.context import (
    _CAPITALISED_WORD,
    _NEXT_WORD,
    _PLACE_BEFORE,
    _POSSESSIVE_AFTER,
    _SPEAKS_AFTER,
    _THE_BEFORE,
    _unknown_name,
)
from articles.anchoring.folding import fold
from articles.anchoring.organisations import _about_a_sport
from articles.anchoring.profiles import (
    _BORN,
    _TITLES,
    _WORD,
    Profile,
    _all_persons,
    _stem,
    _words,
    _wordset,
)
from articles.anchoring.reading import (
    _PREVIOUS_WORD,
    _SENTENCE_END,
    _all_of_kind,
    _before_titles,
    _filter,
    _names,
    _paragraph_start,
    _sentence_bounds,
    _title_before,
    opens_sentence,
)
from articles.anchoring.story import _Story

_FEMALE_TITLES = _wordset(
    """ms mrs miss madam madame dame lady queen princess empress bu ibu frau mme mlle
    signora señora senora smt daw"""
)
_MALE_TITLES = _wordset(
    """mr sir lord king prince emperor pak bapak herr monsieur signor señor senor shri u"""
)


# Words for people of a family that also follow a place's name ("Kenya women won gold",
# "Gaza parents said"): after a surname alone they name several ("the Justiniano women").
_KIN = _wordset("""women men wives husbands spouses parents sons daughters""")


_BOTH_BEFORE = re.compile(r"\b[Bb]oth $")
_AND_OR_AFTER = re.compile(r"(?:['’]s)?(?:,| (?:and|or|&|as well as)\b)")


# After a name, what only a person does or has: an age (", 62,"), words said, a journey
# ("is due to visit", "flew"), and "who" (a place or a firm is "which").
_PERSON_AFTER = re.compile(
    r"(?:,? \d{1,3},|, who\b| (?:said|says|told|tells|added|adds|wrote|writes|asked|asks|replied|"
    r"recalled|argued|insisted|warned|noted|explained|laughed|smiled|nodded|shrugged|"
    r"spoke|speaks|congratulated|congratulates|thanked|thanks|tweeted|apologised|apologized|"
    r"resigned|resigns)\b|(?: (?:is|was|will|would|has|had)(?: due to| expected to| set to)?)?"
    r" (?:visit|visits|visited|travel|travels|travelled|traveled|arrive|arrives|arrived|"
    r"fly|flies|flew|meet|meets|met)\b|"
    # A life's words: "Schwarzenegger grew up in Thal", "Bielsa, now in charge of Uruguay,".
    r" (?:grew up|was born)\b|, now in charge\b|"
    # Someone who does not speak, or speaks somewhere: "Lugo did not speak to reporters",
    # "Montenegro, speaking in the ceremonial hall" (not "did not respond" nor "did not
    # comment", which firms and governments do more).
    r" did not speak\b|, speaking (?:in|at|to|from|on|after)\b)"
)

# What a player does, which no town does: "Horta has now scored in five derbies", "Cazorla
# changed the game".
# "Has" and the like before a player's verb: "Horta has now scored".
_HAS_BEFORE_A_VERB = r"(?: (?:has|had|have)(?: now| also| already| since| just)?)?"
_PLAYER_AFTER = re.compile(
    _HAS_BEFORE_A_VERB + r" (?:scored|netted|struck|"
    r"saved|converted|equalised|equalized|volleyed|headed|curled|dribbled|changed the game|"
    r"came on|came off|limped|retired hurt|served|aced|bowled|batted|pitched|homered|"
    r"averaged|averages|rebounded|dunked)\b"
)
# Of those, the ones an economy's figures do too ("has averaged 4 percent growth", "the
# market rebounded"): a player's only in a report of a game.
_GAME_ONLY_VERB_AFTER = re.compile(_HAS_BEFORE_A_VERB + r" (?:averaged|averages|rebounded)\b")
# An age after a name, however the clause goes on: "Andrew, 32 at the time,".
_AGE_OPENS_AFTER = re.compile(r", \d{1,3}\b")
# A short phrase set beside a name between commas: ", an All-Star last season,".
_SET_BESIDE = re.compile(r", (?:a|an|the) [^,.;:\"“”()]{1,40},")


# Words set beside a name that describe it: "Reid, a former engineer,", "Reid, who...".
_APPOSITION_AFTER = re.compile(r", (?:a|an|the|who|whose|known as|known at home as)\b")


_DETERMINER_AFTER = re.compile(r" (?:the|a|an|these|those|its|their|our|this|that)\b")


def _one_word_of_a_name(known: Profile | None, folded: str) -> bool:
    """Whether ``folded`` is one word of a person's name and not the name itself, as a
    surname alone is (a nickname that is no word of the name, "Jokowi", stands alone)."""
    return (
        known is not None
        and known.kind == "person"
        and " " not in folded
        and folded not in known.primary_names
        and folded in known.name.split()
    )


def _word_opening_a_sentence(story: _Story, key, folded: str, start: int, end: int) -> bool:
    """Whether a word of a person's name that opens a sentence is the word, not the
    person: a determiner after it makes it a preposition or a noun ("Among the few who
    voted" for Speaker Anita Among, "Hope of a draw"); a name takes none."""
    if not _one_word_of_a_name(story.profiles.get(key), folded):
        return False
    return opens_sentence(story.text, start) and bool(_DETERMINER_AFTER.match(story.text, end))


def _family_in_the_plural(story: _Story, key, folded: str, start: int, end: int) -> bool:
    """Whether "the" and a surname in the plural name a family the story has named ("Miriam
    Vogt … The Vogts said" is the couple), not the person whose surname ends in "s"
    (Berti Vogts); or a surname names the women or the sons of a family ("The
    Justiniano women belong to rival parties"), or "both" of them."""
    known = story.profiles.get(key)
    if known is None or known.kind != "person":
        return False
    # "Both Ferraris still live in the hills": both of a name, not "both Ferreira and
    # Silva" nor "both Ferreira’s and Silva’s lawyers".
    if _BOTH_BEFORE.search(story.text, max(0, start - 5), start) and not _AND_OR_AFTER.match(
        story.text, end
    ):
        return True
    kin = _NEXT_WORD.match(story.text, end)
    if kin and kin.group(1).lower() in _KIN and " " not in folded:
        return True
    if not folded.endswith("s"):
        return False
    if not _THE_BEFORE.search(story.text, max(0, start - 4), start):
        return False
    single = folded[:-1]
    return any(
        other != key
        and other in story.profiles
        and single in story.profiles[other].name.split()[1:]
        for other in story.recent
    )


_LISTED_BEFORE = re.compile(r"(?:, |\band )$")
# Someone of a body who speaks: "Palaniswami of the AIADMK said".
_OF_A_BODY_SPEAKS_AFTER = re.compile(
    r" of the [A-Z][\w&’'.-]*(?: [A-Z][\w&’'.-]*){0,4},? (?:said|says|told|added|warned)\b"
)
# What someone is to another, set before the name with a comma: "His successor,
# Mirziyoyev, dropped the objections", "her husband, Okafor,".
_SOMEONES_ROLE_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w’'-]*['’]s) (?:[a-z]+ )?(?:successor|"
    r"predecessor|rival|deputy|boss|opponent|ally|mentor|leader|chairman|chairwoman|founder|spokesman|"
    r"spokeswoman|wife|husband|son|daughter|brother|sister|father|mother|coach|captain|"
    r"lawyer|adviser|advisor), $"
)


def _unintroduced(story: _Story, key, folded: str, start: int, end: int) -> bool:
    """Whether ``folded`` at ``start:end`` is one word of a person's name, such as a
    surname, before the story has named them otherwise, with neither a title before it
    nor what only a person does after it, where a place or a word could stand (at a
    sentence's start, after "in", in a list): a story introduces a person before it calls
    them by a surname alone, so such a word is more often a word or someone else ("Hope of
    a draw had faded … Opener Javon Hope", "a nurse who grew up in Valencia"). "President
    Lula", "Judge Morales", "Putin spoke in Moscow" and "Miliband, a former foreign
    secretary," name the person."""
    if key in story.recent or not _one_word_of_a_name(story.profiles.get(key), folded):
        return False
    text = story.text
    if (
        _title_before(text, start)
        or _PERSON_AFTER.match(text, end)
        or _APPOSITION_AFTER.match(text, end)
        or _SOMEONES_ROLE_BEFORE.search(text, max(0, start - 30), start)
        or _OF_A_BODY_SPEAKS_AFTER.match(text, end)
    ):
        return False
    # Where a capital says nothing (a sentence's first word), after a preposition of
    # place, or in a list: "the history paintings of Matejko" is the painter.
    return bool(
        opens_sentence(text, start)
        or _PLACE_BEFORE.search(text, max(0, start - 16), start)
        or _LISTED_BEFORE.search(text, max(0, start - 6), start)
    )


_AND_AFTER = re.compile(r" and ")
_AND_BEFORE = re.compile(r" and $")


def _beside_a_person(story: _Story, start: int, end: int) -> bool:
    """Whether the name is joined by "and" to a name that is only a person's ("Houston
    and Fillmore were due to tour", Fillmore the mayor): two people, not a city and one."""
    text = story.text
    joined = _AND_AFTER.match(text, end)
    if joined:
        other = story.keys_at.get(joined.end(), ())
    else:
        before = _AND_BEFORE.search(text, max(0, start - 5), start)
        if before is None:
            return False
        at = bisect.bisect_left(story.spans, (before.start(),)) - 1
        if at < 0 or story.spans[at][1] != before.start():
            return False
        other = story.keys_at.get(story.spans[at][0], ())
    return bool(other) and _all_of_kind(other, story.profiles, "person")


_ELDER = frozenset({"elder", "older", "senior"})
# How descriptions state a family tie, by whether the person named is older than the one
# described ("son of Joe Biden", "his father, Kim Jong Il", "younger sister of Kim Jong
# Un") or younger ("father of Justin Trudeau", "elder brother of...").
_NAMES_AN_ELDER = re.compile(
    r"\b(?:(?:son|daughter|child|stepson|stepdaughter|grandson|granddaughter|nephew|niece) "
    r"of|(?:his|her|their) (?:father|mother|parents?|grandfather|grandmother|uncle|aunt),?|"
    r"younger (?:sister|brother|sibling) of) ([^;.()]+?)(?=[;.()]|,? and [a-z]|, [a-z]|$)"
)
_NAMES_A_YOUNGER = re.compile(
    r"\b(?:(?:father|mother|parent|grandfather|grandmother|uncle|aunt) of|(?:his|her|their) "
    r"(?:sons?|daughters?|child|children|grandsons?|granddaughters?|nephews?|nieces?),?|"
    r"(?:older|elder) (?:sister|brother|sibling) of) ([^;.()]+?)(?=[;.()]|,? and [a-z]|, [a-z]|$)"
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|He|She|His|Her)\b")


def _is_older(elder: Profile, younger: Profile) -> bool:
    """Whether a description states a family tie that makes ``elder`` the older one."""
    return any(
        _names(tie.group(1), elder.name) for tie in _NAMES_AN_ELDER.finditer(younger.description)
    ) or any(
        _names(tie.group(1), younger.name) for tie in _NAMES_A_YOUNGER.finditer(elder.description)
    )


# "the elder Déby", "the younger Trudeau": one of a family, told apart by age.
_AGE_BEFORE = re.compile(r"\b(elder|older|younger|senior|junior) $", re.IGNORECASE)
# And after a person's name, as copy writes a father and a son: "Mr Stojanović senior,
# who started the business", "said Stojanović senior." (not "Kilkenny senior hurlers",
# "told Moreau senior ministers would back it", "appointed Hale junior minister").
_SENIOR_OR_JUNIOR_AFTER = re.compile(
    r" ([Ss]enior|[Jj]unior)(?=[,.;:!?)’'\"”]| (?:said|says|spoke|told|added|wrote|recalled|"
    r"replied|laughed|smiled|joked|insisted|who|and|has|had|was|is|would|will|also)\b)"
)


def _by_age(keys: list, known: Mapping, word: str, story: _Story | None = None) -> object | None:
    """The one of ``keys`` older (``word`` "elder") or younger than every other, through
    the family ties their descriptions state, those the story states ("succeeded his
    father, Heydar Aliyev") and the ages it gives ("Artur Brandão, 84,"). Those these
    place are compared when they are two or more (a wife or a namesake nothing ties by
    age is no "elder"); None when fewer are placed, or none is older than all others."""
    if not all(key in known for key in keys):
        return None
    older = {(a, b) for a in keys for b in keys if a != b and _is_older(known[a], known[b])}
    if story is not None:
        older |= {(a, b) for a, b in story.older if a in keys and b in keys}
        ages = {key: _age_stated(story, key) for key in keys}
        older |= {
            (a, b)
            for a in keys
            for b in keys
            if ages[a] is not None and ages[b] is not None and ages[a] > ages[b]
        }
    # Years of birth the descriptions give: "born 2002" is younger than "born in 1994";
    # among those the ties and ages place, when they place two or more (a wife's year
    # of birth makes her no part of a comparison of father and son), and never against
    # them.
    tied = {key for pair in older for key in pair}
    born = {
        key: known[key].born
        for key in keys
        if known[key].born is not None and (len(tied) < 2 or key in tied)
    }
    older |= {(a, b) for a in born for b in born if born[a] < born[b] and (b, a) not in older}
    for middle in keys:  # the ties' transitive closure: a father's father is older too
        older |= {(a, c) for a, b in older if b == middle for b2, c in older if b2 == middle}
    # Those the ties place are the ones compared, when they are two or more: a namesake
    # or an in-law nothing ties by age ("the elder Kessler" after "her father, Georg
    # Kessler" and a founder of the name) is not the one the writer compares.
    placed = [key for key in keys if any(key in pair for pair in older)]
    if len(placed) >= 2:
        keys = placed
    # Nothing placed them: the one whose career the description dates first ("King from
    # 1972 to 2006" before "King since 2006"), when every description dates one, or the
    # only "former" one of the trade ("former footballer" before "footballer").
    if not older:
        older = _by_career(keys, known)
    # Nor that: of two, the one the story called the elder or the younger of the family.
    if not older and story is not None and len(keys) == 2:
        older = _by_the_ties_to_someone_unnamed(story, *keys)
    if word not in _ELDER:
        older = {(b, a) for a, b in older}
    found = [a for a in keys if all((a, b) in older for b in keys if b != a)]
    return found[0] if len(found) == 1 else None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_GENERATION = 25
_FORMER_TRADE = re.compile(r"^(?:[\w-]+ ){0,3}former ([\w-]+)")


def _by_career(keys: list, known: Mapping) -> set[tuple]:
    """Who is older than whom among ``keys`` by the careers their descriptions give, as
    pairs (older, younger): by the years each gives (not of birth), when each gives one,
    if one career ended as the other began or they began a generation apart; else the one
    described as a "former" something the others are, when none of them is dead."""
    years = {
        key: [int(year) for year in _YEAR.findall(_BORN.sub(" ", known[key].description))]
        for key in keys
    }
    if all(years.values()):
        # One career that ended as or before the other began ("King from 1972 to 2006",
        # "King since 2006"); overlapping ones ("mayor of Kyiv since 2014", "champion from
        # 2006 to 2015") say nothing of age.
        return {
            (a, b)
            for a in keys
            for b in keys
            if (max(years[a]) <= min(years[b]) and min(years[a]) < min(years[b]))
            # or a generation apart ("congressman from 1976 to 2013", "senator since 2011")
            or min(years[b]) - min(years[a]) >= _GENERATION
        }
    # The only one described as a former something that the others are described as
    # ("former footballer" and "footballer"; not "former universities minister" and
    # "prime minister", nor "former footballer" and "football manager"); the dead are
    # former too ("footballer and manager (1947–2016)").
    former = []
    for key in keys:
        found = _FORMER_TRADE.match(known[key].description)
        if known[key].dead or (
            found
            and all(
                found.group(1) in _words(known[other].description) for other in keys if other != key
            )
        ):
            former.append(key)
    if len(former) == 1 and not known[former[0]].dead:
        return {(former[0], key) for key in keys if key != former[0]}
    return set()


def _age_stated(story: _Story, key) -> int | None:
    """The age the story gave the person ``key`` beside a name of theirs, if one."""
    ages = [mark for mark in story.described.get(key, ()) if mark.startswith("age ")]
    return int(ages[0][4:]) if len(ages) == 1 else None


# A tie the story states just before a name: "succeeded his father, Heydar Aliyev",
# "His younger brother Blessing Moyo", "her daughter Inês Brandão".
# The owner may be someone the story calls by their office: "the minister’s father,
# Jun’ichiro Koizumi", "the main defendant’s father, Herbert Gruber".
_TIE_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|whose|[Tt]he (?:[a-z-]+ ){0,2}[a-z-]+['’]s) "
    r"(?:(elder|older|younger|big|little) )?"
    r"(father|mother|parents?|grandfather|grandmother|sons?|daughters?|child|children|"
    r"grandsons?|granddaughters?|brother|sister|sibling|uncle|aunt|nephews?|nieces?),? "
    r"(?:also )?$"
)
# The tie the other way round: "is the son of Ali Hassan Mwinyi" names the parent.
_TIE_OF_BEFORE = re.compile(
    r"\b(?:the|a) (?:(elder|older|eldest|younger|youngest) )?"
    r"(father|mother|parent|grandfather|grandmother|son|daughter|child|grandson|"
    r"granddaughter|brother|sister|uncle|aunt|nephew|niece) of $"
)
# An uncle or an aunt is older than a nephew or a niece, as a parent is than a child: "His
# nephew Jhonatan Castañeda ... The older Castañeda" is the uncle.
_ELDER_KIN = frozenset(
    {"father", "mother", "parent", "parents", "grandfather", "grandmother", "uncle", "aunt"}
)
_YOUNGER_KIN = frozenset(
    {"son", "sons", "daughter", "daughters", "child", "children", "grandson", "grandsons"}
    | {"granddaughter", "granddaughters", "nephew", "nephews", "niece", "nieces"}
)


def _tie_stated(story: _Story, key, start: int) -> None:
    """Read a family tie the story states before the name of ``key`` at ``start`` ("his
    father, Heydar Aliyev") into ``story.older``: the tie is to the person of the
    family (a word of the name shared) the story named last before it. When the story
    named none before, the tie still says whether ``key`` is the elder or the younger
    (``story.elder_or_younger``)."""
    # (Past a title: "the minister’s father, former prime minister Jun’ichiro Koizumi".)
    start = _before_titles(story.text, start)
    tie = _TIE_BEFORE.search(story.text, max(0, start - 60), start)
    # "the son of X": X is the elder, as "his father, X" says; "the father of X", the
    # younger.
    inverse = None if tie else _TIE_OF_BEFORE.search(story.text, max(0, start - 40), start)
    known = story.profiles
    if (tie or inverse) is None or key not in known:
        return
    family = set(known[key].name.split()[1:])
    relatives = [
        (max(forms.values()), other)
        for other, forms in story.recent.items()
        if other != key
        and other in known
        and known[other].kind == "person"
        and family & set(known[other].name.split()[1:])
    ]
    named_at, owner = max(relatives, key=lambda pair: pair[0]) if relatives else (None, None)
    if owner is None or (
        _unknown_name(story.text, named_at, (tie or inverse).start(), story.spans)
        or any(
            other != key and named_at < max(forms.values()) < start
            for other, forms in story.recent.items()
            if other in known and known[other].kind == "person"
        )
    ):
        # Whose relative it is, the story does not say here: only which of them it is.
        if tie is not None:
            _mark_elder_or_younger(story, key, tie.group(1), tie.group(2), own=False)
        return
    if inverse is not None:
        age, kin = inverse.group(1), inverse.group(2)
        if kin in _YOUNGER_KIN or age in ("younger", "youngest"):
            story.older.add((key, owner))
        elif kin in _ELDER_KIN or age in ("elder", "older", "eldest"):
            story.older.add((owner, key))
        return
    names_the_elder = _names_the_elder(tie.group(1), tie.group(2))
    if names_the_elder is not None:
        story.older.add((key, owner) if names_the_elder else (owner, key))


def _names_the_elder(age: str | None, kin: str) -> bool | None:
    """Whether the word for a relative before a name ("his father", "his younger
    brother") makes that one the elder of the two it ties (True), the younger (False),
    or neither (None: "his brother")."""
    if kin in _ELDER_KIN or age in ("elder", "older", "big"):
        return True
    if kin in _YOUNGER_KIN or age in ("younger", "little"):
        return False
    return None


# A relative the story does not name, in the sentence that a person's name opens: "Davide
# Parodi scored twice past his younger brother", "Trey Whitcomb scored 27 points against
# his father's team", "Darius Kapadia asked the tribunal to block his elder brother's
# plan".
_TIE_TO_ONE_UNNAMED = re.compile(
    r"[^.;:!?“”\"\n]{0,80}?\b(?:his|her) (?:own )?(?:(elder|older|younger|big|little) )?"
    r"(father|mother|parents|sons?|daughters?|brother|sister)\b"
)


def _tie_to_someone_unnamed(story: _Story, key, start: int, end: int) -> None:
    """Read a tie the sentence that the name of ``key`` opens states to a relative it
    does not name ("... past his younger brother") into ``story.elder_or_younger``. (Not
    once another person is named between: "Parodi, whose coach praised his son".)"""
    if _subject(story.text, start, end) is not True:
        return
    tie = _TIE_TO_ONE_UNNAMED.match(story.text, end)
    if tie is None:
        return
    known = story.profiles
    at = bisect.bisect_right(story.spans, (end,))
    if any(
        other_start < tie.end()
        and any(k in known and known[k].kind == "person" for k in story.keys_at[other_start])
        for other_start, _ in story.spans[at : at + 3]
    ):
        return
    _mark_elder_or_younger(story, key, tie.group(1), tie.group(2), own=True)


def _by_the_ties_to_someone_unnamed(story: _Story, first, second) -> set[tuple]:
    """(older, younger) of two relatives by what ``story.elder_or_younger`` says of either,
    when it says one thing; else nothing."""
    votes = {first: 0, second: 0}
    for key, other in ((first, second), (second, first)):
        mark = story.elder_or_younger.get(key)
        if mark is not None:
            votes[key if mark == "elder" else other] += 1
    if votes[first] == votes[second] or min(votes.values()) > 0:
        return set()
    elder = max(votes, key=votes.get)
    return {(elder, second if elder == first else first)}


def _mark_elder_or_younger(story: _Story, key, age: str | None, kin: str, own: bool) -> None:
    """Note ``key`` as the elder or the younger of the family by a tie: its own relative
    (``own``: "his younger brother" makes ``key`` the elder) or the word for ``key``
    itself ("his younger brother, Ben Whitlock" makes ``key`` the younger)."""
    names_the_elder = _names_the_elder(age, kin)
    if names_the_elder is not None:
        story.elder_or_younger[key] = "younger" if names_the_elder == own else "elder"


# What a description calls someone whom "Dr" fits: a physician, a scientist, an academic.
# Whole words, not stems: "research ship" is no researcher.
_DOCTORS = _wordset(
    """physician doctor surgeon scientist researcher professor academic lecturer
    economist chemist physicist pharmacist veterinarian dentist psychiatrist"""
)
_ROLE_BEFORE = re.compile(r"\b[Tt]he ([a-z][\w-]{3,}) $")
# Roles a report writes in other words than a description: "the striker" is the one
# described as a centre-forward, "the lawmaker" the senator. (Not a word of several
# trades: "the keeper" may keep wicket, "the skipper" a trawler, a "forward" play
# basketball.)
_SAID_OTHERWISE = {
    "striker": ("centre-forward", "center-forward"),
    "goalie": ("goalkeeper",),
    "lawmaker": ("legislator", "senator", "congressman", "congresswoman", "mp"),
    "legislator": ("lawmaker", "senator", "deputy", "mp"),
    "pitcher": ("baseball",),
    "quarterback": ("football",),
    "judge": ("magistrate", "justice"),
    "prosecutor": ("attorney",),
    "singer": ("vocalist",),
    "novelist": ("writer", "author"),
    "businessman": ("entrepreneur", "executive", "industrialist"),
    "businesswoman": ("entrepreneur", "executive", "industrialist"),
    "tycoon": ("entrepreneur", "industrialist", "billionaire"),
}


def _fits_the_word_before(text: str, start: int, title: str | None, person: Profile) -> bool:
    """Whether the title (``title``, as ``_title_before`` reads it) or the role written
    just before a name fits what ``person``'s description says they are: "Dr" a
    physician, a scientist or any "-ologist"; "the curator" a curator."""
    if title in ("dr", "doctor"):
        words = set(_words(person.description))
        return bool({word.lower().removesuffix("s") for word in words} & _DOCTORS) or any(
            word.endswith(("ologist", "ologists")) for word in words
        )
    if title and (
        title in _ROYAL_TITLES or title not in _FEMALE_TITLES | _MALE_TITLES | _BARE_TITLES
    ):
        roles = _roles(person.description)
        qualifier = _title_qualifier(text, start, title)
        if _written_with_title(text, start, title, person):
            return True
        # "Prime Minister Bhutto" is no foreign minister: the word before the title must
        # be the description's too ("Minister of Finance" fits "Finance Minister").
        if qualifier and _stem(qualifier) not in person.cues:
            return False
        said = (title, _TITLE_WRITTEN_OUT.get(title, title), *_SAID_OTHERWISE.get(title, ()))
        return bool({_stem(word) for word in said} & roles)
    role = _ROLE_BEFORE.search(text, max(0, start - 30), start)
    if not role:
        return False
    word = role.group(1).lower()
    return any(_stem(said) in person.cues for said in (word, *_SAID_OTHERWISE.get(word, ())))


def _the_one_the_title_fits(text: str, start: int, title: str | None, fitting, keys, known):
    """Of ``fitting``, those of ``keys`` the title or the role before ``start`` fits
    (``_fits_the_word_before``), the one it names: the only one, when the gazetteer
    writes its name with that very title or no other of ``keys`` holds the office (with
    the word that makes it another office: "Vice Chairman"); else None."""
    if len(fitting) != 1:
        return None
    one = fitting[0]
    if _written_with_title(text, start, title, known[one]):
        return one
    qualifier = title and _title_qualifier(text, start, title)
    return None if _title_claimed_elsewhere(title, one, keys, known, qualifier) else one


def _written_with_title(text: str, start: int, title: str | None, person: Profile) -> bool:
    """Whether the gazetteer writes one of ``person``'s names with the very title before
    ``start`` (``title`` as ``_title_before`` reads it, with the word that makes it
    another office): "Field Marshal Haftar" is the one with the alias "Field Marshal
    Khalifa Haftar", "Vice President Duterte" the one with "Vice President Sara
    Duterte", whatever office another of the name held."""
    if not title or not person.titles:
        return False
    qualifier = _title_qualifier(text, start, title)
    # Abbreviated or written out on either side: "Governor Villaraza" is the one with the
    # alias "Gov. Villaraza".
    titles = {_title_written_out(written) for written in person.titles}
    return _title_written_out(f"{qualifier} {title}" if qualifier else title) in titles


def _title_written_out(title: str) -> str:
    """``title`` (lower case) with each abbreviated word written out: "gov." is "governor"."""
    return " ".join(_TITLE_WRITTEN_OUT.get(word.rstrip("."), word) for word in title.split())


# Titles abbreviated, as descriptions write them out ("Gov. Landry" is the governor), and
# a judge's title ("Justice John Banda" is a judge).
_TITLE_WRITTEN_OUT = {
    "gov": "governor",
    "sen": "senator",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "prof": "professor",
    "rev": "reverend",
    "supt": "superintendent",
    "pres": "president",
    "atty": "attorney",
    "rep": "representative",
    "gen": "general",
    "maj": "major",
    "adm": "admiral",
    "justice": "judge",
}


# Words before a title that make it another office: "Prime Minister", "Finance
# Minister", "Vice President".
_QUALIFIERS = _wordset("""prime foreign finance home interior defence defense health trade vice""")


def _title_qualifier(text: str, start: int, title: str) -> str | None:
    """The word of ``_QUALIFIERS`` just before the title ``title`` (as ``_title_before``
    reads it) that stands before ``start``, in lower case, or None."""
    qualifier = _PREVIOUS_WORD.search(text, max(0, start - 40), start - len(title) - 1)
    word = qualifier.group(1).lower() if qualifier else None
    return word if word in _QUALIFIERS else None


# A tie to someone else before a title in a description: "Wife of the Turkish president".
_TIE_BEFORE_A_TITLE = re.compile(
    r"\b(?:wife|husband|widow|widower|son|daughter|mother|father|brother|sister|child|"
    r"spouse|partner|aide|adviser|advisor) (?:to|of) (?:the |a |an )?(?:[\w’'-]+ ){0,3}?$"
)


# An office's own nouns: "who held the presidency", "won the governorship" (not "of the
# presidency", "ran for the leadership", where someone serves or seeks it).
_OF_THE_OFFICE_BEFORE = re.compile(r"\b(?:of|for) the (?:[\w'’-]+ )?$")


def _office_words(title: str) -> set[str]:
    words = {title, f"{title}s", f"{title}ship"}
    if title == "president":
        words.add("presidency")
    return words


def _title_claimed_elsewhere(
    title: str | None, chosen, keys, known: Mapping, qualifier: str | None = None
) -> bool:
    """Whether another of ``keys`` has the office ``title`` names in its description too,
    other than as someone's tie ("Colombian politician who was president from 2010" is
    a president too; "Wife of the Turkish president" is not, nor "secretary-general of
    the presidency"): then the title does not tell them apart. With the word that makes
    it another office (``qualifier``, "vice" in "Vice Chairman Park"), only that office:
    the brother described as "chairman of the group" holds none of it."""
    if not title or title in _FEMALE_TITLES | _MALE_TITLES | _BARE_TITLES:
        return False
    if title in ("dr", "doctor"):
        return False
    for key in keys:
        if key == chosen:
            continue
        description = known[key].description
        for word in _WORD.finditer(description):
            if (
                word.group().lower() in _office_words(title)
                and (
                    qualifier is None
                    or description[: word.start()].lower().rstrip().endswith(qualifier)
                )
                and not _TIE_BEFORE_A_TITLE.search(description, 0, word.start())
                and not _OF_THE_OFFICE_BEFORE.search(description, 0, word.start())
            ):
                return True
    return False


# Gendered titles that are offices too: "King Abdullah" is the one described as a king.
_ROYAL_TITLES = _wordset("""king queen prince princess emperor empress""")
# Titles that say nothing of what a person does ("Mr", "former", "acting").
_BARE_TITLES = _wordset("""mx former elect ex acting interim first deputy vice st saint""")
# Where the words of a description that say what someone is end: "President of Turkey",
# "Wife of the Turkish president", "deputy mayor of Kaunas".
_ROLE_ENDS = _wordset(
    """of in for at from to since with who whose which that on by under between during
    until and or"""
)
_CLAUSE = re.compile(r"[^;,.()]+")


def _roles(description: str) -> frozenset[str]:
    """The stems of the words that open each clause of ``description`` up to its first
    preposition: what the person is ("president" in "President of Turkey since 2014"),
    not whom they are tied to ("Wife of the Turkish president")."""
    roles = set()
    for clause in _CLAUSE.findall(description):
        # What a clause says the person became or is: "French politician who became
        # president of France in 2017", "who has been mayor since 2019"; and a second
        # role after "and": "Leader of New Democracy and prime minister of Greece".
        for part in re.split(r"\band ", clause):
            for word in _words(part):
                if word.lower() in _ROLE_ENDS:
                    break
                roles.add(_stem(word.lower()))
        for found in _BECAME.finditer(clause):
            phrase = []
            for word in _words(clause[found.end() :]):
                if word.lower() in _ROLE_ENDS:
                    break
                phrase.append(word.lower())
            # The head noun ("candidate" in "a presidential candidate", "daughter" in
            # "the late president's daughter"), with a title word before it ("prime
            # minister", "foreign minister", "vice president").
            if phrase and not phrase[-1].endswith(("'s", "’s")):
                roles.add(_stem(phrase[-1]))
                if len(phrase) > 1 and phrase[-2] in _TITLES:
                    roles.add(_stem(phrase[-2]))
    return frozenset(roles)


_BECAME = re.compile(
    r"\bwho (?:is|was|became|becomes|has been|had been|served as|serves as) (?:the |a |an )?",
    re.IGNORECASE,
)


_AGE_AFTER = re.compile(r",? (\d{1,3}),")


def _described(text: str, start: int, end: int) -> set[str]:
    """What the words beside the name at ``start:end`` say of the person that a later
    mention may say again: the title before it ("dr") and the age after it ("age 54")."""
    marks = set()
    title = _title_before(text, start)
    if title:
        # With the word that makes it another office: "Vice President Duterte" is not
        # whom the story called "President Duterte".
        qualifier = _title_qualifier(text, start, title)
        if qualifier:
            title = f"{qualifier} {title}"
        marks.add(title)
    age = _AGE_AFTER.match(text, end)
    if age:
        marks.add(f"age {age.group(1)}")
    return marks


def _as_described(story: _Story, marks: set[str], keys: list) -> list:
    """``keys`` that fit what the story said of them before, by ``marks`` (see
    ``_described``): "Dr Farouk" is the one it called Dr ("Dr Mona Farouk", not "Major
    General Tarek Farouk"); "Zhaksylykov, 54," is not the one it gave another age
    ("Timur Zhaksylykov, 21"). A title nobody was given says nothing."""
    ages = {mark for mark in marks if mark.startswith("age ")}
    titles = marks - ages

    def same_age(key):
        given = {mark for mark in story.described.get(key, ()) if mark.startswith("age ")}
        return not (ages and given) or bool(ages & given)

    keys = _filter(keys, same_age)
    if titles:
        keys = _filter(keys, lambda key: titles <= story.described.get(key, set()))
    return keys


def _person_introduced(story: _Story, folded: str, keys: list, own: list, start: int, end: int):
    """The person whose surname the word is, when the story has introduced them by their
    full name, has never named the places whose own name the word is, and writes it as a
    person's, with a possessive, a verb of speech or a player's verb after it: "Governor
    Wes Moore pledged state money. Moore's office said..." is the governor, not the suburb
    of Oklahoma City the story never mentions ("Tornadoes hit Moore" may be either);
    "Cazorla changed the game" is the player, paragraphs after "Santi Cazorla"."""
    if not own or not all(story.profiles[key].kind == "place" for key in own):
        return None
    # (Past words set beside it, in a report of a game: "Jordan, an All-Star last season,
    # has averaged 27"; not "Washington, a Democratic stronghold, has averaged 4 percent".)
    sport = _about_a_sport(story)
    beside = _SET_BESIDE.match(story.text, end) if sport else None
    after = beside.end() if beside else end
    played = bool(_PLAYER_AFTER.match(story.text, after)) and (
        sport or not _GAME_ONLY_VERB_AFTER.match(story.text, after)
    )
    if not (
        _POSSESSIVE_AFTER.match(story.text, end) or _PERSON_AFTER.match(story.text, after) or played
    ):
        return None
    if any(key in story.recent for key in own):
        return None
    # A possessive or a verb of speech reads the person only just after the story named
    # them ("Houston’s Toyota Center", paragraphs after "Whitney Houston", is the city).
    paragraph = -1 if played else _paragraph_start(story.text, start, back=1)
    people = [
        key
        for key in keys
        if key not in own
        and story.profiles.get(key, None) is not None
        and story.profiles[key].kind == "person"
        and any(
            len(form) > len(folded) and folded in form and form_end > paragraph
            for form, form_end in story.recent.get(key, {}).items()
        )
    ]
    return people[0] if len(people) == 1 else None


def _someone_before(story: _Story, start: int) -> bool:
    """Whether someone may be named before ``start`` in its sentence: a hit of ours that
    may name a person, or a capitalised word that may be a name we do not know."""
    text, profiles = story.text, story.profiles
    opening = _sentence_bounds(text, start, start)[0]
    at = bisect.bisect_left(story.spans, (opening,))
    for hit_start, _ in story.spans[at:]:
        if hit_start >= start:
            break
        keys = story.keys_at.get(hit_start, ())
        if any(key not in profiles or profiles[key].kind in ("person", "") for key in keys):
            return True
    # A capitalised word after "of" names a place or an institution's ("The University of
    # Messina, where"), not a person.
    return any(
        _unknown_name(text, word.start(), word.end(), story.spans)
        and text[max(0, word.start() - 3) : word.start()] != "of "
        for word in _CAPITALISED_WORD.finditer(text, opening, start)
    )


# A family tie a description states, and whom it ties to: "wife of the composer Jean
# Sibelius", "sister of Eero and Armas Järnefelt".
_FAMILY_TIE = re.compile(
    r"\b(?:wife|husband|widow|widower|sister|brother|son|daughter|mother|father|niece|"
    r"nephew|uncle|aunt|cousin|grandson|granddaughter|grandfather|grandmother) of ([^;.()]+)"
)


def _of_a_family_named(story: _Story, folded: str, keys: list, known: Mapping):
    """For a given name alone, shared by persons (the first word of each one's name), the
    one whose description ties them by family to a person the story has named; None when
    not exactly one is."""
    if not _all_of_kind(keys, known, "person") or any(
        known[key].name.split()[0] != folded or known[key].name == folded for key in keys
    ):
        return None
    # A word they share with their own kin is a family name ("Kim" for "Kim Jong Un, son
    # of Kim Jong Il"), not a given name.
    if any(_tied(known[key], [known[other].name for other in keys]) for key in keys):
        return None
    named = [story.profiles[key].name for key in story.recent if key in story.profiles]
    tied = [key for key in keys if _tied(known[key], named)]
    return tied[0] if len(tied) == 1 else None


def _tied(person: Profile, names: list[str]) -> bool:
    """Whether the description of ``person`` states a family tie to one of ``names``."""
    return any(
        _names(tie.group(1), name)
        for tie in _FAMILY_TIE.finditer(person.description)
        for name in names
    )


def _strangers(text: str, hits: list, reasons: list, profiles: Mapping) -> dict:
    """Where someone or something that is none of ours was named with a surname of ours:
    the hits of persons only refused after a name that is not ours ("Elvira Garza", a
    given name we do not know), that words after them show to be a person (an age, a
    description, a verb of speech: not "Ibirapuera Park, where"), and a storm's name
    ("Hurricane Kirk ... Kirk had skirted Barbados"), by folded surname."""
    found: dict[str, list[tuple[int, bool]]] = {}
    for (start, end, keys), reason in zip(hits, reasons, strict=True):
        if not _all_persons(keys, profiles):
            continue
        if reason == "storm":
            found.setdefault(fold(text[start:end]), []).append((end, False))
        elif reason == "after a name" and (
            _PERSON_AFTER.match(text, end) or _APPOSITION_AFTER.match(text, end)
        ):
            found.setdefault(fold(text[start:end]), []).append((end, True))
    return found


def _stranger_since(story: _Story, folded: str, keys, start: int, end: int) -> bool:
    """Whether a surname at ``start:end`` follows someone not ours of that name ("Elvira
    Garza, a 71-year-old retired teacher, ... Garza said"), named after the last mention
    of each of ``keys``: then it is most likely that person, not one of ours. A storm is
    no one who speaks or is described as a person: "Hurricane Dean ... Dean said", "Dean,
    the former Vermont governor," and "Andrew, 32 at the time," are ours."""
    strangers = [
        (stranger_end, person)
        for stranger_end, person in story.strangers.get(folded, ())
        if stranger_end <= start
    ]
    if not strangers or not _all_persons(keys, story.profiles):
        return False
    speaks = bool(
        _PERSON_AFTER.match(story.text, end)
        or _APPOSITION_AFTER.match(story.text, end)
        or _AGE_OPENS_AFTER.match(story.text, end)
    )
    before = [stranger_end for stranger_end, person in strangers if person or not speaks]
    if not before:
        return False
    ours = [end for key in keys for end in story.recent.get(key, {}).values()]
    return max(before) > max(ours, default=-1)


_COORDINATING = re.compile(r"\b(?:and|or|but|nor|while|whereas|as|then) $")


def _subject(text: str, start: int, end: int) -> bool | None:
    """Whether the name at ``start:end`` (titles before it included: "President Mahamat
    Idriss Déby, who took power...") opens its sentence or speaks in it (True: "His
    brother, Suresh Reddy, said"), opens a clause of its own after "and", "but" or "while"
    (None: a subject too, as far as we can tell), or stands inside one (False: "after his
    father, Idriss Déby, was killed")."""
    if _SPEAKS_AFTER.match(text, end):
        return True
    start = _before_titles(text, start)
    if opens_sentence(text, start):
        return True
    return None if _COORDINATING.search(text, max(0, start - 10), start) else False


# A relative named just after the word for them: "her younger brother, Chaminda", "his
# wife Maria".
_FEMALE_KIN = _wordset("sister daughter mother wife aunt niece granddaughter grandmother widow")
_MALE_KIN = _wordset("brother son father husband uncle nephew grandson grandfather widower")
_KIN_BEFORE = re.compile(rf"\b({'|'.join(_FEMALE_KIN | _MALE_KIN)})(?:-in-law)?,? $")
_APPOSITION_TO_KIN = re.compile(r",? (?:(?:who|which) )?(?:is|was)? ?|, ")
_KIN_AFTER_PRONOUN = re.compile(rf"(?: [a-z]+)? ({'|'.join(_FEMALE_KIN | _MALE_KIN)})\b(?!['’])")


def _gender_written(text: str, start: int, pronoun: str | None) -> str | None:
    """The gender the story gives the person named at ``start``: by a title ("Ms
    Roussel"), by the word for a relative just before the name ("her brother, Chaminda
    Wickramasinghe") or by the pronoun that refers back to the name ("Jill Biden, who
    taught for most of her career"; see ``_pronoun_after``)."""
    title = _title_before(text, start)
    if title in _FEMALE_TITLES or title in _MALE_TITLES:
        return "female" if title in _FEMALE_TITLES else "male"
    kin = _KIN_BEFORE.search(text, max(0, start - 30), start)
    if kin:
        return "female" if kin.group(1) in _FEMALE_KIN else "male"
    return pronoun


# A pronoun that opens a sentence, or says who spoke in it ("..., she said."): either is
# most often the person the sentence before was about.
_OPENING_PRONOUN = re.compile(r"[\"“‘']?(?:He|She|His|Her)\b")
_SPEAKER_PRONOUN = re.compile(
    r"[,\"”’'] (?:he|she) (?:said|says|added|adds|told|tells|wrote|writes|explained)\b"
)


# The end of a quotation: a closing double quote, or a straight one after a stop or a
# comma ("...,\" he said").
_QUOTE_CLOSES = re.compile(r"”|(?<=[,.!?])\"")


def _pronoun_after(text: str, start: int, end: int, people: list, spans: list) -> str | None:
    """The gender of the "he", "she", "his" or "her" that refers back to the name at
    ``start:end``, or None. ``spans`` holds where every hit is, ``people`` the starts and
    ends of those that may name a person, in order.

    It is the first one after the name in its sentence, before any other person's name.
    Failing that, when the name is the only person's in its sentence, it is a pronoun
    that opens the next sentence of the paragraph or names its speaker ("Catherine Reid,
    who chairs the board. Her office said..."; "... said the board would wait. “We
    will decide in May,” she said."), as long as no other name stands in between: not
    ours either ("Reid met Ana Costa. She said..." may be Costa).
    """
    at = bisect.bisect_left(people, (start,))
    previous = people[at - 1][1] if at > 0 else 0
    at = bisect.bisect_left(people, (end,))
    following = people[at][0] if at < len(people) else len(text)
    sentence_end = _SENTENCE_END.search(text, end)
    close = sentence_end.start() if sentence_end else len(text)
    # A pronoun of a gender that one before the name in its sentence has already used is
    # that one's again ("She is no relation to Ivo Darrow, though she admires his work":
    # "she" is not Darrow, "his" may be).
    opening_at = _sentence_bounds(text, start, end)[0]
    used = {_gender_of(word.group()) for word in _PRONOUN.finditer(text, opening_at, start)}
    pronoun = next(
        (
            word
            for word in _PRONOUN.finditer(text, end, min(close, following))
            if _gender_of(word.group()) not in used
        ),
        None,
    )
    # A pronoun after the end of a quotation that holds the name is its speaker ("“A court
    # in Marlow heard us,” he said"), not the name, which the speaker only says.
    if pronoun:
        closing = _QUOTE_CLOSES.search(text, end, pronoun.start())
        if closing and "“" not in text[end : closing.start()]:
            return None
        # "his" or "her" before the word for a relative says what the name is to someone
        # else: "Folake Adebayo, is his elder sister" is a woman.
        kin = _KIN_AFTER_PRONOUN.match(text, pronoun.end())
        if kin and _APPOSITION_TO_KIN.fullmatch(text, end, pronoun.start()):
            return "female" if kin.group(1).lower() in _FEMALE_KIN else "male"
    if pronoun is None and sentence_end and text[sentence_end.start()] != "\n":
        opening = sentence_end.end()
        if previous >= opening_at:
            return None  # another person named before it in its sentence
        after = _SENTENCE_END.search(text, opening)
        stop = min(after.start() if after else len(text), following)
        pronoun = _OPENING_PRONOUN.match(text, opening) or _SPEAKER_PRONOUN.search(
            text, opening, stop
        )
        if pronoun and _unknown_name(text, end, pronoun.start(), spans):
            return None
    if pronoun is None:
        return None
    return _gender_of(pronoun.group().strip(" ,\"“”‘’'").split()[0])


def _gender_of(pronoun: str) -> str:
    """The gender of "he", "his", "she" or "her", in any case."""
    return "female" if pronoun.lower() in ("she", "her") else "male"


def _several_named(story: _Story, keys) -> bool:
    """Whether several of ``keys`` are entities the story has named: on a sign or a banner
    in capitals, three Zającs ("THANK YOU ZAJĄC"), the city and its club ("TORINO SIAMO
    NOI", "TRAM TO EVERTON NOW"). A sign has no sentence around it to say which, and
    whoever wrote it may mean them all; the one named last, which is how a shared name in
    a sentence is read, would be a guess."""
    known = [key for key in keys if key in story.profiles]
    return len(known) > 1 and sum(key in story.recent for key in known) > 1


# A quotation closed just before a name that speaks: "“Not the best one,” Hartley said".
_QUOTE_CLOSED_BEFORE = re.compile(r"[,.!?]?[”\"] $")


def _speaker_after_a_quote(story: _Story, start: int, end: int, keys: list):
    """Of ``keys``, the speaker after the quotation just before the name at ``start:end``
    that the sentence before the quotation names in full, as a paragraph gives a
    quotation to the person it has just introduced ("His son Bruno Ferreira argued that
    the company needed capital. “My father built this company…,” Ferreira told a news
    conference"), or that its subject describes ("The winemaker said he would open one
    of the bottles. “Not the best one,” Hartley said"); else None."""
    text = story.text
    closed = _QUOTE_CLOSED_BEFORE.search(text, max(0, start - 4), start)
    if not (closed and _SPEAKS_AFTER.match(text, end)):
        return None
    opened = _quotation_start(text, start - 2)
    if not opened:
        return None
    low, high = _sentence_bounds(text, opened - 2, opened - 1)
    # (Not one it says kept quiet: "Sugianto attended the hearing but did not speak.")
    if _KEPT_QUIET.search(text, low, high):
        return None
    named = {story.chosen.get(at) for at, _ in story.spans if low <= at < high} & set(keys)
    # (Not when another of them spoke earlier in its paragraph: after "Venkat Reddy said
    # sales would double. His brother, Suresh Reddy, said exports would lead", either may.)
    paragraph = _paragraph_start(text, low)
    spoke = {
        story.chosen.get(at)
        for at, end_at in story.spans
        if paragraph <= at < low and _SPEAKS_AFTER.match(text, end_at)
    }
    if len(named) == 1 and not (spoke & set(keys)) - named:
        return named.pop()
    if named:
        return None
    subject = _DESCRIBED_SUBJECT.match(text, low, high)
    if subject is None:
        return None
    described = [
        key
        for key in keys
        if key in story.profiles and _stem(subject.group(1)) in story.profiles[key].cues
    ]
    return described[0] if len(described) == 1 else None


# What says someone named did not speak: "attended the hearing but did not speak".
_KEPT_QUIET = re.compile(
    r"\b(?:did not|didn['’]t|declined to|refused to|would not) (?:speak|comment|talk|say)\b"
)
# The subject of a sentence that a person's trade describes: "The winemaker said".
_DESCRIBED_SUBJECT = re.compile(r"The ([a-z]+) (?:said|says|told|added|wrote)\b")


def _quotation_start(text: str, start: int) -> int | None:
    """Where the quotation ``start`` is inside opens, if it is inside one opened in its
    paragraph."""
    paragraph = _paragraph_start(text, start)
    before = text[paragraph:start]
    if before.count("“") > before.count("”"):
        return paragraph + before.rindex("“")
    if before.count('"') % 2 == 1:
        return paragraph + before.rindex('"')
    return None


def _quoted_without_cue(story: _Story, start: int, keys, pronoun: str | None) -> bool:
    """Whether a surname several people the story named share is quoted with nothing of
    its own to say which: a fan's sign, a text message, a chant, a rumour ("“Pereira,
    marry me”", "“Carver has the bridge”", "“There’s only one Zieliński”"). Whoever is
    quoted was not following the story's sentences, so the one it named last is a guess;
    a title, a pronoun or a full name in the quotation still decides ("“Ms Patel,” the
    judge said"; "“Dana Carver wrote it. Carver is a genius”")."""
    if (
        pronoun is not None
        or not _all_persons(keys, story.profiles)
        or not _several_named(story, keys)
        or _title_before(story.text, start) is not None
    ):
        return False
    opened = _quotation_start(story.text, start)
    return opened is not None and not any(
        end > opened for key in keys for end in story.recent.get(key, {}).values()
    )
