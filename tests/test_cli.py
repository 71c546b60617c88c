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
