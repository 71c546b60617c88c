"""Benchmark 2 (issue #16): wild score cluster bootstrap for Poisson against the linear wild bootstrap.

Same panel (15 schools × 36 months, 3 treated from month 12, overdispersed counts), 9,999 Rademacher
draws, measured side by side in one run (best of 3 calls, ``benchmarks/_timing.py``):

* ``panel_did(family="poisson", inference="wild")`` — score bootstrap: a restricted Poisson fit with
  absorbed fixed effects plus G projections per tested value, then one matrix product for all draws;
* ``panel_did(family="gaussian", inference="wild")`` — the linear restricted wild cluster bootstrap
  (WCR by cluster sums) on the rate per 1,000 pupils;

each for the p-value alone and with the 95% interval (test inversion). Target: the Poisson score
bootstrap within 2× the linear wild bootstrap (the 1-minute load average of the machine is
recorded: other processes slow both sides alike, the ratio is what counts). Results are merged into ``benchmarks/results.json``
under ``score_bootstrap_speed`` (other entries kept) and printed as a Markdown table.

Run: ``.venv/bin/python benchmarks/score_bootstrap_speed.py``
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import best_of  # noqa: E402

from evaluatie import synthetic  # noqa: E402
from evaluatie.did import panel_did  # noqa: E402

RESULTS = Path(__file__).parent / "results.json"


def run(n_units: int = 15, n_periods: int = 36, draws: int = 9999, repeat: int = 3) -> list[dict]:
    panel, _ = synthetic.panel(n_units=n_units, n_periods=n_periods, treated_units=3, start_period=12,
                               rate_ratio=0.75, dispersion=3.0, seed=3)
    panel["rate"] = panel["count"] / panel["exposure"] * 1000
    score = dict(exposure="exposure", family="poisson", inference="wild", weights="rademacher", n_resamples=draws,
                 seed=1)
    linear = dict(outcome="rate", family="gaussian", inference="wild", weights="rademacher", n_resamples=draws, seed=1)
    rows = []
    for what, conf_int in (("p_value", False), ("with_interval", True)):
        t_score = best_of(lambda c=conf_int: panel_did(panel, conf_int=c, **score), repeat)
        t_linear = best_of(lambda c=conf_int: panel_did(panel, conf_int=c, **linear), repeat)
        rows.append({"clusters": n_units, "rows": len(panel), "draws": draws, "what": what,
                     "score_poisson_s": t_score, "linear_wild_s": t_linear, "ratio": t_score / t_linear,
                     "target_ratio": 2.0, "load_1min": os.getloadavg()[0]})
    return rows


def save(rows: list[dict]) -> None:
    """Merge into benchmarks/results.json (other benchmarks' entries are kept)."""
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results["score_bootstrap_speed"] = rows
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def markdown(rows: list[dict]) -> str:
    lines = ["| score bootstrap (Poisson) vs linear wild bootstrap, 15 clusters, 9,999 draws | Poisson s | linear s | "
             "ratio (target ≤ 2) |", "|---|---|---|---|"]
    lines += [f"| {r['what'].replace('_', ' ')} | {r['score_poisson_s']:.3f} | {r['linear_wild_s']:.3f} | "
              f"{r['ratio']:.2f} |" for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    rows = run()
    save(rows)
    print(markdown(rows))
