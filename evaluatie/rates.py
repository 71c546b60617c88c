"""Rates per 1,000 pupils with exact intervals, and the exact comparison of two rates.

Answers: how many referrals per 1,000 pupils, how sure are we, and is the rate here lower than there?

Examples
--------
>>> rate_ci(12, 2400).round(3).values.tolist()
[[5.0, 2.584, 8.734]]
>>> r = rate_ratio_test(20, 4000, 40, 4000)
>>> round(r.ratio, 2), round(r.p_value, 4)
(0.5, 0.0135)
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from .errors import InputError, check_option
from .text import check_lang, format_number, format_p, t as msg

__all__ = ["rate_ci", "rate_ratio_test", "RateRatioResult"]

Comparison = Literal["groups", "before_after"]


def _counts_and_exposure(count, exposure, lang: str = "nl"):
    x = np.asarray(count, dtype=float)
    t = np.asarray(exposure, dtype=float)
    if np.any(np.isnan(x)) or np.any(x < 0) or np.any(x != np.round(x)):
        raise InputError(msg("rates_err_counts", lang))
    if np.any(np.isnan(t)) or np.any(t <= 0):
        raise InputError(msg("rates_err_exposure", lang))
    return np.broadcast_arrays(x, t)


def rate_ci(count, exposure, per: float = 1000, level: float = 0.95, *, lang: str = "nl") -> pd.DataFrame:
    """Rate per ``per`` units of exposure with the exact (Garwood) Poisson interval.

    Parameters
    ----------
    count : int or array-like
        Number of events (e.g. referrals).
    exposure : float or array-like
        Exposure (e.g. pupils enrolled, or pupil-months), same shape as ``count`` or a scalar.
    per : float, default 1000
        Scale of the rate: 1000 gives referrals per 1,000 pupils.
    level : float, default 0.95
        Confidence level.
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

    Returns
    -------
    DataFrame with ``rate``, ``lower``, ``upper`` (index of ``count`` when it is a Series).

    Notes
    -----
    Garwood (1936) interval: ``[χ²(α/2; 2x)/2, χ²(1-α/2; 2x+2)/2] / exposure``, lower bound 0 for
    ``x = 0``. Identical to the interval of R ``poisson.test(x, T)`` scaled by ``per``.

    References
    ----------
    Garwood, F. (1936). Fiducial limits for the Poisson distribution. Biometrika 28, 437–442.

    Examples
    --------
    >>> rate_ci([0, 3], [500, 500]).round(3).values.tolist()
    [[0.0, 0.0, 7.378], [6.0, 1.237, 17.535]]
    """
    check_lang(lang)
    index = count.index if isinstance(count, pd.Series) else None
    x, t = (np.atleast_1d(v) for v in _counts_and_exposure(count, exposure, lang))
    if not 0 < level < 1:
        raise InputError(msg("rates_err_level", lang, level=level))
    alpha = 1 - level
    lower = np.where(x > 0, stats.chi2.ppf(alpha / 2, 2 * np.maximum(x, 1)) / 2, 0.0)
    upper = stats.chi2.ppf(1 - alpha / 2, 2 * x + 2) / 2
    out = pd.DataFrame({"rate": x / t * per, "lower": lower / t * per, "upper": upper / t * per})
    out = out.reset_index(drop=True) if index is None else out.set_axis(index)
    return out


@dataclass(frozen=True)
class RateRatioResult:
    """Exact comparison of two rates (:func:`rate_ratio_test`, :func:`evaluatie.zorgvraag.before_after`).

    ``ratio`` is rate 1 / rate 0 with its exact interval ``(lower, upper)`` at ``level``; ``rate1`` and
    ``rate0`` are per exposure unit. ``comparison`` is ``"groups"`` (group 1 against group 0) or
    ``"before_after"`` (after the start against before, at the same units, without a comparison group).
    """

    ratio: float
    lower: float
    upper: float
    p_value: float
    rate1: float
    rate0: float
    count1: int
    count0: int
    exposure1: float
    exposure0: float
    level: float = 0.95
    comparison: str = "groups"

    @property
    def percent_change(self) -> float:
        """100 (ratio − 1): −24 means a rate 24% lower in group 1 (after) than in group 0 (before)."""
        return 100 * (self.ratio - 1)

    def to_frame(self) -> pd.DataFrame:
        """One tidy row with every field plus ``percent_change``."""
        return pd.DataFrame([asdict(self) | {"percent_change": self.percent_change}])

    def sentence(self, lang: str = "nl", per: float = 1000) -> str:
        """The comparison in words, worded by the evidence (see :func:`evaluatie.did.effect_sentence`)."""
        from .did import effect_sentence

        check_lang(lang)
        nl = lang == "nl"
        rates = (f"{format_number(self.rate1 * per, 1, lang)} {'tegen' if nl else 'against'} "
                 f"{format_number(self.rate0 * per, 1, lang)} {'per' if nl else 'per'} {format_number(per, 0, lang)}")
        if self.ratio == 0 or not np.isfinite(self.ratio):
            head = ("De verhouding is niet te schatten (0 gebeurtenissen in een groep)" if nl else
                    "The ratio cannot be estimated (0 events in one group)")
            return f"{head}: {rates}."
        ci = tuple(math.log(v) if v > 0 else -np.inf for v in (self.lower, self.upper))
        if self.comparison == "before_after":
            what = "het aantal verwijzingen per leerling" if nl else "referrals per pupil"
            text = effect_sentence(math.log(self.ratio), ci, "poisson", self.level, lang, what,
                                   lead=("Na de start" if nl else "After the start"))
            caveat = (" Zonder vergelijkingsgroep: ook andere veranderingen in dezelfde tijd tellen hierin mee."
                      if nl else " No comparison group: other changes over the same time are part of this.")
            return f"{text[:-1]}; {rates}.{caveat}"
        what = "het aantal per leerling in groep 1 ten opzichte van groep 0" if nl else "the rate in group 1 against group 0"
        text = effect_sentence(math.log(self.ratio), ci, "poisson", self.level, lang, what, lead=None)
        return f"{text[:-1]}; {rates}."

    def summary(self, lang: str = "nl") -> str:
        """The sentence plus the counts, exposures and the exact p-value."""
        check_lang(lang)
        nl = lang == "nl"
        p = format_p(self.p_value, lang)
        method = ("Exacte toets voor twee Poisson-aantallen (voorwaardelijk op het totaal)" if nl else
                  "Exact test for two Poisson counts (conditional on the total)")
        counts = (f"{'Aantallen' if nl else 'Counts'}: {self.count1} / {format_number(self.exposure1, 0, lang)} "
                  f"{'tegen' if nl else 'against'} {self.count0} / {format_number(self.exposure0, 0, lang)}.")
        return "\n".join([self.sentence(lang), counts, f"{method}; {p}."])


def rate_ratio_test(count1, exposure1, count0, exposure0, level: float = 0.95, ratio: float = 1.0, *,
                    comparison: str = "groups", lang: str = "nl") -> RateRatioResult:
    """Exact comparison of two Poisson rates (group 1 against group 0), conditional on the total.

    Parameters
    ----------
    count1, exposure1 : events and exposure in group 1 (e.g. schools with a youth worker).
    count0, exposure0 : events and exposure in group 0 (comparison).
    level : confidence level.
    ratio : rate ratio under the null hypothesis.
    comparison : {"groups", "before_after"}
        How the sentence words the result (two groups, or after against before at the same units).
    lang : {"nl", "en"}
        Language of the error messages (Dutch by default).

    Returns
    -------
    RateRatioResult
        ``ratio`` (rate 1 / rate 0), ``lower``, ``upper``, ``p_value`` (two-sided), ``rate1``,
        ``rate0`` (per exposure unit), counts and exposures; ``.sentence()``, ``.summary()``,
        ``.to_frame()``.

    Notes
    -----
    Given ``n = x1 + x0``, ``x1 ~ Binomial(n, π)`` with ``π = ρ t1 / (ρ t1 + t0)``. The p-value is the
    exact binomial test (outcomes no more likely than the observed one) and the interval the
    Clopper–Pearson interval for ``π`` transformed to the ratio: what R ``poisson.test(c(x1, x0),
    c(t1, t0))`` reports.

    References
    ----------
    Fay, M. P. (2010). Two-sided exact tests and matching confidence intervals for discrete data.
    R Journal 2(1), 53–58.

    Examples
    --------
    >>> r = rate_ratio_test(11, 800, 23, 1000)
    >>> round(r.ratio, 4), round(r.lower, 4), round(r.upper, 4)
    (0.5978, 0.2631, 1.2766)
    """
    check_lang(lang)
    check_option("comparison", comparison, Comparison, lang)
    if not 0 < level < 1:
        raise InputError(msg("rates_err_level", lang, level=level))
    (x1, t1), (x0, t0) = _counts_and_exposure(count1, exposure1, lang), _counts_and_exposure(count0, exposure0, lang)
    x1, t1, x0, t0 = (float(np.asarray(v).item()) if np.size(v) == 1 else None for v in (x1, t1, x0, t0))
    if None in (x1, t1, x0, t0):
        raise InputError(msg("rates_err_two_groups", lang))
    n = int(x1 + x0)
    if n == 0:
        raise InputError(msg("rates_err_no_events", lang))
    test = stats.binomtest(int(x1), n, ratio * t1 / (ratio * t1 + t0))
    ci = test.proportion_ci(confidence_level=level, method="exact")
    with np.errstate(divide="ignore"):
        to_ratio = lambda p: p / (1 - p) * t0 / t1 if p < 1 else np.inf  # noqa: E731
        estimate = (x1 / t1) / (x0 / t0) if x0 > 0 else np.inf
    return RateRatioResult(float(estimate), float(to_ratio(ci.low)), float(to_ratio(ci.high)), float(test.pvalue),
                           x1 / t1, x0 / t0, int(x1), int(x0), t1, t0, level, comparison)
