"""The image library: each picture once, with its credits and rights, and its renditions.

Articles will point at an Image (a nullable lead_image), entities too (a picture); figures
in the body name one by id. Renditions are made by a background job (jobs.py), never while
a page renders; until they exist, `best_rendition` falls back to the nearest one made, and
`url_for` to the original.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from articles.images import renditions

UNIT = [MinValueValidator(0.0), MaxValueValidator(1.0)]


def original_path(image, filename):
    """Originals are named by their content hash: the same file is stored once, and the
    name never needs to change, so it can be cached for ever."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"images/originals/{image.content_hash[:20]}.{extension}"


class Image(models.Model):
    file = models.FileField("original", upload_to=original_path, max_length=200)
    title = models.CharField(max_length=200)
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it. Required to "
        "publish an article that uses it.",
    )
    caption = models.TextField(blank=True, help_text="The default caption.")
    credit = models.CharField(max_length=200, blank=True, help_text="e.g. Jane Doe/Reuters")
    licence = models.CharField(
        "copyright or licence", max_length=200, blank=True, help_text="e.g. © Reuters, CC BY 4.0"
    )
    usage_terms = models.TextField(blank=True, help_text="Conditions of use, as agreed.")
    source = models.CharField(max_length=200, blank=True, help_text="Agency, URL or person.")
    may_be_used = models.BooleanField(default=True)
    may_be_used_until = models.DateField(
        "may be used until", null=True, blank=True, help_text="Blank: no end date."
    )
    focal_x = models.FloatField(default=0.5, validators=UNIT, help_text="0 left, 1 right")
    focal_y = models.FloatField(default=0.5, validators=UNIT, help_text="0 top, 1 bottom")
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    file_size = models.PositiveBigIntegerField("size in bytes", editable=False)
    content_hash = models.CharField("SHA-256", max_length=64, db_index=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploaded_images",
        editable=False,
    )
    uploaded_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    # The last failure of the job making renditions, once it has given up; blank when they
    # were made. The job's own record (with its traceback) is under "Tasks" in the admin.
    rendition_error = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        adding = self._state.adding
        changed = not adding and self.focal_key != getattr(self, "_saved_focal_key", None)
        super().save(*args, **kwargs)
        self._saved_focal_key = self.focal_key
        # A job that gave up is run again when the image is next saved (its page in the
        # admin says so).
        if adding or changed or self.rendition_error:
            from articles.images.jobs import schedule_renditions

            schedule_renditions(self)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What the focal point was when read, so save() knows when to remake the crops.
        instance._saved_focal_key = instance.focal_key if "focal_x" in field_names else None
        return instance

    @property
    def focal_key(self) -> str:
        return renditions.focal_key(self.focal_x, self.focal_y)

    def is_usable(self, now=None) -> bool:
        """Whether the rights allow using the picture now."""
        now = now or timezone.now()
        today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
        return self.may_be_used and (
            self.may_be_used_until is None or self.may_be_used_until >= today
        )

    def publish_problem(self, now=None) -> str | None:
        """Why an article using this picture may not be published, or None."""
        if not self.may_be_used:
            return f"Image “{self.title}” (#{self.pk}) may not be used."
        if not self.is_usable(now):
            return (
                f"Image “{self.title}” (#{self.pk}) may be used only until "
                f"{self.may_be_used_until:%Y-%m-%d}, which has passed."
            )
        if not self.alt_text.strip():
            return f"Image “{self.title}” (#{self.pk}) has no alt text."
        return None

    def best_rendition(self, spec: str, format: str = "jpeg"):
        """The rendition for `spec` in `format`, or until it is made the nearest one that
        exists (same shape, closest width, this format first), or None. Works on
        prefetched renditions without a query."""
        wanted = renditions.SPECS_BY_NAME[spec]
        ratio = wanted.ratio

        def shape_of(rendition):
            known = renditions.SPECS_BY_NAME.get(rendition.spec)
            return known.ratio if known else "?"

        same_shape = [r for r in self.renditions.all() if shape_of(r) == ratio]
        if not same_shape:
            return None

        def distance(rendition):
            return (
                rendition.format != format,  # this format first
                ratio is not None and rendition.focal_key != self.focal_key,  # current crop
                rendition.width < min(wanted.width, self.width),  # then not smaller...
                abs(rendition.width - wanted.width),  # ...and the closest width
            )

        return min(same_shape, key=distance)

    def url_for(self, spec: str, format: str = "jpeg") -> str:
        """A URL for `spec` in `format`: the rendition, the nearest one made, or the
        original."""
        rendition = self.best_rendition(spec, format)
        return rendition.file.url if rendition else self.file.url


class Rendition(models.Model):
    """One encoded size, crop and format of an image. Its file is named by its content's
    hash, so a URL never changes meaning and is cached for ever."""

    FORMATS = [("avif", "AVIF"), ("webp", "WebP"), ("jpeg", "JPEG")]

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    spec = models.CharField(max_length=40)
    format = models.CharField(max_length=8, choices=FORMATS)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    file = models.FileField(max_length=200)
    # Recorded when made: a feed's enclosure gives it, and asking the storage (a request to
    # S3) for each item of a feed would be slow. Null for renditions made before it was.
    file_size = models.PositiveBigIntegerField("size in bytes", null=True, editable=False)
    # The focal point a crop was made for ("0.50,0.50"); blank for a whole-picture width,
    # which no focal point changes.
    focal_key = models.CharField(max_length=20, blank=True)
    made_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["image", "spec", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "spec", "format", "focal_key"], name="one_rendition_per_key"
            ),
        ]

    def __str__(self):
        return f"{self.image_id} {self.spec} {self.format} {self.width}x{self.height}"


@receiver(post_save, sender=Image, dispatch_uid="images-pages-on-save")
@receiver(post_delete, sender=Image, dispatch_uid="images-pages-on-delete")
def _drop_pages_showing(sender, instance, created=False, raw=False, **kwargs):
    """Cached pages that show a changed or deleted picture are dropped (a new picture is
    on no page yet), and those cached from now on end when its rights do. Renditions made
    later drop them too (library.store_renditions)."""
    if not created and not raw:
        from articles.caching import ends_by
        from articles.images.public import pages_showing_changed
        from articles.images.usage import rights_end

        pages_showing_changed(instance.pk)
        ends_by(rights_end(instance))
