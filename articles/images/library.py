"""Adding pictures to the library and storing their renditions, through Django's storage
API (a local folder, or S3-compatible object storage in production).

The admin's upload form and import_images both come through `build_image` (check the
file, read its credits) and `store_image` (write the file, then the row). Files go when no
row names them any more: a deleted picture's at once (after the commit), the rest after a
grace period (manage.py clean_image_files).
"""

import hashlib
import io
from contextlib import contextmanager
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image as PILImage

from articles.images import renditions
from articles.images.metadata import read_credits
from articles.images.models import Image, Rendition
from articles.images.public import pages_showing_changed
from articles.images.validation import check_image


def max_bytes() -> int:
    return settings.NEWSROOM_IMAGE_MAX_BYTES


def title_from(name: str) -> str:
    """A first title from a file name: "kim_in-beijing.jpg" -> "kim in beijing"."""
    stem = PurePath(name).stem
    return " ".join(stem.replace("_", " ").replace("-", " ").split())[:200] or "Untitled"


def build_image(data: bytes, name: str) -> Image:
    """An unsaved Image for the file in `data`, its caption, credit and copyright
    prefilled from the file's metadata. Raises ImageRefused (naming `name`) for a file we
    do not take."""
    checked = check_image(data, name, max_bytes())
    with PILImage.open(io.BytesIO(data)) as picture:
        credits = read_credits(picture)
    return Image(
        title=title_from(name),
        caption=credits["caption"],
        credit=credits["credit"][:200],
        licence=credits["copyright"][:200],
        width=checked.width,
        height=checked.height,
        file_size=len(data),
        content_hash=hashlib.sha256(data).hexdigest(),
        # The stored name comes from the hash (models.original_path); this keeps the type.
        file=f"upload.{checked.extension}",
    )


def duplicate_of(image: Image) -> Image | None:
    """The picture already in the library with the same content, if any."""
    return Image.objects.filter(content_hash=image.content_hash).exclude(pk=image.pk).first()


def store_image(image: Image, data: bytes, uploaded_by=None, new_files=None) -> Image:
    """Write the original (once per content: the name is its hash) and save the row; the
    renditions job is enqueued when the transaction commits (Image.save).

    A caller whose own transaction may still fail passes the list of
    files_undone_on_error() as `new_files`: the name of a file this call wrote is added to
    it, to be deleted if that transaction is rolled back."""
    name = image.file.field.generate_filename(image, image.file.name)
    written = False
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
        written = True
    image.file.name = name
    image.uploaded_by = uploaded_by
    try:
        with transaction.atomic():
            image.save()
    except Exception:
        if written:  # nothing stored for a picture whose row could not be saved
            default_storage.delete(name)
        raise
    if written and new_files is not None:
        new_files.append(name)
    return image


@contextmanager
def files_undone_on_error():
    """A list to pass to store_image(new_files=...) inside this block: if the block fails
    (its transaction rolled back), the files written in it are deleted, as storage has no
    transactions of its own. Open it outside the transaction, so a failed commit counts."""
    new_files = []
    try:
        yield new_files
    except BaseException:
        for name in new_files:
            default_storage.delete(name)
        raise


def store_renditions(image: Image) -> list[Rendition]:
    """Make and store the renditions `image` lacks for its current focal point, then drop
    the crops made for an earlier one. Returns those made."""
    key = image.focal_key
    have = {(r.spec, r.format, r.focal_key) for r in image.renditions.all()}
    wanted = [
        spec
        for spec in renditions.specs_for(image.width)
        if any(
            (spec.name, format_, key if spec.crops else "") not in have
            for format_ in renditions.FORMATS
        )
    ]
    made_now = []
    if wanted:
        with image.file.open("rb") as original:
            data = original.read()
        for made in renditions.make_renditions(data, image.focal_x, image.focal_y, wanted):
            spec = renditions.SPECS_BY_NAME[made.spec]
            focal = key if spec.crops else ""
            if (made.spec, made.format, focal) in have:
                continue
            name = save_content_addressed(made.data, renditions.EXTENSIONS[made.format])
            rendition, _ = Rendition.objects.update_or_create(
                image=image,
                spec=made.spec,
                format=made.format,
                focal_key=focal,
                defaults={
                    "width": made.width,
                    "height": made.height,
                    "file": name,
                    "file_size": len(made.data),
                },
            )
            made_now.append(rendition)
    # Crops for an earlier focal point: their rows go (pages then use the new ones); their
    # files stay, as cached pages may still name them.
    dropped, _ = image.renditions.exclude(focal_key="").exclude(focal_key=key).delete()
    Image.objects.filter(pk=image.pk).update(rendition_error="")
    if made_now or dropped:
        # Pages showing it were cached with the fallback or the old crops.
        pages_showing_changed(image.pk)
    return made_now


def save_content_addressed(data: bytes, extension: str) -> str:
    """Store `data` under a name made from its SHA-256, once: the same bytes get the same
    name, so the file may be cached for ever (Cache-Control: immutable)."""
    name = f"images/renditions/{hashlib.sha256(data).hexdigest()[:32]}.{extension}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return name


# --- Files no row names ---------------------------------------------------------------------
#
# Originals are named by their content's hash, renditions too, so two rows may name one
# file: a file is deleted only once no row names it.


def named_files(names) -> set[str]:
    """Those of `names` that an image or a rendition names."""
    names = list(names)
    return {
        *Image.objects.filter(file__in=names).values_list("file", flat=True),
        *Rendition.objects.filter(file__in=names).values_list("file", flat=True),
    }


def delete_unnamed_files(names) -> list[str]:
    """Delete those of `names` that no row names now; returns the names deleted."""
    names = {name for name in names if name}
    unnamed = sorted(names - named_files(names))
    for name in unnamed:
        default_storage.delete(name)
    return unnamed


def delete_files_of_deleted_image(sender, instance, using, **kwargs) -> None:
    """When an image is deleted, its original and its renditions' files go too, once the
    delete is committed (a rolled-back delete keeps them). Connected to pre_delete, while
    its renditions can still be read. A file that cannot be deleted then is left to
    clean_image_files, and the delete stands."""
    names = [
        instance.file.name,
        *Rendition.objects.using(using).filter(image=instance).values_list("file", flat=True),
    ]
    transaction.on_commit(lambda: delete_unnamed_files(names), using=using, robust=True)


def stored_files(folder: str = "images"):
    """The names of every file under `folder` in storage, folder by folder."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # nothing stored yet
        return
    for name in files:
        yield f"{folder}/{name}"
    for inner in folders:
        yield from stored_files(f"{folder}/{inner}")
