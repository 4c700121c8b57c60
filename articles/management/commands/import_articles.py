from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from articles.importing import (
    ImportProblem,
    check_section_slug,
    clean_names,
    clean_tags,
    read_article,
    save_article,
)

# Fewer files than this import quickly enough to need no progress bar.
PROGRESS_BAR_ABOVE = 10


class Command(BaseCommand):
    help = (
        "Import articles from .txt wire stories (first line the headline) and .md files "
        "with YAML front matter. Articles are matched by slug, so importing a file again "
        "updates its article. Each file is imported whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument(
            "--section",
            metavar="SLUG",
            help="Section for files whose front matter names none; created if missing.",
        )
        parser.add_argument(
            "--author",
            metavar="NAME",
            action="append",
            default=[],
            help="Add a byline for this person (created if missing). Repeatable.",
        )
        parser.add_argument(
            "--tag", metavar="TAG", action="append", default=[], help="Add a tag. Repeatable."
        )
        parser.add_argument(
            "--title",
            metavar="TEXT",
            help="Headline for a file that has none (a .txt whose first line is a sentence).",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the articles now (an already published article keeps its time).",
        )

    def handle(self, *args, files, section, author, tag, title, publish, **options):
        try:
            if section is not None:
                check_section_slug(section)
            authors = clean_names(author, "--author")
            tags = clean_tags(tag)
        except ImportProblem as problem:
            raise CommandError(str(problem)) from None

        out, err = self.stdout._out, self.stderr._out
        failed = 0
        slugs: dict[str, Path] = {}
        bar = tqdm(
            files,
            desc="Importing",
            unit="file",
            file=err,
            disable=len(files) <= PROGRESS_BAR_ABOVE,
        )
        for path in bar:
            try:
                source = read_article(path, title=title)
                if source.slug in slugs:
                    raise ImportProblem(
                        f'has the same slug "{source.slug}" as {slugs[source.slug]} in this '
                        "run; give it its own title or slug and import it separately"
                    )
                imported = save_article(
                    source, section=section, authors=authors, tags=tags, publish=publish
                )
            except (ImportProblem, DatabaseError) as problem:
                failed += 1
                tqdm.write(self.style.ERROR(f"{path}: {problem} (nothing imported)"), file=err)
                continue
            slugs[source.slug] = path
            article = imported.article
            for note in imported.notes:
                tqdm.write(note, file=out)
            tqdm.write(
                f'{path}: {imported.outcome} "{article.headline}" '
                f"{article.get_absolute_url()} ({article.get_status_display().lower()})",
                file=out,
            )
        bar.close()
        if failed:
            plural = "s" if len(files) != 1 else ""
            raise CommandError(f"{failed} of {len(files)} file{plural} failed")
