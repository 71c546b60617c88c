"""Interviews: which themes parents, teachers and care coordinators raise, and in their own words.

Works on coded fragments (the ``fragments`` table: respondent, group, code, text), for example
exported from a spreadsheet or from ATLAS.ti, MAXQDA or Taguette as CSV. Codes may be hierarchical,
written ``"samenwerking > overleg"``: a respondent who mentions a sub-code also counts for its parent.

* :func:`code_frequencies` — per code and respondent group: how many *respondents* mention it (not
  just how many fragments), as a share of the group;
* :func:`cooccurrence` — how many respondents mention both of two codes;
* :func:`quotes` — example quotes per code with anonymous labels ("ouder 3"); quotes that contain
  personal data are left out;
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

import numpy as np
import pandas as pd

from .errors import InputError
from .schemas import missing_columns_message
from .text import check_lang, format_number, t

__all__ = ["split_codes", "code_frequencies", "cooccurrence", "quotes", "possible_names", "plot_codes", "summary"]

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


def possible_names(texts) -> np.ndarray:
    """True for texts with a capitalised word inside a sentence: a possible name ("zei juf Annemieke").

    Names cannot be recognised reliably; this rule errs on the side of caution for quotes that are
    published: it also flags organisation names ("bij Accare"), but not acronyms ("IKC", "IB'er")
    or a capital at the start of a sentence.

    Examples
    --------
    >>> possible_names(["De hulp zit nu in de school.", "Ik sprak met juf Annemieke.", "Het IKC helpt. Dat werkt."])
    array([False,  True, False])
    """
    values = pd.Series(list(texts) if not isinstance(texts, pd.Series) else texts, dtype="string").fillna("")
    return values.str.contains(_NAME_LIKE, regex=True).to_numpy(dtype=bool)


def summary(frequencies: pd.DataFrame, *, level: int = 1, top: int = 3, lang: str = "nl") -> str:
    """Dutch sentences per group: the themes mentioned by most respondents.

    Examples
    --------
    >>> freq = pd.DataFrame({"code": ["a", "b"], "depth": 1, "group": "ouder", "n_respondents": [3, 1],
    ...                      "n_group": 4, "share": [0.75, 0.25], "n_fragments": [3, 1]})
    >>> summary(freq)
    'Ouder (n = 4): vooral a (3 van 4), b (1 van 4).'
    """
    check_lang(lang)
    lines = []
    freq = frequencies[frequencies["depth"] == level]
    for g, rows in freq.groupby("group", sort=False):
        rows = rows[rows["n_respondents"] > 0].sort_values(["n_respondents", "code"], ascending=[False, True])
        if rows.empty:
            continue
        n = int(rows["n_group"].iloc[0])
        parts = ", ".join(t("iv_part", lang, code=r.code, k=int(r.n_respondents), n=n) for r in rows.head(top).itertuples())
        lines.append(t("iv_group_line", lang, group=str(g)[:1].upper() + str(g)[1:], n=n, parts=parts))
    return " ".join(lines)


def plot_codes(frequencies: pd.DataFrame, ax=None, *, level: int | None = 1, min_group: int = 3,
               lang: str = "nl", title: str | None = None):
    """Heat map: share of respondents per group (columns) mentioning each code (rows). Returns the Axes.

    Cells show "k/n". Groups with fewer than ``min_group`` interviewed respondents are merged into one
    column "overige" so that no single person's views stand alone (with fewer than ``min_group`` in
    total, nothing is shown per group).
    """
    import matplotlib.pyplot as plt

    from .plots import house_style

    check_lang(lang)
    freq = frequencies if level is None else frequencies[frequencies["depth"] == level]
    if freq.empty:
        raise InputError(t("iv_no_codes", lang))
    small = freq.groupby("group")["n_group"].first()
    merged_label = t("iv_other_groups", lang)
    small_groups = set(small[small < min_group].index)
    freq = freq.assign(group=freq["group"].where(~freq["group"].isin(small_groups), merged_label))
    freq = freq.groupby(["code", "group"], sort=False).agg(n_respondents=("n_respondents", "sum"),
                                                           n_group=("n_group", "sum")).reset_index()
    hidden = bool((freq["n_group"] < min_group).any())
    freq = freq[freq["n_group"] >= min_group]
    share = freq.pivot(index="code", columns="group", values="n_respondents") / freq.pivot(
        index="code", columns="group", values="n_group")
    k = freq.pivot(index="code", columns="group", values="n_respondents")
    n = freq.pivot(index="code", columns="group", values="n_group")
    order = share.mean(axis=1).sort_values(ascending=False).index
    share, k, n = share.loc[order], k.loc[order], n.loc[order]
    with house_style():
        if ax is None:
            _, ax = plt.subplots(figsize=(1.8 + 1.6 * share.shape[1], 1.2 + 0.5 * share.shape[0]))
        image = ax.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for i in range(share.shape[0]):
            for j in range(share.shape[1]):
                if np.isnan(share.iat[i, j]):
                    continue
                ax.text(j, i, f"{int(k.iat[i, j])}/{int(n.iat[i, j])}", ha="center", va="center", fontsize=9,
                        color="white" if share.iat[i, j] > 0.6 else "black")
        ax.set_xticks(range(share.shape[1]), [f"{g}\n(n = {int(n[g].max())})" for g in share.columns])
        ax.set_yticks(range(share.shape[0]), share.index)
        ax.grid(False)
        cbar = ax.figure.colorbar(image, ax=ax, fraction=0.04)
        cbar.ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: format_number(100 * x, 0, lang) + "%"))
        cbar.set_label(t("iv_share", lang))
        if hidden:
            ax.set_xlabel(t("iv_hidden", lang, k=min_group))
        ax.set_title(title or t("iv_title", lang))
    return ax
