"""Small-n outcomes: R agreement, coverage on simulated data, wording and bad input."""
import re

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evaluatie import InputError
from evaluatie.outcomes import (compare_proportions, compare_to_benchmark, plot_timeline, posterior_above,
                                proportion_ci)

# R 4.2: binom.test(k, n)$conf.int and prop.test(k, n, correct = FALSE)$conf.int (tests/reference/outcomes.R)
R_INTERVALS = {
    (0, 4): {"exact": (0, 0.602364635616), "wilson": (0, 0.489890836455), "exact90": (0, 0.527129195498)},
    (2, 4): {"exact": (0.0675859864885, 0.932414013511), "wilson": (0.150038989152, 0.849961010848),
             "exact90": (0.0976114628864, 0.902388537114)},
    (4, 4): {"exact": (0.397635364384, 1), "wilson": (0.510109163545, 1), "exact90": (0.472870804502, 1)},
    (1, 10): {"exact": (0.00252857854446, 0.445016117028), "wilson": (0.0178762130951, 0.404150026795),
              "exact90": (0.00511619689182, 0.394163302437)},
    (7, 30): {"exact": (0.099337864958, 0.422836522978), "wilson": (0.117923881445, 0.409283261581),
              "exact90": (0.11498689557, 0.393947422522)},
    (45, 160): {"exact": (0.213121118122, 0.3576747841), "wilson": (0.21734323486, 0.355414475527),
                "exact90": (0.223087506103, 0.34559998031)},
}


@pytest.mark.parametrize("kn", list(R_INTERVALS))
def test_intervals_equal_r(kn):
    k, n = kn
    ref = R_INTERVALS[kn]
    for method, level, key in (("exact", 0.95, "exact"), ("wilson", 0.95, "wilson"), ("exact", 0.90, "exact90")):
        r = proportion_ci(k, n, method=method, level=level)
        assert_allclose([r.lower, r.upper], ref[key], rtol=1e-8, atol=1e-10)
        assert r.lower <= r.estimate <= r.upper


def test_jeffreys_is_beta_quantiles_with_boundary_convention():
    from scipy import stats

    r = proportion_ci(2, 4, method="jeffreys")
    assert_allclose([r.lower, r.upper], stats.beta.ppf([0.025, 0.975], 2.5, 2.5), rtol=1e-10)
    assert proportion_ci(0, 4, method="jeffreys").lower == 0.0
    assert proportion_ci(4, 4, method="jeffreys").upper == 1.0


def test_fisher_and_benchmark_equal_r():
    # R: fisher.test(matrix(c(2, 2, 3, 17), 2)) and fisher.test(matrix(c(12, 18, 5, 25), 2))
    # R finds the odds ratio and its bounds with uniroot(tol = eps^0.25), so they agree to ~1e-3 only;
    # the p-value is exact in both. The exactness of our bounds is checked below on the tail equations.
    r = compare_proportions(2, 4, 3, 20)
    assert_allclose(r.p_value, 0.179277244495, rtol=1e-9)
    assert_allclose([r.odds_ratio, *r.odds_ratio_ci], [5.13198005967, 0.275289002161, 99.8845660397], rtol=3e-3)
    r2 = compare_proportions(12, 30, 5, 30)
    assert_allclose(r2.p_value, 0.0840355678859, rtol=1e-9)
    assert_allclose([r2.odds_ratio, *r2.odds_ratio_ci], [3.26572440204, 0.877437913205, 14.0361889083], rtol=3e-3)
    # exact bounds: P(X >= 2 | lower) = P(X <= 2 | upper) = 2.5% under Fisher's noncentral hypergeometric
    from scipy import stats

    lo, hi = r.odds_ratio_ci
    assert_allclose([stats.nchypergeom_fisher.sf(1, 24, 5, 4, lo), stats.nchypergeom_fisher.cdf(2, 24, 5, 4, hi)],
                    [0.025, 0.025], rtol=1e-8)
    # R: binom.test(2, 4, p = 0.1)$p.value = 0.0523 (also with alternative = "greater"); p = 0.5 gives 1
    assert_allclose(compare_to_benchmark(2, 4, 0.1).p_value, 0.0523, rtol=1e-9)
    assert_allclose(compare_to_benchmark(2, 4, 0.1, alternative="greater").p_value, 0.0523, rtol=1e-9)
    assert_allclose(compare_to_benchmark(2, 4, 0.5).p_value, 1.0, rtol=1e-9)


def test_exact_interval_coverage_at_least_nominal():
    """Clopper-Pearson never covers less than 95%: exact coverage over all outcomes for several (n, p)."""
    from scipy import stats

    from evaluatie.outcomes import _interval

    for n in (4, 10, 30):
        k = np.arange(n + 1)
        lo, hi = _interval(k, np.full_like(k, n), "exact", 0.95)
        for p in np.linspace(0.02, 0.98, 49):
            coverage = stats.binom.pmf(k, n, p)[(lo <= p) & (p <= hi)].sum()
            assert coverage >= 0.95 - 1e-12, (n, p, coverage)


def test_coverage_by_simulation_matches_claim():
    rng = np.random.default_rng(15)
    p, n = 0.3, 12
    ks = rng.binomial(n, p, size=4000)
    covered = np.mean([(r := proportion_ci(int(k), n)).lower <= p <= r.upper for k in ks[:400]])
    assert covered >= 0.95 - 2 * np.sqrt(0.95 * 0.05 / 400)  # nominal minus 2 Monte Carlo SE


def test_posterior_probability_and_predictive():
    from scipy import stats

    r = posterior_above(2, 4, 0.3)
    assert (r.a, r.b) == (3.0, 3.0)
    assert_allclose(r.probability, stats.beta.sf(0.3, 3, 3))
    assert_allclose(r.predictive(4, 2), stats.betabinom.sf(1, 4, 3, 3))
    # many pupils with 60% outflow: almost surely above 50%
    assert posterior_above(600, 1000, 0.5).probability > 0.999999
    assert "Beta(1,0; 1,0)" in r.sentence()


def test_wording_for_n_four():
    r = proportion_ci(2, 4, label="Uitstroom naar regulier onderwijs")
    text = r.summary()
    assert "2 van de 4 (50%)" in text and "7% tot 93%" in text
    assert "86 procentpunten" in text and "Niet te zeggen" in text
    # independent check with scipy's binomtest: the first n whose exact half-width at p = 0.5 is <= 15 points
    from scipy import stats

    half = {n: np.diff(stats.binomtest(round(n / 2), n).proportion_ci(method="exact"))[0] / 2 for n in range(2, 80)}
    assert r.n_needed(0.15) == min(n for n, h in half.items() if h <= 0.15) == 47
    assert "50%" in r.summary(lang="en") and "cannot be said" in r.summary(lang="en")


@pytest.mark.parametrize("k, n, match", [(5, 4, "tussen 0 en de groepsgrootte"), (-1, 4, "tussen 0"),
                                         (0, 0, "leeg"), (1.5, 4, "hele getallen"), ("twee", 4, "hele getallen")])
def test_bad_counts_are_reported_in_dutch(k, n, match):
    with pytest.raises(InputError, match=match):
        proportion_ci(k, n)


def test_bad_options():
    with pytest.raises(InputError, match="Kies uit: exact, wilson, jeffreys"):
        proportion_ci(2, 4, method="wald")
    with pytest.raises(InputError, match="alternative"):
        compare_to_benchmark(2, 4, 0.1, alternative="groter")
    with pytest.raises(InputError, match="benchmark"):
        compare_to_benchmark(2, 4, 1.5)
    with pytest.raises(InputError, match="k_ref"):
        compare_proportions(2, 4, 9, 5)


def test_timeline_anonymous_labels_and_bad_dates():
    d = pd.DataFrame({"pupil": ["ps_abc", "Jan Jansen", "ps_def"], "start": ["1-9-2023", "2023-08-28", "4 sep 2023"],
                      "end": ["1-3-2024", None, "15-1-2024"], "uitkomst": ["regulier", None, "SO"]})
    ax = plot_timeline(d, outcome="uitkomst", reference_date="2024-06-30")
    texts = [t.get_text() for t in ax.get_figure().findobj(lambda a: hasattr(a, "get_text"))]
    assert sorted(t.get_text() for t in ax.get_yticklabels()) == ["leerling 1", "leerling 2", "leerling 3"]
    assert not any("ps_" in s or "Jan" in s for s in texts)
    with pytest.raises(InputError, match="niet te lezen"):
        plot_timeline(d.assign(start=["1-9-2023", "31-2-2023", "x"]))
    with pytest.raises(InputError, match="voor de startdatum"):
        plot_timeline(d.assign(end=["1-3-2023", None, None]))
    with pytest.raises(InputError, match="ontbreekt"):
        plot_timeline(d.assign(start=[None, "1-9-2023", "1-9-2023"]))


def test_timeline_time_axis_in_dutch_months():
    d = pd.DataFrame({"pupil": ["a", "b"], "start": ["1-9-2023", "15-10-2023"], "end": ["1-3-2024", None]})
    ax = plot_timeline(d, reference_date="1-6-2024")
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels and all(re.fullmatch(r"(jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) 20\d\d", x) for x in labels)
    assert ax.get_xlabel() == "Maand"


def test_results_have_frames_and_plots():
    for r in (proportion_ci(2, 4), compare_proportions(2, 4, 3, 20), compare_to_benchmark(2, 4, 0.1),
              posterior_above(2, 4, 0.3)):
        assert len(r.to_frame()) == 1 and r.sentence() and r.summary()
        assert r.plot() is not None


def test_small_class_generator():
    from evaluatie import synthetic

    data, truth = synthetic.small_class(seed=3)
    assert len(data) == 4 and data["end"].notna().sum() == truth["n_moved"] == 2
    assert (data["outcome"] == "regulier onderwijs").sum() == 2
    assert (data["end"].dropna() > data.loc[data["end"].notna(), "start"]).all()
    with pytest.raises(InputError, match="n_moved"):
        synthetic.small_class(n_moved=5)


def test_bounds_never_read_as_0_or_100_percent_when_the_data_rule_that_out():
    """1 of 6: the exact lower bound is 0.42%, not "0%" ("vrijwel zeker niet lager dan 0%" says nothing and is wrong)."""
    r = proportion_ci(1, 6)
    # R 4.2.2: binom.test(1, 6)$conf.int = 0.004210744514 0.641234578998; binom.test(5, 6): 0.3587654210 0.9957892555
    assert_allclose([r.lower, r.upper], [0.004210744514, 0.641234578998], rtol=1e-9)
    assert_allclose(proportion_ci(5, 6).upper, 0.9957892555, rtol=1e-9)
    text = r.summary()
    assert "0,4% tot 64%" in text and "niet lager dan 0,4%" in text and " 0%" not in text
    assert "36% tot 99,6%" in proportion_ci(5, 6).summary()  # upper bound 0.9958: not "100%" with one failure
    assert proportion_ci(1, 300).sentence().startswith("1 van de 300 (0,3%)")
    assert "0% tot 60%" in proportion_ci(0, 4).sentence() and "40% tot 100%" in proportion_ci(4, 4).sentence()
    assert proportion_ci(1, 6).bound(0.0042, lang="en") == "0.4%"
