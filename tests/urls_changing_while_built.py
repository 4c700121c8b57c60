"""The site's URLs and one public page during whose building its story is edited, as by an
editor on another server, for the page cache's tests."""

from django.http import HttpResponse
from django.urls import include, path

from articles.models import Article


def page_changing_while_built(request, pk):
    story = Article.objects.get(pk=pk)  # read before the edit: the page would show it
    edited = Article.objects.get(pk=pk)
    edited.headline = f"{edited.headline}, edited"
    edited.save()
    return HttpResponse(story.headline)


urlpatterns = [
    path("changing-while-built/<int:pk>/", page_changing_while_built),
    path("", include("newsroom.urls")),
]
