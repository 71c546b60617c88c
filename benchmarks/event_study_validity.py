"""Validation (slow): event study intervals, one-school start groups and the pre-trend test.

Designs (``synthetic.panel``, 15 schools, 36 months, baseline 10 per 1,000 pupils per month):

* ``staggered``: 3 schools start in month 12, 3 in month 24, 9 never; the rate ratio reaches 0.6
  over 12 months. Bias of the overall effect for Callaway–Sant'Anna (``event_study``) and plain
  two-way fixed effects (``panel_did``), coverage of the overall and per-period intervals.
* ``one_school``: 1 school starts in month 12, 1 in month 24, no effect. Coverage of the overall
  and per-period intervals (the jackknife gave each one-school group zero variance: 17% of
  intervals excluded 0).
* ``three_cohorts``: 2 schools start in month 9, 2 in month 18, 2 in month 27, 9 never; the rate
  ratio reaches 0.6 over 6 months (counts of treated school-months thinned binomially, which keeps
  them Poisson with the reduced mean). Per-period coverage.
* ``pretrend``: how often the pre-trend test rejects at 5% with parallel trends (size; no effect,
  and with the staggered effect present) and with a diverging trend of 0.02 on the log rate per
  month (power), in the staggered design.

Coverage is the share of post-start periods whose 95% interval holds the true effect, averaged over
worlds; ``mc_se`` is the standard error of that average over worlds (periods of one world are
dependent). Run: ``.venv/bin/python benchmarks/event_study_validity.py [worlds]`` (default 400).
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from evaluatie import synthetic
from evaluatie.did import panel_did
from evaluatie.staggered import event_study

RATE_RATIO, RAMP = 0.6, 12
BASE = dict(n_units=15, n_periods=36, treated_units=3, later_units=3, start_period=12, later_start=24,
            baseline=10)


def truth(e: int, ramp: int = RAMP) -> float:
    """True log rate ratio e periods after the start."""
    return np.log(RATE_RATIO) * min(1.0, (e + 1) / ramp) if e >= 0 else 0.0


def _covered(es, true) -> float:
    post = es.to_frame().query("rel_time >= 0")
    t = post["rel_time"].map(true)
    return float(((post["lower"] <= t) & (t <= post["upper"])).mean())


def _mean_se(x) -> tuple[float, float]:
    x = np.asarray(x, float)
    return float(x.mean()), float(x.std(ddof=1) / np.sqrt(len(x)))


def three_cohort_panel(seed: int, starts=(9, 18, 27), per_cohort: int = 2, ramp: int = 6) -> pd.DataFrame:
    """15 schools, three start groups of ``per_cohort`` schools, rate ratio reaching 0.6 over ``ramp`` months."""
    p, _ = synthetic.panel(n_units=15, n_periods=36, treated_units=0, rate_ratio=1.0, baseline=10, seed=seed)
    rng = np.random.default_rng(seed + 10_000)
    units = rng.permutation(p["unit"].unique())[:per_cohort * len(starts)]
    periods = np.sort(p["period"].unique())
    first = {u: periods[starts[k // per_cohort]] for k, u in enumerate(units)}
    p["start"] = pd.to_datetime(p["unit"].map(first))
    rel = (p["period"].dt.year - p["start"].dt.year) * 12 + p["period"].dt.month - p["start"].dt.month
    treated = p["start"].notna() & (rel >= 0)
    keep = np.exp(np.where(treated, [truth(e, ramp) for e in rel.fillna(-1).astype(int)], 0.0))
    p["count"] = rng.binomial(p["count"].to_numpy(), keep)
    p["treated"] = treated.astype(int)
    return p


def staggered(worlds: int, seed0: int = 500, twfe: bool = True) -> dict:
    true_att = np.mean([truth(e) for e in range(24)] + [truth(e) for e in range(12)])
    cs, tw, cover, cover_att = [], [], [], []
    for s in range(worlds):
        p, _ = synthetic.panel(**BASE, rate_ratio=RATE_RATIO, ramp=RAMP, seed=seed0 + s)
        es = event_study(p, exposure="exposure")
        cover.append(_covered(es, truth))
        cover_att.append(es.ci[0] <= true_att <= es.ci[1])
        cs.append(es.att - true_att)
        if twfe:
            tw.append(panel_did(p, exposure="exposure", inference="cluster").coef - true_att)
    (pw, pw_se) = _mean_se(cover)
    out = {"bias_cs": np.mean(cs), "sd_cs": np.std(cs), "att_coverage": np.mean(cover_att),
           "pointwise_coverage": pw, "pointwise_mc_se": pw_se}
    if twfe:
        out["bias_twfe"] = np.mean(tw)
    return out


def one_school(worlds: int, seed0: int = 900) -> dict:
    covered, pointwise = [], []
    for s in range(worlds):
        p, _ = synthetic.panel(**{**BASE, "treated_units": 1, "later_units": 1}, rate_ratio=1.0, seed=seed0 + s)
        es = event_study(p, exposure="exposure")
        covered.append(es.ci[0] <= 0 <= es.ci[1])
        pointwise.append(_covered(es, lambda e: 0.0))
    pw, pw_se = _mean_se(pointwise)
    return {"one_school_att_coverage": np.mean(covered), "one_school_pointwise_coverage": pw,
            "one_school_pointwise_mc_se": pw_se}


def three_cohorts(worlds: int, seed0: int = 1300) -> dict:
    pointwise = [_covered(event_study(three_cohort_panel(seed0 + s), exposure="exposure", n_resamples=199),
                          lambda e: truth(e, 6)) for s in range(worlds)]
    pw, pw_se = _mean_se(pointwise)
    return {"three_cohorts_pointwise_coverage": pw, "three_cohorts_pointwise_mc_se": pw_se}


PRETREND = {"size": (1.0, 0.0), "size_with_effect": (RATE_RATIO, 0.0), "power": (1.0, 0.02)}


def pretrend(worlds: int, seed0: int = 3000, n_resamples: int = 199, designs=tuple(PRETREND)) -> dict:
    """Rejection rate at 5% of the pre-trend test: parallel trends without and with the staggered effect
    (size), and a diverging log-rate trend of 0.02 per month at the treated schools (power)."""
    out = {}
    for name in designs:
        rr, trend = PRETREND[name]
        rejected = [event_study(synthetic.panel(**BASE, rate_ratio=rr, ramp=RAMP, trend_treated=trend, seed=seed0 + s)[0],
                                exposure="exposure", n_resamples=n_resamples).pretrend_p < 0.05 for s in range(worlds)]
        out[f"pretrend_{name}"] = float(np.mean(rejected))
    out["pretrend_mc_se"] = float(np.sqrt(0.05 * 0.95 / worlds))
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    parts = sys.argv[2].split(",") if len(sys.argv) > 2 else ["staggered", "one_school", "three_cohorts", "pretrend"]
    t0 = time.perf_counter()
    for name in parts:
        for k, v in globals()[name](n).items():
            print(f"{k:>34}: {v:.4f}", flush=True)
    print(f"{'seconds':>34}: {time.perf_counter() - t0:.1f}")
