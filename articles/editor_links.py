"""The article form's search for internal links: the editor's "Link to an article or
entity" box asks here, and links the words selected in the body to what it picks.

One admin endpoint (admin:articles_article_link_search), for staff who may write
articles: GET ?q=words answers with up to MAX_RESULTS articles whose headline holds every
word, then up to MAX_RESULTS people, organizations and places whose name or an alias holds
every word, each as {"label", "kind", "url"} where url is the site's own path (the body
keeps such paths as they are). Articles of any status are found, each marked with it,
since an editor may link a story that goes live with this one.
"""

from django.db.models import F
from django.http import HttpResponseNotAllowed, JsonResponse

from articles.models import Article, ArticleStatus, Entity, EntityKind

MAX_QUERY_CHARS = 200
MAX_RESULTS = 10

# Who may ask: those who may write an article, so its form (and this box) is theirs.
PERMISSIONS = ("articles.change_article", "articles.add_article")


def may_search(user) -> bool:
    return (
        user.is_active
        and user.is_staff
        and any(user.has_perm(permission) for permission in PERMISSIONS)
    )


def query_problem(query: str) -> str | None:
    """Why `query` cannot be searched for, or None if it can."""
    if len(query) > MAX_QUERY_CHARS:
        return f"Search for at most {MAX_QUERY_CHARS} characters."
    if "\x00" in query:
        return "The search holds a character that cannot be searched for (NUL)."
    return None


def article_status(article: Article) -> tuple[str, str]:
    """(status, label) as the editor shows it: a published article still ahead of its
    time is "scheduled", as the admin says."""
    if article.status == ArticleStatus.PUBLISHED and not article.is_published():
        return "scheduled", "Scheduled"
    return article.status, ArticleStatus(article.status).label


def article_results(words: list[str]) -> list[dict]:
    articles = Article.objects.only("headline", "slug", "status", "publish_at")
    for word in words:
        articles = articles.filter(headline__icontains=word)
    # Live and recent stories first; drafts (no time yet) after them, latest edit first.
    articles = articles.order_by(F("publish_at").desc(nulls_last=True), "-updated_at", "-pk")
    results = []
    for article in articles[:MAX_RESULTS]:
        status, status_label = article_status(article)
        results.append(
            {
                "label": article.headline,
                "kind": "article",
                "kind_label": "Article",
                "status": status,
                "status_label": status_label,
                "url": article.get_absolute_url(),
            }
        )
    return results


def entity_results(words: list[str]) -> list[dict]:
    entities = Entity.objects.matching(words).only("name", "slug", "kind").order_by("name", "pk")
    return [
        {
            "label": entity.name,
            "kind": entity.kind,
            "kind_label": EntityKind(entity.kind).label,
            "url": entity.get_absolute_url(),
        }
        for entity in entities[:MAX_RESULTS]
    ]


def link_search(request):
    """Articles and entities matching ?q=, as {"results": [...]}; errors as {"error"}."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not may_search(request.user):
        return JsonResponse(
            {"error": "Searching for links needs permission to write articles."}, status=403
        )
    query = request.GET.get("q", "")
    if problem := query_problem(query):
        return JsonResponse({"error": problem}, status=400)
    words = query.split()
    if not words:
        return JsonResponse({"results": []})
    return JsonResponse({"results": article_results(words) + entity_results(words)})
