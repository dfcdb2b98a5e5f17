"""An amount in Russian words, as invoices write their total: «Двенадцать тысяч триста
сорок пять рублей 67 копеек» (num2words for the number, the noun's plural form here)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

# (one, few, many) forms; «рубль» is masculine, «копейка» feminine (num2words speaks the
# number, the kopecks are written in digits as Russian invoices do).
_NOUNS = {"RUB": (("рубль", "рубля", "рублей"), ("копейка", "копейки", "копеек")),
          "USD": (("доллар США", "доллара США", "долларов США"), ("цент", "цента", "центов")),
          "EUR": (("евро", "евро", "евро"), ("цент", "цента", "центов"))}


def plural(number: int, forms: tuple[str, str, str]) -> str:
    """The Russian form of a noun after ``number``: 1 рубль, 2 рубля, 5 рублей, 11 рублей."""
    tens, units = number % 100, number % 10
    if 11 <= tens <= 14:
        return forms[2]
    if units == 1:
        return forms[0]
    if 2 <= units <= 4:
        return forms[1]
    return forms[2]


def amount_in_words(amount: Decimal, currency: str = "RUB") -> str:
    cents = int(amount.quantize(Decimal("0.01"), ROUND_HALF_UP) * 100)
    whole, minor = divmod(abs(cents), 100)
    words = num2words(whole, lang="ru")
    major_forms, minor_forms = _NOUNS.get(currency, ((currency,) * 3, ("",) * 3))
    text = f"{words} {plural(whole, major_forms)} {minor:02d} {plural(minor, minor_forms)}"
    text = text.strip()
    if cents < 0:
        text = f"минус {text}"
    return text[0].upper() + text[1:]
