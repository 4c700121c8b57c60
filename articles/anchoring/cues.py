"""Choosing by the words around a name: the words of each candidate's description
near it (``_local_choice``), the field of work or of things a paragraph writes of
(``_field_choice``), and the kinds of things a name is listed with."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping

from articles.anchoring.context import _THE_BEFORE
from articles.anchoring.folding import fold
from articles.anchoring.organisations import _COMMON_GAME_WORDS, _game_beside, _text_about_a_sport
from articles.anchoring.people import _APPOSITION_AFTER
from articles.anchoring.profiles import (
    _GAME_WORDS,
    _KINDS_OF_PLACE,
    _WORD,
    Profile,
    _kind_described,
    _nationality_opening,
    _stem,
    _words,
    _wordset,
)
from articles.anchoring.reading import _all_of_kind, _paragraph_start, _sentence_bounds
from articles.anchoring.story import _Story

# How much less a cue word counts for each character it stands away from the name.
_CUE_FADE = 40.0
# A word before the name counts as if it stood this many times further away: "Maria
# Santos, a marine biologist" describes the name it follows.
_CUE_BEFORE = 4
# A shared name goes to the entity whose cues nearby weigh this many times the next one's,
# and at least this much (one word of its description a sentence away weighs less).
_CUE_MARGIN = 1.5
_CUE_FLOOR = 0.2


# What joins the names of a list or a pair: "Celtic, Rangers and Aberdeen", "Bahia and
# Vitória", "Mali, Niger or Chad". A comma alone may set a region after a place ("Atlanta,
# Georgia"), so a list needs an "and", an "or" or a "v" somewhere between its names.
_JOINER = re.compile(r",? (?:and|or|v\.?|vs\.?|&) |, ")


def _sort_of(profile: Profile) -> str:
    """What kind of thing an entity is, finer for places: "place:country", "place:river"."""
    if profile.kind != "place":
        return profile.kind
    return "place:" + (profile.place_type or _kind_described(profile) or "")


def _paired(story: _Story, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is joined to another by "and", "or", "v" or "&"
    ("New York and Washington are the most expensive places to rent")."""
    spans, text = story.spans, story.text
    at = bisect.bisect_left(spans, (start,))
    return any(
        (joined := _JOINER.fullmatch(text, spans[one][1], spans[one + 1][0]))
        and joined.group() != ", "
        for one in (at - 1, at)
        if one >= 0 and one + 1 < len(spans)
    )


def _sorts(story: _Story, keys) -> set[str]:
    """The sorts (see ``_sort_of``) of those of ``keys`` the story knows."""
    return {_sort_of(story.profiles[key]) for key in keys if key in story.profiles}


def _listed_with(story: _Story, start: int, end: int) -> str | None:
    """The one sort (see ``_sort_of``) of the other names in the list or pair the name at
    ``start:end`` stands in, as far as each is known (given already, or of one sort
    whatever it is), or None: a name listed with clubs is a club ("behind Celtic, Rangers
    and Aberdeen"), with countries a country ("Mali, Niger and Burkina Faso")."""
    spans, text = story.spans, story.text
    at = bisect.bisect_left(spans, (start,))
    first = last = at
    joiners = []
    while first > 0:
        joined = _JOINER.fullmatch(text, spans[first - 1][1], spans[first][0])
        if not joined:
            break
        joiners.append(joined.group())
        first -= 1
    while last + 1 < len(spans):
        joined = _JOINER.fullmatch(text, spans[last][1], spans[last + 1][0])
        if not joined:
            break
        joiners.append(joined.group())
        last += 1
    if not any(joiner != ", " for joiner in joiners):
        return None
    sorts = set()
    for index in range(first, last + 1):
        if index == at:
            continue
        other = spans[index][0]
        keys = story.keys_at.get(other, ())
        chosen = story.chosen.get(other)
        # The key a neighbour was given counts, unless it had the very choice this name
        # has and took the one whose own name it is, as it does when nothing says
        # otherwise ("Cork and Kilkenny meet in the hurling final": Cork the city by
        # default says nothing of Kilkenny).
        if chosen is not None and not (
            chosen in story.profiles
            and fold(text[other : spans[index][1]]) in story.profiles[chosen].primary_names
            and _sorts(story, keys) == _sorts(story, story.keys_at.get(start, ()))
        ):
            keys = [chosen]
        known = {_sort_of(story.profiles[key]) for key in keys if key in story.profiles}
        if len(known) == 1 and len(keys) == len([k for k in keys if k in story.profiles]):
            sorts |= known
    return sorts.pop() if len(sorts) == 1 else None


def _local_choice(text, start, end, keys, profiles, low, high, spans=()) -> list:
    """The keys that cues in ``text[low:high]`` (the sentence around the hit and the one
    before, up to the nearest other hit of the same name) point to.

    A cue is a word of an entity's description. It weighs more the fewer of the other
    candidates' descriptions have it (a word all of them have tells nothing), and less
    the further it stands from the name, four times less before it than after: "Maria
    Santos, a marine biologist" describes the name it follows. A word inside a longer
    name of ours (``spans`` holds where each hit is) is part of that name, not a word
    about this one: "Coast" in "the Philippine Coast Guard" says nothing of a coast.
    """
    if not all(key in profiles for key in keys):
        return list(keys)
    names = set()
    for key in keys:
        names.update(_stem(word) for word in _words(profiles[key].name))
    holders: dict[str, int] = {}
    for key in keys:
        for cue in profiles[key].cues - names:
            holders[cue] = holders.get(cue, 0) + 1
    spread = max(len(keys) - 1, 1)
    # Words before a comma that does not touch the name belong to another clause: in
    # "a senator who chairs a committee, and Maria Santos, a marine biologist" they
    # describe someone else. ("Atlanta, Georgia": the comma touches the name.)
    # Unless the words between only say that the name is the one before the comma's too:
    # "The member of parliament for the district, also named Gábor Tóth,".
    comma = text.rfind(", ", low, start)
    if comma != -1 and comma + 2 != start and not _ALSO_NAMED.fullmatch(text, comma + 2, start):
        low = comma + 2
    weights = dict.fromkeys(keys, 0.0)
    sentence, sentence_end = _sentence_bounds(text, start, end)
    # A kind of place that the name owns is another place in it: "Lebanon’s second city"
    # is a city in the country, no cue that Lebanon is a city.
    owned = _OWNED_PLACE_AFTER.match(text, end)
    for cue_start, cue_end, holding in _cues(text, low, high, keys, profiles, holders, spans):
        if start <= cue_start < end or len(holding) in (0, len(keys)):
            continue
        if owned and cue_start == owned.start(1):
            continue
        # The words of a game count in the name's own sentence only: the one before may
        # be a match report's and this one about the city ("Hamburger SV lost. Westmark
        # is paying for Hamburg land.").
        cue = _stem(text[cue_start:cue_end])
        if cue_start < sentence and cue in _GAME_WORDS:
            continue
        # The people's word of a name they share says no more than the name: "Swiss
        # francs" is no cue for the Swiss team over Switzerland.
        if _nationality_opening(fold(text[cue_start:cue_end])) & names:
            continue
        if (
            cue in _COMMON_GAME_WORDS
            and not _game_beside(text, sentence, sentence_end)
            and not _text_about_a_sport(text)
        ):
            continue
        distance = _CUE_BEFORE * (start - cue_end) if cue_end <= start else cue_start - end
        weight = (len(keys) - len(holding)) / spread / (1.0 + distance / _CUE_FADE)
        for key in holding:
            weights[key] += weight
    ranked = sorted(keys, key=weights.get, reverse=True)
    best = weights[ranked[0]]
    if best < _CUE_FLOOR:
        return list(keys)
    if len(ranked) == 1 or best >= _CUE_MARGIN * weights[ranked[1]]:
        return [ranked[0]]
    return [key for key in keys if weights[key] >= best / _CUE_MARGIN]


_ALSO_NAMED = re.compile(r"(?:who (?:is|was) )?(?:also|likewise) (?:named|called|known as) ")


def _cues(text, low, high, keys, profiles, holders, spans):
    """Each word of ``text[low:high]`` that is a cue, as (start, end, the keys whose
    descriptions have it). A name of ours of several words (``spans`` holds where each
    hit is) is one cue, for the keys whose descriptions name it ("whose People’s
    National Party voted"); its words alone are part of it, not words about the hit:
    "Coast" in "the Philippine Coast Guard" says nothing of a coast. (A name whose words
    are none of them cues, such as the candidates' own names, is none either.)"""
    for match in _WORD.finditer(text, low, high):
        at = bisect.bisect_right(spans, (match.start(), float("inf"))) - 1
        name = spans[at] if at >= 0 and spans[at][1] >= match.end() else match.span()
        if name == match.span():
            stem = _stem(match.group())
            if stem in holders:
                yield (*name, [key for key in keys if stem in profiles[key].cues])
        elif name[0] == match.start() and any(
            _stem(word) in holders for word in _words(text[name[0] : name[1]])
        ):
            named = fold(text[name[0] : name[1]])
            yield (*name, [key for key in keys if named in profiles[key].description])


# Offices and bodies that belong to a state or province, not to a city of the same name:
# "New York Governor Kathy Hochul", "the Premier of Victoria", "the Georgia legislature".
_STATE_AFTER = re.compile(
    r"(?:['’]s)? (?:[Gg]overnor|[Gg]ov\.|[Pp]remier|[Ss]tate [Ll]egislature|[Ll]egislature|"
    r"[Ss]tate [Ss]enate|[Ss]tate [Aa]ssembly|[Aa]ttorney [Gg]eneral|[Ss]tate)\b|"
    # What a region has and a city does not: "Giza’s villages", "Cebu’s towns".
    r"['’]s (?:villages|towns|districts|municipalities|provinces|counties|rural)\b|"
    # One of several regions: "Kisumu was among the counties chosen".
    r" (?:is|was|are|were) (?:one of|among) the (?:\w+ )?(?:counties|provinces|states|"
    r"regions|districts|departments|prefectures|governorates)\b|"
    # Two regions of a kind: "in Mandalay and Sagaing regions".
    r" and [A-Z][\w’'-]* (?:regions|provinces|states|districts|counties|departments|"
    r"prefectures|governorates)\b"
)


# And those that belong to a city: "the Mayor of London", "Chicago City Council".
_CITY_AFTER = re.compile(r"(?:['’]s)? (?:[Mm]ayor|[Cc]ity [Cc]ouncil|[Cc]ity [Hh]all)\b")


_GOVERNED_AFTER = re.compile(r"(?:['’]s)? (?:[a-z]+ )?(?:government|minister|ministry|cabinet)\b")


# Fields of work, each by words a report of it uses and a description of one of its
# people may use: a paragraph about a trial is about the judge of a name, one about
# spores about the microbiologist, whoever was named last.
_FIELDS = {
    field: frozenset(map(_stem, _wordset(words)))
    for field, words in {
        "sport": """footballer footballers player players striker midfielder defender
            goalkeeper coach club team league match goal goals scored penalty derby
            season fans cricketer bowler batsman rugby athlete boxer champion medal
            cyclist cyclists rider riders hurler hurlers hurling pitcher innings winger
            swimmer jockey""",
        "politics": """minister ministry parliament parliamentary election elections
            vote voters party politician senator mayor governor president lawmaker
            lawmakers cabinet opposition legislature council councillor campaign
            candidate government""",
        "law": """judge court lawyer prosecutor prosecutors trial sentence sentenced
            verdict defendant appeal jury convicted charges acquitted""",
        "science": """scientist scientists researcher researchers study studies professor
            laboratory biologist microbiologist geologist seismologist ecologist
            physicist chemist species samples data research journal climate fungi
            spores""",
        "arts": """artist painter painting paintings writer novelist poet musician singer
            actor actress film museum exhibition gallery curator opera theatre
            composer conductor prints book novel""",
        "business": """executive company firm shares investors founder businessman
            businesswoman bank profit sales revenue deal chairman factory plant""",
        "farming": """farmer farmers farm farms farming grower growers crop crops harvest
            hectares wheat maize grain rapeseed cattle livestock agrarian agribusiness
            agricultural agriculture""",
        "medicine": """doctor doctors physician surgeon nurse nurses hospital patients
            patient clinic medical epidemiologist virologist""",
        "military": """army soldiers troops military commander general officer officers
            colonel brigade offensive""",
        "religion": """cleric clerics priest priests bishop church mosque imam pope
            cardinal monk monks rabbi worshippers""",
        "press": """journalist journalists reporter reporters newspaper editor broadcaster
            columnist""",
    }.items()
}


# What a place has after its name's possessive, besides a city's own (``_CIVIC_AFTER``):
# "Marseille's port", "Hamburg's senate", "Queensland's health department".
_PLACE_HAS_AFTER = re.compile(
    r"['’]s (?:[a-z]+ )?(?:port|harbou?r|senate|parliament|assembly|department|river|coast|"
    r"beaches|weather|hurricane)\b"
)


def _field_left_open(text: str, start: int, end: int, chosen: Profile, own: Profile) -> bool:
    """Whether the words at the name leave it to the field of things its paragraph writes
    of to choose ``chosen`` over ``own``, the one whose own name it is. A place says
    nothing ("Rio Tinto said" is the miner, whatever the river), and is chosen over
    another place only after "the", as a river is written ("The Colorado no longer
    reaches the sea"; "Colorado declared an emergency" is the state). Nothing beside the
    name may say what it is: a description set beside it ("Nokia, the town where..."), or
    what only a place has ("Liverpool mayor Steve Rotheram", "Queensland's government",
    "Mississippi's governor", "Marseille's port")."""
    if chosen.kind == "place" and (
        _SAYS_AFTER.match(text, end)
        or (own.kind == "place" and not _THE_BEFORE.search(text, max(0, start - 4), start))
    ):
        return False
    return not (
        _APPOSITION_AFTER.match(text, end)
        or _CIVIC_AFTER.match(text, end)
        or _PLACE_HAS_AFTER.match(text, end)
        or _CITY_AFTER.match(text, end)
        or _STATE_AFTER.match(text, end)
        or _GOVERNED_AFTER.match(text, end)
    )


def _field_choice(text: str, start: int, end: int, keys: list, known: Mapping, fields=_FIELDS):
    """Of entities of one name, the only one whose description is of the field (of
    ``fields``) the paragraph around ``start:end`` (and the one before) writes most of,
    at least twice as much as of any other, of the fields their descriptions are of;
    None otherwise. People by default."""
    if fields is _FIELDS and not _all_of_kind(keys, known, "person"):
        return None
    low = _paragraph_start(text, start, back=1)
    high = text.find("\n", start)
    words = Counter(_stem(word) for word in _words(text[low : high if high > 0 else len(text)]))
    # Only the fields of the candidates' descriptions compete: a politician's speech about
    # farmers' wheat is still a politician's ("PML-N lawmaker Ahmed Raza ... farmers in
    # his district had sold wheat").
    counts = {
        field: sum(words[word] for word in stems)
        for field, stems in fields.items()
        if any(key in known and known[key].cues & stems for key in keys)
    }
    ranked = sorted(counts, key=counts.get, reverse=True) + ["", ""]  # (no field: none)
    counts[""] = 0
    if counts[ranked[0]] < 2 or counts[ranked[0]] < 2 * counts[ranked[1]]:
        return None
    field = fields[ranked[0]]
    # A bare surname in a trial is a party's or a witness's, unless it does what a judge
    # does ("Reyes ruled", "Reyes adjourned the hearing"): a story calls its judge "Judge
    # Reyes" or "the judge" (read above), so a court's offices say nothing of who it is.
    if fields is _FIELDS and ranked[0] == "law" and not _JUDGE_DOES_AFTER.match(text, end):
        field = field - _COURT_OFFICES
    fitting = [key for key in keys if key in known and known[key].cues & field]
    return fitting[0] if len(fitting) == 1 else None


_COURT_OFFICES = frozenset(map(_stem, _wordset("judge court lawyer prosecutor prosecutors")))
_JUDGE_DOES_AFTER = re.compile(
    r" (?:ruled|rules|adjourned|adjourns|presided|presides|ordered|orders|dismissed|dismisses|"
    r"overruled|overrules|acquitted|acquits|sentenced (?!to\b))"
)


_OWNED_PLACE_AFTER = re.compile(
    r"['’]s (?:[a-z][\w-]* ){0,2}?("
    + "|".join(sorted(_KINDS_OF_PLACE, key=len, reverse=True))
    + r")s?\b"
    # The kind's own word before an office or a body is the name's: "Lebanon’s city
    # council", "New York’s state legislature".
    + r"(?! (?:council|councils|hall|mayor|government|legislature|legislatures|assembly|"
    r"senate|police|budget|officials|authorities|limits|centre|center)\b)"
)


# What a city has and a club has not, after its name: "Vancouver’s council", "Porto’s
# main shopping street", "paying for Toronto land"; or being called a city ("Leeds is
# often called the largest city").
_CIVIC_AFTER = re.compile(
    r"(?:['’]s)? (?:[a-z]+ ){0,2}(?:council|councillors|councilors|mayor|streets?|residents|"
    r"land|airport|hospitals?|schools?|economy|population|suburbs?|neighbou?rhoods?|"
    r"districts?|police|roads)\b|"
    r" (?:is|was|has been|remains|would be|will be)(?: [a-z]+){0,4}"
    r"(?<! in)(?<! in the)(?<! across)(?<! of the) (?:city|town)\b|"
    # Compared with others of its kind: "Florida has more people ... than any other state".
    r"(?: [\w,]+){1,12} than (?:any|every) other (?:city|town|state|country|province|county)\b"
)


_SAYS_AFTER = re.compile(r",? (?:said|says|told|tells|added|adds)\b")
