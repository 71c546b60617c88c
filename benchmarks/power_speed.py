"""Benchmark 1 of issue #16: a power curve, 5 effect sizes × 1,000 simulated studies of 15 schools
(3 with a youth worker, 36 months) with randomization inference. Target: under 60 s on 2 cores.

New path: :func:`evaluatie.power.simulate_did` (vectorized p-values, chunks over worker processes).
Baseline in the same run: the hand-written loop a researcher writes today, one
``panel_did(inference="randomization", conf_int=False)`` per simulated study, timed on a sample of
studies and scaled to all 5,000.

Writes ``benchmarks/results.json`` (key ``power_curve``; other keys are kept) and prints a Markdown
table row. Run: ``.venv/bin/python benchmarks/power_speed.py`` (``--smoke`` for a small run).
"""
from __future__ import annotations

import json
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np

from evaluatie.power import _designs, _study_frame, _Studies, simulate_did

RESULTS = Path(__file__).parent / "results.json"
RATIOS = [1.0, 0.9, 0.8, 0.7, 0.6]
DESIGN = dict(n_units=15, n_treated=3, n_periods=36, baseline_rate=3.0, pupils_per_unit=300, between_unit_sd=0.3,
              overdispersion=0.0, staggered=False, inference="randomization")


def baseline_per_study(design: dict, sample: int = 10) -> float:
    """Seconds per simulated study of the panel_did loop (same design and data generator)."""
    from evaluatie.did import panel_did

    d = _designs(design)[0]
    st = _Studies(d, 1, 0, sample)
    y = st.counts(np.full(sample, 0.8))
    frames = [_study_frame(d, y[i]) for i in range(sample)]
    panel_did(frames[0], exposure="exposure", inference="randomization", conf_int=False, seed=0)  # warm imports
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, f in enumerate(frames):
            panel_did(f, exposure="exposure", inference="randomization", conf_int=False, seed=i)
    return (time.perf_counter() - start) / sample


def merge_results(key: str, value: dict) -> None:
    """Update one key of benchmarks/results.json, keeping the others (other benchmarks write there too)."""
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    data[key] = value
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def run(name: str, design: dict, n_sims: int, sample: int) -> tuple[dict, str]:
    """Time one power curve on 2 cores and on 1, and the panel_did loop baseline for the same studies."""
    start = time.perf_counter()
    res = simulate_did(**design, rate_ratio=RATIOS, n_sims=n_sims, seed=1, n_jobs=2, progress=False)
    two_cores = time.perf_counter() - start
    start = time.perf_counter()
    simulate_did(**design, rate_ratio=RATIOS, n_sims=n_sims, seed=1, n_jobs=1, progress=False)
    one_core = time.perf_counter() - start
    studies = len(RATIOS) * n_sims
    loop = baseline_per_study(design, sample) * studies
    power = res.to_frame()["power"].round(3).tolist()
    row = {"cells": len(RATIOS), "n_sims": n_sims, "studies": studies, "seconds_2_cores": round(two_cores, 2),
           "seconds_1_core": round(one_core, 2), "panel_did_loop_seconds": round(loop, 1),
           "loop_over_ours": round(loop / two_cores, 1), "target_seconds": 60, "target_met": two_cores < 60,
           "n_assignments": int(res.to_frame()["n_assignments"].iloc[0]), "power": power}
    markdown = (f"| {name} | {two_cores:.1f} s (n_jobs=2), {one_core:.1f} s (n_jobs=1) | panel_did-lus {loop:.0f} s | "
                f"{loop / two_cores:.0f}× | < 60 s: {'ja' if two_cores < 60 else 'nee'} |")
    row["markdown"] = markdown
    return row, markdown


def main(argv=None) -> int:
    smoke = "--smoke" in (argv if argv is not None else sys.argv[1:])
    n_sims = 50 if smoke else 1000
    sample = 3 if smoke else 10
    big = dict(DESIGN, n_units=30, n_treated=6)
    rows = [run(f"bench 1: 5 × {n_sims} studies, 15 scholen (3 behandeld), RI", DESIGN, n_sims, sample),
            run(f"5 × {n_sims} studies, 30 scholen (6 behandeld), RI met 9.999 getrokken toewijzingen", big, n_sims,
                sample)]
    merge_results("power_curve", {"bench1_15_schools": rows[0][0], "30_schools_sampled": rows[1][0],
                                  "cpu_count": os.cpu_count(), "smoke": smoke})
    print("| benchmark | ons pad | basislijn | verhouding | doel |")
    print("|---|---|---|---|---|")
    for row, markdown in rows:
        print(markdown)
    print(f"onderscheidend vermogen bij RR {RATIOS}: 15 scholen {rows[0][0]['power']}, 30 scholen {rows[1][0]['power']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
