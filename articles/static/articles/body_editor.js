/* The article body's rich-text editor: django-prose-editor's "newsroom" preset.

   The editor is limited to the body's schema (articles/body.py): paragraphs, subheadings
   (h2, h3), block quotes, bulleted and numbered lists, figures (pictures from the image
   library, see "Figures" below), links, bold, italic and line breaks, with undo. Whatever is pasted (from Word, Google Docs, a web page) is parsed into that
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
    Node,
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

// --- Figures: pictures from the image library --------------------------------------------------

/* A figure is stored as <figure data-image="ID" data-credit="..."><figcaption>caption
   </figcaption></figure> (articles/body.py): the picture comes from the library by its id,
   never from an address in the body. In the editor a figure shows the picture's thumbnail
   and title, a field for this use's credit, and its caption, edited as text with bold,
   italic, links and line breaks. "Picture" in the menu searches the library
   (admin:images_image_choose, the textarea's data-image-choose-url) and inserts the one
   chosen with its own caption and credit to start from. The pictures the body already
   names come with the page (data-figure-images: {id: what the search answers of it}). */

const FIGURE_ID = /^[0-9]{1,18}$/;

/** The image id of a figure's data-image, as the server keeps it, or null. */
export function figureImageId(value) {
    const id = (value || "").trim();
    if (!FIGURE_ID.test(id)) return null;
    const canonical = id.replace(/^0+/, "");
    return canonical ? canonical : null;
}

/** A figure's credit as the server keeps it: one line, spaces collapsed. */
const plainCredit = (value) => (value || "").replace(/\s+/g, " ").trim();

// A short word for a picture that may not go out as it is (as the lead image's chooser).
function badgeFor(result) {
    if (!result.usable) return gettext("May not be used");
    if (result.problem) return gettext("No alt text");
    return "";
}

/** The library's search in a dialog of thumbnails: `onChoose(result)` gets the one chosen,
    and `onClose()` is called when the dialog closes, chosen or not. */
function imageChooser(url, onChoose, onClose) {
    const id = `body-image-chooser-${++searchCount}`;
    const search = element("input", {
        id: `${id}-search`,
        type: "search",
        className: "image-chooser-search",
        placeholder: gettext("Title, caption or credit"),
        autocomplete: "off",
    });
    const status = element("p", { className: "image-chooser-status", role: "status" });
    const results = element("ul", {
        className: "image-chooser-results",
        "aria-label": gettext("Pictures found"),
    });
    const more = element("button", {
        type: "button",
        className: "button image-chooser-more",
        textContent: gettext("More pictures"),
        hidden: true,
    });
    const close = element("button", {
        type: "button",
        className: "button image-chooser-close",
        textContent: gettext("Cancel"),
    });
    const dialog = element("dialog", { className: "image-chooser-dialog", "aria-labelledby": `${id}-title` }, [
        element("div", { className: "image-chooser-dialog-head" }, [
            element("h2", { id: `${id}-title`, textContent: gettext("Choose a picture for the text") }),
            close,
        ]),
        element("p", {}, [
            element("label", { for: search.id, textContent: gettext("Search the library") }),
            search,
        ]),
        status,
        results,
        element("p", {}, [more]),
    ]);
    document.body.append(dialog);

    let query = "";
    let page = 1;
    let asked = 0; // the latest request: an answer to an earlier one is dropped
    let timer = null;

    function tile(result) {
        const picture = element("img", { src: result.thumbnail, alt: "", loading: "lazy" });
        const button = element("button", { type: "button", className: "image-chooser-result" }, [
            picture,
            element("span", { className: "image-chooser-result-title", textContent: result.title }),
        ]);
        if (result.credit) {
            button.append(element("span", { className: "image-chooser-result-credit", textContent: result.credit }));
        }
        const badge = badgeFor(result);
        if (badge) button.append(element("span", { className: "image-badge", textContent: badge }));
        if (result.problem) button.title = result.problem;
        button.addEventListener("click", () => {
            onChoose(result);
            dialog.close();
        });
        return element("li", {}, [button]);
    }

    async function load(wanted, wantedPage) {
        const request = ++asked;
        status.textContent = gettext("Searching…");
        const address = new URL(url, window.location.href);
        address.searchParams.set("q", wanted);
        address.searchParams.set("page", String(wantedPage));
        let answer;
        try {
            const response = await fetch(address, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
            });
            if (!(response.headers.get("Content-Type") || "").startsWith("application/json")) {
                // A login page, after the session ended: reloading logs in again.
                throw new Error(`${gettext("the server answered")} ${response.status}; ${gettext("reload the page")}`);
            }
            answer = await response.json();
            if (!response.ok) throw new Error(answer.error || response.statusText);
        } catch (error) {
            if (request === asked) {
                status.textContent = `${gettext("The library could not be searched:")} ${error.message}`;
            }
            return;
        }
        if (request !== asked) return;
        query = wanted;
        page = wantedPage;
        if (wantedPage === 1) results.replaceChildren();
        results.append(...answer.results.map(tile));
        more.hidden = !answer.has_more;
        const count = results.children.length;
        if (count === 0) {
            status.textContent = wanted
                ? `${gettext("No picture in the library matches")} “${wanted}”.`
                : gettext("The library has no pictures yet.");
        } else {
            status.textContent =
                `${count} ${count === 1 ? gettext("picture") : gettext("pictures")}` +
                (answer.has_more ? gettext(" shown; there are more.") : ".");
        }
    }

    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", onClose);
    search.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => load(search.value.trim(), 1), SEARCH_DELAY_MS);
    });
    search.addEventListener("keydown", (event) => {
        // Enter searches at once, rather than submitting the article form.
        if (event.key === "Enter") {
            event.preventDefault();
            clearTimeout(timer);
            load(search.value.trim(), 1);
        }
    });
    more.addEventListener("click", () => load(query, page + 1));

    return {
        open() {
            dialog.showModal();
            search.focus();
            if (!results.children.length) load(search.value.trim(), 1);
        },
        remove: () => dialog.remove(),
    };
}

/** What the editor shows of a figure: its picture, title, credit field and caption. */
function figureView({ node, getPos, editor, extension }) {
    const known = extension.storage.images;
    const thumbnail = element("img", { alt: "", width: "160" });
    const title = element("strong", { className: "body-figure__title" });
    const problem = element("span", { className: "image-badge body-figure__problem" });
    const creditId = `body-figure-credit-${++searchCount}`;
    const credit = element("input", {
        id: creditId,
        type: "text",
        className: "vTextField body-figure__credit",
        autocomplete: "off",
    });
    const change = element("button", { type: "button", className: "button", textContent: gettext("Change picture") });
    const remove = element("button", { type: "button", className: "button", textContent: gettext("Remove picture") });
    const about = element("div", { className: "body-figure__about" }, [
        title,
        problem,
        element("label", { for: creditId, textContent: gettext("Credit for this use") }),
        credit,
        element("span", { className: "body-figure__buttons" }, [change, remove]),
    ]);
    // The picture and its fields are no text: the editor leaves them to the browser.
    const picture = element("div", { className: "body-figure__picture", contenteditable: "false", role: "group" }, [
        thumbnail,
        about,
    ]);
    const caption = element("figcaption", {
        className: "body-figure__caption",
        "data-placeholder": gettext("Caption for this use"),
    });
    const dom = element("figure", { className: "body-figure" }, [picture, caption]);
    let current = node;

    function setAttributes(attributes) {
        const at = getPos();
        if (typeof at !== "number") return;
        editor.view.dispatch(editor.state.tr.setNodeMarkup(at, undefined, { ...current.attrs, ...attributes }));
    }

    function show(figure) {
        current = figure;
        dom.dataset.image = figure.attrs.image;
        const result = known.get(figure.attrs.image);
        if (result) {
            thumbnail.src = result.thumbnail;
            thumbnail.hidden = false;
            title.textContent = result.title;
            problem.textContent = result.problem || "";
        } else {
            // Not in the library any more (deleted), or not in this page's list.
            thumbnail.hidden = true;
            title.textContent = `${gettext("Picture")} #${figure.attrs.image}`;
            problem.textContent = gettext("This picture is not in the library: readers will not see it.");
        }
        problem.hidden = !problem.textContent;
        thumbnail.alt = "";
        picture.setAttribute("aria-label", `${gettext("Picture")}: ${title.textContent}`);
        if (document.activeElement !== credit) credit.value = figure.attrs.credit || "";
        caption.classList.toggle("is-empty", figure.content.size === 0);
        for (const control of [credit, change, remove]) control.disabled = !editor.isEditable;
    }

    credit.addEventListener("input", () => setAttributes({ credit: credit.value }));
    credit.addEventListener("change", () => setAttributes({ credit: plainCredit(credit.value) }));
    credit.addEventListener("keydown", (event) => {
        // Enter goes on to the caption, rather than submitting the article form.
        if (event.key === "Enter") {
            event.preventDefault();
            editor.chain().focus(getPos() + 1).run();
        }
    });
    change.addEventListener("click", () => {
        extension.storage.choose((result) => {
            setAttributes({ image: String(result.id), credit: current.attrs.credit || result.credit });
        });
    });
    remove.addEventListener("click", () => {
        const at = getPos();
        editor.chain().focus().deleteRange({ from: at, to: at + current.nodeSize }).run();
    });

    show(node);
    return {
        dom,
        contentDOM: caption,
        update(updated) {
            if (updated.type !== node.type) return false;
            show(updated);
            return true;
        },
        // Typing and clicks in the credit field and the buttons are theirs, not the editor's.
        stopEvent: (event) => about.contains(event.target) && event.type !== "dragstart",
        ignoreMutation: (mutation) => mutation.type !== "selection" && !caption.contains(mutation.target),
    };
}

const LibraryFigure = Node.create({
    name: "figure",
    group: "block",
    content: "inline*",
    marks: "_",
    draggable: true,
    // The caption's text never joins the paragraphs around it.
    isolating: true,

    addOptions() {
        return { chooseUrl: null, images: {} };
    },

    addStorage() {
        // What the search said of each picture (its thumbnail, title, any problem), by id;
        // the figures' node views read it as the editor first draws them.
        return { images: new Map(Object.entries(this.options.images || {})), chooser: null, choose: null };
    },

    onCreate() {
        const { storage, options, editor } = this;
        // One chooser for the editor; what a choice does depends on who opened it.
        let chosen = null;
        storage.choose = (onChoose) => {
            storage.chooser ||= imageChooser(
                options.chooseUrl,
                (result) => {
                    storage.images.set(String(result.id), result);
                    chosen?.(result);
                },
                () => editor.commands.focus()
            );
            chosen = onChoose;
            storage.chooser.open();
        };
    },

    onDestroy() {
        this.storage.chooser?.remove();
    },

    addAttributes() {
        return {
            image: {
                default: null,
                parseHTML: (element) => figureImageId(element.getAttribute("data-image")),
                renderHTML: (attributes) => ({ "data-image": attributes.image }),
            },
            credit: {
                default: "",
                parseHTML: (element) => plainCredit(element.getAttribute("data-credit")),
                renderHTML: (attributes) =>
                    plainCredit(attributes.credit) ? { "data-credit": plainCredit(attributes.credit) } : {},
            },
        };
    },

    parseHTML() {
        return [
            {
                // A figure of ours; any other (a web page's, with an <img>) keeps its text only.
                tag: "figure[data-image]",
                getAttrs: (element) => (figureImageId(element.getAttribute("data-image")) === null ? false : null),
                contentElement: (element) =>
                    element.querySelector(":scope > figcaption") || document.createElement("figcaption"),
            },
        ];
    },

    renderHTML({ HTMLAttributes }) {
        return ["figure", HTMLAttributes, ["figcaption", 0]];
    },

    addNodeView() {
        return (props) => figureView({ ...props, extension: this });
    },

    addCommands() {
        return {
            insertFigure:
                () =>
                ({ editor }) => {
                    if (!editor.isEditable || !this.options.chooseUrl) return false;
                    this.storage.choose((result) => {
                        const caption = (result.caption || "").replace(/\s+/g, " ").trim();
                        editor
                            .chain()
                            .focus()
                            .insertContent({
                                type: this.name,
                                attrs: { image: String(result.id), credit: plainCredit(result.credit) },
                                content: caption ? [{ type: "text", text: caption }] : [],
                            })
                            .run();
                    });
                    return true;
                },
        };
    },

    addKeyboardShortcuts() {
        return {
            // Enter in a caption goes on to a paragraph after the figure; it never splits it.
            Enter: ({ editor }) => {
                const { $from } = editor.state.selection;
                if ($from.parent.type.name !== this.name) return false;
                const after = $from.after();
                const next = editor.state.doc.resolve(after).nodeAfter;
                if (next && next.type.name === "paragraph" && next.content.size === 0) {
                    return editor.commands.setTextSelection(after + 1);
                }
                return editor.chain().insertContentAt(after, { type: "paragraph" }).setTextSelection(after + 1).run();
            },
        };
    },

    addMenuItems({ menu, buttons }) {
        const { chooseUrl } = this.options;
        // In place of the menu's own "figure" item, which asks for an address.
        menu.defineItem({
            name: "figure",
            groups: "nodes",
            button: buttons.material("image", gettext("Picture")),
            command(editor) {
                editor.commands.insertFigure();
            },
            enabled: (editor) => editor.isEditable,
            hidden: () => !chooseUrl,
        });
    },
});

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

/** The extensions of the editor of `textarea`: the schema's, and its figures' chooser. */
function extensionsFor(textarea) {
    let images = {};
    try {
        images = JSON.parse(textarea.dataset.figureImages || "{}");
    } catch (error) {
        // Thumbnails are a help, not the body: without them figures show their numbers.
    }
    const chooseUrl = textarea.dataset.imageChooseUrl || null;
    return [...EXTENSIONS, LibraryFigure.configure({ chooseUrl, images })];
}

function createEditor(textarea) {
    if (textarea.closest(".prose-editor")) return null;
    const editor = createTextareaEditor(textarea, extensionsFor(textarea));

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
