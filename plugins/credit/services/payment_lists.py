"""The payments, bank statements and bank rows a viewer asks for: their visible rows
(``visibility.py``) narrowed by the filters, newest first."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from backend.core.errors import DomainValidationError
from backend.core.viewer import Viewer

from ..errors import CreditErrorCode as Code
from ..models import BankStatementImport, BankStatementRow, Payment, PaymentSource, RowState
from ..visibility import visible_bank_rows, visible_bank_statements, visible_payments


def payments_for(viewer: Viewer, values: dict[str, Any]) -> QuerySet[Payment]:
    """``values``: account (pk), source (list), from / to (received on, inclusive)."""
    rows = visible_payments(viewer)
    if values.get("account") is not None:
        rows = rows.filter(account_id=values["account"])
    sources = values.get("source") or []
    unknown = set(sources) - set(PaymentSource.values)
    if unknown:
        raise DomainValidationError.single(Code.INVALID, "Unknown payment source.",
                                           "filter.source")
    if sources:
        rows = rows.filter(source__in=sources)
    start: date | None = values.get("from")
    end: date | None = values.get("to")
    if start and end and start > end:
        raise DomainValidationError.single(Code.INVALID, "The period ends before it starts.",
                                           "filter.to")
    if start:
        rows = rows.filter(received_on__gte=start)
    if end:
        rows = rows.filter(received_on__lte=end)
    return rows.order_by("-received_on", "-pk")


def statements_for(viewer: Viewer) -> QuerySet[BankStatementImport]:
    return visible_bank_statements(viewer).order_by("-created_at", "-pk")


def bank_rows_for(viewer: Viewer, statement: int | None,
                  state: str | None) -> QuerySet[BankStatementRow]:
    rows = visible_bank_rows(viewer)
    if statement is not None:
        rows = rows.filter(statement_id=statement)
    if state is not None:
        if state not in RowState.values:
            raise DomainValidationError.single(Code.INVALID, "Unknown row state.", "state")
        rows = rows.filter(state=state)
    return rows.order_by("-statement_id", "position")
