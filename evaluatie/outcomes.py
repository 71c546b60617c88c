"""Small-n outcomes: exact proportions, comparison with a reference, a Bayesian view and honest wording.

Answers the question of an SO+ class with 4 pupils of whom 2 moved to regular education: *what can we
honestly say?* — the proportion with an exact interval (:func:`proportion_ci`), a comparison with a
reference group or a historical rate (:func:`compare_proportions`, :func:`compare_to_benchmark`), the
probability that the underlying rate exceeds a threshold (:func:`posterior_above`), and a per-pupil
timeline with anonymous labels (:func:`plot_timeline`).

Examples
--------
>>> r = proportion_ci(2, 4)
>>> round(r.lower, 4), round(r.upper, 4)
(0.0676, 0.9324)
>>> print(r.sentence())
2 van de 4 (50%); 95%-betrouwbaarheidsinterval 7% tot 93% (exact, Clopper–Pearson).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

from .errors import InputError
from .privacy import count_text
from .schemas import missing_columns_message
from .text import check_lang, format_number, format_percent, t

__all__ = ["proportion_ci", "compare_proportions", "compare_to_benchmark", "posterior_above", "plot_timeline",
           "ProportionResult", "ComparisonResult", "PosteriorResult", "METHODS", "ALTERNATIVES"]

Method = Literal["exact", "wilson", "jeffreys"]
METHODS: tuple[str, ...] = ("exact", "wilson", "jeffreys")
Alternative = Literal["two-sided", "greater", "less"]
ALTERNATIVES: tuple[str, ...] = ("two-sided", "greater", "less")
_SM_METHOD = {"exact": "beta", "wilson": "wilson", "jeffreys": "jeffreys"}
_METHOD_NAME = {"exact": ("exact, Clopper–Pearson", "exact, Clopper–Pearson"),
                "wilson": ("Wilson", "Wilson"), "jeffreys": ("Jeffreys", "Jeffreys")}


def _check_option(value, allowed: tuple, param: str, lang: str = "nl") -> None:
    if value not in allowed:
        raise InputError(t("bad_option", lang, value=value, param=param, allowed=", ".join(allowed)))


def _check_counts(k, n, lang: str = "nl", what: str = "k") -> tuple[int, int]:
    """Whole numbers with 0 <= k <= n and n >= 1, else a Dutch InputError saying which rule is broken."""
    try:
        kf, nf = float(k), float(n)
    except (TypeError, ValueError):
        raise InputError(t("pilots_counts_not_numbers", lang, k=k, n=n)) from None
    if not (np.isfinite(kf) and np.isfinite(nf)) or kf != round(kf) or nf != round(nf):
        raise InputError(t("pilots_counts_not_numbers", lang, k=k, n=n))
    if nf < 1:
        raise InputError(t("pilots_n_zero", lang, n=int(nf)))
    if kf < 0 or kf > nf:
        raise InputError(t("pilots_k_out_of_range", lang, what=what, k=int(kf), n=int(nf)))
    return int(kf), int(nf)


def _check_level(level: float, lang: str = "nl") -> None:
    if not 0 < level < 1:
        raise InputError(t("bad_option", lang, value=level, param="level", allowed="een getal tussen 0 en 1"))


def _interval(k, n, method: str, level: float):
    """Vectorized interval for counts ``k`` of ``n`` (arrays allowed)."""
    lo, hi = proportion_confint(k, n, alpha=1 - level, method=_SM_METHOD[method])
    lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    if method != "wilson":  # 0 of n and n of n: the bound on the observed side is the boundary itself
        lo = np.where(np.asarray(k) == 0, 0.0, lo)
        hi = np.where(np.asarray(k) == np.asarray(n), 1.0, hi)
    return lo, hi


@dataclass(frozen=True)
class ProportionResult:
    """A proportion ``k / n`` with its interval; see :func:`proportion_ci`."""

    k: int
    n: int
    estimate: float
    lower: float
    upper: float
    method: str = "exact"
    level: float = 0.95
    label: str = ""

    @property
    def width(self) -> float:
        """Width of the interval (upper - lower), as a proportion."""
        return self.upper - self.lower

    def n_needed(self, half_width: float = 0.15) -> int:
        """Smallest group size whose interval is at most ``±half_width`` at the observed proportion.

        The interval is computed with the same method and level for ``k = round(p n)`` with
        ``p = k / n`` observed; with ``p`` in {0, 1} the worst case ``p = 0.5`` is used instead, since
        one extreme result says little about the next group.
        """
        if not 0 < half_width < 0.5:
            raise InputError(t("bad_option", value=half_width, param="half_width", allowed="een getal tussen 0 en 0,5"))
        p = self.estimate if 0 < self.estimate < 1 else 0.5
        sizes = np.arange(1, 20001)
        lo, hi = _interval(np.round(p * sizes), sizes, self.method, self.level)
        ok = np.flatnonzero((hi - lo) / 2 <= half_width)
        return int(sizes[ok[0]]) if len(ok) else int(sizes[-1])

    def to_frame(self) -> pd.DataFrame:
        """One tidy row: ``k, n, estimate, lower, upper, width, method, level, label``."""
        return pd.DataFrame([{**asdict(self), "width": self.width}])[
            ["label", "k", "n", "estimate", "lower", "upper", "width", "method", "level"]]

    def bound(self, x: float, lang: str = "nl") -> str:
        """An interval bound as a percentage that never reads as 0% or 100% when the data rule that out.

        With ``k >= 1`` the true proportion is above 0, with ``k < n`` below 1: a bound that rounds
        to ``0%`` or ``100%`` then gets one or two decimals (``0,4%``, ``99,6%``).

        Examples
        --------
        >>> r = proportion_ci(1, 6)
        >>> r.bound(r.lower), r.bound(r.upper)
        ('0,4%', '64%')
        """
        for decimals in (0, 1, 2):
            text = format_percent(x, decimals, lang)
            zero, hundred = format_percent(0, decimals, lang), format_percent(1, decimals, lang)
            if not ((text == zero and x > 0) or (text == hundred and x < 1)):
                return text
        return text

    def sentence(self, lang: str = "nl") -> str:
        """The proportion with its interval in one line."""
        check_lang(lang)
        head = f"{self.label}: " if self.label else ""
        return head + t("pilots_proportion", lang, k=count_text(self.k, lang), n=count_text(self.n, lang),
                        pct=self.bound(self.estimate, lang),
                        level=format_percent(self.level, 0, lang), lo=self.bound(self.lower, lang),
                        hi=self.bound(self.upper, lang), method=_METHOD_NAME[self.method][lang == "en"])

    def summary(self, lang: str = "nl", half_width: float = 0.15) -> str:
        """The sentence plus what can and cannot be concluded from ``n`` (interval width, n needed)."""
        check_lang(lang)
        fmt = lambda p: self.bound(p, lang)  # noqa: E731
        lines = [self.sentence(lang)]
        lines.append(t("pilots_width", lang, width=format_number(100 * self.width, 0, lang), n=count_text(self.n, lang),
                       lo=fmt(self.lower), hi=fmt(self.upper)))
        if self.k > 0:
            lines.append(t("pilots_can_say_occurs", lang, k=count_text(self.k, lang), n=count_text(self.n, lang), lo=fmt(self.lower)))
        if self.k < self.n:
            lines.append(t("pilots_can_say_not_always", lang, hi=fmt(self.upper)))
        if self.n < 30:
            lines.append(t("pilots_small_n", lang, n=count_text(self.n, lang)))
        lines.append(t("pilots_n_needed", lang, hw=format_number(100 * half_width, 0, lang),
                       n=format_number(self.n_needed(half_width), 0, lang)))
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl", title: str | None = None):
        """Point with its interval on a 0–100% axis; returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import PALETTE, format_axis, house_style

        check_lang(lang)
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 2.2))
            ax.errorbar([self.estimate], [0], xerr=[[self.estimate - self.lower], [self.upper - self.estimate]],
                        fmt="o", color=PALETTE[0], capsize=6, markersize=9)
            ax.set_xlim(0, 1)
            ax.set_yticks([])
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", percent=True, lang=lang)
            ax.set_xlabel(self.label or ("aandeel" if lang == "nl" else "proportion"))
            ax.set_title(title or t("pilots_proportion_title", lang, k=count_text(self.k, lang), n=count_text(self.n, lang),
                                    lo=self.bound(self.lower, lang), hi=self.bound(self.upper, lang)))
        return ax


def proportion_ci(k, n, method: Method = "exact", level: float = 0.95, *, label: str = "",
                  lang: str = "nl") -> ProportionResult:
    """Proportion ``k / n`` with an exact (Clopper–Pearson), Wilson or Jeffreys interval.

    Parameters
    ----------
    k : int
        Number with the outcome (e.g. pupils who moved to regular education).
    n : int
        Group size (at least 1).
    method : {"exact", "wilson", "jeffreys"}, default "exact"
        ``exact`` never covers less than ``level`` and is the honest default for very small groups.
    level : float, default 0.95
    label : str, optional
        Short description of the outcome, used in sentences and figures.
    lang : {"nl", "en"}
        Language of error messages.

    Returns
    -------
    ProportionResult

    Notes
    -----
    Exact: Clopper–Pearson ``[B(α/2; k, n-k+1), B(1-α/2; k+1, n-k)]`` (beta quantiles). Wilson: the
    score interval without continuity correction. Jeffreys: equal-tailed ``Beta(k+½, n-k+½)``
    interval, with the lower bound 0 for ``k = 0`` and upper bound 1 for ``k = n`` (Brown, Cai &
    DasGupta 2001). Computed with ``statsmodels.stats.proportion.proportion_confint``.

    Validated against: R ``binom.test`` (exact) and ``prop.test(correct = FALSE)`` (Wilson)
    (tests/reference/outcomes.R, tests/test_outcomes.py).

    References
    ----------
    Clopper, C. J. & Pearson, E. S. (1934). Biometrika 26, 404–413. doi:10.1093/biomet/26.4.404
    Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Statistical Science 16, 101–133. doi:10.1214/ss/1009213286

    Examples
    --------
    >>> r = proportion_ci(2, 4, method="wilson")
    >>> round(r.lower, 4), round(r.upper, 4)
    (0.15, 0.85)
    """
    check_lang(lang)
    _check_option(method, METHODS, "method", lang)
    _check_level(level, lang)
    k, n = _check_counts(k, n, lang)
    lo, hi = _interval(k, n, method, level)
    return ProportionResult(k, n, k / n, float(lo), float(hi), method, level, label)


@dataclass(frozen=True)
class ComparisonResult:
    """A group's proportion compared with a reference group (Fisher) or a benchmark (exact binomial)."""

    test: str
    k: int
    n: int
    reference: float
    p_value: float
    alternative: str
    k_ref: int | None = None
    n_ref: int | None = None
    odds_ratio: float = float("nan")
    odds_ratio_ci: tuple = (float("nan"), float("nan"))
    level: float = 0.95
    label: str = ""

    @property
    def estimate(self) -> float:
        """The group's proportion ``k / n``."""
        return self.k / self.n

    @property
    def difference(self) -> float:
        """Proportion minus the reference (group or benchmark), in proportion points."""
        return self.estimate - self.reference

    def to_frame(self) -> pd.DataFrame:
        """One tidy row with both proportions, the difference, odds ratio (Fisher) and p-value."""
        row = {"label": self.label, "test": self.test, "k": self.k, "n": self.n, "estimate": self.estimate,
               "k_ref": self.k_ref, "n_ref": self.n_ref, "reference": self.reference, "difference": self.difference,
               "odds_ratio": self.odds_ratio, "odds_ratio_lower": self.odds_ratio_ci[0],
               "odds_ratio_upper": self.odds_ratio_ci[1], "p_value": self.p_value, "alternative": self.alternative,
               "level": self.level}
        return pd.DataFrame([row])

    def sentence(self, lang: str = "nl") -> str:
        """The comparison in one line, with the p-value."""
        check_lang(lang)
        pct = lambda p: format_percent(p, 0, lang)  # noqa: E731
        p = format_number(self.p_value, 3, lang)
        if self.test == "fisher":
            return t("pilots_fisher", lang, k=count_text(self.k, lang), n=count_text(self.n, lang),
                     pct=pct(self.estimate), k_ref=self.k_ref,
                     n_ref=self.n_ref, pct_ref=pct(self.reference), p=p)
        return t("pilots_benchmark", lang, k=count_text(self.k, lang), n=count_text(self.n, lang),
                 pct=pct(self.estimate), ref=pct(self.reference), p=p)

    def summary(self, lang: str = "nl") -> str:
        """The sentence plus how to read a p-value from a small group."""
        check_lang(lang)
        lines = [self.sentence(lang)]
        if self.test == "fisher" and np.isfinite(self.odds_ratio_ci).all():
            lines.append(t("pilots_odds_ratio", lang, level=format_percent(self.level, 0, lang),
                           est=format_number(self.odds_ratio, 2, lang),
                           lo=format_number(self.odds_ratio_ci[0], 2, lang),
                           hi=format_number(self.odds_ratio_ci[1], 2, lang)))
        lines.append(t("pilots_p_small" if self.p_value < 0.05 else "pilots_p_large", lang, n=count_text(self.n, lang)))
        return "\n".join(lines)

    def plot(self, ax=None, lang: str = "nl", method: Method = "exact"):
        """Both proportions (group and reference) with exact intervals; returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        check_lang(lang)
        nl = lang == "nl"
        rows = [(self.label or ("deze groep" if nl else "this group"), self.k, self.n)]
        if self.test == "fisher":
            rows.append(("referentiegroep" if nl else "reference group", self.k_ref, self.n_ref))
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8.0, 1.4 + 0.7 * len(rows)))
            for y, (_name, k, n) in enumerate(rows):
                r = proportion_ci(k, n, method=method, level=self.level)
                ax.errorbar([r.estimate], [y], xerr=[[r.estimate - r.lower], [r.upper - r.estimate]], fmt="o",
                            capsize=6, markersize=8, color=PALETTE[y])
            if self.test == "benchmark":
                ax.axvline(self.reference, color=GREY, linestyle="--", linewidth=1)
                ax.annotate(("norm " if nl else "benchmark ") + format_percent(self.reference, 0, lang),
                            (self.reference, 0.3), color=GREY, fontsize=9, ha="left", xytext=(3, 0),
                            textcoords="offset points")
            ax.set_yticks(range(len(rows)), [f"{name} ({k}/{n})" for name, k, n in rows])
            ax.set_ylim(-0.6, len(rows) - 0.4)
            ax.set_xlim(0, 1)
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", percent=True, lang=lang)
            ax.set_title(self.sentence(lang).split(";")[0], fontsize=11)
        return ax


def compare_proportions(k, n, k_ref, n_ref, *, alternative: Alternative = "two-sided", level: float = 0.95,
                        label: str = "", lang: str = "nl") -> ComparisonResult:
    """Compare ``k / n`` with a reference group ``k_ref / n_ref`` using Fisher's exact test.

    Parameters
    ----------
    k, n : int
        Outcome count and size of the pilot group.
    k_ref, n_ref : int
        Outcome count and size of the reference group (e.g. last year's class, a comparable school).
    alternative : {"two-sided", "greater", "less"}
        ``"greater"``: the pilot group's proportion is higher.
    level : float
        Level of the interval of the conditional odds ratio.

    Returns
    -------
    ComparisonResult
        With the conditional maximum-likelihood odds ratio and its exact interval.

    Notes
    -----
    ``scipy.stats.fisher_exact`` (p-value) and ``scipy.stats.contingency.odds_ratio(kind="conditional")``
    (odds ratio and interval), the quantities R ``fisher.test`` reports.

    Validated against: R ``fisher.test`` (tests/reference/outcomes.R).

    Examples
    --------
    >>> r = compare_proportions(2, 4, 3, 20)
    >>> round(r.p_value, 4), round(r.odds_ratio, 3)
    (0.1793, 5.132)
    """
    check_lang(lang)
    _check_option(alternative, ALTERNATIVES, "alternative", lang)
    _check_level(level, lang)
    k, n = _check_counts(k, n, lang)
    k_ref, n_ref = _check_counts(k_ref, n_ref, lang, what="k_ref")
    table = np.array([[k, k_ref], [n - k, n_ref - k_ref]])
    p = stats.fisher_exact(table, alternative=alternative).pvalue
    orr = stats.contingency.odds_ratio(table, kind="conditional")
    ci = orr.confidence_interval(confidence_level=level, alternative=alternative)
    return ComparisonResult("fisher", k, n, k_ref / n_ref, float(p), alternative, k_ref, n_ref,
                            float(orr.statistic), (float(ci.low), float(ci.high)), level, label)


def compare_to_benchmark(k, n, benchmark: float, *, alternative: Alternative = "two-sided", level: float = 0.95,
                         label: str = "", lang: str = "nl") -> ComparisonResult:
    """Exact binomial test of ``k / n`` against a benchmark proportion (e.g. a historical outflow rate).

    Parameters
    ----------
    k, n : int
    benchmark : float
        Proportion under the null hypothesis, strictly between 0 and 1.
    alternative : {"two-sided", "greater", "less"}

    Returns
    -------
    ComparisonResult

    Notes
    -----
    ``scipy.stats.binomtest``; the two-sided p-value sums the outcomes no more likely than the
    observed one, as R ``binom.test`` does.

    Validated against: R ``binom.test(k, n, p = benchmark)`` (tests/reference/outcomes.R).

    Examples
    --------
    >>> round(compare_to_benchmark(2, 4, 0.10).p_value, 4)
    0.0523
    """
    check_lang(lang)
    _check_option(alternative, ALTERNATIVES, "alternative", lang)
    _check_level(level, lang)
    k, n = _check_counts(k, n, lang)
    if not 0 < float(benchmark) < 1:
        raise InputError(t("bad_option", lang, value=benchmark, param="benchmark", allowed="een aandeel tussen 0 en 1"))
    p = stats.binomtest(k, n, float(benchmark), alternative=alternative).pvalue
    return ComparisonResult("benchmark", k, n, float(benchmark), float(p), alternative, level=level, label=label)


@dataclass(frozen=True)
class PosteriorResult:
    """Beta posterior of a proportion after ``k`` of ``n``, and the probability it exceeds ``threshold``."""

    k: int
    n: int
    threshold: float
    probability: float
    a: float
    b: float
    lower: float
    upper: float
    level: float = 0.95
    prior: tuple = (1.0, 1.0)
    label: str = ""

    @property
    def mean(self) -> float:
        """Posterior mean ``a / (a + b)``."""
        return self.a / (self.a + self.b)

    def predictive(self, m: int, at_least: int) -> float:
        """Probability that at least ``at_least`` of the next ``m`` pupils have the outcome (beta-binomial)."""
        _check_counts(at_least, max(int(m), 1), what="at_least")
        return float(stats.betabinom.sf(at_least - 1, int(m), self.a, self.b))

    def to_frame(self) -> pd.DataFrame:
        """One tidy row: posterior parameters, mean, credible interval and ``probability``."""
        return pd.DataFrame([{"label": self.label, "k": self.k, "n": self.n, "prior_a": self.prior[0],
                              "prior_b": self.prior[1], "a": self.a, "b": self.b, "mean": self.mean,
                              "lower": self.lower, "upper": self.upper, "level": self.level,
                              "threshold": self.threshold, "probability": self.probability}])

    def sentence(self, lang: str = "nl") -> str:
        """'De kans dat het werkelijke aandeel boven 30% ligt is 71%' with the prior named."""
        check_lang(lang)
        return t("pilots_posterior", lang, threshold=format_percent(self.threshold, 0, lang),
                 prob=format_percent(self.probability, 0, lang), k=count_text(self.k, lang), n=count_text(self.n, lang),
                 a=format_number(self.prior[0], 1, lang), b=format_number(self.prior[1], 1, lang))

    def summary(self, lang: str = "nl") -> str:
        """The sentence, the credible interval and how much the prior matters with this n."""
        check_lang(lang)
        pct = lambda p: format_percent(p, 0, lang)  # noqa: E731
        return "\n".join([self.sentence(lang),
                          t("pilots_credible", lang, level=pct(self.level), lo=pct(self.lower), hi=pct(self.upper)),
                          t("pilots_prior_matters", lang, n=count_text(self.n, lang))])

    def plot(self, ax=None, lang: str = "nl"):
        """Posterior density with the area above ``threshold`` shaded; returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        check_lang(lang)
        x = np.linspace(0, 1, 501)
        y = stats.beta.pdf(x, self.a, self.b)
        y = np.where(np.isfinite(y), y, np.nan)
        with house_style():
            if ax is None:
                _, ax = plt.subplots()
            ax.plot(x, y, color=PALETTE[0])
            above = x >= self.threshold
            ax.fill_between(x[above], 0, y[above], color=PALETTE[0], alpha=0.3)
            ax.axvline(self.threshold, color=GREY, linestyle="--", linewidth=1)
            ax.set_xlim(0, 1)
            ax.set_ylim(bottom=0)
            ax.set_yticks([])
            format_axis(ax, "x", percent=True, lang=lang)
            ax.set_xlabel(self.label or ("werkelijk aandeel" if lang == "nl" else "true proportion"))
            ax.set_title(self.sentence(lang).split(" (")[0], fontsize=11)
        return ax


def posterior_above(k, n, threshold: float, *, prior: tuple = (1.0, 1.0), level: float = 0.95, label: str = "",
                    lang: str = "nl") -> PosteriorResult:
    """Probability that the true proportion exceeds ``threshold``, after ``k`` of ``n`` (beta-binomial model).

    Parameters
    ----------
    k, n : int
    threshold : float
        E.g. 0.3 for "how likely is an outflow rate above 30%?".
    prior : (a, b), default (1, 1)
        Beta prior; ``(1, 1)`` is uniform (every rate equally likely beforehand), ``(0.5, 0.5)`` Jeffreys.
        With small ``n`` the answer depends on it: report it.
    level : float
        Level of the equal-tailed credible interval.

    Returns
    -------
    PosteriorResult

    Notes
    -----
    With ``k ~ Binomial(n, p)`` and ``p ~ Beta(a, b)`` the posterior is ``Beta(a + k, b + n - k)``;
    the probability is its survival function at ``threshold``; :meth:`PosteriorResult.predictive`
    gives the beta-binomial predictive distribution for a next group.

    Examples
    --------
    >>> r = posterior_above(2, 4, 0.3)
    >>> round(r.probability, 4)
    0.8369
    """
    check_lang(lang)
    _check_level(level, lang)
    k, n = _check_counts(k, n, lang)
    if not 0 < float(threshold) < 1:
        raise InputError(t("bad_option", lang, value=threshold, param="threshold", allowed="een aandeel tussen 0 en 1"))
    a0, b0 = (float(v) for v in prior)
    if not (a0 > 0 and b0 > 0):
        raise InputError(t("bad_option", lang, value=prior, param="prior", allowed="twee getallen groter dan 0"))
    a, b = a0 + k, b0 + n - k
    lo, hi = stats.beta.ppf([(1 - level) / 2, (1 + level) / 2], a, b)
    return PosteriorResult(k, n, float(threshold), float(stats.beta.sf(threshold, a, b)), a, b, float(lo), float(hi),
                           level, (a0, b0), label)


def plot_timeline(data: pd.DataFrame, *, pupil: str = "pupil", start: str = "start", end: str = "end",
                  outcome: str | None = None, events: tuple = (), reference_date=None, ax=None, lang: str = "nl"):
    """One line per pupil from ``start`` to ``end``, labelled "leerling 1", "leerling 2", ...

    Parameters
    ----------
    data : DataFrame
        One row per pupil.
    pupil : str
        Column identifying pupils; only used to check there is one row per pupil, never shown.
    start, end : str
        Date columns (Dutch text dates are parsed); an empty ``end`` means still running and is
        drawn up to ``reference_date`` (default: the latest date in the data) with an arrow.
    outcome : str, optional
        Column with the outcome per pupil (e.g. "regulier onderwijs"); colours the lines.
    events : tuple of str
        Further date columns drawn as markers (e.g. the start of the ambulant youth worker).
    reference_date : date, optional
    ax : Axes, optional
    lang : {"nl", "en"}

    Returns
    -------
    Axes

    Examples
    --------
    >>> d = pd.DataFrame({"pupil": ["a", "b"], "start": ["1-9-2023", "15-9-2023"], "end": ["1-3-2024", None]})
    >>> [t.get_text() for t in plot_timeline(d).get_yticklabels()]
    ['leerling 1', 'leerling 2']
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from .durations import _dates
    from .plots import GREY, PALETTE, house_style, month_axis

    check_lang(lang)
    missing = [c for c in (pupil, start, end, *(events or ()), *([outcome] if outcome else [])) if c not in data]
    if missing:
        raise InputError(missing_columns_message(data, missing, None, lang), column=missing[0])
    if data[pupil].duplicated().any():
        raise InputError(t("pilots_one_row_per_pupil", lang, column=pupil))
    frame = pd.DataFrame({c: _dates(data[c], c, lang) for c in (start, end, *events)})
    if frame[start].isna().any():
        rows = ", ".join(map(str, data.index[frame[start].isna()]))
        raise InputError(t("pilots_missing_start_rows", lang, column=start, rows=rows))
    bad = frame[end].notna() & (frame[end] < frame[start])
    if bad.any():
        raise InputError(t("pilots_end_before_start_rows", lang, rows=", ".join(map(str, data.index[bad]))))
    ref = pd.Timestamp(reference_date) if reference_date is not None else frame.max().max()
    order = np.argsort(frame[start].to_numpy(), kind="stable")
    frame = frame.iloc[order].reset_index(drop=True)
    labels = [f"{'leerling' if lang == 'nl' else 'pupil'} {i + 1}" for i in range(len(frame))]
    open_ = frame[end].isna()
    stop = frame[end].fillna(ref)
    outcomes = (data[outcome].iloc[order].fillna("onbekend" if lang == "nl" else "unknown").astype(str)
                .reset_index(drop=True) if outcome else pd.Series([""] * len(frame)))
    levels = list(dict.fromkeys(outcomes))
    colour = {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(levels)}
    with house_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(8.0, 1.2 + 0.5 * len(frame)))
        y = np.arange(len(frame))[::-1]
        ax.hlines(y, frame[start], stop, colors=[colour[v] for v in outcomes], linewidth=6)
        ax.plot(frame[start], y, "|", color=GREY, markersize=14)
        ax.plot(stop[open_], y[open_.to_numpy()], ">", color=GREY, markersize=8)
        markers = ["D", "s", "^", "v"]
        handles = [Line2D([], [], color=colour[v], linewidth=6, label=v) for v in levels if v]
        for i, ev in enumerate(events):
            ax.plot(frame[ev], y, markers[i % len(markers)], color="black", markersize=6)
            handles.append(Line2D([], [], color="black", marker=markers[i % len(markers)], linestyle="", label=ev))
        if open_.any():
            handles.append(Line2D([], [], color=GREY, marker=">", linestyle="",
                                  label="loopt nog" if lang == "nl" else "still running"))
        ax.set_yticks(y, labels)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.set_title(t("pilots_timeline_title", lang, n=len(frame)))
        month_axis(ax, lang=lang)  # Dutch months in words (sep 2023), as every time axis
    return ax
