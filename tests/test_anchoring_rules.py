"""The rules that read a name in its context and tell entities of one name apart
(articles/anchoring/rules.py and the modules of each subject beside it), one kind of case
each, with the gazetteer as suggestions use it (Gazetteer.of, which knows each entity's
kind and description)."""

import json
import re
from pathlib import Path

import pytest

from articles.anchoring import Gazetteer, Named
from articles.anchoring.context import opens_dateline
from articles.anchoring.given_names import gender_of_given_name, rebuild
from articles.anchoring.profiles import _kind_described, _other_places_kinds, born_in, profile

pytestmark = pytest.mark.text_only

ENTITIES = [
    Named(
        "kju",
        "Kim Jong Un",
        ("Kim",),
        "Supreme leader of North Korea since the death of his father in 2011.",
        "person",
    ),
    Named(
        "kyj",
        "Kim Yo Jong",
        ("Kim",),
        "Senior party official; younger sister of Kim Jong Un.",
        "person",
    ),
    Named("jordan", "Jordan", (), "Country in the Middle East; capital Amman.", "place"),
    Named("mj", "Michael Jordan", ("Jordan",), "American former basketball player.", "person"),
    Named("ga", "Georgia", (), "Country in the South Caucasus; capital Tbilisi.", "place"),
    Named(
        "ga-us",
        "Georgia (US state)",
        ("Georgia",),
        "State in the United States; capital Atlanta.",
        "place",
    ),
    Named("dc", "Washington, D.C.", ("Washington",), "Capital of the United States.", "place"),
    Named(
        "gw",
        "George Washington",
        ("Washington",),
        "First president of the United States.",
        "person",
    ),
    Named("may", "Theresa May", ("May",), "British prime minister from 2016 to 2019.", "person"),
    Named("us", "United States", ("US", "U.S."), "Country in North America.", "place"),
    Named("bush", "George W. Bush", ("Bush",), "President of the United States.", "person"),
    Named(
        "ed",
        "Ed Miliband",
        ("Miliband",),
        "Labour leader; younger brother of David Miliband.",
        "person",
    ),
    Named(
        "david",
        "David Miliband",
        ("Miliband",),
        "Former foreign secretary; elder brother of Ed.",
        "person",
    ),
    Named(
        "santos-senator",
        "Maria Santos",
        ("Santos",),
        "Brazilian senator who chairs the environment committee.",
        "person",
    ),
    Named(
        "santos-biologist",
        "Maria Santos",
        ("Santos",),
        "Marine biologist who studies deep-sea corals.",
        "person",
    ),
    Named(
        "dprk",
        "North Korea",
        ("Democratic People's Republic of Korea",),
        "Country in East Asia.",
        "place",
    ),
    Named("rok", "South Korea", ("Republic of Korea",), "Country in East Asia.", "place"),
    Named("rio", "Rio de Janeiro", ("Rio",), "City in Brazil.", "place"),
]


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.of(ENTITIES)


def found(gazetteer, text):
    return [(match.surface, match.key) for match in gazetteer.find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Apostrophes, dashes and no-break spaces written otherwise than in the gazetteer;
        # the longer name is found, not "Republic of Korea" inside it.
        (
            "The Democratic People’s Republic of Korea said.",
            [("Democratic People’s Republic of Korea", "dprk")],
        ),
        ("Kim\u00a0Jong\u00a0Un spoke.", [("Kim\u00a0Jong\u00a0Un", "kju")]),
        # Upper-case datelines.
        ("RIO DE JANEIRO, Nov 19 (Newsroom) - Talks began.", [("RIO DE JANEIRO", "rio")]),
    ],
)
def test_typographic_variants_and_datelines_match_with_exact_offsets(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


SPELLED = [
    Named("sao-paulo", "São Paulo", (), "Largest city of Brazil.", "place"),
    Named(
        "amlo", "Andrés Manuel López Obrador", ("López Obrador",), "Mexican politician.", "person"
    ),
    Named("urfa", "Şanlıurfa", (), "City in south-eastern Turkey.", "place"),
    Named("hcmc", "Ho Chi Minh City", (), "Largest city of Vietnam.", "place"),
    Named("stl", "St. Louis", (), "City in the US state of Missouri.", "place"),
    Named("spb", "Saint Petersburg", ("St Petersburg",), "Second city of Russia.", "place"),
    Named("mlk", "Martin Luther King Jr.", (), "American civil rights leader.", "person"),
    Named("union", "Unión Magdalena", ("Unión",), "Colombian football club.", "organization"),
    Named("king", "Tāwhiao", (), "Second Māori King, who reigned from 1860.", "person"),
    Named("hemi", "Hemi Tawhiao", ("Tawhiao",), "New Zealand river guide.", "person"),
    Named("to-lam", "Tô Lâm", ("Lâm",), "General secretary of Vietnam's party.", "person"),
    Named("carrie-lam", "Carrie Lam", ("Lam",), "Former chief executive of Hong Kong.", "person"),
    Named("kenya-mt", "Mount Kenya", (), "Highest mountain in Kenya.", "place"),
    Named("se", "Saint-Étienne", (), "City in south-eastern France.", "place"),
    Named("pg", "Procter & Gamble", (), "American maker of household goods.", "organization"),
    Named("tt", "Trinidad and Tobago", (), "Island country in the Caribbean.", "place"),
    Named("saint", "Eva Marie Saint", (), "American actress.", "person"),
    Named("uss", "U.S. Steel", (), "American steelmaker.", "organization"),
    Named("cez", "ČEZ", (), "Czech power company.", "organization"),
    Named("dc", "Washington, D.C.", (), "Capital of the United States.", "place"),
    Named(
        "tap", "Trans Adriatic Pipeline", (), "Gas pipeline from Greece to Italy.", "organization"
    ),
    Named("husavik", "Húsavík", (), "Fishing town in north Iceland.", "place"),
    Named("orsted", "Ørsted", (), "Danish energy company building wind farms.", "organization"),
    Named("hco", "Hans Christian Ørsted", ("Ørsted",), "Danish physicist.", "person"),
    Named("erdogan", "Recep Tayyip Erdoğan", ("Erdoğan",), "President of Turkey.", "person"),
    Named("sale", "Salé", (), "City in Morocco, across the river from Rabat.", "place"),
    Named("velodrome", "Stade Vélodrome", ("Vélodrome",), "Stadium in Marseille.", "place"),
    Named("qarabag", "Qarabağ FK", ("Qarabağ",), "Football club based in Baku.", "organization"),
    Named("karabakh", "Karabakh", ("Qarabağ",), "Region in south-western Azerbaijan.", "place"),
    Named("gallivare", "Gällivare", (), "Mining town in Swedish Lapland.", "place"),
    Named("nestle", "Nestlé", (), "Swiss food and drinks company.", "organization"),
    Named("starbucks", "Starbucks", (), "American coffee chain.", "organization"),
    Named("dar", "Dar es Salaam", ("Dar",), "Largest city of Tanzania.", "place"),
    Named("rak", "Ras Al Khaimah", (), "Northernmost emirate of the UAE.", "place"),
    Named("uae", "United Arab Emirates", ("UAE",), "Federation of seven emirates.", "place"),
    Named("foyt", "A.J. Foyt", ("Foyt",), "American racing driver.", "person"),
]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Accents dropped, as wire copy and its datelines drop them, or written where the
        # gazetteer has none; the offsets are the text's own.
        ("Traffic in Sao Paulo was heavy.", [("Sao Paulo", "sao-paulo")]),
        ("SAO PAULO, Nov 3 (Newsroom) - Shares rose.", [("SAO PAULO", "sao-paulo")]),
        ("Lopez Obrador spoke.", [("Lopez Obrador", "amlo")]),
        ("ŞANLIURFA, Jun 9 (Newsroom) - Cotton fell.", [("ŞANLIURFA", "urfa")]),
        ("Farmers near Sanliurfa waited.", [("Sanliurfa", "urfa")]),
        ("Exports from Hồ Chí Minh City grew.", [("Hồ Chí Minh City", "hcmc")]),
        # An abbreviation's full stop written or left out.
        ("Flights to St Louis resumed.", [("St Louis", "stl")]),
        ("Flights to St. Petersburg resumed.", [("St. Petersburg", "spb")]),
        ("Martin Luther King Jr spoke here.", [("Martin Luther King Jr", "mlk")]),
        # A place's or a body's "Saint", "Mount", "Fort" abbreviated or spelled out, and
        # "&" or "and"; not a person's.
        (
            "Snow fell on Mt Kenya and Mount Kenya.",
            [("Mt Kenya", "kenya-mt"), ("Mount Kenya", "kenya-mt")],
        ),
        ("Fans of St-Etienne sang.", [("St-Etienne", "se")]),
        (
            "Saint Louis and Saint Petersburg.",
            [("Saint Louis", "stl"), ("Saint Petersburg", "spb")],
        ),
        ("Shares of Procter and Gamble rose.", [("Procter and Gamble", "pg")]),
        ("Trinidad & Tobago won.", [("Trinidad & Tobago", "tt")]),
        ("Eva Marie St is no one.", []),
        # A word's initials with their stops or without; an acronym in capitals is no
        # common word, and needs no accents.
        ("US Steel sold it.", [("US Steel", "uss")]),
        ("Officials in Washington DC said.", [("Washington DC", "dc")]),
        # Two words of a longer name joined by a hyphen, as compounds are written.
        ("Gas from the Trans-Adriatic Pipeline.", [("Trans-Adriatic Pipeline", "tap")]),
        # One bare word is a name where its context says so: a place after words that
        # say where, a person's surname, a firm of a person's word; not a word that
        # could be English with nothing to say it is a name.
        ("Jobs in the fishing town of Husavik.", [("Husavik", "husavik")]),
        (
            "Recep Tayyip Erdogan spoke. Erdogan said Turkey would not back down.",
            [("Recep Tayyip Erdogan", "erdogan"), ("Erdogan", "erdogan")],
        ),
        ("Orsted shelved two offshore wind projects.", [("Orsted", "orsted")]),
        ("Sale of the state airline was approved.", []),
        # A word no English dictionary has is a name at a sentence's start too; which
        # of its entities is read as ever (a body's name by its verb).
        ("Qarabag beat Kairat 2-0 in the first leg.", [("Qarabag", "qarabag")]),
        ("Gallivare will move its centre.", [("Gallivare", "gallivare")]),
        ("Most residents have moved to nearby Gallivare.", [("Gallivare", "gallivare")]),
        # An English word there may be the word, and so may its plural.
        ("Sales of the state airline rose.", []),
        ("Boats returned to Sale on Monday.", [("Sale", "sale")]),
        ("The team wore armbands at the Velodrome on Sunday.", [("Velodrome", "velodrome")]),
        (
            "Buyers including Nestle and Starbucks came.",
            [("Nestle", "nestle"), ("Starbucks", "starbucks")],
        ),
        ("A club in Dar-es-Salaam lost a sponsor.", [("Dar-es-Salaam", "dar")]),
        # The Arabic article as copy writes it; an acronym with stops.
        ("Homes in Ras al-Khaimah sold.", [("Ras al-Khaimah", "rak")]),
        ("He became president of the U.A.E. in 2022.", [("U.A.E.", "uae")]),
        # A person's initials as copy writes them.
        ("The record is shared with AJ Foyt.", [("AJ Foyt", "foyt")]),
        ("Shares of CEZ rose.", [("CEZ", "cez")]),
        # Names that entities spell apart by accents alone are each one's as spelled.
        ("He shares a name with Tāwhiao, the king.", [("Tāwhiao", "king")]),
        # A name written bare may be any of them: here the one the story named in full.
        ("To Lam spoke. Lam said so.", [("To Lam", "to-lam"), ("Lam", "to-lam")]),
        # An organisation's one word needs its accents: "Union" is no "Unión".
        ("Union leaders walked out.", []),
        # A word the story writes in lower case is a common word, accents or none.
        ("The union met. Sao Paulo voted.", [("Sao Paulo", "sao-paulo")]),
    ],
)
def test_accents_and_stops_are_read_as_the_copy_writes_them(text, expected):
    assert found(Gazetteer.of(SPELLED), text) == expected


def test_a_hyphen_written_as_a_space_may_make_two_places_share_a_name():
    """The words "Saint Louis" are Saint-Louis in Senegal with its hyphen as a space, and
    the alias of St. Louis in Missouri: the story's context tells which, and the
    suggestion needs a look. (A person of the spaced name keeps it: "Saint Martin" the
    saint is no island.)"""
    gazetteer = Gazetteer.of(
        [
            Named("sl-sn", "Saint-Louis", (), "City in northern Senegal.", "place"),
            Named(
                "stl", "St. Louis", ("Saint Louis",), "City in Missouri, United States.", "place"
            ),
        ]
    )
    filed = "SAINT-LOUIS, Jun 10 (Newsroom) - The sea rose. A mural in Saint Louis shows it."

    assert found(gazetteer, filed) == [("SAINT-LOUIS", "sl-sn"), ("Saint Louis", "sl-sn")]
    assert found(gazetteer, "Flights to Saint Louis, Missouri, resumed.") == [
        ("Saint Louis", "stl")
    ]
    assert gazetteer.needs_a_look("Saint Louis", "sl-sn") == "shared-words"


def test_a_bare_word_the_story_writes_in_lower_case_is_no_accented_name():
    gazetteer = Gazetteer.of([Named("male", "Malé", (), "Capital of the Maldives.", "place")])

    assert found(gazetteer, "Voters in Male queued.") == [("Male", "male")]
    assert found(gazetteer, "Most of the male voters stayed home. Male turnout fell.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The reef was filmed in May by a robot.",  # a month
        "Talks resume in May 2027.",
        "The dry spell should last until at least May.",
        "Prices held steady until the end of May.",
        "Winter can last well into May.",
        "The company promised as recently as May to keep the line open.",
        "The season runs from December to May.",
        "Rain was scarce between May and September.",
        "A wet May and June left the soil saturated.",
        "The return leg is on the second weekend of May.",
        "The vote can be held no earlier than May.",
        "The next run is scheduled for May.",
        "Salaries for May will be paid late.",
        # What falls in a month, after it, and a month's weather before it.
        "The feud has deepened since the May midterm elections.",
        "Rents rise just before the May flower festival.",
        "Forecasters expect a hotter than average May for the region.",
        "It was the wettest May on record.",
        "It cost US$125 billion.",  # a currency
        "Crowds gathered in Shepherd’s Bush.",  # inside a longer name not ours
        "She teaches at George Washington University.",
        "A Harris Poll survey and Rio Grande do Sul.",
        "The winger Jordan da Costa scored twice.",  # a particle joins a longer name
        "Nobody cheered for the Miliband brothers.",  # a plural naming two people
        # A title after a name that begins an institution's name.
        "She lectures at Georgia State University.",
        "The Jordan Health Institute opened a campus.",
    ],
)
def test_no_mention_in_these_contexts(gazetteer, text):
    assert found(gazetteer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # The woman, where a month could not stand.
        "Delegates voted for May on Tuesday.",
        "Talks between May and Corbyn resumed.",
        "Ms May and June Sarpong spoke.",
        # What follows is the person's, not a month's.
        "The May government fell in 2019.",
    ],
)
def test_may_the_person_where_no_month_could_stand(gazetteer, text):
    assert ("May", "may") in found(gazetteer, text)


def test_a_hyphen_joins_names_without_making_a_longer_one(gazetteer):
    assert found(gazetteer, "US-China talks resumed.") == [("US", "us")]


@pytest.mark.parametrize(
    "text",
    [
        "Labour MP Ed Miliband spoke.",
        "President-elect George W. Bush spoke.",
        # Military ranks are titles too.
        "The navy's spokesman, Commodore Ed Miliband, spoke.",
        "Major General George W. Bush spoke.",
    ],
)
def test_titles_before_a_name_do_not_make_it_a_longer_name(gazetteer, text):
    assert len(found(gazetteer, text)) == 1


def test_an_entity_whose_own_name_the_word_is_comes_before_an_alias(gazetteer):
    assert found(gazetteer, "Talks in Jordan went on.") == [("Jordan", "jordan")]
    assert found(gazetteer, "Georgia held an election.") == [("Georgia", "ga")]
    assert found(gazetteer, "Officials in Washington said no.") == [("Washington", "dc")]


def test_the_words_around_tell_a_person_from_a_place(gazetteer):
    text = "Michael Jordan landed. Jordan, 62, said he was glad to be in Jordan."
    assert found(gazetteer, text) == [
        ("Michael Jordan", "mj"),
        ("Jordan", "mj"),
        ("Jordan", "jordan"),
    ]


def test_the_dateline_places_the_story(gazetteer):
    text = "ATLANTA (Newsroom) - Officials counted votes.\nGeorgia has been contested."
    assert found(gazetteer, text)[-1] == ("Georgia", "ga-us")


def test_a_shared_surname_goes_by_the_description_not_the_last_full_name(gazetteer):
    text = (
        "Kim Jong Un stood beside his sister, Kim Yo Jong.\n"
        "Kim, who inherited power after his father’s death in 2011, smiled."
    )
    assert found(gazetteer, text)[-1] == ("Kim", "kju")


def test_a_title_and_a_pronoun_tell_which_person(gazetteer):
    text = "Kim Jong Un and Kim Yo Jong arrived. Ms Kim spoke first. Mr Kim spoke later."
    assert found(gazetteer, text)[-2:] == [("Kim", "kyj"), ("Kim", "kju")]
    text = "Kim Yo Jong and Kim Jong Un arrived. When Kim speaks, he is brief."
    assert found(gazetteer, text)[-1] == ("Kim", "kju")


def test_same_name_twins_are_told_apart_by_their_descriptions_or_left_out(gazetteer):
    text = (
        "Two speakers share a name: Maria Santos, a senator who chairs a committee, and "
        "Maria Santos, a marine biologist.\nThe programme listed both as Maria Santos."
    )
    assert found(gazetteer, text) == [
        ("Maria Santos", "santos-senator"),
        ("Maria Santos", "santos-biologist"),
    ]
    assert gazetteer.find_with_stats(text)[1] == 1  # the third, undecided, is counted


def test_a_short_form_follows_the_latest_full_name_when_nothing_else_decides(gazetteer):
    filler = "The talks went on for hours and nobody left the room before dawn. " * 5
    text = f"David Miliband spoke. {filler}Ed Miliband listened. Later Miliband left."
    assert found(gazetteer, text)[-1] == ("Miliband", "ed")


def test_a_short_form_between_two_full_names_close_together_is_left_out(gazetteer):
    text = "David Miliband spoke and Ed Miliband listened. Later Miliband left."
    assert found(gazetteer, text)[-1] == ("Ed Miliband", "ed")
    assert gazetteer.find_with_stats(text)[1] == 1


@pytest.mark.parametrize("quote", ["“{}”", '"{}"', "‘{}’"])
def test_a_shared_name_quoted_alone_is_the_word_not_a_person(gazetteer, quote):
    text = "Ed Miliband spoke. Banners bore the single word " + quote.format("Miliband") + "."
    assert found(gazetteer, text) == [("Ed Miliband", "ed")]


def test_a_dateline_names_a_city(gazetteer):
    cities = Gazetteer.of(
        [
            Named("nyc", "New York City", ("New York",), "Most populous city of the US.", "place"),
            Named("nys", "New York", (), "State in the north-eastern United States.", "place"),
        ]
    )
    text = "NEW YORK (Newsroom) - Talks began.\nNew York passed a law."
    assert found(cities, text) == [("NEW YORK", "nyc"), ("New York", "nys")]


def test_a_dateline_in_capitals_keeps_the_small_letter_of_mc():
    """Wire copy writes "McMurray" in a dateline as "McMURRAY": still the capitals of a
    dateline, which reads as the name in any case."""
    towns = Gazetteer.of(
        [
            Named("fm", "Fort McMurray", ("Ft. McMurray",), "Town in Alberta.", "place"),
            Named("ma", "McAllen", (), "City in Texas.", "place"),
        ]
    )
    text = "FORT McMURRAY, May 17 (Newsroom) - Fires neared Fort McMurray."
    assert found(towns, text) == [("FORT McMURRAY", "fm"), ("Fort McMurray", "fm")]
    assert found(towns, "McALLEN, Texas (Newsroom) - Rain.") == [("McALLEN", "ma")]
    # Not a word in running text: "McALLEN" there is no name as written.
    assert found(towns, "Fans chanted McALLEN at the game.") == []


def test_a_bare_gazetteer_finds_names_as_written_without_reading_context():
    """Gazetteer(entries) (no profiles) keeps the plain matching: every name as written."""
    from articles.anchoring import Entry

    bare = Gazetteer([Entry("harris", "Harris")])
    assert [m.surface for m in bare.find("A Harris Poll survey.")] == ["Harris"]


FAMILY = Gazetteer.of(
    [
        Named("pierre", "Pierre Trudeau", ("Trudeau",), "Prime minister from 1968.", "person"),
        Named(
            "justin",
            "Justin Trudeau",
            ("Trudeau",),
            "Prime minister from 2015 and son of Pierre Trudeau.",
            "person",
        ),
        Named("jill", "Jill Biden", ("Biden",), "Educator; wife of Joe Biden.", "person"),
        Named("joe", "Joe Biden", ("Biden",), "46th president of the United States.", "person"),
        Named("hunter", "Hunter Biden", ("Biden",), "Lawyer; son of Joe Biden.", "person"),
        Named(
            "kju", "Kim Jong Un", ("Kim",), "Leader since his father, Kim Jong Il, died.", "person"
        ),
        Named("kji", "Kim Jong Il", ("Kim",), "Leader until his death in 2011.", "person"),
        Named("kyj", "Kim Yo Jong", ("Kim",), "Official; younger sister of Kim Jong Un.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pierre Trudeau and Justin Trudeau met. The elder Trudeau spoke.", "pierre"),
        ("Pierre Trudeau and Justin Trudeau met. The younger Trudeau spoke.", "justin"),
        # Through two ties: the father's father is the eldest, the sister the youngest.
        ("Kim Jong Il, Kim Jong Un and Kim Yo Jong came. The elder Kim waved.", "kji"),
        ("Kim Jong Il, Kim Jong Un and Kim Yo Jong came. The younger Kim waved.", "kyj"),
        # "Senior" after a person's name says it as "the elder" before it does.
        ("Pierre Trudeau and Justin Trudeau met. Mr Trudeau senior spoke.", "pierre"),
        ("Pierre Trudeau and Justin Trudeau met. “We built it,” said Trudeau senior.", "pierre"),
        # Not "senior" or "junior" before a noun it qualifies: nothing says which.
        ("Pierre Trudeau and Justin Trudeau met. Aides told Trudeau senior ministers.", "justin"),
        ("Pierre Trudeau and Justin Trudeau met. He made Trudeau junior minister.", "justin"),
    ],
)
def test_the_elder_or_the_younger_of_a_family_by_the_ties_descriptions_state(text, expected):
    assert found(FAMILY, text)[-1][1] == expected


def test_an_uncle_in_a_description_is_the_elder():
    castanedas = Gazetteer.of(
        [
            Named("wilmer", "Wilmer Castañeda", ("Castañeda",), "Former councillor.", "person"),
            Named(
                "jhonatan",
                "Jhonatan Castañeda",
                ("Castañeda",),
                "Convicted with his uncle Wilmer Castañeda of selling land.",
                "person",
            ),
        ]
    )
    text = "Wilmer Castañeda and Jhonatan Castañeda were sentenced. The older Castañeda wept."
    assert found(castanedas, text)[-1] == ("Castañeda", "wilmer")


def test_the_elder_of_a_family_is_among_the_ones_the_story_has_named():
    """Ines Costa, whom no tie places, is not named: "the elder Costa" compares the father
    and the son the story has named."""
    costas = Gazetteer.of(
        [
            Named("rui", "Rui Costa", ("Costa",), "Founder of a shipping firm.", "person"),
            Named("nuno", "Nuno Costa", ("Costa",), "Chief executive; son of Rui Costa.", "person"),
            Named("ines", "Ines Costa", ("Costa",), "Senator for Porto.", "person"),
        ]
    )
    text = "Rui Costa and his son Nuno Costa signed the deal. The elder Costa smiled."
    assert found(costas, text)[-1] == ("Costa", "rui")


def test_the_elder_of_a_family_is_compared_among_those_the_ties_place():
    """Jill Biden is no one's parent or child in the descriptions: "the elder Biden"
    compares the generations the ties place, father and son, not a wife nothing ties by
    age (and never the son, the latest named)."""
    text = "Jill Biden, Joe Biden and Hunter Biden sat down. The elder Biden spoke."
    assert [key for _, key in found(FAMILY, text)] == ["jill", "joe", "hunter", "joe"]


LIMAS = Gazetteer.of(
    [
        Named("ana", "Ana Lima", ("Lima",), "Brazilian senator.", "person"),
        Named("bruno", "Bruno Lima", ("Lima",), "Brazilian engineer.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bruno Lima spoke. He is the son of Ana Lima. The elder Lima said no.", "ana"),
        ("Bruno Lima spoke. He is the son of Ana Lima. The younger Lima said no.", "bruno"),
        ("Ana Lima spoke. She is the mother of Bruno Lima. The younger Lima said no.", "bruno"),
        ("Ana Lima spoke. Lima, whose son Bruno Lima came, smiled. The elder Lima left.", "ana"),
        # An uncle or an aunt is older than a nephew or a niece.
        ("Ana Lima was jailed. Her nephew Bruno Lima got six. The older Lima wept.", "ana"),
        ("Bruno Lima spoke. He is the nephew of Ana Lima. The elder Lima said no.", "ana"),
        ("Ana Lima spoke. She is the aunt of Bruno Lima. The younger Lima said no.", "bruno"),
    ],
)
def test_a_tie_the_story_states_either_way_tells_the_elder_from_the_younger(text, expected):
    """The descriptions say nothing of the family: the story's "the son of", "the mother
    of" and "whose son" do."""
    assert found(LIMAS, text)[-1] == ("Lima", expected)


def test_the_younger_of_a_family_when_an_age_already_left_the_father_out():
    """The story gave the father an age; "The younger Petrauskas, 22," is still the son of
    the two it named, not the tenor of the name it never mentions."""
    petrauskas = Gazetteer.of(
        [
            Named("jonas", "Jonas Petrauskas", ("Petrauskas",), "Deputy mayor.", "person"),
            Named(
                "mantas",
                "Mantas Petrauskas",
                ("Petrauskas",),
                "Basketball player; son of Jonas Petrauskas.",
                "person",
            ),
            Named("kipras", "Kipras Petrauskas", ("Petrauskas",), "Tenor (1885-1968).", "person"),
        ]
    )
    text = (
        "Jonas Petrauskas, 54, voted. His son, Mantas Petrauskas, plays for the club.\n"
        "The younger Petrauskas, 22, said nothing."
    )
    assert found(petrauskas, text)[-1] == ("Petrauskas", "mantas")


@pytest.mark.parametrize(("word", "expected"), [("elder", "marathon"), ("younger", "espana")])
def test_the_elder_or_the_younger_by_the_years_of_birth_descriptions_give(word, expected):
    lopezes = Gazetteer.of(
        [
            Named("marathon", "Kevin López", ("López",), "Defender, born in 1994.", "person"),
            Named("espana", "Kevin Lopez", ("López",), "Winger, born 2002.", "person"),
        ]
    )
    text = f"Kevin López and Kevin Lopez shook hands. The {word} López scored."
    assert found(lopezes, text)[-1] == ("López", expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "Martine Aubry was mayor of Lille for 20 years.",
        "The people of Lille will pay for it.",
        "Trams will run to the centre of Lille by May.",
    ],
)
def test_what_only_a_place_has_before_of_and_its_name(sentence):
    """A club named after its city that the story gave the word to: the mayor, the people
    and the centre of Lille are the city's."""
    lilles = Gazetteer.of(
        [
            Named("lille", "Lille", (), "City in northern France.", "place"),
            Named("losc", "LOSC Lille", ("Lille",), "Football club from Lille.", "organization"),
        ]
    )
    text = f"LOSC Lille lost again. Lille sit tenth. {sentence}"
    assert found(lilles, text)[-1] == ("Lille", "lille")


THINGS_OF_A_NAME = Gazetteer.of(
    [
        Named("casablanca", "Casablanca", (), "Largest city of Morocco.", "place"),
        Named("irrawaddy", "Irrawaddy", (), "Longest river of Myanmar.", "place"),
        Named("jasper", "Jasper", (), "Town in the Canadian Rockies.", "place"),
        Named("kurier", "Weser-Kurier", (), "Daily newspaper published in Bremen.", "organization"),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Tourists look for the bar from Casablanca, the 1942 film that was shot elsewhere.",
        "They sailed on the Irrawaddy, a ferry built in 1930, to the coast.",
        "A woman and her golden retriever, Jasper, waited for three hours.",
    ],
)
def test_a_name_set_beside_a_thing_none_of_its_entities_is_is_no_mention(text):
    assert found(THINGS_OF_A_NAME, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Weser-Kurier, the local newspaper, called it a loss.", ("Weser-Kurier", "kurier")),
        ("Casablanca, the city that never sleeps, woke early.", ("Casablanca", "casablanca")),
        ("Casablanca, the film critic said, was his first home.", ("Casablanca", "casablanca")),
        ("Fog lay on the Irrawaddy, a river in flood.", ("Irrawaddy", "irrawaddy")),
        # A site, a newspaper or a brand may be a place or an organisation of ours; "of"
        # before the name makes the phrase someone's role.
        ("Casablanca, the site of the 1943 conference, grew.", ("Casablanca", "casablanca")),
        ("The star of the film, Casablanca, is the city.", ("Casablanca", "casablanca")),
    ],
)
def test_words_beside_a_name_that_its_entity_fits_leave_it_found(text, expected):
    """The newspaper's own description says it is one; a city is a city; "the film critic"
    is a person speaking, not what Casablanca is."""
    assert found(THINGS_OF_A_NAME, text) == [expected]


ERDOGANS_AND_CEBANS = Gazetteer.of(
    [
        Named("rte", "Recep Tayyip Erdoğan", ("Erdoğan",), "President of Turkey.", "person"),
        Named("emine", "Emine Erdoğan", ("Erdoğan",), "Wife of the Turkish president.", "person"),
        Named("vasile", "Vasile Ceban", ("Ceban",), "Director of the wine cellars.", "person"),
        Named("ion", "Ion Ceban", ("Ceban",), "Politician, mayor of Chișinău.", "person"),
    ]
)


def test_a_title_is_the_one_whose_description_says_it_is_that():
    """ "President" fits the president, not his wife, whose description names a president
    only as her husband, though she was named last."""
    text = "Emine Erdoğan opened a school. President Erdoğan said the state would pay."
    assert found(ERDOGANS_AND_CEBANS, text)[-1] == ("Erdoğan", "rte")


def test_a_role_word_that_ends_a_sentence_is_no_title():
    """ "the director." ends a sentence: "Ceban" after it is the one its paragraph named."""
    text = (
        "Vasile Ceban runs the cellars.\nIon Ceban, the mayor, is no relation of the "
        "director. Ceban said the vote was theft."
    )
    assert found(ERDOGANS_AND_CEBANS, text)[-1] == ("Ceban", "ion")


@pytest.mark.parametrize("also", ["also named", "who is also called", "also known as"])
def test_words_before_a_comma_describe_the_twin_also_named_after_it(also):
    tothes = Gazetteer.of(
        [
            Named("hydrologist", "Gábor Tóth", ("Tóth",), "Hydrologist at a university.", "person"),
            Named("mp", "Gábor Tóth", ("Tóth",), "Member of parliament for Fidesz.", "person"),
        ]
    )
    text = (
        "Gábor Tóth, a hydrologist, wrote the report. The member of parliament for the "
        f"district, {also} Gábor Tóth, disagreed."
    )
    assert found(tothes, text) == [("Gábor Tóth", "hydrologist"), ("Gábor Tóth", "mp")]


PALERMOS = Gazetteer.of(
    [
        Named("palermo", "Palermo", (), "Capital and largest city of Sicily.", "place"),
        Named("barrio", "Palermo", (), "Largest barrio of Buenos Aires, Argentina.", "place"),
        Named("ba", "Buenos Aires", (), "Capital of Argentina.", "place"),
        Named("cebu-city", "Cebu City", ("Cebu",), "City in the Philippines.", "place"),
        Named("cebu", "Cebu", (), "Province of the Philippines; capital Cebu City.", "place"),
    ]
)


def test_a_place_of_the_very_name_the_dateline_wrote_is_where_the_story_was_filed():
    """The story names Buenos Aires, which the barrio's description names: still, a bare
    "Palermo" under "PALERMO," is the city the story was filed from."""
    text = (
        "PALERMO, April 17 (Newsroom) - A court in Palermo convicted 14 people. One was "
        "arrested in Buenos Aires last year."
    )
    assert [key for _, key in found(PALERMOS, text)] == ["palermo", "palermo", "ba"]


def test_a_shorter_name_than_the_datelines_is_not_taken_for_its_city():
    text = "CEBU CITY, Nov 2 (Newsroom) - Ferries across Cebu were held in port."
    assert [key for _, key in found(PALERMOS, text)] == ["cebu-city", "cebu"]


CLUBS_OF_CITIES = Gazetteer.of(
    [
        Named("rennes", "Rennes", (), "City in Brittany, France.", "place"),
        Named("stade", "Stade Rennais", ("Rennes",), "Football club from Rennes.", "organization"),
        Named("hamburg", "Hamburg", (), "City and state in northern Germany.", "place"),
        Named("hsv", "Hamburger SV", ("Hamburg",), "Football club from Hamburg.", "organization"),
        Named("atlanta", "Atlanta", (), "Capital of the US state of Georgia.", "place"),
        Named("falcons", "Atlanta Falcons", ("Atlanta",), "Football team.", "organization"),
        Named("bahia", "Bahia", (), "State of north-eastern Brazil.", "place"),
        Named("ecb", "EC Bahia", ("Bahia",), "Football club from Salvador.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nantes wear the kit at kick-off in a home match on Sunday against Rennes.", "stade"),
        ("Hamburg won promotion in May and sit ninth.", "hsv"),
        ("Cádiz and Hamburg were relegated to the second division.", "hsv"),
        ("Atlanta play the New Orleans Saints on Sunday.", "falcons"),
        ("Atlanta host the Saints again on Monday.", "falcons"),
        # ", who" after a place's preposition is the person from there.
        ("Senator Ray Bell, a Democrat from Atlanta, who read out the names, spoke.", "atlanta"),
        ("Atlanta play at the ageing Olympic stadium.", "falcons"),
        ("Children play at the park in Atlanta.", "atlanta"),
        ("Atlanta played their home games at a college stadium.", "falcons"),
        # Not a games a city hosts.
        ("Atlanta host the Olympics in a year.", "atlanta"),
        ("Fans fought before kick-off of the derby between Vitória and Bahia.", "ecb"),
        # Near misses: no match, no table.
        ("Lyon host Rennes on Friday.", "stade"),
        ("It was a shouting match against Rennes and its mayor.", "rennes"),
        ("Rennes was relegated to third place in the ranking of cities.", "rennes"),
        ("Hamburg has been promoted as a hub for hydrogen ships.", "hamburg"),
        ("Farmers in Bahia face the La Niña drought again.", "bahia"),
        ("Rennes sit tenth. Diakité is at the heart of Rennes’s defence.", "stade"),
        ("Farmers marched against Rennes and its new ring road.", "rennes"),
        ("Hamburg won the bid to host the fair in May.", "hamburg"),
        ("Atlanta plays host to the summit.", "atlanta"),
        # A city hosts a games or matches, after the story gave the name to the club.
        ("Atlanta beat Dallas. Atlanta will host the 2028 World Cup final.", "atlanta"),
        ("Hamburg won promotion. Hamburg hosts the 2036 Olympic Games.", "hamburg"),
    ],
)
def test_a_match_against_a_name_makes_it_the_club_and_hosting_games_the_city(text, expected):
    assert found(CLUBS_OF_CITIES, text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamburger SV lost. Hamburg’s council will meet on Monday.", "hamburg"),
        ("Hamburger SV lost. Shops on the Jungfernstieg, Hamburg’s main street, shut.", "hamburg"),
        ("Hamburger SV lost. Westmark is paying for Hamburg land.", "hamburg"),
        ("Hamburger SV lost. Hamburg is often called the greenest city in Germany.", "hamburg"),
        # Without such words the story's last longer name says it is the club.
        ("Hamburger SV lost. Hamburg’s coach was sacked.", "hsv"),
        ("Hamburger SV lost. Hamburg is unbeaten at home.", "hsv"),
    ],
)
def test_what_only_a_city_has_after_its_name_makes_it_the_city_after_its_clubs_name(text, expected):
    assert found(CLUBS_OF_CITIES, text)[-1][1] == expected


WASHINGTONS = Gazetteer.of(
    [
        Named("wa", "Washington", ("Washington State",), "US state; capital Olympia.", "place"),
        Named(
            "dc",
            "Washington, D.C.",
            ("Washington",),
            "Capital city of the United States, seat of the federal government.",
            "place",
        ),
        Named("marsh", "Elena Marsh", (), "Governor of Washington.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Governor Elena Marsh accused federal officials in Washington of delay.", "dc"),
        ("US sanctions have bitten since Washington tightened the licence.", "dc"),
        ("Congress and the White House in Washington agreed on the aid.", "dc"),
        # A state's own offices are the state's, federal money or not.
        ("The Washington governor asked for federal aid.", "wa"),
        ("Governor Elena Marsh said Washington would match the federal grant.", "wa"),
    ],
)
def test_federal_words_in_the_sentence_make_a_shared_name_the_federal_capital(text, expected):
    assert found(WASHINGTONS, text)[-1][1] == expected


ST_JOHNS = Gazetteer.of(
    [
        Named(
            "nl",
            "St. John's",
            ("St. John's, Newfoundland",),
            "Capital city of Newfoundland and Labrador, Canada.",
            "place",
        ),
        Named(
            "antigua",
            "St. John's",
            ("St. John's, Antigua",),
            "Capital city and cruise port of Antigua and Barbuda.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("other_mention", "expected"),
    [
        ("Fishermen from Newfoundland and Labrador came too.", "nl"),
        ("Fishermen from Antigua and Barbuda came too.", "antigua"),
        ("Fishermen came too.", None),
    ],
)
def test_places_of_one_name_the_one_whose_names_the_story_writes_twice_as_often(
    other_mention, expected
):
    """Newfoundland and Antigua are each named with their partners ("and Labrador", "and
    Barbuda"): the one named again is the one the story is about; each named once,
    nothing decides."""
    text = (
        "The berth will bring ships to the capital of Newfoundland and Labrador.\n"
        "Ships that call at Antigua and Barbuda will come on.\n"
        f"{other_mention} The council of St. John’s approved it."
    )
    keys = [key for _, key in found(ST_JOHNS, text)]
    assert keys == ([expected] if expected else [])


VISSERS = Gazetteer.of(
    [
        Named("lotte", "Lotte Visser", ("Visser",), "Architectural historian.", "person"),
        Named("pieter", "Pieter Visser", ("Visser",), "Alderman of Utrecht.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lotte Visser led the survey. Pieter Visser spoke. Ms Visser said no.", "lotte"),
        ("Pieter Visser spoke. Lotte Visser led it. Visser said he was sure.", "pieter"),
    ],
)
def test_a_given_name_that_is_clearly_a_womans_or_a_mans_gives_the_gender(text, expected):
    """The descriptions say nothing of gender; the given names do."""
    assert found(VISSERS, text)[-1] == ("Visser", expected)


@pytest.mark.parametrize(
    ("given", "gender"),
    [
        ("Lotte", "female"),
        ("Manuel", "male"),
        ("Lucía", "female"),  # accents as the data leaves them out
        ("Kari", None),  # a woman's name in Norway, a man's in Finland
        ("Jean", None),
        ("Xqzvw", None),
    ],
)
def test_the_gender_a_given_name_tells_only_when_it_is_clear(given, gender):
    assert gender_of_given_name(given) == gender


def test_the_shipped_lists_keep_only_the_names_the_data_is_sure_of(tmp_path):
    """Rebuilt from a name_data.json laid out as nomquamgender's: [sources, people, share
    of women, ...]. Too few sources or people, or a share short of 95 in 100, is no list."""
    name_data = {
        "lotte": [5, 4000, 0.99, 0],
        "manuel": [9, 90000, 0.01, 0],
        "kari": [12, 30000, 0.6, 0],  # shared: neither list
        "rareia": [1, 5000, 1.0, 0],  # one source only
        "fewia": [4, 99, 1.0, 0],  # too few people
        "edgea": [2, 100, 0.95, 0],  # just enough of everything
    }
    source = tmp_path / "name_data.json"
    source.write_text(json.dumps(name_data), encoding="utf-8")
    rebuild(source, tmp_path)
    assert (tmp_path / "given_names_female.txt").read_text().split() == ["edgea", "lotte"]
    assert (tmp_path / "given_names_male.txt").read_text().split() == ["manuel"]


def test_the_dead_give_no_interviews_whatever_a_pronoun_after_the_words_said():
    """ "his" is the writer's hand, not the curator's: the philosopher, dead since 1855,
    said nothing."""
    kierkegaards = Gazetteer.of(
        [
            Named("mette", "Mette Kierkegaard", ("Kierkegaard",), "Curator; a mother.", "person"),
            Named(
                "soren",
                "Søren Kierkegaard",
                ("Kierkegaard",),
                "Danish philosopher (1813–1855).",
                "person",
            ),
        ]
    )
    text = (
        "Søren Kierkegaard wrote in Copenhagen. The curator, Mette Kierkegaard, examined the "
        "find. Kierkegaard said one cut-out carried a line of verse in his hand."
    )
    assert found(kierkegaards, text)[-1] == ("Kierkegaard", "mette")


def test_a_title_that_another_of_the_name_held_too_decides_nothing():
    """Both Santoses were presidents: "President Santos" is the one the paragraph named,
    not the one whose description opens with the title."""
    santoses = Gazetteer.of(
        [
            Named(
                "jms", "Juan Manuel Santos", ("Santos",), "Politician who was president.", "person"
            ),
            Named("jeds", "José Eduardo dos Santos", ("Santos",), "President of Angola.", "person"),
        ]
    )
    text = "José Eduardo dos Santos left.\nJuan Manuel Santos came. President Santos spoke."
    assert found(santoses, text)[-1] == ("Santos", "jms")


@pytest.mark.parametrize(
    ("description", "year"),
    [
        ("Kenyan-born runner who won the world title in 2019.", None),
        ("Engineer born in Lagos, who moved to London in 1999.", None),
        ("Mayor of Kaunas (2015–2019).", None),
        ("Born in 1961 in Hawaii.", 1961),
        ("Tenor (1885–1968).", 1885),
    ],
)
def test_a_year_of_birth_is_read_only_where_a_description_gives_one(description, year):
    assert born_in(description) == year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Carlos Lima, a senator who chairs the committee, called Maria Santos a liar.", []),
        (
            "Senator Maria Santos spoke. Pedro Alves, a biologist, called Maria Santos a fraud.",
            [("Maria Santos", "sen")],
        ),
    ],
)
def test_called_as_a_verb_before_a_twin_leaves_the_words_before_the_comma_out(text, expected):
    """Only "also named" or "also called" ties the words before a comma to the name."""
    santoses = Gazetteer.of(
        [
            Named("bio", "Maria Santos", ("Santos",), "Marine biologist.", "person"),
            Named("sen", "Maria Santos", ("Santos",), "Senator who chairs a committee.", "person"),
        ]
    )
    assert found(santoses, text) == expected


def test_the_elder_of_people_no_tie_places_is_left_out():
    text = "Jill Biden and Joe Biden sat down. The elder Biden spoke."
    assert [key for _, key in found(FAMILY, text)] == ["jill", "joe"]
    assert FAMILY.find_with_stats(text)[1] == 1


@pytest.mark.parametrize(
    "sign",
    ["a banner reading “THANK YOU BIDEN, WE LOVE YOU”", "a slogan, “BIDEN OUT”, on the gate"],
)
def test_a_surname_of_several_people_on_a_sign_is_left_out(sign):
    """A sign has no sentence to say which of the story's Bidens it means; the last one
    named would be a guess."""
    text = f"Jill Biden and Joe Biden came. Outside, {sign}."
    assert [key for _, key in found(FAMILY, text)] == ["jill", "joe"]
    assert FAMILY.find_with_stats(text)[1] == 1


def test_a_city_and_its_club_on_a_banner_are_left_out():
    torino = Gazetteer.of(
        [
            Named("city", "Turin", ("Torino",), "City in northern Italy.", "place"),
            Named("club", "Torino FC", ("Torino",), "Football club from Turin.", "organization"),
        ]
    )
    text = (
        "Torino FC beat Juventus in Turin. Home fans unfurled a banner reading “TORINO SIAMO NOI”."
    )
    assert [key for _, key in found(torino, text)] == ["club", "city"]


CARVERS = Gazetteer.of(
    [
        Named("shelby", "Shelby Carver", ("Carver",), "Country singer; she writes.", "person"),
        Named("dana", "Dana Carver", ("Carver",), "Country singer; he plays fiddle.", "person"),
    ]
)
CARVERS_NAMED = "A judge found that Dana Carver and Shelby Carver wrote the song.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He worked at the Biden mine until it closed.", []),
        ("Traffic crossed the Biden bridge.", []),
        ("Apprentices lodge in the Rosenborg district, east of the river.", []),
        # The person's own: an administration, a campaign; the club's own supporters.
        ("The Biden administration objected.", ["joe"]),
        ("Rosenborg won the league.", ["rbk"]),
    ],
)
def test_a_thing_or_an_area_named_after_a_person_or_a_club_is_no_mention(text, expected):
    named = Gazetteer.of(
        [
            Named("joe", "Joe Biden", ("Biden",), "46th president of the United States.", "person"),
            Named("rbk", "Rosenborg BK", ("Rosenborg",), "Football club.", "organization"),
        ]
    )
    assert keys_found(named, f"Joe Biden and Rosenborg BK were named. {text}")[2:] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The old town is a UNESCO World Heritage site.", ["unesco"]),
        ("They play at UNESCO Field next season.", []),
        # A name in capitals of something else is still inside a longer name.
        ("Officials at the Paris Harbour Office agreed.", []),
    ],
)
def test_an_organisations_acronym_owns_the_capitalised_words_after_it(text, expected):
    acronyms = Gazetteer.of(
        [
            Named("unesco", "UNESCO", (), "United Nations cultural agency.", "organization"),
            Named("paris", "Paris", (), "Capital of France.", "place"),
        ]
    )
    assert keys_found(acronyms, text) == expected


@pytest.mark.parametrize(
    "quoted",
    [
        "One fan held up a card reading “Carver, marry me”.",
        'A text read: "Carver has the bridge." Nobody knew which.',
        "Fans sang “There’s only one Carver”, which was not true.",
    ],
)
def test_a_surname_of_several_people_quoted_with_nothing_to_decide_is_left_out(quoted):
    """Whoever wrote a sign, a message or a chant was not following the story's sentences:
    the Carver named last would be a guess. Outside a quotation she is the one read."""
    text = CARVERS_NAMED + quoted
    assert [key for _, key in found(CARVERS, text)] == ["dana", "shelby"]
    assert CARVERS.find_with_stats(text)[1] == 1
    assert found(CARVERS, CARVERS_NAMED + "Carver waved.")[-1] == ("Carver", "shelby")


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        ("“You were right, Mr Carver,” the judge said.", "dana"),
        ("“When Carver plays, he shuts his eyes,” a fan said.", "dana"),
        ("“Carver, marry me,” one card read.", "shelby"),
    ],
)
def test_a_quoted_surname_is_read_by_a_title_a_pronoun_or_one_person_named(quoted, expected):
    named = CARVERS_NAMED if expected == "dana" else "Shelby Carver wrote the song.\n"
    assert found(CARVERS, named + quoted)[-1] == ("Carver", expected)


MOORES = Gazetteer.of(
    [
        Named("wes", "Wes Moore", ("Moore",), "Governor of Maryland since 2023.", "person"),
        Named(
            "suburb",
            "Moore, Oklahoma",
            ("Moore",),
            "Suburb of Oklahoma City, United States.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Wes Moore pledged money. Moore's office said so.",
        "Wes Moore pledged money.\nMoore’s office agreed.",
    ],
)
def test_a_surname_just_introduced_is_the_person_not_a_place_the_story_never_named(text):
    assert keys_found(MOORES, text) == ["wes", "wes"]


PLAYER_AND_TOWN = Gazetteer.of(
    [
        Named("tomi", "Tomi Orla", ("Orla",), "Spanish footballer, a midfielder.", "person"),
        Named("town", "Orla", (), "Town in Andalusia, Spain.", "place"),
    ]
)
_PLAYER_NAMED = "Tomi Orla started on the bench.\nThe home side pressed.\nThe rain came.\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a player does, paragraphs after the story named him in full.
        (_PLAYER_NAMED + "Orla changed the game within ten minutes.", ["tomi", "tomi"]),
        (_PLAYER_NAMED + "Orla has now scored in five derbies.", ["tomi", "tomi"]),
        # What befalls a town is no player's doing.
        (_PLAYER_NAMED + "Orla was flooded again.", ["tomi", "town"]),
    ],
)
def test_a_surname_that_does_what_a_player_does_is_the_player(text, expected):
    assert keys_found(PLAYER_AND_TOWN, text)[-2:] == expected


def test_a_place_the_story_named_keeps_its_own_name():
    text = "Tornadoes hit Moore, Oklahoma. Wes Moore sent aid. Moore's schools were shut."
    assert keys_found(MOORES, text) == ["suburb", "wes", "suburb"]


def test_a_surname_on_a_sign_is_read_when_the_story_named_one_person_of_it():
    text = "Joe Biden came. Outside, a banner reading “THANK YOU BIDEN”."
    assert [key for _, key in found(FAMILY, text)] == ["joe", "joe"]


@pytest.mark.parametrize(
    "text",
    [
        "One fan, identified only by the surname Biden, was held.",
        "A student, also surnamed Biden, spoke.",
        "A boy whose first name is also Biden came.",
        "Fans voted to name her Biden.",
        "The name Biden is among the ten most common in the county.",
        "Fans drank at a bar called Biden, named after nobody.",
    ],
)
def test_a_name_given_as_a_name_is_no_mention(text):
    assert found(FAMILY, f"Joe Biden came. {text}") == [("Joe Biden", "joe")]


def test_a_gender_the_story_gives_tells_people_of_one_name_apart():
    """Neither description says; the story does, by a title and by a pronoun."""
    twins = Gazetteer.of(
        [
            Named("pol", "Camille Roussel", ("Roussel",), "Deputy mayor of Paris.", "person"),
            Named("fc", "Camille Roussel", ("Roussel",), "Footballer for Paris.", "person"),
        ]
    )
    text = (
        "The deputy mayor of Paris, Camille Roussel, spoke first. Mr Roussel wants a new "
        "stadium.\nThe footballer Camille Roussel, who plays in midfield, sided with her "
        "club.\nMs Roussel said nothing else. Mr Roussel left."
    )
    assert [key for _, key in found(twins, text)] == ["pol", "pol", "fc", "fc", "pol"]


def test_a_paragraph_keeps_to_the_one_it_has_named():
    text = (
        "Kim Jong Un and Kim Yo Jong arrived.\n"
        "Ms Kim, the leader's sister, spoke first. Kim said the talks were over."
    )
    assert [key for _, key in found(FAMILY, text)][-2:] == ["kyj", "kyj"]


def test_the_subject_of_a_sentence_is_the_bare_name_after_it():
    """Named in full close together, a short form goes to the one the sentence is about,
    not to one inside a clause; two subjects ("and Ed Miliband listened") leave it out."""
    text = "Kim Jong Un, who took power after his father, Kim Jong Il, died, spoke.\nKim then left."
    assert found(FAMILY, text)[-1] == ("Kim", "kju")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New York Governor Kathy Hochul spoke.", "nys"),
        ("The Governor of New York spoke.", "nys"),
        ("The Mayor of New York spoke.", "nyc"),
        ("New York Mayor Eric Adams spoke.", "nyc"),
    ],
)
def test_a_state_office_names_the_state_and_a_city_office_the_city(text, expected):
    places = Gazetteer.of(
        [
            Named(
                "nyc",
                "New York City",
                ("New York",),
                "Most populous city of the United States, in the state of New York.",
                "place",
            ),
            Named(
                "nys",
                "New York (state)",
                ("New York",),
                "State in the north-eastern United States; its largest city is New York.",
                "place",
            ),
        ]
    )
    assert [key for _, key in found(places, text)] == [expected]


TWIN_PLACES = Gazetteer.of(
    [
        Named("lima-pe", "Lima", ("Lima, Peru",), "Capital and largest city of Peru.", "place"),
        Named("lima-oh", "Lima", ("Lima, Ohio",), "City in north-western Ohio.", "place"),
        Named(
            "hyd-in", "Hyderabad", ("Hyderabad, India",), "Capital of Telangana, India.", "place"
        ),
        Named("hyd-pk", "Hyderabad", (), "City on the Indus in Sindh, Pakistan.", "place"),
        Named("peru", "Peru", (), "Country in South America.", "place"),
        Named("india", "India", (), "Country in South Asia.", "place"),
        Named("oly-wa", "Olympia", (), "Capital of the US state of Washington.", "place"),
        Named("oly-gr", "Olympia", (), "Ancient sanctuary in the Peloponnese, Greece.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The region a dateline adds, in full or short; even where a longer alias
        # ("Hyderabad, India") fits the dateline's words in another case.
        ("HYDERABAD, India, Jan 14 (Newsroom) - A plant opens.", "hyd-in"),
        ("OLYMPIA, Wash., Feb 20 (Newsroom) - A law passed.", "oly-wa"),
        # The names the story uses: a story that names Peru means Peru's Lima.
        ("LIMA, March 3 (Newsroom) - Farmers marched across Peru.", "lima-pe"),
        ("Farmers in Peru marched. Police in Lima arrested 14.", "lima-pe"),
    ],
)
def test_places_of_one_name_by_the_dateline_region_and_the_story(text, expected):
    keys = [key for _, key in found(TWIN_PLACES, text)]
    assert expected in keys
    assert not {"lima-oh", "hyd-pk", "oly-gr"} & set(keys)


def test_places_of_one_name_in_a_story_that_names_neither_region_are_left_out():
    """Unless one of them is a country's capital: a bare "Lima" is Peru's."""
    text = "Police in Olympia arrested 14 people."
    assert found(TWIN_PLACES, text) == []
    assert TWIN_PLACES.find_with_stats(text)[1] == 1
    assert found(TWIN_PLACES, "Police in Lima arrested 14 people.") == [("Lima", "lima-pe")]


@pytest.mark.parametrize(
    "text",
    [
        "The Bank of Peru raised rates.",
        "Researchers at the University of Peru said so.",
        "Ships crossed the Gulf of Peru.",
        "The company that runs the Port of Peru said so.",
        # A kind of building or feature opens a name even where a sentence starts.
        "Stadium Peru, whose roof fell in, was shut.",
        "Mount Peru erupted.",
        # A disease, a treatment, a food or a tree named after the place.
        "Doctors warned of Peru virus, spread by mosquitoes.",
        "Growers sprayed Peru mixture, a copper fungicide, on the vines.",
        "Stalls sold Peru cheese.",
    ],
)
def test_a_place_in_an_institutions_name_is_no_mention_of_it(text):
    assert found(TWIN_PLACES, text) == []


@pytest.mark.parametrize(
    "text",
    ["Peru, the country, voted.", "Peru beat Chile.", "Lima is the capital of Peru."],
)
def test_a_place_read_in_the_sentences_beside_those_names(text):
    """The rules above leave these alone: no feature word before, no thing after."""
    assert "peru" in [key for _, key in found(TWIN_PLACES, text)]


def test_an_organisations_whole_name_after_another_name_and_of_is_its_own():
    """ "X of the" makes a place a part of X's name ("the University of Peru"), not an
    organisation's whole name of several words, which is a name of its own."""
    league = Gazetteer.of(
        [
            Named("cfl", "Canadian Football League", ("CFL",), "Football league.", "organization"),
            Named("peru", "Peru", (), "Country in South America.", "place"),
        ]
    )
    text = "The Edmonton Elks of the Canadian Football League, and the University of Peru."
    assert keys_found(league, text) == ["cfl"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An institution's own name of two words or more before "of".
        ("Loans came from the Housing Finance Agency of Peru.", []),
        ("The Chief Seismic Surveyor of Peru resigned.", []),
        # Or of one word that is neither a title nor a kind or part of place: an event.
        ("She won a stage of the Tour of Peru last year.", []),
        # An office held in the place, or the place's own longer style.
        ("The Foreign Minister of Peru flew in.", ["peru"]),
        ("The Emir of Peru flew in.", ["peru"]),
        ("Rain fell across the North of Peru.", ["peru"]),
        ("The Attorney General of Peru spoke.", ["peru"]),
        ("Talks with the Republic of Peru went on.", ["peru"]),
        # A person takes no "the".
        ("Senator Ana Lima of Peru spoke.", ["peru"]),
    ],
)
def test_a_place_after_an_institutions_own_name_and_of_is_no_mention(text, expected):
    assert [key for _, key in found(TWIN_PLACES, text)] == expected


def test_a_compound_before_a_name_describes_it_and_is_no_part_of_it():
    companies = Gazetteer.of([Named("arafura", "Arafura Gas", (), "Gas company.", "organization")])
    text = "The plant will be built by Perth-based Arafura Gas, officials said."
    assert found(companies, text) == [("Arafura Gas", "arafura")]


def test_a_bare_name_after_two_speakers_is_left_out():
    """Both named in full close together, and each speaks: neither is the one aside."""
    brothers = Gazetteer.of(
        [
            Named("venkat", "Venkat Reddy", ("Reddy",), "Chairman of a drug maker.", "person"),
            Named("suresh", "Suresh Reddy", ("Reddy",), "Managing director.", "person"),
        ]
    )
    text = (
        "Venkat Reddy said sales would double. His brother, Suresh Reddy, said exports "
        "would lead.\n“It is a good year,” Reddy told reporters."
    )
    assert [key for _, key in found(brothers, text)] == ["venkat", "suresh"]


def test_a_name_after_a_dateline_dash_of_any_kind_opens_the_sentence():
    courts = Gazetteer.of(
        [Named("cjeu", "Court of Justice", (), "Judicial institution.", "organization")]
    )
    for dash in "-–—":
        text = f"LUXEMBOURG, June 3 {dash} The Court of Justice ruled on Tuesday."
        assert found(courts, text) == [("Court of Justice", "cjeu")], dash


def test_a_dateline_names_the_city_not_the_country_whose_capital_it_is():
    places = Gazetteer.of(
        [
            Named("lux", "Luxembourg", (), "Country in Europe; capital Luxembourg City.", "place"),
            Named(
                "lux-city", "Luxembourg City", ("Luxembourg",), "Capital of Luxembourg.", "place"
            ),
        ]
    )
    assert found(places, "LUXEMBOURG, June 3 - Judges ruled.") == [("LUXEMBOURG", "lux-city")]


def test_a_name_that_starts_with_a_particle_takes_a_capital_at_the_start_of_a_sentence():
    """A particle that starts a name ("de Vries") takes a capital when it opens a sentence,
    and only there."""
    lawyers = Gazetteer.of(
        [Named("sanne", "Sanne de Vries", ("de Vries",), "Dutch tax lawyer.", "person")]
    )
    text = "Sanne de Vries filed the appeal. De Vries said it would take a year."
    assert found(lawyers, text) == [("Sanne de Vries", "sanne"), ("De Vries", "sanne")]
    assert found(lawyers, "Sanne de Vries met the Mayor De Vries.") == [("Sanne de Vries", "sanne")]


REYES = Gazetteer.of(
    [
        Named("ana", "Ana Reyes", ("Reyes",), "Port official.", "person"),
        Named("tomas", "Tomas Reyes", ("Reyes",), "Harbour pilot.", "person"),
        Named("peru", "Peru", (), "Country in South America.", "place"),
    ]
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Her office said a decision would come in June.",  # opening the next sentence
        "A decision will come in June, she said.",  # naming its speaker
        "“We will decide in June,” she said.",
    ],
)
def test_a_pronoun_in_the_next_sentence_gives_the_only_person_named_a_gender(sentence):
    """Neither description says; the sentence after the one that names Ana Reyes does,
    so "Mr Reyes" is not her. A place named between does not take the pronoun."""
    text = (
        "Tomas Reyes steered the ship in.\nThe plan needs the approval of Ana Reyes, who "
        f"runs the port in Peru. {sentence} Mr Reyes was not asked."
    )
    assert [key for _, key in found(REYES, text)][-1] == "tomas"


def test_a_pronoun_after_a_name_we_do_not_know_is_not_taken_for_ours():
    """The "Her" after Marta Lobo may be hers: it gives Tomas Reyes no gender, and "Mr
    Reyes" goes to him as the only one of them named in his paragraph."""
    text = (
        "Ana Reyes runs the port.\nTomas Reyes hired Marta Lobo. Her first task was the "
        "budget. Mr Reyes was pleased."
    )
    assert [key for _, key in found(REYES, text)][-1] == "tomas"


def test_places_of_one_name_that_nothing_tells_apart_are_the_one_the_story_was_filed_from():
    """Both are called Valencia; the dateline is the city, and so is a later bare
    "Valencia" that no word beside it places, but not "the region of Valencia"."""
    places = Gazetteer.of(
        [
            Named("vlc", "Valencia", (), "Port city on the east coast of Spain.", "place"),
            Named("vlc-region", "Valencia", (), "Autonomous region of eastern Spain.", "place"),
        ]
    )
    text = (
        "VALENCIA, Spain, May 2 (Newsroom) - A fire closed the port.\n"
        "Firms in Valencia lost a day of trade.\nThe region of Valencia sent help."
    )
    assert [key for _, key in found(places, text)] == ["vlc", "vlc", "vlc-region"]
    text = "Firms in Valencia lost a day of trade."
    assert found(places, text) == []


SANTA_CRUZ = Gazetteer.of(
    [
        Named("sc-bo", "Santa Cruz", (), "City in eastern Bolivia.", "place"),
        Named("sc-us", "Santa Cruz", (), "Coastal city in California, United States.", "place"),
        Named("bolivia", "Bolivia", (), "Country in South America.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner is a name of ours, or one the description names: no longer name, and
        # it says which of the two.
        (
            "Farmers in Bolivia’s Santa Cruz protested.",
            [("Bolivia", "bolivia"), ("Santa Cruz", "sc-bo")],
        ),
        ("Surfers in California's Santa Cruz waited.", [("Santa Cruz", "sc-us")]),
        # An owner nobody names is part of a longer name.
        ("Tourists filled Martin’s Santa Cruz bar.", []),
    ],
)
def test_a_place_named_before_a_name_with_a_possessive_owns_it(text, expected):
    assert found(SANTA_CRUZ, text) == expected


def test_organisations_of_one_name_by_the_places_the_story_names():
    courts = Gazetteer.of(
        [
            Named(
                "hc-au", "High Court", (), "Top court of Australia, in Canberra.", "organization"
            ),
            Named(
                "hc-ie", "High Court", (), "Superior court of Ireland, in Dublin.", "organization"
            ),
        ]
    )
    text = "Farmers in Canberra sued the state. The High Court will rule next month."
    assert found(courts, text) == [("High Court", "hc-au")]
    assert found(courts, "The High Court will rule next month.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government of Salta raised taxes.", ["province"]),
        ("Salta’s health minister resigned.", ["province"]),
        ("The Salta government resigned.", ["province"]),
        ("Salta’s cathedral was full.", []),  # nothing tells the two apart
    ],
)
def test_a_government_or_a_minister_is_no_citys(text, expected):
    salta = Gazetteer.of(
        [
            Named("city", "Salta", (), "City in north-western Argentina.", "place"),
            Named("province", "Salta", (), "Province of north-western Argentina.", "place"),
        ]
    )
    assert [key for _, key in found(salta, text)] == expected


def test_a_preposition_and_the_before_a_name_make_it_a_place():
    emirates = Gazetteer.of(
        [
            Named("uae", "United Arab Emirates", ("Emirates",), "Gulf federation.", "place"),
            Named("ek", "Emirates", (), "Airline based in Dubai.", "organization"),
        ]
    )
    assert found(emirates, "Exports to the Emirates rose.") == [("Emirates", "uae")]
    assert found(emirates, "Emirates bought ten jets.") == [("Emirates", "ek")]


CLUBS = Gazetteer.of(
    [
        Named("santos-fc", "Santos FC", ("Santos",), "Football club in Brazil.", "organization"),
        Named("santos", "Santos", (), "Port city in Brazil.", "place"),
        Named("porto-fc", "FC Porto", ("Porto",), "Football club.", "organization"),
        Named("porto", "Porto", (), "City in northern Portugal.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Santos came from behind to beat a rival.", ["santos-fc"]),
        ("The rivals lost to Porto on Sunday.", ["porto-fc"]),
        ("He signed for Santos in June, then moved to Porto.", ["santos-fc", "porto"]),
        ("Fans in Santos cheered.", ["santos"]),
        # A team's fans: "Thousands of Santos fans are expected".
        ("Thousands of Santos fans are expected.", ["santos-fc"]),
        ("Several Porto season-ticket holders came.", ["porto-fc"]),
        ("They meet again if Santos win their last two games.", ["santos-fc"]),
    ],
)
def test_only_a_team_beats_another_or_signs_a_player(text, expected):
    assert [key for _, key in found(CLUBS, text)] == expected


def test_the_and_a_name_alone_is_no_person():
    theatre = Gazetteer.of(
        [
            Named("leos", "Leoš Janáček", ("Janáček",), "Czech composer.", "person"),
            Named("hall", "Janáček Theatre", ("Janáček",), "Opera house in Brno.", "organization"),
        ]
    )
    text = (
        "Leoš Janáček wrote it. The Janáček Theatre staged it.\n"
        "People call the building simply the Janáček, and the composer is everywhere."
    )
    assert keys_found(theatre, text) == ["leos", "hall", "hall"]
    # And before an adverb that ends its phrase: "face the Lee again" is a river.
    lee = Gazetteer.of([Named("lee", "Niamh Lee", ("Lee",), "Irish politician.", "person")])
    text = "Niamh Lee spoke. The city can at last turn round and face the Lee again."
    assert keys_found(lee, text) == ["lee"]


def test_the_clubs_coach_is_the_clubs_whoever_else_bears_its_name():
    sturm = Gazetteer.of(
        [
            Named("club", "Sturm Graz", ("Sturm",), "Austrian football club.", "organization"),
            Named("ref", "Harald Sturm", ("Sturm",), "Austrian football referee.", "person"),
        ]
    )
    text = (
        "The referee Harald Sturm sent off two players of Sturm Graz.\n"
        "Harald Sturm, 41, spoke. Daniel Pichler, the Sturm coach, blamed him."
    )
    assert keys_found(sturm, text) == ["ref", "club", "ref", "club"]


def test_a_bare_surname_is_the_one_person_of_it_the_story_has_introduced(gazetteer):
    """Only Ed Miliband has been named: "Miliband" a paragraph later is him, though the
    words near it ("foreign", "secretary") fit his brother's description better; words set
    beside the name to describe it are still read ("Miliband, a former foreign
    secretary")."""
    text = (
        "Ed Miliband opened the debate.\nMiliband then met the foreign secretary of Peru "
        "and a former foreign secretary."
    )
    assert found(gazetteer, text)[-1] == ("Miliband", "ed")
    text = "Ed Miliband opened the debate.\nMiliband, a former foreign secretary, replied."
    assert found(gazetteer, text)[-1] == ("Miliband", "david")


MAKERS = Gazetteer.of(
    [
        Named("airbus", "Airbus", (), "European aircraft maker.", "organization"),
        Named("indus", "Indus Mills", ("Indus",), "Textile maker in Karachi.", "organization"),
        Named("sutlej", "Sutlej", (), "River of the Punjab.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A model of the maker's, not the maker.
        ("The airline flies the Airbus 380-800 and three older jets.", []),
        ("Airbus 2024 deliveries rose.", ["airbus"]),  # a year is no model
        ("Airbus 3rd-quarter sales rose.", ["airbus"]),
        # A river named like a company, when none of its entities is a place.
        ("Floods along the Indus and Sutlej rivers cut roads.", ["sutlej"]),
        ("The Sutlej river rose.", ["sutlej"]),
        ("Indus shut two mills.", ["indus"]),
    ],
)
def test_a_model_or_a_feature_named_after_an_organisation_is_no_mention_of_it(text, expected):
    assert [key for _, key in found(MAKERS, text)] == expected


def test_a_shared_name_after_a_or_an_points_to_no_one_in_particular(gazetteer):
    text = "Ed Miliband spoke. Few expected a Miliband government to last."
    assert found(gazetteer, text) == [("Ed Miliband", "ed")]
    assert gazetteer.find_with_stats(text)[1] == 1


def test_a_title_left_undecided_is_read_again_with_the_genders_the_whole_story_gives():
    """When "Ms Reyes" speaks, nothing has said which Reyes is a woman; "Mr Reyes, the
    pilot," later says Tomas is a man, so she is Ana."""
    text = "Ana Reyes and Tomas Reyes met.\nMs Reyes spoke first.\nMr Reyes, the pilot, disagreed."
    assert [key for _, key in found(REYES, text)] == ["ana", "tomas", "ana", "tomas"]


def test_only_a_nation_has_a_national_team(gazetteer):
    text = "Michael Jordan landed. He played basketball with Jordan’s national team."
    assert found(gazetteer, text)[-1] == ("Jordan", "jordan")


BROTHERS = Gazetteer.of(
    [
        Named(
            "min",
            "Min Park",
            ("Park",),
            "Union leader; chairman of the national union of port workers.",
            "person",
        ),
        Named(
            "joon",
            "Joon Park",
            ("Park",),
            "Union leader; chairman of the union of port workers in Busan.",
            "person",
        ),
        Named("busan", "Busan", (), "Port city in south-eastern South Korea.", "place"),
    ]
)


def test_a_person_is_not_told_apart_by_the_city_the_story_was_filed_from():
    """That Joon Park works in Busan says nothing of which brother a story filed from
    Busan quotes: the subject of the sentence before is the one who speaks."""
    text = (
        "BUSAN (Newsroom) - Min Park called the strike, and his brother, Joon Park, "
        "urged the dockers to go back.\nPark told a rally that the union would not give in."
    )
    assert found(BROTHERS, text)[-1] == ("Park", "min")


ISLANDS = Gazetteer.of(
    [
        Named("marlo-city", "Marlo City", ("Marlo",), "Port city on the east coast.", "place"),
        Named(
            "marlo",
            "Marlo",
            ("Marlo Province",),
            "Province in the central region; capital Marlo City.",
            "place",
        ),
        Named("guard", "National Coast Guard", (), "Maritime rescue service.", "organization"),
        Named("party", "Island Workers Party", (), "Political party.", "organization"),
        Named("ana", "Ana Luz", ("Luz",), "Leader of the Island Workers Party.", "person"),
        Named("eva", "Eva Luz", ("Luz",), "Mayor of Marlo City; a former teacher.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Coast" in the coast guard's name says nothing of a coast.
        (
            "A ferry sank off Marlo on Sunday, the National Coast Guard said, as a storm "
            "crossed the region.",
            ("Marlo", "marlo"),
        ),
        # A name a description holds is a cue for it, all of its words as one.
        ("Ana Luz met Eva Luz. Luz, whose Island Workers Party voted no, left.", ("Luz", "ana")),
    ],
)
def test_a_name_of_ours_is_one_cue_not_a_string_of_words(text, expected):
    assert expected in found(ISLANDS, text)


HOLMS = Gazetteer.of(
    [
        Named("lena", "Lena Holm", ("Holm",), "Marine archaeologist.", "person"),
        Named("ove", "Ove Holm", ("Holm",), "Retired army officer; regional governor.", "person"),
        Named("timo", "Timo Berg", ("Berg",), "Road cyclist.", "person"),
        Named("aki", "Aki Berg", ("Berg",), "Cycling coach; father of Timo Berg.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one the story called Dr.
        (
            "Dr Lena Holm led the dive. General Ove Holm opened the museum.\n"
            "Dr Holm said the site would reopen.",
            "lena",
        ),
        # Not the one the story gave another age.
        (
            "Timo Berg, 21, won the stage. His father, Aki Berg, coached him for years.\n"
            "Berg, 54, said the team needed a home race.",
            "aki",
        ),
    ],
)
def test_a_title_or_an_age_said_again_points_to_the_one_it_was_said_of(text, expected):
    assert found(HOLMS, text)[-1][1] == expected


NAMED_AFTER_A_PLACE = Gazetteer.of(
    [
        Named("range", "Kestrel", (), "Low mountain range north of the capital.", "place"),
        Named(
            "bank",
            "Kestrel Bank",
            ("Kestrel",),
            "Commercial bank based at the foot of the range.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The bank the story named, not the range it is named after.
        ("Kestrel Bank bought a rival. The deal gives Kestrel its first branches.", "bank"),
        # Hills are a place's, and a place named since the bank is the one meant.
        ("Kestrel Bank has its offices below the Kestrel hills.", "range"),
        ("Kestrel Bank grew. Hikers love the trails in Kestrel. Kestrel is wet.", "range"),
        # Words set beside the name describe it, whatever the story named last.
        ("Kestrel Bank grew. Snow fell on Kestrel, a low mountain range, all week.", "range"),
        ("Kestrel Bank grew. Its rival lost to Kestrel, a commercial bank, in court.", "bank"),
        # Words that say where, before the name, make it the place all the same.
        ("Kestrel Bank grew. Buses run between Kestrel and the coast.", "range"),
        ("Kestrel Bank grew. Buses run between Arden and Kestrel.", "range"),
        ("Kestrel Bank grew. Rain fell on farms in central Kestrel.", "range"),
        ("Kestrel Bank grew. Hikers came from Kestrel and Arden.", "range"),
        # Not a bank's staff at it, nor a deal in which it is named.
        ("Kestrel Bank grew. Tellers at Kestrel said it would open a branch.", "bank"),
    ],
)
def test_an_organisation_named_after_a_place_is_the_one_the_story_named_last(text, expected):
    assert found(NAMED_AFTER_A_PLACE, text)[-1][1] == expected


def test_a_region_set_after_a_place_with_a_comma_says_which_place():
    twins = Gazetteer.of(
        [
            Named("dover-uk", "Dover", (), "Port town in Kent, England.", "place"),
            Named("dover-us", "Dover", (), "Capital city of Delaware, United States.", "place"),
            Named("delaware", "Delaware", ("Del.",), "State in the United States.", "place"),
        ]
    )
    text = "The ferry left Dover. Its owner, a firm based in Dover, Del., paid for it."
    assert [key for _, key in found(twins, text)] == ["dover-us", "delaware"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sam Miliband is none of ours: the bare surname after her is most likely her.
        (
            "Ed Miliband spoke first. Later Sam Miliband, a 30-year-old nurse, asked a "
            "question. Miliband said the waiting lists were too long.",
            [("Ed Miliband", "ed")],
        ),
        # A place named with the surname is no such person.
        (
            "Ed Miliband toured Lower Miliband, where a mill stands. Miliband said it "
            "would reopen.",
            [("Ed Miliband", "ed"), ("Miliband", "ed")],
        ),
    ],
)
def test_a_surname_after_someone_not_ours_of_that_name_is_left_out(gazetteer, text, expected):
    assert found(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A boat named after a person: a person takes no "the".
        ("Divers slept aboard their support boat, the Michael Jordan, all week.", []),
        ("The divers slept aboard the Theresa May.", []),
        # "The" before a name with a word after it is another matter.
        ("Ed Miliband spoke. The Miliband plan won support.", ["ed", "ed"]),
    ],
)
def test_a_persons_name_after_the_alone_names_a_thing(gazetteer, text, expected):
    assert [key for _, key in found(gazetteer, text)] == expected


def test_the_dead_give_no_interviews():
    """Kim Jong Il's description gives his death: "Kim said" is not him, however
    recently the story named him."""
    text = "Kim Jong Un opened the plant. Kim Jong Il had planned it. “We go on,” Kim said."
    assert found(FAMILY, text)[-1] == ("Kim", "kju")


FOUNDERS = Gazetteer.of(
    [
        Named("jo", "Josa Veld", ("Veld",), "Founder of the bus firm Veld Express.", "person"),
        Named(
            "ta",
            "Taro Veld",
            ("Veld",),
            "Businessman, managing director of Veld Express, son of its founder.",
            "person",
        ),
        Named(
            "ri",
            "Rina Veld",
            ("Veld",),
            "Accountant, eldest daughter of the founder of Veld Express.",
            "person",
        ),
    ]
)


def test_a_death_in_a_clause_of_time_and_the_dead_answer_no_questions():
    """A death told in a clause of time: the dead decline no questions, so "Mr Veld" is
    the son, though the story named the father last."""
    death = "signed weeks before Josa Veld died"
    text = (
        "The court heard an application by Rina Veld, the founder's eldest daughter.\n"
        "Josa Veld started the business in 1987.\n"
        f"Her brother Taro Veld, who has run the firm since 2020, says a later will, {death}, "
        "gave him a controlling stake.\n"
        "“My father built this company,” Ms Veld told reporters.\n"
        "Mr Veld did not speak to reporters."
    )
    assert keys_found(FOUNDERS, text) == ["ri", "jo", "ta", "jo", "ri", "ta"]


COACHES = Gazetteer.of(
    [
        Named("rua", "Tama Rua’a", ("Rua’a",), "Samoan netball coach; born in Apia.", "person"),
        Named("apia", "Apia", (), "Capital city of Samoa.", "place"),
        Named("hale", "Nina Hale", ("Hale",), "Canadian rowing coach.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A straight apostrophe in the text, a curly one in the gazetteer: the name is
        # found, with the offsets of the words as written.
        ("The board hired Tama Rua'a on Monday.", [("Tama Rua'a", "rua")]),
        ("Rua'a said", [("Rua'a", "rua")]),
        # A nationality before a person's name describes the person; it is no part of a
        # longer name (the description names Samoa, "Samoan" is its people's word).
        (
            "The squad is led by Samoan Tama Rua'a, who arrived from Apia.",
            [("Tama Rua'a", "rua"), ("Apia", "apia")],
        ),
        ("The board thanked Canadian Nina Hale.", [("Nina Hale", "hale")]),
        # A capitalised word before that is no nationality of hers is part of a longer
        # name not ours.
        ("Rowers met at Lower Hale on Sunday.", []),
    ],
)
def test_a_nationality_before_a_persons_name_is_no_part_of_a_longer_name(text, expected):
    assert found(COACHES, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The words that make a month a date, opening a sentence.
        "Ed Miliband spoke. From May to July the reef is closed to divers.",
        "Ed Miliband spoke. “Until at least May, nothing moves,” an aide said.",
        "Ed Miliband spoke.\nIn May the ferry runs twice a day.",
    ],
)
def test_a_month_after_date_words_that_open_a_sentence_is_a_date(gazetteer, text):
    assert found(gazetteer, text) == [("Ed Miliband", "ed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Who" is said of a person; a country is "which".
        ("Fans waited for hours. Jordan, who retired long ago, signed every shirt.", "mj"),
        ("Fans waited for hours. Jordan, which borders Syria, sent a delegation.", "jordan"),
    ],
)
def test_who_after_a_name_keeps_the_persons_of_it(gazetteer, text, expected):
    assert found(gazetteer, text) == [("Jordan", expected)]


REGION_AND_TOWN = Gazetteer.of(
    [
        Named("town", "Tolva", (), "Market town in the north, on the old salt road.", "place"),
        Named(
            "province",
            "Tolva Province",
            ("Tolva",),
            "Hilly province in the north; capital Tolva.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A province named after its capital: the bare name, when the story has named
        # neither, is the one whose own name it is.
        ("Buses leave for Tolva every hour.", [("Tolva", "town")]),
        # The one its paragraph has named is meant.
        (
            "Officials in Tolva Province met. Tourism in Tolva grew.",
            [("Tolva Province", "province"), ("Tolva", "province")],
        ),
    ],
)
def test_a_region_named_after_its_town_is_its_own_name_unless_the_story_says(text, expected):
    assert found(REGION_AND_TOWN, text) == expected


def test_a_state_named_like_its_largest_city_is_no_default_for_the_bare_name():
    """The state's own name is "New York", the city's "New York City": a bare "New York"
    is more often the city, so its own name decides nothing there."""
    gazetteer = Gazetteer.of(
        [
            Named(
                "nyc",
                "New York City",
                ("New York",),
                "Largest city of the United States, in the state of New York.",
                "place",
            ),
            Named("nys", "New York", (), "State of the United States; capital Albany.", "place"),
        ]
    )
    assert found(gazetteer, "Stocks fell in New York on Monday.") == []


def test_a_place_named_after_another_of_no_administrative_kind_stays_undecided():
    """A stadium named after its district: the gazetteer's own name is no guide there."""
    gazetteer = Gazetteer.of(
        [
            Named("district", "Wemby", (), "District of north-west Carlow.", "place"),
            Named("stadium", "Wemby Stadium", ("Wemby",), "Stadium in Wemby.", "place"),
        ]
    )
    assert found(gazetteer, "Fans paid 2,000 euros for a seat at Wemby.") == []


def test_a_region_named_after_its_town_is_the_town_the_dateline_named():
    gazetteer = Gazetteer.of(
        [
            Named("town", "Tolva", (), "Market town; capital of Tolva Province.", "place"),
            Named("province", "Tolva Province", ("Tolva",), "Province; capital Tolva.", "place"),
        ]
    )
    text = "TOLVA, May 3 (Newsroom) - Rain fell.\nBuses leave for Tolva every hour."
    assert found(gazetteer, text) == [("TOLVA", "town"), ("Tolva", "town")]


KINDS_OF_PLACE = Gazetteer.of(
    [
        Named("town", "Ostra", (), "Town on the lower Ostra River, famous for its salt.", "place"),
        Named("dept", "Ostra Department", ("Ostra",), "Department of the far west.", "place"),
        Named("river", "Ostra River", ("Ostra",), "River that drains the western plain.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The kind of place written with the name says which place it is.
        ("The solar park lies in the department of Ostra.", ["dept"]),
        ("The mayor of the town of Ostra resigned.", ["town"]),
        ("Floods rose along the Ostra river.", ["river"]),
        # A kind none of them is: another place of the name.
        ("She grew up in Ostra province, far from the coast.", []),
        # "The capital of" says nothing of what the place is: not the town, then (and the
        # three are named after one another, so nothing else says which).
        ("Fishers sailed to the capital of Ostra.", []),
        # A phrase set beside the name says its kind too, with words of its own.
        ("Exporters in Ostra, the salt town on the river, are worried.", ["town"]),
        ("Exporters in Ostra, a department of farms, are worried.", ["dept"]),
        # Not a kind that is no head of the phrase, nor one in a list or another's (the
        # town, then, as a bare name is).
        ("Exporters in Ostra, the department seat, are worried.", ["town"]),
        ("Money came from Ostra, the department and the state.", ["town"]),
        ("Exporters in Ostra, the department’s biggest employers, are worried.", ["town"]),
    ],
)
def test_the_kind_of_place_written_with_a_name_says_which_place(text, expected):
    assert [key for _, key in found(KINDS_OF_PLACE, text)] == expected


GIVEN_NAMES = Gazetteer.of(
    [
        Named(
            "lotta-v",
            "Lotta Virtanen",
            ("Lotta", "Virtanen"),
            "Finnish weaver; wife of the architect Paavo Virtanen.",
            "person",
        ),
        Named("lotta-b", "Lotta Berg", ("Lotta", "Berg"), "Swedish stage actress.", "person"),
        Named("paavo", "Paavo Virtanen", ("Virtanen",), "Finnish architect.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A given name alone is how the story tells apart the family it writes about: the
        # Lotta whose description ties her to the architect it named.
        (
            "Paavo Virtanen drew the villa. The actress Lotta Berg visited it in 1931. "
            "Lotta wrote that the guests stayed late.",
            "lotta-v",
        ),
        # With nobody of her family named, the name is read as before: the Lotta just
        # named in full.
        ("The actress Lotta Berg visited the villa. Lotta wrote that it was cold.", "lotta-b"),
    ],
)
def test_a_given_name_alone_is_the_one_of_the_family_the_story_names(text, expected):
    assert found(GIVEN_NAMES, text)[-1] == ("Lotta", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A building named with a person's possessive is a place, not the person.
        ("Tourists queued outside Theresa May’s Tower in the rain.", []),
        ("Ed Miliband’s Bridge opened to traffic.", []),
        # In lower case it is the person's own building.
        ("Ed Miliband’s bridge was his pet project.", ["ed"]),
    ],
)
def test_a_building_named_with_a_persons_possessive_is_no_mention(gazetteer, text, expected):
    assert [key for _, key in found(gazetteer, text)] == expected


# Invented entities for the rules drawn from the sixth held-out set's kinds of error.
TOWNS = Gazetteer.of(
    [
        Named("brenna", "Brenna", ("City of Brenna",), "Port city in the west of Keldor.", "place"),
        Named(
            "brenna-county",
            "County Brenna",
            ("Brenna",),
            "Largest county of Keldor, in the province of Ostmark; its main town is Brenna city.",
            "place",
        ),
        Named(
            "keldor",
            "Keldor",
            (),
            "Sovereign state on the island of Keldor; capital Vall.",
            "place",
        ),
        Named(
            "keldor-island",
            "Keldor",
            ("island of Keldor",),
            "Island in the North Sea, divided between the Republic of Keldor and Westmark.",
            "place",
        ),
        Named("marlow", "Marlow", (), "Market town on the River Tessel.", "place"),
        Named("ruth", "Ruth Marlow", ("Marlow",), "Physicist; sister of Hugh Marlow.", "person"),
        Named("hugh", "Hugh Marlow", ("Marlow",), "Ferryman; brother of Ruth Marlow.", "person"),
        Named(
            "ivo",
            "Ivo Darrow",
            ("Darrow",),
            "Prime minister from 1971 to 1980; killed in a plane crash in 1984.",
            "person",
        ),
        Named(
            "lea", "Lea Darrow", ("Darrow",), "Opposition leader; daughter of Ivo Darrow.", "person"
        ),
        Named(
            "arko",
            "Arko Tamm",
            ("Tamm", "Grand Warden"),
            "Hereditary ruler (Grand Warden) of the Tessel valley.",
            "person",
        ),
        Named("rahmat", "Rahmat Hidayat", ("Hidayat",), "Mayor of a coastal town.", "person"),
        Named("vogel", "Jonas Vogel", ("Vogel",), "Banker.", "person"),
        Named(
            "nordvik", "Nordvik Motors", ("Nordvik",), "Carmaker based in Brenna.", "organization"
        ),
        Named("tarma", "Tarma", (), "City in the central highlands of Peru.", "place"),
        Named(
            "pallas-software",
            "Pallas Systems",
            ("Pallas",),
            "Software company based in Vall, Keldor.",
            "organization",
        ),
        Named(
            "pallas-insurance",
            "Pallas Insurance",
            ("Pallas",),
            "Insurer based in Mexico City.",
            "organization",
        ),
        Named("sura", "Sura Devan", ("Devan",), "Cricket administrator.", "person"),
    ]
)


def keys_found(gazetteer, text):
    return [key for _, key in found(gazetteer, text)]


def test_a_soft_hyphen_inside_a_name_is_read_as_nothing():
    """A soft hyphen is where a line may break, invisible unless it does: the name is
    found without it, and the match covers the words as written."""
    text = "President Sura De\u00advan spoke, and De\u00advan left."
    assert found(TOWNS, text) == [("Sura De\u00advan", "sura"), ("De\u00advan", "sura")]


MARKED = Gazetteer.of(
    [
        Named("montreal", "Montréal", (), "City in Quebec, Canada.", "place"),
        Named("abeokuta", "Abeokuta", (), "Capital of Ogun State, Nigeria.", "place"),
        Named(
            "ogunleye",
            "Babátúndé Ògúnlẹ́yẹ̀",  # written with combining marks, as Yoruba is
            ("Ògúnlẹ́yẹ̀",),
            "Nigerian businessman and opposition politician.",
            "person",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An accent typed as a mark of its own after its letter, as some systems save
        # text: the name as if it were one letter, the match over every mark.
        ("Fares rose in Montre\u0301al on Monday.", [("Montre\u0301al", "montreal")]),
        # Yoruba tones over a dotted letter, which Unicode has no one letter for.
        ("The tribunal sat in Abẹ́òkúta on Friday.", [("Abẹ́òkúta", "abeokuta")]),
        # A gazetteer's name written with marks matches copy without them, and with.
        (
            "Babatunde Ogunleye lost. Ògúnlẹ́yẹ̀ appealed, and Ogunleye said so.",
            [
                ("Babatunde Ogunleye", "ogunleye"),
                ("Ògúnlẹ́yẹ̀", "ogunleye"),
                ("Ogunleye", "ogunleye"),
            ],
        ),
        # A mark at a name's end belongs to it ("Ogunleyè").
        ("Babatunde Ogunleye\u0300 said so.", [("Babatunde Ogunleye\u0300", "ogunleye")]),
    ],
)
def test_an_accent_written_as_a_mark_of_its_own_is_its_letters(text, expected):
    assert found(MARKED, text) == expected
    for surface, key in expected:
        assert key in MARKED.keys_named(surface)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dateline in the case of its name is a dateline: the city, not the county of
        # the name; and a bare name after it is the place the story was filed from.
        (
            "Brenna, Keldor, Oct 3 (Newsroom) — Dockers struck on the north side of Brenna.",
            ["brenna", "keldor", "brenna"],
        ),
        ("Brenna (Newsroom) — Dockers struck in Brenna.", ["brenna", "brenna"]),
    ],
)
def test_a_dateline_written_in_the_case_of_its_name_places_the_story(text, expected):
    assert keys_found(TOWNS, text) == expected


def test_a_name_in_the_case_of_its_name_opening_a_story_without_a_date_is_no_dateline():
    # "Brenna, Keldor, is" opens a sentence, not a story.
    assert not opens_dateline("Brenna, Keldor, is quiet.\nDockers struck.", 0, 6)
    assert opens_dateline("Brenna, Keldor, Oct 3 (Newsroom) - Dockers struck.", 0, 6)


def test_the_region_a_dateline_adds_is_the_state_not_the_island_of_the_name():
    text = "BRENNA, Keldor, Oct 3 (Newsroom) - Dockers struck."
    assert keys_found(TOWNS, text) == ["brenna", "keldor"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "her" refers to the name and only a person has a gender: not the town.
        (
            "MARLOW (Newsroom) - Ruth Marlow and Hugh Marlow grew up by the river.\n"
            "The College of Marlow, where Marlow took her degree, opens a new wing.",
            "ruth",
        ),
        # With someone named before it in its sentence, the pronoun may be theirs, and
        # the town is not left out for it.
        (
            "MARLOW (Newsroom) - Ruth Marlow and Hugh Marlow grew up by the river.\n"
            "Ann Frey said she had driven to Marlow on Sunday.",
            "marlow",
        ),
    ],
)
def test_a_gendered_pronoun_that_refers_to_a_name_leaves_out_its_places(text, expected):
    assert keys_found(TOWNS, text)[-1] == expected


def test_a_description_that_says_the_person_was_killed_or_died_gives_a_death():
    """The dead give no interviews, however the description words the death; a death in
    someone else's clause ("daughter of Ivo Darrow", "whose son was killed") is not it."""
    text = (
        "Ivo Darrow led the country for nine years, and Lea Darrow was born in his first.\n"
        "Darrow told reporters."
    )
    assert keys_found(TOWNS, text) == ["ivo", "lea", "lea"]
    other = Gazetteer.of(
        [
            Named("a", "Ada Rusk", ("Rusk",), "Activist whose son was killed in 2019.", "person"),
            Named("b", "Bo Rusk", ("Rusk",), "Farmer.", "person"),
        ]
    )
    assert keys_found(other, "Bo Rusk farmed. Ada Rusk spoke.\nRusk told reporters.")[-1] == "a"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title-like name after "the" and before a comma that sets the person's own name
        # beside it is the person, not a thing named after them.
        ("In the valley, the Grand Warden, Arko Tamm, called the chiefs.", ["arko", "arko"]),
        # Alone before a comma it still names a thing (a boat named after a person).
        ("Their boat, the Ruth Marlow, sank.", []),
    ],
)
def test_a_persons_name_after_the_with_their_own_name_beside_it_is_the_person(text, expected):
    assert keys_found(TOWNS, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They have waited since the time of Pak Hidayat.",
        "A letter came from Herr Vogel.",
        "Bu Hidayat? No: Pak Hidayat.",
        "The curator, U Hidayat, 74, set type.",
        "The poet Daw Hidayat spoke.",
    ],
)
def test_honorifics_of_other_languages_are_titles_not_longer_names(text):
    assert keys_found(TOWNS, text)[-1] in ("rahmat", "vogel")


def test_a_common_word_that_opens_a_sentence_is_no_name_the_story_uses():
    """Of two organisations of one name, the one whose description's names the story
    uses: "City" opening a sentence, in a story that writes "the city", is no "Mexico
    City", and the bare name is left out (the two were named together)."""
    text = (
        "City engineers blamed the heat for the outage in the city.\n"
        "Pallas Insurance and Pallas Systems both lost staff.\n"
        "After a week without power, Pallas said it would move."
    )
    assert keys_found(TOWNS, text) == ["pallas-insurance", "pallas-software"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised word and a particle before a name end a longer name not ours.
        ("She studied at the Escuela de Tarma for two years.", []),
        ("The Universidad del Tarma reopened.", []),
        # A particle alone is no part of a name not ours.
        ("The road runs from Lima to Tarma.", ["tarma"]),
    ],
)
def test_a_capitalised_word_and_a_particle_before_a_name_make_a_longer_name(text, expected):
    assert keys_found(TOWNS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Roman numeral after an organisation's name is a model.
        ("The first Nordvik II rolled off the line in 1979.", []),
        # "A" before an organisation's name that heads its noun phrase: a product or a
        # thing named after it, not the firm.
        ("He still drives a Nordvik he bought in 1990.", []),
        ("Outside the hall stands a bronze Nordvik, the firm's old emblem.", []),
        ("She swapped a Nordvik for a bicycle.", []),
        # A noun after the name: the firm is named ("a Nordvik spokesman").
        ("A Nordvik spokesman declined to comment.", ["nordvik"]),
        ("The fund will pay a year to Nordvik, which builds vans.", ["nordvik"]),
        # Another noun phrase opens between "a" and the name: the firm is named.
        ("It was a change the Nordvik board had made a condition.", ["nordvik"]),
        ("It was a reform the Nordvik had asked for.", ["nordvik"]),
    ],
)
def test_a_model_or_a_product_of_an_organisation_is_no_mention_of_it(text, expected):
    assert keys_found(TOWNS, text) == expected


def test_a_line_separator_inside_a_name_is_a_space():
    """A soft return (U+2028) some editors paste breaks the line inside a name: it is the
    name the reader sees, and the match covers the words as written."""
    text = "Crowds cheered Sura\u2028Devan on arrival."
    assert found(TOWNS, text) == [("Sura\u2028Devan", "sura")]


@pytest.mark.parametrize(
    "text",
    [
        "Chief Adviser Ivo Darrow ordered the army out.",
        "National Security Advisor Jonas Vogel resigned.",
        "State Counsellor Jonas Vogel flew home.",
    ],
)
def test_an_adviser_or_a_counsellor_is_a_title_not_a_longer_name(text):
    assert len(keys_found(TOWNS, text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Joined by a hyphen to a name a capitalised word continues: a longer name.
        ("Firms rushed to the Tarma-Lima Free Trade Zone.", []),
        # Joined to a word that a common noun follows: two names, ours found.
        ("Tarma-Lima trains ran late again.", ["tarma"]),
    ],
)
def test_a_name_joined_by_a_hyphen_to_a_longer_name_is_part_of_it(text, expected):
    assert keys_found(TOWNS, text) == expected


def test_a_pronoun_after_a_quotation_is_its_speaker_not_a_name_inside_it():
    """“…a court in Lusk…,” he joked: "he" is the speaker, so the town he names is not
    left out as if it were a man."""
    gazetteer = Gazetteer.of(
        [
            Named("lusk", "Lusk", (), "Market town on the River Tessel.", "place"),
            Named("abel", "Abel Lusk", ("Lusk",), "Lawyer for the fishing villages.", "person"),
        ]
    )
    text = (
        "Abel Lusk, the villages’ lawyer, spoke on the steps.\n"
        "“It took a court in Lusk to hear the villages,” he joked."
    )
    assert keys_found(gazetteer, text) == ["abel", "lusk"]


def test_a_pronoun_said_again_after_a_name_is_the_one_said_before_it():
    """ "She is no relation to Olaf Holt, although she says…his work": the second "she" is
    the first one's, and "his" gives Olaf Holt his gender; then "Holt said she" is Mira."""
    gazetteer = Gazetteer.of(
        [
            Named("mira", "Mira Holt", ("Holt",), "Mayor of a port city.", "person"),
            Named("olaf", "Olaf Holt", ("Holt",), "Former president of the federation.", "person"),
        ]
    )
    text = (
        "Mayor Mira Holt, who made the plan the heart of her campaign, spoke first.\n"
        + "The plan takes two years and closes the quays to traffic. " * 5
        + "\nShe is no relation to Olaf Holt, although she says she is often praised for "
        "his work.\nHolt said she had met the council."
    )
    assert keys_found(gazetteer, text) == ["mira", "olaf", "mira"]


HOLDINGS = Gazetteer.of(
    [
        Named(
            "orca-group",
            "Orca Group",
            ("Orca",),
            "Family-owned conglomerate, the largest retailer in the federation.",
            "organization",
        ),
        Named(
            "orca-retail",
            "Orca Retail",
            ("Orca",),
            "Listed retail arm of Keldor's Orca Group, running supermarkets in Keldor.",
            "organization",
        ),
        Named(
            "tern-bank",
            "Tern Bank",
            ("Tern",),
            "State-controlled commercial bank, one of the largest lenders in Keldor.",
            "organization",
        ),
        Named(
            "tern-club",
            "Tern Volleyball Club",
            ("Tern",),
            "Women's volleyball club based in Vall, owned by the bank of the same name.",
            "organization",
        ),
        Named("keldor", "Keldor", (), "Sovereign state; capital Vall.", "place"),
    ]
)


def test_organisations_of_one_name_the_one_the_story_has_named():
    """A firm, like a person, comes into a story by its longer name: "Orca" is the Orca
    Group the story named, not the listed arm whose description names Keldor."""
    text = (
        "Orca Group offered to buy a rival chain in Keldor on Monday.\n"
        "Orca said it had the backing of the founder’s younger daughter."
    )
    assert keys_found(HOLDINGS, text) == ["orca-group", "keldor", "orca-group"]


def test_words_set_beside_a_name_describe_it_before_the_rest_of_the_sentence():
    """ ", the state-controlled lender," says which Tern; "club" and "owned" later in the
    sentence are about the team."""
    text = (
        "Tern Volleyball Club beat its rivals 3-2 in Vall.\n"
        "The home club is owned by Tern, the state-controlled lender, which has funded the "
        "women's volleyball club in Vall for decades."
    )
    assert keys_found(HOLDINGS, text) == ["tern-club", "tern-bank"]


HARBOURS = Gazetteer.of(
    [
        Named(
            "marrow-city",
            "Marrow City",
            ("Marrow",),
            "Capital and largest port of Marrow, on the Orlan Strait.",
            "place",
        ),
        Named(
            "marrow-city-elsewhere",
            "Marrow City",
            (),
            "Town on the Veska coast of the Tamsin Peninsula, in Dunmore.",
            "place",
        ),
        Named(
            "marrow",
            "Marrow",
            ("Republic of Marrow",),
            "Island country; capital Marrow City.",
            "place",
        ),
        Named(
            "quill-ward",
            "Quill Ward",
            (),
            "Fishing district of Marrow City beside the old harbour.",
            "place",
        ),
        Named("vesk", "Vesk", (), "Capital of the Orlan Republic, on the Orlan Strait.", "place"),
        Named("kaleva", "Kaleva", (), "Northern country; capital Vesk.", "place"),
        Named(
            "ada-okoro",
            "Ada Okoro",
            ("Okoro",),
            "Ship's pilot and harbour master of Vesk.",
            "person",
        ),
        Named(
            "ben-okoro",
            "Ben Okoro",
            ("Okoro",),
            "Retired ferry captain from Marrow City.",
            "person",
        ),
    ]
)


def test_a_word_of_a_longer_name_the_story_uses_apart_tells_twins_apart():
    """A dateline names one of two cities of one name: the description of one names the
    country whose name is a word of its own ("largest port of Marrow"), and the story
    names that country on its own ("ferries in Marrow"); inside "Marrow City" the word
    said nothing. The bare "Marrow City" later is the dateline's city."""
    text = (
        "MARROW CITY, Nov 3 (Newsroom) — Ferries stopped on Tuesday.\n"
        "Ferries in Marrow carry most of the island's freight.\n"
        "The strike began in Marrow City last week."
    )
    assert found(HARBOURS, text) == [
        ("MARROW CITY", "marrow-city"),
        ("Marrow", "marrow"),
        ("Marrow City", "marrow-city"),
    ]


def test_a_name_of_one_word_is_no_cue_for_what_is_named_after_it():
    """Only a word of a longer name counts apart: a one-word name is that word itself."""
    text = "Twin cities called Marrow City exist. Nobody could say which one was meant."
    assert found(HARBOURS, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Okoro is a common name on the coast, and the two are not related.",
        "Okoro is among the most common family names in the port towns.",
        "Okoro was a popular surname among the ferry crews.",
    ],
)
def test_a_name_said_to_be_a_name_is_the_word(text):
    """Said to be a name, a surname is the word, not one of the people who bear it."""
    assert found(HARBOURS, text) == []


def test_what_a_drink_is_poured_from_before_a_name_makes_it_the_drink():
    """A place's wine and a club's beer are drinks; a wine house's bottles are its own."""
    drinks = Gazetteer.of(
        [
            Named("valpo", "Valpolicella", (), "Hilly area north of Verona, Italy.", "place"),
            Named("lech", "Lech Poznań", ("Lech",), "Polish football club.", "organization"),
            Named("brandao", "Brandão & Filhos", ("Brandão",), "Port wine house.", "organization"),
        ]
    )
    text = "Fans drank cans of Lech. “A glass of Valpolicella does not care,” one said."
    assert found(drinks, text) == []
    assert keys_found(drinks, "The shop moved its bottles of Brandão to the front.") == ["brandao"]
    assert keys_found(drinks, "Lech won. Fans of Lech sang.") == ["lech", "lech"]
    brewer = Gazetteer.of([Named("hk", "Heineken", (), "Dutch brewing company.", "organization")])
    assert keys_found(brewer, "Fans drank bottles of Heineken.") == ["hk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both Okoro still live by the harbour.", ["ada-okoro"]),
        # Both of two names is each of them.
        ("Both Okoro and Vesk signed.", ["ada-okoro", "ada-okoro", "vesk"]),
    ],
)
def test_both_and_a_surname_name_the_family(text, expected):
    assert keys_found(HARBOURS, "Ada Okoro steered the tanker in. " + text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Okoro is a Marrow clan name, and the two are not related.",
        "Okoro, he pointed out, is the commonest surname in the port.",
        "Okoro, a name given to a child born at sea, is common.",
        "The Okoro name, carried by both, is common on the coast.",
        "The Okoro brothers’ boat came in first.",
        "The two Okoro relatives were cheered.",
    ],
)
def test_a_surname_said_to_be_a_name_or_naming_a_family_is_no_mention_of_one_of_them(text):
    """After Ada Okoro's full name: a name of a clan, one given at birth, the name as a
    name, brothers in the possessive and relatives name no one person."""
    assert keys_found(HARBOURS, "Ada Okoro steered the tanker in. " + text) == ["ada-okoro"]


def test_a_name_said_to_be_a_name_only_when_the_sentence_says_so():
    """A name that does something is a person: "is a" and a name follow it only there."""
    text = "Ada Okoro steered the tanker in. Okoro is a pilot with thirty years at sea."
    assert keys_found(HARBOURS, text) == ["ada-okoro", "ada-okoro"]
    text = "Ada Okoro steered the tanker in. Okoro, a pilot of the name, docked it."
    assert keys_found(HARBOURS, text) == ["ada-okoro", "ada-okoro"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dockers held placards that read “VESK IS NOT FOR SALE” outside the hall.",
            [("VESK", "vesk")],
        ),
        (
            "A banner read “QUILL WARD SAYS NO” as the ferry docked.",
            [("QUILL WARD", "quill-ward")],
        ),
        ("One sign simply said “VESK = HOME”.", [("VESK", "vesk")]),
    ],
)
def test_a_sign_in_capitals_reads_its_names_in_any_case(text, expected):
    """A sign, a banner or a headline is written in capitals whatever its names: a name
    there is read in any case, as in a dateline, and the capitalised words beside it are
    no longer name."""
    assert found(HARBOURS, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The VESK office is closed.",
        "Ships bound for VESK were turned back.",
    ],
)
def test_capitals_alone_are_no_sign(text):
    """One word in capitals among words in lower case is no sign: case still counts."""
    assert found(HARBOURS, text) == []


def test_the_and_a_number_around_a_place_make_another_name():
    """ "The liberal Kaleva 300 party" is a party named with the country; "gave Kaleva 300
    doses" and "the Kaleva 2024 figures" (a year) are the country."""
    assert found(HARBOURS, "The liberal Kaleva 300 party lost its seats.") == []
    assert keys_found(HARBOURS, "The donors gave Kaleva 300 doses.") == ["kaleva"]
    assert keys_found(HARBOURS, "Officials compared the Kaleva 2024 figures.") == ["kaleva"]


@pytest.mark.parametrize(
    "text",
    [
        "In the capital the Vesk 101 tower swayed for a minute.",
        "Vesk 101 swayed for a minute.",
        "The city won the title under the banner Vesk 2024, and tourism rose.",
        "The next satellite, Kaleva-7, will be launched in May.",
        "Visitors queued for the Kaleva 2030 Games.",
    ],
)
def test_a_number_after_a_place_names_a_building_an_event_or_a_craft(text):
    """A tower, a year's festival or a satellite is named with the place: no mention."""
    assert found(HARBOURS, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The donors gave Kaleva 300 doses.",
        "Aid reached Kaleva 400 km to the north.",
        "Exports from Kaleva 2,000 tonnes a year fell.",
        "The Kaleva 2024 budget was cut.",
        "Kaleva 40 per cent of the vote went to the left.",
    ],
)
def test_a_number_that_counts_or_measures_after_a_place_leaves_it_the_place(text):
    assert keys_found(HARBOURS, text) == ["kaleva"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flights were cut. Air Kaleva said it had cancelled 40 of them.", []),
        ("Police Kaleva said 23 people were arrested.", []),
        # The word on its own, not an airline's or a force's name, leaves the country.
        ("Air in Kaleva is the cleanest in the north.", ["kaleva"]),
        ("Police in Kaleva said 23 people were arrested.", ["kaleva"]),
    ],
)
def test_an_airline_or_a_police_force_named_after_a_place_is_no_mention_of_it(text, expected):
    assert keys_found(HARBOURS, text) == expected


HOLDOUT9_RULES = Gazetteer.of(
    [
        Named(
            "ortiz",
            "Bruno Ortiz",
            ("Ortiz",),
            "Polish rowing coach, in charge of the national eight.",
            "person",
        ),
        Named("marlow", "Marlow", (), "Market town in Bedfordshire, England.", "place"),
        Named(
            "marlow-oh",
            "Marlow",
            ("Marlow, Ohio",),
            "Village in Wayne County, Ohio, United States.",
            "place",
        ),
        Named(
            "tessa",
            "Tessa, the Seed Exchange",
            ("Tessa",),
            "Farmers' cooperative that trades seed between growers.",
            "organization",
        ),
        Named("tessa-singer", "Tessa", ("Tessa Lind",), "Swedish pop singer.", "person"),
        Named(
            "varga-co",
            "Odon Varga",
            ("Varga",),
            "Hungarian brewing company based in Pécs.",
            "organization",
        ),
        Named(
            "varga-founder",
            "Odon Varga",
            ("Varga",),
            "Hungarian brewer (1850-1921) who founded the brewery that bears his name.",
            "person",
        ),
        Named(
            "rimas-petras",
            "Rimas Petras",
            ("Petras",),
            "Lithuanian judge of the regional court in Šiauliai.",
            "person",
        ),
        Named(
            "jonas-petras",
            "Jonas Petras",
            ("Petras",),
            "Lithuanian harbour master, former mayor of Neringa.",
            "person",
        ),
    ]
)


def test_a_nationality_with_a_people_ending_before_a_full_name():
    """ "The Polish Bruno Ortiz": a word for a people ("-ine", "-ish", "-ic" endings as
    well as "-an") that the person's description opens with describes the person; it is
    no part of a longer name, where another capitalised word is."""
    assert keys_found(HOLDOUT9_RULES, "Their coach, the Polish Bruno Ortiz, resigned.") == ["ortiz"]
    assert keys_found(HOLDOUT9_RULES, "Their coach, Radish Bruno Ortiz, resigned.") == []


def test_a_place_the_gazetteer_qualifies_by_its_region_is_not_the_bare_name():
    """Of two places of one name, the one the gazetteer also names "Marlow, Ohio" is told
    apart by its region: written without it, the name is the other one. The region after
    a comma still decides."""
    assert keys_found(HOLDOUT9_RULES, "The painting was sold at auction in Marlow.") == ["marlow"]
    assert keys_found(HOLDOUT9_RULES, "A bid came from Marlow, Ohio, by telephone.")[:1] == [
        "marlow-oh"
    ]


def test_a_name_written_out_in_another_case_is_that_entity():
    """ "Tessa, the seed exchange" is "Tessa, the Seed Exchange" with its descriptive
    words lower-cased: the cooperative, not the singer Tessa."""
    text = "The seed came through Tessa, the seed exchange, from a store in the hills."
    assert keys_found(HOLDOUT9_RULES, text) == ["tessa"]


def test_what_is_founded_is_no_person():
    """ "Varga, founded in 1870," is the brewery, not the brewer it is named after."""
    text = "Varga, founded in 1870 by a brewer from Vienna, sells beer across the region."
    assert keys_found(HOLDOUT9_RULES, text) == ["varga-co"]


def test_words_before_a_name_with_the_describe_it():
    """ "The former mayor Petras" is the one whose description says mayor, although the
    paragraph named the other Petras just before."""
    text = (
        "The case was heard by Rimas Petras, who is no relation. “It is over,” the judge "
        "Petras told reporters. The former mayor Petras left by a side door."
    )
    assert keys_found(HOLDOUT9_RULES, text) == ["rimas-petras", "rimas-petras", "jonas-petras"]


HOLDOUT9_PLACES = Gazetteer.of(
    [
        Named("kaleva", "Kaleva", (), "Island nation in the North Sea.", "place"),
        Named("harbour-fc", "Orla", ("Orla FC",), "Football club from Kaleva.", "organization"),
        Named("orla-bc", "Orla", ("Orla BC",), "Basketball club from Tarnby.", "organization"),
        Named("verno", "Verno", (), "Town in the hills of Kaleva, a market centre.", "place"),
        Named(
            "verno-province",
            "Verno Province",
            ("Verno",),
            "Province of Kaleva whose capital is the town of Verno.",
            "place",
        ),
    ]
)


def test_an_owner_with_own_before_the_name():
    """ "Kaleva’s own Orla" is the club whose description names Kaleva: "own" only
    stresses the owner."""
    text = "Orla BC lost at home. Kaleva’s own Orla sent a message."
    assert keys_found(HOLDOUT9_PLACES, text) == ["orla-bc", "kaleva", "harbour-fc"]


def test_a_kind_of_place_set_beside_the_name():
    """ "In Verno, the province," is the province, as "Verno province" would be."""
    assert keys_found(HOLDOUT9_PLACES, "In Verno, the province, mayors asked for more.") == [
        "verno-province"
    ]


HOLDOUT10_RULES = Gazetteer.of(
    [
        Named("morvel", "Morvel", (), "Capital and largest city of Dravonia.", "place"),
        Named(
            "morvel-oh",
            "Morvel",
            ("Morvel, Ohio",),
            "Town in southern Ohio, United States.",
            "place",
        ),
        Named("tarsa", "Tarsa", (), "Port city of Qeravia, centre of the date trade.", "place"),
        Named(
            "tarsa-governorate",
            "Tarsa Governorate",
            ("Tarsa",),
            "Governorate of southern Qeravia around the city of Tarsa.",
            "place",
        ),
        Named("velna-province", "Velna Province", ("Velna",), "Province of Qeravia.", "place"),
        Named("velna", "Velna", (), "Largest city of Qeravia, capital of Velna Province.", "place"),
        Named("ilse-dorn", "Ilse Dorn", ("Dorn",), "Qeravian sprinter.", "person"),
        Named("maren-dorn", "Maren Dorn", ("Dorn",), "Qeravian cyclist.", "person"),
    ]
)


def test_a_title_or_a_kind_of_place_alone_is_no_name_of_a_description():
    """ "State" in a longer name the story writes is not the "United States" of a
    namesake's description: the bare name stays the one without a region."""
    text = "Students of the Lindqvist State Conservatory sang the songs first heard in Morvel."
    assert keys_found(HOLDOUT10_RULES, text) == ["morvel"]


def test_near_a_name_is_the_town_not_the_region_named_after_it():
    """A farm "near Tarsa" is near the city; a governorate is a kind of region."""
    assert keys_found(HOLDOUT10_RULES, "He keeps goats on a farm near Tarsa.") == ["tarsa"]


def test_a_kind_of_place_in_the_plural_before_of():
    """ "The provinces of Velna and the coast" names the province, not its capital."""
    text = "Turnout was low in the provinces of Velna and the coast."
    assert keys_found(HOLDOUT10_RULES, text) == ["velna-province"]


KINDS_WRITTEN = Gazetteer.of(
    [
        Named("velna", "Velna", (), "City of Qeravia, capital of the Province of Velna.", "place"),
        Named(
            "province",
            "Province of Velna",
            ("Velna", "Velna Province"),
            "Province of Qeravia around the city of Velna.",
            "place",
        ),
        Named("club", "Velna FC", ("Velna",), "Football club from Velna.", "organization"),
        Named("dhofar", "Dhofar", ("Dhofar Governorate",), "Governorate of Oman.", "place"),
        Named("dhofar-club", "Dhofar Club", ("Dhofar",), "Club from Oman.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The kind written after the name is its own, whatever stands before.
        ("Velna FC lost in Velna.\nCutters left the towns of Velna province.", ["province"]),
        # A kind of place written with the name makes it a place, not a club of the name.
        ("Velna FC lost in Velna.\nCutters left Velna province.", ["province"]),
        # Mountains and valleys of a name are in the place, not of its kind.
        ("Blight killed trees in the mountains of Dhofar, the ministry said.", ["dhofar"]),
    ],
)
def test_the_kind_of_place_written_with_a_name(text, expected):
    assert keys_found(KINDS_WRITTEN, text)[-1:] == expected


def test_a_pair_of_one_name_is_no_one_of_them():
    """ "The Dorn pair" names both, not the Dorn the story has named."""
    text = "Ilse Dorn won the sprint. The Dorn pair trained together all winter."
    assert keys_found(HOLDOUT10_RULES, text) == ["ilse-dorn"]


def test_what_a_name_means_is_the_word():
    """ "Dorn means “thorn”" and "the Dorn name is common" are about the word."""
    for said in ("Dorn means “thorn” in the old tongue.", "The Dorn name is common here."):
        assert keys_found(HOLDOUT10_RULES, "Ilse Dorn won the sprint. " + said) == ["ilse-dorn"]


UNLISTED_GIVEN_NAMES = Gazetteer.of(
    [
        Named("tavi-oren", "Tavi Oren", ("Oren",), "Qeravian painter (died 1426).", "person"),
        Named(
            "jussa-oren", "Jussa Oren", ("Oren",), "Qeravian painter, younger brother.", "person"
        ),
        Named("pelle-marrow", "Pelle Marrow", ("Marrow",), "Qeravian fast bowler.", "person"),
        Named("pelle-vance", "Pelle Vance", ("Vance",), "Qeravian wicketkeeper.", "person"),
        Named("hope-dilan", "Hope Dilan", ("Dilan",), "Qeravian singer.", "person"),
        Named("sora", "Sora", (), "Port city of Qeravia.", "place"),
        Named("sora-keln", "Sora Keln", ("Keln",), "Qeravian judge.", "person"),
    ]
)


def test_a_given_name_alone_after_the_full_name_is_the_person():
    """Brothers of one surname are told apart by their given names; a person named in
    full is then called by the given name alone."""
    text = "Tavi Oren and Jussa Oren painted the panel. Tavi died in 1426, and Jussa said little."
    assert found(UNLISTED_GIVEN_NAMES, text) == [
        ("Tavi Oren", "tavi-oren"),
        ("Jussa Oren", "jussa-oren"),
        ("Tavi", "tavi-oren"),
        ("Jussa", "jussa-oren"),
    ]


def test_a_given_name_before_the_full_name_or_in_a_plural_is_left_out():
    text = "Tavi was a common name. Tavi Oren painted it. The Tavi brothers did not."
    assert found(UNLISTED_GIVEN_NAMES, text) == [("Tavi Oren", "tavi-oren")]


def test_a_given_name_two_people_in_the_story_share_is_left_out():
    text = "Pelle Marrow bowled and Pelle Vance kept wicket. Pelle said the pitch was slow."
    assert keys_found(UNLISTED_GIVEN_NAMES, text) == ["pelle-marrow", "pelle-vance"]


def test_a_given_name_also_in_a_name_not_ours_is_left_out():
    """ "Pelle Brandt" is someone the gazetteer does not know: "Pelle" alone may be him."""
    text = "Pelle Marrow took five wickets and Pelle Brandt two. Pelle was tired."
    assert keys_found(UNLISTED_GIVEN_NAMES, text) == ["pelle-marrow"]


def test_a_given_name_that_is_a_word_or_a_name_in_the_gazetteer_is_not_derived():
    """ "Hope" opens sentences as a word; "Sora" is a city the gazetteer knows."""
    text = "Hope Dilan sang. Hope remains. Sora Keln ruled. Sora is calm."
    assert found(UNLISTED_GIVEN_NAMES, text) == [
        ("Hope Dilan", "hope-dilan"),
        ("Sora Keln", "sora-keln"),
        ("Sora", "sora"),
    ]


HOLDOUT11_RULES = Gazetteer.of(
    [
        Named("qeravia", "Qeravia", (), "Country on the Morvel coast; capital Velna.", "place"),
        Named(
            "qeravia-team",
            "Qeravia national cricket team",
            ("Qeravia",),
            "Cricket team representing Qeravia.",
            "organization",
        ),
        Named(
            "court-qe",
            "Constitutional Court of Qeravia",
            ("Constitutional Court",),
            "Qeravia’s highest court on constitutional matters.",
            "organization",
        ),
        Named(
            "court-lu",
            "Constitutional Court of Lusvania",
            ("Constitutional Court",),
            "Lusvania's constitutional court, in Ardel.",
            "organization",
        ),
        Named("oska-river", "Oska", (), "River in western Qeravia.", "place"),
        Named("oska-town", "Oska", (), "Town in western Qeravia, on the Oska river.", "place"),
        Named("ivo-smid", "Ivo Smid", ("Smid",), "First president of Qeravia.", "person"),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "Qeravia beat Lusvania by 40 runs. Qeravia, who resumed on 96, were out for 187.",
        "Qeravia beat Lusvania by 40 runs. Qeravia’s captain batted for three hours.",
    ],
)
def test_a_country_with_a_captain_or_who_is_its_team(text):
    assert keys_found(HOLDOUT11_RULES, text)[-1] == "qeravia-team"


def test_a_country_with_its_government_is_still_the_country():
    text = "Qeravia’s government said the series would go ahead."
    assert keys_found(HOLDOUT11_RULES, text) == ["qeravia"]


def test_a_possessive_opening_a_description_is_a_name_the_story_may_use():
    """ "Qeravia’s highest court" ties the court to Qeravia, capital at the start or not."""
    text = "The trial in Velna, Qeravia, ended. The lawyers will go to the Constitutional Court."
    assert keys_found(HOLDOUT11_RULES, text)[-1] == "court-qe"


def test_what_a_name_means_after_which_is_the_word():
    text = "Ivo Smid opened the plant. Smid, which means smith, is a common surname."
    assert keys_found(HOLDOUT11_RULES, text) == ["ivo-smid"]


@pytest.mark.parametrize(
    "before", ["the left bank of the ", "the banks of the ", "the mouth of the "]
)
def test_a_river_has_banks_and_a_mouth(before):
    text = f"The plant sits on {before}Oska, in a flood zone."
    assert keys_found(HOLDOUT11_RULES, text) == ["oska-river"]


def test_a_bank_of_the_name_is_no_river():
    """ "The central bank of the Oska" is not a side of the river: nothing says which."""
    assert keys_found(HOLDOUT11_RULES, "The central bank of the Oska raised rates.") == []


UNINTRODUCED = Gazetteer.of(
    [
        Named("javon-crane", "Javon Crane", ("Crane",), "Qeravian opening batsman.", "person"),
        Named("ada-lusk", "Ada Lusk", ("Lusk", "Adalu"), "President of Qeravia.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname alone before the story has named the person is a word or someone else.
        ("Crane of the old kind nested by the pitch. Javon Crane made 90.", ["javon-crane"]),
        # Named in full first, the surname alone is theirs.
        ("Javon Crane made 90. Crane said the pitch was slow.", ["javon-crane"] * 2),
        # A title introduces them as well as the full name does, and so do what only a
        # person does and words set beside the name to say who it is.
        ("President Lusk flew home. Lusk said little.", ["ada-lusk"] * 2),
        ("Lusk said little.", ["ada-lusk"]),
        ("Crane, the opener, made 90.", ["javon-crane"]),
        # A nickname that is no word of the name is no surname: it stands alone.
        ("Adalu flew home.", ["ada-lusk"]),
    ],
)
def test_a_surname_alone_names_only_someone_the_story_introduced(text, expected):
    assert keys_found(UNINTRODUCED, text) == expected


def test_a_team_named_by_its_country_stays_the_team_in_the_next_paragraph():
    """Once "beat" gave the word to the team, the bare word in the same or the next
    paragraph is the team; two paragraphs on, the story may have moved on to the
    country (which "in" says here too)."""
    text = (
        "Lusvania beat Qeravia 2-1.\nThe win put Lusvania two ahead of Qeravia.\n"
        "Qeravia pulled one back late.\nFans flew home.\nQeravia is dry this year."
    )
    assert keys_found(HOLDOUT11_RULES, text) == ["qeravia-team"] * 3 + ["qeravia"]


@pytest.mark.parametrize(
    "text",
    [
        "He won his first cap for Qeravia in 2014.",
        "The former Qeravia striker watched from the stand.",
        "Qeravia captain Ivo Smid batted.",
    ],
)
def test_a_players_words_name_the_team(text):
    assert keys_found(HOLDOUT11_RULES, text)[0] == "qeravia-team"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capitalised word after a hyphen, then a word no noun phrase ends with: one
        # name we do not know, as "Guinea-Bissau" is.
        ("They drew with Qeravia-Ostra in Velna.", []),
        ("Fans of Qeravia-Ostra, the neighbours, sang.", []),
        # Before a noun, two names joined: "US-China talks".
        ("Qeravia-Ostra talks resumed.", ["qeravia"]),
        # But a verb of speech, or a line or a station named after both, makes one name.
        ("The local newspaper Qeravia-Kurier called it the end.", []),
        ("Fans took the train from Qeravia-Ostra station.", []),
    ],
)
def test_a_name_joined_by_a_hyphen_to_a_word_not_ours(text, expected):
    assert keys_found(HOLDOUT11_RULES, text) == expected


STATED_FAMILY = Gazetteer.of(
    [
        Named("oren-ivo", "Ivo Marsk", ("Marsk",), "President of Qeravia since 2003.", "person"),
        Named("oren-tor", "Tor Marsk", ("Marsk",), "President of Qeravia until 2003.", "person"),
        Named("lia-dunn", "Lia Dunn", ("Dunn",), "Qeravian winemaker.", "person"),
        Named("kai-dunn", "Kai Dunn", ("Dunn",), "Qeravian footballer.", "person"),
        Named("qeravia", "Qeravia", (), "Country on the Morvel coast.", "place"),
        Named(
            "qeravia-team",
            "Qeravia national football team",
            ("Qeravia",),
            "Football team representing Qeravia.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A tie the story states: "his father, Tor Marsk" makes Tor the elder.
        (
            "Ivo Marsk spoke. Marsk succeeded his father, Tor Marsk, in 2003. "
            "The elder Marsk built the port.",
            "oren-tor",
        ),
        (
            "Tor Marsk spoke. His son, Ivo Marsk, succeeded him. The younger Marsk built it.",
            "oren-ivo",
        ),
        # Ages the story gives.
        ("Lia Dunn, 52, and Kai Dunn, 24, arrived. The elder Dunn spoke first.", "lia-dunn"),
    ],
)
def test_the_elder_and_the_younger_by_what_the_story_says(text, expected):
    assert keys_found(STATED_FAMILY, text)[-1] == expected


def test_a_tie_or_ages_nobody_states_decide_nothing():
    text = "Ivo Marsk and Tor Marsk arrived. The elder Marsk spoke first."
    assert keys_found(STATED_FAMILY, text) == ["oren-ivo", "oren-tor"]


@pytest.mark.parametrize(
    "text",
    [
        "Qeravia qualified for the Cup of Nations on Thursday.",
        "When Lusvania play Qeravia, offices close early.",
        "When Qeravia play Lusvania, offices close early.",
    ],
)
def test_teams_qualify_and_play_one_another(text):
    assert keys_found(STATED_FAMILY, text) == ["qeravia-team"]


INSTITUTIONS = Gazetteer.of(
    [
        Named(
            "qe-congress",
            "Qeravian Congress",
            ("Congress", "the Supreme Assembly"),
            "Legislature of Qeravia, made up of the Senate and the Chamber.",
            "organization",
        ),
        Named("velna", "Velna", (), "Capital of Qeravia.", "place"),
        Named("ardel", "Ardel", (), "Capital of Lusvania.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A story from elsewhere means its own country's Congress.
        ("ARDEL, May 3 - Congress must approve the mine, the minister said.", ["ardel"]),
        # The story names the country, or a place whose description does.
        ("Congress in Qeravia must approve the mine.", ["qe-congress"]),
        ("VELNA, May 3 - Congress must approve the mine.", ["velna", "qe-congress"]),
        # Its own full name stands anywhere.
        ("ARDEL, May 3 - The Qeravian Congress will vote.", ["ardel", "qe-congress"]),
    ],
)
def test_a_generic_institution_is_the_one_of_the_country_the_story_names(text, expected):
    assert keys_found(INSTITUTIONS, text) == expected


HOLDOUT14_RULES = Gazetteer.of(
    [
        Named("ostra", "Ostra", (), "Coastal city of Qeravia and its main port.", "place"),
        Named(
            "ostra-county",
            "Ostra County",
            ("Ostra",),
            "County of Qeravia on the coast, covering the city of Ostra.",
            "place",
        ),
        Named("fc-ostra", "FC Ostra", ("Ostra",), "Football club based in Ostra.", "organization"),
        Named("luz-dary-vane", "Luz Dary Vane", ("Vane",), "Qeravian printer.", "person"),
        Named("tomas-vane", "Tomas Vane", ("Vane",), "Qeravian painter.", "person"),
        Named("pia-roux", "Pia Roux", ("Roux",), "Qeravian aviator.", "person"),
    ]
)


def test_a_county_is_a_region_though_its_description_names_a_city():
    """ "County of Qeravia …, covering the city of Ostra" is a region: a dateline names
    the city."""
    assert keys_found(HOLDOUT14_RULES, "OSTRA, Dec 4 (Newsroom) - The port reopened.") == ["ostra"]


@pytest.mark.parametrize(
    "text",
    [
        "The derby, which Ostra won 2-1, was held on Sunday.",
        "The result lifts Ostra to fourth in the league.",
        "Both came through the youth teams of Ostra.",
        "The club sits a point behind Ostra.",
    ],
)
def test_scores_tables_and_fans_name_the_club(text):
    assert keys_found(HOLDOUT14_RULES, text) == ["fc-ostra"]


def test_a_kind_of_place_written_is_the_place_after_the_club():
    text = "Ostra won 2-1.\nThe stadium, which the city of Ostra owns, will be rebuilt."
    assert keys_found(HOLDOUT14_RULES, text) == ["fc-ostra", "ostra"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname alone where no place or word could stand is the person.
        ("The paintings owe more to the history paintings of Vane.", ["tomas-vane"]),
        # At a sentence's start, after "in" or in a list, it is left out.
        ("Vane of the old school was gone.", []),
        ("She grew up in Vane.", []),
    ],
)
def test_a_surname_not_introduced_is_left_out_only_where_a_place_or_a_word_could_stand(
    text, expected
):
    single = Gazetteer.of([Named("tomas-vane", "Tomas Vane", ("Vane",), "Painter.", "person")])
    assert keys_found(single, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pia Roux flew. The crowd filled the Stade Marcel-Roux on Sunday.",  # hyphen before
        "Pia Roux flew. They landed at Roux airport in snow.",  # a place named after her
        "Pia Roux flew. Half the town is called Roux, she said.",  # the name as a name
        "Pia Roux flew. They sailed on the pilot tug Roux.",  # a vessel
        "Pia Roux flew. Their boat, the Roux, is moored here.",
        # A ship by its trade or its registry, and a horse by its coat.
        "Pia Roux flew. The bulk carrier Roux ran aground.",
        "Pia Roux flew. The yacht, named Roux, was sold.",
        "Pia Roux flew. A motor yacht, registered as the Roux, was seized.",
        "Pia Roux flew. The race was won by a grey called Roux.",
        # A monument or an event named after her.
        "Pia Roux flew. Protesters marched to the Roux monument on the hill.",
        "Pia Roux flew. It was the height of the Roux affair.",
    ],
)
def test_names_of_things_named_after_a_person_are_not_the_person(text):
    assert keys_found(HOLDOUT14_RULES, text) == ["pia-roux"]


def test_two_given_names_and_couples():
    text = (
        "Luz Dary Vane and Tomas Vane print tickets. Luz Dary told officers little.\n"
        "The Vane couple’s lawyer spoke. The Vane women stayed home."
    )
    assert found(HOLDOUT14_RULES, text) == [
        ("Luz Dary Vane", "luz-dary-vane"),
        ("Tomas Vane", "tomas-vane"),
        ("Luz Dary", "luz-dary-vane"),
    ]


def test_the_title_or_the_role_before_a_name_fits_one_description():
    siblings = Gazetteer.of(
        [
            Named("kat", "Kati Sabo", ("Sabo",), "Qeravian immunologist.", "person"),
            Named("pet", "Petr Sabo", ("Sabo",), "Qeravian banker and curator.", "person"),
        ]
    )
    text = "Kati Sabo and Petr Sabo set it up. Dr Sabo, 51, ran the lab."
    assert keys_found(siblings, text)[-1] == "kat"
    text = "Kati Sabo and Petr Sabo set it up. The draft said more, the curator Sabo said."
    assert keys_found(siblings, text)[-1] == "pet"
    # A word that fits neither decides nothing.
    text = "Kati Sabo and Petr Sabo set it up. The founder Sabo said so."
    assert keys_found(siblings, text) == ["kat", "pet"]


def test_offices_of_a_city_or_a_chamber_are_titles():
    offices = Gazetteer.of(
        [
            Named("velna", "Velna", (), "Capital of Qeravia.", "place"),
            Named("ostra-state", "Ostra", (), "State of Qeravia.", "place"),
            Named("dan-kos", "Dan Kos", ("Kos",), "Qeravian politician.", "person"),
        ]
    )
    text = "A jury convicted Velna Alderman Dan Kos on Tuesday."
    assert keys_found(offices, text) == ["velna", "dan-kos"]
    text = "The former Ostra House Speaker Dan Kos was sentenced."
    assert keys_found(offices, text) == ["ostra-state", "dan-kos"]
    # A chamber's own longer name is still refused: "Ostra House of Delegates".
    assert keys_found(offices, "The Ostra House of Delegates met.") == []


def test_a_win_by_a_score_names_the_club():
    assert keys_found(HOLDOUT14_RULES, "Two goals gave Ostra a 2-1 win on Sunday.") == ["fc-ostra"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Children from Ostra’s villages came to see it.", ["ostra-county"]),
        ("Aid is needed in Ostra and Velna counties.", ["ostra-county"]),
        ("Ostra was among the counties chosen for the pilot.", ["ostra-county"]),
        ("Ostra’s governor ordered traders to stop.", ["ostra-county"]),
        ("Governor Ana Pel said Ostra would pay for a second cable.", ["ostra-county"]),
        # A mayor in the sentence: the governor's words say nothing of which, and the
        # bare name is the city's own.
        ("Governor Ana Pel and the mayor said Ostra would pay.", ["ostra"]),
    ],
)
def test_what_a_region_has_names_the_region(text, expected):
    places = Gazetteer.of(
        [
            Named("ostra", "Ostra", (), "Coastal city of Qeravia and its main port.", "place"),
            Named(
                "ostra-county",
                "Ostra County",
                ("Ostra",),
                "County of Qeravia on the coast, covering the city of Ostra.",
                "place",
            ),
        ]
    )
    assert keys_found(places, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ostra are a game ahead of Velna with 12 matches left.", ["fc-ostra"]),
        # Not the subject: the councillors have asked, in the city whose own name it is.
        ("Councillors in Ostra have asked for a vote.", ["ostra"]),
        ("The win left Velna two ahead of Ostra, the champions.", ["fc-ostra"]),
        # "In" says a place, not the club: of the city and the county named after it, the
        # one whose own name it is.
        ("FC Ostra won.\n“In Ostra you do not close for good,” he said.", ["fc-ostra", "ostra"]),
    ],
)
def test_a_plural_verb_or_a_lead_names_the_club_and_in_names_the_place(text, expected):
    assert keys_found(HOLDOUT14_RULES, text) == expected


def test_only_a_firm_is_privately_held():
    firms = Gazetteer.of(
        [
            Named("harda", "Hardanger", (), "District of fjords in western Norway.", "place"),
            Named(
                "harda-firm",
                "Hardanger Havbruk",
                ("Hardanger",),
                "Norwegian fish farming company.",
                "organization",
            ),
        ]
    )
    text = "Shares fell, while privately held Hardanger said it had paused a plant."
    assert keys_found(firms, text) == ["harda-firm"]


def test_only_a_body_is_chaired_or_headed():
    firm = Named("firm", "Forjas Urrutia", ("Urrutia",), "Spanish forging company.", "organization")
    father = Named("father", "Iñaki Urrutia", ("Urrutia",), "Spanish industrialist.", "person")
    gazetteer = Gazetteer.of([firm, father])
    text = "Her father, 78, still chairs Urrutia and walks the forge floor most mornings."
    assert keys_found(gazetteer, text) == ["firm"]
    text = "The board, which Urrutia chairs, met on Monday."
    assert keys_found(gazetteer, text) != ["firm"]


def test_a_currency_code_before_an_amount_is_no_name():
    codes = Gazetteer.of(
        [Named("ghs", "Ghana Health Service", ("GHS",), "Ghana's health agency.", "organization")]
    )
    assert keys_found(codes, "The government released GHS 4 million for tanks.") == []
    assert keys_found(codes, "The GHS said it had ordered vaccines.") == ["ghs"]


def test_a_region_the_story_names_is_no_cue_for_a_district_that_lies_in_it():
    """The district's description says it lies "in Ostra Division": the story naming the
    division says nothing of the district, and the dateline's city stays the city."""
    places = Gazetteer.of(
        [
            Named("ostra", "Ostra", (), "Capital and largest city of Qeravia.", "place"),
            Named(
                "ostra-district",
                "Ostra District",
                ("Ostra",),
                "District of Qeravia in Ostra Division that contains the capital.",
                "place",
            ),
            Named("ostra-division", "Ostra Division", ("Ostra",), "Division of Qeravia.", "place"),
        ]
    )
    text = "OSTRA, Sept 3 (Newsroom) - Cases in Ostra rose.\nOstra Division has eight districts."
    assert keys_found(places, text) == ["ostra", "ostra", "ostra-division"]


def test_the_late_give_no_interviews_and_post_nominals_follow_a_name():
    family = Gazetteer.of(
        [
            Named("meg", "Meg Vance", ("Vance",), "Chief executive of a grocer.", "person"),
            Named("wal", "Wal Vance", ("Vance",), "Grocer who founded the chain.", "person"),
            Named("cat", "Cat Dorn", ("Dorn",), "Qeravian advocate.", "person"),
        ]
    )
    text = (
        "Its chief executive, Meg Vance, whose late father-in-law Wal Vance opened the "
        "first shop, spoke. “We think yes,” Vance told reporters. Cat Dorn KC, for the "
        "council, objected."
    )
    assert keys_found(family, text) == ["meg", "wal", "meg", "cat"]


def test_no_relation_to_a_person_named_after_is_not_that_person():
    """Nothing before says which Dunn; "no relation to Lia Dunn" says it is not Lia."""
    text = "Dunn, who is no relation to the winemaker Lia Dunn, scored twice on Sunday."
    assert keys_found(STATED_FAMILY, text) == ["kai-dunn", "lia-dunn"]


def test_a_day_or_a_month_before_a_name_is_no_name():
    single = Gazetteer.of([Named("petro", "Gus Petro", ("Petro",), "Politician.", "person")])
    text = "Gus Petro spoke. On Tuesday Petro wrote that the line was late."
    assert keys_found(single, text) == ["petro", "petro"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day of the week with a date's words around it is the day.
        ("The pipe was reported leaking on Wednesday.", []),
        ("Exams set for Wednesday moved online.", []),
        ("Crowds gathered on Wednesday night.", []),
        ("Fans have waited since Wednesday.", []),
        # The club that bears it is named by its whole name, or plays.
        ("Sheffield Wednesday lost on Wednesday.", ["club"]),
        ("Wednesday beat United 2-1.", ["club"]),
        ("United lost to Wednesday.", ["club"]),
    ],
)
def test_a_day_with_a_dates_words_around_it_is_the_day(text, expected):
    club = Gazetteer.of(
        [
            Named(
                "club",
                "Sheffield Wednesday",
                ("Wednesday",),
                "Football club in Sheffield, England.",
                "organization",
            )
        ]
    )
    assert keys_found(club, text) == expected


def test_a_senate_is_the_one_of_the_country_the_story_names():
    senates = Gazetteer.of(
        [
            Named(
                "sq", "Senate of Qeravia", ("Senate",), "Upper house of Qeravia.", "organization"
            ),
            Named(
                "sl", "Senate of Lusvania", ("Senate",), "Upper house of Lusvania.", "organization"
            ),
        ]
    )
    text = "Qeravia’s lawmakers argued. Senators said in the Senate that they would vote no."
    assert keys_found(senates, text) == ["sq"]


def test_the_late_is_the_one_whose_description_gives_a_death():
    twins = Gazetteer.of(
        [
            Named("sr", "Tor Marsk", ("Marsk",), "President of Qeravia (1917–1989).", "person"),
            Named("jr", "Tor Marsk", ("Marsk",), "President of Qeravia since 2022.", "person"),
        ]
    )
    assert keys_found(twins, "He is the son of the late Tor Marsk.") == ["sr"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of a name opening a sentence with a determiner after it is the word.
        ("Speaker Ada Among cut the debate short. Among the few who voted no was Dan.", ["ada"]),
        # The name does not take one: "Among said" is hers.
        ("Speaker Ada Among cut the debate short. Among said the vote stood.", ["ada", "ada"]),
        # A number of people of one name, not a number of things of a place's name.
        ("Ada Among spoke. The two Among are on the same side.", ["ada"]),
        ("The two Ostra clubs met.", ["ostra"]),
        # An era after a century or a year is no "BC" of ours.
        ("He taught in Ostra in the first century BC, and died in 35 BC.", ["ostra"]),
    ],
)
def test_words_of_names_that_are_words(text, expected):
    words = Gazetteer.of(
        [
            Named("ada", "Ada Among", ("Among",), "Speaker of the Qeravian parliament.", "person"),
            Named("ostra", "Ostra", (), "City of Qeravia.", "place"),
            Named("bc", "British Columbia", ("BC",), "Province of Canada.", "place"),
        ]
    )
    assert keys_found(words, text) == expected


def test_a_spouse_named_by_the_others_tie_and_a_family_in_the_plural():
    people = Gazetteer.of(
        [
            Named("rob", "Rob Marsk", ("Marsk",), "President of Qeravia.", "person"),
            Named("sal", "Sal Marsk", ("Marsk",), "First wife of Rob Marsk.", "person"),
            Named("mia", "Mia Vog", ("Vog",), "Qeravian tax lawyer.", "person"),
            Named("berti", "Berti Vogs", ("Vogs",), "Qeravian football coach.", "person"),
        ]
    )
    text = "Rob Marsk and Sal Marsk came. The ward was named after the first wife of Marsk."
    assert keys_found(people, text)[-1] == "rob"
    text = "Mia Vog and her husband sat on the board. The Vogs said they left the room."
    assert keys_found(people, text) == ["mia"]


def test_a_metropolitan_city_is_a_region_so_a_dateline_names_the_city():
    places = Gazetteer.of(
        [
            Named("turin", "Turin", (), "City in north-west Italy.", "place"),
            Named(
                "metro-turin",
                "Metropolitan City of Turin",
                ("Turin",),
                "Metropolitan city of Piedmont, Italy.",
                "place",
            ),
        ]
    )
    assert keys_found(places, "TURIN, Italy, Dec 8 (Newsroom) - Rain fell.") == ["turin"]


def test_a_metropolitan_city_in_a_country_is_a_city():
    """ "Metropolitan city in south-western Korea" is a city ("Metropolitan city of Turin"
    is a region): a dateline of its name is no more the smaller city's than its own, and
    nothing here says which."""
    places = Gazetteer.of(
        [
            Named("metro", "Gwangsan", (), "Metropolitan city in south-western Veland.", "place"),
            Named("town", "Gwangsan", ("Gwangsan-si",), "Town in eastern Veland.", "place"),
        ]
    )
    text = "GWANGSAN, Oct 5 (Newsroom) - Rain fell.\nThe mayor of Gwangsan spoke."
    assert keys_found(places, text) == []


def test_clubs_of_one_name_in_two_sports_are_told_apart_by_the_story_s_sport():
    clubs = Gazetteer.of(
        [
            Named("fk", "FK Ostra", ("Ostra",), "Qeravian football club.", "organization"),
            Named("kk", "KK Ostra", ("Ostra",), "Qeravian basketball club.", "organization"),
        ]
    )
    text = (
        "Ostra equalised early in the second half, and their goalkeeper kept the pitch "
        "clear of flares."
    )
    assert keys_found(clubs, text) == ["fk"]
    text = "Ostra took 14 rebounds more and won with a three-pointer."
    assert keys_found(clubs, text) == ["kk"]
    # A story of neither sport says nothing.
    assert keys_found(clubs, "Ostra said its accounts were in order.") == []


def test_a_story_s_sport_is_read_from_its_sport_s_name_and_the_names_it_uses():
    clubs = [
        Named("fk", "FK Ostra", ("Ostra",), "Qeravian football club.", "organization"),
        Named("kk", "KK Ostra", ("Ostra",), "Qeravian basketball club.", "organization"),
    ]
    league = Named("el", "Velan League", (), "Top basketball league of Velania.", "organization")
    player = Named("ana", "Ana Brel", (), "Qeravian basketball player.", "person")
    gazetteer = Gazetteer.of([*clubs, league, player])
    # The sport's own word, twice, away from the name.
    text = (
        "Ostra won the derby on Sunday.\nFans said it was the best basketball they had "
        "seen, and basketball is the city's game."
    )
    assert keys_found(gazetteer, text) == ["kk"]
    # Neither word of the sport: the league and the player the story names say it.
    text = (
        "Ostra beat Lira 84-79. Ana Brel scored 31 points and took 12 rebounds.\n"
        "The Velan League final is next."
    )
    assert keys_found(gazetteer, text) == ["kk", "ana", "el"]
    # A sport whose reports have no words of their own but its name.
    hand = Named("hk", "HK Ostra", ("Ostra",), "Qeravian handball club.", "organization")
    gazetteer = Gazetteer.of([clubs[0], hand])
    text = (
        "Ostra won again.\nThe city has loved handball since the handball hall opened, and "
        "handball sells out."
    )
    assert keys_found(gazetteer, text) == ["hk"]
    # Not in a paragraph that names a club of the other sport.
    fans = Named("fk-lira", "FK Lira", (), "Qeravian football club.", "organization")
    gazetteer = Gazetteer.of([*clubs, league, player, fans])
    text = (
        "Lira beat Mavo 84-79. Ana Brel took 12 rebounds.\nThe Velan League final is next."
        "\nFans in FK Lira scarves threw flares at a bus of Ostra fans."
    )
    assert keys_found(gazetteer, text) == ["ana", "el", "fk-lira"]
    text = text.replace("in FK Lira scarves ", "")
    assert keys_found(gazetteer, text) == ["ana", "el", "kk"]
    gazetteer = Gazetteer.of([*clubs, league, player])
    # Said once, the sport decides nothing: a club's accounts are no game.
    text = "Ostra said its accounts were in order. Ana Brel was not paid in May."
    assert keys_found(gazetteer, text) == ["ana"]
    # And a name that is also a place's is not read by the sport alone.
    place = Named("ostra", "Ostra", (), "City in Qeravia.", "place")
    gazetteer = Gazetteer.of([*clubs, league, player, place])
    text = "Ostra beat Lira 84-79. Ana Brel scored 31 points.\nThe Velan League final is next."
    assert "fk" not in keys_found(gazetteer, text)


def test_a_name_joined_by_and_to_a_person_is_a_person():
    people = Gazetteer.of(
        [
            Named("tim", "Tim Houston", ("Houston",), "Premier of Nova Scotia.", "person"),
            Named("hou", "Houston", (), "Most populous city of Texas.", "place"),
            Named("andy", "Andy Fill", ("Fill",), "Mayor of Halifax.", "person"),
        ]
    )
    text = (
        "Premier Tim Houston flew in. Andy Fill spoke.\n"
        "Houston and Fill were due to tour the worst-hit areas."
    )
    assert keys_found(people, text) == ["tim", "andy", "tim", "andy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first paragraph keeps to the team as the second does.
        (
            "Lusvania beat Qeravia 2-1. Qeravia pulled one back.\nFans flew home.",
            ["qeravia-team"] * 2,
        ),
        # A country faces sanctions and hosts talks; its side of a border is its own.
        ("Qeravia faces EU sanctions over the dam.", ["qeravia"]),
        ("Qeravia hosts peace talks next week.", ["qeravia"]),
        ("Villages on Qeravia’s side of the border were shelled.", ["qeravia"]),
    ],
)
def test_team_cues_are_not_read_in_political_copy(text, expected):
    assert keys_found(HOLDOUT11_RULES, text) == expected


_MATCH_REPORT = (
    "Lusvania beat Qeravia by an innings at the weekend.\nThe pitch cracked.\nFans sang.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A match report keeps to the team paragraphs after the team took the word.
        (_MATCH_REPORT + "Qeravia will hope the wicket turns.", "qeravia-team"),
        # Not where it is a place, nor where it hosts a tournament.
        (_MATCH_REPORT + "Fans flew home to Qeravia.", "qeravia"),
        (_MATCH_REPORT + "It was the cup that Qeravia hosted in 2019.", "qeravia"),
    ],
)
def test_a_match_report_keeps_to_the_team_from_its_start(text, expected):
    assert keys_found(HOLDOUT11_RULES, text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Late" with no "the" or "his" is no death.
        ("Talks ran late into the night, Meg Vance said. “We agreed,” Vance said.", ["meg", "meg"]),
        # Three capitals before a number that are no currency.
        ("The WHO 2023 report was cited, and the WHO said so.", ["who", "who"]),
        # A vessel needs "the" after a comma: a clause may end there.
        ("Officials seized the boat, Vance said.", []),
        # An office in a chamber with a word between: "Senate Majority Leader".
        ("Texas Senate Majority Leader Meg Vance spoke.", ["texas", "meg"]),
        # Prefixes joined to a name: "Anti-Vance protesters", "Pro-Texas groups".
        (
            "Meg Vance spoke. Anti-Vance protesters and Pro-Texas groups gathered.",
            ["meg", "meg", "texas"],
        ),
        # Women and parents after a place are its own.
        ("Texas women won gold and Texas parents cheered.", ["texas", "texas"]),
    ],
)
def test_ordinary_news_wording_is_read_as_before(text, expected):
    people = Gazetteer.of(
        [
            Named("meg", "Meg Vance", ("Vance",), "Chief executive of a grocer.", "person"),
            Named("wal", "Wal Vance", ("Vance",), "Grocer who founded the chain.", "person"),
            Named(
                "who", "World Health Organization", ("WHO",), "UN health agency.", "organization"
            ),
            Named("texas", "Texas", (), "State of the United States.", "place"),
        ]
    )
    assert keys_found(people, text) == expected


@pytest.mark.parametrize(
    "text", ["They came back to draw 2-2 with Ostra.", "They lost 3-1 to Ostra on Sunday."]
)
def test_a_score_between_the_verb_and_the_club_names_the_club(text):
    assert keys_found(HOLDOUT14_RULES, text) == ["fc-ostra"]


def test_a_preposition_after_a_ends_the_phrase_so_the_club_is_no_product():
    """ "A derby between Rapid Vienna and …": "a" opens "a derby", not "a Rapid Vienna"."""
    clubs = Gazetteer.of(
        [Named("rapid", "SK Rapid", ("Rapid Ostra",), "Football club of Ostra.", "organization")]
    )
    assert keys_found(clubs, "Fans clashed after a derby between Rapid Ostra and Lusvania.") == [
        "rapid"
    ]


# Sentences the rules above must leave as they read them: each is a near miss of one of
# them (a verb "called", a longer name after an organisation's, another club's name
# after an acronym, a place that is no subject, a noun about the place, "u" in a text).
NEAR_MISSES = Gazetteer.of(
    [
        Named("ruto", "William Ruto", ("Ruto",), "President of Kenya.", "person"),
        Named("pl", "Premier League", (), "English football league.", "organization"),
        Named("boc", "Bank of Canada", (), "Central bank of Canada.", "organization"),
        Named("cska", "CSKA Moscow", ("CSKA",), "Russian football club.", "organization"),
        Named(
            "abc", "Australian Broadcasting Corporation", ("ABC",), "Broadcaster.", "organization"
        ),
        Named("santos-fc", "Santos FC", ("Santos",), "Football club in Brazil.", "organization"),
        Named("santos", "Santos", (), "Port city in Brazil.", "place"),
        Named("kerala", "Kerala", (), "State of southern India.", "place"),
        Named("cluj", "Cluj-Napoca", ("Cluj",), "City in Romania.", "place"),
        Named("boston", "Boston", (), "City in Massachusetts.", "place"),
        Named("dt", "Donald Trump", ("Trump",), "US president.", "person"),
        Named("to", "The Trump Organization", ("Trump",), "Donald Trump's firm.", "organization"),
        Named("mu", "Mauritius", (), "Island country in the Indian Ocean.", "place"),
        Named("mombasa", "Mombasa", (), "Port city in Kenya.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday the president called Ruto to congratulate him.", ["ruto"]),
        ("Last week the party named Ruto as its candidate.", ["ruto"]),
        ("A man named Ruto was arrested.", []),
        ("Celtic won the Scottish Premier League again.", []),
        ("Shares of Royal Bank of Canada fell 2% on Tuesday.", []),
        ("Levski lost to CSKA Sofia on Sunday.", []),
        ("He told ABC News in New York.", []),
        ("Families in Santos lost their homes in the floods.", ["santos"]),
        ("Schools across Santos need their roofs repaired.", ["santos"]),
        ("The Kerala virus outbreak spread.", ["kerala"]),
        ("Kerala pine plantations grew, and fans in Kerala pine for rain.", ["kerala", "kerala"]),
        ("Fans of U Cluj marched.", []),
        ("He studied physics at Boston U last year.", []),
        ("Donald Trump spoke. Outside, the Trump supporters chanted.", ["dt", "dt"]),
        ("He flew from Port Louis of Mauritius.", ["mu"]),
        ("They rode the Mombasa-Nairobi railway.", ["mombasa"]),
    ],
)
def test_near_misses_of_the_context_rules_read_as_before(text, expected):
    assert keys_found(NEAR_MISSES, text) == expected


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        # A full name in the quotation says which; "u" in a text message is no title.
        ("“Dana Carver wrote it. Carver is a genius,” the producer said.", ["dana", "dana"]),
        ("A card read “Love u Carver”.", []),
    ],
)
def test_a_quoted_surname_after_its_full_name_in_the_quotation(quoted, expected):
    assert keys_found(CARVERS, CARVERS_NAMED + quoted)[2:] == expected


@pytest.mark.parametrize(
    ("gazetteer", "text", "expected"),
    [
        # No drink: a case or a shot of a place is not poured.
        (HARBOURS, "In the case of Kaleva, the lenders moved quickly.", ["kaleva"]),
        (HARBOURS, "Television showed aerial shots of Vesk in ruins.", ["vesk"]),
        # A number that counts, a range or a year before a noun leaves the place.
        (HARBOURS, "In Kaleva 300 children were treated.", ["kaleva"]),
        (HARBOURS, "Donors pledged Kaleva 500 million dollars.", ["kaleva"]),
        (HARBOURS, "Parliament passed the Kaleva 2024-25 budget.", ["kaleva"]),
        (HARBOURS, "Kaleva 2024 election results surprised the region.", ["kaleva"]),
        (HARBOURS, "Vesk 101 is the tallest tower in the north.", []),
        # A big name is fame, not a name as a word.
        (
            HARBOURS,
            "Ada Okoro steered the tanker in. Okoro, a household name on the coast, waved.",
            ["ada-okoro", "ada-okoro"],
        ),
        (
            HARBOURS,
            "Ada Okoro steered the tanker in. Okoro is the biggest name in shipping.",
            ["ada-okoro", "ada-okoro"],
        ),
        # Both of two names, or both of a place's and another's.
        (HARBOURS, "Both Kaleva’s and Vesk’s delegations arrived.", ["kaleva", "vesk"]),
        (HARBOURS, "Both Kaleva as well as Vesk signed.", ["kaleva", "vesk"]),
        # Federal words after a governor, not right before the name: the state.
        (
            WASHINGTONS,
            "Governor Elena Marsh said federal cuts would cost Washington $4 billion.",
            ["marsh", "wa"],
        ),
        (
            WASHINGTONS,
            "Governor Elena Marsh asked Congress to reimburse Washington for the fires.",
            ["marsh", "wa"],
        ),
        # A team's road, and "the best team in town", are the club's.
        (
            CLUBS_OF_CITIES,
            "Hamburger SV won. Hamburg’s road to the title is narrowing.",
            ["hsv", "hsv"],
        ),
        (CLUBS_OF_CITIES, "Hamburger SV won. Hamburg is the best team in town.", ["hsv", "hsv"]),
    ],
)
def test_near_misses_of_the_number_name_drink_civic_and_federal_rules(gazetteer, text, expected):
    """Sentences a review found these rules read wrong before they were narrowed."""
    assert keys_found(gazetteer, text) == expected


LISTED = Gazetteer.of(
    [
        Named("dunmore", "Dunmore", (), "City on the east coast of Keldor.", "place"),
        Named(
            "dunmore-fc", "Dunmore FC", ("Dunmore",), "Football club from Dunmore.", "organization"
        ),
        Named("orla", "Orla Rovers", (), "Football club from Orla.", "organization"),
        Named("brenn", "Brenn United", (), "Football club from Brenn.", "organization"),
        Named("niva-river", "Niva", (), "River of West Africa, flowing to the sea.", "place"),
        Named("niva", "Republic of Niva", ("Niva",), "Landlocked country in West Africa.", "place"),
        Named("tamar", "Tamar", (), "Country in West Africa.", "place"),
        Named("oslin", "Oslin", (), "Country in West Africa.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name listed with clubs is a club; with countries, a country.
        (
            "The title race is between Orla Rovers, Brenn United and Dunmore.",
            ["orla", "brenn", "dunmore-fc"],
        ),
        ("Orla Rovers and Dunmore both lost.", ["orla", "dunmore-fc"]),
        ("Leaders of Tamar, Niva and Oslin signed the customs pact.", ["tamar", "niva", "oslin"]),
        ("Oslin or Niva may host the summit.", ["oslin", "niva"]),
        # Near misses: a comma alone sets a region after a place, not a list; a list of
        # names none of which is known tells nothing (and a bare name with no "the" is
        # no river's).
        ("Boats moored at Dunmore, Orla Rovers said.", ["dunmore", "orla"]),
        ("Barges carry grain down the Niva to the sea.", ["niva-river"]),
        ("Dunmore and Niva were hit by the storm.", ["dunmore", "niva"]),
    ],
)
def test_a_name_listed_with_names_of_one_sort_is_of_that_sort(text, expected):
    assert keys_found(LISTED, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative set before a name is a person, whatever place bears the name.
        ("Her daughter, Kaleva, 19, said the family would stay.", []),
        ("His grandson, Vesk, has never met him.", []),
        ("She moved her granddaughter Kaleva to her son's flat.", []),
        # A thing said to be called so.
        ("His son runs a bakery in Montreal called Kaleva.", []),
        ("They had lunch at a pizzeria near the harbour called Vesk.", []),
        # Near misses: a person of ours after a relative; a place that is what the noun
        # says; "called" as a verb after its subject.
        ("Her daughter, Ada Okoro, said the port would reopen.", ["ada-okoro"]),
        ("They sailed to a small country called Kaleva.", ["kaleva"]),
        ("The line reached a creek the settlers called Kaleva.", ["kaleva"]),
    ],
)
def test_a_relative_or_a_thing_called_by_a_place_name_is_no_place(text, expected):
    assert keys_found(HARBOURS, text) == expected


HURLING = Gazetteer.of(
    [
        Named("kilbrook", "Kilbrook", (), "City in the south-east of Ireland.", "place"),
        Named(
            "kilbrook-gaa",
            "Kilbrook GAA",
            ("Kilbrook",),
            "Gaelic games teams of County Kilbrook, best known for hurling.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("gazetteer", "text", "expected"),
    [
        # A team travels in the plural.
        (CLUBS_OF_CITIES, "Hamburg travel to Rennes next week.", ["hsv", "rennes"]),
        # A season opens against a team, and hurlers play hurling.
        (
            CLUBS_OF_CITIES,
            "Nantes open their season against Rennes, with kick-off at noon.",
            ["stade"],
        ),
        (
            HURLING,
            "The county’s hurlers trained at dawn before the league match against Kilbrook.",
            ["kilbrook-gaa"],
        ),
        # Near misses: a travel agent; a case against a city's council.
        (CLUBS_OF_CITIES, "Hamburg travel agents reported record bookings.", ["hamburg"]),
        (HURLING, "Lawyers prepared the case against Kilbrook council in court.", ["kilbrook"]),
    ],
)
def test_teams_travel_open_seasons_and_play_hurling(gazetteer, text, expected):
    assert keys_found(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where a game is played, a score after "lose", a meeting or a trophy won, and
        # players who play for a team.
        ("Fans watched Rennes lose 2-0 away to Hamburg on Sunday.", ["stade", "hsv"]),
        ("The Falcons open their season at home against Rennes.", ["stade"]),
        ("Rennes won the last meeting 2-1.", ["stade"]),
        ("Hamburg had led 18-10 at half-time.", ["hsv"]),
        ("Diakité's side host Hamburg next Saturday.", ["hsv"]),
        # A fixture to come in a match report.
        (
            "Rennes won the derby 2-1 with a late penalty. The final is on June 22, with"
            " Hamburg to face the winners of the other semi-final.",
            ["stade", "hsv"],
        ),
        (
            "Families in Hamburg face higher rents. Hamburg to face a housing shortage.",
            ["hamburg", "hamburg"],
        ),
        # Near miss: a city's side of a river.
        ("The east side of Hamburg flooded.", ["hamburg"]),
        ("It is a city where Atlanta won the Super Bowl once.", ["falcons"]),
        ("Two of the academy’s boys now play for Hamburg.", ["hsv"]),
        # Near misses: a city wins a bid or a vote and is away from home for nobody; a
        # ticket to play for in a lottery.
        ("Hamburg won the bid to host the fair.", ["hamburg"]),
        ("Rennes won the vote on the tram by 2 seats.", ["rennes"]),
        ("Workers who moved away to Hamburg sent money home.", ["hamburg"]),
        ("Children play in Bahia’s streets.", ["bahia"]),
    ],
)
def test_teams_play_away_lose_by_a_score_and_win_cups(text, expected):
    assert keys_found(CLUBS_OF_CITIES, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A city's office after its name is the city's, not the club's.
        ("Hamburg mayor Peter Tschentscher, a lifelong fan of the club, watched.", ["hamburg"]),
        ("Hamburg city council voted to sell the club its ground.", ["hamburg"]),
        # A party's member from a place names the place: no longer name.
        ("The speaker, an Atlanta Democrat, said the House would return.", ["atlanta"]),
        ("Fans at Atlanta Green cheered.", []),
    ],
)
def test_a_citys_office_and_a_party_member_from_it_name_the_city(text, expected):
    assert keys_found(CLUBS_OF_CITIES, text) == expected


RIVERS_AND_REGIONS = Gazetteer.of(
    [
        Named("meuse", "Meuse", (), "River flowing through France and Belgium.", "place"),
        Named("meuse-dep", "Meuse", (), "Department of north-eastern France.", "place"),
        Named("kafue", "Kafue River", ("Kafue",), "River of central Zambia.", "place"),
        Named("kafue-town", "Kafue", (), "Town in Lusaka Province, Zambia.", "place"),
        Named("gambia", "Gambia", ("The Gambia",), "Country in West Africa.", "place"),
        Named("gambia-river", "Gambia River", ("Gambia",), "River of West Africa.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The" and a bare name that ends its phrase: the river.
        ("Police closed the bridges over the Meuse near the ground.", ["meuse"]),
        ("Camps along the Kafue, which flooded, were vaccinated.", ["kafue"]),
        # Near misses: a word after the name, a country, no "the".
        ("The Meuse department said eleven people were held.", ["meuse-dep"]),
        ("Traders in the Gambia said prices rose.", ["gambia"]),
        ("Workers in Kafue said the mill had shut.", ["kafue-town"]),
    ],
)
def test_the_and_a_bare_name_that_ends_its_phrase_is_the_river(text, expected):
    assert keys_found(RIVERS_AND_REGIONS, text) == expected


TOWNS_ON_RIVERS = Gazetteer.of(
    [
        Named("anne", "Sainte Anne", (), "Port city of Veland on the Bay of Lorn.", "place"),
        Named(
            "anne-river",
            "Sainte Anne River",
            ("Sainte Anne",),
            "River of Veland that rises near Ronde and meets the sea at Sainte Anne.",
            "place",
        ),
        Named("ronde", "Ronde", (), "Market town in the hills of Veland.", "place"),
        Named("lorn", "Lake Lorn", (), "Lake in Veland's hills, near Ronde.", "place"),
        Named("lorn-town", "Lake Lorn", (), "Village on the Sosa plain in Veland.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare name after a word of place, with no "the", is no river's, though the
        # river's description names a town the story does.
        (
            "Trucks left Ronde at dawn.\nThe roads were clear.\nThey reached people in "
            "Sainte Anne by noon.",
            ["ronde", "anne"],
        ),
        (
            "Buses left Ronde at dawn.\nThe roads were clear.\nMore came from Sainte Anne.",
            ["ronde", "anne"],
        ),
        # With "the" it is the river, as before.
        (
            "Rain fell on Ronde.\nThe roads were clear.\nFarms along the Sainte Anne flooded.",
            ["ronde", "anne-river"],
        ),
        # A lake's name that says it is one is read as ever: its description decides.
        ("Anglers from Ronde fish in Lake Lorn.", ["ronde", "lorn"]),
    ],
)
def test_a_bare_name_after_a_word_of_place_without_the_is_no_river(text, expected):
    assert keys_found(TOWNS_ON_RIVERS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A people's word set beside a place says whose it is, after it or before it,
        # whatever the dateline's place of the name.
        ("Ferries run on to Tarsa, the Libyan capital, twice a week.", ["tarsa-q", "tarsa-v"]),
        ("Ferries run on to the Libyan port city, Tarsa, weekly.", ["tarsa-q", "tarsa-v"]),
        # Not a word that is no people's nor a country's: the dateline's town.
        ("Ferries run on to Tarsa, the Ottoman port town, weekly.", ["tarsa-q", "tarsa-q"]),
    ],
)
def test_a_peoples_word_set_beside_a_place_says_whose_it_is(text, expected):
    text = f"TARSA, Lebanon, May 2 (Newsroom) - Trade rose.\n{text}"
    towns = Gazetteer.of(
        [
            Named("tarsa-v", "Tarsa", (), "Capital of Libya, on the coast.", "place"),
            Named("tarsa-q", "Tarsa", (), "Port city in northern Lebanon.", "place"),
        ]
    )
    assert keys_found(towns, text) == expected


SEATS = Gazetteer.of(
    [
        Named("rotorua", "Rotorua", (), "City in New Zealand's North Island.", "place"),
        Named(
            "rotorua-seat",
            "Rotorua electorate",
            ("Rotorua",),
            "Parliamentary electorate of New Zealand.",
            "place",
        ),
        Named("basra", "Basra", (), "Main port city of Iraq.", "place"),
        Named("basra-gov", "Basra Governorate", ("Basra",), "Governorate of Iraq.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A member of parliament sits for a constituency or a region.
        ("The MP for Rotorua, Todd McClay, attended.", ["rotorua-seat"]),
        ("A member of parliament from Basra said villagers were angry.", ["basra-gov"]),
        # Near misses: a councillor's town, and no member at all.
        ("A councillor from Basra said the port was busy.", ["basra"]),
        ("Tourists flew from Rotorua to Auckland.", ["rotorua"]),
    ],
)
def test_a_member_of_parliament_sits_for_a_constituency_or_a_region(text, expected):
    assert keys_found(SEATS, text) == expected


PRIME_MINISTERS = Gazetteer.of(
    [
        Named(
            "kyriakos",
            "Kyriakos Mitsotakis",
            ("Mitsotakis",),
            "Greek politician, prime minister of Greece since 2019.",
            "person",
        ),
        Named(
            "konstantinos",
            "Konstantinos Mitsotakis",
            ("Mitsotakis",),
            "Greek politician (1918–2017), prime minister from 1990 to 1993.",
            "person",
        ),
        Named("chivite", "María Chivite", ("Chivite",), "President of Navarre.", "person"),
    ]
)


def test_a_second_role_after_and_is_a_role_a_title_fits():
    """ "Leader of New Democracy and prime minister of Greece since 2019" is a prime
    minister, as "Greek politician ..., prime minister of Greece" is."""
    gazetteer = Gazetteer.of(
        [
            Named(
                "kyriakos",
                "Kyriakos Mitsotakis",
                ("Mitsotakis",),
                "Leader of New Democracy and prime minister of Greece since 2019.",
                "person",
            ),
            Named(
                "konstantinos",
                "Konstantinos Mitsotakis",
                ("Mitsotakis",),
                "Greek politician (1918-2017) who was prime minister from 1990 to 1993.",
                "person",
            ),
        ]
    )
    assert keys_found(gazetteer, "Prime Minister Mitsotakis cut short a visit.") == ["kyriakos"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An office held now is the living holder's.
        ("Prime Minister Mitsotakis congratulated the team.", ["kyriakos"]),
        # Near miss: a former holder may be either.
        ("Former Prime Minister Mitsotakis was remembered.", []),
        # A party's member before a name is no part of it.
        ("The government, led by Socialist María Chivite, backed it.", ["chivite"]),
    ],
)
def test_a_present_office_is_the_living_holders_and_a_party_is_no_part_of_a_name(text, expected):
    assert keys_found(PRIME_MINISTERS, text) == expected


PUNJABS_AND_ULSAN = Gazetteer.of(
    [
        Named("punjab-in", "Punjab", (), "State in India bordering Pakistan.", "place"),
        Named("punjab-pk", "Punjab", (), "Province of Pakistan.", "place"),
        Named("ulsan", "Ulsan", (), "Industrial metropolitan city of South Korea.", "place"),
        Named(
            "ulsan-fc",
            "Ulsan HD FC",
            ("Ulsan",),
            "Football club owned by HD Hyundai Heavy Industries.",
            "organization",
        ),
        Named("hhi", "HD Hyundai Heavy Industries", (), "Korean shipbuilder.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The owner's place is where it lies, not what it borders.
        ("The university stayed in Pakistan's Punjab after 1947.", ["punjab-pk"]),
        ("Farmers in India's Punjab burned stubble.", ["punjab-in"]),
        # A dateline is a place, whatever its description calls it.
        ("ULSAN, Feb 26 (Newsroom) — HD Hyundai Heavy Industries won an order.", ["ulsan", "hhi"]),
    ],
)
def test_an_owners_place_lies_in_it_and_a_dateline_is_a_place(text, expected):
    assert keys_found(PUNJABS_AND_ULSAN, text) == expected


UNIVERSITIES = Gazetteer.of(
    [
        Named("oxford", "Oxford", (), "City in England, on the Thames.", "place"),
        Named(
            "oxford-uni",
            "University of Oxford",
            ("Oxford",),
            "Collegiate research university in Oxford, England.",
            "organization",
        ),
        Named(
            "curtin-uni", "Curtin University", ("Curtin",), "University in Perth.", "organization"
        ),
        Named("john-curtin", "John Curtin", ("Curtin",), "Prime minister of Australia.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A university's people "at" its name are at the university.
        ("A doctoral student at Oxford wrote much of the code.", ["oxford-uni"]),
        ("Researchers at Curtin wrote the software.", ["curtin-uni"]),
        # Near misses: visitors are at the city; no one of a university before "at".
        ("Tourists at Oxford queued for the boats on the river.", ["oxford"]),
        ("The train stopped at Oxford for an hour.", ["oxford"]),
    ],
)
def test_a_universitys_people_at_its_name_are_at_the_university(text, expected):
    assert keys_found(UNIVERSITIES, text) == expected


CANTONS = Gazetteer.of(
    [
        Named(
            "bern",
            "Bern",
            ("Berne",),
            "Swiss federal city, capital of the canton of Bern.",
            "place",
        ),
        Named("canton-bern", "Canton of Bern", ("Bern",), "Large bilingual Swiss canton.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A canton named after its capital: the bare name is the city's own.
        ("The minister told reporters in Bern that rates would hold.", ["bern"]),
        # The kind written says the canton.
        ("Farmers across the canton of Bern sold hay.", ["canton-bern"]),
    ],
)
def test_a_city_is_its_own_name_before_the_canton_named_after_it(text, expected):
    assert keys_found(CANTONS, text) == expected


MACRONS = Gazetteer.of(
    [
        Named(
            "emmanuel",
            "Emmanuel Macron",
            ("Macron",),
            "French politician who became president of France in 2017.",
            "person",
        ),
        Named(
            "brigitte",
            "Brigitte Macron",
            ("Macron",),
            "French former teacher, wife of President Emmanuel Macron.",
            "person",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a clause says someone became is a role a title fits.
        ("President Macron is due to visit Guadeloupe in April.", ["emmanuel"]),
        # Near miss: a tie to the president is no role of the wife's.
        ("Mrs Macron opened the school.", ["brigitte"]),
    ],
)
def test_what_a_description_says_someone_became_is_a_role_a_title_fits(text, expected):
    assert keys_found(MACRONS, text) == expected


AIRLINES = Gazetteer.of(
    [
        Named(
            "et",
            "Ethiopian Airlines",
            ("Ethiopian",),
            "Ethiopia's state-owned airline.",
            "organization",
        ),
        Named("ethiopia", "Ethiopia", (), "Country in the Horn of Africa.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The word for a people before a people's thing or a country's office.
        ("The Ethiopian government says the dam will reduce flooding.", []),
        ("Port officials said Ethiopian cargo accounts for most of the trade.", []),
        ("It was signed by Ethiopian Prime Minister Abiy Ahmed.", []),
        # Near misses: the airline speaks, flies and has a chief executive.
        ("Ethiopian said it would add two weekly flights.", ["et"]),
        ("An Ethiopian flight landed at Entebbe.", ["et"]),
        ("Ethiopian chief executive Mesfin Tasew said demand was strong.", ["et"]),
    ],
)
def test_an_organisations_name_that_is_a_peoples_word_is_that_word_before_its_things(
    text, expected
):
    assert keys_found(AIRLINES, text) == expected


COURTS = Gazetteer.of(
    [
        Named(
            "concourt-za",
            "Constitutional Court of South Africa",
            ("Constitutional Court",),
            "South Africa's highest court, sitting in Johannesburg.",
            "organization",
        ),
        Named(
            "concourt-zw",
            "Constitutional Court of Zimbabwe",
            ("Constitutional Court",),
            "Zimbabwe's highest court on constitutional matters, sitting in Harare.",
            "organization",
        ),
        Named("za", "South Africa", (), "Country at the southern tip of Africa.", "place"),
    ]
)


def test_a_name_that_shares_a_surname_with_someone_is_not_that_someone():
    gazetteer = Gazetteer.of(
        [
            Named("tomas", "Tomás Herrera", ("Herrera",), "Argentine footballer.", "person"),
            Named(
                "helenio",
                "Helenio Herrera",
                ("Herrera",),
                "Coach of the great Inter side of the 1960s (1910–1997).",
                "person",
            ),
        ]
    )
    text = (
        "Tomás Herrera scored twice. Kane hit the bar.\n"
        "Diallo missed a penalty. Herrera, who shares a surname with Helenio Herrera, the"
        " coach of the great Inter side, laughed."
    )
    assert keys_found(gazetteer, text) == ["tomas", "tomas", "helenio"]


def test_a_generic_institution_is_of_the_country_the_storys_places_are_in():
    """A story from Sabah that never writes "Malaysia" means Malaysia's Election
    Commission: the places it names are described as Malaysian."""
    gazetteer = Gazetteer.of(
        [
            Named(
                "ec-my",
                "Election Commission of Malaysia",
                ("Election Commission",),
                "Constitutional body that runs federal and state elections in Malaysia.",
                "organization",
            ),
            Named(
                "ec-in",
                "Election Commission of India",
                ("Election Commission",),
                "Constitutional body that runs national and state elections in India.",
                "organization",
            ),
            Named("sabah", "Sabah", (), "State of Malaysia on the island of Borneo.", "place"),
        ]
    )
    text = "Parties in Sabah met on Tuesday.\nThe Election Commission must hold polls soon."
    assert keys_found(gazetteer, text) == ["sabah", "ec-my"]


def test_a_generic_institution_is_read_by_the_storys_country_before_common_words():
    """A common word near it ("the matter") is no cue against the country of the story."""
    text = (
        "The party said it would take the matter to the Constitutional Court. "
        "“The people of South Africa have never been told the truth,” it said."
    )
    assert keys_found(COURTS, text) == ["concourt-za", "za"]


def test_an_office_is_claimed_by_its_own_word_not_a_word_of_its_stem():
    """ "Secretary-general of the presidency" claims no presidency for the president's
    sister: "President Milei" is the president."""
    gazetteer = Gazetteer.of(
        [
            Named(
                "javier",
                "Javier Milei",
                ("Milei",),
                "Economist who has been president of Argentina since December 2023.",
                "person",
            ),
            Named(
                "karina",
                "Karina Milei",
                ("Milei",),
                "Argentine politician, secretary-general of the presidency.",
                "person",
            ),
        ]
    )
    assert keys_found(gazetteer, "Cuts ordered by President Milei's government hit film.") == [
        "javier"
    ]


VOLCANOES = Gazetteer.of(
    [
        Named(
            "calbuco", "Calbuco", ("Volcán Calbuco",), "Stratovolcano in southern Chile.", "place"
        ),
        Named(
            "calbuco-town", "Calbuco", (), "Coastal town in Llanquihue Province, Chile.", "place"
        ),
        Named("yukon", "Yukon", (), "Canada's westernmost territory.", "place"),
        Named(
            "yukon-river",
            "Yukon River",
            ("Yukon",),
            "River flowing to the Bering Sea.",
            "place",
        ),
        Named("green-bay", "Green Bay", (), "City in Wisconsin.", "place"),
        Named(
            "packers",
            "Green Bay Packers",
            ("Green Bay",),
            "American football team.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A volcano is a kind of place written after its name.
        ("The alert for the Calbuco volcano was raised to orange.", ["calbuco"]),
        # A road runs through a territory, not a river.
        ("Permafrost has buckled the highway's route through the Yukon since 2010.", ["yukon"]),
        ("Salmon swim up the Yukon to spawn.", ["yukon-river"]),
        # A team's record in brackets after its name.
        ("Green Bay (9-4) plays at Detroit next Sunday.", ["packers"]),
        ("Green Bay (population 107,000) voted on Tuesday.", ["green-bay"]),
    ],
)
def test_volcanoes_territories_and_a_teams_record(text, expected):
    assert keys_found(VOLCANOES, text) == expected


CRICKET_AND_RUGBY = Gazetteer.of(
    [
        Named("england", "England", (), "Country of the United Kingdom.", "place"),
        Named(
            "england-xi",
            "England cricket team",
            ("England",),
            "National cricket team.",
            "organization",
        ),
        Named("kent", "Kent", (), "County in south-east England.", "place"),
        Named("kent-ccc", "Kent County Cricket Club", ("Kent",), "Cricket club.", "organization"),
        Named("bath", "Bath", (), "City in Somerset, England.", "place"),
        Named("bath-rugby", "Bath Rugby", ("Bath",), "Rugby union club.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Cricket's and rugby's words: wickets, scores, a spinner, Tests, wins over.
        ("Spinners took all 20 England wickets.", ["england-xi"]),
        ("Set 291 to win, Kent reached 142 for two at lunch.", ["kent-ccc"]),
        ("He was dropped for two Tests against England in 2024.", ["england-xi"]),
        ("The bells rang for wins over Bath.", ["bath-rugby"]),
        ("The defeat leaves Bath top of the table.", ["bath-rugby"]),
        ("It was the best return by a Kent spinner this season.", ["kent-ccc"]),
        # Near misses: a county's coast, a city's population, a vote's count.
        ("He grew up in Folkestone on the Kent coast.", ["kent"]),
        ("Bath had 94 visitors in 2019, and Kent 310 for the festival.", ["bath", "kent"]),
        ("Voters in Bath gave the party a win over its rivals.", ["bath"]),
    ],
)
def test_cricket_and_rugby_words_name_the_team(text, expected):
    assert keys_found(CRICKET_AND_RUGBY, text) == expected


MADE_THINGS = Gazetteer.of(
    [
        Named("dundee", "Dundee", (), "City on the Firth of Tay, Scotland.", "place"),
        Named("dundee-fc", "Dundee FC", ("Dundee",), "Football club from Dundee.", "organization"),
        Named("amur", "Amur Oblast", ("Amur",), "Region of the Russian Far East.", "place"),
        Named("haase", "Haase Kaffee", ("Haase",), "Coffee roaster in Bremen.", "organization"),
        Named("kerala", "Kerala", (), "State in south-western India.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A food, a breed or a drink named after a place is no mention of it.
        ("The museum gave away slices of Dundee cake at its door.", []),
        ("The park said its Amur tigers, which grow thick coats, were fine.", []),
        ("Stalls sold Kerala curry and Dundee pies at the fair.", []),
        ("Weavers finish the Dundee hats by hand.", []),
        ("Stallholders selling Dundee pearls along the quay did well.", []),
        # The noun heads no phrase: the place is named.
        ("Talks on the Dundee cod quota resumed.", ["dundee"]),
        # Its maker is named so, and a noun that is no head leaves the place named.
        ("The club will go on serving Haase coffee in its stands.", ["haase"]),
        ("Sales at the Dundee cake maker rose by a third.", ["dundee"]),
        # A place written after "in" is where it is.
        (
            "In Kerala rice is the staple, and in Dundee tea is served at four.",
            ["kerala", "dundee"],
        ),
        ("Dundee won 2-1, and fans ate Dundee cake.", ["dundee-fc"]),
    ],
)
def test_a_food_a_drink_or_a_breed_named_after_a_place_is_no_mention(text, expected):
    assert keys_found(MADE_THINGS, text) == expected


LARGEST_CITY = Gazetteer.of(
    [
        Named("vesk-state", "Vesk", ("Vesk State",), "State in the north; capital Albin.", "place"),
        Named(
            "vesk-city", "Vesk City", ("Vesk",), "Largest city of Keldor, on the coast.", "place"
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state named after a country's largest city: the city, unless the state's own
        # offices say otherwise.
        ("The drawing hangs in a museum in Vesk.", "vesk-city"),
        ("Shares rose 2% in Vesk after the order.", "vesk-city"),
        ("The Vesk legislature passed the budget.", "vesk-state"),
        ("Vesk Governor Ana Lind signed the bill.", "vesk-state"),
        ("Vesk passed a law on rents last year.", "vesk-state"),
    ],
)
def test_a_bare_name_of_the_largest_city_and_its_state_is_the_city(text, expected):
    assert found(LARGEST_CITY, text)[0][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The federal capital when nothing says which: news names its government so.
        ("The mayor has asked Washington to pay most of the cost.", ["dc"]),
        ("Grid imports fell after Washington ended a sanctions waiver.", ["dc"]),
        # A town's address is the state's: the capital is told from it by its region
        # after a comma ("Washington, D.C.").
        ("Containers come by ship from Tacoma, Washington.", ["wa"]),
    ],
)
def test_a_bare_washington_is_the_federal_capital(text, expected):
    assert keys_found(WASHINGTONS, text) == expected


KINGS = Gazetteer.of(
    [
        Named("old-king", "Tashi Norbu", ("Norbu",), "King of Keldor from 1972 to 2006.", "person"),
        Named("new-king", "Dorji Norbu", ("Norbu",), "King of Keldor since 2006.", "person"),
        Named(
            "keeper",
            "Piet Aalders",
            ("Aalders",),
            "Dutch former footballer, a goalkeeper.",
            "person",
        ),
        Named("striker", "Joris Aalders", ("Aalders",), "Dutch footballer, a striker.", "person"),
        Named("clerk", "Anna Aalders", ("Aalders",), "Dutch court clerk.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The career the description dates first is the elder's.
        (
            "Tashi Norbu and Dorji Norbu opened the terminal. The elder Norbu cut the ribbon.",
            "old-king",
        ),
        (
            "Tashi Norbu and Dorji Norbu opened the terminal. The younger Norbu spoke.",
            "new-king",
        ),
        # Nothing dated: the one described as "former" is the elder.
        (
            "Piet Aalders watched Joris Aalders score. The elder Aalders clapped.",
            "keeper",
        ),
        (
            "Piet Aalders watched Joris Aalders score. The younger Aalders waved.",
            "striker",
        ),
    ],
)
def test_the_elder_and_the_younger_by_the_careers_their_descriptions_give(text, expected):
    assert found(KINGS, text)[-1][1] == expected


def test_the_elder_is_left_out_when_no_career_tells_them_apart():
    text = "Anna Aalders met Joris Aalders. The elder Aalders spoke first."
    assert keys_found(KINGS, text) == ["clerk", "striker"]


CAPITALS = Gazetteer.of(
    [
        Named("lond", "Londra", (), "Capital and largest city of Keldor.", "place"),
        Named("lond-on", "Londra", (), "City in south-western Vesk, on the Tam river.", "place"),
        Named("georg", "Georga", (), "Country in the Caucasus; capital Tibra.", "place"),
        Named("georg-us", "Georga", (), "State in the south-eastern United States.", "place"),
        Named("hal", "Halden", (), "Capital of the Canadian province of Nova Vesk.", "place"),
        Named("hal-uk", "Halden", (), "Market town in West Yorkshire, England.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country's capital before a town of its name; a country before a state.
        ("The painting surfaced in a private collection in Londra.", ["lond"]),
        ("The court ruled that Georga violated the journalists' rights.", ["georg"]),
        # Not a town's address, nor a court case's name.
        ("He grew up in Tamworth, Londra.", []),
        ("The case, Beridze and Others v. Georga, began in 2019.", []),
        # A province's capital is no country's: the two stay undecided.
        ("Ships are bigger than Halden can take.", []),
    ],
)
def test_a_country_or_its_capital_before_places_of_the_same_own_name(text, expected):
    assert keys_found(CAPITALS, text) == expected


# A paragraph long enough that two full names in paragraphs of their own are not close.
FILLER = " The hearing ran late and the room stayed full until the lights went out." * 4
REYESES = Gazetteer.of(
    [
        Named("ana", "Ana Reyes", ("Reyes",), "Judge of the regional court.", "person"),
        Named("luis", "Luis Reyes", ("Reyes",), "Rice farmer who sued the water board.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Both named in full, the last of them two paragraphs back: the story moved on.
        (["Ana Reyes heard the case.", "Luis Reyes sued.", "Rain fell.", "Reyes spoke."], None),
        # The last of them in the paragraph before or this one: the one named last.
        (["Ana Reyes heard the case.", "Luis Reyes sued.", "Reyes spoke."], "luis"),
        (["Ana Reyes heard the case.", "Rain fell.", "Luis Reyes sued. Reyes spoke."], "luis"),
        # Only one of them named in full: that one, however far back.
        (["Luis Reyes sued.", "Rain fell.", "Talks failed.", "Reyes spoke."], "luis"),
    ],
)
def test_a_surname_far_from_the_last_of_two_full_names_is_left_out(paragraphs, expected):
    last = found(REYESES, "\n".join(paragraph + FILLER for paragraph in paragraphs))[-1]
    assert (last[1] if last[0] == "Reyes" else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Anyone's or anything's possessive before a capitalised building or landing: a
        # longer name ("Penn’s Landing", "Othello’s Tower", "Dr. Reddy’s Laboratories").
        ("They found a printer at a flat near Kaleva’s Landing.", []),
        ("Tourists climb Okoro’s Tower every summer.", []),
        # A web address that opens a longer name: "the Swansea.com Stadium".
        ("The sponsor's name will appear at the Vesk.com Stadium next season.", []),
        # Near misses: a possessive before a lower-case noun, or a title and a name; a web
        # address alone is the firm's or the place's.
        ("Kaleva’s landing craft were sold.", ["kaleva"]),
        ("Kaleva’s President Ada Okoro spoke.", ["kaleva", "ada-okoro"]),
        ("Bookings on Vesk.com rose.", ["vesk"]),
    ],
)
def test_a_possessive_before_a_building_and_a_web_address_before_a_name_make_longer_names(
    text, expected
):
    assert keys_found(HARBOURS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A match report's words are a team's cues, though its description does not use
        # them.
        ("“Rennes cannot keep up in the Champions League,” its president said.", "stade"),
        ("Rennes had led through a penalty before the break.", "stade"),
        # Near miss: the city's own words.
        ("“Rennes cannot keep up with the housing demand,” the mayor said.", "rennes"),
    ],
)
def test_the_words_of_a_game_are_a_teams_cues(text, expected):
    assert found(CLUBS_OF_CITIES, text)[0][1] == expected


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        # Both named in full, the story moved on: the field the paragraph is about says
        # which ("Judge of the regional court" for a trial), when the name does what
        # that one does; a bare surname at a trial may be a party's.
        ("The trial resumed and the jury heard the lawyers. Reyes ruled it go on.", "ana"),
        ("The trial resumed and the jury heard the lawyers. Reyes spoke.", None),
        # A paragraph of no one field decides nothing.
        ("Rain fell on the town all week. Reyes spoke.", None),
    ],
)
def test_the_field_a_paragraph_is_about_tells_people_of_one_name_apart(last, expected):
    paragraphs = ["Ana Reyes took the case.", "Luis Reyes sued.", "Rain fell.", last]
    named = found(REYESES, "\n".join(paragraph + FILLER for paragraph in paragraphs))
    assert (named[-1][1] if named[-1][0] == "Reyes" else None) == expected


GAELIC = Gazetteer.of(
    [
        Named("cork", "Cork", (), "City in the south of Ireland.", "place"),
        Named(
            "cork-gaa", "Cork GAA", ("Cork",), "Gaelic games teams of County Cork.", "organization"
        ),
        Named("kilk", "Kilkenny", (), "City in the south-east of Ireland.", "place"),
        Named(
            "kilk-gaa",
            "Kilkenny GAA",
            ("Kilkenny",),
            "Gaelic games teams of County Kilkenny, best known for hurling.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("gazetteer", "text", "expected"),
    [
        # A neighbour given its own name by default says nothing of the sort of a list.
        (GAELIC, "Cork and Kilkenny meet in the hurling final.", ["cork", "kilk-gaa"]),
        # A country's "big brother" is a figure of speech; "called" is often the verb.
        (HARBOURS, "Vesk and its big brother, Kaleva, held drills.", ["vesk", "kaleva"]),
        (HARBOURS, "A spokesman in Vesk called Kaleva's offer a trap.", ["vesk", "kaleva"]),
        # People travel to work from a city.
        (CLUBS_OF_CITIES, "Commuters in Hamburg travel to work by ferry.", ["hamburg"]),
        (CLUBS_OF_CITIES, "Residents of Bahia travel to Salvador for treatment.", ["bahia"]),
        # A state that makes laws, is a state, or is an address.
        (LARGEST_CITY, "Vesk lawmakers passed a bill on rents.", ["vesk-state"]),
        (LARGEST_CITY, "Vesk became the first state to ban fracking.", ["vesk-state"]),
        (LARGEST_CITY, "He grew up in Albin, Vesk, and moved away.", ["vesk-state"]),
        # Part of a state is no federal capital: a direction before it says the state.
        (WASHINGTONS, "Wildfires burned across eastern Washington.", ["wa"]),
    ],
)
def test_near_misses_of_the_list_relative_called_travel_largest_city_and_capital_rules(
    gazetteer, text, expected
):
    """Sentences a review found these rules read wrong before they were narrowed."""
    assert keys_found(gazetteer, text) == expected


RIVER_AND_FIRM = Gazetteer.of(
    [
        Named("orla-river", "Orla", (), "River of the north, flowing to the Vesk Sea.", "place"),
        Named(
            "orla-corp", "Orla Corp", ("Orla",), "Online retailer listed in Vesk.", "organization"
        ),
        Named("tamsin-corp", "Tamsin", (), "Mining company listed in Vesk.", "organization"),
        Named("tamsin-river", "Tamsin River", ("Tamsin",), "River of the south.", "place"),
        Named("dunmore", "Dunmore", (), "City on the east coast of Keldor.", "place"),
        Named(
            "dunmore-fc", "Dunmore FC", ("Dunmore",), "Football club from Dunmore.", "organization"
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A paragraph of shares and sales is about the firm, one of floods about the
        # river, one of goals and the coach about the club.
        (
            "Shares rose after sales beat forecasts and investors cheered. Look at Orla.",
            "orla-corp",
        ),
        ("Floods on the river banks cut off villages. Look at Tamsin.", "tamsin-river"),
        (
            "The coach praised the striker after two goals in the league. Look at Dunmore.",
            "dunmore-fc",
        ),
        # A dateline is the city whatever the paragraph is about.
        ("DUNMORE, May 3 (Newsroom) — The coach praised the striker after two goals.", "dunmore"),
        # A paragraph of no one field leaves the own name.
        ("Many people have written poems about it. Look at Orla.", "orla-river"),
    ],
)
def test_the_field_a_paragraph_is_about_tells_a_thing_from_a_place_of_its_name(text, expected):
    named = found(RIVER_AND_FIRM, text)
    assert named[0 if text.startswith("DUNMORE") else -1][1] == expected


PLACES_OF_NEWS = Gazetteer.of(
    [
        Named("uk", "United Kingdom", ("Britain",), "Country in north-western Europe.", "place"),
        Named("london", "London", (), "Capital and largest city of the United Kingdom.", "place"),
        Named("pelosi", "Nancy Pelosi", ("Pelosi",), "American politician.", "person"),
        Named(
            "amazon",
            "Amazon",
            (),
            "American e-commerce and cloud computing company.",
            "organization",
        ),
        Named("vic-sc", "Victoria", (), "Capital of the Seychelles, on Mahé.", "place"),
        Named("vic-au", "Victoria", (), "State in south-eastern Australia.", "place"),
        Named("ga", "Georgia", (), "Country in the South Caucasus.", "place"),
        Named("ga-us", "Georgia", (), "State in the south-eastern United States.", "place"),
        Named("ru", "Russia", (), "Country in eastern Europe and northern Asia.", "place"),
        Named("aug-me", "Augusta", (), "Capital of Maine.", "place"),
        Named("aug-ga", "Augusta", (), "City in the US state of Georgia.", "place"),
        Named("maine", "Maine", (), "State in the north-eastern United States.", "place"),
        Named("vk", "Vitali Klitschko", ("Klitschko",), "Mayor of Kyiv since 2014.", "person"),
        Named(
            "wk",
            "Wladimir Klitschko",
            ("Klitschko",),
            "Boxing champion from 2006 to 2015.",
            "person",
        ),
        Named("lyon", "Lyon", (), "City in east-central France.", "place"),
        Named("ol", "Olympique Lyonnais", ("Lyon",), "Football club from Lyon.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A building's kind that does not end the name, and a person's House.
        ("Britain's House of Lords voted down the bill on Friday.", ["uk"]),
        ("Tourists crowded onto London's Tower Bridge to watch.", ["london"]),
        ("Speaker Nancy Pelosi's House Democrats passed the bill.", ["pelosi"]),
        # A web address that is the firm's own name.
        ("Amazon.com Inc said on Thursday it would cut jobs.", ["amazon"]),
        # A country's capital is no default over a state of its name; nor is a country
        # where the sentence has what only a state has; a match is no court case.
        ("Bushfires forced thousands from their homes in Victoria.", []),
        ("Voters in Georgia head to the polls in a runoff for control of the Senate.", []),
        ("Georgia v. Russia at the rugby championship drew 50,000 fans.", ["ga", "ru"]),
        # A state's capital is no country's.
        ("Rory McIlroy completed the grand slam at Augusta, winning the Masters.", []),
        # Careers that overlap say nothing of age.
        (
            "Vitali Klitschko and Wladimir Klitschko visited the front. The elder Klitschko spoke.",
            ["vk", "wk"],
        ),
        # A city's goals and what it drew up are no game's.
        ("Lyon's climate goals are slipping, the city's environment chief warned.", ["lyon"]),
    ],
)
def test_near_misses_of_the_capital_career_building_address_and_game_rules(text, expected):
    """Sentences a second review found these rules read wrong before they were narrowed."""
    assert keys_found(PLACES_OF_NEWS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where a place lies from another, a river's length and a place's offices: the
        # place, not its club, whatever the story said of the club before.
        ("Hamburger SV won. The brothers grew up an hour north-east of Hamburg.", "hamburg"),
        ("Hamburger SV won. A museum in the hills above Hamburg was robbed.", "hamburg"),
        ("Hamburger SV won. The public prosecutor of Hamburg charged two men.", "hamburg"),
        ("Hamburger SV won. The government of Hamburg will pay.", "hamburg"),
        # Near misses: a team's "of" stays the club's.
        ("Hamburger SV won. Fans of Hamburg sang.", "hsv"),
    ],
)
def test_what_lies_from_a_place_and_its_offices_make_it_the_place(text, expected):
    assert found(CLUBS_OF_CITIES, text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Only a firm has shares; only a team has a team or a training camp.
        ("Shares in Orla rose 2.4% in Vesk.", "orla-corp"),
        ("Fans wore the shirt of the star forward of the Dunmore team.", "dunmore-fc"),
        ("The coach named a squad for a Dunmore training camp.", "dunmore-fc"),
        # Near miss: shares of the river's water are no shares in a firm.
        ("Farmers own shares of water from Orla.", "orla-river"),
    ],
)
def test_shares_make_a_firm_and_a_team_makes_a_team(text, expected):
    assert found(RIVER_AND_FIRM, text)[-1][1] == expected


THIRD_REVIEW = Gazetteer.of(
    [
        Named("lyon", "Lyon", (), "City in east-central France.", "place"),
        Named("ol", "Olympique Lyonnais", ("Lyon",), "Football club from Lyon.", "organization"),
        Named("marseille", "Marseille", (), "Port city in southern France.", "place"),
        Named(
            "om",
            "Olympique de Marseille",
            ("Marseille",),
            "Football club from Marseille.",
            "organization",
        ),
        Named("amazon-river", "Amazon River", ("Amazon",), "River of South America.", "place"),
        Named("amazon", "Amazon", (), "American online retailer.", "organization"),
        Named("brazil", "Brazil", (), "Country in South America.", "place"),
        Named(
            "brazil-team",
            "Brazil national football team",
            ("Brazil",),
            "Men's national football team of Brazil.",
            "organization",
        ),
        Named("florida", "Florida", (), "State in the south-eastern United States.", "place"),
        Named(
            "panthers",
            "Florida Panthers",
            ("Florida",),
            "Ice hockey team based in Sunrise.",
            "organization",
        ),
        Named("colorado", "Colorado", (), "State in the western United States.", "place"),
        Named(
            "colorado-river",
            "Colorado River",
            ("Colorado",),
            "River of the south-western United States.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Off" after its verb, "above" in a ranking, "over the" what a row is about.
        ("Lyon fought off Marseille's late rally to win the derby.", ["ol", "om"]),
        ("Apple ranked above Amazon in the list of the most valuable brands.", ["amazon"]),
        ("Regulators raised concerns over the Amazon takeover of a robot maker.", ["amazon"]),
        # A market's or a vote's shares are no firm's; a team of others or a camp someone
        # holds is no place's team.
        ("Samsung increased its market shares in Brazil and India.", ["brazil"]),
        ("The Brazil team of forensic experts arrived on Monday.", ["brazil"]),
        ("The Yankees opened their Florida training camp on Monday.", ["florida"]),
        # A state that declares is the state, whatever field the paragraph is about.
        (
            "Drought has dried the river to a trickle and the lake behind the dam is low.\n"
            "Colorado declared a water emergency on Monday.",
            ["colorado"],
        ),
        # Near misses: the crossing of a river, and the river itself after "the".
        ("Smoke hung over the Amazon for weeks.", ["amazon-river"]),
        (
            "Drought has dried the river to a trickle and the lake behind the dam is low.\n"
            "The Colorado no longer reaches the sea.",
            ["colorado-river"],
        ),
    ],
)
def test_near_misses_of_the_off_above_over_shares_team_and_thing_field_rules(text, expected):
    """Sentences a third review found these rules read wrong before they were narrowed."""
    assert keys_found(THIRD_REVIEW, text) == expected


def test_a_seat_of_government_is_a_city_for_a_dateline():
    """ "Seat of government of Bolivia" says a city as "Capital of" does: the dateline is
    not given to the state capital in Mexico for saying "capital", and the story's
    Bolivia then says which."""
    cities = Gazetteer.of(
        [
            Named("lp", "La Paz", (), "Seat of government of Bolivia.", "place"),
            Named("bolivia", "Bolivia", (), "Country in South America.", "place"),
            Named(
                "lp-mx",
                "La Paz",
                (),
                "Capital of the Mexican state of Baja California Sur.",
                "place",
            ),
        ]
    )
    text = "LA PAZ, Dec 5 (Newsroom) — Commuters walked to La Paz. Bolivia is short of fuel."
    assert keys_found(cities, text) == ["lp", "lp", "bolivia"]


# Sentences reviews wrote at the edges of the rules made from the held-out sets (one file
# a round: teams, made things, kin, rivers, offices, owners, hyphens, cantons...; then
# where-words, founders, ships, months, former names, players, provinces, possessives,
# courts, positions), with the names a careful annotator would link; the rules were
# narrowed until these read so. (Those still misread are not here.)
NEAR_MISS_FILES = Path(__file__).parent / "data" / "near_misses"
REVIEWS = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(NEAR_MISS_FILES.glob("*.json"))
}
REVIEW_GAZETTEERS = {
    (review, name): Gazetteer.of(
        [Named(key, n, tuple(aliases), d, kind) for key, n, aliases, d, kind in rows]
    )
    for review, cases in REVIEWS.items()
    for name, rows in cases["gazetteers"].items()
}


@pytest.mark.parametrize(
    ("review", "case"),
    [(review, case) for review, cases in REVIEWS.items() for case in cases["cases"]],
    ids=lambda value: value if isinstance(value, str) else f"{value['rule']}: {value['text'][:50]}",
)
def test_near_misses_of_the_reviews_read_as_an_annotator_would(review, case):
    gazetteer = REVIEW_GAZETTEERS[review, case["gazetteer"]]
    assert keys_found(gazetteer, case["text"]) == case["expected"]


FOUNDER_AND_FIRM = Gazetteer.of(
    [
        Named(
            "arturo",
            "Arturo Valdivieso",
            ("Valdivieso",),
            "Chilean civil engineer and property developer.",
            "person",
        ),
        Named(
            "firm",
            "Valdivieso Desarrollos",
            ("Valdivieso",),
            "Chilean property developer based in Santiago.",
            "organization",
        ),
    ]
)
_FOUNDER_AND_FIRM_NAMED = (
    "Valdivieso Desarrollos, founded by Arturo Valdivieso, lost the case on Monday.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What is founded is the firm; the name that says "it" will act is the firm too.
        ("Arturo Valdivieso, who founded Valdivieso, was born in Talca.", "firm"),
        (_FOUNDER_AND_FIRM_NAMED + "Valdivieso said it would appeal.", "firm"),
        (
            _FOUNDER_AND_FIRM_NAMED
            + "Valdivieso said in a statement that it had “complied with every permit”.",
            "firm",
        ),
        # The one it was founded by is the man; a title says a person; and a person's
        # "it" may be anything spoken of ("it would be", "it was").
        ("Arturo Valdivieso is 70. The firm was founded by Valdivieso in 1994.", "arturo"),
        (_FOUNDER_AND_FIRM_NAMED + "Mr Valdivieso said it would appeal.", "arturo"),
    ],
)
def test_what_is_founded_or_speaks_of_itself_as_it_is_the_firm(text, expected):
    assert keys_found(FOUNDER_AND_FIRM, text)[-1] == expected


def test_a_function_word_of_a_description_is_no_cue():
    """ "Next to the old walled capital" does not make "in Rabat next month" the town in
    Malta: "next", "same", "both" and their like are in every kind of sentence."""
    twins = Gazetteer.of(
        [
            Named("rabat", "Rabat", (), "Capital of Morocco, on the Atlantic coast.", "place"),
            Named(
                "rabat-malta",
                "Rabat",
                (),
                "Town in the west of Malta, next to the old walled capital Mdina.",
                "place",
            ),
            Named("morocco", "Morocco", (), "Kingdom in North Africa.", "place"),
        ]
    )
    text = "A court in Morocco jailed two men. The same court in Rabat will try others next month."
    assert keys_found(twins, text) == ["morocco", "rabat"]


def test_a_kind_of_place_the_name_owns_is_no_cue_that_it_is_of_that_kind():
    """ "Lebanon’s second city" is a city in the country: "city" says nothing of
    whether Lebanon is the country or the city in Pennsylvania of that name."""
    namesakes = Gazetteer.of(
        [
            Named("lebanon", "Lebanon", (), "Country on the eastern Mediterranean.", "place"),
            Named(
                "lebanon-pa",
                "Lebanon, Pennsylvania",
                ("Lebanon",),
                "City in south-central Pennsylvania, United States.",
                "place",
            ),
        ]
    )
    text = "Voters in Lebanon’s second city went to the polls on Sunday."
    assert "lebanon-pa" not in keys_found(namesakes, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A former name is the place: what "it" or "which" was called, or was until a year.
        ("The case was the largest since 1960, when it was called Dahomey.", ["benin"]),
        ("The port town was called Dahomey until 1975.", ["benin"]),
        ("The country itself was called Dahomey for four decades.", ["benin"]),
        ("The country was called Dahomey from 1958.", ["benin"]),
        # What trades or is listed under a name is the thing so named.
        ("The kingdom was first listed in 1960 under the name Dahomey.", ["benin"]),
        # What people or things are called is the name as a word.
        ("Half the fishing boats on the lagoon were called Dahomey.", []),
        ("He was known to friends by the name Dahomey.", []),
    ],
)
def test_a_former_name_is_the_place_it_named(text, expected):
    renamed = Gazetteer.of(
        [Named("benin", "Benin", ("Dahomey",), "Country in West Africa.", "place")]
    )
    assert keys_found(renamed, text) == expected


@pytest.mark.parametrize(
    "text",
    ["The Orla-born winger scored twice.", "An Orla-based drugmaker raised prices."],
)
def test_where_someone_was_born_or_something_is_based_is_the_place(text):
    """ "Orla-born" is the city, not the club of its name a sports story is full of."""
    city_and_club = Gazetteer.of(
        [
            Named("orla", "Orla", (), "Port city in the north.", "place"),
            Named("orla-fc", "Orla FC", ("Orla",), "Football club in Orla.", "organization"),
        ]
    )
    assert keys_found(city_and_club, "Orla FC beat the champions. " + text)[-1] == "orla"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Province" and its adjective name the governorate, as English copy calls it.
        ("The Karbala provincial council voted to dismiss the governor.", "gov"),
        ("Floods hit farms across Karbala province.", "gov"),
        # The city's own words keep the city; and the club has no province.
        ("The Karbala city council met.", "city"),
    ],
)
def test_a_province_written_is_the_governorate_and_its_adjective_says_so(text, expected):
    karbala = Gazetteer.of(
        [
            Named("city", "Karbala", (), "City in central Iraq.", "place"),
            Named(
                "gov", "Karbala Governorate", ("Karbala",), "Governorate of central Iraq.", "place"
            ),
            Named("club", "Karbala SC", ("Karbala",), "Iraqi football club.", "organization"),
        ]
    )
    assert keys_found(karbala, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day's possessive is a date, and an owner's before a whole name is no part of it.
        ("Fans waited for Saturday’s Ostra Super League match.", ["league"]),
        ("The terminal bought the ship from Norway’s Vossa LNG.", ["firm"]),
        # Titles of Ireland and Malaysia.
        ("Among the crowd was Taoiseach Aine Roche.", ["roche"]),
        ("Menteri Besar Aine Roche spoke.", ["roche"]),
        # A possessive before a word alone may still begin a name not ours.
        ("Queues formed at Ostra’s Roche Market.", []),
    ],
)
def test_a_day_an_owner_or_a_title_before_a_name_opens_no_longer_name(text, expected):
    names = Gazetteer.of(
        [
            Named("league", "Ostra Super League", (), "Football league.", "organization"),
            Named("firm", "Vossa LNG", (), "Norwegian gas shipping firm.", "organization"),
            Named("roche", "Aine Roche", ("Roche",), "Irish politician.", "person"),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A court named after a town is no town: "Durham Crown Court", "Kilmarnock Sheriff
        # Court" (a title-like word between does not make the name a person's office).
        ("She was convicted by a jury at Ostra Crown Court.", []),
        ("He admitted the fraud at Ostra Sheriff Court on Monday.", []),
        # The court in the town is the town's.
        ("The crown court in Ostra heard the case.", ["ostra"]),
    ],
)
def test_a_court_named_after_a_town_is_no_town(text, expected):
    town = Gazetteer.of([Named("ostra", "Ostra", (), "Town in the north.", "place")])
    assert keys_found(town, text) == expected


NATIONAL_SIDES = Gazetteer.of(
    [
        Named("qeravia", "Qeravia", (), "Country in the north.", "place"),
        Named(
            "rugby",
            "Qeravia national rugby union team",
            ("Qeravia",),
            "Rugby union team representing Qeravia.",
            "organization",
        ),
        Named(
            "football",
            "Qeravia national football team",
            ("Qeravia",),
            "Men's association football team of Qeravia.",
            "organization",
        ),
        Named("ostra", "Ostra", (), "Province of Qeravia.", "place"),
        Named("ostra-rugby", "Ostra Rugby", ("Ostra",), "Rugby team of Ostra.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The player's place says the sport, and a pair before it are both teams.
        ("A reference came from a former Qeravia prop.", ["rugby"]),
        ("A reference came from a former Ostra and Qeravia prop.", ["ostra-rugby", "rugby"]),
        ("The Qeravia goalkeeper signed a new deal.", ["football"]),
        # No player's word: the pair are places.
        ("Roads in Ostra and Qeravia were closed.", ["ostra", "qeravia"]),
    ],
)
def test_a_players_position_says_the_team_and_its_sport(text, expected):
    assert keys_found(NATIONAL_SIDES, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What only a river does: "the" and the name is the river, though a country
        # takes "the" too.
        ("Lokoja lies where the Benue meets the Niger.", ["niger-river"]),
        ("Higher up the Niger, the dam released water.", ["niger-river"]),
        # Elsewhere "the" and a country's name may be the country.
        ("Troops from the Niger army crossed the border.", ["niger"]),
        ("Aid reached Niger on Monday.", ["niger"]),
    ],
)
def test_a_river_that_a_country_shares_its_name_with_by_what_only_a_river_does(text, expected):
    niger = Gazetteer.of(
        [
            Named("niger", "Niger", (), "Landlocked country in West Africa.", "place"),
            Named("niger-river", "Niger River", ("Niger",), "River of West Africa.", "place"),
        ]
    )
    assert keys_found(niger, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a town takes its name from may be a person: "from" says no place there.
        (
            "The port takes its name from Ostra Vane, the general who founded it.",
            ["general"],
        ),
        ("Trucks came from Ostra Vane on Monday.", ["town"]),
    ],
)
def test_what_a_thing_takes_its_name_from_may_be_a_person(text, expected):
    namesakes = Gazetteer.of(
        [
            Named("town", "Ostra Vane", (), "Port town on the coast.", "place"),
            Named(
                "general",
                "Ostra Vane Ruiz",
                ("Ostra Vane",),
                "General who founded the port.",
                "person",
            ),
        ]
    )
    assert keys_found(namesakes, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A statue of Bolívar stands in the main square.",
        "Pilgrims gather at the tomb of Bolívar every year.",
        "Supporters carried portraits of Bolívar through the streets.",
    ],
)
def test_a_statue_a_portrait_or_a_tomb_is_of_a_person(text):
    """Not of the state or the club named after him."""
    namesakes = Gazetteer.of(
        [
            Named("simon", "Simón Bolívar", ("Bolívar",), "Venezuelan military leader.", "person"),
            Named("state", "Bolívar State", ("Bolívar",), "State of Venezuela.", "place"),
            Named("club", "Club Bolívar", ("Bolívar",), "Bolivian football club.", "organization"),
        ]
    )
    assert keys_found(namesakes, text) == ["simon"]


def test_a_clear_given_name_outweighs_one_word_of_the_other_gender_in_a_description():
    """ "A sheriff who sentenced a Kilmarnock man": the man is someone else, and Fiona is
    a woman, so "Mr Reid" is the prosecutor."""
    reids = Gazetteer.of(
        [
            Named("calum", "Calum Reid", ("Reid",), "Procurator fiscal depute.", "person"),
            Named(
                "fiona",
                "Fiona Reid",
                ("Reid",),
                "Sheriff who sentenced a Kilmarnock man for fraud.",
                "person",
            ),
        ]
    )
    text = "Calum Reid prosecuted. Sheriff Fiona Reid passed sentence. Mr Reid said so."
    assert keys_found(reids, text) == ["calum", "fiona", "calum"]


LIMA = Gazetteer.of(
    [
        Named("lima", "Lima", (), "Capital and largest city of Peru.", "place"),
        Named(
            "lima-region",
            "Lima Region",
            ("Lima",),
            "Region of Peru on the Pacific coast, with fishing ports and farms.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A distance is measured from the town, whatever the sentence says of the region.
        ("The fishing port, about 80 kilometres north of Lima, opened.", ["lima"]),
        ("Fishing ports and farms line the coast 35 km south-west of Lima.", ["lima"]),
        ("The farms lie an hour's drive from Lima.", ["lima"]),
        ("The new fishing port stands just north of Lima.", ["lima"]),
        # With neither a distance nor a direction, the words of the region's
        # description decide. (A bare direction from a town the region is named for is
        # the town's: "the estuary west of Limerick".)
        ("Fishing ports and farms line the coast of Lima.", ["lima-region"]),
        ("Fishing ports and farms line the coast north of Lima.", ["lima"]),
    ],
)
def test_a_distance_is_measured_from_a_town(text, expected):
    assert keys_found(LIMA, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town's address names its state, not the team of the state's name.
        ("The basketball forward grew up in Columbus, Indiana.", ["indiana"]),
        ("Indiana beat Purdue by ten points.", ["hoosiers"]),
    ],
)
def test_a_state_after_a_towns_comma_is_the_state(text, expected):
    indiana = Gazetteer.of(
        [
            Named("indiana", "Indiana", (), "State in the Midwestern United States.", "place"),
            Named(
                "hoosiers",
                "Indiana Hoosiers",
                ("Indiana",),
                "Sports teams of Indiana University, who play basketball and football.",
                "organization",
            ),
        ]
    )
    assert keys_found(indiana, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full name and "of": the player's country, whatever the score after it.
        ("Ferrer won, beating Matteo Ricci of Qeravia 7-6 (5), 6-3.", ["qeravia"]),
        # Without one, the score is a side's (and which side, nothing says).
        ("Ferrer won, beating Qeravia 7-6 (5), 6-3.", []),
        # A title and "of" is no person's.
        ("Ferrer won, beating the Prime Minister of Qeravia 7-6 (5), 6-3.", []),
    ],
)
def test_a_persons_country_is_no_national_side(text, expected):
    assert keys_found(NATIONAL_SIDES, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The next word of the station's name, in lower case: the station, not the town.
        ("The Ostrava nuclear plant supplies a fifth of the power.", ["plant"]),
        ("Without the plant, Ostrava would be a small town.", ["town"]),
    ],
)
def test_a_name_written_with_the_next_word_of_a_longer_name_is_that(text, expected):
    station = Gazetteer.of(
        [
            Named("town", "Ostrava", (), "Town in the south-east of Moravia.", "place"),
            Named(
                "plant",
                "Ostrava Nuclear Power Plant",
                ("Ostrava",),
                "The country's largest nuclear power station.",
                "organization",
            ),
        ]
    )
    assert keys_found(station, text) == expected


@pytest.mark.parametrize("title", ["Grand Ayatollah", "Patriarch", "Mufti", "Swami"])
def test_a_clerics_title_is_no_longer_name(title):
    clerics = Gazetteer.of(
        [Named("cleric", "Ali Varesi", ("Varesi",), "Senior Shia cleric in Najaf.", "person")]
    )
    assert keys_found(clerics, f"The faithful greeted {title} Ali Varesi at dawn.") == ["cleric"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What only a place is, after a club the story named: the place.
        (
            "Ostra Rovers won again. Ostra would be a quiet town without them.",
            ["rovers", "town"],
        ),
        (
            "Ostra Rovers won again. Ostra has more pitches than any other town in the north.",
            ["rovers", "town"],
        ),
        ("Ostra Rovers won again. Two Ostra councillors sit on the board.", ["rovers", "town"]),
        # Otherwise the club it named.
        ("Ostra Rovers won again. Ostra play at home on Sunday.", ["rovers", "rovers"]),
    ],
)
def test_what_only_a_place_is_after_a_club_named_after_it(text, expected):
    rovers = Gazetteer.of(
        [
            Named("town", "Ostra", (), "Market town in the north of Qeravia.", "place"),
            Named(
                "rovers", "Ostra Rovers", ("Ostra",), "Football club from Ostra.", "organization"
            ),
        ]
    )
    assert keys_found(rovers, text) == expected


MISSOURI = Gazetteer.of(
    [
        Named("missouri", "Missouri", (), "State in the Midwestern United States.", "place"),
        Named(
            "mizzou",
            "University of Missouri",
            ("Missouri", "Mizzou"),
            "Public university in Columbia, Missouri, whose teams are the Tigers.",
            "organization",
        ),
    ]
)


def test_the_region_a_dateline_writes_is_that_place():
    """Not what lies in the dateline's town, though its description names the town."""
    text = (
        "COLUMBIA, Missouri, Feb 9 (Newsroom) — Missouri Attorney General Ann Harlan sued "
        "a jail contractor on Monday."
    )
    assert keys_found(MISSOURI, text) == ["missouri", "missouri"]


@pytest.mark.parametrize("where", ["in western", "across northern", "in rural"])
def test_a_direction_before_a_name_says_a_place(where):
    """After the university is named, "in western Missouri" is still the state."""
    text = f"The University of Missouri grew. Hospitals {where} Missouri have closed."
    assert keys_found(MISSOURI, text) == ["mizzou", "missouri"]


def test_a_state_after_a_towns_comma_is_the_state_whoever_follows():
    """ ", who" after it is the person's before, not a team's."""
    text = "She hired an undersheriff from Columbia, Missouri, who rebuilt a jail there."
    assert keys_found(MISSOURI, text) == ["missouri"]


SURNAMES = Gazetteer.of(
    [
        Named("raman", "Anjali Raman", (), "Oncologist who leads a trial in Melbourne.", "person"),
        Named("matthias", "Matthias Kühn", (), "Chief financial officer of a hospital.", "person"),
        Named("dagmar", "Dagmar Kühn", (), "Berlin senator for health; she is a doctor.", "person"),
        Named("jong", "Pieter de Jong", (), "Dutch farmer.", "person"),
        Named("pickett", "Lamar Pickett Jr.", (), "Former county commissioner.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A family name alone names the person after their name in full, though the
        # gazetteer has it as no alias; not before.
        ("Raman was late. Anjali Raman led the trial. Raman said so.", ["raman", "raman"]),
        ("Lamar Pickett Jr. sat in court. Pickett took notes.", ["pickett", "pickett"]),
        # Of two named people of the name, the one a gendered title says, or else the one
        # named in full last.
        (
            "Matthias Kühn and Dagmar Kühn met. Ms Kühn spoke. Kühn nodded.",
            ["matthias", "dagmar", "dagmar", "dagmar"],
        ),
        ("Dagmar Kühn spoke. Matthias Kühn nodded. Kühn left.", ["dagmar", "matthias", "matthias"]),
        # A family name with a particle is the particle and the name, its particle
        # capitalised after a title; not where it is a name as a word.
        ("Pieter de Jong farms here. Half the village is called de Jong.", ["jong"]),
        ("Pieter de Jong farms here. Mr De Jong said so; de Jong smiled.", ["jong"] * 3),
        # A person's name takes no "the": a people of the name.
        ("Anjali Raman spoke. The Raman would wait, said the veteran Raman chief.", ["raman"]),
        ("Lamar Pickett Jr. spoke. The elder Pickett wept.", ["pickett", "pickett"]),
        # A word that is part of another name is someone else's too.
        ("Anjali Raman spoke. The Raman Institute agreed.", ["raman"]),
    ],
)
def test_a_family_name_alone_names_the_person_named_in_full(text, expected):
    assert keys_found(SURNAMES, text) == expected


EAST_ASIAN = Gazetteer.of(
    [
        Named("ko", "Ko Wen-je", (), "Former mayor of Taipei.", "person"),
        Named(
            "xi", "Xi Jinping", (), "General secretary of the Chinese Communist Party.", "person"
        ),
        Named("kju", "Kim Jong Un", (), "Supreme leader of North Korea since 2011.", "person"),
        Named("kyj", "Kim Yo Jong", (), "North Korean official; the leader's sister.", "person"),
        Named("lee", "Lee Anderson", (), "British member of parliament.", "person"),
        Named("kim", "Kim Kardashian", (), "American media personality.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A Chinese or Korean name is written family name first, which copy then uses
        # alone: a given name of one hyphenated word, of two short words, or of one word
        # when the description says the person is Chinese or Korean.
        ("Ko Wen-je ran for president. Ko said he would win.", ["ko", "ko"]),
        ("Xi Jinping arrived late. Xi spoke for an hour.", ["xi", "xi"]),
        # Not a Western name whose given name is such a word.
        ("Lee Anderson spoke. Anderson said so. Lee laughed.", ["lee", "lee"]),
        ("Kim Kardashian posted. Kardashian smiled.", ["kim", "kim"]),
        # Of two of the family, the one the pronoun after it fits, her sister's
        # description saying she is none.
        (
            "Kim Jong Un and Kim Yo Jong watched. Kim, who took power after his father "
            "died, waved.",
            ["kju", "kyj", "kju"],
        ),
        (
            "Kim Jong Un and Kim Yo Jong watched. Kim said she was proud.",
            ["kju", "kyj", "kyj"],
        ),
    ],
)
def test_a_chinese_or_korean_family_name_comes_first(text, expected):
    assert keys_found(EAST_ASIAN, text) == expected


def test_a_mans_title_decides_nothing_over_a_namesake_whose_gender_is_unknown():
    """Both are "Tan" in the gazetteer; "Mr Tan" may be either man, and the writer meant
    the one just named. A woman's title still says the woman ("Ms Sharma")."""
    tans = Gazetteer.of(
        [
            Named("wei", "Tan Wei Ming", ("Tan",), "Singaporean businessman.", "person"),
            Named("wee", "Tan Wee Meng", ("Tan",), "Port authority official.", "person"),
        ]
    )
    text = "Tan Wei Ming sells fuel. Tan Wee Meng, of the port, checks it. Mr Tan said so."
    assert keys_found(tans, text) == ["wei", "wee"]
    # Entered by their full names only, the one named last.
    tans = Gazetteer.of(
        [
            Named("wei", "Tan Wei Ming", (), "Singaporean businessman.", "person"),
            Named("wee", "Tan Wee Meng", (), "Singaporean port official.", "person"),
        ]
    )
    assert keys_found(tans, text) == ["wei", "wee", "wee"]
    sharmas = Gazetteer.of(
        [
            Named(
                "anjali", "Anjali Sharma", (), "Architect in Jaipur; she runs a trust.", "person"
            ),
            Named("bhajan", "Bhajan Lal Sharma", ("Sharma",), "Chief minister.", "person"),
        ]
    )
    text = "Anjali Sharma objected. Bhajan Lal Sharma replied. Ms Sharma said so."
    assert keys_found(sharmas, text) == ["anjali", "bhajan", "anjali"]


def test_the_word_for_a_relative_before_a_name_gives_that_persons_gender():
    """Neither description says a gender; "her younger brother" says his, and then "Ms"
    can only be his sister and "Mr" only him."""
    family = Gazetteer.of(
        [
            Named("dil", "Dilrukshi Wickramasinghe", ("Wickramasinghe",), "Cricketer.", "person"),
            Named("cha", "Chaminda Wickramasinghe", ("Wickramasinghe",), "Accountant.", "person"),
        ]
    )
    text = (
        "Her younger brother, Chaminda Wickramasinghe, is on the slate that opposes "
        "Dilrukshi Wickramasinghe. Ms Wickramasinghe laughed."
    )
    assert keys_found(family, text) == ["cha", "dil", "dil"]


def test_a_persons_alias_may_be_the_family_name_of_someone_named_in_full():
    """ "Abenov" is the dancer's alias; the coach, named in full just before, has it as
    his family name, and the words after it fit him, not the dancer."""
    skaters = Gazetteer.of(
        [
            Named("timur", "Timur Abenov", ("Abenov",), "Kazakh ice dancer.", "person"),
            Named(
                "kairat",
                "Kairat Abenov",
                (),
                "Kazakh figure skating coach and former pair skater.",
                "person",
            ),
        ]
    )
    text = (
        "Timur Abenov won the free dance, coached by his father, Kairat Abenov. Abenov, "
        "a former pair skater, wept."
    )
    assert keys_found(skaters, text) == ["timur", "kairat", "kairat"]
    # Accents the family name has not say the other: "Tāwhiao" is the king.
    kings = Gazetteer.of(
        [
            Named("king", "Tāwhiao", (), "Second Māori king.", "person"),
            Named("hemi", "Hemi Tawhiao", (), "Kaumātua in Hamilton.", "person"),
        ]
    )
    text = "Hemi Tawhiao spoke at the river. Tāwhiao, the king, had fished it."
    assert keys_found(kings, text) == ["hemi", "king"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister of Indigenous Peoples Sonia Guajajara said so.", ["sonia"]),
        ("Secretary for Education Christine Choi said so.", ["choi"]),
        # Not a name of one word there, which may end a longer one.
        ("The Ministry of Indigenous Peoples Guajajara Fund paid.", []),
    ],
)
def test_a_persons_name_after_a_title_and_its_portfolio_is_read(text, expected):
    ministers = Gazetteer.of(
        [
            Named("sonia", "Sonia Guajajara", ("Guajajara",), "Brazilian minister.", "person"),
            Named("choi", "Christine Choi", (), "Hong Kong education secretary.", "person"),
        ]
    )
    assert keys_found(ministers, text) == expected


def test_a_family_name_read_from_the_story_needs_a_look():
    """It is none of the entity's names or aliases: bulk accept does not take it."""
    assert SURNAMES.needs_a_look("Raman", "raman") == "no-alias"


def test_the_region_a_dateline_writes_is_no_river_of_the_name():
    """Whatever the story's places recall: the river is named beside the town."""
    jordan = Gazetteer.of(
        [
            Named("jordan", "Jordan", (), "Country in the Middle East; capital Amman.", "place"),
            Named(
                "river",
                "Jordan River",
                ("Jordan",),
                "River flowing from the Sea of Galilee south into the Dead Sea.",
                "place",
            ),
        ]
    )
    text = (
        "AMMAN, Jordan, Nov 18 (Newsroom) — Pilgrims from Galilee walked to the Dead Sea "
        "and on to the Jordan River."
    )
    assert keys_found(jordan, text) == ["jordan", "river"]


@pytest.mark.parametrize("owner", ["Juventus’", "Juventus'", "Juventus’s"])
def test_an_owner_whose_possessive_is_an_apostrophe_alone_opens_no_longer_name(owner):
    stadium = Gazetteer.of(
        [Named("stadium", "Allianz Stadium", (), "Football stadium in Turin.", "place")]
    )
    text = f"The return derby is in April at {owner} Allianz Stadium, where Torino lost."
    assert keys_found(stadium, text) == ["stadium"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A prize is what it awards.
        ("She won a Nobel Prize in 1911.", ["prize"]),
        ("It is read as a hint of a future Nobel Prize.", ["prize"]),
        # A firm's product is not the firm.
        ("He still drives a Volvo.", []),
        # But after "a" and a noun, a firm that opens a clause is the firm: "a match Volvo
        # is not sponsoring" is a match that Volvo is not sponsoring.
        ("It is a match Volvo is not sponsoring.", ["volvo"]),
        ("It was a deal Volvo said it would sign.", ["volvo"]),
        # And a town that is a firm's home names the firm after it.
        ("He grew up in Gothenburg, the home town of Volvo.", ["volvo"]),
        ("He grew up in the town of Volvo.", []),
    ],
)
def test_a_prize_is_what_it_awards(text, expected):
    prizes = Gazetteer.of(
        [
            Named(
                "prize", "Nobel Prize", ("Nobel",), "Annual international awards.", "organization"
            ),
            Named("volvo", "Volvo", (), "Swedish car maker.", "organization"),
        ]
    )
    assert keys_found(prizes, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pitch is greener than at the stadium where India lost the first Test.", ["team"]),
        ("Australia went years unbeaten at the ground before losing to India there.", ["team"]),
        # The country where no game is said.
        ("Exports from India rose in the first quarter.", ["country"]),
    ],
)
def test_a_game_of_a_series_won_or_lost_is_the_national_teams(text, expected):
    cricket = Gazetteer.of(
        [
            Named("country", "India", (), "Country in South Asia.", "place"),
            Named(
                "team", "India national cricket team", ("India",), "Cricket team.", "organization"
            ),
        ]
    )
    assert keys_found(cricket, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The home side have not lost a Championship match to Surrey since 2016.", ["club"]),
        ("A Surrey selector watched from the committee room.", ["club"]),
        ("House prices in Surrey rose again.", ["county"]),
    ],
)
def test_a_game_lost_to_a_side_and_its_selector_say_the_club(text, expected):
    counties = Gazetteer.of(
        [
            Named("county", "Surrey", (), "County in south-east England.", "place"),
            Named(
                "club", "Surrey County Cricket Club", ("Surrey",), "Cricket club.", "organization"
            ),
        ]
    )
    assert keys_found(counties, text) == expected


def test_a_countrys_own_name_is_the_country_in_a_story_filed_from_its_capital():
    """The capital has the country's name as an alias; the dateline named the capital."""
    gulf = Gazetteer.of(
        [
            Named("kuwait", "Kuwait", (), "Country at the head of the Persian Gulf.", "place"),
            Named(
                "city", "Kuwait City", ("Kuwait",), "Capital and largest city of Kuwait.", "place"
            ),
        ]
    )
    text = (
        "KUWAIT CITY, Jan 21 (Newsroom) — Former deputies petitioned the emir.\n"
        "They asked that Kuwait be governed with the consent of its people."
    )
    assert keys_found(gulf, text) == ["city", "kuwait"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A side in a given state takes "a": the club, not a thing named after it.
        ("Rivals said a more open Peñarol could help them.", ["club"]),
        ("A depleted Peñarol lost again.", ["club"]),
        # A firm's does not: the car.
        ("He still drives a Volvo he bought in 1990.", []),
    ],
)
def test_a_team_after_a_is_the_team(text, expected):
    sides = Gazetteer.of(
        [
            Named("club", "Club Atlético Peñarol", ("Peñarol",), "Football club.", "organization"),
            Named("volvo", "Volvo", (), "Swedish car maker.", "organization"),
        ]
    )
    assert keys_found(sides, text) == expected


def test_a_persons_title_before_a_firms_alias_is_the_person_of_the_family_name():
    merck = Gazetteer.of(
        [
            Named(
                "firm", "Merck KGaA", ("Merck",), "German drug maker in Darmstadt.", "organization"
            ),
            Named("johanna", "Johanna Merck", (), "Chair of the family board.", "person"),
        ]
    )
    text = "Johanna Merck chairs the family board. Merck posted profits. Ms Merck said so."
    assert keys_found(merck, text) == ["johanna", "firm", "johanna"]


def test_a_gendered_title_before_a_namesakes_alias_is_the_person_it_fits():
    """The writer's alias is "Calvino"; his daughter, named in full, has none."""
    calvinos = Gazetteer.of(
        [
            Named(
                "italo", "Italo Calvino", ("Calvino",), "Italian writer; he died in 1985.", "person"
            ),
            Named(
                "giovanna", "Giovanna Calvino", (), "Translator, daughter of a writer.", "person"
            ),
        ]
    )
    text = (
        "Italo Calvino wrote it. His daughter, Giovanna Calvino, lent letters. "
        "Ms Calvino said so. Calvino wrote them in 1947."
    )
    assert keys_found(calvinos, text) == ["italo", "giovanna", "giovanna", "italo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A new clause after the comma is no apposition: its subject is no word about
        # the name.
        ("After the derby at St James’ Park, a police horse was punched.", ["park"]),
        # Words set beside the name that call it a thing are.
        ("They watched St James’ Park, a 1950 film, at home.", []),
    ],
)
def test_a_clause_after_a_comma_says_nothing_of_the_name_before(text, expected):
    park = Gazetteer.of(
        [Named("park", "St James’ Park", (), "Football stadium in Newcastle.", "place")]
    )
    assert keys_found(park, text) == expected


def test_a_datelines_region_picks_among_places_only():
    """The festival's description names Italy, the city's only its region."""
    venice = Gazetteer.of(
        [
            Named("city", "Venice", (), "Capital of the Veneto region, built on islands.", "place"),
            Named(
                "festival",
                "Venice Film Festival",
                ("Venice",),
                "Annual film festival held on the Lido of Venice, Italy.",
                "organization",
            ),
        ]
    )
    text = "VENICE, Italy, Apr 22 (Newsroom) — Eleven countries will show work this year."
    assert keys_found(venice, text) == ["city"]


@pytest.mark.parametrize(
    "text",
    ["Prys, a former Qeravia under-21 international, spoke.", "He is a Qeravia international."],
)
def test_an_international_of_a_country_played_for_its_side(text):
    """Of the country and its one national side, the side (the youth side is its own)."""
    sides = Gazetteer.of(
        [
            Named("qeravia", "Qeravia", (), "Country in the north.", "place"),
            Named(
                "football",
                "Qeravia national football team",
                ("Qeravia",),
                "Men's association football team of Qeravia.",
                "organization",
            ),
        ]
    )
    assert keys_found(sides, text) == ["football"]


def test_a_word_that_is_another_persons_family_name_needs_a_look():
    """The painter's alias names the director too, once a story names her in full."""
    murillos = Gazetteer.of(
        [
            Named("painter", "Bartolomé Esteban Murillo", ("Murillo",), "Painter.", "person"),
            Named("director", "Elena Murillo", (), "Museum director.", "person"),
            Named("prado", "Prado", (), "Art museum in Madrid.", "place"),
        ]
    )
    assert murillos.keys_sharing("Murillo") == ("painter", "director")
    assert murillos.needs_a_look("Murillo", "painter") == "shared-words"
    assert murillos.needs_a_look("Prado", "prado") == ""


def test_a_word_keeps_the_sense_the_story_gave_it_over_another_entitys_own_name():
    """One sense in a story: the painter, whom the sentence first showed it to be, again;
    not the space probe whose own name the word is. A country's own name is another
    matter (the river of its name, then the country)."""
    giotto = Gazetteer.of(
        [
            Named("painter", "Giotto di Bondone", ("Giotto",), "Florentine painter.", "person"),
            Named("probe", "Giotto", (), "Space probe launched in 1985.", "organization"),
        ]
    )
    text = (
        "Taddeo Gaddi was a pupil of Giotto, the Florentine painter, for twenty years. "
        "The scaffolding moves next year to the chapel where Giotto’s scenes hang."
    )
    assert keys_found(giotto, text) == ["painter", "painter"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Markus Soeder won again. Soeder thanked voters in Nuernberg.", ["soder", "soder", "nbg"]),
        ("The OeVP and the OEVP both mean the party.", ["ovp", "ovp"]),
        ("Traffic on the Koenigstrasse was diverted.", ["street"]),
        # As written, of course, too.
        ("Markus Söder won in Nürnberg.", ["soder", "nbg"]),
    ],
)
def test_umlauts_and_sharp_s_as_german_copy_writes_them_without(text, expected):
    german = Gazetteer.of(
        [
            Named("soder", "Markus Söder", ("Söder",), "Minister-president of Bavaria.", "person"),
            Named("nbg", "Nürnberg", (), "City in Bavaria.", "place"),
            Named("ovp", "Austrian People's Party", ("ÖVP",), "Austrian party.", "organization"),
            Named("street", "Königstraße", (), "Street in Nuremberg.", "place"),
        ]
    )
    assert keys_found(german, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Johannes Thingnes Boe won. Boe led from the start.", ["johannes", "johannes"]),
        ("The ferry from Aalesund was late.", ["alesund"]),
        # Read through the fold of "ø" as "o", as before.
        ("Johannes Thingnes Bo won in Alesund.", ["johannes", "alesund"]),
        # Icelandic "ð" and "þ": "d" and "th".
        ("Jon Sigurdsson spoke at Thingvellir.", ["jon", "park"]),
    ],
)
def test_nordic_letters_as_copy_writes_them_without(text, expected):
    nordic = Gazetteer.of(
        [
            Named("johannes", "Johannes Thingnes Bø", ("Bø",), "Norwegian biathlete.", "person"),
            Named("alesund", "Ålesund", (), "Port town in western Norway.", "place"),
            Named("jon", "Jón Sigurðsson", (), "Icelandic banker.", "person"),
            Named("park", "Þingvellir", (), "National park in Iceland.", "place"),
        ]
    )
    assert keys_found(nordic, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Test is at the R Premadasa Stadium.",
        "The Test is at the R. Premadasa Stadium.",
        "George W Bush opened it.",
        "Samsung's Jay Y Lee flew in.",
    ],
)
def test_one_initial_is_written_with_its_stop_or_without(text):
    initials = Gazetteer.of(
        [
            Named("ground", "R. Premadasa Stadium", (), "Cricket ground in Colombo.", "place"),
            Named("bush", "George W. Bush", (), "43rd US president.", "person"),
            Named("lee", "Lee Jae-yong", ("Jay Y. Lee",), "Samsung chairman.", "person"),
        ]
    )
    name = re.search(r"R\.? Premadasa Stadium|George W Bush|Jay Y Lee", text).group()
    assert [match.surface for match in initials.find(text)] == [name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capital inside a sentence says a name: the club, read through its accents.
        ("Dinamo Batumi were beaten by Qarabag on Sunday.", ["qarabag"]),
        ("On Sunday, Qarabag won again.", ["qarabag"]),
        # At a sentence's start a capital says nothing, but a word no English dictionary
        # has is no English word.
        ("Qarabag fans sang.", ["qarabag"]),
        # A given name is someone's ("her grandmother Fatima"), and a place's name may be
        # a thing named after it.
        ("She named her daughter Fatima.", []),
        ("Sales of Evian water rose.", []),
        ("Danone, which owns Evian, said sales rose.", []),
    ],
)
def test_a_name_read_through_its_accents_is_one_where_a_capital_says_so(text, expected):
    accented = Gazetteer.of(
        [
            Named(
                "qarabag",
                "Qarabağ FK",
                ("Qarabağ",),
                "Football club in Azerbaijan.",
                "organization",
            ),
            Named("fatima", "Fátima", (), "Pilgrimage town in Portugal.", "place"),
            Named("evian", "Évian-les-Bains", ("Évian",), "Spa town in France.", "place"),
        ]
    )
    assert keys_found(accented, text) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # The titled alias and the longer name written as one: the whole of it.
        (
            "Sheikh Tahnoun bin Zayed Al Nahyan chairs the fund.",
            "Sheikh Tahnoun bin Zayed Al Nahyan",
        ),
        ("Sheikh Tahnoun bin Zayed signed.", "Sheikh Tahnoun bin Zayed"),
        ("Sheikh Tahnoun signed.", "Sheikh Tahnoun"),
    ],
)
def test_a_title_of_a_titled_alias_before_a_longer_name_is_part_of_it(text, surface):
    royals = Gazetteer.of(
        [
            Named(
                "tahnoun",
                "Tahnoun bin Zayed Al Nahyan",
                ("Tahnoun bin Zayed", "Sheikh Tahnoun"),
                "Emirati royal and national security adviser.",
                "person",
            ),
            Named(
                "zayed", "Zayed bin Sultan Al Nahyan", ("Zayed",), "Founder of the UAE.", "person"
            ),
        ]
    )
    assert [(match.surface, match.key) for match in royals.find(text)] == [(surface, "tahnoun")]


@pytest.mark.parametrize(
    "text",
    [
        "The government removed then-chief executive Jean-Paul Prates in May.",
        "Party chairman Bilawal Bhutto-Zardari spoke.",
    ],
)
def test_a_persons_two_given_or_family_names_are_written_with_a_hyphen_or_without(text):
    people = Gazetteer.of(
        [
            Named("prates", "Jean Paul Prates", (), "Brazilian politician.", "person"),
            Named("bilawal", "Bilawal Bhutto Zardari", (), "Pakistani politician.", "person"),
        ]
    )
    name = re.search(r"Jean-Paul Prates|Bilawal Bhutto-Zardari", text).group()
    assert [match.surface for match in people.find(text)] == [name]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Dr. Yunus spoke.", "Dr. Yunus"),
        ("Capt William Ruto said.", "Capt William Ruto"),
        ("Dr Oetker makes pizza.", "Dr Oetker"),
        ("The Pakistan Tehreek e Insaf won.", "Pakistan Tehreek e Insaf"),
    ],
)
def test_a_titles_stop_and_a_particle_between_hyphens_are_written_otherwise(text, surface):
    names = Gazetteer.of(
        [
            Named("yunus", "Muhammad Yunus", ("Dr Yunus",), "Bangladeshi economist.", "person"),
            Named("ruto", "William Ruto", ("Capt. William Ruto",), "Port official.", "person"),
            Named("oetker", "Dr. Oetker", (), "German food company.", "organization"),
            Named("pti", "Pakistan Tehreek-e-Insaf", (), "Pakistani party.", "organization"),
        ]
    )
    assert [match.surface for match in names.find(text)] == [surface]


def test_a_date_after_a_datelines_region_is_no_place_that_qualifies_it():
    """ "Cote d'Ivoire" read through its accents, then ", Feb 22": a date, not a place
    that would make it another Côte d'Ivoire."""
    ivory = Gazetteer.of(
        [
            Named("ci", "Côte d'Ivoire", ("Ivory Coast",), "Country in West Africa.", "place"),
            Named("korhogo", "Korhogo", (), "City in northern Côte d'Ivoire.", "place"),
        ]
    )
    text = "KORHOGO, Cote d'Ivoire, Feb 22 (Newsroom) — Voters return to the polls."
    assert keys_found(ivory, text) == ["korhogo", "ci"]


@pytest.mark.parametrize("letters", ["SC", "KC", "QC", "OBE"])
def test_letters_after_a_name_are_no_longer_name(letters):
    """Senior counsel, King's counsel, an honour: the person, not a name not ours."""
    dunn = Gazetteer.of([Named("dunn", "Rachel Dunn", (), "Sydney barrister.", "person")])
    text = f"Counsel assisting Rachel Dunn {letters} said the council had been misled."
    assert keys_found(dunn, text) == ["dunn"]


def test_a_persons_name_in_full_after_of_is_no_institutions_name():
    """ "the PDCI of Tidjane Thiam" is the man's party; "the Bank of Jamaica" still owns
    its place."""
    names = Gazetteer.of(
        [
            Named("thiam", "Tidjane Thiam", (), "Ivorian banker and politician.", "person"),
            Named("jamaica", "Jamaica", (), "Island country in the Caribbean.", "place"),
        ]
    )
    text = "Parties including the PDCI of Tidjane Thiam backed them, as did the Bank of Jamaica."
    assert keys_found(names, text) == ["thiam"]


def test_malay_honorifics_are_titles():
    najib = Gazetteer.of(
        [Named("najib", "Najib Razak", ("Najib",), "Former prime minister of Malaysia.", "person")]
    )
    text = "Najib Razak appealed. Datuk Seri Najib sat in the dock."
    assert keys_found(najib, text) == ["najib", "najib"]


def test_a_dateline_in_capitals_is_not_told_apart_by_accents_it_cannot_write():
    """ "SAN JOSE" may be San José: the story's country says which."""
    twins = Gazetteer.of(
        [
            Named("cr", "San José", (), "Capital and largest city of Costa Rica.", "place"),
            Named("ca", "San Jose", (), "City in Santa Clara County, California.", "place"),
            Named("costa-rica", "Costa Rica", (), "Country in Central America.", "place"),
        ]
    )
    text = "SAN JOSE, March 4 (Newsroom) — Costa Rica's lawmakers voted on pensions."
    assert keys_found(twins, text) == ["cr", "costa-rica"]


@pytest.mark.parametrize("dash", [" - ", " – ", "-"])
def test_a_firms_hyphen_between_names_is_written_as_a_spaced_dash_too(dash):
    maersk = Gazetteer.of(
        [
            Named(
                "maersk",
                "A.P. Moller-Maersk",
                ("Maersk",),
                "Danish shipping group.",
                "organization",
            )
        ]
    )
    surface = f"A.P. Moller{dash}Maersk"
    assert [match.surface for match in maersk.find(f"Shares in {surface} fell.")] == [surface]


def test_a_place_after_the_state_of_is_read_through_its_accents():
    para = Gazetteer.of([Named("para", "Pará", (), "State in northern Brazil.", "place")])
    text = "The ranch cleared rainforest in the state of Para, officials said."
    assert keys_found(para, text) == ["para"]


def test_an_opening_initial_a_is_no_word_of_a_name():
    """ "A" without its stop is the article: "A Smith" is no A. Smith."""
    smith = Gazetteer.of([Named("smith", "A. Smith", (), "Economist.", "person")])
    assert keys_found(smith, "He met A Smith.") == []
    assert keys_found(smith, "He met A. Smith.") == ["smith"]


def test_a_name_read_through_its_transliterated_umlauts_needs_a_look():
    german = Gazetteer.of(
        [Named("soder", "Markus Söder", ("Söder",), "Minister-president.", "person")]
    )
    assert german.needs_a_look("Soeder", "soder") == "spelled-otherwise"
    assert german.needs_a_look("Markus Soeder", "soder") == ""


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Shares of Desai Electronics Ltd rose 6 per cent.", "Desai Electronics Ltd"),
        ("Raffles Remit Pte Ltd was fined on Thursday.", "Raffles Remit Pte Ltd"),
        ("Shares of Desai Electronics Ltd. rose 6 per cent.", "Desai Electronics Ltd."),
        # Legal forms of other countries, and a number's "No.".
        ("Salami maker Pick Szeged Zrt will stay on.", "Pick Szeged Zrt"),
        ("The province, once called Province No 1, voted.", "Province No 1"),
    ],
)
def test_a_firms_legal_form_is_written_with_its_stop_or_without(text, surface):
    firms = Gazetteer.of(
        [
            Named(
                "desai",
                "Desai Electronics Ltd.",
                (),
                "Indian maker of electronics.",
                "organization",
            ),
            Named("raffles", "Raffles Remit Pte. Ltd.", (), "Payments company.", "organization"),
            Named("pick", "Pick Szeged Zrt.", (), "Hungarian meat processor.", "organization"),
            Named("koshi", "Koshi Province", ("Province No. 1",), "Province of Nepal.", "place"),
        ]
    )
    assert [match.surface for match in firms.find(text)] == [surface]


def test_a_volcano_by_a_city_is_no_city_though_its_description_names_one():
    """A dateline names the city, not the volcano "north-west of the city" of its name."""
    salvador = Gazetteer.of(
        [
            Named("city", "San Salvador", (), "Capital and largest city of El Salvador.", "place"),
            Named(
                "volcano",
                "San Salvador",
                (),
                "Stratovolcano north-west of the city of San Salvador.",
                "place",
            ),
        ]
    )
    text = "SAN SALVADOR, Feb 9 (Newsroom) — The death toll rose to 31."
    assert keys_found(salvador, text) == ["city"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Mumbai people drink Champagne at weddings.", []),
        ("A tourist asked for a wedge of Roquefort to take home.", []),
        ("Growers in Champagne lit candles between the rows.", ["champagne"]),
    ],
)
def test_what_people_drink_or_eat_is_the_thing_named_after_the_place(text, expected):
    places = Gazetteer.of(
        [
            Named(
                "champagne", "Champagne", (), "Historic region of north-eastern France.", "place"
            ),
            Named("roquefort", "Roquefort", (), "Village in Aveyron, France.", "place"),
        ]
    )
    assert keys_found(places, text) == expected


def test_the_region_a_dateline_adds_is_no_town_but_may_be_an_island():
    antigua = Gazetteer.of(
        [
            Named("stjohns", "St. John's", (), "Capital city of Antigua and Barbuda.", "place"),
            Named("island", "Antigua", (), "Largest island of Antigua and Barbuda.", "place"),
            Named(
                "town", "Antigua Guatemala", ("Antigua",), "Colonial city in Guatemala.", "place"
            ),
        ]
    )
    text = "ST. JOHN'S, Antigua, Oct 8 (Newsroom) — A fund was launched to rebuild homes."
    assert keys_found(antigua, text) == ["stjohns", "island"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words joined by a hyphen are no English word.
        ("Hydro-Quebec has promised cheap power.", ["hydro"]),
        # On an island, and a kind of place after the name.
        ("Boat owners on Roatan ignored the warnings.", ["roatan"]),
        ("Output fell at the Yacyreta dam.", ["yacyreta"]),
        # A person set beside the name is no place that qualifies it.
        ("A spokesman for Aeroports de Montreal, Marc Dorais, said no.", ["adm"]),
        # A place after the comma still is.
        ("A spokesman for Aeroports de Montreal, Vermont, said no.", []),
    ],
)
def test_names_read_through_their_accents_where_nothing_says_they_are_words(text, expected):
    accented = Gazetteer.of(
        [
            Named(
                "hydro", "Hydro-Québec", (), "Quebec's public electricity utility.", "organization"
            ),
            Named("roatan", "Roatán", (), "Largest of the Bay Islands of Honduras.", "place"),
            Named("yacyreta", "Yacyretá", (), "Hydroelectric dam on the Paraná.", "place"),
            Named(
                "adm",
                "Aéroports de Montréal",
                (),
                "Authority that runs the airports of Montreal.",
                "organization",
            ),
        ]
    )
    assert keys_found(accented, text) == expected


def test_a_party_members_title_after_its_name_opens_no_longer_name():
    """ "A Fianna Fail TD" is a member of the party, as "a Labour MP" is."""
    parties = Gazetteer.of(
        [Named("ff", "Fianna Fáil", ("FF",), "Political party in Ireland.", "organization")]
    )
    text = "A Fianna Fail TD from the constituency said the party had no view."
    assert keys_found(parties, text) == ["ff"]


ACRONYMS = Gazetteer.of(
    [
        Named(
            "ndma",
            "National Drought Management Authority",
            (),
            "Kenyan state agency that monitors drought.",
            "organization",
        ),
        Named("moh", "Ministry of Health", (), "Kenya's health ministry.", "organization"),
        Named("unicef", "UNICEF", (), "United Nations children's agency.", "organization"),
        Named("nat", "Nina Adams Thompson", (), "Kenyan official.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The acronym a story defines after a name is that body, defined and after.
        (
            "The National Drought Management Authority (NDMA) raised its alert. "
            "NDMA officials said rain was late.",
            ["ndma", "ndma", "ndma"],
        ),
        ("The Ministry of Health (MOH) said so. The MOH and the MH agree.", ["moh"] * 3),
        # Not before it is defined, nor letters that are no initials of the name.
        ("NDMA said so. The National Drought Management Authority (NDA) agreed.", ["ndma"]),
        # A name of the gazetteer is its own entity's, whatever the story defines.
        ("The Ministry of Health (UNICEF) said so. UNICEF agreed.", ["moh", "unicef", "unicef"]),
        # Not a person's initials.
        ("Nina Adams Thompson (NAT) spoke. NAT left.", ["nat"]),
    ],
)
def test_an_acronym_the_story_defines_after_a_name_is_that_body(text, expected):
    assert keys_found(ACRONYMS, text) == expected


def test_an_acronym_read_from_the_story_needs_a_look():
    assert ACRONYMS.needs_a_look("NDMA", "ndma") == "no-alias"


ACTING_BODIES = Gazetteer.of(
    [
        Named("ottawa", "Ottawa", (), "Capital city of Canada, in eastern Ontario.", "place"),
        Named(
            "goc",
            "Government of Canada",
            ("Ottawa",),
            "Federal government of Canada.",
            "organization",
        ),
        Named("toyota-city", "Toyota", (), "City in Aichi Prefecture, Japan.", "place"),
        Named(
            "toyota-motor",
            "Toyota Motor Corporation",
            ("Toyota",),
            "Japanese multinational automobile manufacturer.",
            "organization",
        ),
        Named("amman", "Amman", (), "Capital and largest city of Jordan.", "place"),
        Named(
            "gam",
            "Greater Amman Municipality",
            ("Amman",),
            "Municipal government of the city of Amman.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A capital that acts as a government does is the government it names.
        ("Ottawa has not said how much the bridge will cost.", ["goc"]),
        ("“We will not let Ottawa dictate how we cut emissions,” she said.", ["goc"]),
        ("The minister said Ottawa wanted to double uranium output.", ["goc"]),
        # Elsewhere it is the city, and a city's own council is no such metonym.
        ("The tram will run into downtown Ottawa.", ["ottawa"]),
        ("The Supreme Court in Ottawa will hear the appeal.", ["ottawa"]),
        ("Amman has rationed water since June.", ["amman"]),
        # A firm named after its town, likewise.
        ("Daihatsu, wholly owned by Toyota, halted production.", ["toyota-motor"]),
        ("He added that Toyota would send teams to its suppliers.", ["toyota-motor"]),
        ("Toyota owns 9 percent of the supplier.", ["toyota-motor"]),
        ("Toyota acquired the plant in 2019.", ["toyota-motor"]),
        # A city buys and sells land too.
        ("Toyota sold the land to a developer in 2019.", ["toyota-city"]),
        ("The plant stands on the edge of Toyota.", ["toyota-city"]),
        # An auxiliary is no act without a verb after it.
        ("Ottawa has a population of about one million.", ["ottawa"]),
        # The city's own words in its sentence say it is the city, whatever it would do.
        ("City councillors said Ottawa would need a new river crossing.", ["ottawa"]),
        ("Toyota has a population of 420,000.", ["toyota-city"]),
    ],
)
def test_a_capital_or_a_town_that_acts_is_the_government_or_firm_named_after_it(text, expected):
    assert keys_found(ACTING_BODIES, text) == expected


VESK = [
    Named("firm", "Vesk Motors", ("Vesk",), "Veland carmaker.", "organization"),
    Named("club", "Vesk Tigers", ("Vesk",), "Veland baseball club.", "organization"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A firm's plant, shares or managers after the name: the firm, not the club.
        ("He led the union at the Vesk car plant for nine years.", ["firm"]),
        ("Vesk dealers cut their prices.", ["firm"]),
        # A club has managers and a board too.
        ("Vesk management has stayed silent.", []),
        ("Officials at Vesk head office said they hoped for more fans.", ["firm"]),
        ("The bid needs 90 percent of Vesk shareholders.", ["firm"]),
        # Elsewhere nothing says which.
        ("Vesk has been quiet.", []),
    ],
)
def test_a_firms_things_after_a_name_say_it_is_the_firm(text, expected):
    assert keys_found(Gazetteer.of(VESK), text) == expected


def test_a_firms_things_after_a_name_do_not_tell_two_firms_apart():
    """A food group is a firm too, though its description does not say "company"."""
    foods = Named("foods", "Vesk Foods", ("Vesk",), "Veland food group.", "organization")
    text = "Vesk management has stayed silent."
    assert keys_found(Gazetteer.of([*VESK, foods]), text) == []


PARTIES_AND_COURTS = Gazetteer.of(
    [
        Named(
            "greens-ch",
            "Green Party of Switzerland",
            ("Greens",),
            "Swiss political party that campaigns on environmental issues.",
            "organization",
        ),
        Named(
            "greens-de",
            "Alliance 90/The Greens",
            ("Greens",),
            "German green political party formed in 1993.",
            "organization",
        ),
        Named(
            "greens-at",
            "The Greens – The Green Alternative",
            ("Greens",),
            "Austrian green political party founded in 1986.",
            "organization",
        ),
        Named("bern", "Bern", (), "Capital of Switzerland.", "place"),
        Named("munich", "Munich", (), "Capital of Bavaria, Germany.", "place"),
        Named("kampala", "Kampala", (), "Capital and largest city of Uganda.", "place"),
        Named("nairobi", "Nairobi", (), "Capital of Kenya.", "place"),
        Named(
            "sc-ug",
            "Supreme Court of Uganda",
            ("Supreme Court",),
            "Highest court of Uganda.",
            "organization",
        ),
        Named(
            "sc-ke",
            "Supreme Court of Kenya",
            ("Supreme Court",),
            "Highest court of Kenya.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # National parties of one name are the story's country's, as its people's word in
        # their descriptions says.
        (
            "BERN, May 3 (Newsroom) - Voters in Switzerland backed the plan. The Greens "
            "said it went too far.",
            ["bern", "greens-ch"],
        ),
        (
            "MUNICH, May 3 (Newsroom) - The vote in Germany was close, and the Greens came third.",
            ["munich", "greens-de"],
        ),
        # Nothing says which country: left open.
        ("The Greens said the plan went too far.", []),
    ],
)
def test_national_parties_of_one_name_are_the_storys_countrys(text, expected):
    assert keys_found(PARTIES_AND_COURTS, text) == expected


def test_a_generic_institution_of_the_country_written_most_is_the_datelines_when_counts_are_close():
    text = (
        "KAMPALA, Oct 2 (Newsroom) - Uganda's opposition leader, seized in Nairobi, Kenya, "
        "and flown to Uganda last year, went on trial. The Supreme Court ruled that "
        "civilians could not be tried by military courts."
    )
    assert keys_found(PARTIES_AND_COURTS, text) == ["kampala", "nairobi", "sc-ug"]


SIDES_ENTITIES = [
    Named("zambia", "Zambia", (), "Landlocked country in southern Africa.", "place"),
    Named(
        "zambia-fc",
        "Zambia national football team",
        ("Zambia",),
        "Men's national association football team of Zambia.",
        "organization",
    ),
    Named("malawi", "Malawi", (), "Landlocked country in south-eastern Africa.", "place"),
    Named(
        "malawi-fc",
        "Malawi national football team",
        ("Malawi",),
        "Men's national association football team of Malawi.",
        "organization",
    ),
]
SIDES = Gazetteer.of(SIDES_ENTITIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A country's name as a side in a game its sentence tells of.
        (
            "Police guarded the court ahead of a qualifier on Friday between Zambia and Malawi.",
            ["zambia-fc", "malawi-fc"],
        ),
        ("Fans were full of the 2-2 draw with Zambia in a friendly.", ["zambia-fc"]),
        # A game elsewhere in the story, or a country's trade, is no such sign.
        ("Trade between Zambia and Malawi fell by a tenth.", ["zambia", "malawi"]),
        ("Sanctions against Zambia were lifted after the match.", ["zambia"]),
        # What only a side does, or a player for it, whatever else the sentence says.
        ("Zambia next play in March, away.", ["zambia-fc"]),
        ("Zambia next play Malawi in September.", ["zambia-fc", "malawi-fc"]),
        ("Her brother, a defender for Malawi, appears in the bank's adverts.", ["malawi-fc"]),
        (
            "Zambia play Malawi in June, after a second match away to Malawi.",
            ["zambia-fc", "malawi-fc", "malawi-fc"],
        ),
        ("The squad flew home after a second match away to Malawi.", ["malawi-fc"]),
        # The side itself, by its word after the name or "national teams of" before it.
        ("The ground will host matches of the Zambia side.", ["zambia-fc"]),
        (
            "The national teams of Zambia and Malawi will donate the takings.",
            ["zambia-fc", "malawi-fc"],
        ),
        # Not a side of an argument, nor a team of anything else.
        ("The Zambia side of the border was calm.", ["zambia"]),
        # A player a side chooses: called up, capped, in its squad, eligible for it.
        ("The striker has not been called up by Malawi since May.", ["malawi-fc"]),
        ("The goalkeeper, capped 30 times by Zambia, retired.", ["zambia-fc"]),
        ("The midfielder is eligible for both Zambia and Malawi.", ["zambia-fc", "malawi-fc"]),
        # Not in a story of no sport, nor before a possessive.
        ("Reservists called up by Malawi have left for the border.", ["malawi"]),
        ("Migrants become eligible for Malawi's disability pension.", ["malawi"]),
        ("Two of them are in the squad of Malawi this week.", ["malawi-fc"]),
        # Near misses: a country calls up reservists and is eligible for loans.
        ("Troops were called up in Malawi after the floods.", ["malawi"]),
        ("Malawi is eligible for debt relief.", ["malawi"]),
        ("Zambia's chances of a loan from the IMF improved.", ["zambia"]),
        ("The 2-2 draw with Zambia in June kept the qualifier alive.", ["zambia-fc"]),
        ("Zambia scored twice in the qualifier.", ["zambia-fc"]),
        # Words of games in talks, trade and weather are no game.
        ("It was a big step forward for Zambia.", ["zambia"]),
        ("Zambia reached the final stage of its debt talks.", ["zambia"]),
        # A country plays a part, not a game; and meets a minister, not a side.
        (
            "Zambia plays a central role in copper, officials told the tournament's sponsors.",
            ["zambia"],
        ),
        ("The prime minister will next meet Malawi's finance minister.", ["malawi"]),
        ("A series of talks between Zambia and Malawi ended.", ["zambia", "malawi"]),
        ("Power across much of Malawi was knocked out by the cyclone.", ["malawi"]),
    ],
)
def test_a_country_named_as_a_side_in_a_game_is_its_national_team(text, expected):
    assert keys_found(SIDES, text) == expected


def test_a_side_in_a_game_is_read_before_the_datelines_region_and_the_capitals_cue():
    """What the sentence says a name does decides before the story's dateline (filed
    from the country) and before a capital named beside it that a country's
    description holds."""
    sides = Gazetteer.of(
        [
            *(named for named in SIDES_ENTITIES if named.key != "malawi"),
            Named(
                "malawi",
                "Malawi",
                (),
                "Landlocked country in south-eastern Africa; capital Lilongwe.",
                "place",
            ),
            Named("lusaka", "Lusaka", (), "Capital and largest city of Zambia.", "place"),
            Named("lilongwe", "Lilongwe", (), "Capital city of Malawi.", "place"),
        ]
    )
    text = (
        "LUSAKA, Zambia, Oct 2 (Newsroom) - Fans queued for tickets all night. "
        "Zambia next play Malawi in Lilongwe in September."
    )
    assert keys_found(sides, text) == ["lusaka", "zambia", "zambia-fc", "malawi-fc", "lilongwe"]


NAMESAKES_AT_WORK = Gazetteer.of(
    [
        Named("nowak-judge", "Andrzej Nowak", ("Nowak",), "Polish appellate judge.", "person"),
        Named(
            "nowak-farmer",
            "Andrzej Nowak",
            ("Nowak",),
            "Polish farmer and agrarian activist.",
            "person",
        ),
        Named(
            "raza-officer",
            "Ahmed Raza",
            ("Raza",),
            "Pakistani naval officer, chairman of the Karachi Port Trust.",
            "person",
        ),
        Named(
            "raza-mpa",
            "Ahmed Raza",
            ("Raza",),
            "Pakistani politician, member of the Provincial Assembly of the Punjab.",
            "person",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The field of work the paragraph writes of: farming.
        (
            "Farmers blocked the border crossing with tractors. “We are going bankrupt,” "
            "said Andrzej Nowak, who grows wheat on 120 hectares. The price of wheat and "
            "rapeseed has fallen by a third, farmers say.",
            ["nowak-farmer"],
        ),
        # Of the fields the namesakes' descriptions are of: a lawmaker speaking of
        # farmers' wheat is the politician.
        (
            "The provincial budget passed after a long debate with the opposition. Lawmaker "
            "Ahmed Raza told the house that farmers in his district had sold wheat at a loss.",
            ["raza-mpa"],
        ),
    ],
)
def test_a_namesake_is_told_by_the_field_of_work_the_paragraph_writes_of(text, expected):
    assert keys_found(NAMESAKES_AT_WORK, text) == expected


def test_a_month_after_beyond_is_a_date(gazetteer):
    assert keys_found(gazetteer, "The club cannot pay its players beyond May.") == []


def test_his_sister_set_beside_a_name_makes_it_a_womans():
    family = Gazetteer.of(
        [
            Named("segun", "Segun Adebayo", ("Adebayo",), "Nigerian politician.", "person"),
            Named("folake", "Folake Adebayo", ("Adebayo",), "Nigerian banker.", "person"),
            Named("kunle", "Kunle Adebayo", ("Adebayo",), "Nigerian footballer.", "person"),
        ]
    )
    text = (
        "The committee chairman is Segun Adebayo. Lagoon Trust Bank, whose chief executive, "
        "Folake Adebayo, is his elder sister, offered a loan. Adebayo said he would not "
        "vote. Ms Adebayo did not respond."
    )
    assert keys_found(family, text) == ["segun", "folake", "segun", "folake"]


def test_an_abbreviated_title_fits_the_description_that_writes_it_out():
    namesakes = Gazetteer.of(
        [
            Named(
                "jeff",
                "Jeff Landry",
                ("Landry",),
                "American politician, Republican governor of Louisiana since 2024.",
                "person",
            ),
            Named(
                "tom",
                "Tom Landry",
                ("Landry",),
                "American football coach who led the Dallas Cowboys for 29 seasons.",
                "person",
            ),
        ]
    )
    text = "The coach watched the match. Gov. Landry came down to the field after the game."
    assert keys_found(namesakes, text) == ["jeff"]


def test_justice_before_a_name_fits_a_judge():
    namesakes = Gazetteer.of(
        [
            Named(
                "zm",
                "John Banda",
                ("Banda",),
                "Zambian judge of the Constitutional Court.",
                "person",
            ),
            Named("mw", "John Banda", ("Banda",), "Malawian politician and minister.", "person"),
        ]
    )
    assert keys_found(namesakes, "Justice John Banda dissented.") == ["zm"]


def test_a_peoples_word_before_the_kind_of_place_says_whose():
    provinces = Gazetteer.of(
        [
            Named(
                "limburg-nl",
                "Limburg",
                (),
                "Southernmost province of the Netherlands, between Belgium and Germany.",
                "place",
            ),
            Named(
                "limburg-be",
                "Limburg",
                ("Limbourg",),
                "Flemish province in the north-east of Belgium; capital Hasselt.",
                "place",
            ),
        ]
    )
    assert keys_found(provinces, "Residents of the Belgian province of Limburg protested.") == [
        "limburg-be"
    ]
    assert keys_found(provinces, "Residents of the Dutch province of Limburg protested.") == [
        "limburg-nl"
    ]


def test_a_dateline_is_the_town_whose_own_name_it_writes():
    towns = Gazetteer.of(
        [
            Named("takoradi", "Takoradi", (), "Port town in western Ghana.", "place"),
            Named(
                "sekondi-takoradi",
                "Sekondi-Takoradi",
                ("Takoradi", "Sekondi"),
                "Twin city on the coast of Ghana, the base of the offshore oil industry.",
                "place",
            ),
        ]
    )
    text = "TAKORADI, Sept 8 (Newsroom) - Offshore oil output rose."
    assert keys_found(towns, text) == ["takoradi"]


def test_a_namesake_the_name_is_said_to_be_shared_with_is_not_the_one_named():
    namesakes = Gazetteer.of(
        [
            Named(
                "minister",
                "Kofi Boateng",
                ("Boateng",),
                "Ghanaian politician, deputy minister of energy.",
                "person",
            ),
            Named(
                "midfielder",
                "Kofi Boateng",
                ("Boateng",),
                "Ghanaian footballer, captain of Accra Hearts of Oak.",
                "person",
            ),
        ]
    )
    text = (
        "Boateng, a former investment banker who shares his name with a Hearts of Oak "
        "midfielder, said the levy would pay for it."
    )
    assert keys_found(namesakes, text) == ["minister"]


def test_the_peoples_word_of_a_shared_name_is_no_cue():
    country_and_team = Gazetteer.of(
        [
            Named("ch", "Switzerland", (), "Country in central Europe.", "place"),
            Named(
                "ch-fc",
                "Switzerland national football team",
                ("Switzerland",),
                "Men's football team of the Swiss Football Association.",
                "organization",
            ),
        ]
    )
    text = "He went on trial before Switzerland's top court, accused of paying Swiss francs."
    assert keys_found(country_and_team, text) == ["ch"]


def test_a_sports_word_between_a_name_and_its_coach_still_says_the_team():
    teams_and_places = Gazetteer.of(
        [
            Named("ga", "Georgia", (), "State in the south-eastern United States.", "place"),
            Named("ge", "Georgia", (), "Country in the South Caucasus.", "place"),
            Named(
                "uga",
                "Georgia Bulldogs",
                ("Georgia", "Bulldogs"),
                "Athletic teams of the University of Georgia.",
                "organization",
            ),
            Named(
                "university",
                "University of Georgia",
                (),
                "Public flagship university of Georgia in Athens.",
                "organization",
            ),
        ]
    )
    text = (
        "The University of Georgia has run a campaign against online abuse of its players. "
        "Georgia football coach Hank Odom said two of his players had received threats."
    )
    assert keys_found(teams_and_places, text) == ["university", "uga"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iraq and the Kurdistan Region are at odds. The federal Finance Ministry held "
            "back the money.",
            ["federal"],
        ),
        (
            "Iraq and the Kurdistan Region are at odds. The regional Finance Ministry "
            "published its figures.",
            ["regional"],
        ),
    ],
)
def test_the_level_of_government_before_a_body_says_which(text, expected):
    ministries = Gazetteer.of(
        [
            Named(
                "federal",
                "Ministry of Finance (Iraq)",
                ("Finance Ministry",),
                "Iraqi government ministry.",
                "organization",
            ),
            Named(
                "regional",
                "Ministry of Finance (Kurdistan Region)",
                ("Finance Ministry",),
                "Ministry of the Kurdistan Regional Government.",
                "organization",
            ),
        ]
    )
    assert keys_found(ministries, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The women's league turned professional in 2021, and women's crowds have "
            "doubled.\nIt was a long wait for the players.\nRangers have won the title "
            "twice since.",
            ["rangers-w"],
        ),
        ("Rangers beat Hearts 2-0 at Ibrox on Saturday.", ["rangers"]),
        # In a story of women's sport, the men's side its sentence names.
        (
            "The women's league turned professional in 2021, and women's crowds have "
            "doubled.\nThe men's side of Rangers won on Saturday.",
            ["rangers"],
        ),
        (
            "The women's league turned professional in 2021, and women's crowds have "
            "doubled.\nIts budget, like that of the Rangers men's team, is secure.",
            ["rangers"],
        ),
    ],
)
def test_a_clubs_womens_team_is_the_one_a_story_of_womens_sport_means(text, expected):
    clubs = Gazetteer.of(
        [
            Named(
                "rangers", "Rangers F.C.", ("Rangers",), "Scottish football club.", "organization"
            ),
            Named(
                "rangers-w",
                "Rangers W.F.C.",
                ("Rangers",),
                "Women's football team of Rangers.",
                "organization",
            ),
        ]
    )
    assert keys_found(clubs, text) == expected


def test_the_late_is_the_eldest_of_a_family_when_no_description_gives_a_death():
    family = Gazetteer.of(
        [
            Named(
                "jr",
                "Ferdinand Marcos Jr.",
                ("Marcos", "Ferdinand Marcos"),
                "President of the Philippines since 2022 and son of Ferdinand Marcos.",
                "person",
            ),
            Named(
                "sr",
                "Ferdinand Marcos",
                ("Marcos",),
                "President of the Philippines from 1965 to 1986.",
                "person",
            ),
        ]
    )
    text = "President Marcos, the son of the late Ferdinand Marcos, flew over the floods."
    assert keys_found(family, text) == ["jr", "sr"]


def test_one_the_story_says_died_is_given_no_age_now():
    brothers = Gazetteer.of(
        [
            Named("fidel", "Fidel Castro", ("Castro",), "Cuban revolutionary leader.", "person"),
            Named("raul", "Raúl Castro", ("Castro",), "Cuban politician.", "person"),
        ]
    )
    text = (
        "Raúl Castro opened the door to private business. Fidel Castro died in 2016. "
        "Castro, now 94, still appears at party events."
    )
    assert keys_found(brothers, text) == ["raul", "fidel", "raul"]


def test_a_royal_title_fits_the_one_described_as_a_king():
    namesakes = Gazetteer.of(
        [
            Named(
                "abdullah-ii",
                "Abdullah II of Jordan",
                ("Abdullah",),
                "King of Jordan since 1999, son of King Hussein.",
                "person",
            ),
            Named(
                "abz",
                "Abdullah bin Zayed Al Nahyan",
                ("Abdullah",),
                "Emirati politician, foreign minister of the United Arab Emirates.",
                "person",
            ),
        ]
    )
    text = (
        "Abdullah bin Zayed Al Nahyan visited Amman. "
        "Water is a fixture of King Abdullah’s speeches."
    )
    assert keys_found(namesakes, text) == ["abz", "abdullah-ii"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An age at a death the sentence tells is no age now.
        ("Fidel Castro led the revolution. Castro, 90, died late on Friday.", ["fidel", "fidel"]),
        # Whoever is killed in a sentence about someone else is not the one named.
        (
            "The gunman who shot at Donald Trump was killed by a sniper. Trump said he was fine.",
            ["trump", "trump"],
        ),
    ],
)
def test_deaths_told_by_the_story_are_read_only_of_whom_they_are_told(text, expected):
    people = Gazetteer.of(
        [
            Named("fidel", "Fidel Castro", ("Castro",), "Cuban revolutionary leader.", "person"),
            Named("raul", "Raúl Castro", ("Castro",), "Cuban politician.", "person"),
            Named("trump", "Donald Trump", ("Trump",), "American president.", "person"),
            Named(
                "trump-jr",
                "Donald Trump Jr.",
                ("Trump",),
                "American businessman, son of Donald Trump.",
                "person",
            ),
        ]
    )
    assert keys_found(people, text) == expected


def test_a_peoples_word_names_its_own_country_only():
    """ "Austrian" is no prefix of Australia: the Greens in a Sydney story are the
    Australian party."""
    greens = Gazetteer.of(
        [
            Named(
                "greens-at",
                "The Greens – The Green Alternative",
                ("Greens",),
                "Austrian green political party.",
                "organization",
            ),
            Named(
                "greens-au",
                "Australian Greens",
                ("Greens",),
                "Green political party in Australia.",
                "organization",
            ),
            Named("australia", "Australia", (), "Country in Oceania.", "place"),
        ]
    )
    text = "Australia's election was close, and the Greens came third."
    assert keys_found(greens, text) == ["australia", "greens-au"]


def test_a_namesake_named_after_a_description_is_read_only_up_to_the_clause():
    namesakes = Gazetteer.of(
        [
            Named(
                "minister",
                "Kofi Boateng",
                ("Boateng",),
                "Ghanaian politician, deputy minister of energy under President Mahama.",
                "person",
            ),
            Named("footballer", "Kofi Boateng", ("Boateng",), "Ghanaian footballer.", "person"),
        ]
    )
    # "Mahama" after the clause is no word of the namesake's: the minister stays; the
    # footballer, whose trade the clause names, is the one he is not.
    text = "Boateng, who shares his name with a footballer, said Mahama would sign the levy."
    assert keys_found(namesakes, text) == ["minister"]


def test_women_outside_a_ground_make_no_story_of_womens_sport():
    clubs = Gazetteer.of(
        [
            Named(
                "rangers", "Rangers F.C.", ("Rangers",), "Scottish football club.", "organization"
            ),
            Named(
                "rangers-w",
                "Rangers W.F.C.",
                ("Rangers",),
                "Women's football team of Rangers.",
                "organization",
            ),
        ]
    )
    text = "Rangers fined the fans who abused women outside Ibrox, and said women must feel safe."
    assert keys_found(clubs, text) == ["rangers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name its bearer gave alone is someone we do not know.
        ("A boatman who gave his name only as Ganga said the river had risen.", []),
        ("“We wait,” said Lan, a 34-year-old accountant who gave only one name.", []),
        # Not a place the relative clause is not about.
        ("“Ask the mayor,” said a seller near Lan, who gave only his first name.", ["lan"]),
    ],
)
def test_a_name_its_bearer_gave_alone_is_no_mention(text, expected):
    names = Gazetteer.of(
        [
            Named("ganges", "Ganges", ("Ganga",), "River in India.", "place"),
            Named("lan", "Nguyen Thi Lan", ("Lan",), "Vietnamese official.", "person"),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US Treasury had no comment.", ["us"]),
        ("Ships sail straight to the US West Coast.", ["us"]),
        ("O’Hare was a U.S. Navy pilot.", ["us"]),
        # Another longer name stays one: no nation's body.
        ("The US Open final was delayed by rain.", []),
    ],
)
def test_a_nations_service_or_coast_after_its_name_leaves_the_nation(text, expected):
    nations = Gazetteer.of(
        [Named("us", "United States", ("US", "U.S."), "Country in North America.", "place")]
    )
    assert keys_found(nations, text) == expected


def test_a_surname_set_after_someones_role_is_that_person():
    leaders = Gazetteer.of(
        [
            Named(
                "mirziyoyev",
                "Shavkat Mirziyoyev",
                ("Mirziyoyev",),
                "President of Uzbekistan since 2016.",
                "person",
            )
        ]
    )
    text = "Karimov feared the dam.\nHis successor, Mirziyoyev, dropped the objections."
    assert keys_found(leaders, text) == ["mirziyoyev"]


def test_head_of_government_is_a_title_before_a_name():
    officials = Gazetteer.of(
        [Named("brugada", "Clara Brugada", (), "Mexican politician.", "person")]
    )
    text = "Head of Government Clara Brugada said the city would run 180 extra buses."
    assert keys_found(officials, text) == ["brugada"]


def test_a_surname_of_a_body_that_speaks_is_a_person():
    leaders = Gazetteer.of(
        [
            Named(
                "eps",
                "Edappadi K. Palaniswami",
                ("Palaniswami",),
                "Indian politician, leader of the AIADMK.",
                "person",
            )
        ]
    )
    text = "Parties rushed to claim credit. Palaniswami of the AIADMK said the DMK had failed."
    assert keys_found(leaders, text) == ["eps"]


@pytest.mark.parametrize(
    "text",
    [
        "The city honoured its son. Schwarzenegger grew up in Thal, a village near Graz.",
        "The club won three titles. Bielsa, now in charge of Uruguay, sent a message.",
    ],
)
def test_a_lifes_words_after_a_surname_say_a_person(text):
    people = Gazetteer.of(
        [
            Named("arnie", "Arnold Schwarzenegger", ("Schwarzenegger",), "Actor.", "person"),
            Named("bielsa", "Marcelo Bielsa", ("Bielsa",), "Argentine coach.", "person"),
        ]
    )
    assert len(keys_found(people, text)) == 1


@pytest.mark.parametrize(
    "verb", ["congratulated the new mayor", "thanked voters", "resigned on Friday"]
)
def test_what_only_a_person_does_after_a_name_says_the_person(verb):
    """A river does not congratulate, thank or resign: the prime minister of its name
    does."""
    rama = Gazetteer.of(
        [
            Named("river", "Rama", (), "River in central Albania.", "place"),
            Named("pm", "Edi Rama", ("Rama",), "Prime Minister of Albania.", "person"),
        ]
    )
    assert keys_found(rama, f"The port was rebuilt. Rama {verb}.") == ["pm"]


@pytest.mark.parametrize(
    "text",
    [
        # Named before, the one in office is told by today's words; "later." is no "late".
        "Heydar Aliyev signed the contracts, and his son succeeded him a decade later.\n"
        "President Aliyev said on Tuesday that the port was ready.",
    ],
)
def test_the_title_holder_now_is_read_by_todays_words_after_both_were_named(text):
    family = Gazetteer.of(
        [
            Named(
                "ilham",
                "Ilham Aliyev",
                ("Aliyev",),
                "President of Azerbaijan since 2003, son of Heydar Aliyev.",
                "person",
            ),
            Named(
                "heydar",
                "Heydar Aliyev",
                ("Aliyev",),
                "President of Azerbaijan from 1993 to 2003.",
                "person",
            ),
        ]
    )
    assert keys_found(family, text) == ["heydar", "ilham"]


def test_dr_fits_a_scientist_not_the_captain_of_a_research_ship():
    namesakes = Gazetteer.of(
        [
            Named(
                "biologist",
                "Valentina Ojeda",
                ("Ojeda",),
                "Chilean marine biologist who studies krill.",
                "person",
            ),
            Named(
                "captain",
                "Rodrigo Ojeda",
                ("Ojeda",),
                "Chilean navy captain, commander of the research ship Cabo de Hornos.",
                "person",
            ),
        ]
    )
    text = (
        "Valentina Ojeda studies krill. Captain Rodrigo Ojeda, who is not related to the "
        "biologist, said crews sailed further south.\nDr Ojeda said the shift was visible."
    )
    assert keys_found(namesakes, text) == ["biologist", "captain", "biologist"]


def test_vice_president_is_not_whom_the_story_called_president():
    family = Gazetteer.of(
        [
            Named(
                "rodrigo",
                "Rodrigo Duterte",
                ("Duterte",),
                "Filipino politician, president of the Philippines from 2016 to 2022.",
                "person",
            ),
            Named(
                "sara",
                "Sara Duterte",
                ("Duterte",),
                "Filipino politician, vice-president of the Philippines.",
                "person",
            ),
        ]
    )
    text = (
        "Former President Rodrigo Duterte was mayor for decades. His daughter Sara Duterte "
        "followed him.\nVice President Duterte was mayor before her brother."
    )
    assert keys_found(family, text) == ["rodrigo", "sara", "sara"]


@pytest.mark.parametrize(
    "text",
    [
        "The victory gives Stade Rennais F.C. a place in Europe.",
        # "Beat" is a given name too, but "Stade" opens with no abbreviation "St".
        "They beat Stade Rennais F.C. on Sunday.",
    ],
)
def test_initials_that_close_a_bodys_name_may_be_written_with_their_stops(text):
    clubs = Gazetteer.of(
        [
            Named(
                "rennes",
                "Stade Rennais FC",
                ("Stade Rennais",),
                "Football club from Rennes.",
                "organization",
            )
        ]
    )
    assert found(clubs, text) == [("Stade Rennais F.C.", "rennes")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor of Omnogovi said the road would open.", [("Omnogovi", "south-gobi")]),
        (
            "Champions watched from the tribune. Hakuho, known at home as Davaajargal, smiled.",
            [("Hakuho", "hakuho")],
        ),
    ],
)
def test_names_read_without_their_accents_by_a_governor_or_a_known_as(text, expected):
    names = Gazetteer.of(
        [
            Named(
                "south-gobi",
                "Ömnögovi Province",
                ("Ömnögovi",),
                "Southernmost province of Mongolia.",
                "place",
            ),
            Named("hakuho", "Hakuhō Shō", ("Hakuhō",), "Mongolian-born sumo wrestler.", "person"),
        ]
    )
    assert found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An epithet that shares no word with the person's name takes "the".
        ("The Dalai\u00a0Lama, who turned 90 last year, said so.", ["dl"]),
        # A person's own name does not: the boat.
        ("The support boat, the Cleopatra, sank.", []),
    ],
)
def test_an_epithet_takes_the_where_a_persons_name_does_not(text, expected):
    people = Gazetteer.of(
        [
            Named("dl", "Tenzin Gyatso", ("Dalai Lama",), "Tibetan spiritual leader.", "person"),
            Named("cleopatra", "Cleopatra", (), "Queen of Egypt.", "person"),
        ]
    )
    assert keys_found(people, text) == expected


def test_the_uzbek_turned_comma_is_an_apostrophe():
    places = Gazetteer.of(
        [Named("kokand", "Kokand", ("Qoʻqon",), "City in the Fergana Valley.", "place")]
    )
    assert found(places, "Canals irrigate fields as far as Qo'qon.") == [("Qo'qon", "kokand")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A possessive inside a place's or a body's name, with its apostrophe or without.
        ("The roof over King’s Park is new.", [("King’s Park", "park")]),
        ("Vines grow in Hawkes Bay.", [("Hawkes Bay", "bay")]),
        ("Vines grow in Hawke's Bay.", [("Hawke's Bay", "bay")]),
        ("Crowds passed Peter's Gate.", [("Peter's Gate", "gate")]),
        # Not a person's name, nor a name's last word.
        ("Lars Peter’s book sold well.", []),
        ("Kings Park’s roof is new.", [("Kings Park", "park")]),
        ("The Hawke's Bays of the world.", []),
    ],
)
def test_a_possessive_inside_a_name_is_read_with_its_apostrophe_or_without(text, expected):
    places = Gazetteer.of(
        [
            Named("park", "Kings Park", (), "Rugby stadium in Veland.", "place"),
            Named("bay", "Hawke's Bay", (), "Region of Veland.", "place"),
            Named("gate", "Peters Gate", (), "Gate in a city wall.", "place"),
            Named("lp", "Lars Peters", (), "Veland writer.", "person"),
        ]
    )
    assert found(places, text) == expected


def test_a_countrys_name_read_without_its_accents_is_its_name():
    countries = Gazetteer.of(
        [Named("tr", "Turkey", ("Türkiye",), "Country in Anatolia and south-east Europe.", "place")]
    )
    text = "“Turkiye wants a calm Aegean,” the minister said."
    assert found(countries, text) == [("Turkiye", "tr")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Former prime minister Portia Simpson-Miller, who led the party, spoke.",
            [("Portia Simpson-Miller", "psm")],
        ),
        (
            "Newspapers printed his name as Cuevas-Lozano, the spelling he used.",
            [("Cuevas-Lozano", "ec")],
        ),
    ],
)
def test_two_family_names_may_be_joined_by_a_hyphen(text, expected):
    people = Gazetteer.of(
        [
            Named(
                "psm",
                "Portia Simpson Miller",
                ("Simpson Miller",),
                "Former prime minister of Jamaica.",
                "person",
            ),
            Named(
                "ec",
                "Ernesto Cuevas Lozano",
                ("Cuevas Lozano",),
                "Mexican politician, former governor.",
                "person",
            ),
        ]
    )
    assert found(people, text) == expected


CULTURE_MINISTRIES = Gazetteer.of(
    [
        Named("luanda", "Luanda", (), "Capital and largest city of Angola.", "place"),
        Named(
            "culture-it",
            "Ministry of Culture",
            (),
            "Ministry of the Italian government responsible for cultural heritage.",
            "organization",
        ),
        Named(
            "culture-ao",
            "Ministry of Culture",
            (),
            "Ministry of the government of Angola responsible for culture.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The country's name owns the ministry its description gives a people's word.
        ("Italy’s Ministry of Culture approved the loan last month.", ["culture-it"]),
        ("The panel stays on loan; Angola's Ministry of Culture agreed.", ["culture-ao"]),
        # A people's word before the name is its owner, no part of a longer name, and
        # says which before a country named further on.
        ("The Italian Ministry of Culture approved the loan.", ["culture-it"]),
        ("The Angolan Ministry of Culture thanked the Italian embassy.", ["culture-ao"]),
        # A country named after it is as often the other side: the story's country
        # decides.
        (
            "LUANDA (Newsroom) - The Ministry of Culture said Italy had agreed to return "
            "the masks.",
            ["luanda", "culture-ao"],
        ),
        # Nothing beside it says which.
        ("The Ministry of Culture approved the loan last month.", []),
    ],
)
def test_a_countrys_name_beside_a_generic_institution_meets_its_peoples_word(text, expected):
    assert keys_found(CULTURE_MINISTRIES, text) == expected


def test_a_title_fits_the_person_whose_alias_the_gazetteer_writes_with_it():
    """Two officers of one family name: the title before the bare name is the one of
    the person whose alias holds it, though both descriptions are of soldiers and the
    other was the subject of the sentence before."""
    officers = Gazetteer.of(
        [
            Named(
                "khalid-zawi",
                "Khalid Zawi",
                ("Zawi", "Field Marshal Khalid Zawi"),
                "Libyan military officer.",
                "person",
            ),
            Named(
                "samir-zawi",
                "Samir Zawi",
                ("Zawi",),
                "Libyan military officer, son of Khalid Zawi.",
                "person",
            ),
        ]
    )
    text = "Samir Zawi met Khalid Zawi on Monday. Field Marshal Zawi has not spoken."
    assert keys_found(officers, text) == ["samir-zawi", "khalid-zawi", "khalid-zawi"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The alias's title is "Vice President": "President" alone is the father's.
        (
            "Sara Duterte skipped the hearing. Her father, President Duterte, declined.",
            ["sara", "rodrigo"],
        ),
        ("Vice President Duterte did not attend the hearing.", ["sara"]),
    ],
)
def test_a_title_fits_an_alias_written_with_the_whole_title(text, expected):
    namesakes = Gazetteer.of(
        [
            Named(
                "rodrigo",
                "Rodrigo Duterte",
                ("Duterte",),
                "Filipino politician who was president of the Philippines from 2016 to 2022.",
                "person",
            ),
            Named(
                "sara",
                "Sara Duterte",
                ("Duterte", "Vice President Sara Duterte"),
                "Filipino politician, daughter of Rodrigo Duterte.",
                "person",
            ),
        ]
    )
    assert keys_found(namesakes, text) == expected


FIXED_SPACE_NAMESAKES = Gazetteer.of(
    [
        Named("harish", "Harish Patel", ("Patel",), "British factory owner.", "person"),
        Named("nisha", "Nisha Patel", ("Patel",), "British bookkeeper; his wife.", "person"),
        Named("correa-ref", "Juan Pablo Correa", (), "Uruguayan football referee.", "person"),
        Named("correa-mine", "Juan Pablo Correa", (), "Chilean mining executive.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A title before a name with a no-break space is a title as before a space.
        (
            "Harish Patel and Nisha Patel ran the firm. Police searched Mr\u00a0Patel’s office.",
            [("Harish Patel", "harish"), ("Nisha Patel", "nisha"), ("Patel", "harish")],
        ),
        # A given name with a no-break space after it is part of the name that follows:
        # the twins' full name is read as with a space (here the speaker the sentence
        # before introduced), and its given name is no mention alone.
        (
            "The referee, Juan Pablo Correa, was escorted off. “It was hard,” "
            "Juan\u00a0Pablo Correa told a radio station.",
            [("Juan Pablo Correa", "correa-ref"), ("Juan\u00a0Pablo Correa", "correa-ref")],
        ),
    ],
)
def test_a_fixed_width_space_inside_a_name_is_read_as_a_space(text, expected):
    assert found(FIXED_SPACE_NAMESAKES, text) == expected


FINANCE_MINISTRIES = Gazetteer.of(
    [
        Named("fin-pl", "Finance Ministry", (), "Ministry of Finance of Poland.", "organization"),
        Named("fin-hu", "Finance Ministry", (), "Ministry of Finance of Hungary.", "organization"),
        Named("fin-cz", "Finance Ministry", (), "Ministry of Finance of Czechia.", "organization"),
        Named("warsaw", "Warsaw", (), "Capital and largest city of Poland.", "place"),
        Named("budapest", "Budapest", (), "Capital and largest city of Hungary.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # In a story of two countries, a place of ours before it in its sentence gives
        # its country.
        (
            "Officials from Budapest and Warsaw met. In Warsaw, the Finance Ministry said "
            "it would wait.",
            ["budapest", "warsaw", "warsaw", "fin-pl"],
        ),
        (
            "Officials from Budapest and Warsaw met. The minister flew back to Budapest, "
            "where the Finance Ministry is revising the budget.",
            ["budapest", "warsaw", "budapest", "fin-hu"],
        ),
        # A place the sentence is about is no place the ministry is in.
        (
            "Officials from Budapest and Warsaw met. Drones hit Warsaw overnight, the "
            "Finance Ministry said.",
            ["budapest", "warsaw", "warsaw"],
        ),
        # One after it may be anywhere it acts on.
        (
            "Officials from Budapest and Warsaw met. The Finance Ministry said it would "
            "send officials to Warsaw.",
            ["budapest", "warsaw", "warsaw"],
        ),
    ],
)
def test_a_place_before_a_generic_institution_in_its_sentence_gives_its_country(text, expected):
    assert keys_found(FINANCE_MINISTRIES, text) == expected


BODIES_OF_COUNTRIES = Gazetteer.of(
    [
        Named(
            "sec-th",
            "Securities and Exchange Commission",
            ("SEC",),
            "Securities regulator of Thailand.",
            "organization",
        ),
        Named(
            "sec-ph",
            "Securities and Exchange Commission",
            ("SEC",),
            "Securities regulator of the Philippines.",
            "organization",
        ),
        Named("manila", "Manila", (), "Capital of the Philippines.", "place"),
        Named(
            "al-hilal",
            "Al-Hilal",
            ("Hilal",),
            "Saudi Arabian football club based in Riyadh.",
            "organization",
        ),
        Named(
            "al-hilal-om",
            "Al-Hilal Omdurman",
            ("Al-Hilal", "Hilal"),
            "Sudanese football club based in Omdurman.",
            "organization",
        ),
        Named("riyadh", "Riyadh", (), "Capital of Saudi Arabia.", "place"),
        Named(
            "culture-vn",
            "Ministry of Culture",
            (),
            "Vietnamese government ministry responsible for culture.",
            "organization",
        ),
        Named(
            "culture-kr",
            "Ministry of Culture",
            (),
            "South Korean government ministry responsible for culture.",
            "organization",
        ),
        Named(
            "culture-ua",
            "Ministry of Culture",
            (),
            "Ukrainian government ministry responsible for culture.",
            "organization",
        ),
        Named("seoul", "Seoul", (), "Capital of South Korea.", "place"),
        Named("hanoi", "Hanoi", (), "Capital of Vietnam.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Organisations of one name in as many countries are read by the story's
        # country, as generic institutions are.
        (
            "MANILA (Newsroom) - Shares in the ferry operator fell. The SEC said it "
            "would examine the filings.",
            ["manila", "sec-ph"],
        ),
        # A place written right beside the name says which, after the other was named.
        (
            "RIYADH (Newsroom) - Al-Hilal won 2-1. The winger joined in the summer from "
            "Al-Hilal of Omdurman.",
            ["riyadh", "al-hilal", "al-hilal-om"],
        ),
        # An owner written before the name says which, after the other was named.
        (
            "SEOUL (Newsroom) - Hanoi's Ministry of Culture sent the bells. Officials of "
            "Vietnam’s Ministry of Culture and of South Korea’s Ministry of Culture met.",
            ["seoul", "hanoi", "culture-vn", "culture-vn", "culture-kr"],
        ),
        # Not a word too short to tell: "UK" is no prefix of Ukraine.
        ("The UK’s Ministry of Culture wrote to both.", []),
        # A place it sits in, after "in", says which too; a month says nothing.
        (
            "RIYADH (Newsroom) - Al-Hilal won 2-1. The winger trained with Al-Hilal in "
            "Omdurman as a boy.",
            ["riyadh", "al-hilal", "al-hilal-om"],
        ),
        (
            "RIYADH (Newsroom) - Al-Hilal won 2-1. The winger trained with Al-Hilal in "
            "May as a boy.",
            ["riyadh", "al-hilal", "al-hilal"],
        ),
    ],
)
def test_organisations_of_one_name_in_several_countries_are_read_by_the_story(text, expected):
    assert keys_found(BODIES_OF_COUNTRIES, text) == expected


def test_namesakes_of_different_countries_are_told_apart_by_the_storys_country():
    """A family name of three people, each described as of one country: the story's
    country says which, before whichever was named in full last, paragraphs before
    (and before the field of the words around it: "the government" is no politician's
    here)."""
    namesakes = Gazetteer.of(
        [
            Named(
                "jp-correa",
                "Juan Pablo Correa",
                ("Correa",),
                "Chilean mining executive.",
                "person",
            ),
            Named(
                "rafael-correa",
                "Rafael Correa",
                ("Correa",),
                "Ecuadorian politician, president of Ecuador from 2007 to 2017.",
                "person",
            ),
            Named(
                "jp-correa-ref",
                "Juan Pablo Correa",
                ("Correa",),
                "Uruguayan football referee.",
                "person",
            ),
            Named("santiago", "Santiago", (), "Capital of Chile.", "place"),
        ]
    )
    text = (
        "SANTIAGO, Chile (Newsroom) - Juan Pablo Correa, who runs the mine, sued the "
        "state.\nCritics compared the suit with one once brought by Rafael Correa, the "
        "former president.\nThe court will hear the case in March.\nCorrea said the "
        "government would appeal."
    )
    assert keys_found(namesakes, text) == ["santiago", "jp-correa", "rafael-correa", "jp-correa"]
    # Unless the other, named last, is the subject of his sentence: a visitor the story
    # has turned to.
    visit = (
        "SANTIAGO, Chile (Newsroom) - Juan Pablo Correa, who runs the mine, sued the "
        "state.\nRafael Correa, Ecuador's former president, arrived in Santiago on "
        "Monday.\nHundreds of supporters met him at the airport.\nCorrea will give a "
        "lecture on Tuesday."
    )
    assert keys_found(namesakes, visit) == ["santiago", "jp-correa", "rafael-correa", "santiago"]


def test_a_family_name_before_heirs_or_descendants_names_no_one():
    painters = Gazetteer.of(
        [Named("pablo", "Pablo Picasso", ("Picasso",), "Spanish painter.", "person")]
    )
    for text in (
        "Pablo Picasso painted it in 1907. Relations among the Picasso heirs are strained.",
        "Pablo Picasso painted it in 1907. The Picasso descendants sold it in 2002.",
    ):
        assert keys_found(painters, text) == ["pablo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dateline's own-name town, unless the words before it make it an area: then
        # the rest decides (here the province, whose description names the countries
        # the story does).
        (
            "SALTA, Argentina (Newsroom) - Lithium firms came from Bolivia and Chile.\n"
            "The vote is on Sunday.\nA court in Salta ruled.",
            ["salta", "salta"],
        ),
        (
            "SALTA, Argentina (Newsroom) - Lithium firms came from Bolivia and Chile.\n"
            "The vote is on Sunday.\nShe will work with whoever the people of Salta choose.",
            ["salta", "salta-province"],
        ),
    ],
)
def test_an_area_word_before_the_datelines_own_name_makes_it_the_region(text, expected):
    salta = Gazetteer.of(
        [
            Named(
                "salta",
                "Salta",
                (),
                "City in north-western Argentina, founded in 1582.",
                "place",
            ),
            Named(
                "salta-province",
                "Salta Province",
                ("Salta",),
                "Province in north-western Argentina bordering Chile and Bolivia.",
                "place",
            ),
        ]
    )
    assert keys_found(salta, text) == expected


def test_a_country_that_beat_another_in_a_friendly_is_its_mens_team_in_a_story_of_no_women():
    """A side's result in a game's sentence ("beat ... in a friendly"): the national
    teams, and of the men's and the women's, the men's where the story never writes
    "women's"."""
    sides = Gazetteer.of(
        [
            Named("nigeria", "Nigeria", (), "Country in West Africa.", "place"),
            Named(
                "super-eagles",
                "Nigeria national football team",
                ("Nigeria", "Super Eagles"),
                "Men's national association football team of Nigeria.",
                "organization",
            ),
            Named(
                "super-falcons",
                "Nigeria women's national football team",
                ("Nigeria", "Super Falcons"),
                "Women's national association football team of Nigeria.",
                "organization",
            ),
            Named("ghana", "Ghana", (), "Country in West Africa.", "place"),
            Named(
                "black-stars",
                "Ghana national football team",
                ("Ghana", "Black Stars"),
                "Men's national association football team of Ghana.",
                "organization",
            ),
            Named(
                "black-queens",
                "Ghana women's national football team",
                ("Ghana", "Black Queens"),
                "Women's national association football team of Ghana.",
                "organization",
            ),
        ]
    )
    text = "UYO (Newsroom) - Nigeria beat Ghana 2-0 in a friendly on Tuesday."
    assert keys_found(sides, text) == ["super-eagles", "black-stars"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A people in the plural, without "the", is the people.
        ("Many of the viewers were Indians living in the Gulf.", []),
        # With "the", or a team's word after it, the team.
        ("The Indians won by six wickets.", ["team"]),
    ],
)
def test_a_people_in_the_plural_is_no_team_named_after_it(text, expected):
    team = Gazetteer.of(
        [Named("team", "Mumbai Indians", ("Indians",), "Cricket franchise.", "organization")]
    )
    assert keys_found(team, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An acronym in brackets after the words it abbreviates is theirs.
        ("The district's deputy commissioner (DC) said police would be deployed.", []),
        # After its entity's own name, it is the entity's.
        ("Delhi Capitals (DC) won by four wickets.", ["dc", "dc"]),
        ("Fans of the Delhi Capitals (DC) cheered.", ["dc", "dc"]),
    ],
)
def test_an_acronym_in_brackets_is_the_words_it_abbreviates(text, expected):
    team = Gazetteer.of(
        [Named("dc", "Delhi Capitals", ("DC",), "Cricket franchise in Delhi.", "organization")]
    )
    assert keys_found(team, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An office after a common noun's possessive, in capitals like a place's name.
        ("The area's MP, a member of the ruling party, wrote to the minister.", []),
        ("The district's local MP said nothing.", []),
        # The place: after a preposition, or a country's possessive.
        ("Farmers in MP protested.", ["mp"]),
        ("India's MP has the most tigers.", ["mp"]),
    ],
)
def test_an_office_after_a_common_possessive_is_no_place_in_capitals(text, expected):
    state = Gazetteer.of(
        [Named("mp", "Madhya Pradesh", ("MP",), "State in central India.", "place")]
    )
    assert keys_found(state, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What only a river has, before a department we know: a river we do not.
        ("The cellars lie not far from the banks of the Marne.", []),
        ("Barges wait at the mouth of the Marne.", []),
        # The department itself, and a river's own name.
        ("Farmers in the Marne department voted.", ["marne"]),
        ("Boats crossed at the mouth of the Marne Estuary.", ["estuary"]),
    ],
)
def test_what_only_a_river_has_before_a_department_is_another_place(text, expected):
    places = Gazetteer.of(
        [
            Named("marne", "Marne", (), "Department in north-eastern France.", "place"),
            Named("estuary", "Marne Estuary", (), "Estuary on the coast of Veland.", "place"),
        ]
    )
    assert keys_found(places, text) == expected


def test_a_datelines_region_written_short_is_read_as_where_the_city_lies():
    """ "KANSAS CITY, Mo.," where Missouri has the alias "Mo.": the city that lies in
    Missouri, though the other one's description names Missouri as across the line."""
    cities = Gazetteer.of(
        [
            Named("mo", "Missouri", ("Mo.",), "Midwestern U.S. state.", "place"),
            Named("kcmo", "Kansas City", (), "Largest city of Missouri.", "place"),
            Named(
                "kck",
                "Kansas City",
                (),
                "City in Kansas across the state line from Kansas City, Missouri.",
                "place",
            ),
        ]
    )
    text = "KANSAS CITY, Mo., Feb 12 (Newsroom) - The vote was close."
    assert keys_found(cities, text)[0] == "kcmo"


PARMAS = [
    Named("parma", "Parma", (), "City of Emilia-Romagna known for its food industry.", "place"),
    Named(
        "parma-river",
        "Parma",
        ("Parma torrent",),
        "Torrent of Emilia-Romagna that flows through the city of Parma into the Po.",
        "place",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A torrent is a river, whatever town its description names: no dateline is filed
        # from it, and a court sits in the city.
        ("PARMA, Mar 4 (Newsroom) - A court in Parma ruled on Tuesday.", ["parma", "parma"]),
        # The river is still "the" Parma.
        ("Police searched the banks of the Parma.", ["parma-river"]),
    ],
)
def test_a_torrent_or_an_estuary_is_a_river_whatever_town_it_flows_through(text, expected):
    assert keys_found(Gazetteer.of(PARMAS), text) == expected


SARNOS = [
    Named("sarno", "Sarno", (), "Town in the province of Salerno.", "place"),
    Named("sarno-river", "Sarno", ("Sarno river",), "River of Campania.", "place"),
    Named("tigris", "Tigris", (), "River of Turkey and Iraq.", "place"),
    Named("tigris-fc", "Tigris", (), "Football club of Veland.", "organization"),
    Named("rogun-dam", "Rogun", (), "Dam on the Vakhsh river in Tajikistan.", "place"),
    Named("rogun", "Rogun", (), "Town in Tajikistan on the Vakhsh.", "place"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No "the": the town, after any word ("residents of", "the old quarter of").
        ("Residents of Sarno have campaigned for a cleanup.", ["sarno"]),
        ("Water flooded the old quarter of Sarno on Monday.", ["sarno"]),
        # "The", a word of where between, or the first of a list: the river.
        ("Factories still drain into the lower Sarno.", ["sarno-river"]),
        ("Dye reached the Tigris and Sarno within days.", ["tigris", "sarno-river"]),
        # A dam on a river is no river: the rule leaves it be.
        ("Engineers said Rogun would be finished by 2030.", []),
    ],
)
def test_a_bare_name_with_no_the_is_no_rivers(text, expected):
    assert keys_found(Gazetteer.of(SARNOS), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The" and a bare name is a river's, not a firm's or a club's of the name.
        ("Barges store steel at a terminal on the Columbia.", ["columbia-river"]),
        ("He cut leather in a shed beside the Potenza.", ["potenza-river"]),
    ],
)
def test_the_and_a_bare_name_is_a_river_before_a_firm_or_a_club(text, expected):
    gazetteer = Gazetteer.of(
        [
            Named("columbia-river", "Columbia River", ("Columbia",), "River of Oregon.", "place"),
            Named(
                "columbia-sportswear",
                "Columbia Sportswear",
                ("Columbia",),
                "Outdoor clothing maker based in Portland, Oregon.",
                "organization",
            ),
            Named("potenza-river", "Potenza", (), "River of the Marche region.", "place"),
            Named("potenza", "Potenza", (), "City in southern Italy.", "place"),
            Named("potenza-fc", "Potenza Calcio", ("Potenza",), "Football club.", "organization"),
        ]
    )
    assert keys_found(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Turkic and Slavic letters written as two, as English copy writes them.
        ("Neftchi lost at home. Fans of Neftchi booed.", ["neftci", "neftci"]),
        ("Novak Djokovic won in Aghdam District.", ["djokovic", "agdam"]),
        # Not a short word, as often another name: "Koch" is no Koç.
        ("Charles Koch said so.", []),
        ("Besiktas and Beshiktash are one club.", ["bjk", "bjk"]),
        # As written, and with the marks dropped, too.
        ("Neftçi and Novak Đoković.", ["neftci", "djokovic"]),
    ],
)
def test_turkic_and_slavic_letters_as_copy_spells_them_out(text, expected):
    spelled_out = Gazetteer.of(
        [
            Named("neftci", "Neftçi PFK", ("Neftçi",), "Football club from Baku.", "organization"),
            Named("djokovic", "Novak Đoković", (), "Serbian tennis player.", "person"),
            Named("agdam", "Ağdam District", (), "District of Azerbaijan.", "place"),
            Named("koc", "Koç", (), "Turkish industrial conglomerate.", "organization"),
            Named(
                "bjk", "Beşiktaş J.K.", ("Beşiktaş",), "Football club of Istanbul.", "organization"
            ),
        ]
    )
    assert keys_found(spelled_out, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors placed Caldera S.p.A. under investigation.", ["spa"]),
        ("Caldera SpA said it paid.", ["spa"]),
        ("Rossi Srl makes boots; Rossi S.r.l. sells them.", ["srl", "srl"]),
    ],
)
def test_an_italian_legal_form_with_its_stops_or_without(text, expected):
    firms = Gazetteer.of(
        [
            Named("spa", "Caldera SpA", (), "Italian fashion house.", "organization"),
            Named("srl", "Rossi S.r.l.", (), "Italian shoemaker.", "organization"),
        ]
    )
    assert keys_found(firms, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ibrahim Musa was there. The striker Musa said the players were told.", "cf"),
        ("Ibrahim Musa was there. The lawmaker Musa said the players were told.", "mp"),
    ],
)
def test_a_role_before_a_name_said_in_other_words_than_the_description(text, expected):
    namesakes = Gazetteer.of(
        [
            Named("cf", "Ibrahim Musa", ("Musa",), "Nigerian centre-forward.", "person"),
            Named("mp", "Ibrahim Musa", ("Musa",), "Nigerian senator for Kano.", "person"),
        ]
    )
    assert keys_found(namesakes, text)[-1] == expected


SPAIN_AND_PORTUGAL = Gazetteer.of(
    [
        Named("arlanzon", "Arlanzón", (), "River of the province of Burgos.", "place"),
        Named("ebro", "Ebro", (), "Longest river flowing entirely within Spain.", "place"),
        Named("ebro-foods", "Ebro Foods", ("Ebro",), "Spanish food group.", "organization"),
        Named("minho", "Minho", (), "Historic province of north-western Portugal.", "place"),
        Named("minho-river", "Minho River", ("Minho",), "River of Galicia and Portugal.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count or a measure after "the" and a place is no part of a name.
        ("He crossed the line beside the Arlanzón 14 seconds ahead.", ["arlanzon"]),
        # The valley of a river is the river's.
        ("The race followed the valley of the Ebro before turning west.", ["ebro"]),
        # "Region" said of a province, when nothing of the name is called a region.
        ("Fishermen in Portugal's Minho region said they feared cuts.", ["minho"]),
    ],
)
def test_what_the_words_about_a_place_say_of_its_kind(text, expected):
    assert keys_found(SPAIN_AND_PORTUGAL, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A judge is the one described as a magistrate.
        ("Judge Javier Ortega wrote the ruling. Judge Ortega said so.", ["judge", "judge"]),
        # A governor the one whose alias writes the title short.
        ("Governor Villaraza did not appear.", ["governor"]),
        # "Ma." for María, with its stop or without.
        ("Associate Justice Ma Teresita Manalastas wrote for the court.", ["justice"]),
    ],
)
def test_titles_and_given_names_written_otherwise_than_the_gazetteer(text, expected):
    people = Gazetteer.of(
        [
            Named("judge", "Javier Ortega", ("Ortega",), "Spanish magistrate.", "person"),
            Named("cyclist", "Javier Ortega", ("Ortega",), "Spanish road cyclist.", "person"),
            Named(
                "governor",
                "Teodoro Villaraza",
                ("Villaraza", "Gov. Villaraza"),
                "Philippine politician of Iloilo province.",
                "person",
            ),
            Named(
                "representative",
                "Miguel Villaraza",
                ("Villaraza", "Rep. Villaraza"),
                "Philippine politician of Iloilo province, his son.",
                "person",
            ),
            Named(
                "justice",
                "Ma. Teresita Manalastas",
                ("Manalastas",),
                "Associate justice of the Supreme Court of the Philippines.",
                "person",
            ),
        ]
    )
    assert keys_found(people, text) == expected


def test_a_datelines_town_is_the_one_that_lies_in_the_region_of_its_name():
    """ "YOGYAKARTA, Indonesia,": the region's description names Indonesia, but the city
    is its capital, and so lies in Indonesia too: a dateline names a town."""
    java = Gazetteer.of(
        [
            Named(
                "city",
                "Yogyakarta",
                (),
                "City in Java, capital of the Special Region of Yogyakarta.",
                "place",
            ),
            Named(
                "region",
                "Special Region of Yogyakarta",
                ("Yogyakarta",),
                "Province-level special region of Indonesia in Java.",
                "place",
            ),
            Named("indonesia", "Indonesia", (), "Country in South-East Asia.", "place"),
        ]
    )
    text = "YOGYAKARTA, Indonesia, Nov 14 (Newsroom) - Ash fell on the city."
    assert keys_found(java, text)[:2] == ["city", "indonesia"]


def test_a_name_before_whose_kin_is_not_that_kin():
    brothers = Gazetteer.of(
        [
            Named("mikel", "Mikel Arrieta", ("Arrieta",), "Basque road cyclist.", "person"),
            Named("pello", "Pello Arrieta", ("Arrieta",), "Basque road cyclist.", "person"),
        ]
    )
    text = (
        'Pello Arrieta finished fifth. Mikel Arrieta was second. "I had nothing left," said '
        "Arrieta, whose younger brother Pello Arrieta rides for another team."
    )
    assert keys_found(brothers, text) == ["pello", "mikel", "mikel", "pello"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Burgos BH won the stage. Burgos attacked early. Burgos has long been a cycling city.",
            ["team", "team", "burgos"],
        ),
        # Not what a team is said to be.
        ("Burgos BH won the stage. Burgos is a team of climbers.", ["team", "team"]),
    ],
)
def test_a_kind_of_place_said_of_a_name_makes_it_that_place(text, expected):
    burgos = Gazetteer.of(
        [
            Named("burgos", "Burgos", (), "City in Castile and León.", "place"),
            Named("team", "Burgos BH", ("Burgos",), "Spanish road cycling team.", "organization"),
        ]
    )
    assert keys_found(burgos, text) == expected


def test_a_common_word_only_inside_a_name_of_the_description_is_no_cue():
    """ "State" in "the United States" is no cue for a "state oil company", "County" in
    "Allen County" none for a county: the Lima of a story about Peru's refinery."""
    limas = Gazetteer.of(
        [
            Named("lima", "Lima", (), "Capital and largest city of Peru.", "place"),
            Named(
                "lima-oh",
                "Lima",
                (),
                "City in northwestern Ohio in the United States, seat of Allen County.",
                "place",
            ),
        ]
    )
    text = "LIMA, Jun 4 (Newsroom) - Congress voted to let the state oil company find partners."
    assert keys_found(limas, text) == ["lima"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ZACATECAS, Mexico, May 6 (Newsroom) - A miner bought a mine.", ["city", "mexico"]),
        # Not a town in a county of the name.
        ("WINDSOR, Vermont, May 6 (Newsroom) - A mill closed.", ["windsor-vt", "vermont"]),
    ],
)
def test_a_datelines_town_that_is_its_states_capital(text, expected):
    mexico = Gazetteer.of(
        [
            Named("state", "Zacatecas", (), "State in north-central Mexico.", "place"),
            Named(
                "city", "Zacatecas", (), "Capital city of the Mexican state of Zacatecas.", "place"
            ),
            Named("mexico", "Mexico", (), "Country in North America.", "place"),
            Named("windsor-vt", "Windsor", (), "Town in Windsor County, Vermont.", "place"),
            Named("windsor-ns", "Windsor", (), "Community in Hants County, Nova Scotia.", "place"),
            Named("vermont", "Vermont", (), "State of New England.", "place"),
        ]
    )
    assert keys_found(mexico, text) == expected


def test_a_country_its_description_calls_a_baltic_state_is_a_country():
    """A country's own name before an opera company's alias: "Baltic state" is no state
    of a federation, whose own names give way to cues more readily."""
    baltic = Gazetteer.of(
        [
            Named("estonia", "Estonia", (), "Baltic state on the Gulf of Finland.", "place"),
            Named(
                "opera",
                "Estonian National Opera",
                ("Estonia",),
                "National opera company of Estonia, in Tallinn.",
                "organization",
            ),
        ]
    )
    text = "The utility said more power cables to Finland and Estonia would help, in Tallinn."
    assert keys_found(baltic, text) == ["estonia"]


def test_the_region_a_dateline_writes_short_is_that_region_further_on():
    georgias = Gazetteer.of(
        [
            Named("ga", "Georgia", ("Ga.",), "State in the south-eastern United States.", "place"),
            Named("ge", "Georgia", (), "Country in the South Caucasus.", "place"),
            Named("columbus", "Columbus", (), "City in western Georgia.", "place"),
        ]
    )
    text = (
        "COLUMBUS, Ga., March 2 (Newsroom) - A tornado tore through the city.\n"
        "Forecasters rated the Georgia tornado an EF3."
    )
    assert keys_found(georgias, text) == ["columbus", "ga", "ga"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A pipefitter from Paris, in northeast Texas, who was working nearby, was hurt.", "tx"),
        ("Power was cut to homes in southwest Louisiana and southeast Texas.", "tx"),
        ("Texas beat Oklahoma 31-28 and Texas fans stormed the field.", "longhorns"),
    ],
)
def test_a_part_of_a_place_by_its_direction_is_the_place(text, expected):
    texas = Gazetteer.of(
        [
            Named("tx", "Texas", (), "State in the south-central United States.", "place"),
            Named(
                "longhorns",
                "Texas Longhorns",
                ("Texas",),
                "Athletic teams of the University of Texas at Austin.",
                "organization",
            ),
        ]
    )
    assert keys_found(texas, text)[-1] == expected


def test_the_last_of_names_listed_after_a_word_of_place_is_a_place():
    montgomeries = Gazetteer.of(
        [
            Named("city", "Montgomery", (), "Capital city of Alabama.", "place"),
            Named("earl", "Earl Montgomery", ("Montgomery",), "Alabama state senator.", "person"),
        ]
    )
    text = (
        "Senator Earl Montgomery backed the bill. Montgomery said it would pass. The tribe "
        "runs casinos in Atmore, Wetumpka and Montgomery."
    )
    assert keys_found(montgomeries, text) == ["earl", "earl", "city"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HD Hyundai builds ships. Jeonbuk is owned by the carmaker Hyundai.", "motor"),
        ("Hyundai Motor sells cars. Ulsan is owned by the shipbuilder Hyundai.", "hd"),
        # Not a word the description writes further on.
        ("HD Hyundai builds ships. The Korean Hyundai group grew.", "hd"),
    ],
)
def test_what_the_word_before_an_organisations_name_calls_it(text, expected):
    hyundais = Gazetteer.of(
        [
            Named("motor", "Hyundai Motor", ("Hyundai",), "South Korean carmaker.", "organization"),
            Named(
                "hd",
                "HD Hyundai",
                ("Hyundai",),
                "South Korean shipbuilder and heavy industry group.",
                "organization",
            ),
        ]
    )
    assert keys_found(hyundais, text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place by its direction before a name written without its marks.
        ("The storm will bring rain to northern Kyushu on Wednesday.", ["kyushu"]),
        # A capital letter alone opening a name joined by a hyphen.
        ("Ulsan won the K-League title.", ["kleague"]),
    ],
)
def test_names_written_otherwise_read_by_a_direction_or_a_hyphen(text, expected):
    japan = Gazetteer.of(
        [
            Named("kyushu", "Kyūshū", (), "Southernmost main island of Japan.", "place"),
            Named("kleague", "K League", (), "Top football league of South Korea.", "organization"),
        ]
    )
    assert keys_found(japan, text) == expected


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Torrent of Emilia-Romagna that flows through the city of Parma.", "river"),
        ("Estuary formed where the Garonne and Dordogne meet.", "river"),
        ("Dam on the Benue River in Cameroon.", "dam"),
        # A canal is named bare in copy ("traffic through Suez"): no river's rules for it.
        ("Canal through Egypt joining the Mediterranean and the Red Sea.", "sea"),
        # Not a feature it borders: Kentucky is no river.
        ("Southern US commonwealth bounded on the north by the Ohio River.", None),
        ("City on the coast, facing the island of Mull.", "city"),
    ],
)
def test_the_kind_a_description_gives_a_natural_feature(description, kind):
    assert _kind_described(profile(Named("x", "X", (), description, "place"))) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The league breaks for two weeks during Ramadan.", []),
        ("Dredging will begin before Ramadan, the ministry said.", []),
        ("Coach Hossam Ramadan was sacked. Ramadan said he would appeal.", ["coach", "coach"]),
    ],
)
def test_an_islamic_month_is_a_time_not_the_person_of_the_name(text, expected):
    coaches = Gazetteer.of(
        [Named("coach", "Hossam Ramadan", ("Ramadan",), "Egyptian football coach.", "person")]
    )
    assert keys_found(coaches, text) == expected
    assert coaches.needs_a_look("Ramadan", "coach")


PLACES_AND_SIDES = Gazetteer.of(
    [
        Named(
            "perth-wa",
            "Perth",
            (),
            "State capital of Western Australia, on the Swan River.",
            "place",
        ),
        Named("perth-scotland", "Perth", (), "City on the River Tay in central Scotland.", "place"),
        Named("wa", "Western Australia", (), "Largest state of Australia, in the west.", "place"),
        Named("longford", "Longford", (), "County town of County Longford, Ireland.", "place"),
        Named(
            "county-longford",
            "County Longford",
            ("Longford",),
            "County in the midlands of Ireland, in the province of Leinster.",
            "place",
        ),
        Named("sri-lanka", "Sri Lanka", (), "Island country in the Indian Ocean.", "place"),
        Named(
            "sri-lanka-xi",
            "Sri Lanka national cricket team",
            ("Sri Lanka",),
            "Men's cricket team representing Sri Lanka in international cricket.",
            "organization",
        ),
        Named("indiana", "Indiana", (), "US state in the Midwest; capital Indianapolis.", "place"),
        Named(
            "pacers",
            "Indiana Pacers",
            ("Pacers", "Indiana"),
            "NBA team based in Indianapolis.",
            "organization",
        ),
        Named(
            "bmc",
            "Brihanmumbai Municipal Corporation",
            ("BMC",),
            "Civic body governing Greater Mumbai.",
            "organization",
        ),
        Named("mumbai", "Mumbai", ("Bombay",), "Capital of Maharashtra, India.", "place"),
        Named("us", "United States", ("U.S.", "US"), "Country in North America.", "place"),
        Named("may", "Theresa May", ("May",), "British politician, prime minister.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "State capital", "County town": a town, of the region its first word names.
        ("PERTH, Oct 14 (Newsroom) - Miners in Western Australia said no.", ["perth-wa", "wa"]),
        ("Its wind farm near Longford town opened.", ["longford"]),
        # In a report of a game, a side named after a place takes a plural verb after a
        # clause's opener; the place does not, and elsewhere copy may write either.
        (
            "The board met at the ground, where Sri Lanka are preparing for a series "
            "after the bowlers took 20 wickets.",
            ["sri-lanka-xi"],
        ),
        ("Voters in Sri Lanka are tired of the board.", ["sri-lanka"]),
        ("Bonds rallied after Sri Lanka were able to restructure its debt.", ["sri-lanka"]),
        # A score after a side is no model's number.
        ("The Bucks held off the Indiana Pacers 118-112 on Sunday.", ["pacers"]),
        # A town's word after a state's name says the town lies in it.
        ("It has made engines in the southern Indiana city since 1919.", ["indiana"]),
        # A country's region by its direction, after the country's name.
        ("Routes between Toronto and the U.S. Northeast.", ["us"]),
        # The pronoun "I" after a name inside a sentence; "May I" opening one is a verb.
        ("“This is not the Bombay I grew up in,” she said.", ["mumbai"]),
        ("“May I say, nobody has cancelled,” she said.", []),
    ],
)
def test_words_around_a_place_name_that_say_what_it_names(text, expected):
    assert keys_found(PLACES_AND_SIDES, text) == expected


FIRMS_AND_PLAYERS = Gazetteer.of(
    [
        Named(
            "ford-motor",
            "Ford Motor Company",
            ("Ford",),
            "American carmaker in Dearborn.",
            "organization",
        ),
        Named("marcus-ford", "Marcus Ford", ("Ford",), "Michigan state senator.", "person"),
        Named("jordan", "Jordan", (), "Country in western Asia; capital Amman.", "place"),
        Named(
            "terrence-jordan",
            "Terrence Jordan",
            ("Jordan",),
            "American basketball player.",
            "person",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Workers, strikes and stakes are a firm's, before its name as after it.
        (
            "Senator Marcus Ford spoke. A two-week strike at Ford would cut output.",
            ["marcus-ford", "ford-motor"],
        ),
        (
            "Senator Marcus Ford spoke. Ford said the strike would hurt.",
            ["marcus-ford", "marcus-ford"],
        ),
        # A player's verb past words set beside the name, in a report of a game: the
        # player the story introduced; an economy's figures are no player's.
        (
            "Terrence Jordan led the Pacers with 12 rebounds.\n"
            "Jordan, an All-Star last season, has averaged 27 points.",
            ["terrence-jordan", "terrence-jordan"],
        ),
        (
            "Terrence Jordan spoke.\nJordan, a close US ally, has averaged 4 percent growth.",
            ["terrence-jordan", "jordan"],
        ),
        (
            "Terrence Jordan led the Pacers.\nJordan, a close ally of the US, has asked for aid.",
            ["terrence-jordan", "jordan"],
        ),
        # A possessor of something else is no firm: "a stake in Ford's defeat".
        (
            "Senator Marcus Ford spoke. Unions have a stake in Ford's defeat.",
            ["marcus-ford", "marcus-ford"],
        ),
    ],
)
def test_words_beside_a_shared_name_that_say_a_firm_or_a_player(text, expected):
    assert keys_found(FIRMS_AND_PLAYERS, text) == expected


PROVINCES_AND_CAPITALS = Gazetteer.of(
    [
        Named(
            "quebec",
            "Quebec",
            ("Québec",),
            "Largest province of Canada by area.",
            "place",
        ),
        Named(
            "quebec-city",
            "Quebec City",
            ("Québec",),
            "Capital of the province of Quebec, on the St. Lawrence River.",
            "place",
        ),
        Named(
            "ontario",
            "Ontario",
            (),
            "Most populous province of Canada, between Quebec and Manitoba.",
            "place",
        ),
        Named("nyc", "New York City", ("New York",), "Largest city of the United States.", "place"),
        Named(
            "nys",
            "New York State",
            ("New York",),
            "State in the north-east of the United States.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A direction before a name says the area, the province, not its capital.
        (
            "QUEBEC CITY, Jan 22 (Newsroom) - Cold air will linger over southern Quebec and "
            "eastern Ontario.",
            ["quebec-city", "quebec", "ontario"],
        ),
        # "City" ending a dateline is in every town's description: no cue for New York City.
        ("QUEBEC CITY, Jan 22 (Newsroom) - The power goes to New York.", ["quebec-city"]),
        # A direction before the name says the area, whatever it is listed with.
        ("Homes in Ottawa and western Quebec lost power.", ["quebec"]),
    ],
)
def test_a_direction_says_the_province_and_a_datelines_town_word_is_no_cue(text, expected):
    assert keys_found(PROVINCES_AND_CAPITALS, text) == expected


STORMS_AND_FIRMS = Gazetteer.of(
    [
        Named("sam-kirk", "Sam Kirk", ("Kirk",), "Jamaican cricket umpire.", "person"),
        Named(
            "marcus-dean",
            "Marcus Dean",
            ("Dean",),
            "Vice-president of a development bank.",
            "person",
        ),
        Named("shell", "Shell", (), "British oil and gas company.", "organization"),
        Named(
            "chl",
            "Champions Hockey League",
            (),
            "European ice hockey club competition.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A storm's name, and its surname alone after it, is no one of ours...
        ("Hurricane Kirk made landfall on Tuesday. Kirk weakened over the hills.", []),
        # ...unless the name speaks: a storm does not.
        (
            "Marcus Dean spoke. Homes repaired after Hurricane Dean in 2007 fell. Dean said so.",
            ["marcus-dean", "marcus-dean"],
        ),
        # A firm a verb lets do something is the firm, not a product after "a".
        ("They signed a licence allowing Shell to develop the field.", ["shell"]),
        # "Quarter" in "quarter-final" is no district named after a club.
        ("They play the first leg of a Champions Hockey League quarter-final.", ["chl"]),
        # Nor is one described as a person after it.
        (
            "Marcus Dean flew in after Hurricane Dean. Dean, the bank's vice-president, "
            "met relief workers.",
            ["marcus-dean", "marcus-dean"],
        ),
    ],
)
def test_storms_and_firms_beside_words_that_look_like_other_readings(text, expected):
    assert keys_found(STORMS_AND_FIRMS, text) == expected


def test_a_regnal_number_is_no_pronoun():
    """ "I" after a king's name is his number, not the pronoun: "King Charles I" is no
    King Charles III, who has "King Charles" as an alias."""
    kings = Gazetteer.of(
        [
            Named(
                "charles3",
                "King Charles III",
                ("King Charles", "Charles III"),
                "King of the United Kingdom since 2022.",
                "person",
            )
        ]
    )
    assert keys_found(kings, "A letter signed by King Charles I sold for 40,000 pounds.") == []


COUNTRIES_AND_SIDES = Gazetteer.of(
    [
        Named(
            "chile",
            "Chile",
            ("Republic of Chile",),
            "Long, narrow republic on the Pacific coast of South America, with its capital at "
            "Santiago.",
            "place",
        ),
        Named(
            "chile-team",
            "Chile national football team",
            ("Chile", "La Roja"),
            "Men's national football team of Chile.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Only a side equalises, whatever else its sentence says.
        (
            "Chile equalised five minutes after half-time through a winger from Santiago.",
            ["chile-team"],
        ),
        # "To" after a side's word is the other side in a report of a game, not a journey.
        (
            "The striker scored twice. The coach will name him for the qualifier away to "
            "Chile in Santiago.",
            ["chile-team"],
        ),
        # A country that equalises something is no side.
        (
            "The striker scored twice. Chile equalised the retirement age for men and women.",
            ["chile"],
        ),
        # Outside a report of a game "to" is where someone goes.
        ("The minister flew to Chile to talk about copper.", ["chile"]),
        # And a loss, not a side's word, keeps its place.
        ("The striker scored twice. Exporters sold copper to Chile at a loss.", ["chile"]),
    ],
)
def test_a_countrys_name_as_its_side_in_a_report_of_a_game(text, expected):
    assert keys_found(COUNTRIES_AND_SIDES, text) == expected


WORDLIKE_SURNAMES = Gazetteer.of(
    [
        Named("hannah-may", "Hannah May", (), "Treasurer of Western Australia.", "person"),
        Named("dan-young", "Dan Young", (), "Canadian union organiser.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A family name that is also a word or a month names the person named in full,
        # as any family name does...
        (
            "Treasurer Hannah May spoke on Thursday. Ms May told parliament it would shrink.",
            [("Hannah May", "hannah-may"), ("May", "hannah-may")],
        ),
        (
            "Dan Young spoke. The deal, Young said, was done.",
            [("Dan Young", "dan-young"), ("Young", "dan-young")],
        ),
        # ...but not as a date, nor where neither a title nor what only a person does
        # says it is one.
        ("Hannah May spoke. In May the surplus fell.", [("Hannah May", "hannah-may")]),
        ("Hannah May said a May election was unlikely.", [("Hannah May", "hannah-may")]),
        ("Dan Young spoke. Young voters stayed home.", [("Dan Young", "dan-young")]),
        (
            "Hannah May spoke. May was the best month for exports.",
            [("Hannah May", "hannah-may")],
        ),
    ],
)
def test_a_family_name_that_is_also_a_word(text, expected):
    assert found(WORDLIKE_SURNAMES, text) == expected


SWEDISH_AND_POLISH_TOWNS = Gazetteer.of(
    [
        Named("malmo", "Malmö", (), "City in Skåne County, southern Sweden.", "place"),
        Named("umea", "Umeå", (), "City in northern Sweden.", "place"),
        Named("krakow", "Kraków", (), "City in southern Poland.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name listed after it is no region that qualifies it ("San Jose, California").
        ("The delegation visited Malmo, Lund and Helsingborg on Tuesday.", ["malmo"]),
        # A place's verb or its people after its name inside a sentence say the place,
        # where a common word would say a thing named after it ("Evian water").
        ("A regional court said Umea could go ahead with the new hospital.", ["umea"]),
        ("The minister said Krakow officials had approved the plan.", ["krakow"]),
        ("The minister said Krakow sausages sold well.", []),
    ],
)
def test_a_place_read_through_its_accents_by_the_words_after_it(text, expected):
    assert keys_found(SWEDISH_AND_POLISH_TOWNS, text) == expected


NAMESAKE_TOWNS = Gazetteer.of(
    [
        Named(
            "melbourne", "Melbourne", (), "Capital of the Australian state of Victoria.", "place"
        ),
        Named(
            "melbourne-fl",
            "Melbourne",
            (),
            "City on the Atlantic coast of Florida, United States.",
            "place",
        ),
        Named("florida", "Florida", (), "State in the south-east of the United States.", "place"),
        Named("pasadena-ca", "Pasadena", (), "City in Los Angeles County, California.", "place"),
        Named("pasadena-tx", "Pasadena", (), "City in Harris County, Texas.", "place"),
        Named("texas", "Texas", (), "State in the south of the United States.", "place"),
        Named("perth-wa", "Perth", (), "Capital of Western Australia.", "place"),
        Named("perth-scotland", "Perth", (), "City in central Scotland on the River Tay.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Copy sets the region after the namesake a reader would not take the bare name
        # for: the bare name before it is the other, even where the words near it are
        # those of the qualified one's description ("United States").
        (
            "A firefighter was taken to hospital in Melbourne.\nA team from the United "
            "States is led by a captain from Melbourne, Florida.",
            ["melbourne", "melbourne-fl", "florida"],
        ),
        # ...and after it, when the story first wrote the name bare; a region the
        # gazetteer lacks counts by the words of the description.
        (
            "He left for Perth at 19.\nHis brother works in Perth, Western Australia.\n"
            "Fans gather on the western edge of Perth each summer.",
            ["perth-scotland", "perth-wa", "perth-scotland"],
        ),
        # Not in the paragraph that writes the region: there the bare name is the one
        # the writer goes on to make plain, or goes on speaking of.
        (
            "Melbourne police said the fire was out. The town of Melbourne, Florida, has "
            "80,000 people.",
            ["melbourne-fl", "melbourne-fl", "florida"],
        ),
        (
            "A firefighter was taken to hospital in Melbourne.\nA team from Melbourne, "
            "Florida, flew in. Melbourne's fire chief said his crew would stay.",
            ["melbourne", "melbourne-fl", "florida", "melbourne-fl"],
        ),
        # The story that first writes the name with its region means that one after.
        (
            "A plant in Pasadena, Texas, exploded. The mayor of Pasadena said the city "
            "would rebuild.",
            ["pasadena-tx", "texas", "pasadena-tx"],
        ),
    ],
)
def test_the_namesake_the_story_qualifies_elsewhere_is_not_the_bare_name(text, expected):
    assert keys_found(NAMESAKE_TOWNS, text) == expected


def test_a_name_joined_to_its_particle_by_a_no_break_space_is_no_other_persons_surname():
    """ "Ó\u00a0Briain" is one name as "Ó Briain" is: of two Seáns of the name that
    nothing tells apart, neither is found, and its last word is not the other brother."""
    brothers = Gazetteer.of(
        [
            Named("sean-hurler", "Seán Ó Briain", ("Ó Briain",), "Irish hurler.", "person"),
            Named("sean-senator", "Seán Ó Briain", ("Ó Briain",), "Irish senator.", "person"),
            Named("cathal", "Cathal Ó Briain", ("Ó Briain",), "Irish hurler.", "person"),
        ]
    )
    for space in (" ", "\u00a0"):
        text = f"Cathal Ó Briain scored. A challenge on Seán Ó{space}Briain followed."
        assert found(brothers, text) == [("Cathal Ó Briain", "cathal")]


NAMESAKE_PLAYERS = Gazetteer.of(
    [
        Named("lee-pitcher", "Lee Ji-hoon", (), "South Korean baseball pitcher.", "person"),
        Named("lee-politician", "Lee Ji-hoon", (), "South Korean politician.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Named again in full where nothing beside the name tells them apart: the one the
        # story named before, when the story's field is his.
        (
            "Lee Ji-hoon, the pitcher, threw seven innings as the Giants won.\n"
            "The team's fans cheered in the stands when Lee Ji-hoon walked off, and the "
            "club said the league had noticed the season he is having.",
            ["lee-pitcher", "lee-pitcher"],
        ),
        # Not when the field is not his: a memory alone does not tell twins apart.
        (
            "Lee Ji-hoon, the pitcher, threw seven innings as the Giants won.\n"
            "In parliament, the opposition party asked the minister about the budget.\n"
            "The ministry said on Monday that Lee Ji-hoon had written to the minister.",
            ["lee-pitcher"],
        ),
    ],
)
def test_a_twins_full_name_again_is_the_one_named_before_in_a_story_of_his_field(text, expected):
    assert keys_found(NAMESAKE_PLAYERS, text) == expected


def test_a_vice_chairmans_title_is_not_claimed_by_the_chairman():
    """ "Vice Chairman Park" is the brother described as vice chairman, though the story
    named the chairman last: the one described as chairman holds no office of that title."""
    family = Gazetteer.of(
        [
            Named(
                "park-elder",
                "Park Sung-jin",
                ("Park",),
                "South Korean business executive, chairman of the Cheonma Group.",
                "person",
            ),
            Named(
                "park-younger",
                "Park Sung-ho",
                ("Park",),
                "South Korean business executive, vice chairman of Cheonma Heavy Industries.",
                "person",
            ),
        ]
    )
    text = (
        "The contract was signed by Park Sung-ho, the vice chairman of the shipbuilder.\n"
        "His elder brother, group chairman Park Sung-jin, praised the order. People "
        "familiar with the talks said Vice Chairman Park had negotiated the deal alone."
    )
    assert keys_found(family, text) == ["park-younger", "park-elder", "park-younger"]


def test_a_kin_written_after_a_place_is_no_relation_of_the_place():
    """ "Of Cebu, whose father is the governor of Cebu province" tells of the senator's
    father, not of a namesake Cebu is not: the province stays a candidate."""
    cebu = Gazetteer.of(
        [
            Named("cebu-province", "Cebu", (), "Province of the central Philippines.", "place"),
            Named("cebu-city", "Cebu City", ("Cebu",), "Capital of the province of Cebu.", "place"),
        ]
    )
    text = (
        "The bill passed. Among its critics is Senator Ana Reyes of Cebu, whose father is "
        "the governor of Cebu province."
    )
    assert keys_found(cebu, text) == ["cebu-province", "cebu-province"]


CLUBS_OF_TWO_SPORTS = Gazetteer.of(
    [
        Named(
            "fk-partizan", "FK Partizan", ("Partizan",), "Serbian football club.", "organization"
        ),
        Named(
            "kk-partizan", "KK Partizan", ("Partizan",), "Serbian basketball club.", "organization"
        ),
        Named("spurs-nba", "San Antonio Spurs", ("Spurs",), "US basketball team.", "organization"),
        Named(
            "spurs-fc", "Tottenham Hotspur", ("Spurs",), "English football club.", "organization"
        ),
        Named("estudiantes", "Estudiantes", (), "Argentine football club.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The sport its sentence names before it, in a report of a football match.
        (
            "The striker equalised at the pitch end. The two clubs' basketball teams meet "
            "on Thursday, where Partizan host their rivals.",
            ["kk-partizan"],
        ),
        # Not the sport set beside another name as what it is.
        (
            "Estudiantes, the football club, sent a shirt, and the Spurs paid for the scoreboard.",
            ["estudiantes"],
        ),
        # Nor where the sentence names the other club's sport too: it compares them.
        (
            "Unlike its basketball side, Partizan's football team has struggled this season.",
            ["fk-partizan"],
        ),
        (
            "Milan Kostić, who played basketball as a teenager, signed with Partizan on "
            "Monday, the football club said.",
            ["fk-partizan"],
        ),
    ],
)
def test_a_clubs_sport_named_before_it_in_its_sentence(text, expected):
    assert keys_found(CLUBS_OF_TWO_SPORTS, text) == expected


NOT_RIVERS = Gazetteer.of(
    [
        Named(
            "corrib-savings", "Corrib Savings", ("Corrib",), "Irish savings bank.", "organization"
        ),
        Named("foyle", "Foyle", (), "Parliamentary constituency in Northern Ireland.", "place"),
        Named(
            "corrib-river", "River Corrib", ("Corrib",), "River that flows through Galway.", "place"
        ),
        Named("kentucky", "Kentucky", (), "Southern US state, capital Frankfort.", "place"),
        Named("uk", "University of Kentucky", ("Kentucky",), "Public university.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What only a river does, or what crosses it, after "the": a river we do not know.
        ("By midnight the Foyle had burst its banks below the bridge.", []),
        ("There are three bridges across the Foyle, and one of them is new.", []),
        # Of none of the entities of the name.
        ("In the capital the Kentucky rose over its banks again.", []),
        # Not the constituency's own words, nor a river we know.
        ("She was elected for Foyle in 2019.", ["foyle"]),
        ("By midnight the Corrib had burst its banks below the weir.", ["corrib-river"]),
    ],
)
def test_a_river_we_do_not_know_by_what_it_does_or_what_crosses_it(text, expected):
    assert keys_found(NOT_RIVERS, text) == expected


def test_a_river_named_after_a_town_or_a_mountain_of_ours_is_none_of_them():
    places = Gazetteer.of(
        [
            Named("narva", "Narva", (), "City in north-eastern Estonia.", "place"),
            Named("aconcagua", "Aconcagua", (), "Highest mountain of the Andes.", "place"),
            Named("ravi", "Ravi", (), "River of northern India and Pakistan.", "place"),
        ]
    )
    text = (
        "The theatre stands near the Narva river in Narva. Meltwater will lift the "
        "Aconcagua river. Farmers along the Ravi river sowed wheat."
    )
    assert keys_found(places, text) == ["narva", "ravi"]


def test_what_a_river_has_before_a_firms_name_is_a_river_we_do_not_know():
    miner = Gazetteer.of(
        [Named("fortescue", "Fortescue", (), "Australian iron ore miner.", "organization")]
    )
    text = "Fortescue shares rose. Its first mine sat on the banks of the Fortescue."
    assert keys_found(miner, text) == ["fortescue"]


def test_a_family_name_alone_after_a_title_of_office_is_the_one_who_holds_it():
    """With no alias of the family name, a title before it still tells two people named
    in full apart: "Finance Minister Kovács" after the prime minister of the name."""
    ministers = Gazetteer.of(
        [
            Named("kov-pm", "Gábor Kovács", (), "Prime minister of Hungary.", "person"),
            Named("kov-fin", "Zsófia Kovács", (), "Hungarian finance minister.", "person"),
        ]
    )
    text = (
        "Zsófia Kovács presented the budget after Prime Minister Gábor Kovács defended it. "
        "Finance Minister Kovács said the deficit would narrow."
    )
    assert keys_found(ministers, text) == ["kov-fin", "kov-pm", "kov-fin"]


TOWNS_AND_THEIR_REGIONS = Gazetteer.of(
    [
        Named(
            "mendoza", "Mendoza", (), "City of western Argentina at the foot of the Andes.", "place"
        ),
        Named(
            "mendoza-province",
            "Mendoza Province",
            ("Mendoza",),
            "Province of western Argentina known for its vineyards, whose capital is the city of "
            "Mendoza.",
            "place",
        ),
        Named("gulu", "Gulu", (), "City in northern Uganda with a large maize market.", "place"),
        Named(
            "gulu-district",
            "Gulu District",
            ("Gulu",),
            "District of northern Uganda whose chief town is Gulu.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One travels to a town, or from it, and a route runs between towns, whatever
        # words of the region's description stand near.
        ("Vineyard owners travel to Mendoza each March.", ["mendoza"]),
        ("The vineyards' first flights from Mendoza to Santiago leave in May.", ["mendoza"]),
        ("Vineyards said trains between Mendoza and San Juan were cancelled.", ["mendoza"]),
        ("Vineyards lie on the road north of Mendoza.", ["mendoza"]),
        # An area is the region's, whatever words of the town's.
        ("Farmers across Gulu took maize to market.", ["gulu-district"]),
        ("“The people of Gulu know the maize market,” she said.", ["gulu-district"]),
        # The words of a region's government or of its parts, but not those that sit in
        # the town.
        ("The regional council of Gulu met on the maize market.", ["gulu-district"]),
        ("Maize markets in several of Gulu's 12 districts were shut.", ["gulu-district"]),
        ("County officials in Gulu closed the maize market.", ["gulu"]),
        # What goes across a town is in the town.
        ("The maize market brought traffic across Gulu to a standstill.", ["gulu"]),
    ],
)
def test_a_town_is_a_point_one_travels_to_and_its_region_an_area(text, expected):
    assert keys_found(TOWNS_AND_THEIR_REGIONS, text) == expected


RIVER_AND_ITS_TOWN = Gazetteer.of(
    [
        Named(
            "kafue-river", "Kafue River", ("Kafue",), "Tributary of the Zambezi in Zambia.", "place"
        ),
        Named("kafue-town", "Kafue", (), "Industrial town in Zambia on the Kafue River.", "place"),
        Named(
            "murchison-river",
            "Murchison River",
            ("Murchison",),
            "River of Western Australia.",
            "place",
        ),
        Named(
            "murchison-region",
            "Murchison",
            (),
            "Pastoral region of inland Western Australia with a radio telescope.",
            "place",
        ),
    ]
)


def test_the_and_a_bare_name_is_the_river_before_the_words_of_a_town_near_it():
    """English writes a river with "the", a town without: the words of the town's
    description close by ("the town of Kafue") do not make "the Kafue" the town."""
    text = "Downstream, the Kafue was at its lowest level near the town of Kafue since 1995."
    assert keys_found(RIVER_AND_ITS_TOWN, text) == ["kafue-river", "kafue-town"]


@pytest.mark.parametrize(
    "text",
    [
        "The burst was picked up by the telescope on the red plains of the Murchison.",
        "Half the telescope's staff come from the Murchison and the neighbouring regions.",
    ],
)
def test_what_a_region_has_or_regions_beside_the_name_make_it_the_regions(text):
    assert keys_found(RIVER_AND_ITS_TOWN, text) == ["murchison-region"]


def test_what_only_a_river_has_after_the_and_its_name_is_the_rivers_after_any_word():
    """ "In the" makes a region's name as often as a river's; "basin" after it does not."""
    places = Gazetteer.of(
        [
            Named("lerma-river", "Lerma River", ("Lerma",), "River of central Mexico.", "place"),
            Named("lerma", "Lerma", (), "Town in the State of Mexico, west of Toluca.", "place"),
        ]
    )
    text = "Farmers in the Lerma basin, west of Toluca, have asked for a share of the money."
    assert keys_found(places, text) == ["lerma-river"]


def test_a_feature_named_after_a_firm_or_a_club_of_ours_is_none_of_them():
    """ "The Deccan plateau" is no steelmaker's, whatever "Deccan" is an alias of; the
    firm's own works keep its name ("a Vale dam")."""
    firms = Gazetteer.of(
        [
            Named(
                "deccan-steel", "Deccan Steel", ("Deccan",), "Listed steelmaker.", "organization"
            ),
            Named("vale", "Vale", (), "Brazilian mining company.", "organization"),
            Named("alay", "FC Alay", ("Alay",), "Football club from Osh.", "organization"),
        ]
    )
    text = (
        "The plant sits on the eastern side of the Deccan plateau. Snow closed the Alay "
        "range. In 2019 the collapse of a Vale dam killed 270."
    )
    assert keys_found(firms, text) == ["vale"]


def test_a_feature_of_the_land_named_after_a_town_of_ours_is_no_town():
    towns = Gazetteer.of(
        [
            Named("santos", "Santos", (), "Port city of the state of São Paulo.", "place"),
            Named(
                "santos-fc", "Santos FC", ("Santos",), "Brazilian football club.", "organization"
            ),
            Named("faw", "Faw", (), "Town at the southern tip of Iraq.", "place"),
        ]
    )
    text = (
        "Drilling in the Santos basin resumed as winds over the Faw peninsula eased. "
        "Ships wait off Faw and Santos."
    )
    assert keys_found(towns, text) == ["faw", "santos"]


SOMME = Gazetteer.of(
    [
        Named("somme-river", "Somme River", ("Somme",), "River of northern France.", "place"),
        Named("somme-dept", "Somme", (), "Department of northern France.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb after "the" and the name ends its noun phrase as a stop does.
        ("Downstream, the Somme rose two metres overnight.", ["somme-river"]),
        ("Barges were moored where the Somme flooded the towpath.", ["somme-river"]),
        # The office of a region before "the" keeps it the region's, and the verb after
        # "of the" is the office's.
        ("The prefect of the Somme ordered schools closed.", ["somme-dept"]),
        ("The prefect of the Somme, who took office in May, closed schools.", ["somme-dept"]),
    ],
)
def test_the_and_a_name_before_a_verb_is_the_river(text, expected):
    assert keys_found(SOMME, text) == expected


def test_a_bare_country_name_is_the_country_not_the_capital_named_after_it():
    """A capital named after its country ("Kuwait City", alias "Kuwait") beside it: a
    bare "Kuwait" is the country unless the words say a point or a city."""
    gulf = Gazetteer.of(
        [
            Named("kuwait", "Kuwait", (), "Country on the Persian Gulf.", "place"),
            Named(
                "kuwait-city",
                "Kuwait City",
                ("Kuwait",),
                "Capital and largest city of Kuwait.",
                "place",
            ),
        ]
    )
    text = "The people of Kuwait will vote on Sunday, officials in Kuwait City said."
    assert keys_found(gulf, text) == ["kuwait", "kuwait-city"]


def test_a_namesake_elsewhere_does_not_stop_the_words_of_an_area_choosing_the_region():
    places = Gazetteer.of(
        [
            Named("cordoba-ar", "Córdoba", (), "Second city of Argentina.", "place"),
            Named(
                "cordoba-prov",
                "Córdoba Province",
                ("Córdoba",),
                "Farming province of central Argentina whose capital is the city of Córdoba.",
                "place",
            ),
            Named("cordoba-es", "Córdoba", (), "City in Andalusia, Spain.", "place"),
        ]
    )
    text = "Drought has cut the soybean harvest throughout Córdoba by a third."
    assert keys_found(places, text) == ["cordoba-prov"]


def test_a_countrys_bodies_and_its_champions_are_the_country_in_a_report_of_games():
    """In a story of games, a country's name alone may be its national side; its highest
    court, its central bank and the title its clubs win are the country's."""
    sides = Gazetteer.of(
        [
            Named("france", "France", (), "Country in western Europe; capital Paris.", "place"),
            Named(
                "france-xv",
                "France national rugby union team",
                ("France",),
                "Men's national rugby union team of France.",
                "organization",
            ),
        ]
    )
    text = (
        "Toulouse beat Racing in the Top 14 final, scoring two tries and a penalty. "
        "Toulouse, ten times champion of France, lifted the trophy after the match. "
        "France’s highest administrative court had let the away fans in for the match."
    )
    assert keys_found(sides, text) == ["france", "france"]


def test_a_rivers_possessive_before_what_only_a_river_has():
    places = Gazetteer.of(
        [
            Named(
                "shannon-river", "River Shannon", ("Shannon",), "Ireland's longest river.", "place"
            ),
            Named(
                "shannon-town",
                "Shannon",
                (),
                "Town in County Clare, home to Ireland's first duty-free airport.",
                "place",
            ),
        ]
    )
    text = "Pollution in the Shannon's waters has fallen, the agency said."
    assert keys_found(places, text) == ["shannon-river"]


SIDES_AND_PLACES = Gazetteer.of(
    [
        Named("detroit", "Detroit", (), "Largest city in Michigan.", "place"),
        Named("pistons", "Detroit Pistons", ("Detroit",), "NBA basketball team.", "organization"),
        Named("india", "India", (), "Country in South Asia.", "place"),
        Named(
            "india-xi", "India national cricket team", ("India",), "Cricket team.", "organization"
        ),
        Named("tasmania", "Tasmania", (), "Island state of Australia.", "place"),
        Named(
            "tas-xi", "Tasmania cricket team", ("Tasmania",), "State cricket team.", "organization"
        ),
        Named("carolina", "Carolina", (), "Town in Puerto Rico.", "place"),
        Named("panthers", "Carolina Panthers", ("Carolina",), "NFL team.", "organization"),
        Named("vojvodina", "Vojvodina", (), "Province of northern Serbia.", "place"),
        Named("fk-vojvodina", "FK Vojvodina", ("Vojvodina",), "Football club.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a report of a game says of the other side.
        ("Two late rebounds won it. Cleveland lost 104-99 at Detroit.", ["pistons"]),
        ("The pitcher was hurt. The Saints play at Carolina next Sunday.", ["panthers"]),
        ("The bowlers were tired after two heavy defeats to India.", ["india-xi"]),
        ("The striker, who joined from Vojvodina, scored the winner.", ["fk-vojvodina"]),
        ("After the buzzer-beater, Detroit plays at Utah on Sunday.", ["pistons"]),
        ("Coughlan made 164 as Tasmania piled up 6-487 declared.", ["tas-xi"]),
        ("Tasmania were bowled out for 212 on the second day.", ["tas-xi"]),
        # Not outside a report of games, nor where a place stands before it.
        ("The company lost 104-99 at Detroit in a shareholder vote.", ["detroit"]),
        ("The minister moved to Detroit in June.", ["detroit"]),
        ("After the buzzer-beater, children in Detroit play at Utah Park on Sunday.", ["detroit"]),
        ("The bowlers rested. Exports to India fell after the defeats.", ["india"]),
    ],
)
def test_a_report_of_a_game_says_a_side_by_what_it_says_of_the_other(text, expected):
    assert keys_found(SIDES_AND_PLACES, text) == expected


NORWAY_NAMED_AS_A_SIDE = "The Norway national football team lost at kick-off. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway’s minority Labour government survived a vote.", ["norway"]),
        ("Fans filled the squares of Norway.", ["norway"]),
        ("Extra flights landed at Norway on Saturday night.", ["norway"]),
        ("The club is known well beyond Norway.", ["norway"]),
        ("Supporters come from all over Norway.", ["norway"]),
        # What only a side has.
        ("Norway’s coach named his squad.", ["norway-xi"]),
    ],
)
def test_a_places_government_squares_and_a_landing_say_the_place_not_its_side(text, expected):
    """In a story that has named the national side, the country's name is the country
    where the words beside it say a place."""
    places = Gazetteer.of(
        [
            Named("norway", "Norway", (), "Country in northern Europe.", "place"),
            Named(
                "norway-xi",
                "Norway national football team",
                ("Norway",),
                "Men's national football team of Norway.",
                "organization",
            ),
        ]
    )
    assert keys_found(places, NORWAY_NAMED_AS_A_SIDE + text)[1:] == expected


def test_a_place_named_with_its_officer_is_the_place():
    places = Gazetteer.of(
        [
            Named("kc-mo", "Kansas City", (), "Largest city in Missouri.", "place"),
            Named("chiefs", "Kansas City Chiefs", ("Kansas City",), "NFL team.", "organization"),
        ]
    )
    text = "The Kansas City Chiefs won at home. Mayor Quinton Lucas of Kansas City spoke."
    assert keys_found(places, text) == ["chiefs", "kc-mo"]


def test_a_bare_surname_with_the_accents_its_full_name_was_written_with_is_that_person():
    """A gazetteer typed without accents still finds the surname alone where the story
    wrote the full name with them; a surname with accents nobody's name was written
    with stays someone else's."""
    people = Gazetteer.of(
        [
            Named("jr", "Jose Rodriguez", ("Rodriguez",), "Spanish forward.", "person"),
            Named("cl", "Carrie Lam", ("Lam",), "Hong Kong politician.", "person"),
        ]
    )
    text = "José Rodríguez scored. Later Rodríguez said the win was deserved."
    assert keys_found(people, text) == ["jr", "jr"]
    assert keys_found(people, "After the match Rodríguez said the win was deserved.") == []
    assert keys_found(people, "Carrie Lam spoke. Tô Lâm replied, and Lâm smiled.") == ["cl"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chief Justice Gholam-Hossein Mohseni Ejei spoke.", "Gholam-Hossein Mohseni Ejei"),
        ("Chief Justice Gholam Hossein Mohseni-Ejei spoke.", "Gholam Hossein Mohseni-Ejei"),
        ("Fonterra Cooperative Group cut its price.", "Fonterra Cooperative Group"),
        ("The Co-operative Bank of Kenya lent more.", "Co-operative Bank of Kenya"),
    ],
)
def test_one_hyphen_of_several_and_a_co_operatives_hyphen_as_copy_writes_them(text, expected):
    names = Gazetteer.of(
        [
            Named(
                "ejei",
                "Gholam-Hossein Mohseni-Ejei",
                ("Mohseni-Ejei",),
                "Iranian cleric, chief justice of Iran.",
                "person",
            ),
            Named(
                "fonterra",
                "Fonterra",
                ("Fonterra Co-operative Group",),
                "Dairy co-operative of New Zealand.",
                "organization",
            ),
            Named("coop-bank", "Cooperative Bank of Kenya", (), "Kenyan bank.", "organization"),
        ]
    )
    assert [surface for surface, _ in found(names, text)] == [expected]


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("The elder Banda, 67, was not in court.", "father"),
        ("Banda senior said he would stand again.", "father"),
        ("The younger Banda told reporters he took no pleasure in it.", "son"),
    ],
)
def test_a_surname_the_gazetteer_lacks_is_told_apart_by_age(last, expected):
    """Father and son entered by their full names only: "the elder" and "senior" say
    which, though the son was named in full last."""
    family = Gazetteer.of(
        [
            Named("father", "Chileshe Banda", (), "Zambian politician, MP for Chongwe.", "person"),
            Named(
                "son",
                "Mutale Banda",
                (),
                "Zambian businessman and candidate in Chongwe, son of Chileshe Banda.",
                "person",
            ),
        ]
    )
    text = (
        "The court annulled the election of Chileshe Banda. The petition was brought by "
        f"Mutale Banda, the losing candidate. {last}"
    )
    assert keys_found(family, text)[2:] == [expected]


def test_a_countrys_possessive_before_a_body_named_after_it_is_that_body():
    """ "Argentina’s Supreme Court" is the Supreme Court of Argentina, whose own name
    names the country (a description's words that repeat the name are no cue of it),
    though a province's court describes itself as Argentine and the story is datelined
    in the province."""
    courts = Gazetteer.of(
        [
            Named("argentina", "Argentina", (), "Country in South America.", "place"),
            Named("tucuman", "Tucumán", (), "Province of north-western Argentina.", "place"),
            Named(
                "national",
                "Supreme Court of Argentina",
                ("Supreme Court",),
                "Highest court of Argentina, with five justices, in Buenos Aires.",
                "organization",
            ),
            Named(
                "provincial",
                "Supreme Court of Justice of Tucumán",
                ("Supreme Court",),
                "Highest court of the Argentine province of Tucumán.",
                "organization",
            ),
        ]
    )
    text = "TUCUMÁN, Apr 8 - Argentina’s Supreme Court ordered the government to pay."
    assert keys_found(courts, text) == ["tucuman", "argentina", "national"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A touring production of the musical Hamilton cancelled two shows.", []),
        ("Fans of the 1996 film Fargo visit the town every winter.", []),
        ("The field was found in 2020 by the drillship Fatih.", []),
        ("The composer's new opera Magnus, which opens on Friday, sold out.", []),
        # A person named after the word is the subject of a clause about the work.
        ("The album Magnus recorded in Oslo went gold.", ["magnus"]),
        # The place itself, and a work of ours that says what it is.
        ("Floods closed the roads into Hamilton on Monday.", ["hamilton"]),
        ("Critics praised the opera Nixon in China.", ["nixon-opera"]),
    ],
)
def test_a_work_or_a_ship_named_right_after_its_word_is_none_of_ours(text, expected):
    names = Gazetteer.of(
        [
            Named(
                "hamilton", "Hamilton", (), "City in the Waikato region of New Zealand.", "place"
            ),
            Named("fargo", "Fargo", (), "City in North Dakota.", "place"),
            Named("fatih", "Fatih", (), "District of Istanbul.", "place"),
            Named("magnus", "Magnus Erlendsson", ("Magnus",), "Earl of Orkney.", "person"),
            Named(
                "nixon-opera",
                "Nixon in China",
                (),
                "Opera in three acts by John Adams, first staged in 1987.",
                "organization",
            ),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its main lender, the Spanish bank Santander, declined to comment.", []),
        ("The insurance company Santander said it would appeal.", []),
        # The subject of a clause about a firm is no firm's name.
        ("Codelco is the company Santander plans to sell to.", ["santander"]),
        ("Farmers in Santander blocked the road.", ["santander"]),
        # A person may be named after the word of a trade: a publisher is a person too.
        ("The contract went to the publisher Lund.", ["lund-person"]),
    ],
)
def test_a_firm_named_right_after_the_word_for_it_is_no_place_of_ours(text, expected):
    names = Gazetteer.of(
        [
            Named("santander", "Santander", (), "Department of north-eastern Colombia.", "place"),
            Named("lund", "Lund", (), "University city in southern Sweden.", "place"),
            Named("lund-person", "Erik Lund", ("Lund",), "Norwegian publisher.", "person"),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work has begun, said the Lusaka Water Supply and Sanitation Company.", []),
        ("Lawmakers of Unión por la Patria voted against the budget.", []),
        # A portfolio's office after the name, and the club on its own.
        ("Lusaka Water Minister Ana Phiri said so.", ["lusaka"]),
        ("Unión won the derby on Sunday.", ["union"]),
    ],
)
def test_a_name_opening_an_agencys_or_a_partys_longer_name_is_none_of_ours(text, expected):
    names = Gazetteer.of(
        [
            Named("lusaka", "Lusaka", (), "Capital of Zambia.", "place"),
            Named(
                "union", "Unión Santa Fe", ("Unión",), "Argentine football club.", "organization"
            ),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gedeon Richter, Hungary’s largest drugmaker, raised its forecast.", ["firm"]),
        ("Nokia, the Finnish company, kept its offices there.", ["nokia-firm"]),
        ("They drove to Nokia, a town of 35,000 near Tampere.", ["nokia-town"]),
        ("Nokia, a town near Tampere, voted on the tram.", ["nokia-town"]),
        # A head that names no kind says nothing: the founder, described by his trade.
        ("Gedeon Richter, the pharmacist who founded it, died in 1944.", ["founder"]),
    ],
)
def test_a_phrase_set_beside_a_name_says_its_kind_by_its_head(text, expected):
    names = Gazetteer.of(
        [
            Named(
                "firm", "Gedeon Richter", (), "Pharmaceutical company in Budapest.", "organization"
            ),
            Named(
                "founder",
                "Gedeon Richter",
                (),
                "Hungarian pharmacist who founded a drug company in 1901.",
                "person",
            ),
            Named("nokia-firm", "Nokia", (), "Telecommunications equipment maker.", "organization"),
            Named("nokia-town", "Nokia", (), "Town in Pirkanmaa, Finland.", "place"),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Kızılay, the central district of Ankara, shops closed.", ["ankara"]),
        ("Banks in the financial district of Ankara opened late.", ["ankara"]),
        # A kind written before the name that is its own still narrows to it.
        ("The governor of the province of Ankara resigned.", ["ankara-province"]),
    ],
)
def test_a_part_of_a_place_written_before_it_leaves_the_place_that_holds_it(text, expected):
    places = Gazetteer.of(
        [
            Named("ankara", "Ankara", (), "Capital city of Turkey.", "place"),
            Named(
                "ankara-province",
                "Ankara Province",
                ("Ankara",),
                "Province of central Turkey whose capital is the city of Ankara.",
                "place",
            ),
        ]
    )
    assert keys_found(places, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A city's bid in a story that has a game's word is no game.
        (
            "After the rebound, Detroit could lose to Nashville in the race for the plant.",
            ["detroit", "nashville"],
        ),
        # A player lands at a club; a flight at a town.
        ("The striker landed at Nashville on a four-year deal.", ["nsc"]),
        ("The striker scored. Two flights landed at Nashville after the storm.", ["nashville"]),
    ],
)
def test_a_citys_bid_or_a_players_move_is_no_report_of_a_game(text, expected):
    places = Gazetteer.of(
        [
            Named("nashville", "Nashville", (), "Capital of Tennessee.", "place"),
            Named("nsc", "Nashville SC", ("Nashville",), "Football club.", "organization"),
            Named("detroit", "Detroit", (), "Largest city in Michigan.", "place"),
            Named("pistons", "Detroit Pistons", ("Detroit",), "Basketball team.", "organization"),
        ]
    )
    assert keys_found(places, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # With a clause between the name and the words, and by what the others' trade is.
        (
            "Sanne de Vries led the team; Pieter de Vries watched. De Vries, who has 40 caps, "
            "is not related to the minister either.",
            ["sanne", "pieter", "sanne"],
        ),
        # A trade a description names only in what it says of someone's work is not theirs.
        (
            "Julieta Sosa's film on Mercedes Sosa won. Sosa, who is no relation to the singer, "
            "spent four years on it.",
            ["julieta", "mercedes", "julieta"],
        ),
    ],
)
def test_no_relation_to_a_trade_is_not_the_one_of_that_trade(text, expected):
    people = Gazetteer.of(
        [
            Named("pieter", "Pieter de Vries", ("De Vries",), "Dutch finance minister.", "person"),
            Named("sanne", "Sanne de Vries", ("De Vries",), "Dutch footballer.", "person"),
            Named("mercedes", "Mercedes Sosa", ("Sosa",), "Argentine folk singer.", "person"),
            Named(
                "julieta",
                "Julieta Sosa",
                ("Sosa",),
                "Argentine director whose film follows young singers.",
                "person",
            ),
        ]
    )
    assert keys_found(people, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The feud between the Marcos and Duterte families has deepened.", []),
        ("Letters between the Amis father and son go on display.", []),
        ("Heavy rain will continue over the highlands until mid-May.", []),
        ("The boat races are held on the river each August.", []),
        ("The whips contacted every May loyalist before the vote.", ["may"]),
        # The person, named so.
        ("Marcos said the feud was over.", ["marcos"]),
        ("Ms May said the rain would stop.", ["may"]),
    ],
)
def test_two_families_named_together_and_a_months_part_are_no_ones_name(text, expected):
    people = Gazetteer.of(
        [
            Named("marcos", "Ferdinand Marcos Jr.", ("Marcos",), "President.", "person"),
            Named("amis", "Kingsley Amis", ("Amis",), "English novelist.", "person"),
            Named("may", "Theresa May", ("May",), "British politician.", "person"),
            Named("august", "Bille August", ("August",), "Danish film director.", "person"),
        ]
    )
    assert keys_found(people, text) == expected


def test_the_and_a_family_name_before_a_verb_in_the_plural_is_the_family():
    grower = Gazetteer.of(
        [Named("jr", "Jeanne Ruggieri", ("Ruggieri",), "Flower grower in Grasse.", "person")]
    )
    text = "Jeanne Ruggieri took over. The Ruggieri have supplied flowers since the 1920s."
    assert keys_found(grower, text) == ["jr"]
    assert keys_found(grower, "Jeanne Ruggieri took over. Ruggieri has no heir.") == ["jr", "jr"]
    # A firm of the family's name is left to the other rules.
    family_firm = Gazetteer.of(
        [
            Named("rt", "Ratan Tata", ("Tata",), "Indian industrialist.", "person"),
            Named("tg", "Tata Group", ("Tata",), "Indian conglomerate.", "organization"),
        ]
    )
    assert keys_found(family_firm, "The Tata have run the group for 150 years.") != ["rt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A mother who gave only her surname, Kim, said her son had studied hard.", []),
        ("A shopkeeper who gave only her nickname, Nan, waited for a boat.", []),
        ("The firm sold its tankers, among them the 2004-built Rhodes, last year.", []),
        ("The firm sold the 2004-built bulk carrier Rhodes last year.", []),
        ("The 2004-built stadium in Rhodes will host the final.", ["rhodes"]),
        # The island, and the person named in full.
        ("Ferries to Rhodes were cancelled.", ["rhodes"]),
        ("Kim Hye-rin said the test had leaked.", ["kim"]),
    ],
)
def test_a_name_someone_gave_alone_or_a_ships_after_its_year_is_none_of_ours(text, expected):
    names = Gazetteer.of(
        [
            Named("kim", "Kim Hye-rin", ("Kim",), "South Korean education minister.", "person"),
            Named("nan", "Nan", (), "Province of northern Thailand.", "place"),
            Named("rhodes", "Rhodes", (), "Greek island in the Dodecanese.", "place"),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sewage was stored at works upstream of Henley-on-Thames.", []),
        ("A rugby club in Clermont-l’Hérault asked to be included.", []),
        ("The court in Châlons-en-Champagne ruled on Monday.", []),
        # The names of their own, and the town's short name before the particle.
        ("The Thames burst its banks near the Hérault border.", ["thames", "herault"]),
        ("Police in Newcastle-upon-Tyne arrested two men.", ["newcastle"]),
    ],
)
def test_a_towns_name_joined_to_another_by_a_particle_holds_no_river_or_region(text, expected):
    names = Gazetteer.of(
        [
            Named(
                "newcastle",
                "Newcastle upon Tyne",
                ("Newcastle",),
                "City in north-east England.",
                "place",
            ),
            Named("thames", "River Thames", ("Thames",), "River in southern England.", "place"),
            Named("herault", "Hérault", (), "Department in southern France.", "place"),
            Named("champagne", "Champagne", (), "Historic region of France.", "place"),
        ]
    )
    assert keys_found(names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denmark has had three prime ministers named Rasmussen since 1993.", []),
        ("The two defendants named Sawadogo sat at opposite ends of the bench.", []),
        # One of them, named so alone.
        ("Rasmussen said the jobs would move.", ["rasmussen"]),
    ],
)
def test_several_people_said_to_bear_a_name_are_none_of_them(text, expected):
    people = Gazetteer.of(
        [
            Named(
                "rasmussen", "Lars Løkke Rasmussen", ("Rasmussen",), "Danish politician.", "person"
            ),
            Named("sawadogo", "Mariam Sawadogo", ("Sawadogo",), "Burkinabè lawyer.", "person"),
        ]
    )
    assert keys_found(people, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A photograph of Mandela and FW de Klerk shaking hands.", "FW de Klerk"),
        ("A photograph of F W de Klerk hung there.", "F W de Klerk"),
        ("Mills since S P Bagaria's grandfather bought the site.", "S P Bagaria"),
        ("The match at the M A Chidambaram Stadium was put back.", "M A Chidambaram Stadium"),
        (
            "Sharp was bought by Hon Hai Precision Industry Co Ltd in 2016.",
            "Hon Hai Precision Industry Co Ltd",
        ),
        ("Yokozuna Hōshōryū won the tournament.", "Hōshōryū"),
    ],
)
def test_initials_legal_forms_and_long_vowels_as_copy_writes_them(text, expected):
    names = Gazetteer.of(
        [
            Named("fw", "F. W. de Klerk", ("de Klerk",), "South African president.", "person"),
            Named("sp", "Shankar Bagaria", ("S. P. Bagaria",), "Indian industrialist.", "person"),
            Named("ho", "Hoshoryu", (), "Mongolian-born sumo wrestler.", "person"),
            Named(
                "chepauk",
                "Chepauk",
                ("M. A. Chidambaram Stadium",),
                "Cricket ground in Chennai.",
                "place",
            ),
            Named(
                "foxconn",
                "Foxconn",
                ("Hon Hai Precision Industry Co., Ltd.",),
                "Taiwanese electronics maker.",
                "organization",
            ),
        ]
    )
    assert [surface for surface, _ in found(names, text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Records were kept at the Chilean O'Higgins Base for decades.", ["base"]),
        ("Shares in the American Merck rose on Tuesday.", ["merck-us"]),
        # A people's word with no "the" may open a longer name: "Chilean Navy Base".
        ("Scottish Merck said nothing.", []),
    ],
)
def test_a_peoples_word_after_the_before_a_name_is_no_part_of_a_longer_name(text, expected):
    names = Gazetteer.of(
        [
            Named(
                "base",
                "General Bernardo O'Higgins Base",
                ("O'Higgins Base",),
                "Chilean Antarctic research station.",
                "place",
            ),
            Named("merck-us", "Merck & Co.", ("Merck",), "American drugmaker.", "organization"),
            Named("merck-de", "Merck KGaA", ("Merck",), "German drugmaker.", "organization"),
        ]
    )
    assert keys_found(names, text) == expected


def test_the_last_two_words_of_a_bodys_name_hyphenated_as_a_places_compound():
    clubs = Gazetteer.of(
        [
            Named(
                "ubb",
                "Union Bordeaux Bègles",
                ("UBB",),
                "Rugby union club from Bordeaux and Bègles.",
                "organization",
            )
        ]
    )
    text = "Toulouse beat Union Bordeaux-Bègles 31-24 on Saturday."
    assert found(clubs, text) == [("Union Bordeaux-Bègles", "ubb")]


def test_a_regimes_word_before_a_country_opens_no_longer_name():
    countries = Gazetteer.of(
        [Named("germany", "Germany", (), "Country in central Europe.", "place")]
    )
    text = "The pact under which Nazi Germany and the Soviet Union divided Europe."
    assert keys_found(countries, text) == ["germany"]
    assert keys_found(countries, "The Sparkasse Germany Fund grew.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Members of the ruling Al Sabah family watched from the royal box.", ["sabah"]),
        ("Investors close to the Al Sabah family have bought the port.", ["sabah"]),
        # A surname of people, not a family of ours, stays a plural.
        ("The Karimi family has farmed there since 1950.", []),
        ("The Al Sabah brothers run the club.", []),
    ],
)
def test_a_family_of_ours_is_named_with_the_word_family_after_it(text, expected):
    families = Gazetteer.of(
        [
            Named(
                "sabah",
                "House of Sabah",
                ("Al Sabah",),
                "Ruling family of Kuwait since the 18th century.",
                "organization",
            ),
            Named("karimi", "Reza Karimi", ("Karimi",), "Iranian farmer and activist.", "person"),
        ]
    )
    assert keys_found(families, text) == expected


_MINISTRIES_AND_TWINS = Gazetteer.of(
    [
        Named(
            "mfa-qatar",
            "Qatari Ministry of Foreign Affairs",
            ("Foreign Ministry",),
            "Government ministry of Qatar responsible for its foreign relations.",
            "organization",
        ),
        Named(
            "mfa-kuwait",
            "Kuwaiti Ministry of Foreign Affairs",
            ("Foreign Ministry",),
            "Government ministry of Kuwait responsible for its foreign relations.",
            "organization",
        ),
        Named("kuwait", "Kuwait", (), "Country on the Persian Gulf.", "place"),
        Named(
            "sc-korea",
            "Supreme Court of Korea",
            ("Supreme Court",),
            "Highest court of ordinary jurisdiction in South Korea.",
            "organization",
        ),
        Named(
            "sc-japan",
            "Supreme Court of Japan",
            ("Supreme Court",),
            "Highest court of Japan, in Tokyo.",
            "organization",
        ),
        Named(
            "sami-se",
            "Sámi Parliament of Sweden",
            ("Sámi Parliament",),
            "Elected assembly of the Sámi in Sweden, seated in Kiruna.",
            "organization",
        ),
        Named(
            "lapland-fi",
            "Lapland",
            ("Lappi",),
            "Northernmost region of Finland, with its capital at Rovaniemi.",
            "place",
        ),
        Named(
            "lapland-se",
            "Lapland",
            ("Lappland",),
            "Historical province in northern Sweden bordering Norway and Finland.",
            "place",
        ),
        Named(
            "guadalajara-es",
            "Guadalajara",
            (),
            "City in Castile-La Mancha, Spain, north-east of Madrid.",
            "place",
        ),
        Named(
            "guadalajara-mx",
            "Guadalajara",
            (),
            "Capital of the Mexican state of Jalisco.",
            "place",
        ),
        Named("columbia-mo", "Columbia", (), "City in Missouri, United States.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A people's word before an institution's generic name is its country, though
        # the story named the other one first; its own name may be the one that names
        # the country ("Supreme Court of Korea").
        (
            "The Kuwaiti Ministry of Foreign Affairs hosted the talks. The Qatari Foreign "
            "Ministry later said a team would travel.",
            ["mfa-kuwait", "mfa-qatar"],
        ),
        (
            "The South Korean Supreme Court ruled against the shipbuilder.",
            ["sc-korea"],
        ),
        # A people's word no ending turns into its country ("Swedish", "Finnish"), read
        # through the table: before a body that is that country's, or a place in it.
        ("The opera will tour to the Swedish Sámi Parliament in Kiruna.", ["sami-se"]),
        ("The mine in Finnish Lapland reopened.", ["lapland-fi"]),
        ("Tourism in Swedish Lapland grew.", ["lapland-se"]),
        ("The mayor of the Spanish Guadalajara signed the pact.", ["guadalajara-es"]),
        # A people's word that belongs to a longer name not ours: no description of the
        # name's places names the people's country.
        ("Ferries sail along the coast of British Columbia.", []),
    ],
)
def test_a_peoples_word_before_a_name_says_whose_it_is(text, expected):
    assert keys_found(_MINISTRIES_AND_TWINS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sarah Pennington, the Labour MP for Leigh and Atherton, spoke.", []),
        ("The MP for Thirsk and Malton said the wall would hold.", []),
        # One town's seat, or a town after the seat, is the town.
        ("The MP for Leigh said the line would reopen.", ["leigh"]),
        ("The MP for Thirsk and a former minister both spoke in Malton.", ["malton"]),
    ],
)
def test_a_seat_named_after_two_places_is_neither_of_them(text, expected):
    towns = Gazetteer.of(
        [
            Named("leigh", "Leigh", (), "Town in Greater Manchester, England.", "place"),
            Named("malton", "Malton", (), "Market town in North Yorkshire, England.", "place"),
        ]
    )
    assert keys_found(towns, text) == expected


_CALVINOS = Gazetteer.of(
    [
        Named("italo", "Italo Calvino", ("Calvino",), "Italian writer (1923–1985).", "person"),
        Named("mario", "Mario Calvino", (), "Italian agronomist and botanist.", "person"),
        Named("giovanna", "Giovanna Calvino", (), "Translator, daughter of a writer.", "person"),
    ]
)
_CENTENARY = (
    "SANREMO (Newsroom) - The town marks the centenary of Italo Calvino this week.\n"
    "His father, Mario Calvino, ran the botanical station, and his daughter, Giovanna "
    "Calvino, opened the exhibition.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The gazetteer calls only the writer "Calvino": the bare name, paragraphs after
        # the family was named, where nothing near says which of them it is, is his.
        (
            _CENTENARY + "The garden was replanted.\nThe prize drew more entries.\n"
            "Calvino wrote about the town in several stories.",
            ["italo", "mario", "giovanna", "italo"],
        ),
        # Not where the story named him after another of them, as a story of his
        # father's garden does: it is about the father.
        (
            "SANREMO (Newsroom) - The garden that Mario Calvino founded in 1925 reopened.\n"
            "The agronomist, whose son was the novelist Italo Calvino, brought 200 species "
            "from Cuba.\nThe garden was replanted.\nThe prize drew more entries.\n"
            "Calvino planted the first avocado trees in 1927.",
            ["mario", "italo"],
        ),
        # Right after his daughter was named, and the subject of the sentence, it is she.
        (
            _CENTENARY + "Giovanna Calvino translated the letters. Calvino said the town "
            "had kept every one.",
            ["italo", "mario", "giovanna", "giovanna", "giovanna"],
        ),
    ],
)
def test_a_family_name_nothing_decides_is_the_one_the_gazetteer_calls_so(text, expected):
    assert keys_found(_CALVINOS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dearborn, named after Henry Dearborn, a general, voted on Tuesday.",
            ["dearborn", "henry"],
        ),
        ("The mayor said Dearborn was named for him.", ["dearborn"]),
        # Not one who calls for something, nor a person named after someone else.
        ("Mr Dearborn called for calm after the vote.", ["henry"]),
        (
            "Henry Dearborn spoke first. Dearborn, named after his grandfather, said the "
            "city would pay.",
            ["henry", "henry"],
        ),
    ],
)
def test_what_is_named_after_someone_is_not_that_one(text, expected):
    names = Gazetteer.of(
        [
            Named("dearborn", "Dearborn", (), "City in Wayne County, Michigan.", "place"),
            Named(
                "henry", "Henry Dearborn", ("Dearborn",), "American general (1751–1829).", "person"
            ),
        ]
    )
    assert keys_found(names, text) == expected


_SIDES_OF_TWO_SPORTS = Gazetteer.of(
    [
        Named(
            "ireland-rugby",
            "Ireland national rugby union team",
            ("Ireland",),
            "Men's rugby union team representing the whole island of Ireland, run by the "
            "Irish Rugby Football Union.",
            "organization",
        ),
        Named(
            "ireland-football",
            "Republic of Ireland national football team",
            ("Ireland",),
            "Men's national association football team of the Republic of Ireland.",
            "organization",
        ),
        Named("wales", "Wales", (), "Country of the United Kingdom.", "place"),
        Named(
            "olympiacos-bc",
            "Olympiacos B.C.",
            ("Olympiacos",),
            "Greek professional basketball club based in Piraeus.",
            "organization",
        ),
        Named(
            "olympiacos-fc",
            "Olympiacos F.C.",
            ("Olympiacos",),
            "Greek professional football club based in Piraeus.",
            "organization",
        ),
        Named(
            "wp-cricket",
            "Western Province cricket team",
            ("Western Province",),
            "First-class cricket team based in Cape Town.",
            "organization",
        ),
        Named(
            "wp-rugby",
            "Western Province rugby team",
            ("Western Province",),
            "Provincial rugby union team based in Cape Town.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A competition whose name says its sport, before or after the name; the sport a
        # description names first, where the other is a word of a body's name.
        ("A week later Wales play Ireland in the Six Nations at home.", ["wales", "ireland-rugby"]),
        ("Partizan beat Olympiacos 84-79 to force a fifth EuroLeague game.", ["olympiacos-bc"]),
        # The sport's name right after the name.
        (
            "Western Province won the Currie Cup final.\nIn Cape Town, the Western Province "
            "cricket side lost on Saturday.",
            ["wp-rugby", "wp-cricket"],
        ),
        # A competition several sports have says nothing, nor one in a clause about
        # someone else.
        ("Olympiacos reached the Champions League final.", []),
        (
            "Olympiacos signed a forward, whose father played in the NBA, on a three-year "
            "contract on Monday.",
            [],
        ),
    ],
)
def test_a_competitions_name_or_a_sports_word_after_the_name_says_which_side(text, expected):
    assert keys_found(_SIDES_OF_TWO_SPORTS, text) == expected


def test_who_after_a_towns_region_is_the_person_before_it_not_a_team():
    names = Gazetteer.of(
        [
            Named("atlanta", "Atlanta", (), "Capital of the U.S. state of Georgia.", "place"),
            Named("ga", "Georgia", (), "Country in the South Caucasus; capital Tbilisi.", "place"),
            Named(
                "ga-us",
                "Georgia (U.S. state)",
                ("Georgia",),
                "U.S. state in the Southeast.",
                "place",
            ),
            Named(
                "ga-rugby",
                "Georgia national rugby union team",
                ("Georgia",),
                "Rugby union side representing the country of Georgia.",
                "organization",
            ),
        ]
    )
    text = "They sell wine to a distributor in Atlanta, Georgia, who found them at a tasting."
    # (Which Georgia is read by the places the story names, as for any place.)
    found_keys = keys_found(names, text)
    assert found_keys[0] == "atlanta" and "ga-rugby" not in found_keys


_SIDES_AND_NAMESAKES = Gazetteer.of(
    [
        Named("sydney", "Sydney", (), "Capital of New South Wales, Australia.", "place"),
        Named("sydney-ns", "Sydney", (), "Town on Cape Breton Island, Nova Scotia.", "place"),
        Named(
            "swans", "Sydney Swans", ("Sydney",), "Australian rules football club.", "organization"
        ),
        Named("bath", "Bath", (), "City in Somerset, England.", "place"),
        Named("bath-me", "Bath", (), "City in Sagadahoc County, Maine.", "place"),
        Named("bath-rugby", "Bath Rugby", ("Bath",), "Rugby union club.", "organization"),
        Named("efes", "Anadolu Efes", ("Efes",), "Basketball club in Istanbul.", "organization"),
        Named("tt", "Türk Telekom", (), "Turkish telecommunications company.", "organization"),
        Named(
            "tt-bk",
            "Türk Telekom B.K.",
            ("Türk Telekom",),
            "Professional basketball club based in Ankara.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A fixture said with its verb, in a report of a game.
        (
            "The kick-off was delayed by rain.\nMelbourne moved into the top eight with the "
            "win and meets Sydney at the SCG next Saturday.",
            ["swans"],
        ),
        # A side's players are "their" own in the clause its name opens.
        (
            "Gloucester led at half-time after a penalty try.\nBath fought back through "
            "their scrum-half, who sniped over twice from rucks close to the line.",
            ["bath-rugby"],
        ),
        # And a club wins where the firm of its name does not.
        ("Efes won 91-70 at home against Türk Telekom on Saturday.", ["efes", "tt-bk"]),
        # Not a town's people, nor a firm's words.
        ("Bath celebrated their heritage on Saturday, the mayor said.", []),
        ("Türk Telekom raised its prices on Saturday.", ["tt"]),
        ("Türk Telekom beat analysts' forecasts with a 30 percent rise in profit.", ["tt"]),
    ],
)
def test_what_only_a_side_does_says_the_club(text, expected):
    assert keys_found(_SIDES_AND_NAMESAKES, text) == expected


_CENTRAL_BANKS = Gazetteer.of(
    [
        Named("bolivia", "Bolivia", (), "Landlocked country in South America.", "place"),
        Named("peru", "Peru", (), "Country in western South America.", "place"),
        Named(
            "bcb",
            "Central Bank of Bolivia",
            ("Central Bank",),
            "Central bank responsible for monetary policy and the boliviano.",
            "organization",
        ),
        Named(
            "bcrp",
            "Central Reserve Bank of Peru",
            ("Central Bank",),
            "Autonomous central bank, responsible for monetary policy, rates and dollars.",
            "organization",
        ),
        Named(
            "mrc-uk",
            "Medical Research Council",
            ("MRC",),
            "Public body that funds medical research in the United Kingdom.",
            "organization",
        ),
        Named(
            "mrc-sa",
            "South African Medical Research Council",
            ("MRC",),
            "Statutory body that funds health research in South Africa.",
            "organization",
        ),
    ]
)


def test_the_country_in_an_institutions_own_name_is_the_one_named_before_it():
    text = "Peru cut rates last week, while in Bolivia the Central Bank has been rationing dollars."
    assert keys_found(_CENTRAL_BANKS, text) == ["peru", "bolivia", "bcb"]


def test_a_peoples_word_before_an_organisations_name_is_whose_it_is():
    """ "The British MRC" is the British council, no longer name of ours."""
    text = "The British MRC has been linked to more than 30 Nobel laureates."
    assert keys_found(_CENTRAL_BANKS, text) == ["mrc-uk"]


_CRICKET_SIDES = Gazetteer.of(
    [
        Named("england", "England", (), "Country of the United Kingdom.", "place"),
        Named(
            "england-cricket",
            "England cricket team",
            ("England",),
            "National cricket team of England and Wales.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    "text",
    [
        "He has spent his career moving in and out of the England Test side, taking wickets.",
        "He made his England ODI debut in a series against Sri Lanka, taking two wickets.",
    ],
)
def test_a_games_format_after_the_name_opens_no_longer_name(text):
    assert keys_found(_CRICKET_SIDES, text) == ["england-cricket"]


def test_a_pronoun_is_not_the_name_a_places_council_is_of():
    names = Gazetteer.of(
        [
            Named("braga", "Braga", (), "City in northern Portugal.", "place"),
            Named("braga-district", "Braga District", ("Braga",), "District of Portugal.", "place"),
            Named("goncalo-braga", "Gonçalo Braga", ("Braga",), "Portuguese footballer.", "person"),
        ]
    )
    text = (
        "The crowd stood in memory of a former club president, and the city council of "
        "Braga announced that a street would carry his name."
    )
    assert keys_found(names, text) == ["braga"]


_BROTHERS = [
    Named("davide", "Davide Parodi", ("Parodi",), "Italian footballer, a striker.", "person"),
    Named("nicolo", "Nicolò Parodi", ("Parodi",), "Italian footballer, a goalkeeper.", "person"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A tie to a relative the sentence does not name, in the sentence the name opens.
        (
            "GENOA (Newsroom) - Davide Parodi scored twice past his younger brother as Genoa "
            "won. Nicolò Parodi was consoled at the whistle.\n“He did not believe me,” the "
            "elder Parodi said.",
            ["davide", "nicolo", "davide"],
        ),
        (
            "Nicolò Parodi kept goal against his older brother's side on Sunday. Davide "
            "Parodi scored twice.\nThe younger Parodi said he would learn from it.",
            ["nicolo", "davide", "nicolo"],
        ),
        # A tie before a name the story reaches only after a stranger's name.
        (
            "Davide Parodi scored at the Johan Cruijff Stadium, getting in front of his "
            "younger brother Nicolò Parodi.\nThe elder Parodi took the blame.",
            ["davide", "nicolo", "davide"],
        ),
        # Nothing said of either: left out.
        (
            "Davide Parodi scored and Nicolò Parodi saved a penalty.\nThe elder Parodi said "
            "nothing.",
            ["davide", "nicolo"],
        ),
    ],
)
def test_the_elder_or_the_younger_by_a_tie_the_story_states(text, expected):
    assert keys_found(Gazetteer.of(_BROTHERS), text) == expected


def test_a_tie_to_someone_called_by_their_office_says_the_elder():
    names = Gazetteer.of(
        [
            Named("herbert", "Herbert Gruber", ("Gruber",), "Austrian politician.", "person"),
            Named("lukas", "Lukas Gruber", ("Gruber",), "Austrian football supporter.", "person"),
        ]
    )
    text = (
        "Lukas Gruber was jailed for two years. The main defendant’s father, Herbert "
        "Gruber, sits in parliament.\nThe elder Gruber did not speak to reporters."
    )
    assert keys_found(names, text) == ["lukas", "herbert", "herbert"]


def test_a_town_and_the_region_of_the_same_name_in_one_country_are_named_after_each_other():
    """ "Capital of the province of the same name" ties the town to the province as
    naming it would: one travels to the town."""
    names = Gazetteer.of(
        [
            Named(
                "mendoza",
                "Mendoza",
                (),
                "City in western Argentina, capital of the province of the same name.",
                "place",
            ),
            Named(
                "mendoza-province",
                "Mendoza Province",
                ("Mendoza",),
                "Wine-producing province of western Argentina bordering Chile.",
                "place",
            ),
        ]
    )
    # (The province's description names Chile, which the story names too.)
    text = "Boca, back from a friendly in Chile, travel to Mendoza next Sunday to face Godoy Cruz."
    assert keys_found(names, text) == ["mendoza"]


_FERREIRAS = Gazetteer.of(
    [
        Named("jose", "José Ferreira", ("Ferreira",), "Brazilian haulier, founder.", "person"),
        Named("bruno", "Bruno Ferreira", ("Ferreira",), "Brazilian chief executive.", "person"),
        Named("ana", "Ana Hartley", ("Hartley",), "Australian winemaker in the Barossa.", "person"),
        Named("bea", "Bea Hartley", ("Hartley",), "Australian rules footballer.", "person"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The sentence before a quotation introduces its speaker, named in full or by
        # the trade the description gives.
        (
            "José Ferreira founded the firm in 1970. His son Bruno Ferreira argued that it "
            "needed outside capital. “My father built this company,” Ferreira told reporters.",
            ["jose", "bruno", "bruno"],
        ),
        (
            "Ana Hartley and Bea Hartley were both at the hearing.\nThe winemaker said she "
            "would open a bottle. “Not the best one,” Hartley said.",
            ["ana", "bea", "ana"],
        ),
        # Not one the sentence says kept quiet.
        (
            "Bruno Ferreira spoke first. José Ferreira attended but did not speak. “We "
            "will appeal,” Ferreira told reporters.",
            ["bruno", "jose"],
        ),
    ],
)
def test_the_speaker_after_a_quotation_is_the_one_the_sentence_before_introduced(text, expected):
    assert keys_found(_FERREIRAS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a river does on its way, after "the" and its name: the river, not the
        # town or the dam of the name.
        ("The Naryn runs through the town in a deep gorge.", ["naryn-river"]),
        ("Downstream, the Naryn reaches the Ferghana Valley.", ["naryn-river"]),
        ("The Naryn, which fills the dam, has not flowed since April.", ["naryn-river"]),
        # Not what a town does too, without "the": nothing says which.
        ("Naryn runs a bus service to Bishkek.", []),
    ],
)
def test_what_a_river_does_after_the_and_its_name_says_the_river(text, expected):
    names = Gazetteer.of(
        [
            Named("naryn-river", "Naryn River", ("Naryn",), "River in Kyrgyzstan.", "place"),
            Named("naryn-town", "Naryn", (), "Town in Kyrgyzstan on the Naryn River.", "place"),
        ]
    )
    assert keys_found(names, text) == expected


def test_a_place_right_after_an_institution_says_whose_it_is():
    names = Gazetteer.of(
        [
            Named("taipei", "Taipei", (), "Capital city of Taiwan.", "place"),
            Named("seoul", "Seoul", (), "Capital city of South Korea.", "place"),
            Named(
                "moea-tw",
                "Ministry of Economic Affairs",
                ("Economy Ministry",),
                "Government ministry of Taiwan.",
                "organization",
            ),
            Named(
                "motie-kr",
                "Ministry of Trade, Industry and Energy",
                ("Economy Ministry",),
                "Government ministry of South Korea.",
                "organization",
            ),
        ]
    )
    text = (
        "Chipmakers in Seoul and Taipei are watching. An official at the Economy Ministry "
        "in Taipei said no application had been filed."
    )
    assert keys_found(names, text) == ["seoul", "taipei", "moea-tw", "taipei"]


_CLUBS_TOWNS_AND_RIVERS = Gazetteer.of(
    [
        Named("houston", "Houston", (), "Most populous city in Texas.", "place"),
        Named(
            "astros", "Houston Astros", ("Houston",), "Major League Baseball team.", "organization"
        ),
        Named("whitney", "Whitney Houston", ("Houston",), "American singer.", "person"),
        Named("lugano", "Lugano", (), "City in the Swiss canton of Ticino.", "place"),
        Named("hc-lugano", "HC Lugano", ("Lugano",), "Swiss ice hockey club.", "organization"),
        Named("torino", "Turin", ("Torino",), "City in Piedmont, Italy.", "place"),
        Named("torino-fc", "Torino FC", ("Torino",), "Italian football club.", "organization"),
        Named("senegal", "Senegal", (), "Country in West Africa on the Atlantic coast.", "place"),
        Named(
            "senegal-river",
            "Senegal River",
            ("Senegal",),
            "River of West Africa that forms the border between Senegal and Mauritania and "
            "reaches the Atlantic at Saint-Louis; its basin holds offshore gas fields.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name not in the plural with a plural verb is a side, said as its players,
        # even when a person bears the name: no one person "are".
        (
            "The Astros postponed Monday's home game.\nHouston are a game ahead of the Rangers "
            "with 12 matches left.",
            ["astros"],
        ),
        ("Houston is the largest city in Texas.", ["houston"]),
        # A fixture to come, said with "to" or "and" and its verb, in a report of a game or
        # beside a game's word: "travel to Turin to face Torino", "and host Lugano".
        (
            "Zug are third in the league behind Davos, and host Lugano on Saturday.",
            ["hc-lugano"],
        ),
        (
            "The coach rested three players in the league game, while Genoa travel to Turin to "
            "face Torino.",
            ["torino", "torino-fc"],
        ),
        # A bare name with no "the" is no river's, whatever words of the river's
        # description stand near it.
        (
            "The field straddles the maritime border with Senegal and holds offshore gas.",
            ["senegal"],
        ),
        ("The Senegal burst its banks at Saint-Louis.", ["senegal-river"]),
    ],
)
def test_a_side_by_its_plural_verb_and_a_fixture_to_come_and_no_river_without_the(text, expected):
    assert keys_found(_CLUBS_TOWNS_AND_RIVERS, text) == expected


_NAMESAKES_DESCRIBED = Gazetteer.of(
    [
        Named("luol", "Luol Deng", ("Deng",), "Former NBA basketball player.", "person"),
        Named(
            "achol",
            "Josephine Achol Deng",
            ("Deng",),
            "South Sudanese minister for humanitarian affairs.",
            "person",
        ),
        Named("rene", "René Condori", ("Condori",), "Bolivian minister of mining.", "person"),
        Named("evaristo", "Evaristo Condori", ("Condori",), "Tin miner from Potosí.", "person"),
        Named("carmine", "Carmine Amato", ("Amato",), "Owner of a tannery in Solofra.", "person"),
        Named(
            "vincenzo", "Vincenzo Amato", ("Amato",), "Regional president of Campania.", "person"
        ),
        Named(
            "siew-lan",
            "Khoo Siew Lan",
            ("Khoo",),
            "Malaysian businesswoman and founder of Ladang Permata Berhad.",
            "person",
        ),
        Named(
            "beng",
            "Khoo Beng Huat",
            ("Khoo",),
            "Malaysian businessman and chief executive of Ladang Permata Berhad.",
            "person",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words set beside a surname between commas say which of the name it is, however
        # recently another of the name was named in the paragraph.
        (
            "The federation, led by Luol Deng, opened its hall to families. Deng, the "
            "minister, said 5,000 people had arrived.",
            ["luol", "achol"],
        ),
        (
            "Vincenzo Amato opened the session. Carmine Amato is due in court in June. The "
            "regional president, Amato, said he would attend.",
            ["vincenzo", "carmine", "vincenzo"],
        ),
        (
            "Evaristo Condori was still trapped on Monday.\nMinister René Condori spoke to the "
            "families. Relatives said the trapped miner, Condori, had planned to retire.",
            ["evaristo", "rene", "evaristo"],
        ),
        # Not what a relative's word goes on to describe: the founder is the father.
        (
            "Khoo Beng Huat runs the group. Khoo, the son of the group's founder Khoo Siew "
            "Lan, said the purchase was done.",
            ["beng", "beng", "siew-lan"],
        ),
        # And with nothing set beside it, the one the paragraph named.
        ("Carmine Amato is due in court in June. Amato said he would attend.", ["carmine"] * 2),
    ],
)
def test_words_set_beside_a_surname_say_which_namesake_it_is(text, expected):
    assert keys_found(_NAMESAKES_DESCRIBED, text) == expected


_COUNTIES_AND_THEIR_SIDES = Gazetteer.of(
    [
        Named("limerick", "Limerick", (), "City in the Irish province of Munster.", "place"),
        Named(
            "limerick-gaa",
            "Limerick GAA",
            ("Limerick",),
            "Hurling team of County Limerick.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name opening its sentence whose clause has "their" own, beside a game's word
        # or a result, is the side: a town's own is "its".
        (
            "Limerick booked their place in the Munster final on Sunday with a 2-27 to 1-20 win.",
            ["limerick-gaa"],
        ),
        ("Limerick kept their lead in the league table with a home draw.", ["limerick-gaa"]),
        # Not a town's own, nor "their" with no game near.
        ("Limerick kept its place among the fastest-growing cities in 2024.", ["limerick"]),
        ("Families in Limerick kept their homes warm with turf this winter.", ["limerick"]),
    ],
)
def test_a_side_has_its_own_as_their_own(text, expected):
    assert keys_found(_COUNTIES_AND_THEIR_SIDES, text) == expected


_MAKERS_AND_NATIONS = Gazetteer.of(
    [
        Named("airbus", "Airbus", (), "European aircraft manufacturer.", "organization"),
        Named("us", "United States", ("U.S.", "US"), "Country in North America.", "place"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A model's code after a maker's name is no word of a longer name.
        ("The route will be flown with the airline's Airbus A220-300 jets.", ["airbus"]),
        ("Emirates ordered 15 Airbus A350-1000s on Monday.", ["airbus"]),
        # A capitalised word is: a name we do not have.
        ("Airbus Helicopters said it would build the rotor blades in Marignane.", []),
        # The nation's Senate and its departments are the nation's.
        ("The tax will be on the ballot alongside races for the U.S. Senate.", ["us"]),
        ("The US State Department did not comment.", ["us"]),
        # Not the name of an event of its own.
        ("She reached the final of the US Open on Friday.", []),
    ],
)
def test_a_models_code_or_a_nations_body_after_a_name_opens_no_longer_name(text, expected):
    assert keys_found(_MAKERS_AND_NATIONS, text) == expected


_COUNTRIES_AND_THEIR_RIVERS = Gazetteer.of(
    [
        Named("paraguay", "Paraguay", (), "Landlocked country in South America.", "place"),
        Named(
            "paraguay-river",
            "Paraguay River",
            ("Paraguay",),
            "River of South America that flows past Asunción into the Paraná.",
            "place",
        ),
        Named("gambia", "The Gambia", ("Gambia",), "Country in West Africa.", "place"),
        Named(
            "gambia-river",
            "Gambia River",
            ("Gambia",),
            "River of West Africa that flows into the Atlantic at Banjul.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The" before a name a country shares with a river is the river's where the
        # country's name takes no "the".
        (
            "Barges from Paraguay are stranded after the Paraguay fell to its lowest level.",
            ["paraguay", "paraguay-river"],
        ),
        # Not where it does: "the Gambia" may be the country, as English writes it, and
        # nothing here says which.
        ("Rice is grown across the Gambia, officials said.", []),
    ],
)
def test_the_before_a_countrys_name_that_takes_none_is_the_rivers(text, expected):
    assert keys_found(_COUNTRIES_AND_THEIR_RIVERS, text) == expected


_TOWNS_AND_THEIR_REGIONS = Gazetteer.of(
    [
        Named(
            "chennai",
            "Chennai",
            (),
            "Capital of the Indian state of Tamil Nadu, on the Bay of Bengal.",
            "place",
        ),
        Named(
            "chennai-district",
            "Chennai District",
            ("Chennai",),
            "District of Tamil Nadu, India, covering the core of the city of Chennai.",
            "place",
        ),
        Named("najaf", "Najaf", (), "City in central Iraq and a place of pilgrimage.", "place"),
        Named(
            "najaf-governorate",
            "Najaf",
            ("Najaf Governorate", "Najaf Province"),
            "Governorate of south-central Iraq reaching to the Saudi border.",
            "place",
        ),
        Named("oran", "Oran", ("Wahran",), "Port city in north-western Algeria.", "place"),
        Named(
            "oran-province",
            "Oran Province",
            ("Oran", "Wilaya of Oran"),
            "Province of north-western Algeria on the Mediterranean.",
            "place",
        ),
        Named("garissa", "Garissa", (), "Town in north-eastern Kenya on the Tana.", "place"),
        Named(
            "garissa-county",
            "Garissa County",
            ("Garissa",),
            "County of north-eastern Kenya bordering Somalia.",
            "place",
        ),
        Named("wajir", "Wajir County", ("Wajir",), "County of north-eastern Kenya.", "place"),
        Named("dubai", "Dubai", (), "Most populous city of the United Arab Emirates.", "place"),
        Named(
            "dubai-emirate",
            "Emirate of Dubai",
            ("Dubai",),
            "One of the seven emirates of the United Arab Emirates.",
            "place",
        ),
        Named("herat", "Herat", (), "City in western Afghanistan.", "place"),
        Named(
            "herat-province",
            "Herat Province",
            ("Herat",),
            "Province of western Afghanistan bordering Iran.",
            "place",
        ),
        Named("badghis", "Badghis Province", ("Badghis",), "Province of Afghanistan.", "place"),
        Named("sharjah", "Sharjah", (), "Third-largest city of the United Arab Emirates.", "place"),
        Named(
            "sharjah-emirate",
            "Emirate of Sharjah",
            ("Sharjah",),
            "Emirate of the United Arab Emirates on the Persian Gulf.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The kind of another place in a description is no word about the place it
        # describes: "the city of Chennai" in the district's says the city, not the
        # district, and "the state of Tamil Nadu" in the city's says nothing of it.
        (
            "Dengue cases rose in Chennai, where the city opened extra wards.",
            ["chennai"],
        ),
        # A region's council or officer, or its own words set beside the name, say the
        # region named for the town, though neither description names the other.
        (
            "In the provincial council of Najaf, officials prepared for the crowds.",
            ["najaf-governorate"],
        ),
        (
            "The wali of Oran, the province’s governor, said the concert could move.",
            ["oran-province"],
        ),
        # And a list that a region's word ends.
        (
            "The authority moved Garissa, Wajir and Mandera counties to its alarm phase.",
            ["garissa-county", "wajir"],
        ),
        ("Drought hit Garissa and neighbouring Wajir County hardest.", ["garissa-county", "wajir"]),
        (
            "Drought hit Herat and neighbouring Badghis province hardest.",
            ["herat-province", "badghis"],
        ),
        # A ruler's region, though its description calls it by no word of a region's,
        # or by a kind of region we do not list.
        ("The ruler of Dubai approved a record budget.", ["dubai-emirate"]),
        ("The ruler of Sharjah opened the book fair.", ["sharjah-emirate"]),
        # Not the region's town, nor an address.
        ("Pilgrims reached Najaf, the province’s capital, on Monday.", ["najaf"]),
        ("A clinic opened in Garissa, North Eastern Province, on Monday.", ["garissa"]),
        # A point is still the town's: one travels to it, or measures from it.
        ("Pilgrims flew to Najaf on Monday.", ["najaf"]),
        # Where a governor goes too: the words of the trip say a point.
        ("Governor Hassan flew to Najaf on Monday.", ["najaf"]),
        ("Governor Hassan said Najaf would pay for the new roads.", ["najaf-governorate"]),
        # A mayor is a town's, after its possessive too.
        ("Oran's mayor said the seafront would be repaved.", ["oran"]),
        ("A new jetty was built on the estuary west of Oran.", ["oran"]),
    ],
)
def test_a_town_and_the_region_named_for_it(text, expected):
    assert keys_found(_TOWNS_AND_THEIR_REGIONS, text) == expected


_BODIES_OF_TWO_COUNTRIES = Gazetteer.of(
    [
        Named(
            "hm-treasury",
            "HM Treasury",
            ("Treasury",),
            "The British government's economics and finance ministry.",
            "organization",
        ),
        Named(
            "us-treasury",
            "United States Department of the Treasury",
            ("Treasury",),
            "The US federal department responsible for government finances.",
            "organization",
        ),
        Named("kampala", "Kampala", (), "Capital of Uganda.", "place"),
        Named("nairobi", "Nairobi", (), "Capital of Kenya.", "place"),
        Named("court-ug", "Supreme Court", (), "Highest court of Uganda.", "organization"),
        Named("court-ke", "Supreme Court", (), "Highest court of Kenya.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A people's word in a description names its country, wherever it stands: the
        # story that writes "Britain" is about the British ministry.
        (
            "Britain’s highest court ruled on Friday. The Treasury said it would study "
            "the judgment.",
            ["hm-treasury"],
        ),
        # Where the story names two countries as often, the one it is filed from.
        (
            "KAMPALA (Newsroom) - A lawyer flew in from Nairobi. The Supreme Court ruled "
            "on Friday.",
            ["kampala", "nairobi", "court-ug"],
        ),
        # And nothing where it is filed from neither.
        (
            "A lawyer flew from Nairobi to Kampala. The Supreme Court ruled on Friday.",
            [
                "nairobi",
                "kampala",
            ],
        ),
    ],
)
def test_a_body_of_one_name_in_two_countries_is_read_by_the_storys_country(text, expected):
    assert keys_found(_BODIES_OF_TWO_COUNTRIES, text) == expected


_COUNTRIES_AND_THEIR_CRICKET_SIDES = Gazetteer.of(
    [
        Named("india", "India", (), "Country in South Asia.", "place"),
        Named(
            "india-xi",
            "India national cricket team",
            ("India",),
            "National cricket team of India.",
            "organization",
        ),
        Named("bangladesh", "Bangladesh", (), "Country in South Asia.", "place"),
        Named(
            "bangladesh-xi",
            "Bangladesh national cricket team",
            ("Bangladesh",),
            "National cricket team of Bangladesh.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A story of Twenty20 or one-day internationals is about cricket, whatever other
        # words of the game it leaves out: a defeat to a country there is to its side.
        (
            "They have lost eight of their last eleven Twenty20 internationals, including "
            "two heavy defeats to India and a home series loss to Bangladesh.",
            ["india-xi", "bangladesh-xi"],
        ),
        (
            "The selectors named a new captain for the T20 series after a loss to India.",
            ["india-xi"],
        ),
        # Not a trade talk's: nothing there is a game's.
        ("The talks ended in a loss to India of its biggest export market.", ["india"]),
    ],
)
def test_a_story_of_internationals_of_cricket_is_about_the_game(text, expected):
    assert keys_found(_COUNTRIES_AND_THEIR_CRICKET_SIDES, text) == expected


def test_the_kinds_of_other_places_a_description_names_are_read_at_any_capital():
    """ "the Province of Cebu" names another place as "the province of Cebu" does, and
    so does a kind before a name that opens with a letter outside ASCII."""
    assert _other_places_kinds("City in the Province of Cebu.", "city") == {"provin"}
    assert _other_places_kinds("Town, seat of the district of Île-Verte.", "city") == {"distri"}
    assert _other_places_kinds("Region with fishing ports and farms.", "state") == set()


_A_PLAYER_AND_A_MISSIONARY_OF_ONE_NAME = Gazetteer.of(
    [
        Named(
            "ricci-tennis",
            "Matteo Ricci",
            ("Ricci",),
            "Italian tennis player from Sanremo.",
            "person",
        ),
        Named(
            "ricci-jesuit",
            "Matteo Ricci",
            ("Ricci",),
            "Italian Jesuit missionary who worked in China and died in Beijing in 1610.",
            "person",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A description that says its person died, in a clause of its own ("who worked
        # in China and died in Beijing in 1610"), makes them one of the dead, who give
        # no interviews.
        ("Ricci said the clay had been slow all week.", ["ricci-tennis"]),
        (
            "Prince Albert presented the trophies. Ricci said he had been too nervous to speak.",
            ["ricci-tennis"],
        ),
    ],
)
def test_one_who_died_in_a_relative_clause_of_a_description_gives_no_interview(text, expected):
    assert keys_found(_A_PLAYER_AND_A_MISSIONARY_OF_ONE_NAME, text) == expected


_TOWNS_AND_THE_REGIONS_OF_THEIR_NAMES = Gazetteer.of(
    [
        Named(
            "zacatecas-city",
            "Zacatecas",
            (),
            "Capital city of the Mexican state of Zacatecas, a colonial silver town.",
            "place",
        ),
        Named(
            "zacatecas-state",
            "Zacatecas",
            (),
            "State of north-central Mexico; capital Zacatecas.",
            "place",
        ),
        Named(
            "guaiba-city",
            "Guaíba",
            (),
            "City in Rio Grande do Sul, Brazil, on the western shore of Lake Guaíba.",
            "place",
        ),
        Named(
            "guaiba-lake",
            "Guaíba",
            ("Lake Guaíba",),
            "Lake beside Porto Alegre, Brazil, which gave its name to the city of Guaíba.",
            "place",
        ),
        Named("sado-city", "Sado", (), "City in Niigata Prefecture, Japan.", "place"),
        Named(
            "sado-island",
            "Sado",
            (),
            "Island in the Sea of Japan off Niigata, governed as Sado city.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A phrase set beside the name says its kind: a state, an island, as it says a
        # town ("Salto, the citrus city on the border"); with what may follow it
        # ("across", "off", "at").
        (
            "Zacatecas, a silver-mining state of 1.6 million people, has had one of the "
            "highest murder rates.",
            ["zacatecas-state"],
        ),
        ("Fishermen on Sado, the island off the coast, fear a boycott.", ["sado-island"]),
        (
            "Fans came from as far as Guaíba, the town across the lake, where homes flooded.",
            ["guaiba-city"],
        ),
        (
            "Zacatecas, the old town at the foot of the hill, filled with pilgrims.",
            ["zacatecas-city"],
        ),
    ],
)
def test_a_kind_set_beside_the_name_tells_a_town_from_its_region(text, expected):
    assert keys_found(_TOWNS_AND_THE_REGIONS_OF_THEIR_NAMES, text) == expected


_TWO_NEWCASTLES = Gazetteer.of(
    [
        Named(
            "newcastle-nsw",
            "Newcastle",
            (),
            "Port city in New South Wales, Australia, at the mouth of the Hunter River.",
            "place",
        ),
        Named(
            "newcastle-upon-tyne",
            "Newcastle",
            ("Newcastle upon Tyne",),
            "City on the River Tyne in north-east England.",
            "place",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The other Newcastle" in a story filed from one of two places of the name is
        # the other one.
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — The mine will close. “We are not going "
            "to become the other Newcastle,” the mayor said.",
            ["newcastle-nsw", "newcastle-upon-tyne"],
        ),
        # Whatever words of the story's place's description stand near.
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — Officials in this port at the mouth of "
            "the Hunter River say it will not become the other Newcastle.",
            ["newcastle-nsw", "newcastle-upon-tyne"],
        ),
        # Not the story's own place calling itself so.
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — The mine will close. “We're the other "
            "Newcastle, and proud of it,” the mayor said.",
            ["newcastle-nsw", "newcastle-nsw"],
        ),
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — “For years we were the other Newcastle,” "
            "the mayor said.",
            ["newcastle-nsw", "newcastle-nsw"],
        ),
    ],
)
def test_the_other_place_of_a_name_is_not_the_one_the_story_was_filed_from(text, expected):
    assert keys_found(_TWO_NEWCASTLES, text) == expected


_THE_CAPITAL_AND_THE_STATE_NAMED = [
    Named(
        "washington-dc",
        "Washington",
        ("Washington, D.C.", "Washington DC"),
        "Capital city and federal district of the United States, on the Potomac River.",
        "place",
    ),
    Named(
        "washington-state",
        "Washington",
        ("Washington State",),
        "State in the Pacific Northwest of the United States; capital Olympia.",
        "place",
    ),
]
_THE_CAPITAL_AND_THE_STATE = Gazetteer.of(_THE_CAPITAL_AND_THE_STATE_NAMED)


@pytest.mark.parametrize(
    "text",
    [
        # The federal capital, where the federal government is meant, whatever words of
        # the state's description the story writes elsewhere ("Pacific").
        "Ships cross from the Pacific. The canal will stay in Panamanian hands after "
        "officials in Washington questioned the role of a Hong Kong company.",
        "The merger closes once federal antitrust officials in Washington have signed off.",
        "The EU has come under pressure from the administration in Washington.",
        # And before the rule of a name the gazetteer also writes with its region after a
        # comma ("Washington, D.C."): the capital is named bare.
        "The judgment comes as the firm faces a monopoly trial in Washington.",
        "The painting was sold at auction in Washington last spring.",
    ],
)
def test_the_federal_capital_is_meant_where_its_government_is(text):
    assert keys_found(_THE_CAPITAL_AND_THE_STATE, text) == ["washington-dc"]


def test_a_town_of_the_state_is_still_its_address():
    text = "The company will expand its offices in Seattle and Redmond, Washington."
    assert keys_found(_THE_CAPITAL_AND_THE_STATE, text) == ["washington-state"]


_TWO_SUPREME_COURTS_AND_A_BORDER_TOWN = Gazetteer.of(
    [
        Named(
            "busia-kenya",
            "Busia",
            (),
            "Border town in western Kenya, facing its Ugandan namesake across the frontier.",
            "place",
        ),
        Named("kenya", "Kenya", (), "Country in East Africa.", "place"),
        Named("uganda", "Uganda", (), "Landlocked country in East Africa.", "place"),
        Named(
            "supreme-court-kenya",
            "Supreme Court of Kenya",
            ("Supreme Court",),
            "Highest court of Kenya, created by the 2010 constitution.",
            "organization",
        ),
        Named(
            "supreme-court-uganda",
            "Supreme Court of Uganda",
            ("Supreme Court",),
            "Final court of appeal of Uganda, sitting in Kampala.",
            "organization",
        ),
    ]
)


def test_a_generic_court_is_the_country_the_dateline_writes():
    """ "BUSIA, Kenya" puts the story in Kenya when it names Kenya and Uganda alike,
    though the town's description names the Ugandan town across the border."""
    text = (
        "BUSIA, Kenya, Mar 14 (Newsroom) - The Supreme Court on Friday upheld the election "
        "of the governor. Traders from Uganda crossed to watch.\nThe ruling is final."
    )
    assert keys_found(_TWO_SUPREME_COURTS_AND_A_BORDER_TOWN, text) == [
        "busia-kenya",
        "kenya",
        "supreme-court-kenya",
        "uganda",
    ]


_MAKERS_AND_PLACES_OF_THINGS = Gazetteer.of(
    [
        Named("mazda", "Mazda", (), "Japanese carmaker based in Hiroshima.", "organization"),
        Named("jermuk", "Jermuk", (), "Spa town in southern Armenia.", "place"),
        Named("penarol", "Peñarol", (), "Football club in Montevideo, Uruguay.", "organization"),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A maker's or a place's name worn by a thing is the thing's, no mention.
        ("Outside the gate a parked Mazda hatchback lay crushed under a pole.", []),
        ("Residents of Jermuk, whose bottled Jermuk water is sold abroad, objected.", ["jermuk"]),
        # The maker itself, and a club's shirt, are mentions.
        ("Mazda said its plant would reopen on Monday.", ["mazda"]),
        ("He posted a photograph of himself in a Peñarol shirt.", ["penarol"]),
    ],
)
def test_a_name_worn_by_a_thing_is_no_mention(text, expected):
    assert keys_found(_MAKERS_AND_PLACES_OF_THINGS, text) == expected


def test_a_rivers_water_is_the_rivers():
    nile = Gazetteer.of([Named("nile", "Nile", (), "River in north-east Africa.", "place")])
    assert keys_found(nile, "Egypt and Sudan signed a Nile water treaty.") == ["nile"]


_COURTS_OF_NEIGHBOURS = Gazetteer.of(
    [
        Named(
            "new-zealand",
            "New Zealand",
            (),
            "Island country in the south-western Pacific Ocean.",
            "place",
        ),
        Named(
            "in-sc",
            "Supreme Court of India",
            ("Supreme Court",),
            "Apex court of India.",
            "organization",
        ),
        Named(
            "pk-sc",
            "Supreme Court of Pakistan",
            ("Supreme Court",),
            "Apex court of Pakistan, seated in Islamabad.",
            "organization",
        ),
        Named(
            "au-hc",
            "High Court of Australia",
            ("High Court",),
            "Highest court in the Australian judicial system, sitting in Canberra.",
            "organization",
        ),
        Named(
            "nz-hc",
            "High Court of New Zealand",
            ("High Court",),
            "Superior court of general jurisdiction in New Zealand.",
            "organization",
        ),
        Named(
            "at-cc",
            "Constitutional Court of Austria",
            ("Constitutional Court",),
            "Court in Vienna that reviews the constitutionality of Austrian laws.",
            "organization",
        ),
        Named(
            "cz-cc",
            "Constitutional Court of the Czech Republic",
            ("Constitutional Court",),
            "Court in Brno that reviews the constitutionality of Czech laws.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The country a dateline writes after a town that is no place of ours.
        (
            "LAHORE, Pakistan, Nov 6 (Newsroom) — The Supreme Court on Wednesday suspended "
            "a ban on Indian films.",
            ["pk-sc"],
        ),
        # A country of two words the gazetteer knows.
        (
            "AUCKLAND, New Zealand, April 9 (Newsroom) — An Australian mining company lost "
            "its bid in the High Court on Tuesday.",
            ["new-zealand", "nz-hc"],
        ),
        # A dateline's town in capitals outside ASCII.
        (
            "GMÜND, Austria, May 20 (Newsroom) — Residents who shop in the Czech Republic "
            "welcomed a decision by the Constitutional Court.",
            ["at-cc"],
        ),
    ],
)
def test_a_generic_court_is_the_country_of_a_dateline_whose_town_is_not_ours(text, expected):
    assert keys_found(_COURTS_OF_NEIGHBOURS, text) == expected


def test_a_place_whose_own_name_carries_its_region_is_told_from_the_bare_namesake():
    """ "Lebanon, Pennsylvania" named so, with "Lebanon" an alias, is the namesake the
    gazetteer tells apart by its region: the bare name is the country, and a town's
    address before it ("Spokane, Washington") the state beside "Washington, D.C."."""
    places = Gazetteer.of(
        [
            Named("lebanon", "Lebanon", (), "Country in Western Asia.", "place"),
            Named(
                "lebanon-pa",
                "Lebanon, Pennsylvania",
                ("Lebanon",),
                "City in Pennsylvania, United States.",
                "place",
            ),
            Named(
                "washington-dc",
                "Washington, D.C.",
                ("Washington",),
                "Capital city of the United States and seat of its federal government.",
                "place",
            ),
            Named(
                "washington-state",
                "Washington",
                ("Washington State",),
                "State in the Pacific Northwest of the United States.",
                "place",
            ),
            Named("spokane", "Spokane", (), "City in eastern Washington state.", "place"),
        ]
    )
    assert keys_found(places, "Turnout in Lebanon's second city was low.") == ["lebanon"]
    assert keys_found(places, "Officials in Spokane, Washington, said 40 homes burned.") == [
        "spokane",
        "washington-state",
    ]


# Near misses a review of the code found for this session's rules: each reads as a
# careful annotator would.
_THERESA_MAY = Gazetteer.of(
    [Named("may", "Theresa May", ("May",), "British politician, prime minister.", "person")]
)


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May took office in 2016. A year later May called the election early.",
        "Theresa May spoke. May lost the election.",
        "Theresa May spoke. Ministers told May the polls looked grim.",
    ],
)
def test_a_verb_between_may_and_an_election_keeps_the_person(text):
    assert keys_found(_THERESA_MAY, text) == ["may", "may"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers at a Toyota car plant in Kentucky walked out.", ["toyota"]),
        ("He spoke at a Munich beer hall in 1920.", ["munich"]),
        ("A Danube cruise ship sank in Budapest.", ["danube"]),
    ],
)
def test_a_things_word_that_opens_a_longer_noun_is_no_thing(text, expected):
    places_and_makers = Gazetteer.of(
        [
            Named("toyota", "Toyota", (), "Japanese carmaker.", "organization"),
            Named("munich", "Munich", (), "City in Bavaria, Germany.", "place"),
            Named("danube", "Danube", (), "River in central Europe.", "place"),
        ]
    )
    assert keys_found(places_and_makers, text) == expected


def test_a_kind_beside_after_an_opening_phrase_is_another_places():
    mexicos = Gazetteer.of(
        [
            Named("mexico", "Mexico", (), "Country in North America.", "place"),
            Named(
                "mexico-state",
                "State of Mexico",
                ("Mexico",),
                "State of central Mexico around Mexico City; capital Toluca.",
                "place",
            ),
        ]
    )
    for text in (
        "In Mexico, the state of Chihuahua reported the most cases.",
        "Across Mexico, the state with the most murders is Guanajuato.",
    ):
        assert keys_found(mexicos, text) == ["mexico"], text


@pytest.mark.parametrize(
    "text",
    [
        "Salmon runs in the Pacific Northwest collapsed. Fisheries officials in Washington "
        "and Oregon closed the season early.",
        "In Olympia, the state capital, lawmakers in Washington passed a rent cap.",
    ],
)
def test_government_words_before_a_state_beside_another_state_are_the_states(text):
    states = Gazetteer.of(
        [
            *_THE_CAPITAL_AND_THE_STATE_NAMED,
            Named("oregon", "Oregon", (), "State in the Pacific Northwest of the US.", "place"),
            Named("olympia", "Olympia", (), "Capital city of the US state of Washington.", "place"),
        ]
    )
    assert "washington-state" in keys_found(states, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The other" of the story's own schools.
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — The school will close and the other "
            "Newcastle schools will take its pupils.",
            ["newcastle-nsw", "newcastle-nsw"],
        ),
        # A quotation that opens with the other place.
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — “The other Newcastle has a club in the "
            "Premier League,” said a fan.",
            ["newcastle-nsw", "newcastle-upon-tyne"],
        ),
        (
            "NEWCASTLE, Australia, May 6 (Newsroom) — It's the other Newcastle, locals joke.",
            ["newcastle-nsw", "newcastle-nsw"],
        ),
    ],
)
def test_the_other_place_only_where_it_is_the_other_place(text, expected):
    assert keys_found(_TWO_NEWCASTLES, text) == expected


_PLACES_AND_THEIR_SIDES = Gazetteer.of(
    [
        Named("india", "India", (), "Country in South Asia.", "place"),
        Named(
            "india-xi",
            "India national cricket team",
            ("India",),
            "National cricket team of India.",
            "organization",
        ),
        Named("geelong", "Geelong", (), "Port city in Victoria, Australia.", "place"),
        Named(
            "geelong-cats",
            "Geelong Football Club",
            ("Geelong", "Cats"),
            "Australian rules football club in the AFL, based in Geelong.",
            "organization",
        ),
        Named("ulster", "Ulster", (), "Province in the north of Ireland.", "place"),
        Named(
            "ulster-rugby",
            "Ulster Rugby",
            ("Ulster",),
            "Professional rugby union team based in Belfast.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A player's place in a game after the name says it is the side's.
        ("Among the crowd was the former India wicketkeeper who chairs the panel.", ["india-xi"]),
        (
            "The lead plaintiff, former Geelong ruckman Daniel Shea, sat in the gallery.",
            ["geelong-cats"],
        ),
        ("The guard, a former Ulster academy player, had joined the firm.", ["ulster-rugby"]),
        # Not a place's own words: "an India visa".
        ("He waited three months for an India visa.", ["india"]),
    ],
)
def test_a_players_place_after_a_name_makes_it_the_side(text, expected):
    assert keys_found(_PLACES_AND_THEIR_SIDES, text) == expected


_CAPITALS_AND_THEIR_GOVERNMENTS = Gazetteer.of(
    [
        Named("ottawa", "Ottawa", (), "Capital city of Canada, in Ontario.", "place"),
        Named(
            "canada-gov",
            "Government of Canada",
            ("Ottawa",),
            "Federal executive of Canada, led by the prime minister and cabinet.",
            "organization",
        ),
        Named("canberra", "Canberra", (), "Capital city of Australia.", "place"),
        Named(
            "australia-gov",
            "Australian Government",
            ("Canberra",),
            "Executive government of the Commonwealth of Australia.",
            "organization",
        ),
        Named("brussels", "Brussels", (), "Capital city of Belgium.", "place"),
        Named(
            "eu",
            "European Union",
            ("EU", "Brussels"),
            "Political and economic union of 27 European states.",
            "organization",
        ),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A government described as a federal executive or a union of states acts.
        ("Ottawa said it was reviewing the judgment.", ["canada-gov"]),
        ("The minister who negotiated the deal with Brussels spoke.", ["eu"]),
        # And is called on.
        ("She called on Canberra to speed up the buyback.", ["australia-gov"]),
        # The city stays itself.
        ("The conference in Ottawa opened on Monday.", ["ottawa"]),
    ],
)
def test_a_capital_that_acts_or_is_called_on_is_its_government(text, expected):
    assert keys_found(_CAPITALS_AND_THEIR_GOVERNMENTS, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What only a side does at cricket, with the game's word in its sentence.
        (
            "Captain Moyo made 141 as India batted through the fourth day to save the Test.",
            ["india-xi"],
        ),
        (
            "India will go into the third Test against Australia without their captain.",
            ["india-xi"],
        ),
        # Not a country's going into a recession.
        ("India went into recession for the first time since 1980.", ["india"]),
    ],
)
def test_a_country_that_bats_or_goes_into_a_test_is_its_side(text, expected):
    assert keys_found(_PLACES_AND_THEIR_SIDES, text) == expected


def test_a_fans_season_ticket_and_a_sides_scouts_are_the_teams():
    places_and_teams = Gazetteer.of(
        [
            Named("hamburg", "Hamburg", (), "City-state in northern Germany.", "place"),
            Named(
                "hsv",
                "Hamburger SV",
                ("Hamburg", "HSV"),
                "Football club in Hamburg.",
                "organization",
            ),
            Named("finland", "Finland", (), "Country in northern Europe.", "place"),
            Named(
                "finland-hockey",
                "Finland men's national ice hockey team",
                ("Finland",),
                "National ice hockey team of Finland.",
                "organization",
            ),
        ]
    )
    assert keys_found(
        places_and_teams,
        "The striker scored before half-time. My father is a season-ticket holder at Hamburg.",
    ) == ["hsv"]
    assert keys_found(
        places_and_teams,
        "The goaltender stopped 40 shots. Scouts for Finland watched from the press box.",
    ) == ["finland-hockey"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone who does not speak, or speaks somewhere, is a person, not a place.
        (
            "The match ended. Lugo did not speak to reporters.",
            ["adrian-lugo"],
        ),
        (
            "Montenegro, speaking in the ceremonial hall, said the line would be built.",
            ["luis-montenegro"],
        ),
        # The country stays itself.
        ("Montenegro joined NATO in 2017.", ["montenegro"]),
    ],
)
def test_one_who_does_not_speak_or_speaks_somewhere_is_a_person(text, expected):
    namesakes = Gazetteer.of(
        [
            Named("lugo", "Lugo", (), "City in Galicia, Spain.", "place"),
            Named("adrian-lugo", "Adrián Lugo", ("Lugo",), "Mexican football referee.", "person"),
            Named("montenegro", "Montenegro", (), "Country in the Balkans.", "place"),
            Named(
                "luis-montenegro",
                "Luís Montenegro",
                ("Montenegro",),
                "Portuguese politician, prime minister of Portugal since 2024.",
                "person",
            ),
        ]
    )
    assert keys_found(namesakes, text) == expected


# Near misses a second review of the code found for the rules of sides, governments and
# people: each reads as a careful annotator would.
@pytest.mark.parametrize(
    ("gazetteer_entities", "text", "expected"),
    [
        # Firms and governments do not respond or comment: not a person's sign.
        (
            [
                Named(
                    "ford-motor", "Ford Motor Company", ("Ford",), "US carmaker.", "organization"
                ),
                Named("doug-ford", "Doug Ford", ("Ford",), "Premier of Ontario.", "person"),
            ],
            "Ford did not respond to a request for comment.",
            [],
        ),
        # Called on to act, not on a city's residents.
        (
            [
                Named("ottawa", "Ottawa", (), "Capital city of Canada.", "place"),
                Named(
                    "canada-gov",
                    "Government of Canada",
                    ("Ottawa",),
                    "Federal executive of Canada.",
                    "organization",
                ),
            ],
            "The mayor called on Ottawa residents to conserve water.",
            ["ottawa"],
        ),
        # A country that goes into default or declares a holiday is no side.
        (
            [
                Named("argentina", "Argentina", (), "Country in South America.", "place"),
                Named(
                    "arg-fc",
                    "Argentina national football team",
                    ("Argentina",),
                    "National football team of Argentina.",
                    "organization",
                ),
            ],
            "Argentina declared a national holiday after the World Cup final.",
            ["argentina"],
        ),
        # Scouts of the movement, in a story of no game.
        (
            [
                Named("leeds", "Leeds", (), "City in West Yorkshire, England.", "place"),
                Named(
                    "leeds-utd",
                    "Leeds United",
                    ("Leeds",),
                    "Football club in Leeds.",
                    "organization",
                ),
            ],
            "Scouts from Leeds camped in the park for the jamboree.",
            ["leeds"],
        ),
    ],
)
def test_near_misses_of_sides_governments_and_people(gazetteer_entities, text, expected):
    assert keys_found(Gazetteer.of(gazetteer_entities), text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a government does to another, by its seat's name.
        ("Moscow expelled two Estonian diplomats on Friday.", ["russia-gov"]),
        ("Moscow lodged a formal protest over the arms sale.", ["russia-gov"]),
        # Not what a city does too.
        ("Moscow banned cars from the centre for the parade.", ["moscow"]),
    ],
)
def test_a_seat_that_expels_or_protests_is_its_government(text, expected):
    seats = Gazetteer.of(
        [
            Named("moscow", "Moscow", (), "Capital city of Russia.", "place"),
            Named(
                "russia-gov",
                "Government of Russia",
                ("Moscow",),
                "Federal executive of the Russian Federation.",
                "organization",
            ),
        ]
    )
    assert keys_found(seats, text) == expected
