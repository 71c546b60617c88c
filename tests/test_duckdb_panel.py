"""DuckDB path of panel_from_file: the same panel and the same dropped rows as read_table + to_panel."""
import numpy as np
import pandas as pd
import pytest

from evaluatie import InputError
from evaluatie.zorgvraag import panel_from_file

ENROL = pd.DataFrame({"unit": ["IKC De Linde", "SBO De Regenboog", "OBS Het Anker"],
                      "exposure": [410.0, 180.0, 260.0]})
ENROL_PERIODS = pd.DataFrame({"unit": np.repeat(ENROL["unit"], 6),
                              "period": list(pd.date_range("2024-01-01", periods=6, freq="MS")) * 3,
                              "exposure": np.repeat(ENROL["exposure"].to_numpy(), 6)})
STARTS = {"IKC De Linde": "2024-03-10"}

MESSY = {
    # title row, ';', Dutch dates, blank rows and an empty line, a total row, duplicates that differ only in
    # white space, an impossible date, missing pupil and care level, an unknown care level and school,
    # a date outside the enrolment, a BSN in the provider column and an extra column
    "titel.csv": ("Export verwijzingen regio\n"
                  "Leerling;School;Datum;Zorgniveau;Aanbieder;Opmerking\n"
                  "L001;IKC De Linde;3-1-2024;tweedelijns;Accare;\n"
                  "L002;IKC De Linde;15-01-2024;eerstelijns;Wijkteam;nieuw\n"
                  "L002 ;IKC  De Linde;15-01-2024;eerstelijns;Wijkteam;nieuw\n"
                  ";;;;;\n"
                  "\n"
                  "L003;SBO De Regenboog;31-02-2024;tweedelijns;Accare;\n"
                  ";SBO De Regenboog;4-2-2024;tweedelijns;Accare;\n"
                  "L004;SBO De Regenboog;5-2-2024;derdelijns;Accare;\n"
                  "L005;OBS Het Anker;6-2-2024;;Accare;\n"
                  "L006;Onbekende School;7-2-2024;tweedelijns;Accare;\n"
                  "L007;OBS Het Anker;8-9-2023;tweedelijns;Accare;\n"
                  "L008;OBS Het Anker;9-3-2024;2e lijn;bsn 111222333;\n"
                  "L009;IKC De Linde;1 april 2024;tweedelijns;Accare;n.v.t.\n"
                  "111222333;IKC De Linde;12-6-2024;tweedelijns;Accare;mail ouder@example.nl\n"
                  "Totaal;;;;;\n"),
    # ',' with quoted cells, ISO dates, English headers, a personal-data column that is not loaded
    "komma.csv": ("pupil,Naam leerling,unit,date,care_level,provider\n"
                  'P1,Jan Jansen,"IKC De Linde",2024-01-05,second,"Accare, Groningen"\n'
                  'P2,Piet Pieters,"OBS Het Anker",2024-02-29,first,Wijkteam\n'
                  'P2,Piet Pieters,"OBS Het Anker",2024-02-29,first,Wijkteam\n'
                  'P3,Kees,"OBS Het Anker",2024-13-01,first,Wijkteam\n'
                  'P4,Els,"SBO De Regenboog",2024-05-31,tweede lijn,\n'
                  'P5,Ans,"SBO De Regenboog",2024-06-30,second,Accare\n'),
    # month-first dates (proven by 09/13/2024) and CRLF line ends
    "mdy.csv": ("Leerling\tSchool\tVerwijsdatum\tLijn\r\n"
                "A1\tIKC De Linde\t01/13/2024\t2\r\n"
                "A2\tIKC De Linde\t02/03/2024\t1\r\n"
                "A3\tOBS Het Anker\t03/05/2024\t2\r\n"
                "\r\n"
                "A4\tOBS Het Anker\t04/30/2024\t2\r\n"
                "A5\tSBO De Regenboog\t05/07/2024\t1\r\n"),
}


@pytest.mark.parametrize("name", sorted(MESSY))
@pytest.mark.parametrize("freq, enrolment, start", [("M", ENROL_PERIODS, STARTS), ("Q", ENROL, None)])
def test_duckdb_and_pandas_give_the_same_panel_and_report(tmp_path, name, freq, enrolment, start):
    path = tmp_path / name
    path.write_bytes(MESSY[name].encode("utf-8"))
    pandas_panel = panel_from_file(path, enrolment, freq=freq, start=start, engine="pandas")
    duck_panel = panel_from_file(path, enrolment, freq=freq, start=start, engine="duckdb")
    pd.testing.assert_frame_equal(duck_panel, pandas_panel)
    a, b = pandas_panel.attrs["report"], duck_panel.attrs["report"]
    assert (b.n_read, b.n_used, b.n_dropped) == (a.n_read, a.n_used, a.n_dropped)
    pd.testing.assert_frame_equal(b.to_counts(), a.to_counts())
    pd.testing.assert_frame_equal(b.to_frame(), a.to_frame())  # the same rows, reasons and warnings
    assert duck_panel.attrs["engine"] == "duckdb" and pandas_panel.attrs["engine"] == "pandas"
    assert b.notes[0].startswith("Gelezen met DuckDB") and a.notes[0].startswith("Gelezen met pandas")


def test_the_messy_file_drops_what_it_should(tmp_path):
    path = tmp_path / "titel.csv"
    path.write_text(MESSY["titel.csv"], encoding="utf-8")
    panel = panel_from_file(path, ENROL_PERIODS, freq="M", start=STARTS, engine="duckdb")
    report = panel.attrs["report"]
    assert report.n_read == 15 and report.n_used == 5
    reasons = dict(zip(report.to_frame()["row"], report.to_frame()["reason"]))
    assert reasons[5] == "exacte dubbele rij (gelijk aan rij 4)"  # whitespace differences only
    assert reasons[7] == reasons[6] == "lege rij" and reasons[17] == "totaalrij (wordt zelf berekend)"
    assert report.to_frame().set_index("row").loc[14, "value"] == "…33"  # the BSN is never shown
    warn = report.to_frame()[lambda f: f["action"] == "waarschuwing"]
    assert {14, 16} <= set(warn["row"]) and not warn["value"].str.contains("111222333|ouder@").any()
    assert "Leerling" in report.masked_columns and "111222333" not in report.summary()
    second = panel[panel["care_level"] == "second"]
    assert second["count"].sum() == 4 and panel["count"].sum() == 5
    assert second.loc[second["unit"] == "IKC De Linde", "treated"].tolist() == [0, 0, 1, 1, 1, 1]


def test_capped_listing_counts_every_row(tmp_path):
    lines = ["Leerling;School;Datum;Zorgniveau"]
    lines += [f"L{i};IKC De Linde;3-1-2024;tweedelijns" for i in range(30)]
    lines += [f"X{i};Onbekend {i % 3};3-1-2024;tweedelijns" for i in range(25)]
    lines += [f"Y{i};IKC De Linde;99-1-2024;tweedelijns" for i in range(12)]
    path = tmp_path / "veel.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    panel = panel_from_file(path, ENROL, engine="duckdb", max_listed=5)
    report = panel.attrs["report"]
    assert (report.n_read, report.n_used, report.n_dropped) == (67, 30, 37)
    assert len(report.entries) == 10
    assert sorted(u["n"] for u in report.unlisted) == [7, 20]
    counts = report.to_counts().set_index("outcome")["n"]
    assert counts["school niet in de leerlingaantallen"] == 25 and counts["gebruikt"] == 30
    assert "nog 20 rij(en) niet afzonderlijk genoemd" in report.summary()


def test_parquet_and_auto_engine(tmp_path):
    frame = pd.DataFrame({"Leerling": ["L1", "L2", "L3"], "School": ["IKC De Linde"] * 3,
                          "Datum": pd.to_datetime(["2024-01-03", "2024-02-03", "2024-02-03"]).date,
                          "Zorgniveau": ["tweedelijns", "eerstelijns", "tweedelijns"]})
    pq = tmp_path / "verwijzingen.parquet"
    frame.to_parquet(pq) if _has_parquet_writer() else _duck_parquet(frame, pq)
    panel = panel_from_file(pq, ENROL, engine="auto")
    assert panel.attrs["engine"] == "duckdb" and "Parquet" in panel.attrs["report"].notes[0]
    assert panel["count"].sum() == 3 and panel.attrs["report"].n_used == 3
    csv = tmp_path / "klein.csv"
    frame.to_csv(csv, sep=";", index=False)
    small = panel_from_file(csv, ENROL, engine="auto")
    assert small.attrs["engine"] == "pandas" and "kleiner dan 50 MB" in small.attrs["report"].notes[0]


def _has_parquet_writer():
    try:
        import pyarrow  # noqa: F401
        return True
    except ImportError:
        return False


def _duck_parquet(frame, path):
    import duckdb

    con = duckdb.connect()
    con.register("f", frame)
    con.execute(f"COPY f TO '{path}' (FORMAT parquet)")
    con.close()


def test_refusals_are_dutch(tmp_path):
    with pytest.raises(InputError, match="engine"):
        panel_from_file(tmp_path / "x.csv", ENROL, engine="spark")
    with pytest.raises(InputError, match="niet gevonden|bestaat niet"):
        panel_from_file(tmp_path / "x.csv", ENROL)
    cp = tmp_path / "ansi.csv"
    cp.write_bytes("Leerling;School;Datum;Zorgniveau\nL1;Café;3-1-2024;2\n".encode("cp1252"))
    with pytest.raises(InputError, match="geen UTF-8"):
        panel_from_file(cp, ENROL, engine="duckdb")
    xl = tmp_path / "v.xlsx"
    xl.write_bytes(b"PK")
    with pytest.raises(InputError, match="DuckDB leest alleen"):
        panel_from_file(xl, ENROL, engine="duckdb")
    bad = tmp_path / "onbruikbaar.csv"
    bad.write_text("Leerling;School;Datum;Zorgniveau\nL1;IKC De Linde;99-99-2024;2\n", encoding="utf-8")
    with pytest.raises(InputError, match="geen enkele rij is bruikbaar"):
        panel_from_file(bad, ENROL, engine="duckdb")


def test_smoke_run_of_the_scale_benchmark(tmp_path):
    """20,000 generated referrals (benchmarks/to_panel_scale.py) with the file's known mess: every dropped row found."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import to_panel_scale

    path = to_panel_scale.make_referrals(tmp_path / "verwijzingen.csv", 20_000)
    duck = panel_from_file(path, to_panel_scale.enrolment(), freq="Q", engine="duckdb")
    counts = duck.attrs["report"].to_counts().set_index("outcome")["n"]
    # the generator: every 1000th row repeats the row before it, every 2000th an unknown school / 31-02-2024
    assert counts.to_dict() == {"gebruikt": 19_960, "exacte dubbele rij": 20, "school niet in de leerlingaantallen": 10,
                                "datum niet te lezen": 10}
    assert duck["count"].sum() == 19_960 and len(duck) == 2000 * 21 * 2  # schools × quarters 2019Q3–2024Q3 × levels


def test_import_evaluatie_loads_no_heavy_libraries():
    import subprocess
    import sys

    code = ("import sys, evaluatie, evaluatie.zorgvraag, evaluatie.cbs\n"
            "print(sorted(m for m in ('duckdb', 'matplotlib', 'statsmodels', 'scipy', 'cbsodata') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_cell_over_several_lines_is_read_and_noted(tmp_path):
    path = tmp_path / "meerdere_regels.csv"
    path.write_text('Leerling;School;Datum;Zorgniveau;Aanbieder\nL1;IKC De Linde;3-1-2024;2;"Accare\nGroningen"\n'
                    "L2;IKC De Linde;4-1-2024;2;Accare\n", encoding="utf-8")
    duck = panel_from_file(path, ENROL, engine="duckdb")
    pd.testing.assert_frame_equal(duck, panel_from_file(path, ENROL, engine="pandas"))
    assert any("meerdere regels" in n for n in duck.attrs["report"].notes)


# ------------------------------------------------------------------ hostile input: the one-scan path agrees with pandas
def _same_as_pandas(path, enrolment=ENROL_PERIODS, freq="M", start=STARTS, **kwargs):
    pandas_panel = panel_from_file(path, enrolment, freq=freq, start=start, engine="pandas")
    duck_panel = panel_from_file(path, enrolment, freq=freq, start=start, engine="duckdb", **kwargs)
    pd.testing.assert_frame_equal(duck_panel, pandas_panel)
    a, b = pandas_panel.attrs["report"], duck_panel.attrs["report"]
    assert (b.n_read, b.n_used, b.n_dropped) == (a.n_read, a.n_used, a.n_dropped)
    pd.testing.assert_frame_equal(b.to_counts(), a.to_counts())
    pd.testing.assert_frame_equal(b.to_frame(), a.to_frame())
    ours = sorted(n for n in b.notes if "DuckDB" not in n)
    theirs = sorted(n for n in a.notes if "pandas" not in n and "gepseudonimiseerd" not in n and "sleutel" not in n)
    assert ours == theirs, (ours, theirs)  # the same notes (date order, encoding, columns), engine notes aside
    return duck_panel


HOSTILE = (
    "Leerling;School;Datum;Zorgniveau;Aanbieder\n"
    # bad dates: impossible, month 13, text, a formula, only spaces, a lone dash
    "B1;IKC De Linde;31-02-2024;2;Accare\n"
    "B2;IKC De Linde;13-13-2024;2;Accare\n"
    "B3;IKC De Linde;morgen;2;Accare\n"
    "B4;IKC De Linde;=TODAY();2;Accare\n"
    "B5;IKC De Linde;   ;2;Accare\n"
    "B6;IKC De Linde;-;2;Accare\n"
    # empty rows: only separators, only white space, empty lines (also two in a row and CRLF)
    ";;;;\n"
    " ; ;\t; ; \n"
    "\n"
    "\n"
    "\r\n"
    # formula-looking and personal cells
    "=HYPERLINK(\"x\");OBS Het Anker;4-1-2024;2;=SUM(A1:A3)\n"
    "+31612345678;OBS Het Anker;5-1-2024;2;@Accare\n"
    "C3;OBS Het Anker;6-1-2024;1;'+31 6 12345678\n"
    "C4;OBS Het Anker;7-1-2024;1;info@accare.nl\n"
    # duplicate schools: case, white space, a typo, a school of one pupil; exact duplicates in disguise
    "D1;ikc de linde;8-1-2024;2;Accare\n"
    "D2; IKC  De Linde ;9-1-2024;2;Accare\n"
    "D2;IKC De Linde;9-1-2024;2;Accare\n"
    "D2;IKC De Linde;9-1-2024;2;Accare \n"
    "D3;IKC De Lnde;10-1-2024;2;Accare\n"
    "D4;SBO De Regenboog;11-1-2024;2;Accare\n"
    "D5;SBO De Regenboog;12-1-2024;1;Accare\n"
    "D6;SBO De Regenboog;13-1-2024;1;Accare\n"
    "D7;Jan Jansen;14-1-2024;2;Accare\n"
    "Totaal;;;;\n"
    "TOTAAL:;IKC De Linde;15-1-2024;2;Accare\n"
    "som;IKC De Linde;16-1-2024;2;Accare\n"
)


@pytest.mark.parametrize("freq, enrolment, start", [("M", ENROL_PERIODS, STARTS), ("Q", ENROL, None)])
def test_hostile_file_gives_the_same_panel_and_report(tmp_path, freq, enrolment, start):
    path = tmp_path / "vijandig.csv"
    path.write_bytes(HOSTILE.encode("utf-8"))
    duck = _same_as_pandas(path, enrolment, freq, start)
    rep = duck.attrs["report"].to_frame()
    starts = rep["reason"].str.startswith
    assert starts("datum niet te lezen").sum() == 4  # 31-02, 13-13, 'morgen', '=TODAY()'
    assert rep.loc[starts("verplichte waarde ontbreekt"), "row"].tolist() == [6, 7]  # ' ' and '-' mean missing
    assert (rep["reason"] == "lege rij").sum() == 5  # two rows of separators/white space, three empty lines
    assert rep.loc[starts("exacte dubbele rij"), "row"].tolist() == [19, 20]  # D2 three times, white space only
    assert rep.loc[starts("totaalrij"), "row"].tolist() == [26, 27, 28]  # 'Totaal', 'TOTAAL:', 'som'
    assert not rep["value"].str.contains("612345678|info@", regex=True).any()  # personal data never shown


@pytest.mark.parametrize("blocks, share", [pytest.param(1, 1.0, marks=pytest.mark.slow), (1, 0.0)])
def test_values_the_sample_missed_arrive_as_text_or_force_a_full_pass(tmp_path, monkeypatch, blocks, share):
    """A sample of one small block misses most schools and dates: they come through the stream as text
    (``share=1``) or, when too many rows miss, the scan restarts after one pass for every distinct value."""
    import evaluatie._panel_duckdb as duck

    rng = np.random.default_rng(7)
    schools = list(ENROL["unit"]) + ["Onbekend " + str(i) for i in range(40)]
    lines = ["Leerling;School;Datum;Zorgniveau;Aanbieder"]
    for i in range(6000):
        day = rng.integers(1, 28)
        lines.append(f"L{rng.integers(0, 900)};{schools[rng.integers(0, len(schools))]};{day}-{rng.integers(1, 7)}-2024;"
                     f"{rng.choice(['eerstelijns', 'tweedelijns', '2e lijn', 'derdelijns'])};A{rng.integers(0, 30)}")
    lines[4000] = lines[3999]  # an exact duplicate far from the sampled block
    path = tmp_path / "groot.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(duck, "_SAMPLE_BLOCKS", blocks)
    monkeypatch.setattr(duck, "_SAMPLE_BLOCK", 300)
    monkeypatch.setattr(duck, "_RESTART_SHARE", share)
    monkeypatch.setattr(duck, "_CHUNK_VECTORS", 1)  # chunks of 2,048 rows: values found in later chunks too
    calls = {"prescan": 0, "added": 0}
    prescan, add = duck._prescan, duck._Values.add

    def counted_prescan(*args):
        calls["prescan"] += 1
        return prescan(*args)

    def counted_add(self, value):
        calls["added"] += 1
        return add(self, value)

    monkeypatch.setattr(duck, "_prescan", counted_prescan)
    monkeypatch.setattr(duck._Values, "add", counted_add)
    _same_as_pandas(path, ENROL_PERIODS, "M", STARTS, max_listed=100_000)
    assert calls["prescan"] == (1 if share == 0.0 else 0)  # restarted after one pass for all values
    if share == 1.0:
        assert calls["added"] > 100  # the missed values came through the stream as text


def test_empty_lines_agree_with_a_line_split(tmp_path):
    """Empty lines (LF and CRLF, in runs, across block boundaries) found by the byte scan equal a plain split."""
    from evaluatie._panel_duckdb import _count_lines, _empty_lines

    rng = np.random.default_rng(3)
    path = tmp_path / "regels.csv"
    for _ in range(400):
        data = b"".join(rng.choice([b"a", b"bc", b"\n", b"\r\n", b"\n\n", b"x\r", b"\r"], size=rng.integers(0, 30)))
        path.write_bytes(data)
        lines = data.split(b"\n")[:data.count(b"\n")]  # lines that end with a newline
        expected = [i + 1 for i, line in enumerate(lines) if line in (b"", b"\r") and i + 1 > 1]
        n_lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
        for block in (1 << 20, 1, 2, 3):
            found, n = _empty_lines(path, 1, block)
            assert found.tolist() == expected and n == n_lines
            assert _count_lines(path, block) == n_lines


def test_pupil_codes_through_the_one_regular_expression(tmp_path):
    """Pupil codes the scan's single test flags (white space of any kind, possible personal data, total
    labels, missing markers written with spaces) and codes it does not: read exactly as the pandas path
    reads them, so duplicates in disguise, missing codes and personal-data warnings agree."""
    rows = ["Leerling;School;Datum;Zorgniveau;Aanbieder",
            "L001;IKC De Linde;3-1-2024;2;Accare",
            "L001\u00a0;IKC De Linde;3-1-2024;2;Accare",  # no-break space: the same code, a duplicate
            "L\t002;IKC De Linde;4-1-2024;2;Accare",
            "L 002;IKC De Linde;4-1-2024;2;Accare",  # tab and space collapse alike: a duplicate
            " n.v.t. ;IKC De Linde;5-1-2024;2;Accare",  # missing once cleaned
            "nvt;IKC De Linde;6-1-2024;2;Accare",
            "0031 6 12345678;OBS Het Anker;7-1-2024;1;Accare",  # a telephone number with spaces
            "L0031389;OBS Het Anker;8-1-2024;1;Accare",  # flagged by the prefilter ('0031'), not personal
            "ps_1a2b;OBS Het Anker;9-1-2024;1;Accare",
            "som ;OBS Het Anker;10-1-2024;1;Accare",  # a total label behind a space
            "L003;SBO De Regenboog;11-1-2024;1;Accare",
            "L004;SBO De Regenboog;12-1-2024;2;Accare"]
    path = tmp_path / "codes.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    duck = _same_as_pandas(path)
    rep = duck.attrs["report"].to_frame()
    assert rep.loc[rep["reason"].str.startswith("exacte dubbele rij"), "row"].tolist() == [3, 5]
    assert rep.loc[rep["reason"].str.startswith("verplichte waarde ontbreekt"), "row"].tolist() == [6, 7]
    assert not rep["value"].str.contains("12345678").any()


#: Rows with several reasons at once: the first reason is the one read_table + to_panel give (blank, total,
#: unreadable or missing in column order, unknown care level, unknown school, outside the enrolment periods;
#: an exact duplicate of any row that is not blank or a total), whichever column holds it.
SEVERAL_REASONS = (
    "Leerling;School;Datum;Zorgniveau;Aanbieder\n"
    "K1;IKC De Linde;3-1-2024;2;Accare\n"
    "Totaal;IKC De Linde;31-02-2024;9;Accare\n"  # total label and an impossible date and level: total
    "K2;Totaal;31-02-2024;2;Accare\n"  # total in the school column, impossible date: total
    ";Onbekend;31-02-2024;9;Accare\n"  # missing pupil, unknown school, bad date, level: first in column order
    ";IKC De Linde;4-1-2024;;Accare\n"  # missing pupil and care level
    ";;;;Accare\n"  # only a provider: not blank, a missing pupil code
    ";;;;\n"  # blank
    "K3;Onbekend;5-1-2024;9;Accare\n"  # unknown level and unknown school: the level
    "K4;Onbekend;5-1-2023;2;Accare\n"  # unknown school, outside the enrolment periods: the school
    "K5;IKC De Linde;5-1-2023;2;Accare\n"  # outside the enrolment periods only
    "K6;IKC De Linde;13-13-2024;9;Accare\n"  # bad date and unknown level: the date
    "K6;IKC De Linde;13-13-2024;9;Accare\n"  # the same row again: an exact duplicate
    "K7;Onbekend;6-1-2024;2;Accare\n"
    "K7;Onbekend;6-1-2024;2;Accare \n"  # a duplicate of a row of an unknown school
    "K8;SBO De Regenboog;7-1-2024;2;Accare\n"
)


@pytest.mark.parametrize("freq, enrolment, start", [("M", ENROL_PERIODS, STARTS), ("Q", ENROL, None)])
def test_rows_with_several_reasons_get_the_first_as_pandas_does(tmp_path, freq, enrolment, start):
    path = tmp_path / "meerdere_redenen.csv"
    path.write_text(SEVERAL_REASONS, encoding="utf-8")
    duck = _same_as_pandas(path, enrolment, freq, start)
    rep = duck.attrs["report"].to_frame()
    reason = dict(zip(rep["row"], rep["reason"]))
    assert reason[3].startswith("totaalrij") and reason[4].startswith("totaalrij")
    assert reason[8] == "lege rij" and reason[7].startswith("verplichte waarde ontbreekt")
    assert reason[13].startswith("exacte dubbele rij") and reason[15].startswith("exacte dubbele rij")
    assert reason[9].startswith("onbekende waarde") and reason[10] == "school niet in de leerlingaantallen"


@pytest.mark.slow
def test_scale_benchmark_ratios_stay_within_the_documented_bounds():
    """benchmarks/to_panel_scale.py at 2 M rows (one repetition): the DuckDB path against the raw DuckDB query with
    the same threads. Bounds from the measurements in its docstring (2 M rows: CPU 2.3-2.5x, memory 0.7-0.9x the raw
    query's), with room for a loaded machine; the issue's target (1.5x) is not met and the test says so."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import to_panel_scale

    r = to_panel_scale.run(rows=2_000_000, pandas_rows=None, repeat=1)
    # the generator (make_referrals: deterministic, DuckDB hash() of the row number): 2,000 duplicated rows (and
    # one more where two hashes coincide), 1,000 unknown schools, 1,000 impossible dates
    assert r["raw"]["rows_used"] == 2_000_000 and r["duckdb"]["rows_used"] == 1_995_999
    assert r["cpu_ratio_raw"] < 3.0, r
    assert r["memory_ratio_raw"] < 1.1, r
