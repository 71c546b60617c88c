"""Benchmark 5 (issue #16): how long ``import evaluatie`` (and the modules a notebook starts with) take,
and with ``--demo`` the wall time of ``evaluatie demo`` (all notebooks, the bulk of ``make demo``).

Each import runs in a fresh interpreter (best of ``--repeat``), against the bare interpreter start in the
same run (``python -c pass``) as the baseline. For each it also lists which heavy libraries got loaded
(duckdb, matplotlib, statsmodels, scipy, pandera, openpyxl, cbsodata): the package imports them lazily,
only when a function needs them, and ``tests/test_duckdb_panel.py`` checks that ``import evaluatie``,
``evaluatie.zorgvraag`` and ``evaluatie.cbs`` load no duckdb, matplotlib or statsmodels.

Run: ``python benchmarks/import_time.py [--repeat 5]``; results are merged into ``benchmarks/results.json``
(key ``import_time``) and printed as a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("duckdb", "matplotlib", "statsmodels", "scipy", "pandera", "openpyxl", "cbsodata", "pandas")
STATEMENTS = {
    "python (bare)": "pass",
    "import evaluatie": "import evaluatie",
    "import evaluatie.zorgvraag": "import evaluatie.zorgvraag",
    "import evaluatie.cbs": "import evaluatie.cbs",
    "import evaluatie.io": "import evaluatie.io",
    "import evaluatie.did": "import evaluatie.did",
}


def loaded_heavy(statement: str) -> list[str]:
    """Heavy libraries in ``sys.modules`` after ``statement`` in a fresh interpreter."""
    code = f"import sys\n{statement}\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return [m for m in out.stdout.strip().split(",") if m]


def seconds(statement: str, repeat: int = 5) -> float:
    """Best wall time of ``python -c statement`` over ``repeat`` fresh interpreters."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        best = min(best, time.perf_counter() - start)
    return best


def run(repeat: int = 5) -> dict:
    out = {}
    for label, statement in STATEMENTS.items():
        out[label] = {"seconds": seconds(statement, repeat), "heavy_loaded": loaded_heavy(statement)}
    bare = out["python (bare)"]["seconds"]
    for label in out:
        out[label]["above_bare_s"] = out[label]["seconds"] - bare
    return out


def demo_seconds() -> dict:
    """Wall time of the demo (``evaluatie demo``: every notebook on the example data, the first step of
    ``make demo``), run in a fresh interpreter with its figures and tables written to a temporary folder
    (``EVALUATIE_FIGUREN`` / ``EVALUATIE_RAPPORTEN``) so the checkout is not touched."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="evaluatie_demo_") as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "EVALUATIE_FIGUREN": str(Path(tmp) / "figures"),
               "EVALUATIE_RAPPORTEN": str(Path(tmp) / "reports"), "MPLBACKEND": "Agg"}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "evaluatie", "demo", "--notebooks", str(ROOT / "notebooks")],
                       check=True, env=env, cwd=tmp, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        n_figures = len(list((Path(tmp) / "figures").glob("*.png")))
    return {"seconds": seconds, "figures": n_figures, "load_average": os.getloadavg()[0]}


def markdown(result: dict) -> str:
    lines = ["| statement | seconds | above bare python | heavy libraries loaded |", "|---|---|---|---|"]
    for label, r in result.items():
        lines.append(f"| `{label}` | {r['seconds']:.2f} | {r['above_bare_s']:.2f} | {', '.join(r['heavy_loaded']) or '—'} |")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--demo", action="store_true", help="also time the demo (every notebook; minutes)")
    args = parser.parse_args()
    res = run(args.repeat)
    demo = demo_seconds() if args.demo else None
    if not args.no_save:
        sys.path.insert(0, str(Path(__file__).parent))
        from to_panel_scale import save

        save("import_time", {"statements": res, "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                             "load_average": os.getloadavg()[0], **({"demo": demo} if demo else {})})
    print(markdown(res))
    if demo:
        print(f"\n`evaluatie demo` (alle notebooks, stap 1 van `make demo`): {demo['seconds']:.0f} s, "
              f"{demo['figures']} figuren (belasting {demo['load_average']:.1f})")
