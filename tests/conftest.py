import pytest

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing passwords properly is slow and tests don't need it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def superuser(db):
    return UserFactory(username="chief", is_superuser=True)


@pytest.fixture(autouse=True)
def no_suggestions_on_save(settings):
    """Tests make articles by the hundred; those about suggestions switch this back on."""
    settings.NEWSROOM_SUGGEST_ON_SAVE = False
