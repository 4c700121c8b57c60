from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Newsroom"

    def ready(self):
        from django.db.models.signals import pre_save
        from django.urls import register_converter
        from taggit.models import Tag

        # Registers articles and their bylines, tags and mentions with django-reversion.
        from articles import caching, revisions  # noqa: F401
        from articles.converters import TagSlugConverter
        from articles.models import refuse_unusable_tag

        caching.connect_signals()
        # taggit's model, so its rules go in a signal: it is saved from taggit's own code.
        pre_save.connect(refuse_unusable_tag, sender=Tag, dispatch_uid="refuse-unusable-tag")
        # Before any URLconf is read: the tag pages and feeds route by it.
        register_converter(TagSlugConverter, "tag_slug")
