"""Playwright driving Debian's Chromium (apt-get install chromium); it never downloads a browser."""

import os
import shutil
import threading
import time

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# socketserver's name for the thread answering one connection.
REQUEST_THREAD = "(process_request_thread)"

# Playwright's sync API runs an event loop in this thread; the tests still talk to the
# database synchronously between browser steps, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    """Every browser test runs in real transactions, since the live server is another
    thread, and starts from what the migrations made (such as the editorial groups):
    emptying the tables between tests would lose it."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def close_contexts(*contexts):
    """Close browser contexts, then wait until the live server has answered all they sent.

    Closing a page fires its pagehide handlers, and the article form's presence beacon
    reaches the server after the context has closed; it must be answered before the test's
    database is emptied. A connection's thread ends once the browser closes it, and an open
    context keeps its connections: so every context closes first, and then the server's
    threads are joined until none is left (a beacon may come on a new connection).
    """
    for context in contexts:
        context.close()
    deadline = time.monotonic() + 10
    while busy := [t for t in threading.enumerate() if t.name.endswith(REQUEST_THREAD)]:
        if time.monotonic() > deadline:
            pytest.fail(f"the live server is still answering {len(busy)} closed connection(s)")
        for thread in busy:
            thread.join(timeout=max(0, deadline - time.monotonic()))


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    close_contexts(context)


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    close_contexts(context)


@pytest.fixture
def new_page(chromium):
    """Pages in contexts of their own: one browser per person in a journey."""
    contexts = []

    def open_page():
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    close_contexts(*contexts)


@pytest.fixture
def log_in(live_server):
    """Log `user` in through the admin's login form, landing on `path`."""

    def log_in_as(page, user, path="/admin/"):
        page.goto(f"{live_server.url}/admin/login/?next={path}")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill("correct horse battery staple")
        page.get_by_role("button", name="Log in").click()
        # The exact address: the login page's own ends with ?next=<path>.
        page.wait_for_url(f"{live_server.url}{path}")

    return log_in_as


STORY_BODY = (
    "North Korean leader Kim Jong Un arrived in Beijing by armored train on Tuesday.\n"
    "## Talks at the Great Hall\n"
    "Kim’s delegation included his foreign minister, Choe, who spoke first.\n"
    "He met President Xi Jinping, and Xi thanked him."
)


@pytest.fixture
def story():
    """A published wire story with its names suggested, and an annotator to check them."""
    from django.utils import timezone

    from articles.suggestions import suggest_mentions
    from tests.factories import ArticleFactory, PersonFactory, member_of

    kim = PersonFactory(name="Kim Jong Un", slug="kim-jong-un", aliases=["Kim"])
    xi = PersonFactory(name="Xi Jinping", slug="xi-jinping", aliases=["Xi"])
    choe = PersonFactory(name="Choe Son Hui", slug="choe-son-hui")
    article = ArticleFactory(
        headline="Kim arrives in Beijing by train",
        slug="kim-arrives-in-beijing",
        body=STORY_BODY,
        publish_at=timezone.now() - timezone.timedelta(minutes=5),
    )
    suggest_mentions(article)
    annotator = member_of("Annotators")
    return {"article": article, "kim": kim, "xi": xi, "choe": choe, "user": annotator}
