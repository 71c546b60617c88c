"""A pupil's name typed in the School cell never reaches the quality report in the clear."""
from evaluatie.cli import main


def test_removed_one_row_school_is_masked_in_report(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text("School;Leerling;Instantie\n" + "".join(f"SBO De Regenboog;L{i};Accare\n" for i in range(6))
                    + "Jan Jansen;;Accare\nPietje Puk;L9;GGD\n", encoding="utf-8")
    assert main(["validate", str(path), "--soort", "dossier"]) == 0
    out = capsys.readouterr().out
    assert "helemaal weggevallen" in out and "…en" in out
    assert "Jan Jansen" not in out and "Pietje Puk" not in out
    assert "SBO De Regenboog" not in out or "…" in out
