"""Speed of the DiD inference, measured side by side in one run (`make bench`).

1. Randomization inference (Poisson, 9,999 sampled assignments) at 15 schools × 36 months and
   30 × 60: the time of the p-value alone, of the interval on top of it (test inversion, every null
   model fitted with the fixed effects absorbed), and the ratio to a statsmodels refit loop over the
   same draws (one dense-dummy GLM refit per assignment, timed on a sample of draws and scaled to all
   of them).
2. The null fits themselves: ``resampling.fe_glm`` against ``statsmodels.GLM`` with dummies, same
   model and offset (equal fitted values checked).
3. Wild cluster bootstrap (linear, 30 clusters, 9,999 Rademacher draws): p-value against the
   ``wildboottest`` package on the same data and draws count; and the time with the interval.

Targets (issue #11): interval ≤ 3× the p-value; RI with interval ≥ 250× faster than the refit loop;
wild p-value ≤ 1× wildboottest; wild with interval < 5 s at 30 clusters.

Both sides are timed as the best of repeated runs (the least disturbed by other load on a shared
machine; the 1-minute load average is reported). Results are merged into ``benchmarks/results.json``
under ``"did_speed"``; the randomization rows are printed as a Markdown table.

Run: ``.venv/bin/python benchmarks/did_speed.py``
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
import warnings

import numpy as np
import pandas as pd
import statsmodels.api as sm

sys.path.insert(0, str(Path(__file__).parent))
from _timing import best_of  # noqa: E402
from evaluatie import synthetic
from evaluatie.did import _prepare, panel_did
from evaluatie.resampling import fe_glm, single_thread

RESULTS = Path(__file__).parent / "results.json"


def _dummies(p) -> np.ndarray:
    """The dense design of the baseline: unit and period dummies plus intercept (what panel_did no longer builds)."""
    return np.column_stack([np.eye(len(p.units))[p.unit_codes][:, 1:], np.eye(len(p.periods))[p.period_codes][:, 1:],
                            np.ones(len(p.y))])


def randomization(n_units: int, n_periods: int, draws: int = 9999) -> dict:
    panel, _ = synthetic.panel(n_units=n_units, n_periods=n_periods, treated_units=n_units // 5,
                               start_period=n_periods // 2, rate_ratio=0.75, seed=3)
    kw = dict(exposure="exposure", inference="randomization", n_resamples=draws, seed=1)
    t_p = best_of(lambda: panel_did(panel, conf_int=False, **kw), repeat=5)
    t_ci = best_of(lambda: panel_did(panel, **kw), repeat=5)
    draws = panel_did(panel, conf_int=False, **kw).n_resamples  # all assignments when there are fewer
    p = _prepare(panel, "count", "unit", "period", "treated", "exposure", "poisson", 1000)
    dummies = _dummies(p)
    rng = np.random.default_rng(0)
    sample = 20

    def refits():  # the refit loop: permute which schools are treated, refit the full model with dummies
        with single_thread(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(sample):
                perm = rng.permutation(p.starts)
                D = (perm[p.unit_codes] >= 0) & (p.period_codes >= perm[p.unit_codes])
                X = np.column_stack([D.astype(float), dummies])
                sm.GLM(p.y, X, family=sm.families.Poisson(), offset=p.offset).fit()

    loop = best_of(refits) / sample * draws  # best of 3 rounds of 20 refits, scaled to all draws
    return {"panel": f"{n_units}×{n_periods}", "draws": draws, "p_value_s": t_p, "with_interval_s": t_ci,
            "interval_over_p": (t_ci - t_p) / t_p, "refit_loop_s": loop, "loop_over_ours": loop / t_ci,
            "load_1min": os.getloadavg()[0]}


def null_fit(n_units: int, n_periods: int) -> dict:
    panel, _ = synthetic.panel(n_units=n_units, n_periods=n_periods, treated_units=n_units // 5,
                               start_period=n_periods // 2, seed=3)
    p = _prepare(panel, "count", "unit", "period", "treated", "exposure", "poisson", 1000)
    offset = p.offset + 0.1 * p.D
    dummies = _dummies(p)
    with single_thread():
        ours = best_of(lambda: fe_glm(p.y, p.unit_codes, p.period_codes, "poisson", offset=offset), repeat=5)
        theirs = best_of(lambda: sm.GLM(p.y, dummies, family=sm.families.Poisson(), offset=offset).fit(), repeat=5)
        a = fe_glm(p.y, p.unit_codes, p.period_codes, "poisson", offset=offset)[0]
        b = sm.GLM(p.y, dummies, family=sm.families.Poisson(), offset=offset).fit().fittedvalues
    assert np.allclose(a, b, rtol=1e-7), "fe_glm and statsmodels disagree"
    return {"panel": f"{n_units}×{n_periods}", "fe_glm_ms": 1000 * ours, "statsmodels_ms": 1000 * theirs,
            "speedup": theirs / ours}


def wild(n_units: int = 30, n_periods: int = 24, draws: int = 9999) -> dict:
    import statsmodels.formula.api as smf
    from wildboottest.wildboottest import wildboottest

    panel, _ = synthetic.panel(n_units=n_units, n_periods=n_periods, treated_units=8, start_period=n_periods // 2,
                               rate_ratio=0.8, seed=4)
    panel["rate"] = panel["count"] / panel["exposure"] * 1000
    kw = dict(outcome="rate", family="gaussian", inference="wild", weights="rademacher", n_resamples=draws, seed=1)
    ours_p = best_of(lambda: panel_did(panel, conf_int=False, **kw))
    ours_ci = best_of(lambda: panel_did(panel, **kw), repeat=1)
    model = smf.ols("rate ~ treated + C(unit) + C(period)", data=panel)
    codes = pd.Series(pd.factorize(panel["unit"])[0])
    run = lambda: wildboottest(model, B=draws, cluster=codes, param="treated", weights_type="rademacher",  # noqa: E731
                               seed=1, show=False)
    run()  # numba compiles on the first call: not counted
    theirs = best_of(run)
    p_ours = panel_did(panel, conf_int=False, **kw).p_value
    p_theirs = float(run()["p-value"].iloc[0])
    return {"clusters": n_units, "rows": len(panel), "ours_p_s": ours_p, "wildboottest_p_s": theirs,
            "ours_over_wildboottest": ours_p / theirs, "ours_with_interval_s": ours_ci, "p_ours": p_ours,
            "p_wildboottest": p_theirs}


def save(results: dict) -> None:
    """Merge into benchmarks/results.json under "did_speed" (other benchmarks' entries are kept)."""
    everything = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    everything["did_speed"] = results
    RESULTS.write_text(json.dumps(everything, indent=2, ensure_ascii=False) + "\n")


def markdown(rows: list[dict]) -> str:
    lines = ["| randomization inference (Poisson TWFE) | draws | p-value s | with interval s | interval / p-value "
             "(target ≤ 3) | refit loop s | loop / ours (target ≥ 250) | load |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['panel']} | {r['draws']} | {r['p_value_s']:.4f} | {r['with_interval_s']:.4f} | "
              f"{r['interval_over_p']:.2f} | {r['refit_loop_s']:.2f} | {r['loop_over_ours']:.0f} | {r['load_1min']:.1f} |"
              for r in rows]
    return "\n".join(lines)


def main() -> int:
    pd.set_option("display.width", 160)
    ri = [randomization(15, 36), randomization(30, 60)]
    print("Randomisatie-inferentie (Poisson; alle toewijzingen of een steekproef van 9.999):")
    print(markdown(ri))
    fits = [null_fit(15, 36), null_fit(30, 60)]
    print("\nNulmodel met vaste effecten (één fit):")
    print(pd.DataFrame(fits).round(2).to_string(index=False))
    wb = wild()
    print("\nWild cluster bootstrap (lineair, 9.999 trekkingen):")
    print(pd.DataFrame([wb]).round(4).to_string(index=False))
    save({"randomization": ri, "null_fit": fits, "wild": wb})
    return 0


if __name__ == "__main__":
    sys.exit(main())
