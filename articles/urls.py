from django.urls import path

from articles import preview, search, views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("people/<slug:slug>/", views.EntityView.as_view(kind="person"), name="person"),
    path(
        "organizations/<slug:slug>/",
        views.EntityView.as_view(kind="organization"),
        name="organization",
    ),
    path("places/<slug:slug>/", views.EntityView.as_view(kind="place"), name="place"),
    path("tags/<tag_slug:slug>/", views.TagView.as_view(), name="tag"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("search/", search.search, name="search"),
    path("preview/<str:token>/", preview.shared_preview, name="preview"),
]
