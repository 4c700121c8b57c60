"""The image library in the admin: a grid of thumbnails with search and filters, an
upload form that refuses bad files with the reason and warns of a picture already in the
library, uploads of several files at once (upload.py), the chooser's search (chooser.py),
and on each picture's page a focal-point picker (images/focal.js) and where it is used.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from articles.editor_links import article_status
from articles.images import chooser, upload, usage
from articles.images.library import build_image, duplicate_of, max_bytes, store_image
from articles.images.models import Image, Rendition
from articles.images.validation import ImageRefused, check_size, megabytes

# Filled from the file when left blank on upload.
PREFILLED = ["title", "caption", "credit", "licence"]
DESCRIBED = ["title", "alt_text", "caption", "credit", "licence", "usage_terms", "source"]
RIGHTS = ["may_be_used", "may_be_used_until"]
FOCAL_POINT = ["focal_x", "focal_y"]
FILE = [
    "original",
    "size",
    "content_hash",
    "uploaded_by",
    "uploaded_at",
    "renditions_made",
    "rendition_error",
]


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
        try:
            check_size(upload.size, upload.name, max_bytes())  # before reading it
            data = upload.read()
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


def titled(filter_class, title):
    """A field's list filter under a title of our own: "By uploader", where Django would
    say "By uploaded by"."""

    class Titled(filter_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return Titled


class RightsFilter(admin.SimpleListFilter):
    """Whether a picture may be used today; "rights expired" finds those whose end date
    has passed, though their flag is still on."""

    title = "may be used"
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No"), ("expired", "Rights expired")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        ended = Q(may_be_used_until__lt=today)
        if self.value() == "yes":
            return queryset.filter(may_be_used=True).exclude(ended)
        if self.value() == "no":
            return queryset.filter(may_be_used=False)
        if self.value() == "expired":
            return queryset.filter(ended, may_be_used=True)
        return queryset


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    # Shown as tiles (templates/admin/images/image/change_list.html), the headers as the
    # ways to sort them.
    list_display = ["thumbnail", "title_and_number", "credit", "notices", "uploaded_at"]
    list_display_links = ["thumbnail", "title_and_number"]
    search_fields = ["title", "caption", "credit"]
    search_help_text = "Finds pictures by title, caption or credit."
    list_filter = [
        ("uploaded_by", titled(admin.RelatedOnlyFieldListFilter, "uploader")),
        ("uploaded_at", titled(admin.DateFieldListFilter, "upload date")),
        "licence",
        RightsFilter,
    ]
    date_hierarchy = "uploaded_at"
    list_per_page = 48  # full rows of 2, 3, 4 or 6 tiles
    readonly_fields = ["preview", "used_in", *FILE]

    class Media:
        css = {"all": ["images/focal.css"]}
        js = ["images/focal.js"]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("choose/", wrap(self.choose_view), name="images_image_choose"),
            path("upload/", wrap(self.upload_view), name="images_image_upload"),
            *super().get_urls(),
        ]

    def choose_view(self, request):
        return chooser.choose(self, request)

    def upload_view(self, request):
        return upload.upload_view(self, request)

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
            (
                "Picture",
                {
                    "fields": ["preview", tuple(FOCAL_POINT)],
                    "description": "Click the picture on what its crops must keep in view "
                    "(a face, say), or type the point: the crops are made again when you "
                    "save.",
                },
            ),
            ("Description", {"fields": DESCRIBED}),
            ("Rights", {"fields": RIGHTS}),
            ("Used in", {"fields": ["used_in"]}),
            ("File", {"fields": FILE}),
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    @admin.display(description="")
    def thumbnail(self, image):
        rendition = image.best_rendition("w320", "jpeg")
        shown = rendition or image  # the original, until the renditions are made
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" loading="lazy">',
            shown.file.url,
            shown.width,
            shown.height,
        )

    @admin.display(description="title", ordering="title")
    def title_and_number(self, image):
        # The number is what the image field of a form takes without JavaScript.
        return format_html('{} <span class="image-number">#{}</span>', image.title, image.pk)

    @admin.display(description="notices")
    def notices(self, image):
        """Badges for what keeps the picture from being published, or its renditions
        from being made."""
        said = []
        if not image.may_be_used:
            said.append("May not be used")
        elif not image.is_usable():
            said.append(f"Rights expired {image.may_be_used_until:%Y-%m-%d}")
        if not image.alt_text.strip():
            said.append("No alt text")
        if image.rendition_error:
            said.append("Renditions failed")
        return format_html_join("", '<span class="image-badge">{}</span>', ((n,) for n in said))

    @admin.display(description="Picture")
    def preview(self, image):
        """The picture with a marker on its focal point; clicking it moves the point
        (images/focal.js)."""
        shown = image.best_rendition("w640", "jpeg") or image
        return format_html(
            '<div class="focal-picker"><img id="focal-point-picture" src="{}" alt="{}" '
            'width="{}" height="{}"><span class="focal-marker" id="focal-marker" '
            'style="left: {}%; top: {}%" aria-hidden="true"></span></div>',
            shown.file.url,
            image.alt_text,
            shown.width,
            shown.height,
            f"{image.focal_x * 100:.1f}",
            f"{image.focal_y * 100:.1f}",
        )

    @admin.display(description="Used in")
    def used_in(self, image):
        said = where_used(image.pk)
        if not said:
            return "No article or entity uses this picture."
        return format_html(
            '<ul class="used-in">{}</ul>', format_html_join("", "<li>{}</li>", ((s,) for s in said))
        )

    def get_deleted_objects(self, objs, request):
        """Django's list of what a delete takes, refused (as "protected") for a picture
        still in use: an article's lead image or an entity's picture, which the database
        protects too, and a figure in a body, which it cannot know of. Serves the delete
        page and the "Delete selected" action alike."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = []
        for image in objs:
            if said := where_used(image.pk):
                in_use += [format_html("“{}” (#{}) is used in:", image.title, image.pk), said]
        return deleted, counts, perms_needed, in_use or protected

    @admin.display(description="Original")
    def original(self, image):
        return format_html(
            '<a href="{}">{} × {} pixels</a>', image.file.url, image.width, image.height
        )

    @admin.display(description="Size", ordering="file_size")
    def size(self, image):
        return megabytes(image.file_size)

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


def where_used(image_id: int) -> list:
    """Each article (drafts too, with their status) and entity that uses the picture, as
    a link to its page in the admin and how it uses it; two queries."""
    marker = usage.figure_marker(image_id)
    articles = (
        usage.articles_using(image_id)
        .only("headline", "status", "publish_at", "lead_image")
        .annotate(as_figure=ExpressionWrapper(Q(body__contains=marker), BooleanField()))
    )
    said = []
    for article in articles:
        uses = [
            use
            for use, used in [
                ("lead image", article.lead_image_id == image_id),
                ("figure in the body", article.as_figure),
            ]
            if used
        ]
        said.append(
            format_html(
                'Article <a href="{}">{}</a> ({}): {}',
                reverse("admin:articles_article_change", args=[article.pk]),
                article.headline,
                article_status(article)[1],
                " and ".join(uses),
            )
        )
    for entity in usage.entities_using(image_id).only("name", "kind"):
        said.append(
            format_html(
                '{} <a href="{}">{}</a>: picture',
                entity.get_kind_display(),
                reverse("admin:articles_entity_change", args=[entity.pk]),
                entity.name,
            )
        )
    return said
