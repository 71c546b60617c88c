"""Validation (slow): event study intervals, one-school start groups and the pre-trend test.

Designs (``synthetic.panel``, 15 schools, 36 months, baseline 10 per 1,000 pupils per month):

* ``staggered``: 3 schools start in month 12, 3 in month 24, 9 never; the rate ratio reaches 0.6
  over 12 months. Bias of the overall effect for Callaway–Sant'Anna (``event_study``) and plain
  two-way fixed effects (``panel_did``), coverage of the overall and pointwise intervals.
* ``one_school``: 1 school starts in month 12, 1 in month 24, no effect. Coverage of the overall
  interval (the jackknife gave each one-school group zero variance: 17% of intervals excluded 0).
* ``pretrend``: how often the pre-trend test rejects at 5% with parallel trends (size) and with a
  diverging trend of 0.02 on the log rate per month (power), in the staggered design without effect.

Run: ``.venv/bin/python benchmarks/event_study_validity.py [worlds]`` (default 200; about 1 s per world).
"""
from __future__ import annotations

import sys
import time

import numpy as np

from evaluatie import synthetic
from evaluatie.did import panel_did
from evaluatie.staggered import event_study

RATE_RATIO, RAMP = 0.6, 12
BASE = dict(n_units=15, n_periods=36, treated_units=3, later_units=3, start_period=12, later_start=24,
            baseline=10)


def truth(e: int) -> float:
    """True log rate ratio e periods after the start."""
    return np.log(RATE_RATIO) * min(1.0, (e + 1) / RAMP) if e >= 0 else 0.0


def staggered(worlds: int, seed0: int = 500, twfe: bool = True) -> dict:
    true_att = np.mean([truth(e) for e in range(24)] + [truth(e) for e in range(12)])
    cs, tw, cover, cover_att = [], [], [], []
    for s in range(worlds):
        p, _ = synthetic.panel(**BASE, rate_ratio=RATE_RATIO, ramp=RAMP, seed=seed0 + s)
        es = event_study(p, exposure="exposure")
        f = es.to_frame()
        post = f[f["rel_time"] >= 0]
        t = post["rel_time"].map(truth)
        cover.append(((post["lower"] <= t) & (t <= post["upper"])).mean())
        cover_att.append(es.ci[0] <= true_att <= es.ci[1])
        cs.append(es.att - true_att)
        if twfe:
            tw.append(panel_did(p, exposure="exposure", inference="cluster").coef - true_att)
    out = {"bias_cs": np.mean(cs), "sd_cs": np.std(cs), "att_coverage": np.mean(cover_att),
           "pointwise_coverage": np.mean(cover)}
    if twfe:
        out["bias_twfe"] = np.mean(tw)
    return out


def one_school(worlds: int, seed0: int = 900) -> dict:
    covered, pointwise = [], []
    for s in range(worlds):
        p, _ = synthetic.panel(**{**BASE, "treated_units": 1, "later_units": 1}, rate_ratio=1.0, seed=seed0 + s)
        es = event_study(p, exposure="exposure")
        covered.append(es.ci[0] <= 0 <= es.ci[1])
        post = es.to_frame().query("rel_time >= 0")
        pointwise.append(((post["lower"] <= 0) & (0 <= post["upper"])).mean())
    return {"one_school_att_coverage": np.mean(covered), "one_school_pointwise_coverage": np.mean(pointwise)}


def pretrend(worlds: int, seed0: int = 3000, n_resamples: int = 199) -> dict:
    ok, bad = [], []
    for s in range(worlds):
        p, _ = synthetic.panel(**BASE, rate_ratio=1.0, seed=seed0 + s)
        ok.append(event_study(p, exposure="exposure", n_resamples=n_resamples).pretrend_p < 0.05)
        p, _ = synthetic.panel(**BASE, rate_ratio=1.0, trend_treated=0.02, seed=seed0 + s)
        bad.append(event_study(p, exposure="exposure", n_resamples=n_resamples).pretrend_p < 0.05)
    return {"pretrend_size": np.mean(ok), "pretrend_power": np.mean(bad)}


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    t0 = time.perf_counter()
    for part in (staggered(n), one_school(n), pretrend(n)):
        for k, v in part.items():
            print(f"{k:>32}: {v:.4f}")
    print(f"{'seconds':>32}: {time.perf_counter() - t0:.1f}")
