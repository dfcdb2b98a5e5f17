"""A loader remembers the model rows it loads as siblings for later loads, unless its values
are never rows (``remembers_rows = False``: the price loaders), whose values are then not
walked at all."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from backend.accounts.models import Organization
from backend.core.graphql.loaders import DataLoader, _rows_of
from price_rules.schema.price_loaders import (
    PriceBookByVariantIdLoader,
    PriceRangeByProductIdLoader,
)

pytestmark = pytest.mark.django_db


class _Rows(DataLoader):
    def batch_load(self, keys):
        rows = Organization.objects.in_bulk(keys)
        return [rows.get(key) for key in keys]


class _NotRows(_Rows):
    remembers_rows = False


def _loaded(loader_class, key):
    """(the row loaded for ``key``, the rows the request remembers after)."""
    context = SimpleNamespace(viewer=None)
    loader = loader_class(context)
    loaded = loader.load(key)
    loader.dispatch_queue()
    return loaded.result(), _rows_of(context, Organization)


def test_rows_loaded_are_remembered(network):
    row, remembered = _loaded(_Rows, network["dealer_a"].pk)
    assert remembered == [row]


def test_a_loader_whose_values_are_not_rows_remembers_nothing(network):
    row, remembered = _loaded(_NotRows, network["dealer_a"].pk)
    assert row.pk == network["dealer_a"].pk
    assert remembered == []
    assert not PriceBookByVariantIdLoader.remembers_rows
    assert not PriceRangeByProductIdLoader.remembers_rows
