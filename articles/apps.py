from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from django.urls import register_converter

        # Registers articles and their bylines, tags and mentions with django-reversion.
        from articles import caching, revisions  # noqa: F401
        from articles.converters import TagSlugConverter

        caching.connect_signals()
        # Before any URLconf is read: the tag pages and feeds route by it.
        register_converter(TagSlugConverter, "tag_slug")
