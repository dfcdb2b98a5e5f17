"""Content-Security-Policy on the storefront, the API and GraphiQL; HTTPS in production."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.test_storefront_serving import built_storefront  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: sources for name, *sources in
            (part.split() for part in header.split(";") if part.strip())}


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- the storefront ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/catalog/kraski", "/index.html", "/favicon.svg",
                                  "/assets/index-AbCd1234.js"])
def test_the_storefront_and_its_files_allow_only_their_own_origin(built_storefront, path):  # noqa: F811
    response = Client().get(path)

    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_pictures_from_a_media_cdn_are_allowed(built_storefront, settings):  # noqa: F811
    settings.MEDIA_URL = "https://media.example.com/portal/"

    response = Client().get("/")

    assert directives(response)["img-src"] == ["'self'", "data:", "https://media.example.com"]


# --- /graphql/ -----------------------------------------------------------------------------

def test_the_json_api_loads_nothing(db):
    response = Client().post("/graphql/", json.dumps({"query": "{ __typename }"}),
                             content_type="application/json")

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"


def test_a_refused_api_request_has_the_strict_policy_too(db):
    response = Client().post("/graphql/", "{}", content_type="application/json",
                             HTTP_AUTHORIZATION="Bearer not-a-token")

    assert response.status_code == 401
    assert directives(response)["default-src"] == ["'none'"]


def test_graphiql_may_load_exactly_its_assets_and_its_inline_script(db):
    response = Client().get("/graphql/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    html = response.content.decode()
    assert "graphiql.min.js" in html  # it is GraphiQL
    policy = directives(response)
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
    inline_styles = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
    assert len(inline_scripts) == 1 and len(inline_styles) == 1
    assert policy["script-src"] == ["'self'", "https://cdn.jsdelivr.net",
                                    sha256_source(inline_scripts[0])]
    assert policy["style-src"] == ["'self'", "https://cdn.jsdelivr.net",
                                   "https://fonts.googleapis.com",
                                   sha256_source(inline_styles[0])]
    assert policy["connect-src"] == ["'self'"]
    assert policy["default-src"] == ["'none'"]
    # Every external script and stylesheet of the page comes from an allowed origin.
    for url in re.findall(r'(?:src|href)="(https://[^"]+)"', html):
        assert url.startswith("https://cdn.jsdelivr.net/"), url


def test_django_debug_pages_keep_their_inline_styles_in_development(db, settings):
    settings.DEBUG = True

    response = Client().get("/media/no-such-picture.png")

    assert response.status_code == 404
    assert "Content-Security-Policy" not in response


def test_error_pages_have_the_policy_when_debug_is_off(db, settings):
    settings.DEBUG = False

    response = Client().get("/media/no-such-picture.png")

    assert response.status_code == 404
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_keeps_its_own_headers(db):
    response = Client().get("/admin/login/")

    assert "Content-Security-Policy" not in response


# --- production: HTTPS only, health probes over plain HTTP ---------------------------------

PROBE = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
plain, https = Client(), Client(HTTP_X_FORWARDED_PROTO="https")
live = plain.get("/health/live")
page = plain.get("/catalog")
secure = https.get("/health/live")
print(json.dumps({
    "hsts_seconds": settings.SECURE_HSTS_SECONDS,
    "subdomains": settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "live": live.status_code,
    "page": [page.status_code, page.get("Location")],
    "hsts": secure.get("Strict-Transport-Security"),
}))
"""


def run_production(**env) -> dict:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("SECURE_", "DJANGO_SETTINGS")) and k != "DEBUG"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**clean, "DJANGO_SETTINGS_MODULE": "backend.settings", "B2B_ENV": "production",
             "SECRET_KEY": "x" * 48, "DATABASE_URL": "postgresql://nobody@127.0.0.1:9/none",
             "ALLOWED_HOSTS": "testserver", "LOG_LEVEL": "CRITICAL", **env})
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_redirects_to_https_but_answers_health_probes_over_plain_http():
    result = run_production()

    assert result["live"] == 200
    assert result["page"] == [301, "https://testserver/catalog"]
    assert result["hsts_seconds"] == 365 * 24 * 3600
    assert result["hsts"] == "max-age=31536000; includeSubDomains"


def test_production_https_settings_come_from_the_environment():
    result = run_production(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="600",
                            SECURE_HSTS_INCLUDE_SUBDOMAINS="0")

    assert result["page"][0] != 301  # the page itself (200, or 503 while not built)
    assert result["hsts_seconds"] == 600 and result["subdomains"] is False
    assert result["hsts"] == "max-age=600"
