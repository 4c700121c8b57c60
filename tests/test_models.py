"""The data model: constraints the database enforces and the one publication gate."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import (
    Article,
    ArticleStatus,
    Entity,
    EntityKind,
    Mention,
    MentionStatus,
    Organization,
    Person,
    Place,
)
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    MentionFactory,
    PersonFactory,
    PlaceFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db


def assert_refused_by_database(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


class TestPublishedGate:
    def test_it_shows_published_articles_whose_time_has_come(self):
        live = ArticleFactory()
        assert list(Article.objects.published()) == [live]
        assert live.is_published()

    @pytest.mark.parametrize(
        "status", [ArticleStatus.DRAFT, ArticleStatus.REVIEW, ArticleStatus.WITHDRAWN]
    )
    def test_it_hides_articles_that_are_not_published(self, status):
        article = ArticleFactory(status=status)
        assert not Article.objects.published().exists()
        assert not article.is_published()

    def test_it_hides_scheduled_articles_until_their_time(self):
        soon = timezone.now() + timezone.timedelta(hours=2)
        article = ArticleFactory(publish_at=soon)
        assert article.is_scheduled
        assert not Article.objects.published().exists()
        assert list(Article.objects.scheduled()) == [article]
        later = soon + timezone.timedelta(seconds=1)
        assert list(Article.objects.published(now=later)) == [article]
        assert article.is_published(now=later)

    def test_publishing_without_a_time_publishes_now(self):
        article = DraftFactory()
        article.status = ArticleStatus.PUBLISHED
        article.save()
        assert article.publish_at is not None
        assert article.first_published_at == article.publish_at
        assert Article.objects.published().get() == article

    def test_first_publication_time_is_kept_when_republished(self):
        article = ArticleFactory()
        first = article.first_published_at
        article.status = ArticleStatus.WITHDRAWN
        article.save()
        article.status = ArticleStatus.PUBLISHED
        article.publish_at = timezone.now()
        article.save()
        assert article.first_published_at == first

    def test_database_refuses_a_published_article_without_a_time(self):
        article = ArticleFactory()
        assert_refused_by_database(
            lambda: Article.objects.filter(pk=article.pk).update(publish_at=None)
        )


class TestArticle:
    def test_slugs_are_unique(self):
        ArticleFactory(slug="summit")
        assert_refused_by_database(lambda: ArticleFactory(slug="summit"))

    def test_a_missing_slug_is_made_from_the_headline_and_kept_unique(self):
        section = SectionFactory()
        first = Article.objects.create(headline="Leaders meet in Beijing", section=section)
        second = Article.objects.create(headline="Leaders meet in Beijing", section=section)
        assert first.slug == "leaders-meet-in-beijing"
        assert second.slug == "leaders-meet-in-beijing-2"

    def test_every_save_counts_a_new_version(self):
        article = ArticleFactory()
        assert article.version == 1
        article.dek = "A new standfirst."
        article.save()
        article.refresh_from_db()
        assert article.version == 2

    def test_bylines_keep_their_order(self):
        article = ArticleFactory()
        second, first = PersonFactory(name="B Reporter"), PersonFactory(name="A Reporter")
        article.bylines.create(person=second, position=2)
        article.bylines.create(person=first, position=1)
        assert [b.person for b in article.bylines.all()] == [first, second]

    def test_a_person_has_one_byline_per_article(self):
        article, person = ArticleFactory(), PersonFactory()
        article.bylines.create(person=person)
        assert_refused_by_database(lambda: article.bylines.create(person=person, position=1))

    def test_a_byline_must_name_a_person(self):
        article = ArticleFactory()
        place = PlaceFactory()
        with pytest.raises(ValidationError):
            article.bylines.model(article=article, person=place).full_clean()


class TestEntity:
    def test_proxies_list_and_create_their_own_kind(self):
        person = Person.objects.create(name="Xi Jinping")
        Place.objects.create(name="Beijing")
        Organization.objects.create(name="United Nations")
        assert person.kind == EntityKind.PERSON
        assert list(Person.objects.all()) == [person]
        assert Place.objects.get().kind == EntityKind.PLACE
        assert Entity.objects.count() == 3

    def test_entity_urls_follow_their_kind(self):
        assert Person.objects.create(name="Xi Jinping").get_absolute_url() == "/people/xi-jinping/"
        assert Place.objects.create(name="Beijing").get_absolute_url() == "/places/beijing/"
        organization = Organization.objects.create(name="United Nations")
        assert organization.get_absolute_url() == "/organizations/united-nations/"

    def test_the_same_slug_may_serve_two_kinds(self):
        Person.objects.create(name="Georgia", slug="georgia")
        Place.objects.create(name="Georgia", slug="georgia")
        assert_refused_by_database(lambda: Place.objects.create(name="Georgia 2", slug="georgia"))

    def test_database_refuses_a_malformed_wikidata_id(self):
        assert_refused_by_database(lambda: PersonFactory(wikidata="X15031"))
        assert_refused_by_database(lambda: PersonFactory(wikidata="Q0"))
        assert PersonFactory(wikidata="Q15031").wikidata_url.endswith("/Q15031")

    def test_a_wikidata_id_belongs_to_one_entity(self):
        PersonFactory(wikidata="Q15031")
        assert_refused_by_database(lambda: PersonFactory(wikidata="Q15031"))
        PersonFactory(wikidata="")
        PersonFactory(wikidata="")

    def test_validation_explains_a_bad_wikidata_id(self):
        entity = Entity(name="Xi Jinping", kind=EntityKind.PERSON, slug="xi", wikidata="15031")
        with pytest.raises(ValidationError) as error:
            entity.full_clean()
        assert "Q followed by digits" in str(error.value)

    def test_aliases_must_be_a_list_of_names(self):
        entity = Entity(name="Kim Jong Un", kind=EntityKind.PERSON, slug="kim", aliases="Kim")
        with pytest.raises(ValidationError):
            entity.full_clean()

    def test_mention_counts_count_confirmed_mentions_only(self):
        mention = MentionFactory()
        MentionFactory(entity=mention.entity, status=MentionStatus.SUGGESTED, start=30, end=41)
        counted = Entity.objects.with_mention_counts().get(pk=mention.entity.pk)
        assert counted.mention_count == 1


class TestMention:
    def test_database_refuses_an_empty_or_reversed_span(self):
        mention = MentionFactory()
        assert_refused_by_database(
            lambda: Mention.objects.filter(pk=mention.pk).update(end=mention.start)
        )

    def test_validation_refuses_a_quote_that_is_not_at_its_place(self):
        mention = MentionFactory.build(article=ArticleFactory(), exact="Xi Jinping")
        with pytest.raises(ValidationError, match="not 'Xi Jinping'"):
            mention.clean()

    def test_validation_refuses_a_span_outside_the_text(self):
        article = ArticleFactory(body="Short.")
        mention = Mention(article=article, entity=PersonFactory(), start=2, end=40, exact="x")
        with pytest.raises(ValidationError, match="outside"):
            mention.clean()

    def test_confirmed_mentions_of_one_article_never_overlap(self):
        first = MentionFactory()
        overlapping = Mention(
            article=first.article, entity=PersonFactory(), start=4, end=7, exact="Jon"
        )
        with pytest.raises(ValidationError, match="overlaps"):
            overlapping.clean()
        overlapping.status = MentionStatus.SUGGESTED
        overlapping.clean()

    def test_fill_quote_keeps_the_context_either_side(self):
        article = ArticleFactory(body="North Korean leader Kim Jong Un arrived in Beijing.")
        mention = Mention(article=article, start=20, end=31)
        mention.fill_quote()
        assert (mention.prefix, mention.exact, mention.suffix) == (
            "North Korean leader ",
            "Kim Jong Un",
            " arrived in Beijing.",
        )

    def test_public_mentions_are_confirmed_and_in_published_articles(self):
        shown = MentionFactory()
        MentionFactory(article=DraftFactory())
        MentionFactory(article=shown.article, status=MentionStatus.SUGGESTED, start=32, end=42)
        assert list(Mention.objects.public()) == [shown]


class TestUpdatedForReaders:
    def test_an_edit_well_after_publication_counts_as_an_update(self):
        article = ArticleFactory(publish_at=timezone.now() - timezone.timedelta(days=1))
        Article.objects.filter(pk=article.pk).update(created_at=article.publish_at)
        article.refresh_from_db()
        assert article.was_updated

    def test_an_article_imported_with_an_earlier_publication_time_is_not_updated(self):
        article = ArticleFactory(publish_at=timezone.now() - timezone.timedelta(days=3))
        assert not article.was_updated
