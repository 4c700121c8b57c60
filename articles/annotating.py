"""The annotation screen: an admin view of one article's text where mentions are made,
checked and changed, and the JSON endpoints its script calls.

Every change goes through these endpoints, each checked for its own permission. The browser
sends a quote (exact, prefix, suffix), never an offset: it counts UTF-16 units where the
server counts code points, and the text may have been edited since the page was loaded. The
server finds the quote with anchoring.resolve_quote and refuses what it cannot place.

Each endpoint answers with the whole annotation state of the article, so the screen always
shows what is stored; an error is a 4xx with {"error": message} and nothing written.
"""

import json
import re
from collections import Counter

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from articles import anchoring, namesakes, revisions, suggestions
from articles.limits import size_said
from articles.models import (
    QUOTE_CONTEXT,
    Article,
    Entity,
    EntityKind,
    Mention,
    MentionRole,
    MentionSource,
    MentionStatus,
)

# Statuses drawn in the text; rejected mentions are kept only so they are not suggested again.
SHOWN_STATUSES = [MentionStatus.CONFIRMED, MentionStatus.SUGGESTED, MentionStatus.NEEDS_REVIEW]
MAX_RESULTS = 12


class BadRequest(Exception):
    """A request the screen cannot act on; its message is shown to the annotator."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _json_endpoint(*permissions):
    """Wrap a view taking (request, ...) so that it needs `permissions` and answers JSON.

    BadRequest and ValidationError become 4xx answers with their message; the view runs in
    a transaction, so an error leaves nothing half-written.
    """

    def decorate(view):
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perms(permissions):
                return _error("You do not have permission to do this.", 403)
            try:
                with transaction.atomic():
                    response = view(request, *args, **kwargs)
                    changed = request.method != "GET" and response.status_code < 400
                    if changed and hasattr(response, "article"):
                        # Mentions change here without the article being saved: record
                        # the change in the article's history all the same.
                        revisions.record_revision(response.article, request.user, response.message)
                    return response
            except BadRequest as error:
                return _error(str(error), error.status)
            except Http404:
                return _error("This is no longer there (removed or merged): reload the page.", 404)
            except ValidationError as error:
                return _error(" ".join(error.messages), 400)

        wrapped.__name__ = view.__name__
        wrapped.__doc__ = view.__doc__
        return wrapped

    return decorate


# No request of the screen nests deeper than {"new_entity": {"name": ...}}.
MAX_JSON_DEPTH = 10
# Half of a UTF-16 surrogate pair: JSON may spell one ("\ud800"); no database stores it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _read_json(request) -> dict:
    """The request's JSON object, or BadRequest saying why there is none: too large (over
    DATA_UPLOAD_MAX_MEMORY_SIZE), not JSON, nested too deeply, or holding text that is no
    text (a lone surrogate)."""
    try:
        raw = request.body
    except RequestDataTooBig:
        size = size_said(request.META.get("CONTENT_LENGTH"))
        raise BadRequest(
            f"The request is too large{f' ({size})' if size else ''}; at most "
            f"{size_said(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)} can be sent at once.",
            413,
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadRequest("The request is not valid JSON.") from None
    except RecursionError:
        raise BadRequest(_TOO_DEEP) from None
    if not isinstance(data, dict):
        raise BadRequest("The request must be a JSON object.")
    _check_json(data)
    return data


_TOO_DEEP = f"The request is nested more than {MAX_JSON_DEPTH} levels deep."


def _check_json(data: dict) -> None:
    """Refuse JSON nested deeper than MAX_JSON_DEPTH, or with a lone surrogate in a key or a
    text, naming where; walked with a list, not recursion, whatever the depth."""
    pending = [(data, "", 1)]
    while pending:
        value, path, depth = pending.pop()
        if depth > MAX_JSON_DEPTH:
            raise BadRequest(_TOO_DEEP)
        if isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    raise BadRequest(f"A field name {_SURROGATE_SAID}")
                pending.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(value, list):
            pending.extend((item, path, depth + 1) for item in value)
        elif isinstance(value, str) and _SURROGATE.search(value):
            shown = path if len(path) <= 60 else path[:59] + "…"
            raise BadRequest(f"“{shown}” {_SURROGATE_SAID}")


_SURROGATE_SAID = (
    "holds half of a UTF-16 surrogate pair, which is no character on its own: send the text again."
)


def _text_field(data: dict, name: str, required: bool = False, max_length: int = 300) -> str:
    value = data.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise BadRequest(f"“{name}” must be text.")
    if "\x00" in value:
        # No database text can hold it, and no article or name has one.
        raise BadRequest(f"“{name}” holds a NUL character.")
    if required and not value.strip():
        raise BadRequest(f"“{name}” is missing.")
    if len(value) > max_length:
        raise BadRequest(f"“{name}” is longer than {max_length} characters.")
    return value


def _role(data: dict, default: str = MentionRole.MENTIONS) -> str:
    role = data.get("role", default)
    if role not in MentionRole.values:
        raise BadRequest(f"The role must be one of: {', '.join(MentionRole.values)}.")
    return role


def _entity(request, data: dict) -> Entity:
    """The entity named by data["entity"] (an id), or a new one from data["new_entity"]."""
    if data.get("new_entity") is not None:
        return _new_entity(request, data["new_entity"])
    pk = data.get("entity")
    if isinstance(pk, bool) or not isinstance(pk, int):
        raise BadRequest("Choose an entity, or make a new one.")
    entity = Entity.objects.filter(pk=pk).first()
    if entity is None:
        raise BadRequest(f"There is no entity with id {pk}; it may have been merged or deleted.")
    return entity


def _new_entity(request, fields) -> Entity:
    if not request.user.has_perm("articles.add_entity"):
        raise BadRequest("You do not have permission to add entities.", 403)
    if not isinstance(fields, dict):
        raise BadRequest("“new_entity” must be an object with a name and a kind.")
    name = _text_field(fields, "name", required=True, max_length=200).strip()
    kind = fields.get("kind")
    if kind not in EntityKind.values:
        raise BadRequest(f"The kind must be one of: {', '.join(EntityKind.values)}.")
    existing = Entity.objects.filter(kind=kind, name=name).first()
    if existing is not None:
        raise BadRequest(
            f"There is already a {existing.get_kind_display().lower()} called {name}: "
            "choose it from the list."
        )
    entity = Entity(name=name, kind=kind)
    entity.full_clean(exclude=["slug"])
    entity.save()
    return entity


def _resolve(body: str, data: dict) -> tuple[int, int]:
    exact = _text_field(data, "exact", required=True)
    prefix = _text_field(data, "prefix", max_length=4 * QUOTE_CONTEXT)
    suffix = _text_field(data, "suffix", max_length=4 * QUOTE_CONTEXT)
    if exact != exact.strip():
        raise BadRequest("A mention cannot start or end with a space.")
    if exact not in body:
        raise BadRequest(
            f"“{exact}” is not in the article's text. It may have been edited since you "
            "opened it: reload the page."
        )
    place = anchoring.resolve_quote(body, exact, prefix, suffix)
    if place is None and body.count(exact) == 1:
        raise BadRequest(
            f"The words around “{exact}” have changed since you opened the article: reload "
            "the page.",
            409,
        )
    if place is None:
        raise BadRequest(
            f"“{exact}” is in the text more than once and its context does not say which: "
            "select it again, or reload the page if the text was edited."
        )
    return place


def _link(article, entity, start: int, end: int, role: str, user, reuse: list) -> Mention:
    """Confirm a mention of `entity` at start..end: reuse a pending mention there, if any.

    Suggestions overlapping the place are rejected, since the annotator has said what these
    words are. Raises ValidationError if a confirmed mention of something else overlaps.
    """
    overlapping = [m for m in reuse if m.start < end and start < m.end]
    confirmed = [m for m in overlapping if m.status == MentionStatus.CONFIRMED]
    if confirmed:
        other = confirmed[0]
        if (other.start, other.end, other.entity_id) == (start, end, entity.pk):
            if other.role != role:
                other.role = role
                other.save(update_fields=["role"])
            return other
        raise ValidationError(f"“{other.exact}” is already linked to {other.entity.name}.")
    same_place = [m for m in overlapping if (m.start, m.end) == (start, end)]
    mention = same_place[0] if same_place else None
    for other in overlapping:
        if other is not mention and other.status != MentionStatus.REJECTED:
            other.status = MentionStatus.REJECTED
            other.save(update_fields=["status"])
    if mention is None:
        mention = Mention(
            article=article,
            start=start,
            end=end,
            source=MentionSource.MANUAL,
            created_by=user,
        )
        reuse.append(mention)
    mention.role = role
    mention.accept(entity, requote=True)
    return mention


def annotation_state(article: Article) -> dict:
    """What the screen shows: the reading text, its live mentions, and the entities they
    name."""
    body = article.text
    mentions = list(
        article.mentions.filter(status__in=SHOWN_STATUSES)
        .select_related("entity")
        .order_by("start", "end", "pk")
    )
    rejected = article.mentions.filter(status=MentionStatus.REJECTED).count()
    counts: dict[int, Counter] = {}
    entities: dict[int, Entity] = {}
    for mention in mentions:
        entities.setdefault(mention.entity_id, mention.entity)
        counts.setdefault(mention.entity_id, Counter())[mention.status] += 1
    twins = namesakes.namesakes_of(entities)
    looks = suggestions.looks_needed(mentions)
    return {
        "article": {
            "id": article.pk,
            "headline": article.headline,
            "version": article.version,
            "status": article.get_status_display(),
        },
        "text": body,
        "mentions": [
            {
                "id": mention.pk,
                "start": mention.start,
                "end": mention.end,
                "exact": mention.exact,
                "now": body[mention.start : mention.end],
                "fits": body[mention.start : mention.end] == mention.exact,
                # What an edit did to it, for one needing review (the article's form
                # says the same: admin.body_with_mentions_html).
                "said": mention.review_said(body),
                "status": mention.status,
                "status_label": mention.get_status_display(),
                "role": mention.role,
                "source": mention.source,
                "entity": _entity_json(mention.entity, twins),
                # Why a suggestion should be looked at before it is accepted, or "".
                "look": looks.get(mention.pk, ""),
            }
            for mention in mentions
        ],
        "entities": sorted(
            (
                {
                    **_entity_json(entity, twins),
                    "confirmed": counts[pk][MentionStatus.CONFIRMED],
                    "suggested": counts[pk][MentionStatus.SUGGESTED],
                    "needs_review": counts[pk][MentionStatus.NEEDS_REVIEW],
                }
                for pk, entity in entities.items()
            ),
            key=lambda row: (-sum(counts[row["id"]].values()), row["name"]),
        ),
        "rejected": rejected,
    }


def _entity_json(entity: Entity, twins: dict[int, list[Entity]]) -> dict:
    """The entity as the screen shows it, with what tells it from a namesake: its
    description (whole, and shortened for lists), its Wikidata id, and its namesakes among
    `twins` (from namesakes.namesakes_of)."""
    return {
        "id": entity.pk,
        "name": entity.name,
        "kind": entity.kind,
        "kind_label": entity.get_kind_display(),
        "aliases": entity.aliases,
        "url": entity.get_absolute_url(),
        "description": entity.description,
        "description_short": namesakes.shortened(entity.description),
        "wikidata": entity.wikidata,
        "wikidata_url": entity.wikidata_url,
        "namesakes": [
            {"id": other.pk, "name": other.name, "said": namesakes.said(other)}
            for other in twins.get(entity.pk, [])
        ],
    }


def _answer(article: Article, message: str, status: int = 200) -> JsonResponse:
    """The JSON answer of an endpoint that changed `article`'s mentions; it carries the
    article and the message on, for the revision its wrapper records."""
    response = JsonResponse({"message": message, "state": annotation_state(article)}, status=status)
    response.article, response.message = article, message
    return response


# --- Views --------------------------------------------------------------------------------


def annotate_page(model_admin, request, article_id: int):
    """The screen itself, for whoever may view articles and change mentions."""
    if not (
        request.user.has_perm("articles.view_article")
        and request.user.has_perm("articles.change_mention")
    ):
        raise PermissionDenied("Annotating needs permission to view articles and change mentions.")
    article = get_object_or_404(Article, pk=article_id)
    base = reverse("admin:articles_article_annotate", args=[article.pk])
    config = {
        "urls": {
            "state": base + "state/",
            "mentions": base + "mentions/",
            "accept_suggestions": base + "accept-suggestions/",
            "entities": reverse("admin:articles_article_annotate_entities"),
        },
        "kinds": [{"value": value, "label": label} for value, label in EntityKind.choices],
        "roles": [{"value": value, "label": label} for value, label in MentionRole.choices],
        "can_add_entity": request.user.has_perm("articles.add_entity"),
        "can_delete": request.user.has_perm("articles.delete_mention"),
        "quote_context": QUOTE_CONTEXT,
    }
    context = model_admin.admin_page_context(
        request,
        title=f"Annotate: {article.headline}",
        article=article,
        annotation_state=annotation_state(article),
        annotation_config=config,
        change_url=reverse("admin:articles_article_change", args=[article.pk]),
        public_url=article.get_absolute_url() if article.is_published() else "",
    )
    return TemplateResponse(request, "admin/articles/annotate.html", context)


@require_GET
@_json_endpoint("articles.view_article", "articles.view_mention")
def state(request, article_id: int):
    """The annotation state of the article."""
    article = get_object_or_404(Article, pk=article_id)
    return JsonResponse(annotation_state(article))


@require_http_methods(["POST"])
@_json_endpoint("articles.view_article", "articles.add_mention", "articles.change_mention")
def create_mention(request, article_id: int):
    """Link the quoted words to an entity, and with "link_all" every other place they occur.

    Body: {"exact", "prefix", "suffix", "entity": id or "new_entity": {"name", "kind"},
    "role": "mentions" | "about", "link_all": bool}.
    """
    article = get_object_or_404(Article.objects.select_for_update(), pk=article_id)
    data = _read_json(request)
    start, end = _resolve(article.text, data)
    role = _role(data)
    link_all = data.get("link_all", False)
    if not isinstance(link_all, bool):
        raise BadRequest("“link_all” must be true or false.")
    entity = _entity(request, data)
    existing = list(article.mentions.select_related("entity"))
    _link(article, entity, start, end, role, request.user, existing)
    exact = article.text[start:end]
    if not link_all:
        return _answer(article, f"Linked “{exact}” to {entity.name}.", 201)
    linked, skipped = 1, 0
    known_names = suggestions.gazetteer().find(article.text)
    for match in anchoring.Gazetteer([anchoring.Entry(entity.pk, exact)]).find(article.text):
        if (match.start, match.end) == (start, end):
            continue
        if _claimed_by_other_words(match, known_names, existing):
            skipped += 1
            continue
        try:
            with transaction.atomic():
                _link(article, entity, match.start, match.end, role, request.user, existing)
        except ValidationError:
            skipped += 1
        else:
            linked += 1
    message = f"Linked {linked} × “{exact}” to {entity.name}."
    if skipped:
        message += (
            f" {skipped} inside a longer name or already linked to something else were left "
            "as they were."
        )
    return _answer(article, message, 201)


def _claimed_by_other_words(match, known_names, mentions) -> bool:
    """Whether other words claim this occurrence of a name being linked everywhere: a
    longer known name around it ("Kim" in "Kim Yo Jong"), or a mention, not rejected, of
    words overlapping it. Such an occurrence is another person's, or the annotator's call."""

    def overlaps(other) -> bool:
        return other.start < match.end and match.start < other.end

    length = match.end - match.start
    return any(overlaps(name) and name.end - name.start > length for name in known_names) or any(
        overlaps(mention)
        and (mention.start, mention.end) != (match.start, match.end)
        and mention.status != MentionStatus.REJECTED
        for mention in mentions
    )


@require_http_methods(["POST", "DELETE"])
@_json_endpoint("articles.view_article", "articles.change_mention")
def change_mention(request, article_id: int, mention_id: int):
    """Accept, reject, relink or re-role one mention (POST), or remove it (DELETE).

    POST body: any of {"status": "confirmed" | "rejected", "entity": id, "role",
    "requote": bool}; "requote" confirms a mention needing review on the words now at its
    place. Removing a suggested mention rejects it, so it is not suggested again.
    """
    article = get_object_or_404(Article.objects.select_for_update(), pk=article_id)
    mention = get_object_or_404(
        Mention.objects.select_related("entity", "article"), pk=mention_id, article=article
    )
    if request.method == "DELETE":
        return _remove(request, article, mention)
    data = _read_json(request)
    allowed = {"status", "entity", "role", "requote"}
    if not data or set(data) - allowed:
        raise BadRequest(f"Send one or more of: {', '.join(sorted(allowed))}.")
    status = data.get("status", mention.status)
    if status not in (mention.status, MentionStatus.CONFIRMED, MentionStatus.REJECTED):
        raise BadRequest("The status must be confirmed or rejected.")
    requote = data.get("requote", False)
    if not isinstance(requote, bool):
        raise BadRequest("“requote” must be true or false.")
    mention.role = _role(data, default=mention.role)
    if "entity" in data:
        mention.entity = _entity(request, data)
    if status == MentionStatus.CONFIRMED:
        mention.accept(requote=requote)
        message = f"“{mention.exact}” is {mention.entity.name}."
    else:
        mention.status = status
        mention.save(update_fields=["status", "role", "entity"])
        message = (
            f"Rejected “{mention.exact}” as {mention.entity.name}."
            if status == MentionStatus.REJECTED
            else f"Saved “{mention.exact}”."
        )
    return _answer(article, message)


@require_http_methods(["POST"])
@_json_endpoint("articles.view_article", "articles.change_mention")
def accept_suggestions(request, article_id: int):
    """Accept every suggestion of the article whose words leave no choice, as the review
    queue's bulk accept does (MentionQuerySet.accept_all): those that need a look
    (suggestions.looks_needed), name an entity with a namesake, or no longer fit stay
    suggested, to be checked one by one. No body."""
    article = get_object_or_404(Article.objects.select_for_update(), pk=article_id)
    accepted, refused = article.mentions.filter(status=MentionStatus.SUGGESTED).accept_all()
    count = sum(len(group) for group in accepted.values())
    left = (
        f" {len(refused)} {'is' if len(refused) == 1 else 'are'} left to check one by one."
        if refused
        else ""
    )
    if not count:
        # Nothing changed, so nothing for the article's history.
        return JsonResponse(
            {
                "message": f"No suggestion was accepted.{left}",
                "state": annotation_state(article),
            }
        )
    return _answer(article, f"Accepted {count} suggestion{'s' if count != 1 else ''}.{left}")


def _remove(request, article, mention) -> JsonResponse:
    if mention.source == MentionSource.SUGGESTED:
        mention.status = MentionStatus.REJECTED
        mention.save(update_fields=["status"])
        return _answer(
            article, f"Removed “{mention.exact}”; it will not be suggested again for this text."
        )
    if not request.user.has_perm("articles.delete_mention"):
        raise BadRequest("You do not have permission to remove mentions.", 403)
    mention.delete()
    return _answer(article, f"Removed “{mention.exact}” ({mention.entity.name}).")


@require_GET
@_json_endpoint("articles.view_entity")
def entities(request):
    """Entities whose name or an alias holds every word of ?q=, best matches first."""
    # A NUL is in no name, and no database text can hold one.
    query = request.GET.get("q", "").replace("\x00", " ").strip()[:200]
    words = query.split()
    if not words:
        return JsonResponse({"results": []})
    folded = query.casefold()
    found = list(Entity.objects.matching(words).order_by("name", "pk")[:200])

    def rank(entity):
        surfaces = [surface.casefold() for surface in entity.surface_forms]
        return (
            folded not in surfaces,
            not any(surface.startswith(folded) for surface in surfaces),
            entity.name,
        )

    found.sort(key=rank)
    found = found[:MAX_RESULTS]
    twins = namesakes.namesakes_of(entity.pk for entity in found)
    return JsonResponse({"results": [_entity_json(entity, twins) for entity in found]})
