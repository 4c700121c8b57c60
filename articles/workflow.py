"""The editorial workflow: draft → review → published → withdrawn, and back to draft.

Each move is a named step with the states it starts from, the state it leads to and who may
take it. `take_step` checks both where the move happens, whatever button or request asked
for it, and records it as a Transition (who, when, from, to, comment).

Who may do what:
- Reporters create and edit their own drafts, submit them for review, and may take back
  their own article from review.
- Editors (permission articles.publish_article) edit everything, publish, schedule (publish
  with a time ahead), withdraw, and return any article to draft.
- Annotators only annotate: they cannot change articles, so they take no step.

Pictures: an article goes out only with pictures it may show (rights not ended, alt text
written), checked whatever publishes it: the publish step, an edit of a published article
that adds a picture, an import with a published status. Nothing overrides it, as "Publish
anyway" does for mentions: a picture's rights are not the editor's judgement to make.
"""

import copy
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.images import usage
from articles.models import Article, ArticleStatus, Mention, Transition

PUBLISH_PERMISSION = "articles.publish_article"


class WorkflowError(Exception):
    """A step that cannot be taken from the article's present state."""


class MentionsToCheck(WorkflowError):
    """Publishing refused until the editor confirms: some mentions are still unchecked."""

    def __init__(self, mentions: list[Mention]):
        count = len(mentions)
        super().__init__(
            f"{count} mention{'s' if count != 1 else ''} still to check: "
            + "; ".join(
                f"“{m.exact}” ({m.entity.name}, {m.get_status_display().lower()})" for m in mentions
            )
            + ". Check them in the annotation screen, or tick “Publish anyway”."
        )
        self.mentions = mentions


class PicturesRefused(WorkflowError):
    """Publishing refused: a picture of the article may not go out (its rights have ended,
    or will before the article goes live, or it has no alt text)."""

    def __init__(self, problems: list[str]):
        super().__init__(
            " ".join(problems) + " Fix it in the image library, or choose another picture."
        )
        self.problems = problems


def check_pictures(article: Article, now=None, *, already_shown=()) -> None:
    """Raise PicturesRefused naming every picture of `article` that may not go out now, or
    at its publication time when that is later. Pictures whose ids are in
    `already_shown` are let be (see check_published_edit)."""
    problems = usage.publish_problems(article, now, already_shown=already_shown)
    if problems:
        raise PicturesRefused(problems)


def shown_picture_ids(article: Article) -> set[int]:
    """The pictures the stored `article` already sends out: all of a published (live or
    scheduled) article's, none of another's."""
    if article.pk is None or article.status != ArticleStatus.PUBLISHED:
        return set()
    return set(usage.article_image_ids(article))


def check_published_edit(article: Article, changes: dict, now=None) -> None:
    """For an edit of a published article (`article` as stored, `changes` its new "body"
    and "lead_image", where the edit gives them): raise PicturesRefused for each picture
    the edit adds that may not go out. Pictures it had already are let be: once a
    picture's rights end, pages stop showing it by themselves, so it never holds up a
    correction."""
    if article.pk is None or article.status != ArticleStatus.PUBLISHED:
        return  # publishing it later is checked by the publish step
    shown = shown_picture_ids(article)
    edited = copy.copy(article)
    if "body" in changes:
        edited.body = changes["body"]
    if "lead_image" in changes:
        edited.lead_image_id = changes["lead_image"].pk if changes["lead_image"] else None
    check_pictures(edited, now, already_shown=shown)


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: frozenset
    target: str

    def allows(self, article: Article, user) -> bool:
        """Whether `user` may take this step on `article` as it is now."""
        return self.starts_from(article) and self.permitted(article, user)

    def starts_from(self, article: Article) -> bool:
        if article.status not in self.sources:
            return False
        # Only a scheduled article, never a live one, goes straight back to draft: taking
        # a live article away from readers is a withdrawal, and is recorded as one.
        if self.name == "to_draft" and article.status == ArticleStatus.PUBLISHED:
            return article.is_scheduled
        return True

    def permitted(self, article: Article, user) -> bool:
        if not user.has_perm("articles.change_article"):
            return False
        if user.has_perm(PUBLISH_PERMISSION):
            return True
        own = article.created_by_id is not None and article.created_by_id == user.pk
        return own and self.name in REPORTER_STEPS and article.status in REPORTER_SOURCES


STEPS = {
    step.name: step
    for step in [
        Step("submit", "Submit for review", frozenset({ArticleStatus.DRAFT}), ArticleStatus.REVIEW),
        Step(
            "publish",
            "Publish",
            frozenset({ArticleStatus.DRAFT, ArticleStatus.REVIEW}),
            ArticleStatus.PUBLISHED,
        ),
        Step("withdraw", "Withdraw", frozenset({ArticleStatus.PUBLISHED}), ArticleStatus.WITHDRAWN),
        Step(
            "to_draft",
            "Back to draft",
            frozenset({ArticleStatus.REVIEW, ArticleStatus.PUBLISHED, ArticleStatus.WITHDRAWN}),
            ArticleStatus.DRAFT,
        ),
    ]
}
# What a reporter may do to an article of their own, and from which states.
REPORTER_STEPS = {"submit", "to_draft"}
REPORTER_SOURCES = {ArticleStatus.DRAFT, ArticleStatus.REVIEW}


def may_edit(article: Article, user) -> bool:
    """Editors edit every article; reporters only their own drafts."""
    if not user.has_perm("articles.change_article"):
        return False
    if user.has_perm(PUBLISH_PERMISSION):
        return True
    return article.created_by_id == user.pk and article.status == ArticleStatus.DRAFT


def available_steps(article: Article, user) -> list[Step]:
    """The steps `user` may take on `article` now, in the order buttons show them."""
    return [step for step in STEPS.values() if step.allows(article, user)]


def mentions_to_check(article: Article) -> list[Mention]:
    return list(article.mentions.to_check().select_related("entity").order_by("start", "pk"))


def take_step(
    article: Article,
    name: str,
    user,
    comment: str = "",
    publish_anyway: bool = False,
    now=None,
) -> Transition:
    """Move `article` by the step called `name`, as `user`, and record the move.

    Raises PermissionDenied if the user may not take the step, WorkflowError if the article
    is not in a state the step starts from, PicturesRefused when publishing an article
    with a picture that may not go out (whatever `publish_anyway` says), and
    MentionsToCheck when publishing an article with suggested or needs-review mentions
    unless `publish_anyway`. Publishing keeps a publish_at already set (a time ahead
    schedules the article) and otherwise sets now.
    """
    step = STEPS.get(name)
    if step is None:
        raise WorkflowError(f"There is no step called “{name}”.")
    if not step.permitted(article, user):
        raise PermissionDenied(f"You may not {step.label.lower()} this article.")
    if not step.starts_from(article):
        raise WorkflowError(
            f"“{step.label}” cannot be done to an article that is "
            f"{article.get_status_display().lower()}."
        )
    if name == "publish":
        check_pictures(article, now)
    if name == "publish" and not publish_anyway:
        pending = mentions_to_check(article)
        if pending:
            raise MentionsToCheck(pending)
    with transaction.atomic():
        from_status = article.status
        article.status = step.target
        if from_status == ArticleStatus.PUBLISHED and step.target == ArticleStatus.DRAFT:
            # Only a scheduled article goes back to draft (see Step.starts_from): it was
            # never live, and its old time must not backdate it when it is published again.
            article.publish_at = article.first_published_at = None
        if step.target == ArticleStatus.PUBLISHED and article.publish_at is None:
            article.publish_at = now or timezone.now()
        article.updated_by = user
        article.save()
        if step.target in (ArticleStatus.WITHDRAWN, ArticleStatus.DRAFT):
            article.preview_links.active().revoke(user)
        return Transition.objects.create(
            article=article,
            from_status=from_status,
            to_status=step.target,
            publish_at=article.publish_at if step.target == ArticleStatus.PUBLISHED else None,
            user=user,
            at=now or timezone.now(),
            comment=comment,
        )
