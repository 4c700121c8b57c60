"""Uploading several pictures at once (admin:images_image_upload), for staff who may add
images.

GET shows a page with a multiple file input and a drop zone. images/upload.js sends the
files one by one, each in its own POST, showing its progress, and lists what became of
it: stored (with a link to its page), already in the library (a link to the picture
there; the same file is not stored twice), or refused with the reason, storing nothing.
POST takes the files in "files" and answers {"results": [...]} to a script (Accept:
application/json), or the page listing them to a browser without JavaScript, which sends
all of them in one form.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from articles.images.library import build_image, duplicate_of, max_bytes, store_image
from articles.images.validation import (
    FORMAT_NAMES,
    MIME_TYPES,
    ImageRefused,
    check_size,
    megabytes,
)

STORED, DUPLICATE, REFUSED = "stored", "duplicate", "refused"
TEMPLATE = "admin/images/image/upload.html"


def upload_one(model_admin, request, upload) -> dict:
    """Check and store one uploaded file; what became of it, as the page shows it."""
    name = upload.name
    try:
        check_size(upload.size, name, max_bytes())  # before it is read into memory
        data = upload.read()
        image = build_image(data, name)
    except ImageRefused as refusal:
        return {"name": name, "status": REFUSED, "message": str(refusal)}
    existing = duplicate_of(image)
    if existing is not None:
        return {
            "name": name,
            "status": DUPLICATE,
            "message": f"The same file is already in the library as #{existing.pk} "
            f"{existing.title}; it was not stored again.",
            "id": existing.pk,
            "url": reverse("admin:images_image_change", args=[existing.pk]),
        }
    store_image(image, data, uploaded_by=request.user)
    model_admin.log_addition(request, image, [{"added": {}}])
    return {
        "name": name,
        "status": STORED,
        "message": f"Stored as #{image.pk} {image.title}. Add its alt text before an article "
        "using it is published.",
        "id": image.pk,
        "url": reverse("admin:images_image_change", args=[image.pk]),
    }


def upload_view(model_admin, request):
    """The page (GET), and the files it sends (POST); see above."""
    if not model_admin.has_add_permission(request):
        if request.method == "POST":
            return JsonResponse({"error": "Uploading needs permission to add images."}, status=403)
        raise PermissionDenied("Uploading needs permission to add images.")
    results, error = [], None
    if request.method == "POST":
        files = request.FILES.getlist("files")
        wants_json = request.headers.get("Accept", "").startswith("application/json")
        if not files:
            error = "Choose one or more pictures to upload."
            if wants_json:
                return JsonResponse({"error": error}, status=400)
        results = [upload_one(model_admin, request, upload) for upload in files]
        if wants_json:
            return JsonResponse({"results": results})
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Upload pictures",
        "opts": opts,
        "app_label": opts.app_label,
        "has_view_permission": model_admin.has_view_permission(request),
        "accept": ",".join(MIME_TYPES.values()),
        "formats": FORMAT_NAMES,
        "max_size": megabytes(max_bytes()),
        "results": results,
        "error": error,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, TEMPLATE, context)
