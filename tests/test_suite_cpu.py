"""benchmarks/suite_cpu.py, the CPU guard of `make test` (issue #12): it counts the CPU of each test, of the
processes a test leaves behind (orphans), and exits with 1 over budget."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BURN = "import time\nend = time.process_time() + 0.2\nwhile time.process_time() < end:\n    pass\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="child subreaper (prctl) is Linux-only")
def test_suite_cpu_counts_tests_and_orphaned_processes_and_enforces_the_budget(tmp_path):
    orphan = "import os\nif os.fork():\n    os._exit(0)\n" + BURN  # the child exits at once, its child burns on
    (tmp_path / "test_burn.py").write_text(textwrap.dedent(f"""
        import subprocess, sys

        def test_burns():
            exec({BURN!r})

        def test_leaves_an_orphan():
            subprocess.run([sys.executable, "-c", {orphan!r}], check=True)
        """), encoding="utf-8")
    out = tmp_path / "meting.json"
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "suite_cpu.py"), "--budget", "0.2", "--json",
                          str(out), "--", str(tmp_path / "test_burn.py"), "-q", "-p", "no:cacheprovider"],
                         cwd=tmp_path, capture_output=True, text=True)
    r = json.loads(out.read_text(encoding="utf-8"))
    assert run.returncode == 1 and "BOVEN HET BUDGET" in run.stdout  # 0.4 s of work > 0.2 s budget
    assert r["exit"] == 0 and r["tests"] == 2 and r["within_budget"] is False
    per_test = {name.split("::")[1]: cpu for name, cpu in r["slowest"]}
    assert per_test["test_burns"] >= 0.18
    assert per_test["test_leaves_an_orphan"] < 0.18  # the orphan's work is not the test's own ...
    assert r["orphans"] >= 0.18  # ... but it is counted in the total (/usr/bin/time would miss it)
    assert r["user"] + r["sys"] >= per_test["test_burns"] + r["orphans"]
