"""Previews: staff see any article as readers will; those who may edit it share links that
show it as it was when shared, until they expire or are revoked."""

import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import resolve, reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles import revisions, workflow
from articles.models import Article, ArticleStatus, PreviewLink
from articles.preview import make_preview_link
from tests.factories import (
    ArticleFactory,
    DraftFactory,
    PersonFactory,
    UserFactory,
    member_of,
    mention_of,
)

pytestmark = pytest.mark.django_db

DAYS_3 = 3 * 24 * 60 * 60
MARCH_4_NOON = timezone.make_aware(timezone.datetime(2025, 3, 4, 12, 0))


@pytest.fixture
def draft():
    return DraftFactory(headline="Secret plans revealed", body="The plans are secret.")


@pytest.fixture
def editor():
    return member_of("Editors")


def staff_preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def share_url(article):
    return reverse("admin:articles_article_share_preview", args=[article.pk])


def revoke_url(link):
    return reverse("admin:articles_article_revoke_preview", args=[link.article_id, link.pk])


def revoke_all_url(article):
    return reverse("admin:articles_article_revoke_all_previews", args=[article.pk])


def shared_url(article, user=None):
    return make_preview_link(article, user).url


def stored(article):
    """What a preview must never change."""
    return Article.objects.filter(pk=article.pk).values("status", "version", "updated_at").get()


def assert_is_a_preview(response, status=200):
    assert response.status_code == status
    assertContains(
        response, '<meta name="robots" content="noindex">', html=True, status_code=status
    )
    assert response["X-Robots-Tag"] == "noindex"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control


def assert_previews_the_draft(response):
    assert_is_a_preview(response)
    assertContains(response, "<h1>Secret plans revealed</h1>", html=True)
    assertContains(response, "The plans are secret.")
    assertContains(
        response,
        "<p><strong>Preview:</strong> not published (draft). Readers cannot see it.</p>",
        html=True,
    )


def assert_gone(response, says):
    assert_is_a_preview(response, status=410)
    assertContains(response, says, status_code=410)
    assertNotContains(response, "Secret plans", status_code=410)


def logged_in(client, user):
    client.force_login(user)
    return client


# --- The staff preview ----------------------------------------------------------------------


def test_staff_see_a_draft_as_readers_will_with_a_banner(superuser_client, draft):
    response = superuser_client.get(staff_preview_url(draft))

    assert_previews_the_draft(response)
    assertNotContains(response, 'rel="canonical"')
    assertNotContains(response, "Shared on")


def test_staff_see_a_scheduled_article_with_its_time(superuser_client):
    publish_at = timezone.now() + timezone.timedelta(days=2)
    article = ArticleFactory(publish_at=publish_at)

    response = superuser_client.get(staff_preview_url(article))

    assert_is_a_preview(response)
    local = timezone.localtime(publish_at)
    assertContains(response, f'scheduled for <time datetime="{local.isoformat()}">')
    assertContains(response, local.strftime("%-d %B %Y, %H:%M"))


def test_the_preview_of_a_published_article_is_its_public_page_plus_the_banner(
    superuser_client, client
):
    article = ArticleFactory(tags=["Railways"])

    public = client.get(article.get_absolute_url()).content.decode()
    preview = superuser_client.get(staff_preview_url(article)).content.decode()

    def article_element(html):
        return re.search(r"<article class=\"article\">.*</article>", html, re.S).group(0)

    assert article_element(preview) == article_element(public)
    assert "published. Readers see it at" in preview


def test_the_staff_preview_mints_no_link(superuser_client, draft):
    response = superuser_client.get(staff_preview_url(draft))

    assertNotContains(response, "/preview/")
    assert not PreviewLink.objects.exists()


def test_the_staff_preview_needs_permission_to_view_articles(client, draft):
    user = UserFactory(username="stranger")  # staff, but in no group
    client.force_login(user)

    assert client.get(staff_preview_url(draft)).status_code == 403

    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    assert_is_a_preview(client.get(staff_preview_url(draft)))


def test_the_staff_preview_asks_visitors_to_log_in(client, draft):
    response = client.get(staff_preview_url(draft))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_staff_preview_of_an_unknown_article_is_404(superuser_client):
    assert (
        superuser_client.get(reverse("admin:articles_article_preview", args=[999])).status_code
        == 404
    )


def test_the_admin_urls_are_not_taken_by_the_admins_own(draft):
    # The admin answers any other "<id>/<anything>/" by redirecting to the change form.
    link = make_preview_link(draft)
    assert resolve(staff_preview_url(draft)).url_name == "articles_article_preview"
    assert resolve(share_url(draft)).url_name == "articles_article_share_preview"
    assert resolve(revoke_url(link)).url_name == "articles_article_revoke_preview"
    assert resolve(revoke_all_url(draft)).url_name == "articles_article_revoke_all_previews"


# --- Sharing: only those who may edit the article -------------------------------------------


def test_an_editor_shares_any_article(client, editor):
    article = ArticleFactory(headline="Xi hosts Kim")  # someone else's, published
    with time_machine.travel(MARCH_4_NOON, tick=False):
        response = logged_in(client, editor).post(share_url(article))

    assert response.status_code == 302
    assert response["Location"].startswith(change_url(article))
    link = article.preview_links.get()
    assert link.created_by == editor
    assert link.version == article.version
    assert link.created_at == MARCH_4_NOON
    assert link.expires_at == MARCH_4_NOON + timezone.timedelta(seconds=DAYS_3)
    assert len(link.token) >= 32
    with time_machine.travel(MARCH_4_NOON, tick=False):
        assert link.state == "active" and link.is_active
    message = str(list(response.wsgi_request._messages)[0])
    assert "works until 7 March 2025, 12:00" in message
    assert f"http://testserver/preview/{link.token}/" in message


def test_a_reporter_shares_their_own_draft_only(client):
    reporter = member_of("Reporters")
    own = DraftFactory(created_by=reporter)
    others = DraftFactory()
    logged_in(client, reporter)

    assert client.post(share_url(own)).status_code == 302
    assert client.post(share_url(others)).status_code == 403
    assert list(PreviewLink.objects.values_list("article", flat=True)) == [own.pk]

    workflow.take_step(own, "submit", reporter)  # in review: no longer theirs to edit
    assert client.post(share_url(own)).status_code == 403
    assert PreviewLink.objects.count() == 1


@pytest.mark.parametrize("who", ["Annotators", "staff in no group"])
def test_those_who_may_not_edit_may_not_share_nor_revoke(client, draft, who):
    user = member_of(who) if who == "Annotators" else UserFactory(username="intern")
    link = make_preview_link(draft)
    logged_in(client, user)

    assert client.post(share_url(draft)).status_code == 403
    assert client.post(revoke_url(link)).status_code == 403
    assert client.post(revoke_all_url(draft)).status_code == 403

    assert PreviewLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_sharing_is_a_post(client, editor, draft):
    logged_in(client, editor)

    assert client.get(share_url(draft)).status_code == 405
    assert client.get(revoke_all_url(draft)).status_code == 405
    assert not PreviewLink.objects.exists()


def test_a_withdrawn_article_is_not_shared(client, editor):
    article = ArticleFactory(status=ArticleStatus.WITHDRAWN)

    response = logged_in(client, editor).post(share_url(article))

    assert response.status_code == 302
    assert not PreviewLink.objects.exists()


# --- The admin's field ----------------------------------------------------------------------


def test_the_form_lists_the_links_with_who_shared_them(client, editor, draft):
    reporter = UserFactory(username="rita", first_name="Rita", last_name="Reyes")
    with time_machine.travel(MARCH_4_NOON, tick=False):
        old = make_preview_link(draft, reporter)
    with time_machine.travel(MARCH_4_NOON + timezone.timedelta(days=1), tick=False):
        revoked = make_preview_link(draft, editor)
        PreviewLink.objects.filter(pk=revoked.pk).revoke(editor)
    active = make_preview_link(draft, editor)

    response = logged_in(client, editor).get(change_url(draft))

    html = response.content.decode()
    assertContains(response, f'href="{staff_preview_url(draft)}"')
    assertContains(response, f'value="http://testserver/preview/{active.token}/"')
    assertContains(response, "Rita Reyes on 4 March 2025, 12:00")
    assertContains(response, "Expired on 7 March 2025, 12:00")
    assertContains(response, "Revoked on 5 March 2025, 12:00")
    # Newest first.
    assert html.index(active.token) < html.index(revoked.token) < html.index(old.token)
    for url in [share_url(draft), revoke_url(active), revoke_all_url(draft)]:
        assertContains(response, f'formaction="{url}" formmethod="post" formnovalidate')
    # Only the active link can be revoked.
    assertNotContains(response, revoke_url(old))
    assertNotContains(response, revoke_url(revoked))


def test_those_who_may_not_edit_see_the_links_without_buttons(client, draft):
    link = make_preview_link(draft)

    response = logged_in(client, member_of("Annotators")).get(change_url(draft))

    assertContains(response, link.token)
    assertContains(response, f'href="{staff_preview_url(draft)}"')
    assertNotContains(response, "formaction=")


def test_the_form_offers_sharing_before_any_link(client, editor, draft):
    response = logged_in(client, editor).get(change_url(draft))

    assertContains(response, "No preview link has been shared.")
    assertContains(response, f'formaction="{share_url(draft)}"')
    assertNotContains(response, revoke_all_url(draft))


def test_the_admin_field_waits_for_a_saved_article():
    from django.contrib import admin

    model_admin = admin.site._registry[Article]
    assert "once the article is saved" in model_admin.preview_links(Article())


# --- Revoking --------------------------------------------------------------------------------


def test_revoking_one_link_leaves_the_others(client, editor, draft):
    first, second = make_preview_link(draft, editor), make_preview_link(draft, editor)
    with time_machine.travel(MARCH_4_NOON, tick=False):
        response = logged_in(client, editor).post(revoke_url(first))

    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.state, first.revoked_by, first.revoked_at) == ("revoked", editor, MARCH_4_NOON)
    assert second.is_active
    assert_gone(client.get(first.url), "This preview link was revoked on")
    assertContains(client.get(first.url), ">4 March 2025, 12:00</time>", status_code=410)
    assertContains(client.get(first.url), "share a new", status_code=410)
    assert_previews_the_draft(client.get(second.url))


def test_revoking_all_links(client, editor, draft):
    links = [make_preview_link(draft, editor) for _ in range(3)]
    other = make_preview_link(DraftFactory(), editor)

    response = logged_in(client, editor).post(revoke_all_url(draft))

    assert response.status_code == 302
    assert "3 preview links were revoked." in str(list(response.wsgi_request._messages)[0])
    for link in links:
        assert client.get(link.url).status_code == 410
    assert client.get(other.url).status_code == 200
    assert draft.preview_links.active().count() == 0


def test_a_revoked_link_keeps_its_first_revocation(client, editor, draft):
    link = make_preview_link(draft, editor)
    with time_machine.travel(MARCH_4_NOON, tick=False):
        PreviewLink.objects.filter(pk=link.pk).revoke(editor)

    logged_in(client, editor).post(revoke_url(link))
    client.post(revoke_all_url(draft))

    link.refresh_from_db()
    assert link.revoked_at == MARCH_4_NOON


def test_a_withdrawal_revokes_every_link(client, editor):
    article = ArticleFactory(headline="Secret plans revealed")
    link = make_preview_link(article, editor)

    workflow.take_step(article, "withdraw", editor)

    link.refresh_from_db()
    assert (link.state, link.revoked_by) == ("revoked", editor)
    assert_gone(client.get(link.url), "This preview link was revoked on")


def test_a_return_to_draft_revokes_every_link(client, editor):
    article = DraftFactory(status=ArticleStatus.REVIEW)
    links = [make_preview_link(article, editor) for _ in range(2)]

    workflow.take_step(article, "to_draft", editor)

    assert [link.url for link in links if client.get(link.url).status_code == 410] == [
        link.url for link in links
    ]


def test_other_steps_keep_the_links(client, editor, draft):
    link = make_preview_link(draft, editor)

    workflow.take_step(draft, "submit", editor)

    assert client.get(link.url).status_code == 200


# --- Opening a shared link -------------------------------------------------------------------


def test_anyone_with_the_link_sees_the_preview_without_logging_in(client, editor, draft):
    with time_machine.travel(MARCH_4_NOON, tick=False):
        url = shared_url(draft, editor)
        response = client.get(url)

    assert_previews_the_draft(response)
    assertContains(response, "Shared on")
    assertContains(response, "4 March 2025")
    shared = re.search(r'<p class="preview-shared">.*?</p>', response.text, re.S)[0]
    assert editor.username not in shared and " by " not in shared  # nor who shared it
    assertNotContains(response, "changed since it was shared")
    assert "sessionid" not in response.cookies


def test_a_link_works_until_it_expires_and_then_says_so(client, draft):
    with time_machine.travel(MARCH_4_NOON, tick=False):
        url = shared_url(draft)
    before = stored(draft)

    with time_machine.travel(MARCH_4_NOON + timezone.timedelta(seconds=DAYS_3 - 60)):
        assert_is_a_preview(client.get(url))
    with time_machine.travel(MARCH_4_NOON + timezone.timedelta(seconds=DAYS_3 + 60)):
        response = client.get(url)
        assert PreviewLink.objects.get().state == "expired"

    assert_gone(response, "This preview link expired on")
    assertContains(response, ">7 March 2025, 12:00</time>", status_code=410)
    assertContains(response, "share a new", status_code=410)
    assert stored(draft) == before


def test_the_lifetime_of_links_is_a_setting(client, draft, settings):
    settings.NEWSROOM_PREVIEW_MAX_AGE = 60
    with time_machine.travel(MARCH_4_NOON, tick=False):
        link = make_preview_link(draft)

    assert link.expires_at == MARCH_4_NOON + timezone.timedelta(seconds=60)
    assert PreviewLink.objects.active(now=MARCH_4_NOON + timezone.timedelta(seconds=59)).exists()
    assert not PreviewLink.objects.active(now=MARCH_4_NOON + timezone.timedelta(seconds=60))
    with time_machine.travel(MARCH_4_NOON + timezone.timedelta(seconds=120)):
        assert client.get(link.url).status_code == 410


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), id="changed"),
        pytest.param(lambda token: token[:-2], id="truncated"),
        pytest.param(lambda token: token + "x", id="longer"),
        pytest.param(lambda token: "nonsense", id="nonsense"),
    ],
)
def test_a_tampered_or_unknown_link_is_404_and_changes_nothing(client, draft, tamper):
    link = make_preview_link(draft)
    before = stored(draft)

    response = client.get(reverse("articles:preview", args=[tamper(link.token)]))

    assert response.status_code == 404
    assertNotContains(response, "Secret plans", status_code=404)
    assert stored(draft) == before


def test_the_link_to_a_deleted_article_is_404(client, draft):
    url = shared_url(draft)
    draft.delete()

    assert client.get(url).status_code == 404
    assert not PreviewLink.objects.exists()


def test_the_link_to_a_withdrawn_article_is_gone(client):
    article = ArticleFactory(headline="Secret plans under a legal notice")
    url = shared_url(article)
    assert client.get(url).status_code == 200

    # Withdrawn without the workflow (as an import might): still gone.
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.WITHDRAWN)

    assert_gone(client.get(url), "has been withdrawn")


def test_opening_a_link_writes_nothing(client, editor, draft, django_assert_max_num_queries):
    link = make_preview_link(draft, editor)
    before = stored(draft), list(PreviewLink.objects.values())
    from reversion.models import Version

    versions = Version.objects.count()

    assert_is_a_preview(client.get(link.url))
    PreviewLink.objects.filter(pk=link.pk).revoke(editor)
    after_revoking = list(PreviewLink.objects.values())
    client.get(link.url)

    assert stored(draft) == before[0]
    assert list(PreviewLink.objects.values()) == after_revoking
    assert Version.objects.count() == versions


# --- The version shared ----------------------------------------------------------------------


@pytest.fixture
def kim():
    kim = PersonFactory(name="Kim Jong Un", aliases=["Kim"])
    # Named by a published article, so that his page is public and a mention links to it.
    mention_of(ArticleFactory(body="Kim Jong Un arrived."), kim)
    return kim


def edit(article, user, **fields):
    """Edit `article` as the admin does: saved, with a revision recorded."""
    with revisions.recording(article, user):
        for name, value in fields.items():
            setattr(article, name, value)
        article.save()


def test_a_link_shows_the_version_shared_even_after_a_later_edit(client, editor, kim):
    draft = DraftFactory(
        headline="Secret plans revealed",
        dek="What they plan",
        body="<p>Kim Jong Un has secret plans.</p>",
    )
    mention_of(draft, kim)
    revisions.record_revision(draft, editor)  # as the annotation screen does
    link = make_preview_link(draft, editor)
    shared_version = draft.version

    edit(
        draft,
        editor,
        headline="Plans no longer secret",
        dek="What they did",
        body="<p>The plans were leaked.</p>",
    )
    draft.mentions.all().delete()
    assert draft.version > shared_version

    response = client.get(link.url)

    assert_is_a_preview(response)
    assertContains(response, "<h1>Secret plans revealed</h1>", html=True)
    assertContains(response, "What they plan")
    assertContains(response, "has secret plans.")
    assertContains(response, f'href="{kim.get_absolute_url()}"')
    assertNotContains(response, "Plans no longer secret")
    assertNotContains(response, "leaked")
    assertNotContains(response, "changed since it was shared")
    # The current version, for staff.
    staff = client.__class__()
    staff.force_login(editor)
    current = staff.get(staff_preview_url(draft))
    assertContains(current, "<h1>Plans no longer secret</h1>", html=True)
    assertNotContains(current, f'href="{kim.get_absolute_url()}"')
    # A new link shows the new version.
    assertContains(client.get(shared_url(draft)), "leaked")


def test_a_link_shows_the_status_of_now(client, editor, draft):
    url = shared_url(draft, editor)
    workflow.take_step(draft, "submit", editor)

    response = client.get(url)

    assertContains(response, "<h1>Secret plans revealed</h1>", html=True)
    assertContains(response, "not published (in review)")


def test_sharing_records_the_revision_it_shows_if_none_is_kept(editor, draft):
    revisions.article_versions(draft.pk).delete()

    make_preview_link(draft, editor)
    make_preview_link(draft, editor)

    assert revisions.article_versions(draft.pk).count() == 1
    assert revisions.article_version_numbered(draft.pk, draft.version) is not None


def test_when_the_revision_shared_is_gone_the_link_shows_now_with_a_note(client, editor, draft):
    url = shared_url(draft, editor)
    edit(draft, editor, headline="Plans no longer secret")
    # Old revisions pruned (reversion's deleterevisions keeps only the last one).
    newest = revisions.article_versions(draft.pk).first()
    revisions.article_versions(draft.pk).exclude(pk=newest.pk).delete()

    response = client.get(url)

    assert_is_a_preview(response)
    assertContains(response, "<h1>Plans no longer secret</h1>", html=True)
    assertContains(response, "This article has changed since it was shared")
