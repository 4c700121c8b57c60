"""What the rules know of an entity beyond its names (``Profile``): its own name, kind,
gender, the cues of its description, the kind of place it is, its given and family names;
and the word lists those are read with (titles, months, peoples' words, kinds of place)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from typing import NamedTuple

from articles.anchoring.folding import _capitalised, fold, typographic
from articles.anchoring.given_names import gender_of_given_name


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
    # the titles its name and aliases are written with, in lower case ("marshal" for
    # the alias "Field Marshal Khalifa Haftar"): the gazetteer's word for its office
    titles: frozenset[str] = frozenset()
    # the stems of the names its description holds, with the countries of the peoples'
    # words it writes ("Ministry of the Italian government" names Italy)
    countries_named: frozenset[str] = frozenset()
    # its name and aliases, folded: the gazetteer's own word for what a bare name of
    # several people names ("calvino" for Italo Calvino, not for his father Mario, whose
    # family name it only is)
    aliases: frozenset[str] = frozenset()


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


# A word and the word after it (overlapping: each word is read with its next).
_WORD_AND_NEXT = re.compile(r"\b(\w+) (?=(\w+))")


def _other_places_kinds(description: str, place_type: str) -> set[str]:
    """The stems of the words of ``description`` that say the kind of another place, of
    another family than ``place_type`` ("city" or "state"): "city" in "District ...
    covering the core of the city of Chennai", "province" in "Capital of the province
    of Cebu", "capital" in "Region of Peru ...; capital Huacho". (Not "fishing ports"
    of a region, which are its own.)"""
    return {
        stem
        for word, following in _WORD_AND_NEXT.findall(description)
        if (following == "of" or following[0].isupper())
        and _PLACE_TYPES.get(stem := _stem(word), place_type) not in (place_type, "country")
    }


def _possessor(word: str) -> str:
    """``word`` without a possessive's ending: "Italy’s" is Italy."""
    return word.removesuffix("'s").removesuffix("’s")


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
# bomber in 1993", "army commander killed in the coup attempt", "missionary who worked in
# China and died in Beijing in 1610": the "who" is the person's), not one about someone
# else ("whose son was killed", "widow of a soldier killed in action", "since his
# father, Kim Jong Il, died").
_DEATH = re.compile(
    r"\(\d{1,4}(?: BC)?\s*[–-]\s*\d{1,4}(?: BC| AD)?\)|\buntil (?:his|her) death\b|"
    r"(?:^|[;.] )(?:(?!\b(?:whose|of|his|her|their)\b)[^;.])*?"
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
    r"Capital(?: city)?(?: and (?:largest|most populous) city| and federal district)? of "
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


_METROPOLITAN_REGION = re.compile(
    r"\b[Mm]etropolitan (?:city|municipality|area|region|county) (?:of|governing)\b"
)


def _qualified(name: str, aliases) -> bool:
    """Whether a place is told from a namesake by its region after a comma: an alias of
    its own name so ("Vienna" with "Vienna, Virginia"), or its own name so, with the
    bare name an alias ("Washington, D.C." with "Washington")."""
    folded = [fold(alias) for alias in aliases]
    bare = name.split(", ")[0]
    return any(alias.startswith(name + ", ") for alias in folded) or (
        bare != name and bare in folded
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
        for index, word in enumerate(words):
            # "Metropolitan city of Piedmont", "Metropolitan municipality governing
            # Durban": the region a city is the centre of. ("Metropolitan city in
            # south-western South Korea" is a city: read on.)
            if word == "metropolitan" and _METROPOLITAN_REGION.search(named.description):
                place_type = "state"
                break
            # A natural feature is none of them, whatever town it lies by: "Stratovolcano
            # north-west of the city of San Salvador".
            # (Not an island: "Island country in the Caribbean" is a country.)
            if _KINDS_DESCRIBED.get(word) in _NATURAL_KINDS - {"island"}:
                break
            if _stem(word) in _PLACE_TYPES:
                place_type = _PLACE_TYPES[_stem(word)]
                # A region's word before a town's: "State capital of Western Australia".
                following = _written_next(words, index, named.description)
                if place_type == "state" and _stem(following) in _CITY_WORDS:
                    place_type = "city"
                break
    # A country a description calls a "state" by a word for its region or its standing:
    # "Baltic state on the Gulf of Finland" (not "State in the south-eastern United
    # States" nor "Southeastern state of the United States", whatever country shares the
    # name).
    if (
        place_type == "state"
        and name in _COUNTRY_NAMES
        and _A_SOVEREIGN_STATE.match(named.description)
    ):
        place_type = "country"
    if place_type in ("city", "state"):
        cues -= _other_places_kinds(named.description, place_type)
    # Capitalised words after the first are names: "Capital of Peru", "City on the River
    # Tay in central Scotland". They say which country or region a place belongs to.
    # The first word too when it is a possessive ("Guatemala’s highest court"): a capital
    # there is the sentence's, but a name owns things where a common word does not.
    own_words = {_stem(word) for word in _words(name)}
    described = _words(named.description)
    capitalised = {
        _stem(_possessor(word))
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
    # A common word only ever written inside such a name is no cue of its own: "State" in
    # "City in northwestern Ohio in the United States" says nothing of "state oil company"
    # in a story about Peru; "County" in "seat of Allen County" nothing of a county.
    in_names = Counter(
        _stem(word.lower())
        for run in runs
        if len(run) > 1
        for word in run
        if word.lower() in _GENERIC
    )
    if in_names:
        stems = Counter(_stem(word) for word in words)
        cues -= {stem for stem, count in in_names.items() if stems[stem] == count}
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
        _qualified(name, named.aliases),
        proper_names,
        given_name(named),
        born_in(named.description) if named.kind == "person" else None,
        named.kind == "place" and _national_capital(named.description),
        _titles_written(named) if named.kind == "person" else frozenset(),
        proper | _peoples_countries(fold(named.description)),
        frozenset(fold(alias) for alias in (named.name, *named.aliases)),
    )


def _titles_written(named: Named) -> frozenset[str]:
    """The titles a person's aliases write before their name, each as its words in lower
    case: "vice president" for "Vice President Sara Duterte", "marshal" for "Field
    Marshal Khalifa Haftar" (the title words right before the name). Not a word of the
    name itself ("John Major")."""
    name = [word.lower() for word in _words(named.name)]
    titles = set()
    for alias in named.aliases:
        words = [word.lower().rstrip(".") for word in _words(alias)]
        # The alias is a title and the name, or its last words ("President Biden").
        tail = next(
            (size for size in range(len(name), 0, -1) if words[-size:] == name[-size:]),
            0,
        )
        prefix = words[: len(words) - tail] if tail else []
        run = []
        for word in reversed(prefix):
            if not is_title(word):
                break
            run.insert(0, word)
        if run and len(run) < len(words):
            titles.add(" ".join(run))
    return frozenset(titles)


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


# (With the months of the Islamic calendar copy writes in English: "during Ramadan",
# "before Muharram" are times, not the coach Hossam Ramadan.)
MONTHS = _wordset(
    """january february march april may june july august september october november
    december ramadan muharram shawwal"""
)
_DAYS = _wordset("""monday tuesday wednesday thursday friday saturday sunday""")
_DATE_WORDS = _DAYS | MONTHS


def is_title(word: str) -> bool:
    """Whether ``word`` is a title, or a hyphenated one ("Secretary-General")."""
    parts = word.lower().rstrip(".").replace("’", "'").split("-")
    return all(part in _TITLES for part in parts)


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
    return _may_be_family(word) and word.lower() not in _NO_GIVEN_NAMES


def _may_be_family(word: str) -> bool:
    """Whether ``word`` may be a family name: a word of a name that is no title nor one
    of the commonest words. A common word may be one ("Young", "Price", "May"), read as
    the name only with a title or a person's verb beside it (``is_wordlike``,
    ``short_forms.by_surname``)."""
    return not (
        len(word) < 3
        or not _GIVEN_WORD.fullmatch(word)
        or not word[0].isupper()
        or word.isupper()
        or is_title(word)
        or word.lower() in _STOPWORDS
    )


def is_wordlike(word: str) -> bool:
    """Whether ``word`` is also a common word, a month or a day ("May", "Young"), which a
    capital at a sentence's start makes look like a name."""
    return word.lower() in _NO_GIVEN_NAMES


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


def _peoples_countries(description: str) -> frozenset[str]:
    """The stems of the countries whose peoples' words a (folded) description writes
    anywhere ("ministry of the italian government": Italy's)."""
    return frozenset(
        _stem(_COUNTRY_OF_PEOPLE[word])
        for word in _words(description)
        if word in _COUNTRY_OF_PEOPLE
    )


# The countries of the table of peoples' words, by name ("estonia").
_COUNTRY_NAMES = frozenset(_COUNTRY_OF_PEOPLE.values())
_A_SOVEREIGN_STATE = re.compile(
    r"(?:Baltic|Gulf|Caribbean|Balkan|Nordic|Arab|Pacific|Alpine|Himalayan|Andean|"
    r"[Ss]overeign|[Ii]ndependent|[Ll]andlocked|[Ii]sland|[Mm]icro|[Cc]ity|[Nn]ation) state\b"
)


def _country_stem(word: str) -> str:
    """The stem of the country ``word`` names, read through its people's word: "Italian"
    is Italy ("italy"), "Omdurman" stays itself."""
    return _stem(_COUNTRY_OF_PEOPLE.get(word.lower(), word))


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


# Kinds of place that no address gives (see the dateline's region in ``_choose``).
_NATURAL_KINDS = frozenset({"river", "lake", "island", "sea", "bay", "valley", "mountain"})


# Common words of names ("United States", "Allen County", "Republic of Korea").
_GENERIC = frozenset(_KINDS_OF_PLACE) | _wordset(
    "united states republic kingdom national federal democratic people's"
)


# What a description may call a natural feature besides the words above, each read as
# the kind the rules know: a "torrent", a "tributary" or an "estuary" is a river
# ("Torrent of Emilia-Romagna that flows through the city of Parma" is no city), a
# "lagoon" a lake. (Not a canal, which copy names bare: "traffic through Suez" is the
# canal; nor a word that describes a country or a town as often, "Gulf state", "Desert
# city". Descriptions only: in a story, "a stream of" says nothing of a name beside it.)
_KINDS_DESCRIBED = {
    **_KINDS_OF_PLACE,
    **dict.fromkeys(_wordset("torrent stream tributary creek brook wadi estuary"), "river"),
    **dict.fromkeys(_wordset("lagoon reservoir"), "lake"),
    **dict.fromkeys(_wordset("strait"), "sea"),
    **dict.fromkeys(_wordset("peninsula archipelago atoll"), "island"),
    **dict.fromkeys(_wordset("glacier massif"), "mountain"),
    # And works built on a river, which are no river: "Dam on the Benue River".
    **{word: word for word in _wordset("dam barrage weir bridge")},
}


# The kinds of place a government's area is: no river, lake or hill.
_ADMINISTRATIVE = frozenset(
    {"city", "county", "province", "state", "region", "department", "prefecture"}
    | {"canton", "district", "governorate", "oblast"}
)


_BESIDE_ANOTHER = re.compile(
    r"\b(?:bounded|bordered|bordering|borders|beside|opposite|facing|across from|next to)\b"
)


def _kind_described(profile: Profile) -> str | None:
    """The kind of place a description says first ("Department of south-western
    Uruguay"; "Coastal mountain range"), or None."""
    return _kind_of_description(profile.description)


@functools.lru_cache(maxsize=8192)
def _kind_of_description(description: str) -> str | None:
    # (Not of a place it borders or faces: "Southern US commonwealth bounded on the north
    # by the Ohio River" is no river.)
    words = _words(_BESIDE_ANOTHER.split(description, maxsplit=1)[0])
    for index, word in enumerate(words):
        if word in _KINDS_DESCRIBED:
            # "County town of County Longford": a town, of the region its first word names.
            if _KINDS_DESCRIBED.get(_written_next(words, index, description)) == "city":
                return "city"
            return _KINDS_DESCRIBED[word]
    return None


def _written_next(words: list[str], index: int, description: str) -> str:
    """The word after ``words[index]``, in lower case, when ``description`` writes the two
    together ("state capital"), else "": "US state; capital Olympia" has a stop between."""
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    together = f"{words[index]} {following}".lower() in description.lower()
    return following if following and together else ""


def _all_persons(keys, profiles: Mapping) -> bool:
    return all(key in profiles and profiles[key].kind == "person" for key in keys)


def _names_all(profile: Profile, words: str) -> bool:
    """Whether the description of ``profile`` names each of ``words`` (those of three
    letters or more), a short form or a longer one counting ("Wash." for "Washington",
    "Korea" for "Korean")."""
    stems = [_stem(word) for word in _words(words) if len(word) >= 3]
    return bool(stems) and all(
        any(cue.startswith(stem) or stem.startswith(cue) for cue in profile.proper)
        for stem in stems
    )


def _names_country(profile: Profile, country: str) -> bool:
    """Whether the description of ``profile`` names ``country`` (a country's name or its
    stem), by name or by its people's word ("Bangladeshi government department"), or its
    own name does ("Kuwaiti Ministry of Foreign Affairs")."""
    return _stem(country) in _countries_named_by(profile)


def _countries_named_by(profile: Profile) -> frozenset[str]:
    """The stems of the countries that the description of ``profile`` or its own name
    names: "Central Bank of Bolivia" is Bolivia's whatever its description says."""
    own_name = {_stem(word) for word in _words(profile.name)} & _COUNTRIES
    named = profile.countries_named | profile.own_proper | own_name
    return named | {
        country for country, words in _COUNTRIES_WRITTEN_OTHERWISE.items() if words <= named
    }


# Countries a description names by another name than the one their people's word gives:
# "British" names Britain, written "the United Kingdom" as often.
_COUNTRIES_WRITTEN_OTHERWISE = {
    _stem("britain"): frozenset(map(_stem, ("united", "kingdom"))),
    _stem("america"): frozenset(map(_stem, ("united", "states"))),
}


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


# The stems of countries' names, from the table of peoples' words ("india", "korea").
_COUNTRIES = frozenset(_stem(country) for country in _COUNTRY_OF_PEOPLE.values())


def _countries_of(known: Profile) -> frozenset[str]:
    """The countries a description names, by name or people's word ("Bangladeshi
    government department": Bangladesh), as stems."""
    return known.countries_named & _COUNTRIES


def _countries_of_each(keys, known: Mapping) -> dict | None:
    """The country each of ``keys`` is described as of (``_countries_of``), when each is
    of one, its own, by name or people's word, and no two of the same one; else None."""
    if not all(key in known for key in keys):
        return None
    countries = {key: _countries_of(known[key]) for key in keys}
    if all(len(named) == 1 for named in countries.values()) and len(
        frozenset().union(*countries.values())
    ) == len(keys):
        return countries
    return None
