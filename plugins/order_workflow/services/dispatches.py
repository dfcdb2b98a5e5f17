"""A dispatch: units that actually left together («ship the 4 ready units now»), with the
seller's document number, the carrier and the tracking number. Created by ``units.py``
when units move READY -> SHIPPED, inside its transaction; the shipped units leave stock
(``locks.ship``) and come off the order's planned shipments (``line_stock.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from backend.core.errors import DomainValidationError, ErrorCollector, ErrorDetail
from backend.core.plugins.manager import get_plugins_manager
from backend.core.viewer import Viewer
from backend.orders.models import Order
from backend.orders.numbers import format_number
from inventory.models import Carrier
from inventory.services import locks

from ..errors import WorkflowErrorCode as Code
from ..models import Dispatch, DispatchLine
from . import line_stock

TEXT_LIMITS = {"document_number": 64, "carrier_name": 120, "tracking_number": 100,
               "comment": 2000}


@dataclass(frozen=True)
class DispatchData:
    """What the seller types about a dispatch; every field optional."""

    document_number: str = ""
    carrier_id: int | None = None
    carrier_name: str = ""
    tracking_number: str = ""
    comment: str = ""


def checked(data: DispatchData | None) -> DispatchData:
    """``data`` with its texts trimmed; INVALID (field ``dispatch.<name>``) for texts
    over their column's length or a carrier that does not exist."""
    data = data or DispatchData()
    errors = ErrorCollector()
    texts = {}
    for name, limit in TEXT_LIMITS.items():
        value = (getattr(data, name) or "").strip()
        if len(value) > limit:
            errors.add(Code.INVALID, f"At most {limit} characters.",
                       f"dispatch.{_camel(name)}")
        texts[name] = value
    if data.carrier_id is not None and not Carrier.objects.filter(pk=data.carrier_id).exists():
        errors.add(Code.NOT_FOUND, "No carrier with this ID.", "dispatch.carrier")
    errors.raise_if_any()
    return DispatchData(carrier_id=data.carrier_id, **texts)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def create_dispatch(viewer: Viewer, order: Order, shipped: Mapping[int, Decimal],
                    data: DispatchData) -> Dispatch:
    """The dispatch of ``shipped`` (line id -> units), their stock taken off."""
    rows = line_stock.held_rows(order, shipped)
    taken = line_stock.take(rows, shipped, shipping=True)
    reference = format_number(order.year, order.serial)
    try:
        locks.ship(taken.plan(), reference=reference, user=viewer.user,
                   organization=viewer.organization)
    except DomainValidationError as error:
        raise DomainValidationError([
            ErrorDetail(Code.OUT_OF_STOCK, detail.message, "moves", detail.params)
            for detail in error.errors]) from None
    line_stock.write_taken(taken)
    warehouses = taken.warehouse_ids
    carrier_name = data.carrier_name
    if not carrier_name and data.carrier_id is not None:
        carrier_name = Carrier.objects.filter(pk=data.carrier_id).values_list(
            "name", flat=True).first() or ""
    dispatch = Dispatch.objects.create(
        order=order, document_number=data.document_number,
        warehouse_id=warehouses.pop() if len(warehouses) == 1 else None,
        carrier_id=data.carrier_id, carrier_name=carrier_name,
        tracking_number=data.tracking_number, comment=data.comment,
        shipped_at=timezone.now(), created_by=viewer.user)
    DispatchLine.objects.bulk_create(
        DispatchLine(dispatch=dispatch, line_id=line_id, quantity=quantity)
        for line_id, quantity in sorted(shipped.items()))
    get_plugins_manager().run("order_dispatched", None, order, dispatch)
    return dispatch
