/* "Being edited by …" on the article form: report in while the form is open, show who else
   has it open, and say goodbye when the page is left. */
(function () {
    "use strict";
    const banner = document.getElementById("presence");
    if (!banner) return;
    const url = banner.dataset.url;
    const token = document.querySelector("[name=csrfmiddlewaretoken]").value;
    const HEARTBEAT_MS = Number(banner.dataset.heartbeat) * 1000;

    function show(others) {
        banner.hidden = others.length === 0;
        banner.textContent = others.length ? `Being edited by ${others.join(", ")}.` : "";
    }

    async function reportIn() {
        try {
            const response = await fetch(url, {
                method: "POST",
                credentials: "same-origin",
                headers: { "X-CSRFToken": token, "Accept": "application/json" },
            });
            if (response.ok) show((await response.json()).others);
        } catch (error) {
            // Offline for a moment: the next heartbeat tries again.
        }
    }

    setInterval(reportIn, HEARTBEAT_MS);
    window.addEventListener("pagehide", () => {
        const body = new FormData();
        body.append("csrfmiddlewaretoken", token);
        navigator.sendBeacon(`${url}?leave=1`, body);
    });
})();
