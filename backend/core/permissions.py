"""Staff permissions: what a manufacturer employee may do beyond their own organization."""

from __future__ import annotations

from enum import StrEnum


class Perm(StrEnum):
    MANAGE_CATALOG = "MANAGE_CATALOG"
    MANAGE_CREDIT = "MANAGE_CREDIT"
    MANAGE_ORGANIZATIONS = "MANAGE_ORGANIZATIONS"
    MANAGE_PRICES = "MANAGE_PRICES"
    MANAGE_STOCK = "MANAGE_STOCK"
    MODERATE_ORDERS = "MODERATE_ORDERS"
    VIEW_ALL = "VIEW_ALL"

    @property
    def label(self) -> str:
        return PERM_LABELS[self]


PERM_LABELS = {
    Perm.MANAGE_CATALOG: "Manage categories, products, variants and images",
    Perm.MANAGE_CREDIT: "Set dealers' credit limits and terms, record and match payments, "
                        "import bank statements, issue invoices and adjustments",
    Perm.MANAGE_ORGANIZATIONS: "Create and edit organizations",
    Perm.MANAGE_PRICES: "Manage price lists and promotions",
    Perm.MANAGE_STOCK: "Manage warehouses, stock, incoming supply and delivery rates",
    Perm.MODERATE_ORDERS: "Moderate orders",
    Perm.VIEW_ALL: "See every organization and its data",
}


class OrgPerm(StrEnum):
    """What a member may do inside their organization (built-in roles are sets of these;
    an organization's admin may compose custom roles from them)."""

    MANAGE_MEMBERS = "MANAGE_MEMBERS"
    MANAGE_ROLES = "MANAGE_ROLES"
    MANAGE_SUB_DEALERS = "MANAGE_SUB_DEALERS"
    VIEW_AUDIT = "VIEW_AUDIT"
    PLACE_ORDERS = "PLACE_ORDERS"
    APPROVE_ORDERS = "APPROVE_ORDERS"
    MODERATE_ORDERS = "MODERATE_ORDERS"
    VIEW_ORDERS = "VIEW_ORDERS"
    VIEW_INVOICES = "VIEW_INVOICES"
    MANAGE_PAYMENTS = "MANAGE_PAYMENTS"
    MANAGE_CREDIT = "MANAGE_CREDIT"
    MANAGE_PRICES = "MANAGE_PRICES"
    MANAGE_STOCK = "MANAGE_STOCK"

    @property
    def label(self) -> str:
        return ORG_PERM_LABELS[self]


ORG_PERM_LABELS = {
    OrgPerm.MANAGE_MEMBERS: "Invite members, change their roles and limits, deactivate them",
    OrgPerm.MANAGE_ROLES: "Create and edit custom roles",
    OrgPerm.MANAGE_SUB_DEALERS: "Create sub-dealers and invite their first admin",
    OrgPerm.VIEW_AUDIT: "See who changed members, roles and the organization",
    OrgPerm.PLACE_ORDERS: "Place orders (up to the spending limit)",
    OrgPerm.APPROVE_ORDERS: "Approve orders above a buyer's limit",
    OrgPerm.MODERATE_ORDERS: "Moderate and fulfil sub-dealers' orders, forward them to the "
                             "manufacturer",
    OrgPerm.VIEW_ORDERS: "See the organization's orders",
    OrgPerm.VIEW_INVOICES: "See invoices and statements",
    OrgPerm.MANAGE_PAYMENTS: "Pay invoices",
    OrgPerm.MANAGE_CREDIT: "Set sub-dealers' credit limits and terms, record their payments "
                           "and adjustments",
    OrgPerm.MANAGE_PRICES: "Manage resale prices, markups and promotions for sub-dealers",
    OrgPerm.MANAGE_STOCK: "Manage the organization's stock centers, their stock and leftovers",
}

BUILTIN_ROLE_PERMS: dict[str, frozenset[OrgPerm]] = {
    "ADMIN": frozenset(OrgPerm),
    "BUYER": frozenset({OrgPerm.PLACE_ORDERS, OrgPerm.VIEW_ORDERS}),
    "APPROVER": frozenset({OrgPerm.APPROVE_ORDERS, OrgPerm.PLACE_ORDERS, OrgPerm.VIEW_ORDERS}),
    "ACCOUNTANT": frozenset({OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS,
                             OrgPerm.VIEW_ORDERS}),
    "VIEWER": frozenset({OrgPerm.VIEW_ORDERS}),
}
