import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Entity, EntityKind
from tests.factories import PlaceFactory

DATA = Path(__file__).parent / "data"

pytestmark = pytest.mark.django_db


def run(path):
    out = StringIO()
    call_command("import_entities", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def write_json(tmp_path, data, name="entities.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_it_creates_entities_of_each_kind():
    output = run(DATA / "entities.json")

    assert "Imported 5 entities: 5 created, 0 updated, 0 unchanged." in output
    kim = Entity.objects.get(name="Kim Jong Un")
    assert kim.kind == EntityKind.PERSON
    assert kim.slug == "kim-jong-un"
    assert kim.aliases == ["Kim", "Kim Jong-un"]
    assert kim.description == "Leader of North Korea."
    assert kim.wikidata == "Q56226"
    assert Entity.objects.get(name="United Nations").kind == EntityKind.ORGANIZATION
    assert Entity.objects.get(name="Marrowby").wikidata == ""


def test_importing_again_updates_instead_of_duplicating(tmp_path):
    run(DATA / "entities.json")
    data = json.loads((DATA / "entities.json").read_text(encoding="utf-8"))
    data[0]["aliases"] = ["Kim", "Kim Jong-un", "Kim Jong-eun"]
    data[1]["description"] = "General secretary and president."

    output = run(write_json(tmp_path, data))

    assert "0 created, 2 updated, 3 unchanged" in output
    assert Entity.objects.count() == 5
    assert Entity.objects.get(name="Kim Jong Un").aliases == ["Kim", "Kim Jong-un", "Kim Jong-eun"]
    assert Entity.objects.get(name="Xi Jinping").description == "General secretary and president."


def test_importing_the_same_file_twice_changes_nothing():
    run(DATA / "entities.json")
    before = list(Entity.objects.values().order_by("pk"))

    output = run(DATA / "entities.json")

    assert "0 created, 0 updated, 5 unchanged" in output
    assert list(Entity.objects.values().order_by("pk")) == before


def test_the_same_name_in_another_kind_is_another_entity(tmp_path):
    run(write_json(tmp_path, [{"name": "Georgia", "kind": "place"}]))
    run(write_json(tmp_path, [{"name": "Georgia", "kind": "person"}]))

    assert sorted(Entity.objects.values_list("kind", flat=True)) == ["person", "place"]


def test_fields_missing_from_the_file_are_left_alone(tmp_path):
    run(DATA / "entities.json")

    run(write_json(tmp_path, [{"name": "Kim Jong Un", "kind": "person"}]))

    kim = Entity.objects.get(name="Kim Jong Un")
    assert kim.aliases == ["Kim", "Kim Jong-un"]
    assert kim.wikidata == "Q56226"


def test_an_entity_can_be_published_on_purpose_and_unpublished_again(tmp_path):
    """Before: an import could not say that an entity no published article names yet may
    be shown (its page, feeds, search), as the admin's "public" tick does."""
    run(write_json(tmp_path, [{"name": "Ana Lima", "kind": "person", "public": True}]))
    assert Entity.objects.public().filter(name="Ana Lima").exists()

    run(write_json(tmp_path, [{"name": "Ana Lima", "kind": "person"}]))
    assert Entity.objects.get(name="Ana Lima").is_public  # left alone when not given

    run(write_json(tmp_path, [{"name": "Ana Lima", "kind": "person", "public": False}]))
    assert not Entity.objects.public().filter(name="Ana Lima").exists()


def test_an_empty_wikidata_clears_it(tmp_path):
    run(DATA / "entities.json")

    run(write_json(tmp_path, [{"name": "Beijing", "kind": "place", "wikidata": ""}]))

    assert Entity.objects.get(name="Beijing").wikidata == ""


def test_aliases_are_tidied(tmp_path):
    item = {"name": "Kim Jong Un", "kind": "person", "aliases": [" Kim ", "", "Kim", "Kim Jong Un"]}

    run(write_json(tmp_path, [item]))

    assert Entity.objects.get().aliases == ["Kim"]


GOOD = {"name": "Beijing", "kind": "place", "wikidata": "Q956"}


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ({"name": "Beijing", "kind": "place"}, "must be a JSON list of entities"),
        ([GOOD, "Xi Jinping"], "item 2: is text, not an object"),
        ([GOOD, {"kind": "person"}], "item 2: name is missing"),
        ([GOOD, {"name": "  ", "kind": "person"}], "item 2: name is blank"),
        ([GOOD, {"name": 7, "kind": "person"}], "item 2: name must be text"),
        (
            [GOOD, {"name": "Xi\x08Jinping", "kind": "person"}],
            "name holds an invisible control character",
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "description": "Leader\x0c"}],
            'item 2 ("Xi Jinping"): description holds an invisible control character',
        ),
        ([GOOD, {"name": "Xi Jinping"}], 'item 2 ("Xi Jinping"): kind is missing'),
        (
            [GOOD, {"name": "Moscow", "kind": "city"}],
            'item 2 ("Moscow"): kind "city" is not one of person, organization, place',
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "aliases": "Xi"}],
            'item 2 ("Xi Jinping"): aliases must be a list of names',
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "aliases": ["Xi", 3]}],
            'item 2 ("Xi Jinping"): aliases must be a list of names',
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "description": ["a"]}],
            'item 2 ("Xi Jinping"): description must be text',
        ),
        (
            [GOOD, GOOD, {"name": "Xi Jinping", "kind": "person", "wikidata": "X12"}],
            'item 3 ("Xi Jinping"): wikidata "X12" is not a Wikidata id (Q followed by digits',
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "wikidata": 15031}],
            'item 2 ("Xi Jinping"): wikidata must be text',
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "public": "yes"}],
            'item 2 ("Xi Jinping"): public must be true or false, not text',
        ),
        (
            [GOOD, {"name": "Xi Jinping", "kind": "person", "alias": ["Xi"]}],
            'item 2 ("Xi Jinping"): unknown field "alias"',
        ),
        (
            [GOOD, {"name": "Moscow", "kind": "place", "wikidata": "Q956"}],
            'item 2 ("Moscow"): wikidata "Q956" is also given to item 1 ("Beijing")',
        ),
        ([GOOD, dict(GOOD, wikidata="")], 'item 2 ("Beijing"): the same place as item 1'),
    ],
)
def test_a_bad_file_is_refused_whole(tmp_path, items, message):
    path = write_json(tmp_path, items)

    with pytest.raises(CommandError) as error:
        run(path)

    assert str(path) in str(error.value)
    assert message in str(error.value)
    assert Entity.objects.count() == 0


def test_a_bad_file_leaves_existing_entities_as_they_were(tmp_path):
    run(DATA / "entities.json")
    before = list(Entity.objects.values().order_by("pk"))
    items = [
        {"name": "Kim Jong Un", "kind": "person", "aliases": ["Someone else"]},
        {"name": "Xi Jinping", "kind": "person", "wikidata": "Q0"},
    ]

    with pytest.raises(CommandError, match='item 2 \\("Xi Jinping"\\): wikidata "Q0"'):
        run(write_json(tmp_path, items))

    assert list(Entity.objects.values().order_by("pk")) == before


def test_every_problem_is_listed(tmp_path):
    items = [{"name": "A", "kind": "thing"}, {"name": "B", "kind": "person", "wikidata": "q1"}]

    with pytest.raises(CommandError) as error:
        run(write_json(tmp_path, items))

    assert 'item 1 ("A"): kind "thing"' in str(error.value)
    assert 'item 2 ("B"): wikidata "q1"' in str(error.value)


def test_a_wikidata_id_held_by_another_entity_is_refused(tmp_path):
    PlaceFactory(name="Peking", wikidata="Q956")

    with pytest.raises(CommandError, match='wikidata "Q956" already belongs to the place "Peking"'):
        run(write_json(tmp_path, [GOOD]))

    assert Entity.objects.count() == 1


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "entities.json"
    path.write_text('[{"name": "Beijing",, }]', encoding="utf-8")

    with pytest.raises(CommandError, match="is not valid JSON: .*line 1"):
        run(path)


def test_a_file_nested_too_deeply_is_refused(tmp_path):
    path = tmp_path / "entities.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")

    with pytest.raises(CommandError, match="is nested too deeply to be a list of entities"):
        run(path)
    assert Entity.objects.count() == 0


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "entities.json"
    path.write_bytes('[{"name": "Zürich", "kind": "place"}]'.encode("latin-1"))

    with pytest.raises(CommandError, match="is not UTF-8 text"):
        run(path)
    assert Entity.objects.count() == 0


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="missing.json: cannot be read"):
        run(tmp_path / "missing.json")
