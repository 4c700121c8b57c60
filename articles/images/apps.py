from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The image library: originals, their credits and rights, and renditions."""

    name = "articles.images"
    label = "images"
    verbose_name = "Images"
    default_auto_field = "django.db.models.BigAutoField"
