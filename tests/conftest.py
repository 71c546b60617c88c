import os
from pathlib import Path

import matplotlib

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
