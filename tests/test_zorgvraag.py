"""From referrals to a panel (zeros kept, care levels apart), rates per group, the figure."""
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
                                                  b["exposure"].sum())
    with pytest.raises(InputError, match="vóór én na"):
        before_after(panel[panel["treated"] == 0])
