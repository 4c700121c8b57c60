"""Tests for articles.body: the sanitiser's schema, the reading text, render, problems and
formatting. Pure functions, no database or Django needed."""

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.body import (
    MAX_BODY_CHARS,
    MAX_DEPTH,
    MAX_LIST_DEPTH,
    BodyError,
    Formatting,
    check,
    formatting,
    from_plain_text,
    problems,
    reading_text,
    render,
    safe_href,
    sanitise,
    site_paths,
)
from articles.text import XML_ILLEGAL, Annotation

SCHEMA_TAGS = {
    *("p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "br"),
    *("figure", "figcaption"),
}
VOID = {"br"}


class _Checker(HTMLParser):
    """Well-formedness of a fragment: every start tag closed, in order; the tags and
    attributes seen; the text (entities decoded) outside tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.errors = []
        self.tags = set()
        self.attributes = []  # (tag, name, value)
        self.nested_links = 0

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)
        if tag == "a" and "a" in self.stack:
            self.nested_links += 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.errors.append(f"self-closing <{tag}/>")
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"</{tag}>")
        elif not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_comment(self, data):
        self.errors.append(f"comment {data!r}")

    def handle_decl(self, decl):
        self.errors.append(f"declaration {decl!r}")

    def handle_pi(self, data):
        self.errors.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.errors.append(f"declaration {data!r}")


def check_markup(markup):
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.errors, checker.errors
    assert not checker.stack, f"never closed: {checker.stack}"
    assert checker.nested_links == 0, "a link inside a link"
    return checker


# --- The schema: what is kept -----------------------------------------------------------


def test_every_tag_of_the_schema_is_kept():
    raw = (
        "<p>Para with <strong>strong</strong>, <em>em</em>, a<br>break and "
        '<a href="https://example.com/x?a=1&amp;b=2">a link</a>.</p>'
        "<h2>Subhead</h2><h3>Smaller</h3>"
        "<blockquote><p>Quoted.</p></blockquote>"
        "<ul><li>Bullet</li></ul><ol><li>Numbered</li></ol>"
    )
    assert sanitise(raw) == (
        "<p>Para with <strong>strong</strong>, <em>em</em>, a<br>break and "
        '<a href="https://example.com/x?a=1&amp;b=2" rel="noopener">a link</a>.</p>\n'
        "<h2>Subhead</h2>\n"
        "<h3>Smaller</h3>\n"
        "<blockquote>\n<p>Quoted.</p>\n</blockquote>\n"
        "<ul>\n<li><p>Bullet</p></li>\n</ul>\n"
        "<ol>\n<li><p>Numbered</p></li>\n</ol>"
    )
    assert reading_text(sanitise(raw)) == (
        "Para with strong, em, a break and a link.\nSubhead\nSmaller\nQuoted.\nBullet\nNumbered"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<h1>Top</h1>", "<h2>Top</h2>"),
        ("<h4>Four</h4>", "<h3>Four</h3>"),
        ("<h5>Five</h5>", "<h3>Five</h3>"),
        ("<h6>Six</h6>", "<h3>Six</h3>"),
        (
            "<p><b>bold</b> and <i>italic</i></p>",
            "<p><strong>bold</strong> and <em>italic</em></p>",
        ),
        ("<P><STRONG>Upper</STRONG> case</P>", "<p><strong>Upper</strong> case</p>"),
    ],
)
def test_tags_taken_as_the_schemas_own(raw, expected):
    assert sanitise(raw) == expected


def test_google_docs_paste():
    raw = (
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b">'
        '<p dir="ltr" style="line-height:1.38;margin-top:0pt;"><span style="font-size:11pt;'
        'font-family:Arial;color:#000000;font-weight:700;font-style:normal;">Kim</span>'
        '<span style="font-size:11pt;font-weight:400;"> met </span>'
        '<span style="font-weight:400;font-style:italic;">Xi Jinping</span></p>'
        '<p dir="ltr"><span style="font-weight:400">Second paragraph.</span></p></b>'
    )
    assert sanitise(raw) == (
        "<p><strong>Kim</strong> met <em>Xi Jinping</em></p>\n<p>Second paragraph.</p>"
    )


def test_google_docs_span_bold_and_italic_together():
    raw = '<p><span style="font-weight: bold; font-style: oblique">both</span> plain</p>'
    assert sanitise(raw) == "<p><strong><em>both</em></strong> plain</p>"


def test_word_paste():
    raw = (
        '<p class=MsoNormal style="margin-bottom:0cm">Kim <b>Jong</b> Un<o:p></o:p></p>\n'
        "<p class=MsoNormal><span lang=EN-GB style='font-family:\"Calibri\"'>"
        "Arrived by train.</span><o:p></o:p></p>"
    )
    assert sanitise(raw) == "<p>Kim <strong>Jong</strong> Un</p>\n<p>Arrived by train.</p>"


def test_word_empty_paragraphs_are_dropped():
    raw = (
        "<p class=MsoNormal>One.<o:p></o:p></p>\n"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
        "<p>&nbsp;</p>\n"
        "<h2>&nbsp; <strong>&#160;</strong></h2><ul><li>\u2003</li></ul>"
        "<p class=MsoNormal>Two.<o:p></o:p></p>\n"
        "\xa0\nThree."
    )
    assert sanitise(raw) == "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>"


def test_no_break_spaces_inside_text_are_kept():
    assert sanitise("<p>10&nbsp;km &nbsp;away</p>") == "<p>10\xa0km \xa0away</p>"


def test_nested_lists():
    raw = "<ul><li>One<ul><li>One A</li><li>One B</li></ul></li><li>Two</li></ul>"
    assert sanitise(raw) == (
        "<ul>\n"
        "<li><p>One</p>\n<ul>\n<li><p>One A</p></li>\n<li><p>One B</p></li>\n</ul></li>\n"
        "<li><p>Two</p></li>\n"
        "</ul>"
    )
    assert reading_text(sanitise(raw)) == "One\nOne A\nOne B\nTwo"


def test_list_item_without_a_list_is_a_paragraph():
    assert sanitise("<li>Stray</li><li>Another</li>") == "<p>Stray</p>\n<p>Another</p>"


def test_list_items_left_open_close_one_another():
    assert sanitise("<ol><li>One<li>Two</ol>") == (
        "<ol>\n<li><p>One</p></li>\n<li><p>Two</p></li>\n</ol>"
    )


def test_text_outside_blocks_is_a_paragraph_per_line():
    raw = "Kim arrived.\nXi waited.\n\n  \nPutin <em>came</em> too.\n"
    assert (
        sanitise(raw) == "<p>Kim arrived.</p>\n<p>Xi waited.</p>\n<p>Putin <em>came</em> too.</p>"
    )


def test_text_between_blocks_is_kept():
    raw = "Before.<h2>Talks</h2>After one.\nAfter two."
    assert sanitise(raw) == ("<p>Before.</p>\n<h2>Talks</h2>\n<p>After one.</p>\n<p>After two.</p>")


@pytest.mark.parametrize(
    "raw",
    [
        "Kim arrived.\nXi waited.\n\nPutin came.",
        "<p>Kim\narrived.</p>\n<p>Xi   waited.</p><ul>\n<li>One\n</li>\n</ul>",
        "<p>a<br>\nb</p>\n\n<blockquote>\n<p>q</p>\n</blockquote>",
    ],
)
def test_crlf_and_cr_read_as_lf(raw):
    assert sanitise(raw.replace("\n", "\r\n")) == sanitise(raw)
    assert sanitise(raw.replace("\n", "\r")) == sanitise(raw)


def test_whitespace_collapses_as_a_browser_collapses_it():
    raw = "<p>  Kim \t Jong\n  Un <strong> arrived </strong>  in   <em>Beijing</em> .  </p>"
    assert sanitise(raw) == "<p>Kim Jong Un <strong>arrived </strong>in <em>Beijing</em> .</p>"
    assert reading_text(sanitise(raw)) == "Kim Jong Un arrived in Beijing ."


def test_spaces_beside_a_line_break_go():
    assert sanitise("<p>one  <br>  two<br></p>") == "<p>one<br>two</p>"
    assert reading_text("<p>one<br>two</p>") == "one two"


def test_empty_blocks_are_dropped():
    raw = (
        "<p></p><p> </p><h2> \n </h2><h3><strong></strong></h3><blockquote></blockquote>"
        "<ul><li></li><li> </li></ul><ol></ol><p><br></p><p>Kept.</p><p><em> </em></p>"
    )
    assert sanitise(raw) == "<p>Kept.</p>"


@pytest.mark.parametrize("raw", ["", "   ", "\n\r\n", "<p></p>", "<br>", "<script>x</script>"])
def test_nothing_to_read_is_an_empty_body(raw):
    assert sanitise(raw) == ""
    assert reading_text(sanitise(raw)) == ""


def test_external_links_get_noopener():
    assert sanitise('<a href="https://example.com/">x</a>') == (
        '<p><a href="https://example.com/" rel="noopener">x</a></p>'
    )
    assert sanitise('<a href="http://example.com/" rel="external opener">x</a>') == (
        '<p><a href="http://example.com/" rel="noopener">x</a></p>'
    )


def test_nofollow_is_kept_with_noopener():
    for rel in ("nofollow", "NoFollow noreferrer", "external nofollow"):
        assert sanitise(f'<a href="https://example.com/" rel="{rel}">x</a>') == (
            '<p><a href="https://example.com/" rel="noopener nofollow">x</a></p>'
        )


def test_internal_links_have_no_rel():
    assert sanitise('<a href="/articles/x/" rel="nofollow">x</a>') == (
        '<p><a href="/articles/x/">x</a></p>'
    )
    assert sanitise('<a href="/people/kim-jong-un/">Kim</a>') == (
        '<p><a href="/people/kim-jong-un/">Kim</a></p>'
    )


def test_mailto_links_are_kept():
    assert sanitise('<a href="mailto:desk@news.example">Write</a>') == (
        '<p><a href="mailto:desk@news.example" rel="noopener">Write</a></p>'
    )


def test_link_address_spaces_are_trimmed_and_entities_decoded():
    assert sanitise('<a href="  https://example.com/?a=1&amp;b=2 ">x</a>') == (
        '<p><a href="https://example.com/?a=1&amp;b=2" rel="noopener">x</a></p>'
    )


def test_links_never_nest():
    raw = '<p><a href="https://one.example/">one <a href="https://two.example/">two</a></a></p>'
    check_markup(sanitise(raw))


def test_link_around_blocks_marks_each_block():
    raw = '<a href="https://x.example/"><p>One</p><p>Two</p></a>'
    assert sanitise(raw) == (
        '<p><a href="https://x.example/" rel="noopener">One</a></p>\n'
        '<p><a href="https://x.example/" rel="noopener">Two</a></p>'
    )


def test_marks_are_written_in_one_order():
    a = sanitise('<p><em><strong><a href="https://x.example/">w</a></strong></em></p>')
    b = sanitise('<p><a href="https://x.example/"><strong><em>w</em></strong></a></p>')
    assert (
        a
        == b
        == '<p><a href="https://x.example/" rel="noopener"><strong><em>w</em></strong></a></p>'
    )


def test_neighbouring_runs_with_the_same_marks_join():
    assert sanitise("<p><strong>Kim</strong><strong> Jong</strong><b> Un</b></p>") == (
        "<p><strong>Kim Jong Un</strong></p>"
    )


def test_quote_in_quote_and_quote_in_list_flatten():
    assert sanitise("<blockquote><blockquote><p>x</p></blockquote><p>y</p></blockquote>") == (
        "<blockquote>\n<p>x</p>\n<p>y</p>\n</blockquote>"
    )
    assert sanitise("<ul><li><blockquote>q</blockquote></li></ul>") == (
        "<ul>\n<li><p>q</p></li>\n</ul>"
    )


def test_subhead_inside_a_list_or_quote_is_a_paragraph():
    assert sanitise("<blockquote><h2>Said</h2></blockquote>") == (
        "<blockquote>\n<p>Said</p>\n</blockquote>"
    )


def test_other_tags_are_dropped_their_text_kept():
    raw = (
        '<div class="x"><section><table><tr><td>Cell one</td><td>Cell two</td></tr></table>'
        "<p><u>under</u> <font color=red>font</font> <sup>2</sup> <code>x</code></p>"
        "<pre>pre\ntext</pre></section></div>"
    )
    text = reading_text(sanitise(raw))
    for words in ("Cell one", "Cell two", "under font 2 x", "pre"):
        assert words in text
    assert check_markup(sanitise(raw)).tags <= SCHEMA_TAGS


def test_text_is_escaped_and_unicode_kept():
    raw = "<p>Kim’s “train” &amp; 5 &lt; 6 — 北京 😀 &quot;ok&quot;</p>"
    assert sanitise(raw) == "<p>Kim’s “train” &amp; 5 &lt; 6 — 北京 😀 &quot;ok&quot;</p>"
    assert reading_text(sanitise(raw)) == 'Kim’s “train” & 5 < 6 — 北京 😀 "ok"'


def test_xml_illegal_control_characters_are_removed_and_a_soft_break_parts_words():
    assert sanitise("<p>soft\x0bbreak\x00</p>") == "<p>soft break</p>"


def test_deep_nesting_is_flattened_with_text_kept():
    raw = "<em>" * 200 + "deep" + "</em>" * 200
    assert sanitise(raw) == "<p><em>deep</em></p>"
    raw = "<blockquote>" * 100 + "deep" + "</blockquote>" * 100
    assert sanitise(raw) == "<blockquote>\n<p>deep</p>\n</blockquote>"


def test_lists_nested_past_the_limit_join_the_deepest():
    raw = "<ol>" + "".join(f"<li>L{i}<ol>" for i in range(12)) + "<li>deep</li>"
    raw += "</ol></li>" * 12 + "</ol>"
    body = sanitise(raw)
    assert MAX_LIST_DEPTH == 10
    assert body.count("<ol>") == MAX_LIST_DEPTH
    assert reading_text(body) == "\n".join([*(f"L{i}" for i in range(12)), "deep"])
    assert body.endswith(
        "<li><p>L9</p>\n<p>L10</p>\n<p>L11</p>\n<p>deep</p></li>" + "\n</ol></li>" * 9 + "\n</ol>"
    )


@pytest.mark.parametrize("levels", [20, 21, 30])
def test_deeply_nested_lists_sanitise_to_a_storable_body(levels):
    raw = "<ul><li>" * levels + "x" + "</li></ul>" * levels
    body = sanitise(raw)
    assert sanitise(body) == body
    assert problems(body) == []


def test_sanitise_output_is_never_refused_by_problems_for_ordinary_input():
    raw = "<ul><li>" * 19 + "x" + "</li></ul>" * 19
    body = sanitise(raw)
    assert sanitise(body) == body
    assert problems(body) == []


# --- The schema: what is dropped --------------------------------------------------------

# From the OWASP XSS Filter Evasion Cheat Sheet, and the like.
XSS_VECTORS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script/xss src=https://xss.example/x.js></script>",
    "<script\nsrc=x>alert(1)</script>",
    "<script\tsrc=x>alert(1)</script>",
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    "<SCRIPT SRC=http://xss.example/xss.js?< B >",
    "<SCRIPT SRC=//xss.example/.j>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script>/*</script><script>*/alert(1)</script>",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<SCRIPT a=">" SRC="httx://xss.example/xss.js"></SCRIPT>',
    '<SCRIPT =">" SRC="httx://xss.example/xss.js"></SCRIPT>',
    '<SCRIPT "a=\'>\'" SRC="httx://xss.example/xss.js"></SCRIPT>',
    '<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.example/xss.js"></SCRIPT>',
    "<scri\x00pt>alert(1)</scri\x00pt>",
    '"><script>alert(document.cookie)</script>',
    "<a href=\"javascript:alert('XSS')\">x</a>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav\tascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="jav&#x0D;ascript:alert(1)">x</a>',
    '<a href="jav\nascript:alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
    '&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    "<a href=`javascript:alert(1)`>x</a>",
    '<a href="javas\x00cript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    "<a href=\"vbscript:msgbox('XSS')\">x</a>",
    '<a href="VBScript:msgbox(1)">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    '<a href="//evil.example/">x</a>',
    '<a href="/\\evil.example/">x</a>',
    '<a href="http://">x</a>',
    '<a href="mailto:javascript:alert(1)">x</a>',
    '<a href="https://ok.example/"><a href="javascript:alert(1)">nested</a></a>',
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099'
    '&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101">',
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<BODY ONLOAD=alert('XSS')>text",
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>text',
    '<p onmouseover="alert(1)">hover</p>',
    "<strong onclick=alert(1)>bold</strong>",
    '<p ONMOUSEOVER = "alert(1)">hover</p>',
    '<a href="https://ok.example/" onmouseover="alert(1)">ok</a>',
    '<a href="https://ok.example/" style="background:url(javascript:alert(1))">ok</a>',
    "<p style=\"width: expression(alert('XSS'));\">x</p>",
    '<span style="font-weight:700;background-image:url(javascript:alert(1))">x</span>',
    '<span style="font-weight:expression(alert(1))">x</span>',
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
    "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073"
    "\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028'\\0029\">x</DIV>",
    "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
    '<STYLE>BODY{-moz-binding:url("http://xss.example/xssmoz.xml#xss")}</STYLE>',
    '<XSS STYLE="behavior: url(xss.htc);">',
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,'
    'PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TR><TD>cell</TD></TR></TABLE>",
    '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.example/scriptlet.html"></OBJECT>',
    '<object data="javascript:alert(1)"></object>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH" '
    'type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
    "</table></mtext></math>",
    '<math href="javascript:alert(1)">x</math>',
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<FORM ACTION="javascript:alert(1)"><INPUT TYPE="submit"></FORM>',
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<BR SIZE=\"&{alert('XSS')}\">",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<isindex action=javascript:alert(1) type=image>",
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    "<!-- <script>alert(1)</script> -->",
    "<p>a<!--<img src=x onerror=alert(1)>-->b</p>",
    "<![CDATA[<script>alert(1)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    "<title><script>alert(1)</script></title>",
    "<xmp><script>alert(1)</script></xmp>",
    "<plaintext><script>alert(1)</script>",
    "';alert(String.fromCharCode(88,83,83))//';alert(String.fromCharCode(88,83,83))//\";",
]

_EVENT_ATTRIBUTE = re.compile(r"\son[a-z]*\s*=", re.IGNORECASE)


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_xss_vectors_are_disarmed(vector):
    body = sanitise(vector)
    lowered = body.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert "vbscript:" not in lowered
    assert "data:" not in lowered
    assert "style=" not in lowered
    assert not _EVENT_ATTRIBUTE.search(body)
    assert sanitise(body) == body
    checker = check_markup(body)
    assert checker.tags <= SCHEMA_TAGS
    for tag, name, value in checker.attributes:
        assert (tag, name) in {("a", "href"), ("a", "rel")}
        if name == "href":
            assert value.startswith(("https://", "mailto:"))


@pytest.mark.parametrize(
    "raw",
    [
        "<p>Before<script>alert(1)</script>after</p>",
        "<p>Before<style>p{color:red}</style>after</p>",
        "<p>Before<iframe src=https://x.example/>inside</iframe>after</p>",
        "<p>Before<svg><text>inside</text></svg>after</p>",
        "<p>Before<math><mi>inside</mi></math>after</p>",
        "<p>Before<object>inside</object>after</p>",
        "<p>Before<template>inside</template>after</p>",
        "<p>Before<!-- inside -->after</p>",
        "<p>Before<img src=https://x.example/a.png alt=inside>after</p>",
    ],
)
def test_dangerous_tags_go_with_their_content(raw):
    assert sanitise(raw) == "<p>Beforeafter</p>"


def test_classes_ids_and_other_attributes_go():
    raw = '<p class="lead" id="x" dir="rtl" data-x="1" title="t"><em lang="en">Kim</em></p>'
    assert sanitise(raw) == "<p><em>Kim</em></p>"


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("https://example.com/", "https://example.com/"),
        ("http://example.com/a?b=c#d", "http://example.com/a?b=c#d"),
        (" https://example.com/ ", "https://example.com/"),
        ("mailto:desk@news.example", "mailto:desk@news.example"),
        ("/articles/kim-arrives/", "/articles/kim-arrives/"),
        ("/people/kim/", "/people/kim/"),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("vbscript:x", None),
        ("ftp://example.com/", None),
        ("https://", None),
        ("https://exa mple.com/", None),
        ("mailto:nobody", None),
        ("relative/path", None),
        ("", None),
        ("https://example.com/\x01x", None),
    ],
)
def test_safe_href(href, kept):
    assert safe_href(href) == kept


# --- from_plain_text -------------------------------------------------------------------


def test_from_plain_text():
    plain = "## Talks\r\nKim  met <Xi>.\n\n##\n## \nPutin & co.\n##hashtag"
    assert from_plain_text(plain) == (
        "<h2>Talks</h2>\n<p>Kim met &lt;Xi&gt;.</p>\n<p>Putin &amp; co.</p>\n<p>##hashtag</p>"
    )
    assert reading_text(from_plain_text(plain)) == "Talks\nKim met <Xi>.\nPutin & co.\n##hashtag"


# --- problems and check ------------------------------------------------------------------


def test_problems_of_a_good_body():
    assert problems("<p>Kim <a href='https://x.example/'>met</a> Xi.</p><ul><li>a<li>b</ul>") == []
    assert problems("plain text\nsecond line") == []
    check("<p>fine</p>")


def test_problems_size():
    assert problems("x" * MAX_BODY_CHARS) == []
    found = problems("x" * (MAX_BODY_CHARS + 1))
    assert found == [
        "The text is too long: 1,000,001 characters of HTML, and at most 1,000,000 can be "
        "stored. Split the story in parts."
    ]


def test_problems_depth():
    assert problems("<em>" * MAX_DEPTH + "x" + "</em>" * MAX_DEPTH) == []
    found = problems("<em>" * (MAX_DEPTH + 1) + "x" + "</em>" * (MAX_DEPTH + 1))
    assert found == [
        "The text is nested more than 40 levels deep (lists in lists, or formatting in "
        "formatting); flatten it."
    ]


def test_problems_malformed():
    assert problems("<p>Kim</em> met Xi.</p>") == [
        "The HTML is malformed: </em> on line 1 closes nothing."
    ]
    assert problems("<p>one</p>\n<p><strong>two</p>") == [
        "The HTML is malformed: <strong> on line 2 is never closed."
    ]


def test_problems_optional_end_tags_are_not_malformed():
    assert problems("<p>one<p>two<ul><li>a<li>b</ul>") == []


def test_problems_bad_link_names_the_link_and_its_address():
    found = problems('<p>Read <a href="javascript:alert(1)">the   full\nstory</a></p>')
    assert found == [
        "The link “the full story” points to “javascript:alert(1)”, which is not a web "
        "(http, https), e-mail (mailto) or Newsroom address."
    ]
    found = problems('<a href="ftp://files.example/x"></a>')
    assert found == [
        "The link “(no text)” points to “ftp://files.example/x”, which is not a web "
        "(http, https), e-mail (mailto) or Newsroom address."
    ]


def test_problems_image():
    for raw in ('<p>x<img src="https://x.example/a.png"></p>', "<picture></picture>"):
        assert problems(raw) == [
            "The text holds a picture; pictures cannot be pasted into the text. Remove it "
            "(the image library holds pictures)."
        ]


def test_problems_lists_every_problem_and_check_raises_with_all():
    raw = '<p>a</em> <a href="vbscript:x">v</a><img src=x></p>'
    found = problems(raw)
    assert len(found) == 3
    assert "</em> on line 1 closes nothing" in found[0]
    assert "“vbscript:x”" in found[1]
    assert "picture" in found[2]
    with pytest.raises(BodyError) as raised:
        check(raw)
    for message in found:
        assert message in str(raised.value)


def test_problems_do_not_concern_what_sanitise_drops_silently():
    assert problems('<p class="x" style="color:red"><span>ok</span><script>x</script></p>') == []


# --- formatting ------------------------------------------------------------------------


def test_formatting():
    body = sanitise(
        "<h2>Talks</h2>"
        '<p>Kim met <a href="https://x.example/">Xi <strong>Jinping</strong></a> and '
        "<em>Vladimir  Putin</em>.</p>"
        "<blockquote><p>We go.</p></blockquote>"
        "<ul><li>One</li><li>Two <b>bold</b></li></ul>"
        '<ol><li><a href="/articles/x/">N</a></li></ol>'
        "<h3>Small</h3>"
    )
    assert formatting(body) == [
        Formatting("subheading", "Talks"),
        Formatting("link", "Xi Jinping", "https://x.example/"),
        Formatting("bold", "Jinping"),
        Formatting("italic", "Vladimir Putin"),
        Formatting("quote", "We go."),
        Formatting("list", "One"),
        Formatting("list", "Two bold"),
        Formatting("bold", "bold"),
        Formatting("list", "N"),
        Formatting("link", "N", "/articles/x/"),
        Formatting("subheading", "Small"),
    ]


def test_formatting_separates_two_links_and_stretches():
    body = sanitise(
        '<p><a href="https://a.example/">one</a><a href="https://b.example/">two</a> '
        "<strong>x</strong> y <strong>z</strong></p>"
    )
    assert formatting(body) == [
        Formatting("link", "one", "https://a.example/"),
        Formatting("link", "two", "https://b.example/"),
        Formatting("bold", "x"),
        Formatting("bold", "z"),
    ]


def test_formatting_of_plain_paragraphs_and_empty_body():
    assert formatting(sanitise("Kim met Xi.\nPutin waited.")) == []
    assert formatting("") == []


# --- render ------------------------------------------------------------------------------


def test_render_without_annotations_is_the_body():
    body = sanitise("<h2>Talks</h2><p>Kim <em>met</em> Xi.</p><ul><li>one</li></ul>")
    assert render(body) == body


def test_render_links_mentions_and_escapes_their_attributes():
    body = sanitise("<p>Kim met &lt;Xi&gt; &amp; Putin.</p>")
    text = reading_text(body)
    start = text.index("<Xi>")
    annotation = Annotation(
        start, start + 4, '/people/xi/?a=1&b="2"', "mention", 'Xi "the" <Leader>'
    )
    assert render(body, [annotation]) == (
        '<p>Kim met <a href="/people/xi/?a=1&amp;b=&quot;2&quot;" class="mention" '
        'title="Xi &quot;the&quot; &lt;Leader&gt;">&lt;Xi&gt;</a> &amp; Putin.</p>'
    )


def test_render_mark_without_href():
    body = sanitise("<p>Kim met Xi.</p>")
    assert render(body, [Annotation(0, 3)]) == "<p><mark>Kim</mark> met Xi.</p>"
    assert render(body, [Annotation(8, 10, None, "hl", "Xi Jinping")]) == (
        '<p>Kim met <mark class="hl" title="Xi Jinping">Xi</mark>.</p>'
    )


def test_render_mention_across_bold_keeps_the_bold():
    body = sanitise("<p>Kim met <strong>Xi Jinping</strong> today.</p>")
    start = reading_text(body).index("met")
    rendered = render(body, [Annotation(start, start + len("met Xi"), "/x/")])
    assert rendered == (
        '<p>Kim <a href="/x/">met <strong>Xi</strong></a><strong> Jinping</strong> today.</p>'
    )


def test_render_never_puts_a_mention_inside_an_editors_link():
    body = sanitise('<p>Kim met <a href="https://x.example/">Xi Jinping</a> today.</p>')
    text = reading_text(body)
    inside = text.index("Xi Jinping")
    assert render(body, [Annotation(inside, inside + 10, "/people/xi/")]) == body
    # A mention running into the link is linked up to the link, not within it.
    start = text.index("met")
    assert render(body, [Annotation(start, inside + 2, "/people/xi/")]) == (
        '<p>Kim <a href="/people/xi/">met </a>'
        '<a href="https://x.example/" rel="noopener">Xi Jinping</a> today.</p>'
    )


def test_render_mentions_in_subheads_quotes_and_lists():
    body = sanitise(
        "<h2>Kim in Beijing</h2><blockquote><p>Kim said so.</p></blockquote>"
        "<ol><li>Kim first</li></ol>"
    )
    text = reading_text(body)
    starts = [m.start() for m in re.finditer("Kim", text)]
    rendered = render(body, [Annotation(s, s + 3, "/k/") for s in starts])
    assert rendered == (
        '<h2><a href="/k/">Kim</a> in Beijing</h2>\n'
        '<blockquote>\n<p><a href="/k/">Kim</a> said so.</p>\n</blockquote>\n'
        '<ol>\n<li><p><a href="/k/">Kim</a> first</p></li>\n</ol>'
    )


def test_render_leaves_out_bad_annotations():
    body = sanitise("<p>Kim left.</p><p>Xi stayed.</p>")
    annotations = [
        Annotation(4, 12, "/across-blocks/"),
        Annotation(3, 3, "/empty/"),
        Annotation(50, 60, "/beyond/"),
        Annotation(0, 3, "/kim/"),
        Annotation(1, 6, "/overlaps-kim/"),
    ]
    assert render(body, annotations) == '<p><a href="/kim/">Kim</a> left.</p>\n<p>Xi stayed.</p>'


def test_render_base_url_makes_our_paths_absolute():
    body = sanitise(
        '<p><a href="/articles/x/">x</a> and <a href="https://o.example/">o</a> Kim</p>'
    )
    start = reading_text(body).index("Kim")
    assert render(body, [Annotation(start, start + 3, "/people/kim/")], "https://n.example") == (
        '<p><a href="https://n.example/articles/x/">x</a> and '
        '<a href="https://o.example/" rel="noopener">o</a> '
        '<a href="https://n.example/people/kim/">Kim</a></p>'
    )


def test_render_line_break_inside_a_mention():
    body = sanitise("<p>Kim<br>Jong Un</p>")
    assert reading_text(body) == "Kim Jong Un"
    assert render(body, [Annotation(0, 11, "/k/")]) == '<p><a href="/k/">Kim<br>Jong Un</a></p>'


def test_render_shows_links_to_unseen_stories_as_text_and_mentions_inside_them():
    body = sanitise(
        '<p>See <a href="/articles/secret/">Kim in Beijing</a> and '
        '<a href="/articles/out/">Xi</a>.</p>'
    )
    assert site_paths(body) == {"/articles/secret/", "/articles/out/"}
    kim = Annotation(4, 7, "/people/kim/", "mention")
    assert render(body, [kim], unlinked=["/articles/secret/"]) == (
        '<p>See <a href="/people/kim/" class="mention">Kim</a> in Beijing and '
        '<a href="/articles/out/">Xi</a>.</p>'
    )
    assert render(body, [kim], "https://n.example", unlinked={"/articles/out/"}) == (
        '<p>See <a href="https://n.example/articles/secret/">Kim in Beijing</a> and Xi.</p>'
    )


def test_site_paths_are_our_own_link_addresses_unescaped():
    body = sanitise(
        '<a href="/articles/a/">a</a> <a href="/articles/b/?x=1&amp;y=2">b</a> '
        '<a href="https://x.example/articles/c/">c</a> <a href="mailto:a@b.example">d</a>'
    )
    assert site_paths(body) == {"/articles/a/", "/articles/b/?x=1&y=2"}
    assert site_paths("") == set()


# --- Properties ----------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["Kim", "Jong Un", "Xi", "a", "é", "ü", "北京", "😀", "Kim’s", "“quoted”", "‘single’", "—"]
)
_TEXT_PIECES = st.one_of(
    _WORDS,
    st.sampled_from(
        [" ", "  ", "\n", "\r\n", "\t", "\xa0", "&nbsp;", "&amp;", "&#8217;", "&quot;"]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<>&\x00\r"),
        max_size=5,
    ),
)
text_strategy = st.lists(_TEXT_PIECES, max_size=6).map("".join)

_TAGS = [
    "p", "h1", "h2", "h3", "h4", "h6", "blockquote", "ul", "ol", "li", "a", "strong", "em",
    "b", "i", "span", "div", "table", "tr", "td", "section", "u", "font", "o:p", "sup",
    "pre", "script", "style", "iframe", "svg", "math", "object", "title", "textarea",
    "figure", "figcaption", "picture",
]  # fmt: skip
_VOID_TAGS = ["br", "hr", "img", "meta", "input", "wbr"]
_ATTRIBUTES = st.sampled_from(
    [
        ("href", "https://x.example/"),
        ("href", "/articles/x/"),
        ("href", "mailto:desk@news.example"),
        ("href", "javascript:alert(1)"),
        ("href", "//evil.example/"),
        ("href", "data:text/html,x"),
        ("rel", "nofollow"),
        ("rel", "noopener"),
        ("style", "font-weight:700"),
        ("style", "font-style:italic"),
        ("style", "font-weight:normal"),
        ("style", "color:red;background:url(javascript:alert(1))"),
        ("class", "MsoNormal"),
        ("onclick", "alert(1)"),
        ("src", "javascript:alert(1)"),
        ("id", "x"),
        ("data-image", "7"),
        ("data-image", "x1"),
        ("data-credit", "Ana Lund/Reuters"),
    ]
)


def _open(tag, attributes):
    written = "".join(f' {name}="{html.escape(value)}"' for name, value in attributes)
    return f"<{tag}{written}>"


def _write_element(tag, attributes, children):
    return _open(tag, attributes) + "".join(children) + f"</{tag}>"


_LINKS = st.lists(
    st.sampled_from(
        [
            ("href", "https://x.example/"),
            ("href", "/articles/x/"),
            ("href", "/articles/y/?a=1&b=2"),
            ("href", "mailto:desk@news.example"),
            ("rel", "nofollow"),
        ]
    ),
    min_size=1,
    max_size=2,
)


_FIGURE_ATTRIBUTES = [
    ("data-image", "7"),
    ("data-image", "1234"),
    ("data-image", " 007 "),
    ("data-credit", "Ana & Lund “AP”"),
    ("data-credit", " "),
]


def _elements(children):
    return st.one_of(
        st.builds(
            _write_element,
            st.sampled_from(_TAGS),
            st.lists(_ATTRIBUTES, max_size=3),
            st.lists(children, max_size=4),
        ),
        # The schema's own, more often: links, emphasis and paragraphs.
        st.builds(_write_element, st.just("a"), _LINKS, st.lists(children, max_size=3)),
        st.builds(
            _write_element,
            st.sampled_from(["p", "strong", "em", "li", "h2"]),
            st.just([]),
            st.lists(children, max_size=3),
        ),
        # A figure of the library, its caption and maybe more.
        st.builds(
            _write_element,
            st.just("figure"),
            st.lists(st.sampled_from(_FIGURE_ATTRIBUTES), min_size=1, max_size=2),
            st.lists(
                st.one_of(
                    children,
                    st.builds(
                        _write_element,
                        st.just("figcaption"),
                        st.just([]),
                        st.lists(children, max_size=3),
                    ),
                ),
                max_size=2,
            ),
        ),
    )


_tree = st.recursive(
    st.one_of(text_strategy, st.sampled_from([f"<{tag}>" for tag in _VOID_TAGS])),
    _elements,
    max_leaves=25,
)
_soup_token = st.one_of(
    text_strategy,
    st.builds(_open, st.sampled_from(_TAGS + _VOID_TAGS), st.lists(_ATTRIBUTES, max_size=2)),
    st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
)
_soup = st.lists(_soup_token, max_size=20).map("".join)
html_strategy = st.one_of(_tree, _soup, st.lists(_tree, max_size=4).map("".join))

_HTML_WHITESPACE = " \t\n\r\f"


@given(html_strategy)
def test_sanitise_property_idempotent_well_formed_in_schema(raw):
    body = sanitise(raw)
    assert sanitise(body) == body
    checker = check_markup(body)
    assert checker.tags <= SCHEMA_TAGS
    for tag, name, value in checker.attributes:
        assert (tag, name) in {
            ("a", "href"),
            ("a", "rel"),
            ("figure", "data-image"),
            ("figure", "data-credit"),
        }
        if name == "href":
            assert safe_href(value) == value
        if name == "data-image":
            assert value.isdigit() and not value.startswith("0")
    assert "javascript:" not in body and "style=" not in body


@given(html_strategy)
def test_reading_text_property_no_markup_and_no_empty_lines(raw):
    text = reading_text(sanitise(raw))
    # No text of ours holds "<" or ">", so any would be left from a tag.
    assert "<" not in text and ">" not in text
    assert "\r" not in text
    if text:
        for line in text.split("\n"):
            # Not even a line of no-break spaces: a blank paragraph is no block.
            assert line.strip(), repr(text)
            assert line == line.strip(_HTML_WHITESPACE)


@given(st.lists(text_strategy, max_size=6).map("\n".join))
@example("\ufeff")
def test_plain_text_property_a_paragraph_per_line(plain):
    # The HTML parser drops a byte-order mark that opens its input, as a file's is.
    plain = plain.replace("&", "+").removeprefix("\ufeff")
    expected = []
    for line in plain.replace("\r\n", "\n").split("\n"):
        line = line.replace("\x0b", " ")  # A soft line break parts words.
        line = re.sub("[ \t\f\r]+", " ", XML_ILLEGAL.sub("", line)).strip(" ")
        # A line of no-break spaces alone is no paragraph.
        if line.strip():
            expected.append(line)
    assert reading_text(sanitise(plain)) == "\n".join(expected)


def draw_annotations(draw, text):
    """Non-overlapping annotations over `text`, each within one line, in text order."""
    annotations = []
    position = 0
    for number, line in enumerate(text.split("\n")):
        offset = 0
        while offset < len(line) and draw(st.booleans()):
            start = draw(st.integers(offset, len(line) - 1))
            end = draw(st.integers(start + 1, len(line)))
            annotations.append(
                Annotation(
                    position + start,
                    position + end,
                    f"/people/p{number}-{start}/",
                    "mention",
                    draw(st.sampled_from(["", "Kim <Jong> & “Un”"])),
                )
            )
            offset = end
        position += len(line) + 1
    return annotations


@st.composite
def body_and_annotations(draw):
    """A sanitised body and non-overlapping annotations, each within one line."""
    body = sanitise(draw(html_strategy))
    text = reading_text(body)
    annotations = draw_annotations(draw, text)
    # Some of the body's links to our own stories may be to ones no reader may see yet.
    paths = sorted(site_paths(body))
    unlinked = draw(st.lists(st.sampled_from(paths), unique=True)) if paths else []
    return body, text, draw(st.permutations(annotations)), unlinked


class _LinkedText(HTMLParser):
    """Each character of the rendered reading text with the links it is in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, attributes)
        self.lines = []
        self.line = None

    def links(self):
        return tuple(attrs for tag, attrs in self.stack if tag == "a")

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "source"):  # a figure's picture, on a public page: no text
            return
        if tag in ("p", "h2", "h3", "figcaption"):
            self.line = []
        if tag == "br":
            self.line.append((" ", self.links()))
            return
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.stack.pop()
        if tag in ("p", "h2", "h3", "figcaption"):
            self.lines.append(self.line)
            self.line = None

    def handle_data(self, data):
        if self.line is None:
            assert not data.strip(), data
        elif not any(attrs.get("class") == "credit" for _, attrs in self.stack):
            # A figure's credit, on a public page, is not reading text.
            self.line.extend((char, self.links()) for char in data)


_INSERTED_OR_SCHEMA_TAG = re.compile(
    r"</?(?:p|h2|h3|blockquote|ul|ol|li|strong|em|br|mark|figcaption)>|</a>|</figure>"
    r'|<figure data-image="\d+"(?: data-credit="[^"<>]*")?>'
    r'|<a href="[^"<>]*"(?: rel="[^"<>]*")?(?: class="[^"<>]*")?(?: title="[^"<>]*")?>'
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(body_and_annotations())
def test_render_property(case):
    body, text, annotations, unlinked = case
    rendered = render(body, annotations, unlinked=unlinked)
    for path in unlinked:
        assert f'href="{html.escape(path)}"' not in rendered
    mentioned = {annotation.href for annotation in annotations}
    assert site_paths(rendered) - mentioned == site_paths(body) - set(unlinked)
    check_markup(rendered)
    # Every character of text is escaped: with the tags taken out, no "<" or ">" is left.
    left = _INSERTED_OR_SCHEMA_TAG.sub("", rendered.replace("<br>", " "))
    assert "<" not in left and ">" not in left
    assert html.unescape(left).replace("\n", "") == text.replace("\n", "")
    assert reading_text(rendered) == text == reading_text(body)

    parser = _LinkedText()
    parser.feed(rendered)
    parser.close()
    chars = [item for line in parser.lines for item in [*line, ("\n", ())]][:-1]
    assert "".join(char for char, _ in chars) == text
    covering = {}
    for annotation in annotations:
        for offset in range(annotation.start, annotation.end):
            covering[offset] = annotation
    for offset, (_, links) in enumerate(chars):
        editors = [link for link in links if "class" not in link]
        mentions = [link for link in links if "class" in link]
        assert len(links) <= 1
        if offset in covering and not editors:
            assert [link["href"] for link in mentions] == [covering[offset].href]
        else:
            assert not mentions


@given(
    st.one_of(html_strategy.map(sanitise), st.just("")),
    st.lists(
        st.builds(
            Annotation,
            st.integers(-2, 80),
            st.integers(-2, 80),
            st.none() | st.sampled_from(["/a/", 'x"<>&']),
            st.sampled_from(["", "m", "<b>"]),
            st.sampled_from(["", 'T "<t>"']),
        ),
        max_size=8,
    ),
)
def test_render_property_any_annotations_keep_text_and_form(body, annotations):
    rendered = render(body, annotations)
    check_markup(rendered)
    assert reading_text(rendered) == reading_text(body)
