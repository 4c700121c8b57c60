from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Newsroom"
admin.site.site_title = "Newsroom admin"
admin.site.index_title = "Write, publish and annotate"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
