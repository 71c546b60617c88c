"""The student's path with an own file: losses per school, typos in school names, pupils per school."""
import pandas as pd
import pytest

import evaluatie as ev
from evaluatie import synthetic
from evaluatie.cli import _totals, main


@pytest.fixture
def panel_bad_start(tmp_path, root):
    data = pd.read_csv(root / "data_raw" / "voorbeeld" / "zorgvraag_panel.csv", sep=";", dtype=str,
                       encoding="utf-8-sig")
    school = data["School"].unique()[3]
    data.loc[data["School"] == school, "Startdatum"] = "32-13-2023"
    path = tmp_path / "panel.csv"
    data.to_csv(path, sep=";", index=False)
    return path, school, int((data["School"] == school).sum())


def test_repeated_reason_is_one_line_and_lost_school_is_named(panel_bad_start):
    path, school, n = panel_bad_start
    data, report = ev.read_table(path, kind="panel")
    assert school not in set(data["unit"])
    text = report.summary()
    assert f"Let op: '{school}' is helemaal weggevallen: alle {n} rijen zijn verwijderd" in text
    lines = [line for line in text.splitlines() if "32-13-2023" in line]
    assert len(lines) == 1 and lines[0].startswith(f"  - {n} rijen van {school} (rij ")
    losses = report.losses()
    assert losses.iloc[0].to_dict() == {"unit": school, "n_read": n, "n_used": 0, "n_dropped": n, "removed": True}
    assert losses["n_read"].sum() == report.n_read and losses["n_used"].sum() == report.n_used


def test_school_typo_without_agency_gives_dutch_notes_not_a_traceback():
    d, _ = synthetic.dossier(seed=5, read_fraction=0.6)
    typo = pd.DataFrame({"school": ["SBO De Regenbooog"], "pupil": ["x1"], "agency_raw": [None]})
    result = ev.nulmeting.analyze(pd.concat([d, typo], ignore_index=True), n_total={"SBO De Regenboog": 160})
    notes = " ".join(result.report.notes)
    assert "'SBO De Regenbooog' lijkt op 'SBO De Regenboog' (tikfout?)" in notes
    assert "School 'SBO De Regenbooog' heeft 1 leerling(en) en geen enkele instantie" in notes
    assert result.networks["SBO De Regenbooog"].number_of_nodes() == 0
    assert result.summary("SBO De Regenbooog").startswith("De school had te maken met 0 verschillende instanties")
    result.plot("network", "SBO De Regenbooog")


def test_one_pupil_number_for_several_schools_is_refused():
    d, _ = synthetic.dossier(seed=5, read_fraction=0.6)
    two = pd.concat([d, d.assign(school="SBO De Vlinder")], ignore_index=True)
    with pytest.raises(ev.InputError, match=r"Eén aantal leerlingen \(160\) voor 2 scholen kan niet"):
        ev.nulmeting.analyze(two, n_total=160)
    with pytest.raises(ev.InputError, match="scholen die niet in het bestand staan: 'De Vlinder'"):
        ev.nulmeting.analyze(two, n_total={"De Vlinder": 95})
    result = ev.nulmeting.analyze(two, n_total={"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    assert result.richness.set_index("school")["n_total"].to_dict() == {"SBO De Regenboog": 160, "SBO De Vlinder": 120}
    with pytest.raises(ev.InputError, match=r"Het totaal aantal leerlingen van 'SBO De Vlinder' \(95\) is kleiner"):
        ev.nulmeting.analyze(two, n_total={"SBO De Regenboog": 160, "SBO De Vlinder": 95})


def test_cli_pupils_per_school_in_one_option(tmp_path, capsys):
    assert _totals(["De Brug=160,De Vlinder=95"]) == {"De Brug": 160, "De Vlinder": 95}
    assert _totals(["De Brug=160", "De Vlinder=95"]) == {"De Brug": 160, "De Vlinder": 95}
    assert _totals(["160"]) == 160
    with pytest.raises(ev.InputError, match="niet te lezen"):
        _totals(["De Brug=160,De Vlinder"])
    d, _ = synthetic.dossier(seed=5, read_fraction=0.6)
    path = tmp_path / "twee.csv"
    pd.concat([d, d.assign(school="SBO De Vlinder")]).rename(
        columns={"school": "School", "pupil": "Leerling", "agency_raw": "Instantie"})[
        ["School", "Leerling", "Instantie"]].to_csv(path, sep=";", index=False)
    assert main(["nulmeting", str(path), "--leerlingen", "160", "--figuren", str(tmp_path)]) == 2
    assert "voor 2 scholen kan niet" in capsys.readouterr().err


@pytest.mark.notebook
def test_cli_notebook_runs_for_an_own_file(tmp_path, monkeypatch, capsys, root):
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    own = tmp_path / "mijn_panel.csv"
    own.write_bytes((root / "data_raw" / "voorbeeld" / "zorgvraag_rommelig.csv").read_bytes())
    assert main(["notebook", "00", "--bestand", str(own), "--soort", "panel", "--schooljaar", "2023-2024"]) == 0
    out = tmp_path / "uitgevoerd" / "mijn_panel" / "00_start_hier.ipynb"
    assert out.exists() and out.with_suffix(".html").exists()
    printed = capsys.readouterr().out
    assert f"Uitgevoerd notebook: {out}" in printed and "Deel het niet" in printed
    assert not (tmp_path / "reports" / "mijn_panel" / "00_start_hier.html").exists()  # working copy, not shared
    caption = (tmp_path / "figures" / "mijn_panel" / "00_kwaliteit_bestand.txt").read_text(encoding="utf-8")
    assert caption.endswith("Bron: mijn_panel.csv, schooljaar 2023-2024; n = 27\n")
    assert main(["notebook", "01", "--bestand", str(tmp_path / "bestaat_niet.xlsx")]) == 2
    assert "MIJN_BESTAND: bestand" in capsys.readouterr().err


@pytest.mark.notebook
def test_cli_notebook_error_is_the_dutch_message_not_a_traceback(tmp_path, monkeypatch, capsys, root):
    """A wrong school name in --leerlingen stops notebook 01 at analyze: the student sees the library's Dutch
    message and the cell, not thirty lines of coloured kernel traceback."""
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    own = tmp_path / "mijn_dossier.xlsx"
    own.write_bytes((root / "data_raw" / "voorbeeld" / "dossieronderzoek_sbo.xlsx").read_bytes())
    assert main(["notebook", "01", "--bestand", str(own), "--leerlingen", "SBO De Regenboog=160,SBO Onbekend=95"]) == 2
    err = capsys.readouterr().err
    assert "stopte in codecel" in err and "SBO Onbekend" in err and "niet in het bestand" in err
    assert "Traceback" not in err and "\x1b[" not in err and len(err.splitlines()) <= 4



def _two_schools_with_column(tmp_path, pupils):
    """A dossier file of two schools with a column 'Leerlingen school' giving each school's total on its rows."""
    d, _ = synthetic.dossier(seed=5, read_fraction=0.6)
    two = pd.concat([d, d.assign(school="SBO De Vlinder")], ignore_index=True)
    two = two.rename(columns={"school": "School", "pupil": "Leerling", "agency_raw": "Instantie"})
    two = two[["School", "Leerling", "Instantie"]]
    two["Leerlingen school"] = two["School"].map(pupils).astype(object)
    path = tmp_path / "dossier_met_kolom.csv"
    two.to_csv(path, sep=";", index=False)
    return path, two


def test_pupil_numbers_from_a_column_of_the_file(tmp_path):
    path, two = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    data, report = ev.read_table(path, kind="dossier")
    result = ev.nulmeting.analyze(data, n_total="Leerlingen school", report=report)
    totals = result.richness.set_index("school")["n_total"].to_dict()
    assert totals == {"SBO De Regenboog": 160, "SBO De Vlinder": 120}
    assert "Totaal aantal leerlingen per school uit kolom 'Leerlingen school': SBO De Regenboog 160, " \
           "SBO De Vlinder 120." in result.report.notes
    # the same as giving the numbers by hand; the header may be written without case or spaces
    by_hand = ev.nulmeting.analyze(data, n_total={"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    loose = ev.nulmeting.analyze(data, n_total="leerlingenSchool")
    for other in (by_hand, loose):
        pd.testing.assert_frame_equal(other.richness, result.richness)


def test_pupil_column_refuses_two_numbers_for_one_school_and_a_missing_column(tmp_path):
    path, two = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    two.loc[two.index[two["School"] == "SBO De Vlinder"][3], "Leerlingen school"] = 125
    two.to_csv(path, sep=";", index=False)
    data, _ = ev.read_table(path, kind="dossier")
    row = int(two.index[two["School"] == "SBO De Vlinder"][3]) + 2  # header on row 1
    first = int(two.index[two["School"] == "SBO De Vlinder"][0]) + 2
    with pytest.raises(ev.InputError, match=rf"Kolom 'Leerlingen school' geeft voor 'SBO De Vlinder' verschillende "
                                            rf"aantallen leerlingen: 120 \(rij {first}\), 125 \(rij {row}\)"):
        ev.nulmeting.analyze(data, n_total="Leerlingen school")
    with pytest.raises(ev.InputError, match="De kolom 'Aantal leerlingen' .* staat niet in het bestand.*'Leerlingen "
                                            "school'"):
        ev.nulmeting.analyze(data, n_total="Aantal leerlingen")
    two["Leerlingen school"] = two["Leerlingen school"].astype(str).replace("125", "veel")
    two.to_csv(path, sep=";", index=False)
    data, _ = ev.read_table(path, kind="dossier")
    with pytest.raises(ev.InputError, match=rf"rij {row} \(SBO De Vlinder\): 'veel' is geen aantal leerlingen"):
        ev.nulmeting.analyze(data, n_total="Leerlingen school")


def test_pupil_column_empty_for_one_school_and_below_files_read(tmp_path):
    path, two = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": None})
    data, _ = ev.read_table(path, kind="dossier")
    result = ev.nulmeting.analyze(data, n_total="Leerlingen school")
    assert result.richness.set_index("school")["n_total"].to_dict()["SBO De Regenboog"] == 160
    assert pd.isna(result.richness.set_index("school")["n_total"]["SBO De Vlinder"])
    assert any("Kolom 'Leerlingen school' is leeg bij 'SBO De Vlinder'" in n for n in result.report.notes)
    path, _ = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": 20})
    data, _ = ev.read_table(path, kind="dossier")
    with pytest.raises(ev.InputError, match=r"Het totaal aantal leerlingen van 'SBO De Vlinder' \(20\) is kleiner"):
        ev.nulmeting.analyze(data, n_total="Leerlingen school")


def test_cli_pupil_column(tmp_path, capsys):
    path, _ = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    assert main(["nulmeting", str(path), "--leerlingen-kolom", "Leerlingen school", "--figuren", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "uit kolom 'Leerlingen school': SBO De Regenboog 160, SBO De Vlinder 120" in out
    assert main(["nulmeting", str(path), "--leerlingen-kolom", "Leerlingen school", "--leerlingen",
                 "SBO De Regenboog=160", "--figuren", str(tmp_path)]) == 2
    assert "niet allebei" in capsys.readouterr().err


def test_notebook_settings_take_a_pupil_column(tmp_path):
    path, _ = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    settings = ev.notebook_settings("01", bestand=path, leerlingen="Leerlingen school")
    assert settings.pupils == "Leerlingen school"
    shown = settings.to_frame().set_index("instelling")["waarde"]
    assert shown["leerlingen per school"] == "uit kolom 'Leerlingen school'"
    with pytest.raises(ev.InputError, match="of de naam van een kolom in je bestand"):
        ev.notebook_settings("01", bestand=path, leerlingen=[160, 120])


@pytest.mark.slow  # CPU budget of `make test` (issue #12); CI runs it
@pytest.mark.notebook
def test_cli_notebook_01_with_a_pupil_column(tmp_path, monkeypatch, capsys):
    """`evaluatie notebook 01 --bestand ... --leerlingen-kolom ...`: the notebook predicts for all files of
    each school with the numbers of the column, and shows where they came from."""
    import re

    import nbformat

    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    monkeypatch.setenv("EVALUATIE_WERKMAP", str(tmp_path / "uitgevoerd"))
    path, _ = _two_schools_with_column(tmp_path, {"SBO De Regenboog": 160, "SBO De Vlinder": 120})
    assert main(["notebook", "01", "--bestand", str(path), "--leerlingen-kolom", "Leerlingen school"]) == 0
    out = next((tmp_path / "uitgevoerd" / "dossier_met_kolom").glob("01_*.ipynb"))
    nb = nbformat.read(out, as_version=4)
    text = "\n".join(str(o.get("data", {}).get("text/html", "")) + str(o.get("text", ""))
                     for c in nb.cells for o in c.get("outputs", []))
    assert re.search(r"leerlingen per school</td>\s*<td>uit kolom 'Leerlingen school'</td>", text)
    assert "uit kolom 'Leerlingen school': SBO De Regenboog 160, SBO De Vlinder 120" in text
    assert "Met alle 160 dossiers gelezen verwachten we" in text


def test_an_earlier_runs_figures_of_the_same_notebook_and_file_are_removed(tmp_path, monkeypatch):
    """Adversary: notebook 03 run with interview fragments, then again without (or refused at the interview part),
    left the first run's 03_interviews_themas.* next to the new figures, ready to be shared by mistake. The
    settings of an own file now clear that notebook's figures in the file's folder; other notebooks' and other
    files' figures stay."""
    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    own = tmp_path / "mijn_vragenlijst.csv"
    own.write_text("respondent;wave\n1;voor\n", encoding="utf-8")
    folder = tmp_path / "figures" / "mijn_vragenlijst"
    folder.mkdir(parents=True)
    for name in ["03_interviews_themas.png", "03_interviews_themas.txt", "04_tijdlijn.png", "03b_x.png"]:
        (folder / name).write_text("oud", encoding="utf-8")
    (tmp_path / "figures" / "03_vragenlijst_per_vraag.png").write_text("voorbeeld", encoding="utf-8")
    settings = ev.notebook_settings("03", bestand=own)
    assert settings.figures == folder
    assert sorted(p.name for p in folder.iterdir()) == ["03b_x.png", "04_tijdlijn.png"]
    assert (tmp_path / "figures" / "03_vragenlijst_per_vraag.png").exists()  # the example's figures stay
