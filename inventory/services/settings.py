"""A seller's allocation settings (how its orders are split across its warehouses)."""

from __future__ import annotations

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError

from ..models import AllocationStrategy, SellerStockSettings
from .common import Code


def update_seller_settings(organization: Organization, strategy: str) -> SellerStockSettings:
    if strategy not in AllocationStrategy.values:
        raise DomainValidationError.single(Code.INVALID, "Unknown allocation strategy.",
                                           "strategy")
    settings, _ = SellerStockSettings.objects.update_or_create(
        organization=organization, defaults={"strategy": strategy})
    return settings
