"""What a notification says, in Russian and English: a title naming the order and a body
saying what happened, the sum and the comment when there is one. The e-mail is the same
text with the order's link; the in-app list links the order itself (``Notification.url``).

Placeholders: {number}, {buyer}, {seller}, {who} (the actor, or the placer for a new order),
{invoice} (an invoice's number in the reader's language, from the event's ``after``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from graphql_relay import to_global_id

from backend.orders.models import OrderEvent
from backend.orders.numbers import format_number

LANGUAGES = ("ru", "en")

# (title, opening) per event type and language.
_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "APPROVAL_REQUESTED": {
        "ru": ("Заказ {number} ждёт вашего согласования",
               "{who} оформил(а) заказ {number} от {buyer} сверх своего лимита. Заказ уйдёт "
               "поставщику ({seller}) после согласования."),
        "en": ("Order {number} waits for your approval",
               "{who} placed order {number} for {buyer} above their spending limit. It goes "
               "to the seller ({seller}) once approved."),
    },
    "APPROVED": {
        "ru": ("Заказ {number} согласован",
               "{who} согласовал(а) ваш заказ {number}: он отправлен поставщику ({seller})."),
        "en": ("Order {number} approved",
               "{who} approved your order {number}: it has gone to the seller ({seller})."),
    },
    "REJECTED": {
        "ru": ("Заказ {number} отклонён",
               "{who} отклонил(а) ваш заказ {number}. Товары, зарезервированные под него, "
               "освобождены."),
        "en": ("Order {number} rejected",
               "{who} rejected your order {number}. The goods reserved for it are released."),
    },
    "PLACED": {
        "ru": ("Новый заказ {number} от {buyer}",
               "{buyer} разместил(а) заказ {number}, поставщик — {seller}."),
        "en": ("New order {number} from {buyer}",
               "{buyer} placed order {number} with {seller}."),
    },
    "CANCELLED": {
        "ru": ("Заказ {number} отменён", "{who} отменил(а) заказ {number} от {buyer}."),
        "en": ("Order {number} cancelled", "{who} cancelled order {number} from {buyer}."),
    },
    "MODERATION_STARTED": {
        "ru": ("Заказ {number} взят в работу",
               "{who} ({seller}) начал(а) проверку вашего заказа {number}."),
        "en": ("Order {number} is being reviewed",
               "{who} ({seller}) started reviewing your order {number}."),
    },
    "PROPOSED": {
        "ru": ("Изменения по заказу {number} ждут вашего ответа",
               "{who} ({seller}) предлагает изменить строки заказа {number}. Примите или "
               "отклоните каждое предложение."),
        "en": ("Changes to order {number} wait for your answer",
               "{who} ({seller}) proposes changes to lines of order {number}. Accept or "
               "decline each proposal."),
    },
    "PROPOSAL_ACCEPTED": {
        "ru": ("Предложение по заказу {number} принято",
               "{who} ({buyer}) принял(а) предложенное изменение заказа {number}."),
        "en": ("Proposal on order {number} accepted",
               "{who} ({buyer}) accepted the change proposed to order {number}."),
    },
    "PROPOSAL_DECLINED": {
        "ru": ("Предложение по заказу {number} отклонено",
               "{who} ({buyer}) отклонил(а) предложенное изменение заказа {number}."),
        "en": ("Proposal on order {number} declined",
               "{who} ({buyer}) declined the change proposed to order {number}."),
    },
    "COMMENTED": {
        "ru": ("Новый комментарий к заказу {number}",
               "{who} написал(а) в обсуждении заказа {number}."),
        "en": ("New comment on order {number}",
               "{who} wrote in the discussion of order {number}."),
    },
    "CONFIRMED": {
        "ru": ("Заказ {number} подтверждён",
               "{who} ({seller}) подтвердил(а) заказ {number} от {buyer}."),
        "en": ("Order {number} confirmed",
               "{who} ({seller}) confirmed order {number} from {buyer}."),
    },
    "AUTO_CONFIRMED": {
        "ru": ("Заказ {number} подтверждён автоматически",
               "Заказ {number} от {buyer} подтверждён по правилу поставщика ({seller})."),
        "en": ("Order {number} confirmed automatically",
               "Order {number} from {buyer} was confirmed by the seller's rule ({seller})."),
    },
    "SELLER_REJECTED": {
        "ru": ("Поставщик отклонил заказ {number}",
               "{who} ({seller}) отклонил(а) заказ {number} от {buyer}."),
        "en": ("The seller rejected order {number}",
               "{who} ({seller}) rejected order {number} from {buyer}."),
    },
    "UNITS_MOVED": {
        "ru": ("Статусы товаров заказа {number} изменились",
               "{who} изменил(а) статусы товаров в заказе {number}."),
        "en": ("Item statuses of order {number} changed",
               "{who} changed the status of items in order {number}."),
    },
    "DISPATCHED": {
        "ru": ("Заказ {number} отгружен",
               "{seller} отгрузил(а) товары по заказу {number}."),
        "en": ("Order {number} dispatched",
               "{seller} dispatched goods of order {number}."),
    },
    "FORWARDED": {
        "ru": ("Заказ {number} передан производителю",
               "{seller} передал(а) ваш заказ {number} производителю."),
        "en": ("Order {number} forwarded to the manufacturer",
               "{seller} forwarded your order {number} to the manufacturer."),
    },
    "LINE_CHANGED": {
        "ru": ("Строка заказа {number} изменена",
               "{who} изменил(а) строку заказа {number}."),
        "en": ("A line of order {number} changed",
               "{who} changed a line of order {number}."),
    },
    "INVOICE_OVERDUE": {
        "ru": ("Счёт {invoice} по заказу {number} просрочен",
               "Срок оплаты счёта {invoice} ({seller}) по заказу {number} истёк. Оплатите "
               "его, чтобы не потерять кредитный лимит."),
        "en": ("Invoice {invoice} for order {number} is overdue",
               "Invoice {invoice} ({seller}) for order {number} is past its due date. Pay it "
               "to keep your credit limit."),
    },
}

_LABELS = {
    "ru": {"total": "Сумма с НДС", "comment": "Комментарий", "open": "Открыть заказ"},
    "en": {"total": "Total with VAT", "comment": "Comment", "open": "Open the order"},
}


@dataclass(frozen=True)
class Text:
    title: str
    body: str


def language_of(user: object) -> str:
    language = getattr(user, "language", "") or "ru"
    return language if language in LANGUAGES else "ru"


def order_path(order_id: int) -> str:
    return f"/orders/{to_global_id('Order', order_id)}"


def order_link(order_id: int) -> str:
    return f"{settings.PORTAL_URL.rstrip('/')}{order_path(order_id)}"


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


def has_text(event_type: str) -> bool:
    return event_type in _TEXTS


def text(event: OrderEvent, told_as: str, language: str) -> Text:
    """What ``event``, told as ``told_as``, says in ``language`` (no link)."""
    order = event.order
    title, opening = _TEXTS[told_as][language]
    who = person_name(order.placed_by if told_as == "PLACED" else event.user)
    values = {"number": format_number(order.year, order.serial), "buyer": order.buyer.name,
              "seller": order.seller.name, "who": who or order.seller.name,
              "invoice": (event.after or {}).get("invoice_numbers", {}).get(language, "")}
    labels = _LABELS[language]
    lines = [opening.format(**values), "",
             f"{labels['total']}: "
             f"{amount(order.grand_total_gross, order.currency, language)}"]
    if event.message and told_as != "PLACED":
        lines.append(f"{labels['comment']}: {event.message}")
    return Text(title.format(**values), "\n".join(lines))


def texts(event: OrderEvent, told_as: str) -> dict[str, dict[str, str]]:
    """The notification's texts in every language, as ``Notification.texts`` keeps them."""
    made = {language: text(event, told_as, language) for language in LANGUAGES}
    return {language: {"title": t.title, "body": t.body} for language, t in made.items()}


def letter(event: OrderEvent, told_as: str, language: str) -> Text:
    """The e-mail: the text and the order's link."""
    made = text(event, told_as, language)
    return Text(made.title, f"{made.body}\n\n{_LABELS[language]['open']}: "
                            f"{order_link(event.order_id)}")
