"""Agency-name normalization: a reviewed mapping first, then rapidfuzz suggestions that are never
applied without being listed for review.

Examples
--------
>>> out = normalize(["Accare", "accare kinder- en jeugdpsychiatrie", "Accare Zwolle", "Vitree", "Vitree (ambulant)"])
>>> out[["raw", "agency", "method"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Accare', 'Accare', 'new'], ['accare kinder- en jeugdpsychiatrie', 'Accare', 'fuzzy'],
 ['Accare Zwolle', 'Accare', 'region'], ['Vitree', 'Vitree', 'new'], ['Vitree (ambulant)', 'Vitree', 'fuzzy']]
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from .errors import InputError
from .privacy import check_exportable, mask_value
from .report import append_row, unescape_text
from .schemas import AGENCY_TYPES
from .text import check_lang, t

__all__ = ["normalize", "review_sheet", "split_cells", "name_key", "similarity", "is_placeholder", "is_relative",
           "RELATIVES", "STOPWORDS", "REGION_WORDS", "GENERIC_NAMES", "ROLES",
           "PLACEHOLDERS", "MIN_LENGTH_RATIO"]

#: Words that say what kind of organisation it is, not which one; ignored when comparing names.
STOPWORDS = frozenset("""de het een en van voor in te op bij kinder kinderen jeugd jeugdpsychiatrie psychiatrie
ambulant ambulante team centrum praktijk stichting zorg hulp afdeling locatie
sociaal sociale jeugdgezondheidszorg jgz jeugdpsychiater kinderpsychiater""".split())

#: Words that say *where* an agency works: compass points, "regio", the provinces (also in Frisian) and the
#: larger places, chiefly in the north. Unlike :data:`STOPWORDS` they are not ignored: "Wijkteam Noord" and
#: "Wijkteam Zuid" are two teams. A name that differs from another only by such a suffix ("GGD Fryslân" /
#: "GGD") is decided by the regional rule of :func:`normalize`. After "regio", every word is part of the suffix.
REGION_WORDS = frozenset("""regio noord zuid oost west midden noordoost noordwest zuidoost zuidwest noorden
zuiden oosten westen noard sud east noardeast sudwest groningen friesland fryslan drenthe overijssel flevoland
gelderland utrecht holland hollands brabant zeeland limburg twente achterhoek veluwe ijsselland haaglanden
ommeland westerkwartier leeuwarden sneek drachten heerenveen harlingen franeker dokkum joure wolvega
smallingerland waadhoeke achtkarspelen tytsjerksteradiel dantumadiel opsterland ooststellingwerf
weststellingwerf ameland terschelling vlieland schiermonnikoog assen emmen hoogeveen meppel zwolle deventer
enschede hengelo almelo kampen lelystad almere amsterdam rotterdam haarlem leiden delft dordrecht zoetermeer
amersfoort apeldoorn arnhem nijmegen eindhoven tilburg breda maastricht venlo helmond alkmaar zaanstad""".split())
#: Two spellings of one region (Frisian and Dutch names), compared as the same suffix.
REGION_SYNONYMS = {"fryslan": "friesland", "noard": "noord", "sud": "zuid", "east": "oost",
                   "noorden": "noord", "zuiden": "zuid", "oosten": "oost", "westen": "west",
                   "noardeast": "noordoost", "sudwest": "zuidwest"}

#: Names of a *kind* of team or professional of which one area has several ("Wijkteam", "huisarts"): such a
#: name alone never merges into one specific team ("Wijkteam Noord"); it is listed for review instead.
GENERIC_NAMES = frozenset("""wijkteam wijkteams buurtteam gebiedsteam dorpsteam jeugdteam gezinsteam
jeugdzorgteam ondersteuningsteam cjg ggz jeugdzorg jeugdhulp huisarts huisartsen huisartsenpraktijk kinderarts
jeugdarts schoolarts logopedist logopedie fysiotherapeut fysiotherapie psycholoog orthopedagoog school
ziekenhuis gemeente""".split())

#: Job titles written before or around an agency ("jeugdarts GGD", "schoolmaatschappelijk werk (Stichting X)"):
#: such a name is a person's role at that agency, counted as the agency when it is in the data (see
#: :func:`normalize`). Compared as :func:`name_key`; longer titles first.
ROLES = tuple(sorted({
    "jeugdarts", "schoolarts", "jeugdverpleegkundige", "schoolverpleegkundige", "verpleegkundige",
    "schoolmaatschappelijk werk", "schoolmaatschappelijk werker", "schoolmaatschappelijk werkster", "smw er", "smw",
    "maatschappelijk werker", "maatschappelijk werkster", "ambulant begeleider", "ambulante begeleider",
    "begeleider", "behandelaar", "hulpverlener", "jeugdhulpverlener", "gezinscoach", "jeugdconsulent", "consulent",
    "casemanager", "contactpersoon", "medewerker", "gedragswetenschapper", "gz psycholoog"}, key=lambda r: (-len(r), r)))
#: Small words between a role and its agency ("jeugdarts van de GGD", "begeleider bij Accare").
_ROLE_LINKS = frozenset({"bij", "van", "de", "het", "der", "via", "vanuit", "namens", "in", "op"})

_ACRONYM_DOTS = re.compile(r"(?<![A-Za-z])[A-Za-z](?:[ ]?\.[ ]?[A-Za-z](?![A-Za-z]))+\.?")
_ACRONYM_SPACES = re.compile(r"(?<![A-Za-z])[A-Z](?: [A-Z](?![A-Za-z]))+")


def name_key(name) -> str:
    """Comparable form of a name: lower case, no accents or punctuation, single spaces, acronyms closed up.

    Letters of an acronym separated by dots ("G.G.D.", "m.e.e", "G. G. D.") or capitals separated by
    single spaces ("G G D") are written together ("ggd"); an initial before a word ("J. de Vries") is not.

    Examples
    --------
    >>> name_key(" G.G.D. Fryslân "), name_key("M.E.E."), name_key("G G D"), name_key("J. de Vries")
    ('ggd fryslan', 'mee', 'ggd', 'j de vries')
    """
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = _ACRONYM_DOTS.sub(lambda m: re.sub(r"[. ]", "", m.group()), text)
    text = _ACRONYM_SPACES.sub(lambda m: m.group().replace(" ", ""), text).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text)).strip()


@functools.lru_cache(maxsize=65536)
def _split_region(key: str) -> tuple[str, tuple[str, ...]]:
    """(base, suffix): a key without its place or region words, and those words (spelled as one region).

    The suffix is everything after "regio", or the region words at the end (generic words such as
    "ambulant" may follow them); a key that is only region words has no suffix.

    >>> _split_region("ggd fryslan"), _split_region("jeugdbescherming regio noord"), _split_region("noord")
    (('ggd', ('friesland',)), ('jeugdbescherming', ('noord',)), ('noord', ()))
    """
    words = key.split()
    if "regio" in words[1:]:
        at = len(words) - 1 - words[::-1].index("regio")
        base, region = words[:at], words[at + 1:]
    else:
        region_at, i = [], len(words) - 1
        while i > 0 and (words[i] in REGION_WORDS or words[i] in STOPWORDS):
            if words[i] in REGION_WORDS:
                region_at.append(i)
            i -= 1
        base = [w for j, w in enumerate(words) if j not in region_at]
        region = [words[j] for j in sorted(region_at)]
    if not base or not [w for w in base if w not in STOPWORDS]:
        return key, ()
    return " ".join(base), tuple(REGION_SYNONYMS.get(w, w) for w in region if w != "regio") or (("regio",) if region else ())


def _role_rest(key: str) -> str | None:
    """The agency part of a role-at-agency name ("jeugdarts van de ggd" -> "ggd"), or None for no role form."""
    padded = f" {key} "
    found = False
    for role in ROLES:
        if f" {role} " in padded:
            padded, found = padded.replace(f" {role} ", " "), True
    if not found:
        return None
    rest = padded.split()
    while rest and rest[0] in _ROLE_LINKS:
        rest = rest[1:]
    rest = " ".join(rest)
    return rest if rest and not _generic(rest, kinds=True) else None


def _core(key: str) -> str:
    words = [w for w in key.split() if w not in STOPWORDS]
    return " ".join(words) or key


#: Two names whose letters differ more in length than this ratio (shorter / longer) are never a fuzzy match.
MIN_LENGTH_RATIO = 0.75


def _name_score(x: str, y: str) -> float:
    """Similarity of two keys (words separated by spaces): 0 when one is a part of the other, else
    the larger of ``ratio`` without spaces and ``token_sort_ratio``."""
    if x.replace(" ", "") == y.replace(" ", ""):
        return 100.0
    wx, wy = Counter(x.split()), Counter(y.split())
    if wx != wy and (not wx - wy or not wy - wx):  # every word of one name in the other: a part of a longer name
        return 0.0
    a, b = x.replace(" ", ""), y.replace(" ", "")
    if min(len(a), len(b)) < MIN_LENGTH_RATIO * max(len(a), len(b)):
        return 0.0
    return float(max(fuzz.ratio(a, b), fuzz.token_sort_ratio(x, y)))


def similarity(a, b) -> float:
    """How alike two agency names are (0–100), for fuzzy suggestions; 100 only for the same name.

    Names with the same letters up to case, accents, punctuation and spaces score 100. Otherwise
    they are compared without generic words (:data:`STOPWORDS`, e.g. "kinder- en jeugdpsychiatrie",
    "ambulant"), so that shared generic words do not make two agencies look alike. Place and region
    words (:data:`REGION_WORDS`) are not ignored: names that differ in them score 0 ("Wijkteam Noord" /
    "Wijkteam Zuid" are two teams; "Accare Zwolle" / "Accare" is decided by the regional rule of
    :func:`normalize`, which looks at all names at once).
    The score is rapidfuzz's ``ratio`` of the letters (or ``token_sort_ratio``, for the same words in
    another order), with two guards:

    * a name whose words are all in the other name scores 0: "Accare" is a *part* of
      "Accare, Wijkteam Noord" (a cell naming two agencies) and "Vroeghulp" of "Integrale
      vroeghulp" (another agency). Subset scorers (``token_set_ratio``, ``partial_ratio``,
      ``WRatio``) give such pairs 100, which merged different agencies;
    * names whose letter counts differ by more than :data:`MIN_LENGTH_RATIO` score 0, whatever the
      threshold (``ratio`` = 2·matches / (len a + len b) is at most 2r / (1 + r) for a length ratio r,
      so at the default threshold 85 this guard only matters when a lower threshold is chosen).

    Spelling differences still match: "Acare" / "Accare" (91), "Karaktr" / "Karakter" (93),
    "dyslexie centrum" / "Dyslexiecentrum" (100), "G.G.D." / "GGD" (100, see :func:`name_key`).

    Examples
    --------
    >>> similarity("Accare", "Accare, Wijkteam Noord"), similarity("GGD", "Wijkteam Noord en GGD")
    (0.0, 0.0)
    >>> round(similarity("Acare", "Accare")), similarity("Wijkteam Noord", "wijkteam zuid")
    (91, 0.0)
    """
    return _key_score(name_key(a), name_key(b))


def _key_score(ka: str, kb: str) -> float:
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return 100.0
    (base_a, place_a), (base_b, place_b) = _split_region(ka), _split_region(kb)
    if place_a != place_b:  # "Wijkteam Noord" / "Wijkteam Zuid": two teams
        return 0.0
    if place_a:  # the same place ("Fryslân" = "Friesland"): compare the rest
        ka, kb = base_a, base_b
        if ka.replace(" ", "") == kb.replace(" ", ""):
            return 100.0
    return _name_score(_core(ka), _core(kb))



#: Words written in an agency cell that mean "no agency" (compared as :func:`name_key`); a cell with no letter
#: or digit at all ("?", "-", "...") means the same.
PLACEHOLDERS = frozenset({"geen", "geen hulp", "geen instantie", "geen instanties", "geen hulpverlening", "0", "x",
                          "nee", "niets", "onbekend", "nvt", "n v t", "niet van toepassing"})


def is_placeholder(value) -> bool:
    """True for an agency cell that says there is no agency ("geen", "?", "0", "onbekend", "x", "nvt").

    Examples
    --------
    >>> [is_placeholder(v) for v in ("geen", "Geen hulp", "?", "0", "GGD")]
    [True, True, True, True, False]
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return False
    key = name_key(value)
    return key in PLACEHOLDERS or not key


#: Words that make an agency cell a person in the pupil's own network ("Jan Jansen (oom)", "oma"), not an
#: agency: such a cell counts as no agency, and its text (a name) is never published.
RELATIVES = frozenset({"oom", "tante", "opa", "oma", "moeder", "vader", "broer", "zus", "broertje", "zusje",
                       "neef", "nicht", "buurman", "buurvrouw", "stiefvader", "stiefmoeder", "pleegvader",
                       "pleegmoeder", "pleegouder", "pleegouders", "grootouders", "familie", "familielid"})


def is_relative(value) -> bool:
    """True for an agency cell that names a relative or neighbour ("Jan Jansen (oom)", "oma"), not an agency.

    Examples
    --------
    >>> [is_relative(v) for v in ("Jan Jansen (oom)", "oma", "opa en oma", "Accare", "Moeder en kind centrum Noord")]
    [True, True, True, False, False]
    """
    if not isinstance(value, str):
        return False
    bracketed = {w for part in re.findall(r"\(([^)]*)\)", value) for w in name_key(part).split()}
    words = set(name_key(value).split()) - {"en", "de", "het", "van"}
    return bool(RELATIVES & bracketed) or bool(words) and words <= RELATIVES


#: Separators that list agencies in one cell: comma, semicolon, slash, plus, line break ...
_LIST_SEP = re.compile(r"\s*(?:[,;/+]|\n|\r)\s*")
#: ... and the words "en" / "&", which also occur inside names ("Centrum voor Jeugd en Gezin").
_WORD_SEP = re.compile(r"\s+(?:en|&)\s+", re.IGNORECASE)
#: ``data.attrs`` flag set once the agency cells of a dossier table have been checked by :func:`split_cells`.
CHECKED = "agency_cells_checked"


def _split_top(text: str, pattern: re.Pattern) -> list[str]:
    """``text`` split on ``pattern`` outside brackets; "Kinder- en jeugd..." (a hyphen before "en") is not split."""
    parts, start = [], 0
    for m in pattern.finditer(text):
        before = text[:m.start()]
        if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
            continue
        if before.rstrip().endswith("-"):  # Dutch elision: "kinder- en jeugdpsychiatrie" is one name
            continue
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


class _Evidence:
    """Which texts are agency names on their own: known names (a reviewed mapping) or names written
    alone in another cell of the same column."""

    def __init__(self, cells, known, threshold):
        self.known, self.threshold = known, threshold
        base = {name_key(c) for c in cells if len(_split_top(c, _LIST_SEP)) == 1 and len(_split_top(c, _WORD_SEP)) == 1}
        self.alone = {k for k in base if k}
        # a cell such as "Bureau Jeugd en Gezin" whose halves are not names is a name on its own
        for c in cells:
            if len(_split_top(c, _LIST_SEP)) == 1 and len(_split_top(c, _WORD_SEP)) > 1 and \
                    not all(self.name(p) for p in _split_top(c, _WORD_SEP)):
                self.alone.add(name_key(c))

    def name(self, text: str) -> bool:
        key = name_key(text)
        if len(key.replace(" ", "")) < 2 or _generic(key):
            return False  # "?", "Noord", "Gezin en Jeugd": no agency on its own
        if key in self.known or key in self.alone:
            return True
        # a name with "en" in it is compared as written: without generic words "Centrum voor Jeugd en Gezin" is
        # "gezin", which would make its own half "Gezin" look like a name; "wijkteam" is a name when
        # "Wijkteam Noord" is one (the same words but the place)
        own_base, own_place = _split_region(key)
        for other in self.alone:
            base, place = _split_region(other)
            compare = _name_score if {"en", "&"} & set(other.split()) else _key_score
            if compare(key, other) >= self.threshold or place and compare(key, base) >= self.threshold or \
                    own_place and compare(own_base, other) >= self.threshold:
                return True
        return False


def _cell_parts(cell: str, evidence: _Evidence) -> tuple[list[str], list[str]]:
    """(parts, doubtful): the agencies a cell names; or ``[cell]`` and the listed parts that are no known name
    (empty when the cell is simply one name)."""
    if name_key(cell) in evidence.known:
        return [cell], []
    listed = _split_top(cell, _LIST_SEP)
    if len(listed) == 1:  # only "en" / "&": split when both sides are names, warn when one side is
        words = _split_top(cell, _WORD_SEP)
        named = [evidence.name(w) for w in words]
        if len(words) < 2 or not any(named):
            return [cell], []
        return (words, []) if all(named) else ([cell], [w for w, ok in zip(words, named) if not ok])
    parts, doubtful, generic = [], [], False
    for part in listed:
        words = _split_top(part, _WORD_SEP)
        if len(words) > 1 and all(evidence.name(w) for w in words):
            parts += words
        elif evidence.name(part):
            parts.append(part)
        elif _generic(part):  # "Accare, afdeling Zuid": a description, not another agency
            generic = True
        else:
            doubtful.append(part)
    return ([cell], doubtful) if doubtful or generic else (parts, [])


def _generic(text: str, *, kinds: bool = False) -> bool:
    """True for text of generic or place words only ("afdeling Zuid", "ambulant"), which names no agency; with
    ``kinds``, also a name of a kind of team or professional only ("wijkteam", "het sociaal team", "huisarts")."""
    return all(w in STOPWORDS or w in REGION_WORDS or (kinds and w in GENERIC_NAMES) for w in name_key(text).split())


def _join(names, lang, word=None):
    quoted = [f"'{n}'" for n in names]
    word = f" {word} " if word else " en " if lang == "nl" else " and "
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + word + quoted[-1]


def split_cells(data: pd.DataFrame, column: str = "agency_raw", *, mapping=None, report=None, rows=None,
                label: str | None = None, type_column: str = "agency_type", written=None, threshold: float = 85,
                lang: str = "nl") -> pd.DataFrame:
    """One row per agency where a file-study cell names several ("Accare, Wijkteam Noord").

    A cell is split on ``,`` ``;`` ``/`` ``+``, a line break, " en " and " & " (not inside brackets,
    not in "kinder- en jeugdpsychiatrie") only when every part is itself an agency name: a name in the
    reviewed ``mapping``, or written alone in another cell of the column (up to spelling, see
    :func:`similarity`). So "Centrum voor Jeugd en Gezin", "Bureau Jeugd en Gezin" and "Kinder- en
    Jeugdpsychiatrie" stay whole, and so does a cell the mapping lists as it is.

    Parameters
    ----------
    data : DataFrame
        A ``dossier`` table (one row per pupil × agency mention).
    column : str
        The column with agency names as written.
    mapping : DataFrame or path, optional
        Reviewed mapping (:func:`normalize`): its names count as known agencies.
    report : QualityReport, optional
        Every split cell is listed (``changed``, row and the cell as written); a cell that lists
        names of which some are unknown is kept whole and listed as a ``warning``.
    rows : Series, optional
        Row numbers in the file for the report (default: ``data["source_row"]`` or the index).
    label : str, optional
        The column as named in the file, for the report (default ``"Instantie"``).
    type_column : str
        Agency type column: emptied on split rows (it is unclear which agency it belongs to).
    written : sequence, optional
        The cells as typed, when ``column`` holds them with white space collapsed (as
        :func:`evaluatie.read_table` does): their line breaks separate names too.

    Returns
    -------
    DataFrame with the split rows in place of the cell (index repeated), ``attrs[CHECKED]`` set.

    Examples
    --------
    >>> d = pd.DataFrame({"pupil": ["p1", "p2", "p3", "p4"],
    ...                   "agency_raw": ["Accare, Wijkteam Noord", "Accare", "Wijkteam", "Centrum voor Jeugd en Gezin"]})
    >>> split_cells(d)[["pupil", "agency_raw"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['p1', 'Accare'], ['p1', 'Wijkteam Noord'], ['p2', 'Accare'], ['p3', 'Wijkteam'],
     ['p4', 'Centrum voor Jeugd en Gezin']]
    """
    from .text import t

    out = data
    if column not in data.columns:
        return out
    table = _read_mapping(mapping)
    known = {name_key(v) for v in pd.concat([table["raw"], table["agency"]]).dropna()}
    text = data[column].map(lambda v: str(v).strip() if isinstance(v, str) or pd.notna(v) else None)
    if written is not None:  # "Accare<line break>Yorneo" was read as "Accare Yorneo": split on the line break
        lines = [re.sub(r"[ \t]*[\r\n]+[ \t]*", "\n", re.sub(r"[ \t]+", " ", w)).strip() if isinstance(w, str) else None
                 for w in written]
        text = pd.Series([w if t_ and w and "\n" in w else t_ for t_, w in zip(text, lines)], index=text.index,
                         dtype=object)
    cells = sorted(v for v in set(text.dropna()) if v and not is_placeholder(v) and not is_relative(v))
    evidence = _Evidence(cells, known, threshold)
    decided = {c: _cell_parts(c, evidence) for c in cells}
    if rows is None:
        rows = data["source_row"] if "source_row" in data.columns else pd.Series(data.index, index=data.index)
    label = label or "Instantie"
    codes, uniques = pd.factorize(text.to_numpy(dtype=object), use_na_sentinel=True)
    relative = np.array([is_relative(u) for u in uniques], dtype=bool)  # "Jan Jansen (oom)": a person, no agency
    empty = np.array([not u or is_placeholder(u) for u in uniques], dtype=bool) | relative  # "geen", "?", "0"
    found = [([u], []) if empty[i] else decided.get(u, ([u], [])) for i, u in enumerate(uniques)]
    n_parts = np.array([len(p) for p, _ in found] + [1], dtype=np.int64)[codes]
    placeholder = np.append(empty & np.array([bool(u) for u in uniques], dtype=bool), False)[codes]
    doubtful = np.append(np.array([bool(d) for _, d in found], dtype=bool), False)[codes]
    n_split = int((n_parts > 1).sum())
    if report is not None:  # one line per cell that changed or needs a look, in row order
        given = data[type_column].to_numpy(dtype=object) if type_column in data.columns else None
        for pos in np.flatnonzero(placeholder | doubtful | (n_parts > 1)):
            cell = uniques[codes[pos]]
            parts, unsure = found[codes[pos]]
            if placeholder[pos] and relative[codes[pos]]:
                action, reason, cell = "changed", t("ag_relative", lang), mask_value(cell)
            elif placeholder[pos]:
                action, reason = "changed", t("ag_placeholder", lang, value=cell)
            elif unsure:
                action, reason = "warning", t("ag_maybe_several", lang, unknown=_join(unsure, lang))
            else:
                action, reason = "changed", t("ag_split", lang, n=len(parts), parts=_join(parts, lang))
                kind = given[pos] if given is not None else None
                if kind is not None and not (isinstance(kind, float) and pd.isna(kind)):
                    reason += t("ag_split_type", lang, type=kind)
            report.add(row=rows.iloc[pos], column=label, value=cell, action=action, reason=reason)
    if n_split or placeholder.any():
        positions = np.repeat(np.arange(len(data)), n_parts)
        out = data.iloc[positions].copy()
        values = data[column].to_numpy(dtype=object).copy()
        values[placeholder] = None
        if n_split:  # a split cell's row is repeated, once per agency
            expanded = []
            for pos in range(len(data)):
                expanded += found[codes[pos]][0] if n_parts[pos] > 1 else [values[pos]]
            values = np.array(expanded, dtype=object)
        out[column] = values
        if type_column in out.columns:
            out[type_column] = out[type_column].astype(object).where(~np.repeat(n_parts > 1, n_parts), None)
        if report is not None and n_split:
            report.notes.append(t("ag_split_note", lang, cells=n_split, rows=len(out), used=len(data)))
    else:
        out = data.copy()
    out.attrs[CHECKED] = True
    return out


def _read_mapping(mapping, lang: str = "nl") -> pd.DataFrame:
    if mapping is None:
        return pd.DataFrame(columns=["raw", "agency", "agency_type"])
    if isinstance(mapping, (str, Path)):
        path = Path(mapping)
        if not path.is_file():
            raise InputError(t("ag_err_mapping_missing", lang, file=path), file=path)
        frame = pd.read_excel(path, dtype=str) if path.suffix.lower() in (".xlsx", ".xlsm") else pd.read_csv(
            path, sep=None, engine="python", encoding="utf-8-sig", dtype=str)
        frame = frame.map(unescape_text)  # text written safely ('=...) reads back as it was typed
    else:
        frame = pd.DataFrame(mapping).copy()
    frame = frame.rename(columns=lambda c: {"ruw": "raw", "naam_in_dossier": "raw", "schrijfwijze_in_dossier": "raw",
                                            "instantie": "agency",
                                            "soort": "agency_type", "soort_instantie": "agency_type"}.get(
        name_key(c).replace(" ", "_"), name_key(c).replace(" ", "_")))
    missing = {"raw", "agency"} - set(frame.columns)
    if missing:
        raise InputError(t("ag_err_mapping_columns", lang, missing=", ".join(sorted(missing))))
    if "agency_type" not in frame:
        frame["agency_type"] = None
    return frame.dropna(subset=["raw", "agency"])


def normalize(names, mapping=None, *, threshold: float = 85, lang: str = "nl") -> pd.DataFrame:
    """Map raw agency names from pupil files to one name per agency, with a trace for every decision.

    Parameters
    ----------
    names : sequence or Series
        Agency names as written in the files (missing values, and words meaning "no agency" such as "geen",
        "?" or "0" (:func:`is_placeholder`), give no agency).
    mapping : DataFrame, CSV/Excel path, optional
        Reviewed mapping with columns ``raw``, ``agency`` and optionally ``agency_type`` (Dutch
        ``ruw``, ``instantie``, ``soort`` also accepted). It always wins: a name in it is never moved.
    threshold : float, default 85
        Minimum :func:`similarity` (0–100) for a fuzzy suggestion: rapidfuzz's ``ratio`` on names
        without generic words such as "kinder", "jeugdpsychiatrie", "ambulant", and
        never for a name that is only a part of a longer one ("GGD" is not "Wijkteam Noord en GGD").
    lang : {"nl", "en"}
        Language of the error messages and of ``reason`` (Dutch by default).

    Returns
    -------
    DataFrame, one row per input name, with ``raw``, ``agency``, ``agency_type``, ``method``, ``score``,
    ``needs_review`` (true for everything not confirmed by a person: not ``mapping`` or ``exact``) and
    ``reason`` (why, in words, for every name that is not written exactly as its agency). ``method`` is

    * ``mapping``: in the reviewed mapping;
    * ``exact``: the same name up to case, accents, spaces, punctuation and dots in an acronym
      ("G.G.D." = "GGD", "M.E.E." = "MEE");
    * ``fuzzy``: a spelling suggestion (:func:`similarity` at least ``threshold``);
    * ``region``: the same name but for a place or region ("GGD Fryslân" / "GGD", :data:`REGION_WORDS`),
      merged only when the data hold no other regional variant of that name and the name is not generic;
    * ``role``: a role at an agency found in the data ("jeugdarts GGD", "schoolmaatschappelijk werk
      (Stichting X)", :data:`ROLES`), counted as that agency;
    * ``ambiguous``: a bare name that may be one of several regional variants, or a generic name
      ("Wijkteam", :data:`GENERIC_NAMES`) next to a specific one ("Wijkteam Noord"): kept as its own
      name, never merged, with the candidates in ``reason``;
    * ``new``: not matched, kept as its own agency.

    Notes
    -----
    Names are processed from most to least frequent, so the most common spelling becomes the
    agency name. Suggestions (``fuzzy``, ``region``, ``role``) are applied in ``agency`` so that analyses
    can run, but flagged in ``needs_review`` until they are confirmed in the mapping file. The rules,
    in this order: mapping; exact; fuzzy (never between names with different places: "Wijkteam Noord"
    and "Wijkteam Zuid" are two teams); role; region.

    Examples
    --------
    >>> out = normalize(["GGD", "GGD", "G.G.D. Fryslân", "GGD Fryslan", "jeugdarts ggd", "Wijkteam", "Wijkteam Noord"])
    >>> out[["raw", "agency", "method"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['GGD', 'GGD', 'new'], ['GGD', 'GGD', 'new'], ['G.G.D. Fryslân', 'GGD', 'region'], ['GGD Fryslan', 'GGD', 'region'],
     ['jeugdarts ggd', 'GGD', 'role'], ['Wijkteam', 'Wijkteam', 'ambiguous'], ['Wijkteam Noord', 'Wijkteam Noord', 'new']]
    >>> out["reason"].iloc[5]
    "'Wijkteam' kan 'Wijkteam Noord' zijn; niet samengevoegd — leg het vast in de koppeltabel"
    """
    check_lang(lang)
    series = pd.Series(list(names) if not isinstance(names, pd.Series) else names, dtype=object)
    table = _read_mapping(mapping, lang)
    by_key = {name_key(r): (a, t_) for r, a, t_ in zip(table["raw"], table["agency"], table["agency_type"])}
    canon: dict[str, tuple[str, object]] = {name_key(a): (a, t_) for a, t_ in zip(table["agency"], table["agency_type"])}
    reviewed = set(canon)  # agencies of the mapping: targets of a rule, never moved by one
    present = series.dropna().map(lambda v: str(v).strip())
    present = present[(present != "") & ~present.map(lambda v: is_placeholder(v) or is_relative(v))]  # no agency
    decided: dict[str, list] = {}  # key -> [agency, type, method, score, needs_review, reason]
    owner: dict[str, str] = {}  # key -> key of its agency in canon
    first: dict[str, str] = {}  # key -> most frequent spelling
    mentions: Counter = Counter()
    for raw, n in present.value_counts(sort=True).items():  # most frequent spelling first
        key = name_key(raw)
        mentions[key] += int(n)
        if key in decided:
            continue
        first[key] = raw
        if key in by_key:
            agency, atype = by_key[key]
            decided[key], owner[key] = [agency, atype, "mapping", 100.0, False, None], name_key(agency)
            canon.setdefault(name_key(agency), (agency, atype))
        elif key in canon:
            agency, atype = canon[key]
            decided[key], owner[key] = [agency, atype, "exact", 100.0, False, None], key
        else:
            best, score = None, 0.0
            for ckey in canon:
                s = _key_score(key, ckey)
                if s > score:
                    best, score = ckey, s
            if best is not None and score >= threshold:
                agency, atype = canon[best]
                decided[key], owner[key] = [agency, atype, "fuzzy", float(score), True, None], best
            else:
                canon[key] = (raw, None)
                decided[key], owner[key] = [raw, None, "new", 100.0, True, None], key

    groups: dict[str, list[str]] = {}  # key of an agency in canon -> keys of the names it holds (not the mapping's)
    for k, o in owner.items():
        if decided[k][2] != "mapping":
            groups.setdefault(o, []).append(k)

    def members(ckey):
        return groups.get(ckey, [])

    def move(ckey, target, method, score, reason):
        agency, atype = canon[target]
        for k in groups.pop(ckey, []):
            how, why = method, reason(k)
            if decided[k][2] == "role" or ckey in ident:  # "jeugdarts GGD" into "GGD Fryslân": both reasons
                how, why = "role", t("ag_reason_role", lang, raw=first[k], agency=agency) + "; " + why
            decided[k] = [agency, atype, how, float(score), True, why]
            owner[k] = target
            groups.setdefault(target, []).append(k)

    def size(ckey):
        return sum(mentions[k] for k in members(ckey))

    # role at an agency: "jeugdarts GGD" is counted as the GGD when the GGD is in the data or the mapping
    ident = {c: _role_rest(c) for c in canon if c not in reviewed}
    ident = {c: rest for c, rest in ident.items() if rest is not None}  # role clusters -> their agency part
    targets = [(k, owner.get(k, k)) for k in dict.fromkeys([*canon, *owner]) if owner.get(k, k) not in ident]
    for ckey, rest in list(ident.items()):
        best, score = None, 0.0
        for k, target in targets:
            s = _key_score(rest, k)
            if s > score:
                best, score = target, s
        if best is not None and score >= threshold:
            del ident[ckey]
            move(ckey, best, "role", score,
                 lambda k: t("ag_reason_role", lang, raw=first[k], agency=canon[best][0]))
    # a place or region as the only difference ("GGD Fryslân" / "GGD"); never for a generic name ("Wijkteam")
    alive = [c for c in canon if c in reviewed or members(c)]
    idents = {c: ident.get(c, c) for c in alive}
    placed = [(c, _split_region(idents[c])[0]) for c in alive if _split_region(idents[c])[1]]
    for bare in alive:
        if bare in reviewed or not members(bare) or _split_region(idents[bare])[1]:
            continue
        variants = [c for c, base in placed if c != bare and (c in reviewed or members(c))
                    and _key_score(base, idents[bare]) >= threshold]
        if not variants:
            continue
        if len(variants) > 1 or _generic(idents[bare], kinds=True):
            options = [canon[c][0] for c in variants]
            for k in members(bare):
                decided[k][2], decided[k][4] = "ambiguous", True
                decided[k][5] = t("ag_reason_ambiguous", lang, raw=first[k],
                                  options=_join(options, lang, t("ag_or", lang)))
            continue
        regional = variants[0]
        score = _key_score(_split_region(idents[regional])[0], idents[bare])
        source, target = (bare, regional)
        if regional not in reviewed and bare not in ident and size(regional) < size(bare) or regional in ident:
            source, target = regional, bare
        names_ = (canon[bare][0], canon[regional][0])
        move(source, target, "region", score, lambda k: t("ag_reason_region", lang, bare=names_[0],
                                                           regional=names_[1], agency=canon[target][0]))
    rows, reasons = [], {}
    for key, (agency, atype, method, score, review, reason) in decided.items():
        if reason is None and method == "mapping":
            reason = t("ag_reason_mapping", lang)
        elif reason is None and method == "fuzzy":
            reason = t("ag_reason_fuzzy", lang, agency=agency, score=round(score))
        reasons[key] = reason
    for value in series:
        text = None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()
        if not text or is_placeholder(text) or is_relative(text):
            rows.append((value, None, None, None, float("nan"), False, None))
            continue
        key = name_key(text)
        agency, atype, method, score, review, _ = decided[key]
        reason = reasons[key]
        if method in ("exact", "new") and text != agency:  # the same name written otherwise: say so
            ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
            acronym = _ACRONYM_DOTS.search(ascii_text) or _ACRONYM_SPACES.search(ascii_text)
            reason = t("ag_reason_acronym" if acronym else "ag_reason_exact", lang, agency=agency)
        rows.append((value, agency, atype, method, score, review, reason))
    out = pd.DataFrame(rows, columns=["raw", "agency", "agency_type", "method", "score", "needs_review", "reason"],
                       index=series.index)
    return out


def review_sheet(names, path, mapping=None, *, types=None, threshold: float = 85, lang: str = "nl") -> Path:
    """Write an Excel sheet in which students check every agency name; once checked it *is* the mapping.

    Parameters
    ----------
    names : sequence or Series
        Agency names as written in the files.
    path : path
        Excel file to write (``.xlsx``).
    mapping : DataFrame or path, optional
        An earlier reviewed mapping; its names are listed as already checked.
    types : sequence or Series, optional
        Agency type written next to each name in the files; the most frequent one fills ``soort``
        where the mapping has none.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default; the sheet itself is Dutch).

    Returns
    -------
    Path of the written file. Sheet ``Koppeltabel`` has one row per distinct spelling:
    ``schrijfwijze_in_dossier``, ``aantal`` (mentions), ``instantie`` (proposal), ``soort``, ``methode``,
    ``score``, ``controleren`` (``ja`` for proposals and new names, first in the list) and ``reden`` (why a
    name was merged, or left apart as ``ambiguous``, from :func:`normalize`'s ``reason``). Correct
    ``instantie`` and ``soort`` where needed and pass the file as ``mapping`` to :func:`normalize`
    or :func:`evaluatie.nulmeting.analyze`. Sheet ``Uitleg`` explains this in Dutch.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = review_sheet(["Accare", "Accare Zwolle"], pathlib.Path(tempfile.mkdtemp()) / "controle.xlsx")
    >>> normalize(["Accare Zwolle"], mapping=p)["method"].tolist()
    ['mapping']
    """
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from .io import save_workbook

    series = pd.Series(list(names), dtype=object)
    table = normalize(series, mapping, threshold=threshold, lang=lang)
    if types is not None:
        given = pd.Series(list(types), dtype=object, index=table.index)
        table["agency_type"] = table["agency_type"].where(table["agency_type"].notna(), given)
    table = table.dropna(subset=["agency"])
    table["raw"] = table["raw"].map(lambda v: str(v).strip())
    known = table.dropna(subset=["agency_type"]).groupby("agency")["agency_type"].agg(lambda s: s.mode().iloc[0])
    table["agency_type"] = table["agency"].map(known)
    sheet = (table.groupby("raw", sort=False)
             .agg(aantal=("raw", "size"), instantie=("agency", "first"), soort=("agency_type", "first"),
                  methode=("method", "first"), score=("score", "first"), controleren=("needs_review", "first"),
                  reden=("reason", "first"))
             .reset_index().rename(columns={"raw": "schrijfwijze_in_dossier"}))
    sheet["controleren"] = sheet["controleren"].map({True: "ja", False: "nee"})
    sheet = sheet.sort_values(["controleren", "instantie", "schrijfwijze_in_dossier"], ascending=[True, True, True],
                              key=lambda s: s.str.lower() if s.name != "controleren" else s.map({"ja": 0, "nee": 1}))
    check_exportable(sheet, where=Path(path).name)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Koppeltabel"
    append_row(ws, list(sheet.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in sheet.itertuples(index=False):
        append_row(ws, row)  # names are text, never formulas
    types = sorted(set(AGENCY_TYPES.values()))
    check = DataValidation(type="list", formula1='"' + ",".join(types) + '"', allow_blank=True)
    ws.add_data_validation(check)
    check.add(f"D2:D{max(len(sheet) + 200, 2)}")
    for col, width in zip("ABCDEFGH", (40, 8, 32, 24, 10, 8, 12, 90)):
        ws.column_dimensions[col].width = width
    info = book.create_sheet("Uitleg")
    for line in (
        "Controle van instantienamen",
        "Elke rij is een schrijfwijze uit de dossiers. 'instantie' is het voorstel van de toolkit:",
        "  methode 'fuzzy' = lijkt op een bekende naam (controleer!), 'new' = nieuwe instantie, 'exact'/'mapping' = al bekend,",
        "  'region' = zelfde naam op de plaats of regio na (GGD Fryslân = GGD), alleen als er geen andere plaats bij staat,",
        "  'role' = een functie bij een instantie (jeugdarts GGD = GGD), 'ambiguous' = kan meer instanties zijn",
        "  (Wijkteam: welk wijkteam?) en is niet samengevoegd: kies zelf de juiste instantie.",
        "  De kolom 'reden' zegt waarom een naam is samengevoegd of juist niet.",
        "Wat moet je doen: controleer alle rijen met controleren = ja. Pas 'instantie' aan als het voorstel niet klopt",
        "  (twee schrijfwijzen van dezelfde organisatie krijgen dezelfde naam) en vul 'soort' in via de keuzelijst.",
        "Daarna is dit bestand de koppeltabel: geef het mee als mapping (notebook) of --koppeltabel (opdrachtregel).",
    ):
        append_row(info, [line])
    info.column_dimensions["A"].width = 110
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_workbook(book, path)
    return path
