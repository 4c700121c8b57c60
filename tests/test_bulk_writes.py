"""Writes of thousands of rows at once: an article saved with thousands of tags, the review
queue accepting or rejecting thousands of suggestions. Each drops the cached pages once, is
atomic (all of it or nothing), and its queries do not grow with the rows."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import caching, revisions
from articles.models import Article, Mention, MentionSource, MentionStatus
from tests.admin_forms import article_change_data
from tests.factories import ArticleFactory, PersonFactory, member_of

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_reviewmention_changelist")
LINE = "Kim Jong Un met Mayor Ana Lima."
ARTICLES = 48
MENTIONS_PER_ARTICLE = 113  # 48 × 113 = 5,424 suggestions, as in the report


def cache_hooks(callbacks) -> int:
    """How many times the pages are dropped once the transaction commits."""
    return sum(
        callback is caching._new_generation_after_commit
        or isinstance(callback, caching._VersionsAfterCommit)
        for callback in callbacks
    )


@pytest.fixture
def queue_of_suggestions():
    """ARTICLES published articles, each with MENTIONS_PER_ARTICLE suggested mentions."""
    kim = PersonFactory(name="Kim Jong Un")
    lines = MENTIONS_PER_ARTICLE
    articles = [
        ArticleFactory(headline=f"Visit {n}", body="\n".join([LINE] * lines))
        for n in range(ARTICLES)
    ]
    step = len(LINE) + 1
    Mention.objects.bulk_create(
        Mention(
            article=article,
            entity=kim,
            start=line * step,
            end=line * step + len("Kim Jong Un"),
            exact="Kim Jong Un",
            prefix="" if line == 0 else (("\n" + LINE) * 2)[-32:],
            suffix=LINE[len("Kim Jong Un") :] + "\n",
            status=MentionStatus.SUGGESTED,
            source=MentionSource.SUGGESTED,
        )
        for article in articles
        for line in range(lines)
    )
    return articles


def select_all(action):
    """The review queue's form with every row of every page selected ("Select all")."""
    return {
        "action": action,
        "select_across": "1",
        "index": "0",
        "_selected_action": [Mention.objects.values_list("pk", flat=True).first()],
    }


def act_on_the_whole_queue(client, action, capture_on_commit, assert_max_num_queries):
    """An annotator applies `action` to the whole queue: the response, and how many times
    the cached pages are dropped once it commits. Its queries grow with the articles, not
    with the mentions."""
    client.force_login(member_of("Annotators"))
    with capture_on_commit() as callbacks, assert_max_num_queries(50 + 15 * ARTICLES):
        response = client.post(QUEUE, select_all(action), follow=True)
    return response, cache_hooks(callbacks)


def test_accepting_5424_suggestions_confirms_all_with_one_revision_each_and_one_drop(
    client, queue_of_suggestions, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    # Before: the queue read every mention's article, then 3 queries for each mention.
    response, hooks = act_on_the_whole_queue(
        client, "accept_mentions", django_capture_on_commit_callbacks, django_assert_max_num_queries
    )

    assert response.status_code == 200
    assert Mention.objects.confirmed().count() == ARTICLES * MENTIONS_PER_ARTICLE
    assert not Mention.objects.to_check().exists()
    assert "Accepted 5424 mentions." in [str(m) for m in get_messages(response.wsgi_request)]
    for article in queue_of_suggestions:
        comments = [v.revision.comment for v in revisions.article_versions(article.pk)]
        assert comments[0] == f"Accepted {MENTIONS_PER_ARTICLE} mentions in review."
    assert hooks == 1


def test_a_bulk_accept_that_fails_part_way_leaves_nothing_accepted(
    client, queue_of_suggestions, monkeypatch
):
    """Before: a batch that timed out half done had confirmed half its mentions and
    recorded no revision for them."""
    client.force_login(member_of("Annotators"))
    record = revisions.record_revision
    recorded = []

    def fails_on_the_tenth_article(article, *args, **kwargs):
        recorded.append(article.pk)
        if len(recorded) == 10:
            raise RuntimeError("the worker was stopped")
        record(article, *args, **kwargs)

    monkeypatch.setattr(revisions, "record_revision", fails_on_the_tenth_article)
    versions_before = sum(len(revisions.article_versions(a.pk)) for a in queue_of_suggestions)

    with pytest.raises(RuntimeError):
        client.post(QUEUE, select_all("accept_mentions"))

    assert not Mention.objects.confirmed().exists()
    assert Mention.objects.suggested().count() == ARTICLES * MENTIONS_PER_ARTICLE
    versions_after = sum(len(revisions.article_versions(a.pk)) for a in queue_of_suggestions)
    assert versions_after == versions_before


def test_rejecting_5424_suggestions_is_one_update_with_one_revision_each(
    client, queue_of_suggestions, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    response, hooks = act_on_the_whole_queue(
        client, "reject_mentions", django_capture_on_commit_callbacks, django_assert_max_num_queries
    )

    assert response.status_code == 200
    assert Mention.objects.filter(status=MentionStatus.REJECTED).count() == 5424
    assert "Rejected 5424 mentions." in [str(m) for m in get_messages(response.wsgi_request)]
    assert hooks == 1


def test_refusals_in_a_big_batch_are_named_ten_at_a_time_and_the_rest_counted(
    client, queue_of_suggestions
):
    client.force_login(member_of("Annotators"))
    # An edit moved the words of twelve suggestions: their quotes no longer fit.
    stale = list(Mention.objects.order_by("pk")[:12])
    Mention.objects.filter(pk__in=[m.pk for m in stale]).update(exact="Kim Yo Jong")

    response = client.post(QUEUE, select_all("accept_mentions"), follow=True)

    said = [str(m) for m in get_messages(response.wsgi_request)]
    refusals = [m for m in said if "was not accepted" in m]
    assert len(refusals) == 10
    assert all("“Kim Yo Jong” (Kim Jong Un) in “Visit" in m for m in refusals)
    assert "2 more mentions were not accepted for the same kinds of reason" in " ".join(said)
    assert f"Accepted {5424 - 12} mentions." in said
    assert Mention.objects.suggested().count() == 12


def test_saving_an_article_with_2000_tags_drops_the_cached_pages_once(
    client, django_capture_on_commit_callbacks
):
    """Before: every tag and every tag link queued its own commit hook (5,600 for 5,000
    tags), each a query and a cache write once the save had committed. (2,000 here: the
    rest of the time is django-taggit's, two queries for each new tag.)"""
    client.force_login(member_of("Editors"))
    article = ArticleFactory()
    tags = [f"topic {n}" for n in range(2000)]

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            reverse("admin:articles_article_change", args=[article.pk]),
            article_change_data(article, tags=", ".join(tags)),
        )

    assert response.status_code == 302
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == sorted(tags)
    assert cache_hooks(callbacks) == 1


def test_each_transaction_drops_the_pages_on_its_own(django_capture_on_commit_callbacks):
    """Two saves, each its own transaction, drop the pages twice: once per transaction is
    not once per test."""
    article = ArticleFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        article.headline = "First"
        article.save()
        article.headline = "Second"
        article.save()

    assert cache_hooks(callbacks) == 2
