import pytest

from tests.factories import ArticleFactory, MentionFactory


@pytest.mark.django_db
def test_factories_make_valid_objects():
    mention = MentionFactory()
    assert mention.exact == "Kim Jong Un"
    assert ArticleFactory().is_published()
