"""Validation (slow): coverage of the "all files read" prediction interval of ``richness.accumulation``.

Synthetic schools (``synthetic.dossier``, known truth) are generated once per setting; in each
repetition the students read ``files_read`` random files of a new school, and the prediction interval
for all files should contain the number of agencies a complete study of that school finds in about
95% of the repetitions. With 1000 schools per design the Monte Carlo standard error of a coverage near
95% is 0.7 points. Two settings:

* ``sbo`` (the claim in ``accumulation``'s docstring): SBO schools of 160 pupils with the default
  agency mix (Zipf 1.35 over 60 agencies, 70% of the pupils with 1 + Poisson(0.9) agencies);
* ``large_flat`` (a check that the calibration is not an artefact of one setting): schools of 300
  pupils, a flatter agency mix (Zipf 1.0: more agencies are rare) and fewer agencies per pupil
  (1 + Poisson(0.5)); the same shares of the files are read (1/8, 1/4, 1/2, 3/4 and 15/16).

The same simulation is asserted by ``tests/test_richness.py::test_prediction_interval_coverage`` (slow).

``--poisson`` measures the previous method on the same schools (a Poisson count of new agencies
instead of the binomial one, i.e. ``reach = 0``), for comparison.

Run: ``.venv/bin/python benchmarks/richness_coverage.py [repetitions] [setting ...] [--poisson]``
"""
from __future__ import annotations

import sys
from functools import lru_cache
from unittest import mock

import numpy as np
import pandas as pd

from evaluatie import synthetic
from evaluatie.nulmeting import incidence_matrix
from evaluatie import richness
from evaluatie.richness import accumulation

DESIGNS = (20, 40, 80, 120, 150)  # files read of 160; other settings read the same shares
SETTINGS = {"sbo": {"n_pupils": 160},
            "large_flat": {"n_pupils": 300, "zipf": 1.0, "mean_extra": 0.5}}


@lru_cache(maxsize=4)
def schools(repetitions: int, setting: str = "sbo", seed: int = 2014) -> tuple[np.ndarray, ...]:
    """Complete presence matrices (pupil × agency) of ``repetitions`` synthetic schools, generated once."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(repetitions):
        d, _truth = synthetic.dossier(p_variant=0, seed=int(rng.integers(2**31)), **SETTINGS[setting])
        out.append(incidence_matrix(d.rename(columns={"agency_raw": "agency"})).to_numpy())
    return tuple(out)


def coverage(files_read: int, repetitions: int = 1000, setting: str = "sbo", seed: int = 2014,
             poisson: bool = False) -> dict:
    """Share of repetitions whose interval (whole agencies) contains the true count, with its Monte Carlo SE.

    ``files_read`` counts files of 160; other settings read the same share of their pupils. Also the
    mean width, the mean error of the estimate, and the mean number of new agencies in the unread
    files (true and predicted).
    """
    if poisson:
        with mock.patch.object(richness, "_unseen_reach", lambda *args: 0.0):
            return {**coverage(files_read, repetitions, setting, seed), "method": "poisson"}
    rng = np.random.default_rng(seed + files_read)
    hits, widths, errors, new_true, new_pred = [], [], [], [], []
    for rep, y in enumerate(schools(repetitions, setting, seed)):
        n_pupils = y.shape[0]
        m = int(round(files_read * n_pupils / 160))
        read = rng.choice(n_pupils, m, replace=False)
        truth = int((y.sum(axis=0) > 0).sum())  # what a complete file study finds
        # sizes=[m]: the prediction does not depend on the curve's points, only its time does
        total = accumulation(y[read], n_total=n_pupils, sizes=[m], seed=rep).total
        lower, upper = round(total["lower"]), round(total["upper"])
        hits.append(lower <= truth <= upper)
        widths.append(upper - lower)
        errors.append(total["estimate"] - truth)
        found = int((y[read].sum(axis=0) > 0).sum())
        new_true.append(truth - found)
        new_pred.append(total["estimate"] - found)
    share = float(np.mean(hits))
    return {"setting": setting, "files_read": m, "n_pupils": n_pupils, "coverage": share,
            "mc_se": np.sqrt(share * (1 - share) / repetitions), "mean_width": np.mean(widths),
            "bias": np.mean(errors), "new_true": np.mean(new_true), "new_predicted": np.mean(new_pred),
            "repetitions": repetitions, "method": "binomial"}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--poisson"]
    poisson = "--poisson" in sys.argv
    reps = int(args.pop(0)) if args and args[0].isdigit() else 1000
    settings = args or list(SETTINGS)
    first = True
    for setting in settings:
        for m in DESIGNS:  # one row at a time: the whole run takes a minute or two
            row = pd.DataFrame([coverage(m, reps, setting, poisson=poisson)]).round(3)
            print(row.to_string(index=False, header=first), flush=True)
            first = False
