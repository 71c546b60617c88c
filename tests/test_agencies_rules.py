"""Rules for agency names without a reviewed mapping: acronyms, a place as the only difference, a role at an
agency, and generic names ("Wijkteam") that are never merged into one specific team."""
import pandas as pd
import pytest

from evaluatie.agencies import name_key, normalize, review_sheet, similarity

GGD = ["GGD", "G.G.D. Fryslân", "GGD Fryslân", "jeugdarts ggd", "JGZ (GGD)"]


def _by_raw(names, **kwargs):
    return normalize(names, **kwargs).drop_duplicates("raw").set_index("raw")


# --- regression: the two wrong answers a new user found (both failed on the code before these rules)

def test_regression_one_ggd_is_counted_once():
    # before: three agencies, 'GGD' (with 'JGZ (GGD)'), 'G.G.D. Fryslân' (with 'GGD Fryslân') and 'jeugdarts
    # ggd', so the number of distinct agencies was inflated by two
    out = normalize(GGD)
    assert out["agency"].nunique() == 1 and out["agency"].iloc[0] == "GGD"
    assert out["method"].tolist() == ["new", "region", "region", "role", "fuzzy"]
    assert out["needs_review"].iloc[1:].all() and out["reason"].iloc[1:].notna().all()  # every merge explained


def test_regression_generic_wijkteam_is_not_merged_into_one_team():
    # before: 'Wijkteam' -> 'Wijkteam Noord' (fuzzy, score 100: 'noord' was ignored), silently
    out = _by_raw(["Wijkteam Noord", "Wijkteam Noord", "Wijkteam"])
    assert out.loc["Wijkteam", "agency"] == "Wijkteam" and out.loc["Wijkteam", "method"] == "ambiguous"
    assert out.loc["Wijkteam", "needs_review"]
    assert out.loc["Wijkteam", "reason"] == ("'Wijkteam' kan 'Wijkteam Noord' zijn; niet samengevoegd — leg het vast "
                                             "in de koppeltabel")
    assert out.loc["Wijkteam Noord", "method"] == "new"


def test_regression_two_teams_with_different_places_stay_two():
    # before: 'Wijkteam Noord' / 'Wijkteam Zuid' scored 100 (both places were ignored) and merged
    out = _by_raw(["Wijkteam Noord", "Wijkteam Zuid", "Jeugdbescherming Noord", "Jeugdbescherming Friesland",
                   "Wijkteam Oost", "Wijkteam West"])
    assert out["agency"].tolist() == out.index.tolist() and (out["method"] == "new").all()


# --- (a) acronyms

@pytest.mark.parametrize("written", ["G.G.D.", "g.g.d", "G. G. D.", "G G D", " GGD ", "G.G.D", "ggd.", "Ggd"])
def test_acronym_with_dots_or_spaces_is_the_acronym(written):
    assert name_key(written) == "ggd"
    out = normalize(["GGD", written])
    assert out["agency"].tolist() == ["GGD", "GGD"] and out["method"].iloc[1] in ("new", "exact")
    if written.strip() != "GGD":
        assert "GGD" in out["reason"].iloc[1]  # the other spelling is shown with its reason


def test_acronym_rule_positive_and_negative():
    assert name_key("M.E.E.") == name_key("MEE") == "mee" and name_key("M.E.E. Noord") == "mee noord"
    assert "afkorting" in normalize(["MEE", "M.E.E."])["reason"].iloc[1]
    # an initial before a word, lower-case letters with spaces only, two different acronyms: no acronym merge
    assert name_key("J. de Vries") == "j de vries" and name_key("a b") == "a b"
    assert name_key("Kinderarts ZH") == "kinderarts zh" and name_key("G.G.Z.") != name_key("G.G.D.")
    assert normalize(["GGD", "G.G.Z."])["agency"].tolist() == ["GGD", "G.G.Z."]
    assert name_key("n.v.t.") == "nvt" and normalize(["n.v.t."])["agency"].isna().all()  # still "no agency"


# --- (b) a place or region as the only difference

@pytest.mark.parametrize("regional", ["GGD Fryslân", "ggd  fryslan.", "GGD FRYSLAN", "G.G.D. Fryslân,",
                                      "GGD Friesland", "GGD regio Fryslân", "GGD (Fryslân)", "GGD Fryslân ambulant"])
def test_a_place_is_merged_when_it_is_the_only_regional_variant(regional):
    out = normalize(["GGD", "GGD", regional])
    assert out["agency"].tolist() == ["GGD"] * 3 and out["method"].iloc[2] == "region"
    assert "alleen in de plaats of regio" in out["reason"].iloc[2]


def test_spellings_of_one_region_are_one_variant():
    # Fryslân / Fryslan / Friesland are one region: still a single regional variant of 'GGD'
    out = normalize(["GGD", "GGD", "GGD Fryslân", "GGD Friesland", "ggd fryslan"])
    assert out["agency"].nunique() == 1


def test_a_place_is_not_merged_when_the_data_have_two_regional_variants():
    out = _by_raw(["GGD", "GGD Fryslân", "GGD Groningen"])
    assert out["agency"].tolist() == ["GGD", "GGD Fryslân", "GGD Groningen"]
    assert out.loc["GGD", "method"] == "ambiguous"
    assert out.loc["GGD", "reason"].startswith("'GGD' kan 'GGD Fryslân' of 'GGD Groningen' zijn; niet samengevoegd")
    # organisations that share a word and both carry a place are different; the bare name is ambiguous
    out = _by_raw(["Jeugdbescherming Noord", "Jeugdbescherming Friesland", "jeugdbescherming"])
    assert out["agency"].nunique() == 3 and out.loc["jeugdbescherming", "method"] == "ambiguous"
    # with one of them present the bare name is that one (a region has one youth protection agency); the
    # spelling written most often names it
    out = _by_raw(["Jeugdbescherming Noord", "jeugdbescherming", "Jeugdbescherming"])
    assert out["agency"].unique().tolist() == ["jeugdbescherming"]
    assert out.loc["Jeugdbescherming Noord", "method"] == "region"
    out = _by_raw(["Jeugdbescherming Noord", "Jeugdbescherming Noord", "jeugdbescherming"])
    assert out["agency"].unique().tolist() == ["Jeugdbescherming Noord"]
    assert out.loc["jeugdbescherming", "method"] == "region"


def test_words_that_are_no_place_never_trigger_the_regional_rule():
    out = _by_raw(["Vroeghulp", "Vroeghulp Plus", "Karakter", "Karakter Academie", "GGZ Centraal", "GGZ"])
    assert out["agency"].tolist() == out.index.tolist()
    assert out.loc["GGZ", "method"] != "region"


def test_the_mapping_always_wins_over_the_regional_rule():
    mapping = pd.DataFrame({"raw": ["GGD"], "agency": ["GGD Groningen"]})
    out = _by_raw(["GGD", "GGD Fryslân"], mapping=mapping)
    assert out.loc["GGD", "agency"] == "GGD Groningen" and out.loc["GGD", "method"] == "mapping"
    assert out.loc["GGD Fryslân", "agency"] == "GGD Fryslân"  # not merged: the mapping names another GGD
    # a mapping agency with a place is a target: 'GGD' joins it when it is the only regional variant
    mapping = pd.DataFrame({"raw": ["GGD Fryslân"], "agency": ["GGD Fryslân"]})
    out = _by_raw(["GGD", "GGD", "GGD", "GGD Fryslân"], mapping=mapping)
    assert out.loc["GGD", "agency"] == "GGD Fryslân" and out.loc["GGD", "method"] == "region"
    assert out.loc["GGD Fryslân", "method"] == "mapping"


# --- (c) a role at an agency

@pytest.mark.parametrize("role", ["jeugdarts ggd", "Jeugdarts GGD", "jeugdarts van de GGD", "jeugdarts (GGD)",
                                  "GGD-jeugdarts", "jeugdarts G.G.D.", "jeugdverpleegkundige bij de GGD"])
def test_a_role_at_an_agency_in_the_data_is_that_agency(role):
    out = normalize(["GGD", role])
    assert out["agency"].tolist() == ["GGD", "GGD"] and out["method"].iloc[1] == "role"
    assert out["reason"].iloc[1] == f"'{role}' is een functie bij 'GGD'; geteld als 'GGD' — controleer het"


def test_role_rule_positive_and_negative():
    out = _by_raw(["Stichting X", "schoolmaatschappelijk werk (Stichting X)", "Schoolmaatschappelijk werk"])
    assert out.loc["schoolmaatschappelijk werk (Stichting X)", "agency"] == "Stichting X"
    assert out.loc["Schoolmaatschappelijk werk", "method"] == "new"  # the service itself is no role form
    # the agency is not in the data: the role form stays itself
    assert normalize(["jeugdarts ggd", "Accare"])["method"].tolist() == ["new", "new"]
    # an agency that is itself generic ('huisarts') or a title before a name that is no agency: no merge
    out = _by_raw(["Huisarts", "Praktijkondersteuner huisarts", "jeugdarts huisarts", "Kinderpsycholoog Vrij",
                   "psycholoog Vrij"])
    assert out["agency"].tolist() == out.index.tolist()
    # a role at a regional agency: the role's agency part ('GGD Fryslân') decides
    out = _by_raw(["GGD Fryslân", "jeugdarts GGD Fryslân", "GGD Groningen"])
    assert out.loc["jeugdarts GGD Fryslân", "agency"] == "GGD Fryslân"
    # a role is never the name an agency is published under
    out = _by_raw(["jeugdarts GGD", "jeugdarts GGD", "jeugdarts GGD", "GGD Fryslân"])
    assert out["agency"].unique().tolist() == ["GGD Fryslân"]
    assert out.loc["jeugdarts GGD", "method"] == "role" and "plaats of regio" in out.loc["jeugdarts GGD", "reason"]


# --- (d) generic names

@pytest.mark.parametrize("bare", ["Wijkteam", "wijkteam ", "WIJKTEAM", "het wijkteam", "Wijkteam."])
def test_a_generic_name_is_never_merged_into_one_specific_team(bare):
    out = _by_raw(["Wijkteam Noord", "Wijkteam Noord", bare])
    assert out.loc[bare, "agency"] == bare.strip() and out.loc[bare, "method"] == "ambiguous"
    assert "kan 'Wijkteam Noord' zijn; niet samengevoegd — leg het vast in de koppeltabel" in out.loc[bare, "reason"]
    two = _by_raw(["Wijkteam Noord", "Wijkteam Zuid", bare])
    assert two.loc[bare, "reason"].endswith("kan 'Wijkteam Noord' of 'Wijkteam Zuid' zijn; niet samengevoegd — "
                                            "leg het vast in de koppeltabel")
    assert two["agency"].nunique() == 3


def test_generic_names_without_a_specific_variant_are_plain_names():
    out = normalize(["Wijkteam", "Buurtteam", "Huisarts", "Wijkteam De Hoek"])
    assert out["method"].tolist() == ["new"] * 4 and out["reason"].isna().all()


def test_reasons_in_english():
    out = _by_raw(["GGD", "GGD", "GGD Fryslân", "jeugdarts ggd", "Wijkteam", "Wijkteam Noord"], lang="en")
    assert out.loc["GGD Fryslân", "reason"].startswith("'GGD' and 'GGD Fryslân' differ only in the place or region")
    assert out.loc["jeugdarts ggd", "reason"].startswith("'jeugdarts ggd' is a role at 'GGD'")
    assert out.loc["Wijkteam", "reason"] == "'Wijkteam' may be 'Wijkteam Noord'; not merged — record it in the lookup table"


def test_similarity_sees_acronyms_and_places():
    assert similarity("G.G.D. Fryslân", "GGD Fryslan") == 100
    assert similarity("GGD Fryslân", "GGD") == 0 and similarity("Wijkteam Noord", "Wijkteam Zuid") == 0
    assert similarity("Accare Zwolle", "Acare Zwolle") >= 85  # a spelling error with the same place still matches


# --- where a student sees it: review sheet and quality report

def test_review_sheet_and_quality_report_show_the_rules(tmp_path):
    from evaluatie import nulmeting
    from evaluatie.quality import QualityReport

    names = GGD + ["Wijkteam", "Wijkteam Noord"]
    sheet = pd.read_excel(review_sheet(names, tmp_path / "controle.xlsx")).set_index("schrijfwijze_in_dossier")
    assert sheet.loc["jeugdarts ggd", "methode"] == "role" and sheet.loc["GGD Fryslân", "methode"] == "region"
    assert sheet.loc["Wijkteam", "controleren"] == "ja" and "niet samengevoegd" in sheet.loc["Wijkteam", "reden"]
    d = pd.DataFrame({"school": "A", "pupil": [f"p{i}" for i in range(len(names))], "agency_raw": names})
    rep = QualityReport(source="x", kind="dossier", n_read=len(d))
    res = nulmeting.analyze(d, report=rep)
    assert int(res.counts["n_agencies"].iloc[0]) == 3  # GGD, Wijkteam, Wijkteam Noord
    notes = "\n".join(map(str, rep.notes))
    assert ("Instantienaam: 'Wijkteam' kan 'Wijkteam Noord' zijn; niet samengevoegd — leg het vast in de "
            "koppeltabel.") in notes
    assert "'jeugdarts ggd' is een functie bij 'GGD'" in notes


# --- known truth: the example data and the generator

def test_example_data_without_mapping_against_the_generator_truth(root):
    """data_raw/voorbeeld (synthetic.write_example_files): its koppeltabel is the generator's truth.

    Without the koppeltabel the rules change three decisions, checked against that truth: 'Dyslexie Centrum
    Noord' joins 'Dyslexiecentrum' (region; true) and 'jeugdarts GGD' joins 'JGZ GGD' (role; true), while
    'Wijkteam' is no longer merged into 'Wijkteam Noord' (the generator made both spellings of one team, but
    from the names alone 'Wijkteam' could be any team: listed, not guessed). 74 -> 73 distinct agencies over
    the four schools (truth: 51); no two true agencies are merged (the old subset scorer merged 'Vroeghulp'
    into 'Integrale vroeghulp' and 'Huisarts' into 'Praktijkondersteuner huisarts').
    """
    from evaluatie import read_table

    voorbeeld = root / "data_raw" / "voorbeeld"
    data, _ = read_table(voorbeeld / "dossieronderzoek_sbo.xlsx", kind="dossier")
    truth = pd.read_csv(voorbeeld / "koppeltabel_instanties.csv", sep=";", encoding="utf-8-sig")
    truth = dict(zip(truth["naam_in_dossier"].map(name_key), truth["instantie"]))
    out = normalize(data["agency_raw"]).dropna(subset=["agency"])
    true = data.loc[out.index, "agency_raw"].map(lambda v: truth[name_key(v)])
    assert out.assign(true=true).groupby("agency")["true"].nunique().max() == 1
    assert out["agency"].nunique() == 73 and true.nunique() == 51
    rows = out.drop_duplicates("raw").set_index("raw")
    assert rows.loc["Dyslexie Centrum Noord", ["agency", "method"]].tolist() == ["Dyslexiecentrum", "region"]
    assert rows.loc["jeugdarts GGD", ["agency", "method"]].tolist() == ["JGZ GGD", "role"]
    assert rows.loc["Wijkteam", "method"] == "ambiguous" and rows.loc["Wijkteam Noord", "agency"] == "Wijkteam Noord"
    assert set(rows["method"]) <= {"new", "exact", "fuzzy", "region", "role", "ambiguous"}
    # per school (Regenboog, Vlinder, Wegwijzer, Kompas): 45/27/44/32 before the rules, truth 34/22/37/26
    per_school = out.assign(school=data.loc[out.index, "school"]).groupby("school")["agency"].nunique()
    assert per_school.to_dict() == {"SBO De Regenboog": 44, "SBO De Vlinder": 28, "SBO De Wegwijzer": 44,
                                    "SBO Het Kompas": 33}
    # with the koppeltabel (as the example pilot runs) every name is 'mapping' and the counts are the truth
    mapped = normalize(data["agency_raw"], voorbeeld / "koppeltabel_instanties.csv").dropna(subset=["agency"])
    assert (mapped["method"] == "mapping").all()
    assert mapped.assign(school=data.loc[mapped.index, "school"]).groupby("school")["agency"].nunique().tolist() == [
        34, 22, 37, 26]


def test_synthetic_files_with_mapping_are_unchanged_and_without_are_precise():
    from evaluatie import synthetic

    for seed in range(5):
        data, truth = synthetic.dossier(seed=seed, n_schools=3)
        out = normalize(data["agency_raw"])
        named = out.dropna(subset=["agency"])
        true = data.loc[named.index, "agency_raw"].map(truth["mapping"])
        assert named.assign(true=true).groupby("agency")["true"].nunique().max() == 1, seed  # nothing wrongly merged
        assert named["reason"][named["method"].isin(["fuzzy", "region", "role", "ambiguous"])].notna().all()
        mapping = pd.DataFrame({"raw": list(truth["mapping"]), "agency": list(truth["mapping"].values())})
        assert (normalize(data["agency_raw"], mapping)["agency"].dropna() == true).all()
