"""Namesakes: entities that share a name, which an annotator can only tell apart by their
descriptions (a politician and a marine biologist both called Maria Santos).

The rule: two entities are namesakes when, folded (case, spacing, curly apostrophes,
dashes and accents), the name of one is the name or one of the aliases of the other, or
they share an alias of two words or more; whatever their kinds. A name is taken with and
without its qualifier, as the suggester reads one (articles.anchoring.profiles): in brackets
at its end, or after its first comma. So "Maria Santos" is the namesake of "maria santos", of "Maria
Santos (marine biologist)", of "Maria Santos Silva" with the alias "Maria Santos", and of a
place called "Maria Santos"; "Paris, Texas" is the namesake of "Paris"; "Maria Santos
Silva" and "Maria Santos Ferreira" are namesakes when both have the alias "Maria Santos".
Two people who only share a one-word short form ("Santos", "Kim") are not: surnames are
shared all the time, and the suggester ties each one to the full name before it, whose
entity is marked if it has a namesake.

A suggestion of an entity with a namesake is marked wherever an annotator decides (the
annotation screen, the review queue) and never accepted in bulk.

The index of namesakes is built from every entity's name and aliases, like the gazetteer,
and rebuilt only after entities change (the gazetteer's stamp says when): finding the
namesakes of a page of mentions, or of thousands, reads no row until some have namesakes,
and then one query.
"""

import re
import unicodedata
import uuid

from django.core.cache import cache

from articles.anchoring.folding import typographic
from articles.models import Entity
from articles.suggestions import GAZETTEER_STAMP_KEY

_built: dict = {"stamp": None, "index": None}


def fold(name: str) -> str:
    """`name` as namesakes are compared: as the suggester reads names (apostrophes,
    dashes and accents written one way: ``typographic``), case-folded, spaces collapsed."""
    folded = typographic(unicodedata.normalize("NFKC", name)).casefold()
    return " ".join(folded.split())


# A qualifier in brackets at the end of a name: "Georgia (US state)".
_BRACKETED = re.compile(r"\s*\([^()]*\)$")


def _names(name: str) -> set[str]:
    """The folded name, and the same without its qualifier ("Maria Santos" for "Maria
    Santos (marine biologist)", "Paris" for "Paris, Texas") when that leaves a name."""
    folded = fold(name)
    bare = _BRACKETED.sub("", folded).split(",", 1)[0].strip()
    return {folded, bare} if bare else {folded}


def _build() -> dict[int, frozenset[int]]:
    names: dict[str, set[int]] = {}
    long_aliases: dict[str, set[int]] = {}
    forms: dict[int, set[str]] = {}
    for pk, name, aliases in Entity.objects.values_list("pk", "name", "aliases"):
        own = _names(name)
        for form in own:
            names.setdefault(form, set()).add(pk)
        folded_aliases = {fold(alias) for alias in aliases if isinstance(alias, str)}
        forms[pk] = own | folded_aliases
        for alias in folded_aliases:
            if " " in alias:
                long_aliases.setdefault(alias, set()).add(pk)
    found: dict[int, set[int]] = {}

    def pair(one: int, other: int) -> None:
        if one != other:
            found.setdefault(one, set()).add(other)
            found.setdefault(other, set()).add(one)

    for pk, own_forms in forms.items():
        for form in own_forms:
            for other in names.get(form, ()):
                pair(pk, other)  # The name of `other` is a name or alias of `pk`.
    for owners in long_aliases.values():
        for one in owners:
            for other in owners:
                pair(one, other)
    return {pk: frozenset(others) for pk, others in found.items()}


def namesake_ids(entity_ids) -> dict[int, frozenset[int]]:
    """The ids of the namesakes of each of `entity_ids` that has any, by entity id.

    Reads the database only when entities have changed since the index was last built.
    """
    stamp = cache.get_or_set(GAZETTEER_STAMP_KEY, lambda: uuid.uuid4().hex, timeout=None)
    if _built["stamp"] != stamp or _built["index"] is None:
        _built.update(stamp=stamp, index=_build())
    index = _built["index"]
    return {pk: index[pk] for pk in entity_ids if pk in index}


def namesakes_of(entity_ids) -> dict[int, list[Entity]]:
    """The namesakes of each of `entity_ids` that has any, by entity id, ordered by name:
    entities with their name, kind, description and Wikidata id. One query when any of
    them has a namesake, none otherwise."""
    ids = namesake_ids(entity_ids)
    if not ids:
        return {}
    wanted = set().union(*ids.values())
    rows = Entity.objects.filter(pk__in=wanted).only(
        "pk", "name", "slug", "kind", "description", "wikidata"
    )
    found = {entity.pk: entity for entity in rows}
    result = {}
    for pk, others in ids.items():
        # An entity deleted in another process may linger in this one's index for a moment.
        live = [found[other] for other in others if other in found]
        if live:
            result[pk] = sorted(live, key=lambda entity: (entity.name, entity.pk))
    return result


def shortened(text: str, limit: int = 120) -> str:
    """`text` on one line, cut at a word before `limit` characters with an ellipsis when
    longer: a description short enough to show beside a name in a list."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # At a word boundary, unless that would leave little more than half of it.
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def said(entity: Entity, limit: int = 60) -> str:
    """The entity's name with its description, shortened, to tell it from a namesake:
    "Maria Santos (Portuguese marine biologist at the University of…)"."""
    if entity.description.strip():
        return f"{entity.name} ({shortened(entity.description, limit)})"
    return f"{entity.name} ({entity.get_kind_display().lower()})"
