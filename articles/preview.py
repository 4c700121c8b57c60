"""Previews: staff see any article exactly as readers will, and can share a signed link to
it that anyone may open, without logging in, until it expires.

A link carries the article's id and the time it was made, signed with SECRET_KEY
(django.core.signing), so it needs no table and cannot be altered or made to last longer.
A tampered or expired link, or one to a deleted article, is a 404. Previews are never
stored by shared caches nor indexed by search engines.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import admin
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.html import format_html

from articles.models import Article, ArticleStatus
from articles.views import article_page_context, for_article_page

# Sets preview tokens apart from anything else signed with SECRET_KEY.
SALT = "articles.preview"


@dataclass(frozen=True)
class PreviewLink:
    url: str
    expires_at: datetime


def make_preview_link(article: Article) -> PreviewLink:
    """A signed link (a path) to the preview of `article`, and when it stops working."""
    return PreviewLink(
        url=reverse("articles:preview", args=[signing.dumps(article.pk, salt=SALT)]),
        expires_at=timezone.now() + timedelta(seconds=settings.NEWSROOM_PREVIEW_MAX_AGE),
    )


def _preview_response(request, article: Article, **context):
    """The public article page of `article`, marked as a preview."""
    response = render(
        request,
        "articles/article.html",
        {**article_page_context(request, article), "preview": True, **context},
    )
    # Meant only for whoever has the link: no shared cache may keep it, no search engine.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def staff_preview(request, article_id: int):
    """Any article, published or not, as readers will see it, with a link to share.

    For staff who may view articles; served through the admin, which asks them to log in.
    """
    user = request.user
    if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
        raise PermissionDenied("Previewing needs permission to view articles.")
    article = get_object_or_404(for_article_page(Article.objects.all()), pk=article_id)
    link = make_preview_link(article)
    return _preview_response(
        request,
        article,
        share_url=request.build_absolute_uri(link.url),
        share_expires_at=link.expires_at,
    )


def shared_preview(request, token: str):
    """The article a signed preview link points to, for anyone who has the link."""
    try:
        article_id = signing.loads(token, salt=SALT, max_age=settings.NEWSROOM_PREVIEW_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too.
        raise Http404("This preview link is not valid or has expired.") from None
    # A withdrawn article (a legal takedown, say) is gone for everyone, link or no link.
    shareable = Article.objects.exclude(status=ArticleStatus.WITHDRAWN)
    article = get_object_or_404(for_article_page(shareable), pk=article_id)
    return _preview_response(request, article)


class PreviewAdminMixin:
    """For ArticleAdmin: the staff preview URL and a read-only field with the preview links."""

    def get_urls(self):
        preview = path(
            "<int:article_id>/preview/",
            self.admin_site.admin_view(staff_preview),
            name="articles_article_preview",
        )
        return [preview, *super().get_urls()]

    @admin.display(description="preview")
    def preview_links(self, article):
        if article.pk is None:
            return "A preview can be seen once the article is saved."
        link = make_preview_link(article)
        expires_at = date_format(timezone.localtime(link.expires_at), "j F Y, H:i")
        # Field methods get no request, so the shared link is a path here; the preview page
        # itself offers it as a full address.
        return format_html(
            '<p><a class="button" href="{}" target="_blank" rel="noopener">Preview</a> '
            "The last saved version, as readers will see it.</p>"
            '<p><label for="preview-share-link">Share this link (valid until {})</label> '
            '<input id="preview-share-link" type="text" class="vTextField" readonly '
            'value="{}"></p>',
            reverse("admin:articles_article_preview", args=[article.pk]),
            expires_at,
            link.url,
        )
