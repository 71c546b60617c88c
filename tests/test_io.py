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
    kept, and the spellings that differ only in case are merged with a note instead of silently forming extra
    groups."""
    rows = ["Casus;Aanmelddatum;Datum plaatsing;Groep", "C1;1-9-2023;1-10-2023;voor", "C2;1-9-2023;1-11-2023;Voor",
            "C3;1-3-2024;1-4-2024;na", "C4;1-3-2024;1-5-2024;NA", "C5;1-3-2024;;na", "C6;1-9-2023;1-12-2023;voor"]
    path = tmp_path / "trajecten.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    data, report = read_table(path, kind="trajectories")
    # kept as the word, and (since the fresh-eye test) merged with its other spelling as in a survey, with a note
    assert data["group"].tolist() == ["voor", "voor", "na", "na", "na", "voor"]
    assert any("groepen die alleen in hoofdletters of spaties verschillen samengenomen" in n and "'Voor' → voor" in n
               and "'NA' → na" in n for n in report.notes)
    # without the word 'na' in the column, 'NA' is a missing value, and the report says so
    path.write_text("\n".join(rows[:3] + ["C9;1-3-2024;;NA"]), encoding="utf-8")
    data, report = read_table(path, kind="trajectories")
    assert data["group"].isna().sum() == 1
    assert any("1 cel(len) met 'NA' zijn als leeg gelezen" in n and "'Groep'" in n for n in report.notes)


def _student_referrals(tmp_path):
    """The new-user test's referrals file: Dutch dates (most fit both orders, as README writes them), one
    US-style typo '12-13-2023', and a second school whose dates all fit both orders."""
    rows = ["School;Leerlingnummer;Datum verwijzing;Lijn",
            "SBO De Brug;1;3-9-2023;tweedelijns", "SBO De Brug;2;12-13-2023;tweedelijns",
            "SBO De Brug;3;14/11/2023;eerstelijns", "SBO De Brug;4;05-04-2023;2e lijn"]
    rows += [f"SBO De Vlinder;{10 + d};{d}-11-2023;tweedelijns" for d in range(1, 7)]
    path = tmp_path / "verwijzingen.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_one_us_date_among_dutch_dates_drops_only_that_row(tmp_path):
    """One '12-13-2023' used to make the reader drop every date that fits both orders (a whole school
    gone); now only that row is dropped, with row, column, value and the day-first reading suggested."""
    data, report = read_table(_student_referrals(tmp_path), kind="referrals")
    assert (report.n_read, report.n_used, report.n_dropped) == (10, 9, 1)
    assert data["date"].tolist() == [pd.Timestamp(x) for x in ("2023-09-03", "2023-11-14", "2023-04-05")] + [
        pd.Timestamp(f"2023-11-{d:02d}") for d in range(1, 7)]
    dropped = report.to_frame().iloc[0]
    assert (dropped["row"], dropped["column"], dropped["value"]) == (3, "Datum verwijzing", "12-13-2023")
    assert "kan alleen maand-dag-jaar" in dropped["reason"]
    assert any("'12-13-2023' → 13-12-2023?" in n for n in report.notes)
    assert not any("door elkaar" in n or "Amerikaans), want" in n for n in report.notes)


def test_month_first_needs_overwhelming_evidence(tmp_path):
    """A real US export (many days above 12, none day-first) is read month-first; all date columns of a file
    follow one order unless a column's own values prove another."""
    from evaluatie.io import _order_verdict

    assert _order_verdict(0, 1, 5) is None and _order_verdict(2, 1, 0) is None  # one value proves nothing
    assert _order_verdict(0, 6, 4) == "mdy" and _order_verdict(1, 6, 4) is None and _order_verdict(0, 2, 5) is None
    assert _order_verdict(4, 3, 0) == "mixed" and _order_verdict(20, 2, 0) == "dmy"
    rows = ["Casus;Startdatum;Einddatum", "C1;09/13/2024;10/02/2024", "C2;09/20/2024;11/03/2024",
            "C3;10/01/2024;", "C4;10/15/2024;12/01/2024"]
    path = tmp_path / "us.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data, report = read_table(path, kind="trajectories")
    assert data["start"].tolist() == [pd.Timestamp(x) for x in ("2024-09-13", "2024-09-20", "2024-10-01", "2024-10-15")]
    # the end column has no proof of its own: it follows the file (month-first), not the Dutch default
    assert data["end"].dropna().tolist() == [pd.Timestamp(x) for x in ("2024-10-02", "2024-11-03", "2024-12-01")]
    assert report.n_dropped == 0


def test_both_readers_agree_on_one_us_date(tmp_path):
    """panel_from_file with pandas and with DuckDB: the same dates kept and the same row reported."""
    from evaluatie.zorgvraag import panel_from_file

    enrol = pd.DataFrame({"unit": ["SBO De Brug", "SBO De Vlinder"], "exposure": [160.0, 95.0]})
    path = _student_referrals(tmp_path)
    a = panel_from_file(path, enrol, freq="M", engine="pandas")
    b = panel_from_file(path, enrol, freq="M", engine="duckdb")
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(a.attrs["report"].to_frame(), b.attrs["report"].to_frame())
    assert a.attrs["report"].n_used == 9 and a.groupby("unit")["count"].sum().to_dict() == {
        "SBO De Brug": 3, "SBO De Vlinder": 6}


@pytest.mark.parametrize("value", ["2023/10/07", "2023.10.07", "2023/10/7", "2023-10-07"])
def test_year_first_dates_with_slashes_are_read(value):
    assert parse_date(value) == pd.Timestamp("2023-10-07") == parse_date(value, order="mdy")


def test_dates_in_the_future_are_warned_with_their_row(tmp_path):
    """'7-11-2030' (a typo for 2023?) was accepted without a word; it also moves the default reference date."""
    from evaluatie.zorgvraag import panel_from_file

    future = (pd.Timestamp.today().normalize() + pd.Timedelta(days=400))
    rows = ["School;Leerling;Datum;Lijn", "SBO De Brug;1;3-9-2023;tweedelijns",
            f"SBO De Brug;2;{future.day}-{future.month}-{future.year};tweedelijns", "SBO De Brug;3;2023/10/07;1e lijn"]
    path = tmp_path / "verwijzingen.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data, report = read_table(path, kind="referrals")
    assert report.n_used == 3  # kept (and 2023/10/07 read), but warned
    warned = report.to_frame().query("action == 'waarschuwing'")
    shown = f"{future.day}-{future.month}-{future.year}"
    assert warned[["row", "column", "value"]].values.tolist() == [[3, "Datum", shown]]
    assert "in de toekomst" in warned["reason"].iloc[0]
    enrol = pd.DataFrame({"unit": ["SBO De Brug"], "exposure": [160.0]})
    a = panel_from_file(path, enrol, freq="Q", engine="pandas").attrs["report"].to_frame()
    b = panel_from_file(path, enrol, freq="Q", engine="duckdb").attrs["report"].to_frame()
    pd.testing.assert_frame_equal(a, b)
    assert "in de toekomst" in " ".join(b["reason"])
    # trajectories: start and end columns both checked
    path.write_text(f"Casus;Startdatum;Einddatum\nC1;3-9-2024;{future:%d-%m-%Y}\n", encoding="utf-8")
    _, report = read_table(path, kind="trajectories")
    assert [(e["row"], e["column"], e["action"]) for e in report.entries] == [(2, "Einddatum", "warning")]


def test_header_names_students_use(tmp_path):
    """'Casusnr' / 'Casus nr.', 'Datum passend aanbod' (the Thuiszitterspact's term) and 'Doelgroep' are recognised."""
    from evaluatie.schemas import match_column

    assert match_column("Casus nr.", "trajectories") == match_column("Casusnr", "trajectories") == "case"
    assert match_column("Datum passend aanbod", "trajectories") == "end"
    assert match_column("Doelgroep", "survey") == "group"
    path = tmp_path / "thuiszitters.csv"
    path.write_text("Casusnr;Aanmelddatum;Datum passend aanbod\nT1;3-9-2024;15-10-2024\nT2;4-9-2024;\n",
                    encoding="utf-8")
    data, _ = read_table(path, kind="trajectories")
    assert data["end"].tolist()[0] == pd.Timestamp("2024-10-15") and data["case"].notna().all()
    path = tmp_path / "vragenlijst.csv"
    path.write_text("Respondent;Doelgroep;Meting;samenwerking_1\nR1;ouder;voor;4\nR2;leerkracht;voor;5\n",
                    encoding="utf-8")
    data, _ = read_table(path, kind="survey")
    assert data["group"].tolist() == ["ouder", "leerkracht"]


def test_messages_use_the_dutch_names_not_internal_ones(tmp_path):
    """'toegestaan: first, second' and 'Kolommen herkend: ... → unit' showed internal English names."""
    path = tmp_path / "verwijzingen.csv"
    path.write_text("School;Leerlingnummer;Datum verwijzing;Lijn\nSBO De Brug;1;3-9-2023;GGZ\n"
                    "SBO De Brug;2;4-9-2023;tweedelijns\n", encoding="utf-8")
    data, report = read_table(path, kind="referrals")
    reason = report.to_frame().set_index("row").at[2, "reason"]
    assert reason == ("onbekende waarde; toegestaan: eerstelijns, tweedelijns "
                      "(ook eerste lijn, tweede lijn, 1e lijn, 2e lijn, …)")
    assert "'Lijn' → Zorgniveau" in report.notes[1] and "→ care_level" not in report.notes[1]
    assert data.attrs["labels"] == {"pupil": "Leerlingnummer", "unit": "School", "date": "Datum verwijzing",
                                    "care_level": "Lijn"}
    from evaluatie.schemas import failures

    bad = failures(pd.DataFrame({"pupil": ["a"], "unit": ["A"], "date": [pd.Timestamp("2024-01-01")],
                                 "care_level": ["derde"]}), "referrals")
    assert "eerstelijns, tweedelijns" in bad["reason"].iloc[0] and "first" not in bad["reason"].iloc[0]
    # rows to_panel cannot place are reported under the file's own header, by both readers
    from evaluatie.zorgvraag import panel_from_file

    path.write_text("School;Leerlingnummer;Datum verwijzing;Lijn\nSBO De Brug;1;3-9-2023;2\nOnbekend;2;4-9-2023;2\n",
                    encoding="utf-8")
    for engine in ("pandas", "duckdb"):
        got = panel_from_file(path, {"SBO De Brug": 160}, engine=engine).attrs["report"].to_frame()
        assert got[["row", "column"]].values.tolist() == [[3, "School"]], engine


def test_question_header_starting_with_school_is_no_school_column(tmp_path):
    """MS Forms exports the question text as header: 'School en jeugdhulp …' is a question, not the school
    column (it was read as `unit`, its answers compared as misspelled school names). A header that names a
    codebook item (code or text) is always that item, even when short."""
    from evaluatie.schemas import is_sentence, match_column

    question = "School en jeugdhulp stemmen goed met elkaar af"
    assert is_sentence(question) and match_column(question, "survey", exact=False) is None
    assert match_column("Schoolnaam leerling", "survey", exact=False) == "unit"  # a short header still matches
    assert match_column("Verwijzingen tweedelijns", "panel", exact=False) == "count"
    answers = ["helemaal eens", "helemaal oneens", "eens", "oneens", "helemaal eens", "neutraal"]
    rows = [f"Respondent;Groep;Meetmoment;{question};Schoolklimaat"] + [
        f"R{i};ouder;voor;{a};eens" for i, a in enumerate(answers)]
    path = tmp_path / "forms.csv"
    path.write_text("\n".join(r.rsplit(";", 1)[0] for r in rows), encoding="utf-8")
    data, report = read_table(path, kind="survey", raw_items=True)
    assert "unit" not in data.columns and data[question].tolist() == answers
    assert not any("lijkt op" in r or "maar één" in r for r in report.to_frame()["reason"])
    # 'Schoolklimaat' starts with the alias 'school'; named as an item it stays a question
    rows[0] = "Respondent;Groep;Meetmoment;Vraag 1;Schoolklimaat"
    path.write_text("\n".join(rows), encoding="utf-8")
    assert read_table(path, kind="survey", raw_items=True)[0].attrs["labels"]["unit"] == "Schoolklimaat"
    codebook = pd.DataFrame({"item": ["klimaat", "v1"], "text": ["Schoolklimaat", "Vraag 1"]})
    data, report = read_table(path, kind="survey", raw_items=True, items=codebook)
    assert "unit" not in data.columns and "Schoolklimaat" in data.columns
    assert not any("lijkt op" in r or "maar één" in r for r in report.to_frame()["reason"])


def test_survey_wave_spellings_and_synonyms_are_one_wave_and_reported(tmp_path):
    """'voor', 'Voor', 'voormeting', '0-meting', 'T0' … were 8 waves with 0 matched pairs and no word why."""
    pre = ["voor", "Voor", "voormeting", "0-meting", "T0", " voor "]
    post = ["na", "Na", "nameting", "1-meting", "T1", "NA"]
    groups = ["ouder", "Ouder", "ouders", "Leerkracht", "leerkracht", "leerkrachten"]
    rows = ["Respondent;Groep;Meetmoment;v1"]
    rows += [f"R{i};{g};{w};4" for i, (g, w) in enumerate(zip(groups, pre))]
    rows += [f"R{i};{g};{w};5" for i, (g, w) in enumerate(zip(groups, post))]
    rows += ["R0;ouder;voormeting;3"]  # R0 twice in the same wave, spelled differently
    path = tmp_path / "vragenlijst.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    data, report = read_table(path, kind="survey")
    assert data["wave"].tolist() == ["voor"] * 6 + ["na"] * 6 and report.n_dropped == 1
    assert any("al eerder" in r or "dubbel" in r for r in report.to_frame()["reason"])
    note = next(n for n in report.notes if "meetmoment samengenomen" in n)
    assert "'T0' → voor (1 rij(en): 6)" in note and "'1-meting' → na" in note and "'NA' → na" in note
    assert data["group"].tolist() == ["ouder", "ouder", "ouders", "Leerkracht", "Leerkracht", "leerkrachten"] * 2
    assert any("'Ouder' → ouder" in n and "'leerkracht' → Leerkracht" in n for n in report.notes)
    warned = report.to_frame()
    assert set(warned.loc[warned["reason"].str.contains("lijkt op"), "value"]) == {"ouders", "leerkrachten"}
    # three waves that are no synonyms of voor/na: left as they are, and said
    rows = ["Respondent;Groep;Meting;v1"] + [f"R{i};ouder;{w};4" for i in range(3) for w in ("T0", "T1", "T2")]
    path.write_text("\n".join(rows), encoding="utf-8")
    data, report = read_table(path, kind="survey")
    assert sorted(data["wave"].unique()) == ["T0", "T1", "T2"]
    assert any("3 verschillende meetmomenten: T0, T1, T2" in n for n in report.notes)


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
    assert report.n_changed == 5 and data.attrs["labels"]["agency_raw"] == "Hulpverlener"


def test_a_remark_under_the_table_is_not_a_school_that_vanished(tmp_path):
    """Fresh-eye test: a student's remark in the last row ('Let op: dossiers groep 8 nog niet gelezen, volgt in
    november') was read as a school, and the report said "Let op: '…er' is helemaal weggevallen: alle 1 rijen
    zijn verwijderd". A one-cell row of several words at the end is a remark: dropped with that reason, no
    vanished school. A school name at the end with no pupil is still reported as before."""
    from openpyxl import Workbook

    from evaluatie import read_table

    wb = Workbook()
    ws = wb.active
    ws.append(["Dossieronderzoek SBO De Brug"])
    ws.append([])
    ws.append(["School", "Leerling", "Instantie"])
    for i in range(6):
        ws.append(["SBO De Brug", f"L{i}", "GGD"])
    ws.append([])
    ws.append(["Let op: dossiers groep 8 nog niet gelezen, volgt in november"])
    path = tmp_path / "dossier.xlsx"
    wb.save(path)
    data, report = read_table(path, kind="dossier")
    assert len(data) == 6
    text = report.summary()
    assert "helemaal weggevallen" not in text and "'…er'" not in text
    assert "rij 11: opmerking onder de tabel, geen gegevens; niet gelezen [verwijderd]" in text
    ws.append(["SBO Het Anker"])  # now the last row is a name: a school without pupil, reported as before
    wb.save(path)
    data, report = read_table(path, kind="dossier")
    assert "kolom 'Leerling': verplichte waarde ontbreekt" in report.summary()


def test_dossier_school_left_empty_on_a_pupils_next_rows_is_filled_from_that_pupil(tmp_path):
    """Fresh-eye test: a student writes the school once per pupil and leaves it empty on the pupil's next rows
    (not merged cells); 21 of 80 rows were dropped ('verplichte waarde ontbreekt'). An empty school is now taken
    from the pupil's other rows when they name exactly one school, each cell reported with its source row; a
    pupil at two schools, or a row with neither school nor a known pupil, is still dropped."""
    from evaluatie import read_table

    rows = [("SBO De Brug", "Daan", "GGD"), (None, "Daan", "Wijkteam"), (None, "Daan", "Accare"),
            ("OBS 't Anker", "Emma", "GGD"), (None, "Emma", "Kinnik"),
            ("SBO De Brug", "Sem", "GGD"), ("OBS 't Anker", "Sem", "Accare"), (None, "Sem", "Kinnik"),
            (None, "Noor", "GGD")]
    rows += [("SBO De Brug", f"L{i}", "GGD") for i in range(5)] + [("OBS 't Anker", f"M{i}", "GGD") for i in range(5)]
    path = tmp_path / "dossier.csv"
    pd.DataFrame(rows, columns=["School", "Leerling", "Instantie"]).to_csv(path, sep=";", index=False)
    data, report = read_table(path, kind="dossier")
    assert len(data) == len(rows) - 2
    assert data["school"].value_counts().to_dict() == {"SBO De Brug": 9, "OBS 't Anker": 8}
    text = report.summary()
    assert "2 rijen van SBO De Brug (rij 3–4), kolom 'School': school leeg; ingevuld uit rij 2 van dezelfde" in text
    assert "rij 6, kolom 'School': school leeg; ingevuld uit rij 5 van dezelfde leerling" in text
    # Sem (two schools) and Noor (no school anywhere): dropped with the reason they had
    dropped = {e["row"] for e in report.entries if e["action"] == "dropped"}
    assert dropped == {9, 10}
    assert "Daan" not in text and "Emma" not in text


def test_trajectory_groups_differing_only_in_capitals_are_one_group(tmp_path):
    """Fresh-eye test: 'Na' once among 'na' in the Groep column of a process-times file stayed a group of its own
    (only a warning 'lijkt op na, gelijkenis 100%'), so the factsheet said "groep '…Na', '…na' niet apart getoond"
    and the notebook drew a group of one. As in a survey, case and spaces only are merged, with a note."""
    from evaluatie import read_table

    rows = ["Casus;Aanmelddatum;Datum plaatsing;Groep"] + [f"T{i};1-1-2024;1-2-2024;na" for i in range(6)]
    rows += ["T9;1-1-2024;1-3-2024;Na", "T10;1-1-2024;;voor ", "T11;1-1-2024;1-3-2024;voor"]
    path = tmp_path / "doorlooptijden.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data, report = read_table(path, kind="trajectories")
    assert data["group"].value_counts().to_dict() == {"na": 7, "voor": 2}
    text = report.summary()
    assert "Kolom 'Groep': groepen die alleen in hoofdletters of spaties verschillen samengenomen: 'Na' → na" in text
    assert "gelijkenis 100%" not in text


def test_a_school_with_one_dropped_row_is_not_all_1_rows():
    """Fresh-eye test: 'alle 1 rijen zijn verwijderd' for a school whose only row was dropped."""
    from evaluatie.quality import QualityReport

    report = QualityReport(source="d.csv", kind="dossier", n_read=3,
                           row_units={2: "SBO De Brug", 3: "SBO De Brug", 4: "OBS Het Anker"})
    report.add(row=4, column="Leerling", value="", reason="verplichte waarde ontbreekt", action="dropped")
    text = report.summary()
    assert "Let op: '…er' is helemaal weggevallen: de enige rij is verwijderd (zie hieronder)." in text
    assert "alle 1 rijen" not in text and "alle 1 rijen" not in report._repr_html_()
