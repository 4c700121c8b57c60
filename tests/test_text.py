"""Tests for articles.text: pure functions over the reading text (one block a reader reads
per line, no markup), no database or Django needed. The body's HTML (sanitising, rendering
mention links) is tested in test_body.py."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.text import (
    XML_ILLEGAL,
    Annotation,
    Block,
    Snippet,
    blocks,
    looks_like_headline,
    parse_story,
    sentence_span,
    sentences,
    snippet,
)


def texts(body):
    return [body[b.start : b.end] for b in blocks(body)]


def split(text):
    return [text[s:e] for s, e in sentences(text)]


# --- blocks ---------------------------------------------------------------------------


def test_blocks_one_paragraph_per_line_without_blank_lines():
    body = "First paragraph.\nSecond paragraph.\nThird."
    assert blocks(body) == [Block(0, 16), Block(17, 34), Block(35, 41)]


def test_block_is_start_and_end_only():
    block = blocks("Kim left.")[0]
    assert block == (0, 9)
    assert (block.start, block.end) == (0, 9)
    assert Block._fields == ("start", "end")


def test_blocks_ignore_blank_and_whitespace_only_lines():
    body = "\n\nOne.\n\n   \n\t\nTwo.\n\n"
    assert texts(body) == ["One.", "Two."]


def test_blocks_exclude_crlf_and_surrounding_whitespace():
    body = "  Kim’s train arrived.  \r\n\r\nTalks  \r\nXi met Kim.\r\n"
    result = blocks(body)
    assert texts(body) == ["Kim’s train arrived.", "Talks", "Xi met Kim."]
    assert all("\r" not in body[b.start : b.end] for b in result)


def test_lines_are_never_subheads():
    # The reading text has no markup: a line starting "## " is text like any other.
    body = "Intro.\n## Military parade\nMore."
    assert texts(body) == ["Intro.", "## Military parade", "More."]
    assert blocks(body)[1] == Block(7, 25)


def test_hashes_are_text():
    assert blocks("One.\n## \n##   \r\nTwo.") == [
        Block(0, 4),
        Block(5, 7),
        Block(9, 11),
        Block(16, 20),
    ]
    assert blocks("##hashtag") == [Block(0, 9)]
    assert texts("### Deeper") == ["### Deeper"]


def test_a_lone_carriage_return_is_inside_a_line():
    assert texts("Kim\rXi\nPutin") == ["Kim\rXi", "Putin"]


def test_empty_body_has_no_blocks():
    assert blocks("") == []
    assert blocks("\n \r\n") == []


def test_blocks_of_unicode_text_count_code_points():
    body = "😀 Kim’s 北京\nXi"
    assert blocks(body) == [Block(0, 10), Block(11, 13)]
    assert texts(body) == ["😀 Kim’s 北京", "Xi"]


# --- Annotation -------------------------------------------------------------------------


def test_annotation_defaults():
    assert Annotation(3, 5) == Annotation(3, 5, None, "", "")


# --- XML_ILLEGAL ------------------------------------------------------------------------


def test_xml_illegal_matches_control_characters_but_not_tab_newline_or_return():
    assert XML_ILLEGAL.findall("a\x00b\x08c\x0bd\x0ce\x1ff") == [
        "\x00",
        "\x08",
        "\x0b",
        "\x0c",
        "\x1f",
    ]
    assert not XML_ILLEGAL.search("tab\tnewline\nreturn\r’…😀")


# --- sentences ------------------------------------------------------------------------


def test_curly_quote_closes_sentence():
    text = "‘He said, “We will go.” Then they left.’"
    assert split(text) == ["‘He said, “We will go.”", "Then they left.’"]


def test_straight_quote_and_bracket_close_sentence():
    assert split('He said "go." Then he left.') == ['He said "go."', "Then he left."]
    assert split("(He left early.) She stayed.") == ["(He left early.)", "She stayed."]


def test_question_and_exclamation_marks_end_sentences():
    text = "Really?! Yes! Is it over? It is… Or is it... No."
    assert split(text) == ["Really?!", "Yes!", "Is it over?", "It is…", "Or is it...", "No."]


def test_question_in_quotes_followed_by_lowercase_continues():
    assert split("“Why?” he asked. “Now!” she shouted.") == [
        "“Why?” he asked.",
        "“Now!” she shouted.",
    ]


def test_us_before_a_noun_does_not_end_sentence():
    assert split("The U.S. Army said it would stay. U.N. officials agreed.") == [
        "The U.S. Army said it would stay.",
        "U.N. officials agreed.",
    ]


def test_us_before_a_sentence_starter_ends_sentence():
    assert split("He moved to the U.S. He stayed.") == ["He moved to the U.S.", "He stayed."]
    assert split("She left the U.K. The move was final.") == [
        "She left the U.K.",
        "The move was final.",
    ]


@pytest.mark.parametrize(
    "title",
    ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Gov.",
     "Sen.", "Rep.", "Rev.", "vs."],
)  # fmt: skip
def test_titles_do_not_end_sentence(title):
    text = f"It was {title} Kim who spoke. He left."
    assert split(text) == [f"It was {title} Kim who spoke.", "He left."]


def test_single_letter_initials_do_not_end_sentence():
    text = "George W. Bush read J. R. R. Tolkien. He liked it."
    assert split(text) == ["George W. Bush read J. R. R. Tolkien.", "He liked it."]


def test_single_letter_before_sentence_starter_ends_sentence():
    assert split("They chose plan B. A new plan followed.") == [
        "They chose plan B.",
        "A new plan followed.",
    ]


def test_decimals_amounts_and_versions_do_not_split():
    text = "Prices rose 3.5 percent to $1.2 billion with v2.0 installed. Then they fell."
    assert split(text) == [
        "Prices rose 3.5 percent to $1.2 billion with v2.0 installed.",
        "Then they fell.",
    ]


def test_eg_ie_and_etc_before_lowercase_word_continue():
    text = "Fruit, e.g. apples, i.e. food, etc. and more. Done."
    assert split(text) == ["Fruit, e.g. apples, i.e. food, etc. and more.", "Done."]


def test_etc_before_capital_ends_sentence():
    assert split("Apples, pears etc. Kim ate them.") == ["Apples, pears etc.", "Kim ate them."]


def test_number_after_no_or_month_continues_sentence():
    text = "He lives at No. 10 Downing St. in London. On Jan. 5 it rained. Sept. 11 came."
    assert split(text) == [
        "He lives at No. 10 Downing St. in London.",
        "On Jan. 5 it rained.",
        "Sept. 11 came.",
    ]


def test_company_abbreviation_ends_sentence_only_before_starter():
    assert split("Shares of Acme Inc. The company fell.") == [
        "Shares of Acme Inc.",
        "The company fell.",
    ]
    assert split("Acme Inc. Chief Executive Jo Kim spoke.") == [
        "Acme Inc. Chief Executive Jo Kim spoke."
    ]


def test_sentence_break_needs_whitespace_after_punctuation():
    assert split("See example.com.It is Kim.Jong.") == ["See example.com.It is Kim.Jong."]


def test_next_sentence_may_start_with_digit_or_opening_quote():
    assert split("He left. 2024 was hard. “We go,” she said. ‘Fine.’") == [
        "He left.",
        "2024 was hard.",
        "“We go,” she said.",
        "‘Fine.’",
    ]


def test_newline_always_ends_sentence():
    assert split("Line one\nLine two.\r\n\r\nand three") == ["Line one", "Line two.", "and three"]


def test_sentences_in_a_range_use_absolute_offsets():
    text = "Intro.\nKim left. Xi stayed.  \nOutro."
    start = text.index("Kim")
    end = text.index("  \n")
    spans = sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Kim left.", "Xi stayed."]
    assert spans[0][0] == start


def test_text_without_final_punctuation_is_one_sentence():
    assert split("  no punctuation here  ") == ["no punctuation here"]
    assert sentences("") == []


# --- sentence_span and snippet ------------------------------------------------------------

BODY = (
    "Talks\n"
    "Kim Jong Un arrived in Beijing by armored train. Kim met Xi Jinping. Putin waited.\n"
    "\n"
    "The U.S. Army watched. Officials said nothing.\n"
)


def test_sentence_span_returns_the_containing_sentence():
    start = BODY.index("Xi Jinping")
    s, e = sentence_span(BODY, start, start + len("Xi Jinping"))
    assert BODY[s:e] == "Kim met Xi Jinping."


def test_sentence_span_crossing_two_sentences_covers_both():
    start = BODY.index("train.")
    end = BODY.index("met Xi") + 3
    s, e = sentence_span(BODY, start, end)
    assert BODY[s:e] == "Kim Jong Un arrived in Beijing by armored train. Kim met Xi Jinping."


def test_sentence_span_stays_within_the_block_of_start():
    start = BODY.index("Putin")
    s, e = sentence_span(BODY, start, start + 5)
    assert BODY[s:e] == "Putin waited."
    start = BODY.index("U.S. Army")
    s, e = sentence_span(BODY, start, start + 4)
    assert BODY[s:e] == "The U.S. Army watched."


def test_sentence_span_of_a_subheading_line_is_the_line():
    start = BODY.index("Talks")
    assert sentence_span(BODY, start, start + 5) == (start, start + 5)
    assert BODY[slice(*sentence_span(BODY, start, start + 2))] == "Talks"


def test_sentence_span_outside_blocks_is_unchanged():
    indented = "  Kim left.\n"
    assert sentence_span(indented, 0, 1) == (0, 1)  # in the space before the line's text
    blank = BODY.index("\n\n") + 1
    assert sentence_span(BODY, blank, blank) == (blank, blank)
    assert sentence_span(BODY, len(BODY) + 5, len(BODY) + 6) == (len(BODY) + 5, len(BODY) + 6)


def test_snippet_of_short_sentence_is_untrimmed():
    start = BODY.index("Xi Jinping")
    assert snippet(BODY, start, start + 10) == Snippet("Kim met ", "Xi Jinping", ".")


def test_snippet_trims_long_sentence_at_word_boundaries():
    words = " ".join(f"word{i}" for i in range(100))
    body = f"{words} Kim Jong Un {words}."
    start = body.index("Kim")
    result = snippet(body, start, start + len("Kim Jong Un"), max_chars=80)
    assert result.exact == "Kim Jong Un"
    assert result.before.startswith("…word")
    assert result.before.endswith("word99 ")
    assert result.after.startswith(" word0 ")
    assert result.after.endswith("…")
    assert len(result.before + result.exact + result.after) <= 80
    # Cuts fall between words: every kept word is a whole word of the sentence.
    for part in (result.before, result.after):
        for word in part.strip("…").split():
            assert re.fullmatch(r"word\d+", word)
    # Roughly even: neither side gets much more than the other.
    assert abs(len(result.before) - len(result.after)) <= 10


def test_snippet_gives_unused_room_to_the_other_side():
    body = "Kim " + " ".join(f"word{i}" for i in range(100)) + "."
    result = snippet(body, 0, 3, max_chars=60)
    assert result.before == ""
    assert result.after.endswith("…")
    assert 50 <= len(result.exact + result.after) <= 60


def test_snippet_never_trims_exact():
    exact = "x" * 50
    body = f"Before words here {exact} after words here."
    start = body.index(exact)
    result = snippet(body, start, start + 50, max_chars=20)
    assert result.exact == exact
    assert result.before == "…"
    assert result.after == "…"


def test_snippet_across_two_sentences():
    start = BODY.index("train.")
    end = BODY.index("Kim met") + 3
    assert snippet(BODY, start, end) == Snippet(
        "Kim Jong Un arrived in Beijing by armored ", "train. Kim", " met Xi Jinping."
    )


# --- looks_like_headline ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Kim Jong Un arrives in Beijing for talks with Xi",
        "Will Kim meet Putin?",
        "Kim arrives!",
        "Putin: “We are ready!”",
        "Kim’s armored train",
    ],
)
def test_looks_like_headline(line):
    assert looks_like_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "Kim Jong Un arrived in Beijing.",
        "Kim said “we will go.”",
        "Kim arrived,",
        "Kim arrived;",
        "Kim arrived:",
        "## Already a subhead",
        "x" * 121,
        " ".join(["word"] * 21),
    ],
)
def test_does_not_look_like_headline(line):
    assert not looks_like_headline(line)


# --- parse_story ------------------------------------------------------------------------

WIRE_STORY = (
    "\ufeffKim Jong Un arrives in Beijing for talks with Xi and Putin  \r\n"
    "\r\n"
    "BEIJING (AP) — North Korean leader Kim Jong Un arrived in Beijing by armored train "
    "on Tuesday, state media said.\r\n"
    "Kim’s train pulled into the capital shortly after 4 p.m. and was met by officials.\r\n"
    "\r\n"
    "Talks at the Great Hall\r\n"
    "\r\n"
    "Kim met Xi Jinping and Vladimir Putin at the Great Hall of the People. "
    "Putin called the talks “frank and useful.”   \r\n"
    "“We will go further together,” Kim told Xi.\r\n"
    "## Military parade\r\n"
    "The three leaders watched a parade marking 80 years since the end of World War II.\r\n"
    "\r\n"
    "Reuters contributed\r\n"
)


def test_parse_story_takes_headline_and_keeps_paragraphs():
    headline, body = parse_story(WIRE_STORY)
    assert headline == "Kim Jong Un arrives in Beijing for talks with Xi and Putin"
    assert body.split("\n") == [
        "BEIJING (AP) — North Korean leader Kim Jong Un arrived in Beijing by armored train "
        "on Tuesday, state media said.",
        "Kim’s train pulled into the capital shortly after 4 p.m. and was met by officials.",
        "## Talks at the Great Hall",
        "Kim met Xi Jinping and Vladimir Putin at the Great Hall of the People. "
        "Putin called the talks “frank and useful.”",
        "“We will go further together,” Kim told Xi.",
        "## Military parade",
        "The three leaders watched a parade marking 80 years since the end of World War II.",
        "Reuters contributed",
    ]
    assert "\r" not in body and "\ufeff" not in body
    assert [line for line in body.split("\n") if line.startswith("## ")] == [
        "## Talks at the Great Hall",
        "## Military parade",
    ]


def test_parse_story_without_headline_when_first_line_ends_with_period():
    raw = "Kim Jong Un arrived in Beijing.\nKim met Xi.\n"
    assert parse_story(raw) == (None, "Kim Jong Un arrived in Beijing.\nKim met Xi.")


def test_parse_story_single_line_is_body_not_headline():
    assert parse_story("\n\nKim arrives in Beijing\n\n") == (None, "Kim arrives in Beijing")
    assert parse_story("") == (None, "")


def test_parse_story_handles_old_mac_line_endings():
    assert parse_story("Kim in Beijing\rHe arrived.\rHe left.") == (
        "Kim in Beijing",
        "He arrived.\nHe left.",
    )


def test_parse_story_short_line_needs_paragraphs_on_both_sides_to_be_subhead():
    raw = "Headline here\nFirst paragraph.\nShort line\nAnother short line\nLast paragraph.\n"
    _, body = parse_story(raw)
    assert body == "First paragraph.\nShort line\nAnother short line\nLast paragraph."


def test_parse_story_short_line_ending_with_punctuation_or_quote_stays_paragraph():
    raw = "Headline\nKim spoke.\nWhy now?\nXi spoke.\n“Go”\nPutin spoke."
    _, body = parse_story(raw)
    assert body == "Kim spoke.\nWhy now?\nXi spoke.\n“Go”\nPutin spoke."


# --- properties ---------------------------------------------------------------------------

# Characters that stress line handling, escaping and sentence splitting.
ALPHABET = st.sampled_from(list("ab K. ?!\n\r\t#<>&\"'“”‘’…") + ["## ", "U.S. ", "Mr. "])
bodies = st.lists(ALPHABET, max_size=60).map("".join)


@given(bodies)
def test_blocks_are_ordered_trimmed_single_lines(body):
    previous_end = 0
    for block in blocks(body):
        text = body[block.start : block.end]
        # A lone "\r" inside a line is text; only "\n" separates lines.
        assert text and "\n" not in text
        assert text == text.strip()
        assert previous_end <= block.start < block.end
        previous_end = block.end


@given(bodies)
def test_sentences_cover_every_visible_character_once(text):
    covered = []
    previous_end = 0
    for start, end in sentences(text):
        assert previous_end <= start < end
        assert text[start:end] == text[start:end].strip()
        covered.extend(range(start, end))
        previous_end = end
    visible = [i for i, ch in enumerate(text) if not ch.isspace()]
    assert set(visible) <= set(covered)
    assert all("\n" not in text[s:e] for s, e in sentences(text))


@given(bodies, st.integers(0, 70), st.integers(0, 10))
def test_sentence_span_contains_the_span_and_snippet_reads_as_it(body, start, length):
    end = start + length
    span_start, span_end = sentence_span(body, start, end)
    assert span_start <= start and end <= span_end
    result = snippet(body, start, end)
    assert result.exact == body[start:end]
    assert result.before + result.exact + result.after == body[span_start:span_end]


@given(bodies)
def test_blocks_are_exactly_the_lines_with_text(body):
    assert texts(body) == [line.strip() for line in body.split("\n") if line.strip()]
