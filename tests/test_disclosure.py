"""Disclosure control that holds (issue #10) and tables for others (issue #13).

Reference values: the intervals below are derived by hand from the published totals (the
derivation is in the comments) and checked against brute-force enumeration of every integer table
that agrees with what is published; the rounding rule follows Statistics Netherlands (CBS), whose
youth-care tables publish counts rounded to multiples of five, e.g. "Jeugdbescherming en
jeugdreclassering, 1e halfjaar 2023", table 1.0.1 (29 115, 4 470, 5 625, 27 960, ...),
https://www.cbs.nl/nl-nl/longread/rapportages/2023/jeugdbescherming-en-jeugdreclassering-1e-halfjaar-2023/1-jeugdbescherming
"""
from __future__ import annotations

import csv
import itertools
import zipfile

import numpy as np
import pandas as pd
import pytest

from evaluatie import privacy
from evaluatie.errors import InputError
from evaluatie.privacy import suppress

# --- the counterexample of issue #10 ---------------------------------------------------------------
# Two 2×2 blocks of small cells (rows 0-1 × columns 0-1 and rows 2-3 × columns 2-3) and one small
# bridge cell (0, 2). Every row and column holds at least two hidden cells, so the old rule ("no row
# or column with exactly one hidden cell") stopped there; yet the bridge follows from the totals:
#   A0 + A1 (the block's part of row 0) = C0 + C1 - published in columns 0,1 - (R1 - published in row 1)
#   bridge = R0 - published in row 0 - (A0 + A1).
BRIDGE = pd.DataFrame([[2, 3, 2, 21, 25],
                       [1, 4, 22, 23, 26],
                       [24, 27, 3, 1, 28],
                       [29, 30, 2, 4, 31],
                       [32, 33, 34, 35, 36]])


def _recompute_bridge(published: pd.DataFrame, original: pd.DataFrame) -> float:
    """The intruder's arithmetic: NaN when it needs a cell that is not published."""
    p = published.to_numpy(dtype=float)
    rows, cols = original.sum(axis=1).to_numpy(), original.sum(axis=0).to_numpy()
    block = cols[0] + cols[1] - p[2:, 0].sum() - p[2:, 1].sum()  # NaN propagates
    block_row1 = rows[1] - p[1, 2:].sum()
    return rows[0] - p[0, 3:].sum() - (block - block_row1)


def test_bridge_counterexample_is_protected():
    # the old suppress published this table with the bridge (value 2) hidden, yet recomputable
    assert _recompute_bridge(BRIDGE.mask(BRIDGE < 5), BRIDGE) == 2
    out = suppress(BRIDGE)
    assert out.isna().to_numpy()[(BRIDGE < 5).to_numpy()].all()
    recomputed = _recompute_bridge(out, BRIDGE)
    assert np.isnan(recomputed) or not np.isnan(out.iloc[0, 2])
    report = privacy.audit(suppress(BRIDGE, totals=True))
    assert report["protected"].all() and (report["width"] >= 5).all()


def test_audit_finds_the_bridge_of_the_old_pattern():
    old = BRIDGE.mask(BRIDGE < 5).astype(float)  # the old pattern, with every total published
    old[privacy.TOTAL] = BRIDGE.sum(axis=1)
    old.loc[privacy.TOTAL] = list(BRIDGE.sum(axis=0)) + [BRIDGE.to_numpy().sum()]
    report = privacy.audit(old).set_index(["row", "column"])
    assert report.loc[(0, 2), "lower"] == report.loc[(0, 2), "upper"] == 2  # pinned down exactly
    assert not report.loc[(0, 2), "protected"]


# --- the audit's numbers -------------------------------------------------------------------------------

def test_audit_intervals_by_hand():
    # rows y, z and columns a, c hidden; totals: y.a + y.c = 42 - 30 = 12, z.a + z.c = 29 - 6 = 23,
    # y.a + z.a = 23 - 12 = 11, y.c + z.c = 31 - 7 = 24. With y.a = s: y.c = 12 - s, z.a = 11 - s,
    # z.c = 12 + s, and every hidden cell >= 1: 1 <= s <= 10.
    tab = pd.DataFrame({"a": [12, 3, 8], "b": [20, 30, 6], "c": [7, 9, 15]}, index=["x", "y", "z"])
    grid = suppress(tab, totals=True)
    grid.loc[["y", "z"], ["a", "c"]] = np.nan
    grid.loc[["y", "z"], "b"] = [30, 6]
    report = privacy.audit(grid).set_index(["row", "column"])
    np.testing.assert_allclose(report.loc[[("y", "a"), ("y", "c"), ("z", "a"), ("z", "c")], ["lower", "upper"]],
                               [[1, 10], [2, 11], [1, 10], [13, 22]])
    # hidden zeros allowed: s from 0 to 11 but z.a = 11 - s >= 0 and y.c = 12 - s >= 0: 0 <= s <= 11
    zero = privacy.audit(grid, zero=True).set_index(["row", "column"])
    np.testing.assert_allclose(zero.loc[("y", "a"), ["lower", "upper"]].to_numpy(dtype=float), [0, 11])


def test_audit_matches_brute_force_enumeration():
    rng = np.random.default_rng(7)
    checked = 0
    for _ in range(40):
        tab = pd.DataFrame(rng.integers(0, 6, size=(2, 2)), index=["r1", "r2"], columns=["k1", "k2"])
        grid = suppress(tab, totals=True)
        hidden_inner = grid.iloc[:2, :2].isna().to_numpy()
        if not hidden_inner.any():
            continue
        report = privacy.audit(grid)
        # every integer 2×2 table (cells >= 1 where hidden) that reproduces the published cells and totals
        total = int(tab.to_numpy().sum())
        cells = np.indices((total + 1,) * 4).reshape(4, -1).T.reshape(-1, 2, 2)
        shown = grid.to_numpy(dtype=float)
        ok = np.ones(len(cells), dtype=bool)
        for i, j in itertools.product(range(2), range(2)):
            ok &= cells[:, i, j] >= 1 if hidden_inner[i, j] else cells[:, i, j] == shown[i, j]
        for i in range(2):
            if not np.isnan(shown[i, 2]):
                ok &= cells[:, i, :].sum(axis=1) == shown[i, 2]
            if not np.isnan(shown[2, i]):
                ok &= cells[:, :, i].sum(axis=1) == shown[2, i]
        if not np.isnan(shown[2, 2]):
            ok &= cells.sum(axis=(1, 2)) == shown[2, 2]
        feasible = cells[ok]
        for _, r in report[(report["row"] != "Totaal") & (report["column"] != "Totaal")].iterrows():
            values = feasible[:, tab.index.get_loc(r["row"]), tab.columns.get_loc(r["column"])]
            assert r["lower"] == values.min()
            if np.isinf(r["upper"]):  # unbounded: the enumeration runs into its own limit
                assert values.max() == total
            else:
                assert r["upper"] == values.max()
        checked += 1
    assert checked >= 20


def test_audit_equals_one_program_per_cell():
    """The batched audit (one program per rank over independent parts, shortcuts at the bounds) gives
    the same intervals as the plain method: two linear programs for every hidden cell."""
    from scipy.optimize import linprog

    rng = np.random.default_rng(11)
    tables = {k: pd.DataFrame(rng.poisson(4, size=(3, 4))) for k in range(12)}
    published = suppress(tables, totals=True)
    report = privacy.audit(published)
    for k, grid in published.items():
        cells = grid.to_numpy(dtype=float)
        hidden = np.isnan(cells)
        index = -np.ones(cells.shape, dtype=int)
        index[hidden] = np.arange(hidden.sum())
        rows, rhs = [], []
        lines = [[(i, j) for j in range(4)] + [(i, 4)] for i in range(4)]  # rows incl. the total row
        lines += [[(i, j) for i in range(3)] + [(3, j)] for j in range(5)]  # columns incl. the total column
        for line in lines:
            coef = np.zeros(hidden.sum())
            known = 0.0
            for n, (i, j) in enumerate(line):
                sign = -1.0 if n == len(line) - 1 else 1.0
                if hidden[i, j]:
                    coef[index[i, j]] += sign
                else:
                    known += sign * cells[i, j]
            if coef.any():
                rows.append(coef)
                rhs.append(-known)
        expected = []
        for v in range(hidden.sum()):
            c = np.zeros(hidden.sum())
            c[v] = 1
            lo = linprog(c, A_eq=np.array(rows), b_eq=rhs, bounds=(1, None), method="highs")
            hi = linprog(-c, A_eq=np.array(rows), b_eq=rhs, bounds=(1, None), method="highs")
            expected.append((lo.fun, np.inf if hi.status == 3 else -hi.fun))
        got = report[report["table"] == k][["lower", "upper"]].to_numpy()
        np.testing.assert_allclose(got, np.array(expected), atol=1e-6)


def test_suppress_passes_the_audit_on_2000_random_tables():
    rng = np.random.default_rng(2024)
    tables = {k: pd.DataFrame(rng.poisson(rng.uniform(0.5, 15), size=(rng.integers(2, 5), rng.integers(2, 5))))
              for k in range(2000)}
    protected = suppress(tables, totals=True)  # 2,000 independent tables solved as one system
    report = privacy.audit(protected)
    assert report["protected"].all() and len(report) > 4000
    values = np.concatenate([tables[k].to_numpy().ravel() for k in tables])
    hidden = np.concatenate([protected[k].to_numpy()[:-1, :-1].ravel() for k in tables])
    hidden = np.isnan(hidden.astype(float))
    assert hidden[(values > 0) & (values < 5)].all()  # every small cell is hidden
    assert not hidden[values == 0].any()  # never a zero when zeros are shown (the audit relies on it)


def test_series_dict_and_errors():
    s = pd.Series([10, 2, 0, 7], index=list("abcd"), name="n")
    assert suppress(s, marker=privacy.HIDDEN).tolist() == [10, "x", 0, "x"]
    out = suppress({"een": s.to_frame(), "twee": s.to_frame()})
    assert set(out) == {"een", "twee"} and out["een"].isna().sum().sum() == 2
    with pytest.raises(InputError, match="neutraal teken"):
        suppress(s, marker="<5")  # a secondary cell may hold 17: "<5" would be a false claim
    with pytest.raises(InputError, match="margins"):
        suppress(s.to_frame(), margins="rijen")
    with pytest.raises(InputError, match="Koppeling"):
        suppress({"een": s.to_frame()}, links=[(("een", "zz", "n"), [("een", "a", "n")])])
    with pytest.raises(InputError, match="totaal"):
        privacy.audit(s.to_frame())  # the last row must be the total
    with pytest.raises(InputError, match="sluiten elkaar uit"):
        privacy.audit(pd.DataFrame({"n": [5.0, np.nan, 3.0]}, index=["a", "b", "Totaal"]), margins="columns")


def test_links_make_a_set_one_system():
    # a small school: its agency column adds up to 5, which the agency table must hide (the two cells
    # 2 and 3 would otherwise lie within [1, 4]); a key-figure table that shows 5 links undoes that
    agencies = pd.DataFrame({"Groot": [30, 12, 9, 40], "Klein": [2, 3, 0, 0]}, index=["A", "B", "C", "D"])
    key = pd.DataFrame({"koppelingen": [91, 5]}, index=["Groot", "Klein"])
    alone = suppress(agencies, totals=True)
    assert np.isnan(alone.loc["Totaal", "Klein"])  # hidden in the agency table ...
    shown_key = suppress(key, margins="columns")
    assert shown_key.loc["Klein", "koppelingen"] == 5  # ... but shown in the key table
    leaked = alone.copy()
    leaked.loc["Totaal", "Klein"] = 5
    assert not privacy.audit(leaked)["protected"].all()
    links = [(("kern", school, "koppelingen"), [("inst", "Totaal", school)]) for school in key.index]
    both = suppress({"inst": agencies, "kern": key}, margins={"inst": "both", "kern": "columns"}, links=links,
                    totals=True)
    assert np.isnan(both["kern"].loc["Klein", "koppelingen"])
    report = privacy.audit(both, margins={"inst": "both", "kern": "columns"}, links=links)
    assert report["protected"].all() and set(report["table"]) == {"inst", "kern"}


# --- export_tables -----------------------------------------------------------------------------------------

from evaluatie.report import Table, escape_text, export_table, export_tables, unescape_text  # noqa: E402

DANGEROUS = ['=HYPERLINK("http://example.org/x","klik")', "+31 Jeugdteam", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def _xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))


def _key_table():
    return pd.DataFrame({"leerlingen": [120, 95, 60, 80], "met hulp": [40, 3, 22, 30],
                         "aandeel met hulp": [40 / 120, 3 / 95, 22 / 60, 30 / 80],
                         "gemiddeld": [1.234, 2.0, 1.55, 1.75]},
                        index=pd.Index(["School A", "School B", "School C", "School D"], name="school"))


def test_export_tables_workbook_layout(tmp_path):
    import openpyxl

    cross = pd.DataFrame({"School A": [40, 3, 12, 8], "School B": [100, 17, 9, 6]},
                         index=pd.Index(["Accare", "Wijkteam", "Kentalis", "Karakter"], name="instantie"))
    paths = export_tables({"instanties": cross, "kern": _key_table()}, tmp_path, source="dossieronderzoek 2024",
                          notes={"kern": "Kerncijfers per school."})
    assert sorted(paths) == ["instanties.csv", "kern.csv", "tabellen.xlsx"]
    book = openpyxl.load_workbook(paths["tabellen.xlsx"])
    assert book.sheetnames == ["Toelichting", "instanties", "kern"]
    notes = " ".join(str(c.value) for c in book["Toelichting"]["A"] if c.value)
    assert "Bron: dossieronderzoek 2024" in notes and "kern: Kerncijfers per school." in notes
    assert "x = geheim" in notes and "lineaire programmering" in notes
    ws = book["kern"]
    assert [c.value for c in ws[1]] == ["school", "leerlingen", "met hulp", "aandeel met hulp (%)", "gemiddeld"]
    assert ws.freeze_panes == "B2" and ws.column_dimensions["A"].width >= len("School A")
    assert ws["B2"].value == 120 and ws["B2"].number_format == "#,##0"
    assert ws["D2"].value == pytest.approx(0.33) and ws["D2"].number_format == "0%"
    assert ws["E2"].value == pytest.approx(1.23) and ws["E2"].number_format == "#,##0.00"  # 3 significant digits
    assert ws["C3"].value == "x" and ws["D3"].value == "x" and ws["E3"].value == "x"  # 3 and what follows from it
    text = paths["kern.csv"].read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, so Excel reads the accents
    rows = list(csv.reader(paths["kern.csv"].read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["school", "leerlingen", "met hulp", "aandeel met hulp (%)", "gemiddeld"]
    assert rows[1] == ["School A", "120", "40", "33", "1,23"]


def test_export_tables_is_byte_identical(tmp_path):
    tables = {"kern": _key_table()}
    first = export_tables(tables, tmp_path / "a", source="bron")
    second = export_tables(tables, tmp_path / "b", source="bron")
    for name in first:
        assert first[name].read_bytes() == second[name].read_bytes()


def test_every_count_column_is_protected_float_and_nullable_too(tmp_path):
    table = pd.DataFrame({"n_float": [3.0, 1.0, 20.0, 30.0, 25.0], "n_int": pd.array([12, 2, pd.NA, 40, 33],
                                                                                      dtype="Int64")},
                         index=pd.Index(list("ABCDE"), name="school"))
    paths = export_tables({"t": table}, tmp_path, source="bron")
    text = paths["t.csv"].read_text(encoding="utf-8-sig")
    assert "3,0" not in text and "1,0" not in text and ";2;" not in text
    published = pd.read_csv(paths["t.csv"], sep=";", index_col=0, dtype=str)
    assert published.loc["A", "n_float"] == "x" and published.loc["B", "n_int"] == "x"
    assert pd.isna(published.loc["C", "n_int"])  # missing stays empty, not x


def test_injection_safe_xlsx_and_csv(tmp_path):
    import openpyxl

    table = pd.DataFrame({"=cmd|' /C calc'!A0": [40, 30, 20, 50, 60, 70]},
                         index=pd.Index(DANGEROUS, name="@instantie"))
    paths = export_tables({"t": table}, tmp_path, source="=1+1")
    assert "<f>" not in _xml(paths["tabellen.xlsx"])  # no formula element anywhere
    ws = openpyxl.load_workbook(paths["tabellen.xlsx"])["t"]
    assert [ws.cell(i, 1).value for i in range(2, 8)] == DANGEROUS
    assert ws.cell(1, 2).value == "=cmd|' /C calc'!A0" and ws.cell(1, 2).data_type == "s"
    with paths["t.csv"].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert all(r[0].startswith("'") for r in rows)  # header and every name start with ' in the CSV
    assert [unescape_text(r[0]) for r in rows[1:]] == DANGEROUS
    assert escape_text("Accare") == "Accare" and escape_text("-3") == "'-3"


def test_rounding_to_multiples_of_five(tmp_path):
    # CBS: counts published as multiples of 5 (see the module docstring): 12 -> 10, 13 -> 15, 17 -> 15,
    # 18 -> 20, 23 -> 25, 112 -> 110
    table = pd.DataFrame({"n": [12, 13, 17, 18, 23, 112]}, index=pd.Index(list("ABCDEF"), name="x"))
    paths = export_tables({"t": table}, tmp_path, source="bron", rounding=5)
    published = pd.read_csv(paths["t.csv"], sep=";", index_col=0)["n"].tolist()
    assert published == [10, 15, 15, 20, 25, 110]
    import openpyxl

    notes = " ".join(str(c.value) for c in openpyxl.load_workbook(paths["tabellen.xlsx"])["Toelichting"]["A"]
                     if c.value)
    assert "veelvouden van 5" in notes


def test_minimum_denominator_for_percentages(tmp_path):
    table = pd.DataFrame({"leerlingen": [120, 8, 60], "met hulp": [40, 6, 22],
                          "aandeel met hulp": [40 / 120, 6 / 8, 22 / 60]},
                         index=pd.Index(["A", "B", "C"], name="school"))
    spec = Table(table, derived={"aandeel met hulp": ("met hulp", "leerlingen")}, denominator="leerlingen")
    paths = export_tables({"t": spec}, tmp_path, source="bron", min_denominator=10, threshold=1)
    published = pd.read_csv(paths["t.csv"], sep=";", index_col=0, dtype=str)
    assert published["aandeel met hulp (%)"].tolist() == ["33", "x", "37"]
    assert published.loc["B", "leerlingen"] == "8"  # threshold 1: no suppression, only the rule
    with pytest.raises(InputError, match="noemer"):
        export_tables({"t": table}, tmp_path, source="bron", min_denominator=10)


def test_export_errors_are_dutch(tmp_path):
    table = _key_table()
    with pytest.raises(InputError, match="bronvermelding"):
        export_tables({"t": table}, tmp_path, source=" ")
    with pytest.raises(InputError, match="Ongeldige naam"):
        export_tables({"a/b": table}, tmp_path, source="bron")
    with pytest.raises(InputError, match="Ongeldige naam"):
        export_tables({"Toelichting": table}, tmp_path, source="bron")
    with pytest.raises(InputError, match="fractie"):
        export_tables({"t": table.assign(**{"aandeel met hulp": 33.0})}, tmp_path, source="bron")
    with pytest.raises(InputError, match="bestaat niet"):
        export_tables({"t": Table(table, counts=["onbekend"])}, tmp_path, source="bron")
    with pytest.raises(InputError, match="niet geëxporteerd"):
        export_tables({"t": table}, tmp_path, source="bron", notes={"u": "?"})
    with pytest.raises(InputError, match="rounding"):
        export_tables({"t": table}, tmp_path, source="bron", rounding=1)
    with pytest.raises(InputError, match="Export naar 't.csv, tabellen.xlsx' geweigerd: kolom 'opmerking'"):
        export_tables({"t": pd.DataFrame({"opmerking": ["mail ouder@example.nl"]})}, tmp_path, source="bron")
    with pytest.raises(InputError, match="tabellen.xlsx' geweigerd"):
        export_tables({"t": table}, tmp_path, source="bron", notes={"t": "vraag Jan, 06-12345678"})
    from evaluatie.report import write_csv

    with pytest.raises(InputError, match="Export naar 'los.csv' geweigerd"):
        write_csv(pd.DataFrame({"instantie": ["Accare (bsn 111222333)"]}), tmp_path / "los.csv")
    assert not (tmp_path / "los.csv").exists()


def test_export_table_is_the_same_machinery(tmp_path):
    tab = pd.DataFrame({"met": [40, 3, 12], "zonder": [100, 17, 9]}, index=["A", "B", "C"])
    paths = export_table(tab, "tabel", folder=tmp_path, source="bron")
    twin = export_tables({"tabel": tab}, tmp_path / "b", workbook="tabel.xlsx", source="bron")
    assert paths["csv"].read_bytes() == twin["tabel.csv"].read_bytes()
    assert paths["xlsx"].read_bytes() == twin["tabel.xlsx"].read_bytes()


# --- the tables the demo publishes -----------------------------------------------------------------------------

def _read_published(path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", index_col=0, dtype=str, encoding="utf-8-sig")


def test_nulmeting_tables_pass_the_joint_audit(root, tmp_path):
    """Notebook 01 (and `evaluatie demo`) export these two tables; audit them as one set."""
    import evaluatie as ev

    data, _ = ev.read_table(root / "data_raw" / "voorbeeld" / "dossieronderzoek_sbo.xlsx", kind="dossier")
    res = ev.nulmeting.analyze(data, mapping=root / "data_raw" / "voorbeeld" / "koppeltabel_instanties.csv",
                               n_boot=20)
    paths = res.export_tables(folder=tmp_path, source="synthetisch")
    assert sorted(paths) == ["01_instanties_per_school.csv", "01_kerncijfers.csv", "01_tabellen.xlsx"]
    key = _read_published(paths["01_kerncijfers.csv"])
    agencies = _read_published(paths["01_instanties_per_school.csv"])
    for column in ["leerlingen (dossiers gelezen)", "leerlingen met instantie", "instanties",
                   "koppelingen leerling-instantie", "leerlingen met 2 of meer instanties"]:
        assert key[column].str.fullmatch(r"\d+|x").all()  # counts are whole numbers or x, never "3,0"
    assert agencies.stack().str.fullmatch(r"\d+|x").all()
    # the intruder of issue #10: mean × pupils gives the links, i.e. the agency table's column totals
    mean = key["instanties per gelezen dossier (gem.)"].str.replace(",", ".")
    shown = mean != "x"
    links = pd.to_numeric(key["koppelingen leerling-instantie"], errors="coerce")
    assert links[~shown].isna().all()  # the mean is hidden with its count
    pupils = pd.to_numeric(key["leerlingen (dossiers gelezen)"], errors="coerce")
    np.testing.assert_allclose((mean[shown].astype(float) * pupils[shown]).round(), links[shown], atol=1)
    cells = agencies.apply(pd.to_numeric, errors="coerce")
    published = pd.concat([cells, links.rename(privacy.TOTAL).to_frame().T.set_axis(cells.columns, axis=1)])
    report = privacy.audit(published, margins="columns")  # everything published: cells and column totals
    assert len(report) > 20 and report["protected"].all()


def test_nulmeting_figures_draw_only_what_the_agency_table_publishes(root, tmp_path):
    """Adversary: the agency table hid 'Dyslexiecentrum' at SBO De Regenboog (x, secondary suppression)
    while the bar chart drew it with its name and height 5, and grey bars gave every small count
    exactly (4, 3, 3, …); the network drew small agencies and shared pupils to size."""
    import matplotlib.pyplot as plt

    import evaluatie as ev

    data, _ = ev.read_table(root / "data_raw" / "voorbeeld" / "dossieronderzoek_sbo.xlsx", kind="dossier")
    res = ev.nulmeting.analyze(data, mapping=root / "data_raw" / "voorbeeld" / "koppeltabel_instanties.csv",
                               n_boot=20)
    agencies = _read_published(res.export_tables(folder=tmp_path, source="synthetisch")["01_instanties_per_school.csv"])
    hidden_big = 0
    for school in res.schools:
        ax = res.plot("agencies", school)
        bars = {tick.get_text(): patch.get_height() for tick, patch in zip(ax.get_xticklabels(), ax.patches)}
        assert len(ax.patches) == len(bars)  # no bar without a name: a small count is never drawn
        published = agencies[school][agencies[school] != "x"].astype(int)
        assert bars == {a: v for a, v in published.items() if v >= res.min_cell}
        true = res.agencies[res.agencies[res.school] == school].set_index("agency")["n_pupils"]
        hidden_big += int(((agencies[school] == "x") & (true.reindex(agencies.index) >= res.min_cell)).sum())
        plt.close(ax.figure)
        ax = res.plot("network", school)
        named = {t.get_text() for t in ax.texts} & set(agencies.index)
        assert named <= set(published[published >= res.min_cell].index)
        nodes = ax.collections[-1].get_sizes()
        assert len(set(np.round(nodes, 6)) - {40 + 25 * v for v in published}) <= 1  # unnamed: one size
        plt.close(ax.figure)
    assert hidden_big >= 1  # the example has a count >= 5 hidden to protect a small one: it must stay hidden


def test_nulmeting_differences_of_published_counts_are_protected(tmp_path):
    """Adversary: 20 pupils, 18 with an agency, 15 with two or more. The per-pupil figure showed '<5'
    for 0 and 1 agencies, but the key-figure table (20, 18, 15) and the caption ("bij 18 van de 20
    leerlingen") gave both exactly: 2 without an agency, 3 with exactly one."""
    import matplotlib.pyplot as plt

    import evaluatie as ev
    from evaluatie.plots import figure_texts
    from evaluatie.report import _layout

    rows = []
    for i in range(20):
        agencies = [] if i < 2 else ["Wijkteam"] if i < 5 else ["Wijkteam", "Accare" if i % 2 else "JGZ GGD"]
        rows += [("SBO A", f"L{i}", a) for a in agencies or [None]]
    for i in range(40):
        rows += [("SBO B", f"M{i}", "Wijkteam" if i % 3 else None)] + ([("SBO B", f"M{i}", "Accare")] if i % 2 else [])
    res = ev.nulmeting.analyze(pd.DataFrame(rows, columns=["school", "pupil", "agency_raw"]).assign(
        agency=lambda d: d["agency_raw"]), min_cell=5)
    summary = res.summary("SBO A")
    assert "18 van de 20" not in summary and "alle op minder dan 5 na" in summary
    texts = figure_texts(res.plot("per_pupil", "SBO A").figure)
    plt.close("all")
    assert not {"2", "3"} & set(texts) and texts.count("x") >= 2
    paths = res.export_tables(folder=tmp_path, source="test")
    key = _read_published(paths["01_kerncijfers.csv"])
    assert "leerlingen zonder instantie" in key.columns and key.loc["SBO A", "leerlingen zonder instantie"] == "x"
    # all that is published, with the number of pupils (public in every footer), protects every hidden cell
    tables, _, links = res.table_specs()
    lay = {n: _layout(n, spec, "nl") for n, spec in tables.items()}
    margins = {n: "both" if lay[n].cross else "columns" for n in lay}
    shown = privacy.suppress({n: lay[n].counts for n in lay}, 5, margins=margins, links=links, totals=True)
    pupils = lay["01_kerncijfers"].counts["leerlingen (dossiers gelezen)"]
    shown["01_kerncijfers"].loc[pupils.index, "leerlingen (dossiers gelezen)"] = pupils.to_numpy()
    report = privacy.audit(shown, margins=margins, links=links)
    assert len(report) and report["protected"].all()


def test_overwrite_needs_overschrijf(tmp_path, capsys):
    from evaluatie.cli import main

    assert main(["voorbeelddata", "--map", str(tmp_path)]) == 0
    target = tmp_path / "voorbeeld" / "dossieronderzoek_sbo.xlsx"
    target.write_bytes(b"mijn eigen dossier")
    assert main(["voorbeelddata", "--map", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bestaat al" in err and "--overschrijf" in err and "dossieronderzoek_sbo.xlsx" in err
    assert target.read_bytes() == b"mijn eigen dossier"
    assert main(["voorbeelddata", "--map", str(tmp_path), "--overschrijf"]) == 0
    assert target.read_bytes() != b"mijn eigen dossier"


def test_mapping_round_trip_keeps_dangerous_names(tmp_path):
    from evaluatie.agencies import _read_mapping, normalize, review_sheet
    from evaluatie.report import write_csv

    names = [n.strip() for n in DANGEROUS] + ["Accare", "Accare Zwolle"]
    review = review_sheet(names, tmp_path / "controle.xlsx")
    assert "<f>" not in _xml(review)
    assert pd.read_excel(review)["schrijfwijze_in_dossier"].tolist().count(names[0]) == 1
    result = normalize(names, mapping=review)
    assert result["method"].eq("mapping").all() and result["raw"].tolist() == names
    mapping = pd.DataFrame({"schrijfwijze_in_dossier": names, "instantie": names})
    path = write_csv(mapping, tmp_path / "koppeltabel.csv")
    text = path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and not any(line.startswith(("=", "+", "-", "@")) for line in text.splitlines())
    assert _read_mapping(path)["agency"].tolist() == names
