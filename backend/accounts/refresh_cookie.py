"""The refresh token in an httpOnly cookie, for the browser app.

Script on the page (an XSS) cannot read an httpOnly cookie, so the 30-day refresh token
cannot be carried off; ``tokenCreate``, ``tokenRefresh`` and ``invitationAccept`` set it,
``tokenRefresh`` and ``tokensRevoke`` read it when no ``refreshToken`` argument is given, and
``tokensRevoke`` clears it. API clients keep passing the token as an argument.

The cookie makes ``/graphql/`` (CSRF-exempt: it is a JSON API) cookie-authenticated for these
two mutations, so a forged cross-site request must not be able to use it:

- ``SameSite=Strict``: browsers do not send it on requests started by another site;
- it is read only from a ``POST`` with ``Content-Type: application/json``. An HTML form
  cannot send that type, and a script on another origin (a sibling subdomain counts as the
  same *site*, so SameSite alone does not cover it) can send it only after a CORS preflight,
  which this API never grants. GET and form or multipart posts never read the cookie.

The cookie's path is the GraphQL endpoint's, so no other address ever receives it.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from backend.core.graphql.view import on_response


def set_refresh_cookie(request: HttpRequest, token: str) -> None:
    """The response carries ``token`` in the refresh cookie."""
    on_response(request, "refresh-cookie", lambda response: _set(response, token))


def clear_refresh_cookie(request: HttpRequest) -> None:
    """The response removes the refresh cookie."""
    on_response(request, "refresh-cookie", _clear)


def refresh_token_from_cookie(request: HttpRequest) -> str | None:
    """The refresh cookie's token, only from a JSON POST (see the module's note on CSRF)."""
    if request.method != "POST" or request.content_type != "application/json":
        return None
    return request.COOKIES.get(settings.REFRESH_COOKIE_NAME) or None


def _set(response: HttpResponse, token: str) -> None:
    response.set_cookie(
        settings.REFRESH_COOKIE_NAME, token,
        max_age=int(settings.JWT_REFRESH_TTL.total_seconds()),
        path=settings.REFRESH_COOKIE_PATH, secure=settings.REFRESH_COOKIE_SECURE,
        httponly=True, samesite="Strict",
    )


def _clear(response: HttpResponse) -> None:
    response.delete_cookie(settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH,
                           samesite="Strict")
