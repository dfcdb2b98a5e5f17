"""Build the request's ``Viewer`` from ``Authorization: Bearer <jwt>`` and
``X-Organization: <organization global id or numeric id>``."""

from __future__ import annotations

from django.conf import settings
from graphql_relay import from_global_id

from backend.core.errors import DomainValidationError
from backend.core.viewer import ANONYMOUS, Viewer, ViewerError

from .models import Membership, OrganizationStatus, StaffAssignment, User
from .tokens import AccessClaims, access_token_claims, active_user, check_not_revoked


def _bearer(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() not in ("bearer", "jwt") or not token.strip():
        raise ViewerError("The Authorization header must be 'Bearer <access token>'.",
                          "INVALID_TOKEN")
    return token.strip()


def _organization_pk(raw: str) -> int | None:
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    try:
        type_name, pk = from_global_id(raw)
        if type_name == "Organization" and pk.isdigit():
            return int(pk)
    except (ValueError, UnicodeDecodeError):
        pass
    return None


def _user_and_memberships(claims: AccessClaims) -> tuple[User, list[Membership]]:
    """The active user of a token that was not revoked, and their active memberships, in
    one query when they have any (the user comes joined to the memberships; every request
    pays for this, and the revocation check reads the same row)."""
    user_id = claims.user_id
    memberships = list(
        Membership.objects.select_related("user", "organization", "custom_role")
        .filter(user_id=user_id, is_active=True,
                organization__status=OrganizationStatus.ACTIVE)
        .order_by("organization__path")
    )
    if not memberships:
        user = active_user(User.objects.filter(pk=user_id).first())
        return check_not_revoked(user, claims), []
    user = check_not_revoked(active_user(memberships[0].user), claims)
    for membership in memberships:
        membership.user = user
    return user, memberships


def viewer_from_request(request) -> Viewer:
    """The viewer of ``request`` (``settings.VIEWER_FACTORY``): anonymous without a token;
    raises ``ViewerError`` for a bad token or an organization the user is no member of."""
    token = _bearer(request)
    if token is None:
        if request.META.get(settings.ORGANIZATION_HEADER):
            raise ViewerError("Sign in before choosing an organization.",
                              "AUTHENTICATION_REQUIRED")
        return ANONYMOUS
    try:
        claims = access_token_claims(token)
    except DomainValidationError as exc:
        detail = exc.errors[0]
        raise ViewerError(detail.message, detail.code_value)
    raw_org = request.META.get(settings.ORGANIZATION_HEADER, "")
    return viewer_for_claims(claims, _organization_pk(raw_org) if raw_org else None,
                             organization_chosen=bool(raw_org))


def viewer_for_claims(claims: AccessClaims, organization_id: int | None, *,
                      organization_chosen: bool = True) -> Viewer:
    """The viewer a valid access token's ``claims`` make, acting for ``organization_id``
    (checked against the user's active memberships as the header is; without a choice, a
    user of one organization acts for it). Also what a signed download link carries, so
    the link works only while the token it stands for would."""
    try:
        user, memberships = _user_and_memberships(claims)
    except DomainValidationError as exc:
        detail = exc.errors[0]
        raise ViewerError(detail.message, detail.code_value)
    membership = None
    if organization_chosen:
        membership = next((m for m in memberships if m.organization_id == organization_id),
                          None)
        if membership is None:
            raise ViewerError(
                "You are not an active member of the organization in the X-Organization "
                "header. Choose one of your organizations (see me.memberships).",
                "ORGANIZATION_ACCESS_DENIED",
                status=403,
            )
    elif len(memberships) == 1:
        membership = memberships[0]
    assigned_paths: tuple[str, ...] = ()
    if user.is_staff:
        assigned_paths = tuple(StaffAssignment.objects.filter(user=user).values_list(
            "organization__path", flat=True))
    return Viewer(
        user=user,
        organization=membership.organization if membership else None,
        membership=membership,
        staff_permissions=user.granted_staff_permissions(),
        assigned_paths=assigned_paths,
    )
