"""Mentions made by the machine: the gazetteer over every entity's names, suggestions from
it, and carrying an article's mentions through an edit of its reading text.

The text work is in articles.anchoring (no Django); this module feeds it rows and saves what
it finds.
"""

import uuid

from django.core.cache import cache

from articles import anchoring
from articles.models import QUOTE_CONTEXT, Entity, EntityKind, Mention, MentionSource, MentionStatus

# A fresh token whenever an entity changes, so every process rebuilds its gazetteer. With
# the Redis cache the token is shared by all app servers; with the local-memory cache, by
# one process. A token, not a counter: a cleared cache must never look unchanged.
GAZETTEER_STAMP_KEY = "newsroom:gazetteer-stamp"

_built: dict = {"stamp": None, "gazetteer": None}


def entities_changed() -> None:
    """Tell every process that its gazetteer is out of date."""
    cache.set(GAZETTEER_STAMP_KEY, uuid.uuid4().hex, timeout=None)


def gazetteer() -> anchoring.Gazetteer:
    """The gazetteer of every entity's name and aliases, rebuilt only after entities change."""
    stamp = cache.get_or_set(GAZETTEER_STAMP_KEY, lambda: uuid.uuid4().hex, timeout=None)
    if _built["stamp"] != stamp or _built["gazetteer"] is None:
        # With what tells entities apart (kind, description), for the rules that decide
        # which of several entities a shared name is (articles/anchoring/rules.py).
        entities = [
            anchoring.Named(pk, name, tuple(aliases), description, kind)
            for pk, name, aliases, description, kind in Entity.objects.values_list(
                "pk", "name", "aliases", "description", "kind"
            ).order_by("pk")  # one order, so the same text gives the same suggestions
        ]
        _built.update(stamp=stamp, gazetteer=anchoring.Gazetteer.of(entities))
    return _built["gazetteer"]


def suggest_mentions(article, confirm: bool = False, user=None) -> list[Mention]:
    """Add a mention for each gazetteer match in the reading text that is new; return them.

    A match is new when no mention of the article, whatever its status, covers any of its
    text: so a rejected suggestion is not made again, and nothing overlaps a confirmed
    mention. A rejection holds only while its words are there: once an edit has changed
    them ("Kim" to "Moon"), the new words may be suggested. The mentions are suggested;
    with `confirm`, those a bulk accept would take are confirmed instead, and so are the
    pending suggestions the gazetteer still finds (say, those made on save): not those
    that need a look (Gazetteer.needs_a_look) or name an entity with a namesake, which
    stay suggested for someone to check, as the review queue leaves them.
    """
    from articles.namesakes import namesake_ids  # namesakes reads our stamp key

    body = article.text
    existing = [
        m
        for m in article.mentions.all()
        if m.status != MentionStatus.REJECTED or body[m.start : m.end] == m.exact
    ]
    pending = {
        (m.start, m.end, m.entity_id): m for m in existing if m.status == MentionStatus.SUGGESTED
    }
    found = gazetteer()
    matches = found.find(body)
    # An entity deleted in another process may linger in this one's gazetteer for a moment.
    live = set(Entity.objects.filter(pk__in={m.key for m in matches}).values_list("pk", flat=True))
    twins = namesake_ids(live) if confirm else {}
    new, confirmed = [], []
    for match in matches:
        if match.key not in live:
            continue
        after = body[match.end : match.end + QUOTE_CONTEXT]
        sure = (
            confirm
            and match.key not in twins
            and not found.needs_a_look(match.surface, match.key, after)
        )
        suggestion = pending.get((match.start, match.end, match.key))
        if suggestion is not None:
            if sure:
                suggestion.status = MentionStatus.CONFIRMED
                confirmed.append(suggestion)
            continue
        if any(m.start < match.end and match.start < m.end for m in existing):
            continue
        mention = Mention(
            article=article,
            entity_id=match.key,
            start=match.start,
            end=match.end,
            status=MentionStatus.CONFIRMED if sure else MentionStatus.SUGGESTED,
            source=MentionSource.SUGGESTED,
            created_by=user,
        )
        mention.fill_quote(body)
        new.append(mention)
    Mention.objects.bulk_update(confirmed, ["status"])
    return confirmed + Mention.objects.bulk_create(new)


def looks_needed(mentions) -> dict[int, str]:
    """Why each suggestion among `mentions` should be looked at before anyone accepts it, in
    words for the screens, by mention pk (anchoring's Gazetteer.needs_a_look: its words name
    several entities, or are none of its entity's names, or are a month's name too).

    A suggestion counts whether it waits to be accepted or an edit sent it to review: no
    one has said it is right. Mentions a person linked, and suggestions whose words leave
    no choice, are left out. Such suggestions are shown marked and never accepted in bulk.
    One query at most, for the other entities that share a suggestion's words.
    """
    from articles.namesakes import said as namesake_said  # namesakes reads our stamp key

    found = gazetteer()
    reasons = {
        mention: reason
        for mention in mentions
        if mention.source == MentionSource.SUGGESTED
        and mention.status in (MentionStatus.SUGGESTED, MentionStatus.NEEDS_REVIEW)
        and (reason := found.needs_a_look(mention.exact, mention.entity_id, mention.suffix))
    }
    sharing = {
        mention: [key for key in found.keys_sharing(mention.exact) if key != mention.entity_id]
        for mention, reason in reasons.items()
        if reason == anchoring.SHARED_WORDS
    }
    others = {}
    if sharing:
        others = Entity.objects.in_bulk({key for group in sharing.values() for key in group})
    said = {}
    for mention, reason in reasons.items():
        if reason == anchoring.SHARED_WORDS:
            names = [namesake_said(others[key]) for key in sharing[mention] if key in others]
            if not names:
                # The others are gone (deleted in another process a moment ago): the words
                # are this entity's alone now.
                continue
            said[mention.pk] = (
                f"“{mention.exact}” also names {'; '.join(names)}: the story's context chose "
                f"{mention.entity.name}."
            )
        elif reason == anchoring.NO_ALIAS:
            said[mention.pk] = (
                f"“{mention.exact}” is not one of {mention.entity.name}'s names or aliases: "
                "the story's context linked it."
            )
        elif reason == anchoring.SHORT_FORM:
            whose = "place's" if mention.entity.kind == EntityKind.PLACE else "one's"
            said[mention.pk] = (
                f"“{mention.exact}” is not {mention.entity.name}'s own name: check that it "
                f"is not part of a longer name, or another {whose}."
            )
        elif reason == anchoring.IN_A_COMPETITION:
            said[mention.pk] = (
                f"“{mention.exact}” stands before a competition's name: check that it is "
                f"{mention.entity.name}, not part of the competition's name."
            )
        elif reason == anchoring.SPELLED_OTHERWISE:
            said[mention.pk] = (
                f"“{mention.exact}” is {mention.entity.name} spelled without its accents or "
                "with others: check that it is not a word of English or of another name."
            )
        else:
            said[mention.pk] = f"“{mention.exact}” is also the name of a month or a day."
    return said


def reanchor_mentions(article, old_text: str) -> int:
    """Carry the article's mentions from old_text to its new reading text; return how many
    moved.

    Mentions whose words were not touched keep them exactly, also when their sentence or
    paragraph moved whole; one whose words were edited is found again only when its quote
    is unambiguous near its place, and otherwise is marked needs_review with its old quote
    kept. None is dropped, and none needing review is left on other words: it covers the
    words that replaced its own, or, when they went, none (start == end, with
    review_reason saying how they went). A revert comes through here too, and brings such a
    mention back onto its words when they come back.
    """
    mentions = list(article.mentions.all())
    if not mentions:
        return 0
    new_body = article.text
    spans = [anchoring.Span(m.start, m.end, m.exact, m.prefix, m.suffix) for m in mentions]
    changed = []
    for mention, mapped in zip(
        mentions, anchoring.map_spans(old_text, new_body, spans), strict=True
    ):
        before = (mention.start, mention.end, mention.status, mention.review_reason)
        mention.start, mention.end = mapped.start, mapped.end
        if mapped.status == anchoring.NEEDS_REVIEW:
            # The quote stays as it was: it says what the mention named, and finds its
            # words again if they come back. "" means nothing new: keep what was said.
            mention.review_reason = mapped.reason or mention.review_reason
            if mention.status != MentionStatus.REJECTED:
                mention.status = MentionStatus.NEEDS_REVIEW
        else:
            mention.review_reason = ""
            mention.fill_quote(new_body)
        if (mention.start, mention.end, mention.status, mention.review_reason) != before:
            changed.append(mention)
    Mention.objects.bulk_update(
        changed, ["start", "end", "exact", "prefix", "suffix", "status", "review_reason"]
    )
    return len(changed)
