"""factory_boy factories: the smallest valid objects, with fields a test can override."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import (
    Article,
    ArticleStatus,
    Byline,
    Correction,
    Entity,
    EntityKind,
    Mention,
    MentionSource,
    MentionStatus,
    Section,
)

# Every way an article can exist and still be hidden from readers.
HIDDEN = ("draft", "review", "scheduled", "withdrawn")


def hidden(way):
    """Fields that hide an article from readers in one of the HIDDEN ways; a scheduled
    article's time is a day after now, now being when this is called (clocks travel)."""
    return {
        "draft": {"status": ArticleStatus.DRAFT, "publish_at": None},
        "review": {"status": ArticleStatus.REVIEW, "publish_at": None},
        "withdrawn": {"status": ArticleStatus.WITHDRAWN},
        "scheduled": {
            "status": ArticleStatus.PUBLISHED,
            "publish_at": timezone.now() + timezone.timedelta(days=1),
        },
    }[way]


def ago(**kwargs):
    """A moment that far in the past, e.g. ago(days=2)."""
    return timezone.now() - timezone.timedelta(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@newsroom.test")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True


def member_of(group_name):
    """A staff user in one of the editorial groups (Editors, Reporters, Annotators)."""
    user = UserFactory(username=group_name.lower())
    user.groups.add(Group.objects.get(name=group_name))
    return user


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    name = factory.Sequence(lambda n: f"Entity Number{n}")
    kind = EntityKind.PERSON
    slug = factory.Sequence(lambda n: f"entity-{n}")


class PersonFactory(EntityFactory):
    kind = EntityKind.PERSON


class OrganizationFactory(EntityFactory):
    kind = EntityKind.ORGANIZATION


class PlaceFactory(EntityFactory):
    kind = EntityKind.PLACE


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, live since an hour ago."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Headline number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    dek = "Why it matters, in a sentence."
    body = "Kim Jong Un arrived in Beijing.\nHe met Xi Jinping."
    section = factory.SubFactory(SectionFactory)
    status = ArticleStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class DraftFactory(ArticleFactory):
    status = ArticleStatus.DRAFT
    publish_at = None


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(lambda n: n)


class MentionFactory(factory.django.DjangoModelFactory):
    """A confirmed mention of the article's first len(exact) characters unless told otherwise."""

    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    entity = factory.SubFactory(PersonFactory)
    start = 0
    end = factory.LazyAttribute(lambda m: m.start + 11)
    exact = factory.LazyAttribute(lambda m: m.article.text[m.start : m.end])
    prefix = factory.LazyAttribute(lambda m: m.article.text[max(0, m.start - 32) : m.start])
    suffix = factory.LazyAttribute(lambda m: m.article.text[m.end : m.end + 32])
    status = MentionStatus.CONFIRMED


def occurrence_start(text, exact, occurrence=0):
    """Where the given occurrence (0 = first) of `exact` starts in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(exact, start + 1)
    return start


def mention_of(article, entity, exact=None, occurrence=0, **fields):
    """A mention (confirmed unless `fields` say otherwise) of `entity` on the given
    occurrence of `exact` in the article's reading text; `exact` is the entity's name by default."""
    exact = entity.name if exact is None else exact
    start = occurrence_start(article.text, exact, occurrence)
    return MentionFactory(
        article=article, entity=entity, start=start, end=start + len(exact), **fields
    )


def suggested_mention(article, entity, exact, occurrence=0, **fields):
    """A suggestion of `entity` on the given occurrence (0 = first) of `exact` in the text."""
    fields = {"status": MentionStatus.SUGGESTED, "source": MentionSource.SUGGESTED, **fields}
    return mention_of(article, entity, exact, occurrence, **fields)


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory)
    text = "An earlier version of this article misspelled a name."
