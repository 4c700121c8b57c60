"""Tests for articles.anchoring: the gazetteer, span mapping through edits, quotes.

Plain pytest and hypothesis; no database.
"""

from __future__ import annotations

import gc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.anchoring import (
    DATE_WORD,
    IN_A_COMPETITION,
    NO_ALIAS,
    SHARED_WORDS,
    SHORT_FORM,
    SPELLED_OTHERWISE,
    Entry,
    Gazetteer,
    Mapped,
    Match,
    Named,
    Span,
    collector_paused,
    diff_opcodes,
    map_spans,
    resolve_quote,
)
from articles.anchoring.mapping import (
    CHANGED,
    LONGER_NAME,
    MOVED,
    PARAGRAPH_DELETED,
    REWRITTEN,
    SENTENCE_DELETED,
    WORDS_DELETED,
    name_around,
)

pytestmark = pytest.mark.text_only

# --- Gazetteer ---------------------------------------------------------------------------

KJU, KYJ, XI, PUTIN = "kju", "kyj", "xi", "putin"


@pytest.fixture
def gazetteer():
    return Gazetteer(
        [
            Entry(KJU, "Kim Jong Un"),
            Entry(KJU, "Kim"),
            Entry(KYJ, "Kim Yo Jong"),
            Entry(KYJ, "Kim"),
            Entry(XI, "Xi Jinping"),
            Entry(XI, "Xi"),
            Entry(PUTIN, "Vladimir Putin"),
            Entry(PUTIN, "Putin"),
        ]
    )


def linked(matches):
    return [(m.surface, m.key) for m in matches]


def test_match_is_named_tuple_with_text_offsets():
    text = "Then Putin spoke."
    (match,) = Gazetteer([Entry(1, "Putin")]).find(text)
    assert match == Match(5, 10, 1, "Putin")
    assert text[match.start : match.end] == match.surface


@pytest.mark.parametrize(
    "text, found",
    [
        ("Kim’s armored train", ["Kim"]),
        ("Kim's armored train", ["Kim"]),
        ("“Kim” said", ["Kim"]),
        ("Kimchi and Kimball", []),
        ("McKim arrived", []),
        ("Kim_2 and Kim2 and 2Kim", []),
        ("Kim", ["Kim"]),
        ("first line\nKim\nKim ends the line\nthe line ends with Kim", ["Kim"] * 3),
        ("(Kim), Kim. Kim!", ["Kim"] * 3),
    ],
)
def test_word_boundaries(text, found):
    assert [m.surface for m in Gazetteer([Entry(1, "Kim")]).find(text)] == found


@pytest.mark.parametrize(
    "name, text",
    [
        ("अमित", "अमिताभ बच्चन"),  # a vowel sign continues the word
        # (An accent written apart, "Jose\u0301", is the letter's: test_anchoring_rules.)
    ],
)
def test_a_vowel_sign_glues_a_name_to_the_word_it_continues(name, text):
    assert Gazetteer([Entry(1, name)]).find(text) == []
    assert [m.surface for m in Gazetteer([Entry(1, name)]).find(f"{name} spoke")] == [name]


def test_longest_match_wins_and_matches_do_not_overlap():
    g = Gazetteer([Entry(1, "Kim"), Entry(1, "Kim Jong Un"), Entry(2, "Jong Un Park")])
    assert linked(g.find("Kim Jong Un Park")) == [("Kim Jong Un", 1)]
    assert linked(g.find("Mr Jong Un Park and Kim")) == [("Jong Un Park", 2), ("Kim", 1)]


def test_longer_match_failing_boundary_does_not_hide_shorter():
    g = Gazetteer([Entry(1, "Kim"), Entry(2, "Kim Jo")])
    assert linked(g.find("Kim Jong Un")) == [("Kim", 1)]


def test_case_sensitive_by_default_and_per_alias_opt_out():
    g = Gazetteer([Entry(1, "Apple"), Entry(2, "nasa", case_sensitive=False)])
    assert linked(g.find("apple APPLE Apple NASA Nasa nasa")) == [
        ("Apple", 1),
        ("NASA", 2),
        ("Nasa", 2),
        ("nasa", 2),
    ]


def test_case_sensitive_and_insensitive_aliases_of_one_lower_cased_form():
    g = Gazetteer([Entry(1, "US"), Entry(2, "Nato", case_sensitive=False)])
    assert linked(g.find("us and Us, US; NATO, nato")) == [("US", 1), ("NATO", 2), ("nato", 2)]
    # "US" reads exactly as a case-sensitive alias and fits a case-insensitive one too.
    g = Gazetteer([Entry(1, "US"), Entry(2, "us", case_sensitive=False)])
    matches, ambiguous = g.find_with_stats("us, US, Us")
    assert (linked(matches), ambiguous) == ([("us", 2), ("Us", 2)], 1)
    g = Gazetteer([Entry(1, "US"), Entry(2, "Us"), Entry(3, "nato", case_sensitive=False)])
    assert linked(g.find("US Us uS us")) == [("US", 1), ("Us", 2)]


def test_longest_form_in_the_wrong_case_does_not_hide_shorter():
    g = Gazetteer(
        [
            Entry(1, "Kim Jong Un"),
            Entry(2, "kim", case_sensitive=False),
            Entry(3, "Jong Un", case_sensitive=False),
        ]
    )
    assert linked(g.find("KIM JONG UN and Kim Jong Un")) == [
        ("KIM", 2),
        ("JONG UN", 3),
        ("Kim Jong Un", 1),
    ]


@pytest.mark.parametrize("insensitive", [False, True])
def test_name_ending_a_prefix_of_a_longer_name_is_found(insensitive):
    # The automaton walks "Mr Kim Jong" toward "Mr Kim Jong Un"; "Jong" is only a suffix
    # of that path (two failure links away), and then the path breaks off.
    names = ["Mr Kim Jong Un", "Kim Jong Il", "Jong"]
    g = Gazetteer([Entry(name, name, not insensitive) for name in names])
    assert linked(g.find("Mr Kim Jong said")) == [("Jong", "Jong")]
    # Same at the very end of the text, one failure link away.
    g = Gazetteer([Entry(1, "Kim Jong Un"), Entry(2, "Jong", not insensitive)])
    assert linked(g.find("Mr Kim Jong")) == [("Jong", 2)]


def test_case_insensitive_keeps_offsets_when_lowering_changes_length():
    g = Gazetteer([Entry(1, "kim", case_sensitive=False)])
    text = "İİ KIM and Straße kim"
    matches = g.find(text)
    assert [(text[m.start : m.end], m.surface) for m in matches] == [("KIM", "KIM")] + [
        ("kim", "kim")
    ]


def test_real_text_links_every_name_to_the_right_key(gazetteer):
    text = (
        "Kim Jong Un arrived by Kim’s armored train on Tuesday. Kim was greeted by\n"
        "“President Xi Jinping”, and later Xi spoke. Vladimir Putin sent a note; Putin\n"
        "did not come. Kimchi was served."
    )
    matches, ambiguous = gazetteer.find_with_stats(text)
    assert linked(matches) == [
        ("Kim Jong Un", KJU),
        ("Kim", KJU),
        ("Kim", KJU),
        ("Xi Jinping", XI),
        ("Xi", XI),
        ("Vladimir Putin", PUTIN),
        ("Putin", PUTIN),
    ]
    assert ambiguous == 0
    for m in matches:
        assert text[m.start : m.end] == m.surface


def test_two_kims(gazetteer):
    pause = "The talks went on for hours and nobody left the room before dawn. " * 4
    text = f"Kim waved. Kim Jong Un spoke. Kim nodded. {pause}Kim Yo Jong replied. Then Kim left."
    matches, ambiguous = gazetteer.find_with_stats(text)
    assert linked(matches) == [
        ("Kim Jong Un", KJU),
        ("Kim", KJU),
        ("Kim Yo Jong", KYJ),
        ("Kim", KYJ),
    ]
    assert ambiguous == 1  # the first "Kim", before either full name
    assert gazetteer.find("Kim waved.") == []


def test_a_kim_just_after_both_full_names_is_left_out(gazetteer):
    """With both Kims named in full a sentence apart, the last one named is no better a
    guess than the other (articles/anchoring/rules.py)."""
    text = "Kim Jong Un spoke. Kim Yo Jong replied. Then Kim left."
    matches, ambiguous = gazetteer.find_with_stats(text)
    assert linked(matches) == [("Kim Jong Un", KJU), ("Kim Yo Jong", KYJ)]
    assert ambiguous == 1


def test_shared_surface_with_one_key_always_resolves():
    g = Gazetteer([Entry(1, "Kim"), Entry(1, "Kim")])
    assert linked(g.find("Kim")) == [("Kim", 1)]


def test_words_that_name_several_entities_in_any_case_or_typography():
    gazetteer = Gazetteer.of(
        [
            Named("city", "Atlanta", ("ATL",)),
            Named("hawks", "Atlanta Hawks", ("Atlanta", "Hawks")),
            Named("dprk", "Democratic People's Republic of Korea"),
        ]
    )

    assert set(gazetteer.keys_named("Atlanta")) == {"city", "hawks"}
    assert set(gazetteer.keys_named("ATLANTA")) == {"city", "hawks"}
    assert gazetteer.keys_named("Democratic People’s Republic of Korea") == ("dprk",)
    assert gazetteer.keys_named("Hawks") == ("hawks",)
    assert gazetteer.keys_named("Haw\u00adks") == ("hawks",)  # a soft hyphen, unseen
    assert gazetteer.keys_named("Atlanta Falcons") == ()
    assert Gazetteer([]).keys_named("Atlanta") == ()


def test_a_suggestion_needs_a_look_unless_its_words_leave_no_choice():
    """Words that name several entities, or none (a given name the story tied to a
    person), or a month or a day too, are for someone to check; one entity's own words
    are not."""
    gazetteer = Gazetteer.of(
        [
            Named("city", "Atlanta", ()),
            Named("hawks", "Atlanta Hawks", ("Atlanta",)),
            Named("may", "Theresa May", ("May",)),
            Named("august", "Jermaine August", ()),
        ]
    )

    assert gazetteer.needs_a_look("Atlanta Hawks", "hawks") == ""
    assert gazetteer.needs_a_look("Theresa May", "may") == ""
    assert gazetteer.needs_a_look("Atlanta", "hawks") == SHARED_WORDS
    assert gazetteer.needs_a_look("Jermaine", "august") == NO_ALIAS
    # Words that are another entity's alone: not this one's name (an alias moved since).
    assert gazetteer.needs_a_look("Atlanta Hawks", "city") == NO_ALIAS
    assert gazetteer.needs_a_look("May", "may") == DATE_WORD
    assert gazetteer.needs_a_look("MAY", "may") == DATE_WORD


def test_a_place_called_by_one_word_of_a_short_form_needs_a_look():
    """One word of a place's that is not its own name is as often part of a longer name
    we do not know ("the Colégio Militar/Luz station"), and so is one word of an
    organisation's own name ("Celtic" for Celtic FC, "the Tusker lager"); its own name, a
    name of several words, one in capitals (a code) and an organisation's short form that
    is no word of its name need none."""
    gazetteer = Gazetteer.of(
        [
            Named("luz", "Estádio da Luz", ("Luz", "Stadium of Light"), "Stadium.", "place"),
            Named("gdansk", "Gdańsk", ("Danzig", "GDN"), "Port city in Poland.", "place"),
            Named("ice", "Intercity-Express", ("ICE", "Intercity"), "Trains.", "organization"),
            Named("celtic", "Celtic FC", ("Celtic", "Bhoys"), "Football club.", "organization"),
        ]
    )

    # An acronym before a competition's word may be a word of the competition's name.
    assert gazetteer.needs_a_look("ICE", "ice", " Champions League Two") == IN_A_COMPETITION
    assert gazetteer.needs_a_look("ICE", "ice", " fined the club") == ""
    assert gazetteer.needs_a_look("ICE", "ice", " President Anna Berg") == ""

    assert gazetteer.needs_a_look("Celtic", "celtic") == SHORT_FORM
    assert gazetteer.needs_a_look("Bhoys", "celtic") == ""
    assert gazetteer.needs_a_look("Celtic FC", "celtic") == ""

    assert gazetteer.needs_a_look("Luz", "luz") == SHORT_FORM
    assert gazetteer.needs_a_look("Danzig", "gdansk") == SHORT_FORM
    assert gazetteer.needs_a_look("Gdańsk", "gdansk") == ""
    assert gazetteer.needs_a_look("Stadium of Light", "luz") == ""
    assert gazetteer.needs_a_look("GDN", "gdansk") == ""
    assert gazetteer.needs_a_look("Intercity", "ice") == ""
    # A no-break space makes two words, as a space does.
    assert gazetteer.needs_a_look("Stadium\u00a0of Light", "luz") == ""


def test_one_word_read_only_through_its_accents_needs_a_look():
    """One word read only through its accents may be the name ("Munoz" for "Muñoz"), or a
    word of English ("Sale" for Salé): a look first. A name of several words, or one
    spelled as written, needs none."""
    gazetteer = Gazetteer.of(
        [
            Named("munoz", "Cristina Muñoz", ("Muñoz",), "Spanish economist.", "person"),
            Named("sale", "Salé", (), "City in Morocco.", "place"),
        ]
    )

    assert gazetteer.needs_a_look("Munoz", "munoz") == SPELLED_OTHERWISE
    assert gazetteer.needs_a_look("SALE", "sale") == SPELLED_OTHERWISE
    assert gazetteer.needs_a_look("Muñoz", "munoz") == ""
    assert gazetteer.needs_a_look("SALÉ", "sale") == ""
    assert gazetteer.needs_a_look("Cristina Munoz", "munoz") == ""


def test_a_hyphen_between_words_of_a_name_may_be_written_as_a_space():
    """Copy often writes "Zanu PF" for "ZANU-PF" and "Nandi Ndaitwah" for
    "Nandi-Ndaitwah"; offsets stay those of the words as written. A one-letter part is
    no word ("A-League" is never "A League"), and a name's case still counts."""
    gazetteer = Gazetteer.of(
        [
            Named("zanu", "ZANU-PF", ("Zanu-PF",), "Ruling party of Zimbabwe.", "organization"),
            Named("nnn", "Netumbo Nandi-Ndaitwah", ("Nandi-Ndaitwah",), "President.", "person"),
            Named("aleague", "A-League", (), "Football league of Australia.", "organization"),
        ]
    )
    text = "Zanu PF backed Nandi Ndaitwah. A League table and a zanu pf poster."
    assert [(m.start, m.end, m.key) for m in gazetteer.find(text)] == [
        (0, 7, "zanu"),
        (15, 29, "nnn"),
    ]
    assert gazetteer.needs_a_look("Zanu PF", "zanu") == ""


def test_a_name_of_two_words_may_be_written_with_a_hyphen():
    """German copy writes "the Gutenberg-Museum" for the Gutenberg Museum; a person's
    two words are not joined ("Jean-Paul" is another name than "Jean Paul")."""
    gazetteer = Gazetteer.of(
        [
            Named("museum", "Gutenberg Museum", (), "Museum of printing in Mainz.", "organization"),
            Named("jp", "Jean Paul", (), "German writer.", "person"),
        ]
    )
    text = "The Gutenberg-Museum reopened; Jean-Paul Sartre was not there."
    assert [(m.start, m.end, m.key) for m in gazetteer.find(text)] == [(4, 20, "museum")]


def test_empty_gazetteer_and_text():
    assert Gazetteer([]).find("Kim") == []
    assert Gazetteer([Entry(1, "Kim")]).find_with_stats("") == ([], 0)


# --- map_spans ---------------------------------------------------------------------------

OLD = "Kim Jong Un met Robin in Hanoi. Robin smiled."


def span(text, exact, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(exact, start + 1)
    end = start + len(exact)
    return Span(start, end, exact, text[max(0, start - 32) : start], text[end : end + 32])


def check_kept(new, result, exact):
    assert result.status == "kept"
    assert new[result.start : result.end] == exact


@pytest.mark.parametrize(
    "new",
    [
        "Yesterday, " + OLD,  # insert before
        OLD + " Then he left.",  # insert after
        "Kim Jong Un met the young Robin, 9, in Hanoi. Robin smiled.",  # both edges
        "Kim Jong Un met Robin in Hanoi, Vietnam. Robin smiled.",  # another sentence part
        "Kim Jong Un met  Robin in Hanoi . Robin smiled.",  # whitespace/punctuation near
        "Kim Jong Un met Robin in Hanoi! Robin smiled.",
    ],
)
def test_edits_outside_a_span_keep_it(new):
    spans = [span(OLD, "Kim Jong Un"), span(OLD, "Robin"), span(OLD, "Robin", 1)]
    results = map_spans(OLD, new, spans)
    assert len(results) == 3
    check_kept(new, results[0], "Kim Jong Un")
    check_kept(new, results[1], "Robin")
    check_kept(new, results[2], "Robin")
    assert results[1].start < results[2].start


def test_insert_at_both_edges_stays_outside():
    old, new = "a Robin b", "a Dr. Robin, 9, b"
    (result,) = map_spans(old, new, [Span(2, 7, "Robin")])
    assert result == Mapped(6, 11, "kept")


def test_deleting_a_spans_word_needs_review():
    new = "Kim met Robin in Hanoi. Robin smiled."
    (result,) = map_spans(OLD, new, [span(OLD, "Kim Jong Un")])
    assert result.status == "needs_review"
    assert 0 <= result.start <= result.end <= len(new)


def test_corrected_name_does_not_jump_to_a_lookalike():
    new = "Kim Jong Un met Elisa in Hanoi. Robin smiled."
    first, second = map_spans(OLD, new, [span(OLD, "Robin"), span(OLD, "Robin", 1)])
    assert first.status == "needs_review"
    assert (first.start, first.end) == (16, 21)  # where "Elisa" now is
    check_kept(new, second, "Robin")


def test_corrected_name_with_same_context_nearby_still_needs_review():
    old = "said Robin. said Robin."
    new = "said Elisa. said Robin."
    first, second = map_spans(old, new, [span(old, "Robin"), span(old, "Robin", 1)])
    assert first.status == "needs_review"
    check_kept(new, second, "Robin")


def test_retyping_the_same_name_keeps_it():
    old, new = "Then Kim spoke.", "Then Kim spoke."
    (result,) = map_spans(old, new, [Span(5, 8, "Kim")])
    assert result.status in {"kept", "refound"}
    assert (result.start, result.end) == (5, 8)


def test_quote_retyped_inside_an_edit_is_refound():
    old = "He met Kim there."
    new = "He met Kim\u00a0there."  # the space after the name changes kind
    (result,) = map_spans(old, new, [Span(7, 10, "Kim", "He met ", " there.")])
    assert result.status == "kept"
    old, new = "one Kim-Lee two", "one Kim Lee two"
    (result,) = map_spans(old, new, [Span(4, 7, "Kim", "one ", "-Lee two")])
    assert result.status == "kept"  # punctuation next to the word, not the word


def test_refound_when_the_diff_loses_the_word():
    old = "Report: Kim visited Seoul"
    # Not "KimX Kim": a capitalised word joined to a name makes a longer name (see below).
    new = "Report: kimx Kim visited Seoul"
    (result,) = map_spans(old, new, [Span(8, 11, "Kim", "Report: ", " visited Seoul")])
    assert result.status in {"kept", "refound"}
    assert new[result.start : result.end] == "Kim"


def test_empty_new_text_needs_review_for_all():
    results = map_spans(OLD, "", [span(OLD, "Kim Jong Un"), span(OLD, "Robin")])
    assert results == [Mapped(0, 0, "needs_review", PARAGRAPH_DELETED)] * 2


def test_stale_span_is_never_kept():
    (result,) = map_spans("Kim met Xi", "Kim met Xi", [Span(0, 3, "Bob")])
    assert result.status == "needs_review"


def test_diff_opcodes_cover_both_texts():
    old, new = "a b c\nd e f\n", "a b x c\nd f\ng\n"
    ops = diff_opcodes(old, new)
    assert ops[0][1] == 0 and ops[0][3] == 0
    assert ops[-1][2] == len(old) and ops[-1][4] == len(new)
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2]


# --- Spans whose words are gone, changed or grown ---------------------------------------------

STORY = (
    "Kim Jong Un arrived in Beijing.\n"
    "He met Xi Jinping. Choe Son Hui spoke first. Putin sent a letter.\n"
    "The talks ended late."
)


def spans_of(text, *names):
    return [span(text, name) for name in names]


def assert_safe(new, results):
    """No span needing review lies outside the text or over words another span holds."""
    placed = [(r.start, r.end) for r in results if r.start < r.end]
    for result in results:
        assert 0 <= result.start <= result.end <= len(new)
        if result.status != "needs_review":
            continue
        others = [p for p in placed if p != (result.start, result.end)]
        if result.start < result.end:
            assert not any(a < result.end and result.start < b for a, b in others)
        else:
            assert not any(a < result.start < b for a, b in placed)


def test_a_deleted_sentence_leaves_its_mention_without_a_place():
    new = STORY.replace("Choe Son Hui spoke first. ", "")
    results = map_spans(STORY, new, spans_of(STORY, "Xi Jinping", "Choe Son Hui", "Putin"))
    xi, choe, putin = results
    check_kept(new, xi, "Xi Jinping")
    check_kept(new, putin, "Putin")
    assert choe.status == "needs_review" and choe.reason == SENTENCE_DELETED
    assert choe.start == choe.end  # no words: not "# Kim’s ‘tw", nor the next name
    assert new.index("He met") < choe.start <= new.index("Putin")
    assert_safe(new, results)


def test_a_deleted_paragraph_or_words_say_so():
    new = STORY.replace("He met Xi Jinping. Choe Son Hui spoke first. Putin sent a letter.\n", "")
    (choe,) = map_spans(STORY, new, spans_of(STORY, "Choe Son Hui"))
    assert (choe.status, choe.reason) == ("needs_review", PARAGRAPH_DELETED)
    assert choe.start == choe.end == new.index("The talks")

    new = STORY.replace("He met Xi Jinping.", "He met him.")
    (xi,) = map_spans(STORY, new, spans_of(STORY, "Xi Jinping"))
    # "him" is a word put in place of the name: the mention covers it, for review.
    assert (xi.status, xi.reason, new[xi.start : xi.end]) == ("needs_review", CHANGED, "him")

    old = "He met Xi Jinping and Choe Son Hui in Beijing."
    new = "He met Xi Jinping in Beijing."
    (choe,) = map_spans(old, new, spans_of(old, "Choe Son Hui"))
    assert (choe.status, choe.reason) == ("needs_review", WORDS_DELETED)
    assert choe.start == choe.end == new.index("in Beijing")


def test_a_rewritten_sentence_is_no_replacement_for_a_name():
    new = STORY.replace(
        "Choe Son Hui spoke first.",
        "The foreign minister, who had flown in the night before, opened the talks.",
    )
    (choe,) = map_spans(STORY, new, spans_of(STORY, "Choe Son Hui"))
    assert (choe.status, choe.reason, choe.start == choe.end) == ("needs_review", REWRITTEN, True)


def test_a_name_replaced_is_placed_on_its_new_words_though_a_the_went_elsewhere():
    """A function word the edit took out elsewhere is no sign of words moved in; a word of
    a deleted sentence is ("Li Qiang" of "Li Qiang arrived." may be those very words)."""
    old = "Xi spoke at the summit. The minister left early."
    new = "The president spoke at the summit. Minister left early."
    (xi,) = map_spans(old, new, [Span(0, 2, "Xi")])
    assert (xi.status, new[xi.start : xi.end]) == ("needs_review", "The president")
    old = "Xi spoke at the summit. Li Qiang arrived. The minister left early."
    new = "Li Qiang spoke at the summit. The minister left early."
    (xi,) = map_spans(old, new, [Span(0, 2, "Xi")])
    assert (xi.status, xi.start, xi.end) == ("needs_review", 0, 0)


def test_a_replacement_overlapping_another_span_loses_its_place():
    old = "then the kim spoke."
    # A stale suggestion over two words, and a mention of the second one.
    spans = [Span(5, 12, "the kim"), Span(9, 12, "kim", "then the ")]
    new = "then our kim spoke."
    stale, kim = map_spans(old, new, spans)
    check_kept(new, kim, "kim")
    assert stale.status == "needs_review" and stale.start == stale.end
    assert_safe(new, [stale, kim])


def test_a_name_grown_longer_keeps_its_words_before_a_replacement_next_to_it():
    old = "Then Lee Kim spoke."
    spans = [Span(5, 12, "Lee Kim"), Span(9, 12, "Kim", "Then Lee ")]
    new = "Then Park Kim spoke."  # another person's name now
    stale, kim = map_spans(old, new, spans)
    assert (kim.status, kim.reason, new[kim.start : kim.end]) == (
        "needs_review",
        LONGER_NAME,
        "Kim",
    )
    assert stale.status == "needs_review" and stale.start == stale.end
    assert_safe(new, [stale, kim])


def test_a_mention_without_a_place_gets_no_words_from_a_later_edit():
    # Its sentence went in an earlier edit; it sits between "arrived." and "He met".
    text = "Kim arrived.\nHe met Xi."
    orphan = Span(13, 13, "Choe", "Kim arrived.\n", " spoke first.")
    new = "Kim arrived.\nThen he met Xi."
    (result,) = map_spans(text, new, [orphan])
    assert (result.status, result.reason, result.start, result.end) == ("needs_review", "", 13, 13)


def test_a_revert_brings_a_deleted_sentence_and_its_mention_back():
    new = STORY.replace("Choe Son Hui spoke first. ", "")
    choe = span(STORY, "Choe Son Hui")
    (gone,) = map_spans(STORY, new, [choe])
    stored = choe._replace(start=gone.start, end=gone.end)  # the old quote is kept

    (back,) = map_spans(new, STORY, [stored])

    assert (back.status, back.start, back.end) == ("refound", choe.start, choe.end)


def test_a_revert_finds_a_name_deep_inside_a_restored_paragraph():
    paragraph = "The minister said " + "that the talks went on " * 12 + "and Choe Son Hui agreed."
    old = "Kim arrived.\n" + paragraph + "\nXi left."
    new = "Kim arrived.\nXi left."
    choe = span(old, "Choe Son Hui")
    (gone,) = map_spans(old, new, [choe])
    assert gone.start == gone.end

    (back,) = map_spans(new, old, [choe._replace(start=gone.start, end=gone.end)])

    assert (back.status, back.start) == ("refound", choe.start)


@pytest.mark.parametrize(
    "old, new, name",
    [
        ("The parade was about Kim.", "The parade was about Kim Yo Jong.", "Kim"),
        ("It was Miliband who spoke.", "It was David Miliband who spoke.", "Miliband"),
        ("Kim spoke.", "Kim-Lee spoke.", "Kim"),
        ("Then Mohammed spoke.", "Then Mohammed bin Salman spoke.", "Mohammed"),
        # A deletion can join two names as well: "Kim Xi" reads as one.
        ("Kim and Xi met.", "Kim Xi met.", "Kim"),
    ],
)
def test_words_joined_to_a_longer_name_need_review_on_their_own_words(old, new, name):
    (result,) = map_spans(old, new, [span(old, name)])
    assert (result.status, result.reason) == ("needs_review", LONGER_NAME)
    assert new[result.start : result.end] == name


@pytest.mark.parametrize(
    "new",
    [
        "Then President Putin spoke.",  # a title is no part of the name
        "Then Putin, 71, spoke.",
        "Then Putin also spoke.",
        "Yesterday, Putin spoke.",
        "Then Putin Tuesday spoke.",  # a date, not a name
        "Then Putin’s envoy spoke.",
    ],
)
def test_words_next_to_a_name_that_make_no_longer_name_keep_it(new):
    old = "Then Putin spoke."
    (result,) = map_spans(old, new, [span(old, "Putin")])
    check_kept(new, result, "Putin")


@pytest.mark.parametrize(
    "old, new, name",
    [
        # A word that opens sentences, opening this one: capitalised for that alone.
        ("Kim Jong Un arrived.", "Yesterday Kim Jong Un arrived.", "Kim Jong Un"),
        ("He left. Putin stayed.", "He left. Then Putin stayed.", "Putin"),
    ],
)
def test_a_word_put_before_a_name_opening_a_sentence_keeps_it(old, new, name):
    (result,) = map_spans(old, new, [span(old, name)])
    check_kept(new, result, name)


def test_a_first_name_put_before_a_name_opening_a_sentence_needs_review():
    old, new = "He left. Miliband stayed.", "He left. David Miliband stayed."
    (result,) = map_spans(old, new, [span(old, "Miliband")])
    assert (result.status, result.reason) == ("needs_review", LONGER_NAME)


def test_a_longer_name_already_there_is_no_news():
    old = "Kim Yo Jong spoke. Then Kim Yo Jong left."
    new = "Kim Yo Jong spoke at length. Then Kim Yo Jong left."
    # A mention on part of a longer name is the annotator's call; an edit elsewhere
    # does not ask again.
    (result,) = map_spans(old, new, [span(old, "Kim", 1)])
    check_kept(new, result, "Kim")


def test_name_around_widens_over_joined_name_words():
    text = "met President Kim Yo Jong and Mohammed bin Salman."
    start = text.index("Yo")
    assert text[slice(*name_around(text, start, start + 2))] == "Kim Yo Jong"
    start = text.index("bin")
    assert text[slice(*name_around(text, start, start + 3))] == "Mohammed bin Salman"


# --- Moved sentences and paragraphs --------------------------------------------------------

PARAGRAPHS = [
    "Kim Jong Un arrived in Beijing on Tuesday.",
    "Former president Kim Dae-jung had made the same journey.",
    "Xi Jinping met Kim at the station. Kim smiled.",
    "Officials said the talks would last two days.",
]


def test_swapped_paragraphs_keep_their_mentions_and_never_trade_them():
    old = "\n".join(PARAGRAPHS)
    new = "\n".join([PARAGRAPHS[0], PARAGRAPHS[3], PARAGRAPHS[2], PARAGRAPHS[1]])
    names = [("Kim Jong Un", 0), ("Kim", 1), ("Kim", 2), ("Kim", 3)]
    spans = [span(old, name, n) for name, n in names]
    results = map_spans(old, new, spans)
    for sp, result in zip(spans, results, strict=True):
        assert result.status == "kept"
        # The same words: as far into the same paragraph.
        assert line_at(new, result.start) == line_at(old, sp.start)


def line_at(text, pos):
    """The line holding ``pos``, and how far into it ``pos`` is."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : len(text) if end == -1 else end], pos - start


def test_a_sentence_moved_up_its_paragraph_keeps_its_mentions():
    old = "Officials met early. Xi Jinping met Kim at the station. Kim smiled.\nThe end."
    new = "Kim smiled. Officials met early. Xi Jinping met Kim at the station.\nThe end."
    spans = [span(old, "Xi Jinping"), span(old, "Kim"), span(old, "Kim", 1)]
    xi, first, second = map_spans(old, new, spans)
    check_kept(new, xi, "Xi Jinping")
    assert (first.status, first.start) == ("kept", new.index("Kim", 40))
    assert (second.status, second.start) == ("kept", 0)


def test_a_sentence_moved_next_to_its_twin_is_flagged_not_guessed():
    old = "The day began. Kim said yes. Then rain.\nLater on. Kim said yes. It ended."
    new = "The day began. Then rain.\nLater on. Kim said yes. Kim said yes. It ended."
    first, second = map_spans(old, new, [span(old, "Kim"), span(old, "Kim", 1)])
    assert (first.status, first.reason, first.start == first.end) == ("needs_review", MOVED, True)
    assert second.status == "needs_review" or new[second.start : second.end] == "Kim"
    assert_safe(new, [first, second])


# --- resolve_quote -----------------------------------------------------------------------


def test_resolve_unique_quote():
    assert resolve_quote("Then Kim spoke.", "Kim") == (5, 8)


def test_a_unique_quote_whose_context_changed_is_not_placed():
    # Quoted as "His sister Kim met"; the editor has since removed that Kim.
    assert resolve_quote("Kim Jong Un spoke.", "Kim", prefix="sister ", suffix=" met") is None
    assert resolve_quote("Kim Jong Un spoke.", "Kim", prefix="", suffix=" Jong Un") == (0, 3)


def test_resolve_ambiguous_without_context():
    assert resolve_quote("Kim met Kim.", "Kim") is None


def test_resolve_disambiguated_by_context():
    text = "Kim met Kim. Later, Kim left."
    assert resolve_quote(text, "Kim", prefix="Later, ") == (20, 23)
    assert resolve_quote(text, "Kim", suffix=" met") == (0, 3)
    assert resolve_quote(text, "Kim", prefix="met ", suffix=". Later") == (8, 11)
    assert resolve_quote(text, "Kim", prefix="nobody ") is None


def test_resolve_near_breaks_ties():
    assert resolve_quote("Kim met Kim.", "Kim", near=9) == (8, 11)


def test_resolve_missing_quote():
    assert resolve_quote("Then Kim spoke.", "Putin") is None
    assert resolve_quote("Then Kim spoke.", "") is None


# --- Properties ---------------------------------------------------------------------------

NAMES = ["Kim", "Robin", "Xi", "Kim Jong", "Putin"]


@st.composite
def edited_texts(draw):
    """A text of words, marked spans, and a random list of edits with what they touched.

    Filler words and all inserted or replacing words are unique, names repeat; a name
    may be re-typed as itself. Every other word is a fixed filler that edits never remove,
    so repeated names stay separated by unique anchors and which spans were untouched is
    known without looking at any diff (a diff of "Kim Kim" -> "Kim" cannot know which
    one went).
    """
    count = draw(st.integers(1, 30))
    words = []
    for index in range(count):
        word = f"w{index}" if index % 2 else draw(st.sampled_from([*NAMES, f"w{index}"]))
        sep = draw(st.sampled_from([" ", " ", ", ", "\n", ". "]))
        words.append([index, word, sep])
    marks = sorted(draw(st.sets(st.integers(0, count), max_size=8)))
    ranges = [(a, b) for a, b in zip(marks[::2], marks[1::2], strict=False) if a < b]
    old_words = [list(w) for w in words]
    fresh = 0
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "retype"]))
        pos = draw(st.integers(0, len(words)))
        fresh += 1
        if kind == "insert":
            words.insert(pos, [None, f"n{fresh}", draw(st.sampled_from([" ", ". "]))])
        elif pos >= len(words) or (words[pos][0] or 0) % 2:
            continue  # a fixed filler (or the end): nothing to delete or replace
        elif kind == "delete" and words[pos][1].startswith("w"):
            del words[pos]
        elif kind == "replace":
            words[pos] = [None, f"r{fresh}", words[pos][2]]
    return old_words, ranges, words


def render(words):
    text, offsets = "", {}
    for ident, word, sep in words:
        offsets[ident] = (len(text), len(text) + len(word))
        text += word + sep
    return text, offsets


def test_a_word_with_new_words_on_both_sides_is_kept_though_longer_words_contain_it():
    """ "w1" between two insertions is untouched: "w11" and "w13", which contain its
    letters and stand beside its old neighbour "Kim", are other words, not lookalikes of
    it (found by the property below)."""
    old = "Kim w1 Kim w3 Kim w11 Kim w13 Kim "
    new = "Kim n1 w1 n3 Kim w3 Kim w11 Kim w13 Kim "
    (result,) = map_spans(old, new, [Span(4, 6, "w1", "Kim ")])
    assert (result.start, result.end, result.status) == (7, 9, "kept")


def test_a_replaced_name_does_not_move_onto_another_copy_of_it():
    # Found by the property test below: a diff free to pair any "Kim" with any other moved
    # the first mention onto the second Kim and flagged the second one.
    old = "Kim w1 Kim w3 Kim "
    new = "r1 w1 n2 Kim n3 w3 Kim "
    spans = [Span(0, 3, "Kim"), Span(7, 10, "Kim", old[:7]), Span(14, 17, "Kim", old[:14])]

    replaced, second, third = map_spans(old, new, spans)

    assert replaced.status == "needs_review"
    assert (second.start, second.status) == (new.index("Kim"), "kept")
    assert (third.start, third.status) == (new.rindex("Kim"), "kept")


@settings(max_examples=1000)
@given(edited_texts())
def test_property_untouched_spans_are_kept(case):
    old_words, ranges, new_words = case
    old, old_at = render(old_words)
    new, _ = render(new_words)
    spans = []
    for a, b in ranges:
        start, end = old_at[a][0], old_at[b - 1][1]
        spans.append(Span(start, end, old[start:end], old[max(0, start - 32) : start]))
    results = map_spans(old, new, spans)
    assert len(results) == len(spans)
    new_ids = [w[0] for w in new_words]
    for (a, b), sp, result in zip(ranges, spans, results, strict=True):
        assert 0 <= result.start <= result.end <= len(new)
        wanted = list(range(a, b))
        first = new_ids.index(a) if a in new_ids else -1
        untouched = first >= 0 and new_ids[first : first + len(wanted)] == wanted
        if untouched:
            assert result.status == "kept", (old, new, sp)
        else:
            assert result.status != "kept", (old, new, sp)
        if result.status in {"kept", "refound"}:
            assert new[result.start : result.end] == sp.exact


@settings(max_examples=300)
@given(
    st.text(alphabet="Kim Rob.\n’", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=5),
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(0, 5), st.text("Kim R ", max_size=6)),
        max_size=5,
    ),
)
def test_property_any_character_edit_is_safe(old, raw_spans, edits):
    new = old
    for pos, length, insert in edits:
        pos = min(pos, len(new))
        new = new[:pos] + insert + new[pos + length :]
    spans = []
    for a, b in raw_spans:
        a, b = sorted((min(a, len(old)), min(b, len(old))))
        spans.append(Span(a, b, old[a:b], old[max(0, a - 8) : a], old[b : b + 8]))
    results = map_spans(old, new, spans)
    assert len(results) == len(spans)
    for sp, result in zip(spans, results, strict=True):
        assert 0 <= result.start <= result.end <= len(new)
        if result.status in {"kept", "refound"}:
            assert new[result.start : result.end] == sp.exact
        if old == new:
            assert result == Mapped(sp.start, sp.end, "kept")


def reference_find(entries, text):
    """Leftmost-longest word-bounded matching by brute force, ignoring shared surfaces."""

    def glued(i):
        return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")

    result, pos = [], 0
    while pos < len(text):
        best = None
        for entry in entries:
            size = len(entry.surface)
            piece = text[pos : pos + size]
            same = piece == entry.surface
            if not entry.case_sensitive:
                same = same or (len(piece) == size and piece.lower() == entry.surface.lower())
            fits = same and not glued(pos - 1) and not glued(pos + size)
            if fits and (best is None or size > best):
                best = size
        if best:
            result.append((pos, pos + best))
            pos += best
        else:
            pos += 1
    return result


@settings(max_examples=500)
@given(
    st.lists(
        st.tuples(st.text(alphabet="ab K_-", min_size=1, max_size=5), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    st.text(alphabet="abAB K_-’", max_size=40),
)
def test_property_gazetteer_matches_brute_force(surfaces, text):
    # One key per entry and distinct lower-cased surfaces, so nothing is ambiguous.
    entries, used = [], set()
    for index, (surface, exact) in enumerate(surfaces):
        if surface.lower() not in used:
            used.add(surface.lower())
            entries.append(Entry(index, surface, exact))
    found = [(m.start, m.end) for m in Gazetteer(entries).find(text)]
    assert found == reference_find(entries, text)


@settings(max_examples=500)
@given(
    st.lists(
        st.tuples(st.text(alphabet="aAb -", min_size=1, max_size=6), st.booleans()),
        min_size=1,
        max_size=10,
    ),
    st.text(alphabet="abAB -.", max_size=60),
)
def test_property_gazetteer_mixing_case_matches_brute_force(surfaces, text):
    # Lower-cased forms shared by case-sensitive and case-insensitive aliases, and names
    # inside names; one key per lower-cased form, so nothing is ambiguous.
    entries = [Entry(surface.lower(), surface, exact) for surface, exact in surfaces]
    found = [(m.start, m.end) for m in Gazetteer(entries).find(text)]
    assert found == reference_find(entries, text)


def test_overlapping_pauses_resume_the_collector_only_when_the_last_ends():
    # Two threads matching at once: the first to finish must not resume the collector
    # under the other, and the last to finish must resume it.
    assert gc.isenabled()
    first, second = collector_paused(), collector_paused()
    try:
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)
        assert not gc.isenabled()
        second.__exit__(None, None, None)
        assert gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("collecting", [True, False])
def test_matching_leaves_the_garbage_collector_as_it_found_it(collecting):
    # find pauses the cyclic collector while it builds matches; a caller's setting stays.
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        matches = Gazetteer([Entry(1, "Kim")]).find("Kim met Kim.")
        assert [m.start for m in matches] == [0, 8]
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
