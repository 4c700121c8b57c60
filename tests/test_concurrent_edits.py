"""Two people editing one article: a stale save is refused, nothing of either is lost, and
each sees who else has the article open."""

import threading

import pytest
import time_machine
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, StaleEdit
from tests.admin_forms import article_change_data
from tests.factories import ArticleFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors():
    ana = UserFactory(username="ana", first_name="Ana", last_name="Reyes", is_superuser=True)
    ben = UserFactory(username="ben", first_name="Ben", last_name="Osei", is_superuser=True)
    ana_client, ben_client = Client(), Client()
    ana_client.force_login(ana)
    ben_client.force_login(ben)
    return {"ana": ana_client, "ben": ben_client}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_second_save_of_a_stale_form_is_refused_and_keeps_its_text(editors):
    article = ArticleFactory(body="Kim Jong Un arrived in Beijing.\nHe met Xi Jinping.")
    ana_form = article_change_data(article, body="Kim Jong Un arrived in Beijing on Tuesday.")
    ben_form = article_change_data(article, body="Kim Jong Un arrived in Beijing by train.")

    assert editors["ana"].post(change_url(article), ana_form).status_code == 302
    refused = editors["ben"].post(change_url(article), ben_form)

    assert refused.status_code == 200
    article.refresh_from_db()
    assert article.body == "<p>Kim Jong Un arrived in Beijing on Tuesday.</p>"
    assert article.text == "Kim Jong Un arrived in Beijing on Tuesday."
    errors = refused.context["adminform"].form.non_field_errors()
    message = str(errors)
    assert "Ana Reyes saved this article at" in message
    assert f"while you were editing version {ben_form['loaded_version']}" in message
    assert "Nothing of yours was saved" in message
    # Ben's own text is still in the form, ready to be saved again.
    html = refused.content.decode()
    assert "Kim Jong Un arrived in Beijing by train." in html

    # Having seen what changed, Ben saves again: now his version replaces Ana's.
    again = refused.context["adminform"].form.data.copy()
    assert again["loaded_version"] == article.version
    assert editors["ben"].post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Kim Jong Un arrived in Beijing by train.</p>"
    assert article.text == "Kim Jong Un arrived in Beijing by train."


def test_a_stale_form_says_what_changed_meanwhile(editors):
    article = ArticleFactory(headline="Kim arrives", body="Kim Jong Un arrived in Beijing.")
    ben_form = article_change_data(article, body="Kim Jong Un arrived in Beijing by train.")
    editors["ana"].post(
        change_url(article),
        article_change_data(article, headline="Kim arrives in Beijing", body="Kim arrived."),
    )

    refused = editors["ben"].post(change_url(article), ben_form)

    message = str(refused.context["adminform"].form.non_field_errors())
    assert '<th scope="row">Headline</th><td><p>Kim arrives<ins> in Beijing</ins></p>' in message
    assert "<p>Kim <del>Jong Un </del>arrived<del> in Beijing</del>.</p>" in message


def test_model_saves_check_the_version_too():
    article = ArticleFactory()
    loaded = article.version
    Article.objects.get(pk=article.pk).save()

    article.headline = "Too late"
    with pytest.raises(StaleEdit):
        article.save(expected_version=loaded)

    assert Article.objects.get(pk=article.pk).headline != "Too late"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="real row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_saves_on_postgresql_one_wins_one_is_refused():
    article = ArticleFactory(body="The first text.")
    loaded = article.version
    start = threading.Barrier(2)
    outcomes = {}

    def save_as(name, body):
        try:
            with transaction.atomic():
                mine = Article.objects.get(pk=article.pk)
                mine.body = body
                start.wait(timeout=60)  # generous: a busy machine must not break it
                mine.save(expected_version=loaded)
            outcomes[name] = "saved"
        except StaleEdit:
            outcomes[name] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save_as, args=(name, f"Text by {name}.")) for name in ("ana", "ben")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    article.refresh_from_db()
    assert article.body == f"<p>Text by {winner}.</p>"
    assert article.version == loaded + 1


# --- Who else has the article open --------------------------------------------------------


def test_the_form_shows_who_else_is_editing_and_since_when(editors):
    article = ArticleFactory()
    opened_at = timezone.make_aware(timezone.datetime(2026, 11, 29, 9, 12))
    with time_machine.travel(opened_at, tick=False):
        editors["ana"].get(change_url(article))
    with time_machine.travel(opened_at + timezone.timedelta(seconds=20), tick=False):
        ben_page = editors["ben"].get(change_url(article)).content.decode()
        ana_beat = editors["ana"].post(
            reverse("admin:articles_article_presence", args=[article.pk])
        )

    local = timezone.localtime(opened_at)
    assert f"Being edited by Ana Reyes since {local:%H:%M}." in ben_page
    assert ana_beat.json() == {"others": [f"Ben Osei since {local:%H:%M}"]}


def test_an_editor_who_saves_or_leaves_is_no_longer_shown(editors):
    article = ArticleFactory()
    presence_url = reverse("admin:articles_article_presence", args=[article.pk])
    editors["ana"].get(change_url(article))
    editors["ben"].get(change_url(article))

    editors["ana"].post(change_url(article), article_change_data(article))
    assert editors["ben"].post(presence_url).json() == {"others": []}

    editors["ana"].get(change_url(article))
    editors["ana"].post(presence_url + "?leave=1")
    assert editors["ben"].post(presence_url).json() == {"others": []}


def test_an_editor_whose_page_stopped_reporting_is_gone(editors):
    article = ArticleFactory()
    editors["ana"].get(change_url(article))

    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5)):
        page = editors["ben"].get(change_url(article)).content.decode()

    assert "Being edited by Ana" not in page


def test_someone_who_may_only_look_at_the_article_is_not_shown_as_editing_it(editors):
    article = ArticleFactory()
    annotator = Client()
    annotator.force_login(member_of("Annotators"))
    assert annotator.get(change_url(article)).status_code == 200

    page = editors["ben"].get(change_url(article)).content.decode()

    assert "Being edited by ." in page  # the note, hidden until someone is
    assert "annotators" not in page


def test_presence_answers_only_posts_from_staff(editors, client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_presence", args=[article.pk])

    assert editors["ana"].get(url).status_code == 405
    assert client.post(url).status_code == 302  # to the login page
