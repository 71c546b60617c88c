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
from evaluatie.notebooks import NOTEBOOKS, cells_without_figure, find_notebook, run_notebook

STUDENT = ("00", "01", "02", "02b", "04")  # the notebooks of the student's path (issue #12)
# canonical (English) column names that must never head a table shown to a student
ENGLISH = (set(COLUMNS) - {"school"}) | {"lower", "upper", "level", "method", "count", "agency_raw", "needs_review", "score",
                          "percent_change", "effective_agencies", "share_single_pupil", "herfindahl"}


# NO_COVER: the default-suite tests that execute a notebook run without coverage tracing in this process
# (pytest-cov's ``no_cover``, call phase only). The notebook's code runs in a kernel, which coverage does not
# measure; tracing the parent's nbclient polling and HTML export cost 4,5 s CPU of `make test` for one line of
# evaluatie/ no other test reached (the 02b default, now tested directly below). Measured 2026-12-07 with
# --cov-context=test. The slow notebook tests keep coverage: their settings (MIJN_KLAS, ...) are resolved here.


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
        assert len(tagged) == 1 and code[0] is tagged[0], f"{path.name}: the settings cell comes first"
        settings = [line for line in tagged[0].source.splitlines() if re.match(r"[A-Z_]+ = ", line)]
        assert any(line.startswith("MIJN_BESTAND = None") for line in settings), path.name
        assert all("  # " in line for line in settings), f"{path.name}: every setting needs a comment"
        assert "notebook_settings(" in code[1].source, f"{path.name}: settings resolved right after the cell"


def test_notebook_02b_takes_the_series_from_the_own_panel_when_no_series_is_given(student_files):
    """An own panel without MIJN_REEKS: the time series of the whole area is the own panel summed over schools,
    never the example series."""
    from evaluatie.notebooks import notebook_settings

    own = notebook_settings("02b", bestand=student_files["panel"])
    assert not own.example and own.files["series"] == own.file == student_files["panel"]
    example = notebook_settings("02b")
    assert example.example and example.files["series"].name == "zorgvraag_gemeente.csv"


#: Figures each notebook must write on the example data (besides showing every figure inline).
EXPECTED_FIGURES = {
    "00": ["00_kwaliteit_bestand.png"],
    "01": ["01_verzamelcurve_1.png", "01_scholen.svg"],
    "02": ["02_effect_verschil_in_verschillen.pdf"],
    "02b": ["02b_tijdreeks_gemeente.png"],
    "03": ["03_vragenlijst_per_vraag.png", "03_vragenlijst_voor_na.svg", "03_interviews_themas.pdf"],
    "04": ["04_tijdlijn_so_plus.png", "04_thuiszitters_tijd_tot_plek.png", "04_procedure_stappen.png",
           "04_tornado_kosten.png"],
}


def test_every_notebook_uses_the_settings_mechanism(notebooks):
    assert {p.name.split("_")[0] for p in notebooks} == set(NOTEBOOKS)


@pytest.mark.notebook
@pytest.mark.no_cover  # see NO_COVER above
@pytest.mark.parametrize("code", NOTEBOOKS)
def test_notebooks_run_and_show_every_figure_and_only_dutch_tables(code, tmp_path, monkeypatch):
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    nb, out = run_notebook(code, output=tmp_path / "uit" / f"{code}.ipynb")
    if code in STUDENT:
        _check_outputs(nb, code)
    else:  # notebooks 03 (survey helper) and 05 (power): figures checked here, their tables by their owners
        assert cells_without_figure(nb) == [], f"{code}: plotting cells without an image"
    assert out.with_suffix(".html").exists()
    figures = tmp_path / "figures"
    missing = [name for name in EXPECTED_FIGURES.get(code, []) if not (figures / name).exists()]
    assert missing == [], f"{code}: figures not written: {missing}"
    if code in STUDENT:  # the example says so under every figure
        assert all("synthetisch" in c.read_text(encoding="utf-8") for c in figures.glob("*.txt")), code


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
@pytest.mark.no_cover  # see NO_COVER above
def test_notebooks_with_a_students_own_file(student_files, tmp_path, monkeypatch):
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
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
        assert out == tmp_path / "uitgevoerd" / stem / find_notebook(code).name
    figures = tmp_path / "figures"
    captions = "\n".join(p.read_text(encoding="utf-8") for p in figures.rglob("*.txt"))
    assert "synthetisch" not in captions and "Bron: mijn_dossier.csv, schooljaar 2024-2025" in captions
    assert {p.parent.name for p in figures.rglob("*.png")} == {"mijn_dossier", "mijn_verwijzingen"}
    nb01 = nbformat.read(tmp_path / "uitgevoerd" / "mijn_dossier" / find_notebook("01").name, as_version=4)
    text = _text(nb01)
    assert re.search(r"koppeltabel instanties</td>\s*<td>geen</td>", text)  # no example mapping applied
    assert ">koppeltabel</td>" not in text  # no spelling was matched through a mapping
    assert "SBO De Brugg" in text and "tikfout" in text  # the typo is named in Dutch, no traceback
    assert "(95%-BI)" in text and "instanties per 100 gelezen dossiers" in text



@pytest.fixture(scope="module")
def student_pilot_files(tmp_path_factory):
    """Notebook 04 files as a student keeps them: dates in five Dutch ways (Excel date, 3-9-2023, 2023-09-03,
    3 september 2023, 03/09/23), an empty row in each file, a typo in a date (31-11-2023), a group label with a
    trailing space and an outcome written 'Regulier onderwijs ' in a class of 5."""
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "data_raw" / "voorbeeld"
    folder = tmp_path_factory.mktemp("student_04")
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    formats = [lambda d: d, lambda d: f"{d.day}-{d.month}-{d.year}", lambda d: d.strftime("%Y-%m-%d"),
               lambda d: f"{d.day} {months[d.month - 1]} {d.year}", lambda d: d.strftime("%d/%m/%y")]

    def messy(values):
        return pd.Series([None if pd.isna(v) else formats[i % len(formats)](pd.Timestamp(v))
                          for i, v in enumerate(values)], dtype=object)

    def empty_row_at(frame, i):
        return pd.concat([frame.iloc[:i], pd.DataFrame([[None] * frame.shape[1]], columns=frame.columns),
                          frame.iloc[i:]], ignore_index=True)

    t = pd.read_excel(example / "trajecten_thuiszitters.xlsx", header=3).rename(columns={"Casus": "Casusnummer"})
    for c in ("Aanmelddatum", "Datum plaatsing"):
        t[c] = messy(t[c])
    t.loc[7, "Aanmelddatum"] = "31-11-2023"  # November has 30 days
    t.loc[3, "Groep"] = "voor "
    thuis = folder / "mijn_thuiszitters.xlsx"
    empty_row_at(t, 20).to_excel(thuis, index=False)

    k = pd.read_csv(example / "so_plus_klas.csv", sep=";", encoding="utf-8-sig", dtype=str)
    k.loc[len(k)] = ["L5", "2-10-2023", "20 oktober 2023", "1-7-2024", "Regulier onderwijs "]
    k["Startdatum"] = messy(pd.to_datetime(k["Startdatum"], dayfirst=True))
    klas = folder / "mijn_klas.csv"
    empty_row_at(k, 2).to_csv(klas, sep=";", index=False, encoding="utf-8-sig")

    p = pd.read_csv(example / "procedures_logopedie.csv", sep=";", encoding="utf-8-sig", dtype=str)
    for c in ("Aanmelddatum", "Datum indicatie", "Start hulp"):
        p[c] = messy(pd.to_datetime(p[c], dayfirst=True))
    procedures = folder / "mijn_procedures.csv"
    empty_row_at(p, 9).to_csv(procedures, sep=";", index=False, encoding="utf-8-sig")
    return {"thuiszitters": thuis, "klas": klas, "procedures": procedures}


@pytest.mark.slow  # CPU budget of `make test` (issue #12); CI runs it
@pytest.mark.notebook
def test_notebook_04_with_a_students_own_files(student_files, student_pilot_files, tmp_path, monkeypatch):
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    own = student_pilot_files
    parameters = {"MIJN_BESTAND": own["thuiszitters"], "MIJN_KLAS": own["klas"], "MIJN_PROCEDURES": own["procedures"],
                  "MIJN_PANEL": student_files["panel"], "SCHOOLJAAR": "2023-2024", "MAANDSALARIS": "€ 4.200,50",
                  "KOSTEN_TRAJECT": "€ 9.150,75", "KOSTEN_BESCHIKKING": "€ 1.050,-"}
    nb, out = run_notebook("04", parameters=parameters)
    _check_outputs(nb, "04")
    assert out == tmp_path / "uitgevoerd" / "mijn_thuiszitters" / find_notebook("04").name
    text = _text(nb)
    assert "synthetisch" not in text and "voorbeeld/" not in text and "eigen bestand" in text
    for example in ("trajecten_thuiszitters", "so_plus_klas", "procedures_logopedie", "zorgvraag_panel"):
        assert example not in text, example
    assert "'31-11-2023'" in text and "lege rij" in text  # the typo and the empty rows are reported in Dutch
    assert "3 van de 5 (60%)" in text  # 'Regulier onderwijs ' counts; the empty row is no pupil
    # the example has 47 'voor' and 33 'na': 'voor ' is read as 'voor', the 'na' row dated 31-11-2023 is left out
    assert "voor (n = 47)" in text and "na (n = 32)" in text and "(1 vrijheidsgraad)" in text
    # 4.200,50 × 12 × 20/36 × 1,30 × 1,15 = 41.864,98 per year; break-even 41.864,98 / 9.150,75 = 4,6 trajectories
    assert "€ 41.865 per jaar" in text and "4,6 vermeden tweedelijns trajecten" in text
    figures = tmp_path / "figures" / "mijn_thuiszitters"
    # new-user test: the timeline shows each pupil of an own class apart, with dates; like `evaluatie rapport`
    # it is saved for sharing only with a reason (REDEN_TIJDLIJN), else only shown in the notebook
    assert {p.name for p in figures.glob("*.png")} == set(EXPECTED_FIGURES["04"]) - {"04_tijdlijn_so_plus.png"}
    assert "De tijdlijn per leerling is alleen hier getoond en niet in figures/ bewaard" in text
    captions = [p.read_text(encoding="utf-8") for p in figures.glob("*.txt")]
    source = "mijn_thuiszitters.xlsx, mijn_klas.csv, mijn_procedures.csv, mijn_verwijzingen.csv, schooljaar 2023-2024"
    assert len(captions) == 3 and all(source in c and "synthetisch" not in c for c in captions)
    # the other parts are skipped with a Dutch note, never filled with example data; with a reason the timeline
    # of the own class is saved, the reason in its caption
    nb, _ = run_notebook("04", parameters={"MIJN_BESTAND": own["thuiszitters"], "MIJN_KLAS": own["klas"],
                                           "REDEN_TIJDLIJN": "klas van 5, bij iedereen op school bekend (testdata)"})
    text = _text(nb)
    assert all(f"Geen {s} ingevuld: dit onderdeel wordt overgeslagen" in text for s in ("MIJN_PROCEDURES", "MIJN_PANEL"))
    assert "reden: klas van 5, bij iedereen op school bekend (testdata)" in (
        figures / "04_tijdlijn_so_plus.txt").read_text(encoding="utf-8")
    assert "synthetisch" not in text and not any(e in text for e in ("so_plus_klas", "procedures_logopedie",
                                                                     "zorgvraag_panel"))
    assert _shown_headers(nb) and not set(_shown_headers(nb)) & ENGLISH


@pytest.mark.slow  # CPU budget of `make test` (issue #12); CI runs it
@pytest.mark.notebook
def test_notebooks_03_and_05_with_a_students_own_files(student_files, tmp_path, monkeypatch, root):
    """Notebooks 03 and 05 through their settings cell with own files (an empty row, a group label with a
    trailing space): every figure shown, no example file or 'synthetisch' source used anywhere."""
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    example = root / "data_raw" / "voorbeeld"
    answers = pd.read_excel(example / "vragenlijst.xlsx", dtype=object)
    answers.loc[answers.index[:4], "Groep"] = answers.loc[answers.index[:4], "Groep"].astype(str) + " "
    answers = pd.concat([answers.iloc[:7], pd.DataFrame([[None] * answers.shape[1]], columns=answers.columns),
                         answers.iloc[7:]], ignore_index=True)
    own = {"MIJN_BESTAND": tmp_path / "mijn_vragenlijst.xlsx", "CODEBOEK": tmp_path / "mijn_codeboek.csv",
           "FRAGMENTEN": tmp_path / "mijn_interviews.csv"}
    answers.to_excel(own["MIJN_BESTAND"], index=False)
    own["CODEBOEK"].write_bytes((example / "codeboek_vragenlijst.csv").read_bytes())
    own["FRAGMENTEN"].write_bytes((example / "interviewfragmenten.csv").read_bytes())
    runs = {"03": own, "05": {"MIJN_BESTAND": student_files["panel"], "SIMULATIES": 20, "LOCATIES": [3, 30],
                              "JAREN": [1], "OVERDISPERSIE": [0.3]}}
    for code, parameters in runs.items():
        nb, out = run_notebook(code, parameters=parameters)
        assert cells_without_figure(nb) == [], f"{code}: plotting cells without an image"
        text = _text(nb)
        assert "synthetisch" not in text and "voorbeeld/" not in text, code
        assert "eigen bestand" in text, code
        assert out == tmp_path / "uitgevoerd" / parameters["MIJN_BESTAND"].stem / find_notebook(code).name
        assert "p = 0,000" not in text, code
        source = {"03": "mijn_vragenlijst.xlsx, mijn_interviews.csv", "05": "mijn_verwijzingen.csv"}[code]
        assert re.search(rf"bronregel</td>\s*<td>{re.escape(source)}</td>", text), code  # the own files, no example


@pytest.mark.notebook
@pytest.mark.no_cover  # see NO_COVER above
def test_notebook_04_figure_to_share_has_no_group_of_one(tmp_path, monkeypatch):
    """Fresh-eye test: a student's CSV (Windows-1252, ';') with a group of one case saved the shared figure with
    'Na (n = 1)' and that child's exact waiting time in the curve and the caption. Now the figure leaves the group
    out (the notebook says so), as ``evaluatie rapport`` does. ('Na' itself is now read as 'na': test_io.py.)"""
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    rows = ["Casus;Aanmelddatum;Datum plaatsing;Groep"]
    rows += [f"T{i:02d};{d}-9-2023;{p};voor" for i, (d, p) in enumerate(
        [(1, "15-10-2023"), (2, "20-10-2023"), (3, "1-11-2023"), (4, "5-11-2023"), (5, "10-11-2023"),
         (6, "1-3-2024"), (7, "5-3-2024"), (8, "loopt nog"), (9, "1-4-2024"), (10, "2-4-2024")])]
    rows += [f"T{i + 20:02d};{d}-1-2024;{p};na" for i, (d, p) in enumerate(
        [(1, "1-2-2024"), (2, "3-2-2024"), (3, "5-2-2024"), (4, "7-2-2024"), (5, "9-2-2024"),
         (6, "1-6-2024"), (7, "2-6-2024"), (8, "nog niet"), (9, "4-6-2024"), (10, "5-6-2024")])]
    rows += ["T31;2-4-2024;30-4-2024;Team Zuid", ";;;"]
    own = tmp_path / "doorlooptijden thuiszitters.csv"
    own.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    nb, _ = run_notebook("04", parameters={"MIJN_BESTAND": str(own)})
    text = _text(nb)
    assert "Niet apart in de figuur om te delen: groep Team Zuid" in text
    caption = (tmp_path / "figures" / "doorlooptijden_thuiszitters" / "04_thuiszitters_tijd_tot_plek.txt").read_text(
        encoding="utf-8")
    assert "(n = 1)" not in caption and "Team Zuid" not in caption
    assert "voor (n = 10)" in caption and "na (n = 10)" in caption


@pytest.mark.notebook
@pytest.mark.no_cover  # see NO_COVER above
def test_notebook_03_without_codebook_stops_with_a_dutch_message(tmp_path, monkeypatch):
    """Fresh-eye test: a student's questionnaire with worded answers and no CODEBOEK stopped with a misleading
    'Geen enkele vraag uit het codeboek staat in de data' (there was no codebook) and, once the answers were read,
    with an IndexError traceback (no construct). It now stops in the reading cell, saying what a codebook needs."""
    from evaluatie.errors import InputError

    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    labels = ["helemaal mee oneens", "mee oneens", "neutraal", "mee eens", "helemaal mee eens"]
    rows = [{"Respondent": f"R{i}", "Groep": "ouder", "Meting": m, "v1": labels[(i + j) % 5], "v2": labels[i % 5]}
            for i in range(10) for j, m in enumerate(["voormeting", "nameting"])]
    own = tmp_path / "enquete samenwerking.xlsx"
    pd.DataFrame(rows).to_excel(own, index=False)
    with pytest.raises(InputError) as err:
        run_notebook("03", parameters={"MIJN_BESTAND": str(own)})
    message = str(err.value)
    assert "zonder codeboek is er geen onderwerp. Vul CODEBOEK in (of --codeboek)" in message
    assert "Traceback" not in message and "IndexError" not in message
