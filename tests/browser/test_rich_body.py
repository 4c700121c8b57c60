"""The body's rich-text editor in Chromium: an editor writes links, bold and a list, an
annotator's link follows, and a reader sees all of it; links to our own articles and
entities come from a search beside the editor; a paste keeps only what the body keeps."""

import pytest
from django.contrib.auth.models import Group

from articles import body as article_body
from articles.models import Article, ArticleStatus, Mention, MentionStatus
from tests.browser.editing import (
    body_editor,
    editor_state,
    move_cursor_to_the_end,
    paste_html,
    select_in_editor,
    select_words,
)
from tests.factories import ArticleFactory, DraftFactory, PersonFactory, SectionFactory, UserFactory

pytestmark = pytest.mark.browser
# Imported here, not at the top: `make test` collects this file without Playwright installed.
expect = pytest.importorskip("playwright.sync_api").expect

HEADLINE = "Council agrees the night bus budget"


@pytest.fixture
def editor_user():
    user = UserFactory(username="ed")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def choose_section(page, name):
    page.locator("#id_section + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill(name[:3])
    page.locator(".select2-results__option", has_text=name).click()


def test_an_editor_writes_a_rich_body_an_annotator_links_a_name_and_a_reader_sees_it(
    live_server, new_page, log_in, editor_user, settings
):
    SectionFactory(name="Local", slug="local")
    # The person is linked by hand below, not suggested when the article is saved.
    settings.NEWSROOM_SUGGEST_ON_SAVE = False
    PersonFactory(name="Ana Reyes", slug="ana-reyes")

    # The editor writes a new article: a paragraph with a bold name and a link, and a list.
    editor = new_page()
    log_in(editor, editor_user, "/admin/articles/article/add/")
    editor.get_by_label("Headline").fill(HEADLINE)
    body = body_editor(editor)
    body.click()
    editor.keyboard.type("The mayor, ")
    editor.keyboard.press("Control+b")
    editor.keyboard.type("Ana Reyes")
    editor.keyboard.press("Control+b")
    editor.keyboard.type(", presented the budget report on Monday.")
    expect(body.locator("strong")).to_have_text("Ana Reyes")

    select_in_editor(editor, "budget report")
    editor.get_by_role("button", name="insert link").click()
    dialog = editor.get_by_role("dialog")
    expect(dialog.get_by_label("Address (URL)")).to_be_focused()
    dialog.get_by_label("Address (URL)").fill("https://example.org/budget")
    dialog.get_by_role("button", name="Save link").click()
    expect(dialog).to_have_count(0)
    link = body.get_by_role("link", name="budget report")
    expect(link).to_have_attribute("href", "https://example.org/budget")

    expect(body).to_be_focused()  # again, once the dialog has gone
    move_cursor_to_the_end(editor)
    editor.keyboard.press("Enter")
    editor.keyboard.type("It pays for:")
    editor.keyboard.press("Enter")
    editor.get_by_role("button", name="unordered list").click()
    editor.keyboard.type("Night buses")
    editor.keyboard.press("Enter")
    editor.keyboard.type("Longer library hours")
    expect(body.locator("ul > li")).to_have_text(["Night buses", "Longer library hours"])

    choose_section(editor, "Local")
    editor.get_by_role("button", name="Save and continue editing").first.click()
    expect(editor.locator(".messagelist .success")).to_have_count(1)
    article = Article.objects.get(headline=HEADLINE)
    assert article.body == (
        "<p>The mayor, <strong>Ana Reyes</strong>, presented the "
        '<a href="https://example.org/budget" rel="noopener">budget report</a> on Monday.</p>\n'
        "<p>It pays for:</p>\n"
        "<ul>\n<li><p>Night buses</p></li>\n<li><p>Longer library hours</p></li>\n</ul>"
    )
    assert article.text == (
        "The mayor, Ana Reyes, presented the budget report on Monday.\n"
        "It pays for:\nNight buses\nLonger library hours"
    )
    # The saved body is shown again in the editor as it was written.
    expect(body.locator("strong")).to_have_text("Ana Reyes")
    expect(body.get_by_role("link", name="budget report")).to_be_visible()

    # On the annotation screen, the bold name is linked to the person.
    editor.goto(f"{live_server.url}/admin/articles/article/{article.pk}/annotate/")
    select_words(editor, "Ana Reyes")
    popover = editor.locator("#annotate-popover")
    popover.get_by_role("heading", name="Link “Ana Reyes”").wait_for()
    popover.get_by_role("option", name="Ana Reyes").click()
    expect(editor.locator("#annotate-status")).to_have_text("Linked “Ana Reyes” to Ana Reyes.")
    mention = Mention.objects.get(article=article)
    assert (mention.exact, mention.status) == ("Ana Reyes", MentionStatus.CONFIRMED)

    # Then it is published.
    editor.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    editor.get_by_role("button", name="Save and publish or schedule").click()
    expect(editor.locator(".messagelist .success")).to_have_text("Ed published it")
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED

    # A reader sees the link, the bold name linked to the person's page, and the list.
    reader = new_page()
    reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    text = reader.locator("main article .article-body")
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    budget = text.get_by_role("link", name="budget report")
    expect(budget).to_have_attribute("href", "https://example.org/budget")
    expect(budget).to_have_attribute("rel", "noopener")
    expect(text.locator("strong")).to_have_text("Ana Reyes")
    person = text.get_by_role("link", name="Ana Reyes")
    expect(person).to_have_attribute("href", "/people/ana-reyes/")
    expect(person.locator("strong")).to_have_text("Ana Reyes")
    expect(text.locator("ul > li")).to_have_text(["Night buses", "Longer library hours"])
    person.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Ana Reyes")


@pytest.fixture
def draft(editor_user):
    ArticleFactory(headline="Night buses return to the city", slug="night-buses-return")
    DraftFactory(headline="Night buses: the timetable", slug="night-bus-timetable")
    PersonFactory(name="Ana Reyes", slug="ana-reyes", aliases=["Mayor Reyes"])
    return DraftFactory(
        headline="Late service from Friday",
        slug="late-service-from-friday",
        body="<p>The night buses start again on Friday, the mayor said.</p>",
    )


def test_the_link_search_links_the_selection_to_an_article_or_inserts_an_entity(
    live_server, page, log_in, editor_user, draft
):
    log_in(page, editor_user, f"/admin/articles/article/{draft.pk}/change/")
    body = body_editor(page)
    search = page.get_by_role("combobox", name="Link to an article or entity")
    results = page.get_by_role("listbox", name="Articles and entities found")

    # Select words, search, and choose with the keyboard.
    select_in_editor(page, "night buses")
    search.fill("night bus")
    expect(results.get_by_role("option")).to_have_count(2)
    # Published articles first; a draft is marked as one.
    expect(results.get_by_role("option").first).to_contain_text(
        "Night buses return to the city (Article, published)"
    )
    expect(results.get_by_role("option").nth(1)).to_contain_text(
        "Night buses: the timetable (Article, draft)"
    )
    search.press("ArrowDown")
    expect(results.get_by_role("option", selected=True)).to_contain_text("return to the city")
    search.press("Enter")
    expect(results).to_be_hidden()
    expect(page.get_by_role("status").filter(has_text="Linked the selection")).to_have_text(
        "Linked the selection to “Night buses return to the city”."
    )
    expect(body.get_by_role("link", name="night buses")).to_have_attribute(
        "href", "/articles/night-buses-return/"
    )
    # The editor has the focus again, with the linked words still selected.
    expect(body).to_be_focused()

    # With nothing selected, the chosen entity's name goes in as a link, found by an alias.
    move_cursor_to_the_end(page)
    page.keyboard.type(" Ask ")
    search.fill("mayor reyes")
    option = results.get_by_role("option", name="Ana Reyes (Person)")
    option.click()
    expect(body.get_by_role("link", name="Ana Reyes")).to_have_attribute(
        "href", "/people/ana-reyes/"
    )
    # What is typed next, once the editor has the focus back, is not part of the link.
    expect(body).to_be_focused()
    page.keyboard.type(" today.")
    expect(body.get_by_role("link", name="Ana Reyes")).to_have_text("Ana Reyes")

    # Nothing found is said so; Escape closes the list; Enter never submits the form.
    search.fill("zzzz")
    expect(page.get_by_role("status").filter(has_text="Nothing matches")).to_have_text(
        "Nothing matches “zzzz”."
    )
    search.fill("night")
    expect(results).to_be_visible()
    search.press("Escape")
    expect(results).to_be_hidden()
    posts = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    search.press("Enter")
    search.fill("reyes")  # a search sent after the Enter: the form would have gone first
    expect(results.get_by_role("option")).to_have_count(1)
    assert not [url for url in posts if url.endswith("/change/")]

    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    draft.refresh_from_db()
    assert draft.body == (
        '<p>The <a href="/articles/night-buses-return/">night buses</a> start again on Friday, '
        'the mayor said. Ask <a href="/people/ana-reyes/">Ana Reyes</a> today.</p>'
    )


def test_the_link_dialog_keeps_only_addresses_the_site_can_and_asks_about_nofollow(
    live_server, page, log_in, editor_user, draft
):
    log_in(page, editor_user, f"/admin/articles/article/{draft.pk}/change/")
    body = body_editor(page)

    select_in_editor(page, "Friday")
    page.keyboard.press("Control+k")
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Address (URL)").fill("javascript:alert(1)")
    dialog.get_by_role("button", name="Save link").click()
    # Asked again, saying why.
    expect(dialog.get_by_label("Address (URL)")).to_have_value("javascript:alert(1)")
    expect(dialog).to_contain_text("Not kept: use a web address")
    # An address without its scheme is a web address.
    dialog.get_by_label("Address (URL)").fill("example.org/timetable")
    dialog.get_by_label("Ask search engines not to follow (nofollow)").check()
    # Enter saves the link, not the article.
    dialog.get_by_label("Address (URL)").press("Enter")
    expect(dialog).to_have_count(0)
    link = body.get_by_role("link", name="Friday")
    expect(link).to_have_attribute("href", "https://example.org/timetable")
    expect(link).to_have_attribute("rel", "nofollow")

    # Editing the link shows what it has.
    select_in_editor(page, "Friday")
    page.get_by_role("button", name="insert link").click()
    expect(dialog.get_by_label("Address (URL)")).to_have_value("https://example.org/timetable")
    expect(dialog.get_by_label("Ask search engines not to follow (nofollow)")).to_be_checked()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)

    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    draft.refresh_from_db()
    assert (
        '<a href="https://example.org/timetable" rel="noopener nofollow">Friday</a>' in draft.body
    )
    # Loaded again, the link still asks for nofollow (and shows no target or rel noise).
    expect(body.get_by_role("link", name="Friday")).to_have_attribute("rel", "nofollow")


GOOGLE_DOCS = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5b1c2d3e-7fff">'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;">'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'font-weight:400;font-style:normal;white-space:pre-wrap;">The mayor, </span>'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;'
    'font-weight:700;font-style:normal;white-space:pre-wrap;">Ana Reyes</span>'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;'
    'font-style:italic;white-space:pre-wrap;">, said it firmly</span>'
    '<span style="font-size:11pt;font-weight:400;">: read </span>'
    '<a href="https://example.org/report" style="text-decoration:none;">'
    '<span style="font-size:11pt;color:#1155cc;font-weight:400;text-decoration:underline;">'
    "the report</span></a>"
    '<span style="font-size:11pt;font-weight:400;">.</span></p></b>'
)
WORD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
    '<meta name=Generator content="Microsoft Word 15"><style><!--p.MsoNormal{margin:0cm;'
    'font-family:"Calibri",sans-serif;}--></style></head><body lang=EN-GB>'
    "<!--StartFragment--><p class=MsoNormal>Buses run <b>every <i>ten</i></b> minutes, "
    'see <a href="https://example.org/times">the times</a><o:p></o:p></p>'
    "<p class=MsoNormal style='color:red'><span style='font-family:\"Comic Sans MS\";"
    "background:yellow'>Painted red</span> "
    '<a href="#_ftn1" name="_ftnref1">[1]</a>'
    '<img width=20 height=20 src="file:///C:/Users/ana/image001.png"></p>'
    "<table class=MsoTableGrid><tr><td><p class=MsoNormal>In a table</p></td></tr></table>"
    "<!--EndFragment--></body></html>"
)


@pytest.mark.parametrize(
    "source, expected",
    [
        (
            GOOGLE_DOCS,
            "<p>The mayor, <strong>Ana Reyes</strong><em>, said it firmly</em>: read "
            '<a href="https://example.org/report" rel="noopener">the report</a>.</p>',
        ),
        (
            WORD,
            "<p>Buses run <strong>every <em>ten</em></strong> minutes, see "
            '<a href="https://example.org/times" rel="noopener">the times</a></p>\n'
            "<p>Painted red [1]</p>\n"
            "<p>In a table</p>",
        ),
    ],
    ids=["google-docs", "word"],
)
def test_a_paste_keeps_links_bold_and_italic_and_drops_the_rest(
    live_server, page, log_in, editor_user, source, expected
):
    article = DraftFactory(headline="Pasted", slug="pasted", body="")
    log_in(page, editor_user, f"/admin/articles/article/{article.pk}/change/")
    body = body_editor(page)
    body.click()

    paste_html(page, source)

    expect(body.get_by_role("link")).not_to_have_count(0)
    html = page.locator("#id_body").input_value()
    for dropped in ("style=", "<span", "<img", "<table", "class=", "<o:p", "#_ftn", "<b>", "<i>"):
        assert dropped not in html, (dropped, html)
    # What the editor sends is stored as it is: nothing outside the body's schema was left.
    assert article_body.sanitise(html) == expected
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist .success")).to_have_count(1)
    article.refresh_from_db()
    assert article.body == expected


def test_the_editor_offers_only_what_the_body_keeps(live_server, page, log_in, editor_user):
    article = DraftFactory(
        headline="Schema",
        slug="schema",
        body="<h2>Sub</h2><blockquote><p>Quoted</p></blockquote><ol><li>First</li></ol>",
    )
    log_in(page, editor_user, f"/admin/articles/article/{article.pk}/change/")
    body_editor(page).wait_for()
    items = page.locator(".prose-menubar [data-name]")
    expect(items).not_to_have_count(0)
    assert set(items.evaluate_all("items => items.map(item => item.dataset.name)")) == {
        "heading2",
        "heading3",
        "paragraph",
        "bulletList",
        "orderedList",
        "blockquote",
        "figure",  # "Picture": a figure from the image library
        "bold",
        "italic",
        "link",
        "unlink",
        "history:undo",
        "history:redo",
    }
    schema = editor_state(
        page, "({nodes: Object.keys(editor.schema.nodes), marks: Object.keys(editor.schema.marks)})"
    )
    assert set(schema["nodes"]) == {
        "doc",
        "paragraph",
        "text",
        "hardBreak",
        "heading",
        "blockquote",
        "bulletList",
        "orderedList",
        "listItem",
        "figure",
    }
    assert set(schema["marks"]) == {"bold", "italic", "link"}
    levels = 'editor.extensionManager.extensions.find(e => e.name === "heading").options.levels'
    assert editor_state(page, levels) == [2, 3]
