/* The article body's rich-text editor: django-prose-editor's "newsroom" preset.

   The editor is limited to the body's schema (articles/body.py): paragraphs, subheadings
   (h2, h3), block quotes, bulleted and numbered lists, links, bold, italic and line breaks,
   with undo. Whatever is pasted (from Word, Google Docs, a web page) is parsed into that
   schema, so a paste keeps its links, bold and italic, lists and headings, and drops the
   rest. The server sanitises every save to the same schema whatever the editor sends.

   Links: the dialog asks for the address and whether search engines should be asked not
   to follow it (rel="nofollow"); the server adds rel="noopener" to external links itself.
   Only addresses the server accepts are kept: http and https, mailto, and our own paths.

   "Link to an article or entity", beside the editor, searches our articles and entities
   (admin:articles_article_link_search) and links the selected words to the one chosen,
   or inserts its title as a link when nothing is selected.

   The editor writes its HTML into the form's textarea on every change and fires "input"
   there, so autosave and the form see the body as usual. "prose-editor:ready" carries the
   editor for scripts that need it: {editor, textarea, defaultHTML}, the last being how the
   editor writes the body the server sent (autosave restores through the editor, and takes
   a copy holding only defaultHTML as holding nothing unsaved). */

import {
    Blockquote,
    Bold,
    BulletList,
    Document,
    Dropcursor,
    Gapcursor,
    HardBreak,
    Heading,
    History,
    Italic,
    Link,
    ListItem,
    Menu,
    OrderedList,
    Paragraph,
    Text,
    createDocument,
    createTextareaEditor,
    getHTMLFromFragment,
    gettext,
    initializeEditors,
    updateAttrsDialog,
} from "django-prose-editor/editor";

const ATTRIBUTE = "data-django-prose-editor-newsroom";

// --- Link addresses, as articles/body.py safe_href() takes them ---------------------------

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const MAILTO = /^mailto:[^@\s/]+@[^@\s/]+\.[^@\s/]+$/i;
// articles.text.XML_ILLEGAL
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** The address to keep, or null for one the server would refuse. */
export function safeHref(value) {
    if (typeof value !== "string") return null;
    const href = value.trim();
    if (!href || /\s/.test(href) || CONTROL.test(href)) return null;
    if (href.startsWith("/")) {
        // "//host" and "/\host" are other sites to a browser, not paths of ours.
        return href.startsWith("//") || href.startsWith("/\\") ? null : href;
    }
    const scheme = SCHEME.exec(href);
    if (!scheme) return null;
    const name = scheme[1].toLowerCase();
    if (name === "http" || name === "https") {
        const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(href);
        if (!authority) return null;
        const hostAndPort = authority[1].slice(authority[1].lastIndexOf("@") + 1);
        const host = hostAndPort.startsWith("[")
            ? hostAndPort.slice(1, hostAndPort.indexOf("]"))
            : hostAndPort.split(":")[0];
        return host ? href : null;
    }
    if (name === "mailto") return MAILTO.test(href) ? href : null;
    return null;
}

/** What an editor typed as an address, made whole: "example.com" is a web address, and
    "ana@example.com" an e-mail address. */
export function completeHref(value) {
    const href = (value || "").trim();
    if (!href || href.startsWith("/") || SCHEME.test(href)) return href;
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(href)) return `mailto:${href}`;
    if (/^[^\s/?#@]+\.[^\s/?#@]+([/?#]\S*)?$/.test(href)) return `https://${href}`;
    return href;
}

const hasNofollow = (rel) => (rel || "").toLowerCase().split(/\s+/).includes("nofollow");

// --- The link dialog --------------------------------------------------------------------------

const linkDialog = (problem) =>
    updateAttrsDialog(
        {
            href: {
                type: "string",
                title: gettext("Address (URL)"),
                description: problem || "",
                required: true,
            },
            nofollow: {
                type: "boolean",
                title: gettext("Ask search engines not to follow (nofollow)"),
            },
        },
        { title: gettext("Link"), submitText: gettext("Save link") }
    );

/** Ask for a link's address until it is one the server keeps: {href, rel}, or null. */
async function askForLink(editor, attrs) {
    let values = { href: attrs.href || "", nofollow: hasNofollow(attrs.rel) };
    let problem = "";
    for (;;) {
        const answer = await linkDialog(problem)(editor, values);
        if (!answer) return null;
        const href = safeHref(completeHref(answer.href));
        if (href !== null) return { href, rel: answer.nofollow ? "nofollow" : null };
        values = answer;
        problem = gettext(
            "Not kept: use a web address (http, https), an e-mail address, or a Newsroom " +
                "path such as /articles/…"
        );
    }
}

const NewsroomLink = Link.extend({
    addOptions() {
        const parent = this.parent?.();
        return {
            ...parent,
            openOnClick: false,
            enableTarget: false,
            defaultProtocol: "https",
            HTMLAttributes: { target: null, rel: null, class: null },
            // Typed and pasted addresses become links only if the server keeps them; an
            // address still without its scheme ("example.com") is given "https://" first.
            isAllowedUri: (url) => safeHref(url) !== null || !SCHEME.test((url || "").trim()),
            shouldAutoLink: (url) =>
                parent.shouldAutoLink(url) && (!SCHEME.test(url) || safeHref(url) !== null),
        };
    },

    // Only what the schema keeps: the address, and "nofollow" from rel.
    addAttributes() {
        return {
            href: {
                default: null,
                parseHTML: (element) => element.getAttribute("href"),
            },
            rel: {
                default: null,
                parseHTML: (element) =>
                    hasNofollow(element.getAttribute("rel")) ? "nofollow" : null,
            },
        };
    },

    // A pasted link to anywhere else ("#footnote", "file:", "javascript:") keeps its text.
    parseHTML() {
        return [
            {
                tag: "a[href]",
                getAttrs: (element) => (safeHref(element.getAttribute("href")) === null ? false : null),
            },
        ];
    },

    addCommands() {
        return {
            ...this.parent?.(),
            addLink:
                () =>
                ({ editor }) => {
                    if (editor.state.selection.empty && !editor.isActive(this.name)) return false;
                    askForLink(editor, editor.getAttributes(this.name)).then((attrs) => {
                        if (!attrs) {
                            editor.commands.focus();
                        } else if (editor.isActive(this.name)) {
                            editor
                                .chain()
                                .focus()
                                .extendMarkRange(this.name)
                                .updateAttributes(this.name, attrs)
                                .run();
                        } else {
                            editor.chain().focus().setMark(this.name, attrs).run();
                        }
                    });
                    return true;
                },
        };
    },
});

// --- The schema's blocks ----------------------------------------------------------------------

// Subheadings are h2 and h3; a pasted h1 is taken as h2, h4-h6 as h3, as the server does.
const NewsroomHeading = Heading.extend({
    parseHTML() {
        return [1, 2, 3, 4, 5, 6].map((level) => ({
            tag: `h${level}`,
            attrs: { level: level <= 2 ? 2 : 3 },
        }));
    },
}).configure({ levels: [2, 3] });

// A quote holds paragraphs and lists, never a subheading or another quote.
const NewsroomBlockquote = Blockquote.extend({
    content: "(paragraph | bulletList | orderedList)+",
});

// A list item holds paragraphs and lists.
const NewsroomListItem = ListItem.extend({
    content: "paragraph (paragraph | bulletList | orderedList)*",
});

// A numbered list is a plain <ol>: no start number and no numbering style.
const NewsroomOrderedList = OrderedList.extend({
    addOptions() {
        return { ...this.parent?.(), enableListAttributes: false };
    },
    addAttributes() {
        return {};
    },
    addNodeView: null,
});

const EXTENSIONS = [
    Document,
    Paragraph,
    Text,
    HardBreak,
    Bold,
    Italic,
    NewsroomLink,
    NewsroomHeading,
    NewsroomBlockquote,
    BulletList,
    NewsroomOrderedList,
    NewsroomListItem,
    History,
    Dropcursor,
    Gapcursor,
    Menu,
];

// --- Linking to our own articles and entities --------------------------------------------------

const SEARCH_DELAY_MS = 200;
let searchCount = 0;

function element(tag, properties = {}, children = []) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(properties)) {
        if (name === "className" || name === "textContent" || name === "hidden") {
            node[name] = value;
        } else {
            node.setAttribute(name, value);
        }
    }
    node.append(...children);
    return node;
}

/** The link to `result`: on the selected words, or on its title inserted at the cursor. */
function linkTo(editor, result) {
    const link = { href: result.url, rel: null };
    if (editor.state.selection.empty && !editor.isActive("link")) {
        editor
            .chain()
            .focus()
            .insertContent({ type: "text", text: result.label, marks: [{ type: "link", attrs: link }] })
            .unsetMark("link")
            .run();
    } else {
        editor.chain().focus().extendMarkRange("link").setLink(link).run();
    }
}

function describe(result) {
    const kind = result.kind_label || result.kind;
    return result.status_label ? `${kind}, ${result.status_label.toLowerCase()}` : kind;
}

/** A combobox searching the link search endpoint, beside the editor. */
function linkSearch(editor, url) {
    const id = `body-link-search-${++searchCount}`;
    const input = element("input", {
        id: `${id}-input`,
        type: "search",
        className: "vTextField",
        autocomplete: "off",
        spellcheck: "false",
        role: "combobox",
        "aria-autocomplete": "list",
        "aria-expanded": "false",
        "aria-controls": `${id}-results`,
        "aria-describedby": `${id}-help`,
    });
    const label = element("label", { for: input.id, textContent: gettext("Link to an article or entity") });
    const help = element("p", {
        id: `${id}-help`,
        className: "help",
        textContent: gettext(
            "Select words in the text, then search here and choose: the words link to it. " +
                "With nothing selected, its title is added as a link."
        ),
    });
    const list = element("ul", {
        id: `${id}-results`,
        role: "listbox",
        className: "body-link-search__results",
        "aria-label": gettext("Articles and entities found"),
        hidden: true,
    });
    const status = element("p", {
        className: "body-link-search__status",
        role: "status",
        "aria-live": "polite",
    });
    const box = element("div", { className: "body-link-search" }, [label, input, list, help, status]);

    let results = [];
    let active = -1;
    let timer = null;
    let controller = null;

    function open(isOpen) {
        list.hidden = !isOpen;
        input.setAttribute("aria-expanded", isOpen ? "true" : "false");
        if (!isOpen) highlight(-1);
    }

    function highlight(index) {
        active = index;
        list.querySelectorAll("[role=option]").forEach((option, at) => {
            option.setAttribute("aria-selected", at === index ? "true" : "false");
        });
        if (index >= 0) {
            const option = list.children[index];
            input.setAttribute("aria-activedescendant", option.id);
            option.scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function show(found, query) {
        results = found;
        list.replaceChildren(
            ...found.map((result, at) => {
                const option = element(
                    "li",
                    { id: `${id}-option-${at}`, role: "option", "aria-selected": "false" },
                    [
                        element("span", { className: "body-link-search__label", textContent: result.label }),
                        " ",
                        element("span", {
                            className: "body-link-search__kind",
                            textContent: `(${describe(result)})`,
                        }),
                    ]
                );
                // Keep the focus in the box, so choosing is the click alone.
                option.addEventListener("mousedown", (event) => event.preventDefault());
                option.addEventListener("click", () => choose(at));
                return option;
            })
        );
        open(found.length > 0);
        status.textContent = found.length
            ? found.length === 1
                ? gettext("1 match: use the arrow keys and Enter to choose.")
                : `${found.length} ${gettext("matches: use the arrow keys and Enter to choose.")}`
            : `${gettext("Nothing matches")} “${query}”.`;
    }

    function clear(message = "") {
        results = [];
        list.replaceChildren();
        open(false);
        status.textContent = message;
    }

    async function search(query) {
        if (controller) controller.abort();
        controller = new AbortController();
        const signal = controller.signal;
        try {
            const response = await fetch(`${url}?${new URLSearchParams({ q: query })}`, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal,
            });
            const answer = await response.json().catch(() => ({}));
            if (signal.aborted) return;
            if (!response.ok) {
                clear(answer.error || gettext("The search failed; try again."));
                return;
            }
            show(answer.results || [], query);
        } catch (error) {
            if (!signal.aborted) clear(gettext("The search failed; try again."));
        }
    }

    function choose(index) {
        const result = results[index];
        if (!result) return;
        const selected = !editor.state.selection.empty || editor.isActive("link");
        linkTo(editor, result);
        input.value = "";
        clear(
            selected
                ? `${gettext("Linked the selection to")} “${result.label}”.`
                : `${gettext("Added a link to")} “${result.label}”.`
        );
    }

    input.addEventListener("input", () => {
        clearTimeout(timer);
        const query = input.value.trim();
        if (!query) {
            if (controller) controller.abort();
            clear();
            return;
        }
        timer = setTimeout(() => search(query), SEARCH_DELAY_MS);
    });

    input.addEventListener("keydown", (event) => {
        const count = results.length;
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            if (!count) return;
            event.preventDefault();
            if (list.hidden) open(true);
            const step = event.key === "ArrowDown" ? 1 : -1;
            highlight(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
        } else if (event.key === "Enter") {
            // Never the admin form's submit.
            event.preventDefault();
            if (!list.hidden && active >= 0) choose(active);
            else if (!list.hidden && count === 1) choose(0);
        } else if (event.key === "Escape" && !list.hidden) {
            event.preventDefault();
            open(false);
        }
    });

    box.addEventListener("focusout", (event) => {
        if (!box.contains(event.relatedTarget)) open(false);
    });

    if (!editor.isEditable) input.disabled = true;
    return box;
}

// --- Making the editors ------------------------------------------------------------------------

/** `html` as the editor writes it into the textarea (an empty body as "", as it does). */
function editorSpelling(editor, html) {
    try {
        const doc = createDocument(html, editor.schema);
        const written = getHTMLFromFragment(doc.content, editor.schema);
        return /^<(\w+)(\s[^>]*)?><\/\1>$/.test(written) ? "" : written;
    } catch (error) {
        return html;
    }
}

function createEditor(textarea) {
    if (textarea.closest(".prose-editor")) return null;
    const editor = createTextareaEditor(textarea, EXTENSIONS);

    // The editable area is the field a reader of the form meets: it takes the field's
    // label and help text (the textarea itself is hidden).
    const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
    const attributes = { role: "textbox", "aria-multiline": "true" };
    if (label) {
        label.id = label.id || `${textarea.id}-label`;
        attributes["aria-labelledby"] = label.id;
        label.addEventListener("click", (event) => {
            event.preventDefault();
            editor.commands.focus();
        });
    }
    const describedBy = textarea.getAttribute("aria-describedby");
    if (describedBy) attributes["aria-describedby"] = describedBy;
    if (textarea.getAttribute("aria-invalid")) {
        attributes["aria-invalid"] = textarea.getAttribute("aria-invalid");
    }
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes } });

    // The link search goes under the field, after its help text: the editor keeps the width.
    const searchUrl = textarea.dataset.linkSearchUrl;
    if (searchUrl) {
        const container = textarea.closest(".prose-editor");
        const help = describedBy && document.getElementById(describedBy.split(" ")[0]);
        const place = (help && help.closest(".form-row") === container.closest(".form-row") && help)
            || container.closest(".flex-container")
            || container;
        place.after(linkSearch(editor, searchUrl));
    }

    textarea.dispatchEvent(
        new CustomEvent("prose-editor:ready", {
            detail: { editor, textarea, defaultHTML: editorSpelling(editor, textarea.defaultValue) },
            bubbles: true,
        })
    );
    return editor;
}

initializeEditors(createEditor, `[${ATTRIBUTE}]`);
