"""The rules that turn the gazetteer's raw hits into suggestions: which hits are names at
all in their context, and which entity a name shared by several entities is.

Pure Python, no Django. A suggestion is a claim that a person checks, so every rule
leans the same way: when the text does not decide, the hit is left out (and counted),
never given to a likely entity. docs/annotation.md lists the rules with their limits.

Vocabulary: a *hit* is (start, end, keys), the keys of every entity with a name or
alias that reads as the text there. An entity's *profile* (``Profile``) is what the
rules know of it beyond its names: its own name, kind and description.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import NamedTuple

from articles.anchoring.given_names import gender_of_given_name

# --- Folding ------------------------------------------------------------------------------

# Characters written in several ways, each mapped to one: apostrophes and single quotes,
# double quotes, hyphens and dashes, no-break and other fixed-width spaces. One character
# for one, so offsets into the folded text are offsets into the text.
# A line separator (U+2028, the soft return some editors paste) and the rarer spaces of
# fixed width (U+2008, U+205F, U+3000) are spaces too: "Santa<LS>Cruz" is the name the
# reader sees, broken across a line. ("\n" ends a paragraph and is never folded.)
_TYPOGRAPHIC = str.maketrans(
    {
        # (With the Uzbek "ʻ" of "Qoʻqon", which copy types "Qo'qon".)
        **dict.fromkeys("’‘‛′ʼʻʽ`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad", "-"),
        **dict.fromkeys(
            "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\u2028",
            " ",
        ),
    }
)


# Letters with accents, each mapped to its bare letter: wire copy writes "SAO PAULO" in a
# dateline and "Lopez Obrador" in a story where the gazetteer has "São Paulo" and "López
# Obrador", and "Hồ Chí Minh City" where it has "Ho Chi Minh City". A precomposed Latin or
# Greek letter with marks above or below is the letter it is built on ("ã" is "a",
# Turkish "İ" is "I"); a few letters with a stroke or no dot have no such parts and are
# listed ("ł", "ø", "đ", "ð", "ı"). One character for one, as above. Cyrillic is left as it is:
# "й" is a letter of its own, not a marked "и". Letters that are no marked letter stay
# too ("ß", "æ", "œ": "Straße" is not "Strasse" one for one).
_BARE_LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"}
_BARE_LETTERS |= {"ð": "d", "Ð": "D"}  # Icelandic "eth": "Sigurdsson" for Sigurðsson
_BARE_LETTERS |= {"ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"}


def _accented_letters() -> dict[str, str]:
    found = {}
    ranges = ((0x00C0, 0x0250), (0x1E00, 0x1F00), (0x0386, 0x03CF), (0x1F00, 0x2000))
    for low, high in ranges:
        for code in range(low, high):
            parts = unicodedata.normalize("NFD", chr(code))
            if len(parts) > 1 and all(unicodedata.combining(part) for part in parts[1:]):
                found[chr(code)] = parts[0]
    return found | _BARE_LETTERS


_PUNCTUATION = dict(_TYPOGRAPHIC)
_TYPOGRAPHIC.update(str.maketrans(_accented_letters()))


def spelled(text: str) -> str:
    """``text`` with each apostrophe, quote, dash and fixed space written one way, its
    accents kept: how a name is written, where ``typographic`` reads how it sounds. Same
    length as ``text``."""
    return text.translate(_PUNCTUATION)


def typographic(text: str) -> str:
    """``text`` with each apostrophe, quote, dash, fixed space and accented letter written
    one way, so that "People’s" matches an alias typed "People's", "Kim Jong‑un" (a
    no-break hyphen) one typed "Kim Jong-un" and "Sao Paulo" the name "São Paulo". Same
    length as ``text``."""
    return text.translate(_TYPOGRAPHIC)


def fold(text: str) -> str:
    """``typographic`` and lower case: how two spellings of one name are compared."""
    return typographic(text).lower()


# --- Profiles -----------------------------------------------------------------------------


class Named(NamedTuple):
    """An entity as the gazetteer is built from: its key, names and what tells it apart."""

    key: object
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    kind: str = ""  # "person", "organization", "place" or "" when unknown


class Profile(NamedTuple):
    """What the rules know of an entity beyond its names (see ``profile``)."""

    name: str  # folded
    primary_names: frozenset[str]  # folded names a bare mention of which is this entity
    kind: str
    gender: str | None  # "female", "male" or None, read from the description
    cues: frozenset[str]  # stems of the description's words
    description: str = ""  # folded, for the family ties it states ("son of Joe Biden")
    place_type: str = ""  # "city", "state" or "country", as its description says first
    proper: frozenset[str] = frozenset()  # stems of the description's capitalised words
    dead: bool = False  # the description gives a death ("(1920–1965)", "until his death")
    # stems of the description's capitalised words that are words of its own name too
    # ("Panama" in "Capital and largest city of Panama" for Panama City)
    own_proper: frozenset[str] = frozenset()
    # it has an alias of its own name with a region after a comma ("Vienna, Virginia"):
    # the gazetteer tells it from a namesake by that region
    qualified: bool = False
    # the description's names of several capitalised words in a row, folded ("united
    # states", "quebec city"): step 5 reads a title or a kind of place among their words
    # only where the story writes the whole name
    proper_names: frozenset[str] = frozenset()
    # a person's given names as written, longest first ("Luz Dary", "Luz" for Luz Dary
    # Cárdenas), those that may stand alone (see ``given_name``)
    given: tuple[str, ...] = ()
    # the year of birth its description gives ("born 2002", "born in La Ceiba in 1994",
    # "(1885–1968)"), for "the elder" and "the younger" of a name
    born: int | None = None
    # its description opens by calling it a country's capital ("Capital and largest city
    # of Peru."), not a region's ("Capital city of Delaware, United States")
    national_capital: bool = False


def _wordset(words: str) -> frozenset[str]:
    """The words of ``words``, split on spaces and line ends."""
    return frozenset(words.split())


_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Words too common to tell one entity from another.
_STOPWORDS = _wordset(
    """a an the of and or in on at to for from by with as is was are were be been his her
    its their he she it they who which that this since until after before into over
    under about also former later now than then when where while one two three first
    second last new old more most many other year years known through across along
    around between within without toward towards near upon via next same both each every
    some all any such only own just still even very much well up out off down back has
    have had not no nor but if so because though although whose whom what how there here
    these those them him we our you your us"""
)
_FEMALE = _wordset(
    """she her hers herself sister daughter mother wife widow woman grandmother aunt niece
    actress businesswoman chairwoman spokeswoman congresswoman stepmother girl"""
)
_MALE = _wordset(
    """he him his himself brother son father husband widower man grandfather uncle nephew
    businessman chairman spokesman congressman stepfather boy"""
)


def _stem(word: str) -> str:
    """A crude stem, enough to meet "corals" with "coral" and "biologist" with "biology"."""
    word = word.lower() if word.isascii() else fold(word)
    return word[:6] if len(word) > 6 else word.rstrip("s") or word


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


_CITY_WORDS = frozenset(map(_stem, _wordset("city town port village capital seat")))
# Regions below a state by their own names ("County of Kenya ..., covering the city of
# Mombasa" is a region, though "city" comes later in it).
_STATE_WORDS = frozenset(
    map(
        _stem,
        _wordset(
            """state province territory emirate region county department prefecture
            oblast canton governorate voivodeship district division"""
        ),
    )
)
_COUNTRY_WORDS = frozenset(map(_stem, _wordset("country nation kingdom republic")))
_PLACE_TYPES = {
    **dict.fromkeys(_CITY_WORDS, "city"),
    **dict.fromkeys(_STATE_WORDS, "state"),
    **dict.fromkeys(_COUNTRY_WORDS, "country"),
}


# A life span or a death in a description: "(1920–1965)", "(356–323 BC)", "until his
# death in 1901".
# A clause of its own that says the person died ("; died in 2016", "; killed by a suicide
# bomber in 1993", "army commander killed in the coup attempt"), not one about someone
# else ("whose son was killed", "widow of a soldier killed in action", "since his
# father, Kim Jong Il, died").
_DEATH = re.compile(
    r"\(\d{1,4}(?: BC)?\s*[–-]\s*\d{1,4}(?: BC| AD)?\)|\buntil (?:his|her) death\b|"
    r"(?:^|[;.] )(?:(?!\b(?:who|whose|of|his|her|their)\b)[^;.])*?"
    r"\b(?:died|killed|assassinated|executed)\b"
)


# A year of birth in a description: "born 2002", "born in La Ceiba in 1994", "(born
# 1961)", "b. 1961", or the first year of a life span "(1885–1968)" (not "Kenyan-born",
# nor a year after a comma: "born in Lagos, moved to London in 1999").
_BORN = re.compile(
    r"(?<![\w-])[Bb]orn\b[^;.(),]{0,40}?\b(\d{4})\b|"
    r"\bb\. (\d{4})\b|\((\d{4})\s*[–-]\s*(\d{4})\)"
)


# A description that opens by calling the place a country's capital ("Capital and largest
# city of Greece.", "Capital city of the United States, on the Potomac"), not a state's or
# a province's ("Capital of the Canadian province of Nova Scotia", "Capital of the U.S.
# state of Oregon", "Capital city of Delaware, United States": a country after a comma).
_NATIONAL_CAPITAL = re.compile(
    r"(?:Capital|Capital city|Capital and (?:largest|most populous) city) of "
    r"(?!the (?:[\w.-]+ ){0,2}(?:state|province|region|county|department)\b)"
    r"(?:the )?[\w'’.-]+(?: (?:and )?[\w'’.-]+)*?(?:[.;]|, [a-z]|$)"
)
# Words in that country's name that make it a region's: "Capital of Sichuan province in
# south-west China", "Capital of Peru's Loreto region", "Capital of Andalusia in southern
# Spain", "Capital of Catalonia and second-largest city of Spain".
_REGIONAL_CAPITAL = re.compile(
    r"['’]s\b|\b(?:in|city|province|prefecture|state|region|territory|county|department|"
    r"governorate|oblast|district|emirate|canton)\b",
    re.IGNORECASE,
)


def _national_capital(description: str) -> bool:
    """Whether ``description`` opens by calling its place a country's capital."""
    found = _NATIONAL_CAPITAL.match(description)
    return bool(found) and not _REGIONAL_CAPITAL.search(found.group().split(" of ", 1)[1])


def born_in(description: str) -> int | None:
    """The year of birth ``description`` gives, if it gives one."""
    for found in _BORN.finditer(description):
        born, lived_until = found.group(1) or found.group(2) or found.group(3), found.group(4)
        # A span of a few years is a term of office ("Mayor of Kaunas (2015–2019)").
        if lived_until is None or int(lived_until) - int(born) >= 30:
            return int(born)
    return None


_TEAM_WORDS = frozenset(map(_stem, ("club", "team", "franchise", "side")))
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
_GAME_WORDS = frozenset(
    map(
        _stem,
        _wordset(
            """league champions penalty penalties coach goal goals derby striker strikers
            defender defenders goalkeeper transfer fans supporters trophy beat drew squad
            players manager scored kick-off fixture"""
        ),
    )
)


def profile(named: Named) -> Profile:
    """The profile of ``named``.

    Its *primary names* are its own name and that name without a comma's qualifier
    ("Washington" for "Washington, D.C."): a bare "Washington" is the city before any
    entity that only has it as an alias. A qualifier in brackets ("Georgia (US state)")
    says the opposite, that the entity is the other sense of the word, so it adds none.
    """
    name = fold(named.name)
    primary = {name}
    if "," in name:
        primary.add(name.split(",", 1)[0].strip())
    words = [word.lower() for word in _words(named.description)]
    female = sum(word in _FEMALE for word in words)
    male = sum(word in _MALE for word in words)
    gender = "female" if female > male else "male" if male > female else None
    # When the description does not say, a given name that is clearly a woman's or a
    # man's does ("Lotte de Vries", "Manuel Herrero"; not "Kari Eide"); and so it does
    # over one word of the other gender, which may be someone else's ("Fiona Reid is a
    # sheriff who sentenced a Kilmarnock man").
    given_gender = next(filter(None, map(gender_of_given_name, given_name(named))), None)
    if given_gender and (gender is None or abs(female - male) == 1):
        gender = given_gender
    cues = frozenset(_stem(word) for word in words if word not in _STOPWORDS and len(word) > 2)
    # A team's description seldom says what a match report says of it: the words of a
    # game are its cues too ("Lille cannot keep up in the Champions League", "Benfica
    # had led through a penalty").
    if named.kind == "organization" and cues & _TEAM_WORDS:
        cues |= _GAME_WORDS
    place_type = ""
    if named.kind == "place":
        # The first such word is what it is: "Most populous city of the United States, in
        # the state of New York" is a city; "State in south-eastern Australia; capital
        # Melbourne, its largest city" a state.
        for word in words:
            # "Metropolitan city of Piedmont", "Metropolitan municipality governing
            # Durban": the region a city is the centre of.
            if word == "metropolitan":
                place_type = "state"
                break
            # A natural feature is none of them, whatever town it lies by: "Stratovolcano
            # north-west of the city of San Salvador".
            # (Not an island: "Island country in the Caribbean" is a country.)
            if _KINDS_OF_PLACE.get(word) in _NATURAL_KINDS - {"island"}:
                break
            if _stem(word) in _PLACE_TYPES:
                place_type = _PLACE_TYPES[_stem(word)]
                break
    # Capitalised words after the first are names: "Capital of Peru", "City on the River
    # Tay in central Scotland". They say which country or region a place belongs to.
    # The first word too when it is a possessive ("Guatemala’s highest court"): a capital
    # there is the sentence's, but a name owns things where a common word does not.
    own_words = {_stem(word) for word in _words(name)}
    described = _words(named.description)
    capitalised = {
        _stem(word.removesuffix("'s").removesuffix("’s"))
        for index, word in enumerate(described)
        if _capitalised(word) and (index > 0 or word.endswith(("'s", "’s")))
    }
    proper = frozenset(capitalised - own_words)
    # Capitalised words in a row after the first word: "United States" in "City in
    # north-east Texas, United States"; "Quebec City" in "...; capital Quebec City".
    runs, run, last_end = [], [], -1
    for index, word in enumerate(_WORD.finditer(named.description)):
        name_word = index > 0 and _capitalised(word.group())
        if name_word and run and named.description[last_end : word.start()] == " ":
            run.append(word.group())
        else:
            runs.append(run)
            run = [word.group()] if name_word else []
        last_end = word.end()
    runs.append(run)
    proper_names = frozenset(fold(" ".join(run)) for run in runs if len(run) > 1)
    return Profile(
        name,
        frozenset(primary),
        named.kind,
        gender,
        cues,
        fold(named.description),
        place_type,
        proper,
        named.kind == "person" and bool(_DEATH.search(named.description)),
        frozenset(capitalised & own_words),
        any(fold(alias).startswith(name + ", ") for alias in named.aliases),
        proper_names,
        given_name(named),
        born_in(named.description) if named.kind == "person" else None,
        named.kind == "place" and _national_capital(named.description),
    )


# --- Context: is this hit a name at all? ----------------------------------------------------

# Words that stand before a name as part of how it is written, not as another name:
# "President Putin", "Ms May", "Secretary of State Marco Rubio". Lower case.
_TITLES = _wordset(
    """mr mrs ms miss mx madam madame dr doctor prof professor sir dame lord lady president
    vice prime minister secretary state chancellor premier leader chairman
    chairwoman chair governor mayor senator sen representative rep congressman
    congresswoman ambassador envoy general gen admiral commodore brigadier major
    colonel col captain capt lieutenant commander sergeant corporal judge justice
    king queen prince princess emperor empress pope cardinal bishop archbishop rabbi
    imam sheikh emir sultan shah tsar coach officer inspector detective director
    chief executive commissioner deputy speaker comrade marshal duke duchess earl
    baron baroness councillor councilor delegate supreme foreign defence defense
    finance interior home trade health water former ceo cfo coo mp mep mla msp td pm
    gov lt sgt maj elect ex acting interim crown first attorney mr. st saint
    administrator spokesperson spokesman spokeswoman superintendent managing
    principal provost registrar adviser advisor counsellor counselor alderman
    alderwoman assemblyman assemblywoman assemblymember councilman councilwoman
    councilmember magistrate sheriff constable dean rector ombudsman treasurer
    comptroller auditor prosecutor reverend rev pastor vicar taoiseach tánaiste tanaiste
    menteri besar datuk dato datin seri ayatollah hojatoleslam mufti patriarch mullah
    swami """
    # Honorifics of other languages that English copy keeps: "Pak Jokowi", "Bu Risma",
    # "Herr Scholz", "Señora Pérez".
    """pak bapak bu ibu herr frau monsieur mme mlle signor signora señor señora senor
    senora shri smt"""
)
_FEMALE_TITLES = _wordset(
    """ms mrs miss madam madame dame lady queen princess empress bu ibu frau mme mlle
    signora señora senora smt daw"""
)
_MALE_TITLES = _wordset(
    """mr sir lord king prince emperor pak bapak herr monsieur signor señor senor shri u"""
)
MONTHS = _wordset(
    """january february march april may june july august september october november
    december"""
)
_DAYS = _wordset("""monday tuesday wednesday thursday friday saturday sunday""")
_DATE_WORDS = _DAYS | MONTHS


def is_date_word(words: str) -> bool:
    """Whether ``words`` are a month's or a day's name ("May", "MARCH", "Sunday")."""
    return fold(words) in _DATE_WORDS


# Words before a month that say a part of it, a time against it, or what falls in it:
# "the second weekend of May", "no earlier than May", "scheduled for May", "salaries for
# May" (not "votes for May"). Before a possessive they are a person's: "part of May’s
# inner circle", "the rest of May’s cabinet".
_IN_A_MONTH = (
    r"(?:week|weekend|weeks|days|month|half|part|rest|remainder) of|"
    r"(?:earlier|later|sooner) than|"
    r"(?:scheduled|planned|set|due|slated|expected|postponed|delayed|moved|pushed back|"
    r"brought forward|put off) (?:for|to|until)|"
    r"(?:salaries|salary|wages|pay|payments?|pensions?|figures|data|sales|rent|bills?) for"
)
# Lower-case words before a month that make it a date: "in May", "by May next year",
# "until at least March", "well into May", "as recently as May", "the end of March",
# "from December to March".
_BEFORE_DATE = re.compile(
    r"\b(?:(?:in|since|until|till|by|from|through|during|before|after|beyond|early|late|mid|"
    r"last|"
    r"next|this|(?:well|far|deep|way|long|late|runs?|running|lasts?|lasting) into)"
    r"(?: at least| as early as| as late as)?|as (?:recently|early|late) as|"
    r"(?:end|start|beginning|middle) of|"
    + _IN_A_MONTH
    + r"|(?:from|between) (?i:january|february|march|april|may|june|july|august|september|"
    r"october|november|december) (?:to|and|until)) $"
)
_IN_A_MONTH_BEFORE = re.compile(rf"\b(?:{_IN_A_MONTH}) $", re.IGNORECASE)
# Those words in any case, for the first of a sentence: "From May to August".
_OPENING_DATE = re.compile(_BEFORE_DATE.pattern, re.IGNORECASE)
# Words after a surname that make it name several people: "the Miliband brothers".
_GROUPS = _wordset(
    """brothers sisters siblings twins family families cousins couple dynasty clan
    household pair duo trio relatives"""
)
# Words for people of a family that also follow a place's name ("Kenya women won gold",
# "Gaza parents said"): after a surname alone they name several ("the Justiniano women").
_KIN = _wordset("""women men wives husbands spouses parents sons daughters""")
_PLACE_OF = re.compile(
    r"\b(?:city|town|port|village|county|province|district|state|region|department) of $"
)
_INSTITUTION_OF = re.compile(
    r"\b(?:University|College|Institute|Bank|Museum|School|Academy|Hospital|Library|Church|"
    r"Council|Court|Diocese|Gulf|Bay|Sea|Isle|Straits?|Cape|Duke|Duchess|Earl)"
    r"(?: [A-Z][\w’'-]*)* of (?:the )?$|"
    # "The company that runs the Port of Rostock"; not "from Port Louis of Mauritius".
    r"\bPort of (?:the )?$"
)
# "The" and capitalised words before "of": with two or more that are neither titles nor
# kinds of place, they are an institution's own name.
# Parts of a place ("the North of England"), not names of their own.
_COMPASS = _wordset("""north south east west""")
_WORDS_OF = re.compile(r"\b[Tt]he ((?:[A-Z][\w’'-]* )+)of (?:the )?$")
# Kinds of institution, after a name and a title: "State University", "Medical College",
# "Crown Court", "Sheriff Court".
_INSTITUTION_AFTER = re.compile(
    r" (?:University|College|Institute|Bank|Museum|School|Academy|Hospital|Library|Court)\b"
)
# A month after "and" that opens a person's name: "May and June Sarpong spoke".
_MONTH_AND_NAME_AFTER = re.compile(
    r" (?:and|or) (?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December) [A-Z][a-z]"
)
_DATE_AFTER = re.compile(
    r" (?:\d|next year|last year|this year)|"
    # Another month after it: "between May and September", "a wet May and June".
    r" (?:and|to|until|till|through|or) (?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b|[-–](?:January|February|March|April|"
    r"May|June|July|August|September|October|November|December)\b"
)
_DOMAIN_AFTER = re.compile(
    r"\.(?:com|org|net|co|io) (?:Stadium|Arena|Field|Park|Centre|Center|Dome|Bowl|Oval|"
    r"Ground|Theatre|Theater|Hall|Amphitheatre|Amphitheater|Cup|Open|Classic|Championships?|"
    r"Trophy|Prize|Festival|Series|Grand Prix)\b"
)
_CURRENCY_AFTER = re.compile(r"[$€£¥]")
_NEXT_WORD = re.compile(r" (\w[\w'’-]*)")
_JOINED_AND_NAME = re.compile(r"[-‐‑–][A-Z][\w'’]*(?:[-‐‑–][A-Z][\w'’]*)* ([A-Z][\w'’-]*)")
_BOTH_BEFORE = re.compile(r"\b[Bb]oth $")
_AND_OR_AFTER = re.compile(r"(?:['’]s)?(?:,| (?:and|or|&|as well as)\b)")
_COUNTED_BEFORE = re.compile(r"\b[Tt]he (?:two|three|four|five) $")
_ERAS = frozenset({"bc", "ad", "bce", "ce"})
_ERA_BEFORE = re.compile(r"(?:\d|\bcentury|\bmillennium|\bcenturies) $")
# ISO 4217 codes a wire writes before an amount.
_CURRENCY_CODES = _wordset(
    """USD EUR GBP JPY CNY INR KES GHS NGN ZAR TZS UGX RWF ETB EGP MAD DZD TND XOF XAF
    PKR BDT LKR NPR IDR MYR PHP THB VND KRW TWD HKD SGD AUD NZD CAD MXN BRL ARS CLP COP
    PEN UYU BOB PYG VES CHF SEK NOK DKK ISK PLN CZK HUF RON BGN RSD TRY RUB UAH KZT UZS
    GEL AMD AZN ILS JOD SAR AED QAR KWD OMR BHD IRR IQD MMK KHR LAK MNT"""
)
_AMOUNT_AFTER = re.compile(r" ?\d")
_CALLED_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been|being) (?:called|named)|surnamed|"
    r"(?:[Tt]he|[Aa]) (?:sur|family |first |given )?name|(?:sur|first |given )name is(?: also)?|"
    r"(?:name|named|call|called) (?:her|him|it|them)|"
    # Someone who gave a name and no more: "a boatman who gave his name only as Ganga",
    # "a driver who gave his name as Budi", "who identified herself only as Lan".
    r"gave (?:his|her|their) (?:first )?name(?: only)? as|identified (?:himself|herself) "
    r"(?:only )?as|"
    # A thing's name, or someone else's: "a bar called Goya", "a dog named Putin", "a man
    # named Ruto" (not "the party named Ruto as its candidate").
    r"\b(?:[Aa]n?) (?:bar|café|cafe|pub|restaurant|hotel|shop|store|dog|cat|horse|boat|"
    r"ship|band|song|film|album|book|play|man|woman|boy|girl|grey|gray|bay|chestnut|mare|"
    r"colt|filly|gelding|stallion|camel|donkey|racehorse|train) (?:called|named)) $"
)
# A name its bearer gave alone: "said Lan, a 34-year-old accountant who gave only one
# name" (not "near the Bibi-Khanym Mosque, who gave only his first name", the seller).
_ONE_NAME_GIVEN_AFTER = re.compile(
    r", an? (?:[\w-]+ ){0,5}who (?:gave|would give) only (?:one|her first|his first|a first) "
    r"name\b"
)
# What a place or a firm was called before: its former name, which is the place or the
# firm ("when it was called Dahomey", "Aktau, which was called Shevchenko until 1991",
# "The city of Toyota was called Koromo until 1959"); not "half of Tuscany was called
# Lorenzo", the name as a word.
_FORMER_NAME_BEFORE = re.compile(r"\b(?:it|which|that) (?:was|were) called $")
# What trades or is listed "under the name" is the thing so named: "opened his shop in
# 1889 under the name Nintendo Koppai", "listed in 1990 under the name Ichan Qal’a".
_UNDER_THE_NAME_BEFORE = re.compile(r"\bunder the name $")
_FORMER_NAME_UNTIL = re.compile(r" (?:until|till|before) (?:1[5-9]|20)\d\d\b")
# A thing whose name it was, which is no place or firm of the name.
_NAMED_THING_BEFORE = re.compile(
    r"\b(?:ship|vessel|boat|yacht|ferry|tanker|liner|icebreaker|submarine|airport|stadium|"
    r"arena|street|square|avenue|bridge|school|hospital|dog|cat|horse|Labrador|puppy|"
    r"operation|plan|programme|program|prize|award|trophy|tournament|cup|race|song|album|"
    r"film|book|band|bar|pub|restaurant|hotel)\b[^.;]*\b(?:it|which|that|who) (?:was|were) "
    r"called $"
)
_CASE_BEFORE = re.compile(r"[A-Z][\w’'-]*(?: and [Oo]thers)? v\. $")
_CASE_AFTER = re.compile(r" v\. [A-Z]")
# A sentence about a court (not "Georgia v. Russia is the Rugby Europe decider").
_COURT_WORDS = re.compile(
    r"\b(?:[Cc]ase|[Cc]ourts?|[Rr]uling|ruled|[Jj]udgm?ents?|[Jj]udges?|lawsuit|appeal|"
    r"Chamber|[Tt]ribunal|petition|plaintiffs?|defendants?)\b"
)
_VESSEL_BEFORE = re.compile(
    r"\b(?:tug|ship|vessel|boat|ferry|tanker|yacht|trawler|freighter|liner|cutter|frigate|"
    r"destroyer|submarine|schooner|barge|dredger|"
    # A carrier is a firm as often as a ship ("Danish container carrier Maersk said"): a
    # ship only after an article or a flag ("the bulk carrier Kastamonu").
    r"(?:\b(?:[Tt]he|[Aa]n?|own|its|their|-flagged|-registered)(?: [a-z][\w-]*)? )"
    r"(?:bulk|ore|car|cargo|container) carrier|"
    r"steamer|icebreaker|catamaran|dhow|sloop|corvette|containership)"
    r"(?: |, the | the |,? (?:named|called|christened|registered as)(?: the)? )$|"
    # A name given to a ship at registry: "a motor yacht, registered as the Cherno More"
    # (not "registered as the ANC’s candidate").
    r"\b(?:ship|vessel|boat|yacht|tanker|ferry|trawler|freighter|carrier)\b[^.;]{0,40}"
    r"registered as the $"
)
_JOINED_WORD = re.compile(r"[-‐‑–][A-Z][\w'’]*")
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*)[-‐‑–]$")
# Prefixes joined to a name that make no longer name: "Anti-Putin", "Pro-Russia".
_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "neo", "pan", "mid", "trans"})
_PARTICLE_AND_NAME = re.compile(
    r" (?:de la|de las|de los|de|del|da|do|dos|das|di|du|von|van|der|den) [A-Z]"
)
_PREVIOUS_WORD = re.compile(r"(\w[\w'’.-]*) $")
_POSSESSIVE_END = re.compile(r"['’]s$|(?<=s)['’]$")
# Possessives that open names of their own, not an owner's: "the People’s Bank of China",
# "the Women’s Super League", "the Women’s World Cup", "the People’s Democratic Party".
_NAME_OPENING_POSSESSIVES = _wordset(
    """people women men children girls boys ladies gentlemen king queen prince princess
    st saint workers worker farmers veterans citizens nation nations"""
)
_NAME_AND_PARTICLE = re.compile(
    r"(?<![\w'’.-])([A-Z][\w'’-]*) (?:de|del|da|do|dos|das|di|du|von|van|der|den) $"
)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”)]?\s+|[\"“‘'(\n]\s*|\s[-–—]\s)$")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is in capitals at the start of a line, as a dateline
    is ("SEOUL (Newsroom) -", "RIO DE JANEIRO, Nov 19 -"): there a name in any case is
    taken, where elsewhere "US" is not "us"."""
    words = text[start:end]
    return (start == 0 or text[start - 1] == "\n") and words.isupper() and len(words) > 2


# A stretch of text written in capitals: up to a lower-case letter, a line break or a
# double quote either side. Another word of capitals in it makes it a sign, a banner or
# a headline, not an acronym in running text.
_CAPITALS_WORD = re.compile(r"\b[^\W\d_]{2,}\b")


def in_capitals(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word or words in capitals among other words in
    capitals ("“TALLINN IS NOT FOR SALE”", "a sign reading “GÖTEBORG = VOLVO”"): a
    banner or a sign is written so whatever its names, so there a name in any case is
    taken, as in a dateline."""
    words = text[start:end]
    if not (words.isupper() and len(words) > 2):
        return False
    low = start
    while low > 0 and text[low - 1] not in _CAPITALS_STOPS and not text[low - 1].islower():
        low -= 1
    high = end
    while high < len(text) and text[high] not in _CAPITALS_STOPS and not text[high].islower():
        high += 1
    around = text[low:start] + " " + text[end:high]
    return any(word.group().isupper() for word in _CAPITALS_WORD.finditer(around))


_CAPITALS_STOPS = frozenset('\n"“”')


# What follows a dateline's city when it is written in the case of its name ("Cork,
# Ireland, Nov 14 (Newsroom) —"): the regions it adds, then a date or an agency in
# brackets (at least one of them: "Paris, Texas, is" opens a sentence, not a story),
# then a dash.
_DATELINE_AFTER = re.compile(
    r"(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*)*"
    r"(?:(?:, [A-Z][a-z]{2,8}\.? \d{1,2})(?: \([A-Z][\w ]*\))?|(?: \([A-Z][\w ]*\)))"
    r" [-–—]"
)


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a dateline's city: in capitals at the start of a line
    (``is_dateline``), or at the start of the story's first line in the case of its name
    and followed by what follows a dateline ("Cali, Colombia, Nov 17 (Newsroom) —"). A
    dateline is a dateline however the wire writes its case."""
    if is_dateline(text, start, end):
        return True
    return start == 0 and bool(_DATELINE_AFTER.match(text, end))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def opens_sentence(text: str, start: int) -> bool:
    """Whether a word starting at ``start`` is the first of its sentence or line."""
    return bool(_SENTENCE_OPENING.search(text[max(0, start - 4) : start]))


def refusal(
    text: str,
    start: int,
    end: int,
    owner: bool = False,
    sign: bool = False,
    joined: bool = False,
    joined_before: bool = False,
    acronym: bool = False,
    whole_name: bool = False,
    persons_name: bool = False,
) -> str | None:
    """Why the hit at ``start:end`` is no mention in its context, or None if it may be.

    Each check reads only the words next to the hit. ``owner`` says that the word before
    is no part of a longer name: a name of ours with a possessive ("India’s Punjab"), or
    a person's nationality ("New Zealander Craig O’Connell"). ``sign`` says that the hit
    is a name written in capitals on a sign or a banner in capitals (``in_capitals``),
    read in any case because no alias is written so. ``joined`` says that a name of ours
    follows it after a hyphen ("US-China talks"), ``joined_before`` that one comes
    before it so ("US-China talks" for "China"). ``acronym`` says that the hit is an
    organisation's name in capitals ("UNESCO"), which owns the generic capitalised words
    after it ("a UNESCO World Heritage site", "the CEV Champions League"); ``whole_name``
    that it is an organisation's whole name of several words, a name of its own after
    another's and "of" ("the Edmonton Elks of the Canadian Football League");
    ``persons_name`` that it is a person's name of several words, no institution's after
    "of" ("the PDCI of Tidjane Thiam").
    """
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    folded = fold(text[start:end])
    # The place in an institution's or a feature's name: "University of Washington",
    # "Bank of Jamaica", "Gulf of Mexico", "Isle of Man".
    if (
        not whole_name
        and not persons_name
        and (_INSTITUTION_OF.search(before) or _institution_named(before))
    ):
        return "longer name"
    # The name as a name: "Half of Antioquia is called Restrepo", "a village is named
    # de Jong", "identified only by the surname Petrović", "whose first name is also
    # Stalin", "fans voted to name her Tatum"; and a vessel's name: "the pilot tug
    # Mombasa", "their boat, the Aurora".
    if (_CALLED_BEFORE.search(before) or _ONE_NAME_GIVEN_AFTER.match(text, end)) and not (
        (
            (_FORMER_NAME_BEFORE.search(before) or _FORMER_NAME_UNTIL.match(text, end))
            # Not a thing's former name: "the ship, which was called Lenin until 1991".
            and not _NAMED_THING_BEFORE.search(text, max(0, start - 80), start)
        )
        or _UNDER_THE_NAME_BEFORE.search(before)
    ):
        return "name as a word"
    # A number of people of one name: "The two Kasozi are on the same side" (not "the
    # two San Pedro Sula clubs", where the name says whose the clubs are).
    if _COUNTED_BEFORE.search(before) and (
        _PHRASE_ENDS.match(text, end) or _PLURAL_VERB_AFTER.match(text, end)
    ):
        return "plural"
    if _VESSEL_BEFORE.search(before):
        return "vessel"
    # A court case's name: "Beridze and Others v. Georgia", "Georgia v. Russia" (a match
    # is written "v" or "vs").
    if (_CASE_BEFORE.search(before) or _CASE_AFTER.match(after)) and _COURT_WORDS.search(
        text, max(0, start - 150), end + 150
    ):
        return "longer name"
    # An era after a year or a century: "the first century BC" is no British Columbia.
    if folded in _ERAS and _ERA_BEFORE.search(before):
        return "date"
    # A currency prefix: "US$125" is an amount, not the United States; and a currency's
    # code before a number: "GHS 4 million" is cedis, not the Ghana Health Service.
    if _CURRENCY_AFTER.match(after):
        return "currency"
    # A web address that opens a longer name: "the Swansea.com Stadium", "Crypto.com
    # Arena" (not "Amazon.com said", the firm).
    if _DOMAIN_AFTER.match(after):
        return "longer name"
    if text[start:end] in _CURRENCY_CODES and _AMOUNT_AFTER.match(after):
        return "currency"
    # The name as a word, said to be a name ("Okafor is a common surname in the south",
    # "Rossi is among the most common names"): what follows is about the word, not about
    # one of the people who bear it, as a name quoted on its own is.
    if _A_NAME_AFTER.match(text, end) or (
        _THE_BEFORE.search(before) and _NAME_AFTER.match(text, end)
    ):
        return "name as a word"
    # A month with a date around it: "in May", "May 2019", "by May next year", "until at
    # least March", "the end of March".
    if (
        folded in MONTHS
        and _title_before(text, start) is None
        and (_DATE_AFTER.match(after) or _date_before(text, start))
        # "part of May’s inner circle", "the rest of May’s cabinet": the possessive is a
        # person's (a month's would be "May’s figures", after none of these words).
        and not (_POSSESSIVE_AFTER.match(after) and _IN_A_MONTH_BEFORE.search(before))
        and not _MONTH_AND_NAME_AFTER.match(after)
    ):
        return "month"
    # Joined by a hyphen to a capitalised word that a capitalised word follows, it opens
    # a longer name ("the Vall-Brenna Free Trade Zone"); "US-China talks" are two names.
    compound = _JOINED_AND_NAME.match(after)
    if compound and not _may_follow_a_name(compound.group(1)):
        return "longer name"
    # Joined by a hyphen to a capitalised word that is no name of ours, and then a stop or
    # a word no noun phrase ends with, it is the start of a name we do not know
    # ("Guinea-Bissau in Malabo", "Bío-Bío reported"); two names joined so before a noun
    # are two ("US-China talks", "Tarma-Lima trains"), as two names of ours are anywhere.
    joined_word = _JOINED_WORD.match(after)
    if (
        joined_word
        and not joined
        and not sign
        and (
            _PHRASE_ENDS_NARROW.match(after, joined_word.end())
            or _SPEAKS_AFTER.match(after, joined_word.end())
            or _NAMED_THING_AFTER.match(after, joined_word.end())
        )
    ):
        return "longer name"
    # Its end, joined by a hyphen to a capitalised word not ours before it: "the Stade
    # Geoffroy-Guichard" is no Guichard of ours.
    prefix = _JOINED_BEFORE.search(before)
    if (
        prefix
        and not joined_before
        and not sign
        and prefix.group(1).lower() not in _PREFIXES
        and not is_title(prefix.group(1))
    ):
        return "longer name"
    # On a sign or a banner in capitals every word is capitalised: the words beside a
    # name there say nothing of a longer name ("“TALLINN IS NOT FOR SALE”"). An alias
    # written in capitals ("CARE", "MAS") is still read so: there it may be any word.
    next_word = None if sign else _NEXT_WORD.match(after)
    if next_word:
        word = next_word.group(1)
        # A surname naming several people: "the Miliband brothers", "the Kim family",
        # "the Bakari couple’s firm".
        if word.lower().removesuffix("’s").removesuffix("'s").rstrip("’'") in _GROUPS:
            return "plural"
        # Inside a longer name that is not ours: "Harris Poll", "Rio Grande do Sul",
        # "Kim Dae-jung", "Jordan River". (A name of ours would have been the longer
        # hit.) Days and months after a name are dates: "Putin Tuesday".
        if (
            _capitalised(word)
            and not _may_follow_a_name(word)
            and not _party_member_after(word, before)
            and not _office_of(after)
            and not (acronym and word in _OWNED_BY_AN_ACRONYM)
            and not _A_NATIONS_BODY_AFTER.match(after)
        ):
            return "longer name"
        # Or a title that begins an institution's name: "Issyk-Kul State University".
        if _capitalised(word) and _INSTITUTION_AFTER.match(after, next_word.end()):
            return "longer name"
        # Or joined to one by a particle: "Cumbres de Monterrey National Park", "Santos
        # da Silva", "Ludwig van Beethoven", "the Río de la Plata".
        if _PARTICLE_AND_NAME.match(after):
            return "longer name"
    # A capitalised word and a particle before it: the end of a longer name not ours
    # ("Universidad del Valle", "Leonardo da Vinci"), as one after it is its start.
    joined = _NAME_AND_PARTICLE.search(before)
    if joined and not is_title(joined.group(1)) and not owner:
        return "longer name"
    previous = None if sign else _PREVIOUS_WORD.search(before)
    if previous:
        word = previous.group(1)
        word_start = start - 1 - len(word)
        # "Stadium Southland, whose roof...", "Lake Taupo rose": a word that names a
        # kind of place or building opens a longer name even at the start of a sentence.
        if word in _FEATURE_WORDS:
            return "longer name"
        # "Shepherd’s Bush", "George Washington University": a capitalised word before
        # that is neither a title, nor the first word of the sentence, nor the last of
        # the one before ("on Monday. King Abdullah").
        if (
            _capitalised(word)
            and not is_title(word)
            # "On Tuesday Petro wrote", "In March Kagame said": a date is no name, nor is
            # its possessive ("before Saturday’s Indian Super League match").
            and _POSSESSIVE_END.sub("", word.lower()) not in _DATE_WORDS
            # An owner before a whole name of several words: "Norway’s Höegh LNG" (a
            # word alone may end one: "Shepherd’s Bush").
            and not (
                _POSSESSIVE_END.search(word)
                and " " in text[start:end].strip()
                and _POSSESSIVE_END.sub("", word.lower()) not in _NAME_OPENING_POSSESSIVES
            )
            # "Perth-based Arafura Gas", "London-listed Andean Copper": a compound that
            # ends in a lower-case word describes the name; it is no part of it.
            and not ("-" in word and word.rsplit("-", 1)[-1].islower())
            and not (word.endswith((".", "!", "?")) and not is_title(word))
            and (not opens_sentence(text, word_start) or word.endswith(("'s", "’s")))
            and not owner
            and not (" " in text[start:end].strip() and _after_a_portfolio(before))
            # A title of several words ending in a capitalised noun: "Head of Government
            # Clara Brugada".
            and not _HEAD_OF_BEFORE.search(before)
        ):
            return "after a name"
    return None


# A title and its portfolio, capitalised, before a name of several words: "Minister of
# Indigenous Peoples Sonia Guajajara", "Secretary for Education Christine Choi".
_PORTFOLIO = re.compile(
    r"\b([A-Z][\w-]*) (?:of|for)(?: the)? (?:[A-Z][\w’'-]*,? (?:(?:and|&) )?){1,4}$"
)


def _after_a_portfolio(before: str) -> bool:
    """Whether ``before`` ends with a title and its portfolio (``_PORTFOLIO``)."""
    portfolio = _PORTFOLIO.search(before)
    return bool(portfolio) and is_title(portfolio.group(1))


# Words that make "a name" fame, not a name as a word: "a household name in America",
# "the biggest name in the draw".
_FAME = (
    r"(?:big|bigger|biggest|household|famous|top|star|leading|hottest|best-known|"
    r"well-known|marquee)\b"
)
# "Is a common name", "is among the most common surnames", "was a popular given name".
# Also what the word means ("Bērziņš means “little birch”", "Kováč, which means
# smith,"), and the name as a name ("The Okafor name is common in the south", "the
# Okafor surname was").
_A_NAME_AFTER = re.compile(
    r"(?:,(?: [a-z]+){1,3},)? (?:is|was|remains) (?:a|an|the|one of the|among the)"
    rf"(?: (?!{_FAME})[\w-]+){{0,3}}"
    r" (?:(?:family|given|first|last) )?(?:names?|surnames?|patronymics?)\b"
    r"(?! (?:to watch|synonymous))|"
    r"(?:,? (?:which|that))? means\b|"
    r" (?:(?:family|given|first|last) )?(?:name|surname) (?:is|was)\b|"
    rf", (?:a|an) (?:(?!{_FAME})[\w-]+ ){{0,2}}(?:name|surname)\b(?! of| to watch| synonymous)"
)
# After "the" and a name: the name as a name, whatever follows ("The Bennani name,
# carried by both,").
_NAME_AFTER = re.compile(r" (?:(?:family|given|first|last) )?(?:name|surname)\b")


# A chamber and the office held in it after a place: "Illinois House Speaker Michael
# Madigan", "Texas Senate Majority Leader", as "New York Governor" is a place's office.
_CHAMBER_AND_OFFICE = re.compile(
    r" (?:House|Senate|Assembly|Legislature|Council) ([A-Z][\w-]*)(?: ([A-Z][\w-]*))?\b"
)


# What an organisation's name in capitals owns after it: its events, prizes and lists ("a
# UNESCO World Heritage site", "the CEV Champions League"); not another name ("CSKA
# Sofia", "ABC News") nor a ground it sponsors ("BMO Field").
_OWNED_BY_AN_ACRONYM = frozenset(
    {"World", "Heritage", "Champions", "Championship", "Championships", "League", "Cup"}
    | {"Games", "Trophy", "Convention", "Summit", "Conference", "Congress", "Awards"}
    | {"Prize", "Secretary-General", "President", "Report", "Index"}
)
# After a name joined by a hyphen to a word not ours, what makes the two one name, with a
# verb of speech (``_SPEAKS_AFTER``): a newspaper's verbs ("the Weser-Kurier called it"),
# or a station ("Casa-Voyageurs station"), where other nouns make two names ("US-China
# talks", "the Mombasa-Nairobi railway").
_NAMED_THING_AFTER = re.compile(r" (?:called|calls|reported|reports|station)\b")
# Words that open the name of a building, a feature or a station, capitalised so even
# where the sentence does not begin ("Stadium Southland", "Mount Kenya", "Radio Tirana").
_FEATURE_WORDS = frozenset(
    {"Stadium", "Stadion", "Estadio", "Stade", "Arena", "Lake", "Mount", "Fort", "Port"}
    | {"Cape", "Radio", "Hotel", "Air", "Police"}
)


def _office_of(after: str) -> bool:
    """Whether ``after`` opens with a chamber and an office in it ("House Speaker")."""
    office = _CHAMBER_AND_OFFICE.match(after)
    return bool(office) and any(word and is_title(word) for word in office.groups())


def _date_before(text: str, start: int) -> bool:
    """Whether the words before ``start`` make a month there a date ("in May", "until at
    least March"), their first word capitalised too when it opens the sentence ("From May
    to August, ...")."""
    before = text[max(0, start - 40) : start]
    if _BEFORE_DATE.search(before):
        return True
    words = _OPENING_DATE.search(before)
    return bool(words) and opens_sentence(text, start - len(words.group(0)))


def _institution_named(before: str) -> bool:
    """Whether ``before`` ends in "the", an institution's or an event's name and "of":
    two or more of its words are neither titles nor kinds or parts of place ("the
    Investment Corporation of", "the Drugs Controller General of"), or its one word is
    neither ("the Tour of", "the Treaty of"), where an office held in a place has one at
    most beside a title or a kind of place ("the Trade Minister of", "the Attorney General
    of", "the Islamic Republic of", "the North of"). A person takes no "the" ("Senator
    Tom Marsh of Spokane")."""
    words = _WORDS_OF.search(before)
    if words is None:
        return False
    words = words.group(1).split()
    own = [
        word
        for word in words
        if not is_title(word) and _stem(word) not in _PLACE_TYPES and word.lower() not in _COMPASS
    ]
    return len(own) >= 2 or len(own) == len(words)


# Written after a name without making it another name: "Abdullah II", "Martin Luther King
# Jr", "Catriona May KC", "Putin Tuesday", "United Nations Secretary-General".
_NAME_SUFFIXES = _wordset("""ii iii iv jr sr kc qc sc obe cbe mbe kbe dbe frs phd""")


# A nation's service or coast after its name, which is the nation: "the US Treasury",
# "a U.S. Navy pilot", "the US West Coast" (its own entities, when we have them, are the
# longer hit: "US Army Corps of Engineers").
_A_NATIONS_BODY_AFTER = re.compile(
    r" (?:Treasury|Navy|Army|Air Force|Coast Guard|Marines|Federal Reserve|Embassy|"
    r"Consulate|(?:West|East|Gulf|Pacific|Atlantic) Coast)\b"
)


_HEAD_OF_BEFORE = re.compile(r"\b[Hh]ead of (?:Government|State) $")


def _may_follow_a_name(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in _NAME_SUFFIXES or lowered in _DAYS or lowered in MONTHS or is_title(word)


# A party's member from a place, after its name: "a Philadelphia Democrat", "two Texas
# Republicans" (not "Bowling Green", a longer name).
_PARTY_MEMBERS = _wordset(
    """Democrat Democrats Republican Republicans Socialist Socialists Tory Tories"""
)


def _party_member_after(word: str, before: str) -> bool:
    """Whether ``word`` after a place's name says a party's member from it ("a Philadelphia
    Democrat", "two Texas Republicans"), not a party's or a paper's name that "the" opens
    ("the Sweden Democrats", "the Tallahassee Democrat")."""
    return word.rstrip(",.;:") in _PARTY_MEMBERS and not re.search(
        r"\b[Tt]he (?:[a-z][\w-]* )*$", before
    )


_FULL_NAME_OF_BEFORE = re.compile(r"\b[A-Z][\w’'-]+ ([A-Z][\w’'-]+) of $")


def _persons_country_before(text: str, start: int) -> bool:
    """Whether a full name and "of" stand before ``start`` ("Matteo Ricci of "), not a
    title's or an institution's ("Prime Minister of ", "Central Bank of ")."""
    before = _FULL_NAME_OF_BEFORE.search(text, max(0, start - 40), start)
    return bool(before) and not (
        is_title(before.group(1)) or _stem(before.group(1)) in _GENERIC_NAME_WORDS
    )


def is_title(word: str) -> bool:
    """Whether ``word`` is a title, or a hyphenated one ("Secretary-General")."""
    parts = word.lower().rstrip(".").replace("’", "'").split("-")
    return all(part in _TITLES for part in parts)


# --- Given names: "Jermaine" after "Jermaine August" ---------------------------------------

# Given names that are also English words, which a capital at a sentence's start makes
# look like a name ("Will the council", "Hope remains", "Mark the date").
_WORDLIKE_GIVEN = _wordset(
    """will may june april august hope grace faith joy mark bill rose victor frank guy ray
    dawn summer autumn winter river sky pat chase hunter jack sandy rich art earl young
    said noble wade miles rusty amber crystal iris ivy lily daisy violet holly ruby pearl
    penny sunny max don van del gay long lee hardy stone rock cash price sterling"""
)
# Words no given name found alone may be: common, a month, a day, or a word that a
# capital at a sentence's start makes look like a name.
_NO_GIVEN_NAMES = _STOPWORDS | _DATE_WORDS | _WORDLIKE_GIVEN
_GIVEN_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]")


def given_name(named: Named) -> tuple[str, ...]:
    """The given names a person may be called by alone, as written, longest first: the
    first word of a name of two words or more ("Bounmy" for Bounmy Sisavath, "Hubert"
    for Hubert van Eyck), and the first two of a name of three or more ("Luz Dary" for
    Luz Dary Cárdenas); none that is no word of a name (a title, an initial, a particle)
    or is also a common word ("Will", "Hope"), which a capital at a sentence's start
    would make look like one; none for a name written family name first ("Kim Jong Un",
    whom copy calls "Kim": ``family_name_first``)."""
    words = typographic(named.name).split()
    if (
        named.kind != "person"
        or len(words) < 2
        or not _may_be_given(words[0])
        or family_name_first(words, fold(named.description))
    ):
        return ()
    if len(words) >= 3 and _may_be_given(words[1]):
        return (f"{words[0]} {words[1]}", words[0])
    return (words[0],)


# Chinese and Korean family names as English copy spells them (pinyin, Wade-Giles,
# Cantonese and Korean romanisations): the first word of such a name is the family name,
# which copy then uses alone ("Xi Jinping ... Xi said", "Lee Jae-yong ... Lee").
# Vietnamese names are not here: copy calls Pham Minh Chinh "Chinh".
_FAMILY_FIRST = _wordset(
    """ahn an au bae baek bai ban bang bo byun cai cao cha chae chan chang chau chen cheng
    cheung chiang chien chiu cho choe choi chou chow chu chuang chun chung cui dai deng
    ding dong du duan fan fang feng fu fung gao geng gong gu guo ha ham han hao he heo
    hong hou hsiao hsieh hsu hsueh hu huang hui hung hur hwang hyun im jang jeon jeong ji
    jia jiang jin jo joo ju jung kang kao kim ko koh kong kuo kwak kwan kwok kwon lai lam
    lau law lee leung li liang liao lim lin liu lo lu luo ma mak mao meng min moon mun na
    nam ng ni niu noh oh ok pak pan park peng poon qian qin qiu ren rhee roh ryu seo seong
    shao shen shi shih shim shin siu so sohn son song su suh sun sung tam tan tang tian
    tong tsai tsang tsao tse tseng tung wan wang wei wen wong woo wu xi xia xiao xie xiong
    xu xue yan yang yao yau ye yeh yen yeo yi yim yin yip yoo yoon yu yuan yuen yun zeng
    zhang zhao zheng zhong zhou zhu zou"""
)
# A description that says a person is Chinese or Korean (or of Singapore or Malaysia,
# whose Chinese names are written so): then a given name of one plain word or of two
# short ones follows the family name too ("Wang Yi", "Kim Jong Un", "Tan Wei Ming").
_EAST_ASIAN = re.compile(
    r"\b(?:chin(?:a|ese)|taiwan(?:ese)?|hong kong|macau|kore(?:a|an)|singapor(?:e|ean)|"
    r"malaysian?)\b"
)


def family_name_first(words: list[str], description: str) -> bool:
    """Whether a person's name of ``words`` is written family name first, as Chinese and
    Korean names are in English copy: a family name of ``_FAMILY_FIRST``, then a given
    name of one hyphenated word ("Lee Jae-yong", "Lai Ching-te"), or, when the
    ``description`` (folded) says the person is Chinese or Korean, of one word ("Xi
    Jinping") or of two short ones ("Kim Jong Un", "Lee Kuan Yew"). Not "Lee Anderson",
    "Lee Ann Fox" or "Chan Ho Park" (a Korean name in Western order), whose descriptions
    do not say so or whose last word is a family name."""
    if len(words) not in (2, 3) or words[0].lower() not in _FAMILY_FIRST:
        return False
    given = words[1:]
    if not all(word[:1].isupper() and word.replace("-", "").isalpha() for word in given):
        return False
    if len(given) == 1 and "-" in given[0]:
        first, _, second = given[0].partition("-")
        return len(first) <= 5 and second.islower() and len(second) <= 5
    if len(given) == 2 and (
        any(len(word) > 4 for word in given) or given[1].lower() in _FAMILY_FIRST
    ):
        return False
    return bool(_EAST_ASIAN.search(description))


def _may_be_given(word: str) -> bool:
    lowered = word.lower()
    return not (
        len(word) < 3
        or not _GIVEN_WORD.fullmatch(word)
        or not word[0].isupper()
        or word.isupper()
        or is_title(word)
        or lowered in _NO_GIVEN_NAMES
    )


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
    from articles.anchoring.matching import Match

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
    from articles.anchoring.matching import Match

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
    if not _may_be_given(words[-1]):
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
    from articles.anchoring.matching import Match

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
            # A person's name takes no "the": "the Kayapó would wait", "the veteran
            # Kayapó chief" are a people of the name (not "the elder Walsh").
            if _THE_AND_A_WORD_BEFORE.search(text, max(0, start - 30), start):
                continue
            pronoun = _pronoun_after(text, start, end, people, taken)
            key = _surname_holder(text, start, before, profiles, pronoun)
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
        holder = _surname_holder(text, match.start, before, profiles)
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


def _surname_holder(text: str, start: int, named: list, profiles: Mapping, pronoun=None):
    """Of the people named in full before ``start`` (as (end, key)) whose family name
    stands there, the one it is: the only one, the only one a gendered title before it
    or the ``pronoun`` that refers back to it may name (``_fitting``: "Kim, who inherited
    power after his father's death" is not Kim Yo Jong, whose description makes her a
    woman), or else of those the one named last."""
    keys = list(dict.fromkeys(key for _, key in named))
    gender = _gender_written(text, start, pronoun)
    if gender:
        keys = _fitting(keys, gender, lambda key: profiles[key].gender) or keys
    if len(keys) == 1:
        return keys[0]
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


# --- Resolution: which entity? --------------------------------------------------------------

# After a name, what only a person does or has: an age (", 62,"), words said, a journey
# ("is due to visit", "flew"), and "who" (a place or a firm is "which").
_PERSON_AFTER = re.compile(
    r"(?:,? \d{1,3},|, who\b| (?:said|says|told|tells|added|adds|wrote|writes|asked|asks|replied|"
    r"recalled|argued|insisted|warned|noted|explained|laughed|smiled|nodded|shrugged|"
    r"spoke|speaks)\b|(?: (?:is|was|will|would|has|had)(?: due to| expected to| set to)?)?"
    r" (?:visit|visits|visited|travel|travels|travelled|traveled|arrive|arrives|arrived|"
    r"fly|flies|flew|meet|meets|met)\b|"
    # A life's words: "Schwarzenegger grew up in Thal", "Bielsa, now in charge of Uruguay,".
    r" (?:grew up|was born)\b|, now in charge\b)"
)

# What a player does, which no town does: "Horta has now scored in five derbies", "Cazorla
# changed the game".
_PLAYER_AFTER = re.compile(
    r"(?: (?:has|had|have)(?: now| also| already| since| just)?)? (?:scored|netted|struck|"
    r"saved|converted|equalised|equalized|volleyed|headed|curled|dribbled|changed the game|"
    r"came on|came off|limped|retired hurt|served|aced|bowled|batted|pitched|homered)\b"
)


# A direction, as a word before a place says where in it or from it ("north-east of
# Milan", "eastern Washington").
_DIRECTION = (
    r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest)(?:ern)?"
)


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


# "Off" after a verb it belongs to, "held off Marseille", "sold off Antofagasta", is no
# place's; nor is "above" in a table or a ranking ("climbed above Lyon", "ranked above
# Amazon").
_OFF_VERBS = """held hold holds holding saw see sees seeing seen fought fight fights fighting
    fended fend fends fending shrugged shrug shrugs shrugging sold sell sells selling wrote
    write writes written spun spin spins hived knocked knock knocks brushed warded staved
    beat beats beaten"""
_RANKED = """ranked ranks rank rated rates placed place places finished finish finishes
    climbed climb climbs point points spot spots sit sits sat stay stays stayed moved move
    moves rose rise rises lifted lift lifts"""
# "Over the" a river is where it is crossed or flown over ("the Stone Bridge over the
# Vardar"); after anything else it is what a row, a worry or a win is about ("concerns
# over the Amazon takeover", "a win over the Netherlands").
_CROSSING = """bridge bridges crossing crossings crossed cross ferry ferries dam dams flight
    flights flew fly flies flying flown airspace sky skies hung hangs hanging hovered hovers
    hovering smoke cloud clouds rain storm storms view views tower towers towering loomed
    looms"""
# Words before a name that make it a place: "in Rio", "a visit to Jordan", "visitors to
# the Emirates".
_PLACE_BEFORE = re.compile(
    r"\b(?:[Ii]n|to|[Ff]rom|[Aa]cross|[Tt]hroughout|[Ww]ithin|into|via|near|[Oo]utside|"
    r"[Ii]nside|[Aa]round|towards?|along) (?:the )?$|"
    + _not_after(_OFF_VERBS)
    + r"\boff (?:the )?$|"
    + _not_after(_RANKED)
    + r"\babove (?:the )?$|"
    # Where a place lies from another, and a river's length: "an hour north-east of
    # Milan", "north of Cagliari", "over the Vardar", "further down the Mahaweli".
    rf"\b{_DIRECTION} of $|\b(?:down|up) the $|" + _just_after(_CROSSING) + r"over the $"
)
_NAMESAKE_BEFORE = re.compile(r"\b(?:its|their|his|her|the) names? from $")
# What only a place has, before "of" and its name: "the mayor of Lille", "the people of
# Lille", "the centre of Liverpool", "the firefighters of Marseille" (a club has fans, not
# residents, and no centre).
_PART_OF_A_PLACE_BEFORE = re.compile(
    r"\b(?:[Mm]ayors?|[Pp]eople|[Rr]esidents|[Ii]nhabitants|[Cc]itizens|[Cc]entre|[Cc]enter|"
    r"[Hh]eart|[Oo]utskirts|[Ss]uburbs|[Ss]treets|[Ff]irefighters|[Pp]olice|[Hh]ospitals|"
    r"[Ss]chools|[Nn]eighbourhoods|[Nn]eighborhoods|[Dd]istricts|[Pp]rosecutors?|"
    r"[Gg]overnment|[Gg]overnor|[Bb]ishop|[Aa]rchbishop|[Pp]ort) of $"
)
# A city or a country hosts a games, a cup or a summit: "before Brisbane hosts the 2032
# Summer Olympics" (a team hosts another team, "Lyon host Marseille", and hosts games).
_HOSTS_AFTER = re.compile(
    r"(?: will| would| is to| to)? host(?:s|ed|ing)? (?:the |\d+ |two |three |four |five |six |"
    r"seven |eight |nine |ten |several |some )?(?:\d{4} )?(?:[A-Z][\w’'-]* )*"
    r"(?:Olympics|Olympic Games|Games|World Cup|summit|conference|festival|Expo)\b"
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|A|An) $")
# Words set beside a name that describe it: "Reid, a former engineer,", "Reid, who...".
_APPOSITION_AFTER = re.compile(r", (?:a|an|the|who|whose|known as|known at home as)\b")
# Of those, the words that say what it is (", the state lender,"); a clause (", who is
# no relation to the judge,") may be about someone else.
# "The" and up to four lower-case words before a name: what the story calls the person.
_DESCRIBED_BEFORE = re.compile(r"\b[Tt]he ((?:[a-z][\w’'-]* ){1,4})$")
_DESCRIBED_AFTER = re.compile(r", (?:a|an|the)\b")
_APPOSITION_CLOSES = re.compile(r"[,;:.!?(]")
# What only a nation has: "Jordan’s national team".
_NATIONAL_AFTER = re.compile(r"['’]s national\b")
# A match's result, after a team's name or before it.
_TEAM_AFTER = re.compile(
    r" (?:came from behind to |went on to )?(?:beat|beats|defeated|defeats|drew with|draws "
    r"with|lost to|loses to|thrashed|edged|qualified for|qualify for|qualifies for)\b|"
    # Teams play, face and host one another, in the plural as a team's players do: "PNG
    # play Australia", "Lyon host Marseille" ("Qeravia faces sanctions" is a country's).
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
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
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
# A plural verb after a place's name of one, as its sentence's subject: a team, its
# players ("Houston are a game ahead"; not "councillors in Trafford have asked").
_PLURAL_VERB_AFTER = re.compile(r" (?:are|were|have)\b")
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
# What a team has or does and a country or a city does not: "Zimbabwe’s captain",
# "the former Barcelona striker", "Zimbabwe’s bowlers"; and ", who", for a team is its
# players ("Zimbabwe, who resumed on 96").
# Wins over a side: "four successive wins over Leinster" (a country's only in a story
# about a game: not "victory over Russia" in a war, "a legal victory over Ecuador",
# "Napoleon's victories over Austria", nor a person's: "Biden's victory over Bloomberg").
_WINS_OVER_BEFORE = re.compile(r"\b(?:wins|victory|victories) over $")
# Cricket's and rugby's words that other trades use too: "Lancashire spinners and
# weavers", "commuters to Kent props up house prices" (in a story about a game only).
_SPORT_TRADE_AFTER = re.compile(r"(?:['’]s)? (?:spinners|props|hookers)\b(?! up\b)")
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
    r"(?:head|director) of rugby|first-innings|second-innings)\b|, who\b"
)
# A team's player by their place in it, and the sport it says ("an Ireland prop").
_POSITIONS = {
    "rugby": "prop props hooker hookers flanker flankers fly-half scrum-half lock locks",
    "cricket": "spinner spinners seamer seamers paceman pacemen batsman batsmen wickets",
    "football": "striker strikers goalkeeper goalkeepers midfielder midfielders",
    "gridiron": "quarterback quarterbacks linebacker linebackers",
    "baseball": "pitcher pitchers shortstop",
}
_POSITION_SPORT = {word: sport for sport, words in _POSITIONS.items() for word in words.split()}
# The words a description names each sport by ("rugby union", "association football").
_SPORT_NAMES = {
    "rugby": {"rugby"},
    "cricket": {"cricket"},
    "football": {"football", "soccer"},
    "gridiron": {"nfl", "gridiron"},
    "baseball": {"baseball"},
}
# Games with goalkeepers, strikers and midfielders that are not football.
_OTHER_GOAL_GAMES = re.compile(r"(?i)\b(?:hockey|handball|water polo|futsal|lacrosse|netball)\b")


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


# A place's name before "team" or "training camp" is its team's ("the star forward of
# the Georgia team", "a Morocco training camp"); not a team of others ("a Ukraine team
# of prosecutors"), a country's own ("Israel's team in Doha"), nor a camp someone else
# holds there ("their Florida training camp").
_TEAM_AFTER_PLACE = re.compile(r" (?:team\b(?! of\b)|training camp\b)")
_HELD_BY_BEFORE = re.compile(r"(?:\b(?:their|its|his|her|our)|['’]s) $")
# A team's fans, as a place has none ("Karşıyaka fans", "Rennes season-ticket holders");
# a person has ("the Trump supporters").
_FANS_AFTER = re.compile(r" (?:fans|supporters|ultras|season-ticket)\b")
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*\s|\n")
# How much less a cue word counts for each character it stands away from the name.
_CUE_FADE = 40.0
# A shared name goes to the entity whose cues nearby weigh this many times the next one's,
# and at least this much (one word of its description a sentence away weighs less).
_CUE_MARGIN = 1.5
_CUE_FLOOR = 0.2


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
# A club's women's side, and what a story of women's sport says ("the women's league").
_WOMEN = re.compile(r"\b[Ww]omen['’]s\b")
_A_TEAM = re.compile(r"\b(?:team|club|side|squad)\b")
# The level of government written before a body's name: "the federal Finance Ministry".
_LEVEL_BEFORE = re.compile(r"\b([Ff]ederal|[Nn]ational|[Ss]tate|[Pp]rovincial|[Rr]egional) $")
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


def _country_cues(known: Profile) -> frozenset[str]:
    """The stems of the names a generic institution's description holds that are no
    generic words: its country's, often a word of its own name ("United States
    Congress"), and the country whose people's word it opens with ("Swiss political
    party": Switzerland's)."""
    named = (known.proper | known.own_proper) - _GENERIC_NAME_WORDS - _GENERIC_INSTITUTION
    return named - _PARTY_WORDS | _nationality_opening(known.description)


# The country each people's word names (a table, not endings: "Austrian" is no
# "Austr-" that Australia would match, nor "Nigerian" a "Niger-").
_COUNTRY_OF_PEOPLE = {
    "afghan": "afghanistan",
    "albanian": "albania",
    "algerian": "algeria",
    "american": "america",
    "angolan": "angola",
    "argentine": "argentina",
    "argentinian": "argentina",
    "armenian": "armenia",
    "australian": "australia",
    "austrian": "austria",
    "azerbaijani": "azerbaijan",
    "bahraini": "bahrain",
    "bangladeshi": "bangladesh",
    "belarusian": "belarus",
    "belgian": "belgium",
    "beninese": "benin",
    "bolivian": "bolivia",
    "bosnian": "bosnia",
    "botswanan": "botswana",
    "brazilian": "brazil",
    "british": "britain",
    "bulgarian": "bulgaria",
    "burkinabe": "burkina",
    "burmese": "myanmar",
    "burundian": "burundi",
    "cambodian": "cambodia",
    "cameroonian": "cameroon",
    "canadian": "canada",
    "chadian": "chad",
    "chilean": "chile",
    "chinese": "china",
    "colombian": "colombia",
    "congolese": "congo",
    "croatian": "croatia",
    "cuban": "cuba",
    "cypriot": "cyprus",
    "czech": "czech",
    "danish": "denmark",
    "dominican": "dominican",
    "dutch": "netherlands",
    "ecuadorian": "ecuador",
    "egyptian": "egypt",
    "emirati": "emirates",
    "english": "england",
    "eritrean": "eritrea",
    "estonian": "estonia",
    "ethiopian": "ethiopia",
    "fijian": "fiji",
    "filipino": "philippines",
    "finnish": "finland",
    "flemish": "flanders",
    "french": "france",
    "gabonese": "gabon",
    "gambian": "gambia",
    "georgian": "georgia",
    "german": "germany",
    "ghanaian": "ghana",
    "greek": "greece",
    "guatemalan": "guatemala",
    "guinean": "guinea",
    "guyanese": "guyana",
    "haitian": "haiti",
    "honduran": "honduras",
    "hungarian": "hungary",
    "icelandic": "iceland",
    "indian": "india",
    "indonesian": "indonesia",
    "iranian": "iran",
    "iraqi": "iraq",
    "irish": "ireland",
    "israeli": "israel",
    "italian": "italy",
    "ivorian": "ivoire",
    "jamaican": "jamaica",
    "japanese": "japan",
    "jordanian": "jordan",
    "kazakh": "kazakhstan",
    "kenyan": "kenya",
    "korean": "korea",
    "kosovar": "kosovo",
    "kuwaiti": "kuwait",
    "kyrgyz": "kyrgyzstan",
    "lao": "laos",
    "latvian": "latvia",
    "lebanese": "lebanon",
    "liberian": "liberia",
    "libyan": "libya",
    "lithuanian": "lithuania",
    "luxembourgish": "luxembourg",
    "malagasy": "madagascar",
    "malawian": "malawi",
    "malaysian": "malaysia",
    "malian": "mali",
    "maltese": "malta",
    "mauritanian": "mauritania",
    "mexican": "mexico",
    "moldovan": "moldova",
    "mongolian": "mongolia",
    "montenegrin": "montenegro",
    "moroccan": "morocco",
    "mozambican": "mozambique",
    "namibian": "namibia",
    "nepali": "nepal",
    "nicaraguan": "nicaragua",
    "nigerian": "nigeria",
    "nigerien": "niger",
    "norwegian": "norway",
    "omani": "oman",
    "pakistani": "pakistan",
    "palestinian": "palestine",
    "panamanian": "panama",
    "paraguayan": "paraguay",
    "peruvian": "peru",
    "polish": "poland",
    "portuguese": "portugal",
    "qatari": "qatar",
    "romanian": "romania",
    "russian": "russia",
    "rwandan": "rwanda",
    "salvadoran": "salvador",
    "saudi": "saudi",
    "scottish": "scotland",
    "senegalese": "senegal",
    "serbian": "serbia",
    "singaporean": "singapore",
    "slovak": "slovakia",
    "slovenian": "slovenia",
    "somali": "somalia",
    "spanish": "spain",
    "sudanese": "sudan",
    "surinamese": "suriname",
    "swedish": "sweden",
    "swiss": "switzerland",
    "syrian": "syria",
    "taiwanese": "taiwan",
    "tajik": "tajikistan",
    "tanzanian": "tanzania",
    "thai": "thailand",
    "togolese": "togo",
    "tunisian": "tunisia",
    "turkish": "turkey",
    "turkmen": "turkmenistan",
    "ugandan": "uganda",
    "ukrainian": "ukraine",
    "uruguayan": "uruguay",
    "uzbek": "uzbekistan",
    "venezuelan": "venezuela",
    "vietnamese": "vietnam",
    "welsh": "wales",
    "yemeni": "yemen",
    "zambian": "zambia",
    "zimbabwean": "zimbabwe",
}


def _nationality_opening(description: str) -> frozenset[str]:
    """The stem of the country whose people a (folded) description's first word names
    ("german green political party": "german", for Germany; "swiss": "switze"), or
    none for another first word."""
    country = _COUNTRY_OF_PEOPLE.get(description.split(" ", 1)[0])
    return frozenset({_stem(country)}) if country else frozenset()


def _institution_country(story: _Story, keys: list, folded: str):
    """Of generic institutions of several countries ("the Election Commission" of Malaysia
    and of India), the one whose country the story writes, or the places it has named
    are described in, at least twice as often as any other's ("Sabah ... Kota
    Kinabalu": "Malaysian state", "city in Malaysia"); short of that, the one written
    most if it is the only one of the country the story is filed from; None when that
    does not decide. The name's own words say no country (``folded``)."""
    known = story.profiles
    words = story.named_words()
    places = Counter()
    for other, forms in story.recent.items():
        if other in known and known[other].kind == "place":
            places.update(dict.fromkeys(known[other].proper, len(forms)))

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
    best, second = counts[ranked[0]], counts[ranked[1]]
    if best >= 1 and best >= 2 * second:
        return ranked[0]
    # Short of that, the one the story is filed from, if the story writes its country
    # more than any other's: "KAMPALA ... the Supreme Court" is Uganda's in a story that
    # also tells of an abduction in Kenya.
    home = known.get(story.filed_from)
    if home is None or best == second:
        return None
    at_home = home.proper | {_stem(word) for word in _words(home.name)}
    home_ones = [
        key for key in keys if any(word.startswith(cue) for cue in cues[key] for word in at_home)
    ]
    return ranked[0] if home_ones == [ranked[0]] else None


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


# Read in ``_choose``: a spouse named by the other's tie ("the first wife of Mugabe"), and
# a clause saying who the name is not ("Zuma, who is no relation to Jacob Zuma,").
_SPOUSE_OF_BEFORE = re.compile(r"\b(wife|widow|husband|widower) of $")
# Where the words after "shares his name with" stop describing the namesake.
_DESCRIPTION_ENDS = re.compile(r"[,.;:!?)]| (?:said|says|told|who|which|but|and)\b")
_DESCRIBED_NOT_NAMED = re.compile(r"(?:an?|the) ")
_NO_RELATION_AFTER = re.compile(
    r",? (?:\d{1,3}, )?(?:an? [\w -]{3,40}? )?(?:who|who is|is|was)? ?(?:(?:no relation|"
    r"not related|unrelated) (?:to|of)|shares (?:a|his|her|the) (?:sur)?name with) ([^.;]{3,160})"
)


# Words only one sport's reports use, by the word a description names the sport with.
_SPORT_WORDS = {
    sport: frozenset(words.split())
    for sport, words in {
        "football": """pitch striker strikers midfielder midfielders goalkeeper equaliser
            equalised equalises offside half-time kick-off""",
        "basketball": """rebound rebounds dunk dunks three-pointer three-pointers
            buzzer-beater free-throw free-throws""",
        "cricket": "wicket wickets innings bowler bowlers batsman batsmen",
        "rugby": "scrum scrums lineout lineouts fly-half flanker",
        "hockey": "puck rink goaltender power-play",
        "baseball": "pitcher pitchers homer home-run shortstop",
        "hurling": "hurling hurler hurlers sliotar camogie",
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


def _sport_of_story(story: _Story, keys: list, known: Mapping):
    """Of organisations of one name whose descriptions name different sports, the one
    whose sport the story's words are of, when they are at least two and twice any
    other's; None otherwise."""
    sports = {}
    for key in keys:
        if key not in known or known[key].kind != "organization":
            return None
        described = {word.lower() for word in _words(known[key].description)}
        named = [sport for sport in _SPORT_WORDS if sport in described]
        if len(named) != 1:
            return None
        sports[key] = named[0]
    if len(set(sports.values())) < len(keys):
        return None
    words = story.word_counts()
    counts = {
        key: sum(words[word] for word in _SPORT_WORDS[sport]) for key, sport in sports.items()
    }
    ranked = sorted(keys, key=counts.get, reverse=True)
    best, second = counts[ranked[0]], counts[ranked[1]]
    return ranked[0] if best >= 2 and best >= 2 * second else None


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


def _all_of_kind(keys, known: Mapping, kind: str) -> bool:
    """Whether every one of ``keys`` is in ``known`` (their profiles) and of ``kind``."""
    return all(key in known and known[key].kind == kind for key in keys)


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
        # Words before the name count four times their distance.
        distance = 4 * (start - cue_end) if cue_end <= start else cue_start - end
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


_DISTANCE_FROM = re.compile(
    r"(?:\b(?:kilometres|kilometers|km|miles|metres|meters)(?: \w+)?|['’]s drive|"
    rf"\b(?:just|due|directly|immediately)) (?:{_DIRECTION} )?(?:of|from) $"
)
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


# Two longer forms closer than this (characters) leave a short form between them undecided.
_CONTESTED = 250
_QUOTED = re.compile(r"“”|‘’|\"\"|''|“\"|\"”")
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
_STATE_BEFORE = re.compile(r"\b(?:[Gg]overnor|[Pp]remier|[Ss]tate|[Pp]rovince) of $")
_GOVERNOR = re.compile(r"(?<![Bb]ank )\bGovernor [A-Z]")
_CITY_WORDS_IN_SENTENCE = re.compile(r"\b(?:[Mm]ayor|city|[Cc]ity [Hh]all|municipal)\b")


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
_FEDERAL_CAPITAL = re.compile(
    r"\b(?:capital(?: city)? of the (?:united states|u\.s\.|usa|us)\b|u\.?s\.? capital\b|"
    r"seat of the federal government\b)"
)


def _governor_speaks(text: str, start: int, end: int) -> bool:
    """Whether a governor, named with the title, stands earlier in the sentence and no
    mayor or city is in it: "Governor Hirofumi Yoshimura said Osaka would pay" is the
    prefecture."""
    low, high = _sentence_bounds(text, start, end)
    before = text[low:start]
    return bool(_GOVERNOR.search(before)) and not _CITY_WORDS_IN_SENTENCE.search(text, low, high)


# And those that belong to a city: "the Mayor of London", "Chicago City Council".
_CITY_AFTER = re.compile(r" (?:[Mm]ayor|[Cc]ity [Cc]ouncil|[Cc]ity [Hh]all)\b")
_CITY_BEFORE = re.compile(r"\b(?:[Mm]ayor|[Cc]ity|[Tt]own) of $")
_GOVERNED_AFTER = re.compile(r"(?:['’]s)? (?:[a-z]+ )?(?:government|minister|ministry|cabinet)\b")
_GOVERNED_BEFORE = re.compile(r"\b(?:[Gg]overnment|[Cc]abinet) of $")
# "the elder Déby", "the younger Trudeau": one of a family, told apart by age.
_AGE_BEFORE = re.compile(r"\b(elder|older|younger|senior|junior) $", re.IGNORECASE)
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
_DATELINE = re.compile(r"^([A-Z][A-Z .'-]+?)(?:,| \(| -)", re.MULTILINE)
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


def _names(phrase: str, name: str) -> bool:
    """Whether every word of the folded ``name`` is in ``phrase``: "bill and hillary
    clinton" names Bill Clinton."""
    words = set(_words(phrase))
    return all(word in words for word in _words(name))


def _is_older(elder: Profile, younger: Profile) -> bool:
    """Whether a description states a family tie that makes ``elder`` the older one."""
    return any(
        _names(tie.group(1), elder.name) for tie in _NAMES_AN_ELDER.finditer(younger.description)
    ) or any(
        _names(tie.group(1), younger.name) for tie in _NAMES_A_YOUNGER.finditer(elder.description)
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


def _age_stated(story: _Story, key) -> int | None:
    """The age the story gave the person ``key`` beside a name of theirs, if one."""
    ages = [mark for mark in story.described.get(key, ()) if mark.startswith("age ")]
    return int(ages[0][4:]) if len(ages) == 1 else None


# A tie the story states just before a name: "succeeded his father, Heydar Aliyev",
# "His younger brother Blessing Moyo", "her daughter Inês Brandão".
_TIE_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|whose) (?:(elder|older|younger|big|little) )?"
    r"(father|mother|parents?|grandfather|grandmother|sons?|daughters?|child|children|"
    r"grandsons?|granddaughters?|brother|sister|sibling|uncle|aunt|nephews?|nieces?),? $"
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
    family (a word of the name shared) the story named last before it."""
    tie = _TIE_BEFORE.search(story.text, max(0, start - 40), start)
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
    if not relatives:
        return
    named_at, owner = max(relatives, key=lambda pair: pair[0])
    if _unknown_name(story.text, named_at, (tie or inverse).start(), story.spans) or any(
        other != key and named_at < max(forms.values()) < start
        for other, forms in story.recent.items()
        if other in known and known[other].kind == "person"
    ):
        return
    if inverse is not None:
        age, kin = inverse.group(1), inverse.group(2)
        if kin in _YOUNGER_KIN or age in ("younger", "youngest"):
            story.older.add((key, owner))
        elif kin in _ELDER_KIN or age in ("elder", "older", "eldest"):
            story.older.add((owner, key))
        return
    age, kin = tie.group(1), tie.group(2)
    if kin in _ELDER_KIN or age in ("elder", "older", "big"):
        story.older.add((key, owner))
    elif kin in _YOUNGER_KIN or age in ("younger", "little"):
        story.older.add((owner, key))


# What a description calls someone whom "Dr" fits: a physician, a scientist, an academic.
# Whole words, not stems: "research ship" is no researcher.
_DOCTORS = _wordset(
    """physician doctor surgeon scientist researcher professor academic lecturer
    economist chemist physicist pharmacist veterinarian dentist psychiatrist"""
)
_ROLE_BEFORE = re.compile(r"\b[Tt]he ([a-z][\w-]{3,}) $")


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
        # "Prime Minister Bhutto" is no foreign minister: the word before the title must
        # be the description's too ("Minister of Finance" fits "Finance Minister").
        qualifier = _title_qualifier(text, start, title)
        if qualifier and _stem(qualifier) not in person.cues:
            return False
        return bool({_stem(title), _stem(_TITLE_WRITTEN_OUT.get(title, title))} & roles)
    role = _ROLE_BEFORE.search(text, max(0, start - 30), start)
    return bool(role) and _stem(role.group(1)) in person.cues


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
    "justice": "judge",
}
# Words that put a sentence in the present: "on Tuesday", "this week".
_TODAY = re.compile(
    r"\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this (?:week|"
    r"month|year)|today|yesterday|last week)\b"
)
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


def _title_claimed_elsewhere(title: str | None, chosen, keys, known: Mapping) -> bool:
    """Whether another of ``keys`` has the office ``title`` names in its description too,
    other than as someone's tie ("Colombian politician who was president from 2010" is
    a president too; "Wife of the Turkish president" is not, nor "secretary-general of
    the presidency"): then the title does not tell them apart."""
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


def _filter(keys: list, keep) -> list:
    """``keys`` that pass ``keep``, or all of them if none does (a cue cannot rule every
    candidate out: then it was about something else)."""
    kept = [key for key in keys if keep(key)]
    return kept or keys


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
    # Where people not ours were named with a surname of ours (see ``_strangers``).
    strangers: dict[str, list[int]] = field(default_factory=dict)
    # Who the story says is older than whom: (older, younger) from "his father, Heydar
    # Aliyev" (see ``_tie_stated``).
    older: set[tuple] = field(default_factory=set)
    # People the story says are dead: "her late father-in-law Walter Ford".
    dead: set = field(default_factory=set)
    chosen: dict[int, object] = field(default_factory=dict)  # the key each hit was given
    _named_words: Counter | None = None
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


# A death the story tells: "Fidel Castro died in 2016".
_DIED_AFTER = re.compile(r" (?:died|was killed|was assassinated)\b")
# An age given now: "Castro, now 94, still appears", "Kallergis, 34, runs the fleet"
# (not "Castro, 90, died late on Friday").
_AGE_NOW_AFTER = re.compile(
    r", (?:now )?\d{1,3},(?![^.\n]*\b(?:died|dies|death|killed|passed away|funeral)\b)"
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


def _choose(story: _Story, start, end, keys, low, high, pronoun):
    """The one key the hit at ``start:end`` names, or None when nothing decides.

    ``low:high`` is where its cues are read, ``pronoun`` the gender of the pronoun that
    refers back to the hit, if any (see ``resolve``)."""
    text, profiles, recent = story.text, story.profiles, story.recent
    learned, filed_from = story.learned, story.filed_from
    candidates = list(keys)
    folded = fold(text[start:end])
    known = {key: profiles[key] for key in candidates if key in profiles}

    def gender_of(key):
        return known[key].gender or learned.get(key)

    def of_gender(key, gender, persons_only=True):
        # Only a person has a gender: a "Ms" before the name, or a "she" that refers to it
        # when no one else was named before it in its sentence, leaves out the places and
        # organisations of the name ("where Messina took her degree"; not "Allan said
        # she had flown from one Victoria to the other", where "she" may be Allan).
        if key not in known:
            return True
        if known[key].kind not in ("person", ""):
            return not persons_only
        return gender_of(key) in (gender, None)

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
        for key in candidates
        if key in known
        and len(known[key].name) > len(folded)
        and fold(text[start : start + len(known[key].name)]) == known[key].name
    ]
    if len(spelled) == 1:
        return spelled[0]
    # A dateline names a city: "NEW YORK (Newsroom) -" is the city, not the state; the
    # region after it says which city of the name.
    if opens_dateline(text, start, end):
        # A place, whatever its description calls it ("Industrial metropolitan city"),
        # before a club, a firm or a festival of its name: "ULSAN, Feb 26" is no football
        # club, "VENICE, Italy," no film festival held in Italy.
        candidates = _filter(candidates, lambda key: key in known and known[key].kind == "place")
        in_region = _dateline_region(text, end, candidates, known)
        if in_region is not None:
            return in_region
        candidates = _filter(
            candidates, lambda key: key in known and known[key].place_type == "city"
        )
        if len(candidates) == 1:
            return candidates[0]
        # Of towns, the one whose own name the dateline writes: "TAKORADI" is Takoradi,
        # not the twin city Sekondi-Takoradi that has it as an alias.
        own_town = [
            key for key in candidates if key in known and folded in known[key].primary_names
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
            candidates,
            lambda key: (
                key in known and known[key].kind == "place" and known[key].place_type != "city"
            ),
        )
        candidates = _filter(
            regions,
            lambda key: key in known and _kind_described(known[key]) not in _NATURAL_KINDS,
        )
    # "The late Ferdinand Marcos" is the one whose description gives his death.
    if len(candidates) > 1 and _LATE_BEFORE.search(text, max(0, start - 40), start):
        dead = [
            key for key in candidates if key in known and (known[key].dead or key in story.dead)
        ]
        # When no description gives a death, the eldest of a family is the one who died:
        # "President Marcos, the son of the late Ferdinand Marcos".
        eldest = None if dead else _by_age(candidates, known, "elder", story)
        candidates = dead or ([eldest] if eldest is not None else candidates)
    # "Zuma, who is no relation to former President Jacob Zuma," is not Jacob Zuma; nor
    # is "Herrera, who shares a surname with Helenio Herrera," Helenio.
    unrelated = _NO_RELATION_AFTER.match(text, end)
    if unrelated and len(candidates) > 1:
        named = fold(unrelated.group(1))
        candidates = _filter(
            candidates,
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
        candidates = _filter(
            candidates, lambda key: key in known and not (known[key].proper & described)
        )
    # The level of government written before a body's name: "the federal NDP" is the
    # national party, not the provincial one; "the state ministry" the state's.
    level = _LEVEL_BEFORE.search(text, max(0, start - 12), start)
    if level and len(candidates) > 1 and _all_of_kind(candidates, known, "organization"):
        national = level.group(1).lower() in ("federal", "national")
        candidates = _filter(
            candidates,
            lambda key: bool(_SUBNATIONAL.search(known[key].description)) != national,
        )
    # A club's women's team and its men's of one name: the women's in a story about
    # women's sport ("Celtic and Rangers have each won the title since the league went
    # professional", in a story of the women's league), the men's in one that never
    # speaks of women.
    womens = [
        key
        for key in candidates
        if key in known
        and known[key].kind == "organization"
        and _WOMEN.search(known[key].description)
    ]
    if len(womens) == 1 and all(
        key in known and _A_TEAM.search(known[key].description) for key in candidates
    ):
        told = len(_WOMEN.findall(text))
        if told >= 2:
            candidates = womens
        elif told == 0:
            candidates = _filter(candidates, lambda key: key not in womens)
    # 1. A title's gender: "Ms Kim" is not the leader, "Mr Kim" not his sister.
    title = _title_before(text, start)
    if title in _FEMALE_TITLES or title in _MALE_TITLES:
        gender = "female" if title in _FEMALE_TITLES else "male"
        candidates = _filter(candidates, lambda key: of_gender(key, gender))
    # "The first wife of Mugabe" is her husband: a spouse named by the other's tie.
    spouse = _SPOUSE_OF_BEFORE.search(text, max(0, start - 30), start)
    if spouse:
        gender = "male" if spouse.group(1) in ("wife", "widow") else "female"
        candidates = _filter(candidates, lambda key: of_gender(key, gender))
    # The title the story called one of them by before, and the age it gave them.
    candidates = _as_described(story, _described(text, start, end), candidates)
    # What the word before the name says the person is: "Dr Szabó" is the immunologist,
    # not her brother the banker; "the curator Kos" the one described as a curator.
    if len(candidates) > 1 and _all_of_kind(candidates, known, "person"):
        fitting = [
            key for key in candidates if _fits_the_word_before(text, start, title, known[key])
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
            and title is not None
            and title not in _FEMALE_TITLES | _MALE_TITLES | _BARE_TITLES
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
            candidates = living
        elif len(fitting) == 1 and not _title_claimed_elsewhere(
            title, fitting[0], candidates, known
        ):
            candidates = fitting
    # The dead give no interviews: "“...put on a mask,” Farouk said" is not King Farouk
    # I (1920–1965), whatever his name's last mention; nor whatever a pronoun after the
    # words said is read to say ("Kierkegaard said one cut-out carried a line of verse in
    # his hand" is the curator, and "his" the writer's).
    if _SAYS_AFTER.match(text, end) or _AGE_NOW_AFTER.match(text, end):
        # Nor are they given an age: "Castro, now 94, still appears at party events" is
        # the brother alive, not Fidel, whose death the story told.
        candidates = _filter(
            candidates,
            lambda key: key not in known or not (known[key].dead or key in story.dead),
        )
    # The pronoun that refers back to the name (see ``_pronoun_after``): "When Kim wants
    # to sound patient, he lets her sound angry."
    if pronoun:
        first = not _someone_before(story, start)
        candidates = _filter(candidates, lambda key: of_gender(key, pronoun, first))
    # The place that owns it, named before it: "India’s Punjab", "Italy’s Council of
    # State" are the ones whose descriptions name India and Italy.
    owner = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if owner:
        candidates = _filter(
            candidates, lambda key: key in known and _names_all(known[key], owner.group(1))
        )
        # Both name it: the one that lies in it, not the one beside it ("Pakistan’s
        # Punjab" is the "province of Pakistan", not the state "bordering Pakistan").
        candidates = _filter(candidates, lambda key: _lies_in(known[key], owner.group(1)))
    # The region a comma sets after a place: "Alexandria, Va." is the one whose
    # description names Virginia.
    regions = _region_after(story, end)
    if regions:
        candidates = _filter(
            candidates,
            lambda key: key in known and any(_names(known[key].description, r) for r in regions),
        )
    # 2. Person or place, read from the words around: "Jordan, 62," and "Jordan told
    # reporters" are a person; "a visit to Jordan" a place.
    kinds = {known[key].kind for key in candidates if key in known}
    # A firm or a place is founded, set up or based somewhere; a person is not: "Richter,
    # founded in 1901 by the pharmacist Gedeon Richter," is the company, not its founder,
    # and so is "who founded Honda" and a name that says "it" will act; and only a firm
    # is privately held, state-owned or listed.
    if len(kinds) > 1 and (
        _FOUNDED_AFTER.match(text, end)
        or _FOUNDED_BEFORE.search(text, max(0, start - 20), start)
        or ("organization" in kinds and title is None and _SAID_IT_WOULD_AFTER.match(text, end))
    ):
        candidates = _filter(
            candidates, lambda key: key not in known or known[key].kind != "person"
        )
        kinds = {known[key].kind for key in candidates if key in known}
    if len(kinds) > 1 and (
        _FIRM_BEFORE.search(text, max(0, start - 30), start)
        or (
            _SHARES_IN_BEFORE.search(text, max(0, start - 12), start)
            and not _POSSESSIVE_AFTER.match(text, end)
        )
    ):
        candidates = _filter(
            candidates, lambda key: key not in known or known[key].kind == "organization"
        )
        kinds = {known[key].kind for key in candidates if key in known}
    # A statue, a portrait or a tomb is of a person: "a statue of Bolívar stands in Plaza
    # Bolívar", "the grave of Olav Haraldsson" (not the state or the club of the name).
    if (
        len(kinds) > 1
        and "person" in kinds
        and _LIKENESS_OF_BEFORE.search(text, max(0, start - 30), start)
    ):
        candidates = _filter(candidates, lambda key: key in known and known[key].kind == "person")
        kinds = {known[key].kind for key in candidates if key in known}
    # Only a place is where someone was born or something is based: "the Madrid-born
    # player", "a Pune-based drugmaker" (not the club or the firm of its name).
    if len(kinds) > 1 and "place" in kinds and _BORN_IN_AFTER.match(text, end):
        candidates = _filter(candidates, lambda key: key in known and known[key].kind == "place")
        kinds = {known[key].kind for key in candidates if key in known}
    # "the" and the name alone ("call the building simply the Janáček, and") is no
    # person: a person's name takes no "the".
    if (
        "person" in kinds
        and len(kinds) > 1
        and _the_name_alone(text, start, end, keys, story.keys_at)
    ):
        candidates = _filter(candidates, lambda key: key in known and known[key].kind != "person")
        kinds = {known[key].kind for key in candidates if key in known}
    # Someone of a university's people "at" the name is at the university: "a doctoral
    # student at Oxford", "Researchers at Curtin" (not the city, nor the prime minister
    # the university is named after).
    if len(kinds) > 1 and _ACADEMIC_AT_BEFORE.search(text, max(0, start - 30), start):
        candidates = _filter(
            candidates,
            lambda key: (
                key in known
                and known[key].kind == "organization"
                and _UNIVERSITY.search(known[key].description)
            ),
        )
        kinds = {known[key].kind for key in candidates if key in known}
    # "beating Matteo Ricci of Italy", "Senne Verhaegen of Belgium won": a person's
    # country, not the national side, whatever game the sentence reports.
    if len(kinds) > 1 and _persons_country_before(text, start):
        countries = [key for key in candidates if known[key].place_type == "country"]
        if len(countries) == 1:
            candidates = countries
            kinds = {"place"}
    # A town's address names its state or country after a comma, not the team or the
    # firm of that name: "grew up in Columbus, Indiana".
    if _ADDRESS_BEFORE.search(text, max(0, start - 30), start):
        regions = [
            key
            for key in candidates
            if known[key].kind == "place" and known[key].place_type != "city"
        ]
        towns = [key for key in candidates if known[key].place_type == "city"]
        if (
            len(regions) == 1
            and not towns
            and any(known[key].kind != "place" for key in candidates)
        ):
            return regions[0]
    if len(kinds) > 1:
        # Only a team beats another or signs a player: "São Paulo came from behind to
        # beat Palmeiras", "lost to Santos", "signed for Porto" name the clubs; and of a
        # place and a firm, only a team has a captain or is "who".
        if (
            _TEAM_AFTER.match(text, end)
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
                            for key in candidates
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
                _THEIR_GAMES_AFTER.match(text, end)
                and not _PLACE_BEFORE.search(text, max(0, start - 20), start)
            )
            or (
                "person" not in kinds
                and (
                    _SQUAD_AFTER.match(text, end)
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
            or (
                "person" not in kinds
                and _PLURAL_VERB_AFTER.match(text, end)
                and opens_sentence(text, start)
                and not text[start:end].endswith("s")
            )
        ):
            candidates = _filter(
                candidates, lambda key: key not in known or known[key].kind == "organization"
            )
            # The player's place says the sport: "an Ireland prop" is the rugby team, not
            # the football one.
            sport = _sport_of_the_squad_word(text, end)
            if sport == "football" and _OTHER_GOAL_GAMES.search(
                text, *_sentence_bounds(text, start, end)
            ):
                sport = None
            if sport:
                candidates = _filter(
                    candidates,
                    lambda key: (
                        key in known
                        and bool(_SPORT_NAMES[sport] & set(_words(known[key].description.lower())))
                    ),
                )
        # A preposition just before weighs more than a verb after: in "officials in
        # Washington said", the officials speak. Only a nation has a national team, and
        # only a place hills or a river ("the Taunus hills", not Taunus Bank).
        elif (
            (
                _PLACE_BEFORE.search(text, max(0, start - 16), start)
                # What a thing takes its name from may be anyone: "It takes its name from
                # Lázaro Cárdenas, the president who..."
                and not _NAMESAKE_BEFORE.search(text, max(0, start - 24), start)
            )
            or (
                _PART_OF_A_PLACE_BEFORE.search(text, max(0, start - 20), start)
                and not _POSSESSIVE_AFTER.match(text, end)
            )
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
                    for key in candidates
                )
            )
            or _NATIONAL_AFTER.match(text, end)
            or _FEATURE_AFTER.match(text, end)
        ):
            candidates = _filter(
                candidates, lambda key: key not in known or known[key].kind == "place"
            )
        elif _PERSON_AFTER.match(text, end) or title or _beside_a_person(story, start, end):
            candidates = _filter(
                candidates, lambda key: key not in known or known[key].kind == "person"
            )
    # A name listed with names of one sort is of that sort: "behind Celtic, Rangers and
    # Aberdeen" is the club, "Mali, Niger and Burkina Faso" the country, not the river.
    if len({_sort_of(known[key]) for key in candidates if key in known}) > 1:
        sort = _listed_with(story, start, end)
        listed = [key for key in candidates if key in known and _sort_of(known[key]) == sort]
        if listed:
            candidates = listed
    # Clubs of one name in different sports ("FK Partizan", football; "KK Partizan",
    # basketball): the one whose sport the story is about ("the pitch", "equalised").
    if len(candidates) > 1:
        played = _sport_of_story(story, candidates, known)
        if played is not None:
            candidates = [played]
    # A state's offices and a city's: "New York Governor Kathy Hochul" is the state,
    # "the Mayor of New York" the city.
    if sum(known[key].kind == "place" for key in candidates if key in known) > 1:
        capital = [
            key
            for key in candidates
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
            candidates = _filter(
                candidates, lambda key: key in known and known[key].place_type == "state"
            )
        # A federation's government is read by its capital's name, after federal words
        # right before it or US sanctions earlier in its sentence ("federal officials in
        # Washington", "US sanctions ... since Washington tightened"), not its state's,
        # whoever else speaks there ("Governor Marsh said federal cuts would cost
        # Washington" is the state).
        elif federal:
            candidates = capital
        elif _CITY_AFTER.match(text, end) or _CITY_BEFORE.search(text, max(0, start - 10), start):
            candidates = _filter(
                candidates, lambda key: key in known and known[key].place_type == "city"
            )
        # A government or a minister is a country's, a state's or a person's, not a
        # city's: "the government of Dubai" is the emirate, "Victoria’s trade minister"
        # the state.
        elif _GOVERNED_AFTER.match(text, end) or _GOVERNED_BEFORE.search(
            text, max(0, start - 14), start
        ):
            candidates = _filter(
                candidates, lambda key: key not in known or known[key].place_type != "city"
            )
    # A name written with the next word of one entity's longer name is that entity, the
    # rest of its name in lower case or said otherwise: "the Cernavodă nuclear plant"
    # (the Cernavodă Nuclear Power Plant, not the town), "gates at Faro airport".
    completed = _completed_by_next_word(text, end, folded, candidates, known)
    if completed is not None:
        return completed
    # The kind of place the story writes with the name: "the department of Colonia" is
    # not the city of the name, "Biobío province" neither a region nor a river.
    candidates = _of_the_kind_written(text, start, end, candidates, known)
    if not candidates:
        return None
    # A member of a parliament "for" or "from" a place sits for its constituency or its
    # region, not the town of the name: "the MP for Rotorua", "the SDLP MP for Foyle", "a
    # member of parliament from Basra" (the governorate).
    if _all_of_kind(candidates, known, "place") and _REPRESENTS_BEFORE.search(
        text, max(0, start - 40), start
    ):
        represented = [key for key in candidates if _ELECTORAL.search(known[key].description)]
        if not represented:
            represented = [key for key in candidates if _kind_described(known[key]) in _REGIONS]
        if len(represented) == 1:
            candidates = represented
    # "the elder Déby" is the father of the Déby in the same family, "the younger
    # Trudeau" the son, as the descriptions tie them; when they do not, the writer has
    # told us there are several, and any other guess would be one. The writer compares
    # the people of the name the story has named, when it has named two or more: a
    # namesake it never mentions is no part of the comparison.
    age = _AGE_BEFORE.search(text, max(0, start - 10), start)
    if age and len(candidates) > 1:
        # Among all the people of the name the story has named, before the clues above
        # left some out: "The younger Petrauskas, 22," compares the father and the son
        # the story named, though the age already tells the son from his father.
        named = [key for key in keys if key in recent and key in known]
        if len(named) > 1:
            elder_or_younger = _by_age(named, known, age.group(1).lower(), story)
            # One a clue above left out (the late Kirk Douglas, who says nothing): the
            # rest of them are compared.
            if elder_or_younger is None or elder_or_younger in candidates:
                return elder_or_younger
        return _by_age(candidates, known, age.group(1).lower(), story)
    if len(candidates) == 1:
        return candidates[0]
    # After "a" or "an", a name several people share points to none of them: "under a
    # Sharif government", "a Kennedy". Only the clues above (a title, a pronoun, the kind
    # of thing named) could have told which.
    if _INDEFINITE_BEFORE.search(text, max(0, start - 4), start) and _all_of_kind(
        candidates, known, "person"
    ):
        return None
    # A given name alone is how a story tells apart the people of a family it writes
    # about: "Aino" is the Aino whose description ties her to someone the story named
    # ("wife of the composer Jean Sibelius"), not the soprano Aino Ackté.
    family = _of_a_family_named(story, folded, candidates, known)
    if family is not None:
        return family
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
    before = _DESCRIBED_BEFORE.search(text, max(0, start - 60), start)
    if before and _all_of_kind(candidates, known, "person"):
        described = _local_choice(
            text, start, end, candidates, profiles, before.start(1), start, story.spans
        )
        if len(described) == 1:
            return described[0]
    named_here = _named_in_paragraph(story, start, candidates)
    if not named_here and not _APPOSITION_AFTER.match(text, end):
        named_here = [key for key in candidates if key in recent]
    if (
        len(named_here) == 1
        and _all_of_kind(candidates, known, "person")
        and sum(folded in known[key].primary_names for key in candidates) < 2
    ):
        return named_here[0]
    # Organisations of one name: the only one of them the story has named so far ("Orca
    # Group offered to buy... Orca said" is not Orca Retail, which it never names), as
    # for a person: a firm, too, comes into a story by its longer name. When the story has
    # named two, not the one its paragraph named last: a paragraph does not keep to firms
    # as it does to people ("Orca Retail fell. Orca Group, whose shares..., rose. Orca
    # said" may be either). Words set beside the name are read below.
    if _all_of_kind(candidates, known, "organization") and not _APPOSITION_AFTER.match(text, end):
        named = [key for key in candidates if key in recent]
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
        named_after = _organisation_named_last(story, folded, candidates, known)
    if named_after is not None:
        return named_after
    # 4. The description's words near the name: "Kim, who inherited power after his
    # father’s death in 2011"; "Maria Santos, a marine biologist". Words set beside it
    # first, up to the comma or the stop that closes them: they describe the name, where
    # the rest of the sentence may be about anything ("owned by Orca, the state lender,
    # which funds the club": "club" is no word about Orca).
    beside = _DESCRIBED_AFTER.match(text, end)
    if beside:
        closing = _APPOSITION_CLOSES.search(text, beside.end(), high)
        close_at = closing.start() if closing else high
        described = _local_choice(
            text, start, end, candidates, profiles, end, close_at, story.spans
        )
        if len(described) == 1:
            return described[0]
    # A generic institution's name ("the Constitutional Court", "the Ministry of Health")
    # is the one of the country the story names, before any common word near it ("take
    # the matter to the Constitutional Court" is no cue for the court "on constitutional
    # matters" of another country).
    parties = _all_of_kind(candidates, known, "organization") and _parties_of_countries(
        candidates, known
    )
    if _all_of_kind(candidates, known, "organization") and (
        parties or _generic_institution_name(folded)
    ):
        # But a name beside it in its sentence says which: "the Supreme Court in
        # Washington", "the Constitutional Court in Harare"; for a party, a name anywhere
        # in it ("lives in the United States and has built ties with Republicans").
        low_s, high_s = _sentence_bounds(text, start, end)
        reach = max(start - low_s, high_s - end) if parties else 30
        beside = (
            text[max(low_s, start - reach) : start] + " " + text[end : min(high_s, end + reach)]
        )
        near = {_stem(w.group()) for w in _CAPITALISED.finditer(beside)}
        shared = frozenset.intersection(*(known[key].proper for key in candidates))
        cued = [key for key in candidates if (known[key].proper - shared) & near]
        if len(cued) == 1:
            return cued[0]
        institution = _story_place(story, candidates, folded) or _institution_country(
            story, candidates, folded
        )
        if institution is not None:
            return institution
    own = [key for key in candidates if key in known and folded in known[key].primary_names]
    if len(own) == 1:
        acting = _what_the_name_does(story, start, end, own[0], candidates)
        if acting is not None:
            return None if acting is _NONE_OF_THEM else acting
    # The region a dateline writes after its town, in the dateline itself, is the place
    # of that name, whatever the words after it recall: "AMMAN, Jordan," is the country,
    # not the river. (Further on, below, after what decides more nearly.)
    region = _region_of_the_dateline(text, folded, candidates, known, filed_from)
    if region is not None and "\n" not in text[:start] and _dateline_before(text, start):
        return region
    # A distance is measured from a town, not from the region or the country of its name:
    # "80 kilometres north of Lima", "35 km south-west of Buenos Aires", "an hour's drive
    # from Nakuru", "just north-west of Sao Paulo".
    if _DISTANCE_FROM.search(text, max(0, start - 40), start) and _all_of_kind(
        candidates, known, "place"
    ):
        towns = [key for key in candidates if known[key].place_type == "city"]
        if len(towns) == 1 and len(candidates) > 1:
            return towns[0]
    candidates = _local_choice(text, start, end, candidates, profiles, low, high, story.spans)
    if len(candidates) == 1:
        return candidates[0]
    # "The" and a bare name is no town's: "the quays of the Rhône", "the bridges over the
    # Meuse", "where the Waipā joins the Waikato" are the river, not the department, the
    # district or the dam of its name (not a country's: "the Gambia"; nor a name a word
    # of its kind or any other follows, "the Rhône prefecture").
    river = _the_river(text, start, end, candidates, known)
    if river is not None:
        return river
    # 5. Places, or organisations, of one name: the one whose description holds names
    # the story uses ("Capital of Peru" in a story that names Peru).
    # A place of the very name the dateline wrote, its own name ("PALERMO, April 17 … A
    # court in Palermo"), is the place the story was filed from, whatever else of that
    # name the story's other names recall (a barrio of Buenos Aires); "CEBU CITY … Cebu"
    # may be the province, and "NEW YORK … New York passed a law" the state whose own
    # name it is, read below.
    if (
        filed_from in candidates
        and _all_of_kind(candidates, known, "place")
        and folded in known[filed_from].primary_names
        and _dateline_wrote(text, folded)
        and not _another_place_recalled(text, start, end, filed_from, candidates, known)
    ):
        return filed_from
    # The region the dateline writes is that place further on too, before the places
    # the story names: "COLUMBIA, Missouri, ... Missouri Attorney General" is the state,
    # though the university's description names Columbia.
    if region is not None:
        return region
    place = _story_place(story, candidates, folded)
    if place is not None:
        return place
    # The place the story was filed from: under "ATLANTA (Newsroom) -", "Georgia" is
    # the state whose description names Atlanta. Only for places and organisations: that
    # a person works in the city ("chairman of the taxi association in Cape Town") says
    # nothing of which of two namesakes a story filed from there quotes. When the place
    # the dateline names is itself one of them ("Cork, Ireland ... north side of Cork",
    # the city and the county whose description names its main town, Cork city), the
    # other's description naming it tells only that they are named after one another:
    # that is read below.
    dateline = _dateline_before(text, start)
    if dateline and filed_from not in candidates:
        placed = [
            key
            for key in candidates
            if key in known and known[key].kind != "person" and dateline in known[key].cues
        ]
        if len(placed) == 1:
            return placed[0]
    # The candidates whose own name the word is (read here and in step 6).
    own = [key for key in candidates if key in known and folded in known[key].primary_names]
    # A region named after its town or its lake ("Naryn Region ... capital Naryn",
    # "Region ... around Lake Issyk-Kul"): a bare name may be either, whichever is its
    # own name. Unless the dateline named one, it is the one its paragraph has named.
    if _named_after_one_another(candidates, known):
        # Not over a country whose own name the word is: in a story filed from KUWAIT
        # CITY, "Kuwait’s suspended National Assembly" is the country.
        country = [key for key in own if known[key].place_type == "country"]
        if filed_from in candidates:
            return country[0] if len(country) == 1 else filed_from
        # "Near" or "outside" a name says a point, not an area one is in: "a farm near
        # Naryn", "a plant outside Naryn" is the town, not the region named after it.
        if _NEAR_BEFORE.search(text, max(0, start - 20), start):
            towns = [key for key in candidates if _kind_described(known[key]) == "city"]
            if len(towns) == 1:
                return towns[0]
        # "Farmers across Gulu", "voters in Bern rejected the cantonal law", "the lowest
        # of any canton": an area, or the region its kind's word names, not the town.
        # (The kinds this rule newly reads: "state-owned" says nothing of São Paulo.)
        regions = [
            key
            for key in candidates
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
        named_here = _named_in_paragraph(story, start, candidates)
        if named_here:
            return named_here[0] if len(named_here) == 1 else None
        return own[0] if len(own) == 1 and _own_name_decides(own[0], candidates, known) else None
    # 6. An entity whose own name the word is, before those that only have it as an
    # alias: "Georgia" is the country, "Washington" the city, unless cues said otherwise,
    # here or the last time the story wrote the word alone: "Cameroon beat Guinea … two
    # ahead of Guinea" keeps to the team, as a story keeps to what it is about.
    introduced = _person_introduced(story, folded, candidates, own, start, end)
    if introduced is not None:
        return introduced
    if len(own) == 1:
        acting = _what_the_name_does(story, start, end, own[0], candidates)
        if acting is not None:
            return None if acting is _NONE_OF_THEM else acting
        kept = _organisation_kept_to(story, candidates, start, end)
        if kept is not None and kept not in own:
            return kept
        if (
            all(key in known and known[key].kind != "person" for key in candidates)
            and known[own[0]].place_type != "country"
            and not opens_dateline(text, start, end)
        ):
            fitting = _field_choice(text, start, end, candidates, known, _THING_FIELDS)
            if fitting is not None and _field_left_open(
                text, start, end, known[fitting], known[own[0]]
            ):
                return fitting
        # A state named after the largest city of a country is the city when nothing said
        # otherwise ("a museum in New York" is New York City), unless it makes laws ("New
        # York passed a law").
        primate = [
            key
            for key in candidates
            if key in known
            and known[key].place_type == "city"
            and _THE_PRIMATE.search(known[key].description)
        ]
        if (
            known[own[0]].place_type == "state"
            and len(primate) == 1
            and (
                _PLACE_BEFORE.search(text, max(0, start - 16), start) or _paired(story, start, end)
            )
            and not _LEGISLATES_AFTER.match(text, end)
            and not _ADDRESS_BEFORE.search(text, max(0, start - 30), start)
        ):
            return primate[0]
        # One sense in a story: the word the story already gave another entity of them,
        # by what its sentence said and not as anyone's own name, is that one again
        # ("a pupil of Giotto" the painter ... "Giotto’s scenes", not the space probe
        # named after him).
        given = _given_before(story, start, folded, candidates)
        # (Not over a country: "the Paraguay" may be the river, and "southern Paraguay"
        # after it the country.)
        if given is not None and given not in own and known[own[0]].place_type != "country":
            return given
        return own[0]
    only_places = _all_of_kind(candidates, known, "place")
    if own:
        candidates = own  # same-name twins: only the evidence below may tell them apart
    # Places of one name that nothing above told apart: the one the story was filed from
    # ("SÃO PAULO, Sept 8 - ... its headquarters in São Paulo" is the city, not the
    # state of the name).
    if filed_from in candidates:
        return filed_from
    # Places of one name (and nothing else of it) one of which the gazetteer also names
    # with its region after a comma ("Vienna, Virginia") and the other not: the region is
    # how that one is told from the other, so the name written without it is the other
    # ("bought at auction in Vienna" is the Austrian capital), as a qualifier in brackets
    # marks the other sense. Cues above (a region after a comma, the story's names) and
    # the dateline decide first; a person or a club of the name leaves it open.
    if len(own) > 1 and only_places:
        plain = [key for key in own if not known[key].qualified]
        if len(plain) == 1:
            return plain[0]
    # A country's capital and other places of its own name: the capital, which news
    # names bare ("a private collection in London"; "LaFrance has asked Washington to
    # pay", the federal government), unless the name is a town's address ("Tacoma,
    # Washington"). (A person of the name, such as the first president, whom history
    # names so, is named in full first.)
    if len(own) > 1 and _all_of_kind(own, known, "place"):
        capital = [
            key
            for key in own
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
                for key in own
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
        country = [key for key in own if known[key].place_type == "country"]
        if (
            len(country) == 1
            and all(known[key].place_type == "state" for key in own if key not in country)
            and not _ADDRESS_BEFORE.search(text, max(0, start - 30), start)
            # Not in a sentence of what a state has and the country does not: "Voters in
            # Georgia ... control of the Senate", "Georgia's Republican-led legislature".
            and not _STATE_CIVIC.search(text, *_sentence_bounds(text, start, end))
        ):
            return country[0]
    # 7. The latest longer form of one of them before it ("Kim Yo Jong ... Kim"), or the
    # latest mention of the same twin by the full name they share.
    last_seen = {}  # each candidate's latest longer form (or shared full name) before it
    started = {}  # and where that form starts
    for key in candidates:
        for form, form_end in recent.get(key, {}).items():
            longer = len(form) > len(folded) and folded in form
            if (
                longer or (own and form == folded and start > form_end)
            ) and form_end > last_seen.get(key, -1):
                last_seen[key] = form_end
                started[key] = form_end - len(form)
    if not last_seen:
        return _field_choice(text, start, end, candidates, known)
    ranked = sorted(last_seen, key=last_seen.get, reverse=True)
    latest = ranked[0]
    if own and folded in known[latest].primary_names:
        return None  # a full name shared by twins needs a cue beside it, not a memory
    # Two of them named in full close together ("his twin brother, President Lech
    # Kaczyński"): the last one named is no better a guess than the other, unless only one
    # of them was the subject of a sentence, named at its start as a story names the
    # person it is about ("Raúl Castro, who led Cuba... since the birth of Fidel Castro.").
    if len(ranked) > 1 and last_seen[latest] - last_seen[ranked[1]] < _CONTESTED:
        roles = {key: _subject(text, started[key], last_seen[key]) for key in ranked[:2]}
        subjects = [key for key, role in roles.items() if role is True]
        if len(subjects) == 1 and False in roles.values():
            return subjects[0]
        return None
    # A longer form further back than the paragraph before, when another of them was named
    # in full too: the story has moved on, and a bare surname there is as often the other
    # one (measured: more than half the time) as the one named last.
    if len(ranked) > 1 and last_seen[latest] < _paragraph_start(text, start, back=1):
        return _field_choice(text, start, end, candidates, known)
    return latest


# Fields of work, each by words a report of it uses and a description of one of its
# people may use: a paragraph about a trial is about the judge of a name, one about
# spores about the microbiologist, whoever was named last.
_FIELDS = {
    field: frozenset(map(_stem, _wordset(words)))
    for field, words in {
        "sport": """footballer footballers player players striker midfielder defender
            goalkeeper coach club team league match goal goals scored penalty derby
            season fans cricketer bowler batsman rugby athlete boxer champion medal
            cyclist cyclists rider riders""",
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


# What a place has after its name's possessive, besides a city's own (``_CIVIC_AFTER``):
# "Marseille's port", "Hamburg's senate", "Queensland's health department".
_PLACE_HAS_AFTER = re.compile(
    r"['’]s (?:[a-z]+ )?(?:port|harbou?r|senate|parliament|assembly|department|river|coast|"
    r"beaches|weather|hurricane)\b"
)


# A nation's government or parliament, as its description says (not a city's council nor
# an agency: "Municipal government of the city of Amman" is no capital's metonym); a firm.
_GOVERNS = re.compile(r"\b(?:government|parliament|legislature|executive body|european union)\b")
_GOVERNS_LOCALLY = re.compile(
    r"\b(?:municipal|local|city|county|council|agency|authority|provincial|regional)\b"
)
_FIRM = re.compile(
    r"\b(?:company|manufacturer|carmaker|maker|firm|corporation|conglomerate|producer|"
    r"bank|airline|retailer|brewer|operator)\b"
)
# What a government or a firm does, after its name: "Ottawa has not said", "Ottawa
# wanted to double output", "Toyota would send quality teams".
_ACTS_AFTER = re.compile(
    r" (?:wants?|wanted|said|says|tried|tries|agreed|agrees|refused|refuses|insists?|"
    r"insisted|announced|promised|respected|rejected|approved|imposed|plans|planned|decided|"
    r"argues|argued|lent|paid|pays|demanded|demands|pledged|offered|ordered|signed)\b|"
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
    acts = _ACTS_AFTER.match(text, end) or (
        _ACTED_ON_BEFORE.search(text, max(0, start - 10), start)
        and text[end : end + 1] in ("", " ", ",", ".", ";")
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
    r" (?:pulled away|play|plays|playing|scored|will host)\b"
)


# What only a side does, whatever the sentence: "Switzerland next play in March", "when
# the Netherlands return to action", "Nigeria reached the final", "Ghana went out in the
# group stage", "Ghana’s best chance fell to their captain"; and a player's side, or the
# next opponent: "a defender for Nigeria", "Argentina next play Uruguay".
_A_SIDES_WORDS_AFTER = re.compile(
    r" (?:next play|(?:also )?returns? to action|reached the (?:final|semi-finals?|"
    r"quarter-finals?)(?! stage| round| phase| step)|went out in the (?:group|first|second|"
    r"last) (?:stage|round))\b|"
    r"['’]s (?:best chances?|goalkeeper|back four|strikers?|starting (?:XI|line-up|lineup))\b"
)
_A_PLAYER_FOR = re.compile(
    r"\b(?:defender|striker|midfielder|goalkeeper|winger|playmaker|full-back|centre-back|"
    r"fly-half|scrum-half|bowler|batsman|batter) for $|"
    r"\bnext (?:play|plays|face|faces|meet|meets|host|hosts) $"
)


# The game a side is named in, just after it: "will host Turkey in a friendly".
_IN_A_GAME_AFTER = re.compile(
    r" (?:in|for) (?:a|an|the|their|its) (?:[\w-]+ )?(?:friendly|qualifier|match|fixture|Test)\b"
)


def _what_the_name_does(story, start, end, own, candidates):
    """The entity a country's or a town's own name stands for by what its sentence says
    it does: a government or a firm that acts (``_acting_body``), a national side in a
    game (``_a_side_in_a_fixture``); ``_NONE_OF_THEM`` for a side when the story does not
    say which of several teams it is; None when the sentence says neither."""
    text, known = story.text, story.profiles
    governing = _acting_body(text, start, end, own, candidates, known)
    if governing is not None:
        return governing
    if _a_side_in_a_fixture(text, start, end, own, candidates, known):
        # Of several teams of the name (the men's and the women's), the one the story
        # named, or the one of the story's sport.
        teams = [key for key in candidates if key != own]
        named = [key for key in teams if key in story.recent]
        if len(teams) == 1 or len(named) == 1:
            return (named or teams)[0]
        return _sport_of_story(story, teams, known) or _NONE_OF_THEM
    return None


# What ``_what_the_name_does`` says when a name is a side but nothing says which.
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
    if _SIDE_AFTER_A_GAME.search(text, max(low, start - 40), start):
        return bool(
            _FIXTURE.search(text, max(low, start - 70), start) or _IN_A_GAME_AFTER.match(text, end)
        )
    if not (_SIDE_BEFORE.search(text, max(low, start - 30), start) or _SIDE_AFTER.match(text, end)):
        return False
    return bool(_FIXTURE.search(text[low:start]) or _FIXTURE.search(text, end, high))


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


def _person_introduced(story: _Story, folded: str, keys: list, own: list, start: int, end: int):
    """The person whose surname the word is, when the story has introduced them by their
    full name, has never named the places whose own name the word is, and writes it as a
    person's, with a possessive, a verb of speech or a player's verb after it: "Governor
    Wes Moore pledged state money. Moore's office said..." is the governor, not the suburb
    of Oklahoma City the story never mentions ("Tornadoes hit Moore" may be either);
    "Cazorla changed the game" is the player, paragraphs after "Santi Cazorla"."""
    if not own or not all(story.profiles[key].kind == "place" for key in own):
        return None
    played = bool(_PLAYER_AFTER.match(story.text, end))
    if not (
        _POSSESSIVE_AFTER.match(story.text, end) or _PERSON_AFTER.match(story.text, end) or played
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


# Kinds of place, by the word a description or a story calls them ("the department of
# Colonia", "Biobío province"): a town is a city or a village as writers use the words.
_KINDS_OF_PLACE = {
    **dict.fromkeys(_wordset("city town village port capital municipality commune"), "city"),
    **dict.fromkeys(_wordset("mountain mountains range volcano stratovolcano"), "mountain"),
    **{
        word: word
        for word in _wordset(
            """county province district state region department prefecture oblast zone
            territory canton emirate country river lake island sea bay valley
            governorate division"""
        )
    },
}
# A host, and "which" hosted too ("Cameroon, which hosted the tournament in 2022"): the
# country.
_HOSTED_AFTER = re.compile(
    r"(?:,? (?:which|that))? (?:will |would |is to |to )?(?:co-)?host(?:s|ed|ing)?\b"
)
_PRIMATE = re.compile(r"\b(?:largest|most populous|biggest) city\b")
_OWNED_PLACE_AFTER = re.compile(
    r"['’]s (?:[a-z][\w-]* ){0,2}?("
    + "|".join(sorted(_KINDS_OF_PLACE, key=len, reverse=True))
    + r")s?\b"
    # The kind's own word before an office or a body is the name's: "Lebanon’s city
    # council", "New York’s state legislature".
    + r"(?! (?:council|councils|hall|mayor|government|legislature|legislatures|assembly|"
    r"senate|police|budget|officials|authorities|limits|centre|center)\b)"
)
# The largest itself, not the second-largest ("Second-largest city of the province").
_THE_PRIMATE = re.compile(r"(?<![\w-])(?:largest|most populous|biggest) city\b")
_ADMINISTRATIVE = {"city", "county", "province", "state", "region", "department", "prefecture"} | {
    "canton",
    "district",
    "governorate",
    "oblast",
}


def _own_name_decides(own, keys: list, known: Mapping) -> bool:
    """Whether, of places named after one another, the one whose own name the word is,
    ``own``, is meant when nothing else says: cities and regions only ("a laboratory in
    São Paulo", "across Quebec"; not a stadium and its district), and not a region beside
    the largest city (a bare "New York" is more often the city than the state)."""
    if not all(_kind_described(known[key]) in _ADMINISTRATIVE for key in keys):
        return False
    return _kind_described(known[own]) == "city" or not any(
        _PRIMATE.search(known[key].description) for key in keys
    )


_KIND_BEFORE = re.compile(r"\b([a-z]+) of (?:the )?$")
_PEOPLE_BEFORE_A_KIND = re.compile(r"\b([A-Z][a-z]+) [a-z]+ of (?:the )?$")
# What only a river has: "the left bank of the Nitra", "the banks of the Gauja", "the
# mouth of the Kafue" ("the central bank of the Philippines" is no river's: a river's
# bank is a side, or banks).
_RIVER_BEFORE = re.compile(
    r"\b(?:(?:left|right|east|west|north|south|far|opposite|other|both|either) bank|banks|"
    r"mouth|estuary|tributary|headwaters) of the $"
)
# After it: "Biobío province", or set beside it, "In Colonia, the department, ...".
_KIND_AFTER = re.compile(r" ([a-z]+)\b|, the ([a-z]+)(?=[,.;])")
# What English copy calls a province or a region where the gazetteer has the local word:
# "Karbala province" is the governorate, "Odesa province" and "Kharkiv regional governor"
# the oblast.
_PROVINCES = frozenset({"province", "governorate", "oblast"})
_KINDS_READ_AS = {
    **dict.fromkeys(_PROVINCES, _PROVINCES),
    "region": frozenset({"region", "oblast", "governorate"}),
}
_KIND_ADJECTIVES = {
    "provincial": "province",
    "departmental": "department",
    "regional": "region",
    "cantonal": "canton",
    "prefectural": "prefecture",
    "municipal": "municipality",
}


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


# Kinds of place that no address gives (see the dateline's region in ``_choose``).
_NATURAL_KINDS = frozenset({"river", "lake", "island", "sea", "bay", "valley", "mountain"})
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


_REGION_THE_BEFORE = re.compile(
    r"(?:\b(?:[Ii]n|to|[Aa]cross|[Tt]hroughout|[Tt]hrough|[Aa]round|[Ww]ithin) the |"
    r"(?:^|[.!?]['\"’”)]?\s+|\n)The )$"
)


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


def _the_river(text: str, start: int, end: int, keys: list, known: Mapping):
    """The one river among the places ``keys`` when "the" stands right before the name at
    ``start:end`` and the name ends its noun phrase ("the Gandaki provincial government"
    is the province's), or None."""
    if not (
        _all_of_kind(keys, known, "place")
        and text.endswith(("the ", "The "), max(0, start - 4), start)
        and _PHRASE_ENDS_NARROW.match(text, end)
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
        # meets the Niger", "higher up the Niger".
        and (
            all(known[key].place_type != "country" for key in keys)
            or _RIVER_THE_BEFORE.search(text, max(0, start - 24), start)
        )
    ):
        return None
    rivers = [key for key in keys if _kind_described(known[key]) == "river"]
    return rivers[0] if len(rivers) == 1 else None


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


def _kind_described(profile: Profile) -> str | None:
    """The kind of place a description says first ("Department of south-western
    Uruguay"; "Coastal mountain range"), or None."""
    for word in _words(profile.description):
        if word in _KINDS_OF_PLACE:
            return _KINDS_OF_PLACE[word]
    return None


def _completed_by_next_word(text: str, end: int, folded: str, keys: list, known: Mapping):
    """The one of ``keys`` whose own name goes on from ``folded`` with the word written
    after the hit (in any case), or None."""
    following = _WORD.match(text, end + 1) if text.startswith(" ", end) else None
    if following is None or not following.group().islower():
        return None
    opening = f"{folded} {following.group()} "
    completed = [key for key in keys if key in known and f"{known[key].name} ".startswith(opening)]
    return completed[0] if len(completed) == 1 else None


def _of_the_kind_written(text: str, start: int, end: int, keys: list, known: Mapping) -> list:
    """Of places of one name, those of the kind the story writes with it: "the department
    of Colonia" is not the city, "Biobío province" neither the region nor the river (then
    none is). A place whose description says no kind may be any. The kind makes it a
    place: "the towns of Antwerp province" are no court or club named after Antwerp."""
    kind = _kind_written(text, start, end)
    places = [key for key in keys if key in known and known[key].kind == "place"]
    # (A gazetteer of bare names knows no kinds: nothing to tell apart.)
    if kind is None or not places or any(key not in known for key in keys):
        return keys
    kinds = _KINDS_READ_AS.get(kind, {kind})
    kept = [key for key in places if _kind_described(known[key]) in kinds | {None}]
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
    # "The Iceland volcano", "the Bali volcano": a volcano named after a country, an
    # island or a town of ours that is no mountain (we do not know the volcano).
    if not kept and kind == "mountain" and re.match(r" (?:strato)?volcano\b", text[end:]):
        return keys
    return kept


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


_NEAR_BEFORE = re.compile(r"\b(?:near|outside|just outside|on the outskirts of) $")
_AREA_BEFORE = re.compile(r"\b(?:[Aa]cross|[Tt]hroughout|all over|parts of|much of) $")


def _paragraph_start(text: str, start: int, back: int = 0) -> int:
    """Where the paragraph of ``start`` begins, or the ``back``-th one before it."""
    at = start
    for _ in range(back + 1):
        at = text.rfind("\n", 0, at)
        if at < 0:
            return 0
    return at + 1


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
        one != other and _names(known[one].description, known[other].name)
        for one in keys
        for other in keys
    )


def _strangers(text: str, hits: list, reasons: list, profiles: Mapping) -> dict:
    """Where someone who is none of ours was named with a surname of ours: the hits of
    persons only refused after a name that is not ours ("Elvira Garza", a given name we
    do not know), that words after them show to be a person (an age, a description, a
    verb of speech: not "Ibirapuera Park, where"), by folded surname."""
    found: dict[str, list[int]] = {}
    for (start, end, keys), reason in zip(hits, reasons, strict=True):
        if (
            reason == "after a name"
            and _all_persons(keys, profiles)
            and (_PERSON_AFTER.match(text, end) or _APPOSITION_AFTER.match(text, end))
        ):
            found.setdefault(fold(text[start:end]), []).append(end)
    return found


def _all_persons(keys, profiles: Mapping) -> bool:
    return all(key in profiles and profiles[key].kind == "person" for key in keys)


def _stranger_since(story: _Story, folded: str, keys, start: int) -> bool:
    """Whether a surname at ``start`` follows someone not ours of that name ("Elvira
    Garza, a 71-year-old retired teacher, ... Garza said"), named after the last mention
    of each of ``keys``: then it is most likely that person, not one of ours."""
    before = [end for end in story.strangers.get(folded, ()) if end <= start]
    if not before or not _all_persons(keys, story.profiles):
        return False
    ours = [end for key in keys for end in story.recent.get(key, {}).values()]
    return max(before) > max(ours, default=-1)


def _region_after(story: _Story, end: int) -> list[str]:
    """The folded names of the places a comma sets right after the name that ends at
    ``end`` ("Alexandria, Va.," gives "virginia"), or none."""
    if story.text[end : end + 2] != ", ":
        return []
    keys = story.keys_at.get(end + 2, ())
    known = [story.profiles[key] for key in keys if key in story.profiles]
    return [profile.name for profile in known if profile.kind == "place"]


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


# A capitalised name and a possessive just before a name: "India’s", "South Korea's".
# "Kaleva’s own Harbour FC" names its owner too: "own" only stresses it.
_OWNER_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w.-]* )*[A-Z][\w.-]*)['’]s (?:own )?$")
_DATELINE_REGION = re.compile(r", ([A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*),")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+")
_LOWER_WORD = re.compile(r"\b[a-z][\w’'-]*")


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
    dateline = _DATELINE.search(text)
    if dateline is None or not dateline.group().endswith(","):
        return None
    region = _DATELINE_REGION.match(text, dateline.end() - 1)
    return fold(region.group(1)) if region else None


def _dateline_region(text, end, keys, known):
    """For a dateline's city, the one of ``keys`` in the region it adds ("HYDERABAD,
    India, Jan 14", "OLYMPIA, Wash.,": a short form counts), or None."""
    region = _DATELINE_REGION.match(text, end)
    if region is None:
        return None
    placed = [key for key in keys if key in known and _names_all(known[key], region.group(1))]
    return placed[0] if len(placed) == 1 else None


def _lies_in(profile: Profile, words: str) -> bool:
    """Whether the description of ``profile`` names ``words`` as where it is: after "of",
    "in" or a comma ("Most populous province of Pakistan"; not "bordering Pakistan")."""
    # Read where it lies before what it is named after, founded by or borders ("City in
    # California, founded by miners from Sonora, Mexico"), and with a word of direction
    # ("State in north-western Mexico", "City in Andalusia, southern Spain").
    where = re.split(
        r"\b(?:named|after|founded|from|by|like|bordering|near)\b", profile.description
    )[0]
    return bool(
        re.search(
            rf"(?:(?<!east )(?<!west )(?<!north )(?<!south )\bof|\bin|\bon|,) (?:the )?"
            rf"(?:[a-z-]+ )?{re.escape(fold(words))}\b",
            where,
        )
    )


def _names_all(profile: Profile, words: str) -> bool:
    """Whether the description of ``profile`` names each of ``words`` (those of three
    letters or more), a short form or a longer one counting ("Wash." for "Washington",
    "Korea" for "Korean")."""
    stems = [_stem(word) for word in _words(words) if len(word) >= 3]
    return bool(stems) and all(
        any(cue.startswith(stem) or stem.startswith(cue) for cue in profile.proper)
        for stem in stems
    )


def _name_anywhere(folded: str) -> re.Pattern:
    """The name ``folded`` as a whole word in any case (its words apart by any space)."""
    words = [re.escape(word) for word in folded.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


# Titles and kinds of place, as stems: words of many names, no name alone.
_GENERIC_NAME_WORDS = frozenset(_stem(word) for word in _TITLES | set(_KINDS_OF_PLACE))


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


_SPEAKS_AFTER = re.compile(r",? (?:said|says|told|tells|added|adds|wrote|writes)\b")
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
    r"family-run|[\w.]+-listed) $"
)
# Only a firm has shares: "Shares in Antofagasta rose", "shares of Berkshire"; not a
# market's, a vote's or a harvest's ("market shares in Brazil", "vote shares in
# Georgia", "the largest shares of Ukraine's grain"), read with no possessive after the
# name ("shares in Hamburg's port operator" is the city's firm).
_SHARES_IN_BEFORE = re.compile(
    _not_after("market vote voting seat largest larger biggest bigger large big equal fair")
    + r"\b[Ss]hares (?:in|of) $"
)
_SAYS_AFTER = re.compile(r",? (?:said|says|told|tells|added|adds)\b")
_COORDINATING = re.compile(r"\b(?:and|or|but|nor|while|whereas|as|then) $")


def _subject(text: str, start: int, end: int) -> bool | None:
    """Whether the name at ``start:end`` (titles before it included: "President Mahamat
    Idriss Déby, who took power...") opens its sentence or speaks in it (True: "His
    brother, Suresh Reddy, said"), opens a clause of its own after "and", "but" or "while"
    (None: a subject too, as far as we can tell), or stands inside one (False: "after his
    father, Idriss Déby, was killed")."""
    if _SPEAKS_AFTER.match(text, end):
        return True
    while _title_before(text, start) is not None:
        start -= len(_PREVIOUS_WORD.search(text[max(0, start - 20) : start]).group(0))
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
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'-]*")
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


# Words that begin or end an institution's name ("the University of Messina"), never a
# person's: no name we do not know.
_INSTITUTION_WORDS = _wordset(
    """University College Institute Bank Museum School Academy Hospital Library Church
    Council Court Ministry Department Agency Party Company Corporation Association Union"""
)


def _unknown_name(text: str, low: int, high: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a capitalised word in ``text[low:high]`` may be a name we do not know: one
    that opens no sentence, is no hit of ours, and is no title, day or month."""
    for word in _CAPITALISED_WORD.finditer(text, low, high):
        at = bisect.bisect_right(spans, (word.start(), len(text))) - 1
        if (
            word.group() != "I"
            and word.group() not in _INSTITUTION_WORDS
            and not opens_sentence(text, word.start())
            and not _may_follow_a_name(word.group())
            and not (at >= 0 and word.start() < spans[at][1])
        ):
            return True
    return False


def _owned(text: str, hit: tuple, ends: set, profiles: Mapping[object, Profile]) -> bool:
    """Whether the hit follows the name of what owns it and a possessive: a name of ours
    ("India’s Punjab") or one that the description of one of its entities names ("Italy’s
    Council of State", the Italian one), not a longer name ("Shepherd’s Bush")."""
    start, _, keys = hit
    owner = _OWNER_BEFORE.search(text, max(0, start - 40), start)
    if owner is None:
        return False
    return owner.end(1) in ends or any(
        key in profiles and _names_all(profiles[key], owner.group(1)) for key in keys
    )


def _not_a_longer_name(text: str, hit: tuple, ends: set, profiles: Mapping) -> bool:
    """Whether the capitalised word before the hit is no part of a longer name: an owner
    (``_owned``), a person's nationality (``_nationality_before``), or a Burmese
    honorific before a person's name ("U Khin Maung Win")."""
    return (
        _owned(text, hit, ends, profiles)
        or _nationality_before(text, hit, profiles)
        or _honorific_before(text, hit, profiles)
        or _affiliation_before(text, hit, profiles)
    )


# A party's member, written before a person's name: "led by Socialist María Chivite", "a
# Republican Joe Pittman" (no part of the name, as "Hunter" in "Hunter Biden" is).
_AFFILIATIONS = _wordset(
    """Socialist Socialists Conservative Republican Democrat Liberal Labour Labor Green
    Communist Tory Nationalist Unionist Centrist Peronist Gaullist Christian-Democrat
    Social-Democrat Sandinista Chavista Kirchnerist"""
)


def _affiliation_before(text: str, hit: tuple, profiles: Mapping) -> bool:
    """Whether the capitalised word before a person's name says the party the person is
    of ("Socialist María Chivite")."""
    start, end, keys = hit
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return (
        previous is not None
        and previous.group(1) in _AFFILIATIONS
        and _all_persons(keys, profiles)
        # A whole name: "Labor Day", "Green Park", "Green Day" hold a surname alone.
        and " " in text[start:end].strip()
    )


def _honorific_before(text: str, hit: tuple, profiles: Mapping) -> bool:
    start, _, keys = hit
    previous = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
    return (
        previous is not None
        and previous.group(1) in _BURMESE_HONORIFICS
        and all(key in profiles and profiles[key].kind == "person" for key in keys)
    )


def _acronym_of_an_organisation(text: str, hit: tuple, profiles: Mapping) -> bool:
    start, end, keys = hit
    surface = text[start:end]
    return (
        len(surface) >= 3
        and surface.isupper()
        and not in_capitals(text, start, end)
        and all(key in profiles and profiles[key].kind == "organization" for key in keys)
    )


def _whole_name_of_an_organisation(text: str, hit: tuple, profiles: Mapping) -> bool:
    start, end, keys = hit
    folded = fold(text[start:end])
    return " " in folded and all(
        key in profiles and profiles[key].kind == "organization" and profiles[key].name == folded
        for key in keys
    )


# Endings that make a place's name the word for its people ("Fijian", "Kenyan",
# "Canadian", "Japanese", "New Zealander"), and the letters a place's name may lose to
# them ("Canada", "Italy"). "-ine", "-ish" and "-ic" ("Argentine", "Polish",
# "Icelandic") rarely come from the place's name as written, but they mark the word for
# a people all the same, when the person's description opens with it.
_DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "er", "i", "ine", "ish", "ic")
_LOST_LETTERS = ("", "a", "e", "o", "y")


# What the word for a people says of a country's things: "the Ethiopian government",
# "Ethiopian cargo", "Ethiopian farmers".
_A_PEOPLES_THINGS = _wordset(
    """government governments officials authorities people farmers troops army forces
    police capital cargo coffee border territory embassy workers citizens migrants
    refugees prime president minister ministry parliament economy market exports imports
    companies firms banks national nationals soldiers state waters coast side leaders"""
)


# A country's offices, capitalised before a name: "Ethiopian Prime Minister Abiy Ahmed"
# (not a firm's: "Ethiopian Chief Executive" may be the airline's).
_A_PEOPLES_OFFICES = _wordset(
    """Prime President Foreign Defence Defense Finance Interior Health Trade Ambassador
    Minister"""
)


_A_FIRMS_THINGS_TOO = _wordset("""cargo workers market side exports""")
_FIRM_WORDS = frozenset(
    map(_stem, _wordset("""airline carrier bank company firm group operator insurer"""))
)


def _a_peoples_word(text: str, hit: tuple, profiles: Mapping[object, Profile]) -> bool:
    """Whether an organisation's one-word name is the word for the people of a place its
    description names ("Ethiopian" for Ethiopian Airlines, the "flag carrier of
    Ethiopia"), written as that word before one of a people's things or a title ("the
    Ethiopian government", "Ethiopian cargo", "Ethiopian Prime Minister Abiy Ahmed"), not
    the firm ("Ethiopian said", "an Ethiopian flight")."""
    start, end, keys = hit
    word = text[start:end]
    following = re.match(r" ([A-Za-z]+)\b", text[end : end + 20])
    if (
        " " in word
        or not following
        or following.group(1) not in _A_PEOPLES_THINGS | _A_PEOPLES_OFFICES
    ):
        return False
    if not all(key in profiles and profiles[key].kind == "organization" for key in keys):
        return False
    # A firm has cargo, workers and a market too: "Ethiopian cargo revenue rose, the
    # airline said", "Austrian workers walked out, the airline said".
    if following.group(1) in _A_FIRMS_THINGS_TOO:
        sentence = {
            _stem(w.lower()) for w in _words(text[slice(*_sentence_bounds(text, start, end))])
        }
        if any(_FIRM_WORDS & profiles[key].cues & sentence for key in keys):
            return False
    lowered = word.lower()
    bases = [lowered[: -len(ending)] for ending in _DEMONYM_ENDINGS if lowered.endswith(ending)]
    places = {base + letter for base in bases if len(base) >= 3 for letter in _LOST_LETTERS}
    return any(
        places
        & {word.removesuffix("'s").removesuffix("’s") for word in _words(profiles[key].description)}
        for key in keys
    )


def _nationality_before(text: str, hit: tuple, profiles: Mapping[object, Profile]) -> bool:
    """Whether the word before a person's name is the person's nationality, the word for
    the people of a place that the description of one of its entities names, or the word
    that description opens with: "New Zealander Craig O’Connell" for a "New Zealand rugby
    coach", "Samoan Tama Rua’a" for a "Samoan netball coach". A nationality describes
    the person; it is no part of a longer name, as "Hunter" in "Hunter Biden" is."""
    start, _, keys = hit
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous is None or not _all_persons(keys, profiles):
        return False
    word = previous.group(1).lower()
    bases = [word[: -len(ending)] for ending in _DEMONYM_ENDINGS if word.endswith(ending)]
    places = {base + letter for base in bases if len(base) >= 3 for letter in _LOST_LETTERS}
    for key in keys:
        words = _words(profiles[key].description)
        # A description opens with the nationality ("Samoan netball coach") or names the
        # place ("New Zealand rugby coach").
        if words and ((words[0] == word and bases) or places & set(words)):
            return True
    return False


# A kind of place or feature after a name ("the Ravi river", "the Ravi and Chenab
# rivers"), and a maker's model number ("Boeing 777-9", "Canon 5D"; not a year or an
# amount, nor an ordinal).
_FEATURE_AFTER = re.compile(
    r"(?: and [A-Z][\w’'-]*)? (?:rivers?|lakes?|valleys?|mountains|hills|islands?|delta|"
    r"basin|canal|glacier)\b"
)
# A person's possessive before a kind of building or work, capitalised: the name of a
# place ("Diocletian’s Palace", "Hadrian’s Wall"); "Diocletian’s palace" is his.
_BUILDING_AFTER = re.compile(
    r"['’]s (?:Palace|Castle|Wall|Tower|Gate|Bridge|Tomb|Mausoleum|Column|Arch|Square|"
    r"Church|Chapel|Cathedral|House|Hall|Landing|Wharf|Quay|Pier|Gardens?|Laboratories)\b"
    # The kind ends the name: "Britain’s House of Lords", "London’s Tower Bridge", "New
    # York’s Wall Street", "Singapore’s Gardens by the Bay", "Pelosi’s House Democrats"
    # are the country's, the city's, hers.
    r"(?! (?:of|by|de|del|du|des)\b)"
    r"(?! (?!Ltd\b|Limited\b|Inc\b|Corporation\b|Company\b|Authority\b|Trust\b)[A-Z0-9])"
)
_PERSONS_BUILDING_AFTER = re.compile(
    r"['’]s (?:Palace|Castle|Wall|Tower|Gate|Bridge|Tomb|Mausoleum|Column|Arch|Square|"
    r"Church|Chapel|Cathedral)\b"
)
# A person's name before a kind of place in lower case: a place named after them
# ("landing at Saint-Exupéry airport", "the Mandela bridge"), or a monument or an event
# ("the Andreas Hofer monument", "the Dreyfus affair").
_PLACE_NAMED_AFTER = re.compile(
    r" (?:airport|stadium|arena|street|avenue|boulevard|bridge|station|hospital|university|"
    r"square|park|dam|highway|motorway|mine|quarry|school|road|tunnel|library|museum|"
    # (Not a service or a vigil held for someone: "the Kobe Bryant memorial service".)
    r"prize|award|trophy|medal|monument|statue|affair|doctrine|"
    r"memorial(?! (?:service|mass|concert|vigil|ceremony|lecture|match|fund)s?\b))\b"
)
# An artist's work is no thing named after them: "a Rodin statue", "a new Gormley
# statue", "the Lutyens memorial at Thiepval".
_ARTISTS_WORK_AFTER = re.compile(r" (?:monument|statue|memorial)\b")
_ARTIST = re.compile(r"\b(?:sculptor|artist|architect|painter|designer)\b", re.IGNORECASE)
_AREA_AFTER = re.compile(r" (?:district|neighbourhood|neighborhood|quarter|suburb|area)\b")
# A lower-case noun that ends a noun phrase after a place's name and makes it the name of
# a thing named after the place: a disease ("Ross River virus, a painful disease"), a
# treatment ("Bordeaux mixture, the old fungicide"), a food or a tree ("Minas cheese",
# "Paraná pine, the tall tree"); not "India virus cases" nor "pine for the days".
_THING_NAMED_AFTER = re.compile(
    r" (?:virus|disease|syndrome|mixture|cheese|pine)"
    r"(?=[,.;:!?)]| (?:and|or|is|was|are|were|has|had|that|which|spread)\b)"
)
_THE_BEFORE = re.compile(r"\b[Tt]he $")
_CLAUSE_END = re.compile(r"[,.;:!?)]")
# A model may be a Roman numeral too ("the Apple II computer"): after an organisation's
# name it is no regnal number, as it is after a person's ("Hassan II").
_MODEL_AFTER = re.compile(
    r" (?:(?!(?:19|20)\d\d\b)(?:\d{3,}(?:-\d+)?|\d+(?!st|nd|rd|th)[A-Za-z]+)\b"
    r"(?! ?(?:%|percent|per cent|million|billion))|(?:II|III|IV|VI|VII|VIII|IX)\b)"
)

# A number, not a year nor an amount ("250,000", "300 million", "12%"): with "the"
# before the place, part of a name ("the Kaleva 300 party").
_NUMBERED_AFTER = re.compile(
    r" (?!(?:1[89]|20)\d\d\b)\d+\b(?![,.]\d| ?(?:%|percent|per cent|million|billion))"
)
_BUILDING_NUMBER_AFTER = re.compile(
    r"(?: \d{3,4}|[-‐‑]\d+)(?![\d%/‐‑–-]|[,.]\d)"
    r"(?! ?(?:km|kilomet|mile|metre|meter|mm\b|cm\b|per ?cent|people|men|women|children|police|"
    r"million|billion|trillion|(?!(?:is|was|has|as|this)\b)[a-z]+s\b))"
)
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
_YEAR_AND_WORD_AFTER = re.compile(r" (?:1[89]|20)\d\d [a-z]")
_THE_AND_WORDS_BEFORE = re.compile(r"\b[Tt]he(?: [a-z][\w-]*)? $")


def _the_name_alone(text: str, start: int, end: int, keys, keys_at: Mapping | None) -> bool:
    """Whether "the" stands before the name and nothing of a noun phrase after it ("the
    support boat, the Cleopatra,"; "simply the Janáček, and"): no person, whose name takes
    no "the"; unless the comma sets the person's own name beside it ("the Asantehene,
    Otumfuo Osei Tutu II," is a title the person is known by; ``keys_at`` holds each hit's
    keys by where it starts)."""
    if not _THE_BEFORE.search(text, max(0, start - 4), start):
        return False
    if text[end : end + 2] == ", " and set(keys) & set((keys_at or {}).get(end + 2, ())):
        return False
    return bool(_CLAUSE_END.match(text, end))


def _named_after(
    text: str, hit: tuple, profiles: Mapping[object, Profile], keys_at: Mapping | None = None
) -> bool:
    """Whether the hit names something else after its candidates: a place or a feature
    when none of them is a place ("the city of Santos", "the port of Santos", "the Ravi
    and Chenab rivers"), a thing named after a place when none is a person ("Ross River
    virus, a painful disease"), a product when they are all organisations ("Boeing
    777-9"), or a thing named after a person when they are all persons and "the" stands
    alone before it ("the support boat, the Cleopatra,": a person takes no "the"; "the
    Obama administration" and "the elder Trudeau" have a word after the name or "the"), a
    building or a place named after a person ("Diocletian’s Palace", "the Mandela
    bridge"), an area when they are all organisations ("the Rosenborg district"), or a
    building, an event or a craft when they are all places and a number follows ("Taipei
    101", "Tartu 2024")."""
    start, end, keys = hit
    kinds = {profiles[key].kind if key in profiles else "" for key in keys}
    if _PLACE_OF.search(text, max(0, start - 20), start) or _FEATURE_AFTER.match(text, end):
        return not kinds & {"place", ""}
    if kinds == {"person"} and (
        _PERSONS_BUILDING_AFTER.match(text, end) or _PLACE_NAMED_AFTER.match(text, end)
    ):
        return not (
            _ARTISTS_WORK_AFTER.match(text, end)
            and all(key in profiles and _ARTIST.search(profiles[key].description) for key in keys)
        )
    # Anyone's or anything's: "Penn’s Landing", "Othello’s Tower", "Dr. Reddy’s
    # Laboratories".
    if _BUILDING_AFTER.match(text, end):
        return True
    # A kind of area after a club's name: "the Rosenborg district" gave the club its name.
    if kinds == {"organization"} and _AREA_AFTER.match(text, end):
        return True
    if "place" in kinds and "person" not in kinds and _THING_NAMED_AFTER.match(text, end):
        return True
    # (Not an epithet that shares no word with the person's name, which takes "the":
    # "the Dalai Lama, who turned 90" for Tenzin Gyatso.)
    written = set(fold(text[start:end]).split())
    epithet = all(key in profiles and not written & set(profiles[key].name.split()) for key in keys)
    if kinds == {"person"} and not epithet and _the_name_alone(text, start, end, keys, keys_at):
        return True
    # A team takes "a" as a side in a given state: "a more open Peñarol could help them",
    # "a depleted Chelsea".
    teams = all(profiles[key].cues & _TEAM_WORDS for key in keys if key in profiles)
    if kinds == {"organization"} and not teams and _product_of(text, start, end):
        return True
    if kinds == {"organization"} and bool(_MODEL_AFTER.match(text, end)):
        return True
    if kinds != {"place"}:
        return False
    # A number of three or four figures, or one joined by a hyphen, that neither counts
    # nor measures makes the name of a building, an event or a craft: "Taipei 101
    # swayed", "under the banner Tartu 2024", "Tolosa-7" (not "gave Kaleva 300 doses",
    # "Minas 310,000", "Lima 400 km").
    numbered = _BUILDING_NUMBER_AFTER.match(text, end)
    if numbered and _YEAR_AND_WORD_AFTER.match(text, end):
        numbered = None  # "Taiwan 2024 election results", "Kenya 2024 budget cuts"
    if not _THE_AND_WORDS_BEFORE.search(text, max(0, start - 40), start):
        return bool(numbered)
    # With "the" (and at most one word) before the name, so does any number that is no
    # year or amount ("the liberal Kaleva 300 party": a country or a city takes no
    # "the"); but a year before a word that the phrase goes on with is the place's
    # ("the Kaleva 2024 budget").
    return bool(_NUMBERED_AFTER.match(text, end)) or bool(
        numbered and not _LOWER_WORD_AFTER.match(text, numbered.end())
    )


# What a writer may set beside a name to say what it is, when it is no person, place or
# organisation: a work, a food or a drink, an animal, a god, a vehicle (not a name: "the
# city’s Māori name" is a name of the city).
_THING_NOUNS = _wordset(
    """film movie documentary novel book poem song album opera musical painting pastry cake
    dish drink wine beer lager cheese dog cat horse retriever puppy parrot god goddess deity
    ship boat ferry yacht train satellite rocket car truck aircraft"""
)
# Such a noun set beside the name, after it (", the 1942 film that", ", a ferry built
# in") or before it ("her golden retriever, Jasper,"): the head of the phrase, before a
# stop, a function word or a participle.
_THING_BESIDE_AFTER = re.compile(
    r", (?:a|an|the) (?:[\w’'-]+ ){0,3}?([a-z]+)(?=[,.;:!?)]| (?:that|which|who|whose|of|in|"
    r"from|by|with|for|on|at|and|run|made|built|written|shot|known|sold|held)\b|"
    r" [a-z]+ed\b)"
)
_THING_BESIDE_BEFORE = re.compile(
    r"(?<!\bof )\b(?:[Aa]|[Aa]n|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y) "
    r"(?:(?!of\b)[\w’'-]+ ){0,3}?"
    r"([a-z]+), $"
)
# A relative set before a name ("her daughter, Sofia, 19"): a person, whatever else
# bears the name.
_RELATIVES = _wordset(
    """daughter son grandson granddaughter grandchild child baby wife husband brother sister
    mother father cousin niece nephew grandmother grandfather"""
)
# A description that opens by calling the place a capital or the largest city ("Capital and
# largest city of Peru"; not "Northern country; capital Vesk").
_CAPITAL_OR_LARGEST = re.compile(
    r"^(?:[\w-]+ ){0,3}?(?:capital|(?:largest|most populous|biggest) city)\b"
)
# What may be said to be called so and be none of ours: a thing, a shop or a venue ("a
# bakery in Montreal called Hamra"); a kind of place is read by its kind ("a town called
# Avdiivka" is the city).
_CALLED_THINGS = _THING_NOUNS | _wordset(
    """bakery pizzeria restaurant cafe café bar pub shop store boutique hotel nightclub club
    salon bistro brasserie diner perfume"""
)
# A thing said to be called so, with "a" and up to three words before the verb and where
# it is after the noun: "a bakery in Montreal called Hamra", "a pizzeria near the library
# called Vesuvio".
_A_THING_CALLED_BEFORE = re.compile(
    r"\b(?:a|an|A|An) (?:(?!(?:the|a|an|his|her|its|their)\b)[a-z][\w’'-]* ){0,3}?([a-z]+)"
    r"(?: (?:in|near|on|at|by|off|outside)"
    r" (?:the |a )?[\w’'-]+(?: [\w’'-]+)?)? (?:called|named) $"
)


# What a drink is poured from or drunk in, before its name: "a bottle of Margaux", "cans
# of Lech", "A glass of Valpolicella" are the drink, named after a place or sharing a
# club's name; only a maker of drinks is named so ("bottles of Brandão" for the house).
_POURED_FROM_BEFORE = re.compile(
    r"\b(?:(?:[Bb]ottles?|[Gg]lass(?:es)?|[Cc]ans?|[Cc]rates?|[Pp]ints?|[Bb]arrels?|"
    r"[Cc]asks?|[Dd]rams?|[Mm]ugs?|[Ww]edges?|[Ss]lices?|[Ww]heels?) of|"
    # What people drink or eat, the thing named after the place: "people drink
    # Champagne at weddings".
    r"(?:drink|drinks|drank|drinking|sip|sips|sipping|eat|eats|ate|eating)) "
    r"(?:(?:a|an|the|cold|red|white|good|fine|old|more|less) )?$"
)
_DRINK_MAKERS = frozenset(
    map(
        _stem,
        _wordset(
            """winery wine winemaker brewery brewer brewing beer distillery spirits vineyard
            beverage beverages drinks whisky whiskey vodka gin cider"""
        ),
    )
)


def _described_as_a_thing(text: str, hit: tuple, profiles: Mapping) -> bool:
    """Whether words set beside the hit call it a thing that none of its candidates'
    descriptions says it is: "Casablanca, the 1942 film," is no city, "the Irrawaddy, a
    ferry built in 1930," no river, "her golden retriever, Jasper," no town. Not a site,
    a newspaper or a brand, which may be a place or an organisation of ours ("Chernobyl,
    the site of the 1986 disaster", "Le Monde, the French newspaper"), nor a phrase with
    "of" before the name ("The star of the film, Cillian Murphy,"). So is what a drink is
    poured from before it, unless one of them makes drinks ("a glass of Valpolicella")."""
    start, end, keys = hit
    if _POURED_FROM_BEFORE.search(text, max(0, start - 30), start):
        return all(key in profiles and not profiles[key].cues & _DRINK_MAKERS for key in keys)
    made = _MADE_THING_AFTER.match(text, end)
    # "In Kerala rice is the staple": a place where something is, not a thing's name. A
    # firm's name before its product is the maker's ("Heineken beer", "Nestlé chocolate",
    # "Beneteau boats"), and a country or a person after a verb of selling or giving is the
    # one given it ("Brazil sells China beef", "offered Ramaphosa tea").
    if (
        made
        and not _PLACE_BEFORE.search(text, max(0, start - 20), start)
        and any(key in profiles and profiles[key].kind != "organization" for key in keys)
        and not (
            _GIVEN_TO_BEFORE.search(text, max(0, start - 20), start)
            and all(
                key in profiles
                and (profiles[key].place_type == "country" or profiles[key].kind == "person")
                for key in keys
            )
        )
    ):
        said = _stem(made.group(1))
        return all(key in profiles and said not in profiles[key].cues for key in keys)
    called = _A_THING_CALLED_BEFORE.search(text, max(0, start - 70), start)
    # Only what is no agent is called so: "a spokesman in Kyiv called Russia's offer a
    # trap", "a lawmaker called Musk a threat", "a firm called Palantir" name ours. A
    # kind of place is read by its kind ("a town called Avdiivka" is the city), but no
    # writer introduces a capital or a largest city so ("a town called Paris, in Texas").
    if called and called.group(1) in _KINDS_OF_PLACE:
        kind = _KINDS_OF_PLACE[called.group(1)]
        said = _stem(called.group(1))
        return all(
            key in profiles
            and said not in profiles[key].cues
            and not (
                profiles[key].kind == "place"
                and _kind_described(profiles[key]) == kind
                and not _CAPITAL_OR_LARGEST.search(profiles[key].description)
            )
            for key in keys
        )
    if called and called.group(1) in _CALLED_THINGS:
        said = _stem(called.group(1))
        return all(key in profiles and said not in profiles[key].cues for key in keys)
    beside = _THING_BESIDE_AFTER.match(text, end)
    if beside is None and text.startswith(",", end):
        beside = _THING_BESIDE_BEFORE.search(text, max(0, start - 50), start)
        # Not a thing's relative, which is a figure of speech: "Belarus and its big
        # brother, Russia," is the country.
        if (
            beside
            and beside.group(1) in _RELATIVES
            and not re.search(r"\b[Ii]ts\b", beside.group())
        ):
            return all(key in profiles and profiles[key].kind != "person" for key in keys)
    if beside is None or beside.group(1) not in _THING_NOUNS:
        return False
    said = _stem(beside.group(1))
    return all(key in profiles and said not in profiles[key].cues for key in keys)


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
# Without those prepositions: "Buses run Lima-Callao through the night" names Lima.
_PHRASE_ENDS_NARROW = re.compile(rf"(?:[,.;:!?)]|\s(?:{_CORE_FUNCTION_WORDS})\b)")

# A food, a drink, a plant, a breed or a craft named after a place or a person, after the
# name and ending its noun phrase: "Dundee cake at", "Amur tigers, which", "a restored
# Nordland boat,", "Aalborg akvavit" (not "the Kraków chocolate maker", where the noun is
# no head). Only a maker of it is named so: "Haase coffee" is the roaster's; and a place
# written after "in" is where it is ("in Kerala rice is the staple").
_MADE_THINGS = """cake cakes mints sweets biscuits bread buns pastry pastries chocolate
    chocolates cheese ham sausage sausages oranges orange lemons apples grapes olives nuts
    honey pepper peppers chillies rice tea coffee beer beers lager ale cider wine wines
    whisky whiskey vodka akvavit aquavit rum gin brandy tigers tiger dolphins dolphin
    horses horse cattle sheep goats dogs dog cats cat hens salmon oysters mussels boat
    boats tiles tile pottery porcelain lace carpets carpet rugs rug tweed cigars hats salad
    beef pork lamb halibut perch cod trout tuna crab lobster laksa noodles soup curry stew
    pie pies dumplings spruce pine pines fir oak pearls"""
_MADE_THING_AFTER = re.compile(
    # Not the verbs "perch" and "pine": "Leicester perch at the top", "Arsenal pine for".
    rf" (?!perch (?:at|on|atop)\b|pine for\b)"
    rf"({'|'.join(sorted(_wordset(_MADE_THINGS)))})(?={_PHRASE_ENDS.pattern})"
)
_GIVEN_TO_BEFORE = re.compile(
    r"\b(?:sells?|sold|supplies|supplied|supply|ships?|shipped|sends?|sent|gives?|gave|"
    r"offers?|offered|owes?|owed|lends?|lent) (?:the )?$"
)


def _product_of(text: str, start: int, end: int) -> bool:
    """Whether an organisation's name at ``start:end`` is the head of a noun phrase that
    "a" opens: one of its products or a thing named after it ("He still drives a Volvo
    he bought", "a bronze Garuda, the mythical eagle"), not the firm, which takes no "a";
    "a Volvo spokesman" and "a Garuda flight" name the firm, as the noun after shows. A
    prize is what it awards: "won a Nobel Prize" names the prize."""
    return bool(
        _ARTICLE_BEFORE.search(text, max(0, start - 40), start)
        and _PHRASE_ENDS.match(text, end)
        and fold(text[start:end]).rsplit(" ", 1)[-1] not in _AWARDED
    )


# What a prize's name ends with: the thing awarded is the prize ("a Nobel Prize").
_AWARDED = _wordset("""prize prizes award awards medal trophy""")


def _several_named(story: _Story, keys) -> bool:
    """Whether several of ``keys`` are entities the story has named: on a sign or a banner
    in capitals, three Zającs ("THANK YOU ZAJĄC"), the city and its club ("TORINO SIAMO
    NOI", "TRAM TO EVERTON NOW"). A sign has no sentence around it to say which, and
    whoever wrote it may mean them all; the one named last, which is how a shared name in
    a sentence is read, would be a guess."""
    known = [key for key in keys if key in story.profiles]
    return len(known) > 1 and sum(key in story.recent for key in known) > 1


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


def resolve(
    text: str,
    hits: Iterable[tuple],
    profiles: Mapping[object, Profile],
    signs: Set[int] = frozenset(),
):
    """The matches of ``hits`` (in order, not overlapping) that are names in their context,
    each resolved to one key, and how many hits were left out as undecided. ``signs``
    are the starts of hits read in any case on a sign or a banner in capitals."""
    from articles.anchoring.matching import Match

    if profiles:
        # Only a gazetteer that knows its entities (Gazetteer.of) reads names in context;
        # one of bare names and aliases finds every name as written.
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
        strangers = _strangers(text, hits, reasons, profiles)
        keys_at = {start: keys for start, _, keys in hits}
        hits = [
            hit
            for hit, reason in zip(hits, reasons, strict=True)
            if reason is None
            and not _named_after(text, hit, profiles, keys_at)
            and not _described_as_a_thing(text, hit, profiles)
            and not _a_peoples_word(text, hit, profiles)
        ]
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
    story.strangers = strangers if profiles else {}
    recent, learned = story.recent, story.learned
    gendered = []  # hits left out that a title or a pronoun gives a gender
    for (start, end, keys), folded in zip(hits, folded_at, strict=True):
        # (The checks that read what the gazetteer knows of people only where it knows.)
        if profiles and _stranger_since(story, folded, keys, start):
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
        if story.filed_from is None and start == 0 and opens_dateline(text, start, end):
            story.filed_from = key
        recent.setdefault(key, {})[folded] = end
        if key in profiles and profiles[key].kind == "person":
            story.described.setdefault(key, set()).update(_described(text, start, end))
            _tie_stated(story, key, start)
            if _LATE_BEFORE.search(text, max(0, start - 40), start) or (
                _DIED_AFTER.match(text, end) and _subject(text, start, end) is True
            ):
                story.dead.add(key)
        if key in profiles and profiles[key].kind == "person" and profiles[key].gender is None:
            gender = _gender_written(text, start, pronoun)
            if gender:
                said = pronouns.setdefault(key, [])
                said.append(gender)
                learned[key] = max(("female", "male"), key=said.count)
                if said.count("female") == said.count("male"):
                    del learned[key]
        story.chosen[start] = key
        matches.append(Match(start, end, key, text[start:end]))
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
            bisect.insort(matches, Match(start, end, fits[0], text[start:end]))
    return matches, undecided
