"""Invoice.paid_total: the sum of an invoice's allocations, kept on the row (recomputed by
services/status.py), filled here from the allocations already written."""

from django.db import migrations, models

FILL = """
UPDATE credit_invoice i SET paid_total = al.paid
FROM (SELECT invoice_id, SUM(amount) AS paid FROM credit_paymentallocation
      GROUP BY invoice_id) al
WHERE al.invoice_id = i.id
"""


class Migration(migrations.Migration):

    dependencies = [
        ("credit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="invoice",
            name="paid_total",
            field=models.DecimalField(decimal_places=2, default=0, max_digits=14),
        ),
        # backwards the column goes away with its values: nothing to undo
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop),
    ]
