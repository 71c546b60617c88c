"""Staggered roll-out: when schools get a youth worker at different times, effect per period since the start.

:func:`event_study` implements Callaway & Sant'Anna (2021): each start group is compared with the
never-treated schools relative to its own pre-start periods, and the group–time effects are averaged
by time since the start. Plain two-way fixed effects (:func:`evaluatie.did.panel_did`) compares later
starters with earlier ones and is biased when effects grow over time (Goodman-Bacon 2021).

Examples
--------
>>> from evaluatie import synthetic
>>> panel, truth = synthetic.panel(treated_units=3, later_units=3, baseline=10, seed=2)
>>> event_study(panel, exposure="exposure").n_cohorts
2
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from .did import _effect_sentence, _require
from .errors import InputError
from .text import check_lang, format_number, format_p, t

__all__ = ["event_study", "EventStudy"]


@dataclass
class EventStudy:
    """Result of :func:`event_study`: effects by period relative to the start, and overall."""

    effects: pd.DataFrame
    group_time: pd.DataFrame
    att: float
    ci: tuple
    se: float
    pretrend_p: float
    family: str
    method: str
    level: float
    n_units: int
    n_treated_units: int
    n_cohorts: int
    df: int
    notes: list = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Overall rate ratio exp(att) for Poisson (NaN for gaussian)."""
        return math.exp(self.att) if self.family == "poisson" else float("nan")

    def to_frame(self) -> pd.DataFrame:
        """One row per period relative to the start: ``rel_time, estimate, se, lower, upper`` (+ ``ratio``)."""
        return self.effects.copy()

    def sentence(self, lang: str = "nl") -> str:
        """The overall effect in words."""
        return _effect_sentence(self.att, self.ci, self.family, self.level, lang)

    def summary(self, lang: str = "nl") -> str:
        """Overall effect, design, and the check of the periods before the start."""
        check_lang(lang)
        method = t("es_method", lang, treated=self.n_treated_units, units=self.n_units, cohorts=self.n_cohorts,
                   df=self.df)
        pretrend = t("es_pretrend_warn" if self.pretrend_p < 0.05 else "es_pretrend", lang,
                     p=format_p(self.pretrend_p, lang))
        return "\n".join([self.sentence(lang), method, pretrend] + [f"- {n}" for n in self.notes])

    def plot(self, ax=None, lang: str = "nl", title: str | None = None):
        """Estimate and interval per period relative to the start; pre-periods in grey, start marked."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, house_style

        check_lang(lang)
        e = self.effects
        count = self.family == "poisson"
        y, lo, hi = (np.exp(e["estimate"]), np.exp(e["lower"]), np.exp(e["upper"])) if count else (
            e["estimate"], e["lower"], e["upper"])
        lab = {"nl": ("Perioden ten opzichte van de start", "Verhouding van de verwijzingen (1 = geen verandering)",
                      "Verschil met de vergelijkingsgroep", "Effect per periode na de start"),
               "en": ("Periods relative to the start", "Rate ratio of referrals (1 = no change)",
                      "Difference from the comparison group", "Effect by period since the start")}[lang]
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(9.0, 4.8))
            colors = np.where(e["rel_time"] < 0, GREY, PALETTE[0])
            ax.axhline(1.0 if count else 0.0, color=GREY, linewidth=1)
            ax.axvline(-0.5, color=GREY, linestyle="--", linewidth=1)
            ax.vlines(e["rel_time"], lo, hi, colors=colors, linewidth=2)
            ax.scatter(e["rel_time"], y, c=colors, zorder=3)
            ax.set_xlabel(lab[0])
            ax.set_ylabel(lab[1] if count else lab[2])
            ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_number(v, 2, lang)))
            ax.set_title(title or lab[3])
        return ax


def _group_time(Y, E, cohorts, members, weights, family, per, base: str = "universal"):
    """ATT(g, t) for every cohort g and period t against never-treated units.

    ``Y``/``E``: units × periods; ``members``: cohorts × units (0/1); ``weights``: B × units
    (bootstrap multiplicities; a row of ones for the estimate). Returns B × cohorts × periods.
    The base of cohort g is period g − 1 (``universal``, Callaway & Sant'Anna 2021) or all periods
    before g pooled (``pre_mean``). Gaussian: difference of mean changes (no covariates); Poisson: log
    of the ratio of pooled rate ratios (treated vs never treated), the Poisson analogue (Wooldridge 2023),
    with counts as ``y + 1/2`` (Haldane–Anscombe): this removes the small-count bias of the log
    (about −1/(2y)) and allows months without referrals.
    """
    never = 1 - members.sum(axis=0)
    bases = [np.arange(g - 1, g) if base == "universal" else np.arange(0, g) for g in cohorts]
    if family == "poisson":
        def log_rates(mask, b):
            y = np.einsum("bu,u,ut->bt", weights, mask, Y)
            e = np.einsum("bu,u,ut->bt", weights, mask, E)
            with np.errstate(divide="ignore", invalid="ignore"):
                return (np.log((y + 0.5) / e),
                        np.log((y[:, b].sum(axis=1, keepdims=True) + 0.5) / e[:, b].sum(axis=1, keepdims=True)))
        out = []
        for k, b in enumerate(bases):
            (lg, lg0), (lc, lc0) = log_rates(members[k], b), log_rates(never, b)
            out.append((lg - lg0) - (lc - lc0))
        return np.stack(out, axis=1)
    rate = Y / E * per if E is not None else Y

    def mean_change(mask, b):
        w = weights * mask
        return (w @ (rate - rate[:, b].mean(axis=1, keepdims=True))) / w.sum(axis=1, keepdims=True)
    return np.stack([mean_change(members[k], b) - mean_change(never, b) for k, b in enumerate(bases)], axis=1)


def event_study(panel: pd.DataFrame, outcome: str = "count", unit: str = "unit", time: str = "period",
                start: str = "start", exposure: str | None = None, *, family: str = "poisson",
                method: str = "callaway_santanna", base: str = "pre_mean", inference: str = "jackknife",
                level: float = 0.95, per: float = 1000) -> EventStudy:
    """Staggered roll-out: effect per period since the start, robust to effects that differ by start date.

    Parameters
    ----------
    panel : DataFrame
        One row per unit × period.
    outcome, unit, time : str
        Count (or rate) column, unit column, period column.
    start : str
        Column with each unit's first treated period (date or period value); empty for units that
        never get the intervention (the comparison group).
    exposure : str, optional
        Pupils enrolled; Poisson uses pooled rates ``Σ count / Σ exposure``, gaussian the rate per ``per``.
    family : {"poisson", "gaussian"}
        ``poisson``: effects are log rate ratios (``ratio`` = exp); ``gaussian``: differences.
    method : {"callaway_santanna"}
        Each start group is compared with the never-treated units, relative to the period before
        its own start, and the group–time effects are averaged by period since the start (weights:
        number of units per group). Plain two-way fixed effects (:func:`panel_did`) compares later
        starters with earlier ones and is biased when effects grow over time (Goodman-Bacon 2021).
    base : {"pre_mean", "universal"}
        What each start group is compared against: all its periods before the start pooled
        (``pre_mean``, default: with monthly counts one base month is too noisy) or only the period
        just before the start (``universal``, the Callaway–Sant'Anna event-study base; then
        ``rel_time = -1`` is 0 by construction).
    inference : {"jackknife"}
        Delete-one-unit jackknife, stratified by start group (never-treated units are their own
        stratum); intervals estimate ± t·SE with (units − strata) degrees of freedom.

    Returns
    -------
    EventStudy
        ``.to_frame()`` with ``rel_time, estimate, se, lower, upper`` (and ``ratio`` for Poisson),
        ``att`` and ``ci`` (average of all post-start group–time effects, weighted by group size),
        ``pretrend_p`` (test that the pre-start effects have mean zero and no trend),
        ``group_time`` (ATT(g, t) per start group and period), ``.summary()``, ``.plot()``.

    Notes
    -----
    With 3 schools per start group every interval rests on very few units; read them as indicative
    and prefer the overall ``att``. A bootstrap over units would understate the variance by a
    factor (n − 1)/n here; the jackknife does not (for averages it is exactly unbiased).

    Measured on 100 synthetic roll-outs (3 + 3 of 15 schools, rate ratio reaching 0.6 over 12
    months; ``benchmarks/event_study_validity.py``): bias of ``att`` −0.0001 (plain TWFE +0.045,
    pulled towards no effect), pointwise coverage of the 95% intervals 0.917; the pre-trend test
    rejected in 11% of worlds with parallel trends (so it is somewhat too eager) and in 70% with
    a diverging trend of 2% per month.

    References
    ----------
    Callaway, B., & Sant'Anna, P. H. C. (2021). Difference-in-differences with multiple time
    periods. J. Econometrics 225, 200–230.
    Sun, L., & Abraham, S. (2021). Estimating dynamic treatment effects in event studies with
    heterogeneous treatment effects. J. Econometrics 225, 175–199.
    Wooldridge, J. M. (2023). Simple approaches to nonlinear difference-in-differences with panel
    data. Econometrics Journal 26, C31–C66.
    Goodman-Bacon, A. (2021). Difference-in-differences with variation in treatment timing.
    J. Econometrics 225, 254–277.

    Validated against: the ``diff-diff`` package 3.13 (``CallawaySantAnna``, universal base period,
    never-treated controls) for gaussian group–time effects (tests/test_did.py).

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> p, truth = synthetic.panel(treated_units=3, later_units=3, baseline=10, seed=2)
    >>> es = event_study(p, exposure="exposure")
    >>> es.to_frame().columns.tolist()
    ['rel_time', 'estimate', 'se', 'lower', 'upper', 'n_cohorts', 'ratio']
    """
    if family not in ("poisson", "gaussian"):
        raise InputError(f"family='{family}' bestaat niet voor event_study; kies uit: poisson, gaussian.")
    if base not in ("pre_mean", "universal"):
        raise InputError(f"base='{base}' bestaat niet; kies uit: pre_mean, universal.")
    if method != "callaway_santanna":
        raise InputError(f"method='{method}' bestaat niet; kies: callaway_santanna (tweezijdig vaste effecten "
                         "zonder correctie is vertekend bij gespreide invoering; zie panel_did).")
    if inference != "jackknife":
        raise InputError(f"inference='{inference}' bestaat niet voor event_study; kies: jackknife.")
    _require(panel, {"outcome": outcome, "unit": unit, "time": time, "start": start, "exposure": exposure})
    d = panel.copy()
    notes = []
    periods = np.sort(d[time].dropna().unique())
    units = np.sort(d[unit].unique())
    starts = d.groupby(unit)[start].first()
    if d.groupby(unit)[start].nunique().gt(1).any():
        bad = d.groupby(unit)[start].nunique()
        raise InputError(f"'{bad[bad > 1].index[0]}' heeft meer dan één startdatum; één start per eenheid nodig "
                         "(stoppen en opnieuw beginnen kan deze methode niet aan).", column=start)
    if "treated" in d and d["treated"].notna().all():
        stops = d.sort_values(time).groupby(unit)["treated"].apply(lambda x: bool((x.astype(int).diff() < 0).any()))
        if stops.any():
            raise InputError(f"Bij '{stops[stops].index[0]}' stopt de interventie weer (treated van 1 naar 0). Deze "
                             "methode gaat uit van een start die blijft; analyseer de periode tot de stop.",
                             column="treated")
    start_idx = {}
    for u, s in starts.items():
        if pd.isna(s):
            continue
        later = np.flatnonzero(periods >= s)
        if not len(later):
            notes.append(f"'{u}' start na de laatste periode en telt als vergelijkingseenheid.")
            continue
        start_idx[u] = int(later[0])
    first = {u: k for u, k in start_idx.items() if k == 0}
    if first:
        notes.append(f"{len(first)} eenheid/eenheden hadden al de interventie in de eerste periode (geen voormeting) "
                     f"en zijn weggelaten: {', '.join(map(str, list(first)[:5]))}.")
        units = np.array([u for u in units if u not in first])
        start_idx = {u: k for u, k in start_idx.items() if k > 0}
    if not start_idx:
        raise InputError("Geen enkele eenheid start met de interventie binnen de gemeten periode.", column=start)
    if len(start_idx) == len(units):
        raise InputError("Er zijn geen eenheden zonder interventie (vergelijkingsgroep); gebruik voor één reeks "
                         "evaluatie.its.segmented.", column=start)
    Y = d.pivot_table(index=unit, columns=time, values=outcome, aggfunc="sum").reindex(index=units, columns=periods)
    E = (d.pivot_table(index=unit, columns=time, values=exposure, aggfunc="sum").reindex(index=units, columns=periods)
         if exposure else None)
    if Y.isna().to_numpy().any() or (E is not None and E.isna().to_numpy().any()):
        raise InputError("Het panel heeft gaten (eenheden zonder alle perioden); event_study heeft een gebalanceerd "
                         "panel nodig. Vul ontbrekende maanden aan of laat die eenheden weg.", column=time)
    if family == "poisson" and E is None:
        E = pd.DataFrame(1.0, index=Y.index, columns=Y.columns)
    Yv, Ev = Y.to_numpy(float), (None if E is None else E.to_numpy(float))
    cohorts = np.array(sorted(set(start_idx.values())))
    members = np.array([[1.0 if start_idx.get(u) == g else 0.0 for u in units] for g in cohorts])
    sizes = members.sum(axis=1)
    strata = [np.flatnonzero(m) for m in members] + [np.flatnonzero(members.sum(axis=0) == 0)]
    W = np.ones((1 + len(units), len(units)))
    W[1 + np.arange(len(units)), np.arange(len(units))] = 0.0  # row 1 + i: unit i left out
    gt = _group_time(Yv, Ev, cohorts, members, W, family, per, base)
    if not np.isfinite(gt[0]).all():
        raise InputError("Een startgroep of de vergelijkingsgroep heeft in een periode 0 gebeurtenissen; de "
                         "verhouding is dan niet te schatten. Tel per kwartaal of schooljaar: "
                         "evaluatie.zorgvraag.coarsen(panel, freq='Q').", column=outcome)
    n_t = len(periods)
    rel = np.arange(n_t)[None, :] - cohorts[:, None]           # cohorts × periods
    rel_values = np.arange(rel.min(), rel.max() + 1)
    est_rel = np.stack([(gt[:, rel == e] * sizes[np.nonzero(rel == e)[0]]).sum(axis=1)
                        / sizes[np.nonzero(rel == e)[0]].sum() for e in rel_values], axis=1)
    post = rel >= 0
    w_post = np.broadcast_to(sizes[:, None], rel.shape)[post]
    att_all = (gt[:, post] * w_post).sum(axis=1) / w_post.sum()
    df = len(units) - len(strata)
    z = stats.t.ppf(0.5 + level / 2, df)
    se_rel = np.sqrt(_jackknife_var(est_rel, strata))
    effects = pd.DataFrame({"rel_time": rel_values, "estimate": est_rel[0], "se": se_rel,
                            "lower": est_rel[0] - z * se_rel, "upper": est_rel[0] + z * se_rel,
                            "n_cohorts": [int((rel == e).any(axis=1).sum()) for e in rel_values]})
    if base == "universal":
        effects.loc[effects["rel_time"] == -1, ["se", "lower", "upper"]] = 0.0
    if family == "poisson":
        effects["ratio"] = np.exp(effects["estimate"])
    att, att_se = float(att_all[0]), float(np.sqrt(_jackknife_var(att_all[:, None], strata)[0]))
    pretrend_p = _pretrend_test(rel_values, est_rel, strata, slope_only=base == "pre_mean")
    group_time = pd.DataFrame([(periods[g], periods[t], t - g, gt[0, k, t]) for k, g in enumerate(cohorts)
                               for t in range(n_t)], columns=["start", "period", "rel_time", "estimate"])
    if sizes.min() < 5:
        notes.append(f"Kleinste startgroep: {int(sizes.min())} eenheden; de intervallen zijn dan ruw.")
    return EventStudy(effects, group_time, att, (att - z * att_se, att + z * att_se), att_se, pretrend_p, family,
                      method, level, len(units), int(sizes.sum()), len(cohorts), df, notes)


def _jackknife_var(values: np.ndarray, strata: list) -> np.ndarray:
    """Stratified delete-one jackknife variance per column of ``values`` (row 0: estimate, row 1 + i: unit i left out).

    ``V = Σ_h (n_h − 1)/n_h Σ_{i∈h} (θ₋ᵢ − θ̄_h)²``; unbiased for means even with 3 units per stratum,
    where a bootstrap over units underestimates the variance by a factor (n − 1)/n.
    """
    out = np.zeros(values.shape[1])
    for s in strata:
        if len(s) < 2:
            continue
        leave = values[1 + s]
        out += (len(s) - 1) / len(s) * ((leave - leave.mean(axis=0)) ** 2).sum(axis=0)
    return out


def _pretrend_test(rel_values: np.ndarray, est_rel: np.ndarray, strata: list, slope_only: bool = False) -> float:
    """p-value of H0: before the start the effects have mean 0 and no trend (Wald, bootstrap covariance).

    Summarizing the pre-start effects (rel_time ≤ −2, or all pre-start periods with the pooled
    base, whose mean is 0 by construction) by their mean and least-squares slope keeps the test
    stable with many monthly pre-periods and few units, and targets the usual violations: a level
    difference that opens up before the start, and diverging trends.
    """
    pre = rel_values < (0 if slope_only else -1)
    if pre.sum() < 2:
        return float("nan")
    x = rel_values[pre] - rel_values[pre].mean()
    slope = est_rel[:, pre] @ x / (x @ x)
    summary = slope[:, None] if slope_only else np.column_stack([est_rel[:, pre].mean(axis=1), slope])
    cov = np.zeros((summary.shape[1],) * 2)
    for s in strata:
        if len(s) > 1:
            dev = summary[1 + s] - summary[1 + s].mean(axis=0)
            cov += (len(s) - 1) / len(s) * dev.T @ dev
    k = np.linalg.matrix_rank(cov)
    df = sum(len(s) for s in strata) - len(strata)
    stat = float(summary[0] @ np.linalg.pinv(cov) @ summary[0]) / k
    return float(stats.f.sf(stat, k, df))  # Hotelling-type small-sample reference
