"""An editor's unsaved edits survive a reload in the browser's local storage, in Chromium.

The body is written in the rich-text editor, which keeps the hidden textarea "body" up to
date: autosave copies that, and a restored copy is shown in the editor."""

import json
import re
import time

import pytest
from django.contrib.auth.models import User

from articles import body as article_body
from articles.models import Article
from tests.browser.editing import body_editor, move_cursor_to_the_end
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.browser
# Imported here, not at the top: `make test` collects this file without Playwright installed.
expect = pytest.importorskip("playwright.sync_api").expect

PASSWORD = "correct horse battery staple"
# As the server stores it, and so as the form's textarea holds it when the page loads.
BODY = "<p>Kim Jong Un arrived in Beijing.</p>\n<p>He met Xi Jinping.</p>"
TYPED = " Talks lasted two hours."
# As the editor writes it into the textarea once TYPED is typed at the end.
EDITED = "<p>Kim Jong Un arrived in Beijing.</p><p>He met Xi Jinping. Talks lasted two hours.</p>"
# As the server stores that.
SAVED = article_body.sanitise(EDITED)
PROMPT = re.compile(r"Unsaved changes from \d\d:\d\d were kept in this browser\.")


@pytest.fixture
def article():
    UserFactory(username="chief", is_superuser=True)  # its password is PASSWORD
    return ArticleFactory(headline="Kim arrives in Beijing", body=BODY)


@pytest.fixture
def form(article, live_server, page):
    """The article's change form, open for a logged-in editor.

    The database comes first so that it is emptied only after the page has closed.
    """
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("chief")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    return page


def key(article):
    return f"newsroom:autosave:article:{article.pk}"


def stored_copy(page, article):
    return json.loads(page.evaluate("(key) => localStorage.getItem(key)", key(article)) or "null")


def type_into_body(page, article, words):
    """Type at the end of the body, then wait until autosave has kept it."""
    body_editor(page).click()
    move_cursor_to_the_end(page)
    page.keyboard.type(words)
    page.wait_for_function(
        "([key, words]) => (localStorage.getItem(key) || '').includes(words)",
        arg=[key(article), words],
    )


def test_unsaved_changes_are_offered_back_after_a_reload_and_restored(form, article):
    type_into_body(form, article, TYPED)

    form.reload()

    prompt = form.locator(".autosave-prompt")
    expect(prompt).to_contain_text(PROMPT)
    assert form.locator("#id_body").input_value() == BODY
    expect(body_editor(form)).not_to_contain_text(TYPED)
    prompt.get_by_role("button", name="Restore").click()
    expect(prompt).to_have_count(0)
    # The editor shows the copy, and the textarea it keeps holds it.
    expect(body_editor(form)).to_contain_text("He met Xi Jinping." + TYPED)
    expect(form.locator("#id_body")).to_have_value(EDITED)

    # Writing on goes on from the restored text, and saving stores all of it.
    type_into_body(form, article, " Both sides spoke.")
    form.get_by_role("button", name="Save and continue editing").first.click()
    expect(form.locator(".messagelist .success")).to_have_count(1)
    article.refresh_from_db()
    assert article.text.endswith("He met Xi Jinping." + TYPED + " Both sides spoke.")


def test_a_discarded_copy_is_gone_for_good(form, article):
    type_into_body(form, article, TYPED)
    form.reload()

    form.locator(".autosave-prompt").get_by_role("button", name="Discard").click()

    expect(form.locator(".autosave-prompt")).to_have_count(0)
    assert stored_copy(form, article) is None
    form.reload()
    expect(form.locator("#id_body")).to_have_value(BODY)
    expect(form.locator(".autosave-prompt")).to_have_count(0)


def test_an_edit_undone_leaves_nothing_to_offer_back(form, article):
    type_into_body(form, article, TYPED)
    form.keyboard.press("Control+z")
    expect(body_editor(form)).not_to_contain_text(TYPED)
    # Kept as the editor writes the body: the server's text in another spelling.
    form.wait_for_function(
        "([key, words]) => !(localStorage.getItem(key) || words).includes(words)",
        arg=[key(article), TYPED],
    )
    assert stored_copy(form, article)["fields"]["body"] != BODY

    form.reload()

    expect(body_editor(form)).to_contain_text("He met Xi Jinping.")
    expect(form.locator(".autosave-prompt")).to_have_count(0)
    assert stored_copy(form, article) is None


def test_a_copy_left_when_the_tab_was_closed_is_offered_in_a_new_tab(form, article):
    url = form.url
    type_into_body(form, article, TYPED)
    context = form.context
    form.close()

    page = context.new_page()
    page.goto(url)

    expect(page.locator(".autosave-prompt")).to_contain_text(PROMPT)


def test_a_copy_is_deleted_once_its_save_went_through(form, article):
    type_into_body(form, article, TYPED)

    form.get_by_role("button", name="Save and continue editing").first.click()

    expect(form.locator(".messagelist .success")).to_have_count(1)
    form.wait_for_load_state()  # autosave settles the copy once the page has loaded
    assert stored_copy(form, article) is None
    article.refresh_from_db()
    assert article.body == SAVED


def test_a_copy_is_kept_when_the_save_fails(form, article):
    type_into_body(form, article, TYPED)
    form.locator("#id_headline").fill("")

    form.get_by_role("button", name="Save and continue editing").first.click()

    expect(form.locator(".errornote")).to_have_count(1)
    form.wait_for_load_state()
    copy = stored_copy(form, article)
    assert copy["submitted"] is True
    assert copy["fields"]["body"] == EDITED
    # The form shows what was typed, so there is nothing to offer back.
    expect(form.locator(".autosave-prompt")).to_have_count(0)
    article.refresh_from_db()
    assert article.body == BODY


def test_a_submitted_copy_older_than_the_forms_version_is_deleted_silently(form, article):
    article.body = EDITED
    article.updated_by = User.objects.get(username="chief")
    article.save()  # version 2, as if the submitted save had gone through
    copy = {
        "fields": {"body": EDITED.replace("</p>", " More.</p>")},
        "labels": {},
        "savedAt": 0,
        "version": 1,
        "submitted": True,
    }
    form.evaluate(
        "([key, copy]) => localStorage.setItem(key, copy)", [key(article), json.dumps(copy)]
    )

    form.reload()

    expect(form.locator("#id_body")).to_have_value(SAVED)
    expect(form.locator(".autosave-prompt")).to_have_count(0)
    assert stored_copy(form, article) is None


def keep_copy(page, article, body, submitted):
    """Put a copy of the form, made from version 1 with `body`, in the browser's storage."""
    now = int(time.time() * 1000)  # milliseconds, as the script keeps them
    copy = {"fields": {"body": body}, "labels": {}, "savedAt": now, "version": 1}
    page.evaluate(
        "([key, copy]) => localStorage.setItem(key, copy)",
        [key(article), json.dumps({**copy, "submitted": submitted})],
    )


COLLEAGUES = article_body.sanitise(BODY + "<p>A colleague's paragraph.</p>")


def a_colleague_saves(article):
    article.body = COLLEAGUES
    article.updated_by = UserFactory(username="ben")
    article.save()  # version 2


def test_a_failed_submit_is_offered_back_after_a_colleagues_save(form, article):
    keep_copy(form, article, EDITED, submitted=True)
    a_colleague_saves(article)

    form.reload()

    expect(form.locator(".autosave-prompt")).to_contain_text(PROMPT)


def test_restoring_a_copy_from_before_a_colleagues_save_cannot_overwrite_it(form, article):
    keep_copy(form, article, EDITED, submitted=False)
    a_colleague_saves(article)
    form.reload()

    form.locator(".autosave-prompt").get_by_role("button", name="Restore").click()
    expect(body_editor(form)).to_contain_text(TYPED)
    form.get_by_role("button", name="Save and continue editing").first.click()

    expect(form.locator(".errornote")).to_have_count(1)
    expect(form.locator(".errorlist")).to_contain_text("while you were editing version 1")
    # The refused text is still in the editor, to copy from or to save over theirs.
    expect(form.locator("#id_body")).to_have_value(EDITED)
    expect(body_editor(form)).to_contain_text("He met Xi Jinping." + TYPED)
    article.refresh_from_db()
    assert article.body == COLLEAGUES


def test_a_new_articles_copy_comes_back_with_its_section_and_goes_once_it_is_added(
    live_server, form, article
):
    form.goto(f"{live_server.url}/admin/articles/article/add/")
    form.locator("#id_headline").fill("Summit ends")
    form.locator("[aria-labelledby=select2-id_section-container]").click()
    form.locator(".select2-search__field").fill(article.section.name)
    form.locator(".select2-results__option", has_text=article.section.name).click()
    form.wait_for_function(
        "(id) => (localStorage.getItem('newsroom:autosave:article:new') || '').includes(id)",
        arg=f'"section":"{article.section.pk}"',
    )

    form.reload()
    form.locator(".autosave-prompt").get_by_role("button", name="Restore").click()

    expect(form.locator("#id_headline")).to_have_value("Summit ends")
    expect(form.locator("#id_section")).to_have_value(str(article.section.pk))
    expect(form.locator("#select2-id_section-container")).to_have_text(article.section.name)
    form.get_by_role("button", name="Save", exact=True).first.click()
    expect(form.locator(".messagelist .success")).to_have_count(1)
    form.wait_for_load_state()
    assert form.evaluate("localStorage.getItem('newsroom:autosave:article:new')") is None
    assert Article.objects.get(slug="summit-ends").section == article.section
