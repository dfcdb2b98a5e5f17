"""Stored price sort keys: each buyer's keys per (rules version, day), computed once.

``sort_keys.product_keys_sql`` computes every product's key for a buyer in one statement,
about a second on 100,000 variants: too slow for every sorted page. So the first sort or
price filter of a buyer for the current rules version and day stores the keys
(``INSERT ... SELECT`` of that statement, about 20,000 rows on the bench data), and later
ones read them by an index (``price_rules_buyer_price_key``, tables and triggers in
migration 0003).

Why the stored keys are never stale:

- **The rules version** (``price_rules_rules_version``) is raised at the commit of every
  transaction that wrote a table a key reads: every price table that feeds it, the
  variants' product and minimum order, the products' category, the category tree and the
  organizations' chain, region, currency and country. Database triggers do it, so no
  write path (services, admin, bulk_create, raw SQL, COPY) can forget.
- **The day** is part of the key: promotions and list dates change prices at midnight.
- **A fill never stores old prices as current**: the version is read first, the rules are
  loaded after it, and the ``INSERT`` stores the keys only if the version it sees, in the
  same snapshot as the rows it computes from, is still that one (compute, then check).
  A buyer row read before the version is read again for the same reason.
- **Two first sorts at once** insert the same ``(buyer, version, day)`` row of
  ``price_rules_buyer_price_key_set`` first: the second waits for the first's commit and
  then stores nothing, and reads the first's keys (``ON CONFLICT DO NOTHING``).
- **A transaction that changed prices itself** (its change is not committed, so the
  version is not raised yet) gets its keys computed directly, as before, without storing
  them.

Old versions and days are deleted for the buyer when it fills, and for everyone by the
hourly task ``prune_price_keys`` (Celery beat).

**Shared sets.** A key reads the buyer only through its seller (``parent_id``: the chain
above), its currency, region and price groups, and its id where a rule names it: a list
assigned to the organization, a promotion whose audience names it. A buyer that no rule
names has the same keys as every buyer with the same seller, currency, region, country
and groups (say, a dealer's sub-dealers without a list of their own), so they share one
set: it is stored under an id derived from that ``signature`` (negative, never an
organization's) with the signature itself on the set's row, and read only by buyers whose
signature is exactly that one (a hash collision stores and reads nothing: those buyers
compute their keys directly). A buyer that a rule names keeps a set of its own, with no
signature. The signature is read in the statement that reads the version, so it is the
version's (every table it reads is watched).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from celery import shared_task
from django.db import connection
from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import Product

from . import sort_keys
from .models import PriceGroupMember, PriceListAssignment, Promotion

KEYS = "price_rules_buyer_price_key"
KEY_SETS = "price_rules_buyer_price_key_set"
VERSION = "price_rules_rules_version"
CHANGES = "price_rules_rules_change"

# The buyer's signature: NULL when a rule names it (its keys are its own).
_SIGNATURE = (
    "SELECT o.id, CASE WHEN EXISTS (SELECT 1 FROM "
    f"{PriceListAssignment._meta.db_table} a WHERE a.organization_id = o.id) "
    "OR EXISTS (SELECT 1 FROM "
    f"{Promotion.audience_organizations.through._meta.db_table} p "
    "WHERE p.organization_id = o.id) THEN NULL "
    "ELSE format('%%s|%%L|%%L|%%L|%%s', o.parent_id, o.currency, o.region, o.country, "
    f"ARRAY(SELECT m.group_id FROM {PriceGroupMember._meta.db_table} m "
    "WHERE m.organization_id = o.id ORDER BY 1)) END "
    f"FROM {Organization._meta.db_table} o WHERE o.id = %s")

# The current version, whether this transaction changed prices itself, whether the keys
# the buyer reads for that version and day are stored, whose they are and their signature.
_STATE = (
    f"WITH b(buyer_id, signature) AS MATERIALIZED ({_SIGNATURE}), "
    "k AS MATERIALIZED (SELECT CASE WHEN signature IS NULL THEN buyer_id ELSE -1 - "
    "(hashtextextended(signature, 0) & 4611686018427387903) END AS owner, signature FROM b) "
    f"SELECT v.value, EXISTS (SELECT 1 FROM {CHANGES} c "
    "WHERE c.txid = txid_current_if_assigned()), "
    f"EXISTS (SELECT 1 FROM {KEY_SETS} s WHERE s.buyer_id = k.owner AND s.version = v.value "
    "AND s.day = %s AND s.signature IS NOT DISTINCT FROM k.signature), k.owner, k.signature "
    f"FROM {VERSION} v, k WHERE v.id = 1")

_PRUNE_BUYER = ("DELETE FROM {table} WHERE buyer_id = %s AND (version < %s OR day < %s)")

# The keys and the set's row, only when the version is still the one the rules were read
# at, in the snapshot the keys are computed in; the set's row first, so that a concurrent
# fill of the same set waits for this one and stores nothing.
_FILL = (
    "WITH keys AS ({keys}), "
    f"marker AS (INSERT INTO {KEY_SETS} (buyer_id, version, day, keys, signature) "
    f"SELECT %s, %s, %s, (SELECT count(*) FROM keys), %s WHERE (SELECT value FROM {VERSION} "
    "WHERE id = 1) = %s ON CONFLICT DO NOTHING RETURNING 1), "
    f"stored AS (INSERT INTO {KEYS} (buyer_id, version, day, product_id, gross) "
    "SELECT %s, %s, %s, product_id, price FROM keys WHERE EXISTS (SELECT 1 FROM marker) "
    "ON CONFLICT DO NOTHING RETURNING 1) "
    "SELECT (SELECT count(*) FROM marker), (SELECT count(*) FROM stored)")


def keys_sql(buyer_id: int, version: int, on_date: date) -> tuple[str, list]:
    """SQL of ``(product_id, price)``: the stored keys of a buyer's version and day."""
    return (f"SELECT product_id, gross AS price FROM {KEYS} WHERE buyer_id = %s "
            "AND version = %s AND day = %s", [buyer_id, version, on_date])


@dataclass(frozen=True)
class KeySet:
    """The stored keys a buyer reads: ``keys_sql(owner_id, version, day)``."""

    owner_id: int  # the buyer's id, or a shared set's (negative)
    version: int


def stored_set(buyer: Organization, on_date: date) -> KeySet | None:
    """The stored keys ``buyer`` reads for ``on_date`` (stored now if they were not);
    None when they cannot be: this transaction changed prices itself, or another one
    committed a change while they were computed (the caller then computes them
    directly)."""
    with connection.cursor() as cursor:
        cursor.execute(_STATE, [buyer.pk, on_date])
        version, changed_here, stored, owner, signature = cursor.fetchone()
        if changed_here:
            return None
        if stored:
            return KeySet(owner, version)
        if fill(buyer, on_date, version, owner, signature):
            return KeySet(owner, version)
        cursor.execute(_STATE, [buyer.pk, on_date])
        now, _, stored, owner_now, _ = cursor.fetchone()
        return KeySet(owner, version) if stored and (now, owner_now) == (version,
                                                                          owner) else None


def stored_version(buyer: Organization, on_date: date) -> int | None:
    """The rules version of ``stored_set``."""
    found = stored_set(buyer, on_date)
    return None if found is None else found.version


def key_owner(buyer: Organization) -> int:
    """The id ``buyer``'s keys are stored under (its own, or a shared set's)."""
    with connection.cursor() as cursor:
        cursor.execute(_STATE, [buyer.pk, timezone.localdate()])
        return cursor.fetchone()[3]


def fill(buyer: Organization, on_date: date, version: int, owner: int | None = None,
         signature: str | None = None) -> bool:
    """Store ``buyer``'s keys for ``on_date`` under ``version``, as ``owner``'s (the
    buyer's own by default) with the ``signature`` they are shared by; False when the
    version has moved on (nothing stored) or another transaction stored them first."""
    owner = buyer.pk if owner is None else owner
    with connection.cursor() as cursor:
        for table in (KEYS, KEY_SETS):
            cursor.execute(_PRUNE_BUYER.format(table=table), [owner, version, on_date])
    # The viewer's organization was loaded before the version was read.
    fresh = Organization.objects.get(pk=buyer.pk)
    keys, params = sort_keys.product_keys_sql(fresh, Product.objects.all(), on_date)
    with connection.cursor() as cursor:
        cursor.execute(_FILL.format(keys=keys), [
            *params, owner, version, on_date, signature, version, owner, version, on_date])
        marked, _ = cursor.fetchone()
    return bool(marked)


@shared_task(name="price_rules.prune_price_keys")
def prune_price_keys() -> int:
    """Delete every stored key of an old rules version or day; the number of keys gone."""
    today = timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {KEY_SETS} WHERE version < (SELECT value FROM {VERSION} "
                       "WHERE id = 1) OR day < %s", [today])
        cursor.execute(f"DELETE FROM {KEYS} WHERE version < (SELECT value FROM {VERSION} "
                       "WHERE id = 1) OR day < %s", [today])
        return cursor.rowcount
