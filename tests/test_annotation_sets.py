"""The annotation corpora, the development one (tests/data/annotation_corpus/) and the
held-out ones (every tests/data/annotation_holdout*/, each written by someone who had not
read the rules): that each reads as it is written.

Loader checks only: the floors on the suggestions, held on the development corpus, are
in tests/test_annotation_corpus.py; the held-out set measures how well they generalise
(``bench/annotation_quality.py --corpus tests/data/annotation_holdout``). No database.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests import corpus

pytestmark = pytest.mark.text_only

HOLDOUTS = sorted(
    corpus.CORPUS.parent.glob("annotation_holdout*"),
    key=lambda path: int(path.name.removeprefix("annotation_holdout") or 1),
)


@pytest.fixture(scope="module", params=[corpus.CORPUS, *HOLDOUTS], ids=lambda path: path.name)
def directory(request):
    return request.param


@pytest.fixture(scope="module")
def stories(directory):
    return corpus.load_stories(directory / "stories")


@pytest.fixture(scope="module")
def entities(directory):
    return corpus.load_entities(directory / "gazetteer.json")


def test_the_set_has_stories(stories):
    assert len(stories) >= 6
    assert all(story.gold for story in stories)


def test_gold_spans_read_back_as_marked(directory, stories):
    """Each span's text is the surface written in the file, in the file's order."""
    for story in stories:
        raw = (directory / "stories" / f"{story.name}.txt").read_text(encoding="utf-8")
        raw = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), raw)
        written = [
            (match.group(1) or match.group(2)).split("|")[0]
            for match in re.finditer(r"\[\[(.*?)\]\]|\{\{(.*?)\}\}", raw)
        ]
        spans = sorted([*story.gold, *story.traps])
        assert [story.text[span.start : span.end] for span in spans] == written, story.name


def test_the_reading_text_has_a_paragraph_per_line(stories):
    for story in stories:
        assert "\n\n" not in story.text and story.text == story.text.strip(), story.name


def test_gold_mentions_and_traps_do_not_overlap(stories):
    for story in stories:
        spans = sorted([*story.gold, *story.traps])
        for first, second in zip(spans, spans[1:], strict=False):
            assert first.end <= second.start, (story.name, first, second)


# Gold kinds added after some sets were written, with the first held-out set that has
# each: the sets before it were written without it.
KINDS_SINCE = {"accents": 80}


def _written_before(directory, kind: str) -> bool:
    number = directory.name.removeprefix("annotation_holdout")
    return directory != corpus.CORPUS and int(number or 1) < KINDS_SINCE.get(kind, 0)


def test_every_kind_is_present(directory, stories):
    gold = Counter(g.kind for story in stories for g in story.gold)
    traps = Counter(t.kind for story in stories for t in story.traps)
    expected = {kind for kind in corpus.GOLD_KINDS if not _written_before(directory, kind)}
    assert expected <= set(gold) <= set(corpus.GOLD_KINDS)
    assert set(traps) == set(corpus.TRAP_KINDS)


def test_every_gold_key_is_an_entity(stories, entities):
    keys = [entity["key"] for entity in entities]
    assert len(keys) == len(set(keys))
    for story in stories:
        for gold in story.gold:
            assert gold.key in keys, (story.name, gold)


def test_no_name_is_left_unmarked(stories, entities):
    """Every name or alias in a story is a gold mention or inside one, or a trap."""
    for story in stories:
        assert corpus.unmarked_names(story, entities) == [], story.name


@pytest.mark.parametrize(
    "second_marked",
    [path for path in HOLDOUTS if (path / "second").is_dir()],
    ids=lambda path: path.name,
)
def test_a_second_annotators_marking_is_of_the_same_stories_and_entities(second_marked):
    """A set's ``second/`` marks the very texts of its stories, with keys of its gazetteer."""
    stories = corpus.load_stories(second_marked / "stories")
    keys = {entity["key"] for entity in corpus.load_entities(second_marked / "gazetteer.json")}
    second = corpus.load_second(second_marked)
    agreed = corpus.agreement(stories, second)
    assert len(second) == len(stories)
    assert agreed.both > agreed.first_only + agreed.second_only
    assert all(mention.key in keys for story in second for mention in story.gold)
    assert not any(story.traps for story in second)


def test_a_second_marking_of_another_text_is_refused():
    first = [corpus.make_story("s", ["[[Kim|kim]] spoke."])]
    second = [corpus.make_story("s", ["[[Kim|kim]] spoke again."])]
    with pytest.raises(corpus.CorpusError, match="not the text"):
        corpus.agreement(first, second)
