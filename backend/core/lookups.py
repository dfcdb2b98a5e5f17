"""``field__any=[...]``: ``field = ANY(%s)`` with the values as one array parameter.

``field__in=[...]`` sends one parameter per value; for the hundred keys of a data loader
that means a hundred values prepared one by one and a query text a hundred placeholders
long, which psycopg's client-side binding then parses and rewrites. One array is one
parameter, and PostgreSQL plans it the same way (an index scan with an array condition).
An empty list matches nothing without a query, as ``__in`` does. The values are keys
(``product_id__any=[1, 2]``), not model instances.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, ForeignObject, Lookup


class KeysParameter:
    """Stands for the keys in a query compiled once and executed with many key lists
    (``backend.core.keyed_query``)."""


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        if isinstance(value, KeysParameter):
            return "%s", [value]
        field = self.lhs.output_field
        values = [field.get_db_prep_value(v, connection, prepared=False)
                  for v in value if v is not None]
        if not values:
            raise EmptyResultSet
        return "%s", [values]

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs_sql} = ANY({rhs_sql})", (*lhs_params, *rhs_params)


def register() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)
