"""orderFileUpload: read the file, guess (or recall) its mapping, keep its rows as text.

Nothing touches the cart: the person confirms or changes the mapping first (``apply``).
Refusals: FILE_TOO_LARGE, INVALID_FILE, TOO_MANY_LINES (``reading``), EMPTY_FILE when no
sheet has a row below its header.
"""

from __future__ import annotations

from typing import IO

from backend.accounts.models import Organization
from backend.core.errors import DomainValidationError

from ..errors import CheckoutErrorCode as Code
from ..models import OrderFile
from .guess import guess_sheet
from .memory import remembered_mappings
from .reading import read_sheets_of
from .stored import as_stored

FILENAME_CHARS = 255


def upload_order_file(user, buyer: Organization, upload: IO[bytes], *, filename: str,
                      size: int) -> OrderFile:
    """The stored file, or DomainValidationError (nothing stored)."""
    sheets = read_sheets_of(upload, filename, size)
    remembered = remembered_mappings(buyer, sheets)
    guesses = [guess_sheet(index, sheet, remembered) for index, sheet in enumerate(sheets)]
    data_rows = 0
    for sheet, guess in zip(sheets, guesses, strict=True):
        header = guess.columns.header_row if guess.columns else 0
        data_rows += sum(1 for number in sheet.numbers if number > header)
    if not data_rows:
        raise DomainValidationError.single(
            Code.EMPTY_FILE, "The file has no rows to order: no sheet has a row below its "
                             "header.", "file")
    return OrderFile.objects.create(user=user, buyer=buyer,
                                    filename=(filename or "order")[-FILENAME_CHARS:],
                                    sheets=as_stored(sheets, guesses))
