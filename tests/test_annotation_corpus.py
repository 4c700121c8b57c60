"""The annotation corpus (tests/corpus.py): that it reads as it is written, and that
suggestions and re-anchoring measured on it do not get worse.

No database. bench/annotation_quality.py prints the same measures in full.
"""

from __future__ import annotations

import functools
from collections import Counter

import pytest

from articles.anchoring import map_spans
from tests import corpus

pytestmark = pytest.mark.text_only

# The targets the suggestions must hold on the corpus (0.991 and 0.988 when set; 0.83 and
# 0.75 before the rules of articles/anchoring/rules.py).
PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.98


@pytest.fixture(scope="module")
def stories():
    return corpus.load_stories()


@pytest.fixture(scope="module")
def entities():
    return corpus.load_entities()


# --- The loader ----------------------------------------------------------------------------


def test_markup_gives_plain_text_and_offsets():
    text, gold, traps = corpus.parse(
        "[[SEOUL|seoul|dateline]] - [[Kim\\u00a0Jong Un|kim-jong-un]] left in {{May|month}}."
    )
    assert text == "SEOUL - Kim\u00a0Jong Un left in May."
    assert gold == [
        corpus.Gold(0, 5, "seoul", "dateline"),
        corpus.Gold(8, 19, "kim-jong-un", "plain"),
    ]
    assert traps == [corpus.Trap(28, 31, "month")]


@pytest.mark.parametrize(
    "marked",
    ["[[Kim]] spoke", "[[Kim|kim|odd-kind]]", "{{May|no-such-kind}}", "[[Kim|kim", "a }} b"],
)
def test_bad_markup_is_refused(marked):
    with pytest.raises(corpus.CorpusError):
        corpus.parse(marked)


def test_the_corpus_is_big_enough(stories):
    assert len(stories) >= 8
    assert sum(len(story.text.split()) for story in stories) >= 3000
    assert sum(len(story.gold) for story in stories) >= 250


def test_the_gazetteer_has_distractors_no_story_names(stories, entities):
    named = {gold.key for story in stories for gold in story.gold}
    distractors = {entity["key"] for entity in entities} - named
    assert {"brian-may", "george-h-w-bush", "rio-ferdinand", "michael-b-jordan"} <= distractors


def test_replace_keeps_the_words_old_and_new_share():
    story = corpus.make_story("s", ["Then [[Kim|kim-jong-un]] nodded. [[Xi|xi-jinping]] spoke."])
    edited = corpus.apply_ops(
        story, [{"replace": "Kim nodded", "with": "[[Kim Yo Jong|kim-yo-jong]] nodded"}]
    )
    assert edited.text == "Then Kim Yo Jong nodded. Xi spoke."
    assert edited.carried == [(5, 8), (25, 27)]
    assert edited.renamed == ["kim-yo-jong", None]
    assert corpus.touched(story, edited) == [0]


def test_a_letter_typed_onto_a_name_touches_it():
    story = corpus.make_story("s", ["Then [[Kim|kim-jong-un]] nodded."])
    edited = corpus.apply_ops(story, [{"replace": "Kim nodded", "with": "Kimm nodded"}])
    assert edited.carried == [None]


def test_moves_and_swaps_keep_the_words():
    story = corpus.make_story(
        "s",
        ["One [[Kim|kim-jong-un]]. Two [[Xi|xi-jinping]]. End.", "Three [[Putin|vladimir-putin]]."],
    )
    edited = corpus.apply_ops(
        story, [{"move": "Two Xi. ", "before": "One"}, {"swap": ["Three", "Two"]}]
    )
    assert edited.text == "Three Putin.\nTwo Xi. One Kim. End."
    assert [edited.text[s:e] for s, e in edited.carried] == ["Kim", "Xi", "Putin"]
    assert corpus.touched(story, edited) == []


def test_each_edit_touches_the_mentions_it_says(stories):
    by_name = {story.name: story for story in stories}
    for edit in corpus.load_edits():
        story = by_name[edit["story"]]
        edited = corpus.apply_ops(story, edit["ops"])
        surfaces = [
            story.text[story.gold[i].start : story.gold[i].end]
            for i in corpus.touched(story, edited)
        ]
        assert sorted(surfaces) == sorted(edit["touches"]), edit["title"]


def test_no_mention_moves_silently_through_the_edits(stories):
    """Through the edits of edits.json, map_spans keeps every mention on its own words, or
    on re-typed words naming the same entity, or flags it: it never lands on other words,
    nor stays on words an edit made part of another's name ("Kim" to "Kim Yo Jong",
    "Miliband" to "David Miliband")."""
    by_name = {story.name: story for story in stories}
    for edit in corpus.load_edits():
        story = by_name[edit["story"]]
        edited = corpus.apply_ops(story, edit["ops"])
        mapped = map_spans(story.text, edited.text, corpus.spans_of(story))
        for index, result in enumerate(mapped):
            outcome = corpus.outcome(story, edited, index, result)
            assert outcome in {corpus.KEPT_RIGHT, corpus.FLAGGED}, (edit["title"], index)


# --- Suggestions ---------------------------------------------------------------------------


def test_suggestions_stay_above_the_floors(stories):
    result = corpus.score(stories, corpus.build_gazetteer())
    precision, recall, _ = corpus.overall(result)
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


# What each held-out set scores now, rounded down to the hundredth (precision, recall):
# a rule that helps one set must not quietly cost another more than a suggestion or
# two. They measure how the rules generalise, not targets (docs/annotation.md).
HELD_OUT_FLOORS = {
    "annotation_holdout": (0.98, 0.98),
    "annotation_holdout2": (0.97, 0.97),
    "annotation_holdout3": (0.98, 1.00),
    "annotation_holdout4": (0.97, 0.98),
    "annotation_holdout5": (0.96, 0.98),
    "annotation_holdout6": (0.98, 0.98),
    "annotation_holdout7": (0.97, 0.98),
    "annotation_holdout8": (0.98, 0.98),
    "annotation_holdout9": (0.96, 0.97),
    "annotation_holdout10": (0.98, 0.97),
    "annotation_holdout11": (0.98, 0.98),
    "annotation_holdout12": (0.97, 0.98),
    "annotation_holdout13": (0.97, 0.96),
    "annotation_holdout14": (0.99, 0.97),
    "annotation_holdout15": (0.97, 0.96),
    "annotation_holdout16": (0.96, 0.95),
    "annotation_holdout17": (0.96, 0.94),
    "annotation_holdout18": (0.97, 0.96),
    "annotation_holdout19": (0.96, 0.96),
    "annotation_holdout20": (0.96, 0.95),
    "annotation_holdout21": (0.98, 0.96),
    "annotation_holdout22": (0.97, 0.95),
    "annotation_holdout23": (0.96, 0.95),
    "annotation_holdout24": (0.97, 0.97),
    "annotation_holdout25": (0.97, 0.96),
    "annotation_holdout26": (0.96, 0.97),
    "annotation_holdout27": (0.97, 0.95),
    "annotation_holdout28": (0.95, 0.95),
    "annotation_holdout29": (0.96, 0.95),
    "annotation_holdout30": (0.94, 0.95),
    "annotation_holdout31": (0.97, 0.97),
    "annotation_holdout32": (0.96, 0.96),
    "annotation_holdout33": (0.93, 0.93),
    "annotation_holdout34": (0.97, 0.96),
    "annotation_holdout35": (0.96, 0.95),
    "annotation_holdout36": (0.97, 0.96),
    "annotation_holdout37": (0.97, 0.97),
    "annotation_holdout38": (0.96, 0.95),
    "annotation_holdout39": (0.96, 0.97),
    "annotation_holdout40": (0.96, 0.97),
    "annotation_holdout41": (0.96, 0.98),
    "annotation_holdout42": (0.97, 0.98),
    "annotation_holdout43": (0.97, 0.96),
    "annotation_holdout44": (0.96, 0.95),
    "annotation_holdout45": (0.95, 0.96),
    "annotation_holdout46": (0.96, 0.97),
    "annotation_holdout47": (0.95, 0.96),
    "annotation_holdout48": (0.96, 0.94),
    "annotation_holdout49": (0.95, 0.94),
    "annotation_holdout50": (0.97, 0.97),
    "annotation_holdout51": (0.96, 0.96),
    "annotation_holdout52": (0.95, 0.96),
    "annotation_holdout53": (0.95, 0.95),
    "annotation_holdout54": (0.96, 0.98),
    "annotation_holdout55": (0.95, 0.96),
    "annotation_holdout56": (0.97, 0.97),
    "annotation_holdout57": (0.95, 0.97),
    "annotation_holdout58": (0.99, 0.98),
    "annotation_holdout59": (0.98, 0.99),
    "annotation_holdout60": (0.95, 0.96),
    "annotation_holdout61": (0.93, 0.95),
    "annotation_holdout62": (0.96, 0.97),
    "annotation_holdout63": (0.97, 0.97),
    "annotation_holdout64": (0.94, 0.94),
    "annotation_holdout65": (0.96, 0.96),
    "annotation_holdout66": (0.96, 0.95),  # one suggestion, to a rule of cues (docs)
    "annotation_holdout67": (0.98, 0.99),
    "annotation_holdout68": (0.92, 0.93),
    "annotation_holdout69": (0.96, 0.91),
    "annotation_holdout70": (0.97, 0.97),
    "annotation_holdout71": (0.97, 0.95),
    "annotation_holdout72": (0.93, 0.95),
    "annotation_holdout73": (0.98, 0.98),
    "annotation_holdout74": (0.91, 0.89),
    "annotation_holdout75": (0.97, 0.96),
    "annotation_holdout76": (0.95, 0.95),
    "annotation_holdout77": (0.96, 0.96),
    "annotation_holdout78": (0.94, 0.91),
    "annotation_holdout79": (0.93, 0.94),
    "annotation_holdout80": (0.96, 0.96),
    "annotation_holdout81": (0.97, 0.97),
    "annotation_holdout82": (0.97, 0.96),
    "annotation_holdout83": (0.96, 0.98),
    "annotation_holdout84": (0.95, 0.94),  # one suggestion, to a rule of cues (docs)
    "annotation_holdout85": (0.97, 0.99),
    "annotation_holdout86": (0.94, 0.95),
    "annotation_holdout87": (0.93, 0.92),
    "annotation_holdout88": (0.97, 0.96),
    "annotation_holdout89": (0.94, 0.95),
    "annotation_holdout90": (0.93, 0.94),
    "annotation_holdout91": (0.95, 0.96),
    "annotation_holdout92": (0.97, 0.97),
    "annotation_holdout93": (0.94, 0.91),
    "annotation_holdout94": (0.96, 0.95),
    "annotation_holdout95": (0.96, 0.96),
    "annotation_holdout96": (0.97, 0.94),
    "annotation_holdout97": (0.96, 0.96),
    "annotation_holdout98": (0.96, 0.95),
    "annotation_holdout99": (0.96, 0.96),
    "annotation_holdout100": (0.96, 0.94),
    "annotation_holdout101": (0.96, 0.97),
    "annotation_holdout102": (0.96, 0.94),
    "annotation_holdout103": (0.95, 0.94),
    "annotation_holdout104": (0.93, 0.91),
    "annotation_holdout105": (0.95, 0.95),
    "annotation_holdout106": (0.96, 0.95),
    "annotation_holdout107": (0.95, 0.96),
    "annotation_holdout108": (0.95, 0.94),
    "annotation_holdout109": (0.97, 0.97),
    "annotation_holdout110": (0.95, 0.96),
    "annotation_holdout111": (0.95, 0.93),
    "annotation_holdout112": (0.96, 0.95),
    "annotation_holdout113": (0.96, 0.96),
    "annotation_holdout114": (0.97, 0.97),
    "annotation_holdout115": (0.95, 0.94),
    "annotation_holdout116": (0.96, 0.94),
    "annotation_holdout117": (0.96, 0.95),
    "annotation_holdout118": (0.97, 0.95),
    "annotation_holdout119": (0.97, 0.97),
    "annotation_holdout120": (0.96, 0.96),
    "annotation_holdout121": (0.96, 0.93),
    "annotation_holdout122": (0.97, 0.98),
    "annotation_holdout123": (0.95, 0.95),
    "annotation_holdout124": (0.97, 0.97),
    "annotation_holdout125": (0.97, 0.96),
    "annotation_holdout126": (0.98, 0.98),
    "annotation_holdout127": (0.96, 0.97),
    "annotation_holdout128": (0.96, 0.97),
    "annotation_holdout129": (0.97, 0.96),
    "annotation_holdout130": (0.96, 0.97),
    "annotation_holdout131": (0.98, 0.97),
    "annotation_holdout132": (0.98, 0.96),
    "annotation_holdout133": (0.98, 0.99),
    "annotation_holdout134": (0.98, 0.98),
    "annotation_holdout135": (0.95, 0.95),
    "annotation_holdout136": (0.97, 0.96),
    "annotation_holdout137": (0.94, 0.93),
    "annotation_holdout138": (0.96, 0.96),
    "annotation_holdout139": (0.95, 0.96),
    "annotation_holdout140": (0.97, 0.96),
    "annotation_holdout141": (0.97, 0.97),
    "annotation_holdout142": (0.93, 0.91),
    "annotation_holdout143": (0.97, 0.96),
    "annotation_holdout144": (0.96, 0.95),
    "annotation_holdout145": (0.96, 0.97),
    "annotation_holdout146": (0.93, 0.93),
    "annotation_holdout147": (0.92, 0.91),
    "annotation_holdout148": (0.93, 0.92),
    "annotation_holdout149": (0.96, 0.95),
    "annotation_holdout150": (0.94, 0.93),
    "annotation_holdout151": (0.92, 0.91),
    "annotation_holdout152": (0.96, 0.95),
    "annotation_holdout153": (0.97, 0.96),
    "annotation_holdout154": (0.93, 0.92),
    "annotation_holdout155": (0.94, 0.94),
    "annotation_holdout156": (0.95, 0.93),
    "annotation_holdout157": (0.97, 0.95),
    "annotation_holdout158": (0.92, 0.92),
    "annotation_holdout159": (0.94, 0.93),
    "annotation_holdout160": (0.99, 0.97),
    "annotation_holdout161": (0.93, 0.92),
    "annotation_holdout162": (0.96, 0.96),
    "annotation_holdout163": (0.93, 0.93),
    "annotation_holdout164": (0.94, 0.96),
    "annotation_holdout165": (0.94, 0.95),
    "annotation_holdout166": (0.93, 0.91),
    "annotation_holdout167": (0.92, 0.91),
    "annotation_holdout168": (0.95, 0.93),
    "annotation_holdout169": (0.96, 0.94),
    "annotation_holdout170": (0.95, 0.96),
    "annotation_holdout171": (0.95, 0.93),
    "annotation_holdout172": (0.97, 0.96),
    "annotation_holdout173": (0.98, 0.98),
    "annotation_holdout174": (0.97, 0.96),
    "annotation_holdout175": (0.97, 0.97),
    "annotation_holdout176": (0.93, 0.94),
    "annotation_holdout177": (0.96, 0.97),
    "annotation_holdout178": (0.96, 0.95),
    "annotation_holdout179": (0.96, 0.95),
    "annotation_holdout180": (0.94, 0.94),
    "annotation_holdout181": (0.96, 0.98),
    "annotation_holdout182": (0.93, 0.93),
    "annotation_holdout183": (0.95, 0.95),
    "annotation_holdout184": (0.98, 0.97),
    "annotation_holdout185": (0.95, 0.94),
    "annotation_holdout186": (0.97, 0.96),
    "annotation_holdout187": (0.95, 0.95),
    "annotation_holdout188": (0.95, 0.96),
    "annotation_holdout189": (0.99, 0.99),
    "annotation_holdout190": (0.97, 0.96),
    "annotation_holdout191": (0.96, 0.96),
    "annotation_holdout192": (0.97, 0.96),
    "annotation_holdout193": (0.96, 0.97),
    "annotation_holdout194": (0.95, 0.96),
    "annotation_holdout195": (0.93, 0.93),
    "annotation_holdout196": (0.96, 0.96),
    "annotation_holdout197": (0.94, 0.90),
    "annotation_holdout198": (0.96, 0.96),
    "annotation_holdout199": (0.94, 0.95),
    "annotation_holdout200": (0.98, 0.98),
    "annotation_holdout201": (0.97, 0.97),
    "annotation_holdout202": (0.93, 0.92),
    "annotation_holdout203": (0.94, 0.96),
    "annotation_holdout204": (0.96, 0.96),
    "annotation_holdout205": (0.94, 0.93),
    "annotation_holdout206": (0.95, 0.95),
    "annotation_holdout207": (0.94, 0.94),
    "annotation_holdout208": (0.97, 0.95),
    "annotation_holdout209": (0.95, 0.96),
    "annotation_holdout210": (0.96, 0.97),
    "annotation_holdout211": (0.97, 0.98),
    "annotation_holdout212": (0.94, 0.93),
    "annotation_holdout213": (0.95, 0.97),
    "annotation_holdout214": (0.96, 0.97),
    "annotation_holdout215": (0.95, 0.94),
    "annotation_holdout216": (0.94, 0.94),
    "annotation_holdout217": (0.97, 0.96),
    "annotation_holdout218": (0.95, 0.91),
    "annotation_holdout219": (0.93, 0.92),
    "annotation_holdout220": (0.97, 0.97),
    "annotation_holdout221": (0.96, 0.94),
    "annotation_holdout222": (0.96, 0.96),
    "annotation_holdout223": (0.98, 0.97),
    "annotation_holdout224": (0.97, 0.97),
    "annotation_holdout225": (0.96, 0.97),
    "annotation_holdout226": (0.97, 0.97),
    "annotation_holdout227": (0.96, 0.98),
    "annotation_holdout228": (0.97, 0.98),
    "annotation_holdout229": (0.96, 0.96),
    "annotation_holdout230": (0.98, 0.99),
    "annotation_holdout231": (0.97, 0.96),
    "annotation_holdout232": (0.96, 0.95),
    "annotation_holdout233": (0.96, 0.97),
    "annotation_holdout234": (0.98, 0.98),
    "annotation_holdout235": (0.97, 0.98),
    "annotation_holdout236": (0.96, 0.98),
    "annotation_holdout237": (0.96, 0.96),
    "annotation_holdout238": (0.94, 0.96),
    "annotation_holdout239": (0.97, 0.97),
    "annotation_holdout240": (0.95, 0.96),
    "annotation_holdout241": (0.97, 0.96),
    "annotation_holdout242": (0.97, 0.95),
    "annotation_holdout243": (0.98, 0.98),
    "annotation_holdout244": (0.96, 0.97),
    "annotation_holdout245": (0.94, 0.93),
    "annotation_holdout246": (0.93, 0.93),
    "annotation_holdout247": (0.96, 0.96),
    "annotation_holdout248": (0.91, 0.91),
    "annotation_holdout249": (0.95, 0.94),
    "annotation_holdout250": (0.96, 0.97),
    "annotation_holdout251": (0.96, 0.96),
    "annotation_holdout252": (0.95, 0.94),
    "annotation_holdout253": (0.95, 0.94),
    "annotation_holdout254": (0.91, 0.91),
    "annotation_holdout255": (0.95, 0.95),
    "annotation_holdout256": (0.95, 0.95),
    "annotation_holdout257": (0.93, 0.94),
    "annotation_holdout258": (0.91, 0.91),
    "annotation_holdout259": (0.95, 0.94),
}


@functools.cache
def held_out_score(name: str) -> corpus.Score:
    """The suggestions on the held-out set ``name`` against its gold, scored once for the
    tests below (each set takes a tenth of a second)."""
    return corpus.score_set(corpus.CORPUS.parent / name)


@pytest.mark.parametrize("name", sorted(HELD_OUT_FLOORS))
def test_held_out_sets_keep_their_figures(name):
    precision, recall, _ = corpus.overall(held_out_score(name))
    precision_floor, recall_floor = HELD_OUT_FLOORS[name]
    assert precision >= precision_floor
    assert recall >= recall_floor


def test_suggestions_taken_in_bulk_are_right_99_times_in_100_on_the_held_out_sets():
    """Bulk accept takes only suggestions whose words name one entity and nothing else
    (Gazetteer.needs_a_look): over every held-out set they are right at least 99 times
    in 100, and they are most suggestions (a look at every one would be no help)."""
    in_bulk, to_look_at = Counter(), Counter()
    for name in HELD_OUT_FLOORS:
        result = held_out_score(name)
        in_bulk += result.in_bulk
        to_look_at += result.to_look_at
    taken = in_bulk["right"] + in_bulk["wrong"]
    assert in_bulk["right"] / taken >= 0.99
    assert taken / (taken + to_look_at["right"] + to_look_at["wrong"]) >= 0.65


def test_no_trap_is_matched(stories):
    """A month, a currency, a plural, a longer name not ours, a place named after a person,
    a name nothing in its story decides: none is suggested."""
    result = corpus.score(stories, corpus.build_gazetteer())
    assert sum(result.traps_hit.values()) == 0


def test_score_counts_a_wrong_key_as_false_and_missed():
    story = corpus.make_story("s", ["[[Kim|kim-yo-jong]] said {{May|month}} left."])
    gazetteer = corpus.build_gazetteer(
        [
            {"key": "kim-jong-un", "name": "Kim", "aliases": []},
            {"key": "theresa-may", "name": "May", "aliases": []},
        ]
    )
    result = corpus.score([story], gazetteer)
    assert result.false_positives == Counter({"plain": 1, "month": 1})
    assert result.false_negatives == Counter({"plain": 1})
    assert not result.true_positives
    assert corpus.overall(result) == (0.0, 0.0, 0.0)
