from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.models import Article, Entity, MentionStatus
from articles.suggestions import suggest_mentions


class Command(BaseCommand):
    help = (
        "Suggest a mention wherever an entity's name or alias appears in an article and no "
        "mention (or rejected suggestion) is there yet. --confirm confirms them instead."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--article", metavar="SLUG", help="One article, by its slug.")
        which.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument(
            "--confirm",
            action="store_true",
            help=(
                "Confirm the new mentions straight away, but for those that need a look "
                "(words several entities share, a given name, a month's name, an entity "
                "with a namesake): those are suggested, for the review queue."
            ),
        )

    def handle(self, *args, article, all, confirm, **options):
        if article:
            articles = Article.objects.filter(slug=article)
            if not articles.exists():
                raise CommandError(f'No article has the slug "{article}".')
        else:
            articles = Article.objects.order_by("pk")
        articles = articles.only("pk", "slug", "text")
        progress = tqdm(
            articles.iterator(), total=articles.count(), disable=not all, file=self.stderr
        )
        by_entity = Counter()
        made = Counter()  # by status: confirmed, or suggested
        for item in progress:
            with transaction.atomic():
                mentions = suggest_mentions(item, confirm=confirm)
            counts = Counter(mention.status for mention in mentions)
            made.update(counts)
            if mentions:
                said = ", ".join(
                    f"{counts[status]} {status.label.lower()}"
                    for status in (MentionStatus.CONFIRMED, MentionStatus.SUGGESTED)
                    if counts[status]
                )
                self.stdout.write(f"{item.slug}: {said}")
            for mention in mentions:
                by_entity[mention.entity_id] += 1
        names = dict(Entity.objects.filter(pk__in=by_entity).values_list("pk", "name"))
        for entity_id, count in by_entity.most_common():
            self.stdout.write(f"  {names[entity_id]}: {count}")
        if confirm:
            self.stdout.write(f"{made[MentionStatus.CONFIRMED]} mentions confirmed.")
            if made[MentionStatus.SUGGESTED]:
                self.stdout.write(
                    f"{made[MentionStatus.SUGGESTED]} suggested instead: they need a look "
                    "before they are accepted (the review queue lists them)."
                )
        else:
            self.stdout.write(f"{made[MentionStatus.SUGGESTED]} mentions suggested.")
