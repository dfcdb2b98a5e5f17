"""The benchmark's credit rows (issue 15), written by SQL (``INSERT ... SELECT``) from the
generated organizations: a few seconds for 10,000.

- Every organization below the manufacturer has a credit account with its parent: limits
  from 50,000 to 5,000,000, 14 to 60 days' terms, the three over-limit policies.
- Each account 6 invoices, a fortnight apart over the last 3 months (30 days' terms: the
  older ones overdue), of 1,000 to 250,000 ₽, with their ledger entries.
- Payments: the oldest invoice paid in full, the next one half; every third account an
  advance (a payment no invoice took), every fifth has paid nothing yet: its payments
  are those of the others only. Ledger entries for each.
- Statuses follow: PAID, PARTIALLY_PAID, OVERDUE (due before today) or UNPAID.
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

TABLES = ("credit_paymentallocation", "credit_ledgerentry", "credit_payment",
          "credit_invoiceline", "credit_invoice", "credit_creditaccount")
INVOICES_PER_ACCOUNT = 6


def truncate_credit() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")


def generate_credit() -> dict[str, int]:
    """Accounts, invoices, payments, allocations and ledger entries for every buyer."""
    truncate_credit()
    today = timezone.localdate()
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute("""
            INSERT INTO credit_creditaccount (buyer_id, seller_id, currency, credit_limit,
              terms, net_days, over_limit_policy, invoice_policy, note, created_at,
              updated_at)
            SELECT o.id, o.parent_id, 'RUB', 50000 * (1 + abs(hashint4((o.id)::int)) %% 100),
              'NET', 14 + abs(hashint4((o.id + 1)::int)) %% 47,
              (ARRAY['REFUSE', 'MODERATE', 'CARD'])[1 + o.id %% 3], 'ON_CONFIRMATION', '',
              now(), now()
            FROM accounts_organization o WHERE o.parent_id IS NOT NULL""", {})
        counts["accounts"] = cursor.rowcount
        cursor.execute("""
            INSERT INTO credit_invoice (account_id, seller_id, buyer_id, year, serial,
              issued_on, due_on, currency, vat_rate, total_net, total_vat, total_gross,
              paid_total, status, comment, created_at, updated_at)
            SELECT a.id, a.seller_id, a.buyer_id, 2026, a.id * 10 + k,
              %(today)s - (k * 15 + abs(hashint4((a.id * 7 + k)::int)) %% 10),
              %(today)s - (k * 15 + abs(hashint4((a.id * 7 + k)::int)) %% 10) + 30, 'RUB', 22,
              round(g / 1.22, 2), g - round(g / 1.22, 2), g, 0, 'UNPAID', '', now(), now()
            FROM credit_creditaccount a CROSS JOIN generate_series(1, %(n)s) k
            CROSS JOIN LATERAL (SELECT (1000 + abs(hashint4((a.id * 13 + k)::int))
                                        %% 249000)::numeric AS g) amount""",
                       {"today": today, "n": INVOICES_PER_ACCOUNT})
        counts["invoices"] = cursor.rowcount
        # The oldest invoice paid in full, the next one half (not every fifth account's).
        cursor.execute("""
            INSERT INTO credit_payment (account_id, method, source, amount, currency,
              received_on, reference, payer_inn, purpose, invoice_id, created_at)
            SELECT i.account_id, 'BANK_TRANSFER', 'MANUAL',
              CASE WHEN i.serial %% 10 = %(n)s THEN i.total_gross
                   ELSE round(i.total_gross / 2, 2) END,
              'RUB', i.due_on - 3, 'B' || i.id, '', 'Оплата по счёту', i.id, now()
            FROM credit_invoice i
            WHERE i.serial %% 10 >= %(n)s - 1 AND i.account_id %% 5 <> 0""",
                       {"n": INVOICES_PER_ACCOUNT})
        cursor.execute("""
            INSERT INTO credit_paymentallocation (payment_id, invoice_id, amount, created_at)
            SELECT p.id, p.invoice_id, p.amount, now() FROM credit_payment p""", {})
        # Advances: every third account paid 10,000 ₽ that no invoice took.
        cursor.execute("""
            INSERT INTO credit_payment (account_id, method, source, amount, currency,
              received_on, reference, payer_inn, purpose, created_at)
            SELECT a.id, 'BANK_TRANSFER', 'MANUAL', 10000, 'RUB', %(today)s - 2,
              'A' || a.id, '', 'Аванс', now()
            FROM credit_creditaccount a WHERE a.id %% 3 = 0""", {"today": today})
        cursor.execute("SELECT count(*) FROM credit_payment")
        counts["payments"] = cursor.fetchone()[0]
        cursor.execute("""
            UPDATE credit_invoice i SET paid_total = paid.amount, status = CASE
              WHEN paid.amount >= i.total_gross THEN 'PAID'
              WHEN paid.amount > 0 THEN 'PARTIALLY_PAID'
              WHEN i.due_on < %(today)s THEN 'OVERDUE' ELSE 'UNPAID' END
            FROM (SELECT i2.id, coalesce(sum(al.amount), 0) AS amount FROM credit_invoice i2
                  LEFT JOIN credit_paymentallocation al ON al.invoice_id = i2.id
                  GROUP BY i2.id) paid
            WHERE paid.id = i.id""", {"today": today})
        cursor.execute("""
            INSERT INTO credit_ledgerentry (account_id, kind, amount, occurred_on, invoice_id,
              reason, created_at)
            SELECT account_id, 'INVOICE', total_gross, issued_on, id, '', now()
            FROM credit_invoice""")
        cursor.execute("""
            INSERT INTO credit_ledgerentry (account_id, kind, amount, occurred_on, payment_id,
              reason, created_at)
            SELECT account_id, 'PAYMENT', -amount, received_on, id, '', now()
            FROM credit_payment""")
        counts["entries"] = counts["invoices"] + counts["payments"]
        # The status update left a dead copy of every invoice: vacuumed, as the generator
        # leaves its other tables.
        cursor.execute(f"VACUUM ANALYZE {', '.join(TABLES)}")
    return counts
