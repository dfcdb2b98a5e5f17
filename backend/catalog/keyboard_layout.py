"""Russian (ЙЦУКЕН) and English (QWERTY) keyboard layouts: a query typed in the wrong one.

«rhfcrf» is «краска» typed with the English layout on; «кфд» is «ral» typed with the
Russian one. Each word is switched as a whole, by the letters it holds: a word of Latin
letters is read as typed on the Russian layout and the other way round; a word mixing
both scripts, or holding neither (numbers, sizes), is left as it is. Pure: no Django.
"""

from __future__ import annotations

# The keys in the same places on both layouts, unshifted.
_ENGLISH_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
_RUSSIAN_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю"

_TO_RUSSIAN = str.maketrans(_ENGLISH_KEYS, _RUSSIAN_KEYS)
_TO_ENGLISH = str.maketrans(_RUSSIAN_KEYS, _ENGLISH_KEYS)
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_CYRILLIC = frozenset(_RUSSIAN_KEYS)


def _switch_word(word: str) -> str:
    letters = set(word)
    latin, cyrillic = bool(letters & _LATIN), bool(letters & _CYRILLIC)
    if latin and not cyrillic:
        return word.translate(_TO_RUSSIAN)
    if cyrillic and not latin:
        return word.translate(_TO_ENGLISH)
    return word


def switch_layout(text: str) -> str:
    """``text`` (lower-cased, single spaces) as if typed on the other keyboard layout."""
    return " ".join(_switch_word(word) for word in text.lower().split())
