import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles import demo
from articles.importing import (
    Counts,
    ImportProblem,
    read_article,
    read_entities,
    save_article,
    save_entities,
)
from articles.models import Article, Correction, Section
from articles.suggestions import suggest_mentions

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "Load the demo articles, people, organizations and places (invented stories), and "
        'create the admin user "admin" if there is none. Running it again changes nothing.'
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
            with transaction.atomic():
                summary = self.load_content()
                summary.append(self.ensure_admin(password))
        except ImportProblem as problem:
            raise CommandError(f"The demo content is broken: {problem}") from None
        for line in summary:
            self.stdout.write(line)

    def load_content(self) -> list[str]:
        """Load everything; the summary lines are printed once it is all saved."""
        records = read_entities(demo.ENTITIES_FILE)
        entity_counts = save_entities(records)

        article_counts = Counts()
        mentions = corrections = 0
        slugs = []
        for path in sorted(demo.ARTICLES_DIR.glob("*.md")):
            try:
                source = read_article(path)
                self.keep_scheduled(source)
                imported = save_article(source)
            except ImportProblem as problem:
                raise ImportProblem(f"{path.name}: {problem}") from None
            article = imported.article
            slugs.append(article.slug)
            article_counts.add(imported.outcome)
            mentions += len(suggest_mentions(article, confirm=True))
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
            f"Mentions: {mentions} confirmed mentions created.",
            f"Corrections: {corrections} created.",
        ]

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
