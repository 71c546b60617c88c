"""Tables for people: Dutch column names with units, rounded numbers, p-values as ``< 0,001``.

Analysis functions return tidy frames with stable English snake_case columns (for researchers and
for code). :func:`display_table` turns such a frame, or a result object with ``.to_frame()``, into
the table a notebook shows: Dutch (or English) headers with their unit, numbers formatted nl-NL
and rounded per kind of quantity, internal columns left out. Format only for display; compute
with the tidy frame.

Examples
--------
>>> import pandas as pd
>>> print(display_table(pd.DataFrame({"agency": ["Accare", "GGD"], "n_pupils": [12, 3], "n_partners": [3, 1],
...                                   "shared_pupils": [1234, 2]})).to_string(index=False))
instantie leerlingen gedeeld met (instanties) gedeelde leerlingen (opgeteld)
   Accare         12                        3                          1.234
      GGD          3                        1                              2
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .text import check_lang, format_number, format_p

__all__ = ["display_table", "value_label", "COLUMNS"]

# column -> (Dutch label, English label, kind). Kinds: int, dec1, dec2, ratio, pct (already in %),
# share (0–1 shown as %), p, rate (per pupil, shown per 1,000), rate1000 (already per 1,000), text, period.
COLUMNS: dict[str, tuple[str, str, str]] = {
    "school": ("school", "school", "text"),
    "unit": ("school", "unit", "text"),
    "group": ("groep", "group", "text"),
    "period": ("periode", "period", "period"),
    "agency": ("instantie", "agency", "text"),
    "agency_type": ("soort instantie", "agency type", "text"),
    "agency_raw": ("instantie (zoals geschreven)", "agency (as written)", "text"),
    "pupil": ("leerling (pseudoniem)", "pupil (pseudonym)", "text"),
    "source": ("bron", "source", "text"),
    "source_row": ("rij in bestand", "row in file", "int"),
    "treated": ("interventie (0/1)", "intervention (0/1)", "int"),
    "start": ("startdatum", "start date", "period"),
    "count": ("aantal", "count", "int"),
    "exposure": ("leerlingen × perioden", "pupils × periods", "int"),
    "n_units": ("scholen", "schools", "int"),
    "n_treated_units": ("scholen met interventie", "schools with intervention", "int"),
    "n_periods": ("perioden", "periods", "int"),
    "n": ("waarnemingen", "observations", "int"),
    "n_cohorts": ("startgroepen", "start groups", "int"),
    "n_resamples": ("herhalingen (randomisatie/bootstrap)", "resamples", "int"),
    "n_pupils": ("leerlingen", "pupils", "int"),
    "n_partners": ("gedeeld met (instanties)", "shared with (agencies)", "int"),
    "shared_pupils": ("gedeelde leerlingen (opgeteld)", "shared pupils (summed)", "int"),
    "n_agencies": ("instanties", "agencies", "int"),
    "herfindahl": ("Herfindahl-index (0–1)", "Herfindahl index (0–1)", "dec2"),
    "effective_agencies": ("effectief aantal instanties", "effective number of agencies", "dec1"),
    "share_single_pupil": ("instanties bij één leerling", "agencies with one pupil", "share"),
    "top3_share": ("aandeel drie grootste instanties", "share of the three largest agencies", "share"),
    "rate": ("per 1.000 leerlingen", "per 1,000 pupils", "rate1000"),
    "rate1": ("per 1.000 leerlingen {g1}", "per 1,000 pupils {g1}", "rate"),
    "rate0": ("per 1.000 leerlingen {g0}", "per 1,000 pupils {g0}", "rate"),
    "count1": ("aantal {g1}", "count {g1}", "int"),
    "count0": ("aantal {g0}", "count {g0}", "int"),
    "exposure1": ("leerlingen × perioden {g1}", "pupils × periods {g1}", "int"),
    "exposure0": ("leerlingen × perioden {g0}", "pupils × periods {g0}", "int"),
    "ratio": ("verhouding", "ratio", "dec2"),
    "ratio_lower": ("verhouding, ondergrens {ci}", "ratio, lower {ci}", "dec2"),
    "ratio_upper": ("verhouding, bovengrens {ci}", "ratio, upper {ci}", "dec2"),
    "percent_change": ("verandering (%)", "change (%)", "pct"),
    "percent_lower": ("verandering, ondergrens {ci} (%)", "change, lower {ci} (%)", "pct"),
    "percent_upper": ("verandering, bovengrens {ci} (%)", "change, upper {ci} (%)", "pct"),
    "rel_time": ("perioden sinds de start", "periods since start", "int"),
    "estimate": ("schatting (log-schaal)", "estimate (log scale)", "dec3"),
    "coef": ("coëfficiënt (log-schaal)", "coefficient (log scale)", "dec3"),
    "se": ("standaardfout", "standard error", "dec3"),
    "p_value": ("p-waarde", "p-value", "p"),
    "dispersion": ("spreiding (Pearson χ²/df)", "dispersion (Pearson χ²/df)", "dec2"),
    "family": ("model", "model", "text"),
    "inference": ("onzekerheid via", "uncertainty from", "text"),
    "files_read": ("gelezen dossiers", "files read", "int"),
    "n_total": ("leerlingen op school", "pupils in school", "int"),
    "observed": ("gevonden instanties", "agencies found", "int"),
    "expected_total": ("verwacht bij alle dossiers", "expected with all files", "dec0"),
    "row": ("rij", "row", "int"),
    "column": ("kolom", "column", "text"),
    "value": ("waarde", "value", "text"),
    "reason": ("reden", "reason", "text"),
    "action": ("actie", "action", "text"),
    "kind": ("soort", "kind", "text"),
    "n_read": ("rijen gelezen", "rows read", "int"),
    "n_used": ("rijen gebruikt", "rows used", "int"),
    "n_dropped": ("rijen verwijderd", "rows dropped", "int"),
    "removed": ("helemaal weggevallen", "gone entirely", "bool"),
    "method": ("koppeling", "matched by", "text"),
    "raw": ("schrijfwijze", "spelling", "text"),
    "total_lower": ("verwacht, ondergrens {ci}", "expected, lower {ci}", "dec0"),
    "total_upper": ("verwacht, bovengrens {ci}", "expected, upper {ci}", "dec0"),
    "code": ("thema", "theme", "text"),
    "depth": ("niveau", "depth", "int"),
    "n_respondents": ("genoemd door", "mentioned by", "int"),
    "n_group": ("geïnterviewd", "interviewed", "int"),
    "share": ("aandeel", "share", "share"),
    "n_fragments": ("fragmenten", "fragments", "int"),
    "label": ("wie", "who", "text"),
    "quote": ("citaat", "quote", "text"),
    "item": ("vraag", "item", "text"),
    "text": ("vraagtekst", "item text", "text"),
    "scale": ("antwoordschaal", "answer scale", "text"),
    "reversed": ("omgescoord", "reverse-coded", "bool"),
    "construct": ("onderwerp", "construct", "text"),
    "matched": ("beide metingen", "both waves", "int"),
    # durations (evaluatie.durations): time to a suitable place, steps of a procedure
    "days": ("termijn (dagen)", "term (days)", "int"),
    "at_risk": ("na de termijn nog zonder einde", "still open after the term", "int"),
    "step": ("stap", "step", "text"),
    "completed": ("afgerond", "completed", "int"),
    "median": ("mediaan in dagen", "median in days", "dec0"),
    "mean_completed": ("gemiddeld in dagen (afgeronde casussen)", "mean in days (completed cases)", "dec0"),
    "share_of_total": ("deel van de totale tijd", "share of the total time", "share"),
    "n_all_steps": ("casussen met alle stappen", "cases with every step", "int"),
}
# lower/upper mean the interval of whatever the table's main quantity is
_BOUNDS = {"lower": ("ondergrens {ci}", "lower {ci}"), "upper": ("bovengrens {ci}", "upper {ci}")}

_VALUES = {  # option values shown to people
    "poisson": ("Poisson-regressie", "Poisson regression"),
    "quasipoisson": ("quasi-Poisson-regressie", "quasi-Poisson regression"),
    "negbin": ("negatief-binomiale regressie", "negative binomial regression"),
    "gaussian": ("lineaire regressie", "linear regression"),
    "randomization": ("randomisatie-inferentie", "randomization inference"),
    "wild": ("wild cluster bootstrap", "wild cluster bootstrap"),
    "cluster": ("cluster-robuuste standaardfouten", "cluster-robust standard errors"),
    "iid": ("modelgebaseerde standaardfouten", "model-based standard errors"),
    "HC1": ("robuuste standaardfouten (HC1)", "robust standard errors (HC1)"),
    "jackknife": ("jackknife over scholen", "jackknife over schools"),
    "mapping": ("koppeltabel", "mapping"), "exact": ("exact gelijk", "exact"),
    "fuzzy": ("voorstel (controleren)", "suggestion (review)"), "new": ("nieuw (controleren)", "new (review)"),
    "region": ("zelfde naam, plaats weggelaten (controleren)", "same name without the place (review)"),
    "role": ("functie bij een instantie (controleren)", "role at an agency (review)"),
    "ambiguous": ("meerduidig, niet samengevoegd (controleren)", "ambiguous, not merged (review)"),
}


def value_label(value, lang: str = "nl"):
    """An option value as people read it: ``"randomization"`` → ``"randomisatie-inferentie"``.

    Values that are not option names are returned unchanged.

    Examples
    --------
    >>> value_label("poisson"), value_label("randomization", "en"), value_label("Accare")
    ('Poisson-regressie', 'randomization inference', 'Accare')
    """
    check_lang(lang)
    return _VALUES.get(value, (value, value))[0 if lang == "nl" else 1] if isinstance(value, str) else value


def _format(values: pd.Series, kind: str, lang: str) -> pd.Series:
    def num(x, d):
        return format_number(x, d, lang)

    if kind == "text":
        return values.map(lambda v: value_label(v, lang))
    if kind == "bool":
        yes, no = ("ja", "nee") if lang == "nl" else ("yes", "no")
        return values.map(lambda v: yes if v is True or v == 1 else no)
    if kind == "period":
        stamps = pd.to_datetime(values, errors="coerce")
        return pd.Series(np.where(stamps.notna(), stamps.dt.strftime("%Y-%m"), values.astype(str)), index=values.index)
    as_float = pd.to_numeric(values, errors="coerce")
    rules = {"int": lambda x: num(x, 0), "dec0": lambda x: num(x, 0), "dec1": lambda x: num(x, 1),
             "dec2": lambda x: num(x, 2), "dec3": lambda x: num(x, 3), "pct": lambda x: num(x, 1) + "%",
             "share": lambda x: num(100 * x, 0) + "%", "rate": lambda x: num(1000 * x, 2),
             "rate1000": lambda x: num(x, 2),
             "p": lambda x: format_p(x, lang).removeprefix("p = ").replace("p < ", "< ")}
    return as_float.map(lambda x: "–" if x is None or (isinstance(x, float) and math.isnan(x)) else rules[kind](x))


def display_table(obj, lang: str = "nl", *, vertical: bool | None = None) -> pd.DataFrame:
    """The table to show people: known columns renamed (with units) and formatted, others left out.

    Parameters
    ----------
    obj : DataFrame or result object
        A tidy frame, or anything with ``.to_frame()`` (``DidResult``, ``RateRatioResult``, ...).
    lang : {"nl", "en"}
    vertical : bool, optional
        Show one row per quantity (``grootheid``, ``waarde``); default for a result object with one row.

    Returns
    -------
    DataFrame of strings. Columns it does not know are left out of result objects (internal
    fields) and kept unchanged in plain frames (your own columns).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"ratio": [0.7912], "p_value": [0.00002], "percent_change": [-20.849]})
    >>> print(display_table(frame, vertical=True).to_string(index=False))
          grootheid  waarde
         verhouding    0,79
           p-waarde < 0,001
    verandering (%)  −20,8%
    """
    check_lang(lang)
    result = not isinstance(obj, pd.DataFrame)
    frame = obj.to_frame() if result else obj
    if isinstance(frame, pd.Series):
        frame = frame.to_frame().T
    level = getattr(obj, "level", None)
    if level is None and "level" in frame and len(frame):
        level = frame["level"].iloc[0]
    ci = f"{format_number(100 * (level if level is not None else 0.95), 0, lang)}%"
    ci = f"({ci}-BI)" if lang == "nl" else f"({ci} CI)"
    comparison = getattr(obj, "comparison", None)
    groups = ({"g1": "na", "g0": "voor"} if lang == "nl" else {"g1": "after", "g0": "before"}) if (
        comparison == "before_after") else ({"g1": "groep 1", "g0": "groep 0"} if lang == "nl" else
                                            {"g1": "group 1", "g0": "group 0"})
    out = {}
    i = 0 if lang == "nl" else 1
    for column in frame.columns:
        if column in COLUMNS:
            spec = COLUMNS[column]
            label, kind = spec[i].format(ci=ci, **groups), spec[2]
        elif column in _BOUNDS:
            main = next((c for c in ("coef", "estimate", "ratio", "rate", "median", "share") if c in frame.columns),
                        None)
            label = _BOUNDS[column][i].format(ci=ci)
            kind = COLUMNS[main][2] if main else "dec2"
            label = f"{COLUMNS[main][i].split(' (')[0]}, {label}" if main else label
        elif result:
            continue
        else:
            label, kind = column, "text"
        out[label] = _format(frame[column], kind, lang).to_numpy()
    table = pd.DataFrame(out, index=frame.index)
    if vertical if vertical is not None else (result and len(table) == 1):
        names = ("grootheid", "waarde") if lang == "nl" else ("quantity", "value")
        return pd.DataFrame({names[0]: list(table.columns), names[1]: [str(v) for v in table.iloc[0]]})
    return table.reset_index(drop=True)
