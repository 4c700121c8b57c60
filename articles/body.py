"""Pure functions over the article body: sanitise, reading text, render with mention links.

The body is an HTML fragment in one fixed schema: paragraphs, subheadings (h2, h3), block
quotes, bulleted and numbered lists, figures, and inside them links (http, https, mailto
and our own site's paths), strong, emphasis and line breaks. ``sanitise`` turns any HTML
(an editor's post, an import, a paste from a word processor) into that schema and one
canonical spelling of it, so sanitising twice changes nothing and a save that changes
nothing stores the same string.

A figure is a picture from the image library, named by its id, with this use's credit
(plain text, in an attribute) and caption (text with links, bold, italic and line breaks,
as in a paragraph); either may be absent:

    <figure data-image="42" data-credit="Ana Lund/Reuters"><figcaption>Kim in
    <em>Beijing</em></figcaption></figure>

Nothing else of a picture is stored (no <img>, no address): the page takes the picture
from the library by its id. A <figure> without a valid id is no figure (its text stays,
as a <div>'s would); figures stand at the top level, so one inside a quote or a list is
moved to just after it. ``images.usage`` finds the figures of a body by that spelling.

The reading text (``reading_text``) is the text of every block a reader reads, one block
per line, in order, with no markup: a line break inside a block reads as one space. A
figure's caption (this use's) is such a block; its credit and picture are not text. It is
what mention offsets index, so ``render`` inserts mention links into the body by reading
text offsets, and the text of what it returns is the reading text again (on a public
page, less what the library adds: the picture, the credit, the image's own caption).

This module imports nothing from Django; callers mark the HTML safe themselves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urlsplit

import nh3

from articles.text import XML_ILLEGAL, Annotation

# An article of 20,000 words is about 150,000 characters of HTML; this leaves room for
# markup and refuses what no editor writes.
MAX_BODY_CHARS = 1_000_000
# Deeper than any list in a list in a quote needs; input nested deeper is refused by
# ``problems`` and flattened by ``sanitise``.
MAX_DEPTH = 40
# Lists in lists deeper than this join the deepest one, so a sanitised body always nests
# well within MAX_DEPTH (each level is a <ul> and an <li>).
MAX_LIST_DEPTH = 10

TEXT_BLOCKS = ("p", "h2", "h3")
# Before a figure's credit on a public page, as before the lead image's.
CREDIT_LABEL = "Photo"
# Tags taken as another of the schema's: a word processor's <b>, a document's <h1>.
_RENAMED = {"b": "strong", "i": "em", "h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3"}
_MARK_TAGS = frozenset({"a", "strong", "em", "span"})
_CONTAINERS = frozenset({"blockquote", "ul", "ol", "li"})
# Tags whose content is kept as blocks of its own, the tag itself dropped.
_TRANSPARENT_BLOCKS = frozenset(
    [
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "figure",
        "figcaption",
        "address",
        "pre",
        "hr",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "dl",
        "dt",
        "dd",
        "details",
        "summary",
        "center",
    ]
)
_BLOCK_TAGS = frozenset({*TEXT_BLOCKS, "h1", "h4", "h5", "h6"}) | _CONTAINERS | _TRANSPARENT_BLOCKS
# Dropped with everything inside them: nothing of theirs is text a reader reads.
_DROPPED_WHOLE = frozenset(
    [
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "object",
        "embed",
        "title",
        "textarea",
        "select",
        "svg",
        "math",
        "audio",
        "video",
        "canvas",
    ]
)
_VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "source", "col", "area"})
# Tags HTML lets one leave open; any other left open is malformed.
_OPTIONAL_END = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot"})
_HTML_SPACE = re.compile("[ \t\n\r\f]+")
_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_MAILTO = re.compile(r"mailto:[^@\s/]+@[^@\s/]+\.[^@\s/]+", re.IGNORECASE)

_NH3_OPTIONS = {
    "tags": {"a", "strong", "em", "b", "i", "span", "br"} | (_BLOCK_TAGS - {"hr"}),
    "clean_content_tags": set(_DROPPED_WHOLE),
    "attributes": {
        "a": {"href", "rel"},
        "span": {"style"},
        "b": {"style"},
        "figure": {"data-image", "data-credit"},
    },
    "url_schemes": set(_URL_SCHEMES),
    "link_rel": None,
    "strip_comments": True,
    "filter_style_properties": {"font-weight", "font-style"},
}


class BodyError(ValueError):
    """A body that cannot be stored; the message says what to change."""


# --- Links ------------------------------------------------------------------------------


def safe_href(href: str) -> str | None:
    """The link address to keep, or None for one that must not be a link.

    Kept: http and https addresses with a host, mailto with an address, and paths of this
    site ("/articles/...", "/people/..."). Surrounding spaces are removed.
    """
    href = href.strip()
    if not href or XML_ILLEGAL.search(href) or any(ch.isspace() for ch in href):
        return None
    if href.startswith("/"):
        # "//host" and "/\host" are other sites to a browser, not paths of ours.
        return href if not href.startswith(("//", "/\\")) else None
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return href if parts.hostname else None
    if scheme == "mailto":
        return href if _MAILTO.fullmatch(href) else None
    return None


def is_external(href: str) -> bool:
    return not href.startswith("/")


@dataclass(frozen=True)
class Link:
    """An editor's link: its address, and whether search engines should not follow it."""

    href: str
    nofollow: bool = False

    @property
    def rel(self) -> str:
        if not is_external(self.href):
            return ""
        return "noopener nofollow" if self.nofollow else "noopener"


# --- The body as blocks of marked runs ------------------------------------------------------


class Marks(NamedTuple):
    """What an inline run is wrapped in, outermost first when written out."""

    link: Link | None = None
    strong: bool = False
    em: bool = False


class Run(NamedTuple):
    """A stretch of text with its marks; a line break is a run with ``is_break``."""

    text: str
    marks: Marks
    is_break: bool = False

    @property
    def reading(self) -> str:
        return " " if self.is_break else self.text


@dataclass
class TextBlock:
    tag: str  # "p", "h2" or "h3"
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(run.reading for run in self.runs)


@dataclass
class Figure:
    """A picture from the image library, by its id, with this use's credit and caption."""

    image_id: int
    credit: str = ""
    caption: TextBlock | None = None  # a TextBlock tagged "figcaption"

    @property
    def children(self) -> list[TextBlock]:
        return [self.caption] if self.caption is not None else []


@dataclass
class Container:
    tag: str  # "root", "blockquote", "ul", "ol" or "li"
    children: list[TextBlock | Container | Figure] = field(default_factory=list)


@dataclass(frozen=True)
class Picture:
    """What the image library shows for a figure on a public page: the <picture> markup
    (safe HTML), and the image's own caption and credit, shown when the figure has none."""

    html: str
    caption: str = ""
    credit: str = ""


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)
    line: int = 0

    def has_block(self) -> bool:
        return any(
            isinstance(child, _Element) and (child.tag in _BLOCK_TAGS or child.has_block())
            for child in self.children
        )


class _TreeParser(HTMLParser):
    """A tree of elements from HTML, nested at most MAX_DEPTH deep (deeper tags are
    dropped, their text kept), with what was wrong with the HTML noted on the way."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("root", {})
        self.stack = [self.root]
        self.too_deep = False
        self.malformed: list[str] = []
        self.images = 0
        self.bad_links: list[tuple[str, _Element]] = []
        # Past MAX_DEPTH tags are dropped; a script or the like is dropped whole there.
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in ("img", "picture"):
            self.images += 1
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.stack[-1].children.append(_Element(tag, {}, line=self.getpos()[0]))
            return
        # HTML closes an open paragraph or list item when a block or another item starts.
        if tag in _BLOCK_TAGS:
            self._close_implied(tag)
        element = _Element(tag, {k.lower(): v or "" for k, v in attrs}, line=self.getpos()[0])
        href = element.attrs.get("href") if tag == "a" else None
        if href is not None and safe_href(href) is None:
            self.bad_links.append((href, element))
        if len(self.stack) > MAX_DEPTH or self.skipping:
            self.too_deep = True
            if tag in _DROPPED_WHOLE or self.skipping:
                self.skipping.append(tag)
            return
        self.stack[-1].children.append(element)
        self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag.lower() not in _VOID:
            self.handle_endtag(tag)

    def _close_implied(self, tag):
        while self.stack[-1].tag == "p" or (tag == "li" and self.stack[-1].tag == "li"):
            self.stack.pop()
            if tag != "li":
                break

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _VOID:
            return
        if self.skipping:
            if tag in self.skipping:
                del self.skipping[self.skipping.index(tag) :]
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                for unclosed in self.stack[depth + 1 :]:
                    self._note_unclosed(unclosed)
                del self.stack[depth:]
                return
        if len(self.stack) <= MAX_DEPTH + 1 and not self.too_deep:
            self.malformed.append(f"</{tag}> on line {self.getpos()[0]} closes nothing")

    def _note_unclosed(self, element):
        if element.tag not in _OPTIONAL_END:
            self.malformed.append(f"<{element.tag}> on line {element.line} is never closed")

    def handle_data(self, data):
        if not self.skipping:
            self.stack[-1].children.append(data)

    def close(self):
        super().close()
        for unclosed in self.stack[1:]:
            self._note_unclosed(unclosed)
        return self.root


def _parse(markup: str) -> _TreeParser:
    parser = _TreeParser()
    parser.feed(markup)
    parser.close()
    return parser


def _style_marks(element: _Element, marks: Marks) -> Marks:
    """Marks from a word processor's inline styles (font-weight, font-style)."""
    style = element.attrs.get("style", "").lower().replace(" ", "")
    weight = re.search(r"font-weight:(\w+)", style)
    if weight:
        bold = weight.group(1) in ("bold", "bolder") or (
            weight.group(1).isdigit() and int(weight.group(1)) >= 600
        )
        marks = marks._replace(strong=bold)
    if re.search(r"font-style:(italic|oblique)", style):
        marks = marks._replace(em=True)
    return marks


def _element_marks(element: _Element, tag: str, marks: Marks) -> Marks:
    if tag == "strong":
        marks = marks._replace(strong=True)
    elif tag == "em":
        marks = marks._replace(em=True)
    elif tag == "a" and marks.link is None:
        # An editor's link inside another link is dropped: links never nest.
        href = safe_href(element.attrs.get("href", ""))
        if href is not None:
            # Only an external link can ask not to be followed; ours never do.
            nofollow = (
                is_external(href) and "nofollow" in element.attrs.get("rel", "").lower().split()
            )
            marks = marks._replace(link=Link(href, nofollow=nofollow))
    if "style" in element.attrs:
        marks = _style_marks(element, marks)
    return marks


class _Builder:
    """Blocks and containers in the schema from a tree of any HTML elements."""

    def __init__(self, plain_lines: bool):
        # With plain_lines, text outside every block is a paragraph per line, as in a
        # plain-text body; otherwise its lines join as HTML joins them.
        self.plain_lines = plain_lines
        self.list_depth = 0
        # Figures met inside a quote or a list, put at the top level after it.
        self.moved_figures: list[Figure] = []

    def build(self, root: _Element) -> Container:
        document = Container("root")
        self.block_children(document, root.children, Marks())
        return document

    def block_children(self, container: Container, children, marks: Marks) -> None:
        pending: list[Run] = []

        def flush():
            if pending:
                self.add_text_block(container, "p", pending[:])
                pending.clear()

        for child in children:
            if isinstance(child, str):
                if self.plain_lines and container.tag == "root" and "\n" in child:
                    lines = child.split("\n")
                    for i, line in enumerate(lines):
                        if i:
                            flush()
                        pending.append(Run(line, marks))
                else:
                    pending.append(Run(child, marks))
                continue
            tag = _RENAMED.get(child.tag, child.tag)
            if child.tag == "br":
                pending.append(Run("", marks, is_break=True))
            elif child.tag == "hr":
                flush()
            elif tag in _MARK_TAGS:
                inner = _element_marks(child, tag, marks)
                if child.has_block():
                    flush()
                    self.block_children(container, child.children, inner)
                else:
                    self.inline(child.children, inner, pending)
            elif tag in _BLOCK_TAGS:
                flush()
                self.block(container, child, tag, marks)
                if container.tag == "root":
                    container.children.extend(self.moved_figures)
                    self.moved_figures.clear()
            else:
                self.inline(child.children, marks, pending)
        flush()

    def block(self, container: Container, element: _Element, tag: str, marks: Marks) -> None:
        if tag in ("p", "h2", "h3"):
            if element.has_block():
                self.block_children(container, element.children, marks)
                return
            runs: list[Run] = []
            self.inline(element.children, marks, runs)
            self.add_text_block(container, tag if container.tag == "root" else "p", runs)
        elif tag in ("ul", "ol") and self.list_depth < MAX_LIST_DEPTH:
            self.list_depth += 1
            try:
                self.add_list(container, element, tag, marks)
            finally:
                self.list_depth -= 1
        elif tag == "blockquote" and container.tag == "root":
            quote = Container("blockquote")
            self.block_children(quote, element.children, marks)
            if quote.children:
                container.children.append(quote)
        elif tag == "figure" and (image_id := figure_image_id(element.attrs)) is not None:
            self.add_figure(container, element, image_id, marks)
        else:
            # A quote inside a quote or a list, a stray list item, a <div>, a list nested
            # too deeply, a figure with no image of the library: its content joins the
            # blocks around it.
            self.block_children(container, element.children, marks)

    def add_figure(self, container: Container, element: _Element, image_id: int, marks: Marks):
        """A figure, its captions' text as one caption; anything else in it follows it."""
        runs: list[Run] = []
        rest = []
        for child in element.children:
            if isinstance(child, _Element) and child.tag == "figcaption":
                runs.append(Run(" ", marks))
                self.inline(child.children, marks, runs)
            else:
                rest.append(child)
        caption = TextBlock("figcaption", _tidy_runs(runs))
        figure = Figure(
            image_id,
            _plain(element.attrs.get("data-credit", "")),
            caption if caption.text.strip() else None,
        )
        if container.tag == "root":
            container.children.append(figure)
        else:
            self.moved_figures.append(figure)
        self.block_children(container, rest, marks)

    def add_list(self, container: Container, element: _Element, tag: str, marks: Marks) -> None:
        """A list and its items; content outside any item makes an item of its own."""
        listing = Container(tag)
        loose: list = []

        def add_item(children):
            item = Container("li")
            self.block_children(item, children, marks)
            if item.children:
                listing.children.append(item)

        for child in element.children:
            if isinstance(child, _Element) and child.tag == "li":
                if loose:
                    add_item(loose)
                    loose = []
                add_item(child.children)
            else:
                loose.append(child)
        if loose:
            add_item(loose)
        if listing.children:
            container.children.append(listing)

    def inline(self, children, marks: Marks, runs: list[Run]) -> None:
        for child in children:
            if isinstance(child, str):
                runs.append(Run(child, marks))
            elif child.tag == "br":
                runs.append(Run("", marks, is_break=True))
            elif child.tag == "hr":
                runs.append(Run(" ", marks))
            else:
                tag = _RENAMED.get(child.tag, child.tag)
                if tag in _BLOCK_TAGS:
                    # A block where only text may be: its text, set apart by a space.
                    runs.append(Run(" ", marks))
                    self.inline(child.children, marks, runs)
                    runs.append(Run(" ", marks))
                else:
                    self.inline(child.children, _element_marks(child, tag, marks), runs)

    def add_text_block(self, container: Container, tag: str, runs: list[Run]) -> None:
        runs = _tidy_runs(runs)
        # A block of no-break spaces alone (a word processor's empty line) reads as nothing.
        if runs and "".join(run.reading for run in runs).strip():
            container.children.append(TextBlock(tag, runs))


_FIGURE_ID = re.compile("[0-9]{1,18}")


def figure_image_id(attributes: dict[str, str]) -> int | None:
    """The image id of a <figure>'s attributes (data-image), or None if it has none."""
    value = attributes.get("data-image", "").strip()
    if not _FIGURE_ID.fullmatch(value) or int(value) == 0:
        return None
    return int(value)


def _plain(text: str) -> str:
    """Text as a reader sees it in one line: control characters gone, spaces collapsed."""
    text = _HTML_SPACE.sub(" ", XML_ILLEGAL.sub("", text.replace("\x0b", " "))).strip(" ")
    return text if text.strip() else ""


def _strip_trailing_space(runs: list[Run]) -> None:
    while runs and not runs[-1].is_break:
        text = runs[-1].text.rstrip(" ")
        if text:
            runs[-1] = runs[-1]._replace(text=text)
            return
        runs.pop()


def _tidy_runs(runs: list[Run]) -> list[Run]:
    """Runs as a reader sees them: spaces collapsed as HTML collapses them, none at either
    end or beside a line break, no line break at either end, equal neighbours joined."""
    tidy: list[Run] = []
    after_space = True
    for run in runs:
        if run.is_break:
            _strip_trailing_space(tidy)
            tidy.append(run)
            after_space = True
            continue
        # A word processor's soft line break (\x0b) parts words; other control
        # characters are nothing a reader sees (and no feed could carry them).
        text = _HTML_SPACE.sub(" ", XML_ILLEGAL.sub("", run.text.replace("\x0b", " ")))
        if after_space:
            text = text.lstrip(" ")
        if not text:
            continue
        after_space = text.endswith(" ")
        tidy.append(run._replace(text=text))
    _strip_trailing_space(tidy)
    while tidy and tidy[-1].is_break:
        tidy.pop()
        _strip_trailing_space(tidy)
    while tidy and tidy[0].is_break:
        tidy.pop(0)
    joined: list[Run] = []
    for run in tidy:
        joinable = joined and not run.is_break and not joined[-1].is_break
        if joinable and joined[-1].marks == run.marks:
            joined[-1] = run._replace(text=joined[-1].text + run.text)
            continue
        joined.append(run)
    return joined


def parse(body: str) -> Container:
    """The blocks of a body already sanitised (``sanitise`` output), as a tree."""
    return _Builder(plain_lines=False).build(_parse(body).root)


def text_blocks(document: Container) -> list[TextBlock]:
    """Every paragraph, subheading, list item and caption's text, in reading order."""
    found: list[TextBlock] = []
    stack: list[TextBlock | Container | Figure] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, TextBlock):
            found.append(node)
        else:
            stack.extend(reversed(node.children))
    return found


# --- Writing HTML ---------------------------------------------------------------------------


def _escape(value: str) -> str:
    return html.escape(value, quote=True)


def _mark_tags(
    marks: Marks, mention: Annotation | None, base_url: str = ""
) -> list[tuple[object, str, str]]:
    """(identity, opening tag, closing tag) for each mark of a run, outermost first; our
    own paths get ``base_url`` before them."""

    def address(href: str) -> str:
        return _escape(base_url + href if href.startswith("/") else href)

    tags: list[tuple[object, str, str]] = []
    if marks.link is not None:
        rel = f' rel="{marks.link.rel}"' if marks.link.rel else ""
        tags.append((marks.link, f'<a href="{address(marks.link.href)}"{rel}>', "</a>"))
    if mention is not None:
        name = "a" if mention.href is not None else "mark"
        attributes = [f'href="{address(mention.href)}"'] if mention.href is not None else []
        if mention.css_class:
            attributes.append(f'class="{_escape(mention.css_class)}"')
        if mention.title:
            attributes.append(f'title="{_escape(mention.title)}"')
        tags.append((mention, "<" + " ".join([name, *attributes]) + ">", f"</{name}>"))
    if marks.strong:
        tags.append(("strong", "<strong>", "</strong>"))
    if marks.em:
        tags.append(("em", "<em>", "</em>"))
    return tags


def _inline_html(pieces: Iterable[tuple[Run, Annotation | None]], base_url: str = "") -> str:
    """HTML for runs, each with the mention (if any) it lies in: marks opened and closed
    as runs need them, so the result is well formed whatever the runs' marks."""
    out: list[str] = []
    open_tags: list[tuple[object, str, str]] = []
    for run, mention in pieces:
        wanted = _mark_tags(run.marks, mention, base_url)
        keep = 0
        while (
            keep < len(open_tags) and keep < len(wanted) and open_tags[keep][0] == wanted[keep][0]
        ):
            keep += 1
        for _, _, closing in reversed(open_tags[keep:]):
            out.append(closing)
        for _, opening, _ in wanted[keep:]:
            out.append(opening)
        open_tags = wanted
        out.append("<br>" if run.is_break else _escape(run.text))
    for _, _, closing in reversed(open_tags):
        out.append(closing)
    return "".join(out)


def _stored_figure(figure: Figure, inline) -> str:
    """A figure as the body stores it (see the module's docstring)."""
    credit = f' data-credit="{_escape(figure.credit)}"' if figure.credit else ""
    caption = f"<figcaption>{inline(figure.caption)}</figcaption>" if figure.caption else ""
    return f'<figure data-image="{figure.image_id}"{credit}>{caption}</figure>'


def _write(node: TextBlock | Container | Figure, inline, figure, out: list[str]) -> None:
    if isinstance(node, TextBlock):
        out.append(f"<{node.tag}>{inline(node)}</{node.tag}>\n")
    elif isinstance(node, Figure):
        # Figures stand at the top level only (the builder puts them there).
        written = figure(node, inline)
        if written:
            out.append(written + "\n")
    elif node.tag == "li":
        out.append("<li>")
        for child in node.children:
            _write(child, inline, figure, out)
        out[-1] = out[-1].rstrip("\n")
        out.append("</li>\n")
    else:
        out.append(f"<{node.tag}>\n")
        for child in node.children:
            _write(child, inline, figure, out)
        out.append(f"</{node.tag}>\n")


def _html(document: Container, inline, figure=_stored_figure) -> str:
    """HTML for a document: ``inline`` writes a block's runs, ``figure`` a figure."""
    out: list[str] = []
    for child in document.children:
        _write(child, inline, figure, out)
    return "".join(out).rstrip("\n")


# --- The public functions ---------------------------------------------------------------


def problems(raw: str) -> list[str]:
    """What stops ``raw`` from being stored as a body, each said so an editor can fix it.

    Checked: its size, how deeply it nests, HTML so broken that what it means is unclear
    (a tag closed that was never opened, a tag other than <p> or <li> left open), links
    whose address is not a web, e-mail or Newsroom address, and pictures (they are added
    from the image library, never pasted). Anything else outside the schema is dropped
    by ``sanitise`` without a word, as a paste's styles are.
    """
    if len(raw) > MAX_BODY_CHARS:
        return [
            f"The text is too long: {len(raw):,} characters of HTML, and at most "
            f"{MAX_BODY_CHARS:,} can be stored. Split the story in parts."
        ]
    found = []
    parsed = _parse(raw)
    if parsed.too_deep:
        found.append(
            f"The text is nested more than {MAX_DEPTH} levels deep (lists in lists, or "
            "formatting in formatting); flatten it."
        )
    if parsed.malformed:
        found.append("The HTML is malformed: " + "; ".join(parsed.malformed[:3]) + ".")
    for href, element in parsed.bad_links[:5]:
        label = " ".join("".join(_texts(element)).split())[:60] or "(no text)"
        found.append(
            f"The link “{label}” points to “{href[:100]}”, which is not a web (http, https), "
            "e-mail (mailto) or Newsroom address."
        )
    if parsed.images:
        found.append(
            "The text holds a picture; pictures cannot be pasted into the text. Remove it "
            "(the image library holds pictures)."
        )
    return found


def _serialise(node: _Element | str) -> str:
    """HTML for a parsed tree, text and attribute values escaped (nh3 reads it next)."""
    if isinstance(node, str):
        return _escape(node)
    if node.tag in ("br", "hr"):
        return f"<{node.tag}>"
    attributes = "".join(f' {name}="{_escape(value)}"' for name, value in node.attrs.items())
    inner = "".join(_serialise(child) for child in node.children)
    return f"<{node.tag}{attributes}>{inner}</{node.tag}>"


def _texts(element: _Element):
    for child in element.children:
        if isinstance(child, str):
            yield child
        else:
            yield from _texts(child)


def check(raw: str) -> None:
    """Raise BodyError, naming every problem, if ``raw`` cannot be stored as a body."""
    found = problems(raw)
    if found:
        raise BodyError(" ".join(found))


def sanitise(raw: str) -> str:
    """The body in the schema, canonically written, from any HTML (or plain text).

    Dropped: scripts, styles, frames, pictures, event attributes, classes and every tag
    outside the schema (their text is kept), links that are not http, https, mailto or a
    path of this site. Kept and renamed: <b> as <strong>, <i> as <em>, <h1> as <h2>,
    <h4>-<h6> as <h3>, bold and italic inline styles as <strong> and <em>. Spaces collapse
    as a browser collapses them; empty blocks go. External links get rel="noopener",
    plus "nofollow" when the editor's link asked for it. Text outside every block is a
    paragraph per line, so a plain-text body keeps its paragraphs. Idempotent.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not raw.strip():
        return ""
    capped = _parse(raw)
    if capped.too_deep:
        # The HTML parser under nh3 slows down with the square of the depth (100,000
        # nested tags take minutes), so markup nested too deeply is flattened first.
        raw = "".join(_serialise(child) for child in capped.root.children)
    cleaned = nh3.clean(raw, **_NH3_OPTIONS)
    document = _Builder(plain_lines=True).build(_parse(cleaned).root)
    return _html(document, lambda block: _inline_html((run, None) for run in block.runs))


def reading_text(body: str) -> str:
    """The reading text of a sanitised body: each block's text on a line of its own."""
    return "\n".join(block.text for block in text_blocks(parse(body)))


def from_plain_text(plain: str) -> str:
    """A body from plain text: a paragraph per line, "## " starting a subheading."""
    out = []
    for line in plain.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(line.split())
        if line.startswith("## ") or line == "##":
            heading = line[3:].strip()
            if heading:
                out.append(f"<h2>{_escape(heading)}</h2>")
        elif line:
            out.append(f"<p>{_escape(line)}</p>")
    return sanitise("\n".join(out))


def _split_at(runs: list[Run], cuts: list[int]) -> list[Run]:
    """Runs split so that each offset in ``cuts`` (into the runs' text) falls between two."""
    result = []
    position = 0
    cut_index = 0
    for run in runs:
        length = len(run.reading)
        while cut_index < len(cuts) and cuts[cut_index] <= position:
            cut_index += 1
        if run.is_break:
            result.append(run)
            position += length
            continue
        start = 0
        while cut_index < len(cuts) and cuts[cut_index] < position + length:
            cut = cuts[cut_index] - position
            result.append(run._replace(text=run.text[start:cut]))
            start = cut
            cut_index += 1
        result.append(run._replace(text=run.text[start:]))
        position += length
    return result


_SITE_HREF = re.compile(r'<a href="(/[^"]*)"')


def site_paths(body: str) -> set[str]:
    """The paths of this site that a sanitised body's links point to."""
    return {html.unescape(path) for path in _SITE_HREF.findall(body)}


def render(
    body: str,
    annotations: Iterable[Annotation] = (),
    base_url: str = "",
    unlinked: Iterable[str] = (),
    pictures: Mapping[int, Picture] | None = None,
) -> str:
    """The body's HTML with each annotation (a mention) made a link over its words (or a
    <mark>, for an annotation without an address).

    Annotations index the reading text. One that is empty, overlaps an earlier one, runs
    across two blocks or past the end is left out. Inside an editor's link a mention adds
    no link (links never nest); the rest of its words are linked. The result is well
    formed and its text is the reading text. ``base_url`` ("https://news.example") makes
    our own paths absolute, for feeds. The editor's links to the paths in ``unlinked``
    (stories no reader may see yet) are shown as their text alone.

    Figures: with ``pictures`` (image id -> Picture), each is written for readers as
    <figure class="figure">, its picture, and a <figcaption> with the caption (this
    use's, else the image's) in a <span class="caption"> and the credit (this use's,
    else the image's) in a <span class="credit">, as the lead image's; a figure whose
    image is not in ``pictures`` (gone from the library, or not to be shown) is left
    out. Without ``pictures``, figures keep their stored form, mentions linked in their
    captions.
    """
    unlinked = set(unlinked)
    document = parse(body)
    pending = sorted((a for a in annotations if a.start < a.end), key=lambda a: a.start)
    offsets: dict[int, int] = {}
    position = 0
    for block in text_blocks(document):
        offsets[id(block)] = position
        position += len(block.text) + 1
    index = 0

    def inline(block: TextBlock) -> str:
        nonlocal index
        start = offsets[id(block)]
        end = start + len(block.text)
        taken: list[Annotation] = []
        reached = start
        while index < len(pending) and pending[index].start < end:
            annotation = pending[index]
            index += 1
            if annotation.start >= reached and annotation.end <= end:
                taken.append(annotation)
                reached = annotation.end
        cuts = sorted({edge - start for a in taken for edge in (a.start, a.end)})
        pieces = []
        at = 0
        next_taken = 0  # Runs and mentions are both in text order: one pass over each.
        for run in _split_at(block.runs, cuts):
            length = len(run.reading)
            if length == 0:
                continue
            while next_taken < len(taken) and taken[next_taken].end - start <= at:
                next_taken += 1
            mention = None
            if next_taken < len(taken):
                candidate = taken[next_taken]
                if candidate.start - start <= at and at + length <= candidate.end - start:
                    mention = candidate
            if run.marks.link is not None and run.marks.link.href in unlinked:
                run = run._replace(marks=run.marks._replace(link=None))
            if run.marks.link is not None and mention is not None and mention.href is not None:
                mention = None  # Links never nest; a <mark> may sit inside a link.
            pieces.append((run, mention))
            at += length
        return _inline_html(pieces, base_url)

    if pictures is None:
        return _html(document, inline)
    return _html(document, inline, lambda figure, inline: _public_figure(figure, inline, pictures))


def _public_figure(figure: Figure, inline, pictures: Mapping[int, Picture]) -> str:
    """A figure as readers see it, or "" when its picture may not be shown."""
    picture = pictures.get(figure.image_id)
    if picture is None:
        return ""
    caption = inline(figure.caption) if figure.caption else _escape(_plain(picture.caption))
    credit = _plain(figure.credit or picture.credit)
    parts = [f'<span class="caption">{caption}</span>'] if caption else []
    if credit:
        parts.append(f'<span class="credit">{CREDIT_LABEL}: {_escape(credit)}</span>')
    caption = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
    return f'<figure class="figure">{picture.html}{caption}</figure>'


class Formatting(NamedTuple):
    """A piece of markup a reader sees, for telling two versions apart in words."""

    kind: str  # "link", "bold", "italic", "subheading", "quote", "list", "figure"
    text: str
    detail: str = ""  # a link's address; a figure's image id and credit


def formatting(body: str) -> list[Formatting]:
    """The links, bold and italic stretches, subheadings, quotes, list items and figures
    of a body."""
    found: list[Formatting] = []

    def walk(node, inside: str):
        if isinstance(node, Figure):
            caption = node.caption.text if node.caption else ""
            credit = f", credit {node.credit}" if node.credit else ""
            found.append(Formatting("figure", caption, f"#{node.image_id}{credit}"))
            if node.caption:
                _inline_formatting(node.caption.runs, found)
            return
        if isinstance(node, TextBlock):
            if node.tag in ("h2", "h3"):
                found.append(Formatting("subheading", node.text))
            elif inside:
                found.append(Formatting(inside, node.text))
            _inline_formatting(node.runs, found)
            return
        kind = {"blockquote": "quote", "ul": "list", "ol": "list"}.get(node.tag, inside)
        for child in node.children:
            walk(child, kind)

    walk(parse(body), "")
    return found


def _inline_formatting(runs: list[Run], found: list[Formatting]) -> None:
    for attribute, kind in (("link", "link"), ("strong", "bold"), ("em", "italic")):
        current = None
        words = ""
        for run in [*runs, None]:
            value = getattr(run.marks, attribute) if run is not None else None
            if value != current and current:
                detail = current.href if isinstance(current, Link) else ""
                found.append(Formatting(kind, " ".join(words.split()), detail))
                words = ""
            current = value
            if run is not None and value:
                words += run.reading
