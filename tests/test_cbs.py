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
* ``jeugdhulp_regio_breed.csv``, ``jeugdhulp_nl_onderwerpen_in_rijen.csv``: StatLine downloads with the
  periods across the columns (the website's default layout); the real files whose layout they copy are
  quoted in tests/fixtures/cbs/README.md.
"""
import os
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


# --- wide exports: the periods across the columns, as the StatLine website downloads a table -----------------
# Layouts, sources and what each fixture holds: tests/fixtures/cbs/README.md (a StatLine CSV download of table
# 7052_95 as documented in a public "Zelfdoding viewer" guide: title, two empty lines, a line per column
# dimension, "Onderwerp";"Perioden";"2000";..., one line per topic with its unit, "Bron: CBS", UTF-8 with BOM,
# ";", quoted; the 2017 StatLine export of 37296ned quoted in Nina92/fe3-assessment-2: "Onderwerpen" lines
# repeated over their columns and a unit line "Perioden";"aantal";...; region names such as
# "Noord-Nederland (LD)" and "Groningen (PV)" in a 2025 download in Lex0803/project).

WIDE = FIXTURES / "jeugdhulp_regio_breed.csv"
TOPICS_IN_ROWS = FIXTURES / "jeugdhulp_nl_onderwerpen_in_rijen.csv"
COUNT = "Jongeren met jeugdhulp (aantal)"
SHARE = "Jongeren met jeugdhulp (% van alle jongeren tot 18 jaar)"
#: The region list of the OData table (``cbsodata.get_meta(table, "RegioS")``: Key padded to ten characters,
#: Title as StatLine shows it); Schiermonnikoog (GM0088) left out on purpose.
ODATA_REGIONS = [{"Key": "NL01      ", "Title": "Nederland"}, {"Key": "LD01      ", "Title": "Noord-Nederland (LD)"},
                 {"Key": "PV21      ", "Title": "Fryslân (PV)"}, {"Key": "GM0080    ", "Title": "Leeuwarden"},
                 {"Key": "GM1900    ", "Title": "Súdwest-Fryslân"}]


def _wide_rows(path=WIDE):
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def _write_csv(rows, path, *, delimiter=";", encoding="utf-8-sig", quoting=None):
    import csv
    import io

    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_ALL if quoting is None else quoting,
               lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _write_xlsx(rows, path, *, merge_topics=True, numbers=True):
    """The same table as an Excel download: numbers as numbers (or kept as the CSV's text with decimal commas),
    the topic one merged cell over its columns."""
    import re

    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    for i, row in enumerate(rows, start=1):
        for j, cell in enumerate(row, start=1):
            if cell == "":
                continue
            if numbers and re.fullmatch(r"\d+", cell):
                ws.cell(i, j, int(cell))
            elif numbers and re.fullmatch(r"\d+,\d+", cell):
                ws.cell(i, j, float(cell.replace(",", ".")))
            else:
                ws.cell(i, j, cell)
        if merge_topics and row and row[0] == "Onderwerp":
            start = 2
            for j in range(3, len(row) + 2):
                if j > len(row) or row[j - 1] != row[start - 1]:
                    if j - 1 > start:
                        for k in range(start + 1, j):
                            ws.cell(i, k).value = None
                        ws.merge_cells(start_row=i, start_column=start, end_row=i, end_column=j - 1)
                    start = j
    book.save(path)
    return path


def _cells(data):
    """The content of a read table, without the report: what must not depend on how the file was written."""
    columns = ["region", "region_kind", "region_name", "period", "period_code", "freq", "measure", "value",
               "missing", "flag", "row"]
    return data[columns].reset_index(drop=True)


@pytest.fixture(scope="module")
def wide():
    return cbs.read_statline(WIDE)


def test_wide_export_becomes_one_row_per_region_period_and_topic(wide):
    assert len(wide) == 6 * 9  # six regions × nine value columns, nothing dropped
    assert set(wide["measure"]) == {COUNT, SHARE}
    count = wide[wide["measure"] == COUNT].set_index(["region", "freq", "period"])
    lw = count.loc["Leeuwarden"]
    assert lw.loc[("Y", pd.Period("2021", "Y")), "value"] == 7690
    assert lw.loc[("6M", pd.Period("2023-01", "6M")), "value"] == 6050  # "2023 1e halfjaar**"
    assert lw.loc[("Q", pd.Period("2023Q1")), "value"] == 4210  # "2023 1e kwartaal"
    assert lw.loc[("M", pd.Period("2023-01", "M")), "value"] == 2330  # "2023 januari"
    codes = wide[(wide["region"] == "Leeuwarden") & (wide["measure"] == COUNT)]["period_code"].tolist()
    assert codes == ["2021JJ00", "2022JJ00", "2023JJ00", "2023HJ01", "2023KW01", "2023MM01"]
    assert lw.loc[("Y", pd.Period("2023", "Y")), "flag"] == "voorlopig"  # "2023*"
    assert lw.loc[("6M", pd.Period("2023-01", "6M")), "flag"] == "nader voorlopig"  # "**"
    assert lw.loc[("Y", pd.Period("2021", "Y")), "flag"] == ""
    share = wide[wide["measure"] == SHARE].set_index(["region", "period"])
    assert share.loc[("Leeuwarden", pd.Period("2022", "Y")), "value"] == pytest.approx(10.5)  # "10,5"
    assert share.loc[("Schiermonnikoog", pd.Period("2022", "Y")), "value"] == 0  # a real zero


def test_wide_export_keeps_what_the_cbs_symbols_mean(wide):
    v = wide.set_index(["region", "measure", "period_code"])[["value", "missing"]]
    assert np.isnan(v.loc[("Leeuwarden", COUNT, "2023JJ00"), "value"])  # "." is never 0
    assert v.loc[("Leeuwarden", COUNT, "2023JJ00"), "missing"] == "onbekend of geheim"
    assert v.loc[("Schiermonnikoog", COUNT, "2023JJ00"), "missing"] == "geheim"  # "x"
    assert v.loc[("Schiermonnikoog", COUNT, "2022JJ00"), "value"] == 0  # "-" is nil
    assert v.loc[("Schiermonnikoog", COUNT, "2022JJ00"), "missing"] is None
    assert v.loc[("Nederland", COUNT, "2023MM01"), "missing"] == "niet van toepassing"  # empty cell
    assert wide["value"].notna().sum() + wide["missing"].notna().sum() == len(wide)
    assert "3× onbekend of geheim" in wide.attrs["report"].summary()


def test_wide_export_every_line_is_used_or_reported(wide):
    rep = wide.attrs["report"]
    # 19 lines: title + 2 empty (1-3), 3 header lines (not counted, as a long file's header), 6 regions (7-12),
    # "Bron: CBS" and five lines explaining the symbols (13-19)
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (16, 6, 10)
    assert sorted(rep.dropped_rows()) == [1, 2, 3, *range(13, 20)]
    assert wide["row"].nunique() == rep.n_used
    assert any(n.startswith("Perioden in de kolommen") for n in rep.notes)
    assert any("zonder CBS-code" in n for n in rep.notes)  # names kept, and said so


def test_region_names_keep_their_kind_and_become_codes_with_the_odata_list(wide, tmp_path):
    kinds = wide.drop_duplicates("region").set_index("region")["region_kind"].to_dict()
    assert kinds["Noord-Nederland (LD)"] == "landsdeel" and kinds["Fryslân (PV)"] == "provincie"
    assert kinds["Leeuwarden"] is None  # a plain name: no kind guessed
    coded = cbs.read_statline(WIDE, regions=ODATA_REGIONS)
    first = coded.drop_duplicates("region_name").set_index("region_name")
    assert first["region"].to_dict() == {"Nederland": "NL01", "Noord-Nederland (LD)": "LD01", "Fryslân (PV)": "PV21",
                                         "Leeuwarden": "GM0080", "Súdwest-Fryslân": "GM1900",
                                         "Schiermonnikoog": "Schiermonnikoog"}
    assert first.loc["Leeuwarden", "region_kind"] == "gemeente" and first.loc["Nederland", "region_kind"] == "land"
    notes = coded.attrs["report"].notes
    assert any("1 regionaam/-namen: Schiermonnikoog" in n for n in notes)
    as_frame = cbs.read_statline(WIDE, regions=pd.DataFrame(ODATA_REGIONS))
    as_dict = cbs.read_statline(WIDE, regions={r["Title"].upper(): r["Key"] for r in ODATA_REGIONS})  # any case
    pd.testing.assert_frame_equal(_cells(as_frame), _cells(coded))
    pd.testing.assert_frame_equal(_cells(as_dict), _cells(coded))
    series = cbs.comparison_series(coded, measure=COUNT, region="GM0080", freq="Y")
    assert series["count"].tolist() == [7690, 7830] and series.attrs["notes"] == ["GM0080 2023: onbekend of geheim"]
    with pytest.raises(InputError, match="regions= moet een dict"):
        cbs.read_statline(WIDE, regions="GM0080")
    with pytest.raises(InputError, match="regions= moet een dict"):
        cbs.read_statline(WIDE, regions={"Leeuwarden": "Leeuwarden"})  # not a CBS code


@pytest.mark.parametrize("variant", ["comma_cp1252", "semicolon_unquoted", "xlsx", "xlsx_unmerged", "xlsx_text"])
def test_separators_encodings_and_excel_give_the_same_table(wide, tmp_path, variant):
    """The same download written with ',' (decimal commas quoted) in Windows-1252, with ';' unquoted in UTF-8
    without BOM, and as Excel (numbers as numbers, periods such as 2021 as numbers, the topic merged or
    repeated over its columns; or every cell text, '9,7' with its decimal comma): every version gives the same
    cells."""
    import csv

    rows = _wide_rows()
    if variant == "comma_cp1252":
        path = _write_csv(rows, tmp_path / "breed.csv", delimiter=",", encoding="cp1252",
                          quoting=csv.QUOTE_MINIMAL)
        assert b'"9,7"' in path.read_bytes() and "Fryslân".encode("cp1252") in path.read_bytes()
    elif variant == "semicolon_unquoted":
        path = _write_csv(rows, tmp_path / "breed.csv", encoding="utf-8", quoting=csv.QUOTE_MINIMAL)
        assert b"\r\nLeeuwarden;7690;7830;.;6050;" in path.read_bytes()  # data lines unquoted
    else:
        path = _write_xlsx(rows, tmp_path / "breed.xlsx", merge_topics=variant == "xlsx", numbers=variant != "xlsx_text")
    data = cbs.read_statline(path)
    pd.testing.assert_frame_equal(_cells(data), _cells(wide))
    if variant == "comma_cp1252":
        assert any("Windows-1252" in n and "','" in n for n in data.attrs["report"].notes)


def test_wide_and_long_layouts_agree_cell_by_cell(wide, tmp_path):
    """One reader for one question: the wide download rewritten by hand as a long StatLine export (periods
    down the rows, one measure column per topic) is read by the long path into the same values and flags."""
    rows = _wide_rows()
    topics, periods, units = rows[3], rows[4], rows[5]
    measures = list(dict.fromkeys(f"{tp} ({u})" if u not in tp else tp for tp, u in zip(topics[1:], units[1:])))
    lines = [["Jongeren met jeugdhulp; regio"], ["Regio's", "Perioden", *measures]]
    for row in rows[6:12]:
        by_period = {}
        for j in range(1, len(periods)):
            m = f"{topics[j]} ({units[j]})" if units[j] not in topics[j] else topics[j]
            by_period.setdefault(periods[j], {})[m] = row[j]
        lines += [[row[0], label, *(cells.get(m, "") for m in measures)] for label, cells in by_period.items()]
    long = cbs.read_statline(_write_csv(lines, tmp_path / "lang.csv"))
    keys = ["region", "period_code", "measure"]
    both = wide.merge(long, on=keys, suffixes=("_wide", "_long"), validate="one_to_one")
    assert len(both) == len(wide)
    assert np.allclose(both["value_wide"], both["value_long"], equal_nan=True)
    assert (both["missing_wide"].fillna("") == both["missing_long"].fillna("")).all()
    assert (both["flag_wide"] == both["flag_long"]).all() and (both["freq_wide"] == both["freq_long"]).all()


def test_topics_down_the_rows_with_a_unit_column_and_dimensions_in_the_header():
    """Source 1's layout exactly (tests/fixtures/cbs/README.md): dimension lines Geslacht and Leeftijd, then
    "Onderwerp";"Perioden";"2022";"2023*", one line per topic with its unit beside it; a national table."""
    data = cbs.read_statline(TOPICS_IN_ROWS)
    assert len(data) == 3 * 6 and data["region"].isna().all()
    assert list(data.columns[data.columns.get_loc("freq") + 1:data.columns.get_loc("measure")]) == ["Geslacht",
                                                                                                    "Leeftijd"]
    assert set(data["measure"]) == {COUNT, SHARE, "Jongeren met jeugdhulp en jeugdbescherming (aantal)"}
    girls = data[(data["Geslacht"] == "Meisjes") & (data["measure"] == COUNT)]
    assert girls["value"].tolist() == [175550, 179640] and girls["flag"].tolist() == ["", "voorlopig"]
    pct = data[(data["Geslacht"] == "Jongens") & (data["measure"] == SHARE)]
    assert pct["value"].tolist() == pytest.approx([13.0, 13.1])
    protection = data[data["measure"].str.contains("jeugdbescherming") & (data["period_code"] == "2023JJ00")]
    assert protection["missing"].tolist() == ["onbekend of geheim"] * 3
    rep = data.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (7, 3, 4)
    assert any(n.startswith("Geen kolom met regio's") for n in rep.notes)
    total = cbs.comparison_series(data[data["Geslacht"] == "Totaal jongens en meisjes"], measure=COUNT, region=None)
    assert total["count"].tolist() == [402130, 408950]


def _edited(tmp_path, line, column, text, *, xlsx=False):
    rows = _wide_rows()
    rows[line - 1][column - 1] = text
    if xlsx:
        return _write_xlsx(rows, tmp_path / "breed.xlsx")
    return _write_csv(rows, tmp_path / "breed.csv")


def test_an_unknown_period_label_is_refused_with_file_line_and_column(tmp_path):
    path = _edited(tmp_path, 5, 7, "2023 dertiende maand")
    with pytest.raises(InputError, match=r"'breed\.csv', regel 5, kolom 7: '2023 dertiende maand' is geen "
                                         r"CBS-periode") as err:
        cbs.read_statline(path)
    assert (err.value.file, err.value.row) == (str(path), 5)
    path = _edited(tmp_path, 5, 7, "2023 dertiende maand", xlsx=True)
    with pytest.raises(InputError, match=r"'breed\.xlsx', regel 5, kolom G: '2023 dertiende maand'"):
        cbs.read_statline(path)


def test_a_period_twice_for_the_same_topic_is_refused(tmp_path):
    """'2022' and '2021*' are two columns of one topic for the same year: which figures hold cannot be told."""
    with pytest.raises(InputError, match=r"regel 5: periode '2021\*' staat twee keer .* \(kolom 2 en kolom 3\)"):
        cbs.read_statline(_edited(tmp_path, 5, 3, "2021*"))
    rows = _wide_rows()  # the same year for the percentage is another topic: allowed
    assert rows[4][7] == "2021" and rows[3][7] == SHARE


def test_text_in_a_value_cell_is_refused_with_file_line_and_column(tmp_path):
    path = _edited(tmp_path, 10, 3, "7830 (schatting)")
    with pytest.raises(InputError, match=r"'breed\.csv', regel 10, kolom 3 \(Jongeren met jeugdhulp \(aantal\), "
                                         r"2022\): '7830 \(schatting\)' is geen getal en geen CBS-symbool") as err:
        cbs.read_statline(path)
    assert err.value.row == 10
    with pytest.raises(InputError, match=r"regel 10, kolom C \("):
        cbs.read_statline(_edited(tmp_path, 10, 3, "n.b.", xlsx=True))
    typed = (FIXTURES / "jeugdzorg_regio_typed.csv").read_text(encoding="utf-8").replace('"    7830"', '"zeven"')
    (tmp_path / "typed.csv").write_text(typed, encoding="utf-8")  # the long layout: the same refusal
    with pytest.raises(InputError, match=r"regel 9, kolom 4 \(TotaalJongerenMetJeugdzorg_1\): 'zeven'"):
        cbs.read_statline(tmp_path / "typed.csv")


def test_figures_without_a_period_header_or_without_a_region_are_not_lost(tmp_path):
    rows = _wide_rows()
    rows[9] = rows[9] + ["123"]  # a figure right of the last period: refused, not dropped
    with pytest.raises(InputError, match=r"regel 5, kolom 11: '' is geen CBS-periode"):
        cbs.read_statline(_write_csv(rows, tmp_path / "extra.csv"))
    rows = _wide_rows()
    rows.insert(12, [""] + rows[11][1:])  # figures with no region name: listed in the report
    data = cbs.read_statline(_write_csv(rows, tmp_path / "naamloos.csv"))
    rep = data.attrs["report"]
    assert rep.n_read == 17 and rep.n_used == 6
    assert rep.to_frame().set_index("row").loc[13, "reason"].startswith("regel met cijfers maar zonder regio")


_MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]


def _dutch_label(period: pd.Period) -> str:
    """StatLine's Dutch label of a period, written here independently of cbs.parse_period."""
    if period.freqstr.startswith("Q"):
        return f"{period.year} {period.quarter}e kwartaal"
    if period.freqstr == "6M":
        return f"{period.year} {1 if period.month == 1 else 2}e halfjaar"
    if period.freqstr == "M":
        return f"{period.year} {_MONTHS_NL[period.month - 1]}"
    return str(period.year)


def test_any_wide_table_is_read_back_cell_for_cell(tmp_path_factory):
    """Property: a wide table of random regions, topics, periods (years, half years, quarters, months, with
    * and **), numbers (whole, decimal comma) and CBS symbols, written with ';' or ',' in UTF-8 with BOM or
    Windows-1252, is read back with every cell in its place and the symbols' meaning kept."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    year = st.integers(2015, 2025)
    period = st.one_of(year.map(lambda y: pd.Period(year=y, freq="Y")),
                       st.tuples(year, st.sampled_from([1, 7])).map(lambda t: pd.Period(f"{t[0]}-{t[1]:02d}", "6M")),
                       st.tuples(year, st.integers(1, 4)).map(lambda t: pd.Period(year=t[0], quarter=t[1], freq="Q")),
                       st.tuples(year, st.integers(1, 12)).map(lambda t: pd.Period(year=t[0], month=t[1], freq="M")))
    cell = st.one_of(st.integers(0, 9_999_999).map(lambda v: (str(v), float(v), None)),
                     st.integers(0, 9999).map(lambda v: (f"{v // 10},{v % 10}", v / 10, None)),
                     st.sampled_from([(".", np.nan, "onbekend of geheim"), ("x", np.nan, "geheim"),
                                      ("", np.nan, "niet van toepassing"), ("-", 0.0, None)]))
    names = ["Leeuwarden", "Súdwest-Fryslân", "Fryslân (PV)", "Noord-Nederland (LD)", "Groningen (gemeente)", "Ede"]
    folder = tmp_path_factory.mktemp("eigenschap")

    @settings(max_examples=int(os.environ.get("CBS_PROPERTY_EXAMPLES", 25)), deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(regions=st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True),
           topics=st.lists(st.sampled_from(["Jongeren met jeugdhulp", "Jeugdbescherming", "Jeugdreclassering"]),
                           min_size=1, max_size=2, unique=True),
           periods=st.lists(st.tuples(period, st.sampled_from(["", "*", "**"])), min_size=1, max_size=5,
                            unique_by=lambda x: x[0]),
           data=st.data(), delimiter=st.sampled_from([";", ","]), encoding=st.sampled_from(["utf-8-sig", "cp1252"]))
    def check(regions, topics, periods, data, delimiter, encoding):
        columns = [(tp, p, f) for tp in topics for p, f in periods]
        grid = [[data.draw(cell) for _ in columns] for _ in regions]
        rows = [["Jeugd; regio (eigenschapstest)"], [""], ["Onderwerp", *(tp for tp, _, _ in columns)],
                ["Perioden", *(_dutch_label(p) + f for _, p, f in columns)], ["Regio's", *["aantal"] * len(columns)],
                *([r, *(c[0] for c in cells)] for r, cells in zip(regions, grid)), ["Bron: CBS"]]
        out = cbs.read_statline(_write_csv(rows, folder / "tabel.csv", delimiter=delimiter, encoding=encoding))
        assert len(out) == len(regions) * len(columns)
        k = 0
        for r, cells in zip(regions, grid):
            for (tp, p, f), (_, value, missing) in zip(columns, cells):
                got = out.iloc[k]
                assert (got["region"], got["period"], got["measure"], got["row"]) == (r, p, f"{tp} (aantal)", 6 + k
                                                                                       // len(columns))
                assert got["flag"] == {"": "", "*": "voorlopig", "**": "nader voorlopig"}[f]
                assert got["missing"] == missing
                assert (np.isnan(value) and np.isnan(got["value"])) or got["value"] == pytest.approx(value)
                k += 1
        rep = out.attrs["report"]
        assert (rep.n_read, rep.n_used) == (len(regions) + 3, len(regions))

    check()


def test_a_half_year_and_a_month_of_the_same_start_do_not_crash_the_long_reader(tmp_path):
    """Found by the property test above: '2015 1e halfjaar' and '2015 januari' in one file made pandas build one
    PeriodArray and fail (IncompatibleFrequency, a bare traceback) in both layouts; periods stay objects."""
    p = tmp_path / "gemengd.csv"
    p.write_text('"Perioden";"Regio\'s";"Aantal"\n"2015 1e halfjaar";"Ede";"3"\n"2015 januari";"Ede";"4"\n',
                 encoding="utf-8")
    data = cbs.read_statline(p)
    assert data["period"].tolist() == [pd.Period("2015-01", "6M"), pd.Period("2015-01", "M")]
    assert data["period_code"].tolist() == ["2015HJ01", "2015MM01"] and data["value"].tolist() == [3, 4]


def test_regions_across_the_columns_and_a_dimension_down_the_rows(tmp_path):
    """The other way StatLine can lay out the same table: topic and regions in header lines over the periods,
    a dimension (Geslacht) down the rows, its name left of the period line; regions then come from the header."""
    rows = [["Jeugdhulp; geslacht, regio"], ["", "Onderwerp", *["Jongeren met jeugdhulp"] * 4],
            ["", "Regio's", "Leeuwarden", "Leeuwarden", "Ede", "Ede"],
            ["Geslacht", "Perioden", "2022", "2023*", "2022", "2023*"],
            ["Jongens", "", "4100", "4200", "900", "."], ["Meisjes", "", "3730", "3800", "800", "x"], ["Bron: CBS"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "kolommen.csv"), regions={"Leeuwarden": "GM0080"})
    assert data.columns[data.columns.get_loc("freq") + 1] == "Geslacht"
    got = data.set_index(["region", "Geslacht", "period_code"])
    assert got.loc[("GM0080", "Meisjes", "2023JJ00"), "value"] == 3800
    assert got.loc[("Ede", "Jongens", "2023JJ00"), "missing"] == "onbekend of geheim"
    assert got.loc[("Ede", "Meisjes", "2023JJ00"), "missing"] == "geheim"
    assert got.loc[("GM0080", "Jongens", "2022JJ00"), "flag"] == "" and set(data["measure"]) == {"Jongeren met jeugdhulp"}
    assert len(data) == 8 and data.attrs["report"].n_used == 2


@pytest.mark.parametrize("period_line", [["Regio's", "2022", "2023*"], ["", "2022", "2023*"]])
def test_a_wide_export_without_topic_or_unit_lines(tmp_path, period_line):
    """Only the period line over the regions ('Regio's' in its first cell, or nothing): the regions are the
    unnamed first column and the measure is named by the title."""
    rows = [["Jongeren met jeugdhulp (aantal)"], period_line, ["Leeuwarden", "7830", "."], ["Ede", "1702", "1750"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "kaal.csv"))
    assert data["region"].tolist() == ["Leeuwarden"] * 2 + ["Ede"] * 2
    assert data["measure"].unique().tolist() == ["Jongeren met jeugdhulp (aantal)"]
    assert data["value"].tolist()[2:] == [1702, 1750] and data["flag"].tolist() == ["", "voorlopig"] * 2


def test_a_footer_as_wide_as_the_table_is_not_read_as_a_region(tmp_path):
    """Adversary: 'Bron: CBS' written with empty cells up to the table's width (as a spreadsheet saves it) was
    read as a region whose nine figures do not apply. After the last figure it is a footer line; a region line
    of empty cells between other regions keeps its 'niet van toepassing'."""
    rows = _wide_rows()
    width = len(rows[4])
    rows = [r + [""] * (width - len(r)) if i >= 12 else r for i, r in enumerate(rows)]
    rows.insert(9, ["Tytsjerksteradiel"] + [""] * (width - 1))
    data = cbs.read_statline(_write_csv(rows, tmp_path / "breed_vol.csv"))
    assert "Bron: CBS" not in set(data["region"]) and data["region"].nunique() == 7
    assert set(data.loc[data["region"] == "Tytsjerksteradiel", "missing"]) == {"niet van toepassing"}
    rep = data.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (17, 7, 10)


def test_a_unit_line_above_the_periods_is_a_unit_not_a_region(wide, tmp_path):
    """Adversary: with the unit line "Regio's";"aantal";...;"%" above the period line instead of under it, the
    units became the regions of every column. Units are recognised by what they say ('aantal', '%')."""
    rows = _wide_rows()
    rows[4], rows[5] = rows[5], rows[4]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "eenheid_boven.csv"))
    pd.testing.assert_frame_equal(_cells(data), _cells(wide))


def test_a_dimension_named_like_an_output_column_does_not_overwrite_it(tmp_path):
    rows = [["Tabel"], ["", "value", "a", "b"], ["", "Perioden", "2022", "2022"], ["Ede", "", "1", "2"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "botsing.csv"))
    assert data["value"].tolist() == [1, 2] and data["value (1)"].tolist() == ["a", "b"]


def test_the_2017_statline_export_with_topic_lines_and_a_unit_line(tmp_path):
    """The complete StatLine export of 37296ned quoted in the README of Nina92/fe3-assessment-2 (periods down the
    rows, three "Onderwerpen" lines, the unit line "Perioden";"aantal";..., a © footer), in Windows-1252 as
    StatLine wrote it then. Every column was named 'aantal'; the measure is the topic with its unit."""
    text = ('"Bevolking; kerncijfers"\n'
            + '"Onderwerpen";' + ";".join(['"Bevolking naar leeftijd (op 1 januari)"'] * 5) + "\n"
            + '"Onderwerpen";' + ";".join(['"Bevolking naar leeftijd, aantallen"'] * 5) + "\n"
            '"Onderwerpen";"Jonger dan 20 jaar";"20 tot 40 jaar";"40 tot 65 jaar";"65 tot 80 jaar";"80 jaar of ouder"\n'
            '"Perioden";"aantal";"aantal";"aantal";"aantal";"aantal"\n'
            '"1950";"3742499";"2951369";"2562311";"670995";"99599"\n'
            '"1960";"4331042";"3098779";"2968611";"864423";"154399"\n'
            '"2010";"3928334";"4192772";"5915555";"1890334";"647994"\n'
            '"© Centraal Bureau voor de Statistiek, Den Haag/Heerlen 10-10-2017"\n')
    p = tmp_path / "37296ned.csv"
    p.write_bytes(text.encode("cp1252"))
    data = cbs.read_statline(p)
    assert data["measure"].unique().tolist() == ["Jonger dan 20 jaar (aantal)", "20 tot 40 jaar (aantal)",
                                                 "40 tot 65 jaar (aantal)", "65 tot 80 jaar (aantal)",
                                                 "80 jaar of ouder (aantal)"]
    young = data[data["measure"] == "Jonger dan 20 jaar (aantal)"]
    assert young["value"].tolist() == [3742499, 4331042, 3928334]
    assert young["period_code"].tolist() == ["1950JJ00", "1960JJ00", "2010JJ00"] and data["region"].isna().all()
    rep = data.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (8, 3, 5)  # title, three topic lines, the © line


def test_a_recent_statline_download_with_dimensions_and_region_kinds(tmp_path):
    """The first lines of a real 2025 StatLine CSV download (``2023_onderwijsniveau.csv`` in the public
    repository Lex0803/project, from ``Hoogst_behaald_onderwijsniveau__regio_05062025_113647.csv``; CBS open
    data): unquoted ';', topic group and topic joined by '/', the unit in brackets, region names with their kind."""
    p = tmp_path / "onderwijsniveau.csv"
    p.write_text("Geslacht;Leeftijd;Perioden;Regio's;Bevolking (aantal);Onderwijsniveau 5 categorien/11 "
                 "Basisonderwijs (%)\n"
                 "Totaal mannen en vrouwen;15 tot 75 jaar;2023*;Nederland;13503400;8,8\n"
                 "Totaal mannen en vrouwen;15 tot 75 jaar;2023*;Noord-Nederland (LD);1326000;7,8\n"
                 "Totaal mannen en vrouwen;15 tot 75 jaar;2023*;Groningen (PV);463400;7,4\n", encoding="utf-8")
    data = cbs.read_statline(p)
    assert list(data.columns[data.columns.get_loc("freq") + 1:data.columns.get_loc("measure")]) == ["Geslacht",
                                                                                                    "Leeftijd"]
    share = data[data["measure"] == "Onderwijsniveau 5 categorien/11 Basisonderwijs (%)"]
    assert share["value"].tolist() == [8.8, 7.8, 7.4] and (share["flag"] == "voorlopig").all()
    assert share["region_kind"].tolist() == [None, "landsdeel", "provincie"]
    assert data.loc[data["measure"] == "Bevolking (aantal)", "value"].tolist() == [13503400, 1326000, 463400]


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_a_file_with_region_names_and_codes_uses_the_codes(tmp_path, layout):
    """An export with both (a names column 'Regio's' and the codes 'Codering', as the OData RegioS list pairs
    Title and Key): region is the code, region_name the name; the names are no dimension."""
    if layout == "long":
        rows = [["Perioden", "Regio's", "Codering", "Jongeren met jeugdhulp"],
                ["2022", "Leeuwarden", "GM0080    ", "7830"], ["2023*", "Leeuwarden", "GM0080    ", "."],
                ["2022", "Fryslân (PV)", "PV21      ", "17220"]]
    else:
        rows = [["", "", "Jongeren met jeugdhulp", "Jongeren met jeugdhulp"], ["", "Perioden", "2022", "2023*"],
                ["Regio's", "Codering", "aantal", "aantal"], ["Leeuwarden", "GM0080    ", "7830", "."],
                ["Fryslân (PV)", "PV21      ", "17220", "17330"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / f"{layout}.csv"))
    first = data.drop_duplicates("region").set_index("region")
    assert first["region_name"].to_dict() == {"GM0080": "Leeuwarden", "PV21": "Fryslân (PV)"}
    assert first["region_kind"].to_dict() == {"GM0080": "gemeente", "PV21": "provincie"}
    assert "Regio's" not in data.columns and "Codering" not in data.columns
    assert not any("zonder CBS-code" in n for n in data.attrs["report"].notes)


def test_excel_sheet_is_chosen_by_name_or_number(wide, tmp_path):
    import openpyxl

    path = _write_xlsx(_wide_rows(), tmp_path / "twee.xlsx")
    book = openpyxl.load_workbook(path)
    book.active.title = "Tabel"
    book.create_sheet("Toelichting", 0)["A1"] = "Toelichting bij de tabel"
    book.save(path)
    for sheet in ("Tabel", 1):
        pd.testing.assert_frame_equal(_cells(cbs.read_statline(path, sheet=sheet)), _cells(wide))
    with pytest.raises(InputError, match="geen kolom 'Perioden'"):
        cbs.read_statline(path)  # the first sheet holds no table
    with pytest.raises(InputError, match="geen tabblad 'Cijfers'.*Toelichting, Tabel"):
        cbs.read_statline(path, sheet="Cijfers")


# --- English StatLine (tables ...ENG) and topics down the rows with one dimension across -------------------------

_ENGLISH = {"Onderwerp": "Topic", "Perioden": "Periods", "Regio's": "Regions", "aantal": "number",
            "Bron: CBS": "Source: CBS", "2023 1e halfjaar**": "2023 1st half year**",
            "2023 1e kwartaal": "2023 1st quarter", "2023 januari": "2023 January",
            "Jongeren met jeugdhulp": "Young people with youth care",
            "Jongeren met jeugdhulp (% van alle jongeren tot 18 jaar)": "Young people with youth care "
                                                                        "(% of all young people under 18)"}


def test_an_english_statline_export_gives_the_same_figures_as_the_dutch_one(wide, tmp_path):
    """The wide fixture with the English StatLine's words (Topic, Periods, Regions, number, '2023 1st quarter',
    '2023 January', 'Source: CBS'): the same regions, periods, flags, values and missing reasons; only the
    measure names are English. Before, 'Periods' was read but '2023 1st quarter' was refused."""
    rows = [[_ENGLISH.get(c, c) for c in r] for r in _wide_rows()]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "youth_care_eng.csv"), lang="en")
    english = {"Young people with youth care (number)": COUNT,
               "Young people with youth care (% of all young people under 18)": SHARE}
    assert set(data["measure"]) == set(english)
    data["measure"] = data["measure"].map(english)
    pd.testing.assert_frame_equal(_cells(data), _cells(wide))
    assert data.attrs["report"].n_dropped == wide.attrs["report"].n_dropped


@pytest.mark.parametrize("label, code", [("2023 1st quarter", "2023KW01"), ("2023 4th quarter*", "2023KW04"),
                                         ("2023 2nd half year", "2023HJ02"), ("2023 October", "2023MM10"),
                                         ("2023 may", "2023MM05")])
def test_english_period_labels(label, code):
    assert cbs.period_code(cbs.parse_period(label)[0]) == code


def test_the_2017_english_statline_export_with_regions_across(tmp_path):
    """A real English StatLine export (hotel.csv in the public repository MauSNL/fe3-assessment-2, table
    "Hotels; guests, overnight stays, country of residence, region", 2017): topics down the rows in
    "Subjects_1", a dimension, the periods, then "Regions" over the unit ("x 1 000") and one column per region.
    Lines as in that file; its last year replaced by a provisional unknown to test the symbols. Before, the
    first line of figures was refused ("'Guests' is neither a number nor a CBS symbol")."""
    text = ('"Hotels; guests, overnight stays, country of residence, region"\n'
            '"Subjects_1";"Country of residence";"Periods";"Regions";"Nederland"\n'
            '"Guests";"The Netherlands";"2012";"x 1 000";"11288"\n'
            '"Guests";"The Netherlands";"2013";"x 1 000";"11504"\n'
            '"Guests";"The Netherlands";"2016*";"x 1 000";"."\n'
            '"© Statistics Netherlands, Den Haag/Heerlen 13-10-2017"\n')
    p = tmp_path / "hotel.csv"
    p.write_bytes(text.encode("cp1252"))
    data = cbs.read_statline(p, regions={"Nederland": "NL01"}, lang="en")
    assert data["region"].tolist() == ["NL01"] * 3 and data["region_name"].tolist() == ["Nederland"] * 3
    assert data["measure"].unique().tolist() == ["Guests (x 1 000)"]
    assert data["Country of residence"].unique().tolist() == ["The Netherlands"]
    assert data["value"].tolist()[:2] == [11288, 11504] and data["missing"].tolist()[2] == "onbekend of geheim"
    assert data["period_code"].tolist() == ["2012JJ00", "2013JJ00", "2016JJ00"]
    assert data["flag"].tolist() == ["", "", "voorlopig"] and data["row"].tolist() == [3, 4, 5]
    rep = data.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (5, 3, 2)  # the title and the © line


def test_topics_down_the_rows_with_regions_or_another_dimension_across(tmp_path):
    """The same layout in Dutch with two topics and two regions (each value: its line's topic and unit, its
    column's region), and with a dimension other than the region across (Geslacht): a dimension column and no
    region, with the note that says so. A bad period drops only its own line, named in the report."""
    rows = [["Jeugdhulp; regio"], ["Onderwerpen_1", "Perioden", "Regio's", "Leeuwarden", "Ede"],
            ["Jongeren met jeugdhulp", "2022", "aantal", "7 830", "1 702"],
            ["Jongeren met jeugdhulp", "2023*", "aantal", ".", "1 750"],
            ["Jongeren met jeugdhulp", "2023 13e maand", "aantal", "1", "2"],
            ["Jongeren met jeugdhulp", "2022", "%", "10,5", "7,6"], ["Bron: CBS"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "regio_over.csv"), regions={"Leeuwarden": "GM0080"})
    got = data.set_index(["region", "measure", "period_code"])
    assert got.loc[("GM0080", "Jongeren met jeugdhulp (aantal)", "2022JJ00"), "value"] == 7830
    assert got.loc[("Ede", "Jongeren met jeugdhulp (%)", "2022JJ00"), "value"] == 7.6
    assert got.loc[("GM0080", "Jongeren met jeugdhulp (aantal)", "2023JJ00"), "missing"] == "onbekend of geheim"
    assert len(data) == 6
    rep = data.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (6, 3, 3)
    assert rep.to_frame().set_index("row").loc[5, "reason"].startswith("periode niet te lezen")
    rows[1][2] = "Geslacht"
    rows[1][3:] = ["Jongens", "Meisjes"]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "geslacht_over.csv"))
    assert data["region"].isna().all() and set(data["Geslacht"]) == {"Jongens", "Meisjes"}
    assert any("regio" in n for n in data.attrs["report"].notes)


def test_regions_down_the_rows_with_a_unit_column_stay_the_long_layout(tmp_path):
    """Adversary: "Regio's";"Perioden";"Eenheid";<topics> (regions down the rows, a unit column before the
    measures) was taken for the layout with regions across: region missing, the topics in 'Eenheid'. The
    regions stand left, so it is the long layout, as before."""
    rows = [["Jeugdhulp; regio"], ["Regio's", "Perioden", "Eenheid", "Jongeren met jeugdhulp", "Jongeren met jeugdbescherming"],
            ["Leeuwarden", "2022", "aantal", "7830", "120"], ["Ede", "2022", "aantal", "1702", "30"], ["Bron: CBS"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "eenheid.csv"))
    assert data["region"].tolist() == ["Leeuwarden", "Ede"] * 2
    assert set(data["measure"]) == {"Jongeren met jeugdhulp", "Jongeren met jeugdbescherming"}
    assert set(data["Eenheid"]) == {"aantal"}


def test_across_layout_topic_levels_merged_cells_and_refused_headers(tmp_path):
    """Adversary: two topic levels became one measure (two values per period in a comparison series); a topic or
    unit written only on its first line (merged cells) gave a nameless measure; an empty or repeated column name
    was kept. Now the levels are joined with ' / ', topic and unit hold for the lines under them, a source line
    of two cells is a source line, and the headers are refused in Dutch with line and column."""
    rows = [["Jeugdhulp; regio"], ["Onderwerpen_1", "Onderwerpen_2", "Perioden", "Regio's", "Leeuwarden", "Ede"],
            ["Jeugdhulp", "Jongeren met jeugdhulp", "2022", "aantal", "7830", "1702"],
            ["", "", "2023*", "", ".", "1750"],
            ["Jeugdhulp", "Jongeren met jeugdbescherming", "2022", "aantal", "120", "30"],
            ["Bron:", "CBS StatLine"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "niveaus.csv"))
    series = cbs.comparison_series(data, measure="Jeugdhulp / Jongeren met jeugdhulp (aantal)", region="Ede")
    assert series["count"].tolist() == [1702, 1750]
    assert set(data["measure"]) == {"Jeugdhulp / Jongeren met jeugdhulp (aantal)",
                                    "Jeugdhulp / Jongeren met jeugdbescherming (aantal)"}
    rep = data.attrs["report"]
    assert (rep.n_read, rep.n_used, rep.n_dropped) == (5, 3, 2)  # title and source line
    rows[1][4:] = ["Leeuwarden", "Ede*"]  # a provisional region column: the star is its flag
    data = cbs.read_statline(_write_csv(rows, tmp_path / "ster.csv"))
    assert set(data["region"]) == {"Leeuwarden", "Ede"}
    assert set(data.loc[data["region"] == "Ede", "flag"]) == {"voorlopig"}
    assert data.loc[(data["region"] == "Leeuwarden") & (data["period_code"] == "2022JJ00"), "flag"].eq("").all()
    for header, pattern in [(["Leeuwarden", "leeuwarden "], "ook al boven kolom 5"), (["Leeuwarden", ""], "geen naam")]:
        rows[1][4:] = header
        with pytest.raises(InputError, match=f"regel 2, kolom 6: .*{pattern}"):
            cbs.read_statline(_write_csv(rows, tmp_path / "kop.csv"))


def test_english_thousands_separators_and_personal_data_in_a_topic(tmp_path):
    """Adversary: with ';' an English file's '7,830' was read as 7.83 (the Dutch decimal comma); a BSN in a topic
    name was not flagged in any layout. A line with a figure right of the header is refused, not a crash."""
    rows = [["Youth care"], ["Topic", "Periods", "Regions", "Leeuwarden", "Ede"],
            ["Young people", "2022", "number", "7,830", "1,702"], ["Young people 123456782", "2022", "number", "1", "2"]]
    data = cbs.read_statline(_write_csv(rows, tmp_path / "eng.csv"), lang="en")
    assert data["value"].tolist()[:2] == [7830, 1702]
    assert data.attrs["identifier_columns"] == ["measure"]
    long = tmp_path / "lang.csv"
    long.write_text('"Perioden";"RegioS";"Jongeren"\n"2022";"GM0080";"7830";"9"\n', encoding="utf-8")
    with pytest.raises(InputError, match="regel 2, kolom 4: '9' staat rechts van de laatste kolom"):
        cbs.read_statline(long)


def test_words_for_missing_keep_a_reason(tmp_path):
    """Adversary: 'n.v.t.' (typed over a CBS symbol) gave a missing value without a reason; every missing value
    says why ('niet van toepassing' for n.v.t./NA, 'onbekend of geheim' for onbekend)."""
    p = tmp_path / "woorden.csv"
    p.write_text('"Perioden";"RegioS";"Jongeren"\n"2021";"GM0080";"n.v.t."\n"2022";"GM0080";"onbekend"\n'
                 '"2023";"GM0080";"NA"\n', encoding="utf-8")
    data = cbs.read_statline(p)
    assert data["value"].isna().all()
    assert data["missing"].tolist() == ["niet van toepassing", "onbekend of geheim", "niet van toepassing"]
