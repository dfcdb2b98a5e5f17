"""Members of an organization: invitations, roles, spending limits, deactivation.

Every change is recorded in the audit trail. An organization always keeps at least one
active member who may manage members (an admin): changes that can take one away lock the
organization first (``locks.py``). What a member may grant is decided in ``grants.py``;
the ``granter`` argument is the acting member's membership (``None``: the system or staff,
unrestricted).
"""

from __future__ import annotations

import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.mail import send_email_after_commit
from backend.core.permissions import OrgPerm
from backend.core.text import normalize_name

from .. import audit, throttle
from ..errors import AccountErrorCode
from ..grants import UNSET, Grant, check_grant, is_builtin_admin, role_permissions
from ..locks import lock_organization
from ..models import (
    CustomRole,
    Invitation,
    InvitationStatus,
    Membership,
    Organization,
    Role,
    User,
)
from ..tokens import TokenPair, issue_tokens

__all__ = ["UNSET", "accept_invitation", "deactivate_membership", "delete_custom_role",
           "invite_member", "revoke_invitation", "save_custom_role", "update_membership"]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_role(organization: Organization, role: str | None, custom_role: CustomRole | None,
                errors: ErrorCollector) -> None:
    if role is not None and role not in Role.values:
        errors.add(AccountErrorCode.INVALID_ROLE, f"Unknown role '{role}'.", "role")
    if custom_role is not None and custom_role.organization_id != organization.pk:
        errors.add(AccountErrorCode.INVALID_ROLE,
                   "This custom role belongs to another organization.", "custom_role")


def _check_limit(limit: Decimal | None, errors: ErrorCollector) -> None:
    if limit is not None and (limit < 0 or limit.as_tuple().exponent < -2):  # type: ignore[operator]
        errors.add(AccountErrorCode.INVALID_SPENDING_LIMIT,
                   "A spending limit is zero or more, with at most 2 decimal places.",
                   "spending_limit")


def invite_member(organization: Organization, email: str, *, role: str = Role.BUYER,
                  custom_role: CustomRole | None = None,
                  spending_limit: Decimal | None = None,
                  invited_by: User | None = None,
                  granter: Membership | None = None) -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link (after commit). Returns it and the token,
    which is stored only as a hash. A pending invitation to the same address is replaced.
    ``granter`` may invite only with a role it could grant (``grants.py``)."""
    email = (email or "").strip().lower()
    errors = ErrorCollector()
    try:
        validate_email(email)
    except ValidationError:
        errors.add(AccountErrorCode.INVALID_EMAIL, "Enter a valid e-mail address.", "email")
    _check_role(organization, role, custom_role, errors)
    _check_limit(spending_limit, errors)
    check_grant(granter, Grant(permissions=role_permissions(role, custom_role),
                               makes_admin=is_builtin_admin(role, custom_role),
                               spending_limit=spending_limit), errors)
    if email and Membership.objects.filter(organization=organization, user__email=email,
                                           is_active=True).exists():
        errors.add(AccountErrorCode.ALREADY_MEMBER,
                   f"{email} is already a member of {organization.name}.", "email")
    errors.raise_if_any()
    now = timezone.now()
    Invitation.objects.filter(organization=organization, email=email, accepted_at=None,
                              revoked_at=None).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organization=organization, email=email, role=role, custom_role=custom_role,
        spending_limit=spending_limit, token_hash=_hash(token), invited_by=invited_by,
        expires_at=now + settings.INVITATION_TTL,
    )
    audit.record(organization, invited_by, "invitation.created", invitation, email=email,
                 role=custom_role.name if custom_role else role)
    link = f"{settings.PORTAL_URL.rstrip('/')}/invitation/{token}"
    inviter = invited_by.full_name or invited_by.email if invited_by else organization.name
    send_email_after_commit(
        [email],
        f"Приглашение в {organization.name} / Invitation to {organization.name}",
        f"{inviter} приглашает вас в {organization.name} на портале заказов.\n"
        f"{inviter} invites you to {organization.name} on the ordering portal.\n\n"
        f"{link}\n\n"
        f"Ссылка действует до / The link works until "
        f"{timezone.localtime(invitation.expires_at):%Y-%m-%d %H:%M}.",
    )
    return invitation, token


def revoke_invitation(invitation: Invitation, actor: User | None) -> Invitation:
    if invitation.status_at(timezone.now()) != InvitationStatus.PENDING:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_INVITATION, "Only a pending invitation can be revoked.",
            "id")
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(invitation.organization, actor, "invitation.revoked", invitation,
                 email=invitation.email)
    return invitation


def accept_invitation(token: str, password: str, *, first_name: str = "",
                      last_name: str = "", address: str = "unknown") -> TokenPair:
    """Join the organization: a new user sets a password; an existing user confirms theirs
    (under the password throttle, as a sign-in from ``address``)."""
    invitation = (Invitation.objects.select_for_update().select_related("organization")
                  .filter(token_hash=_hash(token or "")).first())
    if invitation is None:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_INVITATION, "This invitation link is not valid.", "token")
    status = invitation.status_at(timezone.now())
    problems = {
        InvitationStatus.ACCEPTED: (AccountErrorCode.INVITATION_USED,
                                    "This invitation was already accepted; sign in instead."),
        InvitationStatus.REVOKED: (AccountErrorCode.INVITATION_REVOKED,
                                   "This invitation was withdrawn; ask for a new one."),
        InvitationStatus.EXPIRED: (AccountErrorCode.INVITATION_EXPIRED,
                                   "This invitation has expired; ask for a new one."),
    }
    if status in problems:
        code, message = problems[status]
        raise DomainValidationError.single(code, message, "token")
    user = User.objects.filter(email=invitation.email).first()
    if user is None:
        errors = ErrorCollector()
        try:
            validate_password(password, User(email=invitation.email))
        except ValidationError as exc:
            errors.add(AccountErrorCode.WEAK_PASSWORD, " ".join(exc.messages), "password")
        for value, field in ((first_name, "first_name"), (last_name, "last_name")):
            errors.check_name(value, field, User._meta.get_field(field).max_length)
        errors.raise_if_any()
        user = User.objects.create_user(email=invitation.email, password=password,
                                        first_name=normalize_name(first_name or ""),
                                        last_name=normalize_name(last_name or ""))
    else:
        _confirm_password(user, password, address)
    membership, created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization,
        defaults={"role": invitation.role, "custom_role": invitation.custom_role,
                  "spending_limit": invitation.spending_limit})
    if not created:
        if membership.is_active:
            raise DomainValidationError.single(
                AccountErrorCode.ALREADY_MEMBER, "You are already a member.", "token")
        membership.role, membership.custom_role = invitation.role, invitation.custom_role
        membership.spending_limit = invitation.spending_limit
        membership.is_active, membership.deactivated_at = True, None
        membership.save()
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(invitation.organization, user, "invitation.accepted", membership,
                 email=user.email)
    return issue_tokens(user)


def _confirm_password(user: User, password: str, address: str) -> None:
    try:
        right = throttle.check_password(user, password, address)
    except throttle.LoginThrottled as exc:
        raise DomainValidationError.single(AccountErrorCode.LOGIN_THROTTLED, str(exc),
                                           "password", retry_after=exc.retry_after)
    if not right:  # committed (nothing else is written yet): the throttle keeps the count
        raise DomainValidationError(ErrorDetail(
            AccountErrorCode.INVALID_CREDENTIALS,
            "You already have an account: enter its password to accept.", "password"),
            commit=True)


def _is_admin(permissions: frozenset[OrgPerm]) -> bool:
    return OrgPerm.MANAGE_MEMBERS in permissions


def _has_another_admin(membership: Membership) -> bool:
    """Whether another active member of the organization may manage members (read after
    ``lock_organization``, so no concurrent change can take that one away meanwhile)."""
    others = (Membership.objects.select_related("custom_role")
              .filter(organization_id=membership.organization_id, is_active=True)
              .exclude(pk=membership.pk))
    return any(_is_admin(m.permissions()) for m in others)


def _check_keeps_an_admin(membership: Membership, errors: ErrorCollector) -> None:
    if not _has_another_admin(membership):
        errors.add(AccountErrorCode.LAST_ADMIN,
                   "This is the organization's last admin: make someone else admin first.",
                   "id")


def _locked(membership: Membership, granter: Membership | None
            ) -> tuple[Membership, Membership | None]:
    """Lock the organization, then read the member and the granter again: what a
    concurrent change committed meanwhile counts."""
    lock_organization(membership.organization_id)
    membership.refresh_from_db()
    if granter is not None:
        granter = Membership.objects.select_related("custom_role").get(pk=granter.pk)
    return membership, granter


def update_membership(membership: Membership, actor: User | None, *,
                      role: str = UNSET, custom_role: CustomRole | None = UNSET,
                      spending_limit: Decimal | None = UNSET,
                      granter: Membership | None = None) -> Membership:
    """Change a member's role, custom role or spending limit, as ``granter`` may; a
    field left ``UNSET`` stays as it is (``None`` clears the custom role or the limit)."""
    membership, granter = _locked(membership, granter)
    errors = ErrorCollector()
    _check_role(membership.organization,
                None if role is UNSET else role,
                None if custom_role is UNSET else custom_role, errors)
    if spending_limit is not UNSET:
        _check_limit(spending_limit, errors)
    new_role = membership.role if role is UNSET or role is None else role
    new_custom_role = (custom_role if custom_role is not UNSET
                       else None if role is not UNSET and role is not None
                       else membership.custom_role)
    check_grant(granter, Grant(
        permissions=role_permissions(new_role, new_custom_role),
        replaces=role_permissions(membership.role, membership.custom_role),
        makes_admin=(is_builtin_admin(new_role, new_custom_role)
                     and not is_builtin_admin(membership.role, membership.custom_role)),
        spending_limit=spending_limit,
        own=granter is not None and granter.pk == membership.pk), errors)
    before = {"role": membership.role, "custom_role": membership.custom_role_id,
              "spending_limit": membership.spending_limit}
    was_admin = _is_admin(membership.permissions())
    membership.role, membership.custom_role = new_role, new_custom_role
    if spending_limit is not UNSET:
        membership.spending_limit = spending_limit
    if was_admin and not _is_admin(membership.permissions()):
        _check_keeps_an_admin(membership, errors)
    errors.raise_if_any()
    membership.save()
    after = {"role": membership.role, "custom_role": membership.custom_role_id,
             "spending_limit": membership.spending_limit}
    changed = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if changed:
        audit.record(membership.organization, actor, "membership.updated", membership,
                     user=membership.user.email, **changed)
    return membership


def deactivate_membership(membership: Membership, actor: User | None, *,
                          granter: Membership | None = None) -> Membership:
    """The member loses access to the organization; their history stays. ``granter``
    may deactivate only members whose permissions it holds."""
    membership, granter = _locked(membership, granter)
    if not membership.is_active:
        return membership
    errors = ErrorCollector()
    check_grant(granter, Grant(
        permissions=frozenset(),
        replaces=role_permissions(membership.role, membership.custom_role), field="id"),
        errors)
    if _is_admin(membership.permissions()):
        _check_keeps_an_admin(membership, errors)
    errors.raise_if_any()
    membership.is_active = False
    membership.deactivated_at = timezone.now()
    membership.save(update_fields=["is_active", "deactivated_at"])
    audit.record(membership.organization, actor, "membership.deactivated", membership,
                 user=membership.user.email)
    return membership


def save_custom_role(organization: Organization, role: CustomRole | None, actor: User | None,
                     *, name: str | None = None, permissions: list[str] | None = None,
                     granter: Membership | None = None) -> CustomRole:
    """Create (``role`` None) or change a custom role; ``granter`` may put in it only
    permissions it holds, and not change a role it holds itself."""
    creating = role is None
    if not creating:
        lock_organization(organization.pk)
        role.refresh_from_db()
        if granter is not None:
            granter = Membership.objects.select_related("custom_role").get(pk=granter.pk)
    role = role or CustomRole(organization=organization)
    errors = ErrorCollector()
    name = None if name is None else normalize_name(name)
    if not name and (creating or name is not None):
        errors.add(AccountErrorCode.REQUIRED, "Name the role.", "name")
    elif name is not None:
        errors.check_name(name, "name", CustomRole._meta.get_field("name").max_length)
        if not errors.errors and CustomRole.objects.filter(
                organization=organization, name__iexact=name).exclude(pk=role.pk).exists():
            errors.add(AccountErrorCode.DUPLICATE_ROLE, f"A role named '{name}' exists.",
                       "name")
    if permissions is not None:
        unknown = sorted(set(permissions) - set(OrgPerm._value2member_map_))
        if unknown:
            errors.add(AccountErrorCode.UNKNOWN_PERMISSION,
                       f"Unknown permissions: {', '.join(unknown)}.", "permissions")
        else:
            check_grant(granter, Grant(
                permissions=frozenset(OrgPerm(p) for p in permissions),
                replaces=frozenset() if creating else role_permissions(None, role),
                own=not creating and granter is not None and granter.custom_role_id == role.pk,
                field="permissions"), errors)
    elif creating:
        errors.add(AccountErrorCode.REQUIRED, "Choose the role's permissions.", "permissions")
    errors.raise_if_any()
    before = sorted(role.permissions or [])
    if name is not None:
        role.name = name
    if permissions is not None:
        role.permissions = sorted(set(permissions))
    removes_admin = (not creating and OrgPerm.MANAGE_MEMBERS in before
                      and OrgPerm.MANAGE_MEMBERS not in role.permissions)
    if removes_admin and role.memberships.filter(is_active=True).exists():
        _ensure_admin_outside_role(role)
    role.save()
    audit.record(organization, actor, "role.created" if creating else "role.updated", role,
                 name=role.name, permissions=role.permissions)
    return role


def _ensure_admin_outside_role(role: CustomRole) -> None:
    others = (Membership.objects.select_related("custom_role")
              .filter(organization_id=role.organization_id, is_active=True)
              .exclude(custom_role=role))
    if not any(_is_admin(m.permissions()) for m in others):
        raise DomainValidationError.single(
            AccountErrorCode.LAST_ADMIN,
            "Without MANAGE_MEMBERS this role would leave the organization with no admin.",
            "permissions")


def delete_custom_role(role: CustomRole, actor: User | None) -> None:
    if role.memberships.filter(is_active=True).exists():
        raise DomainValidationError.single(
            AccountErrorCode.ROLE_IN_USE,
            "Members still have this role: give them another role first.", "id")
    audit.record(role.organization, actor, "role.deleted", role, name=role.name)
    role.memberships.update(custom_role=None)
    role.delete()
