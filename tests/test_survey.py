"""Questionnaires: R agreement (psych), known-truth recovery, labels and 'weet niet', bad input."""
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evaluatie import InputError, synthetic
from evaluatie import survey as sv
from evaluatie.io import read_table
from evaluatie.plots import figure_texts

# R 4.2.2, psych 2.2.9 — recipe and data in tests/reference/survey.R and survey_items.csv
R_RAW_ALPHA = 0.904629995467146
R_ALPHA_DROP = [0.873091789006470, 0.883846201873659, 0.880676797654934, 0.898709256581226, 0.879879356479699]
R_R_DROP = [0.808670805272101, 0.764973775431418, 0.775026047297664, 0.686328946439477, 0.782364507774248]
R_COMPLETE_ALPHA = 0.899751673504643   # 49 complete cases
R_OMEGA_ML = 0.902112385397893         # fa(nfactors = 1, fm = "ml"), complete cases


@pytest.fixture(scope="module")
def items():
    from pathlib import Path

    return pd.read_csv(Path(__file__).parent / "reference" / "survey_items.csv")


def test_alpha_equals_r_psych(items):
    res = sv.reliability(items)
    assert_allclose(res.alpha, R_RAW_ALPHA, rtol=0, atol=1e-8)
    assert_allclose(res.items["alpha_if_deleted"], R_ALPHA_DROP, atol=1e-8)
    assert_allclose(res.items["item_rest_r"], R_R_DROP, atol=1e-8)
    complete = sv.reliability(items.dropna())
    assert_allclose(complete.alpha, R_COMPLETE_ALPHA, atol=1e-8)
    assert_allclose(complete.omega, R_OMEGA_ML, atol=1e-5)
    assert complete.ci[0] < complete.alpha < complete.ci[1]


@pytest.mark.slow  # coverage/size simulation: CI (make test-all) runs it
def test_alpha_interval_covers_population_alpha():
    """Feldt interval: coverage of the population alpha of a parallel-items model close to 95%."""
    rng = np.random.default_rng(5)
    k, n, lam, sd = 5, 60, 1.0, 1.0
    true_alpha = k * lam**2 / (k * lam**2 + sd**2)  # standardized alpha of k parallel items
    hits = []
    for _ in range(300):
        latent = rng.normal(size=(n, 1))
        x = pd.DataFrame(lam * latent + rng.normal(0, sd, size=(n, k)))
        lo, hi = sv.reliability(x).ci
        hits.append(lo <= true_alpha <= hi)
    assert 0.92 <= np.mean(hits) <= 0.98


def test_prepare_maps_labels_keeps_dont_know_apart_and_reports():
    d = pd.DataFrame({"respondent": ["a", "b", "c", "d", "d"], "wave": ["voor"] * 5, "group": "ouder",
                      "v1": ["Helemaal mee eens", "weet niet", "7", 2, 3], "v2": [1, 2, "n.v.t.", None, 5],
                      "extra": [1, 2, 3, 4, 5]})
    cb = pd.DataFrame({"Vraag": ["v1", "v2", "v3"], "Omgescoord": ["nee", "ja", "nee"]})
    s = sv.prepare(d, cb)
    assert s.answers["v1"].iloc[0] == 5.0 and s.answers["v1"].iloc[1:3].isna().all()
    assert s.dont_know["v1"].tolist() == [False, True, False, False]
    assert s.dont_know["v2"].tolist() == [False, False, True, False]
    assert s.coded()["v2"].tolist()[:2] == [5.0, 4.0]  # reverse-coded 6 - x
    entries = s.report.to_frame()
    assert any("buiten de schaal" in r for r in entries["reason"])   # '7' on a 1-5 scale
    assert any("al eerder" in r for r in entries["reason"])           # respondent d twice in one wave
    notes = " ".join(s.report.notes)
    assert "v3" in notes and "extra" in notes and "weet niet" in notes
    assert s.report.n_used == 4


def test_codebook_errors_are_dutch_and_name_the_row(tmp_path):
    with pytest.raises(InputError, match="rij 3.*onbekende schaal 'zevenpunts'"):
        sv.read_codebook(pd.DataFrame({"item": ["a", "b"], "schaal": ["likert5", "zevenpunts"]}))
    with pytest.raises(InputError, match="twee keer"):
        sv.read_codebook(pd.DataFrame({"item": ["a", "a"]}))
    with pytest.raises(InputError, match="geen ja/nee"):
        sv.read_codebook(pd.DataFrame({"item": ["a"], "omgescoord": ["soms"]}))
    with pytest.raises(InputError, match="geen kolom met de vraagcodes"):
        sv.read_codebook(pd.DataFrame({"tekst": ["a"]}))
    with pytest.raises(InputError, match="bestaat niet"):
        sv.read_codebook(tmp_path / "geen.csv")


def test_reliability_bad_input():
    d = pd.DataFrame({"a": [1, 2, 3], "b": [2, 3, 4]})
    with pytest.raises(InputError, match="minstens 3 vragen"):
        sv.reliability(d)
    with pytest.raises(InputError, match="hetzelfde antwoord"):
        sv.reliability(d.assign(c=3))


def test_example_file_loads_with_codebook(root):
    data, report = read_table(root / "data_raw" / "voorbeeld" / "vragenlijst.xlsx", kind="survey", raw_items=True)
    s = sv.prepare(data, root / "data_raw" / "voorbeeld" / "codeboek_vragenlijst.csv", report=report)
    assert s.items == [f"samenwerking_{k}" for k in range(1, 5)] + [f"bereikbaarheid_{k}" for k in range(1, 4)]
    assert s.dont_know.to_numpy().sum() > 0
    assert s.report.n_read == s.report.n_used + s.report.n_dropped
    assert s.codebook.set_index("item").loc["samenwerking_4", "reversed"]
    resp = sv.response(s)
    assert resp["matched"].sum() == 70


@pytest.mark.slow  # coverage/size simulation: CI (make test-all) runs it
def test_recovers_known_pre_post_change_with_nominal_coverage():
    """Paired t on construct scores: the interval of the mean change covers the analytic truth ~95%."""
    from scipy import stats

    hits, estimates = [], []
    for seed in range(150):
        d, truth = synthetic.survey({"ouder": 30, "leerkracht": 20}, shift=0.4, seed=seed)
        scores = sv.scale_scores(sv.prepare(d, synthetic.survey_codebook()), min_items=1)
        res = sv.compare(scores, "samenwerking", within="wave", test="t").to_frame().iloc[0]
        wide = scores.pivot(index="respondent", columns="wave", values="samenwerking").dropna()
        diff = wide["na"] - wide["voor"]
        half = stats.t.ppf(0.975, len(diff) - 1) * diff.std(ddof=1) / np.sqrt(len(diff))
        assert_allclose(res["estimate"], diff.mean())
        hits.append(abs(diff.mean() - truth["expected_difference"]) <= half)
        estimates.append(res["estimate"])
    assert abs(np.mean(estimates) - truth["expected_difference"]) < 0.02
    assert 0.92 <= np.mean(hits) <= 0.98


def test_compare_matches_pingouin_and_scipy_and_chooses_tests():
    import pingouin as pg
    from scipy import stats

    d, _ = synthetic.survey(seed=4)
    s = sv.prepare(d, synthetic.survey_codebook())
    scores = sv.scale_scores(s)
    res = sv.compare(scores, ["samenwerking", "bereikbaarheid"], within="wave", seed=1).to_frame()
    assert res["test"].tolist() == ["paired_t", "paired_t"]
    wide = scores.pivot(index="respondent", columns="wave", values="samenwerking").dropna()
    t_ref = stats.ttest_rel(wide["na"], wide["voor"])
    assert_allclose(res["statistic"].iloc[0], t_ref.statistic, rtol=1e-10)
    assert_allclose(res["p_value"].iloc[0], t_ref.pvalue, rtol=1e-8)
    assert_allclose(res["p_adjusted"], pg.multicomp(res["p_value"].to_numpy(), method="holm")[1])
    item = sv.compare(s.coded(), "samenwerking_1", within="wave", seed=1).to_frame().iloc[0]
    assert item["test"] == "wilcoxon" and item["effect_lower"] < item["effect"] < item["effect_upper"]
    w = s.coded().pivot(index="respondent", columns="wave", values="samenwerking_1").dropna()
    assert_allclose(item["p_value"], pg.wilcoxon(w["na"], w["voor"])["p_val"].iloc[0])
    groups = sv.compare(scores[scores["wave"] == "voor"], "samenwerking", between="group", test="rank")
    assert groups.to_frame()["test"].iloc[0] == "kruskal"
    two = scores[(scores["wave"] == "voor") & scores["group"].isin(["ouder", "leerkracht"])]
    welch = sv.compare(two, "samenwerking", between="group").to_frame().iloc[0]
    a = two.loc[two["group"] == "ouder", "samenwerking"].dropna()
    b = two.loc[two["group"] == "leerkracht", "samenwerking"].dropna()
    assert welch["test"] == "welch_t"
    assert_allclose(welch["p_value"], stats.ttest_ind(b, a, equal_var=False).pvalue, rtol=1e-8)


def test_three_groups_with_the_t_test_give_a_sentence_not_a_crash():
    """Adversary: three groups and the default t test (Welch ANOVA, eta²) crashed with KeyError
    'sv_groups_down' in the sentence, so `evaluatie rapport` stopped for any one-wave survey of 3 groups."""
    d, _ = synthetic.survey(seed=4)
    scores = sv.scale_scores(sv.prepare(d, synthetic.survey_codebook()))
    res = sv.compare(scores[scores["wave"] == "voor"], "samenwerking", between="group", test="t")
    assert res.to_frame()["effect_size"].iloc[0] == "eta2"
    assert "groepen" in res.sentence() and "'samenwerking'" in res.sentence()


def test_compare_wording_follows_evidence_and_bad_options():
    rng = np.random.default_rng(2)
    pre = rng.normal(3, 0.5, 12)
    d = pd.DataFrame({"respondent": list(range(12)) * 2, "wave": ["voor"] * 12 + ["na"] * 12,
                      "score": np.r_[pre, pre + rng.normal(0.05, 0.5, 12)]})
    res = sv.compare(d, "score", within="wave")
    assert "nog niet zeker" in res.sentence() or "gestegen" not in res.sentence()
    small = sv.compare(d[d["respondent"] < 4], "score", within="wave")  # 4 pairs: a count of people, protected
    assert "n = minder dan 5" in small.sentence() and "n = 4" not in small.sentence()
    ax = res.plot()  # adversary: the effect-size axis read 0.2 next to a caption with 0,34
    ax.figure.canvas.draw()
    ticks = [x.get_text() for x in ax.get_xticklabels()]
    assert any("," in x for x in ticks) and not any("." in x for x in ticks), ticks
    if res.to_frame()["p_adjusted"].iloc[0] >= 0.05:
        assert "mogelijk" in res.sentence()
    with pytest.raises(InputError, match="test"):
        sv.compare(d, "score", within="wave", test="welch")
    with pytest.raises(InputError, match="niet allebei"):
        sv.compare(d, "score", within="wave", between="respondent")
    with pytest.raises(InputError, match="ontbre|mist"):
        sv.compare(d, "geen_kolom", within="wave")
    assert sv._p_cell(0.0000001, "nl") == "< 0,001"


def test_likert_summary_and_plot():
    d, _ = synthetic.survey({"ouder": 30, "leerkracht": 12, "intern begeleider": 2}, seed=3)
    s = sv.prepare(d, synthetic.survey_codebook())
    summ = sv.likert_summary(s, construct="samenwerking", by="group")
    tab = summ.to_frame()
    shares = tab[[f"p_{v}" for v in range(1, 6)]].sum(axis=1)
    assert_allclose(shares[tab["n"] > 0], 1.0)
    rows_per_group = d["group"].value_counts()
    assert (tab["n"] + tab["n_dont_know"] + tab["n_missing"]).eq(tab["group"].map(rows_per_group)).all()
    shown = summ.summary()
    small = tab["n"] < 5
    assert small.any() and (shown.loc[small.to_numpy(), "(helemaal) eens"] == "–").all()  # 2 care coordinators
    ax = summ.plot()
    texts = " ".join(figure_texts(ax.figure))
    assert "intern begeleider" not in texts  # rows below min_n are not drawn
    assert "niet getoond" in texts
    # adversary: with 4 respondents every row is hidden and the plot crashed in matplotlib's legend
    # ("number sections must be larger than 0"); now it draws an empty figure that says why
    tiny = sv.prepare(d[d["group"] == "intern begeleider"], synthetic.survey_codebook())
    ax = sv.likert_summary(tiny, construct="samenwerking", by="wave").plot()
    assert "Geen enkele vraag heeft minstens 5 antwoorden" in " ".join(figure_texts(ax.figure))


def test_scale_scores_min_items_rule():
    cb = pd.DataFrame({"item": ["a", "b", "c"], "construct": "x"})
    d = pd.DataFrame({"respondent": [1, 2], "wave": "voor", "a": [4, 4], "b": [2, None], "c": [None, None]})
    s = sv.prepare(d, cb, group=None)
    scores = sv.scale_scores(s)
    assert scores["x"].iloc[0] == 3.0 and np.isnan(scores["x"].iloc[1])  # needs 2 of 3 items
    assert sv.scale_scores(s, min_items=1)["x"].iloc[1] == 4.0
    with pytest.raises(InputError, match="min_items"):
        sv.scale_scores(s, min_items=4)


def test_sdq_scoring_rules():
    base = {f"sdq_{i}": 0 for i in range(1, 26)}
    d = pd.DataFrame([base, {**base, "sdq_3": 2, "sdq_8": 2, "sdq_13": 2, "sdq_16": 2, "sdq_24": np.nan},
                      {**base, "sdq_3": np.nan, "sdq_8": np.nan, "sdq_13": np.nan}])
    out = sv.score_sdq(d)
    # all 'niet waar': reversed items (7, 11, 14, 21, 25) score 2 -> conduct 2, peer 4, hyperactivity 4
    assert out.loc[0, ["emotional", "conduct", "hyperactivity", "peer", "prosocial"]].tolist() == [0, 2, 4, 4, 0]
    assert out.loc[0, "total"] == 10 and out.loc[0, "band_prosocial"] == "verhoogd"
    assert out.loc[1, "emotional"] == 10      # 4 of 5 answered: prorated round(2 * 5)
    assert np.isnan(out.loc[2, "emotional"]) and np.isnan(out.loc[2, "total"])  # only 2 of 5 answered
    assert out.loc[0, "band_peer"] == "verhoogd" and out.loc[0, "band_total"] == "normaal"
    with pytest.raises(InputError, match="buiten 0-2"):
        sv.score_sdq(pd.DataFrame([{**base, "sdq_1": 3}]))
    with pytest.raises(InputError, match="ontbreken"):
        sv.score_sdq(pd.DataFrame([{"sdq_1": 0}]))
    cb = sv.sdq_codebook("leerkracht")
    assert cb["reversed"].sum() == 5 and (cb["construct"] == "impact").sum() == 3


def test_sdq_dutch_parent_norms_theunissen_2022():
    # Theunissen et al. (2022) BMC Pediatrics 22:202, doi:10.1186/s12887-022-03274-6, Table 2:
    # clinical "> 10", "> 14", "> 13", "> 11" and borderline "> 7", "> 10", "> 10", "> 8" for
    # "3-4", "4-7", "7-11" and "12-14 years" (parent form, total difficulties).
    published = {"3-4": (7, 10), "4-7": (10, 14), "7-11": (10, 13), "12-14": (8, 11)}
    table = sv.SDQ_NORMS_NL.set_index("age_group")
    for group, (border_gt, clinical_gt) in published.items():
        assert table.loc[group, "borderline"] == border_gt + 1
        assert table.loc[group, "abnormal"] == clinical_gt + 1
    # one child per age just below / at each cut-off; totals are built from the emotional and
    # conduct items only (score 2 each) so the total is exactly what we ask for
    emo, con = [3, 8, 13, 16, 24], [5, 12, 18, 22]

    def child(total, age):
        row = {f"sdq_{i}": 0 for i in range(1, 26)}
        row.update({"sdq_7": 2, "sdq_11": 2, "sdq_14": 2, "sdq_21": 2, "sdq_25": 2})  # reversed: 0
        for item in (emo + con)[: total // 2]:
            row[f"sdq_{item}"] = 2
        if total % 2:
            row["sdq_2"] = 1  # hyperactivity 1
        row["leeftijd"] = age
        return row

    ages = {"3-4": 3, "4-7": 6.5, "7-11": 11, "12-14": 14}
    rows = []
    for group, (border_gt, clinical_gt) in published.items():
        rows += [child(border_gt, ages[group]), child(border_gt + 1, ages[group]),
                 child(clinical_gt, ages[group]), child(clinical_gt + 1, ages[group])]
    rows += [child(12, 16), child(12, None)]
    out = sv.score_sdq(pd.DataFrame(rows), norms="nl", age="leeftijd")
    expected_totals = [v for g in published.values() for v in (g[0], g[0] + 1, g[1], g[1] + 1)]
    assert out["total"].tolist()[:16] == expected_totals
    bands = out["band_total"].tolist()
    assert bands[:16] == ["normaal", "grensgebied", "grensgebied", "verhoogd"] * 4
    # the same child of 13 scored by the UK bands would be "normaal" (UK borderline starts at 14)
    assert sv.score_sdq(pd.DataFrame([child(12, 13)]))["band_total"].iloc[0] == "normaal"
    assert out.loc[8, "norm"] == "NL-normen ouders, alleen totale moeilijkheden (Theunissen e.a. 2022), 7-11 jaar"
    # nobody left out silently: no band, and the reason in the norm column
    assert pd.isna(bands[16]) and out.loc[16, "norm"] == "geen norm voor leeftijd 16"
    assert pd.isna(bands[17]) and out.loc[17, "norm"] == "geen norm: leeftijd ontbreekt"
    # no Dutch subscale bands are published: none are given, and the result says so in words
    assert "band_emotional" not in out.columns
    (note,) = out.attrs["notes"]
    assert note.startswith("Geen Nederlandse normen meegeleverd voor emotionele problemen, gedragsproblemen, "
                           "hyperactiviteit, problemen met leeftijdgenoten, prosociaal gedrag:")
    assert "totale moeilijkheden:" not in note  # the one scale that does have Dutch norms
    en = sv.score_sdq(pd.DataFrame(rows), norms="nl", age="leeftijd", lang="en").attrs["notes"][0]
    assert en.startswith("No Dutch norms shipped for emotional symptoms, conduct problems")
    # the default (UK) says which norms it used and where the Dutch ones stop
    uk = sv.score_sdq(pd.DataFrame([child(12, 13)]))
    assert uk.attrs["notes"][0].startswith("Banden volgens de Britse normen (Goodman 1997")
    assert sv.score_sdq(pd.DataFrame([child(12, 13)]), cutoffs=sv.SDQ_CUTOFFS).attrs["notes"] == []
    with pytest.raises(InputError, match="alleen voor de oudervragenlijst"):
        sv.score_sdq(pd.DataFrame(rows), version="leerkracht", norms="nl2018", age="leeftijd")
    with pytest.raises(InputError, match="age="):
        sv.score_sdq(pd.DataFrame(rows), norms="nl")
    with pytest.raises(InputError, match="geen getal"):
        sv.score_sdq(pd.DataFrame([child(3, "acht")]), norms="nl", age="leeftijd")
    with pytest.raises(InputError, match="norms"):
        sv.score_sdq(pd.DataFrame(rows), norms="be")
    en = sv.score_sdq(pd.DataFrame(rows), norms="nl", age="leeftijd", lang="en")
    assert en.loc[17, "norm"] == "no norm: age missing" and en["band_total"].iloc[1] == "borderline"


def _sdq_child(scores: dict, **extra) -> dict:
    """Items that give exactly the asked subscale scores (each 0-10, built from 2s and one 1)."""
    items = {"emotional": [3, 8, 13, 16, 24], "conduct": [5, 7, 12, 18, 22],
             "hyperactivity": [2, 10, 15, 21, 25], "peer": [6, 11, 14, 19, 23],
             "prosocial": [1, 4, 9, 17, 20]}
    reversed_items = {7, 11, 14, 21, 25}
    row = {f"sdq_{i}": (2 if i in reversed_items else 0) for i in range(1, 26)}  # every scale 0
    for scale, score in scores.items():
        for k, item in enumerate(items[scale]):
            value = min(2, max(0, score - 2 * k))
            row[f"sdq_{item}"] = 2 - value if item in reversed_items else value
    return {**row, **extra}


def test_sdq_dutch_teacher_norms_van_den_heuvel_2017():
    # van den Heuvel et al. (2017) PLoS ONE 12(4):e0176605, doi:10.1371/journal.pone.0176605, Table 2,
    # complete sample (N = 387, 4-10 years): P90 / P80 score emotional 4 / 2, conduct 2 / 1,
    # hyperactivity 7 / 4, peer 4 / 2, total 14 / 10; prosocial p10 / p20 5 / 6 (">= P90", "<= p10").
    published = {"emotional": (4, 2), "conduct": (2, 1), "hyperactivity": (7, 4), "peer": (4, 2),
                 "total": (14, 10), "prosocial": (5, 6)}
    table = sv.SDQ_NORMS_NL[sv.SDQ_NORMS_NL["version"] == "leerkracht"].set_index("scale")
    for scale, (p90, p80) in published.items():
        assert (table.loc[scale, "abnormal"], table.loc[scale, "borderline"]) == (p90, p80)
        assert (table.loc[scale, "age_min"], table.loc[scale, "age_max"]) == (4, 11)
    # one pupil just below P80, at P80, just below P90 and at P90 on emotional (prosocial kept 10)
    rows = [_sdq_child({"emotional": e, "prosocial": 10}, leeftijd=8) for e in (1, 2, 3, 4)]
    rows += [_sdq_child({"prosocial": p}, leeftijd=8) for p in (7, 6, 5)]
    rows += [_sdq_child({"hyperactivity": 7, "peer": 3}, leeftijd=12), _sdq_child({}, leeftijd=None)]
    out = sv.score_sdq(pd.DataFrame(rows), version="leerkracht", norms="nl", age="leeftijd")
    assert out["emotional"].tolist()[:4] == [1, 2, 3, 4]
    assert out["band_emotional"].tolist()[:4] == ["normaal", "grensgebied", "grensgebied", "verhoogd"]
    assert out["prosocial"].tolist()[4:7] == [7, 6, 5]
    assert out["band_prosocial"].tolist()[4:7] == ["normaal", "grensgebied", "verhoogd"]
    # the same emotional score 4 by the UK teacher bands (borderline 5, abnormal 6) is normal
    assert sv.score_sdq(pd.DataFrame(rows[3:4]), version="leerkracht")["band_emotional"].iloc[0] == "normaal"
    assert out.loc[0, "norm"] == "NL-normen leerkrachten (Van den Heuvel e.a. 2017), 4-10 jaar"
    assert pd.isna(out.loc[7, "band_hyperactivity"]) and out.loc[7, "norm"] == "geen norm voor leeftijd 12"
    assert pd.isna(out.loc[8, "band_total"]) and out.loc[8, "norm"] == "geen norm: leeftijd ontbreekt"
    # the teacher impact score has no Dutch band: none is given and the note says so
    impact = {"sdq_impact_last": 2, "sdq_impact_medeleerlingen": 3, "sdq_impact_leren": 0}
    with_impact = sv.score_sdq(pd.DataFrame([{**rows[0], **impact}]), version="leerkracht", norms="nl",
                               age="leeftijd")
    assert with_impact.loc[0, "impact"] == 3 and "band_impact" not in with_impact.columns
    assert with_impact.attrs["notes"][0].startswith("Geen Nederlandse normen meegeleverd voor impact:")


def test_sdq_self_report_with_dutch_norms_gets_uk_bands_and_says_so():
    rows = [_sdq_child({"emotional": e}, leeftijd=14) for e in (5, 6, 7)]
    nl = sv.score_sdq(pd.DataFrame(rows), version="zelf", norms="nl", age="leeftijd")
    uk = sv.score_sdq(pd.DataFrame(rows), version="zelf")
    # UK self-report bands (Goodman 1997, sdqinfo.org): emotional borderline 6, abnormal 7
    assert nl["band_emotional"].tolist() == uk["band_emotional"].tolist() == ["normaal", "grensgebied", "verhoogd"]
    (note,) = nl.attrs["notes"]
    assert note.startswith("Let op: voor de zelfrapportageversie zitten geen Nederlandse grenzen in dit pakket")
    assert "Vugteveen" in note and "Britse normen" in note
    assert set(nl["norm"]) == {"UK-normen (Goodman 1997): geen NL-normen voor zelfrapportage meegeleverd"}
    en = sv.score_sdq(pd.DataFrame(rows), version="zelf", norms="nl", lang="en")
    assert en.attrs["notes"][0].startswith("Note: this package holds no Dutch cut-offs for the self-report form")


def test_sdq_self_report_own_per_age_bands_via_cutoffs():
    # The note tells users to pass Dutch self-report bands per year of age with cutoffs=; this checks that
    # route. The bands below are MADE UP for the test (not Vugteveen et al. 2022, whose tables we could not
    # read): emotional borderline 5 / abnormal 6 at age 12, borderline 6 / abnormal 7 at age 13.
    own = pd.DataFrame({"version": ["zelf", "zelf"], "scale": ["emotional", "emotional"],
                        "age_min": [12.0, 13.0], "age_max": [13.0, 14.0], "age_group": ["12", "13"],
                        "borderline": [5, 6], "abnormal": [6, 7]})
    rows = [_sdq_child({"emotional": 6}, leeftijd=12), _sdq_child({"emotional": 6}, leeftijd=13.5),
            _sdq_child({"emotional": 6}, leeftijd=14), _sdq_child({"emotional": 6}, leeftijd=None)]
    out = sv.score_sdq(pd.DataFrame(rows), version="zelf", norms="nl", age="leeftijd", cutoffs=own)
    assert out["emotional"].tolist() == [6, 6, 6, 6]
    assert out["band_emotional"].tolist()[:2] == ["verhoogd", "grensgebied"]  # same score, other age
    assert out["band_emotional"].iloc[2:].isna().all()
    assert out["norm"].tolist() == ["eigen normen, 12 jaar", "eigen normen, 13 jaar",
                                    "geen norm voor leeftijd 14", "geen norm: leeftijd ontbreekt"]
    assert out.attrs["notes"] == []  # own bands: no 'UK bands used' note
    note = sv.score_sdq(pd.DataFrame(rows[:1]), version="zelf", norms="nl").attrs["notes"][0]
    assert "cutoffs=" in note and "per geslacht" in note and "gender=" in note


def test_sdq_gender_specific_bands_via_cutoffs_and_gender():
    # Gender-specific norms (as Vugteveen et al. 2022 publish them beside joint ones) through a gender column in
    # the cut-off table. The bands are MADE UP for the test: a joint row for everyone (borderline 5 / abnormal 6),
    # overridden for girls (6 / 7). The same score 6 is 'verhoogd' for a boy, 'grensgebied' for a girl; a
    # respondent whose gender is missing or 'anders' gets the joint row.
    own = pd.DataFrame({"version": ["zelf"] * 2, "scale": ["emotional"] * 2, "gender": [None, "meisje"],
                        "borderline": [5, 6], "abnormal": [6, 7]})
    rows = [_sdq_child({"emotional": 6}, geslacht=g) for g in ["Jongen", "V", None, "anders", "girl"]]
    out = sv.score_sdq(pd.DataFrame(rows), version="zelf", cutoffs=own, gender="geslacht")
    assert out["band_emotional"].tolist() == ["verhoogd", "grensgebied", "verhoogd", "verhoogd", "grensgebied"]
    assert out["norm"].tolist() == ["eigen normen", "eigen normen, meisje", "eigen normen", "eigen normen",
                                    "eigen normen, meisje"]
    # only gender-specific rows (no joint row): no band without a known gender, and the norm column says why
    only = own.assign(gender=["jongen", "meisje"])
    out = sv.score_sdq(pd.DataFrame(rows), version="zelf", cutoffs=only, gender="geslacht")
    assert out["band_emotional"].tolist()[:2] == ["verhoogd", "grensgebied"]
    assert out["band_emotional"].iloc[2:4].isna().all()
    assert out["norm"].tolist()[2:4] == ["geen norm: geslacht ontbreekt of is niet jongen of meisje"] * 2
    with pytest.raises(InputError, match="gender="):
        sv.score_sdq(pd.DataFrame(rows), version="zelf", cutoffs=only)
    with pytest.raises(InputError, match="'x'"):
        sv.score_sdq(pd.DataFrame(rows), version="zelf", cutoffs=only.assign(gender=["x", "meisje"]),
                     gender="geslacht")


def test_sdq_dutch_parent_subscale_norms_maurice_stam_2018():
    # Maurice-Stam et al. (2018) Health Qual Life Outcomes 16:123, doi:10.1186/s12955-018-0948-1, Table 2,
    # "Clinical cut-off" for 6-11 years: emotional "> 5", conduct "> 3", hyperactivity "> 7", peer "> 3",
    # prosocial "< 6", total "> 17", internalizing "> 8", externalizing "> 10"; 4-5 years: emotional "> 3",
    # hyperactivity "> 6", prosocial "< 6", total "> 13", internalizing "> 5", externalizing "> 9";
    # 2-3 years: hyperactivity "> 6", prosocial "< 6", total "> 12", externalizing "> 9".
    published = {"6-11": {"emotional": 5, "conduct": 3, "hyperactivity": 7, "peer": 3, "total": 17,
                          "internalising": 8, "externalising": 10},
                 "4-5": {"emotional": 3, "hyperactivity": 6, "total": 13, "internalising": 5, "externalising": 9},
                 "2-3": {"hyperactivity": 6, "total": 12, "externalising": 9}}
    t = sv.SDQ_NORMS_NL_2018.set_index(["age_group", "scale"])
    for group, cut in published.items():
        assert t.loc[(group, "prosocial"), "abnormal"] == 5  # "< 6"
        for scale, gt in cut.items():
            assert t.loc[(group, scale), "abnormal"] == t.loc[(group, scale), "borderline"] == gt + 1
    assert len(t) == sum(len(c) + 1 for c in published.values())  # nothing shipped that we did not read
    rows = [_sdq_child({"emotional": 5, "conduct": 4}, leeftijd=9),   # 6-11: emotional normal, conduct high
            _sdq_child({"emotional": 6, "conduct": 3}, leeftijd=9),   # 6-11: emotional high, conduct normal
            _sdq_child({"emotional": 4, "conduct": 4}, leeftijd=5),   # 4-5: emotional high, conduct: no norm
            _sdq_child({"emotional": 6}, leeftijd=14)]                # 12+: not shipped
    out = sv.score_sdq(pd.DataFrame(rows), norms="nl2018", age="leeftijd")
    assert out["band_emotional"].tolist()[:3] == ["normaal", "verhoogd", "verhoogd"]
    assert out["band_conduct"].tolist()[:2] == ["verhoogd", "normaal"] and pd.isna(out.loc[2, "band_conduct"])
    assert out.loc[0, "band_internalising"] == "normaal" and out.loc[1, "band_internalising"] == "normaal"
    assert "grensgebied" not in set(out.filter(like="band_").stack())  # one clinical cut-off, no borderline
    assert pd.isna(out.loc[3, "band_emotional"]) and out.loc[3, "norm"] == "geen norm voor leeftijd 14"
    assert out.loc[0, "norm"] == "NL-normen ouders, klinische grens (Maurice-Stam e.a. 2018), 6-11 jaar"
    assert out.attrs["notes"][-1].startswith("Maurice-Stam e.a. (2018) geven één klinische grens per schaal")


# 40 constructed respondents (items 1-25 in form order, coded 0-2 as answered, '.' = missing; five parent
# impact items 0-3; the overall question 0-3) with subscales missing 0-3 of their 5 items.
_SDQ_REF_INPUT = [
    "0211021111.102002121222.. 12333 1",
    "122222....12.20112221011. 11222 3",
    "20.00..0002.0.22.2220..21 ..... 0",
    "0..12.0..200201..0.2.221. 33.21 0",
    "..01.02010222200122.21212 ..... 2",
    "212000.2.12.200102210.022 0.332 .",
    "0.212111.110102001010.02. 111.2 1",
    "22101000102110000010100.0 ..... 3",
    "10102.1.1201..0101.0211.0 .033. 2",
    "02201.0121.10.20211.00210 ..... 0",
    "1012.010222010001.2121020 01022 2",
    "0120.1.2010.001211002110. 32133 1",
    "2122102110.10001221.20.1. 223.1 1",
    "212.0010.1110220201.22200 21311 1",
    "00.1001222.10212120021100 1103. 1",
    "100..100002.010200..0.212 .3012 2",
    "0.210222.0022210.00122222 03232 2",
    "20.1221.10.1111002.212.11 20..1 0",
    "12.111.0.22120.01..22..02 10.33 0",
    "2120010..11.21..2110..02. 10.01 2",
    ".11.0.0122010.01200110202 21310 3",
    "20.21.12100111122112001.2 30133 2",
    "00222.10021.20002.021.000 ..... 1",
    "2.2211022.1.222.10112.22. 1011. 2",
    "120.11.10102.1....021.0.1 22132 1",
    "12120111.0021110202122112 ..... 0",
    "..2.022202201201100..11.2 310.. 2",
    ".102.001000202111.11.1100 2203. 2",
    "12.22...201.2.222.0022.01 00122 1",
    ".0..1.1.11100.2.210.02.02 31332 3",
    "0001.10211111102111201200 .021. 2",
    "120.2022010.10.1211..2112 32321 2",
    "120020.0.11.2001210101111 ..... 2",
    "0222200112112112212000011 .332. 2",
    "202120.21.01212001.01.211 1.002 0",
    ".20201.201.11120.22110.12 32132 1",
    "21.1.2201.0.111.0012001.2 02033 2",
    "200201021020020201010.0.1 11022 1",
    "210022221110220221.200200 ..... 1",
    "21.20.210.002100.111.210. 3.0.2 0",
]
# Reference scores (emotional, conduct, hyperactivity, peer, prosocial, total, impact by the Stata rule,
# impact by the R rule) computed with Rscript (R 4.2.2) by a line-by-line transcription of the SDQ
# authors' scoring syntax (sdqinfo.org "Scoring the SDQ"): the R function as reproduced in a public
# adaptation ("sdq_eval": recode reversed items 0=2/1=1/2=0, subscale = floor(0.5 + 5 * rowMeans(na.rm))
# if fewer than 3 of 5 items missing, total = sum of the four difficulty scales; impact items recoded
# 0/1=0, 2=1, 3=2, summed, 0 if the overall question is 'no') and, for impact, the Stata syntax
# ("recode pdistres (0=0) (1=0) (2=1) (3=2) (.=0)", "gen pimpact=... if (nimpact!=0)",
# "replace pimpact=0 if pebddiff==0"). The two syntaxes differ only when some impact items are missing
# (R: missing; Stata: unanswered items count 0) or the overall question is missing (R: missing).
_SDQ_REF_SCORES = [
    (3, 5, 4, 8, 5, 20, 7, 7),
    (7, 8, 5, 6, 8, 26, 3, 3),
    (5, None, 5, None, 5, None, 0, 0),
    (None, 6, None, 10, 5, None, 0, 0),
    (3, 6, 0, 4, 5, 13, None, None),
    (9, None, 4, 4, 4, None, 5, None),
    (6, 5, 8, 4, 3, 23, 1, None),
    (3, 4, 5, 3, 3, 15, None, None),
    (None, 6, 4, None, 2, None, 4, None),
    (4, 5, 9, None, 5, None, 0, 0),
    (4, 3, 4, 4, 7, 15, 2, 2),
    (6, None, 4, 6, 1, None, 7, 7),
    (5, 4, 1, 5, 9, 15, 4, None),
    (2, 4, 6, 4, None, 16, 3, 3),
    (5, 5, 5, 1, 4, 16, 2, None),
    (3, None, 2, 5, 2, None, 3, None),
    (8, 4, 1, 6, 3, 19, 6, 6),
    (3, 8, 3, None, 6, None, 0, 0),
    (3, None, 5, 5, 6, None, 0, 0),
    (10, 5, None, 4, 5, None, 0, None),
    (3, 3, 4, 7, 8, 17, 3, 3),
    (8, 4, 3, 6, 9, 21, 6, 6),
    (4, None, 5, 4, 6, None, None, None),
    (10, 5, None, 5, 8, None, 0, None),
    (None, None, 6, 4, 5, None, 5, 5),
    (4, 5, 3, 7, 8, 19, 0, 0),
    (8, 1, 3, 3, None, 15, 2, None),
    (2, 8, 5, 4, 5, 19, 4, None),
    (7, None, 5, None, 7, None, 2, 2),
    (None, 5, 5, None, None, None, 7, 7),
    (5, 6, 5, 6, 5, 22, 1, None),
    (5, 6, 5, 6, 5, 22, 6, 6),
    (4, 7, 6, 4, 5, 21, None, None),
    (8, 6, 8, 4, 5, 26, 5, None),
    (7, 7, 5, 6, 4, 25, 0, 0),
    (4, 4, 6, 7, 5, 21, 6, 6),
    (None, 0, 5, 7, 6, None, 5, 5),
    (5, 4, 3, 1, 6, 13, 2, 2),
    (6, 3, 6, 6, 7, 21, None, None),
    (4, 3, None, 6, 6, None, 0, 0),
]


def _sdq_ref_frame():
    rows = []
    for line in _SDQ_REF_INPUT:
        items, impact, overall = line.split(" ")
        code = [np.nan if ch == "." else float(ch) for ch in items + impact + overall]
        rows.append(code)
    cols = ([f"sdq_{i}" for i in range(1, 26)]
            + [f"sdq_impact_{w}" for w in ("last", "thuis", "vriendschappen", "leren", "vrije_tijd")]
            + ["sdq_moeilijkheden"])
    return pd.DataFrame(rows, columns=cols)


def test_sdq_scores_equal_the_sdq_scoring_syntax_reference():
    d = _sdq_ref_frame()
    out = sv.score_sdq(d)
    ref = pd.DataFrame(_SDQ_REF_SCORES, columns=["emotional", "conduct", "hyperactivity", "peer", "prosocial",
                                                 "total", "impact_stata", "impact_r"]).astype(float)
    for scale in ("emotional", "conduct", "hyperactivity", "peer", "prosocial", "total"):
        pd.testing.assert_series_equal(out[scale], ref[scale], check_names=False)
    pd.testing.assert_series_equal(out["externalising"], ref["conduct"] + ref["hyperactivity"], check_names=False)
    pd.testing.assert_series_equal(out["internalising"], ref["emotional"] + ref["peer"], check_names=False)
    pd.testing.assert_series_equal(out["impact"], ref["impact_stata"], check_names=False)
    # the data exercise every rule: 3, 4 and 5 answered items (scored) and 2 (missing), x.5 rounding
    answered = d[[f"sdq_{i}" for i in (3, 8, 13, 16, 24)]].notna().sum(axis=1)
    assert set(answered) == {2, 3, 4, 5} and ref["emotional"].isna().sum() == (answered < 3).sum()
    # by hand: row 0 emotional items 1, 1, 0, 0, missing -> 5 * 0.5 = 2.5 -> 3 (half up, not Python's 2);
    # row 1 conduct 2, (reversed item 7 missing), 2, 2, 0 -> 5 * 1.5 = 7.5 -> 8
    assert out.loc[0, "emotional"] == 3 and out.loc[1, "conduct"] == 8
    # impact: 'no difficulties' with the impact questions skipped (row 2) or answered anyway (row 3) is 0;
    # difficulties but impact skipped (row 4) stays missing
    assert out.loc[2, "impact"] == 0 and out.loc[3, "impact"] == 0 and np.isnan(out.loc[4, "impact"])
    # where the R and Stata rules differ, we follow Stata (documented in score_sdq's Notes)
    differ = ref["impact_stata"].ne(ref["impact_r"]) & ref["impact_stata"].notna()
    assert differ.sum() >= 5 and ref.loc[differ, "impact_r"].isna().all()
    # the overall question in the form's own words scores like the numbers; other text is refused
    words = {0: "Nee", 1: "ja, kleine moeilijkheden", 2: "Ja, duidelijke moeilijkheden", 3: "ja, ernstige moeilijkheden"}
    labelled = d.assign(sdq_moeilijkheden=d["sdq_moeilijkheden"].map(words))
    pd.testing.assert_series_equal(sv.score_sdq(labelled)["impact"], out["impact"])
    assert "sdq_moeilijkheden" not in out.columns
    # the Dutch teacher/parent forms also word the impact answers "een beetje maar" (1) and "tamelijk" (2)
    impact_words = {0: "helemaal niet", 1: "Een beetje maar", 2: "tamelijk", 3: "heel erg"}
    imp_cols = [c for c in d.columns if c.startswith("sdq_impact_")]
    worded = d.assign(**{c: d[c].map(impact_words) for c in imp_cols})
    pd.testing.assert_series_equal(sv.score_sdq(worded)["impact"], out["impact"])
    with pytest.raises(InputError, match="moeilijkheden in het algemeen.*'misschien'"):
        sv.score_sdq(d.assign(sdq_moeilijkheden=["misschien"] + [0] * (len(d) - 1)))
    # teacher form: three impact items, same rules
    t = d.drop(columns=["sdq_impact_thuis", "sdq_impact_vrije_tijd"]).rename(
        columns={"sdq_impact_vriendschappen": "sdq_impact_medeleerlingen"})
    teacher = sv.score_sdq(t, version="leerkracht")
    q = t[["sdq_impact_last", "sdq_impact_medeleerlingen", "sdq_impact_leren"]].replace({1: 0, 2: 1, 3: 2})
    expected = q.fillna(0).sum(axis=1).where(q.notna().any(axis=1)).mask(t["sdq_moeilijkheden"].eq(0), 0.0)
    pd.testing.assert_series_equal(teacher["impact"], expected, check_names=False)


def test_sdq_dutch_answer_labels_are_scored_and_other_text_is_refused():
    """The form's own labels ("niet waar" 0, "een beetje waar" 1, "zeker waar" 2, any case) score like the
    numbers (reversed items turned around as the SDQ does); text that is no answer raises, naming column and row."""
    words = {0: "niet waar", 1: "Een beetje waar", 2: "ZEKER WAAR "}
    rng = np.random.default_rng(3)
    numbers = pd.DataFrame(rng.integers(0, 3, size=(6, 25)), columns=[f"sdq_{i}" for i in range(1, 26)])
    labels = numbers.apply(lambda col: col.map(words))
    impact = {"sdq_impact_" + w: [0, 1, 2, 3, 0, 1] for w in ("last", "thuis", "vriendschappen", "leren", "vrije_tijd")}
    impact_words = {0: "helemaal niet", 1: "een beetje", 2: "Behoorlijk", 3: "heel erg"}
    expected = sv.score_sdq(numbers.assign(**impact))
    got = sv.score_sdq(labels.assign(**{k: [impact_words[v] for v in vals] for k, vals in impact.items()}))
    cols = ["emotional", "conduct", "hyperactivity", "peer", "prosocial", "total", "impact", "band_total"]
    assert got[cols].notna().all().all()
    pd.testing.assert_frame_equal(got[cols], expected[cols])
    # sdq_7 (gehoorzaam) is reversed: 'zeker waar' everywhere else 0 -> conduct 0
    one = pd.DataFrame([{f"sdq_{i}": "niet waar" for i in range(1, 26)}])
    one.loc[0, "sdq_7"] = "zeker waar"
    assert sv.score_sdq(one).loc[0, "conduct"] == 0
    bad = labels.copy()
    bad.loc[4, "sdq_12"] = "soms"
    bad["source_row"] = range(2, 8)
    with pytest.raises(InputError, match=r"sdq_12.*buiten 0-2.*Rij 6: 'soms'") as err:
        sv.score_sdq(bad)
    assert err.value.column == "sdq_12" and err.value.row == 6
    with pytest.raises(InputError, match="impactvraag 'sdq_impact_leren'.*Rij 1"):
        sv.score_sdq(numbers.assign(**{**impact, "sdq_impact_leren": [0, 9, 0, 0, 0, 0]}))


def test_compare_accepts_prepared_data_and_refuses_other_objects_in_dutch():
    """README chain prepare → compare: the prepared questionnaire is scored with scale_scores, not an AttributeError."""
    d, _ = synthetic.survey(seed=4)
    s = sv.prepare(d, synthetic.survey_codebook())
    direct = sv.compare(s, ["samenwerking", "samenwerking_1"], within="wave", seed=1).to_frame()
    via_scores = sv.compare(pd.concat([sv.scale_scores(s), s.coded()[["samenwerking_1"]]], axis=1),
                            ["samenwerking", "samenwerking_1"], within="wave", seed=1).to_frame()
    pd.testing.assert_frame_equal(direct, via_scores)
    assert direct["test"].tolist() == ["paired_t", "wilcoxon"]
    with pytest.raises(InputError, match="scale_scores"):
        sv.compare(s.answers.to_numpy(), ["samenwerking"], within="wave")


def test_item_under_its_question_text_or_taken_for_the_school_column_is_analysed(tmp_path):
    """A Forms export heads a column with the question text; a short question starting with 'School' was
    read as the school column. prepare finds both items through the codebook and withdraws the loader's
    school remarks on that column (no answers compared as misspelled school names)."""
    rows = ["Respondent;Groep;Meetmoment;School en jeugdhulp stemmen goed met elkaar af;Schoolklimaat"]
    answers = ["helemaal eens", "helemaal oneens", "eens", "helemaal eens", "oneens", "eens", "helemaal eens"]
    rows += [f"R{i};ouder;voor;{a};{b}" for i, (a, b) in enumerate(zip(answers, answers[::-1]))]
    path = tmp_path / "forms.csv"
    path.write_text("\n".join(rows), encoding="utf-8")
    data, report = read_table(path, kind="survey", raw_items=True)   # without the codebook
    assert data.attrs["labels"]["unit"] == "Schoolklimaat"
    cb = pd.DataFrame({"item": ["samenwerking_1", "klimaat"], "text": ["School en jeugdhulp stemmen goed met "
                                                                       "elkaar af.", "Schoolklimaat"]})
    s = sv.prepare(data, cb, report=report)
    assert s.items == ["samenwerking_1", "klimaat"] and "unit" not in s.answers.columns
    assert s.answers["samenwerking_1"].tolist() == [5, 1, 4, 5, 2, 4, 5]
    assert s.answers["klimaat"].tolist() == [5, 4, 2, 5, 4, 1, 5]
    assert not any("lijkt op" in r or "maar één" in r for r in s.report.to_frame()["reason"])
    notes = " ".join(s.report.notes)
    assert "geen schoolkolom" in notes and "is vraag samenwerking_1" in notes and "niet in de data" not in notes


def test_prepare_merges_wave_spellings_so_respondents_are_matched():
    """Without the loader (a DataFrame made in Python) prepare harmonizes the waves too, and says so."""
    d = pd.DataFrame({"respondent": list("abcd") * 2, "group": ["ouder", "Ouder "] * 4,
                      "wave": ["voor", "Voor", "T0", "voormeting", "na", "Nameting", "T1", "eind"],
                      "v1": [1, 2, 3, 4, 2, 3, 4, 5]})
    s = sv.prepare(d, pd.DataFrame({"item": ["v1"]}))
    assert s.answers["wave"].tolist() == ["voor"] * 4 + ["na"] * 4
    assert s.answers["group"].unique().tolist() == ["ouder"]
    assert int(sv.response(s)["matched"].sum()) == 4
    assert any("'Nameting' → na (1 rij(en): 5)" in n for n in s.report.notes)


def test_reliability_refuses_to_pool_constructs_and_counts_answers_not_respondents():
    """reliability(prepared) pooled two scales into one alpha; n counted respondent × wave rows as respondents."""
    d, _ = synthetic.survey(seed=1)
    s = sv.prepare(d, synthetic.survey_codebook())
    assert len(s.constructs) >= 2
    with pytest.raises(InputError, match=r"samenwerking, bereikbaarheid.*construct=\"samenwerking\""):
        sv.reliability(s)
    res = sv.reliability(s, construct="samenwerking")
    rows = s.answers.loc[s.coded()[s.construct_items("samenwerking")].notna().any(axis=1)]
    assert res.n == len(rows) and res.n_respondents == rows["respondent"].nunique() < res.n
    assert f"n = {res.n} antwoorden (respondent × meting) van {res.n_respondents} respondenten" in res.sentence()
    one_wave = sv.prepare(d[d["wave"] == "voor"], synthetic.survey_codebook())
    r1 = sv.reliability(one_wave, construct="samenwerking")
    assert r1.n == r1.n_respondents and r1.sentence().endswith(f"n = {r1.n} respondenten.")
    items = s.construct_items("samenwerking") + s.construct_items("bereikbaarheid")[:1]
    assert sv.reliability(s, items).n_items == len(items)  # explicit items: the user's choice


def test_omega_non_convergence_is_said_in_dutch_not_leaked_as_statsmodels_warning():
    """Unrelated items (seed 2: statsmodels' factor model does not converge) gave an English
    ConvergenceWarning between the Dutch lines of `evaluatie vragenlijst`."""
    import warnings

    x = pd.DataFrame(np.random.default_rng(2).integers(1, 6, size=(30, 3)).astype(float), columns=["a", "b", "c"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning that leaks fails the test
        res = sv.reliability(x)
    assert not res.omega_converged
    assert "niet betrouwbaar te schatten (het factormodel convergeerde niet)" in res.sentence()
    good = sv.reliability(pd.read_csv(__import__("pathlib").Path(__file__).parent / "reference" / "survey_items.csv")
                          .dropna())
    assert good.omega_converged and "convergeerde" not in good.sentence()


def test_likert_figure_shows_no_share_of_fewer_than_five_answers():
    """Adversary: 'n = 18' next to a bar with a segment of 11% tells that 2 respondents answered
    'helemaal mee oneens'. The protected figure (the default, and what the report draws) groups the
    scale into oneens / neutraal / eens and draws a still-small group only inside a hatched block."""
    import matplotlib.pyplot as plt

    d = pd.DataFrame({"v1": [1] * 2 + [2] * 5 + [4] * 5 + [5] * 6,            # 2 'helemaal oneens': grouping is enough
                      "v2": [1] * 2 + [3] * 6 + [4] * 6 + [5] * 4})           # grouped 'oneens' is still 2
    summ = sv.likert_summary(d, ["v1", "v2"], min_n=5)
    n = 18
    small_widths = [k / n for k in range(1, 5)]

    def widths(ax):
        return [(p.get_width(), p.get_facecolor()) for p in ax.patches if p.get_width() > 0]

    full = summ.plot(detail="full")
    assert any(np.isclose(w, 2 / n) for w, _ in widths(full))  # the researcher's figure shows the 2 answers
    ax = summ.plot()  # protected by default
    drawn = widths(ax)
    assert not any(np.isclose(w, s) for w, _ in drawn for s in small_widths)
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert legend == ["oneens", "neutraal", "eens", "afgeschermd"]
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and np.isclose(hatched[0].get_width(), 8 / n)  # v2: oneens 2 + neutraal 6 together
    assert "geen aandeel van minder dan 5 antwoorden" in ax.get_xlabel()
    note = summ.protection_note()
    assert "oneens, neutraal en eens" in note and "afgeschermd" in note
    # both rows keep their n; a five-answer category needs no grouping
    assert sv.likert_summary(d.assign(v1=[1] * 5 + [2] * 5 + [4] * 8), ["v1"]).protection_note() == ""
    with pytest.raises(InputError, match="detail"):
        summ.plot(detail="alles")
    plt.close("all")


def test_without_codebook_worded_answers_are_items_and_the_error_names_the_file_headers(tmp_path):
    """Fresh-eye test: a student's questionnaire with answers as words ('mee eens') and no codebook stopped with
    'Geen enkele vraag uit het codeboek staat in de data. Kolommen in de data: source_row, respondent, group,
    wave, ...' (there was no codebook; internal names). Worded five-point columns are now items (with a note);
    a free-text column is not; with no item at all the error says that a codebook is needed and names the
    columns as the file heads them."""
    from evaluatie import read_table
    from evaluatie.errors import InputError
    from evaluatie.survey import prepare

    labels = ["helemaal mee oneens", "mee oneens", "neutraal", "mee eens", "helemaal mee eens"]
    rows = [{"Respondent": f"R{i}", "Groep": "ouder", "Meting": m, "v1": labels[(i + j) % 5],
             "v2": labels[(2 * i + j) % 5] if i != 3 else "weet niet", "Toelichting": "fijn dat er hulp is"}
            for i in range(8) for j, m in enumerate(["voormeting", "nameting"])]
    rows[5]["v2"] = "mee eenss"
    path = tmp_path / "enquete.xlsx"
    pd.DataFrame(rows).to_excel(path, index=False)
    data, report = read_table(path, kind="survey", raw_items=True)
    s = prepare(data, report=report)
    assert list(s.codebook["item"]) == ["v1", "v2"]
    assert any("Geen codeboek: de kolommen v1, v2 (antwoorden als cijfer of als 'mee eens')" in n for n in report.notes)
    assert s.answers["v1"].notna().all() and int(s.dont_know["v2"].sum()) == 2
    assert any(e["column"] == "v2" and e["value"] == "mee eenss" for e in report.entries)
    # nothing that looks like an answer: a Dutch error about the codebook, with the file's own headers
    only_text = tmp_path / "alleen_tekst.xlsx"
    pd.DataFrame(rows).drop(columns=["v1", "v2"]).to_excel(only_text, index=False)
    data, report = read_table(only_text, kind="survey", raw_items=True)
    with pytest.raises(InputError) as err:
        prepare(data, report=report)
    message = str(err.value)
    assert message.startswith("Geen codeboek opgegeven en geen kolom met antwoorden op een vijfpuntsschaal")
    assert "Respondent, Groep, Meting, Toelichting" in message and "source_row" not in message


def test_sdq_gender_codes_that_cannot_be_guessed_are_refused_or_named():
    # Adversary findings on gender-specific cut-offs (bands MADE UP: joint 5/6, boys 5/6, girls 7/8):
    # J/M meant jongen/meisje but 'M' was taken as boy; 1/2 codes, 'X' and 'anders' silently got the joint norm;
    # a table column named 'Geslacht' was ignored (every child got the last row: a boy 'normaal' instead of
    # 'verhoogd'); a boy of 15 with norms only for girls at 14-18 read 'geen norm voor leeftijd 15'.
    own = pd.DataFrame({"Version": ["zelf"] * 3, "Scale": ["emotional"] * 3, "Geslacht": [None, "jongen", "meisje"],
                        "borderline": [5, 5, 7], "abnormal": [6, 6, 8]})
    kids = pd.DataFrame([_sdq_child({"emotional": 6}, g=g) for g in ["J", "M", "anders", "X"]])
    out = sv.score_sdq(kids, version="zelf", cutoffs=own, gender="g")
    assert out["band_emotional"].tolist() == ["verhoogd", "normaal", "verhoogd", "verhoogd"]
    assert out["norm"].tolist()[:2] == ["eigen normen, jongen", "eigen normen, meisje"]
    assert "2 respondent(en) met een geslacht dat geen jongen of meisje is" in out.attrs["notes"][0]
    for codes, match in [(["M", "M"], "alleen de letter M is dubbelzinnig"), ([1, 2], "'1' is een code")]:
        with pytest.raises(InputError, match=match):
            sv.score_sdq(kids.iloc[:2].assign(g=codes), version="zelf", cutoffs=own, gender="g")
    with pytest.raises(InputError, match="twee rijen voor dezelfde leeftijd en hetzelfde geslacht"):
        sv.score_sdq(kids, version="zelf", cutoffs=pd.concat([own, own.tail(1)]), gender="g")
    with pytest.raises(InputError, match="heeft geen effect"):
        sv.score_sdq(kids, version="zelf", gender="g")
    with pytest.raises(InputError, match="'geslacht' \\(gender=\\) staat niet in de gegevens"):
        sv.score_sdq(kids, version="zelf", cutoffs=own, gender="geslacht")
    by_age = pd.DataFrame({"version": ["zelf"] * 3, "scale": ["emotional"] * 3, "gender": ["jongen", "meisje", "meisje"],
                           "age_min": [12, 12, 14], "age_max": [14, 14, 18], "borderline": [5, 7, 7], "abnormal": [6, 8, 8]})
    kids = pd.DataFrame([_sdq_child({"emotional": 6}, g=g, leeftijd=a) for g, a in
                         [("jongen", 15), ("meisje", 15), (None, 20), ("meisje", None)]])
    out = sv.score_sdq(kids, version="zelf", cutoffs=by_age, gender="g", age="leeftijd")
    assert out["norm"].tolist() == ["geen norm voor jongen, 15 jaar", "eigen normen, 14-18 jaar, meisje",
                                    "geen norm voor leeftijd 20", "geen norm: leeftijd ontbreekt"]
