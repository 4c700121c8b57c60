"""Template tags for the public site."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from articles import parts
from articles.images import pictures, public
from articles.models import Section

register = template.Library()

# The characters that could end a <script> element or start a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def top_sections():
    """The top-level sections, in their editors' order, for the site's navigation: a part
    kept between requests (articles/parts.py), since every page shows it."""
    return parts.kept("navigation", lambda: list(Section.objects.filter(parent=None)))


@register.filter
def json_ld(value):
    """A <script type="application/ld+json"> element holding value, safe inside HTML."""
    data = json.dumps(value, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))


def canonical_url(context):
    """The page's absolute address as search engines should know it: its path without any
    query string, except ?page=N on a list's later pages, which are pages of their own."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


@register.inclusion_tag("articles/_page_meta.html", takes_context=True)
def page_meta(context, title, description="", og_type="website", image=None, alt=""):
    """A public page's description, canonical link, OpenGraph and Twitter card tags; with
    `image`, its social card crop (1200x630) as og:image, described by `alt` (by default
    the image's alt text), and Twitter's large card."""
    request = context["request"]
    return {
        "url": canonical_url(context),
        "title": title,
        "description": description,
        "og_type": og_type,
        "site_name": context["site_name"],
        "image": image and public.jpeg(image, "social", request.build_absolute_uri),
        "image_alt": alt or (image and image.alt_text),
    }


@register.simple_tag
def shown_image(image):
    """`image` if readers may see it now (articles.images.public.shown), else None."""
    return public.shown(image)


@register.simple_tag
def picture(image, sizes="100vw", crop=None, lazy=True, priority=False, alt=None, css_class=""):
    """The <picture> of `image` (see articles.images.pictures.picture), from its prefetched
    renditions."""
    return pictures.picture(
        image, sizes=sizes, crop=crop, lazy=lazy, priority=priority, alt=alt, css_class=css_class
    )


# The picture of a story in a list, by how the list shows it: leading the home page (fetched
# first), as a card in a grid, or a small thumbnail beside the headline.
STORY_PICTURE_SIZES = {
    "lead": "(min-width: 46rem) 44rem, calc(100vw - 2rem)",
    "card": "(min-width: 48rem) 20rem, 7.5rem",
    "thumbnail": "7.5rem",
}


def story_picture(thumbnail, kind: str) -> str:
    """The <picture> of a story's `thumbnail` (or "" without one) as a list of `kind` shows
    it (STORY_PICTURE_SIZES); only the lead story's is fetched first."""
    if not thumbnail:
        return ""
    lead = kind == "lead"
    return pictures.picture(
        thumbnail, sizes=STORY_PICTURE_SIZES[kind], lazy=not lead, priority=lead, alt=""
    )


@register.simple_tag
def byline_links(bylines) -> str:
    """ "By A, B and C", each linked to the person's page; a person no reader may see yet (in
    a preview: see views.hidden_entities) shows as a name alone. Empty with no bylines."""
    bylines = list(bylines)
    if not bylines:
        return ""
    names = []
    for byline in bylines:
        person = byline.person
        if getattr(person, "hidden_from_readers", False):
            names.append(format_html("{}", person.name))
        else:
            names.append(format_html('<a href="{}">{}</a>', person.get_absolute_url(), person.name))
    listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return format_html('<span class="bylines">By {}</span>', mark_safe(listed))


@register.simple_tag
def story(
    article, level=2, lead=False, card=False, show_section=False, without_bylines=False
) -> SafeString:
    """One article in a list: its picture, section, headline, standfirst, bylines and date.

    `level` is the headline's heading level; `lead` leads the list (bigger, its picture
    above and fetched first); `card` is an item of a grid (on wide screens, its picture
    above); `without_bylines` for a list that did not fetch them.

    Written in Python, not as an included template, because lists repeat it: the home page
    shows 45 stories, and an include costs more than all the rest of a story. When the list
    has the story's kept part (articles.stories.prepare), the story comes written out from
    it (STORY_VARIANTS), else it is written here from the article's prefetched rows.

    The thumbnail is decorative (alt=""): the headline beside it is the link and says what
    the story is, and a list of twenty stories would otherwise read out twenty descriptions
    of pictures that do not help to choose one. It is not a link either, so keyboard and
    screen-reader users meet one link per story. The article's own page shows the picture
    with its alt text, caption and credit.
    """
    variant = (level or 2, bool(lead), bool(card), bool(show_section), bool(without_bylines))
    kept = getattr(article, "story_parts", None)  # articles.stories.prepare()
    if kept is not None and variant in kept["html"]:
        return kept["html"][variant]
    if not hasattr(article, "headline"):  # a KeptStory (articles/stories.py)
        raise ValueError(f"A list shows stories as {variant}: add it to STORY_VARIANTS.")
    return story_html(article, *variant, kept=kept)


# The ways the site's lists show a story, as (level, lead, card, show_section,
# without_bylines): a story's kept part holds it written out in each
# (articles/stories.py), so a list served from kept parts writes nothing out.
STORY_VARIANTS = [
    (2, True, False, True, False),  # leading the home page
    (2, False, True, True, False),  # the home page's latest
    (3, False, True, False, False),  # a section's block on the home page
    (2, False, False, True, False),  # a tag's page; a section's with subsections
    (2, False, False, False, False),  # a section's page
    (3, False, False, True, False),  # search results, related articles, bylined articles
    (3, False, False, True, True),  # the articles about an entity
]


def story_html(article, level, lead, card, show_section, without_bylines, kept=None):
    """The story (see `story`), its bylines and picture from its `kept` part if it has one,
    else from the article's prefetched rows."""
    kind = "lead" if lead else "card" if card else "thumbnail"
    if kept is not None:
        picture = kept["pictures"].get(kind, "")
    else:
        picture = story_picture(public.shown(article.lead_image), kind)
    picture_html = ""
    if picture:
        picture_html = format_html('<div class="story-picture">{}</div>\n  ', picture)
    section_html = ""
    if show_section:
        section = article.section
        section_html = format_html(
            '<p class="story-section"><a href="{}">{}</a></p>',
            section.get_absolute_url(),
            section.name,
        )
    dek_html = format_html('<p class="story-dek">{}</p>', article.dek) if article.dek else ""
    bylines_html = ""
    if not without_bylines:
        bylines = kept["bylines"] if kept is not None else byline_links(article.bylines.all())
        bylines_html = format_html("{}\n", bylines)
    published = template_localtime(article.publish_at)
    return format_html(
        '\n<article class="story{}{}{}">\n  {}{}\n'
        '  <h{} class="story-headline"><a href="{}">{}</a></h{}>\n'
        "  {}\n"
        '  <p class="story-meta">\n'
        "    {}\n"
        '    <time datetime="{}">{}</time>\n'
        "  </p>\n"
        "</article>\n",
        " story-lead" if lead else "",
        " story-card" if card else "",
        " story-has-picture" if picture else "",
        picture_html,
        section_html,
        level or 2,
        article.get_absolute_url(),
        article.headline,
        level or 2,
        dek_html,
        bylines_html,
        published.isoformat() if published else "",
        # As the date filter writes "j F Y", at a fraction of its cost for a list's dates.
        f"{published.day} {MONTHS[published.month]} {published.year:04d}" if published else "",
    )
