"""Interviews: which themes parents, teachers and care coordinators raise, and in their own words.

Works on coded fragments (the ``fragments`` table: respondent, group, code, text), for example
exported from a spreadsheet or from ATLAS.ti, MAXQDA or Taguette. Codes may be hierarchical,
written ``"samenwerking > overleg"``: a respondent who mentions a sub-code also counts for its parent.

:func:`evaluatie.read_table` (``kind="fragments"``) reads these exports as they come, one document
per interview (the document name is the respondent, pseudonymized on load):

* ATLAS.ti Quotation Manager → Excel/CSV: ``Document``, ``Document Groups``, ``Codes`` (several on
  separate lines), ``Quotation Content`` or ``Text Content``; ``Categorie: code`` is a hierarchy
  when the category starts several codes;
* MAXQDA coded segments → Excel: ``Document group``, ``Document name``, ``Code`` (``Parent\\Child``),
  ``Segment``, also with Dutch headers (``Documentgroep``, ``Documentnaam``) and a title row;
* Taguette highlights CSV: ``document``, ``tag``, ``content``.

:func:`normalize_codes` is the one step that turns them into one row per code; layouts and their
sources are in ``tests/fixtures/qda/README.md``.

* :func:`code_frequencies` — per code and respondent group: how many *respondents* mention it (not
  just how many fragments), as a share of the group;
* :func:`cooccurrence` — how many respondents mention both of two codes;
* :func:`quotes` — example quotes per code with anonymous labels ("ouder 3"); quotes that contain
  personal data are left out;
* :func:`theme_counts` / :func:`hidden_theme_counts` — the one table of counts behind the heat map,
  its caption and the exported table (small groups merged, small counts hidden);
* :func:`plot_codes` — heat map of codes × groups.

Examples
--------
>>> import pandas as pd
>>> f = pd.DataFrame({"respondent": ["a", "a", "b", "c"], "group": ["ouder", "ouder", "ouder", "leerkracht"],
...                   "code": ["wachttijd", "samenwerking > overleg", "wachttijd", "samenwerking"]})
>>> freq = code_frequencies(f)
>>> freq.loc[freq["code"] == "samenwerking", ["group", "n_respondents", "n_group"]].values.tolist()
[['leerkracht', 1, 1], ['ouder', 1, 2]]
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import InputError
from .privacy import HIDDEN, THRESHOLD, count_text, small_count, suppress
from .schemas import missing_columns_message
from .text import check_lang, format_number, t

__all__ = ["normalize_codes", "split_codes", "code_frequencies", "cooccurrence", "quotes", "possible_names", "theme_counts",
           "hidden_theme_counts", "plot_codes", "summary"]

SEPARATOR = ">"


def _check(fragments: pd.DataFrame, lang: str, **columns) -> None:
    missing = [c for c in columns.values() if c is not None and c not in fragments.columns]
    if missing:
        raise InputError(missing_columns_message(fragments, missing, "fragments", lang), column=missing[0])


def split_codes(codes: pd.Series, separator: str = SEPARATOR) -> pd.DataFrame:
    """Every code with all its ancestors: one row per (original code, code at some level).

    ``"samenwerking > overleg"`` gives ``samenwerking`` (depth 1) and ``samenwerking > overleg``
    (depth 2). Surrounding spaces and repeated spaces are normalised.

    Examples
    --------
    >>> split_codes(pd.Series(["a > b > c"]))["code"].tolist()
    ['a', 'a > b', 'a > b > c']
    """
    clean = codes.astype("string").str.replace(r"\s+", " ", regex=True).str.strip()
    parts = clean.str.split(rf"\s*{separator}\s*", regex=True)
    rows = []
    for original, levels in zip(clean, parts):
        if original is pd.NA or levels is pd.NA:
            continue
        levels = [p for p in levels if p]
        for depth in range(1, len(levels) + 1):
            rows.append((original, f" {separator} ".join(levels[:depth]), depth))
    return pd.DataFrame(rows, columns=["original", "code", "depth"]).drop_duplicates()


#: A category prefix written "Categorie: code" (ATLAS.ti's naming convention): up to the first colon followed by
#: a space; the rest may hold more colons ("papers - title: Modelling: an approach").
_COLON_CODE = re.compile(r"^(?P<cat>[^:]*[^\s:]):\s+(?P<rest>\S.*)$")


def _levels(code: str) -> list[str]:
    r"""The levels of one code: ``>`` (this package, MAXQDA's code import) and ``\`` (MAXQDA's exports)."""
    return [p for p in (re.sub(r"\s+", " ", part).strip() for part in re.split(r"[>\\]", code)) if p]


def normalize_codes(data: pd.DataFrame, *, written=None, written_groups=None, report=None, labels=None,
                    lang: str = "nl") -> pd.DataFrame:
    r"""The one normalisation step for coded fragments exported from ATLAS.ti, MAXQDA or Taguette.

    :func:`evaluatie.read_table` calls it for ``kind="fragments"``; every change is in ``report``.

    * A code cell with several codes on separate lines (ATLAS.ti's "Codes" column) becomes one row
      per code (the other columns repeated, listed as ``changed``); a code twice in one cell counts once;
      a cell of separators only (``"\"``) is dropped and listed.
    * Hierarchy is written ``"a > b"``: MAXQDA's ``Parent\Child\Grandchild`` is read as three levels.
    * ATLAS.ti's naming convention ``"Categorie: code"`` is read as ``"Categorie > code"`` only when
      the part before the colon is a category in this file: it starts at least two different codes,
      or is itself a code. Other codes with a colon (``"tijd: 10 min"`` alone, ``"Quote: 'nee'"``)
      stay whole. Both decisions are listed in the report's notes.
    * A document in several document groups (one per line in ATLAS.ti's "Document Groups") keeps
      them all, joined by ``" / "``; the report's notes list how many rows and combinations.
    * An empty fragment (a coded image, a code without text) is kept — it counts for its code — with
      a warning per row (it cannot be quoted); when half the rows or more have no text (a codes-only
      spreadsheet) one note lists them instead.

    Parameters
    ----------
    data : DataFrame
        The ``fragments`` table, indexed by row number in the file.
    written, written_groups : sequence, optional
        The code and group cells as typed (line breaks kept); by default ``data["code"]``/``data["group"]``.
    report : QualityReport, optional
    labels : dict, optional
        Column headers as in the file, for the report.

    Returns
    -------
    DataFrame with one row per code (index repeated for a split cell, rows without a code left out).

    Examples
    --------
    >>> d = pd.DataFrame({"respondent": ["a", "b", "c"], "code": ["Zorg\\Wachttijd", "Rol: ib\nRol: leraar", "tijd: 10 min"]})
    >>> normalize_codes(d)["code"].tolist()
    ['Zorg > Wachttijd', 'Rol > ib', 'Rol > leraar', 'tijd: 10 min']
    """
    from .io import _list_numbers  # noqa: PLC0415 - io imports this module; one shared way to list row numbers

    labels = labels or {}
    col = labels.get("code", "code")
    cells = list(data["code"] if written is None else written)
    split_rows, repeated, codes_per_row, no_code = [], [], [], []
    backslash = {}
    for row, cell in zip(data.index, cells):
        if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
            codes_per_row.append([None])
            continue
        seen = []
        for line in re.split(r"[\r\n]+", str(cell)):
            levels = _levels(line)
            if not levels:
                continue
            code = f" {SEPARATOR} ".join(levels)
            if "\\" in line:
                backslash.setdefault(line.strip(), code)
            if code in seen:
                repeated.append((row, code))
                continue
            seen.append(code)
        if len(seen) > 1:
            split_rows.append((row, str(cell), len(seen)))
        if not seen:  # only separators ("\\", " > "): no code left
            no_code.append((row, str(cell)))
        codes_per_row.append(seen)
    # ATLAS.ti's "Categorie: code": a category only when the prefix is shared or is itself a code
    distinct = list(dict.fromkeys(c for codes in codes_per_row for c in codes if c is not None))  # file order
    prefixes: dict[str, list] = {}
    for c in distinct:
        if SEPARATOR not in c and (m := _COLON_CODE.match(c)):
            prefixes.setdefault(m["cat"].strip().casefold(), []).append(c)
    firsts = {c.split(f" {SEPARATOR} ")[0].casefold() for c in distinct}
    colon = {}
    for cat, members in prefixes.items():
        if len(members) >= 2 or cat in firsts:
            name = _COLON_CODE.match(members[0])["cat"].strip()  # one spelling per category: the first in the file
            for c in members:
                colon[c] = f"{name} {SEPARATOR} {_COLON_CODE.match(c)['rest'].strip()}"
    kept = sorted(c for members in prefixes.values() for c in members if c not in colon)
    codes_per_row = [[colon.get(c, c) for c in codes] for codes in codes_per_row]

    positions = np.repeat(np.arange(len(data)), [len(c) for c in codes_per_row])
    out = data.iloc[positions].copy()
    out["code"] = [c for codes in codes_per_row for c in codes]
    if report is not None:
        for row, cell in no_code:
            report.add(row=int(row), column=col, value=cell, action="dropped", reason=t("reason_no_code_left", lang))
        for row, cell, n in split_rows:
            report.add(row=int(row), column=col, value=cell.replace("\r", "").replace("\n", " | "), action="changed",
                       reason=t("reason_codes_split", lang, n=n))
        for row, code in repeated:
            report.add(row=int(row), column=col, value=code, action="changed", reason=t("reason_code_repeated", lang))
        if split_rows:
            report.notes.append(t("note_codes_split", lang, n=len(split_rows),
                                  rows=_list_numbers([r for r, _, _ in split_rows])))
        if backslash:
            report.notes.append(t("note_codes_backslash", lang, n=len(backslash), examples=_examples(backslash)))
        if colon:
            report.notes.append(t("note_codes_colon", lang, n=len(colon), examples=_examples(colon)))
        if kept:
            report.notes.append(t("note_codes_colon_kept", lang, n=len(kept),
                                  codes=", ".join(f"'{_short(c)}'" for c in kept[:8]) + (" …" if len(kept) > 8 else "")))
    if "group" in out.columns and written_groups is not None:
        groups = pd.Series(list(written_groups), index=data.index, dtype=object).iloc[positions]
        several = groups.map(lambda g: isinstance(g, str) and len([x for x in re.split(r"[\r\n]+", g) if x.strip()]) > 1)
        if several.any():
            joined = groups[several].map(lambda g: " / ".join(x.strip() for x in re.split(r"[\r\n]+", g) if x.strip()))
            out.loc[several.to_numpy(), "group"] = joined.to_numpy()
            if report is not None:
                rows = joined.index.unique()
                report.notes.append(t("note_several_groups", lang, column=labels.get("group", "group"),
                                      n=len(rows), rows=_list_numbers(rows), k=joined.nunique(),
                                      example=joined.value_counts().index[0]))
    if "text" in out.columns and report is not None:
        empty = out["text"].isna() | (out["text"].astype("string").str.strip() == "")
        rows = out.index[empty.to_numpy()].unique()
        if 2 * len(rows) < out.index.nunique():  # an exception in a file of text fragments: each row is worth a look
            for row in rows:
                report.add(row=int(row), column=labels.get("text", "text"), value="", action="warning",
                           reason=t("reason_empty_segment", lang))
        elif len(rows):  # a codes-only spreadsheet (the text column is optional): one note, not a warning per row
            report.notes.append(t("note_empty_segments", lang, column=labels.get("text", "text"), n=len(rows),
                                  rows=_list_numbers(rows)))
    return out


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _examples(mapping: dict, n: int = 3) -> str:
    items = sorted(mapping.items())
    return "; ".join(f"'{_short(a)}' → '{_short(b)}'" for a, b in items[:n]) + (" …" if len(items) > n else "")


def _grouped(fragments: pd.DataFrame, group: str, lang: str) -> tuple[pd.DataFrame, str]:
    """The fragments with a usable group column: without one (a Taguette export has none) everybody is
    one group ``respondent``; a missing group in some rows becomes ``groep onbekend`` (not dropped)."""
    if group not in fragments.columns or fragments[group].isna().all():
        return fragments.assign(_group=t("iv_one_group", lang)), "_group"
    if fragments[group].isna().any():
        return fragments.assign(**{group: fragments[group].astype(object).where(fragments[group].notna(),
                                                                                 t("iv_no_group", lang))}), group
    return fragments, group


def _expanded(fragments, respondent, group, code):
    f = fragments[[respondent, group, code]].dropna(subset=[respondent, code])
    f = f.assign(_orig=f[code].astype("string").str.replace(r"\s+", " ", regex=True).str.strip())
    tree = split_codes(f[code])
    return f.merge(tree, left_on="_orig", right_on="original", suffixes=("_raw", ""))


def code_frequencies(fragments: pd.DataFrame, *, respondent: str = "respondent", group: str = "group",
                     code: str = "code", level: int | None = None, lang: str = "nl") -> pd.DataFrame:
    """How many respondents per group mention each code (and each parent code).

    Parameters
    ----------
    fragments : DataFrame
        One row per coded fragment.
    respondent, group, code : str
        Column names. Without a group column (or with an empty one) everybody is one group
        ``respondent``; rows without a group form the group ``groep onbekend``.
    level : int, optional
        Only codes at this depth (1 = top-level themes); default all levels.
    lang : {"nl", "en"}

    Returns
    -------
    DataFrame ``code, depth, group, n_respondents, n_group, share, n_fragments``, sorted by code and
    group; ``n_group`` counts every respondent of the group in the data, also those who do not
    mention the code, so ``share`` is "mentioned by x of the n interviewed".
    """
    check_lang(lang)
    _check(fragments, lang, respondent=respondent, code=code)
    fragments, group = _grouped(fragments, group, lang)
    x = _expanded(fragments, respondent, group, code)
    if level is not None:
        x = x[x["depth"] == level]
    sizes = fragments.dropna(subset=[respondent]).groupby(group)[respondent].nunique()
    grid = x.groupby(["code", "depth", group], observed=True).agg(
        n_respondents=(respondent, "nunique"), n_fragments=(respondent, "size")).reset_index()
    # every code × group, zeros included
    codes = x[["code", "depth"]].drop_duplicates()
    full = codes.merge(pd.DataFrame({group: sizes.index}), how="cross")
    out = full.merge(grid, on=["code", "depth", group], how="left").fillna({"n_respondents": 0, "n_fragments": 0})
    out["n_group"] = out[group].map(sizes).astype(int)
    out["share"] = out["n_respondents"] / out["n_group"]
    out = out.astype({"n_respondents": int, "n_fragments": int}).rename(columns={group: "group"})
    return out[["code", "depth", "group", "n_respondents", "n_group", "share", "n_fragments"]].sort_values(
        ["code", "group"]).reset_index(drop=True)


def cooccurrence(fragments: pd.DataFrame, *, respondent: str = "respondent", code: str = "code",
                 level: int | None = 1, lang: str = "nl") -> pd.DataFrame:
    """Respondents who mention both codes (code × code); the diagonal is respondents per code.

    Examples
    --------
    >>> f = pd.DataFrame({"respondent": ["a", "a", "b"], "code": ["x", "y", "x"], "group": "g"})
    >>> m = cooccurrence(f)
    >>> int(m.loc["x", "y"]), int(m.loc["x", "x"])
    (1, 2)
    """
    check_lang(lang)
    _check(fragments, lang, respondent=respondent, code=code)
    frame = fragments.assign(_g="") if "group" not in fragments.columns else fragments
    x = _expanded(frame, respondent, "group" if "group" in fragments.columns else "_g", code)
    if level is not None:
        x = x[x["depth"] == level]
    incidence = (pd.crosstab(x[respondent], x["code"]) > 0).astype(int)
    matrix = incidence.T @ incidence
    matrix.index.name = matrix.columns.name = None
    return matrix


def quotes(fragments: pd.DataFrame, *, respondent: str = "respondent", group: str = "group", code: str = "code",
           text: str = "text", per_code: int = 2, seed=None, lang: str = "nl") -> pd.DataFrame:
    """Example quotes per code, with anonymous labels such as "ouder 3".

    Labels number the respondents within their group in a fixed order (sorted by their code, which
    is a pseudonym after loading), so the same respondent keeps the same label in one analysis.
    Quotes that contain personal data (BSN, e-mail, phone, postcode + house number, date of birth:
    :func:`evaluatie.privacy.find_identifiers`) are never returned; names cannot be recognised
    automatically, so read quotes before publishing them.

    Parameters
    ----------
    per_code : int, default 2
        Quotes per code (at most one per respondent where possible).
    seed : int, optional
        Which quotes are picked.

    Returns
    -------
    DataFrame ``code, label, group, quote``.
    """
    from .privacy import find_identifiers

    check_lang(lang)
    _check(fragments, lang, respondent=respondent, code=code, text=text)
    fragments, group = _grouped(fragments, group, lang)
    f = fragments.dropna(subset=[respondent, code, text])
    f = f[f[text].astype(str).str.strip() != ""]
    flagged = find_identifiers(f[[text]])
    if len(flagged):
        f = f.drop(index=set(flagged["row"].dropna()))
    people = f[[group, respondent]].drop_duplicates().sort_values([group, respondent])
    people["label"] = people[group].astype(str) + " " + (people.groupby(group).cumcount() + 1).astype(str)
    f = f.merge(people, on=[group, respondent])
    rng = np.random.default_rng(seed)
    f = f.assign(_r=rng.random(len(f))).sort_values("_r")
    picked = f.drop_duplicates(subset=[code, respondent]).groupby(code, sort=True).head(per_code)
    out = picked.rename(columns={code: "code", group: "group", text: "quote"})[["code", "label", "group", "quote"]]
    return out.sort_values(["code", "label"]).reset_index(drop=True)


#: A capitalised word (capital, then a lower-case letter) after a character that does not end a sentence.
_NAME_LIKE = r"(?<=[^\s.!?:;\"'\u201c\u2018(\[])\s+[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]"
#: A capitalised word at the start of a text or sentence (after . ! ? : ; or an opening quote or bracket).
_SENTENCE_START = r"(?:^|[.!?:;]\s+|[\"'\u201c\u2018(\[]\s*)\s*(?P<w>[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]+)\b"
#: Words that often start a Dutch or English sentence; any other capitalised first word may be a name
#: ("Daan kwam elke dag te laat.").
_SENTENCE_WORDS = frozenset("""
aan achteraf af al alle alleen alles als altijd andere anders bij binnen daar daardoor daarna daarom daarvoor
dan dat de deze die dit door dus echt een eén eerst eerder eigenlijk elke en er ergens gelukkig geen gewoon goed
graag haar heel helaas het hier hij hoe hun ieder iedereen iemand ik in is ja je jij juist kinderen later
leerlingen maar meer meestal mijn minder misschien met na naar natuurlijk nee niemand niet niets nog nooit nu of
oké ok om omdat ons onze ook op ouders over privé samen school sinds sommige soms tegelijk toch toen tot twee u uit
vaak van veel verder volgens voor vooral vroeger waar waarom wanneer want wat we wel welke wie wij zo zoals ze
zeker zelf zij zijn zonder zou
a all also and as at because but for he her his how i if in it my no not now of on our she so some sometimes that
the then there they this to we what when where which who why with yes you
""".split())


def possible_names(texts) -> np.ndarray:
    """True for texts with a capitalised word that may be a name ("zei juf Annemieke", "Daan kwam").

    Names cannot be recognised reliably; this rule errs on the side of caution for quotes that are
    published: it flags a capitalised word inside a sentence, which also catches organisation names
    ("bij Accare"), and a capitalised first word of a sentence unless it is a common sentence opener
    ("De", "Het", "Ik", "Gelukkig", …), but not acronyms ("IKC", "IB'er").

    Examples
    --------
    >>> possible_names(["De hulp zit nu in de school.", "Ik sprak met juf Annemieke.", "Het IKC helpt. Dat werkt.",
    ...                 "Daan kwam elke dag te laat."])
    array([False,  True, False,  True])
    """
    values = pd.Series(list(texts) if not isinstance(texts, pd.Series) else texts, dtype="string").fillna("")
    inside = values.str.contains(_NAME_LIKE, regex=True).to_numpy(dtype=bool)
    first = values.reset_index(drop=True).str.extractall(_SENTENCE_START)
    start = np.zeros(len(values), dtype=bool)
    if len(first):
        unknown = ~first["w"].str.lower().isin(_SENTENCE_WORDS).to_numpy(dtype=bool)
        start[np.unique(first.index.get_level_values(0)[unknown])] = True
    return inside | start


def _merged(frequencies: pd.DataFrame, min_group: int, lang: str) -> pd.DataFrame:
    """Frequencies with groups of fewer than ``min_group`` interviewees merged into "overige".

    When the merged remainder is itself smaller than ``min_group`` (and other groups exist), the
    smallest other group joins it, so that no group shown can be recomputed as total minus the rest.
    """
    label = t("iv_other_groups", lang)
    sizes = frequencies.groupby("group")["n_group"].first().sort_values(kind="stable")
    small = list(sizes[sizes < min_group].index)
    if small and sizes[small].sum() < min_group and len(small) < len(sizes):
        small.append(sizes.drop(small).index[0])
    freq = frequencies.assign(group=frequencies["group"].where(~frequencies["group"].isin(small), label))
    return freq.groupby(["code", "group"], sort=False).agg(n_respondents=("n_respondents", "sum"),
                                                           n_group=("n_group", "sum")).reset_index()


def theme_counts(frequencies: pd.DataFrame, *, level: int | None = 1, min_group: int = THRESHOLD,
                 lang: str = "nl") -> pd.DataFrame:
    """Interviewees mentioning each code: in total and per group, with small groups merged.

    This is the one table behind :func:`plot_codes`, :func:`summary` and the exported table of
    ``evaluatie rapport``, so that they publish the same cells. Groups with fewer than ``min_group``
    interviewees are merged into "overige" (with the smallest other group when that is still too
    small); when all interviewees together are fewer than ``min_group``, no group is shown.

    Returns
    -------
    DataFrame indexed by code (most mentioned first), column ``""`` with the total and one column per
    group shown; ``attrs["n"]`` maps every column to its number of interviewees.

    Examples
    --------
    >>> freq = pd.DataFrame({"code": ["a", "a", "a"], "depth": 1, "group": ["ouder", "leerkracht", "ib"],
    ...                      "n_respondents": [5, 4, 1], "n_group": [8, 6, 2], "share": 0.5, "n_fragments": 1})
    >>> theme_counts(freq).to_dict("list"), theme_counts(freq).attrs["n"]
    ({'': [10], 'ouder': [5], 'overige': [5]}, {'': 16, 'ouder': 8, 'overige': 8})
    """
    check_lang(lang)
    freq = frequencies if level is None else frequencies[frequencies["depth"] == level]
    if freq.empty:
        raise InputError(t("iv_no_codes", lang))
    merged = _merged(freq, min_group, lang)
    wide = merged.pivot(index="code", columns="group", values="n_respondents").fillna(0).astype(int)
    sizes = merged.groupby("group")["n_group"].first()
    total = wide.sum(axis=1)
    order = pd.DataFrame({"t": total, "c": total.index}).sort_values(["t", "c"], ascending=[False, True]).index
    other = t("iv_other_groups", lang)  # largest group first, 'overige' last
    groups = sorted((g for g in sizes.index if sizes[g] >= min_group), key=lambda g: (g == other, -sizes[g], str(g)))
    if len(groups) < 2:  # one group shown is the total itself
        groups = []
    out = pd.concat([total.rename(""), wide[groups]], axis=1).loc[order]
    out.index.name = None
    out.columns.name = None
    out.attrs["n"] = {"": int(sizes.sum()), **{g: int(sizes[g]) for g in groups}}
    return out


def theme_links(counts: pd.DataFrame, name: str) -> list:
    """Links for :func:`evaluatie.privacy.suppress`: per code, the total equals the sum of the groups."""
    groups = [c for c in counts.columns if c != counts.columns[0]]
    if not groups:
        return []
    return [((name, code, counts.columns[0]), [(name, code, g) for g in groups]) for code in counts.index]


def hidden_theme_counts(counts: pd.DataFrame, threshold: int = THRESHOLD) -> pd.DataFrame:
    """Which cells of :func:`theme_counts` are hidden: the small counts and those that would reveal them.

    :func:`evaluatie.privacy.suppress` on the table, its column totals and the relation "total =
    sum of the groups" per code (:func:`theme_links`), as :func:`evaluatie.report.export_tables` does
    for the exported table.
    """
    name = "themas"
    shown = suppress({name: counts.astype(float)}, threshold, margins={name: "columns"},
                     links=theme_links(counts, name))[name]
    return shown.isna() & counts.notna()


def summary(frequencies: pd.DataFrame, *, level: int = 1, top: int = 3, min_group: int = THRESHOLD,
            min_cell: int = THRESHOLD, lang: str = "nl") -> str:
    """Dutch sentences per group: the themes mentioned by most respondents (without counts).

    Groups are those of :func:`theme_counts` (small groups merged). Only published cells are ranked
    (:func:`hidden_theme_counts`): ranking a hidden count above a shown one would narrow it down.
    Without any published group cell, the sentence is about all interviewees together.

    Examples
    --------
    >>> freq = pd.DataFrame({"code": ["a", "b", "a", "b"], "depth": 1, "group": ["ouder"] * 2 + ["leerkracht"] * 2,
    ...                      "n_respondents": [6, 5, 5, 7], "n_group": [8, 8, 9, 9], "share": 0.5, "n_fragments": 1})
    >>> summary(freq)
    'Leerkracht (n = 9): vooral b, a. Ouder (n = 8): vooral a, b.'
    """
    check_lang(lang)
    counts = theme_counts(frequencies, level=level, min_group=min_group, lang=lang)
    hidden = hidden_theme_counts(counts, min_cell)
    groups = [c for c in counts.columns if c != ""]
    lines = []
    for g in groups + [""]:  # all interviewees together when no group has a published cell
        if g == "" and lines:
            break
        column = counts[g][(counts[g] > 0) & ~hidden[g]]
        if column.empty:
            continue
        column = pd.DataFrame({"n": column, "c": column.index}).sort_values(["n", "c"], ascending=[False, True])
        name = str(g) if g else t("iv_all_groups", lang)
        lines.append(t("iv_group_line", lang, group=name[:1].upper() + name[1:],
                       n=small_count(counts.attrs["n"][g], min_group, lang),
                       parts=", ".join(map(str, column["c"].head(top)))))
    return " ".join(lines)


def plot_codes(frequencies: pd.DataFrame, ax=None, *, level: int | None = 1, min_group: int = THRESHOLD,
               min_cell: int = THRESHOLD, lang: str = "nl", title: str | None = None):
    """Heat map: share of respondents per group (columns) mentioning each code (rows). Returns the Axes.

    Cells show "k/n". Groups with fewer than ``min_group`` interviewed respondents are merged into one
    column "overige" so that no single person's views stand alone (:func:`theme_counts`). Counts below
    ``min_cell``, and the counts that would let them be recomputed from the totals, are shown as
    ``x`` without colour (:func:`hidden_theme_counts`: the same cells as in the exported table).
    """
    import matplotlib.pyplot as plt

    from .plots import GREY, house_style

    check_lang(lang)
    counts = theme_counts(frequencies, level=level, min_group=min_group, lang=lang)
    hidden = hidden_theme_counts(counts, min_cell)
    groups = [c for c in counts.columns if c != ""] or [""]
    k = counts[groups]
    n = pd.Series({g: counts.attrs["n"][g] for g in groups})
    share = (k / n).mask(hidden[groups])
    merged = set(frequencies["group"]) != set(groups)
    with house_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(1.8 + 1.6 * share.shape[1], 1.2 + 0.5 * share.shape[0]))
        image = ax.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i in range(share.shape[0]):
            for j in range(share.shape[1]):
                if hidden.iat[i, hidden.columns.get_loc(groups[j])]:
                    ax.text(j, i, HIDDEN, ha="center", va="center", fontsize=9, color=GREY)
                    continue
                ax.text(j, i, f"{count_text(k.iat[i, j], lang)}/{count_text(n.iat[j], lang)}", ha="center", va="center",
                        fontsize=9,
                        color="white" if share.iat[i, j] > 0.6 else "black")
        labels = [g if g else t("iv_all_groups", lang) for g in groups]
        ax.set_xticks(range(share.shape[1]), [f"{g}\n(n = {small_count(int(n.iat[j]), min_group, lang)})"
                                              for j, g in enumerate(labels)])
        ax.set_yticks(range(share.shape[0]), share.index)
        ax.grid(False)
        cbar = ax.figure.colorbar(image, ax=ax, fraction=0.04)
        cbar.ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: format_number(100 * x, 0, lang) + "%"))
        cbar.set_label(t("iv_share", lang))
        notes = ([t("iv_hidden", lang, k=min_group)] if merged else []) + \
            ([t("iv_hidden_cells", lang, marker=HIDDEN, k=min_cell)] if hidden.to_numpy().any() else [])
        if notes:
            ax.set_xlabel("\n".join(notes))
        ax.set_title(title or t("iv_title", lang))
    return ax
