"""Demo content for `manage.py load_demo`: original, invented news stories.

Every story here was written for this project. Marrowby and its people, companies and
institutions are fictional; the world leaders, capitals and international organizations
are real, but the stories about them are made up, neutral wire-style text.

entities.json is read by the same code as `import_entities`, and articles/*.md by the
same code as `import_articles`. What front matter cannot say lives here.
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
