"""Wild score cluster bootstrap for counts (Kline & Santos 2012): against statsmodels and wildboottest, size.

References used here:
* statsmodels GLM (``score_obs``, ``hessian``, ``hessian_factor``, and a GLM fit with ``β0·D`` in the
  offset) for the restricted fit, the scores and the Hessian of the Poisson model;
* ``wildboottest`` 0.3.2 (WCR, full Rademacher enumeration) for the linear case, to which the score
  bootstrap with the restricted estimate reduces;
* simulation (``benchmarks/score_bootstrap_size.py``) for the size under no effect.
"""
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from numpy.testing import assert_allclose

from evaluatie import InputError, synthetic
from evaluatie.did import _prepare, panel_did
from evaluatie.resampling import (
    ScoreBootstrap,
    score_bootstrap,
    wild_cluster_bootstrap,
    wild_weights,
)


@pytest.fixture(scope="module")
def boards():
    """12 schools in 4 boards (3 each), 4 schools treated from period 5, a time-varying covariate."""
    panel, _ = synthetic.panel(n_units=12, n_periods=10, treated_units=4, start_period=5, dispersion=3.0, seed=5)
    rng = np.random.default_rng(1)
    panel["x"] = rng.normal(size=len(panel)) + panel["treated"] * 0.3
    panel["board"] = panel["unit"].map({u: f"B{i // 3}" for i, u in enumerate(sorted(panel["unit"].unique()))})
    panel["rate"] = panel["count"] / panel["exposure"] * 1000
    return panel


def _boot(p, family, weights, offset=True):
    return ScoreBootstrap(p.y, p.D, p.unit_codes, p.period_codes, p.cluster_codes, family, Z=p.Z,
                          offset=p.offset if offset else None, weights=weights)


@pytest.mark.parametrize("cluster", [None, "board"])
def test_poisson_restricted_fit_scores_and_hessian_equal_statsmodels(boards, cluster):
    """Every profiled quantity against the full-parameter formulas on statsmodels' scores and Hessian."""
    p = _prepare(boards, "count", "unit", "period", "treated", "exposure", "poisson", 1000, ["x"], cluster)
    G = int(p.cluster_codes.max()) + 1
    boot = _boot(p, "poisson", np.ones((1, G)))
    U, T = np.eye(p.unit_codes.max() + 1)[p.unit_codes], np.eye(p.period_codes.max() + 1)[p.period_codes]
    X, b0 = np.column_stack([p.D, p.Z, U[:, 1:], T[:, 1:], np.ones(len(p.y))]), -0.3  # the model with dummies
    mu, a, J, K = boot.profile(b0)
    null = sm.GLM(p.y, X[:, 1:], family=sm.families.Poisson(), offset=p.offset + b0 * X[:, 0]).fit(tol=1e-13)
    assert_allclose(mu, null.fittedvalues, rtol=1e-8)  # restricted fit = GLM with β0·D in the offset
    full = sm.GLM(p.y, X, family=sm.families.Poisson(), offset=p.offset)
    theta = np.r_[b0, null.params]
    scores, hessian, factor = full.score_obs(theta), -full.hessian(theta), full.hessian_factor(theta)
    S = np.stack([scores[p.cluster_codes == g].sum(axis=0) for g in range(G)])            # cluster scores S_g
    H_g = [X[p.cluster_codes == g].T @ (factor[p.cluster_codes == g, None] * X[p.cluster_codes == g])
           for g in range(G)]                                                              # cluster Hessians
    assert_allclose(sum(H_g), hessian, rtol=1e-10, atol=1e-8)
    H_inv = np.linalg.inv(hessian)
    assert J == pytest.approx(1 / H_inv[0, 0], rel=1e-8)
    assert_allclose(a / J, (H_inv @ S.T)[0], rtol=1e-8, atol=1e-12)                         # row β of H⁻¹ S_g
    K_ref = np.array([[(H_inv @ ((h == g) * S[h] - H_g[h] @ H_inv @ S[g]))[0] for g in range(G)] for h in range(G)])
    assert_allclose(K / J, K_ref, rtol=1e-8, atol=1e-12 * np.abs(K_ref).max())              # S*_h = v_h S_h − H_h H⁻¹ S*


def test_gaussian_case_is_wcr_and_equals_wildboottest(boards):
    """Linear model with a covariate, full Rademacher enumeration of the 12 schools (4,096 sign vectors).

    Tie convention as in tests/test_did.py: the draws v = ±1 reproduce the observed statistic and we
    count them, wildboottest 0.3.2 counts only |t*| > |t|: ours is exactly 2 / 2^G higher. Clustered by
    board (4 clusters, 16 vectors) and at other null values it equals :func:`wild_cluster_bootstrap`,
    itself equal to wildboottest by boards (tests/test_did.py::test_wild_bootstrap_equals_wildboottest)."""
    import statsmodels.formula.api as smf

    wbt = pytest.importorskip("wildboottest.wildboottest")
    p = _prepare(boards, "rate", "unit", "period", "treated", None, "gaussian", 1000, ["x"], None)
    w, enumerated = wild_weights("rademacher", 12, 9999, None)
    ours = _boot(p, "gaussian", w, offset=False).pvalue(0.0)
    model = smf.ols("rate ~ treated + x + C(unit) + C(period)", data=boards)
    with pytest.warns(UserWarning, match="full_enumeration"):
        ref = wbt.wildboottest(model, B=9999, cluster=pd.Series(pd.factorize(boards["unit"])[0]), param="treated",
                               weights_type="rademacher", seed=1, show=False)
    assert enumerated and ours - 2 / 2**12 == pytest.approx(float(ref["p-value"].iloc[0]), abs=1e-10)
    for cluster in (None, "board"):
        p = _prepare(boards, "rate", "unit", "period", "treated", None, "gaussian", 1000, ["x"], cluster)
        G = int(p.cluster_codes.max()) + 1
        boot = _boot(p, "gaussian", wild_weights("rademacher", G, 9999, None)[0], offset=False)
        for b0 in (0.0, -3.0, 5.0):
            wcr = wild_cluster_bootstrap(p.partial_out(p.y - b0 * p.D), p.partial_out(p.D), p.partial_out,
                                         p.cluster_codes, p.n_params, 0.95, 9999, None, "rademacher", False)[3]
            assert boot.pvalue(b0) == pytest.approx(wcr, abs=1e-12)


def test_panel_did_wild_counts_uses_the_score_bootstrap(boards):
    r = panel_did(boards, exposure="exposure", inference="wild", cluster="board", weights="rademacher")
    assert r.inference == "wild" and r.exact and r.n_resamples == 16 and r.n_clusters == 4
    assert "Wild score-bootstrap per cluster voor aantallen (Kline & Santos 2012)" in r.summary()
    assert "alle 16 trekkingen" in r.summary()
    assert "Onzekerheid: wild score-clusterbootstrap (" in r.summary()
    assert "Uncertainty: wild score cluster bootstrap (" in r.summary("en")
    assert "Wild score cluster bootstrap for counts (Kline & Santos 2012)" in r.summary("en")
    cl = panel_did(boards, exposure="exposure", inference="cluster", cluster="board")
    assert (r.coef, r.se) == pytest.approx((cl.coef, cl.se), rel=1e-12)  # estimate and reported se: the ML fit
    assert np.isinf(r.ci).all() and "kleinste mogelijke p-waarde 0,125: het interval is onbegrensd" in r.summary()
    q = panel_did(boards, exposure="exposure", family="quasipoisson", inference="wild", seed=3, conf_int=False)
    s = panel_did(boards, exposure="exposure", inference="wild", seed=3, conf_int=False)
    assert q.p_value == s.p_value and "webb-gewichten" not in s.reason and s.n_resamples == 4096  # 12 schools, enumerated
    few = panel_did(boards.assign(count=boards["count"]), exposure="exposure", inference="wild", cluster="board",
                    seed=1, n_resamples=999, conf_int=False)
    assert "webb-gewichten, 999 trekkingen" in few.reason  # 4 clusters: Webb's six-point weights by default


def test_interval_is_the_inverted_test(boards):
    """p = 1 at the ML estimate (the score is 0 there); p ≈ 1 − level at the bounds; p falls outside."""
    p = _prepare(boards, "count", "unit", "period", "treated", "exposure", "poisson", 1000, ["x"], None)
    r = panel_did(boards, exposure="exposure", covariates=["x"], inference="wild", seed=7, n_resamples=1999)
    w, _ = wild_weights("rademacher", 12, 1999, np.random.default_rng(7))
    boot = _boot(p, "poisson", w)
    assert boot.pvalue(r.coef) == 1.0 and boot.statistics(r.coef)[0] == pytest.approx(0.0, abs=1e-8)
    pv, ci, n, enumerated, kind = score_bootstrap(p.y, p.D, p.unit_codes, p.period_codes, p.cluster_codes,
                                                  Z=p.Z, offset=p.offset, estimate=r.coef, scale=r.se,
                                                  n_resamples=1999, rng=np.random.default_rng(7))
    assert (pv, ci, n, enumerated, kind) == (r.p_value, r.ci, 1999, False, "rademacher")
    width = ci[1] - ci[0]
    for bound, outward in ((ci[0], -1), (ci[1], 1)):
        assert boot.pvalue(bound - outward * 1e-3 * width) > 0.05 >= boot.pvalue(bound + outward * 1e-3 * width)


def test_known_effect_is_found():
    """Rate ratio 0.5 at 6 of 20 schools: rejected, and the interval contains the truth."""
    panel, truth = synthetic.panel(n_units=20, n_periods=12, treated_units=6, start_period=6, rate_ratio=0.5,
                                   dispersion=3.0, baseline=8.0, seed=11)
    r = panel_did(panel, exposure="exposure", inference="wild", seed=2, n_resamples=1999)
    assert r.p_value < 0.05 and r.ratio_ci[0] < truth["rate_ratio"] < r.ratio_ci[1]


def test_bad_options_are_refused(boards):
    with pytest.raises(InputError, match="family van de score-bootstrap"):
        ScoreBootstrap(np.ones(4), np.r_[0, 1, 0, 0.0], np.r_[0, 0, 1, 1], np.r_[0, 1, 0, 1], np.r_[0, 0, 1, 1],
                       "negbin", weights=np.ones((1, 2)))
    with pytest.raises(InputError, match="niet voor 'negbin'"):
        panel_did(boards, exposure="exposure", family="negbin", inference="wild")


@pytest.mark.slow
@pytest.mark.parametrize("n_units, n_treated", [(15, 3), (30, 6)])
def test_size_slow(n_units, n_treated):
    """Size under no effect over 1,000 worlds (benchmarks/score_bootstrap_size.py): 3–7%, i.e. 5% ± 2.9 Monte
    Carlo standard errors (sqrt(0.05 · 0.95 / 1000) = 0.0069)."""
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parents[1] / "benchmarks"))
    from score_bootstrap_size import rejection

    rate = rejection(n_units, n_treated, 1.0, worlds=1000, draws=999, methods=("poisson",))["poisson"]
    assert 0.03 <= rate <= 0.07


@pytest.mark.slow
@pytest.mark.parametrize("n_units, n_treated", [(15, 3), (30, 6)])
def test_coverage_slow(n_units, n_treated):
    """Coverage of the inverted 95% interval at rate ratio 0.75 over 1,000 worlds (benchmarks/score_bootstrap_size.py):
    at least 95% − 3 Monte Carlo se (0.929); the test may be conservative (measured 0.971 for 3 of 15, whose
    size is 3.7%), but not wildly so (≤ 0.985)."""
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parents[1] / "benchmarks"))
    from score_bootstrap_size import coverage

    assert 0.929 <= coverage(n_units, n_treated, worlds=1000, draws=999)["coverage"] <= 0.985


def test_score_bootstrap_benchmark_smoke(root):
    """The `make bench` score-bootstrap timing (benchmarks/score_bootstrap_speed.py) in small: the score
    bootstrap and the linear wild bootstrap timed side by side, reported as their ratio."""
    import importlib.util
    import sys

    sys.path.insert(0, str(root / "benchmarks"))
    spec = importlib.util.spec_from_file_location("score_bootstrap_speed", root / "benchmarks" /
                                                  "score_bootstrap_speed.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.run(n_units=8, n_periods=24, draws=99, repeat=1)
    assert [r["what"] for r in rows] == ["p_value", "with_interval"]
    for r in rows:
        assert r["ratio"] == pytest.approx(r["score_poisson_s"] / r["linear_wild_s"])
        assert r["draws"] == 99 and r["clusters"] == 8 and r["target_ratio"] == 2.0
    assert "ratio (target ≤ 2)" in bench.markdown(rows)


@pytest.mark.filterwarnings("ignore::statsmodels.tools.sm_exceptions.PerfectSeparationWarning")  # exact fit on purpose
def test_resampling_errors_in_english_with_lang_en(boards):
    """lang="en" reaches the bootstraps' refusals, directly and through panel_did."""
    with pytest.raises(InputError, match="^Invalid value 'negbin' for family of the score bootstrap. Choose from: "):
        ScoreBootstrap(np.ones(4), np.r_[0, 1, 0, 0.0], np.r_[0, 0, 1, 1], np.r_[0, 1, 0, 1], np.r_[0, 0, 1, 1],
                       "negbin", weights=np.ones((1, 2)), lang="en")
    codes = pd.factorize(boards["unit"])[0]
    exact = boards.assign(rate=codes * 2.0 + pd.factorize(boards["period"])[0] * 0.5)  # fully explained by FE
    with pytest.raises(InputError, match="^The residuals are \\(almost\\) zero"):
        panel_did(exact, outcome="rate", family="gaussian", inference="wild", conf_int=False, lang="en")
    with pytest.raises(InputError, match="^The treatment coincides completely with the fixed effects"):
        wild_cluster_bootstrap(np.r_[1.0, 2, 3, 4], np.zeros(4), lambda v: v, np.r_[0, 0, 1, 1], 1, 0.95, 99,
                               np.random.default_rng(1), "rademacher", lang="en")


def test_resampling_dutch_error_text_is_unchanged_by_default():
    with pytest.raises(InputError) as info:
        ScoreBootstrap(np.ones(4), np.r_[0, 1, 0, 0.0], np.r_[0, 0, 1, 1], np.r_[0, 1, 0, 1], np.r_[0, 0, 1, 1],
                       "negbin", weights=np.ones((1, 2)))
    assert str(info.value) == ("Ongeldige waarde 'negbin' voor family van de score-bootstrap. Kies uit: 'poisson', "
                               "'quasipoisson', 'gaussian'.")
    with pytest.raises(InputError) as info:
        wild_cluster_bootstrap(np.r_[1.0, 2, 3, 4], np.zeros(4), lambda v: v, np.r_[0, 0, 1, 1], 1, 0.95, 99,
                               np.random.default_rng(1), "rademacher")
    assert str(info.value) == ("De behandeling valt volledig samen met de vaste effecten (of covariaten): er is geen "
                               "verschil-in-verschillen te schatten.")
