"""The order list's mutation: its export as a workbook behind a short-lived signed link
(``orders/downloads.py``)."""

from __future__ import annotations

import graphene

from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.mutations import BaseMutation

from ..downloads import sign_export
from ..errors import OrdersErrorCode
from ..export import LANGUAGES, check_size
from ..filters import listed_orders
from .enums import OrdersError
from .filters import OrderFilterInput, OrderSortInput, filter_values, sort_values


class OrderListExport(BaseMutation):
    url = graphene.String(description="Where to GET the workbook (same origin), e.g. as a "
                                      "link's href; valid until expiresAt.")
    expires_at = graphene.DateTime()

    class Arguments:
        filter = OrderFilterInput()
        sort = OrderSortInput()
        language = graphene.String(default_value="ru", description="ru or en: the headers.")

    class Meta:
        description = ("A short-lived signed link to the filtered order list as a workbook "
                       "(xlsx), one row per order in the list's order; it works only for "
                       "the signed-in user, while the sign-in lasts, and the list is read "
                       "again through the viewer's visibility when the file is fetched. "
                       "More than ORDER_EXPORT_MAX_ROWS orders: EXPORT_TOO_LARGE.")
        error_type_class = OrdersError
        error_code_enum = OrdersErrorCode

    @classmethod
    def perform_mutation(cls, root, info, filter=None, sort=None, language="ru"):
        viewer = info.context.viewer
        language = language or "ru"
        if language not in LANGUAGES:
            raise DomainValidationError.single(
                CoreErrorCode.INVALID, f"The language must be one of {', '.join(LANGUAGES)}.",
                "language")
        filter, sort = filter_values(filter), sort_values(sort)
        check_size(listed_orders(viewer, filter, sort))
        link = sign_export(viewer, filter, sort, language)
        return cls(url=link.url, expires_at=link.expires_at)


class OrderListMutations(graphene.ObjectType):
    order_list_export = OrderListExport.Field()
