"""What the credit check adds to W2 order placement: the same 14-line placement by two
dealers' buyers, one without a credit account, one with an account and a year's ledger.

    python -m bench.credit_check [--runs 40] [--invoices 240]

- The two buyers place in turns (without, with, without, ...), so the machine's load moves
  both alike; the medians and p95 of ``place_order`` (the cart filled before the clock
  starts) side by side, and the difference of the medians (on a busy machine the
  placements' spread is far wider than the check, so it says little).
- The ``credit_check`` hook alone for the account's buyer, inside a transaction as
  placement asks it (the account row locked, then the figures' one statement): median,
  p95, its SQL queries, and the statement's time in PostgreSQL itself (EXPLAIN ANALYZE:
  what the check costs without the waits of a machine shared by other work).

The ledger: ``--invoices`` invoices over the last year (one in six still open, some
overdue), a payment for each paid one and one partial, an advance, their entries; the
buyer's bench orders count as open orders. Everything the run wrote is put back.
**Target: the credit check adds under 5 ms to a placement: the hook's median for the
buyer with an account less its median for the buyer without (the only code placement runs
differently for the two).**
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from bench import cli
from bench.catalog_page import _percentile
from bench.order_place import LINES, _buyers, _fill_cart, _Marks, _place, _pool, _viewer

TARGET_ADDED_MS = 5.0


@dataclass(frozen=True)
class CreditCheckResult:
    runs: int
    without: list[float]
    with_account: list[float]
    hook: list[float]
    hook_without: list[float]
    hook_queries: int
    server: list[float]
    entries: int
    open_orders: int

    @property
    def placement_difference_ms(self) -> float:
        return statistics.median(self.with_account) - statistics.median(self.without)

    @property
    def added_ms(self) -> float:
        """What the account adds: the hook's median with it less without (then it only
        looks for the account row)."""
        return statistics.median(self.hook) - statistics.median(self.hook_without)

    @property
    def passed(self) -> bool:
        return self.added_ms < TARGET_ADDED_MS

    def report(self) -> str:
        def line(label: str, values: list[float]) -> str:
            return (f"  {label:<28}{statistics.median(values):8.2f} ms median  "
                    f"{_percentile(values, 0.95):8.2f} ms p95")
        verdict = "PASS" if self.passed else "FAIL"
        return "\n".join([
            f"W2 placement with and without a credit account ({LINES} lines, {self.runs} "
            "orders each, in turns)",
            line("without an account", self.without),
            line("with an account", self.with_account),
            f"  difference of the medians   {self.placement_difference_ms:8.2f} ms",
            line("the hook, no account", self.hook_without),
            line("the hook, with the account", self.hook),
            f"  added by the credit check   {self.added_ms:8.2f} ms (the hook's medians)",
            line("the figures' SQL in the server", self.server),
            f"  SQL queries of the check    {self.hook_queries:8d}   (ledger: {self.entries} "
            f"entries, {self.open_orders} open orders)",
            f"  target: adds < {TARGET_ADDED_MS:.0f} ms -> {verdict}",
        ])


def _ledger(buyer_id: int, seller_id: int, invoices: int):
    """The account with a year's invoices, payments and entries (see the docstring)."""
    from django.utils import timezone

    from plugins.credit.models import (
        CreditAccount,
        EntryKind,
        Invoice,
        InvoiceStatus,
        LedgerEntry,
        OverLimitPolicy,
        Payment,
        PaymentAllocation,
        PaymentMethod,
        PaymentSource,
    )

    today = timezone.localdate()
    account = CreditAccount.objects.create(
        buyer_id=buyer_id, seller_id=seller_id, credit_limit=Decimal("999999999999.99"),
        net_days=30, over_limit_policy=OverLimitPolicy.MODERATE, note="bench")
    rows = []
    for serial in range(1, invoices + 1):
        issued = today - timedelta(days=365 * (invoices - serial) // invoices)
        total = Decimal(10_000 + 37 * serial)
        rows.append(Invoice(
            account=account, seller_id=seller_id, buyer_id=buyer_id, year=9000 + serial // 9999,
            serial=serial, issued_on=issued, due_on=issued + timedelta(days=30),
            currency="RUB", vat_rate=Decimal("22.00"), total_net=total, total_vat=Decimal(0),
            total_gross=total, status=InvoiceStatus.PAID if serial % 6 else
            InvoiceStatus.UNPAID,
            # the allocations written below (half of every twelfth), as refresh_status keeps it
            paid_total=total if serial % 6 else total / 2 if serial % 12 == 0 else 0))
    made = Invoice.objects.bulk_create(rows)
    entries = [LedgerEntry(account=account, kind=EntryKind.INVOICE, amount=i.total_gross,
                           occurred_on=i.issued_on, invoice=i) for i in made]
    payments, allocations = [], []
    for invoice in made:
        paid = invoice.total_gross if invoice.status == InvoiceStatus.PAID else (
            invoice.total_gross / 2 if invoice.serial % 12 == 0 else None)
        if paid is None:
            continue
        payments.append(Payment(account=account, method=PaymentMethod.BANK_TRANSFER,
                                source=PaymentSource.MANUAL, amount=paid, currency="RUB",
                                received_on=invoice.due_on - timedelta(days=3),
                                reference=f"bench-{invoice.serial}"))
    payments.append(Payment(account=account, method=PaymentMethod.BANK_TRANSFER,
                            source=PaymentSource.MANUAL, amount=Decimal(5000), currency="RUB",
                            received_on=today, reference="bench-advance"))
    payments = Payment.objects.bulk_create(payments)
    by_reference = {p.reference: p for p in payments}
    for invoice in made:
        payment = by_reference.get(f"bench-{invoice.serial}")
        if payment is not None:
            allocations.append(PaymentAllocation(payment=payment, invoice=invoice,
                                                 amount=payment.amount))
    PaymentAllocation.objects.bulk_create(allocations)
    entries += [LedgerEntry(account=account, kind=EntryKind.PAYMENT, amount=-p.amount,
                            occurred_on=p.received_on, payment=p) for p in payments]
    LedgerEntry.objects.bulk_create(entries)
    # as bench.generate leaves its data: the planner knows the tables' sizes
    from django.db import connection

    with connection.cursor() as cursor:
        for model in (CreditAccount, Invoice, Payment, PaymentAllocation, LedgerEntry):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    return account, len(entries)


def _remove(account) -> None:
    from plugins.credit.models import Invoice, LedgerEntry, Payment, PaymentAllocation

    LedgerEntry.objects.filter(account=account).delete()
    PaymentAllocation.objects.filter(payment__account=account).delete()
    Payment.objects.filter(account=account).delete()
    Invoice.objects.filter(account=account).delete()
    account.delete()


def _hook(buyer, seller, runs: int) -> tuple[list[float], int]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from backend.core.plugins.manager import get_plugins_manager

    manager = get_plugins_manager()
    timings = []
    for index in range(runs + 1):
        with transaction.atomic():
            if index == runs:
                with CaptureQueriesContext(connection) as captured:
                    manager.run("credit_check", None, buyer, seller, Decimal(1000), "RUB")
                return timings, len(captured)
            started = time.perf_counter()
            manager.run("credit_check", None, buyer, seller, Decimal(1000), "RUB")
            timings.append((time.perf_counter() - started) * 1000)
    return timings, 0


def _server(account, runs: int) -> list[float]:
    """The figures' statement's planning and execution time as PostgreSQL reports it
    (EXPLAIN ANALYZE): the check's own cost, without the client's waits on a busy machine."""
    import re

    from django.db import connection

    from plugins.credit.services.figures import _statement

    timings = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute("EXPLAIN (ANALYZE, SUMMARY) " + _statement(),
                           {"ids": [account.pk], "leave_out": None})
            text = "\n".join(row[0] for row in cursor.fetchall())
            timings.append(sum(float(ms) for ms in re.findall(
                r"(?:Planning|Execution) Time: ([0-9.]+) ms", text)))
    return timings


def run(runs: int = 40, invoices: int = 240, warmups: int = 4) -> CreditCheckResult:
    import random

    from backend.accounts.models import Organization
    from backend.orders.models import Order
    from plugins.credit.models import CreditAccount
    from plugins.credit.services.figures import ON_ACCOUNT

    (plain_user, plain_buyer), (user, buyer) = _buyers(2)
    seller_id = Organization.objects.get(pk=buyer).parent_id
    CreditAccount.objects.filter(buyer_id__in=[plain_buyer, buyer]).delete()
    pool = _pool(seller_id)
    if len(pool) < LINES * 2:
        raise SystemExit("Too little stock in the bench data: run `make bench-data`.")
    marks = _Marks(pool, seller_id)
    account, entries = _ledger(buyer, seller_id, invoices)
    try:
        open_orders = Order.objects.filter(buyer_id=buyer, status__in=ON_ACCOUNT).count()
        viewers = {"without": _viewer(plain_user, plain_buyer), "with": _viewer(user, buyer)}
        users = {"without": (plain_user, plain_buyer), "with": (user, buyer)}
        timings: dict[str, list[float]] = {"without": [], "with": []}
        chooser = random.Random(11)
        for index in range(warmups + runs):
            lines = chooser.sample(pool, LINES)
            for mode in ("without", "with") if index % 2 else ("with", "without"):
                _fill_cart(*users[mode], lines)
                started = time.perf_counter()
                _place(viewers[mode], f"bench-credit-{mode}-{index}")
                if index >= warmups:
                    timings[mode].append((time.perf_counter() - started) * 1000)
        hook, queries = _hook(account.buyer, account.seller, runs)
        plain = Organization.objects.get(pk=plain_buyer)
        hook_without, _ = _hook(plain, plain.parent, runs)
        server = _server(account, runs)
    finally:
        marks.restore()
        _remove(account)
    return CreditCheckResult(runs=runs, without=timings["without"],
                             with_account=timings["with"], hook=hook, hook_without=hook_without,
                             hook_queries=queries,
                             server=server, entries=entries, open_orders=open_orders)


def main() -> int:
    return cli("python -m bench.credit_check", __doc__, run, runs=40, invoices=240)


if __name__ == "__main__":
    sys.exit(main())
