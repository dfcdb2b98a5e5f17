"""Reconciliation statements in the API: ``statementDownload`` (a signed link to the
statement of an account for a period, PDF or xlsx), ``statementCompare`` (a partner's own
statement uploaded and compared with the ledger by a task) and ``statementComparisons``
(the comparisons of the accounts the viewer sees the documents of, newest first).

Which accounts: ``visibility.visible_document_accounts`` (the buyer's accountants, the
seller's side, staff); another account is NOT_FOUND, as one that does not exist, so a
sub-dealer learns nothing of its dealer's account with the manufacturer.
"""

from __future__ import annotations

from decimal import Decimal

import graphene
from django.db import transaction
from graphene_file_upload.scalars import Upload

from backend.checkout.files.reading import max_bytes
from backend.core.errors import CoreErrorCode, DomainValidationError
from backend.core.graphql.connection import resolve_connection
from backend.core.graphql.cost import QUERY_WEIGHT, FieldCost
from backend.core.graphql.ids import decode_global_id, decode_query_id
from backend.core.graphql.types import ModelObjectType
from backend.core.viewer import Viewer
from inventory.schema.preview import MoneyType

from ..engine.comparison import LineStatus
from ..models import ComparisonStatus, CreditAccount, StatementComparison
from ..services.comparisons import mapping_message, start_comparison
from ..services.partner_statement import ColumnMapping, Field
from ..services.statement import LANGUAGES, build_statement
from ..statement_download import sign_statement
from ..tasks import compare_statement
from ..visibility import visible_comparisons, visible_document_accounts
from .errors import CreditError, CreditErrorCode, CreditMutation

ComparisonStatusEnum = graphene.Enum(
    "ComparisonStatus", [(status.value, status.value) for status in ComparisonStatus],
    description="PENDING: being compared; DONE: compared; FAILED: the file could not be "
                "read (see error).")
ComparisonLineStatusEnum = graphene.Enum(
    "ComparisonLineStatus", [(status.value, status.value) for status in LineStatus],
    description="MATCHED; MISSING_IN_LEDGER: only the partner has it; MISSING_IN_PARTNER: "
                "only the ledger has it; AMOUNT_DIFFERS; DATE_DIFFERS.")
DocumentFormatEnum = graphene.Enum("DocumentFormat", [("PDF", "PDF"), ("XLSX", "XLSX")])


def _money(amount: str | None, currency: str) -> MoneyType | None:
    return None if amount is None else MoneyType(amount=Decimal(amount), currency=currency)


class ComparisonLineType(graphene.ObjectType):
    status = graphene.Field(ComparisonLineStatusEnum, required=True)
    date = graphene.Date(description="The ledger's date; null when only the partner has "
                                     "the line.")
    partner_date = graphene.Date(description="The partner's date; null when only the "
                                             "ledger has the line.")
    document = graphene.String(required=True, description=(
        "The ledger's document, else the partner's."))
    ours = graphene.Field(MoneyType, description="Signed as the ledger: + the buyer owes "
                                                 "more, - it owes less.")
    partners = graphene.Field(MoneyType, description="The partner's amount in the ledger's "
                                                     "sense.")
    difference = graphene.Field(MoneyType, description="Ours minus the partner's.")

    class Meta:
        name = "ComparisonLine"


class StatementComparisonType(ModelObjectType):
    status = graphene.Field(ComparisonStatusEnum, required=True)
    agrees = graphene.Boolean(description="Every line matched; null until compared.")
    lines = graphene.List(graphene.NonNull(ComparisonLineType), required=True,
                          description="Line by line, by date.")

    class Meta:
        model = StatementComparison
        name = "StatementComparison"
        visible = visible_comparisons
        fields = ("id", "period_start", "period_end", "file_name", "error", "created_at",
                  "finished_at")
        description = ("A partner's own reconciliation statement compared with the ledger "
                       "of an account for a period.")

    @staticmethod
    def resolve_lines(root: StatementComparison, info):
        currency = root.account.currency
        return [ComparisonLineType(
            status=line["status"], date=_day(line["date"]),
            partner_date=_day(line["partner_date"]), document=line["document"],
            ours=_money(line["ours"], currency), partners=_money(line["partners"], currency),
            difference=_money(line["difference"], currency))
            for line in (root.result or {}).get("lines", [])]


def _day(text: str | None):
    from datetime import date

    return None if text is None else date.fromisoformat(text)


class StatementColumnMappingType(graphene.ObjectType):
    column = graphene.String(required=True, description="The header cell's text.")
    field = graphene.String(description="date, document, debit, credit or amount; null: "
                                        "not read.")

    class Meta:
        name = "StatementColumnMapping"


class StatementColumnInput(graphene.InputObjectType):
    column = graphene.String(required=True, description=(
        "A header cell's text; the same text again names the next such column."))
    field = graphene.String(description="date, document, debit, credit or amount; null: "
                                        "not read.")


def _account(viewer: Viewer, global_id: str) -> CreditAccount:
    account = (visible_document_accounts(viewer).select_related("seller", "buyer")
               .filter(pk=decode_global_id(global_id, "CreditAccount", "account")).first())
    if account is None:
        raise DomainValidationError.single(CoreErrorCode.NOT_FOUND, "No such credit account.",
                                           "account")
    return account


def _language(viewer: Viewer) -> str:
    language = getattr(viewer.user, "language", None)
    return language if language in LANGUAGES else "ru"


class StatementDownload(CreditMutation):
    url = graphene.String(description="Where to GET the file (same origin); valid for "
                                      "ORDER_DOWNLOAD_TTL_SECONDS.")

    class Arguments:
        account = graphene.ID(required=True, description="The CreditAccount.")
        from_ = graphene.Date(name="from", required=True, description="The first day.")
        to = graphene.Date(required=True, description="The last day (inclusive).")
        format = DocumentFormatEnum(required=True)

    class Meta:
        description = ("A short-lived signed link to the account's reconciliation statement "
                       "(акт сверки) for the period, as PDF or xlsx, in the viewer's language. "
                       "PERIOD_INVALID, NO_ENTRIES.")

    @classmethod
    def perform_mutation(cls, root, info, account, from_, to, format):
        viewer = info.context.viewer
        found = _account(viewer, account)
        language = _language(viewer)
        build_statement(found, from_, to, language=language)
        link = sign_statement(viewer, found.pk, from_, to, getattr(format, "value", format),
                              language)
        return cls(url=link.url)


class StatementCompare(CreditMutation):
    comparison = graphene.Field(StatementComparisonType, description=(
        "PENDING until the task has compared it (poll statementComparisons or node)."))
    mapping = graphene.List(graphene.NonNull(StatementColumnMappingType), required=True,
                            description="The header's columns and what each is read as: "
                                        "to confirm when MAPPING_REQUIRED.")

    failure_defaults = {"mapping": []}

    class Arguments:
        account = graphene.ID(required=True)
        from_ = graphene.Date(name="from", required=True)
        to = graphene.Date(required=True)
        file = Upload(required=True, description=(
            "The partner's statement: .xlsx or .csv, its own layout (a date, a document, a "
            "debit and a credit column, or one signed amount)."))
        mapping = graphene.List(graphene.NonNull(StatementColumnInput), description=(
            "The columns as confirmed (the mapping answered before, changed); omitted: "
            "guessed."))

    class Meta:
        description = ("Upload the partner's own reconciliation statement for the period "
                       "and compare it with the ledger, line by line, in the background. "
                       "When its columns cannot be told for sure: MAPPING_REQUIRED and the "
                       "guessed mapping, nothing kept. PERIOD_INVALID.")

    @classmethod
    def perform_mutation(cls, root, info, account, from_, to, file, mapping=None):
        viewer = info.context.viewer
        found = _account(viewer, account)
        size = getattr(file, "size", None)
        started = start_comparison(
            viewer.user, found, from_, to, file, filename=getattr(file, "name", "") or "",
            size=size if size is not None else max_bytes() + 1,
            mapping=_mapping(mapping) if mapping else None)
        answered = [StatementColumnMappingType(column=item.column,
                                               field=item.field.value if item.field else None)
                    for item in started.mapping]
        if started.needs_mapping:
            return cls(mapping=answered, errors=[CreditError(
                field="mapping", code=CreditErrorCode.MAPPING_REQUIRED,
                message=mapping_message())])
        comparison = started.comparison
        assert comparison is not None
        transaction.on_commit(lambda: compare_statement.delay(comparison.pk))
        return cls(comparison=comparison, mapping=answered)


def _mapping(items: list[dict]) -> list[ColumnMapping]:
    fields = {field.value: field for field in Field}
    mapping = []
    for index, item in enumerate(items):
        name = (item.get("field") or "").strip().lower()
        if name and name not in fields:
            raise DomainValidationError.single(
                CoreErrorCode.INVALID, f"«{name}» is not a field; use one of "
                                       f"{', '.join(fields)}.", f"mapping.{index}.field")
        mapping.append(ColumnMapping(item["column"], fields[name] if name else None))
    return mapping


class Queries(graphene.ObjectType):
    statement_comparisons = graphene.ConnectionField(
        StatementComparisonType._meta.connection, required=True, account=graphene.ID(
            description="Only this CreditAccount's."),
        description="Uploaded partners' statements and their comparisons, newest first, of "
                    "the accounts whose documents the viewer sees.")

    @staticmethod
    def resolve_statement_comparisons(root, info, account=None, **args):
        rows = visible_comparisons(info.context.viewer).select_related("account")
        if account:
            rows = rows.filter(account_id=decode_query_id(account, "CreditAccount"))
        return resolve_connection(rows.order_by("-created_at", "-pk"), args,
                                  StatementComparisonType._meta.connection, info=info)


class Mutations(graphene.ObjectType):
    statement_download = StatementDownload.Field()
    statement_compare = StatementCompare.Field()


COSTS = {
    "Query.statementComparisons": FieldCost(QUERY_WEIGHT, query=True),
}
