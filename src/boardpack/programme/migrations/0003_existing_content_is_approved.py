"""What was recorded before the approval workflow existed had been presented: it counts as
approved. Escalations the board had accepted are now "in hand"."""

from django.db import migrations


def forwards(apps, schema_editor):
    for name in ("WorkstreamUpdate", "ProgrammeUpdate", "FinanceSummary"):
        apps.get_model("programme", name).objects.update(status="approved")
    apps.get_model("programme", "Escalation").objects.filter(status="accepted").update(
        status="in_hand"
    )


def backwards(apps, schema_editor):
    apps.get_model("programme", "Escalation").objects.filter(status="in_hand").update(
        status="accepted"
    )


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_approval_and_escalation_log")]

    operations = [migrations.RunPython(forwards, backwards)]
