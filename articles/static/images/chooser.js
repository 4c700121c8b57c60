/* The image chooser of a form field (articles/images/widgets.py): the picture's number
   input gives way to the chosen picture, a "Choose a picture" button that searches the
   library (admin:images_image_choose) in a dialog of thumbnails, and "Remove". Without
   this script the number input is the field. */
(function () {
    "use strict";

    const SEARCH_DELAY_MS = 250;

    // A short word for a result that may not go out as it is; the chosen picture shows the
    // whole reason.
    function badgeFor(result) {
        if (!result.usable) return "May not be used";
        if (result.problem) return "No alt text";
        return "";
    }

    function element(tag, className, text) {
        const made = document.createElement(tag);
        if (className) made.className = className;
        if (text) made.textContent = text;
        return made;
    }

    function setUp(chooser) {
        const input = chooser.querySelector(".image-chooser-id");
        const chosen = chooser.querySelector(".image-chooser-chosen");
        const chooseButton = chooser.querySelector(".image-chooser-choose");
        const removeButton = chooser.querySelector(".image-chooser-remove");
        const dialog = chooser.querySelector(".image-chooser-dialog");
        const search = chooser.querySelector(".image-chooser-search");
        const results = chooser.querySelector(".image-chooser-results");
        const status = chooser.querySelector(".image-chooser-status");
        const more = chooser.querySelector(".image-chooser-more");
        let query = "";
        let page = 1;
        let asked = 0; // the latest request: an answer to an earlier one is dropped
        let timer = null;

        chooser.querySelector(".image-chooser-fallback").hidden = true;
        chooser.querySelector(".image-chooser-buttons").hidden = false;

        function changed() {
            input.dispatchEvent(new Event("input", {bubbles: true}));
            input.dispatchEvent(new Event("change", {bubbles: true}));
        }

        function show(result) {
            let thumbnail = chosen.querySelector(".image-chooser-thumbnail");
            if (!thumbnail) {
                thumbnail = element("img", "image-chooser-thumbnail");
                thumbnail.alt = "";
                thumbnail.width = 160;
                chosen.prepend(thumbnail);
            }
            thumbnail.src = result.thumbnail;
            chosen.querySelector(".image-chooser-title").textContent = result.title;
            chosen.querySelector(".image-chooser-credit").textContent = result.credit;
            const problem = chosen.querySelector(".image-chooser-problem");
            problem.textContent = result.problem || "";
            problem.hidden = !result.problem;
            chosen.querySelector(".image-chooser-open").href = chooser.dataset.changeUrl.replace(
                /\/0\/change\/$/, "/" + result.id + "/change/"
            );
            chosen.hidden = false;
            removeButton.hidden = false;
        }

        function choose(result) {
            input.value = String(result.id);
            show(result);
            dialog.close();
            changed();
            chooseButton.focus();
        }

        function tile(result) {
            const item = element("li");
            const button = element("button", "image-chooser-result");
            button.type = "button";
            button.dataset.id = result.id;
            const picture = element("img");
            picture.src = result.thumbnail;
            picture.alt = "";
            picture.loading = "lazy";
            button.append(picture, element("span", "image-chooser-result-title", result.title));
            if (result.credit) {
                button.append(element("span", "image-chooser-result-credit", result.credit));
            }
            const badge = badgeFor(result);
            if (badge) button.append(element("span", "image-badge", badge));
            if (result.problem) button.title = result.problem;
            button.addEventListener("click", () => choose(result));
            item.append(button);
            return item;
        }

        async function load(wanted, wantedPage) {
            const request = ++asked;
            status.textContent = "Searching…";
            const url = new URL(chooser.dataset.chooseUrl, window.location.href);
            url.searchParams.set("q", wanted);
            url.searchParams.set("page", String(wantedPage));
            let answer;
            try {
                const response = await fetch(url, {
                    headers: {Accept: "application/json"},
                    credentials: "same-origin",
                });
                const type = response.headers.get("Content-Type") || "";
                if (!type.startsWith("application/json")) {
                    // A login page, after the session ended: reloading logs in again.
                    throw new Error("the server answered " + response.status + "; reload the page");
                }
                answer = await response.json();
                if (!response.ok) throw new Error(answer.error || response.statusText);
            } catch (error) {
                if (request === asked) {
                    status.textContent = "The library could not be searched: " + error.message;
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
                    ? "No picture in the library matches “" + wanted + "”."
                    : "The library has no pictures yet.";
            } else {
                status.textContent =
                    count + (count === 1 ? " picture" : " pictures") +
                    (answer.has_more ? " shown; there are more." : ".");
            }
        }

        chooseButton.addEventListener("click", () => {
            dialog.showModal();
            search.focus();
            if (!results.children.length) load(search.value.trim(), 1);
        });
        removeButton.addEventListener("click", () => {
            input.value = "";
            chosen.hidden = true;
            removeButton.hidden = true;
            changed();
            chooseButton.focus();
        });
        chooser.querySelector(".image-chooser-close").addEventListener("click", () => {
            dialog.close();
        });
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
    }

    function setUpAll() {
        document.querySelectorAll(".image-chooser").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpAll);
    } else {
        setUpAll();
    }
})();
