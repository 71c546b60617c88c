"""Quality report: what happened to every row read from a file.

Every row read is either used or listed here with a reason, so that nothing is lost silently.
``n_read == n_used + n_dropped`` always holds.

Examples
--------
>>> rep = QualityReport(source="a.csv", kind="panel", n_read=3)
>>> rep.add(row=4, column="aantal", value="-1", reason="aantal mag niet negatief zijn", action="dropped")
>>> rep.n_used, rep.n_dropped
(2, 1)
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from .text import check_lang, format_number, t

__all__ = ["QualityReport", "near_duplicates", "normalize_label"]

Action = Literal["dropped", "changed", "warning"]
ACTIONS: tuple[str, ...] = ("dropped", "changed", "warning")


@dataclass
class QualityReport:
    """Rows read, used and dropped for one loaded table, with a reason for every change.

    Attributes
    ----------
    source : str
        File name (or description) the table came from.
    kind : str
        Canonical table kind (``dossier``, ``panel``, ...).
    n_read : int
        Data rows read below the header, blank rows included.
    entries : list of dict
        One entry per dropped, changed or flagged cell: ``row`` (row number as shown in Excel or
        the line number in a CSV), ``column``, ``value``, ``reason``, ``action``.
    notes : list of str
        File-level remarks (encoding, header row, pseudonymization).
    identifier_columns : list of str
        Columns that appear to contain personal data and will not be exported.
    lang : {"nl", "en"}
        Language of reasons and the summary.
    """

    source: str = ""
    kind: str = ""
    n_read: int = 0
    entries: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    identifier_columns: list[str] = field(default_factory=list)
    lang: str = "nl"

    def add(self, *, row, column, value, reason: str, action: Action) -> None:
        """Record one row-level event; ``action`` is one of ``dropped``, ``changed``, ``warning``."""
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {ACTIONS}, got {action!r}")
        self.entries.append(
            {"row": row, "column": column, "value": "" if value is None else str(value),
             "reason": reason, "action": action}
        )

    def _rows(self, action: str) -> set:
        return {e["row"] for e in self.entries if e["action"] == action}

    @property
    def n_dropped(self) -> int:
        """Number of distinct rows that were not used."""
        return len(self._rows("dropped"))

    @property
    def n_used(self) -> int:
        """Number of rows in the returned table."""
        return self.n_read - self.n_dropped

    @property
    def n_changed(self) -> int:
        """Number of distinct used rows in which a value was changed."""
        return len(self._rows("changed") - self._rows("dropped"))

    @property
    def n_warnings(self) -> int:
        return sum(e["action"] == "warning" for e in self.entries)

    def dropped_rows(self) -> list:
        """Row numbers that were dropped, in order."""
        return sorted(self._rows("dropped"), key=lambda r: (r is None, r))

    def to_frame(self) -> pd.DataFrame:
        """One row per dropped, changed or flagged cell: ``row, column, value, reason, action``.

        The ``action`` column is in the report's language (``verwijderd``/``aangepast``/``waarschuwing``).
        """
        frame = pd.DataFrame(self.entries, columns=["row", "column", "value", "reason", "action"])
        labels = {a: t(f"action_{a}", self.lang) for a in ACTIONS}
        frame["action"] = frame["action"].map(labels)
        return frame.sort_values("row", kind="stable", na_position="first").reset_index(drop=True)

    def summary(self) -> str:
        """Short text: counts, file-level notes and (if any) the problems, one per line."""
        check_lang(self.lang)
        lines = [
            t("report_title", self.lang) + " — " + t(
                "report_line", self.lang, file=self.source, kind=self.kind, n_read=self.n_read,
                n_used=self.n_used, n_dropped=self.n_dropped, n_changed=self.n_changed,
                n_warn=self.n_warnings)
        ]
        lines += [f"  {n}" for n in self.notes]
        if not self.entries:
            lines.append("  " + t("no_problems", self.lang))
        for e in self.to_frame().itertuples(index=False):
            where = ", ".join(p for p in (f"{t('col_row', self.lang)} {e.row}" if e.row is not None else "",
                                          f"{t('col_column', self.lang)} '{e.column}'" if e.column else "") if p)
            value = f" (waarde: '{e.value}')" if e.value and self.lang == "nl" else (
                f" (value: '{e.value}')" if e.value else "")
            lines.append(f"  - {where}: {e.reason} [{e.action}]{value}")
        return "\n".join(lines)

    def to_counts(self) -> pd.DataFrame:
        """Rows per outcome: used rows, then dropped rows per reason (``outcome``, ``n``)."""
        dropped = [e for e in self.entries if e["action"] == "dropped"]
        first = {}
        for e in dropped:  # one reason per dropped row: the first recorded
            first.setdefault(e["row"], e["reason"].split(" (")[0])
        counts = pd.Series(list(first.values()), dtype=object).value_counts()
        label = "gebruikt" if self.lang == "nl" else "used"
        frame = pd.DataFrame({"outcome": [label, *counts.index], "n": [self.n_used, *counts.to_numpy()]})
        return frame.astype({"n": int})

    def plot(self, ax=None):
        """Horizontal bar chart: rows used and rows dropped per reason. Returns the Axes."""
        import matplotlib.pyplot as plt

        from .plots import GREY, PALETTE, format_axis, house_style

        counts = self.to_counts()
        with house_style():
            if ax is None:
                _, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * len(counts)))
            colors = [PALETTE[0]] + [GREY] * (len(counts) - 1)
            ax.barh(counts["outcome"][::-1], counts["n"][::-1], color=colors[::-1])
            for y, n in enumerate(counts["n"][::-1]):
                ax.annotate(format_number(n, 0, self.lang), (n, y), xytext=(3, 0), textcoords="offset points",
                            va="center", fontsize=9)
            nl = self.lang == "nl"
            ax.set_title(f"{format_number(self.n_used, 0, self.lang)} van {format_number(self.n_read, 0, self.lang)} "
                         f"rijen bruikbaar" if nl else
                         f"{format_number(self.n_used, 0, self.lang)} of {format_number(self.n_read, 0, self.lang)} "
                         "rows usable")
            ax.set_xlabel("aantal rijen" if nl else "number of rows")
            ax.grid(axis="y", visible=False)
            ax.grid(axis="x", visible=True)
            format_axis(ax, "x", lang=self.lang)
        return ax

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        head = html.escape(self.summary().splitlines()[0])
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        if self.entries:
            frame = self.to_frame().rename(columns={c: t(f"col_{c}", self.lang) for c in
                                                     ["row", "column", "value", "reason", "action"]})
            table = frame.to_html(index=False, escape=True)
        else:
            table = f"<p>{html.escape(t('no_problems', self.lang))}</p>"
        return f"<div><strong>{head}</strong><ul>{notes}</ul>{table}</div>"


# ------------------------------------------------------------------------- near-duplicate labels
_DIGITS = re.compile(r"\d+")


def normalize_label(values) -> pd.Series:
    """Trim, case-fold and collapse white space of category labels (vectorized).

    Examples
    --------
    >>> normalize_label(pd.Series([" sbo  De Regenboog ", "SBO De Regenboog"])).tolist()
    ['sbo de regenboog', 'sbo de regenboog']
    """
    series = pd.Series(values, dtype="object")
    return series.astype("string").str.normalize("NFKC").str.casefold().str.replace(
        r"\s+", " ", regex=True).str.strip().astype("object")


def near_duplicates(values, *, score_cutoff: float = 90) -> pd.DataFrame:
    """Spellings that probably name the same unit, school or agency.

    Two distinct labels are reported as a pair when, after trimming, case-folding and collapsing
    white space, they are identical (score 100) or their similarity (rapidfuzz ``fuzz.ratio``,
    an indel-distance ratio on 0–100) is at least ``score_cutoff``. Labels whose numbers differ
    (``Jeugdteam 3`` / ``Jeugdteam 4``, ``GGD 2023`` / ``GGD 2024``) name different units on
    purpose and are never paired.

    Parameters
    ----------
    values : sequence or Series
        Category labels, one per row (repeats allowed; missing values ignored).
    score_cutoff : float, default 90
        Smallest similarity (0–100) reported.

    Returns
    -------
    DataFrame with one row per pair: ``value`` (the less frequent spelling, the one to review),
    ``similar_to`` (the more frequent one, the suggestion), ``score`` (0–100), ``n_value`` and
    ``n_similar`` (rows with each spelling); sorted by score, highest first. Empty when nothing
    looks alike.

    Examples
    --------
    >>> near_duplicates(["SBO De Regenboog"] * 3 + ["sbo de regenboog ", "IKC Het Anker", "IKC Het Ankerr",
    ...                  "IKC Het Anker", "Jeugdteam 3", "Jeugdteam 4"])[["value", "similar_to", "score"]]
                   value        similar_to  score
    0  sbo de regenboog   SBO De Regenboog  100.0
    1     IKC Het Ankerr     IKC Het Anker   96.3
    """
    from rapidfuzz import fuzz, process

    if not 0 <= score_cutoff <= 100:
        raise ValueError(f"score_cutoff must lie between 0 and 100, got {score_cutoff!r}")
    columns = ["value", "similar_to", "score", "n_value", "n_similar"]
    series = pd.Series(values, dtype="object").dropna()
    series = series[series.astype(str).str.strip() != ""]
    counts = series.astype(str).value_counts(sort=False)
    if len(counts) < 2:
        return pd.DataFrame(columns=columns).astype({"score": float, "n_value": int, "n_similar": int})
    labels = counts.index.to_numpy(dtype=object)
    norm = normalize_label(labels).tolist()
    scores = process.cdist(norm, norm, scorer=fuzz.ratio, score_cutoff=score_cutoff, dtype=np.float32,
                           workers=1)
    i, j = np.nonzero(np.triu(scores, k=1))
    numbers = np.array([tuple(_DIGITS.findall(x)) for x in norm] + [None], dtype=object)[:-1]
    same_numbers = np.array([numbers[a] == numbers[b] for a, b in zip(i, j)], dtype=bool)
    i, j = i[same_numbers], j[same_numbers]
    n = counts.to_numpy()
    # the rarer spelling is the one to review; ties: the later one in sort order
    swap = (n[i] > n[j]) | ((n[i] == n[j]) & (labels[i].astype(str) < labels[j].astype(str)))
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    out = pd.DataFrame({"value": labels[a], "similar_to": labels[b],
                        "score": np.round(scores[i, j].astype(float), 1), "n_value": n[a], "n_similar": n[b]},
                       columns=columns)
    return out.sort_values(["score", "value"], ascending=[False, True], kind="stable").reset_index(drop=True)
