"""1C's «1CClientBankExchange» text, as Russian banks export statements: ``Key=Value``
lines; each document between ``СекцияДокумент=<kind>`` and ``КонецДокумента``; the
account sections (``СекцияРасчСчет`` ... ``КонецРасчСчет``) and the header are skipped.
Windows-1251 (``Кодировка=Windows``, the usual), DOS (cp866) or UTF-8."""

from __future__ import annotations

import codecs

from .lines import RawLine

MARK = "1CClientBankExchange"


def is_one_c(head: bytes) -> bool:
    return head.removeprefix(codecs.BOM_UTF8).lstrip().startswith(MARK.encode())


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # The header names the encoding in ASCII-compatible bytes of either code page.
    dos = "Кодировка=DOS".encode("cp1251") in data[:4096] or \
        "Кодировка=DOS".encode("cp866") in data[:4096]
    return data.decode("cp866" if dos else "cp1251", errors="replace")


def documents(text: str) -> list[RawLine]:
    """Every document of the file, in order (the direction is the caller's to judge)."""
    lines: list[RawLine] = []
    fields: dict[str, str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        key, _, value = line.strip().partition("=")
        if key == "СекцияДокумент":
            fields, start = {}, number
        elif key == "КонецДокумента" and fields is not None:
            lines.append(_line(len(lines) + 1, start, fields))
            fields = None
        elif fields is not None and key:
            fields.setdefault(key, value.strip())
    return lines


def _line(position: int, line_number: int, fields: dict[str, str]) -> RawLine:
    # «Плательщик» is often «ИНН 7701234567 ООО Ромашка»; «Плательщик1» is the bare name.
    name = fields.get("Плательщик1") or fields.get("Плательщик", "")
    return RawLine(
        place=f"document {position} (line {line_number})",
        number=fields.get("Номер", ""), date=fields.get("Дата", ""),
        amount=fields.get("Сумма", ""), payer_inn=fields.get("ПлательщикИНН", ""),
        payer_name=name, recipient_inn=fields.get("ПолучательИНН", ""),
        purpose=fields.get("НазначениеПлатежа", ""))
