"""Short-lived links that carry their viewer: a download a browser opens without the API's
bearer token (price workbooks, the order list's and the receivables' workbooks, statements).

``sign_link`` writes who asks (user, token version, active organization) and what (the
link's own claims) into a signed token valid for ``ttl`` seconds; ``open_link`` rebuilds
the same viewer as the token would make (a sign-out or a lost membership stops the link at
once) and hands it, with the claims, to the download's ``read``. Every refusal is a
``LinkRefused`` answered as JSON with its code: LINK_EXPIRED, INVALID_LINK (forged, or
claims that do not read), or the viewer's own (ACCOUNT_DISABLED...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.core import signing
from django.http import JsonResponse
from django.utils import timezone

from backend.core.viewer import Viewer, ViewerError

from .models import User
from .tokens import AccessClaims
from .viewer import viewer_for_claims

T = TypeVar("T")


@dataclass(frozen=True)
class DownloadLink:
    url: str
    expires_at: datetime


class LinkRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def response(self) -> JsonResponse:
        return refused(self.status, self.code, self.message)


def refused(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"message": message, "extensions": {"code": code}}]},
                        status=status)


def sign_link(viewer: Viewer, *, salt: str, path: str, ttl: int,
              claims: dict[str, Any]) -> DownloadLink:
    """``path`` followed by the signed token and a slash."""
    user = viewer.user
    assert isinstance(user, User)
    organization = viewer.organization
    token = signing.dumps({
        "u": user.pk, "v": user.token_version,
        "o": organization.pk if organization is not None else None, **claims,
    }, salt=salt, compress=True)
    return DownloadLink(url=f"{path}{token}/",
                        expires_at=timezone.now() + timedelta(seconds=ttl))


def open_link(token: str, *, salt: str, max_age: int,
              read: Callable[[Viewer, dict[str, Any]], T]) -> T:
    """``read(viewer, claims)`` of a link's token; a claim ``read`` cannot read (a
    ``KeyError``, ``TypeError`` or ``ValueError``) makes the link invalid. Raises
    ``LinkRefused``; other errors of ``read`` pass through."""
    try:
        claims = signing.loads(token, salt=salt, max_age=max_age)
        viewer = viewer_for_claims(AccessClaims(int(claims["u"]), int(claims["v"])),
                                   claims["o"], organization_chosen=claims["o"] is not None)
        return read(viewer, claims)
    except signing.SignatureExpired:
        raise LinkRefused(403, "LINK_EXPIRED",
                          "The download link has expired; ask for a new one.") from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise LinkRefused(403, "INVALID_LINK", "The download link is not valid.") from None
    except ViewerError as error:
        raise LinkRefused(403, error.code, str(error)) from None
