"""Stored price sort keys shared by buyers whose prices cannot differ
(``price_rules/stored_keys.py``): a set of keys names the resolution inputs it was
computed for (``signature``), so a set stored under a shared id is read only by buyers
with exactly those inputs; a buyer's own set has none."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("price_rules", "0004_stored_price_keys"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE price_rules_buyer_price_key_set ADD COLUMN signature text",
            "ALTER TABLE price_rules_buyer_price_key_set DROP COLUMN signature"),
    ]
