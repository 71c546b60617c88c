"""Every notebook: committed without outputs, in sync with its py:percent pair, and runs top to bottom."""
import json

import jupytext
import pytest

from evaluatie.cli import run_notebooks


@pytest.fixture(scope="module")
def notebooks(request):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "notebooks"
    return sorted(folder.glob("*.ipynb"))


def test_notebooks_are_paired_and_clean(notebooks):
    assert notebooks, "geen notebooks gevonden"
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") and not c.get("execution_count") for c in nb["cells"]), path.name
        pair = jupytext.read(path.with_suffix(".py"))
        assert [c.source for c in pair.cells] == [c.source for c in jupytext.read(path).cells], path.name
        code = "\n".join(c.source for c in pair.cells if c.cell_type == "code")
        assert "def " not in code and "class " not in code, f"{path.name}: logica hoort in evaluatie/"


@pytest.mark.notebook
def test_notebooks_run_top_to_bottom(notebooks, root):
    ran = run_notebooks(root / "notebooks")
    assert [p.name for p in ran] == [p.name for p in notebooks]
    assert (root / "figures" / "00_kwaliteit_rommelig_bestand.png").exists()
    assert (root / "figures" / "01_verzamelcurve_1.png").exists() and (root / "figures" / "01_scholen.svg").exists()
    assert (root / "figures" / "02_effect_verschil_in_verschillen.pdf").exists()
    assert (root / "figures" / "02b_tijdreeks_gemeente.png").exists()
    assert (root / "figures" / "04_thuiszitters_tijd_tot_plek.png").exists()
