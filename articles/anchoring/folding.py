"""How copy writes one name in several ways: apostrophes, quotes, dashes and spaces of
every kind folded to one character each (offsets stay exact), case, and accents."""

from __future__ import annotations

import re
import unicodedata

# Characters written in several ways, each mapped to one: apostrophes and single quotes,
# double quotes, hyphens and dashes, no-break and other fixed-width spaces. One character
# for one, so offsets into the folded text are offsets into the text.
# A line separator (U+2028, the soft return some editors paste) and the rarer spaces of
# fixed width (U+2008, U+205F, U+3000) are spaces too: "Santa<LS>Cruz" is the name the
# reader sees, broken across a line. ("\n" ends a paragraph and is never folded.)
_FIXED_SPACES = (
    "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\u2028"
)
_TYPOGRAPHIC = str.maketrans(
    {
        # (With the Uzbek "ʻ" of "Qoʻqon", which copy types "Qo'qon".)
        **dict.fromkeys("’‘‛′ʼʻʽ`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad", "-"),
        **dict.fromkeys(_FIXED_SPACES, " "),
    }
)


# The spaces of ``_TYPOGRAPHIC`` alone, which the rules read as spaces.
_SPACES = re.compile(f"[{_FIXED_SPACES}]")


# Letters with accents, each mapped to its bare letter: wire copy writes "SAO PAULO" in a
# dateline and "Lopez Obrador" in a story where the gazetteer has "São Paulo" and "López
# Obrador", and "Hồ Chí Minh City" where it has "Ho Chi Minh City". A precomposed Latin or
# Greek letter with marks above or below is the letter it is built on ("ã" is "a",
# Turkish "İ" is "I"); a few letters with a stroke or no dot have no such parts and are
# listed ("ł", "ø", "đ", "ð", "ı"). One character for one, as above. Cyrillic is left as it is:
# "й" is a letter of its own, not a marked "и". Letters that are no marked letter stay
# too ("ß", "æ", "œ": "Straße" is not "Strasse" one for one).
_BARE_LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"}
_BARE_LETTERS |= {"ð": "d", "Ð": "D"}  # Icelandic "eth": "Sigurdsson" for Sigurðsson
_BARE_LETTERS |= {"ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T"}


def _accented_letters() -> dict[str, str]:
    found = {}
    ranges = ((0x00C0, 0x0250), (0x1E00, 0x1F00), (0x0386, 0x03CF), (0x1F00, 0x2000))
    for low, high in ranges:
        for code in range(low, high):
            parts = unicodedata.normalize("NFD", chr(code))
            if len(parts) > 1 and all(unicodedata.combining(part) for part in parts[1:]):
                found[chr(code)] = parts[0]
    return found | _BARE_LETTERS


_PUNCTUATION = dict(_TYPOGRAPHIC)
_TYPOGRAPHIC.update(str.maketrans(_accented_letters()))


def spelled(text: str) -> str:
    """``text`` with each apostrophe, quote, dash and fixed space written one way, its
    accents kept: how a name is written, where ``typographic`` reads how it sounds. Same
    length as ``text``."""
    return text.translate(_PUNCTUATION)


def typographic(text: str) -> str:
    """``text`` with each apostrophe, quote, dash, fixed space and accented letter written
    one way, so that "People’s" matches an alias typed "People's", "Kim Jong‑un" (a
    no-break hyphen) one typed "Kim Jong-un" and "Sao Paulo" the name "São Paulo". Same
    length as ``text``."""
    return text.translate(_TYPOGRAPHIC)


def fold(text: str) -> str:
    """``typographic`` and lower case: how two spellings of one name are compared."""
    return typographic(text).lower()


# What a reader does not see as characters of their own: a soft hyphen, a place where a
# line may break ("Dissa\u00adnayake" is "Dissanayake" unless it does), and a combining
# mark, an accent typed or saved as a character after its letter ("e" and U+0301 for
# "é", as some systems store text; Yoruba "ẹ́" has no character of its own). Folding maps
# one character to one and cannot drop them, so a text that has them is read through
# ``as_seen``.
SOFT_HYPHEN = "\u00ad"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARK = re.compile(f"[{_MARKS}]")
_UNSEEN = re.compile(f"[{SOFT_HYPHEN}{_MARKS}]")


def as_seen(text: str) -> tuple[str, list[int] | None]:
    """``text`` as a reader sees its letters, and where each of its characters is in
    ``text`` (None when they are the same): without soft hyphens, and each letter with
    the combining marks after it as one character, the accented letter where Unicode has
    one ("é") and else the letter the marks stand on ("ẹ" for "ẹ́"), which folding then
    reads bare as ever."""
    if text.isascii() or not _UNSEEN.search(text):
        return text, None
    seen: list[str] = []
    at: list[int] = []
    for index, char in enumerate(text):
        if char == SOFT_HYPHEN:
            continue
        if _MARK.match(char):
            composed = unicodedata.normalize("NFC", seen[-1] + char) if seen else ""
            if len(composed) == 1:
                seen[-1] = composed
            continue  # (a mark no letter takes as one is read as nothing)
        seen.append(char)
        at.append(index)
    return "".join(seen), at


def is_mark(char: str) -> bool:
    """Whether ``char`` is a combining mark, an accent of the letter before it."""
    return bool(_MARK.match(char))


def seen(text: str) -> str:
    """``text`` as a reader sees its letters (``as_seen``)."""
    return as_seen(text)[0]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()
