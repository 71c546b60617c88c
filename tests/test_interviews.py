"""Interviews: respondents (not fragments) per code, hierarchical codes, co-occurrence, safe quotes, figure."""
import numpy as np
import pandas as pd
import pytest

from evaluatie import InputError, synthetic
from evaluatie import interviews as iv
from evaluatie.plots import figure_texts


def test_counts_respondents_not_fragments_and_aggregates_sub_codes():
    f = pd.DataFrame({"respondent": ["a", "a", "a", "b", "c", "d"],
                      "group": ["ouder", "ouder", "ouder", "ouder", "leerkracht", "leerkracht"],
                      "code": ["wachttijd", "wachttijd", "samenwerking > overleg", "samenwerking>rolverdeling",
                               "samenwerking", "vertrouwen"]})
    freq = iv.code_frequencies(f).set_index(["code", "group"])
    assert freq.loc[("wachttijd", "ouder"), ["n_respondents", "n_fragments", "n_group"]].tolist() == [1, 2, 2]
    assert freq.loc[("samenwerking", "ouder"), "n_respondents"] == 2      # a and b via their sub-codes
    assert freq.loc[("samenwerking > rolverdeling", "ouder"), "depth"] == 2
    assert freq.loc[("wachttijd", "leerkracht"), "n_respondents"] == 0    # zeros are listed
    assert freq.loc[("samenwerking", "leerkracht"), "share"] == 0.5
    assert set(iv.code_frequencies(f, level=1)["depth"]) == {1}


def test_shares_recover_the_generating_probabilities():
    groups = {"ouder": 400, "leerkracht": 300}
    f, truth = synthetic.fragments(groups, seed=3)
    freq = iv.code_frequencies(f).set_index(["code", "group"])
    for group, probs in truth["probabilities"].items():
        if group not in groups:
            continue
        for code, p in probs.items():
            share = freq.loc[(code, group), "share"]
            se = np.sqrt(p * (1 - p) / groups[group])
            assert abs(share - p) < 4 * se, (code, group)


def test_cooccurrence_is_symmetric_with_respondent_counts_on_diagonal():
    f, _ = synthetic.fragments(seed=2)
    m = iv.cooccurrence(f)
    assert (m.to_numpy() == m.to_numpy().T).all()
    per_code = iv.code_frequencies(f, level=1).groupby("code")["n_respondents"].sum()
    assert (np.diag(m) == per_code.reindex(m.index).to_numpy()).all()


def test_quotes_are_anonymous_and_never_carry_personal_data():
    f = pd.DataFrame({"respondent": ["ps_b", "ps_a", "ps_a", "ps_c"], "group": "ouder",
                      "code": ["wachttijd", "wachttijd", "vertrouwen", "vertrouwen"],
                      "text": ["Lang gewacht.", "Bel me op 06-12345678.", "Fijn contact.", "Mail jan@voorbeeld.nl"]})
    q = iv.quotes(f, per_code=2, seed=1)
    assert set(q.columns) == {"code", "label", "group", "quote"}
    assert not q["quote"].str.contains("06-1|@").any()
    assert set(q["label"]) <= {"ouder 1", "ouder 2", "ouder 3"} and not q["label"].str.contains("ps_").any()
    assert q.set_index("quote").loc["Lang gewacht.", "label"] == "ouder 2"  # ps_a=1, ps_b=2 (sorted)


def test_heat_map_merges_small_groups_and_bad_input():
    f, _ = synthetic.fragments({"ouder": 8, "leerkracht": 6, "intern begeleider": 2}, seed=4)
    ax = iv.plot_codes(iv.code_frequencies(f))
    texts = " ".join(figure_texts(ax.figure))
    assert "intern begeleider" not in texts and "samengevoegd" in texts  # 2 care coordinators: too few
    with pytest.raises(InputError, match="mist kolom"):
        iv.code_frequencies(f.drop(columns="code"))
    summary = iv.summary(iv.code_frequencies(f))
    assert summary.startswith(("Ouder", "Overige", "Alle")) and "vooral" in summary and "intern" not in summary.lower()


@pytest.mark.parametrize("header", [
    ["id", "document", "tag", "content"],  # Taguette's highlights CSV, older versions
    ["id", "document", "tag", "tag_parent", "tag_full_path", "tag_description", "content"],  # newer versions
])
def test_taguette_highlights_export_is_read_without_renaming(tmp_path, header):
    """A Taguette export (header as written by ``highlights_csv`` in remram44/taguette, taguette/export.py)
    is read as it comes: ``document`` → respondent (one document per interview), ``tag`` → code,
    ``content`` → text. It has no group column: everybody is one group ``respondent``, nobody dropped."""
    import csv

    from evaluatie import read_table

    rows = [("interview ouder 1.docx", "samenwerking", "We weten elkaar nu sneller te vinden."),
            ("interview ouder 1.docx", "wachttijd", "Het duurde maanden."),
            ("interview leerkracht 2.docx", "samenwerking", "Korte lijnen met de jeugdondersteuner."),
            ("interview ib 3.docx", "samenwerking > overleg", "Elke maand een zorgoverleg.")]
    path = tmp_path / "all_tags.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for i, (doc, tag, content) in enumerate(rows, start=1):
            extra = ["", tag, ""] if len(header) == 7 else []
            w.writerow([i, doc, tag, *extra, content])
    data, report = read_table(path, kind="fragments")
    assert report.n_used == 4 and report.n_dropped == 0
    assert {"respondent", "code", "text"} <= set(data.columns) and "group" not in data.columns
    assert not data["respondent"].str.contains("interview").any()  # pseudonymized
    freq = iv.code_frequencies(data)
    top = freq.set_index("code")
    assert set(freq["group"]) == {"respondent"}
    assert top.loc["samenwerking", "n_respondents"] == 3 and top.loc["samenwerking", "n_group"] == 3
    assert top.loc["wachttijd", "n_respondents"] == 1
    labels = iv.quotes(data, seed=1)["label"]
    assert set(labels) <= {"respondent 1", "respondent 2", "respondent 3"}


def test_rows_without_a_group_are_counted_not_dropped():
    f = pd.DataFrame({"respondent": ["a", "b", "c"], "group": ["ouder", None, "ouder"], "code": ["x", "x", "y"]})
    freq = iv.code_frequencies(f).set_index(["code", "group"])
    assert freq.loc[("x", "groep onbekend"), "n_respondents"] == 1
    assert freq.loc[("x", "ouder"), "n_group"] == 2
    assert freq.groupby(level="group")["n_group"].first().sum() == 3  # every respondent in some group


def test_heat_map_caption_and_table_publish_the_same_protected_cells(tmp_path):
    """Adversary: the exported table hid 'leerkracht: 4' as x while the heat map showed 4/6 and the
    caption said "Intern begeleider (n = 3): samenwerking (3 van 3)"; with the total column, every
    hidden group count could be recomputed. Now figure, caption and table share one protected table."""
    import re

    from evaluatie.privacy import audit
    from evaluatie.report import Table, export_tables

    f, _ = synthetic.fragments({"ouder": 8, "leerkracht": 6, "intern begeleider": 3}, seed=4)
    freq = iv.code_frequencies(f, level=1)
    counts = iv.theme_counts(freq)
    assert list(counts.columns) == ["", "ouder", "overige"]  # 3 care coordinators join the smallest group
    assert counts.attrs["n"] == {"": 17, "ouder": 8, "overige": 9}
    assert (counts[""] == counts["ouder"] + counts["overige"]).all()
    hidden = iv.hidden_theme_counts(counts)
    assert hidden.to_numpy().any()
    # the same cells are hidden in the exported table (protected with the same links)
    paths = export_tables({"themas": Table(counts.rename_axis("thema"), cross=False)}, tmp_path, source="test",
                          links=iv.theme_links(counts, "themas"))
    table = pd.read_csv(paths["themas.csv"], sep=";", dtype=str, encoding="utf-8-sig").set_index("thema")
    assert ((table == "x").to_numpy() == hidden.to_numpy()).all()
    # the figure shows k/n only for published cells, and every published group cell
    texts = figure_texts(iv.plot_codes(freq).figure)
    shown = sorted(x for x in texts if re.fullmatch(r"\d+/\d+", x))
    expected = sorted(f"{counts.at[c, g]}/{counts.attrs['n'][g]}" for c in counts.index for g in ("ouder", "overige")
                      if not hidden.at[c, g])
    assert shown == expected and texts.count("x") == int(hidden[["ouder", "overige"]].to_numpy().sum())
    # what is published (table with its row relation) leaves every hidden cell an interval of at least 5
    published = counts.astype(float).mask(hidden)
    published.loc["Totaal"] = counts.sum()  # column totals assumed known
    result = audit({"t": published}, margins={"t": "columns"}, links=iv.theme_links(counts, "t"))
    assert result["protected"].all()
    # the caption names themes per group, never a count of a group
    caption = iv.summary(freq)
    assert not re.search(r"\d+ van \d+", caption) and "Intern" not in caption
    for g in ("ouder", "overige"):  # only published cells are ranked: an order would narrow hidden ones down
        line = re.search(rf"(?i){g} \(n = \d+\): vooral ([^.]*)\.", caption)
        named = line.group(1).split(", ") if line else []
        assert all(not hidden.at[c, g] for c in named)


def test_a_name_that_starts_a_sentence_keeps_a_quote_out():
    """Adversary: "Daan kwam elke dag te laat." passed possible_names (a capital after a full stop was
    taken for a sentence start) and was published as a quote in the factsheet and tables."""
    texts = ["Daan kwam elke dag te laat.", "Het ging slecht. Pieter bleef thuis.", "\"Sanne\" zei het zelf.",
             "Gelukkig kwam er hulp.", "Het duurde maanden. Daarna ging het beter.", "IKC De Linde helpt."]
    assert iv.possible_names(texts).tolist() == [True, True, True, False, False, True]
    f = pd.DataFrame({"respondent": ["a", "b"], "group": "ouder", "code": "wachttijd", "text": texts[:2]})
    assert iv.quotes(f[~iv.possible_names(f["text"])], per_code=2).empty


# --------------------------------------------------------------------------- QDA exports (tests/fixtures/qda)
QDA = __import__("pathlib").Path(__file__).parent / "fixtures" / "qda"


def _read(name, **kw):
    from evaluatie import read_table

    return read_table(QDA / name, kind="fragments", **kw)


def test_atlasti_quotation_manager_excel_one_row_per_code_with_hierarchy():
    """ATLAS.ti 9 Quotation Manager export (layout of ateeuw/FoodSecGovSim2 Data/all_quotes_simpl_20220321.xlsx):
    several codes per cell on separate lines, 'Categorie: code', a document in two groups, a quotation
    without code, an image quotation without text, a code twice in one cell."""
    data, report = _read("atlasti9_quotation_manager.xlsx")
    assert (report.n_read, report.n_used, report.n_dropped) == (10, 9, 1)
    assert len(data) == 12  # 9 quotations, three cells of two codes; 'Wachttijd' twice in a cell counts once
    assert data.groupby("source_row").size().to_dict() == {2: 2, 3: 1, 5: 1, 6: 1, 7: 1, 8: 2, 9: 1, 10: 1, 11: 2}
    assert sorted(data["code"].unique()) == ["Samenwerking", "Samenwerking > overleg", "Samenwerking > rolverdeling",
                                             "Vertrouwen", "Wachttijd", "tijdsduur: 3 maanden"]
    assert set(data["group"]) == {"ouder", "leerkracht", "intern begeleider / School A"}
    entries = report.to_frame()
    dropped = entries[entries["action"] == "verwijderd"]
    assert dropped[["row", "column", "reason"]].values.tolist() == [[4, "Codes", "verplichte waarde ontbreekt"]]
    changed = entries[entries["action"] == "aangepast"]
    assert changed["row"].tolist() == [2, 3, 8, 11] and (changed["column"] == "Codes").all()
    warned = entries[entries["action"] == "waarschuwing"]
    assert warned[["row", "column"]].values.tolist() == [[7, "Quotation Content"]]
    notes = " ".join(report.notes)
    assert "rijen 2, 8, 11" in notes and "'Samenwerking: overleg' → 'Samenwerking > overleg'" in notes
    assert "'tijdsduur: 3 maanden'" in notes and "intern begeleider / School A" in notes
    assert "'Quotation Name' niet ingelezen" in notes  # quotation names may hold names: not loaded
    # respondents (not fragments) per code, parents included: known from the fixture
    freq = iv.code_frequencies(data).groupby("code")["n_respondents"].sum()
    assert freq.to_dict() == {"Samenwerking": 4, "Samenwerking > overleg": 3, "Samenwerking > rolverdeling": 1,
                              "Vertrouwen": 3, "Wachttijd": 2, "tijdsduur: 3 maanden": 1}
    assert iv.code_frequencies(data).query("code == 'Samenwerking > overleg'")["depth"].eq(2).all()


def test_atlasti_csv_export_without_document_groups():
    """ATLAS.ti 23/24 quotation report saved as CSV (columns Number, Reference, Name, Text Content, Document,
    Codes, ...: ICSA26-supplementary-material/edgeai_empirical-study_replication-package), codes on CRLF lines."""
    data, report = _read("atlasti24_quotations.csv")
    assert (report.n_read, report.n_used, len(data)) == (3, 3, 5)
    assert data["code"].tolist() == ["Zorg > wachttijd", "Zorg > toegang", "Zorg > wachttijd", "Zorg > toegang",
                                     "School: contact"]  # 'School' starts one code only: no category
    assert data["text"].iloc[0] == "Eerst moesten we naar de huisarts." and "group" not in data
    assert set(iv.code_frequencies(data)["group"]) == {"respondent"}


@pytest.mark.parametrize("name, header_row", [("maxqda_coded_segments.xlsx", 1),
                                              ("maxqda_gecodeerde_segmenten_nl.xlsx", 3)])
def test_maxqda_coded_segments_backslash_hierarchy_duplicates_and_empty_segments(name, header_row):
    """MAXQDA 'Coded Segments' export (header of LeeLawliet/24_25_RD2 'Coded Segments.xlsx': Color, Document
    group, Document name, Code, Beginning, End, Weight score, Segment); the Dutch variant has a title row."""
    data, report = _read(name)
    first = header_row + 1
    assert (report.n_read, report.n_used, report.n_dropped, len(data)) == (8, 7, 1, 7)
    assert data.loc[0, "code"] == "Samenwerking > Overleg > Maandelijks zorgoverleg"
    entries = report.to_frame()
    assert entries[entries["action"] == "verwijderd"]["reason"].tolist() == [
        f"exacte dubbele rij (gelijk aan rij {first + 1})"]
    empty = entries[entries["action"] == "waarschuwing"]
    assert empty[["row", "column"]].values.tolist() == [[first + 4, "Segment"]]
    assert data.loc[data["source_row"] == first + 4, "code"].tolist() == ["Wachttijd"]  # kept: it counts
    freq = iv.code_frequencies(data).set_index(["code", "group"])
    assert freq.loc[("Samenwerking", "Leerkrachten"), "n_respondents"] == 2  # groep 5 via Rolverdeling, groep 7
    assert freq.loc[("Samenwerking > Overleg", "Ouders"), "depth"] == 2
    assert freq.loc[("Samenwerking > Overleg > Maandelijks zorgoverleg", "Ouders"), "depth"] == 3
    assert freq.loc[("Vertrouwen", "groep onbekend"), "n_respondents"] == 1  # a document without group stays
    assert "'Samenwerking\\Overleg' → 'Samenwerking > Overleg'" in " ".join(report.notes)
    if header_row > 1:
        assert any("rij 3" in n for n in report.notes)  # the header was found under the title row


def test_document_name_with_a_pupils_name_never_reaches_an_output(tmp_path):
    """'Interview moeder van Jan.docx' is the respondent: pseudonymized on load, and neither the name nor the
    quote that names Jan appears in the report, its tables, figures or quality report."""
    import re
    import shutil

    import openpyxl

    from evaluatie.pilot import run_pilot

    data, report = _read("atlasti9_quotation_manager.xlsx")
    pattern = re.compile(r"\bJan\b|moeder van|Sanne")
    assert not data["respondent"].str.contains(pattern).any() and data["respondent"].str.startswith("ps_").all()
    for col in data.columns.drop(["text"]):
        assert not data[col].astype(str).str.contains(pattern).any(), col
    assert not pattern.search(str(report) + report.summary() + report.to_frame().to_string())
    shutil.copy(QDA / "atlasti9_quotation_manager.xlsx", tmp_path)
    (tmp_path / "pilot.toml").write_text(
        'naam = "qda"\ntitel = "Test"\nregio = "Gemeente Test"\nperiode = "2026"\npubliek = "gemeente"\n'
        'taal = "nl"\nbron = "test"\nseed = 1\ndrempel = 5\n\n[data]\nfragmenten = "atlasti9_quotation_manager.xlsx"\n'
        '\n[analyses.interviews]\ncitaten = 1\n', encoding="utf-8")
    paths = run_pilot(tmp_path / "pilot.toml", figures=tmp_path / "fig", reports=tmp_path / "rep", pdf=False,
                      docx=False)
    quotes = (tmp_path / "rep" / "qda" / "interviews_citaten.csv").read_text(encoding="utf-8-sig")
    assert "Wachttijd" in quotes and "Jan kwam" not in quotes  # a quote for the theme, not the one naming Jan
    for path in map(__import__("pathlib").Path, paths.values()):
        if path.suffix in (".png", ".pdf"):
            continue
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            text = " ".join(str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row if c)
        else:
            text = path.read_text(encoding="utf-8-sig")
        assert not pattern.search(text), path.name


def test_code_matrix_and_html_exports_are_refused_in_dutch():
    with pytest.raises(InputError, match=r"'maxqda_codematrix.csv', rij 1: de kolommen 'Code: Samenwerking', "
                                         r"'Code: Wachttijd' zijn codes") as err:
        _read("maxqda_codematrix.csv")
    assert err.value.row == 1
    with pytest.raises(InputError, match=r"'maxqda_coded_segments.html' is een HTML-export\. Exporteer"):
        _read("maxqda_coded_segments.html")
    with pytest.raises(InputError, match="is an HTML export"):
        _read("maxqda_coded_segments.html", lang="en")


def test_normalize_codes_colon_is_a_category_only_when_shared():
    f = pd.DataFrame({"respondent": list("abcdef"),
                      "code": ["Rol: ib\nRol: leraar", "Tijd: 10:30", "Zorg", "Zorg: jgz", "Papers - title: A: b",
                               "Papers - title: C"]})
    out = iv.normalize_codes(f)
    assert out["code"].tolist() == ["Rol > ib", "Rol > leraar", "Tijd: 10:30", "Zorg", "Zorg > jgz",
                                    "Papers - title > A: b", "Papers - title > C"]
    assert out.index.tolist() == [0, 0, 1, 2, 3, 4, 5]  # the split cell keeps its row
    assert iv.normalize_codes(pd.DataFrame({"respondent": ["a"], "code": ["A\\ B \\\\C"]}))["code"].tolist() == [
        "A > B > C"]
    # review: 'Rol: ib' and 'rol: leraar' were grouped ignoring case but written as two parents, 'Rol' and 'rol'
    mixed = iv.normalize_codes(pd.DataFrame({"respondent": ["a", "b"], "code": ["Rol: ib", "rol: leraar"]}))
    assert mixed["code"].tolist() == ["Rol > ib", "Rol > leraar"]


def test_a_code_cell_of_separators_only_is_dropped_and_reported(tmp_path):
    from evaluatie import read_table

    path = tmp_path / "segmenten.csv"
    path.write_text("Document name;Code;Segment\nInterview 1;Zorg\\Wachttijd;Lang gewacht.\n"
                    "Interview 2;\\;Tekst zonder code.\nInterview 3; > ;Nog een.\n", encoding="utf-8")
    data, report = read_table(path, kind="fragments")
    assert data["code"].tolist() == ["Zorg > Wachttijd"] and report.n_used == 1 and report.n_dropped == 2
    entries = report.to_frame()
    assert entries[["row", "column", "action"]].values.tolist() == [[3, "Code", "verwijderd"],
                                                                   [4, "Code", "verwijderd"]]
    assert entries["reason"].str.contains("alleen scheidingstekens").all()


def test_an_export_without_codes_names_file_row_and_missing_column(tmp_path):
    """ATLAS.ti quotations exported without the 'Codes' column: a Dutch refusal naming what is missing."""
    from evaluatie import read_table

    path = tmp_path / "citaten.csv"
    path.write_text("ID;Quotation Name;Document;Document Groups;Quotation Content\n1:1;x;Interview 1.docx;ouder;Tekst\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"'citaten.csv'.*rij 1\): Code \(code\)\..*codes, thema") as err:
        read_table(path, kind="fragments")
    assert (err.value.row, err.value.column) == (1, "code")


def test_codes_only_spreadsheet_gets_one_note_not_a_warning_per_row(tmp_path):
    """The fragments template has an optional text column: a filled template with codes only gave a warning
    per row ('leeg fragment'); now one note names the rows. An exception in a text file stays a warning."""
    from evaluatie.io import read_table

    codes_only = pd.DataFrame({"Respondent": ["R1", "R2", "R3"], "Groep": ["ouder"] * 3,
                               "Code": ["wachttijd", "samenwerking", "wachttijd"], "Tekst": ["Het duurde lang.", None, None]})
    codes_only.to_csv(tmp_path / "codes.csv", sep=";", index=False)
    _, report = read_table(tmp_path / "codes.csv", kind="fragments")
    assert report.entries == [] and any("2 fragment(en) zonder tekst (rij 3, 4)" in n for n in report.notes)
    texts = codes_only.assign(Tekst=["Het duurde lang.", "We overleggen nu.", None])
    texts.to_csv(tmp_path / "texts.csv", sep=";", index=False)
    _, report = read_table(tmp_path / "texts.csv", kind="fragments")
    assert [(e["row"], e["action"]) for e in report.entries] == [(4, "warning")]
