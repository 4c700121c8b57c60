"""manage.py clean_image_files [--dry-run] [--grace-days N]"""

import itertools
from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.images.library import named_files, stored_files
from articles.images.validation import megabytes

# A week. Files no row names are mostly crops made for an earlier focal point, kept on
# purpose: pages cached before the change (our cache, a CDN, browsers), feed readers that
# keep items for days and social networks' link previews still name them. The grace also
# covers a file written a moment before its row is committed (an upload, a rendition job).
GRACE_DAYS = 7
# Names are looked up this many at a time, just before those files are deleted.
BATCH = 500


class Command(BaseCommand):
    help = (
        "Delete the files under images/ in storage that no picture or rendition names and "
        f"that are older than the grace period ({GRACE_DAYS} days unless --grace-days says "
        "otherwise): crops made for an earlier focal point, files of pictures whose delete "
        "could not remove them. --dry-run lists them and deletes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List the files, delete nothing."
        )
        parser.add_argument("--grace-days", type=int, default=GRACE_DAYS, metavar="N")

    def handle(self, *args, dry_run, grace_days, **options):
        if grace_days < 1:
            raise CommandError(
                "--grace-days must be 1 or more: an upload writes its file a moment before "
                "its picture is saved, and cached pages name old crops for a while."
            )
        before = timezone.now() - timedelta(days=grace_days)
        files = stored_files()
        count = size = young = 0
        while batch := list(itertools.islice(files, BATCH)):
            for name in sorted(set(batch) - named_files(batch)):
                if default_storage.get_modified_time(name) > before:
                    young += 1
                    continue
                bytes_ = default_storage.size(name)
                if not dry_run:
                    default_storage.delete(name)
                count += 1
                size += bytes_
                verb = "Would delete" if dry_run else "Deleted"
                self.stdout.write(f"{verb} {name} ({megabytes(bytes_)}).")
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {count} files no picture names ({megabytes(size)}); kept {young} "
                f"younger than {grace_days} days."
            )
        )
