"""Full-text search: each article's weighted search vector, with a GIN index on PostgreSQL.

The column is added on every database (SQLite accepts the tsvector type as a plain column
and leaves it empty). The GIN index and the filling of existing rows run on PostgreSQL only:
SQLite has neither GIN indexes nor to_tsvector, and searches there without the column.
"""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "article_search_idx"


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("articles", "Article")
    # The same document as articles.search.document(), written out because a migration
    # must not change when that module does.
    Article.objects.using(schema_editor.connection.alias).update(
        search_vector=SearchVector("headline", weight="A", config="english")
        + SearchVector("dek", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )
    # Made after the filling, which is quicker without an index to keep up.
    table = schema_editor.quote_name(Article._meta.db_table)
    schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON {table} USING gin (search_vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_publish_permission"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_and_index, drop_index),
    ]
