import os
from pathlib import Path

# One BLAS/OpenMP thread, set before numpy is first imported (matplotlib imports it) and inherited by
# notebook kernels and CLI subprocesses: on a busy 2-core machine a second BLAS thread only spins on the
# suite's small matrices (measured: -25% CPU on test_did/nulmeting/its/score_bootstrap; issue #12).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# The corpus writer is a script, not a test module: collecting it would rewrite the corpus files.
collect_ignore = ["corpus/maak_corpus.py"]
# A fixed test key, set before any notebook kernel starts so that kernels inherit it.
os.environ.setdefault("EVALUATIE_SLEUTEL", "test-sleutel-alleen-voor-de-testsuite")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def root() -> Path:
    return ROOT
