"""The newsroom's groups and the image library (see articles/migrations/0002 for why the
permissions are created here first).

Editors keep the library (and may delete from it); Reporters upload and describe the
pictures their stories need, so they add and change; Annotators only read it, as they
read articles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Editors": ["add_image", "change_image", "delete_image", "view_image"],
    "Reporters": ["add_image", "change_image", "view_image"],
    "Annotators": ["view_image"],
}


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    app_config = apps.get_app_config("images")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=db)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        found = Permission.objects.using(db).filter(
            content_type__app_label="images", codename__in=codenames
        )
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    db = schema_editor.connection.alias
    for group in Group.objects.using(db).filter(name__in=GROUPS):
        group.permissions.remove(
            *Permission.objects.using(db).filter(content_type__app_label="images")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("articles", "0002_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
