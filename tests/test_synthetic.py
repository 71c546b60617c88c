"""Synthetic generators: their truth is what the data say, and example files are reproducible."""
import filecmp

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf

from evaluatie import InputError, synthetic
from evaluatie.cli import main


def test_dossier_truth_matches_data():
    data, truth = synthetic.dossier(seed=3)
    assert data["pupil"].nunique() == truth["n_pupils"] == 160
    canonical = data["agency_raw"].dropna().map(truth["mapping"])
    assert canonical.notna().all()  # every variant maps to a known agency
    assert canonical.nunique() == truth["n_agencies_true"]
    assert 30 <= truth["n_agencies_true"] <= 50
    per_agency = data.assign(a=data["agency_raw"].map(truth["mapping"])).dropna(subset=["a"]).groupby("a")["pupil"]
    assert per_agency.nunique().to_dict() == truth["pupils_per_agency"]
    assert (data["agency_raw"] != data["agency_raw"].map(truth["mapping"])).sum() > 20  # spelling variants exist


def test_dossier_partial_reading_and_several_schools():
    data, truth = synthetic.dossier(seed=4, read_fraction=0.5, n_schools=3)
    assert data.groupby("school")["pupil"].nunique().tolist() == [80, 80, 80]
    seen = data.dropna(subset=["agency_raw"]).assign(a=lambda d: d["agency_raw"].map(truth["mapping"]))
    for school, n_true in truth["n_agencies_true"].items():
        assert seen.loc[seen["school"] == school, "a"].nunique() <= n_true


def test_panel_rate_ratio_is_recovered_by_poisson_glm():
    data, truth = synthetic.panel(n_units=15, n_periods=36, treated_units=5, baseline=40.0, rate_ratio=0.75, seed=11)
    fit = smf.glm("count ~ treated + C(unit) + C(period)", data=data.assign(period=data["period"].astype(str)),
                  family=sm.families.Poisson(), offset=np.log(data["exposure"])).fit()
    lo, hi = np.exp(fit.conf_int().loc["treated"])
    assert lo < truth["rate_ratio"] < hi
    assert np.exp(fit.params["treated"]) == pytest.approx(0.75, abs=0.03)
    starts = data.dropna(subset=["start"]).groupby("unit")["start"].first()
    assert len(starts) == 5 and (data["treated"] == (data["period"] >= data["start"]).astype(int)).all()


def test_referrals_aggregate_to_panel():
    data, truth = synthetic.referrals(seed=5, n_units=4, n_periods=6, start_period=3)
    second = data[data["care_level"] == "second"].assign(period=lambda d: d["date"].dt.to_period("M").dt.start_time)
    counts = second.groupby(["unit", "period"]).size()
    expected = truth["panel"].set_index(["unit", "period"])["count"]
    pd.testing.assert_series_equal(counts.reindex(expected.index, fill_value=0), expected, check_names=False)


def test_panel_rejects_impossible_design():
    with pytest.raises(InputError, match="buiten de 6 perioden"):
        synthetic.panel(n_periods=6, start_period=12)
    with pytest.raises(InputError, match="Meer behandelde"):
        synthetic.panel(n_units=2, treated_units=3)


def test_survey_and_fragments_shapes():
    data, truth = synthetic.survey(seed=6)
    assert len(data) == 2 * sum(truth["groups"].values())
    items = [c for c in data if c.startswith(("samenwerking", "bereikbaarheid"))]
    answers = data[items].stack().dropna()
    dont_know = answers.eq("weet niet")
    assert 0 < dont_know.mean() < 0.06
    numeric = answers[~dont_know].astype(float)
    assert numeric.between(1, 5).all()
    coded = data[items].replace("weet niet", np.nan).astype(float)
    coded[truth["reversed"]] = 6 - coded[truth["reversed"]]
    means = coded.groupby(data["wave"]).mean().mean(axis=1)
    assert means["na"] > means["voor"]
    frags, truth = synthetic.fragments(seed=7)
    assert set(frags["code"]) <= set(truth["probabilities"]["ouder"])


def test_trajectories_share_within_norm():
    data, truth = synthetic.trajectories(n_cases=6000, seed=8)
    early = data[data["start"] <= pd.Timestamp(truth["study_end"]) - pd.Timedelta(days=90)]
    within = ((early["end"] - early["start"]).dt.days <= 90).groupby(early["group"]).mean()
    for group, share in truth["share_within_90"].items():
        assert within[group] == pytest.approx(share, abs=0.03)
    assert (data["end"].dropna() >= data.loc[data["end"].notna(), "start"]).all()


#: Files in data_raw/ written by hand, not by the generators: the example's README and pilot description.
HAND_WRITTEN = {"README.md", "pilot.toml"}


def test_example_files_regenerate_byte_for_byte(tmp_path, root):
    assert main(["voorbeelddata", "--map", str(tmp_path)]) == 0
    for sub in ("voorbeeld", "sjablonen"):
        committed = sorted(p.name for p in (root / "data_raw" / sub).iterdir() if p.name not in HAND_WRITTEN)
        fresh = sorted(p.name for p in (tmp_path / sub).iterdir())
        assert committed == fresh
        match, mismatch, errors = filecmp.cmpfiles(root / "data_raw" / sub, tmp_path / sub, fresh, shallow=False)
        assert mismatch == [] and errors == []


def test_synthetic_errors_in_english_with_lang_en():
    with pytest.raises(InputError, match="^start_period=8 lies outside the 6 periods \\(0 to 5\\)"):
        synthetic.panel(n_periods=6, start_period=8, lang="en")
    with pytest.raises(InputError, match="^More treated schools \\(9\\) than schools \\(4\\)"):
        synthetic.panel(n_units=4, treated_units=9, lang="en")
    with pytest.raises(InputError, match="^n_moved = 7 must lie between 0 and the number of pupils \\(4\\)"):
        synthetic.small_class(n_moved=7, lang="en")


def test_synthetic_dutch_error_text_is_unchanged_by_default():
    with pytest.raises(InputError) as info:
        synthetic.series(n_periods=10, intervention_period=12)
    assert str(info.value) == "intervention_period=12 moet tussen 0 en 10 liggen."
