# Placeholder until the public views land (being written now).
from django.http import HttpResponse
from django.views import View


def home(request):
    return HttpResponse("")


article_detail = home


class _Placeholder(View):
    kind = None

    def get(self, request, *args, **kwargs):
        return HttpResponse("")


SectionView = EntityView = TagView = _Placeholder
