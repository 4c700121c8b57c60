/* Autosave of the article form in this browser's local storage, so that a lost connection
   or a closed tab loses no work.

   A few seconds after a change, the article's own fields are copied to localStorage under
   the article's id ("new" on the add form), with the time and the version the form was
   loaded with. On the next load, a copy that differs from the form is offered back in a
   bar above it: Restore or Discard. Submitting marks the copy as submitted; once the save
   is known to have gone through, the copy is deleted without a word. While a submitted
   copy's fate is unknown (a failed save, a lost connection, an expired login, or a
   colleague's save since), it is kept. Restoring a copy made from an older version than
   the form's puts that version back in the form, so saving it is refused with what changed
   meanwhile rather than silently replacing a colleague's save.
   Storage errors (private windows, full quota) only turn autosave off: it is a safety net.

   The body is written in a rich-text editor (body_editor.js) that keeps the textarea named
   "body" up to date and fires "input" there on every change, so its edits are copied as any
   field's; restoring a copy sets the editor's content too, since the textarea is hidden.
   The editor spells the body its own way (the server's has line breaks between blocks), so
   a copy holding the editor's spelling of what the server sent holds nothing unsaved. */
(function () {
    "use strict";

    const FIELD_NAMES = ["headline", "slug", "dek", "body", "section", "publish_at", "tags"];
    const FIELD_TYPES = ["text", "textarea", "select-one"];
    // The hidden input holding the version the form was loaded with.
    const VERSION_NAME = "loaded_version";
    const SAVE_DELAY_MS = 2000;
    const KEY_PREFIX = "newsroom:autosave:article:";
    // In sessionStorage (this tab only): the key of the copy whose form was just submitted.
    const SUBMITTED_KEY = "newsroom:autosave:submitted";

    // The rich-text editors of the form's textareas, as they announce themselves, and how
    // each writes what the server sent (body_editor.js). Editors are made by module scripts,
    // which run before this script's start(): so this listens from the moment it loads.
    const editors = new WeakMap();
    const editorSpellings = new WeakMap();
    document.addEventListener("prose-editor:ready", (event) => {
        const { editor, textarea, defaultHTML } = event.detail || {};
        if (!editor || !textarea) return;
        editors.set(textarea, editor);
        if (typeof defaultHTML === "string") editorSpellings.set(textarea, defaultHTML);
    });

    function read(key) {
        try {
            return JSON.parse(localStorage.getItem(key));
        } catch (error) {
            return null;
        }
    }

    function write(key, value) {
        try {
            localStorage.setItem(key, JSON.stringify(value));
        } catch (error) {
            // No room or no storage: the form still works, without its safety net.
        }
    }

    function forget(key) {
        try {
            localStorage.removeItem(key);
        } catch (error) {
            // Nothing was stored, then.
        }
    }

    function takeSubmittedKey() {
        try {
            const key = sessionStorage.getItem(SUBMITTED_KEY);
            sessionStorage.removeItem(SUBMITTED_KEY);
            return key;
        } catch (error) {
            return null;
        }
    }

    function rememberSubmittedKey(key) {
        try {
            sessionStorage.setItem(SUBMITTED_KEY, key);
        } catch (error) {
            // The version check still settles the copy on a later load.
        }
    }

    function pageHasErrors() {
        return document.querySelector(".errornote, .errorlist") !== null;
    }

    // Split widgets name their parts publish_at_0, publish_at_1.
    function isOwnField(element) {
        return (
            element.name &&
            !element.disabled &&
            FIELD_TYPES.includes(element.type) &&
            FIELD_NAMES.some((name) => element.name === name || element.name.startsWith(`${name}_`))
        );
    }

    function valuesOf(fields) {
        return Object.fromEntries(fields.map((field) => [field.name, field.value]));
    }

    // What the server sent, before any typing (or the browser's own restoring of a form).
    function serverValuesOf(fields) {
        return Object.fromEntries(
            fields.map((field) => {
                if (field.type !== "select-one") return [field.name, field.defaultValue];
                const chosen = Array.from(field.options).find((option) => option.defaultSelected);
                return [field.name, (chosen || field.options[0] || { value: "" }).value];
            })
        );
    }

    // An autocomplete select holds only its chosen option, so a copy keeps the labels too.
    function labelsOf(fields) {
        return Object.fromEntries(
            fields
                .filter((field) => field.type === "select-one" && field.selectedIndex >= 0)
                .map((field) => [field.name, field.options[field.selectedIndex].text])
        );
    }

    function differs(saved, shown) {
        return Object.keys(saved).some((name) => name in shown && saved[name] !== shown[name]);
    }

    // Whether a copy holds only what the server sent, in its spelling or an editor's.
    function sameAsServer(copy, fields) {
        const server = serverValuesOf(fields);
        return fields.every((field) => {
            const value = copy.fields[field.name];
            return (
                value === undefined ||
                value === server[field.name] ||
                (editorSpellings.has(field) && value === editorSpellings.get(field))
            );
        });
    }

    function versionOf(form) {
        const input = form.elements.namedItem(VERSION_NAME);
        const version = input ? parseInt(input.value, 10) : NaN;
        return Number.isNaN(version) ? null : version;
    }

    // Whether the article's latest version is this person's own save (see the template).
    function lastSavedByYou() {
        const state = document.getElementById("autosave-state");
        return state !== null && state.dataset.lastSavedByYou === "1";
    }

    function keyOf() {
        const match = window.location.pathname.match(/\/(\d+)\/change\/$/);
        return KEY_PREFIX + (match ? match[1] : "new");
    }

    function timeOf(milliseconds) {
        const when = new Date(milliseconds);
        const pad = (number) => String(number).padStart(2, "0");
        const time = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
        const today = new Date().toDateString() === when.toDateString();
        return today ? time : `${time} on ${when.toLocaleDateString()}`;
    }

    function fill(fields, copy) {
        for (const field of fields) {
            if (!(field.name in copy.fields) || field.value === copy.fields[field.name]) continue;
            const value = copy.fields[field.name];
            if (
                field.type === "select-one" &&
                !Array.from(field.options).some((option) => option.value === value)
            ) {
                field.add(new Option((copy.labels || {})[field.name] || value, value));
            }
            field.value = value;
            const editor = editors.get(field);
            if (editor && !editor.isDestroyed) {
                // Shown in the editor, which writes back to the textarea what it now shows.
                editor.commands.setContent(value);
            }
            // Other scripts (the autocomplete widget, the slug filler) follow the change.
            field.dispatchEvent(new Event("input", { bubbles: true }));
            field.dispatchEvent(new Event("change", { bubbles: true }));
        }
    }

    function promptBar(form, copy, onRestore, onDiscard) {
        const list = document.createElement("ul");
        list.className = "messagelist autosave-prompt";
        const item = document.createElement("li");
        item.className = "warning";
        item.setAttribute("role", "alert");
        item.append(`Unsaved changes from ${timeOf(copy.savedAt)} were kept in this browser. `);
        for (const [label, action] of [["Restore", onRestore], ["Discard", onDiscard]]) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "button";
            button.textContent = label;
            button.addEventListener("click", () => {
                list.remove();
                action();
            });
            item.append(button, " ");
        }
        list.append(item);
        form.before(list);
    }

    function start() {
        // The page answering a submit in this tab: Django's admin shows a success message
        // only when the save went through, whatever the form has (or has not) for a version.
        const submittedKey = takeSubmittedKey();
        if (submittedKey && document.querySelector(".messagelist .success") && !pageHasErrors()) {
            forget(submittedKey);
        }

        const form = document.getElementById("article_form");
        if (!form) return;
        const fields = Array.from(form.elements).filter(isOwnField);
        if (fields.length === 0) return; // Read-only: nothing to lose.
        const key = keyOf();
        let copy = read(key);

        if (copy && !pageHasErrors()) {
            const version = versionOf(form);
            const savedSince =
                copy.submitted &&
                version !== null &&
                copy.version != null &&
                version > copy.version &&
                lastSavedByYou();
            // A copy no different from what the server sent holds nothing unsaved.
            if (savedSince || sameAsServer(copy, fields)) {
                forget(key);
                copy = null;
            }
        }

        let timer = null;
        // While the prompt waits for an answer, the copy it offers must not be overwritten.
        let held = false;
        let changedWhileHeld = false;
        // Widgets announce "changes" that change nothing (the autocomplete does on load), so
        // a change counts only when the values differ from those last seen or saved.
        let lastValues = valuesOf(fields);

        function save(submitted) {
            clearTimeout(timer);
            timer = null;
            lastValues = valuesOf(fields);
            write(key, {
                fields: lastValues,
                labels: labelsOf(fields),
                savedAt: Date.now(),
                version: versionOf(form),
                submitted: submitted,
            });
        }

        function changed(event) {
            if (!isOwnField(event.target) || !differs(lastValues, valuesOf(fields))) return;
            if (held) {
                changedWhileHeld = true;
            } else if (timer === null) {
                timer = setTimeout(() => save(false), SAVE_DELAY_MS);
            }
        }

        function release() {
            held = false;
            if (changedWhileHeld) save(false);
        }

        if (copy && differs(copy.fields, valuesOf(fields))) {
            held = true;
            promptBar(
                form,
                copy,
                () => {
                    fill(fields, copy);
                    const input = form.elements.namedItem(VERSION_NAME);
                    const version = versionOf(form);
                    if (input && version !== null && copy.version != null && copy.version < version) {
                        input.value = String(copy.version);
                    }
                    release();
                },
                () => {
                    forget(key);
                    release();
                }
            );
        }

        // The autocomplete widget announces its changes through jQuery only.
        const $ = window.django && window.django.jQuery;
        if ($) {
            $(form).on("input change", changed);
        } else {
            form.addEventListener("input", changed);
            form.addEventListener("change", changed);
        }
        form.addEventListener("submit", () => {
            save(true);
            rememberSubmittedKey(key);
        });
        // A tab closed before the delay is up still keeps its last changes.
        const saveIfPending = () => {
            if (timer !== null) save(false);
        };
        window.addEventListener("pagehide", saveIfPending);
        document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "hidden") saveIfPending();
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
