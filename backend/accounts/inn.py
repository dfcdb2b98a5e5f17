"""Russian taxpayer numbers: INN (with check digits) and KPP. Pure module.

An INN of a legal entity has 10 digits, the last a check digit; an individual
entrepreneur's has 12, the last two check digits. Each check digit is a weighted sum of
the digits before it, modulo 11, modulo 10. The first two digits are the code of a region
(01-99), so an INN starting with 00 (all zeros, say, whose checksum is 0 and passes) is
refused.
"""

from __future__ import annotations

import re

_WEIGHTS_10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_KPP = re.compile(r"^\d{4}[\dA-Z]{2}\d{3}$")


def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int:
    return sum(d * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_error(inn: str) -> str | None:
    """``None`` when ``inn`` is a valid INN, else a message saying what is wrong."""
    if not inn.isdigit() or not inn.isascii():
        return "An INN consists of digits only."
    digits = [int(c) for c in inn]
    if len(digits) in (10, 12) and digits[0] == digits[1] == 0:
        return "An INN starts with a region code from 01 to 99, never 00."
    if len(digits) == 10:
        if _check_digit(digits, _WEIGHTS_10) != digits[9]:
            return "The INN's check digit does not match: check the number for typos."
        return None
    if len(digits) == 12:
        if (_check_digit(digits, _WEIGHTS_11) != digits[10]
                or _check_digit(digits, _WEIGHTS_12) != digits[11]):
            return "The INN's check digits do not match: check the number for typos."
        return None
    return "An INN has 10 digits (a company) or 12 digits (an entrepreneur)."


def is_valid_inn(inn: str) -> bool:
    return inn_error(inn) is None


def complete_inn(prefix: str) -> str:
    """Append the check digit(s) to 9 or 10 digits (not starting with the region 00): used
    by the demo and bench data."""
    digits = [int(c) for c in prefix]
    if prefix.startswith("00"):
        raise ValueError("an INN starts with a region code from 01 to 99")
    if len(digits) == 9:
        return prefix + str(_check_digit(digits, _WEIGHTS_10))
    if len(digits) == 10:
        n11 = _check_digit(digits, _WEIGHTS_11)
        n12 = _check_digit([*digits, n11], _WEIGHTS_12)
        return f"{prefix}{n11}{n12}"
    raise ValueError("give 9 digits for a company INN or 10 for an entrepreneur's")


def kpp_error(kpp: str) -> str | None:
    """``None`` when ``kpp`` has the KPP format (9 characters: NNNNPPNNN)."""
    if not _KPP.fullmatch(kpp):
        return "A KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits."
    return None
