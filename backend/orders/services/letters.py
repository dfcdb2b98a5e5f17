"""The e-mails an order's events send, in Russian or English (the recipient's
``User.language``; Russian when none is stored). Plain text: a subject naming the order,
what happened, the sum, the comment when there is one, and the order's page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from graphql_relay import to_global_id

from ..models import Order, OrderEvent, OrderEventType
from ..numbers import format_number


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


# (subject, first line) per event type and language; {number}, {buyer}, {seller}, {who}.
_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    OrderEventType.APPROVAL_REQUESTED: {
        "ru": ("Заказ {number} ждёт вашего согласования",
               "{who} оформил(а) заказ {number} от {buyer} сверх своего лимита. Заказ уйдёт "
               "поставщику ({seller}) после согласования."),
        "en": ("Order {number} waits for your approval",
               "{who} placed order {number} for {buyer} above their spending limit. It goes "
               "to the seller ({seller}) once approved."),
    },
    OrderEventType.APPROVED: {
        "ru": ("Заказ {number} согласован",
               "{who} согласовал(а) ваш заказ {number}: он отправлен поставщику ({seller})."),
        "en": ("Order {number} approved",
               "{who} approved your order {number}: it has gone to the seller ({seller})."),
    },
    OrderEventType.REJECTED: {
        "ru": ("Заказ {number} отклонён",
               "{who} отклонил(а) ваш заказ {number}. Товары, зарезервированные под него, "
               "освобождены."),
        "en": ("Order {number} rejected",
               "{who} rejected your order {number}. The goods reserved for it are released."),
    },
    OrderEventType.PLACED: {
        "ru": ("Новый заказ {number} от {buyer}",
               "{buyer} разместил(а) заказ {number}, поставщик — {seller}."),
        "en": ("New order {number} from {buyer}",
               "{buyer} placed order {number} with {seller}."),
    },
}

_LABELS = {
    "ru": {"total": "Сумма с НДС", "comment": "Комментарий", "open": "Открыть заказ"},
    "en": {"total": "Total with VAT", "comment": "Comment", "open": "Open the order"},
}


def language_of(user: object) -> str:
    language = getattr(user, "language", "") or "ru"
    return language if language in _LABELS else "ru"


def order_link(order: Order) -> str:
    return f"{settings.PORTAL_URL.rstrip('/')}/orders/{to_global_id('Order', order.pk)}"


def amount(value: Decimal, currency: str, language: str) -> str:
    """«12 345,60 RUB» in Russian, «12,345.60 RUB» in English."""
    text = f"{value:,.2f}"
    if language == "ru":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return f"{text} {currency}"


def person_name(user: object) -> str:
    if user is None:
        return ""
    name = f"{getattr(user, 'first_name', '')} {getattr(user, 'last_name', '')}".strip()
    return name or str(getattr(user, "email", ""))


def letter(event: OrderEvent, event_type: str, language: str) -> Letter:
    """The letter of ``event`` (read as ``event_type``: an approval that reaches the
    seller is a new order to its side) in ``language``."""
    order = event.order
    subject, opening = _TEXTS[event_type][language]
    who = person_name(event.user if event_type != OrderEventType.PLACED else order.placed_by)
    values = {"number": format_number(order.year, order.serial), "buyer": order.buyer.name,
              "seller": order.seller.name, "who": who}
    labels = _LABELS[language]
    lines = [opening.format(**values), "",
             f"{labels['total']}: "
             f"{amount(order.grand_total_gross, order.currency, language)}"]
    if event.message and event_type != OrderEventType.PLACED:
        lines.append(f"{labels['comment']}: {event.message}")
    lines += ["", f"{labels['open']}: {order_link(order)}"]
    return Letter(subject.format(**values), "\n".join(lines))
