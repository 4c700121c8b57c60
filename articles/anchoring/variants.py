"""The ways copy writes a name otherwise than the gazetteer does: hyphens as spaces and
spaces as hyphens, abbreviations and stops, titles before a name, possessives with their
apostrophe or without, and letters written out ("Soeder" for Söder). ``Gazetteer.of``
adds each as a form of the name; all pure text."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Set

from articles.anchoring.folding import typographic
from articles.anchoring.given_names import gender_of_given_name
from articles.anchoring.profiles import Named, is_title

# A hyphen between two words of a name, which copy often writes as a space: "Zanu PF" for
# "ZANU-PF", "Nandi Ndaitwah" for "Nandi-Ndaitwah", "Al Ahly" for "Al-Ahly" (not a
# one-letter part: "A-League" is never "A League").
_HYPHEN_BETWEEN_WORDS = re.compile(r"(?<=\w\w)-(?=\w\w)")
# A hyphen between two capitalised words of a name.
_HYPHEN_BETWEEN_NAMES = re.compile(r"(?<=\w\w)-(?=[A-Z]\w)")
# A particle of one letter between two hyphens, written with spaces too: "Pakistan
# Tehreek e Insaf" for "Tehreek-e-Insaf", "Jamaat e Islami".
_PARTICLE_BETWEEN_HYPHENS = re.compile(r"(?<=\w\w)-([a-z])-(?=\w\w)")
# Words of a place's or a body's name that copy abbreviates, each with its short form:
# "Saint Petersburg" is "St Petersburg" or "St. Petersburg", "Mount Kenya" "Mt Kenya",
# "Saint-Étienne" "St-Étienne".
_SHORT_FORMS = {"Saint": "St", "Sainte": "Ste", "Mount": "Mt", "Fort": "Ft"}
_LONG_FORMS = {short: long for long, short in _SHORT_FORMS.items()}
_ABBREVIABLE = re.compile(rf"(?<![\w.])({'|'.join(_SHORT_FORMS)})(?=[ -]\w)")
_ABBREVIATED = re.compile(rf"(?<![\w.])({'|'.join(_LONG_FORMS)})\.?(?=[ -]\w)")
# An abbreviation that opens a word of a name, with its stop or without ("St. Louis", "St
# Louis"; a title's too, "Dr. Yunus" and "Dr Yunus", "Capt William Ruto", "Dr Oetker"),
# and one that closes a person's name ("Martin Luther King Jr.").
_ABBREVIATIONS = "St|Ste|Sta|Mt|Ft"
_TITLES_ABBREVIATED = "Dr|Capt|Col|Gen|Lt|Sgt|Maj|Prof|Rev|Gov|Sen|Rep|Mr|Mrs|Ms"
_ABBREVIATION_STOPPED = re.compile(
    rf"(?<![\w.])({_ABBREVIATIONS}|{_TITLES_ABBREVIATED})\.(?=[ -]\w)"
)
_ABBREVIATION_BARE = re.compile(rf"(?<![\w.])({_ABBREVIATIONS}|{_TITLES_ABBREVIATED})(?=[ -]\w)")
_STOP_AT_THE_END = re.compile(r" (Jr|Sr)\.$")
# "Ma." for María opening a Filipino name, written without its stop ("Ma Teresita
# Manalastas"; not the other way, where "said Ma. Long a critic" would be Ma Long).
_MA_STOPPED = re.compile(r"^Ma\. (?=[A-Z])")
# "No." before a number inside a name, with its stop or without: "Province No. 1",
# "Province No 1".
_NUMBER_STOPPED = re.compile(r"\bNo\. (?=\d)")
_NUMBER_BARE = re.compile(r"\bNo (?=\d)")
# A firm's legal form, abbreviated with a stop or without ("Desai Electronics Ltd." and
# "Ltd", "Raffles Remit Pte. Ltd."); a stop is added only inside a name, as one at its
# end may be the sentence's.
_LEGAL_FORMS = "Ltd|Inc|Corp|Co|Pte|Bhd|Pty|Plc|Cie|Bros|Ltda|Cia|Zrt|Nyrt|Kft|Tbk"
_LEGAL_FORM_STOPPED = re.compile(rf"(?<![\w.])({_LEGAL_FORMS})\.(?= |$)")
_LEGAL_FORMS_LISTED = re.compile(r"(?<![\w.])(Co|Inc|Corp)\.?, (?=Ltd|Inc|Limited)")
_LEGAL_FORM_BARE = re.compile(rf"(?<![\w.])({_LEGAL_FORMS})(?= )")
# Italian legal forms, written with their stops or without: "Caldera S.p.A." and
# "Caldera SpA", "S.r.l." and "Srl".
_LEGAL_FORMS_SPELLED = {"SpA": "S.p.A.", "Srl": "S.r.l."}
_LEGAL_FORM_SPELLED = re.compile(r"(?<![\w.])(SpA|Srl|S\.p\.A\.|S\.r\.l\.)(?= |$)")
_LEGAL_FORM_AS = _LEGAL_FORMS_SPELLED | {
    dotted: bare for bare, dotted in _LEGAL_FORMS_SPELLED.items()
}
# Initials of a word of a longer name, with their stops or without: "U.S. Steel" and "US
# Steel", "U.N. Security Council" and "UN Security Council" (none added at the end, where
# a stop may end the sentence).
_INITIALS_STOPPED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?= \w|$)")
# And the comma before initials that close a name: "Washington DC" for "Washington, D.C.".
_COMMA_BEFORE_INITIALS = re.compile(r", (?=(?:[A-Z]\.?){2,3}$)")
_INITIALS_BARE = re.compile(r"(?<![\w.])([A-Z]{2,3})(?= \w)")
# Initials that close a body's name, written with their stops ("Stade Rennais F.C." for
# "Stade Rennais FC"): the last stop is the initials', whatever else it ends.
_TRAILING_INITIALS = re.compile(r"(?<=\w )([A-Z]{2,3})$")
# A person's initials before the name, which copy writes "AJ", "A.J." or "A. J."
# ("AJ Foyt" for "A.J. Foyt", "J.D. Vance" for "JD Vance").
_LEADING_INITIALS = re.compile(
    r"((?:[A-Z]\.? ?){2,3})(?=[A-Z][a-z]|(?:de|van|von|da|du|le|la|di|del|dos|das) [A-Z])"
)
# One initial that opens a name or stands inside it, which Indian and British copy
# writes without its stop ("R Premadasa Stadium", "R Ashwin", "George W Bush"); not "A"
# or "I" opening a name, which are words there.
_ONE_INITIAL = re.compile(r"(?:^([B-HJ-Z])|(?<=[a-z] )([A-Z]))\. (?=[A-Z][a-z])")
# What any of the forms above start from: a name with none of it is written one way.
_MAY_BE_WRITTEN_OTHERWISE = re.compile(
    rf"Saint|Mount|Fort|\b(?:{_ABBREVIATIONS}|{_TITLES_ABBREVIATED}|{_LEGAL_FORMS})\b|"
    r"\b[JS]r\.|&| and |[A-Z]\.|[A-Z]{2}|\b[A-Z] [A-Z]|\b[AaEe]l[- ]|\bNo\.? \d|"
    r"\bS(?:pA|rl)\b|^Ma\.? "
)
# An acronym alone, which copy may write with stops ("U.A.E." for "UAE", "U.N.").
_ACRONYM = re.compile(r"[A-Z]{2,4}")
# The Arabic article in a name, which copy writes "al-", "al ", "Al-" or "Al " ("Ras
# al-Khaimah" for "Ras Al Khaimah", "Al-Muharraq" for "Al Muharraq").
_ARTICLE = re.compile(r"(?<![\w-])([Aa]l|[Ee]l)[- ](?=[A-Z])")
# "&" in a body's or a place's name, which copy also writes "and" ("Procter and Gamble",
# "Trinidad & Tobago").
_AMPERSAND = re.compile(r"(?<=\w) & (?=\w)")
# The words either side of "&": when both are names of ours ("Dolce & Gabbana", with the
# two designers), "Dolce and Gabbana" in copy is as often the two people.
_PAIR_ABOUT_AMPERSAND = re.compile(r"([\w'’.-]+) & ([\w'’.-]+)")
_AND = re.compile(r"(?<=\w) and (?=[A-Z])")


def _article_as(article: re.Match, capital: bool, joint: str) -> str:
    """The Arabic article ``article`` matched (``_ARTICLE``), with a capital or not, and
    ``joint`` (a hyphen or a space) after it."""
    word = article.group(1)
    return (word[0].upper() if capital else word[0].lower()) + word[1:] + joint


# German umlauts and "ß", the Nordic "ø", "æ", "å" and "þ", and how copy without them
# writes them: "Soeder" for Söder, "Boe" for Bø, "Aalesund" for Ålesund, "Thingvellir".
_WRITTEN_OUT_AS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "oe", "æ": "ae", "å": "aa"}
_WRITTEN_OUT_AS |= {"Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "Ø": "Oe", "Æ": "Ae", "Å": "Aa"}
_WRITTEN_OUT_AS |= {"þ": "th", "Þ": "Th"}
_WRITTEN_OUT = re.compile(f"[{''.join(_WRITTEN_OUT_AS)}]")
# Letters of Turkic and Slavic names that English copy writes as two: "Neftchi" for
# Neftçi, "Aghdam" for Ağdam, "Beshiktash", "Djokovic" for Đoković, "Zhilina". (Copy
# that drops the marks instead, "Neftci", is read by the folding of accents.)
_SPELLED_OUT_AS = {"ç": "ch", "ş": "sh", "ș": "sh", "ğ": "gh", "č": "ch", "š": "sh", "ž": "zh"}
_SPELLED_OUT_AS |= {"Ç": "Ch", "Ş": "Sh", "Ș": "Sh", "Č": "Ch", "Š": "Sh", "Ž": "Zh"}
_SPELLED_OUT_AS |= {"đ": "dj", "Đ": "Dj"}
_SPELLED_OUT = re.compile(f"[{''.join(_SPELLED_OUT_AS)}]")


def spaced(named: Named, written: str, kinds_spelled: Mapping[str, set[str]]) -> set[str]:
    """Its hyphens written as spaces ("Zanu PF" for "ZANU-PF"), when no other kind of
    entity is written so."""
    # Not where the spaced form is the name of an entity of another kind ("Saint
    # Martin" the saint beside Saint-Martin the island); one of the same kind
    # shares it, and the story's context tells them apart ("Saint Louis" in
    # Senegal, written "Saint-Louis", and a St. Louis with the alias "Saint Louis").
    plain = _PARTICLE_BETWEEN_HYPHENS.sub(r" \1 ", typographic(written))
    plain = _HYPHEN_BETWEEN_WORDS.sub(" ", plain)
    if plain == typographic(written) or kinds_spelled.get(plain, {named.kind}) != {named.kind}:
        return set()
    forms = {plain} | _one_hyphen_spaced(typographic(written), kinds_spelled, named.kind)
    if named.kind == "organization":
        # A firm's hyphen between two names is written as a spaced dash too: "A.P.
        # Moller - Maersk" (an en dash is folded to a hyphen).
        return (forms | {_HYPHEN_BETWEEN_NAMES.sub(" - ", typographic(written))}) - {
            typographic(written)
        }
    if (
        named.kind == "person"
        and " " not in written.strip()
        and all(gender_of_given_name(part) for part in plain.split())
    ):
        return set()  # "Anne-Marie" is no "Anne Marie", a shopper's given names
    return forms


def _one_hyphen_spaced(written: str, kinds_spelled: Mapping[str, set[str]], kind: str) -> set:
    """Of a name with several hyphens between words, each written as a space alone: copy
    keeps one and drops another ("Gholam-Hossein Mohseni Ejei" for Gholam-Hossein
    Mohseni-Ejei)."""
    hyphens = list(_HYPHEN_BETWEEN_WORDS.finditer(written))
    if len(hyphens) < 2:
        return set()
    forms = {written[: hyphen.start()] + " " + written[hyphen.end() :] for hyphen in hyphens}
    return {form for form in forms if kinds_spelled.get(form, {kind}) == {kind}}


def hyphened(named: Named, written: str, spelled_as: Set[str]) -> set[str]:
    """Its spaces written as hyphens ("Jean-Paul Prates", "Bilawal Bhutto-Zardari", "the
    Gutenberg-Museum", "Dar-es-Salaam")."""
    # And the other way: the first two capitalised words of a place's or a
    # body's name written with a hyphen, as German copy writes them ("the
    # Gutenberg-Museum") and others a compound that opens a name ("the
    # Trans-Adriatic Pipeline").
    words = typographic(written).split()
    if named.kind == "person":
        # A person's two given names joined before the family name, or two family
        # names after the given name: "Jean-Paul Prates" for Jean Paul Prates,
        # "Bilawal Bhutto-Zardari" (not "Jean-Paul" alone, someone else); and the
        # two family names alone that close the name ("Cuevas-Lozano" for the
        # alias "Cuevas Lozano" of Ernesto Cuevas Lozano).
        if not all(w[:1].isupper() and w.isalpha() and len(w) > 2 for w in words):
            return set()
        name = typographic(named.name).split()
        if len(words) == 2 and len(name) > 2 and name[-2:] == words:
            return {"-".join(words)} - spelled_as
        if len(words) < 3:
            return set()
        # Family names last, and given names first where the second word may be
        # one ("Portia Simpson-Miller": "Simpson" is a given name too).
        forms = {" ".join([*words[:-2], f"{words[-2]}-{words[-1]}"])}
        if gender_of_given_name(words[1]):
            forms.add(" ".join([f"{words[0]}-{words[1]}", *words[2:]]))
        return forms - spelled_as
    if len(words) < 2:
        return set()
    joined = set()
    # (A capital letter alone opens one too: "K-League" for the K League.)
    if all(
        (len(word) > 2 or (index == 0 and len(word) == 1)) and word[0].isupper()
        for index, word in enumerate(words[:2])
    ):
        joined.add(" ".join([f"{words[0]}-{words[1]}", *words[2:]]))
    # And its last two, a place's compound inside a body's name ("Union Bordeaux-Bègles"
    # for Union Bordeaux Bègles).
    if len(words) > 2 and all(len(word) > 2 and word[0].isupper() for word in words[-2:]):
        joined.add(" ".join([*words[:-2], f"{words[-2]}-{words[-1]}"]))
    # A place's name of three words or more hyphenated whole, particles and all
    # ("Dar-es-Salaam", "Stratford-upon-Avon").
    if named.kind == "place" and len(words) > 2:
        joined.add("-".join(words))
    return joined - spelled_as


def abbreviated(named: Named, written: str, spelled_as: Set[str]) -> set[str]:
    """Its words abbreviated or written out, its stops, its "&" and "and", its legal form
    and its Arabic article written otherwise ("St Petersburg", "S.p.A.", "Al-Ahly")."""
    # A name as copy of another style writes it: a place's or a body's "Saint",
    # "Mount", "Fort" abbreviated or spelled out, "&" or "and", and the initials
    # of a word with their stops or without ("U.S. Steel", "US Steel"); then an
    # abbreviation with its full stop or without ("St. Louis", "St Louis"), and
    # "Jr." at the end as "Jr" too (a stop after it may end the sentence, so none
    # is added there); a person's initials before the name as "AJ", "A.J." or
    # "A. J."; the Arabic article as "al-", "al ", "Al-" or "Al ". Not a person's
    # other words: "Eva Marie Saint" is no "St".
    plain = typographic(written)
    if not _MAY_BE_WRITTEN_OTHERWISE.search(plain):
        return set()  # (most names: nothing below would change them)
    forms = {plain}
    if named.kind != "person":
        # (The stop, if any, is put back below.)
        forms.add(_ABBREVIABLE.sub(lambda word: _SHORT_FORMS[word.group(1)], plain))
        forms.add(_ABBREVIATED.sub(lambda word: _LONG_FORMS[word.group(1)], plain))
        if not any(
            pair.group(1) in spelled_as and pair.group(2) in spelled_as
            for pair in _PAIR_ABOUT_AMPERSAND.finditer(plain)
        ):
            forms.add(_AMPERSAND.sub(" and ", plain))
        forms.add(_AND.sub(" & ", plain))
        if _ACRONYM.fullmatch(plain):
            forms.add(".".join(plain) + ".")
        bare = _INITIALS_STOPPED.sub(lambda word: word.group(1).replace(".", ""), plain)
        forms |= {bare, *(_COMMA_BEFORE_INITIALS.sub(" ", form) for form in (plain, bare))}
        forms.add(_INITIALS_BARE.sub(lambda word: ".".join(word.group(1)) + ".", plain))
        forms.add(_TRAILING_INITIALS.sub(lambda word: ".".join(word.group(1)) + ".", plain))
        forms.add(_LEGAL_FORM_STOPPED.sub(r"\1", plain))
        # "Co., Ltd." written "Co Ltd" or "Co. Ltd.": the comma between goes too.
        unlisted = _LEGAL_FORMS_LISTED.sub(r"\1 ", plain)
        forms |= {unlisted, _LEGAL_FORM_STOPPED.sub(r"\1", unlisted)}
        forms.add(_LEGAL_FORM_BARE.sub(r"\1.", plain))
        forms.add(_LEGAL_FORM_SPELLED.sub(lambda form: _LEGAL_FORM_AS[form.group(1)], plain))
        forms.add(_NUMBER_STOPPED.sub("No ", plain))
        forms.add(_NUMBER_BARE.sub("No. ", plain))
    for form in list(forms):
        stopped = _ABBREVIATION_STOPPED.sub(r"\1", form)
        if stopped == form:
            stopped = _ABBREVIATION_BARE.sub(r"\1.", form)
        forms.add(stopped)
    forms |= {_STOP_AT_THE_END.sub(r" \1", form) for form in forms}
    forms.add(_ONE_INITIAL.sub(lambda initial: f"{initial.group(1) or initial.group(2)} ", plain))
    if named.kind == "person":
        forms.add(_MA_STOPPED.sub("Ma ", plain))
    # A person's initials before the name, and those of the person a ground or a body is
    # named after ("M. A. Chidambaram Stadium"), with stops or without, spaced or not.
    initials = _LEADING_INITIALS.match(plain)
    if initials and (named.kind == "person" or "." in initials.group(1)):
        letters, rest = re.findall(r"[A-Z]", initials.group(1)), plain[initials.end() :]
        forms |= {
            f"{''.join(letters)} {rest}",
            f"{' '.join(letters)} {rest}",
            f"{'.'.join(letters)}. {rest}",
            f"{'. '.join(letters)}. {rest}",
        }
    if _ARTICLE.search(plain):
        forms |= {
            _ARTICLE.sub(functools.partial(_article_as, capital=capital, joint=joint), form)
            for form in list(forms)
            for capital in (True, False)
            for joint in ("-", " ")
        }
    return {form for form in forms if form != plain and form not in spelled_as}


def titled(named: Named, written: str, spelled_as: Set[str]) -> set[str]:
    """A person's name after the title an alias gives them ("Sheikh Tahnoun bin Zayed")."""
    # A person's longer name with the title of a titled alias before it: "Sheikh
    # Tahnoun bin Zayed Al Nahyan" where the aliases are "Sheikh Tahnoun" and
    # "Tahnoun bin Zayed", as copy writes a royal's or a cleric's name in full.
    words = typographic(written).split()
    if named.kind != "person" or len(words) < 2:
        return set()
    titles = {
        alias_words[0]
        for alias_words in (typographic(alias).split() for alias in named.aliases)
        if len(alias_words) == 2 and alias_words[1] == words[0] and is_title(alias_words[0])
    }
    return {" ".join([title, *words]) for title in titles} - spelled_as


def possessive(named: Named, written: str, spelled_as: Set[str]) -> set[str]:
    """A possessive in a name of several words with its apostrophe or without ("Hawkes
    Bay" for "Hawke's Bay")."""
    # A place's or a body's name of several words whose possessive copy writes
    # with its apostrophe or without: "King’s Park" for "Kings Park", "Hawkes
    # Bay" for "Hawke's Bay", "Lloyds Bank". Not the last word, which a
    # possessive may follow in the story ("Peters’s" is no "Peter’s"), nor a
    # person's name.
    words = typographic(written).split()
    if named.kind == "person" or len(words) < 2:
        return set()
    forms = set()
    for index, word in enumerate(words[:-1]):
        if word.endswith("'s") and len(word) > 4 and word[:1].isupper():
            other = word[:-2] + "s"
        elif word.endswith("s") and not word.endswith(("ss", "'s")) and len(word) > 4:
            other = word[:-1] + "'s" if word[:1].isupper() and word.isalpha() else None
        else:
            other = None
        if other:
            forms.add(" ".join([*words[:index], other, *words[index + 1 :]]))
    return forms - spelled_as


# "Co-operative", "Co-ordination", which copy writes joined as often ("Cooperative"),
# and the other way.
_CO_HYPHENED = re.compile(r"\b([Cc]o)-(o[a-z]{4,})")
_CO_JOINED = re.compile(r"\b([Cc]o)(o(?:perat|rdinat)[a-z]*)")


def co_joined(written: str, spelled_as: Set[str]) -> set[str]:
    """Its "Co-operative" written "Cooperative", and its "Cooperative" "Co-operative"."""
    forms = {_CO_HYPHENED.sub(r"\1\2", written), _CO_JOINED.sub(r"\1-\2", written)}
    return forms - {written} - spelled_as


def transliterated(written: str) -> set[str]:
    """Letters written out as copy without them writes them ("Soeder", "Neftchi")."""
    # Letters written out as copy without them writes them: "Soeder" for
    # Söder, "Nuernberg", "OeVP" (or "OEVP") for ÖVP, "Strasse", "Boe" for Bø;
    # "Neftchi" for Neftçi.
    forms = set()
    for letters, table in (
        (_WRITTEN_OUT, _WRITTEN_OUT_AS),
        (_SPELLED_OUT, _SPELLED_OUT_AS),
    ):
        if letters.search(written):
            form = letters.sub(lambda letter, table=table: table[letter.group()], written)
            # A short word spelled out is as often another name: "Koch" for Koç,
            # "Bach" for Bač, "Chan" for Çan.
            if table is _SPELLED_OUT_AS and " " not in form and len(form) < 7:
                continue
            # An acronym in capitals keeps them: "OEVP" as well as "OeVP".
            forms |= {form, form.upper()} if written.isupper() else {form}
    return forms


def written_otherwise(
    named: Named, written: str, kinds_spelled: Mapping[str, set[str]]
) -> set[str]:
    """Every way copy may write ``written``, a name or an alias of ``named``, otherwise than
    the gazetteer does, but as another name of it (``kinds_spelled``: each name as the
    gazetteer writes it, with its entities' kinds) is written."""
    spelled_as = kinds_spelled.keys()
    return {
        *spaced(named, written, kinds_spelled),
        *hyphened(named, written, spelled_as),
        *abbreviated(named, written, spelled_as),
        *titled(named, written, spelled_as),
        *possessive(named, written, spelled_as),
        *co_joined(typographic(written), spelled_as),
        *(transliterated(written) - spelled_as),
    }
