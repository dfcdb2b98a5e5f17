"""Operations: health probes, request ids in responses and logs, production settings."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from backend.core.logging import RequestIdFilter

REPO_ROOT = Path(__file__).resolve().parent.parent
HEX_ID = re.compile(r"^[0-9a-f]{32}$")


# --- health --------------------------------------------------------------------------------

def test_liveness_probe_answers_ok_without_a_database(client):
    response = client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readiness_probe_checks_the_database(db, client):
    response = client.get("/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_readiness_probe_reports_an_unreachable_database_as_503_without_details():
    """A real process whose database does not answer (nothing listens on the port)."""
    import subprocess
    import sys

    script = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/health/ready'); print(r.status_code, r.content.decode())"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "backend.settings",
           "DATABASE_URL": "postgresql://nobody:secret@127.0.0.1:9/nowhere",
           "LOG_LEVEL": "CRITICAL"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=60, cwd=Path(__file__).resolve().parent.parent)
    status, _, body = out.stdout.strip().partition(" ")
    assert status == "503", out.stderr[-2000:]
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable"}
    assert "127.0.0.1" not in body and "nobody" not in body


# --- request ids ---------------------------------------------------------------------------

@pytest.mark.parametrize("request_id", ["abc-123", "trace.42_A", "x" * 64])
def test_a_safe_request_id_is_echoed_back(client, request_id):
    response = client.get("/health/live", HTTP_X_REQUEST_ID=request_id)

    assert response["X-Request-ID"] == request_id


def test_a_request_id_is_made_up_when_none_is_given(client):
    first = client.get("/health/live")["X-Request-ID"]
    second = client.get("/health/live")["X-Request-ID"]

    assert HEX_ID.match(first) and HEX_ID.match(second)
    assert first != second


@pytest.mark.parametrize("request_id", ["has space", "<script>", "x" * 65, "a\tb", "id;rm",
                                        "айди", "", "abc\n"])
def test_an_unsafe_request_id_is_replaced(client, request_id):
    response = client.get("/health/live", HTTP_X_REQUEST_ID=request_id)

    assert response["X-Request-ID"] != request_id
    assert HEX_ID.match(response["X-Request-ID"])


def test_refused_graphql_requests_carry_a_request_id_too(db, client):
    response = client.post("/graphql/", json.dumps({"query": "{ me { role } }"}),
                           content_type="application/json", HTTP_AUTHORIZATION="Bearer bad",
                           HTTP_X_REQUEST_ID="req-401")

    assert response.status_code == 401
    assert response["X-Request-ID"] == "req-401"


@pytest.fixture
def json_log():
    """What the configured JSON console handler writes during the test, one dict a line."""
    handler = next(
        h for h in logging.getLogger().handlers
        if any(isinstance(f, RequestIdFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    previous = handler.setStream(buffer)

    def lines() -> list[dict]:
        return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]

    yield lines
    handler.setStream(previous)


def test_a_request_is_logged_as_json_with_its_request_id(db, client, json_log):
    client.post("/graphql/", json.dumps({"query": "{ me { role } }"}),
                content_type="application/json", HTTP_X_REQUEST_ID="trace-77")

    request_lines = [line for line in json_log() if line.get("logger") == "backend.request"]
    assert request_lines, json_log()
    line = request_lines[-1]
    assert line["request_id"] == "trace-77"
    assert line["method"] == "POST" and line["path"] == "/graphql/" and line["status"] == 200
    assert line["level"] == "INFO"
    assert isinstance(line["duration_ms"], int | float)


def test_a_log_line_written_by_code_during_a_request_carries_its_request_id(
        db, client, json_log, monkeypatch):
    from django.http import JsonResponse

    from backend import urls

    def chatty_live(request):
        logging.getLogger("backend.core.health").warning("probe called")
        return JsonResponse({"status": "ok"})

    live = next(p for p in urls.urlpatterns if str(p.pattern) == "health/live")
    monkeypatch.setattr(live, "callback", chatty_live)

    client.get("/health/live", HTTP_X_REQUEST_ID="probe-9")

    lines = [line for line in json_log() if line.get("message") == "probe called"]
    assert [line["request_id"] for line in lines] == ["probe-9"]


def test_log_lines_outside_a_request_have_a_placeholder_request_id(json_log):
    logging.getLogger("backend.test").warning("no request here")

    line = next(line for line in json_log() if line.get("message") == "no request here")
    assert line["request_id"] == "-"


def test_health_probes_are_not_logged(client, json_log):
    client.get("/health/live")

    assert not [line for line in json_log() if line.get("logger") == "backend.request"]


# --- production settings -------------------------------------------------------------------

DB = "postgresql://x@localhost/x"
STRONG_SECRET = secrets.token_urlsafe(48)

# Each case sets Django up in a fresh interpreter; they run in parallel, once per module.
STARTS = {
    "dev secret": {"B2B_ENV": "production", "DATABASE_URL": DB},
    "short secret": {"B2B_ENV": "production", "DATABASE_URL": DB, "SECRET_KEY": "short-secret"},
    "debug on": {"B2B_ENV": "production", "DATABASE_URL": DB, "SECRET_KEY": STRONG_SECRET,
                 "DEBUG": "1"},
    "no database": {"B2B_ENV": "production", "SECRET_KEY": STRONG_SECRET},
    "good": {"B2B_ENV": "production", "DATABASE_URL": DB, "SECRET_KEY": STRONG_SECRET},
    "published key": {"B2B_ENV": "production", "DATABASE_URL": DB,
                      "SECRET_KEY": "dev-only-insecure-secret-key-do-not-use-in-production"},
    "short jwt secret": {"B2B_ENV": "production", "DATABASE_URL": DB,
                         "SECRET_KEY": STRONG_SECRET, "JWT_SECRET": "x" * 31},
    "jwt secret of 32 bytes": {"B2B_ENV": "production", "DATABASE_URL": DB,
                               "SECRET_KEY": STRONG_SECRET, "JWT_SECRET": "ж" * 16},
    "unknown env": {"B2B_ENV": "prod", "DATABASE_URL": DB, "SECRET_KEY": STRONG_SECRET},
}


@dataclass
class Started:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def started() -> dict[str, Started]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "B2B_ENV", "JWT_SECRET",
                          "PLUGINS", "DJANGO_SETTINGS_MODULE", "SECRET_KEY_FILE")}
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'backend.settings'; "
            "django.setup(); from django.conf import settings; print('DEBUG', settings.DEBUG)")
    processes = {
        name: subprocess.Popen([sys.executable, "-c", code], cwd=REPO_ROOT,
                               env={**clean, **env}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        for name, env in STARTS.items()
    }
    results = {}
    for name, process in processes.items():
        stdout, stderr = process.communicate(timeout=60)
        results[name] = Started(process.returncode, stdout, stderr)
    return results


def test_production_refuses_the_development_secret_key(started):
    result = started["dev secret"]

    assert result.returncode != 0
    assert "Refusing to start" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_key_once_published_in_the_source(started):
    result = started["published key"]

    assert result.returncode != 0
    assert "Refusing to start in production without a SECRET_KEY of its own" in result.stderr


def test_production_refuses_a_jwt_secret_shorter_than_32_bytes(started):
    assert started["short jwt secret"].returncode != 0
    assert "Refusing to start in production with a short JWT_SECRET" in (
        started["short jwt secret"].stderr)
    assert started["jwt secret of 32 bytes"].returncode == 0, (
        started["jwt secret of 32 bytes"].stderr)


def test_production_refuses_a_short_secret_key(started):
    result = started["short secret"]

    assert result.returncode != 0
    assert "Refusing to start" in result.stderr


def test_production_refuses_debug_on(started):
    result = started["debug on"]

    assert result.returncode != 0
    assert "Refusing to start in production with DEBUG on" in result.stderr


def test_production_requires_a_database_url(started):
    result = started["no database"]

    assert result.returncode != 0
    assert "DATABASE_URL is required" in result.stderr


def test_production_starts_with_a_random_secret_and_debug_off(started):
    result = started["good"]

    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


def test_an_unknown_environment_name_is_refused(started):
    result = started["unknown env"]

    assert result.returncode != 0
    assert "B2B_ENV must be" in result.stderr


def test_passwords_are_hashed_with_argon2_outside_tests():
    from backend import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_user_password_is_stored_as_argon2(settings, db):
    from backend import settings as project_settings
    from backend.accounts.models import User

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    user = User.objects.create_user("argon@test.local", "long-enough-pass-1")
    assert user.password.startswith("argon2$")
    assert user.check_password("long-enough-pass-1")


def test_a_cached_document_is_still_validated_on_every_request(api):
    from backend.core.graphql.view import prepare_document

    prepare_document.cache_clear()
    for _ in range(2):
        response = api("{ products(first: 1) { edges { node { nope } } } }")
        assert "nope" in response.errors[0]["message"]
    assert prepare_document.cache_info().hits >= 1


def test_server_processes_freeze_start_up_objects_and_collect_less_often(settings):
    import gc

    from backend.core.runtime import tune_garbage_collector

    before = gc.get_threshold()
    settings.GC_GEN0_THRESHOLD = 40_000
    try:
        tune_garbage_collector()
        assert gc.get_threshold()[0] == 40_000
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_answers_carry_russian_text_as_utf8_not_escapes(api, catalog):
    from django.test import Client

    response = Client().post("/graphql/", {"query": "{ products(first: 1) { edges { node { "
                                                    "name } } } }"},
                             content_type="application/json")
    assert response["Content-Type"].startswith("application/json")
    assert "Дверь".encode() in response.content and b"\\u0414" not in response.content


# --- the development secret key ------------------------------------------------------------

def _development_keys(key_file: Path, processes: int = 1) -> list[tuple[str, str]]:
    """(SECRET_KEY, JWT_SECRET) as seen by ``processes`` development processes started at
    once with their key in ``key_file`` and no SECRET_KEY in the environment."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("SECRET_KEY", "JWT_SECRET", "B2B_ENV", "DJANGO_SETTINGS_MODULE")}
    env.update(DATABASE_URL=DB, SECRET_KEY_FILE=str(key_file))
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'backend.settings'; "
            "django.setup(); from django.conf import settings; "
            "print(settings.SECRET_KEY); print(settings.JWT_SECRET)")
    started = [subprocess.Popen([sys.executable, "-c", code], cwd=REPO_ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(processes)]
    keys = []
    for process in started:
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, stderr
        secret, jwt_secret = stdout.split()
        keys.append((secret, jwt_secret))
    return keys


def test_development_makes_a_random_key_on_first_run_readable_by_the_owner_only(tmp_path):
    key_file = tmp_path / ".secret_key"

    [(secret, jwt_secret)] = _development_keys(key_file)

    assert key_file.read_text().strip() == secret == jwt_secret
    assert len(secret) >= 50
    assert secret != "dev-only-insecure-secret-key-do-not-use-in-production"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert _development_keys(key_file) == [(secret, secret)]  # kept for later runs


def test_every_checkout_gets_its_own_key_and_workers_starting_together_share_one(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()

    workers = _development_keys(tmp_path / "a" / ".secret_key", processes=4)
    other = _development_keys(tmp_path / "b" / ".secret_key")

    assert len(set(workers)) == 1
    assert other[0] != workers[0]
    assert [p.name for p in (tmp_path / "a").iterdir()] == [".secret_key"]  # no drafts left


def test_the_key_file_is_git_ignored():
    ignored = subprocess.run(["git", "check-ignore", "-q", ".secret_key"], cwd=REPO_ROOT)
    assert ignored.returncode == 0
