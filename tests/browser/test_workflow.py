"""A newsroom's day in Chromium: a reporter submits, an editor schedules, and a reader sees
the article only once its time has come. The test sets the clock; nothing sleeps."""

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.models import Article, ArticleStatus
from tests.browser.editing import body_editor
from tests.factories import SectionFactory, UserFactory

pytestmark = pytest.mark.browser
# Imported here, not at the top: `make test` collects this file without Playwright installed.
expect = pytest.importorskip("playwright.sync_api").expect

HEADLINE = "Ferry service to the islands resumes"


@pytest.fixture
def newsroom():
    SectionFactory(name="Local", slug="local")
    people = {}
    for username, group in [("rosa", "Reporters"), ("ed", "Editors")]:
        people[username] = UserFactory(username=username)
        people[username].groups.add(Group.objects.get(name=group))
    return people


def test_a_reporter_submits_an_editor_schedules_and_readers_wait(
    live_server, new_page, log_in, newsroom
):
    start = timezone.now().replace(microsecond=0)
    with time_machine.travel(start, tick=True):
        # The reporter writes a new article and submits it for review.
        reporter = new_page()
        log_in(reporter, newsroom["rosa"], "/admin/articles/article/add/")
        reporter.get_by_label("Headline").fill(HEADLINE)
        body = body_editor(reporter)
        body.click()
        reporter.keyboard.type("The ferry sails again from Monday.")
        reporter.keyboard.press("Enter")
        reporter.keyboard.type("Tickets are free.")
        expect(body.locator("p")).to_have_text(
            ["The ferry sails again from Monday.", "Tickets are free."]
        )
        reporter.locator("#id_section + .select2 .select2-selection").click()
        reporter.locator(".select2-search__field").fill("Loc")
        reporter.locator(".select2-results__option", has_text="Local").click()
        reporter.get_by_role("button", name="Save and submit for review").click()
        reporter.get_by_text("rosa submitted it for review").first.wait_for()
        article = Article.objects.get(headline=HEADLINE)
        assert article.status == ArticleStatus.REVIEW
        assert article.body == (
            "<p>The ferry sails again from Monday.</p>\n<p>Tickets are free.</p>"
        )

        # The editor schedules it for an hour from now.
        editor = new_page()
        log_in(editor, newsroom["ed"], f"/admin/articles/article/{article.pk}/change/")
        go_live = timezone.localtime(start + timezone.timedelta(hours=1))
        editor.locator("#id_publish_at_0").fill(f"{go_live:%Y-%m-%d}")
        editor.locator("#id_publish_at_1").fill(f"{go_live:%H:%M:%S}")
        editor.get_by_label("Comment").fill("Embargoed until the council announces it")
        editor.get_by_role("button", name="Save and publish or schedule").click()
        editor.get_by_text(f"ed scheduled it for {go_live:%d %b %Y, %H:%M}").first.wait_for()
        assert "Scheduled for" in editor.locator(".workflow").inner_text()

        # A reader finds nothing before its time.
        reader = new_page()
        reader.goto(f"{live_server.url}{article.get_absolute_url()}")
        assert "Page not found" in reader.title() or reader.locator("h1").inner_text() != HEADLINE
        reader.goto(f"{live_server.url}/")
        assert HEADLINE not in reader.locator("main").inner_text()

    with time_machine.travel(go_live + timezone.timedelta(seconds=1), tick=True):
        reader.goto(f"{live_server.url}/")
        reader.get_by_role("link", name=HEADLINE).first.click()
        # Expectations wait for the article page; the home page has headings too.
        expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
        expect(reader.locator("main")).to_contain_text("The ferry sails again from Monday.")
