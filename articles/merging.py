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
