"""Request id (taken from ``X-Request-ID`` or made up, logged and echoed back) and the
Content-Security-Policy of every answer."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import time
import uuid
from urllib.parse import urlsplit

from .logging import request_id_var

logger = logging.getLogger("backend.request")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if not request.path.startswith("/health/"):
                logger.info(
                    "request",
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            request_id_var.reset(token)


def client_ip(request) -> str:
    """The client's address: from X-Forwarded-For when ``TRUSTED_PROXY_COUNT`` proxies
    are in front (only the entries they appended are trusted), else the socket's."""
    from django.conf import settings

    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


# The built storefront (index.html, its hashed /assets/ files, media): scripts, styles and
# pictures of its own origin only; no inline script or style element, no plugins, never
# framed. React sets `style` through the DOM (not inline markup), which CSP allows.
STOREFRONT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The JSON answers of /graphql/ load nothing.
API_POLICY = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
# graphene-django's GraphiQL page (development): its React, GraphiQL and explorer bundles
# and stylesheets from jsDelivr (pinned with SRI), GraphiQL's fonts (its CSS imports Google
# Fonts), its own graphiql.js from /static/, the page's inline settings script and style
# element by hash (computed from the answer), the editor's style attributes, and requests
# to this origin.
GRAPHIQL_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'", "https://cdn.jsdelivr.net"],
    "style-src": ["'self'", "https://cdn.jsdelivr.net", "https://fonts.googleapis.com"],
    "style-src-attr": ["'unsafe-inline'"],
    "font-src": ["https://fonts.gstatic.com", "data:"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}
# Django's admin has its own inline scripts and styles; it is staff-only and not covered.
UNCOVERED_PREFIXES = ("/admin/",)
_INLINE = {
    "script-src": re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S),
    "style-src": re.compile(rb"<style[^>]*>(.*?)</style>", re.S),
}


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def _header(policy: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def _sha256(text: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text).digest()).decode() + "'"


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def storefront_policy(media_url: str) -> str:
    """The storefront's policy; pictures may also come from MEDIA_URL's origin (a CDN)."""
    policy = {name: list(sources) for name, sources in STOREFRONT_POLICY.items()}
    origin = _origin(media_url)
    if origin:
        policy["img-src"].append(origin)
    return _header(policy)


def graphiql_policy(html: bytes) -> str:
    """GraphiQL's policy, allowing exactly the inline script and style elements in ``html``."""
    policy = {name: list(sources) for name, sources in GRAPHIQL_POLICY.items()}
    for directive, pattern in _INLINE.items():
        policy[directive] += [_sha256(body) for body in pattern.findall(html)]
    return _header(policy)


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy on every answer but the admin's: the storefront's, the
    API's (JSON) or GraphiQL's (HTML at /graphql/). Placed before WhiteNoise, so the files
    it serves (index.html at the site root) get it too."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.storefront = storefront_policy(settings.MEDIA_URL)
        self.api = _header(API_POLICY)
        self.debug = settings.DEBUG

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response or request.path.startswith(UNCOVERED_PREFIXES):
            return response
        if self.debug and response.status_code >= 400 and _is_html(response):
            return response  # Django's debug pages style themselves inline (development only)
        if request.path.startswith("/graphql/"):
            response["Content-Security-Policy"] = (
                graphiql_policy(response.content)
                if _is_html(response) and not response.streaming else self.api)
        else:
            response["Content-Security-Policy"] = self.storefront
        return response
