"""Leak scenarios: hostile personal data pushed through the library and the CLI into every output.

Each scenario injects a value (BSN in many spellings, e-mail, phone, postcode, name, pseudonym) in
one place — a cell of any dtype, the index, a column header, an agency name, a figure title, tick
label, legend, annotation, caption, source line, file name, the School cell — runs the writer(s),
and then scans every written file (CSV, XLSX XML, SVG text, PDF streams, PNG metadata, TXT
captions) for every spelling of the value. A scenario passes when the value is nowhere in the
output: either the writer refused (then the refusal must name the output file and show only the
masked value) or it wrote output without it.
"""
from __future__ import annotations

import subprocess
import sys

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from evaluatie import InputError
from evaluatie.cli import main
from evaluatie.io import read_table
from evaluatie.nulmeting import analyze
from evaluatie.plots import save_figure
from evaluatie.report import Table, export_table, export_tables

from .leaks import (
    BSN,
    BSN_FORMS,
    EMAIL,
    NAME,
    PHONE_FORMS,
    dossier_rows,
    leaks,
    write_csv,
    write_xlsx,
)

KEY = "sleutel-voor-lektests-0123456789"
ALL_FORMS = BSN_FORMS + PHONE_FORMS + [EMAIL, "1234 ab 12", "1234 AB 12", "Jansen", "3-9-2015"]


@pytest.fixture(autouse=True)
def _svg_text(monkeypatch):
    """Store figure text as <text> in SVG, so the scan can read it (the default draws glyph paths)."""
    monkeypatch.setitem(matplotlib.rcParams, "svg.fonttype", "none")


def _assert_refused_or_clean(run, out, forms, *, where=None):
    """Run ``run()``; a refusal must name the output and mask the value; nothing may leak either way."""
    try:
        run()
    except InputError as err:
        message = str(err)
        assert "geweigerd" in message and "…" in message, message
        if where:
            assert where in message, message
        assert not [f for f in forms if f.lower() in message.lower()], message
    assert leaks(out, forms) == []


# ------------------------------------------------------------------ tables: report.export_table(s)
def _table(**cells):
    base = pd.DataFrame({"met instantie": [40, 12, 9], "zonder": [100, 17, 30]}, index=["School A", "School B",
                                                                                         "School C"])
    for k, v in cells.items():
        base[k] = v
    return base


TABLE_CASES = {
    "bsn_plain": lambda: _table(opmerking=["ok", BSN, "ok"]),
    "bsn_dots": lambda: _table(opmerking=["ok", "1112.22.333", "ok"]),
    "bsn_full_stop": lambda: _table(opmerking=["ok", "bsn 111222333.", "ok"]),
    "bsn_spaces": lambda: _table(opmerking=["111 222 333", "ok", "ok"]),
    "bsn_hyphens": lambda: _table(opmerking=["ok", "ok", "111-222-333"]),
    "bsn_int_column": lambda: _table(nummer=[1, int(BSN), 3]),
    "bsn_float_column": lambda: _table(nummer=[1.5, float(BSN), 3.25]),
    "bsn_nullable_int": lambda: _table(nummer=pd.array([1, int(BSN), None], dtype="Int64")),
    "bsn_object_float": lambda: _table(nummer=pd.Series([1, 111222333.0, "x"], dtype=object, index=["School A", "School B", "School C"])),
    "bsn_category": lambda: _table(opmerking=pd.Categorical(["a", BSN, "a"])),
    "bsn_string_dtype": lambda: _table(opmerking=pd.array(["a", "bsn 111222333", "a"], dtype="string")),
    "bsn_in_index": lambda: _table().rename(index={"School B": f"School B {BSN}"}),
    "bsn_in_header": lambda: _table().rename(columns={"zonder": f"zonder ({BSN})"}),
    "bsn_in_multiindex": lambda: _table().set_index(pd.MultiIndex.from_tuples(
        [("A", "x"), ("B", BSN), ("C", "y")], names=["school", "groep"])),
    "agency_name_with_bsn_index": lambda: _table().rename(index={"School A": "Accare (bsn 111222333)"}),
    "email_cell": lambda: _table(contact=["", EMAIL, ""]),
    "email_header": lambda: _table().rename(columns={"zonder": EMAIL}),
    "phone_dots": lambda: _table(opmerking=["06.12345678", "", ""]),
    "phone_international": lambda: _table(opmerking=["", "+31 (0)6-12345678", ""]),
    "postcode_lower": lambda: _table(opmerking=["woont 1234 ab 12", "", ""]),
    "birth_date": lambda: _table(opmerking=["", "geboren op 3-9-2015", ""]),
    "title_and_name": lambda: _table(opmerking=["", "", "mevr. Jansen belde"]),
    "pseudonym_cell": lambda: _table(leerling=["ps_0123456789abcdef", "", ""]),
    "pseudonym_index": lambda: _table().rename(index={"School A": "ps_0123456789abcdef"}),
    "pseudonym_upper": lambda: _table(leerling=["PS_0123456789ABCDEF", "", ""]),
}


@pytest.mark.parametrize("case", sorted(TABLE_CASES))
def test_export_table_never_writes_personal_data(case, tmp_path):
    table = TABLE_CASES[case]()
    _assert_refused_or_clean(lambda: export_table(table, "tabel", folder=tmp_path, source="test"), tmp_path,
                             ALL_FORMS, where="tabel.csv")


def test_export_table_refuses_columns_flagged_at_load(tmp_path):
    table = _table(opmerking=["zie dossier", NAME, "zie dossier"])
    table.attrs["identifier_columns"] = ["opmerking"]
    with pytest.raises(InputError, match=r"tabel\.csv.*kolom 'opmerking'.*gemarkeerd bij inlezen, waarde …"):
        export_table(table, "tabel", folder=tmp_path, source="test")
    assert leaks(tmp_path, [NAME]) == []


@pytest.mark.parametrize("where, kwargs", [
    ("source", {"source": "dossiers, contact mevr. Jansen"}),
    ("notes", {"notes": {"t": "vragen: ouder@example.nl"}}),
    ("workbook", {"workbook": "tabellen_111222333.xlsx"}),
])
def test_export_tables_checks_source_notes_and_file_names(where, kwargs, tmp_path):
    args = {"source": "test", **kwargs}
    _assert_refused_or_clean(lambda: export_tables({"t": Table(_table())}, tmp_path, **args), tmp_path, ALL_FORMS)


def test_export_tables_table_name_with_bsn(tmp_path):
    _assert_refused_or_clean(lambda: export_tables({f"t{BSN}": Table(_table())}, tmp_path, source="test"),
                             tmp_path, ALL_FORMS)


def test_clean_export_is_written_and_clean(tmp_path):
    paths = export_table(_table(), "tabel", folder=tmp_path, source="test")
    assert paths["csv"].exists() and paths["xlsx"].exists() and leaks(tmp_path, ALL_FORMS) == []


# ------------------------------------------------------------------------- figures: save_figure
def _figure(**texts):
    fig, ax = plt.subplots(figsize=(4, 3))
    labels = ["Accare", "Karakter", "Lentis"]
    if "tick" in texts:
        labels[1] = texts["tick"]
    ax.bar(labels, [10, 12, 7], label=texts.get("legend", "instanties"))
    ax.set_title(texts.get("title", "Drie instanties"))
    ax.set_ylabel(texts.get("ylabel", "leerlingen"))
    ax.legend(title=texts.get("legend_title"))
    if "annotation" in texts:
        ax.annotate(texts["annotation"], (1, 12))
    if "suptitle" in texts:
        fig.suptitle(texts["suptitle"])
    if "figtext" in texts:
        fig.text(0.5, 0.01, texts["figtext"])
    return fig


FIGURE_CASES = {
    "bsn_title": ({"title": f"Leerling {BSN}"}, {}),
    "bsn_dots_tick": ({"tick": "Accare 1112.22.333"}, {}),
    "bsn_full_stop_tick": ({"tick": "bsn 111222333."}, {}),
    "email_legend": ({"legend": EMAIL}, {}),
    "pseudonym_tick": ({"tick": "ps_0123456789abcdef"}, {}),
    "pseudonym_legend_title": ({"legend_title": "ps_0123456789abcdef"}, {}),
    "phone_annotation": ({"annotation": "bel 06.12345678"}, {}),
    "name_suptitle": ({"suptitle": "dossier mevr. Jansen"}, {}),
    "postcode_ylabel": ({"ylabel": "1234 ab 12"}, {}),
    "bsn_figtext": ({"figtext": "111 222 333"}, {}),
    "bsn_caption": ({}, {"caption": f"Figuur over leerling {BSN}."}),
    "email_caption": ({}, {"caption": f"Vragen: {EMAIL}"}),
    "bsn_file_name": ({}, {"name": f"figuur_{BSN}"}),
    "phone_source": ({}, {"source": "dossiers; contact 06-12345678"}),
    "birth_caption": ({}, {"caption": "Kind geb. 03-09-2015."}),
}


@pytest.mark.parametrize("case", sorted(FIGURE_CASES))
def test_save_figure_never_writes_personal_data(case, tmp_path):
    texts, kwargs = FIGURE_CASES[case]
    fig = _figure(**texts)
    args = {"name": "figuur", "source": "test", "n": 29, "caption": "Drie instanties.", **kwargs}
    name = args.pop("name")
    _assert_refused_or_clean(lambda: save_figure(fig, name, folder=tmp_path, **args), tmp_path, ALL_FORMS)
    assert not list(tmp_path.iterdir())  # refused before anything was written


def test_clean_figure_text_is_scannable(tmp_path):
    """The scan really sees figure text (guards against a scan that could never find anything)."""
    fig = _figure(tick="Karakter Noord")
    save_figure(fig, "figuur", folder=tmp_path, source="bron X", n=29, caption="Drie instanties.")
    files = {p.suffix for p in tmp_path.iterdir()}
    assert files == {".png", ".svg", ".pdf", ".txt"}
    assert leaks(tmp_path, ["Karakter Noord"], pseudonyms=False) == ["figuur.svg: ['Karakter Noord']"]
    assert leaks(tmp_path, ["bron X"], pseudonyms=False) == ["figuur.svg: ['bron X']", "figuur.txt: ['bron X']"]


# ----------------------------------------------- load -> analysis -> figures and tables (library)
HEADER = ["School", "Leerling", "Instantie"]


def _dossier(tmp_path, rows, header=HEADER, fmt="csv"):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    writer = write_csv if fmt == "csv" else write_xlsx
    return writer(folder / f"dossier.{fmt}", header, rows)


def _nulmeting_outputs(path, out):
    data, report = read_table(path, kind="dossier", key=KEY)
    result = analyze(data, report=report, n_boot=20)
    result.save_figures(source="test", folder=out / "figures")
    result.export_tables(folder=out / "reports")
    return data, report, result


def _inject(rows, where, value):
    rows = [list(r) for r in rows]
    rows[where[0]][where[1]] = value
    return rows


LOAD_CASES = {
    "bsn_in_agency_csv": ("csv", lambda r: _inject(r, (3, 2), "Accare (bsn 111222333)"), BSN_FORMS),
    "bsn_dots_in_agency": ("csv", lambda r: _inject(r, (3, 2), "Karakter 1112.22.333"), BSN_FORMS),
    "bsn_in_agency_xlsx": ("xlsx", lambda r: _inject(r, (3, 2), "Accare bsn 111222333."), BSN_FORMS),
    "email_in_agency": ("csv", lambda r: _inject(r, (4, 2), f"Lentis {EMAIL}"), [EMAIL]),
    "phone_in_agency": ("csv", lambda r: _inject(r, (4, 2), "Lentis 06.12345678"), PHONE_FORMS),
    "bsn_as_pupil_id": ("csv", lambda r: [[s, BSN if p == "L001" else p, a] for s, p, a in r], BSN_FORMS),
    "bsn_int_pupil_id_xlsx": ("xlsx", lambda r: [[s, int(BSN) if p == "L001" else p, a] for s, p, a in r],
                              BSN_FORMS),
    "name_as_pupil_id": ("csv", lambda r: [[s, NAME if p == "L002" else p, a] for s, p, a in r], [NAME]),
    "name_in_school_cell": ("csv", lambda r: r + [[NAME, "L099", "Accare"]], [NAME, "Jansen"]),
    "name_in_school_cell_xlsx": ("xlsx", lambda r: r + [[NAME, "L099", "Karakter"]], [NAME, "Jansen"]),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(LOAD_CASES))
def test_loaded_personal_data_never_reaches_figures_or_tables(case, tmp_path):
    fmt, inject, forms = LOAD_CASES[case]
    path = _dossier(tmp_path, inject(dossier_rows()), fmt=fmt)
    out = tmp_path / "out"
    _assert_refused_or_clean(lambda: _nulmeting_outputs(path, out), out, forms)


@pytest.mark.slow
def test_group_of_one_is_flagged_and_not_shown(tmp_path):
    path = _dossier(tmp_path, dossier_rows() + [[NAME, "L099", "Accare"]])
    out = tmp_path / "out"
    data, report, result = _nulmeting_outputs(path, out)
    assert NAME in result.schools  # it is still a separate unit in the data...
    frame = report.to_frame()
    flagged = frame[frame["reason"].str.contains("één leerling")]
    assert flagged["value"].tolist() == ["…en"]  # ...but flagged, masked, with its row
    assert any("niet apart getoond" in n for n in report.notes)
    assert NAME not in report.summary() and NAME not in report._repr_html_()
    captions = " ".join(p.read_text(encoding="utf-8") for p in (out / "figures").glob("*.txt"))
    assert "1 van de 1 leerlingen" not in captions and "SBO De Regenboog" in captions
    assert leaks(out / "figures", [NAME, "Jansen"]) == []


@pytest.mark.slow
def test_personal_headers_never_reach_outputs(tmp_path):
    header = HEADER + ["BSN leerling", "Naam kind", "E-mailadres ouder", "Telefoonnummer ouders", "Woonadres"]
    rows = [r + [BSN, NAME, EMAIL, "06.12345678", "Dorpsstraat 12"] for r in dossier_rows()]
    path = _dossier(tmp_path, rows, header=header)
    out = tmp_path / "out"
    data, report, _ = _nulmeting_outputs(path, out)
    assert set(data.columns) == {"source_row", "school", "pupil", "agency_raw"}
    assert sum("niet ingelezen" in n for n in report.notes) == 5
    assert leaks(out, ALL_FORMS + ["Dorpsstraat"]) == []


@pytest.mark.slow
def test_pupil_pseudonyms_never_reach_outputs(tmp_path):
    out = tmp_path / "out"
    data, _, _ = _nulmeting_outputs(_dossier(tmp_path, dossier_rows()), out)
    assert data["pupil"].str.startswith("ps_").all()
    assert leaks(out, ["L001", "L012"]) == []  # also no ps_ pseudonym (checked by leaks)


def test_quality_report_masks_duplicate_rows_with_bsn_and_name(tmp_path):
    rows = dossier_rows()
    rows += [["SBO De Regenboog", BSN, "Accare"], ["SBO De Regenboog", BSN, "Accare"],
             ["SBO De Regenboog", NAME, "Lentis"], ["SBO De Regenboog", NAME, "Lentis"]]
    data, report = read_table(_dossier(tmp_path, rows), kind="dossier", key=KEY)
    shown = report.summary() + report._repr_html_() + report.to_frame().to_string() + str(report.entries)
    assert BSN not in shown and NAME not in shown and "Jansen" not in shown
    assert report.n_dropped >= 2


def test_input_error_messages_mask_values():
    err = InputError(f"rij 4, kolom 'Leerling', waarde '{BSN}': onleesbaar; mail {EMAIL}")
    assert BSN not in str(err) and EMAIL not in str(err) and "…33" in str(err)


# --------------------------------------------------------------------------------------- CLI
def _cli(args, capsys):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_cli_validate_masks_values(tmp_path, capsys):
    rows = dossier_rows() + [["SBO De Regenboog", BSN, "Accare"], ["SBO De Regenboog", BSN, "Accare"],
                             ["SBO De Regenboog", "L003", f"Lentis {EMAIL}"], ["SBO De Regenboog", "L004", "06.12345678"]]
    code, console = _cli(["validate", _dossier(tmp_path, rows), "--soort", "dossier"], capsys)
    assert code == 0
    assert [f for f in ALL_FORMS if f.lower() in console.lower()] == []


@pytest.mark.slow
@pytest.mark.parametrize("case", ["bsn_in_agency", "email_in_agency", "name_in_school", "bsn_in_source",
                                  "bsn_pupil_xlsx"])
def test_cli_nulmeting_never_writes_personal_data(case, tmp_path, capsys):
    rows = dossier_rows()
    fmt, extra, forms = "csv", [], BSN_FORMS
    if case == "bsn_in_agency":
        rows = _inject(rows, (3, 2), "Accare (bsn 111222333)")
    elif case == "email_in_agency":
        rows, forms = _inject(rows, (3, 2), f"Accare {EMAIL}"), [EMAIL]
    elif case == "name_in_school":
        rows, forms = rows + [[NAME, "L099", "Accare"]], [NAME, "Jansen"]
    elif case == "bsn_in_source":
        extra = ["--bron", "dossiers leerling 111222333"]
    elif case == "bsn_pupil_xlsx":
        rows, fmt = [[s, int(BSN) if p == "L001" else p, a] for s, p, a in rows], "xlsx"
    out = tmp_path / "figuren"
    code, console = _cli(["nulmeting", _dossier(tmp_path, rows, fmt=fmt), "--figuren", out, *extra], capsys)
    assert code in (0, 2) and "Traceback" not in console
    if code == 2:
        assert "geweigerd" in console and "…" in console
    assert [f for f in forms if f.lower() in console.lower() and f not in (NAME, "Jansen")] == []
    assert leaks(out, forms) == [] if out.exists() else True


def _panel(tmp_path, unit_b="IKC Het Anker"):
    rows = []
    for unit, start in (("IKC De Linde", "2023-01"), (unit_b, ""), ("IKC Zuid", "2023-01"), ("IKC Oost", "")):
        for month in pd.period_range("2022-01", "2023-12", freq="M"):
            count = 3 + (month.month % 3) + (unit == "IKC Oost")
            rows.append([unit, str(month), count, 400, start])
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    return write_csv(folder / "panel.csv", ["School", "Maand", "Aantal", "Leerlingen", "Start"], rows)


@pytest.mark.slow
@pytest.mark.parametrize("unit_b, extra, forms", [
    (f"IKC {EMAIL}", [], [EMAIL]),
    ("IKC Het Anker", ["--bron", "verwijzingen, contact 06.12345678"], PHONE_FORMS),
    ("IKC 1112.22.333", [], BSN_FORMS),
])
def test_cli_zorgvraag_never_writes_personal_data(unit_b, extra, forms, tmp_path, capsys):
    out = tmp_path / "figuren"
    code, console = _cli(["zorgvraag", _panel(tmp_path, unit_b), "--figuren", out, "--inferentie", "cluster",
                          *extra], capsys)
    assert code in (0, 2) and "Traceback" not in console
    assert [f for f in forms if f.lower() in console.lower()] == []
    assert (leaks(out, forms) if out.exists() else []) == []


@pytest.mark.slow
@pytest.mark.parametrize("command", [["validate", "--soort", "dossier"], ["nulmeting"]])
def test_python_dash_m_evaluatie(command, tmp_path, root):
    """The real entry point (``python -m evaluatie``) on a hostile file: exit code, console and files."""
    rows = _inject(dossier_rows(), (3, 2), "Accare (bsn 111222333.)") + [["SBO De Regenboog", BSN, "GGD"]]
    path = _dossier(tmp_path, rows)
    out = tmp_path / "figuren"
    args = [sys.executable, "-m", "evaluatie", command[0], str(path), *command[1:]]
    if command[0] == "nulmeting":
        args += ["--figuren", str(out)]
    env = {"PYTHONPATH": str(root), "EVALUATIE_SLEUTEL": KEY, "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    console = proc.stdout + proc.stderr
    assert proc.returncode in (0, 2) and "Traceback" not in console, console
    assert [f for f in BSN_FORMS if f in console] == []
    assert (leaks(out, BSN_FORMS) if out.exists() else []) == []


@pytest.mark.slow
def test_nulmeting_export_tables_refuses_agency_flagged_at_load(tmp_path):
    """The agency column was flagged at load (a BSN in one name): the agency table is never written,
    even when a reviewed mapping turns that name into a clean one."""
    rows = _inject(dossier_rows(), (3, 2), "Accare (bsn 111222333)")
    data, report = read_table(_dossier(tmp_path, rows), kind="dossier", key=KEY)
    assert "agency_raw" in report.identifier_columns
    data["agency_raw"] = data["agency_raw"].str.replace(r"\s*\(bsn.*\)", "", regex=True)
    result = analyze(data, report=report, n_boot=20)
    with pytest.raises(InputError, match=r"geweigerd: kolom 'instantie'.*gemarkeerd bij inlezen"):
        result.export_tables(folder=tmp_path / "out")
    assert leaks(tmp_path / "out", BSN_FORMS + ["Accare"]) == [] if (tmp_path / "out").exists() else True
