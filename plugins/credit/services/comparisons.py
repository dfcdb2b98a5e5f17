"""statementCompare: a partner's own reconciliation statement uploaded, its columns
guessed (or the person's mapping checked), then compared with the ledger by a task
(``tasks.compare_statement``, enqueued by the mutation after the commit).

``start_comparison`` reads the file at once, so a file that cannot be read, a period that
is invalid or columns that cannot be told are answered in the mutation and nothing is
kept; otherwise the file is stored with its layout as a PENDING comparison.
``run_comparison`` (the task) reads the file again, builds the ledger's side of the period
(``services/statement.py``), compares (``engine/comparison.py``) and stores the lines and
the verdict: DONE, or FAILED with the reason. A second run of a finished comparison
changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import IO

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from backend.core.errors import DomainValidationError

from ..engine.comparison import ComparedLine, Comparison, compare_partner
from ..models import ComparisonStatus, CreditAccount, StatementComparison
from .partner_statement import (
    NEEDED,
    ColumnMapping,
    guess_layout,
    layout_of,
    partner_rows,
    read_statement_sheet,
    stored_layout,
)
from .statement import build_statement, check_period

FILENAME_CHARS = 255


@dataclass(frozen=True)
class Started:
    comparison: StatementComparison | None
    mapping: list[ColumnMapping]
    needs_mapping: bool = False


def start_comparison(user, account: CreditAccount, start: date, end: date,
                     upload: IO[bytes], *, filename: str, size: int,
                     mapping: list[ColumnMapping] | None) -> Started:
    check_period(start, end)
    sheet = read_statement_sheet(upload, filename, size)
    layout, guessed = guess_layout(sheet)
    if mapping:
        layout = layout_of(sheet, mapping)
    elif layout is None:
        return Started(None, guessed, needs_mapping=True)
    upload.seek(0)
    comparison = StatementComparison(
        account=account, period_start=start, period_end=end,
        file_name=(filename or "statement")[-FILENAME_CHARS:], mapping=layout.as_stored(),
        uploaded_by=user)
    comparison.file.save(_stored_name(filename), ContentFile(upload.read()), save=False)
    comparison.save()
    return Started(comparison, mapping or guessed)


def mapping_message() -> str:
    return f"Confirm which columns hold what: the file needs {NEEDED}."


def run_comparison(comparison_id: int) -> None:
    with transaction.atomic():
        comparison = (StatementComparison.objects.select_for_update()
                      .select_related("account", "account__seller", "account__buyer")
                      .filter(pk=comparison_id).first())
        if comparison is None or comparison.status != ComparisonStatus.PENDING:
            return
        try:
            with comparison.file.open("rb") as file:
                sheet = read_statement_sheet(file, comparison.file_name, file.size)
            rows = [row for row in partner_rows(sheet, stored_layout(comparison.mapping))
                    if comparison.period_start <= row.day <= comparison.period_end]
            statement = build_statement(comparison.account, comparison.period_start,
                                        comparison.period_end, allow_empty=True)
            result = compare_partner(statement.comparison_lines(), rows)
        except DomainValidationError as error:
            comparison.status = ComparisonStatus.FAILED
            comparison.error = str(error)
        else:
            comparison.status = ComparisonStatus.DONE
            comparison.agrees = result.agrees
            comparison.result = stored_result(result)
        comparison.finished_at = timezone.now()
        comparison.save(update_fields=["status", "error", "agrees", "result", "finished_at"])


def stored_result(result: Comparison) -> dict:
    return {"mirrored": result.mirrored, "lines": [_stored_line(line) for line in result.lines]}


def _stored_line(line: ComparedLine) -> dict:
    return {
        "status": line.status.value,
        "date": line.ours.day.isoformat() if line.ours else None,
        "partner_date": line.partners.day.isoformat() if line.partners else None,
        "document": (line.ours or line.partners).document,  # type: ignore[union-attr]
        "partner_document": line.partners.document if line.partners else "",
        "ours": str(line.ours.amount) if line.ours else None,
        "partners": str(line.partners.amount) if line.partners else None,
        "difference": str(line.difference),
    }


def _stored_name(filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"statement.{extension[:5]}"
