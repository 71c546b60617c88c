"""Speed of disclosure control (`make bench`): suppression with its LP audit, and the audit alone.

Cases: 2,000 small random tables (2–4 × 2–4 counts, Poisson means 0.5–15, seed 2024; the same
tables as ``tests/test_disclosure.py``) protected and audited as one set, and one 50×50 table with a
third of its cells below 5 (the table ``benchmarks/run.py`` always used). Seconds depend on the
machine; the number of hidden cells does not.
"""
from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from evaluatie.privacy import audit, suppress


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def run() -> list[str]:
    rng = np.random.default_rng(2024)
    tables = {k: pd.DataFrame(rng.poisson(rng.uniform(0.5, 15), size=(rng.integers(2, 5), rng.integers(2, 5))))
              for k in range(2000)}
    protected, t_suppress = _timed(lambda: suppress(tables, totals=True))
    report, t_audit = _timed(lambda: audit(protected))
    lines = [f"suppress, 2.000 kleine tabellen als één stelsel: {t_suppress:.1f} s; audit: {t_audit:.1f} s "
             f"({len(report)} afgeschermde cellen, alle beschermd: {bool(report['protected'].all())})"]
    big = pd.DataFrame(pd.Series(range(2500)).sample(frac=1, random_state=1).to_numpy().reshape(50, 50) % 12)
    protected, t_suppress = _timed(lambda: suppress(big, totals=True))
    report, t_audit = _timed(lambda: audit(protected))
    lines.append(f"suppress, 50×50 tabel: {t_suppress:.1f} s; audit: {t_audit:.1f} s ({len(report)} afgeschermde "
                 f"cellen, alle beschermd: {bool(report['protected'].all())})")
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
    sys.exit(0)
