"""An account's ledger entries as a connection nested in a list of accounts (or in
organizations' ``creditAccount``): the pages of every account of the list in one query,
newest first, and their counts, when asked, in one more, as the warehouses' nested stock
pages do (``backend/core/graphql/nested_pages.py``).
"""

from __future__ import annotations

from backend.core.graphql.nested_pages import NestedPagesLoader

from ..models import CreditAccount
from ..visibility import visible_entries


class EntryPagesLoader(NestedPagesLoader):
    """Pages of each account's entries (by account id) for one set of arguments."""

    siblings = ((CreditAccount, "pk"),)
    parent = "account_id"
    order = ("-occurred_on", "-pk")

    def rows(self):
        rows = visible_entries(self.context.viewer)
        if self.arguments.get("from_") is not None:
            rows = rows.filter(occurred_on__gte=self.arguments["from_"])
        if self.arguments.get("to") is not None:
            rows = rows.filter(occurred_on__lte=self.arguments["to"])
        return rows
