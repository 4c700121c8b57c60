"""The S3 path, against a real S3-compatible server: .ci/run starts moto's server, makes a
bucket and runs this module with NEWSROOM_S3_BUCKET and NEWSROOM_S3_ENDPOINT_URL set
(see README, "Pictures"). Without them it is skipped, saying so."""

import io
import os
import random

import pytest
from django.core.files.storage import storages
from django.core.management import call_command

from articles.images.library import build_image, store_image
from articles.images.models import Image
from tests import image_files

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("NEWSROOM_S3_BUCKET"),
        reason="NEWSROOM_S3_BUCKET is not set: the S3 storage test needs an S3-compatible "
        "server (.ci/run starts one)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def bucket():
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("NEWSROOM_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("NEWSROOM_S3_REGION") or None,
    )


def test_upload_renditions_and_urls_go_through_the_bucket():
    from storages.backends.s3 import S3Storage

    assert isinstance(storages["default"], S3Storage)
    # A colour of this run's own, so that the content (and so the names) are new.
    color = tuple(random.randrange(256) for _ in range(3))
    data = image_files.jpeg((900, 500), color)

    image = store_image(build_image(data, "s3-train.jpg"), data)
    call_command("run_pending_jobs", stdout=io.StringIO())

    name = os.environ["NEWSROOM_S3_BUCKET"]
    s3 = bucket()
    original = s3.get_object(Bucket=name, Key=image.file.name)
    assert original["Body"].read() == data
    assert original["CacheControl"] == "public, max-age=31536000, immutable"
    image = Image.objects.prefetch_related("renditions").get(pk=image.pk)
    assert image.renditions.count() > 0
    for rendition in image.renditions.all():
        head = s3.head_object(Bucket=name, Key=rendition.file.name)
        assert head["CacheControl"] == "public, max-age=31536000, immutable"
        assert head["ContentLength"] == rendition.file.size
    url = image.url_for("w640", "webp")
    assert "images/renditions/" in url and url.endswith(".webp")
    assert url.startswith(("http://", "https://"))
    assert "Signature" not in url and "X-Amz" not in url  # plain, cacheable URLs


def test_the_content_security_policy_lets_the_buckets_pictures_in(settings):
    if not os.environ.get("NEWSROOM_S3_ENDPOINT_URL"):
        pytest.skip("on AWS itself the policy names *.amazonaws.com")
    assert (
        os.environ["NEWSROOM_S3_ENDPOINT_URL"]
        in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    )
