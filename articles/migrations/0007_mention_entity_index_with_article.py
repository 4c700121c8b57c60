"""The mentions' entity index also holds the article, so counting an entity's articles
reads the index alone.

On PostgreSQL the new index is built with CREATE INDEX CONCURRENTLY before the old one is
dropped the same way, so a large mentions table stays writable throughout (hence a
migration outside a transaction). Other databases build and drop them plainly.
"""

from django.db import migrations, models

OLD = models.Index(fields=["entity", "status"], name="mention_entity_idx")
NEW = models.Index(fields=["entity", "status", "article"], name="mention_entity_article_idx")


def _swap(apps, schema_editor, add, remove):
    Mention = apps.get_model("articles", "Mention")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(Mention, add, concurrently=True)
        schema_editor.remove_index(Mention, remove, concurrently=True)
    else:
        schema_editor.add_index(Mention, add)
        schema_editor.remove_index(Mention, remove)


def forwards(apps, schema_editor):
    _swap(apps, schema_editor, add=NEW, remove=OLD)


def backwards(apps, schema_editor):
    _swap(apps, schema_editor, add=OLD, remove=NEW)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("articles", "0006_article_search_vector"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="mention", name="mention_entity_idx"),
                migrations.AddIndex(model_name="mention", index=NEW),
            ],
            database_operations=[migrations.RunPython(forwards, backwards)],
        ),
    ]
