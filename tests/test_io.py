"""Parsers and read_table: known values, property-based robustness (hypothesis), invariants."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie import InputError, read_table
from evaluatie.io import parse_bool, parse_date, parse_number, parse_period
from evaluatie.text import format_number


@pytest.mark.parametrize("text, decimal, expected", [
    ("1.234,5", ",", 1234.5), ("1234,5", ",", 1234.5), ("-3,25", ",", -3.25), ("12", ",", 12.0),
    ("1.000.000", ",", 1e6), (" 7 ", ",", 7.0), ("1,234.5", ".", 1234.5), ("0.5", ".", 0.5),
    (",5", ",", 0.5), (3, ",", 3.0), (2.5, ",", 2.5),
])
def test_parse_number(text, decimal, expected):
    assert parse_number(text, decimal) == expected


@pytest.mark.parametrize("text", ["twee", "1.23.4", "1,2,3", "12a", "--1"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("value, expected", [
    ("3-9-2024", "2024-09-03"), ("03-09-2024", "2024-09-03"), ("3/9/24", "2024-09-03"),
    ("3.9.2024", "2024-09-03"), ("2024-09-03", "2024-09-03"), ("3 september 2024", "2024-09-03"),
    ("3 sep. 2024", "2024-09-03"), ("dinsdag 3 september 2024", "2024-09-03"), ("3-sep-2024", "2024-09-03"),
    (45538, "2024-09-03"), ("45538", "2024-09-03"), (dt.datetime(2024, 9, 3, 14, 0), "2024-09-03"),
    ("2024-09-03 10:15:00", "2024-09-03"), ("1 mrt 2023", "2023-03-01"),
])
def test_parse_date(value, expected):
    assert parse_date(value) == pd.Timestamp(expected)


@pytest.mark.parametrize("value", ["31-2-2024", "morgen", "2024-13-01", "12", 5.5, 10])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize("value, expected, freq", [
    ("2024-09", "2024-09-01", "M"), ("sep 2024", "2024-09-01", "M"), ("9-2024", "2024-09-01", "M"),
    ("september 2024", "2024-09-01", "M"), ("2024K3", "2024-07-01", "Q"), ("Q1 2023", "2023-01-01", "Q"),
    ("2024/2025", "2024-08-01", "SY"), ("2024-25", "2024-08-01", "SY"), ("schooljaar 2023-2024", "2023-08-01", "SY"),
    (2024, "2024-01-01", "Y"), ("15-9-2024", "2024-09-15", "D"),
])
def test_parse_period(value, expected, freq):
    assert parse_period(value) == (pd.Timestamp(expected), freq)


def test_parse_period_numbers_and_errors():
    assert parse_period(7) == (7, "int")
    assert parse_period("12") == (12, "int")
    with pytest.raises(ValueError):
        parse_period(None)
    with pytest.raises(ValueError):
        parse_period("ooit")


def test_parse_bool():
    assert [parse_bool(v) for v in ["ja", "Nee", "1", 0, "x", "yes"]] == [1, 0, 1, 0, 1, 1]
    assert np.isnan(parse_bool(""))
    with pytest.raises(ValueError):
        parse_bool("misschien")


cells = st.one_of(st.text(max_size=12), st.integers(-10**6, 10**6).map(str),
                  st.floats(allow_nan=False, allow_infinity=False).map(str),
                  st.sampled_from(["", "Totaal", "3-9-2024", "2024-09", "ja", "1.234,5", "n.v.t.", ";", '"']))


@given(st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parsers_raise_only_value_error(value):
    for parser in (parse_number, parse_date, parse_period, parse_bool):
        try:
            parser(value)
        except ValueError:
            pass


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_format_then_parse_round_trips(x, decimals):
    assert parse_number(format_number(x, decimals)) == pytest.approx(round(x, decimals), abs=10**-decimals)
    assert parse_number(format_number(x, decimals, lang="en"), decimal=".") == pytest.approx(
        round(x, decimals), abs=10**-decimals)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(cells, min_size=4, max_size=4), max_size=8), st.sampled_from([";", ",", "\t"]))
def test_read_table_on_arbitrary_cells(tmp_path, rows, delimiter):
    """Any cell contents give a frame + consistent report, or an InputError; nothing else."""
    import csv

    path = tmp_path / "willekeurig.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(["School", "Maand", "Aantal", "Leerlingen"])
        writer.writerows(rows)
    try:
        data, report = read_table(path, kind="panel")
    except InputError as err:
        assert "willekeurig.csv" in str(err)
        return
    assert report.n_read == report.n_used + report.n_dropped
    assert len(data) == report.n_used
    assert (data["count"] >= 0).all() and (data["exposure"].dropna() > 0).all()


def test_read_table_rejects_unknown_kind_and_lang(tmp_path):
    with pytest.raises(InputError, match="Kies uit: dossier, panel"):
        read_table(tmp_path / "x.csv", kind="paneel")
    with pytest.raises(InputError, match="lang"):
        read_table(tmp_path / "x.csv", kind="panel", lang="fr")
    with pytest.raises(InputError, match="bestaat niet"):
        read_table(tmp_path / "x.csv", kind="panel")


def test_read_table_english_and_sheet_by_number(tmp_path, root):
    path = root / "data_raw" / "voorbeeld" / "zorgvraag_rommelig.csv"
    _, report = read_table(path, kind="panel", lang="en")
    assert "rows read" in report.summary() and "dropped" in report.to_frame()["action"].tolist()
    data, report = read_table(root / "data_raw" / "voorbeeld" / "vragenlijst.xlsx", kind="survey", sheet=0)
    assert report.n_used == len(data) > 0


def test_read_table_does_not_pseudonymize_when_asked(root):
    data, _ = read_table(root / "tests" / "corpus" / "nederlandse_kolomnamen.csv", kind="dossier",
                         pseudonymize=False)
    assert data["pupil"].tolist() == ["123", "124"]
    data2, _ = read_table(root / "tests" / "corpus" / "nederlandse_kolomnamen.csv", kind="dossier",
                          key="een-andere-sleutel-123456")
    data3, _ = read_table(root / "tests" / "corpus" / "nederlandse_kolomnamen.csv", kind="dossier",
                          key="een-andere-sleutel-123456")
    assert data2["pupil"].tolist() == data3["pupil"].tolist() != data["pupil"].tolist()


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), 10**400, -(10**30)])
def test_parsers_reject_extreme_numbers_with_value_error(value):
    """Found by hypothesis: inf and huge integers raised OverflowError/TypeError instead of ValueError."""
    for parser in (parse_number, parse_date, parse_period, parse_bool):
        with pytest.raises(ValueError):
            parser(value)


def test_vectorized_fast_paths_agree_with_the_cell_parsers():
    """read_table parses >1,000 distinct numbers/dates vectorized; every value must match parse_number/parse_date."""
    from evaluatie.io import _parse_dates, _parse_numbers

    rng = np.random.default_rng(7)
    x = rng.normal(0, 1e5, 1500)
    numbers = [format_number(v, int(d)) for v, d in zip(x, rng.integers(0, 3, 1500))]
    numbers += ["1.23.4", "12a", " 7 ", "-3,25", "1 234", "+5", "", "n.v.t.", "1,234.5"]
    for decimal, values in ((",", numbers), (".", [format_number(v, 2, lang="en") for v in x] + ["1.234,5", "2.5"])):
        uniques = np.array(list(dict.fromkeys(values)), dtype=object)
        parsed, bad = _parse_numbers(uniques, decimal)
        for value, p, b in zip(uniques, parsed, bad):
            try:
                expected = parse_number(value, decimal)
            except ValueError:
                assert b, value
                continue
            assert not b and (p == expected or (np.isnan(p) and np.isnan(expected))), (value, p, expected)
    days = pd.date_range("1995-01-01", periods=1500, freq="D")
    dates = [d.strftime("%Y-%m-%d") for d in days] + ["2024-13-01", "2024-9-3", "3-9-2024", "1850-01-01", "morgen"]
    uniques = np.array(dates, dtype=object)
    parsed, bad = _parse_dates(uniques, "dmy")
    for value, p, b in zip(uniques, parsed, bad):
        try:
            expected = parse_date(value)
        except ValueError:
            assert b, value
            continue
        assert not b and pd.Timestamp(p) == expected, (value, p, expected)


def test_na_as_the_dutch_word_after_is_not_lost(tmp_path):
    """'NA' is R's missing code, but in a group column next to 'voor' and 'na' it is the word 'na' (after):
    kept, and the spellings that differ only in case are reported instead of silently forming extra groups."""
    rows = ["Casus;Aanmelddatum;Datum plaatsing;Groep", "C1;1-9-2023;1-10-2023;voor", "C2;1-9-2023;1-11-2023;Voor",
            "C3;1-3-2024;1-4-2024;na", "C4;1-3-2024;1-5-2024;NA", "C5;1-3-2024;;na", "C6;1-9-2023;1-12-2023;voor"]
    path = tmp_path / "trajecten.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    data, report = read_table(path, kind="trajectories")
    assert data["group"].tolist() == ["voor", "Voor", "na", "NA", "na", "voor"]
    warned = report.to_frame()
    assert set(warned.loc[warned["reason"].str.contains("lijkt op"), "value"]) == {"Voor", "NA"}
    # without the word 'na' in the column, 'NA' is a missing value, and the report says so
    path.write_text("\n".join(rows[:3] + ["C9;1-3-2024;;NA"]), encoding="utf-8")
    data, report = read_table(path, kind="trajectories")
    assert data["group"].isna().sum() == 1
    assert any("1 cel(len) met 'NA' zijn als leeg gelezen" in n and "'Groep'" in n for n in report.notes)


def _student_dossier(path, cells):
    """An Excel file study as a student writes it: title block, one row per pupil, several agencies in a cell."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Dossiers SBO De Brug"])
    sheet.append([])
    sheet.append(["School", "Leerling", "Hulpverlener", "Soort"])
    for i, cell in enumerate(cells, start=1):
        sheet.append(["SBO De Brug", f"L{i}", cell, None])
    book.save(path)
    return path


MULTI = ["Accare, Wijkteam Noord", "Accare + wijkteam", "Accare/Karakter", "Accare; Yorneo", "Wijkteam Noord en GGD",
         "Accare", "Karakter", "Yorneo", "GGD", "Wijkteam Noord", "Centrum voor Jeugd en Gezin"]


def test_read_table_splits_on_a_line_break_in_a_cell(tmp_path):
    cells = ["Accare\nYorneo", "Accare\nafdeling Zuid", "Accare", "Yorneo"]
    data, report = read_table(_student_dossier(tmp_path / "d.xlsx", cells), kind="dossier")
    assert data["agency_raw"].tolist() == ["Accare", "Yorneo", "Accare afdeling Zuid", "Accare", "Yorneo"]
    assert [(e["row"], e["action"]) for e in report.entries] == [(4, "changed")]  # a description is no agency


def test_read_table_splits_a_dossier_cell_naming_several_agencies(tmp_path):
    data, report = read_table(_student_dossier(tmp_path / "d.xlsx", MULTI), kind="dossier")
    assert (report.n_read, report.n_used) == (11, 11) and len(data) == 16  # 5 cells of two agencies
    first = data[data["source_row"] == 4]
    assert first["agency_raw"].tolist() == ["Accare", "Wijkteam Noord"] and first["pupil"].nunique() == 1
    assert data.loc[data["source_row"] == 14, "agency_raw"].tolist() == ["Centrum voor Jeugd en Gezin"]
    lines = report.summary().splitlines()
    assert "- rij 4, kolom 'Hulpverlener': cel noemt 2 instanties ('Accare' en 'Wijkteam Noord')" in "\n".join(lines)
    assert "(waarde: 'Wijkteam Noord en GGD')" in lines[-1] and "Geen problemen gevonden" not in report.summary()
    assert report.n_changed == 5 and data.attrs["column_labels"]["agency_raw"] == "Hulpverlener"
