"""Costs: arithmetic by hand, parsing of Dutch amounts, break-even, impact model, sensitivity and Monte Carlo."""
import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from evaluatie import InputError
from evaluatie.costs import deployment_cost, financing_scenarios, impact, parse_amount


@pytest.mark.parametrize("text, value", [("€ 1.234,50", 1234.5), ("€45,-", 45.0), ("EUR 12.000", 12000.0),
                                         ("8.500", 8500.0), ("12.50", 12.5), ("4200", 4200.0), (" 3,75 € ", 3.75),
                                         (4200, 4200.0)])
def test_parse_amount(text, value):
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["vierduizend", "€", "1,2,3", float("nan"), ""])
def test_parse_amount_rejects(text):
    with pytest.raises(InputError, match="geen bedrag"):
        parse_amount(text, name="salaris")


def test_deployment_cost_by_hand():
    c = deployment_cost(hours_per_week=20, salary_per_month="€ 4.200,00", employer_charges=0.3, overhead=0.15,
                        other_costs="€ 1.500", pupils_reached=180, cases=60, pupils_enrolled=11000, schools=42)
    expected = 4200 * 12 * 20 / 36 * 1.3 * 1.15 + 1500
    assert_allclose(c.annual_cost, expected)
    assert_allclose([c.cost_per_pupil_reached, c.cost_per_case, c.cost_per_enrolled_pupil, c.cost_per_school],
                    [expected / 180, expected / 60, expected / 11000, expected / 42])
    assert_allclose(c.break_even("€ 8.500"), expected / 8500)
    text = c.summary(trajectory_cost=8500)
    assert "€ 43.360 per jaar" in text and "Terugverdienpunt: 5,1" in text
    assert len(c.to_frame()) == 6 + 1 + 4 and c.plot() is not None


@pytest.mark.parametrize("kwargs, match", [
    ({"hours_per_week": -4, "salary_per_month": 4000}, "hours_per_week"),
    ({"hours_per_week": 20, "salary_per_month": "veel"}, "geen bedrag"),
    ({"hours_per_week": 20, "salary_per_month": 4000, "overhead": 1.5}, "tussen 0 en 1"),
    ({"hours_per_week": 20}, "annual_cost"),
    ({"annual_cost": 40000, "cases": -3}, "cases"),
    ({"annual_cost": 40000, "pupils_reached": 2.5}, r"'pupils_reached' \(bereikte leerlingen\) = 2.5 kan niet: moet een heel getal van 0 of meer zijn"),
    ({"annual_cost": 40000, "schools": "4,5"}, r"'schools' \(scholen\) = '4,5' kan niet: moet een heel getal"),
])
def test_deployment_cost_bad_input(kwargs, match):
    with pytest.raises(InputError, match=match):
        deployment_cost(**kwargs)


def test_financing_scenarios():
    f = financing_scenarios(collective_cost=deployment_cost(annual_cost=45000), pupils_helped=60,
                            individual_cost_per_pupil="€ 900", decision_cost=350)
    assert f.table["total_cost"].tolist() == [45000.0, 75000.0]
    assert f.break_even_pupils == 36.0
    assert "goedkoper" in f.sentence() and f.plot() is not None
    with pytest.raises(InputError, match="pupils_helped"):
        financing_scenarios(collective_cost=1, pupils_helped=0, individual_cost_per_pupil=900)


class _Effect:  # stands in for evaluatie.did.DidResult: the impact model only reads .ratio and .ratio_ci
    ratio = 0.75
    ratio_ci = (0.6, 0.94)


def test_impact_model_by_hand_and_assumptions_listed():
    r = impact(deployment=40000, baseline_trajectories=60, rate_ratio=_Effect(), trajectory_cost="€ 8.500",
               attribution=0.8, ranges={"trajectory_cost": (6000, 12000)})
    assert_allclose(r.base["avoided"], 60 * 0.25 * 0.8)
    assert_allclose(r.base["net"], 60 * 0.25 * 0.8 * 8500 - 40000)
    f = r.to_frame().set_index("quantity")
    assert_allclose(f.loc["avoided", ["lower", "upper"]].astype(float), [60 * 0.06 * 0.8, 60 * 0.4 * 0.8])
    a = r.assumptions().set_index("name")
    assert set(a.index) == {"annual_cost", "baseline_trajectories", "rate_ratio", "attribution", "trajectory_cost"}
    assert "voor-na-analyse" in a.loc["rate_ratio", "source"] and a.loc["rate_ratio", "low"] == 0.6
    text = r.summary()
    for label in ("gemiddelde kosten van een tweedelijns traject", "toe te schrijven", "Niet meegenomen"):
        assert label in text
    assert_allclose(r.break_even_rate_ratio, 1 - 40000 / (60 * 0.8 * 8500))
    assert r.plot() is not None


def test_tornado_one_way():
    r = impact(deployment=40000, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.6, 1.05),
               trajectory_cost=8500, ranges={"trajectory_cost": (6000, 12000), "attribution": (0.5, 1.0)})
    tab = r.tornado()
    assert tab["name"].tolist() == ["rate_ratio", "trajectory_cost", "attribution"]
    row = tab.set_index("name").loc["trajectory_cost"]
    assert_allclose([row["net_low"], row["net_high"]], [60 * 0.2 * 6000 - 40000, 60 * 0.2 * 12000 - 40000])
    assert r.plot_tornado() is not None


def test_monte_carlo_matches_analytic_probability():
    """Only the rate ratio uncertain: P(pays) = P(RR < break-even RR) under the log-normal."""
    r = impact(deployment=40000, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.6, 1.05),
               trajectory_cost=8500)
    sd = (np.log(1.05) - np.log(0.6)) / (2 * stats.norm.ppf(0.975))
    truth = stats.norm.cdf((np.log(r.break_even_rate_ratio) - np.log(0.8)) / sd)
    mc = r.monte_carlo(n=20000, seed=1)
    se = np.sqrt(truth * (1 - truth) / 20000)
    assert abs(mc.probability_pays - truth) < 4 * se
    assert r.monte_carlo(n=20000, seed=1).probability_pays == mc.probability_pays  # seeded
    assert "Kans dat de inzet zich terugverdient" in mc.sentence() and mc.plot() is not None


def test_impact_bad_input():
    with pytest.raises(InputError, match="laag ≤"):
        impact(deployment=1, baseline_trajectories=60, rate_ratio=0.8, trajectory_cost=8500,
               ranges={"trajectory_cost": (9000, 12000)})
    with pytest.raises(InputError, match="Kies uit"):
        impact(deployment=1, baseline_trajectories=60, rate_ratio=0.8, trajectory_cost=8500,
               ranges={"kosten": (1, 2)})
    with pytest.raises(InputError, match="verhouding groter dan 0"):
        impact(deployment=1, baseline_trajectories=60, rate_ratio=-0.8, trajectory_cost=8500)
    with pytest.raises(InputError, match="niet allebei"):
        impact(deployment=1, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.5, 1),
               trajectory_cost=8500, ranges={"rate_ratio": (0.5, 1)})
    with pytest.raises(InputError, match="Geen bandbreedtes"):
        impact(deployment=1, baseline_trajectories=60, rate_ratio=0.8, trajectory_cost=8500).plot_tornado()


def test_english_texts():
    c = deployment_cost(hours_per_week=20, salary_per_month=4200, pupils_reached=100)
    assert "per pupil reached" in c.summary(lang="en", trajectory_cost=8000)
    r = impact(deployment=c, baseline_trajectories=40, rate_ratio=0.8, rate_ratio_ci=(0.6, 1.05), trajectory_cost=8500)
    assert "Assumptions" in r.summary(lang="en") and "Probability" in r.monte_carlo(n=500).sentence(lang="en")
    f = financing_scenarios(collective_cost=c, pupils_helped=60, individual_cost_per_pupil=900)
    assert "collective" in f.summary(lang="en")


def test_impact_sentence_follows_the_evidence():
    """A net result whose range (from the effect's interval) crosses zero is not 'verdient zich terug'."""
    # 60 trajectories × 8,500 × (1 − rr): rr 0.8 saves 102,000 against 40,000; the interval 0.6–1.05 runs
    # from saving 204,000 to costing 25,500 more: 164,000 to −65,500 net
    unsure = impact(deployment=40000, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.6, 1.05),
                    trajectory_cost=8500)
    text = unsure.sentence()
    assert "kan ook geld kosten" in text and "verdient zich terug met" not in text
    assert "saldo € 62.000 per jaar" in text and "van −€ 65.500 tot € 164.000" in text
    assert "may also cost money" in unsure.sentence("en")
    sure = impact(deployment=40000, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.6, 0.9),
                  trajectory_cost=8500)
    assert "de inzet verdient zich terug met € 62.000 per jaar" in sure.sentence()
    loses = impact(deployment=400000, baseline_trajectories=60, rate_ratio=0.8, rate_ratio_ci=(0.6, 0.9),
                   trajectory_cost=8500)
    assert "per saldo € 298.000 per jaar meer kosten dan besparing" in loses.sentence()


def test_hours_above_a_full_time_week_warn_and_zero_hours_are_refused():
    """20 hours is fine; 40 of a 36-hour week is accepted with a Dutch warning (often hours per month); 0 is no
    deployment and refused, as negative hours are."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert deployment_cost(hours_per_week=36, salary_per_month=4200).notes == ()  # exactly full time: no warning
    with pytest.warns(UserWarning, match=r"40 uur per week is meer dan een voltijdbaan \(36 uur\)") as caught:
        c = deployment_cost(hours_per_week=40, salary_per_month=4200)
    assert c.notes == (str(caught[0].message),) and "per maand of per jaar" in c.notes[0]
    assert_allclose(c.annual_cost, 4200 * 12 * 40 / 36 * 1.3 * 1.15)  # still computed: the reader decides
    with pytest.warns(UserWarning, match="38 uur per week is meer dan een voltijdbaan \\(37,5 uur\\)"):
        deployment_cost(hours_per_week=38, salary_per_month=4200, fte_hours=37.5)
    with pytest.warns(UserWarning, match="more than a full-time job"):
        deployment_cost(hours_per_week=40, salary_per_month=4200, lang="en")
    for hours in (0, -4, "0"):
        with pytest.raises(InputError, match=r"'hours_per_week' \(uren per week\) = .* kan niet: moet meer dan 0 zijn"):
            deployment_cost(hours_per_week=hours, salary_per_month=4200)


def test_one_assumptions_table_for_costs_and_impact():
    """The deployment's assumptions are shown the same way alone and inside the impact model: amounts as given."""
    c = deployment_cost(hours_per_week=22.5, salary_per_month="€ 4.200,50", other_costs="€ 1.500")
    alone = c.assumptions_table()
    assert alone.columns.tolist() == ["aanname", "waarde", "laag", "hoog", "bron"]
    assert alone["waarde"].tolist() == ["22,5", "€ 4.200,50", "36", "30%", "15%", "€ 1.500"]
    assert alone["bron"].str.startswith("standaardaanname").tolist() == [False, False, True, True, True, False]
    r = impact(deployment=c, baseline_trajectories=40, rate_ratio=0.8, trajectory_cost="€ 8.500",
               ranges={"trajectory_cost": ("€ 6.000", "€ 12.000,75")})
    both = r.assumptions_table()
    assert both.iloc[:len(alone)].equals(alone)
    assert both.set_index("aanname").loc["gemiddelde kosten van een tweedelijns traject", ["laag", "hoog"]].tolist() \
        == ["€ 6.000", "€ 12.000,75"]


def test_financing_inputs_are_named_by_what_they_are():
    with pytest.raises(InputError, match=r"'pupils_helped' \(geholpen leerlingen per jaar\) = 0 kan niet: moet meer dan 0"):
        financing_scenarios(collective_cost=45000, pupils_helped=0, individual_cost_per_pupil=900)
    with pytest.raises(InputError, match=r"'individual_cost_per_pupil' \(kosten van de hulp per leerling"):
        financing_scenarios(collective_cost=45000, pupils_helped=60, individual_cost_per_pupil="€ -900")
    with pytest.raises(InputError, match=r"'decision_cost' \(kosten van de toegang per beschikking\)"):
        financing_scenarios(collective_cost=45000, pupils_helped=60, individual_cost_per_pupil=900, decision_cost=-1)
    f = financing_scenarios(collective_cost="€ 45.000", pupils_helped="60", individual_cost_per_pupil="€ 899,50",
                            decision_cost="€ 350,50")
    assert f.table["total_cost"].tolist() == [45000.0, 60 * 1250.0] and f.break_even_pupils == 36.0
