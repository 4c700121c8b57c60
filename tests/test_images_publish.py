"""Rights at publish: an article goes out only with pictures it may show (the "may be used"
flag on, its end date not passed, alt text written), whatever publishes it; a picture
whose rights end after its article went out is no longer usable from the next day, which
pages check as they render, and the cache learns when that is (usage.next_rights_end)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.images import usage
from articles.images.library import build_image, store_image
from articles.models import Article, ArticleStatus, Transition
from tests import image_files
from tests.admin_forms import article_change_data
from tests.factories import ArticleFactory, DraftFactory, member_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

DAY = datetime.timedelta(days=1)


def picture(title="Harbour at dawn", alt_text="Fishing boats moored at the quay", **fields):
    data = image_files.jpeg((320, 200))
    image = build_image(data, "harbour.jpg")
    image.title, image.alt_text = title, alt_text
    for name, value in fields.items():
        setattr(image, name, value)
    return store_image(image, data)


def figure(image) -> str:
    return f'<figure data-image="{image.pk}"><figcaption>The quay.</figcaption></figure>'


@pytest.fixture
def chief():
    return member_of("Editors")


def in_review(**fields):
    return DraftFactory(status=ArticleStatus.REVIEW, **fields)


# --- The publish step -------------------------------------------------------------------


def test_a_picture_that_may_not_be_used_stops_the_publish_step_and_is_named(chief):
    image = picture(may_be_used=False)
    article = in_review(lead_image=image)

    with pytest.raises(workflow.PicturesRefused) as refused:
        workflow.take_step(article, "publish", chief)

    assert str(refused.value) == (
        f"Image “Harbour at dawn” (#{image.pk}) may not be used. "
        "Fix it in the image library, or choose another picture."
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW
    assert not Transition.objects.exists()


def test_a_picture_whose_rights_have_ended_stops_the_publish_step(chief):
    image = picture(may_be_used_until=timezone.localdate() - DAY)
    article = in_review(lead_image=image)

    with pytest.raises(workflow.PicturesRefused) as refused:
        workflow.take_step(article, "publish", chief)

    assert f"may be used only until {image.may_be_used_until:%Y-%m-%d}, which has passed" in str(
        refused.value
    )
    assert not Article.objects.published().exists()


def test_a_picture_without_alt_text_stops_the_publish_step(chief):
    image = picture(alt_text="  ")
    article = in_review(lead_image=image)

    with pytest.raises(workflow.PicturesRefused, match=r"\(#\d+\) has no alt text"):
        workflow.take_step(article, "publish", chief)


def test_a_figure_in_the_body_is_checked_like_the_lead_image(chief):
    usable, expired = picture(), picture("Sea wall", may_be_used=False)
    article = in_review(lead_image=usable)
    article.body = f"<p>The quay.</p>{figure(expired)}<p>More.</p>"

    with pytest.raises(workflow.PicturesRefused) as refused:
        workflow.take_step(article, "publish", chief)

    assert refused.value.problems == [f"Image “Sea wall” (#{expired.pk}) may not be used."]
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.REVIEW


def test_a_figure_of_an_image_gone_from_the_library_is_named(chief):
    article = in_review()
    article.body = '<p>The quay.</p><figure data-image="999999"></figure>'

    with pytest.raises(workflow.PicturesRefused, match="Image #999999 is no longer in the library"):
        workflow.take_step(article, "publish", chief)


def test_every_problem_is_named_at_once(chief):
    first, second = picture("One", may_be_used=False), picture("Two", alt_text="")
    article = in_review(lead_image=first)
    article.body = f"<p>Text.</p>{figure(second)}"

    with pytest.raises(workflow.PicturesRefused) as refused:
        workflow.take_step(article, "publish", chief)

    titles = [problem.split("”")[0] for problem in refused.value.problems]
    assert titles == ["Image “One", "Image “Two"]


def test_publish_anyway_does_not_override_a_pictures_rights(chief):
    article = in_review(lead_image=picture(may_be_used=False))

    with pytest.raises(workflow.PicturesRefused):
        workflow.take_step(article, "publish", chief, publish_anyway=True)


def test_pictures_that_may_be_used_let_the_article_go_out(chief):
    image = picture(may_be_used_until=timezone.localdate())  # the last day still counts
    article = in_review(lead_image=image)

    workflow.take_step(article, "publish", chief)

    assert Article.objects.published().get() == article


def test_scheduling_past_a_pictures_last_day_is_refused(chief):
    last_day = timezone.localdate() + DAY
    image = picture(may_be_used_until=last_day)
    goes_live = timezone.now() + 3 * DAY
    article = in_review(lead_image=image, publish_at=goes_live)

    with pytest.raises(workflow.PicturesRefused) as refused:
        workflow.take_step(article, "publish", chief)

    assert (
        f"(#{image.pk}) may be used only until {last_day:%Y-%m-%d}, before the article goes "
        f"live on {timezone.localtime(goes_live):%Y-%m-%d at %H:%M}."
    ) in str(refused.value)
    assert not Article.objects.scheduled().exists()


def test_scheduling_within_a_pictures_rights_is_allowed(chief):
    image = picture(may_be_used_until=timezone.localdate() + 10 * DAY)
    article = in_review(lead_image=image, publish_at=timezone.now() + 3 * DAY)

    workflow.take_step(article, "publish", chief)

    assert Article.objects.scheduled().get() == article


# --- The admin's article form -----------------------------------------------------------


def test_publishing_from_the_form_is_refused_with_a_message_naming_the_picture(client, chief):
    image = picture("Council chamber", may_be_used=False)
    article = in_review(lead_image=image)
    client.force_login(chief)

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, lead_image=str(image.pk), _step="publish"),
        follow=True,
    )

    messages = [message.message for message in response.context["messages"]]
    assert messages == [
        f"Your changes were saved, but: Image “Council chamber” (#{image.pk}) may not be "
        "used. Fix it in the image library, or choose another picture."
    ]
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW


def test_an_edit_adding_a_refused_picture_to_a_live_article_is_not_saved(client, chief):
    article = ArticleFactory(body="<p>The harbour reopened.</p>")
    expired = picture("Sea wall", may_be_used_until=timezone.localdate() - DAY)
    client.force_login(chief)

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, body=f"<p>The harbour reopened.</p>{figure(expired)}"),
    )

    assert response.status_code == 200
    assert f"Image “Sea wall” (#{expired.pk}) may be used only until" in response.content.decode()
    assert Article.objects.get(pk=article.pk).version == article.version


def test_a_live_articles_own_expired_picture_does_not_hold_up_a_correction(client, chief):
    image = picture(may_be_used_until=timezone.localdate() + DAY)
    article = ArticleFactory(lead_image=image)
    # The picture's rights then end:
    type(image).objects.filter(pk=image.pk).update(may_be_used_until=timezone.localdate() - DAY)
    client.force_login(chief)

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(
            article, lead_image=str(image.pk), headline="Harbour reopens (corrected)"
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.lead_image) == ("Harbour reopens (corrected)", image)


def test_choosing_a_refused_lead_image_for_a_live_article_is_not_saved(client, chief):
    kept, refused = picture("Kept"), picture("Refused", alt_text="")
    article = ArticleFactory(lead_image=kept)
    client.force_login(chief)

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, lead_image=str(refused.pk)),
    )

    assert response.status_code == 200
    assert f"Image “Refused” (#{refused.pk}) has no alt text." in response.content.decode()
    assert Article.objects.get(pk=article.pk).lead_image == kept


def test_changing_a_live_articles_lead_image_checks_the_new_one():
    kept, expired = picture("Kept"), picture("New", may_be_used=False)
    article = ArticleFactory(lead_image=kept)

    workflow.check_published_edit(article, {"lead_image": kept})  # unchanged: fine
    with pytest.raises(workflow.PicturesRefused, match="“New”"):
        workflow.check_published_edit(article, {"lead_image": expired})
    workflow.check_published_edit(DraftFactory(), {"lead_image": expired})  # not out yet


# --- After publication -------------------------------------------------------------------


def test_a_picture_whose_rights_end_after_publication_may_not_be_shown_from_the_next_day():
    last_day = timezone.localdate() + DAY
    image = picture(may_be_used_until=last_day)
    ArticleFactory(lead_image=image)
    ends = usage.rights_end(image)

    assert timezone.localtime(ends).date() == last_day + DAY
    assert timezone.localtime(ends).time() == datetime.time(0, 0)
    assert image.is_usable(ends - datetime.timedelta(seconds=1))
    assert not image.is_usable(ends)


def test_the_cache_learns_when_the_next_pictures_rights_end(django_assert_num_queries):
    today = timezone.localdate()
    picture(may_be_used_until=today + 5 * DAY)
    soonest = picture(may_be_used_until=today + 2 * DAY)
    picture(may_be_used_until=today - DAY)  # over already: pages hide it
    picture(may_be_used=False, may_be_used_until=today + DAY)  # never shown
    picture()  # no end date

    with django_assert_num_queries(1):
        ends = usage.next_rights_end()

    assert ends == usage.rights_end(soonest)
    assert usage.next_rights_end(ends + 10 * DAY) is None


def test_reverting_a_live_story_to_a_figure_whose_rights_ended_is_refused_and_changes_nothing(
    chief, client
):
    from articles import revisions

    expired = picture(may_be_used_until=timezone.localdate() - datetime.timedelta(days=1))
    story = ArticleFactory(headline="Harbour", body="<p>The quay.</p>")
    story.body = "<p>The quay.</p>" + figure(expired)
    story.save()  # a draft edit of the past, recorded as a revision
    with_figure = revisions.article_versions(story.pk).first()
    story.body = "<p>The quay, rebuilt.</p>"
    story.save()
    client.force_login(chief)

    response = client.post(
        reverse("admin:articles_article_revision", args=[story.pk, with_figure.pk]), follow=True
    )

    messages = [str(message) for message in response.context["messages"]]
    assert any("Not reverted." in m and expired.title in m for m in messages), messages
    story.refresh_from_db()
    assert story.body == "<p>The quay, rebuilt.</p>"
