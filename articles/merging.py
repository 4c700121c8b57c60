"""Merging duplicate entities into one: the survivor takes over their mentions, bylines,
names and old URLs, and the duplicates are deleted, all in one transaction. Merging tags
into one: everything tagged with any of them is tagged with it instead, in one transaction.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from taggit.models import Tag, TaggedItem

from articles.models import Byline, Entity, EntityRedirect, Mention, tag_name_problem


class MergeError(ValueError):
    """The entities cannot be merged; nothing was changed."""


@dataclass
class MergeResult:
    survivor: Entity
    merged_names: list[str] = field(default_factory=list)
    mentions_moved: int = 0
    bylines_moved: int = 0
    bylines_dropped: int = 0
    aliases_added: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"Merged {', '.join(self.merged_names)} into {self.survivor.name}: "
            f"{self.mentions_moved} mention{'s' if self.mentions_moved != 1 else ''} and "
            f"{self.bylines_moved} byline{'s' if self.bylines_moved != 1 else ''} moved"
            + (
                f", {self.bylines_dropped} duplicate byline"
                f"{'s' if self.bylines_dropped != 1 else ''} dropped"
                if self.bylines_dropped
                else ""
            )
            + "."
        )


class MergeEntities:
    """Merge `duplicates` into `survivor`.

    The survivor keeps its name, slug, description and Wikidata id (taking a duplicate's id
    if it has none); the duplicates' names and aliases become its aliases; their mentions and
    bylines move to it (a byline on an article the survivor already signs is dropped); their
    slugs redirect to it. Entities of different kinds are never merged.
    """

    permission = "articles.delete_entity"

    def __init__(self, survivor, duplicates, user=None):
        self.survivor = survivor
        self.duplicates = [entity for entity in duplicates if entity.pk != survivor.pk]
        self.user = user

    def check(self):
        if self.user is not None and not self.user.has_perm(self.permission):
            raise PermissionDenied("Merging entities needs permission to delete entities.")
        if not self.duplicates:
            raise MergeError("Choose at least one other entity to merge into the survivor.")
        other_kinds = [entity for entity in self.duplicates if entity.kind != self.survivor.kind]
        if other_kinds:
            names = ", ".join(
                f"{entity.name} ({entity.get_kind_display().lower()})" for entity in other_kinds
            )
            raise MergeError(
                "Only entities of one kind can be merged: "
                f"{self.survivor.name} is a {self.survivor.get_kind_display().lower()}, "
                f"but {names} {'is' if len(other_kinds) == 1 else 'are'} not."
            )

    def execute(self) -> MergeResult:
        self.check()
        with transaction.atomic():
            # Work on fresh rows, whatever proxy (Person...) or stale copy we were given.
            survivor = Entity.objects.select_for_update().get(pk=self.survivor.pk)
            duplicate_pks = [entity.pk for entity in self.duplicates]
            duplicates = list(
                Entity.objects.select_for_update().filter(pk__in=duplicate_pks).order_by("pk")
            )
            if len(duplicates) != len(set(duplicate_pks)):
                raise MergeError("One of the entities to merge no longer exists.")
            result = MergeResult(survivor=survivor, merged_names=[d.name for d in duplicates])

            result.mentions_moved = Mention.objects.filter(entity__in=duplicates).update(
                entity=survivor
            )
            self._move_bylines(survivor, duplicates, result)
            self._take_names(survivor, duplicates, result)
            self._take_wikidata(survivor, duplicates)
            self._redirect(survivor, duplicates)

            survivor.save()
            for duplicate in duplicates:
                duplicate.delete()
        self.survivor.refresh_from_db()
        return result

    def _move_bylines(self, survivor, duplicates, result):
        signed = set(Byline.objects.filter(person=survivor).values_list("article_id", flat=True))
        bylines = Byline.objects.filter(person__in=duplicates).order_by("article_id", "position")
        for byline in bylines:
            if byline.article_id in signed:
                byline.delete()
                result.bylines_dropped += 1
            else:
                byline.person = survivor
                byline.save(update_fields=["person"])
                signed.add(byline.article_id)
                result.bylines_moved += 1

    def _take_names(self, survivor, duplicates, result):
        aliases = list(survivor.aliases)
        for duplicate in duplicates:
            for name in duplicate.surface_forms:
                if name and name != survivor.name and name not in aliases:
                    aliases.append(name)
                    result.aliases_added.append(name)
        survivor.aliases = aliases

    def _take_wikidata(self, survivor, duplicates):
        if survivor.wikidata:
            return
        for duplicate in duplicates:
            if duplicate.wikidata:
                # Cleared on the duplicate first: no two entities may share a Wikidata id.
                Entity.objects.filter(pk=duplicate.pk).update(wikidata="")
                survivor.wikidata, duplicate.wikidata = duplicate.wikidata, ""
                return

    def _redirect(self, survivor, duplicates):
        EntityRedirect.objects.filter(entity__in=duplicates).update(entity=survivor)
        for duplicate in duplicates:
            EntityRedirect.objects.update_or_create(
                kind=duplicate.kind, old_slug=duplicate.slug, defaults={"entity": survivor}
            )
        # The survivor's own URL must not redirect anywhere.
        EntityRedirect.objects.filter(kind=survivor.kind, old_slug=survivor.slug).delete()


def merge_entities(survivor, duplicates, user=None) -> MergeResult:
    """Merge `duplicates` into `survivor` in one transaction; see MergeEntities."""
    return MergeEntities(survivor, duplicates, user=user).execute()


def default_survivor(entities, mention_counts: dict[int, int]):
    """The entity the others should merge into unless someone chooses otherwise: the one
    with the most mentions (`mention_counts` by entity id), the oldest (lowest id) of those
    with as many. A duplicate is usually the newer entity, made for a few mentions."""
    return max(entities, key=lambda entity: (mention_counts.get(entity.pk, 0), -entity.pk))


def _counted(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _told(entity) -> str:
    """The entity's name with what tells it from the others: its description, shortened,
    or its kind."""
    from articles.namesakes import shortened

    if entity.description.strip():
        return f"{entity.name} ({shortened(entity.description, 60)})"
    return f"{entity.name} ({entity.get_kind_display().lower()})"


def describe_merge(survivor, entities, counts: dict[int, tuple[int, int]]) -> str:
    """In words, what merging `entities` into `survivor` does, as MergeEntities does it:
    which one stays and what it keeps, and for each other one what moves to it, which names
    become its aliases, and that the other is deleted. `counts` gives each entity's
    (mentions, bylines) by id.

    "It" is always the survivor; the others are named each time, with their descriptions,
    since they may share its name.
    """
    duplicates = sorted((e for e in entities if e.pk != survivor.pk), key=lambda e: e.pk)
    mentions, bylines = counts.get(survivor.pk, (0, 0))
    kept = [_counted(mentions, "mention")] + ([_counted(bylines, "byline")] if bylines else [])
    said = f"{_told(survivor)}, with {' and '.join(kept)}, stays"
    # As _take_wikidata does: a survivor without a Wikidata id takes the first duplicate's.
    giver = None if survivor.wikidata else next((d for d in duplicates if d.wikidata), None)
    if survivor.wikidata:
        said += f" and keeps its name, description and Wikidata id {survivor.wikidata}."
    elif giver:
        said += (
            f" and keeps its name and description; it has no Wikidata id and takes "
            f"{giver.wikidata} from {giver.name}."
        )
    else:
        said += " and keeps its name and description."
    sentences = [said]
    aliases = [*survivor.aliases]
    for duplicate in duplicates:
        mentions, bylines = counts.get(duplicate.pk, (0, 0))
        moving = [(n, word) for n, word in ((mentions, "mention"), (bylines, "byline")) if n]
        moved = " and ".join(_counted(n, word) for n, word in moving)
        verb = "moves" if len(moving) == 1 and moving[0][0] == 1 else "move"
        clauses = [
            f"{_told(duplicate)}’s {moved} {verb} to it"
            if moving
            else f"{_told(duplicate)} has no mentions or bylines to move"
        ]
        # As _take_names does: each of its names not already the survivor's becomes an alias.
        names = []
        for name in duplicate.surface_forms:
            if name and name != survivor.name and name not in aliases:
                aliases.append(name)
                names.append(name)
        if names:
            listed = ", ".join(f"“{name}”" for name in names)
            clauses.append(
                f"{listed} becomes one of its aliases"
                if len(names) == 1
                else f"{listed} become its aliases"
            )
        clauses.append(f"{duplicate.name}’s page redirects to its page")
        said = ", ".join(clauses) + f", and {duplicate.name} is deleted."
        if bylines:
            said += f" Where both sign an article, {duplicate.name}’s byline is dropped."
        sentences.append(said)
    return " ".join(sentences)


# --- Tags -----------------------------------------------------------------------------------

# Merging retags articles, published ones too: for those who may change tags (Editors).
TAG_MERGE_PERMISSION = "taggit.change_tag"


@dataclass
class TagMergeResult:
    tag: Tag
    merged_names: list[str] = field(default_factory=list)
    retagged: int = 0  # how many things (articles) were retagged

    def __str__(self):
        return (
            f"Merged {', '.join(self.merged_names)} into {self.tag.name}: "
            f"{self.retagged} article{'s' if self.retagged != 1 else ''} retagged."
        )


def merge_tags(tag_ids, name: str, user=None) -> TagMergeResult:
    """Tag everything tagged with any of the tags `tag_ids` with the tag called `name`
    instead (made if there is none), in one transaction.

    The tag merged into keeps its own items, even when it is one of `tag_ids`; the others
    are left with nothing tagged, as django-taggit's merge leaves them. Raises
    PermissionDenied if `user` may not merge tags, and MergeError, with nothing written,
    for a bad name or a selection that is empty or names a tag that no longer exists.
    """
    if user is not None and not user.has_perm(TAG_MERGE_PERMISSION):
        raise PermissionDenied("Merging tags needs permission to change tags.")
    name = name.strip()
    if not name:
        raise MergeError("Give the name of the tag to merge into.")
    max_length = Tag._meta.get_field("name").max_length
    if len(name) > max_length:
        raise MergeError(f"A tag's name has at most {max_length} characters.")
    if problem := tag_name_problem(name):
        raise MergeError(problem)
    try:
        pks = {int(pk) for pk in tag_ids}
    except (TypeError, ValueError):
        raise MergeError("Select the tags to merge in the list of tags first.") from None
    if not pks:
        raise MergeError("Select the tags to merge in the list of tags first.")
    with transaction.atomic():
        tags = list(Tag.objects.select_for_update().filter(pk__in=pks).order_by("name", "pk"))
        if len(tags) != len(pks):
            raise MergeError("One of the selected tags no longer exists: select them again.")
        # Tags are case-insensitive where the article form treats them so.
        same_name = (
            "name__iexact" if getattr(settings, "TAGGIT_CASE_INSENSITIVE", False) else "name"
        )
        target = Tag.objects.filter(**{same_name: name}).order_by("pk").first()
        if target is None:
            target = Tag.objects.create(name=name)
        result = TagMergeResult(tag=target, merged_names=[tag.name for tag in tags])
        items = TaggedItem.objects.filter(tag__in=tags).exclude(tag=target).order_by("pk")
        retagged = set()
        for item in items:
            # One by one, so that each change is signalled (caches drop the pages).
            if TaggedItem.objects.filter(
                tag=target, content_type_id=item.content_type_id, object_id=item.object_id
            ).exists():
                item.delete()
            else:
                item.tag = target
                item.save(update_fields=["tag"])
            retagged.add((item.content_type_id, item.object_id))
        result.retagged = len(retagged)
    return result
