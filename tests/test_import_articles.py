import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from django.utils import timezone

from articles import body as article_body
from articles import text
from articles.models import (
    Article,
    ArticleStatus,
    Byline,
    Entity,
    EntityKind,
    Mention,
    MentionStatus,
    Section,
)
from tests.factories import MentionFactory, PersonFactory, SectionFactory

DATA = Path(__file__).parent / "data"
WIRE_TITLE = "Kim arrives in Beijing for talks with Xi"

pytestmark = pytest.mark.django_db


def run(*args):
    """Run import_articles; returns (stdout, stderr, the CommandError or None)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def story(headline="Council approves waterfront budget", body="The council voted on Monday."):
    return f"{headline}\n\n{body}\n"


def counts():
    return (
        Article.objects.count(),
        Section.objects.count(),
        Entity.objects.count(),
        Byline.objects.count(),
        Article.tags.through.objects.count(),
    )


# --- Wire stories -------------------------------------------------------------------------


def test_a_wire_story_becomes_a_published_article():
    out, err, error = run(
        DATA / "kim_beijing.txt", "--title", WIRE_TITLE, "--section", "world", "--publish"
    )

    assert error is None, err
    article = Article.objects.get()
    assert article.headline == WIRE_TITLE
    assert article.slug == "kim-arrives-in-beijing-for-talks-with-xi"
    assert article.section.slug == "world"
    assert article.status == ArticleStatus.PUBLISHED
    assert article.is_published()
    assert f'created "{WIRE_TITLE}" /articles/kim-arrives-in-beijing-for-talks-with-xi/' in out

    body, reading = article.body, article.text
    parts = [reading[block.start : block.end] for block in text.blocks(reading)]
    assert parts[0] == (
        "North Korean leader Kim Jong Un arrived in Beijing on Tuesday aboard his armored "
        "train for talks with Chinese President Xi Jinping, the first such visit in more than "
        "a year."
    )
    # Paragraphs with and without blank lines between them are one block each.
    assert parts[2].startswith("State media in Pyongyang said")
    # The short line between paragraphs is a subheading: a block of the reading text, with
    # no "## " marker, and an <h2> in the body.
    assert parts[3] == "A long list of talks"
    assert "##" not in reading
    assert len(parts) == 7
    assert body.count("<p>") == 6
    assert body.count("<h2>") == 1
    assert "Kim’s arrival" in reading
    assert "“Nobody expects a breakthrough this week,”" in reading

    html = article_body.render(body)
    assert "<h2>A long list of talks</h2>" in html
    assert "<p>State media in Pyongyang said the visit would “deepen" in html


def test_imported_entities_and_wire_story_make_a_readable_article_page(client):
    call_command("import_entities", str(DATA / "entities.json"), stdout=StringIO())
    _, err, error = run(
        DATA / "kim_beijing.txt", "--title", WIRE_TITLE, "--section", "world", "--publish"
    )
    assert error is None, err

    response = client.get(Article.objects.get().get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{WIRE_TITLE}</h1>" in html
    assert "<h2>A long list of talks</h2>" in html
    assert html.count("<p>") >= 6
    assert "Kim’s arrival had been kept quiet" in html
    assert "“Nobody expects a breakthrough this week,”" in html


def test_the_section_is_created_if_missing_and_the_command_says_so(tmp_path):
    out, _, _ = run(write(tmp_path, "a.txt", story()), "--section", "city-hall")

    section = Section.objects.get()
    assert (section.slug, section.name) == ("city-hall", "City Hall")
    assert 'Created section "City Hall" (/sections/city-hall/)' in out


def test_an_existing_section_is_used_quietly(tmp_path):
    SectionFactory(slug="world", name="World news")

    out, _, _ = run(write(tmp_path, "a.txt", story()), "--section", "world")

    assert Section.objects.count() == 1
    assert Article.objects.get().section.name == "World news"
    assert "Created section" not in out


def test_the_first_line_is_the_headline_when_it_looks_like_one(tmp_path):
    run(write(tmp_path, "a.txt", story()), "--section", "politics", "--title", "Unused")

    article = Article.objects.get()
    assert article.headline == "Council approves waterfront budget"
    assert article.body == "<p>The council voted on Monday.</p>"
    assert article.text == "The council voted on Monday."
    assert article.status == ArticleStatus.DRAFT


def test_author_and_tags(tmp_path):
    PersonFactory(name="Ana Reyes")
    path = write(tmp_path, "a.txt", story())

    out, _, _ = run(
        path, "--section", "politics", "--author", "Ana Reyes", "--author", "Daniel Okafor",
        "--tag", "budget", "--tag", "city council",
    )  # fmt: skip

    article = Article.objects.get()
    assert [b.person.name for b in article.bylines.all()] == ["Ana Reyes", "Daniel Okafor"]
    assert sorted(article.tags.names()) == ["budget", "city council"]
    assert 'Created person "Daniel Okafor" (/people/daniel-okafor/)' in out
    assert 'Created person "Ana Reyes"' not in out
    assert Entity.objects.get(name="Daniel Okafor").kind == EntityKind.PERSON


# --- Markdown with front matter -------------------------------------------------------------

MARKDOWN = """---
title: Council approves “waterfront” budget
dek: Sea wall repairs take the largest share.
section: politics
authors: [Ana Reyes, Daniel Okafor]
tags: [budget, Marrowby]
status: published
publish_at: 2026-01-20T09:00:00Z
---

Marrowby City Council approved next year’s budget on Monday,
after a six-hour session.

## Ferry stop

The plan also pays for a *new* [ferry stop](https://marrowby.example/ferry), **at last**.
"""


def test_markdown_with_front_matter(tmp_path):
    out, err, error = run(write(tmp_path, "budget.md", MARKDOWN))

    assert error is None, err
    article = Article.objects.get()
    assert article.headline == "Council approves “waterfront” budget"
    assert article.slug == "council-approves-waterfront-budget"
    assert article.dek == "Sea wall repairs take the largest share."
    assert article.section.slug == "politics"
    assert [b.person.name for b in article.bylines.all()] == ["Ana Reyes", "Daniel Okafor"]
    assert sorted(article.tags.names()) == ["Marrowby", "budget"]
    assert article.status == ArticleStatus.PUBLISHED
    assert article.publish_at.isoformat() == "2026-01-20T09:00:00+00:00"
    # CommonMark: the soft line break joins its paragraph, "## " is a subheading, and
    # inline markdown becomes emphasis, a link and bold rather than literal text.
    assert article.body == (
        "<p>Marrowby City Council approved next year’s budget on Monday, after a six-hour "
        "session.</p>\n"
        "<h2>Ferry stop</h2>\n"
        "<p>The plan also pays for a <em>new</em> "
        '<a href="https://marrowby.example/ferry" rel="noopener">ferry stop</a>, '
        "<strong>at last</strong>.</p>"
    )
    assert article.text == (
        "Marrowby City Council approved next year’s budget on Monday, after a six-hour session.\n"
        "Ferry stop\n"
        "The plan also pays for a new ferry stop, at last."
    )
    assert 'Created section "Politics"' in out


def test_front_matter_slug_and_a_future_time_schedule_the_article(tmp_path):
    later = (timezone.now() + timezone.timedelta(days=2)).isoformat()
    content = f'---\ntitle: Results day\nslug: results\nsection: business\npublish: true\npublish_at: "{later}"\n---\nText.\n'  # noqa: E501

    run(write(tmp_path, "results.md", content))

    article = Article.objects.get(slug="results")
    assert article.is_scheduled
    assert not Article.objects.published().exists()


def test_the_command_line_section_is_for_files_without_one(tmp_path):
    run(write(tmp_path, "budget.md", MARKDOWN), "--section", "world", "--tag", "extra")

    article = Article.objects.get()
    assert article.section.slug == "politics"
    assert sorted(article.tags.names()) == ["Marrowby", "budget", "extra"]


def test_a_markdown_file_without_front_matter_needs_title_and_section(tmp_path):
    path = write(tmp_path, "notes.md", "Just a paragraph.\n")

    _, err, error = run(path, "--section", "world")
    assert "notes.md: has no title" in err
    assert error is not None

    _, err, error = run(path, "--section", "world", "--title", "Notes")
    assert error is None, err
    assert Article.objects.get().headline == "Notes"


# --- Bad files ------------------------------------------------------------------------------

BAD_FILES = [
    ("empty.txt", "  \n\n", "empty.txt: is empty"),
    (
        "sentence.txt",
        "Kim Jong Un arrived in Beijing on Tuesday.\nHe met Xi Jinping.\n",
        "sentence.txt: has no headline (its first line does not look like one); "
        'give one with --title "..."',
    ),
    ("story.docx", "Headline\n\nBody.", 'story.docx: has an unknown extension ".docx"'),
    ("unclosed.md", "---\ntitle: A\nBody.\n", "front matter is not closed"),
    ("yaml.md", "---\ntitle: A: B: C\n---\nBody.\n", "front matter is not valid YAML (line 2)"),
    ("list.md", "---\n- a\n- b\n---\nBody.\n", 'front matter must be "key: value" lines'),
    (
        "unknown.md",
        "---\ntitle: A\nauthor: Ana Reyes\n---\nBody.\n",
        'front matter has unknown key "author"',
    ),
    ("status.md", "---\ntitle: A\nstatus: live\n---\nBody.\n", 'status "live" is not one of'),
    ("publish.md", "---\ntitle: A\npublish: maybe\n---\nBody.\n", "publish must be true or false"),
    (
        "when.md",
        "---\ntitle: A\npublish_at: next tuesday\n---\nBody.\n",
        "publish_at must be a date and time",
    ),
    ("slug.md", "---\ntitle: A\nslug: not a slug\n---\nBody.\n", 'slug "not a slug" is not a slug'),
    ("title.md", "---\ntitle: 2026\n---\nBody.\n", "title must be text"),
    ("both.md", "---\ntitle: A\nheadline: B\n---\nBody.\n", 'both "title" and "headline"'),
    ("nobody.md", "---\ntitle: A\n---\n\n", "has a headline but no text"),
    ("tag.md", "---\ntitle: A\ntags: [budget, '!!!']\n---\nBody.\n", 'Tag "!!!" needs a letter'),
    (
        "control.md",
        '---\ntitle: "Budget\\bvote"\n---\nBody.\n',
        "Remove the invisible control character",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_bad_file_is_reported_and_the_good_ones_are_kept(tmp_path, name, content, message):
    good = write(tmp_path, "good.txt", story())
    bad = write(tmp_path, name, content)

    out, err, error = run(good, bad, "--section", "world")

    assert message in err
    assert f"{bad}: " in err
    assert str(error) == "1 of 2 files failed"
    assert Article.objects.get().headline == "Council approves waterfront budget"
    assert str(bad) not in out


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Zürich council votes\n\nThe council in Zürich voted.".encode("latin-1"))

    _, err, error = run(path, "--section", "world")

    assert "latin.txt: is not UTF-8 text (byte 0xfc at position 1)" in err
    assert str(error) == "1 of 1 file failed"
    assert counts() == (0, 0, 0, 0, 0)


def test_an_unreadable_file_is_reported(tmp_path):
    _, err, error = run(tmp_path / "missing.txt", tmp_path, "--section", "world")

    assert "missing.txt: cannot be read: No such file or directory" in err
    assert f"{tmp_path}: is a folder; give the files in it" in err
    assert str(error) == "2 of 2 files failed"


def test_a_bad_file_writes_nothing_at_all(tmp_path):
    content = "---\ntitle: A\nsection: new-section\nauthors: New Person\nstatus: gone\n---\nB.\n"

    _, _, error = run(write(tmp_path, "bad.md", content))

    assert error is not None
    assert counts() == (0, 0, 0, 0, 0)


def test_an_article_needs_a_section(tmp_path):
    _, err, error = run(write(tmp_path, "a.txt", story()), "--author", "Ana Reyes")

    assert 'has no section; give --section SLUG or "section:" in front matter' in err
    assert error is not None
    assert counts() == (0, 0, 0, 0, 0)


def test_a_bad_section_option_stops_before_any_file(tmp_path):
    with pytest.raises(CommandError, match='section "World News" is not a slug'):
        call_command(
            "import_articles", str(write(tmp_path, "a.txt", story())), section="World News"
        )


def test_a_failure_while_adding_bylines_rolls_the_whole_file_back(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise IntegrityError("the database refused the byline")

    monkeypatch.setattr(Byline, "save", fail)
    path = write(tmp_path, "a.txt", story())

    _, err, error = run(path, "--section", "world", "--author", "Ana Reyes", "--tag", "t")

    assert "a.txt: the database refused the byline (nothing imported)" in err
    assert str(error) == "1 of 1 file failed"
    assert counts() == (0, 0, 0, 0, 0)


def test_an_author_named_with_a_control_character_is_refused(tmp_path):
    path = write(tmp_path, "a.txt", story())

    _, err, error = run(path, "--section", "world", "--author", "Ana\x08Reyes")

    assert str(error) == '--author "AnaReyes" holds an invisible control character'
    assert counts() == (0, 0, 0, 0, 0)


def test_two_files_with_the_same_slug_in_one_run(tmp_path):
    first = write(tmp_path, "a.txt", story(body="First."))
    second = write(tmp_path, "b.txt", story(body="Second."))

    _, err, error = run(first, second, "--section", "world")

    assert f'b.txt: has the same slug "council-approves-waterfront-budget" as {first}' in err
    assert str(error) == "1 of 2 files failed"
    assert Article.objects.get().text == "First."


# --- Importing again ------------------------------------------------------------------------


def test_importing_again_updates_the_article_instead_of_duplicating(tmp_path):
    path = write(tmp_path, "a.txt", story())
    run(path, "--section", "world", "--author", "Ana Reyes", "--tag", "budget")
    before = counts()

    out, _, _ = run(path, "--section", "world", "--author", "Ana Reyes", "--tag", "budget")

    assert counts() == before
    assert 'a.txt: unchanged "Council approves waterfront budget"' in out
    assert Article.objects.get().version == 1

    path.write_text(story(body="The council voted on Monday night."), encoding="utf-8")
    out, _, _ = run(path, "--section", "world")

    assert counts() == before
    assert 'a.txt: updated "Council approves waterfront budget"' in out
    article = Article.objects.get()
    assert article.body == "<p>The council voted on Monday night.</p>"
    assert list(article.tags.names()) == ["budget"]
    assert [b.person.name for b in article.bylines.all()] == ["Ana Reyes"]


def test_importing_again_keeps_the_status_unless_told_to_publish(tmp_path):
    path = write(tmp_path, "a.txt", story())
    run(path, "--section", "world", "--publish")
    article = Article.objects.get()
    article.status = ArticleStatus.WITHDRAWN
    article.save()

    run(path, "--section", "world")
    assert Article.objects.get().status == ArticleStatus.WITHDRAWN

    run(path, "--section", "world", "--publish")
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.publish_at == article.first_published_at


def test_a_changed_body_sends_mentions_that_no_longer_fit_to_review(tmp_path):
    path = write(tmp_path, "a.txt", story(body="Kim Jong Un arrived in Beijing."))
    run(path, "--section", "world")
    article = Article.objects.get()
    kept = MentionFactory(article=article, start=0, end=11)
    moved = MentionFactory(article=article, start=23, end=30)

    path.write_text(story(body="Kim Jong Un arrived in the Chinese capital."), encoding="utf-8")
    run(path, "--section", "world")

    assert Mention.objects.get(pk=kept.pk).status == MentionStatus.CONFIRMED
    moved.refresh_from_db()
    assert (moved.status, moved.exact) == (MentionStatus.NEEDS_REVIEW, "Beijing")


# --- Progress -------------------------------------------------------------------------------


def copies(tmp_path, n):
    return [write(tmp_path, f"{i}.txt", story(headline=f"Story number {i}")) for i in range(n)]


def test_a_progress_bar_shows_for_more_than_ten_files(tmp_path):
    out, err, error = run(*copies(tmp_path, 11), "--section", "world")

    assert error is None
    assert "11/11" in err
    assert out.count("created") == 11


def test_no_progress_bar_for_ten_files_or_fewer(tmp_path):
    out, err, error = run(*copies(tmp_path, 10), "--section", "world")

    assert error is None
    assert err == ""
    assert out.count("created") == 10


def test_the_wire_story_file_is_unchanged_by_the_import(tmp_path):
    # The command reads files and never writes them.
    path = shutil.copy(DATA / "kim_beijing.txt", tmp_path / "kim.txt")
    before = Path(path).read_bytes()

    run(path, "--title", WIRE_TITLE, "--section", "world")

    assert Path(path).read_bytes() == before
