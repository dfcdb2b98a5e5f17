"""Who is asking: the ``Viewer`` travels down the GraphQL resolver tree.

Built once per request by the function named in ``settings.VIEWER_FACTORY`` (the
accounts app's, from the JWT and the ``X-Organization`` header); resolvers and visibility
functions read it instead of the raw request. The core knows users, organizations and
memberships only by the protocols below, so it imports no app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .permissions import OrgPerm, Perm


class ViewerError(Exception):
    """The request's credentials or organization header cannot be accepted: the endpoint
    answers ``status`` with ``code`` and runs nothing."""

    def __init__(self, message: str, code: str, status: int = 401):
        super().__init__(message)
        self.code = code
        self.status = status


class User(Protocol):
    """What the core reads of a signed-in user."""

    pk: Any
    is_staff: bool


class Organization(Protocol):
    """What the core reads of the organization the viewer acts for."""

    pk: Any
    path: str


class Membership(Protocol):
    """What the core reads of the viewer's membership in that organization."""

    role: str

    def permissions(self) -> frozenset[OrgPerm]: ...


@dataclass(frozen=True)
class Viewer:
    user: User | None = None
    organization: Organization | None = None
    membership: Membership | None = None
    staff_permissions: frozenset[Perm] = field(default_factory=frozenset)
    # Paths of the organizations a regional manager (staff) is assigned to.
    assigned_paths: tuple[str, ...] = ()

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None

    @property
    def is_staff(self) -> bool:
        return self.user is not None and self.user.is_staff

    @property
    def role(self) -> str | None:
        return self.membership.role if self.membership else None

    def has_perm(self, perm: Perm) -> bool:
        return self.is_staff and perm in self.staff_permissions

    def has_perms(self, perms: tuple[Perm, ...] | list[Perm]) -> bool:
        return all(self.has_perm(p) for p in perms)

    @property
    def org_permissions(self) -> frozenset[OrgPerm]:
        """What the viewer may do in the active organization."""
        return self.membership.permissions() if self.membership else frozenset()

    def can(self, perm: OrgPerm) -> bool:
        return perm in self.org_permissions


ANONYMOUS = Viewer()
