"""Demo content for `manage.py load_demo`: original, invented news stories.

Every story here was written for this project. Marrowby and its people, companies and
institutions are fictional; the world leaders, capitals and international organizations
are real, but the stories about them are made up, neutral wire-style text.

entities.json is read by the same code as `import_entities`, and articles/*.md by the
same code as `import_articles`. What front matter cannot say lives here, with the pictures
(pictures.py draws them when the demo is loaded, so they are named here by key).
"""

from datetime import timedelta
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent
ENTITIES_FILE = DEMO_DIR / "entities.json"
ARTICLES_DIR = DEMO_DIR / "articles"

# Articles kept scheduled: published, going live this long after the demo is loaded (and
# scheduled again whenever a later run finds that time has passed).
SCHEDULED = {"kestrel-rail-to-report-half-year-results": timedelta(days=3)}

# Corrections shown on articles, by slug.
CORRECTIONS = {
    "marrowby-council-approves-waterfront-budget-after-late-night-session": (
        "An earlier version of this article said the sea wall repairs would cost "
        "£40 million. The figure is £14 million."
    ),
}

# Lead images of articles, by slug: keys of pictures.PICTURES. The Old Quay's picture leads
# two stories, so the library shows a picture "used in" more than one place.
LEAD_IMAGES = {
    "unesco-experts-visit-marrowbys-old-quay-lighthouse": "old-quay-at-dawn",
    "old-quay-traders-report-busiest-summer-in-a-decade": "old-quay-at-dawn",
    "marrowby-council-approves-waterfront-budget-after-late-night-session": "council-chamber",
    "mayor-ostrowska-sets-out-plan-for-night-buses": "night-bus",
    "kestrel-rail-orders-20-electric-trains-for-coastal-line": "coastal-train",
    "kelp-forests-off-marrowby-are-recovering-survey-finds": "kelp-forest",
}

# Figures in article bodies, by slug: (picture key, the paragraph it follows, its caption
# for this use). The stored form is body.py's: <figure data-image="ID"><figcaption>.
FIGURES = {
    "marrowby-council-approves-waterfront-budget-after-late-night-session": (
        "marrowby-map",
        2,
        "The sea wall along the Old Quay (red) and the route of the new ferry.",
    ),
}

# Pictures of entities, by (kind, name).
ENTITY_PICTURES = {
    ("person", "Helena Ostrowska"): "mayor-silhouette",
    ("place", "Marrowby"): "marrowby-map",
    ("place", "Old Quay"): "old-quay-at-dawn",
}
