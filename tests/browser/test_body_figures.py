"""Figures in the body editor, in Chromium: a body with a figure loads and saves unchanged;
"Picture" searches the library and inserts the chosen picture with its caption and credit
to start from; both are edited in place; readers then see the picture, caption and credit."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from articles.images.library import build_image, store_image
from articles.models import Article, ArticleStatus
from tests import image_files
from tests.browser.editing import body_editor, editor_state, wait_for_editor
from tests.factories import DraftFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("media_root")]
# Imported here, not at the top: `make test` collects this file without Playwright installed.
expect = pytest.importorskip("playwright.sync_api").expect


def library_image(title, caption, credit, color):
    data = image_files.jpeg((640, 480), color)
    image = build_image(data, f"{title}.jpg")
    image.title, image.caption, image.credit = title, caption, credit
    image.alt_text = f"{title}, seen from the quay"
    return store_image(image, data)


@pytest.fixture
def editor_user():
    user = UserFactory(username="ed")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def pictures():
    return {
        "station": library_image("Station", "The old station", "Ana Lund/AP", "steelblue"),
        "harbour": library_image("Harbour", "Boats in the\nharbour", "Ben Ode/Reuters", "orange"),
    }


AT_END_OF_BLOCK = (
    "editor.state.selection.empty && "
    "editor.state.selection.$from.parentOffset === editor.state.selection.$from.parent.content.size"
)


def save(page):
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)


def test_an_editor_keeps_a_figure_adds_one_from_the_library_and_a_reader_sees_both(
    live_server, new_page, log_in, editor_user, pictures
):
    station, harbour = pictures["station"], pictures["harbour"]
    stored = (
        "<p>The night buses start again on Friday.</p>\n"
        f'<figure data-image="{station.pk}" data-credit="Ana Lund/AP"><figcaption>The '
        "<em>old</em> station, where they stop</figcaption></figure>\n"
        "<p>The mayor said so.</p>"
    )
    article = DraftFactory(headline="Night buses return", slug="night-buses-return", body=stored)

    page = new_page()
    log_in(page, editor_user, f"/admin/articles/article/{article.pk}/change/")
    body = body_editor(page)
    figure = body.locator(f'figure[data-image="{station.pk}"]')
    # The figure shows the library's picture and title, this use's credit and caption.
    expect(figure.locator(".body-figure__title")).to_have_text("Station")
    expect(figure.locator("img")).to_have_attribute("src", station.file.url)
    expect(figure.get_by_label("Credit for this use")).to_have_value("Ana Lund/AP")
    expect(figure.locator("figcaption")).to_have_text("The old station, where they stop")
    expect(figure.locator("figcaption em")).to_have_text("old")

    # Saved untouched, the body is stored as it was.
    save(page)
    article.refresh_from_db()
    assert article.body == stored

    # "Picture" after the first paragraph: search the library and choose.
    body.get_by_text("start again on Friday.").click()
    page.keyboard.press("End")
    wait_for_editor(page, AT_END_OF_BLOCK)
    page.get_by_role("button", name="Picture", exact=True).click()
    dialog = page.get_by_role("dialog", name="Choose a picture for the text")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Search the library")).to_be_focused()
    expect(dialog.locator(".image-chooser-result")).to_have_count(2)
    dialog.get_by_label("Search the library").fill("boats")
    expect(dialog.locator(".image-chooser-result")).to_have_count(1)
    dialog.get_by_role("button", name="Harbour").click()
    expect(dialog).to_be_hidden()

    # The new figure starts with the picture's own caption and credit, both editable.
    added = body.locator(f'figure[data-image="{harbour.pk}"]')
    expect(added.locator("figcaption")).to_have_text("Boats in the harbour")
    expect(added.get_by_label("Credit for this use")).to_have_value("Ben Ode/Reuters")
    added.get_by_label("Credit for this use").fill("Ben Ode/Reuters, pool")
    added.locator("figcaption").click()
    page.keyboard.press("End")
    wait_for_editor(page, AT_END_OF_BLOCK)
    page.keyboard.type(" at dawn")
    # Enter leaves the caption for a new paragraph after the figure.
    page.keyboard.press("Enter")
    page.keyboard.type("Tickets cost two euros.")
    assert editor_state(page, "editor.state.doc.childCount") == 5

    save(page)
    article.refresh_from_db()
    assert article.body == (
        "<p>The night buses start again on Friday.</p>\n"
        f'<figure data-image="{harbour.pk}" data-credit="Ben Ode/Reuters, pool"><figcaption>'
        "Boats in the harbour at dawn</figcaption></figure>\n"
        "<p>Tickets cost two euros.</p>\n"
        f'<figure data-image="{station.pk}" data-credit="Ana Lund/AP"><figcaption>The '
        "<em>old</em> station, where they stop</figcaption></figure>\n"
        "<p>The mayor said so.</p>"
    )
    assert "Boats in the harbour at dawn\nTickets cost two euros." in article.text
    # After the save, the editor shows both figures with their pictures again.
    expect(body.locator("figure .body-figure__title")).to_have_text(["Harbour", "Station"])

    # A reader sees both pictures, each with its caption and credit for this use.
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.PUBLISHED, publish_at=timezone.now()
    )
    reader = new_page()
    reader.goto(f"{live_server.url}/articles/night-buses-return/")
    figures = reader.locator(".article-body figure.figure")
    expect(figures).to_have_count(2)
    expect(figures.first.locator("img")).to_have_attribute("alt", "Harbour, seen from the quay")
    expect(figures.first.locator("figcaption")).to_have_text(
        "Boats in the harbour at dawn Photo: Ben Ode/Reuters, pool"
    )
    expect(figures.nth(1).locator("figcaption .caption")).to_have_text(
        "The old station, where they stop"
    )
