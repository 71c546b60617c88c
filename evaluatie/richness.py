"""How many agencies would a complete file study have found? Richness estimators and accumulation curves.

* :func:`chao1` (abundance: mentions per agency) and :func:`chao2` (incidence: pupils per agency),
  with log-normal intervals (Chao 1987);
* :func:`accumulation` — rarefaction and extrapolation of the number of agencies by the number of
  files read (Chao et al. 2014) with one bootstrap band, and a prediction interval for "all files of
  this school" (iChao2 and a binomial–log-normal predictive distribution).

Used by :mod:`evaluatie.nulmeting`; validated against R vegan (``tests/reference/chao.R``).

Examples
--------
>>> chao1([5, 3, 1, 1, 2]).estimate
5.5
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import gammaln

from .errors import InputError
from .privacy import THRESHOLD, count_text, published, published_range, small_count
from .text import check_lang, format_number, t

__all__ = ["chao1", "chao2", "Richness", "accumulation", "Accumulation"]


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


def _lognormal_interval(observed, estimate, var, level: float):
    """Chao (1987) interval: log(Ŝ - S_obs) is taken as normal, so the lower bound is never below S_obs.

    Vectorized over ``estimate`` and ``var``; without unseen agencies or variance the interval is
    ``[S_obs, Ŝ]``. Returns floats for scalar input.
    """
    extra, var = np.asarray(estimate, float) - observed, np.asarray(var, float)
    ok = (extra > 0) & (var > 0)
    z = stats.norm.ppf(0.5 + level / 2)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.exp(z * np.sqrt(np.log1p(var / np.where(ok, extra, 1.0) ** 2)))
    lower = np.where(ok, observed + extra / k, observed)
    upper = np.where(ok, observed + extra * k, observed + extra)
    return (float(lower), float(upper)) if lower.ndim == 0 else (lower, upper)


def chao1(counts, level: float = 0.95, *, lang: str = "nl") -> Richness:
    """Bias-corrected Chao1 richness estimate from abundance counts (e.g. pupils per agency).

    Parameters
    ----------
    counts : array-like of int
        Number of individuals (pupils) per observed agency; zeros are ignored.
    level : float
        Confidence level of the interval.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

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
    check_lang(lang)
    x = np.asarray(counts, dtype=float)
    if x.ndim != 1 or np.any(x < 0) or np.any(x != np.round(x)):
        raise InputError(t("rich_err_chao1_counts", lang))
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


def chao2(incidence, level: float = 0.95, *, lang: str = "nl") -> Richness:
    """Chao2 richness estimate from incidence data (pupil × agency presence matrix).

    Parameters
    ----------
    incidence : DataFrame or 2-D array
        One row per sampling unit (pupil file read; include pupils without any agency as rows of
        zeros), one column per agency, non-zero = agency involved.
    level : float
        Confidence level of the interval.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

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
    check_lang(lang)
    freq, m = _frequencies(incidence, "chao2", lang)
    freq = freq[freq > 0]
    s_obs, q1, q2 = len(freq), int(np.sum(freq == 1)), int(np.sum(freq == 2))
    c = (m - 1) / m
    estimate = s_obs + _undetected(q1, q2, m)
    if q2 > 0:
        r = q1 / q2
        var = q2 * (c / 2 * r**2 + c**2 * r**3 + c**2 / 4 * r**4)
    else:
        var = c * (c * (q1 * (2 * q1 - 1) ** 2 / 4 - (q1**4 / (4 * estimate) if estimate else 0)) + q1 * (q1 - 1) / 2)
    var = max(var, 0.0)
    lower, upper = _lognormal_interval(s_obs, estimate, var, level)
    return Richness("Chao2", s_obs, float(estimate), float(np.sqrt(var)), lower, upper, level, q1, q2, m)


def _frequencies(incidence, name: str, lang: str = "nl") -> tuple[np.ndarray, int]:
    """Incidence frequencies (files per agency) and number of files from a presence matrix."""
    y = np.asarray(incidence, dtype=float)
    if y.ndim != 2 or np.isnan(y).any():
        raise InputError(t("rich_err_incidence", lang, name=name))
    if y.shape[0] < 2:
        raise InputError(t("rich_err_two_files", lang, name=name))
    return (y > 0).sum(axis=0).astype(float), y.shape[0]


def _undetected(q1, q2, m):
    """Chao2 estimate of agencies not yet seen in ``m`` files (vectorized over q1, q2)."""
    q1, q2 = np.asarray(q1, float), np.asarray(q2, float)
    c = (m - 1) / m
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(q2 > 0, c * q1**2 / (2 * np.where(q2 > 0, q2, 1)), c * q1 * (q1 - 1) / 2)
    return out if out.ndim else float(out)


def _expected_curve(freq: np.ndarray, m: int, sizes: np.ndarray) -> np.ndarray:
    """Expected number of agencies in ``sizes`` files (Chao et al. 2014, incidence data, q = 0).

    ``freq`` is (B, K): B sets of incidence frequencies from ``m`` files (zeros allowed). Returns (B, len(sizes)).
    Interpolation ``Σ_k 1 - C(m - Y_k, t) / C(m, t)``; extrapolation
    ``S_obs + Q0 [1 - (1 - Q1 / (m Q0 + Q1))^(t - m)]``.
    """
    freq = np.atleast_2d(freq)
    out = np.empty((freq.shape[0], len(sizes)))
    inner = sizes <= m
    if inner.any():
        t = sizes[inner][None, None, :]
        y = freq[:, :, None]
        possible = (m - y) >= t
        log_ratio = (gammaln(m - y + 1) - gammaln(np.where(possible, m - y - t, 0) + 1)
                     - gammaln(m + 1) + gammaln(m - t + 1))
        missed = np.where(possible, np.exp(np.minimum(log_ratio, 0)), 0.0)
        out[:, inner] = np.where(y > 0, 1 - missed, 0).sum(axis=1)
    if (~inner).any():
        s_obs = (freq > 0).sum(axis=1)[:, None]
        q1 = (freq == 1).sum(axis=1)[:, None]
        q0 = _undetected(q1, (freq == 2).sum(axis=1)[:, None], m)
        extra = sizes[~inner][None, :] - m
        with np.errstate(divide="ignore", invalid="ignore"):
            found = np.where(q0 > 0, q0 * (1 - (1 - q1 / (m * q0 + q1)) ** extra), 0.0)
        out[:, ~inner] = s_obs + found
    return out


def _bootstrap_assemblage(freq: np.ndarray, m: int, q0: float | None = None) -> np.ndarray:
    """Detection probabilities per agency, observed and estimated-unseen (Chao et al. 2014, Appendix S2).

    Observed agencies: ``Y/m · (1 - λ (1 - Y/m)^m)``; the estimated ``Q0`` unseen agencies (Chao2
    unless ``q0`` is given) share the undetected mass ``Q1/m · m Q0 / (m Q0 + Q1)`` equally
    (``ceil(Q0)`` agencies).
    """
    y = freq[freq > 0]
    q1, q2 = int(np.sum(y == 1)), int(np.sum(y == 2))
    q0 = _undetected(q1, q2, m) if q0 is None else float(q0)
    mass = q1 / m * (m * q0 / (m * q0 + q1)) if q1 > 0 else 0.0
    weight = np.sum(y / m * (1 - y / m) ** m)
    lam = mass / weight if q0 > 0 and weight > 0 else 0.0
    probs = y / m * (1 - lam * (1 - y / m) ** m)
    n_unseen = int(np.ceil(q0))
    return np.concatenate([probs, np.full(n_unseen, mass / n_unseen) if n_unseen else []])


def _undetected_improved(freq, m: int):
    """iChao2 estimate of the agencies not yet seen in ``m`` files (Chiu et al. 2014), per row of ``freq``.

    ``Q0_Chao2 + (m-3)/(4m) · Q3/Q4 · max(Q1 - (m-3)/(2(m-1)) · Q2 Q3/Q4, 0)``, with ``Q4`` taken as 1
    when it is 0, as SpadeR's ``SpecInciiChao2`` does; plain Chao2 for ``m <= 3``.
    """
    freq = np.atleast_2d(freq)
    q1, q2, q3, q4 = ((freq == j).sum(axis=1).astype(float) for j in (1, 2, 3, 4))
    q0 = _undetected(q1, q2, m)
    if m > 3:
        q4 = np.maximum(q4, 1)
        q0 = q0 + (m - 3) / (4 * m) * q3 / q4 * np.maximum(q1 - (m - 3) / (2 * (m - 1)) * q2 * q3 / q4, 0)
    return np.atleast_1d(q0)


def _new_agencies(freq, m: int, extra: int) -> np.ndarray:
    """Expected number of agencies found in ``extra`` more files that are not among those in ``m`` files.

    ``Q0 [1 - (1 - Q1 / (m Q0 + Q1))^extra]`` (Shen et al. 2003; Chao et al. 2014) with the iChao2
    ``Q0``; per row of ``freq``.
    """
    freq = np.atleast_2d(freq)
    q0, q1 = _undetected_improved(freq, m), (freq == 1).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(q0 > 0, q0 * (1 - (1 - q1 / (m * q0 + q1)) ** extra), 0.0)


_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(40)
_WEIGHTS = _WEIGHTS / _WEIGHTS.sum()


def _predictive_interval(expected: float, var: float, level: float, reach: float = 0.0) -> tuple[int, int]:
    """Central ``level`` interval of a count ``F`` with mean ``λ`` and variance ``λ (1 - reach)``, ``λ`` log-normal.

    ``log λ ~ N(log expected, log(1 + var/expected²))``; given ``λ``, ``F`` is binomial with
    ``λ / reach`` trials of probability ``reach`` (a fractional number of trials mixes the two
    neighbouring whole numbers so the mean stays ``λ``); ``reach = 0`` is the Poisson limit. The
    mixture's distribution function is integrated over ``λ`` by Gauss–Hermite quadrature; the bounds
    are whole numbers (quantiles of a count).
    """
    if expected <= 0:
        return 0, 0
    sigma = np.sqrt(np.log1p(max(var, 0.0) / expected**2))
    lam = expected * np.exp(sigma * _NODES)
    k = np.arange(int(stats.poisson.ppf(1 - 1e-6, expected * np.exp(4 * sigma))) + 2)[:, None]
    if reach <= 0:
        cdf = stats.poisson.cdf(k, lam[None, :]) @ _WEIGHTS
    else:
        trials = lam / reach
        low = np.floor(trials)
        frac = trials - low
        cdf = ((1 - frac) * stats.binom.cdf(k, low, reach) + frac * stats.binom.cdf(k, low + 1, reach)) @ _WEIGHTS
    k = k[:, 0]
    alpha = (1 - level) / 2
    return int(k[np.searchsorted(cdf, alpha)]), int(k[np.searchsorted(cdf, 1 - alpha)])


def _unseen_reach(freq: np.ndarray, m: int, extra: int) -> float:
    """Chance that one undetected agency turns up in ``min(extra, m)`` more files, under Shen et al. (2003).

    Their model gives each of the ``Q0`` (iChao2) undetected agencies the detection probability
    ``Q1 / (m Q0 + Q1)`` per file. The horizon is capped at ``m`` more files: the extrapolation is
    trusted up to double the files read (Chao et al. 2014), and a shorter horizon can only make the
    conditional variance ``λ (1 - reach)`` larger (see :func:`accumulation`, Notes).
    """
    y = freq[freq > 0]
    q0, q1 = float(_undetected_improved(y, m)[0]), int(np.sum(y == 1))
    if q0 <= 0 or q1 == 0:
        return 0.0
    return float(1 - (1 - q1 / (m * q0 + q1)) ** min(extra, m))


def _predict_total(freq: np.ndarray, m: int, n_total: int, level: float, n_boot: int, rng) -> dict:
    """Prediction of the number of agencies in all ``n_total`` files (see :func:`accumulation`, Notes)."""
    s_obs, extra = int(np.sum(freq > 0)), n_total - m
    if extra <= 0:
        return {"files": n_total, "estimate": float(s_obs), "se": 0.0, "lower": float(s_obs), "upper": float(s_obs)}
    new = float(_new_agencies(freq[freq > 0], m, extra)[0])
    probs = _bootstrap_assemblage(freq, m, q0=float(_undetected_improved(freq[freq > 0], m)[0]))
    boot = rng.binomial(m, probs, size=(n_boot, len(probs)))
    reach = 1 - (1 - probs) ** extra  # chance that an agency turns up in the unread files
    expected_b = ((boot == 0) * reach).sum(axis=1)  # new agencies expected in the bootstrap world
    var = float(np.var(_new_agencies(boot, m, extra) - expected_b, ddof=1))
    found = _unseen_reach(freq, m, extra)
    lower, upper = _predictive_interval(new, var, level, found)
    return {"files": n_total, "estimate": s_obs + new, "se": float(np.sqrt(var + new * (1 - found))),
            "lower": float(s_obs + lower), "upper": float(s_obs + upper)}


@dataclass(frozen=True)
class Accumulation:
    """Sample-based rarefaction and extrapolation curve of the number of agencies (see :func:`accumulation`)."""

    curve: pd.DataFrame
    observed: int
    n_files: int
    n_total: int | None
    level: float
    n_boot: int
    predicted: dict | None = None

    @property
    def total(self) -> pd.Series:
        """Prediction for all ``n_total`` files: ``files``, ``estimate``, ``se``, ``lower``, ``upper``.

        The interval is a prediction interval for the count a complete file study of this school
        finds (see :func:`accumulation`, Notes); when every file was read (or ``n_total`` is not
        given) the count is known and the interval is the observed number itself.
        """
        if self.predicted is None:
            obs = float(self.observed)
            return pd.Series({"files": self.n_files, "estimate": obs, "se": 0.0, "lower": obs, "upper": obs})
        return pd.Series(self.predicted)

    def to_frame(self) -> pd.DataFrame:
        """The curve: one row per number of files, ``files, method, estimate, se, lower, upper``."""
        return self.curve.copy()

    def prediction(self, lang: str = "nl", *, min_cell: int = THRESHOLD) -> str:
        """What reading all ``n_total`` files would find, in one sentence ('' when all files were read).

        Numbers of files (pupils) below ``min_cell`` are written as "minder dan 5" (published text).
        """
        check_lang(lang)
        if not self.n_total or self.n_total <= self.n_files:
            return ""
        row, pct = self.total, format_number(100 * self.level, 0, lang)
        # an estimated number of agencies is published as a count is: rounded, the interval outward
        lower, upper = published_range(row["lower"], row["upper"])
        f = lambda x: format_number(x, 0, lang)  # noqa: E731
        return t("nm_prediction", lang, total=small_count(self.n_total, min_cell, lang),
                 estimate=f(published(row["estimate"])), pct=pct, lower=f(lower), upper=f(upper))

    def gain_per_10(self) -> float:
        """New agencies per 10 more files where the reading stopped: the slope of the rarefaction curve over
        the last tenth of the files read (at least one file). NaN with fewer than two files read.

        Examples
        --------
        >>> import numpy as np
        >>> y = np.eye(6, dtype=int)  # every file names another agency: the curve rises by one per file
        >>> round(accumulation(y, seed=1).gain_per_10(), 1)
        10.0
        """
        c = self.curve[self.curve["files"] <= self.n_files].sort_values("files")
        step = max(1, self.n_files // 10)
        before = c[c["files"] <= self.n_files - step]
        if before.empty or self.n_files < 2:
            return float("nan")
        a = before.iloc[-1]
        return 10 * (float(self.observed) - float(a["estimate"])) / (self.n_files - float(a["files"]))

    def flattened(self, per_10: float = 1.0) -> bool:
        """True when reading 10 more files adds fewer than ``per_10`` agencies (:meth:`gain_per_10`)."""
        gain = self.gain_per_10()
        return bool(np.isfinite(gain) and gain < per_10)

    def finding(self, lang: str = "nl", *, min_cell: int = THRESHOLD) -> str:
        """A figure title that states what the curve shows: the agencies found, whether the curve still rises,
        and (with ``n_total``) the estimate with its interval for all files.

        Counts follow the rounding rule in force (:func:`evaluatie.privacy.rounding_rule`); the interval
        is rounded outward. The question goes in the subtitle (:func:`evaluatie.plots.finding_title`).
        """
        check_lang(lang)
        found = count_text(self.observed, lang)
        if self.n_total and self.n_total <= self.n_files:
            return t("nm_acc_finding_all", lang, found=found, files=small_count(self.n_files, min_cell, lang))
        shape = "flat" if self.flattened() else "rises"
        if not self.n_total:
            return t(f"nm_acc_finding_{shape}", lang, found=found)
        row = self.total
        lower, upper = published_range(row["lower"], row["upper"])
        return t(f"nm_acc_finding_{shape}_total", lang, found=found, total=small_count(self.n_total, min_cell, lang),
                 est=count_text(row["estimate"], lang), lo=format_number(lower, 0, lang),
                 hi=format_number(upper, 0, lang))

    def summary(self, lang: str = "nl", *, min_cell: int = THRESHOLD) -> str:
        """What was found, and what a complete file study would find."""
        check_lang(lang)
        found = t("nm_files_found", lang, files=small_count(self.n_files, min_cell, lang),
                  agencies=count_text(self.observed, lang))
        return " ".join(p for p in (found, self.prediction(lang, min_cell=min_cell)) if p)

    def plot(self, ax=None, *, lang: str = "nl", title: str | None = None):
        """Accumulation curve: solid up to the files read, dashed beyond, with the interval shaded."""
        from .nulmeting import plot_accumulation

        return plot_accumulation(self, ax=ax, lang=lang, title=title)


def accumulation(incidence, *, n_total: int | None = None, endpoint: int | None = None, sizes=None,
                 level: float = 0.95, n_boot: int = 200, seed=0, lang: str = "nl") -> Accumulation:
    """How many agencies would reading more files have found? Rarefaction and extrapolation.

    Parameters
    ----------
    incidence : DataFrame or 2-D array
        Presence matrix of the files read: one row per pupil file (pupils without any agency as
        rows of zeros), one column per agency (see :func:`incidence_matrix`).
    n_total : int, optional
        Number of pupils (files) in the school. The curve then runs to ``n_total`` and
        :attr:`Accumulation.total` predicts what reading *all* files would have found.
    endpoint : int, optional
        Last number of files on the curve when ``n_total`` is not given; default twice the files read.
    sizes : sequence of int, optional
        Numbers of files to evaluate; default about 40 points from 1 to the endpoint.
    level : float
        Confidence level.
    n_boot : int
        Bootstrap replicates for the intervals.
    seed : int or None
        Seed of the bootstrap; fixed by default so results are reproducible.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

    Returns
    -------
    Accumulation
        ``curve`` with ``files``, ``method`` (``interpolated``/``observed``/``extrapolated``),
        ``estimate``, ``se``, ``lower``, ``upper``.

    Notes
    -----
    Point estimates are the incidence-based rarefaction and extrapolation of species richness of
    Colwell et al. (2012) and Chao et al. (2014): the expected number of agencies in ``t`` files.
    The band along the whole curve is drawn as iNEXT draws it: estimate ± z·SE, with one bootstrap
    SE for interpolation and extrapolation alike (Chao et al. 2014, Appendix S2: files are resampled
    from an assemblage with adjusted detection probabilities for the seen agencies and ``ceil(Q0)``
    unseen ones), so the band is continuous at the files read.

    :attr:`Accumulation.total` answers another question: how many agencies would reading *all*
    ``n_total`` files of this school find? The agencies already found are known; only the number
    ``F`` of new ones in the ``e = n_total - m`` unread files is uncertain. Under the incidence model
    of Chao et al. (2014) (agency ``k`` is in a file with probability ``p_k``, independently),
    ``F`` given the files read is a sum of independent indicators with chances
    ``r_k = 1 - (1 - p_k)^e`` over the undetected agencies: mean ``λ = Σ r_k``, variance
    ``Σ r_k (1 - r_k)``. Its mean is estimated with the extrapolation formula of Shen et al. (2003),
    ``λ̂ = Q0 [1 - (1 - Q1 / (m Q0 + Q1))^e]``, with the improved lower bound iChao2 for ``Q0``
    (Chiu et al. 2014; Chao2 is biased low with few files). The prediction interval is the central
    interval of ``F`` given ``λ`` mixed over ``log λ ~ N(log λ̂, log(1 + v/λ̂²))`` (the log-normal of
    Chao 1987 for the estimation error), where ``v`` is the bootstrap variance of ``λ̂ − λ``
    computed in the bootstrap assemblage of Chao et al. (2014), in which ``λ`` is known.

    Given ``λ``, ``F`` is taken as binomial with mean ``λ`` and variance ``λ (1 - r̂)``. In the model
    behind Shen's formula the ``Q0`` undetected agencies share the detection probability
    ``Q1 / (m Q0 + Q1)``, so ``F ~ Binomial(Q0, r̂)`` with ``r̂ = 1 - (1 - Q1 / (m Q0 + Q1))^e``.
    This is the finite-population part: when the unread files are many they find a large share of
    the undetected agencies, and the count varies less than a Poisson count of the same mean (the
    limit ``r̂ = 0``, used before, made the interval too wide; ``--poisson`` in the benchmark
    measures it on the same schools). Because ``Σ r_k (1 - r_k) ≤ Σ r_k (1 - r_k(h))`` for every
    horizon ``h ≤ e`` (``r_k(h)`` the chance in ``h`` files), ``r̂`` is computed for at most ``h = m`` more files: Shen's formula is trusted up
    to double the files read (Chao et al. 2014; iNEXT's default endpoint), and beyond that it
    overstates the share found (``Q0`` is a lower bound), which would make the interval too narrow
    with few files.

    The bounds are whole numbers, never below what was found, and shrink to the observed number as
    all files are read. Coverage of the complete-study count in 1000 synthetic schools per design
    (``benchmarks/richness_coverage.py``, Monte Carlo SE 0.3–0.7 points; asserted by
    ``tests/test_richness.py``):

    ============================  ======  ======  ======  ======  =======
    files read                      1/8     1/4     1/2     3/4    15/16
    ============================  ======  ======  ======  ======  =======
    160 pupils (SBO default)      94.6%   96.5%   96.0%   96.7%   98.6%
    300 pupils, flatter agencies  95.9%   95.5%   95.8%   96.8%   99.3%
    ============================  ======  ======  ======  ======  =======

    With 150 of 160 files only about one new agency is expected; the interval of a count that small
    cannot be near 95% in whole numbers (``[0, 2]`` holds 92% of a Poisson(1) count, ``[0, 3]``
    98%), and central intervals round outward, so there it covers about 99%. With few files the
    estimate is still biased low (iChao2 is a lower bound): −5.7 agencies on average with 20 of 160
    files, −1.1 with 40, −0.1 with 80.

    References
    ----------
    Chao, A. (1987). Estimating the population size for capture-recapture data with unequal
    catchability. Biometrics 43, 783–791. doi:10.2307/2531532.
    Chao, A., Gotelli, N. J., Hsieh, T. C., et al. (2014). Rarefaction and extrapolation with Hill
    numbers. Ecological Monographs 84, 45–67. doi:10.1890/13-0133.1.
    Chiu, C.-H., Wang, Y.-T., Walther, B. A., & Chao, A. (2014). An improved nonparametric lower bound
    of species richness via a modified Good–Turing frequency formula. Biometrics 70, 671–682.
    doi:10.1111/biom.12200.
    Colwell, R. K., Chao, A., Gotelli, N. J., et al. (2012). Models and estimators linking
    individual-based and sample-based rarefaction, extrapolation and comparison of assemblages.
    Journal of Plant Ecology 5, 3–21. doi:10.1093/jpe/rtr044.
    Shen, T.-J., Chao, A., & Lin, C.-F. (2003). Predicting the number of new species in further
    taxonomic sampling. Ecology 84, 798–804. doi:10.1890/0012-9658(2003)084[0798:PTNONS]2.0.CO;2.

    Validated against: R vegan 2.6-4 ``specaccum(method = "exact")`` for the interpolated part and
    ``specpool`` (Chao2) as the limit of the extrapolated part (tests/test_nulmeting.py).

    Examples
    --------
    >>> import numpy as np
    >>> y = np.array([[1, 1, 0, 0], [1, 0, 1, 0], [1, 0, 0, 1], [0, 0, 0, 0], [1, 1, 0, 0]])
    >>> acc = accumulation(y, n_total=8)
    >>> acc.to_frame()[["files", "method", "estimate"]].round(2).tail(2).values.tolist()
    [[7, 'extrapolated', 4.58], [8, 'extrapolated', 4.78]]
    """
    check_lang(lang)
    freq, m = _frequencies(incidence, "accumulation", lang)
    if not 0 < level < 1:
        raise InputError(t("rates_err_level", lang, level=level))
    if n_total is not None and n_total < m:
        raise InputError(t("rich_err_n_total", lang, n_total=n_total, m=m))
    end = int(n_total or endpoint or 2 * m)
    if sizes is None:
        sizes = np.unique(np.r_[np.linspace(1, end, 40).round(), m, end])
    sizes = np.asarray(sizes, dtype=float)
    if np.any(sizes < 1) or np.any(sizes != np.round(sizes)):
        raise InputError(t("rich_err_sizes", lang))
    estimate = _expected_curve(freq, m, sizes)[0]
    rng = np.random.default_rng(seed)
    probs = _bootstrap_assemblage(freq, m)
    boot = _expected_curve(rng.binomial(m, probs, size=(n_boot, len(probs))).astype(float), m, sizes)
    z = stats.norm.ppf(0.5 + level / 2)
    s_obs = int(np.sum(freq > 0))
    se = boot.std(axis=0, ddof=1)
    method = np.where(sizes < m, "interpolated", np.where(sizes == m, "observed", "extrapolated"))
    curve = pd.DataFrame({"files": sizes.astype(int), "method": method, "estimate": estimate, "se": se,
                          "lower": np.maximum(estimate - z * se, 0), "upper": estimate + z * se})
    predicted = None if n_total is None else _predict_total(freq, m, int(n_total), level, n_boot, rng)
    return Accumulation(curve, s_obs, m, None if n_total is None else int(n_total), level, n_boot, predicted)
