"""Baseline (nulmeting) of care agencies per school: counts, fragmentation and richness.

Answers: how many agencies are involved with our pupils, how is care spread over them, and how
many agencies would a complete file study have found (Chao1 / Chao2)?

Examples
--------
>>> import pandas as pd
>>> d = pd.DataFrame({"school": ["A"] * 4, "pupil": ["p1", "p1", "p2", "p3"],
...                   "agency": ["Accare", "Wijkteam", "Accare", None]})
>>> agency_counts(d)[["school", "n_pupils", "n_pupils_with_agency", "n_agencies"]].to_dict("records")
[{'school': 'A', 'n_pupils': 3, 'n_pupils_with_agency': 2, 'n_agencies': 2}]
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .agencies import CHECKED, split_cells
from .errors import InputError
from .privacy import TOTAL as TOTAL_LABEL
from .privacy import HIDDEN, count_text, is_small, mask_value, small_count
from .privacy import published as published_count
from .richness import Accumulation, accumulation, chao2
from .schemas import DUTCH_HEADERS, missing_columns_message
from .plots import finding_title
from .text import check_lang, format_number, t

__all__ = ["agency_counts", "pupil_table", "agency_table", "fragmentation", "incidence_matrix",
           "network", "network_table", "analyze", "Nulmeting",
           "plot_agencies", "plot_agencies_per_pupil", "plot_accumulation", "plot_network", "plot_schools"]


def _check_columns(data: pd.DataFrame, *, lang: str = "nl", **columns) -> None:
    missing = [c for c in columns.values() if c is not None and c not in data.columns]
    if missing:
        hint = t("nm_err_agency_hint", lang) if "agency" in missing else ""
        raise InputError(missing_columns_message(data, missing, "dossier", lang) + hint, column=missing[0])


def _mentions(data, school, pupil, agency) -> pd.DataFrame:
    """Distinct (school, pupil, agency) mentions; the same agency twice for a pupil counts once."""
    _check_columns(data, school=school, pupil=pupil, agency=agency)
    return data.dropna(subset=[agency]).drop_duplicates([school, pupil, agency])


def pupil_table(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                agency: str = "agency") -> pd.DataFrame:
    """One row per pupil: ``school, pupil, n_agencies`` (0 for pupils without any agency)."""
    _check_columns(dossier, school=school, pupil=pupil, agency=agency)
    pupils = dossier[[school, pupil]].drop_duplicates()
    counts = _mentions(dossier, school, pupil, agency).groupby([school, pupil]).size().rename("n_agencies")
    out = pupils.merge(counts.reset_index(), on=[school, pupil], how="left")
    return out.fillna({"n_agencies": 0}).astype({"n_agencies": int}).reset_index(drop=True)


def agency_table(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                 agency: str = "agency", agency_type: str | None = None) -> pd.DataFrame:
    """One row per school × agency: ``n_pupils`` (pupils with that agency) and ``share`` of the school's pupils,
    sorted from most to least pupils."""
    _check_columns(dossier, school=school, pupil=pupil, agency=agency, agency_type=agency_type)
    mentions = _mentions(dossier, school, pupil, agency)
    keys = [school, agency] + ([agency_type] if agency_type else [])
    if agency_type:  # one type per agency: the most frequent non-missing one
        types = mentions.dropna(subset=[agency_type]).groupby([school, agency])[agency_type].agg(
            lambda s: s.mode().iloc[0])
        mentions = mentions.drop(columns=agency_type).merge(types.reset_index(), on=[school, agency], how="left")
    table = mentions.groupby(keys, dropna=False)[pupil].nunique().rename("n_pupils").reset_index()
    totals = dossier.groupby(school)[pupil].nunique()
    table["share"] = table["n_pupils"] / table[school].map(totals)
    return table.sort_values([school, "n_pupils", agency], ascending=[True, False, True]).reset_index(drop=True)


def fragmentation(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                  agency: str = "agency") -> pd.DataFrame:
    """How spread out care is, per school.

    Returns ``school, n_agencies, herfindahl, effective_agencies, share_single_pupil, top3_share``:

    * ``herfindahl`` = Σ sᵢ² with sᵢ agency i's share of all pupil–agency links (1 = one agency
      does everything; 1/k = evenly spread over k agencies);
    * ``effective_agencies`` = 1 / herfindahl, the number of equally large agencies that would give
      the same concentration;
    * ``share_single_pupil``: share of agencies involved with one pupil only (the long tail);
    * ``top3_share``: share of links held by the three largest agencies.

    References: Rhoades (1993), The Herfindahl-Hirschman index, Fed. Res. Bull. 79, 188.
    """
    links = agency_table(dossier, school=school, pupil=pupil, agency=agency)
    rows = []
    for name, group in links.groupby(school, sort=True):
        n = group["n_pupils"].to_numpy(float)
        shares = n / n.sum()
        hhi = float(np.sum(shares**2))
        rows.append((name, len(n), hhi, 1 / hhi, float(np.mean(n == 1)), float(np.sort(shares)[::-1][:3].sum())))
    return pd.DataFrame(rows, columns=[school, "n_agencies", "herfindahl", "effective_agencies",
                                       "share_single_pupil", "top3_share"])


def agency_counts(dossier: pd.DataFrame, *, school: str = "school", pupil: str = "pupil",
                  agency: str = "agency", agency_type: str | None = None) -> pd.DataFrame:
    """Key figures per school from a file study (one row per school).

    Columns: ``n_pupils`` (all pupils whose file was read, also those without any agency),
    ``n_pupils_with_agency``, ``n_agencies`` (distinct agencies), ``agencies_per_100_pupils``,
    ``mean_agencies_per_pupil``, ``median_agencies_per_pupil``, ``max_agencies_per_pupil`` (over all
    pupils), ``share_2plus`` and ``share_3plus`` (share of pupils with at least 2 / 3 agencies), and,
    with ``agency_type``, ``n_agencies_<type>`` per agency type. The same agency mentioned twice
    for one pupil counts once.
    """
    per_pupil = pupil_table(dossier, school=school, pupil=pupil, agency=agency)
    g = per_pupil.groupby(school, sort=True)["n_agencies"]
    out = pd.DataFrame({
        "n_pupils": g.size(),
        "n_pupils_with_agency": g.apply(lambda s: int((s > 0).sum())),
        "n_agencies": _mentions(dossier, school, pupil, agency).groupby(school)[agency].nunique(),
    })
    out["n_agencies"] = out["n_agencies"].fillna(0).astype(int)
    out["agencies_per_100_pupils"] = 100 * out["n_agencies"] / out["n_pupils"]
    out["mean_agencies_per_pupil"] = g.mean()
    out["median_agencies_per_pupil"] = g.median()
    out["max_agencies_per_pupil"] = g.max()
    out["share_2plus"] = g.apply(lambda s: float((s >= 2).mean()))
    out["share_3plus"] = g.apply(lambda s: float((s >= 3).mean()))
    if agency_type:
        links = agency_table(dossier, school=school, pupil=pupil, agency=agency, agency_type=agency_type)
        by_type = links.groupby([school, agency_type], dropna=False).size().unstack(fill_value=0)
        by_type.columns = [f"n_agencies_{'onbekend' if pd.isna(c) else c}" for c in by_type.columns]
        out = out.join(by_type).fillna({c: 0 for c in by_type.columns})
    return out.reset_index()


def incidence_matrix(dossier: pd.DataFrame, *, pupil: str = "pupil", agency: str = "agency") -> pd.DataFrame:
    """Presence matrix for one school: one row per pupil (also pupils without agency), one column per agency.

    Examples
    --------
    >>> d = pd.DataFrame({"pupil": ["p1", "p1", "p2", "p3"], "agency": ["A", "B", "A", None]})
    >>> incidence_matrix(d).values.tolist()
    [[1, 1], [1, 0], [0, 0]]
    """
    _check_columns(dossier, pupil=pupil, agency=agency)
    pupils = pd.Index(dossier[pupil].drop_duplicates(), name=pupil)
    mentions = dossier.dropna(subset=[agency]).drop_duplicates([pupil, agency])
    table = pd.crosstab(mentions[pupil], mentions[agency]).clip(upper=1)
    return table.reindex(pupils, fill_value=0).astype(int)


def network(dossier: pd.DataFrame, *, pupil: str = "pupil", agency: str = "agency"):
    """Agency network of one school: agencies linked when they are involved with the same pupil.

    Built as the weighted projection of the bipartite pupil–agency graph (networkx). Nodes are
    agencies with attribute ``n_pupils``; an edge's ``weight`` is the number of pupils the two
    agencies share. Use :func:`network_table` for a tidy per-agency summary.

    Examples
    --------
    >>> d = pd.DataFrame({"pupil": ["p1", "p1", "p2", "p2", "p3"], "agency": ["A", "B", "A", "B", "C"]})
    >>> g = network(d)
    >>> g.edges["A", "B"]["weight"], g.nodes["C"]["n_pupils"]
    (2, 1)
    """
    import networkx as nx
    from networkx.algorithms import bipartite

    _check_columns(dossier, pupil=pupil, agency=agency)
    links = dossier.dropna(subset=[agency]).drop_duplicates([pupil, agency])
    if links.empty:  # no agency mentioned at all (e.g. a school whose pupils have no help): an empty network
        return nx.Graph()
    graph = nx.Graph()
    agencies = sorted(links[agency].astype(str).unique())
    graph.add_nodes_from(agencies, side="agency")
    graph.add_nodes_from((("pupil", p) for p in links[pupil].unique()), side="pupil")
    graph.add_edges_from((("pupil", p), str(a)) for p, a in zip(links[pupil], links[agency]))
    projected = bipartite.weighted_projected_graph(graph, agencies)
    # nodes and edges in sorted order: the projection iterates over sets, whose order follows Python's
    # hash seed, and the drawing (edge order in SVG/PDF) must be the same in every run
    ordered = nx.Graph()
    ordered.add_nodes_from((a, {"n_pupils": graph.degree[a]}) for a in agencies)
    ordered.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in projected.edges(data=True)),)
    return ordered


def network_table(graph) -> pd.DataFrame:
    """One row per agency of a :func:`network`: ``agency, n_pupils, n_partners`` (agencies it shares
    pupils with) and ``shared_pupils`` (sum of shared pupils over those partners), most pupils first."""
    rows = [(a, d["n_pupils"], graph.degree[a], graph.degree(a, weight="weight")) for a, d in graph.nodes(data=True)]
    table = pd.DataFrame(rows, columns=["agency", "n_pupils", "n_partners", "shared_pupils"])
    return table.sort_values(["n_pupils", "agency"], ascending=[False, True]).reset_index(drop=True)


# ------------------------------------------------------------------------------ one call for a study
_LABELS = {
    "nl": {"pupils": "Aantal leerlingen", "agency_rank": "Instanties, van meeste naar minste leerlingen",
           "tail": "{n} instanties met elk minder dan {k} leerlingen, of afgeschermd zoals in de tabel\n"
                   "(namen en aantallen niet getoond)",
           "agencies_title": "Bij welke instanties zijn de leerlingen betrokken?",
           "per_pupil_title": "Aantal instanties per leerling", "per_pupil_x": "Aantal betrokken instanties",
           "or_more": "{k} of meer", "small": "<{k}",
           "acc_title": "Hoeveel instanties vind je als je meer dossiers leest?",
           "acc_x": "Aantal gelezen dossiers", "acc_y": "Aantal verschillende instanties",
           "read": "gelezen dossiers", "extrapolated": "verwacht (geëxtrapoleerd)",
           "predicted": "verwacht bij alle {t} dossiers ({p}%-voorspellingsinterval)", "band": "{p}%-betrouwbaarheidsinterval",
           "net_title": "Instanties die samen bij dezelfde leerling betrokken zijn",
           "net_note": "Cirkel: aantal leerlingen; lijn: gedeelde leerlingen (dunne lijn: minder dan {k}).\nBlauw "
                       "met naam: ≥ {k} leerlingen; grijs, alle even groot: minder dan {k} leerlingen of afgeschermd "
                       "(naam niet getoond). Onderste rij: geen leerling gedeeld.",
           "schools_title": "Instanties per school", "per100": "Instanties per 100 gelezen dossiers",
           "common": "Verwacht aantal instanties bij {t} dossiers",
           "common_title": "Eerlijk vergeleken: bij evenveel gelezen dossiers"},
    "en": {"pupils": "Number of pupils", "agency_rank": "Agencies, from most to fewest pupils",
           "tail": "{n} agencies with fewer than {k} pupils each, or suppressed as in the table\n"
                   "(names and numbers not shown)",
           "agencies_title": "Which agencies are involved with the pupils?",
           "per_pupil_title": "Number of agencies per pupil", "per_pupil_x": "Number of agencies involved",
           "or_more": "{k} or more", "small": "<{k}",
           "acc_title": "How many agencies would reading more files find?",
           "acc_x": "Number of files read", "acc_y": "Number of different agencies",
           "read": "files read", "extrapolated": "expected (extrapolated)",
           "predicted": "expected with all {t} files ({p}% prediction interval)", "band": "{p}% confidence interval",
           "net_title": "Agencies involved with the same pupil",
           "net_note": "Circle: number of pupils; line: shared pupils (thin line: fewer than {k}).\nBlue with name: "
                       "≥ {k} pupils; grey, all the same size: fewer than {k} pupils or suppressed (name not shown). "
                       "Bottom row: no pupil shared.",
           "schools_title": "Agencies per school", "per100": "Agencies per 100 files read",
           "common": "Expected number of agencies at {t} files",
           "common_title": "Compared fairly: at the same number of files read"},
}


def _new_axes(ax, figsize=(8.0, 4.8)):
    import matplotlib.pyplot as plt

    from .plots import house_style

    if ax is not None:
        return ax
    with house_style():
        return plt.subplots(figsize=figsize)[1]


def _rounded_ticks(ax) -> None:
    """Under a rounding rule, y ticks at multiples of its base (bar heights are such multiples: no 6, 12, 18 grid)."""
    from matplotlib.ticker import MultipleLocator

    from .privacy import rounding_base

    base = rounding_base()
    if base:
        top = max([p.get_height() for p in ax.patches] + [base])
        ax.yaxis.set_major_locator(MultipleLocator(base * max(1, int(np.ceil(top / base / 8)))))


def plot_agencies(table: pd.DataFrame, ax=None, *, min_cell: int = 5, published=None, lang: str = "nl",
                  title: str | None = None):
    """Bar chart of agencies by number of pupils (one school).

    ``table`` is :func:`agency_table` for one school. Only agencies with at least ``min_cell`` pupils
    get a bar with their name; with ``published`` (the agencies whose count the exported table shows,
    :meth:`Nulmeting.published_agencies`) only those, so that a count the table hides to protect a
    small one is not drawn here. The others are only counted in a note: their bars would give the
    small counts (and, with the table, the hidden ones) exactly.
    """

    from .plots import GREY, PALETTE, house_style, format_axis

    check_lang(lang)
    lab = _LABELS[lang]
    table = table.sort_values("n_pupils", ascending=False, kind="stable").reset_index(drop=True)
    table = table[table["n_pupils"] > 0]
    big = table["n_pupils"] >= min_cell
    if published is not None:
        big &= table["agency"].isin(set(published))
    shown = table[big].reset_index(drop=True)
    with house_style():
        ax = _new_axes(ax, (9.0, 5.2))
        x = np.arange(len(shown))
        # heights as published: rounded under the rounding rule in force (the bar would give the exact count back)
        ax.bar(x, [published_count(v) for v in shown["n_pupils"]], color=PALETTE[0], width=0.8)
        ax.set_xticks(x, shown["agency"], rotation=60, ha="right", fontsize=8)
        n_small = int((~big).sum())
        if n_small:
            ax.text(0.98, 0.95, lab["tail"].format(n=count_text(n_small, lang), k=min_cell), transform=ax.transAxes,
                    ha="right",
                    va="top", fontsize=9, color=GREY)
        ax.set_xlim(-0.6, max(len(shown), 8) - 0.4)
        ax.set_xlabel(lab["agency_rank"])
        ax.set_ylabel(lab["pupils"])
        if len(shown):
            format_axis(ax, "y", lang=lang)
            _rounded_ticks(ax)
        else:  # no bar to read off: an empty axis would be labelled 0, 0, 0, ... (format_axis on [-0.05, 0.05])
            ax.set_ylim(0, 1)
            ax.set_yticks([])
        ax.set_title(title or lab["agencies_title"])
    return ax


def plot_agencies_per_pupil(pupils: pd.DataFrame, ax=None, *, min_cell: int = 5, published: dict | None = None,
                            lang: str = "nl", title: str | None = None):
    """Distribution of the number of agencies per pupil (``pupil_table`` of one school).

    The bars are 0, 1 and 2 or more agencies, the counts of the key-figure table (pupils without an
    agency, with exactly one, with two or more); "2 or more" is split further (2, 3, "4 of meer")
    only when every part holds 0 or at least ``min_cell`` pupils. ``published`` (from
    :meth:`Nulmeting.published_counts`) says which of ``without``, ``one`` and ``two`` the table shows;
    the others are drawn without a bar and marked ``x``. Without it, counts below ``min_cell`` are
    hidden, and with one hidden category another one too (the total is in the footer).
    """

    from .plots import PALETTE, house_style, format_axis

    check_lang(lang)
    lab = _LABELS[lang]
    counts = pupils["n_agencies"].value_counts().sort_index()
    zero, one = int(counts.get(0, 0)), int(counts.get(1, 0))
    many = counts[counts.index >= 2]
    if published is None:
        values = {"without": zero, "one": one, "two": int(many.sum())}
        hidden = {key for key, v in values.items() if is_small(v, min_cell)}
        if len(hidden) == 1:
            others = sorted((v, key) for key, v in values.items() if key not in hidden and v > 0)
            hidden |= {others[0][1]} if others else set()
        published = {key: key not in hidden for key in values}
    detail = []
    if len(many) and published["two"]:
        top = int(many.index.max())
        while top > 2 and many[many.index >= top].sum() < min_cell:
            top -= 1
        detail = [(str(k), int(many.get(k, 0))) for k in range(2, top)]
        detail.append((lab["or_more"].format(k=top) if top < many.index.max() else str(top),
                       int(many[many.index >= top].sum())))
        if any(is_small(v, min_cell) for _, v in detail):
            detail = []
    bars = [("0", zero, published["without"]), ("1", one, published["one"])]
    bars += [(name, v, True) for name, v in detail] or [(lab["or_more"].format(k=2), int(many.sum()),
                                                       published["two"])]
    with house_style():
        ax = _new_axes(ax)
        heights = [published_count(v) if ok else 0 for _, v, ok in bars]
        drawn = ax.bar([b[0] for b in bars], heights, color=PALETTE[0])
        for bar, (_, value, ok) in zip(drawn, bars):
            text = count_text(value, lang) if ok else HIDDEN
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                        fontsize=9, xytext=(0, 2), textcoords="offset points")
        ax.set_xlabel(lab["per_pupil_x"])
        ax.set_ylabel(lab["pupils"])
        format_axis(ax, "y", lang=lang)
        _rounded_ticks(ax)
        ax.set_title(title or lab["per_pupil_title"])
    return ax


def plot_accumulation(acc: Accumulation, ax=None, *, lang: str = "nl", title: str | None = None):
    """Accumulation curve of :func:`accumulation`: solid up to the files read, dashed beyond.

    One bootstrap band along the whole curve (as iNEXT draws it, continuous at the files read);
    with ``n_total`` the prediction for all files (:attr:`Accumulation.total`, the number the
    sentences and tables report) is drawn as a point with its prediction interval.
    """

    from .plots import PALETTE, house_style, format_axis

    check_lang(lang)
    lab = _LABELS[lang]
    c = acc.curve
    inner, outer = c[c["files"] <= acc.n_files], c[c["files"] >= acc.n_files]
    with house_style():
        ax = _new_axes(ax)
        ax.fill_between(c["files"], c["lower"], c["upper"], color=PALETTE[0], alpha=0.2, linewidth=0,
                        label=lab["band"].format(p=format_number(100 * acc.level, 0, lang)))
        ax.plot(inner["files"], inner["estimate"], color=PALETTE[0], label=lab["read"])
        if len(outer) > 1:
            ax.plot(outer["files"], outer["estimate"], color=PALETTE[0], linestyle="--", label=lab["extrapolated"])
        ax.plot([acc.n_files], [acc.observed], "o", color=PALETTE[0])
        if acc.n_total and acc.n_total > acc.n_files:  # the prediction of the sentence and table, at all files
            tot = acc.total
            ax.errorbar([tot["files"]], [tot["estimate"]], color=PALETTE[1], fmt="D", capsize=4, markersize=5,
                        yerr=[[tot["estimate"] - tot["lower"]], [tot["upper"] - tot["estimate"]]],
                        label=lab["predicted"].format(t=count_text(acc.n_total, lang), p=format_number(100 * acc.level, 0, lang)))
        ax.set_xlabel(lab["acc_x"])
        ax.set_ylabel(lab["acc_y"])
        ax.set_ylim(bottom=0)
        format_axis(ax, "both", lang=lang)
        ax.legend(loc="upper left", fontsize=8)
        ax.set_title(title or lab["acc_title"])
    return ax


def plot_network(graph, ax=None, *, min_cell: int = 5, published=None, lang: str = "nl",
                 title: str | None = None):
    """Agency network (:func:`network`): node size by pupils, edge width by shared pupils.

    Connected agencies are placed with the Kamada–Kawai layout (deterministic); agencies that share
    no pupil with another one are drawn in a row underneath. Only agencies with at least
    ``min_cell`` pupils (and, with ``published``, only those whose count the exported table shows)
    are named and drawn to size; the others are grey dots of one size. A line is drawn to size only
    for at least ``min_cell`` shared pupils; fewer give one thin line (a size would give the count).
    """
    import networkx as nx

    from .plots import GREY, PALETTE, house_style

    check_lang(lang)
    lab = _LABELS[lang]
    with house_style({"axes.grid": False}):
        ax = _new_axes(ax, (8.0, 7.0))
        linked = graph.subgraph([n for n in graph if graph.degree[n] > 0])
        pos = nx.kamada_kawai_layout(linked) if len(linked) > 1 else {n: np.zeros(2) for n in linked}
        alone = [n for n in graph if n not in pos]  # agencies sharing no pupil: a row underneath
        for i, n in enumerate(alone):
            pos[n] = np.array([-1 + 2 * (i + 0.5) / len(alone), -1.25])
        allowed = None if published is None else set(published)
        shown = {n: graph.nodes[n]["n_pupils"] >= min_cell and (allowed is None or n in allowed) for n in graph}
        sizes = np.array([graph.nodes[n]["n_pupils"] if shown[n] else 1 for n in graph])
        widths = [0.5 + (w if w >= min_cell else 0.5) for w in (graph.edges[e]["weight"] for e in graph.edges)]
        nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, edge_color=GREY, alpha=0.5)
        nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=40 + 25 * sizes,
                               node_color=[PALETTE[0] if shown[n] else GREY for n in graph], alpha=0.9)
        names = sorted((n for n in graph if shown[n]), key=lambda n: (-graph.nodes[n]["n_pupils"], str(n)))
        ax.set_axis_off()
        _place_labels(ax, pos, names, radius={n: np.sqrt(40 + 25 * s) / 2 for n, s in zip(graph, sizes)})
        ax.set_title(title or lab["net_title"])
        ax.text(0, -0.02, lab["net_note"].format(k=min_cell), transform=ax.transAxes, fontsize=8, color=GREY,
                va="top")
    return ax


def _place_labels(ax, pos: dict, names: list, radius: dict, fontsize: float = 8.5) -> None:
    """Name nodes without overlaps: each label (largest node first) goes to the first of 8 spots around its
    node (right, left, above, below, diagonals) where it covers no label placed before and no node, else to
    the spot covering least; a white halo keeps it readable over lines."""
    import matplotlib.patheffects as pe

    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    scale = fig.dpi / 72  # marker sizes are in points
    nodes = {n: (to_px(p), radius[n] * scale) for n, p in pos.items()}
    placed: list = []
    spots = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
             (0, -1, "center", "top"), (0.75, 0.75, "left", "bottom"), (-0.75, 0.75, "right", "bottom"),
             (0.75, -0.75, "left", "top"), (-0.75, -0.75, "right", "top")]

    def cost(box, own):
        hit = sum(box.overlaps(b) for b in placed)
        for other, (xy, r) in nodes.items():
            if other != own and box.x0 - r < xy[0] < box.x1 + r and box.y0 - r < xy[1] < box.y1 + r:
                hit += 0.5
        inside = ax.bbox
        return hit + 2 * (box.x0 < inside.x0 or box.x1 > inside.x1 or box.y0 < inside.y0 or box.y1 > inside.y1)

    for n in names:
        xy, r = nodes[n]
        best = None
        for dx, dy, ha, va in spots:
            gap = r + 2 * scale
            text = ax.annotate(str(n), pos[n], xytext=(dx * gap / scale, dy * gap / scale), textcoords="offset points",
                               ha=ha, va=va, fontsize=fontsize, zorder=5,
                               path_effects=[pe.withStroke(linewidth=3, foreground="white")])
            box = text.get_window_extent(renderer)
            c = cost(box, n)
            if best is None or c < best[0]:
                if best is not None:
                    best[1].remove()
                best = (c, text, box)
            else:
                text.remove()
            if c == 0:
                break
        placed.append(best[2])


def plot_schools(table: pd.DataFrame, ax=None, *, school: str = "school", lang: str = "nl",
                 title: str | None = None):
    """School comparison from :meth:`Nulmeting.to_frame`: agencies per 100 files read, and the expected
    number of agencies at a common number of files (rarefaction, Chao et al. 2014), with interval."""
    import matplotlib.pyplot as plt

    from .plots import PALETTE, house_style, format_axis

    check_lang(lang)
    lab = _LABELS[lang]
    r = table.sort_values("agencies_per_100_pupils", ascending=True)
    with house_style():
        if ax is None:
            fig, ax = plt.subplots(1, 2, figsize=(10.0, 0.6 * len(r) + 2.2), sharey=True)
        left, right = ax
        y = np.arange(len(r))
        left.barh(y, r["agencies_per_100_pupils"], color=PALETTE[0])
        left.set_yticks(y, r[school])
        left.set_xlabel(lab["per100"])
        format_axis(left, "x", decimals=0, lang=lang)
        err = np.vstack([r["common_estimate"] - r["common_lower"], r["common_upper"] - r["common_estimate"]])
        right.errorbar(r["common_estimate"], y, xerr=err, fmt="o", color=PALETTE[1], capsize=3)
        right.set_xlabel(lab["common"].format(t=count_text(r["common_files"].iloc[0], lang)))
        right.set_xlim(left=0)
        format_axis(right, "x", decimals=0, lang=lang)
        for a in (left, right):
            a.grid(axis="x")
            a.grid(axis="y", visible=False)
        left.set_title(title or lab["schools_title"])
        right.set_title(lab["common_title"])
    return ax


TABLE_KINDS: tuple[str, ...] = ("schools", "fragmentation", "network")


@dataclass
class Nulmeting:
    """All results of a file study (see :func:`analyze`); tables are tidy DataFrames."""

    counts: pd.DataFrame
    agencies: pd.DataFrame
    pupils: pd.DataFrame
    fragmentation: pd.DataFrame
    richness: pd.DataFrame
    accumulations: dict
    networks: dict
    names: pd.DataFrame
    report: object
    school: str = "school"
    min_cell: int = 5
    notes: list = field(default_factory=list)

    @property
    def schools(self) -> list:
        """School names in the order of the tables."""
        return self.counts[self.school].tolist()

    def to_frame(self) -> pd.DataFrame:
        """Key table, one row per school: counts, fragmentation and richness side by side."""
        return (self.counts.merge(self.fragmentation.drop(columns="n_agencies"), on=self.school, how="left")
                .merge(self.richness.drop(columns=["observed"]), on=self.school, how="left"))

    def table(self, lang: str = "nl", *, kind: str = "schools", school=None) -> pd.DataFrame:
        """A table to show people: Dutch (or English) headers with units, rounded numbers.

        Parameters
        ----------
        kind : {"schools", "fragmentation", "network"}
            ``schools``: the key figures per school; ``fragmentation``: how concentrated the care
            is per school; ``network``: per agency of one ``school``, the pupils it shares with
            other agencies. The unformatted numbers are in :meth:`to_frame`, ``fragmentation``
            and :func:`network_table`.
        """
        from .display import display_table

        check_lang(lang)
        if kind not in TABLE_KINDS:
            raise InputError(t("bad_option", lang, value=kind, param="kind", allowed=", ".join(TABLE_KINDS)))
        if kind == "fragmentation":
            return display_table(self.fragmentation, lang)
        if kind == "network":
            return display_table(network_table(self.networks[self._school(school, lang)]), lang)
        k = self.to_frame()
        n = lambda x, d=0: format_number(x, d, lang)  # noqa: E731
        ci = lambda e, lo, hi: "–" if pd.isna(e) else f"{n(e)} ({n(lo)}–{n(hi)})"  # noqa: E731
        cols = {"nl": ["school", "leerlingen op school (dossiers gelezen)", "leerlingen met instantie",
                       "instanties gevonden", "instanties per 100 gelezen dossiers", "instanties per gelezen dossier (gem.)",
                       "leerlingen met 2 of meer instanties (% van gelezen)", "verwacht bij alle dossiers (95%-BI)"],
                "en": ["school", "pupils in school (files read)", "pupils with agency", "agencies found",
                       "agencies per 100 files read", "agencies per file read (mean)", "pupils with 2 or more agencies (% of read)",
                       "expected with all files (95% CI)"]}[lang]
        rows = []
        for _, r in k.iterrows():
            total = r["n_total"] if pd.notna(r.get("n_total")) else r["n_pupils"]
            rows.append([r[self.school], f"{n(total)} ({n(r['n_pupils'])})", n(r["n_pupils_with_agency"]),
                         n(r["n_agencies"]), n(r["agencies_per_100_pupils"], 1), n(r["mean_agencies_per_pupil"], 2),
                         format_number(100 * r["share_2plus"], 0, lang) + "%",
                         ci(r.get("expected_total"), r.get("total_lower"), r.get("total_upper"))])
        return pd.DataFrame(rows, columns=cols)

    def _school(self, school, lang: str = "nl"):
        if school is None:
            return self.schools[0]
        if school not in self.schools:
            raise InputError(t("nm_err_unknown_school", lang, school=school, schools=", ".join(map(str, self.schools))))
        return school

    def summary(self, school=None, lang: str = "nl") -> str:
        """Short conclusion text for one school, generated from the results (Dutch by default).

        The text is published (captions, factsheet), so it follows the tables' disclosure rule: a
        number of pupils below ``min_cell`` is written as "minder dan 5" (:func:`evaluatie.privacy.small_count`),
        and shares and means that would reveal such a number are left out.
        """
        check_lang(lang)
        name = self._school(school, lang)
        c = self.to_frame().set_index(self.school).loc[name]
        k = self.min_cell
        n = lambda x, d=0: format_number(x, d, lang)  # noqa: E731
        pct = lambda x: format_number(100 * x, 0, lang) + "%"  # noqa: E731
        people = lambda x: small_count(int(x), k, lang)  # noqa: E731
        pupils = self.pupils[self.pupils[self.school] == name]["n_agencies"]
        helped, total, two = int(c["n_pupils_with_agency"]), int(c["n_pupils"]), int((pupils >= 2).sum())
        # a number of pupils is written only when the exported key-figure table shows it (the same
        # protection: a difference such as pupils - with, or with - two, may be a small count too)
        shown = self.published_counts(name)

        def count(x: int, key: str) -> str:
            if shown[key]:
                return count_text(x, lang)
            if is_small(x, k):
                return people(x)
            return t("nm_all_but", lang, k=k) if is_small(total - x, k) else t("nm_hidden", lang, marker=HIDDEN)

        word = {"nl": ("instantie", "instanties"), "en": ("agency", "agencies")}[lang][int(c["n_agencies"] != 1)]
        agencies = count_text(c["n_agencies"], lang)  # published counts follow the rounding rule in force
        if is_small(total, k):  # "bij minder dan 5 van de minder dan 5 leerlingen" says nothing: say it once
            parts = [t("nm_found_few_files", lang, agencies=agencies, word=word, k=k)]
        else:
            parts = [t("nm_found", lang, agencies=agencies, word=word, helped=count(helped, "with"),
                       pupils=people(total), share=f" ({pct(helped / total)})" if shown["with"] and shown["pupils"]
                       else "")]
        if helped:
            if shown["with"] and shown["links"]:  # links / with: the mean gives 'with' back otherwise
                parts.append(t("nm_mean", lang, mean=n(pupils[pupils > 0].mean(), 1)))
            if two == 0:
                parts.append(t("nm_two_none", lang))
            elif shown["two"] and shown["pupils"]:
                parts.append(t("nm_two", lang, two=pct(two / total)))
            else:  # a count (or words), not a share that would give it back
                shown_two = count(two, "two")
                parts.append(t("nm_two_count", lang, two=shown_two[:1].upper() + shown_two[1:]))
            if c["n_agencies"] > 3:  # with three agencies or fewer, "the three largest" hold everything
                parts.append(t("nm_top3", lang, share=pct(c["top3_share"])))
            sizes = self.agencies.loc[self.agencies[self.school] == name, "n_pupils"]
            tail = int((sizes < k).sum())
            if tail == len(sizes):  # "2 van de 2 instanties": all of them
                key = {1: "nm_tail_one", 2: "nm_tail_both"}.get(len(sizes), "nm_tail_all")
                parts.append(t(key, lang, total=count_text(len(sizes), lang), k=k))
            elif tail:
                parts.append(t("nm_tail", lang, n=count_text(tail, lang), total=count_text(len(sizes), lang), k=k))
        if name in self.accumulations:
            parts.append(self.accumulations[name].prediction(lang, min_cell=k))
        return " ".join(p for p in parts if p)

    def _hidden(self) -> dict:
        """Hidden cells of the exported tables (:meth:`table_specs`), protected exactly as
        :func:`evaluatie.report.export_tables` protects them (threshold ``min_cell``, with their links)."""
        if getattr(self, "_hidden_cells", None) is None:
            from .report import _layout, _protect

            tables, _, links = self.table_specs(lang="nl")
            layouts = {n: _layout(n, spec, "nl") for n, spec in tables.items()}
            hidden = _protect(layouts, threshold=self.min_cell, links=links)
            self._hidden_cells = {kind: (layouts[n].counts, hidden[n]) for kind, n in
                                  (("key", next(n for n in tables if n.endswith(_EXPORT["nl"]["key_table"]))),
                                   ("agencies", next(n for n in tables if n.endswith(_EXPORT["nl"]["agency_table"]))))}
        return self._hidden_cells

    def published_agencies(self) -> dict:
        """Per school, the agencies whose number of pupils the exported agency table shows.

        The figures draw only these counts, so that figure and table together never give back a
        hidden cell (:meth:`_hidden`).
        """
        counts, mask = self._hidden()["agencies"]
        return {s: {a for a in counts.index if not mask.at[a, s] and counts.at[a, s] >= self.min_cell}
                for s in counts.columns}

    def published_counts(self, school) -> dict:
        """For one school: which pupil counts of the key-figure table are shown (``pupils``, ``without``,
        ``with``, ``one``, ``two``, ``links`` → bool). A school below ``min_cell`` shows none."""
        counts, mask = self._hidden()["key"]
        names = _EXPORT["nl"]
        keys = ("pupils", "without", "with", "one", "two", "links")
        if school not in counts.index:
            return dict.fromkeys(keys, False)
        return {k: not bool(mask.at[school, names[k]]) for k in keys}

    def plot(self, kind: str = "agencies", school=None, ax=None, lang: str = "nl"):
        """Draw one figure: ``agencies``, ``per_pupil``, ``accumulation``, ``network`` or ``schools``.

        The agency chart and the accumulation curve get a title that states the finding (:meth:`finding`),
        with the school and the question under it.
        """
        check_lang(lang)
        name = None if kind == "schools" else self._school(school, lang)
        if kind in ("agencies", "accumulation"):
            ax = self._plot(kind, name, ax, lang)
            finding_title(ax, self.finding(kind, name, ax, lang), f"{name} · {ax.get_title(loc='left')}")
            return ax
        return self._plot(kind, name, ax, lang)

    def finding(self, kind: str, school, ax, lang: str = "nl") -> str:
        """The finding for the title of a school's accumulation curve or agency chart (counts as published).

        Accumulation: agencies found, whether the curve still rises
        (:meth:`evaluatie.richness.Accumulation.flattened`) and, with the school's pupil total, the estimate
        for all files with its interval. Agency chart: agencies involved and how many of them are drawn
        (those with at least ``min_cell`` pupils that the table publishes: the bars of ``ax``).
        """
        if kind == "accumulation":
            return self.accumulations[school].finding(lang, min_cell=self.min_cell)
        sizes = self.agencies.loc[(self.agencies[self.school] == school) & (self.agencies["n_pupils"] > 0)]
        # the bars drawn are named and countable in the figure, so written exactly; the number of agencies
        # involved follows the rounding rule
        n, big = len(sizes), len(ax.patches)
        if not big:
            return t("nm_agencies_finding_none", lang, n=count_text(n, lang), k=self.min_cell)
        return t("nm_agencies_finding", lang, n=count_text(n, lang), big=format_number(big, 0, lang), k=self.min_cell)

    def _plot(self, kind: str, name, ax, lang: str):
        if kind == "agencies":
            return plot_agencies(self.agencies[self.agencies[self.school] == name], ax, min_cell=self.min_cell,
                                 published=self.published_agencies().get(name, set()), lang=lang)
        if kind == "per_pupil":
            return plot_agencies_per_pupil(self.pupils[self.pupils[self.school] == name], ax,
                                           min_cell=self.min_cell, published=self.published_counts(name), lang=lang)
        if kind == "accumulation":
            if name not in self.accumulations:
                raise InputError(t("nm_err_no_accumulation", lang, school=name))
            return plot_accumulation(self.accumulations[name], ax, lang=lang)
        if kind == "network":
            return plot_network(self.networks[name], ax, min_cell=self.min_cell,
                                published=self.published_agencies().get(name, set()), lang=lang)
        if kind == "schools":  # schools with fewer than min_cell pupils are never shown (see save_figures)
            frame = self.to_frame()
            shown = frame[frame["n_pupils"] >= self.min_cell].dropna(subset=["common_estimate"])
            return plot_schools(shown, ax, school=self.school, lang=lang)
        raise InputError(t("nm_err_unknown_figure", lang, kind=kind))

    def save_figures(self, *, source: str, folder=None, prefix: str = "01", lang: str = "nl") -> dict:
        """Write every figure (per school, plus the school comparison) with :func:`evaluatie.save_figure`.

        A school with fewer than ``min_cell`` pupils is never shown on its own: it gets no figures,
        is left out of the comparison figure and its caption, and a note (with the name masked: a
        pupil's name typed in the School cell becomes such a group) is added to the report.
        """
        import matplotlib.pyplot as plt

        from .plots import save_figure

        small = self.counts.loc[self.counts["n_pupils"] < self.min_cell, self.school].tolist()
        if small and hasattr(self.report, "notes"):
            self.report.notes.append(t("note_small_groups_omitted", lang, n=len(small), min_cell=self.min_cell,
                                       masked=", ".join(mask_value(s) for s in small)))

        lab = {"nl": ("instanties", "per_leerling", "verzamelcurve", "netwerk", "scholen"),
               "en": ("agencies", "per_pupil", "accumulation", "network", "schools")}[check_lang(lang)]
        written = {}
        kinds = ["agencies", "per_pupil", "accumulation", "network"]
        for i, name in enumerate(self.schools):
            if name in small:
                continue
            counts = self.counts.set_index(self.school).loc[name]
            for kind, label in zip(kinds, lab):
                if kind == "accumulation" and name not in self.accumulations:
                    continue
                ax = self.plot(kind, name, lang=lang)
                slug = f"{prefix}_{label}" + (f"_{i + 1}" if len(self.schools) > 1 else "")
                if kind not in ("agencies", "accumulation"):  # those name the school under their finding
                    ax.figure.suptitle(str(name), x=0.01, ha="left", fontsize=10, color="#555555")
                caption = f"{name}. " + self.summary(name, lang)
                written[slug] = save_figure(ax.figure, slug, source=source, n=int(counts["n_pupils"]),
                                            caption=caption, folder=folder, lang=lang)
                plt.close(ax.figure)
        shown = self.to_frame()[~self.to_frame()[self.school].isin(small)]
        if shown["common_estimate"].notna().sum() > 1:
            axes = self.plot("schools", lang=lang)
            slug = f"{prefix}_{lab[4]}"
            caption = _LABELS[lang]["per100"] + ": " + "; ".join(
                f"{r[self.school]}: {format_number(r['agencies_per_100_pupils'], 1, lang)}"
                for _, r in shown.iterrows())
            written[slug] = save_figure(axes[0].figure, slug, source=source, n=int(shown["n_pupils"].sum()),
                                        caption=caption, folder=folder, lang=lang)
            plt.close(axes[0].figure)
        return written

    def export_tables(self, *, folder=None, source: str | None = None, prefix: str = "01",
                      lang: str = "nl") -> dict:
        """Write the key figures and the agency × school table as one protected set.

        Both tables go into ``<prefix>_tabellen.xlsx`` (plus a CSV each) through
        :func:`evaluatie.report.export_tables`, suppressed as one system: the key-figure column
        "koppelingen" (pupil–agency links) equals the column total of the agency table, so what
        one table shows cannot undo the protection of the other. Means and shares are derived
        from the published counts and hidden with them. Indices that are exact functions of the
        small cells (Herfindahl, top-3 share, share of agencies with one pupil) are not exported;
        the richness estimates (Chao2, expected total) are shown rounded to whole agencies.

        Returns
        -------
        dict mapping file name to path (see :func:`evaluatie.report.export_tables`).
        """
        from .report import export_tables

        tables, notes, links = self.table_specs(prefix=prefix, lang=lang)
        names = _EXPORT[lang]
        return export_tables(tables, folder if folder is not None else _reports_folder(),
                             workbook=f"{prefix}_{names['workbook']}", source=source or names["source"],
                             notes=notes, threshold=self.min_cell, links=links, lang=lang)

    def table_specs(self, *, prefix: str = "01", lang: str = "nl") -> tuple[dict, dict, list]:
        """The exported tables as :class:`evaluatie.report.Table` specs, their notes and the links between them.

        For :func:`evaluatie.report.export_tables`, alone (:meth:`export_tables`) or together with other
        tables in one workbook (``evaluatie rapport``).
        """
        from .report import Table

        check_lang(lang)
        school = self.school
        names = _EXPORT[lang]
        k = self.to_frame().set_index(school)
        k = k[k["n_pupils"] >= self.min_cell]  # a school below min_cell is never shown on its own
        per_pupil = self.pupils[self.pupils[school].isin(k.index)].groupby(school)["n_agencies"]
        two = per_pupil.apply(lambda x: int((x >= 2).sum()))
        # the differences are counts of pupils too (pupils - with = without; with - two = exactly one):
        # published as columns, linked, so that suppression protects them as it protects the rest
        counts = {names["pupils"]: k["n_pupils"], names["without"]: k["n_pupils"] - k["n_pupils_with_agency"],
                  names["with"]: k["n_pupils_with_agency"], names["one"]: k["n_pupils_with_agency"] - two,
                  names["two"]: two, names["links"]: per_pupil.sum()}
        key = pd.DataFrame(counts).astype("Int64")
        # the number of agencies is no count of pupils, and it equals the number of non-zero cells of the
        # school's column in the agency table (hidden cells there are at least 1): it is shown as it is
        key[names["agencies"]] = k["n_agencies"].astype(float)
        key[names["per100"]] = 100 * key[names["agencies"]] / key[names["pupils"]]
        key[names["mean"]] = key[names["links"]] / key[names["pupils"]]
        key[names["share2"]] = key[names["two"]] / key[names["pupils"]]
        for col, est in (("chao2", "chao2"), ("chao2_lower", "chao2_lower"), ("chao2_upper", "chao2_upper"),
                         ("expected", "expected_total"), ("expected_lower", "total_lower"),
                         ("expected_upper", "total_upper")):
            if est in k:
                key[names[col]] = k[est].astype(float)
        key = key.astype({c: float for c in key.columns if c not in counts})
        key.index = key.index.rename(names["school"])
        estimates = [c for c in key.columns if c not in counts and c not in
                     (names["per100"], names["mean"], names["share2"])]
        derived = {names["per100"]: (names["pupils"],),
                   names["mean"]: (names["links"], names["pupils"]),
                   names["share2"]: (names["two"], names["pupils"]),
                   **{c: (names["pupils"],) for c in estimates}}
        agencies = self.agencies.pivot_table(index="agency", columns=school, values="n_pupils", fill_value=0,
                                             aggfunc="sum").astype(int)
        agencies = agencies.reindex(columns=key.index, fill_value=0)
        agencies.index = agencies.index.rename(names["agency"])
        flagged = set(getattr(self.report, "identifier_columns", [])) & {"agency_raw", "agency"}
        agencies.attrs["identifier_columns"] = [names["agency"]] if flagged else []  # the guard refuses it
        agencies.columns = agencies.columns.rename(None)
        kern, inst = f"{prefix}_{names['key_table']}", f"{prefix}_{names['agency_table']}"
        links = [((kern, s, names["links"]), [(inst, TOTAL_LABEL, s)]) for s in key.index]
        links += [((kern, s, names["pupils"]), [(kern, s, names["with"]), (kern, s, names["without"])])
                  for s in key.index]
        links += [((kern, s, names["with"]), [(kern, s, names["one"]), (kern, s, names["two"])]) for s in key.index]
        derived[names["agencies"]] = (names["pupils"],)
        tables = {kern: Table(key, counts=list(counts), percent=[names["share2"]], derived=derived,
                              decimals={names["per100"]: 1, names["mean"]: 2, names["agencies"]: 0,
                                        **{c: 0 for c in estimates}},
                              cross=False),
                  inst: Table(agencies, cross=True)}
        return tables, {kern: names["key_note"], inst: names["agency_note"]}, links


#: Headers and notes of the exported nulmeting tables.
_EXPORT = {
    "nl": {"school": "school", "pupils": "leerlingen (dossiers gelezen)", "with": "leerlingen met instantie",
           "without": "leerlingen zonder instantie", "one": "leerlingen met 1 instantie",
           "two": "leerlingen met 2 of meer instanties", "agencies": "instanties",
           "links": "koppelingen leerling-instantie", "per100": "instanties per 100 gelezen dossiers",
           "mean": "instanties per gelezen dossier (gem.)", "share2": "aandeel leerlingen met 2 of meer instanties",
           "chao2": "geschat aantal instanties (Chao2)", "chao2_lower": "Chao2 ondergrens (95%-BI)",
           "chao2_upper": "Chao2 bovengrens (95%-BI)", "expected": "verwacht aantal instanties bij alle dossiers",
           "expected_lower": "verwacht: ondergrens (95%-BI)", "expected_upper": "verwacht: bovengrens (95%-BI)",
           "agency": "instantie", "key_table": "kerncijfers", "agency_table": "instanties_per_school",
           "workbook": "tabellen.xlsx", "source": "dossieronderzoek (nulmeting)",
           "key_note": "Kerncijfers per school. Koppelingen = aantal combinaties leerling × instantie (een "
                       "instantie twee keer genoemd bij een leerling telt één keer). Gemiddelden en aandelen "
                       "gaan over alle leerlingen van wie het dossier gelezen is. Het geschatte aantal (Chao2) "
                       "en het verwachte aantal bij alle dossiers zijn schattingen met een 95%-betrouwbaarheidsinterval.",
           "agency_note": "Aantal leerlingen per instantie en school (leerlingen met die instantie in het dossier)."},
    "en": {"school": "school", "pupils": "pupils (files read)", "with": "pupils with an agency",
           "without": "pupils without an agency", "one": "pupils with 1 agency",
           "two": "pupils with 2 or more agencies", "agencies": "agencies", "links": "pupil-agency links",
           "per100": "agencies per 100 files read", "mean": "agencies per file read (mean)",
           "share2": "share of pupils with 2 or more agencies", "chao2": "estimated number of agencies (Chao2)",
           "chao2_lower": "Chao2 lower bound (95% CI)", "chao2_upper": "Chao2 upper bound (95% CI)",
           "expected": "expected number of agencies with all files", "expected_lower": "expected: lower bound (95% CI)",
           "expected_upper": "expected: upper bound (95% CI)", "agency": "agency", "key_table": "key_figures",
           "agency_table": "agencies_per_school", "workbook": "tables.xlsx", "source": "file study (baseline)",
           "key_note": "Key figures per school. Links = pupil × agency combinations (an agency mentioned twice for "
                       "a pupil counts once). Means and shares are over all pupils whose file was read. The "
                       "estimated number (Chao2) and the expected number with all files are estimates with a 95% "
                       "confidence interval.",
           "agency_note": "Number of pupils per agency and school (pupils with that agency in their file)."},
}


def _reports_folder():
    import os
    from pathlib import Path

    return Path(os.environ.get("EVALUATIE_RAPPORTEN", "reports"))


def _pupil_totals(n_total, schools: list, lang: str = "nl") -> dict:
    """``n_total`` as ``{school: number}``; one number is refused when the file has several schools."""
    if n_total is None:
        return {}
    if not isinstance(n_total, dict):
        if len(schools) > 1:
            raise InputError(t("pupils_one_for_many", lang, n=n_total, k=len(schools),
                               schools=", ".join(map(str, schools)),
                               example=", ".join(f"{s}={n_total if i == 0 else '...'}" for i, s in
                                                 enumerate(schools[:2]))))
        n_total = {schools[0]: n_total}
    unknown = [str(s) for s in n_total if s not in schools]
    if unknown:
        raise InputError(t("pupils_unknown_school", lang, unknown=", ".join(f"'{s}'" for s in unknown),
                           schools=", ".join(f"'{s}'" for s in schools)))
    bad = [f"{s}={v!r}" for s, v in n_total.items() if isinstance(v, bool) or not isinstance(v, (int, np.integer))
           or v < 1]
    if bad:
        raise InputError(t("pupils_not_count", lang, values=", ".join(bad)))
    return {s: int(v) for s, v in n_total.items()}


def _pupils_from_column(data: pd.DataFrame, column: str, *, school: str, report) -> dict:
    """Total pupils per school read from a column of the dossier file (one number per school).

    ``column`` is the header as in the user's file (kept by :func:`evaluatie.read_table` as an extra
    column) or a column of ``data``; headers are also matched without case, spaces and punctuation.
    Every school needs one whole number of at least 1; different numbers on the rows of one school are
    refused (naming the rows), and a school whose cells are all empty gets no total (with a note).
    """
    from .io import parse_number
    from .schemas import normalize_header

    found = column if column in data.columns else next(
        (c for c in data.columns if normalize_header(c) == normalize_header(column)), None)
    if found is None:
        shown = [c for c in data.columns if c not in ("source_row", "_row")]
        raise InputError(t("pupils_column_missing", report.lang, column=column, columns=", ".join(f"'{c}'" for c in shown)))
    rows = data["source_row"] if "source_row" in data else pd.Series(np.arange(2, len(data) + 2), index=data.index)
    totals, empty = {}, []
    for name, part in data.groupby(school, sort=True):
        values = {}
        for idx, value in part[found].items():
            try:
                number = parse_number(value)
            except ValueError:
                try:  # '160.0' as written by a spreadsheet export
                    number = parse_number(value, decimal=".")
                except ValueError:
                    number = -1.0
            if np.isnan(number):
                continue
            if number < 1 or number != int(number):
                raise InputError(t("pupils_column_not_count", report.lang, column=found, value=value, school=name,
                                   row=int(rows[idx])))
            values.setdefault(int(number), int(rows[idx]))
        if not values:
            empty.append(str(name))
        elif len(values) > 1:
            raise InputError(t("pupils_column_conflict", report.lang, column=found, school=name,
                               values=", ".join(t("value_at_row", report.lang, value=v, row=r)
                                                for v, r in sorted(values.items(), key=lambda x: x[1]))))
        else:
            totals[name] = next(iter(values))
    if empty:
        report.notes.append(t("pupils_column_empty", report.lang, column=found, schools=", ".join(f"'{s}'" for s in empty)))
    report.notes.append(t("pupils_column_used", column=found,
                          values=", ".join(f"{s} {v}" for s, v in totals.items()) or "-"))
    return totals


def _note_suspect_schools(data, counts, report, *, school, agency) -> None:
    """Notes for schools without any agency, and school names that look like a typo of another."""
    from .quality import near_duplicates

    empty = counts.loc[counts["n_agencies"] == 0, school].tolist()
    similar = near_duplicates(data[school], score_cutoff=85)
    look = dict(zip(similar["value"], similar["similar_to"]))
    for name in empty:
        report.notes.append(t("school_no_agency", name=name, n=int(counts.loc[counts[school] == name, "n_pupils"].iloc[0])))
    for name, other in look.items():
        report.notes.append(t("school_looks_like", name=name, other=other))


def analyze(dossier: pd.DataFrame, *, n_total=None, mapping=None, school: str = "school", pupil: str = "pupil",
            agency: str = "agency", agency_type: str | None = "agency_type", report=None, min_cell: int = 5,
            level: float = 0.95, n_boot: int = 200, seed=0) -> Nulmeting:
    """Complete analysis of a file study, for one school or many: counts, fragmentation, richness, network.

    Parameters
    ----------
    dossier : DataFrame
        One row per pupil × agency mention (``kind="dossier"`` of :func:`evaluatie.read_table`). If
        the ``agency`` column is missing, ``agency_raw`` is normalized with
        :func:`evaluatie.agencies.normalize` (and ``mapping``).
    n_total : int, dict or str, optional
        Number of pupils in the school when not every file was read: one number for a file with one
        school, ``{school: number}`` for several schools (one number for several schools is refused:
        schools differ in size), or the name of a column of the dossier file that gives each school's
        number on its rows (e.g. ``"Leerlingen school"``, as headed in the file; different numbers
        within one school are refused). The richness table then predicts the number of agencies in a
        complete study.
    mapping : DataFrame or path, optional
        Reviewed agency-name mapping (see :func:`evaluatie.agencies.normalize`).
    report : QualityReport, optional
        The report of :func:`evaluatie.read_table`; analysis remarks are added to it (a new report
        is made when not given). Rows are named by ``source_row`` when present.
    min_cell : int
        Smallest group of pupils shown in figures and exported tables.

    Returns
    -------
    Nulmeting
        ``counts``, ``agencies``, ``pupils``, ``fragmentation``, ``richness`` (one row per school:
        ``files_read``, ``n_total``, ``observed``, Chao2 with interval, ``expected_total`` with
        interval and the expected number at a common number of files, ``common_*``),
        ``accumulations`` and ``networks`` per school, ``names`` (the normalization), ``report`` and
        ``notes`` (the remarks this analysis added to the report, Dutch);
        ``.summary()``, ``.to_frame()``, ``.plot(kind)``, ``.save_figures()``, ``.export_tables()``.

    Examples
    --------
    >>> from evaluatie import synthetic
    >>> d, truth = synthetic.dossier(seed=5, read_fraction=0.6)
    >>> res = analyze(d, n_total=160)
    >>> res.summary().startswith("De school had te maken met")
    True
    >>> int(analyze(d.assign(leerlingen=160), n_total="leerlingen").richness["n_total"].iloc[0])
    160
    """
    from .quality import QualityReport

    data = dossier.copy()
    report = report if report is not None else QualityReport(source="dossier", kind="dossier", n_read=len(data))
    first_note = len(report.notes)
    rows = data["source_row"] if "source_row" in data else pd.Series(np.arange(2, len(data) + 2), index=data.index)
    labels = dossier.attrs.get("labels", {})
    if agency not in data.columns and "agency_raw" in data.columns and not dossier.attrs.get(CHECKED):
        # a table not read with read_table: cells naming several agencies become one row each here
        data = split_cells(data.assign(_row=rows), mapping=mapping, report=report, rows=rows,
                           label=labels.get("agency_raw"), type_column=agency_type or "agency_type")
        data = data.reset_index(drop=True)
        rows = data.pop("_row")
    if agency not in data.columns and "agency_raw" in data.columns:
        from .agencies import normalize

        names = normalize(data["agency_raw"], mapping, lang=report.lang)
        data[agency] = names["agency"]
        if agency_type:
            given = data[agency_type] if agency_type in data else pd.Series(None, index=data.index, dtype=object)
            data[agency_type] = given.where(given.notna(), names["agency_type"])
        review = names[names["needs_review"]]
        if len(review):
            report.notes.append(t("nm_note_review", report.lang, n=review["raw"].nunique()))
        # a merge by place or role, and a generic name left apart ("Wijkteam"), are named one by one
        ruled = names.loc[names["method"].isin(["region", "role", "ambiguous"]), "reason"].dropna()
        for reason in dict.fromkeys(ruled):
            report.notes.append(t("nm_note_agency_rule", report.lang, reason=reason))
    else:
        names = pd.DataFrame(columns=["raw", "agency", "agency_type", "method", "score", "needs_review", "reason"])
    _check_columns(data, lang=report.lang, school=school, pupil=pupil, agency=agency)
    if agency_type and agency_type not in data:
        agency_type = None
    # report what the counting does with each kind of row, naming the column and cell as in the file
    written = "agency_raw" if len(names) and "agency_raw" in data.columns else agency
    column_label = labels.get(written) or labels.get(agency) or DUTCH_HEADERS["dossier"].get(written, written)
    has_agency = data[agency].notna()
    first_row = {}
    for idx in data.index[has_agency]:
        key = (data.at[idx, school], data.at[idx, pupil], data.at[idx, agency])
        if key in first_row:
            report.add(row=rows[idx], column=column_label, value=data.at[idx, written], action="dropped",
                       reason=t("nm_reason_duplicate", report.lang, row=first_row[key]))
        first_row.setdefault(key, rows[idx])
    helped = data.loc[has_agency, [school, pupil]].drop_duplicates()
    helped_keys = set(map(tuple, helped.to_numpy()))
    for idx in data.index[~has_agency]:
        if (data.at[idx, school], data.at[idx, pupil]) in helped_keys:
            report.add(row=rows[idx], column=column_label, value="", action="warning",
                       reason=t("nm_reason_empty_agency", report.lang))
    n_none = len(data[[school, pupil]].drop_duplicates()) - len(helped)
    if n_none:
        report.notes.append(t("nm_no_agency_note", report.lang, n=small_count(n_none, min_cell, report.lang)))

    counts = agency_counts(data, school=school, pupil=pupil, agency=agency, agency_type=agency_type)
    table = agency_table(data, school=school, pupil=pupil, agency=agency, agency_type=agency_type)
    pupils = pupil_table(data, school=school, pupil=pupil, agency=agency)
    frag = fragmentation(data, school=school, pupil=pupil, agency=agency)
    _note_suspect_schools(data, counts, report, school=school, agency=agency)
    if isinstance(n_total, str):
        n_total = _pupils_from_column(data, n_total, school=school, report=report)
    totals = _pupil_totals(n_total, counts[school].tolist(), report.lang)
    accs, nets, rich, matrices = {}, {}, [], {}
    for _, c in counts.iterrows():
        name, m = c[school], int(c["n_pupils"])
        part = data[data[school] == name]
        nets[name] = network(part, pupil=pupil, agency=agency)
        total = totals.get(name)
        if total is not None and total < m:
            raise InputError(t("pupils_below_files", report.lang, school=name, n=total, m=m))
        row = {school: name, "files_read": m, "n_total": total, "observed": int(c["n_agencies"])}
        if m < 2:
            shown = name if m >= min_cell else mask_value(name)  # a group of one may be a pupil's name
            report.notes.append(t("nm_tiny_school_note", report.lang, school=shown,
                                  n=small_count(m, min_cell, report.lang)))
            rich.append(row)
            continue
        y = matrices[name] = incidence_matrix(part, pupil=pupil, agency=agency)
        r = chao2(y, level, lang=report.lang)
        acc = accumulation(y, n_total=total, level=level, n_boot=n_boot, seed=seed, lang=report.lang)
        accs[name] = acc
        tot = acc.total
        row.update(chao2=r.estimate, chao2_lower=r.lower, chao2_upper=r.upper,
                   expected_total=tot["estimate"], total_lower=tot["lower"], total_upper=tot["upper"])
        rich.append(row)
    richness = pd.DataFrame(rich)
    # schools compared at the same number of files: the fewest any school read (rarefaction)
    common = min(a.n_files for a in accs.values()) if accs else None
    for col in ("common_files", "common_estimate", "common_lower", "common_upper"):
        richness[col] = np.nan
    for i, name in enumerate(richness[school]):
        if name in matrices:
            row = accumulation(matrices[name], sizes=[common], level=level, n_boot=n_boot, seed=seed).curve.iloc[0]
            richness.loc[i, ["common_files", "common_estimate", "common_lower", "common_upper"]] = (
                common, row["estimate"], row["lower"], row["upper"])
    return Nulmeting(counts, table, pupils, frag, richness, accs, nets, names, report, school, min_cell,
                     report.notes[first_note:])
