"""The order list as a workbook: the rows of ``filters.listed_orders`` (the list the
viewer sees, filtered and sorted the same way), one row per order, read in batches so
memory stays bounded whatever the list's size; at most ``ORDER_EXPORT_MAX_ROWS`` rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.utils import timezone

from backend.core.errors import DomainValidationError

from .errors import OrdersErrorCode
from .models import Order, OrderLine
from .numbers import format_number

BATCH = 2000
LANGUAGES = ("ru", "en")

HEADERS = {
    "ru": ("Номер", "Дата", "Покупатель", "ИНН", "Оформил", "Тип", "Статус", "Оплата",
           "Номер покупателя", "Номер продавца", "Строк", "Сумма без НДС", "НДС",
           "Доставка без НДС", "Итого с НДС", "Валюта"),
    "en": ("Number", "Placed at", "Buyer", "INN", "Placed by", "Type", "Status", "Payment",
           "Buyer's reference", "Seller's number", "Lines", "Net", "VAT",
           "Delivery net", "Total gross", "Currency"),
}
SHEET_NAMES = {"ru": "Заказы", "en": "Orders"}
WIDTHS = (12, 17, 36, 14, 24, 12, 20, 16, 18, 16, 8, 14, 12, 14, 14, 8)
MONEY_COLUMNS = (11, 12, 13, 14)
DATE_COLUMN = 1
DATE_FORMAT = "yyyy-mm-dd hh:mm"
LABELS = {
    "ru": {"REGULAR": "Обычный", "PREORDER": "Предзаказ", "SAMPLES": "Образцы",
           "AWAITING_APPROVAL": "Ждёт согласования", "REJECTED": "Отклонён",
           "PLACED": "Оформлен", "CANCELLED": "Отменён", "UNPAID": "Не оплачен",
           "PARTIALLY_PAID": "Оплачен частично", "PAID": "Оплачен",
           "OVERDUE": "Просрочен"},
    "en": {"REGULAR": "Regular", "PREORDER": "Pre-order", "SAMPLES": "Samples",
           "AWAITING_APPROVAL": "Awaiting approval", "REJECTED": "Rejected",
           "PLACED": "Placed", "CANCELLED": "Cancelled", "UNPAID": "Unpaid",
           "PARTIALLY_PAID": "Partially paid", "PAID": "Paid", "OVERDUE": "Overdue"},
}


def check_size(orders: QuerySet[Order]) -> int:
    """The number of rows; EXPORT_TOO_LARGE above ``ORDER_EXPORT_MAX_ROWS``."""
    limit = settings.ORDER_EXPORT_MAX_ROWS
    # Counting past the limit tells nothing more: stop at limit + 1.
    count = orders.order_by()[:limit + 1].count()
    if count > limit:
        raise DomainValidationError.single(
            OrdersErrorCode.EXPORT_TOO_LARGE,
            f"More than {limit} orders match: narrow the filter (a period, a status).",
            "filter")
    return count


def order_rows(orders: QuerySet[Order], language: str) -> Iterator[list[Any]]:
    """One row per order, in the list's order, at most ``ORDER_EXPORT_MAX_ROWS``."""
    labels = LABELS[language if language in LANGUAGES else "ru"]
    line_count = Subquery(OrderLine.objects.filter(order_id=OuterRef("pk")).order_by()
                          .values("order_id").annotate(n=Count("id")).values("n"),
                          output_field=IntegerField())
    rows = orders.values_list(
        "year", "serial", "placed_at", "buyer__name", "buyer__inn", "placed_by__first_name",
        "placed_by__last_name", "order_type", "status", "payment_status", "buyer_reference",
        "seller_number", line_count, "total_net", "total_vat", "delivery_net",
        "grand_total_gross", "currency")[:settings.ORDER_EXPORT_MAX_ROWS]
    for (year, serial, placed_at, buyer, inn, first, last, order_type, status, payment,
         reference, seller_number, lines, net, vat, delivery, gross,
         currency) in rows.iterator(chunk_size=BATCH):
        yield [format_number(year, serial),
               timezone.localtime(placed_at).replace(tzinfo=None),
               buyer, inn, f"{first} {last}".strip(), labels.get(order_type, order_type),
               labels.get(status, status), labels.get(payment, payment), reference,
               seller_number, lines or 0, net, vat, delivery, gross, currency]
