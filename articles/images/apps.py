from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The image library: originals, their credits and rights, and renditions."""

    name = "articles.images"
    label = "images"
    verbose_name = "Images"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_delete

        from articles.images.library import delete_files_of_deleted_image
        from articles.images.models import Image

        pre_delete.connect(
            delete_files_of_deleted_image, sender=Image, dispatch_uid="images-delete-files"
        )
