"""What every price rules mutation shares: its error type (with the offending SKUs and
rows as fields a client can list), and the organization it acts for.

The acting organization is decided here, the API's business: a partner member whose role
holds MANAGE_PRICES acts for its active organization; staff with the staff permission
MANAGE_PRICES act for the manufacturer. The services then refuse another owner's rows
(NOT_OWNER), so staff cannot edit a dealer's resale list by accident either.
"""

from __future__ import annotations

from typing import Any

import graphene
from graphql_relay import to_global_id

from backend.accounts.acting import acting_seller
from backend.accounts.models import Organization
from backend.core.errors import ErrorDetail
from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation
from backend.core.permissions import Perm

from ...errors import PriceRulesErrorCode
from ...visibility import managing_organization_id

_ID_PARAMS = {"list_ids": "PriceList", "variant_ids": "ProductVariant",
              "organization_ids": "Organization", "price_group_ids": "PriceGroup"}

PriceRulesError = error_type(
    "PriceRulesError", PriceRulesErrorCode, "An error of a price rules operation.",
    skus=graphene.List(graphene.NonNull(graphene.String), description=(
        "BELOW_MAP_FLOOR, DUPLICATE_TIER, NON_POSITIVE_PRICE, UNKNOWN_VARIANT...: every "
        "offending SKU.")),
    list_ids=graphene.List(graphene.NonNull(graphene.ID), description=(
        "FALLBACK_CYCLE, FORMULA_CYCLE, LIST_IN_USE...: the price lists concerned; with "
        "NON_POSITIVE_PRICE or BELOW_MAP_FLOOR, the derived list the change would break.")),
    variant_ids=graphene.List(graphene.NonNull(graphene.ID), description=(
        "UNKNOWN_VARIANT: the variants that are not in the catalog.")),
    organization_ids=graphene.List(graphene.NonNull(graphene.ID), description=(
        "MEMBER_OUTSIDE_SUBTREE, ASSIGNMENT_OUTSIDE_SUBTREE: the organizations concerned.")),
    price_group_ids=graphene.List(graphene.NonNull(graphene.ID)),
    units=graphene.List(graphene.NonNull(graphene.String), description="Unknown units."),
)


class PriceRulesMutation(BaseMutation):
    """Price rules mutations: PriceRulesError with PriceRulesErrorCode; a signed-in viewer
    who may manage prices (see ``acting_organization``)."""

    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": PriceRulesError,
                     "error_code_enum": PriceRulesErrorCode}

    @classmethod
    def failure(cls, errors: list[ErrorDetail]):
        """Row ids in the services' params (database ids) as the API's global ids."""
        return super().failure([_with_global_ids(e) for e in errors])


def _with_global_ids(error: ErrorDetail) -> ErrorDetail:
    params: dict[str, Any] = dict(error.params)
    for name, type_name in _ID_PARAMS.items():
        if name in params:
            params[name] = [to_global_id(type_name, pk) for pk in params[name]]
    return ErrorDetail(code=error.code, message=error.message, field=error.field,
                       params=params)


def acting_organization(info) -> Organization:
    """The organization the viewer manages prices for, or PERMISSION_DENIED."""
    viewer = info.context.viewer
    return acting_seller(viewer, managing_organization_id(viewer), Perm.MANAGE_PRICES, (
        "You do not have permission to manage prices (needs MANAGE_PRICES in the active "
        "organization, or the staff permission MANAGE_PRICES)."))
