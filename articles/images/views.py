"""Serving the local media folder in development (`make run`, DEBUG only).

Production serves pictures from the bucket (or a CDN in front of it), where every object
is written with Cache-Control: immutable (settings.STORAGES); Django never serves them.
"""

from django.views.static import serve

# Every file under images/ is named by its content's hash (library.py), so a browser may
# keep it for a year without asking again.
IMMUTABLE = "public, max-age=31536000, immutable"


def serve_media(request, path, document_root):
    response = serve(request, path, document_root=document_root)
    if path.startswith("images/"):
        response["Cache-Control"] = IMMUTABLE
    return response
