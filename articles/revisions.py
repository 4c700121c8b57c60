"""Article revisions, kept by django-reversion: every save of an article records it with its
bylines, tags and mentions as one revision. The admin lists an article's revisions, compares
any two of them field by field, and reverts to one.

Reverting does not use reversion's own revert, which writes the stored rows back as they
were: it sets the old text, section, tags and bylines on the article and saves it the usual
way, so that the current mentions are carried through the change of text like any edit.
"""

import difflib
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from operator import itemgetter

import reversion
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from reversion.admin import VersionAdmin
from reversion.models import Version
from taggit.models import Tag, TaggedItem

from articles import body as article_body
from articles.models import (
    Article,
    ArticleStatus,
    Byline,
    Entity,
    Mention,
    MentionStatus,
    Section,
)
from articles.presence import display_name
from articles.workflow import PicturesRefused, check_published_edit

# Following an article stores, in its revision, the rows an editor saves with it. Tags are
# followed twice: the tags for their names, and the links (TaggedItem) for which tags the
# article had, because a link removed later in the same revision is deleted and so left
# out, while the removed tag's own row stays.
# The search column is derived from the text, and rebuilt on every save.
reversion.register(
    Article, follow=["bylines", "mentions", "tagged_items", "tags"], exclude=["search_vector"]
)
reversion.register(Byline)
reversion.register(Mention)
reversion.register(TaggedItem)
reversion.register(Tag)


# --- Recording ----------------------------------------------------------------------------


@contextmanager
def recording(article: Article, user=None, comment: str = ""):
    """Record a revision of `article`, with its bylines, tags and mentions as the block
    leaves them, in the block's transaction.

    A block inside another revision block (the admin's, a revert's) merges into it, so
    what one request saves is one revision.
    """
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        if comment:
            reversion.set_comment(comment)
        yield
        # Added again at the end: reversion stores a row as it is when first added, and
        # re-anchoring moves mentions with bulk_update, which sends no signal. The rows
        # go in before the article, each read with what its name shows: following the
        # article then finds them stored, where it would name each one with a query of
        # its own (thousands, for an article with thousands of mentions or tags).
        for obj in article.bylines.select_related("person"):
            obj.article = article
            reversion.add_to_revision(obj)
        for obj in article.mentions.select_related("entity"):
            reversion.add_to_revision(obj)
        for obj in article.tagged_items.select_related("tag"):
            obj.content_object = article
            reversion.add_to_revision(obj)
        for obj in article.tags.all():
            reversion.add_to_revision(obj)
        reversion.add_to_revision(article)


def record_revision(article: Article, user=None, comment: str = "") -> None:
    """Record a revision of `article` as it is now, for changes made without saving it."""
    with recording(article, user, comment):
        pass


def article_versions(article_id):
    """The stored versions of an article, newest first, with their revisions and users."""
    return (
        Version.objects.get_for_object_reference(Article, article_id)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def article_version_numbered(article_id, number: int, at=None):
    """The stored version of an article saved as version `number` (its optimistic lock's),
    or None when no revision of that version is kept. Several revisions may hold one
    version (annotating records one without a new version): the newest, or with `at`, the
    newest made by then (else the first made after)."""
    after = None
    for version in article_versions(article_id).iterator():
        if version.field_dict.get("version") != number:
            continue
        if at is None or version.revision.date_created <= at:
            return version
        after = version  # newest first: the last one kept is the first made after `at`
    return after


def describe_revision(revision) -> str:
    """A revision as people name it: "the revision of 29 Nov 2026, 09:12 by ana"."""
    when = f"{timezone.localtime(revision.date_created):%d %b %Y, %H:%M}"
    if revision.user is None:
        return f"the revision of {when}"
    return f"the revision of {when} by {display_name(revision.user)}"


# --- Diffs --------------------------------------------------------------------------------

# A paragraph break, a run of other white space, a word, or a punctuation mark: marks apart
# from words, so that "Beijing." becoming "Beijing by train." is a plain insertion.
_TOKENS = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")


_GAP = '<p class="diff-gap">…</p>'


def diff_html(old_text: str, new_text: str, context: int | None = None) -> SafeString:
    """The difference between two texts as escaped HTML, word by word.

    Each paragraph (line) is a <p>; removed words are in <del>, added ones in <ins>. With
    `context`, unchanged paragraphs more than that many away from a change are left out,
    each gap shown as a paragraph "…".
    """
    old_lines, new_lines = old_text.splitlines(), new_text.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    groups = [matcher.get_opcodes()] if context is None else matcher.get_grouped_opcodes(context)
    parts, shown_to = [], 0
    for group in groups:
        if group[0][1] > shown_to:
            parts.append(_GAP)
        shown_to = group[-1][2]
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                paragraphs = [escape(line) for line in old_lines[i1:i2]]
            else:
                paragraphs = _word_diff("\n".join(old_lines[i1:i2]), "\n".join(new_lines[j1:j2]))
            parts.extend(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph.strip())
    if shown_to < len(old_lines):
        parts.append(_GAP)
    return mark_safe("".join(parts))  # Every piece of text in it was escaped.


# Past this many tokens, a changed stretch of paragraphs is shown deleted and inserted
# whole: a word diff's time grows with the square of its length (a rewrite of 8,000 words
# took 18 s), and a stretch so rewritten reads better whole anyway.
WORD_DIFF_LIMIT = 2_000


def _word_diff(old: str, new: str) -> list[str]:
    """Paragraphs of escaped HTML marking the words that differ between old and new.

    Paragraphs are matched first; words are compared only inside the paragraphs that
    changed, so an edit here and there costs little however long the article is.
    """
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    pieces = []  # (tag, text): "" for text both have, "del" or "ins"
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        old_part, new_part = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
        if op == "equal":
            pieces.append(("", old_part))
            continue
        old_tokens, new_tokens = _TOKENS.findall(old_part), _TOKENS.findall(new_part)
        if len(old_tokens) + len(new_tokens) > WORD_DIFF_LIMIT:
            pieces += [("del", old_part), ("ins", new_part)]
            continue
        words = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
        for word_op, k1, k2, m1, m2 in words.get_opcodes():
            if word_op == "equal":
                pieces.append(("", "".join(old_tokens[k1:k2])))
            else:
                pieces += [("del", "".join(old_tokens[k1:k2])), ("ins", "".join(new_tokens[m1:m2]))]
    paragraphs, current = [], []
    for tag, text in pieces:
        # A paragraph break inside a change closes its mark, so each <p> is well formed.
        for n, chunk in enumerate(text.split("\n")):
            if n:
                paragraphs.append("".join(current))
                current = []
            if chunk:
                current.append(f"<{tag}>{escape(chunk)}</{tag}>" if tag else escape(chunk))
    paragraphs.append("".join(current))
    return paragraphs


@dataclass(frozen=True)
class Change:
    """One field that differs between two states of an article.

    `html` shows the difference (escaped, with <del> and <ins>); for bylines, tags and
    mentions, `added` and `removed` list what came and went.
    """

    label: str
    html: SafeString
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleState:
    """An article as one revision stored it, or as it is now."""

    headline: str
    slug: str
    dek: str
    body: str
    text: str  # The reading text of the body.
    section_id: int
    status: str
    publish_at: datetime | None
    person_ids: tuple[int, ...]  # The bylines, in order.
    tags: tuple[str, ...]  # Names, sorted.
    mentions: tuple[tuple[int, str, str], ...]  # (entity id, exact, status), in text order.
    # For reverting: each tag's id, with its name as stored then (None if it was not).
    tag_refs: tuple[tuple[int, str | None], ...] = ()


def article_state(article: Article) -> ArticleState:
    """The state of `article` as it is stored now."""
    return ArticleState(
        headline=article.headline,
        slug=article.slug,
        dek=article.dek,
        body=article.body,
        text=article.text,
        section_id=article.section_id,
        status=article.status,
        publish_at=article.publish_at,
        person_ids=tuple(byline.person_id for byline in article.bylines.all()),
        tags=tuple(sorted(article.tags.names())),
        mentions=tuple(
            article.mentions.order_by("start", "end", "pk").values_list(
                "entity_id", "exact", "status"
            )
        ),
    )


def version_state(version: Version) -> ArticleState:
    """The state of an article as `version` (one of its versions) and its revision stored it."""
    article_id = int(version.object_id)
    rows = defaultdict(list)
    for stored in version.revision.version_set.select_related("content_type"):
        rows[stored.content_type.model_class()].append(stored.field_dict)

    def of_article(model, key):
        return sorted((row for row in rows[model] if row["article_id"] == article_id), key=key)

    article_type = ContentType.objects.get_for_model(Article)
    tag_ids = [
        row["tag_id"]
        for row in rows[TaggedItem]
        if (row["content_type_id"], row["object_id"]) == (article_type.pk, article_id)
    ]
    stored_tag_names = {row["id"]: row["name"] for row in rows[Tag]}
    tag_names = dict(stored_tag_names)
    if set(tag_ids) - set(tag_names):
        tag_names.update(Tag.objects.filter(pk__in=tag_ids).values_list("pk", "name"))
    fields = version.field_dict
    return ArticleState(
        headline=fields["headline"],
        slug=fields["slug"],
        dek=fields["dek"],
        body=fields["body"],
        text=fields.get("text") or article_body.reading_text(article_body.sanitise(fields["body"])),
        section_id=fields["section_id"],
        status=fields["status"],
        publish_at=fields["publish_at"],
        person_ids=tuple(
            row["person_id"] for row in of_article(Byline, itemgetter("position", "id"))
        ),
        tags=tuple(sorted(tag_names.get(pk, f"a deleted tag (#{pk})") for pk in tag_ids)),
        mentions=tuple(
            (row["entity_id"], row["exact"], row["status"])
            for row in of_article(Mention, itemgetter("start", "end", "id"))
        ),
        tag_refs=tuple((pk, stored_tag_names.get(pk)) for pk in tag_ids),
    )


def compare(old: ArticleState, new: ArticleState) -> list[Change]:
    """The fields that differ from `old` to `new`, in the order the article form shows them."""
    entity_ids = {*old.person_ids, *new.person_ids}
    entity_ids.update(mention[0] for mention in (*old.mentions, *new.mentions))
    entities = Entity.objects.in_bulk(entity_ids)
    sections = Section.objects.in_bulk({old.section_id, new.section_id})

    def entity(pk):
        return entities[pk].name if pk in entities else f"a deleted entity (#{pk})"

    def section(state):
        pk = state.section_id
        return sections[pk].name if pk in sections else f"a deleted section (#{pk})"

    def published(state):
        if state.publish_at is None:
            return "not set"
        return f"{timezone.localtime(state.publish_at):%d %b %Y, %H:%M}"

    def mentions(state):
        return [
            f"“{exact}” → {entity(pk)} ({MentionStatus(status).label.lower()})"
            for pk, exact, status in state.mentions
        ]

    changes = []
    for label, name in [("Headline", "headline"), ("Slug", "slug"), ("Standfirst", "dek")]:
        if getattr(old, name) != getattr(new, name):
            changes.append(Change(label, diff_html(getattr(old, name), getattr(new, name))))
    for label, before, after in [
        ("Section", section(old), section(new)),
        ("Status", ArticleStatus(old.status).label, ArticleStatus(new.status).label),
        ("Publish at", published(old), published(new)),
    ]:
        if before != after:
            changes.append(
                Change(label, format_html("<del>{}</del> → <ins>{}</ins>", before, after))
            )
    if old.text != new.text:
        changes.append(Change("Text", diff_html(old.text, new.text)))
    old_formatting, new_formatting = describe_formatting(old.body), describe_formatting(new.body)
    if old_formatting != new_formatting:
        # Only what came and went, said in words: a link added, a name set in bold.
        changes.append(_list_change("Formatting", old_formatting, new_formatting, False))
    for label, before, after, unchanged in [
        (
            "Bylines",
            [entity(pk) for pk in old.person_ids],
            [entity(pk) for pk in new.person_ids],
            True,
        ),
        ("Tags", list(old.tags), list(new.tags), True),
        # Only what came and went: an article may have hundreds of mentions.
        ("Mentions", mentions(old), mentions(new), False),
    ]:
        if before != after:
            changes.append(_list_change(label, before, after, unchanged))
    return changes


FORMATTING_WORDS = {
    "link": "Link on “{text}” to {detail}",
    "bold": "Bold: “{text}”",
    "italic": "Italic: “{text}”",
    "subheading": "Subheading: “{text}”",
    "quote": "Quote: “{text}”",
    "list": "List item: “{text}”",
    "figure": "Picture {detail}: “{text}”",
}


def describe_formatting(body: str) -> list[str]:
    """The links, bold and italic words, subheadings, quotes and list items of a body, each
    said in words ("Link on “Reuters” to https://...")."""
    return [
        FORMATTING_WORDS[item.kind].format(text=Truncator(item.text).chars(80), detail=item.detail)
        for item in article_body.formatting(body)
    ]


def compare_versions(old: Version, new: Version) -> list[Change]:
    """The fields of an article that differ from the `old` version to the `new` one."""
    return compare(version_state(old), version_state(new))


def changes_since(article: Article, version_number: int) -> list[Change] | None:
    """What changed in `article` since its save numbered `version_number`, or None when no
    revision of that version is kept."""
    for version in article_versions(article.pk):
        if version.field_dict.get("version") == version_number:
            return compare(version_state(version), article_state(article))
    return None


def _list_change(label: str, old: list[str], new: list[str], unchanged: bool) -> Change:
    """A change of a list, as a <ul> with removed items in <del> and added ones in <ins>."""
    items = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            if unchanged:
                items += [escape(item) for item in old[i1:i2]]
        else:
            items += [f"<del>{escape(item)}</del>" for item in old[i1:i2]]
            items += [f"<ins>{escape(item)}</ins>" for item in new[j1:j2]]
    html = "".join(f"<li>{item}</li>" for item in items)
    return Change(
        label,
        mark_safe(f'<ul class="diff-items">{html}</ul>'),  # Every item in it was escaped.
        added=tuple((Counter(new) - Counter(old)).elements()),
        removed=tuple((Counter(old) - Counter(new)).elements()),
    )


# --- Revert -------------------------------------------------------------------------------


def revert(article: Article, version: Version, user) -> list[str]:
    """Restore the headline, slug, standfirst, body, section, tags and bylines of `article`
    from `version`, recording a new revision.

    Status and publication time stay as they are: publishing goes through the workflow. The
    article is saved the usual way, so its current mentions are carried through the change
    of text (those whose words are gone are marked for review); old mention rows are not
    restored. Returns notes on what could not be restored because it is gone or taken.

    A published article is not reverted to a body with a picture it may not show now (its
    rights ended, or it has no alt text): workflow.PicturesRefused says which, as for any
    edit of a published article.
    """
    state = version_state(version)
    check_published_edit(article, {"body": state.body})
    notes = []
    comment = f"Reverted to {describe_revision(version.revision)}"
    with recording(article, user, comment):
        article.headline, article.dek, article.body = state.headline, state.dek, state.body
        if Section.objects.filter(pk=state.section_id).exists():
            article.section_id = state.section_id
        else:
            notes.append(f"Its section has been deleted, so it stays in {article.section}.")
        if Article.objects.filter(slug=state.slug).exclude(pk=article.pk).exists():
            notes.append(f"Another article now has the slug “{state.slug}”, so it was kept.")
        else:
            article.slug = state.slug
        article.updated_by = user
        article.save()
        # By id, so a tag renamed since comes back under its name now, not as a new tag
        # with the old name; a tag deleted since comes back by its stored name.
        current = Tag.objects.in_bulk([pk for pk, _ in state.tag_refs])
        tags = []
        for pk, name in state.tag_refs:
            if pk in current or name:
                tags.append(current.get(pk, name))
            else:
                notes.append(f"A tag it had (#{pk}) has since been deleted.")
        article.tags.set(tags)
        people = Entity.objects.in_bulk(state.person_ids)
        article.bylines.exclude(person_id__in=list(people)).delete()
        for position, person_id in enumerate(state.person_ids):
            if person_id in people:
                Byline.objects.update_or_create(
                    article=article, person_id=person_id, defaults={"position": position}
                )
            else:
                notes.append(f"A person in its bylines (#{person_id}) has since been deleted.")
    return notes


# --- Admin --------------------------------------------------------------------------------


class ArticleRevisionsAdmin(VersionAdmin):
    """What ArticleAdmin takes from reversion's VersionAdmin, with our own revert.

    The history page lists the article's revisions (when, who, comment) and compares any
    two; reversion's revision page becomes our revert (a confirmation on GET, the revert on
    POST). Recovering deleted articles is not offered: reversion would save the stored rows
    raw, past the re-anchoring of mentions.
    """

    object_history_template = "admin/articles/article/object_history.html"
    revision_compare_template = "admin/articles/article/revision_compare.html"
    # reversion's change list only adds a link to recovering deleted articles.
    change_list_template = None

    def get_urls(self):
        compare = path(
            "<int:article_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="articles_article_compare",
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        article = self.get_object(request, unquote(object_id))
        versions = list(article_versions(unquote(object_id)))
        rows = [
            {"version": version, "previous": older.pk if older else None}
            # Each with the one before it. (Not strict: with no versions at all, after
            # manage.py deleterevisions, the lone None pairs with nothing.)
            for version, older in zip(versions, [*versions[1:], None], strict=False)
        ]
        context = {
            "revisions": rows,
            "can_revert": article is not None and self.has_change_permission(request, article),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, article_id):
        """Compare two revisions of an article, given as ?old=...&new=... version ids."""
        article = get_object_or_404(Article, pk=article_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        old = self._version(article, request.GET.get("old"))
        new = self._version(article, request.GET.get("new"))
        if (old.revision.date_created, old.pk) > (new.revision.date_created, new.pk):
            old, new = new, old
        can_revert = self.has_change_permission(request, article)
        newest = article_versions(article.pk).values_list("pk", flat=True).first()
        context = {
            "title": "Compare revisions",
            "columns": [
                {
                    "label": capfirst(describe_revision(version.revision)),
                    "comment": version.revision.get_comment(),
                    "revert_url": (
                        self._revert_url(article, version)
                        if can_revert and version.pk != newest
                        else ""
                    ),
                }
                for version in (old, new)
            ],
            "changes": compare_versions(old, new),
        }
        return self._render(request, article, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Revert an article to one of its revisions: on GET, a page showing what reverting
        would change; on POST, the revert."""
        if not object_id.isdigit():
            raise Http404
        article = get_object_or_404(Article, pk=object_id)
        version = self._version(article, version_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        if request.method == "POST":
            try:
                notes = revert(article, version, request.user)
            except PicturesRefused as refused:
                self.message_user(request, f"Not reverted. {refused}", messages.ERROR)
                return HttpResponseRedirect(request.path)
            message = f"Reverted to {describe_revision(version.revision)}."
            self.log_change(request, article, message)
            self.message_user(request, message, messages.SUCCESS)
            for note in notes:
                self.message_user(request, note, messages.WARNING)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        now = article_state(article)
        # Only what reverting restores: status, publication time and mentions stay.
        restored = replace(
            version_state(version),
            status=now.status,
            publish_at=now.publish_at,
            mentions=now.mentions,
        )
        context = {
            "title": f"Revert to {describe_revision(version.revision)}",
            "revert_url": self._revert_url(article, version),
            "changes": compare(now, restored),
        }
        return self._render(request, article, context)

    def recoverlist_view(self, request, extra_context=None):
        raise Http404("Deleted articles cannot be recovered.")

    def recover_view(self, request, version_id, extra_context=None):
        raise Http404("Deleted articles cannot be recovered.")

    def _version(self, article, version_id) -> Version:
        """One of the article's versions, or 404 for anything else (another article's...)."""
        try:
            pk = int(version_id)
        except (TypeError, ValueError):
            raise Http404("No such revision.") from None
        return get_object_or_404(article_versions(article.pk), pk=pk)

    def _revert_url(self, article, version) -> str:
        return reverse("admin:articles_article_revision", args=[article.pk, version.pk])

    def admin_page_context(self, request, **extra) -> dict:
        """The context an admin page of our own needs for the admin's header, breadcrumbs
        and sidebar, with `extra`."""
        opts = self.model._meta
        request.current_app = self.admin_site.name
        return {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "subtitle": None,
            **extra,
        }

    def _render(self, request, article, context):
        context = self.admin_page_context(
            request, subtitle=str(article), article=article, **context
        )
        return TemplateResponse(request, self.revision_compare_template, context)
