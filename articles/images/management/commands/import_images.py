"""manage.py import_images FILE... [--credit TEXT] [--licence TEXT]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.images.library import build_image, files_undone_on_error, store_image
from articles.images.models import Image
from articles.images.validation import ImageRefused, megabytes


class Command(BaseCommand):
    help = (
        "Add pictures to the image library. Caption, credit and copyright are read from "
        "each file's IPTC, XMP or EXIF metadata; --credit and --licence set them for every "
        "file instead. A file already in the library (same content) is not added again. "
        "All or nothing: if any file is refused, none is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--credit", default="", help='e.g. "Jane Doe/Reuters"')
        parser.add_argument("--licence", default="", help='e.g. "© Reuters" or "CC BY 4.0"')

    def handle(self, *args, files, credit, licence, **options):
        # First every file is read and checked, so a bad one stores nothing at all.
        built, refusals = [], []
        for path in files:
            try:
                data = path.read_bytes()
                image = build_image(data, path.name)
            except OSError as error:
                refusals.append(f"{path}: cannot be read ({error.strerror or error}).")
                continue
            except ImageRefused as refusal:
                refusals.append(str(refusal).replace(path.name, str(path), 1))
                continue
            if credit:
                image.credit = credit
            if licence:
                image.licence = licence
            built.append((path, image, data))
        if refusals:
            for refusal in refusals:
                self.stderr.write(refusal)
            raise CommandError(f"Nothing imported: {len(refusals)} of {len(files)} files refused.")

        # The files of a run rolled back go too.
        with files_undone_on_error() as written, transaction.atomic():
            lines = [self.store(path, image, data, written) for path, image, data in built]
        for line in lines:
            self.stdout.write(line)
        stored = sum(1 for line in lines if line.startswith("Stored"))
        self.stdout.write(self.style.SUCCESS(f"Imported {stored} of {len(files)} files."))

    def store(self, path, image, data, written):
        """Store one checked picture (unless it is already in the library); say what was
        done."""
        existing = Image.objects.filter(content_hash=image.content_hash).first()
        if existing is not None:
            return f"{path}: already in the library as #{existing.pk} “{existing.title}”."
        store_image(image, data, new_files=written)
        return (
            f"Stored #{image.pk} “{image.title}” from {path} ({megabytes(image.file_size)}, "
            f"{image.width}x{image.height})."
        )
