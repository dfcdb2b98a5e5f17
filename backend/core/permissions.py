"""Staff permissions: what a manufacturer employee may do beyond their own organization."""

from __future__ import annotations

from enum import StrEnum


class Perm(StrEnum):
    MANAGE_CATALOG = "MANAGE_CATALOG"
    MANAGE_ORGANIZATIONS = "MANAGE_ORGANIZATIONS"
    MANAGE_PRICES = "MANAGE_PRICES"
    MODERATE_ORDERS = "MODERATE_ORDERS"
    VIEW_ALL = "VIEW_ALL"

    @property
    def label(self) -> str:
        return PERM_LABELS[self]


PERM_LABELS = {
    Perm.MANAGE_CATALOG: "Manage categories, products, variants and images",
    Perm.MANAGE_ORGANIZATIONS: "Create and edit organizations",
    Perm.MANAGE_PRICES: "Manage price lists and promotions",
    Perm.MODERATE_ORDERS: "Moderate orders",
    Perm.VIEW_ALL: "See every organization and its data",
}
