"""Credit and payments down the seller chain: what a buyer owes its seller, and why.

- ``CreditAccount`` (one per buyer and seller): set by the SELLER (the manufacturer for its
  dealers, a dealer for its sub-dealers): the limit, the payment terms (prepayment or net N
  days), the currency, what happens to an order over the limit, when invoices are issued.
- ``LedgerEntry``: every change of what the buyer owes, signed (+ the buyer owes more: an
  invoice, a refund of a payment, a debit adjustment; - it owes less: a payment, a credit
  note, a credit adjustment). The balance is the sum of the entries, the overdue part and
  the available credit follow from the entries, the invoices and the open orders
  (``services/figures.py``). No code keeps or increments a stored balance.
- ``Invoice`` / ``InvoiceLine``: issued on confirmation of an order or per dispatch (the
  account's ``invoice_policy``), numbered per seller and year («СЧ-26-00042»), due from the
  terms. ``status`` follows from the payments allocated to it (and the date, for OVERDUE):
  the payments service and the daily task write it, always recomputed, never incremented.
- ``Payment`` / ``PaymentAllocation``: money received (bank transfer, card), allocated to
  invoices (the one named, else the oldest open ones); what no invoice takes is an advance,
  allocated to the next invoices issued. A refund is a ledger entry against the payment.
- ``BankStatementImport`` / ``BankStatementRow``: a seller's bank statement file (1C's
  «1CClientBankExchange», CSV, xlsx) and its incoming payments, matched to accounts and
  invoices by invoice number, INN and amount, or left for a person to match.
- ``StatementComparison``: a partner's own reconciliation statement (акт сверки) uploaded
  and compared line by line with the ledger.
- ``Requisites``: an organization's bank details for its documents (invoice, UPD, statement).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.accounts.models import Organization
from backend.core.models import PortalModel
from backend.orders.models import MONEY, QUANTITY, Order, OrderLine


class Terms(models.TextChoices):
    PREPAYMENT = "PREPAYMENT", "prepayment"
    NET = "NET", "net N days"


class OverLimitPolicy(models.TextChoices):
    """What placing an order on account beyond the available credit does."""

    REFUSE = "REFUSE", "refuse the order"
    MODERATE = "MODERATE", "send it to moderation flagged over credit"
    CARD = "CARD", "require card payment now"


class InvoicePolicy(models.TextChoices):
    ON_CONFIRMATION = "ON_CONFIRMATION", "one invoice when the order is confirmed"
    PER_SHIPMENT = "PER_SHIPMENT", "an invoice per dispatch"


class CreditAccount(PortalModel):
    buyer = models.ForeignKey(Organization, on_delete=models.PROTECT,
                              related_name="credit_accounts")
    seller = models.ForeignKey(Organization, on_delete=models.PROTECT,
                               related_name="receivable_accounts")
    currency = models.CharField(max_length=3, default="RUB")
    credit_limit = models.DecimalField(**MONEY, default=0)
    terms = models.CharField(max_length=16, choices=Terms.choices, default=Terms.NET)
    net_days = models.PositiveSmallIntegerField(default=0)
    over_limit_policy = models.CharField(max_length=16, choices=OverLimitPolicy.choices,
                                         default=OverLimitPolicy.REFUSE)
    invoice_policy = models.CharField(max_length=16, choices=InvoicePolicy.choices,
                                      default=InvoicePolicy.ON_CONFIRMATION)
    note = models.TextField(blank=True, default="")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["seller_id", "buyer_id"]
        constraints = [
            models.UniqueConstraint(fields=["buyer", "seller"],
                                    name="credit_account_buyer_seller_unique"),
            models.CheckConstraint(condition=Q(credit_limit__gte=0),
                                   name="credit_account_limit_not_negative"),
            models.CheckConstraint(condition=~Q(buyer=models.F("seller")),
                                   name="credit_account_not_own"),
        ]
        indexes = [models.Index(fields=["seller", "buyer"], name="credit_account_seller_idx")]

    def __str__(self) -> str:
        return f"{self.buyer_id} owes {self.seller_id}"


class EntryKind(models.TextChoices):
    INVOICE = "INVOICE", "invoice"
    PAYMENT = "PAYMENT", "payment"
    CREDIT_NOTE = "CREDIT_NOTE", "credit note"
    ADJUSTMENT = "ADJUSTMENT", "adjustment"
    REFUND = "REFUND", "refund"


class InvoiceStatus(models.TextChoices):
    UNPAID = "UNPAID", "unpaid"
    PARTIALLY_PAID = "PARTIALLY_PAID", "partially paid"
    PAID = "PAID", "paid"
    OVERDUE = "OVERDUE", "overdue"
    CANCELLED = "CANCELLED", "cancelled"


class InvoiceCounter(PortalModel):
    """The last invoice serial per (seller, year): locked for the next one, so a seller's
    invoice numbers have no gaps (tax documents)."""

    seller = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["seller", "year"],
                                               name="invoice_counter_seller_year_unique")]


class Invoice(PortalModel):
    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT,
                                related_name="invoices")
    # The account's parties, kept on the row for visibility and numbering.
    seller = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    buyer = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    order = models.ForeignKey(Order, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="invoices")
    # The order workflow's dispatch an invoice per shipment is for (its id; the workflow
    # is another plugin, so no foreign key).
    dispatch_id = models.PositiveBigIntegerField(null=True, blank=True)
    year = models.PositiveSmallIntegerField()
    serial = models.PositiveIntegerField()
    issued_on = models.DateField()
    due_on = models.DateField()
    currency = models.CharField(max_length=3)
    vat_rate = models.DecimalField(max_digits=5, decimal_places=2)  # percent: 22.00
    total_net = models.DecimalField(**MONEY)
    total_vat = models.DecimalField(**MONEY)
    total_gross = models.DecimalField(**MONEY)
    status = models.CharField(max_length=16, choices=InvoiceStatus.choices,
                              default=InvoiceStatus.UNPAID)
    # The sum of its allocations, recomputed (never incremented) by services/status.py's
    # refresh_status, which every allocation write calls: the receivables monitor sorts
    # every account by what is unpaid without summing the allocations of all invoices.
    paid_total = models.DecimalField(**MONEY, default=0)
    paid_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["seller", "year", "serial"],
                                    name="invoice_seller_number_unique"),
            # One invoice per confirmed order, one per dispatch: issuing is idempotent.
            models.UniqueConstraint(fields=["order"], name="invoice_order_unique",
                                    condition=Q(order__isnull=False, dispatch_id__isnull=True)),
            models.UniqueConstraint(fields=["dispatch_id"], name="invoice_dispatch_unique",
                                    condition=Q(dispatch_id__isnull=False)),
            models.CheckConstraint(condition=Q(total_gross__gt=0),
                                   name="invoice_total_positive"),
        ]
        indexes = [
            models.Index(fields=["account", "issued_on", "id"], name="invoice_account_idx"),
            models.Index(fields=["buyer", "-issued_on", "-id"], name="invoice_buyer_idx"),
            models.Index(fields=["seller", "-issued_on", "-id"], name="invoice_seller_idx"),
            models.Index(fields=["due_on"], name="invoice_open_due_idx",
                         condition=Q(status__in=["UNPAID", "PARTIALLY_PAID", "OVERDUE"])),
        ]


class InvoiceLine(PortalModel):
    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    order_line = models.ForeignKey(OrderLine, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    sku = models.CharField(max_length=64)
    name = models.CharField(max_length=255)
    unit = models.CharField(max_length=16, blank=True, default="")
    quantity = models.DecimalField(**QUANTITY)
    unit_price_net = models.DecimalField(**MONEY)
    total_net = models.DecimalField(**MONEY)
    total_vat = models.DecimalField(**MONEY)
    total_gross = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["invoice_id", "position"]
        constraints = [models.UniqueConstraint(fields=["invoice", "position"],
                                               name="invoice_line_position_unique")]


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "BANK_TRANSFER", "bank transfer"
    CARD = "CARD", "card"


class PaymentSource(models.TextChoices):
    MANUAL = "MANUAL", "recorded by a person"
    BANK_STATEMENT = "BANK_STATEMENT", "imported from a bank statement"
    STRIPE = "STRIPE", "card payment (Stripe)"


class Payment(PortalModel):
    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT,
                                related_name="payments")
    method = models.CharField(max_length=16, choices=PaymentMethod.choices)
    source = models.CharField(max_length=16, choices=PaymentSource.choices)
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3)
    received_on = models.DateField()
    # The bank document's number, or the Stripe PaymentIntent's id: unique per account
    # and source when given, so importing or settling twice records nothing twice.
    reference = models.CharField(max_length=100, blank=True, default="")
    payer_inn = models.CharField(max_length=12, blank=True, default="")
    purpose = models.TextField(blank=True, default="")
    # What the payer named: an invoice (allocated to it first), or an order paid before
    # its invoice exists (a card payment for an order).
    invoice = models.ForeignKey(Invoice, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="named_payments")
    order = models.ForeignKey(Order, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="payments")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.UniqueConstraint(fields=["account", "source", "reference"],
                                    name="payment_reference_unique",
                                    condition=~Q(reference="")),
        ]
        indexes = [models.Index(fields=["account", "received_on", "id"],
                                name="payment_account_idx")]


class PaymentAllocation(PortalModel):
    """Part of a payment taken by an invoice: what the payment still pays on it. Payments
    add rows; a refund beyond the payment's advance lowers or removes them, newest first
    (services/payments.py), and its REFUND ledger entry keeps the history. The invoice's
    ``paid_total`` is their sum, recomputed after each change."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="allocations")
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="allocations")
    amount = models.DecimalField(**MONEY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0),
                                              name="payment_allocation_positive")]
        indexes = [models.Index(fields=["invoice"], name="allocation_invoice_idx")]


class LedgerEntry(PortalModel):
    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT,
                                related_name="entries")
    kind = models.CharField(max_length=16, choices=EntryKind.choices)
    # Signed: + the buyer owes more, - it owes less. In the account's currency.
    amount = models.DecimalField(**MONEY)
    occurred_on = models.DateField()
    invoice = models.ForeignKey(Invoice, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="entries")
    payment = models.ForeignKey(Payment, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="entries")
    reason = models.TextField(blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount=0), name="ledger_entry_not_zero"),
            # An invoice enters the ledger once; a payment once as PAYMENT.
            models.UniqueConstraint(fields=["invoice"], name="ledger_invoice_once",
                                    condition=Q(kind="INVOICE")),
            models.UniqueConstraint(fields=["payment"], name="ledger_payment_once",
                                    condition=Q(kind="PAYMENT")),
        ]
        indexes = [models.Index(fields=["account", "occurred_on", "id"],
                                name="ledger_account_date_idx")]


class StatementFormat(models.TextChoices):
    ONE_C = "ONE_C", "1CClientBankExchange"
    CSV = "CSV", "CSV"
    XLSX = "XLSX", "Excel"


class BankStatementImport(PortalModel):
    # Whose bank account received the money: the manufacturer, or a dealer.
    seller = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=255)
    format = models.CharField(max_length=8, choices=StatementFormat.choices)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class RowState(models.TextChoices):
    MATCHED = "MATCHED", "matched and recorded"
    UNMATCHED = "UNMATCHED", "waiting for a person to match"
    DUPLICATE = "DUPLICATE", "already imported"
    IGNORED = "IGNORED", "not a payment to match (set aside by a person)"


class BankStatementRow(PortalModel):
    statement = models.ForeignKey(BankStatementImport, on_delete=models.CASCADE,
                                  related_name="rows")
    position = models.PositiveIntegerField()
    doc_number = models.CharField(max_length=64, blank=True, default="")
    doc_date = models.DateField()
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3, default="RUB")
    payer_inn = models.CharField(max_length=12, blank=True, default="")
    payer_name = models.CharField(max_length=255, blank=True, default="")
    purpose = models.TextField(blank=True, default="")
    # The same bank document imported again (another file, the same day twice) is found by
    # this: seller, date, number, amount, payer.
    fingerprint = models.CharField(max_length=64)
    state = models.CharField(max_length=16, choices=RowState.choices)
    account = models.ForeignKey(CreditAccount, null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    invoice = models.ForeignKey(Invoice, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    payment = models.OneToOneField(Payment, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="bank_row")
    matched_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["statement_id", "position"]
        indexes = [models.Index(fields=["fingerprint"], name="bank_row_fingerprint_idx"),
                   models.Index(fields=["state"], name="bank_row_unmatched_idx",
                                condition=Q(state="UNMATCHED"))]


class ComparisonStatus(models.TextChoices):
    PENDING = "PENDING", "being compared"
    DONE = "DONE", "compared"
    FAILED = "FAILED", "could not be read"


class StatementComparison(PortalModel):
    """A partner's own reconciliation statement for a period, compared with the ledger by
    a task; ``result`` holds the comparison's lines, ``agrees`` its verdict."""

    account = models.ForeignKey(CreditAccount, on_delete=models.PROTECT,
                                related_name="comparisons")
    period_start = models.DateField()
    period_end = models.DateField()
    file_name = models.CharField(max_length=255)
    file = models.FileField(upload_to="credit/statements/")
    mapping = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=ComparisonStatus.choices,
                              default=ComparisonStatus.PENDING)
    agrees = models.BooleanField(null=True)
    result = models.JSONField(default=dict)
    error = models.TextField(blank=True, default="")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(period_end__gte=models.F(
            "period_start")), name="comparison_period_ordered")]


class Requisites(PortalModel):
    """An organization's details for its documents, beside its name, INN, KPP, address."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE,
                                        related_name="requisites")
    legal_address = models.TextField(blank=True, default="")
    bank_name = models.CharField(max_length=255, blank=True, default="")
    bik = models.CharField("BIK", max_length=9, blank=True, default="")
    bank_account = models.CharField(max_length=20, blank=True, default="")
    correspondent_account = models.CharField(max_length=20, blank=True, default="")
    director = models.CharField(max_length=255, blank=True, default="")
    chief_accountant = models.CharField(max_length=255, blank=True, default="")
    updated_at = models.DateTimeField(auto_now=True)
