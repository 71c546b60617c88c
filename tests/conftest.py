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
# Executed notebooks (working copies) never land in the project's notebooks/uitgevoerd/ during tests.
os.environ.setdefault("EVALUATIE_WERKMAP", str(Path(__import__("tempfile").mkdtemp(prefix="evaluatie-werk-"))))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def root() -> Path:
    return ROOT
