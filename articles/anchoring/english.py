"""Whether a word is an English one, by two dictionaries' word lists (english-words: Webster's
Second International and GCIDE). A capitalised word that reads as a name only through its
accents may be an English word at a sentence's start ("Sale" for Salé, "Union" for the
club Unión); one that no dictionary has ("Qarabag" for Qarabağ) is the name."""

from __future__ import annotations

import functools

from english_words import get_english_words_set


@functools.cache
def _dictionary() -> frozenset[str]:
    # Read once a process, when first asked (about 0.7 s and 55 MB): only a process that
    # suggests mentions and meets a name written without its accents pays it; the public
    # site never does.
    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


def is_english_word(word: str) -> bool:
    """Whether ``word`` (in any case) is in an English dictionary, as written or as the
    singular of a plural in "-s" or "-es" (the lists hold no inflections)."""
    lowered = word.lower()
    words = _dictionary()
    if lowered in words:
        return True
    return lowered.endswith("s") and (
        lowered[:-1] in words or (lowered.endswith("es") and lowered[:-2] in words)
    )
