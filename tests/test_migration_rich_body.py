"""The data migration to the rich body (articles 0010_rich_body): plain-text bodies become
HTML with a reading text, mentions are carried to the same words in it, stored revisions
are converted, and a mention that cannot be carried stops the migration with nothing
converted.

The database tests run the real migration on the test database: they migrate articles back
to 0009, write rows with the models of then, and migrate forward. They are transactional
(a migration cannot run inside a test's transaction) and leave the database migrated to
the latest state.
"""

import importlib
import json

import pytest
from django.core import serializers
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from articles import body as article_body

BEFORE = ("articles", "0009_sensible_years")
AFTER = ("articles", "0010_rich_body")
QUOTE_CONTEXT = 32

rich_body = importlib.import_module("articles.migrations.0010_rich_body")

migration_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# --- The conversion alone ----------------------------------------------------------------


def test_convert_writes_subheads_and_paragraphs_and_maps_offsets():
    old = "## Talks\r\nKim  met\tXi.\r\n\r\n  ##   Parade  \nPutin & <co>.\n##\n##hashtag"
    markup, text, offsets = rich_body.convert(old)
    assert markup == (
        "<h2>Talks</h2>\n<p>Kim met Xi.</p>\n<h2>Parade</h2>\n<p>Putin &amp; &lt;co&gt;.</p>\n"
        "<p>##</p>\n<p>##hashtag</p>"
    )
    # "##" alone was a paragraph in the plain-text body ("## " began a subheading).
    assert text == "Talks\nKim met Xi.\nParade\nPutin & <co>.\n##\n##hashtag"
    assert article_body.reading_text(markup) == text
    assert offsets[old.index("Talks")] == 0
    assert offsets[old.index("Kim")] == text.index("Kim")
    assert offsets[old.index("Xi")] == text.index("Xi")
    assert offsets[old.index("Parade")] == text.index("Parade")
    assert old.index("## Talks") not in offsets  # the marker is gone
    assert old.index("  met") + 1 not in offsets  # the second of two spaces is gone


def test_convert_of_an_empty_body():
    assert rich_body.convert("") == ("", "", {})
    assert rich_body.convert("\n\n## \n   \n") == ("", "", {})


_plain_alphabet = st.sampled_from(
    list("ab K.’“”<>&\"' \t\r\n\xa0😀\u2003\u2028\x85\x1c\ufeff\x0b\x0c\x00")
    + ["## ", "##", "\r\n", "  ", "Kim Jong Un", "&amp;", "&lt;", "<p>", "</b>"]
)


def test_convert_a_line_of_control_characters_and_no_break_spaces():
    old = "Kim left.\n\x08\xa0\x08\nXi stayed."
    markup, text, offsets = rich_body.convert(old)
    assert (markup, text) == ("<p>Kim left.</p>\n<p>Xi stayed.</p>", "Kim left.\nXi stayed.")
    assert offsets[old.index("Xi")] == text.index("Xi")


@given(st.lists(_plain_alphabet, max_size=50).map("".join))
def test_property_convert_reads_as_its_text_and_maps_every_kept_character(old):
    markup, text, offsets = rich_body.convert(old)
    assert article_body.sanitise(markup) == markup
    assert article_body.reading_text(markup) == text
    assert sorted(offsets.values()) == [i for i, char in enumerate(text) if char != "\n"]
    for index, new in offsets.items():
        assert text[new] == (" " if old[index] in " \t\r\n\f\x0b" else old[index])
    # Offsets keep their order, so a span of the old text maps onto one span of the new.
    mapped = [offsets[index] for index in sorted(offsets)]
    assert mapped == sorted(mapped)


# --- Running the migration ------------------------------------------------------------------


class Migrator:
    def __init__(self):
        self.executor = MigrationExecutor(connection)

    def to(self, target):
        self.executor.loader.build_graph()
        self.executor.migrate([target])
        self.executor.loader.build_graph()

    def apps_at(self, target):
        """The models as they were at `target`, with every other app at its latest."""
        graph = self.executor.loader.graph
        nodes = [target, *(node for node in graph.leaf_nodes() if node[0] != target[0])]
        return self.executor.loader.project_state(nodes).apps

    def latest(self):
        self.executor = MigrationExecutor(connection)
        self.executor.migrate(self.executor.loader.graph.leaf_nodes())
        self.executor.loader.build_graph()

    def applied(self, node):
        return node in MigrationRecorder(connection).applied_migrations()


@pytest.fixture
def migrator():
    migrator = Migrator()
    migrator.to(BEFORE)
    assert not migrator.applied(AFTER)
    try:
        yield migrator
    finally:
        migrator.latest()
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()


def columns(table):
    with connection.cursor() as cursor:
        return {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }


class OldRows:
    """Rows written with the models of articles 0009 (plain-text bodies)."""

    def __init__(self, apps):
        self.apps = apps
        self.Section = apps.get_model("articles", "Section")
        self.Entity = apps.get_model("articles", "Entity")
        self.Article = apps.get_model("articles", "Article")
        self.Mention = apps.get_model("articles", "Mention")
        self.section = self.Section.objects.get_or_create(slug="world", defaults={"name": "World"})[
            0
        ]
        self.count = 0

    def entity(self, name, kind="person"):
        slug = name.lower().replace(" ", "-")
        return self.Entity.objects.get_or_create(slug=slug, kind=kind, defaults={"name": name})[0]

    def article(self, body, **fields):
        self.count += 1
        return self.Article.objects.create(
            headline=f"Story {self.count}",
            slug=f"story-{self.count}",
            dek="",
            body=body,
            section=self.section,
            status="published",
            publish_at=timezone.now() - timezone.timedelta(days=1),
            **fields,
        )

    def mention(self, article, entity, exact, occurrence=0, status="confirmed", **fields):
        """A mention on the given occurrence of `exact` in the old plain-text body."""
        start = -1
        for _ in range(occurrence + 1):
            start = article.body.index(exact, start + 1)
        end = start + len(exact)
        values = {
            "start": start,
            "end": end,
            "exact": exact,
            "prefix": article.body[max(0, start - QUOTE_CONTEXT) : start],
            "suffix": article.body[end : end + QUOTE_CONTEXT],
            "status": status,
            **fields,
        }
        return self.Mention.objects.create(article=article, entity=entity, **values)


def quote_of(text, start, end):
    return (
        text[start:end],
        text[max(0, start - QUOTE_CONTEXT) : start],
        text[end : end + QUOTE_CONTEXT],
    )


OLD_BODY = (
    "## Talks at the Great Hall\r\n"
    "North Korean leader Kim  Jong Un arrived in Beijing by armored train.\r\n"
    "\r\n"
    "  Kim met Xi Jinping and Vladimir Putin at the Great Hall.   \n"
    "\n"
    "\n"
    "##   Military parade\n"
    "Putin called the talks “frank,” and Kim’s aides agreed.\t\n"
    'Xi <said> & "left"  early.\n'
)
NEW_BODY = (
    "<h2>Talks at the Great Hall</h2>\n"
    "<p>North Korean leader Kim Jong Un arrived in Beijing by armored train.</p>\n"
    "<p>Kim met Xi Jinping and Vladimir Putin at the Great Hall.</p>\n"
    "<h2>Military parade</h2>\n"
    "<p>Putin called the talks “frank,” and Kim’s aides agreed.</p>\n"
    "<p>Xi &lt;said&gt; &amp; &quot;left&quot; early.</p>"
)
NEW_TEXT = (
    "Talks at the Great Hall\n"
    "North Korean leader Kim Jong Un arrived in Beijing by armored train.\n"
    "Kim met Xi Jinping and Vladimir Putin at the Great Hall.\n"
    "Military parade\n"
    "Putin called the talks “frank,” and Kim’s aides agreed.\n"
    'Xi <said> & "left" early.'
)


@migration_test
def test_bodies_become_html_and_mentions_land_on_the_same_words(migrator):
    old = OldRows(migrator.apps_at(BEFORE))
    kim, xi = old.entity("Kim Jong Un"), old.entity("Xi Jinping")
    putin, hall = old.entity("Vladimir Putin"), old.entity("Great Hall", "place")
    parade = old.entity("Military parade", "organization")
    article = old.article(OLD_BODY)
    plain = old.article("Kim left.\nXi stayed.")
    empty = old.article("")
    # (old mention, expected exact, which occurrence of it in the new text)
    cases = [
        (old.mention(article, hall, "Great Hall"), "Great Hall", 0),  # in a subheading
        (old.mention(article, kim, "Kim  Jong Un"), "Kim Jong Un", 0),  # two spaces
        (old.mention(article, kim, "Kim", occurrence=1, status="suggested"), "Kim", 1),
        (old.mention(article, xi, "Xi Jinping"), "Xi Jinping", 0),
        (old.mention(article, putin, "Vladimir Putin", status="rejected"), "Vladimir Putin", 0),
        (old.mention(article, hall, "Great Hall", occurrence=1, role="about"), "Great Hall", 1),
        (old.mention(article, parade, "Military parade"), "Military parade", 0),
        (old.mention(article, putin, "Putin", occurrence=1), "Putin", 1),
        (old.mention(article, kim, "Kim", occurrence=2), "Kim", 2),  # Kim’s
        (old.mention(article, xi, "Xi", occurrence=1), "Xi", 1),  # after "\t\n"
        (
            old.mention(article, xi, 'Xi <said> & "left"  early', status="suggested"),
            'Xi <said> & "left" early',
            0,
        ),
        (old.mention(plain, xi, "Xi"), "Xi", 0),
    ]
    untouched = {
        row["pk"]: row
        for row in old.Mention.objects.values("pk", "status", "role", "entity", "created_at")
    }

    migrator.to(AFTER)

    assert migrator.applied(AFTER)
    new = migrator.apps_at(AFTER)
    Article, Mention = new.get_model("articles", "Article"), new.get_model("articles", "Mention")
    converted = Article.objects.get(pk=article.pk)
    assert converted.body == NEW_BODY
    assert converted.text == NEW_TEXT
    assert article_body.sanitise(converted.body) == converted.body
    assert article_body.reading_text(converted.body) == converted.text
    assert Article.objects.get(pk=plain.pk).body == "<p>Kim left.</p>\n<p>Xi stayed.</p>"
    assert Article.objects.get(pk=plain.pk).text == "Kim left.\nXi stayed."
    assert (Article.objects.get(pk=empty.pk).body, Article.objects.get(pk=empty.pk).text) == (
        "",
        "",
    )

    for old_mention, exact, occurrence in cases:
        mention = Mention.objects.get(pk=old_mention.pk)
        text = Article.objects.get(pk=mention.article_id).text
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(exact, start + 1)
        assert (mention.start, mention.end) == (start, start + len(exact)), exact
        assert (mention.exact, mention.prefix, mention.suffix) == quote_of(
            text, start, start + len(exact)
        )
        before = untouched[mention.pk]
        assert mention.status == before["status"]
        assert mention.role == before["role"]
        assert mention.entity_id == before["entity"]
        assert mention.created_at == before["created_at"]


@migration_test
def test_a_mention_off_its_words_keeps_its_quote_and_status(migrator):
    old = OldRows(migrator.apps_at(BEFORE))
    xi = old.entity("Xi Jinping")
    article = old.article("## Talks\nKim met Vladimir Putin.\n\nXi waited.")
    place = article.body.index("Vladimir Putin")
    # An edit put other words where Xi Jinping was; the annotator has not looked yet.
    moved = old.Mention.objects.create(
        article=article,
        entity=xi,
        start=place,
        end=place + len("Vladimir Putin"),
        exact="Xi Jinping",
        prefix="Kim met ",
        suffix=" today.",
        status="needs_review",
    )
    # One whose place is the "## " marker only, which the new text does not have.
    marker = old.Mention.objects.create(
        article=article,
        entity=xi,
        start=0,
        end=2,
        exact="Xi",
        prefix="",
        suffix=" met",
        status="needs_review",
    )

    migrator.to(AFTER)

    Mention = migrator.apps_at(AFTER).get_model("articles", "Mention")
    text = migrator.apps_at(AFTER).get_model("articles", "Article").objects.get().text
    assert text == "Talks\nKim met Vladimir Putin.\nXi waited."
    mention = Mention.objects.get(pk=moved.pk)
    assert (mention.exact, mention.prefix, mention.suffix, mention.status) == (
        "Xi Jinping",
        "Kim met ",
        " today.",
        "needs_review",
    )
    # Carried to where its old place went.
    assert text[mention.start : mention.end] == "Vladimir Putin"
    mention = Mention.objects.get(pk=marker.pk)
    assert (mention.exact, mention.prefix, mention.suffix, mention.status) == (
        "Xi",
        "",
        " met",
        "needs_review",
    )
    # The nearest place: the first word after the marker.
    assert (mention.start, mention.end) == (0, 1)


def test_atomic_on_this_database():
    """The migration is one transaction, so a failure leaves nothing half done."""
    assert rich_body.Migration.atomic
    assert connection.vendor in ("sqlite", "postgresql")
    assert connection.features.can_rollback_ddl


@migration_test
def test_a_mention_that_cannot_be_carried_stops_the_migration_with_nothing_converted(migrator):
    old = OldRows(migrator.apps_at(BEFORE))
    xi = old.entity("Xi Jinping")
    first = old.article("## Talks\nKim met Xi Jinping.")
    good = old.mention(first, xi, "Xi Jinping")
    second = old.article("## Xi Jinping\nXi waited.")
    # On its words, but two of them are the subheading marker, which the new text drops.
    bad = old.mention(second, xi, "## Xi Jinping")
    bodies = dict(old.Article.objects.values_list("pk", "body"))
    mentions = list(old.Mention.objects.order_by("pk").values())

    with pytest.raises(RuntimeError) as raised:
        migrator.to(AFTER)

    assert str(raised.value) == (
        f"Mention {bad.pk} of “## Xi Jinping” in article {second.pk} cannot be carried to the "
        "new text (it would cover “Xi Jinping”); fix it, then migrate again."
    )
    assert not migrator.applied(AFTER)
    assert "text" not in columns("articles_article")
    old = OldRows(migrator.apps_at(BEFORE))
    # The first article was converted before the second failed; that was rolled back too.
    assert dict(old.Article.objects.values_list("pk", "body")) == bodies
    assert list(old.Mention.objects.order_by("pk").values()) == mentions

    # Fixed, it migrates.
    old.Mention.objects.filter(pk=bad.pk).update(start=3, exact="Xi Jinping")
    migrator.to(AFTER)
    new = migrator.apps_at(AFTER)
    Article, Mention = new.get_model("articles", "Article"), new.get_model("articles", "Mention")
    assert Article.objects.get(pk=first.pk).body == "<h2>Talks</h2>\n<p>Kim met Xi Jinping.</p>"
    assert (Mention.objects.get(pk=good.pk).start, Mention.objects.get(pk=bad.pk).start) == (
        Article.objects.get(pk=first.pk).text.index("Xi"),
        0,
    )


# --- Stored revisions ----------------------------------------------------------------------

REVISION_BODY = "## Talks\nKim met Xi Jinping.\n\n## Parade\nXi  waited.\n"
CURRENT_BODY = "## Talks\nKim met Xi Jinping and Putin today.\n"


def old_version(old, revision, obj, exclude=()):
    """A reversion Version of `obj` as reversion stored it then (JSON of its fields)."""
    ContentType = old.apps.get_model("contenttypes", "ContentType")
    Version = old.apps.get_model("reversion", "Version")
    model = type(obj)
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    fields = [f.name for f in model._meta.concrete_fields if f.name not in {"id", *exclude}]
    return Version.objects.create(
        revision=revision,
        object_id=str(obj.pk),
        content_type=content_type,
        db="default",
        format="json",
        serialized_data=serializers.serialize("json", [obj], fields=fields),
        object_repr=str(obj.pk),
    )


@migration_test
def test_revisions_are_converted_and_reverting_restores_html(migrator):
    old = OldRows(migrator.apps_at(BEFORE))
    xi = old.entity("Xi Jinping")
    article = old.article(REVISION_BODY)
    mention = old.mention(article, xi, "Xi", occurrence=1)  # "Xi  waited"
    kim_mention = old.mention(article, old.entity("Kim Jong Un"), "Kim")
    place = REVISION_BODY.index("Parade")
    off_its_words = old.Mention.objects.create(
        article=article,
        entity=old.entity("Military parade", "organization"),
        start=place,
        end=place + len("Parade"),
        exact="Military parade",
        status="needs_review",
    )
    Revision = old.apps.get_model("reversion", "Revision")
    revision = Revision.objects.create(date_created=timezone.now(), comment="First version")
    article_version = old_version(old, revision, article, exclude={"search_vector"})
    mention_version = old_version(old, revision, mention)
    kim_version = old_version(old, revision, kim_mention)
    off_version = old_version(old, revision, off_its_words)
    assert "## Talks" in json.loads(article_version.serialized_data)[0]["fields"]["body"]
    # The article as it was edited since.
    old.Article.objects.filter(pk=article.pk).update(body=CURRENT_BODY)
    old.Mention.objects.filter(pk=kim_mention.pk).delete()
    old.Mention.objects.filter(pk=mention.pk).update(
        start=CURRENT_BODY.index("Xi"), end=CURRENT_BODY.index("Xi") + 2, prefix="", suffix=""
    )

    migrator.to(AFTER)
    # Today's models (revert, version_state) need today's tables: later migrations add
    # columns (articles 0011: Entity.is_public) and convert nothing.
    migrator.latest()

    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    from articles.models import Article, Mention
    from articles.revisions import revert, version_state

    ContentType.objects.clear_cache()
    revision_text = "Talks\nKim met Xi Jinping.\nParade\nXi waited."
    revision_html = "<h2>Talks</h2>\n<p>Kim met Xi Jinping.</p>\n<h2>Parade</h2>\n<p>Xi waited.</p>"
    stored = json.loads(Version.objects.get(pk=article_version.pk).serialized_data)[0]["fields"]
    assert (stored["body"], stored["text"]) == (revision_html, revision_text)
    for version_pk, exact, occurrence in [
        (mention_version.pk, "Xi", 1),
        (kim_version.pk, "Kim", 0),
    ]:
        fields = json.loads(Version.objects.get(pk=version_pk).serialized_data)[0]["fields"]
        start = revision_text.index(exact)
        if occurrence:
            start = revision_text.index(exact, start + 1)
        assert (fields["start"], fields["end"], fields["exact"]) == (
            start,
            start + len(exact),
            exact,
        )
        assert fields["status"] == "confirmed"
    fields = json.loads(Version.objects.get(pk=off_version.pk).serialized_data)[0]["fields"]
    assert (fields["exact"], fields["status"]) == ("Military parade", "needs_review")
    assert revision_text[fields["start"] : fields["end"]] == "Parade"

    version = Version.objects.get(pk=article_version.pk)
    state = version_state(version)
    assert state.body == revision_html
    assert sorted(exact for _, exact, _ in state.mentions) == ["Kim", "Military parade", "Xi"]

    current = Article.objects.get(pk=article.pk)
    assert current.text == "Talks\nKim met Xi Jinping and Putin today."
    revert(current, version, user=None)

    current.refresh_from_db()
    assert current.body == revision_html
    assert current.text == revision_text
    # The current mention of Xi is carried through the revert to its words.
    xi_now = Mention.objects.get(pk=mention.pk)
    assert current.text[xi_now.start : xi_now.end] == "Xi" == xi_now.exact
    assert xi_now.status == "confirmed"
    # The revert is recorded as a new revision, in the new format.
    newest = Version.objects.get_for_object(current).order_by("-pk").first()
    assert newest.pk != version.pk
    assert newest.field_dict["body"] == revision_html
    assert newest.field_dict["text"] == revision_text


@migration_test
def test_a_converted_revision_is_not_converted_twice(migrator):
    """Versions already holding a reading text (saved by the new code) are left alone."""
    old = OldRows(migrator.apps_at(BEFORE))
    article = old.article("Kim left.")
    Revision = old.apps.get_model("reversion", "Revision")
    revision = Revision.objects.create(date_created=timezone.now())
    version = old_version(old, revision, article, exclude={"search_vector"})
    data = json.loads(version.serialized_data)
    data[0]["fields"].update(body="<p>## Not a subheading</p>", text="## Not a subheading")
    version.serialized_data = json.dumps(data)
    version.save()

    migrator.to(AFTER)

    Version = migrator.apps_at(AFTER).get_model("reversion", "Version")
    assert json.loads(Version.objects.get(pk=version.pk).serialized_data) == data
