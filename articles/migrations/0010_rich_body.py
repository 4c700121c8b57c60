"""The body becomes sanitised HTML and the reading text a column of its own.

Every plain-text body (a paragraph per line, "## " starting a subheading) is written as
HTML, its reading text derived, and every mention carried to the same words in that text:
the "## " markers and blank lines disappear and runs of spaces collapse, so offsets shift.
A mention on its words must land on the same words, or the migration stops and says which;
one that an edit had already moved off its words (it keeps its old quote) is carried to the
nearest place and keeps its status. Stored revisions of articles are converted too, so
reverting to one made before this migration restores it in the new format.

The plain-text reading below is frozen here as it was, apart from the code of today.
"""

import html
import json
import re

from django.db import migrations, models

import articles.models

SUBHEAD_MARKER = "## "
HTML_SPACE = " \t\n\r\f"
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
QUOTE_CONTEXT = 32


def plain_blocks(body):
    """(tag, start, end) of each paragraph and subheading of a plain-text body."""
    result = []
    position = 0
    for line in body.split("\n"):
        stripped = line.lstrip()
        start = position + len(line) - len(stripped)
        end = position + len(line.rstrip())
        tag = "p"
        if stripped.startswith(SUBHEAD_MARKER):
            tag = "h2"
            start += len(SUBHEAD_MARKER)
            while start < end and body[start].isspace():
                start += 1
        if start < end:
            result.append((tag, start, end))
        position += len(line) + 1
    return result


def convert(body):
    """(html, reading text, offset map) of a plain-text body: the map takes each offset of
    a character kept in the reading text to its offset there."""
    from articles import body as article_body  # The sanitiser of today writes the HTML.

    blocks, lines, offsets = [], [], {}
    position = 0
    for tag, start, end in plain_blocks(body):
        kept = []
        for index in range(start, end):
            char = body[index].replace("\x0b", " ")
            if XML_ILLEGAL.match(char):
                continue
            if char in HTML_SPACE:
                if not kept or kept[-1][1] == " ":
                    continue
                char = " "
            kept.append((index, char))
        while kept and kept[-1][1] == " ":
            kept.pop()
        if not "".join(char for _, char in kept).strip():
            # No-break spaces alone, say: nothing a reader reads, so no paragraph.
            continue
        line = "".join(char for _, char in kept)
        for number, (index, _) in enumerate(kept):
            offsets[index] = position + number
        blocks.append(f"<{tag}>{html.escape(line)}</{tag}>")
        lines.append(line)
        position += len(line) + 1
    markup = article_body.sanitise("\n".join(blocks))
    text = "\n".join(lines)
    if article_body.reading_text(markup) != text:
        raise RuntimeError("The body's HTML does not read as its text.")
    return markup, text, offsets


def carry(start, end, offsets, text_length):
    """The new (start, end) of old start..end: the kept characters it covers, or the
    nearest place when it covers none."""
    inside = [offsets[index] for index in range(start, end) if index in offsets]
    if inside:
        return inside[0], inside[-1] + 1
    after = [new for old, new in offsets.items() if old >= start]
    place = min(after) if after else text_length
    return place, min(place + 1, text_length) if text_length else 0


def same_words(a, b):
    return a.split() == b.split()


def convert_articles(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Mention = apps.get_model("articles", "Mention")
    for article in Article.objects.order_by("pk").iterator():
        old = article.body
        article.body, article.text, offsets = convert(old)
        Article.objects.filter(pk=article.pk).update(body=article.body, text=article.text)
        changed = []
        for mention in Mention.objects.filter(article=article):
            on_its_words = old[mention.start : mention.end] == mention.exact
            start, end = carry(mention.start, mention.end, offsets, len(article.text))
            if on_its_words:
                exact = article.text[start:end]
                if not same_words(exact, mention.exact) or start >= end:
                    raise RuntimeError(
                        f"Mention {mention.pk} of “{mention.exact}” in article {article.pk} "
                        f"cannot be carried to the new text (it would cover “{exact}”); "
                        "fix it, then migrate again."
                    )
                mention.exact = exact
                mention.prefix = article.text[max(0, start - QUOTE_CONTEXT) : start]
                mention.suffix = article.text[end : end + QUOTE_CONTEXT]
            mention.start, mention.end = start, max(end, start + 1)
            changed.append(mention)
        Mention.objects.bulk_update(changed, ["start", "end", "exact", "prefix", "suffix"])
    if schema_editor.connection.vendor == "postgresql":
        from articles.search import document

        Article.objects.update(search_vector=document())


def convert_revisions(apps, schema_editor):
    """Rewrite each stored article revision's body as HTML with its reading text, and its
    mentions' offsets into that text."""
    try:
        Version = apps.get_model("reversion", "Version")
    except LookupError:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    article_type = ContentType.objects.filter(app_label="articles", model="article").first()
    mention_type = ContentType.objects.filter(app_label="articles", model="mention").first()
    if article_type is None:
        return
    for version in Version.objects.filter(content_type=article_type, format="json").iterator():
        data = json.loads(version.serialized_data)
        fields = data[0]["fields"]
        if "text" in fields:
            continue
        old = fields.get("body") or ""
        fields["body"], fields["text"], offsets = convert(old)
        version.serialized_data = json.dumps(data)
        version.save(update_fields=["serialized_data"])
        if mention_type is None:
            continue
        for stored in Version.objects.filter(
            revision_id=version.revision_id, content_type=mention_type, format="json"
        ):
            mention_data = json.loads(stored.serialized_data)
            mention = mention_data[0]["fields"]
            if str(mention.get("article")) != str(version.object_id):
                continue
            start, end = carry(mention["start"], mention["end"], offsets, len(fields["text"]))
            if old[mention["start"] : mention["end"]] == mention["exact"]:
                mention["exact"] = fields["text"][start:end]
            mention["start"], mention["end"] = start, max(end, start + 1)
            stored.serialized_data = json.dumps(mention_data)
            stored.save(update_fields=["serialized_data"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_sensible_years"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="text",
            field=models.TextField(blank=True, editable=False, verbose_name="reading text"),
        ),
        migrations.AlterField(
            model_name="article",
            name="body",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Paragraphs, subheadings, quotes and lists, with links, bold and italic. "
                    "Links to people, organizations and places named in the text come from "
                    "annotations."
                ),
                validators=[articles.models.validate_body],
            ),
        ),
        migrations.RunPython(convert_articles, migrations.RunPython.noop),
        migrations.RunPython(convert_revisions, migrations.RunPython.noop),
    ]
