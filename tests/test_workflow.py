"""The editorial workflow in the admin: who may move an article from which state to which,
the timeline of moves, and the warning before publishing unchecked mentions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, ArticleStatus, MentionStatus, Transition
from tests.admin_forms import article_change_data, article_form_data
from tests.factories import (
    ArticleFactory,
    PersonFactory,
    SectionFactory,
    UserFactory,
    member_of,
    suggested_mention,
)

pytestmark = pytest.mark.django_db

HOUR = timezone.timedelta(hours=1)
STATES = ["draft", "review", "live", "scheduled", "withdrawn"]
STEPS = ["submit", "publish", "withdraw", "to_draft"]
ROLES = ["editor", "own reporter", "other reporter", "annotator"]


def make_article(state, owner):
    status = {"live": ArticleStatus.PUBLISHED, "scheduled": ArticleStatus.PUBLISHED}.get(
        state, state
    )
    publish_at = {
        "live": timezone.now() - HOUR,
        "scheduled": timezone.now() + HOUR,
        "withdrawn": timezone.now() - HOUR,
    }.get(state)
    return ArticleFactory(status=status, publish_at=publish_at, created_by=owner)


@pytest.fixture
def people():
    reporters = Group.objects.get(name="Reporters")
    other = UserFactory(username="other-reporter")
    other.groups.add(reporters)
    return {
        "editor": member_of("Editors"),
        "own reporter": member_of("Reporters"),
        "other reporter": other,
        "annotator": member_of("Annotators"),
    }


def expected(role, step, state):
    """The permission matrix, written out as the newsroom agreed it."""
    starts_from = {
        "submit": {"draft"},
        "publish": {"draft", "review"},
        "withdraw": {"live", "scheduled"},
        "to_draft": {"review", "scheduled", "withdrawn"},
    }[step]
    if state not in starts_from:
        return False
    if role == "editor":
        return True
    if role == "own reporter":
        return (step, state) in {("submit", "draft"), ("to_draft", "review")}
    return False


TARGET = {
    "submit": ArticleStatus.REVIEW,
    "publish": ArticleStatus.PUBLISHED,
    "withdraw": ArticleStatus.WITHDRAWN,
    "to_draft": ArticleStatus.DRAFT,
}


def may_edit(role, state):
    return role == "editor" or (role == "own reporter" and state == "draft")


def assert_moved_or_not(article, before, moved, step, user):
    article.refresh_from_db()
    transitions = list(Transition.objects.filter(article=article))
    if moved:
        assert article.status == TARGET[step]
        [transition] = transitions
        assert (transition.from_status, transition.to_status) == (before, TARGET[step])
        assert (transition.user, transition.comment) == (user, "As agreed")
    else:
        assert article.status == before
        assert transitions == []


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("role", ROLES)
def test_the_permission_matrix_saving_the_form(client, people, role, step, state):
    article = make_article(state, owner=people["own reporter"])
    before = article.status
    client.force_login(people[role])

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, _step=step, _step_comment="As agreed"),
    )

    # Whoever may not edit the article gets a 403 and nothing saved; whoever may edit it but
    # not take the step gets their edit saved and the step refused with a message.
    assert response.status_code == (302 if may_edit(role, state) else 403)
    moved = expected(role, step, state) and may_edit(role, state)
    assert_moved_or_not(article, before, moved, step, people[role])


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("role", ROLES)
def test_the_permission_matrix_taking_a_step_alone(client, people, role, step, state):
    article = make_article(state, owner=people["own reporter"])
    before = article.status
    client.force_login(people[role])

    response = client.post(
        reverse("admin:articles_article_step", args=[article.pk]),
        {"_step": step, "_step_comment": "As agreed"},
    )

    assert response.status_code in (302, 403)
    assert_moved_or_not(article, before, expected(role, step, state), step, people[role])


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("role", ROLES)
def test_the_permission_matrix_in_the_workflow_itself(people, role, step, state):
    article = make_article(state, owner=people["own reporter"])
    before = article.status

    if expected(role, step, state):
        workflow.take_step(article, step, people[role])
        article.refresh_from_db()
        assert article.status == TARGET[step]
    else:
        with pytest.raises((workflow.WorkflowError, workflow.PermissionDenied)):
            workflow.take_step(article, step, people[role])
        article.refresh_from_db()
        assert article.status == before
        assert not Transition.objects.exists()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_the_form_offers_exactly_the_allowed_steps(client, people, role, state):
    article = make_article(state, owner=people["own reporter"])
    client.force_login(people[role])

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    offered = [step.name for step in response.context["workflow_steps"]]
    assert offered == [step for step in STEPS if expected(role, step, state)]
    html = response.content.decode()
    for step in STEPS:
        assert (f'name="_step" value="{step}"' in html) == (step in offered)


def test_reporters_edit_only_their_own_drafts(client, people):
    own_draft = make_article("draft", owner=people["own reporter"])
    own_in_review = make_article("review", owner=people["own reporter"])
    others = make_article("draft", owner=people["editor"])
    client.force_login(people["own reporter"])

    def save(article):
        return client.post(
            reverse("admin:articles_article_change", args=[article.pk]),
            article_change_data(article, headline="Rewritten by the reporter"),
        )

    assert save(own_draft).status_code == 302
    assert save(own_in_review).status_code == 403
    assert save(others).status_code == 403
    assert Article.objects.filter(headline="Rewritten by the reporter").get() == own_draft


def test_the_status_field_cannot_be_posted_past_the_workflow(client, people):
    draft = make_article("draft", owner=people["own reporter"])
    client.force_login(people["own reporter"])

    client.post(
        reverse("admin:articles_article_change", args=[draft.pk]),
        article_change_data(draft, status=ArticleStatus.PUBLISHED),
    )

    draft.refresh_from_db()
    assert draft.status == ArticleStatus.DRAFT


def test_reporters_cannot_set_the_publication_time(client, people):
    draft = make_article("draft", owner=people["own reporter"])
    client.force_login(people["own reporter"])
    later = timezone.localtime(timezone.now() + HOUR)

    client.post(
        reverse("admin:articles_article_change", args=[draft.pk]),
        article_change_data(
            draft, publish_at_0=f"{later:%Y-%m-%d}", publish_at_1=f"{later:%H:%M:%S}"
        ),
    )

    draft.refresh_from_db()
    assert draft.publish_at is None


def test_a_reporter_writes_and_submits_a_new_article_in_one_go(client, people):
    client.force_login(people["own reporter"])

    response = client.post(
        reverse("admin:articles_article_add"),
        article_form_data(SectionFactory(), _step="submit"),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.created_by) == (ArticleStatus.REVIEW, people["own reporter"])
    assert article.transitions.get().to_status == ArticleStatus.REVIEW


def test_scheduling_is_publishing_with_a_time_ahead(client, people):
    article = make_article("review", owner=people["own reporter"])
    client.force_login(people["editor"])
    at = timezone.localtime(timezone.now() + 2 * HOUR).replace(second=0, microsecond=0)

    client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(
            article, _step="publish", publish_at_0=f"{at:%Y-%m-%d}", publish_at_1=f"{at:%H:%M:%S}"
        ),
    )

    article.refresh_from_db()
    assert article.is_scheduled
    assert article.publish_at == at
    assert not Article.objects.published().exists()
    transition = article.transitions.get()
    assert transition.publish_at == at


@pytest.mark.parametrize("state", ["published", "scheduled"])
def test_the_form_cannot_move_a_published_articles_time(client, people, state):
    article = make_article(state, owner=people["own reporter"])
    was = article.publish_at
    client.force_login(people["editor"])
    elsewhere = timezone.localtime(was + 2 * 24 * HOUR)

    client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(
            article, publish_at_0=f"{elsewhere:%Y-%m-%d}", publish_at_1=f"{elsewhere:%H:%M:%S}"
        ),
    )

    article.refresh_from_db()
    assert (article.status, article.publish_at) == (ArticleStatus.PUBLISHED, was)


def test_a_story_pulled_back_from_its_schedule_goes_live_when_published_again(people):
    article = make_article("scheduled", owner=people["own reporter"])
    workflow.take_step(article, "to_draft", people["editor"])
    assert (article.publish_at, article.first_published_at) == (None, None)

    later = timezone.now() + 3 * 24 * HOUR
    workflow.take_step(article, "publish", people["editor"], now=later, publish_anyway=True)

    assert article.publish_at == article.first_published_at == later


@pytest.mark.parametrize(
    ("zone", "day"), [("Asia/Tokyo", "0001-01-01"), ("America/New_York", "9999-12-31")]
)
def test_a_publication_time_far_outside_the_years_of_news_is_refused(
    client, people, settings, zone, day
):
    settings.TIME_ZONE = zone
    article = make_article("review", owner=people["own reporter"])
    client.force_login(people["editor"])

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, _step="publish", publish_at_0=day, publish_at_1="05:00:00"),
    )

    assert response.status_code == 200
    assert "Choose a date between 1800 and 2199." in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.publish_at) == (ArticleStatus.REVIEW, None)


def test_the_timeline_shows_every_move_with_who_when_and_comment(client, people):
    editor = people["editor"]
    editor.first_name, editor.last_name = "Ana", "Reyes"
    editor.save()
    article = make_article("draft", owner=people["own reporter"])
    workflow.take_step(article, "submit", people["own reporter"], comment="Ready, I think")
    workflow.take_step(article, "publish", editor, comment="Good to go")
    workflow.take_step(article, "withdraw", editor, comment="Legal asked us to")
    client.force_login(editor)

    html = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()

    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert "reporters submitted it for review “Ready, I think”" in timeline
    assert "Ana Reyes published it “Good to go”" in timeline
    assert "Ana Reyes withdrew it “Legal asked us to”" in timeline
    assert timeline.index("submitted") < timeline.index("published") < timeline.index("withdrew")


def test_publishing_with_unchecked_mentions_warns_and_lists_them(client, people):
    article = make_article("review", owner=people["own reporter"])
    kim = PersonFactory(name="Kim Jong Un")
    suggested_mention(article, kim, "Kim Jong Un")
    suggested_mention(
        article, PersonFactory(name="Xi Jinping"), "Xi Jinping", status=MentionStatus.NEEDS_REVIEW
    )
    client.force_login(people["editor"])
    url = reverse("admin:articles_article_change", args=[article.pk])

    form = client.get(url).content.decode()
    refused = client.post(url, article_change_data(article, _step="publish"), follow=True)

    assert "2 mentions still to check" in form
    assert "“Kim Jong Un” → Kim Jong Un (suggested)" in form
    messages = [m.message for m in refused.context["messages"]]
    assert any(
        "2 mentions still to check: “Kim Jong Un” (Kim Jong Un, suggested); “Xi Jinping” "
        "(Xi Jinping, needs review)" in m
        for m in messages
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW

    article.refresh_from_db()
    client.post(url, article_change_data(article, _step="publish", _publish_anyway="1"))
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED


def test_an_unknown_step_is_refused_with_a_message(client, people):
    article = make_article("draft", owner=people["own reporter"])
    client.force_login(people["editor"])

    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_change_data(article, _step="launch"),
        follow=True,
    )

    assert any(
        "There is no step called “launch”" in m.message for m in response.context["messages"]
    )
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
