"""What a member may give others: the one rule for every way rights are handed out
(changing a member's role or spending limit, inviting someone, composing a custom role).

- Nobody changes their own role, permissions or spending limit (their membership, or a
  custom role they hold).
- Only an admin (the built-in ADMIN role) makes someone an admin.
- A member grants only permissions it holds itself, and changes only members and roles
  whose permissions it holds (a member who may manage members cannot demote an admin who
  may do more).
- A member with a spending limit grants limits up to its own, never "no limit".

The granter is the acting member's membership of the organization concerned; ``None``
means the system or the manufacturer's staff acting through a service (creating a
sub-dealer with its first admin, approving a partner application), which these rules do
not restrict.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from backend.core.errors import ErrorCollector
from backend.core.permissions import BUILTIN_ROLE_PERMS, OrgPerm

from .errors import AccountErrorCode
from .models import CustomRole, Membership, Role

UNSET: Any = object()


def is_builtin_admin(role: str | None, custom_role: CustomRole | None) -> bool:
    return custom_role is None and role == Role.ADMIN


def role_permissions(role: str | None, custom_role: CustomRole | None) -> frozenset[OrgPerm]:
    """What a built-in role, or a custom role (which overrides it), lets its holder do."""
    if custom_role is not None:
        return frozenset(OrgPerm(p) for p in custom_role.permissions
                         if p in OrgPerm._value2member_map_)
    return BUILTIN_ROLE_PERMS.get(role or "", frozenset())


@dataclass(frozen=True)
class Grant:
    """Rights handed to someone."""

    permissions: frozenset[OrgPerm]
    """What the grantee may do afterwards."""
    replaces: frozenset[OrgPerm] = frozenset()
    """What the grantee (a member, or the holders of a role) may do now."""
    makes_admin: bool = False
    """The grantee gets the built-in ADMIN role."""
    spending_limit: Any = UNSET
    """The grantee's new spending limit (``None``: no limit), if it changes."""
    own: bool = False
    """The granter's own membership, or a custom role the granter holds."""
    field: str = "role"


def _names(permissions: frozenset[OrgPerm]) -> str:
    return ", ".join(sorted(p.value for p in permissions))


def check_grant(granter: Membership | None, grant: Grant, errors: ErrorCollector) -> None:
    """Add to ``errors`` every reason why ``granter`` may not hand out ``grant``."""
    if granter is None:
        return
    if grant.own:
        errors.add(AccountErrorCode.CANNOT_CHANGE_OWN_ROLE,
                   "You cannot change your own role, permissions or spending limit: ask "
                   "another admin.", grant.field)
        return
    if grant.makes_admin and not is_builtin_admin(granter.role, granter.custom_role):
        errors.add(AccountErrorCode.CANNOT_GRANT,
                   "Only an admin can make someone an admin.", grant.field)
        return
    held = granter.permissions()
    if grant.replaces - held:
        errors.add(AccountErrorCode.CANNOT_GRANT,
                   "You cannot change someone who may do more than you: they have "
                   f"permissions you do not ({_names(grant.replaces - held)}).", grant.field)
    elif grant.permissions - held:
        errors.add(AccountErrorCode.CANNOT_GRANT,
                   "You can grant only permissions you have yourself; you do not have "
                   f"{_names(grant.permissions - held)}.", grant.field)
    _check_limit(granter.spending_limit, grant.spending_limit, errors)


def _check_limit(own: Decimal | None, given: Any, errors: ErrorCollector) -> None:
    if given is UNSET or own is None:
        return
    if given is None:
        errors.add(AccountErrorCode.CANNOT_GRANT,
                   f"Your own spending limit is {own}: set a limit of at most {own}, not "
                   "unlimited spending.", "spending_limit")
    elif given > own:
        errors.add(AccountErrorCode.CANNOT_GRANT,
                   f"You cannot grant a spending limit above your own ({own}).",
                   "spending_limit")
