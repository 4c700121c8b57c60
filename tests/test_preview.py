"""Previews: staff see any article as readers will, and share signed links that expire."""

import re

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core import signing
from django.urls import include, path, resolve, reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from articles.admin import ArticleAdmin
from articles.models import Article, ArticleStatus
from articles.preview import SALT, PreviewAdminMixin, make_preview_link
from tests.factories import ArticleFactory, DraftFactory, UserFactory

# Until ArticleAdmin includes PreviewAdminMixin, these tests mount it on an admin site of
# their own, named "admin" like the real one so that the same URL names resolve.
if issubclass(ArticleAdmin, PreviewAdminMixin):
    PreviewArticleAdmin = ArticleAdmin
else:
    PreviewArticleAdmin = type("PreviewArticleAdmin", (PreviewAdminMixin, ArticleAdmin), {})
site = admin.AdminSite(name="admin")
site.register(Article, PreviewArticleAdmin)
urlpatterns = [path("admin/", site.urls), path("", include("articles.urls"))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

DAYS_3 = 3 * 24 * 60 * 60
MARCH_4_NOON = timezone.make_aware(timezone.datetime(2025, 3, 4, 12, 0))


@pytest.fixture
def draft():
    return DraftFactory(headline="Secret plans revealed", body="The plans are secret.")


def staff_preview_url(article):
    return reverse("admin:articles_article_preview", args=[article.pk])


def shared_url(article):
    return make_preview_link(article).url


def stored(article):
    """What a preview must never change."""
    return Article.objects.filter(pk=article.pk).values("status", "version", "updated_at").get()


def assert_is_a_preview(response):
    assert response.status_code == 200
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
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


# --- The staff preview ----------------------------------------------------------------------


def test_staff_see_a_draft_as_readers_will_with_a_banner(superuser_client, draft):
    response = superuser_client.get(staff_preview_url(draft))

    assert_previews_the_draft(response)
    assertNotContains(response, 'rel="canonical"')


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


def test_the_staff_preview_offers_the_full_shared_link(superuser_client, draft):
    with time_machine.travel(MARCH_4_NOON, tick=False):
        response = superuser_client.get(staff_preview_url(draft))

    assertContains(response, "Share this link (valid until 7 March 2025, 12:00)")
    url = re.search(r'id="share-link" type="text" readonly value="([^"]+)"', response.text)[1]
    assert url.startswith("http://testserver/preview/")


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


# --- Shared links ---------------------------------------------------------------------------


def test_anyone_with_the_link_sees_the_preview_without_logging_in(client, draft):
    response = client.get(shared_url(draft))

    assert_previews_the_draft(response)
    assertNotContains(response, "Share this link")
    assert "sessionid" not in response.cookies


def test_a_link_works_until_it_expires_and_then_is_404(client, draft):
    made = timezone.now()
    url = shared_url(draft)
    before = stored(draft)

    with time_machine.travel(made + timezone.timedelta(seconds=DAYS_3 - 60)):
        assert_is_a_preview(client.get(url))
    with time_machine.travel(made + timezone.timedelta(seconds=DAYS_3 + 60)):
        response = client.get(url)

    assert response.status_code == 404
    assertNotContains(response, "Secret plans", status_code=404)
    assert stored(draft) == before


def test_the_lifetime_of_links_is_a_setting(client, draft, settings):
    settings.NEWSROOM_PREVIEW_MAX_AGE = 60
    made = timezone.now()
    with time_machine.travel(made, tick=False):
        link = make_preview_link(draft)

    assert link.expires_at == made + timezone.timedelta(seconds=60)
    with time_machine.travel(made + timezone.timedelta(seconds=120)):
        assert client.get(link.url).status_code == 404


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"), id="signature"),
        pytest.param(lambda token: "OTk5" + token[token.index(":") :], id="payload"),
        pytest.param(lambda token: token.rsplit(":", 1)[0], id="no-signature"),
        pytest.param(lambda token: "nonsense", id="nonsense"),
        pytest.param(lambda token: signing.dumps(999, salt=SALT)[:-2], id="truncated"),
    ],
)
def test_a_tampered_link_is_404_and_changes_nothing(client, draft, tamper):
    token = signing.dumps(draft.pk, salt=SALT)
    before = stored(draft)

    response = client.get(reverse("articles:preview", args=[tamper(token)]))

    assert response.status_code == 404
    assertNotContains(response, "Secret plans", status_code=404)
    assert stored(draft) == before


def test_a_value_signed_for_another_purpose_is_not_a_preview_link(client, draft):
    for token in (signing.dumps(draft.pk), signing.dumps(draft.pk, salt="another.salt")):
        response = client.get(reverse("articles:preview", args=[token]))
        assert response.status_code == 404


def test_the_link_to_a_deleted_article_is_404(client, draft):
    url = shared_url(draft)
    draft.delete()

    assert client.get(url).status_code == 404


def test_the_link_to_a_withdrawn_article_is_404(client):
    article = ArticleFactory(headline="Story under a legal notice")
    url = shared_url(article)
    assert client.get(url).status_code == 200

    article.status = ArticleStatus.WITHDRAWN
    article.save()

    assert client.get(url).status_code == 404


def test_a_link_shows_the_article_as_last_saved(client, draft):
    url = shared_url(draft)
    draft.headline = "Plans no longer secret"
    draft.status = ArticleStatus.REVIEW
    draft.save()

    response = client.get(url)

    assertContains(response, "<h1>Plans no longer secret</h1>", html=True)
    assertContains(response, "not published (in review)")


# --- The admin's field ----------------------------------------------------------------------


def test_the_admin_field_links_to_the_preview_and_shows_the_link_to_share(draft):
    model_admin = PreviewArticleAdmin(Article, site)
    with time_machine.travel(MARCH_4_NOON, tick=False):
        html = model_admin.preview_links(draft)

    assert f'href="{staff_preview_url(draft)}"' in html
    assert "Share this link (valid until 7 March 2025, 12:00)" in html
    token = re.search(r'value="/preview/([^/"]+)/"', html)[1]
    assert signing.loads(token, salt=SALT) == draft.pk


def test_the_admin_field_waits_for_a_saved_article(draft):
    model_admin = PreviewArticleAdmin(Article, site)

    assert "once the article is saved" in model_admin.preview_links(Article())


def test_the_staff_preview_url_is_not_taken_by_the_admins_own(draft):
    # The admin answers any other "<id>/<anything>/" by redirecting to the change form.
    assert resolve(staff_preview_url(draft)).url_name == "articles_article_preview"
