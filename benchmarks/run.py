"""Benchmarks: speed as ratios against a baseline measured in the same run (`make bench`).

Baseline: ``pandas.read_csv`` on the same file (the fastest possible plain read). Ratios tell how much
the validation, reporting and pseudonymization in ``evaluatie.read_table`` cost on top of it; the
absolute seconds depend on the machine and are printed only for context.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

os.environ.setdefault("EVALUATIE_SLEUTEL", "benchmark-sleutel-0123456789")

from evaluatie import read_table, synthetic  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from _timing import best_of  # noqa: E402
import disclosure_speed  # noqa: E402
import read_table_speed  # noqa: E402




def main() -> int:
    folder = Path(tempfile.mkdtemp())
    data, _ = synthetic.referrals(seed=1, n_units=40, n_periods=36)
    path = folder / "verwijzingen.csv"
    data.to_csv(path, sep=";", index=False)
    rows = len(data)
    base = best_of(lambda: pd.read_csv(path, sep=";"))
    ours = best_of(lambda: read_table(path, kind="referrals"))
    print(f"read_table, {rows} rijen: {ours / base:.1f}× pandas.read_csv  ({ours:.2f} s vs {base:.3f} s)")
    # target (issue #10): 1 M-row panel within 10× of pandas.read_csv, peak memory < 5× the file, linear in rows
    print(read_table_speed.report(read_table_speed.run((100_000, 1_000_000))))
    print("\n".join(disclosure_speed.run()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
