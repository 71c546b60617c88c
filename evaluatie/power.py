"""Power and sample size: how many schools and years are needed to see a drop in referrals?

* :func:`simulate_did` — power of the school × period difference-in-differences (:func:`evaluatie.did.panel_did`,
  Poisson with unit and period fixed effects) by simulation, for a grid of designs: one row per
  combination, with a Monte Carlo (Clopper–Pearson) interval and the inference method *actually*
  used in that cell (``inference="auto"`` switches from randomization inference to cluster-robust
  errors at 42 schools with at least 10 treated and 10 not: the summary says where);
* :func:`mde` — the minimum detectable rate ratio at 80% power, with its Monte Carlo interval;
* :func:`power_rates` and :func:`power_proportions` — analytic power of the two-sample comparisons of
  Poisson rates and of proportions (the classical formulas, for checks and quick answers).

The simulation is vectorized: for randomization inference the null model of a balanced panel with
exposure constant within a school has a closed form (``μ̂⁰_it = y_i· y_·t / y_··``), so the score
statistic of every assignment × every simulated study is one matrix product; for cluster-robust
errors the Poisson fixed-effects model is fitted for all simulated studies at once by iterative
proportional fitting. Simulated studies where :func:`~evaluatie.did.panel_did` would drop a school
(no referrals at all) are analysed by ``panel_did`` itself, so every p-value is the one ``panel_did``
would report (tests/test_power.py).

Examples
--------
>>> res = simulate_did(n_units=8, n_treated=3, n_periods=12, baseline_rate=4, pupils_per_unit=300,
...                    rate_ratio=[1.0, 0.6], n_sims=40, seed=1, n_jobs=1)
>>> res.to_frame()[["rate_ratio", "method", "n_sims"]].values.tolist()
[[1.0, 'randomization', 40], [0.6, 'randomization', 40]]
"""
from __future__ import annotations

import itertools
import math
import sys
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import special, stats

from .errors import InputError, check_option
from .text import check_lang, format_number, t

__all__ = ["simulate_did", "mde", "design_from_panel", "describe_design", "power_rates", "power_proportions", "PowerResult", "MdeResult",
           "auto_method"]

Inference = Literal["auto", "randomization", "cluster"]
#: Design parameters of :func:`simulate_did` in the order of the grid (and of the result's columns).
DESIGN = ("n_units", "n_treated", "n_periods", "baseline_rate", "pupils_per_unit", "between_unit_sd",
          "overdispersion", "staggered", "inference")
CHUNK = 250   # simulated studies per task: fixed, so the results do not depend on n_jobs
_TOL = 1e-9   # ties in the randomization p-value, as in RandomizationTable.pvalue


def auto_method(n_clusters: int, n_treated: int) -> str:
    """The method ``inference="auto"`` of :func:`evaluatie.did.panel_did` chooses for a design.

    Cluster-robust standard errors only with at least 42 clusters of which at least 10 treated and
    10 not; otherwise randomization inference.

    Examples
    --------
    >>> auto_method(41, 20), auto_method(42, 10), auto_method(60, 9)
    ('randomization', 'cluster', 'randomization')
    """
    many = n_clusters >= 42 and n_treated >= 10 and n_clusters - n_treated >= 10
    return "cluster" if many else "randomization"


# ------------------------------------------------------------------------------ analytic
def _two_sided(effect: float, se_alt: float, se_null: float, alpha: float) -> float:
    z = stats.norm.ppf(1 - alpha / 2)
    return float(stats.norm.cdf((abs(effect) - z * se_null) / se_alt) + stats.norm.cdf((-abs(effect) - z * se_null) / se_alt))


def power_rates(rate1: float, rate2: float, exposure1: float, exposure2: float, *, alpha: float = 0.05,
                dispersion: float = 1.0) -> float:
    """Power of the two-sided Wald test of the ratio of two Poisson rates (log scale).

    Parameters
    ----------
    rate1, rate2 : float
        Rates (events per unit of exposure) in the two groups under the alternative.
    exposure1, exposure2 : float
        Total exposure (e.g. pupil-years / 1,000) per group.
    alpha : float
        Significance level (two-sided).
    dispersion : float
        Variance / mean of the counts (1 = Poisson; > 1 quasi-Poisson overdispersion).

    Returns
    -------
    float

    Notes
    -----
    ``log(r̂1/r̂2)`` has variance ``φ (1/(E1 r1) + 1/(E2 r2))`` under the alternative; power is
    ``Φ(|log RR|/σ − z) + Φ(−|log RR|/σ − z)`` with ``z = z_{1−α/2}``.

    Validated against: statsmodels 0.14 ``power_poisson_ratio_2indep(method_var="alt",
    alternative="two-sided")`` and a simulation of the test (tests/test_power.py).

    Examples
    --------
    >>> round(power_rates(2.4, 3.0, 100, 100), 3)
    0.731
    """
    for name, v in (("rate1", rate1), ("rate2", rate2), ("exposure1", exposure1), ("exposure2", exposure2),
                    ("dispersion", dispersion)):
        _positive(name, v)
    _check_alpha(alpha)
    se = math.sqrt(dispersion * (1 / (exposure1 * rate1) + 1 / (exposure2 * rate2)))
    return _two_sided(math.log(rate1 / rate2), se, se, alpha)


def power_proportions(p1: float, p2: float, n1: int, n2: int | None = None, *, alpha: float = 0.05) -> float:
    """Power of the two-sided z-test comparing two proportions (pooled variance under the null).

    Parameters
    ----------
    p1, p2 : float
        Proportions under the alternative.
    n1, n2 : int
        Group sizes (``n2`` defaults to ``n1``).
    alpha : float
        Significance level (two-sided).

    Notes
    -----
    ``Φ((|p1 − p2| − z √(p̄ q̄ (1/n1 + 1/n2))) / √(p1 q1/n1 + p2 q2/n2))`` plus the (tiny) opposite
    tail, with ``p̄`` the pooled proportion: the formula of R ``power.prop.test(strict = TRUE)``
    for equal groups.

    Validated against: R 4.2.2 ``power.prop.test`` (tests/reference/power.R; tests/test_power.py)
    and statsmodels ``NormalIndPower`` with Cohen's h (approximately).

    Examples
    --------
    >>> round(power_proportions(0.5, 0.75, 50), 4)  # R power.prop.test: 0.7402
    0.7402
    """
    n2 = n1 if n2 is None else n2
    for name, v in (("p1", p1), ("p2", p2)):
        if not isinstance(v, (int, float, np.number)) or isinstance(v, bool) or not 0 < v < 1:
            raise InputError(t("power_bad_number", param=name, value=v, rule=t("power_rule_prob")))
    for name, v in (("n1", n1), ("n2", n2)):
        _positive(name, v)
    _check_alpha(alpha)
    pbar = (p1 * n1 + p2 * n2) / (n1 + n2)
    se_null = math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2))
    se_alt = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    return _two_sided(p1 - p2, se_alt, se_null, alpha)


def _analytic_did(d: dict, rate_ratio: float, alpha: float) -> float:
    """Normal approximation for the simultaneous design: Wald test of the log ratio of ratios of the four
    group × before/after totals, variance Σ (1 + α μ)/Y over the totals; ignores between-school
    differences and the small number of schools (hence a reference line, not the answer)."""
    if d["staggered"] != 1:
        return float("nan")
    m = d["pupils_per_unit"] / 1000 * d["baseline_rate"]
    k, u, T = d["n_treated"], d["n_units"], d["n_periods"]
    s = _wave_starts(T, 1)[0]
    cells = [(k * s, m), (k * (T - s), m * rate_ratio), ((u - k) * s, m), ((u - k) * (T - s), m)]
    var = sum((1 + d["overdispersion"] * mu) / (n * mu) for n, mu in cells)
    return _two_sided(math.log(rate_ratio), math.sqrt(var), math.sqrt(var), alpha)


def design_from_panel(panel: pd.DataFrame, outcome: str = "count", unit: str = "unit", time: str = "period",
                      treated: str = "treated", exposure: str = "exposure") -> dict:
    """Design parameters for :func:`simulate_did` read from an existing school × period panel.

    Only the periods without the intervention are used for the rates. Returns ``n_units``,
    ``n_treated`` (schools that ever get it), ``n_periods``, ``baseline_rate`` (per 1,000 pupils per
    period at a typical school), ``pupils_per_unit`` (median), ``between_unit_sd`` and
    ``overdispersion``.

    Notes
    -----
    Moment estimators: ``between_unit_sd² = var(log r_i) − mean(1/Y_i + α Σ_t μ_it² / Y_i²)`` over
    schools with referrals (the count noise in the spread of the log rates removed); ``baseline_rate`` is the pooled rate
    divided by ``exp(sd²/2)`` (the median school); ``overdispersion = Σ((y − μ)² − μ) / Σ μ²`` with
    ``μ_it`` the school mean times a period factor. Both are clipped at 0.

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> panel, _ = synthetic.panel(n_units=12, n_periods=24, treated_units=3, seed=1)
    >>> d = design_from_panel(panel)
    >>> d["n_units"], d["n_treated"], d["n_periods"]
    (12, 3, 24)
    """
    cols = {"outcome": outcome, "unit": unit, "time": time, "treated": treated, "exposure": exposure}
    missing = [c for c in cols.values() if c not in panel.columns]
    if missing:
        raise InputError(t("power_missing_columns", columns=", ".join(missing),
                           present=", ".join(map(str, panel.columns))), column=missing[0])
    d = panel[list(cols.values())].dropna()
    before = d[d[treated].astype(int) == 0]
    if before.empty or before[exposure].le(0).any():
        raise InputError(t("power_no_baseline", column=exposure), column=exposure)
    mean_i = before.groupby(unit)[outcome].transform("mean")
    factor = before.groupby(time)[outcome].transform("sum") / before.assign(_m=mean_i).groupby(time)["_m"].transform("sum")
    mu = (mean_i * factor.fillna(1.0)).to_numpy(float)
    y = before[outcome].to_numpy(float)
    od = max(float(np.sum((y - mu) ** 2 - mu) / np.sum(mu ** 2)) if np.sum(mu ** 2) > 0 else 0.0, 0.0)
    per_unit = before.assign(_mu2=mu ** 2).groupby(unit).agg(y=(outcome, "sum"), e=(exposure, "sum"),
                                                             mu2=("_mu2", "sum"))
    pos = per_unit[per_unit["y"] > 0]
    log_rate = np.log(pos["y"] / pos["e"])
    noise = (1 / pos["y"] + od * pos["mu2"] / pos["y"] ** 2).mean()      # Poisson and extra variation of log Y_i
    var = float(log_rate.var(ddof=1) - noise) if len(pos) > 1 else 0.0
    sd = math.sqrt(max(var, 0.0))
    pooled = per_unit["y"].sum() / per_unit["e"].sum() * 1000
    return {"n_units": int(d[unit].nunique()), "n_treated": int(d.loc[d[treated].astype(int) == 1, unit].nunique()),
            "n_periods": int(d[time].nunique()), "baseline_rate": float(pooled / math.exp(sd ** 2 / 2)),
            "pupils_per_unit": float(d.groupby(unit)[exposure].mean().median()), "between_unit_sd": sd,
            "overdispersion": od}


def describe_design(design: dict, lang: str = "nl") -> pd.DataFrame:
    """Design parameters (from :func:`design_from_panel`) as a table to show: ``kenmerk``, ``waarde``.

    Examples
    --------
    >>> describe_design({"baseline_rate": 3.12, "between_unit_sd": 0.3}).values.tolist()
    [['verwijzingen per 1.000 leerlingen per periode', '3,12'], ['verschillen tussen scholen (sd log-kans)', '0,30']]
    """
    check_lang(lang)
    rows = [(t(f"power_describe_{k}", lang), format_number(v, 2 if isinstance(v, float) else 0, lang))
            for k, v in design.items()]
    return pd.DataFrame(rows, columns=["kenmerk", "waarde"] if lang == "nl" else ["feature", "value"])


# ------------------------------------------------------------------------------ validation
def _positive(name, v, integer: bool = False, minimum: float = 0.0, strict: bool = True) -> None:
    ok = isinstance(v, (int, np.integer)) if integer else isinstance(v, (int, float, np.number))
    ok = ok and not isinstance(v, bool) and np.isfinite(v) and (v > minimum if strict else v >= minimum)
    if not ok:
        rule = t("power_rule_int", minimum=format_number(minimum + (1 if strict else 0))) if integer else \
            t("power_rule_pos" if strict else "power_rule_nonneg")
        raise InputError(t("power_bad_number", param=name, value=v, rule=rule))


def _min_p(d: dict, total: int) -> float:
    """Smallest attainable two-sided randomization p-value: 1/A, or 2/A when half of the schools start at
    once (the opposite assignment then has the same statistic with the other sign: residuals sum to 0
    in every period)."""
    return (2 if d["staggered"] == 1 and 2 * d["n_treated"] == d["n_units"] else 1) / total


def _check_alpha(alpha) -> None:
    if not isinstance(alpha, (float, int, np.floating)) or isinstance(alpha, bool) or not 0 < alpha < 1:
        raise InputError(t("power_bad_number", param="alpha", value=alpha, rule=t("power_rule_prob")))


def _as_list(name, value) -> list:
    values = list(value) if isinstance(value, (list, tuple, np.ndarray, pd.Series)) else [value]
    if not values:
        raise InputError(t("power_empty_list", param=name))
    return values


def _check_value(name: str, v):
    """Check one grid value of a design parameter; returns it normalised."""
    if name in ("n_units", "n_periods", "pupils_per_unit"):
        _positive(name, v, integer=name != "pupils_per_unit", minimum=1 if name != "pupils_per_unit" else 0)
        return int(v) if name != "pupils_per_unit" else float(v)
    if name == "n_treated":
        if isinstance(v, (float, np.floating)) and 0 < v < 1:
            return float(v)
        _positive(name, v, integer=True, minimum=0)
        return int(v)
    if name in ("baseline_rate", "rate_ratio"):
        _positive(name, v)
        return float(v)
    if name in ("between_unit_sd", "overdispersion"):
        _positive(name, v, strict=False)
        return float(v)
    if name == "staggered":
        if isinstance(v, (bool, np.bool_)):
            return 2 if v else 1
        _positive(name, v, integer=True, minimum=0)
        return int(v)
    check_option("inference", v, Inference)
    return v


def _designs(params: dict) -> list[dict]:
    grid = {k: [_check_value(k, v) for v in _as_list(k, params[k])] for k in DESIGN}
    out = []
    for combo in itertools.product(*grid.values()):
        d = dict(zip(DESIGN, combo))
        k = d["n_treated"]
        d["n_treated"] = max(1, round(k * d["n_units"])) if isinstance(k, float) else k
        if d["n_treated"] >= d["n_units"]:
            raise InputError(t("power_too_many_treated", k=d["n_treated"], n=d["n_units"]))
        if d["staggered"] > d["n_treated"] or d["staggered"] + 1 > d["n_periods"]:
            raise InputError(t("power_bad_waves", waves=d["staggered"], k=d["n_treated"], periods=d["n_periods"]))
        d["method"] = auto_method(d["n_units"], d["n_treated"]) if d["inference"] == "auto" else d["inference"]
        out.append(d)
    return out


def _check_run(n_sims, alpha, n_resamples, n_jobs, seed) -> int:
    _positive("n_sims", n_sims, integer=True, minimum=9)
    _check_alpha(alpha)
    _positive("n_resamples", n_resamples, integer=True, minimum=0)
    if not isinstance(n_jobs, (int, np.integer)) or isinstance(n_jobs, bool) or n_jobs == 0 or n_jobs < -1:
        raise InputError(t("power_bad_number", param="n_jobs", value=n_jobs, rule=t("power_rule_jobs")))
    if seed is None:
        return int(np.random.SeedSequence().entropy % 2**63)
    _positive("seed", seed, integer=True, minimum=0, strict=False)
    return int(seed)


# ------------------------------------------------------------------------------ simulation engine
def _wave_starts(n_periods: int, waves: int) -> list[int]:
    """Start period of each wave: evenly spaced inside the series (halfway for one wave)."""
    return [int(round(n_periods * (w + 1) / (waves + 1))) for w in range(waves)]


def _starts(d: dict) -> np.ndarray:
    """Start period per unit (treated units first, split over the waves; −1 = never)."""
    starts = np.full(d["n_units"], -1)
    for idx, s in zip(np.array_split(np.arange(d["n_treated"]), d["staggered"]), _wave_starts(d["n_periods"],
                                                                                                   d["staggered"])):
        starts[idx] = s
    return starts


def _poisson_quantile(u: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """Poisson quantile function (inverse CDF), vectorized: common random numbers across rate ratios.

    Starts from the normal approximation and steps to the smallest k with P(Y ≤ k) ≥ u; equal to
    ``scipy.stats.poisson.ppf`` and ~10× faster.
    """
    shape = np.shape(u)
    u, lam = np.ravel(u), np.ravel(lam)
    k = np.floor(np.maximum(lam + np.sqrt(lam) * special.ndtri(u), 0.0))
    F = special.pdtr(k, lam)
    low = F < u
    while low.any():
        idx = np.flatnonzero(low)
        k[idx] += 1
        low[idx] = special.pdtr(k[idx], lam[idx]) < u[idx]
    high = (k > 0) & (special.pdtr(k - 1, lam) >= u)
    while high.any():
        idx = np.flatnonzero(high)
        k[idx] -= 1
        high[idx] = (k[idx] > 0) & (special.pdtr(k[idx] - 1, lam[idx]) >= u[idx])
    return k.reshape(shape)


class _Studies:
    """The random numbers of one chunk of simulated studies of one design (common to every rate ratio)."""

    def __init__(self, d: dict, seed: int, chunk: int, size: int):
        self.d = d
        U, T = d["n_units"], d["n_periods"]
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(chunk,)))
        self.ri_seed = int(np.random.SeedSequence(seed, spawn_key=(chunk, 1)).generate_state(1, np.uint32)[0])
        unit = np.exp(d["between_unit_sd"] * rng.standard_normal((size, U)))
        lam = d["pupils_per_unit"] / 1000 * d["baseline_rate"] * np.broadcast_to(unit[:, :, None], (size, U, T))
        if d["overdispersion"] > 0:  # gamma-Poisson: var = μ + α μ²
            a = d["overdispersion"]
            lam = lam * rng.gamma(1 / a, a, (size, U, T))
        self.lam = np.ascontiguousarray(lam)
        self.u = np.maximum(rng.random((size, U, T)), np.finfo(float).tiny)
        self.starts = _starts(d)
        self.D = (np.arange(T)[None, :] >= self.starts[:, None]) & (self.starts[:, None] >= 0)
        self.y0 = _poisson_quantile(self.u, self.lam)       # counts without an effect
        self.size = size
        self._tables: dict = {}

    def counts(self, ratio: np.ndarray) -> np.ndarray:
        """Counts with rate ratio ``ratio[s]`` in study s (only the treated periods change)."""
        y = self.y0.copy()
        sel = np.broadcast_to(self.D, y.shape)
        lam = (self.lam * np.asarray(ratio, float)[:, None, None])[sel]
        y[sel] = _poisson_quantile(self.u[sel], lam)
        return y

    def table(self, n_resamples: int) -> tuple[np.ndarray, bool, int]:
        """Assignments (A × units) for the studies of this chunk: all of them, or one sample drawn as
        ``panel_did(seed=self.ri_seed)`` draws it (:func:`evaluatie.resampling.assignments`)."""
        from .resampling import assignments

        if n_resamples not in self._tables:
            self._tables[n_resamples] = assignments(self.starts, n_resamples, np.random.default_rng(self.ri_seed))
        return self._tables[n_resamples]


def _tails(y: np.ndarray) -> np.ndarray:
    """Σ_{t' ≥ t} (y − μ̂⁰) per study, school and period, with the closed-form null fit μ̂⁰ = y_i· y_·t / y_··."""
    R = y.sum(axis=2, keepdims=True)
    C = y.sum(axis=1, keepdims=True)
    N = R.sum(axis=1, keepdims=True)
    mu0 = np.divide(R * C, N, out=np.zeros_like(y), where=N > 0)
    return np.cumsum((y - mu0)[:, :, ::-1], axis=2)[:, :, ::-1]


def _ri_pvalue(table: np.ndarray, tail: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Two-sided randomization p-values from assignments (A × units) and tails (studies × units × periods)."""
    indicator = np.concatenate([(table == v) for v in values], axis=1).astype(float)
    s = tail[:, :, values].transpose(0, 2, 1).reshape(len(tail), -1) @ indicator.T
    return np.mean(np.abs(s) >= np.abs(s[:, :1]) - _TOL * (1 + np.abs(s[:, :1])), axis=1)


def _ri_pvalues(st: _Studies, y: np.ndarray, n_resamples: int) -> tuple[np.ndarray, int, bool]:
    """Randomization p-values of ``panel_did`` for every study: closed-form null fit, the statistic
    Σ_i Σ_{t ≥ s_ai} r_it of every assignment × every study in one product."""
    table, exact, total = st.table(n_resamples)
    return _ri_pvalue(table, _tails(y), np.unique(st.starts[st.starts >= 0])), total, exact


def _ri_without_empty(st: _Studies, y: np.ndarray, n_resamples: int) -> float:
    """Randomization p-value of one study after dropping its schools without referrals, as ``panel_did``
    does: the null fit of the others is unchanged; the assignments are those of the remaining schools."""
    from .resampling import assignments

    keep = y.sum(axis=1) > 0
    starts = st.starts[keep]
    if (starts >= 0).all() or (starts < 0).all():
        return float("nan")                                  # panel_did refuses: no comparison or no treated school
    table, _, _ = assignments(starts, n_resamples, np.random.default_rng(st.ri_seed))
    return float(_ri_pvalue(table, _tails(y[None, keep]), np.unique(starts[starts >= 0]))[0])


def _cluster_pvalues(st: _Studies, y: np.ndarray, tol: float = 1e-10, max_iter: int = 100) -> np.ndarray:
    """Cluster-robust p-values of ``panel_did(inference="cluster")`` for every study at once.

    With the school effects conditioned out (their totals are sufficient), the Poisson model with
    period effects ``b_t`` and ``β·D`` is a multinomial model per school, ``μ_it = y_i· π_it`` with
    ``π_it ∝ exp(b_t + β D_it)``; Newton's method on its (T + 1) parameters runs for all studies at
    once (batched solves). The standard error is the sandwich of ``panel_did`` (expected-information
    bread, HC1 factor ``G/(G−1) (n−1)/(n−k)``, clusters = schools): the influence of school i on β̂ is
    ``aᵀ s_i`` with ``a`` the β-row of the inverse information and ``s_i`` its score. Schools and
    periods without any referral drop out as in ``panel_did``.
    """
    S, U, T = y.shape
    Df = st.D.astype(float)
    R, C = y.sum(axis=2), y.sum(axis=1)
    YD = (y * Df).sum(axis=(1, 2))
    active = C > 0
    n_active = active.sum(axis=1)
    b = np.where(active, np.log(np.maximum(C, 1.0)), 0.0)
    beta = np.zeros(S)
    u = active / np.sqrt(n_active)[:, None]              # the direction b + c·1 the likelihood cannot see
    idx = np.arange(T)
    for _ in range(max_iter):
        eta = np.where(active[:, None, :], b[:, None, :] + beta[:, None, None] * Df, -np.inf)
        e = np.exp(eta - eta.max(axis=2, keepdims=True))
        pi = e / e.sum(axis=2, keepdims=True)
        mu = R[:, :, None] * pi
        muD = mu * Df
        piD = (pi * Df).sum(axis=2)                                       # Σ_t π_it D_it per school
        H = np.empty((S, T + 1, T + 1))
        H[:, :T, :T] = -(mu.transpose(0, 2, 1) @ pi)
        H[:, idx, idx] += mu.sum(axis=1) + ~active                        # inactive periods: identity
        H[:, :T, :T] += u[:, :, None] * u[:, None, :]
        H[:, :T, T] = H[:, T, :T] = muD.sum(axis=1) - (mu * piD[:, :, None]).sum(axis=1)
        H[:, T, T] = muD.sum(axis=(1, 2)) - (R * piD ** 2).sum(axis=1)
        g = np.concatenate([np.where(active, C - mu.sum(axis=1), 0.0), (YD - muD.sum(axis=(1, 2)))[:, None]], axis=1)
        step = np.linalg.solve(H, g[:, :, None])[:, :, 0]
        step = step / np.maximum(1.0, np.abs(step).max(axis=1, keepdims=True) / 5)   # no wild first steps
        b, beta = b + step[:, :T], beta + step[:, T]
        if np.abs(step).max() <= tol:
            break
    eta = np.where(active[:, None, :], b[:, None, :] + beta[:, None, None] * Df, -np.inf)
    e = np.exp(eta - eta.max(axis=2, keepdims=True))
    mu = R[:, :, None] * e / e.sum(axis=2, keepdims=True)
    resid = y - mu
    scores = np.concatenate([resid, (resid * Df).sum(axis=2, keepdims=True)], axis=2)   # s_i per school
    a = np.linalg.solve(H, np.broadcast_to(np.eye(T + 1)[T], (S, T + 1))[:, :, None])[:, :, 0]
    G = (R > 0).sum(axis=1)
    n, k = G * n_active, G + n_active
    factor = G / (G - 1) * (n - 1) / (n - k)
    se = np.sqrt(factor * ((scores @ a[:, :, None])[:, :, 0] ** 2).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2 * stats.t.sf(np.abs(beta / se), G - 1)


def _study_frame(d: dict, y: np.ndarray) -> pd.DataFrame:
    """One simulated study as a panel for ``panel_did`` (units ``school 01``…, treated first)."""
    U, T = y.shape
    st = _starts(d)
    return pd.DataFrame({"unit": np.repeat([f"school {i + 1:03d}" for i in range(U)], T),
                         "period": np.tile(np.arange(T), U), "count": y.ravel(),
                         "exposure": d["pupils_per_unit"],
                         "treated": ((np.arange(T)[None, :] >= st[:, None]) & (st[:, None] >= 0)).ravel().astype(int)})


def _pvalues(st: _Studies, ratio: np.ndarray, n_resamples: int) -> tuple[np.ndarray, np.ndarray, int, bool]:
    """p-values (NaN: ``panel_did`` refuses the study) and whether ``panel_did`` itself was used, per study.

    Schools without any referral are dropped, as ``panel_did`` drops them (randomization inference:
    over the assignments of the remaining schools; cluster: fewer clusters). ``panel_did`` itself
    analyses the rare studies where that is not reproduced here: an empty start period of staggered
    waves, or fewer schools left than ``inference="auto"`` needs for cluster-robust errors."""
    d = st.d
    y = st.counts(ratio)
    if d["method"] == "randomization":
        p, total, exact = _ri_pvalues(st, y, n_resamples)
    else:
        p, total, exact = _cluster_pvalues(st, y), 0, False
    D = np.broadcast_to(st.D, y.shape)
    zero_unit = (y.sum(axis=2) == 0).any(axis=1)
    zero_period = (y.sum(axis=1) == 0)
    if d["method"] == "cluster":  # empty schools are handled; panel_did only when 'auto' would choose otherwise
        kept = (y.sum(axis=2) > 0)
        odd = np.array([d["inference"] == "auto" and auto_method(int(g), int(k)) != "cluster"
                        for g, k in zip(kept.sum(axis=1), kept[:, :d["n_treated"]].sum(axis=1))], dtype=bool)
    else:  # an empty period changes nothing, unless it is a start period of staggered waves
        waves = np.unique(st.starts[st.starts >= 0])
        odd = zero_period[:, waves].any(axis=1) if len(waves) > 1 else np.zeros(len(y), bool)
    refused = (y * D).sum(axis=(1, 2)) == 0
    p[refused] = np.nan
    fallback = odd & ~refused
    if d["method"] == "randomization":
        for i in np.flatnonzero(zero_unit & ~odd & ~refused):
            p[i] = _ri_without_empty(st, y[i], n_resamples)
    import warnings

    if fallback.any():
        from .did import panel_did
    for i in np.flatnonzero(fallback):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                p[i] = panel_did(_study_frame(d, y[i]), exposure="exposure", inference=d["inference"],
                                 n_resamples=n_resamples, conf_int=False, seed=st.ri_seed).p_value
        except (InputError, np.linalg.LinAlgError):
            p[i] = np.nan
    return p, fallback, total, exact


def _task(d: dict, ratios: list, seed: int, chunk: int, size: int, n_resamples: int) -> dict:
    """One chunk of studies of one design, every rate ratio (run in a worker, BLAS on one thread)."""
    from .resampling import single_thread

    with single_thread():
        st = _Studies(d, seed, chunk, size)
        out = {}
        for rr in ratios:
            p, fb, total, exact = _pvalues(st, np.full(size, rr), n_resamples)
            out[rr] = (p, fb, total, exact)
    return out


def _bisect_task(d: dict, lower: float, seed: int, chunk: int, size: int, n_resamples: int, alpha: float,
                 steps: int) -> tuple[np.ndarray, int, bool]:
    """Per study the largest rate ratio (below 1) at which it still rejects, by bisection on log RR."""
    from .resampling import single_thread

    with single_thread():
        st = _Studies(d, seed, chunk, size)

        def rejects(r):
            p, _, total, exact = _pvalues(st, r, n_resamples)
            return np.nan_to_num(p, nan=1.0) <= alpha, total, exact

        at_one, total, exact = rejects(np.ones(size))
        at_low, _, _ = rejects(np.full(size, lower))
        lo, hi = np.full(size, math.log(lower)), np.zeros(size)   # rejects at lo, not at hi
        for _ in range(steps):
            mid = (lo + hi) / 2
            r, _, _ = rejects(np.exp(mid))
            lo, hi = np.where(r, mid, lo), np.where(r, hi, mid)
        crit = np.exp(lo)
        crit = np.where(at_one, 1.0, np.where(at_low, crit, 0.0))  # 0: not even at the lower bound
    return crit, total, exact


def _call(i: int, fn, args) -> tuple:
    return i, fn(*args)


def _run(tasks: list, n_jobs: int, progress, startup: float = 3.0) -> list:
    """Run ``(function, args)`` tasks; the first in this process, the rest over worker processes when
    that is worth it (the time of the first task × the rest above ``startup`` seconds: starting workers
    costs a few seconds). Results do not depend on where a task ran."""
    import time

    show = sys.stderr.isatty() if progress is None else bool(progress)
    done, results = 0, [None] * len(tasks)

    def tick():
        if show:
            print(f"\r{t('power_progress', done=done, total=len(tasks), pct=format_number(100 * done / len(tasks)))}",
                  end="" if done < len(tasks) else "\n", file=sys.stderr, flush=True)

    tick()
    start = time.perf_counter()
    fn, args = tasks[0]
    results[0] = fn(*args)
    done = 1
    tick()
    rest = list(range(1, len(tasks)))
    if n_jobs == 1 or not rest or (time.perf_counter() - start) * len(rest) < startup:
        for i in rest:
            fn, args = tasks[i]
            results[i] = fn(*args)
            done += 1
            tick()
        return results
    from joblib import Parallel, cpu_count, delayed, parallel_config

    workers = min(cpu_count() if n_jobs == -1 else n_jobs, len(rest))
    with parallel_config(backend="loky", inner_max_num_threads=1):
        gen = Parallel(n_jobs=workers, return_as="generator_unordered")(
            delayed(_call)(i, *tasks[i]) for i in rest)
        for i, res in gen:
            results[i] = res
            done += 1
            tick()
    return results


def _chunks(n_sims: int) -> list[tuple[int, int]]:
    return [(c, min(CHUNK, n_sims - c * CHUNK)) for c in range(math.ceil(n_sims / CHUNK))]


# ------------------------------------------------------------------------------ results
_METHOD_NAMES = {"randomization": ("randomisatie-inferentie", "randomization inference"),
                 "cluster": ("cluster-robuuste standaardfouten", "cluster-robust standard errors")}


def _design_words(row, lang: str) -> str:
    f = lambda x, k=0: format_number(x, k, lang)  # noqa: E731
    return t("power_design", lang, n=f(row.n_units), k=f(row.n_treated), periods=f(row.n_periods),
             rate=f(row.baseline_rate, 1), pupils=f(row.pupils_per_unit), sd=f(row.between_unit_sd, 2),
             od=f(row.overdispersion, 2), waves=f(row.staggered))


def _labels(row, columns, lang: str) -> str:
    """Design parameters in words, e.g. '15 scholen, 3 met interventie, 36 perioden'."""
    def value(c):
        v = getattr(row, c)
        if c == "inference":
            return v
        return format_number(v, 2 if c in ("between_unit_sd", "overdispersion") else
                             1 if c == "baseline_rate" else 0, lang)
    return ", ".join(t(f"power_label_{c}", lang, v=value(c)) for c in columns)


def _switch_text(table: pd.DataFrame, lang: str) -> str | None:
    """Where the method changes within the grid (None when every cell uses the same method)."""
    if table["method"].nunique() < 2:
        return None
    parts = []
    for method, rows in table.groupby("method", sort=False):
        units = sorted(rows["n_units"].unique())
        parts.append(t("power_switch_part", lang, method=_METHOD_NAMES[method][lang != "nl"],
                       units=", ".join(format_number(u, 0, lang) for u in units)))
    auto = (table["inference"] == "auto").any()
    return t("power_switch", lang, parts="; ".join(parts)) + (" " + t("power_switch_rule", lang) if auto else "")


@dataclass(frozen=True)
class PowerResult:
    """Result of :func:`simulate_did`: one row per design × rate ratio in :attr:`table`."""

    table: pd.DataFrame
    alpha: float
    level: float
    n_sims: int
    seed: int
    n_resamples: int

    def to_frame(self) -> pd.DataFrame:
        """Tidy, one row per cell: the design, ``rate_ratio``, ``inference`` (asked), ``method`` (used),
        ``power`` with ``power_lower``/``power_upper`` (Clopper–Pearson, level :attr:`level`),
        ``n_sims``, ``n_rejected``, ``n_refused`` (studies ``panel_did`` cannot analyse; counted as
        not rejected), ``n_panel_did`` (studies analysed by ``panel_did`` itself), ``n_assignments``
        and ``exact`` (randomization inference), ``min_p`` (smallest attainable p-value; power is 0 when it
        exceeds ``alpha``) and
        ``analytic_power`` (normal approximation, simultaneous start only)."""
        return self.table.copy()

    def to_display(self, lang: str = "nl") -> pd.DataFrame:
        """The cells as a table to show people: what varies, the method used and the power with its
        Monte Carlo interval, formatted (decimal comma, percentages) with Dutch (or English) headers."""
        check_lang(lang)
        tab = self.table
        cols = [c for c in DESIGN if tab[c].nunique() > 1 and c != "inference"] + ["rate_ratio"]
        f = lambda x: format_number(100 * x, 0, lang) + "%"  # noqa: E731
        out = {t(f"power_axis_{c}" if c != "rate_ratio" else "power_axis_drop", lang):
               (100 * (1 - tab[c])).map(lambda v: format_number(v, 0, lang)) if c == "rate_ratio" else
               tab[c].map(lambda v: format_number(v, 2 if isinstance(v, float) and c != "pupils_per_unit" else 0, lang))
               for c in cols}
        out[t("power_col_method", lang)] = tab["method"].map(lambda m: _METHOD_NAMES[m][lang != "nl"])
        out[t("power_axis_power", lang)] = tab["power"].map(f)
        out[t("power_col_interval", lang)] = [f"{f(a)} – {f(b)}" for a, b in zip(tab["power_lower"], tab["power_upper"])]
        return pd.DataFrame(out)

    @property
    def switch(self) -> str | None:
        """Where the inference method changes within the grid, in words (None if it does not)."""
        return _switch_text(self.table, "nl")

    def sentence(self, lang: str = "nl") -> str:
        """The best cell in words, e.g. 'Met 15 scholen (...) is een daling van 20% met 62% kans te zien.'"""
        check_lang(lang)
        row = self.table.sort_values("power", ascending=False, kind="stable").iloc[0]
        return self._row_sentence(row, lang, self._varying())

    def _varying(self) -> list[str]:
        return [c for c in DESIGN if self.table[c].nunique() > 1]

    def _row_sentence(self, row, lang: str, columns=None) -> str:
        f = lambda x: format_number(100 * x, 0, lang) + "%"  # noqa: E731
        change = 100 * (row.rate_ratio - 1)
        design = (_labels(row, columns, lang) if columns is not None else _design_words(row, lang)) or \
            t("power_this_design", lang)
        return t("power_row", lang, design=design,
                 change=("−" if change < 0 else "+") + format_number(abs(change), 0, lang) + "%",
                 power=f(row.power), lo=f(row.power_lower), hi=f(row.power_upper),
                 method=_METHOD_NAMES[row.method][lang != "nl"])

    def summary(self, lang: str = "nl") -> str:
        """The fixed design once, then every cell in words (what varies, the change, the power), where the
        method switches, and the remarks (impossible significance, studies that cannot be analysed)."""
        check_lang(lang)
        varying = self._varying()
        fixed = [c for c in DESIGN if c not in varying and c != "inference"]
        lines = [t("power_head", lang, n=format_number(self.n_sims, 0, lang),
                   alpha=format_number(100 * self.alpha, 0, lang), level=format_number(100 * self.level, 0, lang)),
                 t("power_fixed", lang, design=_labels(self.table.iloc[0], fixed, lang))]
        lines += [f"- {self._row_sentence(row, lang, varying)}" for row in self.table.itertuples()]
        if (switch := _switch_text(self.table, lang)) is not None:
            lines.append(switch)
        impossible = self.table[self.table["min_p"] > self.alpha]
        if len(impossible):
            lines.append(t("power_impossible", lang, units=", ".join(
                format_number(u, 0, lang) for u in sorted(impossible["n_units"].unique())),
                alpha=format_number(100 * self.alpha, 0, lang)))
        refused = int(self.table["n_refused"].sum())
        if refused:
            lines.append(t("power_refused", lang, n=format_number(refused, 0, lang)))
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl", target: float = 0.8, source: str | None = None):
        """Power curve: power against the drop (or the first design parameter that varies), one line per
        other design, Monte Carlo intervals as bars, the target power dashed; a footer with source and n."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, house_style

        check_lang(lang)
        tab = self.table
        varying = [c for c in ("rate_ratio",) + DESIGN if tab[c].nunique() > 1]
        x = varying[0] if varying else "rate_ratio"
        # a parameter that follows from x (schools with the intervention as a share of the schools) is no line
        others = [c for c in varying[1:] if tab.groupby(x)[c].nunique().max() > 1]
        nl = lang == "nl"
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 4.6))
            groups = tab.groupby(others, sort=False) if others else [((), tab)]
            for i, (key, g) in enumerate(groups):
                key = key if isinstance(key, tuple) else (key,)
                xs = 100 * (1 - g["rate_ratio"]) if x == "rate_ratio" else g[x]
                label = ", ".join(t(f"power_label_{c}", lang, v=format_number(v, 2 if isinstance(v, float) else 0, lang))
                                  for c, v in zip(others, key)) or None
                ax.errorbar(xs, 100 * g["power"], yerr=[100 * (g["power"] - g["power_lower"]),
                                                        100 * (g["power_upper"] - g["power"])],
                            fmt="o-", color=PALETTE[i % len(PALETTE)], capsize=3, label=label)
            ax.axhline(100 * target, color=GREY, linestyle="--", linewidth=1)
            ax.set_ylim(0, 100)
            ax.set_ylabel(t("power_axis_power", lang))
            ax.set_xlabel(t("power_axis_drop" if x == "rate_ratio" else f"power_axis_{x}", lang))
            ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_number(v, 0, lang) + "%"))
            if others:
                ax.legend(fontsize=8, frameon=False)
            best = tab.sort_values("power", ascending=False, kind="stable").iloc[0]
            change = 100 * (1 - best.rate_ratio)
            ax.set_title(t("power_title", lang, design=_labels(best, [c for c in varying if c != "rate_ratio"], lang)
                           or t("power_this_design", lang), power=format_number(100 * best.power, 0, lang) + "%",
                           drop=format_number(change, 0, lang) + "%"), fontsize=10, wrap=True)
            fig = ax.figure
            footer = (f"{'Bron' if nl else 'Source'}: {source or t('power_source', lang)}; "
                      f"n = {format_number(self.n_sims, 0, lang)} {t('power_n_studies', lang)}")
            fig.text(0.01, 0.005, footer, fontsize=8, color=GREY, ha="left", va="bottom", gid="evaluatie-footer")
        return ax


@dataclass(frozen=True)
class MdeResult:
    """Result of :func:`mde`: per design the minimum detectable rate ratio and its interval."""

    table: pd.DataFrame
    power: float
    alpha: float
    level: float
    n_sims: int
    seed: int
    curves: tuple   # per design: the sorted critical rate ratios of the simulated studies

    def to_frame(self) -> pd.DataFrame:
        """One row per design: ``mde_ratio`` with ``mde_lower``/``mde_upper`` (order-statistic interval,
        level :attr:`level`), ``mde_percent`` (the drop), ``method`` and the design parameters. NaN when
        the target power is not reached within the searched range (``reachable`` False)."""
        return self.table.copy()

    def power_at(self, rate_ratio: float, design: int = 0) -> float:
        """Simulated power at ``rate_ratio`` of design ``design``: the share of studies whose critical rate
        ratio is at least it (monotone by construction)."""
        return float(np.mean(self.curves[design] >= rate_ratio))

    def summary(self, lang: str = "nl") -> str:
        """Per design: the smallest drop that is found with the target power, with its interval."""
        check_lang(lang)
        f = lambda r: format_number(100 * (1 - r), 0, lang) + "%"  # noqa: E731
        lines = []
        for row in self.table.itertuples():
            design = _design_words(row, lang)
            if row.reachable:
                lines.append(t("power_mde_row", lang, design=design, power=format_number(100 * self.power, 0, lang),
                               drop=f(row.mde_ratio), lo=f(row.mde_upper), hi=f(row.mde_lower),
                               method=_METHOD_NAMES[row.method][lang != "nl"]))
            else:
                lines.append(t("power_mde_none", lang, design=design, power=format_number(100 * self.power, 0, lang),
                               drop=f(row.lower_bound)))
        if (switch := _switch_text(self.table, lang)) is not None:
            lines.append(switch)
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl", design: int = 0):
        """The power curve of one design implied by the critical rate ratios (a step function)."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, house_style

        check_lang(lang)
        row = self.table.iloc[design]
        grid = np.linspace(row.lower_bound, 1.0, 200)
        pw = [self.power_at(g, design) for g in grid]
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 4.6))
            ax.step(100 * (1 - grid), 100 * np.array(pw), color=PALETTE[0], where="post")
            ax.axhline(100 * self.power, color=GREY, linestyle="--", linewidth=1)
            if row.reachable:
                ax.axvline(100 * (1 - row.mde_ratio), color=PALETTE[1], linewidth=1)
            ax.set_ylim(0, 100)
            ax.set_xlabel(t("power_axis_drop", lang))
            ax.set_ylabel(t("power_axis_power", lang))
            ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: format_number(v, 0, lang) + "%"))
            ax.set_title(self.summary(lang).split("\n")[0], fontsize=10, wrap=True)
            footer = (f"{'Bron' if lang == 'nl' else 'Source'}: {t('power_source', lang)}; "
                      f"n = {format_number(self.n_sims, 0, lang)} {t('power_n_studies', lang)}")
            ax.figure.text(0.01, 0.005, footer, fontsize=8, color=GREY, ha="left", va="bottom", gid="evaluatie-footer")
        return ax


# ------------------------------------------------------------------------------ entry points
_SHARED_DOC = """
    n_units : int or list
        Schools (or other units) in the study, intervention and comparison together.
    n_treated : int, float or list
        Schools with the intervention; a number between 0 and 1 is a share of ``n_units`` (rounded,
        at least 1). Default 0.2: 3 of 15 schools, 1 of 3 (as ``evaluatie power``).
    n_periods : int or list
        Periods (e.g. months) per school; the intervention starts halfway (or in waves, ``staggered``).
    baseline_rate : float or list
        Referrals per 1,000 pupils per period at a typical school without the intervention.
    pupils_per_unit : float or list
        Pupils per school (the exposure; the same every period).
    between_unit_sd : float or list
        Standard deviation of the schools' log rates (school differences; 0.3 ≈ rates differing by a
        factor 1.8 between the 16th and 84th percentile).
    overdispersion : float or list
        Extra variation per school-period: counts gamma-Poisson with ``var = μ + overdispersion · μ²``
        (0 = Poisson).
    staggered : bool, int or list
        False: every treated school starts halfway; True: two waves (at 1/3 and 2/3 of the series);
        an integer: that many waves, evenly spaced.
    inference : {"auto", "randomization", "cluster"} or list
        As :func:`evaluatie.did.panel_did` (Poisson): ``auto`` picks per cell (:func:`auto_method`).
    n_sims : int
        Simulated studies per cell (at least 10).
    seed : int, optional
        Seed; the same seed gives the same studies in every cell of the same design (common random
        numbers across rate ratios), whatever the grid or ``n_jobs``.
    alpha : float
        Significance level of the test.
    n_jobs : int
        Worker processes (−1 = all cores); each worker limits BLAS to one thread. Workers are started
        only when the work is large enough to pay for their start (a few seconds).
    n_resamples : int
        Maximum number of assignments for randomization inference (as ``panel_did``; all of them
        when there are fewer).
    progress : bool, optional
        Show a progress line (default: when the output is a terminal)."""


def simulate_did(n_units=15, n_treated=0.2, n_periods=36, baseline_rate=3.0, pupils_per_unit=300, rate_ratio=0.8,
                 between_unit_sd=0.3, overdispersion=0.0, *, staggered=False, inference: str = "auto",
                 n_sims: int = 1000, seed=None, alpha: float = 0.05, n_jobs: int = -1, n_resamples: int = 9999,
                 progress=None, level: float = 0.95) -> PowerResult:
    """Power of the school × period difference-in-differences by simulation, for a grid of designs.

    Every argument of the design may be a list; the result has one row per combination.

    Parameters
    ----------
    rate_ratio : float or list
        True effect on the rate (0.8 = a drop of 20%).
    level : float
        Level of the Monte Carlo interval of the power.
    {shared}

    Returns
    -------
    PowerResult
        ``.to_frame()`` (one row per cell, with the method actually used), ``.summary()``, ``.plot()``.

    Notes
    -----
    Counts ``y_it ~ Poisson(pupils/1000 · baseline_rate · exp(u_i) · g_it · rate_ratio^{{D_it}})`` with
    ``u_i ~ N(0, between_unit_sd²)`` and ``g_it ~ Gamma(1/overdispersion, overdispersion)`` (mean 1);
    each simulated study is analysed as ``panel_did(family="poisson", inference=...)`` would, and
    power is the share of studies with ``p ≤ alpha``. Studies ``panel_did`` refuses (no referral at a
    treated school after the start) count as not rejected (``n_refused``). The Monte Carlo interval is
    Clopper–Pearson. With randomization inference and ``A`` possible assignments no p-value is
    below ``1/A``: with 3 of 6 schools treated (20 assignments) significance at 5% is impossible.
    When there are more than ``n_resamples`` assignments, the studies of one chunk of 250 share one
    random sample of them, drawn as ``panel_did(seed=...)`` draws it (each p-value stays a valid
    randomization p-value; the dependence this adds is negligible with 9,999 draws).

    Validated against: ``panel_did`` on the same simulated studies (p-values equal, several seeds;
    tests/test_power.py); the normal approximation in the large-sample case.

    Examples
    --------
    >>> res = simulate_did(n_units=[6, 12], n_treated=0.5, rate_ratio=0.7, n_sims=20, seed=2, n_jobs=1)
    >>> res.to_frame()[["n_units", "n_treated", "min_p"]].round(4).values.tolist()
    [[6.0, 3.0, 0.1], [12.0, 6.0, 0.0022]]
    """
    base = dict(n_units=n_units, n_treated=n_treated, n_periods=n_periods, baseline_rate=baseline_rate,
                pupils_per_unit=pupils_per_unit, between_unit_sd=between_unit_sd, overdispersion=overdispersion,
                staggered=staggered, inference=inference)
    designs = _designs(base)
    ratios = list(dict.fromkeys(_check_value("rate_ratio", r) for r in _as_list("rate_ratio", rate_ratio)))
    seed = _check_run(n_sims, alpha, n_resamples, n_jobs, seed)
    _check_alpha(1 - level)
    tasks = [(_task, (d, ratios, seed, c, size, n_resamples)) for d in designs for c, size in _chunks(n_sims)]
    results = _run(tasks, n_jobs, progress)
    rows, i = [], 0
    from statsmodels.stats.proportion import proportion_confint

    for d in designs:
        parts = results[i:i + len(_chunks(n_sims))]
        i += len(_chunks(n_sims))
        for rr in ratios:
            p = np.concatenate([part[rr][0] for part in parts])
            fb = np.concatenate([part[rr][1] for part in parts])
            total, exact = parts[0][rr][2], parts[0][rr][3]
            k = int(np.sum(np.nan_to_num(p, nan=1.0) <= alpha))
            lo, hi = proportion_confint(k, n_sims, alpha=1 - level, method="beta")
            lo, hi = (0.0 if k == 0 else float(lo)), (1.0 if k == n_sims else float(hi))
            rows.append({**{c: d[c] for c in DESIGN[:-1]}, "rate_ratio": rr, "inference": d["inference"],
                         "method": d["method"], "power": k / n_sims, "power_lower": lo, "power_upper": hi,
                         "n_sims": n_sims, "n_rejected": k, "n_refused": int(np.isnan(p).sum()),
                         "n_panel_did": int(fb.sum()), "n_assignments": total if d["method"] == "randomization" else 0,
                         "exact": bool(exact), "min_p": _min_p(d, total) if d["method"] == "randomization" else 0.0,
                         "analytic_power": _analytic_did(d, rr, alpha)})
    return PowerResult(pd.DataFrame(rows), alpha, level, n_sims, seed, n_resamples)


simulate_did.__doc__ = simulate_did.__doc__.replace("{shared}", _SHARED_DOC.strip("\n").lstrip())


def mde(n_units=15, n_treated=0.2, n_periods=36, baseline_rate=3.0, pupils_per_unit=300, between_unit_sd=0.3,
        overdispersion=0.0, *, staggered=False, inference: str = "auto", power: float = 0.8, n_sims: int = 1000,
        seed=None, alpha: float = 0.05, n_jobs: int = -1, n_resamples: int = 9999, lower: float = 0.3,
        progress=None, level: float = 0.95) -> MdeResult:
    """Minimum detectable rate ratio (a drop) at the target power, by simulation, per design.

    Parameters
    ----------
    power : float
        Target power (0.8).
    lower : float
        Smallest rate ratio searched (0.3 = a drop of 70%).
    level : float
        Level of the interval of the minimum detectable rate ratio.
    {shared}

    Returns
    -------
    MdeResult
        ``.to_frame()`` (one row per design), ``.summary()``, ``.plot()``, ``.power_at(rate_ratio)``.

    Notes
    -----
    Common random numbers: every simulated study keeps its random numbers at every rate ratio (counts
    by the Poisson quantile function of fixed uniforms), so a study rejects for all rate ratios below
    its own *critical* rate ratio ``r_s``, found by bisection on ``log r`` (12 steps). The power curve
    is then ``P(r_s ≥ RR)``, monotone by construction, and the minimum detectable rate ratio is the
    ``(1 − power)`` quantile of ``r_s``; its interval is the distribution-free order-statistic
    interval of that quantile (binomial). Studies that reject at ``RR = 1`` have ``r_s = 1``; studies
    that do not reject even at ``lower`` have ``r_s = 0``.

    Examples
    --------
    >>> res = mde(n_units=12, n_treated=6, n_periods=12, baseline_rate=5, n_sims=40, seed=3, n_jobs=1)
    >>> bool(res.to_frame()["reachable"].iloc[0]), res.to_frame()["method"].iloc[0]
    (True, 'randomization')
    """
    base = dict(n_units=n_units, n_treated=n_treated, n_periods=n_periods, baseline_rate=baseline_rate,
                pupils_per_unit=pupils_per_unit, between_unit_sd=between_unit_sd, overdispersion=overdispersion,
                staggered=staggered, inference=inference)
    designs = _designs(base)
    seed = _check_run(n_sims, alpha, n_resamples, n_jobs, seed)
    _check_alpha(1 - power)
    _check_alpha(1 - level)
    if not isinstance(lower, (int, float, np.number)) or isinstance(lower, bool) or not 0 < lower < 1:
        raise InputError(t("power_bad_number", param="lower", value=lower, rule=t("power_rule_prob")))
    tasks = [(_bisect_task, (d, lower, seed, c, size, n_resamples, alpha, 12)) for d in designs
             for c, size in _chunks(n_sims)]
    results = _run(tasks, n_jobs, progress)
    rows, curves, i = [], [], 0
    q = 1 - power
    j = math.floor(q * n_sims + 1e-9)                           # 0-based: at least (1 − q)·n studies have r_s ≥ it
    lo_i = int(stats.binom.ppf((1 - level) / 2, n_sims, q))      # order-statistic interval (1-based)
    hi_i = int(stats.binom.ppf(1 - (1 - level) / 2, n_sims, q)) + 1
    for d in designs:
        parts = results[i:i + len(_chunks(n_sims))]
        i += len(_chunks(n_sims))
        crit = np.sort(np.concatenate([p[0] for p in parts]))
        curves.append(crit)
        # power(RR) = share of r_s ≥ RR; the largest RR with power ≥ target is r_s number j (0-based, sorted)
        value = crit[min(j, n_sims - 1)]
        reachable = bool(value >= lower)
        rows.append({**{c: d[c] for c in DESIGN[:-1]}, "inference": d["inference"], "method": d["method"],
                     "mde_ratio": value if reachable else np.nan,
                     "mde_lower": crit[max(lo_i, 1) - 1] if reachable and crit[max(lo_i, 1) - 1] >= lower else np.nan,
                     "mde_upper": crit[min(hi_i, n_sims) - 1] if reachable else np.nan,
                     "mde_percent": 100 * (1 - value) if reachable else np.nan, "reachable": reachable,
                     "lower_bound": lower, "power_target": power, "n_sims": n_sims,
                     "n_assignments": parts[0][1] if d["method"] == "randomization" else 0})
    return MdeResult(pd.DataFrame(rows), power, alpha, level, n_sims, seed, tuple(curves))


mde.__doc__ = mde.__doc__.replace("{shared}", _SHARED_DOC.strip("\n").lstrip())
