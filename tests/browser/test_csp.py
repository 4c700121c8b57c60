"""The site and the admin work under the Content-Security-Policy, in Chromium: a reader's
pages, and an editor's login, article form (rich-text editor, a paste, autosave, section
search, save), annotation screen and review queue, with no violation reported on the way.

Chromium reports each violation twice: a "securitypolicyviolation" event in the page and
a console message naming the "Content Security Policy directive" it broke. Both are
recorded, from before any page script runs."""

import pytest

from articles.models import Mention, MentionStatus
from tests.browser.editing import (
    body_editor,
    move_cursor_to_the_end,
    paste_html,
    select_words,
)
from tests.factories import member_of

pytestmark = pytest.mark.browser
# Imported here, not at the top: `make test` collects this file without Playwright installed.
expect = pytest.importorskip("playwright.sync_api").expect

TYPED = " Talks lasted two hours. "
# A copy from Google Docs: the editor reads its bold and italic from the style attributes,
# which only the admin's policy lets the browser apply.
PASTED = (
    '<b style="font-weight:normal;" id="docs-internal-guid-5b1c2d3e-7fff"><p dir="ltr">'
    '<span style="font-weight:400;">Both sides spoke </span>'
    '<span style="font-weight:700;">warmly</span>'
    '<span style="font-weight:400;font-style:italic;"> and at length.</span></p></b>'
)

# Runs in every page and frame before its own scripts; the binding outlives navigations.
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(
        `${event.effectiveDirective} refused ${event.blockedURI || "inline"} in ` +
        `${event.sourceFile || document.URL}:${event.lineNumber} (${event.sample})`);
}, true);
"""


@pytest.fixture
def violations(page):
    """Every CSP violation `page` reports, as text."""
    found = []
    page.expose_function("reportCspViolation", lambda report: found.append(report))
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and found.append(message.text),
    )
    return found


def reported(page, found):
    """The violations reported so far, once the page's pending events have been handled."""
    page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")
    return found


@pytest.fixture
def checked_story(story):
    """The story (tests/browser/conftest.py) with Kim Jong Un confirmed, so that readers
    have his page."""
    Mention.objects.filter(article=story["article"], exact="Kim Jong Un").update(
        status=MentionStatus.CONFIRMED
    )
    return story


def test_the_policy_is_enforced_and_a_violation_would_be_seen(live_server, page, violations):
    page.goto(f"{live_server.url}/")
    assert reported(page, violations) == []

    ran = page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true;";
            document.body.append(script);
            return window.injected === true;
        }"""
    )

    assert not ran
    assert any("script-src" in violation for violation in reported(page, violations))


def test_a_reader_browses_and_searches_with_no_violation(
    live_server, page, violations, checked_story
):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Kim arrives in Beijing by train").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kim arrives in Beijing by train")

    page.locator("main").get_by_role("link", name="Kim Jong Un").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kim Jong Un")

    page.get_by_role("searchbox", name="Search articles").fill("Beijing")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=Beijing")
    expect(page.locator("main")).to_contain_text("Kim arrives in Beijing by train")

    assert reported(page, violations) == []


def test_an_editor_edits_annotates_and_reviews_with_no_violation(
    live_server, page, violations, story, log_in
):
    article = story["article"]
    editor = member_of("Editors")

    # The login form, then the article form: the rich-text editor loads (its import map is
    # the one inline script, allowed by the response's nonce) and takes typing.
    log_in(page, editor, f"/admin/articles/article/{article.pk}/change/")
    body = body_editor(page)
    expect(body).to_contain_text("Xi thanked him.")
    body.click()
    move_cursor_to_the_end(page)
    page.keyboard.type(TYPED)
    expect(body).to_contain_text("Xi thanked him." + TYPED)
    # Autosave keeps the edit in the browser a moment later.
    page.wait_for_function(
        "([key, words]) => (localStorage.getItem(key) || '').includes(words)",
        arg=[f"newsroom:autosave:article:{article.pk}", TYPED],
    )
    # A paste keeps its bold and italic, and nothing else.
    paste_html(page, PASTED)
    expect(body.locator("strong")).to_have_text("warmly")
    expect(body.locator("em")).to_have_text(" and at length.")
    # The section's search box (select2) opens and closes.
    page.locator("#id_section + .select2 .select2-selection").click()
    expect(page.locator(".select2-search__field")).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    article.refresh_from_db()
    assert article.text.endswith(
        "Xi thanked him." + TYPED + "Both sides spoke warmly and at length."
    )
    assert "<strong>warmly</strong><em> and at length.</em>" in article.body

    # The annotation screen: select a name, open the popover, link it.
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/annotate/")
    select_words(page, "Choe")
    popover = page.locator("#annotate-popover")
    popover.get_by_role("heading", name="Link “Choe”").wait_for()
    popover.get_by_role("option", name="Choe Son Hui").click()
    expect(page.locator("#annotate-status")).to_have_text("Linked “Choe” to Choe Son Hui.")
    choe = Mention.objects.get(article=article, entity=story["choe"])
    assert (choe.exact, choe.status) == ("Choe", MentionStatus.CONFIRMED)

    # The review queue: tick a suggestion and accept it with the bulk action.
    page.goto(f"{live_server.url}/admin/articles/reviewmention/?q=Jinping")
    expect(page.locator("#result_list tbody tr")).to_have_count(2)  # "Xi Jinping", "Xi"
    page.locator("#action-toggle").check()
    expect(page.locator(".action-counter")).to_contain_text("2 of 2 selected")
    page.locator("select[name=action]").select_option(label="Accept (confirm) selected mentions")
    page.locator("button[name=index]").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(0)
    xi = Mention.objects.filter(article=article, entity=story["xi"])
    assert {(m.exact, m.status) for m in xi} == {
        ("Xi Jinping", MentionStatus.CONFIRMED),
        ("Xi", MentionStatus.CONFIRMED),
    }

    assert reported(page, violations) == []
