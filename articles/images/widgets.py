"""Choosing a picture from the library in a form: an article's lead image, an entity's
picture.

The field is the image's number in a plain text input, as Django's raw-id fields are, so
the form works without JavaScript (each picture's number is on its tile in the library).
With it (images/chooser.js), the input gives way to the chosen picture's thumbnail, title
and credit, a "Choose a picture" button that searches the library (chooser.py) in a
dialog of thumbnails, and "Remove".
"""

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from articles.images.chooser import as_result
from articles.images.models import Image, Rendition

# Django's default form renderer reads only the apps' and its own templates; the
# widget's is one of the site's, under templates/admin/images/.
TEMPLATE = "admin/images/widgets/image_chooser.html"


def chosen_image(value) -> dict | None:
    """The picture numbered `value` as the chooser shows it, or None."""
    if value in (None, "") or not str(value).isdigit():
        return None
    thumbnails = Rendition.objects.filter(spec="w320", format="jpeg", focal_key="")
    image = (
        Image.objects.prefetch_related(Prefetch("renditions", queryset=thumbnails))
        .filter(pk=int(value))
        .first()
    )
    return as_result(image) if image is not None else None


class ImageChooserWidget(forms.TextInput):
    """A picture's number, with its thumbnail and a search of the library (see above)."""

    class Media:
        css = {"all": ["images/chooser.css"]}
        js = ["images/chooser.js"]

    def __init__(self, attrs=None):
        defaults = {"class": "vForeignKeyRawIdAdminField image-chooser-id", "size": 8}
        super().__init__({**defaults, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["chosen"] = chosen = chosen_image(value)
        if chosen is not None:
            context["chosen_url"] = reverse("admin:images_image_change", args=[chosen["id"]])
        context["choose_url"] = reverse("admin:images_image_choose")
        context["library_url"] = reverse("admin:images_image_changelist")
        # The script puts the chosen picture's number in place of the placeholder.
        context["change_url"] = reverse("admin:images_image_change", args=["0"])
        return context

    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(render_to_string(TEMPLATE, self.get_context(name, value, attrs)))


class ImageChooserAdminMixin:
    """For a ModelAdmin: every foreign key to an Image is chosen with ImageChooserWidget,
    rather than from a list of every picture in the library."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.ForeignKey) and db_field.related_model is Image:
            field = db_field.formfield(widget=ImageChooserWidget(), **kwargs)
            field.error_messages["invalid_choice"] = (
                "There is no picture number %(value)s in the library. Choose one there, or "
                "leave the field empty."
            )
            return field
        return super().formfield_for_dbfield(db_field, request, **kwargs)
