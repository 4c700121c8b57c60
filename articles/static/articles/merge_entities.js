/* The merge screen: show what the merge does for the entity chosen to stay. Each choice's
   sentence is written by the server (articles.merging.describe_merge); without this script
   the sentence of the entity chosen for you is shown. */
(function () {
    "use strict";

    function showOutcome() {
        const chosen = document.querySelector("input[name=survivor]:checked");
        for (const outcome of document.querySelectorAll(".merge-outcome")) {
            outcome.hidden = !chosen || outcome.dataset.survivor !== chosen.value;
        }
    }

    document.addEventListener("change", (event) => {
        if (event.target.matches("input[name=survivor]")) showOutcome();
    });
    showOutcome();
})();
