"""Agency-name normalization: a reviewed mapping first, then rapidfuzz suggestions that are never
applied without being listed for review.

Examples
--------
>>> out = normalize(["Accare", "accare kinder- en jeugdpsychiatrie", "Accare Zwolle", "Vitree", "Vitree (ambulant)"])
>>> out[["raw", "agency", "method"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
[['Accare', 'Accare', 'new'], ['accare kinder- en jeugdpsychiatrie', 'Accare', 'fuzzy'],
 ['Accare Zwolle', 'Accare', 'fuzzy'], ['Vitree', 'Vitree', 'new'], ['Vitree (ambulant)', 'Vitree', 'fuzzy']]
"""
from __future__ import annotations

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
           "RELATIVES", "STOPWORDS",
           "PLACEHOLDERS", "MIN_LENGTH_RATIO"]

#: Words that say what kind of organisation it is or where, not which one; ignored when comparing names.
STOPWORDS = frozenset("""de het een en van voor in te op bij kinder kinderen jeugd jeugdpsychiatrie psychiatrie
ambulant ambulante team regio noord zuid oost west centrum praktijk stichting zorg hulp afdeling locatie
sociaal sociale jeugdgezondheidszorg jgz jeugdpsychiater kinderpsychiater zwolle groningen leeuwarden amsterdam rotterdam utrecht""".split())


def name_key(name) -> str:
    """Comparable form of a name: lower case, no accents or punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text)).strip()


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
    "ambulant", place names), so that shared generic words do not make two agencies look alike.
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
    "dyslexie centrum" / "Dyslexiecentrum" (100), "Accare Zwolle" / "Accare" (100: "Zwolle" is generic).

    Examples
    --------
    >>> similarity("Accare", "Accare, Wijkteam Noord"), similarity("GGD", "Wijkteam Noord en GGD")
    (0.0, 0.0)
    >>> round(similarity("Acare", "Accare")), similarity("Accare Zwolle", "accare")
    (91, 100.0)
    """
    return _key_score(name_key(a), name_key(b))


def _key_score(ka: str, kb: str) -> float:
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
        if len(key.replace(" ", "")) < 2 or not [w for w in key.split() if w not in STOPWORDS]:
            return False  # "?", "Noord", "Gezin en Jeugd": no agency on its own
        if key in self.known or key in self.alone:
            return True
        # a name with "en" in it is compared as written: without generic words "Centrum voor Jeugd en Gezin" is
        # "gezin", which would make its own half "Gezin" look like a name
        return any((_name_score(key, other) if {"en", "&"} & set(other.split()) else _key_score(key, other))
                   >= self.threshold for other in self.alone)


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


def _generic(text: str) -> bool:
    """True for text of generic words only ("afdeling Zuid", "ambulant"), which names no agency."""
    return not [w for w in name_key(text).split() if w not in STOPWORDS]


def _join(names, lang):
    quoted = [f"'{n}'" for n in names]
    word = " en " if lang == "nl" else " and "
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
        ``ruw``, ``instantie``, ``soort`` also accepted).
    threshold : float, default 85
        Minimum :func:`similarity` (0–100) for a fuzzy suggestion: rapidfuzz's ``ratio`` on names
        without generic words such as "kinder", "jeugdpsychiatrie", "ambulant" and place names, and
        never for a name that is only a part of a longer one ("GGD" is not "Wijkteam Noord en GGD").
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

    Returns
    -------
    DataFrame, one row per input name, with ``raw``, ``agency``, ``agency_type``, ``method``
    (``mapping``: in the reviewed mapping; ``exact``: same name up to case, accents and punctuation;
    ``fuzzy``: a suggestion; ``new``: not matched, kept as its own agency), ``score`` and
    ``needs_review`` (true for ``fuzzy`` and ``new``: not yet confirmed by a person).

    Notes
    -----
    Names are processed from most to least frequent, so the most common spelling becomes the
    agency name. A fuzzy match is a suggestion only: it is applied in ``agency`` so that analyses
    can run, but flagged in ``needs_review`` until it is confirmed in the mapping file.
    """
    check_lang(lang)
    series = pd.Series(list(names) if not isinstance(names, pd.Series) else names, dtype=object)
    table = _read_mapping(mapping, lang)
    by_key = {name_key(r): (a, t) for r, a, t in zip(table["raw"], table["agency"], table["agency_type"])}
    canon: dict[str, tuple[str, object]] = {name_key(a): (a, t) for a, t in zip(table["agency"], table["agency_type"])}
    present = series.dropna().map(lambda v: str(v).strip())
    present = present[(present != "") & ~present.map(lambda v: is_placeholder(v) or is_relative(v))]  # no agency
    decided: dict[str, tuple] = {}
    for raw in present.value_counts(sort=True).index:  # most frequent spelling first
        key = name_key(raw)
        if key in decided:
            continue
        if key in by_key:
            agency, atype = by_key[key]
            decided[key] = (agency, atype, "mapping", 100.0, False)
        elif key in canon:
            agency, atype = canon[key]
            decided[key] = (agency, atype, "exact", 100.0, False)
        else:
            best, score = None, 0.0
            for ckey in canon:
                s = _key_score(key, ckey)
                if s > score:
                    best, score = ckey, s
            if best is not None and score >= threshold:
                agency, atype = canon[best]
                decided[key] = (agency, atype, "fuzzy", float(score), True)
            else:
                canon[key] = (raw, None)
                decided[key] = (raw, None, "new", 100.0, True)
    rows = []
    for value in series:
        text = None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()
        if not text or is_placeholder(text) or is_relative(text):
            rows.append((value, None, None, None, float("nan"), False))
        else:
            rows.append((value, *decided[name_key(text)]))
    out = pd.DataFrame(rows, columns=["raw", "agency", "agency_type", "method", "score", "needs_review"],
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
    ``score`` and ``controleren`` (``ja`` for proposals and new names, first in the list). Correct
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
                  methode=("method", "first"), score=("score", "first"), controleren=("needs_review", "first"))
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
    for col, width in zip("ABCDEFG", (40, 8, 32, 24, 10, 8, 12)):
        ws.column_dimensions[col].width = width
    info = book.create_sheet("Uitleg")
    for line in (
        "Controle van instantienamen",
        "Elke rij is een schrijfwijze uit de dossiers. 'instantie' is het voorstel van de toolkit:",
        "  methode 'fuzzy' = lijkt op een bekende naam (controleer!), 'new' = nieuwe instantie, 'exact'/'mapping' = al bekend.",
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
