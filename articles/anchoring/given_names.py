"""The gender a given name tells, when it tells one clearly: "Lotte" a woman, "Manuel" a
man, "Kari" (a woman in Norway, a man in Finland) neither.

A story writes "Ms Eide" or "she" and expects the reader to know which of the two Eides
it means; the descriptions in a gazetteer often do not say ("Offshore welder in
Stavanger"). The names come from nomquamgender, a published dataset of given names and
how often each is a woman's or a man's across 36 sources and many countries (MIT
licence). Its module imports pandas to classify lists of names; we only read its data
file, found without importing the package, once per process.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from pathlib import Path

# A name is a woman's when at least this share of the people who bear it are women (and
# a man's the other way round): names shared more evenly decide nothing.
_CLEAR = 0.95
# Names the data has from fewer sources or people than this are too rare to trust.
_MIN_SOURCES = 2
_MIN_PEOPLE = 100


@functools.cache
def _genders() -> dict[str, str]:
    """Every given name the data says clearly, folded, with "female" or "male"."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(spec.submodule_search_locations[0]) / "name_data.json"
    with path.open(encoding="utf-8") as data:
        names = json.load(data)
    genders = {}
    for name, (sources, people, female_share, *_) in names.items():
        if sources < _MIN_SOURCES or people < _MIN_PEOPLE:
            continue
        if female_share >= _CLEAR:
            genders[name] = "female"
        elif female_share <= 1 - _CLEAR:
            genders[name] = "male"
    return genders


def _folded(name: str) -> str:
    """``name`` as the data writes names: lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def gender_of_given_name(given: str) -> str | None:
    """ "female" or "male" when the given name ``given`` is clearly one, else None."""
    return _genders().get(_folded(given))
