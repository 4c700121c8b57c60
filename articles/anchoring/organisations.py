"""Telling organisations of one name apart, and an organisation from the place or
person it is named after: generic institutions and parties by the story's country, teams
by the story's sport and what a side does, a capital or a town that acts as a government
or a firm."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping

from articles.anchoring.context import (
    _GENERIC_NAME_WORDS,
    _OWNER_BEFORE,
    _PLACE_BEFORE,
    _POSSESSIVE_AFTER,
)
from articles.anchoring.folding import fold
from articles.anchoring.places import _dateline_region_match
from articles.anchoring.profiles import (
    _COUNTRIES,
    _COUNTRY_OF_PEOPLE,
    _DATE_WORDS,
    _GAME_WORDS,
    _TEAM_WORDS,
    Profile,
    _countries_of,
    _countries_of_each,
    _country_stem,
    _kind_described,
    _names_country,
    _stem,
    _words,
    _wordset,
    is_title,
)
from articles.anchoring.reading import (
    _GENERIC_INSTITUTION,
    _PREVIOUS_WORD,
    _all_of_kind,
    _generic_institution_name,
    _kind_written,
    _paragraph_start,
    _sentence_bounds,
)
from articles.anchoring.story import _Story

# Words of a game that a city's news uses as often ("Lyon's climate goals", "the festival
# drew four million visitors", "a coach carrying pensioners", "supporters of the tram"):
# cues of a team only beside another word of a game, or in a story of a sport.
_COMMON_GAME_WORDS = frozenset(
    map(
        _stem,
        _wordset(
            """goal goals coach supporters beat drew squad players manager transfer
            fixture strikers defender defenders"""
        ),
    )
)


_SQUAD_AFTER = re.compile(
    r"(?:['’]s)? (?:(?:football|basketball|rugby|cricket|baseball|hockey|soccer|volleyball) )?"
    r"(?:captain|coach|manager|bowlers?|batsmen|batters?|openers?|strikers?|"
    r"goalkeeper|keeper|squad|innings|line-?up|fielders?|skipper|midfielders?|"
    r"defenders?|wingers?|forwards?|playmaker|"
    # Cricket's and rugby's: "all 20 England wickets", "a Somerset spinner", "Wales's
    # autumn internationals", "Bath's head of rugby".
    r"wickets|spinner|seamers?|pacemen|quicks|all-rounders?|selectors?|flankers?|scrum-half|"
    r"fly-half|hooker|prop|"
    r"full-back|(?:autumn |summer |six nations )?internationals|head coach|"
    # "a former Wales under-21 international", "a Scotland international".
    r"(?:under-\d{2} )?international\b(?! \w)|under-\d{2} (?:side|team|squad)|"
    r"(?:head|director) of rugby|first-innings|second-innings|"
    # A player's place in other games, and a club's academy's player: "a former India
    # wicketkeeper", "former Geelong ruckman", "a Calgary defenceman", "a former Ulster
    # academy player" (``_POSITIONS`` says their sports).
    r"wicket-?keepers?|ruckm[ae]n|defencem[ae]n|defensem[ae]n|goaltenders?|netminders?|"
    r"centre-backs?|academy players?)\b|, who\b"
)
# A team's player by their place in it, and the sport it says ("an Ireland prop").
_POSITIONS = {
    "rugby": "prop props hooker hookers flanker flankers fly-half scrum-half lock locks",
    "cricket": "spinner spinners seamer seamers paceman pacemen batsman batsmen wickets "
    "wicketkeeper wicketkeepers wicket-keeper wicket-keepers",
    "football": "striker strikers goalkeeper goalkeepers midfielder midfielders",
    "gridiron": "quarterback quarterbacks linebacker linebackers",
    "baseball": "pitcher pitchers shortstop",
    "hockey": "defenceman defencemen defenseman defensemen goaltender goaltenders netminder "
    "netminders",
}
_POSITION_SPORT = {word: sport for sport, words in _POSITIONS.items() for word in words.split()}


_SQUAD_PAIR_AFTER = re.compile(r" and [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?(?=['’]?s? [a-z])")
_POSITION_AFTER = re.compile(r"(?:['’]s)? ([a-z-]+)\b")
# A word any trade uses after a pair: "Southern Water’s Kent and Sussex manager".
_ANY_TRADES_AFTER = re.compile(r"(?:['’]s)? (?:manager|captain)\b")


def _after_the_pair(text: str, end: int) -> int | None:
    """Where the second name of a pair the name opens ends ("Munster and Ireland prop"),
    or None."""
    pair = _SQUAD_PAIR_AFTER.match(text, end)
    return pair.end() if pair else None


def _squad_of_a_pair(text: str, end: int, about_a_sport: bool) -> bool:
    """Whether the name is the first of two before a team's word: "a former Munster and
    Ireland prop" plays for both (outside a story about a sport, not before a word any
    trade uses)."""
    after = _after_the_pair(text, end)
    return (
        after is not None
        and bool(_SQUAD_AFTER.match(text, after))
        and (about_a_sport or not _ANY_TRADES_AFTER.match(text, after))
    )


def _sport_of_the_squad_word(text: str, end: int) -> str | None:
    """The sport of the player's place after the name, or of the pair it opens."""
    after = _after_the_pair(text, end)
    word = _POSITION_AFTER.match(text, end if after is None else after)
    return _POSITION_SPORT.get(word.group(1)) if word else None


def _generic_institution_elsewhere(story: _Story, key, folded: str) -> bool:
    """Whether ``folded`` is a generic name of an institution of ``key``'s country
    ("Congress" for the United States Congress) in a story that names neither that
    country nor anything else its description names, itself or through the places and
    bodies it has named: every country has one, and a story from Peru means Peru's
    ("Congress must approve the mine")."""
    known = story.profiles.get(key)
    if known is None or known.kind != "organization" or folded in known.primary_names:
        return False
    if not _generic_institution_name(folded):
        return False
    cues = _country_cues(known)
    if not cues:
        return False
    # The story's names, and those of the places and bodies it has named so far:
    # "Washington" (the capital of the United States) puts a story in the United States.
    named = set(story.named_words())
    for other in story.recent:
        if other in story.profiles and story.profiles[other].kind != "person":
            named |= story.profiles[other].proper
    return not any(word.startswith(cue) for cue in cues if len(cue) >= 4 for word in named)


_PARTY = re.compile(r"\bpart(?:y|ies)\b")
_PARTY_WORDS = frozenset({_stem("party"), _stem("parties")})


# A party of a province or a state, or a branch, shares its country with the national
# party of its name ("Quebec Liberal Party", "Welsh branch of the Labour Party"): the
# country the story is in does not tell them apart. (Not "state-owned", "head of state".)
_SUBNATIONAL = re.compile(
    r"\b(?:provincial|(?<!of )state(?![- ]owned|-run)|regional|branch|devolved|province)\b"
)


def _parties_of_countries(keys: list, known: Mapping) -> bool:
    """Whether ``keys`` are national political parties of as many countries, which share
    a name as generic institutions do ("Greens", "Social Democrats", "Labour"): the
    story's country says which, as it does for "the Supreme Court"."""
    if not all(
        key in known
        and _PARTY.search(known[key].description)
        and not _SUBNATIONAL.search(known[key].description)
        for key in keys
    ):
        return False
    cues = [frozenset(cue for cue in _country_cues(known[key]) if len(cue) >= 4) for key in keys]
    return all(cues) and sum(map(len, cues)) == len(frozenset().union(*cues))


def _bodies_of_countries(keys: list, known: Mapping) -> bool:
    """Whether ``keys`` are organisations of one name in as many countries
    (``_countries_of_each``: the "SEC" of Thailand and of the Philippines, "Al-Hilal" of
    Saudi Arabia and of Sudan): the story's country says which, as it does for "the
    Supreme Court"."""
    return _all_of_kind(keys, known, "organization") and _countries_of_each(keys, known) is not None


def _country_cues(known: Profile) -> frozenset[str]:
    """The stems of the names a generic institution's description holds that are no
    generic words: its country's, often a word of its own name ("United States
    Congress"), and the country of a people's word it writes anywhere ("Swiss political
    party", "The British government's finance ministry")."""
    named = (known.countries_named | known.own_proper) - _GENERIC_NAME_WORDS
    return named - _GENERIC_INSTITUTION - _PARTY_WORDS


def _institution_country(story: _Story, keys: list, folded: str, cues: Mapping | None = None):
    """Of generic institutions of several countries ("the Election Commission" of Malaysia
    and of India), or other bodies or people of one name in several countries, the one
    whose country the story writes, or the places it has named
    are described in, at least twice as often as any other's ("Sabah ... Kota
    Kinabalu": "Malaysian state", "city in Malaysia"); short of that, the one written
    most if it is the only one of the country the story is filed from; None when that
    does not decide. The name's own words say no country (``folded``). ``cues`` are the
    stems of each one's country when the caller knows them better than its
    description's names do (``_country_cues``)."""
    known = story.profiles
    words = story.named_words()
    places = Counter()
    for other, forms in story.recent.items():
        if other in known and known[other].kind == "place":
            places.update(dict.fromkeys(known[other].proper, len(forms)))

    if cues is None:
        cues = {key: {cue for cue in _country_cues(known[key]) if len(cue) >= 4} for key in keys}
    # The name's own words say no country: "Republicans" is no cue for the Brazilian
    # party "formerly the Brazilian Republican Party".
    own_words = {_stem(word) for word in _words(folded)}
    counts = {
        key: sum(
            n
            for word, n in (*words.items(), *places.items())
            if any(word.startswith(cue) for cue in cues[key] - own_words)
        )
        for key in keys
    }
    ranked = sorted(keys, key=counts.get, reverse=True)
    if len(ranked) < 2:
        return ranked[0] if ranked else None
    best, second = counts[ranked[0]], counts[ranked[1]]
    if best >= 1 and best >= 2 * second:
        return ranked[0]
    # Short of that, the one the story is filed from, if the story writes its country
    # more than any other's: "KAMPALA ... the Supreme Court" is Uganda's in a story that
    # also tells of an abduction in Kenya.
    # (Or of those written as often as it, when the story writes any: "LUANDA ... The
    # Ministry of Culture said Italy had agreed" is Angola's, though its description
    # names Angola no more often than the Italian one's names Italy.)
    at_home = _home_country(story, known.get(story.filed_from))
    if not at_home or best == 0:
        return None
    home_ones = [
        key
        for key in keys
        if counts[key] == best
        and any(word.startswith(cue) for cue in cues[key] for word in at_home)
    ]
    return home_ones[0] if len(home_ones) == 1 else None


# Words of a country's name that say it is a state ("Czech Republic", "Dominican
# Republic"); not "New" nor "Northern" ("New Mexico", "Northern Ireland").
_A_STATES_WORDS = frozenset({"republic", "kingdom", "federation", "islands", "union"})


def _home_country(story: _Story, home: Profile | None) -> frozenset[str]:
    """The words that say the country the story is filed from: the country its
    dateline writes after the town, by its name ("BUSIA, Kenya,", "LAHORE, Pakistan,"
    though Lahore is no place of ours, "Czech Republic") or as a country of ours
    ("AUCKLAND, New Zealand,"; not "New Mexico", "Northern Ireland" read word by
    word); else, of ``home``, the place its dateline names, the one country its
    description names, else every name of its description and its own; none when
    neither says. (Not every country its description names: a border town's "facing
    its Ugandan namesake" puts no Kenyan story in Uganda.)"""
    region = _dateline_region_match(story.text)
    if region:
        written = region.group(1)
        # One country's word, alone or with a state's words ("Czech Republic").
        countries = [word for word in written.split() if _country_stem(word) in _COUNTRIES]
        others = [word.lower() for word in written.split() if word not in countries]
        if len(countries) == 1 and set(others) <= _A_STATES_WORDS:
            return frozenset({_country_stem(countries[0])})
        if any(
            profile.place_type == "country" and fold(written) in profile.primary_names
            for profile in story.profiles.values()
        ):
            return frozenset(_stem(word) for word in _words(written))
    if home is None:
        return frozenset()
    countries = _countries_of(home)
    if len(countries) == 1:
        return countries
    return home.proper | {_stem(word) for word in _words(home.name)}


# Words only one sport's reports use, by the word a description names the sport with.
_SPORT_WORDS = {
    sport: frozenset(words.split())
    for sport, words in {
        "football": """pitch striker strikers midfielder midfielders goalkeeper equaliser
            equalised equalises offside half-time kick-off""",
        "basketball": """rebound rebounds dunk dunks three-pointer three-pointers
            buzzer-beater free-throw free-throws""",
        # (Not "odi", a town's name too.)
        "cricket": "wicket wickets innings bowler bowlers batsman batsmen twenty20 t20 odis",
        "rugby": "scrum scrums lineout lineouts fly-half flanker",
        "hockey": "puck rink goaltender power-play",
        "baseball": "pitcher pitchers homer home-run shortstop",
        "hurling": "hurling hurler hurlers sliotar camogie",
        # Sports whose reports have no words of their own but the sport's name, which
        # ``_sports_named`` counts for every sport.
        "handball": "",
        "volleyball": "",
        # American and Canadian football's own words (descriptions say "football").
        "gridiron": "touchdown touchdowns quarterback quarterbacks linebacker linebackers",
    }.items()
}
_SPORT_WORDS["soccer"] = _SPORT_WORDS["football"]


# "Hurling" as a verb with what is thrown ("protesters hurling stones", "hurling
# insults"): no game.
_HURLING_A_THING = re.compile(
    r"\bhurling (?:[a-z]+ )?(?:stones|rocks|bottles|bricks|eggs|objects|missiles|"
    r"projectiles|insults|abuse|accusations|chairs|debris|flares)\b",
    re.IGNORECASE,
)


def _about_a_sport(story: _Story) -> bool:
    """Whether the story uses a sport's own words ("kick-off", "wickets", "the pitch")."""
    return _text_about_a_sport(story.text)


@functools.lru_cache(maxsize=64)
def _text_about_a_sport(text: str) -> bool:
    """``_about_a_sport`` for a text alone (read once a story, however many names ask)."""
    counts = Counter(word.lower() for word in _words(text))
    thrown = len(_HURLING_A_THING.findall(text))
    return any(
        counts[word] - (thrown if word == "hurling" else 0) > 0
        for words in _SPORT_WORDS.values()
        for word in words
    )


def _game_beside(text: str, low: int, high: int) -> bool:
    """Whether ``text[low:high]`` holds a word of a game that a city's news seldom uses
    ("penalty", "league", "striker", "derby")."""
    return any(
        _stem(word) in _GAME_WORDS and _stem(word) not in _COMMON_GAME_WORDS
        for word in _words(text[low:high])
    )


def _sport_described(profile: Profile) -> str | None:
    """The one sport a description names ("Professional basketball club"), if one."""
    return _sport_of_description(profile.description)


@functools.lru_cache(maxsize=4096)
def _sport_of_description(description: str) -> str | None:
    described = {word.lower() for word in _words(description)}
    named = [sport for sport in _SPORT_WORDS if sport in described]
    if len(named) > 1:
        # The sport a description names first, where another is part of a body's name
        # after it: "Men's rugby union team ..., run by the Irish Rugby Football Union".
        lowered = description.lower()
        first = min(named, key=lowered.index)
        if all(
            _SPORTS_BODY.match(lowered, lowered.index(sport)) for sport in named if sport != first
        ):
            return first
    return named[0] if len(named) == 1 else None


def _sport_of_the_sentence(text: str, start: int, end: int, keys, known: Mapping):
    """Of clubs of one name in different sports, the one whose sport its sentence names
    by the sport's name before it ("The two clubs' basketball teams meet on Thursday,
    where Partizan host Crvena zvezda"), whatever the story is about; None when it names
    none of theirs, or several."""
    sports = {key: _sport_described(known[key]) for key in keys if key in known}
    if len(sports) < 2 or None in sports.values() or len(set(sports.values())) < len(sports):
        return None
    # Before the name, and not set beside another name as what it is ("Estudiantes, the
    # football club, sent a shirt, and the Spurs..."); and no other of their sports in the
    # sentence, where it compares them ("Unlike its basketball side, Partizan's football
    # team has struggled", "Kostić, who played basketball as a boy, joined Partizan, the
    # football club said").
    # The sport's name right after it says which: "the Western Province cricket team".
    right_after = _SPORTS_NAME_AFTER.match(text, end)
    if right_after:
        named = [key for key, sport in sports.items() if sport == right_after.group(1).lower()]
        if len(named) == 1:
            return named[0]
    low, high = _sentence_bounds(text, start, end)
    written = list(_A_SPORTS_NAME.finditer(text, low, high))
    anywhere = {found.group(1).lower() for found in written}
    before = {
        found.group(1).lower()
        for found in written
        if found.start() < start
        and not _SET_BESIDE_BEFORE.search(text, max(low, found.start() - 20), found.start())
    }
    competitions = {
        _COMPETITIONS[found.group(1)]
        for found in _A_COMPETITION.finditer(text, low, high)
        if _of_the_names_clause(text, start, end, found.start())
    }
    anywhere |= competitions
    before |= competitions
    named = [key for key, sport in sports.items() if sport in before]
    others = [key for key, sport in sports.items() if sport in anywhere]
    return named[0] if len(named) == 1 and len(others) == 1 else None


# A sport's word as part of a body's name, in a (folded) description: "Rugby Football
# Union".
_SPORTS_BODY = re.compile(r"[a-z]+ (?:union|association|federation)\b")


# What joins two clauses of a sentence, and what opens a clause about someone or
# something just named.
_CLAUSES_JOINED = re.compile(r", (?:while|and|but|whereas) |; ")
_RELATIVE_CLAUSE = re.compile(r", (?:who|whose|which) [^,]*(?:,|$)")


def _of_the_names_clause(text: str, start: int, end: int, at: int) -> bool:
    """Whether ``at`` lies in the clause of the sentence the name at ``start:end`` is
    in, or in a clause about the name itself: "Lyon, who are seventh in the Top 14",
    "Free State won the Currie Cup, beating Western Province" (not "Rangers signed a
    goalkeeper, whose father played in the NHL", "Western Province won, while the rugby
    side prepared for the Currie Cup")."""
    low, high = sorted((at, start))
    if _CLAUSES_JOINED.search(text, low, high):
        return False
    for relative in _RELATIVE_CLAUSE.finditer(text, min(at, end), max(at, end) + 1):
        if relative.start() > at:
            break
        if relative.start() != end and at < relative.end():
            return False
    return True


_A_SPORTS_NAME = re.compile(rf"(?i)\b({'|'.join(_SPORT_WORDS)})\b")
# Competitions whose name says their sport, wherever the sentence writes them: "Wales
# play Ireland in the Six Nations" is the rugby side. (Not "Champions League", "World
# Cup" nor "Premier League", which several sports have.)
_COMPETITIONS = {
    "Six Nations": "rugby",
    "Super Rugby": "rugby",
    "Currie Cup": "rugby",
    "Top 14": "rugby",
    "Ashes": "cricket",
    "Sheffield Shield": "cricket",
    "Ranji Trophy": "cricket",
    "County Championship": "cricket",
    "Stanley Cup": "hockey",
    "NHL": "hockey",
    "NBA": "basketball",
    "EuroLeague": "basketball",
    "Euroleague": "basketball",
    "World Series": "baseball",
    "MLB": "baseball",
    "Super Bowl": "gridiron",
    "NFL": "gridiron",
    "Copa Libertadores": "football",
    "Serie A": "football",
    "La Liga": "football",
    "Bundesliga": "football",
    "Ligue 1": "football",
    "FA Cup": "football",
}
_A_COMPETITION = re.compile(rf"\b({'|'.join(map(re.escape, _COMPETITIONS))})\b")
_SET_BESIDE_BEFORE = re.compile(r", (?:the|a|an) (?:[\w-]+ )?$")
_SPORTS_NAME_AFTER = re.compile(rf"(?i) ({'|'.join(_SPORT_WORDS)})\b")


def _sports_named(story: _Story, names: bool) -> Counter:
    """How often the story names each sport: its word ("basketball") or a word only its
    reports use ("rebounds"), and, with ``names``, a name only one entity has whose
    description names the sport ("KK Partizan", "the EuroLeague", a "basketball
    player"): a story of a game seldom names its sport, but its league and players do."""
    if story.sports_named is None:
        words = story.word_counts()
        by_words = Counter(
            {sport: sum(words[word] for word in _SPORT_WORDS[sport]) for sport in _SPORT_WORDS}
        )
        # The sport's own name too ("basketball"), but handball's only with the names, as
        # it is a foul in football too ("a penalty for handball").
        by_name = Counter({sport: words[sport] for sport in _SPORT_WORDS})
        foul = Counter({"handball": by_name["handball"]})
        by_names = Counter(
            _sport_described(story.profiles[keys[0]])
            for keys in story.keys_at.values()
            if len(keys) == 1 and keys[0] in story.profiles
        )
        del by_names[None]
        story.sports_named = (by_words + by_name - foul, by_words + by_name + by_names)
    return story.sports_named[names]


def _sport_of_story(story: _Story, keys: list, known: Mapping, names: bool = False):
    """Of organisations of one name whose descriptions name different sports, the one
    whose sport the story names most (``_sports_named``), when at least twice (three
    times, read with the names) and twice any other; None otherwise."""
    sports = {}
    for key in keys:
        if key not in known or known[key].kind != "organization":
            return None
        sport = _sport_described(known[key])
        if sport is None:
            return None
        sports[key] = sport
    if len(set(sports.values())) < len(keys):
        return None
    named = _sports_named(story, names)
    counts = {key: named[sport] for key, sport in sports.items()}
    ranked = sorted(keys, key=counts.get, reverse=True)
    best, second = counts[ranked[0]], counts[ranked[1]]
    # (Read with the names, which are fewer and noisier, three at least.)
    return ranked[0] if best >= (3 if names else 2) and best >= 2 * second else None


def _of_the_storys_sport(story: _Story, start: int, keys, candidates):
    """The club of the sport the story names most, by its words and the names it uses,
    when nothing nearer decides ("Partizan beat Olympiacos 84-79" in a story of the
    EuroLeague); not in a paragraph that names a club or a player of another of their
    sports ("scarves of the football club FK Partizan ... carrying Red Star fans")."""
    played = _sport_of_story(story, keys, story.profiles, names=True)
    if played not in candidates:
        return None
    text, known = story.text, story.profiles
    low, high = _paragraph_start(text, start), text.find("\n", start)
    high = len(text) if high < 0 else high
    others = {_sport_described(known[key]) for key in keys if key != played}
    for at, named in story.keys_at.items():
        if (
            low <= at < high
            and len(named) == 1
            and named[0] in known
            and _sport_described(known[named[0]]) in others
        ):
            return None
    return played


# A nation's government or parliament, as its description says (not a city's council nor
# an agency: "Municipal government of the city of Amman" is no capital's metonym); a firm.
_GOVERNS = re.compile(
    r"\b(?:government|parliament|legislature|executive body|european union|"
    # "Federal executive of Canada", "Political and economic union of 27 European states".
    r"federal executive|executive branch|political and economic union)\b"
)
_GOVERNS_LOCALLY = re.compile(
    r"\b(?:municipal|local|city|county|council|agency|authority|provincial|regional)\b"
)
_FIRM = re.compile(
    r"\b(?:company|manufacturer|carmaker|maker|firm|corporation|conglomerate|producer|"
    r"bank|airline|retailer|brewer|operator)\b"
)
# What a government or a firm does, after its name: "Ottawa has not said", "Ottawa
# wanted to double output", "Toyota would send quality teams", "Toyota owns 9 percent".
_ACTS_AFTER = re.compile(
    r" (?:wants?|wanted|said|says|tried|tries|agreed|agrees|refused|refuses|insists?|"
    r"insisted|announced|promised|respected|rejected|approved|imposed|plans|planned|decided|"
    r"argues|argued|lent|paid|pays|demanded|demands|pledged|offered|ordered|signed|"
    # What a government does to another: "Moscow expelled two diplomats", "Beijing lodged
    # a protest", "Ottawa accused Washington" (not "banned" or "fined", which a city
    # does too).
    r"expelled|expels|summoned|summons|lodged|lodges|condemned|condemns|retaliated|"
    r"retaliates|sanctioned|accused|accuses|"
    # What a firm does with its stakes and its goods: "Toyota owns 9 percent" (a city
    # reports cases, sells land and buys buses too).
    r"employs|supplies|acquired|recalled|manufactures)\b|"
    r" (?:owns|owned|holds|held) (?:a |an )?(?:\d|stakes?\b|shares\b|(?:majority|minority)\b)|"
    # An auxiliary only before a verb: "Ottawa has not said", "Ottawa would ease its cap",
    # "Toyota would send teams" (not "Ottawa has a population", "Ottawa had its coldest
    # night", "Ottawa will be the host").
    r" (?:has|had|have)(?: not| never| also| already| long)? (?:[a-z]+ed|said|told|sent|"
    r"paid|lent|made|sought|given|taken|kept|cut|set)\b|"
    r" (?:will|would|must|should|cannot|could|can)(?: not| also| never)? (?!be\b|have\b)[a-z]+\b"
)
# What one does to or with a government or a firm, before its name: "the deal with
# Brussels", "money from Westminster", "would not let Ottawa dictate", "owned by Toyota".
_ACTED_ON_BEFORE = re.compile(r"\b(?:with|from|let|ask|asked|asking|urged|pressed|by) $")
# Called on to act: "She called on Canberra to speed up" (not "called on Ottawa residents").
_CALLED_ON_BEFORE = re.compile(r"\b(?:called|calls|call|calling) on $")


# A firm's things, right after its name: "the Kia car plant", "Markham shareholders"
# (not its possessive: "Ford's management" may be Doug Ford's). What a club or a town
# has too ("management", "board") says nothing; a plant or a mill is as often one in a
# town of the name ("BP's Whiting refinery"), so only a club or a river is left out so.
_FIRMS_AFTER = re.compile(
    r" (?:(?:car|steel|chemical|assembly|engine|bottling) )?(?:plant|plants|factory|"
    r"factories)\b"
)
_SHARES_AFTER = re.compile(r" (?:shares|shareholders|stock|dealers|dealerships|head office)\b")
# And just before it: "a two-week strike at Ford", "workers at Toyota", "a stake in Suzuki".
_FIRMS_BEFORE = re.compile(
    r"\b(?:strikes?|walkouts?|workers|employees|staff|jobs|job cuts|layoffs|executives) at $"
)
_SHARES_BEFORE = re.compile(r"\b(?:shares|stake|holding) in $")


def _firm_by_the_words_beside(text: str, start: int, end: int, keys: list, known: Mapping):
    """The one firm of ``keys`` (its description says it is one) where the words beside
    the name are a firm's things (``_FIRMS_AFTER``, ``_SHARES_AFTER``, and the same before
    it), when the others are teams, people ("the Ford assembly plant", "Suzuki shares",
    "a strike at Ford"), or places (a town only for its shares), or None."""
    # (Not a possessor of other things: "a stake in Ford's defeat", "a strike at Ford's
    # boyhood club"; "workers at Kia's car plant" are the firm's.)
    owner = _POSSESSIVE_AFTER.match(text, end)
    firms_own = owner and (
        _FIRMS_AFTER.match(text, owner.end()) or _SHARES_AFTER.match(text, owner.end())
    )
    before = text[max(0, start - 30) : start] if not owner or firms_own else ""
    shares = _SHARES_AFTER.match(text, end) or _SHARES_BEFORE.search(before)
    firms_words = _FIRMS_AFTER.match(text, end) or _FIRMS_BEFORE.search(before)
    if not (shares or firms_words) or any(key not in known for key in keys):
        return None
    teams = [key for key in keys if known[key].cues & _TEAM_WORDS]
    firms = [
        key
        for key in keys
        if known[key].kind == "organization"
        and _FIRM.search(known[key].description)
        and key not in teams
    ]
    others = [key for key in keys if key not in firms]
    if len(firms) != 1 or not all(
        key in teams
        or known[key].kind == "person"
        or (known[key].kind == "place" and (shares or _kind_described(known[key]) == "river"))
        for key in others
    ):
        return None
    return firms[0]


def _acting_body(text: str, start: int, end: int, own, keys: list, known: Mapping):
    """The one other of ``keys`` that has the name of the place ``own`` as its alias and
    is a nation's government or parliament, or a firm (named after a town, not a
    country), where the word acts as such a body does: "Ottawa has not said", "the deal
    with Brussels", "money from Westminster", "owned by Toyota". News names a government
    by its seat, and a firm named after its town is the firm in business copy. None
    otherwise: only a verb of acting after the word, or a word of dealing with a body
    before it, reads it so ("a museum in Ottawa", "Ottawa has a population" stay the
    city)."""
    others = [key for key in keys if key != own]
    if len(others) != 1 or others[0] not in known or known[own].kind != "place":
        return None
    body = known[others[0]]
    governs = _GOVERNS.search(body.description) and not _GOVERNS_LOCALLY.search(body.description)
    trades = _FIRM.search(body.description) and known[own].place_type != "country"
    if body.kind != "organization" or not (governs or trades):
        return None
    acts = (
        _ACTS_AFTER.match(text, end)
        or (
            _ACTED_ON_BEFORE.search(text, max(0, start - 10), start)
            and text[end : end + 1] in ("", " ", ",", ".", ";")
        )
        or (
            _CALLED_ON_BEFORE.search(text, max(0, start - 12), start)
            and text.startswith(" to ", end)
        )
    )
    return others[0] if acts else None


# A game in the sentence: what a country's national side plays.
_FIXTURE = re.compile(
    r"\b(?:World Cup|[Qq]ualifiers?|friendly|friendlies|match|matches|Tests?|tournament|"
    r"Six Nations|Olympics|semi-final|quarter-final|fixtures?)\b"
)
# A side's place in the game: "a 2-2 draw with France", "heavy defeats to India",
# "played 68 times for Brazil", "qualifiers away to Chile".
_SIDE_BEFORE = re.compile(
    r"\b(?:draw with|defeats? (?:to|by)|loss(?:es)? to|win over|victory over|away to|"
    r"at home to|times for|assistant (?:coach )?with) $"
)
# Words that place a side only close to a game's word: "a qualifier on Friday between
# Zambia and Malawi", "the matches of Wales against England and Scotland", "will host
# Turkey in a friendly" (not "sanctions against Zambia were lifted after the match").
_SIDE_AFTER_A_GAME = re.compile(
    r"\b(?:against|between|hosts?|hosted|will host|bring|(?:matches|games|fixtures) of) $|"
    r"\b(?:between|against) [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* and $"
)
# What a side does, or has, after its name: "Argentina pulled away in the third quarter",
# "Jamaica play a World Cup qualifier", "Cameroon’s preparations for the qualifiers".
_SIDE_AFTER = re.compile(
    r"['’]s (?:[\w-]+ )?(?:World Cup|opening|preparations|matches|match|games?|qualifiers?|"
    r"squad|coach|captain|friendly|campaign)\b|"
    r" (?:pulled away|play|plays|playing|scored|will host|beat|beats|drew with|thrashed|"
    # Cricket's: "Zimbabwe batted through the fourth day", "New Zealand bowled Australia
    # out", "declared on 450", "India will go into the third Test" (not "went into
    # default", "declared a holiday", "batted away criticism").
    r"batted (?:first|through|on|out|again|for)|bowled (?:[A-Z][\w’'-]* )*out|"
    r"declared (?:on|at) \d|(?:will go|went|goes) into (?:the )?(?:[\w-]+ )?"
    r"(?:Test|match|final|series|game|decider))\b"
    # (A country plays a part, not a game: "Zambia plays a central role in copper".)
    r"(?! (?:an? |the |its )?(?:[\w-]+ )?(?:role|part)\b)"
)


# What only a side does, whatever the sentence: "Switzerland next play in March", "when
# the Netherlands return to action", "Chile equalised after half-time", "Nigeria reached
# the final", "Ghana went out in the group stage", "Ghana’s best chance fell to their
# captain"; and a player's side, or the next opponent: "a defender for Nigeria",
# "Argentina next play Uruguay".
_A_SIDES_WORDS_AFTER = re.compile(
    r" (?:next play|(?:also )?returns? to action|"
    # (Not "equalised the retirement age": a side equalises with no object.)
    r"equali[sz](?:ed|es)(?=[,.;]| (?:in|on|after|before|through|with|when|from|at|just|"
    r"late|early|soon|shortly|midway|again|twice|\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty)\b)|"
    r"reached the (?:final|semi-finals?|quarter-finals?)(?! stage| round| phase| step)|"
    r"went out in the (?:group|first|second|last) (?:stage|round))\b|"
    r"['’]s (?:best chances?|goalkeeper|back four|strikers?|starting (?:XI|line-up|lineup))\b|"
    # The side itself: "matches of the Spain side", "the Ireland XI".
    r" (?:side|XI)\b(?! of\b)"
)
_A_PLAYER_FOR = re.compile(
    r"\b(?:defender|striker|midfielder|goalkeeper|winger|playmaker|full-back|centre-back|"
    r"fly-half|scrum-half|bowler|batsman|batter) for $|"
    # "the national teams of Mexico and Colombia".
    r"\bnational (?:teams?|sides?|squads?) of (?:both )?$|"
    r"\bnext play $"
)
# A player chosen by a side, in a story of a sport: "called up by Poland", "the squad of
# Serbia", "capped 30 times by Wales", "eligible for both New Zealand and Samoa" (not
# "men called up by Russia for the war", "exports capped by India").
_CHOSEN_BY_A_SIDE = re.compile(
    r"\b(?:called up|capped(?: \d+ times)?) by $|\bthe squad of $|\beligible (?:to play )?for "
    r"(?:both )?$"
)


# The game a side is named in, just after it: "will host Turkey in a friendly".
_IN_A_GAME_AFTER = re.compile(
    r" (?:in|for) (?:a|an|the|their|its) (?:[\w-]+ )?(?:friendly|qualifier|match|fixture|Test)\b"
)


def _what_the_name_does(story, start, end, own, candidates):
    """The entity a country's or a town's own name stands for by what its sentence says
    it does: a government or a firm that acts (``_acting_body``), or a national side in
    a game (``_side_named``); None when the sentence says neither."""
    text, known = story.text, story.profiles
    governing = _acting_body(text, start, end, own, candidates, known)
    return governing if governing is not None else _side_named(story, start, end, own, candidates)


def _side_named(story, start, end, own, candidates):
    """The national side a country's own name stands for in a game its sentence tells of
    (``_a_side_in_a_fixture``); ``_NONE_OF_THEM`` when the story does not say which of
    several teams it is; None when it is no side."""
    text, known = story.text, story.profiles
    if not _a_side_in_a_fixture(text, start, end, own, candidates, known):
        return None
    # Of several teams of the name (the men's and the women's), the one the story named,
    # or the one of the story's sport.
    teams = _teams_of_the_storys_sport(
        text, [key for key in candidates if key != own], known, (start, end)
    )
    named = [key for key in teams if key in story.recent]
    if len(teams) == 1 or len(named) == 1:
        return (named or teams)[0]
    return _sport_of_story(story, teams, known) or _NONE_OF_THEM


# A club's women's side, and what a story of women's sport says ("the women's league").
_WOMEN = re.compile(r"\b[Ww]omen['’]s\b")
_MEN = re.compile(r"(?<![Ww]o)\b[Mm]en['’]s\b")
# What a description calls a side: a team, a club, a franchise ("Athletic teams of...").
_A_TEAM = re.compile(r"\b(?:teams?|clubs?|sides?|squads?|franchises?)\b")


def _teams_of_the_storys_sport(text: str, teams: list, known: Mapping, at=None) -> list:
    """Of a women's team and a men's of one name, the one its sentence says, before the
    name or just after it ("the VfL Wolfsburg men's team", "the men's side of Eintracht
    Frankfurt", at ``at``, its start and end); else the women's in a story about women's
    sport ("Celtic and Rangers have each won the title since the league went
    professional", in a story of the women's league), the men's in one that never
    speaks of women ("Nigeria beat Ghana 2-0 in a friendly"); else ``teams``."""
    womens = [
        key
        for key in teams
        if key in known
        and known[key].kind == "organization"
        and _WOMEN.search(known[key].description)
    ]
    if len(womens) != 1:
        return teams
    if at is not None:
        low, _ = _sentence_bounds(text, *at)
        around = text[low : at[1] + 20]
        mens, womens_said = bool(_MEN.search(around)), bool(_WOMEN.search(around))
        if mens != womens_said:
            if not mens:
                return womens
            return [key for key in teams if key not in womens] or teams
    told = len(_WOMEN.findall(text))
    if told >= 2:
        return womens
    if told == 0:
        return [key for key in teams if key not in womens] or teams
    return teams


# What ``_side_named`` says when a name is a side but nothing says which.
_NONE_OF_THEM = object()


def _a_side_in_a_fixture(text: str, start: int, end: int, own, keys: list, known: Mapping):
    """Whether a country's name, which national teams have as an alias, names a side in
    a game its sentence tells of ("the Red Devils’ 2-2 draw with France in a friendly",
    "a qualifier on Friday between Zambia and Malawi"), not the country."""
    if known[own].place_type != "country" or not all(
        key in known and known[key].kind == "organization" for key in keys if key != own
    ):
        return False
    low, high = _sentence_bounds(text, start, end)
    if _A_SIDES_WORDS_AFTER.match(text, end) or _A_PLAYER_FOR.search(
        text, max(low, start - 30), start
    ):
        return True
    if (
        _CHOSEN_BY_A_SIDE.search(text, max(low, start - 30), start)
        and not _POSSESSIVE_AFTER.match(text, end)
        and _text_about_a_sport(text)
    ):
        return True
    if _SIDE_AFTER_A_GAME.search(text, max(low, start - 40), start):
        return bool(
            _FIXTURE.search(text, max(low, start - 70), start) or _IN_A_GAME_AFTER.match(text, end)
        )
    if not (_SIDE_BEFORE.search(text, max(low, start - 30), start) or _SIDE_AFTER.match(text, end)):
        return False
    return bool(_FIXTURE.search(text[low:start]) or _FIXTURE.search(text, end, high))


def _organisation_kept_to(story: _Story, keys: list, start: int, end: int):
    """The organisation among ``keys`` that the story gave the word ``folded`` alone to
    last, in this paragraph or the one before (in a story about a sport, anywhere before),
    or None: a team or a firm named after a place is what the story is about once a cue
    gave it the word, where the place is the word's default sense; further back, the story
    may have moved on ("which Cameroon hosted" is the country, in a story that long before
    wrote of the team)."""
    known = story.profiles
    if any(key not in known or known[key].kind not in ("place", "organization") for key in keys):
        return None
    if _kind_written(story.text, start, end):
        return None  # "the city of Medellín owns" is the place, whatever came before
    folded = fold(story.text[start:end])
    paragraph = _paragraph_start(story.text, start, back=1)
    # In a match report the story keeps to the team from its start: "Mehidy said Bangladesh
    # had expected the ball to turn", paragraphs after the team took the word. Not a
    # place's words ("in Bangladesh"), nor a host's ("which Cameroon hosted", "which
    # Morocco will co-host"): those are the country's, wherever the team was last.
    if (
        _about_a_sport(story)
        and not _PLACE_BEFORE.search(story.text, max(0, start - 20), start)
        and not _HOSTED_AFTER.match(story.text, end)
        and _paragraph_of_the_game(story, start, end)
    ):
        paragraph = 0
    last = {
        key: story.recent[key][folded]
        for key in keys
        if story.recent.get(key, {}).get(folded, -1) > paragraph
    }
    latest = max(last, key=last.get) if last else None
    return latest if latest is not None and known[latest].kind == "organization" else None


def _paragraph_of_the_game(story: _Story, start: int, end: int) -> bool:
    """Whether the paragraph around ``start:end`` is the game's: a sport's or a game's word
    in it, or a person the story named before the name ("Mehidy said Bangladesh had...",
    "“Rizwan and Babar used their feet well.” Pakistan will hope so."); not a paragraph of
    its own on the country ("Bangladesh’s prime minister telephoned")."""
    low = _paragraph_start(story.text, start)
    high = story.text.find("\n", end)
    high = len(story.text) if high < 0 else high
    return (
        _text_about_a_sport(story.text[low:high])
        or _game_beside(story.text, low, high)
        or any(
            key in story.profiles
            and story.profiles[key].kind == "person"
            and any(low <= at < start for at in forms.values())
            for key, forms in story.recent.items()
        )
    )


# A host, and "which" hosted too ("Cameroon, which hosted the tournament in 2022"): the
# country.
_HOSTED_AFTER = re.compile(
    r"(?:,? (?:which|that))? (?:will |would |is to |to )?(?:co-)?host(?:s|ed|ing)?\b"
)


def _organisation_named_last(story: _Story, folded: str, keys: list, known: Mapping):
    """Of places and organisations of one name, the organisation the story named last by
    a longer name holding the word ("Taunus Bank" for "Taunus"), when it has not named
    any of the places since, by any name; None otherwise."""
    if {known[key].kind if key in known else "" for key in keys} != {"place", "organization"}:
        return None
    last = {}
    for key in keys:
        place = known[key].kind == "place"
        ends = [
            end
            for form, end in story.recent.get(key, {}).items()
            if place or (folded in form and len(form) > len(folded))
        ]
        if ends:
            last[key] = max(ends)
    latest = max(last, key=last.get, default=None)
    return latest if latest is not None and known[latest].kind == "organization" else None


_FULL_NAME_OF_BEFORE = re.compile(r"\b[A-Z][\w’'-]+ ([A-Z][\w’'-]+) of $")


def _persons_country_before(text: str, start: int) -> bool:
    """Whether a full name and "of" stand before ``start`` ("Matteo Ricci of "), not a
    title's or an institution's ("Prime Minister of ", "Central Bank of ")."""
    before = _FULL_NAME_OF_BEFORE.search(text, max(0, start - 40), start)
    return bool(before) and not (
        is_title(before.group(1)) or _stem(before.group(1)) in _GENERIC_NAME_WORDS
    )


# A place written after an organisation's name and "of": "Al Hilal of Omdurman"; or
# where it sits, after "in": "the High Court in Dublin", "the Economy Ministry in Taipei".
_OF_A_PLACE_AFTER = re.compile(r" of ((?:[A-Z][\w’'-]+ )*[A-Z][\w’'-]+)")
_IN_A_PLACE_AFTER = re.compile(r" in ((?:[A-Z][\w’'-]+ )*[A-Z][\w’'-]+)")


def _owner_beside(text: str, start: int, end: int, keys: list, known: Mapping):
    """The one organisation of ``keys`` whose description names the place or country
    written right beside its name, an owner before it ("South Korea’s Ministry of
    Culture"), its people's word ("the Qatari Foreign Ministry"), a place after "of" ("Al
    Hilal of Omdurman") or the one it sits in ("the High Court in Dublin"), or None."""
    owner = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    place = _OF_A_PLACE_AFTER.match(text, end)
    seat = _IN_A_PLACE_AFTER.match(text, end)
    # A people's word before it is its country too: "the Qatari Foreign Ministry", "the
    # Portuguese Foreign Ministry" (not a word of the table: "the Ministry").
    people = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if people is not None and people.group(1).lower() not in _COUNTRY_OF_PEOPLE:
        people = None
    for written in (owner, place, seat, people):
        if written is None or fold(written.group(1)) in _DATE_WORDS:
            continue
        # Its last word, a people's one read as its country ("South Korea", "Omdurman"),
        # named by the description, or by its own name ("Al-Hilal Omdurman"); not a word
        # too short to tell ("the UK’s Supreme Court" is no Ukrainian one).
        last = _country_stem(written.group(1).split()[-1])
        if len(last) < 4:
            continue
        named = [key for key in keys if key in known and _names_country(known[key], last)]
        if len(named) == 1:
            return named[0]
    return None
