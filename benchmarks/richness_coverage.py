"""Validation (slow): coverage of the "all files read" prediction interval of ``richness.accumulation``.

A synthetic SBO school of 160 pupils (``synthetic.dossier``, known truth) is generated anew in each
repetition; students read ``m`` random files; the prediction interval for all 160 files should contain
the number of agencies a complete study of that school finds in about 95% of the repetitions. With
600 schools per design the Monte Carlo standard error of a coverage near 95% is 0.9 points. The same
simulation is asserted by ``tests/test_richness.py::test_prediction_interval_coverage`` (slow).

Run: ``.venv/bin/python benchmarks/richness_coverage.py [repetitions] [files_read ...]``
"""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from evaluatie import synthetic
from evaluatie.nulmeting import incidence_matrix
from evaluatie.richness import accumulation

DESIGNS = (20, 40, 80, 120, 150)


def coverage(files_read: int, repetitions: int = 600, n_pupils: int = 160, seed: int = 2014) -> dict:
    """Share of repetitions whose interval (whole agencies) contains the true count, with its Monte Carlo SE."""
    rng = np.random.default_rng(seed)
    hits, widths, errors = [], [], []
    for rep in range(repetitions):
        d, truth = synthetic.dossier(n_pupils, p_variant=0, seed=int(rng.integers(2**31)))
        d = d.rename(columns={"agency_raw": "agency"})
        read = rng.choice(d["pupil"].unique(), files_read, replace=False)
        total = accumulation(incidence_matrix(d[d["pupil"].isin(read)]), n_total=n_pupils, seed=rep).total
        lower, upper = round(total["lower"]), round(total["upper"])
        hits.append(lower <= truth["n_agencies_true"] <= upper)
        widths.append(upper - lower)
        errors.append(total["estimate"] - truth["n_agencies_true"])
    share = float(np.mean(hits))
    return {"files_read": files_read, "coverage": share, "mc_se": np.sqrt(share * (1 - share) / repetitions),
            "mean_width": np.mean(widths), "bias": np.mean(errors), "repetitions": repetitions}


if __name__ == "__main__":
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    designs = [int(a) for a in sys.argv[2:]] or DESIGNS
    for i, m in enumerate(designs):  # one row at a time: the whole run takes minutes
        print(pd.DataFrame([coverage(m, reps)]).round(3).to_string(index=False, header=i == 0), flush=True)
