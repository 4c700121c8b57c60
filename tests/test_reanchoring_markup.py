"""An edit of markup alone (bold, italic, a link, a paragraph made a subheading, a quote or
a list item) moves no mention: mentions index the reading text, which such an edit leaves
as it was. Checked on random edits through Article.save, and on the pages readers see."""

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Mention, MentionStatus
from tests.factories import ArticleFactory, PersonFactory, PlaceFactory, mention_of

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    "North Korean leader Kim Jong Un arrived in Beijing by armored train on Tuesday.",
    "Kim met Xi Jinping and Vladimir Putin at the Great Hall of the People.",
    "Talks at the Great Hall",
    "Putin called the talks “frank and useful,” and Kim’s aides agreed.",
    "Xi Jinping said the three leaders would meet again; Kim did not say when.",
]
NEW_LINK = "https://x.example/"
OLD_LINK = "https://old.example/putin"
BLOCK_TAGS = ["p", "h2", "h3", "blockquote", "ul", "ol"]


# --- A body as blocks of characters with marks, written out as HTML ---------------------


@dataclass
class Block:
    tag: str
    text: str
    # Per character: the marks it has ("strong", "em", "br" for a space written as a line
    # break, or a link's address).
    marks: list[set] = field(default_factory=list)

    def __post_init__(self):
        if not self.marks:
            self.marks = [set() for _ in self.text]

    def mark(self, start, end, mark):
        for index in range(start, end):
            if mark not in ("strong", "em", "br"):
                self.marks[index] -= {m for m in self.marks[index] if m.startswith("http")}
            self.marks[index].add(mark)

    def unmark(self, which):
        for marks in self.marks:
            marks -= {m for m in marks if which(m)}


def initial_blocks():
    blocks = [Block("h2" if i == 2 else "p", text) for i, text in enumerate(PARAGRAPHS)]
    # The editor's own markup to begin with: a link on a mentioned name, and emphasis.
    start = PARAGRAPHS[1].index("Vladimir Putin")
    blocks[1].mark(start, start + len("Vladimir Putin"), OLD_LINK)
    start = PARAGRAPHS[0].index("armored train")
    blocks[0].mark(start, start + len("armored train"), "em")
    return blocks


def write_inline(block, order, per_character):
    """The block's text as HTML: runs of equal marks wrapped in tags in the given order, or
    with every character wrapped on its own (as clumsy editors and converters write)."""
    out = []
    runs = []
    for char, marks in zip(block.text, block.marks, strict=True):
        if runs and not per_character and runs[-1][1] == marks:
            runs[-1][0].append(char)
        else:
            runs.append(([char], set(marks)))
    for chars, marks in runs:
        text = "".join(chars)
        line_break = "br" in marks and text.strip() == ""
        inner = "<br>" if line_break else html.escape(text, quote=False)
        opening, closing = "", ""
        for kind in order:
            if kind == "link":
                tags = [("a", f' href="{mark}"') for mark in marks if mark.startswith("http")]
            else:
                tags = [(kind, "")] if kind in marks else []
            for tag, attributes in tags:
                opening += f"<{tag}{attributes}>"
                closing = f"</{tag}>" + closing
        out.append(opening + inner + closing)
    return "".join(out)


def write(blocks, order=("link", "strong", "em"), per_character=False):
    out = []
    for block in blocks:
        inline = write_inline(block, order, per_character)
        if block.tag == "blockquote":
            out.append(f"<blockquote><p>{inline}</p></blockquote>")
        elif block.tag in ("ul", "ol"):
            out.append(f"<{block.tag}><li>{inline}</li></{block.tag}>")
        else:
            out.append(f"<{block.tag}>{inline}</{block.tag}>")
    return "\n".join(out)


# --- Random markup edits ----------------------------------------------------------------

_span = st.tuples(st.integers(0, len(PARAGRAPHS) - 1), st.integers(0, 80), st.integers(1, 40))
_edits = st.one_of(
    st.tuples(st.just("wrap"), _span, st.sampled_from(["strong", "em", NEW_LINK])),
    st.tuples(st.just("wrap name"), st.sampled_from(["Kim Jong Un", "Xi Jinping", "Putin", "Kim"]),
              st.integers(-3, 3), st.integers(-3, 3), st.sampled_from(["strong", "em", NEW_LINK])),
    st.tuples(st.just("retag"), st.integers(0, len(PARAGRAPHS) - 1), st.sampled_from(BLOCK_TAGS)),
    st.tuples(st.just("unlink"), st.integers(0, len(PARAGRAPHS) - 1)),
    st.tuples(st.just("plain"), st.integers(0, len(PARAGRAPHS) - 1)),
    st.tuples(st.just("break"), st.integers(0, len(PARAGRAPHS) - 1), st.integers(0, 80)),
)  # fmt: skip


def apply(blocks, edit):
    kind = edit[0]
    if kind == "wrap":
        (number, start, length), mark = edit[1], edit[2]
        block = blocks[number]
        start = min(start, len(block.text) - 1)
        block.mark(start, min(start + length, len(block.text)), mark)
    elif kind == "wrap name":
        # Around, inside or across a mentioned name: its edges moved by a few characters.
        _, name, before, after, mark = edit
        for block in blocks:
            for found in re.finditer(re.escape(name), block.text):
                start = max(0, found.start() + before)
                end = min(len(block.text), max(start + 1, found.end() + after))
                block.mark(start, end, mark)
    elif kind == "retag":
        blocks[edit[1]].tag = edit[2]
    elif kind == "unlink":
        blocks[edit[1]].unmark(lambda mark: mark.startswith("http"))
    elif kind == "plain":
        blocks[edit[1]].unmark(lambda mark: True)
    elif kind == "break":
        block = blocks[edit[1]]
        spaces = [i for i, char in enumerate(block.text) if char == " " and i >= edit[2]]
        if spaces:
            block.mark(spaces[0], spaces[0] + 1, "br")


@pytest.fixture
def entities():
    return {
        "kim": PersonFactory(name="Kim Jong Un", aliases=["Kim"]),
        "xi": PersonFactory(name="Xi Jinping"),
        "putin": PersonFactory(name="Vladimir Putin", aliases=["Putin"]),
        "hall": PlaceFactory(name="Great Hall"),
    }


def annotated_article(entities, body):
    article = ArticleFactory(body=body)
    kim, xi, putin, hall = (entities[k] for k in ("kim", "xi", "putin", "hall"))
    mention_of(article, kim, "Kim Jong Un")
    mention_of(article, kim, "Kim", occurrence=1)
    mention_of(article, xi, "Xi Jinping")
    mention_of(article, putin, "Vladimir Putin")
    mention_of(article, hall, "Great Hall", occurrence=1)  # the subheading
    mention_of(article, putin, "Putin", occurrence=1)
    mention_of(article, kim, "Kim", occurrence=2)  # Kim’s
    mention_of(article, xi, "Xi Jinping", occurrence=1)
    mention_of(article, kim, "Kim", occurrence=3, status=MentionStatus.SUGGESTED)
    mention_of(article, hall, "Great Hall", status=MentionStatus.REJECTED)
    return article


def mention_rows(article):
    return list(
        Mention.objects.filter(article=article)
        .order_by("pk")
        .values_list("pk", "start", "end", "exact", "prefix", "suffix", "status")
    )


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(_edits, min_size=1, max_size=5),
    order=st.permutations(["link", "strong", "em"]),
    per_character=st.booleans(),
)
def test_property_markup_edits_move_no_mention(entities, edits, order, per_character):
    blocks = initial_blocks()
    article = annotated_article(entities, write(blocks))
    text = article.text
    assert text == "\n".join(PARAGRAPHS)
    before = mention_rows(article)
    assert len(before) == 10

    for edit in edits:
        apply(blocks, edit)
    article = Article.objects.get(pk=article.pk)
    article.body = write(blocks, order, per_character)
    article.save()

    article.refresh_from_db()
    assert article.text == text
    assert mention_rows(article) == before
    confirmed = article.mentions.filter(status=MentionStatus.CONFIRMED)
    assert confirmed.count() == 8
    for mention in confirmed:
        assert article.text[mention.start : mention.end] == mention.exact


def test_the_edits_do_change_the_markup(entities):
    """The property above tests edits that really change the stored body."""
    blocks = initial_blocks()
    article = annotated_article(entities, write(blocks))
    old_body = article.body
    for edit in [
        ("wrap name", "Xi Jinping", 0, 0, NEW_LINK),
        ("wrap name", "Kim", -2, 4, "strong"),
        ("retag", 0, "blockquote"),
        ("retag", 2, "p"),
        ("retag", 3, "ol"),
        ("retag", 4, "h3"),
        ("unlink", 1),
        ("break", 0, 10),
    ]:
        apply(blocks, edit)
    article.body = write(blocks, ("em", "link", "strong"), per_character=True)
    before = mention_rows(article)
    article.save()
    article.refresh_from_db()
    assert article.body != old_body
    assert article.body.startswith(
        "<blockquote>\n<p>North Korean<br>leade<strong>r Kim Jon</strong>g Un arrived"
    )
    assert "<br>" in article.body
    assert '<a href="https://x.example/" rel="noopener">Xi Jinping</a>' in article.body
    assert OLD_LINK not in article.body
    assert "<ol>\n<li><p>Putin called" in article.body
    assert "<p>Talks at the Great Hall</p>" in article.body
    assert mention_rows(article) == before


# --- A link around a mentioned name, on the pages readers see -----------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []
        self.links = []  # (href, class, text)
        self.nested = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            if self.open:
                self.nested += 1
            attrs = dict(attrs)
            self.open.append([attrs.get("href"), attrs.get("class"), ""])

    def handle_endtag(self, tag):
        if tag == "a" and self.open:
            self.links.append(tuple(self.open.pop()))

    def handle_data(self, data):
        for link in self.open:
            link[2] += data


def article_body_links(response):
    page = response.content.decode()
    start = page.index('<div class="article-body">')
    end = page.index("</div>", start)
    parser = _Links()
    parser.feed(page[start:end])
    return parser


def test_a_link_around_a_mentioned_name_keeps_the_mention(client, entities):
    kim, xi = entities["kim"], entities["xi"]
    article = ArticleFactory(body="<p>Kim met Xi Jinping in Beijing.</p><p>Xi Jinping left.</p>")
    mention_of(article, kim, "Kim")
    mention_of(article, xi, "Xi Jinping")
    mention_of(article, xi, "Xi Jinping", occurrence=1)
    before = mention_rows(article)

    article.body = (
        '<p>Kim met <a href="https://x.example/xi">Xi Jinping</a> in Beijing.</p>'
        "<p>Xi Jinping left.</p>"
    )
    article.save()

    article.refresh_from_db()
    assert article.text == "Kim met Xi Jinping in Beijing.\nXi Jinping left."
    assert mention_rows(article) == before

    links = article_body_links(client.get(article.get_absolute_url()))
    assert links.nested == 0
    xi_url = reverse("articles:person", args=[xi.slug])
    kim_url = reverse("articles:person", args=[kim.slug])
    assert links.links == [
        (kim_url, "mention mention-person", "Kim"),
        ("https://x.example/xi", None, "Xi Jinping"),
        (xi_url, "mention mention-person", "Xi Jinping"),
    ]

    entity_page = client.get(xi.get_absolute_url()).content.decode()
    assert "2 mentions in our articles" in entity_page
    assert "Kim met <mark>Xi Jinping</mark> in Beijing." in entity_page
    assert "<mark>Xi Jinping</mark> left." in entity_page


def test_a_link_across_a_mentioned_name_links_the_rest_of_it(client, entities):
    xi = entities["xi"]
    article = ArticleFactory(body="<p>Kim met Xi Jinping in Beijing.</p>")
    mention_of(article, xi, "Xi Jinping")
    before = mention_rows(article)

    article.body = '<p>Kim met Xi <a href="https://x.example/j">Jinping in</a> Beijing.</p>'
    article.save()

    assert mention_rows(article) == before
    links = article_body_links(client.get(article.get_absolute_url()))
    assert links.nested == 0
    assert links.links == [
        (xi.get_absolute_url(), "mention mention-person", "Xi "),
        ("https://x.example/j", None, "Jinping in"),
    ]
    assert "<mark>Xi Jinping</mark>" in client.get(xi.get_absolute_url()).content.decode()
