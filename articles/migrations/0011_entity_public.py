"""Entities reach readers only once a published article names them, or once an editor
makes them public on purpose: this flag. It starts off for every entity, so one named only
in drafts, review copies, scheduled or withdrawn articles disappears from the site."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_rich_body"),
    ]

    operations = [
        migrations.AddField(
            model_name="entity",
            name="is_public",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Show on the site even before a published article names it. Left off, "
                    "its page, its feeds and its place in search appear once a published "
                    "article mentions it or carries its byline: a name in unpublished "
                    "stories alone stays unknown."
                ),
                verbose_name="public",
            ),
        ),
    ]
