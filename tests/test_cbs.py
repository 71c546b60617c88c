"""CBS StatLine / open-data exports: codes, symbols, flags, percentages and the comparison series.

The fixtures in tests/fixtures/cbs/ hold invented numbers in the two CSV forms CBS publishes:

* ``jeugdzorg_regio_typed.csv``: the data-set download of opendata.cbs.nl
  (``CsvDownload/csv/<table>/UntypedDataSet``, saved as ``<table>_UntypedDataSet_<date>_<time>.csv``).
  Layout copied from a real download, ``37296ned_UntypedDataSet_26032024_091942.csv`` in the public
  repository ajruben/opdracht3 (commit d3b0a72): every field quoted, ``;``, a quoted ``"ID"`` first,
  period keys ``1950JJ00``, measures named ``Name_N``, numbers right-aligned with leading spaces to one
  width (``" 4998251"``, ``"    37.3"``, decimal point), ``"       ."`` for unknown and ``""`` for not
  applicable. Region keys are padded with spaces to ten characters (``"GM0363    "``, as CBS keys must
  be in an OData filter). Provisional periods carry no ``*`` in this form: the status lives in the period
  list (see the download test). Rows 13-15 are deliberate faults (an unknown period code, no region,
  the nil symbol ``-``) for the quality report.
* ``jeugdzorg_regio_statline.csv``: a table exported from StatLine (title line, ``"Onderwerp"`` line,
  labels such as ``2023*``, decimal comma, ``"Bron: CBS"`` at the bottom), periods down the rows.
"""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evaluatie import InputError, cbs
from evaluatie.rates import rate_ci

FIXTURES = Path(__file__).parent / "fixtures" / "cbs"


@pytest.fixture(scope="module")
def typed():
    return cbs.read_statline(FIXTURES / "jeugdzorg_regio_typed.csv")


@pytest.fixture(scope="module")
def statline():
    return cbs.read_statline(FIXTURES / "jeugdzorg_regio_statline.csv")


def test_codes_become_periods_and_regions(typed):
    count = typed[typed["measure"] == "TotaalJongerenMetJeugdzorg_1"]
    gm = count[count["region"] == "GM0080"].set_index("freq")
    assert gm.loc["6M", "period"] == pd.Period("2023-01", "6M")
    assert gm.loc["Q", "period"] == pd.Period("2023Q1") and gm.loc["M", "period"] == pd.Period("2023-10", "M")
    assert (gm.loc["Y", "period"] == [pd.Period(y, "Y") for y in ("2021", "2022", "2023")]).all()
    kinds = count.drop_duplicates("region").set_index("region")["region_kind"].to_dict()
    assert kinds == {"NL01": "land", "PV21": "provincie", "GM0080": "gemeente", "GM9999": "gemeente",
                     "GM0014": "gemeente"}  # trailing spaces stripped
    assert gm.loc["M", "period_start"] == pd.Timestamp("2023-10-01")


def test_symbols_keep_their_meaning(typed):
    v = typed.set_index(["region", "measure", "freq", "period"])["value"]
    m = typed.set_index(["region", "measure", "freq", "period"])["missing"]
    key = ("GM0080", "TotaalJongerenMetJeugdzorg_1", "Y", pd.Period("2023", "Y"))
    assert np.isnan(v[key]) and m[key] == "onbekend of geheim"  # '.' is never 0
    key = ("GM0080", "PercentageJongerenMetJeugdzorg_2", "Q", pd.Period("2023Q1"))
    assert np.isnan(v[key]) and m[key] == "niet van toepassing"  # empty cell
    key = ("GM0014", "TotaalJongerenMetJeugdzorg_1", "Y", pd.Period("2023", "Y"))
    assert v[key] == 0 and m[key] is None  # '-' is nil
    assert v[("NL01", "PercentageJongerenMetJeugdzorg_2", "Y", pd.Period("2022", "Y"))] == pytest.approx(9.6)
    assert typed["value"].notna().sum() + typed["missing"].notna().sum() == len(typed)


def test_every_row_is_used_or_reported(typed, statline):
    rep = typed.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (16, 14, 2)
    assert typed["row"].nunique() == rep.n_used
    reasons = rep.to_frame().set_index("row")["reason"]
    assert reasons[15].startswith("periode niet te lezen") and reasons[16].startswith("regiocode ontbreekt")
    assert "3× onbekend of geheim" in rep.summary()
    rep = statline.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (12, 8, 4)
    assert statline["row"].nunique() == rep.n_used
    assert rep.to_frame().set_index("row").loc[12, "value"] == "2023 dertiende maand"


def test_statline_labels_flags_and_dutch_numbers(statline):
    assert set(statline["measure"]) == {"Jongeren met jeugdzorg (aantal)",
                                        "Jongeren met jeugdzorg (% van jongeren tot 23 jaar)"}
    count = statline[statline["measure"] == "Jongeren met jeugdzorg (aantal)"].set_index(["region", "period"])
    assert count.loc[("Nederland", pd.Period("2021", "Y")), "value"] == 458920  # "458 920"
    assert count.loc[("Nederland", pd.Period("2023", "Y")), "flag"] == "voorlopig"  # "2023*"
    assert count.loc[("Leeuwarden", pd.Period("2023-01", "6M")), "flag"] == "nader voorlopig"
    assert count.loc[("Nederland", pd.Period("2021", "Y")), "flag"] == ""
    pct = statline[statline["measure"].str.contains("%")].set_index(["region", "period"])
    assert pct.loc[("Leeuwarden", pd.Period("2022", "Y")), "value"] == pytest.approx(10.5)  # "10,5"
    assert statline["region_kind"].isna().all()  # names, no codes: no kind guessed


def test_percentages_become_counts_only_with_the_population(typed):
    with pytest.raises(InputError, match="alleen met het aantal jongeren"):
        cbs.percent_to_count(typed, measure="PercentageJongerenMetJeugdzorg_2")
    with pytest.raises(InputError, match="staat niet in de tabel"):
        cbs.percent_to_count(typed, measure="Percentage_9", population="JongerenTot23Jaar_3")
    out = cbs.percent_to_count(typed, measure="PercentageJongerenMetJeugdzorg_2", population="JongerenTot23Jaar_3")
    new = out[out["measure"] == "PercentageJongerenMetJeugdzorg_2 (aantal)"].set_index(["region", "period"])
    assert new.loc[("GM0080", pd.Period("2021", "Y")), "value"] == pytest.approx(0.104 * 73940)
    assert np.isnan(new.loc[("PV21", pd.Period("2023", "Y")), "value"])  # '.' stays missing
    assert new.loc[("PV21", pd.Period("2023", "Y")), "missing"] == "onbekend of geheim"
    pop = pd.DataFrame({"region": ["GM0080"], "period": [pd.Period("2022", "Y")], "population": [1000.0]})
    other = cbs.percent_to_count(typed, measure="PercentageJongerenMetJeugdzorg_2", population=pop, name="n")
    got = other[other["measure"] == "n"].set_index(["region", "period"])
    assert got.loc[("GM0080", pd.Period("2022", "Y")), "value"] == pytest.approx(105.0)
    assert got.loc[("NL01", pd.Period("2022", "Y")), "missing"] == "geen aantal jongeren"


def test_comparison_series_feeds_rates(typed):
    s = cbs.comparison_series(typed, measure="TotaalJongerenMetJeugdzorg_1", region="GM0080",
                              exposure="JongerenTot23Jaar_3")
    assert s["period"].tolist() == [pd.Timestamp("2021-01-01"), pd.Timestamp("2022-01-01")]
    assert s.attrs["notes"] == ["GM0080 2023: onbekend of geheim"]
    r = rate_ci(s["count"], s["exposure"], per=1000)
    assert r["rate"].round(1).tolist() == [104.0, 105.0] and (r["lower"] < r["rate"]).all()
    q = cbs.comparison_series(typed, measure="TotaalJongerenMetJeugdzorg_1", region="GM0080", freq="Q")
    assert q["count"].tolist() == [4210.0]
    with pytest.raises(InputError, match="Geen cijfers"):
        cbs.comparison_series(typed, measure="TotaalJongerenMetJeugdzorg_1", region="GM0363")
    with pytest.raises(InputError, match="freq"):
        cbs.comparison_series(typed, measure="TotaalJongerenMetJeugdzorg_1", region="GM0080", freq="W")


def test_parse_period_and_region_refuse_what_they_do_not_know():
    with pytest.raises(ValueError):
        cbs.parse_period("2023KW05")
    with pytest.raises(ValueError):
        cbs.parse_period("2023MM13")
    assert cbs.parse_period("2023KW04*") == (pd.Period("2023Q4"), "voorlopig")
    assert cbs.parse_region("Leeuwarden") == ("Leeuwarden", None)
    assert cbs.parse_region("wk008000") == ("WK008000", "wijk")


def test_files_that_are_not_cbs_tables_are_refused(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("School;Maand;Aantal\nA;2024-01;3\n", encoding="utf-8")
    with pytest.raises(InputError, match="geen kolom 'Perioden'"):
        cbs.read_statline(p)
    p.write_text("Perioden;Iets\n2023XX00;3\n", encoding="utf-8")
    with pytest.raises(InputError):
        cbs.read_statline(p)


def test_a_national_table_without_regions_is_read(tmp_path):
    """A table without a region dimension (as the real 37296ned "Bevolking; kerncijfers" download, whose
    header is ``"ID";"Perioden";"TotaleBevolking_1";...``) was refused for want of a region column. It is
    read with an empty region, a note in the report, and its series for rates and ITS."""
    data = cbs.read_statline(FIXTURES / "jeugdzorg_nl_untyped.csv")
    assert data["region"].isna().all() and data["region_kind"].isna().all()
    report = data.attrs["report"]
    assert report.n_read == 4 and report.n_used == 4
    assert any(n.startswith("Geen kolom met regio's") for n in report.notes)
    care = data[data["measure"] == "JongerenMetJeugdzorg_2"]
    assert care["value"].tolist()[:2] == [441300, 438900]
    assert care["missing"].tolist()[2:] == ["onbekend of geheim", "niet van toepassing"]
    series = cbs.comparison_series(data, measure="JongerenMetJeugdzorg_2", region=None, exposure="Jongeren_1")
    assert series["count"].tolist() == [441300, 438900] and series["exposure"].tolist() == [4702000, 4711000]
    assert series.attrs["notes"] == ["2021: onbekend of geheim", "2022: niet van toepassing"]
    counts = cbs.percent_to_count(data, measure="PercentageJongerenMetJeugdzorg_3", population="Jongeren_1")
    new = counts[counts["measure"] == "PercentageJongerenMetJeugdzorg_3 (aantal)"]
    assert new["value"].round().tolist()[:2] == [441988, 438123]


def test_download_keeps_codes_symbols_and_provisional_periods(tmp_path, monkeypatch):
    """download() goes through cbsodata's real download_data; only the HTTP layer is replaced.

    The fake OData answers follow the open-data service: ``UntypedDataSet`` rows hold the keys
    (``2023JJ00``, ``GM0080    ``) and the published strings (``"       ."``), the ``Perioden`` list holds
    ``Key``/``Title``/``Status`` (as in the cbsodata README's ``get_meta("71509ENG", "Periods")``).
    ``cbsodata.get_data`` would have turned the keys into titles (``2023``, ``Leeuwarden``) and ``.`` into
    ``None``; download() must not.
    """
    cbsodata = pytest.importorskip("cbsodata")
    from cbsodata import cbsodata3

    calls = []
    untyped = [{"ID": 0, "Perioden": "2022JJ00", "RegioS": "GM0080    ", "TotaalJongerenMetJeugdzorg_1": "    7830"},
               {"ID": 1, "Perioden": "2023JJ00", "RegioS": "GM0080    ", "TotaalJongerenMetJeugdzorg_1": "       ."},
               {"ID": 2, "Perioden": "2024JJ00", "RegioS": "GM0080    ", "TotaalJongerenMetJeugdzorg_1": "    8010"}]
    typed = [dict(r, TotaalJongerenMetJeugdzorg_1=None if "." in r["TotaalJongerenMetJeugdzorg_1"] else
                  int(r["TotaalJongerenMetJeugdzorg_1"])) for r in untyped]
    answers = {"": [{"name": n} for n in ("TableInfos", "UntypedDataSet", "TypedDataSet", "DataProperties",
                                           "CategoryGroups", "RegioS", "Perioden")],
               "UntypedDataSet": untyped, "TypedDataSet": typed,
               "RegioS": [{"Key": "GM0080    ", "Title": "Leeuwarden"}],
               "Perioden": [{"Key": "2022JJ00", "Title": "2022", "Status": "Definitief"},
                            {"Key": "2023JJ00", "Title": "2023*", "Status": "Voorlopig"},
                            {"Key": "2024JJ00", "Title": "2024**", "Status": "Nader voorlopig"}]}

    def fake_metadata(table_id, name, select=None, filters=None, catalog_url=None, **kwargs):  # no internet
        calls.append((table_id, name, filters))
        return answers.get(name, [])

    monkeypatch.setattr(cbsodata3, "_download_metadata", fake_metadata)
    data = cbs.download("84134NED", tmp_path / "84134NED.csv", filters="RegioS eq 'GM0080    '")
    assert ("84134NED", "UntypedDataSet", "RegioS eq 'GM0080    '") in calls
    assert (tmp_path / "84134NED.csv").is_file()
    assert data["region"].tolist() == ["GM0080"] * 3 and data["region_kind"].tolist() == ["gemeente"] * 3
    assert [str(p) for p in data["period"]] == ["2022", "2023", "2024"]
    assert data["value"].tolist()[0] == 7830 and np.isnan(data["value"].tolist()[1])
    assert data["missing"].tolist()[1] == "onbekend of geheim"  # '.', not 'niet van toepassing'
    assert data["flag"].tolist() == ["", "voorlopig", "nader voorlopig"]

    def offline(*args, **kwargs):
        raise ConnectionError("no network")

    monkeypatch.setattr(cbsodata3, "_download_metadata", offline)
    with pytest.raises(InputError, match="internet"):
        cbs.download("84134NED", tmp_path / "b.csv")


def test_statline_export_with_a_dimension_but_no_region(tmp_path):
    """A StatLine table export whose header row is ``"Geslacht";"Perioden";"% van de schoolverlaters"``,
    with a title above and ``© Statistics Netherlands, Den Haag/Heerlen 12-10-2017`` below, in
    Windows-1252 (header and footer as matched by public code that parses such an export, 2017; the
    numbers are invented). The dimension becomes a column, the measure is named by its header cell."""
    p = tmp_path / "schoolverlaters.csv"
    p.write_bytes('"Schoolverlaters; geslacht"\n"Geslacht";"Perioden";"% van de schoolverlaters"\n'
                  '"Mannen";"2015";"12,1"\n"Vrouwen";"2015";"9,8"\n"Mannen";"2016*";"11,7"\n'
                  '"© Statistics Netherlands, Den Haag/Heerlen 12-10-2017"\n'.encode("cp1252"))
    data = cbs.read_statline(p)
    assert data["Geslacht"].tolist() == ["Mannen", "Vrouwen", "Mannen"]
    assert data["measure"].unique().tolist() == ["% van de schoolverlaters"]
    assert data["value"].tolist() == [12.1, 9.8, 11.7] and data["flag"].tolist() == ["", "", "voorlopig"]
    report = data.attrs["report"]
    assert report.n_read == 5 and report.n_used == 3 and report.n_dropped == 2


def test_decimal_sign_comes_from_the_values_not_from_a_title(tmp_path):
    """Adversary: a title 'versie 2.1' made '10,5' unreadable, and '12.345' (Dutch thousands) was read as
    12.345 while a percentage column next to it ('10,5') silently disappeared."""
    title = tmp_path / "titel.csv"
    title.write_text('"Jeugdhulp; gemeenten, versie 2.1";;\n"Perioden";"Regio\'s";"Jongeren met jeugdhulp (%)"\n'
                     '"2022";"Groningen (gemeente)";"10,5"\n"2023";"Groningen (gemeente)";"11,2"\n', encoding="utf-8")
    assert cbs.read_statline(title)["value"].tolist() == [10.5, 11.2]
    both = tmp_path / "duizendtallen.csv"
    both.write_text('"Perioden";"Regio\'s";"Jongeren met jeugdhulp";"Aandeel (%)"\n'
                    '"2022";"Groningen (gemeente)";"12.345";"10,5"\n"2023";"Groningen (gemeente)";"12.999";"11,2"\n',
                    encoding="utf-8")
    data = cbs.read_statline(both).set_index(["measure", "period"])["value"]
    assert data[("Jongeren met jeugdhulp", "2022")] == 12345 and data[("Aandeel (%)", "2023")] == 11.2
    typed = tmp_path / "typed.csv"  # a typed data set writes a decimal point, also for 1234.567
    typed.write_text('"ID";"Perioden";"RegioS";"Kosten_1"\n"0";"2022JJ00";"GM0014    ";"1234.567"\n', encoding="utf-8")
    assert cbs.read_statline(typed)["value"].tolist() == [1234.567]
