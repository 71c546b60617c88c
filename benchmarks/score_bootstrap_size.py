"""Validation (slow): size and power of the wild score cluster bootstrap for counts (issue #16).

Each simulated world is a school × month panel of overdispersed referral counts (``synthetic.panel``:
negative binomial with ``var = mu + mu²/3``, school effects with sd 0.3, a yearly season, exposure =
pupils), with the treated schools drawn at random. ``panel_did(..., inference="wild")`` tests "no
effect" with the wild score cluster bootstrap (Kline & Santos 2012) of the Poisson and the
quasi-Poisson model; randomization inference (the default with so few schools; exact with 455
assignments for 3 of 15, 999 sampled for 6 of 30) is run on the same worlds for context. Designs: 3 of 15 schools treated and 6 of 30, 12 months, start at month 6.

* size: share of worlds with p < 0.05 when the true rate ratio is 1 (target 3–7%);
* power: the same share when the true rate ratio is 0.75;
* coverage: share of worlds (rate ratio 0.75, other worlds) whose 95% interval, found by
  inverting the test, contains the truth.

Measured (1,000 worlds each, 999 draws): size 0.037 (3 of 15) and 0.048 (6 of 30); power at rate
ratio 0.75 0.092 and 0.227 (randomization inference on the same worlds: size 0.048 and 0.040, power
0.107 and 0.203). Poisson and quasi-Poisson give identical p-values (the dispersion cancels in the
studentized statistic). Coverage of the 95% interval at rate ratio 0.75: 0.971 (3 of 15; 3.9% of
the intervals unbounded, conservative like the size) and 0.953 (6 of 30). Asserted (slow tests):
size 3–7% and coverage 0.929–0.985 (nominal − 3 Monte Carlo se, conservative side allowed).

The Monte Carlo standard error of a rejection rate near 5% over N worlds is sqrt(0.05 · 0.95 / N)
(0.0069 at N = 1,000). The assertion with matching bounds is ``tests/test_score_bootstrap.py::
test_size_slow`` (marked slow). Results are merged into ``benchmarks/results.json`` under
``score_bootstrap_size``.

Run: ``.venv/bin/python benchmarks/score_bootstrap_size.py [worlds] [draws]`` (default 1000 worlds,
999 draws per test).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from evaluatie import synthetic
from evaluatie.did import panel_did

DESIGNS = ((15, 3), (30, 6))
RESULTS = Path(__file__).parent / "results.json"
METHODS = {"poisson": dict(family="poisson", inference="wild"),            # score bootstrap, Poisson
           "quasipoisson": dict(family="quasipoisson", inference="wild"),  # score bootstrap, quasi-Poisson
           "randomization": dict(family="poisson", inference="randomization")}  # context: the default here


def rejection(n_units: int, n_treated: int, rate_ratio: float, worlds: int, draws: int = 999,
              methods=("poisson", "quasipoisson"), n_periods: int = 12, seed: int = 2026) -> dict:
    """Share of ``worlds`` simulated studies in which each method (``METHODS``) rejects at 5%."""
    rng = np.random.default_rng([seed, n_units, n_treated, int(1000 * rate_ratio)])
    hits = {m: 0 for m in methods}
    for _ in range(worlds):
        panel, _ = synthetic.panel(n_units=n_units, n_periods=n_periods, treated_units=n_treated,
                                   start_period=n_periods // 2, rate_ratio=rate_ratio, dispersion=3.0, baseline=6.0,
                                   seed=int(rng.integers(2**31)))
        world_seed = int(rng.integers(2**31))
        for m in methods:
            r = panel_did(panel, exposure="exposure", n_resamples=draws, conf_int=False, seed=world_seed, **METHODS[m])
            hits[m] += r.p_value < 0.05
    return {m: hits[m] / worlds for m in methods}


def run(worlds: int = 1000, draws: int = 999) -> pd.DataFrame:
    rows = []
    for n_units, n_treated in DESIGNS:
        for what, rr in (("size", 1.0), ("power", 0.75)):
            start = time.perf_counter()
            rates = rejection(n_units, n_treated, rr, worlds, draws, methods=tuple(METHODS))
            for method, rate in rates.items():
                rows.append({"n_units": n_units, "n_treated": n_treated, "rate_ratio": rr, "measure": what,
                             "method": method, "rejection_rate": rate,
                             "mc_se": float(np.sqrt(rate * (1 - rate) / worlds)), "worlds": worlds, "draws": draws,
                             "seconds_all_methods": time.perf_counter() - start})
    return pd.DataFrame(rows)


def coverage(n_units: int, n_treated: int, worlds: int = 500, rate_ratio: float = 0.75, draws: int = 999,
             n_periods: int = 12, seed: int = 7) -> dict:
    """Share of worlds (true rate ratio ``rate_ratio``) whose score-bootstrap interval (95%, by test
    inversion) contains the truth, and the share of unbounded intervals."""
    rng = np.random.default_rng([seed, n_units, n_treated])
    hits = unbounded = 0
    for _ in range(worlds):
        panel, _ = synthetic.panel(n_units=n_units, n_periods=n_periods, treated_units=n_treated,
                                   start_period=n_periods // 2, rate_ratio=rate_ratio, dispersion=3.0, baseline=6.0,
                                   seed=int(rng.integers(2**31)))
        r = panel_did(panel, exposure="exposure", inference="wild", n_resamples=draws, seed=int(rng.integers(2**31)))
        hits += r.ratio_ci[0] <= rate_ratio <= r.ratio_ci[1]
        unbounded += not np.isfinite(r.ci).all()
    return {"n_units": n_units, "n_treated": n_treated, "rate_ratio": rate_ratio, "coverage": hits / worlds,
            "mc_se": float(np.sqrt(0.95 * 0.05 / worlds)), "unbounded": unbounded / worlds, "worlds": worlds,
            "draws": draws}


def save(table: pd.DataFrame, cover: list[dict]) -> None:
    """Merge into benchmarks/results.json (other benchmarks' entries are kept)."""
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["score_bootstrap_size"] = table.to_dict(orient="records")
    results["score_bootstrap_coverage"] = cover
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def markdown(table: pd.DataFrame) -> str:
    lines = ["| design | rate ratio | method | rejection rate at 5% | MC se | worlds |", "|---|---|---|---|---|---|"]
    for r in table.itertuples():
        lines.append(f"| {r.n_treated} of {r.n_units} treated | {r.rate_ratio:g} | {r.method} | "
                     f"{r.rejection_rate:.3f} | {r.mc_se:.3f} | {r.worlds} |")
    return "\n".join(lines)


if __name__ == "__main__":
    worlds = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else 999
    table = run(worlds, draws)
    cover = [coverage(n_units, n_treated, worlds=worlds, draws=draws) for n_units, n_treated in DESIGNS]
    save(table, cover)
    print(markdown(table))
    print("\n| design | coverage of the 95% interval at rate ratio 0.75 | MC se | unbounded | worlds |\n|---|---|---|---|---|")
    for c in cover:
        print(f"| {c['n_treated']} of {c['n_units']} treated | {c['coverage']:.3f} | {c['mc_se']:.3f} | "
              f"{c['unbounded']:.3f} | {c['worlds']} |")
