"""The column mappings an organization confirmed, by the signature of their header: the
next file with the same header (in whatever row, under whatever title) is mapped the same
way without asking."""

from __future__ import annotations

from backend.accounts.models import Organization

from ..models import OrderFileMapping
from .guess import Columns, candidate_signatures
from .reading import Sheet


def remembered_mappings(organization: Organization,
                        sheets: list[Sheet]) -> dict[str, dict[str, int]]:
    """Signature -> mapping, for the header candidates of ``sheets``: one query."""
    signatures = {s for sheet in sheets for s in candidate_signatures(sheet)}
    if not signatures:
        return {}
    return dict(OrderFileMapping.objects.filter(
        organization=organization, header_signature__in=signatures,
    ).values_list("header_signature", "mapping"))


def remember(organization: Organization, header_signature: str, columns: Columns) -> None:
    OrderFileMapping.objects.update_or_create(
        organization=organization, header_signature=header_signature,
        defaults={"mapping": columns.roles()})
