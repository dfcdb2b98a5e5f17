"""The password throttle holds across workers and concurrent requests, covers every place
that checks a password (tokenCreate, invitationAccept, the Django admin's sign-in), and
cannot be used to lock the real user out (see backend/accounts/throttle.py for the rule).

The database store is tested everywhere; the Redis store (a real ``redis-server`` started
on a free loopback port) runs the same sign-in tests through the ``store`` fixture."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backend.accounts.models import Membership, Role, User
from backend.accounts.services.members import invite_member
from backend.core import ratelimit
from backend.core.models import RateCounter
from tests.fixtures.accounts import PASSWORD
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.worker import start_redis_server, stop

SIGN_IN = """mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) {
    token errors { field code message retryAfter } } }"""
ACCEPT = """mutation($token: String!, $password: String!) {
  invitationAccept(token: $token, password: $password) {
    token errors { field code message retryAfter } } }"""


def sign_in(email: str, password: str = PASSWORD, address: str = "10.0.0.1") -> str:
    """The answer's first error code, or "OK"."""
    payload = GraphQLClient()(SIGN_IN, {"email": email, "password": password},
                              REMOTE_ADDR=address).data["tokenCreate"]
    if payload["errors"]:
        return payload["errors"][0]["code"]
    assert payload["token"]
    return "OK"


# --- the stores ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A real redis-server on a free loopback port (`make pytest` installs it)."""
    process, port = start_redis_server(tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}/0"
    stop(process)


@pytest.fixture(params=["database", "redis"])
def store(request, settings):
    """Run the test on each store: the database (no REDIS_URL) and Redis."""
    if request.param == "redis":
        import redis

        url = request.getfixturevalue("redis_url")
        redis.Redis.from_url(url).flushdb()
        settings.REDIS_URL = url
    else:
        settings.REDIS_URL = ""
    return request.param


@pytest.fixture
def buyer(make_user, network):
    return make_user("buyer@alfa.test", network["dealer_a"])


# --- limits, one request after another -----------------------------------------------------

def test_wrong_passwords_for_one_account_from_one_address_are_limited(store, buyer, settings):
    answers = [sign_in("buyer@alfa.test", "wrong") for _ in range(10)]

    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    assert answers == ["INVALID_CREDENTIALS"] * limit + ["LOGIN_THROTTLED"] * (10 - limit)
    assert sign_in("buyer@alfa.test") == "LOGIN_THROTTLED"


def test_an_attempt_refused_by_its_pair_limit_counts_against_no_other_limit(
        store, buyer, settings, monkeypatch):
    """Counting it in the address's limit too, even for the moment before it is given
    back, would let concurrent refused attempts push an allowed attempt of the same
    address over that limit."""
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        sign_in("buyer@alfa.test", "wrong")
    configured = ratelimit.store
    counted: list[str] = []

    def recording_store():
        real = configured()

        class Recording:
            def __getattr__(self, name):
                return getattr(real, name)

            def hit(self, key, window):
                counted.append(key.split(":")[0])
                return real.hit(key, window)

        return Recording()

    monkeypatch.setattr(ratelimit, "store", recording_store)

    assert sign_in("buyer@alfa.test", "wrong") == "LOGIN_THROTTLED"
    assert counted == ["login-pair"]


def test_the_count_is_shared_by_every_worker_not_kept_in_process_memory(db, buyer, settings):
    settings.REDIS_URL = ""  # the database store
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        sign_in("buyer@alfa.test", "wrong")

    cache.clear()  # what another gunicorn worker's local memory holds: nothing

    assert sign_in("buyer@alfa.test") == "LOGIN_THROTTLED"
    assert RateCounter.objects.exists()


def test_one_address_guessing_across_accounts_is_limited_in_all(store, network, settings):
    answers = Counter(sign_in(f"guess{i}@alfa.test", "wrong") for i in range(38))

    assert answers == {"INVALID_CREDENTIALS": settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS,
                       "LOGIN_THROTTLED": 38 - settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS}


def test_an_attacker_cannot_lock_the_user_out_from_another_address(store, buyer):
    for _ in range(30):
        sign_in("buyer@alfa.test", "wrong", address="203.0.113.66")
    assert sign_in("buyer@alfa.test", address="203.0.113.66") == "LOGIN_THROTTLED"

    assert sign_in("buyer@alfa.test", address="198.51.100.7") == "OK"


def test_guesses_spread_over_many_addresses_block_only_addresses_new_to_the_account(
        store, buyer, settings):
    settings.LOGIN_THROTTLE_ACCOUNT_ATTEMPTS = 12
    assert sign_in("buyer@alfa.test", address="198.51.100.7") == "OK"  # the user's office

    failed = Counter(sign_in("buyer@alfa.test", "wrong", address=f"203.0.113.{i // 3}")
                     for i in range(30))  # ten attacking addresses, three guesses each

    assert failed == {"INVALID_CREDENTIALS": 12, "LOGIN_THROTTLED": 18}
    assert sign_in("buyer@alfa.test", address="192.0.2.1") == "LOGIN_THROTTLED"
    assert sign_in("buyer@alfa.test", address="198.51.100.7") == "OK"


def test_a_right_password_gives_its_attempt_back_so_an_office_behind_one_address_signs_in(
        store, make_user, network, settings):
    for i in range(settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS + 5):
        make_user(f"clerk{i}@alfa.test", network["dealer_a"])
        assert sign_in(f"clerk{i}@alfa.test") == "OK"


def test_refused_attempts_do_not_count_against_the_account(store, buyer, settings):
    settings.LOGIN_THROTTLE_ACCOUNT_ATTEMPTS = settings.LOGIN_THROTTLE_ATTEMPTS + 2
    for _ in range(50):  # one address: the first few are checked, the rest refused
        sign_in("buyer@alfa.test", "wrong", address="203.0.113.66")

    assert sign_in("buyer@alfa.test", address="192.0.2.1") == "OK"


# --- concurrent attempts -------------------------------------------------------------------

def _at_once(count: int, action) -> list:
    """Run ``action(i)`` in ``count`` threads released together; each thread has its own
    database connection."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = action(i)
        except Exception as exc:  # reported in the results, asserted by the test
            results[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def counted_password_checks(monkeypatch):
    """Counts password checks; each takes a little time, as a real hash does, so that a
    check-then-count throttle would let the concurrent attempts through."""
    checks = Counter()
    lock = threading.Lock()
    original = User.check_password

    def check_password(self, raw_password):
        with lock:
            checks[self.email] += 1
        time.sleep(0.02)
        return original(self, raw_password)

    monkeypatch.setattr(User, "check_password", check_password)
    return checks


@pytest.mark.django_db(transaction=True)
def test_concurrent_wrong_passwords_reach_the_password_check_at_most_limit_times(
        store, buyer, settings, counted_password_checks):
    answers = Counter(_at_once(24, lambda i: sign_in("buyer@alfa.test", "wrong")))

    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    assert answers == {"INVALID_CREDENTIALS": limit, "LOGIN_THROTTLED": 24 - limit}
    assert counted_password_checks["buyer@alfa.test"] == limit
    assert sign_in("buyer@alfa.test") == "LOGIN_THROTTLED"


@pytest.mark.django_db(transaction=True)
def test_concurrent_guesses_across_accounts_from_one_address_stop_at_the_address_limit(
        store, network, settings):
    answers = Counter(_at_once(30, lambda i: sign_in(f"guess{i}@alfa.test", "wrong")))

    limit = settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS
    assert answers == {"INVALID_CREDENTIALS": limit, "LOGIN_THROTTLED": 30 - limit}


# --- every password check: the Django admin, invitationAccept ------------------------------

def _admin_sign_in(client: Client, password: str, address: str):
    return client.post("/admin/login/?next=/admin/",
                       {"username": "staff@factory.test", "password": password},
                       REMOTE_ADDR=address)


def test_the_admin_sign_in_is_throttled_and_says_when_to_retry(staff_user, settings):
    client = Client()
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        assert _admin_sign_in(client, "wrong", "10.0.0.9").status_code == 200

    refused = _admin_sign_in(client, PASSWORD, "10.0.0.9")

    assert refused.status_code == 200  # the form again, not the admin
    assert re.search(r"Too many failed sign-in attempts\. Try again in \d+ seconds\.",
                     refused.content.decode())
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still signed out


def test_the_admin_and_the_api_count_failures_together(staff_user, settings):
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        _admin_sign_in(Client(), "wrong", "10.0.0.9")

    assert sign_in("staff@factory.test", address="10.0.0.9") == "LOGIN_THROTTLED"


def test_the_admin_sign_in_works_from_another_address_after_an_attack(staff_user):
    for _ in range(30):
        _admin_sign_in(Client(), "wrong", "203.0.113.66")
    client = Client()

    answer = _admin_sign_in(client, PASSWORD, "198.51.100.7")

    assert answer.status_code == 302 and answer["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_change_password_form_checks_the_old_password_under_the_throttle(
        staff_user, settings):
    client = Client()
    client.force_login(staff_user)

    def change(old_password: str):
        return client.post("/admin/password_change/", {
            "old_password": old_password, "new_password1": "a-new-passphrase-77",
            "new_password2": "a-new-passphrase-77"}, REMOTE_ADDR="10.0.0.9")

    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        assert change("wrong").context["form"].has_error("old_password", "password_incorrect")
    refused = change(PASSWORD)

    assert refused.status_code == 200
    assert refused.context["form"].has_error("old_password", "throttled")
    assert "Too many failed sign-in attempts" in refused.content.decode()
    staff_user.refresh_from_db()
    assert staff_user.check_password(PASSWORD)
    assert change(PASSWORD).status_code == 200  # still refused, still the old password
    assert sign_in("staff@factory.test", address="10.0.0.9") == "LOGIN_THROTTLED"


def test_the_admin_change_password_form_still_changes_the_password(staff_user):
    client = Client()
    client.force_login(staff_user)

    answer = client.post("/admin/password_change/", {
        "old_password": PASSWORD, "new_password1": "a-new-passphrase-77",
        "new_password2": "a-new-passphrase-77"}, REMOTE_ADDR="10.0.0.9")

    assert answer.status_code == 302 and answer["Location"] == "/admin/password_change/done/"
    staff_user.refresh_from_db()
    assert staff_user.check_password("a-new-passphrase-77")


@pytest.fixture
def invitation_for_existing_user(buyer, network):
    _, token = invite_member(network["dealer_b"], "buyer@alfa.test", role=Role.BUYER)
    return token


def _accept(token: str, password: str, address: str = "10.0.0.1") -> dict:
    return GraphQLClient()(ACCEPT, {"token": token, "password": password},
                           REMOTE_ADDR=address).data["invitationAccept"]


def test_invitation_accept_checks_an_existing_password_under_the_throttle(
        invitation_for_existing_user, settings):
    token = invitation_for_existing_user
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS):
        assert [e["code"] for e in _accept(token, "wrong")["errors"]] == [
            "INVALID_CREDENTIALS"]

    refused = _accept(token, PASSWORD)

    assert [(e["code"], e["field"]) for e in refused["errors"]] == [
        ("LOGIN_THROTTLED", "password")]
    assert 0 < refused["errors"][0]["retryAfter"] <= settings.LOGIN_THROTTLE_WINDOW.seconds + 1
    assert refused["token"] is None
    assert not Membership.objects.filter(user__email="buyer@alfa.test",
                                         organization__name="Дилер Бета").exists()
    assert sign_in("buyer@alfa.test") == "LOGIN_THROTTLED"  # one count for both ways in


def test_invitation_accept_with_the_right_password_joins_after_a_few_failures(
        invitation_for_existing_user, settings):
    token = invitation_for_existing_user
    for _ in range(settings.LOGIN_THROTTLE_ATTEMPTS - 1):
        _accept(token, "wrong")

    accepted = _accept(token, PASSWORD)

    assert accepted["errors"] == [] and accepted["token"]
    assert Membership.objects.filter(user__email="buyer@alfa.test",
                                     organization__name="Дилер Бета").exists()


def test_a_database_hit_is_one_statement_that_also_clears_passed_windows(db):
    """Every hit costs the same single statement (query counts never depend on chance) and
    deletes other counters whose window has passed, never the one it counts."""
    past = timezone.now() - timedelta(minutes=5)
    RateCounter.objects.create(key="old-a", count=7, expires_at=past)
    RateCounter.objects.create(key="mine", count=9, expires_at=past)
    store = ratelimit.DatabaseStore()
    for expected in (1, 2):
        with CaptureQueriesContext(connections["default"]) as queries:
            assert store.hit("mine", 60).value == expected  # its passed window restarts
        assert len(queries) == 1
    assert not RateCounter.objects.filter(key="old-a").exists()
