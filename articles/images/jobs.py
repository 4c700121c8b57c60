"""Background jobs of the image library, through Django's tasks API (the django-tasks
backport; the database backend by default, so `make run` needs no other service).

A job that fails is retried, as a new job, up to MAX_ATTEMPTS times in all; each failed
attempt keeps its error and traceback in the task results (admin: "Tasks"), and the last
one's error is also written on the image, so a failure is never lost.
"""

from django.db import transaction

try:  # Django 6 has the tasks API itself; 5.2 has it through the backport
    from django.tasks import task
except ImportError:
    from django_tasks import task

MAX_ATTEMPTS = 3


@task()
def make_renditions(image_id: int, attempt: int = 1) -> int:
    """Make the renditions image `image_id` lacks; returns how many were made."""
    from articles.images.library import store_renditions
    from articles.images.models import Image

    image = Image.objects.filter(pk=image_id).first()
    if image is None:  # deleted since: nothing to do
        return 0
    try:
        return len(store_renditions(image))
    except Exception as error:
        if attempt < MAX_ATTEMPTS:
            make_renditions.enqueue(image_id, attempt + 1)
        else:
            Image.objects.filter(pk=image_id).update(
                rendition_error=f"After {attempt} attempts: {type(error).__name__}: {error}"
            )
        raise  # this attempt is recorded as failed, with its traceback


def schedule_renditions(image) -> None:
    """Enqueue the renditions job once the image is committed (so the job finds it, and
    no job is left for an upload that was rolled back)."""
    image_id = image.pk
    transaction.on_commit(lambda: make_renditions.enqueue(image_id))
