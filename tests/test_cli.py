import pytest
from evaluatie.cli import main


def test_help_is_dutch(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: evaluatie") and "toon deze hulp en stop" in out and "validate" in out
    assert main([]) == 0


def test_validate_prints_report(capsys, root):
    assert main(["validate", str(root / "data_raw" / "voorbeeld" / "zorgvraag_rommelig.csv"), "--kind", "panel"]) == 0
    out = capsys.readouterr().out
    assert "27 rijen gelezen, 20 gebruikt, 7 verwijderd" in out and "totaalrij" in out


def test_validate_errors_are_dutch_without_traceback(capsys, root):
    assert main(["validate", "bestaat_niet.xlsx", "--soort", "dossier"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: Bestand 'bestaat_niet.xlsx' bestaat niet") and "Traceback" not in err
    assert main(["validate", "x.csv", "--kind", "onzin"]) == 2
    assert "ongeldige keuze" in capsys.readouterr().err
    assert main(["validate", "x.csv"]) == 2
    assert "verplicht" in capsys.readouterr().err


def test_demo_without_notebooks(capsys, tmp_path):
    assert main(["demo", "--notebooks", str(tmp_path)]) == 2
    assert "Geen notebooks gevonden" in capsys.readouterr().err


@pytest.mark.notebook
def test_demo_ends_with_one_short_summary(capsys, tmp_path, monkeypatch):
    """`make demo` prints a line per notebook and one summary of what was made and where (issue #12)."""
    import nbformat

    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1 + 1")]), folder / "00_klein.ipynb")
    assert main(["demo", "--notebooks", str(folder), "--geen-rapport"]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[1] == "✓ 00_klein.ipynb" and "Klaar. Dit is gemaakt:" in lines
    assert lines[-1].startswith("Verder: open de notebooks met 'make notebook'") and len(lines) <= 8
    assert "Kernel is running over TCP" not in out.out + out.err


def test_nulmeting_command_prints_table_and_writes_figures(capsys, root, tmp_path):
    voorbeeld = root / "data_raw" / "voorbeeld"
    args = ["nulmeting", str(voorbeeld / "dossieronderzoek_sbo.xlsx"), "--koppeltabel",
            str(voorbeeld / "koppeltabel_instanties.csv"), "--leerlingen", "SBO De Regenboog=160",
            "--figuren", str(tmp_path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "verwacht bij alle dossiers" in out and "Met alle 160 dossiers gelezen verwachten we" in out
    assert "Kwaliteitsrapport" in out and (tmp_path / "01_verzamelcurve_1.png").exists()
    assert main(["nulmeting", str(voorbeeld / "dossieronderzoek_sbo.xlsx"), "--leerlingen", "veel"]) == 2
    assert "geen geheel getal" in capsys.readouterr().err
    assert main(["nulmeting", str(voorbeeld / "dossieronderzoek_sbo.xlsx"), "--leerlingen", "A=1", "--leerlingen",
                 "B"]) == 2
    assert "niet te lezen" in capsys.readouterr().err


def test_agencies_review_writes_sheet_that_becomes_the_mapping(capsys, root, tmp_path):
    import pandas as pd

    from evaluatie.agencies import normalize

    out = tmp_path / "controle.xlsx"
    bestand = root / "data_raw" / "voorbeeld" / "dossieronderzoek_sbo.xlsx"
    assert main(["agencies", "review", str(bestand), "--uit", str(out)]) == 0
    assert "controleren = ja" in capsys.readouterr().out
    sheet = pd.read_excel(out)
    assert sheet.columns.tolist() == ["schrijfwijze_in_dossier", "aantal", "instantie", "soort", "methode", "score",
                                      "controleren", "reden"]
    wijkteam = sheet.set_index("schrijfwijze_in_dossier").loc["Wijkteam"]  # a generic name: never merged, explained
    assert wijkteam["methode"] == "ambiguous" and "'Wijkteam Noord'" in wijkteam["reden"]
    assert sheet["controleren"].iloc[0] == "ja" and sheet["soort"].notna().mean() > 0.9
    fuzzy = sheet.loc[sheet["methode"] == "fuzzy", "schrijfwijze_in_dossier"].iloc[0]
    assert normalize([fuzzy], mapping=out)["method"].tolist() == ["mapping"]
    before = out.read_bytes()
    assert main(["instanties", "controleer", str(bestand), "--uit", str(out)]) == 2  # a reviewed file is kept
    assert "--overschrijf" in capsys.readouterr().err and out.read_bytes() == before
    assert main(["instanties", "controleer", str(bestand), "--uit", str(out), "--overschrijf"]) == 0


def test_zorgvraag_command(capsys, root, tmp_path):
    args = ["zorgvraag", str(root / "data_raw" / "voorbeeld" / "zorgvraag_panel.csv"), "--inferentie", "cluster",
            "--figuren", str(tmp_path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    # −21% with p = 0,12 and an interval up to +7%: not "daalde" (issue #11; the old assertion expected "daalde")
    assert ("Na de start was de vraag naar tweedelijns jeugdhulp waarschijnlijk minder, maar nog niet zeker" in out
            and "daalde" not in out and "cluster-robuuste" in out)
    assert (tmp_path / "02_verwijzingen_per_1000.png").exists()
    assert (tmp_path / "02_effect_verschil_in_verschillen.txt").read_text(encoding="utf-8").startswith("Na de start")
    assert (tmp_path / "02_verwijzingen_per_1000.txt").read_text(encoding="utf-8").startswith(
        "Verwijzingen naar tweedelijns jeugdhulp. Na de start")
    assert main(["zorgvraag", str(root / "data_raw" / "voorbeeld" / "zorgvraag_panel.csv"), "--model", "gaussian",
                 "--inferentie", "randomization", "--figuren", str(tmp_path)]) == 0
    assert "Verschil-in-verschillen" in capsys.readouterr().out


def test_zorgvraag_rollout_and_time_series_flags(capsys, root, tmp_path):
    voorbeeld = root / "data_raw" / "voorbeeld"
    assert main(["zorgvraag", str(voorbeeld / "zorgvraag_panel.csv"), "--inferentie", "cluster", "--uitrol",
                 "--figuren", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Callaway & Sant’Anna" in out and (tmp_path / "02_uitrol_per_periode.png").exists()
    assert main(["zorgvraag", str(voorbeeld / "zorgvraag_gemeente.csv"), "--tijdreeks", "--figuren",
                 str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # the example series: −12% (95%-BI −26% tot +5%), so worded as not yet certain (it said "daalde" before)
    assert "Direct na de start was het niveau waarschijnlijk minder" in out and (tmp_path / "02_tijdreeks.svg").exists()
    assert main(["zorgvraag", str(voorbeeld / "zorgvraag_gemeente.csv"), "--figuren", str(tmp_path)]) == 2
    assert "Gebruik --tijdreeks" in capsys.readouterr().err


def test_notebook_04_takes_its_files_from_the_command_line(capsys, root, tmp_path, monkeypatch):
    """``evaluatie notebook 04 --bestand ... --klas ... --procedures ...``: the settings cell gets the files (the
    run itself is tested in tests/test_notebooks.py); unknown or missing files give a Dutch message."""
    import evaluatie.notebooks

    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    example = root / "data_raw" / "voorbeeld"
    calls = []

    def fake_run(notebook, *, parameters, output=None):
        calls.append((notebook, parameters))
        figures = tmp_path / "figures" / "trajecten_thuiszitters"
        figures.mkdir(parents=True, exist_ok=True)
        (figures / "04_thuiszitters_tijd_tot_plek.png").write_bytes(b"")
        return None, tmp_path / "reports" / "trajecten_thuiszitters" / "04.ipynb"

    monkeypatch.setattr(evaluatie.notebooks, "run_notebook", fake_run)
    assert main(["notebook", "04", "--bestand", str(example / "trajecten_thuiszitters.xlsx"),
                 "--klas", str(example / "so_plus_klas.csv"), "--procedures", str(example / "procedures_logopedie.csv"),
                 "--peildatum", "31-7-2024", "--schooljaar", "2023-2024"]) == 0
    assert calls == [("04", {"MIJN_BESTAND": str(example / "trajecten_thuiszitters.xlsx"),
                             "MIJN_KLAS": str(example / "so_plus_klas.csv"),
                             "MIJN_PROCEDURES": str(example / "procedures_logopedie.csv"),
                             "PEILDATUM": "31-7-2024", "SCHOOLJAAR": "2023-2024"})]
    out = capsys.readouterr().out
    assert f"Figuren: {tmp_path / 'figures' / 'trajecten_thuiszitters'}/" in out
    # fresh-eye test: no tables were written, so the path is not announced as if they were
    reports = tmp_path / "reports" / "trajecten_thuiszitters"
    assert f"Tabellen (afgeschermd, om te delen): geen (dit notebook schreef niets in {reports}/)" in out
    assert main(["notebook", "04", "--bestand", str(example / "trajecten_thuiszitters.xlsx"),
                 "--klas", str(tmp_path / "bestaat_niet.csv")]) == 2
    assert "MIJN_KLAS: bestand" in capsys.readouterr().err
    assert main(["notebook", "01", "--bestand", str(example / "dossieronderzoek_sbo.xlsx"),
                 "--klas", str(example / "so_plus_klas.csv")]) == 2
    assert "Onbekende instelling(en): MIJN_KLAS" in capsys.readouterr().err
    assert len(calls) == 1
    assert main(["notebook", "--help"]) == 0
    help_text = capsys.readouterr().out
    assert "welk notebook: 00, 01, 02, 02b, 03, 04, 05" in help_text and "--procedures BESTAND" in help_text


def test_notebook_03_takes_codebook_and_fragments_from_the_command_line(capsys, root, tmp_path, monkeypatch):
    """Fresh-eye test: the README says 'evaluatie notebook NN --bestand ...', but notebook 03 could not be given
    its codebook that way (the run stopped on the student's own questionnaire). ``--codeboek`` and
    ``--fragmenten`` fill CODEBOEK and FRAGMENTEN; the help no longer says the notebook goes to reports/."""
    import evaluatie.notebooks

    monkeypatch.setenv("EVALUATIE_FIGUREN", str(tmp_path / "figures"))
    monkeypatch.setenv("EVALUATIE_RAPPORTEN", str(tmp_path / "reports"))
    example = root / "data_raw" / "voorbeeld"
    calls = []

    def fake_run(notebook, *, parameters, output=None):
        calls.append((notebook, parameters))
        return None, tmp_path / "uitgevoerd" / "vragenlijst" / "03.ipynb"

    monkeypatch.setattr(evaluatie.notebooks, "run_notebook", fake_run)
    assert main(["notebook", "03", "--bestand", str(example / "vragenlijst.xlsx"),
                 "--codeboek", str(example / "codeboek_vragenlijst.csv"),
                 "--fragmenten", str(example / "interviewfragmenten.csv")]) == 0
    assert calls == [("03", {"MIJN_BESTAND": str(example / "vragenlijst.xlsx"),
                             "CODEBOEK": str(example / "codeboek_vragenlijst.csv"),
                             "FRAGMENTEN": str(example / "interviewfragmenten.csv")})]
    assert main(["notebook", "01", "--bestand", str(example / "dossieronderzoek_sbo.xlsx"),
                 "--codeboek", str(example / "codeboek_vragenlijst.csv")]) == 2
    assert "Onbekende instelling(en): CODEBOEK" in capsys.readouterr().err
    assert main(["notebook", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--codeboek BESTAND" in help_text and "--fragmenten BESTAND" in help_text
    assert "standaard: reports/" not in help_text and "notebooks/uitgevoerd/<bestandsnaam>/" in help_text


def test_cli_errors_in_english_with_lang_en(root, tmp_path, capsys):
    """--lang en gives the command line's own refusals in English; the Dutch default is unchanged."""
    dossier = str(root / "data_raw" / "voorbeeld" / "dossieronderzoek_sbo.xlsx")
    assert main(["nulmeting", dossier, "--leerlingen", "veel", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "--leerlingen 'veel' is not a whole number; use e.g. 160" in err and "geen geheel getal" not in err
    a_file = tmp_path / "figuren.txt"
    a_file.write_text("x")
    assert main(["nulmeting", dossier, "--figuren", str(a_file), "--lang", "en"]) == 2
    assert f"--figuren '{a_file}' is a file, but a folder is needed here" in capsys.readouterr().err
    assert main(["nulmeting", dossier, "--figuren", str(a_file)]) == 2
    assert (f"--figuren '{a_file}' is een bestand, maar hier is een map nodig. Kies een andere map of "
            "verwijder/hernoem het bestand.") in capsys.readouterr().err


def test_cli_power_refusals_follow_lang(capsys):
    assert main(["power", "--daling", "120", "--lang", "en"]) == 2
    assert "--daling is a percentage from 0 to 100 (e.g. 20); received: 120." in capsys.readouterr().err
    assert main(["power", "--scholen", "veel", "--lang", "en"]) == 2
    assert "--scholen expects numbers; 'veel' is not a number." in capsys.readouterr().err
