"""The site's URLs and one public page that sets a cookie, for the page cache's tests."""

from django.http import HttpResponse
from django.urls import include, path


def page_with_a_cookie(request):
    response = HttpResponse("Your own page.")
    response.set_cookie("reader", "ana")
    return response


urlpatterns = [
    path("with-a-cookie/", page_with_a_cookie),
    path("", include("newsroom.urls")),
]
