"""A mention whose words an edit deleted keeps its quote but no longer has a place: start ==
end, between words, so that it covers none (before, it kept offsets that had come to cover
other words). Only a mention needing review, or a rejected one, may be so. review_reason
says how its words went ("sentence_deleted"), for the annotation screen to say."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_preview_links"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="mention",
            name="mention_start_before_end",
        ),
        migrations.AddField(
            model_name="mention",
            name="review_reason",
            field=models.CharField(blank=True, default="", editable=False, max_length=20),
        ),
        migrations.AddConstraint(
            model_name="mention",
            constraint=models.CheckConstraint(
                condition=models.Q(start__lt=models.F("end"))
                | models.Q(start=models.F("end"), status__in=["needs_review", "rejected"]),
                name="mention_start_before_end_or_no_place",
            ),
        ),
    ]
