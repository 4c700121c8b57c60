"""Previews: staff see any article exactly as readers will, and those who may edit an
article share links to it that anyone may open, without logging in.

A shared link is a row (PreviewLink) with a random token: who shared it, when, the
article's version then, until when it works, and whether it was revoked. It shows the
article as it was saved when shared (the revision of that version, kept by
django-reversion), not whatever the text is when opened. Links are listed on the article's
admin form, where they are shared and revoked, one by one or all at once; withdrawing an
article or sending it back to draft revokes them all (articles.workflow.take_step). An
unknown token is a 404; a revoked or expired link, or one to a withdrawn article, gets a
page that says so (410). Previews are never stored by shared caches nor indexed by search
engines, and opening one writes nothing.
"""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join

from articles import revisions, workflow
from articles.models import (
    Article,
    ArticleStatus,
    Entity,
    Mention,
    MentionRole,
    MentionStatus,
    PreviewLink,
)
from articles.presence import display_name
from articles.views import article_page_context, article_parts, for_article_page


def make_preview_link(article: Article, user=None) -> PreviewLink:
    """Share `article` as it is now: a new link, made by `user`.

    The link shows the revision of the article's current version; if none is kept (a
    workflow step saves the article without recording one), one is recorded now.
    """
    if revisions.article_version_numbered(article.pk, article.version) is None:
        revisions.record_revision(article, user, "Shared a preview link.")
    return PreviewLink.objects.create(article=article, created_by=user)


def _when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def _no_store(response):
    # Meant only for whoever has the link: no shared cache may keep it, no search engine.
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def _preview_response(request, article: Article, **context):
    """The public article page of `article`, marked as a preview."""
    context = {**article_page_context(request, article), "preview": True, **context}
    response = render(
        request, "articles/article.html", {**context, "parts": article_parts(request, context)}
    )
    return _no_store(response)


def staff_preview(request, article_id: int):
    """Any article, published or not, as readers will see it now.

    For staff who may view articles; served through the admin, which asks them to log in.
    """
    user = request.user
    if not (user.has_perm("articles.view_article") or user.has_perm("articles.change_article")):
        raise PermissionDenied("Previewing needs permission to view articles.")
    article = get_object_or_404(for_article_page(Article.objects.all()), pk=article_id)
    return _preview_response(request, article)


# --- Shared links ---------------------------------------------------------------------------


def _gone(request, reason: str, when=None):
    """The page of a link that no longer shows anything (410 Gone)."""
    response = render(
        request, "articles/preview_gone.html", {"reason": reason, "when": when}, status=410
    )
    return _no_store(response)


def _mentions_in(version, article: Article) -> list[Mention]:
    """The confirmed mentions stored with `version` of `article`, in order, unsaved."""
    content_type = ContentType.objects.get_for_model(Mention)
    stored = [
        row.field_dict for row in version.revision.version_set.filter(content_type=content_type)
    ]
    stored = [
        fields
        for fields in stored
        if fields.get("article_id") == article.pk
        and fields.get("status") == MentionStatus.CONFIRMED
    ]
    entities = Entity.objects.in_bulk({fields["entity_id"] for fields in stored})
    mentions = [
        Mention(
            pk=fields.get("id"),
            article=article,
            entity=entities[fields["entity_id"]],
            start=fields["start"],
            end=fields["end"],
            exact=fields["exact"],
            role=fields.get("role") or MentionRole.MENTIONS,
            status=MentionStatus.CONFIRMED,
        )
        for fields in stored
        if fields["entity_id"] in entities  # an entity deleted since: its mention goes
    ]
    return sorted(mentions, key=lambda mention: (mention.start, mention.end))


def as_shared(article: Article, link: PreviewLink) -> bool:
    """Put on `article` (fetched with for_article_page) its text as it was when `link` was
    shared: headline, standfirst, body, reading text and confirmed mentions, from the
    revision of that version. Nothing is saved. Returns False when that revision is no
    longer kept, and the article is left as it is now."""
    if article.version == link.version:
        return True
    version = revisions.article_version_numbered(article.pk, link.version, at=link.created_at)
    if version is None:
        return False
    fields = version.field_dict
    for name in ("headline", "dek", "body", "text"):
        setattr(article, name, fields[name])
    article.confirmed_mentions = _mentions_in(version, article)
    return True


def shared_preview(request, token: str):
    """The article a preview link points to, as it was when shared, for anyone who has
    the link."""
    link = PreviewLink.objects.filter(token=token).first()
    if link is None:
        raise Http404("There is no such preview link.")
    state = link.state_at(timezone.now())
    if state == "revoked":
        return _gone(request, "revoked", link.revoked_at)
    if state == "expired":
        return _gone(request, "expired", link.expires_at)
    # A withdrawn article (a legal takedown, say) is gone for everyone, link or no link.
    article = get_object_or_404(for_article_page(Article.objects.all()), pk=link.article_id)
    if article.status == ArticleStatus.WITHDRAWN:
        return _gone(request, "withdrawn")
    kept = as_shared(article, link)
    return _preview_response(
        request, article, shared_at=link.created_at, changed_since_shared=not kept
    )


# --- The admin ------------------------------------------------------------------------------


class PreviewAdminMixin:
    """For ArticleAdmin: the staff preview, sharing and revoking links, and a read-only
    field that lists the article's links."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:article_id>/preview/", wrap(staff_preview), name="articles_article_preview"),
            path(
                "<int:article_id>/preview-links/",
                wrap(self.share_preview_view),
                name="articles_article_share_preview",
            ),
            path(
                "<int:article_id>/preview-links/<int:link_id>/revoke/",
                wrap(self.revoke_preview_view),
                name="articles_article_revoke_preview",
            ),
            path(
                "<int:article_id>/preview-links/revoke-all/",
                wrap(self.revoke_all_previews_view),
                name="articles_article_revoke_all_previews",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            # Field methods get no request: the preview_links field reads it here.
            obj._preview_request = request
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- Views ---

    def _article_to_share(self, request, article_id):
        """The article whose links `request` changes, or PermissionDenied: only those who
        may edit an article share or revoke its links."""
        article = Article.objects.filter(pk=article_id).first()
        if article is None:
            raise Http404("No such article.")
        if not workflow.may_edit(article, request.user):
            raise PermissionDenied("Only those who may edit an article share or revoke its links.")
        return article

    def _back_to(self, article):
        name = f"{self.admin_site.name}:articles_article_change"
        return HttpResponseRedirect(reverse(name, args=[article.pk]) + "#preview-links")

    def share_preview_view(self, request, article_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_to_share(request, article_id)
        if article.status == ArticleStatus.WITHDRAWN:
            self.message_user(
                request,
                "A withdrawn article cannot be shared: no link would show it.",
                messages.ERROR,
            )
            return self._back_to(article)
        link = make_preview_link(article, request.user)
        self.message_user(
            request,
            f"A preview link to version {link.version} was shared; it works until "
            f"{_when(link.expires_at)}: {request.build_absolute_uri(link.url)}",
            messages.SUCCESS,
        )
        return self._back_to(article)

    def revoke_preview_view(self, request, article_id, link_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_to_share(request, article_id)
        link = get_object_or_404(article.preview_links, pk=link_id)
        if PreviewLink.objects.filter(pk=link.pk).revoke(request.user):
            self.message_user(
                request,
                f"The preview link shared on {_when(link.created_at)} was revoked.",
                messages.SUCCESS,
            )
        else:
            self.message_user(request, "That preview link was already revoked.", messages.INFO)
        return self._back_to(article)

    def revoke_all_previews_view(self, request, article_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._article_to_share(request, article_id)
        count = article.preview_links.active().revoke(request.user)
        if count:
            links = "preview link was" if count == 1 else "preview links were"
            self.message_user(request, f"{count} {links} revoked.", messages.SUCCESS)
        else:
            self.message_user(request, "No preview link was active.", messages.INFO)
        return self._back_to(article)

    # --- The field ---

    @admin.display(description="preview")
    def preview_links(self, article):
        if article.pk is None:
            return "A preview can be seen and shared once the article is saved."
        request = getattr(article, "_preview_request", None)
        may_share = request is not None and workflow.may_edit(article, request.user)
        now = timezone.now()
        preview = format_html(
            '<p><a class="button" href="{}" target="_blank" rel="noopener">Preview</a> '
            "The last saved version, as readers will see it.</p>",
            reverse(f"{self.admin_site.name}:articles_article_preview", args=[article.pk]),
        )

        def button(url_name, label, *args):
            url = reverse(f"{self.admin_site.name}:{url_name}", args=[article.pk, *args])
            return format_html(
                '<button type="submit" class="button" formaction="{}" formmethod="post" '
                "formnovalidate>{}</button>",
                url,
                label,
            )

        links = list(article.preview_links.select_related("created_by", "revoked_by"))
        rows = []
        for link in links:
            state = link.state_at(now)
            address = request.build_absolute_uri(link.url) if request else link.url
            if state == "active":
                where = format_html(
                    '<input type="text" class="vTextField preview-link-url" readonly '
                    'aria-label="Preview link shared on {}" value="{}">',
                    _when(link.created_at),
                    address,
                )
                status = format_html("Works until {}", _when(link.expires_at))
                action = (
                    button("articles_article_revoke_preview", "Revoke", link.pk)
                    if may_share
                    else ""
                )
            elif state == "revoked":
                where = format_html('<code class="preview-link-url">{}</code>', link.url)
                by = f" by {display_name(link.revoked_by)}" if link.revoked_by else ""
                status = format_html("Revoked on {}{}", _when(link.revoked_at), by)
                action = ""
            else:
                where = format_html('<code class="preview-link-url">{}</code>', link.url)
                status = format_html("Expired on {}", _when(link.expires_at))
                action = ""
            who = display_name(link.created_by) if link.created_by else "someone since removed"
            rows.append(
                (
                    state,
                    where,
                    format_html("{} on {} (version {})", who, _when(link.created_at), link.version),
                    status,
                    action,
                )
            )
        if rows:
            table = format_html(
                '<table class="preview-links"><thead><tr><th scope="col">Link</th>'
                '<th scope="col">Shared by</th><th scope="col">State</th>'
                '<th scope="col"></th></tr></thead><tbody>{}</tbody></table>',
                format_html_join(
                    "",
                    '<tr class="preview-link-{}"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
                    rows,
                ),
            )
        else:
            table = format_html("<p>{}</p>", "No preview link has been shared.")
        actions = ""
        if may_share:
            share = (
                button("articles_article_share_preview", "Share a new link")
                if article.status != ArticleStatus.WITHDRAWN
                else ""
            )
            revoke_all = (
                button("articles_article_revoke_all_previews", "Revoke all links")
                if any(link.state_at(now) == "active" for link in links)
                else ""
            )
            actions = format_html(
                '<p class="preview-link-actions">{} {}</p>'
                '<p class="help">A shared link shows the article as it is saved now, '
                "to anyone who has it, without logging in, until it expires or is revoked. "
                "Save your changes first.</p>",
                share,
                revoke_all,
            )
        return format_html('<div id="preview-links">{}{}{}</div>', preview, table, actions)
