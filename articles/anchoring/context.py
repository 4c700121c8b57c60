"""Whether a hit is a name at all in its context (``refusal``): a month, a currency, a
plural, part of a longer name that is not ours, a name as a word, a people's word, a
thing named after someone; and the readings of the words beside a hit it needs (an owner,
an acronym, an organisation's whole name)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from articles.anchoring.folding import _FIXED_SPACES, _capitalised, fold
from articles.anchoring.profiles import (
    _COUNTRY_OF_PEOPLE,
    _DATE_WORDS,
    _DAYS,
    _KINDS_OF_PLACE,
    _PLACE_TYPES,
    _TEAM_WORDS,
    _TITLES,
    MONTHS,
    Profile,
    _all_persons,
    _kind_described,
    _lies_in,
    _names_all,
    _names_country,
    _possessor,
    _stem,
    _words,
    _wordset,
    is_title,
)
from articles.anchoring.reading import (
    _BURMESE_HONORIFICS,
    _CORE_FUNCTION_WORDS,
    _PHRASE_ENDS,
    _PREVIOUS_WORD,
    _generic_institution_name,
    _just_after,
    _not_after,
    _product_of,
    _sentence_bounds,
    _title_before,
    opens_sentence,
)


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
_MONTH_PART_BEFORE = re.compile(r"\b(?:mid|early|late)[-‐‑–]$")
_EACH_BEFORE = re.compile(r"\b(?:each|every) $")
# Two families named together: "the Marcos and Duterte families", "the Porsche and Piëch
# families"; and two of one family, "the Amis father and son".
_GROUP_OF_TWO_AFTER = re.compile(
    r" and (?:the )?[A-Z][\w’'-]+ (?:families|clans|dynasties|brothers|sisters)\b|"
    r" (?:father|mother) and (?:son|daughter)\b"
)
_GROUPS = _wordset(
    """brothers sisters siblings twins family families cousins couple dynasty clan
    household pair duo trio relatives heirs descendants"""
)


_PLACE_OF = re.compile(
    # (Not a home: "Hamamatsu, the home town of Suzuki Motor" is the firm's.)
    r"\b(?<!home )(?:city|town|port|village|county|province|district|state|region|"
    r"department) of $"
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
    # (With more words of its name between: "Lusaka Water Supply and Sanitation Company".)
    r"(?: (?:[A-Z][a-z]+|and|of|for))*? (?:University|College|Institute|Bank|Museum|School|"
    r"Academy|Hospital|Library|Court|Company|Corporation|Authority|Utility|Agency)\b"
)
# What falls in a month, after its name and an article before it: "the May midterm
# elections", "the May flower festival", "before the May holidays" (not "the May
# government", a person's, nor "May called the election early", a verb between).
_ARTICLE_BEFORE_A_MONTH = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Nn]ext|[Ll]ast) $")
_WHAT_FALLS_IN_A_MONTH_AFTER = re.compile(
    r" (?:(?:midterm|local|general|regional|municipal|presidential|parliamentary|national|"
    r"state|flower|bank|school|spring|summer|religious) )?"
    r"(?:elections?|polls|by-elections?|primary|primaries|referendum|festival|festivals|"
    r"holidays?|harvest|rains|heatwave|uprising|parade|deadline)\b"
)
# A month's weather before it: "a hotter than average May", "the wettest May on record".
_A_MONTHS_WEATHER_BEFORE = re.compile(
    r"\b(?:than (?:average|usual|normal)|(?:wett|dri|hott|cold|warm|cool|sunni)est) $"
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
# Words around a day's name that make it a date: "on Wednesday", "every Sunday", "since
# Monday", "Wednesday night", "Friday 3 March" (not a score: "beat Wednesday 3-0").
_DAY_BEFORE = re.compile(
    r"\b(?:on|every|each|next|last|this|until|till|since|late on|early on) $", re.IGNORECASE
)
_DAY_AFTER = re.compile(r" (?:morning|afternoon|evening|night)\b| \d{1,2}(?: [A-Z][a-z]+|,)")
# What a side does or has after its name, which a day does not: "since Wednesday were
# relegated", "this Wednesday side".
_A_SIDE_AFTER_A_DAY = re.compile(
    r" (?:were|are|have|beat|lost|won|drew|side|team|squad|fans|manager|coach)\b|['’]s? \d"
)
_DOMAIN_AFTER = re.compile(
    r"\.(?:com|org|net|co|io) (?:Stadium|Arena|Field|Park|Centre|Center|Dome|Bowl|Oval|"
    r"Ground|Theatre|Theater|Hall|Amphitheatre|Amphitheater|Cup|Open|Classic|Championships?|"
    r"Trophy|Prize|Festival|Series|Grand Prix)\b"
)
_CURRENCY_AFTER = re.compile(r"[$€£¥]")
# (After any space: the given names read after the rules see the text as written, where
# "Juan\u00a0Pablo Correa" may have a no-break space.)
_NEXT_WORD = re.compile(rf"[ {_FIXED_SPACES}](\w[\w'’-]*)")
_JOINED_AND_NAME = re.compile(r"[-‐‑–][A-Z][\w'’]*(?:[-‐‑–][A-Z][\w'’]*)* ([A-Z][\w'’-]*)")


_COUNTED_BEFORE = re.compile(r"\b[Tt]he (?:two|three|four|five) $")
_SEVERAL_NAMED_BEFORE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|both) "
    r"(?:[a-z]+ ){0,2}(?:people|men|women|children|sons|daughters|brothers|sisters|"
    r"relatives|players|ministers|presidents|executives|officials|politicians|candidates|"
    r"lawmakers|members|defendants|judges|generals|officers|priests|singers|actors|drivers) "
    r"(?:named|called|surnamed|with the (?:sur|family )?name) $"
)
# A representative's seat, before its name ("the MP for", "the seat for", "Labour
# candidate for"; not "a permanent seat for Germany and Japan", "the council member for
# Ireland and Scotland", nor "MPs for Scotland and Wales", several seats), and the
# capitalised words that end its name with the phrase (not "the MP for Hartlepool and
# Labour's spokesman", "the member for Bath and Liberal Democrat spokeswoman").
_SEAT_FOR = (
    r"(?:\b(?:MP|MLA|MSP|MPP|TD)|\b[Tt]he seat|(?:, |\band )member|\b(?:Labour|Conservative|"
    r"Tory|Democrat|SNP|Reform|Green|Plaid Cymru|Sinn Féin|DUP|Alliance|Fianna Fáil|Fine Gael|"
    r"Independent) (?:member|candidate)) for "
)
_SEAT_ENDS = (
    r"(?: [A-Z][\w-]*)*"
    r"(?=[,.;:!?)]| (?:said|says|told|welcomed|has|had|is|was|will|would|who|which|by|in|at|"
    r"since|until|well|and the)\b)"
)
_SEAT_FOR_BEFORE = re.compile(_SEAT_FOR + "$")
_SEAT_FOR_AND_BEFORE = re.compile(_SEAT_FOR + r"[A-Z][\w-]*(?: [A-Z][\w-]*)* and $")
_AND_A_NAME_AFTER = re.compile(r" and [A-Z][\w-]*" + _SEAT_ENDS)
_SEAT_ENDS_AFTER = re.compile(_SEAT_ENDS)
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
    # "A mother who gave only her surname, Kim,", "who gave only her nickname, Nan,".
    r"gave (?:only )?(?:his|her|their) (?:first |given |family |last |sur|nick)?name(?: only)?,|"
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
# A name held for a time, which is a former name of the place: "called Gottwaldov for
# four decades", "called Leninabad from 1936".
_FORMER_NAME_UNTIL = re.compile(
    r" (?:until|till|before|from|between) (?:1[5-9]|20)\d\d\b|"
    r" for (?:[\w-]+ ){0,2}(?:years|decades|centuries)\b"
)
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
# What stands before a name worn by a thing ("a small Kubota combine", "old Belarus
# models", "bottled Jermuk water").
_A_THING_BEFORE = re.compile(
    r"\b(?:[Aa]n?|old|cold|sweet|bottled|parked|battered|glasses of|bottles? of|packets? of|"
    r"crates? of)(?: [a-z]+)? $"
)
# A thing's word after the name, a vehicle, a drink, a food or a make's models, that
# ends its noun phrase ("a parked Mazda hatchback lay crushed"; not "a Toyota car plant",
# "a Munich beer hall", whose head is the plant or the hall).
_A_THINGS_WORD_AFTER = re.compile(
    r" (?:hatchbacks?|saloons?|sedans?|combines?|tractors?|pickups?|lorr(?:y|ies)|"
    r"cars?|models?|beers?|lagers?|wines?|duck|pepper)\b"
    r"(?! (?:plants?|factor(?:y|ies)|works|halls?|parks?|bans?|makers?|manufacturers?|"
    r"industry|sector|compan(?:y|ies)|firms?|dealers?|dealerships?|workers|market|markets|"
    r"exports?|imports?|sales|production|lines?|brands?|terminals?|fleets?|tax|taxes|"
    r"routes?|services?|festival|shops?|stores?|bars?|cellars?|region|country|estates?)\b)"
)
_VESSEL_BEFORE = re.compile(
    r"\b(?:tug|ship|vessel|boat|ferry|tanker|yacht|trawler|freighter|liner|cutter|frigate|"
    r"destroyer|submarine|schooner|barge|dredger|drillship|drilling ship|survey ship|"
    r"research vessel|research ship|"
    # A carrier is a firm as often as a ship ("Danish container carrier Maersk said"): a
    # ship only after an article or a flag ("the bulk carrier Kastamonu").
    r"(?:\b(?:[Tt]he|[Aa]n?|own|its|their|-flagged|-registered)(?: [a-z][\w-]*)? )"
    r"(?:bulk|ore|car|cargo|container) carrier|"
    r"steamer|icebreaker|catamaran|dhow|sloop|corvette|containership|"
    # A ship by the year it was built: "its last three tankers, among them the 2004-built
    # Rhodes".
    r"\d{4}-built(?: (?:[a-z]+ )?(?:carrier|tanker|ship|vessel|freighter|ferry|liner|bulker|"
    r"trawler|yacht))?)"
    r"(?: |, the | the |,? (?:named|called|christened|registered as)(?: the)? )$|"
    # A name given to a ship at registry: "a motor yacht, registered as the Cherno More"
    # (not "registered as the ANC’s candidate").
    r"\b(?:ship|vessel|boat|yacht|tanker|ferry|trawler|freighter|carrier)\b[^.;]{0,40}"
    r"registered as the $"
)
_JOINED_WORD = re.compile(r"[-‐‑–][A-Z][\w'’]*")
_JOINING_PARTICLES = r"(?:on|upon|under|sur|sous|en|lès|lez|la|le|les|de|du|des|am|an|im|aan)"
_ARTICLE_JOINED_AFTER = re.compile(r"[-‐‑][ld][’'][A-ZÀ-Ý]")
_PARTICLE_JOINED_BEFORE = re.compile(rf"[A-Z][\w’'-]*[-‐‑](?:{_JOINING_PARTICLES}[-‐‑]|[ld][’'])$")
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*)[-‐‑–]$")
# Prefixes joined to a name that make no longer name: "Anti-Putin", "Pro-Russia".
_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "neo", "pan", "mid", "trans"})
_PARTICLE_AND_NAME = re.compile(
    r" (?:de la|de las|de los|de|del|da|do|dos|das|di|du|von|van|der|den|"
    # A party's or a movement's name: "Unión por la Patria", "Juntos por el Cambio".
    r"por la|por el|por los|para la|para el) [A-Z]"
)


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


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is in capitals at the start of a line, as a dateline
    is ("SEOUL (Newsroom) -", "RIO DE JANEIRO, Nov 19 -"): there a name in any case is
    taken, where elsewhere "US" is not "us"."""
    if not (start == 0 or text[start - 1] == "\n"):
        return False
    words = _MC_IN_CAPITALS.sub(lambda prefix: prefix.group().upper(), text[start:end])
    return words.isupper() and len(words) > 2


# A name in capitals keeps the small letter of its "Mc" or "Mac", as wire copy writes a
# dateline: "FORT McMURRAY", "McALLEN, Texas".
_MC_IN_CAPITALS = re.compile(r"\bMa?c(?=[A-Z]{2})")


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
    return (
        _a_word_or_a_date(text, start, end, before, after, folded, whole_name, persons_name)
        or _joined_to_another_word(after, before, joined, joined_before, sign)
        or _opens_a_longer_name(text, start, before, after, sign, acronym, persons_name)
        or _ends_a_longer_name(text, start, end, before, owner, sign)
    )


def _a_word_or_a_date(text, start, end, before, after, folded, whole_name, persons_name):
    """Why the hit is part of an institution's name, a word, a count, a vessel, a case, a
    date or an amount, by the words just before and after it (``refusal``), or None."""
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
    # Several people said to bear the name: "three prime ministers named Rasmussen", "the
    # two defendants named Sawadogo" (people: a town or a street named after someone
    # may be the person's mention).
    if _SEVERAL_NAMED_BEFORE.search(text, max(0, start - 60), start):
        return "plural"
    if _VESSEL_BEFORE.search(before):
        return "vessel"
    # A maker's or a place's name on a thing, after an article or a word of its state:
    # "a parked Mazda hatchback", "a battered Volga saloon", "bottled Jermuk water" (not
    # "a Peñarol shirt", the club's).
    # (Water only bottled: "a Nile water treaty" is the river's.)
    if _A_THING_BEFORE.search(before) and (
        _A_THINGS_WORD_AFTER.match(after)
        or (before.endswith("bottled ") and after.startswith(" water"))
    ):
        return "thing"
    # A seat named after two places: "the Labour MP for Leigh and Atherton", "MP for
    # Middlesbrough and Thornaby East" is a constituency, neither town.
    if (_SEAT_FOR_BEFORE.search(before) and _AND_A_NAME_AFTER.match(text, end)) or (
        _SEAT_FOR_AND_BEFORE.search(text, max(0, start - 80), start)
        and _SEAT_ENDS_AFTER.match(text, end)
    ):
        return "longer name"
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
        and (
            _DATE_AFTER.match(after)
            or _date_before(text, start)
            # "until mid-May", "in early-March", "each August," (not "every May
            # loyalist", the person's).
            or _MONTH_PART_BEFORE.search(before)
            or (_EACH_BEFORE.search(before) and _PHRASE_ENDS.match(text, end))
            or (
                _ARTICLE_BEFORE_A_MONTH.search(before) and _WHAT_FALLS_IN_A_MONTH_AFTER.match(after)
            )
            or _A_MONTHS_WEATHER_BEFORE.search(before)
        )
        # "part of May’s inner circle", "the rest of May’s cabinet": the possessive is a
        # person's (a month's would be "May’s figures", after none of these words).
        and not (_POSSESSIVE_AFTER.match(after) and _IN_A_MONTH_BEFORE.search(before))
        and not _MONTH_AND_NAME_AFTER.match(after)
    ):
        return "month"
    # A day of the week with a date's words around it: "on Wednesday", "set for
    # Wednesday", "Wednesday night" ("Sheffield Wednesday" goes by its whole name; "lost
    # to Wednesday" is the club).
    if (
        folded in _DAYS
        and _title_before(text, start) is None
        and (
            _DAY_BEFORE.search(before)
            or _IN_A_MONTH_BEFORE.search(before)
            or _DAY_AFTER.match(after)
        )
        and not _A_SIDE_AFTER_A_DAY.match(after)
    ):
        return "day"
    return None


def _joined_to_another_word(after, before, joined, joined_before, sign):
    """Why the hit is part of a longer name it is joined to by a hyphen (``refusal``), or
    None."""
    # Joined by a hyphen to a capitalised word that a capitalised word follows, it opens
    # a longer name ("the Vall-Brenna Free Trade Zone"); "US-China talks" are two names.
    compound = _JOINED_AND_NAME.match(after)
    if compound and not _may_follow_a_name(compound.group(1)):
        return "longer name"
    # A town's name joined to another by a particle, as English and French name towns:
    # the name after the particle is the town's, no river's or region's of ours
    # ("Henley-on-Thames", "Châlons-en-Champagne"); the one before it is the town's short
    # name ("Newcastle-upon-Tyne", "Southend-on-Sea"), unless an article joins them, which
    # makes another town ("Clermont-l’Hérault" is no Clermont-Ferrand).
    if _PARTICLE_JOINED_BEFORE.search(before) or _ARTICLE_JOINED_AFTER.match(after):
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
    return None


_A_MODELS_CODE = re.compile(r"[A-Z]{1,3}-?\d[\w-]*")


def _opens_a_longer_name(text, start, before, after, sign, acronym, persons_name):
    """Why the hit is a plural or the start of a longer name not ours, by the word after it
    (``refusal``), or None."""
    # On a sign or a banner in capitals every word is capitalised: the words beside a
    # name there say nothing of a longer name ("“TALLINN IS NOT FOR SALE”"). An alias
    # written in capitals ("CARE", "MAS") is still read so: there it may be any word.
    next_word = None if sign else _NEXT_WORD.match(after)
    if next_word:
        word = next_word.group(1)
        # A surname naming several people: "the Miliband brothers", "the Kim family",
        # "the Bakari couple’s firm".
        if word.lower().removesuffix("’s").removesuffix("'s").rstrip(
            "’'"
        ) in _GROUPS or _GROUP_OF_TWO_AFTER.match(after):
            return "plural"
        # Inside a longer name that is not ours: "Harris Poll", "Rio Grande do Sul",
        # "Kim Dae-jung", "Jordan River". (A name of ours would have been the longer
        # hit.) Days and months after a name are dates: "Putin Tuesday".
        if (
            _capitalised(word)
            # A model's code is no word of a name: "Airbus A220-300 jets" is Airbus.
            and not _A_MODELS_CODE.fullmatch(word)
            and not _may_follow_a_name(word)
            and not _party_member_after(word, before)
            and not _office_of(after)
            and not (acronym and word in _OWNED_BY_AN_ACRONYM)
            and not _A_NATIONS_BODY_AFTER.match(after)
            and not _A_GAMES_FORMAT_AFTER.match(after)
            and not (
                _THE_PRONOUN_I_AFTER.match(after)
                and not opens_sentence(text, start)
                and not persons_name
                and not _title_ends(before)
            )
        ):
            return "longer name"
        # Or a title that begins an institution's name: "Issyk-Kul State University".
        if _capitalised(word) and _INSTITUTION_AFTER.match(after, next_word.end()):
            return "longer name"
        # Or joined to one by a particle: "Cumbres de Monterrey National Park", "Santos
        # da Silva", "Ludwig van Beethoven", "the Río de la Plata".
        if _PARTICLE_AND_NAME.match(after):
            return "longer name"
    return None


def _ends_a_longer_name(text, start, end, before, owner, sign):
    """Why the hit is the end of a longer name not ours, a storm's name or a name after
    another, by the words before it (``refusal``), or None."""
    # A capitalised word and a particle before it: the end of a longer name not ours
    # ("Universidad del Valle", "Leonardo da Vinci"), as one after it is its start.
    joined = _NAME_AND_PARTICLE.search(before)
    if joined and not is_title(joined.group(1)) and not owner:
        return "longer name"
    previous = None if sign else _PREVIOUS_WORD.search(before)
    if previous:
        word = previous.group(1)
        word_start = start - 1 - len(word)
        # "Hurricane Kirk tore across Jamaica": a storm's name, whoever else bears it.
        if word in _STORMS:
            return "storm"
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
            # A regime's word before a country: "Nazi Germany", "Tsarist Russia".
            and word.lower() not in _REGIMES
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


# The words a storm's name follows: "Hurricane Kirk", "Tropical Storm Ana".
_STORMS = _wordset("Hurricane Typhoon Cyclone Storm")


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


# The words of a regime before a country, which open no longer name: "Nazi Germany".
_REGIMES = frozenset({"nazi", "fascist", "francoist", "tsarist", "imperial", "colonial"})
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
    r"Consulate|(?:West|East|Gulf|Pacific|Atlantic) Coast|Senate|Supreme Court|"
    r"(?:Justice|State|Defense|Commerce|Energy|Labor|Interior) Department|Northeast|Midwest)"
    r"\b"
)


_HEAD_OF_BEFORE = re.compile(r"\b[Hh]ead of (?:Government|State) $")


def _may_follow_a_name(word: str) -> bool:
    lowered = word.lower().rstrip(".,;:")
    return (
        lowered in _NAME_SUFFIXES
        or lowered in _DAYS
        or lowered in MONTHS
        or lowered in _REGIONS_BY_DIRECTION
        or is_title(word)
    )


# A format of a game and a side's word after a name, which open no longer name: "the
# England Test side", "his Zimbabwe ODI debut", "the Fiji Sevens squad".
_A_GAMES_FORMAT_AFTER = re.compile(
    r" (?:Tests?|ODI|T20I?|Twenty20|Sevens) (?:side|team|squad|match|matches|series|"
    r"captain|caps?|debut|XI)\b"
)


# The pronoun "I" after a name inside a sentence, which a verb in lower case follows:
# "the Bombay I grew up in", "in Gwangju I dreamed" (not "Elizabeth I", "Vatican II",
# "King Charles I sold", nor "“May I say").
_THE_PRONOUN_I_AFTER = re.compile(r" I(?:['’](?:m|d|ve|ll))? [a-z]")


def _title_ends(before: str) -> bool:
    """Whether ``before`` ends with a title ("King Charles I": "King ")."""
    previous = _PREVIOUS_WORD.search(before)
    return bool(previous) and is_title(previous.group(1))


# A country's region named by its direction, after the country's name: "the U.S.
# Northeast", "the US Midwest". (Not "North" or "West" alone: "Dublin West" and "Kowloon
# West" are constituencies.)
_REGIONS_BY_DIRECTION = _wordset("northeast northwest southeast southwest midwest")


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


# A direction, as a word before a place says where in it or from it ("north-east of
# Milan", "eastern Washington").
_DIRECTIONS = (
    r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest)"
)
_DIRECTION = _DIRECTIONS + "(?:ern)?"


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
# the Emirates", "southeast Texas".
_PLACE_BEFORE = re.compile(
    r"\b(?:[Ii]n|to|[Ff]rom|[Aa]cross|[Tt]hroughout|[Ww]ithin|into|via|near|[Oo]utside|"
    r"[Ii]nside|[Aa]round|towards?|along|(?:well|far|known) beyond|from all over) (?:the )?$|"
    # A part of it by its direction: "in northeast Texas", "southwest Louisiana".
    rf"\b{_DIRECTION} $|"
    + _not_after(_OFF_VERBS)
    + r"\boff (?:the )?$|"
    + _not_after(_RANKED)
    + r"\babove (?:the )?$|"
    # Where a place lies from another, and a river's length: "an hour north-east of
    # Milan", "north of Cagliari", "over the Vardar", "further down the Mahaweli".
    rf"\b{_DIRECTION} of $|\b(?:down|up) the $|" + _just_after(_CROSSING) + r"over the $"
)


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


# A plural verb after a place's name of one, as its sentence's subject: a team, its
# players ("Houston are a game ahead"; not "councillors in Trafford have asked").
_PLURAL_VERB_AFTER = re.compile(r" (?:are|were|have)\b")
# A word that opens a clause, before its subject: "where Sri Lanka are preparing", "when
# Houston were ahead" (not "Glasgow and Aberdeen have", "Residents of Almalyk have").
_CLAUSE_OPENS_BEFORE = re.compile(
    r"\b(?:when|as|where|while|after|before|but|because|since|until|if|though|although|"
    r"that) $"
)


# A capitalised name and a possessive just before a name: "India’s", "South Korea's".
# "Kaleva’s own Harbour FC" names its owner too: "own" only stresses it.
_OWNER_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w.-]* )*[A-Z][\w.-]*)['’]s (?:own )?$")


# Titles and kinds of place, as stems: words of many names, no name alone.
_GENERIC_NAME_WORDS = frozenset(_stem(word) for word in _TITLES | set(_KINDS_OF_PLACE))


_SPEAKS_AFTER = re.compile(r",? (?:said|says|told|tells|added|adds|wrote|writes)\b")


_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w’'-]*")


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
        or _institutions_people_before(text, hit, profiles)
    )


def _institutions_people_before(text: str, hit: tuple, profiles: Mapping) -> bool:
    """Whether the word before a generic institution's name is the people's word of the
    country one of its entities belongs to (``institutions_of_the_people_before``)."""
    start, end, keys = hit
    return bool(institutions_of_the_people_before(text, start, end, keys, profiles))


def institutions_of_the_people_before(text: str, start: int, end: int, keys, profiles) -> list:
    """The keys of a generic institution's name whose country's people the word before
    it names: "the Italian Ministry of Culture" is the ministry "of the Italian
    government", no longer name of ours, and not Angola's. So of other organisations:
    "the British MRC" is the British council, "the Italian Democratic Party" Italy's.
    (Not an international body's name in words, which a people's word makes a national
    branch's: "the Swiss Red Cross" is no committee of Geneva's.)"""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous is None or not (
        _generic_institution_name(fold(text[start:end]))
        or (
            all(key in profiles and profiles[key].kind == "organization" for key in keys)
            and (
                text[start:end].isupper()
                or not any(
                    "international" in profiles[key].name + " " + profiles[key].description
                    for key in keys
                )
            )
        )
    ):
        return []
    country = _COUNTRY_OF_PEOPLE.get(previous.group(1).lower())
    if country is None:
        return []
    # (The country may be a word of the institution's own name too: "the Kuwaiti
    # Foreign Ministry" is the "Kuwaiti Ministry of Foreign Affairs", "Government
    # ministry of Kuwait".)
    return [key for key in keys if key in profiles and _names_country(profiles[key], country)]


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


# A family of ours is named with its word after the name: "the ruling Al Sabah family",
# "members of the Al Thani family" (the word makes a plural of a surname otherwise).
_FAMILY_WORD_AFTER = re.compile(r" (?:family|dynasty|clan)\b")
# (Not a firm a family owns: "Family-owned German investment holding company".)
_A_FAMILY_DESCRIBED = re.compile(r"^(?:[\w-]+ ){0,3}?(?:family|dynasty|clan)(?![\w-])")


def _a_family_of_ours(text: str, hit: tuple, profiles: Mapping) -> bool:
    """Whether the hit is a family's name with the word "family" (or "dynasty", "clan")
    after it, and every entity it may be is a family (its description opens by calling
    it one, "Ruling family of Kuwait", or its name is "House of Sabah"): the family
    named, not several people of the name."""
    start, end, keys = hit
    return bool(_FAMILY_WORD_AFTER.match(text, end)) and all(
        key in profiles
        and profiles[key].kind != "person"
        and (
            _A_FAMILY_DESCRIBED.match(profiles[key].description)
            or profiles[key].name.startswith("house of ")
        )
        for key in keys
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


def _spelled_out_before(text: str, hit: tuple, profiles: Mapping[object, Profile]) -> bool:
    """Whether an acronym in brackets abbreviates the words just before it, and they are
    no name of its entities: "the district's deputy commissioner (DC)" is no Delhi
    Capitals ("the Delhi Capitals (DC)" is)."""
    start, end, keys = hit
    acronym = text[start:end]
    if not (
        2 <= len(acronym) <= 6
        and acronym.isupper()
        and acronym.isalpha()
        and text[start - 1 : start] == "("
        and text[end : end + 1] == ")"
    ):
        return False
    before = text[max(0, start - 120) : start - 1]
    words = re.findall(r"[\w’'-]+", before)[-len(acronym) :]
    if len(words) < len(acronym) or "".join(word[0] for word in words).upper() != acronym:
        return False
    # (The entity's own name before it, whatever its initials: "Aalborg University
    # (AAU)", "Sichuan Road & Bridge Group (SRBG)".)
    before = fold(before).rstrip()
    return not any(
        key in profiles
        and any(
            before.endswith(name) for name in {profiles[key].name, *profiles[key].primary_names}
        )
        for key in keys
    )


def _an_office_in_capitals(text: str, hit: tuple, profiles: Mapping[object, Profile]) -> bool:
    """Whether a place's short name in capitals follows a common noun's possessive, as
    an office's does: "The area's MP, a member of the ruling party" is its member of
    parliament, not Madhya Pradesh ("India's MP" would be the state)."""
    start, end, keys = hit
    short = text[start:end]
    return (
        short.isupper()
        and len(short) <= 4
        and all(key in profiles and profiles[key].kind == "place" for key in keys)
        and bool(_COMMON_POSSESSIVE_BEFORE.search(text, max(0, start - 30), start))
    )


_COMMON_POSSESSIVE_BEFORE = re.compile(r"\b[a-z]+['’]s (?:[a-z]+ )?$")


def _a_people(text: str, hit: tuple, profiles: Mapping[object, Profile]) -> bool:
    """Whether a team's or a body's one-word name is a people in the plural, written
    without "the": "many of them Indians living in the Gulf" are people, not the Mumbai
    Indians ("the Indians won", "Indians captain" have "the" or are the team's)."""
    start, end, keys = hit
    word = text[start:end]
    if " " in word or not word.endswith("s") or word[:1].islower():
        return False
    if _COUNTRY_OF_PEOPLE.get(word[:-1].lower()) is None:
        return False
    if not all(key in profiles and profiles[key].kind == "organization" for key in keys):
        return False
    return not _THE_BEFORE.search(text, max(0, start - 4), start)


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
        places & {_possessor(word) for word in _words(profiles[key].description)} for key in keys
    )


_A_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their) $")


def _nationality_before(text: str, hit: tuple, profiles: Mapping[object, Profile]) -> bool:
    """Whether the word before a person's name is the person's nationality, the word for
    the people of a place that the description of one of its entities names, or the word
    that description opens with: "New Zealander Craig O’Connell" for a "New Zealand rugby
    coach", "Samoan Tama Rua’a" for a "Samoan netball coach". A nationality describes
    the person; it is no part of a longer name, as "Hunter" in "Hunter Biden" is."""
    start, _, keys = hit
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous is None:
        return False
    word = previous.group(1).lower()
    country = _COUNTRY_OF_PEOPLE.get(word)
    # (A place's or a body's too after "the": "the Chilean O’Higgins Base"; a place's
    # after a people's word of the table alone, "Finnish Lapland", "Austrian Galicia",
    # one that lies in that country: "Norwegian Lapland" is no Swedish province
    # "bordering Norway".)
    if not (
        _all_persons(keys, profiles)
        or _A_DETERMINER_BEFORE.search(text, max(0, previous.start() - 5), previous.start())
        or (
            country is not None
            and all(key in profiles and profiles[key].kind == "place" for key in keys)
            and any(_lies_in(profiles[key], country) for key in keys)
        )
    ):
        return False
    bases = [word[: -len(ending)] for ending in _DEMONYM_ENDINGS if word.endswith(ending)]
    places = {base + letter for base in bases if len(base) >= 3 for letter in _LOST_LETTERS}
    # A people's word whose country's name no ending gives: "Swedish", "Spanish".
    places.update(country.split() if country else ())
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
_RIVER_AFTER = re.compile(r" river\b")
_FEATURE_AFTER = re.compile(
    r"(?: and [A-Z][\w’'-]*)? (?:rivers?|lakes?|valleys?|mountains|hills|islands?|delta|"
    r"basin|canal|glacier)\b"
)
# Features of the land or sea that no town is. (A volcano is named after the town beside
# it, which "the Grindavik volcano" names.)
_LAND_FEATURE_AFTER = re.compile(
    r" (?:basin|peninsula|plateau|range|mountains|desert|gorge|escarpment|delta|estuary|"
    r"glacier)\b(?! of\b)"
)
# And a feature named after a name, with "the" before it: "the Deccan plateau", "the
# Sahyadri range", "the Tungabhadra dam" ("a Vale dam" is the miner's).
_NAMED_FEATURE_AFTER = re.compile(
    r" (?:plateau|range|dam|desert|gorge|escarpment|peninsula|reservoir|estuary|volcano)\b"
    r"(?! of\b)"  # "the Sony range of televisions" is the firm's
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
_AREA_AFTER = re.compile(r" (?:district|neighbourhood|neighborhood|quarter|suburb|area)(?![\w-])")
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
# A score after a side's name: "the Pacers 118-112", "Rangers 2-1".
_SCORE_AFTER = re.compile(r" \d{1,3}-\d{1,3}\b")

# A number, not a year nor an amount ("250,000", "300 million", "12%") nor a measure
# ("the Arlanzón 14 seconds ahead", "the Volga 300 km"): with "the" before the place,
# part of a name ("the Kaleva 300 party", "the Chicago 7 defendants").
_NUMBERED_AFTER = re.compile(
    r" (?!(?:1[89]|20)\d\d\b)\d+\b(?![,.]\d| ?(?:%|percent|per cent|million|billion))"
    r"(?! (?:km|kilomet|mile|metre|meter|seconds|minutes|points|goals|laps|places)\b)"
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
    support boat, the Cleopatra,"; "simply the Janáček, and"): no person, whose name
    takes no "the"; unless the comma sets the person's own name beside it ("the
    Asantehene, Otumfuo Osei Tutu II," is a title the person is known by; ``keys_at``
    holds each hit's keys by where it starts)."""
    if not _THE_BEFORE.search(text, max(0, start - 4), start):
        return False
    if text[end : end + 2] == ", " and set(keys) & set((keys_at or {}).get(end + 2, ())):
        return False
    return bool(_CLAUSE_END.match(text, end) or _AGAIN_AFTER.match(text, end))


# "Face the Lee again": an adverb that ends the noun phrase as a comma does.
_AGAIN_AFTER = re.compile(r" (?:again|once more|too|itself)\b")


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
    # "The Narva river", "the Aconcagua river": a river named after a town or a mountain
    # of ours, when none of its entities is a river.
    if (
        kinds == {"place"}
        and _RIVER_AFTER.match(text, end)
        and not any(_kind_described(profiles[key]) == "river" for key in keys)
    ):
        return True
    # "The Santos basin", "the Faw peninsula": a feature named after a town of ours, with
    # "the" before it, is no town (nor a club or a person of the name).
    if (
        "" not in kinds
        and _LAND_FEATURE_AFTER.match(text, end)
        and _THE_BEFORE.search(text, max(0, start - 4), start)
        and "place" in kinds
        and all(
            _kind_described(profiles[key]) == "city"
            for key in keys
            if profiles[key].kind == "place"
        )
    ):
        return True
    if (
        _PLACE_OF.search(text, max(0, start - 20), start)
        or _FEATURE_AFTER.match(text, end)
        or (
            _NAMED_FEATURE_AFTER.match(text, end)
            and _THE_BEFORE.search(text, max(0, start - 4), start)
        )
    ):
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
    # "The Ruggieri have supplied flowers since the 1920s": "the", a family name and a
    # verb in the plural is the family, no one of it.
    if (
        kinds == {"person"}
        and _THE_BEFORE.search(text, max(0, start - 4), start)
        and _PLURAL_VERB_AFTER.match(text, end)
    ):
        return True
    # A team takes "a" as a side in a given state: "a more open Peñarol could help them",
    # "a depleted Chelsea".
    teams = all(profiles[key].cues & _TEAM_WORDS for key in keys if key in profiles)
    if kinds == {"organization"} and not teams and _product_of(text, start, end):
        return True
    # (A side's score is no model: "beat the Indiana Pacers 118-112".)
    if (
        kinds == {"organization"}
        and _MODEL_AFTER.match(text, end)
        and not (teams and _SCORE_AFTER.match(text, end))
    ):
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
    ship boat ferry yacht train satellite rocket car truck aircraft epic thriller biopic
    sitcom tanker freighter"""
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
_KIN_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur) (?:[a-z-]+ )?([a-z]+) $")
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


_A_FIRM_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts) (?:[\w-]+ ){1,2}?(?:bank|lender|insurer|carmaker|automaker|"
    r"airline|brewery|retailer|supermarket|conglomerate|firm|company|carrier|shipbuilder|"
    r"broadcaster|chipmaker|drugmaker|distillery|winery|manufacturer|fund) $"
)
# Where a name ends the phrase it names: a stop or a comma, a preposition or a verb of
# the sentence ("the Spanish bank Santander declined to comment").
_NAME_ENDS_ITS_PHRASE = re.compile(
    r"(?:[,.;:!?)]|\s(?:by|in|at|on|for|from|with|and|about|to|which|who|that|said|says|"
    r"declined|is|was|has|had|will|would)\b)"
)
_A_WORK_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[\w-]+['’]s|[\w-]+s['’]) "
    r"(?:\d{4} |[a-z]+(?:-[a-z]+)? )?"
    r"(musical|film|movie|documentary|novel|opera|operetta|play|album|song|painting|poem|"
    r"ballet|sitcom|symphony) $"
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
    # A firm named right after the word for it and a word that says what firm, when ours
    # of the name are places: "the Spanish bank Santander, which" is no department of
    # Colombia. (Not the subject of a clause about the firm: "the bank Cyprus closed",
    # "the consulting firm Detroit officials hired".)
    if (
        _A_FIRM_BEFORE.search(text, max(0, start - 40), start)
        and _NAME_ENDS_ITS_PHRASE.match(text, end)
        and all(key in profiles and profiles[key].kind == "place" for key in keys)
    ):
        return True
    # A work named right after the word for it: "the musical Hamilton", "his 1837 novel
    # Kenilworth", "Adams's opera Nixon" (a work of ours says so in its description); a
    # person's name there ends its phrase, or it is the subject of a clause about the
    # work ("the album Madonna recorded", "In the film Winslet plays a detective").
    work = _A_WORK_BEFORE.search(text, max(0, start - 40), start)
    if work and (
        _NAME_ENDS_ITS_PHRASE.match(text, end)
        or all(key in profiles and profiles[key].kind != "person" for key in keys)
    ):
        said = _stem(work.group(1))
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
    # A relative's word right before a name, with no comma: "her granddaughter Una" is a
    # person, whatever river bears the name.
    no_person = all(key in profiles and profiles[key].kind != "person" for key in keys)
    kin = no_person and _KIN_BEFORE.search(text, max(0, start - 40), start)
    if kin and kin.group(1) in _RELATIVES:
        return True
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
