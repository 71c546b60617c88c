"""Coverage of the ITS interval for the level change under autocorrelation (``its.segmented``).

Monthly series from ``synthetic.series`` (AR(1) = 0.5 on the log rate, noise sd 0.08, a yearly
season, level ratio 0.8, slope ratio 0.99) of 48, 60 and 120 months with the start halfway (60: at
month 36). Quasi-Poisson with Fourier seasonality; standard errors: ``ar`` (the default), the
model's own (``model``) and Newey–West with 3 lags (``newey_west``). Reports the share of 95%
intervals containing the true level ratio.

Run: ``.venv/bin/python benchmarks/its_coverage.py [series]`` (default 300 per length).
"""
from __future__ import annotations

import sys
import time
import warnings

import numpy as np

from evaluatie import synthetic
from evaluatie.its import segmented

DESIGNS = {48: 24, 60: 36, 120: 60}


def coverage(n_periods: int, worlds: int, errors: str = "ar", seed0: int = 1000) -> float:
    hits = []
    for s in range(worlds):
        d, truth = synthetic.series(n_periods=n_periods, intervention_period=DESIGNS[n_periods], seed=seed0 + s)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = segmented(d, "count", "period", "intervention", exposure="exposure", seasonality="fourier",
                          errors=errors)
        hits.append(r.level_ci[0] <= truth["level_ratio"] <= r.level_ci[1])
    return float(np.mean(hits))


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    t0 = time.perf_counter()
    for months in DESIGNS:
        row = {e: coverage(months, n, e) for e in ("ar", "model", "newey_west")}
        print(f"{months:>4} months: " + ", ".join(f"{k} {v:.3f}" for k, v in row.items()))
    print(f"seconds: {time.perf_counter() - t0:.1f}")
