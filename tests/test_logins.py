"""Failed logins are throttled per account and per address (django-axes), with a page that
says what happened, and an editor can unlock them in the admin."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3


@pytest.fixture
def ana(db):
    user = UserFactory(username="ana", is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(username, password, address="203.0.113.7", **headers):
    client = Client(REMOTE_ADDR=address, **headers)
    return client, client.post(LOGIN, {"username": username, "password": password})


def test_after_the_limit_an_account_is_refused_even_with_its_password(ana):
    for _ in range(2):
        _, response = log_in("ana", "wrong")
        assert response.status_code == 200  # The login form again, with its error.
    _, response = log_in("ana", "wrong")
    assert response.status_code == 429  # The failure that reaches the limit locks.

    client, response = log_in("ana", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins for “ana”" in page
    assert "for 15 minutes" in page
    assert "_auth_user_id" not in client.session
    # From another address too: the account itself is locked.
    _, elsewhere = log_in("ana", PASSWORD, address="198.51.100.9")
    assert elsewhere.status_code == 429


def test_after_the_limit_an_address_is_refused_for_every_account(ana):
    for name in ["bo", "cy", "di"]:
        log_in(name, "wrong", address="192.0.2.50")

    _, response = log_in("ana", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    # Ana from her own address is not held up by someone else's guessing.
    client, response = log_in("ana", PASSWORD, address="203.0.113.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(ana.pk)


def test_a_forwarded_address_a_client_wrote_itself_does_not_dodge_the_lockout(ana, settings):
    for n in range(3):
        log_in("ana", "wrong", address="192.0.2.50", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    _, response = log_in("zed", "wrong", address="192.0.2.50", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429

    # Behind the load balancer, the address it adds last is the client's.
    settings.BEHIND_PROXY = True
    _, response = log_in(
        "zed", "wrong", address="10.1.1.1", HTTP_X_FORWARDED_FOR="192.0.2.50, 198.51.100.1"
    )
    assert response.status_code == 200  # 198.51.100.1 has not failed yet.


def test_a_successful_login_clears_the_failures_before_it(ana):
    for _ in range(2):
        log_in("ana", "wrong")
    client, response = log_in("ana", PASSWORD)
    assert response.status_code == 302
    for _ in range(2):
        _, response = log_in("ana", "wrong")
    assert response.status_code == 200


def test_an_editor_unlocks_an_account_by_deleting_its_attempts_in_the_admin(ana, superuser_client):
    for _ in range(3):
        log_in("ana", "wrong")
    attempt = AccessAttempt.objects.get(username="ana")

    listing = superuser_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "ana" in listing.content.decode()
    superuser_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    client, response = log_in("ana", PASSWORD)
    assert response.status_code == 302


def test_a_locked_out_login_is_refused_with_two_reads_and_nothing_written(
    ana, django_assert_num_queries
):
    """Before: the session, the CSRF check and the login view ran for every refused guess
    and the failure was written down, so guessing clients took most of the servers' time."""
    for _ in range(3):
        log_in("ana", "wrong")
    attempt = AccessAttempt.objects.get(username="ana")

    # One read of the account's failures, one of the address's; no session, no write.
    with django_assert_num_queries(2):
        _, response = log_in("ana", "wrong again")

    assert response.status_code == 429
    assert "Too many failed logins for “ana”" in response.content.decode()
    after = AccessAttempt.objects.get(pk=attempt.pk)
    assert (after.failures_since_start, after.attempt_time) == (3, attempt.attempt_time)


def test_a_client_that_keeps_guessing_costs_no_query_and_an_unlock_still_holds(
    ana, django_assert_num_queries, time_machine
):
    """Before: each refused guess read the database and rendered its page again, so eight
    guessing clients kept readers at about 60% of their quiet speed (bench/logins.py)."""
    from django.utils import timezone

    from articles.logins import REFUSAL_MEMORY_SECONDS

    time_machine.move_to(timezone.now(), tick=False)
    for _ in range(3):
        log_in("ana", "wrong")
    guesser = Client(REMOTE_ADDR="203.0.113.7")
    first = guesser.post(LOGIN, {"username": "ana", "password": "guess 1"})

    with django_assert_num_queries(0):
        again = guesser.post(LOGIN, {"username": "ana", "password": "guess 2"})

    assert first.status_code == again.status_code == 429
    assert again.content == first.content

    # An administrator unlocks the account: within the remembered seconds it applies.
    AccessAttempt.objects.filter(username="ana").delete()
    time_machine.shift(REFUSAL_MEMORY_SECONDS + 1)
    response = guesser.post(LOGIN, {"username": "ana", "password": PASSWORD})
    assert response.status_code == 302


def test_passwords_are_hashed_with_argon2id_at_a_cost_readers_can_afford(ana, settings):
    """Before: PBKDF2 with a million rounds, about 200 ms of CPU for each guess."""
    from newsroom import settings as project

    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    ana.set_password(PASSWORD)
    assert ana.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


def test_an_older_hash_still_logs_in_and_is_upgraded(ana, settings):
    from django.contrib.auth.hashers import make_password

    from newsroom import settings as project

    settings.PASSWORD_HASHERS = project.PASSWORD_HASHERS
    ana.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    ana.save()

    client, response = log_in("ana", PASSWORD)

    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
