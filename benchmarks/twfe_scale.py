"""Two-way fixed effects at regional scale (issue #16, benchmark 4): ``panel_did`` against pyfixest ``fepois``.

A synthetic panel of 2,000 schools × 60 months (120,000 rows; 400 schools start with a youth worker,
half at month 24 and half at month 36, true rate ratio 0.80, school effects, a yearly season and
gamma overdispersion) is fitted by ``panel_did(inference="cluster")`` — Poisson with log(pupils) as
offset, unit and period effects absorbed, cluster-robust standard error by school — and by
``pyfixest.fepois("count ~ treated | unit + period", offset, vcov={"CRV1": "unit"})`` with the same
small-sample correction. Each runs in its own subprocess, after a small warm-up fit (numba compiles
pyfixest on its first call); reported are the best of 3 wall times and the peak memory the fit adds
to the process (``resource.getrusage`` maxrss after minus before the first full fit). The estimates
must agree (rtol 1e-6, checked here; at 100 × 12 in tests/test_fixed_effects.py to 1e-8).

Results are merged into ``benchmarks/results.json`` under ``"twfe_scale"`` (other entries kept) and
printed as a Markdown table. Run: ``.venv/bin/python benchmarks/twfe_scale.py [n_units n_periods]``.
"""
from __future__ import annotations

import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS = Path(__file__).parent / "results.json"
SSC = {"k_adj": True, "k_fixef": "full", "G_adj": True}  # = R sandwich::vcovCL(type = "HC1") on the dummy model


def simulate(n_units: int = 2000, n_periods: int = 60, *, rate_ratio: float = 0.8, seed: int = 1):
    """A school × month panel of referral counts with a known rate ratio (vectorized; returns data, rate_ratio)."""
    rng = np.random.default_rng(seed)
    u = np.repeat(np.arange(n_units), n_periods)
    t = np.tile(np.arange(n_periods), n_units)
    start = np.full(n_units, -1)
    chosen = rng.choice(n_units, n_units // 5, replace=False)
    start[chosen[: len(chosen) // 2]] = int(0.4 * n_periods)
    start[chosen[len(chosen) // 2:]] = int(0.6 * n_periods)
    treated = ((start[u] >= 0) & (t >= start[u])).astype(int)
    pupils = rng.integers(150, 1200, n_units)[u]
    log_mu = (np.log(pupils / 1000 * 4.0) + rng.normal(0, 0.4, n_units)[u] + 0.3 * np.cos(2 * np.pi * t / 12)
              + np.log(rate_ratio) * treated)
    count = rng.poisson(np.exp(log_mu) * rng.gamma(5.0, 1 / 5.0, u.size))
    data = pd.DataFrame({"unit": pd.Series([f"S{i:05d}" for i in range(n_units)])[u].to_numpy(), "period": t,
                         "count": count, "exposure": pupils, "treated": treated, "lexp": np.log(pupils)})
    return data, rate_ratio


def fit_ours(data):
    from evaluatie.did import panel_did

    return panel_did(data, exposure="exposure", inference="cluster")


def fit_fepois(data) -> tuple[float, float]:
    import pyfixest as pf

    f = pf.fepois("count ~ treated | unit + period", data=data, offset="lexp", vcov={"CRV1": "unit"},
                  ssc=pf.ssc(**SSC), fixef_tol=1e-10, iwls_tol=1e-10)
    return float(f.coef()["treated"]), float(f.se()["treated"])


def _worker(which: str, path: str, repeat: int) -> dict:
    import warnings

    warnings.simplefilter("ignore")
    with open(path, "rb") as fh:
        data = pickle.load(fh)
    fit = fit_ours if which == "ours" else fit_fepois
    fit(simulate(40, 12, seed=2)[0])                      # warm-up: imports, numba compilation
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fit(data)
        times.append(time.perf_counter() - start)
        if len(times) == 1:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    coef, se = (out.coef, out.se) if which == "ours" else out
    return {"seconds": min(times), "peak_added_mb": (peak - before) / 1024, "coef": coef, "se": se}


def run(n_units: int = 2000, n_periods: int = 60, repeat: int = 3) -> dict:
    data, truth = simulate(n_units, n_periods)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "panel.pkl"
        path.write_bytes(pickle.dumps(data))
        res = {}
        for which in ("ours", "fepois"):
            proc = subprocess.run([sys.executable, __file__, "--worker", which, str(path), str(repeat)],
                                  capture_output=True, text=True, env=env, check=True)
            res[which] = json.loads(proc.stdout.strip().splitlines()[-1])
    ours, theirs = res["ours"], res["fepois"]
    assert np.allclose([ours["coef"], ours["se"]], [theirs["coef"], theirs["se"]], rtol=1e-6), res
    return {"panel": f"{n_units}×{n_periods}", "rows": len(data), "true_ratio": truth,
            "ratio": float(np.exp(ours["coef"])), "coef": ours["coef"], "se": ours["se"],
            "ours_s": ours["seconds"], "fepois_s": theirs["seconds"], "time_ratio": ours["seconds"] / theirs["seconds"],
            "ours_peak_mb": ours["peak_added_mb"], "fepois_peak_mb": theirs["peak_added_mb"],
            "load_1min": os.getloadavg()[0]}


def save(row: dict) -> None:
    """Merge into benchmarks/results.json (other benchmarks' entries are kept)."""
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["twfe_scale"] = row
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def markdown(row: dict) -> str:
    return "\n".join([
        ("| panel_did (Poisson TWFE, cluster SE) vs pyfixest fepois | rows | ours s | fepois s | time ratio | "
         "ours +MB | fepois +MB | load |"),
        "|---|---|---|---|---|---|---|---|",
        (f"| {row['panel']} | {row['rows']:,} | {row['ours_s']:.2f} | {row['fepois_s']:.2f} | {row['time_ratio']:.2f} | "
         f"{row['ours_peak_mb']:.0f} | {row['fepois_peak_mb']:.0f} | {row['load_1min']:.1f} |")])


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        print(json.dumps(_worker(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
        sys.exit(0)
    sizes = [int(a) for a in sys.argv[1:3]] or [2000, 60]
    row = run(*sizes)
    save(row)
    print(markdown(row))
