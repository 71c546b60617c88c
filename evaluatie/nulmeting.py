"""Baseline (nulmeting) of care agencies per school: counts, fragmentation and richness.

Answers: how many agencies are involved with our pupils, how is care spread over them, and how
many agencies would a complete file study have found (Chao1 / Chao2)?

Examples
--------
>>> import pandas as pd
>>> d = pd.DataFrame({"school": ["A"] * 4, "pupil": ["p1", "p1", "p2", "p3"],
...                   "agency": ["Accare", "Wijkteam", "Accare", None]})
>>> agency_counts(d)[["school", "n_pupils", "n_pupils_with_agency", "n_agencies"]].to_dict("records")
[{'school': 'A', 'n_pupils': 3, 'n_pupils_with_agency': 2, 'n_agencies': 2}]
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .errors import InputError
from .text import check_lang, format_number, t

__all__ = ["agency_counts", "pupil_table", "agency_table", "fragmentation", "chao1", "chao2", "Richness"]


def _check_columns(data: pd.DataFrame, **columns) -> None:
    missing = [c for c in columns.values() if c is not None and c not in data.columns]
    if missing:
        hint = " Maak de kolom 'agency' eerst met evaluatie.agencies.normalize." if "agency" in missing else ""
        raise InputError(t("missing_columns", missing=", ".join(missing), present=", ".join(map(str, data.columns)))
                         + hint, column=missing[0])


def _mentions(data, school, pupil, agency) -> pd.DataFrame:
    """Distinct (school, pupil, agency) mentions; the same agency twice for a pupil counts once."""
    _check_columns(data, school=school, pupil=pupil, agency=agency)
    return data.dropna(subset=[agency]).drop_duplicates([school, pupil, agency])


def pupil_table(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                agency: str = "agency") -> pd.DataFrame:
    """One row per pupil: ``school, pupil, n_agencies`` (0 for pupils without any agency)."""
    _check_columns(dossier, school=school, pupil=pupil, agency=agency)
    pupils = dossier[[school, pupil]].drop_duplicates()
    counts = _mentions(dossier, school, pupil, agency).groupby([school, pupil]).size().rename("n_agencies")
    out = pupils.merge(counts.reset_index(), on=[school, pupil], how="left")
    return out.fillna({"n_agencies": 0}).astype({"n_agencies": int}).reset_index(drop=True)


def agency_table(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                 agency: str = "agency", agency_type: str | None = None) -> pd.DataFrame:
    """One row per school × agency: ``n_pupils`` (pupils with that agency) and ``share`` of the school's pupils,
    sorted from most to least pupils."""
    _check_columns(dossier, school=school, pupil=pupil, agency=agency, agency_type=agency_type)
    mentions = _mentions(dossier, school, pupil, agency)
    keys = [school, agency] + ([agency_type] if agency_type else [])
    if agency_type:  # one type per agency: the most frequent non-missing one
        types = mentions.dropna(subset=[agency_type]).groupby([school, agency])[agency_type].agg(
            lambda s: s.mode().iloc[0])
        mentions = mentions.drop(columns=agency_type).merge(types.reset_index(), on=[school, agency], how="left")
    table = mentions.groupby(keys, dropna=False)[pupil].nunique().rename("n_pupils").reset_index()
    totals = dossier.groupby(school)[pupil].nunique()
    table["share"] = table["n_pupils"] / table[school].map(totals)
    return table.sort_values([school, "n_pupils", agency], ascending=[True, False, True]).reset_index(drop=True)


def fragmentation(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                  agency: str = "agency") -> pd.DataFrame:
    """How spread out care is, per school.

    Returns ``school, n_agencies, herfindahl, effective_agencies, share_single_pupil, top3_share``:

    * ``herfindahl`` = Σ sᵢ² with sᵢ agency i's share of all pupil–agency links (1 = one agency
      does everything; 1/k = evenly spread over k agencies);
    * ``effective_agencies`` = 1 / herfindahl, the number of equally large agencies that would give
      the same concentration;
    * ``share_single_pupil``: share of agencies involved with one pupil only (the long tail);
    * ``top3_share``: share of links held by the three largest agencies.

    References: Rhoades (1993), The Herfindahl-Hirschman index, Fed. Res. Bull. 79, 188.
    """
    links = agency_table(dossier, school=school, pupil=pupil, agency=agency)
    rows = []
    for name, group in links.groupby(school, sort=True):
        n = group["n_pupils"].to_numpy(float)
        shares = n / n.sum()
        hhi = float(np.sum(shares**2))
        rows.append((name, len(n), hhi, 1 / hhi, float(np.mean(n == 1)), float(np.sort(shares)[::-1][:3].sum())))
    return pd.DataFrame(rows, columns=[school, "n_agencies", "herfindahl", "effective_agencies",
                                       "share_single_pupil", "top3_share"])


def agency_counts(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                  agency: str = "agency", agency_type: str | None = None) -> pd.DataFrame:
    """Key figures per school from a file study (one row per school).

    Columns: ``n_pupils`` (all pupils whose file was read, also those without any agency),
    ``n_pupils_with_agency``, ``n_agencies`` (distinct agencies), ``agencies_per_100_pupils``,
    ``mean_agencies_per_pupil``, ``median_agencies_per_pupil``, ``max_agencies_per_pupil`` (over all
    pupils), ``share_2plus`` and ``share_3plus`` (share of pupils with at least 2 / 3 agencies), and,
    with ``agency_type``, ``n_agencies_<type>`` per agency type. The same agency mentioned twice
    for one pupil counts once.
    """
    per_pupil = pupil_table(dossier, school=school, pupil=pupil, agency=agency)
    g = per_pupil.groupby(school, sort=True)["n_agencies"]
    out = pd.DataFrame({
        "n_pupils": g.size(),
        "n_pupils_with_agency": g.apply(lambda s: int((s > 0).sum())),
        "n_agencies": _mentions(dossier, school, pupil, agency).groupby(school)[agency].nunique(),
    })
    out["n_agencies"] = out["n_agencies"].fillna(0).astype(int)
    out["agencies_per_100_pupils"] = 100 * out["n_agencies"] / out["n_pupils"]
    out["mean_agencies_per_pupil"] = g.mean()
    out["median_agencies_per_pupil"] = g.median()
    out["max_agencies_per_pupil"] = g.max()
    out["share_2plus"] = g.apply(lambda s: float((s >= 2).mean()))
    out["share_3plus"] = g.apply(lambda s: float((s >= 3).mean()))
    if agency_type:
        links = agency_table(dossier, school=school, pupil=pupil, agency=agency, agency_type=agency_type)
        by_type = links.groupby([school, agency_type], dropna=False).size().unstack(fill_value=0)
        by_type.columns = [f"n_agencies_{'onbekend' if pd.isna(c) else c}" for c in by_type.columns]
        out = out.join(by_type).fillna({c: 0 for c in by_type.columns})
    return out.reset_index()


# ------------------------------------------------------------------------------ richness
@dataclass(frozen=True)
class Richness:
    """Estimated number of agencies (species richness) with standard error and interval."""

    method: str
    observed: int
    estimate: float
    se: float
    lower: float
    upper: float
    level: float
    f1: int
    f2: int
    n: int

    def to_frame(self) -> pd.DataFrame:
        """One tidy row with all fields."""
        return pd.DataFrame([asdict(self)])

    def summary(self, lang: str = "nl") -> str:
        """One sentence for a report, e.g. 'Geschat aantal instanties: 43,4 (95%-BI: 19,6 tot 140,2) ...'."""
        check_lang(lang)
        f = lambda x: format_number(x, 1, lang)  # noqa: E731
        pct = format_number(100 * self.level, 0, lang)
        if lang == "nl":
            return (f"Gevonden: {self.observed} instanties. Geschat aantal bij een volledig onderzoek ({self.method}): "
                    f"{f(self.estimate)} ({pct}%-BI: {f(self.lower)} tot {f(self.upper)}); "
                    f"{self.f1} instanties kwamen één keer voor, {self.f2} twee keer.")
        return (f"Observed: {self.observed} agencies. Estimated number in a complete study ({self.method}): "
                f"{f(self.estimate)} ({pct}% CI: {f(self.lower)} to {f(self.upper)}); "
                f"{self.f1} agencies were seen once, {self.f2} twice.")


def _lognormal_interval(observed: int, estimate: float, var: float, level: float) -> tuple[float, float]:
    """Chao (1987) interval: log(Ŝ - S_obs) is taken as normal, so the lower bound is never below S_obs."""
    extra = estimate - observed
    if extra <= 0 or var <= 0:
        return float(observed), float(estimate)
    z = stats.norm.ppf(0.5 + level / 2)
    k = np.exp(z * np.sqrt(np.log(1 + var / extra**2)))
    return float(observed + extra / k), float(observed + extra * k)


def chao1(counts, level: float = 0.95) -> Richness:
    """Bias-corrected Chao1 richness estimate from abundance counts (e.g. pupils per agency).

    Parameters
    ----------
    counts : array-like of int
        Number of individuals (pupils) per observed agency; zeros are ignored.
    level : float
        Confidence level of the interval.

    Returns
    -------
    Richness
        ``observed``, ``estimate``, ``se``, ``lower``, ``upper`` (log-normal interval, Chao 1987),
        ``f1`` / ``f2`` (singletons / doubletons) and ``n`` (total count).

    Notes
    -----
    ``Ŝ = S_obs + f1 (f1 - 1) / (2 (f2 + 1))`` (Chao 2005). The variance is the delta-method
    variance ``f1(f1-1)/(2(f2+1)) + f1(2f1-1)²/(4(f2+1)²) + f1²f2(f1-1)²/(4(f2+1)⁴) − f1²(f1+f2)²/(4(f2+1)⁴Ŝ)``,
    which is what vegan's ``estimateR`` reports as ``se.chao1``.

    References
    ----------
    Chao, A. (1987). Estimating the population size for capture-recapture data with unequal
    catchability. Biometrics 43, 783–791. doi:10.2307/2531532.
    Chao, A. (2005). Species estimation and applications. Encyclopedia of Statistical Sciences.
    doi:10.1002/0471667196.ess5051.

    Validated against: R vegan 2.6-4 ``estimateR`` (tests/reference/chao.R, tests/test_nulmeting.py).

    Examples
    --------
    >>> r = chao1([1, 1, 1, 3, 5, 9])
    >>> r.observed, r.estimate, round(r.se, 4)
    (6, 9.0, 4.4159)
    """
    x = np.asarray(counts, dtype=float)
    if x.ndim != 1 or np.any(x < 0) or np.any(x != np.round(x)):
        raise InputError("chao1: geef een rij gehele aantallen (0 of meer), bijvoorbeeld leerlingen per instantie.")
    x = x[x > 0]
    s_obs, f1, f2 = len(x), int(np.sum(x == 1)), int(np.sum(x == 2))
    estimate = s_obs + f1 * (f1 - 1) / (2 * (f2 + 1))
    var = (f1 * (f1 - 1) / (2 * (f2 + 1)) + f1 * (2 * f1 - 1) ** 2 / (4 * (f2 + 1) ** 2)
           + f1**2 * f2 * (f1 - 1) ** 2 / (4 * (f2 + 1) ** 4))
    if estimate > 0:
        var -= f1**2 * (f1 + f2) ** 2 / (4 * (f2 + 1) ** 4 * estimate)
    var = max(var, 0.0)
    lower, upper = _lognormal_interval(s_obs, estimate, var, level)
    return Richness("Chao1", s_obs, float(estimate), float(np.sqrt(var)), lower, upper, level, f1, f2, int(x.sum()))


def chao2(incidence, level: float = 0.95) -> Richness:
    """Chao2 richness estimate from incidence data (pupil × agency presence matrix).

    Parameters
    ----------
    incidence : DataFrame or 2-D array
        One row per sampling unit (pupil file read; include pupils without any agency as rows of
        zeros), one column per agency, non-zero = agency involved.
    level : float
        Confidence level of the interval.

    Notes
    -----
    With ``m`` files read, ``Q1``/``Q2`` the agencies found in exactly one/two files and
    ``c = (m - 1) / m``: ``Ŝ = S_obs + c Q1² / (2 Q2)`` if ``Q2 > 0``, else the bias-corrected
    ``S_obs + c Q1 (Q1 - 1) / 2`` (Chao et al. 2014, Appendix S1). Variance
    ``Q2 [c/2 r² + c² r³ + c²/4 r⁴]`` with ``r = Q1/Q2``; for ``Q2 = 0``
    ``c (c (Q1(2Q1-1)²/4 − Q1⁴/(4Ŝ)) + Q1(Q1-1)/2)``. Log-normal interval (Chao 1987).

    References
    ----------
    Chao, A., Gotelli, N. J., Hsieh, T. C., et al. (2014). Rarefaction and extrapolation with Hill
    numbers. Ecological Monographs 84, 45–67. doi:10.1890/13-0133.1.

    Validated against: R vegan 2.6-4 ``specpool`` (tests/reference/chao.R, tests/test_nulmeting.py).

    Examples
    --------
    >>> import numpy as np
    >>> r = chao2(np.array([[1, 1, 0], [1, 0, 1], [0, 0, 0]]))
    >>> r.observed, r.n, round(r.estimate, 3)
    (3, 3, 4.333)
    """
    y = np.asarray(incidence, dtype=float)
    if y.ndim != 2 or np.isnan(y).any():
        raise InputError("chao2: geef een tabel met één rij per leerling en één kolom per instantie (0/1).")
    y = (y > 0).astype(int)
    m = y.shape[0]
    if m < 2:
        raise InputError("chao2: er zijn minstens 2 gelezen dossiers nodig.")
    freq = y.sum(axis=0)
    freq = freq[freq > 0]
    s_obs, q1, q2 = len(freq), int(np.sum(freq == 1)), int(np.sum(freq == 2))
    c = (m - 1) / m
    if q2 > 0:
        estimate = s_obs + c * q1**2 / (2 * q2)
        r = q1 / q2
        var = q2 * (c / 2 * r**2 + c**2 * r**3 + c**2 / 4 * r**4)
    else:
        estimate = s_obs + c * q1 * (q1 - 1) / 2
        var = c * (c * (q1 * (2 * q1 - 1) ** 2 / 4 - (q1**4 / (4 * estimate) if estimate else 0)) + q1 * (q1 - 1) / 2)
    var = max(var, 0.0)
    lower, upper = _lognormal_interval(s_obs, estimate, var, level)
    return Richness("Chao2", s_obs, float(estimate), float(np.sqrt(var)), lower, upper, level, q1, q2, m)
