"""Nulmeting: counts recovered exactly from synthetic dossiers; Chao1/Chao2 equal to R vegan."""
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evaluatie import InputError, synthetic
from evaluatie.nulmeting import agency_counts, agency_table, chao1, chao2, fragmentation, pupil_table

# Reference values: R 4.2.2, vegan 2.6-4, script tests/reference/chao.R
#   estimateR(a1): S.obs 20, S.chao1 25.6, se.chao1 5.336065967
#   estimateR(a2): S.obs 6,  S.chao1 9.0,  se.chao1 4.415880433
#   specpool(rows1): Species 11, chao 43.4,        chao.se 22.98890035, n 10
#   specpool(rows2): Species 12, chao 23.22916667, chao.se 12.09669699, n 12
A1 = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 8, 12, 20, 1, 6, 2]
A2 = [1, 1, 1, 3, 5, 9]
ROWS1 = ["110000000000", "100100000000", "101000000001", "100000010000", "110000000000",
         "100010000000", "010000100000", "100000001000", "110000000100", "000000000010"]
ROWS2 = ["110000000000", "100100000000", "101000000001", "100000010000", "111000000000",
         "100110000000", "010000100000", "100000001000", "110000000100", "000000000011",
         "100000000001", "000001000000"]


def _matrix(rows):
    return np.array([[int(c) for c in r] for r in rows])


@pytest.mark.parametrize("counts, s_obs, estimate, se", [(A1, 20, 25.6, 5.336065967), (A2, 6, 9.0, 4.415880433)])
def test_chao1_equals_vegan_estimateR(counts, s_obs, estimate, se):
    r = chao1(counts)
    assert r.observed == s_obs
    assert_allclose(r.estimate, estimate, rtol=1e-6)
    assert_allclose(r.se, se, rtol=1e-6)
    assert r.observed <= r.lower <= r.estimate <= r.upper


@pytest.mark.parametrize("rows, s_obs, estimate, se", [(ROWS1, 11, 43.4, 22.98890035),
                                                       (ROWS2, 12, 23.22916667, 12.09669699)])
def test_chao2_equals_vegan_specpool(rows, s_obs, estimate, se):
    r = chao2(_matrix(rows))
    assert (r.observed, r.n) == (s_obs, len(rows))
    assert_allclose(r.estimate, estimate, rtol=1e-6)
    assert_allclose(r.se, se, rtol=1e-6)
    assert r.observed <= r.lower <= r.estimate <= r.upper


def test_richness_edge_cases_and_output():
    r = chao1([5, 7, 9])  # no singletons: nothing unseen is expected
    assert (r.estimate, r.se, r.lower, r.upper) == (3.0, 0.0, 3.0, 3.0)
    assert "Gevonden: 3 instanties" in r.summary() and "Observed: 3" in r.summary("en")
    assert r.to_frame().columns.tolist()[:6] == ["method", "observed", "estimate", "se", "lower", "upper"]
    with pytest.raises(InputError, match="gehele aantallen"):
        chao1([1.5, 2])
    with pytest.raises(InputError, match="minstens 2"):
        chao2(np.ones((1, 3)))
    with pytest.raises(InputError, match="één rij per leerling"):
        chao2([1, 0, 1])


def test_counts_recover_synthetic_truth_exactly():
    data, truth = synthetic.dossier(seed=21, n_schools=2)
    data = data.assign(agency=data["agency_raw"].map(truth["mapping"]))
    counts = agency_counts(data).set_index("school")
    for school, n_true in truth["n_agencies_true"].items():
        assert counts.loc[school, "n_pupils"] == 160
        assert counts.loc[school, "n_agencies"] == n_true
        table = agency_table(data).query("school == @school").set_index("agency")["n_pupils"]
        assert table.to_dict() == truth["pupils_per_agency"][school]
    per_pupil = pupil_table(data)
    expected_with = data.dropna(subset=["agency"]).groupby("school")["pupil"].nunique()
    assert (counts["n_pupils_with_agency"] == expected_with).all()
    assert (per_pupil.groupby("school")["n_agencies"].sum() == data.dropna(subset=["agency"]).groupby(
        "school").size()).all()


def test_duplicates_missing_and_single_pupil():
    d = pd.DataFrame({"school": ["A", "A", "A", "A", "B"], "pupil": ["p1", "p1", "p2", "p3", "q1"],
                      "agency": ["Accare", "Accare", "Wijkteam", None, "MEE"],
                      "agency_type": ["jeugd-GGZ", "jeugd-GGZ", None, None, "jeugdzorg"]})
    c = agency_counts(d, agency_type="agency_type").set_index("school")
    assert c.loc["A", ["n_pupils", "n_pupils_with_agency", "n_agencies"]].tolist() == [3, 2, 2]
    assert c.loc["A", "mean_agencies_per_pupil"] == pytest.approx(2 / 3)
    assert c.loc["A", "n_agencies_jeugd-GGZ"] == 1 and c.loc["A", "n_agencies_onbekend"] == 1
    assert c.loc["B", ["n_pupils", "n_agencies", "share_2plus"]].tolist() == [1, 1, 0.0]
    with pytest.raises(InputError, match="agencies.normalize"):
        agency_counts(d.drop(columns="agency"))


def test_fragmentation_known_values():
    d = pd.DataFrame({"school": "A", "pupil": ["p1", "p2", "p3", "p4"], "agency": ["x", "x", "y", "z"]})
    f = fragmentation(d).iloc[0]
    assert f["herfindahl"] == pytest.approx(0.5**2 + 0.25**2 + 0.25**2)
    assert f["effective_agencies"] == pytest.approx(1 / 0.375)
    assert f["share_single_pupil"] == pytest.approx(2 / 3) and f["top3_share"] == pytest.approx(1.0)
