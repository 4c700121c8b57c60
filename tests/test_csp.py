"""The Content-Security-Policy header: sent on public and admin pages, with a nonce only
where an inline script needs one (the admin's article form), never on a cached page.

tests/browser/test_csp.py checks in Chromium that the pages work under it."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import ArticleFactory, PersonFactory, mention_of

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"'nonce-([^']+)'")
# Every page gets these; script-src gains this response's nonce where a page uses it.
KEY_DIRECTIVES = {
    "default-src": "'self'",
    "style-src": f"'self' {settings.TIPTAP_BASE_CSS}",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy_of(response) -> dict[str, str]:
    """The response's Content-Security-Policy, directive by directive."""
    parts = (part.strip().partition(" ") for part in response["Content-Security-Policy"].split(";"))
    return {name: value for name, _, value in parts}


class InlineCode(HTMLParser):
    """What in a page would need the policy's leave to run: inline scripts (but data
    blocks), event-handler attributes and style attributes."""

    DATA_TYPES = {"application/ld+json", "application/json"}

    def __init__(self):
        super().__init__()
        self.found = []  # (what, nonce)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") not in self.DATA_TYPES:
            self.found.append((f"<script type={attrs.get('type')}>", attrs.get("nonce")))
        for name in attrs:
            if name.startswith("on") or name == "style":
                self.found.append((f"{name}= on <{tag}>", None))


def inline_code(response) -> list[tuple[str, str | None]]:
    parser = InlineCode()
    parser.feed(response.content.decode())
    return parser.found


@pytest.fixture
def story():
    person = PersonFactory(name="Kim Jong Un", slug="kim-jong-un")
    article = ArticleFactory(
        headline="Kim arrives in Beijing",
        slug="kim-arrives",
        body="Kim Jong Un arrived in Beijing.\nHe met Xi Jinping.",
    )
    mention_of(article, person)
    return article


@pytest.mark.parametrize(
    "path", ["/", "/articles/kim-arrives/", "/people/kim-jong-un/", "/search/?q=Beijing"]
)
def test_public_pages_send_the_policy_and_have_no_inline_code(client, story, path):
    response = client.get(path)

    assert response.status_code == 200
    policy = policy_of(response)
    assert policy["script-src"] == "'self'"
    assert {name: policy[name] for name in KEY_DIRECTIVES} == KEY_DIRECTIVES
    assert "style-src-attr" not in policy
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    # So no nonce is needed, and none may be cached with the page.
    assert inline_code(response) == []


def test_a_cached_page_is_served_with_the_same_policy_it_was_built_under(story):
    reader = Client()
    first = reader.get("/articles/kim-arrives/")
    second = reader.get("/articles/kim-arrives/")

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "nonce" not in first["Content-Security-Policy"]
    assert b"nonce=" not in second.content


def test_admin_pages_send_the_policy_and_may_apply_style_attributes(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    policy = policy_of(response)
    assert policy["script-src"] == "'self'"
    assert {name: policy[name] for name in KEY_DIRECTIVES} == KEY_DIRECTIVES
    # The body editor reads pasted bold and italic through them (articles/content_security.py).
    assert policy["style-src-attr"] == "'unsafe-inline'"
    assert inline_code(response) == []


def test_the_article_form_gives_its_inline_import_map_the_nonce_of_its_header(
    superuser_client, story
):
    response = superuser_client.get(f"/admin/articles/article/{story.pk}/change/")

    assert response.status_code == 200
    (nonce,) = NONCE.findall(policy_of(response)["script-src"])
    assert policy_of(response)["script-src"] == f"'self' 'nonce-{nonce}'"
    # The prose editor's import map is the form's one inline script, and it has the nonce.
    assert inline_code(response) == [("<script type=importmap>", nonce)]


def test_the_nonce_is_new_on_every_response(superuser_client, story):
    url = f"/admin/articles/article/{story.pk}/change/"
    nonces = [NONCE.findall(superuser_client.get(url)["Content-Security-Policy"]) for _ in "ab"]

    assert all(len(found) == 1 for found in nonces)
    assert nonces[0] != nonces[1]


def test_the_editors_base_css_is_allowed_by_its_hash():
    """The prose editor (Tiptap) adds its base CSS as a <style> element, allowed by its hash;
    a new django-prose-editor may bring other CSS, and then a new hash for the settings."""
    with open(finders.find("django_prose_editor/editor.js"), encoding="utf-8") as bundle:
        source = bundle.read()
    # A template literal in the bundle, from its first rule to the closing backquote.
    start = source.index("`.ProseMirror {") + 1
    css = source[start : source.index("`", start)]
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()

    assert f"'sha256-{digest}'" == settings.TIPTAP_BASE_CSS
