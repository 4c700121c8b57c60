"""Rivers: when a bare name is a river's and when it is no river's, by the words beside it.

A river of ours shares its name with the towns, regions and dams named after it ("the
Sarno" and Sarno, "the Layou" and Layou). English writes a river with "the" and a town
without it, and only a river has banks, rapids and a mouth; ``rules._choose`` and
``rules.resolve`` ask these rules, which read only the words next to the name. (What only
a river has before "of the", ``reading._RIVER_BEFORE``, is read as the kind of place
written with a name too.)"""

from __future__ import annotations

import re
from collections.abc import Mapping

from articles.anchoring.context import _PHRASE_ENDS_NARROW, _POSSESSIVE_AFTER
from articles.anchoring.profiles import (
    _ADMINISTRATIVE,
    _NATURAL_KINDS,
    Profile,
    _kind_described,
    _wordset,
)
from articles.anchoring.reading import _RIVER_BEFORE, _all_of_kind

# What a region takes "the" after, as a river does: "retirees in the Dordogne", "moved
# to the Yukon", "The Dordogne is home to...".
_REGION_THE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|to|[Aa]cross|[Tt]hroughout|[Tt]hrough|[Aa]round|[Ww]ithin) the |"
    # What a region has: "the red plains of the Murchison", "the towns of the Drôme",
    # "the prefect of the Somme".
    r"\b(?:plains?|towns|villages|farms|farmers|people|parts|rest|prefects?|governors?|"
    r"councils?|assembly|administration|authorities) of the |"
    r"(?:^|[.!?]['\"’”)]?\s+|\n)The )$"
)


# Regions of a kind set beside the name, which makes it one: "the Drôme and the
# neighbouring departments".
_OTHER_REGIONS_AFTER = re.compile(
    r",? and (?:the |its )?(?:neighbouring|neighboring|other|surrounding|nearby|adjoining) "
    r"(?:departments|provinces|counties|regions|districts|states|prefectures|governorates|"
    r"cantons|oblasts)\b"
)


# A verb after the name, which ends its noun phrase as a stop does: "the Mississippi
# rose", "the Kafue has fallen", "the Ohio flooded" (not "the Gandaki provincial").
_A_VERB_AFTER = re.compile(
    r" (?:rose|fell|ran|froze|burst|broke|swelled|has|had|is|was|will|would|could|may|"
    r"flows|runs|rises|carries|meets|[a-z]{3,}ed\b(?! by\b))"
)


# "The" before a name, or "the" and the reach of a river: "the lower Columbia".
_THE_AND_A_REACH_BEFORE = re.compile(r"\b[Tt]he (?:(?:lower|upper|middle|swollen|mighty) )?$")
# What only a river does or has, before "the" and its name.
_RIVER_THE_BEFORE = re.compile(
    r"\b(?:meets|meet|joins|join|joined|flows into|empties into|up|down|upstream on|"
    r"downstream on|(?:banks?|mouth|delta|estuary|waters|length|source) of) the $"
)
# What moves on water goes "through the" river: "barges carrying coal through the
# Meuse", "cruise boats sail through the Dordogne", "floodwater surging through".
_ON_WATER_BEFORE = re.compile(
    r"\b(?:boats?|barges?|ships?|ferr(?:y|ies)|cruises?|sail\w*|paddl\w*|raft\w*|kayak\w*|"
    r"canoe\w*|swim\w*|flood\w*|water|ice|floes?|currents?|salmon|fish)\b[^.;]*$",
    re.IGNORECASE,
)


# What only a river has or does, after its bare name: "Helmand water flows into Iran",
# "Sarno burst its banks", "rafting on Sarno rapids".
_A_RIVERS_AFTER = re.compile(
    r"(?:['’]s|,(?= which))? (?P<word>waters?|rapids|basin|delta|estuary|headwaters|"
    r"(?:burst|broke|overflowed) its banks|"
    r"crested|overflowed|"
    # What a river does on its way: "The Naryn runs through the town", "The Isfara
    # reaches the Ferghana Valley", "The Osun also carries waste", "The Umzingwane,
    # which fills the dam".
    r"(?:which |also )?(?:runs|flows|flowed|rises|reaches|carries|feeds|fills|drains|empties|"
    r"meanders|winds) (?:through|into|from|down|past|across|out|the|its|a|waste)\b)"
)
_PLACE_NO_THE_BEFORE = re.compile(r"\b(?:in|from|around|near|to|at|outside) $", re.IGNORECASE)
# "The" before a river's name, with a word of where between ("the lower Columbia", "the
# mighty Amazon"), or an owner's word ("their Colorado allocations"), or before the
# first name of a list of rivers ("the Tigris and Euphrates", "the Tigris, Euphrates and").
_A_NAME = r"[A-Z][\w'’-]*"
_THE_BEFORE_A_RIVER = re.compile(
    rf"\b(?:[Tt]he|its|their) (?:[a-z]+ )?"
    rf"(?:$|{_A_NAME}(?: {_A_NAME})?(?:, {_A_NAME})*,? (?:and|or) $)"
)
# The words of a water's own name ("Lake Geneva", "the Palk Strait"), which the rules of
# rivers leave alone.
_WATER_NAME = re.compile(
    r"\b(?:strait|straits|gulf|channel|sea|bay|estuary|sound|river|rio|lake|lakes|loch|lac)\b"
)


def _the_river(text: str, start: int, end: int, keys: list, known: Mapping):
    """The one river among the places ``keys`` when "the" stands right before the name at
    ``start:end`` and the name ends its noun phrase ("the Gandaki provincial government"
    is the province's), or None."""
    # A club, a firm or a person of the name is none of it: "on the Columbia" is no
    # sportswear maker's, "beside the Potenza" no football club's. (Not one whose own
    # name opens with "the", "The Irrawaddy", a news site.)
    if not all(
        key in known and (known[key].kind == "place" or not known[key].name.startswith("the "))
        for key in keys
    ):
        return None
    keys = [key for key in keys if known[key].kind == "place"]
    rivers = [key for key in keys if _kind_described(known[key]) == "river"]
    the_before = _THE_AND_A_REACH_BEFORE.search(text, max(0, start - 12), start)
    # What only a river has after "the" and its name is the river's, wherever "the"
    # stands: "farmers in the Lerma basin", "the Tana delta". (Not what another place of
    # the name is: "the Ayeyarwady delta" may be the "Delta region" of the river's name.)
    river_has = _A_RIVERS_AFTER.match(text, end)
    if (
        len(rivers) == 1
        and river_has
        and the_before
        and not any(
            river_has.group("word").split()[0].lower() in known[key].description.lower()
            for key in keys
            if key != rivers[0]
        )
    ):
        return rivers[0]
    if not (
        keys
        and the_before
        and (
            _PHRASE_ENDS_NARROW.match(text, end)
            # (Not after "of the", where the verb is the head noun's: "The central bank of
            # the Oska raised rates", "The prefect of the Somme ordered".)
            or (
                _A_VERB_AFTER.match(text, end)
                and not text.endswith(("of the ", "of the lower ", "of the upper "), 0, start)
            )
        )
        and not _OTHER_REGIONS_AFTER.match(text, end)
        # A region takes "the" too: "retirees in the Dordogne", "moved to the Yukon",
        # "across the Waikato", "The Dordogne is home to..."; a river is crossed, followed
        # or flooded ("down the Dordogne", "over the Meuse", "along the Loire").
        and not (
            _REGION_THE_BEFORE.search(text, max(0, start - 20), start)
            and not (
                text.endswith(("through the ", "Through the "), max(0, start - 12), start)
                and _ON_WATER_BEFORE.search(text, max(0, start - 60), start)
            )
        )
        # Not a country's, "the Gambia", unless only a river is so: "where the Benue
        # meets the Niger", "higher up the Niger", or the country's name takes no "the":
        # "after the Paraguay fell to its lowest level".
        and (
            all(known[key].place_type != "country" or not _takes_the(known[key]) for key in keys)
            or _RIVER_THE_BEFORE.search(text, max(0, start - 24), start)
        )
    ):
        return None
    return rivers[0] if len(rivers) == 1 else None


# Countries whose names English writes with "the": "the Gambia", "the Congo".
_COUNTRIES_WITH_THE = _wordset(
    """gambia congo netherlands philippines bahamas maldives sudan comoros seychelles
    yemen lebanon ukraine"""
)


def _takes_the(country: Profile) -> bool:
    """Whether a country's name is written with "the" before it: one English writes so
    ("the Gambia"), or one whose name or an alias the gazetteer writes so ("The
    Bahamas")."""
    return country.name in _COUNTRIES_WITH_THE or any(
        name.startswith("the ") for name in country.aliases | {country.name}
    )


def _no_river_without_the(text: str, start: int, end: int, folded: str, keys: list, known: Mapping):
    """A bare name with no "the" is no river's: "people in Saint John", "others came from
    Kagera", "residents of Sarno", "the old quarter of Piracicaba" are the city and the
    region, as English writes a river "the Sarno" ("the lower Columbia"), or with "the"
    before the first of a list ("the Tigris and Euphrates"). (A lake's short name takes no
    "the": "residents near Tahoe" may be the lake's shore.)

    Returns the one place of ``keys`` left when the river is set aside, else None, and
    the keys left to tell apart: without the river after a word of place ("in", "from"),
    as they were elsewhere, where the river's absence tells nothing of which of them it is
    ("the capital of Ostra", the town or the department of the name)."""
    if not (
        _all_of_kind(keys, known, "place")
        and not _WATER_NAME.search(folded)
        and not _THE_BEFORE_A_RIVER.search(text, max(0, start - 60), start)
        and not _POSSESSIVE_AFTER.match(text, end)
        and not _A_RIVERS_AFTER.match(text, end)
    ):
        return None, keys
    dry = [key for key in keys if _kind_described(known[key]) != "river"]
    if len(dry) == 1 and len(keys) > 1:
        return dry[0], keys
    if dry and _PLACE_NO_THE_BEFORE.search(text, max(0, start - 16), start):
        return None, dry
    return None, keys


# What only a river does, after "the" and its name: "the Corrib had burst its banks",
# "the Foyle rose above its quays".
_A_RIVER_DOES_AFTER = re.compile(
    r" (?:(?:had|has|have) )?(?:burst|broke|overflowed|topped) its banks\b|"
    r" (?:rose|crested|peaked) (?:above|over) its\b"
)
# And what crosses a river, before "the" and its name: "three bridges across the Foyle".
_CROSSING_THE_BEFORE = re.compile(r"\bbridges? (?:across|over|on) the $")


def _a_river_we_do_not_know(
    text: str, start: int, end: int, folded: str, known: Profile | None
) -> bool:
    """Whether what only a river has, before the name of a place of another kind, says it
    is a river of that name we do not know: "the banks of the Marne" is no department,
    "the banks of the Fortescue" no mining company;
    and what only a river does or what crosses it, with "the" before the name, of any
    entity but a river, a lake or a sea ("the Corrib had burst its banks" is no savings
    bank, "bridges across the Foyle" no constituency)."""
    # ("The" before the name first: this is read for every hit.)
    if not text.endswith("the ", max(0, start - 4), start):
        return False
    if known is None or _WATER_NAME.search(folded):
        return False
    if _RIVER_BEFORE.search(text, max(0, start - 30), start) and (
        known.kind != "place" or _kind_described(known) in _ADMINISTRATIVE
    ):
        return True
    return bool(
        _A_RIVER_DOES_AFTER.match(text, end)
        or _CROSSING_THE_BEFORE.search(text, max(0, start - 24), start)
    ) and not (
        known.kind == "place"
        and (_kind_described(known) in _NATURAL_KINDS or "body of water" in known.description)
    )
