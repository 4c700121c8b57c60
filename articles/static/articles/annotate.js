/* The annotation screen: the article's text with its mentions, where an annotator selects
   words to link them to an entity and accepts, rejects or changes what is marked.

   The server is the record: every change is a JSON request, and every answer carries the
   article's whole annotation state, which is drawn again. The browser sends quotes (exact,
   prefix, suffix), never offsets, since it counts UTF-16 units and the server code points. */
(function () {
    "use strict";

    const config = JSON.parse(document.getElementById("annotate-config").textContent);
    let state = JSON.parse(document.getElementById("annotate-state").textContent);
    const csrfToken = document.querySelector("[name=csrfmiddlewaretoken]").value;

    const textBox = document.getElementById("annotate-text");
    const popover = document.getElementById("annotate-popover");
    const statusLine = document.getElementById("annotate-status");
    const entityList = document.getElementById("annotate-entities");
    const countsLine = document.getElementById("annotate-counts");
    const acceptButton = document.getElementById("annotate-accept-suggestions");
    const unplacedBox = document.getElementById("annotate-unplaced-box");
    const unplacedList = document.getElementById("annotate-unplaced");

    const STATUS_CLASS = {
        confirmed: "mention-confirmed",
        suggested: "mention-suggested",
        needs_review: "mention-needs-review",
    };
    // Drawn first when mentions overlap: a confirmed mention hides a suggestion under it.
    const PRIORITY = ["confirmed", "needs_review", "suggested"];
    const TO_CHECK = new Set(["suggested", "needs_review"]);

    let placed = [];            // mentions drawn in the text, in text order
    let openMentionId = null;   // the mention whose popover is open
    let highlightedEntity = null;

    // --- Small helpers ------------------------------------------------------------------

    function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) {
            if (value === false || value === null || value === undefined) continue;
            if (name === "className") node.className = value;
            else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
            else node.setAttribute(name, value === true ? "" : value);
        }
        for (const child of children) {
            if (child === null || child === undefined || child === false) continue;
            node.append(child instanceof Node ? child : String(child));
        }
        return node;
    }

    function say(message, isError) {
        statusLine.textContent = message || "";
        statusLine.classList.toggle("is-error", Boolean(isError));
    }

    function plural(count, word) {
        return `${count} ${word}${count === 1 ? "" : "s"}`;
    }

    /* What tells an entity from another of the same name, as text: its description
       (shortened by the server; the whole of it in the title) and its Wikidata id, linked.
       Data only ever reaches the page as text nodes. */
    function entityDetails(entity, linkFocusable) {
        const parts = [];
        if (entity.description_short) {
            parts.push(
                el(
                    "span",
                    {
                        className: "annotate-description",
                        title: entity.description !== entity.description_short ? entity.description : null,
                    },
                    entity.description_short
                )
            );
        }
        if (entity.wikidata) {
            parts.push(
                el(
                    "a",
                    {
                        className: "annotate-wikidata",
                        href: entity.wikidata_url,
                        target: "_blank",
                        rel: "noopener",
                        // Inside an option of the picker a link cannot take the focus: the
                        // option is chosen with the keyboard, the id is still read out.
                        tabindex: linkFocusable ? null : "-1",
                        "aria-label": `Wikidata ${entity.wikidata}`,
                        onclick: (event) => event.stopPropagation(),
                    },
                    entity.wikidata
                )
            );
        }
        if (!parts.length) return null;
        const box = el("span", { className: "annotate-details" });
        parts.forEach((part, index) => {
            if (index) box.append(" · ");
            box.append(part);
        });
        return box;
    }

    /* "Same name as Maria Santos (marine biologist)", or null for an entity with no
       namesake (see articles/namesakes.py). */
    function namesakesSaid(entity) {
        if (!entity.namesakes || !entity.namesakes.length) return null;
        return `Same name as ${entity.namesakes.map((other) => other.said).join("; ")}`;
    }

    async function send(method, url, body) {
        const response = await fetch(url, {
            method: method,
            credentials: "same-origin",
            headers: {
                "Accept": "application/json",
                "Content-Type": "application/json",
                "X-CSRFToken": csrfToken,
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        let data = null;
        try {
            data = await response.json();
        } catch (error) {
            data = null;
        }
        if (!response.ok) {
            const reason = data && data.error ? data.error : `The server answered ${response.status}.`;
            throw new Error(reason);
        }
        return data;
    }

    /* Run a change on the server, then draw the state it answers with. Returns whether it
       worked; on failure the message is shown and the popover stays open. */
    async function change(method, url, body) {
        say("Saving…");
        try {
            const data = await send(method, url, body);
            state = data.state;
            draw();
            say(data.message);
            return true;
        } catch (error) {
            say(error.message, true);
            const problem = popover.querySelector(".annotate-problem");
            if (problem) problem.textContent = error.message;
            return false;
        }
    }

    function mentionUrl(mention) {
        return `${config.urls.mentions}${mention.id}/`;
    }

    function byId(id) {
        return state.mentions.find((mention) => mention.id === id) || null;
    }

    // --- Drawing the text ---------------------------------------------------------------

    function fitsInText(mention, length) {
        if (!(mention.start >= 0 && mention.start < mention.end && mention.end <= length)) {
            return false;
        }
        // An edit may have changed the words of a mention needing review: it is still shown
        // at its place, saying what it was. Other mentions are shown only on their words.
        return mention.fits || mention.status === "needs_review";
    }

    function choosePlaced(length) {
        const ordered = [...state.mentions].sort(
            (a, b) => PRIORITY.indexOf(a.status) - PRIORITY.indexOf(b.status) || a.start - b.start
        );
        const taken = [];
        const shown = [];
        for (const mention of ordered) {
            const overlaps = taken.some((m) => mention.start < m.end && m.start < mention.end);
            if (fitsInText(mention, length) && !overlaps) {
                taken.push(mention);
                shown.push(mention);
            }
        }
        return shown.sort((a, b) => a.start - b.start);
    }

    function describe(mention) {
        let title = `${mention.entity.name} (${mention.entity.kind_label}): ${mention.status_label.toLowerCase()}`;
        if (mention.role === "about") title += ", subject of the article";
        if (mention.said) title += `. ${mention.said}`;
        else if (!mention.fits) title += `; was “${mention.exact}”`;
        const twins = namesakesSaid(mention.entity);
        if (twins && TO_CHECK.has(mention.status)) title += `; ${twins.charAt(0).toLowerCase()}${twins.slice(1)}`;
        if (mention.look) title += `; needs a look: ${mention.look}`;
        return title;
    }

    function draw() {
        const characters = Array.from(state.text); // code points, as the server counts
        placed = choosePlaced(characters.length);
        const fragment = document.createDocumentFragment();
        let at = 0;
        for (const mention of placed) {
            fragment.append(characters.slice(at, mention.start).join(""));
            const mark = el(
                "mark",
                {
                    className: `mention ${STATUS_CLASS[mention.status]}`,
                    "data-mention": mention.id,
                    "data-entity": mention.entity.id,
                    "data-status": mention.status,
                    "data-role": mention.role,
                    title: describe(mention),
                    tabindex: "0",
                    role: "button",
                    "aria-label": `${characters.slice(mention.start, mention.end).join("")}: ${describe(mention)}`,
                },
                characters.slice(mention.start, mention.end).join("")
            );
            if (mention.id === openMentionId) mark.classList.add("is-current");
            if (mention.entity.id === highlightedEntity) mark.classList.add("is-highlighted");
            if (mention.role === "about") mark.classList.add("mention-about");
            if (TO_CHECK.has(mention.status) && mention.entity.namesakes.length) {
                mark.classList.add("mention-namesake");
            }
            // A suggestion chosen from context, or on a month's name: not to be taken on trust.
            if (mention.look) mark.classList.add("mention-look");
            fragment.append(mark);
            at = mention.end;
        }
        fragment.append(characters.slice(at).join(""));
        textBox.replaceChildren(fragment);
        drawSide();
        if (openMentionId !== null) {
            const mention = byId(openMentionId);
            if (mention) openMention(mention);
            else closePopover();
        }
    }

    function drawSide() {
        const counts = { confirmed: 0, suggested: 0, needs_review: 0 };
        for (const mention of state.mentions) counts[mention.status] += 1;
        countsLine.textContent =
            `${counts.confirmed} confirmed, ${counts.suggested} suggested, ` +
            `${counts.needs_review} to review, ${state.rejected} rejected.`;
        // Suggestions whose words leave no choice, as the server's bulk accept takes them:
        // drawn ones only, since a suggestion under a confirmed mention is not drawn and
        // is not accepted.
        const sure = placed.filter(
            (mention) =>
                mention.status === "suggested" && mention.fits && !mention.look && !mention.entity.namesakes.length
        ).length;
        acceptButton.hidden = sure === 0;
        acceptButton.textContent = `Accept ${plural(sure, "suggestion")} that need${sure === 1 ? "s" : ""} no look`;

        entityList.replaceChildren(
            ...state.entities.map((entity) => {
                const parts = [];
                if (entity.confirmed) parts.push(`${entity.confirmed} confirmed`);
                if (entity.suggested) parts.push(`${entity.suggested} suggested`);
                if (entity.needs_review) parts.push(`${entity.needs_review} to review`);
                return el(
                    "li",
                    { className: entity.id === highlightedEntity ? "is-highlighted" : "" },
                    el(
                        "button",
                        {
                            type: "button",
                            className: "annotate-entity",
                            "aria-pressed": entity.id === highlightedEntity ? "true" : "false",
                            title: "Show this entity's mentions in the text",
                            onclick: () => highlight(entity.id),
                        },
                        entity.name
                    ),
                    " ",
                    el("span", { className: "annotate-kind" }, entity.kind_label.toLowerCase()),
                    el("span", { className: "annotate-entity-counts" }, parts.join(" · "))
                );
            })
        );
        if (!state.entities.length) {
            entityList.append(el("li", {}, "No mentions yet."));
        }

        const shown = new Set(placed.map((mention) => mention.id));
        const unplaced = state.mentions.filter((mention) => !shown.has(mention.id));
        unplacedBox.hidden = unplaced.length === 0;
        // A mention whose words an edit took away has no place to draw: it is listed here
        // with what happened, to be rejected or removed (never accepted: it has no words).
        unplacedList.replaceChildren(
            ...unplaced.map((mention) =>
                el(
                    "li",
                    { "data-mention": mention.id },
                    `“${mention.exact}” → ${mention.entity.name} (${mention.status_label.toLowerCase()}) `,
                    mention.said ? el("span", { className: "annotate-said" }, mention.said) : null,
                    mention.said ? " " : null,
                    TO_CHECK.has(mention.status)
                        ? el(
                              "button",
                              {
                                  type: "button",
                                  className: "button",
                                  "data-action": "reject",
                                  onclick: () => change("POST", mentionUrl(mention), { status: "rejected" }),
                              },
                              "Reject"
                          )
                        : null,
                    el(
                        "button",
                        {
                            type: "button",
                            className: "button",
                            "data-action": "remove",
                            onclick: () => change("DELETE", mentionUrl(mention)),
                        },
                        "Remove"
                    )
                )
            )
        );
    }

    function highlight(entityId) {
        highlightedEntity = highlightedEntity === entityId ? null : entityId;
        draw();
        const first = textBox.querySelector(".is-highlighted");
        if (first) first.scrollIntoView({ block: "center" });
    }

    // --- The popover --------------------------------------------------------------------

    function closePopover() {
        popover.hidden = true;
        popover.replaceChildren();
        const wasOpen = openMentionId;
        openMentionId = null;
        for (const mark of textBox.querySelectorAll(".is-current")) mark.classList.remove("is-current");
        if (wasOpen !== null) {
            const mark = markOf(wasOpen);
            if (mark) mark.focus({ preventScroll: true });
        }
    }

    function showPopover(rect, title, ...content) {
        popover.replaceChildren(
            el("h2", { id: "annotate-popover-title" }, title),
            ...content,
            el("p", { className: "annotate-problem", role: "alert" }),
            el("button", { type: "button", className: "annotate-close", "aria-label": "Close", onclick: closePopover }, "×")
        );
        popover.hidden = false;
        const width = Math.min(popover.offsetWidth || 360, window.innerWidth - 16);
        const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
        popover.style.left = `${left + window.scrollX}px`;
        popover.style.top = `${rect.bottom + window.scrollY + 6}px`;
    }

    function markOf(mentionId) {
        return textBox.querySelector(`mark[data-mention="${mentionId}"]`);
    }

    function roleSelect(value, onchange) {
        return el(
            "label",
            { className: "annotate-role" },
            "Role ",
            el(
                "select",
                { name: "role", onchange: onchange },
                ...config.roles.map((role) =>
                    el("option", { value: role.value, selected: role.value === value }, role.label)
                )
            )
        );
    }

    /* A search box over entity names and aliases, with a list of results to choose from by
       mouse or with the arrow keys and Enter. */
    function entityPicker(initialQuery, onChoose) {
        const listId = `annotate-results-${Math.random().toString(36).slice(2)}`;
        const input = el("input", {
            type: "search",
            name: "entity-search",
            value: initialQuery,
            autocomplete: "off",
            role: "combobox",
            "aria-expanded": "false",
            "aria-controls": listId,
            "aria-autocomplete": "list",
            "aria-label": "Find an entity by name or alias",
            placeholder: "Name or alias",
        });
        const list = el("ul", { id: listId, role: "listbox", className: "annotate-results" });
        let results = [];
        let active = -1;
        let timer = null;
        let asked = 0;

        function paint() {
            list.replaceChildren(
                ...results.map((entity, index) =>
                    el(
                        "li",
                        {
                            role: "option",
                            id: `${listId}-${index}`,
                            "aria-selected": index === active ? "true" : "false",
                            className: index === active ? "is-active" : "",
                            "data-entity": entity.id,
                            onmousedown: (event) => event.preventDefault(),
                            onclick: () => onChoose(entity),
                        },
                        el("strong", {}, entity.name),
                        ` ${entity.kind_label.toLowerCase()}`,
                        entity.aliases.length ? el("small", {}, ` (${entity.aliases.join(", ")})`) : null,
                        entityDetails(entity, false),
                        entity.namesakes.length
                            ? el(
                                  "span",
                                  { className: "annotate-namesake" },
                                  `Same name as ${plural(entity.namesakes.length, "other")}`
                              )
                            : null
                    )
                )
            );
            input.setAttribute("aria-expanded", results.length ? "true" : "false");
            if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
            else input.removeAttribute("aria-activedescendant");
        }

        async function search() {
            const query = input.value.trim();
            const ticket = ++asked;
            if (!query) {
                results = [];
                active = -1;
                paint();
                return;
            }
            try {
                const url = `${config.urls.entities}?q=${encodeURIComponent(query)}`;
                const data = await send("GET", url);
                if (ticket !== asked) return; // a later search has been sent meanwhile
                results = data.results;
                active = results.length ? 0 : -1;
                paint();
                if (!results.length) {
                    list.replaceChildren(el("li", { className: "annotate-none" }, "No entity has this name or alias."));
                }
            } catch (error) {
                say(error.message, true);
            }
        }

        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(search, 150);
        });
        input.addEventListener("keydown", (event) => {
            if (event.key === "ArrowDown" && results.length) {
                active = (active + 1) % results.length;
                paint();
                event.preventDefault();
            } else if (event.key === "ArrowUp" && results.length) {
                active = (active - 1 + results.length) % results.length;
                paint();
                event.preventDefault();
            } else if (event.key === "Enter") {
                event.preventDefault();
                if (active >= 0) onChoose(results[active]);
            }
        });
        if (initialQuery) search();
        return { element: el("div", { className: "annotate-picker" }, input, list), input: input };
    }

    function newEntityForm(name, onCreate) {
        if (!config.can_add_entity) return null;
        const nameInput = el("input", { type: "text", name: "new-entity-name", value: name, "aria-label": "Name" });
        const kindSelect = el(
            "select",
            { name: "new-entity-kind", "aria-label": "Kind" },
            ...config.kinds.map((kind) => el("option", { value: kind.value }, kind.label))
        );
        const form = el(
            "form",
            {
                className: "annotate-new-entity",
                hidden: true,
                onsubmit: (event) => {
                    event.preventDefault();
                    onCreate({ name: nameInput.value.trim(), kind: kindSelect.value });
                },
            },
            el("label", {}, "Name ", nameInput),
            el("label", {}, "Kind ", kindSelect),
            el("button", { type: "submit", className: "button default" }, "Create and link")
        );
        const toggle = el(
            "button",
            {
                type: "button",
                className: "button annotate-new-toggle",
                onclick: () => {
                    form.hidden = !form.hidden;
                    if (!form.hidden) nameInput.focus();
                },
            },
            "New entity…"
        );
        return el("div", {}, toggle, form);
    }

    function openSelection(quote, rect) {
        openMentionId = null;
        let role = "mentions";
        const linkAll = el("input", { type: "checkbox", name: "link-all" });
        const link = (entityFields) =>
            change("POST", config.urls.mentions, {
                exact: quote.exact,
                prefix: quote.prefix,
                suffix: quote.suffix,
                role: role,
                link_all: linkAll.checked,
                ...entityFields,
            }).then((done) => {
                if (done) {
                    window.getSelection().removeAllRanges();
                    closePopover();
                }
            });
        const picker = entityPicker(quote.exact, (entity) => link({ entity: entity.id }));
        showPopover(
            rect,
            `Link “${quote.exact}”`,
            picker.element,
            roleSelect(role, (event) => {
                role = event.target.value;
            }),
            el("label", { className: "annotate-link-all" }, linkAll, ` Link every “${quote.exact}” in this article`),
            newEntityForm(quote.exact, (fields) => link({ new_entity: fields }))
        );
        picker.input.focus();
        picker.input.select();
    }

    function openMention(mention) {
        const mark = markOf(mention.id);
        openMentionId = mention.id;
        for (const other of textBox.querySelectorAll(".is-current")) other.classList.remove("is-current");
        if (mark) mark.classList.add("is-current");
        const rect = mark ? mark.getBoundingClientRect() : textBox.getBoundingClientRect();
        const url = mentionUrl(mention);
        const actions = el("div", { className: "annotate-actions" });
        if (mention.status !== "confirmed") {
            const requote = !mention.fits;
            // Accepting is the obvious choice only for a mention on its own words with
            // nothing to say about them: new words, or a longer name, are for a person to weigh.
            const obvious = mention.fits && !mention.said;
            actions.append(
                el(
                    "button",
                    {
                        type: "button",
                        className: obvious ? "button default" : "button",
                        "data-action": "accept",
                        onclick: () => accept(mention),
                    },
                    requote ? "Accept the new words (a)" : "Accept (a)"
                ),
                el(
                    "button",
                    { type: "button", className: "button", "data-action": "reject", onclick: () => reject(mention) },
                    "Reject (r)"
                )
            );
        }
        if (mention.source === "suggested" || config.can_delete) {
            actions.append(
                el(
                    "button",
                    {
                        type: "button",
                        className: "button",
                        "data-action": "remove",
                        onclick: () => change("DELETE", url).then((done) => done && closePopover()),
                    },
                    "Remove"
                )
            );
        }
        const changeBox = el("div", { className: "annotate-change", hidden: true });
        const changeToggle = el(
            "button",
            {
                type: "button",
                className: "button",
                "data-action": "change",
                onclick: () => {
                    changeBox.hidden = !changeBox.hidden;
                    if (!changeBox.hidden) changeBox.querySelector("input").focus();
                },
            },
            "Change entity…"
        );
        actions.append(changeToggle);
        const picker = entityPicker("", (entity) =>
            change("POST", url, { entity: entity.id, status: "confirmed", requote: !mention.fits })
        );
        changeBox.append(
            picker.element,
            newEntityForm(mention.now || mention.exact, (fields) =>
                change("POST", url, { new_entity: fields, entity: null, status: "confirmed", requote: !mention.fits })
            )
        );
        const details = [
            el(
                "p",
                { className: "annotate-what" },
                el("a", { href: mention.entity.url, target: "_blank", rel: "noopener" }, mention.entity.name),
                ` (${mention.entity.kind_label.toLowerCase()}), ${mention.status_label.toLowerCase()}`,
                mention.source === "suggested" && mention.status !== "suggested" ? ", first suggested automatically" : ""
            ),
        ];
        const facts = entityDetails(mention.entity, true);
        if (facts) details.push(el("p", { className: "annotate-entity-details" }, facts));
        const twins = namesakesSaid(mention.entity);
        if (twins) {
            details.push(
                el(
                    "p",
                    { className: "annotate-namesake" },
                    `${twins}: `,
                    mention.status === "confirmed"
                        ? "check that this is the one meant."
                        : "check that this is the one meant before accepting, or change the entity."
                )
            );
        }
        if (mention.look) {
            details.push(
                el(
                    "p",
                    { className: "annotate-look" },
                    `Needs a look: ${mention.look} Check that it is meant before accepting, or change the entity.`
                )
            );
        }
        if (mention.said) {
            details.push(el("p", { className: "annotate-was" }, mention.said));
        } else if (!mention.fits) {
            details.push(
                el(
                    "p",
                    { className: "annotate-was" },
                    `Was “${mention.exact}”; an edit changed it` +
                        (mention.now ? ` to “${mention.now}”.` : ".")
                )
            );
        }
        showPopover(
            rect,
            `“${mention.now || mention.exact}”`,
            ...details,
            actions,
            roleSelect(mention.role, (event) => change("POST", url, { role: event.target.value })),
            changeBox
        );
    }

    function accept(mention) {
        const payload = { status: "confirmed" };
        if (!mention.fits) payload.requote = true;
        return change("POST", mentionUrl(mention), payload).then((done) => done && goToNext(mention));
    }

    function reject(mention) {
        return change("POST", mentionUrl(mention), { status: "rejected" }).then((done) => done && goToNext(mention));
    }

    /* After a decision, go on to the next mention to check, as a reviewer would. */
    function goToNext(after) {
        const next = placed.find((mention) => TO_CHECK.has(mention.status) && mention.start >= after.start);
        if (next) {
            openMention(next);
            const mark = markOf(next.id);
            if (mark) mark.focus({ preventScroll: false });
        } else {
            closePopover();
            say(`${statusLine.textContent} Nothing left to check after this one.`);
        }
    }

    function step(direction) {
        const toCheck = placed.filter((mention) => TO_CHECK.has(mention.status));
        if (!toCheck.length) {
            say("No suggestions or mentions to review in this article.");
            return;
        }
        const current = byId(openMentionId);
        let target;
        if (!current) {
            target = direction > 0 ? toCheck[0] : toCheck[toCheck.length - 1];
        } else if (direction > 0) {
            target = toCheck.find((mention) => mention.start > current.start) || toCheck[0];
        } else {
            target = [...toCheck].reverse().find((mention) => mention.start < current.start) || toCheck[toCheck.length - 1];
        }
        const mark = markOf(target.id);
        if (mark) mark.focus();
        openMention(target);
    }

    // --- Selecting words ----------------------------------------------------------------

    const WORD = /[\p{L}\p{N}\p{M}_]/u;

    function offsetIn(container, node, offset) {
        const range = document.createRange();
        range.selectNodeContents(container);
        range.setEnd(node, offset);
        return range.toString().length;
    }

    /* The selected words as a quote, widened to whole words and trimmed of spaces. */
    function selectedQuote() {
        const selection = window.getSelection();
        if (!selection.rangeCount || selection.isCollapsed) return null;
        const range = selection.getRangeAt(0);
        if (!textBox.contains(range.startContainer) || !textBox.contains(range.endContainer)) return null;
        const full = textBox.textContent;
        let start = offsetIn(textBox, range.startContainer, range.startOffset);
        let end = offsetIn(textBox, range.endContainer, range.endOffset);
        while (start < end && /\s/.test(full[start])) start++;
        while (end > start && /\s/.test(full[end - 1])) end--;
        if (start >= end) return null;
        while (start > 0 && WORD.test(full[start - 1]) && WORD.test(full[start])) start--;
        while (end < full.length && WORD.test(full[end]) && WORD.test(full[end - 1])) end++;
        if (full.slice(start, end).includes("\n")) {
            say("Select words within one paragraph.", true);
            return null;
        }
        const context = config.quote_context;
        let prefix = full.slice(Math.max(0, start - context), start);
        let suffix = full.slice(end, end + context);
        // Never send half of a character written with two UTF-16 units.
        if (/^[\uDC00-\uDFFF]/.test(prefix)) prefix = prefix.slice(1);
        if (/[\uD800-\uDBFF]$/.test(suffix)) suffix = suffix.slice(0, -1);
        return { exact: full.slice(start, end), prefix: prefix, suffix: suffix, rect: range.getBoundingClientRect() };
    }

    function onSelect() {
        const quote = selectedQuote();
        if (quote) openSelection(quote, quote.rect);
    }

    acceptButton.addEventListener("click", async () => {
        closePopover();
        acceptButton.disabled = true; // one request at a time: a second click has nothing to do
        await change("POST", config.urls.accept_suggestions, {});
        acceptButton.disabled = false;
    });
    textBox.addEventListener("mouseup", () => setTimeout(onSelect, 0));
    textBox.addEventListener("keyup", (event) => {
        if (event.shiftKey) onSelect();
    });
    textBox.addEventListener("click", (event) => {
        const mark = event.target.closest("mark[data-mention]");
        if (!mark || !window.getSelection().isCollapsed) return;
        const mention = byId(Number(mark.dataset.mention));
        if (mention) openMention(mention);
    });
    textBox.addEventListener("keydown", (event) => {
        const mark = event.target.closest && event.target.closest("mark[data-mention]");
        if (mark && (event.key === "Enter" || event.key === " ")) {
            event.preventDefault();
            const mention = byId(Number(mark.dataset.mention));
            if (mention) openMention(mention);
        }
    });

    // --- Keyboard shortcuts -------------------------------------------------------------

    document.addEventListener("keydown", (event) => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const typing = event.target.closest && event.target.closest("input, select, textarea, [contenteditable]");
        if (event.key === "Escape") {
            closePopover();
            return;
        }
        if (typing) return;
        const open = byId(openMentionId);
        switch (event.key) {
            case "n":
            case "j":
                step(1);
                break;
            case "p":
            case "k":
                step(-1);
                break;
            case "a":
                if (open && open.status !== "confirmed") accept(open);
                break;
            case "r":
                if (open && open.status !== "confirmed") reject(open);
                break;
            default:
                return;
        }
        event.preventDefault();
    });

    document.addEventListener("mousedown", (event) => {
        if (!popover.hidden && !popover.contains(event.target) && !textBox.contains(event.target)) {
            closePopover();
        }
    });

    draw();
})();
