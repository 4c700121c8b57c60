"""Article revisions: what each save records, the diff between two revisions, the history
and compare pages, and reverting (which restores the text and carries mentions through it)."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles import body as article_body
from articles import revisions
from articles.models import ArticleStatus, MentionStatus
from articles.revisions import article_state, article_versions, diff_html, version_state
from tests.admin_forms import article_change_data
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    DraftFactory,
    MentionFactory,
    PersonFactory,
    member_of,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

BODY = "Kim Jong Un arrived in Beijing.\nHe met Xi Jinping."


@pytest.fixture
def people():
    return {
        "kim": PersonFactory(name="Kim Jong Un"),
        "xi": PersonFactory(name="Xi Jinping"),
        "putin": PersonFactory(name="Vladimir Putin"),
        "ana": PersonFactory(name="Ana Reyes"),
        "bo": PersonFactory(name="Bo Lee"),
    }


def latest(article):
    return article_versions(article.pk).first()


def changes_by_label(old, new):
    return {change.label: change for change in revisions.compare_versions(old, new)}


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def compare_url(article, old, new):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    return f"{url}?old={old.pk}&new={new.pk}"


def revert_url(article, version):
    return reverse("admin:articles_article_revision", args=[article.pk, version.pk])


@pytest.fixture
def edited(people):
    """An article saved twice: first a draft, then published with other words, tags and bylines.

    The second revision moves Kim's mention and adds a sentence with a mention of Putin.
    """
    article = DraftFactory(headline="Kim arrives", body=BODY, tags=["asia", "summit"])
    BylineFactory(article=article, person=people["ana"], position=0)
    kim = MentionFactory(article=article, entity=people["kim"], start=0, end=11)
    revisions.record_revision(article)
    first = latest(article)
    with revisions.recording(article):
        article.headline = "Kim arrives by train"
        article.body = (
            "Yesterday Kim Jong Un arrived in Beijing by train.\n"
            "He met Xi Jinping and Vladimir Putin."
        )
        article.status = ArticleStatus.PUBLISHED
        article.save()
        article.tags.set(["asia", "trains"])
        article.bylines.all().delete()
        BylineFactory(article=article, person=people["bo"], position=0)
        BylineFactory(article=article, person=people["ana"], position=1)
        putin = suggested_mention(article, people["putin"], "Vladimir Putin")
    kim.refresh_from_db()
    return {
        "article": article,
        "first": first,
        "second": latest(article),
        "kim": kim,
        "putin": putin,
    }


# --- Recording ----------------------------------------------------------------------------


def test_every_orm_save_of_an_article_records_a_revision():
    article = ArticleFactory(body=BODY)
    assert article_versions(article.pk).count() == 1

    article.headline = "A new headline"
    article.save()
    article.save()

    assert article_versions(article.pk).count() == 3
    assert version_state(latest(article)).headline == "A new headline"


def test_a_revision_holds_the_mentions_as_re_anchored_by_the_save(people):
    article = ArticleFactory(body=BODY)
    MentionFactory(article=article, entity=people["kim"], start=0, end=11)

    article.body = "Yesterday " + BODY
    article.save()

    assert version_state(latest(article)).mentions == (
        (people["kim"].pk, "Kim Jong Un", "confirmed"),
    )
    assert revisions.compare(version_state(latest(article)), article_state(article)) == []


def test_an_admin_edit_records_one_revision_of_the_article_its_bylines_tags_and_mentions(
    client, superuser, people
):
    article = ArticleFactory(body=BODY, tags=["asia", "summit"])
    BylineFactory(article=article, person=people["ana"], position=0)
    MentionFactory(article=article, entity=people["kim"], start=0, end=11)
    before = article_versions(article.pk).count()
    client.force_login(superuser)

    data = article_change_data(
        article,
        body="Yesterday " + BODY,
        tags="asia, trains",
        **{
            "bylines-TOTAL_FORMS": "2",
            "bylines-1-person": str(people["bo"].pk),
            "bylines-1-position": "1",
        },
    )
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302, response.context["errors"]
    assert article_versions(article.pk).count() == before + 1
    version = latest(article)
    assert version.revision.user == superuser
    state = version_state(version)
    assert state.text == "Yesterday " + BODY
    assert state.body == article_body.from_plain_text("Yesterday " + BODY)
    assert state.tags == ("asia", "trains")
    assert state.person_ids == (people["ana"].pk, people["bo"].pk)
    assert state.mentions == ((people["kim"].pk, "Kim Jong Un", "confirmed"),)
    article.refresh_from_db()
    assert revisions.compare(state, article_state(article)) == []


def test_annotating_records_a_revision_with_the_annotator_and_what_was_done(client, people):
    article = ArticleFactory(body=BODY)
    annotator = member_of("Annotators")
    client.force_login(annotator)
    before = article_versions(article.pk).count()

    response = client.post(
        reverse("admin:articles_article_annotate_mentions", args=[article.pk]),
        json.dumps(
            {"exact": "Xi Jinping", "prefix": "He met ", "suffix": ".", "entity": people["xi"].pk}
        ),
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    assert article_versions(article.pk).count() == before + 1
    revision = latest(article).revision
    assert revision.user == annotator
    assert revision.comment == "Linked “Xi Jinping” to Xi Jinping."
    assert version_state(latest(article)).mentions == (
        (people["xi"].pk, "Xi Jinping", "confirmed"),
    )


def test_a_refused_annotation_records_nothing(client):
    article = ArticleFactory(body=BODY)
    client.force_login(member_of("Annotators"))
    before = article_versions(article.pk).count()

    response = client.post(
        reverse("admin:articles_article_annotate_mentions", args=[article.pk]),
        json.dumps({"exact": "Putin", "entity": 1}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert article_versions(article.pk).count() == before


# --- Diffs --------------------------------------------------------------------------------


def test_diff_html_marks_words_removed_and_added_paragraph_by_paragraph():
    html = diff_html(
        "Kim arrived in Beijing.\nHe met Xi.\nThe end.",
        "Kim arrived in Pyongyang.\nHe met Xi.\nThe very end.",
    )

    assert html == (
        "<p>Kim arrived in <del>Beijing</del><ins>Pyongyang</ins>.</p>"
        "<p>He met Xi.</p>"
        "<p>The<ins> very</ins> end.</p>"
    )


def test_diff_html_escapes_the_text():
    html = diff_html("Kim & Xi", "<script>alert(1)</script> & Xi")

    assert html == (
        "<p><del>Kim</del><ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins> &amp; Xi</p>"
    )


def test_diff_html_shows_added_and_removed_paragraphs_and_can_leave_out_unchanged_ones():
    old = "\n".join(f"Paragraph {n}." for n in range(10))
    new = old.replace("Paragraph 8.", "Paragraph eight.") + "\nA new ending."

    assert "<p><ins>A new ending.</ins></p>" in diff_html(old, new)
    short = diff_html(old, new, context=1)
    assert "Paragraph 2." not in short
    assert short.startswith('<p class="diff-gap">…</p><p>Paragraph 7.</p>')
    assert "<p>Paragraph <del>8</del><ins>eight</ins>.</p>" in short


def test_a_long_rewrite_is_shown_deleted_and_inserted_whole_and_small_edits_word_by_word():
    old = "\n".join(f"Old paragraph {n} says the same few words again." for n in range(400))
    new = "\n".join(f"New paragraph {n} reads the same few words anew." for n in range(400))
    edited = old.replace("Old paragraph 7 says", "Old paragraph 7 now says")

    rewrite = diff_html(old, new)
    assert rewrite.startswith("<p><del>Old paragraph 0 says the same few words again.</del></p>")
    assert "<p><ins>New paragraph 399 reads the same few words anew.</ins></p>" in rewrite
    assert "<p>Old paragraph 7<ins> now</ins> says the same few words again.</p>" in (
        diff_html(old, edited)
    )


def test_the_diff_between_two_revisions_shows_the_body_change_and_changed_tags_and_bylines(
    edited,
):
    changes = changes_by_label(edited["first"], edited["second"])

    assert set(changes) == {
        "Headline",
        "Status",
        "Publish at",
        "Text",
        "Bylines",
        "Tags",
        "Mentions",
    }
    assert changes["Text"].html == (
        "<p><ins>Yesterday </ins>Kim Jong Un arrived in Beijing<ins> by train</ins>.</p>"
        "<p>He met Xi Jinping<ins> and Vladimir Putin</ins>.</p>"
    )
    assert changes["Headline"].html == "<p>Kim arrives<ins> by train</ins></p>"
    assert changes["Tags"].added == ("trains",)
    assert changes["Tags"].removed == ("summit",)
    assert changes["Bylines"].html == (
        '<ul class="diff-items"><li><ins>Bo Lee</ins></li><li>Ana Reyes</li></ul>'
    )
    assert changes["Status"].html == "<del>Draft</del> → <ins>Published</ins>"
    assert changes["Mentions"].added == ("“Vladimir Putin” → Vladimir Putin (suggested)",)
    assert changes["Mentions"].removed == ()


def test_two_versions_of_the_same_state_have_no_changes(edited):
    assert revisions.compare_versions(edited["second"], edited["second"]) == []


# --- History and compare pages ------------------------------------------------------------


def test_the_history_lists_each_revision_with_who_and_why(editor, edited):
    article = edited["article"]
    revisions.record_revision(article, member_of("Annotators"), "Linked “Kim” to Kim Jong Un.")

    response = editor.get(history_url(article))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="old"') == article_versions(article.pk).count() == 4
    assert "annotators" in html
    assert "Linked “Kim” to Kim Jong Un." in html
    assert compare_url(article, edited["second"], latest(article)).replace("&", "&amp;") in html


def test_the_history_of_an_article_whose_revisions_were_pruned_is_empty(editor, edited):
    article = edited["article"]
    article_versions(article.pk).delete()

    response = editor.get(history_url(article))

    assert response.status_code == 200
    assert 'name="old"' not in response.content.decode()


@pytest.mark.parametrize("object_id", ["999999", "abc"])
def test_the_history_of_no_article_leads_back_to_the_list(editor, object_id):
    response = editor.get(reverse("admin:articles_article_history", args=[object_id]))

    assert response.status_code == 302  # to the admin, saying it does not exist


def test_the_compare_page_shows_the_diff_to_an_editor(editor, edited):
    article = edited["article"]

    response = editor.get(compare_url(article, edited["second"], edited["first"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<ins>Yesterday </ins>Kim Jong Un arrived in Beijing" in html
    assert "<li><del>summit</del></li>" in html
    assert revert_url(article, edited["first"]) in html
    # The older revision is always on the left, whichever order the ids came in.
    assert html.index("From: The revision of") < html.index("To: The revision of")


@pytest.mark.parametrize("query", ["old=abc&new=1", "old=&new=", "new=1", "old=999999&new=999999"])
def test_the_compare_page_answers_404_to_bad_version_ids(editor, edited, query):
    url = reverse("admin:articles_article_compare", args=[edited["article"].pk])
    assert editor.get(f"{url}?{query}").status_code == 404


def test_the_compare_page_refuses_a_version_of_another_article(editor, edited):
    other = ArticleFactory()
    url = compare_url(edited["article"], edited["first"], latest(other))

    assert editor.get(url).status_code == 404


def test_reversions_own_recover_pages_are_not_offered(editor):
    assert editor.get(reverse("admin:articles_article_recoverlist")).status_code == 404


# --- Revert -------------------------------------------------------------------------------


def test_reverting_restores_text_tags_and_bylines_and_carries_mentions_through(
    editor, edited, people
):
    article = edited["article"]
    publish_at = article.publish_at
    mentions_before = article.mentions.count()

    response = editor.post(revert_url(article, edited["first"]), follow=True)

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.headline == "Kim arrives"
    assert article.text == BODY
    assert article.body == article_body.from_plain_text(BODY)
    assert sorted(article.tags.names()) == ["asia", "summit"]
    assert [byline.person for byline in article.bylines.all()] == [people["ana"]]
    # Publishing goes through the workflow: reverting does not unpublish.
    assert article.status == ArticleStatus.PUBLISHED
    assert article.publish_at == publish_at
    # Kim's words survived: the mention moved back with them.
    kim = article.mentions.get(pk=edited["kim"].pk)
    assert (kim.start, kim.end, kim.status) == (0, 11, MentionStatus.CONFIRMED)
    # Putin's words are gone: the mention is kept, marked for review with its old quote.
    putin = article.mentions.get(pk=edited["putin"].pk)
    assert putin.status == MentionStatus.NEEDS_REVIEW
    assert putin.exact == "Vladimir Putin"
    assert article.mentions.count() == mentions_before
    assert "Reverted to the revision of" in response.content.decode()


def test_reverting_after_a_tag_was_renamed_keeps_the_tag_under_its_new_name(editor, edited):
    article = edited["article"]
    asia = Tag.objects.get(name="asia")
    asia.name, asia.slug = "Asia-Pacific", "asia-pacific"
    asia.save()

    editor.post(revert_url(article, edited["first"]))

    assert sorted(article.tags.names()) == ["Asia-Pacific", "summit"]
    assert not Tag.objects.filter(name="asia").exists()


def test_a_revert_records_a_new_revision_saying_what_it_restored(editor, edited):
    article = edited["article"]
    first = edited["first"]
    when = timezone.localtime(first.revision.date_created).strftime("%d %b %Y, %H:%M")

    editor.post(revert_url(article, first))

    revision = latest(article).revision
    assert revision.comment == f"Reverted to the revision of {when}"
    assert revision.user.username == "editors"
    article.refresh_from_db()
    assert revisions.compare(version_state(latest(article)), article_state(article)) == []


def test_looking_at_the_revert_page_changes_nothing(editor, edited):
    article = edited["article"]
    count = article_versions(article.pk).count()

    response = editor.get(revert_url(article, edited["first"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Revert to this revision"' in html
    assert "<del>Yesterday </del>" in html
    # Status is not restored, so it is not shown as a change.
    assert "Draft" not in html
    article.refresh_from_db()
    assert article.headline == "Kim arrives by train"
    assert article_versions(article.pk).count() == count


def test_a_user_who_may_not_change_the_article_cannot_revert_it(client, edited):
    article = edited["article"]
    count = article_versions(article.pk).count()
    client.force_login(member_of("Annotators"))

    response = client.post(revert_url(article, edited["first"]))

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.headline == "Kim arrives by train"
    assert article_versions(article.pk).count() == count


def test_a_reporter_cannot_revert_someone_elses_article(client, edited):
    client.force_login(member_of("Reporters"))

    response = client.post(revert_url(edited["article"], edited["first"]))

    assert response.status_code == 403


def test_reverting_to_a_version_of_another_article_is_refused(editor, edited):
    other = ArticleFactory(headline="Something else")

    response = editor.post(revert_url(edited["article"], latest(other)))

    assert response.status_code == 404
    edited["article"].refresh_from_db()
    assert edited["article"].headline == "Kim arrives by train"


def test_reverting_to_a_version_that_does_not_exist_is_refused(editor, edited):
    missing = Version.objects.order_by("-pk").first().pk + 1
    url = reverse("admin:articles_article_revision", args=[edited["article"].pk, missing])

    response = editor.post(url)

    assert response.status_code == 404
