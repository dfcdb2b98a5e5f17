"""Stored price sort keys (``price_rules/stored_keys.py``): the tables that hold each
buyer's keys per (rules version, day), and the triggers that raise the rules version at
the commit of any transaction that wrote a table the keys are computed from.

Why triggers rather than signals or the services: a key reads nine price tables and four
of the catalog and accounts, written by services, admin pages, ``bulk_create``,
``QuerySet.update``, the Excel import, the bench's ``COPY`` and raw SQL; a trigger sees them
all, so no write path can forget. Statement-level (one call per statement, however many
rows a bulk write touches) and deferred to the commit: a statement only records its
transaction in ``price_rules_rules_change`` (no lock on anything shared), and a constraint
trigger on that row raises the counter when the transaction commits. Raising the counter
at once would lock its row for the whole writing transaction: every price or catalog
write would wait for the longest one, and a write that locks a list after changing
another could deadlock with one doing the reverse. A sequence would not do: ``nextval`` is
seen by others before the change commits, so a reader could store keys computed from the
old rows under the new number.

The tables are SQL only, with no Django model: they are a cache the catalog reads through
``stored_keys``, with nothing to edit in an admin page. No foreign keys either: a check per
inserted row would slow the fill of 20,000 keys, and rows of a deleted buyer or product
belong to an old version (the delete raised it) that the pruning removes.
"""

from django.db import migrations

# The tables whose rows a sort key reads, with the columns it reads for the tables that are
# written often for other reasons (None: any change). Left out on purpose, each changing
# nothing a key reads: price_rules_recomputejob (a job's progress; the entries it writes
# are watched), price_rules_volumediscount* (applied to a cart's total, not to a unit
# price). tests/test_price_sort_stored.py checks that every price_rules table is in one
# list or the other.
WATCHED = {
    "price_rules_pricegroup": None,
    "price_rules_pricegroupmember": None,
    "price_rules_pricelist": None,
    "price_rules_pricelistentry": None,
    "price_rules_pricelistassignment": None,
    "price_rules_resalemarkup": None,
    "price_rules_promotion": None,
    "price_rules_promotion_variants": None,
    "price_rules_promotion_products": None,
    "price_rules_promotion_categories": None,
    "price_rules_promotion_audience_organizations": None,
    "price_rules_promotion_audience_price_groups": None,
    "price_rules_mapfloor": None,
    "catalog_productvariant": ("product_id", "min_order_quantity"),
    "catalog_product": ("category_id",),
    "catalog_category": ("parent_id", "path"),
    "accounts_organization": ("parent_id", "path", "currency", "region", "country"),
}

TABLES = """
CREATE TABLE price_rules_rules_version (
    id smallint PRIMARY KEY CHECK (id = 1),
    value bigint NOT NULL
);
INSERT INTO price_rules_rules_version (id, value) VALUES (1, 1);
CREATE TABLE price_rules_rules_change (txid bigint PRIMARY KEY);
CREATE TABLE price_rules_buyer_price_key_set (
    buyer_id bigint NOT NULL,
    version bigint NOT NULL,
    day date NOT NULL,
    filled_at timestamptz NOT NULL DEFAULT now(),
    keys integer NOT NULL,
    PRIMARY KEY (buyer_id, version, day)
);
CREATE TABLE price_rules_buyer_price_key (
    buyer_id bigint NOT NULL,
    version bigint NOT NULL,
    day date NOT NULL,
    product_id bigint NOT NULL,
    gross numeric(14, 2) NOT NULL,
    PRIMARY KEY (buyer_id, version, day, product_id) INCLUDE (gross)
);

CREATE FUNCTION price_rules_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO price_rules_rules_change (txid) VALUES (txid_current())
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION price_rules_raise_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE price_rules_rules_version SET value = value + 1 WHERE id = 1;
    DELETE FROM price_rules_rules_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER price_rules_raise_version
    AFTER INSERT ON price_rules_rules_change DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION price_rules_raise_version();
"""

DROP_TABLES = """
DROP TABLE price_rules_buyer_price_key;
DROP TABLE price_rules_buyer_price_key_set;
DROP TABLE price_rules_rules_change;
DROP TABLE price_rules_rules_version;
DROP FUNCTION price_rules_raise_version();
DROP FUNCTION price_rules_note_change();
"""


def _trigger_sql() -> tuple[str, str]:
    create, drop = [], []
    for table, columns in WATCHED.items():
        update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
        name = f"price_rules_keys_{table}"[:63]
        create.append(f"CREATE TRIGGER {name} AFTER INSERT OR {update} OR DELETE OR TRUNCATE "
                      f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION price_rules_note_change();")
        drop.append(f"DROP TRIGGER {name} ON {table};")
    return "\n".join(create), "\n".join(drop)


CREATE_TRIGGERS, DROP_TRIGGERS = _trigger_sql()


class Migration(migrations.Migration):

    dependencies = [
        ("price_rules", "0003_promotion_target_indexes"),
        ("catalog", "0003_product_published_index"),
        ("accounts", "0005_org_perm_manage_prices"),
    ]

    operations = [
        migrations.RunSQL(TABLES, DROP_TABLES),
        migrations.RunSQL(CREATE_TRIGGERS, DROP_TRIGGERS),
    ]
