"""Every notebook: committed clean, one settings cell, runs top to bottom, shows every figure and only
Dutch tables — on the example data and on a student-style own file given through the settings cell."""
import json
import re
from html.parser import HTMLParser

import jupytext
import nbformat
import pandas as pd
import pytest

from evaluatie import synthetic
from evaluatie.display import COLUMNS
from evaluatie.notebooks import NOTEBOOKS, _execute, cells_without_figure, find_notebook, run_notebook

STUDENT = ("00", "01", "02", "02b")  # the notebooks of the student's path (issue #12)
# canonical (English) column names that must never head a table shown to a student
ENGLISH = (set(COLUMNS) - {"school"}) | {"lower", "upper", "level", "method", "count", "agency_raw", "needs_review", "score",
                          "percent_change", "effective_agencies", "share_single_pupil", "herfindahl"}


@pytest.fixture(scope="module")
def notebooks(request):
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "notebooks"
    return sorted(folder.glob("*.ipynb"))


class _Headers(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headers, self._in = [], False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "th"

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in and data.strip():
            self.headers.append(data.strip())


def _shown_headers(nb) -> list[str]:
    """Column headers of every table (text/html output) the notebook shows."""
    parser = _Headers()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html")
            if html and "<table" in html:
                parser.feed(html if isinstance(html, str) else "".join(html))
    return parser.headers


def _text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts += [v if isinstance(v, str) else "".join(v) for k, v in out.get("data", {}).items()
                      if k.startswith("text/")]
    return "\n".join(parts)


def _check_outputs(nb, name):
    assert cells_without_figure(nb) == [], f"{name}: plotting cells without an image"
    english = sorted(set(_shown_headers(nb)) & ENGLISH)
    assert english == [], f"{name}: English column names in shown tables: {english}"
    text = _text(nb)
    assert "p = 0,000" not in text and not re.search(r"\b1 verschillende instanties", text)
    assert not re.search(r"\d\.\d{6,}", text), f"{name}: unrounded numbers shown"


def test_notebooks_are_paired_and_clean(notebooks):
    assert set(NOTEBOOKS) <= {p.name.split("_")[0] for p in notebooks}
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert all(not c.get("outputs") and not c.get("execution_count") for c in nb["cells"]), path.name
        pair = jupytext.read(path.with_suffix(".py"))
        assert [c.source for c in pair.cells] == [c.source for c in jupytext.read(path).cells], path.name
        code = "\n".join(c.source for c in pair.cells if c.cell_type == "code")
        assert "def " not in code and "class " not in code, f"{path.name}: logica hoort in evaluatie/"


def test_one_settings_cell_first_with_a_dutch_comment_per_setting(notebooks):
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1 and "MIJN_BESTAND = None" in tagged[0].source, path.name
        if path.name.split("_")[0] not in NOTEBOOKS:  # notebook 04 (pilots) keeps its own layout for now
            continue
        assert len(tagged) == 1 and code[0] is tagged[0], f"{path.name}: the settings cell comes first"
        settings = [line for line in tagged[0].source.splitlines() if re.match(r"[A-Z_]+ = ", line)]
        assert any(line.startswith("MIJN_BESTAND = None") for line in settings), path.name
        assert all("  # " in line for line in settings), f"{path.name}: every setting needs a comment"
        assert "notebook_settings(" in code[1].source, f"{path.name}: settings resolved right after the cell"


@pytest.mark.notebook
def test_notebooks_run_and_show_every_figure_and_only_dutch_tables(notebooks, root, tmp_path, monkeypatch):
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    for code in NOTEBOOKS:
        nb, out = run_notebook(code, output=tmp_path / "uit" / f"{code}.ipynb")
        if code in STUDENT:
            _check_outputs(nb, code)
        else:  # notebook 03 (survey helper): figures checked here, its tables by its owner
            assert cells_without_figure(nb) == [], f"{code}: plotting cells without an image"
        assert out.with_suffix(".html").exists()
    others = [p for p in notebooks if p.name.split("_")[0] not in NOTEBOOKS]  # notebook 04 (pilots)
    for path in others:
        nb = nbformat.read(path, as_version=4)
        _execute(nb, path, 900)
        assert cells_without_figure(nb) == [], f"{path.name}: plotting cells without an image"
    if others:
        assert (root / "figures" / "04_thuiszitters_tijd_tot_plek.png").exists()
    figures = tmp_path / "figures"
    assert (figures / "00_kwaliteit_bestand.png").exists()
    assert (figures / "01_verzamelcurve_1.png").exists() and (figures / "01_scholen.svg").exists()
    assert (figures / "02_effect_verschil_in_verschillen.pdf").exists()
    assert (figures / "02b_tijdreeks_gemeente.png").exists()
    assert "synthetisch" in (figures / "01_verzamelcurve_1.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def student_files(tmp_path_factory):
    """A student's own files: two schools with pupil numbers, a school-name typo, an empty row and one
    agency spelled three ways; a panel of 8 schools with an empty row and Dutch headers."""
    folder = tmp_path_factory.mktemp("student")
    d, _ = synthetic.dossier(80, n_schools=2, read_fraction=0.7, seed=11)
    schools = dict(zip(sorted(d["school"].unique()), ["SBO De Brug", "SBO De Vlinder"]))
    d["school"] = d["school"].map(schools)
    first = d.drop_duplicates("pupil").head(3).index
    d.loc[first, "agency_raw"] = ["Accare", "  accare ", "Accare Zwolle"]
    d = d.rename(columns={"school": "School", "pupil": "Leerlingnummer", "agency_raw": "Hulpverlener"})
    d = d[["School", "Leerlingnummer", "Hulpverlener"]]
    extra = pd.DataFrame({"School": ["", "SBO De Brugg"], "Leerlingnummer": ["", "L9999"], "Hulpverlener": ["", ""]})
    d = pd.concat([d.iloc[:10], extra, d.iloc[10:]], ignore_index=True)
    dossier = folder / "mijn_dossier.csv"
    d.to_csv(dossier, sep=";", index=False, encoding="utf-8-sig")
    read = d[d["School"].isin(schools.values())].groupby("School")["Leerlingnummer"].nunique()
    pupils = {s: int(n) + 20 for s, n in read.items()}

    p, _ = synthetic.panel(8, 30, treated_units=2, later_units=2, later_start=18, seed=12)
    p = p.rename(columns={"unit": "School", "period": "Maand", "count": "Verwijzingen",
                          "exposure": "Leerlingen", "start": "Startdatum"}).drop(columns="treated")
    p["Maand"] = p["Maand"].dt.strftime("%Y-%m")
    p["Startdatum"] = p["Startdatum"].map(lambda v: "" if pd.isna(v) else f"{v.day}-{v.month}-{v.year}")
    p = pd.concat([p.iloc[:5], pd.DataFrame([[""] * p.shape[1]], columns=p.columns), p.iloc[5:]], ignore_index=True)
    panel = folder / "mijn_verwijzingen.csv"
    p.to_csv(panel, sep=";", index=False, encoding="utf-8-sig")
    return {"dossier": dossier, "panel": panel, "pupils": pupils}


@pytest.mark.notebook
def test_notebooks_with_a_students_own_file(student_files, tmp_path, monkeypatch):
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    own = {"00": {"MIJN_BESTAND": student_files["dossier"]},
           "01": {"MIJN_BESTAND": student_files["dossier"], "LEERLINGEN": student_files["pupils"],
                  "SCHOOLJAAR": "2024-2025"},
           "02": {"MIJN_BESTAND": student_files["panel"]},
           "02b": {"MIJN_BESTAND": student_files["panel"]}}
    for code, parameters in own.items():
        nb, out = run_notebook(code, parameters=parameters)
        _check_outputs(nb, code)
        text = _text(nb)
        assert "synthetische voorbeelddata" not in text and "voorbeeld/" not in text, code
        assert "eigen bestand" in text, code
        stem = parameters["MIJN_BESTAND"].stem
        assert out == tmp_path / "reports" / stem / find_notebook(code).name
    figures = tmp_path / "figures"
    captions = "\n".join(p.read_text(encoding="utf-8") for p in figures.rglob("*.txt"))
    assert "synthetisch" not in captions and "Bron: mijn_dossier.csv, schooljaar 2024-2025" in captions
    assert {p.parent.name for p in figures.rglob("*.png")} == {"mijn_dossier", "mijn_verwijzingen"}
    nb01 = nbformat.read(tmp_path / "reports" / "mijn_dossier" / find_notebook("01").name, as_version=4)
    text = _text(nb01)
    assert re.search(r"koppeltabel instanties</td>\s*<td>geen</td>", text)  # no example mapping applied
    assert ">koppeltabel</td>" not in text  # no spelling was matched through a mapping
    assert "SBO De Brugg" in text and "tikfout" in text  # the typo is named in Dutch, no traceback
    assert "(95%-BI)" in text and "instanties per 100 gelezen dossiers" in text

