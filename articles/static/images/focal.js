/* The focal-point picker on a picture's page in the library (articles/images/admin.py):
   a click on the picture puts its focal point there, in the "Focal x" and "Focal y"
   fields (0 to 1 from the left and from the top), and the marker moves to it; typing the
   numbers moves the marker too. Saving the form makes the crops again. */
(function () {
    "use strict";

    function fraction(value) {
        return Math.min(1, Math.max(0, value));
    }

    function setUp() {
        const picture = document.getElementById("focal-point-picture");
        const marker = document.getElementById("focal-marker");
        const x = document.getElementById("id_focal_x");
        const y = document.getElementById("id_focal_y");
        if (!picture || !marker || !x || !y) return; // a reader's page: nothing to pick

        function place() {
            const left = Number.parseFloat(x.value);
            const top = Number.parseFloat(y.value);
            if (Number.isNaN(left) || Number.isNaN(top)) return;
            marker.style.left = fraction(left) * 100 + "%";
            marker.style.top = fraction(top) * 100 + "%";
        }

        picture.classList.add("focal-pickable");
        picture.title = "Click to set the focal point";
        picture.addEventListener("click", (event) => {
            const box = picture.getBoundingClientRect();
            // Two decimals: what the crops are keyed by (renditions.focal_key).
            x.value = fraction((event.clientX - box.left) / box.width).toFixed(2);
            y.value = fraction((event.clientY - box.top) / box.height).toFixed(2);
            place();
            for (const field of [x, y]) {
                field.dispatchEvent(new Event("input", {bubbles: true}));
                field.dispatchEvent(new Event("change", {bubbles: true}));
            }
        });
        x.addEventListener("input", place);
        y.addEventListener("input", place);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
