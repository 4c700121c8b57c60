"""Telling places of one name apart: the dateline and its region, the places a story
names and the ones their descriptions name, rivers, the kind of place written beside a
name, places named after one another."""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.anchoring.context import _DIRECTION, _GENERIC_NAME_WORDS, opens_dateline
from articles.anchoring.folding import fold, typographic
from articles.anchoring.profiles import (
    _ADMINISTRATIVE,
    _KINDS_OF_PLACE,
    _NATURAL_KINDS,
    _STATE_WORDS,
    _WORD,
    Profile,
    _countries_of,
    _country_stem,
    _kind_described,
    _lies_in,
    _names_all,
    _nationality_opening,
    _stem,
    _words,
)
from articles.anchoring.reading import (
    _CAPITALISED,
    _KIND_AFTER,
    _all_of_kind,
    _generic_institution_name,
    _kind_set_beside,
    _kind_written,
    _names,
    _paragraph_start,
    _sentence_bounds,
)
from articles.anchoring.story import _Story

# (The small letter of "Mc" or "Mac" too: "FORT McMURRAY".)
# (Capitals outside ASCII too: "GMÜND, Austria", "FOZ DO IGUAÇU, Brazil"; capitals only,
# "Aš, a spa town" is no dateline.)
_UPPER = "A-Z" + "".join(char for char in map(chr, range(0xC0, 0x250)) if char.isupper())
_DATELINE = re.compile(
    rf"^([{_UPPER}](?:[{_UPPER} .'-]|(?<=M)a?c(?=[A-Z]))+?)(?:,| \(| -)", re.MULTILINE
)
_DATELINE_NAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*")


def _dateline_before(text: str, start: int) -> str | None:
    """The stem of the last word of the nearest dateline above ``start`` ("atlanta")."""
    found = None
    for match in _DATELINE.finditer(text, 0, start):
        found = match
    if found is None:
        # A dateline in the case of its name opens the story ("Cork, Ireland, Nov 14").
        first = _DATELINE_NAME.match(text)
        if first and start > first.end() and opens_dateline(text, 0, first.end()):
            return _stem(first.group().split()[-1])
        return None
    return _stem(found.group(1).split()[-1])


_CAPITAL_OF = re.compile(
    r"(?:capital|capital city|capital and (?:largest|most populous) city) of (?:the )?"
    r"([^.;,]+?)(?:[.;,]| on | at |$)"
)


def _capital_of_a_state(capital: Profile, profiles: Mapping) -> bool:
    """Whether the place ``capital``'s description calls it the capital of is one the
    gazetteer knows as a state or a province ("Capital of Maine." when Maine is "State in
    the north-eastern United States"): no country's capital."""
    found = _CAPITAL_OF.match(capital.description)
    return bool(found) and any(
        other.kind == "place"
        and other.place_type == "state"
        and found.group(1) in other.primary_names
        for other in profiles.values()
    )


def _another_place_recalled(text, start, end, filed_from, keys, known: Mapping) -> bool:
    """Whether the hit's sentence writes a name that the description of another of
    ``keys`` than the dateline's place holds ("Their old studio in Palermo was in
    Argentina's capital" recalls the barrio of Buenos Aires)."""
    low, high = _sentence_bounds(text, start, end)
    written = {_stem(word.group()) for word in _CAPITALISED.finditer(text, low, high)}
    written -= _GENERIC_NAME_WORDS | known[filed_from].proper
    written -= {_stem(word) for key in keys if key in known for word in _words(known[key].name)}
    return any(known[key].proper & written for key in keys if key != filed_from and key in known)


def _dateline_wrote(text: str, folded: str) -> bool:
    """Whether the story's dateline opens with the name ``folded`` and no longer one."""
    first = _DATELINE_NAME.match(text)
    return first is not None and fold(first.group()) == folded


_PEOPLE_BEFORE_A_KIND = re.compile(r"\b([A-Z][a-z]+) [a-z]+ of (?:the )?$")


# What English copy calls a province or a region where the gazetteer has the local word:
# "Karbala province" is the governorate, "Odesa province" and "Kharkiv regional governor"
# the oblast.
_PROVINCES = frozenset({"province", "governorate", "oblast"})
# The areas a country is divided into, by their words.
_AREAS = _PROVINCES | {"region", "state", "department", "county", "district", "prefecture"}
_KINDS_READ_AS = {
    **dict.fromkeys(_PROVINCES, _PROVINCES),
    "region": frozenset({"region", "oblast", "governorate"}),
}


def _completed_by_next_word(text: str, end: int, folded: str, keys: list, known: Mapping):
    """The one of ``keys`` whose own name goes on from ``folded`` with the word written
    after the hit (in any case), or None."""
    following = _WORD.match(text, end + 1) if text.startswith(" ", end) else None
    if following is None or not following.group().islower():
        return None
    opening = f"{folded} {following.group()} "
    completed = [key for key in keys if key in known and f"{known[key].name} ".startswith(opening)]
    return completed[0] if len(completed) == 1 else None


# What the name is said to be, in its own clause: "Burgos has long been a cycling city",
# "Sarno is a town of 30,000" (the kind ends its phrase: "Jackson is a city council
# member" is no city).
_A_KIND_SAID_AFTER = re.compile(
    r" (?:is|was|has (?:long |always )?been|remains) (?:a|an|the) (?:[a-z-]+ ){0,2}?"
    r"(city|town|village|port|province|region|department|county|district|river|lake|island)"
    r"(?! (?:council|councillor|commissioner|officials?|hall|manager|limits|police|"
    r"government|clerk|attorney|court|editor|team|club|board|planner|engineer|member)\b)"
    r"(?![\w-])"
)


# A preposition that opens a sentence with the name: "In Mexico, ...", "Across Mexico, ...".
_OPENING_PHRASE_BEFORE = re.compile(
    r"(?:^|[.!?]['\"’”)]?\s+|\n)(?:In|Across|Throughout|Around|Within|Outside|Beyond|From) $"
)


def _of_the_kind_written(text: str, start: int, end: int, keys: list, known: Mapping) -> list:
    """Of places of one name, those of the kind the story writes with it: "the department
    of Colonia" is not the city, "Biobío province" neither the region nor the river (then
    none is). A place whose description says no kind may be any. The kind makes it a
    place: "the towns of Antwerp province" are no court or club named after Antwerp."""
    kind = _kind_written(text, start, end)
    # Or said of it: "Burgos has long been a cycling city" is the city, not the team.
    said = kind is None and _A_KIND_SAID_AFTER.match(text, end)
    kind = _KINDS_OF_PLACE[said.group(1)] if said else kind
    # (Not after an opening phrase's preposition, whose comma closes it: "Across Mexico,
    # the state with the most murders is Guanajuato".)
    beside = (
        kind is None
        and not _OPENING_PHRASE_BEFORE.search(text, max(0, start - 20), start)
        and _kind_set_beside(text, end)
    )
    places = [key for key in keys if key in known and known[key].kind == "place"]
    # (A gazetteer of bare names knows no kinds: nothing to tell apart.)
    if not (kind or beside) or not places or any(key not in known for key in keys):
        return keys
    if beside:
        # A phrase set beside says the kind loosely ("a village of 3,000" may be a
        # district municipality): it tells a town from the region named after it, or
        # after which it is named, picking the one of that kind; else it says nothing.
        if not _named_after_one_another(places, known):
            return keys
        kinds = _KINDS_READ_AS.get(beside, {beside})
        kept = [key for key in places if _kind_described(known[key]) in kinds]
        return kept if len(kept) == 1 else keys
    kinds = _KINDS_READ_AS.get(kind, {kind})
    kept = [key for key in places if _kind_described(known[key]) in kinds | {None}]
    # "Region" is said of any area a country is divided into ("Portugal's Minho region",
    # a historic province) when none of them is called a region.
    if not kept and kind == "region":
        kept = [key for key in places if _kind_described(known[key]) in _AREAS]
    # A people's word before the kind says whose: "the Belgian province of Limburg" is
    # the one that lies in Belgium, not the Dutch one "between Belgium and Germany".
    people = _PEOPLE_BEFORE_A_KIND.search(text, max(0, start - 40), start)
    country = _nationality_opening(fold(people.group(1))) if people else ()
    if country and len(kept) > 1:
        lies_in = re.compile(
            rf"(?:^|(?:\bof|\bin|,) (?:the )?(?:(?!between|bordering|near)[a-z-]+ )?)"
            rf"(?:{'|'.join(map(re.escape, country))})"
        )
        theirs = [key for key in kept if lies_in.search(known[key].description)]
        if theirs:
            kept = theirs
    # "The southern Indiana city", "a small Ohio town": a town's word after a state's or
    # a country's name that no town of ours of the name fits says where the town is.
    # (One such: "a Georgia town" may be in the state or the country.)
    if not kept and kind == "city" and _KIND_AFTER.match(text, end):
        areas = [key for key in places if known[key].place_type in ("state", "country")]
        return areas if len(areas) == 1 else []
    # "The Iceland volcano", "the Bali volcano": a volcano named after a country, an
    # island or a town of ours that is no mountain (we do not know the volcano).
    if not kept and kind == "mountain" and re.match(r" (?:strato)?volcano\b", text[end:]):
        return keys
    # A town's district "of" it when no place of ours of the name is a district: "the
    # central district of Ankara", "the financial district of Lagos" are in the town.
    # (Bare, "the districts of" may be a town's or a province's: "the poorer districts of
    # Lima", "the districts of Chiang Mai"; "the district of Columbia" is neither.)
    part = not kept and _DISTRICT_OF_BEFORE.search(text, max(0, start - 40), start)
    if part:
        towns = [key for key in places if known[key].place_type == "city"]
        return towns or keys
    return kept


_DISTRICT_OF_BEFORE = re.compile(
    r"\b(?:central|business|financial|commercial|historic|old|busy|shopping|university|"
    r"diplomatic|government|port|industrial|entertainment|nightlife) districts? of (?:the )?$"
)


def _named_in_paragraph(story: _Story, start: int, keys: list) -> list:
    """The ones of ``keys`` the story has named in the paragraph of ``start``, before it."""
    paragraph = _paragraph_start(story.text, start)
    return [
        key for key in keys if any(seen > paragraph for seen in story.recent.get(key, {}).values())
    ]


def _named_after_one_another(keys: list, known: Mapping) -> bool:
    """Whether ``keys`` are places one of which the description of another names by its
    own name: a region and its capital ("Mountainous region ...; capital Naryn"), a
    region and its lake ("Region ... around Lake Issyk-Kul")."""
    if not _all_of_kind(keys, known, "place"):
        return False
    return any(
        one != other
        and (
            _names(known[one].description, known[other].name)
            # Or "of the same name" where both lie in one country: "City in western
            # Argentina, capital of the province of the same name".
            or (
                "same name" in known[one].description
                and bool(_countries_of(known[one]) & _countries_of(known[other]))
            )
        )
        for one in keys
        for other in keys
    )


# The words a region's name adds to its town's: "Najaf Governorate", "Thessaloniki
# Regional Unit", "Wilaya of Oran".
_REGIONS_NAME_WORDS = _STATE_WORDS | frozenset(map(_stem, ("unit", "wilaya", "of")))


def _named_for(region: Profile, town: Profile) -> bool:
    """Whether a name of ``region`` is ``town``'s own name and words of a region only,
    the two lying in one country as far as their descriptions say."""
    countries = _countries_of(region), _countries_of(town)
    if all(countries) and not countries[0] & countries[1]:
        return False
    own = set(_words(town.name))
    return any(
        own < set(words := _words(alias))
        and all(_stem(word) in _REGIONS_NAME_WORDS for word in words if word not in own)
        for alias in region.aliases
    )


# A people's word and a kind of place set beside a name: "Tripoli, the Libyan capital",
# "the Venezuelan city, Valencia" (its country's name too: "Hamilton, a New Zealand city").
_KIND_OF_A_PEOPLE = (
    r"(?:[Tt]he|[Aa]n?) ((?:[A-Z][a-z]+ )?[A-Z][a-z]+) (?:[a-z-]+ ){0,2}?"
    r"(?:capital|city|town|port|village|region|province|state|county|island)"
)
_PEOPLE_BESIDE_AFTER = re.compile(rf", {_KIND_OF_A_PEOPLE}\b(?![’'-])")
_PEOPLE_BESIDE_BEFORE = re.compile(rf"\b{_KIND_OF_A_PEOPLE}, $")


def _country_set_beside(text: str, start: int, end: int, keys: list, known: Mapping):
    """The one place of ``keys`` whose description names the country that a people's
    word set beside the name says ("Tripoli, the Libyan capital"), or None."""
    if not _all_of_kind(keys, known, "place"):
        return None
    # (Not before a possessive: "On a visit to the Lebanese capital, Tripoli’s prime
    # minister" is another's.)
    beside = _PEOPLE_BESIDE_AFTER.match(text, end)
    if beside is None and not text.startswith(("'", "’"), end):
        beside = _PEOPLE_BESIDE_BEFORE.search(text, max(0, start - 50), start)
    if beside is None or not beside.group(1)[:1].isupper():
        return None
    country = _country_stem(beside.group(1).split()[-1])
    if len(country) < 4:
        return None
    placed = [key for key in keys if country in known[key].countries_named]
    return placed[0] if len(placed) == 1 else None


def _region_after(story: _Story, end: int) -> list[str]:
    """The folded names of the places a comma sets right after the name that ends at
    ``end`` ("Alexandria, Va.," gives "virginia"), or none."""
    if story.text[end : end + 2] != ", ":
        return []
    keys = story.keys_at.get(end + 2, ())
    known = [story.profiles[key] for key in keys if key in story.profiles]
    return [profile.name for profile in known if profile.kind == "place"]


_DATELINE_REGION = re.compile(r", ([A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*),")


def _region_of_the_dateline(text: str, folded: str, keys: list, known: Mapping, filed_from):
    """The one of ``keys`` that is the place whose own name the story's dateline writes
    after its town, when ``folded`` is that name ("missouri" in "COLUMBIA, Missouri,"),
    or None."""
    if filed_from in keys or _dateline_region_written(text) != folded:
        return None
    regions = [
        key
        for key in keys
        if key in known and known[key].kind == "place" and folded in known[key].primary_names
    ]
    return regions[0] if len(regions) == 1 else None


def _dateline_region_written(text: str) -> str | None:
    """The region the story's first dateline writes after its town, folded ("missouri"
    for "COLUMBIA, Missouri, Feb 9"), or None."""
    region = _dateline_region_match(text)
    return fold(region.group(1)) if region else None


def _dateline_region_start(text: str) -> int | None:
    """Where the region the story's first dateline writes after its town starts, or None."""
    region = _dateline_region_match(text)
    return region.start(1) if region else None


def _dateline_region_match(text: str) -> re.Match | None:
    dateline = _DATELINE.search(text)
    if dateline is None or not dateline.group().endswith(","):
        return None
    return _DATELINE_REGION.match(text, dateline.end() - 1)


# A region named whole in a town's description, as where the town is: "capital of the
# Special Region of Yogyakarta", "Capital city of the Mexican state of Zacatecas" (not
# "Town in Windsor County": another region, whose name goes on).
_IN_A_REGION = (
    r"\b(?:of|in) (?:the )?(?:[a-z-]+ ){{0,2}}(?:state |region |province )?(?:of )?{}"
    r"(?![\w-]| (?:county|district|province|region|state|parish|municipality)\b)"
)


def _dateline_region(text, end, keys, known, keys_at=None):
    """For a dateline's city, the one of ``keys`` in the region it adds ("HYDERABAD,
    India, Jan 14", "OLYMPIA, Wash.,": a short form counts), or None. A region of ours
    written short ("KANSAS CITY, Mo.," where Missouri has the alias "Mo.") is read by its
    name, as where the city lies: the other Kansas City's description names Missouri
    too, as the state across the line."""
    region = _DATELINE_REGION.match(text, end)
    if region is None:
        return None
    placed = [key for key in keys if key in known and _names_all(known[key], region.group(1))]
    if len(placed) == 1:
        # The region's own town lies in it, and so wherever the region does:
        # "YOGYAKARTA, Indonesia," is the city that is the capital of the special region of
        # Indonesia of its name, not the region.
        within = [
            key
            for key in keys
            if key != placed[0]
            and key in known
            and known[key].place_type == "city"
            and known[placed[0]].place_type == "state"
            and re.search(
                _IN_A_REGION.format(re.escape(known[placed[0]].name)), known[key].description
            )
        ]
        return within[0] if len(within) == 1 else placed[0]
    if placed or len(region.group(1).rstrip(".")) > 4:
        return None
    ours = [
        known[key].name
        for key in (keys_at or {}).get(region.start(1), ())
        if key in known and known[key].kind == "place"
    ]
    if len(ours) == 1:
        lying = [key for key in keys if key in known and _lies_in(known[key], ours[0])]
        if len(lying) == 1:
            return lying[0]
    return None


# The words after a name and a comma that may be its region: capitalised words that no
# other name of a list follows.
_REGION_WRITTEN = re.compile(r", ([A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*)(?! and | or |, [A-Z])")


def _qualified_where(story: _Story, folded: str, keys: list) -> tuple:
    """Where the story writes the name ``folded`` of places ``keys`` with a region that
    tells one of them from the others after a comma: (the ones told, where, where the
    name is first written bare, where first with a region), read once a story."""
    text, known = story.text, story.profiles
    qualified, qualified_at, first_bare, first_qualified = set(), [], None, None
    for written in _name_anywhere(folded).finditer(text):
        # (Not the word inside another name: "King’s College London".)
        if written.start() not in story.keys_at:
            continue
        if (
            text[written.end() : written.end() + 2] != ", "
            or not text[written.end() + 2 : written.end() + 3].isupper()
        ):
            if first_bare is None:
                first_bare = written.start()
            continue
        regions = [
            known[key].name
            for key in story.keys_at.get(written.end() + 2, ())
            if key in known and known[key].kind == "place" and known[key].place_type != "city"
        ]
        # A region the gazetteer lacks, by the words a description has: "Perth, Western
        # Australia". (Not a name listed next: "Perth, Darwin and Cairns".)
        beside = _REGION_WRITTEN.match(text, written.end())
        if not regions and beside:
            regions = [fold(beside.group(1))]
        told = [
            key for key in keys if any(_names(known[key].description, region) for region in regions)
        ]
        if first_qualified is None:
            first_qualified = written.start()
        if len(told) == 1:
            qualified.add(told[0])
            qualified_at.append(written.start())
    return qualified, qualified_at, first_bare, first_qualified


def _the_twin_not_qualified(story: _Story, start: int, end: int, folded: str, keys: list):
    """Of places of one name, the one a bare name is when the story writes the only other
    with its region elsewhere ("a fire captain from Melbourne, Florida" in a story of
    Victoria's fires), or None.

    Copy sets the region after the namesake a reader would not take the bare name for:
    a bare name before it is the other ("Melbourne ... Melbourne, Florida"), and so is
    one after it when the story first wrote the name bare; not in the paragraph that
    writes the region. Where the story first wrote the name with its region ("a plant in
    Pasadena, Texas ... the mayor of Pasadena"), later bare names are that one. A state,
    a province or a country the gazetteer has counts as a region, or words the gazetteer
    lacks ("Western Australia"), and only where the description of just one of them
    names it ("Cork, Ireland" tells the city from no county of Cork)."""
    text, known = story.text, story.profiles
    if len(keys) < 2 or not all(key in known and known[key].kind == "place" for key in keys):
        return None
    if _REGION_WRITTEN.match(text, end):
        return None
    read = story.twins_qualified.get((folded, tuple(keys)))
    if read is None:
        read = _qualified_where(story, folded, keys)
        story.twins_qualified[(folded, tuple(keys))] = read
    qualified, qualified_at, first_bare, first_qualified = read
    others = [key for key in keys if key not in qualified]
    if len(qualified) != 1 or len(others) != 1:
        return None
    # (Not in the paragraph that writes the region: there the bare name is the one the
    # writer goes on to make plain, "London's mayor appealed ... The factory in London,
    # Ontario,", or goes on speaking of, "a crew from Melbourne, Florida ... Melbourne's
    # fire chief".)
    low, high = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    if any(low <= at < (high if high >= 0 else len(text)) for at in qualified_at):
        return None
    if start < first_qualified or (first_bare is not None and first_bare < first_qualified):
        return others[0]
    return None


def _name_anywhere(folded: str) -> re.Pattern:
    """The name ``folded`` as a whole word in any case (its words apart by any space)."""
    words = [re.escape(word) for word in folded.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _story_place(story: _Story, keys, folded: str):
    """Which of several places, or organisations, of one name the story means, from the
    names it uses that one of their descriptions holds ("Capital of Peru"; "highest
    administrative court of the Netherlands, in The Hague"); None when that does not
    decide."""
    text, known = story.text, story.profiles
    kinds = {known[key].kind if key in known else "" for key in keys}
    if len(keys) < 2 or len(kinds) > 1 or not kinds <= {"place", "organization"}:
        return None
    named = story.named_words()
    # A word of a longer name that its description names ("Capital and largest city of
    # Panama" for Panama City) counts where the story writes it apart from the name ("a
    # common name in Panama"): inside the name it says nothing, but alone it is another
    # name the story uses, the country the city is the capital of. (Not for a name of
    # one word: "Senegal" for the river named after the country is the name itself.)
    apart = _name_anywhere(folded).sub(" ", typographic(text)) if " " in folded else ""
    # A generic institution's name of one word: the country in its own name counts
    # wherever the story writes it ("Colombia" for the Senate of Colombia's "Senate").
    if not apart and _generic_institution_name(folded):
        apart = text
    named_apart = {_stem(word.group()) for word in _CAPITALISED.finditer(apart)}
    shared = frozenset.intersection(*(known[key].proper | known[key].own_proper for key in keys))
    shared_names = frozenset.intersection(*(known[key].proper_names for key in keys))
    others_names = frozenset().union(*(known[key].primary_names for key in keys))
    written = typographic(text)

    def names_of(key):
        # A title or a kind of place capitalised in a description ("United States",
        # "Pingtung County") is a word of a longer name, not a name: "State" in the
        # story's "Komitas State Conservatory" says nothing of the United States.
        # It counts where the story writes the whole name of the description ("QUEBEC
        # CITY" for "capital Quebec City").
        return known[key].proper - shared - _GENERIC_NAME_WORDS

    def score(key):
        cues = names_of(key)
        own = known[key].own_proper - shared
        # (Not another candidate's own name that the description says it lies in: "in
        # Dhaka Division" for the Dhaka District says where the district is, and the
        # story naming the division says nothing of the district.)
        whole = [
            name
            for name in known[key].proper_names - shared_names
            if {_stem(word) for word in name.split()} & _GENERIC_NAME_WORDS
            and not (name in others_names and f" in {name}" in known[key].description)
        ]
        return (
            sum(any(word.startswith(cue) for word in named) for cue in cues if len(cue) >= 4)
            + sum(any(word.startswith(cue) for word in named_apart) for cue in own if len(cue) >= 4)
            + sum(bool(_name_anywhere(name).search(written)) for name in whole)
        )

    ranked = sorted(keys, key=score, reverse=True)
    best, second = score(ranked[0]), score(ranked[1])
    if best >= 1 and best >= 2 * second:
        return ranked[0]
    # As many of each one's names, but one's named twice as often: "St. John’s" in a
    # story that names Newfoundland twice and Antigua once, each with its partner
    # ("Newfoundland and Labrador", "Antigua and Barbuda"), is the capital of the first.
    if best == 0 or len(keys) > 2 or kinds != {"place"}:
        return None

    def times(key):
        cues = names_of(key)
        return sum(
            count
            for word, count in named.items()
            if any(word.startswith(cue) for cue in cues if len(cue) >= 4)
        )

    most, other = sorted((times(key), key) for key in keys)[::-1]
    return most[1] if most[0] >= 2 * other[0] else None


_GOVERNOR = re.compile(r"(?<![Bb]ank )\bGovernor [A-Z]")
_CITY_WORDS_IN_SENTENCE = re.compile(r"\b(?:[Mm]ayor|city|[Cc]ity [Hh]all|municipal)\b")


def _governor_speaks(text: str, start: int, end: int) -> bool:
    """Whether a governor, named with the title, stands earlier in the sentence and no
    mayor or city is in it: "Governor Hirofumi Yoshimura said Osaka would pay" is the
    prefecture."""
    low, high = _sentence_bounds(text, start, end)
    before = text[low:start]
    # (Not where the governor goes: "Governor Hobbs flew to Yuma" is the town.)
    return (
        bool(_GOVERNOR.search(before))
        and not _CITY_WORDS_IN_SENTENCE.search(text, low, high)
        and not _POINT_BEFORE.search(text, max(low, start - 60), start)
    )


# Words before a name that make it a point one goes to or from, or a route's end: a town,
# not the region named after it or the one it is named after ("Boca travel to Mendoza",
# "a flight to Rio", "the lines from Dublin and Cork meet", "a train from Montreal to New
# York", "the glass valley north of Zurich").
# (A route's ends are towns only where the way is written: "exports of wine from Mendoza
# to Brazil" are the province's, and "talks between Kano and the federal government" the
# state's.)
_WAY_BEFORE = (
    r"\b(?:flights?|trains?|buses|bus|ferr(?:y|ies)|roads?|routes?|lines?|rail(?:way)?s?|"
    r"highways?|motorways?|trucks?|lorries|journeys?|trips?|services?|cross(?:es|ed|ing)?|"
    r"commut\w*|travel\w*|drive|drove)\b[^.;!?]{0,40}"
)
_POINT_BEFORE = re.compile(
    r"\b(?:travel(?:s|led|ling)?|fl(?:y|ies|ew|own|ying)|flights?|trains?|drive[sn]?|"
    r"drove|driving|sail(?:s|ed)?|ferry|ferries|buses|trips?|journey|return(?:s|ed|ing)?|"
    r"moved?|moves|moving|lines?|routes?|roads?|commute[sd]?|commuting|sending \w+|"
    r"sent \w+|(?:came|comes|come) back|went|goes) (?:(?:back|home|up|down|out|on) )?"
    r"(?:to|from|into) $|"
    rf"{_WAY_BEFORE}\b(?:from|between) (?:[A-Z][\w’'.-]* ){{1,3}}(?:to|and) $|"
    rf"(?<!\bthe )(?<!\bThe )\b{_DIRECTION} of $"
)
# And after it, the first end of a route: "trains from Dublin to Cork", "people cross
# every day between Trieste and the coast".
_ROUTE_FROM_BEFORE = re.compile(rf"{_WAY_BEFORE}\b(?:from|between) $")
_ROUTE_ON_AFTER = re.compile(r" (?:to|and) (?:the )?[A-Z]")
# Words before a name that make it an area, the region rather than its town: "farmers
# across Gulu", "voters throughout Zürich", "the people of Kano". (Not what goes across
# a town: "traffic across São Paulo", "a short bus ride away across Kyoto", a game
# "played across Riyadh".)
_ALL_OF_IT = r"[Aa]cross|[Tt]hroughout|all over|people of"
_ALL_OF_IT_BEFORE = re.compile(rf"\b(?:{_ALL_OF_IT}) $")
# And those that say an area in it, or part of one: "much of Gulu" (read of a dateline's
# place and of places named after one another).
_AREA_BEFORE = re.compile(rf"\b(?:{_ALL_OF_IT}|parts of|much of) $")
_GOING_ACROSS_BEFORE = re.compile(
    r"\b(?:traffic|ride|rides|away|walk|walked|drive|journey|trip|way|running|runs|run|"
    r"play|plays|played|playing)\b"
    r"[^,.;]{0,30}$",
    re.IGNORECASE,
)


# And the words of a region's government or of its parts: "the provincial council of
# Najaf", "several of Kano's 44 local government areas". (Not "in": "the state parliament
# in Hanover" and "county officials in Kisumu" are where they sit, in the town.)
_REGION_WORD_BEFORE = re.compile(
    r"\b(?:provincial|state|county|regional|cantonal|prefectural|departmental) "
    r"(?:[a-z]+ ){1,2}(?:of|for|across) $"
)
# Or a region's office or council, or the region's own words set beside it: "the
# district council of Gulu", "the wali of Oran, the province’s governor", "the deputy
# commissioner of Cox’s Bazar, the district’s senior civil servant". (Not a mayor's,
# nor "in": "the governor's office in Salta" is where it sits.)
_REGION_OFFICE_BEFORE = re.compile(
    r"\b(?:[Dd]istrict [Cc]ouncil|[Gg]overnor|[Ww]ali|[Pp]refect|[Gg]overnorate|[Rr]uler|"
    r"[Cc]hief [Mm]inister|[Dd]eputy [Cc]ommissioner) (?:of|for) $"
)
_THE_REGIONS_OWN_AFTER = re.compile(
    r", the (?:province|district|county|region|state|emirate|canton|governorate|prefecture|"
    r"department)['’]s (?!(?:\w+ )?(?:capital|town|city|seat|port)\b|main|largest|biggest|"
    r"second|chief|principal|administrative)"
)
# Or a list of them that their kind's word ends: "Garissa, Wajir and Mandera counties",
# "Nakuru and neighbouring Narok County".
_LISTED_REGIONS_AFTER = re.compile(
    r"(?:,? (?:and|or) (?:neighbouring |neighboring )?(?:[A-Z][\w’'-]+ ){1,2}|"
    r", (?:[A-Z][\w’'-]+ ){1,2}(?:and|or) (?:[A-Z][\w’'-]+ ){1,2})"
    r"(?:[Cc]ount(?:y|ies)|[Pp]rovinces?|[Dd]istricts?|[Rr]egions?|[Gg]overnorates?|[Ss]tates?)\b"
)
_REGION_PARTS_AFTER = re.compile(
    r"['’]s (?:\d[\d,]* )?(?:local government areas|local councils|districts|municipalities|"
    r"counties|departments|provinces|parishes|communes|cantons|prefectures|regions|"
    r"villages|towns|rural)\b"
)


def _point_or_area(text: str, start: int, end: int, keys: list, known: Mapping) -> list:
    """Of towns and regions named after one another among ``keys`` (places whose
    descriptions name one another, or a region named for a town, ``_named_for``), the
    towns where the words before the name make it a point one travels to or from, and
    the regions where they make it an area; [] when
    the words say neither, or for other places. (A namesake elsewhere stays with its
    kind: "flights between Córdoba and Mendoza" are the two Córdobas that are towns.)"""
    if len(keys) < 2:
        return []
    # The words first, as most names have none of them; then the places.
    before = text[max(0, start - 60) : start]
    point = bool(
        _POINT_BEFORE.search(before)
        or (_ROUTE_FROM_BEFORE.search(before) and _ROUTE_ON_AFTER.match(text, end))
    )
    area = _ALL_OF_IT_BEFORE.search(before)
    if not point and not (
        (area and not _GOING_ACROSS_BEFORE.search(before, 0, area.start()))
        or _REGION_WORD_BEFORE.search(before)
        or _REGION_OFFICE_BEFORE.search(before)
        or _REGION_PARTS_AFTER.match(text, end)
        or _THE_REGIONS_OWN_AFTER.match(text, end)
        or _LISTED_REGIONS_AFTER.match(text, end)
    ):
        return []
    # (Or a region named for the town by its own name and a region's word: "Najaf
    # Governorate", "Gulu District", "Wilaya of Oran", where descriptions name neither.)
    if not _named_after_one_another(keys, known) and not any(
        _named_for(known[one], known[other]) for one in keys for other in keys if one != other
    ):
        return []
    # (A description that says its kind in no word of ours, or in one we do not list,
    # says it by the first of a town's or a region's: "One of the seven emirates of the
    # United Arab Emirates", "Emirate of the United Arab Emirates".)
    kinds = {
        key: _kind_described(known[key]) or ("city" if known[key].place_type == "city" else None)
        for key in keys
    }
    towns = [key for key in keys if kinds[key] == "city"]
    regions = [
        key
        for key in keys
        if kinds[key] in _ADMINISTRATIVE - {"city"}
        or (known[key].place_type == "state" and kinds[key] not in _NATURAL_KINDS)
    ]
    if not towns or not regions or len(towns) + len(regions) != len(keys):
        return []
    return towns if point else regions
