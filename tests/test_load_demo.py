from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count

from articles import body as article_body
from articles import demo
from articles.demo.pictures import PICTURES
from articles.images import usage
from articles.images.models import Image, Rendition
from articles.images.renditions import FORMATS
from articles.models import (
    Article,
    ArticleStatus,
    Byline,
    Correction,
    Entity,
    EntityKind,
    Mention,
    Section,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Article, Section, Entity, Byline, Mention, Correction, Image, Rendition)
    } | {"tags": Article.tags.through.objects.count()}


def stored_files(media_root):
    return sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())


def test_it_loads_articles_in_four_sections():
    load_demo()

    assert Article.objects.count() >= 12
    assert Section.objects.count() == 4
    assert set(Section.objects.values_list("slug", flat=True)) == {
        "world",
        "politics",
        "business",
        "science",
    }
    assert all(section.articles.exists() for section in Section.objects.all())
    assert Article.objects.filter(status=ArticleStatus.DRAFT).count() == 1
    assert Article.objects.scheduled().count() == 1
    assert Article.objects.published().count() == Article.objects.count() - 2


def test_articles_have_bylines_tags_and_the_house_style():
    load_demo()

    for article in Article.objects.all():
        assert article.bylines.exists(), article
        assert article.tags.exists(), article
        assert article.dek, article
        # Several blocks of reading text, no markup in it, and a body stored sanitised.
        assert "\n" in article.text and "<" not in article.text
        assert "##" not in article.text
        assert article.body == article_body.sanitise(article.body)
    texts = "\n".join(Article.objects.values_list("text", flat=True))
    assert "Kim’s" in texts
    assert "“" in texts and "”" in texts
    bodies = "\n".join(Article.objects.values_list("body", flat=True))
    assert bodies.count("<h2>") >= 5
    reporters = Entity.objects.filter(bylines__isnull=False).distinct()
    assert reporters.count() >= 3
    assert set(reporters.values_list("kind", flat=True)) == {EntityKind.PERSON}


def test_it_loads_entities_of_each_kind_with_wikidata_ids():
    load_demo()

    assert Entity.objects.count() >= 15
    kinds = dict(Entity.objects.values_list("kind").annotate(n=Count("pk")))
    assert all(kinds.get(kind, 0) >= 3 for kind in EntityKind.values)
    assert Entity.objects.exclude(wikidata="").count() >= 10
    assert Entity.objects.get(name="Kim Jong Un").wikidata == "Q56226"
    assert "Kim" in Entity.objects.get(name="Kim Jong Un").aliases


def test_mentions_are_confirmed_quoted_and_never_overlap():
    load_demo()

    article = Article.objects.get(slug__startswith="kim-jong-un-arrives-in-beijing")
    mentions = list(article.mentions.confirmed().select_related("entity"))
    found = [(m.exact, m.entity.name) for m in mentions]
    assert found[0] == ("Kim Jong Un", "Kim Jong Un")
    assert ("Kim", "Kim Jong Un") in found
    assert ("Xi", "Xi Jinping") in found
    assert ("Pyongyang", "Pyongyang") in found
    assert Mention.objects.confirmed().count() == Mention.objects.count() > 50
    for mention in Mention.objects.select_related("article"):
        reading = mention.article.text
        assert reading[mention.start : mention.end] == mention.exact
        assert mention.prefix == reading[max(0, mention.start - 32) : mention.start]
        assert mention.suffix == reading[mention.end : mention.end + 32]
    spans = {}
    for mention in Mention.objects.order_by("article", "start"):
        previous_end = spans.get(mention.article_id, 0)
        assert mention.start >= previous_end
        spans[mention.article_id] = mention.end


def test_it_adds_a_correction():
    load_demo()

    correction = Correction.objects.get()
    assert correction.article.slug in demo.CORRECTIONS
    assert "£14 million" in correction.article.body


def test_it_creates_the_admin_and_prints_the_login():
    output = load_demo()

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    line = next(line for line in output.splitlines() if line.startswith("Admin login:"))
    password = line.split("password ")[1].split(" ")[0]
    assert line == f"Admin login: username admin, password {password} (at /admin/)"
    assert user.check_password(password)


def test_the_password_can_be_given():
    load_demo("--password", "correct-horse")

    assert get_user_model().objects.get(username="admin").check_password("correct-horse")


def test_running_it_again_changes_nothing(media_root):
    load_demo()
    before = snapshot()
    files = stored_files(media_root)
    versions = dict(Article.objects.values_list("slug", "version"))
    password = get_user_model().objects.get(username="admin").password

    output = load_demo()

    assert snapshot() == before
    assert stored_files(media_root) == files
    assert dict(Article.objects.values_list("slug", "version")) == versions
    assert get_user_model().objects.get(username="admin").password == password
    assert 'User "admin" already exists; its password is unchanged' in output
    assert "Articles: 0 created, 0 updated," in output
    assert "Mentions: 0 confirmed mentions created." in output
    assert f"Pictures: 0 stored, {len(PICTURES)} already in the library." in output
    assert Article.objects.scheduled().count() == 1


def test_an_existing_admin_keeps_the_password_unless_one_is_given():
    UserFactory(username="admin", password="old password")

    load_demo()
    assert get_user_model().objects.get(username="admin").check_password("old password")

    output = load_demo("--password", "new password")
    assert get_user_model().objects.get(username="admin").check_password("new password")
    assert "password new password (at /admin/; password changed)" in output


def test_the_summary_counts_what_it_loaded():
    output = load_demo()

    total = Article.objects.count()
    assert f"Entities: {Entity.objects.count()} created, 0 updated, 0 unchanged." in output
    assert f"Articles: {total} created, 0 updated, 0 unchanged ({total - 2} published, " in output
    assert f"Mentions: {Mention.objects.count()} confirmed mentions created." in output
    assert "Corrections: 1 created." in output
    assert f"Pictures: {len(PICTURES)} stored, 0 already in the library." in output


# --- Pictures -----------------------------------------------------------------------------


def test_it_draws_its_pictures_the_same_each_time():
    for picture in PICTURES.values():
        assert picture.jpeg() == picture.jpeg(), picture.key


def test_its_pictures_are_in_the_library_with_their_credits_and_rights(media_root):
    load_demo()

    assert Image.objects.count() == len(PICTURES) >= 5
    for image in Image.objects.all():
        assert image.title and image.caption, image
        assert len(image.alt_text) > 40, image  # says what the picture shows
        assert image.credit == "Newsroom demo"
        assert image.licence.startswith("CC0 1.0")
        assert image.may_be_used and image.may_be_used_until is None
        assert (media_root / image.file.name).read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG


def test_several_articles_lead_with_a_picture_and_may_be_published_with_it():
    load_demo()

    leading = Article.objects.filter(lead_image__isnull=False)
    assert set(leading.values_list("slug", flat=True)) == set(demo.LEAD_IMAGES)
    assert leading.count() >= 5
    old_quay = Image.objects.get(title="The Old Quay at dawn")
    assert usage.articles_using(old_quay.pk).count() == 2
    for article in leading:
        assert usage.publish_problems(article) == [], article


def test_a_story_shows_the_map_as_a_figure_with_its_own_caption():
    load_demo()

    article = Article.objects.get(slug__startswith="marrowby-council-approves")
    the_map = Image.objects.get(title="Map of Marrowby")
    assert usage.figure_image_ids(article.body) == [the_map.pk]
    assert (
        f'<figure data-image="{the_map.pk}"><figcaption>The sea wall along the Old Quay (red) '
        "and the route of the new ferry.</figcaption></figure>"
    ) in article.body
    assert article.body == article_body.sanitise(article.body)
    assert "The sea wall along the Old Quay (red)" in article.text  # captions are read


def test_entities_have_pictures():
    load_demo()

    assert Entity.objects.get(name="Helena Ostrowska").picture.title == (
        "Helena Ostrowska, silhouette"
    )
    assert Entity.objects.get(name="Marrowby").picture.title == "Map of Marrowby"
    assert Entity.objects.filter(picture__isnull=False).count() == len(demo.ENTITY_PICTURES)


def test_an_entity_picture_an_editor_changed_is_kept():
    load_demo()
    marrowby = Entity.objects.get(name="Marrowby")
    marrowby.picture = Image.objects.get(title="Kelp forest off Marrowby")
    marrowby.save()

    load_demo()

    assert Entity.objects.get(name="Marrowby").picture.title == "Kelp forest off Marrowby"


# Committed for real: the jobs are queued when load_demo commits, and the worker closes
# its database connection as it finishes, which a test's open transaction cannot survive.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_picture_has_its_renditions_once_the_jobs_it_queued_have_run(media_root):
    """`make run` runs them before it serves, so the site shows its pictures at once."""
    load_demo()
    call_command("run_pending_jobs", stdout=StringIO())

    for image in Image.objects.prefetch_related("renditions"):
        made = {(r.spec, r.format) for r in image.renditions.all()}
        assert {format_ for _, format_ in made} == set(FORMATS), image
        assert {"w320", "w640", "social", "16x9-w1200", "4x3-w1200", "1x1-w800"} <= {
            spec for spec, _ in made
        }, image
        for rendition in image.renditions.all():
            assert (media_root / rendition.file.name).exists()
