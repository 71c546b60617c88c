"""Questionnaires: what parents, teachers and care coordinators answer, before and after.

A questionnaire comes as the ``survey`` table (one row per respondent × wave, one column per item)
plus a *codebook* that says per item its text, answer scale, whether it is reverse-coded and which
construct (scale) it belongs to. :func:`prepare` maps Dutch answer labels ("helemaal mee oneens" …
"helemaal mee eens") to numbers, keeps "weet niet / n.v.t." apart from missing (never averaged in),
reverse-codes, and reports every answer it could not use. On top of that:

* :func:`likert_summary` — distribution, n, % (dis)agree and median per item, optionally by group or
  wave, with a diverging stacked bar chart;
* :func:`reliability` — Cronbach's alpha with its Feldt interval and McDonald's omega, item–rest
  correlations and alpha-if-deleted;
* :func:`scale_scores` — construct scores with a minimum-items rule;
* :func:`compare` — pre/post (paired) and group comparisons with the test that fits the data and
  effect sizes with intervals, corrected for multiple testing;
* :func:`response` — response per group and wave, and respondents matched across waves;
* :func:`score_sdq` — scoring of the Strengths and Difficulties Questionnaire.

Examples
--------
>>> from evaluatie import synthetic
>>> data, truth = synthetic.survey(seed=1)
>>> s = prepare(data, synthetic.survey_codebook())
>>> round(reliability(s, construct="samenwerking").alpha, 2)
0.9
"""
from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from .errors import InputError
from .privacy import count_text, small_count
from .quality import QualityReport
from .schemas import missing_columns_message
from .text import check_lang, format_number, format_p, t

__all__ = ["SCALES", "Scale", "read_codebook", "prepare", "SurveyData", "likert_summary", "LikertSummary",
           "reliability", "Reliability", "scale_scores", "compare", "Comparison", "response", "score_sdq",
           "sdq_codebook", "SDQ_CUTOFFS", "SDQ_NORMS_NL", "SDQ_NORMS_NL_2018", "SDQ_NORMS", "plot_likert", "harmonize_labels",
           "WAVE_SYNONYMS"]


# ------------------------------------------------------------------------------ answer scales
@dataclass(frozen=True)
class Scale:
    """An answer scale: numeric range and the labels (Dutch and English) that map onto it.

    ``low`` and ``high`` are the values counted as "(dis)agree" in :func:`likert_summary`.
    """

    name: str
    minimum: int
    maximum: int
    labels: dict = field(default_factory=dict)
    low: tuple = ()
    high: tuple = ()

    @property
    def values(self) -> list[int]:
        return list(range(self.minimum, self.maximum + 1))


_L5 = {"helemaal mee oneens": 1, "helemaal oneens": 1, "zeer mee oneens": 1, "mee oneens": 2, "oneens": 2,
       "neutraal": 3, "niet mee eens, niet mee oneens": 3, "niet eens, niet oneens": 3, "eens noch oneens": 3,
       "mee eens": 4, "eens": 4, "helemaal mee eens": 5, "helemaal eens": 5, "zeer mee eens": 5,
       "strongly disagree": 1, "disagree": 2, "neither agree nor disagree": 3, "neutral": 3, "agree": 4,
       "strongly agree": 5}
_L4 = {"helemaal mee oneens": 1, "helemaal oneens": 1, "mee oneens": 2, "oneens": 2, "mee eens": 3, "eens": 3,
       "helemaal mee eens": 4, "helemaal eens": 4, "strongly disagree": 1, "disagree": 2, "agree": 3,
       "strongly agree": 4}
#: Answer scales a codebook can name. Add your own with :class:`Scale`.
SCALES: dict[str, Scale] = {
    "likert5": Scale("likert5", 1, 5, _L5, low=(1, 2), high=(4, 5)),
    "likert4": Scale("likert4", 1, 4, _L4, low=(1, 2), high=(3, 4)),
    "sdq": Scale("sdq", 0, 2, {"niet waar": 0, "een beetje waar": 1, "beetje waar": 1, "zeker waar": 2,
                               "not true": 0, "somewhat true": 1, "certainly true": 2}, low=(0,), high=(2,)),
    "sdq_impact": Scale("sdq_impact", 0, 3, {"helemaal niet": 0, "nee": 0, "een beetje": 1, "beetje": 1,
                                              "een beetje maar": 1, "behoorlijk": 2, "tamelijk": 2, "heel erg": 3,
                                              "not at all": 0, "only a little": 1, "quite a lot": 2,
                                              "a great deal": 3}, low=(0,), high=(2, 3)),
    # the SDQ's overall question ("... moeilijkheden ...?"): 0 = no, 1-3 = minor / definite / severe
    "sdq_moeilijkheden": Scale("sdq_moeilijkheden", 0, 3, {
        "nee": 0, "ja, kleine moeilijkheden": 1, "ja, duidelijke moeilijkheden": 2, "ja, ernstige moeilijkheden": 3,
        "no": 0, "yes - minor difficulties": 1, "yes - definite difficulties": 2, "yes - severe difficulties": 3},
        low=(0,), high=(2, 3)),
    "ja_nee": Scale("ja_nee", 0, 1, {"nee": 0, "ja": 1, "no": 0, "yes": 1}, low=(0,), high=(1,)),
    "cijfer": Scale("cijfer", 1, 10, {}, low=(1, 2, 3, 4, 5), high=(8, 9, 10)),
}
#: Answers that mean "don't know / not applicable": kept apart, never averaged in, never missing.
DONT_KNOW = frozenset({"weet niet", "weet ik niet", "n.v.t.", "nvt", "n.v.t", "niet van toepassing", "geen mening",
                       "geen idee", "don't know", "dont know", "do not know", "not applicable", "n/a", "na"})
_MISSING = frozenset({"", "-", "."})
#: Known Dutch (and English) names of the two waves of a before/after questionnaire, by
#: :func:`evaluatie.schemas.normalize_header` key. Used only when *every* wave label of a file is one of them.
WAVE_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("voor", "voormeting", "vooraf", "0meting", "nulmeting", "t0", "begin", "beginmeting",
                     "start", "startmeting", "pre", "premeting", "baseline", "before"), "voor"),
    **dict.fromkeys(("na", "nameting", "achteraf", "1meting", "t1", "eind", "eindmeting", "einde", "post",
                     "postmeting", "after"), "na"),
}


def harmonize_labels(values: pd.Series, *, waves: bool = False) -> tuple[pd.Series, dict]:
    """Merge spellings of one label: case and white space only (``'Leerkracht'``/``'leerkracht '``), and for
    waves the known synonyms of :data:`WAVE_SYNONYMS` (``'0-meting'``, ``'T0'`` → ``voor``).

    Case variants become the most frequent spelling (the first one on a tie). Wave synonyms are applied
    only when every wave label is a known synonym (``T0``/``T1``/``T2`` is a three-wave design, left as is).

    Parameters
    ----------
    values : Series
        Labels, one per row (missing allowed).
    waves : bool, default False
        Also map the wave synonyms.

    Returns
    -------
    (Series, dict)
        The harmonized labels and ``{old label: new label}`` for every label that changed.

    Examples
    --------
    >>> s, changed = harmonize_labels(pd.Series(["voor", "Voor", "0-meting", "na", "T1"]), waves=True)
    >>> s.tolist(), changed
    (['voor', 'voor', 'voor', 'na', 'na'], {'Voor': 'voor', '0-meting': 'voor', 'T1': 'na'})
    >>> harmonize_labels(pd.Series(["ouder", "Ouder", "ouder", "ouders"]))[1]
    {'Ouder': 'ouder'}
    """
    from .schemas import normalize_header

    text = values.dropna().astype(str)
    if text.empty:
        return values, {}
    counts = text.value_counts(sort=False)
    order = list(dict.fromkeys(text))
    target: dict = {}
    keys = {v: normalize_header(v) for v in order}
    if waves and all(k in WAVE_SYNONYMS for k in keys.values()):
        target = {v: WAVE_SYNONYMS[keys[v]] for v in order}
    else:
        folded: dict = {}
        for v in order:
            folded.setdefault(re.sub(r"\s+", " ", v.strip()).casefold(), []).append(v)
        for spellings in folded.values():
            best = max(spellings, key=lambda v: (counts[v], -spellings.index(v)))
            target.update({v: best for v in spellings})
    changed = {v: w for v, w in target.items() if v != w}
    if not changed:
        return values, {}
    return values.map(lambda v: changed.get(v, v) if isinstance(v, str) else v), changed


def harmonize_respondent_labels(data: pd.DataFrame, columns: dict, report: QualityReport, lang: str,
                                rows=None) -> pd.DataFrame:
    """Harmonize the wave and group labels of a survey table in place of a copy; each change, and more than
    two waves, noted in ``report``. ``columns``: role (``"wave"``/``"group"``) → (column, label for messages).
    ``rows``: row numbers per row (default: the index)."""
    rows = pd.Series(data.index if rows is None else rows, index=data.index)
    out = data
    for role, (col, label) in columns.items():
        if col is None or col not in data.columns:
            continue
        new, changed = harmonize_labels(data[col], waves=role == "wave")
        if changed:
            out = out.copy() if out is data else out
            out[col] = new
            parts = []
            for old, value in changed.items():
                at = rows[(data[col] == old).to_numpy()]
                shown = ", ".join(map(str, at.iloc[:8])) + (f" … (+{len(at) - 8})" if len(at) > 8 else "")
                parts.append(t("sv_label_change", lang, old=old, new=value, n=len(at), rows=shown))
            report.notes.append(t(f"sv_{role}_harmonized", lang, column=label, changes="; ".join(parts)))
        if role == "wave":
            distinct = list(dict.fromkeys(out[col].dropna()))
            note = t("sv_many_waves", lang, column=label, n=len(distinct), waves=", ".join(map(str, distinct)))
            if len(distinct) > 2 and note not in report.notes:
                report.notes.append(note)
    return out

_CODEBOOK_ALIASES = {
    "item": ("item", "vraag", "variabele", "kolom", "vraagcode", "code"),
    "text": ("text", "tekst", "vraagtekst", "omschrijving", "stelling", "label"),
    "scale": ("scale", "schaal", "antwoordschaal", "antwoordcategorieen", "type"),
    "reversed": ("reversed", "omgescoord", "omgekeerd", "gespiegeld", "reverse", "omscoren"),
    "construct": ("construct", "dimensie", "subschaal", "schaalnaam", "thema", "onderwerp"),
}
_TRUE = {"1", "ja", "j", "yes", "y", "true", "waar", "x"}
_FALSE = {"0", "nee", "n", "no", "false", "onwaar", "", "nan", "none"}


def _norm(text) -> str:
    return re.sub(r"[\s_\-]+", " ", str(text).strip().lower())


def _key(text) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower().replace("ë", "e"))


def read_codebook(source, *, lang: str = "nl") -> pd.DataFrame:
    """Read and check a codebook: one row per item with ``item, text, scale, reversed, construct``.

    Parameters
    ----------
    source : path or DataFrame
        CSV (``;`` or ``,``) or Excel file, or a DataFrame. Dutch headers are recognised
        (``vraag``, ``vraagtekst``, ``schaal``, ``omgescoord``, ``construct`` …). ``scale`` names one
        of :data:`SCALES` (default ``likert5``); ``reversed`` is ja/nee; ``construct`` may be empty.
    lang : {"nl", "en"}

    Returns
    -------
    DataFrame with the five columns, ``reversed`` boolean.

    Raises
    ------
    InputError
        Missing ``item`` column, an unknown scale, a duplicate item or an unreadable ``reversed``
        value, naming the row.

    Examples
    --------
    >>> cb = read_codebook(pd.DataFrame({"Vraag": ["v1", "v2"], "Omgescoord": ["nee", "ja"]}))
    >>> cb[["item", "scale", "reversed"]].to_dict("records")
    [{'item': 'v1', 'scale': 'likert5', 'reversed': False}, {'item': 'v2', 'scale': 'likert5', 'reversed': True}]
    """
    check_lang(lang)
    name = "codeboek" if lang == "nl" else "codebook"
    if isinstance(source, pd.DataFrame):
        raw = source.astype(object).copy()
    else:
        path = Path(source)
        name = path.name
        if not path.is_file():
            raise InputError(t("file_not_found", lang, file=path, cwd=Path.cwd()), file=path)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raw = pd.read_excel(path, dtype=object)
        else:
            raw = pd.read_csv(path, sep=None, engine="python", dtype=object, encoding="utf-8-sig")
    columns = {}
    for col in raw.columns:
        for canon, aliases in _CODEBOOK_ALIASES.items():
            if canon not in columns.values() and _key(col) in aliases:
                columns[col] = canon
    if "item" not in columns.values():
        raise InputError(t("sv_codebook_no_item", lang, file=name, columns=", ".join(map(str, raw.columns))),
                         file=name, column="item")
    cb = raw[list(columns)].rename(columns=columns)
    for col, default in (("text", None), ("scale", "likert5"), ("reversed", False), ("construct", None)):
        if col not in cb.columns:
            cb[col] = default
    cb = cb[["item", "text", "scale", "reversed", "construct"]]
    cb = cb[cb["item"].notna() & (cb["item"].astype(str).str.strip() != "")].copy()
    cb["item"] = cb["item"].astype(str).str.strip()
    cb["scale"] = cb["scale"].fillna("likert5").astype(str).str.strip().str.lower().replace("", "likert5")
    rows = cb.index + 2  # row numbers as in the file (header is row 1)
    unknown = ~cb["scale"].isin(list(SCALES))
    if unknown.any():
        i = int(np.flatnonzero(unknown)[0])
        raise InputError(t("sv_unknown_scale", lang, file=name, row=rows[i], value=cb["scale"].iloc[i],
                           allowed=", ".join(SCALES)), file=name, row=int(rows[i]), column="scale")
    dup = cb["item"].duplicated()
    if dup.any():
        i = int(np.flatnonzero(dup)[0])
        raise InputError(t("sv_duplicate_item", lang, file=name, row=rows[i], item=cb["item"].iloc[i]),
                         file=name, row=int(rows[i]), column="item")
    rev = cb["reversed"].map(lambda v: _norm(v) if not isinstance(v, bool) else ("ja" if v else "nee"))
    bad = ~rev.isin(_TRUE | _FALSE)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(t("sv_bad_reversed", lang, file=name, row=rows[i], value=cb["reversed"].iloc[i]),
                         file=name, row=int(rows[i]), column="reversed")
    cb["reversed"] = rev.isin(_TRUE)
    cb["construct"] = cb["construct"].where(cb["construct"].notna(), None)
    return cb.reset_index(drop=True)


# ------------------------------------------------------------------------------ prepared data
@dataclass(frozen=True)
class SurveyData:
    """A questionnaire ready for analysis (made by :func:`prepare`).

    Attributes
    ----------
    answers : DataFrame
        Respondent columns (respondent, group, wave, unit if present) and one numeric column per item,
        as answered (not reverse-coded); missing and "weet niet" are NaN here.
    dont_know : DataFrame
        Boolean, same index and item columns: True where the answer was "weet niet / n.v.t.".
    codebook : DataFrame
        The codebook rows of the items used.
    report : QualityReport
        Every answer that could not be used, and items not in the codebook.
    respondent, group, wave : str
        Column names of the respondent roles.
    """

    answers: pd.DataFrame
    dont_know: pd.DataFrame
    codebook: pd.DataFrame
    report: QualityReport
    respondent: str = "respondent"
    group: str | None = "group"
    wave: str | None = "wave"

    @property
    def items(self) -> list[str]:
        return list(self.codebook["item"])

    @property
    def meta(self) -> list[str]:
        return [c for c in self.answers.columns if c not in self.items]

    def coded(self) -> pd.DataFrame:
        """Answers with reverse-coded items turned around (``min + max - x``), for scale scores."""
        out = self.answers.copy()
        for row in self.codebook.itertuples(index=False):
            if row.reversed:
                s = SCALES[row.scale]
                out[row.item] = s.minimum + s.maximum - out[row.item]
        return out

    def construct_items(self, construct: str | None = None) -> list[str]:
        """Items of ``construct`` (all items when None)."""
        if construct is None:
            return self.items
        items = list(self.codebook.loc[self.codebook["construct"] == construct, "item"])
        if not items:
            known = sorted(c for c in self.codebook["construct"].dropna().unique())
            raise InputError(t("bad_option", value=construct, param="construct", allowed=", ".join(known)))
        return items

    @property
    def constructs(self) -> list[str]:
        return list(dict.fromkeys(self.codebook["construct"].dropna()))


def _codes_for(values: pd.Series, scale: Scale):
    """Numeric codes, a don't-know mask and a mask of unusable cells for one item column (vectorized)."""
    text = values.astype("string").str.strip().str.lower().str.replace(r"\s+", " ", regex=True)
    missing = values.isna() | text.isin(_MISSING).fillna(True)
    dont_know = text.isin(DONT_KNOW).fillna(False) & ~missing
    numeric = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    labelled = text.map(scale.labels) if scale.labels else pd.Series(np.nan, index=values.index)
    code = numeric.where(numeric.notna(), pd.to_numeric(labelled, errors="coerce")).astype(float)
    in_scale = code.isin(scale.values)
    bad = ~missing & ~dont_know & ~in_scale
    return code.where(in_scale), dont_know.astype(bool), bad.astype(bool)


def _worded_item(values: pd.Series, share: float = 0.8) -> bool:
    """True for a text column whose answers are mostly five-point answers (``mee eens``, ``3``) or 'weet niet'."""
    if pd.api.types.is_numeric_dtype(values):
        return False
    code, dont_know, bad = _codes_for(values, SCALES["likert5"])
    answered = int(code.notna().sum()) + int(dont_know.sum()) + int(bad.sum())
    labelled = values.astype("string").str.strip().str.lower().isin(list(SCALES["likert5"].labels or {})).fillna(False)
    return bool(answered and labelled.any() and (code.notna().sum() + dont_know.sum()) >= share * answered)


def prepare(data: pd.DataFrame, codebook=None, *, respondent: str = "respondent", group: str | None = "group",
            wave: str | None = "wave", report: QualityReport | None = None, lang: str = "nl") -> SurveyData:
    """Map answers to numbers with a codebook; keep "weet niet" apart; report what cannot be used.

    Parameters
    ----------
    data : DataFrame
        The ``survey`` table (e.g. from ``read_table(path, kind="survey")``): respondent, group, wave
        and one column per item (numbers or Dutch answer labels).
    codebook : path or DataFrame, optional
        See :func:`read_codebook`. Without one, every numeric column that is not a respondent column
        is taken as a ``likert5`` item (a note says so).
    respondent, group, wave : str
        Column names; ``group`` and ``wave`` may be None.
    report : QualityReport, optional
        The loader's report, to which this step adds its entries (default: a new one).
    lang : {"nl", "en"}

    Returns
    -------
    SurveyData

    Notes
    -----
    Answers outside the scale, text that is no known label, and a second answer of the same
    respondent in the same wave are never used silently: each is listed in the report (row, item,
    value, reason). Items in the data but not in the codebook are not analysed (a note names them);
    codebook items missing from the data are named too.

    Examples
    --------
    >>> d = pd.DataFrame({"respondent": ["a", "b", "c"], "wave": ["voor"] * 3,
    ...                   "v1": ["mee eens", "weet niet", 7]})
    >>> s = prepare(d, pd.DataFrame({"item": ["v1"]}), group=None)
    >>> s.answers["v1"].tolist(), s.dont_know["v1"].tolist()
    ([4.0, nan, nan], [False, True, False])
    """
    check_lang(lang)
    meta = [c for c in (respondent, group, wave) if c is not None]
    missing_cols = [c for c in meta if c not in data.columns]
    if missing_cols:
        raise InputError(missing_columns_message(data, missing_cols, "survey", lang), column=missing_cols[0])
    report = report if report is not None else QualityReport(source=data.attrs.get("source", ""), kind="survey",
                                                             n_read=len(data), lang=lang)
    extra_meta = [c for c in ("unit", "source_row") if c in data.columns and c not in meta]
    labels = data.attrs.get("labels", {})
    data = harmonize_respondent_labels(
        data, {"wave": (wave, labels.get("wave", wave)), "group": (group, labels.get("group", group))}, report, lang,
        rows=data["source_row"] if "source_row" in data.columns else None)
    if codebook is None:
        numeric = [c for c in data.columns if c not in meta + extra_meta and pd.api.types.is_numeric_dtype(data[c])]
        # answers written as labels ('mee eens'): a column counts when most of its answers are five-point answers
        worded = [c for c in data.columns if c not in meta + extra_meta + numeric and _worded_item(data[c])]
        candidates = [c for c in data.columns if c in numeric or c in worded]
        cb = pd.DataFrame({"item": candidates, "text": None, "scale": "likert5", "reversed": False, "construct": None})
        if worded:
            report.notes.append(t("sv_no_codebook_worded", lang, items=", ".join(map(str, candidates))))
        elif candidates:
            report.notes.append(t("sv_no_codebook", lang, items=", ".join(map(str, candidates))))
    else:
        cb = read_codebook(codebook, lang=lang)
        data = _items_by_header(data, cb, meta, report, lang)
        extra_meta = [c for c in ("unit", "source_row") if c in data.columns and c not in meta]
    absent = [i for i in cb["item"] if i not in data.columns]
    if absent:
        report.notes.append(t("sv_items_absent", lang, items=", ".join(absent)))
        cb = cb[~cb["item"].isin(absent)].reset_index(drop=True)
    if cb.empty:  # name the columns as the file heads them, without the loader's own row-number column
        headers = ", ".join(str(labels.get(c) or c) for c in data.columns if c != "source_row")
        raise InputError(t("sv_no_items" if codebook is not None else "sv_no_items_no_codebook", lang,
                           columns=headers))
    unused = [c for c in data.columns if c not in meta + extra_meta + list(cb["item"])]
    if codebook is not None and unused:
        report.notes.append(t("sv_items_unused", lang, items=", ".join(map(str, unused))))
    rownum = data["source_row"] if "source_row" in data.columns else pd.Series(data.index, index=data.index)

    keys = [c for c in (respondent, wave) if c is not None]
    dup = data.duplicated(subset=keys, keep="first")
    for idx in data.index[dup]:
        report.add(row=rownum[idx], column=respondent, value="", action="dropped",
                   reason=t("sv_duplicate_respondent", lang))
    frame = data.loc[~dup]
    answers = frame[meta + extra_meta].copy()
    dont_know = pd.DataFrame(index=frame.index)
    for row in cb.itertuples(index=False):
        code, dk, bad = _codes_for(frame[row.item], SCALES[row.scale])
        answers[row.item] = code
        dont_know[row.item] = dk
        s = SCALES[row.scale]
        for idx in frame.index[bad]:
            report.add(row=rownum[idx], column=row.item, value=frame.at[idx, row.item], action="changed",
                       reason=t("sv_out_of_scale", lang, lo=s.minimum, hi=s.maximum, scale=s.name))
    n_dk = int(dont_know.to_numpy().sum())
    if n_dk:
        report.notes.append(t("sv_dont_know", lang, n=n_dk))
    return SurveyData(answers, dont_know, cb, report, respondent, group, wave)


def _items_by_header(data: pd.DataFrame, cb: pd.DataFrame, meta: list[str], report: QualityReport,
                     lang: str) -> pd.DataFrame:
    """Find codebook items under another header: the question text (as MS Forms exports it), or a column
    the loader took for the school column because its header names an item (the item wins; the loader's
    school checks on it are withdrawn from ``report``)."""
    texts = {}
    for row in cb.itertuples(index=False):
        if row.item not in data.columns:
            for key in {_key(row.item), _key(row.text) if isinstance(row.text, str) else ""} - {""}:
                texts.setdefault(key, row.item)
    if not texts:
        return data
    labels = data.attrs.get("labels", {})
    rename = {}
    if "unit" in data.columns and "unit" not in meta:
        header = labels.get("unit", "unit")
        item = texts.get(_key(header))
        if item is not None:
            rename["unit"] = item
            report.entries[:] = [e for e in report.entries if not (e["column"] == header and e["action"] == "warning")]
            if report.unit_column == header:
                report.row_units, report.unit_column = {}, ""
            report.notes.append(t("sv_unit_is_item", lang, column=header, item=item))
    for col in data.columns:
        item = texts.get(_key(col))
        if col not in meta and col != "unit" and item is not None and item not in rename.values():
            rename[col] = item
            report.notes.append(t("sv_item_by_text", lang, column=col, item=item))
    return data.rename(columns=rename) if rename else data


def _as_survey(data, items, lang) -> SurveyData:
    if isinstance(data, SurveyData):
        return data
    if not isinstance(data, pd.DataFrame):
        raise InputError(t("bad_option", lang, value=type(data).__name__, param="data",
                           allowed="DataFrame, SurveyData"))
    items = list(items) if items is not None else [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])]
    cb = pd.DataFrame({"item": items, "text": None, "scale": "likert5", "reversed": False, "construct": None})
    meta = [c for c in data.columns if c not in items]
    answers = pd.concat([data[meta], data[items].apply(pd.to_numeric, errors="coerce")], axis=1)
    dk = pd.DataFrame(False, index=data.index, columns=items)
    return SurveyData(answers, dk, cb, QualityReport(n_read=len(data), lang=lang),
                      *(c if c in data.columns else None for c in ("respondent", "group", "wave")))


# ------------------------------------------------------------------------------ Likert summaries
@dataclass(frozen=True)
class LikertSummary:
    """Per item (and group/wave): distribution of answers, n, % (dis)agree, median. See :func:`likert_summary`."""

    table: pd.DataFrame
    by: str | None
    scale: Scale
    min_n: int
    lang: str = "nl"

    def to_frame(self) -> pd.DataFrame:
        """Tidy table: ``item, text, [by], n, n_dont_know, n_missing, p_<value>…, p_disagree, p_agree, median``."""
        return self.table.copy()

    def summary(self, lang: str | None = None) -> pd.DataFrame:
        """The table as people read it: Dutch headers, percentages rounded, small groups not shown."""
        lang = check_lang(lang or self.lang)
        tab = self.table
        out = pd.DataFrame({t("sv_col_item", lang): tab["text"].fillna(tab["item"])})
        if self.by:
            out[self.by] = tab[self.by]
        out[t("sv_col_n", lang)] = tab["n"].astype(int)
        out[t("sv_col_dk", lang)] = tab["n_dont_know"].astype(int)
        small = tab["n"] < self.min_n
        for col, key in (("p_disagree", "sv_col_disagree"), ("p_agree", "sv_col_agree")):
            out[t(key, lang)] = [("–" if s else format_number(100 * v, 0, lang) + "%") for v, s in zip(tab[col], small)]
        out[t("sv_col_median", lang)] = [("–" if s else format_number(v, 1, lang)) for v, s in
                                         zip(tab["median"], small)]
        return out.reset_index(drop=True)

    def plot(self, ax=None, *, title: str | None = None, detail: str = "protected", min_cell: int | None = None):
        """Diverging stacked bars (disagree left, agree right, neutral split around 0). Returns the Axes.

        ``detail="protected"`` (default) shows no share of fewer than ``min_cell`` answers; ``"full"``
        draws every category, for the researcher (see :func:`plot_likert`).
        """
        return plot_likert(self, ax=ax, title=title, detail=detail, min_cell=min_cell)

    def protection_note(self, min_cell: int | None = None) -> str:
        """For a caption: what the protected figure merged or left out ('' when it draws every category)."""
        _, plan = _likert_plan(self, "protected", min_cell)
        if not (plan.collapsed or plan.protected):
            return ""
        parts = [t("sv_caption_collapsed", self.lang, k=plan.min_cell)] if plan.collapsed else []
        if plan.protected:
            parts.append(t("sv_caption_protected", self.lang, k=plan.min_cell))
        return " ".join(parts)


def likert_summary(data, items=None, *, by: str | None = None, construct: str | None = None, min_n: int = 5,
                   lang: str = "nl") -> LikertSummary:
    """Distribution of answers per item: n, "weet niet", % (dis)agree and median, optionally per group or wave.

    Parameters
    ----------
    data : SurveyData or DataFrame
        From :func:`prepare` (recommended: knows labels, scales and "weet niet"), or a DataFrame
        with numeric items (then ``items`` names them and the scale is 1–5).
    items : list of str, optional
        Items to summarise; default all (or those of ``construct``).
    by : str, optional
        Column to split by: ``"group"`` or ``"wave"``.
    construct : str, optional
        Only the items of this construct.
    min_n : int, default 5
        Percentages based on fewer valid answers are not shown in ``summary()`` and the figure.
    lang : {"nl", "en"}

    Returns
    -------
    LikertSummary
        ``p_disagree`` and ``p_agree`` are shares of the valid answers (not of "weet niet").

    Examples
    --------
    >>> d = pd.DataFrame({"v1": [1, 2, 4, 5, 5, np.nan]})
    >>> row = likert_summary(d, ["v1"]).to_frame().iloc[0]
    >>> [round(float(row[c]), 2) for c in ["n", "n_missing", "p_disagree", "p_agree", "median"]]
    [5.0, 1.0, 0.4, 0.6, 4.0]
    """
    check_lang(lang)
    s = _as_survey(data, items, lang)
    items = list(items) if items is not None else s.construct_items(construct)
    scales = {SCALES[sc].name for sc in s.codebook.set_index("item").loc[items, "scale"]}
    if len(scales) > 1:
        raise InputError(t("sv_mixed_scales", lang, scales=", ".join(sorted(scales))))
    scale = SCALES[scales.pop()]
    if by is not None and by not in s.answers.columns:
        raise InputError(t("bad_option", lang, value=by, param="by", allowed=", ".join(s.meta)))
    texts = s.codebook.set_index("item")["text"]
    long = s.answers[([by] if by else []) + items].melt(id_vars=[by] if by else [], var_name="item", value_name="x")
    long["dk"] = s.dont_know[items].melt(value_name="dk")["dk"].to_numpy()
    keys = ["item"] + ([by] if by else [])
    grouped = long.groupby(keys, sort=False, observed=True)
    table = grouped.agg(n=("x", "count"), n_dont_know=("dk", "sum"), n_rows=("x", "size"), median=("x", "median"),
                        mean=("x", "mean")).reset_index()
    table["n_missing"] = table["n_rows"] - table["n"] - table["n_dont_know"]
    counts = pd.crosstab([long[k] for k in keys], long["x"]).reindex(columns=[float(v) for v in scale.values],
                                                                      fill_value=0)
    shares = counts.div(counts.sum(axis=1).replace(0, np.nan), axis=0)
    shares.columns = [f"p_{int(v)}" for v in scale.values]
    table = table.merge(shares.reset_index(), on=keys, how="left")
    table["p_disagree"] = table[[f"p_{v}" for v in scale.low]].sum(axis=1, min_count=1)
    table["p_agree"] = table[[f"p_{v}" for v in scale.high]].sum(axis=1, min_count=1)
    table.insert(1, "text", table["item"].map(texts))
    cols = ["item", "text"] + ([by] if by else []) + ["n", "n_dont_know", "n_missing"] + list(shares.columns) + [
        "p_disagree", "p_agree", "median", "mean"]
    table = table[cols].astype({"n": float, "n_dont_know": float, "n_missing": float})
    return LikertSummary(table, by, scale, min_n, lang)


_LIKERT_COLOURS = {2: ["#D55E00", "#0072B2"], 3: ["#D55E00", "#BBBBBB", "#0072B2"],
                   4: ["#D55E00", "#E69F00", "#56B4E9", "#0072B2"],
                   5: ["#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2"]}


#: Colours of the three collapsed groups (disagree, neutral, agree) and of a protected segment.
_COLLAPSED_COLOURS = ("#D55E00", "#BBBBBB", "#0072B2")
_HIDDEN_COLOUR = "#F2F2F2"


@dataclass(frozen=True)
class _LikertPlan:
    """What a Likert figure draws: segment names/colours/sides, per row the segments, and what was protected."""

    names: list        # legend label per segment
    colours: list
    sides: list        # -1 disagree, 0 neutral (split around 0), +1 agree
    rows: list         # per shown row: list of (segment index or None for the protected block, share)
    collapsed: bool    # five (or four) categories merged to disagree / neutral / agree
    protected: int     # rows with a protected block
    hidden_rows: int   # rows not drawn at all (fewer than min_n answers)
    min_cell: int


def _likert_plan(summary: LikertSummary, detail: str, min_cell: int | None) -> tuple[pd.DataFrame, _LikertPlan]:
    """The rows a Likert figure shows and how (see :func:`plot_likert`)."""
    lang = summary.lang
    if detail not in ("protected", "full"):
        raise InputError(t("bad_option", lang, value=detail, param="detail", allowed="protected, full"))
    k = summary.min_n if min_cell is None else int(min_cell)
    tab = summary.table[summary.table["n"] >= summary.min_n]
    scale = summary.scale
    values = scale.values
    if len(values) > 5:
        raise InputError(t("sv_plot_scale", lang, scale=scale.name))
    shares = tab[[f"p_{v}" for v in values]].fillna(0).to_numpy(float)
    counts = np.rint(shares * tab["n"].to_numpy(float)[:, None]).astype(int)  # answers per category
    mid = (len(values) - 1) / 2
    names = [_label_name(scale, v, lang) for v in values]
    colours = list(_LIKERT_COLOURS[len(values)])
    sides = [-1 if i < mid else 1 if i > mid else 0 for i in range(len(values))]
    small = lambda c: (c > 0) & (c < k)  # noqa: E731
    collapsed = False
    if detail == "protected" and small(counts).any() and scale.low and scale.high:
        groups = [list(scale.low), [v for v in values if v not in scale.low and v not in scale.high], list(scale.high)]
        keep = [g for g in groups if g]
        idx = [[values.index(v) for v in g] for g in keep]
        shares = np.column_stack([shares[:, g].sum(axis=1) for g in idx])
        counts = np.column_stack([counts[:, g].sum(axis=1) for g in idx])
        which = [gi for gi, g in enumerate(groups) if g]
        names = [t(f"sv_plot_group_{('disagree', 'neutral', 'agree')[gi]}", lang) for gi in which]
        colours = [_COLLAPSED_COLOURS[gi] for gi in which]
        sides = [(-1, 0, 1)[gi] for gi in which]
        collapsed = True
    rows, protected = [], 0
    for r in range(len(tab)):
        c = counts[r]
        hidden = set(np.flatnonzero(small(c))) if detail == "protected" else set()
        # a lone hidden segment comes back as n minus the others: hide the smallest other one with it, until
        # the hidden block as a whole is no small count either
        while hidden and (len(hidden) < 2 or c[list(hidden)].sum() < k) and len(hidden) < len(c):
            rest = [i for i in range(len(c)) if i not in hidden]
            hidden.add(min(rest, key=lambda i: (c[i] == 0, c[i])))
        segs, block = [], False
        for i in range(len(c)):
            if i in hidden:
                if not block:
                    segs.append((None, float(shares[r, sorted(hidden)].sum()), sides[i]))
                    block = True
            else:
                segs.append((i, float(shares[r, i]), sides[i]))
        protected += bool(hidden)
        rows.append(segs)
    plan = _LikertPlan(names, colours, sides, rows, collapsed, protected,
                       int((summary.table["n"] < summary.min_n).sum()), k)
    return tab, plan


def plot_likert(summary: LikertSummary, ax=None, *, title: str | None = None, detail: str = "protected",
                min_cell: int | None = None):
    """Diverging stacked bar chart of a :class:`LikertSummary` (house style). Returns the Axes.

    Disagreeing answers extend to the left of 0, agreeing answers to the right; a neutral middle
    category is split evenly around 0. Rows with fewer than ``min_n`` valid answers are left out
    (named in the axis label). Colours: Okabe–Ito, colour-blind safe.

    With ``n`` next to each bar a share gives its count back ("8% of 12": one teacher). The
    default ``detail="protected"`` draws no share of fewer than ``min_cell`` answers (default
    ``min_n``): when a category has fewer, the scale is drawn as three groups (oneens / neutraal /
    eens); a group that is still small is drawn together with the smallest other group as one
    light grey block "afgeschermd" (a lone hidden share would come back as 100% minus the others),
    and the axis label says so. ``detail="full"`` draws every category as it is, for the researcher
    (not for publication). :meth:`LikertSummary.protection_note` gives the sentence for a caption.

    Examples
    --------
    Two of 12 answers "helemaal mee oneens": grouped, and still too few, so "oneens" is drawn together
    with "neutraal" as one protected block:

    >>> d = pd.DataFrame({"v1": [1, 1] + [3] * 5 + [5] * 5})
    >>> ax = plot_likert(likert_summary(d, ["v1"]))
    >>> [x.get_text() for x in ax.get_legend().get_texts()]
    ['eens', 'afgeschermd']
    >>> ax = plot_likert(likert_summary(d, ["v1"]), detail="full")
    >>> [x.get_text() for x in ax.get_legend().get_texts()]
    ['helemaal mee oneens', 'mee oneens', 'neutraal', 'mee eens', 'helemaal mee eens']
    """
    import matplotlib.pyplot as plt

    from .plots import format_axis, house_style

    lang = summary.lang
    tab, plan = _likert_plan(summary, detail, min_cell)
    label = tab["text"].fillna(tab["item"]).astype(str).map(lambda s: textwrap.fill(s, 40))
    if summary.by:
        label = label + "\n" + tab[summary.by].astype(str) + ","
    else:
        label = label + "\n"
    label = label + " n = " + tab["n"].map(lambda v: count_text(v, lang))
    with house_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 1.6 + 0.62 * max(len(tab), 3)))
        y = np.arange(len(tab))[::-1]
        drawn = set()
        for yy, segs in zip(y, plan.rows):
            start = -sum(w * (1.0 if side < 0 else 0.5 if side == 0 else 0.0) for _, w, side in segs)
            for i, w, _ in segs:
                if i is None:
                    ax.barh(yy, w, left=start, color=_HIDDEN_COLOUR, edgecolor="#999999", hatch="///", linewidth=0.5,
                            height=0.7, label=t("sv_plot_protected", lang) if "hidden" not in drawn else None)
                    drawn.add("hidden")
                else:
                    ax.barh(yy, w, left=start, color=plan.colours[i], height=0.7,
                            label=plan.names[i] if i not in drawn else None)
                    drawn.add(i)
                start += w
        ax.axvline(0, color="#333333", linewidth=0.8)
        ax.set_yticks(y, label)
        ax.set_xlim(-1, 1)
        format_axis(ax, "x", percent=True, lang=lang)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(
            lambda x, _: format_number(abs(100 * x), 0, lang) + "%"))
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        # the legend in scale order, every category of the scale (also one no row has), the protected block last
        handles = {h.get_label(): h for h in ax.containers}
        order = [n for n in plan.names if n in handles] + ([t("sv_plot_protected", lang)] if "hidden" in drawn else [])
        notes = [t("sv_plot_hidden", lang, n=plan.hidden_rows, k=summary.min_n)] if plan.hidden_rows else []
        if plan.collapsed or plan.protected:
            notes.append(t("sv_plot_protected_note", lang, k=plan.min_cell))
        xlabel = "\n".join([t("sv_plot_x", lang), *notes])
        ax.set_xlabel(xlabel)
        # the legend under the axis label (tick labels + one line per label line), never over it
        from matplotlib.transforms import ScaledTranslation

        drop = (24 + 14 * (xlabel.count("\n") + 1)) / 72
        if order:
            ax.legend([handles[n] for n in order], order, ncol=len(order), loc="upper center",
                      bbox_to_anchor=(0.5, 0), fontsize=9,
                      bbox_transform=ax.transAxes + ScaledTranslation(0, -drop, ax.figure.dpi_scale_trans))
        else:  # every question had too few answers: an empty figure that says why, not a crash
            ax.text(0.5, 0.5, textwrap.fill(t("sv_plot_nothing", lang, k=summary.min_n), 60), ha="center",
                    va="center", transform=ax.transAxes, fontsize=11, color="#555555",
                    bbox={"facecolor": "white", "edgecolor": "none"})
        ax.set_title(title or t("sv_plot_title", lang))
    return ax


def _label_name(scale: Scale, value: int, lang: str) -> str:
    """First label of ``value`` in the scale's label list for ``lang`` (the list holds Dutch labels first)."""
    english = {"strongly disagree", "disagree", "neither agree nor disagree", "neutral", "agree", "strongly agree",
               "not true", "somewhat true", "certainly true", "not at all", "only a little", "quite a lot",
               "a great deal", "no", "yes"}
    for label, v in scale.labels.items():
        if v == value and ((label in english) == (lang == "en")):
            return label
    return str(value)


# ------------------------------------------------------------------------------ reliability
@dataclass(frozen=True)
class Reliability:
    """Internal consistency of a scale (see :func:`reliability`)."""

    alpha: float
    ci: tuple
    omega: float
    items: pd.DataFrame
    n: int
    n_items: int
    level: float = 0.95
    lang: str = "nl"
    n_respondents: int | None = None  # distinct respondents among the ``n`` answer rows (respondent × wave)
    omega_converged: bool = True  # False: the one-factor model behind omega did not converge (or a Heywood case)

    def to_frame(self) -> pd.DataFrame:
        """Per item: ``item, item_rest_r, alpha_if_deleted, n``."""
        return self.items.copy()

    def sentence(self, lang: str | None = None) -> str:
        lang = check_lang(lang or self.lang)
        verdict = ("sv_alpha_good" if self.alpha >= 0.8 else "sv_alpha_ok" if self.alpha >= 0.7 else
                   "sv_alpha_poor")
        r = self.n_respondents
        who = (t("sv_alpha_n_rows", lang, n=count_text(self.n, lang), r=count_text(r, lang))
               if r is not None and r < self.n else t("sv_alpha_n_resp", lang, n=count_text(self.n, lang)))
        omega = format_number(self.omega, 2, lang)
        if not self.omega_converged:
            omega = t("sv_omega_unreliable", lang, omega=omega)
        return t("sv_alpha_sentence", lang, k=self.n_items, who=who, alpha=format_number(self.alpha, 2, lang),
                 level=format_number(100 * self.level, 0, lang), lo=format_number(self.ci[0], 2, lang),
                 hi=format_number(self.ci[1], 2, lang), omega=omega, verdict=t(verdict, lang))

    def summary(self, lang: str | None = None) -> str:
        return self.sentence(lang)

    def plot(self, ax=None):
        """Alpha if an item is deleted, against the scale's alpha. Returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import PALETTE, house_style

        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(7, 1.2 + 0.4 * len(self.items)))
            y = np.arange(len(self.items))[::-1]
            ax.barh(y, self.items["alpha_if_deleted"], color=PALETTE[0], height=0.6)
            ax.axvline(self.alpha, color="#333333", linestyle="--", linewidth=1)
            ax.set_yticks(y, self.items["item"])
            ax.set_xlim(0, 1)
            ax.set_xlabel(t("sv_alpha_if_deleted", self.lang))
            ax.set_title(t("sv_alpha_title", self.lang, alpha=format_number(self.alpha, 2, self.lang)))
        return ax


def _alpha_from_cov(cov: np.ndarray) -> float:
    k = cov.shape[0]
    return k / (k - 1) * (1 - np.trace(cov) / cov.sum())


def reliability(data, items=None, *, construct: str | None = None, level: float = 0.95,
                lang: str = "nl") -> Reliability:
    """Cronbach's alpha with a Feldt interval, McDonald's omega, item–rest correlations and alpha-if-deleted.

    Parameters
    ----------
    data : SurveyData or DataFrame
        Reverse-coded items are turned around first (from the codebook).
    items : list of str, optional
        At least 3 items. Default: the items of ``construct`` (or all).
    construct : str, optional
        Required when the codebook names two or more constructs and ``items`` is not given: one alpha
        over the items of different scales means nothing, so an :class:`InputError` names them.
    level : float, default 0.95
    lang : {"nl", "en"}

    Returns
    -------
    Reliability

    Notes
    -----
    ``alpha = k/(k−1) · (1 − Σ s²ᵢ / s²ₜ)`` from the pairwise-complete covariance matrix (as R
    ``psych::alpha`` and ``pingouin.cronbach_alpha`` do); interval by Feldt, Woodruff & Salih (1987),
    via pingouin. Item–rest correlation: the item with the sum of the other items (psych ``r.drop``).
    Omega total from a one-factor maximum-likelihood model on the correlation matrix:
    ``ω = (Σλ)² / ((Σλ)² + Σψ)`` (McDonald 1999).

    Validated against: R psych 2.2.9 ``alpha()`` (raw_alpha, r.drop, alpha.drop) and ``fa(fm="ml")``
    (tests/reference/survey.R, tests/test_survey.py).

    References
    ----------
    Cronbach (1951), doi:10.1007/BF02310555. Feldt, Woodruff & Salih (1987),
    doi:10.1177/014662168701100107. McDonald (1999), *Test theory: a unified treatment*.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> latent = rng.normal(size=200)
    >>> d = pd.DataFrame({f"v{i}": latent + rng.normal(size=200) for i in range(4)})
    >>> round(reliability(d).alpha, 2)
    0.81
    """
    import pingouin as pg

    check_lang(lang)
    s = _as_survey(data, items, lang)
    if items is None and construct is None and len(s.constructs) >= 2:
        raise InputError(t("sv_rel_constructs", lang, constructs=", ".join(map(str, s.constructs)),
                           first=s.constructs[0]))
    items = list(items) if items is not None else s.construct_items(construct)
    if len(items) < 3:
        raise InputError(t("sv_too_few_items", lang, k=len(items), items=", ".join(items)))
    coded = s.coded()
    x = coded[items].astype(float)
    x = x[x.notna().sum(axis=1) > 0]
    n_resp = (int(coded.loc[x.index, s.respondent].nunique())
              if s.respondent is not None and s.respondent in coded.columns else None)
    if (x.var() == 0).any():
        constant = [c for c in items if x[c].var() == 0]
        raise InputError(t("sv_constant_item", lang, items=", ".join(constant)))
    alpha, ci = pg.cronbach_alpha(data=x, nan_policy="pairwise", ci=level)
    cov = x.cov().to_numpy()
    rows = []
    for i, item in enumerate(items):
        keep = [j for j in range(len(items)) if j != i]
        rest = cov[np.ix_(keep, keep)]
        r_drop = (cov[i].sum() - cov[i, i]) / math.sqrt(cov[i, i] * rest.sum())
        rows.append((item, r_drop, _alpha_from_cov(rest), int(x[item].notna().sum())))
    table = pd.DataFrame(rows, columns=["item", "item_rest_r", "alpha_if_deleted", "n"])
    omega, converged = _omega_total(x)
    return Reliability(float(alpha), (float(ci[0]), float(ci[1])), omega, table, int(len(x)), len(items), level,
                       lang, n_resp, converged)


def _omega_total(x: pd.DataFrame) -> tuple[float, bool]:
    """McDonald's omega total from a one-factor ML model on the (pairwise) correlation matrix, and whether
    that model converged without a Heywood case (statsmodels' warnings are caught, not shown: the sentence
    of :class:`Reliability` says it in words)."""
    import warnings

    from statsmodels.multivariate.factor import Factor
    from statsmodels.tools.sm_exceptions import ConvergenceWarning, EstimationWarning

    corr = x.corr().to_numpy()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit = Factor(corr=corr, n_factor=1, method="ml", nobs=len(x)).fit()
    problem = False
    for w in caught:
        if issubclass(w.category, (ConvergenceWarning, EstimationWarning)):
            problem = True
        else:  # pragma: no cover - anything else is passed on as it came
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    loadings = np.abs(fit.loadings[:, 0])
    uniq = 1 - loadings**2
    return float(loadings.sum() ** 2 / (loadings.sum() ** 2 + uniq.sum())), not problem


# ------------------------------------------------------------------------------ scale scores
def scale_scores(data: SurveyData, *, constructs=None, min_items: int | None = None,
                 lang: str = "nl") -> pd.DataFrame:
    """Construct scores: the mean of the (reverse-coded) items a respondent answered, if enough were answered.

    Parameters
    ----------
    data : SurveyData
    constructs : list of str, optional
        Default: all constructs in the codebook.
    min_items : int, optional
        Fewest answered items for a score; default more than half of the construct's items
        (``k // 2 + 1``). "Weet niet" counts as not answered.
    lang : {"nl", "en"}

    Returns
    -------
    DataFrame: the respondent columns plus one column per construct (NaN when too few items) and
    ``n_items_<construct>``.

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> d, _ = synthetic.survey(seed=1)
    >>> scores = scale_scores(prepare(d, synthetic.survey_codebook()))
    >>> "samenwerking" in scores.columns
    True
    """
    check_lang(lang)
    if not isinstance(data, SurveyData):
        raise InputError(t("bad_option", lang, value=type(data).__name__, param="data", allowed="SurveyData"))
    constructs = list(constructs) if constructs is not None else data.constructs
    if not constructs:
        raise InputError(t("sv_no_constructs", lang))
    coded = data.coded()
    out = coded[data.meta].copy()
    for c in constructs:
        items = data.construct_items(c)
        need = min_items if min_items is not None else len(items) // 2 + 1
        if not 1 <= need <= len(items):
            raise InputError(t("bad_option", lang, value=need, param="min_items", allowed=f"1 … {len(items)}"))
        answered = coded[items].notna().sum(axis=1)
        out[c] = coded[items].mean(axis=1).where(answered >= need)
        out[f"n_items_{c}"] = answered
    return out


# ------------------------------------------------------------------------------ comparisons
Test = Literal["auto", "t", "rank"]
TESTS: tuple[str, ...] = ("auto", "t", "rank")


@dataclass(frozen=True)
class Comparison:
    """Result of :func:`compare`: one row per outcome with test, effect size and adjusted p-value."""

    table: pd.DataFrame
    design: str
    level: float = 0.95
    padjust: str = "holm"
    lang: str = "nl"

    def to_frame(self) -> pd.DataFrame:
        return self.table.copy()

    def sentence(self, outcome: str | None = None, lang: str | None = None) -> str:
        """One Dutch sentence per outcome: what changed or differed, how much and how sure."""
        lang = check_lang(lang or self.lang)
        rows = self.table if outcome is None else self.table[self.table["outcome"] == outcome]
        return " ".join(_comparison_sentence(r, self.design, self.level, lang) for r in rows.itertuples())

    def summary(self, lang: str | None = None) -> pd.DataFrame:
        """The table as people read it (Dutch headers, rounded, "p < 0,001")."""
        lang = check_lang(lang or self.lang)
        tab = self.table
        lv = format_number(100 * self.level, 0, lang)
        return pd.DataFrame({
            t("sv_col_outcome", lang): tab["outcome"],
            t("sv_col_test", lang): tab["test"].map(lambda k: t(f"sv_test_{k}", lang)),
            t("sv_col_n", lang): tab["n"].astype(int),
            t("sv_col_effect", lang): [f"{_effect_name(k, lang)} {format_number(e, 2, lang)}" for k, e in
                                       zip(tab["effect_size"], tab["effect"])],
            f"{lv}%-{'BI' if lang == 'nl' else 'CI'}": [f"{format_number(a, 2, lang)} – {format_number(b, 2, lang)}"
                                                       for a, b in zip(tab["effect_lower"], tab["effect_upper"])],
            "p": tab["p_value"].map(lambda p: _p_cell(p, lang)),
            t("sv_col_p_adjusted", lang, method=self.padjust): tab["p_adjusted"].map(lambda p: _p_cell(p, lang)),
        })

    def plot(self, ax=None):
        """Effect sizes with their intervals, one row per outcome. Returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import PALETTE, format_axis, house_style

        tab = self.table
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(7, 1.4 + 0.45 * len(tab)))
            format_axis(ax, "x", decimals=1, lang=self.lang)  # effect sizes: 0,2 and −0,5, not 0.2
            y = np.arange(len(tab))[::-1]
            ax.errorbar(tab["effect"], y, xerr=[tab["effect"] - tab["effect_lower"], tab["effect_upper"] - tab["effect"]],
                        fmt="o", color=PALETTE[0], capsize=3)
            ax.axvline(0, color="#333333", linewidth=0.8)
            ax.set_yticks(y, tab["outcome"])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            ax.set_xlabel(_effect_name(tab["effect_size"].iloc[0], self.lang) if len(tab) else "")
            ax.set_title(t(f"sv_compare_title_{self.design}", self.lang))
        return ax


def _p_cell(p: float, lang: str) -> str:
    """A p-value for a table cell: ``0,042`` or ``< 0,001``."""
    return format_p(p, lang).removeprefix("p = ").removeprefix("p ")


def _effect_name(kind: str, lang: str) -> str:
    return t(f"sv_effect_{kind}", lang)


def _comparison_sentence(r, design: str, level: float, lang: str) -> str:
    sure = np.isfinite(r.p_adjusted) and r.p_adjusted < 1 - level
    if r.effect_size in ("eta2", "eta2_h"):  # omnibus test of 3+ groups: no direction
        key = "sv_groups_differ" if sure else "sv_groups_no_difference"
        return t(key, lang, outcome=r.outcome, p=format_p(r.p_adjusted, lang), n=small_count(r.n, lang=lang))
    direction = "up" if r.estimate > 0 else "down"
    key = f"sv_{design}_{direction}" + ("" if sure else "_unsure")
    return t(key, lang, outcome=r.outcome, diff=format_number(abs(r.estimate), 2, lang),
             effect=f"{_effect_name(r.effect_size, lang)} {format_number(r.effect, 2, lang)}",
             lo=format_number(r.effect_lower, 2, lang), hi=format_number(r.effect_upper, 2, lang),
             p=format_p(r.p_adjusted, lang), n=small_count(r.n, lang=lang), level=format_number(100 * level, 0, lang))


def _hedges_paired_ci(x: np.ndarray, y: np.ndarray, level: float, seed, n_boot: int = 4000) -> tuple[float, float]:
    """Percentile bootstrap interval (resampling respondents) of pingouin's paired Hedges' g.

    pingouin's paired g is the mean difference over the average standard deviation,
    ``(x̄ − ȳ) / √((s²ₓ + s²ᵧ)/2)``, times the small-sample correction ``J = 1 − 3/(4(2n − 2) − 1)``;
    the analytic interval of ``compute_esci`` ignores the correlation of the pairs, so resampling
    pairs gives an interval that fits the design.
    """
    rng = np.random.default_rng(seed)
    n = len(x)
    idx = rng.integers(0, n, size=(n_boot, n))
    xb, yb = x[idx], y[idx]
    with np.errstate(invalid="ignore", divide="ignore"):
        d = (xb.mean(axis=1) - yb.mean(axis=1)) / np.sqrt((xb.var(axis=1, ddof=1) + yb.var(axis=1, ddof=1)) / 2)
    d = d[np.isfinite(d)] * (1 - 3 / (4 * (2 * n - 2) - 1))
    lo, hi = np.quantile(d, [(1 - level) / 2, (1 + level) / 2])
    return float(lo), float(hi)


def _rank_biserial(x: np.ndarray, y: np.ndarray, paired: bool) -> np.ndarray:
    """Rank-biserial correlation for every row of ``x`` and ``y`` (B × n), as pingouin defines it.

    Paired (Kerby 2014): ``Σ sign(d)·rank|d| / Σ rank|d|`` over non-zero differences ``d = x − y``.
    Two samples (Wendt 1972): ``2·U_x / (n_x n_y) − 1``.
    """
    from scipy.stats import rankdata

    if paired:
        d = x - y
        zero = d == 0
        ranks = rankdata(np.where(zero, -1.0, np.abs(d)), axis=1) - zero.sum(axis=1, keepdims=True)
        ranks = np.where(zero, 0.0, ranks)
        with np.errstate(invalid="ignore", divide="ignore"):
            return (np.sign(d) * ranks).sum(axis=1) / ranks.sum(axis=1)
    nx, ny = x.shape[1], y.shape[1]
    ranks = rankdata(np.concatenate([x, y], axis=1), axis=1)
    u_x = ranks[:, :nx].sum(axis=1) - nx * (nx + 1) / 2
    return 2 * u_x / (nx * ny) - 1


def _rank_biserial_ci(x, y, paired: bool, level: float, seed, n_boot: int = 4000) -> tuple[float, float]:
    """Percentile bootstrap interval of the rank-biserial correlation (resampling respondents)."""
    rng = np.random.default_rng(seed)
    if paired:
        idx = rng.integers(0, len(x), size=(n_boot, len(x)))
        draws = _rank_biserial(x[idx], y[idx], True)
    else:
        draws = _rank_biserial(x[rng.integers(0, len(x), size=(n_boot, len(x)))],
                               y[rng.integers(0, len(y), size=(n_boot, len(y)))], False)
    draws = draws[np.isfinite(draws)]
    lo, hi = np.quantile(draws, [(1 - level) / 2, (1 + level) / 2])
    return float(lo), float(hi)


def compare(scores: pd.DataFrame, outcomes, *, within: str | None = None, between: str | None = None,
            subject: str = "respondent", test: Test = "auto", padjust: str = "holm", level: float = 0.95,
            seed=None, lang: str = "nl") -> Comparison:
    """Pre/post (paired) or group comparison of one or more outcomes, with effect sizes and multiple-testing correction.

    Parameters
    ----------
    scores : DataFrame or SurveyData
        One row per respondent × wave, e.g. from :func:`scale_scores` or ``SurveyData.coded()``.
        :func:`prepare`'s result is accepted too: its construct scores (:func:`scale_scores` with
        the default minimum-items rule) and its reverse-coded items are then compared.
    outcomes : str or list of str
        Columns to compare (construct scores or single items).
    within : str, optional
        Wave column with exactly two waves: paired comparison of respondents present in both
        (order: as they first appear, e.g. ``voor`` then ``na``).
    between : str, optional
        Group column: two groups (Welch t / Mann–Whitney) or more (Welch ANOVA / Kruskal–Wallis).
        Give ``within`` or ``between``, not both.
    subject : str
        Respondent column (pairs the waves).
    test : {"auto", "t", "rank"}
        ``t``: paired t / Welch t / Welch ANOVA with Hedges' g; ``rank``: Wilcoxon signed-rank /
        Mann–Whitney with the rank-biserial correlation, Kruskal–Wallis with eta²_H. ``auto``: rank
        tests for single Likert items (a codebook item name or integer answers), t tests for
        construct scores (means of several items).
    padjust : {"holm", "bonf", "fdr_bh", "none"}
        Correction over the outcomes (pingouin ``multicomp``).
    level : float, default 0.95
    seed : int, optional
        For the bootstrap interval of the rank-biserial correlation.
    lang : {"nl", "en"}

    Returns
    -------
    Comparison
        Table columns: ``outcome, test, n, estimate`` (mean or median difference, second minus first),
        ``statistic, df, p_value, p_adjusted, effect_size, effect, effect_lower, effect_upper``.

    Notes
    -----
    Built on pingouin: ``ttest`` (paired, or Welch), ``wilcoxon``, ``mwu``, ``welch_anova``,
    ``kruskal``, ``compute_effsize`` (Hedges' g), ``compute_esci`` (its interval for two groups) and
    ``multicomp``. Intervals of the paired Hedges' g and of the rank-biserial correlation are
    percentile bootstraps over respondents (4,000 draws, ``seed``).

    Examples
    --------
    >>> rng = np.random.default_rng(3)
    >>> pre = rng.normal(3, 0.6, 40)
    >>> d = pd.DataFrame({"respondent": list(range(40)) * 2, "wave": ["voor"] * 40 + ["na"] * 40,
    ...                   "score": np.r_[pre, pre + 0.5 + rng.normal(0, 0.4, 40)]})
    >>> res = compare(d, "score", within="wave")
    >>> row = res.to_frame().iloc[0]
    >>> row["test"], int(row["n"]), bool(row["p_value"] < 0.001)
    ('paired_t', 40, True)
    """
    import pingouin as pg

    check_lang(lang)
    if test not in TESTS:
        raise InputError(t("bad_option", lang, value=test, param="test", allowed=", ".join(TESTS)))
    if padjust not in ("holm", "bonf", "fdr_bh", "none"):
        raise InputError(t("bad_option", lang, value=padjust, param="padjust", allowed="holm, bonf, fdr_bh, none"))
    if (within is None) == (between is None):
        raise InputError(t("sv_within_or_between", lang))
    if isinstance(scores, SurveyData):  # prepare()'s result: its construct scores and (reverse-coded) items
        coded = scores.coded()
        frame = scale_scores(scores, lang=lang) if scores.constructs else coded[scores.meta]
        scores = pd.concat([frame, coded[[i for i in scores.items if i not in frame.columns]]], axis=1)
    elif not isinstance(scores, pd.DataFrame):
        raise InputError(t("sv_compare_scores", lang, type=type(scores).__name__))
    outcomes = [outcomes] if isinstance(outcomes, str) else list(outcomes)
    factor = within or between
    need = [c for c in outcomes + [factor] + ([subject] if within else []) if c not in scores.columns]
    if need:
        raise InputError(missing_columns_message(scores, need, "survey", lang), column=need[0])
    rows = []
    for outcome in outcomes:
        y = pd.to_numeric(scores[outcome], errors="coerce")
        frame = scores.assign(_y=y).dropna(subset=["_y", factor])
        integer = bool(np.allclose(frame["_y"], np.round(frame["_y"])))
        kind = test if test != "auto" else ("rank" if integer else "t")
        levels = list(dict.fromkeys(frame[factor]))
        if within:
            if len(levels) != 2:
                raise InputError(t("sv_two_waves", lang, column=within, waves=", ".join(map(str, levels))))
            wide = frame.pivot_table(index=subject, columns=within, values="_y", aggfunc="first").dropna()
            if len(wide) < 3:
                raise InputError(t("sv_too_few_pairs", lang, n=len(wide), outcome=outcome))
            a, b = wide[levels[0]].to_numpy(), wide[levels[1]].to_numpy()
            n = len(wide)
            if kind == "t":
                res = pg.ttest(b, a, paired=True, confidence=level)
                g = float(pg.compute_effsize(b, a, paired=True, eftype="hedges"))
                lo, hi = _hedges_paired_ci(b, a, level, seed)
                rows.append((outcome, "paired_t", n, float(np.mean(b - a)), float(res["T"].iloc[0]),
                             float(res["dof"].iloc[0]), float(res["p_val"].iloc[0] if "p_val" in res else
                                                                res["p-val"].iloc[0]), "hedges_g", g, lo, hi))
            else:
                with np.errstate(all="ignore"):
                    res = pg.wilcoxon(b, a)
                rbc = float(res["RBC"].iloc[0])
                lo, hi = _rank_biserial_ci(b, a, True, level, seed)
                rows.append((outcome, "wilcoxon", n, float(np.median(b - a)), float(res["W_val"].iloc[0] if "W_val"
                             in res else res["W-val"].iloc[0]), np.nan, float(_pcol(res)), "rank_biserial", rbc, lo,
                             hi))
        else:
            groups = [frame.loc[frame[between] == lv, "_y"].to_numpy() for lv in levels]
            if len(levels) < 2 or min(map(len, groups)) < 2:
                raise InputError(t("sv_too_few_groups", lang, column=between, outcome=outcome))
            n = int(sum(map(len, groups)))
            if len(levels) == 2:
                a, b = groups
                if kind == "t":
                    res = pg.ttest(b, a, correction=True, confidence=level)
                    g = float(pg.compute_effsize(b, a, eftype="hedges"))
                    lo, hi = pg.compute_esci(stat=g, nx=len(b), ny=len(a), eftype="hedges", confidence=level,
                                             decimals=12)
                    rows.append((outcome, "welch_t", n, float(b.mean() - a.mean()), float(res["T"].iloc[0]),
                                 float(res["dof"].iloc[0]), float(_pcol(res)), "hedges_g", g, lo, hi))
                else:
                    res = pg.mwu(b, a)
                    rbc = float(res["RBC"].iloc[0])
                    lo, hi = _rank_biserial_ci(b, a, False, level, seed)
                    rows.append((outcome, "mann_whitney", n, float(np.median(b) - np.median(a)),
                                 float(res["U_val"].iloc[0] if "U_val" in res else res["U-val"].iloc[0]), np.nan,
                                 float(_pcol(res)), "rank_biserial", rbc, lo, hi))
            else:
                if kind == "t":
                    res = pg.welch_anova(data=frame, dv="_y", between=between)
                    rows.append((outcome, "welch_anova", n, np.nan, float(res["F"].iloc[0]),
                                 float(res["ddof2"].iloc[0]), float(_pcol(res)), "eta2", float(res["np2"].iloc[0]),
                                 np.nan, np.nan))
                else:
                    res = pg.kruskal(data=frame, dv="_y", between=between)
                    h = float(res["H"].iloc[0])
                    k = len(levels)
                    eta = max((h - k + 1) / (n - k), 0.0)
                    rows.append((outcome, "kruskal", n, np.nan, h, float(res["ddof1"].iloc[0]), float(_pcol(res)),
                                 "eta2_h", eta, np.nan, np.nan))
    table = pd.DataFrame(rows, columns=["outcome", "test", "n", "estimate", "statistic", "df", "p_value",
                                        "effect_size", "effect", "effect_lower", "effect_upper"])
    if padjust == "none":
        table["p_adjusted"] = table["p_value"]
    else:
        table["p_adjusted"] = pg.multicomp(table["p_value"].to_numpy(), method=padjust)[1]
    table = table[["outcome", "test", "n", "estimate", "statistic", "df", "p_value", "p_adjusted", "effect_size",
                   "effect", "effect_lower", "effect_upper"]]
    design = "paired" if within else ("groups2" if table["test"].isin(["welch_t", "mann_whitney"]).all()
                                      else "groups")
    return Comparison(table, design, level, padjust, lang)


def _pcol(res: pd.DataFrame) -> float:
    for col in ("p_val", "p-val", "p_unc", "p-unc"):
        if col in res.columns:
            return float(res[col].iloc[0])
    raise KeyError("p-value column")


# ------------------------------------------------------------------------------ response
def response(data: SurveyData, *, lang: str = "nl") -> pd.DataFrame:
    """Respondents per group and wave, and how many took part in every wave (matched).

    Returns
    -------
    DataFrame with ``group``, one column per wave (respondents with at least one valid answer) and
    ``matched`` (respondents with a valid answer in every wave).

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> d, _ = synthetic.survey(seed=1)
    >>> response(prepare(d, synthetic.survey_codebook())).columns.tolist()
    ['group', 'voor', 'na', 'matched']
    """
    check_lang(lang)
    s = data
    answered = s.answers[s.items].notna().any(axis=1) | s.dont_know[s.items].any(axis=1)
    frame = s.answers.loc[answered]
    group = s.group or "_alle"
    if s.group is None:
        frame = frame.assign(_alle=t("sv_all", lang))
    if s.wave is None:
        out = frame.groupby(group, sort=False)[s.respondent].nunique().rename("n").reset_index()
        return out.rename(columns={group: "group"})
    waves = list(dict.fromkeys(frame[s.wave]))
    counts = pd.crosstab(frame[group], frame[s.wave]).reindex(columns=waves)
    per_resp = frame.groupby([group, s.respondent])[s.wave].nunique()
    matched = (per_resp == len(waves)).groupby(level=0).sum()
    out = counts.assign(matched=matched.reindex(counts.index).fillna(0).astype(int))
    order = list(dict.fromkeys(frame[group]))
    out = out.reindex(order).reset_index().rename(columns={group: "group"})
    out.columns.name = None
    return out


# ------------------------------------------------------------------------------ SDQ
#: Items of the SDQ in the standard order (1–25), with subscale and reverse-coding (Goodman 1997).
#: Short keywords only; the item texts are copyrighted (youthinmind) and not reproduced here.
_SDQ_ITEMS = [
    ("attent", "prosocial", False), ("rusteloos", "hyperactivity", False), ("somatisch", "emotional", False),
    ("deelt", "prosocial", False), ("driftbuien", "conduct", False), ("alleen", "peer", False),
    ("gehoorzaam", "conduct", True), ("zorgen", "emotional", False), ("behulpzaam", "prosocial", False),
    ("wiebelt", "hyperactivity", False), ("goede_vriend", "peer", True), ("vecht", "conduct", False),
    ("ongelukkig", "emotional", False), ("aardig_gevonden", "peer", True), ("afgeleid", "hyperactivity", False),
    ("zenuwachtig", "emotional", False), ("aardig_jongeren", "prosocial", False), ("liegt", "conduct", False),
    ("gepest", "peer", False), ("helpt_anderen", "prosocial", False), ("denkt_na", "hyperactivity", True),
    ("steelt", "conduct", False), ("volwassenen", "peer", False), ("angstig", "emotional", False),
    ("maakt_af", "hyperactivity", True),
]
_SDQ_IMPACT = {"ouder": ["last", "thuis", "vriendschappen", "leren", "vrije_tijd"],
               "zelf": ["last", "thuis", "vriendschappen", "leren", "vrije_tijd"],
               "leerkracht": ["last", "medeleerlingen", "leren"]}
SDQ_VERSIONS: tuple[str, ...] = ("ouder", "leerkracht", "zelf")

#: Three-band cut-offs (normal / borderline / abnormal): the *lowest* score of the borderline and of
#: the abnormal band (for prosocial: the *highest* score of each, as low scores are of concern).
#: Source: Goodman (1997) UK bands, as published on sdqinfo.org ("Scoring the SDQ"); cross-checked for
#: the parent version against Table 2 of Bjørnsen et al. (2023, BMC Pediatrics 23,
#: doi:10.1186/s12887-023-03837-1). Used with ``norms="uk"``.
SDQ_CUTOFFS = pd.DataFrame(
    [("ouder", "total", 14, 17), ("ouder", "emotional", 4, 5), ("ouder", "conduct", 3, 4),
     ("ouder", "hyperactivity", 6, 7), ("ouder", "peer", 3, 4), ("ouder", "prosocial", 5, 4),
     ("ouder", "impact", 1, 2),
     ("leerkracht", "total", 12, 16), ("leerkracht", "emotional", 5, 6), ("leerkracht", "conduct", 3, 4),
     ("leerkracht", "hyperactivity", 6, 7), ("leerkracht", "peer", 4, 5), ("leerkracht", "prosocial", 5, 4),
     ("leerkracht", "impact", 1, 2),
     ("zelf", "total", 16, 20), ("zelf", "emotional", 6, 7), ("zelf", "conduct", 4, 5),
     ("zelf", "hyperactivity", 6, 7), ("zelf", "peer", 4, 6), ("zelf", "prosocial", 5, 4),
     ("zelf", "impact", 1, 2)],
    columns=["version", "scale", "borderline", "abnormal"])

#: Dutch bands (``norms="nl"``): the parent form's total difficulties by age, and the teacher form.
#:
#: Parent form, total difficulties only: Theunissen, de Wolff, Eekhout, Mieloo, Stone & Reijneveld (2022),
#: "The Strengths and Difficulties Questionnaire Parent Form: Dutch norms and validity", *BMC Pediatrics*
#: 22:202, doi:10.1186/s12887-022-03274-6, Table 2: clinical cut-off (10% highest) "> 10", "> 14", "> 13",
#: "> 11" and borderline cut-off (20% highest) "> 7", "> 10", "> 10", "> 8" for the age groups labelled
#: "3-4", "4-7", "7-11" and "12-14 years" (n = 3,384). "> 10" means a score of 11 or more, so the table
#: stores 11 as the lowest abnormal score. The paper's group labels overlap at 4 and 7; we read them as
#: ages [3, 4), [4, 7), [7, 12) and [12, 15) years (``age_min`` inclusive, ``age_max`` exclusive). The
#: paper publishes no Dutch bands for the subscales (for those see :data:`SDQ_NORMS_NL_2018`).
#:
#: Teacher form, all five subscales and total difficulties, ages 4-10: van den Heuvel, Jansen, Stewart,
#: Smits-Engelsman, Reijneveld & Flapper (2017), "How reliable and valid is the teacher version of the
#: Strengths and Difficulties Questionnaire in primary school children?", *PLoS ONE* 12(4): e0176605,
#: doi:10.1371/journal.pone.0176605, Table 2 ("clinical cut-off scores (p90 & p80) for the teacher SDQ",
#: complete sample, N = 387 children of 4-10 years in Dutch primary schools): P90 / P80 score emotional
#: 4 / 2, conduct 2 / 1, hyperactivity-inattention 7 / 4, peer 4 / 2, total difficulties 14 / 10, and for
#: prosocial the p10 / p20 score 5 / 6. The table counts children scoring ">= P90" (">= P80") and, for
#: prosocial, "<= p10" ("<= p20"), so P90 is stored as the lowest abnormal and P80 as the lowest
#: borderline score (prosocial: the highest). A study sample, not a national norm group; no Dutch bands
#: for the teacher impact score.
#:
#: Self-report form: no Dutch cut-offs are shipped; ``norms="nl"`` scores the self-report form with the UK
#: bands and says so. The Dutch norms are Vugteveen, de Bildt & Timmerman (2022), "Normative data for the
#: self-reported and parent-reported SDQ for ages 12-17", *Child Adolesc Psychiatry Ment Health* 16:5,
#: doi:10.1186/s13034-021-00437-8 (PMC8764849): joint and gender-specific cut-offs per year of age, "abnormal"
#: aimed at the 10% most extreme scores and "borderline" at the next 10% (P90 / P80, prosocial P10 / P20;
#: norm groups of 993 adolescents and 736 parents). Their cut-off tables were not readable in the sources
#: available to us (only their Table 2, means and % 'abnormal' by the UK cut-offs, whose footnote c says
#: Dutch cut-offs were "not available for the SDQ self-reported version" before that study), so no number
#: of theirs is in this package. Theunissen, de Wolff & Reijneveld (2019), *Acad Pediatr* 19(4):471-476,
#: doi:10.1016/j.acap.2018.12.008, validate the self-report at ages 13-14 (n = 500; sensitivity 0.75,
#: specificity 0.91 against the YSR) and give no cut-off in their abstract; their tables were not readable
#: either. Their bands can be passed with ``cutoffs=``: per age (``age_min``/``age_max``) and, with a
#: ``gender`` column and ``gender=``, per gender.
SDQ_NORMS_NL = pd.DataFrame(
    [("ouder", "total", 3.0, 4.0, "3-4", 8, 11), ("ouder", "total", 4.0, 7.0, "4-7", 11, 15),
     ("ouder", "total", 7.0, 12.0, "7-11", 11, 14), ("ouder", "total", 12.0, 15.0, "12-14", 9, 12),
     ("leerkracht", "emotional", 4.0, 11.0, "4-10", 2, 4), ("leerkracht", "conduct", 4.0, 11.0, "4-10", 1, 2),
     ("leerkracht", "hyperactivity", 4.0, 11.0, "4-10", 4, 7), ("leerkracht", "peer", 4.0, 11.0, "4-10", 2, 4),
     ("leerkracht", "prosocial", 4.0, 11.0, "4-10", 6, 5), ("leerkracht", "total", 4.0, 11.0, "4-10", 10, 14)],
    columns=["version", "scale", "age_min", "age_max", "age_group", "borderline", "abnormal"])

#: Dutch parent-form clinical cut-offs for the subscales (``norms="nl2018"``): Maurice-Stam, Haverman,
#: Splinter, van Oers, Schepers & Grootenhuis (2018), "Dutch norms for the Strengths and Difficulties
#: Questionnaire (SDQ) - parent form for children aged 2-18 years", *Health Qual Life Outcomes* 16:123,
#: doi:10.1186/s12955-018-0948-1, Table 2, column "Clinical cut-off": 2-3 years (N = 194) hyperactivity
#: "> 6", prosocial "< 6", total "> 12", externalizing "> 9" (emotional, conduct and peer: none, internal
#: consistency too low); 4-5 years (N = 182) emotional "> 3", hyperactivity "> 6", prosocial "< 6", total
#: "> 13", internalizing "> 5", externalizing "> 9" (conduct and peer: none); 6-11 years (N = 403)
#: emotional "> 5", conduct "> 3", hyperactivity "> 7", peer "> 3", prosocial "< 6", total "> 17",
#: internalizing "> 8", externalizing "> 10". One clinical cut-off, no borderline band: ``borderline``
#: equals ``abnormal`` ("> 6" is stored as 7; prosocial "< 6" as 5), so the bands are normaal/verhoogd.
#: Ages read as [2, 4), [4, 6), [6, 12) (Table 1 gives the child age ranges 2.0-3.9 and 4.0-5.9). Table 2
#: is titled "Internal consistency of the SDQ Parent Form: range, percentage minimum/maximum score, clinical
#: cut-off score"; its column header "Clinical cut-off" carries footnote d, which defines the cut-off. The
#: copy of the table we could read (hqlo.biomedcentral.com, article 10.1186/s12955-018-0948-1, tables/2)
#: ends at the row heading "12–18 years, N = 395", so neither the 12-18 cut-offs nor footnote d (hence
#: which percentile the clinical cut-off is) were read: the 12-18 rows are not shipped, adolescents get
#: no band and the ``norm`` column says so, and no percentile is claimed here. Every 2-11 value above was
#: checked again against that copy.
SDQ_NORMS_NL_2018 = pd.DataFrame(
    [("ouder", "hyperactivity", 2.0, 4.0, "2-3", 7, 7), ("ouder", "prosocial", 2.0, 4.0, "2-3", 5, 5),
     ("ouder", "total", 2.0, 4.0, "2-3", 13, 13), ("ouder", "externalising", 2.0, 4.0, "2-3", 10, 10),
     ("ouder", "emotional", 4.0, 6.0, "4-5", 4, 4), ("ouder", "hyperactivity", 4.0, 6.0, "4-5", 7, 7),
     ("ouder", "prosocial", 4.0, 6.0, "4-5", 5, 5), ("ouder", "total", 4.0, 6.0, "4-5", 14, 14),
     ("ouder", "internalising", 4.0, 6.0, "4-5", 6, 6), ("ouder", "externalising", 4.0, 6.0, "4-5", 10, 10),
     ("ouder", "emotional", 6.0, 12.0, "6-11", 6, 6), ("ouder", "conduct", 6.0, 12.0, "6-11", 4, 4),
     ("ouder", "hyperactivity", 6.0, 12.0, "6-11", 8, 8), ("ouder", "peer", 6.0, 12.0, "6-11", 4, 4),
     ("ouder", "prosocial", 6.0, 12.0, "6-11", 5, 5), ("ouder", "total", 6.0, 12.0, "6-11", 18, 18),
     ("ouder", "internalising", 6.0, 12.0, "6-11", 9, 9), ("ouder", "externalising", 6.0, 12.0, "6-11", 11, 11)],
    columns=["version", "scale", "age_min", "age_max", "age_group", "borderline", "abnormal"])
SDQ_NORMS: tuple[str, ...] = ("uk", "nl", "nl2018")
SDQ_SCALES = ("emotional", "conduct", "hyperactivity", "peer", "prosocial")


def sdq_codebook(version: str = "ouder") -> pd.DataFrame:
    """Codebook preset for the SDQ (items ``sdq_1`` … ``sdq_25`` plus impact items ``sdq_impact_*``).

    Examples
    --------
    >>> cb = sdq_codebook()
    >>> len(cb), cb.loc[6, "item"], bool(cb.loc[6, "reversed"]), cb.loc[6, "construct"]
    (30, 'sdq_7', True, 'conduct')
    """
    if version not in SDQ_VERSIONS:
        raise InputError(t("bad_option", value=version, param="version", allowed=", ".join(SDQ_VERSIONS)))
    rows = [(f"sdq_{i + 1}", word, "sdq", rev, scale) for i, (word, scale, rev) in enumerate(_SDQ_ITEMS)]
    rows += [(f"sdq_impact_{w}", w, "sdq_impact", False, "impact") for w in _SDQ_IMPACT[version]]
    return pd.DataFrame(rows, columns=["item", "text", "scale", "reversed", "construct"])


def score_sdq(data, *, version: str = "ouder", norms: str = "uk", age: str | None = None,
              cutoffs: pd.DataFrame | None = None, gender: str | None = None, lang: str = "nl") -> pd.DataFrame:
    """Score the Strengths and Difficulties Questionnaire: five subscales, total difficulties, impact, bands.

    Parameters
    ----------
    data : SurveyData or DataFrame
        Items ``sdq_1`` … ``sdq_25`` scored 0–2 as answered ("niet waar" 0, "een beetje waar" 1,
        "zeker waar" 2); reverse-coded items (7, 11, 14, 21, 25) are turned around here. Optional
        impact items ``sdq_impact_*`` scored 0–3 ("helemaal niet" … "heel erg") and the optional overall
        question ``sdq_moeilijkheden`` (0 "nee", 1–3 "ja, kleine / duidelijke / ernstige moeilijkheden").
    version : {"ouder", "leerkracht", "zelf"}
        Parent, teacher or self-report form (selects cut-offs and impact items).
    norms : {"uk", "nl", "nl2018"}
        Which published bands to use (each table documents its source, table number and reading):

        * ``"uk"``: :data:`SDQ_CUTOFFS`, Goodman 1997, every scale and form;
        * ``"nl"``: :data:`SDQ_NORMS_NL` (needs ``age``): parent form total difficulties, ages 3–14, three
          bands (Theunissen et al. 2022); teacher form, five subscales and total, ages 4–10, three bands
          (van den Heuvel et al. 2017). No Dutch self-report cut-offs are shipped: the self-report form
          gets the UK bands and ``.attrs["notes"]`` and the ``norm`` column say so in words (the Dutch
          self-report norms of Vugteveen et al. 2022 could not be read from a source, see
          :data:`SDQ_NORMS_NL`);
        * ``"nl2018"``: :data:`SDQ_NORMS_NL_2018` (parent form only, needs ``age``): one clinical cut-off
          (no borderline band) for the subscales, total, internalising and externalising, ages 2–11
          (Maurice-Stam et al. 2018; not every scale at ages 2–5).
    age : str, optional
        Column with the child's age in years; needed for age-specific norms.
    cutoffs : DataFrame, optional
        Your own bands, replacing ``norms``: ``version, scale, borderline, abnormal`` and optionally
        ``age_min, age_max`` (then ``age`` is needed), in the format of :data:`SDQ_NORMS_NL`, and
        optionally ``gender`` (``jongen``/``meisje``, or boy/girl, m/v; empty = a joint row for everyone)
        for gender-specific norms such as Vugteveen et al. (2022); then ``gender`` is needed. A
        gender-specific row overrides a joint row for the same scale and age.
    gender : str, optional
        Column with the respondent's gender, for a ``cutoffs`` table with a ``gender`` column. A value that
        is neither boy nor girl (missing, "anders") gets only the joint rows, and no band where there are
        none; the ``norm`` column says so.
    lang : {"nl", "en"}

    Returns
    -------
    DataFrame with the respondent columns, ``emotional, conduct, hyperactivity, peer, prosocial``
    (0–10), ``externalising``, ``internalising``, ``total`` (0–40), ``impact`` and a band per scale
    (``band_total`` … : ``normaal``/``grensgebied``/``verhoogd``) and a column ``norm`` naming the
    norm applied to each respondent, or why no band could be given (age missing or outside the norm
    table): nobody is left out silently. ``.attrs["notes"]`` says in words which norms were used and,
    with ``norms="nl"``, which scales have no Dutch norm (and so no band).

    Notes
    -----
    Scoring rules of the SDQ authors (sdqinfo.org): a subscale is scored when at least 3 of its 5
    items are answered, prorated as ``round(mean × 5)``; total difficulties is the sum of the four
    difficulty subscales (only when all four are scored); impact: "helemaal niet" and "een beetje"
    score 0, "behoorlijk" 1, "heel erg" 2, summed (parent/self 0–10, teacher 0–6) when at least one
    impact item is answered (an unanswered one counts 0), and 0 when the overall question
    ``sdq_moeilijkheden`` is answered "nee" (the impact questions are then skipped on the form). These
    are the rules of the SDQ authors' Stata scoring syntax; the R syntax instead leaves impact missing
    when any impact item is missing. ``tests/test_survey.py`` checks every score against an R
    transcription of the scoring syntax on 40 constructed respondents.

    References
    ----------
    Goodman R. (1997). The Strengths and Difficulties Questionnaire: a research note. *J Child Psychol
    Psychiatry* 38, 581–586. doi:10.1111/j.1469-7610.1997.tb01545.x

    Theunissen M.H.C. et al. (2022). The Strengths and Difficulties Questionnaire Parent Form: Dutch
    norms and validity. *BMC Pediatrics* 22, 202. doi:10.1186/s12887-022-03274-6

    van den Heuvel M. et al. (2017). How reliable and valid is the teacher version of the Strengths and
    Difficulties Questionnaire in primary school children? *PLoS ONE* 12, e0176605.
    doi:10.1371/journal.pone.0176605

    Maurice-Stam H. et al. (2018). Dutch norms for the Strengths and Difficulties Questionnaire (SDQ) –
    parent form for children aged 2–18 years. *Health Qual Life Outcomes* 16, 123.
    doi:10.1186/s12955-018-0948-1

    Examples
    --------
    >>> d = pd.DataFrame({f"sdq_{i}": [1] for i in range(1, 26)})
    >>> row = score_sdq(d).iloc[0]
    >>> float(row["emotional"]), float(row["prosocial"]), float(row["total"]), row["band_total"]
    (5.0, 5.0, 20.0, 'verhoogd')
    >>> d = pd.DataFrame({**{f"sdq_{i}": [0, 0] for i in range(1, 26)}, "leeftijd": [8, 16]})
    >>> nl = score_sdq(d, norms="nl", age="leeftijd")
    >>> nl[["total", "band_total"]].to_dict("list")
    {'total': [10.0, 10.0], 'band_total': ['normaal', nan]}
    """
    check_lang(lang)
    if version not in SDQ_VERSIONS:
        raise InputError(t("bad_option", lang, value=version, param="version", allowed=", ".join(SDQ_VERSIONS)))
    if norms not in SDQ_NORMS:
        raise InputError(t("bad_option", lang, value=norms, param="norms", allowed=", ".join(SDQ_NORMS)))
    cb = sdq_codebook(version)
    if isinstance(data, SurveyData):
        frame = data.answers
    else:
        frame = data
    items = [f"sdq_{i}" for i in range(1, 26)]
    absent = [c for c in items if c not in frame.columns]
    if absent:
        raise InputError(t("sv_sdq_missing", lang, items=", ".join(absent)), column=absent[0])
    x = _sdq_codes(frame, items, SCALES["sdq"], lang)
    for row in cb[cb["reversed"]].itertuples():
        x[row.item] = 2 - x[row.item]
    meta = [c for c in frame.columns
            if c not in items and c != "sdq_moeilijkheden" and not str(c).startswith("sdq_impact_")]
    out = frame[meta].copy()
    for scale in SDQ_SCALES:
        cols = list(cb.loc[cb["construct"] == scale, "item"])
        answered = x[cols].notna().sum(axis=1)
        out[scale] = np.floor(x[cols].mean(axis=1) * 5 + 0.5).where(answered >= 3)
    out["externalising"] = out["conduct"] + out["hyperactivity"]
    out["internalising"] = out["emotional"] + out["peer"]
    out["total"] = out[["emotional", "conduct", "hyperactivity", "peer"]].sum(axis=1, min_count=4)
    impact_items = [f"sdq_impact_{w}" for w in _SDQ_IMPACT[version]]
    if all(c in frame.columns for c in impact_items):
        imp = _sdq_codes(frame, impact_items, SCALES["sdq_impact"], lang)
        out["impact"] = imp.replace({1: 0, 2: 1, 3: 2}).sum(axis=1, min_count=1)
        if "sdq_moeilijkheden" in frame.columns:  # 'no difficulties': impact 0, as the SDQ syntax scores it
            overall = _sdq_codes(frame, ["sdq_moeilijkheden"], SCALES["sdq_moeilijkheden"], lang)
            out.loc[overall["sdq_moeilijkheden"] == 0, "impact"] = 0.0
    bands, out["norm"], notes = _sdq_bands(frame, out, version, norms, age, cutoffs, lang, gender=gender)
    scored = [s for s in (*SDQ_SCALES, "total", "impact") if s in out.columns]
    if cutoffs is None and norms == "nl" and version == "zelf":
        notes.append(t("sv_sdq_nl_zelf", lang))
    elif cutoffs is None and norms in ("nl", "nl2018"):
        lacking = [s for s in scored if s not in bands]
        if lacking:
            notes.append(t("sv_sdq_nl_missing", lang,
                           scales=", ".join(t(f"sv_sdq_scale_{s}", lang) for s in lacking)))
        if norms == "nl2018":
            notes.append(t("sv_sdq_nl2018_note", lang))
    elif cutoffs is None:
        notes.append(t("sv_sdq_uk_note", lang))
    names = {"nl": ("normaal", "grensgebied", "verhoogd"), "en": ("normal", "borderline", "abnormal")}[lang]
    for scale, (b, a) in bands.items():
        v = out[scale]
        if scale == "prosocial":  # low scores are of concern
            band = np.where(v <= a, names[2], np.where(v <= b, names[1], names[0]))
        else:
            band = np.where(v >= a, names[2], np.where(v >= b, names[1], names[0]))
        out[f"band_{scale}"] = pd.Series(band, index=out.index).where(v.notna() & a.notna())
    out.attrs["notes"] = notes
    return out


def _sdq_codes(frame: pd.DataFrame, items: list[str], scale: Scale, lang: str) -> pd.DataFrame:
    """SDQ answers as numbers: the form's own labels ("niet waar", "een beetje waar", "zeker waar", any case)
    or the numbers; empty cells stay missing; anything else raises an InputError naming column and row."""
    out = pd.DataFrame(index=frame.index)
    rownum = frame["source_row"] if "source_row" in frame.columns else pd.Series(frame.index, index=frame.index)
    for col in items:
        code, dont_know, bad = _codes_for(frame[col], scale)
        wrong = bad | dont_know
        if wrong.any():
            pos = int(np.flatnonzero(wrong.to_numpy())[0])
            row, value = rownum.iloc[pos], frame[col].iloc[pos]
            key = {"sdq": "sv_sdq_range", "sdq_impact": "sv_sdq_impact_range"}.get(scale.name, "sv_sdq_overall_range")
            raise InputError(t(key, lang, item=col) + " " + t("sv_sdq_cell", lang, row=row, value=value),
                             row=row, column=col)
        out[col] = code
    return out


#: How the ``norm`` column names a gender in English.
_GENDER_EN = {"jongen": "boy", "meisje": "girl"}
_GENDER_WORDS = {"jongen": "jongen", "jongens": "jongen", "man": "jongen", "mannelijk": "jongen", "boy": "jongen",
                 "boys": "jongen", "male": "jongen", "meisje": "meisje", "meisjes": "meisje", "vrouw": "meisje",
                 "vrouwelijk": "meisje", "girl": "meisje", "girls": "meisje", "female": "meisje"}


def _genders(values: pd.Series, lang: str, where: str) -> tuple[pd.Series, pd.Series]:
    """Gender words and letters → ``jongen``/``meisje`` (missing where it is neither), and the other values.

    Words in Dutch or English ("Meisje", "boy", "vrouw"); letters by the letters present: ``J``/``M`` means
    jongen/meisje, ``M``/``V`` (or ``F``) man/vrouw. A lone ``M`` (boy or girl?) and number codes (1/2) are
    refused: guessing them would give half the respondents the wrong norm.
    """
    text = values.astype("string").str.strip().str.lower().str.rstrip(".").str.strip()
    given = text.dropna()
    given = given[given.ne("")]
    letters = set(given[given.str.len() == 1])
    codes = dict(_GENDER_WORDS, j="jongen", v="meisje", f="meisje")
    if "m" in letters:
        if not letters & {"j", "v", "f"}:
            raise InputError(t("sv_sdq_gender_letter", lang, where=where))
        codes["m"] = "meisje" if "j" in letters else "jongen"
    numbers = given[given.str.fullmatch(r"\d+(\.0+)?")]
    if len(numbers):
        raise InputError(t("sv_sdq_gender_number", lang, where=where, value=numbers.iloc[0]))
    mapped = text.map(codes)
    return mapped.astype(object).where(mapped.notna(), None), text.notna() & text.ne("") & mapped.isna()


def _sdq_bands(frame: pd.DataFrame, out: pd.DataFrame, version: str, norms: str, age: str | None,
               cutoffs: pd.DataFrame | None, lang: str, gender: str | None = None) -> tuple[dict, pd.Series, list]:
    """Per scale the lowest borderline and abnormal score of each respondent, the norm label, and notes.

    A cut-off table with ``age_min``/``age_max`` is matched on the respondent's age, one with a ``gender``
    column on the respondent's gender (joint rows first, gender-specific rows override them); respondents
    without a matching row get no band and a label saying why.
    """
    if cutoffs is not None:
        cut, source = cutoffs, "eigen"
    elif norms == "nl2018":
        if version != "ouder":
            raise InputError(t("sv_sdq_nl2018_version", lang, version=version))
        cut, source = SDQ_NORMS_NL_2018, "nl2018"
    elif norms == "nl" and version == "zelf":  # no Dutch self-report bands shipped: UK ones, said so
        cut, source = SDQ_CUTOFFS, "uk_zelf"
    elif norms == "nl":
        cut, source = SDQ_NORMS_NL, "nl" if version == "ouder" else "nl_leerkracht"
    else:
        cut, source = SDQ_CUTOFFS, "uk"
    if cutoffs is not None:  # "Gender", " Scale ", "geslacht": the names a spreadsheet gives them
        cut = cut.rename(columns=lambda c: str(c).strip().lower()).rename(
            columns={"geslacht": "gender", "sekse": "gender", "sex": "gender"})
    missing_cols = {"version", "scale", "borderline", "abnormal"} - set(cut.columns)
    if missing_cols:
        raise InputError(t("sv_sdq_cutoffs_cols", lang, columns=", ".join(sorted(missing_cols))))
    cut = cut[cut["version"] == version]
    label = pd.Series(t(f"sv_sdq_norm_{source}", lang), index=out.index, dtype=object)
    by_age = {"age_min", "age_max"} <= set(cut.columns)
    if by_age:
        if age is None or age not in frame.columns:
            raise InputError(t("sv_sdq_age_needed", lang, column=age or "-"), column=age)
        years = pd.to_numeric(frame[age], errors="coerce")
        unreadable = years.isna() & frame[age].notna()
        if unreadable.any():
            first = unreadable.idxmax()
            row = frame.at[first, "source_row"] if "source_row" in frame.columns else None
            raise InputError(t("sv_sdq_age_unreadable", lang, column=age, value=str(frame.at[first, age])),
                             row=row, column=age)
    notes = []
    by_gender = "gender" in cut.columns and cut["gender"].astype("string").str.strip().fillna("").ne("").any()
    if not by_gender and gender is not None:
        raise InputError(t("sv_sdq_gender_unused", lang, column=gender), column=gender)
    if by_gender:
        if gender is None or gender not in frame.columns:
            raise InputError(t("sv_sdq_gender_needed" if gender is None else "sv_sdq_gender_column", lang,
                               column=gender or "-"), column=gender)
        keys, odd = _genders(cut["gender"], lang, t("sv_sdq_gender_in_table", lang))
        if odd.any():
            raise InputError(t("sv_sdq_gender_table", lang, value=cut.loc[odd, "gender"].iloc[0]))
        cut = cut.assign(gender_key=keys).sort_values("gender_key", na_position="first", kind="stable")
        sexes, other = _genders(frame[gender], lang, t("sv_sdq_gender_in_data", lang, column=gender))
        if other.any():  # "anders", "X": the joint rows only, and said so
            values = sorted(set(frame.loc[other, gender].astype(str).str.strip()))
            notes.append(t("sv_sdq_gender_other", lang, n=int(other.sum()), column=gender,
                           values=", ".join(values[:5]) + (" …" if len(values) > 5 else "")))
    keys = ["scale", *(["age_min", "age_max"] if by_age else []), *(["gender_key"] if by_gender else [])]
    twice = cut.duplicated(keys, keep=False)
    if twice.any():
        raise InputError(t("sv_sdq_cutoffs_twice", lang, scale=cut.loc[twice, "scale"].iloc[0]))
    bands = {}
    for scale, rows in cut.groupby("scale", sort=False):
        if scale not in out.columns:
            continue
        b = pd.Series(np.nan, index=out.index)
        a = pd.Series(np.nan, index=out.index)
        for r in rows.itertuples():  # a handful of norm rows, not data rows
            hit = ((years >= r.age_min) & (years < r.age_max)) if by_age else pd.Series(True, index=out.index)
            if by_gender and pd.notna(r.gender_key):
                hit &= sexes.eq(r.gender_key)
            b[hit], a[hit] = r.borderline, r.abnormal
            if by_age or by_gender:
                text = t(f"sv_sdq_norm_{source}", lang)
                if by_age:
                    group = getattr(r, "age_group", None) or (f"{format_number(r.age_min, 0, lang=lang)}-"
                                                              f"{format_number(r.age_max, 0, lang=lang)}")
                    text += t("sv_sdq_norm_ages", lang, group=group)
                if by_gender and pd.notna(r.gender_key):
                    text += t("sv_sdq_norm_gender", lang,
                              gender=r.gender_key if lang == "nl" else _GENDER_EN[r.gender_key])
                label[hit] = text
        bands[scale] = (b, a)
    covered = pd.concat([a.notna() for _, a in bands.values()], axis=1).any(axis=1) if bands else \
        pd.Series(False, index=out.index)
    for i in out.index[~covered]:  # why there is no band, in words
        if by_age and pd.isna(years[i]):
            label[i] = t("sv_sdq_no_age", lang)
        elif by_age and not ((cut["age_min"] <= years[i]) & (cut["age_max"] > years[i])).any():
            label[i] = t("sv_sdq_age_outside", lang, age=format_number(years[i], 0))
        elif by_gender and sexes[i] is None:
            label[i] = t("sv_sdq_no_gender", lang)
        elif by_gender:
            who = sexes[i] if lang == "nl" else _GENDER_EN[sexes[i]]
            label[i] = t("sv_sdq_gender_outside", lang, gender=who) + (
                t("sv_sdq_norm_ages", lang, group=format_number(years[i], 0, lang)) if by_age else "")
        elif by_age:
            label[i] = t("sv_sdq_age_outside", lang, age=format_number(years[i], 0))
    return bands, label, notes
