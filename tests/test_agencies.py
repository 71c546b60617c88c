import pandas as pd
import pytest

from evaluatie import InputError, synthetic
from evaluatie.agencies import name_key, normalize


def test_reviewed_mapping_is_applied_first(tmp_path):
    data, truth = synthetic.dossier(seed=2)
    mapping = pd.DataFrame({"ruw": list(truth["mapping"]), "instantie": list(truth["mapping"].values())})
    mapping["soort"] = mapping["instantie"].map(truth["agency_type"])
    path = tmp_path / "koppeltabel.csv"
    mapping.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    out = normalize(data["agency_raw"], mapping=path)
    named = out.dropna(subset=["agency"])
    assert (named["method"] == "mapping").all() and not named["needs_review"].any()
    assert named["agency"].tolist() == data["agency_raw"].dropna().map(truth["mapping"]).tolist()
    assert named["agency_type"].tolist() == named["agency"].map(truth["agency_type"]).tolist()
    assert out.index.equals(data.index) and out["agency"].isna().sum() == data["agency_raw"].isna().sum()


def test_without_mapping_suggestions_are_flagged_and_precise():
    data, truth = synthetic.dossier(seed=0)
    out = normalize(data["agency_raw"])
    assert out.loc[out["method"].isin(["fuzzy", "new"]), "needs_review"].all()
    named = out.dropna(subset=["agency"])
    true = data.loc[named.index, "agency_raw"].map(truth["mapping"])
    majority = pd.crosstab(named["agency"], true).idxmax(axis=1)
    assert (named["agency"].map(majority) == true).mean() >= 0.98  # fuzzy suggestions rarely merge two agencies
    assert (named["score"] >= 85).all()


def test_exact_match_ignores_case_accents_and_punctuation():
    out = normalize(["Entrea-Lindenhout", "entrea lindenhout"], mapping=pd.DataFrame(
        {"raw": ["Entrea"], "agency": ["Entrea Lindenhout"], "agency_type": ["jeugdzorg"]}))
    assert out["method"].tolist() == ["exact", "exact"] and out["agency_type"].tolist() == ["jeugdzorg"] * 2
    assert name_key(" Diëtist (GGD) ") == "dietist ggd"


def test_bad_mapping():
    with pytest.raises(InputError, match="mist kolom"):
        normalize(["a"], mapping=pd.DataFrame({"naam": ["a"]}))
    with pytest.raises(InputError, match="bestaat niet"):
        normalize(["a"], mapping="geen_bestand.csv")
