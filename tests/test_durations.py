"""Process times: R agreement (survfit/survdiff), recovery of a known median, bad input, process steps."""
import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from evaluatie import InputError, synthetic
from evaluatie.durations import (classify_absence, durations, kaplan_meier, logrank, process_steps,
                                 share_within)

REF = pd.read_csv(__import__("pathlib").Path(__file__).parent / "reference" / "durations.csv")


def _km(conf_type):
    # Censored cases: end empty and censored at their own time -> use one reference date per case by
    # shifting starts so that every censored case ends exactly on the common reference date.
    ref = pd.Timestamp("2025-01-01")
    start = ref - pd.to_timedelta(REF["days"], unit="D")
    end = (start + pd.to_timedelta(REF["days"], unit="D")).where(REF["placed"] == 1)
    data = pd.DataFrame({"start": start, "end": end, "group": REF["group"]})
    return kaplan_meier(data, group="group", reference_date=ref, conf_type=conf_type), data, ref


def test_kaplan_meier_median_and_interval_equal_r():
    # R survival 3.5: summary(survfit(Surv(days, placed) ~ group, conf.type = ...))$table (tests/reference/durations.R)
    km, _, _ = _km("log")
    m = km.medians.set_index("group")
    assert_allclose(m.loc[["na", "voor"], ["n", "events", "median", "lower"]].to_numpy(float),
                    [[10, 8, 45, 20], [11, 8, 70, 40]])
    assert m["upper"].isna().all()  # R: NA
    km2, _, _ = _km("log-log")
    m2 = km2.medians.set_index("group")
    assert_allclose(m2.loc[["na", "voor"], ["median", "lower"]].to_numpy(float), [[45, 5], [70, 25]])


def test_share_within_equal_r_summary_times():
    # R: summary(fit, times = 90): surv 0.18 / 0.409090909091; log lower 0.0349225702278 / 0.193850185872,
    # upper 0.927766764836 / 0.863323247012; log-log lower 0.0115404893949 / 0.127292374811,
    # upper 0.517351543372 / 0.6786960579
    km, data, ref = _km("log")
    s = km.share_within(90).set_index("group").loc[["na", "voor"]]
    assert_allclose(1 - s["share"], [0.18, 0.409090909091], rtol=1e-10)
    assert_allclose(1 - s["upper"], [0.0349225702278, 0.193850185872], rtol=1e-9)
    assert_allclose(1 - s["lower"], [0.927766764836, 0.863323247012], rtol=1e-9)
    s2 = share_within(data, days=90, group="group", reference_date=ref, conf_type="log-log").set_index("group")
    assert_allclose(1 - s2.loc[["na", "voor"], "upper"], [0.0115404893949, 0.127292374811], rtol=1e-9)
    assert_allclose(1 - s2.loc[["na", "voor"], "lower"], [0.517351543372, 0.6786960579], rtol=1e-9)


def test_logrank_equal_r_survdiff():
    _, data, ref = _km("log")
    r = logrank(data, group="group", reference_date=ref)
    assert_allclose(r.statistic, 2.31009386744, rtol=1e-9)  # R survdiff chisq
    assert r.df == 1 and 0.12 < r.p_value < 0.14
    assert "χ² = 2,31" in r.sentence()


@pytest.mark.parametrize("days, status, expected", [
    ([1, 2, 3, 4], [1, 1, 1, 1], 2.5),                   # R: flat median 2.5
    ([10, 20, 20, 30, 45, 60], [1, 1, 1, 0, 1, 1], 32.5),  # R: 32.5 (censored time 30 skipped)
    ([1, 2, 3, 4], [1, 1, 0, 0], 2.0),                   # R: curve ends at 0.5 -> 2 ("ends at 0.5" in durations.R)
    ([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 1, 0, 1, 1, 0], 5.0),  # R: 5 ("eight" in durations.R)
])
def test_flat_median_convention_equals_r(days, status, expected):
    ref = pd.Timestamp("2025-01-01")
    start = ref - pd.to_timedelta(days, unit="D")
    end = pd.Series(ref, index=range(len(days))).where(np.array(status) == 1)
    km = kaplan_meier(pd.DataFrame({"start": start, "end": end}), reference_date=ref)
    assert km.medians["median"].item() == expected


def test_known_median_and_share_recovered_from_synthetic_trajectories():
    data, truth = synthetic.trajectories(n_cases=3000, seed=21)
    km = kaplan_meier(data, group="group", reference_date=truth["study_end"])
    m = km.medians.set_index("group")
    for g in ("voor", "na"):
        # integer-day durations (max(1, floor(x))) put the median of the data about half a day below the truth
        assert m.loc[g, "lower"] - 1 <= truth["median_days"][g] <= m.loc[g, "upper"] + 1
        assert m.loc[g, "median"] == pytest.approx(truth["median_days"][g], rel=0.1)
    s = km.share_within(90).set_index("group")
    for g in ("voor", "na"):
        assert s.loc[g, "share"] == pytest.approx(truth["share_within_90"][g], abs=0.05)
    assert logrank(data, group="group", reference_date=truth["study_end"]).p_value < 0.001


def test_bad_rows_are_reported_not_lost():
    d = pd.DataFrame({"start": ["3-9-2024", None, "2024-09-10", "1 okt 2024", "31-2-2024", "5-9-2024", "1-1-2026"],
                      "end": ["15-11-2024", "1-10-2024", "1-9-2024", None, None, "45580", None],
                      "group": ["a", "a", "b", None, "b", "b", "a"]})
    frame, report = durations(d, group="group", reference_date="1-12-2024")
    assert report.n_read == 7 and len(frame) == report.n_used == 3
    reasons = {e["row"]: e["reason"] for e in report.entries if e["action"] == "dropped"}
    assert set(reasons) == {1, 2, 4, 6}
    assert "ontbreekt" in reasons[1] and "voor de startdatum" in reasons[2] and "niet te lezen" in reasons[4]
    assert "peildatum" in reasons[6]
    assert frame.loc[3, "group"] == "onbekend" and not frame.loc[3, "observed"]
    assert frame.loc[0, "weeks"] == pytest.approx(73 / 7)
    assert frame.loc[5, "days"] == (pd.Timestamp("2024-10-15") - pd.Timestamp("2024-09-05")).days  # Excel serial
    # an end after the reference date counts as still open on that date
    f2, r2 = durations(d.iloc[[0]], reference_date="1-10-2024")
    assert not f2["observed"].item() and f2["days"].item() == 28 and r2.entries[0]["action"] == "changed"


def test_bad_input_errors():
    with pytest.raises(InputError, match="ontbreekt|mist kolom"):
        kaplan_meier(pd.DataFrame({"begin": ["1-1-2024"]}))
    with pytest.raises(InputError, match="Kies uit: log, log-log, plain"):
        kaplan_meier(pd.DataFrame({"start": ["1-1-2024"], "end": ["2-1-2024"]}), conf_type="loglog")
    with pytest.raises(InputError, match="Geen enkele casus"):
        kaplan_meier(pd.DataFrame({"start": ["1-3-2024"], "end": ["2-1-2024"]}))
    with pytest.raises(InputError, match="één groep"):
        logrank(pd.DataFrame({"start": ["1-1-2024"] * 2, "end": ["2-1-2024", None], "g": "a"}), group="g")


def test_process_steps_where_the_time_goes():
    d = pd.DataFrame({"aanmelding": ["1-9-2024", "1-9-2024", "1-9-2024", "1-9-2024", None],
                      "indicatie": ["21-9-2024", "11-10-2024", None, "20-8-2024", "1-9-2024"],
                      "start_hulp": ["1-10-2024", "21-10-2024", None, "1-10-2024", "1-10-2024"],
                      "route": ["nieuw", "nieuw", "nieuw", "nieuw", "oud"]})
    r = process_steps(d, steps=["aanmelding", "indicatie", "start_hulp"], group="route", reference_date="1-11-2024")
    tab = r.steps.set_index("step")
    assert tab.loc["aanmelding → indicatie", "n"] == 3 and tab.loc["aanmelding → indicatie", "completed"] == 2
    assert tab.loc["aanmelding → indicatie", "mean_completed"] == 30.0  # (20 + 40) / 2
    assert tab.loc["totaal", "mean_completed"] == 40.0
    assert tab.loc["aanmelding → indicatie", "share_of_total"] == 0.75
    assert r.report.n_dropped == 1  # no registration date
    assert any("ligt voor" in e["reason"] for e in r.report.entries)
    assert "meeste tijd" in r.sentence()
    assert r.plot() is not None and "mediaan" in r.summary()


def test_classify_absence_definitions():
    d = pd.DataFrame({"ingeschreven": ["ja", "ja", "nee", "ja", "ja"], "weken": [6, 4, 0, 0, "4,5"]})
    out = classify_absence(d, enrolled="ingeschreven", weeks_absent="weken")
    assert out["category"].tolist() == ["langdurig relatief verzuim", "relatief verzuim", "absoluut verzuim",
                                        "geen verzuim", "langdurig relatief verzuim"]
    assert out["thuiszitter"].tolist() == [True, False, True, False, True]
    with pytest.raises(InputError, match="weken"):
        classify_absence(d.assign(weken=[1, -2, 0, 0, 0]), enrolled="ingeschreven", weeks_absent="weken")


def test_results_render():
    data, truth = synthetic.trajectories(n_cases=60, seed=3)
    km = kaplan_meier(data, group="group")
    assert "mediaan" in km.summary() and "median" in km.summary(lang="en")
    assert km.plot() is not None and len(km.to_frame()) == 2


def test_procedures_generator_truth_recovered():
    data, truth = synthetic.procedures(n_cases=4000, seed=5, study_end="2030-12-31")  # nothing open: no censoring
    r = process_steps(data, steps=["registration", "indication", "start_help"], group="route")
    tab = r.steps.set_index(["group", "step"])
    for route, means in truth["mean_days"].items():
        got = tab.loc[(route, "registration → indication"), "mean_completed"]
        assert got == pytest.approx(means["registration_to_indication"], rel=0.05)
        got = tab.loc[(route, "indication → start_help"), "mean_completed"]
        assert got == pytest.approx(means["indication_to_start_help"], rel=0.05)


def test_example_files_rows_reported_with_file_row_numbers(root):
    from evaluatie import read_table

    d, _ = read_table(root / "data_raw" / "voorbeeld" / "procedures_logopedie.csv", kind="trajectories")
    bad = d.copy()
    bad.loc[0, "Datum indicatie"] = "31-2-2024"
    r = process_steps(bad, steps=["start", "Datum indicatie", "Start hulp"], group="group")
    assert r.report.entries[0]["row"] == d.loc[0, "source_row"] == 2


def test_english_texts_and_single_group_sentence():
    d = pd.DataFrame({"a": ["1-9-2024", "1-9-2024"], "b": ["11-9-2024", "21-9-2024"], "c": ["1-10-2024", None]})
    steps = process_steps(d, steps=["a", "b", "c"], reference_date="1-11-2024")
    assert steps.sentence().startswith("De hele route duurt gemiddeld 30 dagen")
    assert "Whole route" in steps.plot(lang="en").get_title(loc="left") and "median" in steps.summary(lang="en")
    data, _ = synthetic.trajectories(n_cases=40, seed=4)
    r = logrank(data, group="group")
    assert "Log-rank test" in r.summary(lang="en") and "degree of freedom" in r.sentence(lang="en")
    assert "Kaplan–Meier" in r.survival.summary(lang="en")
    with pytest.raises(InputError, match="evenveel namen"):
        process_steps(d, steps=["a", "b", "c"], names=["x", "y"])


def test_cli_doorlooptijden(tmp_path, root, capsys):
    from evaluatie.cli import main

    bestand = root / "data_raw" / "voorbeeld" / "trajecten_thuiszitters.xlsx"
    assert main(["doorlooptijden", str(bestand), "--figuren", str(tmp_path), "--peildatum", "31-7-2024"]) == 0
    out = capsys.readouterr().out
    assert "Log-rank-toets" in out and "binnen 90 dagen" in out and "peildatum 31-07-2024" in out
    assert (tmp_path / "04_doorlooptijden.png").exists()
    assert main(["doorlooptijden", str(root / "tests" / "corpus" / "eind_voor_start.csv"), "--figuren",
                 str(tmp_path)]) == 0
    assert "einddatum ligt voor de startdatum" in capsys.readouterr().out


def test_nothing_complete_yet_is_said_not_crashed():
    d = pd.DataFrame({"a": ["1-1-2024", "5-1-2024"], "b": [None, None], "c": [None, None]})
    r = process_steps(d, steps=["a", "b", "c"], reference_date="1-3-2024")
    assert r.sentence() == "Nog geen casus heeft alle stappen doorlopen."
    km = kaplan_meier(pd.DataFrame({"start": ["1-1-2024", "5-1-2024"], "end": [None, None]}), reference_date="1-3-2024")
    assert "mediaan nog niet bereikt" in km.sentence() and km.plot() is not None
    assert km.share_within(90)["share"].isna().all()  # followed for fewer than 90 days: not estimable


def test_open_ended_median_interval_is_said_in_words():
    """R gives NA as upper limit (tests/reference/durations.R: 0.95UCL NA): the text says so instead of 'tot –'."""
    km, _, _ = _km("log")
    text = km.sentence()
    assert "na (n = 10): mediaan 45 dagen (95%-BI: 20 dagen of langer; een bovengrens is met deze gegevens niet te " \
           "geven)" in text and "tot –" not in text
    assert "(95% CI: 40 days or longer; no upper limit" in km.sentence(lang="en")


def test_still_waiting_words_in_the_end_date_are_open_cases(tmp_path):
    """'nog niet' / 'loopt nog' / 'nog open' / 'wacht nog' / '-' in the end date: a child still waiting.
    Dropping those rows removes exactly the longest waits; they are open cases, censored at the reference date."""
    words = ["nog niet", "Loopt nog", "nog open.", "wacht nog", "-"]
    d = pd.DataFrame({"start": ["1-9-2024"] * 6, "end": ["1-10-2024"] + words})
    frame, report = durations(d, reference_date="1-12-2024")
    assert len(frame) == 6 and report.n_dropped == 0
    assert frame["observed"].tolist() == [True] + [False] * 5 and frame["days"].tolist() == [30] + [91] * 5
    changed = [e for e in report.entries if e["action"] == "changed"]
    assert [e["row"] for e in changed] == [1, 2, 3, 4] and "loopt nog" in changed[0]["reason"]
    # the same from a file through read_table (the student's 'Datum plaatsing' column), and the median moves
    rows = ["Casus;Aanmelddatum;Datum plaatsing"] + [f"C{i};1-9-2024;{e}" for i, e in enumerate(d["end"])]
    path = tmp_path / "thuiszitters.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from evaluatie import read_table

    data, rep = read_table(path, kind="trajectories")
    assert rep.n_used == 6 and data["end"].notna().sum() == 1
    assert sorted(e["row"] for e in rep.entries if e["action"] == "changed") == [3, 4, 5, 6]
    note = next(n for n in rep.notes if "4 cel(len) met" in n)
    assert "gelezen als leeg: de casus loopt nog" in note and all(f"'{w}'" in note for w in words[:4])
    # a start date is required: there the words are not a date and the row is reported as dropped
    path.write_text("Casus;Aanmelddatum;Datum plaatsing\nC1;nog niet;\nC2;1-9-2024;\n", encoding="utf-8")
    data, rep = read_table(path, kind="trajectories")
    assert rep.n_used == 1 and rep.entries[0]["row"] == 2 and rep.entries[0]["action"] == "dropped"


def test_missing_column_is_named_as_in_the_file(tmp_path, capsys):
    """`evaluatie doorlooptijden` said 'De tabel mist kolom(men) end. Aanwezig: source_row, case, start, ...'."""
    from evaluatie.cli import main

    path = tmp_path / "thuiszitters.csv"
    path.write_text("Casus;Aanmelddatum;Geplaatst op\nT1;3-9-2024;15-10-2024\nT2;4-9-2024;\n", encoding="utf-8")
    assert main(["doorlooptijden", str(path), "--figuren", str(tmp_path)]) != 0
    err = capsys.readouterr()
    text = err.out + err.err
    assert "mist kolom(men) Einddatum (of: eind, datumplaatsing" in text and "datumpassendaanbod" in text
    assert "Aanwezig: Casus, Aanmelddatum, Geplaatst op." in text
    assert not any(w in text for w in ("source_row", " end", "case,", "start,"))
    # a DataFrame of one's own: the name the function looks for, with the names a file may use
    with pytest.raises(InputError, match=r"mist kolom\(men\) 'end' \(in een bestand: Einddatum, of: eind"):
        durations(pd.DataFrame({"start": ["1-1-2024"]}))


def test_logrank_sentence_writes_small_p_values_as_people_read_them():
    """χ² = 13,96 with 1 df is p = 0,00019: written 'p < 0,001', never 'p = 0,000' (as the factsheet writes p)."""
    d = pd.read_csv(__import__("pathlib").Path(__file__).parents[1] / "data_raw" / "voorbeeld" /
                    "procedures_logopedie.csv", sep=";", encoding="utf-8-sig", dtype=str)
    frame = pd.DataFrame({"start": d["Aanmelddatum"], "end": d["Start hulp"].replace("", None), "group": d["Groep"]})
    r = logrank(frame, group="group")
    assert 1e-4 < r.p_value < 1e-3
    assert r.sentence().endswith("(1 vrijheidsgraad), p < 0,001.") and "p < 0.001" in r.sentence("en")
    _, data, ref = _km("log")
    assert logrank(data, group="group", reference_date=ref).sentence().endswith("p = 0,129.")


def test_shareable_leaves_out_groups_with_small_counts():
    """Fresh-eye test: notebook 04 saved the figure 'to share' with a group 'Na' of one case (its exact duration
    in the curve and the caption). ``shareable`` applies the rule of ``evaluatie rapport``: a group is drawn only
    when its cases, those ended within the norm and the others are all 0 or at least 5."""
    from evaluatie.durations import shareable

    ends = ["1-2-2024"] * 6 + ["1-8-2024"] * 5  # 6 within 90 days, 5 beyond: every count at least 5
    d = pd.DataFrame({"start": ["1-1-2024"] * 16, "end": ends + ["1-3-2024"] + ["1-2-2024"] * 4,
                      "group": ["na"] * 11 + ["Na"] + ["voor"] * 4})
    rows, column, left_out = shareable(d, group="group")
    assert column == "group" and left_out == ["Na", "voor"] and len(rows) == 11 and set(rows["group"]) == {"na"}
    # no group passes (na: 5 within, 3 beyond; voor: 6 within, 2 beyond): all cases together (11 within, 5 beyond)
    d2 = d.assign(group=["na", "voor"] * 8)
    rows, column, left_out = shareable(d2, group="group")
    assert column is None and len(rows) == 16 and left_out == ["na", "voor"]
    # even together small (3 beyond the norm): nothing to share
    rows, column, _ = shareable(d.iloc[:9], group=None)
    assert rows is None and column is None
    # cases without a group are never a group of their own, but count in 'all together'
    d3 = d.assign(group=[None] * 16)
    rows, column, left_out = shareable(d3, group="group")
    assert column is None and left_out == [] and len(rows) == 16
