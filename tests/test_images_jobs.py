"""The job system (Django's tasks API, database backend): uploading or moving the focal
point enqueues the renditions job; run_pending_jobs runs every waiting job and exits; a
failed job is retried, and every failure is kept and shown, never lost."""

import io

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from articles.images import jobs, library
from articles.images.library import build_image, store_image
from articles.images.models import Image
from tests import image_files
from tests.factories import UserFactory

# Real commits: jobs are enqueued on commit, and the worker runs outside any test
# transaction, as in production.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("media_root"),
]


def upload(size=(700, 400), name="train.jpg"):
    # A red square off-centre, so crops around different focal points differ.
    data = image_files.with_square(size, at=(0.8, 0.3), format="JPEG")
    return store_image(build_image(data, name), data)


def run_pending_jobs():
    out = io.StringIO()
    call_command("run_pending_jobs", stdout=out)
    return out.getvalue()


def statuses():
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


def test_an_upload_enqueues_its_renditions_and_run_pending_jobs_makes_them():
    image = upload()
    assert statuses() == ["READY"]
    assert image.renditions.count() == 0

    said = run_pending_jobs()

    assert "Ran 1 jobs: 1 succeeded, 0 failed." in said
    assert statuses() == ["SUCCESSFUL"]
    specs = set(image.renditions.values_list("spec", flat=True))
    assert specs == {"w320", "w640", "16x9-w1200", "4x3-w1200", "1x1-w800", "social"}
    for rendition in image.renditions.all():
        assert rendition.file.name.startswith("images/renditions/")
        assert rendition.file.storage.exists(rendition.file.name)


def test_run_pending_jobs_with_nothing_to_do_exits_at_once():
    assert "Ran 0 jobs" in run_pending_jobs()


def test_moving_the_focal_point_remakes_only_the_crops():
    image = upload()
    run_pending_jobs()
    widths_before = set(image.renditions.filter(focal_key="").values_list("pk", flat=True))
    crops_before = set(image.renditions.exclude(focal_key="").values_list("file", flat=True))

    image.focal_x, image.focal_y = 0.1, 0.2
    image.save()
    image.title = "Renamed"  # a change that is not the focal point enqueues nothing
    image.save()
    assert statuses() == ["READY", "SUCCESSFUL"]
    run_pending_jobs()

    assert set(image.renditions.filter(focal_key="").values_list("pk", flat=True)) == widths_before
    crops = image.renditions.exclude(focal_key="")
    assert set(crops.values_list("focal_key", flat=True)) == {"0.10,0.20"}
    assert set(crops.values_list("file", flat=True)) != crops_before


def test_a_failing_job_is_retried_and_succeeds(monkeypatch):
    real = library.store_renditions
    failures = []

    def flaky(image):
        if len(failures) < 2:
            failures.append(1)
            raise ConnectionError("the bucket did not answer")
        return real(image)

    monkeypatch.setattr(library, "store_renditions", flaky)
    image = upload()

    said = run_pending_jobs()

    assert "Ran 3 jobs: 1 succeeded, 2 failed." in said
    assert statuses() == ["FAILED", "FAILED", "SUCCESSFUL"]
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert all("the bucket did not answer" in result.traceback for result in failed)
    image.refresh_from_db()
    assert image.rendition_error == ""
    assert image.renditions.exists()


def test_a_job_that_keeps_failing_gives_up_after_its_attempts_and_is_reported(monkeypatch, client):
    def broken(image):
        raise ValueError("no space left on the bucket")

    monkeypatch.setattr(library, "store_renditions", broken)
    image = upload()

    said = run_pending_jobs()

    assert f"Ran {jobs.MAX_ATTEMPTS} jobs: 0 succeeded, {jobs.MAX_ATTEMPTS} failed." in said
    assert statuses() == ["FAILED"] * jobs.MAX_ATTEMPTS
    image.refresh_from_db()
    assert image.rendition_error == (
        f"After {jobs.MAX_ATTEMPTS} attempts: ValueError: no space left on the bucket"
    )
    # Shown in the admin: on the image, and each attempt's traceback under Tasks.
    client.force_login(UserFactory(username="chief", is_superuser=True))
    page = client.get(f"/admin/images/image/{image.pk}/change/")
    assert "no space left on the bucket" in page.content.decode()
    result = DBTaskResult.objects.first()
    page = client.get(f"/admin/django_tasks_database/dbtaskresult/{result.pk}/change/")
    assert "no space left on the bucket" in page.content.decode()


def test_saving_an_image_whose_job_gave_up_runs_it_again(monkeypatch):
    monkeypatch.setattr(library, "store_renditions", lambda image: 1 / 0)
    image = upload()
    run_pending_jobs()
    monkeypatch.undo()
    image.refresh_from_db()
    assert "ZeroDivisionError" in image.rendition_error

    image.save()
    run_pending_jobs()

    image.refresh_from_db()
    assert image.rendition_error == ""
    assert image.renditions.exists()


def test_a_job_for_an_image_deleted_meanwhile_does_nothing():
    image = upload()
    Image.objects.filter(pk=image.pk).delete()

    assert "1 succeeded" in run_pending_jobs()


def test_an_upload_rolled_back_leaves_no_job():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        upload()
        raise RuntimeError("the form failed after the upload")

    assert statuses() == []
