from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.models import Article, Entity
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
            "--confirm", action="store_true", help="Confirm the new mentions straight away."
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
        made = "confirmed" if confirm else "suggested"
        by_entity = Counter()
        total = 0
        for item in progress:
            with transaction.atomic():
                mentions = suggest_mentions(item, confirm=confirm)
            if mentions:
                total += len(mentions)
                self.stdout.write(f"{item.slug}: {len(mentions)} {made}")
            for mention in mentions:
                by_entity[mention.entity_id] += 1
        names = dict(Entity.objects.filter(pk__in=by_entity).values_list("pk", "name"))
        for entity_id, count in by_entity.most_common():
            self.stdout.write(f"  {names[entity_id]}: {count}")
        self.stdout.write(f"{total} mentions {made}.")
