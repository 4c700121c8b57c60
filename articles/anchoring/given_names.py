"""The gender a given name tells, when it tells one clearly: "Lotte" a woman, "Manuel" a
man, "Kari" (a woman in Norway, a man in Finland) neither.

A story writes "Ms Eide" or "she" and expects the reader to know which of the two Eides
it means; the descriptions in a gazetteer often do not say ("Offshore welder in
Stavanger"). The names come from nomquamgender 0.1.4, a published dataset of given names
and how often each is a woman's or a man's across 36 sources and many countries (MIT
licence, in data/NOTICE). We ship only the names it is sure of, one list a gender in
data/, made from its data file by ``rebuild``; the package itself would bring pandas
and numpy for a list of names.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
GENDERS = ("female", "male")
# A name is a woman's when at least this share of the people who bear it are women (and
# a man's the other way round): names shared more evenly decide nothing.
_CLEAR = 0.95
# Names the data has from fewer sources or people than this are too rare to trust.
_MIN_SOURCES = 2
_MIN_PEOPLE = 100


def _list_path(gender: str, directory: Path = DATA) -> Path:
    return directory / f"given_names_{gender}.txt"


def derive(name_data: dict[str, list]) -> dict[str, str]:
    """The names nomquamgender's data (its name_data.json: name -> [sources, people,
    share of women, ...]) says clearly, each with "female" or "male"."""
    genders = {}
    for name, (sources, people, female_share, *_) in name_data.items():
        if sources < _MIN_SOURCES or people < _MIN_PEOPLE:
            continue
        if female_share >= _CLEAR:
            genders[name] = "female"
        elif female_share <= 1 - _CLEAR:
            genders[name] = "male"
    return genders


def rebuild(name_data: Path | str, directory: Path = DATA) -> None:
    """Write the lists in ``directory`` from nomquamgender's name_data.json, one sorted
    list of names a gender: ``python -c "import sys; from articles.anchoring.given_names
    import rebuild; rebuild(sys.argv[1])" path/to/name_data.json``."""
    genders = derive(json.loads(Path(name_data).read_text(encoding="utf-8")))
    for gender in GENDERS:
        names = sorted(name for name, said in genders.items() if said == gender)
        _list_path(gender, directory).write_text("\n".join(names) + "\n", encoding="utf-8")


@functools.cache
def _genders() -> dict[str, str]:
    """Every given name the shipped lists hold, folded, with "female" or "male"."""
    genders = {}
    for gender in GENDERS:
        for name in _list_path(gender).read_text(encoding="utf-8").splitlines():
            genders[name] = gender
    return genders


def _folded(name: str) -> str:
    """``name`` as the data writes names: lower case, without accents."""
    decomposed = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def gender_of_given_name(given: str) -> str | None:
    """ "female" or "male" when the given name ``given`` is clearly one, else None."""
    return _genders().get(_folded(given))
