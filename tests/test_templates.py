"""Excel input templates: a correctly filled template loads without any remark."""
import openpyxl
import pytest

from evaluatie import read_table
from evaluatie.schemas import KINDS

FILLED = {
    "dossier": [["SBO A", "L1", "Accare", "jeugd-GGZ", "student A"], ["SBO A", "L2", None, None, "student B"]],
    "panel": [["IKC A", "2024-09", 2, 410, "nee", None, "tweedelijns"],
              ["IKC A", "2024-10", 0, 410, "ja", "1-10-2024", "tweedelijns"]],
    "referrals": [["L1", "IKC A", "3-9-2024", "tweedelijns", "Accare"], ["L2", "IKC A", "4-9-2024", "eerstelijns", None]],
    "survey": [["R1", "ouder", "voor", "IKC A"], ["R1", "ouder", "na", "IKC A"]],
    "fragments": [["R1", "ouder", "wachttijd", "Het duurde lang."], ["R2", "leerkracht", "samenwerking", None]],
    "trajectories": [["C1", "Team Noord", "3-9-2024", "15-11-2024", "na"], ["C2", "Team Noord", "4-9-2024", None, "na"]],
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_filled_template_loads_cleanly(kind, root, tmp_path):
    names = {"referrals": "verwijzingen", "survey": "vragenlijst", "fragments": "interviewfragmenten",
             "trajectories": "trajecten"}
    source = root / "data_raw" / "sjablonen" / f"sjabloon_{names.get(kind, kind)}.xlsx"
    book = openpyxl.load_workbook(source)
    ws = book.worksheets[0]
    assert ws.title == "Gegevens" and book.sheetnames[1] == "Uitleg"
    assert len(ws.data_validations.dataValidation) == sum(
        1 for c in KINDS[kind].columns if c.categories or c.type == "bool")
    for row in FILLED[kind]:
        ws.append(row)
    path = tmp_path / source.name
    book.save(path)
    data, report = read_table(path, kind=kind)
    assert report.entries == [] and report.n_used == 2 == len(data)


@pytest.mark.parametrize("kind", list(KINDS))
def test_template_headers_are_dutch_and_recognised(kind, root):
    """Issue #12: templates used internal keys (agencyraw, agencytype, carelevel) as headers."""
    from evaluatie.schemas import match_column, normalize_header

    names = {"referrals": "verwijzingen", "survey": "vragenlijst", "fragments": "interviewfragmenten",
             "trajectories": "trajecten"}
    book = openpyxl.load_workbook(root / "data_raw" / "sjablonen" / f"sjabloon_{names.get(kind, kind)}.xlsx")
    headers = [c.value for c in book.worksheets[0][1]]
    assert headers == [c.label for c in KINDS[kind].columns]
    for header, col in zip(headers, KINDS[kind].columns):
        assert match_column(header, kind) == col.name
        assert "_" not in header and header[0].isupper()
        assert normalize_header(header) not in {"agencyraw", "agencytype", "carelevel"}


def test_messages_name_the_column_as_in_the_users_file(tmp_path):
    ws_book = openpyxl.Workbook()
    ws = ws_book.active
    ws.append(["School", "Periode", "Aantal", "Leerlingen", "Zorgniveau"])
    ws.append(["IKC A", "2024-09", -2, 410, "tweedelijns"])
    ws.append(["IKC A", "2024-10", 1, 410, "derdelijns"])
    ws.append(["IKC A", "2024-11", 1, 410, "tweedelijns"])
    path = tmp_path / "eigen.xlsx"
    ws_book.save(path)
    _, report = read_table(path, kind="panel")
    assert report.to_frame()["column"].tolist() == ["Aantal", "Zorgniveau"]
