"""Users, organizations (legal entities in a tree), memberships and refresh tokens."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from backend.core.models import PortalModel
from backend.core.permissions import BUILTIN_ROLE_PERMS, OrgPerm, Perm
from backend.core.tree import TreeNode


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("users need an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        fields.setdefault("staff_permissions", [p.value for p in Perm])
        return self._create(email, password, **fields)


class User(PortalModel, AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    language = models.CharField(max_length=2, choices=[("ru", "Русский"), ("en", "English")],
                                default="ru")
    is_staff = models.BooleanField(default=False, help_text="Manufacturer employee.")
    is_active = models.BooleanField(default=True)
    staff_permissions = ArrayField(
        models.CharField(max_length=32, choices=[(p.value, p.label) for p in Perm]),
        default=list, blank=True,
    )
    date_joined = models.DateTimeField(default=timezone.now)
    token_version = models.PositiveIntegerField(
        default=0, editable=False,
        help_text="Raised by a sign-out: access tokens carrying an older version stop working.")

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def granted_staff_permissions(self) -> frozenset[Perm]:
        if not (self.is_staff and self.is_active):
            return frozenset()
        if self.is_superuser:
            return frozenset(Perm)
        return frozenset(Perm(p) for p in self.staff_permissions if p in Perm._value2member_map_)


class OrganizationKind(models.TextChoices):
    MANUFACTURER = "MANUFACTURER", "Manufacturer"
    DISTRIBUTOR = "DISTRIBUTOR", "Distributor"
    DEALER = "DEALER", "Dealer"
    SUB_DEALER = "SUB_DEALER", "Sub-dealer"
    END_CLIENT = "END_CLIENT", "End client"


class OrganizationStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    ACTIVE = "ACTIVE", "Active"
    SUSPENDED = "SUSPENDED", "Suspended"


class Organization(TreeNode):
    """A legal entity. ``parent`` is the organization it buys from."""

    name = models.CharField(max_length=255)
    legal_name = models.CharField(max_length=255)
    inn = models.CharField("INN", max_length=12, db_index=True)
    kpp = models.CharField("KPP", max_length=9, blank=True)
    address = models.TextField(blank=True)
    country = models.CharField(max_length=2, default="RU")
    region = models.CharField(max_length=100, blank=True, db_index=True)
    currency = models.CharField(max_length=3, default="RUB")
    status = models.CharField(max_length=16, choices=OrganizationStatus.choices,
                              default=OrganizationStatus.ACTIVE)
    kind = models.CharField(max_length=16, choices=OrganizationKind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]
        indexes = [
            models.Index(fields=["path"], name="org_path_prefix_idx",
                         opclasses=["varchar_pattern_ops"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["inn", "kpp"], name="org_inn_kpp_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "ADMIN", "Admin"
    BUYER = "BUYER", "Buyer"
    APPROVER = "APPROVER", "Approver"
    ACCOUNTANT = "ACCOUNTANT", "Accountant"
    VIEWER = "VIEWER", "Viewer"


class CustomRole(PortalModel):
    """A role an organization's admin composed from ``OrgPerm`` permissions."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="custom_roles")
    name = models.CharField(max_length=100)
    permissions = ArrayField(
        models.CharField(max_length=32, choices=[(p.value, p.label) for p in OrgPerm]),
        default=list,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization_id", "name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"],
                                               name="custom_role_org_name_unique")]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"


class Membership(PortalModel):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.BUYER)
    custom_role = models.ForeignKey(CustomRole, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="memberships",
                                    help_text="Replaces the built-in role's permissions.")
    spending_limit = models.DecimalField(max_digits=14, decimal_places=2, null=True,
                                         blank=True, help_text="Per order, in the "
                                         "organization's currency; empty: no limit.")
    is_active = models.BooleanField(default=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization__path", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"],
                                    name="membership_user_org_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"

    def permissions(self) -> frozenset[OrgPerm]:
        """What the member may do in its organization: nothing once deactivated, else its
        custom role's permissions, else its built-in role's."""
        return self.permissions_given(
            self.custom_role.permissions if self.custom_role_id is not None else ())

    def permissions_given(self, custom_role_codes: Iterable[str]) -> frozenset[OrgPerm]:
        """``permissions()`` with the custom role's codes read apart (by a loader, for a
        page of members); the codes are ignored without a custom role."""
        if not self.is_active:
            return frozenset()
        if self.custom_role_id is not None:
            return frozenset(OrgPerm(p) for p in custom_role_codes
                             if p in OrgPerm._value2member_map_)
        return BUILTIN_ROLE_PERMS.get(self.role, frozenset())


class InvitationStatus(models.TextChoices):
    PENDING = "PENDING", "Pending"
    ACCEPTED = "ACCEPTED", "Accepted"
    REVOKED = "REVOKED", "Revoked"
    EXPIRED = "EXPIRED", "Expired"


class Invitation(PortalModel):
    """An e-mailed link to join an organization. Only a hash of the token is stored."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.BUYER)
    custom_role = models.ForeignKey(CustomRole, null=True, blank=True, on_delete=models.SET_NULL)
    spending_limit = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "email"], name="invitation_org_email")]

    def __str__(self) -> str:
        return f"{self.email} -> {self.organization}"

    # An invitation's status, the first rule that holds: (status, column, test), where
    # "set" means the column has a value and "passed" that its time is not after now.
    # Both the Python status and the SQL one are read from this table.
    STATUS_RULES = (
        (InvitationStatus.ACCEPTED, "accepted_at", "set"),
        (InvitationStatus.REVOKED, "revoked_at", "set"),
        (InvitationStatus.EXPIRED, "expires_at", "passed"),
    )

    def status_at(self, now) -> InvitationStatus:
        for status, column, test in self.STATUS_RULES:
            value = getattr(self, column)
            if value is not None and (test == "set" or value <= now):
                return status
        return InvitationStatus.PENDING

    @classmethod
    def status_expression(cls, now) -> Case:
        """``status_at(now)`` in SQL, for annotating and filtering a queryset."""
        return Case(
            *[When(Q(**{f"{column}__isnull": False} if test == "set"
                      else {f"{column}__lte": now}), then=Value(status.value))
              for status, column, test in cls.STATUS_RULES],
            default=Value(InvitationStatus.PENDING.value),
            output_field=models.CharField(),
        )


class AuditEvent(PortalModel):
    """Who changed which membership, role or organization, and when. Append-only."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="audit_events")
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    action = models.CharField(max_length=64)
    target_type = models.CharField(max_length=64)
    target_id = models.BigIntegerField(null=True, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organization", "-created_at"],
                                name="audit_org_created")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}"


class RefreshToken(PortalModel):
    """One issued refresh token. Rotation marks it used; reusing a used token revokes its
    whole family (everything issued from the same sign-in), as it signals a stolen token."""

    jti = models.UUIDField(unique=True, default=uuid.uuid4)
    family = models.UUIDField(default=uuid.uuid4, db_index=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="refresh_tokens")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "expires_at"], name="refresh_user_exp_idx")]

    def __str__(self) -> str:
        return f"refresh token {self.jti} of user {self.user_id}"


class StaffAssignment(PortalModel):
    """A regional manager (staff without VIEW_ALL) sees the organizations assigned to them
    and everything below those."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments",
                             limit_choices_to={"is_staff": True})
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="staff_assignments")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organization"],
                                               name="staff_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} -> {self.organization}"
