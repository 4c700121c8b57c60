from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        # Registers articles and their bylines, tags and mentions with django-reversion.
        from articles import caching, revisions  # noqa: F401

        caching.connect_signals()
