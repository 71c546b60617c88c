"""Difference-in-differences for referral counts with few schools: did demand fall where youth workers came?

Two entry points:

* :func:`did_2x2` — the classic 2 × 2 comparison (treated/comparison × before/after), also for
  repeated cross-sections;
* :func:`panel_did` — two-way fixed effects (unit and period) for a unit × period panel, Poisson
  with a log(exposure) offset by default, with inference that stays valid with few schools:
  randomization inference (exact when all assignments are enumerated), the restricted wild
  cluster bootstrap (linear models) or cluster-robust standard errors (many schools).

Examples
--------
>>> from evaluatie import synthetic
>>> panel, truth = synthetic.panel(n_units=10, n_periods=12, treated_units=3, start_period=6, seed=1)
>>> res = panel_did(panel, exposure="exposure", seed=1)
>>> res.inference, res.n_units, res.n_treated_units
('randomization', 10, 3)
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from .errors import InputError, check_option
from .resampling import (FixedEffects, RandomizationTable, assignments, fe_fit, invert_test, sandwich, score_bootstrap,
                         single_thread, wild_cluster_bootstrap)
from .text import check_lang, format_number, format_p, in_lang, t, note as in_every_lang

__all__ = ["did_2x2", "panel_did", "placebo_starts", "DidResult", "PlaceboResult", "effect_sentence", "evidence"]

Family = Literal["poisson", "quasipoisson", "negbin", "gaussian"]
Vcov = Literal["iid", "HC1", "cluster"]
COUNT_FAMILIES = ("poisson", "quasipoisson", "negbin")


@dataclass(frozen=True)
class DidResult:
    """Result of :func:`did_2x2` or :func:`panel_did` (model scale: log rate ratio for counts)."""

    coef: float
    se: float
    ci: tuple
    p_value: float
    n: int
    family: str
    inference: str
    reasons: tuple
    n_units: int
    n_treated_units: int
    n_periods: int
    level: float = 0.95
    dispersion: float = float("nan")
    n_resamples: int = 0
    exact: bool = False
    notes: list = field(default_factory=list)
    estimator: str = "twfe"
    n_clusters: int = 0
    cluster: str | None = None
    covariates: tuple = ()
    covariate_terms: tuple = ()   # (name, estimate, se, df) per covariate; cluster-robust (or the 2×2 vcov)
    dropped_units: tuple = ()     # units left out of a count model: no event in any period (a note says so)

    @property
    def ratio(self) -> float:
        """Rate ratio exp(coef) for count families (NaN for gaussian)."""
        return math.exp(self.coef) if self.family in COUNT_FAMILIES else float("nan")

    @property
    def ratio_ci(self) -> tuple:
        """Interval of the rate ratio."""
        if self.family not in COUNT_FAMILIES:
            return (float("nan"), float("nan"))
        return (math.exp(self.ci[0]), math.exp(self.ci[1]))

    @property
    def percent_change(self) -> float:
        """Change in the rate in percent, 100 (ratio - 1): −24 means 24% fewer referrals."""
        return 100 * (self.ratio - 1)

    @property
    def percent_ci(self) -> tuple:
        """Interval of :attr:`percent_change`."""
        lo, hi = self.ratio_ci
        return (100 * (lo - 1), 100 * (hi - 1))

    @property
    def reason(self) -> str:
        """Why the uncertainty was computed this way (Dutch); :meth:`reason_text` for English."""
        return self.reason_text("nl")

    def reason_text(self, lang: str = "nl") -> str:
        """Why the uncertainty was computed this way, in ``lang``."""
        check_lang(lang)
        fmt = lambda v: format_number(v, 0, lang) if isinstance(v, (int, np.integer)) else v  # noqa: E731
        return " ".join(t(key, lang, **{k: fmt(v) for k, v in kw.items()}) for key, kw in self.reasons)

    def to_frame(self) -> pd.DataFrame:
        """Tidy: one row per term — ``treated`` (the effect) first, then each covariate.

        Columns ``term, estimate, se, lower, upper, p_value`` (model scale, as in the ITS and event-study
        tables), ``ratio, ratio_lower, ratio_upper, percent_change, percent_lower, percent_upper`` (count
        families), then design and inference (``inference`` is ``cluster`` for covariate rows of a panel).
        """
        design = {k: v for k, v in asdict(self).items()
                  if k not in ("coef", "se", "ci", "p_value", "notes", "reasons", "covariates", "covariate_terms",
                               "dropped_units")}
        count = self.family in COUNT_FAMILIES
        rows = [{"term": "treated", "estimate": self.coef, "se": self.se, "lower": self.ci[0], "upper": self.ci[1],
                 "p_value": self.p_value, **design, "reason": self.reason}]
        for name, est, se, df in self.covariate_terms:
            q = stats.t.ppf(0.5 + self.level / 2, df)
            rows.append({"term": name, "estimate": est, "se": se, "lower": est - q * se, "upper": est + q * se,
                         "p_value": float(2 * stats.t.sf(abs(est / se), df)) if se > 0 else float("nan"),
                         **design, "inference": "cluster" if self.estimator == "twfe" else self.inference,
                         "reason": ""})
        out = pd.DataFrame(rows)
        for col, fn in (("ratio", "estimate"), ("ratio_lower", "lower"), ("ratio_upper", "upper")):
            out[col] = np.exp(out[fn]) if count else np.nan
        for col, fn in (("percent_change", "ratio"), ("percent_lower", "ratio_lower"), ("percent_upper", "ratio_upper")):
            out[col] = 100 * (out[fn] - 1)
        order = ["term", "estimate", "se", "lower", "upper", "p_value", "ratio", "ratio_lower", "ratio_upper",
                 "percent_change", "percent_lower", "percent_upper"]
        return out[order + [c for c in out.columns if c not in order]]

    def sentence(self, lang: str = "nl", outcome: str | None = None) -> str:
        """The result in words, e.g. 'Na de start daalde de vraag ... met 24% (95%-BI: 9% tot 37%).'"""
        return effect_sentence(self.coef, self.ci, self.family, self.level, lang, outcome)

    def summary(self, lang: str = "nl") -> str:
        """Result in words plus design, inference (and why), p-value and remarks."""
        check_lang(lang)
        p = format_p(self.p_value, lang)
        nl = lang == "nl"
        names = {"randomization": ("randomisatie-inferentie", "randomization inference"),
                 "wild": ("wild cluster bootstrap", "wild cluster bootstrap"),
                 "cluster": ("cluster-robuuste standaardfouten", "cluster-robust standard errors"),
                 "iid": ("modelgebaseerde standaardfouten", "model-based standard errors"),
                 "HC1": ("heteroskedasticiteit-robuuste standaardfouten (HC1)",
                         "heteroskedasticity-robust standard errors (HC1)")}
        if self.inference == "wild" and self.family in ("poisson", "quasipoisson"):
            names["wild"] = ("wild score-clusterbootstrap", "wild score cluster bootstrap")
        how = names.get(self.inference, (self.inference,) * 2)[0 if nl else 1]
        nested = self.cluster is not None and self.n_clusters != self.n_units
        clusters = ((f" in {self.n_clusters} clusters ('{self.cluster}')" if nl else
                     f" in {self.n_clusters} clusters ('{self.cluster}')") if nested else "")
        covs = ((f"; covariaten: {', '.join(self.covariates)}" if nl else f"; covariates: {', '.join(self.covariates)}")
                if self.covariates else "")
        from .display import value_label

        model = value_label(self.family, lang)  # "Poisson-regressie", not the option name "poisson"
        design = (f"Opzet: {self.n_units} eenheden{clusters}, waarvan {self.n_treated_units} met de interventie; "
                  f"{self.n_periods} perioden; {self.n} waarnemingen; model: {model}{covs}." if nl else
                  f"Design: {self.n_units} units{clusters}, {self.n_treated_units} with the intervention; "
                  f"{self.n_periods} periods; {self.n} observations; model: {model}{covs}.")
        uncertainty = f"{'Onzekerheid' if nl else 'Uncertainty'}: {how} ({p}). {self.reason_text(lang)}"
        return "\n".join([self.sentence(lang), design, uncertainty] + [f"- {in_lang(n, lang)}" for n in self.notes])

    def plot(self, ax=None, lang: str = "nl", title: str | None = None):
        """Estimate with interval (rate ratio for counts, with 1 = no change marked) and the sentence."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, house_style

        check_lang(lang)
        count = self.family in COUNT_FAMILIES
        est, (lo, hi) = (self.ratio, self.ratio_ci) if count else (self.coef, self.ci)
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 2.6))
            ax.axvline(1.0 if count else 0.0, color=GREY, linestyle="--", linewidth=1)
            xerr = [[est - lo], [hi - est]] if np.isfinite([lo, hi]).all() else None  # no interval: point only
            ax.errorbar([est], [0], xerr=xerr, fmt="o", color=PALETTE[0], capsize=6, markersize=8)
            ax.set_yticks([])
            ax.grid(axis="x")
            ax.grid(axis="y", visible=False)
            label = {"nl": ("Verhouding van de verwijzingen (1 = geen verandering)", "Verschil-in-verschillen"),
                     "en": ("Rate ratio of referrals (1 = no change)", "Difference-in-differences")}[lang]
            ax.set_xlabel(label[0] if count else label[1])
            if count:
                ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: format_number(x, 2, lang)))
            ax.set_title(title or self.sentence(lang), fontsize=11)
        return ax


# ------------------------------------------------------------------------------ helpers
Evidence = Literal["clear", "likely", "possible"]


def evidence(coef: float, ci: tuple, level: float = 0.95) -> str:
    """How strong the evidence for a change is: THE rule behind every effect wording.

    ``"clear"`` when the interval excludes no change (0 on the model scale); ``"likely"`` when it
    does not, but an interval at 80% would (the estimate lies at least z₀.₉₀ = 1,28 standard errors
    from 0, the standard error read from the half of the interval on the side of 0); ``"possible"``
    otherwise, and when there is no finite interval.

    Examples
    --------
    >>> import math
    >>> evidence(math.log(0.79), (math.log(0.59), math.log(1.05)))  # −21%, 95%-BI −41% tot +5%
    'likely'
    """
    lo, hi = ci
    if not (np.isfinite(coef) and np.isfinite(lo) and np.isfinite(hi)):
        return "possible"
    if lo > 0 or hi < 0:
        return "clear"
    edge = hi if coef < 0 else lo
    se = abs(edge - coef) / stats.norm.ppf(0.5 + level / 2)
    return "likely" if se > 0 and abs(coef) / se >= stats.norm.ppf(0.9) else "possible"


def effect_sentence(coef: float, ci: tuple, family: str, level: float, lang: str = "nl",
                    outcome: str | None = None, *, lead: str | None = None) -> str:
    """An effect in words, worded by the evidence (:func:`evidence`): for titles, captions and summaries.

    Counts: the percent change of the rate, "daalde … met 24%" only when the interval excludes no
    change; otherwise "was … waarschijnlijk minder, maar nog niet zeker" or "was … mogelijk minder,
    nog niet zeker" with the signed interval. Gaussian: the difference with the same verdict.

    Examples
    --------
    >>> import math
    >>> effect_sentence(math.log(0.79), (math.log(0.59), math.log(1.05)), "poisson", 0.95)
    'Na de start was de vraag naar tweedelijns jeugdhulp waarschijnlijk minder, maar nog niet zeker: −21% (95%-BI: −41% tot +5%).'
    >>> effect_sentence(math.log(0.76), (math.log(0.63), math.log(0.91)), "poisson", 0.95, "en")
    'After the start, demand for second-line youth care fell by 24% (95% CI: 9% to 37%).'
    """
    check_lang(lang)
    nl = lang == "nl"
    label = f"{format_number(100 * level, 0, lang)}%{'-BI' if nl else ' CI'}"
    to = "tot" if nl else "to"
    ci = tuple(map(float, ci))
    verdict = evidence(coef, ci, level)
    if np.isnan(ci).any():  # not computed (conf_int=False)
        label = f"{'geen' if nl else 'no'} {label}"
    lead = lead or ("Na de start" if nl else "After the start")
    down = coef < 0
    words = {("nl", "likely"): "waarschijnlijk {x}, maar nog niet zeker", ("nl", "possible"): "mogelijk {x}, nog niet zeker",
             ("en", "likely"): "probably {x}, but not yet certain", ("en", "possible"): "possibly {x}, not yet certain"}
    direction = ("minder" if down else "meer") if nl else ("lower" if down else "higher")
    if family not in COUNT_FAMILIES:
        g = lambda x: format_number(x, 2, lang)  # noqa: E731
        bounds = f"{label}: {g(ci[0])} {to} {g(ci[1])}" if not np.isnan(ci).any() else label
        if verdict == "clear":
            judged = (f"{direction} na de start" if nl else f"{direction} after the start")
        else:
            judged = words[lang, verdict].format(x=direction)
        return f"{'Verschil-in-verschillen' if nl else 'Difference-in-differences'}: {g(coef)} ({bounds}); {judged}."
    change = 100 * (math.exp(coef) - 1)
    f = lambda x: format_number(abs(x), 0, lang) + "%"  # noqa: E731
    signed = lambda x: ("−" if x < 0 else "+") + f(x) if np.isfinite(x) else ("−∞" if x < 0 else "+∞")  # noqa: E731
    lo, hi = sorted(100 * (math.exp(c) - 1) if c < np.inf else np.inf for c in ci) \
        if not np.isnan(ci).any() else (np.nan, np.nan)  # a log ratio of −∞ is −100%
    what = outcome or ("de vraag naar tweedelijns jeugdhulp" if nl else "demand for second-line youth care")
    if verdict == "clear":  # both bounds on one side: magnitudes, smallest first
        bounds = f"{f(hi if down else lo)} {to} {f(lo if down else hi)}"
        verb = ("daalde" if down else "steeg") if nl else ("fell" if down else "rose")
        return (f"{lead} {verb} {what} met {f(change)} ({label}: {bounds})." if nl else
                f"{lead}, {what} {verb} by {f(change)} ({label}: {bounds}).")
    interval = f"({label}: {signed(lo)} {to} {signed(hi)})" if np.isfinite(lo) or np.isfinite(hi) else f"({label})"
    judged = words[lang, verdict].format(x=direction)
    return (f"{lead} was {what} {judged}: {signed(change)} {interval}." if nl else
            f"{lead}, {what} was {judged}: {signed(change)} {interval}.")


def _check_level(level, lang: str = "nl") -> None:
    if not isinstance(level, (float, int, np.floating)) or isinstance(level, bool) or not 0 < level < 1:
        raise InputError(t("did_err_level", lang, level=level))


def _require(data: pd.DataFrame, columns: dict, lang: str = "nl") -> None:
    missing = [c for c in columns.values() if c is not None and c not in data.columns]
    if missing:
        raise InputError(t("did_err_missing_columns", lang, missing=", ".join(missing),
                           present=", ".join(map(str, data.columns))), column=missing[0])


def _glm_family(family: str, alpha: float | None = None):
    if family in ("poisson", "quasipoisson"):
        return sm.families.Poisson()
    if family == "negbin":
        return sm.families.NegativeBinomial(alpha=alpha)
    return sm.families.Gaussian()


def _negbin_alpha(y, X, offset, *, mean=None) -> float:
    """NB2 dispersion ``alpha`` (var = mu + alpha mu²) by maximum likelihood, alternating with the GLM fit
    as ``MASS::glm.nb`` does (its ``theta`` is 1 / alpha). Returns a tiny alpha when there is no
    overdispersion (the model is then Poisson). ``mean(alpha)`` gives the fitted means for a given
    alpha (``None``: Poisson); default a statsmodels GLM on ``X`` (the panel passes absorbed fixed effects)."""
    from scipy.optimize import minimize_scalar
    from scipy.special import gammaln

    def negloglik(log_a, mu):
        a = np.exp(log_a)
        r = 1 / a
        return -np.sum(gammaln(y + r) - gammaln(r) - gammaln(y + 1) + y * np.log(a * mu / (1 + a * mu))
                       - r * np.log1p(a * mu))

    if mean is None:
        def mean(a):
            family = sm.families.Poisson() if a is None else sm.families.NegativeBinomial(alpha=a)
            return sm.GLM(y, X, family=family, offset=offset).fit().fittedvalues

    with single_thread():  # up to 50 small fits: BLAS threads only thrash (also when called from its.py)
        mu = mean(None)
        log_a = np.log(0.1)
        for _ in range(50):
            new = minimize_scalar(negloglik, bounds=(np.log(1e-8), np.log(1e3)), args=(mu,), method="bounded",
                                  options={"xatol": 1e-10}).x
            mu = mean(np.exp(new))
            if abs(new - log_a) < 1e-8:
                break
            log_a = new
    return float(np.exp(new))


def _fit(y, X, family, offset, alpha=None):
    model = sm.GLM(y, X, family=_glm_family(family, alpha), offset=offset)
    return model.fit(scale="X2" if family == "quasipoisson" else None)


def _robust_se(fit, X, y, family, alpha=None, groups=None, index: int = 0) -> float:
    """Sandwich standard error of coefficient ``index`` with expected-information bread.

    HC1 (``groups=None``): ``n/(n-k) · B (Σ s_i² x_i x_iᵀ) B``; cluster: ``G/(G-1) (n-1)/(n-k) · B (Σ_g
    S_g S_gᵀ) B`` with ``S_g`` the summed scores of cluster g. The same as R ``sandwich::vcovHC`` /
    ``vcovCL`` with ``type = "HC1"`` on ``lm``/``glm``/``glm.nb`` fits.
    """
    mu = np.asarray(fit.fittedvalues)
    if family == "gaussian":
        w, score = np.ones_like(mu), y - mu
    elif family == "negbin":
        w, score = mu / (1 + alpha * mu), (y - mu) / (1 + alpha * mu)
    else:
        w, score = mu, y - mu
    codes = None if groups is None else pd.factorize(groups)[0]
    return float(np.sqrt(max(sandwich(X, w, score, codes, X.shape[1])[index, index], 0.0)))


def _dispersion(fit) -> float:
    return float(fit.pearson_chi2 / fit.df_resid) if fit.df_resid > 0 else float("nan")


def _pearson_dispersion(y, mu, family, alpha, n_params) -> float:
    """Pearson χ² / (n − k) of a fit with absorbed fixed effects (as ``_dispersion`` on the dummy model)."""
    variance = mu * (1 + alpha * mu) if family == "negbin" else mu
    df = len(y) - n_params
    return float(np.sum((y - mu) ** 2 / variance) / df) if df > 0 else float("nan")


def _dispersion_note(family: str, phi: float) -> str | None:
    if family == "poisson" and phi > 1.5:
        return in_every_lang("did_note_overdispersion", phi=lambda lang: format_number(phi, 2, lang))
    return None


# ------------------------------------------------------------------------------ 2 x 2
def did_2x2(data: pd.DataFrame, outcome: str, treated: str, post: str, *, family: str = "gaussian",
            exposure: str | None = None, vcov: str = "iid", cluster: str | None = None,
            covariates: list | None = None, level: float = 0.95, lang: str = "nl") -> DidResult:
    """Classic 2 × 2 difference-in-differences: ``outcome ~ treated + post + treated:post``.

    Parameters
    ----------
    data : DataFrame
        One row per observation (unit-period, or individual in repeated cross-sections).
    outcome, treated, post : str
        Outcome column; 0/1 group indicator (ever treated); 0/1 period indicator (after the start).
    family : {"gaussian", "poisson", "quasipoisson", "negbin"}
        Gaussian for a rate or score; Poisson (log link) for counts, with ``exposure`` as offset.
    exposure : str, optional
        Exposure column (pupils) for count families: ``log(exposure)`` is the offset.
    vcov : {"iid", "HC1", "cluster"}
        Model-based, heteroskedasticity-robust (HC1) or cluster-robust (by ``cluster``) covariance.
    cluster : str, optional
        Cluster column (e.g. school, or school board with schools nested) for ``vcov="cluster"``.
    covariates : list of str, optional
        Numeric columns added to the model (regression adjustment; they may change over time).
    level : float
        Confidence level.
    lang : {"nl", "en"}
        Language of the error messages.

    Returns
    -------
    DidResult
        ``coef`` is the interaction (log rate ratio for count families, with ``ratio = exp(coef)``).

    Notes
    -----
    Inference: ``t(n - k)`` for gaussian with ``iid``/``HC1``, normal for count families, ``t(G - 1)``
    with cluster-robust errors (G clusters; small-sample factor ``G/(G-1) (n-1)/(n-k)``, as R
    ``sandwich::vcovCL(type = "HC1")``). With few clusters use :func:`panel_did` with randomization
    inference instead.

    Validated against: R 4.2.2 ``lm``/``glm`` with ``sandwich`` 3.0 ``vcovHC``/``vcovCL``; with
    covariates against statsmodels and pyfixest (tests/test_did.py).

    Examples
    --------
    >>> d = pd.DataFrame({"y": [10, 12, 11, 7, 9, 14, 12, 6], "g": [0, 0, 1, 1] * 2, "p": [0, 1, 0, 1] * 2,
    ...                   "n": [100] * 8})
    >>> r = did_2x2(d, "y", "g", "p", family="poisson", exposure="n")
    >>> round(r.ratio, 4)
    0.413
    """
    check_lang(lang)
    check_option("family", family, Family, lang)
    check_option("vcov", vcov, Vcov, lang)
    _check_level(level, lang)
    covariates = _check_covariates(covariates, lang)
    _require(data, {"outcome": outcome, "treated": treated, "post": post, "exposure": exposure,
                    "cluster": cluster} | {f"cov{i}": c for i, c in enumerate(covariates)}, lang)
    if vcov == "cluster" and cluster is None:
        raise InputError(t("did_err_cluster_needed", lang))
    if cluster is not None and vcov != "cluster":
        raise InputError(t("did_err_cluster_ignored", lang, cluster=cluster, vcov=vcov))
    used = [c for c in (outcome, treated, post, exposure, cluster, *covariates) if c]
    d = data[list(dict.fromkeys(used))].copy()
    for c in covariates:
        if not pd.api.types.is_numeric_dtype(d[c]):
            raise InputError(t("did_err_covariate_numeric", lang, column=c), column=c)
    dropped = d.isna().any(axis=1)
    d = d[~dropped]
    notes = [in_every_lang("did_note_dropped_empty", n=lambda lang: format_number(dropped.sum(), 0, lang),
                           columns=", ".join(used))] if dropped.any() else []
    for col in (treated, post):
        if not d[col].isin([0, 1, True, False]).all():
            raise InputError(t("did_err_binary", lang, column=col), column=col)
    cells = d.groupby([d[treated].astype(int), d[post].astype(int)]).size()
    if len(cells) < 4:
        raise InputError(t("did_err_four_cells", lang, cells=", ".join(f"{a}/{b}" for a, b in cells.index)))
    offset = None
    if exposure and family in COUNT_FAMILIES:
        if (d[exposure] <= 0).any():
            raise InputError(t("did_err_exposure_positive", lang, column=exposure), column=exposure)
        offset = np.log(d[exposure].to_numpy(float))
    g, p = d[treated].astype(float).to_numpy(), d[post].astype(float).to_numpy()
    X = np.column_stack([np.ones(len(d)), g, p, g * p, d[covariates].to_numpy(float)])
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise InputError(t("did_err_covariates_collinear", lang, covariates=", ".join(covariates)),
                         column=covariates[0] if covariates else None)
    y = d[outcome].to_numpy(float)
    if family in COUNT_FAMILIES and ((y < 0).any() or (y != np.round(y)).any() or y.sum() == 0):
        raise InputError(t("did_err_counts_not_all_zero", lang, column=outcome, family=family), column=outcome)
    if family == "gaussian" and np.ptp(y) == 0:
        raise InputError(t("did_err_constant_outcome", lang, column=outcome), column=outcome)
    with single_thread():
        alpha = _negbin_alpha(y, X, offset) if family == "negbin" else None
        fit = _fit(y, X, family, offset, alpha)
    coef = float(fit.params[3])
    se = float(fit.bse[3]) if vcov == "iid" else _robust_se(
        fit, X, y, family, alpha, d[cluster].to_numpy() if vcov == "cluster" else None, index=3)
    n_clusters = d[cluster].nunique() if vcov == "cluster" else None
    if vcov == "cluster":
        df = n_clusters - 1
    elif family == "gaussian":
        df = len(d) - X.shape[1]
    else:
        df = np.inf
    q = stats.t.ppf(0.5 + level / 2, df)
    pval = float(2 * stats.t.sf(abs(coef / se), df))
    reasons = {"iid": (("did_iid", {}),), "HC1": (("did_hc1", {}),),
               "cluster": (("did_cluster", {"g": n_clusters}), ("did_t_df", {"df": df}))}[vcov]
    notes += [n for n in [_dispersion_note(family, _dispersion(fit))] if n and vcov == "iid"]
    n_units = int(d[cluster].nunique()) if cluster else len(d)
    n_treated = int(d.loc[d[treated].astype(bool), cluster].nunique()) if cluster else int(d[treated].astype(bool).sum())
    return DidResult(coef, se, (coef - q * se, coef + q * se), pval, len(d), family, vcov, reasons, n_units, n_treated,
                     2, level, _dispersion(fit), notes=notes, estimator="2x2", n_clusters=n_units if cluster else 0,
                     cluster=cluster, covariates=tuple(covariates), covariate_terms=tuple(
                         (c, float(fit.params[4 + j]), float(fit.bse[4 + j]) if vcov == "iid" else _robust_se(
                             fit, X, y, family, alpha, d[cluster].to_numpy() if vcov == "cluster" else None, index=4 + j),
                          df) for j, c in enumerate(covariates)))


# ------------------------------------------------------------------------------ panel
@dataclass
class _Panel:
    """A checked panel: arrays in a fixed unit × period order plus what was done to the input."""

    frame: pd.DataFrame
    y: np.ndarray
    D: np.ndarray          # treated (0/1 per row)
    offset: np.ndarray | None
    unit_codes: np.ndarray
    period_codes: np.ndarray
    starts: np.ndarray     # per unit: index of first treated period, or -1 (never)
    notes: list
    Z: np.ndarray          # covariates (n × k)
    cluster_codes: np.ndarray       # per row: cluster 0…G−1 (= unit when no cluster column)
    unit_cluster: np.ndarray        # per unit: its cluster
    units: pd.Index
    periods: pd.Index
    fe: FixedEffects                # unit and period effects, absorbed (never a dummy matrix)
    dropped_units: tuple = ()       # units left out because they have no event at all (count families)

    @property
    def n_params(self) -> int:
        """Coefficients of the full model: treatment, covariates, unit and period effects (with intercept)."""
        return 1 + self.Z.shape[1] + self.fe.n_params

    def partial_out(self, V) -> np.ndarray:
        """Residuals of the least-squares fit of ``V`` (vector or n × m) on unit and period effects and the
        covariates: the linear model's Frisch–Waugh–Lovell projection, without dummy columns."""
        ones = np.ones(len(self.y))
        R = self.fe.project(V, ones)
        if self.Z.shape[1]:
            Zt = self.fe.project(self.Z, ones)
            R = R - Zt @ np.linalg.lstsq(Zt, R, rcond=None)[0]
        return R


def _check_covariates(covariates, lang: str = "nl") -> list:
    if covariates is None:
        return []
    if isinstance(covariates, str) or not all(isinstance(c, str) for c in covariates):
        raise InputError(t("did_err_covariates_list", lang, covariates=covariates))
    return list(covariates)


def _refuse_duplicate_units(data: pd.DataFrame, unit: str, time: str, outcome: str | None = None,
                            lang: str = "nl") -> None:
    """Refuse a panel whose unit names look like one school spelled twice.

    A pair of similar names (:func:`evaluatie.quality.near_duplicates`) is refused when the names are
    equal after trimming and case-folding, or when they hardly share periods (at most half of the
    periods of the shorter one): then the "two schools" are one school whose name changed between
    rows. Two real schools with similar names ("IKC School A", "IKC School B") report in the same
    periods and pass.

    A panel completed with zeros (every name has every period) hides a name change in the counts:
    one name has its non-zero counts before some period, the other only after it. Such a pair is
    refused when two independent series would be separated this cleanly with probability below 1%
    (``2 / C(a + b, a)`` for ``a`` and ``b`` periods with a count), so rare events in two real
    schools do not trigger it.
    """
    from math import comb

    from .quality import near_duplicates

    names = data[unit].astype(str)
    pairs = near_duplicates(names)
    if pairs.empty:
        return
    periods = data.groupby(names)[time].agg(lambda x: set(x.dropna()))
    counts = pd.to_numeric(data[outcome], errors="coerce") if outcome in data else None
    active = (data[time].where(counts > 0).groupby(names).agg(lambda x: sorted(set(x.dropna())))
              if counts is not None else pd.Series(dtype=object))

    def one_school(a, b) -> bool:
        pa, pb = periods.get(a, set()), periods.get(b, set())
        if len(pa & pb) <= 0.5 * max(1, min(len(pa), len(pb))):
            return True
        ta, tb = active.get(a, []), active.get(b, [])
        if not ta or not tb or not (ta[-1] < tb[0] or tb[-1] < ta[0]):
            return False
        return 2 / comb(len(ta) + len(tb), len(ta)) < 0.01

    same = np.array([one_school(a, b) for a, b in zip(pairs["value"], pairs["similar_to"])], dtype=bool)
    pairs = pairs[(pairs["score"].to_numpy() >= 100) | same]
    if len(pairs):
        first = pairs.iloc[0]
        shown = "; ".join(t("did_err_pair_and", lang, a=a, b=b)
                          for a, b in pairs[["value", "similar_to"]].head(3).itertuples(index=False))
        raise InputError(t("did_err_duplicate_units", lang, column=unit, shown=shown,
                           score=format_number(first["score"], 0, lang)), column=unit)


def _prepare(panel, outcome, unit, time, treated, exposure, family, per, covariates=(), cluster=None,
             lang: str = "nl") -> _Panel:
    _require(panel, {"outcome": outcome, "unit": unit, "time": time, "treated": treated, "exposure": exposure,
                     "cluster": cluster} | {f"cov{i}": c for i, c in enumerate(covariates)}, lang)
    cols = list(dict.fromkeys(c for c in (unit, time, outcome, treated, exposure, cluster, *covariates) if c))
    d = panel[cols].copy()
    notes = []
    dropped_units: tuple = ()
    _refuse_duplicate_units(d.dropna(subset=[unit]), unit, time, outcome, lang)
    for c in covariates:
        if not pd.api.types.is_numeric_dtype(d[c]) or pd.api.types.is_bool_dtype(d[c]):
            d[c] = pd.to_numeric(d[c], errors="coerce") if not pd.api.types.is_bool_dtype(d[c]) else d[c].astype(float)
    missing = d[[unit, time, outcome, treated] + ([exposure] if exposure else []) + list(covariates)
                + ([cluster] if cluster else [])].isna().any(axis=1)
    if missing.any():
        notes.append(in_every_lang("did_note_missing", n=lambda lang: format_number(missing.sum(), 0, lang)))
        d = d[~missing]
    if exposure:
        bad = d[exposure] <= 0
        if bad.any():
            notes.append(in_every_lang("did_note_bad_exposure", n=lambda lang: format_number(bad.sum(), 0, lang),
                                       unit=d.loc[bad, unit].iloc[0], time=d.loc[bad, time].iloc[0]))
            d = d[~bad]
    if not d[treated].isin([0, 1, True, False]).all():
        raise InputError(t("did_err_binary", lang, column=treated), column=treated)
    # from here on: integer codes and numpy (bincount), rows kept in unit × period order; no groupby
    u_codes, u_names = pd.factorize(d[unit], sort=True)
    t_codes, t_names = pd.factorize(d[time], sort=True)
    nu, nt = len(u_names), len(t_names)
    key = u_codes * nt + t_codes
    repeated = np.bincount(key, minlength=nu * nt)[key] > 1
    if repeated.any():
        i = int(np.argmax(repeated))
        raise InputError(t("did_err_repeated_period", lang, unit=d[unit].iloc[i], period=d[time].iloc[i]),
                         column=time)
    if cluster:
        c_codes = pd.factorize(d[cluster], sort=True)[0]
        pairs = np.unique(u_codes * (c_codes.max() + 1) + c_codes) // (c_codes.max() + 1)
        mixed = np.bincount(pairs, minlength=nu) > 1
        if mixed.any():
            raise InputError(t("did_err_unit_in_clusters", lang, unit=u_names[int(np.argmax(mixed))], column=cluster),
                             column=cluster)
    order = np.argsort(key, kind="stable")
    D_all = d[treated].to_numpy(int)[order]
    u_sorted = u_codes[order]
    stops = np.flatnonzero((np.diff(D_all) < 0) & (u_sorted[1:] == u_sorted[:-1])) + 1
    if stops.size:
        i = order[stops[0]]
        raise InputError(t("did_err_treatment_stops", lang, unit=d[unit].iloc[i], period=d[time].iloc[i]),
                         column=treated)
    rows_u = np.bincount(u_codes, minlength=nu)
    on_u = np.bincount(u_codes, d[treated].to_numpy(float), nu)
    unit_ok = np.ones(nu, bool)
    always = on_u == rows_u
    if always.any() and not always.all():
        notes.append(in_every_lang("did_note_always_treated", n=int(always.sum()),
                                   names=", ".join(map(str, u_names[always][:5]))))
        unit_ok &= ~always
    y_raw = d[outcome].to_numpy(float)
    period_ok = np.ones(nt, bool)
    if family in COUNT_FAMILIES:
        y_in = y_raw[unit_ok[u_codes]]
        if (y_in < 0).any() or (y_in != np.round(y_in)).any():
            raise InputError(t("did_err_counts", lang, column=outcome, family=family), column=outcome)
        if y_in.sum() == 0:
            raise InputError(t("did_err_all_zero", lang), column=outcome)
        for level in ("unit", "period"):
            codes, names, ok = (u_codes, u_names, unit_ok) if level == "unit" else (t_codes, t_names, period_ok)
            present = np.bincount(codes[unit_ok[u_codes] & period_ok[t_codes]], minlength=len(names)) > 0
            zero = present & (np.bincount(codes, np.where(unit_ok[u_codes] & period_ok[t_codes], y_raw, 0.0),
                                          len(names)) == 0)
            if zero.any():
                notes.append(in_every_lang(f"did_note_no_events_{level}", n=int(zero.sum()),
                                           names=", ".join(map(str, names[zero][:5]))))
                ok &= ~zero
                if level == "unit":
                    dropped_units = tuple(names[zero])
    keep = (unit_ok[u_codes] & period_ok[t_codes])[order]
    rows = order[keep]
    d = d.iloc[rows]
    if family not in COUNT_FAMILIES and exposure:
        d = d.assign(**{outcome: d[outcome] / d[exposure] * per})
        notes.append(in_every_lang("did_note_per", per=lambda lang: format_number(per, 0, lang), column=exposure))
    kept_u, unit_codes = np.unique(u_codes[rows], return_inverse=True)
    kept_t, period_codes = np.unique(t_codes[rows], return_inverse=True)
    units, periods = u_names[kept_u], t_names[kept_t]
    y = d[outcome].to_numpy(float)
    D = D_all[keep].astype(float)
    ever = np.bincount(unit_codes, D, len(units)) > 0
    if not ever.any():
        raise InputError(t("did_err_none_treated", lang), column=treated)
    if ever.all():
        raise InputError(t("did_err_all_treated", lang), column=treated)
    if family in COUNT_FAMILIES and y[D == 1].sum() == 0:
        raise InputError(t("did_err_no_treated_events", lang), column=outcome)
    if family == "gaussian" and np.ptp(y) == 0:
        raise InputError(t("did_err_constant_outcome", lang, column=outcome), column=outcome)
    short = np.bincount(unit_codes, minlength=len(units)) < len(periods)
    if short.any():
        notes.append(in_every_lang("did_note_unbalanced", n=int(short.sum())))
    Z = d[list(covariates)].to_numpy(float) if covariates else np.zeros((len(d), 0))
    fe = FixedEffects(unit_codes, period_codes)
    tilde = fe.project(np.column_stack([D, Z]), np.ones(len(d))) if covariates else None
    for j, c in enumerate(covariates):  # a covariate fixed by school and period adds nothing and breaks the fit
        others = np.delete(tilde, 1 + j, axis=1)
        resid = tilde[:, 1 + j] - others @ np.linalg.lstsq(others, tilde[:, 1 + j], rcond=None)[0]
        if resid @ resid <= 1e-10 * max(1.0, Z[:, j] @ Z[:, j]):
            raise InputError(t("did_err_covariate_absorbed", lang, column=c), column=c)
    never = np.iinfo(np.int64).max
    first_on = np.full(len(units), never)
    np.minimum.at(first_on, unit_codes, np.where(D == 1, period_codes, never))
    starts = np.where(first_on == never, -1, first_on)
    offset = np.log(d[exposure].to_numpy(float)) if exposure and family in COUNT_FAMILIES else None
    if cluster:
        cluster_codes = np.unique(c_codes[rows], return_inverse=True)[1]
        unit_cluster = np.zeros(len(units), np.intp)
        unit_cluster[unit_codes] = cluster_codes
    else:
        cluster_codes, unit_cluster = unit_codes, np.arange(len(units))
    d = d.assign(_unit=unit_codes, _period=period_codes)
    return _Panel(d, y, D, offset, unit_codes, period_codes, starts, notes, Z,
                  cluster_codes, unit_cluster, units, periods, fe, dropped_units)


def _assignment_level(p: _Panel, cluster: str | None, lang: str = "nl") -> np.ndarray:
    """Starts per assignment unit: per unit, or per cluster when the intervention was assigned to clusters."""
    if cluster is None:
        return p.starts
    per_cluster = pd.Series(p.starts).groupby(p.unit_cluster)
    mixed = per_cluster.nunique() > 1
    if mixed.any():
        raise InputError(t("did_err_cluster_mixed_starts", lang, column=cluster), column=cluster)
    return per_cluster.first().to_numpy()


class _NullFits:
    """p(β0) of the randomization test: null model with β0·D in the offset, fixed effects absorbed.

    Each null fit warm-starts from the nearest one already made, moved along its tangent
    ``dη/dβ0 = D̃`` (the treatment with the fixed effects and covariates partialled out at the
    observed-information weights ``v``: μ for Poisson, μ(1+αy)/(1+αμ)² for NB2, 1 for gaussian).
    The same ``D̃`` gives the derivative of the residuals, ``−dμ/dη · D̃``, so :meth:`margin` hands
    :func:`~evaluatie.resampling.invert_test` a slope for Newton steps on the interval bounds.
    """

    def __init__(self, p: _Panel, family: str, alpha, table: RandomizationTable, start=None):
        self.p, self.family, self.alpha, self.table = p, family, alpha, table
        self.D = p.D
        self.base = p.offset if p.offset is not None else np.zeros(len(p.y))
        self.warm: dict[float, tuple] = {}
        if start is not None:  # the full fit is the null fit at β0 = its estimate
            beta, mu, eta = start
            self.warm[beta] = (eta, self._tangent(mu))

    def _tangent(self, mu) -> np.ndarray:
        p, a = self.p, self.alpha
        v = (np.ones_like(mu) if self.family == "gaussian" else
             mu * (1 + a * p.y) / (1 + a * mu) ** 2 if self.family == "negbin" else mu)
        R = p.fe.project(np.column_stack([self.D, p.Z]), v)
        if p.Z.shape[1]:
            Zv = R[:, 1:] * v[:, None]
            return R[:, 0] - R[:, 1:] @ np.linalg.solve(R[:, 1:].T @ Zv, Zv.T @ R[:, 0])
        return R[:, 0]

    def fit(self, beta0: float) -> tuple[np.ndarray, np.ndarray]:
        """Fitted means and tangent dη/dβ0 of the null model at β0."""
        p = self.p
        eta = None
        if self.warm:
            near = min(self.warm, key=lambda b: abs(b - beta0))
            eta = self.warm[near][0] + (beta0 - near) * self.warm[near][1]
        offset = self.base + beta0 * self.D
        try:
            fit = fe_fit(p.y, p.unit_codes, p.period_codes, self.family, Z=p.Z, offset=offset, alpha=self.alpha,
                         eta=eta, fe=p.fe)
        except np.linalg.LinAlgError:  # a warm start far from a distant β0 can fail: start afresh once
            fit = fe_fit(p.y, p.unit_codes, p.period_codes, self.family, Z=p.Z, offset=offset, alpha=self.alpha,
                         fe=p.fe)
        tangent = self._tangent(fit.mu)
        self.warm[beta0] = (fit.eta, tangent)
        return fit.mu, tangent

    def __call__(self, beta0: float) -> float:
        mu, _ = self.fit(beta0)
        return self.table.pvalue(self.p.y - mu, self.p.unit_codes, self.p.period_codes)

    def margin(self, beta0: float, alpha: float) -> tuple[float, float]:
        """:meth:`RandomizationTable.margin` at β0 (accepted when ≥ 0) and its derivative."""
        mu, tangent = self.fit(beta0)
        slope = -tangent if self.family == "gaussian" else -mu * tangent
        return self.table.margin(self.p.y - mu, slope, self.p.unit_codes, self.p.period_codes, alpha)


Inference = Literal["auto", "randomization", "wild", "cluster"]
WildWeights = Literal["rademacher", "webb"]


def _check_panel_options(family, inference, weights, level, n_resamples, per, conf_int, lang: str = "nl") -> None:
    check_option("family", family, Family, lang)
    check_option("inference", inference, Inference, lang)
    if weights is not None:
        check_option("weights", weights, WildWeights, lang)
        if inference != "wild":
            raise InputError(t("did_err_weights_wild_only", lang, weights=weights, inference=inference))
    _check_level(level, lang)
    if not isinstance(n_resamples, (int, np.integer)) or isinstance(n_resamples, bool) or n_resamples < 1:
        raise InputError(t("did_err_n_resamples", lang, value=n_resamples))
    if not isinstance(per, (int, float, np.number)) or isinstance(per, bool) or not per > 0:
        raise InputError(t("did_err_per", lang, value=per))
    check_option("conf_int", conf_int, (True, False), lang)


def panel_did(panel: pd.DataFrame, outcome: str = "count", unit: str = "unit", time: str = "period",
              treated: str = "treated", exposure: str | None = None, *, family: str = "poisson",
              inference: str = "auto", n_resamples: int = 9999, level: float = 0.95, per: float = 1000,
              weights: str | None = None, covariates: list | None = None, cluster: str | None = None,
              conf_int: bool = True, seed=None, lang: str = "nl") -> DidResult:
    """Difference-in-differences with unit and period fixed effects, valid with few schools.

    Parameters
    ----------
    panel : DataFrame
        One row per unit × period (``kind="panel"`` of :func:`evaluatie.read_table`, or
        :func:`evaluatie.zorgvraag.to_panel`).
    outcome, unit, time, treated : str
        Count column, unit (school) column, period column, and the 0/1 column that is 1 from the
        start of the intervention on (it may start at different periods; it may not stop).
    exposure : str, optional
        Pupils enrolled: ``log(exposure)`` is the offset for count families (so the effect is on
        the rate per pupil); for gaussian the outcome becomes a rate per ``per`` pupils.
    family : {"poisson", "quasipoisson", "negbin", "gaussian"}
    inference : {"auto", "randomization", "wild", "cluster"}
        ``randomization``: permutes which units (or clusters) are treated, keeping how many start
        when; exact (all assignments) when there are at most ``n_resamples``. ``wild``: restricted
        wild cluster bootstrap (WCR) for gaussian, the wild score cluster bootstrap (Kline & Santos
        2012, :func:`evaluatie.resampling.score_bootstrap`) for poisson and quasipoisson (not
        negbin); its interval inverts the test. ``cluster``: cluster-robust errors, ``t(G-1)``.
        ``auto``: cluster-robust only with at least 42 clusters of which at least 10 treated and 10
        not; otherwise randomization inference. The result's ``reason`` says why.
    n_resamples : int
        Maximum number of assignments (randomization) or bootstrap draws (wild).
    weights : {"rademacher", "webb"}, optional
        Wild bootstrap weights (only with ``inference="wild"``); default Webb with fewer than 12
        clusters, else Rademacher.
    covariates : list of str, optional
        Numeric columns added to the model (they may change over time, e.g. the share of pupils with
        extra support); a covariate constant within schools is refused (the school effects hold it).
    cluster : str, optional
        Column of the level at which errors are correlated and the intervention was assigned (e.g.
        the school board, with schools nested): standard errors and the wild bootstrap cluster on it,
        and randomization inference permutes whole clusters. Default: the unit.
    conf_int : bool
        Compute the interval (for randomization and wild inference it is found by inverting the
        test); ``False`` gives ``(nan, nan)``, e.g. in simulations.
    seed : int, optional
        Seed for sampled assignments or bootstrap weights.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

    Returns
    -------
    DidResult
        ``coef`` (log rate ratio for count families), ``se``, ``ci``, ``p_value``, ``ratio``,
        ``percent_change`` and interval, ``n_units``, ``n_treated_units``, ``n_clusters``,
        ``n_periods``, ``inference``, ``reason``, ``dispersion`` (Pearson χ²/df), ``notes`` (what
        was done with the input); ``.summary()``, ``.to_frame()``, ``.plot()``.

    Notes
    -----
    The model is ``g(E[y_it]) = α_i + γ_t + β D_it + x_itᵀδ (+ log exposure_it)``. Randomization
    inference uses the score statistic ``Σ D'_it (y_it − μ̂⁰_it)`` of the model without treatment,
    whose fit does not depend on the assignment, so under the sharp null of no effect the p-value is
    exact when the treated units were chosen at random; its interval inverts the test with ``β0 D``
    in the offset (approximate), each null model fitted with the fixed effects absorbed
    (:func:`evaluatie.resampling.fe_fit`, warm-started along its tangent) and each bound found by
    Newton steps on the continuous margin between the observed and the critical statistic
    (:meth:`evaluatie.resampling.RandomizationTable.margin`): about ten null fits for the whole
    interval. ``se`` is then the cluster-robust standard error, for
    reference only. Two-way fixed effects assume the effect is the same for every start date; with
    staggered starts and effects that change over time use :func:`evaluatie.staggered.event_study`.

    References
    ----------
    Conley, T. G., & Taber, C. R. (2011). Inference with "difference in differences" with a small
    number of policy changes. Rev. Econ. Stat. 93, 113–125. https://doi.org/10.1162/REST_a_00049
    MacKinnon, J. G., & Webb, M. D. (2020). Randomization inference for difference-in-differences
    with few treated clusters. J. Econometrics 218, 435–450.
    Cameron, A. C., Gelbach, J. B., & Miller, D. L. (2008). Bootstrap-based improvements for
    inference with clustered errors. Rev. Econ. Stat. 90, 414–427.
    Webb, M. D. (2023). Reworking wild bootstrap-based inference for clustered errors. Can. J.
    Econ. 56, 839–858.
    Kline, P., & Santos, A. (2012). A score based approach to wild bootstrap inference. J.
    Econometric Methods 1, 23–41. https://doi.org/10.1515/2156-6674.1006

    The fixed effects are absorbed (:func:`evaluatie.resampling.fe_fit`), so the model scales to thousands
    of schools × months (benchmarks/twfe_scale.py); units without any event (count families) carry no
    information and are left out, listed in ``dropped_units`` and in a note, as ``pyfixest.fepois`` does.

    Validated against: R 4.2.2 ``glm``/``lm`` and ``sandwich::vcovCL(type = "HC1")``,
    ``MASS::glm.nb`` (tests/test_did.py); statsmodels with dummy columns and ``pyfixest.fepois`` on
    unbalanced panels (tests/test_fixed_effects.py); covariates and clusters against statsmodels and pyfixest,
    the wild bootstrap against ``wildboottest`` (tests/test_did.py); the score bootstrap's fits, scores
    and Hessian against statsmodels and its linear case against ``wildboottest``
    (tests/test_score_bootstrap.py); size and coverage by simulation (tests/test_did.py,
    benchmarks/did_size.py, benchmarks/score_bootstrap_size.py).

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> panel, _ = synthetic.panel(n_units=8, n_periods=8, treated_units=2, start_period=4, seed=3)
    >>> panel_did(panel, exposure="exposure", weights="leerlingen")
    Traceback (most recent call last):
    ...
    evaluatie.errors.InputError: Ongeldige waarde 'leerlingen' voor parameter 'weights'. Kies uit: 'rademacher', 'webb'.
    """
    check_lang(lang)
    _check_panel_options(family, inference, weights, level, n_resamples, per, conf_int, lang)
    covariates = _check_covariates(covariates, lang)
    if inference == "wild" and family == "negbin":
        raise InputError(t("did_err_wild_negbin", lang))
    p = _prepare(panel, outcome, unit, time, treated, exposure, family, per, covariates, cluster, lang)
    n_units = p.starts.size
    n_treated = int((p.starts >= 0).sum())
    n_periods = len(p.periods)
    n_clusters = int(p.cluster_codes.max()) + 1
    if n_clusters < 2:
        raise InputError(t("did_err_one_cluster", lang, cluster=cluster), column=cluster)
    G_treated = int(np.unique(p.unit_cluster[p.starts >= 0]).size)  # clusters with a treated unit
    with single_thread():
        Xg = np.column_stack([p.D, p.Z])
        absorbed = lambda fam, a=None: fe_fit(p.y, p.unit_codes, p.period_codes, fam, Z=Xg,  # noqa: E731
                                              offset=p.offset, alpha=a, fe=p.fe)
        try:
            alpha_nb = _negbin_alpha(p.y, None, None, mean=lambda a: absorbed("poisson" if a is None else "negbin",
                                                                               a).mu) if family == "negbin" else None
            fit = absorbed(family, alpha_nb)
        except np.linalg.LinAlgError:
            raise InputError(t("did_err_fe_fit", lang)) from None
        coef = float(fit.gamma[0])
        ses = np.sqrt(np.maximum(np.diag(fit.vcov(p.cluster_codes)), 0.0))
        se = float(ses[0])
        cov_terms = tuple((c, float(fit.gamma[1 + j]), float(ses[1 + j]), n_clusters - 1)
                          for j, c in enumerate(covariates))
        phi = _pearson_dispersion(p.y, fit.mu, family, alpha_nb, fit.n_params) if family != "gaussian" else float("nan")
        notes = list(p.notes)
        if (note := _dispersion_note(family, phi)) is not None:
            notes.append(note)
        if inference == "auto":
            many = n_clusters >= 42 and G_treated >= 10 and n_clusters - G_treated >= 10
            inference = "cluster" if many else "randomization"
            reasons = [("did_auto_cluster", {}) if many else ("did_auto_ri", {"treated": G_treated, "units": n_clusters})]
        else:
            reasons = [("did_user", {})]
        rng = np.random.default_rng(seed)
        alpha = 1 - level
        n_draws, exact = 0, False
        if inference == "cluster":
            df = n_clusters - 1
            q = stats.t.ppf(1 - alpha / 2, df)
            ci, pval = (coef - q * se, coef + q * se), float(2 * stats.t.sf(abs(coef / se), df))
            reasons.append(("did_t_df", {"df": df}))
        elif inference == "wild" and family == "gaussian":
            project = p.partial_out
            coef, se, ci, pval, n_draws, exact, kind = wild_cluster_bootstrap(
                project(p.y), project(p.D), project, p.cluster_codes, p.n_params, level, n_resamples, rng,
                weights, conf_int, lang)
            reasons.append(("did_wild_all" if exact else "did_wild", {"kind": kind, "n": n_draws}))
        elif inference == "wild":  # counts: wild score bootstrap from restricted fits (Kline & Santos 2012)
            pval, ci, n_draws, exact, kind = score_bootstrap(
                p.y, p.D, p.unit_codes, p.period_codes, p.cluster_codes, family, Z=p.Z, offset=p.offset,
                estimate=coef, scale=se, level=level, n_resamples=n_resamples, rng=rng, weights=weights,
                conf_int=conf_int, lang=lang)
            if conf_int and exact and 2 / n_draws > alpha:
                notes.append(in_every_lang("did_score_min_p", n=n_draws, p=lambda lang: format_number(2 / n_draws, 3, lang)))
            reasons.append(("did_score_all" if exact else "did_score", {"kind": kind, "n": n_draws}))
        else:
            level_starts = _assignment_level(p, cluster, lang)
            table, exact, n_possible = assignments(level_starts, n_resamples, rng)
            table = table[:, p.unit_cluster]
            n_draws = len(table)
            pfun = _NullFits(p, family, alpha_nb, RandomizationTable(table, n_periods), (coef, fit.mu, fit.eta))
            try:
                pval = pfun(0.0)
            except np.linalg.LinAlgError:
                raise InputError(t("did_err_null_fit", lang)) from None
            if not conf_int:
                ci = (np.nan, np.nan)
            elif 1 / n_possible > alpha:
                ci = (-np.inf, np.inf)  # no assignment set can reject at this level
            else:
                ci = invert_test(pfun, coef, se, alpha, margin=lambda b: pfun.margin(b, alpha))
            reasons.append(("did_ri_exact", {"n": n_possible}) if exact
                           else ("did_ri_sample", {"n": n_draws, "total": n_possible}))
            if 1 / n_possible > alpha:
                notes.append(in_every_lang("did_note_min_p", n=lambda lang: format_number(n_possible, 0, lang),
                                           p=lambda lang: format_number(1 / n_possible, 3, lang),
                                           alpha=lambda lang: format_number(100 * alpha, 0, lang)))
    if n_treated == 1:
        notes.append(in_every_lang("did_note_one_treated"))
    return DidResult(coef, se, tuple(map(float, ci)), float(pval), len(p.y), family, inference, tuple(reasons), n_units,
                     n_treated, n_periods, level, phi, n_draws, exact, notes, "twfe", n_clusters=n_clusters,
                     cluster=cluster, covariates=tuple(covariates), covariate_terms=cov_terms,
                     dropped_units=p.dropped_units)


# ------------------------------------------------------------------------------ placebo start dates
@dataclass(frozen=True)
class PlaceboResult:
    """Placebo start dates in the pre-period (:func:`placebo_starts`): one row per shift in ``table``."""

    table: pd.DataFrame
    family: str
    level: float
    inference: str

    def to_frame(self) -> pd.DataFrame:
        """Tidy: ``shift`` (periods before the real start), ``placebo_start``, ``estimate``, ``se``, ``lower``,
        ``upper``, ``p_value``, ``ratio``, ``ratio_lower``, ``ratio_upper``, ``n``, ``n_units``, ``n_treated_units``."""
        return self.table.copy()

    def sentence(self, lang: str = "nl") -> str:
        """How many placebo starts show a 'change' that cannot be there (interval excludes no change)."""
        check_lang(lang)
        t_ = self.table
        clear = int((t_["lower"] > 0).sum() + (t_["upper"] < 0).sum())
        n = len(t_)
        if lang == "nl":
            head = f"Bij {clear} van de {n} nep-startdata vóór de echte start sluit het interval 'geen verandering' uit"
            tail = (": de vergelijking tussen de scholen is dan al vóór de start scheef; wees voorzichtig met het effect."
                    if clear else "; dat past bij gelijke trends vóór de start (een aanwijzing, geen bewijs).")
        else:
            head = f"For {clear} of the {n} placebo start dates before the real start the interval excludes no change"
            tail = (": the comparison is already off before the start; treat the effect with caution." if clear
                    else "; this fits parallel trends before the start (an indication, not a proof).")
        return head + tail

    def summary(self, lang: str = "nl") -> str:
        """The sentence plus the table in words (one line per placebo start)."""
        check_lang(lang)
        lines = [self.sentence(lang)]
        for row in self.table.itertuples():
            when = (f"{row.shift} periode{'n' if row.shift > 1 else ''} eerder" if lang == "nl" else
                    f"{row.shift} period{'s' if row.shift > 1 else ''} earlier")
            text = effect_sentence(row.estimate, (row.lower, row.upper), self.family, self.level, lang,
                                   lead="Bij een nep-start" if lang == "nl" else "At a placebo start")
            lines.append(f"- {when} ({row.placebo_start}): {text}")
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl", title: str | None = None):
        """Placebo estimates with intervals by shift; 1 (counts) or 0 (gaussian) = no change."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, house_style

        check_lang(lang)
        count = self.family in COUNT_FAMILIES
        t_ = self.table
        est, lo, hi = ((t_["ratio"], t_["ratio_lower"], t_["ratio_upper"]) if count else
                       (t_["estimate"], t_["lower"], t_["upper"]))
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 3.6))
            ax.axhline(1.0 if count else 0.0, color=GREY, linestyle="--", linewidth=1)
            finite = np.isfinite(lo) & np.isfinite(hi)
            ax.errorbar(-t_["shift"][finite], est[finite], yerr=[(est - lo)[finite], (hi - est)[finite]], fmt="o",
                        color=PALETTE[0], capsize=5)
            ax.plot(-t_["shift"][~finite], est[~finite], "o", color=PALETTE[0])
            ax.set_xticks(-t_["shift"])
            ax.set_xticklabels([str(-s) for s in t_["shift"]])
            nl = lang == "nl"
            ax.set_xlabel("Nep-start, perioden vóór de echte start" if nl else "Placebo start, periods before the real start")
            ax.set_ylabel(("Verhouding (1 = geen verandering)" if nl else "Rate ratio (1 = no change)") if count else
                          ("Verschil" if nl else "Difference"))
            if count:
                ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: format_number(x, 2, lang)))
            ax.set_title(title or self.sentence(lang), fontsize=10, wrap=True)
        return ax


def placebo_starts(panel: pd.DataFrame, outcome: str = "count", unit: str = "unit", time: str = "period",
                   treated: str = "treated", exposure: str | None = None, *, shifts=None, family: str = "poisson",
                   inference: str = "auto", n_resamples: int = 9999, level: float = 0.95, per: float = 1000,
                   covariates: list | None = None, cluster: str | None = None, seed=None,
                   lang: str = "nl") -> PlaceboResult:
    """Placebo test: pretend the intervention started ``k`` periods earlier, using only the pre-period.

    For every shift ``k``, each treated unit keeps its periods before its real start and is "treated"
    from ``k`` periods before it; never-treated units keep the periods before the last real start.
    :func:`panel_did` is run on that pre-period panel with the same options. Without an effect before
    the start (and with parallel trends) the placebo effects should be near no change; intervals that
    exclude no change at several shifts warn that the comparison was already off before the start.

    Parameters
    ----------
    shifts : sequence of int, optional
        Periods before the real start (default: 1 up to half of the shortest pre-period of the treated
        units, at most 6).
    Other parameters
        As :func:`panel_did`.

    Returns
    -------
    PlaceboResult
        ``table`` (one tidy row per shift), ``.summary()``, ``.sentence()``, ``.to_frame()``, ``.plot()``.

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> panel, _ = synthetic.panel(n_units=10, n_periods=12, treated_units=3, start_period=8, seed=2)
    >>> res = placebo_starts(panel, exposure="exposure", shifts=[2, 4], seed=1)
    >>> res.to_frame()["shift"].tolist()
    [2, 4]
    """
    check_lang(lang)
    _check_panel_options(family, inference, None, level, n_resamples, per, True, lang)
    covariates = _check_covariates(covariates, lang)
    p = _prepare(panel, outcome, unit, time, treated, exposure, family, per, covariates, cluster, lang)
    row_start = p.starts[p.unit_codes]
    shortest = int(p.starts[p.starts >= 0].min())
    if shifts is None:
        shifts = list(range(1, min(6, shortest // 2) + 1))
    shifts = [int(k) for k in shifts]
    if not shifts or min(shifts) < 1 or max(shifts) >= shortest:
        raise InputError(t("did_err_placebo_shifts", lang, max_shift=shortest - 1, shortest=shortest, shifts=shifts))
    last_start = int(p.starts.max())
    pre = np.where(row_start >= 0, p.period_codes < row_start, p.period_codes < last_start)
    rows = []
    for k in shifts:
        placebo = ((row_start >= 0) & (p.period_codes >= row_start - k)).astype(int)
        sub = panel.loc[p.frame.index[pre]].assign(**{treated: placebo[pre]})
        r = panel_did(sub, outcome, unit, time, treated, exposure, family=family, inference=inference,
                      n_resamples=n_resamples, level=level, per=per, covariates=covariates, cluster=cluster, seed=seed,
                      lang=lang)
        first = p.periods[max(shortest - k, 0)]
        rows.append({"shift": k, "placebo_start": str(getattr(first, "date", lambda: first)()), "estimate": r.coef,
                     "se": r.se, "lower": r.ci[0], "upper": r.ci[1], "p_value": r.p_value, "ratio": r.ratio,
                     "ratio_lower": r.ratio_ci[0], "ratio_upper": r.ratio_ci[1], "n": r.n, "n_units": r.n_units,
                     "n_treated_units": r.n_treated_units, "inference": r.inference})
    return PlaceboResult(pd.DataFrame(rows), family, level, rows[-1]["inference"])
