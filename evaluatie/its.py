"""Interrupted time series for one series without a comparison group: did the level or trend change at the start?

Segmented regression following Bernal, Cummins & Gasparrini (2017): a pre-existing trend, a level
change and (optionally) a slope change at the intervention, Fourier terms for seasonality, a
log(exposure) offset for counts, and Newey–West standard errors against autocorrelation.

Examples
--------
>>> from evaluatie import synthetic
>>> d, truth = synthetic.series(seed=1)
>>> res = segmented(d, "count", "period", "intervention", exposure="exposure", seasonality="fourier")
>>> round(res.level_ratio, 2), round(res.slope_ratio, 3)
(0.85, 0.99)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import optimize, stats

from .did import _dispersion_note, _glm_family, _negbin_alpha
from .errors import InputError, check_option
from .text import check_lang, format_number, in_lang, note as in_every_lang, t as msg

__all__ = ["segmented", "SegmentedResult"]

FAMILIES = ("poisson", "quasipoisson", "negbin", "gaussian")
Errors = Literal["ar", "newey_west", "model"]


@dataclass
class SegmentedResult:
    """Result of :func:`segmented`: level and slope change, fitted values and the counterfactual."""

    params: pd.Series
    se: pd.Series
    level_ratio: float
    level_ci: tuple
    level_p: float
    slope_ratio: float
    slope_ci: tuple
    slope_p: float
    fitted: pd.DataFrame
    family: str
    level: float
    n: int
    start: object
    dispersion: float
    notes: list = field(default_factory=list)
    errors: str = "ar"
    df: float = float("inf")

    def to_frame(self) -> pd.DataFrame:
        """Coefficients (model scale) with standard errors and intervals, one row per term."""
        z = stats.t.ppf(0.5 + self.level / 2, self.df)
        return pd.DataFrame({"term": self.params.index, "estimate": self.params.to_numpy(), "se": self.se.to_numpy(),
                             "lower": self.params.to_numpy() - z * self.se.to_numpy(),
                             "upper": self.params.to_numpy() + z * self.se.to_numpy()})

    def sentence(self, lang: str = "nl") -> str:
        """Level and slope change in words, e.g. 'Direct na de start daalde het niveau met 15% (…)'."""
        check_lang(lang)
        nl = lang == "nl"
        label = f"{format_number(100 * self.level, 0, lang)}%{'-BI' if nl else ' CI'}"
        bounds = lambda ci, f: f"({label}: {f(ci[0])} {'tot' if nl else 'to'} {f(ci[1])})"  # noqa: E731
        then = "daarna veranderde de trend met" if nl else "then the trend changed by"
        each = "per periode" if nl else "per period"
        if self.family == "gaussian":
            g = lambda x: format_number(x, 2, lang)  # noqa: E731
            text = (f"{'Direct na de start veranderde het niveau met' if nl else 'Right after the start the level changed by'}"
                    f" {g(self.level_ratio)} {bounds(self.level_ci, g)}")
            slope = f"; {then} {g(self.slope_ratio)} {each} {bounds(self.slope_ci, g)}"
        else:  # the level change worded by the evidence, as every effect in the package (did.effect_sentence)
            from .did import effect_sentence

            signed = lambda r, d=0: ("−" if r < 1 else "+") + format_number(abs(100 * (r - 1)), d, lang) + "%"  # noqa: E731
            text = effect_sentence(math.log(self.level_ratio), tuple(np.log(np.asarray(self.level_ci, float))),
                                   "poisson", self.level, lang, outcome="het niveau" if nl else "the level",
                                   lead="Direct na de start" if nl else "Right after the start").rstrip(".")
            slope = (f"; {then} {signed(self.slope_ratio, 1)} {each} "
                     f"{bounds(self.slope_ci, lambda r: signed(r, 1))}")
        return text + ("" if math.isnan(self.slope_ratio) else slope) + "."

    def summary(self, lang: str = "nl") -> str:
        """Sentence, model and remarks."""
        from .display import value_label

        check_lang(lang)
        model = value_label(self.family, lang)  # "quasi-Poisson-regressie", not the option name
        lines = [self.sentence(lang),
                 (f"Onderbroken tijdreeks: {self.n} perioden, start {str(self.start)[:10]}, model {model}."
                  if lang == "nl" else f"Interrupted time series: {self.n} periods, start {str(self.start)[:10]}, "
                  f"model {model}.")]
        return "\n".join(lines + [f"- {in_lang(n, lang)}" for n in self.notes])

    def plot(self, ax=None, lang: str = "nl", title: str | None = None, per: float = 1000):
        """Observed series, fitted line and, after the start, the counterfactual without intervention."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style, month_axis

        check_lang(lang)
        f = self.fitted
        scale = per / f["exposure"] if "exposure" in f else 1.0
        lab = {"nl": ("waargenomen", "model", "zonder interventie (verwacht)", "start",
                      f"Per {format_number(per, 0, lang)} leerlingen" if "exposure" in f else "Aantal",
                      "Verwijzingen voor en na de start",
                      f"{format_number(100 * self.level, 0, lang)}%-interval zonder interventie"),
               "en": ("observed", "model", "without intervention (expected)", "start",
                      f"Per {format_number(per, 0, lang)} pupils" if "exposure" in f else "Count",
                      "Referrals before and after the start",
                      f"{format_number(100 * self.level, 0, lang)}% interval without intervention")}[lang]
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(9.0, 4.8))
            ax.plot(f["time"], f["observed"] * scale, "o", color=GREY, markersize=3, label=lab[0])
            ax.plot(f["time"], f["fitted"] * scale, color=PALETTE[0], label=lab[1])
            after = f[f["post"] == 1]
            s_after = scale[after.index] if "exposure" in f else 1.0
            ax.plot(after["time"], after["counterfactual"] * s_after, color=PALETTE[1], linestyle="--", label=lab[2])
            if "counterfactual_lower" in f:
                ax.fill_between(after["time"], after["counterfactual_lower"] * s_after,
                                after["counterfactual_upper"] * s_after, color=PALETTE[1], alpha=0.18, linewidth=0,
                                label=lab[6])
            ax.axvline(self.start, color=GREY, linestyle=":", linewidth=1)
            ax.set_ylabel(lab[4])
            ax.set_ylim(bottom=0)
            format_axis(ax, "y", decimals=1, lang=lang)
            if pd.api.types.is_datetime64_any_dtype(f["time"]):
                month_axis(ax, lang)
            ax.legend(loc="upper left", bbox_to_anchor=(0, -0.18), ncol=2)  # below the axes: never over the data
            ax.set_title(title or lab[5])
        return ax


def _time_index(times: pd.Series, lang: str = "nl") -> tuple[np.ndarray, str]:
    """Periods as whole steps from the first one (months for monthly dates), so gaps stay gaps."""
    if pd.api.types.is_datetime64_any_dtype(times):
        months = times.dt.year * 12 + times.dt.month
        if (times.dt.day == 1).all():
            return (months - months.min()).to_numpy(float), "maand"
        return ((times - times.min()).dt.days / 7).to_numpy(float), "week"
    values = pd.to_numeric(times, errors="coerce")
    if values.isna().any():
        raise InputError(msg("its_err_time_values", lang), column=times.name)
    return (values - values.min()).to_numpy(float), "periode"


def segmented(data: pd.DataFrame, outcome: str, time: str, intervention, *, exposure: str | None = None,
              family: str = "quasipoisson", seasonality: str | None = None, harmonics: int = 2, period: int = 12,
              errors: str | None = None, hac_lags: int | None = None, slope_change: bool = True,
              level: float = 0.95, lang: str = "nl") -> SegmentedResult:
    """Segmented regression for an interrupted time series.

    Parameters
    ----------
    data : DataFrame
        One row per period of one series (e.g. all schools of a municipality together).
    outcome, time : str
        Count (or rate) column and the period column (dates or numbers; gaps are allowed).
    intervention : str or date
        Name of a 0/1 column that is 1 from the start on, or the start date itself.
    exposure : str, optional
        Pupils: ``log(exposure)`` is the offset (count families), so changes are in the rate.
    family : {"quasipoisson", "poisson", "negbin", "gaussian"}
        Default quasi-Poisson: a Poisson mean model whose errors are scaled by the Pearson dispersion.
    seasonality : {None, "fourier"}
        Add ``harmonics`` sine/cosine pairs with the given ``period`` (12 for months).
    errors : {"ar", "newey_west", "model"}
        Standard errors. ``ar`` (default; ``newey_west`` when ``hac_lags`` is given): a sandwich with
        an autocorrelation estimated from the residuals (see Notes) and a t distribution with
        n − p degrees of freedom; ``newey_west``: HAC with ``hac_lags`` lags (default 3), normal
        quantiles; ``model``: the GLM's own errors, which assume independent months.
    hac_lags : int, optional
        Lags for Newey–West (HAC) standard errors, e.g. 3 for monthly data.
    slope_change : bool
        Estimate a change in slope after the start (default) or only a level change.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

    Returns
    -------
    SegmentedResult
        ``level_ratio`` (exp of the level change; for gaussian the difference) with ``level_ci`` and
        ``level_p``; ``slope_ratio`` per period with ``slope_ci`` and ``slope_p``; ``fitted`` (time,
        observed, fitted, counterfactual without intervention); ``.summary()``, ``.plot()``.

    Notes
    -----
    Model: ``g(E[y_t]) = β0 + β1 t + β2 post_t + β3 (t − t0) post_t + Σ_k [γ_k sin(2πkt/P) + δ_k cos(2πkt/P)]
    (+ log exposure_t)``. The counterfactual sets β2 = β3 = 0. Newey–West errors use statsmodels'
    HAC estimator on the GLM score (Bartlett kernel, small-sample correction).

    Autocorrelation (``errors="ar"``): a latent AR(1) disturbance on the log rate plus count noise
    gives Pearson residuals with autocorrelation ``c·ρ^k`` at lag k ≥ 1 (AR(1) plus white noise).
    ``c`` and ``ρ`` are fitted by least squares to the residual autocorrelations at lags 1–6 (each
    raised by p/n, the downward bias of autocorrelations of regression residuals), and the
    covariance is ``φ B⁻¹ (X̃ᵀ R X̃) B⁻¹`` with ``X̃ = X·√w`` (IRLS weights), ``B = X̃ᵀX̃``,
    ``R_st = c·ρ^|t_s − t_t|`` (1 on the diagonal; gaps keep their distance) and φ the Pearson
    dispersion. The coverage of the 95% interval of the level change under AR(1) = 0.5 is measured
    in ``benchmarks/its_coverage.py`` (200 series of 48, 60 and 120 months, AR(1) = 0.5 on the
    log rate, level ratio 0.8) and asserted in tests/test_its.py: 93.0%, 94.0% and 93.5% for the
    default call; model-based quasi-Poisson errors 87.5%, 89.0%, 82.5% and Newey–West (3 lags)
    78.5%, 84.5%, 84.0%. A comparison group (:func:`evaluatie.did.panel_did`) is still stronger
    evidence than one series.

    References
    ----------
    Bernal, J. L., Cummins, S., & Gasparrini, A. (2017). Interrupted time series regression for the
    evaluation of public health interventions: a tutorial. Int. J. Epidemiol. 46, 348–355.
    Newey, W. K., & West, K. D. (1987). A simple, positive semi-definite, heteroskedasticity and
    autocorrelation consistent covariance matrix. Econometrica 55, 703–708.

    Validated against: R 4.2.2 ``glm`` (poisson and quasipoisson, Fourier terms, offset), script
    tests/reference/its.R (tests/test_its.py).
    """
    check_lang(lang)
    if family not in FAMILIES:
        raise InputError(msg("its_err_family", lang, family=family, allowed=", ".join(FAMILIES)))
    errors = errors or ("newey_west" if hac_lags else "ar")
    check_option("errors", errors, Errors, lang)
    if hac_lags and errors != "newey_west":
        raise InputError(msg("its_err_hac_lags", lang, errors=errors))
    if seasonality not in (None, "fourier"):
        raise InputError(msg("its_err_seasonality", lang, seasonality=seasonality))
    for c in (outcome, time, exposure):
        if c is not None and c not in data:
            raise InputError(msg("its_err_missing_column", lang, column=c, present=", ".join(map(str, data.columns))),
                             column=c)
    d = data.dropna(subset=[outcome, time]).sort_values(time, kind="stable").reset_index(drop=True)
    notes = []
    if len(d) < len(data):
        notes.append(in_every_lang("its_note_dropped", n=len(data) - len(d)))
    if d[time].duplicated().any():
        raise InputError(msg("its_err_repeated_period", lang, period=d.loc[d[time].duplicated(), time].iloc[0]),
                         column=time)
    t, unit = _time_index(d[time], lang)
    if isinstance(intervention, str) and intervention in d:
        post = d[intervention].astype(int).to_numpy()
        if np.any(np.diff(post) < 0):
            raise InputError(msg("its_err_restarts", lang, column=intervention), column=intervention)
    else:
        try:
            start = pd.Timestamp(intervention) if pd.api.types.is_datetime64_any_dtype(d[time]) else intervention
            post = (d[time] >= start).astype(int).to_numpy()
        except (ValueError, TypeError):
            raise InputError(msg("its_err_intervention", lang, intervention=intervention), column=time) from None
    if post.sum() == 0 or post.sum() == len(post):
        raise InputError(msg("its_err_start_outside", lang),
                         column=intervention if isinstance(intervention, str) else time)
    n_pre, n_post = int((post == 0).sum()), int(post.sum())
    if min(n_pre, n_post) < 3:
        raise InputError(msg("its_err_too_few_periods", lang, n_pre=n_pre, n_post=n_post), column=time)
    if seasonality == "fourier" and len(d) < 2 * period:
        raise InputError(msg("its_err_seasons", lang, n=len(d), needed=2 * period), column=time)
    expected = t.max() - t.min() + 1
    if len(t) < expected:
        notes.append(in_every_lang("its_note_gaps", n=int(expected - len(t)), unit=lambda lang: unit if lang == "nl" else
                                   {"maand": "month", "periode": "period"}.get(unit, unit)))
    t0 = t[post == 1].min()
    cols = {"const": np.ones(len(d)), "time": t, "level_change": post.astype(float)}
    if slope_change:
        cols["slope_change"] = (t - t0) * post
    if seasonality == "fourier":
        for k in range(1, harmonics + 1):
            cols[f"sin{k}"] = np.sin(2 * np.pi * k * t / period)
            cols[f"cos{k}"] = np.cos(2 * np.pi * k * t / period)
    X = pd.DataFrame(cols)
    y = d[outcome].to_numpy(float)
    offset = None
    if exposure:
        if (d[exposure] <= 0).any():
            raise InputError(msg("did_err_exposure_positive", lang, column=exposure), column=exposure)
        offset = np.log(d[exposure].to_numpy(float)) if family != "gaussian" else None
        if family == "gaussian":
            y = y / d[exposure].to_numpy(float) * 1000
            notes.append(in_every_lang("its_note_per"))
    if family != "gaussian" and ((y < 0).any() or (y != np.round(y)).any()):
        raise InputError(msg("did_err_counts", lang, column=outcome, family=family), column=outcome)
    if np.ptp(y) == 0:
        raise InputError(msg("its_err_constant", lang, column=outcome, value=format_number(y[0], 0, lang)),
                         column=outcome)
    if family != "gaussian":
        for side, mask in (("before", post == 0), ("after", post == 1)):
            if y[mask].sum() == 0:
                raise InputError(msg(f"its_err_zero_{side}", lang), column=outcome)
    alpha = _negbin_alpha(y, X.to_numpy(), offset) if family == "negbin" else None
    model = sm.GLM(y, X, family=_glm_family(family, alpha), offset=offset)
    scale = "X2" if family == "quasipoisson" else None
    import warnings

    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PerfectSeparationWarning)
            if errors == "newey_west":
                lags = int(hac_lags or 3)
                fit = model.fit(scale=scale, cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": True})
                notes.append(in_every_lang("its_note_newey_west", lags=lags))
            else:
                fit = model.fit(scale=scale)
    except (PerfectSeparationWarning, np.linalg.LinAlgError, ValueError) as exc:
        raise InputError(msg("its_err_fit_failed", lang), column=outcome) from exc
    if not np.isfinite(fit.params).all() or not np.isfinite(fit.bse).all():
        raise InputError(msg("its_err_not_finite", lang), column=outcome)
    se = fit.bse
    df = float("inf")
    if errors == "ar":
        cov, c, rho = _ar_covariance(fit, X.to_numpy(), t)
        se = pd.Series(np.sqrt(np.diag(cov)), index=fit.params.index)
        df = float(len(y) - X.shape[1])
        notes.append(in_every_lang("its_note_ar", rho=lambda lang: format_number(c * rho, 2, lang), df=int(df)))
    dispersion = float(fit.pearson_chi2 / fit.df_resid) if family != "gaussian" else float("nan")
    if (note := _dispersion_note(family, dispersion)) is not None:
        notes.append(note)
    z = stats.t.ppf(0.5 + level / 2, df)
    count = family != "gaussian"
    tr = np.exp if count else (lambda v: v)

    def effect(name):
        if name not in fit.params:
            return float("nan"), (float("nan"), float("nan")), float("nan")
        b, s = float(fit.params[name]), float(se[name])
        return float(tr(b)), (float(tr(b - z * s)), float(tr(b + z * s))), float(2 * stats.t.sf(abs(b / s), df))

    level_ratio, level_ci, level_p = effect("level_change")
    slope_ratio, slope_ci, slope_p = effect("slope_change")
    cf = X.copy()
    cf["level_change"] = 0.0
    if slope_change:
        cf["slope_change"] = 0.0
    fitted = pd.DataFrame({"time": d[time], "observed": d[outcome].to_numpy(float) if count else y,
                           "fitted": fit.fittedvalues.to_numpy(),
                           "counterfactual": fit.predict(cf, offset=offset), "post": post})
    # interval of the counterfactual, with the same covariance (and quantile) as the effects
    V = cov if errors == "ar" else np.asarray(fit.cov_params())
    eta = cf.to_numpy() @ fit.params.to_numpy() + (offset if offset is not None else 0.0)
    half = z * np.sqrt(np.einsum("ij,jk,ik->i", cf.to_numpy(), V, cf.to_numpy()))
    fitted["counterfactual_lower"] = tr(eta - half)
    fitted["counterfactual_upper"] = tr(eta + half)
    if exposure and count:
        fitted["exposure"] = d[exposure].to_numpy(float)
    start = d.loc[post == 1, time].iloc[0]
    return SegmentedResult(fit.params, se, level_ratio, level_ci, level_p, slope_ratio, slope_ci, slope_p,
                           fitted, family, level, len(d), start, dispersion, notes,
                           errors, df)


def _ar_covariance(fit, X: np.ndarray, t: np.ndarray, lags: int = 6) -> tuple[np.ndarray, float, float]:
    """Sandwich covariance with residual autocorrelation ``c·ρ^k`` (AR(1) plus white noise); see :func:`segmented`."""
    r = np.asarray(fit.resid_pearson, float)
    w = np.asarray(fit.model.family.weights(fit.fittedvalues.to_numpy()), float)
    n, p = X.shape
    phi = float(r @ r) / (n - p)
    dist = np.abs(t[:, None] - t[None, :])
    ks = np.arange(1, lags + 1)
    ac = np.array([(r[i] @ r[j]) / (r @ r) * n / max(len(i), 1) + p / n
                   for i, j in (np.nonzero(np.triu(dist == k)) for k in ks)])
    c, rho = optimize.minimize(lambda v: ((ac - v[0] * v[1] ** ks) ** 2).sum(), [0.3, 0.5],
                               bounds=[(0.0, 1.0), (0.0, 0.95)]).x
    R = np.where(dist == 0, 1.0, c * rho ** dist)
    Xw = X * np.sqrt(w)[:, None]
    B = np.linalg.inv(Xw.T @ Xw)
    return phi * B @ (Xw.T @ R @ Xw) @ B, float(c), float(rho)
