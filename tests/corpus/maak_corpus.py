"""Writes the corpus of malformed input files used by tests/test_corpus.py.

Run from the project root: ``PYTHONPATH=. python tests/corpus/maak_corpus.py``. Each file holds one kind
of defect that students meet in real exports; the expected outcome of each is in test_corpus.py.
"""
from pathlib import Path

import openpyxl

from evaluatie.io import save_workbook

HERE = Path(__file__).parent
PANEL = "School;Maand;Aantal;Leerlingen\n"


def w(name, text, encoding="utf-8"):
    (HERE / name).write_bytes(text.replace("\n", "\r\n").encode(encoding))


def xlsx(name, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for r in rows:
            ws.append(r)
    save_workbook(book, HERE / name)  # fixed timestamps: the corpus is byte-for-byte reproducible


w("komma.csv", "school,maand,aantal,leerlingen\nA,2024-01,2,250.5\nA,2024-02,3,250.5\n")
w("puntkomma_decimaalkomma.csv", PANEL + "A;2024-01;2;412,5\nA;2024-02;1;412,5\n")
w("tab.tsv", "School\tMaand\tAantal\tLeerlingen\nA\t2024-01\t2\t300\nB\t2024-01\t0\t200\n")
w("utf8_bom.csv", "\ufeff" + PANEL + "IKC De Wâlden;2024-01;2;300\n")
w("windows1252.csv", PANEL + "IKC Het Mozaïek;2024-01;2;300\n", encoding="cp1252")
(HERE / "utf16.txt").write_bytes("School\tMaand\tAantal\tLeerlingen\r\nIKC Zoë\t2024-01\t1\t120\r\n".encode("utf-16"))
xlsx("titelblok.xlsx", {"Blad1": [["Verwijzingen per school"], ["Bron: gemeente, 2024"], [],
                                   ["School", "Maand", "Aantal", "Leerlingen"], ["A", "2024-01", 2, 300],
                                   ["A", "2024-02", 4, 300]]})
xlsx("tabbladen.xlsx", {"Uitleg": [["Dit bestand bevat verwijzingen"], ["Kolom", "Uitleg"]],
                        "Gegevens": [["School", "Maand", "Aantal", "Leerlingen"], ["A", "2024-01", 2, 300]]})
xlsx("verkeerd_tabblad.xlsx", {"Gegevens": [["School", "Maand", "Aantal"], ["A", "2024-01", 2]]})
w("datums_nl.csv", "Casus;Startdatum;Einddatum\nC1;3-9-2024;03-10-2024\nC2;03-09-2024;\nC3;3 september 2024;"
  "1 okt. 2024\nC4;3 sep. 2024;zo 6 oktober 2024\nC5;2024-09-03;15/10/24\n")
w("excel_serienummers.csv", "Casus;Startdatum;Einddatum\nC1;45538;45568\nC2;45539;\n")
xlsx("gemengde_datums.xlsx", {"Blad1": [["Casus", "Aanmelddatum", "Datum plaatsing"],
                                        ["C1", "3-9-2024", "2024-10-01"], ["C2", 45538, "1 oktober 2024"]]})
w("nederlandse_kolomnamen.csv", "Schoolnaam;Leerlingnummer;Hulpverleningsinstantie;Soort instantie\n"
  "SBO A;123;Accare;jeugd-GGZ\nSBO A;124;;\n")
w("totaalrij.csv", PANEL + "A;2024-01;2;300\nB;2024-01;3;200\nTotaal;;5;500\n")
w("lege_rijen.csv", PANEL + "A;2024-01;2;300\n;;;\n\nB;2024-01;3;200\n")
w("dubbele_rijen.csv", PANEL + "A;2024-01;2;300\nA;2024-01;2;300\nB;2024-01;3;200\n")
w("leeg.csv", "")
w("alleen_kop.csv", PANEL)
w("tekst_in_getal.csv", PANEL + "A;2024-01;twee;300\nB;2024-01;3;200\n")
w("negatief_aantal.csv", PANEL + "A;2024-01;-1;300\nB;2024-01;3;200\n")
w("nul_leerlingen.csv", PANEL + "A;2024-01;1;0\nB;2024-01;3;200\n")
w("eind_voor_start.csv", "Casus;Startdatum;Einddatum\nC1;3-9-2024;1-9-2024\nC2;3-9-2024;1-10-2024\n")
w("bsn_in_tekst.csv", "School;Leerling;Instantie;Opmerking\nSBO A;1;Accare;BSN 111222333 staat in dossier\n"
  "SBO A;2;Vitree;geen bijzonderheden\n")
w("naam_kolom.csv", "School;Leerling;Naam;Instantie\nSBO A;1;Jan Jansen;Accare\nSBO A;2;Piet Pietersen;Vitree\n")
w("geen_kopregel.csv", "a;b;c\n1;2;3\n")
w("ontbrekende_kolom.csv", "School;Maand;Leerlingen\nA;2024-01;300\n")
w("onbekende_lijn.csv", "Leerling;School;Datum;Lijn\n1;A;3-9-2024;derdelijns\n2;A;4-9-2024;tweedelijns\n")
w("onbekend_type.csv", "School;Leerling;Instantie;Soort\nSBO A;1;Voetbalclub;sportclub\nSBO A;2;Accare;jeugd-GGZ\n")
(HERE / "kapotte_excel.xlsx").write_bytes(b"dit is geen excel-bestand")
(HERE / "oud_formaat.xls").write_bytes(b"\xd0\xcf\x11\xe0 oud excel")
w("duizendtallen.csv", PANEL + "A;2024-01;2;1.250\nB;2024-01;12;2.000\n")
w("schooljaren.csv", "School;Schooljaar;Aantal;Leerlingen\nA;2022/2023;20;300\nA;2023-2024;15;300\n")
w("kwartalen.csv", "School;Kwartaal;Aantal;Leerlingen\nA;2023K1;2;300\nA;2023-Q2;3;300\nA;K3 2023;1;300\n")
w("gemengde_perioden.csv", PANEL + "A;2024-01;2;300\nA;2024-02;2;300\nA;2024K2;5;300\n")
w("geen_ja_nee.csv", "School;Maand;Aantal;Leerlingen;Jeugdondersteuner\nA;2024-01;2;300;ja\nA;2024-02;2;300;misschien\n")
w("ontbrekende_waarde.csv", "School;Leerling;Instantie\nSBO A;;Accare\nSBO A;2;Vitree\n")
w("dubbele_sleutel.csv", PANEL + "A;2024-01;2;300\nA;2024-01;5;300\n")
w("niets_bruikbaar.csv", PANEL + "A;2024-01;-1;300\nA;2024-02;-2;300\n")
w("tekst_in_item.csv", "Respondent;Groep;Meting;vraag_1;vraag_2\nR1;ouder;voor;4;5\nR2;ouder;voor;weet niet;3\n"
  "R3;leerkracht;voor;2;2\n")
(HERE / "binair.csv").write_bytes(bytes(range(256)) * 4)
w("datum_onleesbaar.csv", "Casus;Startdatum;Einddatum\nC1;31-2-2024;\nC2;volgende week;\nC3;1-3-2024;\n")
w("geheel_getal.csv", PANEL + "A;2024-01;2,5;300\nA;2024-02;2;300\n")
w("dubbele_kop.csv", "School;Maand;Aantal;Opmerking;Opmerking\nA;2024-01;2;x;y\nB;2024-01;3;x;z\n")
w("kolom_row.csv", "School;Maand;Aantal;row\nA;2024-01;2;eerste\nB;2024-01;3;tweede\n")
w("gereserveerde_kolom.csv", "School;Maand;Aantal;source_row\nA;2024-01;2;1\nB;2024-01;3;2\n")

# --- loading never guesses silently (issue #10) ------------------------------------------------
w("los_aanhalingsteken.csv", PANEL + 'A;2024-01;2;300\n"B;2024-01;3;200\nC;2024-01;3;200\nD;2024-01;1;200\n'
  "E;2024-01;4;200\n")
w("los_aanhalingsteken_midden.csv", PANEL + 'A;2024-01;2;300\n"B;2024-01;3;200\nC;2024-01;"3";200\n'
  "D;2024-01;1;200\n")
w("cel_over_regels.csv", 'School;Leerling;Instantie\nSBO A;1;"Accare\nafdeling Zuid"\nSBO A;2;Vitree\n')
(HERE / "gemengde_codering.csv").write_bytes(
    (PANEL + "IKC Zoë;2024-01;2;300\n").replace("\n", "\r\n").encode("utf-8")
    + "Diëtist Mozaïek;2024-01;3;200\r\n".encode("cp1252") + "IKC Wâlden;2024-01;1;150\r\n".encode("utf-8"))


def hidden_sheets():
    book = openpyxl.Workbook()
    old = book.active
    old.title = "Oud"
    for r in (["School", "Maand", "Aantal", "Leerlingen"], ["Oude school", "2020-01", 9, 100]):
        old.append(r)
    old.sheet_state = "hidden"
    ws = book.create_sheet("Gegevens")
    for r in (["School", "Maand", "Aantal", "Leerlingen"], ["A", "2024-01", 2, 300], ["B", "2024-01", 3, 200]):
        ws.append(r)
    save_workbook(book, HERE / "verborgen_tabblad.xlsx")


def merged_school():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Dossiers"
    for r in (["School", "Leerling", "Instantie"], ["SBO De Regenboog", "1", "Accare"], [None, "2", "Vitree"],
              [None, "3", "Jeugdteam 3"], ["SBO De Brug", "4", "GGD"]):
        ws.append(r)
    ws.merge_cells("A2:A4")
    save_workbook(book, HERE / "samengevoegde_cellen.xlsx")


def formula_without_value():
    book = openpyxl.Workbook()
    ws = book.active
    for r in (["School", "Maand", "Aantal", "Leerlingen"], ["A", "2024-01", 2, 300], ["A", "2024-02", "=C2+1", 300]):
        ws.append(r)
    save_workbook(book, HERE / "formule_zonder_waarde.xlsx")


def huge_dimension():
    """A tiny workbook whose sheet declares A1:XFD1048576 and holds one empty styled cell there."""
    import io
    import zipfile

    book = openpyxl.Workbook()
    ws = book.active
    for r in (["School", "Maand", "Aantal", "Leerlingen"], ["A", "2024-01", 2, 300], ["B", "2024-01", 3, 200]):
        ws.append(r)
    buffer = io.BytesIO(save_workbook(book, HERE / "enorme_afmeting.xlsx").read_bytes())  # fixed timestamps
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:D3"/>', b'<dimension ref="A1:XFD1048576"/>')
                data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>')
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zout.writestr(info, data, zipfile.ZIP_DEFLATED)
    (HERE / "enorme_afmeting.xlsx").write_bytes(out.getvalue())


def two_sheets():
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "2023"
    for r in (["School", "Maand", "Aantal"], ["A", "2023-01", 2]):
        ws.append(r)
    ws = book.create_sheet("2024")
    for r in (["School", "Maand", "Aantal"], ["A", "2024-01", 3]):
        ws.append(r)
    save_workbook(book, HERE / "twee_tabbladen.xlsx")


hidden_sheets()
merged_school()
formula_without_value()
huge_dimension()
two_sheets()
TRAJ = "Casus;Startdatum;Einddatum\n"
w("datums_maand_eerst.csv", TRAJ + "C1;10/02/2024;10/20/2024\nC2;09/13/2024;\nC3;11/04/2024;12/01/2024\n")
# both orders really used (three values each prove one): a value that fits both cannot be read
w("datums_gemengd.csv", TRAJ + "C1;13/02/2024;\nC2;02/14/2024;\nC3;10/02/2024;\nC4;03/03/2024;\n"
  "C5;14/03/2024;\nC6;03/15/2024;\nC7;15/04/2024;\nC8;04/16/2024;\n")
# one US-style typo among Dutch dates: only that cell is wrong; every column is read day-first
w("datum_een_amerikaans.csv", TRAJ + "C1;3-9-2024;1-2-2025\nC2;12-13-2024;\nC3;1-10-2024;\nC4;4-11-2024;5-12-2024\n")
w("tweecijferig_jaar.csv", TRAJ + "C1;3-9-24;1-10-24\nC2;15-9-24;\n")
w("cellen_zonder_kop.csv", "School;Maand;Aantal\n" + "".join(f"A;2024-{m:02d};{m}\n" for m in range(1, 13))
  + "".join(f"B;2024-{m:02d};{m}\n" for m in range(1, 13)) + "C;2024-01;1;opmerking zonder kop;nog een\n")
