"""From referrals to a panel (zeros kept, care levels apart), rates per group, the figure."""
import numpy as np
import pandas as pd
import pytest

from evaluatie import InputError, synthetic
from evaluatie.zorgvraag import period_start, plot_rates, prepare, rates_by_group, to_panel


@pytest.fixture(scope="module")
def refs():
    return synthetic.referrals(n_units=6, n_periods=24, treated_units=2, start_period=12, seed=21)


def test_to_panel_recovers_the_true_panel_with_zeros(refs):
    data, truth = refs
    panel = to_panel(data, truth["enrolment"], freq="M", start=truth["starts"])
    second = prepare(panel).sort_values(["unit", "period"]).reset_index(drop=True)
    expected = truth["panel"].sort_values(["unit", "period"]).reset_index(drop=True)
    assert second["count"].tolist() == expected["count"].tolist()
    assert second["treated"].tolist() == expected["treated"].tolist()
    assert (second["count"] == 0).any()  # months without referrals are kept
    assert len(panel) == 2 * 6 * 24 and set(panel["care_level"]) == {"first", "second"}


def test_to_panel_school_years_quarters_and_report(refs):
    data, truth = refs
    sy = to_panel(data, truth["enrolment"], freq="SY")
    assert sy["period"].dt.month.eq(8).all() and sy.groupby("care_level")["count"].sum().sum() == len(data)
    q = to_panel(data, truth["enrolment"][["unit", "exposure"]].drop_duplicates("unit"), freq="Q")
    assert q["period"].dt.month.isin([1, 4, 7, 10]).all()
    extra = pd.concat([data, pd.DataFrame({"pupil": ["x", "y"], "unit": ["Onbekend IKC", data["unit"].iloc[0]],
                                           "date": pd.to_datetime(["2022-01-05", "2030-01-01"]),
                                           "care_level": ["second", "second"], "provider": [None, None]})],
                      ignore_index=True)
    out = to_panel(extra, truth["enrolment"], freq="M")
    reasons = [e["reason"] for e in out.attrs["report"].entries]
    assert reasons == ["school niet in de leerlingaantallen", "datum valt buiten de perioden met leerlingaantallen"]
    with pytest.raises(InputError, match="freq"):
        period_start(data["date"], "W")
    with pytest.raises(InputError, match="mist kolom"):
        to_panel(data.drop(columns="date"), truth["enrolment"])


def test_rates_and_figure(refs):
    data, truth = refs
    panel = prepare(to_panel(data, truth["enrolment"], freq="Q", start=truth["starts"]))
    r = rates_by_group(panel)
    assert set(r["group"]) == {"met", "zonder"} and (r["lower"] <= r["rate"]).all()
    assert r.groupby("group")["n_units"].max().to_dict() == {"met": 2, "zonder": 4}
    ax = plot_rates(panel)
    assert "Verwijzingen per 1.000 leerlingen" in ax.get_ylabel()
    assert "Referrals" in plot_rates(panel, lang="en").get_ylabel()
    with pytest.raises(InputError, match="zorgniveau"):
        prepare(to_panel(data, truth["enrolment"]), care_level="derde")


def test_total_series_and_coarsen(refs):
    from evaluatie.zorgvraag import coarsen, total_series

    data, truth = refs
    panel = prepare(to_panel(data, truth["enrolment"], freq="M", start=truth["starts"]))
    series, start = total_series(panel)
    assert series["count"].sum() == panel["count"].sum() and len(series) == 24
    assert start == min(pd.to_datetime(list(truth["starts"].values())))
    q = coarsen(panel, "Q")
    assert q["count"].sum() == panel["count"].sum() and q.groupby("unit").size().eq(9).all()  # Aug 2021-Jul 2023
    first = q.groupby("unit")["exposure"].first() / q.groupby("unit")["exposure"].nth(1).to_numpy()
    assert first.between(0.6, 0.7).all()  # the first quarter has 2 of its 3 months
    with pytest.raises(InputError, match="startdatum"):
        total_series(panel.assign(start=pd.NaT))


def test_before_after_equals_rate_ratio_test(refs):
    from evaluatie.rates import rate_ratio_test
    from evaluatie.zorgvraag import before_after

    data, truth = refs
    panel = prepare(to_panel(data, truth["enrolment"], freq="M", start=truth["starts"]))
    units = panel[panel["start"].notna()]
    a, b = units[units["treated"] == 1], units[units["treated"] == 0]
    assert before_after(panel) == rate_ratio_test(a["count"].sum(), a["exposure"].sum(), b["count"].sum(),
                                                  b["exposure"].sum(), comparison="before_after")
    with pytest.raises(InputError, match="vóór én na"):
        before_after(panel[panel["treated"] == 0])


# --- #11: wrong answers that must be refused or right ---------------------------------------------
def _flat_panel(n_units=4, periods=("2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01")):
    """No effect at all: every school refers exactly 1% of its pupils every period."""
    units = [f"School {c}" for c in "ABCDEFGH"[:n_units]]
    p = pd.DataFrame([(u, pd.Timestamp(t), 100 * (i + 1)) for i, u in enumerate(units) for t in periods],
                     columns=["unit", "period", "exposure"])
    p["count"] = (p["exposure"] / 100).astype(int)
    p["start"] = pd.Timestamp(periods[2])
    return p


def test_total_series_sums_only_complete_unit_periods_and_refuses_shifting_units():
    """Enrolment missing for one school in the after-period made the area rate jump (+38% on real data)."""
    from evaluatie.zorgvraag import total_series

    p = _flat_panel()
    p.loc[(p["unit"] == "School D") & (p["period"] >= "2023-03-01"), "exposure"] = float("nan")
    with pytest.raises(InputError, match="Niet elke periode telt dezelfde scholen: School D ontbreekt \\(of mist"):
        total_series(p)
    p.loc[(p["unit"] == "School C") & (p["period"] == "2023-01-01"), "count"] = float("nan")
    with pytest.raises(InputError, match="School C, School D ontbreken \\(of missen .* laat deze scholen weg"):
        total_series(p)
    p.loc[p["unit"] == "School C", "count"] = 3.0
    series, _ = total_series(p, incomplete="drop_unit")
    rate = series["count"] / series["exposure"]
    assert rate.tolist() == pytest.approx([0.01] * 4) and series["n_units"].eq(3).all()
    notes = " ".join(series.attrs["notes"])
    assert "2 school-periode(n) zonder aantal of leerlingen" in notes and "School D" in notes
    with pytest.raises(InputError, match="parameter 'incomplete'"):
        total_series(p, incomplete="ja")


def test_treated_in_period_one_rule_per_frequency():
    """After = the intervention ran for at least half of the period; boundaries per frequency."""
    from evaluatie.zorgvraag import treated_in_period

    cases = {  # freq: (period start, [(start, after?)])
        "M": ("2024-01-01", [("2024-01-16", True), ("2024-01-17", False), ("2023-12-31", True)]),
        "Q": ("2024-01-01", [("2024-02-15", True), ("2024-02-16", False)]),
        "SY": ("2023-08-01", [("2023-09-01", True), ("2024-01-31", True), ("2024-02-01", False)]),
        "Y": ("2023-01-01", [("2023-07-02", True), ("2023-07-03", False)]),
    }
    for freq, (begin, checks) in cases.items():
        got = treated_in_period([pd.Timestamp(begin)] * len(checks), pd.to_datetime([s for s, _ in checks]), freq)
        assert got.tolist() == [a for _, a in checks], freq
    assert treated_in_period(pd.to_datetime(["2024-01-01"]), pd.NaT, "M").tolist() == [False]
    with pytest.raises(InputError, match="parameter 'freq'"):
        treated_in_period(pd.to_datetime(["2024-01-01"]), pd.Timestamp("2024-01-01"), "W")


@pytest.mark.filterwarnings("ignore::statsmodels.tools.sm_exceptions.PerfectSeparationWarning")  # exact data
def test_school_year_start_in_september_counts_for_that_school_year():
    """A start on 1-9-2023 left school year 2023/2024 untreated: −42% instead of the true −50%."""
    from evaluatie.did import panel_did
    from evaluatie.zorgvraag import coarsen

    years = pd.to_datetime([f"{y}-08-01" for y in range(2019, 2026)])
    units = [f"IKC {n}" for n in ("Noord", "Zuid", "Oost", "West", "Centrum", "Haven")]
    p = pd.DataFrame([(u, t) for u in units for t in years], columns=["unit", "period"])
    p["start"] = p["unit"].map({"IKC Noord": pd.Timestamp("2023-09-01"), "IKC Zuid": pd.Timestamp("2023-09-01")})
    p["exposure"] = 1000.0
    after = p["start"].notna() & (p["period"] >= "2023-08-01")
    p["count"] = np.where(after, 100, 200) * np.tile(np.arange(1, 8), 6)  # trend × effect, exact
    prepared = prepare(p)
    assert prepared.loc[prepared["unit"] == "IKC Noord", "treated"].tolist() == [0, 0, 0, 0, 1, 1, 1]
    r = panel_did(prepared, exposure="exposure", inference="cluster")
    assert r.ratio == pytest.approx(0.5, rel=1e-6)
    monthly = pd.DataFrame({"unit": "IKC Noord", "period": pd.date_range("2022-08-01", periods=24, freq="MS"),
                            "count": 1, "exposure": 300.0, "start": pd.Timestamp("2023-09-01")})
    assert coarsen(monthly, "SY")["treated"].tolist() == [0, 1]
    quarters = coarsen(monthly, "Q")
    on = quarters.set_index("period")["treated"]
    assert (on["2023-07-01"], on["2023-10-01"]) == (0, 1)  # 1 Sep ran for 1 of the 3 months of Jul-Sep
    assert prepare(quarters.drop(columns="treated"))["treated"].tolist() == quarters["treated"].tolist()


def test_to_panel_uses_the_same_rule(refs):
    data, truth = refs
    start = {u: pd.Timestamp(s) + pd.Timedelta(days=20) for u, s in truth["starts"].items()}
    monthly = to_panel(data, truth["enrolment"], freq="M", start=start)
    first = monthly[monthly["treated"] == 1].groupby("unit")["period"].min()
    # a start on the 21st of a month covers less than half of it: the next month is the first after
    assert (first.sort_index() == pd.Series({u: (s - pd.Timedelta(days=20)) + pd.DateOffset(months=1)
                                             for u, s in start.items()}).sort_index()).all()


def test_before_after_is_a_result_object(refs):
    from evaluatie.zorgvraag import before_after

    data, truth = refs
    r = before_after(prepare(to_panel(data, truth["enrolment"], freq="M", start=truth["starts"])))
    assert r.comparison == "before_after" and r.lower < r.ratio < r.upper
    assert "Zonder vergelijkingsgroep" in r.sentence() and "No comparison group" in r.sentence("en")
    f = r.to_frame()
    assert f.loc[0, "ratio"] == r.ratio and {"p_value", "percent_change", "count1", "exposure0"} <= set(f.columns)
    assert "p = " in r.summary()
    with pytest.raises(Exception):
        r.ratio = 2  # frozen


def test_enrolment_as_people_have_it(tmp_path):
    """Pupils per school as a dict, a Series or a table with Dutch headers give the same panel as the
    canonical ``unit, exposure`` table (README: ``panel_from_file(pad, leerlingen)``)."""
    from evaluatie.zorgvraag import enrolment_frame, panel_from_file

    refs = tmp_path / "verwijzingen.csv"
    refs.write_text("Leerling;School;Datum;Lijn\nL1;A;3-9-2023;tweedelijns\nL2;B;4-9-2023;eerstelijns\n"
                    "L3;A;5-10-2023;tweedelijns\n", encoding="utf-8")
    canonical = pd.DataFrame({"unit": ["A", "B"], "exposure": [300, 200]})
    expected = panel_from_file(refs, canonical, engine="pandas")
    for given in ({"A": 300, "B": 200}, pd.Series({"A": 300, "B": 200}),
                  pd.DataFrame({"School": ["A", "B"], "Aantal leerlingen": [300, 200]})):
        pd.testing.assert_frame_equal(panel_from_file(refs, given, engine="pandas"), expected)
    with pytest.raises(InputError, match="Verwacht een tabel"):
        enrolment_frame([300, 200])


def test_pupil_numbers_with_dutch_headers_or_per_school(refs):
    """The pupil numbers table had to use the internal names unit/exposure ('mist kolom(men) unit, exposure')."""
    from evaluatie.zorgvraag import enrolment_frame

    data, truth = refs
    enrol = truth["enrolment"][["unit", "exposure"]].drop_duplicates("unit")
    expected = to_panel(data, enrol, freq="Q")
    dutch = enrol.rename(columns={"unit": "School", "exposure": "Leerlingen"})
    pd.testing.assert_frame_equal(to_panel(data, dutch, freq="Q"), expected)
    per_school = dict(zip(enrol["unit"], enrol["exposure"]))
    pd.testing.assert_frame_equal(to_panel(data, per_school, freq="Q"), expected)
    pd.testing.assert_frame_equal(to_panel(data, pd.Series(per_school), freq="Q"), expected)
    with pytest.raises(InputError, match=r"leerlingaantallen mist kolom\(men\) Leerlingen \(of: aantalleerlingen"
                                         r".*Aanwezig: School, aantal ll\."):
        enrolment_frame(pd.DataFrame({"School": ["A"], "aantal ll": [3]}))


def test_to_panel_start_rule_per_frequency(refs):
    """Regression (#11): to_panel decides 'after' by the one rule of treated_in_period for every frequency; a start
    on 1 September is after for its school year, not for the quarter Jul-Sep (1 of 3 months) or calendar year."""
    data, truth = refs
    start = {u: pd.Timestamp("2022-09-01") for u in truth["starts"]}
    first = {"M": "2022-09-01", "Q": "2022-10-01", "SY": "2022-08-01", "Y": "2023-01-01"}
    for freq, expected in first.items():
        panel = to_panel(data, truth["enrolment"], freq=freq, start=start)
        started = panel[panel["unit"].isin(list(start))]
        assert started.loc[started["treated"] == 1, "period"].min() == pd.Timestamp(expected), freq
        assert (started["treated"] == (started["period"] >= expected)).all(), freq
        assert panel.loc[~panel["unit"].isin(list(start)), "treated"].eq(0).all()


def test_errors_in_english_with_lang_en():
    """lang="en" gives the panel helpers' refusals in English."""
    from evaluatie.zorgvraag import before_after, coarsen, total_series

    p = _flat_panel()
    with pytest.raises(InputError, match="^There is no start date \\(column 'start'\\)"):
        total_series(p.assign(start=pd.NaT), lang="en")
    gap = p.copy()
    gap.loc[(gap["unit"] == "School D") & (gap["period"] >= "2023-03-01"), "exposure"] = float("nan")
    with pytest.raises(InputError, match="^Not every period counts the same schools: School D is missing"):
        total_series(gap, lang="en")
    series, _ = total_series(gap, incomplete="drop_unit", lang="en")
    assert series.attrs["notes"] == ["2 school period(s) without a count or pupils not counted: School D 2023-03-01, "
                                     "School D 2023-04-01.",
                                     "1 school(s) left out because they do not count in all periods: School D."]
    with pytest.raises(InputError, match="^A before/after comparison needs periods before and after the start"):
        before_after(p.assign(treated=0), lang="en")
    with pytest.raises(InputError, match="^Column 'leerlingen' is missing from the panel"):
        coarsen(p, "Q", count="leerlingen", lang="en")
    with pytest.raises(InputError, match=r"^freq='W' does not exist; choose from: M \(month\), Q \(quarter\)"):
        period_start(p["period"], "W", lang="en")
    with pytest.raises(InputError, match="^No rows with care level 'derde'"):
        prepare(p.assign(care_level="second"), care_level="derde", lang="en")


def test_dutch_error_text_is_unchanged_by_default():
    from evaluatie.zorgvraag import total_series

    p = _flat_panel()
    with pytest.raises(InputError) as info:
        total_series(p.assign(start=pd.NaT))
    assert str(info.value) == "Er is geen startdatum (kolom 'start'); die is nodig voor een onderbroken tijdreeks."
    assert info.value.column == "start"
    with pytest.raises(InputError) as info:
        period_start(p["period"], "W")
    assert str(info.value) == ("freq='W' bestaat niet; kies uit: M (maand), Q (kwartaal), SY (schooljaar (1 aug – 31 "
                               "jul)), Y (kalenderjaar).")
