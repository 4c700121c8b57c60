"""Hostile input: each case is refused with a clear message naming what is wrong, nothing
is written, and there is no traceback, no runaway memory or time and no giant message.

PostgreSQL refuses NUL characters and lone surrogates outright, so these tests matter most
there; they run on both databases.
"""

import json
import tracemalloc
from io import StringIO
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db.models.signals import post_init
from django.urls import reverse

from articles import body as article_body
from articles import importing
from articles.admin import body_with_mentions_html
from articles.models import Article, Entity, EntityKind, Mention, MentionStatus, Section
from tests.admin_forms import article_change_data, article_form_data
from tests.factories import ArticleFactory, PersonFactory, SectionFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def import_entities(path):
    """Run import_entities; the CommandError it raises (a test fails if there is none)."""
    with pytest.raises(CommandError) as raised:
        call_command("import_entities", str(path), stdout=StringIO(), stderr=StringIO())
    return str(raised.value)


def import_articles(*paths, section="world"):
    """Run import_articles; returns (stderr, the CommandError or None)."""
    err = StringIO()
    try:
        call_command(
            "import_articles",
            *map(str, paths),
            f"--section={section}",
            stdout=StringIO(),
            stderr=err,
        )
    except CommandError as error:
        return err.getvalue(), error
    return err.getvalue(), None


def peak_memory(action):
    """The most memory that Python allocated while running action()."""
    tracemalloc.start()
    try:
        action()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def printable(message: str) -> bool:
    """Whether a message can be written to a UTF-8 terminal or log (no lone surrogate)."""
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- Entities in the admin ----------------------------------------------------------------


def entity_form_data(**fields):
    return {
        "name": "Kim Jong Un",
        "slug": "kim-jong-un",
        "kind": EntityKind.PERSON,
        "aliases": "",
        "description": "",
        "wikidata": "",
        **fields,
    }


@pytest.mark.parametrize(
    "aliases, shown",
    [
        ("Kim\x00", "Kim"),
        ("Kim\nLil\x00Rocket", "LilRocket"),
        ("Kim\x01Jong-un", "KimJong-un"),
    ],
)
def test_the_entity_form_refuses_a_control_character_in_an_alias(superuser_client, aliases, shown):
    """Before: the NUL reached the database (a 500 on PostgreSQL, which cannot store it)."""
    response = superuser_client.post(
        reverse("admin:articles_entity_add"), entity_form_data(aliases=aliases)
    )

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["aliases"])
    assert f'"{shown}"' in errors
    assert "control character" in errors
    assert not Entity.objects.exists()


@pytest.mark.parametrize("field", ["name", "description"])
def test_the_entity_form_refuses_a_nul_in_a_name_or_description(superuser_client, field):
    response = superuser_client.post(
        reverse("admin:articles_entity_add"), entity_form_data(**{field: "Kim\x00 Jong Un"})
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field]
    assert not Entity.objects.exists()


def test_an_entity_with_a_control_character_in_an_alias_does_not_validate():
    entity = Entity(name="Kim Jong Un", kind=EntityKind.PERSON, aliases=["Kim", "Kim\x00"])
    with pytest.raises(ValidationError) as raised:
        entity.full_clean()
    assert "control character" in " ".join(raised.value.message_dict["aliases"])


# --- import_entities ----------------------------------------------------------------------


def write_entities(tmp_path, data):
    """An entities file; json.dumps writes NUL as \\u0000 and a lone surrogate as \\ud800."""
    path = tmp_path / "entities.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "item, problem",
    [
        (
            {"name": "Kim Jong Un", "kind": "person", "aliases": ["Kim\x00"]},
            'item 1 ("Kim Jong Un"): alias "Kim" holds an invisible control character',
        ),
        (
            {"name": "Kim Jong Un", "kind": "person", "aliases": ["Kim", "Lil\x00Rocket"]},
            'item 1 ("Kim Jong Un"): alias "LilRocket" holds an invisible control character',
        ),
        (
            {"name": "Kim\x00", "kind": "person"},
            "item 1: name holds an invisible control character",
        ),
        (
            {"name": "Kim Jong Un", "kind": "person", "description": "Leader\x00"},
            'item 1 ("Kim Jong Un"): description holds an invisible control character',
        ),
    ],
)
def test_import_entities_refuses_a_nul(tmp_path, item, problem):
    """Before: a NUL in an alias reached the database (a traceback on PostgreSQL)."""
    message = import_entities(write_entities(tmp_path, [item]))

    assert "nothing was imported" in message
    assert problem in message
    assert not Entity.objects.exists()


@pytest.mark.parametrize(
    "item, problem",
    [
        ({"name": "Kim\ud800", "kind": "person"}, "item 1: name holds \\ud800 (half of a"),
        (
            {"name": "Kim Jong Un", "kind": "person", "aliases": ["Kim\udfff"]},
            'item 1 ("Kim Jong Un"): alias "Kim" holds \\udfff (half of a',
        ),
        (
            {"name": "Kim Jong Un", "kind": "person", "description": "\udc00 Leader"},
            'item 1 ("Kim Jong Un"): description holds \\udc00 (half of a',
        ),
        (
            {"name": "Kim Jong Un", "kind": "person\ud800"},
            'item 1 ("Kim Jong Un"): kind "person\\ud800" is not one of',
        ),
        (
            {"name": "Kim Jong Un", "kind": "person", "wikidata": "Q1\ud800"},
            'item 1 ("Kim Jong Un"): wikidata "Q1\\ud800" is not a Wikidata id',
        ),
        (
            {"name": "Kim Jong Un", "kind": "person", "\ud800": 1},
            'item 1 ("Kim Jong Un"): unknown field "\\ud800"',
        ),
    ],
)
def test_import_entities_refuses_a_lone_surrogate(tmp_path, item, problem):
    """JSON may spell half a UTF-16 pair ("\\ud800"), which is no character: no database
    can store it. Before: a UnicodeEncodeError traceback, on SQLite and PostgreSQL alike."""
    message = import_entities(write_entities(tmp_path, [item]))

    assert problem in message
    assert printable(message)
    assert not Entity.objects.exists()


def test_import_entities_refuses_a_number_thousands_of_digits_long(tmp_path):
    """Python refuses to read an integer of over 4,300 digits. Before: a ValueError
    traceback."""
    path = tmp_path / "entities.json"
    path.write_text(
        '[\n  {"name": "Kim Jong Un", "kind": "person"},\n'
        '  {"name": ' + "7" * 5000 + ', "kind": "person"}\n]',
        encoding="utf-8",
    )

    message = import_entities(path)

    assert "line 3" in message
    assert "a number 5,000 digits long" in message
    assert len(message) < 500
    assert not Entity.objects.exists()


def test_import_entities_refuses_a_file_over_the_size_limit_without_reading_it(tmp_path):
    """Before: a 50 MB file was read whole, and parsed (1.4 GB of memory for real content)."""
    path = tmp_path / "entities.json"
    with path.open("wb") as file:
        file.truncate(50 * MB)  # Sparse: no disk used, but 50 MB to whoever reads it.
    message = None

    def run():
        nonlocal message
        message = import_entities(path)

    assert peak_memory(run) < 2 * MB
    assert "is 50 MB" in message
    assert "at most 10 MB" in message
    assert not Entity.objects.exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_import_entities_reads_no_more_than_the_limit_of_an_endless_file():
    """Before: it read /dev/zero until memory ran out."""
    message = import_entities("/dev/zero")

    assert "is over 10 MB" in message


# --- import_articles: front matter --------------------------------------------------------


def markdown(tmp_path, front_matter, body="The council voted on Monday.", name="story.md"):
    path = tmp_path / name
    path.write_text(f"---\n{front_matter}\n---\n\n{body}\n", encoding="utf-8")
    return path


# Each level repeats the one before it nine times: 9**8 (43 million) strings in the end.
ALIAS_BOMB = (
    'title: "Council approves budget"\nstatus: [&a ["lol", "lol", "lol", "lol", "lol", '
    + '"lol", "lol", "lol", "lol"], '
    + ", ".join(
        f"&{name} [{', '.join([f'*{previous}'] * 9)}]"
        for previous, name in zip("abcdefg", "bcdefgh", strict=True)
    )
    + "]"
)


def test_front_matter_may_not_use_yaml_aliases(tmp_path):
    """Before: the error message spelled out the expanded bomb (over 300 MB)."""
    err, error = import_articles(markdown(tmp_path, ALIAS_BOMB))

    assert error is not None
    assert "front matter line 3: YAML anchors and aliases (&a, *a) are not allowed" in err
    assert len(err) < 1000
    assert not Article.objects.exists()


def test_front_matter_may_not_use_an_alias_even_a_small_one(tmp_path):
    front_matter = 'title: &t "Council approves budget"\ndek: *t'
    err, error = import_articles(markdown(tmp_path, front_matter))

    assert error is not None
    assert "front matter line 2: YAML anchors and aliases (&t, *t) are not allowed" in err
    assert not Article.objects.exists()


def test_front_matter_over_its_size_limit_is_refused(tmp_path):
    front_matter = 'title: "Council approves budget"\n' + "#" * (100 * 1024)
    err, error = import_articles(markdown(tmp_path, front_matter))

    assert error is not None
    assert "front matter is 100 KB" in err
    assert "at most 64 KB" in err
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "front_matter, problem",
    [
        # Before: RecursionError.
        (
            "title: " + "[" * 5000 + "]" * 5000,
            "front matter line 2: nested more than 10 levels deep",
        ),
        # Before: ValueError (Python reads no integer of over 4,300 digits).
        ("title: " + "7" * 5000, "front matter line 2: a number 5,000 digits long"),
        ("title: 0x" + "f" * 5000, "front matter line 2: a number 5,000 digits long"),
        # Before: ValueError (year 0 is out of range).
        ('title: "Budget"\npublish_at: 0000-01-01', "front matter line 3: 0000-01-01 is no date"),
        # Refused where they are used, as ever.
        ('title: "Budget\\0"', "headline: Remove the invisible control character"),
        ('title: "Budget"\ndek: "Why\\0"', "dek: Remove the invisible control character"),
        ('title: "Budget"\ntags: ["a\\x01b"]', 'Tag "ab" holds an invisible control character'),
        ('title: "Budget"\nauthors: ["Ana\\0"]', 'authors "Ana" holds an invisible control'),
        # Before: a UnicodeEncodeError traceback.
        ('title: "Budget \\ud800"', "front matter line 2: a value holds \\ud800 (half of a"),
        ('title: "Budget"\n"\\udc00": 1', "front matter line 3: a value holds \\udc00 (half of a"),
    ],
)
def test_hostile_front_matter_values_are_refused(tmp_path, front_matter, problem):
    err, error = import_articles(markdown(tmp_path, front_matter))

    assert error is not None
    assert problem in err
    assert "(nothing imported)" in err
    assert len(err) < 1000
    assert printable(err)
    assert not Article.objects.exists()
    assert not Section.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("nul.txt", "Council approves budget\n\nThe council\x00 voted on Monday.\n"),
        ("nul-headline.txt", "Council\x00 approves budget\n\nThe council voted on Monday.\n"),
        ("entity.md", "---\ntitle: Budget\n---\n\nThe council &#0; &#xD800; voted.\n"),
        ("entity.html", "<h1>Budget</h1><p>The council &#0; &#xD800; voted.</p>"),
    ],
)
def test_a_nul_or_surrogate_in_a_story_is_stored_as_nothing_or_refused(tmp_path, name, content):
    """NUL and surrogates spelled as character references become U+FFFD, as browsers do; a
    raw NUL in the text is dropped or the file is refused, never sent to the database."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    err, error = import_articles(path)

    for article in Article.objects.all():
        assert "\x00" not in article.body + article.text + article.headline
        assert printable(article.body + article.text)
    assert "Traceback" not in err
    assert "DataError" not in err and "NUL" not in err


def test_an_html_story_of_headings_never_closed_is_read_in_one_pass(tmp_path):
    """Before: the headline's pattern was tried again from every "<h1": 50,000 of them (a
    200 KB file) took over a minute, and the 10 MB a file may hold, days."""
    path = tmp_path / "story.html"
    path.write_text("<title>Budget</title>" + "<h1>" * 50_000 + "<p>Voted.</p>", encoding="utf-8")

    err, error = import_articles(path)

    assert error is not None
    assert "The HTML is malformed" in err
    assert not Article.objects.exists()


def test_an_html_headline_is_still_its_first_closed_h1(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(
        "<title>Title</title><h1 class=x>Council <em>approves</em> budget</H1 >"
        "<p>The council voted.</p><h1>Second</h1>",
        encoding="utf-8",
    )

    err, error = import_articles(path)

    assert error is None, err
    article = Article.objects.get()
    assert article.headline == "Council approves budget"
    assert "Title" not in article.text
    assert "Second" in article.text


def test_import_articles_refuses_a_file_over_the_size_limit(tmp_path):
    """Before: a 50 MB story was read, parsed and rendered whole (1.4 GB of memory)."""
    path = tmp_path / "huge.md"
    with path.open("w", encoding="utf-8") as file:
        file.write("---\ntitle: Huge\n---\n\n")
        paragraph = "Kim Jong Un arrived in Beijing by armored train. " * 20 + "\n\n"
        while file.tell() < 50 * MB:
            file.write(paragraph)
        file.truncate(50 * MB)
    result = {}

    def run():
        result["err"], result["error"] = import_articles(path)

    assert peak_memory(run) < 5 * MB
    assert result["error"] is not None
    assert "is 50 MB; a file may be at most 10 MB" in result["err"]
    assert not Article.objects.exists()


def test_a_story_just_under_the_size_limit_is_read():
    """The limit is on the file, said in the message; a file under it goes on to the body's
    own checks (at most MAX_BODY_CHARS characters)."""
    assert importing.MAX_FILE_BYTES == 10 * MB
    assert importing.MAX_FILE_BYTES > 4 * article_body.MAX_BODY_CHARS


# --- The annotation endpoints -------------------------------------------------------------


def create_url(article):
    return reverse("admin:articles_article_annotate_mentions", args=[article.pk])


def post_json(client, url, raw: str | bytes):
    return client.post(url, raw, content_type="application/json")


@pytest.fixture
def story():
    return ArticleFactory(body="Kim Jong Un arrived in Beijing.", headline="Kim arrives")


@pytest.mark.parametrize("depth", [50, 100_000])
def test_a_deeply_nested_request_is_refused(annotator, story, depth):
    """Before: RecursionError, a 500, for 100,000 levels."""
    raw = '{"exact": "Kim Jong Un", "entity": ' + "[" * depth + "]" * depth + "}"

    response = post_json(annotator, create_url(story), raw)

    assert response.status_code == 400
    assert response.json() == {"error": "The request is nested more than 10 levels deep."}
    assert not Mention.objects.exists()


@pytest.mark.parametrize(
    "raw, field",
    [
        (
            '{"exact": "Kim Jong Un", "new_entity": {"name": "Kim \\ud800", "kind": "person"}}',
            "“new_entity.name”",
        ),
        ('{"exact": "Kim Jong Un \\udfff", "entity": 1}', "“exact”"),
        ('{"exact": "Kim Jong Un", "\\ud800": 1}', "A field name"),
    ],
)
def test_a_lone_surrogate_in_a_request_is_refused(annotator, story, raw, field):
    """Before: a new entity named with half a surrogate pair reached the database: a 500."""
    response = post_json(annotator, create_url(story), raw)

    assert response.status_code == 400
    message = response.json()["error"]
    assert message.startswith(field)
    assert "half of a UTF-16 surrogate pair" in message
    assert not Mention.objects.exists()
    assert not Entity.objects.exists()


def test_a_request_over_the_size_limit_is_refused_with_a_message(annotator, story):
    """Before: Django's bare "400 Bad Request" page, which the screen cannot show."""
    raw = json.dumps({"exact": "Kim Jong Un", "prefix": "x" * (11 * MB)})

    response = post_json(annotator, create_url(story), raw)

    assert response.status_code == 413
    assert response.json() == {
        "error": "The request is too large (11 MB); at most 10 MB can be sent at once."
    }
    assert not Mention.objects.exists()


# --- The article form ---------------------------------------------------------------------


class CountingMention:
    """A mention that counts how often its place is read, to show how much work is done."""

    reads = 0
    review_reason = ""
    review_said = Mention.review_said

    def __init__(self, start, end, exact, entity, status=MentionStatus.CONFIRMED):
        self._start, self._end = start, end
        self.exact, self.entity, self.status = exact, entity, status

    @property
    def start(self):
        CountingMention.reads += 1
        return self._start

    @property
    def end(self):
        CountingMention.reads += 1
        return self._end


def test_the_mentions_in_the_article_form_are_placed_in_one_pass():
    """Before: each mention was checked against every one placed before it (for 20,000
    mentions of a 4 MB article, 200 million comparisons: the form took over a minute)."""
    kim = PersonFactory.build(name="Kim Jong Un")
    sentence = "Kim Jong Un arrived in Beijing. "
    article = Article(body=article_body.sanitise(f"<p>{sentence * 50}</p>" * 40))
    article.text = article_body.reading_text(article.body)
    starts = [i for i in range(len(article.text)) if article.text.startswith("Kim Jong Un", i)]
    statuses = [MentionStatus.CONFIRMED, MentionStatus.SUGGESTED, MentionStatus.NEEDS_REVIEW]
    mentions = [
        CountingMention(start, start + 11, "Kim Jong Un", kim, statuses[n % 3])
        for n, start in enumerate(starts)
    ]
    # Some overlap others, so the check has work to do: "Jong" inside a confirmed name.
    mentions += [
        CountingMention(start + 4, start + 8, "Jong", kim, MentionStatus.SUGGESTED)
        for start in starts[::2]
    ]
    CountingMention.reads = 0

    html = body_with_mentions_html(article, mentions)

    assert len(mentions) == 3000
    assert CountingMention.reads < 20 * len(mentions)
    assert html.count('<mark class="mention-') == len(starts) + 3
    assert html.count("overlaps another mention") == len(starts[::2])


def four_mb_article(mention_count):
    """An article of 4 MB made through the ORM (the form allows 1,000,000 characters) with
    `mention_count` confirmed mentions of one person."""
    kim = PersonFactory(name="Kim Jong Un")
    sentence = "Kim Jong Un arrived in Beijing. "
    filler = "The train crossed the border at dawn. " * 2000
    per_paragraph = -(-mention_count // 50)
    paragraph = sentence * per_paragraph + filler
    body = "\n".join(f"<p>{paragraph}</p>" for _ in range(4 * MB // len(paragraph) + 1))
    article = ArticleFactory(body=body)
    starts = []
    at = article.text.find("Kim Jong Un")
    while at >= 0 and len(starts) < mention_count:
        starts.append(at)
        at = article.text.find("Kim Jong Un", at + 1)
    Mention.objects.bulk_create(
        Mention(article=article, entity=kim, start=start, end=start + 11, exact="Kim Jong Un")
        for start in starts
    )
    return article


def test_the_form_of_a_4_mb_article_opens_and_refuses_its_size_in_the_form(superuser_client):
    """Before: opening the form of such an article with many mentions took minutes (a 500
    from the server's time limit); posting it was Django's bare "400 Bad Request"."""
    article = four_mb_article(2000)
    assert len(article.body) > 4_000_000
    url = reverse("admin:articles_article_change", args=[article.pk])

    page = superuser_client.get(url)

    assert page.status_code == 200
    assert page.content.decode().count('title="Kim Jong Un (confirmed)"') == 2000

    response = superuser_client.post(url, article_change_data(article, headline="Changed"))

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["body"])
    assert "The text is too long" in errors
    assert f"at most {article_body.MAX_BODY_CHARS:,}" in errors
    article.refresh_from_db()
    assert article.headline != "Changed"


def post_form(client, url, data):
    """Post `data` as a browser posts the article form (it has no file field)."""
    return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")


def test_a_body_at_the_limit_in_any_script_fits_in_a_request():
    """The form posts the body percent-encoded: 9 bytes for a character of most scripts."""
    posted = urlencode({"body": "<p>" + "中" * (article_body.MAX_BODY_CHARS - 7) + "</p>"})
    assert len(posted) < settings.DATA_UPLOAD_MAX_MEMORY_SIZE - 100_000


def test_a_body_at_the_size_limit_saves(superuser_client):
    section = SectionFactory()
    body = "<p>" + "Kim Jong Un arrived in Beijing. " * 31_000 + "</p>"
    assert len(body) < article_body.MAX_BODY_CHARS

    response = superuser_client.post(
        reverse("admin:articles_article_add"), article_form_data(section, body=body)
    )

    assert response.status_code == 302
    assert len(Article.objects.get().body) > 990_000


def test_a_form_over_the_request_limit_gets_a_page_saying_so(superuser_client):
    """Before: Django's bare "400 Bad Request" (RequestDataTooBig)."""
    article = ArticleFactory(headline="Kim arrives")
    body = "<p>" + "中" * (article_body.MAX_BODY_CHARS + 200_000) + "</p>"

    response = post_form(
        superuser_client,
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, body=body, headline="Changed"),
    )

    assert response.status_code == 413
    page = response.content.decode()
    assert "The text is too large" in page
    assert "at most 10 MB" in page
    assert f"{article_body.MAX_BODY_CHARS:,} characters" in page
    assert "Nothing was saved" in page
    assert 'id="site-name"' in page  # The admin's own page, not the public site's.
    article.refresh_from_db()
    assert article.headline == "Kim arrives"


def test_too_many_fields_get_a_page_saying_so(superuser_client):
    article = ArticleFactory(headline="Kim arrives")
    data = article_change_data(article, headline="Changed")
    data.update({f"extra-{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)})

    response = post_form(
        superuser_client, reverse("admin:articles_article_change", args=[article.pk]), data
    )

    assert response.status_code == 400
    assert "too many fields" in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "Kim arrives"


def test_accepting_many_mentions_reads_their_article_once(superuser_client):
    """Before: each selected mention brought its own copy of the article's body and text (500
    mentions of a 660 KB article: 1.3 GB of memory; of a 4 MB one, 8 GB)."""
    kim = PersonFactory(name="Kim Jong Un")
    article = ArticleFactory(body="<p>" + "Kim Jong Un arrived in Beijing. " * 300 + "</p>")
    Mention.objects.bulk_create(
        Mention(
            article=article,
            entity=kim,
            start=32 * n,
            end=32 * n + 11,
            exact="Kim Jong Un",
            status=MentionStatus.SUGGESTED,
        )
        for n in range(300)
    )
    copies = []

    def count(sender, instance, **kwargs):
        copies.append(instance)

    post_init.connect(count, sender=Article)
    try:
        response = superuser_client.post(
            reverse("admin:articles_mention_changelist"),
            {
                "action": "accept_mentions",
                "_selected_action": [
                    str(pk) for pk in Mention.objects.values_list("pk", flat=True)
                ],
            },
        )
    finally:
        post_init.disconnect(count, sender=Article)

    assert response.status_code == 302
    assert Mention.objects.confirmed().count() == 300
    assert len(copies) < 5
