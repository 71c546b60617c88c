"""Absorbed two-way fixed effects (resampling.fe_fit, used by panel_did): the same numbers as the dummy model.

References are computed in the test on the same data: statsmodels GLM with dummy columns (coefficients,
fitted values, Pearson dispersion; the sandwich from did._robust_se, which is checked against R
sandwich::vcovCL in test_did.py) and pyfixest 0.60 ``fepois``/``feols`` with the same fixed effects,
offset and clustering (ssc k_fixef="full", as R vcovCL HC1 on the dummy model).
"""
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evaluatie.did import _robust_se, panel_did
from evaluatie.resampling import FixedEffects, fe_fit

SSC = {"k_adj": True, "k_fixef": "full", "G_adj": True}


def _panel(n_units=14, n_periods=10, seed=5, drop=0.12):
    """Unbalanced Poisson panel (rows missing at random), a third of the schools treated from the middle on, one
    covariate."""
    rng = np.random.default_rng(seed)
    u = np.repeat(np.arange(n_units), n_periods)
    t = np.tile(np.arange(n_periods), n_units)
    keep = rng.random(u.size) > drop
    u, t = u[keep], t[keep]
    treated = ((u < max(1, n_units // 3)) & (t >= n_periods // 2)).astype(int)
    x = rng.normal(size=u.size)
    exposure = rng.integers(150, 900, u.size)
    mu = exposure / 1000 * 15 * np.exp(rng.normal(0, 0.4, n_units)[u] + 0.3 * np.sin(t) - 0.35 * treated + 0.2 * x)
    count = rng.poisson(mu * rng.gamma(3.0, 1 / 3.0, u.size))
    return pd.DataFrame({"unit": [f"School {chr(65 + i)}" for i in u], "period": t, "count": count,
                         "exposure": exposure, "treated": treated, "x": x, "lexp": np.log(exposure),
                         "board": [f"B{i % 5}" for i in u]})


def _dummies(u, t):
    return np.column_stack([np.eye(u.max() + 1)[u][:, 1:], np.eye(t.max() + 1)[t][:, 1:], np.ones(u.size)])


@pytest.mark.parametrize("family", ["poisson", "negbin", "gaussian"])
@pytest.mark.parametrize("shape", [(14, 10), (4, 25)])  # more units than periods, and the other way round
def test_fe_fit_equals_statsmodels_dummies(family, shape):
    import statsmodels.api as sm

    d = _panel(*shape)
    u, t = pd.factorize(d["unit"], sort=True)[0], d["period"].to_numpy()
    y = d["count"].to_numpy(float) if family != "gaussian" else (d["count"] / d["exposure"] * 1000).to_numpy()
    offset = d["lexp"].to_numpy() if family != "gaussian" else None
    alpha = 0.4 if family == "negbin" else None
    Z = d[["treated", "x"]].to_numpy(float)
    X = np.column_stack([Z, _dummies(u, t)])
    fam = {"poisson": sm.families.Poisson(), "negbin": sm.families.NegativeBinomial(alpha=0.4),
           "gaussian": sm.families.Gaussian()}[family]
    ref = sm.GLM(y, X, family=fam, offset=offset).fit(tol=1e-14, maxiter=200)
    fit = fe_fit(y, u, t, family, Z=Z, offset=offset, alpha=alpha)
    assert_allclose(fit.gamma, ref.params[:2], rtol=1e-8)
    assert_allclose(fit.mu, ref.fittedvalues, rtol=1e-8)
    assert fit.n_params == X.shape[1]
    for clusters in (u, u % 3, None):  # per school, per group of schools, HC1
        ours = np.sqrt(np.diag(fit.vcov(clusters)))
        theirs = [_robust_se(ref, X, y, family, alpha, clusters, index=j) for j in range(2)]
        assert_allclose(ours, theirs, rtol=1e-8)


def test_projection_is_the_least_squares_residual():
    """FixedEffects.project = residual of weighted least squares on the dummies, also when the units and
    periods fall apart in two unconnected groups (the normal equations are then singular)."""
    rng = np.random.default_rng(2)
    u = np.r_[np.repeat([0, 1, 2], 4), np.repeat([3, 4], 3)]
    t = np.r_[np.tile([0, 1, 2, 3], 3), np.tile([4, 5, 6], 2)]  # units 3-4 only in periods 4-6
    V, w = rng.normal(size=(u.size, 2)), rng.uniform(0.5, 2, u.size)
    X = _dummies(u, t)
    sw = np.sqrt(w)[:, None]
    expected = V - X @ np.linalg.lstsq(X * sw, V * sw, rcond=None)[0]
    assert_allclose(FixedEffects(u, t).project(V, w), expected, atol=1e-10)
    assert_allclose(FixedEffects(t, u).project(V[:, 0], w), expected[:, 0], atol=1e-10)


def test_panel_did_equals_pyfixest_fepois_with_a_school_without_events():
    """Unbalanced panel, covariate, offset, clusters by board, and a school that never refers: fepois drops
    that school (no information on its effect), and so do we, saying so in the result."""
    pf = pytest.importorskip("pyfixest")
    d = _panel()
    d.loc[d["unit"] == "School M", "count"] = 0
    tight = {"fixef_tol": 1e-13, "iwls_tol": 1e-13}
    for family in ("poisson", "quasipoisson"):
        r = panel_did(d, exposure="exposure", family=family, covariates=["x"], inference="cluster", cluster="board")
        f = pf.fepois("count ~ treated + x | unit + period", data=d, offset="lexp", vcov={"CRV1": "board"},
                      ssc=pf.ssc(**SSC), **tight)
        assert_allclose([r.coef, r.covariate_terms[0][1]], f.coef()[["treated", "x"]], rtol=1e-8)
        assert_allclose([r.se, r.covariate_terms[0][2]], f.se()[["treated", "x"]], rtol=1e-8)
        assert r.n == f._N == (d["unit"] != "School M").sum()
    assert r.dropped_units == ("School M",) and r.n_units == 13
    assert any("zonder enige gebeurtenis weggelaten" in n and "School M" in n for n in r.notes)
    g = panel_did(d.assign(rate=d["count"] / d["exposure"] * 1000), outcome="rate", family="gaussian",
                  covariates=["x"], inference="cluster")
    f = pf.feols("rate ~ treated + x | unit + period", data=d.assign(rate=d["count"] / d["exposure"] * 1000),
                 vcov={"CRV1": "unit"}, ssc=pf.ssc(**SSC))
    assert_allclose((g.coef, g.se), (f.coef()["treated"], f.se()["treated"]), rtol=1e-8)
    assert g.dropped_units == ()


def test_quasipoisson_dispersion_equals_statsmodels():
    import statsmodels.api as sm

    d = _panel()
    r = panel_did(d, exposure="exposure", family="quasipoisson", inference="cluster")
    u = pd.factorize(d["unit"], sort=True)[0]
    X = np.column_stack([d["treated"], _dummies(u, d["period"].to_numpy())])
    ref = sm.GLM(d["count"].to_numpy(float), X, family=sm.families.Poisson(), offset=d["lexp"].to_numpy()).fit(
        scale="X2", tol=1e-14)
    assert r.dispersion == pytest.approx(ref.scale, rel=1e-8) and r.coef == pytest.approx(ref.params[0], rel=1e-8)


def test_twfe_scale_smoke(root):
    """benchmarks/twfe_scale.py at 100 schools × 12 months: panel_did's estimate and cluster SE equal fepois."""
    import importlib.util

    pytest.importorskip("pyfixest")
    spec = importlib.util.spec_from_file_location("twfe_scale", root / "benchmarks" / "twfe_scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data, truth = module.simulate(100, 12, seed=1)
    ours, theirs = module.fit_ours(data), module.fit_fepois(data)
    assert_allclose((ours.coef, ours.se), theirs, rtol=1e-8)
    assert ours.n_units == 100 and abs(ours.coef - np.log(truth)) < 4 * ours.se


def test_separation_is_refused_in_dutch():
    """Treated schools without any referral before the start: the effect is +∞ (separation). The absorbed fit does
    not converge and panel_did says why in Dutch instead of a traceback."""
    from evaluatie import InputError, synthetic

    panel, _ = synthetic.panel(n_units=10, n_periods=12, treated_units=3, start_period=6, seed=1)
    pre_of_treated = panel["start"].notna() & (panel["treated"] == 0)
    with pytest.raises(InputError, match="scheiding"):
        panel_did(panel.assign(count=panel["count"].where(~pre_of_treated, 0)), exposure="exposure",
                  inference="cluster")


@pytest.mark.parametrize("family, compare_bounds", [("poisson", True), ("negbin", False), ("gaussian", True)])
def test_randomization_margin_agrees_with_the_p_value_and_bisection(family, compare_bounds):
    """The continuous margin behind the fast interval: g(β0) ≥ 0 exactly when p(β0) > alpha, its derivative
    equals a finite difference (the tangent dη/dβ0 with observed-information weights), and the Newton bounds
    equal the bisection bounds of the same test to the bisection's tolerance (1e-4 × se). Not compared for
    negbin here: its p-value curve is not monotone on this panel (no lower bound before the fits break down)."""
    from evaluatie import synthetic
    from evaluatie.did import _NullFits, _prepare
    from evaluatie.resampling import RandomizationTable, assignments, invert_test

    panel, _ = synthetic.panel(n_units=12, n_periods=14, treated_units=3, later_units=2, start_period=5,
                               later_start=9, rate_ratio=0.7, baseline=20.0, seed=4)
    panel = panel.assign(x=np.random.default_rng(4).normal(size=len(panel)))
    alpha_nb = 0.2 if family == "negbin" else None
    p = _prepare(panel, "count", "unit", "period", "treated", "exposure", family, 1000, ["x"])
    table = assignments(p.starts, 299, np.random.default_rng(1))[0]
    null = _NullFits(p, family, alpha_nb, RandomizationTable(table, len(p.periods)))
    ref = panel_did(panel, exposure="exposure", family=family, covariates=["x"], inference="cluster")
    grid = ref.coef + ref.se * np.linspace(-4, 4, 17)
    for b in grid:
        assert (null.margin(b, 0.05)[0] >= 0) == (null(b) > 0.05)
    b, h = ref.coef + 1.3 * ref.se, 1e-6 * ref.se
    (g_lo, _), (_, slope), (g_hi, _) = (null.margin(v, 0.05) for v in (b - h, b, b + h))
    assert slope == pytest.approx((g_hi - g_lo) / (2 * h), rel=1e-4)
    if compare_bounds:
        newton = invert_test(null, ref.coef, ref.se, 0.05, margin=lambda v: null.margin(v, 0.05))
        bisection = invert_test(null, ref.coef, ref.se, 0.05)
        assert_allclose(newton, bisection, atol=1e-4 * ref.se)


def test_small_fits_run_on_one_blas_thread(monkeypatch):
    """Issue #11 (speed): BLAS threads thrash on small fits on a shared machine (one GLM fit 77 ms-1.3 s against
    9-17 ms single threaded). single_thread limits BLAS to one thread and restores the caller's setting; every
    fixed-effects fit of panel_did (the estimate and the randomization null fits) runs inside it."""
    from threadpoolctl import threadpool_info, threadpool_limits

    import evaluatie.did as did
    from evaluatie import synthetic
    from evaluatie.resampling import single_thread

    def blas_threads():
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    if not blas_threads():
        pytest.skip("no BLAS library loaded through threadpoolctl")
    seen = []

    def spy(*args, **kwargs):
        seen.append(blas_threads())
        return fe_fit(*args, **kwargs)

    monkeypatch.setattr(did, "fe_fit", spy)
    panel, _ = synthetic.panel(n_units=8, n_periods=8, treated_units=2, start_period=4, seed=3)
    with threadpool_limits(2):
        before = blas_threads()
        if before == {1}:
            pytest.skip("this BLAS cannot run more than one thread: nothing to limit")
        with single_thread():
            assert blas_threads() == {1}
        assert blas_threads() == before
        panel_did(panel, exposure="exposure", n_resamples=99, seed=1)
        assert blas_threads() == before
    assert len(seen) > 10 and all(s == {1} for s in seen)
