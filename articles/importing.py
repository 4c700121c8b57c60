"""Importing entities and articles from files: shared by import_entities, import_articles
and load_demo, so the three commands read, check and save content the same way.

Reading and checking never write to the database; saving writes in one transaction, so a
bad file changes nothing. Every problem is an ImportProblem whose message says which file,
item or field is at fault.
"""

from __future__ import annotations

import datetime
import html
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import reversion
import yaml
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from markdown_it import MarkdownIt

from articles import body as article_body
from articles import text, workflow
from articles.images.library import (
    build_image,
    duplicate_of,
    files_undone_on_error,
    max_bytes,
    store_image,
)
from articles.images.models import Image
from articles.images.validation import ImageRefused, megabytes
from articles.limits import size_said
from articles.models import (
    WIKIDATA_PATTERN,
    Article,
    ArticleStatus,
    Byline,
    Entity,
    EntityKind,
    Section,
    tag_name_problem,
)


class ImportProblem(Exception):
    """Input that cannot be imported; the message says what is wrong and where."""


# The largest file an import reads. A story's body holds at most MAX_BODY_CHARS characters
# (4 MB of UTF-8 at most), and an entities file this size lists some 50,000 entities; a
# larger file is refused before it is read, saying so.
MAX_FILE_BYTES = 10 * 1024 * 1024


def read_text(path: Path) -> str:
    """A file's text, or an ImportProblem saying why it cannot be had (it cannot be read, it
    is larger than MAX_FILE_BYTES, or it is not UTF-8)."""
    limit = MAX_FILE_BYTES
    try:
        with Path(path).open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise ImportProblem(_too_large(size, limit))
            # At most one byte past the limit, whatever the size said: a device or a file
            # still being written may hold more.
            data = file.read(limit + 1)
    except OSError as error:
        raise ImportProblem(f"cannot be read: {error.strerror or error}") from None
    if len(data) > limit:
        raise ImportProblem(_too_large(None, limit))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}); "
            "save it as UTF-8 and try again"
        ) from None


def _too_large(size: int | None, limit: int) -> str:
    """What is said of a file over the limit; `size` is None when it is not known."""
    most = size_said(limit)
    shown = size_said(size) if size is not None else most
    said = f"is {shown}" if shown != most else f"is over {most}"
    return f"{said}; a file may be at most {most}: split it into smaller files"


# Feeds and sitemaps are XML, which cannot carry such a character (see text.XML_ILLEGAL).
CONTROL_CHARACTER = "{what} holds an invisible control character"
# Half of a UTF-16 surrogate pair: JSON and YAML may spell one ("\ud800"), but it is no
# character on its own, and no database can store it.
_SURROGATE = re.compile("[\ud800-\udfff]")
# What a message shows escaped (\u0000) or leaves out: invisible, or no character at all.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def character_problem(value: str, what: str) -> str | None:
    """Why `value` cannot be stored or sent in a feed, said of `what`; None if it can."""
    found = _SURROGATE.search(value)
    if found:
        return (
            f"{what} holds \\u{ord(found.group()):04x} (half of a UTF-16 surrogate pair, "
            "which is no character on its own)"
        )
    if text.XML_ILLEGAL.search(value):
        return CONTROL_CHARACTER.format(what=what)
    return None


def _shown(value: str, limit: int = 60) -> str:
    """`value` as a message may show it: invisible characters and surrogates escaped, and
    cut short past `limit` characters."""
    shown = _UNSHOWABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", value[: limit + 1])
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _without_unshowable(value: str, limit: int = 60) -> str:
    """`value` with its invisible characters and surrogates left out, cut short."""
    return _shown(_UNSHOWABLE.sub("", value), limit)


# --- Entities ---------------------------------------------------------------------------

ENTITY_FIELDS = ("name", "kind", "aliases", "description", "wikidata", "public")
_NAME_MAX = Entity._meta.get_field("name").max_length
_WIKIDATA = re.compile(WIKIDATA_PATTERN)


@dataclass(frozen=True)
class EntityRecord:
    """One checked item of an entities file; None means the file leaves that field alone."""

    name: str
    kind: str
    aliases: list[str] | None = None
    description: str | None = None
    wikidata: str | None = None
    is_public: bool | None = None  # "public": shown before a published article names it


@dataclass
class Counts:
    """How many of the things imported were created, updated or left unchanged."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


# No field of an entity is a number, and Python reads no integer of over 4,300 digits.
_MAX_DIGITS = 100


class _LongNumber(Exception):
    def __init__(self, digits: str):
        self.digits = digits


def _read_int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def read_entities(path: Path) -> list[EntityRecord]:
    """Read and check a JSON entities file; refuse it whole, naming every bad item."""
    raw = read_text(path).removeprefix("\ufeff")
    try:
        data = json.loads(raw, parse_int=_read_int)
    except json.JSONDecodeError as error:
        raise ImportProblem(f"is not valid JSON: {error}") from None
    except RecursionError:
        raise ImportProblem("is nested too deeply to be a list of entities") from None
    except _LongNumber as number:
        line = raw.count("\n", 0, raw.find(number.digits)) + 1
        raise ImportProblem(
            f"holds a number {len(number.digits.lstrip('-')):,} digits long (line {line}); "
            "the fields of an entity are text"
        ) from None
    return check_entities(data)


def _item_label(index: int, item) -> str:
    name = item.get("name") if isinstance(item, dict) else None
    if (
        isinstance(name, str)
        and name.strip()
        and len(name.strip()) <= _NAME_MAX
        and not _UNSHOWABLE.search(name)
    ):
        return f'item {index} ("{name.strip()}")'
    return f"item {index}"


def _check_entity(item) -> tuple[EntityRecord | None, list[str]]:
    """One item as a record, or the problems with it (field first, then what is wrong)."""
    if not isinstance(item, dict):
        return None, [f"is {_json_type(item)}, not an object with a name and a kind"]
    problems = []
    unknown = [key for key in item if key not in ENTITY_FIELDS]
    if unknown:
        problems.append(
            f"unknown field{'s' if len(unknown) > 1 else ''} "
            + ", ".join(f'"{_shown(key)}"' for key in unknown[:5])
            + (", ..." if len(unknown) > 5 else "")
            + f" (the fields are {', '.join(ENTITY_FIELDS)})"
        )

    name = item.get("name")
    if name is None:
        problems.append("name is missing")
    elif not isinstance(name, str):
        problems.append(f"name must be text, not {_json_type(name)}")
    elif not name.strip():
        problems.append("name is blank")
    elif len(name.strip()) > _NAME_MAX:
        problems.append(f"name is longer than {_NAME_MAX} characters")
    elif problem := character_problem(name, "name"):
        problems.append(problem)

    kind = item.get("kind")
    if kind is None:
        problems.append(f"kind is missing (one of {', '.join(EntityKind.values)})")
    elif kind not in EntityKind.values:
        shown = f'"{_shown(kind)}"' if isinstance(kind, str) else _json_type(kind)
        problems.append(f"kind {shown} is not one of {', '.join(EntityKind.values)}")

    aliases = item.get("aliases")
    if aliases is not None:
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append('aliases must be a list of names, such as ["Kim", "Kim Jong-un"]')
        elif any(len(a.strip()) > _NAME_MAX for a in aliases):
            problems.append(f"an alias is longer than {_NAME_MAX} characters")
        elif bad := [
            problem
            for alias in aliases
            if (problem := character_problem(alias, f'alias "{_without_unshowable(alias)}"'))
        ]:
            problems += bad
        else:
            aliases = _clean_aliases(aliases, name if isinstance(name, str) else "")

    description = item.get("description")
    if description is not None and not isinstance(description, str):
        problems.append(f"description must be text, not {_json_type(description)}")
    elif description is not None and (problem := character_problem(description, "description")):
        problems.append(problem)

    wikidata = item.get("wikidata")
    if wikidata is not None:
        if not isinstance(wikidata, str):
            problems.append(f'wikidata must be text such as "Q42", not {_json_type(wikidata)}')
        elif wikidata.strip() and not _WIKIDATA.match(wikidata.strip()):
            problems.append(
                f'wikidata "{_shown(wikidata)}" is not a Wikidata id '
                '(Q followed by digits, such as "Q42"; or "" for none)'
            )
        else:
            wikidata = wikidata.strip()

    public = item.get("public")
    if public is not None and not isinstance(public, bool):
        problems.append(f"public must be true or false, not {_json_type(public)}")

    if problems:
        return None, problems
    return EntityRecord(
        name=name.strip(),
        kind=kind,
        aliases=aliases,
        description=description.strip() if description is not None else None,
        wikidata=wikidata,
        is_public=public,
    ), []


def _clean_aliases(aliases: list[str], name: str) -> list[str]:
    """Aliases stripped, blanks and repeats (and the name itself) left out, order kept."""
    seen = {name.strip()}
    result = []
    for alias in (a.strip() for a in aliases):
        if alias and alias not in seen:
            seen.add(alias)
            result.append(alias)
    return result


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


# A file with more problems than this is told of the first ones and how many more.
MAX_PROBLEMS_SHOWN = 100


def check_entities(data) -> list[EntityRecord]:
    """Check parsed JSON; an ImportProblem lists every problem, one per line."""
    if not isinstance(data, list):
        raise ImportProblem(
            f'must be a JSON list of entities ([{{"name": ..., "kind": ...}}, ...]), '
            f"not {_json_type(data)}"
        )
    problems = []
    records: list[tuple[int, EntityRecord]] = []
    first_of_name: dict[tuple[str, str], int] = {}
    first_of_wikidata: dict[str, tuple[int, str]] = {}
    for index, item in enumerate(data, start=1):
        label = _item_label(index, item)
        record, item_problems = _check_entity(item)
        problems += [f"{label}: {problem}" for problem in item_problems]
        if record is None:
            continue
        key = (record.kind, record.name)
        if key in first_of_name:
            problems.append(f"{label}: the same {record.kind} as item {first_of_name[key]}")
            continue
        first_of_name[key] = index
        if record.wikidata:
            if record.wikidata in first_of_wikidata:
                other, other_name = first_of_wikidata[record.wikidata]
                problems.append(
                    f'{label}: wikidata "{record.wikidata}" is also given to '
                    f'item {other} ("{other_name}")'
                )
            else:
                first_of_wikidata[record.wikidata] = (index, record.name)
        records.append((index, record))

    # A Wikidata id may belong to one entity only, in the file and in the database.
    wikidata_ids = [record.wikidata for _, record in records if record.wikidata]
    holders = {
        entity.wikidata: entity
        for entity in Entity.objects.filter(wikidata__in=wikidata_ids).only(
            "name", "kind", "wikidata"
        )
    }
    for index, record in records:
        holder = holders.get(record.wikidata)
        if holder and (holder.kind, holder.name) != (record.kind, record.name):
            problems.append(
                f'{_item_label(index, {"name": record.name})}: wikidata "{record.wikidata}" '
                f'already belongs to the {holder.kind} "{holder.name}"'
            )
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"and {len(problems) - len(shown):,} more problems")
        raise ImportProblem("nothing was imported; fix these and try again:\n" + "\n".join(shown))
    return [record for _, record in records]


def save_entities(records: list[EntityRecord]) -> Counts:
    """Create or update entities by (kind, name), in one transaction."""
    counts = Counts()
    with transaction.atomic():
        for record in records:
            _, outcome = save_entity(record)
            counts.add(outcome)
    return counts


def save_entity(record: EntityRecord) -> tuple[Entity, str]:
    """Create or update one entity; the outcome is "created", "updated" or "unchanged"."""
    values = {
        name: getattr(record, name)
        for name in ("aliases", "description", "wikidata", "is_public")
        if getattr(record, name) is not None
    }
    entity = Entity.objects.filter(kind=record.kind, name=record.name).first()
    if entity is None:
        entity = Entity(name=record.name, kind=record.kind, **values)
        entity.save()
        return entity, "created"
    changed = [name for name, value in values.items() if getattr(entity, name) != value]
    if not changed:
        return entity, "unchanged"
    for name in changed:
        setattr(entity, name, values[name])
    entity.save(update_fields=changed)
    return entity, "updated"


# --- Articles ---------------------------------------------------------------------------

FRONT_MATTER_KEYS = (
    "title",
    "headline",
    "slug",
    "dek",
    "section",
    "authors",
    "tags",
    "status",
    "publish",
    "publish_at",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
)
# What front matter may say of its image, with the longest each may be (None: no limit).
IMAGE_TEXT_KEYS = {
    "image_alt": Image._meta.get_field("alt_text").max_length,
    "image_caption": None,
    "image_credit": Image._meta.get_field("credit").max_length,
}
ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm")
# CommonMark, with the HTML a Markdown file may hold passed on to the sanitiser.
_MARKDOWN = MarkdownIt("commonmark", {"html": True})
# Every link goes to the body's own check, which names a bad one, rather than staying
# literal text (markdown-it's own check would leave "[this](javascript:...)" as it is).
_MARKDOWN.validateLink = lambda url: True
# Found in steps (the opening tag, its ">", then the closing tag) rather than by one pattern
# such as <h1\b[^>]*>(.*?)</h1>, which retries from every "<h1" of a file that never closes
# one: minutes for a file of "<h1>" repeated.
_HTML_H1 = (re.compile(r"<h1\b", re.IGNORECASE), re.compile(r"</h1\s*>", re.IGNORECASE))
_HTML_TITLE = (re.compile(r"<title\b", re.IGNORECASE), re.compile(r"</title\s*>", re.IGNORECASE))
_HEADLINE_MAX = Article._meta.get_field("headline").max_length
_SLUG_MAX = Article._meta.get_field("slug").max_length
_TAG_MAX = 100  # taggit's Tag.name


@dataclass
class ArticleSource:
    """What one file says about its article; None means the file does not say."""

    headline: str
    slug: str
    body: str
    dek: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str | None = None
    publish_at: datetime.datetime | None = None
    lead_image: LeadImageSource | None = None


@dataclass
class LeadImageSource:
    """The picture a file gives its article, checked but not stored; None where the file
    says nothing of it."""

    name: str  # as the file names it, for messages
    data: bytes
    image: Image  # unsaved: its title, size and the credits read from the file
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass
class ImportedArticle:
    article: Article
    outcome: str  # "created", "updated" or "unchanged"
    # What else was created on the way (sections, people), to tell the user.
    notes: list[str] = field(default_factory=list)


def read_article(path: Path, title: str | None = None) -> ArticleSource:
    """Read and check one .txt, .md or .html file; ``title`` is for files without a headline.

    The body is sanitised HTML: a .txt file's lines become paragraphs and subheadings, a
    .md file is read as CommonMark, an .html file is taken as it is (its first <h1>, or
    else its <title>, is the headline). A body with a bad link, a picture, broken HTML or
    too much of it is refused with what is wrong."""
    path = Path(path)
    if path.is_dir():
        raise ImportProblem("is a folder; give the files in it, such as folder/*.md")
    extension = path.suffix.lower()
    if extension not in ARTICLE_EXTENSIONS:
        raise ImportProblem(
            f'has an unknown extension "{path.suffix}"; give .txt (plain text), '
            ".md (Markdown with front matter) or .html files"
        )
    raw = read_text(path).removeprefix("\ufeff")
    if not raw.strip():
        raise ImportProblem("is empty")
    meta = {}
    if extension == ".txt":
        headline, plain = text.parse_story(raw)
        markup = article_body.from_plain_text(plain)
        if headline is None and not title:
            raise ImportProblem(
                "has no headline (its first line does not look like one); "
                'give one with --title "..."'
            )
    elif extension == ".md":
        meta, markdown = split_front_matter(raw)
        headline = meta.get("title") or meta.get("headline")
        markup = _MARKDOWN.render(markdown)
        if headline is None and not title:
            raise ImportProblem('has no title; add "title:" to its front matter or give --title')
        if "image" in meta:
            meta["lead_image"] = lead_image_source(
                meta["image"],
                read_picture(path, meta["image"]),
                alt=meta.get("image_alt"),
                caption=meta.get("image_caption"),
                credit=meta.get("image_credit"),
            )
    else:
        headline, markup = _html_headline(raw)
        if headline is None and not title:
            raise ImportProblem("has no headline; give it an <h1> or a <title>, or give --title")
    problems = article_body.problems(markup)
    if problems:
        raise ImportProblem("text: " + " ".join(problems))
    body = article_body.sanitise(markup)
    headline = " ".join((headline or title).split())
    if len(headline) > _HEADLINE_MAX:
        raise ImportProblem(f"headline is longer than {_HEADLINE_MAX} characters")
    if not article_body.reading_text(body).strip():
        raise ImportProblem("has a headline but no text")
    slug = meta.get("slug") or slugify(headline)[:_SLUG_MAX].strip("-")
    if not slug:
        raise ImportProblem(
            f'headline "{headline}" gives no usable slug; set "slug:" in the front matter'
        )
    return ArticleSource(
        headline=headline,
        slug=slug,
        body=body,
        dek=meta.get("dek"),
        section=meta.get("section"),
        authors=meta.get("authors", []),
        tags=meta.get("tags", []),
        status=meta.get("status"),
        publish_at=meta.get("publish_at"),
        lead_image=meta.get("lead_image"),
    )


def read_picture(article_path: Path, given: str) -> bytes:
    """The bytes of the picture that front matter names by `given`, a path relative to
    the article's file; refused if it leads outside that file's folder (a file from
    elsewhere, such as ../../etc/passwd, is never read), is missing or is too large."""
    if PureWindowsPath(given).anchor:  # "/etc/passwd", a drive or a network share
        raise ImportProblem(
            f'image "{_shown(given)}" must be a path relative to this file, such as '
            '"photos/harbour.jpg"'
        )
    folder = Path(article_path).resolve().parent
    target = (folder / given).resolve()  # links followed: one leading out is refused too
    if not target.is_relative_to(folder):
        raise ImportProblem(
            f'image "{_shown(given)}" is outside the folder of this file; put the picture '
            "beside it or in a folder under it"
        )
    limit = max_bytes()
    try:
        with target.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise ImportProblem(
                    f"image {_shown(given)} is {megabytes(size)}, over the limit of "
                    f"{megabytes(limit)} for a picture"
                )
            return file.read(limit + 1)  # check_image refuses more than the limit
    except FileNotFoundError:
        raise ImportProblem(f'image "{_shown(given)}" was not found beside this file') from None
    except IsADirectoryError:
        raise ImportProblem(f'image "{_shown(given)}" is a folder, not a picture') from None
    except OSError as error:
        raise ImportProblem(
            f'image "{_shown(given)}" cannot be read: {error.strerror or error}'
        ) from None


def lead_image_source(name: str, data: bytes, **said) -> LeadImageSource:
    """A checked picture for an article (`said`: its alt, caption and credit), or an
    ImportProblem naming `name` and saying why it is refused. Nothing is stored."""
    try:
        image = build_image(data, name)
    except ImageRefused as refusal:
        raise ImportProblem(f"image {refusal}") from None
    return LeadImageSource(name, data, image, **said)


def _html_headline(raw: str) -> tuple[str | None, str]:
    """The headline of an HTML story (its first <h1>, else its <title>, as plain text) and
    the HTML with that <h1> and any <title> taken out."""
    headline = None
    found = _first_element(raw, _HTML_H1)
    if found:
        start, inner_start, inner_end, end = found
        headline = article_body.reading_text(article_body.sanitise(raw[inner_start:inner_end]))
        raw = raw[:start] + raw[end:]
    found = _first_element(raw, _HTML_TITLE)
    if found:
        start, inner_start, inner_end, end = found
        if not headline:
            headline = html.unescape(raw[inner_start:inner_end])
        raw = raw[:start] + raw[end:]
    return (" ".join(headline.split()) or None) if headline else None, raw


def _first_element(raw: str, patterns) -> tuple[int, int, int, int] | None:
    """Where the first element that `patterns` (its opening and closing tag) find starts,
    where its content starts and ends, and where it ends; None if there is none closed.

    Only the first opening tag need be tried: a closing tag after a later one is after the
    first one too."""
    opening, closing = patterns
    start = opening.search(raw)
    if start is None:
        return None
    inner_start = raw.find(">", start.end()) + 1
    if inner_start == 0:
        return None
    end = closing.search(raw, inner_start)
    if end is None:
        return None
    return start.start(), inner_start, end.start(), end.end()


_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


# Front matter is a few lines (a headline, a standfirst, names, tags): larger or deeper
# front matter is refused before YAML builds it.
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 10


class _Refused(yaml.MarkedYAMLError):
    """Front matter that is YAML but that we do not read; problem_mark says where."""

    def __init__(self, problem: str, mark):
        super().__init__(problem=problem, problem_mark=mark)


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing what front matter never needs and an attack would use:
    anchors and aliases (a few lines of them spell billions of values), nesting deeper than
    MAX_FRONT_MATTER_DEPTH, numbers longer than _MAX_DIGITS digits (Python reads no integer
    of over 4,300), values that cannot be read (a date in the year 0), and text that no
    database can hold (lone surrogates)."""

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if event.anchor is not None:  # An alias (*name), or a value named for one (&name).
            raise _Refused(
                f"YAML anchors and aliases (&{event.anchor}, *{event.anchor}) are not "
                "allowed; write each value out in full",
                event.start_mark,
            )
        self.depth += 1
        try:
            if self.depth > MAX_FRONT_MATTER_DEPTH:
                raise _Refused(
                    f"nested more than {MAX_FRONT_MATTER_DEPTH} levels deep", event.start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            what = f'"{_shown(node.value)}"' if isinstance(node.value, str) else "a value"
            raise _Refused(f"{what} cannot be read: {error}", node.start_mark) from None

    def construct_yaml_int(self, node):
        digits = re.sub(r"^[-+]?(0[xob])?|[_:]", "", node.value)
        if len(digits) > _MAX_DIGITS:
            raise _Refused(
                f"a number {len(digits):,} digits long; no front matter value is a number",
                node.start_mark,
            )
        return super().construct_yaml_int(node)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            raise _Refused(f"{_shown(node.value)} is no date ({error})", node.start_mark) from None

    def construct_yaml_str(self, node):
        # A control character is refused where the value is used, with its field's name.
        value = super().construct_yaml_str(node)
        if _SURROGATE.search(value):
            raise _Refused(character_problem(value, "a value"), node.start_mark)
        return value


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _FrontMatterLoader.construct_yaml_int)
_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp
)
_FrontMatterLoader.add_constructor("tag:yaml.org,2002:str", _FrontMatterLoader.construct_yaml_str)


def split_front_matter(raw: str) -> tuple[dict, str]:
    """The checked front matter of a Markdown file (between "---" lines) and the rest.

    A file that does not start with "---" has no front matter.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not _FENCE.match(raw):
        return {}, raw
    closing = _FENCE.search(raw, raw.index("\n") + 1 if "\n" in raw else len(raw))
    if closing is None:
        raise ImportProblem('front matter is not closed: add a "---" line after it')
    block = raw[raw.index("\n") + 1 : closing.start()]
    size = len(block.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise ImportProblem(
            f"front matter is {round(size / 1024):,} KB; it may be at most "
            f"{MAX_FRONT_MATTER_BYTES // 1024} KB"
        )
    try:
        data = yaml.load(block, Loader=_FrontMatterLoader)  # A SafeLoader, refusing more.
    except _Refused as refusal:
        raise ImportProblem(
            f"front matter line {refusal.problem_mark.line + 2}: {refusal.problem}"
        ) from None
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ImportProblem(f"front matter is not valid YAML{line}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ImportProblem('front matter must be "key: value" lines')
    return check_front_matter(data), raw[closing.end() :]


def check_front_matter(data: dict) -> dict:
    """Front matter with its values checked and normalised; an ImportProblem otherwise."""
    unknown = [_shown(str(key)) for key in data if key not in FRONT_MATTER_KEYS]
    if unknown:
        raise ImportProblem(
            "front matter has unknown key"
            + ("s " if len(unknown) > 1 else " ")
            + ", ".join(f'"{key}"' for key in unknown[:5])
            + (", ..." if len(unknown) > 5 else "")
            + f" (the keys are {', '.join(FRONT_MATTER_KEYS)})"
        )
    if "title" in data and "headline" in data:
        raise ImportProblem('front matter gives both "title" and "headline"; keep one')
    if "status" in data and "publish" in data:
        raise ImportProblem('front matter gives both "status" and "publish"; keep one')

    meta = {}
    for key in ("title", "headline", "dek"):
        if key in data:
            meta[key] = _text(data[key], key)
    for key in ("slug", "section"):
        if key in data:
            value = _text(data[key], key)
            if not value:
                raise ImportProblem(f"front matter {key} is blank")
            try:
                validate_slug(value)
            except ValidationError:
                raise ImportProblem(
                    f'front matter {key} "{_shown(value)}" is not a slug '
                    "(letters, digits, hyphens and underscores, such as world-news)"
                ) from None
            meta[key] = value
    if "authors" in data:
        meta["authors"] = clean_names(_text_list(data["authors"], "authors"), "authors")
    if "tags" in data:
        tags = _text_list(data["tags"], "tags")
        meta["tags"] = clean_tags([t for tag in tags for t in tag.split(",")])
    if "status" in data:
        status = data["status"]
        if status not in ArticleStatus.values:
            raise ImportProblem(
                f"front matter status {_shown(json.dumps(status, default=str))} is not one of "
                + ", ".join(ArticleStatus.values)
            )
        meta["status"] = status
    if "publish" in data:
        if not isinstance(data["publish"], bool):
            raise ImportProblem("front matter publish must be true or false")
        meta["status"] = ArticleStatus.PUBLISHED if data["publish"] else ArticleStatus.DRAFT
    if "publish_at" in data:
        meta["publish_at"] = _date_time(data["publish_at"])
    meta.update(_image_keys(data))
    return meta


def _image_keys(data: dict) -> dict:
    """The lead image's front matter: "image", a path relative to the file, and what the
    other image_ keys say of it."""
    described = [key for key in IMAGE_TEXT_KEYS if key in data]
    if "image" not in data:
        if described:
            raise ImportProblem(
                f'front matter gives {described[0]} but no image; add "image: '
                'photos/harbour.jpg" (a path relative to this file)'
            )
        return {}
    given = data["image"]
    if not isinstance(given, str) or not given.strip():
        raise ImportProblem(
            'front matter image must be a path relative to this file, such as "photos/harbour.jpg"'
        )
    meta = {"image": given.strip()}
    for key in described:
        value = _text(data[key], key)
        if problem := character_problem(value, f"front matter {key}"):
            raise ImportProblem(problem)
        limit = IMAGE_TEXT_KEYS[key]
        if limit is not None and len(value) > limit:
            raise ImportProblem(f"front matter {key} is longer than {limit} characters")
        meta[key] = value
    return meta


def _text(value, key: str) -> str:
    if not isinstance(value, str):
        raise ImportProblem(f'front matter {key} must be text; put it in quotes: {key}: "..."')
    return " ".join(value.split())


def _text_list(value, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise ImportProblem(f"front matter {key} must be a name or a list of names")


def _date_time(value) -> datetime.datetime:
    # YAML turns an unquoted 2026-11-02T09:00:00Z into a datetime already.
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, datetime.datetime):
        raise ImportProblem(
            "front matter publish_at must be a date and time such as 2026-11-02T09:00:00Z"
        )
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def clean_names(names: list[str], what: str = "author") -> list[str]:
    """Names with spaces tidied and repeats dropped; blank ones are an ImportProblem."""
    result = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            raise ImportProblem(f"{what}: a name is blank")
        if len(name) > _NAME_MAX:
            raise ImportProblem(f'{what}: "{name[:40]}…" is longer than {_NAME_MAX} characters')
        if text.XML_ILLEGAL.search(name):
            shown = text.XML_ILLEGAL.sub("", name)
            raise ImportProblem(CONTROL_CHARACTER.format(what=f'{what} "{shown}"'))
        if name not in result:
            result.append(name)
    return result


def clean_tags(tags: list[str]) -> list[str]:
    result = []
    for tag in tags:
        tag = " ".join(tag.split())
        if len(tag) > _TAG_MAX:
            raise ImportProblem(f'tag "{tag[:40]}…" is longer than {_TAG_MAX} characters')
        if tag and (problem := tag_name_problem(tag)):
            raise ImportProblem(problem)
        if tag and tag not in result:
            result.append(tag)
    return result


def check_section_slug(slug: str) -> str:
    try:
        validate_slug(slug)
    except ValidationError:
        raise ImportProblem(
            f'section "{slug}" is not a slug '
            "(letters, digits, hyphens and underscores, such as world-news)"
        ) from None
    return slug


def save_article(
    source: ArticleSource,
    *,
    section: str | None = None,
    authors: list[str] = (),
    tags: list[str] = (),
    publish: bool = False,
) -> ImportedArticle:
    """Create or update the article with the source's slug, all in one transaction.

    ``section``, ``authors`` and ``tags`` come from the command line: the file's own
    section wins over ``section``; authors and tags are added to the file's. Re-importing
    updates headline, dek and body, adds missing bylines and tags (it never removes what
    editors added) and keeps the status unless the file gives one or ``publish`` is set.

    The file's lead image is stored in the library (or found there, by its content) with
    the article, and the article goes out only with pictures it may show
    (workflow.check_pictures); refused, neither is stored, nor the picture's file.
    """
    notes: list[str] = []
    # One revision holds the article with the bylines and tags added after it is saved.
    with (
        files_undone_on_error() as new_files,
        transaction.atomic(),
        reversion.create_revision(),
    ):
        reversion.set_comment("Imported")
        section_obj = _section(source.section or section, notes)
        article = Article.objects.select_for_update().filter(slug=source.slug).first()
        created = article is None
        if created:
            article = Article(slug=source.slug)
        shown_before = workflow.shown_picture_ids(article)
        values = {"headline": source.headline, "body": source.body, "section_id": section_obj.pk}
        if source.dek is not None or created:
            values["dek"] = source.dek or ""
        if publish:
            values["status"] = ArticleStatus.PUBLISHED
        elif source.status is not None:
            values["status"] = source.status
        if source.publish_at is not None:
            values["publish_at"] = source.publish_at
        elif values.get("status") == ArticleStatus.PUBLISHED and article.publish_at is None:
            values["publish_at"] = timezone.now()
        if source.lead_image is not None:
            publishing = values.get("status", article.status) == ArticleStatus.PUBLISHED
            image = library_image(
                source.lead_image, publishing=publishing, new_files=new_files, notes=notes
            )
            values["lead_image_id"] = image.pk
            if source.lead_image.caption is not None:
                values["lead_image_caption"] = source.lead_image.caption
        changed = [name for name, value in values.items() if getattr(article, name) != value]
        for name in changed:
            setattr(article, name, values[name])
        if article.status == ArticleStatus.PUBLISHED and (created or changed):
            try:
                workflow.check_pictures(article, already_shown=shown_before)
            except workflow.PicturesRefused as refusal:
                raise ImportProblem(str(refusal)) from None
        if created or changed:
            try:
                article.full_clean()
            except ValidationError as error:
                raise ImportProblem(_validation_message(error)) from None
            article.save()  # Saving carries the article's mentions through the edit.

        people = [_person(name, notes) for name in clean_names([*source.authors, *authors])]
        have = dict(article.bylines.values_list("person_id", "position")) if not created else {}
        new_people = [person for person in people if person.pk not in have]
        first = max(have.values(), default=-1) + 1
        for position, person in enumerate(new_people, start=first):
            Byline.objects.create(article=article, person=person, position=position)

        all_tags = clean_tags([*source.tags, *tags])
        new_tags = [tag for tag in all_tags if tag not in set(article.tags.names())]
        if new_tags:
            article.tags.add(*new_tags)

    if created:
        outcome = "created"
    elif changed or new_people or new_tags:
        outcome = "updated"
    else:
        outcome = "unchanged"
    return ImportedArticle(article, outcome, notes)


def library_image(
    picture: LeadImageSource, *, publishing: bool = False, new_files=None, notes=None
) -> Image:
    """The library's image for `picture`: the one already there with the same content
    (its blank alt text and credit filled in from `picture`, what editors wrote kept), or
    a new one, stored (see library.store_image for `new_files`). Either way it becomes
    `picture.image`, so a picture used again is not looked for again. A published
    article's picture needs alt text. `notes` is told what was done."""
    image = picture.image if picture.image.pk else duplicate_of(picture.image)
    new = image is None
    if new:
        image = picture.image
        image.alt_text = picture.alt or ""
        image.credit = picture.credit or image.credit
        image.caption = image.caption or picture.caption or ""
    else:
        given = {"alt_text": picture.alt, "credit": picture.credit}
        filled = [
            name for name, value in given.items() if value and not getattr(image, name).strip()
        ]
        for name in filled:
            setattr(image, name, given[name])
    if publishing and not image.alt_text.strip():
        raise ImportProblem(
            f'image {picture.name} has no alt text; give "image_alt:" (what the picture '
            "shows) to publish the article with it"
        )
    if new:
        store_image(image, picture.data, new_files=new_files)
        said = f"Stored image #{image.pk} “{image.title}” from {picture.name}"
    else:
        if filled:
            image.save(update_fields=filled)
        said = f"Image {picture.name} is already in the library as #{image.pk} “{image.title}”"
    picture.image = image
    if notes is not None:
        notes.append(said)
    return image


def _section(slug: str | None, notes: list[str]) -> Section:
    if not slug:
        raise ImportProblem('has no section; give --section SLUG or "section:" in front matter')
    check_section_slug(slug)
    section, created = Section.objects.get_or_create(
        slug=slug, defaults={"name": slug.replace("-", " ").replace("_", " ").title()}
    )
    if created:
        notes.append(f'Created section "{section.name}" ({section.get_absolute_url()})')
    return section


def _person(name: str, notes: list[str]) -> Entity:
    person, created = Entity.objects.get_or_create(kind=EntityKind.PERSON, name=name)
    if created:
        notes.append(f'Created person "{person.name}" ({person.get_absolute_url()})')
    return person


def _validation_message(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
