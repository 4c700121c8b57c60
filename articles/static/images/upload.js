/* Uploading several pictures at once (articles/images/upload.py): the files chosen or
   dropped are sent one by one, each with a progress bar while it goes, and each line then
   says what became of its file: stored, already in the library, or refused and why.
   Without this script the form sends them all at once. */
(function () {
    "use strict";

    const LINK_TEXT = {
        stored: (result) => "Open #" + result.id,
        duplicate: () => "Open the picture already there",
    };

    function element(tag, className, text) {
        const made = document.createElement(tag);
        if (className) made.className = className;
        if (text) made.textContent = text;
        return made;
    }

    function setUp(form) {
        const input = form.querySelector("#upload-files");
        const zone = form.querySelector("#upload-drop-zone");
        const list = document.getElementById("upload-results");
        const summary = document.getElementById("upload-summary");
        const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
        const queue = [];
        const counts = {stored: 0, duplicate: 0, refused: 0};
        let sending = false;

        function summarise() {
            const parts = [];
            if (counts.stored) parts.push(counts.stored + " stored");
            if (counts.duplicate) parts.push(counts.duplicate + " already in the library");
            if (counts.refused) parts.push(counts.refused + " refused");
            const waiting = queue.length + (sending ? 1 : 0);
            if (waiting) parts.push(waiting + " to go");
            summary.textContent = parts.join(", ") + (parts.length ? "." : "");
        }

        function row(file) {
            const item = element("li", "upload-result upload-waiting");
            const progress = element("progress");
            progress.max = 100;
            progress.value = 0;
            progress.setAttribute("aria-label", "Uploading " + file.name);
            item.append(
                element("span", "upload-name", file.name),
                progress,
                element("span", "upload-message", "Waiting…")
            );
            list.append(item);
            return item;
        }

        function settle(item, result) {
            item.className = "upload-result upload-" + result.status;
            item.querySelector("progress").remove();
            item.querySelector(".upload-message").textContent = result.message;
            if (result.url && LINK_TEXT[result.status]) {
                const link = element("a", "upload-link", LINK_TEXT[result.status](result));
                link.href = result.url;
                item.append(link);
            }
            counts[result.status] = (counts[result.status] || 0) + 1;
        }

        function fail(item, message) {
            settle(item, {status: "refused", message: "Not uploaded: " + message});
        }

        function send(file, item) {
            return new Promise((resolve) => {
                const request = new XMLHttpRequest();
                const data = new FormData();
                data.append("files", file);
                request.open("POST", form.action || window.location.href);
                request.setRequestHeader("X-CSRFToken", token);
                request.setRequestHeader("Accept", "application/json");
                item.querySelector(".upload-message").textContent = "Uploading…";
                request.upload.addEventListener("progress", (event) => {
                    if (event.lengthComputable) {
                        item.querySelector("progress").value = (100 * event.loaded) / event.total;
                    }
                });
                request.addEventListener("load", () => {
                    let answer = null;
                    try {
                        answer = JSON.parse(request.responseText);
                    } catch (error) {
                        answer = null;
                    }
                    if (request.status === 200 && answer && answer.results) {
                        settle(item, answer.results[0]);
                    } else if (answer && answer.error) {
                        fail(item, answer.error);
                    } else {
                        fail(item, "the server answered " + request.status + ". Reload the page and try again.");
                    }
                    resolve();
                });
                request.addEventListener("error", () => {
                    fail(item, "the connection was lost. Try again.");
                    resolve();
                });
                request.send(data);
            });
        }

        async function sendAll() {
            if (sending) return;
            sending = true;
            while (queue.length) {
                const [file, item] = queue.shift();
                summarise();
                await send(file, item);
            }
            sending = false;
            summarise();
        }

        function add(files) {
            for (const file of files) queue.push([file, row(file)]);
            summarise();
            sendAll();
        }

        form.addEventListener("submit", (event) => {
            event.preventDefault();
            if (!input.files.length) {
                summary.textContent = "Choose one or more pictures to upload.";
                return;
            }
            add(Array.from(input.files));
            input.value = "";
        });
        zone.addEventListener("dragover", (event) => {
            event.preventDefault();
            zone.classList.add("upload-dragging");
        });
        zone.addEventListener("dragleave", () => zone.classList.remove("upload-dragging"));
        zone.addEventListener("drop", (event) => {
            event.preventDefault();
            zone.classList.remove("upload-dragging");
            if (event.dataTransfer && event.dataTransfer.files.length) {
                add(Array.from(event.dataTransfer.files));
            }
        });
    }

    const form = document.getElementById("upload-form");
    if (form) setUp(form);
})();
