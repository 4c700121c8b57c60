"""The yardstick of `bench/pages.py --wrk`: a minimal Django site, settings and all in this
module, whose one page renders a news article (21 paragraphs, 40 links) through a Django
template from memory: no database, no middleware, no cache.

Served by gunicorn beside the newsroom's site:

    gunicorn --chdir bench minimal_site:application
"""

import itertools

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="a minimal site that keeps no secrets, since it has no sessions or forms",
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    USE_TZ=True,
)

import django  # noqa: E402

django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.urls import path  # noqa: E402

PARAGRAPHS = 21
LINKS = 40

TEMPLATE = engines["django"].from_string(
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    "<title>{{ article.headline }}</title>\n</head>\n<body>\n<main>\n<article>\n"
    '<h1>{{ article.headline }}</h1>\n<p class="dek">{{ article.dek }}</p>\n'
    "{% for paragraph in article.paragraphs %}<p>{% for words, url in paragraph %}"
    '{% if url %}<a href="{{ url }}">{{ words }}</a>{% else %}{{ words }}{% endif %}'
    "{% endfor %}</p>\n{% endfor %}</article>\n</main>\n</body>\n</html>\n"
)


def the_article() -> dict:
    """A news story of PARAGRAPHS paragraphs of about 45 words each, LINKS of whose names
    link to their pages: each paragraph a list of (words, url or None)."""
    names = itertools.cycle(["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Beijing"])
    sentence = (
        "arrived on Tuesday for talks with officials about trade, energy and the border, "
        "and ministers said the meetings would resume after a week of discussion. "
    )
    paragraphs = []
    for number in range(PARAGRAPHS):
        links = LINKS // PARAGRAPHS + (number < LINKS % PARAGRAPHS)
        paragraph = []
        for _ in range(links):
            name = next(names)
            paragraph += [
                (name, f"/people/{name.lower().replace(' ', '-')}/"),
                (f" {sentence}", None),
            ]
        paragraph.append(("Officials declined to say more about the plans for the summit.", None))
        paragraphs.append(paragraph)
    return {
        "headline": "Kim arrives in Beijing by armoured train",
        "dek": "The visit is his first abroad this year.",
        "paragraphs": paragraphs,
    }


ARTICLE = the_article()


def article(request):
    """The article page, rendered afresh on every request."""
    return HttpResponse(TEMPLATE.render({"article": ARTICLE}))


urlpatterns = [path("", article)]
application = get_wsgi_application()
