"""Stock versions (``inventory/schema/kept_stock.py``): a counter per warehouse raised at
the commit of every transaction that changed the warehouse's stock or incoming supply, and
one (scope 0) raised by any change to what decides who sees which warehouse and how (the
warehouses themselves, the organizations' tree, the variants' products).

The catalog keeps each viewer's per-warehouse stock answers between requests and reads
them again while the versions of the warehouses it shows are unchanged: an order placed in
Krasnodar drops only the answers that show Krasnodar.

As the price rules' version (price_rules/migrations/0004): triggers, so that no write path
(services, admin, bulk_create, QuerySet.update, the Excel upload, COPY, raw SQL) can
forget; statement-level, with transition tables, so a bulk write of 100,000 stock rows
notes each warehouse once; and deferred to the commit, so a writing transaction only
notes (transaction id, warehouse) in ``inventory_stock_change`` and locks nothing shared
until it commits. At the commit the first of its notes raises every warehouse it noted,
in warehouse order (two committing transactions never wait for each other in opposite
orders), and removes its notes; the later ones find nothing left.

SQL only, no model: a cache's bookkeeping, with nothing to edit.
"""

from django.db import migrations

# Stock tables: the warehouses of the changed rows (old and new) are noted.
STOCK_TABLES = ("inventory_stockitem", "inventory_incomingsupply")
# Tables whose change may change any viewer's warehouses or how it sees them (scope 0),
# with the columns that matter for tables written often for other reasons.
VIEW_TABLES = {
    "inventory_warehouse": None,
    "accounts_organization": ("parent_id", "path"),
    "catalog_productvariant": ("product_id",),
}

TABLES = """
CREATE TABLE inventory_stock_version (
    scope bigint PRIMARY KEY,
    value bigint NOT NULL
);
CREATE TABLE inventory_stock_change (
    txid bigint NOT NULL,
    scope bigint NOT NULL,
    PRIMARY KEY (txid, scope)
);

CREATE FUNCTION inventory_note_stock_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO inventory_stock_change (txid, scope)
            SELECT DISTINCT txid_current(), warehouse_id FROM new_rows
            ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO inventory_stock_change (txid, scope)
            SELECT txid_current(), warehouse_id FROM new_rows
            UNION SELECT txid_current(), warehouse_id FROM old_rows
            ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO inventory_stock_change (txid, scope)
            SELECT DISTINCT txid_current(), warehouse_id FROM old_rows
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO inventory_stock_change (txid, scope) VALUES (txid_current(), 0)
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION inventory_note_view_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inventory_stock_change (txid, scope) VALUES (txid_current(), 0)
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION inventory_raise_stock_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO inventory_stock_version AS v (scope, value)
        SELECT scope, 1 FROM inventory_stock_change WHERE txid = NEW.txid ORDER BY scope
        ON CONFLICT (scope) DO UPDATE SET value = v.value + 1;
    DELETE FROM inventory_stock_change WHERE txid = NEW.txid;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER inventory_raise_stock_versions
    AFTER INSERT ON inventory_stock_change DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION inventory_raise_stock_versions();
"""

DROP_TABLES = """
DROP TABLE inventory_stock_change;
DROP TABLE inventory_stock_version;
DROP FUNCTION inventory_raise_stock_versions();
DROP FUNCTION inventory_note_view_change();
DROP FUNCTION inventory_note_stock_change();
"""


def _trigger_sql() -> tuple[str, str]:
    create, drop = [], []
    for table in STOCK_TABLES:
        note = "FOR EACH STATEMENT EXECUTE FUNCTION inventory_note_stock_change();"
        for event, referencing in (("INSERT", "NEW TABLE AS new_rows"),
                                   ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                                   ("DELETE", "OLD TABLE AS old_rows")):
            name = f"inventory_stock_{event.lower()}_{table}"[:63]
            create.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                          f"REFERENCING {referencing} {note}")
            drop.append(f"DROP TRIGGER {name} ON {table};")
        name = f"inventory_stock_truncate_{table}"[:63]
        create.append(f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} {note}")
        drop.append(f"DROP TRIGGER {name} ON {table};")
    for table, columns in VIEW_TABLES.items():
        update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
        name = f"inventory_view_{table}"[:63]
        create.append(f"CREATE TRIGGER {name} AFTER INSERT OR {update} OR DELETE OR TRUNCATE "
                      f"ON {table} FOR EACH STATEMENT "
                      "EXECUTE FUNCTION inventory_note_view_change();")
        drop.append(f"DROP TRIGGER {name} ON {table};")
    return "\n".join(create), "\n".join(drop)


CREATE_TRIGGERS, DROP_TRIGGERS = _trigger_sql()


class Migration(migrations.Migration):

    dependencies = [
        ("inventory", "0001_initial"),
        ("accounts", "0008_perm_manage_credit"),
        ("catalog", "0003_product_published_index"),
    ]

    operations = [
        migrations.RunSQL(TABLES, DROP_TABLES),
        migrations.RunSQL(CREATE_TRIGGERS, DROP_TRIGGERS),
    ]
