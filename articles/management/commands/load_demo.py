import html
import re
import secrets
from collections import Counter

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import body as article_body
from articles import demo
from articles.demo.pictures import CREDIT, LICENCE, PICTURES, SOURCE
from articles.images.library import files_undone_on_error
from articles.images.models import Image
from articles.importing import (
    Counts,
    ImportProblem,
    LeadImageSource,
    lead_image_source,
    library_image,
    read_article,
    read_entities,
    save_article,
    save_entities,
)
from articles.models import Article, Correction, Entity, MentionStatus, Section
from articles.suggestions import suggest_mentions

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Load the demo articles, people, organizations and places (invented stories) with "
        "their pictures (drawn as it runs; their renditions are queued as jobs: "
        "run_pending_jobs makes them), and create the "
        'admin user "admin" if there is none. Running it again changes nothing.'
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help=(
                "Password for the admin user. Without it a new admin gets a random one "
                "(printed) and an existing admin keeps theirs."
            ),
        )

    def handle(self, *args, password, **options):
        try:
            with files_undone_on_error() as new_files, transaction.atomic():
                pictures, summary = self.load_pictures(new_files)
                summary += self.load_content(pictures)
                summary.append(self.ensure_admin(password))
        except ImportProblem as problem:
            raise CommandError(f"The demo content is broken: {problem}") from None
        # The renditions are left to the jobs their pictures queued, as for any upload:
        # `make run` runs them before it serves, and pages show the originals until then.
        for line in summary:
            self.stdout.write(line)

    def load_pictures(self, new_files) -> tuple[dict[str, LeadImageSource], list[str]]:
        """Draw the demo's pictures and put them in the library (each once: a picture
        already there, by its content, is used again). Returns them by key, stored."""
        pictures = {}
        for key, drawing in PICTURES.items():
            picture = lead_image_source(
                f"{key}.jpg", drawing.jpeg(), alt=drawing.alt, credit=CREDIT
            )
            picture.image.title, picture.image.caption = drawing.title, drawing.caption
            picture.image.licence, picture.image.source = LICENCE, SOURCE
            pictures[key] = picture
        before = Image.objects.count()
        for picture in pictures.values():
            library_image(picture, new_files=new_files)
        stored = Image.objects.count() - before
        return pictures, [
            f"Pictures: {stored} stored, {len(pictures) - stored} already in the library."
        ]

    def load_content(self, pictures: dict[str, LeadImageSource]) -> list[str]:
        """Load everything; the summary lines are printed once it is all saved."""
        records = read_entities(demo.ENTITIES_FILE)
        entity_counts = save_entities(records)
        self.picture_entities(pictures)

        article_counts = Counts()
        mentions = Counter()  # by status: confirmed, or suggested where a look is needed
        corrections = 0
        slugs = []
        for path in sorted(demo.ARTICLES_DIR.glob("*.md")):
            try:
                source = read_article(path)
                self.keep_scheduled(source)
                source.lead_image = pictures.get(demo.LEAD_IMAGES.get(source.slug))
                if source.slug in demo.FIGURES:
                    key, after, caption = demo.FIGURES[source.slug]
                    source.body = with_figure(source.body, pictures[key].image, caption, after)
                imported = save_article(source)
            except ImportProblem as problem:
                raise ImportProblem(f"{path.name}: {problem}") from None
            article = imported.article
            slugs.append(article.slug)
            article_counts.add(imported.outcome)
            for mention in suggest_mentions(article, confirm=True):
                mentions[mention.status] += 1
            if article.slug in demo.CORRECTIONS:
                _, created = Correction.objects.get_or_create(
                    article=article, text=demo.CORRECTIONS[article.slug]
                )
                corrections += created

        articles = Article.objects.filter(slug__in=slugs)
        now = timezone.now()
        return [
            f"Entities: {entity_counts}.",
            f"Articles: {article_counts} ({articles.published(now).count()} published, "
            f"{articles.scheduled(now).count()} scheduled, "
            f"{articles.exclude(status='published').count()} not published) in "
            f"{Section.objects.filter(articles__in=articles).distinct().count()} sections.",
            f"Mentions: {mentions[MentionStatus.CONFIRMED]} confirmed mentions created"
            + (
                f", {mentions[MentionStatus.SUGGESTED]} suggested for a look."
                if mentions[MentionStatus.SUGGESTED]
                else "."
            ),
            f"Corrections: {corrections} created.",
        ]

    def picture_entities(self, pictures: dict[str, LeadImageSource]) -> None:
        """Give the demo's entities their pictures, unless an editor has given one."""
        for (kind, name), key in demo.ENTITY_PICTURES.items():
            entity = Entity.objects.get(kind=kind, name=name)
            if entity.picture_id is None:
                entity.picture = pictures[key].image
                entity.save(update_fields=["picture"])

    def keep_scheduled(self, source):
        """Keep the demo's scheduled articles in the future, however long ago it was loaded."""
        delay = demo.SCHEDULED.get(source.slug)
        if delay is None:
            return
        existing = Article.objects.filter(slug=source.slug).first()
        if existing is not None and existing.is_scheduled:
            source.publish_at = existing.publish_at
        else:
            source.publish_at = timezone.now() + delay

    def ensure_admin(self, password) -> str:
        """Create the admin user if missing; the line that tells the user how to log in."""
        User = get_user_model()
        login_url = reverse("admin:index")
        user = User.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            password = password or secrets.token_urlsafe(9)
            User.objects.create_superuser(ADMIN_USERNAME, password=password)
            return self.style.SUCCESS(
                f"Admin login: username {ADMIN_USERNAME}, password {password} (at {login_url})"
            )
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            return self.style.SUCCESS(
                f"Admin login: username {ADMIN_USERNAME}, password {password} "
                f"(at {login_url}; password changed)"
            )
        return (
            f'User "{ADMIN_USERNAME}" already exists; its password is unchanged '
            "(give --password to set one)."
        )


def with_figure(body: str, image: Image, caption: str, after: int) -> str:
    """`body` with a figure of `image` after its paragraph number `after` (from 1),
    sanitised as every body is stored."""
    figure = (
        f'<figure data-image="{image.pk}"><figcaption>{html.escape(caption)}</figcaption></figure>'
    )
    cut = [found.end() for found in re.finditer("</p>", body)][after - 1]
    return article_body.sanitise(body[:cut] + figure + body[cut:])
