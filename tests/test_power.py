"""Power and sample size (evaluatie.power): the vectorized p-values are panel_did's, analytic formulas
agree with statsmodels and R, simulated power converges to the analytic value, grids and mde behave."""
from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose

from evaluatie.errors import InputError
from evaluatie.power import (_designs, _pvalues, _study_frame, _Studies, auto_method, mde, power_proportions,
                             power_rates, simulate_did)

BASE = dict(n_units=15, n_treated=3, n_periods=36, baseline_rate=3.0, pupils_per_unit=300, between_unit_sd=0.3,
            overdispersion=0.0, staggered=False, inference="auto")


def _design(**kw):
    return _designs({**BASE, **kw})[0]


def _panel_did_p(d, y, st, i, n_resamples=9999):
    from evaluatie.did import panel_did

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return panel_did(_study_frame(d, y[i]), exposure="exposure", inference=d["inference"],
                         n_resamples=n_resamples, conf_int=False, seed=st.ri_seed).p_value


@pytest.mark.parametrize("kw,n_resamples,seed", [
    (dict(n_units=10, n_treated=3, n_periods=8), 9999, 1),                        # all 120 assignments
    (dict(n_units=12, n_treated=4, n_periods=9, staggered=3, overdispersion=0.3), 9999, 2),  # three waves
    (dict(n_units=14, n_treated=5, n_periods=6, staggered=True), 200, 3),         # sampled, seeded as panel_did
    (dict(n_units=9, n_treated=3, n_periods=10, inference="randomization"), 9999, 4),
])
def test_randomization_pvalues_equal_panel_did(kw, n_resamples, seed):
    d = _design(**kw)
    st = _Studies(d, seed, 0, 4)
    ratio = np.full(4, 0.7)
    p, fallback, _, _ = _pvalues(st, ratio, n_resamples)
    y = st.counts(ratio)
    ref = [_panel_did_p(d, y, st, i, n_resamples) for i in range(4)]
    assert d["method"] == "randomization" and not fallback.any()
    assert_allclose(p, ref, rtol=0, atol=1e-12)


def test_cluster_pvalues_equal_panel_did():
    d = _design(n_units=44, n_treated=12, n_periods=4, baseline_rate=30.0, overdispersion=0.2)
    st = _Studies(d, 5, 0, 4)
    ratio = np.full(4, 0.8)
    p, fallback, _, _ = _pvalues(st, ratio, 9999)
    y = st.counts(ratio)
    assert d["method"] == "cluster" and not fallback.any()
    assert_allclose(p, [_panel_did_p(d, y, st, i) for i in range(4)], rtol=1e-7)


def test_empty_schools_as_panel_did():
    """Schools without any referral drop out as in panel_did: handled in the cluster path, and by panel_did
    itself when 'auto' would then choose randomization inference (fewer than 42 schools left)."""
    d = _design(n_units=43, n_treated=12, n_periods=3, baseline_rate=6.0, overdispersion=0.5)
    st = _Studies(d, 7, 0, 6)
    ratio = np.full(6, 0.8)
    p, fallback, _, _ = _pvalues(st, ratio, 9999)
    y = st.counts(ratio)
    empty = (y.sum(axis=2) == 0).sum(axis=1)
    assert ((empty == 1) & ~fallback).any() and fallback.any()   # one empty school: 42 left, still cluster
    assert_allclose(p, [_panel_did_p(d, y, st, i) for i in range(6)], rtol=1e-6)


def test_poisson_quantile_equals_scipy():
    from scipy import stats

    from evaluatie.power import _poisson_quantile

    rng = np.random.default_rng(1)
    u, lam = rng.random((50, 40)), rng.gamma(1.0, 5.0, (50, 40))
    assert_allclose(_poisson_quantile(u, lam), stats.poisson.ppf(u, lam))


def test_power_rates_equals_statsmodels():
    from statsmodels.stats.rates import power_poisson_ratio_2indep as sm_power

    for r1, r2, e1, ratio, phi in ((2.4, 3.0, 100, 1, 1.0), (0.004, 0.005, 5000, 2, 1.0), (0.004, 0.005, 5000, 2, 1.5)):
        ref = sm_power(r1, r2, e1, nobs_ratio=ratio, value=1, dispersion=phi, alternative="two-sided",
                       method_var="alt", return_results=False)
        assert_allclose(power_rates(r1, r2, e1, e1 * ratio, dispersion=phi), ref, rtol=1e-10)


def test_power_proportions_equals_r():
    # R 4.2.2: power.prop.test(n, p1, p2, sig.level = 0.05, strict = TRUE)$power (tests/reference/power.R)
    cases = [((0.50, 0.75, 50), 0.7401671935), ((0.20, 0.10, 150), 0.6808354950),
             ((0.30, 0.25, 1000), 0.7070604336), ((0.05, 0.15, 80), 0.5597638322)]
    for (p1, p2, n), ref in cases:
        assert_allclose(power_proportions(p1, p2, n), ref, rtol=1e-8)
    # statsmodels' arcsine (Cohen's h) approximation agrees to within 0.01
    from statsmodels.stats.power import NormalIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    h = proportion_effectsize(0.5, 0.75)
    assert abs(NormalIndPower().power(h, 50, 0.05) - power_proportions(0.5, 0.75, 50)) < 0.01


def test_simulated_two_sample_tests_converge_to_analytic():
    """Large samples: the simulated rejection rate of the two tests is within 3.5 Monte Carlo SE of the formula."""
    rng = np.random.default_rng(11)
    n = 40_000
    y1, y2 = rng.poisson(2.4 * 100, n), rng.poisson(3.0 * 100, n)        # rates per unit exposure, exposure 100
    z = np.log(y1 / y2) / np.sqrt(1 / y1 + 1 / y2)
    sim = np.mean(np.abs(z) > 1.959963984540054)
    exp = power_rates(2.4, 3.0, 100, 100)
    assert abs(sim - exp) < 3.5 * np.sqrt(exp * (1 - exp) / n)
    k1, k2 = rng.binomial(400, 0.30, n), rng.binomial(400, 0.38, n)
    pbar = (k1 + k2) / 800
    z = (k1 / 400 - k2 / 400) / np.sqrt(pbar * (1 - pbar) * 2 / 400)
    sim = np.mean(np.abs(z) > 1.959963984540054)
    exp = power_proportions(0.30, 0.38, 400)
    assert abs(sim - exp) < 3.5 * np.sqrt(exp * (1 - exp) / n)


def test_simulated_did_power_converges_to_normal_approximation():
    """Many schools, large counts, no school differences: randomization-inference power approaches the
    normal approximation of the log ratio of ratios (within 3.5 Monte Carlo SE); size is at most alpha."""
    res = simulate_did(n_units=12, n_treated=6, n_periods=6, baseline_rate=40, pupils_per_unit=1000,
                       between_unit_sd=0.0, rate_ratio=[1.0, 0.95], n_sims=1500, seed=4, n_jobs=1)
    f = res.to_frame()
    assert (f["method"] == "randomization").all() and f["exact"].all()     # 924 assignments, all enumerated
    size, power = f["power"]
    se = np.sqrt(0.05 * 0.95 / 1500)
    assert size <= 0.05 + 3.5 * se
    exp = f["analytic_power"].iloc[1]
    assert abs(power - exp) < 3.5 * np.sqrt(exp * (1 - exp) / 1500)


def test_auto_switch_is_a_column_and_said_in_the_summary():
    res = simulate_did(n_units=[40, 44], n_treated=12, n_periods=3, baseline_rate=20, rate_ratio=0.8, n_sims=20,
                       seed=1, n_jobs=1, n_resamples=99)
    f = res.to_frame()
    assert f["method"].tolist() == ["randomization", "cluster"] and (f["inference"] == "auto").all()
    text = res.summary()
    assert "wisselt" in text and "randomisatie-inferentie bij 40 scholen" in text and "vanaf 42 scholen" in text
    assert "changes within this grid" in res.summary("en")
    assert auto_method(42, 10) == "cluster" and auto_method(41, 20) == "randomization"


def test_grid_rows_cells_reproducible_and_impossible_significance():
    res = simulate_did(n_units=[5, 8], n_treated=2, n_periods=6, rate_ratio=[0.9, 0.5], n_sims=30, seed=3,
                       n_jobs=1)
    f = res.to_frame()
    assert len(f) == 4 and f[["n_units", "rate_ratio"]].values.tolist() == [[5, 0.9], [5, 0.5], [8, 0.9], [8, 0.5]]
    alone = simulate_did(n_units=8, n_treated=2, n_periods=6, rate_ratio=0.5, n_sims=30, seed=3, n_jobs=1).to_frame()
    assert alone["n_rejected"].iloc[0] == f["n_rejected"].iloc[3]         # a cell does not depend on the grid
    # 2 of 5 schools: 10 assignments, smallest p-value 0.1 -> never significant, and the summary says so
    assert f.loc[f["n_units"] == 5, "power"].eq(0).all() and f["min_p"].iloc[0] == pytest.approx(0.1)
    assert "kan daar niet" in res.summary()
    assert ((f["power_lower"] <= f["power"]) & (f["power"] <= f["power_upper"])).all()


def test_mde_curve_monotone_and_matches_direct_simulation():
    kw = dict(n_units=12, n_treated=6, n_periods=12, baseline_rate=5.0, between_unit_sd=0.2, n_sims=60, seed=8,
              n_jobs=1)
    res = mde(**kw)
    row = res.to_frame().iloc[0]
    assert row["reachable"] and row["mde_lower"] <= row["mde_ratio"] <= row["mde_upper"] < 1
    # the largest rate ratio with power >= 80%: a hair closer to 1 the power drops below 80%
    assert res.power_at(row["mde_ratio"]) >= 0.8 > res.power_at(np.nextafter(row["mde_ratio"], 1.0))
    grid = [0.95, 0.85, 0.75, row["mde_ratio"]]
    curve = [res.power_at(g) for g in grid[:3]]
    assert curve[0] <= curve[1] <= curve[2]
    direct = simulate_did(rate_ratio=grid, **kw).to_frame()["power"].to_numpy()
    # the same studies (common random numbers): equal up to studies that are not monotone in the ratio
    assert np.abs(direct[:3] - curve).max() <= 2 / 60
    assert direct[3] >= 0.8 - 2 / 60
    assert "daling van" in res.summary()


def test_invalid_input_dutch():
    with pytest.raises(InputError, match="minstens één vergelijkingsschool"):
        simulate_did(n_units=4, n_treated=4, n_sims=10)
    with pytest.raises(InputError, match="Ongeldige waarde 'wild' voor parameter 'inference'"):
        simulate_did(inference="wild", n_sims=10)
    with pytest.raises(InputError, match="'baseline_rate'"):
        simulate_did(baseline_rate=-1, n_sims=10)
    with pytest.raises(InputError, match="'n_sims'"):
        simulate_did(n_sims=5)
    with pytest.raises(InputError, match="startgolven"):
        simulate_did(n_treated=2, staggered=3, n_sims=10)


def test_plot_house_style():
    import matplotlib.pyplot as plt

    res = simulate_did(n_units=[8, 12], n_treated=0.5, n_periods=6, rate_ratio=[0.9, 0.7], n_sims=20, seed=1,
                       n_jobs=1)
    ax = res.plot()
    texts = [t.get_text() for t in ax.figure.texts]
    assert any(t.startswith("Bron: simulatie") and "n = 20" in t for t in texts)
    assert ax.get_ylabel() == "Kans om het effect te zien" and len(ax.get_legend().get_texts()) == 2
    plt.close(ax.figure)


def test_cli_power_writes_figure_table_and_dutch_errors(tmp_path, capsys):
    from evaluatie.cli import main

    table = tmp_path / "power.csv"
    code = main(["power", "--scholen", "8", "12", "--behandeld", "0,5", "--perioden", "6", "--daling", "30",
                 "--simulaties", "20", "--kernen", "1", "--figuren", str(tmp_path), "--tabel", str(table)])
    out = capsys.readouterr().out
    assert code == 0 and "Onderscheidend vermogen" in out and "8 scholen, 4 met interventie" in out
    assert (tmp_path / "05_onderscheidend_vermogen.png").exists() and table.exists()


def test_cli_power_dutch_errors(capsys):
    from evaluatie.cli import main

    assert main(["power", "--scholen", "drie"]) == 2
    assert "'drie' is geen getal" in capsys.readouterr().err
    assert main(["power", "--scholen", "4", "--behandeld", "4", "--simulaties", "10"]) == 2
    assert "vergelijkingsschool" in capsys.readouterr().err
    assert main(["power", "--daling", "120"]) == 2
    assert "percentage van 0 tot 100" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_power_mde(tmp_path, capsys):
    from evaluatie.cli import main

    code = main(["power", "--scholen", "12", "--behandeld", "6", "--perioden", "12", "--basis", "6", "--mde",
                 "--simulaties", "40", "--kernen", "1", "--figuren", str(tmp_path)])
    assert code == 0 and "daling van" in capsys.readouterr().out
    assert (tmp_path / "05_kleinste_daling.png").exists()


def test_randomization_drops_empty_schools_as_panel_did():
    d = _design(n_units=10, n_treated=3, n_periods=6, baseline_rate=1.5, between_unit_sd=0.8)
    st = _Studies(d, 3, 0, 12)
    ratio = np.full(12, 0.5)
    p, fallback, _, _ = _pvalues(st, ratio, 9999)
    y = st.counts(ratio)
    empty = (y.sum(axis=2) == 0).any(axis=1)
    assert empty.any() and not fallback.any()
    ref = []
    for i in range(12):
        try:
            ref.append(_panel_did_p(d, y, st, i))
        except InputError:
            ref.append(np.nan)
    assert_allclose(p, ref, rtol=0, atol=1e-12)


def test_design_from_panel_recovers_known_parameters():
    from evaluatie import synthetic
    from evaluatie.power import design_from_panel

    for dispersion, alpha in ((None, 0.0), (2.0, 0.5)):   # synthetic: var = mu + mu^2 / dispersion
        panel, _ = synthetic.panel(n_units=200, n_periods=36, treated_units=20, unit_sd=0.3, baseline=3.0,
                                   dispersion=dispersion, seed=2)
        d = design_from_panel(panel)
        assert (d["n_units"], d["n_treated"], d["n_periods"]) == (200, 20, 36)
        assert abs(d["between_unit_sd"] - 0.3) < 0.05 and abs(d["overdispersion"] - alpha) < 0.08
        assert abs(d["baseline_rate"] - 3.0) < 0.3
    with pytest.raises(InputError, match="ontbreken"):
        design_from_panel(panel.drop(columns="exposure"))


@pytest.mark.slow  # notebook 05 also runs in test_notebooks; CPU budget of `make test` (issue #12)
@pytest.mark.notebook
def test_notebook_05_runs_with_few_simulations(tmp_path, monkeypatch):
    from evaluatie.notebooks import cells_without_figure, run_notebook

    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    nb, out = run_notebook("05", parameters={"SIMULATIES": 20, "LOCATIES": [3, 30], "JAREN": [1], "OVERDISPERSIE": [0.3]},
                           output=tmp_path / "05.ipynb")
    assert cells_without_figure(nb) == [] and out.exists()
    text = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Onderscheidend vermogen" in text and "wisselt" in text and "kan daar niet" in text


@pytest.mark.slow
def test_pilot_power_section(tmp_path):
    from evaluatie.pilot import SECTIONS, run_pilot

    assert list(SECTIONS).index("power") == list(SECTIONS).index("tijdreeks") + 1
    example = Path(__file__).resolve().parents[1] / "data_raw" / "voorbeeld"
    pilot = tmp_path / "pilot.toml"
    pilot.write_text(f'naam = "powertest"\ntitel = "Test"\nregio = "Voorbeeld"\nperiode = "2021-2024"\n'
                     f'bron = "synthetische voorbeelddata"\n[data]\npanel = "{(example / "zorgvraag_panel.csv").as_posix()}"\n'
                     '[analyses.power]\ndaling = 25\nsimulaties = 20\n', encoding="utf-8")
    paths = run_pilot(pilot, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False,
                      progress=lambda msg: None)
    html = paths["factsheet.html"].read_text(encoding="utf-8")
    assert "Is deze opzet groot genoeg?" in html and "daling van 25%" in html
    assert (tmp_path / "f" / "powertest" / "05_onderscheidend_vermogen.png").exists()
    pilot.write_text(pilot.read_text(encoding="utf-8").replace("daling = 25", "daling = 120"), encoding="utf-8")
    with pytest.raises(InputError, match="daling moet tussen 0 en 100"):
        run_pilot(pilot, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False,
                  progress=lambda msg: None)


def _load_benchmark(root, name):
    import importlib.util
    import sys

    sys.path.insert(0, str(root / "benchmarks"))  # the benchmarks import their _timing helper
    spec = importlib.util.spec_from_file_location(name, root / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_power_benchmark_smoke(root, tmp_path, monkeypatch):
    """The `make bench` power curve (benchmarks/power_speed.py) in small: both paths run on the same
    design in one run, the ratio is the baseline loop's time over ours, the method is the one asked for,
    and results go to results.json without dropping other benchmarks' entries."""
    bench = _load_benchmark(root, "power_speed")
    results = tmp_path / "results.json"
    results.write_text('{"other_benchmark": {"kept": true}}\n', encoding="utf-8")
    monkeypatch.setattr(bench, "RESULTS", results)
    design = dict(bench.DESIGN, n_periods=12)
    row, markdown = bench.run("smoke", design, n_sims=10, sample=2)
    assert row["studies"] == 5 * 10 and row["cells"] == 5
    assert row["loop_over_ours"] > 0 and row["panel_did_loop_seconds"] >= 0 and row["seconds_1_core"] >= 0
    assert row["target_seconds"] == 60 and isinstance(row["target_met"], bool)
    assert row["n_assignments"] == 455  # C(15, 3): exact randomization inference
    assert len(row["power"]) == 5 and all(0 <= p <= 1 for p in row["power"])
    assert markdown.startswith("| smoke |") and "×" in markdown
    bench.merge_results("power_curve", {"bench1_15_schools": row})
    import json

    saved = json.loads(results.read_text(encoding="utf-8"))
    assert saved["other_benchmark"] == {"kept": True} and saved["power_curve"]["bench1_15_schools"]["cells"] == 5


def test_default_treated_share_as_the_cli():
    """README: ``simulate_did(n_units=[3, 6, 15, 30], rate_ratio=0.8)`` works; 20% treated, at least 1 (as the CLI)."""
    res = simulate_did(n_units=[3, 6, 15], rate_ratio=0.8, n_sims=10, seed=1, n_jobs=1)
    assert res.to_frame()["n_treated"].tolist() == [1, 1, 3]
