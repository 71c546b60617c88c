"""Hostile StatLine files (adversarial review): personal data or a formula in a region cell is flagged when the
file is read, in Dutch and masked, and never written live to an export."""
from __future__ import annotations

import openpyxl

from evaluatie.cbs import read_statline
from evaluatie.report import export_table

HEAD = ('"Jeugdzorg; jongeren met jeugdzorg"\n"Onderwerp";"Jongeren met jeugdzorg";"Jongeren met jeugdzorg"\n'
        '"Perioden";"2022";"2023*"\n"Regio\'s";"aantal";"aantal"\n')


def test_personal_data_in_a_region_cell_is_flagged_on_load(tmp_path):
    path = tmp_path / "regio.csv"
    path.write_text(HEAD + '"Delft";"100";"110"\n"Jan 123.456.782";"5";"6"\n"j.devries@school.nl";"7";"8"\n'
                    '"Bron: CBS"\n', encoding="utf-8")
    data = read_statline(path)
    report = data.attrs["report"]
    summary = report.summary(published=True)
    flagged = [e for e in report.entries if e["action"] == "warning"]
    assert {e["row"] for e in flagged} == {6, 7}, report.entries
    assert "persoonsgegevens" in summary and "…82" in summary and "123.456.782" not in summary
    assert "devries" not in summary
    assert set(data.attrs["identifier_columns"]) >= {"region", "region_name"}


def test_a_formula_in_a_region_cell_is_flagged_and_written_as_text(tmp_path):
    path = tmp_path / "formule.csv"
    path.write_text(HEAD + '"=HYPERLINK(""http://x.example"",""klik"")";"100";"110"\n"Delft";"1";"2"\n',
                    encoding="utf-8")
    data = read_statline(path)
    assert any("formule" in e["reason"] for e in data.attrs["report"].entries)
    table = data[data["region"].eq("Delft")].groupby("region")["value"].sum().reset_index()
    table.loc[1] = ["=HYPERLINK(\"http://x.example\",\"klik\")", 210.0]
    paths = export_table(table, "cbs", folder=tmp_path / "out", counts=(), source="CBS")
    book = openpyxl.load_workbook(paths["xlsx"])
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)
             and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)  # text, not a live formula
    assert "'=HYPERLINK" in paths["csv"].read_text(encoding="utf-8-sig")
