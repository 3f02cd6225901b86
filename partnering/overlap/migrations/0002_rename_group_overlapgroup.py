from django.db import migrations


class Migration(migrations.Migration):
    """Overlap's Group is OverlapGroup, so nobody confuses it with Django's auth.Group."""

    dependencies = [
        ("mapping", "0001_initial"),
        ("organisations", "0001_initial"),
        ("overlap", "0001_initial"),
    ]

    operations = [migrations.RenameModel("Group", "OverlapGroup")]
