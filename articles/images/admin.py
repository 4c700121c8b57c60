"""The image library in the admin: a list with thumbnails, search and filters, and an
upload form that refuses bad files with the reason and warns of a picture already in the
library. (Uploading several files at once and the focal-point picker come later.)"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Prefetch
from django.urls import path, reverse
from django.utils.html import format_html

from articles.images import chooser
from articles.images.library import build_image, duplicate_of, store_image
from articles.images.models import Image, Rendition
from articles.images.validation import ImageRefused

# Filled from the file when left blank on upload.
PREFILLED = ["title", "caption", "credit", "licence"]
DESCRIBED = ["title", "alt_text", "caption", "credit", "licence", "usage_terms", "source"]
RIGHTS = ["may_be_used", "may_be_used_until"]
FOCAL_POINT = ["focal_x", "focal_y"]


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label="Picture",
        required=False,
        help_text="JPEG, PNG, GIF, WebP, AVIF or TIFF. Title, caption, credit and copyright "
        "left blank are read from the file.",
    )

    class Meta:
        model = Image
        fields = [*DESCRIBED, *RIGHTS, *FOCAL_POINT]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.adding = self.instance._state.adding
        self.data_bytes = None
        self.duplicate = None
        if self.adding:
            self.fields["upload"].required = True
            self.fields["title"].required = False
        else:
            del self.fields["upload"]  # the original is kept as uploaded

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if not self.adding or upload is None:
            return cleaned
        data = upload.read()
        try:
            built = build_image(data, upload.name)
        except ImageRefused as refusal:
            self.add_error("upload", str(refusal))
            return cleaned
        for name in PREFILLED:
            if not (cleaned.get(name) or "").strip():
                cleaned[name] = getattr(built, name)
        for name in ["width", "height", "file_size", "content_hash", "file"]:
            setattr(self.instance, name, getattr(built, name))
        self.data_bytes = data
        self.duplicate = duplicate_of(built)
        return cleaned


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = [
        "thumbnail",
        "title",
        "credit",
        "licence",
        "may_be_used",
        "may_be_used_until",
        "size",
        "uploaded_by",
        "uploaded_at",
    ]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "caption", "credit"]
    list_filter = ["uploaded_by", "uploaded_at", "licence", "may_be_used"]
    date_hierarchy = "uploaded_at"
    list_per_page = 50
    readonly_fields = [
        "preview",
        "original",
        "size",
        "content_hash",
        "uploaded_by",
        "uploaded_at",
        "renditions_made",
        "rendition_error",
    ]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("choose/", wrap(self.choose_view), name="images_image_choose"),
            *super().get_urls(),
        ]

    def choose_view(self, request):
        return chooser.choose(self, request)

    def get_queryset(self, request):
        # The thumbnails come from renditions fetched with the page, in one query.
        widths = Rendition.objects.filter(focal_key="")
        return (
            super()
            .get_queryset(request)
            .select_related("uploaded_by")
            .prefetch_related(Prefetch("renditions", queryset=widths))
        )

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["upload", *DESCRIBED]}), ("Rights", {"fields": RIGHTS})]
        return [
            (None, {"fields": ["preview", *DESCRIBED]}),
            ("Rights", {"fields": RIGHTS}),
            ("Focal point", {"fields": FOCAL_POINT}),
            ("File", {"fields": self.readonly_fields[1:]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    @admin.display(description="")
    def thumbnail(self, image):
        return format_html(
            '<img src="{}" alt="" width="80" loading="lazy">', image.url_for("w320", "jpeg")
        )

    @admin.display(description="Picture")
    def preview(self, image):
        return format_html(
            '<img src="{}" alt="{}" width="640">',
            image.url_for("w640", "jpeg"),
            image.alt_text,
        )

    @admin.display(description="Original")
    def original(self, image):
        return format_html(
            '<a href="{}">{} × {} pixels</a>', image.file.url, image.width, image.height
        )

    @admin.display(description="Size", ordering="file_size")
    def size(self, image):
        return f"{image.file_size / 1_000_000:.1f} MB"

    @admin.display(description="Renditions")
    def renditions_made(self, image):
        if image.rendition_error:
            return "The job making them gave up (below); save the image to try again."
        count = image.renditions.count()
        return f"{count} made" if count else "Not made yet (a background job makes them)."

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            return
        store_image(obj, form.data_bytes, uploaded_by=request.user)
        if form.duplicate is not None:
            url = reverse("admin:images_image_change", args=[form.duplicate.pk])
            messages.warning(
                request,
                format_html(
                    'The same file is already in the library as <a href="{}">#{} {}</a>.',
                    url,
                    form.duplicate.pk,
                    form.duplicate.title,
                ),
            )
