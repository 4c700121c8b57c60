"""import_articles reads one story the same from .txt, .md and .html, and refuses a body it
cannot store with a named error, writing nothing of that file."""

import pytest

from articles.models import Article
from tests.test_import_articles import run

pytestmark = pytest.mark.django_db

HEADLINE = "Kim arrives in Beijing for talks"

TXT = f"""{HEADLINE}

Kim Jong Un arrived in Beijing on Tuesday by armored train.
Officials said the talks would cover “regional questions”.
## A long agenda
Kim’s visit was not announced in advance.
"""

MD = f"""---
title: {HEADLINE}
---

Kim Jong Un arrived in Beijing on *Tuesday* by [armored train](https://news.example/train).

Officials said the talks would cover **“regional questions”**.

## A long agenda

Kim’s visit was not announced in advance.
"""

HTML = f"""<!doctype html>
<html><head><title>{HEADLINE} | Wire</title></head>
<body>
<h1>{HEADLINE}</h1>
<p>Kim Jong Un arrived in Beijing on <i>Tuesday</i> by
   <a href="https://news.example/train" onclick="steal()">armored train</a>.</p>
<script>alert("x")</script>
<div>Officials said the talks would cover <b>“regional questions”</b>.</div>
<h2>A long agenda</h2>
<p>Kim’s visit was not announced in advance.</p>
</body></html>
"""

READING_TEXT = (
    "Kim Jong Un arrived in Beijing on Tuesday by armored train.\n"
    "Officials said the talks would cover “regional questions”.\n"
    "A long agenda\n"
    "Kim’s visit was not announced in advance."
)


@pytest.mark.parametrize(("name", "content"), [("s.txt", TXT), ("s.md", MD), ("s.html", HTML)])
def test_the_same_story_in_each_format_gives_the_same_reading_text(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    _, err, error = run(path, "--section", "world")

    assert error is None, err
    article = Article.objects.get()
    assert article.headline == HEADLINE
    assert article.text == READING_TEXT
    assert "<h2>A long agenda</h2>" in article.body


@pytest.mark.parametrize("name", ["s.md", "s.html"])
def test_markdown_and_html_keep_links_and_emphasis_and_drop_the_rest(tmp_path, name):
    path = tmp_path / name
    path.write_text(MD if name.endswith(".md") else HTML, encoding="utf-8")

    run(path, "--section", "world")

    body = Article.objects.get().body
    assert '<a href="https://news.example/train" rel="noopener">armored train</a>' in body
    assert "<em>Tuesday</em>" in body
    assert "<strong>“regional questions”</strong>" in body
    assert "script" not in body and "onclick" not in body and "alert" not in body


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bad-link.md",
            "---\ntitle: A story\n---\n\nSee [this](javascript:alert(1)) now.\n",
            "points to “javascript:alert(1)”",
        ),
        (
            "picture.md",
            "---\ntitle: A story\n---\n\nA picture: ![a cat](https://news.example/cat.jpg)\n",
            "holds a picture",
        ),
        (
            "broken.html",
            "<h1>A story</h1><p>Some <strong>bold</em> text</p>",
            "malformed",
        ),
        (
            "deep.html",
            "<h1>A story</h1>" + "<blockquote>" * 60 + "deep" + "</blockquote>" * 60,
            "nested more than",
        ),
        (
            "huge.html",
            "<h1>A story</h1>" + "<p>" + "word " * 210_000 + "</p>",
            "too long",
        ),
        ("empty.html", "<h1>A story</h1><p>  </p><script>x()</script>", "no text"),
        ("nothing.html", "<p>No headline here.</p>", "has no headline"),
    ],
)
def test_a_body_that_cannot_be_stored_is_refused_by_name_and_nothing_is_written(
    tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    _, err, error = run(path, "--section", "world")

    assert error is not None
    assert name in err and message in err
    assert not Article.objects.exists()


def test_importing_the_same_html_again_changes_nothing(tmp_path):
    path = tmp_path / "s.html"
    path.write_text(HTML, encoding="utf-8")
    run(path, "--section", "world")
    article = Article.objects.get()

    out, _, error = run(path, "--section", "world")

    assert error is None
    assert "unchanged" in out
    assert Article.objects.get().version == article.version
