"""The image chooser's search: the lead image and entity picture fields, and the body
editor's figures, ask here for pictures from the library.

One admin endpoint (admin:images_image_choose), for staff who may view images: GET
?q=words&page=N answers with up to PAGE_SIZE images, newest first, whose title, caption or
credit holds every word (the library list's own search), as
{"results": [{"id", "title", "caption", "credit", "alt_text", "thumbnail", "width",
"height", "usable", "problem"}], "has_more": bool}; a bad request as {"error"} with 400.
"""

from django.db.models import Prefetch
from django.http import HttpResponseNotAllowed, JsonResponse

from articles.editor_links import query_problem
from articles.images.models import Rendition

PAGE_SIZE = 24
# Deeper than anyone pages in a chooser (2.4 million pictures): a search finds them sooner.
MAX_PAGE = 100_000


def page_problem(value: str) -> str | None:
    """Why `value` is not a page number, or None if it is one."""
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        return f"The page must be a whole number from 1 to {MAX_PAGE:,}."
    return None


def as_result(image) -> dict:
    """One image as the chooser shows it: its thumbnail, and whether it may be published."""
    return {
        "id": image.pk,
        "title": image.title,
        "caption": image.caption,
        "credit": image.credit,
        "alt_text": image.alt_text,
        "thumbnail": image.url_for("w320", "jpeg"),
        "width": image.width,
        "height": image.height,
        "usable": image.is_usable(),
        "problem": image.publish_problem(),
    }


def choose(model_admin, request):
    """The chooser's search over `model_admin`'s images (its search fields), in two queries
    after the permission check: the page of images, and their thumbnails."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not model_admin.has_view_permission(request):
        return JsonResponse(
            {"error": "Choosing a picture needs permission to view the image library."},
            status=403,
        )
    query = request.GET.get("q", "").strip()
    page = request.GET.get("page", "1").strip()
    if problem := query_problem(query) or page_problem(page):
        return JsonResponse({"error": problem}, status=400)
    thumbnails = Rendition.objects.filter(spec="w320", format="jpeg", focal_key="")
    images = model_admin.model.objects.order_by("-uploaded_at", "-pk").prefetch_related(
        Prefetch("renditions", queryset=thumbnails)
    )
    images, _ = model_admin.get_search_results(request, images, query)
    start = (int(page) - 1) * PAGE_SIZE
    # One more than a page, to know whether another page follows.
    found = list(images[start : start + PAGE_SIZE + 1])
    return JsonResponse(
        {
            "results": [as_result(image) for image in found[:PAGE_SIZE]],
            "has_more": len(found) > PAGE_SIZE,
        }
    )
