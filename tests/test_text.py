"""Tests for articles.text: pure functions, no database or Django needed."""

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.text import (
    Annotation,
    Block,
    Snippet,
    blocks,
    looks_like_headline,
    markdown_to_body,
    parse_story,
    render,
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
    assert blocks(body) == [
        Block("paragraph", 0, 16),
        Block("paragraph", 17, 34),
        Block("paragraph", 35, 41),
    ]


def test_blocks_ignore_blank_and_whitespace_only_lines():
    body = "\n\nOne.\n\n   \n\t\nTwo.\n\n"
    assert texts(body) == ["One.", "Two."]


def test_blocks_exclude_crlf_and_surrounding_whitespace():
    body = "  Kim’s train arrived.  \r\n\r\n## Talks  \r\nXi met Kim.\r\n"
    result = blocks(body)
    assert texts(body) == ["Kim’s train arrived.", "Talks", "Xi met Kim."]
    assert [b.kind for b in result] == ["paragraph", "subhead", "paragraph"]
    assert all("\r" not in body[b.start : b.end] for b in result)


def test_subhead_block_starts_after_marker():
    body = "Intro.\n## Military parade\nMore."
    subhead = blocks(body)[1]
    assert subhead.kind == "subhead"
    assert body[subhead.start : subhead.end] == "Military parade"
    assert body[subhead.start - 3 : subhead.start] == "## "


def test_subhead_marker_without_text_gives_no_block():
    assert blocks("One.\n## \n##   \r\nTwo.") == [
        Block("paragraph", 0, 4),
        Block("paragraph", 16, 20),
    ]


def test_hashes_without_space_are_a_paragraph():
    assert blocks("##hashtag") == [Block("paragraph", 0, 9)]
    assert blocks("### Deeper")[0].kind == "paragraph"


def test_empty_body_has_no_blocks():
    assert blocks("") == []
    assert blocks("\n \r\n") == []


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
    "## Talks\n"
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


def test_sentence_span_of_subhead_is_the_subhead():
    start = BODY.index("Talks")
    assert sentence_span(BODY, start, start + 5) == (start, start + 5)
    assert BODY[slice(*sentence_span(BODY, start, start + 2))] == "Talks"


def test_sentence_span_outside_blocks_is_unchanged():
    assert sentence_span(BODY, 0, 2) == (0, 2)  # inside the "## " marker
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


# --- render ----------------------------------------------------------------------------


def test_render_paragraphs_and_subheads():
    body = "First.\r\n\r\n## Subhead\nSecond."
    assert render(body) == "<p>First.</p>\n<h2>Subhead</h2>\n<p>Second.</p>"


def test_render_escapes_everything_in_the_body():
    body = "<script>alert('x')</script> & \"quotes\"\n## <b>bold</b>"
    assert render(body) == (
        "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;</p>\n"
        "<h2>&lt;b&gt;bold&lt;/b&gt;</h2>"
    )


def test_render_keeps_curly_quotes():
    assert render("Kim’s “train”") == "<p>Kim’s “train”</p>"


def test_render_annotation_link_with_escaped_attributes():
    body = "Kim met <Xi> & Putin."
    start = body.index("<Xi>")
    annotation = Annotation(
        start, start + 4, '/people/xi/?a=1&b="2"', "mention", 'Xi "the" <Leader>'
    )
    assert render(body, [annotation]) == (
        '<p>Kim met <a href="/people/xi/?a=1&amp;b=&quot;2&quot;" class="mention" '
        'title="Xi &quot;the&quot; &lt;Leader&gt;">&lt;Xi&gt;</a> &amp; Putin.</p>'
    )


def test_render_mark_when_no_href_and_empty_attributes_omitted():
    body = "Kim met Xi."
    assert render(body, [Annotation(0, 3)]) == "<p><mark>Kim</mark> met Xi.</p>"
    assert render(body, [Annotation(8, 10, None, "hl", "Xi Jinping")]) == (
        '<p>Kim met <mark class="hl" title="Xi Jinping">Xi</mark>.</p>'
    )
    assert render(body, [Annotation(0, 3, "/k/")]) == '<p><a href="/k/">Kim</a> met Xi.</p>'


def test_render_applies_annotations_in_start_order_whatever_the_input_order():
    body = "Kim met Xi.\nPutin waited."
    anns = [Annotation(12, 17, "/p/"), Annotation(8, 10, "/x/"), Annotation(0, 3, "/k/")]
    assert render(body, anns) == (
        '<p><a href="/k/">Kim</a> met <a href="/x/">Xi</a>.</p>\n'
        '<p><a href="/p/">Putin</a> waited.</p>'
    )


def test_render_skips_annotation_overlapping_an_earlier_one():
    body = "Kim Jong Un arrived."
    anns = [Annotation(4, 11, "/b/"), Annotation(0, 8, "/a/"), Annotation(7, 19, "/c/")]
    assert render(body, anns) == '<p><a href="/a/">Kim Jong</a> Un arrived.</p>'


def test_render_skips_annotation_crossing_a_block_boundary():
    body = "Kim left.\nXi stayed."
    assert render(body, [Annotation(4, 12, "/x/")]) == "<p>Kim left.</p>\n<p>Xi stayed.</p>"


def test_render_skips_annotations_outside_blocks_and_empty_ones():
    body = "## Talks\nKim left.\n\n"
    anns = [
        Annotation(0, 4, "/marker/"),  # covers the "## " marker
        Annotation(1, 2, "/inside-marker/"),
        Annotation(19, 20, "/blank-line/"),
        Annotation(12, 12, "/empty/"),
        Annotation(50, 60, "/beyond/"),
        Annotation(3, 8, "/subhead/"),
    ]
    assert render(body, anns) == ('<h2><a href="/subhead/">Talks</a></h2>\n<p>Kim left.</p>')


def test_render_many_annotations_on_a_long_body():
    paragraph = " ".join(["Kim met Xi in Beijing and talked about trade."] * 50)
    body = "\n\n".join([paragraph] * 22)  # about 10,000 words
    anns = [
        Annotation(m.start(), m.end(), f"/p/{i}/") for i, m in enumerate(re.finditer("Kim", body))
    ]
    anns = anns[:200]
    rendered = render(body, reversed(anns))
    assert rendered.count("<a href=") == 200
    assert rendered.count("<p>") == 22


def test_render_empty_body():
    assert render("") == ""


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
    assert [b.kind for b in blocks(body)].count("subhead") == 2


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


# --- markdown_to_body --------------------------------------------------------------------


def test_markdown_to_body_joins_paragraph_lines_and_converts_headings():
    md = (
        "# Kim in Beijing\n"
        "\n"
        "Kim Jong Un arrived in *Beijing*\n"
        "by armored train.\r\n"
        "Kim’s [train](https://example.com) was late.\n"
        "\n\n"
        "### Talks ###\n"
        "Kim met Xi.\n"
        "\n"
        "Parade\n"
        "------\n"
        "\n"
        "* * *\n"
        "\n"
        "#hashtag is text\n"
    )
    assert markdown_to_body(md) == (
        "## Kim in Beijing\n"
        "Kim Jong Un arrived in *Beijing* by armored train. "
        "Kim’s [train](https://example.com) was late.\n"
        "## Talks\n"
        "Kim met Xi.\n"
        "## Parade\n"
        "#hashtag is text"
    )


def test_markdown_to_body_keeps_html_as_text():
    body = markdown_to_body("<b>Kim</b> & Xi\n")
    assert body == "<b>Kim</b> & Xi"
    assert render(body) == "<p>&lt;b&gt;Kim&lt;/b&gt; &amp; Xi</p>"


def test_markdown_to_body_of_empty_text():
    assert markdown_to_body("") == ""
    assert markdown_to_body("\n\n#\n") == ""


# --- properties ---------------------------------------------------------------------------

# Characters that stress line handling, escaping and sentence splitting.
ALPHABET = st.sampled_from(list("ab K. ?!\n\r\t#<>&\"'“”‘’…") + ["## ", "U.S. ", "Mr. "])
bodies = st.lists(ALPHABET, max_size=60).map("".join)

_INSERTED_TAG = re.compile(
    r'<a href="[^"<>]*"(?: class="[^"<>]*")?(?: title="[^"<>]*")?>'
    r'|<mark(?: class="[^"<>]*")?(?: title="[^"<>]*")?>'
    r"|</a>|</mark>"
)


class _TagBalance(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


@st.composite
def body_and_annotations(draw):
    body = draw(bodies)
    n = len(body) + 2
    attribute = st.text(alphabet=st.sampled_from(list("a<>&\"' /")), max_size=6)
    anns = draw(
        st.lists(
            st.builds(
                Annotation,
                st.integers(-1, n),
                st.integers(-1, n),
                st.none() | attribute,
                attribute,
                attribute,
            ),
            max_size=8,
        )
    )
    return body, anns


@given(body_and_annotations())
def test_render_only_inserts_annotation_tags_around_escaped_text(case):
    body, anns = case
    rendered = render(body, anns)
    expected = "\n".join(
        f"<{tag}>{html.escape(body[b.start : b.end])}</{tag}>"
        for b in blocks(body)
        for tag in ["h2" if b.kind == "subhead" else "p"]
    )
    assert _INSERTED_TAG.sub("", rendered) == expected
    checker = _TagBalance()
    checker.feed(rendered)
    assert checker.ok and not checker.stack


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
