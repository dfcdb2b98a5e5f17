"""Single-line text that people read: names, and e-mail header values. Pure module.

A name (of an organization, a company, a person, a role, a region, a category, a product)
is stored without surrounding whitespace and with every run of inner spaces as one space
(``normalize_name``). ``name_error`` says what is wrong with a name in words a person can
act on: it must be one line, hold no invisible characters (zero-width spaces, direction
marks, soft hyphens, private-use characters) and have at least one letter or digit, so a
name of only emoji or only punctuation is refused too.

``single_line`` is for text that a header must carry whatever it holds (an e-mail
subject built from names saved before these rules): it never refuses, it flattens.
"""

from __future__ import annotations

import unicodedata

# Line breaks, tabs and other controls (Cc), line and paragraph separators (Zl, Zp).
BREAKING_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
# Format characters such as U+200B ZERO WIDTH SPACE or U+202E RIGHT-TO-LEFT OVERRIDE (Cf),
# private use (Co) and lone surrogates (Cs): nothing a reader can see or type on purpose.
INVISIBLE_CATEGORIES = frozenset({"Cf", "Co", "Cs"})


def _category(char: str) -> str:
    return unicodedata.category(char)


def normalize_name(value: str) -> str:
    """``value`` without surrounding whitespace, each run of inner spaces (any Unicode
    space separator) as one ASCII space. Inner line breaks and other characters are kept,
    for ``name_error`` to refuse."""
    out: list[str] = []
    for char in value.strip():
        if _category(char) == "Zs":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def name_error(value: str, max_length: int | None = None) -> str | None:
    """``None`` when ``value``, normalized, is an acceptable name of at most
    ``max_length`` characters; else a message saying what is wrong."""
    name = normalize_name(value)
    for char in name:
        category = _category(char)
        if category in BREAKING_CATEGORIES:
            return "A name is one line: remove line breaks, tabs and other control characters."
        if category in INVISIBLE_CATEGORIES:
            return (f"The name contains an invisible character (U+{ord(char):04X}): "
                    "retype it without copying.")
    if not any(_category(char)[0] in "LN" for char in name):
        return "A name needs at least one letter or digit."
    return None if max_length is None else length_error(name, max_length)


def length_error(text: str, max_length: int) -> str | None:
    """``None`` when ``text`` has at most ``max_length`` characters, else the message every
    length check gives (form fields, names, columns before saving)."""
    if len(text) <= max_length:
        return None
    return f"At most {max_length} characters (this has {len(text)})."


def is_valid_name(value: str, max_length: int | None = None) -> bool:
    return name_error(value, max_length) is None


def single_line(text: str) -> str:
    """``text`` as one line: line breaks, controls, invisible characters and runs of
    whitespace each become one space; the result has no surrounding spaces."""
    out: list[str] = []
    for char in text:
        category = _category(char)
        if category in BREAKING_CATEGORIES or category in INVISIBLE_CATEGORIES \
                or category == "Zs":
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(char)
    return "".join(out).strip()
