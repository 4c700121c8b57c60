"""Publishing, scheduling and withdrawing become a permission of their own, for Editors."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_publishing(apps, schema_editor):
    db = schema_editor.connection.alias
    app_config = apps.get_app_config("articles")
    # Historical app configs have no models module, which create_permissions requires.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    publish = Permission.objects.using(db).get(
        content_type__app_label="articles", codename="publish_article"
    )
    Group.objects.using(db).get(name="Editors").permissions.add(publish)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_workflow_redirects"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": ["-publish_at", "-pk"],
                "permissions": [
                    ("publish_article", "Can publish, schedule and withdraw articles")
                ],
            },
        ),
        migrations.RunPython(grant_publishing, migrations.RunPython.noop),
    ]
