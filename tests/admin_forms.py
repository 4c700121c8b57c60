"""What the admin's article form posts, for tests that save articles through it."""

from django.utils import timezone

from articles.models import ArticleStatus


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def article_form_data(section, **fields):
    """A new article's form: a draft with no bylines or corrections."""
    data = {
        "headline": "Kim arrives in Beijing",
        "slug": "kim-arrives-in-beijing",
        "dek": "",
        "body": "Kim Jong Un arrived in Beijing.",
        "section": str(section.pk),
        "status": ArticleStatus.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "tags": "",
        **inline_management("bylines"),
        **inline_management("corrections"),
    }
    data.update(fields)
    return data


def article_change_data(article, **fields):
    """An existing article's form as the admin shows it, with `fields` changed."""
    publish_at = timezone.localtime(article.publish_at) if article.publish_at else None
    bylines = list(article.bylines.all())
    corrections = list(article.corrections.all())
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "section": str(article.section_id),
        "publish_at_0": publish_at.strftime("%Y-%m-%d") if publish_at else "",
        "publish_at_1": publish_at.strftime("%H:%M:%S") if publish_at else "",
        "tags": ", ".join(article.tags.names()),
        "lead_image": str(article.lead_image_id or ""),
        "lead_image_caption": article.lead_image_caption,
        "loaded_version": str(article.version),
        **inline_management("bylines", total=len(bylines), initial=len(bylines)),
        **inline_management("corrections", total=len(corrections), initial=len(corrections)),
    }
    for n, byline in enumerate(bylines):
        data.update(
            {
                f"bylines-{n}-id": str(byline.pk),
                f"bylines-{n}-article": str(article.pk),
                f"bylines-{n}-person": str(byline.person_id),
                f"bylines-{n}-position": str(byline.position),
            }
        )
    for n, correction in enumerate(corrections):
        created = timezone.localtime(correction.created_at)
        data.update(
            {
                f"corrections-{n}-id": str(correction.pk),
                f"corrections-{n}-article": str(article.pk),
                f"corrections-{n}-kind": correction.kind,
                f"corrections-{n}-text": correction.text,
                f"corrections-{n}-created_at_0": created.strftime("%Y-%m-%d"),
                f"corrections-{n}-created_at_1": created.strftime("%H:%M:%S"),
            }
        )
    data.update(fields)
    return data
