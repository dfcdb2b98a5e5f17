"""What every announcement mutation shares: its error type, and who may publish."""

from __future__ import annotations

from backend.core.errors import CoreErrorCode, ErrorDetail
from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation

from ...errors import AnnouncementErrorCode
from ...visibility import publishing_organization

AnnouncementError = error_type("AnnouncementError", AnnouncementErrorCode,
                               "An error of an announcement operation.")


class AnnouncementMutation(BaseMutation):
    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": AnnouncementError,
                     "error_code_enum": AnnouncementErrorCode}


class PublisherMutation(AnnouncementMutation):
    """Allowed to staff with MANAGE_CATALOG (for the manufacturer) and, in a dealer or
    distributor, to members with MANAGE_SUB_DEALERS (for their organization)."""

    class Meta:
        abstract = True

    @classmethod
    def check_permissions(cls, info) -> list[ErrorDetail]:
        denied = super().check_permissions(info)
        if denied:
            return denied
        if publishing_organization(info.context.viewer) is None:
            return [ErrorDetail(
                CoreErrorCode.PERMISSION_DENIED,
                "Only the manufacturer's staff (MANAGE_CATALOG) and a dealer's members who "
                "manage its sub-dealers (MANAGE_SUB_DEALERS) publish announcements.")]
        return []
