from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.importing import ImportProblem, read_entities, save_entities


class Command(BaseCommand):
    help = (
        'Import people, organizations and places from a JSON list of {"name", "kind", '
        '"aliases", "description", "wikidata"}. Entities are matched by name and kind, so '
        "importing again updates them. A file with any bad item is refused whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A JSON file: a list of entities.")

    def handle(self, *args, file, **options):
        try:
            # Checking sees the same database that saving writes to.
            with transaction.atomic():
                records = read_entities(file)
                counts = save_entities(records)
        except ImportProblem as problem:
            raise CommandError(f"{file}: {problem}") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {len(records)} entities: {counts}."))
