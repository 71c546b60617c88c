"""Personal-data headers (privacy.header_kind) and near-duplicate labels (quality.near_duplicates)."""
import pandas as pd
import pytest

from evaluatie.io import read_table
from evaluatie.privacy import header_kind
from evaluatie.quality import near_duplicates

KEY = "sleutel-voor-tests-0123456789"

PERSONAL = [
    ("BSN leerling", "BSN"), ("BSN-nummer", "BSN"), ("bsn_nr", "BSN"), ("Burgerservicenummer", "BSN"),
    ("Achternaam leerling", "naam"), ("Naam kind", "naam"), ("Roepnaam leerling", "naam"),
    ("Naam ouder/verzorger", "naam"), ("Leerlingnaam", "naam"), ("FirstName", "naam"), ("last_name", "naam"),
    ("Voorletters", "naam"), ("Naam", "naam"), ("Naam hulpverlener", "naam"), ("Full name", "naam"),
    ("Geboortedatum leerling", "geboortedatum"), ("geb. datum", "geboortedatum"), ("Geb.datum", "geboortedatum"),
    ("Date of birth", "geboortedatum"), ("Geboren", "geboortedatum"), ("DOB", "geboortedatum"),
    ("E-mailadres ouder", "e-mail"), ("Email", "e-mail"), ("e_mail", "e-mail"), ("Mailadres", "e-mail"),
    ("Telefoonnummer ouders", "telefoon"), ("Mobiel nummer", "telefoon"), ("tel. nr", "telefoon"),
    ("Tel.nr.", "telefoon"), ("Phone", "telefoon"), ("GSM", "telefoon"),
    ("Postcode/woonplaats", "adres"), ("Adresgegevens", "adres"), ("Woonadres", "adres"), ("Huisnr", "adres"),
    ("Straatnaam", "adres"), ("Home address", "adres"), ("Zip code", "adres"), ("Adres ouders", "adres"),
]
NOT_PERSONAL = ["Naam instantie", "Schoolnaam", "Naam school", "Instantienaam", "Naam organisatie",
                "Telefoonnummer instantie", "Adres school", "Agency name", "School", "Instantie", "Leerling",
                "Leerlingnummer", "Aantal", "Datum", "Maand", "Soort instantie", "Opmerking", "Type", "Periode",
                "Leerlingen", "Start", "Wijkteam", "Productnaam"]


@pytest.mark.parametrize("header, kind", PERSONAL)
def test_personal_headers(header, kind):
    assert header_kind(header) == kind


@pytest.mark.parametrize("header", NOT_PERSONAL)
def test_organisation_and_ordinary_headers(header):
    assert header_kind(header) is None


def test_read_table_drops_personal_headers_keeps_organisation(tmp_path):
    headers = ["Schoolnaam", "Leerlingnummer", "Instantienaam", "Naam school", "Naam instantie"] + [
        h for h, _ in PERSONAL[:13]]
    row = ["SBO De Regenboog", "L001", "Accare", "SBO De Regenboog", "Accare"] + ["x"] * 13
    path = tmp_path / "dossier.csv"
    path.write_text(";".join(headers) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    data, report = read_table(path, kind="dossier", key=KEY)
    assert set(data.columns) == {"source_row", "school", "pupil", "agency_raw", "Naam school",
                                 "Naam instantie"}
    notes = " ".join(report.notes)
    for header, _ in PERSONAL[:13]:
        assert f"'{header}' niet ingelezen" in notes


def test_pupil_names_as_identifier_are_pseudonymized_and_reported(tmp_path):
    path = tmp_path / "dossier.csv"
    path.write_text("School;Leerlingnaam;Instantie\nA;Jan Jansen;Accare\n", encoding="utf-8")
    data, report = read_table(path, kind="dossier", key=KEY)
    assert data["pupil"].iloc[0].startswith("ps_")
    assert any("Leerlingnaam" in n and "persoonsgegevens" in n for n in report.notes)


def test_near_duplicates_examples():
    values = (["SBO De Regenboog"] * 5 + ["sbo de regenboog "] + ["IKC Het Anker"] * 4 + ["IKC Het Ankerr"]
              + ["Jeugdteam 3", "Jeugdteam 4", "GGD 2023", "GGD 2024", "Accare", "Karakter", None, ""])
    out = near_duplicates(values)
    assert list(out.columns) == ["value", "similar_to", "score", "n_value", "n_similar"]
    assert out[["value", "similar_to", "n_value", "n_similar"]].to_dict("records") == [
        {"value": "sbo de regenboog ", "similar_to": "SBO De Regenboog", "n_value": 1, "n_similar": 5},
        {"value": "IKC Het Ankerr", "similar_to": "IKC Het Anker", "n_value": 1, "n_similar": 4},
    ]
    assert out["score"].iloc[0] == 100
    # fuzz.ratio = 2 * matches / total length = 2 * 13 / 27
    assert out["score"].iloc[1] == pytest.approx(round(100 * 26 / 27, 1))


def test_near_duplicates_cutoff_and_empty():
    assert near_duplicates(["Accare", "Accara"], score_cutoff=90).empty  # ratio 83.3
    assert len(near_duplicates(["Accare", "Accara"], score_cutoff=80)) == 1
    assert near_duplicates(["A"]).empty and near_duplicates([]).empty
    assert near_duplicates(pd.Series(["x", "x"])).empty  # one spelling is not a pair
    with pytest.raises(ValueError):
        near_duplicates(["a", "b"], score_cutoff=120)
