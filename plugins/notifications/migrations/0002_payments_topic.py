"""The PAYMENTS topic (overdue invoices, told under ORDER_MODERATION before): the choices,
and the overdue notices already sent moved to it (and back, backwards)."""

from django.db import migrations, models

FORWARD = ("UPDATE notifications_notification SET topic = 'PAYMENTS' "
           "WHERE event_type = 'INVOICE_OVERDUE'")
BACKWARD = ("UPDATE notifications_notification SET topic = 'ORDER_MODERATION' "
            "WHERE topic = 'PAYMENTS'")


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='notification',
            name='topic',
            field=models.CharField(choices=[('ORDER_APPROVAL', 'Approval of orders'), ('ORDER_MODERATION', 'Moderation of orders'), ('ORDER_PROPOSALS', 'Proposals and comments'), ('ORDER_FULFILMENT', 'Production and shipping'), ('ORDER_FORWARDING', 'Forwarding to the manufacturer'), ('PAYMENTS', 'Invoices and payments')], max_length=24),
        ),
        migrations.AlterField(
            model_name='notificationpreference',
            name='topic',
            field=models.CharField(choices=[('ORDER_APPROVAL', 'Approval of orders'), ('ORDER_MODERATION', 'Moderation of orders'), ('ORDER_PROPOSALS', 'Proposals and comments'), ('ORDER_FULFILMENT', 'Production and shipping'), ('ORDER_FORWARDING', 'Forwarding to the manufacturer'), ('PAYMENTS', 'Invoices and payments')], max_length=24),
        ),
        migrations.RunSQL(FORWARD, reverse_sql=BACKWARD),
    ]
