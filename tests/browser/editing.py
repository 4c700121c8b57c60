"""Driving the article form's rich-text body editor (articles/static/articles/body_editor.js)
and selecting words on the annotation screen."""

# The editable area, inside the editor's wrapper (its menu's dropdown is a .ProseMirror too).
EDITABLE = ".prose-editor [contenteditable=true]"


def body_editor(page):
    """The body's editable area: the field labelled "Body" (its textarea is hidden)."""
    return page.get_by_role("textbox", name="Body")


def editor_state(page, expression):
    """The value of `expression` over `editor`, the body's Tiptap editor, in the page."""
    return page.evaluate(
        f"() => {{ const editor = document.querySelector({EDITABLE!r}).editor; "
        f"return {expression}; }}"
    )


def wait_for_editor(page, expression, timeout=None):
    """Wait until `expression` over `editor`, the body's Tiptap editor, is true."""
    page.wait_for_function(
        f"() => {{ const editor = document.querySelector({EDITABLE!r}).editor; "
        f"return {expression}; }}",
        timeout=timeout,
    )


def move_cursor_to_the_end(page):
    """Press Control+End in the body editor, then wait until the editor has its cursor at
    the end of the text.

    The editor learns of a selection the browser moved a moment later (on its
    "selectionchange" event); a key pressed before then would act on the old selection.
    It waits for the end itself, not any collapsed cursor: the click that gave the editor
    the focus leaves one where it clicked, and typing there would land mid-text. On a
    loaded machine the first press, right after the editor took the focus back, is
    sometimes lost (seen in CI): the key is then pressed again, which is safe, as it only
    moves the cursor.
    """
    # Imported here: the suite without the browser tests runs without Playwright.
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    at_the_end = (
        "(() => { const selection = editor.state.selection; return selection.empty && "
        "selection.head === selection.constructor.atEnd(editor.state.doc).head; })()"
    )
    for attempt in range(3):
        page.keyboard.press("Control+End")
        try:
            wait_for_editor(page, at_the_end, timeout=4000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise


def select_in_editor(page, words):
    """Select `words` in the body editor, as a drag of the mouse would."""
    found = page.evaluate(
        """([selector, words]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.data.indexOf(words);
                if (at === -1) continue;
                root.focus();
                window.getSelection().setBaseAndExtent(
                    walker.currentNode, at, walker.currentNode, at + words.length);
                return true;
            }
            return false;
        }""",
        [EDITABLE, words],
    )
    assert found, f"{words!r} is not in the body editor"
    wait_for_editor(
        page,
        f"editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to)"
        f" === {words!r}",
    )


def paste_html(page, html):
    """Paste `html` into the body editor, as a copy from another program would arrive."""
    page.evaluate(
        """([selector, html]) => {
            const target = document.querySelector(selector);
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", new DOMParser().parseFromString(html, "text/html")
                .body.textContent);
            target.dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [EDITABLE, html],
    )


def select_words(page, words):
    """Drag the mouse across `words` in the article text, as an annotator would."""
    box = page.evaluate(
        """(words) => {
            const walker = document.createTreeWalker(
                document.getElementById("annotate-text"), NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const at = walker.currentNode.data.indexOf(words);
                if (at === -1) continue;
                const range = document.createRange();
                range.setStart(walker.currentNode, at);
                range.setEnd(walker.currentNode, at + words.length);
                const r = range.getBoundingClientRect();
                return {left: r.left, right: r.right, middle: r.top + r.height / 2};
            }
            return null;
        }""",
        words,
    )
    assert box, f"{words!r} is not plain text on the screen"
    page.mouse.move(box["left"] + 1, box["middle"])
    page.mouse.down()
    page.mouse.move(box["right"] - 1, box["middle"], steps=4)
    page.mouse.up()
