"""Validation (slow): staggered roll-out with effects that grow over time.

3 schools start in year 1, 3 in year 2, 9 never (``synthetic.panel``); the rate ratio reaches 0.6
over 12 months. Reports the bias of the overall effect for Callaway–Sant'Anna (``event_study``) and
plain two-way fixed effects (``panel_did``), the pointwise coverage of the event-study intervals,
and how often the pre-trend test rejects with parallel trends and with a violated trend (0.02 on
the log rate per month). The fast version is in tests/test_did.py.

Run: ``.venv/bin/python benchmarks/event_study_validity.py [worlds]``
"""
from __future__ import annotations

import sys

import numpy as np

from evaluatie import synthetic
from evaluatie.did import panel_did
from evaluatie.staggered import event_study

RATE_RATIO, RAMP = 0.6, 12


def truth(e: int) -> float:
    """True log rate ratio e periods after the start."""
    return np.log(RATE_RATIO) * min(1.0, (e + 1) / RAMP) if e >= 0 else 0.0


def run(worlds: int = 100) -> dict:
    true_att = np.mean([truth(e) for e in range(24)] + [truth(e) for e in range(12)])
    cs, twfe, cover, pre_ok, pre_bad = [], [], [], [], []
    for s in range(worlds):
        args = dict(n_units=15, n_periods=36, treated_units=3, later_units=3, start_period=12, later_start=24,
                    rate_ratio=RATE_RATIO, ramp=RAMP, baseline=10, seed=500 + s)
        p, _ = synthetic.panel(**args)
        es = event_study(p, exposure="exposure")
        f = es.to_frame()
        post = f[f["rel_time"] >= 0]
        t = post["rel_time"].map(truth)
        cover.append(((post["lower"] <= t) & (t <= post["upper"])).mean())
        cs.append(es.att - true_att)
        twfe.append(panel_did(p, exposure="exposure", inference="cluster").coef - true_att)
        pre_ok.append(es.pretrend_p < 0.05)
        bad, _ = synthetic.panel(**{**args, "trend_treated": 0.02})
        pre_bad.append(event_study(bad, exposure="exposure").pretrend_p < 0.05)
    return {"true_att": true_att, "bias_cs": np.mean(cs), "sd_cs": np.std(cs), "bias_twfe": np.mean(twfe),
            "sd_twfe": np.std(twfe), "pointwise_coverage": np.mean(cover),
            "pretrend_rejects_parallel": np.mean(pre_ok), "pretrend_rejects_violated": np.mean(pre_bad)}


if __name__ == "__main__":
    for k, v in run(int(sys.argv[1]) if len(sys.argv) > 1 else 100).items():
        print(f"{k:>28}: {v:.4f}")
