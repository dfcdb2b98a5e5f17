"""W-statement: a 12-month reconciliation statement of an account with 5,000 ledger
entries, rendered as PDF.

    python -m bench.statement_pdf [--entries 5000] [--runs 3]

A dealer's account with the manufacturer: invoices, bank payments and adjustments spread
over the 12 months (invoices and payments with their rows, as the services write them),
made in one transaction that is rolled back at the end, so the database is left as it was
(an empty ``b2b_bench`` works). Each run times ``build_statement`` (its two queries) plus
the PDF (``documents/statement_pdf.py``: ReportLab's layout, PDF written) and prints
the median, the pages and the size. Target: the median under 3 s.
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

TARGET_S = 3.0
START = date(2025, 1, 1)
PAGE = re.compile(rb"/Type /Page[^s]")  # a page object (the page tree is /Pages)
END = date(2025, 12, 31)


@dataclass(frozen=True)
class StatementPdfResult:
    entries: int
    runs: int
    median_s: float
    cpu_median_s: float  # this process's CPU time: what the machine's load leaves out
    build_median_s: float
    pages: int
    size_bytes: int

    @property
    def passed(self) -> bool:
        return self.median_s < TARGET_S

    def report(self) -> str:
        return "\n".join([
            f"W-statement: a 12-month statement of {self.entries:,} ledger entries as PDF "
            f"({self.runs} runs, target median < {TARGET_S:.0f} s)",
            f"  median {self.median_s:.2f} s, cpu {self.cpu_median_s:.2f} s (the statement's "
            f"queries {self.build_median_s:.3f} s)"
            f"   {self.pages} pages   {self.size_bytes / 1024:,.0f} KiB",
            "  " + ("PASS" if self.passed else "FAIL"),
        ])


def _ledger(entries: int):
    """A manufacturer, its dealer, their account and ``entries`` entries over 2025."""
    from backend.accounts.inn import complete_inn
    from backend.accounts.models import Organization
    from plugins.credit.models import (
        CreditAccount,
        EntryKind,
        Invoice,
        LedgerEntry,
        Payment,
        PaymentMethod,
        PaymentSource,
    )

    stamp = time.time_ns()
    factory = Organization(name=f"Завод {stamp}", legal_name="ООО «Завод»",
                           kind="MANUFACTURER", inn=complete_inn(str(stamp)[-9:]))
    factory.save()
    dealer = Organization(name=f"Дилер {stamp}", legal_name="ООО «Дилер»", kind="DEALER",
                          parent=factory, inn=complete_inn(str(stamp + 1)[-9:]))
    dealer.save()
    account = CreditAccount.objects.create(buyer=dealer, seller=factory,
                                           credit_limit=Decimal("10000000"))
    days = (END - START).days + 1
    invoices, payments, rows = [], [], []
    for index in range(entries):
        day = START + timedelta(days=index * days // entries)
        amount = Decimal(1000 + (index * 7919) % 90000) + Decimal("0.50")
        if index % 5 == 4:
            rows.append(LedgerEntry(account=account, kind=EntryKind.ADJUSTMENT,
                                    amount=-amount / 100, occurred_on=day,
                                    reason="Скидка за объём"))
        elif index % 2 == 0:
            invoice = Invoice(account=account, seller=factory, buyer=dealer, year=day.year,
                              serial=index + 1, issued_on=day, due_on=day + timedelta(14),
                              currency="RUB", vat_rate=Decimal("22.00"),
                              total_net=amount, total_vat=Decimal(0), total_gross=amount)
            invoices.append(invoice)
            rows.append(LedgerEntry(account=account, kind=EntryKind.INVOICE, amount=amount,
                                    occurred_on=day, invoice=invoice))
        else:
            payment = Payment(account=account, method=PaymentMethod.BANK_TRANSFER,
                              source=PaymentSource.MANUAL, amount=amount, currency="RUB",
                              received_on=day, reference=str(10000 + index))
            payments.append(payment)
            rows.append(LedgerEntry(account=account, kind=EntryKind.PAYMENT, amount=-amount,
                                    occurred_on=day, payment=payment))
    Invoice.objects.bulk_create(invoices, batch_size=1000)
    Payment.objects.bulk_create(payments, batch_size=1000)
    for row in rows:  # bulk_create set the ids after the rows were built
        row.invoice_id = row.invoice.pk if row.invoice else None
        row.payment_id = row.payment.pk if row.payment else None
    LedgerEntry.objects.bulk_create(rows, batch_size=1000)
    return CreditAccount.objects.select_related("seller", "buyer").get(pk=account.pk)


def run(entries: int = 5000, runs: int = 3) -> StatementPdfResult:
    from django.db import transaction

    from plugins.credit.documents.statement_pdf import statement_pdf
    from plugins.credit.services.statement import build_statement

    with transaction.atomic():
        account = _ledger(entries)
        totals, cpus, builds = [], [], []
        pages = size = 0
        for _ in range(max(1, runs)):
            start, cpu = time.perf_counter(), time.process_time()
            statement = build_statement(account, START, END)
            built = time.perf_counter()
            pdf = statement_pdf(statement)
            totals.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            builds.append(built - start)
            pages, size = len(PAGE.findall(pdf)), len(pdf)
        transaction.set_rollback(True)
    return StatementPdfResult(entries=entries, runs=max(1, runs),
                              median_s=statistics.median(totals),
                              cpu_median_s=statistics.median(cpus),
                              build_median_s=statistics.median(builds), pages=pages,
                              size_bytes=size)


def main() -> int:
    from bench import cli

    return cli("python -m bench.statement_pdf", __doc__, run, entries=5000, runs=3)


if __name__ == "__main__":
    raise SystemExit(main())
