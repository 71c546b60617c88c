"""The report sections for questionnaires, interviews, small pilots, process times and costs (issues #13-#15):
what they publish, that identifiers in their input never reach an output, and that the same input gives the
same files (PDF and DOCX included).

One pilot with only these sections runs twice (module fixture): on the synthetic example data with a BSN and
names injected into every data file, so one run proves both what is published and what is not.
"""
from __future__ import annotations

import json
import re
import zipfile
from html import unescape
from pathlib import Path

import pandas as pd
import pytest

from evaluatie import synthetic
from evaluatie.errors import InputError
from evaluatie.factsheet import (
    MAX_CAVEATS,
    MAX_KEYS,
    _pick,
    find_chromium,
    fix_pdf_dates,
)
from evaluatie.interviews import possible_names
from evaluatie.pilot import load_pilot, run_pilot

EXAMPLE = Path(__file__).resolve().parents[1] / "data_raw" / "voorbeeld"
CHROMIUM = find_chromium()
BSN = "123456782"  # passes the eleven test
SPELLINGS = ["123456782", "1234.56.782", "123 456 782", "BSN: 1234-56-782"]
NAMES = ["Jansen", "Annemieke", "Pietersen", "Bakker", "Mohammed"]

HEAD = '''naam = "secties"
titel = "Vragenlijst, interviews, kleine pilot, doorlooptijden en kosten"
regio = "Regio Test"
periode = "2023-2024"
bron = "synthetische testdata"
seed = 3
'''
ANALYSES = '''
[analyses.vragenlijst]
[analyses.interviews]
citaten = 2
[analyses.kleine_pilot]
uitkomst = "Uitkomst"
gunstig = "regulier onderwijs"
vergelijk = 0.1
kans_boven = 0.3
reden = "klas van 4 leerlingen (testdata)"
tijdlijn = true
moment = "Start ambulante hulp"
[analyses.doorlooptijden]
norm_dagen = 90
[analyses.kosten]
uren_per_week = 20
maandsalaris = "€ 4.200"
leerlingen_bereikt = 180
casussen = 60
trajecten_per_jaar = 40
kosten_traject = "€ 8.500"
verhouding = 0.8
marges = { verhouding = [0.6, 1.05], kosten_traject = ["€ 6.000", "€ 12.000"] }
simulaties = 2000
individueel_per_leerling = "€ 899,50"
kosten_toegang = "€ 350,50"
[analyses.stappen]
datums = ["Aanmelddatum", "Datum indicatie", "Start hulp"]
namen = ["aanmelding", "indicatie", "start hulp"]
groep = "Groep"
'''


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def injected_inputs(folder: Path) -> dict:
    """The example inputs with a BSN (in several spellings) and names in identifier, extra and free-text columns."""
    survey, _ = synthetic.survey(seed=2)
    ids = survey["respondent"].unique()
    names = {r: f"{NAMES[i % 5]} {i} {SPELLINGS[i % 4]}" for i, r in enumerate(ids)}
    survey["respondent"] = survey["respondent"].map(names)  # identifiers: pseudonymized on load
    survey["Naam ouder"] = [NAMES[i % 5] for i in range(len(survey))]  # an identifying column: dropped on load
    survey.loc[::7, "toelichting"] = f"Bel mevrouw {NAMES[1]} {NAMES[0]}, bsn {BSN}."  # open answers
    frag = pd.read_csv(EXAMPLE / "interviewfragmenten.csv", sep=";", dtype=str, encoding="utf-8-sig")
    frag["Respondent"] = frag["Respondent"] + " " + NAMES[2]
    extra = pd.DataFrame({"Respondent": [f"I-X{i} {NAMES[2]}" for i in range(6)], "Groep": ["ouder", "leerkracht"] * 3,
                          "Code": "overig"})  # own theme and respondents: these are the quotes picked for it
    extra["Fragment"] = [f"Ik sprak met juf {NAMES[1]} over de wachttijd.", f"{NAMES[3]} {NAMES[4]} belde ons.",
                         f"Zijn BSN is {SPELLINGS[1]}, dat weet ik.", f"Volgens meester {NAMES[0]} gaat het beter.",
                         f"Het dossier van {NAMES[2]} lag er nog.", f"De hulp kwam via {NAMES[4]} snel op gang."]
    frag = pd.concat([frag, extra], ignore_index=True)
    traj, _ = synthetic.trajectories(seed=4)
    traj["case"] = [f"{NAMES[i % 5]} {i} {SPELLINGS[i % 4]}" for i in range(len(traj))]
    traj["BSN"] = [SPELLINGS[i % 4] for i in range(len(traj))]
    klas = pd.read_csv(EXAMPLE / "so_plus_klas.csv", sep=";", dtype=str, encoding="utf-8-sig")
    klas["Leerling"] = [f"{NAMES[i]} ({SPELLINGS[i]})" for i in range(len(klas))]
    klas["Opmerking"] = f"moeder {NAMES[1]} gebeld"
    steps = pd.read_csv(EXAMPLE / "procedures_logopedie.csv", sep=";", dtype=str, encoding="utf-8-sig")
    steps["Casus"] = [f"{NAMES[i % 5]} {SPELLINGS[i % 4]}" for i in range(len(steps))]
    steps["Opmerking"] = f"juf {NAMES[3]} belde"
    return {"stappen": _csv(steps, folder / "procedures.csv"),
            "vragenlijst": _csv(survey, folder / "vragenlijst.csv"), "codeboek": EXAMPLE / "codeboek_vragenlijst.csv",
            "fragmenten": _csv(frag, folder / "fragmenten.csv"),
            "trajecten": _csv(traj, folder / "trajecten.csv"), "klas": _csv(klas, folder / "klas.csv")}


def write_pilot(folder: Path, data: dict, body: str = ANALYSES) -> Path:
    lines = [HEAD, "[data]"] + [f"{k} = {json.dumps(str(v))}" for k, v in data.items()] + [body]
    path = folder / "pilot.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The pilot run twice into separate folders (PDF when Chromium is there, DOCX always)."""
    root = tmp_path_factory.mktemp("secties")
    path = write_pilot(root, injected_inputs(root))
    out = []
    for i in (1, 2):
        lines: list = []
        paths = run_pilot(path, figures=root / f"f{i}", reports=root / f"r{i}", progress=lines.append)
        out.append((root / f"f{i}" / "secties", root / f"r{i}" / "secties", paths, lines))
    return out


def _all_text(folders) -> str:
    """Every output as text: plain files, every member of xlsx/docx zips, PDF text and bytes, file names."""
    parts = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            parts.append(str(path.relative_to(folder)))
            if path.suffix in (".xlsx", ".docx"):
                with zipfile.ZipFile(path) as z:
                    parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
            elif path.suffix == ".pdf":
                from pypdf import PdfReader

                parts += [p.extract_text() or "" for p in PdfReader(path).pages]
                parts.append(path.read_bytes().decode("latin-1"))
            elif path.is_file():
                parts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(parts)


# ------------------------------------------------------------------ what is published
def test_every_section_publishes_its_parts(runs):
    fig, rep, paths, lines = runs[0]
    assert [ln.split("]")[0] for ln in lines] == [f"[{i}/9" for i in range(1, 10)]
    sheets = pd.ExcelFile(rep / "tabellen.xlsx").sheet_names
    expected = {"vragenlijst_vragen", "vragenlijst_schalen", "vragenlijst_vergelijking", "interviews_themas",
                "interviews_citaten", "kleine_pilot", "doorlooptijden_mediaan", "doorlooptijden_norm",
                "kosten_aannames", "kosten_per_leerling", "kosten_opbrengst", "kosten_financiering", "stappen"}
    assert expected <= set(sheets)
    for name in expected:
        assert (rep / f"{name}.csv").is_file(), name
    for name in ("03_vragenlijst_samenwerking", "03_interviews_themas", "04_kleine_pilot_aandeel",
                 "04_kleine_pilot_tijdlijn", "04_doorlooptijden", "04_kosten_gevoeligheid", "04_stappen",
                 "04_kosten_financiering"):
        for ext in ("png", "svg", "pdf", "txt"):
            assert (fig / f"{name}.{ext}").is_file(), f"{name}.{ext}"
        assert re.search(r"Bron: synthetische testdata; n = \d+", (fig / f"{name}.txt").read_text(encoding="utf-8"))
    html = paths["factsheet.html"].read_text(encoding="utf-8")
    for label in ("verschil in score &#39;samenwerking&#39; (1–5), voor → na", "interviews (ouder 11, overige 12)",
                  "2 van 4", "aandeel met passend aanbod binnen 90 dagen, in groep &#39;na&#39;",
                  "kosten per bereikte leerling per jaar",
                  "kans dat de inzet zich terugverdient"):
        assert label in html, label
    assert len(re.findall(r"<img ", html)) == 3  # the three figures of lowest rank; the rest in figures/


def test_tables_have_dutch_headers_rounded_numbers_and_protected_cells(runs):
    _, rep, _, _ = runs[0]
    read = lambda n: pd.read_csv(rep / f"{n}.csv", sep=";", dtype=str, encoding="utf-8-sig")
    items = read("vragenlijst_vragen")
    assert list(items.columns) == ["onderdeel", "meting", "antwoorden", "weet niet", "(helemaal) oneens (%)",
                                   "(helemaal) eens (%)", "mediaan"]
    assert items["(helemaal) eens (%)"].str.fullmatch(r"\d{1,3}").all()  # whole percentages, no fractions
    assert (items["weet niet"] == "x").any()  # fewer than 5 "weet niet": hidden
    themes = read("interviews_themas")
    assert themes.columns[0] == "thema" and "genoemd door intern begeleider" not in themes.columns
    # 3 care coordinators: merged with the smallest other group, never a column of their own
    assert list(themes.columns[3:]) == ["genoemd door ouder", "genoemd door overige"]
    assert (themes[list(themes.columns[3:])] == "x").sum().sum() >= 2
    scales = read("vragenlijst_schalen")
    assert scales["Cronbachs alfa (0–1)"].str.fullmatch(r"0,\d\d").all()
    assert scales.columns[-3:].tolist() == ["alfa: ondergrens 95%-BI", "alfa: bovengrens 95%-BI", "McDonalds omega (0–1)"]
    norm = read("doorlooptijden_norm")
    assert norm.columns.tolist() == ["groep", "casussen", "binnen 90 dagen (%)", "ondergrens 95%-BI (%)",
                                     "bovengrens 95%-BI (%)"]
    costs = read("kosten_aannames")
    assert "€ 4.200" in costs["waarde"].tolist() and "€ 6.000" in costs["laag"].tolist()
    # collective (the deployment: € 4.200 × 12 × 20/36 × 1,3 × 1,15 = € 41.860) against 60 × (€ 899,50 + € 350,50)
    fin = read("kosten_financiering")
    assert fin.columns.tolist() == ["financiering", "geholpen leerlingen", "kosten per jaar (euro)",
                                    "kosten per geholpen leerling (euro)"]
    assert fin.values.tolist() == [["collectief (vast budget)", "60", "41860", "698"],
                                   ["individueel (per beschikking)", "60", "75000", "1250"]]
    steps = read("stappen")
    assert steps.columns.tolist() == ["groep", "stap", "afgerond", "nog bezig", "mediaan (dagen)",
                                      "ondergrens 95%-BI (dagen)", "bovengrens 95%-BI (dagen)",
                                      "gemiddeld bij afgeronde routes (dagen)", "deel van de totale tijd (%)"]
    # groups in time order (oud before nieuw); 3 cases of 'nieuw' still wait for help: hidden, with what gives them away
    assert steps["groep"].tolist() == ["oud"] * 3 + ["nieuw"] * 3
    assert steps["stap"].tolist() == ["aanmelding → indicatie", "indicatie → start hulp", "totaal"] * 2
    assert steps[["afgerond", "nog bezig"]].values.tolist()[3:] == [["35", "0"], ["x", "x"], ["x", "x"]]
    assert steps["mediaan (dagen)"].tolist() == ["38", "28", "69", "13", "24", "37"]  # medians reveal no count
    assert "stappen" in pd.ExcelFile(rep / "tabellen.xlsx").sheet_names
    # nor do the texts give the hidden count away: 35 cases of 'nieuw', of whom 32 went through every step
    text = _all_text([runs[0][0], rep])
    assert "35 casussen" in text and not re.search(r"\b32 (afgerond|casussen)", text)
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "Log-rank-toets: χ² = 13,96 (1 vrijheidsgraad), p < 0,001." in note


def test_small_counts_only_with_the_reason_recorded(runs, tmp_path):
    _, rep, _, _ = runs[0]
    small = pd.read_csv(rep / "kleine_pilot.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert small[["met deze uitkomst", "leerlingen", "aandeel (%)"]].values.tolist() == [["2", "4", "50"]]
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "reden volgens het pilotbestand: klas van 4 leerlingen (testdata)" in note
    assert "De tijdlijn per leerling" in note
    body = ANALYSES.replace('reden = "klas van 4 leerlingen (testdata)"\n', "")
    path = write_pilot(tmp_path, {"klas": EXAMPLE / "so_plus_klas.csv"}, body.split("[analyses.doorlooptijden]")[0]
                       .replace("[analyses.vragenlijst]\n[analyses.interviews]\ncitaten = 2\n", ""))
    with pytest.raises(InputError, match=r"4 leerlingen, of een uitkomst bij minder dan 5; .* reden = "):
        run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)
    assert not (tmp_path / "r").exists()


def test_quotes_are_anonymous_and_name_free(runs):
    _, rep, _, _ = runs[0]
    quotes = pd.read_csv(rep / "interviews_citaten.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert len(quotes) >= 5 and quotes["wie"].str.fullmatch(r"(ouder|overige) \d+").all()  # small groups: labelled as merged
    assert not possible_names(quotes["citaat"]).any()


def test_identifiers_in_any_section_input_never_reach_an_output(runs):
    """BSN (four spellings) and names in ids, extra columns, open answers and quotes: in no output file."""
    text = _all_text([runs[0][0], runs[0][1]])
    digits = re.sub(r"(?<=\d)[\s.\-_/]+(?=\d)", "", text)
    assert BSN not in digits
    for name in NAMES:
        assert name.lower() not in text.lower(), name
    assert "ps_" not in text  # nor the pseudonyms that replaced them


# ------------------------------------------------------------------ same input, same bytes
def test_same_input_gives_byte_identical_files_pdf_and_docx_included(runs):
    (f1, r1, _, _), (f2, r2, _, _) = runs
    for a, b in ((f1, f2), (r1, r2)):
        names = sorted(p.name for p in a.iterdir())
        assert names == sorted(p.name for p in b.iterdir())
        for name in names:
            assert (a / name).read_bytes() == (b / name).read_bytes(), name
    kinds = {p.suffix for p in [*r1.iterdir(), *f1.iterdir()]}
    assert {".docx", ".xlsx", ".html", ".md", ".csv", ".png", ".svg", ".txt"} <= kinds
    assert (".pdf" in {p.suffix for p in r1.iterdir()}) == (CHROMIUM is not None)


def test_pdf_dates_follow_source_date_epoch(tmp_path, monkeypatch):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"<</CreationDate (D:20261123225027-05'00')\n/ModDate (D:20261123225027Z)>>")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    out = fix_pdf_dates(p).read_bytes()
    assert out == b"<</CreationDate (D:20231114221320+00'00')\n/ModDate (D:20231114221320Z)>>"
    assert len(out) == len(b"<</CreationDate (D:20261123225027-05'00')\n/ModDate (D:20261123225027Z)>>")


def test_pdf_structure_ids_are_renumbered_by_rank():
    """Chromium's tagged-PDF IDs shift between runs (node00000077 vs node00000076): renumbered, same length and order."""
    from evaluatie.factsheet import fix_pdf_node_ids

    runs = []
    for first in (77, 76):
        p = Path(__import__("tempfile").mkdtemp()) / "a.pdf"
        body = b"/ID (node%08d)>> /ID (node%08d)>> /IDTree << /Names [(node%08d) 5 0 R (node%08d) 6 0 R] >>" % (
            first, first + 3, first, first + 3)
        p.write_bytes(body)
        out = fix_pdf_node_ids(p).read_bytes()
        assert len(out) == len(body)
        runs.append(out)
    assert runs[0] == runs[1] == b"/ID (node00000000)>> /ID (node00000001)>> /IDTree << /Names [(node00000000) 5 0 R " \
                                 b"(node00000001) 6 0 R] >>"


def test_a_checksum_that_looks_like_a_postcode_does_not_stop_the_method_note(tmp_path):
    """'1234ae0…' reads as postcode 1234 AE, house number 0: the run failed for about 1 in 100 input files."""
    from evaluatie.factsheet import write_method_note

    pilot = load_pilot(EXAMPLE / "pilot.toml")
    digest = "1234ae0" + "f" * 57
    note = write_method_note(pilot, [], tmp_path, checksums={"pilot.toml": digest}, outputs=[])
    assert f"`{digest}`" in note.read_text(encoding="utf-8")
    with pytest.raises(InputError, match="postcode"):  # the guard itself still works on the rest of the note
        write_method_note(pilot.__class__(**{**pilot.__dict__, "source": "Dorpsstraat, 1234 AE 7"}), [], tmp_path,
                          checksums={"pilot.toml": digest}, outputs=[])


# ------------------------------------------------------------------ small pieces
def test_possible_names_flags_capitalised_words_inside_sentences():
    texts = ["De hulp zit nu in de school.", "Ik sprak met juf Annemieke.", "Het IKC helpt. Dat werkt!",
             "We belden Accare.", "Wat zei de IB'er? Niets.", "school, Jan zei het", None]
    assert possible_names(texts).tolist() == [False, True, False, True, False, True, False]


def test_factsheet_picks_first_of_every_section_then_the_rest():
    per = [["a1", "a2", "a3"], [], ["c1"], ["d1", "d2"]]
    assert _pick(per, 4) == ["a1", "a2", "c1", "d1"]
    assert _pick(per, 10, per=2) == ["a1", "a2", "c1", "d1", "d2"]
    assert MAX_KEYS == 9 and MAX_CAVEATS == 10


@pytest.mark.parametrize("body, match", [
    ("[analyses.kosten]\nscholen = 4", r"geef onder \[analyses.kosten\] óf jaarkosten óf uren_per_week én maandsalaris"),
    ("[analyses.kosten]\njaarkosten = 50000\nmarges = { salaris = [1, 2] }",
     r"onbekende sleutel 'salaris' in \[analyses.kosten\] marges"),
    ("[analyses.kosten]\njaarkosten = 50000\nmarges = { kosten_traject = 5 }", r"twee waarden tussen rechte haken"),
    ("[analyses.kosten]\njaarkosten = 50000\nmarges = { kosten_traject = [1, 2] }",
     r"marges .* hebben trajecten_per_jaar, kosten_traject en een verhouding nodig"),
    ("[analyses.kosten]\njaarkosten = \"€ 12,34,56\"",
     r"^Pilotbestand 'pilot.toml', \[analyses.kosten\]: 'jaarkosten': '€ 12,34,56' is geen bedrag of getal"),
    # the cost model's refusals name the key of the pilot file, not the model's argument (audit #15)
    ("[analyses.kosten]\nuren_per_week = -20\nmaandsalaris = \"€ 4.200,50\"",
     r"^Pilotbestand 'pilot.toml', \[analyses.kosten\]: 'uren_per_week' \(uren per week\) = -20 kan niet: moet meer "
     r"dan 0 zijn\.$"),
    ("[analyses.kosten]\nuren_per_week = \"twintig\"\nmaandsalaris = 4200", r"'uren_per_week': 'twintig' is geen bedrag"),
    ("[analyses.kosten]\njaarkosten = 50000\nleerlingen_bereikt = -3", r"'leerlingen_bereikt' \(bereikte leerlingen\) = -3 kan niet: moet een heel getal van 0 of meer zijn"),
    ("[analyses.kosten]\njaarkosten = 50000\ntrajecten_per_jaar = 40\nkosten_traject = \"€ 8.500\"\nverhouding = 0.8\n"
     "marges = { kosten_traject = [\"€ 12.000\", \"€ 6.000\"] }",
     r"Bandbreedte voor 'kosten_traject' = \('€ 12.000', '€ 6.000'\) kan niet: geef \(laag, hoog\) met laag ≤ 8\.500 ≤ hoog"),
    ("[analyses.kosten]\njaarkosten = 50000\ntrajecten_per_jaar = 40\nkosten_traject = 8500\nverhouding = 0.8\n"
     "toerekening = 1.5", r"'toerekening' \(deel van de daling .*\) = 1\.5 kan niet: moet een aandeel tussen 0 en 1"),
])
def test_cost_inputs_are_checked_in_dutch(tmp_path, body, match):
    path = write_pilot(tmp_path, {}, body)
    with pytest.raises(InputError, match=match):
        run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)


def test_costs_run_only_when_named_and_sections_follow_their_data(tmp_path):
    data = {"trajecten": EXAMPLE / "trajecten_thuiszitters.xlsx", "klas": EXAMPLE / "so_plus_klas.csv"}
    pilot = load_pilot(write_pilot(tmp_path, data, ""))
    assert set(pilot.analyses) == {"doorlooptijden", "kleine_pilot"}  # no [analyses]: what the data allow; no costs
    assert pilot.analyses["kleine_pilot"]["tijdlijn"] is False


# ------------------------------------------------------------------ process times: small groups (audit #13/#15)
def _cases(groups: dict, folder: Path) -> Path:
    """Trajectories with known counts per group: {group: (ended within 90 days, ended after, still open)}."""
    rows = []
    for g, (fast, slow, still) in groups.items():
        for i, (days, done) in enumerate([(30 + i, True) for i in range(fast)] + [(200 + i, True) for i in range(slow)]
                                         + [(None, False) for _ in range(still)]):
            start = pd.Timestamp("2023-09-01") + pd.Timedelta(days=i)
            rows.append({"Casus": f"{g or 'z'}{i}", "Startdatum": start.strftime("%d-%m-%Y"),
                         "Einddatum": (start + pd.Timedelta(days=days)).strftime("%d-%m-%Y") if done else "",
                         "Groep": g or ""})
    return _csv(pd.DataFrame(rows), folder / "trajecten.csv")


def test_process_time_groups_below_threshold_are_not_shown_nor_compared(tmp_path):
    """A group of 3 is named but not shown (no median, share or curve); cases without a group are not compared."""
    file = _cases({"voor": (12, 8, 5), "na": (10, 6, 0), "klein": (2, 1, 0), None: (2, 0, 0)}, tmp_path)
    path = write_pilot(tmp_path, {"trajecten": file}, '[analyses.doorlooptijden]\npeildatum = "1-9-2024"\n')
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, progress=lambda m: None)
    rep = tmp_path / "r" / "secties"
    norm = pd.read_csv(rep / "doorlooptijden_norm.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert norm["groep"].tolist() == ["na", "voor"] and norm["casussen"].tolist() == ["16", "25"]
    median = pd.read_csv(rep / "doorlooptijden_mediaan.csv", sep=";", dtype=str, encoding="utf-8-sig")
    # ended + open = cases, which this table leaves out (a shown total would give away a hidden cell)
    assert median.columns.tolist()[:3] == ["groep", "afgerond", "nog open"]
    assert median[["afgerond", "nog open"]].values.tolist() == [["16", "0"], ["20", "5"]]
    html = unescape((rep / "factsheet.html").read_text(encoding="utf-8"))
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    text = _all_text([tmp_path / "f", rep])
    assert "groep '…in' niet apart getoond en niet vergeleken: minder dan 5 casussen" in html
    assert "casussen zonder groep tellen niet mee in de vergelijking" in html
    assert "klein (n" not in text and "onbekend (n" not in text  # no median or share of the small groups anywhere
    assert "(1 vrijheidsgraad)" in note  # log-rank over the two shown groups only
    assert "2 rijen (rij 46–47), kolom 'Groep': groep ontbreekt; ingedeeld als 'onbekend'" in note  # file rows, header
    assert "; )" not in html


def test_process_time_tables_hide_what_a_small_open_count_gives_away(tmp_path):
    """1 case still open in 'na': hidden, and so is what it could be recomputed from (ended in that row, open in the
    other row); with rounding to 5 every count is a multiple of 5."""
    file = _cases({"voor": (12, 8, 6), "na": (20, 9, 1)}, tmp_path)
    path = write_pilot(tmp_path, {"trajecten": file}, '[analyses.doorlooptijden]\npeildatum = "1-9-2024"\n')
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)
    read = lambda name, where="r": pd.read_csv(tmp_path / where / "secties" / f"{name}.csv", sep=";", dtype=str,
                                               encoding="utf-8-sig").set_index("groep")
    median = read("doorlooptijden_mediaan")
    assert median.loc["na", "nog open"] == "x" and median.loc["na", "afgerond"] == "x"
    assert median.loc["voor", "nog open"] == "x"  # else the column total would give the hidden cell away
    assert median["mediaan (dagen)"].ne("x").all()  # a median reveals no count
    # groups in time order (median start): 'voor' (26 cases, started earlier on average) before 'na' (30)
    assert read("doorlooptijden_norm")["casussen"].tolist() == ["26", "30"]
    path.write_text(path.read_text(encoding="utf-8").replace("seed = 3\n", "seed = 3\nafronden = 5\n"), encoding="utf-8")
    run_pilot(path, figures=tmp_path / "f5", reports=tmp_path / "r5", pdf=False, docx=False, progress=lambda m: None)
    shown = [v for name in ("doorlooptijden_mediaan", "doorlooptijden_norm")
             for col in ("afgerond", "nog open", "casussen") if col in read(name, "r5")
             for v in read(name, "r5")[col] if v != "x"]
    assert shown and all(int(v) % 5 == 0 for v in shown)
    # the method note says where the rounding applies (tables, key figures, captions, figures), and that the
    # caption follows it: 26 and 30 cases are published as 25 and 30, not as 26
    note = (tmp_path / "r5" / "secties" / "verantwoording.md").read_text(encoding="utf-8")
    assert "Gepubliceerde aantallen" in note and "de kerncijfers, de bijschriften" in note
    caption = (tmp_path / "f5" / "secties" / "04_doorlooptijden.txt").read_text(encoding="utf-8")
    assert "(n = 25)" in caption and "(n = 26)" not in caption


def test_process_times_of_a_handful_need_a_reason_which_is_recorded(tmp_path):
    file = _cases({None: (3, 2, 1)}, tmp_path)
    body = '[analyses.doorlooptijden]\npeildatum = "1-9-2024"\n'
    with pytest.raises(InputError, match=r"Doorlooptijden: minder dan 5 casussen.*reden = "):
        run_pilot(write_pilot(tmp_path, {"trajecten": file}, body), figures=tmp_path / "f", reports=tmp_path / "r",
                  pdf=False, docx=False, progress=lambda m: None)
    assert not (tmp_path / "r").exists()
    path = write_pilot(tmp_path, {"trajecten": file}, body + 'reden = "6 thuiszitters (testdata)"\n')
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)
    rep = tmp_path / "r" / "secties"
    html = unescape((rep / "factsheet.html").read_text(encoding="utf-8"))
    assert "aandeel met passend aanbod binnen 90 dagen" in html and "; )" not in html
    median = pd.read_csv(rep / "doorlooptijden_mediaan.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert median[["afgerond", "nog open"]].values.tolist() == [["5", "1"]]
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "reden volgens het pilotbestand: 6 thuiszitters (testdata)" in note
    disclosure = note.split("## Bescherming van kleine aantallen")[1]
    assert "Uitzondering – Doorlooptijden: aantallen kleiner dan 5 zijn niet afgeschermd" in disclosure


# ------------------------------------------------------------------ small pilot: unknown outcomes (audit #15)
def test_small_pilot_pupils_without_outcome_are_not_counted_as_failures(tmp_path):
    klas = pd.DataFrame({"Leerling": ["a", "b", "c", "d", "e", "f"],
                         "Startdatum": ["1-9-2023", "1-9-2023", "15-9-2023", "1-10-2023", "2023-10-01", "1 okt 2023"],
                         "Einddatum": ["1-3-2024", "", "", "1-6-2024", "", ""],
                         "Uitkomst": ["regulier onderwijs", "nog in klas", "", "Regulier Onderwijs ", "nog in klas", None]})
    body = '[analyses.kleine_pilot]\nreden = "klas van 6 (testdata)"\ntijdlijn = true\n'
    path = write_pilot(tmp_path, {"klas": _csv(klas, tmp_path / "klas.csv")}, body)
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)
    rep = tmp_path / "r" / "secties"
    small = pd.read_csv(rep / "kleine_pilot.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert small[["met deze uitkomst", "leerlingen"]].values.tolist() == [["2", "4"]]  # 2 of 4 known, not 2 of 6
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "6 rijen gelezen, 4 gebruikt, 2 verwijderd" in note
    assert "2 rijen (rij 4, 7), kolom 'Uitkomst': uitkomst ontbreekt; telt niet mee in het aandeel [verwijderd]" in note
    html = unescape((rep / "factsheet.html").read_text(encoding="utf-8"))
    assert "bij minder dan 5 leerling(en) ontbreekt de uitkomst" in html
    assert ("Niet alle gegevens zijn gebruikt – klas.csv: minder dan 5 van de 6 rijen niet gebruikt. Welke rijen en "
            "waarom staat in verantwoording.md.") in html
    legend = (tmp_path / "f" / "secties" / "04_kleine_pilot_tijdlijn.txt").read_text(encoding="utf-8")
    assert "6 leerlingen" in legend  # the timeline still shows every pupil
    # a 'gunstig' value that is not in the file gives k = 0 with a warning naming the outcomes that are there
    path = write_pilot(tmp_path, {"klas": _csv(klas, tmp_path / "klas.csv")}, body + 'gunstig = "regulier"\n')
    run_pilot(path, figures=tmp_path / "f2", reports=tmp_path / "r2", pdf=False, docx=False, progress=lambda m: None)
    note = (tmp_path / "r2" / "secties" / "verantwoording.md").read_text(encoding="utf-8")
    assert "uitkomst 'regulier' (gunstig = ...) komt in kolom 'Uitkomst' niet voor, dus k = 0; controleer" in note
    assert "Regulier Onderwijs, nog in klas, regulier onderwijs" in note
    empty = klas.assign(Uitkomst="")
    path = write_pilot(tmp_path, {"klas": _csv(empty, tmp_path / "leeg.csv")}, body)
    with pytest.raises(InputError, match="geen enkele leerling in 'leeg.csv' heeft een uitkomst in kolom 'Uitkomst'"):
        run_pilot(path, figures=tmp_path / "f3", reports=tmp_path / "r3", pdf=False, docx=False, progress=lambda m: None)


def test_questionnaire_only_factsheet_says_what_it_means_and_counts_the_pairs_it_used(tmp_path):
    """A pilot with only a questionnaire: "wat betekent dit?" is not empty, and the caveat counts the pairs the
    comparison used (66), as the key figure does, not everyone who took part twice (70)."""
    data = {"vragenlijst": EXAMPLE / "vragenlijst.xlsx", "codeboek": EXAMPLE / "codeboek_vragenlijst.csv"}
    run_pilot(write_pilot(tmp_path, data, ""), figures=tmp_path / "f", reports=tmp_path / "r",
              pdf=CHROMIUM is not None, docx=False, progress=lambda m: None)
    html = unescape((tmp_path / "r" / "secties" / "factsheet.html").read_text(encoding="utf-8"))
    # one section, one key figure: its tall Likert figure gets the room to be read (not squeezed to 54 mm high)
    assert '<figure class="roomy">' in html
    if CHROMIUM is not None:
        from pypdf import PdfReader

        assert len(PdfReader(tmp_path / "r" / "secties" / "factsheet.pdf").pages) <= 2
    meaning = html.split("Wat betekent dit?</h2>")[1].split("<h2")[0]
    assert re.search(r"<li>[^<]*gestegen met 0,34 punt", meaning)
    n = re.search(r"n = (\d+) respondenten met beide metingen", html).group(1)
    assert n == "66" and f"een score voor 'samenwerking' heeft ({n} van de 70 respondenten)" in html


def test_cost_figure_without_pupils_does_not_claim_n_1(tmp_path):
    path = write_pilot(tmp_path, {}, '[analyses.kosten]\nuren_per_week = 20\nmaandsalaris = "€ 4.200,50"\n')
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)
    caption = (tmp_path / "f" / "secties" / "04_kosten.txt").read_text(encoding="utf-8")
    assert caption.splitlines()[-1] == "Bron: synthetische testdata; n = geen telling (rekenmodel met aannames)"
    costs = pd.read_csv(tmp_path / "r" / "secties" / "kosten_aannames.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert costs.set_index("aanname").loc["bruto maandsalaris bij voltijd", "waarde"] == "€ 4.200,50"  # read and shown as given


# ------------------------------------------------------------------ steps of a procedure (#15)
def _steps(groups: dict, folder: Path, first: int = 10, second: int = 30) -> Path:
    """Procedures with known step times: {group: (complete, waiting for help)}; both steps vary by −2 to +2 days
    (case i: i % 5 − 2) around ``first`` and ``second`` days; group 'snel' takes half the first step."""
    rows = []
    for g, (done, waiting) in groups.items():
        for i in range(done + waiting):
            start = pd.Timestamp("2023-09-01") + pd.Timedelta(days=2 * i)
            off = pd.Timedelta(days=i % 5 - 2)
            indication = start + pd.Timedelta(days=first // 2 if g == "snel" else first) + off
            rows.append({"Casus": f"{g or 'z'}{i}", "Groep": g or "", "Aanmelddatum": start.strftime("%d-%m-%Y"),
                         "Datum indicatie": indication.strftime("%d-%m-%Y"),
                         "Start hulp": "" if i >= done else (indication + pd.Timedelta(days=second) + off
                                                             ).strftime("%d-%m-%Y")})
    return _csv(pd.DataFrame(rows), folder / "procedures.csv")


def _run(path: Path, folder: Path) -> Path:
    run_pilot(path, figures=folder / "f", reports=folder / "r", pdf=False, docx=False, progress=lambda m: None)
    return folder / "r" / "secties"


def test_steps_run_when_their_data_are_given_and_say_where_the_time_goes(tmp_path):
    """10 days to the indication, 30 to the help for everyone: medians 10 and 30, 75% of the time in the second step,
    and sure (the intervals do not overlap); the pilot with only a steps file runs it without [analyses]."""
    file = _steps({None: (30, 0)}, tmp_path)
    assert set(load_pilot(write_pilot(tmp_path, {"stappen": file}, "")).analyses) == {"stappen"}
    assert "stappen" not in load_pilot(write_pilot(tmp_path, {"klas": EXAMPLE / "so_plus_klas.csv"}, "")).analyses
    with pytest.raises(InputError, match=r"analyse 'stappen' heeft gegevens nodig onder \[data\] stappen"):
        load_pilot(write_pilot(tmp_path, {"klas": EXAMPLE / "so_plus_klas.csv"}, "[analyses.stappen]\n"))
    rep = _run(write_pilot(tmp_path, {"stappen": file}, ""), tmp_path)  # default: every date column, in file order
    steps = pd.read_csv(rep / "stappen.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert steps["groep"].tolist() == ["alle casussen"] * 3
    assert steps["stap"].tolist() == ["Aanmelddatum → Datum indicatie", "Datum indicatie → Start hulp", "totaal"]
    assert steps["mediaan (dagen)"].tolist() == ["10", "30", "40"]
    assert steps["deel van de totale tijd (%)"].fillna("").tolist() == ["25", "75", ""]
    html = unescape((rep / "factsheet.html").read_text(encoding="utf-8"))
    assert "mediaan van Aanmelddatum tot Start hulp" in html and "40 dagen" in html
    caption = (tmp_path / "f" / "secties" / "04_stappen.txt").read_text(encoding="utf-8")
    assert caption.startswith("De meeste tijd zit in 'Datum indicatie → Start hulp'. Mediaan per stap: Aanmelddatum → "
                              "Datum indicatie 10 dagen (95%-BI 9 tot 11), Datum indicatie → Start hulp 30 dagen "
                              "(95%-BI 29 tot 31); hele route 40 dagen (95%-BI 38 tot 42). De meeste tijd zit in 'Datum "
                              "indicatie → Start hulp' (gemiddeld 75% van de totale tijd bij de casussen die alle "
                              "stappen doorliepen); die stap duurt duidelijk langer dan de andere")
    assert caption.splitlines()[-1] == "Bron: synthetische testdata; n = 30 casussen"


def test_steps_small_groups_are_not_shown_and_the_comparison_follows_the_evidence(tmp_path):
    """'qroute' (3 cases) is named masked, never shown; cases without a group are not compared; 'snel' (half the first
    step) is compared with 'gewoon' by a log-rank test on the whole route; with reden every group is shown."""
    file = _steps({"gewoon": (15, 0), "snel": (15, 2), "qroute": (3, 0), None: (2, 0)}, tmp_path)
    body = ('[analyses.stappen]\ndatums = ["Aanmelddatum", "Datum indicatie", "Start hulp"]\n'
            'namen = ["aanmelding", "indicatie", "start hulp"]\ngroep = "Groep"\n')
    rep = _run(write_pilot(tmp_path, {"stappen": file}, body), tmp_path)
    steps = pd.read_csv(rep / "stappen.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert steps["groep"].tolist() == ["gewoon"] * 3 + ["snel"] * 3
    assert steps["mediaan (dagen)"].tolist() == ["10", "30", "40", "5", "30", "35"]
    assert steps[["afgerond", "nog bezig"]].values.tolist()[3:] == [["17", "0"], ["x", "x"], ["x", "x"]]  # 2 waiting
    text = _all_text([tmp_path / "f", rep])
    assert "qroute" not in text and "onbekend" not in text
    html = unescape((rep / "factsheet.html").read_text(encoding="utf-8"))
    assert "Stappen: groep '…te' niet apart getoond en niet vergeleken: minder dan 5 casussen" in html
    assert "Stappen: casussen zonder groep tellen niet mee" in html
    caption = (tmp_path / "f" / "secties" / "04_stappen.txt").read_text(encoding="utf-8")
    assert caption.startswith("Hele route bij 'snel' korter dan bij 'gewoon': mediaan 35 tegen 40 dagen")
    assert "Log-rank-toets: χ² = 6,02 (1 vrijheidsgraad), p = 0,014." in caption
    assert "verschillen meer dan toeval goed verklaart" in caption
    # 15 cases of 'gewoon', all done: no upper limit for the medians, so which step takes longest is not sure
    assert ("Groep 'gewoon': mediaan per stap: aanmelding → indicatie 10 dagen (95%-BI 9 dagen of langer), indicatie → "
            "start hulp 30 dagen (95%-BI 29 dagen of langer)") in caption
    assert "De meeste tijd lijkt in 'indicatie → start hulp' te zitten" in caption
    assert "Groep 'snel': mediaan per stap: aanmelding → indicatie 5 dagen (95%-BI 4 tot 6)" in caption
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "reden volgens het pilotbestand" not in note
    rep = _run(write_pilot(tmp_path, {"stappen": file}, body + 'reden = "3 casussen in de pilotklas (testdata)"\n'),
               tmp_path / "met_reden")
    steps = pd.read_csv(rep / "stappen.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert set(steps["groep"]) == {"gewoon", "snel", "qroute"} and "x" not in set(steps["afgerond"])
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "reden volgens het pilotbestand: 3 casussen in de pilotklas (testdata)" in note
    assert "Uitzondering – Stappen in de procedure: aantallen kleiner dan 5 zijn niet afgeschermd" in note


def test_steps_of_a_handful_need_a_reason(tmp_path):
    file = _steps({None: (3, 1)}, tmp_path)
    with pytest.raises(InputError, match=r"Stappen: minder dan 5 casussen.*\[analyses.stappen\] een reden"):
        _run(write_pilot(tmp_path, {"stappen": file}, ""), tmp_path)
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("options, match", [
    ('datums = ["Aanmelddatum", "Datum beschikking"]',
     r"^Pilotbestand 'pilot.toml', \[analyses.stappen\] datums: kolom 'Datum beschikking' staat niet in "
     r"'procedures.csv'\. Kolommen in het bestand: Aanmelddatum, Groep, Datum indicatie, Start hulp\.$"),
    ('datums = ["Aanmelddatum"]', r"\[analyses.stappen\] datums: geef minstens twee verschillende datumkolommen"),
    ('datums = ["Aanmelddatum", "aanmelddatum"]', r"\[analyses.stappen\] datums: geef minstens twee verschillende"),
    ('datums = "Aanmelddatum"', r"'datums' in \[analyses.stappen\] moet een lijst tussen rechte haken"),
    ('datums = ["Aanmelddatum", 3]', r"\[analyses.stappen\] datums: elke waarde moet een tekst"),
    ('namen = ["aanmelding", "hulp"]', r"\[analyses.stappen\] namen: geef evenveel namen als datums \(3\), kreeg: "
                                       r"aanmelding, hulp"),
    ('groep = "Route"', r"\[analyses.stappen\] groep: kolom 'Route' staat niet in 'procedures.csv'"),
    ('peildatum = "gisteren"', r"gisteren"),
    ('stap = ["a"]', r"onbekende sleutel 'stap' in \[analyses.stappen\]"),
])
def test_steps_options_are_checked_in_dutch_naming_the_key(tmp_path, options, match):
    file = _steps({None: (15, 0)}, tmp_path)
    with pytest.raises(InputError, match=match):
        _run(write_pilot(tmp_path, {"stappen": file}, f"[analyses.stappen]\n{options}\n"), tmp_path)


def test_costs_warn_above_a_full_time_week_and_compare_financing(tmp_path):
    """40 hours of a 36-hour week: computed, and the factsheet says to check it; financing needs pupils helped."""
    body = ('[analyses.kosten]\nuren_per_week = 40\nmaandsalaris = "€ 4.200,50"\ncasussen = 60\n'
            'individueel_per_leerling = "€ 1.100"\n')
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the report says it; no warning on the console as well
        rep = _run(write_pilot(tmp_path, {}, body), tmp_path)
    html = unescape((rep / "factsheet.html").read_text(encoding="utf-8"))
    caveats = html.split("Waar moet u op letten?")[1]
    assert "Let op: 40 uur per week is meer dan een voltijdbaan (36 uur)" in caveats
    assert "Let op: 40 uur per week" in (rep / "verantwoording.md").read_text(encoding="utf-8")
    fin = pd.read_csv(rep / "kosten_financiering.csv", sep=";", dtype=str, encoding="utf-8-sig")
    annual = round(4200.5 * 12 * 40 / 36 * 1.3 * 1.15)  # 83.730
    assert fin["kosten per jaar (euro)"].tolist() == [str(annual), "66000"]  # no access cost given: 60 × € 1.100
    caption = (tmp_path / "f" / "secties" / "04_kosten_financiering.txt").read_text(encoding="utf-8")
    assert caption.splitlines()[-1] == "Bron: synthetische testdata; n = 60 geholpen leerlingen (opgegeven)"
    assert caption.startswith("Voor 60 geholpen leerlingen is collectieve financiering € 17.730 per jaar duurder; "
                              "collectief wordt goedkoper vanaf 77 leerlingen per jaar.")  # 76 × € 1.100 < € 83.730
    rep = _run(write_pilot(tmp_path, {}, body.replace("uren_per_week = 40", "uren_per_week = 20")), tmp_path / "b")
    assert "voltijdbaan" not in (rep / "factsheet.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("body, match", [
    ('jaarkosten = 50000\nindividueel_per_leerling = "€ 900"',
     r"voor collectief tegenover individueel financieren is leerlingen_geholpen \(of casussen\) nodig"),
    ('jaarkosten = 50000\ncasussen = 60\nkosten_toegang = "€ 350"', r"leerlingen_geholpen \(of casussen\) nodig naast "
                                                                    r"individueel_per_leerling"),
    ('jaarkosten = 50000\ncasussen = 60\nindividueel_per_leerling = "€ -900"',
     r"^Pilotbestand 'pilot.toml', \[analyses.kosten\]: 'individueel_per_leerling' \(kosten van de hulp per leerling "
     r"met een beschikking\) = '€ -900' kan niet: moet 0 of meer zijn\.$"),
    ('jaarkosten = 50000\nleerlingen_geholpen = 0\nindividueel_per_leerling = 900',
     r"'leerlingen_geholpen' \(geholpen leerlingen per jaar\) = 0 kan niet: moet meer dan 0 zijn"),
    ('jaarkosten = 50000\ncasussen = 60\nindividueel_per_leerling = 900\nkosten_toegang = "€ 3,50,0"',
     r"'kosten_toegang': '€ 3,50,0' is geen bedrag of getal"),
    ('uren_per_week = 0\nmaandsalaris = 4200', r"'uren_per_week' \(uren per week\) = 0 kan niet: moet meer dan 0 zijn"),
])
def test_financing_inputs_are_checked_in_dutch_by_their_pilot_key(tmp_path, body, match):
    with pytest.raises(InputError, match=match):
        _run(write_pilot(tmp_path, {}, f"[analyses.kosten]\n{body}\n"), tmp_path)


# ------------------------------------------------------------------ attacks: a share and its n give a small count back
def test_questionnaire_table_hides_a_share_the_protected_figure_hides(tmp_path):
    """Three answers 'oneens' for the first item after the start: the protected figure draws them in one hatched
    block with 'neutraal'; the table may not give them back as '(helemaal) oneens 5%' next to 'antwoorden 65'
    (5% of 65 is 3). The same for a neutral middle that is small: 100% minus the two published shares."""
    survey = pd.read_excel(EXAMPLE / "vragenlijst.xlsx")
    after = survey["Meting"].eq("na")
    low = survey.index[after & survey["samenwerking_1"].astype(str).isin(["1", "2"])]
    survey.loc[low[3:], "samenwerking_1"] = 3  # 3 answers (helemaal) oneens left in 'na'
    before = survey["Meting"].eq("voor")
    mid = survey.index[before & survey["samenwerking_2"].astype(str).eq("3")]
    survey.loc[mid[2:], "samenwerking_2"] = 4  # 2 neutral answers left in 'voor'
    data = {"vragenlijst": _csv(survey, tmp_path / "vragenlijst.csv"), "codeboek": EXAMPLE / "codeboek_vragenlijst.csv"}
    rep = _run(write_pilot(tmp_path, data, ""), tmp_path)
    items = pd.read_csv(rep / "vragenlijst_vragen.csv", sep=";", dtype=str, encoding="utf-8-sig")
    shares = ["(helemaal) oneens (%)", "(helemaal) eens (%)"]
    for text, wave in (("School en jeugdhulp stemmen goed met elkaar af.", "na"),
                       ("Ik weet bij wie ik terecht kan.", "voor")):
        row = items[items["onderdeel"].eq(text) & items["meting"].eq(wave)].iloc[0]
        n, shown = int(row["antwoorden"]), [row[c] for c in shares]
        implied = [round(int(v) / 100 * n) for v in shown if v != "x"]
        if len(implied) == 2:
            implied.append(n - sum(implied))
        assert not any(0 < k < 5 for k in implied), (text, wave, shown, n)
    # rows without a small category keep their shares
    row = items[items["onderdeel"].eq("Afspraken worden nagekomen.") & items["meting"].eq("na")].iloc[0]
    assert row[shares].ne("x").all()


def _svg_bar_days(svg: str) -> list:
    """Widths of the horizontal bars of a step chart in days: bar paths (4 corners) scaled by two x ticks."""
    ticks = []
    for group in svg.split('<g id="xtick_')[1:]:
        group = group.split('<g id="ytick_')[0].split('<g id="patch_')[0]
        x = re.search(r'<use [^>]*x="([\d.]+)"', group)
        label = re.search(r"<!-- ([\d.,]+) -->", group)
        if x and label:
            ticks.append((float(x.group(1)), float(label.group(1).replace(".", "").replace(",", "."))))
    (x0, v0), (x1, v1) = ticks[0], ticks[-1]
    scale = (x1 - x0) / (v1 - v0)
    paths = [[float(v) for v in re.findall(r"[ML] ([\d.]+) [\d.]+", d)]
             for d in re.findall(r'<g id="patch_\d+">\s*<path d="([^"]+)"', svg)]
    right = max(paths[1])  # the axes background; the legend's patches lie to its right
    return [(max(xs) - min(xs)) / scale for xs in paths[2:]
            if len(xs) == 4 and min(xs) >= x0 - 0.01 and max(xs) < right - 0.01]


def test_step_chart_bars_give_no_count_back_through_their_exact_length(tmp_path):
    """17 complete routes and 3 still waiting in 'nieuw': the table hides the 3 (and the 17). A bar drawn at the exact
    mean (10 + 16/17 days) gives 17 back as the denominator of its length in the SVG (6 decimals); the bars are
    drawn at the whole days the table and the labels show."""
    rows = []
    for g, (done, waiting) in {"oud": (20, 0), "nieuw": (17, 3)}.items():
        for i in range(done + waiting):
            start = pd.Timestamp("2023-09-01") + pd.Timedelta(days=2 * i)
            indication = start + pd.Timedelta(days=10 + i % 3)
            help_ = "" if i >= done else (indication + pd.Timedelta(days=20 + i % 4)).strftime("%d-%m-%Y")
            rows.append({"Casus": f"{g}{i}", "Groep": g, "Aanmelddatum": start.strftime("%d-%m-%Y"),
                         "Datum indicatie": indication.strftime("%d-%m-%Y"), "Start hulp": help_})
    file = _csv(pd.DataFrame(rows), tmp_path / "procedures.csv")
    rep = _run(write_pilot(tmp_path, {"stappen": file}, ANALYSES.split("[analyses.stappen]")[0].split(
        "[analyses.vragenlijst]")[0] + '[analyses.stappen]\ngroep = "Groep"\n'), tmp_path)
    steps = pd.read_csv(rep / "stappen.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert "x" in steps.loc[steps["groep"].eq("nieuw"), "nog bezig"].tolist()  # the 3 waiting are hidden
    widths = _svg_bar_days((tmp_path / "f" / "secties" / "04_stappen.svg").read_text(encoding="utf-8"))
    assert len(widths) == 4
    assert all(abs(w - round(w)) < 1e-3 for w in widths), widths


def test_process_time_curve_does_not_give_a_hidden_open_count_back(tmp_path):
    """One case still open in 'na' (30 cases): the table hides it. A curve drawn to its end climbs to 29/30 and so
    gives it back (1 - 29/30 of 30 is 1); the published curves stop while at least drempel + 1 cases are still
    without an end, so whatever is not drawn is no small count."""
    file = _cases({"voor": (12, 8, 6), "na": (20, 9, 1)}, tmp_path)
    path = write_pilot(tmp_path, {"trajecten": file}, '[analyses.doorlooptijden]\npeildatum = "1-9-2024"\n')
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda m: None)
    median = pd.read_csv(tmp_path / "r" / "secties" / "doorlooptijden_mediaan.csv", sep=";", dtype=str,
                         encoding="utf-8-sig").set_index("groep")
    assert median.loc["na", "nog open"] == "x"
    svg = (tmp_path / "f" / "secties" / "04_doorlooptijden.svg").read_text(encoding="utf-8")
    ticks = {}
    for group in svg.split('<g id="ytick_')[1:]:
        y = re.search(r'<use [^>]*y="([\d.]+)"', group)
        label = re.search(r"<!-- (\d+)% -->", group)
        if y and label:
            ticks[int(label.group(1))] = float(y.group(1))
    zero, full = ticks[0], ticks[100]
    levels = []
    for d in re.findall(r'<g id="line2d_\d+">\s*<path d="([^"]+)"[^>]*style="fill: none; stroke: #(?!dddddd)', svg):
        ys = [float(v) for v in re.findall(r"[ML] [\d.]+ ([\d.]+)", d)]
        if len(ys) > 6:  # a curve, not the norm line
            levels.append((zero - min(ys)) / (zero - full))
    assert len(levels) == 2
    for n, level in zip((26, 30), sorted(levels)):  # 'voor' ends lower (6 of 26 open) than 'na'
        assert n - round(level * n) >= 6, (n, level)


def test_rounded_report_gives_no_left_out_group_back_through_the_rows_read(tmp_path):
    """'qroute' (3 cases) is left out of the steps section. With afronden = 5 the shown groups are published rounded,
    but an exact '36 rijen gelezen' in the method note's data-quality section is the margin that, with the exact
    group sizes a figure gives away, pins the left-out group down: the rows follow the rounding rule too."""
    file = _steps({"gewoon": (15, 0), "snel": (16, 2), "qroute": (3, 0)}, tmp_path)  # 36 rows
    body = '[analyses.stappen]\ngroep = "Groep"\n'
    path = write_pilot(tmp_path, {"stappen": file}, body)
    path.write_text(path.read_text(encoding="utf-8").replace("seed = 3\n", "seed = 3\nafronden = 5\n"), encoding="utf-8")
    rep = _run(path, tmp_path)
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    line = next(l for l in note.splitlines() if "rijen gelezen" in l)
    assert "36" not in line and "35 rijen gelezen, 35 gebruikt" in line, line
    assert "het kwaliteitsrapport hierboven (rijen" not in note  # no longer listed as not rounded


def test_financing_break_even_is_the_first_number_of_pupils_for_which_collective_is_cheaper(tmp_path):
    """Collective € 41.860 a year against € 1.250 per pupil (€ 900 help + € 350 access): at 33 pupils the individual
    route costs € 41.250, still cheaper; collective is cheaper from 34 (41.860 / 1.250 = 33,5 was written '33').
    At exactly the break-even (€ 45.000 / € 1.250 = 36) both cost the same: cheaper from 37."""
    from evaluatie.costs import financing_scenarios

    body = ('[analyses.kosten]\njaarkosten = 41860\ncasussen = 60\nindividueel_per_leerling = "€ 900"\n'
            'kosten_toegang = "€ 350"\n')
    _run(write_pilot(tmp_path, {}, body), tmp_path)
    caption = (tmp_path / "f" / "secties" / "04_kosten_financiering.txt").read_text(encoding="utf-8")
    assert "collectief is goedkoper vanaf 34 leerlingen per jaar" in caption, caption
    for cost, per, first in ((41860, 1250, 34), (45000, 1250, 37), (83730, 1100, 77), (100, 1250, 1)):
        f = financing_scenarios(collective_cost=cost, pupils_helped=60, individual_cost_per_pupil=per)
        assert f"vanaf {first} leerlingen" in f.sentence()
        assert first * per > cost >= (first - 1) * per


def test_rounded_rows_in_the_method_note_except_for_a_section_with_a_reason(tmp_path):
    """With afronden = 5 the data-quality section rounds its row counts, but the SO+ class of 4 that the small-pilot
    section publishes exactly (with its reason) is not written as '5 rijen gelezen'."""
    body = '[analyses.kleine_pilot]\nvergelijk = 0.10\nreden = "klas van 4, bij iedereen bekend"\n'
    path = write_pilot(tmp_path, {"klas": EXAMPLE / "so_plus_klas.csv"}, body)
    path.write_text(path.read_text(encoding="utf-8").replace("seed = 3\n", "seed = 3\nafronden = 5\n"), encoding="utf-8")
    note = (_run(path, tmp_path) / "verantwoording.md").read_text(encoding="utf-8")
    assert "4 rijen gelezen, 4 gebruikt" in note and "5 rijen gelezen" not in note


def test_exact_report_gives_no_left_out_group_back_through_the_rows_read(tmp_path):
    """Without afronden every count is exact: 36 rows read and 33 cases shown (15 + 18) gave the left-out group
    'qroute' back as 3. When a section leaves a small group out, the method note writes that file's row counts
    rounded to multiples of drempel (36 → 35), so rows minus shown no longer pins it down."""
    file = _steps({"gewoon": (15, 0), "snel": (16, 2), "qroute": (3, 0)}, tmp_path)  # 36 rows
    rep = _run(write_pilot(tmp_path, {"stappen": file}, '[analyses.stappen]\ngroep = "Groep"\n'), tmp_path)
    caption = (tmp_path / "f" / "secties" / "04_stappen.txt").read_text(encoding="utf-8")
    assert caption.splitlines()[-1].endswith("n = 33 casussen")
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    line = next(l for l in note.splitlines() if "rijen gelezen" in l)
    assert "36" not in line and "35 rijen gelezen, 35 gebruikt" in line, line
    assert "Stappen in de procedure: een kleine groep is niet getoond; daarom zijn de aantallen rijen" in note
    # a section that leaves nobody out keeps exact row counts without afronden
    file = _steps({"gewoon": (15, 0), "snel": (16, 2)}, tmp_path / "b" if (tmp_path / "b").mkdir() is None else None)
    rep = _run(write_pilot(tmp_path / "b", {"stappen": file}, '[analyses.stappen]\ngroep = "Groep"\n'), tmp_path / "b")
    assert "33 rijen gelezen, 33 gebruikt" in (rep / "verantwoording.md").read_text(encoding="utf-8")
