from django.db import migrations


def install(apps, schema_editor):
    from partnering.assessment import builtins

    builtins.install(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
