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
