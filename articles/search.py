"""Reader search at /search/: full text on PostgreSQL, a simpler match on SQLite.

On PostgreSQL each article keeps its headline (weight A), standfirst (B) and text (C) as one
tsvector with English stemming, in Article.search_vector: index_article() refreshes it after
every save, and a GIN index (migration 0006) serves the match. A query is read by
websearch_to_tsquery, which accepts anything a reader types ("quoted phrases", or, -not),
results are ranked with ts_rank and excerpted with ts_headline. On SQLite every word must
appear in the headline, standfirst or reading text, articles with more of the words in their
headline come first, and the excerpt is the sentence around the first word found in the text.

Results start from Article.objects.published(), so drafts, review copies, withdrawn and
scheduled articles are never found, and the people, organizations and places from
Entity.objects.public(), so neither is one that only such articles name; the page runs a
fixed number of queries.
"""

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Case, Count, F, Q, Value, When
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles import caching, page_tags, parts, stories, text
from articles.models import Article, Entity, EntityKind, MentionStatus, Section
from articles.views import KeptCountPaginator, page_numbers

# Longer queries are cut here: nobody types more, and it bounds the work a query can ask for.
MAX_QUERY_CHARS = 200
# The SQLite match and the entity match look for at most this many words.
MAX_WORDS = 10
# How many matching people, organizations and places are shown above the articles.
ENTITY_MATCHES = 5
# A search ranks at most this many matching articles, the newest: a common word matches
# much of the archive, and ranking all of it would cost time in proportion to the archive.
# Filters apply first, so a section or a date range reaches any older article.
MAX_RANKED = 500
# What may change a search's results and their count, kept as parts: any article
# published, changed or withdrawn, and any mention (the filter by entity).
RESULTS_TAGS = [page_tags.LIST_ALL, page_tags.any_of("article"), page_tags.LIST_MENTIONS]
# The text search configuration: English stemming ("arrives" finds "arrived").
CONFIG = "english"

# Words as readers type them, keeping inner apostrophes and hyphens (Kim’s, Jong-un).
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# A query's terms, read as PostgreSQL's websearch syntax reads them: a quoted phrase, a
# word, or a minus sign that is not inside a word or after a quote. A minus sign leaves
# out the next term, whatever stands between ("Kim -Beijing", "Kim - (Beijing)"); a second
# one takes the first back.
_TERM = re.compile(
    r'(?P<phrase>"[^"]*"?)|(?P<minus>(?<![\w"\'’])-)|(?P<word>' + _WORD.pattern + ")"
)
# Between two words, "or" asks for either (as PostgreSQL's websearch syntax reads it); it
# is no word to look for.
_OR = "or"
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
# ts_headline marks matches with these private-use characters rather than with <mark>, so
# that the excerpt can be escaped first and the marks put in after.
_START, _STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{_START}([^{_START}{_STOP}]*){_STOP}")


def uses_full_text(queryset) -> bool:
    """Whether `queryset`'s database has PostgreSQL's full-text search."""
    return connections[queryset.db].vendor == "postgresql"


def document():
    """What an article is searched by: headline (weight A), standfirst (B), reading text (C)."""
    return (
        SearchVector("headline", weight="A", config=CONFIG)
        + SearchVector("dek", weight="B", config=CONFIG)
        + SearchVector("text", weight="C", config=CONFIG)
    )


def update_search_vectors(queryset=None, follows_write=False) -> int:
    """Refresh the search vector of every article in `queryset` (all articles by default).

    Article.save does this for the article it saves, and the article queryset's update(),
    bulk_create() and bulk_update() for the rows they write; call it after changing
    articles some other way (raw SQL, a restored dump). Does nothing on SQLite. Returns
    the number of articles refreshed. `follows_write` says that the write these rows just
    had has dropped the cached pages already.
    """
    queryset = Article.objects.all() if queryset is None else queryset
    if not uses_full_text(queryset):
        return 0
    if follows_write:
        return queryset.update_quietly(search_vector=document())
    return queryset.update(search_vector=document())


def index_article(article) -> None:
    """Refresh a just-saved article's search vector, in the database it was saved to."""
    update_search_vectors(
        Article.objects.db_manager(article._state.db).filter(pk=article.pk), follows_write=True
    )


@dataclass
class Query:
    """What a reader searched for: the text as searched, the words to find, and the words
    to leave out (typed with a minus sign before them)."""

    text: str = ""
    words: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    # Whether the reader's text was longer than MAX_QUERY_CHARS and was cut.
    shortened: bool = False


def parse_query(raw: str) -> Query:
    """Read a reader's query: whitespace collapsed, cut to MAX_QUERY_CHARS between words.

    Any text is accepted; one with no words to find in it (only punctuation, or only words
    to leave out) gives a Query whose `words` is empty, which searches for nothing.
    """
    searched = " ".join(raw.split())
    shortened = len(searched) > MAX_QUERY_CHARS
    if shortened:
        cut = searched[: MAX_QUERY_CHARS + 1]
        searched = cut.rsplit(" ", 1)[0] if " " in cut else cut[:MAX_QUERY_CHARS]
    words, excluded, leave_out = [], [], False
    for term in _TERM.finditer(searched):
        if term["minus"]:
            leave_out = not leave_out
            continue
        found = [w for w in _WORD.findall(term[0]) if w.lower() != _OR]
        if leave_out and found:
            # A phrase is left out as a whole: an article may have its words apart.
            _add_new(excluded, [" ".join(found)])
        elif not leave_out:
            _add_new(words, found)
        leave_out = False
    return Query(searched, words[:MAX_WORDS], excluded[:MAX_WORDS], shortened)


def _add_new(known: list[str], new: list[str]) -> None:
    """Add to `known` each of `new` that it lacks, in any case."""
    for item in new:
        if item.lower() not in (seen.lower() for seen in known):
            known.append(item)


def search_articles(query: Query, section=None, entity=None, date_from=None, date_to=None):
    """The published articles matching `query` and the filters (see filter_articles), best
    first; only the newest MAX_RANKED matches are ranked and returned.

    On PostgreSQL each carries `rank` and `excerpt_source` (the best passages of its text,
    with matches between private-use marks); excerpt() turns that into safe HTML.
    """
    published = Article.objects.published()
    if not query.words:
        return published.none()
    full_text = uses_full_text(published)
    if full_text:
        tsquery = SearchQuery(query.text, search_type="websearch", config=CONFIG)
        matches = published.filter(search_vector=tsquery)
    else:
        matches = published
        for word in query.words:
            matches = matches.filter(_contains(word))
        for word in query.excluded:
            matches = matches.exclude(_contains(word))
    matches = filter_articles(matches, section, entity, date_from, date_to)
    # The pk breaks ties in time, so every page of the results draws on the same set.
    newest = matches.order_by("-publish_at", "-pk").values("pk")[:MAX_RANKED]
    ranked = Article.objects.filter(pk__in=newest)
    if full_text:
        ranked = ranked.annotate(
            rank=SearchRank(F("search_vector"), tsquery),
            excerpt_source=SearchHeadline(
                "text",
                tsquery,
                config=CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=25,
                min_words=10,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
    else:
        ranked = ranked.annotate(
            rank=sum(
                (Case(When(headline__icontains=word, then=1), default=0) for word in query.words),
                Value(0),
            )
        )
    return ranked.order_by("-rank", "-publish_at", "-pk")


def _contains(word):
    """The simple match of one word: in the headline, standfirst or text, in any case."""
    return Q(headline__icontains=word) | Q(dek__icontains=word) | Q(text__icontains=word)


def filter_articles(articles, section=None, entity=None, date_from=None, date_to=None):
    """`articles` narrowed to a section (with its subsections), to those with a confirmed
    mention of `entity`, and to those published between two dates (both included)."""
    if section is not None:
        articles = articles.in_section(section)
    if entity is not None:
        articles = articles.mentioning(entity)
    if date_from is not None:
        articles = articles.filter(publish_at__date__gte=date_from)
    if date_to is not None:
        articles = articles.filter(publish_at__date__lte=date_to)
    return articles


def excerpt(article, query: Query):
    """Safe HTML: a passage of the article's reading text with the words searched for in
    <mark>.

    The reading text has no markup, so everything in it is escaped. Returns "" when there is no
    passage to show (on SQLite, when the words are only in the headline or standfirst).
    """
    source = getattr(article, "excerpt_source", None)
    if source is not None:
        passage = escape(" ".join(source.split()))
        marked = _MARKED.sub(r"<mark>\1</mark>", passage)
        # A mark character typed into the text itself would be left unpaired: drop it.
        return mark_safe(marked.replace(_START, "").replace(_STOP, ""))
    pattern = "|".join(re.escape(word) for word in query.words)
    hit = re.search(pattern, article.text, re.IGNORECASE) if pattern else None
    if hit is None:
        return ""
    passage = text.snippet(article.text, hit.start(), hit.end(), max_chars=240)
    return format_html("{}<mark>{}</mark>{}", passage.before, passage.exact, passage.after)


def matching_entities(query: Query, limit=ENTITY_MATCHES):
    """People, organizations and places that a reader may see (Entity.objects.public())
    whose name or an alias has every word searched for, each with `article_count`: the
    published articles that mention it, most first."""
    # "Beijing's" is about Beijing. A single letter is inside most names: it would match
    # nearly every entity.
    words = [_POSSESSIVE.sub("", word) for word in query.words]
    words = [word for word in words if len(word) > 1]
    if not words:
        return []
    now = timezone.now()
    published = Article.objects.published(now).values("pk")
    return list(
        Entity.objects.public(now)
        .matching(words)
        .annotate(
            article_count=Count(
                "mentions__article",
                distinct=True,
                filter=Q(
                    mentions__status=MentionStatus.CONFIRMED,
                    mentions__article__in=published,
                ),
            )
        )
        .order_by("-article_count", "name")[:limit]
    )


def matching_entities_now(query: Query) -> list:
    """matching_entities() with the tags of what may change it: any entity, any mention
    and any article published or withdrawn (their counts)."""
    page_tags.declare(page_tags.any_of("entity"), page_tags.LIST_MENTIONS, page_tags.LIST_ALL)
    return matching_entities(query)


def _digest(value: str) -> str:
    # A reader's words, short and safe as a cache key.
    return hashlib.sha256(value.encode()).hexdigest()[:32]


def text_start(value: str, length: int = 40) -> str:
    """The start of `value`, for quoting a reader's input back in a message."""
    return value if len(value) <= length else value[: length - 1] + "…"


def entity_key(entity) -> str:
    """How the `entity` filter names an entity in a URL: its kind and slug."""
    return f"{entity.kind}/{entity.slug}"


class SearchForm(forms.Form):
    """The query and its filters, as ?q=&section=&entity=&from=&to=.

    Every field is optional; a bad one gets a message and is left out, while the rest of
    the search still runs.
    """

    q = forms.CharField(required=False)
    section = forms.CharField(required=False, widget=forms.Select)
    entity = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].widget.choices = [("", "All sections")] + [
            (section.slug, section.name) for section in sections
        ]
        # "from" is a Python keyword, so the dates cannot be declared as attributes.
        for name, label in (("from", "From"), ("to", "To")):
            self.fields[name] = forms.DateField(
                required=False,
                label=label,
                widget=forms.DateInput(attrs={"type": "date"}),
                error_messages={
                    "invalid": f"“{label}” is not a date we understand; write it as "
                    "YYYY-MM-DD. It was left out."
                },
            )

    def clean_section(self):
        slug = self.cleaned_data["section"]
        if slug and slug not in self.sections:
            raise forms.ValidationError(
                "There is no section “%(slug)s”, so every section was searched.",
                params={"slug": text_start(slug)},
            )
        return self.sections.get(slug)

    def clean_entity(self):
        key = self.cleaned_data["entity"]
        if not key:
            return None
        kind, _, slug = key.partition("/")
        entity = None
        if kind in EntityKind.values and slug:
            # One that no reader may see yet is not found, exactly as a missing one.
            entity = Entity.objects.public().filter(kind=kind, slug=slug).first()
        if entity is None:
            raise forms.ValidationError(
                "There is no person, organization or place “%(key)s”, so articles were "
                "searched whoever they mention.",
                params={"key": text_start(key)},
            )
        return entity

    def clean(self):
        data = super().clean()
        if data.get("from") and data.get("to") and data["from"] > data["to"]:
            self.add_error("to", "The “to” date is before the “from” date, so it was left out.")
        return data

    def query_params(self, query: Query, **changes) -> str:
        """The URL query string of this search as it was understood, with `changes`."""
        data = self.cleaned_data
        params = {
            "q": query.text,
            "section": data["section"].slug if data.get("section") else "",
            "entity": entity_key(data["entity"]) if data.get("entity") else "",
            "from": data["from"].isoformat() if data.get("from") else "",
            "to": data["to"].isoformat() if data.get("to") else "",
            **changes,
        }
        return urlencode({name: value for name, value in params.items() if value})


def search(request):
    """The search page: matching people, organizations and places, then the matching
    published articles, best first, a page at a time."""
    # Any article published, changed or withdrawn, and any entity, may enter or leave the
    # results (articles/page_tags.py).
    page_tags.declare(page_tags.LIST_ALL, page_tags.any_of("entity"))
    # Any change to a section drops every part (a new content generation).
    form = SearchForm(
        request.GET, sections=parts.kept("all-sections", lambda: list(Section.objects.all()))
    )
    # A bad field is reported and left out; the rest of the search still runs.
    form.is_valid()
    data = form.cleaned_data
    query = parse_query(data.get("q", ""))
    context = {
        "form": form,
        "query": query,
        "entity": data.get("entity"),
    }
    if query.words:
        found = search_articles(
            query,
            section=data.get("section"),
            entity=data.get("entity"),
            date_from=data.get("from"),
            date_to=data.get("to"),
        )
        # On SQLite the excerpt is cut from the text in Python; PostgreSQL sends it ready.
        articles = found.for_listing(
            with_body=not uses_full_text(found), with_bylines=False, with_renditions=False
        )
        search_params = form.query_params(query)
        # A search whose address is too long to keep its page keeps nothing of it either:
        # made-up queries must not fill the cache.
        keep = caching.page_key(request) is not None
        if keep:
            paginator = KeptCountPaginator(
                articles,
                settings.NEWSROOM_PAGE_SIZE,
                name=f"search-{_digest(search_params)}",
                tags=RESULTS_TAGS,
            )
        else:
            paginator = Paginator(articles, settings.NEWSROOM_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))

        # The page of results, written out; kept as a part until an article readers may see
        # changes (RESULTS_TAGS), except for a search whose address is too long to keep.
        def results():
            page_tags.declare(*RESULTS_TAGS)
            page.object_list = list(page.object_list)
            stories.prepare(page.object_list)
            for article in page.object_list:
                article.excerpt = excerpt(article, query)
            return render_to_string(
                "articles/_search_results.html", {"articles": page.object_list}, request
            )

        if keep:
            results_html = parts.kept(
                f"search-results-{_digest(search_params)}-{page.number}-{paginator.per_page}",
                results,
            )
            entities = parts.kept(
                f"matching-entities-{_digest(' '.join(query.words))}",
                lambda: matching_entities_now(query),
            )
        else:
            results_html = results()
            entities = matching_entities(query)
        for entity in entities:
            entity.filter_params = form.query_params(query, entity=entity_key(entity))
        context.update(
            page_obj=page,
            results=results_html,
            page_numbers=page_numbers(page),
            entities=entities,
            search_params=search_params,
            without_entity_params=form.query_params(query, entity=""),
            filtered=any(data.get(name) for name in ("section", "entity", "from", "to")),
            max_ranked=MAX_RANKED,
        )
    return render(request, "articles/search.html", context)
