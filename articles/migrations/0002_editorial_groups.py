"""The newsroom's three groups and their permissions.

Permissions are normally created after migrate (post_migrate), too late for a migration
that hands them out, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ENTITY_MODELS = ["entity", "person", "organization", "place"]


def _perms(actions, models):
    return [f"{action}_{model}" for model in models for action in actions]


ALL = ["add", "change", "delete", "view"]

# Codenames by app label, per group.
GROUPS = {
    "Editors": {
        "articles": _perms(
            ALL, ["article", "byline", "correction", "section", *ENTITY_MODELS, "mention"]
        ),
        "taggit": _perms(["add", "change", "view"], ["tag"]),
    },
    "Reporters": {
        "articles": [
            *_perms(["add", "change", "view"], ["article", "byline"]),
            *_perms(["view"], ["section", *ENTITY_MODELS, "mention", "correction"]),
        ],
        "taggit": _perms(["add", "view"], ["tag"]),
    },
    "Annotators": {
        "articles": [
            *_perms(["view"], ["article", "section", "byline", "correction"]),
            *_perms(ALL, ["mention"]),
            *_perms(["add", "change", "view"], ENTITY_MODELS),
        ],
    },
}


def create_groups(apps, schema_editor):
    db = schema_editor.connection.alias
    for label in ["auth", "taggit", "articles"]:
        app_config = apps.get_app_config(label)
        # Historical app configs have no models module, which create_permissions requires.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=db)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames_by_app in GROUPS.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        permissions = []
        for app_label, codenames in codenames_by_app.items():
            found = list(
                Permission.objects.using(db).filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )
            missing = set(codenames) - {permission.codename for permission in found}
            if missing:
                raise RuntimeError(f"Missing permissions for {app_label}: {sorted(missing)}")
            permissions += found
        group.permissions.set(permissions)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(create_groups, delete_groups),
    ]
