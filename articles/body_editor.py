"""The article body's rich-text editor on the article form: django-prose-editor with our
preset ("newsroom", articles/static/articles/body_editor.js), told where to search for
links and pictures, and what the pictures of the body's figures look like.
"""

import json

from django.db.models import Prefetch
from django.urls import reverse_lazy
from django_prose_editor.widgets import AdminProseEditorWidget

from articles.images.chooser import as_result
from articles.images.models import Image, Rendition
from articles.images.usage import figure_image_ids


def figure_choices(body: str) -> dict[str, dict]:
    """What the image chooser says (chooser.as_result: thumbnail, title, credit, any
    problem) of each picture `body`'s figures name, by id; a picture gone from the library
    is left out. Two queries, none for a body without figures."""
    ids = figure_image_ids(body)
    if not ids:
        return {}
    thumbnails = Rendition.objects.filter(spec="w320", format="jpeg", focal_key="")
    images = Image.objects.prefetch_related(Prefetch("renditions", queryset=thumbnails))
    return {str(pk): as_result(image) for pk, image in images.in_bulk(ids).items()}


class BodyEditorWidget(AdminProseEditorWidget):
    """The body's editor, limited to the body's schema, with the search for links to our
    own articles and entities, and "Picture", which inserts a figure from the library."""

    def __init__(self, attrs=None):
        super().__init__(
            preset="newsroom",
            attrs={
                "data-link-search-url": reverse_lazy("admin:articles_article_link_search"),
                "data-image-choose-url": reverse_lazy("admin:images_image_choose"),
                **(attrs or {}),
            },
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The figures the editor shows, also after a refused save (the body as sent).
        context["widget"]["attrs"]["data-figure-images"] = json.dumps(
            figure_choices(value or ""), separators=(",", ":")
        )
        return context
