"""What every account mutation shares: its error type, and for those on members the acting
member and the rows of the active organization."""

from __future__ import annotations

import graphene

from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation

from ...errors import AccountErrorCode

AccountError = error_type(
    "AccountError", AccountErrorCode, "An error of an account operation.",
    retry_after=graphene.Int(description=(
        "LOGIN_THROTTLED, PASSWORD_RESET_THROTTLED: seconds until a new attempt.")),
)


class AccountMutation(BaseMutation):
    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": AccountError, "error_code_enum": AccountErrorCode}


def actor(info):
    return info.context.viewer.user


def granter(info):
    """The acting member's membership: what it may grant is decided in grants.py."""
    return info.context.viewer.membership


def own_row(info, type_, global_id, field="id"):
    """A row of the active organization (not a sub-dealer's): members are managed by
    their own organization's admins."""
    row = type_.get_visible(info, global_id, field)
    if row.organization_id != info.context.viewer.organization.pk:
        raise DomainValidationError.single(
            CoreErrorCode.PERMISSION_DENIED,
            "Only the organization's own admins manage its members.", field)
    return row
