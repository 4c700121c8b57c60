"""A form larger than Django takes gets a page that says so, not a bare "400 Bad Request".

Django refuses form data over DATA_UPLOAD_MAX_MEMORY_SIZE bytes (RequestDataTooBig) or
with more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields (TooManyFieldsSent) when it is first
read: by CsrfViewMiddleware, before any view runs. This middleware, listed before it, reads
the form data first and answers such a refusal with a page saying what was too large and
that nothing was saved. A JSON request's body is read by its view, which answers in JSON
(articles.annotating).
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.template.response import TemplateResponse

from articles.body import MAX_BODY_CHARS


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 (read here, so that a refusal is ours to answer)
        except RequestDataTooBig:
            return _too_large(request)
        except TooManyFieldsSent:
            return _too_many_fields(request)
        return None


def _too_large(request):
    limit = size_said(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    size = size_said(request.META.get("CONTENT_LENGTH"))
    sent = f"the form sent {size}" if size and size != limit else "the form sent more"
    return _page(
        request,
        413,
        "The text is too large",
        [
            f"Nothing was saved: {sent}, and at most {limit} can be sent at once.",
            f"An article's text may be at most {MAX_BODY_CHARS:,} characters. Shorten it, "
            "or split the story into parts, then save again.",
            "Go back to the form with your browser's Back button; copy your text somewhere "
            "safe before you reload the page.",
        ],
    )


def _too_many_fields(request):
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    return _page(
        request,
        400,
        "The form has too many fields",
        [
            f"Nothing was saved: the form sent more than {limit:,} fields, and no more "
            "are taken at once.",
            "Go back to the form with your browser's Back button and send less at once: "
            "fewer rows, or fewer items selected.",
        ],
    )


def _page(request, status: int, title: str, paragraphs: list[str]):
    context = {"title": title, "paragraphs": paragraphs}
    match = request.resolver_match
    if match is not None and admin.site.name in match.namespaces:
        context.update(admin.site.each_context(request))
        template = "admin/request_too_large.html"
    else:
        template = "request_too_large.html"
    return TemplateResponse(request, template, context, status=status)


def size_said(size) -> str:
    """A size in bytes as a person reads it ("640 KB", "10 MB", "10.5 MB"); "" if `size` is
    not a number."""
    try:
        size = int(size)
    except (TypeError, ValueError):
        return ""
    if size < 1024 * 1024:
        return f"{round(size / 1024):,} KB"
    return f"{size / (1024 * 1024):,.1f}".removesuffix(".0") + " MB"
