"""Speed and memory of ``evaluatie.read_table`` on a large panel CSV, against ``pandas.read_csv`` in the same run.

Targets (issue #10): a 1 M-row panel within 10× of ``pandas.read_csv``, peak memory below 5× the file
size, time linear in rows. Each measurement runs in a fresh process, so peak memory (``ru_maxrss``
above the process's memory after imports) belongs to that one call. Times are the best of three
calls; the seconds depend on the machine, the ratios much less.

Run: ``python benchmarks/read_table_speed.py [rows ...]`` (default 100000 1000000).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

os.environ.setdefault("EVALUATIE_SLEUTEL", "benchmark-sleutel-0123456789")


def make_panel(path: Path, n_rows: int, seed: int = 1) -> Path:
    """A Dutch-style panel CSV (``;``, Dutch headers, months, ja/nee, Dutch start dates) of about ``n_rows`` rows."""
    rng = np.random.default_rng(seed)
    n_periods = 36
    n_units = max(1, n_rows // n_periods)
    months = pd.period_range("2021-08", periods=n_periods, freq="M").astype(str)
    unit = np.repeat([f"IKC De Linde {i}" for i in range(n_units)], n_periods)
    start_period = rng.integers(12, 30, n_units)
    treated_unit = rng.random(n_units) < 0.4
    period_idx = np.tile(np.arange(n_periods), n_units)
    treated = treated_unit.repeat(n_periods) & (period_idx >= start_period.repeat(n_periods))
    start = np.where(treated_unit, [f"1-{int(months[s][5:])}-{months[s][:4]}" for s in start_period], "")
    frame = pd.DataFrame({
        "School": unit, "Maand": np.tile(months, n_units), "Aantal": rng.poisson(3, n_units * n_periods),
        "Leerlingen": np.repeat(rng.integers(150, 1200, n_units), n_periods),
        "Jeugdondersteuner": np.where(treated, "ja", "nee"), "Startdatum": start.repeat(n_periods),
    })
    frame.to_csv(path, sep=";", index=False)
    return path


def _peak_mb() -> float:
    """Peak resident memory of this process (VmHWM; unlike ru_maxrss it does not inherit the parent's peak)."""
    status = Path("/proc/self/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]) / 1e3


def _measure(what: str, path: str, repeat: int = 3) -> dict:
    """Run in a child process: seconds (best of ``repeat``) and peak extra memory (MB) of one call."""
    from evaluatie import read_table

    if what == "read_table":
        def call():
            return read_table(path, kind="panel")
    else:
        def call():
            return pd.read_csv(path, sep=";")
    small = Path(tempfile.mkdtemp()) / "klein.csv"  # warm-up: module imports are not part of the call
    small.write_text("School;Maand;Aantal\nA;2024-01;1\n")
    read_table(small, kind="panel") if what == "read_table" else pd.read_csv(small, sep=";")
    before = int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
        if i == 0:
            peak = _peak_mb() - before
        del result
    rows = None
    if what == "read_table":
        rows = int(call()[1].n_used)
    return {"seconds": min(times), "peak_mb": peak, "rows": rows}


def measure(what: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", what, str(path)], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes=(100_000, 1_000_000)) -> list[dict]:
    """Measure every size; return one dict per size with the ratios."""
    folder = Path(tempfile.mkdtemp())
    results = []
    for n in sizes:
        path = make_panel(folder / f"panel_{n}.csv", n)
        size_mb = path.stat().st_size / 1e6
        base, ours = measure("read_csv", path), measure("read_table", path)
        results.append({"rows": n, "file_mb": size_mb, "read_csv_s": base["seconds"], "read_table_s": ours["seconds"],
                        "ratio": ours["seconds"] / base["seconds"], "peak_mb": ours["peak_mb"],
                        "memory_ratio": ours["peak_mb"] / size_mb, "rows_used": ours["rows"]})
        path.unlink()
    return results


def report(results: list[dict]) -> str:
    """Dutch summary lines: ratio to pandas.read_csv, peak memory relative to the file, time per row."""
    from evaluatie.text import format_number as f

    lines = []
    for r in results:
        lines.append(f"read_table, paneel {f(r['rows'])} rijen ({f(r['file_mb'])} MB): {f(r['ratio'], 1)}× "
                     f"pandas.read_csv ({f(r['read_table_s'], 2)} s vs {f(r['read_csv_s'], 2)} s); piekgeheugen "
                     f"{f(r['peak_mb'])} MB = {f(r['memory_ratio'], 1)}× de bestandsgrootte")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        per_row = (b["read_table_s"] / b["rows"]) / (a["read_table_s"] / a["rows"])
        lines.append(f"lineair in rijen: tijd per rij bij {f(b['rows'])} / bij {f(a['rows'])} rijen = {f(per_row, 2)}")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        print(json.dumps(_measure(sys.argv[2], sys.argv[3])))
        sys.exit(0)
    sizes = tuple(int(a) for a in sys.argv[1:]) or (100_000, 1_000_000)
    print(report(run(sizes)))
