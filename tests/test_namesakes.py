"""Telling namesakes apart: which entities share a name (articles.namesakes), and how the
annotation screen, the review queue and its bulk accept show and treat them."""

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import namesakes
from articles.models import Mention, MentionStatus
from tests.factories import (
    ArticleFactory,
    PersonFactory,
    PlaceFactory,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_reviewmention_changelist")
ENTITIES_URL = reverse("admin:articles_article_annotate_entities")
BODY = "Maria Santos dived off the Azores.\nKim Jong Un arrived in Beijing."
SENATOR = (
    "Brazilian federal senator for Rio de Janeiro who chairs the Senate environment committee."
)
BIOLOGIST = (
    "Portuguese marine biologist at the University of the Azores who studies deep-sea corals."
)


@pytest.fixture
def santos():
    """Two people called Maria Santos: one by name, the other by an alias (one person of a
    kind per name), and Kim Jong Un, who has no namesake."""
    return {
        "senator": PersonFactory(
            name="Maria Santos", aliases=["Santos"], description=SENATOR, wikidata="Q111"
        ),
        "biologist": PersonFactory(
            name="Maria Santos Ferreira",
            aliases=["Maria Santos", "Santos", "Dr Santos"],
            description=BIOLOGIST,
        ),
        "kim": PersonFactory(
            name="Kim Jong Un", aliases=["Kim"], description="Leader of North Korea."
        ),
    }


def ids(found):
    return {pk: {entity.pk for entity in others} for pk, others in found.items()}


# --- The rule ------------------------------------------------------------------------------


def test_a_name_that_is_anothers_alias_makes_namesakes_both_ways(santos):
    senator, biologist, kim = santos["senator"], santos["biologist"], santos["kim"]

    found = namesakes.namesakes_of([senator.pk, biologist.pk, kim.pk])

    assert ids(found) == {senator.pk: {biologist.pk}, biologist.pk: {senator.pk}}


def test_names_differing_in_case_spacing_or_apostrophes_are_namesakes_whatever_the_kind():
    person = PersonFactory(name="Conor O’Brien")
    other = PersonFactory(name="conor  o'brien")
    place = PlaceFactory(name="CONOR O'BRIEN")

    found = namesakes.namesakes_of([person.pk])

    assert ids(found) == {person.pk: {other.pk, place.pk}}


def test_names_differing_only_in_accents_are_namesakes_as_the_suggester_reads_them_alike():
    city = PlaceFactory(name="São Paulo")
    state = PlaceFactory(name="Sao Paulo")
    other = PlaceFactory(name="Salo Paulo")

    found = namesakes.namesakes_of([city.pk, other.pk])

    assert ids(found) == {city.pk: {state.pk}}


def test_a_name_is_a_namesake_of_itself_with_a_qualifier():
    maria = PersonFactory(name="Maria Santos")
    biologist = PersonFactory(name="Maria Santos (marine biologist)")
    paris = PlaceFactory(name="Paris")
    texas = PlaceFactory(name="Paris, Texas")
    lone = PlaceFactory(name="(Untitled)")

    found = namesakes.namesakes_of([maria.pk, paris.pk, lone.pk])

    assert ids(found) == {maria.pk: {biologist.pk}, paris.pk: {texas.pk}}


def test_sharing_an_alias_of_two_words_makes_namesakes_but_one_word_does_not():
    kim = PersonFactory(name="Kim Jong Un", aliases=["Kim"])
    sister = PersonFactory(name="Kim Yo Jong", aliases=["Kim"])
    ferreira = PersonFactory(name="Maria Santos Ferreira", aliases=["Santos", "Maria Santos"])
    silva = PersonFactory(name="Maria Santos Silva", aliases=["Santos", "maria  santos"])

    found = namesakes.namesakes_of([kim.pk, sister.pk, ferreira.pk, silva.pk])

    assert ids(found) == {ferreira.pk: {silva.pk}, silva.pk: {ferreira.pk}}


def test_the_index_is_read_once_until_an_entity_changes(santos, django_assert_num_queries):
    senator, kim = santos["senator"], santos["kim"]
    # Built: the names of every entity, then the namesakes found.
    with django_assert_num_queries(2):
        namesakes.namesakes_of([senator.pk])
    with django_assert_num_queries(1):
        namesakes.namesakes_of([senator.pk])
    with django_assert_num_queries(0):
        assert namesakes.namesakes_of([kim.pk]) == {}

    kim.aliases = ["Kim", "Maria Santos"]
    kim.save()

    assert ids(namesakes.namesakes_of([kim.pk])) == {kim.pk: {senator.pk, santos["biologist"].pk}}


def test_a_description_is_shortened_at_a_word():
    assert namesakes.shortened("Short.") == "Short."
    assert namesakes.shortened("  two\nlines  ") == "two lines"
    said = namesakes.shortened(BIOLOGIST, 40)
    assert said == "Portuguese marine biologist at the…"
    assert len(said) <= 40


# --- The annotation screen ------------------------------------------------------------------


def test_the_state_gives_each_entity_its_description_wikidata_id_and_namesakes(annotator, santos):
    article = ArticleFactory(body=BODY)
    suggested_mention(article, santos["senator"], "Maria Santos")
    suggested_mention(article, santos["kim"], "Kim Jong Un")

    state = annotator.get(
        reverse("admin:articles_article_annotate_state", args=[article.pk])
    ).json()

    senator, kim = (mention["entity"] for mention in state["mentions"])
    assert senator["description"] == SENATOR
    assert senator["description_short"] == namesakes.shortened(SENATOR)
    assert senator["wikidata"] == "Q111"
    assert senator["wikidata_url"] == "https://www.wikidata.org/wiki/Q111"
    assert senator["namesakes"] == [
        {
            "id": santos["biologist"].pk,
            "name": "Maria Santos Ferreira",
            "said": "Maria Santos Ferreira (Portuguese marine biologist at the University of the…)",
        }
    ]
    assert (kim["description"], kim["wikidata"], kim["namesakes"]) == (
        "Leader of North Korea.",
        "",
        [],
    )
    assert {entity["name"]: entity["namesakes"] for entity in state["entities"]}[
        "Maria Santos"
    ] == senator["namesakes"]


def test_the_entity_search_gives_both_namesakes_with_their_descriptions(annotator, santos):
    results = annotator.get(ENTITIES_URL, {"q": "Maria Santos"}).json()["results"]

    assert [(r["name"], r["description"], r["wikidata"]) for r in results] == [
        ("Maria Santos", SENATOR, "Q111"),
        ("Maria Santos Ferreira", BIOLOGIST, ""),
    ]
    assert [[other["id"] for other in r["namesakes"]] for r in results] == [
        [santos["biologist"].pk],
        [santos["senator"].pk],
    ]


def test_the_screens_script_writes_descriptions_as_text_never_as_markup():
    script = (settings.BASE_DIR / "articles/static/articles/annotate.js").read_text()

    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


# --- The review queue -----------------------------------------------------------------------


def queue_of(santos, rows):
    """`rows` articles, each with a suggestion of the senator and one of Kim Jong Un."""
    articles = [ArticleFactory(body=BODY, headline=f"Dive {n}") for n in range(rows)]
    for article in articles:
        suggested_mention(article, santos["senator"], "Maria Santos")
        suggested_mention(article, santos["kim"], "Kim Jong Un")
    return articles


def test_the_queue_shows_descriptions_wikidata_ids_and_a_namesake_marker(annotator, santos):
    queue_of(santos, 1)

    html = annotator.get(QUEUE).content.decode()

    assert "Brazilian federal senator for Rio de Janeiro" in html
    assert "Leader of North Korea." in html
    assert '<a href="https://www.wikidata.org/wiki/Q111">Q111</a>' in html
    # The senator's row is marked, naming the other Maria Santos; Kim's is not.
    assert html.count('class="namesake-marker"') == 1
    assert (
        '<span class="namesake-marker">Same name as 1 other:</span> Maria Santos Ferreira '
        "(Portuguese marine biologist"
    ) in html


def test_a_description_is_escaped_in_the_queue(annotator):
    person = PersonFactory(name="Maria Santos", description="<b>bold</b> & <script>x</script>")
    suggested_mention(ArticleFactory(body=BODY), person, "Maria Santos")

    html = annotator.get(QUEUE).content.decode()

    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x</script>" not in html


@pytest.mark.parametrize("rows", [1, 20])
def test_the_queue_takes_the_same_queries_however_many_rows(
    annotator, santos, rows, django_assert_num_queries
):
    queue_of(santos, rows)

    # Session, user, two for permissions, the entity and section filters, two counts (with
    # and without filters), the page, the index of namesakes (its first build), the
    # namesakes of the page's entities, the gazetteer (its first build) and the entities
    # that share the words of the page's suggestions ("Maria Santos" names both).
    with django_assert_num_queries(13):
        response = annotator.get(QUEUE)

    page = response.content.decode()
    assert page.count('class="namesake-marker"') == rows
    assert page.count('class="look-marker"') == rows


def test_bulk_accept_refuses_namesakes_naming_them_and_accepts_the_rest(annotator, santos):
    articles = queue_of(santos, 2)
    article = articles[0]

    response = annotator.post(
        QUEUE,
        {
            "action": "accept_mentions",
            "_selected_action": list(Mention.objects.values_list("pk", flat=True)),
        },
        follow=True,
    )

    statuses = {(m.entity.name, m.status) for m in Mention.objects.select_related("entity")}
    assert statuses == {
        ("Maria Santos", MentionStatus.SUGGESTED),
        ("Kim Jong Un", MentionStatus.CONFIRMED),
    }
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert "Accepted 2 mentions." in said
    assert (
        f"“Maria Santos” (Maria Santos) in “{article.headline}” was not accepted: Maria "
        "Santos has a namesake (Maria Santos Ferreira (Portuguese marine biologist at the "
        "University of the…)): open it in the annotation screen and choose."
    ) in said


def test_a_namesakes_suggestion_is_accepted_one_by_one_on_the_annotation_screen(annotator, santos):
    article = ArticleFactory(body=BODY)
    mention = suggested_mention(article, santos["biologist"], "Maria Santos")

    response = annotator.post(
        reverse("admin:articles_article_annotate_mention", args=[article.pk, mention.pk]),
        {"status": "confirmed"},
        content_type="application/json",
    )

    assert response.status_code == 200
    mention.refresh_from_db()
    assert mention.status == MentionStatus.CONFIRMED
