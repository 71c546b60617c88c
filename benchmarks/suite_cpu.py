"""CPU budget of the default test suite (`make test`, issue #12): user + sys seconds of the whole tree.

`make test` must stay under 5 minutes of CPU on a busy 2-core machine. Wall time on a shared machine
says little (other load stretches it), so this script measures CPU: the pytest process and everything
it starts (notebook kernels, CLI subprocesses, worker pools), and per test (setup + call + teardown)
through ``getrusage`` of the process and its reaped children. On Linux the script makes itself a child
subreaper: processes orphaned during the run (e.g. joblib/loky workers of a notebook kernel that was shut
down) are re-parented to it and reaped by it, so their CPU is counted too (``/usr/bin/time`` misses it).

Usage (from the project root; runs the suite once, minutes)::

    python benchmarks/suite_cpu.py                 # the default suite as `make test` runs it
    python benchmarks/suite_cpu.py --budget 60 --top 15 -- tests/test_did.py   # a part, own budget

It prints the machine load (``os.getloadavg``), user/sys/wall of the whole run and the tests that cost
the most CPU, and exits with 1 when user + sys is over the budget (default 300 s, the 5 minutes of
issue #12). Also a pytest plugin: ``-p suite_cpu`` with ``benchmarks`` on the
path writes the per-test CPU to the JSON file named in ``EVALUATIE_SUITE_CPU``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ["-m", "not slow", "--cov=evaluatie", "--cov-report=term", "--cov-fail-under=85"]  # as `make test`
BUDGET = 300.0  # seconds of user + sys CPU: the 5 minutes of issue #12


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


class _Plugin:
    """Per-test CPU seconds (all phases), written as JSON at the end of the session."""

    def __init__(self, path: str):
        self.path, self.cpu, self._start = path, {}, {}

    def pytest_runtest_logstart(self, nodeid, location):
        self._start[nodeid] = _cpu()

    def pytest_runtest_logfinish(self, nodeid, location):
        self.cpu[nodeid] = self.cpu.get(nodeid, 0.0) + _cpu() - self._start.pop(nodeid, _cpu())

    def pytest_sessionfinish(self, session):
        Path(self.path).write_text(json.dumps(self.cpu, indent=0), encoding="utf-8")


def pytest_configure(config):  # used as a plugin: `-p suite_cpu`
    path = os.environ.get("EVALUATIE_SUITE_CPU")
    if path:
        config.pluginmanager.register(_Plugin(path), "suite_cpu_recorder")


def run(args: list[str], budget: float = BUDGET, top: int = 15) -> tuple[dict, bool]:
    """Run pytest with ``args`` in the project root; return the measurement and whether it is in budget."""
    out = Path(tempfile.mkdtemp(prefix="suite-cpu-")) / "per_test.json"
    env = dict(os.environ, EVALUATIE_SUITE_CPU=str(out),
               PYTHONPATH=os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT), os.environ.get("PYTHONPATH", "")]))
    subreaper = _become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pytest", "-p", "suite_cpu", *args], cwd=ROOT, env=env)
    _, status, usage = os.wait4(proc.pid, 0)  # rusage of pytest and every descendant it waited for
    wall = time.perf_counter() - start
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    user, sys_ = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    per_test = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    result = {"user": user, "sys": sys_, "wall": wall, "exit": os.waitstatus_to_exitcode(status),
              "orphans": user + sys_ - usage.ru_utime - usage.ru_stime, "subreaper": subreaper,
              "load_before": load_before, "load_after": os.getloadavg(),
              "slowest": sorted(per_test.items(), key=lambda kv: -kv[1])[:top], "tests": len(per_test)}
    return result, user + sys_ <= budget


def _become_subreaper() -> bool:
    """Linux: orphaned descendants are re-parented to this process (so their CPU can be counted)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER


def _reap_orphans(timeout: float = 120.0) -> None:
    """Wait for descendants orphaned during the run (they were re-parented to us) to end."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=BUDGET, help="seconds of user + sys CPU (default 300)")
    parser.add_argument("--top", type=int, default=15, help="how many of the costliest tests to list")
    parser.add_argument("--json", help="also write the measurement to this JSON file")
    parser.add_argument("pytest_args", nargs="*", help="after --: pytest arguments (default: as `make test`)")
    a = parser.parse_args(argv)
    r, ok = run(a.pytest_args or DEFAULT, a.budget, a.top)
    if a.json:
        Path(a.json).write_text(json.dumps(dict(r, budget=a.budget, within_budget=ok), indent=1), encoding="utf-8")
    cpu = r["user"] + r["sys"]
    print(f"\nbelasting (1/5/15 min) voor: {r['load_before'][0]:.1f} {r['load_before'][1]:.1f} "
          f"{r['load_before'][2]:.1f}; na: {r['load_after'][0]:.1f} {r['load_after'][1]:.1f} {r['load_after'][2]:.1f}")
    print(f"pytest (exit {r['exit']}), {r['tests']} tests: user {r['user']:.1f} s + sys {r['sys']:.1f} s = "
          f"{cpu:.1f} s CPU ({cpu / 60:.2f} min), wall {r['wall']:.1f} s; budget {a.budget:.0f} s")
    print(f"waarvan {r['orphans']:.1f} s in processen die pytest niet zelf opruimde (wees-processen, "
          f"{'meegeteld' if r['subreaper'] else 'niet te meten op dit platform'})")
    for nodeid, seconds in r["slowest"]:
        print(f"{seconds:7.1f} s CPU  {nodeid}")
    if not ok:
        print(f"BOVEN HET BUDGET: {cpu:.1f} s > {a.budget:.0f} s CPU")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
