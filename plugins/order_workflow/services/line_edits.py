"""An accepted proposal applied to its line, at once, in the answer's transaction.

- QUANTITY: the line's quantity; the difference moves PENDING units (the line's units
  keep adding up to its quantity), so a cut deeper than the pending units is refused.
- PRICE: the unit price, net; gross with the order's VAT rate.
- DATE: the date the seller promises (``LineUnits.promised_date``).
- SUBSTITUTE: another variant: its SKU, name and unit; its price for the buyer, resolved
  again (the price rules), unless the proposal named one.
- REMOVE: every unit of the line CANCELLED; the quantity is kept (what was ordered), the
  line's totals go to zero (nothing of it is sold).

Line totals and then the order's totals are recomputed after each change. Stock is not
touched here: ``orderConfirm`` reconciles what the order holds with what it now needs.
"""

from __future__ import annotations

from decimal import Decimal

from backend.catalog.models import ProductVariant
from backend.checkout.services.pricing import quote_lines
from backend.core.errors import DomainValidationError
from backend.orders.models import Order, OrderLine

from ..errors import WorkflowErrorCode as Code
from ..models import LineProposal, LineUnits, ProposalKind

CENT = Decimal("0.01")
ZERO = Decimal(0)


def snapshot(line: OrderLine, units: LineUnits | None) -> dict[str, object]:
    """The line as a proposal finds it (``LineProposal.before``)."""
    return {"quantity": str(line.quantity), "unit_net": str(line.unit_net),
            "date": units.promised_date.isoformat() if units and units.promised_date else None,
            "sku": line.sku, "name": line.name, "variant_id": line.variant_id}


def apply(order: Order, proposal: LineProposal, line: OrderLine, units: LineUnits) -> None:
    kind = proposal.kind
    if kind == ProposalKind.QUANTITY:
        assert proposal.quantity is not None
        _change_quantity(line, units, proposal.quantity)
    elif kind == ProposalKind.PRICE:
        assert proposal.unit_net is not None
        _set_price(order, line, proposal.unit_net)
    elif kind == ProposalKind.DATE:
        units.promised_date = proposal.date
    elif kind == ProposalKind.SUBSTITUTE:
        _substitute(order, line, proposal)
    elif kind == ProposalKind.REMOVE:
        _remove(line, units)
    _line_totals(line, units)
    line.save(update_fields=["quantity", "preorder_quantity", "unit_net", "unit_gross",
                             "total_net", "total_gross", "variant", "sku", "name", "unit"])
    units.save()


def active_quantity(line: OrderLine, units: LineUnits) -> Decimal:
    return line.quantity - units.cancelled


def _change_quantity(line: OrderLine, units: LineUnits, quantity: Decimal) -> None:
    change = quantity - line.quantity
    if units.pending + change < 0:
        raise DomainValidationError.single(
            Code.NOT_ENOUGH_UNITS,
            f"{line.sku}: only {units.pending.normalize()} units are pending; the others "
            f"cannot be taken off the line.", "answers")
    units.pending += change
    line.quantity = quantity
    line.preorder_quantity = min(line.preorder_quantity, quantity)


def _set_price(order: Order, line: OrderLine, unit_net: Decimal) -> None:
    line.unit_net = unit_net
    line.unit_gross = unit_net + (unit_net * order.vat_rate / 100).quantize(CENT)


def _substitute(order: Order, line: OrderLine, proposal: LineProposal) -> None:
    variant = (ProductVariant.objects.select_related("product")
               .filter(pk=proposal.substitute_id).first())
    if variant is None:
        raise DomainValidationError.single(
            Code.NOT_FOUND, f"The substitute {proposal.substitute_sku} is no longer in the "
                            "catalog.", "answers")
    line.variant = variant
    line.sku = variant.sku
    line.name = variant.name or variant.product.name
    line.unit = variant.unit
    if proposal.unit_net is not None:
        _set_price(order, line, proposal.unit_net)
        return
    quoted = quote_lines(order.buyer, [(variant.pk, line.quantity)]).lines[0]
    if quoted.unit_net is None:
        raise DomainValidationError.single(
            Code.INVALID, f"The substitute {variant.sku} has no price for the buyer; the "
                          "seller has to propose one.", "answers")
    _set_price(order, line, quoted.unit_net)


def _remove(line: OrderLine, units: LineUnits) -> None:
    held = units.in_production + units.ready + units.shipped + units.delivered \
        + units.at_dealer + units.sold
    if held:
        raise DomainValidationError.single(
            Code.NOT_ENOUGH_UNITS, f"{line.sku}: {held.normalize()} units are past pending; "
                                   "the line cannot be removed.", "answers")
    units.cancelled += units.pending
    units.pending = ZERO


def _line_totals(line: OrderLine, units: LineUnits) -> None:
    counted = active_quantity(line, units)
    line.total_net = (line.unit_net * counted).quantize(CENT)
    line.total_gross = (line.unit_gross * counted).quantize(CENT)


def recompute_totals(order: Order) -> None:
    """The order's totals from its lines (one query) and its delivery, with its VAT."""
    net = gross = ZERO
    for line_net, line_gross in OrderLine.objects.filter(order=order).values_list(
            "total_net", "total_gross"):
        net += line_net
        gross += line_gross
    delivery_gross = order.delivery_net + (order.delivery_net * order.vat_rate / 100
                                           ).quantize(CENT)
    if order.volume_discount_percent:
        # the subtotal before the volume discount keeps its ratio to the lines' total
        order.subtotal_net = (net * 100 / (100 - order.volume_discount_percent)).quantize(CENT)
    else:
        order.subtotal_net = net
    order.total_net, order.total_gross = net, gross
    order.total_vat = gross - net
    order.grand_total_gross = gross + delivery_gross
    order.save(update_fields=["subtotal_net", "total_net", "total_gross", "total_vat",
                              "grand_total_gross", "updated_at"])
