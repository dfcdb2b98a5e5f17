"""The credit plugin's error type and the base class of its mutations: every credit (and
card payment) mutation answers ``errors: [CreditError!]!`` with a ``CreditErrorCode`` (the
common codes and ``errors.CREDIT_CODES``)."""

from __future__ import annotations

from backend.core.graphql.errors import error_type, graphql_enum
from backend.core.graphql.mutations import BaseMutation

from ..errors import CreditErrorCode

CreditErrorCodeEnum = graphql_enum(CreditErrorCode)
CreditError = error_type("CreditError", CreditErrorCode,
                         "An error of a credit or payment operation (credit accounts, "
                         "invoices, payments, bank statements, reconciliation statements, "
                         "card payments).")


class CreditMutation(BaseMutation):
    """Gives a credit mutation its error type and codes."""

    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": CreditError, "error_code_enum": CreditErrorCode}
