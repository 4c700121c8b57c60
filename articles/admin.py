"""The editors' admin: sections, entities (and their People/Organizations/Places), articles
with bylines and corrections, a plain list of mentions, and the review queue of mentions
waiting to be accepted or rejected.

The annotation screen, where mentions are made and checked in the text, is an admin view
of articles whose views and endpoints live in articles.annotating; here mentions can also
be listed, filtered and edited field by field.
"""

from collections import Counter

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import smart_split, unescape_string_literal
from taggit.admin import TagAdmin
from taggit.models import Tag

from articles import (
    annotating,
    editor_links,
    namesakes,
    presence,
    revisions,
    suggestions,
    text,
    workflow,
)
from articles import body as article_body
from articles.body_editor import BodyEditorWidget
from articles.images.widgets import ImageChooserAdminMixin
from articles.merging import (
    TAG_MERGE_PERMISSION,
    MergeEntities,
    MergeError,
    default_survivor,
    describe_merge,
    merge_tags,
)
from articles.models import (
    STATUSES_TO_CHECK,
    Article,
    ArticleStatus,
    Byline,
    Correction,
    Entity,
    Mention,
    MentionStatus,
    Organization,
    Person,
    Place,
    ReviewMention,
    Section,
    StaleEdit,
    tag_name_problem,
)
from articles.preview import PreviewAdminMixin

# --- Tags -------------------------------------------------------------------------------


class TagForm(forms.ModelForm):
    """django-taggit's tag form, refusing a name no address or feed could carry."""

    def clean_name(self):
        name = self.cleaned_data["name"]
        if problem := tag_name_problem(name):
            raise ValidationError(problem)
        return name


# Tags are named in the article form and renamed here: the same rules in both.
admin.site.unregister(Tag)


@admin.register(Tag)
class NewsroomTagAdmin(TagAdmin):
    form = TagForm

    def has_merge_permission(self, request):
        # Merging retags articles, published ones too: for those who may change tags.
        return request.user.has_perm(TAG_MERGE_PERMISSION)

    # taggit's action, which checked no permission: offered only to those who may merge.
    @admin.action(description="Merge selected tags", permissions=["merge"])
    def render_tag_form(self, request, queryset):
        return super().render_tag_form(request, queryset)

    def merge_tags_view(self, request):
        """taggit's merge form (GET) and merge (POST) of the tags its action selected, for
        those who may merge, in one transaction (see articles.merging.merge_tags)."""
        if not self.has_merge_permission(request):
            raise PermissionDenied("Merging tags needs permission to change tags.")
        if request.method != "POST":
            return super().merge_tags_view(request)
        selected = request.session.get("selected_tag_ids", "")
        try:
            result = merge_tags(
                selected.split(",") if selected else [],
                request.POST.get("new_tag_name", ""),
                user=request.user,
            )
        except MergeError as error:
            self.message_user(request, f"Nothing was merged. {error}", messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        request.session.pop("selected_tag_ids", None)
        self.message_user(request, str(result), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:taggit_tag_changelist"))


# --- Sections ---------------------------------------------------------------------------


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "position", "article_count"]
    list_editable = ["position"]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "parent", "position", "description"]
    # Given explicitly: a query with counts drops the model's default ordering.
    ordering = ["position", "name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, section):
        return section.article_count


# --- Entities ---------------------------------------------------------------------------


class AliasesField(forms.CharField):
    """A list of names edited as text, one name a line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = super().to_python(value).splitlines()
        names = []
        for line in lines:
            name = line.strip()
            if name and name not in names:
                names.append(name)
        return names


class EntityForm(forms.ModelForm):
    aliases = AliasesField(
        required=False,
        strip=False,
        help_text=(
            'Other ways articles write the name, one a line, such as "Kim" or "Kim Jong-un".'
        ),
    )

    class Meta:
        model = Entity
        fields = ["name", "slug", "kind", "aliases", "description", "wikidata", "picture"]


def _search_terms(search_term: str) -> list[str]:
    """The words of an admin search, as Django splits them ("quoted phrases" kept whole)."""
    terms = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms


@admin.action(description="Merge selected entities…", permissions=["merge"])
def merge_entities(modeladmin, request, queryset):
    """Ask which of the selected entities survives, then merge the others into it.

    The page offers the one with the most mentions (see merging.default_survivor), shows
    each one's description, Wikidata id and counts, and says in words what the merge into
    the chosen one does."""
    entities = list(queryset.order_by("name", "pk"))
    if len(entities) < 2:
        modeladmin.message_user(request, "Select two or more entities to merge.", messages.WARNING)
        return None
    if request.POST.get("post") == "yes":
        survivor = next(
            (entity for entity in entities if str(entity.pk) == request.POST.get("survivor")),
            None,
        )
        if survivor is None:
            modeladmin.message_user(
                request, "Choose the entity that the others merge into.", messages.ERROR
            )
        else:
            action = MergeEntities(survivor, entities, user=request.user)
            try:
                result = action.execute()
            except MergeError as error:
                modeladmin.message_user(request, str(error), messages.ERROR)
                return None
            except PermissionDenied as error:
                modeladmin.message_user(request, str(error), messages.ERROR)
                return None
            modeladmin.log_change(request, result.survivor, str(result))
            modeladmin.message_user(request, str(result), messages.SUCCESS)
            return None

    counts = (
        Entity.objects.filter(pk__in=[entity.pk for entity in entities])
        .annotate(
            n_mentions=Count("mentions", distinct=True), n_bylines=Count("bylines", distinct=True)
        )
        .values_list("pk", "n_mentions", "n_bylines")
    )
    counts = {pk: (n_mentions, n_bylines) for pk, n_mentions, n_bylines in counts}
    for entity in entities:
        entity.n_mentions, entity.n_bylines = counts[entity.pk]
        # What happens if this one is chosen, shown for the choice made (merge_entities.js).
        entity.merge_outcome = describe_merge(entity, entities, counts)
    survivor = default_survivor(entities, {pk: count[0] for pk, count in counts.items()})
    kinds = {entity.kind for entity in entities}
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Merge entities",
        "subtitle": None,
        "opts": opts,
        "app_label": opts.app_label,
        "entities": entities,
        "survivor": survivor,
        "mixed_kinds": len(kinds) > 1,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action_name": "merge_entities",
        "select_across": request.POST.get("select_across", "0"),
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/articles/merge_entities.html", context)


@admin.register(Entity)
class EntityAdmin(ImageChooserAdminMixin, admin.ModelAdmin):
    form = EntityForm
    fields = [
        "name",
        "slug",
        "kind",
        "aliases",
        "description",
        "wikidata",
        "picture",
        "is_public",
    ]
    list_display = ["name", "kind", "alias_list", "wikidata_link", "mention_count"]
    list_filter = ["kind", "is_public"]
    search_fields = ["name"]
    search_help_text = "Finds entities by name or by any alias."
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name", "pk"]
    actions = [merge_entities]

    def has_merge_permission(self, request):
        return request.user.has_perm(MergeEntities.permission)

    def delete_queryset(self, request, queryset):
        """Delete the selected entities, and tell every process that its gazetteer and its
        index of namesakes are out of date (Entity.delete says so for one at a time)."""
        super().delete_queryset(request, queryset)
        suggestions.entities_changed()

    def get_queryset(self, request):
        return super().get_queryset(request).with_mention_counts()

    def get_search_results(self, request, queryset, search_term):
        """Match every word searched for in the name or in one of the aliases."""
        return queryset.matching(_search_terms(search_term)), False

    @admin.display(description="aliases")
    def alias_list(self, entity):
        return ", ".join(entity.aliases)

    @admin.display(description="Wikidata", ordering="wikidata")
    def wikidata_link(self, entity):
        if not entity.wikidata:
            return ""
        return format_html('<a href="{}">{}</a>', entity.wikidata_url, entity.wikidata)

    @admin.display(description="confirmed mentions", ordering="mention_count")
    def mention_count(self, entity):
        return entity.mention_count


class KindEntityAdmin(EntityAdmin):
    """An admin for one proxy of Entity (Person...): the kind is fixed, so it is not shown."""

    list_display = ["name", "alias_list", "wikidata_link", "mention_count"]
    list_filter = []

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "kind":
            # Kept in the form (disabled, hidden, its value the proxy's kind) rather than
            # left out, so the one-name-per-kind constraints are still checked.
            field.disabled = True
            field.initial = self.model.entity_kind
            field.widget = forms.HiddenInput()
        return field


@admin.register(Person)
class PersonAdmin(KindEntityAdmin):
    pass


@admin.register(Organization)
class OrganizationAdmin(KindEntityAdmin):
    pass


@admin.register(Place)
class PlaceAdmin(KindEntityAdmin):
    pass


# --- Articles ---------------------------------------------------------------------------


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ["person", "position"]
    autocomplete_fields = ["person"]
    ordering = ["position", "pk"]
    extra = 1

    def get_queryset(self, request):
        # Each row's title names its person and article.
        return super().get_queryset(request).select_related("person", "article")


class CorrectionInline(admin.StackedInline):
    model = Correction
    fields = ["kind", "text", "created_at"]
    extra = 0

    def get_queryset(self, request):
        # Each row's title names its article.
        return super().get_queryset(request).select_related("article")


# How each status of mention is shown in "Body with mentions": CSS class and label. The
# styles differ in line and marker as well as colour, and each mark's title names it.
MENTION_STYLES = {
    MentionStatus.CONFIRMED: ("mention-confirmed", "confirmed"),
    MentionStatus.SUGGESTED: ("mention-suggested", "suggested, not yet confirmed"),
    MentionStatus.NEEDS_REVIEW: ("mention-needs-review", "needs review after an edit"),
}
# Drawn first when mentions overlap: a confirmed mention hides a suggestion under it.
_STATUS_PRIORITY = [MentionStatus.CONFIRMED, MentionStatus.NEEDS_REVIEW, MentionStatus.SUGGESTED]


def body_with_mentions_html(article, mentions) -> str:
    """The body rendered with each live mention marked, a key, and any not shown in place."""
    body = article.text
    placed, unplaced = [], []
    # The places taken so far, in order: they never overlap, so each status's mentions, in
    # order too, are checked against them in one pass (an article may have thousands).
    taken: list[tuple[int, int]] = []
    by_status = {status: [] for status in _STATUS_PRIORITY}
    for mention in mentions:
        by_status[mention.status].append((mention.start, mention.end, mention))
    for status in _STATUS_PRIORITY:
        css_class, label = MENTION_STYLES[status]
        taken_now = []
        at = 0  # The first of `taken` that does not end before the mention being checked.
        for start, end, mention in sorted(by_status[status], key=lambda item: item[0]):
            while at < len(taken) and taken[at][1] <= start:
                at += 1
            # Placed as the annotation screen places it (annotate.js), saying what it says:
            # one needing review on the words now at its place, if it has a place.
            said = mention.review_said(body)
            shown = 0 <= start < end <= len(body) and (
                body[start:end] == mention.exact or status == MentionStatus.NEEDS_REVIEW
            )
            overlaps = (at < len(taken) and taken[at][0] < end) or (
                bool(taken_now) and start < taken_now[-1][1]
            )
            if shown and not overlaps:
                taken_now.append((start, end))
                title = f"{mention.entity.name} ({label})" + (f": {said}" if said else "")
                placed.append(text.Annotation(start, end, css_class=css_class, title=title))
            else:
                if shown:
                    said = "It overlaps another mention."
                unplaced.append(
                    (mention.exact, mention.entity.name, label, said or "Its text has changed.")
                )
        taken = sorted(taken + taken_now)  # Two sorted runs: merged in one pass.
    key = format_html_join(
        " ",
        '<mark class="{}">{}</mark>',
        [(css_class, label) for css_class, label in MENTION_STYLES.values()],
    )
    html = format_html(
        '<div class="mention-key">Key: {}</div><div class="body-with-mentions">{}</div>',
        key,
        mark_safe(article_body.render(article.body, placed)),  # render() escapes all text.
    )
    if unplaced:
        html += format_html(
            '<p class="mention-unplaced">Not shown in the text:</p><ul>{}</ul>',
            format_html_join("", "<li>“{}” → {} ({}): {}</li>", unplaced),
        )
    return html


class ArticleForm(forms.ModelForm):
    """The article form, refusing to overwrite an edit saved by someone else meanwhile.

    The form carries the version it was loaded with. If the stored article has moved on,
    the save is refused with what changed meanwhile, and the editor's own text stays in
    the form; saving again then deliberately replaces the other edit.
    """

    # Not named "version": Django refuses a form field named after a non-editable one.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "dek",
            "body",
            "lead_image",
            "lead_image_caption",
            "section",
            "status",
            "publish_at",
            "tags",
        ]
        # The rich-text editor, limited to the body's schema (articles/static/articles/
        # body_editor.js), with a search for links to our own articles and entities, and
        # figures chosen from the image library.
        widgets = {"body": BodyEditorWidget()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Without it no stale edit could be caught: a form that lacks it is refused.
            version = self.fields["loaded_version"]
            version.initial = self.instance.version
            version.required = True
            version.error_messages["required"] = (
                "This form lacks the version it was opened at: reload the page."
            )

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        problems = [problem for problem in map(tag_name_problem, tags) if problem]
        if problems:
            raise ValidationError(problems)
        return tags

    def clean(self):
        cleaned = super().clean()
        try:
            # Saving a published article sends out any picture the edit adds.
            workflow.check_published_edit(self.instance, cleaned)
        except workflow.PicturesRefused as refusal:
            raise ValidationError(str(refusal)) from None
        loaded = cleaned.get("loaded_version")
        if self.instance.pk is None or loaded is None:
            return cleaned
        # Locked until this save commits, so a concurrent save waits and then sees ours.
        current = Article.objects.select_for_update().get(pk=self.instance.pk)
        if current.version != loaded:
            self.data = self.data.copy()
            self.data["loaded_version"] = current.version
            raise ValidationError(stale_edit_message(current, loaded))
        return cleaned


def stale_edit_message(current: Article, loaded: int):
    """What an editor is told when someone else saved the article after they opened it."""
    who = presence.display_name(current.updated_by) if current.updated_by else "Someone"
    saved_at = timezone.localtime(current.updated_at).strftime("%H:%M")
    return format_html(
        "{} saved this article at {} (version {}) while you were editing version {}. "
        "Nothing of yours was saved, and your text is still in the form below. "
        "What changed meanwhile:{}Copy what you need, then save again to replace their "
        "version with yours.",
        who,
        saved_at,
        current.version,
        loaded,
        changes_since(current, loaded),
    )


def _name(user) -> str:
    return presence.display_name(user) if user else "someone"


def describe_transition(transition) -> str:
    """A transition as the timeline and messages say it: "ana published it for 09:00"."""
    who = _name(transition.user)
    to = transition.to_status
    if to == ArticleStatus.PUBLISHED:
        when = timezone.localtime(transition.publish_at)
        if transition.publish_at > transition.at:
            return f"{who} scheduled it for {when:%d %b %Y, %H:%M}"
        return f"{who} published it"
    words = {
        ArticleStatus.REVIEW: "submitted it for review",
        ArticleStatus.WITHDRAWN: "withdrew it",
        ArticleStatus.DRAFT: "returned it to draft",
    }
    return f"{who} {words[to]}"


def changes_since(current: Article, loaded: int) -> str:
    """The fields changed since version `loaded`, as a table, for a stale edit's message."""
    changes = revisions.changes_since(current, loaded)
    if changes is None:
        return format_html("<p>(No record of version {} is kept.)</p>", loaded)
    return format_html(
        '<table class="stale-changes">{}</table>',
        format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            ((change.label, change.html) for change in changes),
        ),
    )


def _mention_count(statuses):
    """The number of an article's mentions in `statuses`, as a subquery."""
    counted = (
        Mention.objects.filter(article=OuterRef("pk"), status__in=list(statuses))
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


@admin.register(Article)
class ArticleAdmin(
    ImageChooserAdminMixin,
    PreviewAdminMixin,
    revisions.ArticleRevisionsAdmin,
    admin.ModelAdmin,
):
    list_display = [
        "headline",
        "section",
        "status",
        "publish_at",
        "byline_names",
        "confirmed_mentions",
        "mentions_to_check",
        "annotate_link",
    ]
    list_filter = ["status", "section", "publish_at", "tags"]
    search_fields = ["headline", "dek", "body"]
    date_hierarchy = "publish_at"
    ordering = ["-publish_at", "-pk"]
    autocomplete_fields = ["section"]
    prepopulated_fields = {"slug": ["headline"]}
    inlines = [BylineInline, CorrectionInline]
    form = ArticleForm
    change_form_template = "admin/articles/article/change_form.html"
    readonly_fields = [
        "status",
        "body_with_mentions",
        "first_published_at",
        "updated_at",
        "version_number",
        "created_by",
        "updated_by",
        "timeline",
        "preview_links",
    ]
    fieldsets = [
        ("Story", {"fields": ["headline", "slug", "dek", "body", "loaded_version"]}),
        ("Lead image", {"fields": ["lead_image", "lead_image_caption"]}),
        ("Publication", {"fields": ["section", "status", "publish_at", "first_published_at"]}),
        ("Preview", {"fields": ["preview_links"]}),
        ("Tags", {"fields": ["tags"]}),
        ("Mentions", {"fields": ["body_with_mentions"]}),
        (
            "History",
            {"fields": ["timeline", "updated_at", "version_number", "created_by", "updated_by"]},
        ),
    ]
    save_on_top = True

    class Media:
        css = {"all": ["articles/admin.css"]}
        js = ["articles/autosave.js"]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        annotation_routes = [
            ("<int:article_id>/annotate/", self.annotate_view, "annotate"),
            ("<int:article_id>/annotate/state/", annotating.state, "annotate_state"),
            ("<int:article_id>/annotate/mentions/", annotating.create_mention, "annotate_mentions"),
            (
                "<int:article_id>/annotate/mentions/<int:mention_id>/",
                annotating.change_mention,
                "annotate_mention",
            ),
            (
                "<int:article_id>/annotate/accept-suggestions/",
                annotating.accept_suggestions,
                "annotate_accept_suggestions",
            ),
            ("annotate/entities/", annotating.entities, "annotate_entities"),
            ("<int:article_id>/presence/", self.presence_view, "presence"),
            ("<int:article_id>/step/", self.step_view, "step"),
            ("link-search/", editor_links.link_search, "link_search"),
        ]
        return [
            *(
                path(route, wrap(view), name=f"articles_article_{name}")
                for route, view, name in annotation_routes
            ),
            *super().get_urls(),
        ]

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return workflow.may_edit(obj, request.user)

    def has_delete_permission(self, request, obj=None):
        if obj is None or request.user.has_perm(workflow.PUBLISH_PERMISSION):
            return super().has_delete_permission(request, obj)
        return super().has_delete_permission(request, obj) and workflow.may_edit(obj, request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Someone who may only look reads the body rendered, under "Mentions", rather than
        # its HTML source.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "body"]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # Scheduling is publishing: only those who may publish set the time, and only
        # before publishing. Once published (live or scheduled), moving the time would take
        # a live article off the site or reschedule one with nothing in its timeline: that
        # is "Withdraw", or "Back to draft" and publishing again.
        published = obj is not None and obj.status == ArticleStatus.PUBLISHED
        if published or not request.user.has_perm(workflow.PUBLISH_PERMISSION):
            fields.append("publish_at")
        return fields

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit as error:
            # Only when another save slipped in between the form's check and this save.
            self.message_user(
                request, f"Nothing was saved: {error} Reload and try again.", messages.ERROR
            )
            return HttpResponseRedirect(request.get_full_path())

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj if obj is not None else Article(created_by=request.user)
        steps = workflow.available_steps(article, request.user)
        context["workflow_steps"] = steps
        if obj is not None:
            # Listed beside the publish button, when there is one and something to list.
            publishing = any(step.name == "publish" for step in steps)
            to_check = publishing and obj.to_check_mention_count
            context["mentions_to_check"] = workflow.mentions_to_check(obj) if to_check else []
            # For autosave: a newer version than a kept copy's is this person's own save
            # only if they saved last; otherwise the copy may hold work never saved.
            context["last_saved_by_you"] = obj.updated_by_id == request.user.pk
            if self.has_change_permission(request, obj):
                # Only someone who may edit it is "editing" it: a reader of the form is not.
                context["other_editors"] = presence.arrive(obj.pk, request.user)
                context["presence_url"] = reverse("admin:articles_article_presence", args=[obj.pk])
                context["presence_heartbeat"] = presence.HEARTBEAT
            context["step_url"] = reverse("admin:articles_article_step", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_save(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        presence.leave(obj.pk, request.user)
        return self._after_save(request, obj) or super().response_change(request, obj)

    def step_view(self, request, article_id):
        """Take a workflow step without saving the form: for those who may move an article
        they may not edit, such as a reporter taking back their article from review."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self.get_object(request, str(article_id))
        if article is None:
            raise Http404("No such article.")
        if not any(step.permitted(article, request.user) for step in workflow.STEPS.values()):
            # No step of the workflow is ever theirs on this article (an annotator's, or a
            # reporter's on someone else's): refused outright, not with a message.
            raise PermissionDenied("You may not move this article through the workflow.")
        return self._take_step(request, article, saved=False)

    def presence_view(self, request, article_id):
        """The article form's heartbeat (articles.presence): only someone who may edit the
        article is shown as editing it, as the form itself shows; anyone may leave."""
        if request.method == "POST" and not request.GET.get("leave"):
            article = Article.objects.filter(pk=article_id).first()
            if article is None:
                return JsonResponse({"error": "There is no such article."}, status=404)
            if not workflow.may_edit(article, request.user):
                return JsonResponse(
                    {"error": "Only someone who may edit this article is shown editing it."},
                    status=403,
                )
        return presence.heartbeat(request, article_id)

    def _after_save(self, request, article):
        """Take the workflow step asked for with the save, if any; refusals are messages."""
        if not request.POST.get("_step"):
            return None
        return self._take_step(request, article, saved=True)

    def _take_step(self, request, article, saved):
        name = request.POST.get("_step", "")
        try:
            transition = workflow.take_step(
                article,
                name,
                request.user,
                comment=request.POST.get("_step_comment", "").strip(),
                publish_anyway=request.POST.get("_publish_anyway") == "1",
            )
        except (workflow.WorkflowError, PermissionDenied) as refusal:
            said = f"Your changes were saved, but: {refusal}" if saved else str(refusal)
            self.message_user(request, said, messages.WARNING)
        else:
            self.message_user(request, describe_transition(transition), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    @admin.display(description="version")
    def version_number(self, article):
        return article.version

    @admin.display(description="workflow")
    def timeline(self, article):
        if article.pk is None:
            return "The article's moves through the workflow appear here once it is saved."
        transitions = article.transitions.select_related("user")
        rows = [
            (
                timezone.localtime(article.created_at).strftime("%d %b %Y, %H:%M"),
                f"Created by {_name(article.created_by)}",
                "",
            )
        ] + [
            (
                timezone.localtime(t.at).strftime("%d %b %Y, %H:%M"),
                describe_transition(t),
                f"“{t.comment}”" if t.comment else "",
            )
            for t in transitions
        ]
        return format_html(
            '<ol class="timeline">{}</ol>',
            format_html_join("", "<li><time>{}</time> {} {}</li>", rows),
        )

    def annotate_view(self, request, article_id):
        return annotating.annotate_page(self, request, article_id)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            # The change form reads this queryset too, and edits the body.
            .for_listing(with_body=True)
            # Counted in subqueries, not by joining the mentions: a join with GROUP BY
            # drags every column (a 4 MB body) through the grouping once per mention.
            .annotate(
                confirmed_mention_count=_mention_count([MentionStatus.CONFIRMED]),
                to_check_mention_count=_mention_count(STATUSES_TO_CHECK),
            )
        )

    def view_on_site(self, article):
        # A draft's public URL would only say "not found"; offer the link once it is live.
        return article.get_absolute_url() if article.is_published() else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        # The form checked the version already; this is the check no race can slip past.
        obj.save(expected_version=form.cleaned_data.get("loaded_version") if change else None)

    @admin.display(description="bylines")
    def byline_names(self, article):
        return ", ".join(byline.person.name for byline in article.bylines.all())

    @admin.display(description="confirmed mentions", ordering="confirmed_mention_count")
    def confirmed_mentions(self, article):
        return article.confirmed_mention_count

    @admin.display(description="mentions to check", ordering="to_check_mention_count")
    def mentions_to_check(self, article):
        return article.to_check_mention_count

    @admin.display(description="annotate")
    def annotate_link(self, article):
        url = reverse("admin:articles_article_annotate", args=[article.pk])
        return format_html('<a href="{}">Annotate</a>', url)

    @admin.display(description="body with mentions")
    def body_with_mentions(self, article):
        if article.pk is None:
            return "Mentions appear here once the article is saved."
        mentions = (
            article.mentions.filter(status__in=list(MENTION_STYLES))
            .select_related("entity")
            .order_by("start", "pk")
        )
        url = reverse("admin:articles_article_annotate", args=[article.pk])
        return format_html(
            '<p><a class="button" href="{}">Open the annotation screen</a></p>{}',
            url,
            body_with_mentions_html(article, mentions),
        )


# --- Mentions and corrections -----------------------------------------------------------


# How many refusals a bulk action names one by one; the rest are counted.
REFUSALS_NAMED = 10


@admin.action(description="Accept (confirm) selected mentions", permissions=["change"])
def accept_mentions(modeladmin, request, queryset):
    """Confirm each mention that still fits its text and overlaps no confirmed mention, all
    of them with their articles' revisions in one transaction: a batch is accepted whole or
    not at all."""
    with transaction.atomic():
        accepted, refused = queryset.accept_all()
        _record_review(request, {pk: len(group) for pk, group in accepted.items()}, "Accepted")
    for mention, reason in refused[:REFUSALS_NAMED]:
        modeladmin.message_user(
            request,
            f"“{mention.exact}” ({mention.entity}) in “{mention.article}” was not accepted: "
            f"{reason}",
            messages.ERROR,
        )
    if len(refused) > REFUSALS_NAMED:
        modeladmin.message_user(
            request,
            f"{len(refused) - REFUSALS_NAMED} more mentions were not accepted for the same "
            "kinds of reason; they stay in the queue.",
            messages.ERROR,
        )


@admin.action(description="Reject selected mentions", permissions=["change"])
def reject_mentions(modeladmin, request, queryset):
    """Reject: the rows stay, marked rejected, so the same mention is not suggested again."""
    to_reject = queryset.exclude(status=MentionStatus.REJECTED)
    with transaction.atomic():
        rejected = Counter(to_reject.values_list("article_id", flat=True))
        to_reject.update(status=MentionStatus.REJECTED)
        _record_review(request, rejected, "Rejected")


def _record_review(request, counts: dict[int, int], verb: str) -> None:
    """Say how many mentions the review queue accepted or rejected, and record each article's
    change (counts by article id) in its history, as the annotation screen does."""
    for article in Article.objects.filter(pk__in=counts).defer("search_vector"):
        count = counts[article.pk]
        revisions.record_revision(
            article, request.user, f"{verb} {count} mention{'s' if count != 1 else ''} in review."
        )
    total = sum(counts.values())
    messages.success(request, f"{verb} {total} mention{'s' if total != 1 else ''}.")


@admin.register(ReviewMention)
class ReviewMentionAdmin(admin.ModelAdmin):
    """Every suggested mention, and every one an edit left needing review, across articles.

    Uses the permissions of Mention: whoever may change mentions may review them.
    """

    list_display = ["quote_in_context", "entity_said", "article_link", "status", "source"]
    list_display_links = None
    list_filter = [
        "status",
        "entity__kind",
        ("entity", admin.RelatedOnlyFieldListFilter),
        "article__section",
        "source",
    ]
    list_select_related = ["article", "entity"]
    search_fields = ["exact", "entity__name", "article__headline"]
    search_help_text = "Finds mentions by their text, the entity's name or the headline."
    ordering = ["-article__publish_at", "article_id", "start"]
    actions = [accept_mentions, reject_mentions]

    class Media:
        css = {"all": ["articles/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).to_check()

    def get_changelist_instance(self, request):
        """The changelist, its page of mentions told their entities' namesakes (one query
        for the page, however many rows it has)."""
        changelist = super().get_changelist_instance(request)
        rows = list(changelist.result_list)
        twins = namesakes.namesakes_of({mention.entity_id for mention in rows})
        looks = suggestions.looks_needed(rows)
        for mention in rows:
            mention.namesakes = twins.get(mention.entity_id, [])
            mention.look = looks.get(mention.pk, "")
        changelist.result_list = rows
        return changelist

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_mention")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_mention")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="quote in context", ordering="exact")
    def quote_in_context(self, mention):
        return format_html(
            '<span class="quote">{}{}<mark>{}</mark>{}{}</span>',
            "…" if mention.prefix else "",
            mention.prefix,
            mention.exact,
            mention.suffix,
            "…" if mention.suffix else "",
        )

    @admin.display(description="entity", ordering="entity__name")
    def entity_said(self, mention):
        """The entity with what tells it from another of its name: kind, description,
        Wikidata id, and a marker naming its namesakes, if it has any."""
        entity = mention.entity
        parts = [
            format_html(
                '<strong>{}</strong> <span class="entity-kind">{}</span>',
                entity.name,
                entity.get_kind_display().lower(),
            )
        ]
        if entity.description.strip():
            parts.append(
                format_html(
                    '<span class="entity-description">{}</span>',
                    namesakes.shortened(entity.description),
                )
            )
        if entity.wikidata:
            parts.append(
                format_html(
                    '<span class="entity-wikidata">Wikidata <a href="{}">{}</a></span>',
                    entity.wikidata_url,
                    entity.wikidata,
                )
            )
        others = getattr(mention, "namesakes", [])
        if others:
            count = len(others)
            parts.append(
                format_html(
                    '<span class="namesake-marker">Same name as {} other{}:</span> {}. Open the '
                    "article to choose: namesakes are not accepted in bulk.",
                    count,
                    "" if count == 1 else "s",
                    "; ".join(namesakes.said(other) for other in others),
                )
            )
        look = getattr(mention, "look", "")
        if look:
            parts.append(
                format_html(
                    '<span class="look-marker">Needs a look:</span> {} Open the article to '
                    "check: such suggestions are not accepted in bulk.",
                    look,
                )
            )
        return format_html_join(mark_safe("<br>"), "{}", ((part,) for part in parts))

    @admin.display(description="article", ordering="article__headline")
    def article_link(self, mention):
        url = reverse("admin:articles_article_annotate", args=[mention.article_id])
        return format_html('<a href="{}">{}</a>', url, mention.article.headline)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["article", "exact", "entity", "status", "role", "source"]
    list_filter = ["status", "role", "source", "entity__kind"]
    list_select_related = ["article", "entity"]
    search_fields = ["exact", "entity__name", "article__headline"]
    autocomplete_fields = ["article", "entity"]
    readonly_fields = ["created_by", "created_at"]
    actions = [accept_mentions, reject_mentions]
    fields = [
        "article",
        "entity",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "role",
        "status",
        "source",
        "created_by",
        "created_at",
    ]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["article"]
    search_fields = ["text", "article__headline"]
    autocomplete_fields = ["article"]
    date_hierarchy = "created_at"
