"""The words and numbers of a reconciliation statement, in Russian or English, shared by
its PDF and its workbook."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from backend.accounts.models import Organization

from ..services.statement import Statement

TEXTS = {
    "ru": {"title": "Акт сверки взаимных расчётов", "sheet": "Акт сверки",
           "period": "за период с {start} по {end}",
           "between": "между {seller} и {buyer}",
           "by_data": "По данным {name}", "currency": "Валюта: {currency}",
           "date": "Дата", "document": "Документ", "debit": "Дебет", "credit": "Кредит",
           "opening": "Сальдо начальное", "turnover": "Обороты за период",
           "closing": "Сальдо конечное",
           "owed": "По данным {seller} на {end} задолженность в пользу {creditor} "
                   "составляет {amount} {currency}",
           "settled": "По данным {seller} на {end} задолженность отсутствует.",
           "from": "От {name}", "director": "Руководитель",
           "accountant": "Главный бухгалтер", "stamp": "М.П.", "inn": "ИНН", "kpp": "КПП",
           "seller_side": "Продавец", "buyer_side": "Покупатель"},
    "en": {"title": "Reconciliation statement", "sheet": "Reconciliation",
           "period": "for the period from {start} to {end}",
           "between": "between {seller} and {buyer}",
           "by_data": "As recorded by {name}", "currency": "Currency: {currency}",
           "date": "Date", "document": "Document", "debit": "Debit", "credit": "Credit",
           "opening": "Opening balance", "turnover": "Turnover for the period",
           "closing": "Closing balance",
           "owed": "As recorded by {seller}, on {end} the debt in favour of {creditor} "
                   "is {amount} {currency}",
           "settled": "As recorded by {seller}, on {end} there is no debt.",
           "from": "For {name}", "director": "Director",
           "accountant": "Chief accountant", "stamp": "Seal", "inn": "INN", "kpp": "KPP",
           "seller_side": "Seller", "buyer_side": "Buyer"},
}
CURRENCIES = {"ru": {"RUB": "руб."}, "en": {}}


def day_text(day: date, language: str) -> str:
    return day.strftime("%d.%m.%Y") if language == "ru" else day.isoformat()


def money_text(amount: Decimal, language: str) -> str:
    """24400.5 -> «24 400,50» (ru, a no-break space) or «24,400.50» (en)."""
    text = f"{amount:,.2f}"
    if language == "ru":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


def party_name(organization: Organization) -> str:
    return organization.legal_name or organization.name


def result_sentence(statement: Statement) -> str:
    """Who owes whom at the period's end, as the statement's last sentence says."""
    language = statement.language
    texts = TEXTS[language]
    closing = statement.closing
    seller = party_name(statement.seller)
    end = day_text(statement.end, language)
    if not closing:
        return texts["settled"].format(seller=seller, end=end)
    creditor = seller if closing > 0 else party_name(statement.buyer)
    currency = CURRENCIES[language].get(statement.currency, statement.currency)
    sentence = texts["owed"].format(seller=seller, end=end, creditor=creditor,
                                    amount=money_text(abs(closing), language),
                                    currency=currency)
    # «руб.» ends the sentence with its own full stop
    return sentence if sentence.endswith(".") else sentence + "."


def balance_columns(balance: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """A balance in the debit column (the buyer owes) or the credit column (an advance)."""
    if balance > 0:
        return balance, None
    if balance < 0:
        return None, -balance
    return Decimal("0.00"), None
