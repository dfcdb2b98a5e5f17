"""Applications get short numbers (З-000042) from a sequence, the existing ones in the
order they were submitted; stored flags get the parameters the storefront translates
(their English ``message`` stays, for the way back)."""

from django.db import migrations, models

import backend.core.numbering

SEQUENCE = "dealer_network_application_number"


def number_existing(apps, schema_editor):
    Application = apps.get_model("dealer_network", "PartnerApplication")
    with schema_editor.connection.cursor() as cursor:
        for pk in (Application.objects.filter(number=None).order_by("created_at", "pk")
                   .values_list("pk", flat=True)):
            cursor.execute("SELECT nextval(%s)", [SEQUENCE])
            Application.objects.filter(pk=pk).update(number=cursor.fetchone()[0])


def give_flags_parameters(apps, schema_editor):
    Application = apps.get_model("dealer_network", "PartnerApplication")
    Organization = apps.get_model("accounts", "Organization")
    for application in Application.objects.exclude(flags=[]).iterator():
        changed = False
        for flag in application.flags:
            if "name" in flag:
                continue
            changed = True
            if flag.get("organization") is not None:
                org = Organization.objects.filter(pk=flag["organization"]).first()
                flag["name"] = org.name if org else None
                if flag.get("code") == "DUPLICATE_INN" and org:
                    flag.update(inn=org.inn, kpp=org.kpp)
            elif flag.get("application") is not None:
                other = Application.objects.filter(pk=flag["application"]).first()
                flag["name"] = other.company_name if other else None
                flag["number"] = other.number if other else None
                if flag.get("code") == "DUPLICATE_INN" and other:
                    flag.update(inn=other.inn, kpp=other.kpp)
                if (flag.get("message") or "").startswith("A later application"):
                    flag["later"] = True
        if changed:
            Application.objects.filter(pk=application.pk).update(flags=application.flags)


def give_flags_messages(apps, schema_editor):
    """Back: the code before this migration reads a ``message`` from every flag."""
    Application = apps.get_model("dealer_network", "PartnerApplication")
    for application in Application.objects.exclude(flags=[]).iterator():
        for flag in application.flags:
            flag.setdefault("message", f"{flag.get('code')}: {flag.get('name') or '?'}")
        Application.objects.filter(pk=application.pk).update(flags=application.flags)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('dealer_network', '0002_duplicate_applications_are_flagged_not_refused'),
    ]

    operations = [
        backend.core.numbering.NumberSeries(SEQUENCE).create_sequence(),
        migrations.AddField(
            model_name='partnerapplication',
            name='number',
            field=models.BigIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='partnerapplication',
            name='number',
            field=models.BigIntegerField(db_default=backend.core.numbering.NextValue(SEQUENCE), editable=False, help_text='Assigned by the database on insert.', unique=True),
        ),
        migrations.RunPython(give_flags_parameters, give_flags_messages),
    ]
