"""The built storefront (``storefront/dist``) served by Django, so the demo is one URL.

WhiteNoise serves the files of the build (``WHITENOISE_ROOT``; hashed ``/assets/`` files with
a far-future cache). This view answers every other page address of the single-page app with
``index.html`` (never cached, so a new build is picked up at once); the app's router then
shows the page. Addresses of the API, the admin, static and media files, health probes and
missing assets are not the app's and never reach it (see ``urls.py``).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils.cache import add_never_cache_headers

# URL prefixes that belong to the backend: a path under one of them is never the app's page.
BACKEND_PREFIXES = ("graphql", "admin", "static", "media", "health", "assets", "downloads")

# Extensions of static files: a missing ``/favicon.ico`` is a 404, not the app. (Page paths
# may contain dots, e.g. a SKU like ``KR-INT-0015-0.9L``, so only these are excluded.)
FILE_EXTENSIONS = ("js", "mjs", "css", "map", "json", "txt", "xml", "ico", "png", "jpg", "jpeg",
                   "gif", "svg", "webp", "avif", "woff", "woff2", "ttf", "webmanifest")

# The catch-all route: anything not under a backend prefix and not a static file name.
PAGE_PATTERN = (
    r"^(?!(?:" + "|".join(BACKEND_PREFIXES) + r")(?:/|$))"
    r"(?!.*\.(?:" + "|".join(FILE_EXTENSIONS) + r")/?$).*$"
)

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Storefront not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto;">
<h1>The storefront is not built yet</h1>
<p>Build it with <code>make storefront-build</code> (or <code>npm ci &amp;&amp; npm run build</code>
in <code>storefront/</code>), then reload this page. <code>make run</code> builds it for you.</p>
<p>The API is up: <a href="/graphql/">/graphql/</a>.</p>
</body></html>
"""


def index_path() -> Path:
    return Path(settings.STOREFRONT_DIST) / "index.html"


def storefront_index(request: HttpRequest) -> HttpResponse:
    """The app's ``index.html`` for a client-side route; a short how-to when not built."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    try:
        html = index_path().read_bytes()
    except FileNotFoundError:
        response = HttpResponse(NOT_BUILT_PAGE, status=503, content_type="text/html; charset=utf-8")
    else:
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
    add_never_cache_headers(response)
    return response
