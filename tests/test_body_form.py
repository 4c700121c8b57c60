"""The article form's body: what cannot be stored is refused with a message and nothing is
saved; what is stored is sanitised; a save that changes nothing in it changes nothing."""

import pytest
from django.urls import reverse

from articles import revisions
from articles.models import Article, MentionStatus
from tests.admin_forms import article_change_data
from tests.factories import ArticleFactory, PersonFactory, member_of, mention_of

pytestmark = pytest.mark.django_db

BODY = (
    "<p><strong>Kim Jong Un</strong> arrived in Beijing by "
    '<a href="https://news.example/train">train</a>.</p>\n<h2>Talks</h2>\n<p>He met Xi.</p>'
)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def story():
    article = ArticleFactory(body=BODY)
    mention_of(article, PersonFactory(name="Kim Jong Un"))
    return Article.objects.get(pk=article.pk)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<p>See <a href="javascript:alert(1)">this</a>.</p>', "points to “javascript:alert(1)”"),
        ('<p>See <a href="ftp://files.example/x">this</a>.</p>', "is not a web"),
        ('<p>A cat <img src="data:image/png;base64,AAAA"></p>', "holds a picture"),
        ("<p>Kim <strong>arrived</em> today.</p>", "malformed"),
        ("<ul>" * 50 + "<li>deep" + "</ul>" * 50, "nested more than"),
        ("<p>" + "word " * 210_000 + "</p>", "too long"),
    ],
)
def test_a_body_that_cannot_be_stored_is_refused_with_a_message(
    superuser_client, story, body, message
):
    response = superuser_client.post(change_url(story), article_change_data(story, body=body))

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("body", []))
    assert message in errors
    stored = Article.objects.get(pk=story.pk)
    assert (stored.body, stored.text, stored.version) == (story.body, story.text, story.version)
    assert stored.mentions.get().status == MentionStatus.CONFIRMED


def test_what_the_form_stores_is_sanitised(superuser_client, story):
    posted = (
        '<p onclick="x()">Kim Jong Un <span style="color:red">arrived</span></p>'
        "<script>alert(1)</script><iframe src=https://evil.example></iframe>"
        '<p><a href="https://news.example/" target="_blank">Source</a></p>'
    )
    response = superuser_client.post(change_url(story), article_change_data(story, body=posted))

    assert response.status_code == 302
    stored = Article.objects.get(pk=story.pk)
    assert stored.body == (
        "<p>Kim Jong Un arrived</p>\n"
        '<p><a href="https://news.example/" rel="noopener">Source</a></p>'
    )
    assert stored.text == "Kim Jong Un arrived\nSource"


def test_a_browser_save_with_crlf_line_endings_changes_nothing_in_the_body(superuser_client, story):
    posted = story.body.replace("\n", "\r\n") + "\r\n"
    response = superuser_client.post(change_url(story), article_change_data(story, body=posted))

    assert response.status_code == 302
    stored = Article.objects.get(pk=story.pk)
    assert stored.body == story.body
    newest, previous = revisions.article_versions(story.pk)[:2]
    labels = [change.label for change in revisions.compare_versions(previous, newest)]
    assert "Text" not in labels and "Formatting" not in labels


def test_bold_around_a_mentioned_name_moves_no_mention_and_history_says_so_in_words(
    superuser_client, story
):
    mention = story.mentions.get()
    posted = story.body.replace(
        'href="https://news.example/train"', 'href="https://news.example/rail"'
    ).replace("<strong>Kim Jong Un</strong>", "<em>Kim Jong Un</em>")

    response = superuser_client.post(change_url(story), article_change_data(story, body=posted))

    assert response.status_code == 302
    moved = story.mentions.get()
    assert (moved.start, moved.end, moved.exact, moved.status) == (
        mention.start,
        mention.end,
        mention.exact,
        MentionStatus.CONFIRMED,
    )
    newest, previous = revisions.article_versions(story.pk)[:2]
    changes = {change.label: change for change in revisions.compare_versions(previous, newest)}
    assert "Text" not in changes
    formatting = changes["Formatting"]
    assert "Link on “train” to https://news.example/train" in formatting.removed
    assert "Link on “train” to https://news.example/rail" in formatting.added
    assert "Bold: “Kim Jong Un”" in formatting.removed
    assert "Italic: “Kim Jong Un”" in formatting.added


def test_someone_who_may_only_look_reads_the_body_rendered_not_its_html_source(client, story):
    client.force_login(member_of("Annotators"))

    response = client.get(change_url(story))

    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;strong&gt;" not in html and "&lt;p&gt;" not in html
    assert "<strong>" in html and 'rel="noopener">train</a>' in html
