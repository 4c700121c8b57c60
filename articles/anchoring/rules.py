"""The rules that turn the gazetteer's raw hits into suggestions: which hits are names at
all in their context, and which entity a name shared by several entities is (``resolve``,
``_choose``). The rules themselves are in the modules beside this one, one subject each:
``context`` (is this a name?), ``people``, ``organisations``, ``places``, ``cues``,
``short_forms``, over ``folding``, ``profiles``, ``reading`` and ``story``.

Pure Python, no Django. A suggestion is a claim that a person checks, so every rule
leans the same way: when the text does not decide, the hit is left out (and counted),
never given to a likely entity. docs/annotation.md lists the rules with their limits.

Vocabulary: a *hit* is (start, end, keys), the keys of every entity with a name or
alias that reads as the text there. An entity's *profile* (``Profile``) is what the
rules know of it beyond its names: its own name, kind and description."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Set

from articles.anchoring.context import (
    _A_GAMES_FORMAT_AFTER,
    _CLAUSE_OPENS_BEFORE,
    _DIRECTION,
    _DIRECTIONS,
    _FEATURE_AFTER,
    _OWNER_BEFORE,
    _PLACE_BEFORE,
    _PLURAL_VERB_AFTER,
    _POSSESSIVE_AFTER,
    _THE_BEFORE,
    _a_family_of_ours,
    _a_people,
    _a_peoples_word,
    _acronym_of_an_organisation,
    _an_office_in_capitals,
    _described_as_a_thing,
    _named_after,
    _not_a_longer_name,
    _spelled_out_before,
    _the_name_alone,
    _whole_name_of_an_organisation,
    institutions_of_the_people_before,
    opens_dateline,
    refusal,
)
from articles.anchoring.cues import (
    _CITY_AFTER,
    _CIVIC_AFTER,
    _FIELDS,
    _GOVERNED_AFTER,
    _SAYS_AFTER,
    _STATE_AFTER,
    _field_choice,
    _field_left_open,
    _listed_with,
    _local_choice,
    _paired,
    _sort_of,
)
from articles.anchoring.folding import _SPACES, fold
from articles.anchoring.organisations import (
    _A_TEAM,
    _NONE_OF_THEM,
    _SIDE_BEFORE,
    _SQUAD_AFTER,
    _SUBNATIONAL,
    _about_a_sport,
    _bodies_of_countries,
    _firm_by_the_words_beside,
    _game_beside,
    _generic_institution_elsewhere,
    _institution_country,
    _of_the_storys_sport,
    _organisation_kept_to,
    _organisation_named_last,
    _owner_beside,
    _parties_of_countries,
    _persons_country_before,
    _side_named,
    _sport_of_story,
    _sport_of_the_sentence,
    _sport_of_the_squad_word,
    _squad_of_a_pair,
    _teams_of_the_storys_sport,
    _what_the_name_does,
)
from articles.anchoring.people import (
    _AGE_BEFORE,
    _APPOSITION_AFTER,
    _BARE_TITLES,
    _FEMALE_KIN,
    _FEMALE_TITLES,
    _MALE_KIN,
    _MALE_TITLES,
    _PERSON_AFTER,
    _SENIOR_OR_JUNIOR_AFTER,
    _as_described,
    _beside_a_person,
    _by_age,
    _described,
    _family_in_the_plural,
    _fits_the_word_before,
    _gender_written,
    _of_a_family_named,
    _person_introduced,
    _pronoun_after,
    _quoted_without_cue,
    _several_named,
    _someone_before,
    _speaker_after_a_quote,
    _stranger_since,
    _strangers,
    _subject,
    _the_one_the_title_fits,
    _tie_stated,
    _tie_to_someone_unnamed,
    _unintroduced,
    _word_opening_a_sentence,
)
from articles.anchoring.places import (
    _AREA_BEFORE,
    _another_place_recalled,
    _capital_of_a_state,
    _completed_by_next_word,
    _country_set_beside,
    _dateline_before,
    _dateline_region,
    _dateline_region_start,
    _dateline_wrote,
    _governor_speaks,
    _named_after_one_another,
    _named_in_paragraph,
    _of_the_kind_written,
    _point_or_area,
    _region_after,
    _region_of_the_dateline,
    _story_place,
    _the_twin_not_qualified,
)
from articles.anchoring.profiles import (
    _ADMINISTRATIVE,
    _COUNTRY_OF_PEOPLE,
    _NATURAL_KINDS,
    _STOPWORDS,
    Profile,
    _all_persons,
    _countries_named_by,
    _countries_of,
    _countries_of_each,
    _country_stem,
    _kind_described,
    _lies_in,
    _names_all,
    _names_country,
    _possessor,
    _stem,
    _words,
    _wordset,
)
from articles.anchoring.reading import (
    _CAPITALISED,
    _PHRASE_ENDS,
    _PREVIOUS_WORD,
    _all_of_kind,
    _filter,
    _generic_institution_name,
    _names,
    _not_after,
    _paragraph_start,
    _sentence_bounds,
    _title_before,
    opens_sentence,
)
from articles.anchoring.rivers import (
    _A_RIVER_DOES_AFTER,
    _a_river_we_do_not_know,
    _no_river_without_the,
    _the_river,
)
from articles.anchoring.short_forms import _fitting
from articles.anchoring.story import Match, _Story

# A direction written as an adjective just before a name: "southern Quebec",
# "north-eastern Texas" (not "south Jakarta", "north Tehran": parts of a city).
_DIRECTION_BEFORE = re.compile(rf"\b{_DIRECTIONS}ern $")


# The last of names listed after "in" or "near": "casinos in Atmore, Wetumpka and
# Montgomery", "neurologists in Melbourne and Sydney". (Not "from", "at" or "between",
# which list people, firms and sides as often: "tributes from Obama, Bush and Clinton",
# "jobs at Vodafone and Orange", "the derby between Bahia and Vitória"; nor a holding's
# "in": "shares in Vodafone and Orange", "stakes in Tesla and Amazon".)
_A_PLACE_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
_PLACES_LISTED_BEFORE = re.compile(
    rf"(?:\b(\w+) )?\b(?:[Ii]n|near) {_A_PLACE_NAME}(?:, {_A_PLACE_NAME})*,? (?:and|or) $"
)
_HOLDINGS = _wordset(
    "shares stake stakes investors invested investment investments holdings interest interests"
)


def _listed_after_a_word_of_place(text: str, start: int) -> bool:
    """Whether the name at ``start`` closes a list of names after "in" or "near" that is
    no holding's (``_PLACES_LISTED_BEFORE``)."""
    listed = _PLACES_LISTED_BEFORE.search(text, max(0, start - 80), start)
    return bool(listed) and (listed.group(1) or "").lower() not in _HOLDINGS


_NAMESAKE_BEFORE = re.compile(r"\b(?:its|their|his|her|the) names? from $")
# What only a place has, before "of" and its name: "the mayor of Lille", "the people of
# Lille", "the centre of Liverpool", "the firefighters of Marseille" (a club has fans, not
# residents, and no centre).
_PART_OF_A_PLACE_BEFORE = re.compile(
    r"\b(?:[Mm]ayors?|[Pp]eople|[Rr]esidents|[Ii]nhabitants|[Cc]itizens|[Cc]entre|[Cc]enter|"
    r"[Hh]eart|[Oo]utskirts|[Ss]uburbs|[Ss]treets|[Ff]irefighters|[Pp]olice|[Hh]ospitals|"
    r"[Ss]chools|[Nn]eighbourhoods|[Nn]eighborhoods|[Dd]istricts|[Pp]rosecutors?|"
    r"[Gg]overnment|[Gg]overnor|[Bb]ishop|[Aa]rchbishop|[Pp]ort|[Ss]quares|"
    r"(?:[Cc]ity|[Tt]own|[Mm]unicipal) [Cc]ouncil|the (?:city|town|village|province)) of $"
)
# A place's officer named with it: "Governor Renan Falcão of Goiás", "Mayor Quinton Lucas
# of Kansas City".
_OFFICER_OF_BEFORE = re.compile(
    r"\b(?:Mayor|Governor|Premier|Prefect) (?:[A-Z][\w’'.-]* ){1,3}of $"
)
# Where a flight lands: "extra flights landed at Nice" (a player "landed at Nice on a
# four-year deal" at the club).
_FLIGHTS_LANDED_BEFORE = re.compile(
    r"\b(?:flights?|planes?|jets?|aircraft|airliners?|helicopters?)\b[^.;]{0,30}"
    r"\b(?:landed|lands|land|landing) (?:at|in) $"
)
# A city or a country hosts a games, a cup or a summit: "before Brisbane hosts the 2032
# Summer Olympics" (a team hosts another team, "Lyon host Marseille", and hosts games).
_HOSTS_AFTER = re.compile(
    r"(?: will| would| is to| to)? host(?:s|ed|ing)? (?:the |\d+ |two |three |four |five |six |"
    r"seven |eight |nine |ten |several |some )?(?:\d{4} )?(?:[A-Z][\w’'-]* )*"
    r"(?:Olympics|Olympic Games|Games|World Cup|summit|conference|festival|Expo)\b"
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|A|An) $")


# Of those, the words that say what it is (", the state lender,"); a clause (", who is
# no relation to the judge,") may be about someone else.
# "The" and up to four lower-case words before a name: what the story calls the person.
_DESCRIBED_BEFORE = re.compile(r"\b[Tt]he ((?:[a-z][\w’'-]* ){1,4})$")
_DESCRIBED_AFTER = re.compile(r", (?:a|an|the)\b")
_CALLED_BEFORE = re.compile(
    r"\b[Tt]he (?:[a-z-]+ )?(?!(?:former|new|old|main|leading|largest|biggest|parent|rival|"
    r"defunct)\b)([a-z-]{4,}) $"
)
_APPOSITION_CLOSES = re.compile(r"[,;:.!?(]")
# What only a nation has: "Jordan’s national team".
_NATIONAL_AFTER = re.compile(r"['’]s national\b")
# A match's result, after a team's name or before it.
# Where a side plays, and whom it hosts: "Sarajevo play at the ageing Olympic stadium",
# "Hiroshima host the Tigers" (a plural nickname: not "the Olympics", "the Greens", "the
# Christmas rush"); read only where no word of place stands before the name ("children in
# Sarajevo play at the stadium site", "voters in Liverpool face the Greens").
_SIDE_AT_HOME_AFTER = re.compile(
    r" (?:play|played) (?:their (?:home )?(?:games|matches) )?(?:at|away at|at home at)"
    r" (?:the |a |an )?(?:[\w’'-]+ ){0,3}?(?:stadium|ground|arena|park|field)\b|"
    # And at another side's: "Phoenix plays at Sacramento on Sunday".
    r" (?:plays|play) (?:at|away at) (?!The\b)[A-Z][\w’'-]+ (?:on|next|this|in)\b|"
    r" (?:face|host) the (?!(?:Olympics|Games|Paralympics|Championships|Finals|Worlds|Nations|"
    r"Americas|Emirates|Philippines|Netherlands|Christmas|Greens|Conservatives|Democrats|"
    r"Republicans|Liberals|Socialists|Tories|Nationalists|Unionists|Lords|Commons)\b)"
    r"[A-Z][a-z]+s\b(?!['’])"
)
_TEAM_AFTER = re.compile(
    r" (?:came from behind to |went on to )?(?:beat|beats|defeated|defeats|drew with|draws "
    r"with|lost to|loses to|thrashed|edged|qualified for|qualify for|qualifies for)\b|"
    # Teams play, face and host one another, in the plural as a team's players do: "PNG
    # play Australia", "Lyon host Marseille", "Hiroshima host the Tigers" ("Qeravia faces
    # sanctions" is a country's, "Lyon host the Olympics" a city's).
    r" (?:play|face|host) (?=[A-Z])|"
    # Promotion and relegation: "Hamburg won promotion in May", "Saint-Étienne, promoted
    # in May,", "Cádiz were relegated".
    r" (?:won|win|wins|earned|secured|sealed) promotion\b|"
    r"(?:,| (?:were|was|are|have been|has been)) (?:promoted|relegated)"
    r"(?=[.,;]| in (?:May|June|the spring|the summer)\b| (?:to|from) the (?:[\w’'-]+ )*?"
    r"(?:league|division|tier|Championship|Bundesliga|Serie [AB]|Liga|Ligue)\b)|"
    # A score ("which Medellín won 2-1", "to give Sevilla a 2-1 win") and a place in a
    # table ("lifts Lyon to fourth", "Nacional are seventh", "stay 14th").
    r"(?:(?: had| has| have)? (?:won|win|lost|lose|drew|draw|lead|led|trail|trailed))? "
    r"\d{1,2}[-–]\d{1,2}\b"
    # A range with a unit is no score: "lose 10-15 hours", "draw 8-10 million visitors".
    r"(?!\s?%|[-–]\w| (?:per ?cent|percent|points|hours?|days?|weeks?|months?|years?|"
    r"minutes?|million|billion|thousand|hundred|people|visitors|degrees|km|miles|medals|"
    r"seats|votes)\b)"
    # A ruling or a vote is no game: "Texas had won 5-4 at the Supreme Court", "Brisbane
    # had won 72-5 in the IOC vote", "has won 2-1 before a Ninth Circuit panel".
    r"(?! (?:at|in|before|on|from) (?:the |a |an |its (?:own )?)?(?:[A-Z][\w.’'-]* )*"
    r"(?:[a-z]+ )?(?:[Cc]ourt|[Pp]anel|[Cc]ircuit|[Vv]ote|[Bb]allot|[Rr]eferendum|[Ss]enate|"
    r"[Cc]ouncil|[Jj]udges|ICJ)\b)|"
    r" an? \d{1,2}[-–]\d{1,2} (?:win|victory|defeat|loss|draw|lead)\b|"
    # A cricket score and a place in a table: "Kent reached 142 for two", "Somerset had
    # been 48 for four", "were 212 all out"; "leaves Bath top of the table".
    r"(?: had been| have been| were| was| are| is| reached| finished on| closed on| made|"
    r" posted| scored)? \d{1,3} (?:for (?:no loss|one|two|three|four|five|six|seven|eight|"
    r"nine|\d)|all out)\b|"
    # And as Australia writes it, wickets first: "Tasmania piled up 6-487 declared".
    r" (?:piled up|reached|made|posted|declared at|declared on|were|was) \d{1,2}[-–]\d{2,3}"
    r"(?: declared\b|(?=[.,;]))|"
    r" (?:top|bottom) of the (?:table|standings|league|group|ladder)\b(?! (?:for|of|on)\b)|"
    # A team's record in brackets after its name: "Green Bay (9-4) plays at Detroit".
    r" \(\d{1,2}[-–]\d{1,2}(?:[-–]\d{1,2})?\) (?:plays?|hosts?|visits?|faces?|meets?|travels?|"
    r"beat|beats|won|wins|lost|loses|tops?|leads?|clinched|clinches|at|vs?\.?)\b|"
    # A meeting or a trophy won: "Gdynia won the last meeting", "where Philadelphia won
    # the Super Bowl" (a city wins a bid, not a cup).
    r" won the (?:last|previous|first|reverse|return) (?:meeting|match|game|fixture|derby|"
    r"final|tie|leg)\b|"
    # A game of a series won or lost: "India lost the first Test by 295 runs".
    r" (?:won|lost|drew|wins|loses|draws|win|lose|draw) the (?:first|second|third|fourth|"
    r"fifth|opening|final|last|deciding|\d(?:st|nd|rd|th)) (?:Test|ODI|T20I?|one-dayer|"
    r"match|game|leg)\b|"
    r" won the (?:[A-Z][\w’'-]* )+(?:Bowl|Cup|Series|Trophy|Shield)\b"
    r"(?! (?:bids?|hosting|rights|vote|race|contract)\b)|"
    r" (?:to|are|stay|stays|remain|remains|sit|sits|climb|climbs|drop|drops|move|"
    r"moves|finished|finish|finishes|lie|lies)(?: up| down)? (?:\d{1,2}(?:st|nd|rd|th)|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|bottom)\b"
)


# Teams play and face "the" other team ("Atlanta play the New Orleans Saints"; not
# "Millions in Brazil play the Mega-Sena lottery", read with the place before).
_PLAYS_THE_AFTER = re.compile(r" (?:play|face) the (?=[A-Z])")
# A team travels in the plural too: "Dundee travel to Kilmarnock" (not "commuters in
# Hamburg travel to work", "residents of Bahia travel to Salvador", read with the place
# before).
_TRAVELS_AFTER = re.compile(r" travel to\b")
# A match against it, in a story about a sport: "a home match on Sunday against Rennes",
# "the derby between Bahia and Vitória".
_MATCH_AGAINST_BEFORE = re.compile(
    r"\b(?:match|game|derby|fixture|tie|clash|semi-final|quarter-final|season|opener)"
    r"(?: (?:on|this|next|last|home|away|league|cup|weekend|[A-Z][a-z]+day(?:['’]s)?)){0,3} "
    r"against $|\bderby between (?:[A-Z][\w’'-]* )*(?:and )?$"
)
# A fixture to come, in a story about a sport: "with Limerick to face the winners".
_TO_FACE_AFTER = re.compile(
    r" (?:to|will) (?:face|play|meet|host) "
    r"(?!host\b|an? |the (?:cost|bill)\b|the (?:\d{4} )?(?:[A-Z][\w-]* )*(?:Olympics|Games|"
    r"[Ff]inals?|World Cup|[Cc]hampionships?|Grand Prix|Expo|[Ss]ummit|[Ff]air)\b)"
)
_FROM_BEFORE = re.compile(r"\b(?:from|to|in|of|at) $")
# A team's games are "their" games: "if Ceará win their last two group games" (not
# "families in Santos lost their homes", where the place is no subject).
_THEIR_GAMES_AFTER = re.compile(r" (?:win|won|lose|play|played|host|hosted|drew) their\b")
# A game's result: a score ("won 91-70", "beating VakıfBank 3-2"), a series won in so many
# games, a title won ("won the Korean Series", "won the FA Cup").
_A_RESULT = re.compile(
    r"(?<![\d.,])\d{1,3}[-–]\d{1,3}(?![\d%-])|"
    r"\bin (?:two|three|four|five|six|seven|\d) games\b|"
    r"\bw[oi]n the (?:[A-Z][\w’'-]* ){1,3}(?:Series|Cup|League|Championship|Trophy|title)\b"
)
# A side's players and lead are "their" own in the clause its name opens: "Bath fought
# back through their scrum-half", "Cork stretched their lead" (a town has neither).
_THEIR_PLAYERS_AFTER = re.compile(
    r"(?: (?!their\b)[a-z][\w’'-]*){1,5} their (?:[a-z][\w’'-]* )?(?:captain|coach|manager|"
    r"goalkeeper|keeper|strikers?|scrum-half|fly-half|hooker|props?|wingers?|full-back|"
    r"forwards|defenders|bowlers|batters|batsmen|openers|spinners?|squad|lead)\b"
)
# And anything "their" own, in the clause its name opens (see ``_said_of_a_team``).
_THEIR_OWN_AFTER = re.compile(r"(?: (?!their\b)[a-z][\w’'-]*){1,4} their\b")


# Players "play for" a team whose name ends the phrase ("two who play for Molde were
# called up"); musicians "play for Atlanta audiences".
_PLAY_FOR_BEFORE = re.compile(r"\b(?:play|playing) for $")
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|defeated|defeating|drew with|lost to|losing to|signed for|plays for|"
    r"played for|"
    r"(?:match|matches|game|games|goals?|caps?|appearances?|debut|starts?) for) $|"
    # Games against a side, and wins over it: "two Tests against England", "wins over Bath".
    r"\b(?:Tests?|ODIs?|T20s?|one-day internationals?|series|fixtures?) against $|"
    # Where a game is played: "lost 2-0 away to Molde", "are away to FCSB", "open their
    # season at home against Monterrey" (not "moved away to Hamburg").
    r"(?:\b\d{1,2}[-–]\d{1,2}|\b(?:are|play|plays|played|won|lost|drew|win|lose|draw)) "
    r"away (?:to|against) $|"
    # A game away: "a second match away to Botswana", "the return leg away at Celtic".
    r"\b(?:match|matches|game|games|fixture|fixtures|leg|tie|ties) away (?:to|at|against) $|"
    r"(?:\b\d{1,2}[-–]\d{1,2}|\b(?:play|plays|played|won|lost|drew|win|lose|draw)) away at $|"
    r"\bat home (?:to|against) $|"
    # A game lost or won to a side: "have not lost a Championship match to Surrey".
    r"\b(?:lost|won|drew) (?:a|an|the|their|its) (?:[\w-]+ ){0,2}(?:match|game|fixture|tie|"
    r"Test) (?:to|against) $|"
    # With a score between: "draw 2-2 with Benfica", "lost 3-1 to Porto".
    r"\b(?:draw|drew|drawn|lost|lose|beaten) \d{1,2}[-–]\d{1,2} (?:with|to|by) $|"
    r"\b[A-Z][\w’'-]* (?:play|face|host) $|"
    # A side or a team does so too: "Lanzini’s side host Lanús next Saturday".
    r"\b[A-Z][\w’'-]*['’]s (?:[a-z]+ )?(?:side|team|squad) (?:play|face|host|visit) $|"
    # A team's people and points: "the youth teams of Lyon", "fans of Porto", "a point
    # behind Marseille".
    r"\b(?:youth teams?|academy|fans|supporters|ultras|squad|players) of $|"
    r"\b(?:points?|a point|goals?|two|three|four|five|six|seven|eight|nine|ten|\d+) "
    r"(?:behind|ahead of|clear of) $"
)
# A fan's ticket and a side's scouts, in a story of a game: "a season-ticket holder at
# Hamburg", "Scouts for Finland watched from the press box" (not "Scouts from Leeds
# camped", "a season ticket for Brighton commuters" in other stories).
_FANS_AND_SCOUTS_BEFORE = re.compile(r"\bseason[- ]ticket holders? at $|\b[Ss]couts for $")
# What a team has or does and a country or a city does not: "Zimbabwe’s captain",
# "the former Barcelona striker", "Zimbabwe’s bowlers"; and ", who", for a team is its
# players ("Zimbabwe, who resumed on 96").
# Wins over a side: "four successive wins over Leinster" (a country's only in a story
# about a game: not "victory over Russia" in a war, "a legal victory over Ecuador",
# "Napoleon's victories over Austria", nor a person's: "Biden's victory over Bloomberg").
_WINS_OVER_BEFORE = re.compile(r"\b(?:wins|victory|victories) over $")
# What a report of a game says of the other side: a score then where or whom
# ("lost 104-99 at Detroit", "won 3-1 away to Porto"), a side playing at another's
# ground ("The Saints play at Carolina"), a player's last club ("joined from Vojvodina").
_OTHER_SIDE_BEFORE = re.compile(
    r"\b(?:won|lost|drew|beat|fell|win|lose|draw) \d{1,3}[-–]\d{1,3}(?: in (?:overtime|extra "
    r"time))? (?:at|to|against|over|away to|away at|away against) $|"
    r"\b[A-Z][\w’'-]* (?:play|plays|played) (?:at|away at) $|"
    r"\b(?:lose|loses|losing|lost) (?:again )?to $|"
    r"\b(?:joined|signed) from $|"
    # A fixture said with its verb: "meets Sydney at the SCG", "faces Leinster on Friday",
    # "travel to Turin to face Torino", "and host Lugano on Saturday".
    r"\b(?:meets|faces|faced|hosts|hosted) $|"
    r"\b(?:to|will|and|then) (?:face|meet|play|host) $"
)
_NO_SIDE_AFTER = re.compile(
    # (Nor a place's office or its people: "flew to Lahore to meet Pakistan's prime
    # minister".)
    r"['’]s (?:prime minister|president|premier|mayor|governor|government|minister|"
    r"people|leaders?|officials)\b|"
    r" (?:in the (?:race|bid|running|competition|contest|fight|battle)\b|of (?:its|their|his|her|"
    r"the|a)\b|(?:voters|residents|officials|investors|taxpayers|lawmakers|businesses)\b)"
)
# Cricket's and rugby's words that other trades use too: "Lancashire spinners and
# weavers", "commuters to Kent props up house prices" (in a story about a game only).
_SPORT_TRADE_AFTER = re.compile(r"(?:['’]s)? (?:spinners|props|hookers)\b(?! up\b)")


# The words a description names each sport by ("rugby union", "association football").
_SPORT_NAMES = {
    "rugby": {"rugby"},
    "cricket": {"cricket"},
    "football": {"football", "soccer"},
    "gridiron": {"nfl", "gridiron"},
    "baseball": {"baseball"},
    "hockey": {"hockey", "nhl", "khl"},
}
# Games with goalkeepers, strikers and midfielders that are not football.
_OTHER_GOAL_GAMES = re.compile(r"(?i)\b(?:hockey|handball|water polo|futsal|lacrosse|netball)\b")


# A place's name before "team" or "training camp" is its team's ("the star forward of
# the Georgia team", "a Morocco training camp"); not a team of others ("a Ukraine team
# of prosecutors"), a country's own ("Israel's team in Doha"), nor a camp someone else
# holds there ("their Florida training camp").
_TEAM_AFTER_PLACE = re.compile(r" (?:team\b(?! of\b)|training camp\b)")
_HELD_BY_BEFORE = re.compile(r"(?:\b(?:their|its|his|her|our)|['’]s) $")
# A team's fans, as a place has none ("Karşıyaka fans", "Rennes season-ticket holders");
# a person has ("the Trump supporters").
_FANS_AFTER = re.compile(r" (?:fans|supporters|ultras|season-ticket)\b")


# The level of government written before a body's name: "the federal Finance Ministry".
_LEVEL_BEFORE = re.compile(r"\b([Ff]ederal|[Nn]ational|[Ss]tate|[Pp]rovincial|[Rr]egional) $")


# Read in ``_choose``: a spouse named by the other's tie ("the first wife of Mugabe"), and
# a clause saying who the name is not ("Zuma, who is no relation to Jacob Zuma,").
_SPOUSE_OF_BEFORE = re.compile(r"\b(wife|widow|husband|widower) of $")
# Where the words after "shares his name with" stop describing the namesake.
_DESCRIPTION_ENDS = re.compile(r"[,.;:!?)]| (?:said|says|told|who|which|but|and)\b")
_DESCRIBED_NOT_NAMED = re.compile(r"(?:an?|the) ")
# Words after "no relation to the minister" that say nothing of the minister.
_NOT_A_TRADE = frozenset({"either", "too", "also", "despite", "though", "although", "same"})
# (And "Arrieta, whose younger brother Pello Arrieta rides for..." is not Pello.)
_NO_RELATION_AFTER = re.compile(
    # (With a clause between: "De Vries, who has 40 caps, is not related to the minister".)
    r",? (?:\d{1,3}, )?(?:who [^,.;]{3,60}, (?=is |was ))?"
    r"(?:an? [\w -]{3,40}? )?(?:who|who is|is|was)? ?(?:(?:no relation|"
    r"not related|unrelated) (?:to|of)|shares (?:a|his|her|the) (?:sur)?name with|"
    r"whose (?:(?:younger|elder|older|twin|late) )?(?:brother|sister|son|daughter|father|"
    r"mother|husband|wife|cousin|uncle|aunt|nephew|niece|grandson|granddaughter)) "
    r"([^.;]{3,160})"
)


def _trade_described(profile) -> frozenset[str]:
    """The stems of what a description says its person is, before what it says of their
    works ("Argentine documentary director whose debut follows young singers": no
    singer)."""
    said = re.split(r"\b(?:whose|which|that)\b", profile.description)[0]
    return frozenset(_stem(word) for word in _words(said))


_DISTANCE_FROM = re.compile(
    r"(?:\b(?:kilometres|kilometers|km|miles|metres|meters)(?: \w+)?|['’]s drive|"
    rf"\b(?:just|due|directly|immediately)) (?:{_DIRECTION} )?(?:of|from) $"
)


# Two longer forms closer than this (characters) leave a short form between them undecided.
_CONTESTED = 250
_QUOTED = re.compile(r"“”|‘’|\"\"|''|“\"|\"”")


_STATE_BEFORE = re.compile(r"\b(?:[Gg]overnor|[Pp]remier|[Ss]tate|[Pp]rovince) of $")


# Federal words right before a shared name ("federal officials in", "Congress in"), and
# US sanctions anywhere before it in its sentence: the federal capital, not a state.
_FEDERAL_NEAR = re.compile(r"\b(?:[Ff]ederal(?: [a-z]+){1,2}|Congress|White House) in $")
_SANCTIONS = re.compile(r"\b(?:US|U\.S\.) sanctions\b")
_LEGISLATES_AFTER = re.compile(
    r" (?:has |have )?(?:passed|enacted|adopted|repealed) (?:a |an |the |its )?(?:\w+ )?"
    r"(?:law|laws|bill|statute)\b"
)
_ADDRESS_BEFORE = re.compile(r"\b[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?, $")
# A description that opens by calling the place a capital, of anything ("Capital city of
# Newfoundland and Labrador, Canada").
_A_CAPITAL = re.compile(r"(?:[\w-]+ ){0,3}?capital\b")
# What a state of a federation has and a country of its name does not.
_STATE_CIVIC = re.compile(
    r"\b(?:Senate|[Ss]enators?|Republicans?|Democrats?|Democratic|GOP|[Ll]egislature|"
    r"[Gg]overnors?|[Cc]ounty|[Cc]ounties|grand jury)\b"
)
# A part of a state, or a town in it: "eastern Washington", "upstate New York", "the
# largest city in Washington".
_REGION_OF_A_STATE_BEFORE = re.compile(
    rf"\b(?:{_DIRECTION}|central|rural|upstate|downstate) $|"
    r"\b(?:city|cities|town|towns|county|counties|village|villages) in $"
)
# What only a state is: "Washington became the first state to legalise cannabis".
_A_STATE_AFTER = re.compile(
    r" (?:is|was|became|becomes|has become) (?:the |one of the )(?:\w+ ){0,2}states?\b"
)
# Who governs from a capital, before the name: "federal antitrust officials in",
# "the Commerce Department in", "under pressure from".
_GOVERNMENT_IN_BEFORE = re.compile(
    r"\b(?:officials|regulators|lawmakers|diplomats|negotiators|administration|government|"
    r"authorities|court|department|congress|agencies|pressure|lobbyists|trial|news) "
    r"(?:in|from|with) $",
    re.IGNORECASE,
)
# What makes those words a state's: another state beside it ("officials in Washington
# and Oregon"), or the state named as such in the sentence ("In Olympia, the state
# capital, lawmakers in Washington"; not "a state's contracts").
_ANOTHER_NAME_AFTER = re.compile(r",? (?:and|or) [A-Z]|, [A-Z][\w’'-]+,")
_THE_STATE_WORD = re.compile(r"\b[Ss]tate\b(?!['’]s)")
_FEDERAL_CAPITAL = re.compile(
    r"\b(?:capital(?: city)?(?: and federal district)? of the (?:united states|u\.s\.|usa|us)\b|"
    r"u\.?s\.? capital\b|"
    r"seat of the federal government\b)"
)


_CITY_BEFORE = re.compile(r"\b(?:[Mm]ayor|[Cc]ity|[Tt]own) of $")


_GOVERNED_BEFORE = re.compile(r"\b(?:[Gg]overnment|[Cc]abinet) of $")


# "The late Walter Ford", "her late father-in-law Walter Ford", "his late wife, Ana".
# A title held once, not now: "former Prime Minister", "the then president", "ex-mayor".
_FORMER_BEFORE = re.compile(
    r"\b(?:[Ff]ormer|[Ll]ate|[Tt]he then|[Ee]x-|one-time|onetime)(?![a-z])[\w .-]*$"
)
# An office held from a year on and not left: "prime minister of Greece since 2019".
# (Descriptions are folded: a title is known by its word, not its capital.)
_HOLDS_SINCE = re.compile(
    r"\bsince (?:\w+ )?\d{4}\b(?! (?:to|until)\b)|\bwho is (?:the |a |an )?"
    r"(?!former\b|ex-|late\b|one-time\b)(?:[a-z]+ )?"
    r"(?:president|prime minister|chief minister|minister|premier|chancellor|governor|"
    r"mayor|senator|speaker|leader|chairman|chairwoman|chair|king|queen|emir|sultan|"
    r"attorney general|secretary|ambassador|envoy|commissioner)\b"
)
# A year of the last century: the title may be the dead namesake's.
_PAST_YEAR = re.compile(r"\b1[89]\d\d\b")
_LATE_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Ww]hose) late (?:[a-z-]+,? ){0,2}$"
)


# Words that put a sentence in the present: "on Tuesday", "this week".
_TODAY = re.compile(
    r"\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this (?:week|"
    r"month|year)|today|yesterday|last week)\b"
)


# A death the story tells: "Fidel Castro died in 2016".
_DIED_AFTER = re.compile(r" (?:died|was killed|was assassinated)\b")
# A clause of time whose subject the name is: "signed weeks before Josiah Chikwanha
# died" (not "a cousin of Ed Miliband died").
_WHEN_BEFORE = re.compile(r"\b(?:before|after|when|until|since|because|once) $")
# An age given now: "Castro, now 94, still appears", "Kallergis, 34, runs the fleet"
# (not "Castro, 90, died late on Friday").
# Nor do they decline to answer reporters: "Mr Chikwanha did not speak to reporters"
# (a life told in the past may say what someone did not do: "Kennedy did not live to see
# Apollo 11", "Castro refused to allow opposition parties").
_ANSWERS_NOT_AFTER = re.compile(
    r" (?:declined to comment|did not (?:respond|reply|comment|return|attend)|did not speak "
    r"to (?:reporters|journalists|the press)|could not be reached|was not available|has not "
    r"responded)\b"
)
_AGE_NOW_AFTER = re.compile(
    r", (?:now )?\d{1,3},(?![^.\n]*\b(?:died|dies|death|killed|passed away|funeral)\b)"
)


# Where an institution is, written before its name: "In Warsaw, the", "Budapest, where
# the".
_IN_A_PLACE_BEFORE = re.compile(r"^, (?:where )?(?:the )?$")
_IN_BEFORE = re.compile(r"(?:^|[.;:!?]\s+|\n)In $")


def _place_it_is_in(story: _Story, start: int) -> Profile | None:
    """The profile of the place of ours the sentence says the name at ``start`` is in:
    "In Warsaw, the Finance Ministry", "to Budapest, where the Finance Ministry"; or
    None."""
    text, ends = story.text, dict(story.spans)
    for at, key in story.chosen.items():
        place = story.profiles.get(key)
        if place is None or place.kind != "place" or not start - 60 <= at < start:
            continue
        between = text[ends[at] : start]
        if _IN_A_PLACE_BEFORE.match(between) and (
            "where" in between or _IN_BEFORE.search(text, max(0, at - 8), at)
        ):
            return place
    return None


_IN_AFTER = re.compile(r" in (?=[A-Z])")


def _countries_of_the_place_after(story: _Story, end: int) -> frozenset[str]:
    """The countries of the places of ours named right after "in" after ``end``, when
    every place of that name lies in the same ones; else none."""
    after = _IN_AFTER.match(story.text, end)
    return _countries_of_the_place_at(story, after.end()) if after else frozenset()


def _countries_of_the_owner_before(story: _Story, start: int) -> frozenset[str]:
    """The countries of the place of ours whose possessive stands right before ``start``
    ("Hanoi’s Ministry of Culture" is Vietnam's), as ``_countries_of_the_place_at``."""
    at = bisect.bisect_left(story.spans, (start,)) - 1
    if at < 0 or not _OWNED_AFTER.fullmatch(story.text, story.spans[at][1], start):
        return frozenset()
    return _countries_of_the_place_at(story, story.spans[at][0])


# A possessive's ending and the space before what it owns ("Hanoi’s ", "the Philippines’ ").
_OWNED_AFTER = re.compile(r"['’]s? ")


def _countries_of_the_place_at(story: _Story, start: int) -> frozenset[str]:
    """The countries of the places of ours whose name starts at ``start``, when every
    place of that name lies in the same ones; else none."""
    keys = story.keys_at.get(start)
    if not keys or not all(
        key in story.profiles and story.profiles[key].kind == "place" for key in keys
    ):
        return frozenset()
    countries = {_countries_of(story.profiles[key]) for key in keys}
    return next(iter(countries)) if len(countries) == 1 else frozenset()


class _Hit:
    """A hit that names of several entities read as, while ``_choose`` tells them apart:
    what its steps read (the story, where the hit is, its folded words, what the
    gazetteer knows of each key) and what they narrow or learn on the way: the
    ``candidates`` left, the ``title`` before the name, the keys whose ``own`` name the
    word is and the ``region`` the dateline wrote."""

    def __init__(self, story: _Story, start, end, keys, low, high, pronoun):
        self.story, self.start, self.end, self.keys = story, start, end, keys
        self.low, self.high, self.pronoun = low, high, pronoun
        self.text, self.profiles, self.recent = story.text, story.profiles, story.recent
        self.learned, self.filed_from = story.learned, story.filed_from
        self.candidates = list(keys)
        self.folded = fold(self.text[start:end])
        self.known = {key: self.profiles[key] for key in keys if key in self.profiles}
        self.title = None
        self.own: list = []
        self.region = None

    def kinds(self) -> set:
        """The kinds of the candidates left."""
        return {self.known[key].kind for key in self.candidates if key in self.known}

    def keep(self, keep) -> set:
        """Narrows the candidates to those ``keep`` passes (all of them when none does, as
        ``_filter``), and gives the kinds left."""
        self.candidates = _filter(self.candidates, keep)
        return self.kinds()

    def gender_of(self, key):
        """The gender its description gives ``key``, or the one the story did."""
        return self.known[key].gender or self.learned.get(key)

    def of_gender(self, key, gender, persons_only=True):
        """Whether ``key`` may be of ``gender``."""
        # Only a person has a gender: a "Ms" before the name, or a "she" that refers to it
        # when no one else was named before it in its sentence, leaves out the places and
        # organisations of the name ("where Messina took her degree"; not "Allan said
        # she had flown from one Victoria to the other", where "she" may be Allan).
        if key not in self.known:
            return True
        if self.known[key].kind not in ("person", ""):
            return not persons_only
        return self.gender_of(key) in (gender, None)


# What a step of ``_choose`` returns when it leaves the choice to the next one.
_GO_ON = object()


def _choose(story: _Story, start, end, keys, low, high, pronoun):
    """The one key the hit at ``start:end`` names, or None when nothing decides.

    ``low:high`` is where its cues are read, ``pronoun`` the gender of the pronoun that
    refers back to the hit, if any (see ``resolve``).

    The steps (``_STEPS``) are tried in order: each narrows the candidates or decides
    (a key, or None for undecided), and the last always decides."""
    hit = _Hit(story, start, end, keys, low, high, pronoun)
    for step in _STEPS[:-1]:
        decided = step(hit)
        if decided is not _GO_ON:
            return decided
    return _STEPS[-1](hit)


def _the_words_as_written(hit: _Hit):
    """A name quoted on its own is the word, no one's; the whole name of one of
    them written on from the hit in another case is that one."""
    text, folded, known, start, end = hit.text, hit.folded, hit.known, hit.start, hit.end
    # A shared name quoted on its own is the name as a word ("the single word “Kaczyński”",
    # "“Castro” is a name in a schoolbook"), not one of the people who bear it.
    if _QUOTED.match(text[start - 1 : start] + text[end : end + 1]):
        return None
    # The whole name of one of them written on from it in another case: "Gavi, the
    # vaccine alliance" is "Gavi, the Vaccine Alliance" (writers lower-case the words of a
    # name that say what it is), not the footballer Gavi. Names match as written, so only
    # the hit's own words were found.
    spelled = [
        key
        for key in hit.candidates
        if key in known
        and len(known[key].name) > len(folded)
        and fold(text[start : start + len(known[key].name)]) == known[key].name
    ]
    if len(spelled) == 1:
        return spelled[0]
    return _GO_ON


def _at_the_dateline(hit: _Hit):
    """A dateline names a town, which the region after it may say; the region a
    dateline adds is a country, a state or a province."""
    text, profiles, folded, known, story = hit.text, hit.profiles, hit.folded, hit.known, hit.story
    start, end, filed_from = hit.start, hit.end, hit.filed_from
    # A dateline names a city: "NEW YORK (Newsroom) -" is the city, not the state; the
    # region after it says which city of the name.
    if opens_dateline(text, start, end):
        # A place, whatever its description calls it ("Industrial metropolitan city"),
        # before a club, a firm or a festival of its name: "ULSAN, Feb 26" is no football
        # club, "VENICE, Italy," no film festival held in Italy.
        hit.keep(lambda key: key in known and known[key].kind == "place")
        in_region = _dateline_region(text, end, hit.candidates, profiles, story.keys_at)
        if in_region is not None:
            return in_region
        hit.keep(lambda key: key in known and known[key].place_type == "city")
        if len(hit.candidates) == 1:
            return hit.candidates[0]
        # Of towns, the one whose own name the dateline writes: "TAKORADI" is Takoradi,
        # not the twin city Sekondi-Takoradi that has it as an alias.
        own_town = [
            key for key in hit.candidates if key in known and folded in known[key].primary_names
        ]
        if len(own_town) == 1:
            return own_town[0]
    # The region a dateline adds after its city is where the city lies as an address
    # gives it, a country, state or province: "Cork, Ireland," is the state, not the
    # island of the name.
    if filed_from is not None and _DATELINE_REGION_BEFORE.fullmatch(text, 0, start):
        # A town is no such region: an island is, when no state or country of the name is
        # ("ST. JOHN'S, Antigua," is the island, not the town in Guatemala).
        regions = _filter(
            hit.candidates,
            lambda key: (
                key in known and known[key].kind == "place" and known[key].place_type != "city"
            ),
        )
        hit.candidates = _filter(
            regions,
            lambda key: key in known and _kind_described(known[key]) not in _NATURAL_KINDS,
        )
    return _GO_ON


def _by_what_is_said_of_it(hit: _Hit):
    """What the words next to the name say of which one it is: "the late", "no
    relation to", the level of government, the sport the story reports."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    # "The late Ferdinand Marcos" is the one whose description gives his death.
    if len(hit.candidates) > 1 and _LATE_BEFORE.search(text, max(0, start - 40), start):
        dead = [
            key for key in hit.candidates if key in known and (known[key].dead or key in story.dead)
        ]
        # When no description gives a death, the eldest of a family is the one who died:
        # "President Marcos, the son of the late Ferdinand Marcos".
        eldest = None if dead else _by_age(hit.candidates, known, "elder", story)
        hit.candidates = dead or ([eldest] if eldest is not None else hit.candidates)
    # "Zuma, who is no relation to former President Jacob Zuma," is not Jacob Zuma; nor
    # is "Herrera, who shares a surname with Helenio Herrera," Helenio.
    # (Only a person has a brother: in "Senator Montecillo of Cebu, whose father is the
    # provincial governor" the father is the senator's, and says nothing of Cebu.)
    unrelated = _NO_RELATION_AFTER.match(text, end)
    if unrelated and len(hit.candidates) > 1 and "person" in hit.kinds():
        named = fold(unrelated.group(1))
        hit.keep(
            lambda key: (
                not (
                    key in known
                    and re.search(
                        rf"(?<!\w){re.escape(known[key].name)}(?![\w-]| (?:jr|sr|junior|senior)\b)",
                        named,
                    )
                )
            ),
        )
        # Nor the one the words describe: "Boateng, a former investment banker who shares
        # his name with a Hearts of Oak midfielder" is not the Hearts of Oak footballer.
        described = {
            _stem(word.group())
            for word in _CAPITALISED.finditer(_DESCRIPTION_ENDS.split(unrelated.group(1))[0])
            if _DESCRIBED_NOT_NAMED.match(unrelated.group(1))
        }
        hit.keep(lambda key: key in known and not (known[key].proper & described))
        # Or by the words of their trade: "is not related to the minister" is not the one
        # described as a minister.
        trade = _DESCRIBED_NOT_NAMED.match(unrelated.group(1)) and {
            _stem(word)
            for word in _words(_DESCRIPTION_ENDS.split(unrelated.group(1))[0])
            if word.islower() and word not in _STOPWORDS and word not in _NOT_A_TRADE
        }
        if trade:
            hit.keep(lambda key: key in known and not trade <= _trade_described(known[key]))
    # The level of government written before a body's name: "the federal NDP" is the
    # national party, not the provincial one; "the state ministry" the state's.
    level = _LEVEL_BEFORE.search(text, max(0, start - 12), start)
    if level and len(hit.candidates) > 1 and _all_of_kind(hit.candidates, known, "organization"):
        national = level.group(1).lower() in ("federal", "national")
        hit.keep(
            lambda key: bool(_SUBNATIONAL.search(known[key].description)) != national,
        )
    if all(key in known and _A_TEAM.search(known[key].description) for key in hit.candidates):
        hit.candidates = _teams_of_the_storys_sport(text, hit.candidates, known, (start, end))
    return _GO_ON


def _by_title_and_pronoun(hit: _Hit):
    """Step 1: a title, a spouse's tie, what the story called them before, a pronoun,
    an owner before the name and a region after it."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    pronoun = hit.pronoun
    # 1. A title's gender: "Ms Kim" is not the leader, "Mr Kim" not his sister.
    hit.title = _title_before(text, start)
    if hit.title in _FEMALE_TITLES or hit.title in _MALE_TITLES:
        gender = "female" if hit.title in _FEMALE_TITLES else "male"
        hit.keep(lambda key: hit.of_gender(key, gender))
    # "The first wife of Mugabe" is her husband: a spouse named by the other's tie.
    spouse = _SPOUSE_OF_BEFORE.search(text, max(0, start - 30), start)
    if spouse:
        gender = "male" if spouse.group(1) in ("wife", "widow") else "female"
        hit.keep(lambda key: hit.of_gender(key, gender))
    # The title the story called one of them by before, and the age it gave them.
    hit.candidates = _as_described(story, _described(text, start, end), hit.candidates)
    # What the word before the name says the person is: "Dr Szabó" is the immunologist,
    # not her brother the banker; "the curator Kos" the one described as a curator.
    if len(hit.candidates) > 1 and _all_of_kind(hit.candidates, known, "person"):
        fitting = [
            key
            for key in hit.candidates
            if _fits_the_word_before(text, start, hit.title, known[key])
        ]
        # Of several the title fits, a title held now is the living one's: "Prime Minister
        # Mitsotakis" is the son, not his father (1918–2017) who held the office before
        # him ("former Prime Minister" may be either).
        # The one who holds the office now: alive, and described as holding it since a
        # year or as being it ("prime minister of Greece since 2019", "who is Chief
        # Minister of Jharkhand"; not "president from 2001 to 2009": "President Bush
        # sent troops to expel Iraq" may be the father).
        living = [
            key
            for key in fitting
            if not known[key].dead and _HOLDS_SINCE.search(known[key].description)
        ]
        if (
            len(fitting) > 1
            and len(living) == 1
            # A title of office ("Prime Minister"), not a trade ("the actor Douglas"), in
            # a sentence of today (not "In 1994 President Aliyev..."), about namesakes
            # the story has not yet named ("Jomo Kenyatta died in 1978. Under President
            # Kenyatta...").
            and hit.title is not None
            and hit.title not in _FEMALE_TITLES | _MALE_TITLES | _BARE_TITLES
            and not _PAST_YEAR.search(text, *_sentence_bounds(text, start, end))
            and (
                not any(key in story.recent for key in fitting)
                # Named before, they are told apart by today's words: "President Aliyev
                # said on Tuesday" is the one in office.
                or _SAYS_AFTER.match(text, end)
                or _TODAY.search(text, *_sentence_bounds(text, start, end))
            )
            and not _FORMER_BEFORE.search(text, max(0, start - 40), start)
        ):
            hit.candidates = living
        elif (
            one := _the_one_the_title_fits(text, start, hit.title, fitting, hit.candidates, known)
        ) is not None:
            hit.candidates = [one]
    # The dead give no interviews: "“...put on a mask,” Farouk said" is not King Farouk
    # I (1920–1965), whatever his name's last mention; nor whatever a pronoun after the
    # words said is read to say ("Kierkegaard said one cut-out carried a line of verse in
    # his hand" is the curator, and "his" the writer's).
    if (
        _SAYS_AFTER.match(text, end)
        or _AGE_NOW_AFTER.match(text, end)
        or _ANSWERS_NOT_AFTER.match(text, end)
    ):
        # Nor are they given an age: "Castro, now 94, still appears at party events" is
        # the brother alive, not Fidel, whose death the story told.
        hit.keep(
            lambda key: key not in known or not (known[key].dead or key in story.dead),
        )
    # The pronoun that refers back to the name (see ``_pronoun_after``): "When Kim wants
    # to sound patient, he lets her sound angry."
    # (Not a name the words before make a place's: in "the city council of Braga
    # announced that a street would carry his name", "his" is someone else's.)
    if pronoun and not _PART_OF_A_PLACE_BEFORE.search(text, max(0, start - 20), start):
        first = not _someone_before(story, start)
        hit.keep(lambda key: hit.of_gender(key, pronoun, first))
    # The place that owns it, named before it: "India’s Punjab", "Italy’s Council of
    # State" are the ones whose descriptions name India and Italy.
    owner = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if owner:
        # (Its own name may be the one that names the owner: "Argentina’s Supreme Court"
        # is the Supreme Court of Argentina, not the court of the Argentine province of
        # Tucumán.)
        owned = re.compile(rf"(?<!\w){re.escape(fold(owner.group(1)))}(?!\w)")
        hit.keep(
            lambda key: (
                key in known
                and (
                    _names_all(known[key], owner.group(1))
                    or any(owned.search(name) for name in known[key].primary_names)
                )
            )
        )
        # Both name it: the one that lies in it, not the one beside it ("Pakistan’s
        # Punjab" is the "province of Pakistan", not the state "bordering Pakistan").
        hit.keep(lambda key: _lies_in(known[key], owner.group(1)))
    # A people's word right before it says whose it is, as an owner does: "the Spanish
    # Guadalajara", "the English Falmouth", "Finnish Lapland".
    people = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    country = people and _COUNTRY_OF_PEOPLE.get(people.group(1).lower())
    if country:
        hit.keep(
            lambda key: (
                key in known
                and (_names_all(known[key], country) or _names_country(known[key], country))
            )
        )
        # (The place that lies in it: "Finnish Lapland" is the "region of Finland", not
        # the province "bordering Norway and Finland"; a club of the name is kept for
        # what follows to decide, "Italian Milan midfielder Sandro Tonali".)
        hit.keep(lambda key: known[key].kind != "place" or _lies_in(known[key], country))
    # What is named after someone is not that one: "Dearborn, named after Henry Dearborn,
    # a general", "Belgrano, named after the independence leader Manuel Belgrano" are the
    # city and the club (the person the words after name; not "Washington, named after
    # the American president by his father, scored").
    after_whom = _NAMED_AFTER_SOMEONE.match(text, end)
    if after_whom:
        whom = fold(text[after_whom.end() : after_whom.end() + 60])
        hit.keep(
            lambda key: (
                key not in known
                or known[key].kind != "person"
                or not re.search(rf"\b{re.escape(hit.folded)}\b", whom)
            )
        )
    # The region a comma sets after a place: "Alexandria, Va." is the one whose
    # description names Virginia.
    regions = _region_after(story, end)
    if regions:
        hit.keep(
            lambda key: key in known and any(_names(known[key].description, r) for r in regions),
        )
    return _GO_ON


_NAMED_AFTER_SOMEONE = re.compile(
    r",? (?:which |that )?(?:(?:was|is|were|are|had been) )?(?:named (?:after|for)|called after)\b"
)


def _said_of_a_team(hit: _Hit, kinds: set) -> bool:
    """Whether the words around the name say a team: "São Paulo came from behind to
    beat Palmeiras", "lost to Santos", "signed for Porto"; of a place and a firm, only a
    team has a captain or is "who"."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    low, high = hit.low, hit.high
    return bool(
        _TEAM_AFTER.match(text, end)
        # "the England Test side", "his Zimbabwe ODI debut".
        or _A_GAMES_FORMAT_AFTER.match(text, end)
        or (
            _SIDE_AT_HOME_AFTER.match(text, end)
            and not _PLACE_BEFORE.search(text, max(0, start - 20), start)
        )
        or _TEAM_BEFORE.search(text, max(0, start - 30), start)
        or (
            "person" not in kinds
            and (
                _WINS_OVER_BEFORE.search(text, max(0, start - 20), start)
                or _SPORT_TRADE_AFTER.match(text, end)
            )
            and (
                _about_a_sport(story)
                or _game_beside(text, low, high)
                # (A city's club wins over; a country is beaten in a war or a court.)
                or (
                    not _SPORT_TRADE_AFTER.match(text, end)
                    and not any(
                        key in known and known[key].place_type == "country"
                        for key in hit.candidates
                    )
                )
            )
        )
        or (
            _PLAY_FOR_BEFORE.search(text, max(0, start - 12), start)
            and (
                _PHRASE_ENDS.match(text, end)
                or re.match(r" (?:are|were|have|since|until|this|last|next)\b", text[end:])
            )
        )
        or (
            _PLAYS_THE_AFTER.match(text, end)
            and not _PLACE_BEFORE.search(text, max(0, start - 20), start)
        )
        or (
            _TRAVELS_AFTER.match(text, end)
            and not _PLACE_BEFORE.search(text, max(0, start - 20), start)
            and not _PART_OF_A_PLACE_BEFORE.search(text, max(0, start - 20), start)
        )
        or (
            (
                _MATCH_AGAINST_BEFORE.search(text, max(0, start - 60), start)
                or (
                    _TO_FACE_AFTER.match(text, end)
                    and not _FROM_BEFORE.search(text, max(0, start - 6), start)
                )
            )
            and _about_a_sport(story)
        )
        or (
            _FANS_AND_SCOUTS_BEFORE.search(text, max(0, start - 30), start)
            and (_about_a_sport(story) or _game_beside(text, low, high))
        )
        or (
            _THEIR_GAMES_AFTER.match(text, end)
            and not _PLACE_BEFORE.search(text, max(0, start - 20), start)
        )
        or (
            "person" not in kinds
            and opens_sentence(text, start)
            and (
                (_THEIR_PLAYERS_AFTER.match(text, end) and _about_a_sport(story))
                # Anything "their" own, beside a game's word or a result: "Limerick booked
                # their place in the Munster final on Sunday with a 2-27 to 1-20 win" (a
                # town's is "its").
                or (
                    _THEIR_OWN_AFTER.match(text, end)
                    and not text[start:end].endswith("s")
                    and (_game_beside(text, low, high) or _A_RESULT.search(text, start, high))
                )
            )
        )
        or (
            "person" not in kinds
            and (
                (
                    _SQUAD_AFTER.match(text, end)
                    # (", who" after "from" or "in" is the person from there: "a
                    # Democrat from Memphis, who read out the names"; after a town's
                    # region too: "a distributor in Atlanta, Georgia, who".)
                    and not (
                        text.startswith(", who", end)
                        and (
                            _PLACE_BEFORE.search(text, max(0, start - 20), start)
                            or _ADDRESS_BEFORE.search(text, max(0, start - 30), start)
                        )
                    )
                )
                or _squad_of_a_pair(text, end, _about_a_sport(story))
                or _FANS_AFTER.match(text, end)
                or (
                    _TEAM_AFTER_PLACE.match(text, end)
                    and not _HELD_BY_BEFORE.search(text, max(0, start - 8), start)
                )
            )
        )
        # "the Sturm coach" is the club's, whoever else is named Sturm: a person's
        # name takes no "the".
        or (
            _THE_BEFORE.search(text, max(0, start - 4), start)
            and _SQUAD_AFTER.match(text, end)
            and not text.startswith(", who", end)
        )
        # In a report of a game, what is said of one side to another ("two heavy defeats
        # to India", "an outright win over South Australia", "lost 104-99 at Detroit",
        # "The Saints play at Carolina", "joined from Vojvodina").
        or (
            (
                _SIDE_BEFORE.search(text, max(0, start - 30), start)
                or _OTHER_SIDE_BEFORE.search(text, max(0, start - 40), start)
            )
            and (_about_a_sport(story) or _game_beside(text, low, high))
            # (Not a city's bid or its people: "Detroit could lose to Nashville in the race
            # for the plant", "the loss to Miami of its hub", "win over Detroit voters".)
            and not _NO_SIDE_AFTER.match(text, end)
        )
        # A name not in the plural that takes a plural verb is a team's, said as its
        # players: "Houston are a game ahead" (no person is "are"; a family is "the
        # Whitcombs").
        or (
            _PLURAL_VERB_AFTER.match(text, end)
            and ("person" not in kinds or opens_sentence(text, start))
            and (
                opens_sentence(text, start)
                # (After a clause's opener, in a report of a game: "where Sri Lanka
                # are preparing"; not "after Sri Lanka were able to restructure".)
                or (
                    _CLAUSE_OPENS_BEFORE.search(text, max(0, start - 10), start)
                    and _about_a_sport(story)
                )
            )
            and not text[start:end].endswith("s")
        )
    )


def _said_of_a_place(hit: _Hit, kinds: set) -> bool:
    """Whether the words around the name say a place: a preposition just before ("a
    visit to Jordan"), a part of a place, a city's offices, a feature ("the Taunus hills")."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    return bool(
        (
            _PLACE_BEFORE.search(text, max(0, start - 16), start)
            # What a thing takes its name from may be anyone: "It takes its name from
            # Lázaro Cárdenas, the president who..."
            and not _NAMESAKE_BEFORE.search(text, max(0, start - 24), start)
            # In a report of a game, "to" after a side's word is the other side's:
            # "the qualifier away to Chile", "a defeat to Ghana".
            and not (_SIDE_BEFORE.search(text, max(0, start - 30), start) and _about_a_sport(story))
        )
        or (
            _PART_OF_A_PLACE_BEFORE.search(text, max(0, start - 20), start)
            and not _POSSESSIVE_AFTER.match(text, end)
        )
        or _OFFICER_OF_BEFORE.search(text, max(0, start - 50), start)
        or _FLIGHTS_LANDED_BEFORE.search(text, max(0, start - 60), start)
        or ("person" not in kinds and _HOSTS_AFTER.match(text, end))
        # A city's offices after its name: "Tbilisi mayor Kakha Kaladze", not the club's.
        or (
            "person" not in kinds
            and _CITY_AFTER.match(text, end)
            # A party has mayors: "a Morena mayor", "Reform mayor Andrea Jenkyns".
            and not _INDEFINITE_BEFORE.search(text, max(0, start - 4), start)
            and not any(
                key in known
                and known[key].kind == "organization"
                and re.search(r"\bpart(?:y|ies)\b", known[key].description)
                for key in hit.candidates
            )
        )
        or _NATIONAL_AFTER.match(text, end)
        # A state's bodies after its possessive: "France’s highest administrative court",
        # "Ghana's central bank" (not a person's: "Kim's government"; nor what a club has
        # too, a president, an ambassador, elections).
        or ("person" not in kinds and _A_STATES_BODY_AFTER.match(text, end))
        # The country a club is champion of, not its national side: "ten times champion
        # of France".
        or _CHAMPION_OF_BEFORE.search(text, max(0, start - 16), start)
        or _FEATURE_AFTER.match(text, end)
        # What only a river does: "the Corrib had burst its banks" (no savings bank's).
        or _A_RIVER_DOES_AFTER.match(text, end)
        # (Not in a report of games, where the names listed are sides: "wins in
        # Calgary and Edmonton".)
        or (_listed_after_a_word_of_place(text, start) and not _about_a_sport(story))
    )


# A phrase set after a name by a comma, with the noun at its head: ", Hungary’s largest
# drugmaker,", ", a port city on the Red Sea".
_KIND_SET_BESIDE_AFTER = re.compile(
    r", (?:a|an|the|[A-Z][\w’'.-]*['’]s) (?:[\w’'-]+ ){0,3}?([a-z]+)"
    r"(?=[,.;:!?)]| (?:that|which|whose|of|in|from|based|with|for|on|at|and|near)\b)"
)
_FIRM_HEADS = _wordset(
    """company firm maker drugmaker carmaker automaker chipmaker steelmaker brewer bank
    lender insurer airline retailer conglomerate operator club team party union federation
    association agency ministry university college hospital museum festival league
    broadcaster newspaper utility cooperative"""
)
_PLACE_HEADS = _wordset(
    """city town village capital province region state district county country island
    river lake port municipality department prefecture suburb neighbourhood borough
    valley"""
)


def _kinds_the_words_beside_allow(hit: _Hit):
    """Step 2: the kinds of entity (person, place, organisation) that the words beside
    the name allow: a firm is founded or listed, a likeness is of a person, a birthplace
    is a place."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    keys = hit.keys
    kinds = hit.kinds()
    # A firm or a place is founded, set up or based somewhere; a person is not: "Richter,
    # founded in 1901 by the pharmacist Gedeon Richter," is the company, not its founder,
    # and so is "who founded Honda" and a name that says "it" will act; and only a firm
    # is privately held, state-owned or listed.
    if len(kinds) > 1 and (
        _FOUNDED_AFTER.match(text, end)
        or _FOUNDED_BEFORE.search(text, max(0, start - 20), start)
        or ("organization" in kinds and hit.title is None and _SAID_IT_WOULD_AFTER.match(text, end))
    ):
        kinds = hit.keep(lambda key: key not in known or known[key].kind != "person")
    if len(kinds) > 1 and (
        _FIRM_BEFORE.search(text, max(0, start - 30), start)
        or (
            _SHARES_IN_BEFORE.search(text, max(0, start - 12), start)
            and not _POSSESSIVE_AFTER.match(text, end)
        )
    ):
        kinds = hit.keep(lambda key: key not in known or known[key].kind == "organization")
    # What a phrase set beside it after a comma calls it: "Gedeon Richter, Hungary’s
    # largest drugmaker," is the firm, not its founder; "Kasai, a province of the Congo,"
    # the place, not the river's club.
    set_beside = _KIND_SET_BESIDE_AFTER.match(text, end)
    if len(kinds) > 1 and set_beside:
        head = set_beside.group(1)
        kind = "organization" if head in _FIRM_HEADS else "place" if head in _PLACE_HEADS else None
        if kind in kinds:
            kinds = hit.keep(lambda key: key in known and known[key].kind == kind)
    # A statue, a portrait or a tomb is of a person: "a statue of Bolívar stands in Plaza
    # Bolívar", "the grave of Olav Haraldsson" (not the state or the club of the name).
    if (
        len(kinds) > 1
        and "person" in kinds
        and _LIKENESS_OF_BEFORE.search(text, max(0, start - 30), start)
    ):
        kinds = hit.keep(lambda key: key in known and known[key].kind == "person")
    # Only a place is where someone was born or something is based: "the Madrid-born
    # player", "a Pune-based drugmaker" (not the club or the firm of its name).
    if len(kinds) > 1 and "place" in kinds and _BORN_IN_AFTER.match(text, end):
        kinds = hit.keep(lambda key: key in known and known[key].kind == "place")
    # "the" and the name alone ("call the building simply the Janáček, and") is no
    # person: a person's name takes no "the".
    if (
        "person" in kinds
        and len(kinds) > 1
        and _the_name_alone(text, start, end, keys, story.keys_at)
    ):
        kinds = hit.keep(lambda key: key in known and known[key].kind != "person")
    # Someone of a university's people "at" the name is at the university: "a doctoral
    # student at Oxford", "Researchers at Curtin" (not the city, nor the prime minister
    # the university is named after).
    if len(kinds) > 1 and _ACADEMIC_AT_BEFORE.search(text, max(0, start - 30), start):
        hit.keep(
            lambda key: (
                key in known
                and known[key].kind == "organization"
                and _UNIVERSITY.search(known[key].description)
            ),
        )
    return _GO_ON


def _a_persons_country_or_a_towns_region(hit: _Hit):
    """Step 2, on: a country written after a person's name, a region after a town's."""
    text, known, start = hit.text, hit.known, hit.start
    kinds = hit.kinds()
    # "beating Matteo Ricci of Italy", "Senne Verhaegen of Belgium won": a person's
    # country, not the national side, whatever game the sentence reports.
    if len(kinds) > 1 and _persons_country_before(text, start):
        countries = [key for key in hit.candidates if known[key].place_type == "country"]
        if len(countries) == 1:
            hit.candidates = countries
    # A town's address names its state or country after a comma, not the team or the
    # firm of that name: "grew up in Columbus, Indiana".
    if _ADDRESS_BEFORE.search(text, max(0, start - 30), start):
        regions = [
            key
            for key in hit.candidates
            if known[key].kind == "place" and known[key].place_type != "city"
        ]
        towns = [key for key in hit.candidates if known[key].place_type == "city"]
        if (
            len(regions) == 1
            and not towns
            and any(known[key].kind != "place" for key in hit.candidates)
        ):
            return regions[0]
    return _GO_ON


def _a_team_a_place_or_a_person(hit: _Hit):
    """Step 2, on: what only a team does, then what only a place is, then what only a
    person does, said of the name."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    kinds = hit.kinds()
    # "Jordan, 62," and "Jordan told reporters" are a person; "a visit to Jordan" a place.
    if len(kinds) > 1:
        if _said_of_a_team(hit, kinds):
            hit.keep(lambda key: key not in known or known[key].kind == "organization")
            # The player's place says the sport: "an Ireland prop" is the rugby team, not
            # the football one.
            sport = _sport_of_the_squad_word(text, end)
            if sport == "football" and _OTHER_GOAL_GAMES.search(
                text, *_sentence_bounds(text, start, end)
            ):
                sport = None
            if sport:
                hit.keep(
                    lambda key: (
                        key in known
                        and bool(_SPORT_NAMES[sport] & set(_words(known[key].description.lower())))
                    ),
                )
        # A preposition just before weighs more than a verb after: in "officials in
        # Washington said", the officials speak. Only a nation has a national team, and
        # only a place hills or a river ("the Taunus hills", not Taunus Bank).
        elif _said_of_a_place(hit, kinds):
            hit.keep(lambda key: key not in known or known[key].kind == "place")
        elif _PERSON_AFTER.match(text, end) or hit.title or _beside_a_person(story, start, end):
            hit.keep(lambda key: key not in known or known[key].kind == "person")
    # A club and the firm whose name it carries: what only a team does is the club's
    # ("Efes won 91-70 at home against Türk Telekom"), in a story of a game or a sentence
    # with a game's result only (a firm beats forecasts too).
    elif (
        kinds == {"organization"}
        and _said_of_a_team(hit, kinds)
        and (
            _about_a_sport(story)
            or _game_beside(text, hit.low, hit.high)
            or _A_RESULT.search(text, *_sentence_bounds(text, start, end))
        )
    ):
        hit.keep(lambda key: key in known and bool(_A_TEAM.search(known[key].description)))
    return _GO_ON


def _by_list_sport_and_office(hit: _Hit):
    """Step 2, on: the sort of the names listed with it, the story's sport, a
    state's or a city's offices."""
    text, recent, known, story, start = hit.text, hit.recent, hit.known, hit.story, hit.start
    end = hit.end
    # A name listed with names of one sort is of that sort: "behind Celtic, Rangers and
    # Aberdeen" is the club, "Mali, Niger and Burkina Faso" the country, not the river.
    if len({_sort_of(known[key]) for key in hit.candidates if key in known}) > 1:
        sort = _listed_with(story, start, end)
        listed = [key for key in hit.candidates if key in known and _sort_of(known[key]) == sort]
        if listed:
            hit.candidates = listed
    # Clubs of one name in different sports ("FK Partizan", football; "KK Partizan",
    # basketball): the one whose sport its sentence names ("the two clubs' basketball
    # teams meet on Thursday, where Partizan host..."), else the one whose sport the
    # story is about ("the pitch", "equalised").
    sport = _sport_of_the_sentence(text, start, end, hit.candidates, known)
    if sport is not None:
        return sport
    # (Not once the story has named one of them in full: "FK Partizan fans also follow
    # basketball ... Partizan won 2-0" keeps to the club named.)
    if len(hit.candidates) > 1 and not any(key in recent for key in hit.candidates):
        played = _sport_of_story(story, hit.candidates, known)
        if played is not None:
            hit.candidates = [played]
    # A state's offices and a city's: "New York Governor Kathy Hochul" is the state,
    # "the Mayor of New York" the city.
    if sum(known[key].kind == "place" for key in hit.candidates if key in known) > 1:
        capital = [
            key
            for key in hit.candidates
            if key in known and _FEDERAL_CAPITAL.search(known[key].description)
        ]
        federal = capital and (
            _FEDERAL_NEAR.search(text, max(0, start - 40), start)
            or _SANCTIONS.search(text, _sentence_bounds(text, start, end)[0], start)
        )
        if (
            _STATE_AFTER.match(text, end)
            or _STATE_BEFORE.search(text, max(0, start - 14), start)
            or (_governor_speaks(text, start, end) and not federal)
        ):
            hit.keep(lambda key: key in known and known[key].place_type == "state")
        # A federation's government is read by its capital's name, after federal words
        # right before it or US sanctions earlier in its sentence ("federal officials in
        # Washington", "US sanctions ... since Washington tightened"), not its state's,
        # whoever else speaks there ("Governor Marsh said federal cuts would cost
        # Washington" is the state).
        elif federal:
            hit.candidates = capital
        elif _CITY_AFTER.match(text, end) or _CITY_BEFORE.search(text, max(0, start - 10), start):
            hit.keep(lambda key: key in known and known[key].place_type == "city")
        # A government or a minister is a country's, a state's or a person's, not a
        # city's: "the government of Dubai" is the emirate, "Victoria’s trade minister"
        # the state.
        elif _GOVERNED_AFTER.match(text, end) or _GOVERNED_BEFORE.search(
            text, max(0, start - 14), start
        ):
            hit.keep(lambda key: key not in known or known[key].place_type != "city")
    return _GO_ON


def _by_the_words_written_with_it(hit: _Hit):
    """Step 2, on: the rest of a longer name, a people's word, a firm's words, a
    direction, the kind of place written, a seat, an age, "a" before a name, a family."""
    text, recent, folded, known, story = hit.text, hit.recent, hit.folded, hit.known, hit.story
    start, end, keys = hit.start, hit.end, hit.keys
    # A name written with the next word of one entity's longer name is that entity, the
    # rest of its name in lower case or said otherwise: "the Cernavodă nuclear plant"
    # (the Cernavodă Nuclear Power Plant, not the town), "gates at Faro airport".
    completed = _completed_by_next_word(text, end, folded, hit.candidates, known)
    if completed is not None:
        return completed
    # A people's word set beside a place says whose: "Tripoli, the Libyan capital", "the
    # Venezuelan city, Valencia", "Córdoba, the Argentine city".
    nation = _country_set_beside(text, start, end, hit.candidates, known)
    if nation is not None:
        return nation
    # A firm's plant, shares or managers after the name, or its workers before it: "the
    # Kia car plant", "Lotte head office", "Markham shareholders", "a strike at Ford" are
    # the firm's, not the club's, the river's, the town's or the senator's of its name.
    firm = _firm_by_the_words_beside(text, start, end, hit.candidates, known)
    if firm is not None:
        return firm
    # A direction before a name says an area: "southern Quebec", "northern Virginia",
    # "eastern Washington" are the province and the states, not the cities of the name.
    if _all_of_kind(hit.candidates, known, "place") and _DIRECTION_BEFORE.search(
        text, max(0, start - 16), start
    ):
        areas = [key for key in hit.candidates if known[key].place_type in ("state", "country")]
        if len(areas) == 1 and any(known[key].place_type == "city" for key in hit.candidates):
            return areas[0]
    # The kind of place the story writes with the name: "the department of Colonia" is
    # not the city of the name, "Biobío province" neither a region nor a river.
    hit.candidates = _of_the_kind_written(text, start, end, hit.candidates, known)
    if not hit.candidates:
        return None
    # A member of a parliament "for" or "from" a place sits for its constituency or its
    # region, not the town of the name: "the MP for Rotorua", "the SDLP MP for Foyle", "a
    # member of parliament from Basra" (the governorate).
    if _all_of_kind(hit.candidates, known, "place") and _REPRESENTS_BEFORE.search(
        text, max(0, start - 40), start
    ):
        represented = [key for key in hit.candidates if _ELECTORAL.search(known[key].description)]
        if not represented:
            represented = [key for key in hit.candidates if _kind_described(known[key]) in _REGIONS]
        if len(represented) == 1:
            hit.candidates = represented
    # "the elder Déby" is the father of the Déby in the same family, "the younger
    # Trudeau" the son, as the descriptions tie them; when they do not, the writer has
    # told us there are several, and any other guess would be one. The writer compares
    # the people of the name the story has named, when it has named two or more: a
    # namesake it never mentions is no part of the comparison.
    age = _AGE_BEFORE.search(text, max(0, start - 10), start) or (
        _all_of_kind(hit.candidates, known, "person") and _SENIOR_OR_JUNIOR_AFTER.match(text, end)
    )
    if age and len(hit.candidates) > 1:
        # Among all the people of the name the story has named, before the clues above
        # left some out: "The younger Petrauskas, 22," compares the father and the son
        # the story named, though the age already tells the son from his father.
        named = [key for key in keys if key in recent and key in known]
        if len(named) > 1:
            elder_or_younger = _by_age(named, known, age.group(1).lower(), story)
            # One a clue above left out (the late Kirk Douglas, who says nothing): the
            # rest of them are compared.
            if elder_or_younger is None or elder_or_younger in hit.candidates:
                return elder_or_younger
        return _by_age(hit.candidates, known, age.group(1).lower(), story)
    if len(hit.candidates) == 1:
        return hit.candidates[0]
    # After "a" or "an", a name several people share points to none of them: "under a
    # Sharif government", "a Kennedy". Only the clues above (a title, a pronoun, the kind
    # of thing named) could have told which.
    if _INDEFINITE_BEFORE.search(text, max(0, start - 4), start) and _all_of_kind(
        hit.candidates, known, "person"
    ):
        return None
    # A given name alone is how a story tells apart the people of a family it writes
    # about: "Aino" is the Aino whose description ties her to someone the story named
    # ("wife of the composer Jean Sibelius"), not the soprano Aino Ackté.
    family = _of_a_family_named(story, folded, hit.candidates, known)
    if family is not None:
        return family
    # (Again, once the words around have left only teams: "Nigeria beat Ghana 2-0 in a
    # friendly" is no country, and of the two teams the men's.)
    if all(key in known and _A_TEAM.search(known[key].description) for key in hit.candidates):
        hit.candidates = _teams_of_the_storys_sport(text, hit.candidates, known, (start, end))
        if len(hit.candidates) == 1:
            return hit.candidates[0]
    return _GO_ON


def _described_beside(text: str, start: int, end: int, high: int) -> list[tuple[int, int]]:
    """Where words that describe the name at ``start:end`` stand: "the" and up to four
    lower-case words before it ("the prosecutor Kazlauskas"), the same set before it
    with a comma ("The regional president, Amato,"), and an apposition after it up to
    the comma or the stop that closes it ("Deng, the minister, said")."""
    spans = []
    before = _DESCRIBED_BEFORE.search(text, max(0, start - 60), start)
    if before:
        spans.append((before.start(1), start))
    else:
        set_before = _DESCRIBED_SET_BEFORE.search(text, max(0, start - 60), start)
        # (Opening its sentence, or closed by a comma after the name: not a list, "the
        # two ministers, Amato and Ruiz".)
        if set_before and (opens_sentence(text, set_before.start()) or text.startswith(", ", end)):
            spans.append((set_before.start(1), set_before.end(1)))
    after = _apposition_after(text, end, high)
    if after is not None:
        spans.append(after)
    return spans


def _apposition_after(text: str, end: int, high: int) -> tuple[int, int] | None:
    """Where the words set beside a name after it stand (", the state lender,"), up to
    the comma or the stop that closes them, or None: the rest of the sentence may be
    about anything ("owned by Orca, the state lender, which funds the club": "club" is
    no word about Orca)."""
    beside = _DESCRIBED_AFTER.match(text, end)
    if not beside:
        return None
    closing = _APPOSITION_CLOSES.search(text, beside.end(), high)
    close_at = closing.start() if closing else high
    # What follows a relative's word describes the relative: "Khoo, the son of the
    # group's founder Khoo Siew Lan," is no founder.
    kin = _KIN_OF.search(text, beside.end(), close_at)
    return end, kin.start() if kin else close_at


_KIN_OF = re.compile(rf"\b(?:{'|'.join(_FEMALE_KIN | _MALE_KIN | {'cousin'})})s?(?:-in-law)? of\b")
# "The" and a description set before a name with a comma: "The regional president,
# Amato, said", "The combine’s chief, Karimov,", "the trapped miner, Condori, had".
_DESCRIBED_SET_BEFORE = re.compile(r"\b[Tt]he ((?:[\w’'-]+ ){0,3}[a-z][\w’'-]*), $")


def _named_in_this_paragraph(hit: _Hit):
    """Step 3: the only one of them the paragraph has named."""
    text, profiles, recent, folded = hit.text, hit.profiles, hit.recent, hit.folded
    known, story, start, end = hit.known, hit.story, hit.start, hit.end
    # 3. The only one of them named so far in this paragraph: "Mrs Clinton, a former
    # secretary of state, called... Clinton urged Congress". A paragraph keeps to the
    # people it has named; a new one is introduced by a longer form. (Not for a full
    # name that twins share, nor for places: "Washington Governor... officials in
    # Washington" are two.)
    # The same holds for the story when the paragraph has named none of them: a bare
    # surname is the one person of it the story has introduced ("Climate Minister Alana
    # Cook... \nCook flies next week to Rarotonga", not the navigator James Cook), unless
    # words set beside it describe it (", a former navigator"): those are read below.
    # Words of a description set before the name with "the", as a title ("the former
    # deputy mayor Kazlauskas", "the prosecutor Kazlauskas"), say which one it is as
    # words set beside it do, before the paragraph's last one: a story names a second
    # person of the name that way.
    # So do words set beside it between commas, however recently another of the name
    # was named: "former NBA player Luol Deng ... Deng, the minister, said", "The
    # regional president, Amato, said".
    if _all_of_kind(hit.candidates, known, "person"):
        for low, high in _described_beside(text, start, end, hit.high):
            described = _local_choice(
                text, start, end, hit.candidates, profiles, low, high, story.spans
            )
            if len(described) == 1:
                return described[0]
    named_here = _named_in_paragraph(story, start, hit.candidates)
    if not named_here and not _APPOSITION_AFTER.match(text, end):
        named_here = [key for key in hit.candidates if key in recent]
    if (
        len(named_here) == 1
        and _all_of_kind(hit.candidates, known, "person")
        and sum(folded in known[key].primary_names for key in hit.candidates) < 2
    ):
        return named_here[0]
    # Organisations of one name: the only one of them the story has named so far ("Orca
    # Group offered to buy... Orca said" is not Orca Retail, which it never names), as
    # for a person: a firm, too, comes into a story by its longer name. When the story has
    # named two, not the one its paragraph named last: a paragraph does not keep to firms
    # as it does to people ("Orca Retail fell. Orca Group, whose shares..., rose. Orca
    # said" may be either). Words set beside the name are read below.
    if _all_of_kind(hit.candidates, known, "organization") and not _APPOSITION_AFTER.match(
        text, end
    ):
        # But a place written right beside the name says which first: "Al Hilal of
        # Omdurman" after the Saudi club was named, "South Korea’s Ministry of Culture"
        # after Vietnam's.
        owner = _owner_beside(text, start, end, hit.candidates, known)
        if owner is not None:
            return owner
        # What "the" and a common word before the name call it, when that word is what
        # the description of one of them alone opens by calling it: "the carmaker
        # Hyundai" ("South Korean carmaker based in Seoul") after HD Hyundai, the
        # shipbuilder. (Not a word further on: "the federal Treasury" is no cue for
        # "Executive department of the US federal government".)
        called = _CALLED_BEFORE.search(text, max(0, start - 30), start)
        if called:
            word = _stem(called.group(1))
            said = [
                key
                for key in hit.candidates
                if word in {_stem(w) for w in _words(known[key].description)[:3]}
            ]
            if len(said) == 1:
                return said[0]
        named = [key for key in hit.candidates if key in recent]
        if len(named) == 1:
            return named[0]
    # An organisation named after a place ("Taunus Bank", "C.F. Monterrey"), when the
    # story named it so after its last word of the place: "gives Taunus its first
    # branches" is the bank the story is about, not the hills. Words set beside the name
    # describe it, as they do a person (", the coastal range"): those are read below.
    # What only a city has after the name says it is the city all the same ("FC Porto
    # ... Porto’s main shopping street"), as words that say where before it do ("trains
    # between Montpellier and Nîmes" after Montpellier HSC).
    named_after = None
    if (
        not _APPOSITION_AFTER.match(text, end)
        and not _CIVIC_AFTER.match(text, end)
        and not (
            _WHERE_BEFORE.search(text, max(0, start - 40), start)
            and not _SIDES_BETWEEN.search(text, max(0, start - 60), start)
        )
    ):
        named_after = _organisation_named_last(story, folded, hit.candidates, known)
    if named_after is not None:
        return named_after
    return _GO_ON


def _by_description_words_near(hit: _Hit):
    """Step 4: the words of their descriptions near the name."""
    text, profiles, folded, known, story = hit.text, hit.profiles, hit.folded, hit.known, hit.story
    start, end, low, high, filed_from = hit.start, hit.end, hit.low, hit.high, hit.filed_from
    # 4. The description's words near the name: "Kim, who inherited power after his
    # father’s death in 2011"; "Maria Santos, a marine biologist". Words set beside it
    # first (``_apposition_after``): they describe the name.
    beside = _apposition_after(text, end, high)
    if beside is not None:
        described = _local_choice(text, start, end, hit.candidates, profiles, *beside, story.spans)
        if len(described) == 1:
            return described[0]
    # "The other Newcastle" in a story filed from one of two places of the name is the
    # one it was not filed from ("we are not going to become the other Newcastle"),
    # whatever words of the story's own place's description stand near ("travellers who
    # meant to fly to the other Perth" landed on the Tay); not when the story's own place
    # calls itself so ("we're the other Paris", "we were the other Portland", "tired of
    # being called the other Boston").
    if (
        filed_from in hit.candidates
        and _THE_OTHER_BEFORE.search(text, max(0, start - 30), start)
        and not _NOT_THE_OTHER_PLACE_AFTER.match(text, end)
    ):
        others = [key for key in hit.candidates if key != filed_from]
        if len(others) == 1 and _all_of_kind(hit.candidates, known, "place"):
            return others[0]
    # A generic institution's name ("the Constitutional Court", "the Ministry of Health")
    # is the one of the country the story names, before any common word near it ("take
    # the matter to the Constitutional Court" is no cue for the court "on constitutional
    # matters" of another country).
    institution = _institution_of_the_country_named(hit)
    if institution is not None:
        return institution
    # A country named as a side in a game its sentence tells of is the side, whatever
    # the dateline's region or the words of descriptions near it ("Argentina next play
    # Uruguay in Montevideo", filed from Mendoza).
    hit.own = [key for key in hit.candidates if key in known and folded in known[key].primary_names]
    if len(hit.own) == 1:
        side = _side_named(story, start, end, hit.own[0], hit.candidates)
        if side is not None:
            return None if side is _NONE_OF_THEM else side
    # The region a dateline writes after its town, in the dateline itself, is the place
    # of that name, whatever the words after it recall: "AMMAN, Jordan," is the country,
    # not the river. (Further on, below, after what decides more nearly.)
    hit.region = _region_of_the_dateline(text, folded, hit.candidates, known, filed_from)
    if hit.region is not None and "\n" not in text[:start] and _dateline_before(text, start):
        return hit.region
    # A distance is measured from a town, not from the region or the country of its name:
    # "80 kilometres north of Lima", "35 km south-west of Buenos Aires", "an hour's drive
    # from Nakuru", "just north-west of Sao Paulo".
    if _DISTANCE_FROM.search(text, max(0, start - 40), start) and _all_of_kind(
        hit.candidates, known, "place"
    ):
        towns = [key for key in hit.candidates if known[key].place_type == "city"]
        if len(towns) == 1 and len(hit.candidates) > 1:
            return towns[0]
    # A town and the region named after it: one travels to the town, and an area is the
    # region's ("Boca travel to Mendoza", "farmers across Gulu").
    point_or_area = _point_or_area(text, start, end, hit.candidates, known)
    if len(point_or_area) == 1:
        return point_or_area[0]
    if point_or_area:
        hit.candidates = point_or_area
    # One of places of the name the story writes elsewhere with its region: the bare
    # name is the other, whatever words of their descriptions stand near it.
    other = _the_twin_not_qualified(story, start, end, hit.folded, hit.candidates)
    if other is not None:
        return other
    # "The" and a bare name is no town's: "the quays of the Rhône", "the bridges over the
    # Meuse", "where the Waipā joins the Waikato" are the river, not the department, the
    # district or the dam of its name (not a country's: "the Gambia"; nor a name a word
    # of its kind or any other follows, "the Rhône prefecture").
    river = _the_river(text, start, end, hit.candidates, known)
    if river is not None:
        return river
    # And a bare name with no "the" is no river's (``_no_river_without_the``), whatever
    # words of the river's description stand near it: "the maritime border with Senegal"
    # is the country, not the river that forms its border.
    dry, hit.candidates = _no_river_without_the(text, start, end, folded, hit.candidates, known)
    if dry is not None:
        return dry
    hit.candidates = _local_choice(
        text, start, end, hit.candidates, profiles, low, high, story.spans
    )
    if len(hit.candidates) == 1:
        return hit.candidates[0]
    return _GO_ON


def _institution_of_the_country_named(hit: _Hit):
    """Of institutions of one name in several countries ("the Constitutional Court", "the
    Ministry of Health", "the Liberal Party"), the one of the country the words near the
    name or the story name, or None."""
    text, known, story, start, end = hit.text, hit.known, hit.story, hit.start, hit.end
    folded = hit.folded
    parties = _all_of_kind(hit.candidates, known, "organization") and _parties_of_countries(
        hit.candidates, known
    )
    if not (
        _all_of_kind(hit.candidates, known, "organization")
        and (
            parties
            or _generic_institution_name(folded)
            or _bodies_of_countries(hit.candidates, known)
        )
    ):
        return None
    # But a name beside it in its sentence says which: "the Supreme Court in
    # Washington", "the Constitutional Court in Harare"; for a party, a name anywhere
    # in it ("lives in the United States and has built ties with Republicans").
    low_s, high_s = _sentence_bounds(text, start, end)
    reach = max(start - low_s, high_s - end) if parties else 30
    before = text[max(low_s, start - reach) : start]
    after = text[end : min(high_s, end + reach)]
    # (Not a function word: "The" opening a sentence is no word of "The Hague".)
    near = {
        _stem(_possessor(word))
        for word in _CAPITALISED.findall(before + " " + after)
        if word.lower() not in _STOPWORDS
    }
    shared = frozenset.intersection(*(known[key].proper for key in hit.candidates))
    # A country named before it is its owner, by its own name or its people's word
    # either way: "Italy’s Ministry of Culture" is the "ministry of the Italian
    # government". (Not after it, where it is as often the other side: "The Foreign
    # Ministry summoned the Italian ambassador".)
    owners = {
        _country_stem(word)
        for word in map(_possessor, _CAPITALISED.findall(before))
        if word.lower() not in _STOPWORDS
    }
    # And a place of ours that the sentence says it is in, by the country its
    # description names: "In Warsaw, the Finance Ministry said" and "back to
    # Budapest, where the Finance Ministry" are Poland's and Hungary's. (Not a place
    # the sentence is about: "Drones hit Kyiv overnight, the Foreign Ministry said".)
    place = _place_it_is_in(story, start)
    if place is not None:
        owners |= _countries_of(place) or {_stem(word) for word in _words(place.name)}
    # Or a place of ours it sits in, right after it: "the High Court in Busia" is Kenya's
    # when every place of that name lies in Kenya.
    owners |= _countries_of_the_place_after(story, end)
    # Or one whose possessive owns it: "Hanoi’s Ministry of Culture" is Vietnam's.
    owners |= _countries_of_the_owner_before(story, start)
    # (The country in its own name counts: "Central Bank of Bolivia".)
    countries = {key: _countries_named_by(known[key]) for key in hit.candidates}
    shared_countries = frozenset.intersection(*countries.values())
    cued = [
        key
        for key in hit.candidates
        if (known[key].proper - shared) & near or (countries[key] - shared_countries) & owners
    ]
    # The people's word right before it says so first: "The Japanese Foreign
    # Ministry summoned the South Korean ambassador".
    owned = institutions_of_the_people_before(text, start, end, hit.candidates, known)
    if len(owned) == 1 or len(cued) == 1:
        return (owned if len(owned) == 1 else cued)[0]
    if parties or _generic_institution_name(folded):
        institution = _story_place(story, hit.candidates, folded) or _institution_country(
            story, hit.candidates, folded
        )
    else:
        # Of other bodies, only their countries: "Ministry of Health and Family
        # Welfare" in the Indian directorate's description is no cue in a story from
        # Bangladesh, whose ministry has that name too.
        institution = _institution_country(
            story,
            hit.candidates,
            folded,
            _countries_of_each(hit.candidates, known),
        )
    return institution


def _places_of_one_name(hit: _Hit):
    """Step 5: places or organisations of one name, by the story's names and its
    dateline."""
    text, folded, known, story, start = hit.text, hit.folded, hit.known, hit.story, hit.start
    end, filed_from = hit.end, hit.filed_from
    # 5. Places, or organisations, of one name: the one whose description holds names
    # the story uses ("Capital of Peru" in a story that names Peru).
    # A place of the very name the dateline wrote, its own name ("PALERMO, April 17 … A
    # court in Palermo"), is the place the story was filed from, whatever else of that
    # name the story's other names recall (a barrio of Buenos Aires); "CEBU CITY … Cebu"
    # may be the province, and "NEW YORK … New York passed a law" the state whose own
    # name it is, read below.
    if (
        filed_from in hit.candidates
        and _all_of_kind(hit.candidates, known, "place")
        and folded in known[filed_from].primary_names
        and _dateline_wrote(text, folded)
        and not _another_place_recalled(text, start, end, filed_from, hit.candidates, known)
        and not _AREA_BEFORE.search(text, max(0, start - 20), start)
    ):
        return filed_from
    # The region the dateline writes is that place further on too, before the places
    # the story names: "COLUMBIA, Missouri, ... Missouri Attorney General" is the state,
    # though the university's description names Columbia.
    if hit.region is not None:
        return hit.region
    # The federal capital, not the state of its name, where the federal government is
    # meant: "officials in Washington questioned", "the Supreme Court in Washington",
    # "under pressure from Washington" (not "Seattle, Washington", read above).
    federal = [
        key
        for key in hit.candidates
        if key in known and _FEDERAL_CAPITAL.search(known[key].description)
    ]
    if (
        len(federal) == 1
        and all(
            known[key].place_type == "state"
            for key in hit.candidates
            if key not in federal and key in known and known[key].kind == "place"
        )
        and _GOVERNMENT_IN_BEFORE.search(text, max(0, start - 40), start)
        and not _ANOTHER_NAME_AFTER.match(text, end)
        and not _THE_STATE_WORD.search(text, *_sentence_bounds(text, start, end))
    ):
        return federal[0]
    place = _story_place(story, hit.candidates, folded)
    if place is not None:
        return place
    # And the region the dateline wrote short, as it was read, when the story's places
    # said nothing: "COLUMBUS, Ga.," makes "the Georgia tornado" the state.
    # (Not when its sentence names what another of them holds: "SAVANNAH, Ga., ...
    # Georgia is a hub for Russia, officials in Tbilisi say" is the country.)
    if filed_from not in hit.candidates:
        written_at = _dateline_region_start(text)
        written = story.chosen.get(written_at) if written_at not in (None, start) else None
        if written in hit.candidates and not _another_place_recalled(
            text, start, end, written, hit.candidates, known
        ):
            return written
    # The place the story was filed from: under "ATLANTA (Newsroom) -", "Georgia" is
    # the state whose description names Atlanta. Only for places and organisations: that
    # a person works in the city ("chairman of the taxi association in Cape Town") says
    # nothing of which of two namesakes a story filed from there quotes. When the place
    # the dateline names is itself one of them ("Cork, Ireland ... north side of Cork",
    # the city and the county whose description names its main town, Cork city), the
    # other's description naming it tells only that they are named after one another:
    # that is read below.
    # (Not a dateline's town word, which any town's description has: "QUEBEC CITY".)
    dateline = _dateline_before(text, start)
    if dateline and dateline not in ("city", "town") and filed_from not in hit.candidates:
        placed = [
            key
            for key in hit.candidates
            if key in known and known[key].kind != "person" and dateline in known[key].cues
        ]
        if len(placed) == 1:
            return placed[0]
    # The candidates whose own name the word is (read here and in step 6).
    hit.own = [key for key in hit.candidates if key in known and folded in known[key].primary_names]
    # A region named after its town or its lake ("Naryn Region ... capital Naryn",
    # "Region ... around Lake Issyk-Kul"): a bare name may be either, whichever is its
    # own name. Unless the dateline named one, it is the one its paragraph has named.
    if _named_after_one_another(hit.candidates, known):
        # Not over a country whose own name the word is: in a story filed from KUWAIT
        # CITY, "Kuwait’s suspended National Assembly" is the country.
        country = [key for key in hit.own if known[key].place_type == "country"]
        if filed_from in hit.candidates:
            return country[0] if len(country) == 1 else filed_from
        # "Near" or "outside" a name says a point, not an area one is in: "a farm near
        # Naryn", "a plant outside Naryn" is the town, not the region named after it.
        if _NEAR_BEFORE.search(text, max(0, start - 20), start):
            towns = [key for key in hit.candidates if _kind_described(known[key]) == "city"]
            if len(towns) == 1:
                return towns[0]
        # "Farmers across Gulu", "voters in Bern rejected the cantonal law", "the lowest
        # of any canton": an area, or the region its kind's word names, not the town.
        # (The kinds this rule newly reads: "state-owned" says nothing of São Paulo.)
        regions = [
            key
            for key in hit.candidates
            if _kind_described(known[key]) in ("canton", "district", "governorate", "oblast")
        ]
        if len(regions) == 1 and (
            _AREA_BEFORE.search(text, max(0, start - 20), start)
            or re.search(
                rf"(?<![\w-]){_kind_described(known[regions[0]])}(?:al|s)?(?![\w-])",
                text[slice(*_sentence_bounds(text, start, end))],
                re.IGNORECASE,
            )
        ):
            return regions[0]
        named_here = _named_in_paragraph(story, start, hit.candidates)
        if named_here:
            return named_here[0] if len(named_here) == 1 else None
        return (
            hit.own[0]
            if len(hit.own) == 1 and _own_name_decides(hit.own[0], hit.candidates, known)
            else None
        )
    return _GO_ON


def _by_own_name(hit: _Hit):
    """Step 6: the entity whose own name the word is, before those that only have it as
    an alias."""
    text, profiles, folded, known, story = hit.text, hit.profiles, hit.folded, hit.known, hit.story
    start, end, keys, filed_from = hit.start, hit.end, hit.keys, hit.filed_from
    # 6. An entity whose own name the word is, before those that only have it as an
    # alias: "Georgia" is the country, "Washington" the city, unless cues said otherwise,
    # here or the last time the story wrote the word alone: "Cameroon beat Guinea … two
    # ahead of Guinea" keeps to the team, as a story keeps to what it is about.
    introduced = _person_introduced(story, folded, hit.candidates, hit.own, start, end)
    if introduced is not None:
        return introduced
    if len(hit.own) == 1:
        return _the_one_whose_own_name_it_is(hit)
    only_places = _all_of_kind(hit.candidates, known, "place")
    if hit.own:
        hit.candidates = hit.own  # same-name twins: only the evidence below may tell them apart
    # Places of one name that nothing above told apart: the one the story was filed from
    # ("SÃO PAULO, Sept 8 - ... its headquarters in São Paulo" is the city, not the
    # state of the name).
    if filed_from in hit.candidates:
        return filed_from
    # A country's capital and other places of its own name: the capital, which news
    # names bare ("a private collection in London"; "LaFrance has asked Washington to
    # pay", the federal government), unless the name is a town's address ("Tacoma,
    # Washington"). (A person of the name, such as the first president, whom history
    # names so, is named in full first.)
    if len(hit.own) > 1 and _all_of_kind(hit.own, known, "place"):
        capital = [
            key
            for key in hit.own
            if known[key].national_capital and not _capital_of_a_state(known[key], profiles)
        ]
        if (
            len(capital) == 1
            # Only over towns: not over a state or a province of the name ("bushfires
            # across Victoria"), nor over another capital ("St. John's, capital of
            # Newfoundland and Labrador"), which news names bare as often.
            and not any(
                not _FEDERAL_CAPITAL.search(known[capital[0]].description)
                if known[key].place_type == "state"
                else _A_CAPITAL.match(known[key].description)
                for key in hit.own
                if key not in capital
            )
            and not _ADDRESS_BEFORE.search(text, max(0, start - 30), start)
            and not _REGION_OF_A_STATE_BEFORE.search(text, max(0, start - 40), start)
            and not _A_STATE_AFTER.match(text, end)
            # A person of the name the story named before (the first president, named
            # in full first): step 7 reads him.
            and not any(
                key in story.recent and known[key].kind == "person" for key in keys if key in known
            )
        ):
            return capital[0]
        country = [key for key in hit.own if known[key].place_type == "country"]
        if (
            len(country) == 1
            and all(known[key].place_type == "state" for key in hit.own if key not in country)
            and not _ADDRESS_BEFORE.search(text, max(0, start - 30), start)
            # Not in a sentence of what a state has and the country does not: "Voters in
            # Georgia ... control of the Senate", "Georgia's Republican-led legislature".
            and not _STATE_CIVIC.search(text, *_sentence_bounds(text, start, end))
        ):
            return country[0]
    # Places of one name (and nothing else of it) one of which the gazetteer also names
    # with its region after a comma ("Vienna, Virginia") and the other not: the region is
    # how that one is told from the other, so the name written without it is the other
    # ("bought at auction in Vienna" is the Austrian capital), as a qualifier in brackets
    # marks the other sense. Cues above (a region after a comma, the story's names) and
    # the dateline decide first; a person or a club of the name leaves it open.
    if len(hit.own) > 1 and only_places:
        plain = [key for key in hit.own if not known[key].qualified]
        if len(plain) == 1:
            return plain[0]
    return _GO_ON


def _the_one_whose_own_name_it_is(hit: _Hit):
    """Step 6, when the word is the own name of one of the candidates: that one, unless
    what the name does, the organisation the story keeps to, the field of its words, a
    primate city or the sense the story gave the word before say another."""
    text, folded, known, story = hit.text, hit.folded, hit.known, hit.story
    start, end = hit.start, hit.end
    acting = _what_the_name_does(story, start, end, hit.own[0], hit.candidates)
    if acting is not None:
        return None if acting is _NONE_OF_THEM else acting
    kept = _organisation_kept_to(story, hit.candidates, start, end)
    if kept is not None and kept not in hit.own:
        return kept
    if (
        all(key in known and known[key].kind != "person" for key in hit.candidates)
        and known[hit.own[0]].place_type != "country"
        and not opens_dateline(text, start, end)
    ):
        fitting = _field_choice(text, start, end, hit.candidates, known, _THING_FIELDS)
        if fitting is not None and _field_left_open(
            text, start, end, known[fitting], known[hit.own[0]]
        ):
            return fitting
    # A state named after the largest city of a country is the city when nothing said
    # otherwise ("a museum in New York" is New York City), unless it makes laws ("New
    # York passed a law").
    primate = [
        key
        for key in hit.candidates
        if key in known
        and known[key].place_type == "city"
        and _THE_PRIMATE.search(known[key].description)
    ]
    if (
        known[hit.own[0]].place_type == "state"
        and len(primate) == 1
        and (_PLACE_BEFORE.search(text, max(0, start - 16), start) or _paired(story, start, end))
        and not _LEGISLATES_AFTER.match(text, end)
        and not _ADDRESS_BEFORE.search(text, max(0, start - 30), start)
    ):
        return primate[0]
    # One sense in a story: the word the story already gave another entity of them,
    # by what its sentence said and not as anyone's own name, is that one again
    # ("a pupil of Giotto" the painter ... "Giotto’s scenes", not the space probe
    # named after him).
    given = _given_before(story, start, folded, hit.candidates)
    # (Not over a country: "the Paraguay" may be the river, and "southern Paraguay"
    # after it the country.)
    if given is not None and given not in hit.own and known[hit.own[0]].place_type != "country":
        return given
    return hit.own[0]


def _latest_longer_form(hit: _Hit):
    """Step 7: a compatriot of the story's institutions, else the latest longer form
    of one of them before it; the last step, which always decides (None: undecided)."""
    text, recent, folded, known, story = hit.text, hit.recent, hit.folded, hit.known, hit.story
    start, end, keys = hit.start, hit.end, hit.keys
    # The speaker after a quotation is the one the sentence before it introduced.
    speaker = _speaker_after_a_quote(story, start, end, hit.candidates)
    if speaker is not None:
        return speaker
    # People of one name in as many countries are told apart by the story's country,
    # as institutions are, before whichever was named last: in a story from Antofagasta,
    # "Correa said the government would appeal" is the Chilean, not Ecuador's former
    # president, whatever the story said of him a paragraph before. (Unless the one
    # named last was the subject of his sentence, a visitor the story is about: read
    # below.)
    compatriot = None
    countries = _countries_of_each(hit.candidates, known)
    if countries is not None and _all_of_kind(hit.candidates, known, "person"):
        compatriot = _institution_country(story, hit.candidates, folded, countries)
    # 7. The latest longer form of one of them before it ("Kim Yo Jong ... Kim"), or the
    # latest mention of the same twin by the full name they share.
    last_seen = {}  # each candidate's latest longer form (or shared full name) before it
    started = {}  # and where that form starts
    for key in hit.candidates:
        for form, form_end in recent.get(key, {}).items():
            longer = len(form) > len(folded) and folded in form
            if (
                longer or (hit.own and form == folded and start > form_end)
            ) and form_end > last_seen.get(key, -1):
                last_seen[key] = form_end
                started[key] = form_end - len(form)
    if not last_seen:
        return (
            compatriot
            or _field_choice(text, start, end, hit.candidates, known)
            or _of_the_storys_sport(story, start, keys, hit.candidates)
        )
    ranked = sorted(last_seen, key=last_seen.get, reverse=True)
    latest = ranked[0]
    if compatriot is not None and (
        compatriot == latest or _subject(text, started[latest], last_seen[latest]) is not True
    ):
        return compatriot
    if hit.own and folded in known[latest].primary_names:
        # A full name shared by twins needs a cue beside it, not a memory: the story's
        # sport or field, when it is that of the one it named before.
        fits = _field_choice(text, start, end, hit.candidates, known) or _of_the_storys_sport(
            story, start, keys, hit.candidates
        )
        return latest if len(ranked) == 1 and fits == latest else None
    # Two of them named in full close together ("his twin brother, President Lech
    # Kaczyński"): the last one named is no better a guess than the other, unless only one
    # of them was the subject of a sentence, named at its start as a story names the
    # person it is about ("Raúl Castro, who led Cuba... since the birth of Fidel Castro.").
    if len(ranked) > 1 and last_seen[latest] - last_seen[ranked[1]] < _CONTESTED:
        roles = {key: _subject(text, started[key], last_seen[key]) for key in ranked[:2]}
        subjects = [key for key, role in roles.items() if role is True]
        if len(subjects) == 1 and False in roles.values():
            return subjects[0]
        return _the_one_called_so(text, folded, ranked, known)
    # A longer form further back than the paragraph before, when another of them was named
    # in full too: the story has moved on, and a bare surname there is as often the other
    # one (measured: more than half the time) as the one named last.
    if len(ranked) > 1 and last_seen[latest] < _paragraph_start(text, start, back=1):
        return _field_choice(text, start, end, hit.candidates, known) or _the_one_called_so(
            text, folded, ranked, known
        )
    return latest


def _the_one_called_so(text: str, folded: str, named: list, known: Mapping):
    """Of the people of a family name the story has named in full, where nothing near
    decides, the one only the gazetteer calls by the bare name (it has the name as an
    alias; the others only bear it), when the story named that one first, as a story
    names the one it is about: "Calvino" in a story of Italo Calvino's centenary that
    names his father and his daughter after him (not in a story of his father's garden
    that names him second). None otherwise."""
    called = [key for key in named if key in known and folded in known[key].aliases]
    if len(called) != 1:
        return None
    folded_text = fold(text)
    first = {key: folded_text.find(known[key].name) for key in named if key in known}
    placed = [key for key, at in first.items() if at != -1]
    return called[0] if placed and min(placed, key=first.get) == called[0] else None


# The steps of ``_choose``, in order.
_STEPS = (
    _the_words_as_written,
    _at_the_dateline,
    _by_what_is_said_of_it,
    _by_title_and_pronoun,
    _kinds_the_words_beside_allow,
    _a_persons_country_or_a_towns_region,
    _a_team_a_place_or_a_person,
    _by_list_sport_and_office,
    _by_the_words_written_with_it,
    _named_in_this_paragraph,
    _by_description_words_near,
    _places_of_one_name,
    _by_own_name,
    _latest_longer_form,
)
# Parts of steps that decide for them (``bench/annotation_decisions.py`` reads their
# returns as the step's).
_STEP_PARTS = (_the_one_whose_own_name_it_is,)


# And the fields of things and places, for an organisation and a place of one name: a
# river's floods, a company's shares, a club's goals.
_THING_FIELDS = {
    "business": _FIELDS["business"] | frozenset(map(_stem, _wordset("listed stock retailer"))),
    "nature": frozenset(
        map(
            _stem,
            _wordset(
                """river rivers lake mountain mountains desert forest valley glacier volcano
                island bay wildlife species water flood floods drought delta"""
            ),
        )
    ),
    "sport": _FIELDS["sport"] | frozenset(map(_stem, _wordset("stadium fans kick-off"))),
}


def _given_before(story: _Story, start: int, folded: str, keys: list):
    """The one of ``keys`` every earlier occurrence of the word ``folded`` in the story
    was given, or None (none given, or several). Not in a dateline, which names a city
    whatever the story says of the state of its name ("NEW YORK ... New York passed a
    law")."""
    size = len(folded)
    ends = dict(story.spans)
    given = {
        key
        for at, key in story.chosen.items()
        if at < start
        and key in keys
        and ends.get(at) == at + size
        and fold(story.text[at : at + size]) == folded
        and not opens_dateline(story.text, at, at + size)
    }
    return given.pop() if len(given) == 1 else None


_PRIMATE = re.compile(r"\b(?:largest|most populous|biggest) city\b")


# The largest itself, not the second-largest ("Second-largest city of the province").
_THE_PRIMATE = re.compile(r"(?<![\w-])(?:largest|most populous|biggest) city\b")


def _own_name_decides(own, keys: list, known: Mapping) -> bool:
    """Whether, of places named after one another, the one whose own name the word is,
    ``own``, is meant when nothing else says: countries, cities and regions only ("a
    laboratory in São Paulo", "across Quebec", "the people of Kuwait" beside Kuwait City;
    not a stadium and its district), and not a region beside the largest city (a bare
    "New York" is more often the city than the state)."""
    if not all(_kind_described(known[key]) in _ADMINISTRATIVE | {"country"} for key in keys):
        return False
    return _kind_described(known[own]) in ("city", "country") or not any(
        _PRIMATE.search(known[key].description) for key in keys
    )


# The start of a dateline up to a region it adds: "Cork, " or "HYDERABAD, ".
_DATELINE_REGION_BEFORE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*, (?:[A-Z][\w.'’]*, )*")


_REPRESENTS_BEFORE = re.compile(
    # A bare "member" or "representative" sits in no parliament unless "for" says so
    # ("the member for Rotorua"): "a crew member from Basra", "company representatives
    # from Lagos", "a Ngāti Whakaue representative from Rotorua".
    r"\b(?:MPs?|[Mm]embers? of (?:[Pp]arliament|[Cc]ongress)|[Dd]eputy|[Dd]eputies|"
    r"[Ss]enators?|Representatives?|[Ll]awmakers?|[Ll]egislators?|TDs?|MSPs?|MLAs?|MEPs?|"
    r"[Cc]ongress(?:man|woman|men|women)) (?:for|from) (?:the )?$|"
    r"\b(?:[Mm]embers?|[Rr]epresentatives?) for (?:the )?$"
)
_ELECTORAL = re.compile(r"\b(?:constituency|electorate|electoral|riding)\b")
_REGIONS = _wordset(
    """county province district state region department prefecture oblast canton
    territory emirate governorate division"""
)


_ACADEMIC_AT_BEFORE = re.compile(
    # "Staff" alone are anyone's ("medical staff at Brighton", "hotel staff at Lourdes"),
    # and so are a club's academy graduates: only a university's staff say so.
    r"\b(?:[Rr]esearchers?|[Ss]cientists?|[Ss]tudents?|"
    r"(?:[Aa]cademic|[Tt]eaching|[Uu]niversity|[Rr]esearch|[Ff]aculty) staff|"
    r"[Pp]rofessors?|[Ll]ecturers?|[Aa]cademics?|[Ff]ellows?|(?<![Aa]cademy )[Gg]raduates?|"
    r"[Aa]lumni|[a-z]+ologists?|[Hh]istorians?|"
    r"[Ee]conomists?|[Pp]hysicists?|[Cc]hemists?|[Mm]athematicians?|[Ss]tudied) at $"
)
_UNIVERSITY = re.compile(r"\b(?:university|college|polytechnic|institute of technology)\b")


_A_STATES_BODY_AFTER = re.compile(
    r"['’]s (?:(?:highest|top|supreme|constitutional|administrative|federal|national|"
    r"central|interior|foreign|finance|justice|economy|health|new|former|ruling|military|"
    r"elected|own|minority|majority|coalition|caretaker|interim|transitional|military-led) )*"
    # A party's name may lead its government: "Norway’s minority Labour government".
    r"(?:[A-Z][a-z]+(?:-led)? )?(?:court|courts|government|parliament|prime minister|cabinet|"
    r"ministry|central bank|constitution|senate|congress|army|police|embassy|economy|"
    r"capital|borders?|coast|regulator)\b"
)
_CHAMPION_OF_BEFORE = re.compile(r"\bchampions? of $")
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|just outside|on the outskirts of) $")
# "The other" before a name, not after a verb that makes it the subject's own
# ("we're the other Paris", "this is the other Duluth").
_THE_OTHER_BEFORE = re.compile(
    r"(?<!\bwe're )(?<!\bwe’re )(?<!\bit's )(?<!\bit’s )(?<!\bis )(?<!\bare )(?<!\bwas )"
    r"(?<!\bwere )(?<!\bbeing )(?<!\bbeen )(?<!\bcalled )(?<!\bdubbed )(?<!\bas )"
    r"\bthe other $",
    re.IGNORECASE,
)
# What makes "the other" modify another noun, or the name a slogan's: "the other Newcastle
# schools", "“The other Athens: no ruins, just rock”".
_NOT_THE_OTHER_PLACE_AFTER = re.compile(
    r" (?:schools|clubs|teams|players|fans|residents|people|families|hospitals|shops|"
    r"streets|companies|firms|businesses|councils|councillors|towns|villages|mines|"
    r"factories|plants|churches|parishes|districts|suburbs|branches|stores|pubs|bars)\b|:"
)


# Words that put a name where something is, before it: "trains between Montpellier and
# Nîmes", "offices in both Bern and Zurich", "a shopping centre in central Maritzburg".
# A club or a firm the story named is no place a train runs to; a university's people are
# "at" it, so "at" is not one of them.
_WHERE_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Ff]rom|[Aa]cross|[Tt]hroughout|[Nn]ear|[Oo]utside|[Cc]entral|"
    r"[Dd]owntown|[Bb]etween) (?:[A-Z][\w’'-]* (?:and|or) )?$|"
    # "in western Kansas", "across northern Ohio".
    rf"\b(?:in|across|throughout|of) (?:{_DIRECTION}|rural|upstate|downstate) $|"
    r"\b(?:[Bb]etween|[Ii]n both) [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)? and $"
)
# But "between" after talks, a merger, a game or a gap joins two sides, which may be the
# clubs or the firms: "talks between Zurich and the union", "the match between
# Montpellier and Lyon".
_SIDES_BETWEEN = re.compile(
    r"\b(?:talks|merger|match|game|derby|gap|deal|tie|dispute|rivalry|clash|final) between "
    r"(?:[A-Z][\w’'-]* (?:[A-Z][\w’'-]* )?(?:and|or) )?$",
    re.IGNORECASE,
)


# What is said of a firm or a place, not of a person, after its name and a comma ("based
# in" is said of people too).
_FOUNDED_AFTER = re.compile(
    r", (?:(?:which|that) (?:was|is) )?(?:founded|established|set up|headquartered)\b"
)
_LIKENESS_OF_BEFORE = re.compile(
    r"\b(?:statues?|bust|busts|portraits?|murals?|tomb|tombs|grave|graves|mausoleum|"
    r"biography|biographies|likeness|effigy|effigies) of (?:the )?$"
)
_BORN_IN_AFTER = re.compile(r"[-‐‑](?:born|based|raised|headquartered)\b")
# What is founded is a firm or a place, never its founder: "Soichiro Honda, who founded
# Honda" (but "founded by Honda" is the man).
_FOUNDED_BEFORE = re.compile(r"\b(?:founded|co-founded|cofounded) $")
# A name that speaks of itself as "it" doing something is a firm, not a person of its name:
# "Valdivieso said in a statement that it had complied", "Demirtaş said it would ship".
# ("Verhaegen said it would be made", "Tugay said it was a party": a person's "it" is
# what is spoken of, so "be" and "was" tell nothing.)
_SAID_IT_WOULD_AFTER = re.compile(
    r"(?: (?:said|says|added)(?: (?:in|on) (?:a|an|its) [a-z]+)?(?: on [A-Z][a-z]+)?,?"
    r"(?: that)? it (?:would|will|had|has|planned|plans|intended|intends|was planning)"
    r"(?: to)? [“\"]?(?!(?:be|been|not|take|have|depend|mean|make|transform|change|help|"
    r"hurt|happen|never|always|probably|likely)\b)[a-z]+)"
)
# What only a firm is: "privately held Hardanger said", "state-owned Petrobras".
_FIRM_BEFORE = re.compile(
    r"\b(?:privately[- ]held|publicly[- ]traded|state-owned|state-run|family-owned|"
    r"family-run|[\w.]+-listed) $|"
    # A body one chairs or heads: "still chairs Larrañaga", "who heads Orca" (a person is
    # chaired by no one).
    r"\b(?:chairs|chaired|heads|headed) $"
)
# Only a firm has shares: "Shares in Antofagasta rose", "shares of Berkshire"; not a
# market's, a vote's or a harvest's ("market shares in Brazil", "vote shares in
# Georgia", "the largest shares of Ukraine's grain"), read with no possessive after the
# name ("shares in Hamburg's port operator" is the city's firm).
_SHARES_IN_BEFORE = re.compile(
    _not_after("market vote voting seat largest larger biggest bigger large big equal fair")
    + r"\b[Ss]hares (?:in|of) $"
)


def _learn(story: _Story, key, start: int, end: int, folded: str, pronoun, pronouns: dict):
    """What the story says of ``key``, named at ``start:end`` as ``folded``, for the
    names after it: where it was named, the place a dateline files from, a person's
    words beside the name, family ties and death, and the gender a pronoun gives one
    whose description does not (``pronouns``, each person's so far)."""
    text, profiles = story.text, story.profiles
    if story.filed_from is None and start == 0 and opens_dateline(text, start, end):
        story.filed_from = key
    story.recent.setdefault(key, {})[folded] = end
    if key in profiles and profiles[key].kind == "person":
        story.described.setdefault(key, set()).update(_described(text, start, end))
        _tie_stated(story, key, start)
        _tie_to_someone_unnamed(story, key, start, end)
        if _LATE_BEFORE.search(text, max(0, start - 40), start) or (
            _DIED_AFTER.match(text, end)
            and (
                _subject(text, start, end) is True
                or _WHEN_BEFORE.search(text, max(0, start - 12), start)
            )
        ):
            story.dead.add(key)
    if key in profiles and profiles[key].kind == "person" and profiles[key].gender is None:
        gender = _gender_written(text, start, pronoun)
        if gender:
            said = pronouns.setdefault(key, [])
            said.append(gender)
            story.learned[key] = max(("female", "male"), key=said.count)
            if said.count("female") == said.count("male"):
                del story.learned[key]
    story.chosen[start] = key


def _names_in_context(text: str, hits: list, profiles: Mapping[object, Profile], signs: Set[int]):
    """The hits that are names in their context (``context.refusal`` and the checks that
    read what the name is of), and the people not ours whose names the refused ones
    were (``_strangers``)."""
    ends = {end for _, end, _ in hits}
    starts = {start for start, _, _ in hits}
    reasons = [
        refusal(
            text,
            hit[0],
            hit[1],
            _not_a_longer_name(text, hit, ends, profiles),
            hit[0] in signs,
            hit[1] + 1 in starts,
            hit[0] - 1 in ends,
            _acronym_of_an_organisation(text, hit, profiles),
            _whole_name_of_an_organisation(text, hit, profiles),
            _all_persons(hit[2], profiles) and " " in text[hit[0] : hit[1]].strip(),
        )
        for hit in hits
    ]
    reasons = [
        None if reason == "plural" and _a_family_of_ours(text, hit, profiles) else reason
        for hit, reason in zip(hits, reasons, strict=True)
    ]
    strangers = _strangers(text, hits, reasons, profiles)
    keys_at = {start: keys for start, _, keys in hits}
    kept = [
        hit
        for hit, reason in zip(hits, reasons, strict=True)
        if reason is None
        and not _named_after(text, hit, profiles, keys_at)
        and not _described_as_a_thing(text, hit, profiles)
        and not _a_peoples_word(text, hit, profiles)
        and not _a_people(text, hit, profiles)
        and not _spelled_out_before(text, hit, profiles)
        and not _an_office_in_capitals(text, hit, profiles)
    ]
    return kept, strangers


def resolve(
    text: str,
    hits: Iterable[tuple],
    profiles: Mapping[object, Profile],
    signs: Set[int] = frozenset(),
):
    """The matches of ``hits`` (in order, not overlapping) that are names in their context,
    each resolved to one key, and how many hits were left out as undecided. ``signs``
    are the starts of hits read in any case on a sign or a banner in capitals."""
    # The rules read a no-break or another fixed-width space as the space it is: "Juan
    # Pablo Correa" with a no-break space is three words of one name, not "Juan" before
    # a word its rules do not see. One character for one; the matches keep the text as
    # written.
    written, text = text, _SPACES.sub(" ", text)
    strangers: dict = {}
    # Only a gazetteer that knows its entities (Gazetteer.of) reads names in context;
    # one of bare names and aliases finds every name as written.
    if profiles:
        hits, strangers = _names_in_context(text, hits, profiles, signs)
    # Where each folded name occurs: a shared name's cues are read up to the nearest
    # other occurrence of it, so two people named in one sentence keep their own words.
    places: dict[str, list[int]] = {}
    folded_at = [fold(text[start:end]) for start, end, _ in hits]
    for (start, _, _), folded in zip(hits, folded_at, strict=True):
        places.setdefault(folded, []).append(start)
    # The gender the story gives each person named so far: the first "he" or "she" after
    # a name in its sentence, before any other name ("Jill Biden... her career"), counted
    # for people whose description does not say.
    pronouns: dict[object, list[str]] = {}
    matches = []
    undecided = 0
    # Hits that may name a person: a pronoun refers to one of them, not to a place.
    people = [
        (start, end)
        for start, end, keys in (hits if profiles else ())
        if any(key not in profiles or profiles[key].kind in ("person", "") for key in keys)
    ]
    spans = [(start, end) for start, end, _ in hits] if profiles else []
    story = _Story(text, profiles, spans, {start: keys for start, _, keys in hits})
    story.strangers = strangers
    learned = story.learned
    gendered = []  # hits left out that a title or a pronoun gives a gender
    for (start, end, keys), folded in zip(hits, folded_at, strict=True):
        # (The checks that read what the gazetteer knows of people only where it knows.)
        if profiles and _stranger_since(story, folded, keys, start, end):
            undecided += 1
            continue
        if start in signs and _several_named(story, keys):
            undecided += 1
            continue
        pronoun = None
        if profiles and (len(keys) > 1 or (keys[0] in profiles and not profiles[keys[0]].gender)):
            pronoun = _pronoun_after(text, start, end, people, spans)
        if profiles and _quoted_without_cue(story, start, keys, pronoun):
            undecided += 1
            continue
        # A river of its name we do not know: "the banks of the Marne" is no department,
        # "the Kentucky rose over its banks" neither the state nor the university.
        if all(_a_river_we_do_not_know(text, start, end, folded, profiles.get(k)) for k in keys):
            undecided += 1
            continue
        if len(keys) == 1:
            key = keys[0]
        else:
            # A full name that twins share needs its cue in its own sentence; a short
            # form may have it in the sentence before ("The biologist spoke. Santos...").
            twins = all(key in profiles and folded in profiles[key].primary_names for key in keys)
            low, high = _sentence_bounds(text, start, end, before=0 if twins else 1)
            for other in places[folded]:
                if other < start:
                    low = max(low, other + len(folded))
                elif other > start:
                    high = min(high, other)
                    break
            key = _choose(story, start, end, keys, low, high, pronoun)
            if key is None:
                undecided += 1
                gender = _gender_written(text, start, pronoun)
                if gender:
                    gendered.append((start, end, keys, gender))
                continue
        if profiles and (
            _unintroduced(story, key, folded, start, end)
            or _generic_institution_elsewhere(story, key, folded)
            or _word_opening_a_sentence(story, key, folded, start, end)
            or _family_in_the_plural(story, key, folded, start, end)
        ):
            undecided += 1
            continue
        _learn(story, key, start, end, folded, pronoun, pronouns)
        matches.append(Match(start, end, key, written[start:end]))
    # "Ms Campbell" before anything said which Campbell is a woman: once the whole story
    # has ("Mr Campbell, whose party..." is Desmond), she is the other one; and a woman's
    # title is the one woman of them before people whose gender nothing says (_fitting).
    for start, end, keys, gender in gendered:
        fits = _fitting(
            [key for key in keys if key in profiles],
            gender,
            lambda key: profiles[key].gender or learned.get(key),
        )
        if len(fits) == 1 and all(key in profiles for key in keys):
            undecided -= 1
            bisect.insort(matches, Match(start, end, fits[0], written[start:end]))
    return matches, undecided
