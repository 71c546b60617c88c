import pandas as pd
import pytest

from evaluatie import InputError, synthetic
from evaluatie.agencies import name_key, normalize, similarity, split_cells


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


STUDENT_CELLS = ["Accare, Wijkteam Noord", "Accare + wijkteam", "Accare/Karakter", "Accare; Yorneo",
                 "Wijkteam Noord en GGD", "Accare", "Karakter", "Yorneo", "GGD", "Wijkteam Noord"]


def test_a_single_name_is_never_mapped_onto_a_combined_cell():
    # the new-user test: 'Accare' -> 'Accare, Wijkteam Noord' and 'GGD' -> 'Wijkteam Noord en GGD', score 100
    out = normalize(STUDENT_CELLS).set_index("raw")
    for single in ("Accare", "Karakter", "Yorneo", "GGD", "Wijkteam Noord"):
        assert out.loc[single, "agency"] == single and out.loc[single, "method"] == "new"
    assert similarity("Accare", "Accare, Wijkteam Noord") == 0 and similarity("GGD", "Wijkteam Noord en GGD") == 0


@pytest.mark.parametrize("a, b, low, high", [
    ("Acare", "Accare", 85, 99), ("Karaktr", "Karakter", 85, 99), ("dyslexie centrum", "Dyslexiecentrum", 100, 100),
    ("accare kinder- en jeugdpsychiatrie", "Accare", 100, 100), ("G.G.D.", "ggd", 100, 100),
    # a place is no spelling: pairs that differ in it are decided by normalize's regional rule (all names at once)
    ("Accare Zwolle", "Accare", 0, 0), ("Wijkteam Noord", "Wijkteam Zuid", 0, 0), ("Wijkteam Oost", "Wijkteam West", 0, 0),
    ("Vroeghulp", "Integrale vroeghulp", 0, 0), ("huisarts", "Praktijkondersteuner huisarts", 0, 0),
    ("Accare Kinder- en Jeugdpsychiatrie", "Karakter kinder- en jeugdpsychiatrie", 0, 60),
    ("Jeugdbescherming", "Jeugdreclassering", 0, 84)])
def test_similarity_matches_spellings_not_parts(a, b, low, high):
    assert low <= similarity(a, b) <= high and similarity(a, b) == similarity(b, a)


def test_no_two_synthetic_agencies_and_no_part_of_a_list_reach_the_threshold():
    names = [a[0] for a in synthetic.AGENCIES]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert similarity(a, b) < 85, (a, b)
            for sep in (", ", " + ", "/", "; ", " en ", " & "):  # a name never matches a cell listing it
                assert similarity(a, a + sep + b) < 85 and similarity(b, a + sep + b) < 85, (a, b, sep)


def test_cells_naming_several_agencies_are_split_only_into_names():
    from evaluatie.quality import QualityReport

    cells = STUDENT_CELLS + ["Centrum voor Jeugd en Gezin", "Bureau Jeugd en Gezin", "Veilig Thuis",
                             "Accare (Kinder- en Jeugdpsychiatrie)", "Kinder- en Jeugdpsychiatrie Karakter",
                             "Accare, afdeling autisme", "Accare en Buurtzorg Jong", "Veilig Thuis/Accare"]
    d = pd.DataFrame({"pupil": [f"p{i}" for i in range(len(cells))], "agency_raw": cells,
                      "agency_type": ["jeugd-GGZ"] + [None] * (len(cells) - 1), "source_row": range(2, len(cells) + 2)})
    rep = QualityReport(source="x", kind="dossier", n_read=len(d))
    out = split_cells(d, report=rep, label="Hulpverlener")
    parts = out.groupby("pupil", sort=False)["agency_raw"].agg(list)
    assert parts["p0"] == ["Accare", "Wijkteam Noord"] and parts["p1"] == ["Accare", "wijkteam"]
    assert parts["p2"] == ["Accare", "Karakter"] and parts["p3"] == ["Accare", "Yorneo"]
    assert parts["p4"] == ["Wijkteam Noord", "GGD"] and parts["p17"] == ["Veilig Thuis", "Accare"]
    for i in range(5, 16):  # single names and names with "en" in them stay whole
        assert parts[f"p{i}"] == [cells[i]]
    assert out.loc[out["pupil"] == "p0", "agency_type"].isna().all()  # whose type was 'jeugd-GGZ'? unclear
    entries = pd.DataFrame(rep.entries)
    changed = entries[entries["action"] == "changed"]
    assert changed["row"].tolist() == [2, 3, 4, 5, 6, 19] and (changed["column"] == "Hulpverlener").all()
    assert changed["value"].tolist()[:2] == ["Accare, Wijkteam Noord", "Accare + wijkteam"]  # the cell as typed
    assert "'Accare' en 'Wijkteam Noord'" in changed["reason"].iloc[0] and "jeugd-GGZ" in changed["reason"].iloc[0]
    warned = entries[entries["action"] == "warning"].set_index("row")
    assert warned.index.tolist() == [17, 18]  # a list with a part that is no known agency: kept, with advice
    assert "'afdeling autisme'" in warned.loc[17, "reason"] and "'Buurtzorg Jong'" in warned.loc[18, "reason"]
    assert any(n.startswith("6 cel(len) met meer instanties gesplitst") for n in rep.notes)
    assert split_cells(out).equals(out)  # nothing left to split


def test_a_cell_listed_in_the_mapping_is_not_split():
    d = pd.DataFrame({"pupil": ["p1", "p2", "p3"], "agency_raw": ["Vitree/Pluryn", "Vitree", "Pluryn"]})
    assert len(split_cells(d)) == 4
    assert len(split_cells(d, mapping=pd.DataFrame({"raw": ["Vitree/Pluryn"], "agency": ["Vitree"]}))) == 3
    jgz = pd.DataFrame({"pupil": ["p1", "p2", "p3"], "agency_raw": ["GGD/JGZ", "GGD", "JGZ"]})
    assert len(split_cells(jgz)) == 3  # JGZ is the GGD's youth health service, not an agency of its own


def test_placeholder_words_mean_no_agency():
    from evaluatie.quality import QualityReport

    cells = ["geen", "?", "0", "onbekend", "geen hulp", "x", "Geen ", "GGD", None, "Accare, geen"]
    out = normalize(cells)
    assert out["agency"].notna().tolist() == [False] * 7 + [True, False, True]
    assert out["raw"].tolist()[:2] == ["geen", "?"]  # the cell as written is kept
    d = pd.DataFrame({"pupil": [f"p{i}" for i in range(len(cells))], "agency_raw": cells, "source_row": range(2, 12)})
    rep = QualityReport(source="x", kind="dossier", n_read=len(d))
    kept = split_cells(d, report=rep)
    assert kept["agency_raw"].notna().tolist() == [False] * 7 + [True, False, True]
    changed = [e for e in rep.entries if e["action"] == "changed"]
    assert [e["row"] for e in changed] == [2, 3, 4, 5, 6, 7, 8]
    assert changed[0]["value"] == "geen" and "betekent: geen instantie" in changed[0]["reason"]


def test_agencies_errors_in_english_with_lang_en(tmp_path):
    with pytest.raises(InputError, match="^Lookup table '.*koppel.csv' does not exist"):
        normalize(["Accare"], mapping=tmp_path / "koppel.csv", lang="en")
    with pytest.raises(InputError, match="^The lookup table lacks column\\(s\\) agency; needed are 'raw'"):
        normalize(["Accare"], mapping=pd.DataFrame({"raw": ["Accare"]}), lang="en")


def test_agencies_dutch_error_text_is_unchanged_by_default(tmp_path):
    with pytest.raises(InputError) as info:
        normalize(["Accare"], mapping=pd.DataFrame({"naam": ["Accare"]}))
    assert str(info.value) == ("De koppeltabel mist kolom(men) agency, raw; nodig zijn 'raw' (naam zoals in het dossier) "
                               "en 'agency' (de instantie), optioneel 'agency_type'.")
    with pytest.raises(InputError) as info:
        normalize(["Accare"], mapping=tmp_path / "koppel.csv")
    assert str(info.value) == f"Koppeltabel '{tmp_path / 'koppel.csv'}' bestaat niet."
    assert info.value.file == str(tmp_path / "koppel.csv")


def test_a_relative_in_the_agency_column_is_no_agency_and_its_name_is_never_shown(tmp_path):
    """New-user file: 'Jan Jansen (oom)' in the agency column reached the published agency table as a row
    (count hidden, name shown). A relative or neighbour is no agency; the report masks the name."""
    from evaluatie.quality import QualityReport

    cells = ["Jan Jansen (oom)", "oma", "Accare", "Moeder en kind centrum Noord"]
    assert normalize(cells)["agency"].notna().tolist() == [False, False, True, True]
    d = pd.DataFrame({"pupil": ["p1", "p2", "p3", "p4"], "agency_raw": cells, "source_row": range(2, 6)})
    rep = QualityReport(source="x", kind="dossier", n_read=len(d))
    kept = split_cells(d, report=rep)
    assert kept["agency_raw"].notna().tolist() == [False, False, True, True]
    assert "Jansen" not in rep.summary() and "Jansen" not in rep.to_frame().to_string()
    assert [e["row"] for e in rep.entries] == [2, 3] and "netwerk van de leerling" in rep.entries[0]["reason"]
