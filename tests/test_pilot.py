"""evaluatie rapport: pilot file validation, the whole output set, reproducibility, no BSN in any output,
and the factsheet in a real browser (headless Chromium) with its PDF page count."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from evaluatie.cli import main
from evaluatie.errors import InputError
from evaluatie.factsheet import find_chromium, run_chromium
from evaluatie.pilot import SECTIONS, load_pilot, run_pilot

EXAMPLE = Path(__file__).resolve().parents[1] / "data_raw" / "voorbeeld"
CHROMIUM = find_chromium()

BASE = '''naam = "test"
titel = "Testpilot"
regio = "Regio Test"
periode = "2021-2024"
bron = "synthetische testdata"
'''


def write_pilot(folder: Path, body: str, data: dict | None = None, head: str = BASE) -> Path:
    data = {"panel": EXAMPLE / "zorgvraag_panel.csv", "reeks": EXAMPLE / "zorgvraag_gemeente.csv"} \
        if data is None else data
    lines = [head, "[data]"] + [f'{k} = {json.dumps(str(v))}' for k, v in data.items()] + [body]
    path = folder / "pilot.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


# ------------------------------------------------------------------ validation (fast)
def test_example_pilot_is_valid():
    pilot = load_pilot(EXAMPLE / "pilot.toml")
    assert set(pilot.analyses) == {"nulmeting", "zorgvraag", "uitrol", "tijdreeks", "vragenlijst", "interviews",
                                   "kleine_pilot", "doorlooptijden", "stappen", "kosten"} == set(SECTIONS) - {"power"}
    # 'power' (is the design large enough?) is a planning aid, opt-in in the example (commented block in
    # pilot.toml) so the 2-page factsheet stays about results; its section is run in tests/test_power.py
    assert pilot.analyses["zorgvraag"] == {"model": "poisson", "inferentie": "auto"}
    assert pilot.analyses["nulmeting"]["leerlingen"]["SBO De Regenboog"] == 160
    assert pilot.data["panel"].name == "zorgvraag_panel.csv"


@pytest.mark.parametrize("head, body, match", [
    (BASE + 'kleur = "blauw"\n', "", "onbekende sleutel 'kleur' in het pilotbestand .*Toegestaan: naam, titel"),
    (BASE, "[analyses.zorgvraag]\nmodell = 'poisson'", r"onbekende sleutel 'modell' in \[analyses.zorgvraag\].*model, inferentie"),
    (BASE, "[analyses.vragenlijsten]", r"onbekende sleutel 'vragenlijsten' in \[analyses\]"),
    (BASE, "[analyses.kleine_pilot]\ntijdlijn = 1", r"'tijdlijn' in \[analyses.kleine_pilot\] moet true of false"),
    (BASE, "[analyses.kleine_pilot]\nvergelijk = '10%'", r"'vergelijk' .* moet een getal \(bv. 0.10\) zijn"),
    (BASE, "[analyses.kosten]\nmaandsalaris = true", r"'maandsalaris' .* moet een getal of een bedrag als tekst"),
    (BASE, "[analyses.zorgvraag]\nmodel = 'logit'", r"ongeldige waarde 'logit' voor 'model'.*poisson, quasipoisson"),
    (BASE, "[analyses.uitrol]\nfrequentie = 4", r"ongeldige waarde 4 voor 'frequentie'.*Q, M"),
    (BASE + "drempel = 'vijf'\n", "", r"'drempel' in het pilotbestand .* moet een geheel getal zijn"),
    (BASE + "afronden = 7\n", "", r"ongeldige waarde 7 voor 'afronden'.*2, 3, 5, 10"),
    (BASE + "taal = 'fr'\n", "", r"ongeldige waarde 'fr' voor 'taal'.*nl, en"),
    (BASE.replace('bron = "synthetische testdata"\n', ""), "", r"de sleutel 'bron' ontbreekt"),
    (BASE.replace('"test"', '"Mijn Pilot!"'), "", r"'naam' 'Mijn Pilot!' wordt de mapnaam"),
    (BASE, "[analyses.nulmeting]", r"analyse 'nulmeting' heeft gegevens nodig onder \[data\] dossier"),
    (BASE, "[analyses]\nzorgvraag = 3", r"'zorgvraag' in \[analyses\] moet een tabel"),
    (BASE + "titel2 = \n", "", "geen geldig TOML"),
])
def test_bad_pilot_file_gives_dutch_error(tmp_path, head, body, match):
    path = write_pilot(tmp_path, body, head=head)
    with pytest.raises(InputError, match=match):
        load_pilot(path)


def test_unknown_data_kind_and_missing_file(tmp_path):
    path = write_pilot(tmp_path, "", data={"vragenlijsten": EXAMPLE / "vragenlijst.xlsx"})
    with pytest.raises(InputError, match=r"onbekende sleutel 'vragenlijsten' in \[data\]. Toegestaan: dossier, "
                                         "koppeltabel, panel, reeks, vragenlijst, codeboek, fragmenten, trajecten, klas"):
        load_pilot(path)
    path = write_pilot(tmp_path, "", data={"panel": "bestaat_niet.csv"})
    with pytest.raises(InputError, match=r"\[data\] panel = \"bestaat_niet.csv\" bestaat niet"):
        load_pilot(path)


def test_wrong_kind_of_file_is_refused_in_dutch(tmp_path, capsys):
    """A dossier file given as panel: the loader's Dutch message, exit code 2, no traceback."""
    path = write_pilot(tmp_path, "", data={"panel": EXAMPLE / "dossieronderzoek_sbo.xlsx"})
    code = main(["rapport", str(path), "--figuren", str(tmp_path / "f"), "--rapporten", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2
    assert "Fout:" in err and "panel" in err and "Traceback" not in err


def test_sections_run_when_their_data_are_given(tmp_path):
    pilot = load_pilot(write_pilot(tmp_path, "", data={"panel": EXAMPLE / "zorgvraag_panel.csv"}))
    assert set(pilot.analyses) == {n for n, s in SECTIONS.items() if s.needs == ("panel",)} == {"zorgvraag", "uitrol", "power"}


# ------------------------------------------------------------------ whole runs
@pytest.fixture(scope="module")
def example_run(tmp_path_factory):
    """The example pilot, as `make demo` runs it (PDF when Chromium is there)."""
    root = tmp_path_factory.mktemp("voorbeeld")
    lines = []
    paths = run_pilot(EXAMPLE / "pilot.toml", figures=root / "figures", reports=root / "reports",
                      progress=lines.append)
    return root, paths, lines


def test_example_run_writes_the_whole_set(example_run):
    root, paths, lines = example_run
    rep, fig = root / "reports" / "voorbeeldpilot", root / "figures" / "voorbeeldpilot"
    for name in ("factsheet.html", "factsheet.docx", "tabellen.xlsx", "verantwoording.md", "effect_voor_na.csv",
                 "effect_per_periode.csv", "tijdreeks.csv"):
        assert (rep / name).is_file(), name
    assert (rep / "factsheet.pdf").is_file() == (CHROMIUM is not None)
    for name in ("02_verwijzingen_per_1000", "02b_uitrol_per_kwartaal", "02b_tijdreeks", "01_scholen"):
        for ext in ("png", "svg", "pdf", "txt"):
            assert (fig / f"{name}.{ext}").is_file(), f"{name}.{ext}"
    assert lines[0].startswith("[1/13] nulmeting") and lines[-1].startswith("[13/13] verantwoording")
    sheets = pd.ExcelFile(rep / "tabellen.xlsx").sheet_names
    assert {"01_kerncijfers", "01_instanties_per_school", "effect_voor_na", "effect_per_periode",
            "tijdreeks", "stappen", "kosten_financiering"} <= set(sheets)  # one workbook for the whole pilot
    assert not list(rep.glob("*.xlsx"))[1:]
    kern = pd.read_csv(rep / "01_kerncijfers.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert len(kern) == 4 and kern.columns[0] == "school"
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    import hashlib

    digest = hashlib.sha256((EXAMPLE / "zorgvraag_panel.csv").read_bytes()).hexdigest()
    assert f"| `zorgvraag_panel.csv` | `{digest}` |" in note
    assert "startgetal (seed) voor toevalstrekkingen: 1" in note and "Kwaliteit van de gegevens" in note
    assert re.search(r"- pandas \d", note) and "Aantallen kleiner dan 5" in note


def test_factsheet_content_follows_the_evidence(example_run):
    root, paths, _ = example_run
    html = paths["factsheet.html"].read_text(encoding="utf-8")
    from evaluatie.did import panel_did
    from evaluatie.io import read_table
    from evaluatie.zorgvraag import prepare

    panel = prepare(read_table(EXAMPLE / "zorgvraag_panel.csv", kind="panel")[0])
    sentence = panel_did(panel, exposure="exposure", seed=1).sentence()
    assert sentence in html  # the library's sentence, not a second wording
    assert "Wat betekent dit?" in html and "Waar moet u op letten?" in html
    assert "Maar 6 van de 15 scholen" in html and "manier van registreren" in html
    # self-contained: no external requests of any kind
    assert not re.search(r"""(src|href)\s*=\s*["'](https?:|//)""", html)
    assert "@import" not in html and "url(http" not in html
    images = re.findall(r"<img [^>]*>", html)
    assert 3 <= len(images) <= 5
    assert all(re.search(r'alt="[^"]{40,}"', i) and 'src="data:image/svg+xml;base64,' in i for i in images)
    # headings in order: one h1, then h2 only
    levels = [int(h) for h in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and levels.count(1) == 1 and max(levels) == 2
    assert "<table>" in html and '<th scope="row">' in html
    # source and n under every figure
    assert len(re.findall(r'<span class="source">Bron: [^<]+; n = \d+', html)) == len(images)


def test_docx_is_editable_text(example_run):
    import docx

    _, paths, _ = example_run
    doc = docx.Document(paths["factsheet.docx"])
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Wat betekent dit?" in text and "Waar moet u op letten?" in text
    assert len(doc.inline_shapes) >= 3 and len(doc.tables) == 1


def _outputs_text(folders) -> str:
    """All text in every output file: plain files, members of xlsx/docx zips, PDF text."""
    parts = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix in (".xlsx", ".docx"):
                with zipfile.ZipFile(path) as z:
                    parts += [z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")]
            elif path.suffix == ".pdf":
                from pypdf import PdfReader

                parts += [p.extract_text() or "" for p in PdfReader(path).pages]
                parts.append(path.read_bytes().decode("latin-1"))
            elif path.is_file():
                parts.append(path.read_bytes().decode("latin-1"))
            parts.append(str(path))
    return "\n".join(parts)


def _has_bsn(text: str, bsn: str) -> bool:
    joined = re.sub(r"(?<=\d)[\s.\-_/]+(?=\d)", "", text)
    return bsn in joined


@pytest.mark.parametrize("where", ["title", "school", pytest.param("column", marks=pytest.mark.slow)])
def test_injected_bsn_never_reaches_any_output(tmp_path, capsys, where):
    """A BSN in several spellings, in the pilot file or the data, is refused or left out: never written."""
    spellings = ["123456782", "1234.56.782", "123 456 782", "BSN: 1234-56-782"]
    panel = pd.read_csv(EXAMPLE / "zorgvraag_panel.csv", sep=";", dtype=str, encoding="utf-8-sig")
    series = EXAMPLE / "zorgvraag_gemeente.csv"
    head = BASE
    if where == "title":
        head = BASE.replace('"Testpilot"', f'"Testpilot {spellings[3]}"').replace(
            '"synthetische testdata"', f'"testdata {spellings[2]}"')
    elif where == "school":
        for i, s in enumerate(spellings):
            panel.loc[panel["School"] == panel["School"].unique()[i], "School"] = f"IKC {s}"
    else:
        panel["BSN"] = [spellings[i % 4] for i in range(len(panel))]
    panel_path = tmp_path / "panel.csv"
    panel.to_csv(panel_path, sep=";", index=False)
    path = write_pilot(tmp_path, "", data={"panel": panel_path, "reeks": series}, head=head)
    out = [tmp_path / "f", tmp_path / "r"]
    code = main(["rapport", str(path), "--figuren", str(out[0]), "--rapporten", str(out[1])])
    messages = capsys.readouterr()
    assert code in (0, 2)
    assert not _has_bsn(messages.out + messages.err, "123456782")
    assert not _has_bsn(_outputs_text(out), "123456782")
    if where == "column":  # the identifying column is dropped at load: the run itself goes through
        assert code == 0 and (out[1] / "test" / "factsheet.html").is_file()


def test_same_input_gives_identical_files(tmp_path):
    path = write_pilot(tmp_path, "[analyses.zorgvraag]\n[analyses.tijdreeks]")
    runs = []
    for i in (1, 2):
        run_pilot(path, figures=tmp_path / f"f{i}", reports=tmp_path / f"r{i}", pdf=False, docx=False,
                  progress=lambda m: None)
        runs.append((tmp_path / f"f{i}" / "test", tmp_path / f"r{i}" / "test"))
    names = {"factsheet.html", "verantwoording.md", "tabellen.xlsx", "effect_voor_na.csv", "tijdreeks.csv"}
    assert names <= {p.name for p in runs[0][1].iterdir()}
    for name in sorted(names):
        assert (runs[0][1] / name).read_bytes() == (runs[1][1] / name).read_bytes(), name
    svgs = sorted(p.name for p in runs[0][0].glob("*.svg"))
    assert len(svgs) == 3
    for name in svgs:
        assert (runs[0][0] / name).read_bytes() == (runs[1][0] / name).read_bytes(), name


# ------------------------------------------------------------------ real browser
_PROBE = """<script>
window.addEventListener('load', () => {
  const imgs = [...document.images];
  const body = document.body.getBoundingClientRect();
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > body.right + 1 || r.left < body.left - 1);
  }).map(e => e.tagName + '.' + e.className);
  const out = {images: imgs.length, loaded: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
               withAlt: imgs.filter(i => (i.getAttribute('alt') || '').length > 20).length,
               overflow: wide, scrollWidth: document.documentElement.scrollWidth,
               clientWidth: document.documentElement.clientWidth};
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium niet gevonden (Debian: apt-get install chromium; "
                                             "CI installeert het in .ci/run)")
def test_factsheet_in_headless_chromium(example_run, tmp_path):
    """Every image loads, nothing sticks out of the page (A4 width), a screenshot is kept, the PDF has 2 pages."""
    root, paths, _ = example_run
    html = paths["factsheet.html"].read_text(encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
                     .replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    width = 794  # A4 at 96 dpi: the page as printed
    dom = run_chromium(["--virtual-time-budget=10000", f"--window-size={width},1200", "--dump-dom",
                        probe.as_uri()]).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom)
    assert found, dom[-500:]
    result = json.loads(found.group(1).replace("&quot;", '"'))
    assert result["images"] >= 3 and result["loaded"] == result["images"] == result["withAlt"]
    assert result["overflow"] == [] and result["scrollWidth"] <= result["clientWidth"]
    shot = tmp_path / "factsheet_scherm.png"  # the test artefact (pytest keeps the last tmp dirs)
    run_chromium([f"--screenshot={shot}", f"--window-size={width},2400", "--virtual-time-budget=10000",
                  paths["factsheet.html"].resolve().as_uri()])
    assert shot.stat().st_size > 50_000
    from pypdf import PdfReader

    pdf = PdfReader(paths["factsheet.pdf"])
    assert len(pdf.pages) == 2
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1 and abs(float(box.height) - 841.9) < 1  # A4 in points


def test_nulmeting_key_figures_hide_small_counts(tmp_path):
    """Two pupils with 2+ agencies in a school of 8: the factsheet says 'minder dan 5', gives no share
    (25% of 8 would reveal the 2), and speaks of agencies with fewer than 5 pupils, not of 'one pupil'."""
    rows = [("L1", "Wijkteam"), ("L1", "Accare"), ("L2", "Wijkteam"), ("L2", "JGZ GGD"), ("L3", "Wijkteam"),
            ("L4", "Wijkteam"), ("L5", "Wijkteam"), ("L6", "Wijkteam"), ("L7", "Wijkteam"), ("L8", "Wijkteam")]
    dossier = tmp_path / "dossiers.csv"
    pd.DataFrame([{"School": "SBO De Brug", "Leerling": p, "Instantie": a} for p, a in rows]).to_csv(
        dossier, sep=";", index=False)
    path = write_pilot(tmp_path, "", data={"dossier": dossier})
    run_pilot(path, figures=tmp_path / "figures", reports=tmp_path / "reports", pdf=False, docx=False,
              progress=lambda _: None)
    html = (tmp_path / "reports" / "test" / "factsheet.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "minder dan 5 van de 8 leerlingen" in text
    assert "25%" not in text and "2 van de 8" not in text
    assert "minder dan 5 leerlingen" in text and "maar één leerling" not in text


def test_interview_counts_hidden_in_the_table_are_hidden_everywhere(tmp_path):
    """Adversary: the table hid per-group counts (x) while the heat map showed them as 4/6, the caption
    said "Intern begeleider (n = 3): samenwerking (3 van 3)", and total minus the shown groups gave
    the small group. Now the 3 care coordinators are merged, and figure, caption, key figure, method
    note and table publish the same protected cells (with 'total = sum of groups' in the audit)."""
    from evaluatie.interviews import code_frequencies, theme_counts, theme_links
    from evaluatie.privacy import audit

    path = write_pilot(tmp_path, "[analyses.interviews]", data={"fragmenten": EXAMPLE / "interviewfragmenten.csv"})
    run_pilot(path, figures=tmp_path / "figures", reports=tmp_path / "reports", pdf=False, docx=False,
              progress=lambda _: None)
    rep, fig = tmp_path / "reports" / "test", tmp_path / "figures" / "test"
    table = pd.read_csv(rep / "interviews_themas.csv", sep=";", dtype=str, encoding="utf-8-sig").set_index("thema")
    groups = [c for c in table.columns if c.startswith("genoemd door ")]
    assert groups == ["genoemd door ouder", "genoemd door overige"]
    svg = (fig / "03_interviews_themas.svg").read_text(encoding="utf-8")
    cells = re.findall(r"<!-- (\d+)/(\d+) -->", svg)
    published = sorted(v for g in groups for v in table[g] if v != "x")
    assert sorted(k for k, _ in cells) == published and svg.count("<!-- x -->") == (table[groups] == "x").sum().sum()
    caption = (fig / "03_interviews_themas.txt").read_text(encoding="utf-8")
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    html = re.sub(r"<[^>]+>", " ", (rep / "factsheet.html").read_text(encoding="utf-8"))
    for text in (caption.split(". ", 1)[1], note.split("### Interviews", 1)[1], html):
        assert "intern begeleider" not in text.lower() and not re.search(r"\(\d+ van \d+\)", text.split("Meest")[0])
    raw = pd.read_csv(EXAMPLE / "interviewfragmenten.csv", sep=";", encoding="utf-8-sig")
    truth = theme_counts(code_frequencies(raw.set_axis(["respondent", "group", "code", "text"], axis=1), level=1))
    counts = table[["genoemd door", *groups]].apply(pd.to_numeric, errors="coerce")
    assert (counts.isna() | (counts == truth.to_numpy())).all().all()
    counts.loc["Totaal"] = truth.sum().to_numpy()  # column totals: assumed known to an intruder
    links = theme_links(counts.drop(index="Totaal"), "t")
    result = audit({"t": counts}, margins={"t": "columns"}, links=links)
    assert len(result) and result["protected"].all()


def test_process_times_never_describe_a_group_below_the_threshold(tmp_path):
    """Adversary: with 3 cases in group 'na' the tables were all x, but the caption, factsheet and method
    note said "na (n = 3): mediaan 44 dagen; binnen 90 dagen 67%" and the figure drew its curve."""
    traj = pd.read_excel(EXAMPLE / "trajecten_thuiszitters.xlsx", header=3)
    small = pd.concat([traj[traj["Groep"] == "voor"], traj[traj["Groep"] == "na"].head(3)])
    small.to_csv(tmp_path / "trajecten.csv", sep=";", index=False)
    path = write_pilot(tmp_path, "[analyses.doorlooptijden]", data={"trajecten": tmp_path / "trajecten.csv"})
    run_pilot(path, figures=tmp_path / "figures", reports=tmp_path / "reports", pdf=False, docx=False,
              progress=lambda _: None)
    rep, fig = tmp_path / "reports" / "test", tmp_path / "figures" / "test"
    svg = (fig / "04_doorlooptijden.svg").read_text(encoding="utf-8")
    texts = [(fig / "04_doorlooptijden.txt").read_text(encoding="utf-8"), re.sub(r"<[^>]+>", " ", (
        rep / "factsheet.html").read_text(encoding="utf-8")), (rep / "verantwoording.md").read_text(encoding="utf-8")]
    for text in texts:
        assert "na (n = 3)" not in text and "67%" not in text
    assert "<!-- na -->" not in svg and "niet apart getoond en niet vergeleken: minder dan 5" in texts[1] + texts[2]
    # fresh-eye test: 'na' is a period, not a name: written in full (was "groep '…na'"); names stay masked
    # (test_method_note_masks_cell_values_and_small_group_names)
    assert "groep 'na' niet apart getoond" in texts[2] and "'…na'" not in texts[1] + texts[2]
    norm = pd.read_csv(rep / "doorlooptijden_norm.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert norm["groep"].tolist() == ["voor"] and norm["casussen"].tolist() == ["47"]
    small[small["Groep"] == "na"].to_csv(tmp_path / "trajecten.csv", sep=";", index=False)
    with pytest.raises(InputError, match="minder dan 5 casussen"):
        run_pilot(path, figures=tmp_path / "f2", reports=tmp_path / "r2", pdf=False, docx=False,
                  progress=lambda _: None)


def test_numbers_of_schools_periods_and_cohorts_are_whole_numbers(tmp_path):
    """Adversary: effect_voor_na.csv said '15,0 scholen, 6,00 met jeugdondersteuner, 36,0 perioden' and
    effect_per_periode.csv '-8,00' periods and '1,00' cohorts: counts that read as measurements."""
    path = write_pilot(tmp_path, "[analyses.zorgvraag]\n[analyses.uitrol]")
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda _: None)
    read = lambda n: pd.read_csv(tmp_path / "r" / "test" / f"{n}.csv", sep=";", dtype=str, encoding="utf-8-sig")
    did = read("effect_voor_na")
    for column in ("scholen", "scholen met jeugdondersteuner", "perioden"):
        assert did[column].str.fullmatch(r"\d+").all(), column
    es = read("effect_per_periode")
    assert es["kwartalen sinds de start"].str.fullmatch(r"-?\d+").all()
    assert es["startgroepen (aantal)"].str.fullmatch(r"\d+").all()


def test_open_cases_hidden_are_not_cases_minus_ended(tmp_path):
    """Adversary: 3 open cases in group 'voor' were hidden (x) next to 'casussen 45' and 'afgerond 42';
    the relation cases = ended + open (and the same cases in the norm table) was not protected."""
    from evaluatie.privacy import audit

    traj = pd.read_excel(EXAMPLE / "trajecten_thuiszitters.xlsx", header=3)
    open_voor = traj[(traj["Groep"] == "voor") & traj["Datum plaatsing"].isna()].index
    traj.drop(open_voor[:len(open_voor) - 3]).to_csv(tmp_path / "trajecten.csv", sep=";", index=False)
    path = write_pilot(tmp_path, "[analyses.doorlooptijden]", data={"trajecten": tmp_path / "trajecten.csv"})
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda _: None)
    read = lambda n: pd.read_csv(tmp_path / "r" / "test" / f"{n}.csv", sep=";", dtype=str, encoding="utf-8-sig")
    med, norm = read("doorlooptijden_mediaan").set_index("groep"), read("doorlooptijden_norm").set_index("groep")
    assert med.loc["voor", "nog open"] == "x"
    # the median table shows ended and open only; the norm table's cases are their row total
    assert "casussen" not in med.columns
    counts = med[["afgerond", "nog open"]].apply(pd.to_numeric, errors="coerce")
    links = [(("n", g, "casussen"), [("m", g, "afgerond"), ("m", g, "nog open")]) for g in counts.index]
    norm_counts = norm[["casussen"]].apply(pd.to_numeric, errors="coerce")
    result = audit({"m": counts, "n": norm_counts}, margins="none", links=links)
    assert len(result) and result["protected"].all()


def test_method_note_masks_cell_values_and_small_group_names(tmp_path):
    """Adversary: the method note quoted unreadable cells in full ("waarde: 'navragen bij moeder van Daan
    de Vries'"), and a 'group' of one case named after a person was named in the caveat."""
    traj = pd.read_excel(EXAMPLE / "trajecten_thuiszitters.xlsx", header=3).astype(object)
    traj.loc[3, "Datum plaatsing"] = "navragen bij moeder van Daan de Vries"
    traj.loc[5, "Groep"] = "Pieter Post"
    traj.to_csv(tmp_path / "trajecten.csv", sep=";", index=False)
    path = write_pilot(tmp_path, "[analyses.doorlooptijden]", data={"trajecten": tmp_path / "trajecten.csv"})
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda _: None)
    rep = tmp_path / "r" / "test"
    for name in ("verantwoording.md", "factsheet.html"):
        text = (rep / name).read_text(encoding="utf-8")
        assert "Daan" not in text and "Pieter" not in text, name
    note = (rep / "verantwoording.md").read_text(encoding="utf-8")
    assert "(waarde: '…es')" in note and "groep '…st' niet apart getoond en niet vergeleken: minder dan 5 casussen" in note


def test_vragenlijst_scales_table_counts_answers_and_respondents_apart(tmp_path):
    """tabellen › vragenlijst_schalen said 'respondenten 140' for 70 people answering twice (voor and na)."""
    path = write_pilot(tmp_path, "[analyses.vragenlijst]\n", data={
        "vragenlijst": EXAMPLE / "vragenlijst.xlsx", "codeboek": EXAMPLE / "codeboek_vragenlijst.csv"})
    run_pilot(path, figures=tmp_path / "figures", reports=tmp_path / "reports", pdf=False, docx=False,
              progress=lambda _: None)
    scales = pd.read_csv(tmp_path / "reports" / "test" / "vragenlijst_schalen.csv", sep=";", dtype=str,
                         encoding="utf-8-sig")
    assert scales[["antwoorden (respondent × meting)", "respondenten"]].values.tolist() == [["140", "70"]] * 2


def test_method_note_rounding_claim_is_true_for_captions_too(tmp_path):
    """Adversary: with 'afronden = 5' the method note said counts were rounded while the caption said
    'n = 33' (and before that, that figures were exact). Now both round, and the note says so."""
    path = write_pilot(tmp_path, "[analyses.doorlooptijden]", data={"trajecten": EXAMPLE / "trajecten_thuiszitters.xlsx"},
                       head=BASE + "afronden = 5\n")
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda _: None)
    note = (tmp_path / "r" / "test" / "verantwoording.md").read_text(encoding="utf-8")
    norm = pd.read_csv(tmp_path / "r" / "test" / "doorlooptijden_norm.csv", sep=";", dtype=str, encoding="utf-8-sig")
    caption = (tmp_path / "f" / "test" / "04_doorlooptijden.txt").read_text(encoding="utf-8")
    assert (norm["casussen"].astype(int) % 5 == 0).all()
    assert "(n = 35)" in caption and "(n = 33)" not in caption and "n = 80 casussen" in caption  # 33 → 35, 80 stays
    assert "Gepubliceerde aantallen" in note and "de bijschriften" in note and "exacte gegevens" in note


# ------------------------------------------------------------------ tables for policy makers (new-user test)
def test_p_values_below_0001_read_less_than_in_csv_and_xlsx(tmp_path):
    """New-user test: a p-value cell held 0 with format '#,##0.000', so Excel showed '0,000'."""
    import openpyxl

    from evaluatie.report import Table, export_tables
    from evaluatie.text import format_p

    frame = pd.DataFrame({"toets": ["a", "b", "c", "d"], "p-waarde": [0.00002, 0.0421, 0.0007, 0.001],
                          "p-waarde gecorrigeerd (Holm)": [0.0, 0.5, float("nan"), 0.0012]})
    paths = export_tables({"toetsen": Table(frame, counts=(), percent=())}, tmp_path, source="test")
    csv = pd.read_csv(paths["toetsen.csv"], sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert csv["p-waarde"].tolist() == ["< 0,001", "0,042", "< 0,001", "0,001"]
    assert csv["p-waarde gecorrigeerd (Holm)"].tolist() == ["< 0,001", "0,500", "", "0,001"]
    ws = openpyxl.load_workbook(paths["tabellen.xlsx"])["toetsen"]
    cells = {(c.row, c.column): c for r in ws.iter_rows(min_row=2) for c in r}
    assert cells[2, 2].value == "< 0,001" and cells[2, 2].alignment.horizontal == "right"
    assert cells[3, 2].value == 0.042 and cells[3, 2].number_format == "#,##0.000"
    assert cells[4, 2].value == "< 0,001" and cells[5, 2].value == 0.001
    assert format_p(0.0007) == "p < 0,001" and format_p(0.001) == "p = 0,001"  # the factsheet says the same


#: Internal (English) names of models, options, terms and columns: never a header or a cell of an exported table.
INTERNAL = {"poisson", "quasipoisson", "negbin", "gaussian", "randomization", "wild", "cluster", "jackknife", "iid",
            "hc1", "auto", "const", "time", "level_change", "slope_change", "sin1", "cos1", "sin2", "cos2", "n_cohorts",
            "rel_time", "ratio", "estimate", "se", "lower", "upper", "p_value", "p_adjusted", "percent_change",
            "percent_lower", "percent_upper", "n_units", "n_treated_units", "n_periods", "family", "inference", "term",
            "effect_size", "treated", "didresult", "eventstudy", "segmentedresult"}
_SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")       # an internal column name such as share_2plus
_HYPHEN_MINUS = re.compile(r"(?<![\w.,/-])-\d")     # "-1,9" in a text for people (dates 2022-08-01 are not minus)


def _exported_cells(rep: Path):
    """Every header and cell of every CSV, and of every sheet of tabellen.xlsx with its number format."""
    import openpyxl

    for path in sorted(rep.glob("*.csv")):
        frame = pd.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
        yield path.name, "header", list(frame.columns), None
        for column in frame.columns:
            yield path.name, column, frame[column].tolist(), None
    book = openpyxl.load_workbook(rep / "tabellen.xlsx")
    for ws in book:
        rows = list(ws.iter_rows())
        if ws.title == "Toelichting":
            yield ws.title, "text", [c.value for r in rows for c in r if c.value is not None], None
            continue
        yield ws.title, "header", [c.value for c in rows[0]], None
        for j, head in enumerate(rows[0]):
            yield ws.title, head.value, [r[j].value for r in rows[1:]], [r[j].number_format for r in rows[1:]]


def test_exported_tables_speak_dutch_and_round_p_values(example_run):
    """New-user test of every CSV and every sheet of tabellen.xlsx (values and number formats): 'model=poisson;
    onzekerheid=randomization', headers 'n_cohorts' and 'ratio', terms 'const, time, level_change' on the log scale,
    and a p-value 0 shown as '0,000' by its format '#,##0.000'."""
    root = example_run[0]
    rep = root / "reports" / "voorbeeldpilot"
    seen_p = 0
    names = sorted((p.stem for p in rep.glob("*.csv")), key=len, reverse=True)  # the tables' own file/sheet names
    for where, column, values, formats in _exported_cells(rep):
        for v in values:
            if isinstance(v, str):
                assert v.strip().lower() not in INTERNAL, (where, column, v)
                assert not _SNAKE.search(re.sub("|".join(map(re.escape, names)), "", v)), (where, column, v)
                assert "Result" not in v, (where, column, v)
        if isinstance(column, str) and column.startswith("p-waarde"):
            for i, v in enumerate(values):
                if v in (None, "", "x"):
                    continue
                if isinstance(v, str) and v.startswith("<"):
                    assert v == "< 0,001", (where, column, v)
                else:  # a number of at least 0,001 with three decimals (CSV text or an xlsx number)
                    number = float(v.replace(",", ".")) if isinstance(v, str) else v
                    assert number >= 0.001, (where, column, v)
                    assert re.fullmatch(r"\d,\d{3}", v) if isinstance(v, str) else formats[i] == "#,##0.000"
                seen_p += 1
    assert seen_p >= 4  # effect_voor_na and vragenlijst_vergelijking, CSV and xlsx
    # the example's questionnaire p-values are below 0,001: they read as the factsheet writes them
    vv = pd.read_csv(rep / "vragenlijst_vergelijking.csv", sep=";", dtype=str, encoding="utf-8-sig")
    assert vv["p-waarde"].eq("< 0,001").all() and vv["p-waarde gecorrigeerd (Holm)"].eq("< 0,001").all()
    html = (rep / "factsheet.html").read_text(encoding="utf-8")
    assert "p &lt; 0,001" in html or "p < 0,001" in html


def test_effect_tables_give_percent_change_as_the_factsheet_does(example_run):
    """effect_voor_na, effect_per_periode and tijdreeks: the numbers of the factsheet (−21%, −12%), Dutch terms."""
    root = example_run[0]
    rep = root / "reports" / "voorbeeldpilot"
    read = lambda n: pd.read_csv(rep / f"{n}.csv", sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    did = read("effect_voor_na")
    assert did.loc[0, "model"] == "Poisson-regressie" and did.loc[0, "onzekerheid berekend met"] == "randomisatie-inferentie"
    assert re.fullmatch(r"-\d+,\d", did.loc[0, "verandering (%)"])  # CSV numbers stay machine-readable (ASCII minus)
    change = float(did.loc[0, "verandering (%)"].replace(",", "."))
    html = (rep / "factsheet.html").read_text(encoding="utf-8")
    assert f"−{abs(round(change)):.0f}%" in html  # −20,8 in the table is the factsheet's −21%
    es = read("effect_per_periode")
    assert es.columns.tolist() == ["kwartalen sinds de start", "verandering (%)", "ondergrens 95%-BI (%)",
                                   "bovengrens 95%-BI (%)", "startgroepen (aantal)"]
    pct = es[["verandering (%)", "ondergrens 95%-BI (%)", "bovengrens 95%-BI (%)"]].map(
        lambda v: float(v.replace(",", ".")))
    assert (pct["ondergrens 95%-BI (%)"] <= pct["verandering (%)"]).all() and (pct > -100).all().all()
    its = read("tijdreeks").set_index("onderdeel")
    assert list(its.index[:4]) == ["niveau vóór de start (begin van de reeks, zonder seizoen)", "trend vóór de start",
                                   "sprong bij de start", "verandering van de trend na de start"]
    assert its.index[4].startswith("seizoen: jaarlijkse golf")
    jump = its.loc["sprong bij de start"]
    assert jump["eenheid"] == "% verandering"
    jump_pct = [round(float(jump[c].replace(",", "."))) for c in ("schatting", "ondergrens 95%-BI", "bovengrens 95%-BI")]
    assert f"−{abs(jump_pct[0])}% (95%-BI: −{abs(jump_pct[1])}% tot +{jump_pct[2]}%)" in html  # −12% (−26% tot +5%)
    assert its.loc["trend vóór de start", "eenheid"] == "% per maand"
    assert "logschaal" in pd.read_excel(rep / "tabellen.xlsx", sheet_name="Toelichting", header=None).to_string()


def test_figure_footers_and_texts_for_people(example_run):
    """Footers say what n counts; numbers for people use the typographic minus; the process-time key figure reads."""
    root = example_run[0]
    fig, rep = root / "figures" / "voorbeeldpilot", root / "reports" / "voorbeeldpilot"
    footers = {p.stem: p.read_text(encoding="utf-8").splitlines()[-1] for p in fig.glob("*.txt")}
    assert footers["04_kosten_gevoeligheid"].endswith("n = 180 bereikte leerlingen")
    assert footers["02_verwijzingen_per_1000"].endswith("n = 15 scholen")
    assert footers["02b_tijdreeks"].endswith("maanden") and footers["04_doorlooptijden"].endswith("casussen")
    assert all(re.search(r"; n = [\d.]+ \w", f) for f in footers.values()), footers
    for name, path in {**{p.name: p for p in fig.glob("*.txt")}, "verantwoording.md": rep / "verantwoording.md"}.items():
        text = path.read_text(encoding="utf-8")
        assert not _HYPHEN_MINUS.search(text), (name, _HYPHEN_MINUS.search(text) and
                                                text[_HYPHEN_MINUS.search(text).start() - 40:][:60])
    assert "−1,9" in (fig / "04_kosten_gevoeligheid.txt").read_text(encoding="utf-8")
    costs = pd.read_csv(rep / "kosten_aannames.csv", sep=";", dtype=str, encoding="utf-8-sig").set_index("aanname")
    assert costs.loc["uren per week", "waarde"] == "20"  # whole numbers of hours and trajectories without ",0"
    assert costs.loc["tweedelijns trajecten per jaar zonder inzet", ["waarde", "laag", "hoog"]].tolist() == ["40", "30", "50"]
    import openpyxl

    ws = openpyxl.load_workbook(rep / "tabellen.xlsx")["effect_voor_na"]  # −20,8 in Excel too, still a number
    assert ws["A2"].value < 0 and ws["A2"].number_format == '#,##0.0;"−"#,##0.0'
    assert ws["D2"].number_format == "#,##0.000"  # p-values are never negative
    html = (rep / "factsheet.html").read_text(encoding="utf-8")
    assert "aandeel met passend aanbod binnen 90 dagen, in groep &#39;na&#39;" in html and "; na)" not in html
    # axis ticks of the cost figure: the SVG holds the tick texts; negative amounts with U+2212
    svg = (fig / "04_kosten_gevoeligheid.svg").read_text(encoding="utf-8")
    assert "−60.000" in svg or "−40.000" in svg
    assert not re.search(r">-\d", svg)


# ------------------------------------------------------------------ rounding of published counts (issue #13)
#: A number of people, files, agencies, answers or cases as it is written in the outputs (not: schools,
#: periods, days, percentages, decimals, money). The look-behind keeps "1,9 instanties" and "46%" out.
_NUM = r"(?<![\d,.%€])(\d{1,3}(?:\.\d{3})*)(?![\d,%])"
_COUNTED = (r"(?:verschillende |gelezen |bereikte )?(?:leerlingen|leerling\(en\)|dossiers|instanties|respondenten|"
            r"casussen|casus\(sen\)|geïnterviewden|interviews|antwoorden|verwijzingen)")
_COUNT_PATTERNS = (
    re.compile(r"n = " + _NUM + r"(?! (?:scholen|maanden|weken|perioden|eenheden|simulaties))"),
    re.compile(_NUM + r" van de " + _NUM + r"(?! (?:scholen|eenheden))"),
    re.compile(_NUM + " " + _COUNTED),
    re.compile(_NUM + r" tot " + _NUM + r" verschillende instanties"),
    re.compile(r"instanties \(95%-BI:? " + _NUM + r" tot " + _NUM + r"\)"),
    re.compile(r"gelezen dossiers per school \(" + _NUM + r"\)"),
    re.compile(r"interviews \(([^()]*)\)"),  # "17 interviews (ouder 8, overige 9)": every number inside
)


def published_counts(text: str) -> list[int]:
    """Every count of people/files/agencies/answers/cases in ``text`` (see _COUNT_PATTERNS)."""
    found = []
    for pattern in _COUNT_PATTERNS:
        for m in pattern.finditer(text):
            found += [int(x.replace(".", "")) for g in m.groups() if g for x in re.findall(r"\d+(?:\.\d{3})*", g)]
    return found


def test_published_counts_pattern_by_hand():
    text = ("Gevonden in de 409 gelezen dossiers; 167 van de 409 leerlingen; gemiddeld 1,9 instanties; 46% van de "
            "leerlingen; 6 van de 15 scholen; n = 15 scholen; n = 66 respondenten; na (n = 33): mediaan 61 dagen "
            "(95%-BI 35 tot 134); 41 instanties (95%-BI: 36 tot 49); 17 interviews (ouder 8, overige 9); € 233")
    # 'n = 66 respondenten' and '167 van de 409 leerlingen' are found by two patterns each
    assert sorted(published_counts(text)) == sorted([409, 167, 409, 409, 66, 66, 33, 41, 36, 49, 17, 8, 9])


@pytest.fixture(scope="module")
def rounded_run(tmp_path_factory):
    """The example pilot with ``afronden = 5`` (data read from data_raw/voorbeeld/), without the SO+ class:
    that section publishes its exact small counts with a reason (tested apart)."""
    root = tmp_path_factory.mktemp("afronden")
    text = (EXAMPLE / "pilot.toml").read_text(encoding="utf-8")
    text = text.replace("# afronden = 5 ", "afronden = 5   ")
    text = re.sub(r'^(\w+) = "([^"]+\.(?:xlsx|csv))"', lambda m: f'{m.group(1)} = {json.dumps(str(EXAMPLE / m.group(2)))}',
                  text, flags=re.M)
    text = re.sub(r"\[analyses\.kleine_pilot\].*?(?=\n\[analyses\.doorlooptijden\])", "", text, flags=re.S)
    assert "afronden = 5" in text and "kleine_pilot" not in text
    (root / "pilot.toml").write_text(text, encoding="utf-8")
    run_pilot(root / "pilot.toml", figures=root / "figures", reports=root / "reports", pdf=False, docx=False,
              progress=lambda _: None)
    return root


@pytest.mark.slow  # a whole extra pilot run: CPU budget of `make test` (issue #12); CI runs it
def test_rounding_reaches_factsheet_captions_and_method_note(rounded_run):
    """Adversary: with 'afronden = 5' the tables rounded 37 to 35 while the factsheet and the captions said
    37, so the rounding protected nothing. Every published count is now a multiple of 5."""
    root = rounded_run
    html = (root / "reports" / "voorbeeldpilot" / "factsheet.html").read_text(encoding="utf-8")
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", html, flags=re.S)).replace("&#39;", "'")
    captions = {p.name: p.read_text(encoding="utf-8") for p in (root / "figures" / "voorbeeldpilot").glob("*.txt")}
    note = (root / "reports" / "voorbeeldpilot" / "verantwoording.md").read_text(encoding="utf-8")
    results = note.split("## Kwaliteit van de gegevens")[0]
    where = {"factsheet.html": visible, "verantwoording.md": results, **captions}
    # a break-even ("collectief is goedkoper vanaf 33 leerlingen per jaar") is a threshold of the cost model,
    # not a count of anyone in the data: it is not rounded
    break_even = re.compile(r"goedkoper vanaf \d+ leerlingen per jaar")
    assert any(break_even.search(text) for text in where.values())
    counts = {name: published_counts(break_even.sub("", text)) for name, text in where.items()}
    assert sum(map(len, counts.values())) > 100 and len(counts["factsheet.html"]) > 15  # the check is not vacuous
    wrong = {name: [c for c in found if c % 5] for name, found in counts.items()}
    assert not any(wrong.values()), {k: v for k, v in wrong.items() if v}
    assert "afgerond op veelvouden van 5" in note


def test_section_with_a_reason_publishes_exact_counts_and_says_so(tmp_path):
    """The SO+ class of 4 publishes '2 van de 4' with the pilot file's reason: rounding it to '0 van de 5'
    would make the section meaningless; the method note names the exception (not rounded either)."""
    body = ('[analyses.kleine_pilot]\nvergelijk = 0.10\nreden = "klas van 4, bij iedereen bekend"\n')
    path = write_pilot(tmp_path, body, data={"klas": EXAMPLE / "so_plus_klas.csv"}, head=BASE + "afronden = 5\n")
    run_pilot(path, figures=tmp_path / "f", reports=tmp_path / "r", pdf=False, docx=False, progress=lambda _: None)
    caption = (tmp_path / "f" / "test" / "04_kleine_pilot_aandeel.txt").read_text(encoding="utf-8")
    note = (tmp_path / "r" / "test" / "verantwoording.md").read_text(encoding="utf-8")
    assert "2 van de 4" in caption and "n = 4 leerlingen" in caption
    assert "niet afgeschermd (en niet afgerond)" in note and "klas van 4" in note


def test_report_figure_titles_state_findings_not_questions(example_run):
    """Issue #13: titles state the finding, the question goes in the subtitle. The caption (alt text)
    starts with the title; before, eight figures of the file study had a question as title."""
    root, paths, _ = example_run
    captions = {p.name: p.read_text(encoding="utf-8") for p in paths.values()
                if isinstance(p, Path) and p.suffix == ".txt"}
    assert len(captions) > 20
    questions = {name: text[:80] for name, text in captions.items() if re.match(r"^[^.!?\n]*\?", text)}
    assert not questions, questions
    curve = captions["01_verzamelcurve_1.txt"]
    assert re.match(r"Het dossieronderzoek vond \d+ instanties en de curve (stijgt nog|vlakt af): in alle 160 dossiers "
                    r"staan er naar schatting \d+ \(\d+ tot \d+\)\. SBO De Regenboog\.", curve), curve[:200]
    assert re.match(r"\d+ instanties betrokken; \d+ daarvan bij 5 of meer leerlingen\.", captions["01_instanties_1.txt"])


# ------------------------------------------------------------------ the whole set in English (taal = "en")
#: Dutch words that leaked into English outputs (or would, from a message without its English text). The
#: pilot file's own texts (title, source, label, reason) are given in English below; the example data stay Dutch
#: (survey items, theme codes, group names), so the words are chosen not to occur in those data.
_DUTCH = (" en ", "leerlingen", "verwijzingen", "scholen", "Bron", "waarschijnlijk", "per 1.000", "zonder",
          "eenheden", "vrijheidsgraden", "Standaardfouten", "Kleinste", "startgroep", "tellen mee", "verandering",
          "ondergrens", "bovengrens", "aandeel", "dagen", "kosten", "Toelichting", "instanties_", "leerling_",
          "tijdreeks", "doorlooptijden", "uitrol")
#: A decimal comma ("0,12", "1,9", "0,096"): in English a comma only separates thousands (1,000).
_DECIMAL_COMMA = re.compile(r"(?<![\d.,])(?:0,\d|\d{1,3},(?:\d{1,2}|\d{4,})(?!\d))")


@pytest.fixture(scope="module")
def english_run(tmp_path_factory):
    """The example pilot with ``taal = "en"`` and English texts in the pilot file, once (no PDF)."""
    root = tmp_path_factory.mktemp("english")
    text = (EXAMPLE / "pilot.toml").read_text(encoding="utf-8")
    text = text.replace('taal = "nl"', 'taal = "en"')
    for key, value in {"titel": "Youth workers in school: example pilot", "regio": "Example municipality",
                       "periode": "August 2021 – July 2024", "bron": "synthetic example data (package evaluatie)",
                       "label": "return to mainstream education",
                       "reden": "SO+ class of 4 pupils known to everyone at school (SYNTHETIC example)"}.items():
        text, n = re.subn(rf'^{key} = "[^"]*"', lambda _m: f"{key} = {json.dumps(value, ensure_ascii=False)}", text,
                          flags=re.M)
        assert n == 1, key
    text = re.sub(r'^(\w+) = "([^"]+\.(?:csv|xlsx))"', lambda m: f"{m[1]} = {json.dumps(str(EXAMPLE / m[2]))}",
                  text, flags=re.M)
    (root / "pilot.toml").write_text(text, encoding="utf-8")
    lines = []
    paths = run_pilot(root / "pilot.toml", figures=root / "figures", reports=root / "reports", pdf=False,
                      progress=lines.append)
    return root / "figures" / "voorbeeldpilot", root / "reports" / "voorbeeldpilot", paths, lines


def _english_texts(fig: Path, rep: Path) -> dict:
    """What an English reader reads: factsheet text, captions, sheet names, headers and notes, the method note."""
    import openpyxl

    html = (rep / "factsheet.html").read_text(encoding="utf-8")
    html = re.sub(r"<(style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'src="data:[^"]*"', "", html)
    import html as html_lib

    texts = {"factsheet.html": html_lib.unescape(re.sub(r"<[^>]+>", " ", html))}
    texts.update({p.name: p.read_text(encoding="utf-8") for p in sorted(fig.glob("*.txt"))})
    book = openpyxl.load_workbook(rep / "tabellen.xlsx")
    texts["tabellen.xlsx sheet names"] = " | ".join(book.sheetnames)
    for ws in book.worksheets:
        first = ws.title == book.sheetnames[0]  # the notes sheet: every line; a table: its header row
        rows = ws.iter_rows(values_only=True) if first else ws.iter_rows(max_row=1, values_only=True)
        texts[f"tabellen.xlsx [{ws.title}]"] = "\n".join(" | ".join(str(v) for v in r if v is not None) for r in rows)
    texts.update({p.name + " header": p.read_text(encoding="utf-8-sig").splitlines()[0] for p in rep.glob("*.csv")})
    texts["csv file names"] = " ".join(sorted(p.name for p in rep.glob("*.csv")))
    texts["figure file names"] = " ".join(sorted(p.name for p in fig.iterdir()))
    # the data quality report quotes the file's own (Dutch) headers: "'Aantal leerlingen' → exposure"
    texts["verantwoording.md"] = re.sub(r"'[^']*' → ", "", (rep / "verantwoording.md").read_text(encoding="utf-8"))
    return texts


@pytest.mark.slow  # a whole extra pilot run: CPU budget of `make test` (issue #12); CI runs it
def test_english_run_names_every_table_and_figure_in_english(english_run, example_run):
    """A new section's sheet, CSV and figure names stayed Dutch in an English report (kosten_financiering)."""
    def names(rep, fig):
        return {*pd.ExcelFile(rep / "tabellen.xlsx").sheet_names, *(p.stem for p in rep.glob("*.csv")),
                *(re.sub(r"_\d+$", "", p.stem) for p in fig.glob("*.png"))}

    fig, rep, _, _ = english_run
    dutch = names(example_run[0] / "reports" / "voorbeeldpilot", example_run[0] / "figures" / "voorbeeldpilot")
    english = names(rep, fig)
    assert len(english) >= 30 and len(dutch) == len(english)
    assert not english & dutch, sorted(english & dutch)


@pytest.mark.slow  # a whole extra pilot run: CPU budget of `make test` (issue #12); CI runs it
def test_english_run_has_no_dutch_words_or_decimal_commas(english_run):
    fig, rep, paths, lines = english_run
    texts = _english_texts(fig, rep)
    assert len([k for k in texts if k.endswith(".txt")]) >= 20 and "tabellen.xlsx [Notes]" in texts
    leaks = [(name, word, text[max(0, text.find(word) - 50):text.find(word) + 50].replace("\n", " "))
             for name, text in texts.items() for word in _DUTCH if word in text]
    leaks += [(name, "decimal comma", text[max(0, m.start() - 50):m.end() + 30].replace("\n", " "))
              for name, text in texts.items() for m in _DECIMAL_COMMA.finditer(text)]
    leaks += [(name, "€ with a space (Dutch)", text[max(0, m.start() - 50):m.end() + 30].replace("\n", " "))
              for name, text in texts.items() for m in re.finditer(r"€ \d", text)]
    assert not leaks, "\n".join(map(str, leaks))
    assert "0.12 between successive periods" in texts["verantwoording.md"]  # the time series' autocorrelation note
    assert re.search(r"\(2,000 assignments; p = ", texts["verantwoording.md"])  # thousands comma
    assert "reference date 12 July 2024" in texts["verantwoording.md"]  # not 12-07-2024 (read as 7 December)
    assert "€233 per pupil reached" in texts["verantwoording.md"] and "€41,860 per year" in texts["verantwoording.md"]
    steps = len(lines)  # one per section (the example has them all) + tables, factsheet, method note
    assert steps >= 13 and [ln.split("]")[0] for ln in lines] == [f"[{i}/{steps}" for i in range(1, steps + 1)]
    assert all(re.fullmatch(rf"\[\d+/{steps}\] [a-z][\w ,:()./-]+(…)?", ln) and not any(w in ln for w in _DUTCH)
               for ln in lines), lines


@pytest.mark.slow  # a whole extra pilot run: CPU budget of `make test` (issue #12); CI runs it
def test_english_docx_is_proofed_in_english_and_dutch_in_dutch(english_run, example_run):
    """Word spell-checks a run in its language: python-docx's template says en-US, also for a Dutch factsheet."""
    def proofing(path: Path) -> set:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/styles.xml").decode("utf-8")
        return set(re.findall(r'<w:lang w:val="([^"]+)"', xml))

    assert proofing(english_run[1] / "factsheet.docx") == {"en-GB"}
    assert proofing(example_run[0] / "reports" / "voorbeeldpilot" / "factsheet.docx") == {"nl-NL"}


def test_notes_of_result_objects_follow_the_language():
    """Notes a model collects while it fits (unbalanced panel, a school without events, gaps in a series) were
    Dutch sentences inside English summaries; they read as before in Dutch and in English with ``lang="en"``."""
    from evaluatie.did import panel_did
    from evaluatie.io import read_table
    from evaluatie.its import segmented
    from evaluatie.zorgvraag import prepare, total_series

    panel = prepare(read_table(EXAMPLE / "zorgvraag_panel.csv", kind="panel", progress=False)[0])
    quiet = panel["unit"] == panel["unit"].iloc[0]
    panel.loc[quiet, "count"] = 0  # a school without any referral: left out of the Poisson model
    panel = panel.drop(panel.index[~quiet][:3])  # three months missing: unbalanced
    res = panel_did(panel, exposure="exposure", inference="cluster")
    dutch, english = res.summary("nl"), res.summary("en")
    assert "zonder enige gebeurtenis weggelaten" in dutch and "Ongebalanceerd panel: 1 eenheid/eenheden" in dutch
    assert "without any event left out" in english and "Unbalanced panel: 1 unit(s) miss periods" in english
    series, start = total_series(read_table(EXAMPLE / "zorgvraag_gemeente.csv", kind="panel", progress=False)[0])
    its = segmented(series.drop(series.index[[5, 6]]), "count", "period", start, exposure="exposure",
                    family="quasipoisson")
    english = its.summary("en")
    assert "The series has gaps: 2 month(s) missing" in english and "between successive periods" in english
    for text in (res.summary("en"), english):
        notes = [ln for ln in text.splitlines() if ln.startswith("- ")]
        assert notes and not [w for w in _DUTCH + ("weggelaten", "rij(en)", "perioden") for n in notes if w in n], notes
        assert not _DECIMAL_COMMA.search(text), text


def test_rapport_command_speaks_the_pilot_files_language(tmp_path, capsys):
    """`evaluatie rapport` printed "Klaar. Factsheet: …" after English progress lines."""
    path = write_pilot(tmp_path, "[analyses.zorgvraag]\ninferentie = 'cluster'",
                       data={"panel": EXAMPLE / "zorgvraag_panel.csv"}, head=BASE + 'taal = "en"\n')
    code = main(["rapport", str(path), "--figuren", str(tmp_path / "f"), "--rapporten", str(tmp_path / "r"),
                 "--geen-pdf"])
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("Done. Factsheet: ") and "Tables and method note" in out, out
    assert err.splitlines()[0].startswith("[1/4] demand before and after"), err
    assert (tmp_path / "r" / "test" / "effect_before_after.csv").is_file()
    assert (tmp_path / "f" / "test" / "02_referrals_per_1000.png").is_file()


def test_names_caveat_says_whether_a_reviewed_mapping_was_used(tmp_path):
    """Fresh-eye test: without a koppeltabel the factsheet claimed 'Namen van instanties zijn gelijkgetrokken met
    een gecontroleerde koppeltabel'. It now says that no mapping was given; with a mapping that misses names it
    says how many spellings were assigned automatically; only a complete mapping gets the original sentence."""
    rows = [(f"L{i}", a) for i, a in enumerate(["GGD", "G.G.D. Fryslân", "jeugdarts ggd", "Wijkteam",
                                                 "wijk team Noord", "Accare", "Kinnik", "GGD"] * 2)]
    dossier = tmp_path / "dossiers.csv"
    pd.DataFrame([{"School": "SBO De Brug", "Leerling": p, "Instantie": a} for p, a in rows]).to_csv(
        dossier, sep=";", index=False)
    claim = "gelijkgetrokken met een gecontroleerde koppeltabel"

    def caveats(data: dict, name: str) -> str:
        path = write_pilot(tmp_path, "", data=data)
        run_pilot(path, figures=tmp_path / name / "f", reports=tmp_path / name / "r", pdf=False, docx=False,
                  progress=lambda _: None)
        html = (tmp_path / name / "r" / "test" / "factsheet.html").read_text(encoding="utf-8")
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))

    text = caveats({"dossier": dossier}, "zonder")
    assert claim not in text and "er is geen koppeltabel opgegeven" in text
    full = tmp_path / "koppeltabel.csv"
    names = ["GGD", "G.G.D. Fryslân", "jeugdarts ggd", "Wijkteam", "wijk team Noord", "Accare", "Kinnik"]
    agency = ["GGD", "GGD", "GGD", "Wijkteam", "Wijkteam", "Accare", "Kinnik"]
    pd.DataFrame({"naam_in_dossier": names, "instantie": agency, "soort": "jeugdhulp"}).to_csv(full, sep=";", index=False)
    assert claim in caveats({"dossier": dossier, "koppeltabel": full}, "volledig")
    part = tmp_path / "deel.csv"
    pd.DataFrame({"naam_in_dossier": names[:3], "instantie": agency[:3], "soort": "jeugdhulp"}).to_csv(
        part, sep=";", index=False)
    text = caveats({"dossier": dossier, "koppeltabel": part}, "deels")
    assert claim not in text and "4 van de 7 schrijfwijzen van instanties staan niet in de gecontroleerde" in text


def test_typos_in_the_pilot_file_get_a_suggestion(tmp_path):
    """Fresh-eye test: a student's pilot file with 'vragelijst' (a typo) or 'doorlooptijden_thuiszitters.csv' for
    'doorlooptijden thuiszitters.csv' got a correct Dutch error; it now also says what was probably meant.
    Without a close match the message stays as it was."""
    (tmp_path / "doorlooptijden thuiszitters.csv").write_text("Casus;Aanmelddatum\nT1;1-1-2024\n", encoding="utf-8")
    (tmp_path / "enquete.xlsx").write_bytes(b"")
    path = write_pilot(tmp_path, "", data={"vragelijst": tmp_path / "enquete.xlsx"})
    with pytest.raises(InputError, match=r"onbekende sleutel 'vragelijst' in \[data\]\. Toegestaan: .*\. "
                                         r"Bedoel je 'vragenlijst'\?$"):
        load_pilot(path)
    path = write_pilot(tmp_path, "", data={"trajecten": "doorlooptijden_thuiszitters.csv"})
    with pytest.raises(InputError, match=r"bestaat niet \(gezocht vanaf de map .*\)\. "
                                         r"Bedoel je 'doorlooptijden thuiszitters\.csv'\?$"):
        load_pilot(path)
    path = write_pilot(tmp_path, "[analyses.doorlooptijden]\nnormdagen = 90",
                       data={"trajecten": "doorlooptijden thuiszitters.csv"})
    with pytest.raises(InputError, match=r"Toegestaan: norm_dagen, .*Bedoel je 'norm_dagen'\?$"):
        load_pilot(path)
    path = write_pilot(tmp_path, "", data={"xyz": "iets.csv"})
    with pytest.raises(InputError) as err:
        load_pilot(path)
    assert "Bedoel je" not in str(err.value)


def test_factsheet_warns_when_the_key_scale_hardly_hangs_together(tmp_path):
    """Fresh-eye test: the key figure '+0,67 verschil in score samenwerking' stood on the factsheet while the method
    note called the scale 'weinig betrouwbaar' (alpha 0,03): the policy reader never saw that. Below alpha 0.7 the
    caveats now say so; a consistent scale gets no such caveat."""
    import numpy as np

    rng = np.random.default_rng(4)
    codebook = tmp_path / "codeboek.csv"
    pd.DataFrame({"Vraag": ["v1", "v2", "v3", "v4"], "Vraagtekst": ["a", "b", "c", "Ik moet alles opnieuw vertellen"],
                  "Schaal": "likert5", "Omgescoord": ["nee", "nee", "nee", "ja"],
                  "Construct": "samenwerking"}).to_csv(codebook, sep=";", index=False)

    def factsheet(reversed_answered_as_reversed: bool, name: str) -> str:  # noqa: FBT001
        rows = []
        for r in range(24):
            level = rng.integers(1, 6)
            for wave, shift in (("voor", 0), ("na", 1)):
                base = [int(np.clip(level + shift + rng.integers(-1, 2), 1, 5)) for _ in range(4)]
                if reversed_answered_as_reversed:
                    base[3] = 6 - base[3]  # the negative statement answered as it is meant: low = good
                # else: answered like the others although the codebook reverses it (alpha falls far)
                rows.append({"Respondent": f"R{r}", "Groep": "ouder", "Meting": wave,
                             **{f"v{i + 1}": v for i, v in enumerate(base)}})
        answers = tmp_path / f"{name}.csv"
        pd.DataFrame(rows).to_csv(answers, sep=";", index=False)
        path = write_pilot(tmp_path, "", data={"vragenlijst": answers, "codeboek": codebook})
        run_pilot(path, figures=tmp_path / name / "f", reports=tmp_path / name / "r", pdf=False, docx=False,
                  progress=lambda _: None)
        from html import unescape

        page = (tmp_path / name / "r" / "test" / "factsheet.html").read_text(encoding="utf-8")
        return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))

    assert "De vragen van 'samenwerking' hangen weinig samen (Cronbachs alfa" in factsheet(False, "ruis")
    assert "hangen weinig samen" not in factsheet(True, "samenhang")


@pytest.mark.parametrize("taal, expected", [
    ("en", "Too few periods: 36 before and 2 after the start; at least 3 are needed on each side (preferably 8 or "
           "more)."),
    ("nl", "Te weinig perioden: 36 vóór en 2 na de start; er zijn er minstens 3 aan elke kant nodig (liefst 8 of "
           "meer).")])
def test_english_pilot_gets_analysis_errors_in_english(tmp_path, taal, expected):
    """An analysis that refuses the data (here the time series, 2 months after the start) says so in the
    pilot's language: the sections pass ``taal`` on to the analysis functions."""
    lines = (EXAMPLE / "zorgvraag_gemeente.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "reeks.csv").write_text("\n".join(lines[:39]) + "\n", encoding="utf-8")  # 36 months before, 2 after
    (tmp_path / "pilot.toml").write_text(
        f'naam = "kort"\ntitel = "Korte reeks"\nregio = "Voorbeeld"\nperiode = "2019-2022"\npubliek = "gemeente"\n'
        f'taal = "{taal}"\nbron = "synthetisch"\n\n[data]\nreeks = "reeks.csv"\n\n'
        '[analyses.tijdreeks]\nseizoen = "geen"\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        run_pilot(tmp_path / "pilot.toml", figures=tmp_path / "f", reports=tmp_path / "r", pdf=False)
    assert str(info.value) == expected
