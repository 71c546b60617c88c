import os
from pathlib import Path

# One BLAS/OpenMP thread, set before numpy is first imported (matplotlib imports it) and inherited by
# notebook kernels and CLI subprocesses: on a busy 2-core machine a second BLAS thread only spins on the
# suite's small matrices (issue #12; measured 3x interleaved on test_did/nulmeting/its/score_bootstrap/
# disclosure: 28.1 s CPU with 2 threads, 24.1 s with 1).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The corpus writer is a script, not a test module: collecting it would rewrite the corpus files.
collect_ignore = ["corpus/maak_corpus.py"]
# Figures at 100 dpi in tests (kernels and subprocesses inherit it): the same drawing with fewer pixels;
# saving PNGs at 300 dpi was the largest single cost of the notebook and report tests.
os.environ.setdefault("EVALUATIE_PNG_DPI", "100")
# A fixed test key, set before any notebook kernel starts so that kernels inherit it.
os.environ.setdefault("EVALUATIE_SLEUTEL", "test-sleutel-alleen-voor-de-testsuite")
# Executed notebooks (working copies) never land in the project's notebooks/uitgevoerd/ during tests.
os.environ.setdefault("EVALUATIE_WERKMAP", str(Path(__import__("tempfile").mkdtemp(prefix="evaluatie-werk-"))))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def root() -> Path:
    return ROOT


def pytest_terminal_summary(terminalreporter, config):
    """Print the CPU the run used (issue #12: `make test` under 5 min CPU on a busy 2-core machine)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for f in ("ru_utime", "ru_stime"))
    line = f"CPU van deze testrun (pytest, notebook-kernels, subprocessen): {cpu / 60:.1f} min".replace(".", ",", 1)
    whole = getattr(config, "args_source", None) == pytest.Config.ArgsSource.TESTPATHS  # no paths given
    if whole and config.getoption("markexpr", "") == "not slow" and cpu > 300:
        line += " - LET OP: boven het budget van 5 min voor 'make test' (meet met make bench-suite)"
    terminalreporter.write_line(line)
