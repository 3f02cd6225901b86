from django.db import migrations


def add_default_topics(apps, schema_editor):
    from partnering.reference.taxonomy import DEFAULT_TOPICS

    Topic = apps.get_model("mapping", "Topic")
    for name, name_cy, aliases, keywords in DEFAULT_TOPICS:
        Topic.objects.get_or_create(
            name=name, defaults={"name_cy": name_cy, "aliases": "\n".join(aliases), "keywords": "\n".join(keywords)}
        )


class Migration(migrations.Migration):
    dependencies = [("mapping", "0001_initial")]
    operations = [migrations.RunPython(add_default_topics, migrations.RunPython.noop)]
